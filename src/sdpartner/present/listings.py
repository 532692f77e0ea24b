"""Every listing, declared once: its fields in order, how each is got, how people see it.

The JSON keys of every command come from here (docs/json-output.md is generated from these declarations by
``scripts/make_docs.py``, and a test fails when it differs from what the commands print). Two are declared with
the only command that prints them, so that it does not import the rest: ``search``'s (``hits.SEARCH``) and
``diff``'s (``changes.DIFF``); ``command_listings`` lists them all.
"""

from __future__ import annotations

from typing import Any

from ..plan import catalogue as cat
from ..plan.model import Amount, DateReading, Edition, Event, Figure, Plan, Source
from ..text import Text
from ..query import filters as q
from ..query.links import Link, cited_sources, relation_words, source_count
from ..query.status import Standing, standing
from ..words import say
from . import values as v
from .fields import Ctx, Field, Spec, kind_words


def _type(code: str) -> Field:
    return Field("type", lambda item, ctx: code, show="machine", coded=kind_words, doc=f"`{code}`")


def _sources(item: Any, ctx: Ctx) -> list[str]:
    return cited_sources(item)


def _source_count(item: Any, ctx: Ctx) -> int:
    return source_count(item)


SOURCES = Field("sources", _sources, style="dim", show="machine", type="string[]", doc="ids of the other sources it cites (`sdpartner sources`)")
SOURCE_COUNT = Field("source_count", _source_count, style="number", show="machine", type="int", doc="how many sources back it (the article counts as one)")
CITES = Field("cites", style="dim", show="machine", type="int[]", doc="paragraphs of the primary article")

# ----------------------------------------------------------------------------------------------
# Actions and measures
# ----------------------------------------------------------------------------------------------


def _group(a: Any, ctx: Ctx) -> Any:
    return ctx.memo("groups", lambda: {g.id: g for g in ctx.plan.groups})[a.group]


ACTIONS = Spec("actions list", "t_actions", [
    Field("id", style="id", type="int", doc="1-10"),
    _type("action"),
    Field("slug", style="dim", show="machine", doc="e.g. `belt-and-road`"),
    Field("group", style="number", show="wide", type="int"),
    Field("group_name", lambda a, ctx: _group(a, ctx).name, style="dim", show="machine"),
    Field("name", style="name"),
    Field("name_zh", lambda a, ctx: a.name.zh, show="chinese", doc="the Chinese name, in every language"),
    Field("summary", show="machine"),
    Field("summary_note", show="machine", doc="where the summary is our reading of a short wording, it says so"),
    Field("measures", lambda a, ctx: len(q.measures_of(ctx.plan, a)), style="number", type="int", doc="how many measures are tied to it"),
    Field("events", lambda a, ctx: len(q.events_of(ctx.plan, a)), style="number", type="int", doc="how many events are tied to it"),
    Field("figures", lambda a, ctx: len(q.figures_of(ctx.plan, a)), style="number", type="int", doc="how many figures are linked to it"),
    CITES,
])

MEASURES = Spec("measures", "t_measures", [
    Field("text", label=Text(zh="内容", en="Measure")),
    Field("action", style="number", show="machine", type="int or null"),
    Field("attribution", style="dim", coded=("stated", "inferred", "group"), doc="`stated`, `inferred` or `group`"),
    CITES,
    Field("id", style="dim", show="machine"),
    _type("measure"),
])

PROGRAMMES = Spec("programmes", "t_programmes", [
    Field("name", style="name"),
    Field("kind"),
    Field("summary"),
    Field("id", style="dim", show="machine"),
    _type("programme"),
])

# ----------------------------------------------------------------------------------------------
# Figures, dates, events
# ----------------------------------------------------------------------------------------------


def _status_of(item: Any, ctx: Ctx) -> Standing | None:
    if not isinstance(item, (Event, Figure)):
        return None
    return standing(ctx.plan, item)


def status_words(st: Standing | None, ctx: Ctx) -> str | None:
    """A status as people read it: 'reported held (opened): 2026-06-16, an exhibitor's account'."""
    if st is None:
        return None
    lang = ctx.lang
    word = say(f"st_{st.code}", lang)
    if st.latest is None:
        return word
    ev = st.latest.evidence[-1]
    source = _source_words(ev.source, ctx)
    return say("status_line", lang, status=word, date=ev.date, source=source)


