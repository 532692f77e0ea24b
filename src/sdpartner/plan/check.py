"""Cross-checks that types cannot express, derived from the catalogue: unique ids, references that resolve,
citations in range, names that do not clash, statuses with evidence. Run once, when a plan is validated.

``check`` also completes what a plan leaves to be derived: the name of an event of a series (from the
series' ``edition_name``), so that every later layer reads ``event.name``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msgspec.structs import force_setattr

from ..errors import Problem
from . import catalogue as cat
from .model import Event, Plan, Series
from ..text import Text


def check(plan: Plan, where: Callable[[str], str]) -> tuple[Plan, list[Problem]]:
    """Every problem the catalogue's declarations can find; the plan with derived names filled in, and without the
    history's copies of events this plan holds itself (an edition ``same_as`` one of its events)."""
    problems: list[Problem] = []
    own = {e.id for e in plan.events}
    if any(ed.same_as in own for ed in plan.editions):
        from msgspec.structs import replace

        plan = replace(plan, editions=[ed for ed in plan.editions if ed.same_as not in own])

    def bad(path: str, what: str) -> None:
        problems.append(Problem(where(path), what))

    keys: dict[str, dict[Any, int]] = {}  # kind -> key -> index
    handles: dict[str, tuple[str, str]] = {}  # handle -> (kind, path): show opens any record by its id
    for info in cat.kinds():
        seen: dict[Any, int] = {}
        slugs: set[str] = set()
        for i, (record, parent) in enumerate(cat.records(plan, info)):
            path = _path(plan, info, i, record, parent)
            k = cat.key(info, record)
            if k in seen:
                bad(f"{path}.{info.decl.key}", f"duplicate id {k!r}")
            seen[k] = i
            slug = getattr(record, "slug", None)
            if slug is not None and info.decl.handle != "slug":  # a second id people type: unique too
                if slug in slugs or slug in handles:
                    bad(f"{path}.slug", f"duplicate slug {slug!r}")
                slugs.add(slug)
            h = cat.handle(info, record)
            other = handles.setdefault(h, (info.code, path))
            if other[1] != path:
                bad(f"{path}.{info.decl.handle}", f"{h!r} is also the id of {other[0]} {other[1]}; ids must differ across kinds so that 'sdpartner show {h}' can open one record")
        keys[info.code] = seen

    paragraphs = plan.article.paragraphs
    series_by_id = {s.id: s for s in plan.series}

    def resolve(struct_value: Any, path: str) -> None:
        for fl in cat.struct_links(type(struct_value)):
            for target_id in cat.link_values(struct_value, fl):
                if not any(target_id in keys.get(t, {}) for t in fl.link.targets):
                    bad(f"{path}.{'.'.join(fl.path)}", f"{target_id!r} is not a known {' or '.join(fl.link.targets)} id")
        _walk_cites(struct_value, path, paragraphs, bad)

    resolve(plan.article, "article")
    resolve(plan.dialogue, "dialogue")
    for info in cat.kinds():
        fields = cat.fields(info.struct)
        for i, (record, parent) in enumerate(cat.records(plan, info)):
            path = _path(plan, info, i, record, parent)
            resolve(record, path)
            if ("cites" in fields or "sources" in fields) and info.decl.cited and not getattr(record, "cites", None) and not getattr(record, "sources", None):
                bad(f"{path}.cites", "cite the article's paragraphs or a source (sources = [{ source = \"...\" }])")
            if {"group", "action", "attribution"} <= set(fields):
                _tie(plan, path, record, bad)
    for i, e in enumerate(plan.events):
        _event_name(e, series_by_id, f"events[{i}]", bad)
        _dates_in_year(e, f"events[{i}]", bad)
    for i, ed in enumerate(plan.editions):
        _dates_in_year(ed, f"editions[{i}]", bad)
    _city_names(plan, bad)
    _statuses(plan, bad)
    return plan, problems


def _path(plan: Plan, info: cat.KindInfo, i: int, record: Any, parent: Any) -> str:
    if info.single:
        return info.path[0]
    if parent is None:
        return f"{info.path[0]}[{i}]"
    parents = getattr(plan, info.path[0])
    pi = next(j for j, p in enumerate(parents) if p is parent)
    local = next(j for j, r in enumerate(getattr(parent, info.path[1])) if r is record)
    return f"{info.path[0]}[{pi}].{info.path[1]}[{local}]"


