"""``sdpartner mcp``: the plan for AI assistants, as a read-only Model Context Protocol server over stdio.

Built on the official MCP Python SDK (``pip install 'sdpartner[mcp]'``) and imported by this command only.
Its tools are not declared here: each is a command of the catalogue declared with a ``Tool``
(``catalog.py``), whose arguments are the command's parameters, whose description is its help and
whose answer is its own, so a tool answers what the command answers (the CLI's ``--format json``), with
its error messages. Every record a result lists, and the record a ``show`` opens, carries its citations: each source's id, outlet, address and
where in it, the primary article's paragraphs, and the reliability of a weak source, so that an assistant
can quote them. Nothing but protocol messages is written to stdout.
"""

import inspect
import json
import keyword
import sys
from typing import Annotated, Any, Literal

from pydantic import Field

from ..errors import SdpartnerError
from ..text import Lang
from .spec import Command, Param

class Server:
    """The plan and the defaults (``--plan``, ``--lang``) the tools answer with; the plan is loaded once."""

    def __init__(self, plan_path: "str | None", lang: Lang) -> None:
        self.plan_path, self.lang = plan_path, lang
        self._plan: Any = None

    @property
    def plan(self) -> Any:
        if self._plan is None:
            from .spec import load

            self._plan = load(self.plan_path)
        return self._plan

    def answer(self, command: Command, values: dict[str, Any]) -> dict[str, Any]:
        """``command``'s answer to ``values`` (``lang`` among them) as a tool's result: its JSON with every record's
        citations; a listing's rows under the tool's key, with the notes the command line writes to stderr and the
        caption it prints under a table. Raises SdpartnerError as the command does."""
        from ..output.json import to_builtins
        from ..present.documents import Listing
        from .spec import Request, no_empty

        no_empty(command, values)
        answer = Request(command, values, values["lang"], "json", self.plan_path, self.plan).answer(people=False)  # as the command line's JSON
        document = answer.document
        if isinstance(document, Listing):
            out: dict[str, Any] = {command.tool.rows if command.tool else "rows": self.cited_rows(to_builtins(document), values["lang"]),
                                   "notes": list(answer.notes)}
            if document.caption:
                out["note"] = document.caption
            return out
        built: dict[str, Any] = to_builtins(document)
        if "type" in built and "id" in built:
            built["citations"] = self.citations(str(built["type"]), str(built["id"]), values["lang"])
        if answer.notes:
            built["notes"] = list(answer.notes)
        return built

    # ------------------------------------------------------------------------------------------
    # citations

    def citations(self, kind: str, rid: str, lang: Lang, also: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """What a record cites: the article's paragraphs and each other source, with outlet (in ``lang``, and in
        Chinese as the listings give a name), address, rating and a weak source's caveat (in ``lang``). A kind of record that cites nothing itself (a city's offer) carries
        what the record that holds it cites; a source cites itself; ``also``: sources a row names besides (the
        evidence of a status)."""
        from ..plan import catalogue as cat
        from ..present.values import sources_by_id
        from ..query.links import cited_sources
        from ..query.records import entry_of, handles

        entry = entry_of(self.plan, kind, rid)
        if entry is None and kind in cat.codes():  # a record shown by its key (a group's number), indexed by its handle (its slug)
            entry = entry_of(self.plan, kind, next((h for k, h in handles(self.plan, cat.kind(kind)).items() if str(k) == rid), ""))
        out: list[dict[str, Any]] = []
        cited: list[str] = [rid] if kind == "source" else []
        ats: dict[str, list[str]] = {}
        if entry is not None:
            record = entry.record
            if entry.parent is not None and not {"cites", "sources"} & set(cat.fields(type(record))):
                record = entry.parent
            paragraphs = sorted(_paragraphs(record))
            article = self.plan.article
            if paragraphs:
                out.append({"source": "article", "outlet": article.outlet.pick(lang), "outlet_zh": article.outlet.zh, "url": article.url,
                            "paragraphs": paragraphs, "reliability": "primary"})
            cited += cited_sources(record)
            ats = _ats(record)
        sources = sources_by_id(self.plan)
        for sid in dict.fromkeys([*cited, *also]):
            s = sources.get(sid)
            if s is None:
                continue
            item: dict[str, Any] = {"source": sid, "outlet": s.outlet.pick(lang), "outlet_zh": s.outlet.zh, "url": s.url, "at": ats.get(sid, ["excerpt"]),
                                    "date": s.date, "reliability": s.reliability}
            if s.caveat is not None:
                item["weak"] = True
                item["caveat"] = s.caveat.pick(lang)
            out.append(item)
        return out

    def cited_rows(self, rows: list[dict[str, Any]], lang: Lang) -> list[dict[str, Any]]:
        """Each row with its record's citations, and the source a row names besides (a status's evidence)."""
        return [{**row, "citations": self.citations(str(row.get("type")), str(row.get("id")), lang,
                                                     (row["source"],) if isinstance(row.get("source"), str) else ())} for row in rows]


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

    from ..plan.model import Citation

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


def _argument(p: Param, default: Any) -> inspect.Parameter:
    """A declared parameter as a tool's argument, for the SDK to read from a signature: named as the command line
    spells it (``--as-of`` -> ``as_of``, ``ID`` -> ``id``), typed and bounded as declared, described by its help. A
    name Python reserves (``from``) is a parameter ``from_`` with the name as its alias, which the SDK publishes."""
    name = p.tool_name
    field: dict[str, Any] = {"description": p.tool_help or p.help}
    if keyword.iskeyword(name):
        field["alias"] = name
    if p.kind == "int":
        field.update({k: v for k, v in (("ge", p.low), ("le", p.high)) if v is not None})
        base: Any = int
    elif p.kind == "flag":
        base, default = bool, bool(p.default)
    elif p.kind == "text":
        base = str
        field["coerce_numbers_to_str"] = True  # an id may come as a number (show 7, an action 5), as a row gives it
    elif p.kind == "choice":
        base = Literal[p.choices]
    if p.required:
        annotation, default = Annotated[base, Field(**field, min_length=1) if base is str else Field(**field)], inspect.Parameter.empty
    else:
        annotation = Annotated[base | None, Field(**field)]  # null: the tool's default
    return inspect.Parameter(name + "_" if keyword.iskeyword(name) else name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def tool_function(server: Server, command: Command) -> Any:
    """The function the SDK serves as ``command``'s tool: its signature is the command's parameters meant for a tool,
    its body the command's own answer (``Server.answer``); an error is the tool error with the command line's message."""
    from mcp.server.mcpserver.exceptions import ToolError

    assert command.tool is not None
    tool = command.tool
    declared = [p for p in command.params if p.tool]
    names = {p.tool_name: p.name for p in declared}  # the SDK passes arguments by their published names
    flags = {flag: p.tool_name for p in declared for flag in p.flags}  # an error names the argument, not the option

    def call(**arguments: Any) -> dict[str, Any]:
        values = {p.name: tool.defaults.get(p.name, p.default) for p in command.params}
        values.update({names[k]: v for k, v in arguments.items() if v is not None})  # null: the tool's default
        values["lang"] = values.get("lang") or server.lang
        try:
            return server.answer(command, values)
        except SdpartnerError as exc:
            from ..words import message

            said = {k: flags.get(v, v) if isinstance(v, str) else v for k, v in exc.params.items()}
            raise ToolError(message(exc.code, values["lang"], said)) from None

    params = [_argument(p, tool.defaults.get(p.name)) for p in declared]
    call.__signature__ = inspect.Signature(params, return_annotation=dict[str, Any])  # type: ignore[attr-defined]
    call.__name__ = tool.name
    return call


def build(server: Server, commands: tuple[Command, ...]) -> Any:
    """The MCP server: a tool for each command declared with one (``catalog.COMMANDS``, which the ``mcp`` command
    passes in), and the resources: the plan (``overview``) and any record (``show``)."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceNotFoundError
    from mcp_types import ToolAnnotations

    app = MCPServer("sdpartner", instructions=(
        "Shandong's 2026 'Ten Partner Actions' opening-up plan and the history of its events. Every record carries its "
        "citations (source id, outlet, address, paragraph, and the caveat of a weak source): quote them. 'No report found' "
        "in plan_status does not mean an event did not happen."))
    read_only = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    for command in commands:
        if command.tool is not None:
            about = command.tool.first + command.about[len(command.short_help):] if command.tool.first else command.about
            app.add_tool(tool_function(server, command), name=command.tool.name, description=about,
                         annotations=read_only, structured_output=True)
    overview, show = (next(c for c in commands if c.path == path) for path in (("overview",), ("show",)))

    @app.resource("sdpartner://plan", name="plan", description="The plan's summary: the overview as JSON.", mime_type="application/json")
    def plan_resource() -> str:
        return json.dumps(server.answer(overview, {"lang": server.lang}), ensure_ascii=False)

    @app.resource("sdpartner://record/{record_id}", name="record", description="Any record of the plan or its history by id, with its citations.",
                  mime_type="application/json")
    def record_resource(record_id: str) -> str:
        try:
            found = server.answer(show, {"ref": record_id, "lang": server.lang})
        except SdpartnerError as exc:
            raise ResourceNotFoundError(exc.message(server.lang)) from None
        return json.dumps(found, ensure_ascii=False)

    return app


def serve(plan_path: str | None, lang: Lang, commands: tuple[Command, ...]) -> None:
    """Run the server over stdio until the client closes; logs go to stderr, never to stdout."""
    import logging

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    server = Server(plan_path, lang)
    server.plan  # noqa: B018 - a plan that cannot be loaded is one line and exit 1, before the protocol starts
    build(server, commands).run("stdio")
