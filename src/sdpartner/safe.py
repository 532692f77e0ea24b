"""Untrusted text from a plan file -> text that is shown, never interpreted.

Rich markup is never parsed because renderers only hand rich ``Text`` objects, and markup, emoji and
highlighting are off. What remains dangerous are characters a terminal acts on: C0/C1 control codes
(ESC starts ANSI and OSC sequences; U+009B is a one-byte CSI) and bidirectional overrides that reorder
what the reader sees. ``visible`` replaces each with a visible stand-in; ``json_escape`` keeps JSON
lossless by escaping them as ``\\uXXXX``.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 except TAB and LF, DEL, C1, bidi controls, line/paragraph separators
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")
_UNSAFE_NO_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")


def _stand_in(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␀ for NUL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str, *, single_line: bool = False) -> str:
    """Replace control and bidi-override characters with visible stand-ins (TAB and LF kept unless single_line)."""
    pattern = _UNSAFE_NO_NEWLINE if single_line else _UNSAFE
    if single_line:
        text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ")
    return pattern.sub(_stand_in, text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + _BIDI + "]")


def json_escape(encoded: str) -> str:
    """Escape, inside already-encoded JSON, the characters JSON allows raw but a terminal may act on."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
