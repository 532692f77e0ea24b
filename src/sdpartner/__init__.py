"""sdpartner: query Shandong's 2026 "Ten Partner Actions" opening-up plan."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sdpartner")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that was never installed
    __version__ = "0+unknown"
