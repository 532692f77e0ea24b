"""Writing output files so that a user's file is never lost: all or nothing, and nothing that is not ours replaced.

- Every file a command writes (the main output and its companions, such as Datasette's metadata) is written
  whole into a temporary file beside its target, then moved into place; until then nothing is touched.
- Without ``--force`` an existing file is refused, and the final move is a hard link that refuses to replace:
  a file that appears while the work runs survives it (file systems without hard links get an exclusive
  create instead).
- With ``--force`` only a regular file (or a symbolic link, replaced as a link: its target is never
  touched) is replaced; never a directory, a device, a FIFO or a socket. What was there is kept aside until
  every file is in place, and put back if any move fails.
- SIGINT, SIGTERM and SIGHUP during the work, a full disk, a companion that cannot be written, a name that
  cannot be encoded: no temporary file and no partial output remain, nothing is half replaced, and the
  caller gets an ``OutputError`` (one line, exit 1).
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import OutputError

Writer = Callable[[str], object]


class Interrupted(BaseException):
    """A signal asked the process to stop while files were being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Interrupted`` (as SIGINT raises KeyboardInterrupt), so cleanup runs."""
    previous: dict[int, Any] = {}

    def handler(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                previous[sig] = signal.signal(sig, handler)
            except (ValueError, OSError):  # not the main thread
                pass
    try:
        yield
    finally:
        for sig, old in previous.items():
            try:
                signal.signal(sig, old)
            except (ValueError, OSError):
                pass


def _shown(path: str) -> str:
    from ..safe import shown_path

    return shown_path(path)


def _kind_of(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((word for test, word in kinds if test(mode)), "not a regular file")


def _check_target(path: str, force: bool) -> None:
    """Refuse a target that exists without --force, and one that is not a regular file (or a link to one, or a
    dangling link) even with it: --force never stands a file in for a device or a pipe, /dev/stdout included."""
    try:
        os.fsencode(path)
    except UnicodeEncodeError:
        raise OutputError("unencodable", path=_shown(path)) from None
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError("cannot_write", path=_shown(path), why=exc.strerror or str(exc)) from None
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode  # what the link leads to
        except OSError:
            mode = stat.S_IFREG  # a dangling link: replaced like a file
    if stat.S_ISDIR(mode):
        raise OutputError("is_directory", path=_shown(path))
    if not stat.S_ISREG(mode):
        raise OutputError("not_regular", path=_shown(path), what=_kind_of(mode))
    if not force:
        raise OutputError("file_exists", path=_shown(path))


def _mode_for(path: str) -> int:
    """The permissions an output gets: those of the regular file it replaces, else what the umask gives a new file."""
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _why(exc: BaseException) -> str:
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        return str(exc)
    if isinstance(exc, UnicodeEncodeError):
        return "the name cannot be encoded"
    return getattr(exc, "strerror", None) or str(exc)


def check_targets(paths: list[str], force: bool) -> None:
    """Refuse, before any work, what ``write_files`` would refuse at the end (it checks again when it moves)."""
    for path in paths:
        _check_target(path, force)


def write_files(outputs: list[tuple[str, Writer]], force: bool) -> None:
    """Write every (path, writer) whole, or none of them. ``writer(tmp)`` fills a temporary file beside its path."""
    check_targets([path for path, _ in outputs], force)
    temps: list[str] = []
    placed: list[tuple[str, str | None]] = []  # (target, backup of what was there) for what has been moved in
    try:
        with _signals_raise():
            for path, writer in outputs:
                directory = os.path.realpath(os.path.dirname(path) or ".")  # as the system reads it: l/.. is l's target's parent
                try:
                    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".sdpartner-", suffix=".tmp")
                    os.close(fd)
                except (OSError, UnicodeEncodeError) as exc:
                    raise OutputError("cannot_write_dir", path=_shown(directory), why=_why(exc)) from None
                temps.append(tmp)
                try:
                    writer(tmp)
                    os.chmod(tmp, _mode_for(path))  # mkstemp's file is private (0600); the output is not
                except OutputError:
                    raise
                except Exception as exc:  # noqa: BLE001 - an OSError, or sqlite3's "database or disk is full"
                    if isinstance(exc, (OSError, UnicodeEncodeError)) or type(exc).__module__.startswith("sqlite3"):
                        raise OutputError("cannot_write", path=_shown(path), why=_why(exc)) from None
                    raise
            for (path, _), tmp in zip(outputs, temps, strict=True):
                placed.append(_place(tmp, path, force))
    except KeyboardInterrupt:
        _undo(placed)
        raise OutputError("interrupted", signal="SIGINT") from None
    except Interrupted as exc:
        _undo(placed)
        raise OutputError("interrupted", signal=signal.Signals(exc.signum).name) from None
    except BaseException:
        _undo(placed)
        raise
    else:
        for _, backup in placed:
            if backup is not None:
                _remove(backup)
    finally:
        for tmp in temps:
            _remove(tmp)


def _place(tmp: str, path: str, force: bool) -> tuple[str, str | None]:
    """Move a finished temporary file to its target; (target, the backup of what it replaced)."""
    try:
        if not force:
            try:
                os.link(tmp, path)  # refuses when a file appeared at the path meanwhile
            except FileExistsError:
                raise OutputError("appeared", path=_shown(path)) from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                    raise
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # a file system without hard links
                os.close(fd)
                os.replace(tmp, path)
            else:
                _remove(tmp)
            return path, None
        _check_target(path, force)  # again, at the moment of the move
        backup = None
        if os.path.lexists(path):
            fd, backup = tempfile.mkstemp(dir=os.path.dirname(tmp), prefix=".sdpartner-", suffix=".old")  # where tmp is: the path's real directory
            os.close(fd)
            os.replace(path, backup)
        try:
            os.replace(tmp, path)
        except BaseException:
            if backup is not None:
                os.replace(backup, path)
            raise
        return path, backup
    except FileExistsError:
        raise OutputError("appeared", path=_shown(path)) from None
    except OSError as exc:
        raise OutputError("cannot_write", path=_shown(path), why=_why(exc)) from None


def _undo(placed: list[tuple[str, str | None]]) -> None:
    """Put back what the moves replaced, and remove what they added."""
    for path, backup in reversed(placed):
        try:
            if backup is not None:
                os.replace(backup, path)
            else:
                os.unlink(path)
        except OSError:
            pass


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
