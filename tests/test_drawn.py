"""The tables sdpartner draws itself (``output.table._Drawn``) are the bytes rich's ``Table`` draws from the same
cells and widths: every listing and a record of every kind, at narrow, usual and wide terminals, in colour and
without, in English and Chinese. rich's ``Table`` is the reference; the drawer is only a shorter way to its output."""

from __future__ import annotations

from typing import Any

import pytest

from sdpartner.output import table as drawn
from .conftest import PLAN_2027
from sdpartner.plan import catalogue as cat
from sdpartner.query.records import entries

LISTINGS = [["events"], ["events", "--year", "2026"], ["actions", "list"], ["targets"], ["city", "list"], ["sectors"], ["sources"],
            ["sources", "--wide"], ["search", "lithium battery"], ["status"], ["diff", str(PLAN_2027)], ["overview"]]
DETAILS = [["show", "mnc-leaders-qingdao-summit-7"], ["city", "show", "qingdao"], ["actions", "show", "7"], ["show", "m-four-events"],
           ["show", "friendship-rank-2024-02"]]


def _rich_table(made: Any) -> Any:
    """The rich ``Table`` with the cells, widths and frame of a drawn table, as sdpartner built it before the drawer."""
    from rich.table import Table

    if made.box is None:
        table = Table.grid(padding=(0, 2))
    else:
        table = Table(title=made.title, title_justify="left", box=made.box, header_style="bold")
    for i, width in enumerate(made.widths):
        table.add_column(made.headers[i] if made.headers else "", width=width - sum(made.pads[i]), no_wrap=made.no_wrap[i],
                         overflow="fold", justify=made.justify[i])
    for row in made.cells:
        table.add_row(*row)
    return table


def _one_of_each_kind(plan: Any) -> list[list[str]]:
    seen: dict[str, str] = {}
    for e in entries(plan):
        seen.setdefault(e.kind, e.id)
    assert set(seen) == set(cat.codes())
    return [["show", ident] for ident in seen.values()]


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [44, 80, 131])
def test_drawn_tables_are_the_bytes_rich_draws(invoke, plan: Any, monkeypatch: pytest.MonkeyPatch, width: int, color: bool) -> None:
    env = {"COLUMNS": str(width), **({"FORCE_COLOR": "1"} if color else {})}
    commands = LISTINGS + DETAILS + _one_of_each_kind(plan)
    runs = [(args, lang) for args in commands for lang in ("en", "zh")]
    ours = [invoke(*args, "--lang", lang, env=env) for args, lang in runs]
    made = drawn._table
    drew: list[Any] = []

    def by_rich(*args: Any, **kwargs: Any) -> Any:
        table = made(*args, **kwargs)
        drew.append(table)
        return None if table is None else _rich_table(table)

    monkeypatch.setattr(drawn, "_table", by_rich)
    theirs = [invoke(*args, "--lang", lang, env=env) for args, lang in runs]
    tables = [t for t in drew if t is not None]  # the drawer drew the tables compared: framed ones and grids (a record's fields)
    assert len(tables) > len(commands) and {t.box is None for t in tables} == {False, True}
    for (args, lang), a, b in zip(runs, ours, theirs, strict=True):
        assert (a.exit_code, a.stdout) == (b.exit_code, b.stdout), (args, lang)
        assert a.exit_code in (0, 1), (args, lang)  # an answer (diff exits 1: the plans differ), not a usage error


CELLS = [[("mnc-7", "bold cyan"), ("第七届跨国公司领导人青岛峰会 the 7th Qingdao Multinationals Summit", "bold"), ("435", "magenta"), ("", "")],
         [("x", "bold cyan"), ("a-word-longer-than-any-column-can-hold-so-it-folds", "bold"), ("5", "magenta"), ("not stated", "dim italic")],
         [("y", "bold cyan"), ("two\nlines", "bold"), ("36", "magenta"), ("line one\n\nafter a blank line", "")]]


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [56, 72, 100])
@pytest.mark.parametrize("grid", [False, True], ids=["framed", "grid"])
def test_headers_that_wrap_empty_cells_and_wide_characters_draw_as_rich_draws(width: int, color: bool, grid: bool) -> None:
    from sdpartner.terminal import Terminal

    terminal = Terminal(color=color, width=width)
    headers = ["ID", "Name of the record", "Count", "A note on where the figure comes from"]  # the last header wraps in its column
    made = drawn._table("A title long enough to wrap at the narrowest width tried", headers, ["id", "name", "number", ""], CELLS, width, terminal, grid=grid)
    assert made is not None
    out = []
    for table in (made, _rich_table(made)):
        console = drawn._console(terminal)
        console.print(table)
        out.append(console.file.getvalue())
    assert out[0] == out[1]
    assert ("\x1b[" in out[0]) is color
    if not grid and width == 56 and not color:  # the header wraps; rich aligns a header row to its bottom
        assert "│       │                       │       │ A note on    │" in out[0]
        assert "│ ID    │ Name of the record    │ Count │ from         │" in out[0]
