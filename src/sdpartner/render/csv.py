"""CSV: a header of keys, one record per row, standard quoting, UTF-8 with a byte-order mark.

The BOM is there so that spreadsheet programs (Excel in particular) open Chinese text as UTF-8 rather
than guessing a legacy code page; Python reads it back with ``encoding="utf-8-sig"``.
"""

from __future__ import annotations

import csv
import io

from ..documents import Document
from ..safe import visible
from ..terminal import Terminal
from . import cell, flat_rows

BOM = "\ufeff"


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as CSV (missing values are empty cells)."""
    header, rows = flat_rows(document)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([visible(cell(v, ""), single_line=False) for v in row] for row in rows)
    return BOM + buf.getvalue()
