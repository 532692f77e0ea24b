"""Whole-plan exports read back by their real clients: sqlite3 and Datasette, an iCalendar parser, JSON Lines."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sdpartner.export.sqlite import KEYWORDS

from .conftest import ROOT, run_process


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "plan.db"
    result = run_process("export", "--format", "sqlite", "--output", str(path))
    assert result.returncode == 0, result.stderr
    assert b"wrote" in result.stderr and result.stdout == b""
    return path


def _names(con: sqlite3.Connection, kind: str) -> list[str]:
    return [r[0] for r in con.execute("select name from sqlite_master where type = ? and name not like 'sqlite_%' and name not like '%_fts%'", (kind,))]


def test_every_table_and_view_reads_and_no_name_is_an_sql_keyword(db: Path) -> None:
    con = sqlite3.connect(db)
    tables, views = _names(con, "table"), _names(con, "view")
    assert {"actions", "events", "editions", "offers", "sources", "event_dates", "edition_dates", "edition_counts", "citations", "measures_events"} <= set(tables)
    assert {"events_with_series", "figures_with_actions"} <= set(views)
    for name in [*tables, *views]:
        assert name not in KEYWORDS
        con.execute(f"select * from {name}").fetchall()
        for (column,) in con.execute(f"select name from pragma_table_info('{name}')"):
            assert column not in KEYWORDS, (name, column)
            con.execute(f"select {column} from {name}").fetchall()  # unquoted: a keyword would be a syntax error


def test_dates_are_iso_columns_with_their_precision(db: Path) -> None:
    con = sqlite3.connect(db)
    rows = con.execute("select start_date, end_date, precision, what from edition_dates where edition_id = 'mnc-summit-3' order by position").fetchall()
    assert ("2022-06-19", "2022-06-21", "day", "held") in rows
    assert con.execute("select start_date, precision, year_known from edition_dates where edition_id = 'rcep-expo-4'").fetchone() == ("--06-27", "day", "not_stated")


def test_every_citation_is_a_row_the_records_and_their_values_alike(db: Path) -> None:
    con = sqlite3.connect(db)
    summit = "mnc-leaders-qingdao-summit-7"
    own = {r[0] for r in con.execute("select source_id from citations where record_id = ? and value_field is null", (summit,))}
    assert "dzrb-2026-dialogue" in own
    # a date's source, joined to the date it backs: only an exhibitor's account gives the 2026 opening day
    dated = con.execute("select d.start_date, c.source_id from citations c join event_dates d on d.event_id = c.record_id and d.position = c.value_position "
                        "where c.value_field = 'dates' and c.record_id = ?", (summit,)).fetchall()
    assert dated == [("2026-06-16", "exhibitor-2026-mnc-summit-7-opening")]
    counted = {r[0] for r in con.execute("select source_id from citations where value_field = 'counts' and record_type = 'edition' and record_id = 'mnc-summit-3'")}
    assert counted and counted <= {r[0] for r in con.execute("select id from sources")}
    # the primary article, paragraph by paragraph
    from_8 = {(t, i) for t, i in con.execute("select record_type, record_id from paragraph_citations where paragraph = 8 and value_field is null")}
    assert ("event", summit) in from_8 and ("measure", "m-four-events") in from_8
    assert con.execute("select count(*) from paragraph_citations where paragraph not between 0 and (select paragraphs - 1 from article)").fetchone() == (0,)


def test_every_reference_is_a_foreign_key_that_holds(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("pragma foreign_keys = on")
    assert con.execute("pragma foreign_key_check").fetchall() == []
    fks = {(t, r[3], r[2]) for t in _names(con, "table") for r in con.execute(f"pragma foreign_key_list({t})")}
    assert {("measures", "action_id", "actions"), ("events", "series_id", "series"), ("events", "city_id", "cities"), ("offers", "city_id", "cities"),
            ("editions", "series_id", "series"), ("observations", "figure_id", "figures"), ("measures_events", "event_id", "events")} <= fks


def test_the_readme_queries_run(db: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = [q.replace("\n", " ") for q in __import__("re").findall(r'\$ sqlite3 plan\.db "(.*?)"', readme, flags=__import__("re").S)]
    assert queries
    con = sqlite3.connect(db)
    for q in queries:
        assert con.execute(q).fetchall(), q


@pytest.mark.parametrize(("table", "word", "expected"), [("offers", "储能", "taian-energy-storage"), ("offers", "lithium", "taian-lithium-valley"),
                                                         ("editions", "Linyi", "rcep-expo-2"), ("actions", "一带一路", "7")])
def test_full_text_search_per_table_finds_chinese_and_english(db: Path, table: str, word: str, expected: str) -> None:
    con = sqlite3.connect(db)
    found = [str(r[0]) for r in con.execute(f"select id from {table} where rowid in (select rowid from {table}_fts where {table}_fts match ?)", (f'"{word}"',))]
    assert expected in found


def test_datasette_serves_the_metadata_links_and_search(db: Path) -> None:
    exe = Path(sys.executable).parent / "datasette"
    if not exe.exists() and shutil.which("datasette") is None:
        pytest.skip("datasette is not installed (the test extras install it)")
    meta = f"{db}.metadata.json"

    def get(path: str) -> Any:
        out = subprocess.run([str(exe if exe.exists() else "datasette"), str(db), "-m", meta, "--get", path], capture_output=True, timeout=120, check=False)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    for word, offer in (("储能", "taian-energy-storage"), ("lithium", "taian-lithium-valley")):
        rows = get(f"/plan/offers.json?_search={word}&_shape=objects")["rows"]
        assert [r["id"] for r in rows] == [offer], (word, rows)
    offers = get("/plan/offers.json?_shape=objects&_labels=on&id=taian-lithium-valley")["rows"][0]
    assert offers["city_id"] == {"value": "taian", "label": "taian"}  # a foreign key, shown as a link
    assert get("/plan/actions.json")["rows"]
    metadata = get("/-/metadata.json")
    assert metadata["databases"]["plan"]["tables"]["events"]["description"]
    assert get("/plan/citations.json?_shape=objects&record_id=mnc-leaders-qingdao-summit-7")["rows"]  # the citations, served with their metadata


def test_the_metadata_names_only_full_text_tables_that_exist(db: Path) -> None:
    tables = json.loads(Path(f"{db}.metadata.json").read_text(encoding="utf-8"))["databases"]["plan"]["tables"]
    con = sqlite3.connect(db)
    existing = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    named = {t: e["fts_table"] for t, e in tables.items() if "fts_table" in e}
    assert "events" in named and "citations" not in named and "paragraph_citations" not in named
    assert set(named.values()) <= existing


def test_an_analyst_can_filter_events_by_date(db: Path) -> None:
    con = sqlite3.connect(db)
    rows = con.execute("select e.name_en from events_with_series e").fetchall()
    assert len(rows) == 9
    held = con.execute("select edition_id from edition_dates where start_date >= '2024-01-01' and start_date < '2025-01-01' and what in ('held', 'opened')").fetchall()
    assert ("mnc-summit-5",) in held


def test_json_lines_are_one_record_a_line_each_with_its_type() -> None:
    lines = run_process("export", "--format", "jsonl").stdout.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert all("type" in r for r in records) and len(records) > 200
    types = {r["type"] for r in records}
    assert {"plan", "action", "event", "edition", "city", "offer", "source", "fact", "status"} <= types
    offer = next(r for r in records if r["type"] == "offer" and r["id"] == "taian-lithium-valley")
    assert offer["city"] == "taian"
    city = next(r for r in records if r["type"] == "city" and r["id"] == "taian")
    assert "taian-lithium-valley" in city["offers"]


def test_every_record_in_the_json_export_carries_type_and_id() -> None:
    data = json.loads(run_process("export", "--format", "json").stdout)
    assert data["plan"]["type"] == "plan"
    for key in ("actions", "cities", "events", "editions", "sources"):
        assert all(r["type"] and "id" in r for r in data[key]), key
    assert all(o["type"] == "offer" for c in data["cities"] for o in c["offers"])


def test_the_calendar_reads_back_with_icalendar(tmp_path: Path) -> None:
    import icalendar

    path = tmp_path / "plan.ics"
    result = run_process("export", "--format", "ics", "--output", str(path))
    assert result.returncode == 0, result.stderr
    assert b"no date with both a year and a day and were left out of the calendar; see them with sdpartner events" in result.stderr
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    third = events["edition-mnc-summit-3@sdpartner"]
    assert str(third["summary"]) == "3rd Qingdao Multinationals Summit"
    assert third["dtstart"].dt.isoformat() == "2022-06-19" and third["dtend"].dt.isoformat() == "2022-06-22"  # all day, exclusive end
    assert str(third["status"]) == "CONFIRMED" and "Qingdao" in str(third["location"])
    assert "China Daily" in str(third["description"])
    seventh = events["event-mnc-leaders-qingdao-summit-7@sdpartner"]
    assert str(seventh["status"]) == "TENTATIVE"  # held by a weak source's account only
    # a day it opened or closed within a schedule of several days spans the schedule, and says both (it was one day)
    korea = events["edition-korea-expo-2@sdpartner"]
    assert (korea["dtstart"].dt.isoformat(), korea["dtend"].dt.isoformat(), str(korea["status"])) == ("2022-08-05", "2022-08-08", "CONFIRMED")
    assert str(korea["description"]).splitlines()[:2] == ["2022-08-05 (opened; year from the page's date)", "2022-08-05 – 07 (scheduled; year from the page's date)"]
    first = events["edition-mnc-summit-1@sdpartner"]
    assert (first["dtstart"].dt.isoformat(), first["dtend"].dt.isoformat()) == ("2019-10-19", "2019-10-21")
    assert str(first["description"]).count("Sources:") == 1  # one line of sources, not one per source
    again = run_process("export", "--format", "ics").stdout
    assert sorted(events) == sorted(str(e["uid"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT"))
    zh = icalendar.Calendar.from_ical(run_process("export", "--format", "ics", "--lang", "zh").stdout)
    assert "第三届跨国公司领导人青岛峰会" in [str(e["summary"]) for e in zh.walk("VEVENT")]


def test_the_briefing_holds_the_year_so_far_every_edition_and_the_rated_sources() -> None:
    # it held the plan's own events only, no status, and no sources
    md = run_process("export", "--format", "md").stdout.decode()
    assert "\n## The 2026 plan so far\n" in md and "_As of 2026-11-30, the day the sources were last reviewed." in md
    events = md[md.index("\n## Events\n"):md.index("\n## Jinan")]
    assert "1st Qingdao Multinationals Summit" in events and "7th Qingdao Multinationals Summit" in events
    sources = md[md.index("\n## Sources\n"):]
    assert "| exhibitor-2026-mnc-summit-7-opening |" in sources and "| weak |" in sources
