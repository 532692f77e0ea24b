"""The catalogue: every kind of record is one declaration. A kind declared in a test, and nowhere else, shows
up in show, search (--kind, and a related hit along its close relation), validate, diff and the SQLite export;
relations read both ways; every field has words."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import msgspec
import pytest

from sdpartner.plan import catalogue as cat
from sdpartner.plan.declare import DECLARED, Kind
from sdpartner.plan.load import load_plan
from sdpartner.plan.model import Citation, Plan, Slug, T, Text, ref
from sdpartner.query.links import links, relation_words

from .conftest import MINI


class Widget(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """A kind of record that exists only in this test."""

    id: Slug
    name: Text
    city: ref("city", "widget_in", T("位于", "made in"), "makes", T("出产", "makes widget"), close=True)  # type: ignore[valid-type]
    keywords: list[str] = []
    sources: list[Citation] = []
    cites: list[int] = []


class WidgetPlan(Plan, kw_only=True):
    widgets: Annotated[list[Widget], Kind("widget", T("小部件", "widget"), T("小部件", "widgets"), T("测试用的一类记录", "A kind of record for a test"),
                                          search=(("keywords", "keyword"),), compared=True)] = []


WIDGETS = '\n[[widgets]]\nid = "sprocket"\nname = { zh = "链轮", en = "Sprocket" }\ncity = "harbour"\nkeywords = ["gearwheel"]\ncites = [2]\n'


@pytest.fixture()
def widget_plan(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "widgets.toml"
    path.write_text(MINI.read_text(encoding="utf-8") + WIDGETS, encoding="utf-8")
    cat.use(WidgetPlan)
    try:
        yield path
    finally:
        cat.use(None)


def test_a_kind_declared_once_is_everywhere(widget_plan: Path, run, tmp_path: Path) -> None:  # noqa: ANN001
    shown = run("show", "sprocket", "--plan", str(widget_plan), "-f", "json").json()
    assert shown["type"] == "widget" and shown["name"] == "Sprocket"
    assert {"relation": "widget_in", "type": "city", "id": "harbour", "title": "Harbour City"} in shown["links"]
    city = run("show", "harbour", "--plan", str(widget_plan), "-f", "json").json()
    assert {"relation": "makes", "type": "widget", "id": "sprocket", "title": "Sprocket"} in city["links"]
    hits = run("search", "gearwheel", "--kind", "widget", "--plan", str(widget_plan), "-f", "json").json()
    assert [(h["type"], h["id"]) for h in hits] == [("widget", "sprocket")]
    hits = run("search", "gearwheel", "--plan", str(widget_plan), "-f", "json").json()  # its close relation brings the city
    assert [(h["type"], h["id"], h["field"], h["matched"]) for h in hits] == [("widget", "sprocket", "keyword", "gearwheel"),
                                                                            ("city", "harbour", "related", "widget_in: widget sprocket")]
    assert "1 widget" in run("validate", str(widget_plan)).out
    db = tmp_path / "w.db"
    assert run("export", "--format", "sqlite", "--output", str(db), "--plan", str(widget_plan)).code == 0
    con = sqlite3.connect(db)
    assert con.execute("select id, name_en, city_id from widgets").fetchall() == [("sprocket", "Sprocket", "harbour")]
    assert ("cities", "city_id") in [(r[2], r[3]) for r in con.execute("pragma foreign_key_list(widgets)")]


def test_a_dangling_reference_of_a_new_kind_is_found(widget_plan: Path, run) -> None:  # noqa: ANN001
    widget_plan.write_text(widget_plan.read_text(encoding="utf-8").replace('city = "harbour"\nkeywords = ["gearwheel"]', 'city = "atlantis"\nkeywords = []'), encoding="utf-8")
    result = run("validate", str(widget_plan))
    assert result.code == 1 and "widgets[0].city: 'atlantis' is not a known city id" in result.err


def test_a_new_kind_declared_compared_is_compared_and_must_cite(widget_plan: Path, run, tmp_path: Path) -> None:  # noqa: ANN001
    newer = tmp_path / "newer.toml"
    newer.write_text(widget_plan.read_text(encoding="utf-8").replace('en = "Sprocket"', 'en = "Chain wheel"'), encoding="utf-8")
    result = run("diff", str(widget_plan), str(newer), "-f", "json")
    changed = json.loads(result.out)["changed"]
    assert result.code == 1  # they differ
    assert changed == [{"key": "widget:sprocket", "changes": {"name": [{"zh": "链轮", "en": "Sprocket"}, {"zh": "链轮", "en": "Chain wheel"}]}}]
    newer.write_text(widget_plan.read_text(encoding="utf-8").replace("cites = [2]\n", ""), encoding="utf-8")
    result = run("validate", str(newer))
    assert result.code == 1 and "widgets[0].cites: cite the article's paragraphs or a source" in result.err


class MisplacedWidgetPlan(Plan, kw_only=True):
    widgets: list[Annotated[Widget, Kind("widget", T("小部件", "widget"), T("小部件", "widgets"), T("测试用的一类记录", "A kind of record for a test"))]] = []


def test_a_kind_that_is_not_its_fields_outermost_marker_is_refused() -> None:
    # the catalogue reads a field's kind from its outermost Annotated only (reading every field costs 0.3 ms a command)
    with pytest.raises(TypeError, match=r"outermost marker.*MisplacedWidgetPlan\.widgets"):
        cat.use(MisplacedWidgetPlan)
    assert cat.plan_type() is Plan and "widget" not in cat.codes()  # the model's plan again
    assert cat._misplaced_kinds(Plan, set()) == []  # the model's kinds are all where they are read


def test_every_relation_has_one_wording_each_way() -> None:
    seen: dict[str, Text] = {}
    for link in DECLARED:
        for code, words in ((link.code, link.words), (link.back_code, link.back_words)):
            assert seen.setdefault(code, words) == words, f"relation {code!r} has two wordings"


def test_every_relation_a_plan_links_by_has_its_words() -> None:
    plan = load_plan(None)
    used = {link.relation for found in links(plan).values() for link in found}
    assert len(used) > 20
    words = relation_words()
    assert {code for code in used if not (words.get(code) and words[code].zh and words[code].en)} == set()


def test_every_field_of_every_kind_has_a_label_in_both_languages() -> None:
    from sdpartner.present.views import labels_complete

    assert labels_complete() == []
