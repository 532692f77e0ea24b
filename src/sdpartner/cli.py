"""The commands: parse options, call one query, pick one view and one renderer, print once.

No business logic lives here. Errors below are typed (``errors.py``); ``_run`` turns them into one line on
stderr and an exit code. The process around the commands (entry point, output writing, the lean app,
the fast ending) is ``process.py``.
"""

# No ``from __future__ import annotations``: Typer would then resolve every parameter annotation from a
# string at start-up (typing.get_type_hints compiles each one), which costs measurable time per command.
import os
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from .errors import ExitCode, SdpartnerError
from .model import FigureKind
from .process import emit
from .render import OutputFormat

if TYPE_CHECKING:
    from .documents import Document
    from .model import Plan


class Language(str, Enum):
    """The ``--lang`` choices."""

    en = "en"
    zh = "zh"


class ExportFormat(str, Enum):
    """The ``export --format`` choices."""

    json = "json"
    jsonl = "jsonl"
    md = "md"
    sqlite = "sqlite"


# the kinds of record (search --kind, show); the words people read for them are in words.KINDS
KINDS = ("plan", "group", "action", "measure", "programme", "figure", "event", "city", "offer", "sector", "organisation", "person",
         "document", "statement", "series", "edition", "observation", "source")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
app = typer.Typer(
    name="sdpartner",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings=CONTEXT,
    add_completion=True,
)
actions_app = typer.Typer(help="The ten actions: list them or show one.\n\n\b\nExamples:\n  sdpartner actions list --group investment\n  sdpartner actions show 7",
                          no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
city_app = typer.Typer(help="The five presenting cities: list them or show one.\n\n\b\nExamples:\n  sdpartner city list\n  sdpartner city show 青岛",
                       no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(actions_app, name="actions")
app.add_typer(city_app, name="city")


# ----------------------------------------------------------------------------------------------
# Completion (reads the bundled or $SDPARTNER_PLAN plan; silent on any problem)
# ----------------------------------------------------------------------------------------------


def _complete(pick: Callable[["Plan"], list[str]]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        try:
            from .cache import plan_cache
            from .load import load_plan

            names = pick(load_plan(None, cache=plan_cache()))
        except Exception:  # completion must never print a traceback into the shell
            return []
        return [n for n in names if n.casefold().startswith(incomplete.casefold())]

    return complete


complete_city = _complete(lambda p: [c.id for c in p.cities] + [c.name.zh for c in p.cities])
complete_place = _complete(lambda p: __import__("sdpartner.query", fromlist=["place_names"]).place_names(p))
complete_action = _complete(lambda p: [str(a.id) for a in p.actions] + [a.slug for a in p.actions])
complete_group = _complete(lambda p: [str(g.id) for g in p.groups] + [g.slug for g in p.groups])

# ----------------------------------------------------------------------------------------------
# Options every query command shares
# ----------------------------------------------------------------------------------------------

FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", metavar="FORMAT", help="table (for people), json, jsonl (a record a line), csv, tsv (for grep/awk) or md.", case_sensitive=False)]
ColumnsOpt = Annotated[Optional[str], typer.Option("--columns", metavar="COLUMNS", help="Only these columns, in this order, in every format: comma-separated JSON keys; 'help' lists them.", autocompletion=lambda ctx, incomplete: _column_names(ctx, incomplete))]
WideOpt = Annotated[bool, typer.Option("--wide", "-w", help="Tables show every column, not only those that fit an 80-column screen.")]
LangOpt = Annotated[Language, typer.Option("--lang", "-l", metavar="LANG", envvar="SDPARTNER_LANG", help="Language of the output: en or zh.", case_sensitive=False)]
PlanOpt = Annotated[Optional[str], typer.Option("--plan", metavar="FILE", envvar="SDPARTNER_PLAN", help="Plan file to query [default: the bundled 2026 plan].", show_default=False)]
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", metavar="YEAR", min=1900, max=2200, help="Only this year, e.g. 2026.")]


def _fail(exc: SdpartnerError) -> NoReturn:
    """One line on stderr (and, for a usage error, where help is) and the error's exit code."""
    typer.echo(f"sdpartner: error: {exc}", err=True)
    if exc.exit_code == ExitCode.USAGE:
        typer.echo(f"Try '{_command_path()} -h' for help.", err=True)
    raise typer.Exit(exc.exit_code)


def _command_path() -> str:
    """The running command as typed, e.g. 'sdpartner events' (click keeps it in its current context)."""
    import importlib

    contexts = importlib.import_module(typer.BadParameter.__module__.rsplit(".", 1)[0] + ".globals")
    ctx = contexts.get_current_context(silent=True)
    return ctx.command_path if ctx is not None else "sdpartner"


def _load(plan_path: str | None) -> "Plan":
    """The validated plan (through the cache); an unusable file becomes one line and exit 1."""
    from .cache import plan_cache
    from .load import load_plan

    try:
        return load_plan(plan_path, cache=plan_cache())
    except SdpartnerError as exc:
        _fail(exc)


def _run(build: Callable[["Plan", str], "Document"], fmt: OutputFormat, lang: Language, plan_path: str | None, columns: str | None = None, wide: bool = False) -> None:
    """Load the plan, build the document, pick its columns, render it once, print it; user errors become one line."""
    from .render import render
    from .terminal import Terminal

    plan = _load(plan_path)
    try:
        document = build(plan, lang.value)
        if wide:
            from .documents import widen

            document = widen(document)
        if columns is not None:
            document = _pick(document, columns)
        text = render(document, fmt, Terminal.detect())
    except SdpartnerError as exc:
        _fail(exc)
    emit(text)


def _pick(document: "Document", columns: str) -> "Document":
    """The listing with only the named columns; an unknown name or 'help' lists the valid ones (exit 2)."""
    from .documents import column_keys, pick_columns
    from .errors import UsageError

    keys = [k.strip() for k in columns.split(",") if k.strip()]
    valid = ", ".join(column_keys(document))
    if not keys or keys == ["help"]:
        raise UsageError(f"--columns takes comma-separated names of: {valid}")
    try:
        return pick_columns(document, keys)
    except ValueError as exc:
        raise UsageError(f"--columns: no column named {str(exc)[:40]!r}; the columns are: {valid}") from None


def _column_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Completion for --columns: the keys of the command's listing, built from the bundled plan."""
    try:
        from . import views
        from .cache import plan_cache
        from .load import load_plan
        from .search import Result

        plan = load_plan(None, cache=plan_cache())
        path = " ".join((ctx.command_path or "").split()[1:])
        builders = {"targets": lambda: views.figure_list(plan, plan.figures, "en"), "events": lambda: views.event_list(plan, plan.events, "en"),
                    "sectors": lambda: views.sector_list([], "en"), "sources": lambda: views.source_list(plan, "en"),
                    "actions list": lambda: views.action_list(plan, plan.actions, "en"), "city list": lambda: views.city_list(plan, "en"),
                    "search": lambda: views.search_list(Result([], [], {}), "", "en")}
        keys = [c.key for c in builders[path]().columns] if path in builders else []
    except Exception:  # completion must never print a traceback into the shell
        return []
    done, _, last = incomplete.rpartition(",")
    return [f"{done},{k}" if done else k for k in keys if k.startswith(last)]


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
    group: Annotated[Optional[str], typer.Option("--group", "-g", metavar="GROUP", help="Only one group: 1-4 or its slug (trade, investment, cooperation, institutions).", autocompletion=complete_group)] = None,
    search: Annotated[Optional[str], typer.Option("--search", "-s", metavar="TEXT", help="Only actions whose name, summary or keywords match.")] = None,
    columns: ColumnsOpt = None,
    wide: WideOpt = False,
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

    _run(lambda p, lg: views.action_list(p, query.actions(p, group, search), lg), fmt, lang, plan, columns, wide)


@actions_app.command("show")
def actions_show(
    action: Annotated[str, typer.Argument(help="Action number (1-10), slug or name in English or Chinese, e.g. 7, belt-and-road or 一带一路.", autocompletion=complete_action, show_default=False)],
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
    action: Annotated[Optional[str], typer.Option("--action", "-a", metavar="ACTION", help="Only figures linked to this action (number or slug).", autocompletion=complete_action)] = None,
    year: YearOpt = None,
    kind: Annotated[Optional[FigureKind], typer.Option("--kind", "-k", metavar="KIND", help="target (set by the plan) or status (reported).", case_sensitive=False)] = None,
    columns: ColumnsOpt = None,
    wide: WideOpt = False,
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

    _run(lambda p, lg: views.figure_list(p, query.figures(p, action, year, kind), lg), fmt, lang, plan, columns, wide)


events_app = typer.Typer(invoke_without_command=True, rich_markup_mode=None, context_settings=CONTEXT)
app.add_typer(events_app, name="events")
complete_series = _complete(lambda p: [s.id for s in p.series])
DateOpt = Annotated[Optional[str], typer.Option(metavar="DATE", help="A day, month or year: 2024-08-28, 2024-08 or 2024.")]


def _date(value: str | None, option: str) -> str | None:
    import re

    from .errors import UsageError

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        _fail(UsageError(f"{option} must be a date such as 2024, 2024-08 or 2024-08-28, not {value[:40]!r}"))
    return value


@events_app.callback()
def events(
    ctx: typer.Context,
    year: YearOpt = None,
    place: Annotated[Optional[str], typer.Option("--place", "--city", "-p", "-c", metavar="PLACE", help="Only events at this place: a city or any place the plan names (Beijing, Singapore, Hong Kong).", autocompletion=complete_place)] = None,
    action: Annotated[Optional[str], typer.Option("--action", "-a", metavar="ACTION", help="Only events of this action (number or slug).", autocompletion=complete_action)] = None,
    series: Annotated[Optional[str], typer.Option("--series", "-s", metavar="SERIES", help="Only one series, in order, e.g. mnc-summit.", autocompletion=complete_series)] = None,
    since: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="Only from this date: 2024, 2024-08 or 2024-08-28.")] = None,
    until: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Only up to this date.")] = None,
    columns: ColumnsOpt = None,
    wide: WideOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Events the plan names and the earlier editions of their series, in time order; an empty result is not an error.

    \b
    Examples:
      sdpartner events --year 2026
      sdpartner events --year 2024
      sdpartner events --series mnc-summit
      sdpartner events show mnc-leaders-qingdao-summit-7
    """
    if ctx.invoked_subcommand is not None:
        return
    from . import query, views

    since, until = _date(since, "--from"), _date(until, "--to")
    _run(lambda p, lg: views.event_list(p, query.events(p, year, place, action, series, since, until), lg), fmt, lang, plan, columns, wide)


@events_app.command("show")
def events_show(
    event: Annotated[str, typer.Argument(metavar="ID", help="An event or edition id or name, e.g. mnc-leaders-qingdao-summit-7 or mnc-summit-5.", show_default=False)],
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """One event with the history of its series (dates, place, headline counts), or one earlier edition.

    \b
    Example:
      sdpartner events show mnc-leaders-qingdao-summit-7
    """
    from . import query, views

    def build(p: "Plan", lg: str) -> "Document":
        try:
            entry = query.find_record(p, event, "event")
        except SdpartnerError:
            entry = query.find_record(p, event, "edition")
        return views.record_detail(p, entry, lg)  # type: ignore[arg-type]

    _run(build, fmt, lang, plan)


@app.command("sources")
def sources_cmd(columns: ColumnsOpt = None, wide: WideOpt = False, fmt: FormatOpt = OutputFormat.table, lang: LangOpt = Language.en, plan: PlanOpt = None) -> None:
    """The sources behind the data: the primary article and the other pages, with how many records each backs.

    \b
    Example:
      sdpartner sources
      sdpartner show dzrb-2026-dialogue
    """
    from . import views

    _run(views.source_list, fmt, lang, plan, columns, wide)


@city_app.command("list")
def city_list(columns: ColumnsOpt = None, wide: WideOpt = False, fmt: FormatOpt = OutputFormat.table, lang: LangOpt = Language.en, plan: PlanOpt = None) -> None:
    """List the five cities that presented at the dialogue.

    \b
    Example:
      sdpartner city list --format csv
    """
    from . import views

    _run(views.city_list, fmt, lang, plan, columns, wide)


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
    search: Annotated[Optional[str], typer.Option("--search", "-s", metavar="TEXT", help="Only sectors matching this text, e.g. robotics, lithium, shipping.")] = None,
    columns: ColumnsOpt = None,
    wide: WideOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Sector -> cities: every field, industry, cluster or strength a city presented, in its own wording (Kind says which).

    \b
    Example:
      sdpartner sectors --search robotics
    """
    from . import query, views

    _run(lambda p, lg: views.sector_list(query.sector_index(p, search), lg), fmt, lang, plan, columns, wide)


@app.command("search")
def search_cmd(
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words or a question, in English, pinyin or Chinese, e.g. 'lithium battery' or 哪个城市有储能产业.", show_default=False)],
    kind: Annotated[Optional[str], typer.Option("--kind", "-k", metavar="KIND", help="Only records of this kind: action, measure, figure, event, edition, city, offer, source ...", autocompletion=lambda: list(KINDS))] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", metavar="N", min=1, help="Show at most this many hits.")] = None,
    columns: ColumnsOpt = None,
    wide: WideOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Search every record, ranked; each hit says its kind and id (open it with 'sdpartner show ID').

    Words are matched whole, forgiving case, plurals, US spellings and hyphens; Chinese by its words;
    a question works as typed. No hits is an answer: it says what the plan does not mention and the
    nearest words it uses.

    \b
    Examples:
      sdpartner search "which city wants partners in energy storage?"
      sdpartner search 锂电池 --kind offer
    """
    from . import search, views
    from .errors import UsageError

    if not text.strip():
        _fail(UsageError("the search query is empty; give one or more words, e.g. sdpartner search lithium"))
    if kind is not None and kind not in KINDS:
        _fail(UsageError(f"--kind must be one of {', '.join(KINDS)}, not {kind[:40]!r}"))

    def build(p: "Plan", lg: str) -> "Document":
        result = search.search(p, text, limit, kind)
        note = views.search_note(result, text, lg)  # type: ignore[arg-type]
        if note and (result.hits or fmt not in (OutputFormat.table, OutputFormat.md)):
            typer.echo(f"sdpartner: note: {note}", err=True)
        return views.search_list(result, text, lg)  # type: ignore[arg-type]

    _run(build, fmt, lang, plan, columns, wide)


@app.command("show")
def show_cmd(
    ref: Annotated[str, typer.Argument(metavar="ID", help="Any record's id, slug or name, in any language or case: 7, belt-and-road, 一带一路, uob, 青岛.", show_default=False)],
    fmt: FormatOpt = OutputFormat.table,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """Open any record (an action, measure, figure, event, city, offer, organisation, ...) with everything linked to it.

    \b
    Examples:
      sdpartner show uob
      sdpartner show credit-goal-2025 --format json
    """
    from . import query, views

    _run(lambda p, lg: views.record_detail(p, query.find_record(p, ref), lg), fmt, lang, plan)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", metavar="FORMAT", help="json (the full bilingual model), jsonl (a line per record), md (a briefing) or sqlite (a database; needs --output).", case_sensitive=False)] = ExportFormat.json,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to this file ('-' or none: standard output; sqlite needs a file).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """The whole plan, for scripts, reports and databases: JSON, JSON Lines, a Markdown briefing or SQLite.

    The SQLite database has a table per kind of record, foreign keys for every link and a full-text
    index ('search') that works for Chinese; a Datasette metadata file is written beside it.

    \b
    Examples:
      sdpartner export --format md --output briefing.md
      sdpartner export --format sqlite --output plan.db && sqlite3 plan.db 'select name_en from actions'
    """
    from . import views
    from .errors import UsageError
    from .process import write_file

    if output == "":
        _fail(UsageError("--output is empty; give a file name, or '-' for standard output"))
    if fmt is ExportFormat.sqlite and output in (None, "-"):
        _fail(UsageError("--format sqlite writes a database file: give one with --output, e.g. --output plan.db"))
    if output in (None, "-"):
        _run(views.export, OutputFormat(fmt.value), lang, plan)
        return
    loaded = _load(plan)
    try:
        if fmt is ExportFormat.sqlite:
            from .render import sqlite_export, sqlite_metadata

            write_file(output, force, lambda tmp: sqlite_export(loaded, tmp))
            meta = sqlite_metadata(output)
            write_file(f"{output}.metadata.json", True, lambda tmp: open(tmp, "w", encoding="utf-8").write(meta))
            typer.echo(f"sdpartner: wrote {output} and {output}.metadata.json (open it with sqlite3 or datasette {output} -m {output}.metadata.json)", err=True)
        else:
            from .render import render
            from .terminal import Terminal

            text = render(views.export(loaded, lang.value), OutputFormat(fmt.value), Terminal())
            write_file(output, force, lambda tmp: open(tmp, "w", encoding="utf-8").write(text))
    except SdpartnerError as exc:
        _fail(exc)


@app.command()
def validate(
    path: Annotated[Optional[str], typer.Argument(metavar="[PATH]", help="Plan file to check [default: the bundled plan].", show_default=False)] = None,
) -> None:
    """Check a plan file and list every problem found (exit 0 when valid, 1 otherwise).

    \b
    Example:
      sdpartner validate my-plan.toml
    """
    from .errors import PlanError
    from .load import load_plan
    from .query import record_counts

    from .safe import shown

    which = shown(path or os.environ.get("SDPARTNER_PLAN") or "the bundled plan", 300)
    try:
        loaded = load_plan(path)
    except PlanError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"sdpartner: {len(exc.problems)} problem(s) found in {which}", err=True)
        raise typer.Exit(ExitCode.FAILURE) from None
    counts = ", ".join(f"{n} {k}" for k, n in record_counts(loaded).items())
    emit(f"valid: {which} ({counts})\n")


def _short_helps() -> None:
    """Root help lists each command with the whole first line of its help (click cuts a derived one short)."""
    for info in app.registered_commands:
        if info.short_help is None and info.callback is not None and info.callback.__doc__:
            info.short_help = info.callback.__doc__.strip().splitlines()[0]
    for group in app.registered_groups:
        callback = group.typer_instance.registered_callback
        text = group.typer_instance.info.help or (callback.callback.__doc__ if callback and callback.callback else "") or ""
        if text and not group.short_help:
            group.short_help = text.strip().splitlines()[0]


_short_helps()
