"""The other sources (issue 16): every one is cited, every record the article lacks cites one, and what a
record takes from a source file stands in that file (numbers and Chinese names), checked against
../shared/sources/ when it is beside the checkout."""

from __future__ import annotations

import json
import re

import pytest

from sdpartner import query
from sdpartner.model import Edition, Observation, Plan

from .conftest import ROOT

SOURCES = ROOT.parent / "shared" / "sources"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="the source pack (../shared/sources) is not beside this checkout")


def test_every_source_is_cited_at_least_once(plan: Plan) -> None:
    usage = query.source_usage(plan)
    assert [s.id for s in plan.sources if not usage.get(s.id)] == []
    assert usage["article"]  # the primary article backs most records


def test_every_record_the_article_lacks_cites_a_source(plan: Plan) -> None:
    for e in query.entries(plan):
        if e.kind in ("source", "sector", "offer"):  # sectors and offers are our index and the cities' wording (cited by the city)
            continue
        record = e.record
        assert getattr(record, "cites", None) or getattr(record, "sources", None), (e.kind, e.id)


def test_facts_the_second_report_shares_cite_both(plan: Plan, invoke) -> None:
    both = {f.id for f in plan.figures if f.cites and any(r.source == "dzrb-2026-dialogue" for r in f.sources)}
    assert {"friendship-pairs", "friendship-countries", "friendship-rank", "dialogue-attendance", "exhibitions-500"} <= both
    rows = {r["id"]: r for r in json.loads(invoke("targets", "-f", "json").stdout)}
    assert rows["friendship-pairs"]["source_count"] == 2 and rows["hengfeng-assets"]["source_count"] == 1


def test_what_the_second_report_adds(invoke) -> None:
    rows = {r["id"]: r for r in json.loads(invoke("targets", "-f", "json").stdout)}
    assert rows["trade-2025-value"]["display"] == "3.53 trillion yuan" and rows["trade-2025-value"]["cites"] == []
    assert rows["trade-2025-rank"]["display"] == "5th"
    assert rows["trade-2025-growth-above-national"]["value"] == 0.7


def test_disagreements_keep_every_reading(plan: Plan) -> None:
    eds = {e.id: e for e in plan.editions}
    third = {d.when for d in eds["mnc-summit-3"].dates}
    assert {"2022-06-20/2022-06-21", "2022-06-19/2022-06-21"} <= third  # scheduled vs held
    second = {c.value for c in eds["mnc-summit-2"].counts if "Fortune" in c.label.en}
    assert {390, 306} <= second
    assert eds["rcep-expo-4"].year is None and eds["rcep-expo-4"].year_note is not None


def test_series_without_history_say_so(invoke) -> None:
    for event in ("sco-selection-fair", "sco-local-roundtable"):
        shown = json.loads(invoke("events", "show", event, "-f", "json").stdout)
        assert shown["history"] == [] and "No earlier" in shown["series_note"]


def test_events_show_has_the_series_history(invoke) -> None:
    shown = json.loads(invoke("events", "show", "mnc-leaders-qingdao-summit-7", "-f", "json").stdout)
    assert [r["edition"] for r in shown["history"]] == [1, 2, 3, 4, 5, 6]
    assert [r["year"] for r in shown["history"]] == [2019, 2021, 2022, 2023, 2024, 2025]


def test_events_by_year_series_and_dates(invoke) -> None:
    ids = [r["id"] for r in json.loads(invoke("events", "--year", "2024", "-f", "json").stdout)]
    assert "mnc-summit-5" in ids and "mnc-leaders-qingdao-summit-7" not in ids
    series = [r["id"] for r in json.loads(invoke("events", "--series", "mnc-summit", "-f", "json").stdout)]
    assert series == [f"mnc-summit-{n}" for n in range(1, 7)] + ["mnc-leaders-qingdao-summit-7"]
    window = [r["id"] for r in json.loads(invoke("events", "--from", "2022-06", "--to", "2022-12", "-f", "json").stdout)]
    assert "mnc-summit-3" in window and "korea-expo-2" in window and "mnc-summit-4" not in window
    bad = invoke("events", "--from", "June")
    assert bad.exit_code == 2 and "--from must be a date" in bad.stderr


def test_sources_command_counts_records(invoke) -> None:
    rows = json.loads(invoke("sources", "-f", "json").stdout)
    assert rows[0]["id"] == "article" and rows[0]["reliability"] == "primary"
    assert all(r["records"] >= 1 for r in rows)
    shown = json.loads(invoke("show", "dzrb-2026-dialogue", "-f", "json").stdout)
    assert shown["records"] >= 10 and shown["reliability"] == "major"


def test_a_figure_over_time(invoke) -> None:
    shown = json.loads(invoke("show", "friendship-pairs", "-f", "json").stdout)
    assert [r["value"] for r in shown["history"]] == [None, 623, 640, 702, 702]


@needs_sources
def test_every_source_file_exists_and_its_address_matches(plan: Plan) -> None:
    for s in plan.sources:
        text = (SOURCES / s.file).read_text(encoding="utf-8")
        assert text.startswith(f"url: {s.url}\n"), s.file


@needs_sources
@pytest.mark.parametrize("kind", ["editions", "observations", "figures"])
def test_numbers_and_chinese_names_stand_in_the_files_they_cite(plan: Plan, kind: str) -> None:
    files = {s.id: (SOURCES / s.file).read_text(encoding="utf-8") for s in plan.sources}
    checked = 0
    for record in getattr(plan, kind):
        if isinstance(record, Edition):
            for c in record.counts:  # each value's own wording stands in one of its sources
                assert any(c.original in files[r.source] for r in c.sources), (record.id, c.original)
                checked += 1
            zh_sources = [s for s in plan.sources if s.id in query.cited_sources(record) and s.language == "zh"]
            for run in re.findall(r"[\u4e00-\u9fff]{2,}", record.name.zh if zh_sources else ""):
                assert any(run in files[s.id] or run in _traditional(files[s.id]) for s in zh_sources), (record.id, run)
        elif isinstance(record, Observation):
            assert any(record.original in files[r.source] for r in record.sources), record.id
            if record.value is not None:
                assert any(str(int(record.value)) in files[r.source] for r in record.sources), record.id
            checked += 1
        elif record.sources and not record.cites:
            assert any(record.original in files[r.source] for r in record.sources), record.id
            checked += 1
    assert checked > 0


def _traditional(text: str) -> str:
    """The few traditional characters the Hong Kong sources use in these names, as simplified ones."""
    return text.translate(str.maketrans("屆國領導島會", "届国领导岛会"))
