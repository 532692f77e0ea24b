"""The bilingual text type: every word a person reads exists in Chinese and English, picked one way."""

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
