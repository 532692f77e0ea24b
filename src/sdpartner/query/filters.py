"""Pure queries over a validated Plan: lookups by name with suggestions, filters, the sector index.

Nothing here prints or formats; every function takes a Plan and returns model records (or small tuples of
them). A name that matches nothing raises :class:`~sdpartner.errors.NotFound` with a suggestion.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ..names import fold, simplified
from ..plan import catalogue as cat
from ..plan.model import Action, City, Edition, Event, Fact, Figure, FigureKind, Group, Measure, Observation, Offer, Person, Plan, Programme, Sector, Series, in_year
from ..text import Text
from .records import PLACE, also_simplified, choice, name_part, not_found, numbered

Occurrence = Event | Edition

# ----------------------------------------------------------------------------------------------
# Lookups
# ----------------------------------------------------------------------------------------------


@also_simplified
def find_action(plan: Plan, ref: str) -> Action:
    """An action by number or slug, or by its English or Chinese name or a part of one that only it has."""
    key = fold(ref)
    for a in plan.actions:
        if key in (str(a.id), fold(a.slug), fold(a.name.en), fold(a.name.zh)):
            return a
    partial = [a for a in plan.actions if name_part(ref, [a.name.en, a.name.zh, *a.keywords])]
    if len(partial) == 1:
        return partial[0]
    number = numbered(ref, "action")  # 七, 第七项; 第二组
    if number is not None and str(number) != ref and any(x.id == number for x in plan.actions):
        return find_action(plan, str(number))
    raise not_found(cat.kind("action").words, ref, [a.slug for a in plan.actions], "hint_actions", ids=", ".join(str(a.id) for a in plan.actions))


@also_simplified
def find_group(plan: Plan, ref: str) -> Group:
    """A group of actions by number, slug or name."""
    key = fold(ref)
    for g in plan.groups:
        if key in (str(g.id), fold(g.slug), fold(g.name.en), fold(g.name.zh)):
            return g
    number = numbered(ref, "group")  # 七, 第七项; 第二组
    if number is not None and str(number) != ref and any(x.id == number for x in plan.groups):
        return find_group(plan, str(number))
    raise not_found(cat.kind("group").words, ref, [g.slug for g in plan.groups], "hint_groups",
                    choices=[choice(f"{g.id}/{g.name.zh}", f"{g.id}/{g.slug}") for g in plan.groups])


def city_names(city: City) -> list[str]:
    """Every name a city answers to: id, Chinese and English names, aliases."""
    return [city.id, city.name.zh, city.name.en, *city.aliases]


@also_simplified
def find_city(plan: Plan, name: str) -> City:
    """A city by id, Chinese or English name or alias, in any case and with or without punctuation."""
    key = fold(name)
    for c in plan.cities:
        if key in {fold(n) for n in city_names(c)}:
            return c
    raise not_found(cat.kind("city").words, name, [n for c in plan.cities for n in city_names(c)], "hint_cities",
                    choices=[choice(c.name.zh, c.id) for c in plan.cities])  # what each reader types


@also_simplified
def find_series(plan: Plan, ref: str) -> Series:
    """A series by id, name or alias (any language), by the id of one of its events, or by a part of one series'
    id or name only (rcep, 跨国公司)."""
    key = fold(ref)
    for s in plan.series:
        if key in {fold(s.id), fold(s.name.en), fold(s.name.zh), *(fold(a) for a in s.aliases)}:
            return s
    for e in plan.events:
        if e.series and key == fold(e.id):
            return next(s for s in plan.series if s.id == e.series)
    partial = [s for s in plan.series if name_part(ref, [s.id.replace("-", " "), s.name.en, s.name.zh, *s.aliases])]
    if len(partial) == 1:  # a part of one series' id or name: rcep, 跨国公司
        return partial[0]
    if partial:  # week: a part of several
        from ..errors import NotFound
        from ..safe import shown

        raise NotFound("part_of_names", name=shown(ref), n=len(partial), choices=[choice(f"{s.name.zh} {s.id}", s.id) for s in partial])
    raise not_found(cat.kind("series").words, ref, [s.id for s in plan.series] + [s.name.en for s in plan.series], "hint_series",
                    choices=[choice(s.name.zh, s.id) for s in plan.series])


def group_of(plan: Plan, action: Action) -> Group:
    """The group an action belongs to."""
    return next(g for g in plan.groups if g.id == action.group)


# ----------------------------------------------------------------------------------------------
# Actions, measures, figures
# ----------------------------------------------------------------------------------------------


def actions(plan: Plan, group: str | None = None, search: str | None = None) -> list[Action]:
    """Actions in the article's order, optionally in one group and/or matching a search text."""
    chosen = plan.actions
    if group is not None:
        g = find_group(plan, group)
        chosen = [a for a in chosen if a.group == g.id]
    if search:
        from .search import matches

        search = simplified(search)  # 營商環境: the plan's words are simplified
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


