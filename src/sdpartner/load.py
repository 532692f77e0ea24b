"""Find, read, parse and validate a plan file into the typed model.

Every failure becomes a :class:`~sdpartner.errors.PlanError` that names the file and, where it can,
the line and column (TOML syntax) or the field path (schema and cross-checks). ``check`` collects
every problem it can find instead of stopping at the first.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PlanError, Problem

if TYPE_CHECKING:
    from .cache import PlanCache
    from .model import Plan

MAX_BYTES = 64 * 1024 * 1024  # a plan is text written by people; anything larger is a mistake
_MSGSPEC_PATH = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)


def bundled_plan_path() -> Path:
    """The plan shipped with sdpartner: inside the installed package, or ``data/`` of a source checkout.

    An installed package on a file system has it beside this module, which is what importlib.resources
    would return; that is checked first because importing importlib.resources costs ~6 ms of start-up.
    """
    here = Path(__file__).parent
    for candidate in (here / "data" / "plan.toml", here.parent.parent / "data" / "plan.toml"):  # installed; source checkout
        if candidate.is_file():
            return candidate
    from importlib.resources import as_file, files

    bundled = files("sdpartner").joinpath("data", "plan.toml")
    with as_file(bundled) as real:  # e.g. a zipped install: extracted to a real file
        return Path(real)


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The plan file to use: ``path`` if given, else ``$SDPARTNER_PLAN``, else the bundled plan."""
    if path is None or str(path) == "":
        path = os.environ.get("SDPARTNER_PLAN") or None
    return bundled_plan_path() if path is None else Path(path)


