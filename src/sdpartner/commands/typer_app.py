"""The Typer app, built from the command declarations (``catalog.py``) the way Typer's documentation shows:
``Annotated`` parameters with ``typer.Option``/``typer.Argument``, a ``str`` Enum for each choice, one
sub-``Typer`` per group of commands joined with ``add_typer``, ``typer.Exit`` for exit codes, a root
callback for the options taken before the command name and ``--version``. Each command's function is made
from its declaration (its signature is the declared parameters) and calls ``execute``, as the fast path does.

Typer handles what the fast path does not: help, usage errors (click's standard "Usage / Try / Error"
lines), shell completion and its installation, and any command line out of the ordinary.
"""

from __future__ import annotations

import inspect
from enum import Enum
from functools import cache
from typing import Annotated, Any, Optional

import typer

from ..text import Lang
from .catalog import COMMANDS, GROUP_HELP, ROOT, ROOT_HELP
from .tab import offer
from .execute import execute
from .spec import Command, Param

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@cache
def _choices(name: str, choices: tuple[str, ...]) -> type[Enum]:
    return Enum(f"{name.title()}Choice", {c: c for c in choices}, type=str)  # type: ignore[return-value]


def _annotation(p: Param) -> tuple[Any, Any]:
    """(annotation, default) of a declared parameter, as Typer reads a function's signature."""
    extra: dict[str, Any] = {"help": p.help, "show_default": False}
    if p.metavar:
        extra["metavar"] = p.metavar
    if p.complete:
        extra["autocompletion"] = completer(p.complete)
    if p.kind == "int":
        extra.update(min=p.low, max=p.high)
        base: Any = int
    elif p.kind == "flag":
        base = bool
    elif p.kind == "choice":
        base = _choices(p.name, p.choices)
        extra["case_sensitive"] = False
    else:
        base = str
    if p.positional:
        info = typer.Argument(**extra)
        if p.required:
            return Annotated[base, info], inspect.Parameter.empty
        return Annotated[Optional[base], info], None  # noqa: UP045 - Typer reads the annotation
    info = typer.Option(*p.flags, **extra)
    if p.kind == "flag":
        return Annotated[bool, info], bool(p.default)
    return Annotated[Optional[base], info], None  # noqa: UP045


