"""The plan's year as it happens (status with evidence, as of any day) and the next year's plan (a 2027 test
fixture that drops in, and what changed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import PLAN_2027, ROOT

PLAN_2026 = str(ROOT / "data" / "plans" / "2026.toml")


def test_the_year_so_far_lists_every_event_and_target_with_its_evidence(run: Any) -> None:
    rows = run("status", "-f", "json").json()
    by_id = {r["id"]: r for r in rows}
    assert {r["type"] for r in rows} == {"event", "figure"} and len([r for r in rows if r["type"] == "event"]) == 9
    summit = by_id["mnc-leaders-qingdao-summit-7"]
    assert (summit["status"], summit["evidence_date"], summit["source"], summit["reliability"]) == ("opened", "2026-06-16", "exhibitor-2026-mnc-summit-7-opening", "weak")
    assert [r["status"] for r in summit["readings"]] == ["scheduled", "scheduled", "opened"]
    assert by_id["singapore-shandong-week"]["status"] == "no_report" and by_id["singapore-shandong-week"]["readings"] == []
    assert by_id["exhibitions-500"]["status"] == "no_report"
    table = run("status").out
    assert "an exhibitor's account" in table and "As of 2026-11-30" in table
    assert '"No report found" does not mean "did not happen"' in run("status", "-f", "md").out


def test_as_of_reads_the_history_back(run: Any) -> None:
    june = {r["id"]: r["status"] for r in run("status", "--as-of", "2026-06-01", "-f", "json").json()}
    assert june["mnc-leaders-qingdao-summit-7"] == "scheduled" and june["hk-macao-shandong-week"] == "scheduled"
    january = {r["id"]: r["status"] for r in run("status", "--as-of", "2026-01-15", "-f", "json").json()}
    assert set(january.values()) == {"no_report"}
    assert "Shown as it stood on 2026-06-01." in run("status", "--as-of", "2026-06-01").out


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_status_readings_read_as_words_in_tables_and_stay_values_in_json(run: Any) -> None:
    table = run("status", "--columns", "id,readings", "-f", "md").out
    assert "| mnc-leaders-qingdao-summit-7 | 2026-02-04 planned (a third party's summary of an official document)<br>" in table and "{" not in table
    assert "2026-01-21 据报已举办(大众日报)" in run("status", "--columns", "id,readings", "--lang", "zh").out
    summit = next(r for r in run("status", "-f", "json").json() if r["id"] == "mnc-leaders-qingdao-summit-7")
    assert summit["readings"][0] == {"status": "scheduled", "date": "2026-02-04", "source": "policydb-2026-shandong-commerce-work-points",
                                     "wording": "举办跨国公司领导人青岛峰会", "reliability": "weak"}


def test_status_of_a_year_the_plan_file_has_nothing_in_says_whose_plan_it_is(run: Any) -> None:
    result = run("status", "--year", "2026", "--plan", str(PLAN_2027), "-f", "md")
    assert result.code == 0 and "This is the plan for 2027: it holds no events or targets in 2026." in _flat(result.out)
    zh = run("status", "--year", "2026", "--plan", str(PLAN_2027), "--lang", "zh").out
    assert "这是2027年的计划,其中没有2026年的活动或目标。" in _flat(zh).replace(" ", "")
    assert "This is the plan" not in run("status", "--plan", str(PLAN_2027)).out


@pytest.mark.parametrize(("as_of", "lang", "said", "unsaid"), [
    ("2026-12-01", "en", "2026-12-01 is after the last review (2026-11-30): no later source is stored, so this is the status as of 2026-11-30.", "Shown as it stood"),
    ("2027", "zh", "2027年晚于最近一次核查(2026-11-30),此后的资料未收存,所以显示的是截至2026-11-30的情况。", "按"),  # not also "as it stood in 2027"
    ("2025-06-01", "en", "2025-06-01 is before the plan was released (2026-01-20).", "after the last review"),
    ("2025", "zh", "按截至2025年底的情况显示。 2025年早于计划发布(2026-01-20)。", "晚于最近一次核查"),
    ("2026-11", "en", "Shown as it stood at the end of 2026-11.", "after the last review"),  # the review day is in that month
    ("2026-01", "en", "Shown as it stood at the end of 2026-01.", "before the plan"),  # and the release day in this one
    ("2026", "zh", "2026年底晚于最近一次核查(2026-11-30),此后的资料未收存,所以显示的是截至2026-11-30的情况。", "按截至"),  # the review day is in 2026
    ("2026", "en", "The end of 2026 is after the last review (2026-11-30): no later source is stored, so this is the status as of 2026-11-30.", "Shown as it stood"),
    ("2026-06", "zh", "按截至2026年6月底的情况显示。", "当日"),
    ("2026-11-30", "en", "As of 2026-11-30, the day the sources were last reviewed.", "Shown as it stood"),  # the review day: not said twice
])
def test_as_of_says_when_the_day_asked_is_after_the_review_or_before_the_plan(run: Any, as_of: str, lang: str, said: str, unsaid: str) -> None:
    out = _flat(run("status", "--as-of", as_of, "--lang", lang, "-f", "md").out)
    assert said in out and unsaid not in out
    if "after the last review" in said or "晚于最近一次核查" in said:  # the review day is said once (it was said again: "... as of 2026-11-30. As of 2026-11-30, the day ...")
        assert out.count("2026-11-30") == 2 and "the day the sources were last reviewed" not in out and "核查。" not in out


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv", "md"])
def test_status_in_every_format(run: Any, fmt: str) -> None:
    result = run("status", "-f", fmt)
    assert result.code == 0 and "7th Qingdao Multinationals Summit" in result.out and result.err == ""


def test_listings_show_the_status_too(run: Any) -> None:
    events = {r["id"]: r["status"] for r in run("events", "--year", "2026", "-f", "json").json()}
    assert events["mnc-leaders-qingdao-summit-7"] == "opened" and events["rcep-import-expo"] == "no_report"
    targets = {r["id"]: r["status"] for r in run("targets", "-f", "json").json()}
    assert targets["exhibitions-500"] == "no_report" and targets["trade-2025-value"] is None  # a reported figure has no status
    assert "reported opened: 2026-06-16, an exhibitor's account" in run("events", "--year", "2026", "--wide", "-f", "md").out


def test_a_year_without_a_bundled_plan_says_which_there_are(run: Any) -> None:
    result = run("status", "--year", "2027")
    assert result.code == 2 and "there is no bundled plan for 2027; the bundled plan years are 2026" in result.err


@pytest.mark.parametrize("cmd", [["overview"], ["actions", "list"], ["actions", "show", "11"], ["targets"], ["events"], ["events", "show", "mnc-leaders-qingdao-summit-8"],
                                 ["city", "list"], ["city", "show", "qingdao"], ["sectors"], ["search", "summit"], ["show", "mnc-summit"], ["sources"], ["status"]])
def test_every_command_works_on_a_2027_plan(run: Any, cmd: list[str]) -> None:
    result = run(*cmd, "--plan", str(PLAN_2027), "-f", "json")
    assert result.code == 0, result.err
    json.loads(result.out)


def test_a_continuing_series_shows_the_new_edition_after_the_earlier_ones(run: Any) -> None:
    rows = run("events", "--series", "mnc-summit", "--plan", str(PLAN_2027), "-f", "json").json()
    assert [(r["edition"], r["type"]) for r in rows][-2:] == [(6, "edition"), (8, "event")]
    shown = run("show", "mnc-leaders-qingdao-summit-8", "--plan", str(PLAN_2027), "-f", "json").json()
    assert shown["name"] == "8th Qingdao Multinationals Summit" and shown["history"][-1]["edition"] == 8


def test_diff_says_what_changed_field_by_field(run: Any) -> None:
    result = run("diff", PLAN_2026, str(PLAN_2027), "-f", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert set(data) == {"added", "removed", "changed", "columns_added", "columns_removed"}
    assert [(r["type"], r["id"]) for r in data["added"] if r["type"] == "action"] == [("action", 11)]
    assert ("action", 9) in [(r["type"], r["id"]) for r in data["removed"]]
    changed = {c["key"]: c["changes"] for c in data["changed"]}
    assert changed["figure:exhibitions-500"]["value"] == [500, 600]
    assert changed["action:4"]["name"][1]["zh"] == "招商引资多元拓展升级行动"
    assert ("event", "mnc-leaders-qingdao-summit-8") in [(r["type"], r["id"]) for r in data["added"]]
    lines = [json.loads(x) for x in run("diff", PLAN_2026, str(PLAN_2027), "-f", "jsonl").out.splitlines()]
    assert {x["change"] for x in lines} == {"added", "removed", "changed"}
    assert "| changed | figure | exhibitions-500 | Value | 500 | 600 |" in run("diff", PLAN_2026, str(PLAN_2027), "-f", "md").out
    assert "changed,figure,exhibitions-500,Trade fairs and business-matching events for Shandong firms,value,500,600" in run("diff", PLAN_2026, str(PLAN_2027), "-f", "csv").out  # the key, for scripts


def test_diff_says_a_place_as_tables_do(run: Any, tmp_path: Any) -> None:
    text = Path(PLAN_2026).read_text(encoding="utf-8")
    old = 'place = { name = { zh = "新加坡", en = "Singapore" }, known = "from_name" }'
    assert old in text
    changed = tmp_path / "plan.toml"
    changed.write_text(text.replace(old, old.replace("from_name", "stated")), encoding="utf-8")
    zh = run("diff", PLAN_2026, str(changed), "-f", "md", "--lang", "zh").out
    assert "| 变化 | 活动 | singapore-shandong-week | 地点 | 新加坡(据名称) | 新加坡(原文明确) |" in zh
    assert "| Place | Singapore (from its name) | Singapore (stated) |" in run("diff", PLAN_2026, str(changed), "-f", "md").out


def test_diff_says_fields_and_dates_in_chinese(run: Any) -> None:
    """A Chinese reader sees the fields' labels and a date's kind in Chinese; a list of ids is not labelled a count."""
    out = run("diff", str(PLAN_2027), PLAN_2026, "-f", "md", "--lang", "zh").out
    assert "| 变化 | 数字 | exhibitions-500 | 数值 | 600 | 500 |" in out
    assert "| 变化 | 举措 | m-four-events | 活动 | mnc-leaders-qingdao-summit-8;" in out
    assert "2026-01-20 (举办; ¶ 1); 2026-01-20 (举办; dzrb-2026-dialogue) |" in out  # whose each reading is
    assert "(held)" not in out and "| value |" not in out and "| events |" not in out


def test_diff_exit_codes_follow_diff(run: Any, tmp_path: Any) -> None:
    same = run("diff", PLAN_2026)
    assert same.code == 0 and "(none)" in same.out
    missing = run("diff", str(tmp_path / "nope.toml"))
    assert missing.code == 2 and "no such file" in missing.err


def test_plan_before_the_command_is_the_newer_plan_of_diff_and_the_file_validate_checks(run: Any, tmp_path: Any) -> None:
    differs = run("--plan", str(PLAN_2027), "diff", PLAN_2026, "-f", "json")
    assert differs.code == 1 and json.loads(differs.out)["added"]  # as `diff PLAN_2026 PLAN_2027`
    assert json.loads(differs.out) == json.loads(run("diff", PLAN_2026, str(PLAN_2027), "-f", "json").out)
    checked = run("--plan", str(tmp_path / "nope.toml"), "validate")
    assert checked.code == 1 and "nope.toml: no such file" in checked.err


def test_a_past_years_event_carried_into_the_history_shows_once_in_every_year(run: Any, tmp_path: Any, monkeypatch: Any) -> None:
    import shutil

    history = tmp_path / "history"
    shutil.copytree(ROOT / "data" / "history", history)
    with open(history / "series.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[editions]]\nid = "mnc-summit-7"\nseries = "mnc-summit"\nedition = 7\nname = { zh = "第七届跨国公司领导人青岛峰会", en = "7th Qingdao Multinationals Summit" }\n'
                 'year = 2026\nsame_as = "mnc-leaders-qingdao-summit-7"\nsources = [{ source = "exhibitor-2026-mnc-summit-7-opening" }]\n')
    monkeypatch.setenv("SDPARTNER_HISTORY", str(history))
    in_2026 = [(r["edition"], r["type"]) for r in run("events", "--series", "mnc-summit", "--plan", PLAN_2026, "-f", "json").json()]
    in_2027 = [(r["edition"], r["type"]) for r in run("events", "--series", "mnc-summit", "--plan", str(PLAN_2027), "-f", "json").json()]
    assert in_2026[-1] == (7, "event") and len(in_2026) == 7
    assert in_2027[-2:] == [(7, "edition"), (8, "event")] and len(in_2027) == 8


def test_one_later_plan_is_compared_in_year_order(run: Any) -> None:
    # diff plan-2027.toml read the 2027 file as the older plan: every change came out backwards
    alone = run("diff", str(PLAN_2027), "-f", "json")
    assert alone.code == 1 and json.loads(alone.out) == json.loads(run("diff", PLAN_2026, str(PLAN_2027), "-f", "json").out)
    assert alone.err == f"sdpartner: note: {PLAN_2027} is the plan for 2027, later than the 2026 plan it is compared with: the changes read from 2026 to 2027.\n"
    named = run("diff", str(PLAN_2027), PLAN_2026, "-f", "json")  # both named: the order given, said
    assert named.err == "sdpartner: note: OLD is the plan for 2027, later than NEW's 2026: the changes read backwards, from 2027 to 2026.\n"
    assert json.loads(named.out) != json.loads(alone.out)