def read_bytes(path: Path, name: str | None = None) -> bytes:
    """The bytes of a plan file: only a regular file, read no further than the size limit.

    The file is opened without blocking (a FIFO would otherwise wait for a writer forever) and checked
    after opening (what the path named may have changed), and the read stops past the limit whatever
    size the file system claims (``/dev/zero`` claims none). Every way a file can be unusable becomes a
    PlanError."""
    import stat

    name = name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise PlanError([Problem(name, "no such file")]) from None
    except PermissionError:
        raise PlanError([Problem(name, "permission denied: the file cannot be read")]) from None
    except OSError as exc:
        raise PlanError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise PlanError([Problem(name, "is a directory, not a plan file")])
        if not stat.S_ISREG(mode):
            raise PlanError([Problem(name, f"is {_file_kind(mode)}, not a regular file; a plan must be a TOML file")])
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise PlanError([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from None
    finally:
        os.close(fd)
    if total > MAX_BYTES:
        raise PlanError([Problem(name, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; plan files are limited to that")])
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    import stat

    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((word for test, word in kinds if test(mode)), "not a regular file")


def decode(data: bytes, name: str) -> str:
    """The bytes of a plan file as text: not empty, not binary, UTF-8 (a byte-order mark is dropped)."""
    if not data.strip():
        raise PlanError([Problem(name, "file is empty")])
    if b"\x00" in data:
        raise PlanError([Problem(name, "file is binary (contains NUL bytes), not a TOML text file")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanError([Problem(f"{name}:{line}:{col}", f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff")  # a byte-order mark some editors write


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML with tomli; syntax errors name line and column."""
    import tomli

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = f"{name}:{line}:{col}" if line else name
        msg = getattr(exc, "msg", None) or str(exc).split(" (at ")[0]
        raise PlanError([Problem(where, f"TOML syntax error: {msg}")]) from None
    except RecursionError:
        raise PlanError([Problem(name, "TOML nesting is too deep to parse")]) from None
    except ValueError as exc:  # e.g. an out-of-range date that tomli hands to datetime
        raise PlanError([Problem(name, f"TOML syntax error: {exc}")]) from None


def _format_validation(exc: Exception, prefix: str) -> tuple[str, str]:
    """Split a msgspec ValidationError into (field path, message)."""
    m = _MSGSPEC_PATH.match(str(exc))
    msg = m.group("msg") if m else str(exc)
    path = prefix + (m.group("path") or "" if m else "")
    path = path.lstrip(".") or "(top level)"
    return path, msg[:1].lower() + msg[1:]


def convert(doc: dict[str, Any], name: str) -> Plan:
    """Convert a parsed document into a Plan; on failure, convert piece by piece to report every error."""
    import msgspec

    from .model import SCHEMA_VERSION, Plan

    version = doc.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        raise PlanError([Problem(f"{name}: schema_version", f"this sdpartner reads plan format {SCHEMA_VERSION}; the file is format {version}")])
    try:
        return msgspec.convert(doc, Plan)
    except msgspec.ValidationError as exc:
        first = exc
    except RecursionError:
        raise PlanError([Problem(name, "document is nested too deeply")]) from None
    problems = _collect_schema_problems(doc, name)
    if not problems:  # pragma: no cover - the piecewise pass should always find the first error again
        path, msg = _format_validation(first, "")
        problems = [Problem(f"{name}: {path}", msg)]
    raise PlanError(problems)


def _collect_schema_problems(doc: dict[str, Any], name: str) -> list[Problem]:
    """Validate each top-level field (and each item of each list) on its own, to find all errors."""
    import msgspec

    from .model import Plan

    problems: list[Problem] = []
    fields = {f.encode_name: f for f in msgspec.structs.fields(Plan)}
    for key in doc:
        if key not in fields:
            problems.append(Problem(f"{name}: {key}", f"unknown field; expected one of: {', '.join(fields)}"))
    for key, field in fields.items():
        if key not in doc:
            if field.required:
                problems.append(Problem(f"{name}: {key}", "required field is missing"))
            continue
        value, typ = doc[key], field.type
        items: Iterable[tuple[str, Any, Any]]
        if isinstance(value, list) and getattr(typ, "__origin__", None) is list:
            (item_type,) = typ.__args__
            items = ((f"{key}[{i}]", item, item_type) for i, item in enumerate(value))
        else:
            items = [(key, value, typ)]
        for prefix, item, item_type in items:
            try:
                msgspec.convert(item, item_type)
            except msgspec.ValidationError as exc:
                path, msg = _format_validation(exc, prefix)
                problems.append(Problem(f"{name}: {path}", msg))
    return problems


def check(p: Plan, name: str) -> list[Problem]:
    """Cross-checks types cannot express: unique ids, resolvable references, cites in range."""
    from . import model as m
    from .names import fold

    problems: list[Problem] = []

    def bad(path: str, what: str) -> None:
        problems.append(Problem(f"{name}: {path}", what))

    def unique(kind: str, items: list[Any], attr: str = "id") -> set[Any]:
        seen: set[Any] = set()
        for i, item in enumerate(items):
            value = getattr(item, attr)
            if value in seen:
                bad(f"{kind}[{i}].{attr}", f"duplicate {attr} {value!r}")
            seen.add(value)
        return seen

    groups = unique("groups", p.groups)
    unique("groups", p.groups, "slug")
    actions = unique("actions", p.actions)
    unique("actions", p.actions, "slug")
    measures_ids = unique("measures", p.measures)  # noqa: F841 - uniqueness is the check
    programmes = unique("programmes", p.programmes)
    figures = unique("figures", p.figures)
    events = unique("events", p.events)
    sectors = unique("sectors", p.sectors)
    cities = unique("cities", p.cities)
    people = unique("people", p.people)
    orgs = unique("organisations", p.organisations)
    documents = unique("documents", p.documents)
    unique("statements", p.statements)
    action_group = {a.id: a.group for a in p.actions}

    def ref(path: str, value: Any, known: set[Any], kind: str) -> None:
        if value is not None and value not in known:
            bad(path, f"{value!r} is not a known {kind} id")

    def refs(path: str, values: list[Any], known: set[Any], kind: str) -> None:
        for i, value in enumerate(values):
            ref(f"{path}[{i}]", value, known, kind)

    def cites(path: str, values: list[int]) -> None:
        for i, c in enumerate(values):
            if c >= p.source.paragraphs:
                bad(f"{path}.cites[{i}]", f"paragraph {c} is out of range: the source has paragraphs 0-{p.source.paragraphs - 1}")

    def tie(path: str, group: int | None, action: int | None, attribution: Any) -> None:
        ref(f"{path}.group", group, groups, "group")
        ref(f"{path}.action", action, actions, "action")
        if action is not None and action in action_group and group is not None and action_group[action] != group:
            bad(f"{path}.action", f"action {action} belongs to group {action_group[action]}, not group {group}")
        if attribution is not None and (action is None) != (attribution == m.Attribution.group):
            bad(f"{path}.attribution", "use 'group' exactly when no action is given, 'stated' or 'inferred' otherwise")

    cites("source", p.source.cites)
    cites("plan", p.plan.cites)
    ref("plan.released_at", p.plan.released_at, events, "event")
    ref("plan.presented_by", p.plan.presented_by, people, "person")
    cites("dialogue", p.dialogue.cites)
    ref("dialogue.event", p.dialogue.event, events, "event")
    refs("dialogue.figures", p.dialogue.figures, figures, "figure")
    for i, pr in enumerate(p.dialogue.presentations):
        ref(f"dialogue.presentations[{i}].presenter", pr.presenter, people | cities | orgs, "person, city or organisation")
        ref(f"dialogue.presentations[{i}].document", pr.document, documents, "document")
        cites(f"dialogue.presentations[{i}]", pr.cites)
    for i, d in enumerate(p.documents):
        ref(f"documents[{i}].presented_by", d.presented_by, people, "person")
        cites(f"documents[{i}]", d.cites)
    for i, person in enumerate(p.people):
        for j, role in enumerate(person.roles):
            ref(f"people[{i}].roles[{j}].organisation", role.organisation, orgs, "organisation")
        cites(f"people[{i}]", person.cites)
    for i, o in enumerate(p.organisations):
        ref(f"organisations[{i}].shareholder", o.shareholder, orgs, "organisation")
        refs(f"organisations[{i}].figures", o.figures, figures, "figure")
        cites(f"organisations[{i}]", o.cites)
    for i, g in enumerate(p.groups):
        cites(f"groups[{i}]", g.cites)
    for i, a in enumerate(p.actions):
        ref(f"actions[{i}].group", a.group, groups, "group")
        cites(f"actions[{i}]", a.cites)
    for i, me in enumerate(p.measures):
        path = f"measures[{i}]"
        tie(path, me.group, me.action, me.attribution)
        refs(f"{path}.programmes", me.programmes, programmes, "programme")
        refs(f"{path}.figures", me.figures, figures, "figure")
        refs(f"{path}.events", me.events, events, "event")
        refs(f"{path}.cities", me.cities, cities, "city")
        cites(path, me.cites)
    for i, pg in enumerate(p.programmes):
        cites(f"programmes[{i}]", pg.cites)
    for i, f in enumerate(p.figures):
        if not math.isfinite(f.value):  # TOML allows inf and nan; no figure of a plan is either
            bad(f"figures[{i}].value", f"expected a finite number, got {f.value}")
        ref(f"figures[{i}].subject", f.subject, orgs | cities, "organisation or city")
        cites(f"figures[{i}]", f.cites)
    for i, e in enumerate(p.events):
        path = f"events[{i}]"
        ref(f"{path}.city", e.city, cities, "city")
        tie(path, e.group, e.action, e.attribution)
        if e.date is not None and e.year is not None and e.date.year != e.year:
            bad(f"{path}.date", f"date {e.date} is not in the event's year {e.year}")
        cites(path, e.cites)
    offer_ids: set[str] = set()
    names: dict[str, str] = {}
    for i, c in enumerate(p.cities):
        cites(f"cities[{i}]", c.cites)
        for alias in [c.id, c.name.zh, c.name.en, *c.aliases]:
            key = fold(alias)  # the rule lookups use: two cities must never answer to one name
            if names.get(key, c.id) != c.id:
                bad(f"cities[{i}].aliases", f"name {alias!r} is also a name of city {names[key]!r}")
            names.setdefault(key, c.id)
        for j, off in enumerate(c.offers):
            if off.id in offer_ids:
                bad(f"cities[{i}].offers[{j}].id", f"duplicate id {off.id!r}")
            offer_ids.add(off.id)
            refs(f"cities[{i}].offers[{j}].sectors", off.sectors, sectors, "sector")
    for i, s in enumerate(p.statements):
        cites(f"statements[{i}]", s.cites)
    # other sources: every reference names a known source; every record cites the article or a source
    source_ids = unique("sources", p.sources)
    series_ids = unique("series", p.series)
    unique("editions", p.editions)
    unique("observations", p.observations)

    def sourced(path: str, record: Any, need: bool = True) -> None:
        for j, r in enumerate(getattr(record, "sources", [])):
            ref(f"{path}.sources[{j}].source", r.source, source_ids, "source")
        if need and not getattr(record, "cites", []) and not getattr(record, "sources", []):
            bad(f"{path}.cites", "cite the article's paragraphs or a source (sources = [{ source = \"...\" }])")

    sourced("source", p.source)
    sourced("plan", p.plan)
    sourced("dialogue", p.dialogue)
    for kind in ("documents", "people", "organisations", "groups", "actions", "measures", "programmes", "figures", "events", "cities", "statements", "series"):
        for i, rec in enumerate(getattr(p, kind)):
            sourced(f"{kind}[{i}]", rec, need=kind != "series")
    for i, pr in enumerate(p.dialogue.presentations):
        sourced(f"dialogue.presentations[{i}]", pr)
    for i, se in enumerate(p.series):
        refs(f"series[{i}].events", se.events, events, "event")
    for i, ed in enumerate(p.editions):
        path = f"editions[{i}]"
        ref(f"{path}.series", ed.series, series_ids, "series")
        sourced(path, ed)
        for j, d in enumerate(ed.dates):
            sourced(f"{path}.dates[{j}]", d)
        for j, c in enumerate(ed.counts):
            sourced(f"{path}.counts[{j}]", c)
    seen_ids: dict[str, str] = {}  # `sdpartner show ID` opens any record: an id may name one record of one kind
    for kind in ("documents", "people", "organisations", "measures", "programmes", "figures", "events", "sectors", "cities", "statements",
                 "sources", "series", "editions", "observations"):
        for i, rec in enumerate(getattr(p, kind)):
            other = seen_ids.setdefault(rec.id, kind)
            if other != kind:
                bad(f"{kind}[{i}].id", f"{rec.id!r} is also the id of one of the {other}; ids must differ across kinds")
    for i, ob in enumerate(p.observations):
        ref(f"observations[{i}].figure", ob.figure, figures, "figure")
        sourced(f"observations[{i}]", ob)
    return problems


def load_plan(path: str | os.PathLike[str] | None = None, *, cache: PlanCache | None = None) -> Plan:
    """Load and fully validate a plan file (default: ``$SDPARTNER_PLAN`` or the bundled plan).

    With a ``cache``, a file already validated is neither parsed nor validated again."""
    from .safe import shown

    resolved = resolve_path(path)
    name = shown(str(path) if path else str(resolved), 300)
    data = read_bytes(resolved, name)
    if cache is None:
        return validated(decode(data, name), name)
    return cache.get(data, lambda: validated(decode(data, name), name))


def validated(text: str, name: str) -> Plan:
    """The text of a plan file as a validated ``model.Plan`` (msgspec Structs); PlanError otherwise."""
    doc = parse_toml(text, name)
    plan = convert(doc, name)
    problems = check(plan, name)
    if problems:
        raise PlanError(problems)
    return plan
