"""The loader: every kind of bad file gives a located message; validation reports every problem; a plan file
joins the history files; statuses need evidence."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdpartner.errors import PlanError
from sdpartner.plan.load import from_documents, load_plan, validated

from .conftest import MINI, ROOT


def _problems(path: Path) -> list[str]:
    with pytest.raises(PlanError) as info:
        load_plan(path)
    return [str(p) for p in info.value.problems]


def _write(tmp_path: Path, text: str | bytes, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _mini_with(tmp_path: Path, *swaps: tuple[str, str]) -> Path:
    text = MINI.read_text(encoding="utf-8")
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new, 1)
    return _write(tmp_path, text)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "file is empty"),
    (b"   \n\n", "file is empty"),
    (b"\x00\x01binary", "binary"),
    (b"title = \"\xff\xfe\"\n", "not valid UTF-8"),
    (b"a = [1,\n", "TOML syntax error"),
    (b"x = " + b"[" * 5000 + b"]" * 5000, "too deep"),
])
def test_bad_bytes(tmp_path: Path, content: bytes, message: str) -> None:
    (problem,) = _problems(_write(tmp_path, content))
    assert message in problem and str(tmp_path) in problem


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    (problem,) = _problems(_write(tmp_path, "schema_version = 2\n\narticle = = 3\n"))
    assert problem.startswith(f"{tmp_path / 'plan.toml'}:3:")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in _problems(tmp_path / "nope.toml")[0]
    assert "is a directory" in _problems(tmp_path)[0]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "x = 1")
    real_open = os.open

    def denied(file: Any, flags: int, *args: Any) -> int:  # root reads any file, so simulate the refusal itself
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    assert "permission denied" in _problems(path)[0]


def test_schema_error_names_the_field_path(tmp_path: Path) -> None:
    (problem,) = _problems(_mini_with(tmp_path, ('name = { zh = "航运", en = "Shipping" }', 'name = { zh = "航运", en = 5 }')))
    assert "cities[0].offers[0].name.en" in problem and "expected `str`, got `int`" in problem


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    path = _mini_with(tmp_path, ('slug = "rules"', "slug = 7"), ('qualifier = "at_least"', 'qualifier = "roughly"'), ("[[statements]]", "[[statementz]]"))
    joined = "\n".join(_problems(path))
    assert "statementz: unknown field" in joined
    path = _mini_with(tmp_path, ('slug = "rules"', "slug = 7"), ('qualifier = "at_least"', 'qualifier = "roughly"'))
    problems = _problems(path)
    assert len(problems) == 2 and "actions[2].slug" in problems[0] and "figures[0].qualifier" in problems[1]


def test_cross_checks_find_duplicates_and_dangling_references(tmp_path: Path) -> None:
    path = _mini_with(tmp_path, ('slug = "import-pull"', 'slug = "export-push"'), ('figures = ["fairs"]', 'figures = ["nothing"]'),
                      ('cites = [4]\n\n[[cities.offers]]\nid = "harbour-shipping"', 'cites = [99]\n\n[[cities.offers]]\nid = "harbour-shipping"'))
    joined = "\n".join(_problems(path))
    assert "actions[1].slug: duplicate slug 'export-push'" in joined
    assert "measures[0].figures: 'nothing' is not a known figure id" in joined
    assert "cities[0].cites[0]: paragraph 99 is out of range" in joined


def test_an_id_two_kinds_share_is_refused_because_show_could_not_open_it(tmp_path: Path) -> None:
    joined = "\n".join(_problems(_mini_with(tmp_path, ('id = "prog"', 'id = "ann"'), ('programmes = ["prog"]', 'programmes = ["ann"]'))))
    assert "'ann' is also the id of person" in joined and "sdpartner show ann" in joined


def test_action_in_the_wrong_group_and_bad_attribution(tmp_path: Path) -> None:
    joined = "\n".join(_problems(_mini_with(tmp_path, ('group = 2\nattribution = "group"', 'group = 2\naction = 1\nattribution = "group"'))))
    assert "measures[1].action: action 1 belongs to group 1, not group 2" in joined
    assert "measures[1].attribution" in joined


def test_an_impossible_date_is_refused(tmp_path: Path) -> None:
    (problem,) = _problems(_mini_with(tmp_path, ('start = "2030-01-02"', 'start = "2030-02-30"')))
    assert "events[0].dates[0]" in problem and "impossible date" in problem


def test_a_date_outside_the_events_year_is_refused(tmp_path: Path) -> None:
    (problem,) = _problems(_mini_with(tmp_path, ('start = "2030-01-02"', 'start = "2031-01-02"')))
    assert "events[0].dates[0].start: 2031-01-02 is not in the year 2030" in problem


@pytest.mark.parametrize(("swap", "zh"), [
    (('series = "harbour-expos"', 'series = "harbour-expoz"'), "events[1].series: 'harbour-expoz' 不是已知的 series 编号"),
    (('start = "2030-01-02"', 'start = "2030-02-30"'), "events[0].dates[0]: 不可能的日期:"),
    (('year = 2030', 'year = "2030"'), "应为 int,而不是 str"),
    (('group = 2\nattribution = "group"', 'group = 2\naction = 1\nattribution = "group"'), "measures[1].action: 行动 1 属于第 1 组,而不是第 2 组"),
])
def test_a_plan_files_problems_are_in_chinese_for_a_chinese_reader(tmp_path: Path, swap: tuple[str, str], zh: str) -> None:
    path = _mini_with(tmp_path, swap)
    problems = _problems(path)
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert any(zh in p.pick("zh") for p in info.value.problems), [p.pick("zh") for p in info.value.problems]
    assert [p.pick("en") for p in info.value.problems] == problems  # English as it was
    assert info.value.message("zh").startswith("计划文件无效:" + info.value.problems[0].pick("zh"))  # the error line names the first


@pytest.mark.parametrize(("content", "zh"), [(b"", "文件为空"), (b"\x00\x01binary", "文件是二进制文件"), (b"a = [1,\n", "TOML 语法错误"),
                                           (b'schema_version = 3\n', "此版本的 sdpartner 读取数据格式 2;该文件为格式 3")])
def test_a_plan_files_own_problems_are_in_chinese_on_the_command_line(tmp_path: Path, content: bytes, zh: str) -> None:
    from .conftest import run_process

    path = _write(tmp_path, content)
    result = run_process("--lang", "zh", "events", "--plan", str(path))
    assert result.returncode == 1 and zh in result.stderr.decode(), result.stderr.decode()


@pytest.mark.parametrize(("template", "message"), [
    ("{nth} Harbour Expo {foo}", "unknown placeholder {foo}"),
    ("{0} Harbour Expo", "unknown placeholder {0}"),
    ("{nth.__class__} Harbour Expo", "unknown placeholder {nth.__class__}"),
    ("{nth!r} Harbour Expo", "unknown placeholder {nth!r}"),
    ("{nth:>9} Harbour Expo", "unknown placeholder {nth:>9}"),
    ("{nth} Harbour Expo {", "Single '{'"),
])
def test_an_edition_name_template_with_anything_but_its_placeholders_is_refused(tmp_path: Path, template: str, message: str) -> None:
    """It was an internal error (exit 70) when the plan's event was named from it."""
    (problem,) = _problems(_mini_with(tmp_path, ('en = "{nth} Harbour Expo"', f'en = "{template}"')))
    assert "series[0]: edition_name" in problem and message in problem


