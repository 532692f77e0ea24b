"""Tables for people, drawn with rich: the only module that imports rich for output.

Cells are rich ``Text`` objects built from sanitised strings, and the console has markup, emoji and
highlighting off, so nothing from a plan file is ever interpreted. ``column_widths`` decides the layout
(short columns keep their width, words never break); ``_Drawn`` draws it as rich's ``Table`` would, from cells
rich wraps. Long cells fold onto new lines; nothing is cut.
"""

from __future__ import annotations

import io
import os
from typing import Any

from ..present.documents import Bundle, Column, Detail, Document, Listing
from ..safe import visible
from ..terminal import Terminal
from . import cell

_STYLE = {"id": "bold cyan", "name": "bold", "number": "magenta", "bar": "green", "dim": "dim"}
_FIXED = ("id", "number", "bar")  # column styles that keep their natural width and never wrap
Cell = tuple[str, str]  # (text, style)


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


def _cell(value: object, missing: str, style: str = "") -> Cell:
    """A value as a cell: lists of words one per line, missing values dim."""
    if value is None or value == []:
        return missing, "dim italic"
    return visible(cell(value, missing, "\n" if isinstance(value, list) and not all(isinstance(v, int) for v in value) else ", ")), style


def _bar(value: object, scale: float) -> Cell:
    n = int(value) if isinstance(value, (int, float)) else 0
    return "█" * max(int(round(n * scale)), 1 if n else 0) + f" {n}", _STYLE["bar"]


def _bar_scales(listing: Listing) -> dict[str, float]:
    """Per bar column: the factor that keeps its longest bar at 20 cells."""
    scales: dict[str, float] = {}
    for c in listing.columns:
        if c.style == "bar":
            sizes = [v for row in listing.rows if isinstance(v := row.get(c.key), (int, float))]
            top = max(sizes, default=0)
            scales[c.key] = min(1.0, 20 / top) if top else 1.0
    return scales


def _box(terminal: Terminal) -> Any:
    from rich import box

    return box.ROUNDED if terminal.unicode else box.ASCII


def listing_cells(listing: Listing) -> tuple[list[Column], list[list[Cell]]]:
    """The columns meant for people and every body cell as (text, style)."""
    cols = [c for c in listing.columns if c.shown]
    scales = _bar_scales(listing)
    rows = [
        [_bar(row.get(c.key), scales[c.key]) if c.style == "bar" and row.get(c.key) is not None else _cell(c.display(row, listing.words(i)), c.missing or listing.missing, _STYLE.get(c.style, "")) for c in cols]
        for i, row in enumerate(listing.rows)
    ]
    return cols, rows


