"""A cache of validated plans, keyed by content, so that a plan file is parsed and validated once.

An entry holds the validated plan as msgpack (``msgspec.msgpack``) behind a header (a magic word and a
digest of the payload), in two parts: the records of the history's kinds in an entry named by their digest
(``.history``), which plans whose history part is the same share (those of every year that join the bundled
history, unless a plan's own event replaces one of its editions); and the rest of the plan with that digest
(``.plan``), so that ``diff`` decodes the history its two plans share once. The plan's key is a hash of
the bytes of the plan file and its history files, of the code that validates a plan, and of the Python and
msgspec versions, so an entry can only ever be returned for the very bytes it was made from, by the code that
made it: it can never serve stale data.

The cache is an optimisation that must never hurt: an entry that is not a regular file, cannot be read,
is truncated, damaged or foreign is a miss (and is replaced where the directory is writable); it is never
waited on, never trusted, never fatal. Entries are trimmed by count: the 16 used most recently stay, and
only files the cache can prove it wrote (its own name pattern and header) are ever removed: anything else
in the directory is left alone.
``SDPARTNER_NO_CACHE=1`` turns the cache off; ``SDPARTNER_CACHE_DIR`` moves it.

Data derived from a plan (what search reads from its texts before any query, the links between its records, their
folded names) is kept beside its entry the same way (``derived``), under a key of the plan's key and of the code
that derives it, which must name every module the derivation reads; each kind keeps its own 16. Msgspec checks
that an entry decodes as its type; whatever else its content must satisfy, the caller's ``fits`` checks
(``search._fits``), and an entry that fails is replaced.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import TYPE_CHECKING, Any, TypeVar

from ..dirs import read_regular, store

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .model import Plan

D = TypeVar("D")
KEEP = 16  # entries kept of each kind (plans, each kind of derived data); the least recently used beyond this are removed
SUFFIX = ".plan"
HISTORY = ".history"  # a plan's history part: the records of the history's kinds, shared by the plans that join it
_FAMILY = b"sdpartner-plan-cache-"
MAGIC = _FAMILY + b"3\0"  # every entry starts with it (an earlier format's with its number): the cache removes only files that do
_NAME = r"[0-9a-f]{40}\.([a-z]+)"  # a plan's entry (.plan), or data derived from one (.search, .links ...); compiled when trimming
_DIGEST = 16  # bytes of an entry's digest
MAX_ENTRY = 1 << 30  # no entry of a plan under the 64 MiB limit comes near this; a larger file is foreign
# the modules whose code decides what a validated plan is
_CODE = ("plan/model.py", "text.py", "plan/declare.py", "plan/catalogue.py", "plan/load.py", "plan/check.py", "plan/cache.py", "names.py")

try:
    from _blake2 import blake2b  # the builtin module: importing hashlib loads OpenSSL (~6 ms)
except ImportError:  # pragma: no cover
    from hashlib import blake2b


def cache_dir(env: dict[str, str] | os._Environ[str] | None = None) -> Path:
    """$SDPARTNER_CACHE_DIR, else $XDG_CACHE_HOME/sdpartner when it is absolute (the XDG rule), else ~/.cache/sdpartner."""
    from pathlib import Path  # not imported on the way to an answer: pathlib costs ~4 ms of start-up

    from ..dirs import cache_dir as where

    return Path(where(env))


def _digest(payload: bytes | memoryview) -> bytes:
    return blake2b(payload, digest_size=_DIGEST).digest()


def packed(numbers: list[int]) -> bytes:
    """Numbers as derived data keeps them: unsigned 32-bit, in the machine's order (``array("I")``; read back with
    ``memoryview(b).cast("I")``), one object for all of them."""
    from array import array

    return array("I", numbers).tobytes()


def _decoded(payload: memoryview, kind: type[Any]) -> Any:
    """A payload decoded as ``kind``; None for one that does not decode (foreign, or from a broken encoder)."""
    import msgspec

    try:
        return msgspec.msgpack.decode(payload, type=kind)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, RecursionError):
        return None


def _history_type(plan: type) -> Any:
    """The type of a plan's history part: a tuple of the plan's fields that hold the history's kinds, as the plan
    declares them (``catalogue.history_tables``)."""
    from .catalogue import _annotations, history_tables

    notes = _annotations(plan)
    return tuple[tuple(notes[t] for t in history_tables())]  # type: ignore[misc]


_history: dict[tuple[type, bytes], Any] = {}  # the history last read, by the plan's type and the digest of its entry


def _read_regular(path: str) -> bytes | None:
    """The bytes of an entry: a regular file that is not a link, read without blocking; None for anything else."""
    return read_regular(path, MAX_ENTRY)


class PlanCache:
    """Returns the cached plan for a file's bytes, or validates it and stores the result."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = os.fspath(directory)

    def key(self, data: list[bytes]) -> str:
        """Content key: the file's bytes, the code that validates them (by path, size and modification time: reading and
        hashing the source cost 0.5 ms a run), and the Python and msgspec versions.

        (Not the package version: reading it imports importlib.metadata, ~30 ms.)"""
        import msgspec

        h = blake2b(digest_size=20)
        _stamp(h, _CODE)
        h.update(f"{sys.version}\0{msgspec.__version__}\0{_plan_type_name()}\0".encode())
        for blob in data:
            h.update(len(blob).to_bytes(8, "little"))
            h.update(blob)
        return h.hexdigest()

    def get(self, data: list[bytes], compute: Callable[[], Plan]) -> Plan:
        """The plan for ``data``: from a sound entry, else ``compute()`` (which may raise PlanError) and store it."""
        try:
            key = self.key(data)
        except OSError:  # pragma: no cover - the package's own source cannot be read
            return compute()
        path = os.path.join(self.directory, f"{key}{SUFFIX}")
        plan = self._read_plan(path)
        if plan is None:
            plan = compute()  # raises PlanError for a bad file: nothing is cached then
            self._write_plan(path, plan)
        _loaded.clear()  # the plan last loaded, for the data derived from it (one at a time: a server loads one)
        _loaded[id(plan)] = (plan, self, key, {})
        return plan

    def _read_plan(self, path: str) -> Plan | None:
        """A plan from its entry (the plan's own records, and the digest of its history's entry) and its history's
        entry, which two plans read in one process (``diff``) decode once; None for a miss."""
        import msgspec

        from .catalogue import history_tables, plan_type

        found = self._payload(path)
        if found is None:
            return None
        payload = found[1]
        shared = bytes(payload[:_DIGEST])
        own = _decoded(payload[_DIGEST:], plan_type())
        if own is None:
            return None
        history = _history.get((plan_type(), shared))
        if history is None:
            entry = self._payload(self._history_path(shared))
            if entry is None or entry[0] != shared:  # (the digest is the entry's own: sound, and the history named)
                return None
            history = _decoded(entry[1], _history_type(plan_type()))
            if history is None:
                return None
            _history.clear()
            _history[(plan_type(), shared)] = history
        plan: Plan = msgspec.structs.replace(own, **dict(zip(history_tables(), history, strict=True)))
        return plan

    def _write_plan(self, path: str, plan: Plan) -> None:
        """Store a plan as two entries: its history part (under the digest of its content, so that plans with the
        same history part share it) first, then the plan's own records with that digest."""
        import msgspec

        from .catalogue import history_tables

        tables = history_tables()
        history = msgspec.msgpack.encode(tuple(getattr(plan, t) for t in tables))
        shared = _digest(history)
        self._store(self._history_path(shared), MAGIC + shared + history, trim=False)  # (trimmed once, after the plan's)
        payload = shared + msgspec.msgpack.encode(msgspec.structs.replace(plan, **{t: [] for t in tables}))
        self._store(path, MAGIC + _digest(payload) + payload)

    def _history_path(self, digest: bytes) -> str:
        # named, as every entry is, by 40 hex digits: a hash of the 16-byte digest the plan's entry holds
        return os.path.join(self.directory, f"{blake2b(digest, digest_size=20).hexdigest()}{HISTORY}")

    def _payload(self, path: str) -> tuple[bytes, memoryview] | None:
        """(digest, payload) of a sound entry (magic, and a digest that matches the payload), marked as used; None
        for a miss."""
        entry = _read_regular(path)
        head = len(MAGIC) + _DIGEST
        if entry is None or not entry.startswith(MAGIC):
            return None
        view = memoryview(entry)
        digest = view[len(MAGIC):head]
        if len(view) <= head or digest != _digest(view[head:]):
            return None
        _touch(path)
        return bytes(digest), view[head:]

    def _read(self, path: str, kind: type[Any]) -> Any:
        """The value of a sound entry (magic, digest, decodes as ``kind``), marked as used; None for a miss."""
        found = self._payload(path)
        return None if found is None else _decoded(found[1], kind)

    def _write(self, path: str, value: object) -> None:
        import msgspec

        payload = msgspec.msgpack.encode(value)
        self._store(path, MAGIC + _digest(payload) + payload)

    def _store(self, path: str, entry: bytes, trim: bool = True) -> None:
        if os.path.isdir(path) and not os.path.islink(path):
            try:
                os.rmdir(path)  # an empty directory where the entry belongs (a non-empty one stays: a miss each time)
            except OSError:
                pass
        if store(path, entry) and trim:  # atomic: a reader sees the old entry or the whole new one
            self._trim()

    def _trim(self) -> None:
        """Keep the KEEP entries used most recently; remove the rest, and only entries this cache wrote."""
        entries = []
        try:
            names = os.listdir(self.directory)
        except OSError:
            return
        for name in names:
            match = re.fullmatch(_NAME, name)  # whole: '$' alone would let a name end in a newline
            if not match:
                continue
            p = os.path.join(self.directory, name)
            try:
                info = os.lstat(p)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and _is_ours(p):
                entries.append((info.st_mtime, match.group(1), p))
        entries.sort(reverse=True)
        kept: dict[str, int] = {}
        for _, suffix, old in entries:
            kept[suffix] = kept.get(suffix, 0) + 1
            if kept[suffix] <= KEEP:
                continue
            try:
                os.unlink(old)
            except OSError:
                pass


