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


def _cell(value: object, missing: str, style: str = "") -> tuple[str, str]:
    """A value as the (text, style) of a cell: lists of words one per line, missing values dim."""
    if value is None or value == []:
        return missing, "dim italic"
    return visible(cell(value, missing, "\n" if isinstance(value, list) and not all(isinstance(v, int) for v in value) else ", ")), style


def _text(value: object, missing: str, style: str = "") -> Any:
    from rich.text import Text

    text, style = _cell(value, missing, style)
    return Text(text, style=style)


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


Cells = tuple[list[Column], list[list[tuple[str, str]]]]  # the columns meant for people, and (text, style) per cell


def _listing_cells(listing: Listing) -> Cells:
    """The columns meant for people and every cell as (text, style): the header row first."""
    cols = [c for c in listing.columns if c.table]
    scales = _bar_scales(listing)
    rows = [[(visible(c.header), "bold") for c in cols]]
    for row in listing.rows:
        rows.append([(_bar_text(row.get(c.key), scales[c.key]), _STYLE["bar"]) if c.style == "bar" else _cell(c.show(row.get(c.key)), c.missing or listing.missing, _STYLE.get(c.style, "")) for c in cols])
    return cols, rows


def listing_text(listing: Listing, terminal: Terminal, widths: list[int], console: Any, cells: Cells | None = None) -> str:
    """A listing drawn as a table: the text rich's Table would print for these widths, a few times faster.

    rich's Table lays out every cell through padding, measurement and segment shaping (~0.1 ms a cell,
    most of a table command's time), although ``column_widths`` has already decided the layout. So this
    draws the grid from rich's parts: the box's borders, ``Text.wrap`` for a cell that must fold (a cell
    that fits is padded as rich pads it), and the console's styles for colour. A test holds the plain
    text equal to rich's Table on random listings.
    """
    from rich.cells import cell_len
    from rich.text import Text

    box = _box(terminal)
    paint = _painter(console)
    cols, rows = cells or _listing_cells(listing)
    justify = ["right" if c.style == "number" else "left" for c in cols]
    padded = [w + 2 for w in widths]

    def fit(text: str, style: str, width: int, how: str) -> list[str]:
        if "\n" not in text and "\t" not in text:
            text = text.rstrip() if how == "right" else text
            room = width - cell_len(text)
            if room >= 0:
                return [paint(text, style) + " " * room if how == "left" else " " * room + paint(text, style)]
        return [paint(line.plain, style) for line in Text(text).wrap(console, width, justify=how, overflow="fold")]  # type: ignore[arg-type]

    out = [*fit(visible(listing.title), "bold", sum(padded) + len(padded) + 1, "left"), box.get_top(padded)]
    for index, row_cells in enumerate(rows):
        first, last = index == 0, index == len(rows) - 1
        left, vertical, right = (box.head_left, box.head_vertical, box.head_right) if first else (box.foot_left, box.foot_vertical, box.foot_right) if last else (box.mid_left, box.mid_vertical, box.mid_right)
        folded = [fit(text, style, w, how) for (text, style), w, how in zip(row_cells, widths, justify, strict=True)]
        height = max(len(lines) for lines in folded)
        for lines, w in zip(folded, widths, strict=True):  # short cells: the header aligns to the bottom, the rest to the top
            blank = [" " * w] * (height - len(lines))
            lines[:] = blank + lines if first else lines + blank
        out += [left + " " + f" {vertical} ".join(lines[i] for lines in folded) + " " + right for i in range(height)]
        if first:
            out.append(box.get_row(padded, "head", edge=True))
    out.append(box.get_bottom(padded))
    return "\n".join(out) + "\n"


def _painter(console: Any) -> Any:
    """(text, style name) -> the text with the console's escape codes for that style; plain without colour."""
    from rich.color import ColorSystem

    systems = {"standard": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT, "truecolor": ColorSystem.TRUECOLOR, "windows": ColorSystem.WINDOWS}
    system = systems.get(console.color_system or "")
    if console.no_color or system is None:
        return lambda text, style: text
    styles: dict[str, Any] = {}

    def paint(text: str, style: str) -> str:
        if not style or not text:
            return text
        if style not in styles:
            styles[style] = console.get_style(style)
        return styles[style].render(text, color_system=system)

    return paint


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


def column_widths(listing: Listing, width: int, cells: Cells | None = None) -> list[int] | None:
    """Widths for the table's columns within ``width``, or None when records must be stacked instead.

    Short columns (ids, numbers, bars) keep their natural width and never wrap. The others start at
    their natural width and the widest is narrowed, a cell at a time, but never below its longest
    word (up to 20 cells): so words never break apart and rich never has to crop the table. Every
    column gets its width, so rich need not measure the cells again (a third of its time).
    """
    from rich.cells import cell_len

    cols, rows = cells or _listing_cells(listing)
    lines = [[ln for row in rows for ln in row[i][0].splitlines() or [""]] for i in range(len(cols))]
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
    """What to print for a document: rich renderables, or text already drawn."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if isinstance(document, Listing):
        if not document.rows:
            return [Text(visible(document.title), style="bold"), Text(document.empty, style="dim")]
        cells = _listing_cells(document)  # once: both the layout and the drawing read them
        widths = column_widths(document, console.width, cells)
        if widths is None:
            return stacked(document)  # columns would be squeezed until words break apart: stack instead
        return [listing_text(document, terminal, widths, console, cells)]
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
        if isinstance(item, str):  # drawn already (listing_text)
            console.file.write(item)
        else:
            console.print(item)
    return console.file.getvalue()
