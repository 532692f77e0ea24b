"""Names and questions in traditional characters (青島, 跨國公司, 第七屆) find what their simplified form finds: the plan
is written in simplified characters, and readers in Taiwan and Hong Kong type traditional ones."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import run_process


@pytest.mark.parametrize(("traditional", "simple"), [
    (["show", "青島"], ["show", "青岛"]),
    (["city", "show", "濟南"], ["city", "show", "济南"]),
    (["show", "第六屆跨國公司領導人青島峰會"], ["show", "第六届跨国公司领导人青岛峰会"]),
    (["actions", "show", "第七項"], ["actions", "show", "第七项"]),
    (["actions", "show", "營商環境優化提升行動"], ["actions", "show", "营商环境优化提升行动"]),
    (["actions", "list", "--group", "國際合作"], ["actions", "list", "--group", "国际合作"]),
    (["actions", "list", "--search", "營商環境"], ["actions", "list", "--search", "营商环境"]),
    (["sectors", "--search", "鋰電"], ["sectors", "--search", "锂电"]),
    (["events", "--place", "青島"], ["events", "--place", "青岛"]),
    (["events", "--series", "跨國公司"], ["events", "--series", "跨国公司"]),
    (["events", "show", "第七屆跨國公司領導人青島峰會"], ["events", "show", "第七届跨国公司领导人青岛峰会"]),
])
def test_a_name_in_traditional_characters_finds_what_its_simplified_form_finds(run: Any, traditional: list[str], simple: list[str]) -> None:
    found, expected = run(*traditional, "-f", "json"), run(*simple, "-f", "json")
    assert (found.code, found.out, found.err) == (expected.code, expected.out, expected.err)
    assert found.json()  # (an answer, not two equal errors)


def test_a_search_in_traditional_characters_is_searched_in_simplified_and_says_so(run: Any) -> None:
    found, expected = run("search", "青島峰會 兩萬平方米", "-f", "json"), run("search", "青岛峰会 两万平方米", "-f", "json")
    assert found.out == expected.out and found.json()
    assert found.err == ("sdpartner: note: Showing results for '青岛峰会 两万平方米'; to search for what you typed instead: "
                         "sdpartner search --as-typed \"青島峰會 兩萬平方米\"\n")
    assert run("search", "第七屆峰會", "-f", "json").json()[0]["id"] == "mnc-leaders-qingdao-summit-7"
    as_typed = run("search", "--as-typed", "第七屆峰會", "-f", "json")  # as typed: 屆 and 會 are no words of the plan
    assert as_typed.json() == [] and "The plan does not mention '第七屆峰會'" in as_typed.err


def test_a_traditional_name_that_finds_nothing_is_named_as_typed(run: Any) -> None:
    out = run("city", "show", "臺北")
    assert out.code == 1 and out.err.startswith("sdpartner: error: no city named '臺北'")
    nothing = run("search", "臺北", "-f", "json")  # converted, it still finds nothing: no correction is said
    assert nothing.json() == [] and "Showing results" not in nothing.err and "'臺北'" in nothing.err


def test_the_installed_command_reads_traditional_characters() -> None:
    result = run_process("city", "show", "青島", "-f", "json")
    assert result.returncode == 0 and b'"id": "qingdao"' in result.stdout


def test_a_traditional_name_of_several_records_lists_them(run: Any) -> None:
    # 第2屆 is part of four editions' names, as 第2届 is: the list, not "no record named"
    out = run("show", "第2屆")
    assert out.code == 1 and out.err.startswith("sdpartner: error: '第2屆' is part of the names of 4 records: edition mnc-summit-2")


def test_the_plans_own_quotations_in_traditional_or_japanese_are_found_as_typed(run: Any) -> None:
    # the plan quotes sources in their words (新時代新枠組み, 四港聯動): found as typed, never "corrected"
    japanese = run("search", "新時代新枠組み", "-f", "json")
    assert japanese.json()[0]["id"] == "rcep-expo-2" and japanese.err == ""
    assert run("search", "四港聯動", "-f", "json").json()[0]["id"] == "korea-expo-1"


def test_a_word_left_unknown_after_the_conversion_is_named(run: Any) -> None:
    out = run("search", "鋰電 robotz", "-f", "json")
    assert out.json()[0]["id"] == "taian-lithium-valley"
    assert out.err.splitlines()[1:] == ["sdpartner: note: No record uses the word 'robotz'."]

