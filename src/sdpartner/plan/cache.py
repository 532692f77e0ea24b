"""A cache of validated plans, keyed by content, so that a plan file is parsed and validated once.

An entry holds the validated plan as msgpack (``msgspec.msgpack``) behind a header (a magic word and a
digest of the payload). Its key is a hash of the bytes of the plan file and its history files, of the code
that validates a plan, and of the Python and msgspec versions, so an entry can only ever be returned for the
very bytes it was made from, by the code that made it: it can never serve stale data.

The cache is an optimisation that must never hurt: an entry that is not a regular file, cannot be read,
is truncated, damaged or foreign is a miss (and is replaced where the directory is writable); it is never
waited on, never trusted, never fatal. Entries are trimmed by count: the 16 used most recently stay, and
only files the cache can prove it wrote (its own name pattern and header) are ever removed: anything else
in the directory is left alone.
``SDPARTNER_NO_CACHE=1`` turns the cache off; ``SDPARTNER_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import TYPE_CHECKING

from ..dirs import read_regular, store

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .model import Plan

KEEP = 16  # entries kept; the least recently used beyond this are removed
SUFFIX = ".plan"
MAGIC = b"sdpartner-plan-cache-2\0"  # every entry starts with it: the cache removes only files that do
_NAME = re.compile(r"^[0-9a-f]{40}\.plan$")
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
    return blake2b(payload, digest_size=16).digest()


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
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        for name in _CODE:  # the code by path, size and modification time: a changed or reinstalled module changes them
            path = os.path.join(here, name)
            info = os.stat(path)
            h.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        h.update(f"{sys.version}\0{msgspec.__version__}\0{_plan_type_name()}\0".encode())
        for blob in data:
            h.update(len(blob).to_bytes(8, "little"))
            h.update(blob)
        return h.hexdigest()

    def get(self, data: list[bytes], compute: Callable[[], Plan]) -> Plan:
        """The plan for ``data``: from a sound entry, else ``compute()`` (which may raise PlanError) and store it."""
        import msgspec

        from .catalogue import plan_type

        try:
            path = os.path.join(self.directory, f"{self.key(data)}{SUFFIX}")
        except OSError:  # pragma: no cover - the package's own source cannot be read
            return compute()
        entry = _read_regular(path)
        head = len(MAGIC) + 16
        if entry is not None and entry.startswith(MAGIC):
            view = memoryview(entry)
            if len(view) > head and view[len(MAGIC):head] == _digest(view[head:]):
                try:
                    plan: Plan = msgspec.msgpack.decode(view[head:], type=plan_type())
                except (msgspec.DecodeError, msgspec.ValidationError, ValueError, RecursionError):
                    pass  # foreign or from a broken encoder: a miss
                else:
                    _touch(path)
                    return plan
        plan = compute()  # raises PlanError for a bad file: nothing is cached then
        payload = msgspec.msgpack.encode(plan)
        self._store(path, MAGIC + _digest(payload) + payload)
        return plan

    def _store(self, path: str, entry: bytes) -> None:
        if os.path.isdir(path) and not os.path.islink(path):
            try:
                os.rmdir(path)  # an empty directory where the entry belongs (a non-empty one stays: a miss each time)
            except OSError:
                pass
        if store(path, entry):  # atomic: a reader sees the old entry or the whole new one
            self._trim()

    def _trim(self) -> None:
        """Keep the KEEP entries used most recently; remove the rest, and only entries this cache wrote."""
        entries = []
        try:
            names = os.listdir(self.directory)
        except OSError:
            return
        for name in names:
            if not _NAME.fullmatch(name):  # whole: '$' alone would let a name end in a newline
                continue
            p = os.path.join(self.directory, name)
            try:
                info = os.lstat(p)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and _is_ours(p):
                entries.append((info.st_mtime, p))
        entries.sort(reverse=True)
        for _, old in entries[KEEP:]:
            try:
                os.unlink(old)
            except OSError:
                pass


def _is_ours(path: str) -> bool:
    """Whether a file starts with the cache's header (read without following a link, without blocking)."""
    return read_regular(path, MAX_ENTRY, head=len(MAGIC)) == MAGIC


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
