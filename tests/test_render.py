"""Renderers, on shared record fixtures: exact output per format, and hostile text kept inert."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdpartner.records import Column, Detail, Listing
from sdpartner.render import RENDERERS, OutputFormat, render
from sdpartner.terminal import Terminal

LISTING = Listing(
    "Cities",
    (Column("id", "ID", "id"), Column("name", "Name", "name"), Column("fields", "Fields", "bar"), Column("note", "Note", "", table=False)),
    ({"id": "qingdao", "name": "青岛", "fields": 6, "note": None}, {"id": "taian", "name": "Tai'an, \"lithium\"", "fields": 7, "note": "a\tb"}),
)
DETAIL = Detail("Qingdao", ((Column("id", "ID"), "qingdao"), (Column("year", "Year"), None)), (("fields", LISTING),))
HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 \u202eevil\u202c \x9b2J"


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(OutputFormat)
    for fmt in OutputFormat:
        assert render(LISTING, fmt).endswith("\n")


def test_json_listing_is_an_array_with_every_column() -> None:
    assert json.loads(render(LISTING, OutputFormat.json)) == [
        {"id": "qingdao", "name": "青岛", "fields": 6, "note": None},
        {"id": "taian", "name": "Tai'an, \"lithium\"", "fields": 7, "note": "a\tb"},
    ]
    assert "青岛" in render(LISTING, OutputFormat.json)  # Chinese unescaped


def test_json_detail_is_one_object() -> None:
    obj = json.loads(render(DETAIL, OutputFormat.json))
    assert obj["id"] == "qingdao" and obj["year"] is None and obj["fields"][0]["id"] == "qingdao"


def test_csv_has_bom_header_and_standard_quoting() -> None:
    text = render(LISTING, OutputFormat.csv)
    assert text.startswith("\ufeffid,name,fields,note\n")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1] == ["qingdao", "青岛", "6", ""]
    assert rows[2] == ["taian", "Tai'an, \"lithium\"", "7", "a\tb"]


def test_tsv_is_one_record_per_line() -> None:
    assert render(LISTING, OutputFormat.tsv) == "id\tname\tfields\tnote\nqingdao\t青岛\t6\t\ntaian\tTai'an, \"lithium\"\t7\ta b\n"


def test_detail_flattens_for_csv_and_tsv() -> None:
    lines = render(DETAIL, OutputFormat.tsv).splitlines()
    assert lines[:3] == ["field\tvalue", "id\tqingdao", "year\t"]
    assert "fields[1].name\tTai'an, \"lithium\"" in lines


def test_markdown_table() -> None:
    assert render(LISTING, OutputFormat.md) == (
        "## Cities\n\n| ID | Name | Fields |\n| --- | --- | ---: |\n| qingdao | 青岛 | 6 |\n| taian | Tai'an, \"lithium\" | 7 |\n"
    )


def test_markdown_detail_says_not_stated() -> None:
    text = render(DETAIL, OutputFormat.md)
    assert text.startswith("# Qingdao\n\n- **ID:** qingdao\n- **Year:** not stated\n")


def test_table_on_a_pipe_has_no_colour_and_says_not_stated() -> None:
    text = render(DETAIL, OutputFormat.table, Terminal(isatty=False, color=False, width=60))
    assert "\x1b[" not in text and "not stated" in text and "██████ 6" in text


def test_table_on_a_colour_terminal_has_colour() -> None:
    assert "\x1b[" in render(LISTING, OutputFormat.table, Terminal(isatty=True, color=True, width=80))


def test_table_folds_long_cells_instead_of_cutting() -> None:
    long = "x" * 150
    listing = Listing("T", (Column("a", "A"),), ({"a": long},))
    text = render(listing, OutputFormat.table, Terminal(width=40))
    assert text.count("x") == 150 and "…" not in text


def test_table_without_unicode_uses_ascii_boxes() -> None:
    text = render(LISTING, OutputFormat.table, Terminal(width=80, encoding="ascii"))
    assert "╭" not in text and "+" in text


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_hostile_text_is_never_interpreted(fmt: OutputFormat) -> None:
    listing = Listing("T", (Column("a", "A"),), ({"a": HOSTILE},))
    text = render(listing, fmt, Terminal(isatty=True, color=True, width=200))
    for raw in ("\x1b]", "\x1b[31m", "\u202e", "\x9b", "\x07"):
        assert raw not in text
    if fmt is OutputFormat.json:
        assert json.loads(text)[0]["a"] == HOSTILE  # lossless
    else:
        assert "[bold red]x[/]" in text.replace("\\", "")  # markup shown literally


def test_large_texts_take_the_fast_path_and_stay_safe() -> None:
    from sdpartner.safe import json_string, visible

    big = "安全" * 5000
    assert visible(big) is big and json_string(big) == f'"{big}"'  # nothing to replace
    assert visible(big + "\x1b") == big + "␛"
    assert json_string(big + "\u202e") == f'"{big}\\u202e"'


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


# what a terminal acts on although JSON allows it raw: C1 and DEL, line separators, bidi controls
_TERMINAL_ACTIVE = {*range(0x7F, 0xA0), 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@given(_JSON_VALUES)
def test_json_is_the_standard_librarys_text_with_terminal_active_characters_escaped(value: object) -> None:
    from sdpartner.render.json import dumps

    text = dumps(value)
    assert json.loads(text) == value
    assert text == json.dumps(value, ensure_ascii=False, indent=2).translate({c: f"\\u{c:04x}" for c in _TERMINAL_ACTIVE}) + "\n"


def test_json_escapes_what_terminals_act_on_and_refuses_what_json_cannot_hold() -> None:
    from sdpartner.render.json import dumps

    assert dumps({"a": "\x1b[31m\u202e\x9b"}) == '{\n  "a": "\\u001b[31m\\u202e\\u009b"\n}\n'
    with pytest.raises(ValueError):
        dumps([float("inf")])
    with pytest.raises(TypeError):
        dumps({1, 2})


def test_the_fast_paths_rest_on_every_replaced_character_being_unprintable() -> None:
    # visible() and json_string() return printable text untouched: that is only safe while every
    # character they replace is one str.isprintable() rejects (quote and backslash are tested apart)
    from sdpartner import safe

    replaced = set(safe._MULTI_LINE) | set(safe._SINGLE_LINE) | set(safe._JSON_STRING)
    assert {c for c in replaced if chr(c).isprintable()} == {ord('"'), ord("\\")}


def _rich_table_text(listing: Listing, terminal: Terminal, widths: list[int]) -> str:
    """The oracle: what rich's own Table prints for a listing with these column widths."""
    from rich.table import Table
    from rich.text import Text

    from sdpartner.render import table as t

    cols, rows = t._listing_cells(listing)
    table = Table(title=Text(listing.title, style="bold"), box=t._box(terminal), header_style="bold", title_justify="left")
    for c, w, (header, _) in zip(cols, widths, rows[0], strict=True):
        table.add_column(Text(header), justify="right" if c.style == "number" else "left", overflow="fold", no_wrap=c.style in t._FIXED, width=w)
    for row in rows[1:]:
        table.add_row(*[Text(text, style=style) for text, style in row])
    console = t._console(terminal)
    console.print(table)
    return console.file.getvalue()


