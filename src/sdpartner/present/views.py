"""Views: records chosen by ``query`` -> a Listing, Detail or Bundle in one language.

Listings are declared in ``listings.py``; this module builds the documents that put several together: one
record with everything linked to it, an action, a city, the overview, the plan's year so far, and the whole
plan for ``export`` (a search's are in ``hits.py``, what changed between two plans in ``changes.py``). Every
word comes from ``words.py``; no view branches on the language.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, cast

import msgspec

from ..plan import catalogue as cat
from ..plan.model import Action, Amount, City, DateReading, Edition, Event, Figure, Place, Plan, Series, Source
from ..text import Lang, Text
from ..query import filters as q
from ..query.links import Link, cited_sources, links, source_count, source_usage
from ..query.records import Entry, Resolution
from ..query.status import Standing, readings, standing, year_so_far
from ..words import CHINESE_COLUMN, LABELS, field_label, label, say, yes_no
from . import listings as L
from . import values as v
from .documents import Bundle, Column, Detail, Listing, Value, replace, widen
from .fields import Ctx


def col(key: str, lang: Lang, style: str = "", table: bool = True) -> Column:
    """A column whose header is the label of ``key`` in ``lang``."""
    return Column(key=key, header=label(key, lang), style=style, table=table)


def detail(title: str, fields: Sequence[tuple[Column, Value]], sections: Sequence[tuple[str, Listing]], lang: Lang, people: dict[str, str] | None = None) -> Detail:
    """A detail with the language's word for missing values."""
    return Detail(title=title, fields=tuple(fields), sections=tuple(sections), missing=say("not_stated", lang), people=people or {})


# ----------------------------------------------------------------------------------------------
# Actions and cities
# ----------------------------------------------------------------------------------------------


def action_detail(plan: Plan, a: Action, lang: Lang) -> Detail:
    """Everything the plan says about one action, with citations."""
    c = Ctx(plan, lang)
    g = q.group_of(plan, a)
    fields: list[tuple[Column, Value]] = [
        (col("id", lang, "id"), a.id), (col("type", lang, "dim", False), "action"), (col("slug", lang), a.slug), (col("name", lang, "name"), a.name.pick(lang)),
        (col("name_zh", lang, "", CHINESE_COLUMN[lang]), a.name.zh),
        (col("group", lang), f"{g.id} · {g.name.pick(lang)}"), (col("summary", lang), a.summary.pick(lang)),
    ]
    if a.summary_note is not None:
        fields.append((col("summary_note", lang), a.summary_note.pick(lang)))
    fields += [(col("keywords", lang, "dim"), ", ".join(a.keywords)), (col("cites", lang, "dim"), a.cites)]
    sections = [("measures", L.MEASURES.listing(q.measures_of(plan, a), c))]
    shared = q.group_measures(plan, g)
    if shared:
        sections.append(("group_measures", L.MEASURES.listing(shared, c, title=say("group_measures", lang, id=g.id, name=g.name.pick(lang)))))
    sections.append(("programmes", L.PROGRAMMES.listing(q.programmes_of(plan, a), c)))
    sections.append(("figures", L.FIGURES.listing(q.figures_of(plan, a), c)))
    sections.append(("events", L.EVENTS.listing(q.events_of(plan, a), c)))
    return detail(say("action_title", lang, id=a.id, name=a.name.pick(lang)), fields, sections, lang)


def city_detail(plan: Plan, city: City, lang: Lang) -> Detail:
    """A city's pitch in its own framing: fields, clusters, strengths, and where the plan names it."""
    c = Ctx(plan, lang)
    fields: list[tuple[Column, Value]] = [
        (col("id", lang, "id"), city.id), (col("type", lang, "dim", False), "city"), (col("name", lang, "name"), city.name.pick(lang)),
        (col("name_zh", lang, "", CHINESE_COLUMN[lang]), city.name.zh), (col("aliases", lang, "dim"), ", ".join(city.aliases)),
        (col("framing", lang), city.framing.pick(lang)), (col("highlights", lang), [h.pick(lang) for h in city.highlights]), (col("cites", lang, "dim"), city.cites),
    ]
    sections = [
        ("offers", L.OFFERS.listing(city.offers, c)),
        ("events", L.EVENTS.listing(q.events_in_city(plan, city), c)),
        ("measures", L.MEASURES.listing(q.measures_for_city(plan, city), c, title=say("t_city_measures", lang))),
    ]
    return detail(say("city_title", lang, zh=city.name.zh, en=city.name.en), fields, sections, lang)