def _stamp(h: Any, modules: tuple[str, ...]) -> None:
    """Add the package's ``modules`` (paths under ``sdpartner/``) by path, size and modification time: a changed or
    reinstalled module changes them (reading and hashing the source would cost 0.5 ms a run)."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name in modules:
        path = os.path.join(here, name)
        info = os.stat(path)
        h.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())


# the plan last returned by a cache: the plan itself (so its id stays its own), the cache, its key, what was derived from it
_loaded: dict[int, tuple[object, PlanCache, str, dict[str, Any]]] = {}


def derived(plan: object, name: str, code: tuple[str, ...], kind: type[D], build: Callable[[], D],
            fits: Callable[[D], bool] | None = None, unsound: bool = False) -> D:
    """Data derived from a plan (``name``: lower-case letters; ``kind``: its msgspec type), made once per plan and kept
    in the cache beside the plan's entry, under a key of the plan's key and the ``code`` modules that derive it.

    Made by ``build()`` when the plan did not come from a cache (or the cache is off), or the entry is missing, not
    sound, or read but not what ``fits`` expects of this plan (then it is replaced, so that it is not made again on
    every run); within a process, made or read once. ``unsound``: what was read fitted, but was found in use not to
    be what this code makes (a check too costly to make of all of it on every read): made again and replaced."""
    found = _loaded.get(id(plan))
    if found is None or found[0] is not plan:
        return build()
    _, cache, key, made = found
    if unsound:
        made.pop(name, None)
        fits = _never
    if name not in made:
        path = None
        try:
            h = blake2b(key.encode(), digest_size=20)
            h.update(f"\0{name}\0".encode())
            _stamp(h, code)
            path = os.path.join(cache.directory, f"{h.hexdigest()}.{name}")
        except OSError:  # pragma: no cover - the package's own source cannot be read
            pass
        value = cache._read(path, kind) if path else None
        if value is not None and fits is not None and not fits(value):
            value = None
        if value is None:
            value = build()
            if path:
                cache._write(path, value)
        made[name] = value
    result: D = made[name]
    return result


def _never(_: object) -> bool:
    return False


def _is_ours(path: str) -> bool:
    """Whether a file starts with the header of this cache's entries, of this format or an earlier one (read without
    following a link, without blocking): entries of an earlier sdpartner are trimmed like the others."""
    head = read_regular(path, MAX_ENTRY, head=len(MAGIC))
    return head is not None and head.startswith(_FAMILY) and head.endswith(b"\0") and head[len(_FAMILY):-1].isdigit()


def _plan_type_name() -> str:
    from .catalogue import plan_type

    t = plan_type()
    return f"{t.__module__}.{t.__qualname__}"


def _touch(path: str) -> None:
    """Mark an entry as used (its modification time orders the trimming)."""
    try:
        os.utime(path)
    except OSError:
        pass


def plan_cache() -> PlanCache | None:
    """The cache to use, or None when SDPARTNER_NO_CACHE is set."""
    if os.environ.get("SDPARTNER_NO_CACHE"):
        return None
    from ..dirs import cache_dir as where

    return PlanCache(where())