def figure_actions(plan: Plan) -> dict[str, list[int]]:
    """figure id -> the actions whose measures name it, in order."""
    linked: dict[str, set[int]] = {}
    for m in plan.measures:
        if m.action is not None:
            for fid in m.figures:
                linked.setdefault(fid, set()).add(m.action)
    return {fid: sorted(ids) for fid, ids in linked.items()}


def observations_of(plan: Plan, figure_id: str) -> list[Observation]:
    """The other readings of a figure, in time order."""
    return sorted((o for o in plan.observations if o.figure == figure_id), key=lambda o: o.as_of)


def facts_about(plan: Plan, record_id: str) -> list[Fact]:
    """The facts the history states about a record."""
    return [f for f in plan.facts if record_id in f.about]


def person(plan: Plan, person_id: str | None) -> Person | None:
    """The person with this id, if any."""
    return next((p for p in plan.people if p.id == person_id), None)


def event(plan: Plan, event_id: str | None) -> Event | None:
    """The event with this id, if any."""
    return next((e for e in plan.events if e.id == event_id), None)


# ----------------------------------------------------------------------------------------------
# Events and editions
# ----------------------------------------------------------------------------------------------


def strict_date(value: str | None, option: str) -> str | None:
    """A strict ISO date (a year, month or day); other digits (full-width) are read as ASCII ones, and a date as
    Chinese writes it (2024年6月1日, 二〇二四年六月) or year first with slashes or dots (2024/6/1, 2024.06) as the
    ISO date it names."""
    if value is None:
        return None
    import re
    import unicodedata

    from ..errors import UsageError

    normal = unicodedata.normalize("NFKC", value).strip()
    if "年" in normal:  # as Chinese writes a date: 2024年6月1日, 二〇二四年六月
        from .numbers import arabic, cn_numeral  # (only here: the numbers reader costs 0.7 ms of every import of filters)

        cn = re.fullmatch(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", re.sub(r"(?<=[年月])([一二三四五六七八九十]{1,3})(?=[月日])",
                                                                       lambda d: str(cn_numeral(d.group(1)) or d.group(1)), arabic(normal)))
        if cn:
            normal = "-".join([cn.group(1), *(f"{int(g):02d}" for g in cn.groups()[1:] if g)])
    slashed = re.fullmatch(r"(\d{4})([/.])(\d{1,2})(?:\2(\d{1,2}))?", normal)  # year first, as people write it: 2026/12/01, 2026.6.1
    if slashed:
        normal = "-".join([slashed.group(1), *(f"{int(g):02d}" for g in slashed.groups()[2:] if g)])
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", normal)
    if not m or not normal.isascii():
        from ..safe import shown

        raise UsageError("bad_date", option=option, value=shown(value, 40))
    from ..plan.model import check_day

    try:
        if m.group(3):
            check_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif m.group(2) and not 1 <= int(m.group(2)) <= 12:
            raise ValueError
    except ValueError:
        from ..safe import shown

        raise UsageError("bad_date", option=option, value=shown(value, 40)) from None
    return normal





