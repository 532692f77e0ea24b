"""SQLite: the whole plan as a database for sqlite3, sqlite-utils or Datasette (standard library only).

One table per kind of record with its primary key; a foreign key for every link (measure -> action,
event -> city, offer -> city ...); link tables for many-to-many links (``measures_events``); both
languages as ``_en``/``_zh`` columns; child tables for nested records (``offers``, ``roles``, ``counts``,
``dates``); ``sources_cited`` says which record cites which source. ``search`` is an FTS5 index over
names, descriptions and keywords. FTS5's own tokenizers cannot split Chinese, so each record's text is
stored analysed as ``sdpartner search`` analyses it (whole words, and every two-character Chinese term
besides the Chinese as written), so ``search MATCH '储能'`` finds 储能之都. ``metadata()`` describes the
tables as Datasette reads a ``metadata.json``.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import msgspec

from ..model import Plan, Ref, Text

SINGULAR = {"groups": "group", "actions": "action", "measures": "measure", "programmes": "programme", "figures": "figure", "events": "event",
            "cities": "city", "sectors": "sector", "organisations": "organisation", "people": "person", "documents": "document",
            "statements": "statement", "sources": "source", "series": "series", "editions": "edition", "observations": "observation",
            "offers": "offer", "roles": "role", "counts": "count", "dates": "date"}
# (table, field) -> the table a reference points to; a list of references becomes a link table
REFS: dict[tuple[str, str], str] = {
    ("actions", "group"): "groups", ("measures", "group"): "groups", ("measures", "action"): "actions",
    ("measures", "programmes"): "programmes", ("measures", "figures"): "figures", ("measures", "events"): "events",
    ("measures", "cities"): "cities", ("events", "city"): "cities", ("events", "group"): "groups", ("events", "action"): "actions",
    ("organisations", "shareholder"): "organisations", ("organisations", "figures"): "figures", ("documents", "presented_by"): "people",
    ("roles", "organisation"): "organisations", ("offers", "sectors"): "sectors", ("series", "events"): "events",
    ("editions", "series"): "series", ("observations", "figure"): "figures",
}
NESTED = {"offers": "cities", "roles": "people", "counts": "editions", "dates": "editions"}  # child table -> parent table
ORDER = ("sources", "groups", "actions", "programmes", "figures", "cities", "events", "series", "sectors", "organisations", "people",
         "documents", "measures", "statements", "editions", "observations")
DESCRIPTIONS = {
    "plan": "The plan as a whole (one row)", "groups": "The four groups of actions", "actions": "The ten actions",
    "measures": "Concrete measures, tied to a group and, where the article allows, an action (see attribution)",
    "programmes": "Named programmes, brands and mechanisms", "figures": "Targets and status figures; money in yuan; original is the source's wording",
    "events": "Events the plan names", "cities": "The five presenting cities", "offers": "What each city presented, in its own wording",
    "sectors": "Our own cross-city index of sectors (not a fact of the sources)", "organisations": "Organisations the sources name",
    "people": "People the sources name", "roles": "People's titles at organisations", "documents": "Documents released at the dialogue",
    "statements": "Other statements of the article, in our words", "sources": "Sources other than the primary article",
    "series": "Recurring events the plan names", "editions": "Earlier editions of the series", "counts": "Headline counts of editions, each as one source gives it",
    "dates": "Dates of editions, each as one source gives it (when: a day, a month or a range)", "observations": "Earlier readings of the plan's figures",
    "sources_cited": "Which record cites which source (kind, record_id, source_id)",
    "search": "Full-text index (FTS5): MATCH whole words or two-character Chinese terms; kind and record_id name the record",
}


def _shape(tp: Any) -> str:
    """What a field holds, from its declared type: text, texts, refs, records (nested Structs) or other."""
    import typing

    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if tp is Text or (args and all(a is Text for a in args) and typing.get_origin(tp) is not list):
        return "text"
    if typing.get_origin(tp) is list and args:
        inner = args[0]
        while typing.get_origin(inner) is typing.Annotated:
            inner = typing.get_args(inner)[0]
        if inner is Text:
            return "texts"
        if inner is Ref:
            return "refs"
        if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
            return "records"
    return "other"


class _Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.tables: list[str] = []
        self.cited: list[dict[str, Any]] = []

    def table(self, name: str, columns: list[str], rows: list[dict[str, Any]], pk: str | None, fks: dict[str, str]) -> None:
        decl = [f'"{c}"' + (" PRIMARY KEY" if c == pk else "") + (f' REFERENCES "{fks[c]}"(id)' if c in fks else "") for c in columns]
        self.con.execute(f'CREATE TABLE "{name}" ({", ".join(decl)})')
        self.con.executemany(f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(columns))})', [[r.get(c) for c in columns] for r in rows])
        self.tables.append(name)

    def records(self, name: str, items: list[Any], parents: list[str] | None = None) -> None:
        """A table of Structs: texts as _en/_zh, references as keys, lists of references as link tables, nested records as child tables."""
        rows: list[dict[str, Any]] = []
        columns: list[str] = []
        fks: dict[str, str] = {}
        links: dict[str, list[dict[str, Any]]] = {}
        children: dict[str, list[tuple[str, Any]]] = {}
        for position, item in enumerate(items):
            row: dict[str, Any] = {}
            if parents is not None:
                key = f"{SINGULAR[NESTED[name]]}_id"
                row[key], row["position"], fks[key] = parents[position], position, NESTED[name]
            rid = getattr(item, "id", None) or (f"{parents[position]}#{position}" if parents else None)
            for f in msgspec.structs.fields(item):
                value, target, shape = getattr(item, f.name), REFS.get((name, f.name)), _shape(f.type)
                if shape == "refs":
                    self.cited += [{"kind": SINGULAR[name], "record_id": rid, "source_id": r.source, "at": r.at} for r in value]
                    continue
                if shape in ("text", "texts") and not value:
                    row[f"{f.name}_en"], row[f"{f.name}_zh"] = None, None
                    continue
                if shape == "records" and not value:
                    continue
                if isinstance(value, Text):
                    row[f"{f.name}_en"], row[f"{f.name}_zh"] = value.en, value.zh
                elif target and isinstance(value, list):
                    links.setdefault(f.name, []).extend({f"{SINGULAR[name]}_id": rid, f"{SINGULAR[target]}_id": x} for x in value)
                elif target:
                    row[f"{f.name}_id"], fks[f"{f.name}_id"] = value, target
                elif value and isinstance(value, list) and isinstance(value[0], Text):
                    row[f"{f.name}_en"], row[f"{f.name}_zh"] = "; ".join(t.en for t in value), "; ".join(t.zh for t in value)
                elif value and isinstance(value, list) and isinstance(value[0], msgspec.Struct):
                    children.setdefault(f.name, []).extend((rid, x) for x in value)
                elif isinstance(value, list):
                    row[f.name] = "; ".join(str(v) for v in value) if value else None
                else:
                    row[f.name] = msgspec.to_builtins(value)
            rows.append(row)
            columns += [c for c in row if c not in columns]
        self.table(name, columns or ["id"], rows, pk="id" if "id" in columns else None, fks=fks)
        for field, link_rows in links.items():
            target = REFS[(name, field)]
            cols = [f"{SINGULAR[name]}_id", f"{SINGULAR[target]}_id"]
            self.table(f"{name}_{field}", cols, link_rows, pk=None, fks={cols[0]: name, cols[1]: target})
            DESCRIPTIONS.setdefault(f"{name}_{field}", f"Links: {name} -> {target}")
        for child, pairs in children.items():
            if child in NESTED:
                self.records(child, [x for _, x in pairs], parents=[rid for rid, _ in pairs])


def write(plan: Plan, path: str, entries: list[tuple[str, str, str, str]]) -> None:
    """Write the plan to a new SQLite file at ``path``; ``entries`` are (kind, id, title, analysed text) for the FTS index."""
    con = sqlite3.connect(path)
    try:
        b = _Builder(con)
        p = plan.plan
        b.table("plan", ["id", "name_en", "name_zh", "year", "released_at_id", "presented_by_id", "summary_en", "summary_zh"],
                [{"id": p.id, "name_en": p.name.en, "name_zh": p.name.zh, "year": p.year, "released_at_id": p.released_at,
                  "presented_by_id": p.presented_by, "summary_en": p.summary.en, "summary_zh": p.summary.zh}],
                pk="id", fks={"released_at_id": "events", "presented_by_id": "people"})
        for kind in ORDER:
            b.records(kind, getattr(plan, kind))
        b.table("sources_cited", ["kind", "record_id", "source_id", "at"], b.cited, pk=None, fks={"source_id": "sources"})
        con.execute("CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, record_id UNINDEXED, title, body, tokenize = 'unicode61')")
        con.executemany("INSERT INTO search VALUES (?, ?, ?, ?)", entries)
        con.commit()
    finally:
        con.close()


def metadata(db_name: str) -> dict[str, Any]:
    """A Datasette ``metadata.json`` describing the tables (``datasette plan.db -m plan.metadata.json``)."""
    return {"title": "sdpartner: Shandong 2026 \"Ten Partner Actions\" plan", "databases": {db_name: {"tables": {
        name: {"description": text} for name, text in DESCRIPTIONS.items()}}}}