def _source_words(source_id: str, ctx: Ctx) -> str:
    s = v.sources_by_id(ctx.plan).get(source_id)
    if s is None:
        return source_id
    return s.caveat.pick(ctx.lang) if s.caveat is not None else s.outlet.pick(ctx.lang)


def _applies(item: Any) -> bool:
    return isinstance(item, Event) or (isinstance(item, Figure) and item.kind.value == "target")


STATUS_CODES = ("no_report", "scheduled", "opened", "held", "closed", "met", "partly_met", "missed")
STATUS = Field("status", lambda item, ctx: (_status_of(item, ctx).code if _applies(item) else None),  # type: ignore[union-attr]
               words=lambda item, ctx: status_words(_status_of(item, ctx), ctx) if _applies(item) else None,
               show="wide", coded="st_", missing="not_applicable", doc="the plan year's status: " + ", ".join(f"`{c}`" for c in STATUS_CODES) + " (`sdpartner status`)")

AMOUNT_FIELDS = [
    Field("value", lambda a, ctx: v.number(a.value), show="machine", type="number", doc="the number, money in yuan or dollars: `750000000000`"),
    Field("qualifier", show="machine", doc="`exact`, `about`, `nearly`, `at_least`, `more_than`, `up_to`, as the source words it"),
    Field("unit", show="machine", type="string or null", doc="what is counted or measured"),
    Field("currency", show="machine", type="string or null", doc="`CNY` or `USD` for money"),
    Field("ordinal", show="machine", type="bool", doc="the value is a place in a ranking"),
    Field("aim", show="machine", type="bool", doc="the source words it as an aim (力争)"),
]

FIGURES = Spec("targets", "t_figures", [
    Field("id", style="dim", show="machine"),
    _type("figure"),
    Field("label", style="name"),
    Field("display", lambda f, ctx: v.amount_text(f, ctx.lang), doc="readable: `at least 500 events`, `1.6 trillion yuan`, `力争突破7500亿元`"),
    *AMOUNT_FIELDS,
    Field("year", style="number", type="int or null"),
    Field("time", show="machine", type="string or null", doc="the source's time wording"),
    Field("kind", style="dim", coded=("target", "status"), doc="`target` (set by the plan) or `status` (reported)"),
    Field("scope", show="wide"),
    Field("original", show="chinese", doc="the source's own wording"),
    Field("note", show="machine", type="string or null"),
    Field("actions", lambda f, ctx: [str(a) for a in ctx.memo("figure_actions", lambda: q.figure_actions(ctx.plan)).get(f.id, [])], show="machine",
          type="string[]", doc="ids of linked actions"),
    Field("status", STATUS.get, words=STATUS.words, coded="st_", missing="not_applicable", doc=STATUS.doc),
    CITES, SOURCES,
    Field("source_count", lambda f, ctx: source_count(f), style="number", show="wide", type="int", doc=SOURCE_COUNT.doc),
])


def main_reading(item: Any) -> DateReading | None:
    """The date reading that says when an event took place (held, opened, closed), else the first one."""
    dates = getattr(item, "dates", [])
    return next((d for d in dates if d.what in ("held", "opened", "closed")), dates[0] if dates else None)


def iso(d: DateReading | None) -> str | None:
    """A date reading as ISO 8601: a day, month or year, or an interval start/end."""
    if d is None:
        return None
    return d.start if d.end is None else f"{d.start}/{d.end}"


_READING_KEYS = ("start", "end", "precision", "what", "year_known", "sources", "cites", "caveat")  # a date reading in JSON


def _reading(d: DateReading, ctx: Ctx) -> dict[str, Any]:
    values = {"sources": [c.source for c in d.sources], "caveat": _caveat(d, ctx)}
    return {k: values[k] if k in values else getattr(d, k) for k in _READING_KEYS}


def _caveat(value: Any, ctx: Ctx) -> str | None:
    """The caveat of a value's sources when every one is weak (tables add it to the value's words)."""
    return v.caveat(ctx.plan, value.sources, ctx.lang) if value.sources else None


def _main(e: Event | Edition, name: str) -> Any:
    """One part of an event's main date reading; None without one."""
    reading = main_reading(e)
    return None if reading is None else getattr(reading, name)


def _series(e: Event | Edition, ctx: Ctx) -> str | None:
    return e.series


