"""Views: model records -> Listing/Detail in one language.

Each function takes records already chosen by ``query`` and a language; it decides which fields a
person or a script sees, and how numbers, money and missing values read. Every word people read comes
from the catalogue in ``words.py``; no view branches on the language.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from . import query
from .documents import Bundle, Column, Detail, Listing, Value, replace
from .model import Action, City, Count, Edition, Event, Figure, Lang, Measure, Person, Plan, Text
from .words import CHINESE_COLUMN, FIELDS, KINDS, LABELS, RELATIONS, SCALES, label, say, words_for


class Col(msgspec.Struct, frozen=True):
    """How a view shows one key: its style, and whether tables show it (machine formats show every key)."""

    key: str
    style: str = ""
    table: bool = True
    wide: bool = False  # in tables only with --wide: the default columns fit an 80-column screen


# coded values (stable in JSON, CSV and TSV), shown to people as words of their language
_CODED = {
    "attribution": ("stated", "inferred", "group"),
    "kind": ("target", "status", "seeking", "industry", "cluster", "strength"),
}


def col(key: str, lang: Lang, style: str = "", table: bool = True) -> Column:
    """A column whose header is the label of ``key`` in ``lang``."""
    return Column(key=key, header=label(key, lang), style=style, table=table)


def columns(lang: Lang, *specs: Col, coded: bool = False) -> tuple[Column, ...]:
    """Columns for specs; a "date" style reads 'date not stated' when missing; coded keys get their words."""
    out = []
    for spec in specs:
        c = replace(col(spec.key, lang, spec.style, spec.table), wide=spec.wide)
        if spec.style == "date":
            c = replace(c, style="", missing=say("date_not_stated", lang))
        if coded and spec.key in _CODED:
            c = replace(c, labels=words_for(_CODED[spec.key], lang))
        out.append(c)
    return tuple(out)


def listing(title: str, cols: tuple[Column, ...], rows: Sequence[dict[str, Value]], lang: Lang) -> Listing:
    """A listing with the language's words for missing values and for no rows."""
    return Listing(title=title, columns=cols, rows=tuple(rows), missing=say("not_stated", lang), empty=say("none", lang))


def detail(title: str, fields: Sequence[tuple[Column, Value]], sections: Sequence[tuple[str, Listing]], lang: Lang) -> Detail:
    """A detail with the language's word for missing values."""
    return Detail(title=title, fields=tuple(fields), sections=tuple(sections), missing=say("not_stated", lang))


# ----------------------------------------------------------------------------------------------
# Numbers
# ----------------------------------------------------------------------------------------------


def _plain(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.6g}"


def amount(value: float, unit: Text, lang: Lang) -> str:
    """A number with its unit, large amounts in words: 1.6 trillion yuan / 1.6万亿元."""
    for size, scale in SCALES[lang]:
        if value >= size and value >= 1e6:
            return say("amount_scaled", lang, n=f"{value / size:.4g}", scale=scale, unit=unit.pick(lang))
    return say("amount_plain", lang, n=_plain(value), unit=unit.pick(lang))


def _ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def figure_display(f: Figure, lang: Lang) -> str:
    """A figure as a person reads it: 'at least 500 events', '1.6 trillion yuan', '力争突破7500亿元', '2nd'."""
    if f.ordinal:
        return say("ordinal", lang, n=int(f.value), nth=_ordinal_en(int(f.value)), unit=f.unit.pick(lang))
    return say(f"fig_{f.comparator.value}", lang, amount=amount(f.value, f.unit, lang))


def _number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


# ----------------------------------------------------------------------------------------------
# Actions
# ----------------------------------------------------------------------------------------------


def action_list(plan: Plan, actions: Sequence[Action], lang: Lang) -> Listing:
    """Actions with their group and how much the plan says about each."""
    rows = []
    for a in actions:
        g = query.group_of(plan, a)
        rows.append({
            "id": a.id, "slug": a.slug, "group": g.id, "group_name": g.name.pick(lang), "name": a.name.pick(lang),
            "name_zh": a.name.zh, "summary": a.summary.pick(lang),
            "measures": len(query.measures_of(plan, a)), "events": len(query.events_of(plan, a)),
            "figures": len(query.figures_of(plan, a)), "cites": a.cites,
        })
    cols = columns(lang, Col("id", "id"), Col("slug", "dim", False), Col("group", "number", True, True), Col("group_name", "dim", False), Col("name", "name"),
                   Col("name_zh", "", CHINESE_COLUMN[lang], True), Col("summary", "", False), Col("measures", "number"), Col("events", "number"),
                   Col("figures", "number"), Col("cites", "dim", False))
    return listing(say("t_actions", lang), cols, rows, lang)


