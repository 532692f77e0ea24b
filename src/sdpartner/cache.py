"""A cache of validated plans, keyed by content, so that a plan file is parsed and validated once.

An entry holds the frozen form of a validated plan (``frozen.freeze``), behind a digest of itself. Its
key is a hash of the file's bytes and of the source of the code that validates and freezes, so an entry
can only ever be returned for the very bytes it was made from, by the code that made it: it can never
serve stale data. ``SDPARTNER_NO_CACHE=1`` turns it off; ``SDPARTNER_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

KEEP = 16  # entries kept; the oldest beyond this are removed
SUFFIX = ".plan"
# the modules whose code decides what a validated, frozen plan is (read, never imported: the key must not
# cost msgspec's import)
_CODE = ("base.py", "model.py", "load.py", "names.py", "frozen.py")

try:
    from _blake2 import blake2b  # the builtin module: importing hashlib loads OpenSSL (~6 ms)
except ImportError:  # pragma: no cover
    from hashlib import blake2b


def cache_dir() -> Path:
    """Where cached plans live: $SDPARTNER_CACHE_DIR, else $XDG_CACHE_HOME/sdpartner, else ~/.cache/sdpartner."""
    explicit = os.environ.get("SDPARTNER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdpartner"


def _digest(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=16).digest()


class PlanCache:
    """Callable used by ``load_plan``: returns the cached payload for these bytes or computes and stores it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def key(self, data: bytes) -> str:
        """Content key: the file's bytes and the source of the code that validated and froze them.

        (Not the package version: reading it imports importlib.metadata, ~30 ms.)"""
        h = blake2b(digest_size=20)
        here = Path(__file__).parent
        for name in _CODE:
            h.update((here / name).read_bytes())
        h.update(data)
        return h.hexdigest()

    def __call__(self, data: bytes, compute: Callable[[], bytes]) -> bytes | memoryview:
        try:
            path = self.directory / f"{self.key(data)}{SUFFIX}"
        except OSError:  # pragma: no cover - the package's own source cannot be read
            return compute()
        try:
            entry = memoryview(path.read_bytes())  # slices without copying: entries can be megabytes
            if entry[:16] == _digest(entry[16:]):  # a damaged entry is recomputed, never used
                return entry[16:]
        except OSError:
            pass
        payload = compute()  # raises PlanError for a bad file: nothing is cached then
        self._store(path, _digest(payload) + payload)
        return payload

    def _store(self, path: Path, entry: bytes) -> None:
        import tempfile

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(entry)
            os.replace(tmp, path)  # atomic: a reader sees the old entry or the whole new one
            entries = sorted(self.directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[KEEP:]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written is only slower


def plan_cache() -> PlanCache | None:
    """The cache to use, or None when SDPARTNER_NO_CACHE is set."""
    if os.environ.get("SDPARTNER_NO_CACHE"):
        return None
    return PlanCache(cache_dir())