def test_an_edition_name_template_may_write_braces_doubled(tmp_path: Path) -> None:
    plan = load_plan(_mini_with(tmp_path, ('en = "{nth} Harbour Expo"', 'en = "{nth} Harbour Expo {{2030}}"')))
    assert "2nd Harbour Expo {2030}" in [e.name.en for e in plan.events]


@pytest.mark.parametrize("value", ["inf", "+inf", "nan", "1e300"])
def test_a_number_must_be_finite_anywhere(tmp_path: Path, value: str) -> None:
    (problem,) = _problems(_mini_with(tmp_path, ("value = 80\n", f"value = {value}\n")))
    assert "observations[0].value" in problem


def test_two_cities_may_not_answer_to_one_name(tmp_path: Path) -> None:
    (problem,) = _problems(_mini_with(tmp_path, ('aliases = ["Port Town"]', 'aliases = ["Port Town", "Hill-Town"]')))
    assert "cities[1].aliases: name 'Hill Town' is also a name of city 'harbour'" in problem


# ---------------------------------------------------------------------------------------------
# Statuses: evidence, the review date, what can be met
# ---------------------------------------------------------------------------------------------

EVIDENCE = 'evidence = [{ source = "harbour-news", date = "2030-03-01", wording = "博览会将于6月举办" }]'


