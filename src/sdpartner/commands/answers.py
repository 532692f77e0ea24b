"""What answers each command: one query and one view, and nothing else (no parsing, no printing).

Each function takes the ``Request`` and returns an ``Answer``; imports happen inside, so that a command
loads only the layers it uses.
"""

from __future__ import annotations

from typing import Any

from ..errors import ExitCode, UsageError
from .spec import Answer, Command, Request


def overview(req: Request) -> Answer:
    from ..present.views import overview as view

    return Answer(view(req.plan, req.lang))


def actions_list(req: Request) -> Answer:
    from ..present import listings as L
    from ..present.fields import Ctx
    from ..query import filters as q

    return _searched(req, L.ACTIONS.listing(q.actions(req.plan, req["group"], req["search"]), Ctx(req.plan, req.lang)))


def _searched(req: Request, listing: Any) -> Answer:
    """A listing's answer; where its --search alone matched no row, a note says where to look instead. (Another
    filter that narrowed it, such as --group, is any argument of the command's tool other than --search that is
    not taken before the command name too: the declarations say which.)"""
    narrowed = any(req[p.name] not in (None, False, p.default) for p in req.command.params if p.tool and not p.root and p.name != "search")
    if not req["search"] or listing.rows or narrowed:
        return Answer(listing)
    from ..safe import shown
    from ..words import message

    return Answer(listing, (message("search_elsewhere", req.lang, {"query": shown(req["search"], 80)}),))


def actions_show(req: Request) -> Answer:
    from ..present.views import action_detail
    from ..query import filters as q

    return Answer(action_detail(req.plan, q.find_action(req.plan, req["action"]), req.lang))


def targets(req: Request) -> Answer:
    from ..present import listings as L
    from ..present.fields import Ctx
    from ..query import filters as q

    return Answer(L.FIGURES.listing(q.figures(req.plan, req["action"], req["year"], req["kind"]), Ctx(req.plan, req.lang)))


def events(req: Request) -> Answer:
    from ..present import listings as L
    from ..present.fields import Ctx
    from ..query import filters as q
    from ..words import message

    since, until = q.strict_date(req["since"], "--from"), q.strict_date(req["until"], "--to")
    if since is not None and until is not None and since[: len(until)] > until[: len(since)]:  # --from 2025 --to 2024
        raise UsageError("reversed_range", since=since, until=until)
    found = q.events(req.plan, req["year"], req["place"], req["action"], req["series"], since, until)
    notes = tuple(message(n.code, req.lang, n.params) for n in q.event_notes(req.plan, found, req["year"], since, until))
    return Answer(L.EVENTS.listing(found, Ctx(req.plan, req.lang)), notes)


def events_show(req: Request) -> Answer:
    from ..present.views import record_detail
    from ..query.records import find_record

    return Answer(record_detail(req.plan, find_record(req.plan, req["event"], ("event", "edition")), req.lang))


def sources(req: Request) -> Answer:
    from ..present import listings as L
    from ..present.fields import Ctx

    return Answer(L.SOURCE_LIST.listing([req.plan.article, *req.plan.sources], Ctx(req.plan, req.lang)))


def city_list(req: Request) -> Answer:
    from ..present import listings as L
    from ..present.fields import Ctx

    return Answer(L.CITIES.listing(req.plan.cities, Ctx(req.plan, req.lang)))


def city_show(req: Request) -> Answer:
    from ..present.views import city_detail
    from ..query import filters as q

    return Answer(city_detail(req.plan, q.find_city(req.plan, req["name"]), req.lang))


def sectors(req: Request) -> Answer:
    from ..present import listings as L
    from ..present.fields import Ctx
    from ..query import filters as q

    return _searched(req, L.SECTORS.listing(q.sector_index(req.plan, req["search"]), Ctx(req.plan, req.lang)))


