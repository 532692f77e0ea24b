"""How names compare: one folding rule shared by the loader (alias clashes) and the queries (lookups)."""

from __future__ import annotations

import re
from functools import cache


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
