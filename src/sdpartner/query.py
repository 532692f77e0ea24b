"""Pure queries over a validated Plan: lookups with suggestions, filters, the sector index, search.

Nothing here prints or formats; every function takes a Plan and returns model records (or small
tuples of them). Errors are raised as :class:`~sdpartner.errors.NotFound` with a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from .base import FigureKind
from .errors import NotFound
from .frozen import Text
from .names import fold, has_cjk
from .names import words as _words

if TYPE_CHECKING:  # the records read like the model's Structs (see frozen.py); msgspec is not imported
    from .model import Action, City, Event, Figure, Group, Measure, Offer, Plan, Programme, Sector

# ----------------------------------------------------------------------------------------------
# Normalising and suggesting
# ----------------------------------------------------------------------------------------------



def suggest(wanted: str, names: Iterable[str]) -> str | None:
    """The closest of ``names`` to ``wanted``, or None when nothing is close.

    A generic ratio cutoff misses one wrong character in a two-character Chinese name (ratio 0.5), so
    short Chinese names match when they differ in at most one character and have the same length.
    """
    key = fold(wanted)
    if not key:
        return None
    by_key: dict[str, str] = {}
    for n in names:  # the first spelling of a name wins: slugs come before display names
        by_key.setdefault(fold(n), n)
    if has_cjk(key) and len(key) <= 4:
        for k, name in by_key.items():
            if len(k) == len(key) and sum(a != b for a, b in zip(k, key, strict=True)) <= 1:
                return name
    import difflib  # only needed on the error path

    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.7)
    return by_key[close[0]] if close else None


def _not_found(kind: str, wanted: str, names: Iterable[str], hint: str) -> NotFound:
    names = list(names)
    guess = suggest(wanted, names)
    did_you_mean = f"; did you mean {guess!r}?" if guess else ""
    return NotFound(f"no {kind} named {wanted!r}{did_you_mean} ({hint})")


# ----------------------------------------------------------------------------------------------
# Lookups
# ----------------------------------------------------------------------------------------------


def find_action(plan: Plan, ref: str) -> Action:
    """An action by number (1-10) or slug, or by its English or Chinese name."""
    key = fold(ref)
    for a in plan.actions:
        if key in (str(a.id), fold(a.slug), fold(a.name.en), fold(a.name.zh)):
            return a
    ids = ", ".join(str(a.id) for a in plan.actions)
    raise _not_found("action", ref, [a.slug for a in plan.actions], f"use a number ({ids}) or a slug; 'sdpartner actions list' shows them")


def find_group(plan: Plan, ref: str) -> Group:
    """A group of actions by number or slug or name."""
    key = fold(ref)
    for g in plan.groups:
        if key in (str(g.id), fold(g.slug), fold(g.name.en), fold(g.name.zh)):
            return g
    choices = ", ".join(f"{g.id}/{g.slug}" for g in plan.groups)
    raise _not_found("group", ref, [g.slug for g in plan.groups], f"groups: {choices}")


def city_names(city: City) -> list[str]:
    """Every name a city answers to: slug, Chinese and English names, aliases."""
    return [city.id, city.name.zh, city.name.en, *city.aliases]


def find_city(plan: Plan, name: str) -> City:
    """A city by slug, Chinese or English name or alias, in any case and with or without punctuation."""
    key = fold(name)
    for c in plan.cities:
        if key in {fold(n) for n in city_names(c)}:
            return c
    all_names = [n for c in plan.cities for n in city_names(c)]
    slugs = ", ".join(c.id for c in plan.cities)
    raise _not_found("city", name, all_names, f"cities: {slugs}")


def group_of(plan: Plan, action: Action) -> Group:
    """The group an action belongs to."""
    return next(g for g in plan.groups if g.id == action.group)


def action_by_id(plan: Plan, action_id: int | None) -> Action | None:
    """The action with this number, if any."""
    return next((a for a in plan.actions if a.id == action_id), None)


# ----------------------------------------------------------------------------------------------
# Filters
# ----------------------------------------------------------------------------------------------


def actions(plan: Plan, group: str | None = None, search: str | None = None) -> list[Action]:
    """Actions in the article's order, optionally in one group and/or matching a search text."""
    chosen = plan.actions
    if group is not None:
        g = find_group(plan, group)
        chosen = [a for a in chosen if a.group == g.id]
    if search:
        matcher = Matcher(search)
        chosen = [a for a in chosen if any(matcher.score(t) for _, t in _action_texts(plan, a))]
    return list(chosen)


