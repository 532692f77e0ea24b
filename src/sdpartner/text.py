"""The bilingual text type: every word a person reads exists in Chinese and English, picked one way; and
numbers as the two languages write them in names (7th, 七)."""

from typing import Annotated, Literal

from msgspec import Meta, Struct

Lang = Literal["en", "zh"]
NonEmpty = Annotated[str, Meta(min_length=1, max_length=20_000)]


class Text(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """A text in Chinese (as in the source, or our own words) and English (our translation)."""

    zh: NonEmpty
    en: NonEmpty

    def pick(self, lang: Lang) -> str:
        """The text in ``lang``: the one way code chooses a language."""
        return self.zh if lang == "zh" else self.en


def T(zh: str, en: str) -> Text:  # noqa: N802 - reads like a literal in the declarations
    """A Text, written positionally where many are declared together."""
    return Text(zh=zh, en=en)


_CN = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    """A small number in Chinese numerals: 7 -> 七, 12 -> 十二, 21 -> 二十一."""
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def nth(n: int) -> str:
    """1st, 2nd, 3rd, 11th ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