# ----------------------------------------------------------------------------------------------
# Any record
# ----------------------------------------------------------------------------------------------

# coded fields of the model and the words people read for their codes
_CODED = {"qualifier": "qual_", "what": "what_", "year_known": "year_", "known": "known_", "status": "st_", "language": "lang_"}
_CODE_WORDS = {"kind": ("target", "status", "seeking", "industry", "cluster", "strength"), "attribution": ("stated", "inferred", "group"),
               "reliability": ("official", "major", "minor", "release", "repost", "weak"), "currency": ("CNY", "USD")}
_ALWAYS = frozenset({"year", "place", "city", "time", "action"})  # missing values a reader asks about
_SECTIONS = frozenset({"dates", "counts", "offers", "evidence", "roles", "sources", "presentations"})  # shown as sections or links, not as fields


def _coded(name: str, lang: Lang) -> dict[str, str]:
    from ..words import WORDS, words_for

    if name in _CODED:
        prefix = _CODED[name]
        return {k[len(prefix):]: t.pick(lang) for k, t in WORDS.items() if k.startswith(prefix)}
    if name in _CODE_WORDS:
        return words_for(_CODE_WORDS[name], lang)
    return {}


def record_fields(plan: Plan, entry: Entry, lang: Lang) -> tuple[list[tuple[Column, Value]], dict[str, str]]:
    """A record's own fields as (column, value) pairs, derived from its struct, and the words people read for some."""
    record = entry.record
    fields: list[tuple[Column, Value]] = [(col("type", lang, "dim"), entry.kind)]
    people: dict[str, str] = {"type": cat.kind(entry.kind).words.pick(lang)}
    if isinstance(record, Amount) and record.value is not None:
        fields.append((col("display", lang, "name"), v.with_caveat(plan, v.amount_text(record, lang), getattr(record, "sources", []), lang)))
    if isinstance(record, (Event, Edition)) and record.dates:
        main = L.main_reading(record)
        fields.append((col("date", lang), L.iso(main)))
        people["date"] = v.dates_text(plan, record.dates, lang) or ""
    if isinstance(record, (Event, Figure)):
        st = L.status_words(standing(plan, record), Ctx(plan, lang)) if isinstance(record, Event) or record.kind.value == "target" else None
        if st is not None:
            fields.append((col("status", lang), standing(plan, record).code))
            people["status"] = st
    declared = cat.fields(type(record))
    first = [n for n in ("id", "name", "label", "title", "topic", "text") if n in declared]
    for name in [*first, *(n for n in declared if n not in first)]:
        raw = getattr(record, name)
        if name in _SECTIONS or raw is None and name not in _ALWAYS or raw == [] or raw is False or (isinstance(raw, Text) and not raw.en):
            continue
        if name == "keywords":
            value: Value = ", ".join(raw)
        elif isinstance(raw, Place):
            value = raw.name.pick(lang)
            fields.append((Column(name, label(name, lang)), value))
            people[name] = v.place_text(raw, lang) or ""
            continue
        elif isinstance(raw, Text):
            value = raw.pick(lang)
            if name == "edition_name":  # a template (machine formats keep it): people read it with N for the number
                people[name] = value.format(nth="Nth", cn="N", n="N")
        elif isinstance(raw, Enum):
            value = raw.value
        elif isinstance(raw, list) and raw and isinstance(raw[0], Text):
            value = [t.pick(lang) for t in raw]
        elif isinstance(raw, list) and raw and isinstance(raw[0], msgspec.Struct):
            continue
        elif isinstance(raw, msgspec.Struct):
            continue
        elif isinstance(raw, float):
            value = v.number(raw)
        else:
            value = raw
        coded = yes_no(lang) if isinstance(raw, bool) else _coded(name, lang)
        column = Column(name, field_label(name, lang, listed=isinstance(raw, list)), "id" if name == "id" else "", labels=coded)
        fields.append((column, value))
    if isinstance(record, Source):
        fields.append((col("records", lang), len(source_usage(plan).get(record.id, []))))
    elif "cites" in cat.fields(type(record)) or "sources" in cat.fields(type(record)):
        cited = cited_sources(record)
        if cited:
            fields.append((col("sources", lang, "dim"), cited))
        fields.append((col("source_count", lang), source_count(record)))
    return fields, people


