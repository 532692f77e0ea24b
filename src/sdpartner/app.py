"""argv -> exit code: the one place that runs a command and ends the process.

A command line the fast path fully understands (``commands/fast.py``) is answered without importing Typer;
everything else (help, usage errors, completion scripts, anything unusual) goes to the Typer app built from
the same declarations. Either way the command runs through ``commands.execute``. The process ends with
``os._exit`` once its output is flushed: the interpreter's teardown (freeing every module and every record
of the plan) costs 10-18 ms the user would wait for, and a command has nothing left to clean up. So
``atexit`` handlers do not run in the ``sdpartner`` process; code that embeds sdpartner calls ``run``.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn


def run(args: list[str] | None = None, *, tab_tried: bool = False) -> int:
    """Run the command line ``args`` (default: sys.argv); the exit code. ``tab_tried``: the completion table
    already declined this Tab (``main`` asks it first), so it is not read again."""
    from .console import error
    from .errors import ExitCode, SdpartnerError

    args = list(sys.argv[1:] if args is None else args)
    if sys.stdout is None:  # started with stdout closed: writing to it is one line and exit 1
        from .console import Closed

        sys.stdout = Closed()
    if not args:  # the bare program: its help, on stdout, as a success (click's no_args_is_help exits 2)
        args = ["--help"]
    try:
        from .commands.fast import answer, as_values

        args = as_values(args)  # --year 2026年, --kind 目标: option values as declared, for both ways of answering
        code = answer(args, tab_tried=tab_tried)
        if code is not None:
            return code
        return run_typer(args)
    except SdpartnerError as exc:  # raised where Typer runs our code outside a command (--version to a closed stdout)
        error(exc.message())
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        from .console import quiet_stdout

        quiet_stdout()
        return ExitCode.OK
    except OSError as exc:  # the environment refused something (a full device, an unusable HOME): not a bug
        error(f"{exc.strerror or exc}" + (f": {exc.filename}" if getattr(exc, "filename", None) else ""))
        return ExitCode.FAILURE
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a clean line
        if os.environ.get("SDPARTNER_TRACEBACK"):
            raise
        from .safe import shown
        from .words import message

        error(message("internal_error", "en", {"error": shown(f"{type(exc).__name__}: {exc}", 300)}))
        return ExitCode.BUG


def run_typer(args: list[str]) -> int:
    """Run the command line through the Typer app; its exit code (usage errors: ``typer_app.run``)."""
    from .commands.typer_app import run as run_app
    from .console import error
    from .errors import ExitCode

    err = sys.stderr
    if err is not None:
        sys.stderr = _Shown(err)
    try:
        return run_app(args)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        error(str(exc.code))
        return ExitCode.FAILURE
    finally:
        sys.stderr = err


class _Shown:
    """Standard error while Typer runs. Its usage errors echo what was typed (an unknown option, a bad value):
    control and bidi characters in it are shown as stand-ins, as in sdpartner's own errors, and a line longer
    than 400 characters is shortened, so that no input reaches the terminal as it was typed."""

    def __init__(self, stream: object) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from .safe import visible

        lines = [visible(line, single_line=True) for line in text.split("\n")]
        written: int = getattr(self._stream, "write")("\n".join(line if len(line) <= 400 else line[:300] + "…" for line in lines))
        return written

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def main() -> NoReturn:
    """Console-script entry point: run, flush, and end the process at once."""
    import gc

    gc.disable()  # a short-lived process that makes no reference cycles: collections would only cost time
    _light(sys.argv[1:])
    _import_msgspec()
    from .console import end

    end(run(tab_tried=True))


def _import_msgspec() -> None:
    """Import msgspec without the modules it does not need for sdpartner's answers, each hidden only for the
    length of the import (BENCHMARKS.md, "What the fast paths cost and save"):

    - ``typing_extensions``, which it only tries (``msgspec._utils``: ``try: from typing_extensions import
      get_type_hints ... except Exception: from typing import ...``) and which pulls in ``inspect`` (6-8 ms of
      every command). For the types sdpartner declares, both give the same hints. ``None`` in ``sys.modules``
      makes an import fail (the import system's documented rule).
    - ``platform``, which ``uuid`` imports (msgspec's core imports ``uuid`` for its UUID type) only to ask
      ``platform.system()`` once, and whose import compiles nine patterns for other interpreters' version
      strings (about 1.1 ms). A stand-in answers ``system()`` as ``platform`` does on POSIX
      (``os.uname().sysname``; uuid imports ``platform`` nowhere else).
    - ``msgspec.inspect`` and ``textwrap``, which msgspec's package imports for its JSON Schema generator and
      type introspection only (their import defines some 40 classes and compiles textwrap's patterns).
    - ``datetime``, whose module (``Lib/datetime.py``) defines the whole calendar in Python before it takes the C
      module ``_datetime``'s classes in its place (about 2 ms). msgspec's core asks it for the C API capsule, and
      its TOML and YAML modules for the classes: the stand-in answers each from ``_datetime``, the very objects
      ``datetime`` gives. (sdpartner's own checks of dates do not import it: ``model.check_day``.)
    - ``decimal``, which msgspec's core imports only to learn the ``Decimal`` type, so as to encode and decode
      Decimal values (its import, the C ``_decimal`` with the ``numbers`` ABCs, costs about 1.5 ms). No plan and no
      answer holds one: the model declares no Decimal, TOML gives floats. A stand-in's own ``Decimal`` class takes
      its place, so in the ``sdpartner`` process msgspec refuses a ``decimal.Decimal`` like any type it does not
      know; ``import decimal`` afterwards gives the real module.
    - the compiling of ``typing.ForwardRef("Foo", is_class=True)``, which ``msgspec._utils`` makes only to learn
      whether ``ForwardRef`` takes ``is_class`` (it does from Python 3.11) and then drops. A process's first
      call of the built-in ``compile`` builds the interpreter's AST types (about 1 ms), and in a command that
      answers in JSON, CSV or TSV this probe is the only call: no annotation sdpartner's fast path reads is a
      string. ``compile`` in ``typing``'s globals (looked up before the built-in one) gives no code for that
      one source only, for the length of the import.

    A stand-in hands any other name to the real module, imported when first asked for; the markers leave
    ``sys.modules`` at once, so anything imported later (rich, click, the MCP SDK's pydantic) gets the real
    modules."""
    if "msgspec" in sys.modules or "typing_extensions" in sys.modules:
        return
    hidden: dict[str, object] = {"typing_extensions": None}
    answers: dict[str, dict[str, object]] = {"textwrap": {}, "msgspec.inspect": {}, "decimal": {"Decimal": type("Decimal", (), {})}}
    if hasattr(os, "uname"):  # POSIX: where uuid asks platform.system() (Windows and macOS do not)
        answers["platform"] = {"system": lambda: os.uname().sysname}
    try:
        accelerated = __import__("_datetime")
    except ImportError:  # pragma: no cover - an interpreter without the C module: the real one is imported
        pass
    else:
        answers["datetime"] = {name: value for name, value in vars(accelerated).items() if not name.startswith("__")}
    for name, known in answers.items():
        if name not in sys.modules:
            hidden[name] = _stand_in(name, known)
    sys.modules.update(hidden)  # type: ignore[arg-type]
    import typing

    probed = "compile" not in vars(typing)
    if probed:
        vars(typing)["compile"] = _probe
    try:
        import msgspec  # noqa: F401
    except ImportError:  # pragma: no cover - the long way reports a broken installation
        pass
    finally:
        if probed:
            del vars(typing)["compile"]
        for name, marker in hidden.items():
            if name in sys.modules and sys.modules[name] is marker:
                del sys.modules[name]


def _stand_in(name: str, answers: dict[str, object]) -> object:
    """A module named ``name`` that holds ``answers`` and gives any other name from the real module, imported
    when first asked for (a module ``__getattr__``, PEP 562; ``importlib.util.LazyLoader`` would not do: an
    ``import`` of a module already loaded reads its ``__spec__``, which loads it)."""
    import types

    stand_in = types.ModuleType(name)

    def real(attribute: str) -> object:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        __import__(name)
        return getattr(sys.modules[name], attribute)

    vars(stand_in).update(answers, __getattr__=real)
    return stand_in


def _light(args: list[str]) -> None:
    """Answer ``--version`` and bash's Tab and end the process before anything heavy is imported (msgspec alone
    costs more than half of Typer's import); anything else, or any trouble, returns to take the long way."""
    code: int | None = None
    if os.environ.get("_SDPARTNER_COMPLETE"):
        from .commands.tab import answer

        code = answer()
    elif args in (["--version"], ["-V"]) and sys.stdout is not None:
        from . import VERSION_LINE

        try:
            sys.stdout.write(VERSION_LINE)
            sys.stdout.flush()
        except (OSError, ValueError):
            return  # the long way writes it again and reports the refusal in one line
        code = 0
    if code is not None:
        try:
            sys.stdout.flush()
        except (OSError, ValueError, AttributeError):
            code = code or 1
        os._exit(code)


def _probe(source: str, *args: Any, **kwargs: Any) -> Any:
    """``compile`` as ``typing`` sees it while msgspec is imported: nothing for msgspec's probe ``Foo`` (whose
    code is never run), anything else compiled as always."""
    return None if source == "Foo" else compile(source, *args, **kwargs)
