"""SQLite: the whole plan as a database for sqlite3, sqlite-utils or Datasette, built from the catalogue of kinds.

- A table per kind of record (``actions``, ``events``, ``offers`` ...), its key the primary key; texts in both
  languages as ``_en``/``_zh`` columns; places as ``place_en``/``place_zh``/``place_known``.
- A foreign key for every reference the model declares (``measures.action_id`` -> ``actions``); a list of
  references is a link table (``measures_events``); a nested kind names its parent (``offers.city_id``).
- Values that come in lists are child tables of their record: ``event_dates``/``edition_dates`` (ISO
  ``start_date``/``end_date`` with their ``precision``), ``event_counts``/``edition_counts``/``fact_counts``,
  ``person_roles``, ``status_evidence``; ``citations`` says which record (or which of its values) cites which source
  where, ``paragraph_citations`` which paragraphs of the primary article.
- Views for the common joins: ``events_with_series`` (events with their series and city) and
  ``figures_with_actions`` (figures with the actions whose measures name them).
- No table or column is named with an SQL keyword, so every column can be selected without quotes.
- Full-text search per table, the way sqlite-utils' ``enable-fts`` makes it (``<table>_fts``, FTS5 with
  ``content="<table>"``), so that Datasette's search box works on every table of records. FTS5's tokenizers
  cannot split Chinese, so each record's ``search_text`` holds its words as ``sdpartner search`` analyses
  them (whole words, and every two-character Chinese term beside the Chinese as written): ``储能`` finds
  储能之都 (a longer Chinese word is found by its parts, ``进口 商品``). ``metadata()`` describes every table for
  Datasette, and the columns with a declared meaning.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import Any

import msgspec

from ..plan import catalogue as cat
from ..plan.model import Citation, Place, Plan
from ..text import Text

# SQL keywords (SQLite's list) that a generated name must not be: they are renamed
KEYWORDS = frozenset("""abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade case cast
check collate column commit conflict constraint create cross current current_date current_time current_timestamp database default
deferrable deferred delete desc detach distinct do drop each else end escape except exclude exclusive exists explain fail filter first
following for foreign from full generated glob group groups having if ignore immediate in index indexed initially inner insert instead
intersect into is isnull join key last left like limit match materialized natural no not nothing notnull null nulls of offset on or order
others outer over partition plan pragma preceding primary query raise range recursive references regexp reindex release rename replace
restrict returning right rollback row rows savepoint select set table temp temporary then ties to transaction trigger unbounded union
unique update using vacuum values view virtual when where window with without""".split())
_RENAME = {"plan": "plans", "groups": "action_groups", "start": "start_date", "end": "end_date"}


def safe(name: str) -> str:
    """A table or column name that is no SQL keyword."""
    name = _RENAME.get(name, name)
    return name + "_" if name in KEYWORDS else name


@cache
def _shapes(struct: type) -> dict[str, tuple[str, Any]]:
    """field -> what it holds, from its declared type (the catalogue's reading of it, once per struct): text,
    texts, place, structs (nested values), struct, or other; with the type."""
    out: dict[str, tuple[str, Any]] = {}
    for name, core, _, many in cat._members(struct):
        if core is Text:
            out[name] = ("texts" if many else "text"), core
        elif core is Place:
            out[name] = "place", core
        elif isinstance(core, type) and issubclass(core, msgspec.Struct):
            out[name] = ("structs" if many else "struct"), core
        else:
            out[name] = "other", core
    return out


def _plain(value: Any) -> Any:
    """A value of no other shape as one column: a list joined with '; ' (None when empty), anything else as builtins."""
    if isinstance(value, list):
        return "; ".join(str(x) for x in value) or None
    return msgspec.to_builtins(value)


class _Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.tables: dict[str, dict[str, str]] = {}  # table -> column -> description
        self.cited: list[dict[str, Any]] = []  # a row per citation of another source, by the record or one of its values
        self.paragraphs: list[dict[str, Any]] = []  # a row per paragraph of the primary article cited, likewise
        self.fts: dict[str, list[str]] = {}  # table -> analysed texts, by row
        self.keys: dict[str, set[Any]] = {}  # kind -> the keys of its records

    def table(self, name: str, columns: list[str], rows: list[dict[str, Any]], pk: str | None, fks: dict[str, str], about: dict[str, str]) -> None:
        decl = [f"{c}" + (" PRIMARY KEY" if c == pk else "") + (f" REFERENCES {fks[c]}({self.key_of(fks[c])})" if c in fks else "") for c in columns]
        self.con.execute(f"CREATE TABLE {name} ({', '.join(decl)})")
        self.con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})", [[r.get(c) for c in columns] for r in rows])
        self.tables[name] = {c: about.get(c, "") for c in columns}

    def key_of(self, table: str) -> str:
        return "id"

    def kind_of(self, record_id: Any, targets: tuple[str, ...]) -> str | None:
        """Which of ``targets`` has a record with this id."""
        return next((t for t in targets if record_id in self.keys.get(t, set())), None)

    def kind_table(self, info: cat.KindInfo, items: list[tuple[Any, Any]], search: list[str]) -> None:
        """The table of one kind: its records, their references, their nested values."""
        name = safe(info.table)
        struct = info.struct
        shapes = _shapes(struct)
        flinks = {fl.path[0]: fl for fl in cat.struct_links(struct) if len(fl.path) == 1}
        rows: list[dict[str, Any]] = []
        columns: list[str] = ["id"]
        about: dict[str, str] = {"id": f"the {info.code}'s id" + (" (its number)" if info.decl.key != info.decl.handle else "")}
        fks: dict[str, str] = {}
        links: dict[str, list[dict[str, Any]]] = {}
        children: dict[str, list[tuple[str, Any]]] = {}
        parent_key = f"{info.parent}_id" if info.parent else None
        for record, parent in items:
            rid = cat.key(info, record)
            row: dict[str, Any] = {"id": rid}
            if info.decl.handle != info.decl.key:
                row["slug"] = cat.handle(info, record)
            if parent_key:
                row[parent_key] = cat.key(cat.kind(info.parent or ""), parent)
                fks[parent_key] = safe(cat.kind(info.parent or "").table)
            for field in cat.fields(struct):
                value = getattr(record, field)
                shape, core = shapes[field]
                fl = flinks.get(field)
                if field in ("id",) or (field == info.decl.handle and field != info.decl.key):
                    continue
                if core is Citation:
                    self.cite(info.code, rid, None, None, value, [])
                    continue
                if field == "cites":
                    self.cite(info.code, rid, None, None, [], value)
                if fl is not None and fl.many:
                    if len(fl.link.targets) == 1:
                        links.setdefault(field, []).extend({f"{info.code}_id": rid, f"{fl.link.targets[0]}_id": x} for x in value)
                    else:  # a reference to records of several kinds: the kind is a column, no foreign key
                        links.setdefault(field, []).extend({f"{info.code}_id": rid, "record_type": self.kind_of(x, fl.link.targets), "record_id": x} for x in value)
                    continue
                if fl is not None:
                    col = safe(f"{field}_id")
                    row[col] = value
                    if len(fl.link.targets) == 1:
                        fks[col] = safe(cat.kind(fl.link.targets[0]).table)
                    about.setdefault(col, f"the id of a {' or '.join(fl.link.targets)}")
                elif shape == "text":
                    row[f"{field}_en"], row[f"{field}_zh"] = (value.en, value.zh) if value is not None and value.en else (None, None)
                elif shape == "texts":
                    row[f"{field}_en"] = "; ".join(t.en for t in value) or None
                    row[f"{field}_zh"] = "; ".join(t.zh for t in value) or None
                elif shape == "place":
                    row[f"{field}_en"], row[f"{field}_zh"] = (value.name.en, value.name.zh) if value is not None else (None, None)
                    row[f"{field}_known"] = value.known if value is not None else None
                    about.setdefault(f"{field}_known", "how the place is known: stated, from_name (the event's name) or inferred")
                elif shape == "structs":
                    if any(k.path[-1] == field and k.parent == info.code for k in cat.kinds()):
                        continue  # a nested kind: a table of its own
                    children.setdefault(field, []).extend((rid, x) for x in value)
                elif shape != "struct":
                    row[safe(field)] = _plain(value)
            rows.append(row)
            columns += [c for c in row if c not in columns]
        columns.append("search_text")
        for row, text in zip(rows, search, strict=True):
            row["search_text"] = text
        about["search_text"] = "the record's words as sdpartner search analyses them (indexed by the table's full-text search)"
        self.table(name, columns, rows, pk="id", fks=fks, about=about)
        self.fts[name] = search
        for field, link_rows in links.items():
            fl = flinks[field]
            if len(fl.link.targets) == 1:
                target = fl.link.targets[0]
                cols = [f"{info.code}_id", f"{target}_id"]
                self.table(f"{name}_{safe(field)}", cols, link_rows, pk=None, fks={cols[0]: name, cols[1]: safe(cat.kind(target).table)},
                           about={cols[0]: f"the {info.code}", cols[1]: f"the {target} it names"})
            else:
                cols = [f"{info.code}_id", "record_type", "record_id"]
                self.table(f"{name}_{safe(field)}", cols, link_rows, pk=None, fks={cols[0]: name},
                           about={cols[0]: f"the {info.code}", "record_type": f"the kind of record it names: {', '.join(fl.link.targets)}", "record_id": "its id"})
        for field, pairs in children.items():
            self.values(field, info, pairs)

    def cite(self, kind: str, rid: Any, held_in: str | None, position: int | None, citations: list[Citation], paragraphs: list[int]) -> None:
        """A record's (or one of its values') citations of other sources and of the article's paragraphs."""
        whose = {"record_type": kind, "record_id": rid, "value_field": held_in, "value_position": position}
        self.cited += [{**whose, "source_id": c.source, "at": c.at} for c in citations]
        self.paragraphs += [{**whose, "paragraph": n} for n in paragraphs]

    def values(self, held_in: str, owner: cat.KindInfo, pairs: list[tuple[Any, Any]]) -> None:
        """A child table of nested values (dates, counts, roles, evidence), each row naming its record; their
        citations go to ``citations`` and ``paragraph_citations`` with the field and position that hold them."""
        if not pairs:
            return
        name = f"{owner.code}_{held_in}"
        struct: type = type(pairs[0][1])
        shapes = _shapes(struct)
        flinks = {fl.path[0]: fl for fl in cat.struct_links(struct) if len(fl.path) == 1}
        owner_key = f"{owner.code}_id"
        rows: list[dict[str, Any]] = []
        columns = [owner_key, "position"]
        fks = {owner_key: safe(owner.table)}
        last, position = None, 0
        for rid, value in pairs:
            position = position + 1 if rid == last else 0
            last = rid
            row: dict[str, Any] = {owner_key: rid, "position": position}
            for field in cat.fields(struct):
                v = getattr(value, field)
                shape, core = shapes[field]
                if core is Citation:
                    row["source_ids"] = "; ".join(c.source for c in v) or None
                    self.cite(owner.code, rid, held_in, position, v, [])
                    continue
                if field == "cites":
                    self.cite(owner.code, rid, held_in, position, [], v)
                fl = flinks.get(field)
                if fl is not None:
                    row[safe(f"{field}_id")] = v
                    if len(fl.link.targets) == 1:
                        fks[safe(f"{field}_id")] = safe(cat.kind(fl.link.targets[0]).table)
                elif shape == "text":
                    row[f"{field}_en"], row[f"{field}_zh"] = (v.en, v.zh) if v is not None else (None, None)
                elif shape not in ("texts", "structs", "struct", "place"):
                    row[safe(field)] = _plain(v)
            rows.append(row)
            columns += [c for c in row if c not in columns]
        self.table(safe(name), columns, rows, pk=None, fks=fks, about={owner_key: f"the {owner.code} it belongs to", "position": "its place in the record's list"})

    def search_index(self) -> None:
        """Full-text search per table, as sqlite-utils' enable-fts makes it (Datasette finds it by its content=)."""
        for table in self.fts:
            self.con.execute(f'CREATE VIRTUAL TABLE {table}_fts USING fts5(search_text, content="{table}")')
            self.con.execute(f"INSERT INTO {table}_fts (rowid, search_text) SELECT rowid, search_text FROM {table}")
            self.tables[f"{table}_fts"] = {}


