"""JSON: a Listing is an array of objects, a Detail one object; UTF-8, Chinese unescaped, numbers as numbers."""

from __future__ import annotations

from typing import Any

import msgspec

from ..records import Document, Listing
from ..safe import json_escape
from ..terminal import Terminal


def to_builtins(document: Document) -> Any:
    """The JSON value of a document: every column, ids included, keys in a stable order."""
    if isinstance(document, Listing):
        return list(document.rows)  # views build each row with exactly the columns' keys, in order
    obj: dict[str, Any] = {c.key: v for c, v in document.fields}
    for name, listing in document.sections:
        obj[name] = to_builtins(listing)
    return obj


def dumps(value: Any) -> str:
    """Pretty, stable JSON text, with terminal-active characters escaped."""
    encoded = msgspec.json.format(msgspec.json.encode(value), indent=2).decode("utf-8")
    return json_escape(encoded) + "\n"


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as JSON."""
    return dumps(to_builtins(document))