def measure_list(title: str, measures: Sequence[Measure], lang: Lang) -> Listing:
    """Measures with how each is tied to an action (stated, inferred, group only) and their citations."""
    rows = [{"text": m.text.pick(lang), "action": m.action, "attribution": m.attribution.value, "cites": m.cites, "id": m.id} for m in measures]
    cols = columns(lang, Col("text"), Col("action", "number", False), Col("attribution", "dim"), Col("cites", "dim"), Col("id", "dim", False), coded=True)
    return listing(title, cols, rows, lang)


def action_detail(plan: Plan, a: Action, lang: Lang) -> Detail:
    """Everything the plan says about one action, with citations."""
    g = query.group_of(plan, a)
    fields: list[tuple[Column, Value]] = [
        (col("id", lang, "id"), a.id), (col("slug", lang), a.slug), (col("name", lang, "name"), a.name.pick(lang)),
        (col("name_zh", lang, "", CHINESE_COLUMN[lang]), a.name.zh),
        (col("group", lang), f"{g.id} · {g.name.pick(lang)}"), (col("summary", lang), a.summary.pick(lang)),
        (col("keywords", lang, "dim"), ", ".join(a.keywords)), (col("cites", lang, "dim"), a.cites),
    ]
    sections = [("measures", measure_list(say("t_measures", lang), query.measures_of(plan, a), lang))]
    shared = query.group_measures(plan, g)
    if shared:
        sections.append(("group_measures", measure_list(say("group_measures", lang, id=g.id, name=g.name.pick(lang)), shared, lang)))
    prog_rows = [{"name": p.name.pick(lang), "kind": p.kind.pick(lang), "summary": p.summary.pick(lang), "id": p.id} for p in query.programmes_of(plan, a)]
    sections.append(("programmes", listing(say("t_programmes", lang), columns(lang, Col("name", "name"), Col("kind"), Col("summary"), Col("id", "dim", False)), prog_rows, lang)))
    sections.append(("figures", figure_list(plan, query.figures_of(plan, a), lang)))
    sections.append(("events", event_list(plan, query.events_of(plan, a), lang)))
    return detail(say("action_title", lang, id=a.id, name=a.name.pick(lang)), fields, sections, lang)


# ----------------------------------------------------------------------------------------------
# Figures and events
# ----------------------------------------------------------------------------------------------


def figure_list(plan: Plan, figures: Sequence[Figure], lang: Lang) -> Listing:
    """Figures with value, unit, comparator, year and scope; money readable."""
    linked = query.figure_actions(plan)
    rows = [{
        "id": f.id, "label": f.label.pick(lang), "display": figure_display(f, lang), "value": _number(f.value),
        "unit": f.unit.pick(lang), "comparator": f.comparator.value, "year": f.year, "time": f.time.pick(lang) if f.time else None,
        "kind": f.kind.value, "scope": f.scope.pick(lang), "original": f.original, "note": f.note.pick(lang) if f.note else None,
        "actions": [str(a) for a in linked.get(f.id, [])], "cites": f.cites, "sources": sorted({r.source for r in f.sources}),
        "source_count": source_count(f),
    } for f in figures]
    cols = columns(lang, Col("id", "dim", False), Col("label", "name"), Col("display"), Col("value", "", False), Col("unit", "", False),
                   Col("comparator", "", False), Col("year", "number"), Col("time", "", False), Col("kind", "dim"), Col("scope", "", True, True),
                   Col("original", "", CHINESE_COLUMN[lang], True), Col("note", "", False), Col("actions", "", False), Col("cites", "dim", False),
                   Col("sources", "dim", False), Col("source_count", "number", True, True), coded=True)
    return listing(say("t_figures", lang), cols, rows, lang)


def _place(e: Event, cities: dict[str, City], lang: Lang) -> str | None:
    city = cities.get(e.city) if e.city else None
    place = city.name.pick(lang) if city else (e.place.pick(lang) if e.place else None)
    if place and e.place_from_name:
        return say("place_from_name", lang, place=place)
    return place


