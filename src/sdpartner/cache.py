"""A cache of validated plans, keyed by content, so that a plan file is parsed and validated once.

An entry holds the validated plan as msgpack (``msgspec.msgpack``) behind a digest of itself. Its key is
a hash of the file's bytes, of the source of the code that validates a plan, and of the Python and
msgspec versions, so an entry can only ever be returned for the very bytes it was made from, by the code
that made it: it can never serve stale data.

The cache is an optimisation that must never hurt: an entry that is not a regular file, cannot be read,
is truncated, damaged or foreign is a miss (and is replaced where the directory is writable); it is never
waited on, never trusted, never fatal. Entries are trimmed by count: the 16 used most recently stay.
``SDPARTNER_NO_CACHE=1`` turns the cache off; ``SDPARTNER_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Plan

KEEP = 16  # entries kept; the least recently used beyond this are removed
SUFFIX = ".plan"
MAX_ENTRY = 1 << 30  # no entry of a plan under the 64 MiB limit comes near this; a larger file is foreign
_CODE = ("model.py", "load.py", "names.py", "cache.py")  # the modules whose code decides what a validated plan is

try:
    from _blake2 import blake2b  # the builtin module: importing hashlib loads OpenSSL (~6 ms)
except ImportError:  # pragma: no cover
    from hashlib import blake2b


def cache_dir(env: dict[str, str] | os._Environ[str] | None = None) -> Path:
    """$SDPARTNER_CACHE_DIR, else $XDG_CACHE_HOME/sdpartner when it is absolute (the XDG rule), else ~/.cache/sdpartner."""
    env = os.environ if env is None else env
    explicit = env.get("SDPARTNER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = env.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdpartner"


def _digest(payload: bytes | memoryview) -> bytes:
    return blake2b(payload, digest_size=16).digest()


def _read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file that is not a link, read without blocking; None for anything else."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        chunks, total = [], 0
        while total <= MAX_ENTRY:
            chunk = os.read(fd, 1 << 22)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        return None
    except OSError:
        return None
    finally:
        os.close(fd)


class PlanCache:
    """Returns the cached plan for a file's bytes, or validates it and stores the result."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def key(self, data: bytes) -> str:
        """Content key: the file's bytes, the code that validates them (by path, size and modification time: reading and
        hashing the source cost 0.5 ms a run), and the Python and msgspec versions.

        (Not the package version: reading it imports importlib.metadata, ~30 ms.)"""
        import msgspec

        h = blake2b(digest_size=20)
        here = Path(__file__).parent
        for name in _CODE:  # the code by path, size and modification time: a changed or reinstalled module changes them
            info = os.stat(here / name)
            h.update(f"{here / name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        h.update(f"{sys.version}\0{msgspec.__version__}\0".encode())
        h.update(data)
        return h.hexdigest()

    def get(self, data: bytes, compute: Callable[[], Plan]) -> Plan:
        """The plan for ``data``: from a sound entry, else ``compute()`` (which may raise PlanError) and store it."""
        import msgspec

        from .model import Plan

        try:
            path = self.directory / f"{self.key(data)}{SUFFIX}"
        except OSError:  # pragma: no cover - the package's own source cannot be read
            return compute()
        entry = _read_regular(path)
        if entry is not None:
            view = memoryview(entry)
            if len(view) > 16 and view[:16] == _digest(view[16:]):
                try:
                    plan = msgspec.msgpack.decode(view[16:], type=Plan)
                except (msgspec.DecodeError, msgspec.ValidationError, ValueError, RecursionError):
                    pass  # foreign or from a broken encoder: a miss
                else:
                    _touch(path)
                    return plan
        plan = compute()  # raises PlanError for a bad file: nothing is cached then
        payload = msgspec.msgpack.encode(plan)
        self._store(path, _digest(payload) + payload)
        return plan

    def _store(self, path: Path, entry: bytes) -> None:
        import tempfile

        tmp = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(entry)
            if os.path.isdir(path) and not os.path.islink(path):
                os.rmdir(path)  # an empty directory where the entry belongs (a non-empty one stays: a miss each time)
            os.replace(tmp, path)  # atomic: a reader sees the old entry or the whole new one
            tmp = None
            self._trim()
        except OSError:
            pass  # a cache that cannot be written is only slower
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _trim(self) -> None:
        """Keep the KEEP entries used most recently; remove the rest."""
        entries = []
        for p in self.directory.glob(f"*{SUFFIX}"):
            try:
                entries.append((p.lstat().st_mtime, p))
            except OSError:
                continue
        entries.sort(reverse=True)
        for _, old in entries[KEEP:]:
            try:
                old.unlink()
            except OSError:
                pass


def _touch(path: Path) -> None:
    """Mark an entry as used (its modification time orders the trimming)."""
    try:
        os.utime(path)
    except OSError:
        pass


def plan_cache() -> PlanCache | None:
    """The cache to use, or None when SDPARTNER_NO_CACHE is set."""
    if os.environ.get("SDPARTNER_NO_CACHE"):
        return None
    return PlanCache(cache_dir())
