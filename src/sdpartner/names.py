"""How names compare: one folding rule shared by the loader (alias clashes) and the queries (lookups)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def _separators() -> re.Pattern[str]:  # compiled on first use: most commands never need it
    return re.compile(r"[\s\-_'’‘`·.,;:/()\[\]\"“”]+")


def _nfkc(text: str) -> str:
    if text.isascii():  # NFKC leaves ASCII as it is: no need to load the library
        return text
    import unicodedata  # a shared library: loaded by the commands that compare names, not by every command

    return unicodedata.normalize("NFKC", text)


@cache
def _cjk() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name: 'Tai'an' and 'TAIAN' fold alike."""
    text = _nfkc(text).casefold()
    return _separators().sub("", text)


def words(text: str) -> list[str]:
    """The words of a text, case- and width-folded, split at spaces and punctuation."""
    text = _nfkc(text).casefold()
    return [w for w in _separators().split(text) if w]


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains Chinese characters."""
    return bool(_cjk().search(text))


def simplified(text: str) -> str:
    """A reader's text in the simplified characters the plan is written in: traditional characters (青島, 濟南,
    跨國公司, 兩萬) as simplified, by OpenCC's t2s conversion. Only a text with a Chinese character that GB2312,
    the simplified character set, lacks is converted: loading OpenCC costs about 15 ms, and a text already in
    simplified characters needs nothing."""
    if text.isascii():
        return text
    try:
        text.encode("gb2312")
        return text
    except UnicodeEncodeError:
        pass
    if not any(_beyond_gb2312(ch) for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"):
        return text  # a character beyond it, but no Chinese one (an accent, a Korean letter)
    converter = _t2s()
    return text if converter is None else str(converter.convert(text))


def _beyond_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return False
    except UnicodeEncodeError:
        return True


@cache
def _t2s() -> Any:
    try:
        import opencc
    except ImportError:  # an installation without it: traditional characters are compared as typed
        return None
    return opencc.OpenCC("t2s.json")
