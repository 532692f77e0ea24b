"""JSON: a Listing is an array of objects, a Detail one object; UTF-8, Chinese unescaped, numbers as numbers.

The encoder is ours, a few lines over ``safe.json_string``, rather than the standard library's ``json``:
importing ``json`` costs ~1.7 ms (it compiles its decoder's regexes), a tenth of the start-up budget of
issue 5, and with ``indent`` the standard library encodes in pure Python anyway. Its output is the same
as ``json.dumps(value, ensure_ascii=False, indent=2)`` except that characters a terminal acts on are
escaped; tests hold it to that.
"""

from __future__ import annotations

import math
from typing import Any

from ..records import Document, Listing
from ..safe import json_string
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
    """Pretty, stable JSON text (two-space indent, keys in their order), terminal-active characters escaped."""
    return _encode(value, "\n") + "\n"


def _encode(value: Any, newline: str) -> str:
    # each container is joined from its items' text: one string per record, not one per token, keeps a
    # large listing's memory (and so its time) in proportion to its size
    if isinstance(value, str):
        return json_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a JSON number")  # the loader keeps plan figures finite
        return float.__repr__(value)
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{" + ",".join(inner + json_string(k) + ": " + _encode(v, inner) for k, v in value.items()) + newline + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + ",".join(inner + _encode(v, inner) for v in value) + newline + "]"
    raise TypeError(f"cannot encode a value of type {type(value).__name__} as JSON")


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as JSON."""
    return dumps(to_builtins(document))
