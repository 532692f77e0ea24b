"""Every command, declared once: the words that name it, its help with examples, what it takes, what answers it.

The Typer app, the fast path and the MCP server's tools are all built from ``COMMANDS``; completion reads each
parameter's ``complete``; the README's table of questions and the test of every command come from here too.
"""

from __future__ import annotations

from . import answers as a
from .spec import Command, Param, Tool

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "md")
MACHINE_FORMATS = ("json", "jsonl", "csv", "tsv")  # for scripts: values as they are (codes, ISO dates), never the words people read
EXPORT_FORMATS = ("json", "jsonl", "md", "sqlite", "ics")

FORMAT = Param(name="format", flags=("--format", "-f"), kind="choice", choices=FORMATS, metavar="FORMAT", root=True, tool=False,
               help="table (for people), json, jsonl (a record a line), csv, tsv (for grep/awk) or md [default: table].")
LANG = Param(name="lang", flags=("--lang", "-l"), kind="choice", choices=("en", "zh"), metavar="LANG", root=True,
             help="Language of the output: en or zh; or set SDPARTNER_LANG [default: en].",
             tool_help="Language of names and texts: en or zh [default: the server's, its --lang].")
PLAN = Param(name="plan", flags=("--plan",), metavar="FILE", root=True, tool=False,
             help="Plan file to query; or set SDPARTNER_PLAN [default: the newest bundled plan, with the bundled history].")
COLUMNS = Param(name="columns", flags=("--columns",), metavar="COLUMNS", complete="columns", tool=False,
                help="Only these columns, in this order, in every format: comma-separated JSON keys; 'help' lists them.")
WIDE = Param(name="wide", flags=("--wide", "-w"), kind="flag", default=False, tool=False, help="Tables show every column, not only those that fit an 80-column screen.")
YEAR = Param(name="year", flags=("--year", "-y"), kind="int", low=1900, high=2200, metavar="YEAR", help="Only this year, e.g. 2026.")
ACTION = Param(name="action", flags=("--action", "-a"), metavar="ACTION", complete="action", help="Only those of this action (number or slug).")

OUTPUT = (FORMAT, LANG, PLAN)
# the options every command shares, taken before the command name too: sdpartner --lang zh city show 烟台
ROOT = (Param(name="format", flags=FORMAT.flags, kind="choice", choices=tuple(dict.fromkeys((*FORMATS, *EXPORT_FORMATS))), metavar="FORMAT",
              help="Output format of the command that follows (each command says which it writes)."), LANG, PLAN)
LISTING = (COLUMNS, WIDE, *OUTPUT)


def _help(first: str, *examples: str, text: str = "") -> str:
    """A command's help: its first line, its text, and its examples (kept as written by click's \\b)."""
    body = f"\n\n{text}" if text else ""
    return f"{first}{body}\n\n\b\nExample{'s' if len(examples) > 1 else ''}:\n" + "\n".join(f"  {e}" for e in examples)


