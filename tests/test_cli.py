"""The CLI through Typer's CliRunner: every command, every format, lookups, errors and exit codes, both languages."""

from __future__ import annotations

import os

import csv
import io
import json
import re
from typing import Any

import pytest

from sdpartner import __version__

from .conftest import MINI

M = ["--plan", str(MINI)]


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_version(invoke: Any) -> None:
    assert invoke("--version").stdout == f"sdpartner {__version__}\n"


def test_actions_list_json_and_table(invoke: Any) -> None:
    rows = _json(invoke("actions", "list", "-f", "json", *M))
    assert [(r["id"], r["type"], r["slug"], r["group"], r["measures"]) for r in rows] == [(1, "action", "export-push", 1, 1), (2, "action", "import-pull", 1, 0),
                                                                                           (3, "action", "rules", 2, 0)]
    table = invoke("actions", "list", *M).stdout
    assert "Export Push" in table and "出口行动" not in table and "\x1b[" not in table  # the Chinese column is a --wide one
    assert "出口行动" in invoke("actions", "list", "--wide", *M).stdout


def test_actions_list_filters(invoke: Any) -> None:
    assert [r["id"] for r in _json(invoke("actions", "list", "--group", "beta", "-f", "json", *M))] == [3]
    assert [r["id"] for r in _json(invoke("actions", "list", "--search", "imports", "-f", "json", *M))] == [2]
    assert _json(invoke("actions", "list", "--search", "nothing-like-this", "-f", "json", *M)) == []


def test_actions_show(invoke: Any) -> None:
    obj = _json(invoke("actions", "show", "export-push", "-f", "json", *M))
    assert obj["id"] == 1 and obj["type"] == "action" and obj["measures"][0]["text"] == "Go to trade fairs" and obj["measures"][0]["attribution"] == "inferred"
    assert obj["figures"][0]["value"] == 50 and obj["events"][0]["id"] == "expo" and obj["programmes"][0]["id"] == "prog"
    text = invoke("actions", "show", "1", *M).stdout
    assert "Action 1: Export Push" in text and "Go to trade fairs" in text


def test_actions_show_unknown_exits_1_with_hint(invoke: Any) -> None:
    result = invoke("actions", "show", "export-pus", *M)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "sdpartner: error: no action named 'export-pus'; did you mean 'export-push'? (use a number (1, 2, 3) or a slug; 'sdpartner actions list' shows them)\n"


def test_targets_amounts_as_values_and_in_words(invoke: Any) -> None:
    rows = _json(invoke("targets", "-f", "json", *M))
    assets = next(r for r in rows if r["id"] == "assets")
    assert (assets["value"], assets["currency"], assets["unit"], assets["qualifier"], assets["display"], assets["original"]) == (1.6e12, "CNY", None, "exact", "1.6 trillion yuan", "1.6万亿元")
    fairs = next(r for r in rows if r["id"] == "fairs")
    assert (fairs["qualifier"], fairs["unit"], fairs["display"], fairs["status"]) == ("at_least", "fairs", "at least 50 fairs", "no_report")
    zh = _json(invoke("targets", "-f", "json", "--lang", "zh", *M))
    assert next(r for r in zh if r["id"] == "assets")["display"] == "1.6万亿元"
    assert next(r for r in zh if r["id"] == "fairs")["display"] == "50场以上"
    assert [r["id"] for r in _json(invoke("targets", "--kind", "target", "-f", "json", *M))] == ["fairs"]
    assert [r["id"] for r in _json(invoke("targets", "--year", "2029", "-f", "json", *M))] == ["assets"]
    assert [r["id"] for r in _json(invoke("targets", "--action", "1", "-f", "json", *M))] == ["fairs"]


def test_events_dates_and_places_as_values(invoke: Any) -> None:
    rows = _json(invoke("events", "--year", "2030", "-f", "json", *M))
    assert [r["id"] for r in rows] == ["launch", "expo"]
    launch, expo = rows
    assert (launch["date"], launch["start"], launch["precision"], launch["date_what"]) == ("2030-01-02", "2030-01-02", "day", "held")
    assert (expo["date"], expo["place"], expo["place_known"], expo["series"], expo["edition"], expo["name"]) == (None, "Harbour City", "from_name", "harbour-expos", 2, "2nd Harbour Expo")
    assert expo["status"] == "opened"
    table = invoke("events", "--year", "2030", *M).stdout
    assert "date not stated" in table and "2030-01-02 (held)" in table and "Harbour City (from its name)" in table
    edition = _json(invoke("events", "--year", "2029", "-f", "json", *M))[0]
    assert edition["date"] == "2029-05-01/2029-05-03" and [d["start"] for d in edition["dates"]] == ["2029-05-01", "--05-02"]
    assert "05-02, year not stated (a day during it)" in invoke("events", "--year", "2029", "-f", "md", *M).stdout


