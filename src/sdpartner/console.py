"""The process's two streams: the one write of a command's answer to stdout, and one-line messages on stderr.

What the environment does to them (a closed pipe, a full disk, a closed stdout, an encoding without
Chinese, a closed or broken stderr) becomes one line and an exit code, never a traceback: a broken stderr
never costs the answer on stdout and never changes the exit code.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

from .errors import ExitCode, OutputError

_PREFIX = {"en": ("error", "note", "warning"), "zh": ("错误", "提示", "警告")}


def _stderr(line: str) -> None:
    """Write a line to stderr if stderr can take it."""
    try:
        err = sys.stderr
        if err is None:
            return
        try:
            err.write(line)
        except UnicodeEncodeError:
            encoding = getattr(err, "encoding", None) or "ascii"
            err.write(line.encode(encoding, "backslashreplace").decode(encoding, "replace"))
        err.flush()
    except (OSError, ValueError, AttributeError):
        pass


def error(message: str, lang: str = "en", prefix: bool = True) -> None:
    """One error line on stderr: 'sdpartner: error: ...' (in Chinese: 'sdpartner: 错误: ...')."""
    word = _PREFIX["zh" if lang == "zh" else "en"][0]
    _stderr(f"sdpartner: {word}: {message}\n" if prefix else f"{message}\n")


def note(message: str, lang: str = "en") -> None:
    """One note line on stderr."""
    _stderr(f"sdpartner: {_PREFIX['zh' if lang == 'zh' else 'en'][1]}: {message}\n")


class Closed:
    """Standing in for a standard output the process was started without: writing to it is an OutputError, so
    that help or an answer sent nowhere is one line and exit 1, while a command that writes only files runs."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OutputError("stdout_closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "standard output is closed")


def open_stdout() -> Any:
    """The standard output; OutputError (exit 1) where the process was started without one."""
    out = sys.stdout
    if out is None or isinstance(out, Closed):
        raise OutputError("stdout_closed")
    return out


def emit(text: str | bytes) -> None:
    """Write a command's one answer (text, or UTF-8 bytes written as they are where stdout is UTF-8); the
    environment's refusals become an OutputError (exit 1), a reader that left (a closed pipe) a quiet end."""
    out = open_stdout()
    try:
        if isinstance(text, bytes):
            raw = getattr(out, "buffer", None)
            if raw is not None and (getattr(out, "encoding", "") or "").lower().replace("-", "").replace("_", "") == "utf8":
                out.flush()
                raw.write(text)
                raw.flush()
                return
            text = text.decode("utf-8")
        try:
            out.write(text)
        except UnicodeEncodeError:
            encoding = getattr(out, "encoding", None) or "ascii"
            out.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))
            from .words import message

            _stderr(f"sdpartner: warning: {message('encoding_warning', 'en', {'encoding': encoding})}\n")
        out.flush()
    except BrokenPipeError:
        quiet_stdout()
    except (OSError, ValueError) as exc:
        quiet_stdout()  # what is still buffered cannot be written either
        raise OutputError("cannot_write_output", why=getattr(exc, "strerror", None) or str(exc)) from None


def quiet_stdout() -> None:
    """After the output failed: point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def end(code: int) -> NoReturn:
    """Flush what was written and end the process at once, skipping the interpreter's teardown (10-18 ms)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # the reader left: what it did not read is not ours to report
        quiet_stdout()
    except (OSError, ValueError) as exc:
        quiet_stdout()
        _stderr(f"sdpartner: error: cannot write the output: {getattr(exc, 'strerror', None) or exc}\n")
        code = code or ExitCode.FAILURE
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)
