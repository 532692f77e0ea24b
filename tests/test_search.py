"""The search engine and `show`: the question corpus, the analyser's rules, absence as an answer, every hit opens."""

from __future__ import annotations

import json
import tomllib

import pytest

from sdpartner import search
from sdpartner.model import Plan

from .conftest import ROOT, run_process

CORPUS = tomllib.loads((ROOT / "tests" / "search_corpus.toml").read_text(encoding="utf-8"))["q"]


def test_the_corpus_is_large_and_bilingual() -> None:
    queries = [q["query"] for q in CORPUS]
    assert len(queries) >= 60 and len(set(queries)) == len(queries)
    assert sum(1 for q in queries if search._is_cjk(q[0])) >= 15


@pytest.mark.parametrize("case", CORPUS, ids=[q["query"] for q in CORPUS])
def test_corpus_question(plan: Plan, case: dict) -> None:
    keys = [f"{h.kind}:{h.id}" for h in search.search(plan, case["query"]).hits]
    for wanted in case.get("top3", []):
        assert wanted in keys[:3], keys[:5]
    for unwanted in case.get("never", []):
        assert unwanted not in keys, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [("e-commerce", "ecommerce"), ("e-commerce", "E Commerce"), ("Türkiye", "turkiye"), ("centre", "center"), ("organisation", "organization"),
     ("ports", "port"), ("batteries", "battery"), ("korean", "korea"), ("robotics", "robotic"), ("ＡＢＣ", "abc")],
)
def test_spellings_that_are_one_word(a: str, b: str) -> None:
    def terms(text: str) -> set[str]:
        return {t.term for t in search.tokens(text, query=True)}

    assert terms(a) & terms(b)


def test_words_are_whole_words() -> None:
    assert not {t.term for t in search.tokens("Imports and support")} & {t.term for t in search.tokens("ports", query=True)}


def test_chinese_is_cut_into_the_plans_words_before_bigrams() -> None:
    assert search.segment("储能产业", frozenset({"储能", "产业"})) == ["储能", "产业"]  # not 能产
    assert search.segment("锂电池", frozenset()) == ["锂电", "电池"]
    assert search.segment("新能源汽车", frozenset({"新能源"})) == ["新能源", "汽车"]


def test_question_words_are_dropped_unless_nothing_else_is_left() -> None:
    assert {t.surface for t in search.tokens("which city wants partners in energy storage?", query=True) if t.surface} == {"partners", "energy", "storage"}
    assert [t.surface for t in search.tokens("which", query=True)] == ["which"]


def test_more_of_the_query_ranks_higher(plan: Plan) -> None:
    hits = search.search(plan, "robotics Jinan").hits
    assert (hits[0].kind, hits[0].id) == ("offer", "jinan-cnc-robotics")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_close_neighbour_comes_as_related(plan: Plan) -> None:
    hits = search.search(plan, "United Overseas Bank").hits
    related = [h for h in hits if h.field == "related"]
    assert [(h.kind, h.id) for h in related] == [("organisation", "hengfeng-bank")]
    assert related[0].score < hits[0].score


def test_kind_filter(plan: Plan) -> None:
    hits = search.search(plan, "lithium", kind="sector").hits
    assert hits and {h.kind for h in hits} == {"sector"}


def test_typos_get_the_plans_nearest_words(plan: Plan) -> None:
    result = search.search(plan, "robtics")
    assert result.hits == [] and result.suggestions == {"robtics": ["robotics"]}
    assert search.search(plan, "lithum").suggestions["lithum"][0] == "lithium"


def test_no_hits_says_so_in_words_and_exits_0(invoke) -> None:
    result = invoke("search", "visa")
    assert result.exit_code == 0 and "The plan does not mention 'visa'" in result.stdout
    typo = invoke("search", "robtics")
    assert typo.exit_code == 0 and "Did you mean: robotics?" in typo.stdout
    machine = invoke("search", "robtics", "-f", "json")
    assert machine.exit_code == 0 and json.loads(machine.stdout) == [] and "Did you mean: robotics?" in machine.stderr


def test_a_chinese_question_through_the_process() -> None:
    result = run_process("search", "哪个城市有储能产业?", "-f", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "taian-energy-storage"


def test_every_hit_opens_with_show(plan: Plan, invoke) -> None:
    from sdpartner.query import entries

    for e in entries(plan):
        result = invoke("show", e.id, "-f", "json")
        assert result.exit_code == 0, (e.kind, e.id, result.stderr)
        opened = json.loads(result.stdout)
        assert e.id in {str(opened["id"]), opened.get("slug")}


def test_show_links_both_ways(invoke) -> None:
    uob = json.loads(invoke("show", "UOB", "-f", "json").stdout)
    assert {(x["relation"], x["id"]) for x in uob["links"]} == {("holds_share_in", "hengfeng-bank")}
    bank = json.loads(invoke("show", "恒丰银行", "-f", "json").stdout)
    assert ("shareholder", "uob") in {(x["relation"], x["id"]) for x in bank["links"]}
    assert {"hengfeng-assets", "hengfeng-net-profit"} <= {x["id"] for x in bank["links"] if x["relation"] == "reports"}
    figure = json.loads(invoke("show", "credit-goal-2025", "-f", "json").stdout)
    assert figure["display"] == "aim to exceed 750 billion yuan" and figure["value"] == 750_000_000_000


def test_show_ambiguous_names_list_candidates(invoke) -> None:
    result = invoke("show", "bank")
    assert result.exit_code == 1 and "organisation uob" in result.stderr and "organisation hengfeng-bank" in result.stderr
    missing = invoke("show", "qingdoa")
    assert missing.exit_code == 1 and "did you mean 'qingdao'?" in missing.stderr


@pytest.mark.parametrize("ref", ["一带一路", "Belt and Road", "belt-and-road", "7"])
def test_actions_show_takes_names(invoke, ref: str) -> None:
    assert json.loads(invoke("actions", "show", ref, "-f", "json").stdout)["id"] == 7


@pytest.mark.parametrize(("place", "event"), [("beijing", "dialogue-2026"), ("Singapore", "singapore-shandong-week"), ("Hong Kong", "hk-macao-shandong-week"),
                                              ("澳门", "hk-macao-shandong-week"), ("青岛", "mnc-leaders-qingdao-summit-7")])
def test_events_at_any_place(invoke, place: str, event: str) -> None:
    rows = json.loads(invoke("events", "--place", place, "-f", "json").stdout)
    assert event in [r["id"] for r in rows]
    assert {r["place"] for r in rows if r["id"] == event} != {None}
    assert json.loads(invoke("events", "--city", place, "-f", "json").stdout) == rows  # --city is a synonym


def test_an_unknown_place_is_not_found(invoke) -> None:
    result = invoke("events", "--place", "Atlantis")
    assert result.exit_code == 1 and "Beijing" in result.stderr
