"""Views: model records -> Listing/Detail in one language. The only place labels and wording live.

Each function takes records already chosen by ``query`` and a language; it decides which fields a
person or a script sees, and how numbers, money and missing values read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import query
from .base import Lang
from .frozen import Text

if TYPE_CHECKING:  # the records read like the model's Structs (see frozen.py); msgspec is not imported
    from .model import Action, City, Event, Figure, Measure, Person, Plan
from .records import Column, Detail, Listing, Value

_LABELS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "id": ("编号", "ID"),
    "slug": ("代号", "Slug"),
    "name": ("名称", "Name"),
    "name_zh": ("中文", "Chinese"),
    "group": ("组", "Group"),
    "group_name": ("组名", "Group name"),
    "summary": ("概要", "Summary"),
    "measures": ("举措数", "Measures"),
    "events": ("活动数", "Events"),
    "figures": ("数字", "Figures"),
    "programmes": ("项目/品牌", "Programmes"),
    "keywords": ("关键词", "Keywords"),
    "cites": ("原文段落", "Source ¶"),
    "label": ("指标", "Figure"),
    "value": ("数值", "Value"),
    "display": ("表述", "Amount"),
    "unit": ("单位", "Unit"),
    "comparator": ("比较", "Comparator"),
    "year": ("年份", "Year"),
    "time": ("时间", "As of"),
    "kind": ("类型", "Kind"),
    "scope": ("范围", "Scope"),
    "original": ("原文", "Original wording"),
    "note": ("说明", "Note"),
    "date": ("日期", "Date"),
    "edition": ("届次", "Edition"),
    "city": ("城市", "City"),
    "place": ("地点", "Place"),
    "place_from_name": ("地点据名称", "Place from name"),
    "action": ("行动", "Action"),
    "attribution": ("归属依据", "Attribution"),
    "text": ("内容", "Measure"),
    "aliases": ("别名", "Also known as"),
    "framing": ("推介重点", "Pitch"),
    "highlights": ("亮点", "Highlights"),
    "fields": ("领域数", "Fields"),
    "sector": ("行业", "Sector"),
    "sector_name": ("行业名称", "Sector name"),
    "offer": ("城市表述", "City's own wording"),
    "offer_zh": ("城市表述(中文)", "City's wording (Chinese)"),
    "sectors": ("行业", "Sectors"),
    "score": ("相关度", "Score"),
    "field": ("匹配字段", "Matched in"),
    "matched": ("匹配内容", "Matched text"),
    "title": ("标题", "Title"),
    "actions": ("行动", "Actions"),
    "count": ("数量", "Count"),
    "published": ("发布", "Released"),
    "venue": ("地点", "Venue"),
    "theme": ("主题", "Theme"),
    "presented_by": ("发布人", "Presented by"),
    "attendance": ("出席", "Attendance"),
    "ambassadors": ("大使国别", "Ambassadors from"),
    "plan": ("计划", "Plan"),
    "source": ("来源", "Source"),
    "directions": ("重点方向", "Key directions"),
    "type": ("种类", "Type"),
}

_WORDS: dict[str, tuple[str, str]] = {
    "not_stated": ("未说明", "not stated"),
    "date_not_stated": ("日期未说明", "date not stated"),
    "none": ("(无)", "(none)"),
    "at_least": ("不少于", "at least"),
    "more_than": ("超过", "more than"),
    "strive_to_exceed": ("力争突破", "aim to exceed"),
    "target": ("目标", "target"),
    "status": ("现状", "status"),
    "stated": ("原文明确", "stated"),
    "inferred": ("据文意推断", "inferred"),
    "group": ("仅归于本组", "group only"),
    "seeking": ("寻求合作", "seeking partners"),
    "industry": ("重点产业", "industry"),
    "cluster": ("特色集群", "featured cluster"),
    "strength": ("优势", "strength"),
    "from_name": ("据活动名称", "from the event's name"),
}


_WORD_TEXTS = {key: Text(zh=zh, en=en) for key, (zh, en) in _WORDS.items()}


def _w(key: str, lang: Lang) -> str:
    return _WORD_TEXTS[key].pick(lang)


def col(key: str, lang: Lang, style: str = "", table: bool = True) -> Column:
    """A column whose header is the label of ``key`` in ``lang``."""
    zh, en = _LABELS[key]
    return Column(key, Text(zh=zh, en=en).pick(lang), style, table)


# columns whose values are codes (stable in JSON, CSV and TSV), shown to people as words of their language
_CODED = {
    "attribution": ("stated", "inferred", "group"),
    "kind": ("target", "status", "seeking", "industry", "cluster", "strength"),
}


def _cols(lang: Lang, *specs: str | tuple[str, str] | tuple[str, str, bool], coded: bool = False) -> tuple[Column, ...]:
    out = []
    for spec in specs:
        if isinstance(spec, str):
            out.append(col(spec, lang))
        else:
            out.append(col(spec[0], lang, spec[1], spec[2] if len(spec) > 2 else True))  # type: ignore[misc]
    out = [c.replace(style="", missing=_w("date_not_stated", lang)) if c.style == "date" else c for c in out]
    if coded:
        out = [c.replace(labels={k: _w(k, lang) for k in _CODED[c.key]}) if c.key in _CODED else c for c in out]
    return tuple(out)


def _listing(title: str, columns: tuple[Column, ...], rows: Sequence[dict[str, Value]], lang: Lang) -> Listing:
    return Listing(title, columns, tuple(rows), missing=_w("not_stated", lang), empty=_w("none", lang))


# ``name_zh`` is always the Chinese name, a stable key in every language; tables show it in English views only.

# ----------------------------------------------------------------------------------------------
# Numbers
# ----------------------------------------------------------------------------------------------


def _plain(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.6g}"


def _short(v: float) -> str:
    return f"{v:.4g}"


def amount(value: float, unit: Text, lang: Lang) -> str:
    """A number with its unit, large amounts in words: 1.6 trillion yuan / 1.6万亿元."""
    if lang == "zh":
        for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
            if value >= size and value >= 1e6:
                return f"{_short(value / size)}{word}{unit.zh}"
        return f"{_plain(value)}{unit.zh}"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{_short(value / size)} {word} {unit.en}"
    return f"{_plain(value)} {unit.en}"


def figure_display(f: Figure, lang: Lang) -> str:
    """A figure as a person reads it: 'at least 500 events', '1.6 trillion yuan', '力争突破7500亿元'."""
    base = amount(f.value, f.unit, lang)
    if f.comparator.value == "exactly":
        return base
    word = _w(f.comparator.value, lang)
    if lang == "zh":
        return f"{base}以上" if f.comparator.value == "at_least" else f"{word}{base}"
    return f"{word} {base}"


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
    columns = _cols(lang, ("id", "id"), ("slug", "dim", False), ("group", "number"), ("group_name", "dim", False), ("name", "name"),
                    ("name_zh", "", lang == "en"), ("summary", "", False), ("measures", "number"), ("events", "number"),
                    ("figures", "number"), ("cites", "dim", False))
    return _listing(_t(lang, "行动", "Actions"), columns, rows, lang)


def measure_list(title: str, measures: Sequence[Measure], lang: Lang) -> Listing:
    """Measures with how each is tied to an action (stated, inferred, group only) and their citations."""
    rows = [{"text": m.text.pick(lang), "action": m.action, "attribution": m.attribution.value, "cites": m.cites, "id": m.id} for m in measures]
    return _listing(title, _cols(lang, ("text", ""), ("action", "number", False), ("attribution", "dim"), ("cites", "dim"), ("id", "dim", False), coded=True), rows, lang)


def action_detail(plan: Plan, a: Action, lang: Lang) -> Detail:
    """Everything the plan says about one action, with citations."""
    g = query.group_of(plan, a)
    fields: list[tuple[Column, Value]] = [
        (col("id", lang, "id"), a.id), (col("slug", lang), a.slug), (col("name", lang, "name"), a.name.pick(lang)),
        (col("name_zh", lang, "", lang == "en"), a.name.zh),
        (col("group", lang), f"{g.id} · {g.name.pick(lang)}"), (col("summary", lang), a.summary.pick(lang)),
        (col("keywords", lang, "dim"), ", ".join(a.keywords)), (col("cites", lang, "dim"), a.cites),
    ]
    sections = [("measures", measure_list(_t(lang, "举措", "Measures"), query.measures_of(plan, a), lang))]
    shared = query.group_measures(plan, g)
    if shared:
        title = _t(lang, f"本组({g.name.zh})共有举措,未指定到具体行动", f"Measures of group {g.id} not tied to one action")
        sections.append(("group_measures", measure_list(title, shared, lang)))
    prog_rows = [{"name": p.name.pick(lang), "kind": p.kind.pick(lang), "summary": p.summary.pick(lang), "id": p.id} for p in query.programmes_of(plan, a)]
    sections.append(("programmes", _listing(_t(lang, "项目与品牌", "Programmes and brands"), _cols(lang, ("name", "name"), "kind", "summary", ("id", "dim", False)), prog_rows, lang)))
    sections.append(("figures", figure_list(plan, query.figures_of(plan, a), lang)))
    sections.append(("events", event_list(plan, query.events_of(plan, a), lang)))
    return Detail(_t(lang, f"行动{a.id}:{a.name.zh}", f"Action {a.id}: {a.name.en}"), tuple(fields), tuple(sections), missing=_w("not_stated", lang))


def _t(lang: Lang, zh: str, en: str) -> str:
    return Text(zh=zh, en=en).pick(lang)


# ----------------------------------------------------------------------------------------------
# Figures and events
# ----------------------------------------------------------------------------------------------


def figure_list(plan: Plan, figures: Sequence[Figure], lang: Lang) -> Listing:
    """Figures with value, unit, comparator, year and scope; money readable."""
    linked: dict[str, list[int]] = {}
    for m in plan.measures:
        for fid in m.figures:
            if m.action is not None:
                linked.setdefault(fid, []).append(m.action)
    rows = [{
        "id": f.id, "label": f.label.pick(lang), "display": figure_display(f, lang), "value": f.value if not f.value.is_integer() else int(f.value),
        "unit": f.unit.pick(lang), "comparator": f.comparator.value, "year": f.year, "time": f.time.pick(lang) if f.time else None,
        "kind": f.kind.value, "scope": f.scope.pick(lang), "original": f.original, "note": f.note.pick(lang) if f.note else None,
        "actions": [str(a) for a in sorted(set(linked.get(f.id, [])))], "cites": f.cites,
    } for f in figures]
    columns = _cols(lang, ("id", "dim", False), ("label", "name"), ("display", ""), ("value", "", False), ("unit", "", False),
                    ("comparator", "", False), ("year", "number"), ("time", "", False), ("kind", "dim"), ("scope", ""),
                    ("original", "", lang == "en"), ("note", "", False), ("actions", "", False), ("cites", "dim", False), coded=True)
    return _listing(_t(lang, "数字与目标", "Figures and targets"), columns, rows, lang)


def _place(e: Event, cities: dict[str, City], lang: Lang) -> str | None:
    city = cities.get(e.city) if e.city else None
    place = city.name.pick(lang) if city else (e.place.pick(lang) if e.place else None)
    if place and e.place_from_name:
        return f"{place}({_w('from_name', lang)})" if lang == "zh" else f"{place} ({_w('from_name', lang)})"
    return place


def event_list(plan: Plan, events: Sequence[Event], lang: Lang) -> Listing:
    """Events; a missing date reads 'date not stated', a place read from a name says so."""
    cities = {c.id: c for c in plan.cities}  # once, not a scan of the cities per event
    rows = [{
        "id": e.id, "name": e.name.pick(lang), "name_zh": e.name.zh, "kind": e.kind.pick(lang), "year": e.year,
        "date": e.date.isoformat() if e.date else None, "edition": e.edition, "city": e.city,
        "place": _place(e, cities, lang), "place_from_name": e.place_from_name, "action": e.action,
        "attribution": e.attribution.value if e.attribution else None, "note": e.note.pick(lang) if e.note else None, "cites": e.cites,
    } for e in events]
    columns = _cols(lang, ("id", "dim", False), ("name", "name"), ("name_zh", "", lang == "en"), ("kind", "dim"), ("year", "number"), ("date", "date"),
                    ("edition", "number", False), ("city", "", False), ("place", ""), ("place_from_name", "", False), ("action", "number"),
                    ("attribution", "dim", False), ("note", "", False), ("cites", "dim", False), coded=True)
    return _listing(_t(lang, "活动", "Events"), columns, rows, lang)


# ----------------------------------------------------------------------------------------------
# Cities and sectors
# ----------------------------------------------------------------------------------------------


def city_list(plan: Plan, lang: Lang) -> Listing:
    """The five presenting cities."""
    rows = [{
        "id": c.id, "name": c.name.pick(lang), "name_zh": c.name.zh, "framing": c.framing.pick(lang),
        "fields": len(c.offers), "aliases": c.aliases, "cites": c.cites,
    } for c in plan.cities]
    columns = _cols(lang, ("id", "id"), ("name", "name"), ("name_zh", "", lang == "en"), ("framing", ""), ("fields", "bar"), ("aliases", "dim", False), ("cites", "dim", False))
    return _listing(_t(lang, "推介城市", "Presenting cities"), columns, rows, lang)


def city_detail(plan: Plan, c: City, lang: Lang) -> Detail:
    """A city's pitch in its own framing: fields, clusters, strengths, and where the plan names it."""
    fields: list[tuple[Column, Value]] = [
        (col("id", lang, "id"), c.id), (col("name", lang, "name"), c.name.pick(lang)), (col("name_zh", lang, "", lang == "en"), c.name.zh),
        (col("aliases", lang, "dim"), ", ".join(c.aliases)), (col("framing", lang), c.framing.pick(lang)),
        (col("highlights", lang), [h.pick(lang) for h in c.highlights]), (col("cites", lang, "dim"), c.cites),
    ]
    sector_names = {s.id: s.name.pick(lang) for s in plan.sectors}
    offer_rows = [{"name": o.name.pick(lang), "name_zh": o.name.zh, "kind": o.kind.value,
                   "sectors": [sector_names[s] for s in o.sectors], "id": o.id} for o in c.offers]
    sections = [
        ("fields", _listing(_t(lang, "重点领域与优势", "Fields, clusters and strengths"), _cols(lang, ("name", "name"), ("name_zh", "", lang == "en"), "kind", "sectors", ("id", "dim", False), coded=True), offer_rows, lang)),
        ("events", event_list(plan, [e for e in plan.events if e.city == c.id], lang)),
        ("measures", measure_list(_t(lang, "计划中涉及本市的举措", "Plan measures that name this city"), query.measures_for_city(plan, c), lang)),
    ]
    return Detail(c.name.pick(lang) + (f" {c.name.zh}" if lang == "en" else ""), tuple(fields), tuple(sections), missing=_w("not_stated", lang))


