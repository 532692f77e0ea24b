"""Renderers, on shared record fixtures: exact output per format, and hostile text kept inert."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdpartner.present.documents import Column, Detail, Listing
from sdpartner.commands.catalog import FORMATS
from sdpartner.output import render as render_output
from sdpartner.terminal import Terminal


def render(document: Detail | Listing, fmt: str, terminal: Terminal | None = None) -> str:
    """The rendered text (the JSON formats come as UTF-8 bytes: as text here)."""
    out = render_output(document, fmt, terminal)
    return out.decode("utf-8") if isinstance(out, bytes) else out

LISTING = Listing(
    "Cities",
    (Column("id", "ID", "id"), Column("name", "Name", "name"), Column("fields", "Fields", "bar"), Column("note", "Note", "", table=False)),
    ({"id": "qingdao", "name": "青岛", "fields": 6, "note": None}, {"id": "taian", "name": "Tai'an, \"lithium\"", "fields": 7, "note": "a\tb"}),
)
DETAIL = Detail("Qingdao", ((Column("id", "ID"), "qingdao"), (Column("year", "Year"), None)), (("fields", LISTING),))
HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 \u202eevil\u202c \x9b2J"


def test_every_declared_format_has_a_renderer() -> None:
    for fmt in FORMATS:
        assert render(LISTING, fmt).endswith("\n")


def test_json_listing_is_an_array_with_every_column() -> None:
    assert json.loads(render(LISTING, "json")) == [
        {"id": "qingdao", "name": "青岛", "fields": 6, "note": None},
        {"id": "taian", "name": "Tai'an, \"lithium\"", "fields": 7, "note": "a\tb"},
    ]
    assert "青岛" in render(LISTING, "json")  # Chinese unescaped


def test_json_detail_is_one_object() -> None:
    obj = json.loads(render(DETAIL, "json"))
    assert obj["id"] == "qingdao" and obj["year"] is None and obj["fields"][0]["id"] == "qingdao"


def test_csv_has_bom_header_and_standard_quoting() -> None:
    text = render(LISTING, "csv")
    assert text.startswith("\ufeffid,name,fields,note\n")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1] == ["qingdao", "青岛", "6", ""]
    assert rows[2] == ["taian", "Tai'an, \"lithium\"", "7", "a\tb"]


def test_tsv_is_one_record_per_line() -> None:
    assert render(LISTING, "tsv") == "id\tname\tfields\tnote\nqingdao\t青岛\t6\t\ntaian\tTai'an, \"lithium\"\t7\ta b\n"


def test_detail_flattens_for_csv_and_tsv() -> None:
    lines = render(DETAIL, "tsv").splitlines()
    assert lines[:3] == ["field\tvalue", "id\tqingdao", "year\t"]
    assert "fields[1].name\tTai'an, \"lithium\"" in lines


def test_markdown_table() -> None:
    assert render(LISTING, "md") == (
        "## Cities\n\n| ID | Name | Fields |\n| --- | --- | ---: |\n| qingdao | 青岛 | 6 |\n| taian | Tai'an, \"lithium\" | 7 |\n"
    )


def test_markdown_detail_says_not_stated() -> None:
    text = render(DETAIL, "md")
    assert text.startswith("# Qingdao\n\n- **ID:** qingdao\n- **Year:** not stated\n")


def test_table_on_a_pipe_has_no_colour_and_says_not_stated() -> None:
    text = render(DETAIL, "table", Terminal(isatty=False, color=False, width=60))
    assert "\x1b[" not in text and "not stated" in text and "██████ 6" in text


def test_table_on_a_colour_terminal_has_colour() -> None:
    assert "\x1b[" in render(LISTING, "table", Terminal(isatty=True, color=True, width=80))


def test_table_folds_long_cells_instead_of_cutting() -> None:
    long = "x" * 150
    listing = Listing("T", (Column("a", "A"),), ({"a": long},))
    text = render(listing, "table", Terminal(width=40))
    assert text.count("x") == 150 and "…" not in text


def test_table_without_unicode_uses_ascii_boxes() -> None:
    text = render(LISTING, "table", Terminal(width=80, encoding="ascii"))
    assert "╭" not in text and "+" in text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_hostile_text_is_never_interpreted(fmt: str) -> None:
    listing = Listing("T", (Column("a", "A"),), ({"a": HOSTILE},))
    text = render(listing, fmt, Terminal(isatty=True, color=True, width=200))
    for raw in ("\x1b]", "\x1b[31m", "\u202e", "\x9b", "\x07"):
        assert raw not in text
    if fmt == "json":
        assert json.loads(text)[0]["a"] == HOSTILE  # lossless
    else:
        assert "[bold red]x[/]" in text.replace("\\", "")  # markup shown literally


def test_markdown_text_reads_literally_in_a_gfm_renderer() -> None:
    from markdown_it import MarkdownIt  # rich's own Markdown parser, with GFM's tables and strikethrough on

    listing = Listing("T", (Column("a", "A"),), ({"a": "~~gone~~ &lt;b&gt; *x* [l](http://e) <i>"},))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(render(listing, "md"))
    assert "<td>~~gone~~ &amp;lt;b&amp;gt; *x* [l](http://e) &lt;i&gt;</td>" in html


def test_large_texts_take_the_fast_path_and_stay_safe() -> None:
    from sdpartner.safe import json_safe_bytes, visible

    big = "安全" * 5000
    raw = big.encode()
    assert visible(big) is big and json_safe_bytes(raw) is raw  # nothing to replace
    assert visible(big + "\x1b") == big + "␛"
    assert json_safe_bytes((big + "\u202e\x85").encode()) == (big + "\\u202e\\u0085").encode()


def test_json_escapes_exactly_the_characters_a_terminal_acts_on_that_json_allows_raw() -> None:
    # every character of the Basic Multilingual Plane but the surrogates, each between two letters: the C1
    # controls, DEL, the separators and the bidi controls come out as \uXXXX; no other character changes
    from sdpartner.safe import json_safe_bytes

    acted_on = {0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    for code in (c for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF):
        raw = f"a{chr(code)}b".encode()
        assert json_safe_bytes(raw) == (f"a\\u{code:04x}b".encode() if code in acted_on else raw), hex(code)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


# what a terminal acts on although JSON allows it raw: C1 and DEL, line separators, bidi controls
_TERMINAL_ACTIVE = {*range(0x7F, 0xA0), 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@given(_JSON_VALUES)
def test_json_is_lossless_and_holds_nothing_a_terminal_acts_on(value: object) -> None:
    from sdpartner.output.json import dumps

    text = dumps(value).decode("utf-8")
    assert json.loads(text) == value
    assert not {c for c in map(ord, text) if c in _TERMINAL_ACTIVE}
    assert not {c for c in map(ord, text) if c < 0x20 and c != 0x0A}  # C0 controls: only the encoder's newlines


def test_json_escapes_what_terminals_act_on() -> None:
    from sdpartner.output.json import dumps

    assert dumps({"a": "\x1b[31m\u202e\x9b"}) == b'{\n  "a": "\\u001b[31m\\u202e\\u009b"\n}\n'


def test_every_character_that_is_replaced_is_one_python_calls_unprintable() -> None:
    # visible() returns printable text untouched (its fast path): that is only safe while every character
    # it would replace is one str.isprintable() rejects
    from sdpartner.safe import visible

    for code in range(0x3000):
        ch = chr(code)
        if visible(ch + "\x00")[:-1] != ch or visible(ch + "\x00", single_line=True)[:-1] != ch:
            assert not ch.isprintable(), hex(code)


@pytest.mark.parametrize(("fmt", "shown"), [("table", "not stated"), ("md", "not stated"), ("csv", "highlights,\n"), ("json", '"highlights": []')])
def test_an_empty_list_reads_as_not_stated_for_people_and_stays_empty_for_scripts(fmt: str, shown: str) -> None:
    detail = Detail("Tai'an", ((Column("highlights", "Highlights"), []),))
    assert shown in render(detail, fmt, Terminal(width=80))


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tabc"])
def test_csv_text_a_spreadsheet_would_run_is_neutralised(text: str) -> None:
    listing = Listing("x", (Column("id", "ID"), Column("n", "N")), ({"id": text, "n": -5}, {"id": "plain", "n": 4.5}))
    rows = list(csv.reader(io.StringIO(render(listing, "csv").lstrip("\ufeff"))))
    assert rows[1][0].startswith("'") and rows[1][1] == "-5" and rows[2] == ["plain", "4.5"]  # numbers stay numbers
    assert json.loads(render(listing, "json"))[0]["id"] == text  # the raw text, in JSON


def test_people_read_a_value_in_words_and_scripts_get_the_value() -> None:
    listing = Listing("x", (Column("date", "Date"),), ({"date": "2022-06-19/2022-06-21"},), people=({"date": "2022-06-19 – 21 (held)"},))
    assert "2022-06-19 – 21 (held)" in render(listing, "md")
    assert "2022-06-19 – 21 (held)" in render(listing, "table")
    assert json.loads(render(listing, "json")) == [{"date": "2022-06-19/2022-06-21"}]
