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
_FIXED = ("id", "number", "bar")  # column styles that keep their natural width and never wrap


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


def _bar_text(value: object, scale: float) -> str:
    n = int(value) if isinstance(value, (int, float)) else 0
    return "█" * max(int(round(n * scale)), 1 if n else 0) + f" {n}"


def _bar_scales(listing: Listing) -> dict[str, float]:
    """Per bar column: the factor that keeps its longest bar at 20 cells."""
    scales = {}
    for c in listing.columns:
        if c.style == "bar":
            top = max((row.get(c.key) or 0 for row in listing.rows), default=0)
            scales[c.key] = min(1.0, 20 / top) if isinstance(top, (int, float)) and top else 1.0
    return scales


def _box(terminal: Terminal) -> Any:
    from rich import box

    return box.ROUNDED if terminal.unicode else box.ASCII


def listing_table(listing: Listing, terminal: Terminal, widths: list[int]) -> Any:
    """A rich Table for a listing (only the columns meant for people)."""
    from rich.table import Table
    from rich.text import Text

    cols: list[Column] = [c for c in listing.columns if c.table]
    table = Table(title=Text(visible(listing.title), style="bold"), box=_box(terminal), header_style="bold", expand=False, show_lines=False, title_justify="left")
    for c, w in zip(cols, widths, strict=True):
        justify = "right" if c.style == "number" else "left"
        table.add_column(Text(c.header), justify=justify, overflow="fold", no_wrap=c.style in _FIXED, width=w)
    scales = _bar_scales(listing)
    for row in listing.rows:
        table.add_row(*[Text(_bar_text(row.get(c.key), scales[c.key]), style=_STYLE["bar"]) if c.style == "bar" else _text(c.show(row.get(c.key)), c.missing or listing.missing, _STYLE.get(c.style, "")) for c in cols])
    return table


def stacked(listing: Listing) -> list[Any]:
    """A listing as one block of 'Header: value' lines per record, for terminals too narrow for columns."""
    from rich.text import Text

    out: list[Any] = [Text(visible(listing.title), style="bold")]
    cols = [c for c in listing.columns if c.table]
    for row in listing.rows:
        block = Text()
        for c in cols:
            block.append(f"{c.header}: ", style="dim")
            block.append_text(_text(c.show(row.get(c.key)), c.missing or listing.missing, _STYLE.get(c.style, "")))
            block.append("\n")
        out.append(block)
    return out


def column_widths(listing: Listing, width: int) -> list[int] | None:
    """Widths for the table's columns within ``width``, or None when records must be stacked instead.

    Short columns (ids, numbers, bars) keep their natural width and never wrap. The others start at
    their natural width and the widest is narrowed, a cell at a time, but never below its longest
    word (up to 20 cells): so words never break apart and rich never has to crop the table. Every
    column gets its width, so rich need not measure the cells again (a third of its time).
    """
    from rich.cells import cell_len

    cols = [c for c in listing.columns if c.table]
    scales = _bar_scales(listing)
    texts = [
        [_bar_text(row.get(c.key), scales[c.key]) if c.style == "bar" else visible(cell(c.show(row.get(c.key)), c.missing or listing.missing)) for row in listing.rows]
        + [visible(c.header)]
        for c in cols
    ]
    lines = [[ln for t in ts for ln in t.splitlines() or [""]] for ts in texts]
    natural = [max(cell_len(ln) for ln in ls) for ls in lines]
    fixed = [c.style in _FIXED for c in cols]
    floor = [n if f else min(max([cell_len(w) for ln in ls for w in ln.split()] + [1]), 20, n) for f, n, ls in zip(fixed, natural, lines, strict=True)]
    widths = list(natural)
    excess = sum(widths) + 3 * len(cols) + 1 - width
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            return None
        i = max(shrinkable, key=lambda k: widths[k])
        widths[i] -= 1
        excess -= 1
    return widths


def _renderables(document: Document, terminal: Terminal, console: Any) -> list[Any]:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if isinstance(document, Listing):
        if not document.rows:
            return [Text(visible(document.title), style="bold"), Text(document.empty, style="dim")]
        widths = column_widths(document, console.width)
        if widths is None:
            return stacked(document)  # columns would be squeezed until words break apart: stack instead
        return [listing_table(document, terminal, widths)]
    assert isinstance(document, Detail)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for c, v in (f for f in document.fields if f[0].table):
        grid.add_row(Text(c.header), _text(v, document.missing, _STYLE.get(c.style, "")))
    out: list[Any] = [Panel(grid, title=Text(visible(document.title), style="bold"), box=_box(terminal), title_align="left", expand=True)]
    for _, listing in document.sections:
        out.extend(_renderables(listing, terminal, console))
    return out


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as rich tables; colour only when the terminal allows it."""
    console = _console(terminal)
    for item in _renderables(document, terminal, console):
        console.print(item)
    return console.file.getvalue()