def search(req: Request) -> Answer:
    from ..plan import catalogue as cat
    from ..present.hits import search_listing, search_notes
    from ..query.search import MAX_QUERY
    from ..query.search import search as run

    text, kind = req["query"], req["kind"]
    if not text.strip():
        raise UsageError("empty_query")
    if len(text) > MAX_QUERY:
        raise UsageError("query_too_long", n=len(text), limit=MAX_QUERY)
    if kind is not None and kind not in cat.codes():
        from ..safe import shown

        from ..query.terms import fold, stem

        kind = cat.code_of(kind) or cat.code_of(stem(fold(kind)))  # a kind as a reader names it: 城市, cities, offers, programs
        if kind is None:
            raise UsageError("bad_kind", option="--kind", choices=", ".join(cat.codes()), value=shown(req["kind"], 40))
    result = run(req.plan, text, req["limit"], kind, correct=not req["as_typed"])
    listing = search_listing(req.plan, result, text, req.lang, kind)
    notes = search_notes(result, text, req.lang, kind)
    # people reading a table or Markdown see an empty result's note in the listing itself
    from ..present.fields import PEOPLE_WORDS

    shown_in_listing = not result.hits and PEOPLE_WORDS.get()  # people read it (execute sets this from the format)
    return Answer(listing, () if shown_in_listing else tuple(notes))


def show(req: Request) -> Answer:
    from ..present.views import record_detail
    from ..query.records import find_record

    return Answer(record_detail(req.plan, find_record(req.plan, req["ref"]), req.lang))


def status(req: Request) -> Answer:
    from ..plan.load import bundled_plan_path, bundled_years
    from ..present.views import status_listing
    from .spec import load

    year, as_of = req["year"], req["as_of"]
    if as_of is not None:
        from ..query.filters import strict_date

        as_of = strict_date(as_of, "--as-of")
    plan = req.plan if (year is None or req.plan_path is not None) else load(str(bundled_plan_path(year)) if year in bundled_years() else None)
    if year is not None and req.plan_path is None and year not in bundled_years():
        raise UsageError("no_status_year", year=year, years=", ".join(map(str, bundled_years())))
    return Answer(status_listing(plan, req.lang, year, as_of))


def diff(req: Request) -> Answer:
    from ..present.changes import diff_document
    from ..query.diff import compare
    from .spec import load

    old = load(req["old"])
    new = load(req["new"] or req.plan_path)  # the newer plan: named, else --plan (before the command name) or SDPARTNER_PLAN
    notes: tuple[str, ...] = ()
    if old.plan.year > new.plan.year:
        from ..safe import shown
        from ..words import message

        if req["new"] is None:  # diff plan-2027.toml: one file, a later plan than the one it meets: in year order
            old, new = new, old
            notes = (message("diff_in_year_order", req.lang, {"file": shown(req["old"], 120), "later": new.plan.year, "earlier": old.plan.year}),)
        else:  # both named: the order given, said
            notes = (message("diff_backwards", req.lang, {"later": old.plan.year, "earlier": new.plan.year}),)
    changes = compare(old, new)
    return Answer(diff_document(old, new, changes, req.lang), notes, code=ExitCode.FAILURE if changes else ExitCode.OK)


def export(req: Request) -> Answer:
    from .export import export as run

    return run(req)


def validate(req: Request) -> Answer:
    from ..errors import PlanError
    from ..plan.load import load_plan
    from ..query.filters import record_counts
    from ..safe import shown
    from ..words import message

    path = req["path"] or req.plan_path  # named, else --plan (before the command name) or SDPARTNER_PLAN
    which = shown(path or message("bundled_plan", req.lang, {}), 300)
    try:
        plan = load_plan(path)
    except PlanError as exc:
        from ..console import _stderr
        from ..safe import visible

        for problem in exc.problems:
            _stderr(visible(problem.pick(req.lang), single_line=True) + "\n")
        _stderr(f"sdpartner: {message('problems_found', req.lang, {'n': len(exc.problems), 'which': which})}\n")
        return Answer(code=ExitCode.FAILURE)
    counts = ", ".join(f"{n} {(one if n == 1 else many).pick(req.lang)}" for one, many, n in record_counts(plan))
    line = message("valid", req.lang, {"which": which, "counts": counts}) + "\n"
    return Answer(line)


def mcp(req: Request, commands: tuple[Command, ...]) -> Answer:
    """The MCP server over stdio, with a tool for each of ``commands`` declared with one (the catalogue passes them in:
    the server never imports the catalogue, which names this answer)."""
    import sys

    from ..console import open_stdout
    from ..errors import SdpartnerError

    try:
        import mcp  # noqa: F401
    except ImportError:
        raise SdpartnerError("mcp_missing") from None
    from .mcp_server import serve

    if sys.stdin is None:  # the protocol's requests come on stdin and its answers go to stdout
        raise SdpartnerError("stdin_closed")
    open_stdout()
    serve(req.plan_path, req.lang, commands)
    return Answer()