def when_text(when: str, lang: Lang) -> str:
    """A date as precise as its source: 2021-07-15, 2021-07, or a range 2022-06-19 – 06-21."""
    first, _, last = when.partition("/")
    if not last:
        return first
    same = 8 if first[:8] == last[:8] else 5 if first[:5] == last[:5] else 0
    return f"{first} – {last[same:]}"


def dates_text(edition: Edition, lang: Lang) -> str | None:
    """Every date reading of an edition with its status: '2022-06-19 – 21 held; 2022-06-20 – 21 scheduled'."""
    parts = [say("dated", lang, when=when_text(d.when, lang), status=say(f"status_{d.status}", lang) + (say("year_from_context", lang) if d.year_from_context else ""))
             for d in edition.dates]
    return "; ".join(parts) or None


def _edition_place(e: Edition, lang: Lang) -> str | None:
    parts = [t.pick(lang) for t in (e.venue, e.city) if t is not None]
    return ", ".join(parts) or None


def source_count(record: object) -> int:
    """How many sources back a record: the article (if it cites paragraphs) and each other source, once."""
    return (1 if getattr(record, "cites", None) else 0) + len({r.source for r in getattr(record, "sources", [])})


def event_list(plan: Plan, events: Sequence[Event | Edition], lang: Lang) -> Listing:
    """Events of the plan and earlier editions of their series; a missing date reads 'date not stated', a place
    read from a name says so, a year that is the plan's says so, an action tied by our reading says so."""
    cities = query.cities_by_id(plan)
    series_of = {ev: s.id for s in plan.series for ev in s.events}  # once, not a scan of the series per event
    rows = []
    for e in events:
        if isinstance(e, Edition):
            rows.append({
                "id": e.id, "name": e.name.pick(lang), "name_zh": e.name.zh, "kind": say("edition_kind", lang), "year": e.year,
                "year_from_plan": False, "date": dates_text(e, lang), "edition": e.edition, "series": e.series, "city": None,
                "place": _edition_place(e, lang), "place_from_name": False, "action": None, "attribution": None,
                "note": (e.note.pick(lang) if e.note else None), "cites": [], "sources": sorted({r.source for r in e.sources}),
                "source_count": source_count(e),
            })
            continue
        refs = sorted({r.source for r in e.sources})
        rows.append({
            "id": e.id, "name": e.name.pick(lang), "name_zh": e.name.zh, "kind": e.kind.pick(lang), "year": e.year,
            "year_from_plan": e.year_from_plan, "date": e.date.isoformat() if e.date else None, "edition": e.edition,
            "series": series_of.get(e.id), "city": e.city, "place": _place(e, cities, lang), "place_from_name": e.place_from_name,
            "action": e.action, "attribution": e.attribution.value if e.attribution else None, "note": e.note.pick(lang) if e.note else None,
            "cites": e.cites, "sources": refs, "source_count": (1 if e.cites else 0) + len(refs),
        })
    cols = columns(lang, Col("id", "dim", False), Col("name", "name"), Col("name_zh", "", CHINESE_COLUMN[lang], True), Col("kind", "dim", True, True), Col("year"),
                   Col("year_from_plan", "", False), Col("date", "date"), Col("edition", "number", False), Col("series", "", False), Col("city", "", False),
                   Col("place"), Col("place_from_name", "", False), Col("action", "number", True, True), Col("attribution", "dim", False), Col("note", "", False),
                   Col("cites", "dim", False), Col("sources", "dim", False), Col("source_count", "number", False), coded=True)
    qualified = {"year": ("year_from_plan", {"True": say("plan_year", lang)}), "action": ("attribution", {"inferred": say("inferred", lang)})}
    cols = tuple(replace(c, qualifier=qualified[c.key][0], qualifiers=qualified[c.key][1]) if c.key in qualified else c for c in cols)
    return listing(say("t_events", lang), cols, rows, lang)


def count_text(c: Count, lang: Lang) -> str:
    """A count as people read it: 'more than 10,000', 'about 6 billion yuan'."""
    base = amount(c.value, c.unit, lang) if c.unit else _plain(c.value)
    return say(f"fig_{c.comparator.value}", lang, amount=base)


