"""A validated plan as light read-only records: what queries and views read, loaded without msgspec.

Why a second form of the plan: importing msgspec and defining the schema's Struct classes costs about
10 ms on every command, most of the budget the start-up benchmark allows over Typer itself (issue 5,
BENCHMARKS.md). So a plan file is validated once, by msgspec into ``model.Plan``; :func:`freeze` turns
that Plan into a payload in ``marshal`` format (the interpreter's own format for ``.pyc`` files: built
in, nothing to import, ~0.2 ms for the bundled plan), and the cache keeps the payload; :func:`thaw`
turns a payload into records. ``load_plan`` always returns thawed records, cached or not, so every
command reads one form of the plan.

The records are generated from the layout the payload carries, which freeze takes from the Struct
classes themselves: the schema is still declared once, in ``model.py``. Each record class is a tuple
subclass with the Struct's name and a read-only attribute per field, so code reads ``event.name.en``
exactly as it would on the Structs; coded values are the enums of ``base.py`` and dates are
``datetime.date``, as msgspec would give them. Unlike Structs, records are tuples: they compare by
value, never raise on assignment, just refuse it, and ``to_builtins`` turns them back into the JSON
shape of the model.
"""

from __future__ import annotations

import datetime as _dt
import marshal
from enum import Enum
from operator import itemgetter
from typing import Any

from .base import ENUMS, TextMethods

FORMAT = "sdpartner-frozen-1"  # first item of every payload; change it when the encoding changes


class Frozen(tuple):
    """Base of the record classes: a tuple of field values with one read-only attribute per field."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self))})"

    def __reduce__(self) -> tuple[Any, ...]:  # copy.copy and deepcopy (subclasses may have their own __new__)
        return (tuple.__new__, (type(self), tuple(self)))


def _record_class(name: str, fields: tuple[str, ...], bases: tuple[type, ...] = ()) -> type[Frozen]:
    namespace: dict[str, Any] = {"__slots__": (), "_fields": fields}
    for i, field in enumerate(fields):
        namespace[field] = property(itemgetter(i), doc=f"{name}.{field}")
    return type(name, (Frozen, *bases), namespace)


# The bilingual text is also built by code (labels, search titles), so its class exists before any thaw.
_Text = _record_class("Text", ("zh", "en"), (TextMethods,))


class Text(_Text):  # type: ignore[misc, valid-type]
    """A bilingual text record: ``Text(zh=..., en=...)``; ``pick(lang)`` chooses one."""

    __slots__ = ()

    def __new__(cls, zh: str, en: str) -> Text:
        return tuple.__new__(cls, (zh, en))


_KNOWN: dict[str, type[Frozen]] = {"Text": Text}
_CONVERT: dict[str, Any] = {**ENUMS, "date": _dt.date.fromisoformat}


def freeze(plan: Any) -> bytes:
    """A validated ``model.Plan`` (or any tree of msgspec Structs) as a payload for :func:`thaw`.

    Encoding: a Struct is a tuple ``(class index, *field values)``, a list stays a list, an enum or a
    date is ``(-1 - converter index, value)``; strings, numbers, booleans and None are themselves. The
    layout lists each class's name, fields and the field positions whose values need thawing.
    """
    classes: dict[type, int] = {}
    layout: list[tuple[str, tuple[str, ...], set[int]]] = []
    converters: dict[str, int] = {}
    # one object per distinct string and per distinct record without lists, which marshal then writes once
    # and refers back to: a plan repeats its kinds, places and keywords. (Equal tuples start with the same
    # class index, so their fields have the same types: 1 == 1.0 == True cannot mix them up.)
    shared: dict[Any, Any] = {}

    def share(value: Any) -> Any:
        try:
            return shared.setdefault(value, value)
        except TypeError:  # holds a list: not hashable, not shared
            return value

    def needs_thaw(value: Any) -> bool:
        return type(value) is tuple or (type(value) is list and any(type(v) in (tuple, list) for v in value))

    def enc(value: Any) -> Any:
        fields = getattr(type(value), "__struct_fields__", None)
        if fields is not None:
            index = classes.setdefault(type(value), len(classes))
            if index == len(layout):
                layout.append((type(value).__name__, tuple(fields), set()))
            encoded = tuple(enc(getattr(value, f)) for f in fields)
            layout[index][2].update(i for i, v in enumerate(encoded) if needs_thaw(v))
            return share((index, *encoded))
        if type(value) is list:
            return [enc(v) for v in value]
        if isinstance(value, Enum):
            name = type(value).__name__
            return share((-1 - converters.setdefault(name, len(converters)), value.value))
        if isinstance(value, _dt.date):
            return share((-1 - converters.setdefault("date", len(converters)), value.isoformat()))
        if type(value) is str:
            return share(value)
        if value is None or type(value) in (int, float, bool):
            return value
        raise TypeError(f"cannot freeze a value of type {type(value).__name__}")

    data = enc(plan)
    return marshal.dumps((FORMAT, [(n, f, tuple(sorted(i))) for n, f, i in layout], list(converters), data))


def thaw(payload: bytes | memoryview) -> Any:
    """The records of a payload made by :func:`freeze`; ValueError if it is not one."""
    try:
        fmt, layout, converter_names, data = marshal.loads(payload)
        if fmt != FORMAT:
            raise ValueError(f"unknown payload format {fmt!r}")
        classes = []
        for name, fields, nested in layout:
            cls = _KNOWN.get(name)
            if cls is None or cls._fields != fields:
                cls = _record_class(name, fields)
            classes.append((cls, nested))
        converters = [_CONVERT[n] for n in converter_names]
        return _thaw(data, classes, converters)
    except (EOFError, TypeError, IndexError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a frozen plan: {exc}") from None


def _thaw(data: Any, classes: list[tuple[type[Frozen], tuple[int, ...]]], converters: list[Any]) -> Any:
    new = tuple.__new__
    leaves: dict[tuple[Any, ...], Any] = {}  # one record per distinct record without nested ones (e.g. Text)

    def dec(x: Any) -> Any:
        t = type(x)
        if t is tuple:
            tag = x[0]
            if tag < 0:
                return converters[-1 - tag](x[1])
            cls, nested = classes[tag]
            if not nested:
                try:
                    return leaves[x]
                except KeyError:
                    record = leaves[x] = new(cls, x[1:])
                    return record
            values = list(x[1:])
            for i in nested:
                values[i] = dec(values[i])
            return new(cls, values)
        if t is list:  # in place: each encoded item is freed as soon as its record exists (peak memory)
            for i, v in enumerate(x):
                if type(v) in (tuple, list):
                    x[i] = dec(v)
            return x
        return x

    return dec(data)


def to_builtins(value: Any) -> Any:
    """Records as JSON-ready builtins: objects with the fields in schema order, enums and dates as strings.

    The same value msgspec.to_builtins gives for the validated Structs (a test holds them equal)."""
    if isinstance(value, Frozen):
        return {f: to_builtins(v) for f, v in zip(value._fields, value)}
    if isinstance(value, list):
        return [to_builtins(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value