def test_empty_result_is_not_an_error(invoke: Any) -> None:
    assert invoke("events", "--year", "1999", "-f", "json", *M).stdout == "[]\n"
    result = invoke("events", "--year", "1999", *M)
    assert result.exit_code == 0 and "(none)" in result.stdout
    assert result.stderr == "sdpartner: note: nothing is recorded for 1999; the data covers the years 2029–2031\n"
    assert invoke("events", "--year", "1999", "-f", "csv", *M).stdout.startswith("\ufeffid,type,")
    # a year on record that other filters leave empty is not "nothing recorded for" it
    spanned = invoke("events", "--year", "2026", "--from", "2024", "--to", "2025", "-f", "json")
    assert spanned.exit_code == 0 and spanned.stdout == "[]\n" and spanned.stderr == ""  # nor undated events of 2024, outside --year


def test_a_column_named_twice_is_shown_once(run: Any) -> None:
    result = run("city", "list", "--columns", "id,id,name", "-f", "csv")
    assert result.code == 0 and result.out.splitlines()[0] == "\ufeffid,name"


def test_a_series_edition_name_template_reads_with_n_for_people_and_stays_a_template_for_scripts(run: Any) -> None:
    assert "Nth Qingdao Multinationals Summit" in run("show", "mnc-summit").out
    zh = run("show", "mnc-summit", "--lang", "zh").out
    assert "第N届跨国公司领导人青岛峰会" in zh and "{cn}" not in zh
    assert json.loads(run("show", "mnc-summit", "-f", "json").out)["edition_name"] == "{nth} Qingdao Multinationals Summit"


def test_the_article_links_every_record_that_cites_its_paragraphs(run: Any) -> None:
    links = json.loads(run("show", "article", "-f", "json").out)["links"]
    cited_by = {(x["type"], x["id"]) for x in links if x["relation"] == "cited_by"}
    assert len(cited_by) == len(links) > 90
    assert {("event", "mnc-leaders-qingdao-summit-7"), ("action", "5"), ("city", "qingdao")} <= cited_by  # a link's id is text, as in every record's links
    assert ("article", "article") not in cited_by
    assert "被引用" in run("show", "article", "--lang", "zh").out


def test_a_date_filter_says_what_it_leaves_out(invoke: Any) -> None:
    result = invoke("events", "--from", "2026-03", "--to", "2026-12", "-f", "json")
    assert [r["id"] for r in json.loads(result.stdout)] == ["mnc-leaders-qingdao-summit-7"]
    assert "7 more event(s) of those years have no date, so whether they fall in that span is not known; they are not listed: see them with sdpartner events --year 2026" in result.stderr
    zh = invoke("events", "--from", "2026-03", "--to", "2026-12", "--lang", "zh")
    assert "这些年份里另有7项活动没有日期,无从知道是否落在该范围内" in zh.stderr


@pytest.mark.parametrize(("value", "iso"), [("2026年6月", "2026-06"), ("2026年6月16日", "2026-06-16"), ("二〇二六年六月", "2026-06"), ("二〇二六年六月十六日", "2026-06-16"),
                                          ("2026年", "2026")])
def test_a_date_as_chinese_writes_it_is_the_iso_date_it_names(run: Any, value: str, iso: str) -> None:
    assert run("events", "--from", value, "-f", "json").json() == run("events", "--from", iso, "-f", "json").json()
    assert run("status", "--as-of", value, "-f", "json").json() == run("status", "--as-of", iso, "-f", "json").json()


@pytest.mark.parametrize("value", ["2026年13月", "2026年2月30日", "2026年6", "二〇二六年十三月"])
def test_an_impossible_chinese_date_is_refused_as_typed(run: Any, value: str) -> None:
    result = run("--lang", "zh", "events", "--from", value)
    assert result.code == 2 and f"而不是“{value}”" in result.err