def _walk_cites(value: Any, path: str, paragraphs: int, bad: Callable[[str, str], None]) -> None:
    """Every ``cites`` inside a value names a paragraph of the article."""
    import msgspec

    for name in type(value).__struct_fields__:
        v = getattr(value, name)
        if name == "cites" and isinstance(v, list):
            for j, c in enumerate(v):
                if c >= paragraphs:
                    bad(f"{path}.cites[{j}]", f"paragraph {c} is out of range: the article has paragraphs 0-{paragraphs - 1}")
        elif isinstance(v, msgspec.Struct) and not isinstance(v, Text):
            _walk_cites(v, f"{path}.{name}", paragraphs, bad)
        elif isinstance(v, list) and v and isinstance(v[0], msgspec.Struct) and not isinstance(v[0], Text):
            for j, item in enumerate(v):
                if not hasattr(type(item), "id"):  # nested kinds are checked as records of their own
                    _walk_cites(item, f"{path}.{name}[{j}]", paragraphs, bad)


def _tie(plan: Plan, path: str, record: Any, bad: Callable[[str, str], None]) -> None:
    """An action must belong to the group given; 'group' attribution exactly when no action is given."""
    from .model import Attribution

    group_of = {a.id: a.group for a in plan.actions}
    action, group, attribution = record.action, record.group, record.attribution
    if action is not None and action in group_of and group is not None and group_of[action] != group:
        bad(f"{path}.action", f"action {action} belongs to group {group_of[action]}, not group {group}")
    if attribution is not None and (action is None) != (attribution == Attribution.group):
        bad(f"{path}.attribution", "use 'group' exactly when no action is given, 'stated' or 'inferred' otherwise")


def _event_name(e: Event, series: dict[str, Series], path: str, bad: Callable[[str, str], None]) -> None:
    """An event without a name of its own takes its series' (and edition's) name."""
    if e.name.en:
        return
    s = series.get(e.series) if e.series else None
    if s is None:
        bad(f"{path}.name", "an event that is not part of a series needs a name")
        return
    if e.edition is not None and s.edition_name is None:
        bad(f"{path}.name", f"series {s.id!r} has no edition_name to name edition {e.edition}; give the event a name")
        return
    force_setattr(e, "name", s.name_of(e.edition))


def _dates_in_year(record: Any, path: str, bad: Callable[[str, str], None]) -> None:
    if record.year is None:
        return
    for j, d in enumerate(record.dates):
        if d.year is not None and d.year != record.year:
            bad(f"{path}.dates[{j}].start", f"{d.start} is not in the year {record.year}")


def _city_names(plan: Plan, bad: Callable[[str, str], None]) -> None:
    """Two cities must never answer to one name (the rule lookups use)."""
    from ..names import fold

    names: dict[str, str] = {}
    for i, c in enumerate(plan.cities):
        for alias in [c.id, c.name.zh, c.name.en, *c.aliases]:
            key = fold(alias)
            if names.get(key, c.id) != c.id:
                bad(f"cities[{i}].aliases", f"name {alias!r} is also a name of city {names[key]!r}")
            names.setdefault(key, c.id)


_EVENT_STATUSES = {"scheduled", "opened", "held", "closed"}


def _statuses(plan: Plan, bad: Callable[[str, str], None]) -> None:
    """A status has evidence dated no later than the review; met/missed only for a target with a figure."""
    events = {e.id for e in plan.events}
    targets = {f.id: f for f in plan.figures}
    reviewed = plan.plan.reviewed
    if plan.statuses and reviewed is None:
        bad("plan.reviewed", "a plan with statuses needs the day they were last reviewed (reviewed = \"YYYY-MM-DD\")")
    for i, s in enumerate(plan.statuses):
        path = f"statuses[{i}]"
        for j, ev in enumerate(s.evidence):
            if reviewed is not None and ev.date > reviewed:
                bad(f"{path}.evidence[{j}].date", f"evidence of {ev.date} is after the review date {reviewed}")
        if s.item in events and s.status not in _EVENT_STATUSES:
            bad(f"{path}.status", f"an event is scheduled, opened, held or closed, not {s.status!r}")
        if s.item in targets:
            f = targets[s.item]
            if s.status in _EVENT_STATUSES:
                bad(f"{path}.status", f"a figure is met, partly_met or missed, not {s.status!r}")
            elif f.kind.value != "target":
                bad(f"{path}.status", f"{f.id!r} is a reported figure, not a target: it cannot be met or missed")