def history_list(plan: Plan, series_id: str, lang: Lang) -> Listing:
    """A series' earlier editions as a small table: edition, year, dates, place, headline counts, sources."""
    rows = [{
        "id": e.id, "edition": e.edition, "year": e.year, "date": dates_text(e, lang), "place": _edition_place(e, lang),
        "counts": [f"{c.label.pick(lang)}: {count_text(c, lang)}" for c in e.counts[:3]], "source_count": source_count(e),
    } for e in query.editions_of(plan, series_id)]
    cols = columns(lang, Col("id", "dim", False), Col("edition", "number"), Col("year", "number"), Col("date", "date"), Col("place"), Col("counts"), Col("source_count", "number"))
    return listing(say("t_history", lang), cols, rows, lang)


def count_list(e: Edition, lang: Lang) -> Listing:
    """An edition's headline counts, each with the source's own wording and its sources."""
    rows = [{"label": c.label.pick(lang), "display": count_text(c, lang), "value": _number(c.value), "original": c.original,
             "scope": c.scope.pick(lang) if c.scope else None, "note": c.note.pick(lang) if c.note else None,
             "sources": sorted({r.source for r in c.sources})} for c in e.counts]
    cols = columns(lang, Col("label", "name"), Col("display"), Col("value", "", False), Col("original"), Col("scope", "", False), Col("note", "", False), Col("sources", "dim"))
    return listing(say("t_counts", lang), cols, rows, lang)


def observation_list(plan: Plan, f: Figure, lang: Lang) -> Listing:
    """A figure over time: earlier readings from the sources, then the plan's own, with a bar for the eye."""
    rows = [{"when": when_text(o.when, lang), "value": _number(o.value) if o.value is not None else None, "original": o.original,
             "note": o.note.pick(lang) if o.note else None, "sources": sorted({r.source for r in o.sources})} for o in query.observations_of(plan, f.id)]
    if rows:
        rows.append({"when": say("this_plan", lang, year=plan.plan.year), "value": _number(f.value), "original": f.original, "note": None,
                     "sources": ["article", *sorted({r.source for r in f.sources})]})
    cols = columns(lang, Col("when"), Col("value", "bar"), Col("original"), Col("note"), Col("sources", "dim"))
    return listing(say("t_readings", lang), cols, rows, lang)


# ----------------------------------------------------------------------------------------------
# Cities and sectors
# ----------------------------------------------------------------------------------------------


def city_list(plan: Plan, lang: Lang) -> Listing:
    """The five presenting cities."""
    rows = [{
        "id": c.id, "name": c.name.pick(lang), "name_zh": c.name.zh, "framing": c.framing.pick(lang),
        "offers": len(c.offers), "aliases": c.aliases, "cites": c.cites,
    } for c in plan.cities]
    cols = columns(lang, Col("id", "id", True, True), Col("name", "name"), Col("name_zh", "", CHINESE_COLUMN[lang]), Col("framing"), Col("offers", "bar"), Col("aliases", "dim", False), Col("cites", "dim", False))
    return listing(say("t_cities", lang), cols, rows, lang)


def city_detail(plan: Plan, c: City, lang: Lang) -> Detail:
    """A city's pitch in its own framing: fields, clusters, strengths, and where the plan names it."""
    fields: list[tuple[Column, Value]] = [
        (col("id", lang, "id"), c.id), (col("name", lang, "name"), c.name.pick(lang)), (col("name_zh", lang, "", CHINESE_COLUMN[lang]), c.name.zh),
        (col("aliases", lang, "dim"), ", ".join(c.aliases)), (col("framing", lang), c.framing.pick(lang)),
        (col("highlights", lang), [h.pick(lang) for h in c.highlights]), (col("cites", lang, "dim"), c.cites),
    ]
    sector_names = {s.id: s.name.pick(lang) for s in plan.sectors}
    offer_rows = [{"name": o.name.pick(lang), "name_zh": o.name.zh, "kind": o.kind.value,
                   "sectors": [sector_names[s] for s in o.sectors], "id": o.id} for o in c.offers]
    offer_cols = columns(lang, Col("name", "name"), Col("name_zh", "", CHINESE_COLUMN[lang]), Col("kind"), Col("sectors"), Col("id", "dim", False), coded=True)
    sections = [
        ("offers", listing(say("t_offers", lang), offer_cols, offer_rows, lang)),
        ("events", event_list(plan, query.events_in_city(plan, c), lang)),
        ("measures", measure_list(say("t_city_measures", lang), query.measures_for_city(plan, c), lang)),
    ]
    return detail(say("city_title", lang, zh=c.name.zh, en=c.name.en), fields, sections, lang)


