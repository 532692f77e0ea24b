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


def read_regular(path: str | os.PathLike[str], limit: int, head: int | None = None) -> bytes | None:
    """The bytes of a regular file that is not a link (only its first ``head`` bytes, if given), read without
    blocking; None for anything else: a link, a FIFO, a device, a file over ``limit`` bytes, a refusal."""
    import stat

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if head is not None:
            return os.read(fd, head)
        if info.st_size > limit:
            return None
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
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


def store(path: str | os.PathLike[str], data: bytes, prefix: str = ".sdpartner-") -> bool:
    """Write ``data`` to ``path`` whole: a temporary file beside it, then a rename (a reader sees the old file or
    the new one, never half of one). False where the directory refuses: a cache that cannot be written is
    only slower."""
    import tempfile

    directory = os.path.dirname(os.fspath(path)) or "."
    tmp = None
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