@pytest.mark.parametrize("value", ["2026-3", "２０２６", "2026-02-30", "March", "03/2026"])
def test_dates_in_filters_are_strict(invoke: Any, value: str) -> None:
    result = invoke("events", "--from", value)
    if value == "２０２６":  # full-width digits are read as the digits they are
        assert result.exit_code == 0
        return
    assert result.exit_code == 2 and "--from must be a date such as 2024, 2024-08 or 2024-08-28" in result.stderr


def test_city_list_and_show_by_every_kind_of_name(invoke: Any) -> None:
    assert [(r["id"], r["type"]) for r in _json(invoke("city", "list", "-f", "json", *M))] == [("harbour", "city"), ("hill", "city")]
    for name in ("harbour", "HARBOUR", "港城", "Harbour City", "port town"):
        obj = _json(invoke("city", "show", name, "-f", "json", *M))
        assert obj["id"] == "harbour" and obj["type"] == "city" and obj["offers"][0]["name"] == "Shipping", name
        assert obj["events"][0]["id"] == "expo" and obj["measures"][0]["id"] == "m-shared"


def test_sectors_answer_which_city_wants_robotics(invoke: Any) -> None:
    rows = _json(invoke("sectors", "--search", "robotics", "-f", "json"))
    assert {r["city"] for r in rows} == {"Jinan"} and rows[0]["type"] == "offer"


def test_search_ranks_and_reports_where(invoke: Any) -> None:
    rows = _json(invoke("search", "shipping", "-f", "json", *M))
    assert (rows[0]["type"], rows[0]["id"], rows[0]["field"]) == ("offer", "harbour-shipping", "name")
    assert len(_json(invoke("search", "harbour", "-f", "json", *M))) > 1
    assert len(_json(invoke("search", "harbour", "--limit", "1", "-f", "json", *M))) == 1


def test_overview(invoke: Any) -> None:
    obj = _json(invoke("overview", "-f", "json"))
    assert [g["id"] for g in obj["groups"]] == [1, 2, 3, 4]
    assert {c["id"] for c in obj["cities"]} == {"jinan", "qingdao", "weifang", "taian", "dezhou"}
    assert any(e["id"] == "mnc-leaders-qingdao-summit-7" for e in obj["events"])
    text = invoke("overview").stdout
    assert "Ten Partner Actions" in text and "Beijing" in text and "█" in text


def test_export_markdown_briefing(invoke: Any) -> None:
    text = invoke("export", "-f", "md").stdout
    assert text.startswith("# Shandong 2026 Opening-Up")
    for heading in ("## Action 7: Jointly Built Belt and Road Cooperation Broadening Action", "## Qingdao 青岛", "## Sectors and the cities that offer them"):
        assert heading in text
    assert "共同书写开放共赢新篇章" in invoke("export", "-f", "md", "--lang", "zh").stdout


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv", "md"])
@pytest.mark.parametrize("cmd", [["overview"], ["actions", "list"], ["actions", "show", "5"], ["targets"], ["events"], ["events", "show", "mnc-summit-3"],
                                 ["city", "list"], ["city", "show", "jinan"], ["sectors"], ["search", "energy"], ["show", "uob"], ["sources"], ["status"]])
def test_every_command_in_every_format(invoke: Any, cmd: list[str], fmt: str) -> None:
    result = invoke(*cmd, "--format", fmt)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    out = result.stdout
    assert out.endswith("\n") and len(out) > 40
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in out.splitlines())
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
        assert len({len(r) for r in rows}) == 1
    elif fmt == "tsv":
        assert len({ln.count("\t") for ln in out.splitlines()}) == 1
    elif fmt == "md":
        assert re.search(r"^\| -{3}:? \|", out, re.M), out


def test_lang_and_plan_from_the_environment(invoke: Any) -> None:
    assert _json(invoke("city", "list", "-f", "json", env={"SDPARTNER_LANG": "zh"}))[0]["name"] == "济南"
    assert _json(invoke("city", "list", "-f", "json", env={"SDPARTNER_PLAN": str(MINI)}))[0]["id"] == "harbour"


@pytest.mark.parametrize(("value", "name"), [("zh_CN.UTF-8", "济南"), ("zh-Hans", "济南"), ("zh_TW", "济南"), ("中文", "济南"), ("Chinese", "济南"),
                                           ("en_US.UTF-8", "Jinan"), ("English", "Jinan")])
