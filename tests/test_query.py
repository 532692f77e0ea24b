"""Queries: a name opens its record as a person means it, filters know every place, notes explain."""

from __future__ import annotations

from typing import Any

import pytest

from sdpartner.errors import NotFound
from sdpartner.query import filters as q
from sdpartner.query.records import entries, find_record


def test_every_record_opens_with_show_by_its_id(plan: Any, run: Any) -> None:
    for e in entries(plan):
        assert find_record(plan, e.id).entry.id == e.id
    for ref in ("uob", "mnc-summit-3", "article", "status-mnc-summit-7-2026-06-16", "friendship-pairs-2023-09"):
        assert run("show", ref, "-f", "json").json()["id"] == ref


def test_an_exact_name_opens_the_plans_record_and_lists_the_others(plan: Any, run: Any) -> None:
    found = find_record(plan, "港澳山东周")
    assert (found.entry.kind, found.entry.id) == ("event", "hk-macao-shandong-week")
    assert [(e.kind, e.id) for e in found.also] == [("series", "hk-macao-weeks")]
    shown = run("show", "Singapore Shandong Week", "-f", "json").json()
    assert shown["id"] == "singapore-shandong-week" and shown["also_named"][0]["id"] == "singapore-weeks"


@pytest.mark.parametrize(("ref", "expected"), [("韩国进口商品博览会", "korea-import-expo"), ("Korea Imported Goods Expo", "korea-import-expo"),
                                               ("Multinational Corporation Leaders Qingdao Summit", "mnc-summit"), ("MNC summit", "mnc-summit")])
def test_a_name_without_its_brackets_or_an_alias_opens_the_record(plan: Any, ref: str, expected: str) -> None:
    assert find_record(plan, ref).entry.id == expected


def test_a_name_is_found_however_it_is_spaced_or_punctuated(plan: Any, run: Any) -> None:
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())  # every space Python knows: a tab, a no-break space, 　
    assert find_record(plan, f"Singapore{spaces}Shandong·Week").entry.id == "singapore-shandong-week"
    assert find_record(plan, "MNC-summit").entry.id == find_record(plan, f"mnc{spaces}summit").entry.id == "mnc-summit"
    assert run("show", "(Singapore) “Shandong”, Week.", "-f", "json").json()["id"] == "singapore-shandong-week"


def test_chinese_names_fold_as_nfkc_folds_them() -> None:
    import unicodedata

    from sdpartner.names import fold

    for start, end in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)):  # the characters fold leaves to themselves without the library
        text = "".join(map(chr, range(start, end + 1)))
        assert fold(text) == unicodedata.normalize("NFKC", text)
    assert fold("青島（山东）ＲＣＥＰ") == "青島山东rcep"  # full-width forms as NFKC has them
    assert fold("\uf900\ufa0c") == "\u8c48\u5140"  # compatibility ideographs: the unified ones
    assert fold("Cafe\u0301 Tai\u2019an") == "café" + "taian"  # a combining accent after ASCII: composed


def test_only_a_true_tie_is_an_error(plan: Any) -> None:
    with pytest.raises(NotFound, match="'bank' is part of the names of 7 records: organisation hengfeng-bank, organisation uob, figure "):
        find_record(plan, "bank")


def test_linked_records_show_names_and_figures_their_values(run: Any) -> None:
    bank = run("show", "恒丰银行", "-f", "json").json()
    reports = {x["id"]: x["title"] for x in bank["links"] if x["relation"] == "reports"}
    assert reports["hengfeng-assets"] == "Hengfeng Bank total assets: 1.6 trillion yuan"
    plan = run("show", "shandong-2026-ten-partner-actions").out
    assert "Wang Lei" in plan  # presented by a person, named


@pytest.mark.parametrize(("place", "expected"), [("Linyi", "rcep-expo-2"), ("临沂", "rcep-expo-2"), ("Weihai", "korea-expo-2"), ("威海", "korea-expo-2"),
                                                 ("Jinan", "confucian-entrepreneurs-2018"), ("beijing", "dialogue-2026"), ("Singapore", "singapore-shandong-week"),
                                                 ("澳门", "hk-macao-shandong-week"), ("青岛", "mnc-leaders-qingdao-summit-7")])
def test_places_any_record_names_in_either_language(plan: Any, place: str, expected: str) -> None:
    assert expected in [x.id for x in q.events(plan, place=place)]


def test_an_unknown_place_is_not_found_with_the_places_there_are(plan: Any) -> None:
    with pytest.raises(NotFound, match="Linyi"):
        q.events(plan, place="Atlantis")


def test_a_year_outside_the_data_says_which_years_it_covers(plan: Any) -> None:
    notes = q.event_notes(plan, q.events(plan, year=2031), 2031, None, None)
    assert [(n.code, n.params["years"]) for n in notes] == [("year_outside", "2018–2026")]


def test_the_series_lists_its_editions_and_the_plans_event_in_order(plan: Any) -> None:
    members = q.series_members(plan, "mnc-summit")
    assert [m.edition for m in members] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(("ref", "series"), [("rcep", "rcep-expos"), ("跨国公司", "mnc-summit"), ("Korea", "korea-expos")])
def test_a_series_answers_to_a_part_of_its_name_that_no_other_has(plan: Any, ref: str, series: str) -> None:
    assert q.find_series(plan, ref).id == series  # --series rcep: no series named 'rcep'


def test_a_part_several_series_share_lists_them(plan: Any) -> None:
    with pytest.raises(NotFound) as raised:
        q.find_series(plan, "week")
    assert raised.value.code == "part_of_names" and raised.value.params["n"] == 2


def test_a_span_holds_an_event_still_on_at_its_start_and_no_event_without_a_year(plan: Any) -> None:
    # the 3rd RCEP expo ran 18-20 August 2023: 19 August found nothing; the 4th's days have no year: --to 1999 listed it
    assert [x.id for x in q.events(plan, since="2023-08-19", until="2023-08-19")] == ["rcep-expo-3"]
    assert [x.id for x in q.events(plan, until="2019")] == ["confucian-entrepreneurs-2018", "hk-shandong-week-2018", "mnc-summit-1"]  # no rcep-expo-4
