"""The bundled plan against its primary article: structure, order, citations, verbatim names, our own words."""

from __future__ import annotations

import re

import pytest

from sdpartner.plan.model import Attribution, Plan

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
    yield "article", plan.article.cites
    yield "plan", plan.plan.cites
    yield "dialogue", plan.dialogue.cites
    for kind in ("documents", "people", "organisations", "groups", "actions", "measures", "programmes", "figures", "events", "cities", "statements"):
        for rec in getattr(plan, kind):
            yield f"{kind}:{rec.id}", rec.cites
    for pr in plan.dialogue.presentations:
        yield f"presentation:{pr.presenter}", pr.cites


def test_every_record_is_cited_within_the_article(plan: Plan) -> None:
    sourced = {f"{kind}:{r.id}" for kind in ("figures", "events", "cities", "people") for r in getattr(plan, kind) if getattr(r, "sources", None)}
    for what, cites in _cited_records(plan):
        if not cites:  # a record the article does not state cites another source
            assert what in sourced, what
        assert all(0 <= c < plan.article.paragraphs for c in cites), what


def test_action_measures_are_attributed_honestly(plan: Plan) -> None:
    # group 3 gives its measures for both actions at once: none may claim to be stated for one action
    assert all(m.attribution is not Attribution.stated for m in plan.measures if m.group == 3)
    assert all((m.action is None) == (m.attribution is Attribution.group) for m in plan.measures)


def test_money_is_normalised_to_yuan(plan: Plan) -> None:
    by_id = {f.id: f for f in plan.figures}
    assert by_id["hengfeng-assets"].value == 1.6e12 and by_id["hengfeng-assets"].original == "1.6万亿元"
    assert by_id["credit-goal-2025"].value == 7.5e11 and by_id["credit-goal-2025"].currency == "CNY"
    assert (by_id["credit-goal-2025"].qualifier.value, by_id["credit-goal-2025"].aim) == ("more_than", True)  # 力争突破


def test_no_event_has_a_date_or_place_no_source_gives(plan: Plan) -> None:
    dated = {e.id: {c.source for d in e.dates for c in d.sources} for e in plan.events if e.dates}
    assert set(dated) == {"dialogue-2026", "mnc-leaders-qingdao-summit-7"}
    assert dated["mnc-leaders-qingdao-summit-7"] == {"exhibitor-2026-mnc-summit-7-opening"}  # the one (weak) follow-up that reports a day
    assert all(e.place.known == "from_name" for e in plan.events if e.place and e.id != "dialogue-2026")


needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the source article (../shared/seeds) is not beside this checkout")


@needs_seed
def test_paragraph_count_matches_the_article(plan: Plan) -> None:
    assert len(_paragraphs()) == plan.article.paragraphs


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
            if rec.cites:
                check(f"{kind} {rec.id}", rec.name.zh, rec.cites)
    for c in plan.cities:
        check(f"city {c.id}", c.name.zh, c.cites)
        for o in c.offers:
            check(f"offer {o.id}", o.name.zh, c.cites)
    for f in plan.figures:
        if f.cites:  # figures from other sources only are checked against those (test_sources.py)
            assert f.original in "".join(paras[c] for c in f.cites), f"figure {f.id}: {f.original!r}"
    for section in plan.article.sections:
        check("section", section.zh, plan.article.cites)


# ----------------------------------------------------------------------------------------------
# Issue 13: our own words, no over-reading, full names, what the output implies
# ----------------------------------------------------------------------------------------------

COPY_LIMIT = 10  # a Chinese description may share at most 9 characters in a row with the article
# fields whose Chinese is a name or the article's own short wording (names carry over; sentences do not)
_NAME_FIELDS = {"name", "short_name", "label", "title", "theme", "outlet", "authors", "series", "topic", "kind", "unit", "time",
                "place", "sections", "numbering", "directions", "ambassador_countries", "subject", "venue", "organisers", "issuer", "caveat"}


def _names(plan: Plan) -> list[str]:
    """Every Chinese name in the plan (and figures' original wording), longest first: they may be quoted."""
    import msgspec

    from sdpartner.text import Text

    found: set[str] = set()

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, Text):
            if key in _NAME_FIELDS:
                found.add(value.zh)
        elif isinstance(value, msgspec.Struct):
            for f in msgspec.structs.fields(value):
                walk(getattr(value, f.name), f.name)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    walk(plan)
    found |= {f.original for f in plan.figures}
    return sorted(found, key=len, reverse=True)


def _descriptions(plan: Plan) -> list[tuple[str, str]]:
    """(where, Chinese text) of every description-like Text in the plan."""
    import msgspec

    from sdpartner.text import Text

    out: list[tuple[str, str]] = []

    def walk(value: object, path: str, key: str = "") -> None:
        if isinstance(value, Text):
            if key not in _NAME_FIELDS:
                out.append((path, value.zh))
        elif isinstance(value, msgspec.Struct):
            for f in msgspec.structs.fields(value):
                walk(getattr(value, f.name), f"{path}.{f.name}", f.name)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]", key)

    walk(plan, "plan")
    return [(where, zh) for where, zh in out if ".sources[" not in where and ".editions[" not in where and ".facts[" not in where
            and ".observations[" not in where and ".series[" not in where and ".statuses[" not in where]  # the history: checked against its own files


def longest_copied_run(text: str, article: str, names: list[str]) -> str:
    """The longest run of ``text`` that stands in ``article`` as well, once the names in ``text`` are cut out."""
    import difflib

    for name in names:
        text = text.replace(name, "\x00")
    best = ""
    for piece in text.split("\x00"):
        m = difflib.SequenceMatcher(None, piece, article, autojunk=False).find_longest_match(0, len(piece), 0, len(article))
        best = max(best, piece[m.a:m.a + m.size], key=len)
    return best