COMMANDS: tuple[Command, ...] = (
    Command(path=("overview",), answer=a.overview, params=OUTPUT,
            help=_help("The whole plan on one screen: release, groups and actions, targets, events, cities.", "sdpartner overview --lang zh")),
    Command(path=("actions", "list"), answer=a.actions_list, listing="actions list", tool=Tool(name="list_actions", rows="actions"), params=(
        Param(name="group", flags=("--group", "-g"), metavar="GROUP", complete="group", help="Only one group: 1-4 or its slug (trade, investment, cooperation, institutions)."),
        Param(name="search", flags=("--search", "-s"), metavar="TEXT", help="Only actions whose name, summary or keywords match."), *LISTING),
            help=_help("List the ten actions in the plan's order.", "sdpartner actions list --group investment")),
    Command(path=("actions", "show"), answer=a.actions_show, params=(
        Param(name="action", metavar="ACTION", required=True, complete="action", help="Action number (1-10), slug or name in English or Chinese, e.g. 7, belt-and-road or 一带一路."),
        *OUTPUT), help=_help("One action: its group, measures, programmes, figures, events and citations.", "sdpartner actions show 7")),
    Command(path=("targets",), answer=a.targets, listing="targets", tool=Tool(name="list_targets", rows="figures", first="Figures: targets and status numbers with value, qualifier, unit, year, scope and each target's status."), params=(
        ACTION, YEAR, Param(name="kind", flags=("--kind", "-k"), kind="choice", choices=("target", "status"), metavar="KIND", help="target (set by the plan) or status (reported)."),
        *LISTING), help=_help("Figures: targets and status numbers with value, qualifier, unit, year and scope; --wide adds each target's status.",
                              "sdpartner targets --kind target")),
    Command(path=("events",), answer=a.events, listing="events", tool=Tool(name="list_events", rows="events"), params=(
        YEAR,
        Param(name="place", flags=("--place", "--city", "-p", "-c"), metavar="PLACE", complete="place",
              help="Only events at this place: a city, or any place a record names (Beijing, Singapore, Linyi, 威海)."),
        ACTION,
        Param(name="series", flags=("--series", "-s"), metavar="SERIES", complete="series", help="Only one series, in order, e.g. mnc-summit."),
        Param(name="since", flags=("--from",), metavar="DATE", help="Only from this date: 2024, 2024-08 or 2024-08-28."),
        Param(name="until", flags=("--to",), metavar="DATE", help="Only up to this date."),
        *LISTING), help=_help("Events the plan names and the editions of their series, in time order; an empty result is not an error.",
                              "sdpartner events --year 2026", "sdpartner events --year 2024", "sdpartner events --series mnc-summit",
                              "sdpartner events show mnc-leaders-qingdao-summit-7")),
    Command(path=("events", "show"), answer=a.events_show, params=(
        Param(name="event", metavar="ID", required=True, complete="event", help="An event or edition id or name, e.g. mnc-leaders-qingdao-summit-7 or mnc-summit-5."),
        *OUTPUT), help=_help("One event with the history of its series (dates, place, every count), or one edition.", "sdpartner events show mnc-leaders-qingdao-summit-7")),
    Command(path=("sources",), answer=a.sources, listing="sources", tool=Tool(name="list_sources", rows="sources"), params=LISTING,
            help=_help("The sources behind the data: the primary article and the other pages, with how many records each backs.",
                       "sdpartner sources", "sdpartner show dzrb-2026-dialogue",
                       text="Each source is rated by who issued it: official (a government body or the event's organiser, also when a wire or "
                            "portal carries it), major (a major news outlet's own report), minor (a smaller outlet's own report), release (a press "
                            "release whose issuer is not named), repost (a copy by a third party whose original publisher is unclear), weak (a "
                            "company website, an aggregator, an automated or third-party summary: its caveat is shown wherever its facts appear).")),
    Command(path=("city", "list"), answer=a.city_list, listing="city list", tool=Tool(name="list_cities", rows="cities"), params=LISTING,
            help=_help("List the five cities that presented at the dialogue.", "sdpartner city list --format csv")),
    Command(path=("city", "show"), answer=a.city_show, tool=Tool(name="show_city"), params=(
        Param(name="name", metavar="NAME", required=True, complete="city", help="Slug, Chinese or English name or alias, any case: qingdao, 青岛, Tai'an."),
        *OUTPUT), help=_help("One city: the fields it wants partners in, its clusters and strengths, and where the plan names it.", "sdpartner city show 青岛")),
    Command(path=("sectors",), answer=a.sectors, listing="sectors", tool=Tool(name="list_sectors", rows="sectors"), params=(
        Param(name="search", flags=("--search", "-s"), metavar="TEXT", help="Only sectors matching this text, e.g. robotics, lithium, shipping."), *LISTING),
            help=_help("Sector -> cities: every field, industry, cluster or strength a city presented, in its own wording (Kind says which).",
                       "sdpartner sectors --search robotics")),
    Command(path=("search",), answer=a.search, listing="search", tool=Tool(name="search", rows="hits", defaults={"limit": 20}, first="Search every record, ranked; each hit says its type and id (open it with the tool show)."), params=(
        Param(name="query", metavar="QUERY", required=True, help="Words or a question, in English or Chinese (places also in pinyin: qingdao), e.g. 'lithium battery', 哪个城市有储能产业, '750 billion yuan'."),
        Param(name="kind", flags=("--kind", "-k"), metavar="KIND", complete="kind", help="Only records of this kind: action, measure, figure, event, edition, city, offer, source ..."),
        Param(name="limit", flags=("--limit", "-n"), kind="int", low=1, metavar="N", help="Show at most this many hits."),
        Param(name="as_typed", flags=("--as-typed",), kind="flag", default=False, help="Search the words as typed, without correcting a misspelling."),
        *LISTING), help=_help("Search every record, ranked; each hit says its type and id (open it with 'sdpartner show ID').",
                              "sdpartner search \"which city wants partners in energy storage?\"", "sdpartner search 锂电池 --kind offer",
                              "sdpartner search \"750 billion yuan\"", "sdpartner search \"the first Qingdao summit\"",
                              text="Words are matched whole, forgiving case, plurals, US spellings and hyphens; Chinese by its words; a question "
                                   "works as typed. Numbers are matched by value in any form (750 billion yuan = 7500亿元 = 7.5e11), ordinals "
                                   "by edition (first = 1st = 第一届 = 首届) and years by year. No hits is an answer: it says what the plan does "
                                   "not mention and the nearest words it uses.")),
    Command(path=("show",), answer=a.show, tool=Tool(name="show"), params=(
        Param(name="ref", metavar="ID", required=True, complete="record",
              help="Any record's id or name, in any language or case: 7, belt-and-road, 一带一路, uob, 青岛, 韩国进口商品博览会."), *OUTPUT),
            help=_help("Open any record (an action, measure, figure, event, city, offer, source, ...) with everything linked to it.",
                       "sdpartner show uob", "sdpartner show credit-goal-2025 --format json")),
    Command(path=("status",), answer=a.status, listing="status", tool=Tool(name="plan_status", rows="items"), params=(
        Param(name="year", flags=("--year", "-y"), kind="int", low=1900, high=2200, metavar="YEAR", help="The plan year [default: the plan's own]."),
        Param(name="as_of", flags=("--as-of",), metavar="DATE", help="The status as it stood on this day, or at the end of this month or year: 2026-06-16, 2026-06, 2026."),
        *LISTING), help=_help("The plan's year so far: each event and target with its latest status, evidence and the source's rating.",
                              "sdpartner status", "sdpartner status --as-of 2026-06-01 --format json",
                              text="\"No report found\" does not mean \"did not happen\": only that no stored source reports it by the review date.")),
    Command(path=("diff",), answer=a.diff, error_exit=2, params=(
        Param(name="old", metavar="OLD", required=True, help="The older plan file; given alone, a plan compared with the newest bundled one in year order (diff plan-2027.toml: from 2026 to 2027)."),
        Param(name="new", metavar="NEW", help="The newer plan file [default: the newest bundled plan]."),
        FORMAT, LANG), plan=False,
            help=_help("What changed between two plan files: actions, measures, figures, events, cities and offers added, removed or changed.",
                       "sdpartner diff plan-2026.toml plan-2027.toml", "sdpartner diff old.toml --format json",
                       text="Exit code 0: the plans are the same; 1: they differ; 2: an error (as diff does).")),
    Command(path=("export",), answer=a.export, params=(
        Param(name="format", flags=("--format", "-f"), kind="choice", choices=EXPORT_FORMATS, default="json", metavar="FORMAT", root=True,
              help="json (the full bilingual model), jsonl (a record a line), md (a briefing), sqlite (a database; needs --output) or ics (a calendar)."),
        Param(name="output", flags=("--output", "-o"), metavar="FILE", help="Write to this file ('-' or none: standard output; sqlite needs a file)."),
        Param(name="force", flags=("--force",), kind="flag", default=False, help="Replace FILE (and the files written beside it) if it exists; only regular files are replaced."),
        LANG, PLAN), help=_help("The whole plan, for scripts, reports, databases and calendars: JSON, JSON Lines, Markdown, SQLite or iCalendar.",
                                "sdpartner export --format md --output briefing.md", "sdpartner export --format sqlite --output plan.db && sqlite3 plan.db 'select name_en from actions'",
                                "sdpartner export --format ics --output plan.ics",
                                text="The SQLite database has a table per kind of record, foreign keys for every link, views for the common joins and "
                                     "full-text search per table that works for Chinese; a Datasette metadata file is written beside it. The calendar "
                                     "holds every event and edition with a day-precision date.")),
    Command(path=("validate",), answer=a.validate, plan=False, params=(
        Param(name="path", metavar="[PATH]", help="Plan file to check [default: the newest bundled plan]."), LANG),
            help=_help("Check a plan file (with the history it joins) and list every problem found (exit 0 when valid, 1 otherwise).", "sdpartner validate my-plan.toml")),
    Command(path=("mcp",), answer=lambda req: a.mcp(req, COMMANDS), plan=False, params=(LANG, PLAN),
            help=_help("Serve the plan to AI assistants: a read-only Model Context Protocol server on stdin/stdout (needs sdpartner[mcp]).", "sdpartner mcp")),
)

ROOT_HELP = _help("Query Shandong's 'Ten Partner Actions' opening-up plan (2026年山东对外开放“十大伙伴行动”计划) and the history of its events.",
                  "sdpartner overview", "sdpartner actions show 7", "sdpartner city show qingdao", "sdpartner events --year 2026 --format json",
                  "sdpartner search \"which city wants partners in robotics?\"", "sdpartner status")
GROUP_HELP = {
    "actions": _help("The ten actions: list them or show one.", "sdpartner actions list --group investment", "sdpartner actions show 7"),
    "city": _help("The five presenting cities: list them or show one.", "sdpartner city list", "sdpartner city show 青岛"),
}


def find(path: tuple[str, ...]) -> Command | None:
    """The command these words name, if any."""
    return next((c for c in COMMANDS if c.path == path), None)
