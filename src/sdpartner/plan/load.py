"""Find, read, parse and validate a plan: one year's plan file joined with the history files.

The bundled data is ``data/plans/<year>.toml`` (one file per plan year; the newest is the default) and
``data/history/*.toml`` (sources, series, editions, readings: shared by every year). ``--plan PATH`` takes
another plan file; the bundled history joins it unless the file says ``history = "none"``, and
``$SDPARTNER_HISTORY`` names another history directory. Every failure becomes a
:class:`~sdpartner.errors.PlanError` naming the file and, where it can, the line and column (TOML syntax) or
the field path (schema and cross-checks); ``validate`` lists every problem found, not only the first.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from ..errors import PlanError, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from .cache import PlanCache
    from .model import Plan

MAX_BYTES = 64 * 1024 * 1024  # a plan is text written by people; anything larger is a mistake
_MSGSPEC_PATH = r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$"  # compiled only for a plan with errors


def data_dir() -> Path:
    """The bundled data: inside the installed package, or ``data/`` of a source checkout."""
    from pathlib import Path

    from ..dirs import data_dir as where

    return Path(where())


# The way to an answer works on strings with os.path: importing pathlib costs ~4 ms of every start-up.


def _tomls(directory: str) -> list[str]:
    """The ``*.toml`` entries of a bundled directory, in name order (what ``sorted(Path.glob("*.toml"))`` gives)."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return [os.path.join(directory, n) for n in sorted(names) if n.endswith(".toml")]


def _plans_dir() -> str:
    from ..dirs import data_dir as where

    return os.path.join(where(), "plans")


def bundled_years() -> list[int]:
    """The plan years bundled with sdpartner, oldest first."""
    stems = (os.path.basename(p)[: -len(".toml")] for p in _tomls(_plans_dir()))
    return sorted(int(stem) for stem in stems if stem.isdigit())


def bundled_plan_path(year: int | None = None) -> str:
    """The bundled plan of ``year`` (default: the newest); NotFound names the years there are."""
    years = bundled_years()
    if not years:  # an installation without its data: the environment's fault, said as such
        from ..errors import SdpartnerError
        from ..safe import shown_path

        raise SdpartnerError("no_bundled_plan", directory=shown_path(_plans_dir()))
    chosen = years[-1] if year is None else year
    if chosen not in years:
        from ..errors import NotFound

        raise NotFound("no_plan_year", year=chosen, years=", ".join(map(str, years)))
    return os.path.join(_plans_dir(), f"{chosen}.toml")


def history_paths() -> list[str]:
    """The history files: ``$SDPARTNER_HISTORY`` (a directory or one file) or the bundled ones, in name order."""
    chosen = os.environ.get("SDPARTNER_HISTORY")
    if chosen:
        from pathlib import Path

        path = Path(chosen)
        found = sorted(path.glob("*.toml")) if path.is_dir() else [path] if path.exists() else []
        if not found:
            from ..errors import NotFound
            from ..safe import shown

            raise NotFound("no_history" if not path.exists() else "empty_history", path=shown(chosen, 200))
        return [str(p) for p in found]
    from ..dirs import data_dir as where

    return _tomls(os.path.join(where(), "history"))


def resolve_path(path: str | os.PathLike[str] | None) -> str:
    """The plan file to use: ``path`` if given, else ``$SDPARTNER_PLAN``, else the newest bundled plan."""
    if path is None or str(path) == "":
        path = os.environ.get("SDPARTNER_PLAN") or None
    return bundled_plan_path() if path is None else _pure(os.fspath(path))


def _pure(path: str) -> str:
    """``path`` as pathlib spells it (``a//b/`` is ``a/b``); pathlib is imported only for a path not already so."""
    if "//" in path or "/." in path or path.startswith(".") or path.endswith("/"):
        from pathlib import Path

        return str(Path(path))
    return path


