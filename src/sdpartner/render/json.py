"""JSON: a Listing is an array of objects, a Detail one object; UTF-8, Chinese unescaped, numbers as numbers."""

from __future__ import annotations

import json
from typing import Any

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
    """Pretty, stable JSON text, with terminal-active characters escaped.

    The standard library's encoder: msgspec's is faster, but its import costs more than encoding any
    output of this tool (a whole 10 MB plan exports in ~0.2 s either way). Keys keep their order;
    a plan's numbers are finite (the loader checks), so ``allow_nan=False`` can only catch a bug."""
    return json_escape(json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as JSON."""
    return dumps(to_builtins(document))