_VIEWS = {
    "events_with_series": (
        "CREATE VIEW events_with_series AS SELECT e.id, e.name_en, e.name_zh, e.year, e.edition, e.series_id, s.name_en AS series_en, "
        "s.name_zh AS series_zh, e.city_id, c.name_en AS city_en, c.name_zh AS city_zh, e.place_en, e.place_zh, e.place_known "
        "FROM events e LEFT JOIN series s ON s.id = e.series_id LEFT JOIN cities c ON c.id = e.city_id",
        "The plan's events with their series and city"),
    "figures_with_actions": (
        "CREATE VIEW figures_with_actions AS SELECT f.id AS figure_id, f.label_en, f.label_zh, f.value, f.qualifier, f.currency, f.year, f.kind, "
        "a.id AS action_id, a.name_en AS action_en, a.name_zh AS action_zh FROM figures f "
        "LEFT JOIN measures_figures mf ON mf.figure_id = f.id LEFT JOIN measures m ON m.id = mf.measure_id LEFT JOIN actions a ON a.id = m.action_id",
        "Figures with the actions whose measures name them (a figure named by no action's measure has no action)"),
}


def write(plan: Plan, path: str, analysed: dict[tuple[str, str], str]) -> None:
    """Write the plan to a new SQLite file at ``path``; ``analysed`` is (kind, id) -> a record's analysed words."""
    con = sqlite3.connect(path)
    try:
        b = _Builder(con)
        b.keys = {info.code: {cat.key(info, r) for r, _ in cat.records(plan, info)} for info in cat.kinds()}
        for info in cat.kinds():
            items = list(cat.records(plan, info))
            b.kind_table(info, items, [analysed.get((info.code, cat.handle(info, r)), "") for r, _ in items])
        held = {"value_field": "NULL when the record itself cites; else its list of values that holds the citation (dates, counts, evidence ...)",
                "value_position": "and the value's place in that list (the position column of the values' table)"}
        b.table("citations", ["record_type", "record_id", "value_field", "value_position", "source_id", "at"], b.cited, pk=None, fks={"source_id": "sources"},
                about={"record_type": "the kind of the record that cites", "record_id": "its id", **held, "source_id": "the source it cites",
                       "at": "where in the source"})
        b.table("paragraph_citations", ["record_type", "record_id", "value_field", "value_position", "paragraph"], b.paragraphs, pk=None, fks={},
                about={"record_type": "the kind of the record that cites", "record_id": "its id", **held,
                       "paragraph": "the paragraph of the primary article it cites (the article table says how they are numbered)"})
        for name, (sql, _) in _VIEWS.items():
            con.execute(sql)
        b.search_index()
        con.commit()
        _TABLES.clear()
        _TABLES.update(b.tables)
    finally:
        con.close()


