"""The bundled plan against its source article: structure, order, citations, verbatim names."""

from __future__ import annotations

import re

import pytest

from sdpartner.model import Attribution, Plan

from .conftest import SEED


def _paragraphs() -> list[str]:
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines()]
    return [ln for ln in lines if ln and ln != "|"]


def test_ten_actions_in_four_groups_3_2_2_3(plan: Plan) -> None:
    assert [a.id for a in plan.actions] == list(range(1, 11))
    assert [g.id for g in plan.groups] == [1, 2, 3, 4]
    sizes = [sum(1 for a in plan.actions if a.group == g.id) for g in plan.groups]
    assert sizes == [3, 2, 2, 3]
    assert [a.group for a in plan.actions] == sorted(a.group for a in plan.actions)


def test_five_cities_with_pinyin_slugs(plan: Plan) -> None:
    assert [c.id for c in plan.cities] == ["jinan", "qingdao", "weifang", "taian", "dezhou"]
    assert all(c.offers for c in plan.cities)


def _cited_records(plan: Plan):
    yield "source", plan.source.cites
    yield "plan", plan.plan.cites
    yield "dialogue", plan.dialogue.cites
    for kind in ("documents", "people", "organisations", "groups", "actions", "measures", "programmes", "figures", "events", "cities", "statements"):
        for rec in getattr(plan, kind):
            yield f"{kind}:{rec.id}", rec.cites
    for pr in plan.dialogue.presentations:
        yield f"presentation:{pr.presenter}", pr.cites


def test_every_record_is_cited_within_the_article(plan: Plan) -> None:
    for what, cites in _cited_records(plan):
        assert cites, what
        assert all(0 <= c < plan.source.paragraphs for c in cites), what


def test_action_measures_are_attributed_honestly(plan: Plan) -> None:
    # group 3 gives its measures for both actions at once: none may claim to be stated for one action
    assert all(m.attribution is not Attribution.stated for m in plan.measures if m.group == 3)
    assert all((m.action is None) == (m.attribution is Attribution.group) for m in plan.measures)


def test_money_is_normalised_to_yuan(plan: Plan) -> None:
    by_id = {f.id: f for f in plan.figures}
    assert by_id["hengfeng-assets"].value == 1.6e12 and by_id["hengfeng-assets"].original == "1.6万亿元"
    assert by_id["credit-goal-2025"].value == 7.5e11 and by_id["credit-goal-2025"].comparator.value == "strive_to_exceed"


def test_no_event_has_a_date_or_place_the_article_does_not_give(plan: Plan) -> None:
    dated = [e.id for e in plan.events if e.date]
    assert dated == ["dialogue-2026"]
    assert all(e.place_from_name for e in plan.events if (e.place or e.city) and e.id != "dialogue-2026")


needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the source article (../shared/seeds) is not beside this checkout")


@needs_seed
def test_paragraph_count_matches_the_article(plan: Plan) -> None:
    assert len(_paragraphs()) == plan.source.paragraphs


@needs_seed
def test_chinese_names_and_figures_appear_in_their_cited_paragraphs(plan: Plan) -> None:
    paras = _paragraphs()

    def check(what: str, zh: str, cites: list[int]) -> None:
        text = "".join(paras[c] for c in cites)
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", zh):
            assert run in text, f"{what}: {run!r} is not in paragraphs {cites}"

    for a in plan.actions:
        check(f"action {a.id}", a.name.zh, a.cites)
    for g in plan.groups:
        check(f"group {g.id}", g.name.zh, g.cites)
    for kind in ("programmes", "events", "documents", "organisations", "people"):
        for rec in getattr(plan, kind):
            check(f"{kind} {rec.id}", rec.name.zh, rec.cites)
    for c in plan.cities:
        check(f"city {c.id}", c.name.zh, c.cites)
        for o in c.offers:
            check(f"offer {o.id}", o.name.zh, c.cites)
    for f in plan.figures:
        assert f.original in "".join(paras[c] for c in f.cites), f"figure {f.id}: {f.original!r}"
    for section in plan.source.sections:
        check("section", section.zh, plan.source.cites)
