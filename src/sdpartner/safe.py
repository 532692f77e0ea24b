"""Untrusted text from a plan file -> text that is shown, never interpreted.

Rich markup is never parsed because renderers only hand rich ``Text`` objects, and markup, emoji and
highlighting are off. What remains dangerous are characters a terminal acts on: C0/C1 control codes
(ESC starts ANSI and OSC sequences; U+009B is a one-byte CSI) and bidirectional overrides that reorder
what the reader sees. ``visible`` replaces each with a visible stand-in (a ``str.translate`` table: no
regex to compile at start-up); ``json_safe_bytes`` keeps JSON lossless by escaping them as ``\\uXXXX`` in
its UTF-8 (a pattern compiled only when JSON is written).
"""

from __future__ import annotations

import re
from functools import cache

_BIDI = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
_SEPARATORS = [0x2028, 0x2029]  # line/paragraph separators: some terminals and editors break lines on them


def _stand_in(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␀ for NUL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


_UNSAFE = [*range(0x00, 0x20), *range(0x7F, 0xA0), *_SEPARATORS, *_BIDI]
_MULTI_LINE = {c: _stand_in(c) for c in _UNSAFE if c not in (0x09, 0x0A)}  # TAB and LF kept
_SINGLE_LINE = {**_MULTI_LINE, 0x09: " ", 0x0A: " ", 0x0D: " "}
_JSON = {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), *_SEPARATORS, *_BIDI]}  # JSON allows these raw


@cache
def _finder(table: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(f"\\u{c:04x}" for c in table) + "]")


def _translate(text: str, table: dict[int, str]) -> str:
    # str.translate looks every character up in the table (~80 ns each): on large texts, first ask a
    # compiled character class (~1 ns each) whether there is anything to replace at all
    if len(text) > 2048 and not _finder(tuple(table)).search(text):
        return text
    return text.translate(table)


def visible(text: str, *, single_line: bool = False) -> str:
    """Replace control and bidi-override characters with visible stand-ins (TAB and LF kept unless single_line)."""
    if text.isprintable():  # every character replaced below is one Python counts as not printable
        return text
    if single_line:
        return _translate(text.replace("\r\n", " "), _SINGLE_LINE)
    return _translate(text, _MULTI_LINE)


@cache
def _bytes_finder() -> re.Pattern[bytes]:
    r"""The UTF-8 encodings of the characters ``json_safe_bytes`` escapes, as one pattern over bytes: grouped by
    their leading bytes, each group a class of last bytes (``\xc2[\x80\x81...\x9f]``), which compiles in a fifth
    of the time of an alternation of the 47 encodings (0.1 ms, not 0.5, on every JSON answer). Every leading
    byte here (0x7F, 0xC2, 0xD8, 0xE2) starts a character in UTF-8, so no match begins inside one."""
    groups: dict[bytes, list[bytes]] = {}
    for encoded in sorted(chr(c).encode("utf-8") for c in _JSON):
        groups.setdefault(encoded[:-1], []).append(encoded[-1:])
    return re.compile(b"|".join(re.escape(lead) + b"[" + b"".join(map(re.escape, last)) + b"]" for lead, last in groups.items()))


def json_safe_bytes(data: bytes) -> bytes:
    """UTF-8 JSON with the characters a terminal acts on that JSON allows raw (C1, bidi, separators) as ``\\uXXXX``.

    Those characters can only stand inside string literals, so escaping them anywhere keeps the JSON valid
    and lossless; the encoder escapes the C0 controls itself. Done on the bytes, without decoding them (the
    text of a large answer is not made twice); the bytes themselves when there is nothing to escape."""
    finder = _bytes_finder()
    if not finder.search(data):
        return data
    return finder.sub(lambda m: _JSON[ord(m.group(0).decode("utf-8"))].encode("ascii"), data)


def shown(text: str, limit: int = 80) -> str:
    """Input echoed in a message: control characters visible, bytes that are no text (a file name from the
    command line) as ``\\xNN``, one line, at most ``limit`` characters."""
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    text = visible(text).replace("\n", "\u240a").replace("\t", "\u2409")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_path(path: str, limit: int = 160) -> str:
    """A file name echoed in a message: as ``shown``, but a long one keeps its end (the name), not its start."""
    text = shown(path, 10_000)
    return text if len(text) <= limit else "…" + text[-(limit - 1):]
