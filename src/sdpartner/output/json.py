"""JSON: a Listing is an array of objects, a Detail one object; UTF-8, Chinese unescaped, numbers as numbers.

Encoded by ``msgspec.json`` (already loaded with the plan), pretty-printed with a two-space indent;
then characters a terminal acts on, which JSON allows raw, are escaped as ``\\uXXXX`` (lossless).
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..present.documents import Bundle, Document, Listing
from ..safe import json_safe_bytes
from ..terminal import Terminal


def to_builtins(document: Document) -> Any:
    """The JSON value of a document: every column, ids included, keys in a stable order."""
    if isinstance(document, Bundle):
        return document.data
    if isinstance(document, Listing):
        return list(document.rows)  # views build each row with exactly the columns' keys, in order
    obj: dict[str, Any] = {c.key: v for c, v in document.fields}
    for name, shown in document.sections:
        obj[name] = to_builtins(shown)
    return obj


def dumps(value: Any) -> bytes:
    """Pretty, stable JSON as UTF-8 (two-space indent, keys in their order), terminal-active characters escaped.

    Bytes, not text: a large answer is written as the encoder made it, never decoded into a str (which,
    with Chinese in it, takes two bytes a character) and encoded again on the way out."""
    return json_safe_bytes(msgspec.json.format(msgspec.json.encode(value), indent=2)) + b"\n"


def render(document: Document, terminal: Terminal) -> bytes:
    """Render a document as JSON (UTF-8)."""
    return dumps(to_builtins(document))
