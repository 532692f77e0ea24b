"""``sdpartner mcp``: the plan for AI assistants, as a read-only Model Context Protocol server over stdio.

Built on the official MCP Python SDK (``pip install 'sdpartner[mcp]'``) and imported by this command only.
Every tool answers from the same query, view and document layers as the command line (the JSON a tool
returns is the CLI's ``--format json`` for the same question), and every record in a result carries its
citations: each source's id, outlet, address and where in it, the primary article's paragraphs, and the
reliability of a weak source, so that an assistant can quote them. An unknown id or name is a tool error with
the CLI's one-line message and suggestion; nothing but protocol messages is written to stdout.
"""

import sys
from typing import Annotated, Any, Literal

from pydantic import Field

from .errors import SdpartnerError

Lang = Literal["en", "zh"]
LangArg = Annotated[Lang | None, Field(description="Language of names and texts: 'en' or 'zh' (default: the server's).")]


class Server:
    """The plan and the defaults (``--plan``, ``--lang``) the tools answer with; the plan is loaded once."""

    def __init__(self, plan_path: "str | None", lang: Lang) -> None:
        self.plan_path, self.lang = plan_path, lang
        self._plan: Any = None

    @property
    def plan(self) -> Any:
        if self._plan is None:
            from .plan.cache import plan_cache
            from .plan.load import load_plan

            self._plan = load_plan(self.plan_path, cache=plan_cache())
        return self._plan

    def pick(self, lang: Lang | None) -> Lang:
        return lang or self.lang

    # ------------------------------------------------------------------------------------------
    # citations

    def citations(self, kind: str, rid: str) -> list[dict[str, Any]]:
        """What a record cites: the article's paragraphs and each other source, with outlet, address and rating."""
        from .query.links import cited_sources
        from .query.records import by_id

        entry = by_id(self.plan).get((kind, rid))
        if entry is None:
            return []
        out: list[dict[str, Any]] = []
        paragraphs = sorted(_paragraphs(entry.record))
        article = self.plan.article
        if paragraphs:
            out.append({"source": "article", "outlet": article.outlet.en, "outlet_zh": article.outlet.zh, "url": article.url,
                        "paragraphs": paragraphs, "reliability": "primary"})
        sources = {s.id: s for s in self.plan.sources}
        ats = _ats(entry.record)
        for sid in cited_sources(entry.record):
            s = sources.get(sid)
            if s is None:
                continue
            item: dict[str, Any] = {"source": sid, "outlet": s.outlet.en, "outlet_zh": s.outlet.zh, "url": s.url, "at": ats.get(sid, ["excerpt"]),
                                    "date": s.date, "reliability": s.reliability}
            if s.caveat is not None:
                item["weak"] = True
                item["caveat"] = s.caveat.en
            out.append(item)
        return out

    def cited_rows(self, rows: list[dict[str, Any]], kind: str | None = None) -> list[dict[str, Any]]:
        return [{**row, "citations": self.citations(kind or str(row.get("type")), str(row.get("id")))} for row in rows]

    def document(self, document: Any) -> dict[str, Any]:
        from .output.json import to_builtins

        built: dict[str, Any] = to_builtins(document)
        return built


def _paragraphs(value: Any) -> set[int]:
    import msgspec

    found: set[int] = set()
    if isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            v = getattr(value, name)
            if name == "cites" and isinstance(v, list):
                found.update(v)
            elif isinstance(v, (msgspec.Struct, list)):
                found |= _paragraphs(v)
    elif isinstance(value, list):
        for v in value:
            found |= _paragraphs(v)
    return found


def _ats(value: Any) -> dict[str, list[str]]:
    import msgspec

    from .plan.model import Citation

    found: dict[str, list[str]] = {}

    def walk(v: Any) -> None:
        if isinstance(v, Citation):
            found.setdefault(v.source, [])
            if v.at not in found[v.source]:
                found[v.source].append(v.at)
        elif isinstance(v, msgspec.Struct):
            for name in type(v).__struct_fields__:
                walk(getattr(v, name))
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(value)
    return found


