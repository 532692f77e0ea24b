"""What changed between two plans, as a document: csv-diff's shape for JSON, a line a change for JSON Lines, a
table for people. Apart from ``views`` and ``listings``, whose import (the documents and listings of every other
command) ``diff`` does not need; its listing is declared here."""

from __future__ import annotations

from typing import Any

import msgspec

from ..plan.model import Plan
from ..text import Lang, Text
from ..words import field_label, label, say
from . import values as v
from .documents import Bundle, replace
from .fields import Ctx, Field, Spec, kind_words

DIFF = Spec("diff", "t_diff", [
    Field("change", style="dim", coded=("added", "removed", "changed"), doc="`added`, `removed` or `changed`"),
    Field("type", style="dim", coded=kind_words),
    Field("id"),
    Field("name", style="name", show="wide"),
    Field("field", words=lambda r, ctx: field_label(r.field, ctx.lang, listed=r.listed) if r.field else None, label=Text(zh="字段", en="Field"),
          missing="not_applicable", type="string or null", doc="the field that changed (its key; tables say its label)"),
    Field("old", missing="not_applicable", type="string or null"),
    Field("new", missing="not_applicable", type="string or null"),
])


def _words(value: Any, lang: Lang) -> str | None:
    """A changed value as people read it: a text in ``lang``, a list joined, a number as written."""
    if value is None:
        return None
    if isinstance(value, dict) and set(value) >= {"zh", "en"}:
        return str(value["zh"] if lang == "zh" else value["en"])  # (a change in the other language only: see _pair)
    if isinstance(value, list):
        return "; ".join(_words(x, lang) or "" for x in value) or None
    if isinstance(value, dict) and "start" in value:  # a date reading, with whose it is (two sources may give one day)
        what = value.get("what")
        whose = ", ".join(c["source"] for c in value.get("sources") or []) or ("¶ " + ", ".join(map(str, value["cites"])) if value.get("cites") else "")
        said = "; ".join(x for x in (say("what_" + what, lang) if what else "", whose) if x)
        return f"{value['start']}{'/' + value['end'] if value.get('end') else ''}{f' ({said})' if said else ''}"
    if isinstance(value, dict) and {"name", "known"} <= set(value) and isinstance(value["name"], dict):  # a place, as tables say it
        return say("place_known", lang, place=_words(value["name"], lang), known=say(f"known_{value['known']}", lang))
    if isinstance(value, dict):
        return ", ".join(f"{label(k, lang)}: {_words(x, lang)}" for k, x in value.items() if x not in (None, [], ""))
    if isinstance(value, float):
        return v.plain(value)
    return str(value)


def diff_document(old: Plan, new: Plan, changes: list[Any], lang: Lang) -> Bundle:
    """The changes as csv-diff shapes them for JSON (added, removed, changed field by field), one change a line
    for JSON Lines, and a table for people and spreadsheets."""
    c = Ctx(old, lang)

    class Row(msgspec.Struct):
        change: str
        type: str
        id: str
        name: str
        field: str | None
        old: str | None
        new: str | None
        listed: bool  # the field holds a list (ids, not a count: its label)

    def pair(old: Any, new: Any) -> tuple[str | None, str | None]:
        a, b = _words(old, lang), _words(new, lang)
        if a == b and old != new:  # it changed in the other language: show both
            a, b = _words(old, "zh" if lang == "en" else "en"), _words(new, "zh" if lang == "en" else "en")
        return a, b

    rows = [Row(ch.change, ch.kind, ch.id, ch.name.pick(lang), ch.field, *pair(ch.old, ch.new), isinstance(ch.new, list) or isinstance(ch.old, list))
            for ch in changes]
    table = DIFF.listing(rows, c)
    if not changes:
        table = replace(table, empty=say("none", lang))

    def record(ch: Any) -> dict[str, Any]:
        return {"type": ch.kind, **msgspec.to_builtins(ch.record)}

    changed: dict[str, dict[str, Any]] = {}
    for ch in changes:
        if ch.change == "changed":
            changed.setdefault(f"{ch.kind}:{ch.id}", {})[ch.field] = [ch.old, ch.new]
    data = {
        "added": [record(ch) for ch in changes if ch.change == "added"],
        "removed": [record(ch) for ch in changes if ch.change == "removed"],
        "changed": [{"key": key, "changes": fields} for key, fields in changed.items()],
        "columns_added": [], "columns_removed": [],
    }
    lines = tuple({"change": ch.change, "type": ch.kind, "id": ch.id, **({"field": ch.field, "old": ch.old, "new": ch.new} if ch.change == "changed" else {"record": record(ch)})}
                  for ch in changes)
    return Bundle(data=data, records=lines, table=table, parts=((2, table),))
