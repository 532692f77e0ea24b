"""Output formats: one module per format behind one function, ``render(document, fmt, terminal)``: text, or
UTF-8 bytes for the JSON formats (a large answer is never held as text and bytes at once).

Renderers are imported lazily so that machine formats never import rich (start-up time).
"""

from __future__ import annotations

from ..present.documents import Bundle, Document, Listing
from ..terminal import Terminal

# The formats are declared once, with the options that take them (``commands/catalog.py``: FORMATS); a format's
# renderer is the module of this package named after it, ``render(document, terminal) -> str | bytes``.
_MODULE = {"md": "markdown"}  # where the module's name is not the format's


def render(document: Document, fmt: str, terminal: Terminal | None = None) -> str | bytes:
    """Render a Listing or Detail in a format (one of ``catalog.FORMATS``); the text (or UTF-8) ends with a newline."""
    # (the import statement's own function: importlib.import_module would import importlib, ~0.6 ms of every answer)
    module = __import__(f"{__name__}.{_MODULE.get(fmt, fmt)}", fromlist=["render"])
    text: str | bytes = module.render(document, terminal or Terminal())
    return text


def cell(value: object, missing: str, sep: str = "; ") -> str:
    """One value as text for the text formats: None and an empty list read as ``missing``, lists are joined,
    objects (a date reading in a list) written as compact JSON."""
    if value is None or value == []:
        return missing
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return sep.join(cell(v, "", sep) if isinstance(v, (dict, list)) else str(v) for v in value)
    if isinstance(value, dict):
        import msgspec

        return msgspec.json.encode(value).decode("utf-8")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def flat_rows(document: Document) -> tuple[list[str], list[list[object]]]:
    """A document as header + rows: a Listing as it is; a Detail as (field, value) pairs, sections flattened;
    a Bundle as its table."""
    if isinstance(document, Bundle):
        document = document.table if document.table is not None else Listing(title="", columns=(), rows=())
    if isinstance(document, Listing):
        keys = [c.key for c in document.columns]
        return keys, [[row.get(k) for k in keys] for row in document.rows]
    rows: list[list[object]] = [[c.key, v] for c, v in document.fields]
    for name, listing in document.sections:
        for i, row in enumerate(listing.rows):
            rows.extend([f"{name}[{i}].{c.key}", row.get(c.key)] for c in listing.columns)
    return ["field", "value"], rows