def _place_words(e: Event | Edition, ctx: Ctx) -> str | None:
    """Where an event is, as people read it: its place (how known), or its presenting city; an edition's venue and place."""
    if isinstance(e, Edition):
        parts = [x for x in (v.place_text(e.venue, ctx.lang), v.place_text(e.place, ctx.lang)) if x]
        return ", ".join(parts) or None
    if e.place is not None:
        return v.place_text(e.place, ctx.lang)
    if e.city is not None:
        return ctx.memo("cities", lambda: {c.id: c for c in ctx.plan.cities})[e.city].name.pick(ctx.lang)
    return None


def _place(e: Event | Edition, ctx: Ctx) -> str | None:
    if e.place is not None:
        return e.place.name.pick(ctx.lang)
    if isinstance(e, Event) and e.city is not None:
        return ctx.memo("cities", lambda: {c.id: c for c in ctx.plan.cities})[e.city].name.pick(ctx.lang)
    return None


EVENTS = Spec("events", "t_events", [
    Field("id", style="dim", show="machine"),
    Field("type", lambda e, ctx: "edition" if isinstance(e, Edition) else "event", show="machine", coded=kind_words,
          doc="`event` (of the plan) or `edition` (an earlier edition of its series)"),
    Field("name", style="name"),
    Field("name_zh", lambda e, ctx: e.name.zh, show="chinese"),
    Field("kind", lambda e, ctx: say("edition_kind", ctx.lang) if isinstance(e, Edition) else e.kind, style="dim", show="wide"),
    Field("year", type="int or null", qualifier=("year_from_plan", {"True": "plan_year"})),
    Field("year_from_plan", lambda e, ctx: getattr(e, "year_from_plan", False), show="machine", type="bool",
          doc="the year is the plan's, not one a source gives for the event"),
    Field("date", lambda e, ctx: iso(main_reading(e)), words=lambda e, ctx: v.dates_text(ctx.plan, e.dates, ctx.lang), missing="date_not_stated",
          type="string or null", doc="ISO 8601 of the main date reading (`2024-08-28`, `2022-06-19/2022-06-21`, `--06-27` without a year); tables say every reading in words"),
    Field("start", lambda e, ctx: _main(e, "start"), show="machine", type="string or null", doc="ISO start of the main reading"),
    Field("end", lambda e, ctx: _main(e, "end"), show="machine", type="string or null"),
    Field("precision", lambda e, ctx: _main(e, "precision"), show="machine", type="string or null", doc="`day`, `month` or `year`"),
    Field("date_what", lambda e, ctx: _main(e, "what"), show="machine", type="string or null",
          doc="`scheduled`, `held`, `opened`, `closed`, `reported`, `during` (a day during the event)"),
    Field("year_known", lambda e, ctx: _main(e, "year_known"), show="machine", type="string or null",
          doc="`stated`, `page_date`, `context`, `not_stated`"),
    Field("date_caveat", lambda e, ctx: _caveat(r, ctx) if (r := main_reading(e)) is not None else None, show="machine", type="string or null",
          doc="a weak source's caveat, when only weak sources give the main reading"),
    Field("dates", lambda e, ctx: [_reading(d, ctx) for d in e.dates], show="machine", type="object[]",
          doc="every date reading: " + ", ".join(f"`{k}`" for k in _READING_KEYS) + " (`caveat`: a weak source's, when only weak ones give it)"),
    Field("edition", style="number", show="machine", type="int or null", doc="e.g. 7"),
    Field("series", _series, show="machine", type="string or null", doc="the series id"),
    Field("city", lambda e, ctx: getattr(e, "city", None), show="machine", type="string or null", doc="a presenting city's id"),
    Field("place", _place, words=_place_words, type="string or null", doc="the place's name, never with how it is known"),
    Field("place_known", lambda e, ctx: e.place.known if e.place is not None else None, show="machine", type="string or null",
          doc="`stated`, `from_name` (read from the event's name) or `inferred`"),
    Field("venue", lambda e, ctx: e.venue.name.pick(ctx.lang) if e.venue is not None else None, show="machine", type="string or null"),
    Field("action", lambda e, ctx: getattr(e, "action", None), style="number", show="wide", type="int or null",
          qualifier=("attribution", {"inferred": "inferred"})),
    Field("attribution", lambda e, ctx: getattr(e, "attribution", None), show="machine", type="string or null"),
    STATUS,
    Field("note", show="machine", type="string or null"),
    Field("cites", lambda e, ctx: getattr(e, "cites", []), show="machine", type="int[]"),
    SOURCES, SOURCE_COUNT,
])


