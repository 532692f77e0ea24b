"""Search over every kind of record: ranked hits, each with its kind, id and where it matched."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .model import Action, Plan, Text
from .names import fold, has_cjk
from .names import words as _words



def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class Matcher:
    """Matches a query against texts, tolerant of case, plurals, hyphens and spacing; Chinese by substring."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.cjk = has_cjk(query)
        self.joined = fold(query)
        self.stems = [_stem(w) for w in _words(query)]

    def score(self, text: str) -> int:
        """0 for no match; 3 exact, 2 phrase, 1 all words found."""
        if not self.joined:
            return 0
        folded = fold(text)
        if self.cjk:
            return 3 if folded == self.joined else (2 if self.joined in folded else 0)
        if folded == self.joined or fold(" ".join(_stem(w) for w in _words(text))) == fold(" ".join(self.stems)):
            return 3
        if len(self.joined) >= 3 and self.joined in folded:
            return 2
        words = [_stem(w) for w in _words(text)]
        if self.stems and all(any(w.startswith(s) for w in words) for s in self.stems):
            return 1
        return 0


class Hit(NamedTuple):
    """One search result: what kind of record, its id and title, and where the query matched."""

    kind: str
    id: str
    title: Text
    field: str
    matched: str
    score: float


# field weights: a hit in a name ranks above one in keywords, above one in descriptions
_WEIGHT = {"name": 10.0, "alias": 9.0, "keyword": 6.0, "text": 3.0}


def _action_texts(plan: Plan, a: Action) -> Iterator[tuple[str, str]]:
    yield "name", a.name.en
    yield "name", a.name.zh
    yield "name", a.slug
    for k in a.keywords:
        yield "keyword", k
    yield "text", a.summary.en
    yield "text", a.summary.zh


def _bilingual(kind: str, t: Text) -> Iterator[tuple[str, str]]:
    yield kind, t.en
    yield kind, t.zh


def _records(plan: Plan) -> Iterator[tuple[str, str, Text, Iterable[tuple[str, str]]]]:
    """Every searchable record: (kind, id, title, [(field, text)])."""
    p = plan.plan
    yield "plan", p.id, p.name, [*_bilingual("name", p.name), *_bilingual("name", p.short_name), *(("keyword", k) for k in p.keywords), *_bilingual("text", p.summary), *(x for d in p.directions for x in _bilingual("text", d))]
    for g in plan.groups:
        yield "group", str(g.id), g.name, [*_bilingual("name", g.name), ("name", g.slug), *(("keyword", k) for k in g.keywords), *_bilingual("text", g.summary)]
    for a in plan.actions:
        yield "action", str(a.id), a.name, list(_action_texts(plan, a))
    for m in plan.measures:
        yield "measure", m.id, m.text, [*_bilingual("name", m.text), *(("keyword", k) for k in m.keywords)]
    for pg in plan.programmes:
        yield "programme", pg.id, pg.name, [*_bilingual("name", pg.name), *(("keyword", k) for k in pg.keywords), *_bilingual("text", pg.summary)]
    for f in plan.figures:
        yield "figure", f.id, f.label, [*_bilingual("name", f.label), ("name", f.original), *(("keyword", k) for k in f.keywords), *_bilingual("text", f.scope)]
    for e in plan.events:
        place = _bilingual("text", e.place) if e.place else []
        yield "event", e.id, e.name, [*_bilingual("name", e.name), *(("keyword", k) for k in e.keywords), *_bilingual("text", e.kind), *place]
    for c in plan.cities:
        yield "city", c.id, c.name, [*_bilingual("name", c.name), ("name", c.id), *(("alias", a) for a in c.aliases), *(x for h in c.highlights for x in _bilingual("text", h)), *_bilingual("text", c.framing)]
        for o in c.offers:
            title = Text(zh=f"{c.name.zh}:{o.name.zh}", en=f"{c.name.en}: {o.name.en}")
            yield "offer", o.id, title, [*_bilingual("name", o.name), *(("keyword", k) for k in o.keywords)]
    for s in plan.sectors:
        yield "sector", s.id, s.name, [*_bilingual("name", s.name), *(("keyword", k) for k in s.keywords)]
    for o in plan.organisations:
        yield "organisation", o.id, o.name, [*_bilingual("name", o.name), *(("keyword", k) for k in o.keywords), *(x for fct in o.facts for x in _bilingual("text", fct))]
    for person in plan.people:
        yield "person", person.id, person.name, list(_bilingual("name", person.name))
    for d in plan.documents:
        yield "document", d.id, d.name, [*_bilingual("name", d.name), *(("keyword", k) for k in d.keywords)]
    for s in plan.statements:
        yield "statement", s.id, s.topic, [*_bilingual("name", s.topic), *(("keyword", k) for k in s.keywords), *_bilingual("text", s.text)]


def search(plan: Plan, query: str, limit: int | None = None) -> list[Hit]:
    """Ranked hits across every kind of record; the best field of each record counts."""
    matcher = Matcher(query)
    hits: list[Hit] = []
    for kind, rid, title, texts in _records(plan):
        best: tuple[float, str, str] | None = None
        for field, text in texts:
            s = matcher.score(text)
            if s:
                score = _WEIGHT[field] * s
                if best is None or score > best[0]:
                    best = (score, field, text)
        if best is not None:
            hits.append(Hit(kind, rid, title, best[1], best[2], best[0]))
    hits.sort(key=lambda h: -h.score)  # stable: ties keep the plan's order
    return hits[:limit] if limit else hits


def matches(query: str, texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` matches ``query`` (the filters' ``--search``)."""
    matcher = Matcher(query)
    return any(matcher.score(t) for t in texts)