@needs_seed
def test_chinese_descriptions_are_our_own_words(plan: Plan) -> None:
    article = "".join(_paragraphs())
    names = _names(plan)
    copied = [(where, run) for where, zh in _descriptions(plan) if len(run := longest_copied_run(zh, article, names)) >= COPY_LIMIT]
    assert copied == []


def test_the_copy_check_can_fail() -> None:
    # the control: a clause of the article, copied, is caught; a name inside it is not counted
    article = "推动济南、青岛对标建设国际消费中心城市,实现内外市场双向赋能"
    assert longest_copied_run("推动济南、青岛对标建设国际消费中心城市", article, []) == "推动济南、青岛对标建设国际消费中心城市"
    assert longest_copied_run("对标建设国际消费中心城市", article, ["国际消费中心城市"]) == "对标建设"


_OVER_READING = ["textbook", "umbrella", "unified", "one-stop", "portal", "marine-themed", "find buyers", "chiefly", "six fields",
                 "national strateg", "among China's provinces", "largely about", "export-market", "heard the new plan explained"]


def test_no_over_reading_in_english(plan: Plan) -> None:
    import msgspec

    text = msgspec.json.encode(msgspec.structs.replace(plan, sources=[], facts=[], editions=[], statuses=[])).decode()  # our words, not the sources' own
    assert [w for w in _OVER_READING if w.lower() in text.lower()] == []


_IMPLYING_KEYWORDS = {"wind", "solar", "grain", "fine chemicals", "China-Europe Railway Express", "diaspora", "consumer goods",
                      "special economic zones", "trade portal", "one-stop"}


def test_no_keyword_implies_a_fact_the_article_lacks(plan: Plan) -> None:
    import msgspec

    keywords = {k for k in msgspec.json.decode(msgspec.json.encode(plan), type=object).__repr__().split("'")}  # every string
    assert not (_IMPLYING_KEYWORDS & keywords)
    action = {a.id: a for a in plan.actions}
    assert not {"overseas zones", "outbound investment"} & set(action[7].keywords)
    assert not {"single window", "customs"} & set(action[9].keywords)


def test_single_window_is_a_group_measure(plan: Plan) -> None:
    m = next(m for m in plan.measures if m.id == "m-single-window")
    assert m.action is None and m.attribution is Attribution.group


def test_every_english_keyword_has_chinese_beside_it(plan: Plan) -> None:
    import msgspec

    def lists(value: object):  # every keywords list of the plan
        if isinstance(value, msgspec.Struct):
            for f in msgspec.structs.fields(value):
                v = getattr(value, f.name)
                if f.name == "keywords" and v:
                    yield v
                else:
                    yield from lists(v)
        elif isinstance(value, list):
            for v in value:
                yield from lists(v)

    cjk = re.compile(r"[\u4e00-\u9fff]")
    for ks in lists(plan):
        assert any(cjk.search(k) for k in ks) and any(not cjk.search(k) for k in ks), ks


@pytest.mark.parametrize(("action", "word"), [(1, "Upgrading"), (2, "Efficiency"), (3, "Breakthrough"), (6, "Upgrading"), (4, "Expansion"), (10, "Support")])
def test_action_names_render_every_part(plan: Plan, action: int, word: str) -> None:
    assert word in next(a for a in plan.actions if a.id == action).name.en


def test_full_programme_names_in_measures(plan: Plan) -> None:
    texts = {m.id: m.text for m in plan.measures}
    assert "鲁贸全球" in texts["m-wanqi-chuhai"].zh and "Shandong Trade Worldwide" in texts["m-wanqi-chuhai"].en
    assert "近悦远来" in texts["m-investment-brand"].zh and "Welcoming Near and Far" in texts["m-investment-brand"].en
    assert "benchmark" in texts["m-consumption-centres"].en


def test_both_scopes_of_the_500_exhibitions_in_both_languages(plan: Plan) -> None:
    m = next(m for m in plan.measures if m.id == "m-exhibitions")
    assert "境内外" in m.text.zh and "境外" in m.text.zh.replace("境内外", "")
    assert "at home and abroad" in m.text.en and "abroad, say paragraphs 2 and 6" in m.text.en


def test_the_plan_cites_the_paragraphs_of_the_four_groups(plan: Plan) -> None:
    assert {7, 8, 9, 10} <= set(plan.plan.cites)


def test_output_implies_no_more_than_the_article(invoke) -> None:  # noqa: ANN001
    import json

    figures = {r["id"]: r for r in json.loads(invoke("targets", "-f", "json").stdout)}
    assert figures["friendship-rank"]["display"] == "2nd"
    assert "own account" in figures["hengfeng-assets"]["scope"] and "own account" in figures["hengfeng-net-profit"]["scope"]
    assert "2025" in figures["credit-goal-2025"]["label"] and "Commerce + Finance" in figures["credit-goal-2025"]["label"]
    zh = {r["id"]: r for r in json.loads(invoke("targets", "-f", "json", "--lang", "zh").stdout)}
    assert zh["friendship-rank"]["display"] == "第2位"
    events = invoke("events", "--year", "2026", "-f", "md", "--wide").stdout
    assert "2026 (plan year)" in events and "2 (inferred)" in events
    city_list = invoke("city", "list").stdout
    assert "Offers" in city_list and "Fields" not in city_list