def _counts_words(e: Any, ctx: Ctx) -> list[str]:
    return [f"{c.label.pick(ctx.lang)}: {v.with_caveat(ctx.plan, v.amount_text(c, ctx.lang), c.sources, ctx.lang)}" for c in e.counts]


HISTORY = Spec("history", "t_history", [
    Field("id", style="dim", show="machine"),
    Field("type", lambda e, ctx: "edition" if isinstance(e, Edition) else "event", show="machine"),
    Field("edition", style="number", type="int or null"),
    Field("year", style="number", type="int or null"),
    Field("date", lambda e, ctx: iso(main_reading(e)), words=lambda e, ctx: v.dates_text(ctx.plan, e.dates, ctx.lang), missing="date_not_stated", type="string or null"),
    Field("place", _place, words=_place_words, type="string or null"),
    Field("counts", _counts_words, type="string[]", doc="every count: `label: amount`"),
    Field("source_count", lambda e, ctx: source_count(e), style="number", type="int"),
])

COUNTS = Spec("counts", "t_counts", [
    Field("label", style="name"),
    Field("display", lambda c, ctx: v.with_caveat(ctx.plan, v.amount_text(c, ctx.lang), c.sources, ctx.lang)),
    *AMOUNT_FIELDS,
    Field("original"),
    Field("scope", show="wide", type="string or null"),
    Field("note", show="wide", type="string or null"),
    Field("sources", lambda c, ctx: [s.source for s in c.sources], style="id", type="string[]", doc="ids of the sources that give it (where sources disagree, each count says whose it is)"),
    Field("caveat", _caveat, show="machine", type="string or null", doc="a weak source's caveat, when only weak sources give the count"),
])

DATES = Spec("dates", "t_dates", [
    Field("date", lambda d, ctx: iso(d), words=lambda d, ctx: v.date_text(ctx.plan, d, ctx.lang)),
    Field("start", show="machine"),
    Field("end", show="machine", type="string or null"),
    Field("precision", show="machine"),
    Field("what", show="machine"),
    Field("year_known", show="machine"),
    Field("note", type="string or null"),
    Field("sources", lambda d, ctx: [s.source for s in d.sources], style="id", show="wide", type="string[]"),
    Field("cites", show="machine", type="int[]"),
    Field("caveat", _caveat, show="machine", type="string or null", doc="a weak source's caveat, when only weak sources give the date"),
])


def _as_of_words(o: Any, ctx: Ctx) -> str:
    return say("this_plan", ctx.lang, year=ctx.plan.plan.year) if isinstance(o, Figure) else v.iso_words(o.as_of, None, ctx.lang)


READINGS = Spec("readings", "t_readings", [
    Field("as_of", lambda o, ctx: None if isinstance(o, Figure) else o.as_of, words=_as_of_words, type="string or null"),
    Field("value", lambda o, ctx: v.number(o.value), style="bar", type="number or null"),
    Field("original"),
    Field("note", type="string or null"),
    Field("sources", lambda o, ctx: (["article"] if isinstance(o, Figure) else []) + cited_sources(o), style="dim", type="string[]"),
])

FACTS = Spec("facts", "t_facts", [
    Field("text", style="name", label=Text(zh="内容", en="Fact")),
    Field("date", type="string or null"),
    Field("counts", lambda f, ctx: [f"{c.label.pick(ctx.lang)}: {v.amount_text(c, ctx.lang)}" for c in f.counts], type="string[]"),
    Field("note", show="wide", type="string or null"),
    Field("sources", lambda f, ctx: cited_sources(f), style="dim", type="string[]"),
    Field("id", style="dim", show="machine"),
    _type("fact"),
])

# ----------------------------------------------------------------------------------------------
# Cities and sectors
# ----------------------------------------------------------------------------------------------

CITIES = Spec("city list", "t_cities", [
    Field("id", style="id", show="wide"),
    _type("city"),
    Field("name", style="name"),
    Field("name_zh", lambda c, ctx: c.name.zh, show="chinese_narrow"),
    Field("framing"),
    Field("offers", lambda c, ctx: len(c.offers), style="bar", type="int", doc="how many fields, clusters and strengths it presented"),
    Field("aliases", style="dim", show="machine", type="string[]"),
    CITES,
])