def link_list(plan: Plan, entry: Entry, lang: Lang) -> Listing:
    """Every record linked to ``entry``, in both directions, with the relation in words and each record's name (the
    primary article: every record that cites its paragraphs)."""
    if entry.kind == "article":
        return L.LINKS.listing([Link("cited_by", kind, rid) for kind, rid in source_usage(plan).get("article", []) if kind != "article"], Ctx(plan, lang))
    return L.LINKS.listing(links(plan).get((entry.kind, entry.id), []), Ctx(plan, lang))


def record_detail(plan: Plan, found: Resolution | Entry, lang: Lang) -> Detail:
    """Any record: its own fields, its dates, counts, history and status, then everything linked to it, then
    the other records that answer to the same name."""
    entry = found.entry if isinstance(found, Resolution) else found
    also = found.also if isinstance(found, Resolution) else ()
    c = Ctx(plan, lang)
    tail: list[tuple[str, Listing]] = [("links", link_list(plan, entry, lang))]
    if also:
        tail.append(("also_named", L.ALSO.listing(list(also), c)))
    if entry.kind == "action":
        base = action_detail(plan, entry.record, lang)
        return replace(base, sections=(*base.sections, *tail))
    if entry.kind == "city":
        base = city_detail(plan, entry.record, lang)
        return replace(base, sections=(*base.sections, *tail))
    fields, people = record_fields(plan, entry, lang)
    r = entry.record
    extra: list[tuple[str, Listing]] = []
    if isinstance(r, (Event, Edition)):
        if r.dates:
            extra.append(("dates", L.DATES.listing(r.dates, c)))
        if r.counts:
            extra.append(("counts", L.COUNTS.listing(r.counts, c)))
        series = next((s for s in plan.series if s.id == r.series), None) if r.series else None
        if series is not None:
            if series.note is not None:
                fields.append((col("series_note", lang), series.note.pick(lang)))
            extra.append(("history", L.HISTORY.listing(q.series_members(plan, series.id), c)))
    if isinstance(r, Series):
        extra.append(("history", L.HISTORY.listing(q.series_members(plan, r.id), c)))
    if isinstance(r, Figure):
        over_time: list[Any] = list(q.observations_of(plan, r.id))
        if over_time:  # the plan's own reading at the plan's date: a later source's reading comes after it
            day = main.start if (main := _release(plan)) is not None else None
            at = len(over_time) if day is None else sum(o.as_of <= day for o in over_time)
            extra.append(("history", L.READINGS.listing([*over_time[:at], r, *over_time[at:]], c)))
    if isinstance(r, (Event, Figure)) and readings(plan, r.id):
        extra.append(("statuses", _status_history(plan, r, c)))
    facts = q.facts_about(plan, entry.id)
    if facts:
        extra.append(("facts", L.FACTS.listing(facts, c)))
    title = say("record_title", lang, kind=cat.kind(entry.kind).words.pick(lang), title=entry.title.pick(lang))
    return detail(title, fields, [*extra, *tail], lang, people)


def _status_history(plan: Plan, item: Event | Figure, c: Ctx) -> Listing:
    return L.STATUS_HISTORY.listing(readings(plan, item.id), c)


# ----------------------------------------------------------------------------------------------
# The plan's year so far
# ----------------------------------------------------------------------------------------------