def completer(source: str) -> Any:
    """The ``autocompletion`` function Typer calls for a parameter completed from ``source``."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        return offer(source, incomplete, tuple((ctx.command_path or "").split()[1:]))

    return complete


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.value if isinstance(v, Enum) else v) for k, v in values.items()}


def _root(ctx: typer.Context) -> dict[str, Any]:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, dict) else {}


def _function(command: Command, group_callback: bool = False) -> Any:
    """The function Typer runs for a command: its parameters are the declared ones; it calls ``execute``."""

    def run(ctx: typer.Context, **values: Any) -> None:
        if group_callback and ctx.invoked_subcommand is not None:
            _hand_down(ctx, command, _plain(values))
            return
        code = execute(command, _plain(values), _root(ctx))
        if code:
            raise typer.Exit(code)

    params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
    for p in command.params:
        annotation, default = _annotation(p)
        params.append(inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation))
    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    run.__doc__ = command.help
    run.__name__ = "_".join(command.path)
    return run


def _hand_down(ctx: typer.Context, command: Command, values: dict[str, Any]) -> None:
    """Options given to a group's own command before one of its subcommands (``events --format json show X``):
    those every command takes (--format, --lang, --plan) apply to the subcommand; any other is a usage error."""
    given = {k: v for k, v in values.items() if v is not None and v is not False}
    shared = {p.name for p in ROOT}
    for name in given:
        if name not in shared:
            flag = next(p.flags[0] for p in command.params if p.name == name)
            raise typer.BadParameter(f"it applies to '{command.name}' itself, not to '{command.name} {ctx.invoked_subcommand}'", ctx=ctx, param_hint=f"'{flag}'")
    ctx.find_root().obj = {**_root(ctx), **given}


# click's usage errors as click words them (click 8: core.py, parser.py, types.py; Typer's extra arguments) -> a
# message of words.py; what matches none keeps click's words in sdpartner's Chinese error line
def _quoted(group: str) -> str:
    """A value as repr() writes it (in double quotes when it holds a single one), or several joined by ', '."""
    return rf"(?P<{group}>'.*'|\".*\")"


_QUOTED = _quoted("value")
_USAGE = (
    (r"Missing command\.", "u_no_command_given"),
    (r"Invalid value for (?P<option>.+?): " + _QUOTED + r" is not a valid (?:int range|integer)\.", "u_not_int"),
    (r"Invalid value for (?P<option>.+?): (?P<value>.*) is not in the range (?P<range>.+)\.", "u_out_of_range"),
    (r"Invalid value for (?P<option>.+?): " + _QUOTED + r" is not (?:one of )?(?P<choices>'.*')\.", "bad_choice"),
    (r"Invalid value for (?P<option>.+?): it applies to '(?P<command>.+)' itself, not to '(?P<sub>.+)'", "u_handed_down"),
    (r"Invalid value for (?P<option>.+?): (?P<why>.+)", "u_invalid"),
    (r"No such option: (?P<option>\S+)(?: Did you mean (?P<near>\S+)\?| \(Possible options: (?P<choices>.+)\))?", "u_no_option"),
    (r"No such command " + _quoted("command") + r"\.(?: Did you mean " + _quoted("near") + r"\?)?", "u_no_command"),
    (r"Missing argument '(?P<name>.+)'\.", "u_missing"),
    (r"Missing option '(?P<name>.+)'\.", "u_missing_option"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.+)\)", "u_extra"),
    (r"Option '(?P<option>.+)' requires an argument\.", "u_needs_value"),
    (r"Option '(?P<option>.+)' does not take a value\.", "u_takes_no_value"),
)


def usage_message(text: str, lang: Lang) -> str:
    """A usage error click worded (``UsageError.format_message()``), in ``lang``: click's own words in English."""
    import re

    from ..words import message

    if lang != "zh":
        return text
    for pattern, code in _USAGE:
        found = re.fullmatch(pattern, text, re.S)
        if found is None:
            continue
        values = {k: v for k, v in found.groupdict().items() if v is not None}
        for key in ("value", "command", "near"):
            if values.get(key, "")[:1] in ("'", '"'):  # what was typed, not its repr, shown as sdpartner shows input
                import ast

                from ..safe import shown

                try:
                    typed = ast.literal_eval(values[key])
                except (ValueError, SyntaxError):  # not what repr() writes after all: click's words as they are
                    return text
                names = typed if isinstance(typed, tuple) else (typed,)  # Typer may suggest several: 'status', 'targets'
                if not all(isinstance(name, str) for name in names):
                    return text
                values[key] = "”、“".join(shown(name, 40) for name in names)
        if "option" in values:  # "'--year' / '-y'" -> "--year / -y" (an option typed with an apostrophe keeps it)
            values["option"] = " / ".join(name[1:-1] if len(name) > 1 and name[0] == name[-1] == "'" else name for name in values["option"].split(" / "))
        if "choices" in values:
            values["choices"] = values["choices"].replace("'", "")
        more = ""
        if code == "u_no_option":
            more = message("u_option_guess", lang, values) if "near" in values else message("u_option_choices", lang, values) if "choices" in values else ""
        elif code == "u_no_command" and "near" in values:
            more = message("u_command_guess", lang, values)
        return message(code, lang, {**values, "more": more})
    return text


