"""The CLI through Typer's CliRunner: every command, every format, lookups, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import typer

from sdpartner import __version__
from sdpartner.cli import app

from .conftest import MINI

M = ["--plan", str(MINI)]


def _json(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_version(invoke) -> None:
    result = invoke("--version")
    assert result.stdout == f"sdpartner {__version__}\n"


def test_every_command_is_documented_with_an_example(invoke) -> None:
    def walk(t: typer.Typer, prefix: list[str]):
        for cmd in t.registered_commands:
            yield [*prefix, cmd.name or cmd.callback.__name__]
        for group in t.registered_groups:
            yield from walk(group.typer_instance, [*prefix, group.name])

    commands = list(walk(app, []))
    assert len(commands) >= 10
    for words in commands:
        for flag in ("-h", "--help"):
            result = invoke(*words, flag)
            assert result.exit_code == 0, words
            assert re.search(r"Examples?:", result.stdout) and "sdpartner" in result.stdout, words


def test_actions_list_json_and_table(invoke) -> None:
    rows = _json(invoke("actions", "list", "-f", "json", *M))
    assert [(r["id"], r["slug"], r["group"], r["measures"]) for r in rows] == [(1, "export-push", 1, 1), (2, "import-pull", 1, 0), (3, "rules", 2, 0)]
    table = invoke("actions", "list", *M).stdout
    assert "Export Push" in table and "出口行动" not in table and "\x1b[" not in table  # the Chinese column is a --wide one
    assert "出口行动" in invoke("actions", "list", "--wide", *M).stdout


def test_actions_list_filters(invoke) -> None:
    assert [r["id"] for r in _json(invoke("actions", "list", "--group", "beta", "-f", "json", *M))] == [3]
    assert [r["id"] for r in _json(invoke("actions", "list", "--search", "imports", "-f", "json", *M))] == [2]
    assert _json(invoke("actions", "list", "--search", "nothing-like-this", "-f", "json", *M)) == []


def test_actions_show(invoke) -> None:
    obj = _json(invoke("actions", "show", "export-push", "-f", "json", *M))
    assert obj["id"] == 1 and obj["measures"][0]["text"] == "Go to trade fairs" and obj["measures"][0]["attribution"] == "inferred"
    assert obj["figures"][0]["value"] == 50 and obj["events"][0]["id"] == "expo" and obj["programmes"][0]["id"] == "prog"
    text = invoke("actions", "show", "1", *M).stdout
    assert "Action 1: Export Push" in text and "Go to trade fairs" in text


def test_actions_show_unknown_exits_1_with_hint(invoke) -> None:
    result = invoke("actions", "show", "export-pus", *M)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "sdpartner: error: no action named 'export-pus'; did you mean 'export-push'? (use a number (1, 2, 3) or a slug; 'sdpartner actions list' shows them)\n"


def test_targets_money_and_filters(invoke) -> None:
    rows = _json(invoke("targets", "-f", "json", *M))
    assets = next(r for r in rows if r["id"] == "assets")
    assert assets["value"] == 1.6e12 and assets["display"] == "1.6 trillion yuan" and assets["original"] == "1.6万亿元"
    zh = _json(invoke("targets", "-f", "json", "--lang", "zh", *M))
    assert next(r for r in zh if r["id"] == "assets")["display"] == "1.6万亿元"
    assert next(r for r in zh if r["id"] == "fairs")["display"] == "50场以上"
    assert [r["id"] for r in _json(invoke("targets", "--kind", "target", "-f", "json", *M))] == ["fairs"]
    assert [r["id"] for r in _json(invoke("targets", "--year", "2029", "-f", "json", *M))] == ["assets"]
    assert [r["id"] for r in _json(invoke("targets", "--action", "1", "-f", "json", *M))] == ["fairs"]


def test_events_year_city_and_missing_dates(invoke) -> None:
    rows = _json(invoke("events", "--year", "2030", "-f", "json", *M))
    assert [r["id"] for r in rows] == ["launch", "expo"]
    expo = rows[1]
    assert expo["date"] is None and expo["place"] == "Harbour City (from its name)"
    assert [r["id"] for r in _json(invoke("events", "--city", "port town", "-f", "json", *M))] == ["expo"]
    table = invoke("events", "--year", "2030", *M).stdout
    assert "date not stated" in table and "2030-01-02" in table


def test_empty_result_is_not_an_error(invoke) -> None:
    assert invoke("events", "--year", "1999", "-f", "json", *M).stdout == "[]\n"
    result = invoke("events", "--year", "1999", *M)
    assert result.exit_code == 0 and "(none)" in result.stdout
    assert invoke("events", "--year", "1999", "-f", "csv", *M).stdout.startswith("\ufeffid,")


def test_city_list_and_show_by_every_kind_of_name(invoke) -> None:
    assert [r["id"] for r in _json(invoke("city", "list", "-f", "json", *M))] == ["harbour", "hill"]
    for name in ("harbour", "HARBOUR", "港城", "Harbour City", "port town"):
        obj = _json(invoke("city", "show", name, "-f", "json", *M))
        assert obj["id"] == "harbour" and obj["offers"][0]["name"] == "Shipping", name
        assert obj["events"][0]["id"] == "expo" and obj["measures"][0]["id"] == "m-shared"


def test_city_show_real_plan_in_chinese(invoke) -> None:
    obj = _json(invoke("city", "show", "Tai'an", "-f", "json", "--lang", "zh"))
    assert obj["name"] == "泰安"
    assert {f["name"] for f in obj["offers"]} >= {"储能之都", "泰山锂谷", "卫星互联网之城"}


def test_city_show_unknown_suggests(invoke) -> None:
    result = invoke("city", "show", "qingdo")
    assert result.exit_code == 1
    assert "did you mean 'qingdao'?" in result.stderr and result.stderr.count("\n") == 1


def test_sectors_answer_which_city_wants_robotics(invoke) -> None:
    rows = _json(invoke("sectors", "--search", "robotics", "-f", "json"))
    assert {r["city"] for r in rows} == {"Jinan"}
    assert "Jinan" in invoke("sectors", "--search", "robotics").stdout


def test_search_ranks_and_reports_where(invoke) -> None:
    rows = _json(invoke("search", "shipping", "-f", "json", *M))
    assert rows[0]["kind"] == "offer" and rows[0]["id"] == "harbour-shipping" and rows[0]["field"] == "name"
    assert len(_json(invoke("search", "harbour", "-f", "json", *M))) > 1  # the control: without --limit there are more
    assert len(_json(invoke("search", "harbour", "--limit", "1", "-f", "json", *M))) == 1


def test_search_empty_query_is_a_usage_error(invoke) -> None:
    result = invoke("search", "  ")
    assert result.exit_code == 2 and "search query is empty" in result.stderr


def test_overview(invoke) -> None:
    obj = _json(invoke("overview", "-f", "json"))
    assert [g["id"] for g in obj["groups"]] == [1, 2, 3, 4]
    assert {c["id"] for c in obj["cities"]} == {"jinan", "qingdao", "weifang", "taian", "dezhou"}
    assert any(e["id"] == "mnc-leaders-qingdao-summit-7" for e in obj["events"])
    text = invoke("overview").stdout
    assert "Ten Partner Actions" in text and "Beijing" in text and "█" in text


def test_export_json_is_the_full_model(invoke) -> None:
    obj = _json(invoke("export", "-f", "json"))
    assert len(obj["actions"]) == 10 and obj["actions"][6]["name"]["zh"] == "共建“一带一路”合作扩维行动"
    assert obj["events"][0]["date"] == "2026-01-20"


def test_export_markdown_briefing(invoke) -> None:
    text = invoke("export", "-f", "md").stdout
    assert text.startswith("# Shandong 2026 Opening-Up")
    for heading in ("## Action 7: Jointly Built Belt and Road Cooperation Broadening Action", "## Qingdao 青岛", "## Sectors and the cities that offer them"):
        assert heading in text
    assert "共同书写开放共赢新篇章" in invoke("export", "-f", "md", "--lang", "zh").stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv", "md"])
@pytest.mark.parametrize(
    "cmd",
    [["overview"], ["actions", "list"], ["actions", "show", "5"], ["targets"], ["events"], ["city", "list"], ["city", "show", "jinan"], ["sectors"], ["search", "energy"]],
)
def test_every_command_in_every_format(invoke, cmd: list[str], fmt: str) -> None:
    result = invoke(*cmd, "--format", fmt)
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert out.endswith("\n") and len(out) > 40
    if fmt == "json":
        json.loads(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
        assert len({len(r) for r in rows}) == 1
    elif fmt == "tsv":
        lines = out.splitlines()
        assert len({ln.count("\t") for ln in lines}) == 1
    elif fmt == "md":
        assert re.search(r"^\| -{3}:? \|", out, re.M), out


def test_lang_from_environment(invoke) -> None:
    rows = _json(invoke("city", "list", "-f", "json", env={"SDPARTNER_LANG": "zh"}))
    assert rows[0]["name"] == "济南"


def test_plan_from_environment(invoke) -> None:
    rows = _json(invoke("city", "list", "-f", "json", env={"SDPARTNER_PLAN": str(MINI)}))
    assert rows[0]["id"] == "harbour"


@pytest.mark.parametrize(
    "args",
    [["events", "--year", "abc"], ["events", "--year", "99999"], ["nosuch"], ["events", "--bogus"], ["events", "-f", "xml"], ["events", "--lang", "fr"], ["targets", "--kind", "wish"]],
)
def test_usage_errors_exit_2_with_usage(invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and "Usage: sdpartner" in result.stderr and result.stdout == ""


def test_validate(invoke, tmp_path) -> None:
    ok = invoke("validate", str(MINI))
    assert ok.exit_code == 0 and ok.stdout.startswith(f"valid: {MINI} (2 groups, 3 actions")
    bad = tmp_path / "bad.toml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace('slug = "rules"', "slug = 7").replace('unit = { zh = "场", en = "fairs" }', 'unit = "fairs"'), encoding="utf-8")
    result = invoke("validate", str(bad))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any("actions[2].slug" in ln for ln in lines) and any("figures[0].unit" in ln for ln in lines)
    assert lines[-1] == f"sdpartner: 2 problem(s) found in {bad}"


def test_query_on_invalid_plan_is_one_line(invoke, tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = [", encoding="utf-8")
    result = invoke("events", "--plan", str(bad))
    assert result.exit_code == 1 and result.stderr.startswith(f"sdpartner: error: invalid plan file: {bad}:1:") and result.stderr.count("\n") == 1


def test_codes_are_stable_in_machine_formats_and_words_in_tables(invoke) -> None:
    for lang in ("en", "zh"):
        rows = _json(invoke("targets", "-f", "json", "--lang", lang, *M))
        assert {r["kind"] for r in rows} == {"target", "status"}
        measures = _json(invoke("actions", "show", "1", "-f", "json", "--lang", lang, *M))["measures"]
        assert measures[0]["attribution"] == "inferred"
    assert "\tseeking\t" in invoke("sectors", "-f", "tsv", *M).stdout
    assert "seeking partners" in invoke("sectors", *M).stdout
    assert "寻求合作" in invoke("sectors", "--lang", "zh", *M).stdout
    assert "据文意推断" in invoke("actions", "show", "1", "--lang", "zh", "-f", "md", *M).stdout


def test_app_for_keeps_only_the_named_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from sdpartner.process import app_for

    lean = app_for(["targets", "--year", "2026"])
    assert [c.callback.__name__ for c in lean.registered_commands] == ["targets"] and not lean.registered_groups
    assert [g.name for g in app_for(["events", "--year", "2026"]).registered_groups] == ["events"]
    assert [g.name for g in app_for(["city", "show", "x"]).registered_groups] == ["city"]
    for args in ([], ["--version"], ["-h"], ["nosuch"]):
        assert app_for(args) is app
    monkeypatch.setenv("_SDPARTNER_COMPLETE", "complete_bash")
    assert app_for(["events"]) is app


@pytest.mark.parametrize("args", [["events", "-f", "csv"], ["city", "show", "青岛", "-f", "json"], ["search", "lithium", "-f", "tsv"], ["events", "-h"], ["actions", "show", "7", "-f", "md"]])
def test_the_reduced_app_answers_like_the_whole_one(runner, args: list[str]) -> None:
    from sdpartner.process import app_for

    whole, lean = runner.invoke(app, args), runner.invoke(app_for(args), args)
    assert (lean.exit_code, lean.stdout, lean.stderr) == (whole.exit_code, whole.stdout, whole.stderr)


def test_search_in_chinese_names_kinds_and_fields_in_chinese(invoke) -> None:
    table = invoke("search", "储能", "--lang", "zh", "--wide").stdout
    assert "城市推介条目" in table and "名称" in table and "offer" not in table
    rows = _json(invoke("search", "储能", "--lang", "zh", "-f", "json"))
    assert rows[0]["kind"] == "offer" and rows[0]["field"] == "name"  # codes stay codes
