"""Running one command, whichever way its command line was read (Typer or the fast path): the one place where
options are resolved, the plan is loaded, the answer is rendered and printed, and errors become one line in
the user's language and an exit code.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..console import emit, error, note
from ..errors import ExitCode, SdpartnerError, UsageError
from ..text import Lang

from .spec import Request, no_empty

if TYPE_CHECKING:
    from ..present.documents import Document
    from .spec import Command


def resolve(command: Command, values: dict[str, Any], root: dict[str, Any] | None = None) -> tuple[Lang, str, str | None]:
    """The language, format and plan of a run: the command's own option, else the one before the command name,
    else the environment (SDPARTNER_LANG, SDPARTNER_PLAN), else the default."""
    root = root or {}
    lang = _asked(values, root)
    if lang not in ("en", "zh"):
        raise UsageError("bad_choice", option="--lang / SDPARTNER_LANG", choices="en, zh", value=lang[:40])
    chosen: Lang = "zh" if lang == "zh" else "en"
    default_fmt = next((p.default for p in command.params if p.name == "format"), None) or "table"
    fmt = values.get("format") or root.get("format") or default_fmt
    choices = next((p.choices for p in command.params if p.name == "format"), ())
    if choices and fmt not in choices:  # before the command name or after it: a format it does not write is refused
        raise UsageError("bad_choice", option="--format", choices=", ".join(choices), value=str(fmt)[:40])
    if not choices and root.get("format") is not None:  # sdpartner -f json validate: it writes no format to choose
        raise UsageError("takes_no_format", command=" ".join(command.path))
    plan = values.get("plan") or root.get("plan") or os.environ.get("SDPARTNER_PLAN") or None
    return chosen, str(fmt), plan


def execute(command: Command, values: dict[str, Any], root: dict[str, Any] | None = None) -> int:
    """Run ``command`` with its parsed ``values`` and print its answer once; the exit code."""
    lang: Lang = _language(values, root)
    try:
        no_empty(command, values, root)
        lang, fmt, plan_path = resolve(command, values, root)
        from .catalog import MACHINE_FORMATS

        request = Request(command, values, lang, fmt, plan_path)
        answer = request.answer(people=fmt not in MACHINE_FORMATS)
        try:
            if isinstance(answer.document, (str, bytes)):
                emit(answer.document)
            elif answer.document is not None:
                emit(render(request, answer.document))
        finally:  # after the answer (on a terminal they are read below it), and also when it cannot be written
            for text in answer.notes:
                note(text, lang)
        return answer.code
    except SdpartnerError as exc:
        error(exc.message(lang), lang)
        if exc.exit_code == ExitCode.USAGE:
            from ..words import MESSAGES

            try_line = MESSAGES["try_help"].pick("zh" if lang == "zh" else "en").format(command=" ".join(("sdpartner", *command.path)))
            error(try_line, lang, prefix=False)
            return command.usage_exit
        return command.error_exit if command.error_exit is not None else exc.exit_code


def _asked(values: dict[str, Any], root: dict[str, Any] | None) -> str:
    """The language asked for: the command's option, else the one before the command name, else SDPARTNER_LANG (as
    a locale may write it: zh_CN.UTF-8, 中文)."""
    option = values.get("lang") or (root or {}).get("lang")
    if option:
        return str(option).lower()
    from ..words import env_language

    return env_language() or (os.environ.get("SDPARTNER_LANG") or "en").lower()  # (one it cannot read: the usage error names it)


def _language(values: dict[str, Any], root: dict[str, Any] | None) -> Lang:
    """The language for messages before the options are checked (their own errors included): zh or en."""
    return "zh" if _asked(values, root) == "zh" else "en"


def render(request: Request, document: Document) -> str | bytes:
    """The document in the request's format, its columns picked and widened as asked."""
    from ..output import render as render_document
    from ..present.documents import Listing, column_keys, columns_listing, pick_columns, widen
    from ..terminal import Terminal
    from ..words import say

    if request["wide"]:
        document = widen(document)
    columns = request["columns"]
    if columns is not None:
        typed: dict[str, str] = {}  # key -> the name as typed: ID and Source-Count are id and source_count (a column named twice is shown once)
        for name in (k.strip() for k in columns.split(",")):
            if name:
                typed.setdefault(name.lower().replace("-", "_"), name)
        keys = list(typed)
        if not isinstance(document, Listing):
            raise UsageError("columns_not_listing")
        if keys == ["help"]:
            from ..words import label

            document = columns_listing(document, say("t_columns", request.lang), (label("column", request.lang), label("title", request.lang)))
        elif not keys:
            raise UsageError("columns_help", valid=", ".join(column_keys(document)))
        else:
            try:
                document = pick_columns(document, keys)
            except ValueError as exc:
                from ..safe import shown

                raise UsageError("no_such_column", name=shown(typed.get(str(exc), str(exc)), 40), valid=", ".join(column_keys(document))) from None
    return render_document(document, request.fmt, Terminal.detect())
