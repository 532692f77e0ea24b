"""A cache of validated plans, keyed by content, so that large plan files are parsed once.

The key is a hash of the file's bytes and the source of the schema and loader modules, so a cached
entry can only ever be returned for the very bytes it was made from, by the code that made it: it can
never serve stale data. ``SDPARTNER_NO_CACHE=1`` turns it off; ``SDPARTNER_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

MIN_BYTES = 0  # every plan: even the bundled 50 kB plan decodes ~3x faster from the cache than from TOML
KEEP = 16  # entries kept; the oldest beyond this are removed


def cache_dir() -> Path:
    """Where cached plans live: $SDPARTNER_CACHE_DIR, else $XDG_CACHE_HOME/sdpartner, else ~/.cache/sdpartner."""
    explicit = os.environ.get("SDPARTNER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdpartner"


class PlanCache:
    """Callable used by ``load_plan``: returns the cached Plan for these bytes or computes and stores it."""

    def __init__(self, directory: Path, min_bytes: int = MIN_BYTES) -> None:
        self.directory = directory
        self.min_bytes = min_bytes

    def key(self, data: bytes) -> str:
        """Content key: the file's bytes and the source of the code that validated them.

        (Not the package version: reading it imports importlib.metadata, ~30 ms.)"""
        try:
            from _blake2 import blake2b  # the builtin module: importing hashlib loads OpenSSL (~6 ms)
        except ImportError:  # pragma: no cover
            from hashlib import blake2b

        from . import load, model

        h = blake2b(digest_size=20)
        for code in (model, load):  # the schema and the checks: what a cached plan was validated by
            h.update(Path(code.__file__).read_bytes())
        h.update(data)
        return h.hexdigest()

    def __call__(self, data: bytes, compute: Callable[[], Any]) -> Any:
        if len(data) < self.min_bytes:
            return compute()
        import msgspec

        from .model import Plan

        path = self.directory / f"{self.key(data)}.msgpack"
        try:
            return msgspec.msgpack.decode(path.read_bytes(), type=Plan)
        except (OSError, msgspec.DecodeError):  # ValidationError is a DecodeError
            pass
        plan = compute()  # raises PlanError for a bad file: nothing is cached then
        self._store(path, msgspec.msgpack.encode(plan))
        return plan

    def _store(self, path: Path, payload: bytes) -> None:
        import tempfile

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, path)  # atomic: a reader sees the old entry or the whole new one
            entries = sorted(self.directory.glob("*.msgpack"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[KEEP:]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written is only slower


def plan_cache() -> PlanCache | None:
    """The cache to use, or None when SDPARTNER_NO_CACHE is set."""
    if os.environ.get("SDPARTNER_NO_CACHE"):
        return None
    return PlanCache(cache_dir())
