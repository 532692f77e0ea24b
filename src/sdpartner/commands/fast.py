"""The fast path: a command line it fully understands is answered without importing Typer (37 ms of every
start-up), by reading the same declarations the Typer app is built from (``catalog.py``).

It understands: the options every command shares before the command name, the command's words, its options
(``--opt value`` and ``--opt=value``, each once) and its positional arguments, values exactly as Typer would
accept them (integers in range, choices as declared), and ``--version`` alone. Anything else returns None
and goes to Typer: help, usage errors, ``--``, repeated or unknown options, short options run together,
values in another case, completion scripts. So both paths call ``execute`` with the same values, and a test
runs a matrix of command lines both ways and compares stdout, stderr and exit codes byte for byte.

Shell completion (bash) of command names and of the values a parameter declares a source for is answered
here too; other shells and other completions go to Typer.
"""

from __future__ import annotations

import os
from typing import Any

from .catalog import COMMANDS, ROOT
from .spec import Command, Param


def as_values(args: list[str]) -> list[str]:
    """The command line with option values written as people write them put as the options declare them: an
    integer option's in digits (``--year 2026年``, ``二〇二六``, ``-n 三``), a choice's as its code where its word
    was typed (``--kind 目标``, ``--lang 中文``). Both ways of answering read the line after this."""
    if all(a.isascii() for a in args):
        return args
    read: dict[str, Any] = {}
    for p in (*ROOT, *(p for c in COMMANDS for p in c.params)):
        if p.kind == "int" or p.kind == "choice":
            for f in p.flags:
                read[f] = _digits if p.kind == "int" else _chosen(p.choices, read.get(f))
    out = list(args)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        flag, eq, value = arg.partition("=")
        if eq and flag in read:
            out[i] = f"{flag}={read[flag](value)}"
        elif i and out[i - 1] in read:
            out[i] = read[out[i - 1]](arg)
    return out


def _chosen(choices: tuple[str, ...], also: Any = None) -> Any:
    """A choice's value as its code, from its word in either language (目标 target) or a language's name."""
    def code(value: str) -> str:
        from ..words import WORDS, language

        if value in choices:
            return value
        if set(choices) == {"en", "zh"}:
            return language(value) or value
        key = value.strip().lower()
        found = next((c for c in choices if c in WORDS and key in (WORDS[c].zh, WORDS[c].en.lower())), None)
        return found if found is not None else also(value) if also is not None else value

    return code


def _digits(value: str) -> str:
    """An integer option's value in digits: a year as the numbers reader reads one (2026年, 二〇二六年, 二零二六), a
    count's Chinese numeral (五, 十二); anything else as typed."""
    from ..query.numbers import arabic, cn_numeral

    text = value.strip().removesuffix("年")
    read = arabic(text + "年")[:-1]  # (a year's four numerals are read before 年)
    if read.isdigit():  # also 2026 in full-width digits, which int() reads
        return read
    n = cn_numeral(text) if text else None
    return str(n) if n is not None else value


def answer(args: list[str], tab_tried: bool = False) -> int | None:
    """The exit code of a command line answered here, or None to let Typer answer it (``tab_tried``: the
    completion table has already declined a Tab)."""
    if os.environ.get("_SDPARTNER_COMPLETE"):
        return None if tab_tried else _complete()
    if args in (["--version"], ["-V"]):
        from .. import VERSION_LINE
        from ..console import emit, error
        from ..errors import OutputError

        try:
            emit(VERSION_LINE)
        except OutputError as exc:
            error(exc.message())
            return exc.exit_code
        return 0
    parsed = parse(args)
    if parsed is None:
        return None
    command, values, root = parsed
    from .execute import execute

    return execute(command, values, root)


def _value(p: Param, raw: str, choices: tuple[str, ...] | None = None) -> Any:
    """A value as Typer would read it, or the marker ``_NO`` where Typer might read it otherwise."""
    if p.kind == "int":
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:  # Typer answers a number too long for int() with its usage error
            return _NO
        n = int(raw)
        if (p.low is not None and n < p.low) or (p.high is not None and n > p.high):
            return _NO
        return n
    if p.kind == "choice":
        return raw if raw in (choices or p.choices) else _NO
    return raw


_NO = object()


def _take(p: Param, tokens: list[str], i: int, inline: str | None, choices: tuple[str, ...] | None = None) -> tuple[Any, int]:
    """The value of option ``p`` at ``tokens[i]`` (inline after '=' or the next token) and the next index."""
    if inline is not None:
        raw, nxt = inline, i + 1
    elif i + 1 < len(tokens) and not (tokens[i + 1].startswith("-") and tokens[i + 1] != "-"):
        raw, nxt = tokens[i + 1], i + 2
    else:
        return _NO, i
    if raw == "" and p.kind != "text":
        return _NO, i
    return _value(p, raw, choices), nxt


def _split(token: str) -> tuple[str, str | None]:
    if token.startswith("--") and "=" in token:
        flag, _, inline = token.partition("=")
        return flag, inline
    return token, None


def parse(args: list[str]) -> tuple[Command, dict[str, Any], dict[str, Any]] | None:
    """(command, its values, the shared options given before it) for a command line read exactly as Typer would,
    or None where this reading could differ from Typer's."""
    by_flag = {f: p for p in ROOT for f in p.flags}
    root: dict[str, Any] = {}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        flag, inline = _split(args[i])
        p = by_flag.get(flag)
        if p is None or p.name in root:
            return None
        value, i = _take(p, args, i, inline)
        if value is _NO:
            return None
        root[p.name] = value
    path: tuple[str, ...] = ()
    while i < len(args) and any(c.path[: len(path) + 1] == (*path, args[i]) for c in COMMANDS):
        path = (*path, args[i])
        i += 1
    command = next((c for c in COMMANDS if c.path == path), None)
    if command is None:
        return None
    flags = {f: p for p in command.params if p.flags for f in p.flags}
    positionals = [p for p in command.params if p.positional]
    values: dict[str, Any] = {p.name: (bool(p.default) if p.kind == "flag" else None) for p in command.params}
    seen: set[str] = set()
    given = 0
    while i < len(args):
        token = args[i]
        if token.startswith("-") and token != "-":
            flag, inline = _split(token)
            p = flags.get(flag)
            if p is None or p.name in seen:
                return None
            seen.add(p.name)
            if p.kind == "flag":
                if inline is not None:
                    return None
                values[p.name] = True
                i += 1
                continue
            value, i = _take(p, args, i, inline)
            if value is _NO:
                return None
            values[p.name] = value
            continue
        if given >= len(positionals):
            return None
        values[positionals[given].name] = token
        given += 1
        i += 1
    if any(p.required and values[p.name] is None for p in positionals):
        return None
    return command, values, root


# ----------------------------------------------------------------------------------------------
# Shell completion (bash)
# ----------------------------------------------------------------------------------------------


def _complete() -> int | None:
    """Answer a bash completion request from the completion table (``tab.py``), or None for Typer."""
    from .tab import answer

    return answer()