def run(args: list[str]) -> int:
    """Run a command line through the Typer app; its exit code. A usage error is shown as click shows it, and to a
    reader who asked for Chinese as sdpartner's own errors are: one line in Chinese and the line that says where
    help is."""
    from ..console import error
    from ..errors import ExitCode
    from ..words import MESSAGES

    usage_error: type[Exception] = typer.BadParameter.__mro__[1]  # click's UsageError: Typer 0.24 imports click, later ones keep a copy it does not export
    click_error: type[Exception] = usage_error.__mro__[1]  # click's ClickException
    try:
        result = build()(args=args, prog_name="sdpartner", standalone_mode=False)
        return result if isinstance(result, int) else ExitCode.OK  # typer.Exit's code, or a command's None
    except usage_error as exc:
        shown: Any = exc
        lang = _asked_language(args)
        if lang != "zh" or type(exc).__name__ == "NoArgsIsHelpError":  # (a group without its command: its help)
            shown.show()
            return int(shown.exit_code)
        error(usage_message(shown.format_message(), lang), lang)
        if shown.ctx is not None:  # (as click: an option's missing value is reported before there is a command to name)
            error(MESSAGES["try_help"].pick(lang).format(command=shown.ctx.command_path), lang, prefix=False)
        return int(shown.exit_code)
    except click_error as exc:  # (a file click could not open)
        failed: Any = exc
        failed.show()
        return int(failed.exit_code)
    except typer.Abort:
        error("Aborted!", prefix=False)
        return ExitCode.FAILURE


def _asked_language(args: list[str]) -> Lang:
    """The language a command line asks for (``--lang``/``-l`` anywhere in it, else SDPARTNER_LANG), read without
    parsing it: a usage error means it could not be parsed."""
    from ..words import env_language, language

    for i, arg in enumerate(args):
        value = args[i + 1] if arg in ("--lang", "-l") and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else \
            arg[2:] if arg.startswith("-l") and len(arg) > 2 and not arg.startswith("--") else None
        chosen = language(value) if value is not None else None
        if chosen is not None:
            return chosen
    return env_language() or "en"


def _version(value: bool) -> None:
    if value:
        from .. import VERSION_LINE
        from ..console import emit

        emit(VERSION_LINE)
        raise typer.Exit()


def _root_callback() -> Any:

    def root(ctx: typer.Context, **values: Any) -> None:
        values.pop("version", None)
        ctx.obj = _plain(values)

    params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
              inspect.Parameter("version", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=Annotated[bool, typer.Option(
                  "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")])]
    for p in ROOT:
        annotation, default = _annotation(p)
        params.append(inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation))
    root.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    root.__annotations__ = {p.name: p.annotation for p in params}
    root.__doc__ = ROOT_HELP
    return root


def build() -> typer.Typer:
    """The whole app: every declared command, in the catalogue's order."""
    app = typer.Typer(name="sdpartner", rich_markup_mode=None, pretty_exceptions_enable=False, no_args_is_help=True,
                      context_settings=CONTEXT, add_completion=True)
    app.callback()(_root_callback())
    groups: dict[str, typer.Typer] = {}
    for command in COMMANDS:
        head = command.path[0]
        if len(command.path) == 1 and not any(c.path[0] == head and len(c.path) > 1 for c in COMMANDS):
            app.command(head, short_help=command.short_help, help=command.help)(_function(command))
            continue
        if head not in groups:
            own = next((c for c in COMMANDS if c.path == (head,)), None)
            sub = typer.Typer(rich_markup_mode=None, context_settings=CONTEXT, no_args_is_help=own is None, invoke_without_command=own is not None)
            if own is not None:
                sub.callback(help=own.help)(_function(own, group_callback=True))
                app.add_typer(sub, name=head, short_help=own.short_help, help=own.help)
            else:
                help_text = GROUP_HELP.get(head, head)
                app.add_typer(sub, name=head, short_help=help_text.splitlines()[0], help=help_text)
            groups[head] = sub
        if len(command.path) > 1:
            groups[head].command(command.path[1], short_help=command.short_help, help=command.help)(_function(command))
    return app
