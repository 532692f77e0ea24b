"""CSV: a header of keys, one record per row, standard quoting, UTF-8 with a byte-order mark.

The BOM is there so that spreadsheet programs (Excel in particular) open Chinese text as UTF-8 rather
than guessing a legacy code page; Python reads it back with ``encoding="utf-8-sig"``. A text cell that a
spreadsheet would run as a formula (it begins with =, +, -, @ or a tab) is written with a leading apostrophe, as
OWASP recommends (a carriage return is already shown as ␍ by then; it stays in the list should that change);
numbers are written as they are. TSV and JSON keep the raw text.
"""

from __future__ import annotations

import csv
import io

from ..present.documents import Document
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
    writer.writerows([_inert(v) for v in row] for row in rows)
    return BOM + buf.getvalue()


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: object) -> str:
    """A cell as text that no spreadsheet runs: a number as it is, a text that looks like a formula with a leading apostrophe."""
    text = visible(cell(value, ""), single_line=False)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return text
    return "'" + text if text.startswith(_FORMULA) else text