def read_bytes(path: str | os.PathLike[str], name: str | None = None) -> bytes:
    """The bytes of a data file: only a regular file, read no further than the size limit.

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
    except (OSError, ValueError) as exc:
        raise PlanError([Problem(name, f"cannot be read: {getattr(exc, 'strerror', None) or exc}")]) from None
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
    """The bytes of a data file as text: not empty, not binary, UTF-8 (a byte-order mark is dropped)."""
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


# ----------------------------------------------------------------------------------------------
# Joining a plan file with the history files
# ----------------------------------------------------------------------------------------------


class Origins:
    """Where each item of a joined list came from, so that a problem names its own file and index."""

    def __init__(self, default: str) -> None:
        self.default = default  # the plan file: where a missing field belongs
        self.parts: dict[str, list[tuple[str, int]]] = {}  # key -> [(file name, how many items)]
        self.single: dict[str, str] = {}  # key -> file name

    def add(self, name: str, key: str, value: Any) -> None:
        if isinstance(value, list):
            self.parts.setdefault(key, []).append((name, len(value)))
        else:
            self.single[key] = name

    def where(self, path: str) -> str:
        """'editions[25].dates[0]' -> 'history/series.toml: editions[3].dates[0]'."""
        m = re.match(r"^([A-Za-z_]+)(?:\[(\d+)\])?(.*)$", path)
        if not m:
            return f"{self.default}: {path}" if path else self.default
        key, index, rest = m.group(1), m.group(2), m.group(3)
        if index is not None and key in self.parts:
            i = int(index)
            for name, count in self.parts[key]:
                if i < count:
                    return f"{name}: {key}[{i}]{rest}"
                i -= count
        for name, _ in self.parts.get(key, []):
            return f"{name}: {path}"
        return f"{self.single.get(key, self.default)}: {path}"


def _display(path: str, root: str) -> str:
    """``path`` relative to ``root`` where it lies inside it (what ``Path.relative_to`` gives), else whole."""
    from ..safe import shown

    inside = root if root.endswith(os.sep) else root + os.sep
    return shown(path[len(inside):] if path.startswith(inside) else path, 300)


def _schema_problem(exc: Exception) -> tuple[str, str]:
    """Split a msgspec ValidationError into (field path, message)."""
    m = re.match(_MSGSPEC_PATH, str(exc), re.S)
    msg = m.group("msg") if m else str(exc)
    path = (m.group("path") or "") if m else ""
    return path, msg[:1].lower() + msg[1:]


def _join(files: list[tuple[str, dict[str, Any]]], history: list[tuple[str, dict[str, Any]]]) -> tuple[dict[str, Any], Origins, list[Problem]]:
    """The plan's document joined with the history's: lists concatenated, each history file holding only
    history kinds. Unknown keys and misplaced kinds are problems."""
    from .catalogue import fields, history_tables, plan_type

    plan_fields = fields(plan_type())
    history_keys = set(history_tables())
    joined: dict[str, Any] = {}
    origins = Origins(files[0][0])
    problems: list[Problem] = []
    for name, doc in [*files, *history]:
        is_history = any(name == h for h, _ in history)
        for key, value in doc.items():
            if key in ("schema_version", "history"):
                continue
            if key not in plan_fields:
                from ..safe import shown

                problems.append(Problem(f"{name}: {shown(key, 60)}", f"unknown field; expected one of: {', '.join(plan_fields)}"))
                continue
            if is_history and key not in history_keys:
                problems.append(Problem(f"{name}: {key}", f"a history file holds only {', '.join(sorted(history_keys))}; {key} belongs in a plan file"))
                continue
            origins.add(name, key, value)
            if isinstance(value, list) and isinstance(joined.get(key), list):
                joined[key] = [*joined[key], *value]
            else:
                joined[key] = value
    if "schema_version" in files[0][1]:
        joined["schema_version"] = files[0][1]["schema_version"]
    return joined, origins, problems


def _check_version(doc: dict[str, Any], name: str) -> None:
    from .model import SCHEMA_VERSION

    version = doc.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        raise PlanError([Problem(f"{name}: schema_version", f"this sdpartner reads data format {SCHEMA_VERSION}; the file is format {version}")])


def convert(doc: dict[str, Any], origins: Origins) -> Plan:
    """Convert a joined document into a Plan; on failure, convert piece by piece to report every error."""
    import msgspec

    from .catalogue import plan_type

    try:
        return msgspec.convert(doc, plan_type())
    except msgspec.ValidationError:
        pass
    except RecursionError:
        raise PlanError([Problem(origins.where(""), "document is nested too deeply")]) from None
    raise PlanError(_schema_problems(doc, origins))


def _schema_problems(doc: dict[str, Any], origins: Origins) -> list[Problem]:
    """Validate each top-level field (and each item of each list) on its own, to find every error."""
    import typing

    import msgspec

    from .catalogue import plan_type

    from ..safe import visible

    problems: list[Problem] = []
    struct = plan_type()
    notes = typing.get_type_hints(struct, include_extras=True)
    for f in msgspec.structs.fields(struct):
        key = f.encode_name
        if key not in doc:
            if f.required:
                problems.append(Problem(origins.where(key), "required field is missing"))
            continue
        value, typ = doc[key], notes[f.name]
        base = typ
        while typing.get_origin(base) is typing.Annotated:
            base = typing.get_args(base)[0]
        if isinstance(value, list) and typing.get_origin(base) is list:
            (item_type,) = typing.get_args(base)
            items = [(f"{key}[{i}]", item, item_type) for i, item in enumerate(value)]
        else:
            items = [(key, value, typ)]
        for prefix, item, item_type in items:
            try:
                msgspec.convert(item, item_type)
            except msgspec.ValidationError as exc:
                path, msg = _schema_problem(exc)
                problems.append(Problem(origins.where((prefix + path).lstrip(".")), visible(msg, single_line=True)))
            except RecursionError:
                problems.append(Problem(origins.where(prefix), "nested too deeply"))
    if not problems:  # pragma: no cover - the piecewise pass finds what the whole pass found
        problems.append(Problem(origins.where(""), "the plan does not match the format"))
    return problems


class Sources(list[tuple[str, str]]):
    """The files of one plan: the plan file first, then the history files (path, name shown in messages)."""


def sources_of(path: str | os.PathLike[str] | None) -> tuple[str, Sources]:
    """The plan file a command reads and every file joined with it."""
    from ..dirs import data_dir as where
    from ..safe import shown

    resolved = resolve_path(path)
    root = os.path.dirname(where())
    name = shown(str(path), 300) if path else _display(resolved, root)
    out = Sources([(resolved, name)])
    out += [(p, _display(p, root)) for p in history_paths()]
    return resolved, out


def load_plan(path: str | os.PathLike[str] | None = None, *, cache: PlanCache | None = None) -> Plan:
    """Load and fully validate a plan (default: ``$SDPARTNER_PLAN`` or the newest bundled plan) with its history.

    With a ``cache``, files already validated are neither parsed nor validated again."""
    _, files = sources_of(path)
    data = [read_bytes(p, name) for p, name in files[:1]]
    # the history joins unless the plan file says otherwise; reading it is cheap, parsing is what the cache saves
    history = [(p, name) for p, name in files[1:]]
    data += [read_bytes(p, name) for p, name in history]
    names = [name for _, name in files]
    if cache is None:
        return validated(data, names)
    return cache.get(data, lambda: validated(data, names))


def validated(data: list[bytes], names: list[str]) -> Plan:
    """The bytes of a plan file and its history files as a validated Plan; PlanError with every problem otherwise."""
    plan_doc = parse_toml(decode(data[0], names[0]), names[0])
    _check_version(plan_doc, names[0])
    history: list[tuple[str, dict[str, Any]]] = []
    mode = plan_doc.get("history", "bundled")
    if mode not in ("bundled", "none"):
        raise PlanError([Problem(f"{names[0]}: history", "expected 'bundled' (join the history files) or 'none' (the file holds its own)")])
    if mode == "bundled":
        for blob, name in zip(data[1:], names[1:], strict=True):
            doc = parse_toml(decode(blob, name), name)
            _check_version(doc, name)
            history.append((name, doc))
    return from_documents(names[0], plan_doc, history)


def from_documents(name: str, plan_doc: dict[str, Any], history: list[tuple[str, dict[str, Any]]]) -> Plan:
    """A parsed plan document joined with parsed history documents, validated into a Plan; PlanError otherwise."""
    from .check import check

    joined, origins, problems = _join([(name, plan_doc)], history)
    if problems:
        raise PlanError(problems)
    plan = convert(joined, origins)
    plan, problems = check(plan, origins.where)
    if problems:
        raise PlanError(problems)
    return plan
