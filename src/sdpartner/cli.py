"""The command line: parse options, call one query, pick one renderer, print once, map errors to exit codes.

No business logic lives here. Errors below are typed (``errors.py``); ``_run`` turns them into one line on
stderr and an exit code, and ``main`` turns anything unexpected into a one-line bug report (exit 70).
"""

# No ``from __future__ import annotations``: Typer would then resolve every parameter annotation from a
# string at start-up (typing.get_type_hints compiles each one), which costs measurable time per command.
import os
import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from .base import FigureKind
from .errors import ExitCode, SdpartnerError
from .render import OutputFormat

if TYPE_CHECKING:
    from .model import Plan
    from .records import Document


class Language(str, Enum):
    """The ``--lang`` choices."""

    en = "en"
    zh = "zh"


class ExportFormat(str, Enum):
    """The ``export --format`` choices."""

    json = "json"
    md = "md"


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
app = typer.Typer(
    name="sdpartner",
    help="Query Shandong's 2026 'Ten Partner Actions' opening-up plan (2026年山东对外开放“十大伙伴行动”计划).",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings=CONTEXT,
    add_completion=True,
)
actions_app = typer.Typer(help="The ten actions: list them or show one.", no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
city_app = typer.Typer(help="The five presenting cities: list them or show one.", no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(actions_app, name="actions")
app.add_typer(city_app, name="city")


# ----------------------------------------------------------------------------------------------
# Completion (reads the bundled or $SDPARTNER_PLAN plan; silent on any problem)
# ----------------------------------------------------------------------------------------------


def _complete(pick: Callable[["Plan"], list[str]]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        try:
            from .load import load_plan

            names = pick(load_plan(None))
        except Exception:  # completion must never print a traceback into the shell
            return []
        return [n for n in names if n.casefold().startswith(incomplete.casefold())]

    return complete


complete_city = _complete(lambda p: [c.id for c in p.cities] + [c.name.zh for c in p.cities])
complete_action = _complete(lambda p: [str(a.id) for a in p.actions] + [a.slug for a in p.actions])
complete_group = _complete(lambda p: [str(g.id) for g in p.groups] + [g.slug for g in p.groups])

# ----------------------------------------------------------------------------------------------
# Options every query command shares
# ----------------------------------------------------------------------------------------------

FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="table (for people), json, csv, tsv (for grep/awk) or md.", case_sensitive=False)]
LangOpt = Annotated[Language, typer.Option("--lang", "-l", envvar="SDPARTNER_LANG", help="Language of the output: en or zh.", case_sensitive=False)]
PlanOpt = Annotated[Optional[str], typer.Option("--plan", envvar="SDPARTNER_PLAN", help="Plan file to query [default: the bundled 2026 plan].", show_default=False)]
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", min=1900, max=2200, help="Only this year, e.g. 2026.")]


def _fail(exc: SdpartnerError) -> NoReturn:
    typer.echo(f"sdpartner: error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _emit(text: str) -> None:
    """Write the one output of a command; survive closed pipes and encodings that lack Chinese."""
    out = sys.stdout
    try:
        try:
            out.write(text)
        except UnicodeEncodeError:
            encoding = getattr(out, "encoding", None) or "ascii"
            out.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))
            typer.echo(
                f"sdpartner: warning: the output encoding ({encoding}) cannot show Chinese text, so it was written as \\u escapes; "
                "set PYTHONIOENCODING=utf-8 or use a UTF-8 locale (e.g. LANG=C.UTF-8)",
                err=True,
            )
        out.flush()
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(ExitCode.OK) from None


