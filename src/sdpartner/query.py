"""Pure queries over a validated Plan: lookups with suggestions, filters, the sector index, search.

Nothing here prints or formats; every function takes a Plan and returns model records (or small
tuples of them). Errors are raised as :class:`~sdpartner.errors.NotFound` with a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from .errors import NotFound
from .model import Action, City, Edition, Event, Figure, FigureKind, Group, Measure, Observation, Offer, Organisation, Person, Plan, Programme, Sector, Series, SourceDoc, Text
from .names import fold, has_cjk

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
    from .safe import shown

    names = list(names)
    guess = suggest(wanted[:200], names)
    did_you_mean = f"; did you mean {guess!r}?" if guess else ""
    return NotFound(f"no {kind} named {shown(wanted)!r}{did_you_mean} ({hint})")


# ----------------------------------------------------------------------------------------------
# Lookups
# ----------------------------------------------------------------------------------------------


def name_part(ref: str, names: Iterable[str]) -> bool:
    """Whether ``ref`` is a part of one of ``names``: Chinese as a substring (一带一路 in 共建“一带一路”…),
    other text as whole words (so 'export-pus' is no part of 'Export Push')."""
    key = fold(ref)
    if len(key) < 2:
        return False
    if has_cjk(key):
        return any(key in fold(n) for n in names)
    from .names import words

    wanted = words(ref)
    return any(all(w in words(n) for w in wanted) for n in names)


def find_action(plan: Plan, ref: str) -> Action:
    """An action by number (1-10) or slug, or by its English or Chinese name or a part of one that only it has."""
    key = fold(ref)
    for a in plan.actions:
        if key in (str(a.id), fold(a.slug), fold(a.name.en), fold(a.name.zh)):
            return a
    partial = [a for a in plan.actions if name_part(ref, [a.name.en, a.name.zh, *a.keywords])]
    if len(partial) == 1:
        return partial[0]
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
        from .search import matches

        chosen = [a for a in chosen if matches(search, [a.name.en, a.name.zh, a.slug, *a.keywords, a.summary.en, a.summary.zh])]
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


def figures(plan: Plan, action: str | None = None, year: int | None = None, kind: FigureKind | str | None = None) -> list[Figure]:
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


def start(item: Event | Edition) -> str:
    """The first day (or month, or year) an event or edition is known to fall on, as sortable text; '' if none."""
    if isinstance(item, Event):
        return item.date.isoformat() if item.date else (str(item.year) if item.year else "")
    for d in item.dates:
        return d.when.split("/")[0]
    return str(item.year) if item.year else ""



def events(plan: Plan, year: int | None = None, place: str | None = None, action: str | None = None, series: str | None = None,
           since: str | None = None, until: str | None = None) -> list[Event | Edition]:
    """The plan's events and the earlier editions of their series, in time order; optionally in one year, at one
    place, of one action (the plan's events only), of one series, or from/to a date. An empty list is an answer."""
    chosen: list[Event | Edition] = [*plan.events, *plan.editions]
    if place is not None:
        at = set(id(e) for e in events_at(plan, place))
        key = fold(place)
        chosen = [x for x in chosen if id(x) in at or (isinstance(x, Edition) and any(
            t is not None and (key in fold(t.en) or key in fold(t.zh)) for t in (x.city, x.venue)))]
    if action is not None:
        linked = {e.id for e in events_of(plan, find_action(plan, action))}
        chosen = [x for x in chosen if isinstance(x, Event) and x.id in linked]
    if series is not None:
        s = find_series(plan, series)
        chosen = [x for x in chosen if (isinstance(x, Edition) and x.series == s.id) or (isinstance(x, Event) and x.id in s.events)]
    if year is not None:
        chosen = [x for x in chosen if x.year == year or (isinstance(x, Edition) and any(d.when.startswith(str(year)) for d in x.dates))]
    if since is not None:
        chosen = [x for x in chosen if start(x) and start(x) >= since]
    if until is not None:
        chosen = [x for x in chosen if start(x) and start(x)[: len(until)] <= until]
    order = {id(x): i for i, x in enumerate(chosen)}
    return sorted(chosen, key=lambda x: ((start(x) or "9999") + "~", order[id(x)]))  # "~" sorts a bare year after its dated days


def find_series(plan: Plan, ref: str) -> Series:
    """A series by id or name (any language), or by the id or name of one of its events."""
    key = fold(ref)
    for s in plan.series:
        if key in {fold(s.id), fold(s.name.en), fold(s.name.zh), *(fold(e) for e in s.events)}:
            return s
    names = [s.id for s in plan.series] + [s.name.en for s in plan.series]
    raise _not_found("series", ref, names, "series: " + ", ".join(s.id for s in plan.series))


def series_of_event(plan: Plan, event_id: str) -> Series | None:
    """The series a plan event belongs to, if any."""
    return next((s for s in plan.series if event_id in s.events), None)


def editions_of(plan: Plan, series_id: str) -> list[Edition]:
    """A series' editions in time order."""
    eds = [e for e in plan.editions if e.series == series_id]
    return sorted(eds, key=lambda e: (e.edition or 0, start(e) or "9999")) if all(e.edition for e in eds) else sorted(eds, key=lambda e: start(e) or "9999")


def observations_of(plan: Plan, figure_id: str) -> list[Observation]:
    """The earlier readings of a figure, in time order."""
    return sorted((o for o in plan.observations if o.figure == figure_id), key=lambda o: o.when)


def cited_sources(value: object) -> set[str]:
    """The ids of the other sources a record (or any part of it) cites."""
    from .model import Ref

    found: set[str] = set()

    def walk(v: object) -> None:
        if isinstance(v, Ref):
            found.add(v.source)
        elif isinstance(v, msgspec.Struct):
            for f in msgspec.structs.fields(v):
                walk(getattr(v, f.name))
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(value)
    return found


def source_usage(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """source id -> the records (kind, id) that cite it, each once; "article" -> those citing the primary article."""
    usage: dict[str, list[tuple[str, str]]] = {}
    for e in entries(plan):
        if e.kind == "source":
            continue
        found = cited_sources(e.record)
        if getattr(e.record, "cites", None):
            found.add("article")
        for source in found:
            usage.setdefault(source, []).append((e.kind, e.id))
    return usage


def place_names(plan: Plan) -> list[str]:
    """Every place the plan names for events: the cities (with their aliases) and the events' places."""
    names = [n for c in plan.cities for n in city_names(c)]
    names += [n for e in plan.events if e.place for n in (e.place.en, e.place.zh)]
    return list(dict.fromkeys(names))


def events_at(plan: Plan, place: str) -> list[Event]:
    """Events at a place: a presenting city (any of its names) or any place an event names (Beijing,
    Singapore, Hong Kong ...), matched as a whole name or a part of one. NotFound when no place is called so."""
    key = fold(place)
    city = next((c for c in plan.cities if key in {fold(n) for n in city_names(c)}), None)

    def here(e: Event) -> bool:
        if city is not None and e.city == city.id:
            return True
        return e.place is not None and len(key) >= 2 and (key in fold(e.place.en) or key in fold(e.place.zh))

    found = [e for e in plan.events if here(e)]
    if found or city is not None:
        return found
    shown = [c.name.en for c in plan.cities] + list(dict.fromkeys(e.place.en for e in plan.events if e.place))
    raise _not_found("place", place, place_names(plan), "places the plan names: " + ", ".join(shown))


def measures_for_city(plan: Plan, city: City) -> list[Measure]:
    """Measures of the plan that name a city."""
    return [m for m in plan.measures if city.id in m.cities]


def events_in_city(plan: Plan, city: City) -> list[Event]:
    """Events the plan places in a city."""
    return [e for e in plan.events if e.city == city.id]


def actions_in_group(plan: Plan, group_id: int) -> list[Action]:
    """The actions of one group, in the plan's order."""
    return [a for a in plan.actions if a.group == group_id]


def figure_actions(plan: Plan) -> dict[str, list[int]]:
    """figure id -> the actions whose measures name it, in order."""
    linked: dict[str, set[int]] = {}
    for m in plan.measures:
        if m.action is not None:
            for fid in m.figures:
                linked.setdefault(fid, set()).add(m.action)
    return {fid: sorted(ids) for fid, ids in linked.items()}


def cities_by_id(plan: Plan) -> dict[str, City]:
    """id -> city (built once per view: no scan of the cities per record)."""
    return {c.id: c for c in plan.cities}


def organisations_by_id(plan: Plan) -> dict[str, Organisation]:
    """id -> organisation."""
    return {o.id: o for o in plan.organisations}


def event_by_id(plan: Plan, event_id: str | None) -> Event | None:
    """The event with this id, if any."""
    return next((e for e in plan.events if e.id == event_id), None)


def person_by_id(plan: Plan, person_id: str | None) -> Person | None:
    """The person with this id, if any."""
    return next((p for p in plan.people if p.id == person_id), None)


def figures_by_id(plan: Plan, ids: Iterable[str]) -> list[Figure]:
    """The figures with these ids, in the plan's order."""
    wanted = set(ids)
    return [f for f in plan.figures if f.id in wanted]


class SectorEntry(msgspec.Struct, frozen=True):
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
    from .search import matches

    def hit(*texts: str) -> bool:
        return matches(search, texts)

    # a field that matches by its own words is listed under its first (main) sector only
    close = [e for e in entries if hit(e.sector.name.en, e.sector.name.zh) or (e.sector.id == e.offer.sectors[0] and hit(e.offer.name.en, e.offer.name.zh, *e.offer.keywords))]
    return close or [e for e in entries if hit(*e.sector.keywords)]


def record_counts(plan: Plan) -> dict[str, int]:
    """How many records of each kind a plan holds (for ``validate`` and the docs)."""
    return {
        "groups": len(plan.groups), "actions": len(plan.actions), "measures": len(plan.measures),
        "programmes": len(plan.programmes), "figures": len(plan.figures), "events": len(plan.events),
        "cities": len(plan.cities), "city offers": sum(len(c.offers) for c in plan.cities), "sectors": len(plan.sectors),
        "organisations": len(plan.organisations), "people": len(plan.people), "documents": len(plan.documents),
        "statements": len(plan.statements), "sources": len(plan.sources) + 1, "series": len(plan.series),
        "earlier editions": len(plan.editions), "earlier readings": len(plan.observations),
    }


# ----------------------------------------------------------------------------------------------
# Every record by kind and id, and the links between records (both directions)
# ----------------------------------------------------------------------------------------------


class Entry(msgspec.Struct, frozen=True):
    """A record of any kind: what ``show`` opens and ``search`` finds. ``names`` are what it answers to."""

    kind: str
    id: str
    title: Text
    record: object
    names: tuple[str, ...]


class Link(msgspec.Struct, frozen=True):
    """A link from one record to another: the relation's code, and the other record's kind and id."""

    relation: str
    kind: str
    id: str


def entries(plan: Plan) -> list[Entry]:
    """Every record of the plan, in the plan's order, each with a kind, a unique id and its names."""
    p = plan.plan
    out = [Entry("plan", p.id, p.name, p, (p.id, p.name.en, p.name.zh, p.short_name.en, p.short_name.zh))]
    out += [Entry("group", g.slug, g.name, g, (g.slug, f"group {g.id}", g.name.en, g.name.zh)) for g in plan.groups]
    out += [Entry("action", str(a.id), a.name, a, (str(a.id), a.slug, a.name.en, a.name.zh)) for a in plan.actions]
    out += [Entry("measure", m.id, m.text, m, (m.id,)) for m in plan.measures]
    out += [Entry("programme", x.id, x.name, x, (x.id, x.name.en, x.name.zh)) for x in plan.programmes]
    out += [Entry("figure", f.id, f.label, f, (f.id, f.label.en, f.label.zh)) for f in plan.figures]
    out += [Entry("event", e.id, e.name, e, (e.id, e.name.en, e.name.zh)) for e in plan.events]
    for c in plan.cities:
        out.append(Entry("city", c.id, c.name, c, tuple(city_names(c))))
        out += [Entry("offer", o.id, Text(zh=f"{c.name.zh}:{o.name.zh}", en=f"{c.name.en}: {o.name.en}"), o, (o.id, o.name.en, o.name.zh)) for o in c.offers]
    out += [Entry("sector", s.id, s.name, s, (s.id, s.name.en, s.name.zh)) for s in plan.sectors]
    out += [Entry("organisation", o.id, o.name, o, (o.id, o.name.en, o.name.zh)) for o in plan.organisations]
    out += [Entry("person", x.id, x.name, x, (x.id, x.name.en, x.name.zh)) for x in plan.people]
    out += [Entry("document", d.id, d.name, d, (d.id, d.name.en, d.name.zh)) for d in plan.documents]
    out += [Entry("statement", s.id, s.topic, s, (s.id, s.topic.en, s.topic.zh)) for s in plan.statements]
    out += [Entry("series", s.id, s.name, s, (s.id, s.name.en, s.name.zh)) for s in plan.series]
    out += [Entry("edition", e.id, e.name, e, (e.id, e.name.en, e.name.zh)) for e in plan.editions]
    labels = {f.id: f.label for f in plan.figures}
    out += [Entry("observation", o.id, Text(zh=f"{labels[o.figure].zh}({o.when})", en=f"{labels[o.figure].en} ({o.when})"), o, (o.id,))
            for o in plan.observations if o.figure in labels]
    out += [Entry("source", s.id, Text(zh=f"{s.outlet.zh}:{s.about.zh}", en=f"{s.outlet.en}: {s.about.en}"), s, (s.id, s.file)) for s in plan.sources]
    return out


# relation code -> the code of the same link read the other way
INVERSE = {
    "in_group": "has_action", "of_action": "has_measure", "names_programme": "named_in", "names_figure": "measured_in",
    "names_event": "held_under", "names_city": "named_in", "about": "has_figure", "in_city": "has_event",
    "shareholder": "holds_share_in", "reports": "reported_by", "role_at": "has_person", "presented_by": "presents",
    "offered_by": "offers", "in_sector": "has_offer", "released_at": "releases", "event_of": "has_event",
    "in_series": "has_event", "edition_of": "has_edition", "earlier_reading_of": "has_earlier_reading", "cites_source": "cited_by",
}


def links(plan: Plan, with_sources: bool = True, close_only: bool = False) -> dict[tuple[str, str], list[Link]]:
    """(kind, id) -> its links, both the ones it names and the ones that name it (and the sources each cites).

    ``close_only``: only the links between organisations and figures (shareholders, what a figure is about),
    which search brings as related hits; they never need a scan of the plan's events or measures."""
    group_slug = {g.id: g.slug for g in plan.groups}
    forward: list[tuple[str, str, str, str, str]] = []  # (kind, id, relation, kind, id)

    def add(kind: str, rid: str, relation: str, other_kind: str, other_id: object) -> None:
        if other_id is not None and other_id != "":
            forward.append((kind, rid, relation, other_kind, str(other_id)))

    for a in [] if close_only else plan.actions:
        add("action", str(a.id), "in_group", "group", group_slug.get(a.group))
    for m in [] if close_only else plan.measures:
        if m.action is not None:
            add("measure", m.id, "of_action", "action", m.action)
        else:
            add("measure", m.id, "in_group", "group", group_slug.get(m.group))
        for x in m.programmes:
            add("measure", m.id, "names_programme", "programme", x)
        for x in m.figures:
            add("measure", m.id, "names_figure", "figure", x)
        for x in m.events:
            add("measure", m.id, "names_event", "event", x)
        for x in m.cities:
            add("measure", m.id, "names_city", "city", x)
    orgs = {o.id for o in plan.organisations}
    for f in plan.figures:
        if f.subject is not None:
            add("figure", f.id, "about", "organisation" if f.subject in orgs else "city", f.subject)
    for e in [] if close_only else plan.events:
        if e.action is not None:
            add("event", e.id, "event_of", "action", e.action)
        add("event", e.id, "in_city", "city", e.city)
    for o in plan.organisations:
        add("organisation", o.id, "shareholder", "organisation", o.shareholder)
        for x in o.figures:
            add("organisation", o.id, "reports", "figure", x)
    for person in [] if close_only else plan.people:
        for r in person.roles:
            add("person", person.id, "role_at", "organisation", r.organisation)
    for d in [] if close_only else plan.documents:
        add("document", d.id, "presented_by", "person", d.presented_by)
    for c in [] if close_only else plan.cities:
        for o in c.offers:
            add("offer", o.id, "offered_by", "city", c.id)
            for s in o.sectors:
                add("offer", o.id, "in_sector", "sector", s)
    for s in [] if close_only else plan.series:
        for ev in s.events:
            add("event", ev, "in_series", "series", s.id)
    for ed in [] if close_only else plan.editions:
        add("edition", ed.id, "edition_of", "series", ed.series)
    for ob in [] if close_only else plan.observations:
        add("observation", ob.id, "earlier_reading_of", "figure", ob.figure)
    if not close_only:
        add("plan", plan.plan.id, "released_at", "event", plan.plan.released_at)
        add("plan", plan.plan.id, "presented_by", "person", plan.plan.presented_by)
    for source, users in (source_usage(plan) if with_sources and not close_only else {}).items():
        if source != "article":
            for kind, rid in users:
                add(kind, rid, "cites_source", "source", source)
    out: dict[tuple[str, str], list[Link]] = {}
    for kind, rid, relation, other_kind, other_id in forward:
        out.setdefault((kind, rid), []).append(Link(relation, other_kind, other_id))
        out.setdefault((other_kind, other_id), []).append(Link(INVERSE[relation], kind, rid))
    return out


def find_record(plan: Plan, ref: str, kind: str | None = None) -> Entry:
    """A record of any kind by id, slug or name (any language, any case); NotFound lists candidates or suggests."""
    from .safe import shown

    key = fold(ref)
    pool = [e for e in entries(plan) if kind is None or e.kind == kind]
    exact = [e for e in pool if fold(e.id) == key]
    if len(exact) == 1:
        return exact[0]
    named = exact or [e for e in pool if key in {fold(n) for n in e.names}]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        choices = ", ".join(f"{e.kind} {e.id}" for e in named[:8])
        raise NotFound(f"{shown(ref)!r} names {len(named)} records: {choices}; give one of these ids, e.g. sdpartner show {named[0].id}")
    if len(key) >= 2:  # a part of one name only, e.g. 一带一路 for 共建“一带一路”合作扩维行动
        partial = [e for e in pool if name_part(ref, e.names[1:])]
        if len(partial) == 1:
            return partial[0]
        if 1 < len(partial) <= 8:
            choices = ", ".join(f"{e.kind} {e.id}" for e in partial)
            raise NotFound(f"{shown(ref)!r} is part of the names of {len(partial)} records: {choices}; give one of these ids")
    raise _not_found("record", ref, [n for e in pool for n in e.names], "try 'sdpartner search' with a word from it")
