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


def run_app(prog_name: str = "sdpartner", args: list[str] | None = None) -> int:
    """Run the app for ``args`` (default: sys.argv); the exit code. An unexpected exception is a one-line bug report."""
    args = sys.argv[1:] if args is None else args
    try:
        app_for(args)(args=args, prog_name=prog_name)
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
    return ExitCode.OK


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