def test_sdpartner_lang_is_read_as_a_locale_writes_it(invoke: Any, value: str, name: str) -> None:
    assert _json(invoke("city", "list", "-f", "json", env={"SDPARTNER_LANG": value}))[0]["name"] == name


@pytest.mark.parametrize(("args", "said"), [
    (["events", "--place", "清岛"], "(有记录的地点:济南, 青岛, 潍坊, 泰安, 德州, 北京,"),
    (["city", "show", "烟台"], "(城市:济南, 青岛, 潍坊, 泰安, 德州)"),
    (["actions", "list", "--group", "招商"], "(行动组:1/进出口以及服务贸易, 2/招商引资, 3/国际合作, 4/制度保障)"),
    (["events", "--series", "展览"], "(系列:跨国公司领导人青岛峰会, 儒商大会,"),
    (["show", "对话会"], "2条记录名称的一部分:数字 dialogue-attendance, 活动 dialogue-2026;"),
])
def test_an_error_lists_its_choices_in_chinese_for_a_chinese_reader(run: Any, args: list[str], said: str) -> None:
    result = run("--lang", "zh", *args)
    assert result.code == 1 and said in result.err
    english = run(*args)
    assert english.code == 1 and said not in english.err


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["events", "--year", "明年"], "--year / -y 应为整数,而不是“明年”", "Error: Invalid value for '--year' / '-y': '明年' is not a valid int"),
    (["events", "--year", "1800"], "--year / -y 应在 1900<=x<=2200 范围内,而不是 1800", "1800 is not in the range 1900<=x<=2200."),
    (["targets", "--kind", "目的"], "--kind / -k 应为以下之一:target, status,而不是“目的”", "'目的' is not one of 'target', 'status'."),
    (["events", "--forma", "json"], "没有选项 --forma(相近的选项:--format, --from)", "Error: No such option: --forma (Possible options: --format, --from)"),
    (["evnets"], "没有命令“evnets”;是不是“events”?", "Error: No such command 'evnets'. Did you mean 'events'?"),
    (["diff"], "缺少参数 OLD", "Error: Missing argument 'OLD'."),
    (["search", "qingdao", "fenghui"], "多余的参数:fenghui", "Error: Got unexpected extra argument(s) (fenghui)"),
    (["events", "--year"], "选项 --year 需要一个值", "Error: Option '--year' requires an argument."),
    (["events", "--place", "x", "show", "y"], "--place 只用于“events”本身,不用于“events show”", "it applies to 'events' itself, not to 'events show'"),
    (["events", "--year", "a'b"], "--year / -y 应为整数,而不是“a'b”", "Error: Invalid value for '--year' / '-y': \"a'b\" is not a valid int"),
    (["-f", "json"], "缺少命令", "Error: Missing command."),
    (["fo'o"], "没有命令“fo'o”", "Error: No such command \"fo'o\"."),  # click quotes a name with an apostrophe in double quotes
    (["--fo'o"], "没有选项 --fo'o", "Error: No such option: --fo'o"),  # the apostrophe is the option's own
    (["stauts"], "没有命令“stauts”;是不是“status”、“targets”?", "Error: No such command 'stauts'. Did you mean 'status', 'targets'?"),
])
def test_a_usage_error_is_one_chinese_line_for_a_chinese_reader(run: Any, monkeypatch: pytest.MonkeyPatch, args: list[str], zh: str, en: str) -> None:
    result = run("--lang", "zh", *args)
    assert result.code == 2 and result.err.splitlines()[0] == f"sdpartner: 错误: {zh}", result.err
    if args != ["events", "--year"]:  # (click names no command for an option's missing value, and neither do we)
        assert result.err.splitlines()[1].startswith("用“sdpartner") and len(result.err.splitlines()) == 2
    else:
        assert len(result.err.splitlines()) == 1
    english = run(*args)  # click's own words
    assert english.code == 2 and en in english.err and "错误" not in english.err
    monkeypatch.setenv("SDPARTNER_LANG", "zh_CN.UTF-8")
    assert run(*args).err.startswith(f"sdpartner: 错误: {zh}")


def test_a_chinese_usage_error_shows_a_typed_newline_as_sdpartner_shows_input(run: Any) -> None:
    result = run("--lang", "zh", "search", "x", "--format", "x\ny")
    assert result.code == 2 and len(result.err.splitlines()) == 2 and "而不是“x\u240ay”" in result.err


