"""sdpartner: query Shandong's 2026 "Ten Partner Actions" opening-up plan.

``__version__`` comes from the installed package's metadata (the one place it is set is
pyproject.toml). It is looked up on first use, because importing importlib.metadata costs more start-up
time than the rest of a JSON query.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("sdpartner")
        except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'sdpartner' has no attribute {name!r}")
