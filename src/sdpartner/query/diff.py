"""What changed between two plans: records added, removed and changed, field by field, matched by id and
then by name (csv-diff's and OpenSanctions' way of answering "what changed?")."""

from __future__ import annotations

from typing import Any

import msgspec

from ..names import fold
from ..plan import catalogue as cat
from ..plan.model import Plan
from ..text import Text

_IGNORED = frozenset({"cites", "sources", "keywords"})  # provenance and search words: every plan year cites its own article


class Change(msgspec.Struct, frozen=True):
    """One change: a record added or removed, or one field of a record changed (old and new as JSON values)."""

    change: str  # added, removed, changed
    kind: str
    id: str
    name: Text
    field: str | None = None
    old: Any = None
    new: Any = None
    record: Any = None  # the whole record, for an added or removed one


def _name_keys(record: Any, title: Text) -> set[str]:
    return {k for k in (fold(title.en), fold(title.zh)) if k}


def compare(old: Plan, new: Plan) -> list[Change]:
    """Every difference between ``old`` and ``new`` in the kinds declared ``compared``, in catalogue order."""
    out: list[Change] = []
    for info in cat.kinds():
        if not info.decl.compared:
            continue
        code = info.code
        nested = {k.path[-1] for k in cat.kinds() if k.parent == code}  # the kinds it holds: compared as records of their own
        before = [(r, p) for r, p in cat.records(old, info)]
        after = [(r, p) for r, p in cat.records(new, info)]
        by_id = {cat.handle(info, r): (r, p) for r, p in after}
        matched: dict[int, tuple[Any, Any]] = {}
        unmatched_new = dict(by_id)
        for i, (r, _) in enumerate(before):
            h = cat.handle(info, r)
            if h in unmatched_new:
                matched[i] = unmatched_new.pop(h)
        for i, (r, p) in enumerate(before):  # then by name, for a record whose id changed
            if i in matched:
                continue
            keys = _name_keys(r, cat.title(info, r, p, old))
            for h, (r2, p2) in list(unmatched_new.items()):
                if keys & _name_keys(r2, cat.title(info, r2, p2, new)):
                    matched[i] = unmatched_new.pop(h)
                    break
        for i, (r, p) in enumerate(before):
            title = cat.title(info, r, p, old)
            if i not in matched:
                out.append(Change("removed", code, cat.handle(info, r), title, record=r))
                continue
            r2, _ = matched[i]
            out += _fields(code, info, nested, r, r2, cat.title(info, r2, _, new))
        for h, (r2, p2) in unmatched_new.items():
            out.append(Change("added", code, h, cat.title(info, r2, p2, new), record=r2))
    return out


def _fields(code: str, info: cat.KindInfo, nested: set[str], a: Any, b: Any, title: Text) -> list[Change]:
    out = []
    if cat.handle(info, a) != cat.handle(info, b):
        out.append(Change("changed", code, cat.handle(info, b), title, "id", cat.handle(info, a), cat.handle(info, b)))
    for name in cat.fields(type(a)):
        if name in _IGNORED or name in nested or name == info.decl.handle:
            continue
        x, y = getattr(a, name), getattr(b, name)
        if x == y:  # (values of one type: structs compare field by field, in C)
            continue
        x, y = msgspec.to_builtins(x), msgspec.to_builtins(y)
        if x != y:
            out.append(Change("changed", code, cat.handle(info, b), title, name, x, y))
    return out