def _quiet_stdout() -> None:
    """After the reader closed the pipe: point stdout at /dev/null so the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _load(plan_path: str | None) -> "Plan":
    """The validated plan (through the cache); an unusable file becomes one line and exit 1."""
    from .cache import plan_cache
    from .load import load_plan

    try:
        return load_plan(plan_path, cache=plan_cache())
    except SdpartnerError as exc:
        _fail(exc)


def _run(build: Callable[["Plan", str], "Document"], fmt: OutputFormat, lang: Language, plan_path: str | None) -> None:
    """Load the plan, build the document, render it once, print it; user errors become one line."""
    from .render import render
    from .terminal import Terminal

    plan = _load(plan_path)
    try:
        text = render(build(plan, lang.value), fmt, Terminal.detect())
    except SdpartnerError as exc:
        _fail(exc)
    _emit(text)


# ----------------------------------------------------------------------------------------------
# Commands
# ----------------------------------------------------------------------------------------------


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"sdpartner {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Query Shandong's 2026 'Ten Partner Actions' opening-up plan (2026年山东对外开放“十大伙伴行动”计划).

    \b
    Examples:
      sdpartner overview
      sdpartner actions show 7
      sdpartner city show qingdao
      sdpartner events --year 2026 --format json
      sdpartner sectors --search robotics
    """


@app.command()
def overview(fmt: FormatOpt = OutputFormat.table, lang: LangOpt = Language.en, plan: PlanOpt = None) -> None:
    """The whole plan on one screen: release, groups and actions, targets, events, cities.

    \b
    Example:
      sdpartner overview --lang zh
    """
    from .views import overview as view

    _run(view, fmt, lang, plan)


