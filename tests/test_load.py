"""The loader: every kind of bad file gives a located message; validation reports every problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdpartner.errors import PlanError
from sdpartner.load import check, convert, load_plan, parse_toml

from .conftest import MINI


def _problems(path: Path) -> list[str]:
    with pytest.raises(PlanError) as info:
        load_plan(path)
    return [str(p) for p in info.value.problems]


def _write(tmp_path: Path, text: str | bytes, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _mini_with(tmp_path: Path, old: str, new: str) -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"\x00\x01binary", "binary"),
        (b"title = \"\xff\xfe\"\n", "not valid UTF-8"),
        (b"a = [1,\n", "TOML syntax error"),
        (b"x = " + b"[" * 5000 + b"]" * 5000, "too deep"),
    ],
)
def test_bad_bytes(tmp_path: Path, content: bytes, message: str) -> None:
    (problem,) = _problems(_write(tmp_path, content))
    assert message in problem
    assert str(tmp_path) in problem


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    (problem,) = _problems(_write(tmp_path, "schema_version = 1\n\nsource = = 3\n"))
    assert problem.startswith(f"{tmp_path / 'plan.toml'}:3:")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "no such file" in _problems(tmp_path / "nope.toml")[0]
    assert "is a directory" in _problems(tmp_path)[0]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "x = 1")

    real_open = os.open

    def denied(file, flags, *args):  # root reads any file, so simulate the refusal itself
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    assert "permission denied" in _problems(path)[0]


def test_schema_error_names_the_field_path(tmp_path: Path) -> None:
    path = _mini_with(tmp_path, 'name = { zh = "航运", en = "Shipping" }', 'name = { zh = "航运", en = 5 }')
    (problem,) = _problems(path)
    assert "cities[0].offers[0].name.en" in problem and "expected `str`, got `int`" in problem


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace('slug = "rules"', "slug = 7").replace('comparator = "at_least"', 'comparator = "roughly"').replace("[statements]]", "[statementz]]")
    problems = _problems(_write(tmp_path, text))
    joined = "\n".join(problems)
    assert "actions[2].slug" in joined and "figures[0].comparator" in joined and "statementz" in joined
    assert len(problems) == 3


def test_cross_checks_find_duplicates_and_dangling_references(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace('slug = "import-pull"', 'slug = "export-push"').replace('figures = ["fairs"]', 'figures = ["nothing"]')
    text = text.replace("cites = [4]\n\n[[cities.offers]]\nid = \"harbour-shipping\"", "cites = [99]\n\n[[cities.offers]]\nid = \"harbour-shipping\"")
    joined = "\n".join(_problems(_write(tmp_path, text)))
    assert "actions[1].slug: duplicate slug 'export-push'" in joined
    assert "measures[0].figures[0]: 'nothing' is not a known figure id" in joined
    assert "cities[0].cites[0]: paragraph 99 is out of range" in joined


def test_action_in_the_wrong_group_and_bad_attribution(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace('group = 2\nattribution = "group"', 'group = 2\naction = 1\nattribution = "group"')
    joined = "\n".join(_problems(_write(tmp_path, text)))
    assert "measures[1].action: action 1 belongs to group 1, not group 2" in joined
    assert "measures[1].attribution" in joined


def test_mini_and_bundled_plans_validate() -> None:
    assert load_plan(MINI).plan.id == "mini-plan"
    assert len(load_plan(None).actions) == 10


# ---------------------------------------------------------------------------------------------
# Property tests: whatever the document, the loader ends in a Plan or a PlanError
# ---------------------------------------------------------------------------------------------

_toml_values = st.recursive(
    st.none().map(lambda _: "x") | st.booleans() | st.integers(-10, 3000) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "zh", "en", "cites", "name", "group", "year", "value"]), inner, max_size=4),
    max_leaves=12,
)
_keys = st.sampled_from(["schema_version", "source", "plan", "dialogue", "actions", "groups", "cities", "events", "figures", "measures", "bogus"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _toml_values, max_size=8))
def test_random_documents_end_in_a_plan_error(doc: dict) -> None:
    try:
        plan = convert(doc, "random.toml")
    except PlanError as exc:
        assert exc.problems and all(str(p).startswith("random.toml") for p in exc.problems)
        return
    check(plan, "random.toml")  # pragma: no cover - a random document is almost never a valid plan


_MINI_TEXT = MINI.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(_MINI_TEXT) - 1), st.integers(0, 40), st.text(max_size=6))
def test_mutated_mini_plan_never_escapes_as_an_unhandled_exception(start: int, cut: int, insert: str) -> None:
    text = _MINI_TEXT[:start] + insert + _MINI_TEXT[start + cut :]
    try:
        doc = parse_toml(text, "mutated.toml")
        plan = convert(doc, "mutated.toml")
        check(plan, "mutated.toml")
    except PlanError as exc:
        assert exc.problems


def test_two_cities_may_not_answer_to_one_name(tmp_path: Path) -> None:
    # "Hill-Town" folds like "Hill Town", the other city's name: lookups could not tell them apart
    path = _mini_with(tmp_path, 'aliases = ["Port Town"]', 'aliases = ["Port Town", "Hill-Town"]')
    (problem,) = _problems(path)
    assert "cities[1].aliases: name 'Hill Town' is also a name of city 'harbour'" in problem


@pytest.mark.parametrize("value", ["inf", "+inf", "nan"])
def test_a_figure_must_be_a_finite_number(tmp_path: Path, value: str) -> None:
    (problem,) = _problems(_mini_with(tmp_path, "value = 50\n", f"value = {value}\n"))
    assert ": figures[0].value: " in problem
