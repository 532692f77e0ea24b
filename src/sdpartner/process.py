"""The ``sdpartner`` process: entry point, the one output write, exit codes and the fast ending.

``cli.py`` holds the commands; this module runs them. Three things happen here and nowhere else:
- ``app_for`` reduces the app to the one command a run executes (Typer builds a click command for every
  registered command on every run, ~7 ms for all of ours);
- ``emit`` writes a command's one output, turning what the environment does to it (a closed pipe, a full
  disk, a closed stdout, an encoding without Chinese) into one line and an exit code;
- ``main`` ends the process with ``os._exit`` once the output is flushed: the interpreter's teardown
  (freeing every module of Typer and rich and every record of the plan) costs 10-18 ms the user would
  wait for, and a command has nothing left to clean up (the cache writes its entries atomically before).
  So ``atexit`` handlers do not run in the ``sdpartner`` process; code that embeds sdpartner calls
  ``run_app`` or the Typer app instead.
"""

import os
import sys
from collections.abc import Callable
from typing import NoReturn

import typer

from .errors import ExitCode


def error_line(message: str) -> None:
    """One line on stderr, if stderr can take it."""
    try:
        sys.stderr.write(f"sdpartner: error: {message}\n")
    except (OSError, ValueError, AttributeError):
        pass


def emit(text: str) -> None:
    """Write the one output of a command; the environment's refusals become one line and an exit code."""
    out = sys.stdout
    if out is None:
        error_line("standard output is closed, so there is nowhere to write the answer")
        raise typer.Exit(ExitCode.FAILURE)
    try:
        try:
            out.write(text)
        except UnicodeEncodeError:
            encoding = getattr(out, "encoding", None) or "ascii"
            out.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))
            sys.stderr.write(
                f"sdpartner: warning: the output encoding ({encoding}) cannot show Chinese text, so it was written as \\u escapes; "
                "set PYTHONIOENCODING=utf-8 or use a UTF-8 locale (e.g. LANG=C.UTF-8)\n"
            )
        out.flush()
    except BrokenPipeError:
        quiet_stdout()
        raise typer.Exit(ExitCode.OK) from None
    except (OSError, ValueError) as exc:
        quiet_stdout()  # what is still buffered cannot be written either
        why = getattr(exc, "strerror", None) or str(exc)
        error_line(f"cannot write the output: {why}")
        raise typer.Exit(ExitCode.FAILURE) from None


def write_file(path: str, force: bool, write: "Callable[[str], object]") -> None:
    """Write an output file whole or not at all: into a temporary file beside it, then moved into place.

    An existing file is kept unless ``force``; every refusal of the file system is an OutputError."""
    import tempfile

    from .errors import OutputError
    from .safe import shown

    if os.path.lexists(path) and not force:
        raise OutputError(f"{shown(path)} exists; add --force to overwrite it")
    if os.path.isdir(path):
        raise OutputError(f"{shown(path)} is a directory; give a file name")
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".sdpartner-", suffix=".tmp")
        os.close(fd)
        os.unlink(tmp)  # sqlite3 wants to create its file itself
    except OSError as exc:
        raise OutputError(f"cannot write to {shown(directory)}: {exc.strerror or exc}") from None
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def quiet_stdout() -> None:
    """After the output failed: point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def app_for(args: list[str]) -> typer.Typer:
    """The app reduced to the one command (or group) that ``args`` names.

    Anything else (no command, an option first, a name that is not a command, shell completion) gets
    the whole app, so help, errors and completion are unchanged.
    """
    from .cli import CONTEXT, app

    first = args[0] if args else ""
    if not first or first.startswith("-") or os.environ.get("_SDPARTNER_COMPLETE"):
        return app
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__.replace("_", "-")) == first]  # type: ignore[union-attr]
    groups = [g for g in app.registered_groups if g.name == first]
    if not commands and not groups:
        return app
    # no completion options: they are options of the bare program (sdpartner --install-completion), which gets the whole app
    lean = typer.Typer(name=app.info.name, help=app.info.help, rich_markup_mode=None, pretty_exceptions_enable=False, context_settings=CONTEXT, add_completion=False)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = commands
    lean.registered_groups = groups
    return lean


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
# the positional arguments of commands, named for messages about them
POSITIONAL = {"search": "QUERY", "show": "ID", "validate": "PATH", "actions show": "ACTION", "city show": "NAME", "events show": "ID"}


def _usage(message: str, command: str = "sdpartner") -> int:
    """A usage error as people read it: one line saying what is wrong, one saying where help is. Exit 2."""
    error_line(message)
    sys.stderr.write(f"Try '{command} -h' for help.\n")
    return ExitCode.USAGE


def _precheck(args: list[str]) -> int | None:
    """Errors found before Typer parses: empty values, a shell named for completion. An exit code, or None."""
    from .safe import shown

    words = [a for a in args[:2] if a and not a.startswith("-")]
    command = " ".join(words[:2]) if " ".join(words[:2]) in POSITIONAL else (words[0] if words else "")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--") and arg.endswith("=") and len(arg) > 3:
            return _usage(f"{arg[:-1]} is empty; give it a value", f"sdpartner {command}".strip())
        if arg == "":
            before = args[i - 1] if i else ""
            what = before if before.startswith("-") else POSITIONAL.get(command, "an argument")
            return _usage(f"{shown(what)} is empty; give it a value", f"sdpartner {command}".strip())
    if args[:1] and args[0].split("=")[0] in ("--show-completion", "--install-completion"):
        shell = args[0].partition("=")[2] or (args[1] if len(args) > 1 else "")
        if shell:
            if shell not in SHELLS:
                return _usage(f"{args[0].split('=')[0]} takes a shell: {', '.join(SHELLS)}, not {shown(shell)!r}")
            # Typer takes the shell as a value only with its detection off; otherwise it detects the running shell
            os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
            args[:] = [f"{args[0].split('=')[0]}={shell}", *args[2 if '=' not in args[0] else 1:]]
    return None


def _click_classes() -> tuple[type, type, type]:
    """click's UsageError, ClickException and Abort, wherever this Typer keeps click."""
    mro = typer.BadParameter.__mro__
    usage = next(c for c in mro if c.__name__ == "UsageError")
    click_exc = next(c for c in mro if c.__name__ == "ClickException")
    abort = getattr(sys.modules[usage.__module__], "Abort", None) or KeyboardInterrupt  # click keeps Abort beside its exceptions
    return usage, click_exc, abort