def sector_list(entries: Sequence[query.SectorEntry], lang: Lang) -> Listing:
    """The cross-city index: one row per sector, city and the city's own wording."""
    rows = [{
        "sector": e.sector.id, "sector_name": e.sector.name.pick(lang), "city": e.city.name.pick(lang),
        "offer": e.offer.name.pick(lang), "offer_zh": e.offer.name.zh, "kind": e.offer.kind.value, "id": e.offer.id,
    } for e in entries]
    cols = columns(lang, Col("sector", "dim", False), Col("sector_name", "name"), Col("city", "id"), Col("offer"), Col("offer_zh", "", CHINESE_COLUMN[lang], True),
                   Col("kind", "dim"), Col("id", "dim", False), coded=True)
    return listing(say("t_sectors", lang), cols, rows, lang)


def search_note(result: object, query: str, lang: Lang) -> str:
    """In words: what the plan does not mention, and the nearest words it does use; '' when every word was found."""
    unknown, suggestions, hits = result.unknown, result.suggestions, result.hits  # type: ignore[attr-defined]
    near = list(dict.fromkeys(w for word in unknown for w in suggestions.get(word, [])))
    if not hits:
        text = say("no_hits", lang, query=query)
        return text + (" " + say("did_you_mean", lang, near=", ".join(near)) if near else "")
    if not unknown:
        return ""
    parts = [say("not_mentioned", lang, word=word) for word in unknown]
    return " ".join(parts) + (" " + say("did_you_mean", lang, near=", ".join(near)) if near else "")


def search_list(result: object, query: str, lang: Lang) -> Listing:
    """Search hits, best first; kinds and fields are codes, shown as words of the view's language.

    With no hits, the listing's empty text says so in words, with the nearest words the plan uses."""
    hits = result.hits  # type: ignore[attr-defined]
    rows = [{"score": h.score, "kind": h.kind, "id": h.id, "title": h.title.pick(lang), "field": h.field, "matched": h.matched} for h in hits]
    cols = columns(lang, Col("score", "number", False), Col("kind", "dim"), Col("id", "id"), Col("title", "name"), Col("field", "dim", True, True), Col("matched", "", False))
    words = {"kind": words_for(KINDS, lang), "field": words_for(FIELDS, lang)}
    cols = tuple(replace(c, labels=words[c.key]) if c.key in words else c for c in cols)
    shown = listing(say("t_search", lang), cols, rows, lang)
    return replace(shown, empty=search_note(result, query, lang)) if not hits else shown


# ----------------------------------------------------------------------------------------------
# Overview
# ----------------------------------------------------------------------------------------------


def overview(plan: Plan, lang: Lang) -> Detail:
    """The whole plan on one screen."""
    p = plan.plan
    released = query.event_by_id(plan, p.released_at)
    presenter = query.person_by_id(plan, p.presented_by)
    attendance = query.figures_by_id(plan, plan.dialogue.figures)
    date = released.date.isoformat() if released and released.date else say("date_not_stated", lang)
    fields: list[tuple[Column, Value]] = [
        (col("plan", lang, "name", table=False), p.name.pick(lang)),  # the panel's title already
        (col("summary", lang), p.summary.pick(lang)),
        (col("published", lang), say("released", lang, date=date, event=released.name.pick(lang) if released else "")),
        (col("venue", lang), released.place.pick(lang) if released and released.place else None),
        (col("theme", lang), plan.dialogue.theme.pick(lang)),
        (col("presented_by", lang), _person_line(plan, presenter, lang) if presenter else None),
        (col("attendance", lang), "; ".join(f"{f.label.pick(lang)}: {figure_display(f, lang)}" for f in attendance)),
        (col("ambassadors", lang), ", ".join(c.pick(lang) for c in plan.dialogue.ambassador_countries)),
        (col("source", lang, "dim"), f"{plan.source.outlet.pick(lang)} · {', '.join(a.pick(lang) for a in plan.source.authors)}"),
    ]
    group_rows = [{"id": g.id, "name": g.name.pick(lang), "actions": [f"{a.id}. {a.name.pick(lang)}" for a in query.actions_in_group(plan, g.id)]} for g in plan.groups]
    city_rows = [{"id": c.id, "name": c.name.pick(lang), "offers": len(c.offers), "offer_list": ", ".join(o.name.pick(lang) for o in c.offers)} for c in plan.cities]
    sections = (
        ("groups", listing(say("groups_title", lang, groups=len(plan.groups), actions=len(plan.actions)), columns(lang, Col("id", "id"), Col("name", "name"), Col("actions")), group_rows, lang)),
        ("targets", _narrow(figure_list(plan, query.figures(plan, kind="target"), lang), "label", "display", "year")),
        ("events", _narrow(event_list(plan, query.events(plan, year=p.year), lang), "name", "date", "place", title=say("year_events", lang, year=p.year))),
        ("cities", listing(say("t_cities", lang), columns(lang, Col("id", "id"), Col("name", "name"), Col("offers", "bar"), Col("offer_list")), city_rows, lang)),
    )
    title = Text(zh=p.short_name.zh, en=p.name.en).pick(lang)
    return detail(title, fields, sections, lang)


