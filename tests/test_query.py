"""Queries: lookups by every kind of name, suggestions, filters, the sector index and search ranking."""

from __future__ import annotations

import pytest

from sdpartner import query, search
from sdpartner.errors import NotFound
from sdpartner.model import FigureKind, Plan


@pytest.mark.parametrize("name", ["qingdao", "Qingdao", "QINGDAO", "青岛", "青岛市", "Tsingtao", " qingdao "])
def test_city_by_any_name(plan: Plan, name: str) -> None:
    assert query.find_city(plan, name.strip()).id == "qingdao"


@pytest.mark.parametrize("name", ["Tai'an", "taian", "TAI-AN", "tai an", "泰安", "Tai’an"])
def test_taian_spellings(plan: Plan, name: str) -> None:
    assert query.find_city(plan, name).id == "taian"


@pytest.mark.parametrize(("wrong", "guess"), [("qingdo", "qingdao"), ("青鸟", "青岛"), ("济男", "济南"), ("weifag", "weifang"), ("Dezou", "dezhou")])
def test_unknown_city_suggests_the_closest(plan: Plan, wrong: str, guess: str) -> None:
    with pytest.raises(NotFound) as info:
        query.find_city(plan, wrong)
    assert f"did you mean {guess!r}" in str(info.value)


def test_far_off_name_gets_no_suggestion(plan: Plan) -> None:
    with pytest.raises(NotFound) as info:
        query.find_city(plan, "shanghai")
    assert "did you mean" not in str(info.value) and "jinan" in str(info.value)


def test_suggest_handles_one_wrong_character_in_two_character_names() -> None:
    assert query.suggest("泰山", ["泰安", "济南"]) == "泰安"
    assert query.suggest("北京", ["泰安", "济南"]) is None


@pytest.mark.parametrize("ref", ["7", "belt-and-road", "Belt and Road Cooperation Broadening Action", "共建“一带一路”合作扩维行动"])
def test_action_by_number_slug_or_name(plan: Plan, ref: str) -> None:
    assert query.find_action(plan, ref).id == 7


def test_action_out_of_range(plan: Plan) -> None:
    with pytest.raises(NotFound, match="use a number"):
        query.find_action(plan, "11")


def test_actions_by_group_and_search(mini: Plan) -> None:
    assert [a.id for a in query.actions(mini, group="alpha")] == [1, 2]
    assert [a.id for a in query.actions(mini, group="2")] == [3]
    assert [a.id for a in query.actions(mini, search="trade fair")] == [1]


def test_action_links(mini: Plan) -> None:
    a = query.find_action(mini, "1")
    assert [f.id for f in query.figures_of(mini, a)] == ["fairs"]
    assert [e.id for e in query.events_of(mini, a)] == ["expo"]
    assert [p.id for p in query.programmes_of(mini, a)] == ["prog"]


def test_figure_filters(mini: Plan) -> None:
    assert [f.id for f in query.figures(mini, kind=FigureKind.target)] == ["fairs"]
    assert [f.id for f in query.figures(mini, year=2029)] == ["assets"]
    assert [f.id for f in query.figures(mini, action="export-push")] == ["fairs"]


def test_event_filters(mini: Plan) -> None:
    assert [e.id for e in query.events(mini, year=2030)] == ["launch", "expo"]
    assert [e.id for e in query.events(mini, place="Port Town")] == ["expo"]
    assert query.events(mini, year=1999) == []


def test_sector_index_answers_who_wants_what(plan: Plan) -> None:
    cities = {e.city.id for e in query.sector_index(plan, "robotics")}
    assert cities == {"jinan"}
    assert {e.city.id for e in query.sector_index(plan, "lithium")} == {"taian"}
    assert {e.city.id for e in query.sector_index(plan, "shipping")} >= {"qingdao"}
    assert {e.city.id for e in query.sector_index(plan, "manufacturing")} == {"jinan", "qingdao", "weifang", "taian", "dezhou"}


def test_sector_index_falls_back_to_sector_keywords(plan: Plan) -> None:
    # no city field says "biotech", but the pharmaceuticals sector lists it
    assert {e.offer.id for e in query.sector_index(plan, "biotech")} == {"jinan-pharma"}


@pytest.mark.parametrize(
    ("text", "kind", "rid"),
    [("lithium", "offer", "taian-lithium-valley"), ("Robots", "offer", "jinan-cnc-robotics"), ("ecommerce", "offer", "dezhou-cross-border-ecommerce"),
     ("E-Commerce", "offer", "dezhou-cross-border-ecommerce"), ("储能", "offer", "taian-energy-storage"), ("single windows", "programme", "single-window")],
)
def test_search_tolerates_case_plural_and_hyphens(plan: Plan, text: str, kind: str, rid: str) -> None:
    hits = search.search(plan, text).hits
    assert (kind, rid) in {(h.kind, h.id) for h in hits[:3]}, [(h.kind, h.id) for h in hits[:5]]


def test_search_ranks_names_above_descriptions(mini: Plan) -> None:
    hits = search.search(mini, "shipping").hits
    assert hits[0].kind == "offer" and hits[0].field == "name"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_matches_whole_words_only() -> None:
    assert search.matches("robots", ["Industrial robot"]) and search.matches("robots", ["Robotics"])
    assert not search.matches("rob", ["Robotics"]) and not search.matches("port", ["Imports and support"])
    assert search.matches("青岛", ["第七届跨国公司领导人青岛峰会"])
    assert not search.matches("   ", ["anything"])