def column_widths(headers: list[str], styles: list[str], rows: list[list[Cell]], width: int, edges: int) -> list[int] | None:
    """Widths for a table's columns within ``width``, or None when even the narrowest layout cannot fit.

    Short columns (ids, numbers, bars) keep their natural width and never wrap; no other column goes below
    its longest word (up to 20 cells), so words never break apart. Within that, the widths are the ones
    that let every cell fit in the fewest lines (found for 1, 2, 3 ... lines from the cells' lengths), so
    no one column wraps to many lines while another has room; what is left over goes to the columns in
    proportion to their natural width, the name column counting twice. ``edges`` is what borders take.
    """
    from rich.cells import cell_len

    n = len(headers)
    cells = [[headers[i].splitlines() or [""]] + [row[i][0].splitlines() or [""] for row in rows] for i in range(n)]
    lengths = [[[cell_len(ln) for ln in c] for c in col] for col in cells]
    natural = [max(x for c in col for x in c) for col in lengths]
    fixed = [st in _FIXED for st in styles]
    floor = [nat if f else min(max([cell_len(w) for c in col for ln in c for w in ln.split()] + [1]), 20, nat)
             for f, nat, col in zip(fixed, natural, cells, strict=True)]
    room = width - edges
    if sum(floor) > room:
        return None

    def need(i: int, lines: int) -> int:  # about the narrowest width at which every cell of column i takes at most `lines` lines
        if fixed[i]:
            return natural[i]
        most = floor[i]
        for c in lengths[i]:
            spare_lines = lines - len(c) + 1
            longest = max(c)
            want = longest if spare_lines <= 1 else -(-longest // spare_lines) + (2 if longest > 8 else 0)
            most = max(most, min(want, natural[i]))
        return most

    widths = floor
    for lines in range(1, 9):
        trial = [need(i, lines) for i in range(n)]
        if sum(trial) <= room:
            widths = trial
            break
    spare = room - sum(widths)
    for i in sorted(range(n), key=lambda k: natural[k] - widths[k]):  # first, short columns that can be whole on one line
        gap = natural[i] - widths[i]
        if 0 < gap <= spare and styles[i] != "name":
            widths[i], spare = natural[i], spare - gap
    weight = [2.0 if st == "name" else 1.0 for st in styles]
    growing = [i for i in range(n) if widths[i] < natural[i]]
    while spare > 0 and growing:  # what is left: each cell to the column furthest below its share of its natural width
        i = min(growing, key=lambda k: (widths[k] / (natural[k] * weight[k]), k))
        widths[i] += 1
        spare -= 1
        if widths[i] >= natural[i]:
            growing.remove(i)
    return widths


class _Drawn:
    """A table laid out by ``column_widths``, drawn as rich's ``Table`` draws it: each cell's ``Text`` wrapped by
    rich (``Text.wrap``) and its lines styled, padded and framed as ``Table`` and ``Padding`` do, for the one
    configuration sdpartner uses (fixed widths, top-aligned cells, a header row and rounded box, or a grid).

    ``Table`` renders every cell through the console's generic machinery (a ``Padding`` around it, two
    ``render_lines`` passes, cropping and reshaping lines that already fit); this does the same steps directly,
    and the page of the 7th Qingdao summit renders in 12 ms instead of 17 (BENCHMARKS.md). ``test_drawn.py``
    renders tables both ways, in colour and without, at several widths, and finds the same bytes.
    """

    def __init__(self, title: Any, headers: list[Any] | None, cells: list[list[Any]], widths: list[int], justify: list[str],
                 no_wrap: list[bool], pads: list[tuple[int, int]], box: Any) -> None:
        self.title, self.headers, self.cells, self.widths = title, headers, cells, widths
        self.justify, self.no_wrap, self.pads, self.box = justify, no_wrap, pads, box

    def _lines(self, console: Any, text: Any, i: int, style: Any) -> list[list[Any]]:
        """One cell as ``Table`` renders it: wrapped by rich, padded to its column, every segment in ``style``."""
        from rich.segment import Segment
        from rich.text import Text

        inner = self.widths[i] - sum(self.pads[i])
        wrapped = Text("\n").join(text.wrap(console, inner, justify=self.justify[i], overflow="fold", no_wrap=self.no_wrap[i]))
        left, right = self.pads[i]
        lines = []
        for line in Segment.split_and_crop_lines(wrapped.render(console, end="\n"), inner, pad=True, include_new_lines=False):
            if left:
                line.insert(0, Segment(" " * left))
            if right:
                line.append(Segment(" " * right))
            lines.append(list(Segment.apply_style(line, style)) if style else line)
        return lines

    def _row(self, console: Any, texts: list[Any], styles: list[Any], bottom: bool) -> list[list[Any]]:
        """A row's cells, each the row's height: blank lines added below (above for the header, which rich aligns to the bottom)."""
        from rich.segment import Segment

        cells = [self._lines(console, t, i, st) for i, (t, st) in enumerate(zip(texts, styles, strict=True))]
        height = max(len(c) for c in cells)
        for i, c in enumerate(cells):
            blank = [[Segment(" " * self.widths[i], styles[i])]] * (height - len(c))
            cells[i] = blank + c if bottom else c + blank
        return cells

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment
        from rich.style import Style

        widths, box = self.widths, self.box
        if self.title is not None:
            table_width = sum(widths) + len(widths) + 1
            yield from console.render(self.title, options.update(width=table_width, height=None, highlight=False, justify="left"))
        new_line = Segment.line()
        null = Style.null()
        rows = [self._row(console, row, [null] * len(row), False) for row in self.cells]
        if box is None:
            for cells in rows:
                for n in range(len(cells[0])):
                    for c in cells:
                        yield from c[n]
                    yield new_line
            return
        box = box.substitute(options, safe=True)
        bold = console.get_style("bold")
        assert self.headers is not None
        rows.insert(0, self._row(console, self.headers, [bold] * len(self.headers), True))
        yield Segment(box.get_top(widths))
        yield new_line
        for index, cells in enumerate(rows):
            left, right, divider = ((box.head_left, box.head_right, box.head_vertical) if index == 0 else
                                    (box.foot_left, box.foot_right, box.foot_vertical) if index == len(rows) - 1 else
                                    (box.mid_left, box.mid_right, box.mid_vertical))
            for n in range(len(cells[0])):
                yield Segment(left)
                for k, c in enumerate(cells):
                    yield from c[n]
                    if k < len(cells) - 1:
                        yield Segment(divider)
                yield Segment(right)
                yield new_line
            if index == 0:
                yield Segment(box.get_row(widths, "head", edge=True))
                yield new_line
        yield Segment(box.get_bottom(widths))
        yield new_line


def _table(title: str | None, headers: list[str], styles: list[str], rows: list[list[Cell]], width: int, terminal: Terminal, *, grid: bool = False) -> Any:
    """A table with the widths ``column_widths`` chose (``_Drawn``), or None when the columns cannot fit."""
    from rich.text import Text

    fixed = [s in _FIXED for s in styles]
    edges = 2 * (len(headers) - 1) if grid else 3 * len(headers) + 1
    widths = column_widths(headers, styles, rows, width, edges)
    if widths is None:
        return None
    n = len(headers)
    pads = [(0, 2 if i < n - 1 else 0) for i in range(n)] if grid else [(1, 1)] * n  # a grid: two spaces between columns
    cells = [[Text(text, style=style) for text, style in row] for row in rows]
    return _Drawn(None if grid or not title else Text(visible(title), style="bold"), None if grid else [Text(h) for h in headers],
                  cells, [w + sum(p) for w, p in zip(widths, pads, strict=True)], ["right" if s == "number" else "left" for s in styles],
                  fixed, pads, None if grid else _box(terminal))


def stacked(listing: Listing, cols: list[Column], rows: list[list[Cell]], width: int) -> list[Any]:
    """A listing as one block of 'Header  value' lines per record, for terminals too narrow for columns;
    a value's continuation lines are indented under its first."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    out: list[Any] = [Text(visible(listing.title), style="bold")]
    head = min(max(cell_len(visible(c.header)) for c in cols) + 1, max(width // 2, 1))
    for row in rows:
        block = Table.grid(padding=(0, 1))
        block.add_column(style="dim", width=head, overflow="fold")
        block.add_column(overflow="fold")
        for c, (text, style) in zip(cols, row, strict=True):
            block.add_row(Text(visible(c.header) + ":"), Text(text, style=style))
        out += [block, Text("")]
    return out


def _renderables(document: Document, terminal: Terminal, width: int) -> list[Any]:
    """What to print for a document, as rich renderables."""
    from rich.text import Text

    if isinstance(document, Bundle):
        return [r for _, part in document.parts for r in _renderables(part, terminal, width)]
    if isinstance(document, Listing):
        caption = [Text(visible(document.caption), style="dim")] if document.caption else []
        if not document.rows:
            return [Text(visible(document.title), style="bold"), Text(visible(document.empty), style="dim"), *caption]
        cols, rows = listing_cells(document)
        table = _table(document.title, [visible(c.header) for c in cols], [c.style for c in cols], rows, width, terminal)
        return ([table] if table is not None else stacked(document, cols, rows, width)) + caption
    assert isinstance(document, Detail)
    from rich.panel import Panel  # only a record's page has one

    shown = [(c, v) for c, v in document.fields if c.shown]
    rows = [[(visible(c.header), "dim"), _cell(c.display({c.key: v}, document.people), document.missing, _STYLE.get(c.style, ""))] for c, v in shown]
    grid = _table(None, ["", ""], ["id", ""], rows, width - 4, terminal, grid=True)  # the panel takes 4 columns
    if grid is None:  # too narrow for two columns: 'Header: value' lines
        grid = Text("\n").join(Text(f"{head}: ", style="dim") + Text(text, style=style) for (head, _), (text, style) in rows)
    from rich.cells import cell_len

    title: Any = Text(visible(document.title), style="bold")
    if cell_len(title.plain) > width - 6:  # too long for the panel's edge, where rich would cut it: the panel's first lines
        from rich.console import Group

        grid, title = Group(title, grid), None
    out: list[Any] = [Panel(grid, title=title, box=_box(terminal), title_align="left", expand=True)]
    for _, section in document.sections:
        out.extend(_renderables(section, terminal, width))
    return out


def render(document: Document, terminal: Terminal) -> str:
    """Render a document as rich tables; colour only when the terminal allows it."""
    console = _console(terminal)
    for item in _renderables(document, terminal, console.width):
        console.print(item, crop=False)  # every item is laid out within the width: cutting its lines again finds nothing to cut
    text: str = console.file.getvalue()  # the console writes to a StringIO
    return text