OFFER_KINDS = ("seeking", "industry", "cluster", "strength")

OFFERS = Spec("offers", "t_offers", [
    Field("name", style="name"),
    Field("name_zh", lambda o, ctx: o.name.zh, show="chinese_narrow"),
    Field("kind", coded=OFFER_KINDS, doc="`seeking`, `industry`, `cluster`, `strength`"),
    Field("sectors", lambda o, ctx: [ctx.memo("sector_names", lambda: {s.id: s.name for s in ctx.plan.sectors})[s].pick(ctx.lang) for s in o.sectors], type="string[]"),
    Field("id", style="dim", show="machine"),
    _type("offer"),
])

SECTORS = Spec("sectors", "t_sectors", [
    Field("sector", lambda e, ctx: e.sector.id, style="dim", show="machine", doc="the sector's id"),
    Field("sector_name", lambda e, ctx: e.sector.name, style="name"),
    Field("city", lambda e, ctx: e.city.name, style="id", doc="the city's name"),
    Field("offer", lambda e, ctx: e.offer.name, doc="the city's own wording"),
    Field("offer_zh", lambda e, ctx: e.offer.name.zh, show="chinese"),
    Field("kind", lambda e, ctx: e.offer.kind, style="dim", coded=OFFER_KINDS),
    Field("id", lambda e, ctx: e.offer.id, style="dim", show="machine", doc="the offer's id"),
    Field("type", lambda e, ctx: "offer", show="machine", doc="`offer`"),
])

# ----------------------------------------------------------------------------------------------
# Sources, search, links
# ----------------------------------------------------------------------------------------------

RELIABILITY = ("primary", "official", "major", "minor", "release", "repost", "weak")


def _usage(s: Any, ctx: Ctx) -> int:
    from ..query.links import source_usage

    return len(ctx.memo("usage", lambda: source_usage(ctx.plan)).get(s.id, []))


def _source_date(s: Source, ctx: Ctx) -> str | None:
    return s.date


SOURCE_LIST = Spec("sources", "t_sources", [
    Field("id", style="id"),
    Field("type", lambda s, ctx: "article" if s.id == "article" else "source", show="machine"),
    Field("outlet", style="name", show="wide"),
    Field("date", _source_date, missing="date_not_stated", type="string or null"),
    Field("language", lambda s, ctx: getattr(s, "language", "zh"), style="dim", show="machine", coded="lang_", doc="`zh` or `en`"),
    Field("reliability", lambda s, ctx: getattr(s, "reliability", "primary"), style="dim", show="wide", coded=RELIABILITY,
          doc="who issued it: " + ", ".join(f"`{r}`" for r in RELIABILITY) + " (see `sdpartner sources --help`)"),
    Field("caveat", lambda s, ctx: getattr(s, "caveat", None), show="machine", type="string or null", doc="how to take a weak source"),
    Field("records", _usage, style="number", type="int", doc="how many records cite it"),
    Field("about", lambda s, ctx: getattr(s, "about", None) or s.title, show="machine"),
    Field("url", show="machine", type="string or null"),
    Field("file", show="machine", doc="the stored copy in `../shared/sources/`"),
])

def _link_title(link: Link, ctx: Ctx) -> str:
    from ..query.records import entry_of

    entry = entry_of(ctx.plan, link.kind, link.id)
    if entry is None:
        return link.id
    if isinstance(entry.record, Amount) and entry.record.value is not None:
        return say("figure_value", ctx.lang, label=entry.title.pick(ctx.lang), display=v.amount_text(entry.record, ctx.lang))
    return entry.title.pick(ctx.lang)


LINKS = Spec("links", "t_links", [
    Field("relation", style="dim", coded=lambda lang: {k: t.pick(lang) for k, t in relation_words().items()}),
    Field("type", lambda link, ctx: link.kind, style="dim", show="wide", coded=kind_words),
    Field("id", style="id"),
    Field("title", _link_title, style="name", doc="the linked record's name (a figure with its value)"),
])

ALSO = Spec("also", "t_also", [
    Field("type", lambda e, ctx: e.kind, style="dim", coded=kind_words),
    Field("id", style="id"),
    Field("title", lambda e, ctx: e.title, style="name"),
])