@pytest.mark.parametrize("how", [["evnets", "-l", "zh"], ["evnets", "--lang=zh"], ["-lzh", "evnets"]])
def test_a_usage_error_finds_the_language_wherever_it_is_asked_for(run: Any, how: list[str]) -> None:
    assert run(*how).err == "sdpartner: 错误: 没有命令“evnets”;是不是“events”?\n用“sdpartner -h”查看帮助。\n"


@pytest.mark.parametrize("year", ["2026年", "二〇二六", "二〇二六年", "二零二六", "２０２６年"])
def test_a_year_is_read_however_chinese_writes_it(run: Any, year: str) -> None:
    expected = run("events", "--year", "2026", "-f", "json").json()
    assert run("events", "--year", year, "-f", "json").json() == expected
    assert run("events", f"--year={year}", "-f", "json").json() == expected
    assert run("status", "--year", year, "-f", "json").code == 0


@pytest.mark.parametrize(("args", "code"), [(["targets", "--kind", "目标"], ["targets", "--kind", "target"]),
                                          (["targets", "--kind=现状"], ["targets", "--kind", "status"]),
                                          (["--lang", "中文", "city", "list"], ["--lang", "zh", "city", "list"])])
def test_a_choice_takes_the_word_tables_show_for_it(run: Any, args: list[str], code: list[str]) -> None:
    assert run(*args, "-f", "json").out == run(*code, "-f", "json").out


def test_a_count_is_read_as_its_chinese_numeral_and_other_words_are_refused_as_typed(run: Any) -> None:
    assert len(run("search", "青岛", "-n", "三", "-f", "json").json()) == 3
    refused = run("--lang", "zh", "events", "--year", "去年")
    assert refused.code == 2 and "--year / -y 应为整数,而不是“去年”" in refused.err
    assert run("search", "二〇二六", "-f", "json").code == 0  # a query's words are not an option's value


@pytest.mark.parametrize("ref", ["seven", "Seventh", "7th", "action seven", "Action Seventh"])
def test_an_action_answers_to_its_number_in_english_words(run: Any, ref: str) -> None:
    assert run("actions", "show", ref, "-f", "json").json()["id"] == 7  # it was: no action named 'seventh'


def test_a_number_word_alone_is_no_action_where_every_kind_is_asked_for(run: Any) -> None:
    assert run("show", "ten").code == 1 and "'ten' is part of the names of 2 records" in run("show", "ten").err  # it opened action 10
    assert run("show", "seven").code == 1


@pytest.mark.parametrize("ref", ["two", "second", "2nd"])
def test_a_group_answers_to_its_number_in_english_words(run: Any, ref: str) -> None:
    assert {a["group"] for a in run("actions", "list", "--group", ref, "-f", "json").json()} == {2}


@pytest.mark.parametrize("ref", ["七", "第七", "第七项", "第七项行动", "行动七"])
def test_an_action_answers_to_its_chinese_numeral(run: Any, ref: str) -> None:
    assert run("actions", "show", ref, "-f", "json").json()["id"] == 7
    if ref != "第七":  # show finds it in the 7th summit's name (第七届…) first
        assert run("show", ref, "-f", "json").json()["id"] == 7
    assert {r["id"] for r in run("events", "--action", ref.replace("七", "五"), "-f", "json").json()} == {r["id"] for r in run("events", "--action", "5", "-f", "json").json()} != set()


def test_a_group_answers_to_its_chinese_numeral_and_a_numeral_nothing_has_is_not_found_as_typed(run: Any) -> None:
    assert {r["group"] for r in run("actions", "list", "--group", "第二组", "-f", "json").json()} == {2}
    assert [run("show", ref, "-f", "json").json()["type"] for ref in ("第二组", "组二", "二")] == ["group", "group", "action"]  # 二 as show 2
    assert run("actions", "show", "第二组").code == 1 and run("actions", "list", "--group", "第二项").code == 1  # the word says the kind
    missing = run("--lang", "zh", "actions", "show", "十一")
    assert missing.code == 1 and "找不到名为“十一”的行动" in missing.err
    assert "找不到名为“十一”的记录" in run("--lang", "zh", "show", "十一").err  # not a source whose file name starts 11-


