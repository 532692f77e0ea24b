"""The catalogue of record kinds and references, derived from the model's declarations (``Kind``, ``Link``).

Nothing here is written per kind: every layer asks the catalogue which kinds exist, where their records
are, what they answer to and which fields refer to what. A test (or an extension) may plan with a subclass
of ``Plan`` that declares more kinds: ``use(SubPlan)`` makes every command see them.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from functools import cache, wraps
from typing import Any, TypeVar

import msgspec

from .declare import Kind, Link
from ..text import Text

_plan_type: type | None = None


def plan_type() -> type:
    """The Plan struct in use: ``model.Plan`` unless ``use`` chose a subclass."""
    if _plan_type is None:
        from .model import Plan

        return Plan
    return _plan_type


def use(plan: type | None) -> None:
    """Plan with ``plan`` (a subclass of ``model.Plan`` declaring more kinds); None goes back to the model's.

    TypeError for a ``Kind`` that is not its field's outermost marker (``list[Annotated[Widget, Kind(...)]]``):
    the catalogue reads a kind only there (``_kind_of``), and would otherwise not see it."""
    global _plan_type
    _plan_type = plan
    kinds.cache_clear()
    history_tables.cache_clear()
    _struct_links.cache_clear()
    _members.cache_clear()
    misplaced = _misplaced_kinds(plan_type(), set())
    if misplaced:
        use(None)
        raise TypeError(f"declare a Kind as its field's outermost marker (Annotated[list[X], Kind(...)]): {', '.join(misplaced)}")


def _misplaced_kinds(struct: type, seen: set[type]) -> list[str]:
    """The fields of ``struct`` and of the structs it holds whose annotation holds a ``Kind`` that ``_kind_of`` does
    not read (every field unwrapped, as ``use`` does once; the model's own are tested to hold none)."""
    seen.add(struct)
    out: list[str] = []
    notes = _annotations(struct)
    for name, core, markers, _ in _members(struct):
        if any(isinstance(m, Kind) for m in markers) and _kind_of(notes[name]) is None:
            out.append(f"{struct.__qualname__}.{name}")
        if isinstance(core, type) and issubclass(core, msgspec.Struct) and core not in seen:
            out += _misplaced_kinds(core, seen)
    return out


_UNIONS = (typing.Union, types.UnionType)


def _unwrap(tp: Any) -> tuple[Any, list[Any], bool]:
    """(the struct or scalar type, the Annotated markers found on the way, whether it is a list)."""
    markers: list[Any] = []
    many = False
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            markers += list(args[1:])
            tp = args[0]
        elif origin in _UNIONS:
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = members[0] if len(members) == 1 else tp
            if len(members) != 1:
                return tp, markers, many
        elif origin is list:
            many = True
            tp = typing.get_args(tp)[0]
        else:
            return tp, markers, many


@cache
def _members(struct: type) -> tuple[tuple[str, Any, tuple[Any, ...], bool], ...]:
    """(field name, its struct or scalar type, its markers, whether it is a list) for each field of a struct
    (made once per struct: the kinds and the references are read from the same)."""
    notes = _annotations(struct)
    out = []
    for name in fields(struct):
        core, markers, many = _unwrap(notes[name])
        out.append((name, core, tuple(markers), many))
    return tuple(out)


def _annotations(struct: type) -> dict[str, Any]:
    """A struct's field annotations with their markers; written as strings (postponed annotations), resolved."""
    out: dict[str, Any] = {}
    for klass in reversed(struct.__mro__):
        out.update(getattr(klass, "__annotations__", {}))
    if any(isinstance(v, str) for v in out.values()):
        return typing.get_type_hints(struct, include_extras=True)
    return out


_R = TypeVar("_R")


def code_of(word: str) -> str | None:
    """The code of the kind ``word`` names: its code, or its words in either language, singular or plural (城市,
    cities); None for no kind."""
    key = word.strip().lower()
    for info in kinds():
        d = info.decl
        if key in (d.code, d.words.en.lower(), d.words.zh, d.plural.en.lower(), d.plural.zh):
            return d.code
    return None


def per_plan(make: Callable[[Any], _R]) -> Callable[[Any], _R]:
    """``make(plan)``, made once for the plan last asked about: held with the plan, so that a plan that is gone can
    never pass for a new one at the same address (a server holds one plan at a time)."""
    last: list[tuple[Any, _R]] = []

    @wraps(make)
    def made(plan: Any) -> _R:
        if not last or last[0][0] is not plan:
            last[:] = [(plan, make(plan))]
        return last[0][1]

    return made


def fields(struct: type) -> tuple[str, ...]:
    """A struct's field names, in order (cheaper than msgspec.structs.fields)."""
    return struct.__struct_fields__  # type: ignore[attr-defined, no-any-return]


class KindInfo(msgspec.Struct, frozen=True):
    """A kind of record as the catalogue knows it: its declaration, where its records are, its struct."""

    code: str
    decl: Kind
    path: tuple[str, ...]  # fields from the plan to the records: ("cities", "offers")
    struct: type
    single: bool  # one record (the plan), not a list
    parent: str | None  # the code of the kind that nests it

    @property
    def table(self) -> str:
        """The plan field (and SQLite table) that holds the records: the last step of the path."""
        return self.path[-1]

    @property
    def words(self) -> Text:
        return self.decl.words


@cache
def kinds() -> tuple[KindInfo, ...]:
    """Every kind of record, in the order the plan declares them (nested kinds after their parent)."""
    out: list[KindInfo] = []

    def walk(struct: type, path: tuple[str, ...], parent: str | None) -> None:
        notes = _annotations(struct)
        for name in fields(struct):
            decl = _kind_of(notes[name])
            if decl is None:
                continue
            core, _, many = _unwrap(notes[name])
            out.append(KindInfo(decl.code, decl, (*path, name), core, not many, parent))
            walk(core, (*path, name), decl.code)

    walk(plan_type(), (), None)
    return tuple(out)


@cache
def history_tables() -> tuple[str, ...]:
    """The plan's fields that hold the history's kinds (``Kind(history=True)``): what the history files, shared by
    every year's plan, may hold; the cache keeps them apart from the rest of a plan (``cache.PlanCache``)."""
    struct = plan_type()
    notes = _annotations(struct)
    return tuple(name for name in fields(struct) if (decl := _kind_of(notes[name])) is not None and decl.history)


def _kind_of(annotation: Any) -> Kind | None:
    """The ``Kind`` a field's annotation declares (always outermost: ``Annotated[list[City], Kind(...)]``), or None.

    Only the fields that declare a kind are unwrapped (``_members`` unwraps every field: 0.6 ms for all the
    model's structs, of every command that lists kinds)."""
    if typing.get_origin(annotation) is typing.Annotated:
        for marker in annotation.__metadata__:
            if isinstance(marker, Kind):
                return marker
    return None


def kind(code: str) -> KindInfo:
    """The kind with this code; KeyError for an unknown one."""
    for k in kinds():
        if k.code == code:
            return k
    raise KeyError(code)


def codes() -> tuple[str, ...]:
    """The codes of every kind, in the catalogue's order."""
    return tuple(k.code for k in kinds())


def records(plan: Any, info: KindInfo) -> Iterator[tuple[Any, Any]]:
    """(record, parent record or None) for every record of a kind, in the plan's order."""
    head, *rest = info.path
    top = getattr(plan, head)
    if not rest:
        if info.single:
            yield top, None
        else:
            yield from ((r, None) for r in top)
        return
    (child,) = rest  # kinds nest one level deep
    for parent in top:
        yield from ((r, parent) for r in getattr(parent, child))


def values(value: Any, path: str | tuple[str, ...]) -> list[Any]:
    """The values at a ``path`` inside a record (dotted, or its steps), stepping into lists: ``counts.label``."""
    current = [value]
    for step in path.split(".") if isinstance(path, str) else path:
        nxt: list[Any] = []
        for item in current:
            v = getattr(item, step, None)
            if isinstance(v, list):
                nxt.extend(v)
            elif v is not None:
                nxt.append(v)
        current = nxt
    return current


class FieldLink(msgspec.Struct, frozen=True):
    """A reference inside a struct: the path to the field (through nested values), the link, whether it holds a list."""

    path: tuple[str, ...]
    link: Link
    many: bool
    number: bool  # the key is a number (groups, actions)


def struct_links(struct: type) -> tuple[FieldLink, ...]:
    """Every reference a struct holds, its own and those of the values nested in it (not of nested kinds)."""
    return _struct_links(struct)


@cache
def _struct_links(struct: type) -> tuple[FieldLink, ...]:
    out: list[FieldLink] = []

    def walk(st: type, path: tuple[str, ...], seen: frozenset[type]) -> None:
        for name, core, markers, many in _members(st):
            if any(isinstance(m, Kind) for m in markers):
                continue  # a nested kind has links of its own
            link = next((m for m in markers if isinstance(m, Link)), None)
            if link is not None:
                out.append(FieldLink((*path, name), link, many, core is int))
            elif isinstance(core, type) and issubclass(core, msgspec.Struct) and core is not Text and core not in seen:
                walk(core, (*path, name), seen | {core})

    walk(struct, (), frozenset({struct}))
    return tuple(out)


def link_values(record: Any, fl: FieldLink) -> list[Any]:
    """The ids a record refers to through one of its references."""
    return [v for v in values(record, fl.path) if v is not None]


def title(info: KindInfo, record: Any, parent: Any, plan: Any = None) -> Text:
    """A record's title, as its kind declares it (a function of the record may look at the plan)."""
    t = info.decl.title
    if callable(t):
        return t(record, parent, plan)
    value = getattr(record, t)
    return value if isinstance(value, Text) else Text(zh=str(value), en=str(value))


def handle(info: KindInfo, record: Any) -> str:
    """The id people use for a record (a group's slug, an action's number)."""
    return str(getattr(record, info.decl.handle))


def key(info: KindInfo, record: Any) -> Any:
    """The value references point at (a group's number, every other record's id)."""
    return getattr(record, info.decl.key)
