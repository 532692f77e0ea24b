"""Pure queries over a validated Plan: lookups with suggestions, filters, the sector index, search.

Nothing here prints or formats; every function takes a Plan and returns model records (or small
tuples of them). Errors are raised as :class:`~sdpartner.errors.NotFound` with a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .errors import NotFound
from .model import Action, City, Event, Figure, FigureKind, Group, Measure, Offer, Organisation, Person, Plan, Programme, Sector
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
        "statements": len(plan.statements),
    }