@actions_app.command("list")
def actions_list(
    group: Annotated[Optional[str], typer.Option("--group", "-g", help="Only one group: 1-4 or its slug (trade, investment, cooperation, institutions).", autocompletion=complete_group)] = None,
    search: Annotated[Optional[str], typer.Option("--search", "-s", help="Only actions whose name, summary or keywords match.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """List the ten actions in the plan's order.

    \b
    Example:
      sdpartner actions list --group investment
    """
    from . import query, views

    _run(lambda p, lg: views.action_list(p, query.actions(p, group, search), lg), fmt, lang, plan)


@actions_app.command("show")
def actions_show(
    action: Annotated[str, typer.Argument(help="Action number (1-10) or slug, e.g. 7 or belt-and-road.", autocompletion=complete_action, show_default=False)],
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """One action: its group, measures, programmes, figures, events and citations.

    \b
    Example:
      sdpartner actions show 7
    """
    from . import query, views

    _run(lambda p, lg: views.action_detail(p, query.find_action(p, action), lg), fmt, lang, plan)


@app.command()
def targets(
    action: Annotated[Optional[str], typer.Option("--action", "-a", help="Only figures linked to this action (number or slug).", autocompletion=complete_action)] = None,
    year: YearOpt = None,
    kind: Annotated[Optional[FigureKind], typer.Option("--kind", "-k", help="target (set by the plan) or status (reported).", case_sensitive=False)] = None,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Figures: targets and status numbers with value, unit, comparator, year and scope.

    \b
    Example:
      sdpartner targets --kind target
    """
    from . import query, views

    _run(lambda p, lg: views.figure_list(p, query.figures(p, action, year, kind), lg), fmt, lang, plan)


@app.command()
def events(
    year: YearOpt = None,
    city: Annotated[Optional[str], typer.Option("--city", "-c", help="Only events in this city (any name or alias).", autocompletion=complete_city)] = None,
    action: Annotated[Optional[str], typer.Option("--action", "-a", help="Only events of this action (number or slug).", autocompletion=complete_action)] = None,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Events the plan names; an empty result is not an error.

    \b
    Example:
      sdpartner events --year 2026
    """
    from . import query, views

    _run(lambda p, lg: views.event_list(p, query.events(p, year, city, action), lg), fmt, lang, plan)


@city_app.command("list")
def city_list(fmt: FormatOpt = OutputFormat.table, lang: LangOpt = Language.en, plan: PlanOpt = None) -> None:
    """List the five cities that presented at the dialogue.

    \b
    Example:
      sdpartner city list --format csv
    """
    from . import views

    _run(views.city_list, fmt, lang, plan)


@city_app.command("show")
def city_show(
    name: Annotated[str, typer.Argument(help="Slug, Chinese or English name or alias, any case: qingdao, 青岛, Tai'an.", autocompletion=complete_city, show_default=False)],
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """One city: the fields it wants partners in, its clusters and strengths, and where the plan names it.

    \b
    Example:
      sdpartner city show 青岛
    """
    from . import query, views

    _run(lambda p, lg: views.city_detail(p, query.find_city(p, name), lg), fmt, lang, plan)


@app.command()
def sectors(
    search: Annotated[Optional[str], typer.Option("--search", "-s", help="Only sectors matching this text, e.g. robotics, lithium, shipping.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Which city wants partners in what: sector -> cities, in each city's own wording.

    \b
    Example:
      sdpartner sectors --search robotics
    """
    from . import query, views

    _run(lambda p, lg: views.sector_list(query.sector_index(p, search), lg), fmt, lang, plan)


@app.command("search")
def search_cmd(
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words in English or Chinese, e.g. 'e-commerce' or 锂.", show_default=False)],
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Show at most this many hits.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Search every kind of record; hits are ranked, each says its kind, id and where it matched.

    \b
    Example:
      sdpartner search "energy storage"
    """
    from . import query, views
    from .errors import UsageError

    if not text.strip():
        _fail(UsageError("the search query is empty; give one or more words, e.g. sdpartner search lithium"))
    _run(lambda p, lg: views.search_list(query.search(p, text, limit), lg), fmt, lang, plan)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="json (the full validated model) or md (a briefing document).", case_sensitive=False)] = ExportFormat.json,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """The whole plan: JSON is the full bilingual model; Markdown is a readable briefing.

    \b
    Example:
      sdpartner export --format md > briefing.md
    """
    loaded = _load(plan)
    if fmt is ExportFormat.json:
        from .frozen import to_builtins
        from .render.json import dumps

        _emit(dumps(to_builtins(loaded)))
    else:
        from .briefing import briefing

        _emit(briefing(loaded, lang.value))


@app.command()
def validate(
    path: Annotated[Optional[str], typer.Argument(help="Plan file to check [default: the bundled plan].", show_default=False)] = None,
) -> None:
    """Check a plan file and list every problem found (exit 0 when valid, 1 otherwise).

    \b
    Example:
      sdpartner validate my-plan.toml
    """
    from .errors import PlanError
    from .load import load_plan
    from .query import record_counts

    which = path or os.environ.get("SDPARTNER_PLAN") or "the bundled plan"
    try:
        loaded = load_plan(path)
    except PlanError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"sdpartner: {len(exc.problems)} problem(s) found in {which}", err=True)
        raise typer.Exit(ExitCode.FAILURE) from None
    counts = ", ".join(f"{n} {k}" for k, n in record_counts(loaded).items())
    _emit(f"valid: {which} ({counts})\n")


def app_for(args: list[str]) -> typer.Typer:
    """The app reduced to the one command (or group) that ``args`` names.

    Typer turns every registered command into a click command on every run (~7 ms for our eleven);
    a run needs only the one it executes. Anything else (no command, an option first, a name that is
    not a command, shell completion) gets the whole app, so help, errors and completion are unchanged.
    """
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


def main(prog_name: str = "sdpartner") -> NoReturn:
    """Console-script entry point: run the app; an unexpected exception is a one-line bug report, exit 70.

    The process then ends with ``os._exit`` once its output is flushed: the interpreter's teardown (freeing
    every module of Typer and rich, and every record of the plan) costs 10-20 ms the user would wait for,
    and a command has nothing left to clean up by then (the cache writes its entries atomically before).
    """
    import gc

    gc.disable()  # a short-lived process that makes no reference cycles: collections would only cost time
    _end(_run_app(prog_name))


def _run_app(prog_name: str) -> int:
    """Run the app for sys.argv; the exit code (Typer and click end by raising SystemExit)."""
    try:
        app_for(sys.argv[1:])(prog_name=prog_name)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return ExitCode.FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
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


def _end(code: int) -> NoReturn:
    """Flush what was written and end the process at once, skipping the interpreter's teardown."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left: what it did not read is not ours to report
        _quiet_stdout()
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)