def usage_message(exc: Exception) -> str:
    """A click usage error in words: '--year must be a whole number between 1900 and 2200, not 'abc''."""
    import re

    from .safe import shown

    param = getattr(exc, "param", None)
    text = exc.format_message() if hasattr(exc, "format_message") else str(exc)  # type: ignore[attr-defined]
    if param is not None:
        name = max(getattr(param, "opts", []) or [getattr(param, "human_readable_name", "")], key=len)
        found = re.match(r"'?(.*?)'? is not", text.rsplit(": ", 1)[-1], re.S)
        value = shown(found.group(1), 40) if found else None
        kind = type(param.type).__name__
        if kind in ("IntRange", "IntParamType") and value is not None:
            low, high = getattr(param.type, "min", None), getattr(param.type, "max", None)
            between = f" between {low} and {high}" if low is not None and high is not None else (f" of at least {low}" if low is not None else "")
            return f"{name} must be a whole number{between}, not {value!r}"
        choices = re.search(r"is not one of (.*?)\.?$", text, re.S)
        if choices and value is not None:
            return f"{name} must be one of {choices.group(1).replace(chr(39), '')}, not {value!r}"
    text = shown(" ".join(text.split()), 200)
    return text[:1].lower() + text[1:].rstrip(".")


def run_app(prog_name: str = "sdpartner", args: list[str] | None = None) -> int:
    """Run the app for ``args`` (default: sys.argv); the exit code. Usage errors are two lines in words; an
    unexpected exception is a one-line bug report."""
    args = list(sys.argv[1:] if args is None else args)
    if not args:  # the bare program: its help, on stdout, as a success
        args = ["--help"]
    code = _precheck(args)
    if code is not None:
        return code
    usage_error, click_exception, abort = _click_classes()
    try:
        result = app_for(args)(args=args, prog_name=prog_name, standalone_mode=False)
        return result if isinstance(result, int) else ExitCode.OK
    except usage_error as exc:
        ctx = getattr(exc, "ctx", None)
        return _usage(usage_message(exc), ctx.command_path if ctx is not None else prog_name)
    except click_exception as exc:
        error_line(usage_message(exc))
        return getattr(exc, "exit_code", ExitCode.FAILURE)
    except abort:
        return 130
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return ExitCode.FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        quiet_stdout()
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a clean line
        if os.environ.get("SDPARTNER_TRACEBACK"):
            raise
        sys.stderr.write(
            f"sdpartner: internal error: {type(exc).__name__}: {exc}. This is a bug in sdpartner; "
            "run again with SDPARTNER_TRACEBACK=1 to see the traceback, and report it.\n"
        )
        return ExitCode.BUG


def main(prog_name: str = "sdpartner") -> NoReturn:
    """Console-script entry point: run the app, flush, and end the process at once (see the module's text)."""
    import gc

    gc.disable()  # a short-lived process that makes no reference cycles: collections would only cost time
    end(run_app(prog_name))


def end(code: int) -> NoReturn:
    """Flush what was written and end the process at once, skipping the interpreter's teardown."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # the reader left: what it did not read is not ours to report
        quiet_stdout()
    except (OSError, ValueError) as exc:
        quiet_stdout()
        error_line(f"cannot write the output: {getattr(exc, 'strerror', None) or exc}")
        code = code or ExitCode.FAILURE
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)
