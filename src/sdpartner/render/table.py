"""Tables for people, drawn with rich: the only module that imports rich for output.

Cells are rich ``Text`` objects built from sanitised strings, and the console has markup, emoji and
highlighting off, so nothing from a plan file is ever interpreted. Long cells fold onto new lines;
nothing is cut.
"""

from __future__ import annotations

import io
import os
from typing import Any

from ..records import Column, Detail, Document, Listing
from ..safe import visible
from ..terminal import Terminal
from . import cell

_STYLE = {"id": "bold cyan", "name": "bold", "number": "magenta", "bar": "green", "dim": "dim"}


def _console(terminal: Terminal) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=terminal.width,
        force_terminal=terminal.color,
        color_system="auto" if terminal.color else None,
        no_color=not terminal.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        safe_box=True,
        force_jupyter=False,
        force_interactive=False,
        _environ={k: v for k, v in os.environ.items() if k in ("TERM", "COLORTERM")},
    )


def _text(value: object, missing: str, style: str = "") -> Any:
    from rich.text import Text

    if value is None:
        return Text(missing, style="dim italic")
    return Text(visible(cell(value, missing, "\n" if isinstance(value, list) and not all(isinstance(v, int) for v in value) else ", ")), style=style)


def _bar(value: object, scale: float) -> Any:
    from rich.text import Text

    n = int(value) if isinstance(value, (int, float)) else 0
    return Text("█" * max(int(round(n * scale)), 1 if n else 0) + f" {n}", style=_STYLE["bar"])


def _box(terminal: Terminal) -> Any:
    from rich import box

    return box.ROUNDED if terminal.unicode else box.ASCII


def listing_table(listing: Listing, terminal: Terminal) -> Any:
    """A rich Table for a listing (only the columns meant for people)."""
    from rich.table import Table
    from rich.text import Text

    cols: list[Column] = [c for c in listing.columns if c.table]
    table = Table(title=Text(visible(listing.title), style="bold"), box=_box(terminal), header_style="bold", expand=False, show_lines=False, title_justify="left")
    for c in cols:
        justify = "right" if c.style == "number" else "left"
        table.add_column(Text(c.header), justify=justify, overflow="fold", no_wrap=c.style in ("id", "bar", "number"))
    scales = {}
    for c in cols:
        if c.style == "bar":
            top = max((row.get(c.key) or 0 for row in listing.rows), default=0)
            scales[c.key] = min(1.0, 20 / top) if isinstance(top, (int, float)) and top else 1.0
    for row in listing.rows:
        table.add_row(*[_bar(row.get(c.key), scales[c.key]) if c.style == "bar" else _text(row.get(c.key), listing.missing, _STYLE.get(c.style, "")) for c in cols])
    return table


def _renderables(document: Document, terminal: Terminal) -> list[Any]:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if isinstance(document, Listing):
        if not document.rows:
            return [Text(visible(document.title), style="bold"), Text(document.empty, style="dim")]
        return [listing_table(document, terminal)]
    assert isinstance(document, Detail)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for c, v in document.fields:
        grid.add_row(Text(c.header), _text(v, document.missing, _STYLE.get(c.style, "")))
    out: list[Any] = [Panel(grid, title=Text(visible(document.title), style="bold"), box=_box(terminal), title_align="left", expand=True)]
    for _, listing in document.sections:
        out.extend(_renderables(listing, terminal))
    return out


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as rich tables; colour only when the terminal allows it."""
    console = _console(terminal)
    for item in _renderables(document, terminal):
        console.print(item)
    return console.file.getvalue()