def status_listing(plan: Plan, lang: Lang, year: int | None = None, as_of: str | None = None) -> Listing:
    """Every event and target of the plan's year with its latest status and evidence, and the review line."""
    c = Ctx(plan, lang)
    year = year or plan.plan.year
    standings: list[Standing] = year_so_far(plan, year, as_of)
    shown = L.STATUS_LIST.listing(standings, c, title=say("t_status", lang, year=year))
    reviewed = plan.plan.reviewed or say("not_stated", lang)
    caption = say("as_of_line", lang, reviewed=reviewed) + ("" if lang == "zh" else " ") + say("no_report_meaning", lang)
    if as_of is not None:
        period = as_of if lang == "en" or len(as_of) == 10 else f"{as_of[:4]}年" + (f"{int(as_of[5:7])}月" if len(as_of) == 7 else "")  # 2026年6月
        day = plan.plan.reviewed
        if day and (as_of > day[: len(as_of)] or _ends_after(as_of, day)):  # the whole day, month or year after the review, or a
            # month or year that holds the review day, not as its last: its status, said by a note that names the review day
            notes = [say("as_of_after_review" if as_of > day[: len(as_of)] else "as_of_period_after_review", lang, as_of=period, reviewed=day)]
            caption = say("no_report_meaning", lang)
        else:  # (the review day itself: the caption says it)
            notes = [] if as_of == day else [say("as_of_asked" if len(as_of) == 10 else "as_of_asked_period", lang, as_of=period)]
            main = _release(plan)
            if main is not None and main.year is not None and not main.start.startswith("--") and as_of < main.start[: len(as_of)]:
                notes.append(say("as_of_before_plan", lang, as_of=period, released=main.start))
        caption = " ".join([*notes, caption])
    if not standings and year != plan.plan.year:
        caption = say("status_other_year", lang, year=year, plan_year=plan.plan.year) + " " + caption
    return replace(shown, caption=caption)


def _release(plan: Plan) -> DateReading | None:
    """The date reading of the plan's release (the dialogue's), if it has one."""
    released = q.event(plan, plan.plan.released_at)
    return L.main_reading(released) if released is not None else None


def _ends_after(period: str, day: str) -> bool:
    """Whether a month or a year (``period``) holds ``day`` and ends after it."""
    if len(period) == 10 or day[: len(period)] != period:
        return False
    if len(period) == 4:
        return day[5:] != "12-31"
    import calendar

    return int(day[8:10]) != calendar.monthrange(int(period[:4]), int(period[5:7]))[1]


# ----------------------------------------------------------------------------------------------
# Overview
# ----------------------------------------------------------------------------------------------


def overview(plan: Plan, lang: Lang) -> Detail:
    """The whole plan on one screen."""
    c = Ctx(plan, lang)
    p = plan.plan
    released = q.event(plan, p.released_at)
    presenter = q.person(plan, p.presented_by)
    attendance = [f for f in plan.figures if f.id in set(plan.dialogue.figures)]
    main = L.main_reading(released) if released is not None else None  # (what _release reads)
    date = main.start if main is not None else say("date_not_stated", lang)
    fields: list[tuple[Column, Value]] = [
        (col("plan", lang, "name", table=False), p.name.pick(lang)),  # the panel's title already
        (col("summary", lang), p.summary.pick(lang)),
        (col("published", lang), say("released", lang, date=date, event=released.name.pick(lang) if released else "")),
        (col("place", lang), released.place.name.pick(lang) if released and released.place else None),
        (col("theme", lang), plan.dialogue.theme.pick(lang)),
        (col("presented_by", lang), _person_line(plan, presenter, lang) if presenter else None),
        (col("attendance", lang), "; ".join(f"{f.label.pick(lang)}: {v.amount_text(f, lang)}" for f in attendance)),
        (col("ambassadors", lang), ", ".join(x.pick(lang) for x in plan.dialogue.ambassador_countries)),
        (col("source", lang, "dim"), f"{plan.article.outlet.pick(lang)} · {', '.join(a.pick(lang) for a in plan.article.authors)}"),
    ]
    events = q.events(plan, year=p.year)
    sections = (
        ("groups", L.GROUPS.listing(plan.groups, c, title=say("groups_title", lang, groups=len(plan.groups), actions=len(plan.actions)))),
        ("targets", _narrow(L.FIGURES.listing(q.figures(plan, kind="target"), c), "label", "display", "year")),
        ("events", _narrow(L.EVENTS.listing(events, c), "name", "date", "place", title=say("year_events", lang, year=p.year))),
        ("cities", L.CITY_OFFERS.listing(plan.cities, c)),
    )
    title = Text(zh=p.short_name.zh, en=p.name.en).pick(lang)
    return detail(title, fields, sections, lang)


