"""Where sdpartner's files are: the bundled data and the cache directory (standard library ``os`` only:
completion reads these before anything else is imported)."""

from __future__ import annotations

import os


def data_dir() -> str:
    """The bundled data: inside the installed package, or ``data/`` of a source checkout.

    An installed package on a file system has it beside this package, which is what importlib.resources
    would return; that is checked first because importing importlib.resources costs ~6 ms of start-up."""
    here = os.path.dirname(os.path.abspath(__file__))
    for candidate in (os.path.join(here, "data"), os.path.join(os.path.dirname(os.path.dirname(here)), "data")):  # installed; checkout
        if os.path.isdir(os.path.join(candidate, "plans")):
            return candidate
    from importlib.resources import files

    return str(files("sdpartner").joinpath("data"))  # pragma: no cover - a zipped install


def cache_dir(env: dict[str, str] | os._Environ[str] | None = None) -> str:
    """$SDPARTNER_CACHE_DIR, else $XDG_CACHE_HOME/sdpartner when it is absolute (the XDG rule), else ~/.cache/sdpartner."""
    env = os.environ if env is None else env
    explicit = env.get("SDPARTNER_CACHE_DIR")
    if explicit:
        return explicit
    xdg = env.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "sdpartner")