def measures_of(plan: Plan, action: Action) -> list[Measure]:
    """Measures tied to an action (stated or inferred)."""
    return [m for m in plan.measures if m.action == action.id]


def group_measures(plan: Plan, group: Group) -> list[Measure]:
    """Measures the article gives for a group without tying them to one action."""
    return [m for m in plan.measures if m.group == group.id and m.action is None]


def programmes_of(plan: Plan, action: Action) -> list[Programme]:
    """Programmes named by an action's measures."""
    ids = {p for m in measures_of(plan, action) for p in m.programmes}
    return [p for p in plan.programmes if p.id in ids]


def figures_of(plan: Plan, action: Action) -> list[Figure]:
    """Figures linked to an action through its measures."""
    ids = {f for m in measures_of(plan, action) for f in m.figures}
    return [f for f in plan.figures if f.id in ids]


def events_of(plan: Plan, action: Action) -> list[Event]:
    """Events tied to an action directly or through its measures."""
    ids = {e for m in measures_of(plan, action) for e in m.events}
    return [e for e in plan.events if e.action == action.id or e.id in ids]


def figures(plan: Plan, action: str | None = None, year: int | None = None, kind: FigureKind | None = None) -> list[Figure]:
    """Figures, optionally for one action, one year and one kind (target/status)."""
    chosen = plan.figures
    if action is not None:
        linked = {f.id for f in figures_of(plan, find_action(plan, action))}
        chosen = [f for f in chosen if f.id in linked]
    if year is not None:
        chosen = [f for f in chosen if f.year == year]
    if kind is not None:
        chosen = [f for f in chosen if f.kind == kind]
    return list(chosen)


def events(plan: Plan, year: int | None = None, city: str | None = None, action: str | None = None) -> list[Event]:
    """Events, optionally in one year, one city and for one action. An empty list is a valid answer."""
    chosen = plan.events
    if city is not None:
        c = find_city(plan, city)
        chosen = [e for e in chosen if e.city == c.id]
    if action is not None:
        linked = {e.id for e in events_of(plan, find_action(plan, action))}
        chosen = [e for e in chosen if e.id in linked]
    if year is not None:
        chosen = [e for e in chosen if e.year == year]
    return list(chosen)


def measures_for_city(plan: Plan, city: City) -> list[Measure]:
    """Measures of the plan that name a city."""
    return [m for m in plan.measures if city.id in m.cities]


class SectorEntry(NamedTuple):
    """One line of the sector index: a sector, a city and the city's own wording."""

    sector: Sector
    city: City
    offer: Offer


def sector_index(plan: Plan, search: str | None = None) -> list[SectorEntry]:
    """Sector -> cities: every city offer under every sector it belongs to, in sector order.

    With ``search``, an entry matches when the city's own field matches (name or keywords) or the
    sector's name does; only when nothing matches that way do the sector's broader keywords count,
    so 'lithium' finds Tai'an's lithium valley and not every new-energy field.
    """
    entries = [SectorEntry(s, c, o) for s in plan.sectors for c in plan.cities for o in c.offers if s.id in o.sectors]
    if not search:
        return entries
    matcher = Matcher(search)

    def hit(*texts: str) -> bool:
        return any(matcher.score(t) for t in texts)

    # a field that matches by its own words is listed under its first (main) sector only
    close = [e for e in entries if hit(e.sector.name.en, e.sector.name.zh) or (e.sector.id == e.offer.sectors[0] and hit(e.offer.name.en, e.offer.name.zh, *e.offer.keywords))]
    return close or [e for e in entries if hit(*e.sector.keywords)]


# ----------------------------------------------------------------------------------------------
# Search
# ----------------------------------------------------------------------------------------------


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
            yield "city field", o.id, title, [*_bilingual("name", o.name), *(("keyword", k) for k in o.keywords)]
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


def record_counts(plan: Plan) -> dict[str, int]:
    """How many records of each kind a plan holds (for ``validate`` and the docs)."""
    return {
        "groups": len(plan.groups), "actions": len(plan.actions), "measures": len(plan.measures),
        "programmes": len(plan.programmes), "figures": len(plan.figures), "events": len(plan.events),
        "cities": len(plan.cities), "city fields": sum(len(c.offers) for c in plan.cities), "sectors": len(plan.sectors),
        "organisations": len(plan.organisations), "people": len(plan.people), "documents": len(plan.documents),
        "statements": len(plan.statements),
    }