def sector_list(entries: Sequence[query.SectorEntry], lang: Lang) -> Listing:
    """The cross-city index: one row per sector, city and the city's own wording."""
    rows = [{
        "sector": e.sector.id, "sector_name": e.sector.name.pick(lang), "city": e.city.name.pick(lang),
        "offer": e.offer.name.pick(lang), "offer_zh": e.offer.name.zh, "kind": e.offer.kind.value, "id": e.offer.id,
    } for e in entries]
    columns = _cols(lang, ("sector", "dim", False), ("sector_name", "name"), ("city", "id"), ("offer", ""), ("offer_zh", "", lang == "en"), ("kind", "dim"), ("id", "dim", False), coded=True)
    return _listing(_t(lang, "行业与城市", "Sectors and the cities that offer them"), columns, rows, lang)


_HIT_KINDS = {
    code: Text(zh=zh, en=code)
    for code, zh in {
        "plan": "计划", "group": "行动组", "action": "行动", "measure": "举措", "programme": "项目/品牌", "figure": "数字",
        "event": "活动", "city": "城市", "city field": "城市领域", "sector": "行业", "organisation": "机构", "person": "人物",
        "document": "文件", "statement": "表述",
    }.items()
}
_HIT_FIELDS = {code: Text(zh=zh, en=code) for code, zh in {"name": "名称", "alias": "别名", "keyword": "关键词", "text": "正文"}.items()}