def span(item: Occurrence) -> tuple[str, str]:
    """The first and last day (or month, or year) an event or edition is known to fall on, as sortable text; ''
    for none. A day and month without a year is read in the record's year when it has one."""
    for d in item.dates:
        if d.year is not None:
            return d.start, d.end or d.start
    if item.year:
        yearless = next((d for d in item.dates if d.year is None), None)
        if yearless is None:
            return str(item.year), str(item.year)
        return in_year(yearless.start, item.year), in_year(yearless.end or yearless.start, item.year)
    return "", ""


def start(item: Occurrence) -> str:
    """The first day (or month, or year) an event or edition is known to fall on, as sortable text; '' if none."""
    return span(item)[0]


def dated(item: Occurrence) -> bool:
    """Whether a source gives the event a day or a month (not only a year)."""
    return any(d.precision in ("day", "month") for d in item.dates)


def years_of(item: Occurrence) -> set[int]:
    """The years an event or edition belongs to: its year and the years of its dates."""
    found = {d.year for d in item.dates if d.year is not None}
    if item.year:
        found.add(item.year)
    return found


def series_members(plan: Plan, series_id: str) -> list[Occurrence]:
    """A series' editions in the history and the plan's events of that series, in order of edition then date."""
    members: list[Occurrence] = [e for e in plan.editions if e.series == series_id]
    members += [e for e in plan.events if e.series == series_id]
    return sorted(members, key=lambda e: (e.edition or 0, start(e) or "9999") if all(m.edition for m in members) else (start(e) or "9999", e.edition or 0))


def place_names(plan: Plan) -> list[str]:
    """Every place any record names, in both languages: the presenting cities (with aliases), and the places
    and venues of events and editions."""
    names = [n for c in plan.cities for n in city_names(c)]
    for item in [*plan.events, *plan.editions]:
        for p in (item.place, item.venue):
            if p is not None:
                names += [p.name.en, p.name.zh]
    return list(dict.fromkeys(names))


def _at(item: Occurrence, key: str, city: City | None) -> bool:
    if city is not None and isinstance(item, Event) and item.city == city.id:
        return True
    keys = {key} | ({fold(n) for n in city_names(city)} if city is not None else set())
    for p in (item.place, item.venue):
        if p is not None and any(k and len(k) >= 2 and (k in fold(p.name.en) or k in fold(p.name.zh)) for k in keys):
            return True
    return False


def events(plan: Plan, year: int | None = None, place: str | None = None, action: str | None = None, series: str | None = None,
           since: str | None = None, until: str | None = None) -> list[Occurrence]:
    """The plan's events and the editions of their series, in time order; optionally in one year, at one place,
    of one action (the plan's events only), of one series, or from/to a date. An empty list is an answer."""
    chosen: list[Occurrence] = [*plan.events, *plan.editions]
    if place is not None:
        chosen = _at_place(plan, place, chosen)
    if action is not None:
        linked = {e.id for e in events_of(plan, find_action(plan, action))}
        chosen = [x for x in chosen if isinstance(x, Event) and x.id in linked]
    if series is not None:
        s = find_series(plan, series)
        chosen = [x for x in chosen if x.series == s.id]
    if year is not None:
        chosen = [x for x in chosen if year in years_of(x)]
    if since is not None:  # an event that is still on at the start of the span is in it (18-20 August, from 19 August)
        chosen = [x for x in chosen if dated(x) and span(x)[1][: len(since)] >= since]
    if until is not None:  # (a day and month no year is known for is in no span: '' is no date)
        chosen = [x for x in chosen if dated(x) and (first := start(x)) != "" and first[: len(until)] <= until]
    order = {id(x): i for i, x in enumerate(chosen)}
    return sorted(chosen, key=lambda x: ((start(x) or "9999") + "~", order[id(x)]))  # "~" sorts a bare year after its dated days