# ----------------------------------------------------------------------------------------------
# The plan's year as it happens, and what changed
# ----------------------------------------------------------------------------------------------


def _evidence(st: Standing) -> Any:
    return st.latest.evidence[-1] if st.latest is not None else None


STATUS_LIST = Spec("status", "t_status", [
    Field("type", lambda st, ctx: st.kind, show="machine", doc="`event` or `figure` (a target)"),
    Field("id", lambda st, ctx: st.item.id, style="dim", show="wide"),
    Field("name", lambda st, ctx: st.item.name if isinstance(st.item, Event) else st.item.label, style="name"),
    Field("status", lambda st, ctx: st.code, coded="st_", doc=STATUS.doc),
    Field("evidence_date", lambda st, ctx: getattr(_evidence(st), "date", None), missing="not_applicable", type="string or null", doc="the date of the latest evidence"),
    Field("source", lambda st, ctx: getattr(_evidence(st), "source", None), words=lambda st, ctx: _source_words(_evidence(st).source, ctx) if _evidence(st) else None,
          missing="not_applicable", type="string or null", doc="the source of the latest evidence (tables: its outlet, or a weak source's caveat)"),
    Field("reliability", lambda st, ctx: _reliability(_evidence(st), ctx), show="wide", coded=RELIABILITY, missing="not_applicable", type="string or null"),
    Field("wording", lambda st, ctx: getattr(_evidence(st), "wording", None), show="machine", type="string or null", doc="the source's own wording"),
    Field("note", lambda st, ctx: st.latest.note if st.latest is not None else None, show="machine", type="string or null"),
    Field("readings", lambda st, ctx: [{"status": s.status, "date": s.evidence[-1].date, "source": s.evidence[-1].source, "wording": s.evidence[-1].wording,
                                        "reliability": _reliability(s.evidence[-1], ctx)}
                                       for s in st.history], show="machine", type="object[]", doc="every status reading up to the day asked, oldest first",
          words=lambda st, ctx: "\n".join(say("reading_line", ctx.lang, date=s.evidence[-1].date, status=say("st_" + s.status, ctx.lang),
                                              source=_source_words(s.evidence[-1].source, ctx)) for s in st.history) or None),
])


def _reliability(ev: Any, ctx: Ctx) -> str | None:
    if ev is None:
        return None
    s = v.sources_by_id(ctx.plan).get(ev.source)
    return s.reliability if s is not None else None


GROUPS = Spec("groups", "groups_title", [
    Field("id", style="id", type="int"),
    Field("name", style="name"),
    Field("actions", lambda g, ctx: [f"{a.id}. {a.name.pick(ctx.lang)}" for a in q.actions_in_group(ctx.plan, g.id)], type="string[]"),
])

CITY_OFFERS = Spec("cities", "t_cities", [
    Field("id", style="id"),
    Field("name", style="name"),
    Field("offers", lambda c, ctx: len(c.offers), style="bar", type="int"),
    Field("offer_list", lambda c, ctx: ", ".join(o.name.pick(ctx.lang) for o in c.offers)),
])

STATUS_HISTORY = Spec("status readings", "t_status_history", [
    Field("status", lambda s, ctx: s.status, coded="st_"),
    Field("date", lambda s, ctx: s.evidence[-1].date),
    Field("source", lambda s, ctx: s.evidence[-1].source, words=lambda s, ctx: _source_words(s.evidence[-1].source, ctx)),
    Field("wording", lambda s, ctx: s.evidence[-1].wording),
    Field("reliability", lambda s, ctx: _reliability(s.evidence[-1], ctx), show="machine", type="string or null"),
    Field("id", style="dim", show="machine"),
])

SECTIONS: tuple[Spec, ...] = (MEASURES, PROGRAMMES, HISTORY, COUNTS, DATES, READINGS, FACTS, OFFERS, LINKS, ALSO, GROUPS, CITY_OFFERS, STATUS_HISTORY)


def command_listings() -> tuple[Spec, ...]:
    """The listings the commands print, in the reference's order."""
    from .changes import DIFF
    from .hits import SEARCH

    return (ACTIONS, FIGURES, EVENTS, CITIES, SECTORS, SOURCE_LIST, SEARCH, STATUS_LIST, DIFF)


def by_name(name: str) -> Spec:
    """The listing a command prints, by its name."""
    return next(s for s in (*command_listings(), *SECTIONS) if s.name == name)
