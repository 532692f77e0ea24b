"""The neutral shapes that views produce and renderers consume: a Listing (rows) or a Detail (one record).

Keeping these plain lets every renderer serve every command: a new command never touches a renderer
and a new format never touches a command.

Plain classes with ``__slots__``: they are defined on every command's start-up, where a frozen dataclass
costs ~1 ms each (it runs exec), a NamedTuple ~0.1 ms and a msgspec Struct the import of msgspec, which
the query path no longer needs (see ``frozen.py``). Treat instances as immutable; ``replace`` copies.
"""

from __future__ import annotations

from typing import Any, Union

Value = Union[str, int, float, bool, None, list[str], list[int]]


class _Plain:
    """Slots-based value object: repr, equality and ``replace`` from ``__slots__``."""

    __slots__: tuple[str, ...] = ()

    def _items(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._items() == other._items()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable containers inside: not hashable

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed."""
        return type(self)(**{name: changes.get(name, getattr(self, name)) for name in self.__slots__})


class Column(_Plain):
    """A column (or a field of a Detail): its JSON key, its header for people and how to show it.

    ``style``: "id", "name", "number", "bar", "dim" or "" (renderers may ignore it); ``table=False``:
    machine formats only (json, csv, tsv), kept out of tables for width; ``missing``: what people see
    for None in this column, if not the listing's word; ``labels``: code -> word for people (tables,
    Markdown), while machine formats keep the code.
    """

    __slots__ = ("key", "header", "style", "table", "missing", "labels")

    def __init__(self, key: str, header: str, style: str = "", table: bool = True, missing: str = "", labels: dict[str, str] | None = None) -> None:
        self.key = key
        self.header = header
        self.style = style
        self.table = table
        self.missing = missing
        self.labels = labels or {}

    def show(self, value: Value) -> Value:
        """The value as people read it: a code replaced by its label."""
        return self.labels.get(value, value) if isinstance(value, str) and self.labels else value


class Listing(_Plain):
    """Rows of records with the same columns; JSON renders it as an array of objects.

    ``missing`` is what people see for None, ``empty`` what they see for a listing without rows."""

    __slots__ = ("title", "columns", "rows", "missing", "empty")

    def __init__(self, title: str, columns: tuple[Column, ...], rows: tuple[dict[str, Value], ...], missing: str = "not stated", empty: str = "(none)") -> None:
        # a view builds every row from one dict literal: checking the first row checks them all
        if rows and list(rows[0]) != [c.key for c in columns]:
            raise ValueError(f"row keys {list(rows[0])} are not the columns of {title!r}, in order")
        self.title = title
        self.columns = columns
        self.rows = rows
        self.missing = missing
        self.empty = empty


class Detail(_Plain):
    """One record: named fields and sections of rows; JSON renders it as one object."""

    __slots__ = ("title", "fields", "sections", "missing")

    def __init__(self, title: str, fields: tuple[tuple[Column, Value], ...], sections: tuple[tuple[str, Listing], ...] = (), missing: str = "not stated") -> None:
        self.title = title
        self.fields = fields
        self.sections = sections
        self.missing = missing


Document = Union[Listing, Detail]
