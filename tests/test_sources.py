"""The other sources and the history of the plan's events: every source cited, what a record takes from a file
stands in that file, disagreements kept, and the fidelity fixes of issue 21, each checked against the file it
rests on (../shared/sources beside the checkout)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from sdpartner.plan.model import Edition, Observation
from sdpartner.query.links import cited_sources, source_count, source_usage
from sdpartner.query.records import entries

from .conftest import SEED, SOURCES

needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="the source pack (../shared/sources) is not beside this checkout")


def _file(n: int) -> str:
    """The page as stored (not the facts list), its lines joined as the page's text runs on."""
    (path,) = SOURCES.glob(f"{n:02d}-*.md")
    return _flat(path.read_text(encoding="utf-8").split("\n---\n", 1)[1])


def _flat(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


def _edition(plan: Any, eid: str) -> Edition:
    return next(e for e in plan.editions if e.id == eid)


def _count(ed: Any, value: float) -> Any:
    return next(c for c in ed.counts if c.value == value)


def test_every_source_is_cited_at_least_once(plan: Any) -> None:
    usage = source_usage(plan)
    assert [s.id for s in plan.sources if not usage.get(s.id)] == [] and usage["article"]


def test_every_record_cites_the_article_or_a_source(plan: Any) -> None:
    for e in entries(plan):
        if e.kind in ("source", "sector", "offer", "article", "status"):  # the sources themselves, our index, the cities' wording, evidence
            continue
        assert source_count(e.record) >= 1, (e.kind, e.id)


def test_disagreements_keep_every_reading(plan: Any) -> None:
    third = {(d.start, d.end, d.what) for d in _edition(plan, "mnc-summit-3").dates}
    assert {("2022-06-20", "2022-06-21", "scheduled"), ("2022-06-19", "2022-06-21", "held")} <= third
    assert {390, 306} <= {c.value for c in _edition(plan, "mnc-summit-2").counts if "Fortune" in c.label.en}


def test_a_figure_over_time_keeps_what_cannot_be_compared_apart(run: Any) -> None:
    shown = run("show", "friendship-pairs", "-f", "json").json()
    values = [r["value"] for r in shown["history"]]
    assert values == [None, 623, 640, 702, 702, 89, 677]  # the plan's 702 (January 2026) at its date, before May's readings
    assert [r["as_of"] for r in shown["history"]][3:] == ["2025-05-19", None, "2026-05-13", "2026-05-13"]
    may = next(r for r in shown["history"] if r["value"] == 677)
    assert "Do not subtract 702" in may["note"]
    assert "不能拿702与这两个数相减" in run("show", "friendship-pairs-2026-05-cities", "--lang", "zh", "-f", "json").json()["note"]


@needs_sources
def test_every_source_file_exists_and_its_address_matches(plan: Any) -> None:
    for s in plan.sources:
        path = SOURCES / s.file
        head = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if s.url is None:  # a page with no address of its own (an exhibitor's news item, a log line) says so
            assert head.startswith("url: none"), (s.file, head)
        else:
            assert s.url in head, (s.file, s.url, head)


@needs_sources
@pytest.mark.parametrize("kind", ["editions", "observations", "facts", "events"])
def test_numbers_and_wordings_stand_in_the_files_they_cite(plan: Any, kind: str) -> None:
    files = {s.id: _flat((SOURCES / s.file).read_text(encoding="utf-8")) for s in plan.sources}
    checked = 0
    for record in getattr(plan, kind):
        for c in getattr(record, "counts", []):  # each value's own wording stands in one of its sources
            assert any(c.original in files[r.source] for r in c.sources), (record.id, c.original)
            checked += 1
        if isinstance(record, Observation):
            assert any(record.original in files[r.source] for r in record.sources), record.id
            checked += 1
    for s in plan.statuses:
        assert any(ev.wording in files[ev.source] for ev in s.evidence), s.id
    assert checked > 0


# ---------------------------------------------------------------------------------------------
# Issue 21, class by class: each test reads the file the record rests on
# ---------------------------------------------------------------------------------------------


@needs_sources
def test_the_third_summits_preliminary_figures_are_the_attendance_not_the_deals(plan: Any) -> None:
    page = _file(6)
    raw = next(SOURCES.glob("06-*.md")).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    attendance = next(p for p in raw.split("\n") if "476" in p)
    deals = next(p for p in raw.split("\n") if "53.1亿美元" in p)
    assert "初步统计" in attendance and "初步统计" not in deals
    ed = _edition(plan, "mnc-summit-3")
    assert "preliminary count" in ed.note.en and "deals" in ed.note.en and "without qualifier" in ed.note.en
    for value in (476, 186, 290):
        c = _count(ed, value)
        assert "preliminary" in " ".join(t.en for t in (c.scope, c.note) if t), value
    for value in (99, 15.6e9, 5.31e9):
        c = _count(ed, value)
        assert "preliminary" not in " ".join(t.en for t in (c.scope, c.note) if t), value
    assert {58, 30, 28} <= {c.value for c in ed.counts}


def test_every_count_of_each_edition_is_visible(run: Any) -> None:
    history = {r["edition"]: r for r in run("events", "show", "mnc-leaders-qingdao-summit-7", "-f", "json").json()["history"]}
    assert any("15.6 billion US dollars" in c for c in history[3]["counts"])
    assert any("12.9 billion US dollars" in c for c in history[5]["counts"]) and any("40.4 billion US dollars" in c for c in history[5]["counts"])


@needs_sources
def test_the_second_summits_counts_as_each_source_gives_them(plan: Any) -> None:
    page = _file(5)
    ed = _edition(plan, "mnc-summit-2")
    for value in (142, 120):
        c = _count(ed, value)
        assert c.original in page and [s.source for s in c.sources] == ["ots-2021-mnc-summit-2-opening"]
    scope = _count(ed, 390).scope
    assert scope is not None and "together" not in scope.en and "not say" in scope.en


@needs_sources
def test_dates_are_as_precise_as_their_source(plan: Any, run: Any) -> None:
    assert "6月27日から29日" in _file(16)
    (rcep4,) = _edition(plan, "rcep-expo-4").dates
    assert (rcep4.start, rcep4.end, rcep4.precision, rcep4.year_known) == ("--06-27", "--06-29", "day", "not_stated")
    assert "06-27 – 29, year not stated" in run("events", "--series", "rcep-expos", "-f", "md").out
    (c4,) = _edition(plan, "confucian-entrepreneurs-4").dates
    assert (c4.what, c4.year_known) == ("during", "page_date") and "10月29日" in _file(25)
    assert {d.year_known for d in _edition(plan, "korea-expo-2").dates} == {"page_date"} and "20220807" in (SOURCES / plan.sources[0].file).parent.joinpath(
        next(s.file for s in plan.sources if s.id == "xinhua-kr-2022-korea-import-expo-2")).read_text(encoding="utf-8").split("\n", 1)[0]
    k1 = run("show", "korea-expo-1", "-f", "json").json()
    assert "three days" in k1["dates"][0]["note"] and "3일간" in _file(17)


def test_the_notes_a_record_carries_are_shown(run: Any) -> None:
    shown = run("events", "show", "korea-expo-1", "-f", "md").out
    assert "three days" in shown
    assert "a day during the conference" in run("show", "confucian-entrepreneurs-4", "-f", "md").out


@needs_sources
def test_values_as_the_source_gives_them(plan: Any) -> None:
    assert "with 800 guests" in _file(9)
    assert _count(_edition(plan, "mnc-summit-4"), 800).qualifier.value == "exact"
    korea = _edition(plan, "korea-expo-2")
    deals = _count(korea, 8.9e8)
    assert "first day" not in deals.label.en and "계약 의사를 밝히고 체결한" in _file(18)
    assert [c.label.en for c in korea.counts if c.note and "1.75" in c.note.en] == ["scale compared with the 1st edition"]
    rank = next(f for f in plan.figures if f.id == "trade-2025-rank")
    assert rank.original == "规模升至全国第5位" and rank.original in _file(1)


@needs_sources
def test_a_place_only_where_a_page_states_it(plan: Any) -> None:
    place = _edition(plan, "korea-expo-1").place
    assert place is not None and place.name.en == "Shandong province" and "Weihai" in (place.note.en if place.note else "")
    assert "중국 산둥성에서" in _file(17)


@needs_sources
def test_sources_are_rated_by_who_issued_them(plan: Any, invoke: Any) -> None:
    rating = {s.id: s.reliability for s in plan.sources}
    assert rating["globenewswire-2025-mnc-summit-6-opening"] == "release" and "GLOBE NEWSWIRE" in _file(13)
    assert rating["prnewswire-menafn-2024-mnc-summit-5-closing"] == "official" and "Information Office" in _file(12)
    assert {s.id for s in plan.sources if s.reliability == "weak"} >= {"iflscorp-2024-singapore-shandong-week-1", "exhibitor-2026-mnc-summit-7-opening"}
    help_text = " ".join(invoke("sources", "--help").stdout.split())
    for word in ("official", "major", "minor", "release", "repost", "weak"):
        assert f"{word} (" in help_text


@needs_sources
def test_official_names_and_the_literal_one_as_an_alias(plan: Any, run: Any) -> None:
    series = next(s for s in plan.series if s.id == "mnc-summit")
    assert series.name.en == "Qingdao Multinationals Summit" and "Multinational Corporation Leaders Qingdao Summit" in series.aliases
    for n in (3, 5, 7, 9, 10, 12, 13):
        assert "Qingdao Multinationals Summit" in _file(n)
    rcep = next(s for s in plan.series if s.id == "rcep-expos")
    assert "Region" in rcep.name.en and "区域" in rcep.name.zh
    assert all("Region" in e.name.en for e in plan.editions if e.series == "rcep-expos")


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside this checkout")
def test_chinese_wording_follows_the_article(plan: Any) -> None:
    article = SEED.read_text(encoding="utf-8")
    actions = {a.id: a for a in plan.actions}
    measures = {m.id: m for m in plan.measures}
    assert "标志性产业链" in actions[5].summary.zh and "标志性产业链" in article and "重点产业链" not in actions[5].summary.zh
    assert "加快" not in measures["m-service-digitalisation"].text.zh
    statement = next(s for s in plan.statements if s.id == "s-opening-philosophy")
    assert "高水平对外开放新高地" in statement.text.zh
    assert "开拓并提升国际市场" not in actions[1].summary.zh
    assert "文章写作" not in json.dumps([e.note.zh for e in plan.events if e.note], ensure_ascii=False)
    assert actions[4].summary_note is not None and actions[7].summary_note is not None


@needs_sources
def test_the_sister_city_count_of_2023_may_count_differently(plan: Any) -> None:
    reading = next(o for o in plan.observations if o.id == "friendship-pairs-2023-09")
    assert "国際友好都市" in reading.original and reading.original in _file(30)
    assert reading.note is not None and "count" in reading.note.en


def test_the_article_gives_its_address(plan: Any) -> None:
    assert plan.article.url == "sdenews.com/html/2026/1/381407.shtml" and "our rendering" in plan.article.outlet.en


@needs_sources
@pytest.mark.parametrize(("fact", "file", "words"), [
    ("mnc-summit-1-guest-city-shenzhen", 2, "深圳"), ("mnc-summit-5-headline-533b", 12, "533B"), ("mnc-summit-6-hosts-and-organisers", 13, "Qingdao Municipal People's Government"),
    ("mnc-summit-6-participation", 13, "nine countries"), ("sco-conference-2025-qingdao-initiative", 28, "王磊"), ("friendship-double-hundred-2024", 31, "Double Hundred"),
    ("friendship-week-2025", 32, "154"), ("friendship-cooperation-projects-2023", 30, "6000億元近く"), ("hk-share-foreign-investment-2018", 26, "57.8%"),
    ("hk-share-foreign-investment-2023", 27, "70.5%"), ("singapore-shandong-council-1993", 21, "1993"), ("confucian-2020-guests-online", 23, "全部通过线上"),
    ("dialogue-2026-afternoon", 1, "下午"),
])
def test_the_details_readers_asked_for_stand_in_their_files(plan: Any, fact: str, file: int, words: str) -> None:
    record = next(f for f in plan.facts if f.id == fact)
    (path,) = SOURCES.glob(f"{file:02d}-*.md")
    on_address = [c.at for c in record.sources] == ["the page's address"]  # the headline's words stand in the address, above the page
    assert words in (path.read_text(encoding="utf-8").split("\n---\n", 1)[0] if on_address else _file(file))
    assert f"{file:02d}" in [s.file[:2] for s in plan.sources if s.id in cited_sources(record)]  # the fact cites that file


def test_a_weak_source_is_labelled_wherever_its_fact_appears(run: Any) -> None:
    assert "an exhibitor's account" in run("events", "--year", "2026", "-f", "md").out
    assert "an exhibitor's account" in run("show", "mnc-leaders-qingdao-summit-7", "-f", "md").out
    assert "a company's website" in run("events", "--year", "2024", "-f", "md").out
    assert "an exhibitor's account" in run("status", "-f", "md").out
    assert re.search(r"435 people \(an exhibitor's account\)", run("show", "mnc-leaders-qingdao-summit-7", "-f", "md").out)


def test_a_users_repost_is_weak_and_a_fair_operators_release_a_repost(run: Any, invoke: Any) -> None:
    # the source pack lists the NetEase user upload (file 11) among its three weakest and the Korea fair's release (17) as a repost
    rated = {s["file"][:2]: (s["reliability"], s["caveat"]) for s in run("sources", "-f", "json").json()}
    assert rated["11"] == ("weak", "a user's repost on NetEase") and rated["17"] == ("repost", None)
    fifth = run("show", "mnc-summit-5", "-f", "json").json()
    guests = next(c for c in fifth["counts"] if c["label"] == "guests")  # 552 guests: only the repost gives it
    assert "(a user's repost on NetEase)" in invoke("show", "mnc-summit-5", env={"COLUMNS": "200"}).stdout
    assert guests["value"] == 552


def test_a_facts_text_is_labelled_as_a_fact_not_a_measure(invoke: Any) -> None:
    page = invoke("show", "friendship-pairs", env={"COLUMNS": "120"}).stdout
    facts = page[page.index("\nFacts"):]
    assert "│ Fact " in facts and "Measure" not in facts
    assert "│ Text " in invoke("show", "mnc-summit-running-total-2026", env={"COLUMNS": "120"}).stdout
    assert "│ Measure " in invoke("actions", "show", "7", env={"COLUMNS": "120"}).stdout  # a measure's text is still a measure


def test_scripts_read_which_values_only_weak_sources_give(run: Any) -> None:
    # a table says "(an exhibitor's account)" beside such a value; JSON said it only in a free-text note
    summit = run("show", "mnc-leaders-qingdao-summit-7", "-f", "json").json()
    assert [d["caveat"] for d in summit["dates"]] == ["an exhibitor's account"]
    assert {c["caveat"] for c in summit["counts"]} == {"an exhibitor's account"}
    event = next(e for e in run("events", "--year", "2026", "-f", "json").json() if e["id"] == "mnc-leaders-qingdao-summit-7")
    assert [d["caveat"] for d in event["dates"]] == ["an exhibitor's account"]
    fourth = run("show", "mnc-summit-4", "-f", "json").json()  # a date a major outlet gives has none
    assert fourth["dates"] and {d["caveat"] for d in fourth["dates"]} == {None}
    assert run("show", "mnc-leaders-qingdao-summit-7", "-f", "json", "--lang", "zh").json()["dates"][0]["caveat"] == "一家参展企业的自述"
    standing = next(s for s in run("status", "-f", "json").json() if s["id"] == "mnc-leaders-qingdao-summit-7")
    assert [r["reliability"] for r in standing["readings"]] == ["weak", "weak", "weak"]
    assert [r["reliability"] for r in summit["statuses"]] == ["weak", "weak", "weak"]  # the record's own page, too
    fourth_event = next(e for e in run("events", "-f", "json").json() if e["id"] == "mnc-summit-4")
    assert (event["date_caveat"], fourth_event["date_caveat"]) == ("an exhibitor's account", None)
