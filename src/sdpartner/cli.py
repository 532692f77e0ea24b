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

FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="table (for people), json, csv, tsv (for grep/awk) or md.", case_sensitive=False)]
LangOpt = Annotated[Language, typer.Option("--lang", "-l", envvar="SDPARTNER_LANG", help="Language of the output: en or zh.", case_sensitive=False)]
PlanOpt = Annotated[Optional[str], typer.Option("--plan", envvar="SDPARTNER_PLAN", help="Plan file to query [default: the bundled 2026 plan].", show_default=False)]
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", min=1900, max=2200, help="Only this year, e.g. 2026.")]


def _fail(exc: SdpartnerError) -> NoReturn:
    typer.echo(f"sdpartner: error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


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
    emit(text)


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


events_app = typer.Typer(help="Events the plan names and the earlier editions of their series.", invoke_without_command=True,
                         rich_markup_mode=None, context_settings=CONTEXT)
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
    place: Annotated[Optional[str], typer.Option("--place", "--city", "-p", "-c", help="Only events at this place: a city or any place the plan names (Beijing, Singapore, Hong Kong).", autocompletion=complete_place)] = None,
    action: Annotated[Optional[str], typer.Option("--action", "-a", help="Only events of this action (number or slug).", autocompletion=complete_action)] = None,
    series: Annotated[Optional[str], typer.Option("--series", "-s", metavar="SERIES", help="Only one series, in order, e.g. mnc-summit.", autocompletion=complete_series)] = None,
    since: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="Only from this date: 2024, 2024-08 or 2024-08-28.")] = None,
    until: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Only up to this date.")] = None,
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
    _run(lambda p, lg: views.event_list(p, query.events(p, year, place, action, series, since, until), lg), fmt, lang, plan)


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
def sources_cmd(fmt: FormatOpt = OutputFormat.table, lang: LangOpt = Language.en, plan: PlanOpt = None) -> None:
    """The sources behind the data: the primary article and the other pages, with how many records each backs.

    \b
    Example:
      sdpartner sources
      sdpartner show dzrb-2026-dialogue
    """
    from . import views

    _run(views.source_list, fmt, lang, plan)


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
    """Sector -> cities: every field, industry, cluster or strength a city presented, in its own wording (Kind says which).

    \b
    Example:
      sdpartner sectors --search robotics
    """
    from . import query, views

    _run(lambda p, lg: views.sector_list(query.sector_index(p, search), lg), fmt, lang, plan)


class RecordKind(str, Enum):
    """The ``search --kind`` choices: every kind of record."""

    plan = "plan"
    group = "group"
    action = "action"
    measure = "measure"
    programme = "programme"
    figure = "figure"
    event = "event"
    city = "city"
    offer = "offer"
    sector = "sector"
    organisation = "organisation"
    person = "person"
    document = "document"
    statement = "statement"


@app.command("search")
def search_cmd(
    text: Annotated[str, typer.Argument(metavar="QUERY", help="Words or a question, in English, pinyin or Chinese, e.g. 'lithium battery' or 哪个城市有储能产业.", show_default=False)],
    kind: Annotated[Optional[RecordKind], typer.Option("--kind", "-k", help="Only records of this kind, e.g. event, offer, figure.", case_sensitive=False)] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Show at most this many hits.")] = None,
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

    def build(p: "Plan", lg: str) -> "Document":
        result = search.search(p, text, limit, kind.value if kind else None)
        note = views.search_note(result, text, lg)  # type: ignore[arg-type]
        if note and (result.hits or fmt not in (OutputFormat.table, OutputFormat.md)):
            typer.echo(f"sdpartner: note: {note}", err=True)
        return views.search_list(result, text, lg)  # type: ignore[arg-type]

    _run(build, fmt, lang, plan)


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
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="json (the full validated model) or md (a briefing document).", case_sensitive=False)] = ExportFormat.json,
    lang: LangOpt = Language.en,
    plan: PlanOpt = None,
) -> None:
    """The whole plan: JSON is the full bilingual model; Markdown is a readable briefing.

    \b
    Example:
      sdpartner export --format md > briefing.md
    """
    from . import views

    _run(views.export, OutputFormat(fmt.value), lang, plan)


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
    emit(f"valid: {which} ({counts})\n")