def build(server: Server) -> Any:
    """The MCP server with its tools and resources."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
    from mcp_types import ToolAnnotations

    app = MCPServer("sdpartner", instructions=(
        "Shandong's 2026 'Ten Partner Actions' opening-up plan and the history of its events. Every record carries its "
        "citations (source id, outlet, address, paragraph, and the caveat of a weak source): quote them. 'No report found' "
        "in plan_status does not mean an event did not happen."))
    read_only = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

    def guard(fn: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            if "from" in kwargs:  # the argument's name is a Python keyword: its field is from_, aliased
                kwargs["from_"] = kwargs.pop("from")
            try:
                return fn(*args, **kwargs)
            except SdpartnerError as exc:
                raise ToolError(exc.message(kwargs.get("lang") or server.lang)) from None

        call.__name__, call.__doc__, call.__wrapped__ = fn.__name__, fn.__doc__, fn  # type: ignore[attr-defined]
        call.__annotations__ = fn.__annotations__
        import inspect

        call.__signature__ = inspect.signature(fn)  # type: ignore[attr-defined]
        return call

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def search(query: Annotated[str, Field(description="Words or a question in English, Chinese or pinyin; numbers (750 billion yuan, 7500亿元), ordinals (first = 第一届) and years are understood.", min_length=1, max_length=2000)],
               kind: Annotated[str | None, Field(description="Only records of this kind: plan, action, measure, figure, event, edition, series, city, offer, sector, organisation, person, document, statement, source, fact, observation, status.")] = None,
               lang: LangArg = None) -> dict[str, Any]:
        """Search every record of the plan and its history, ranked; each hit has its type, id and citations (open one with show)."""
        from .present.views import search_listing, search_notes
        from .query.search import search as run

        chosen = server.pick(lang)
        from .plan.catalogue import codes

        if kind is not None and kind not in codes():
            raise ToolError(f"kind must be one of {', '.join(codes())}")
        result = run(server.plan, query, 20, kind)
        rows = list(search_listing(server.plan, result, query, chosen).rows)
        return {"hits": server.cited_rows(rows), "notes": search_notes(result, query, chosen)}

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def show(id_or_name: Annotated[str, Field(description="A record's id or name in any language: 7, belt-and-road, 一带一路, uob, 青岛, mnc-summit-5.", min_length=1, max_length=500)],
             lang: LangArg = None) -> dict[str, Any]:
        """One record with its fields, dates, counts, history, links and citations; other records that share the name are listed under also_named."""
        from .present.views import record_detail
        from .query.records import find_record

        found = find_record(server.plan, id_or_name)
        doc = server.document(record_detail(server.plan, found, server.pick(lang)))
        doc["citations"] = server.citations(found.entry.kind, found.entry.id)
        return doc

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def list_actions(group: Annotated[str | None, Field(description="Only one group: 1-4 or trade, investment, cooperation, institutions.")] = None,
                     lang: LangArg = None) -> dict[str, Any]:
        """The plan's ten actions in order, with their group and how many measures, events and figures each has."""
        from .present import listings as L
        from .present.fields import Ctx
        from .query import filters as q

        rows = list(L.ACTIONS.listing(q.actions(server.plan, group), Ctx(server.plan, server.pick(lang))).rows)
        return {"actions": server.cited_rows(rows, "action")}

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def list_events(year: Annotated[int | None, Field(description="Only this year, e.g. 2026 or 2024.", ge=1900, le=2200)] = None,
                    place: Annotated[str | None, Field(description="Only at this place: Qingdao, Linyi, 威海, Singapore ...")] = None,
                    series: Annotated[str | None, Field(description="Only one series, e.g. mnc-summit, rcep-expos.")] = None,
                    from_: Annotated[str | None, Field(alias="from", description="Only from this date: 2024, 2024-08 or 2024-08-28.")] = None,
                    to: Annotated[str | None, Field(description="Only up to this date.")] = None,
                    lang: LangArg = None) -> dict[str, Any]:
        """The plan's events and the editions of their series, in time order, with dates as values and citations."""
        from .present import listings as L
        from .present.fields import Ctx
        from .query import filters as q
        from .words import message

        chosen = server.pick(lang)
        since, until = q.strict_date(from_, "from"), q.strict_date(to, "to")
        found = q.events(server.plan, year, place, None, series, since, until)
        notes = [message(n.code, chosen, n.params) for n in q.event_notes(server.plan, found, year, since, until)]
        return {"events": server.cited_rows(list(L.EVENTS.listing(found, Ctx(server.plan, chosen)).rows)), "notes": notes}

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def list_targets(action: Annotated[str | None, Field(description="Only figures linked to this action (number or slug).")] = None,
                     year: Annotated[int | None, Field(description="Only this year.", ge=1900, le=2200)] = None,
                     kind: Annotated[Literal["target", "status"] | None, Field(description="target (set by the plan) or status (reported).")] = None,
                     lang: LangArg = None) -> dict[str, Any]:
        """Figures: targets and reported numbers with value, qualifier, unit or currency, year, status and citations."""
        from .present import listings as L
        from .present.fields import Ctx
        from .query import filters as q

        rows = list(L.FIGURES.listing(q.figures(server.plan, action, year, kind), Ctx(server.plan, server.pick(lang))).rows)
        return {"figures": server.cited_rows(rows, "figure")}

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def show_city(name: Annotated[str, Field(description="A city's id, name or alias: qingdao, 青岛, Tai'an.", min_length=1, max_length=200)],
                  lang: LangArg = None) -> dict[str, Any]:
        """One presenting city: the fields it wants partners in, its clusters and strengths, and where the plan names it."""
        from .present.views import city_detail
        from .query import filters as q

        city = q.find_city(server.plan, name)
        doc = server.document(city_detail(server.plan, city, server.pick(lang)))
        doc["citations"] = server.citations("city", city.id)
        return doc

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def list_sources(lang: LangArg = None) -> dict[str, Any]:
        """Every source behind the data: the primary article and the other pages, with address, date, rating and how many records each backs."""
        from .present import listings as L
        from .present.fields import Ctx

        rows = list(L.SOURCE_LIST.listing([server.plan.article, *server.plan.sources], Ctx(server.plan, server.pick(lang))).rows)
        return {"sources": rows}

    @app.tool(annotations=read_only, structured_output=True)
    @guard
    def plan_status(year: Annotated[int | None, Field(description="The plan year (default: the plan's own).", ge=1900, le=2200)] = None,
                    as_of: Annotated[str | None, Field(description="The status as it stood on this date: 2026-06 or 2026-06-16.")] = None,
                    lang: LangArg = None) -> dict[str, Any]:
        """The plan's year so far: every event and target with its latest status and evidence. 'no_report' means no stored source reports it, not that it did not happen."""
        from .present.views import status_listing
        from .query.filters import strict_date

        chosen = server.pick(lang)
        listing = status_listing(server.plan, chosen, year, strict_date(as_of, "as_of") if as_of else None)
        return {"items": server.cited_rows(list(listing.rows)), "reviewed": server.plan.plan.reviewed, "note": listing.caption}

    @app.resource("sdpartner://plan", name="plan", description="The plan's summary: the overview as JSON.", mime_type="application/json")
    def plan_resource() -> str:
        import json

        from .present.views import overview

        return json.dumps(server.document(overview(server.plan, server.lang)), ensure_ascii=False)

    @app.resource("sdpartner://record/{record_id}", name="record", description="Any record of the plan or its history by id, with its citations.",
                  mime_type="application/json")
    def record_resource(record_id: str) -> str:
        import json

        from .present.views import record_detail
        from .query.records import find_record

        try:
            found = find_record(server.plan, record_id)
        except SdpartnerError as exc:
            raise ResourceNotFoundError(exc.message(server.lang)) from None
        doc = server.document(record_detail(server.plan, found, server.lang))
        doc["citations"] = server.citations(found.entry.kind, found.entry.id)
        return json.dumps(doc, ensure_ascii=False)

    return app


def serve(plan_path: str | None, lang: Lang) -> None:
    """Run the server over stdio until the client closes; logs go to stderr, never to stdout."""
    import logging

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    server = Server(plan_path, lang)
    server.plan  # noqa: B018 - a plan that cannot be loaded is one line and exit 1, before the protocol starts
    build(server).run("stdio")
