"""What a command declaration is made of: its parameters, the function that answers it, and its MCP tool.

Every way of running a command reads these declarations: the Typer app (``typer_app.py``) is built from
them, the fast path (``fast.py``) parses the command lines it fully understands with them, and the MCP
server (``mcp_server.py``) makes a tool of each command declared with a ``Tool``. Nothing about a command is
written a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from ..errors import ExitCode, UsageError
from ..text import Lang

if TYPE_CHECKING:
    from ..plan.model import Plan

class Request:
    """What a command's answer works from: its values, the language, the format, and the plan (loaded once, on use)."""

    def __init__(self, command: "Command", values: dict[str, Any], lang: Lang, fmt: str, plan_path: str | None, plan: "Plan | None" = None) -> None:
        self.command, self.values, self.lang, self.fmt, self.plan_path = command, values, lang, fmt, plan_path
        self._plan: Plan | None = plan  # given by a caller that holds the plan already (the MCP server)

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = load(self.plan_path)
        return self._plan

    def answer(self, people: bool) -> "Answer":
        """The command's answer; ``people``: its listings carry the words people read (tables, Markdown), not only
        the values (the machine formats, MCP)."""
        from ..present.fields import PEOPLE_WORDS

        token = PEOPLE_WORDS.set(people)
        try:
            return self.command.answer(self)
        finally:
            PEOPLE_WORDS.reset(token)


class Answer(msgspec.Struct, frozen=True):
    """A command's answer: a document to print (or none), notes for stderr, and the exit code."""

    document: Any = None
    notes: tuple[str, ...] = ()
    code: int = ExitCode.OK


def load(path: str | None) -> Plan:
    """The validated plan (through the cache)."""
    from ..plan.cache import plan_cache
    from ..plan.load import load_plan

    return load_plan(path, cache=plan_cache())



ParamKind = Literal["text", "int", "flag", "choice"]


class Param(msgspec.Struct, frozen=True, kw_only=True):
    """An option (``flags``) or a positional argument (no flags)."""

    name: str
    flags: tuple[str, ...] = ()
    kind: ParamKind = "text"
    choices: tuple[str, ...] = ()
    default: Any = None
    metavar: str = ""
    help: str = ""
    complete: str = ""  # the completion source (complete.py) for its values
    low: int | None = None
    high: int | None = None
    required: bool = False
    root: bool = False  # also taken before the command name: sdpartner --lang zh city show 烟台
    tool: bool = True  # an argument of the command's MCP tool; not the options that shape the terminal's output or pick the plan
    tool_help: str = ""  # its description for an MCP client, where the help speaks of the command line

    @property
    def tool_name(self) -> str:
        """Its name as an MCP tool's argument: the option as typed (``--as-of`` -> ``as_of``), or the positional's metavar (``ID`` -> ``id``)."""
        word = next((f for f in self.flags if f.startswith("--")), "") or self.metavar or self.name
        return word.lstrip("-[").rstrip("]").replace("-", "_").lower()

    @property
    def positional(self) -> bool:
        return not self.flags


class Tool(msgspec.Struct, frozen=True, kw_only=True):
    """A command offered to AI assistants as a tool of ``sdpartner mcp``, which derives the rest from the command:
    its description from the help, its arguments from the parameters, its answer from the command's own."""

    name: str  # snake_case ASCII, at most 64 characters
    rows: str = ""  # a listing's rows go under this key of the result
    defaults: dict[str, Any] = {}  # where the tool's default differs from the command line's (search: 20 hits, not all)
    first: str = ""  # the first line of its description, where the command's speaks of the command line


class Command(msgspec.Struct, frozen=True, kw_only=True):
    """A command: the words that name it, its help (first line, text, examples), its parameters, its answer."""

    path: tuple[str, ...]
    help: str
    params: tuple[Param, ...]
    answer: Callable[[Request], Answer]
    listing: str | None = None  # the listing it prints (listings.py): --columns and --wide apply
    plan: bool = True  # it reads a plan (--plan applies)
    usage_exit: int = 2  # the exit code of a usage error
    error_exit: int | None = None  # the exit code of any other error, when it is not the error's own (diff: 2, as diff(1))
    tool: Tool | None = None  # offered as a tool of the MCP server

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def short_help(self) -> str:
        return self.help.strip().splitlines()[0]

    @property
    def about(self) -> str:
        """Its help without the examples (a command line means nothing to an MCP client)."""
        return self.help.split("\n\n\b\n")[0].replace("\n\n", " ")


def no_empty(command: Command, values: dict[str, Any], root: dict[str, Any] | None = None) -> None:
    """An empty value (--plan "", search "") is a usage error, never a silent default."""
    for p in command.params:
        if values.get(p.name) == "":
            raise UsageError("empty_value", option=p.flags[0] if p.flags else (p.metavar or p.name.upper()))
    for name, value in (root or {}).items():
        if value == "":
            raise UsageError("empty_value", option=f"--{name}")
