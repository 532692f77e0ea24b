"""The links between records, both ways, derived from the references the model declares (``Link``).

A record's links are the references it holds (a measure names an event), the references that name it (the
event is named in the measure), the parent of a nested record (an offer is offered by its city) and the
sources it cites. The relation's words, both ways, are the ones declared on the reference.
"""

from collections.abc import Iterator, Mapping
from typing import Any

import msgspec

from ..plan import catalogue as cat
from ..plan.model import Plan
from ..text import Text
from .records import Entry, entries, handles, record_places


class Link(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A link from one record to another: the relation's code, and the other record's kind and id."""

    relation: str
    kind: str
    id: str


def relation_words() -> dict[str, Text]:
    """relation code -> its words, for every relation declared (read either way), as its first declaration words it
    (those of values that are no kind too, such as the dialogue's, which no link uses).

    Read from the declarations as they are made (``declare.DECLARED``), not by walking the catalogue's references:
    that walk unwraps every field of every struct (1 ms of every ``show`` table)."""
    from ..plan.declare import DECLARED

    out: dict[str, Text] = {}
    for link in DECLARED:
        out.setdefault(link.code, link.words)
        out.setdefault(link.back_code, link.back_words)
    return out


def _targets(plan: Plan) -> dict[str, dict[Any, str]]:
    """kind -> key -> id, for the kinds references point at."""
    return {info.code: handles(plan, info) for info in cat.kinds()}


def links(plan: Plan, close_only: bool = False) -> Mapping[tuple[str, str], list[Link]]:
    """(kind, id) -> its links both ways, each once. ``close_only``: only the relations declared ``close``, in the
    directions declared, along which search brings related hits (a bank's shareholder, what a figure is about)."""
    return _close_links(plan) if close_only else _all_links(plan)


@cat.per_plan
def _all_links(plan: Plan) -> "Links":
    return _kept(plan, "links", False)


@cat.per_plan
def _close_links(plan: Plan) -> "Links":
    return _kept(plan, "near", True)


class _Table(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """The links of a plan as the cache keeps them, by the places of records in ``entries(plan)``, packed so that
    reading them makes a handful of objects, not three strings a link (0.7 -> 0.2 ms for the bundled plan's): each
    record's links begin in ``targets`` and ``relations`` at its number in ``starts`` (one more number than there
    are records); ``targets`` holds the places of the records they lead to, ``relations`` the places of their
    codes in ``codes``; ``order`` the places of the records that have links, in the order they were found (what
    iterating the links gives). Each packed as unsigned 32-bit numbers in the machine's order (``array("I")``)."""

    codes: list[str]
    starts: bytes
    targets: bytes
    relations: bytes
    order: bytes


class Links(Mapping[tuple[str, str], list[Link]]):
    """A plan's links read from their table: (kind, id) -> its links, made when asked for; the records with links
    are the keys."""

    def __init__(self, table: _Table, every: list[Entry], places: dict[tuple[str, str], int]) -> None:
        self._codes, self._every, self._places = table.codes, every, places
        self._starts = memoryview(table.starts).cast("I")
        self._targets = memoryview(table.targets).cast("I")
        self._relations = memoryview(table.relations).cast("I")
        self._order = memoryview(table.order).cast("I")

    def __getitem__(self, key: tuple[str, str]) -> list[Link]:
        i = self._places[key]
        start, end = self._starts[i], self._starts[i + 1]
        if start == end:
            raise KeyError(key)
        every, codes = self._every, self._codes
        return [Link(codes[r], every[t].kind, every[t].id) for t, r in zip(self._targets[start:end], self._relations[start:end])]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        every = self._every
        return ((every[i].kind, every[i].id) for i in self._order)

    def __len__(self) -> int:
        return len(self._order)


CODE = ("query/links.py", "query/records.py")  # the modules that derive the links (the plan's entry names the model's)


def _kept(plan: Plan, name: str, close_only: bool) -> Links:
    """The links, made once per plan and kept in the cache beside the plan's entry (made, they cost about 1 ms of
    every ``show``; read, a tenth of that)."""
    from ..plan.cache import derived, packed

    every, places = entries(plan), record_places(plan)

    def build() -> _Table:
        made = _links(plan, close_only)
        codes = list(dict.fromkeys(link.relation for found in made.values() for link in found))
        code_of = {code: i for i, code in enumerate(codes)}
        starts, targets, relations = [0], [], []
        for e in every:
            for link in made.get((e.kind, e.id), ()):
                targets.append(places[(link.kind, link.id)])
                relations.append(code_of[link.relation])
            starts.append(len(targets))
        return _Table(codes, packed(starts), packed(targets), packed(relations), packed([places[key] for key in made]))

    return Links(derived(plan, name, CODE, _Table, build, lambda t: _fits(t, len(every))), every, places)



def _fits(table: _Table, size: int) -> bool:
    """Whether links read from the cache have the shape this code makes for a plan of ``size`` records: a start
    for each record and one more, in order, the last at the end; links only to its records, by codes it lists;
    in ``order``, each record that has links once, and no other."""
    if (len(table.starts) != 4 * (size + 1) or len(table.targets) % 4 or len(table.relations) != len(table.targets)
            or len(table.order) % 4):
        return False
    starts = memoryview(table.starts).cast("I").tolist()
    targets, relations = memoryview(table.targets).cast("I"), memoryview(table.relations).cast("I")
    linked = [i for i in range(size) if starts[i] != starts[i + 1]]
    return (starts[0] == 0 and starts[-1] == len(targets) and starts == sorted(starts)
            and sorted(memoryview(table.order).cast("I").tolist()) == linked
            and (not targets or (max(targets) < size and max(relations) < len(table.codes))))


def _links(plan: Plan, close_only: bool) -> dict[tuple[str, str], list[Link]]:
    targets = _targets(plan)
    out: dict[tuple[str, str], list[Link]] = {}
    seen: set[tuple[str, str, str, str, str]] = set()

    def add(kind: str, rid: str, code: str, other_kind: str, other_id: str) -> None:
        if (kind, rid, code, other_kind, other_id) in seen:
            return
        seen.add((kind, rid, code, other_kind, other_id))
        out.setdefault((kind, rid), []).append(Link(code, other_kind, other_id))

    for info in cat.kinds():
        flinks = cat.struct_links(info.struct)
        if close_only and not any(fl.link.close or fl.link.close_back for fl in flinks):
            continue
        for record, parent in cat.records(plan, info):
            rid = cat.handle(info, record)
            if info.decl.parent is not None and parent is not None and not close_only:
                link = info.decl.parent
                pid = cat.handle(cat.kind(link.targets[0]), parent)
                add(info.code, rid, link.code, link.targets[0], pid)
                add(link.targets[0], pid, link.back_code, info.code, rid)
            for fl in flinks:
                forward, back = (fl.link.close, fl.link.close_back) if close_only else (True, True)
                if not (forward or back):
                    continue
                for value in cat.link_values(record, fl):
                    for target in fl.link.targets:
                        other = targets[target].get(value)
                        if other is not None:
                            if forward:
                                add(info.code, rid, fl.link.code, target, other)
                            if back:
                                add(target, other, fl.link.back_code, info.code, rid)
                            break
    return out


def source_usage(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """source id -> the records (kind, id) that cite it, each once; "article" -> those citing the primary article."""
    usage: dict[str, list[tuple[str, str]]] = {}
    for (kind, rid), items in links(plan).items():
        if kind == "source":
            continue
        for link in items:
            if link.relation == "cites_source":
                usage.setdefault(link.id, []).append((kind, rid))
    for info in cat.kinds():
        if "cites" not in cat.fields(info.struct) and info.code not in ("event", "edition"):
            continue
        for record, _ in cat.records(plan, info):
            if _cites_article(record):
                usage.setdefault("article", []).append((info.code, cat.handle(info, record)))
    return usage


def _cites_article(value: Any) -> bool:
    """Whether a record (or a value inside it) cites paragraphs of the primary article."""
    if getattr(value, "cites", None):
        return True
    for name in ("dates",):
        for v in getattr(value, name, None) or []:
            if getattr(v, "cites", None):
                return True
    return False


def cited_sources(record: Any) -> list[str]:
    """The ids of the other sources a record (or any value inside it) cites, in order, each once."""
    found: dict[str, None] = {}
    for path in _source_paths(type(record)):
        for v in cat.values(record, path):
            found[v] = None
    return list(found)


def _source_paths(struct: type) -> tuple[tuple[str, ...], ...]:
    """Where a struct's citations of other sources are (cited once per listing row: worth the memo)."""
    paths = _SOURCE_PATHS.get(struct)
    if paths is None:
        paths = _SOURCE_PATHS[struct] = tuple(fl.path for fl in cat.struct_links(struct) if fl.link.code == "cites_source")
    return paths


_SOURCE_PATHS: dict[type, tuple[tuple[str, ...], ...]] = {}


def source_count(record: Any) -> int:
    """How many sources back a record: the article (if it cites paragraphs) and each other source, once."""
    return (1 if _cites_article(record) else 0) + len(cited_sources(record))