def test_a_reversed_date_range_is_a_usage_error(run: Any) -> None:
    reversed_ = run("events", "--from", "2025", "--to", "2024", "-f", "json")
    assert reversed_.code == 2 and reversed_.out == "" and "--from (2025) is after --to (2024)" in reversed_.err
    zh = run("--lang", "zh", "events", "--from", "2024-06-02", "--to", "2024-06-01")
    assert zh.code == 2 and "--from(2024-06-02)晚于 --to(2024-06-01)" in zh.err
    assert run("events", "--from", "2024-06", "--to", "2024", "-f", "json").code == 0  # June is within 2024


def test_an_action_or_group_answers_to_its_number_in_digits_with_the_chinese_words(run: Any) -> None:
    assert [run("show", ref, "-f", "json").json()["type"] for ref in ("第2组", "组2", "第２组", "第7项", "行动7")] == ["group", "group", "group", "action", "action"]
    assert {r["group"] for r in run("actions", "list", "--group", "第2组", "-f", "json").json()} == {2}
    assert run("actions", "show", "第7项", "-f", "json").json()["id"] == 7


@pytest.mark.parametrize(("ref", "kind", "number", "handle"), [("action 7", "action", 7, "7"), ("Group 2", "group", 2, "investment"),
                                                             ("the seventh action", "action", 7, "7"), ("2nd group", "group", 2, "investment")])
def test_an_action_or_group_answers_to_its_number_in_english(run: Any, ref: str, kind: str, number: int, handle: str) -> None:
    shown = run("show", ref, "-f", "json").json()
    assert (shown["type"], shown["id"]) == (kind, number)
    top = run("search", ref, "-f", "json").json()[0]  # (search gives the id people type: a group's slug)
    assert (top["type"], top["id"]) == (kind, handle)


@pytest.mark.parametrize(("query", "found"), [("第七项", ("action", "7")), ("行动七", ("action", "7")), ("第2组", ("group", "investment")),
                                              ("组二", ("group", "investment"))])
def test_search_for_an_action_or_group_by_its_number_finds_it_first(run: Any, query: str, found: tuple[str, str]) -> None:
    top = run("search", query, "-f", "json").json()[0]
    assert (top["type"], str(top["id"])) == found and top["field"] == "name"


@pytest.mark.parametrize(("query", "first"), [("三项", ("group", "trade")), ("十项行动", ("plan", "shandong-2026-ten-partner-actions"))])
def test_a_count_of_actions_is_searched_as_words_not_as_an_actions_number(run: Any, query: str, first: tuple[str, str]) -> None:
    top = run("search", query, "-f", "json").json()[0]  # 三项 is three actions, not action 3
    assert (top["type"], top["id"]) == first


@pytest.mark.parametrize(("ref", "found"), [("第6届跨国公司领导人青岛峰会", "mnc-summit-6"), ("第７届跨国公司领导人青岛峰会", "mnc-leaders-qingdao-summit-7"),
                                            ("首届RCEP", "rcep-expo-1"), ("第2届RCEP", "rcep-expo-2")])
def test_an_edition_answers_to_its_ordinal_in_digits_or_as_shou(run: Any, ref: str, found: str) -> None:
    assert run("show", ref, "-f", "json").json()["id"] == found


def test_an_ordinal_in_digits_that_is_part_of_several_names_lists_them(run: Any) -> None:
    several = run("show", "第2届")
    assert several.code == 1 and "'第2届' is part of the names of 4 records" in several.err and "rcep-expo-2" in several.err


def test_a_number_is_no_part_of_a_name(run: Any) -> None:
    missing = run("show", "11", "-f", "json")  # not the source whose file is 11-sdchina-….md
    assert missing.code == 1 and "no record named '11'" in missing.err


def test_a_single_chinese_character_gets_no_guess_of_a_name(run: Any) -> None:
    missing = run("show", "零")
    assert missing.code == 1 and "did you mean" not in missing.err


@pytest.mark.parametrize(("kind", "query", "found"), [("offers", "qingdao", "offer"), ("observations", "friendship", "observation"),
                                                    ("programs", "programme", "programme")])
def test_search_kind_takes_a_plural_of_a_kinds_code(run: Any, kind: str, query: str, found: str) -> None:
    assert {h["type"] for h in run("search", query, "--kind", kind, "-f", "json").json()} == {found}