_TABLES: dict[str, dict[str, str]] = {}


def metadata(db_name: str) -> dict[str, Any]:
    """A Datasette ``metadata.json`` describing every table of the database just written and its declared columns."""
    descriptions = {safe(k.table): k.decl.about.en for k in cat.kinds()}
    descriptions["citations"] = "Which record (or which of its values) cites which source, and where in it"
    descriptions["paragraph_citations"] = "Which record (or which of its values) cites which paragraph of the primary article"
    tables: dict[str, Any] = {}
    for name, columns in _TABLES.items():
        if name.endswith("_fts"):
            tables[name] = {"hidden": True}
            continue
        entry: dict[str, Any] = {"description": descriptions.get(name, _child_description(name)), "columns": {c: d for c, d in columns.items() if d}}
        if f"{name}_fts" in _TABLES:  # the tables of records (the citations have none)
            entry["fts_table"] = f"{name}_fts"
        tables[name] = entry
    for name, (_, text) in _VIEWS.items():
        tables[name] = {"description": text}
    return {"title": "sdpartner: Shandong's \"Ten Partner Actions\" plan", "description": "Exported by sdpartner; every record cites its sources (citations).",
            "databases": {db_name: {"tables": tables}}}


def _child_description(name: str) -> str:
    owner, _, field = name.partition("_")
    return f"{field.replace('_', ' ').capitalize()} of each {owner}, one row each" if field else name


def analysed_text(plan: Plan) -> dict[tuple[str, str], str]:
    """(kind, id) -> the record's words as search analyses them: every word and term, the Chinese as written too."""
    from ..query.records import entries
    from ..query.search import fields
    from ..query.terms import tokens

    out: dict[tuple[str, str], str] = {}
    for e in entries(plan):
        words: list[str] = []
        for _, text in fields(e):
            for tok in tokens(text):
                words.append(tok.surface or tok.term)
                if tok.term != tok.surface and not tok.term.startswith("u:"):
                    words.append(tok.term)
        out[(e.kind, e.id)] = " ".join(dict.fromkeys(w for w in words if w))
    return out

