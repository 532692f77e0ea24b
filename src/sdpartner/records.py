"""The neutral shapes that views produce and renderers consume: a Listing (rows) or a Detail (one record).

Keeping these plain lets every renderer serve every command: a new command never touches a renderer
and a new format never touches a command.
"""

from typing import Union

from msgspec import Struct

Value = Union[str, int, float, bool, None, list[str], list[int]]

# msgspec Structs rather than dataclasses: defining a frozen dataclass runs exec() and costs ~1 ms of
# start-up each; msgspec is imported on every command anyway.


class Column(Struct, frozen=True):
    """A column (or a field of a Detail): its JSON key, its header for people and how to show it."""

    key: str
    header: str
    style: str = ""  # "id", "name", "number", "bar", "dim" or "" (renderers may ignore it)
    table: bool = True  # False: machine formats only (json, csv, tsv), kept out of tables for width
    missing: str = ""  # what people see for None in this column, if not the listing's word
    labels: dict[str, str] = {}  # code -> word for people (tables, Markdown); machine formats keep the code

    def show(self, value: "Value") -> "Value":
        """The value as people read it: a code replaced by its label."""
        return self.labels.get(value, value) if isinstance(value, str) and self.labels else value


class Listing(Struct, frozen=True):
    """Rows of records with the same columns; JSON renders it as an array of objects."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Value], ...]
    missing: str = "not stated"  # what people see for None
    empty: str = "(none)"  # what people see for an empty listing

    def __post_init__(self) -> None:
        # a view builds every row from one dict literal: checking the first row checks them all
        if self.rows and list(self.rows[0]) != [c.key for c in self.columns]:
            raise ValueError(f"row keys {list(self.rows[0])} are not the columns of {self.title!r}, in order")


class Detail(Struct, frozen=True):
    """One record: named fields and sections of rows; JSON renders it as one object."""

    title: str
    fields: tuple[tuple[Column, Value], ...]
    sections: tuple[tuple[str, Listing], ...] = ()
    missing: str = "not stated"


Document = Union[Listing, Detail]