def _narrow(shown: Listing, *keys: str, title: str | None = None) -> Listing:
    """The same rows, with only ``keys`` shown in tables (machine formats keep every column)."""
    cols = tuple(replace(c, table=c.key in keys, wide=False) for c in shown.columns)
    return replace(shown, columns=cols, title=title or shown.title)


def _person_line(plan: Plan, person: Any, lang: Lang) -> str:
    orgs = {o.id: o for o in plan.organisations}
    roles = "; ".join(say("person_role", lang, org=orgs[r.organisation].name.pick(lang), title=r.title.pick(lang)) for r in person.roles if r.organisation in orgs)
    name = person.name.pick(lang)
    return say("person_line", lang, name=name, roles=roles) if roles else name


# ----------------------------------------------------------------------------------------------
# Export: the whole plan
# ----------------------------------------------------------------------------------------------


def typed(plan: Plan) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The plan as JSON values, every record carrying its ``type`` first; and the records one by one for JSON
    Lines, where a nested record (a city's offer) is a line of its own and its parent lists it by id."""
    data: dict[str, Any] = msgspec.to_builtins(plan)
    by_kind: list[tuple[cat.KindInfo, list[dict[str, Any]]]] = []
    for info in cat.kinds():
        if len(info.path) == 1:
            holder = data[info.path[0]]
            items = [holder] if info.single else holder
        else:
            items = [child for parent in data[info.path[0]] for child in parent[info.path[1]]]
        for item in items:
            typed_item = {"type": info.code, **item}
            item.clear()
            item.update(typed_item)
        by_kind.append((info, items))
    records: list[dict[str, Any]] = [{"type": "dialogue", **data["dialogue"]}]
    nested = {child.path[1]: child for child in cat.kinds() if child.parent is not None}
    for info, items in by_kind:
        for item in items:
            line = {k: ([x["id"] for x in val] if k in nested and isinstance(val, list) else val) for k, val in item.items()}
            records.append(line)
    for child in nested.values():
        parent_info = cat.kind(child.parent or "")
        for parent in data[parent_info.path[0]]:
            for line in records:
                if line.get("type") == child.code and line.get("id") in {x["id"] for x in parent[child.path[1]]}:
                    line.setdefault(parent_info.code, parent["id"])
    return data, records


def export(plan: Plan, lang: Lang) -> Bundle:
    """The whole plan: typed JSON for scripts, a record a line for JSON Lines, a briefing of every view for people
    (the overview, each action, the figures, the year so far, every event and edition, each city, the sectors,
    the sources)."""
    parts: list[tuple[int, Detail | Listing]] = [(2, overview(plan, lang))]
    c = Ctx(plan, lang)
    parts += [(3, action_detail(plan, a, lang)) for a in plan.actions]
    parts.append((2, L.FIGURES.listing(plan.figures, c)))
    parts.append((2, status_listing(plan, lang)))  # the year so far, as of the last review
    parts.append((2, L.EVENTS.listing(q.events(plan), c)))  # the plan's events and the earlier editions of their series
    parts += [(3, city_detail(plan, city, lang)) for city in plan.cities]
    parts.append((2, L.SECTORS.listing(q.sector_index(plan), c)))
    sources = widen(L.SOURCE_LIST.listing([plan.article, *plan.sources], c))  # with each source's outlet and rating
    parts.append((2, cast(Listing, sources)))
    art = plan.article
    authors = ", ".join(a.pick(lang) for a in art.authors)
    data, records = typed(plan)
    return Bundle(data=data, records=tuple(records), parts=tuple(parts),
                  footer=f"{art.title.pick(lang)} — {art.outlet.pick(lang)}, {authors}. {art.numbering.pick(lang)}")


def labels_complete() -> list[str]:
    """Field names of the model with no label in both languages (a test keeps this empty)."""
    return sorted({name for info in cat.kinds() for name in cat.fields(info.struct) if name not in LABELS and name not in _SECTIONS})
