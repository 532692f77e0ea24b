"""The shapes views produce and renderers consume: a Listing (rows of records) or a Detail (one record).

Keeping these plain lets every renderer serve every command: a new command never touches a renderer
and a new format never touches a command.
"""

from typing import Any, TypeVar, Union

import msgspec

Value = Union[str, int, float, bool, None, list[Any], dict[str, Any]]


class Column(msgspec.Struct, frozen=True):
    """A column (or a field of a Detail): its JSON key, its header for people and how to show it.

    ``style``: "id", "name", "number", "bar", "dim" or "" (renderers may ignore it); ``table=False``:
    machine formats only (json, csv, tsv), kept out of tables for width; ``wide``: in tables only with --wide; ``missing``: what people see
    for None in this column, if not the listing's word; ``labels``: code -> word for people (tables,
    Markdown), while machine formats keep the code.
    """

    key: str
    header: str
    style: str = ""
    table: bool = True
    wide: bool = False  # shown in tables only with --wide (the default set fits an 80-column screen)
    missing: str = ""
    labels: dict[str, str] = {}
    qualifier: str = ""  # the key of another value of the row that qualifies this one for people
    qualifiers: dict[str, str] = {}  # that value (as text) -> the word people see in brackets after this one

    def show(self, value: Value) -> Value:
        """The value as people read it: a code replaced by its label."""
        if self.labels and isinstance(value, (str, bool)):  # a bool by its name: {"True": "是"}
            return self.labels.get(str(value) if isinstance(value, bool) else value, value)
        return value

    @property
    def shown(self) -> bool:
        """Whether people's formats (tables, Markdown) show this column."""
        return self.table and not self.wide

    def display(self, row: dict[str, Value], words: dict[str, str] | None = None) -> Value:
        """This column's value in a row as people read it: its words where the view gave some, else the value with
        its qualifier: '2026 (the plan's year)'."""
        if words and self.key in words:
            return words[self.key]
        value = self.show(row.get(self.key))
        word = self.qualifiers.get(str(row.get(self.qualifier))) if self.qualifier and value is not None else None
        return f"{value} ({word})" if word else value


class Listing(msgspec.Struct, frozen=True):
    """Rows of records with the same columns; JSON renders it as an array of objects.

    ``missing`` is what people see for None, ``empty`` what they see for a listing without rows."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Value], ...]
    missing: str = "not stated"
    empty: str = "(none)"
    caption: str = ""  # a line people read under the table (tables and Markdown only)
    people: tuple[dict[str, str], ...] = ()  # per row: the words people read for some keys (a date in words), where they differ from the value

    def words(self, i: int) -> dict[str, str]:
        """What people read instead of row ``i``'s values, where the view says it in words."""
        return self.people[i] if self.people else {}

    def __post_init__(self) -> None:
        # a view builds every row from one dict literal: checking the first row checks them all
        if self.rows and list(self.rows[0]) != [c.key for c in self.columns]:
            raise ValueError(f"row keys {list(self.rows[0])} are not the columns of {self.title!r}, in order")


class Detail(msgspec.Struct, frozen=True):
    """One record: named fields and sections of rows; JSON renders it as one object."""

    title: str
    fields: tuple[tuple[Column, Value], ...]
    sections: tuple[tuple[str, Listing], ...] = ()
    missing: str = "not stated"
    people: dict[str, str] = {}  # the words people read for some fields (a date in words), where they differ from the value


class Bundle(msgspec.Struct, frozen=True, kw_only=True):
    """A document whose JSON is a value of its own: a whole plan for ``export``, the changes of ``diff``.

    ``data`` is what JSON writes; ``records`` what JSON Lines writes, one a line (each with its ``type``);
    ``table`` what CSV and TSV write; ``parts`` are (heading level, document) in reading order for people
    (tables, Markdown), and ``footer`` closes them."""

    data: object
    records: tuple[dict[str, Any], ...] = ()
    table: Union[Listing, None] = None
    parts: tuple[tuple[int, Union[Listing, Detail]], ...] = ()
    footer: str = ""


Document = Union[Listing, Detail, Bundle]


_D = TypeVar("_D", Column, Listing, Detail)


def replace(document: _D, **changes: Any) -> _D:
    """A copy with some fields changed."""
    return msgspec.structs.replace(document, **changes)


def widen(document: Document) -> Document:
    """Every column meant for tables shown, the --wide ones too (a Detail's sections likewise)."""
    if isinstance(document, Listing):
        return replace(document, columns=tuple(replace(c, wide=False) for c in document.columns))
    if isinstance(document, Detail):
        return replace(document, sections=tuple((name, widen(section)) for name, section in document.sections))
    return document


def column_keys(document: Document) -> list[str]:
    """The keys --columns may name for a document: every column of a listing."""
    return [c.key for c in document.columns] if isinstance(document, Listing) else []


def columns_listing(document: Document, title: str, headers: tuple[str, str]) -> Listing:
    """The columns of a listing as a listing of their own (``--columns help``): key and header."""
    cols = (Column(key="column", header=headers[0], style="id"), Column(key="label", header=headers[1]))
    rows: tuple[dict[str, Value], ...] = ()
    if isinstance(document, Listing):
        rows = tuple({"column": c.key, "label": c.header} for c in document.columns)
    return Listing(title=title, columns=cols, rows=rows)


def pick_columns(document: Document, keys: list[str]) -> Document:
    """A listing with only ``keys``, in that order, every one shown in every format; ValueError names a key it lacks."""
    if not isinstance(document, Listing):
        raise ValueError("--columns applies to listings")
    by_key = {c.key: c for c in document.columns}
    unknown = [k for k in keys if k not in by_key]
    if unknown:
        raise ValueError(unknown[0])
    cols = tuple(replace(by_key[k], table=True, wide=False) for k in keys)
    rows = tuple({k: row.get(k) for k in keys} for row in document.rows)
    return replace(document, columns=cols, rows=rows)  # people's words stay: they are keyed by column
