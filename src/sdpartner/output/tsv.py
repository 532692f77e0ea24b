"""TSV: the plain form for grep and awk. One record per line, tab-separated, never wrapped, no quoting.

Tabs and newlines inside values become spaces and control characters become visible, so a line is
always exactly one record.
"""

from __future__ import annotations

from ..present.documents import Document
from ..safe import visible
from ..terminal import Terminal
from . import cell, flat_rows


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as TSV with a header line of keys."""
    header, rows = flat_rows(document)
    lines = ["\t".join(header)]
    lines += ["\t".join(visible(cell(v, ""), single_line=True) for v in row) for row in rows]
    return "\n".join(lines) + "\n"
