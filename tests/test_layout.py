"""Tables at the widths people have (issue 12): a table at 80, 100 and 120 columns for every listing and
detail, no line wider than the screen, no word broken, few lines per record; --columns, --wide, JSON Lines."""

from __future__ import annotations

import json
import re

import pytest

LISTINGS = [["events", "--year", "2026"], ["events"], ["actions", "list"], ["targets"], ["city", "list"], ["sectors"], ["search", "lithium battery"], ["sources"]]
DETAILS = [["show", "uob"], ["show", "m-four-events"], ["show", "friendship-rank-2024-02"],  # the last two: titles longer than the panel
           ["city", "show", "qingdao"], ["actions", "show", "7"], ["overview"], ["events", "show", "mnc-leaders-qingdao-summit-7"]]
BOX = re.compile(r"[│╭╮╰╯├┤┬┴┼─]")


def _rows(out: str) -> list[list[str]]:
    """The body rows of the first table in ``out``: for each record, the text of its cells line by line."""
    lines = out.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("├"))
    rows: list[list[str]] = []
    for ln in lines[start + 1:]:
        if ln.startswith("╰"):
            break
        cells = [c.strip() for c in ln.strip("│").split("│")]
        if re.match(r"\d{4}", cells[1]) or not rows:  # a record starts on the line of its year
            rows.append([ln])
        else:
            rows[-1].append(ln)
    return rows


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("args", LISTINGS + DETAILS, ids=lambda a: " ".join(a))
def test_fits_the_screen_without_breaking_words(invoke, args: list[str], width: int) -> None:
    out = invoke(*args, env={"COLUMNS": str(width)}).stdout
    assert "╭" in out  # a table (or a panel), not stacked records
    assert max(len(line) for line in out.splitlines()) <= width
    # every word of the table is a word of the same view in Markdown, which never wraps: no word was broken
    def words(text: str) -> set[str]:  # Latin words (Chinese wraps between characters, as it is written)
        return {w.strip(":,;_*()\\") for w in text.split() if not re.search(r"[\u3400-\u9fff█]", w)} - {""}

    reference = words(invoke(*args, "-f", "md").stdout.replace("|", " "))
    table_words = words(BOX.sub(" ", out))
    assert table_words <= reference, sorted(table_words - reference)[:8]


# the 7th summit's date now says what it is, how its year is known and that only a weak source gives it
@pytest.mark.parametrize(("width", "most"), [(80, 4), (100, 3), (120, 3)])
def test_an_event_takes_few_lines(invoke, width: int, most: int) -> None:
    out = invoke("events", "--year", "2026", env={"COLUMNS": str(width)}).stdout
    rows = _rows(out)
    assert len(rows) == 9
    assert max(len(r) for r in rows) <= most


def test_the_name_column_gets_the_room(invoke) -> None:
    out = invoke("events", "--year", "2026", env={"COLUMNS": "100"}).stdout
    header = next(ln for ln in out.splitlines() if ln.startswith("╭"))
    widths = [len(part) for part in header.strip("╭╮").split("┬")]
    assert widths[0] == max(widths)


def test_stacked_only_below_fifty_columns_with_indented_continuations(invoke) -> None:
    assert "╭" in invoke("city", "list", env={"COLUMNS": "60"}).stdout
    narrow = invoke("city", "list", env={"COLUMNS": "30"}).stdout
    assert "╭" not in narrow and "Pitch:" in narrow
    pitch = narrow.splitlines()
    i = next(k for k, ln in enumerate(pitch) if ln.startswith("Pitch:"))
    indent = len(pitch[i]) - len(pitch[i][len("Pitch:"):].lstrip())
    assert pitch[i + 1].startswith(" " * indent) and pitch[i + 1].strip()


def test_columns_are_named_in_any_case_and_with_hyphens(invoke) -> None:
    out = invoke("events", "--year", "2026", "--columns", "ID,Name,Source-Count", "-f", "json").stdout  # it was: no column named 'ID'
    assert list(json.loads(out)[0]) == ["id", "name", "source_count"]
    assert "no column named 'Bogus-Col'" in invoke("events", "--columns", "id,Bogus-Col").stderr  # as typed


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv", "md"])
def test_columns_pick_and_order_in_every_format(invoke, fmt: str) -> None:
    out = invoke("events", "--year", "2026", "--columns", "date,id", "-f", fmt, env={"COLUMNS": "120"}).stdout
    if fmt == "json":
        assert list(json.loads(out)[0]) == ["date", "id"]
    elif fmt == "jsonl":
        assert list(json.loads(out.splitlines()[0])) == ["date", "id"]
    elif fmt in ("csv", "tsv"):
        assert out.lstrip("\ufeff").splitlines()[0].replace("\t", ",") == "date,id"
    else:
        header = next(ln for ln in out.splitlines() if "ID" in ln)
        assert header.index("Date") < header.index("ID")


def test_columns_help_lists_the_keys(invoke) -> None:
    result = invoke("targets", "--columns", "help")
    assert result.exit_code == 0 and result.stderr == ""
    assert "display" in result.stdout and "source_count" in result.stdout and "Amount" in result.stdout
    keys = [r["column"] for r in __import__("json").loads(invoke("targets", "--columns", "help", "-f", "json").stdout)]
    assert keys[:3] == ["id", "type", "label"] and "status" in keys


def test_wide_shows_every_table_column(invoke) -> None:
    default = invoke("events", "--year", "2026", env={"COLUMNS": "200"}).stdout
    wide = invoke("events", "--year", "2026", "--wide", env={"COLUMNS": "200"}).stdout
    assert "Chinese" not in default and "Chinese" in wide and "Action" in wide


def test_json_lines_are_one_record_a_line(invoke) -> None:
    out = invoke("targets", "-f", "jsonl").stdout
    lines = out.splitlines()
    assert len(lines) == len(json.loads(invoke("targets", "-f", "json").stdout))
    assert all(json.loads(ln)["id"] for ln in lines)
    detail = invoke("city", "show", "qingdao", "-f", "jsonl").stdout
    assert len(detail.splitlines()) == 1 and json.loads(detail)["id"] == "qingdao"


def test_root_help_shows_whole_first_lines_and_examples(invoke) -> None:
    out = invoke("--help").stdout
    listed = " ".join(out.split("Commands:")[1].split())
    for command in ("overview", "targets", "search", "show", "export", "validate", "sources", "sectors"):
        first = " ".join(invoke(command, "--help").stdout.split("\n\n")[1].split())
        assert f"{command} {first}" in listed, command
    assert "Examples:" in out
    for group in ("actions", "city", "events"):
        assert "Examples:" in invoke(group, "--help").stdout
    assert "<str>" not in invoke("events", "--help").stdout and "--plan FILE" in invoke("events", "--help").stdout