def _narrow(shown: Listing, *keys: str, title: str | None = None) -> Listing:
    """The same rows, with only ``keys`` shown in tables (machine formats keep every column)."""
    cols = tuple(replace(c, table=c.key in keys) for c in shown.columns)
    return replace(shown, columns=cols, title=title or shown.title)


def _person_line(plan: Plan, person: Person, lang: Lang) -> str:
    orgs = query.organisations_by_id(plan)
    roles = "; ".join(say("person_role", lang, org=orgs[r.organisation].name.pick(lang), title=r.title.pick(lang)) for r in person.roles if r.organisation in orgs)
    name = person.name.pick(lang)
    return say("person_line", lang, name=name, roles=roles) if roles else name


def export(plan: Plan, lang: Lang) -> Bundle:
    """The whole plan: the model for machine formats; for people, a briefing of every view, with the source cited."""
    parts: list[tuple[int, Detail | Listing]] = [(2, overview(plan, lang))]
    parts += [(3, action_detail(plan, a, lang)) for a in plan.actions]
    parts.append((2, figure_list(plan, plan.figures, lang)))
    parts.append((2, event_list(plan, plan.events, lang)))
    parts += [(3, city_detail(plan, c, lang)) for c in plan.cities]
    parts.append((2, sector_list(query.sector_index(plan), lang)))
    src = plan.source
    authors = ", ".join(a.pick(lang) for a in src.authors)
    return Bundle(data=plan, parts=tuple(parts), footer=f"{src.title.pick(lang)} — {src.outlet.pick(lang)}, {authors}. {src.numbering.pick(lang)}")


# ----------------------------------------------------------------------------------------------
# Any record
# ----------------------------------------------------------------------------------------------


def _field_value(value: object, lang: Lang) -> Value | None:
    """A model value as a Detail value: texts in ``lang``, codes as codes; nested records are shown as links instead."""
    import datetime as dt
    from enum import Enum

    import msgspec

    if isinstance(value, Text):
        return value.pick(lang)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, msgspec.Struct):
        return None
    if isinstance(value, list):
        if any(isinstance(v, msgspec.Struct) and not isinstance(v, Text) for v in value):
            return None
        return [v.pick(lang) if isinstance(v, Text) else v for v in value]  # type: ignore[misc]
    return value  # type: ignore[return-value]


def link_list(plan: Plan, entry: query.Entry, lang: Lang) -> Listing:
    """Every record linked to ``entry``, in both directions, with the relation in words."""
    titles = {(e.kind, e.id): e.title for e in query.entries(plan)}
    rows = [{"relation": link.relation, "kind": link.kind, "id": link.id, "title": titles[(link.kind, link.id)].pick(lang)}
            for link in query.links(plan).get((entry.kind, entry.id), []) if (link.kind, link.id) in titles]
    cols = columns(lang, Col("relation", "dim"), Col("kind", "dim"), Col("id", "id"), Col("title", "name"))
    words = {"relation": words_for(RELATIONS, lang), "kind": words_for(KINDS, lang)}
    cols = tuple(replace(c, labels=words[c.key]) if c.key in words else c for c in cols)
    return listing(say("t_links", lang), cols, rows, lang)


