"""How names compare: one folding rule shared by the loader (alias clashes) and the queries (lookups)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any


# what a name's form leaves out: whitespace (every character ``str.isspace`` calls one, as a pattern's \s does) and
# these marks. Dropped by ``str.translate``: a pattern of them cost 0.4 ms to compile, in every command that finds a name
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_MARKS = "-_'’‘`·.,;:/()[]\"“”"
_DROPPED = dict.fromkeys(map(ord, _SPACES + _MARKS))
_SPACED = dict.fromkeys(map(ord, _MARKS), " ")  # for words: a mark parts words as a space does


def _nfkc(text: str) -> str:
    # NFKC leaves ASCII and the unified Chinese characters (U+3400-U+4DBF, U+4E00-U+9FFF) as they are: no need to
    # load the library for them (most of a plan's Chinese names)
    if text.isascii() or all(ch < "\x80" or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text):
        return text
    import unicodedata  # a shared library: loaded by the commands that compare names, not by every command

    return unicodedata.normalize("NFKC", text)


@cache
def _cjk() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name: 'Tai'an' and 'TAIAN' fold alike."""
    return _nfkc(text).casefold().translate(_DROPPED)


def words(text: str) -> list[str]:
    """The words of a text, case- and width-folded, split at spaces and punctuation."""
    return _nfkc(text).casefold().translate(_SPACED).split()


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