@pytest.mark.parametrize(("old", "new", "message"), [
    (EVIDENCE, "evidence = []", "evidence: expected `array` of length >= 1"),
    ('date = "2030-06-10"', 'date = "2030-07-10"', "evidence of 2030-07-10 is after the review date 2030-06-30"),
    ('status = "scheduled"', 'status = "met"', "an event is scheduled, opened, held or closed, not 'met'"),
])
def test_a_status_needs_evidence_dated_by_the_review(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert message in "\n".join(_problems(_mini_with(tmp_path, (old, new))))


def test_met_or_missed_only_for_a_target(tmp_path: Path) -> None:
    path = _mini_with(tmp_path, ('item = "expo"\nstatus = "scheduled"', 'item = "assets"\nstatus = "met"'))
    assert "'assets' is a reported figure, not a target: it cannot be met or missed" in "\n".join(_problems(path))
    assert load_plan(_mini_with(tmp_path, ('item = "expo"\nstatus = "scheduled"', 'item = "fairs"\nstatus = "partly_met"'))).statuses[0].status == "partly_met"


# ---------------------------------------------------------------------------------------------
# A plan file and the history files
# ---------------------------------------------------------------------------------------------


def test_the_bundled_plan_joins_the_bundled_history(plan: Any) -> None:
    assert plan.plan.year == 2026 and len(plan.actions) == 10
    assert {e.series for e in plan.editions} >= {"mnc-summit", "rcep-expos"} and plan.sources and plan.facts


def test_a_history_file_holds_only_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    history = tmp_path / "history"
    history.mkdir()
    for f in (ROOT / "data" / "history").glob("*.toml"):
        (history / f.name).write_bytes(f.read_bytes())
    (history / "zz.toml").write_text('schema_version = 2\n[[actions]]\nid = 99\n', encoding="utf-8")
    monkeypatch.setenv("SDPARTNER_HISTORY", str(history))
    (problem,) = _problems(ROOT / "data" / "plans" / "2026.toml")
    assert problem == f"{history / 'zz.toml'}: actions: a history file holds only editions, facts, observations, series, sources; actions belongs in a plan file"


def test_another_history_directory_joins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sources.toml").write_text((ROOT / "data" / "history" / "sources.toml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("SDPARTNER_HISTORY", str(tmp_path))
    problems = _problems(ROOT / "data" / "plans" / "2026.toml")  # the plan names series the other history lacks
    assert any("is not a known series id" in p for p in problems)


def test_mini_and_bundled_plans_validate() -> None:
    assert load_plan(MINI).plan.id == "mini-plan"


# ---------------------------------------------------------------------------------------------
# Property tests: whatever the document, the loader ends in a Plan or a PlanError
# ---------------------------------------------------------------------------------------------

_toml_values = st.recursive(
    st.none().map(lambda _: "x") | st.booleans() | st.integers(-10, 3000) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "zh", "en", "cites", "name", "group", "year", "value", "start"]), inner, max_size=4),
    max_leaves=12,
)
_keys = st.sampled_from(["schema_version", "article", "plan", "dialogue", "actions", "groups", "cities", "events", "figures", "measures", "history", "bogus"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _toml_values, max_size=8))
def test_random_documents_end_in_a_plan_error(doc: dict[str, Any]) -> None:
    try:
        from_documents("random.toml", doc, [])
    except PlanError as exc:
        assert exc.problems and all(str(p).startswith("random.toml") for p in exc.problems)


_MINI_TEXT = MINI.read_text(encoding="utf-8")


@settings(max_examples=50, deadline=None)
@given(st.integers(0, len(_MINI_TEXT) - 1), st.integers(0, 40), st.text(max_size=6))
def test_a_damaged_plan_never_escapes_as_an_unhandled_exception(start: int, cut: int, insert: str) -> None:
    """Random damage to the text of a plan: still a plan, or every problem as a PlanError."""
    text = _MINI_TEXT[:start] + insert + _MINI_TEXT[start + cut:]
    try:
        validated([text.encode("utf-8", "surrogatepass")], ["damaged.toml"])
    except PlanError as exc:
        assert exc.problems


_values = st.one_of(st.integers(-5, 5_000), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5), st.booleans(), st.just([]), st.just({}))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damage_that_stays_valid_toml_ends_in_a_plan_or_a_plan_error(data: st.DataObject) -> None:
    """A valid TOML document with one value replaced anywhere: a plan, or a PlanError, never an exception."""
    import copy

    import tomli

    doc = tomli.loads(_MINI_TEXT)
    target = copy.deepcopy(doc)
    node: Any = target
    for _ in range(data.draw(st.integers(1, 4))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if not isinstance(node[key], (dict, list)) or not node[key]:
            node[key] = data.draw(_values)
            break
        node = node[key]
    try:
        from_documents("damaged.toml", target, [])
    except PlanError as exc:
        assert exc.problems