_ALWAYS = frozenset({"date", "year", "place", "city", "time", "action"})  # missing values a reader asks about


def record_detail(plan: Plan, entry: query.Entry, lang: Lang) -> Detail:
    """Any record: its own fields, then everything linked to it. Actions and cities get their full views."""
    import msgspec

    links = ("links", link_list(plan, entry, lang))
    if entry.kind == "action":
        base = action_detail(plan, entry.record, lang)  # type: ignore[arg-type]
        return replace(base, sections=(*base.sections, links))
    if entry.kind == "city":
        base = city_detail(plan, entry.record, lang)  # type: ignore[arg-type]
        return replace(base, sections=(*base.sections, links))
    fields: list[tuple[Column, Value]] = [(col("type", lang, "dim"), KINDS[entry.kind].pick(lang))]
    extra: list[tuple[str, Listing]] = []
    r = entry.record
    if entry.kind == "event":
        s = query.series_of_event(plan, entry.id)
        if s is not None:
            if r.series is None:  # type: ignore[attr-defined]
                fields.append((col("series", lang), s.name.pick(lang)))
            if s.note:
                fields.append((col("series_note", lang), s.note.pick(lang)))
            extra.append(("history", history_list(plan, s.id, lang)))
    elif entry.kind == "series":
        extra.append(("history", history_list(plan, entry.id, lang)))
    elif entry.kind == "edition":
        fields.append((col("date", lang), dates_text(r, lang)))  # type: ignore[arg-type]
        extra.append(("counts", count_list(r, lang)))  # type: ignore[arg-type]
    elif entry.kind == "figure":
        history = observation_list(plan, r, lang)  # type: ignore[arg-type]
        if history.rows:
            extra.append(("history", history))
    elif entry.kind == "source":
        used = query.source_usage(plan).get(entry.id, [])
        fields.append((col("records", lang), len(used)))
    if entry.kind in ("figure", "event", "edition", "statement", "document", "organisation"):
        fields.append((col("source_count", lang), source_count(r)))
    if entry.kind == "figure":
        fields.append((col("display", lang, "name"), figure_display(entry.record, lang)))  # type: ignore[arg-type]
    for f in msgspec.structs.fields(entry.record):  # type: ignore[arg-type]
        raw = getattr(entry.record, f.name)
        value = _field_value(raw, lang)
        if raw is None and f.name not in _ALWAYS or raw == [] or raw is False or f.name in ("dates", "counts"):
            continue  # what the record does not have; the fields a reader asks about (date, place, ...) say "not stated"
        if value is None and raw is not None:
            continue  # nested records: shown as links
        if f.name == "keywords":
            value = ", ".join(raw)
        elif f.name == "sources" and isinstance(raw, list):
            value = sorted({x.source for x in raw})
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        head = LABELS[f.name].pick(lang) if f.name in LABELS else f.name.replace("_", " ").capitalize()
        fields.append((Column(f.name, head, "id" if f.name == "id" else ""), value))
    return detail(say("record_title", lang, kind=KINDS[entry.kind].pick(lang), title=entry.title.pick(lang)), fields, [*extra, links], lang)


def source_list(plan: Plan, lang: Lang) -> Listing:
    """Every source: the primary article first, then the others, each with how many records it backs."""
    usage = query.source_usage(plan)
    src = plan.source
    rows = [{"id": "article", "outlet": src.outlet.pick(lang), "date": None, "language": "zh", "reliability": "primary",
             "records": len(usage.get("article", [])), "about": src.title.pick(lang), "url": None, "file": src.file}]
    rows += [{"id": s.id, "outlet": s.outlet.pick(lang), "date": s.date, "language": s.language, "reliability": s.reliability,
              "records": len(usage.get(s.id, [])), "about": s.about.pick(lang), "url": s.url, "file": s.file} for s in plan.sources]
    cols = columns(lang, Col("id", "id"), Col("outlet", "name", True, True), Col("date", "date"), Col("language", "dim", False), Col("reliability", "dim", True, True),
                   Col("records", "number"), Col("about", "", False), Col("url", "", False), Col("file", "", False))
    cols = tuple(replace(c, labels=words_for(("primary", "official", "major", "minor", "repost"), lang)) if c.key == "reliability" else c for c in cols)
    return listing(say("t_sources", lang), cols, rows, lang)