@also_simplified
def _at_place(plan: Plan, place: str, chosen: list[Occurrence]) -> list[Occurrence]:
    """Those of ``chosen`` at a place (a city by any of its names, or a part of a venue's or city's name); a place
    the plan names nowhere is an error."""
    key = fold(place)
    city = next((c for c in plan.cities if key in {fold(n) for n in city_names(c)}), None)
    found = [x for x in chosen if _at(x, key, city)]
    if not found and city is None and not any(len(key) >= 2 and key in fold(n) for n in place_names(plan)):
        named = [c.name for c in plan.cities] + [p.name for x in [*plan.events, *plan.editions] for p in (x.place,) if p]
        raise not_found(PLACE, place, place_names(plan), "hint_places", choices=[choice(t.zh, t.en) for t in {t.en: t for t in named}.values()])
    return found


class EventNote(msgspec.Struct, frozen=True):
    """Something a reader of a date or year filter should know: a message code and its values."""

    code: str
    params: dict[str, Any]


def event_notes(plan: Plan, found: list[Occurrence], year: int | None, since: str | None, until: str | None) -> list[EventNote]:
    """What the filters left out and why: events in the span with no date; a year the data does not cover."""
    notes: list[EventNote] = []
    all_items: list[Occurrence] = [*plan.events, *plan.editions]
    covered = sorted({y for x in all_items for y in years_of(x)})
    if year is not None and not found and covered and year not in covered:  # not when other filters left nothing of a year on record
        notes.append(EventNote("year_outside", {"year": year, "years": f"{covered[0]}–{covered[-1]}"}))
    if since is not None or until is not None:
        low = int(since[:4]) if since else (covered[0] if covered else 0)
        high = int(until[:4]) if until else (covered[-1] if covered else 0)
        if year is not None:  # --year narrows the span too
            low, high = max(low, year), min(high, year)
        undated = [x for x in all_items if not dated(x) and any(low <= y <= high for y in years_of(x))]
        if undated:
            years = sorted({y for x in undated for y in years_of(x) if low <= y <= high})
            command = f"sdpartner events --year {years[0]}" if len(years) == 1 else "sdpartner events --year YEAR"
            notes.append(EventNote("undated_in_span", {"n": len(undated), "command": command}))
    return notes


def events_in_city(plan: Plan, city: City) -> list[Event]:
    """Events the plan places in a city."""
    return [e for e in plan.events if e.city == city.id]


def measures_for_city(plan: Plan, city: City) -> list[Measure]:
    """Measures of the plan that name a city."""
    return [m for m in plan.measures if city.id in m.cities]


def actions_in_group(plan: Plan, group_id: int) -> list[Action]:
    """The actions of one group, in the plan's order."""
    return [a for a in plan.actions if a.group == group_id]


# ----------------------------------------------------------------------------------------------
# Sectors
# ----------------------------------------------------------------------------------------------


class SectorEntry(msgspec.Struct, frozen=True):
    """One line of the sector index: a sector, a city and the city's own wording."""

    sector: Sector
    city: City
    offer: Offer


def sector_index(plan: Plan, search: str | None = None) -> list[SectorEntry]:
    """Sector -> cities: every city offer under every sector it belongs to, in sector order.

    With ``search``, an entry matches when the city's own field matches (name or keywords) or the sector's
    name does; only when nothing matches that way do the sector's broader keywords count, so 'lithium' finds
    Tai'an's lithium valley and not every new-energy field."""
    entries = [SectorEntry(s, c, o) for s in plan.sectors for c in plan.cities for o in c.offers if s.id in o.sectors]
    if not search:
        return entries
    from .search import matches

    search = simplified(search)  # 鋰電: the plan's words are simplified

    def hit(*texts: str) -> bool:
        return matches(search, texts)

    close = [e for e in entries if hit(e.sector.name.en, e.sector.name.zh) or (e.sector.id == e.offer.sectors[0] and hit(e.offer.name.en, e.offer.name.zh, *e.offer.keywords))]
    return close or [e for e in entries if hit(*e.sector.keywords)]


def record_counts(plan: Plan) -> list[tuple[Text, Text, int]]:
    """How many records of each kind a plan holds (``validate`` prints them): the kind's words (one, many) and the count."""
    return [(info.decl.words, info.decl.plural, sum(1 for _ in cat.records(plan, info))) for info in cat.kinds()]
