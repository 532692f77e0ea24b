"""JSON Lines: one JSON object per record per line, for jq -c, DuckDB or pandas; a Detail is one line."""

from __future__ import annotations

import msgspec

from ..present.documents import Bundle, Document, Listing
from ..safe import json_safe_bytes
from ..terminal import Terminal
from .json import to_builtins


def render(document: Document, terminal: Terminal) -> bytes:
    """Render a document as JSON Lines (UTF-8, terminal-active characters escaped as in JSON)."""
    if isinstance(document, Bundle):
        records = list(document.records)
    else:
        records = list(document.rows) if isinstance(document, Listing) else [to_builtins(document)]
    encode = msgspec.json.Encoder().encode
    return b"".join(json_safe_bytes(encode(r)) + b"\n" for r in records)