def search_list(hits: Sequence[query.Hit], lang: Lang) -> Listing:
    """Search hits, best first; kinds and fields are codes, shown as words of the view's language."""
    rows = [{"score": h.score, "kind": h.kind, "id": h.id, "title": h.title.pick(lang), "field": h.field, "matched": h.matched} for h in hits]
    columns = _cols(lang, ("score", "number", False), ("kind", "dim"), ("id", "id"), ("title", "name"), ("field", "dim"), ("matched", ""))
    labels = {"kind": _HIT_KINDS, "field": _HIT_FIELDS}
    columns = tuple(c.replace(labels={k: t.pick(lang) for k, t in labels[c.key].items()}) if c.key in labels else c for c in columns)
    return _listing(_t(lang, "搜索结果", "Search results"), columns, rows, lang)


# ----------------------------------------------------------------------------------------------
# Overview
# ----------------------------------------------------------------------------------------------


def overview(plan: Plan, lang: Lang) -> Detail:
    """The whole plan on one screen."""
    p = plan.plan
    released = next((e for e in plan.events if e.id == p.released_at), None)
    presenter = next((x for x in plan.people if x.id == p.presented_by), None)
    attendance = [f for f in plan.figures if f.id in plan.dialogue.figures]
    fields: list[tuple[Column, Value]] = [
        (col("plan", lang, "name", table=False), p.name.pick(lang)),  # the panel's title already
        (col("summary", lang), p.summary.pick(lang)),
        (col("published", lang), f"{released.date.isoformat() if released and released.date else _w('date_not_stated', lang)} · {released.name.pick(lang) if released else ''}"),  # noqa: E501
        (col("venue", lang), released.place.pick(lang) if released and released.place else None),
        (col("theme", lang), plan.dialogue.theme.pick(lang)),
        (col("presented_by", lang), _person_line(plan, presenter, lang) if presenter else None),
        (col("attendance", lang), "; ".join(f"{f.label.pick(lang)}: {figure_display(f, lang)}" for f in attendance)),
        (col("ambassadors", lang), ", ".join(c.pick(lang) for c in plan.dialogue.ambassador_countries)),
        (col("source", lang, "dim"), f"{plan.source.outlet.pick(lang)} · {', '.join(a.pick(lang) for a in plan.source.authors)}"),
    ]
    group_rows = [{"id": g.id, "name": g.name.pick(lang), "actions": [f"{a.id}. {a.name.pick(lang)}" for a in plan.actions if a.group == g.id]} for g in plan.groups]
    targets = [f for f in plan.figures if f.kind.value == "target"]
    year_events = [e for e in plan.events if e.year == p.year]
    city_rows = [{"id": c.id, "name": c.name.pick(lang), "fields": len(c.offers), "offers": ", ".join(o.name.pick(lang) for o in c.offers)} for c in plan.cities]
    sections = (
        ("groups", _listing(_t(lang, "四组十项行动", f"{len(plan.groups)} groups, {len(plan.actions)} actions"), _cols(lang, ("id", "id"), ("name", "name"), "actions"), group_rows, lang)),
        ("targets", _narrow(figure_list(plan, targets, lang), "label", "display", "year")),
        ("events", _narrow(event_list(plan, year_events, lang), "name", "date", "place", title=_t(lang, f"{p.year}年活动", f"Events in {p.year}"))),
        ("cities", _listing(_t(lang, "推介城市", "Presenting cities"), (col("id", lang, "id"), col("name", lang, "name"), col("fields", lang, "bar"), Column("offers", _t(lang, "推介领域与优势", "What each city offers")),), city_rows, lang)),
    )
    return Detail(p.short_name.pick(lang) if lang == "zh" else f"{p.name.en}", tuple(fields), sections, missing=_w("not_stated", lang))


def _narrow(listing: Listing, *keys: str, title: str | None = None) -> Listing:
    """The same rows, with only ``keys`` shown in tables (machine formats keep every column)."""
    columns = tuple(c.replace(table=c.key in keys) for c in listing.columns)
    return listing.replace(columns=columns, title=title or listing.title)


def _person_line(plan: Plan, person: Person, lang: Lang) -> str:
    orgs = {o.id: o for o in plan.organisations}
    roles = "; ".join(
        f"{orgs[r.organisation].name.zh}{r.title.zh}" if lang == "zh" else f"{r.title.en}, {orgs[r.organisation].name.en}" for r in person.roles if r.organisation in orgs
    )
    return f"{person.name.pick(lang)} ({roles})" if roles else person.name.pick(lang)