def test_a_commands_notes_come_after_its_answer() -> None:
    """On a terminal both streams are one: the note is read below the table (stderr joined to stdout here)."""
    import subprocess

    from .conftest import sdpartner_exe

    both = subprocess.run([sdpartner_exe(), "search", "半导体产业", "--limit", "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False,
                          env={**os.environ, "COLUMNS": "80"}).stdout.decode()
    assert both.index("qingdao-clusters") < both.index("sdpartner: note: No record uses the word '半导体'.")


def test_a_note_is_written_when_the_answer_cannot_be(run: Any) -> None:
    result = run("search", "半导体产业", "-f", "json", "--columns", "nosuch")
    assert result.code == 2 and "No record uses the word '半导体'." in result.err and "nosuch" in result.err


@pytest.mark.parametrize("kind", ["city", "城市", "cities", "City"])
def test_search_kind_takes_the_kind_as_a_reader_names_it(run: Any, kind: str) -> None:
    assert [(h["type"], h["id"]) for h in run("search", "青岛", "--kind", kind, "-f", "json").json()] == [("city", "qingdao")]


def test_a_search_of_one_kind_that_finds_nothing_says_so_of_that_kind(run: Any) -> None:
    assert run("search", "energy", "--kind", "city", "-f", "json").err == "sdpartner: note: No city mentions 'energy'.\n"
    assert "没有行动提到“储能”。" in run("--lang", "zh", "search", "储能", "--kind", "行动").out
    bad = run("search", "x", "--kind", "狗")
    assert bad.code == 2 and "not '狗'" in bad.err


@pytest.mark.parametrize("name", ["第二届跨国公司领导人青岛峰会", "2nd Qingdao Multinationals Summit"])
def test_an_edition_answers_to_the_name_its_series_gives_it(run: Any, name: str) -> None:
    """Its sources name it otherwise (2021年跨国公司领导人青岛峰会); the series words the name of its 2nd edition."""
    assert run("show", name, "-f", "json").json()["id"] == "mnc-summit-2"


def test_shared_options_work_before_the_command_name(invoke: Any) -> None:
    assert _json(invoke("--lang", "zh", "--format", "json", "city", "show", "泰安"))["name"] == "泰安"
    assert _json(invoke("--plan", str(MINI), "-f", "json", "city", "list"))[0]["id"] == "harbour"
    assert _json(invoke("--lang", "zh", "city", "show", "泰安", "--lang", "en", "-f", "json"))["name"] == "Tai'an"  # the command's own wins
    result = invoke("--lang", "zh", "city", "show", "烟台")
    assert result.exit_code == 1 and result.stderr.startswith("sdpartner: 错误: 找不到名为“烟台”的城市")


@pytest.mark.parametrize("args", [["events", "--year", "abc"], ["events", "--year", "99999"], ["nosuch"], ["events", "--bogus"], ["events", "-f", "xml"],
                                  ["events", "--lang", "fr"], ["targets", "--kind", "wish"]])
def test_usage_errors_exit_2_with_usage(invoke: Any, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and "Usage: sdpartner" in result.stderr and "Try 'sdpartner" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(("args", "message"), [(["search", "  "], "the search query is empty"), (["events", "--plan", ""], "--plan is empty"),
                                               (["city", "show", ""], "NAME is empty"), (["search", "x", "--kind", "nope"], "--kind must be one of")])
def test_our_own_usage_errors_say_where_help_is(invoke: Any, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.splitlines()[1] == f"Try 'sdpartner {args[0] if args[0] != 'city' else 'city show'} -h' for help."


def test_options_given_to_a_group_before_its_subcommand(run: Any) -> None:
    assert run("events", "--format", "json", "show", "mnc-summit-5").out == run("events", "show", "mnc-summit-5", "--format", "json").out
    assert run("events", "--lang", "zh", "show", "mnc-summit-5").out == run("events", "show", "mnc-summit-5", "--lang", "zh").out
    assert run("events", "--plan", "/nonexistent/plan.toml", "show", "mnc-summit-5").code == 1  # the plan asked for, not the bundled one
    refused = run("events", "--year", "2024", "show", "mnc-summit-5")
    assert refused.code == 2 and "'--year': it applies to 'events' itself, not to 'events show'" in refused.err and refused.out == ""


def test_a_list_of_ids_in_chinese_is_labelled_by_what_it_holds_not_as_a_count(run: Any) -> None:
    shown = run("show", "m-four-events", "--lang", "zh", "-f", "md").out
    assert "- **数字:** flagship-events-count" in shown and "数字数" not in shown
    assert "| 编号 | 名称 | 举措数 | 活动数 | 数字数 |" in run("actions", "list", "--lang", "zh", "-f", "md").out  # counts stay counts


def test_true_and_false_read_in_the_reader_s_language_in_people_s_formats_only(run: Any) -> None:
    assert "- **目标措辞:** 是" in run("show", "credit-goal-2025", "--lang", "zh", "-f", "md").out
    assert "| 儒商大会2018 | 否 |" in run("events", "--lang", "zh", "--columns", "name,year_from_plan", "-f", "md").out
    assert run("events", "--lang", "zh", "--columns", "year_from_plan", "-f", "csv").out.splitlines()[1] == "no"  # scripts keep the value's word
    assert "| article | 中文 |" in run("sources", "--lang", "zh", "--columns", "id,language", "-f", "md").out  # a source's language, not its code
    assert run("sources", "--lang", "zh", "--columns", "id,language", "-f", "csv").out.splitlines()[1] == "article,zh"


def test_validate(invoke: Any, tmp_path: Any) -> None:
    ok = invoke("validate", str(MINI))
    assert ok.exit_code == 0 and ok.stdout.startswith(f"valid: {MINI} (1 article, 1 plan, 1 document")
    bad = tmp_path / "bad.toml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace('slug = "rules"', "slug = 7").replace('unit = { zh = "场", en = "fairs" }', 'unit = "fairs"'), encoding="utf-8")
    result = invoke("validate", str(bad))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and any("actions[2].slug" in ln for ln in lines) and any("figures[0].unit" in ln for ln in lines)
    assert lines[-1] == f"sdpartner: 2 problem(s) found in {bad}"
    assert "发现2处问题" in invoke("validate", str(bad), "--lang", "zh").stderr


def test_query_on_invalid_plan_is_one_line(invoke: Any, tmp_path: Any) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = [", encoding="utf-8")
    result = invoke("events", "--plan", str(bad))
    assert result.exit_code == 1 and result.stderr.startswith(f"sdpartner: error: invalid plan file: {bad}:1:") and result.stderr.count("\n") == 1
    zh = invoke("events", "--plan", str(bad), "--lang", "zh")
    assert zh.stderr.startswith(f"sdpartner: 错误: 计划文件无效:{bad}:1:")


def test_codes_are_stable_in_machine_formats_and_words_in_tables(invoke: Any) -> None:
    for lang in ("en", "zh"):
        rows = _json(invoke("targets", "-f", "json", "--lang", lang, *M))
        assert {r["kind"] for r in rows} == {"target", "status"}
        assert _json(invoke("actions", "show", "1", "-f", "json", "--lang", lang, *M))["measures"][0]["attribution"] == "inferred"
    assert "\tseeking\t" in invoke("sectors", "-f", "tsv", *M).stdout
    assert "seeking partners" in invoke("sectors", *M).stdout
    assert "寻求合作" in invoke("sectors", "--lang", "zh", *M).stdout
    assert "据文意推断" in invoke("actions", "show", "1", "--lang", "zh", "-f", "md", *M).stdout


def test_the_chinese_view_has_no_english_words_for_codes(invoke: Any) -> None:
    for ref in ("friendship-rank", "mnc-summit", "trade-2025-rank", "credit-goal-2025", "mnc-summit-4"):
        text = invoke("show", ref, "--lang", "zh", "-f", "md").stdout
        for english in ("Ordinal", "exactly", "exact", "status", "Organisers", "Qualifier", "Kind", "Year", "Theme", "Sources"):
            assert not re.search(rf"\*\*{english}[:*]", text) and f"| {english} |" not in text, (ref, english)


@pytest.mark.parametrize("args", [["sectors", "--search", "robotcs"], ["actions", "list", "--search", "which city wants partners in robotics?"]])
def test_a_listing_search_that_matches_nothing_says_where_to_look(run: Any, args: list[str]) -> None:
    result = run(*args, "-f", "json")  # it printed "(none)" and nothing else
    assert (result.code, result.json()) == (0, [])
    assert result.err == f"sdpartner: note: No row holds every word of '{args[-1]}'; search (sdpartner search \"{args[-1]}\") looks in every record and corrects typos.\n"
    grouped = run("actions", "list", "--group", "1", "--search", "belt", "-f", "json")  # --group emptied it: action 7 holds belt
    assert (grouped.json(), grouped.err) == ([], "")
    assert run(*args[:-1], "robotics" if args[0] == "sectors" else "import", "-f", "json").err == ""  # a search that matches: no note