_WORDS = st.text(alphabet=st.sampled_from("abc XYZ 青岛泰安储能 -—'.,\n"), max_size=40)
_CELLS = st.one_of(st.none(), _WORDS, st.integers(0, 10_000), st.lists(st.sampled_from(["lithium", "储能", "marine economy"]), max_size=3))


@given(
    title=st.text(alphabet=st.sampled_from("Title 标题 "), min_size=1, max_size=30),
    rows=st.lists(st.tuples(st.text(alphabet="abcdef-", min_size=1, max_size=8), _CELLS, _CELLS, st.integers(0, 50)), min_size=1, max_size=6),
    width=st.integers(20, 140),
    color=st.booleans(),
    unicode=st.booleans(),
)
def test_listing_tables_print_what_richs_table_prints(title: str, rows: list, width: int, color: bool, unicode: bool) -> None:
    from sdpartner.render import table as t

    listing = Listing(
        title,
        (Column("id", "ID", "id"), Column("name", "Name 名称", "name"), Column("note", "Note"), Column("n", "N", "number"), Column("bar", "Bar", "bar")),
        tuple({"id": i, "name": a, "note": b, "n": n, "bar": n} for i, a, b, n in rows),
    )
    terminal = Terminal(isatty=color, color=color, width=width, encoding="utf-8" if unicode else "ascii")
    widths = t.column_widths(listing, width)
    if widths is None:
        return  # stacked instead: no table to compare
    ours = t.listing_text(listing, terminal, widths, t._console(terminal))
    plain = re.compile("\x1b\\[[0-9;]*m")
    assert plain.sub("", ours) == plain.sub("", _rich_table_text(listing, terminal, widths))
    assert ("\x1b[" in ours) == color


@pytest.mark.parametrize(("fmt", "shown"), [(OutputFormat.table, "not stated"), (OutputFormat.md, "not stated"), (OutputFormat.csv, "highlights,\n"), (OutputFormat.json, '"highlights": []')])
def test_an_empty_list_reads_as_not_stated_for_people_and_stays_empty_for_scripts(fmt: OutputFormat, shown: str) -> None:
    detail = Detail("Tai'an", ((Column("highlights", "Highlights"), []),))
    assert shown in render(detail, fmt, Terminal(width=80))
