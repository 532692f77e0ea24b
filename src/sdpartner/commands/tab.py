"""Bash completion from a table on disk: a Tab costs a look at the files' sizes and times and one small read,
not the import of msgspec and the plan (about 35 ms on every Tab).

The table holds what completion needs, derived from the declarations the Typer app is built from
(``catalog.COMMANDS``: command paths, options, positional arguments, the source each completes from) and
every source's values (``complete.values``), already made printable. It is written on the first Tab and
rebuilt when any file of the package or of the bundled data changes (size, modification time or inode).
With ``SDPARTNER_PLAN``, ``SDPARTNER_HISTORY`` or ``SDPARTNER_NO_CACHE`` set there is no table: the values
are made from the plan on every Tab, the long way. A stale or damaged table could only offer a wrong
candidate, never change an answer: completion is a suggestion the user still confirms.

This module imports only ``os`` and ``sys`` until it has to build the table.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

MAGIC = "sdpartner-completion 1"
NAME = "completion.tab"
_SPACES = " \t\r\n"


class Table:
    """Commands (path -> options by flag as (kind, source), positional sources) and values by source."""

    def __init__(self) -> None:
        self.commands: dict[tuple[str, ...], tuple[dict[str, tuple[str, str]], list[str]]] = {}
        self.order: list[tuple[str, ...]] = []  # the declaration order (command names are listed in it)
        self.values: dict[str, list[str]] = {}

    def text(self, stamp: str) -> str:
        lines = [MAGIC, stamp]
        for path in self.order:
            flags, positionals = self.commands[path]
            lines.append("C\t" + " ".join(path) + "\t" + ",".join(positionals))
            lines += [f"O\t{' '.join(path)}\t{flag}\t{kind}\t{source}" for flag, (kind, source) in flags.items()]
        for source, names in self.values.items():
            lines += [f"V\t{source}\t{n}" for n in names]
        return "\n".join(lines) + "\n"

    @classmethod
    def parse(cls, text: str, stamp: str) -> Table | None:
        lines = text.split("\n")
        if len(lines) < 3 or lines[0] != MAGIC or lines[1] != stamp or lines[-1] != "":
            return None
        table = cls()
        for line in lines[2:-1]:
            parts = line.split("\t")
            if parts[0] == "C" and len(parts) == 3:
                path = tuple(parts[1].split(" "))
                table.commands[path] = ({}, parts[2].split(",") if parts[2] else [])
                table.order.append(path)
            elif parts[0] == "O" and len(parts) == 5 and tuple(parts[1].split(" ")) in table.commands:
                table.commands[tuple(parts[1].split(" "))][0][parts[2]] = (parts[3], parts[4])
            elif parts[0] == "V" and len(parts) == 3:
                table.values.setdefault(parts[1], []).append(parts[2])
            else:
                return None
        return table


def answer() -> int | None:
    """Answer a bash completion request (exit code), or None to let Typer answer it."""
    mode = os.environ.get("_SDPARTNER_COMPLETE", "")
    line, cword = os.environ.get("COMP_WORDS"), os.environ.get("COMP_CWORD", "")
    numbered = mode in ("complete_bash", "complete_zsh")  # fish's COMP_CWORD is the word itself
    if mode.startswith("complete_") and (line is None or (numbered and not (cword.isascii() and cword.isdigit() and len(cword) <= 6))):
        return _malformed()  # click would fail on it with a KeyError or a ValueError
    if mode != "complete_bash" or line is None:
        return None
    words = _words(line)
    if words is None:
        return None
    n = int(cword)
    args = words[1:n]
    incomplete = words[n] if n < len(words) else ""
    if incomplete.startswith("-") or any(a.startswith("-") and "=" in a for a in args):
        return None
    table = load()
    found = candidates(table, args, incomplete)
    if found is None:
        return None
    out = sys.stdout
    try:
        if out is None:
            return 1
        out.write("\n".join(found) + "\n")
        out.flush()
    except (OSError, ValueError):
        return 1
    return 0


def _malformed() -> int:
    """A completion request no shell sends (the environment's fault): one line, exit 1, no candidates."""
    from ..console import error
    from ..words import env_language, message

    lang = env_language() or "en"
    error(message("bad_completion", lang, {}), lang)
    return 1


def _words(line: str) -> list[str] | None:
    """COMP_WORDS as click splits it (shlex); a line without quotes or backslashes is split without importing shlex."""
    if not any(c in line for c in "'\"\\") and all(c in _SPACES or not c.isspace() for c in line):
        return line.split()
    import shlex

    try:
        return shlex.split(line)
    except ValueError:
        return None


# ----------------------------------------------------------------------------------------------
# What to offer


def candidates(table: Table, args: list[str], incomplete: str) -> list[str] | None:
    """The candidates for ``incomplete`` after ``args`` (the words after the program name), or None for Typer."""
    if not args:
        return [n for n in command_names(table.order) if n.startswith(incomplete)]
    path = tuple(args[:2]) if tuple(args[:2]) in table.commands else tuple(args[:1])
    if path not in table.commands:
        return None
    flags, positionals = table.commands[path]
    rest = args[len(path):]
    if not rest and any(other[: len(path)] == path and other != path for other in table.order):
        return None  # a subcommand or nothing: Typer knows
    if rest and rest[-1].startswith("-"):
        kind, source = flags.get(rest[-1], ("", ""))
        if kind in ("", "flag") or not source:
            return None
        return match(table.values.get(_key(source, path), []), incomplete, source == "columns")
    taken = j = 0
    while j < len(rest):
        if rest[j].startswith("-"):
            if rest[j] not in flags:
                return None
            j += 1 if flags[rest[j]][0] == "flag" else 2
            continue
        taken += 1
        j += 1
    if taken < len(positionals) and positionals[taken]:
        return match(table.values.get(_key(positionals[taken], path), []), incomplete, positionals[taken] == "columns")
    return None


def command_names(paths: Iterable[tuple[str, ...]]) -> list[str]:
    """The root's commands in the order Typer lists them: single commands, then the groups."""
    order = list(paths)
    singles = [p[0] for p in order if len(p) == 1 and not any(q[0] == p[0] and len(q) > 1 for q in order)]
    return singles + list(dict.fromkeys(p[0] for p in order if p[0] not in singles))


def match(names: list[str], incomplete: str, columns: bool = False) -> list[str]:
    """The names that begin with ``incomplete`` (any case), each once; for ``--columns``, the last of a comma list."""
    if columns:
        done, _, last = incomplete.rpartition(",")
        if not done.isprintable():  # what the user typed comes back with the candidates: shown, never acted on
            from ..safe import visible

            done = visible(done, single_line=True)
        return [f"{done},{k}" if done else k for k in names if k.startswith(last)]
    folded = incomplete.casefold()
    return [n for n in dict.fromkeys(names) if n.casefold().startswith(folded)]


def offer(source: str, incomplete: str, command: tuple[str, ...] = ()) -> list[str]:
    """The values of ``source`` that begin with ``incomplete``, made printable (what Typer's completion offers in
    every shell; bash's Tab reads the same from the table); none on any problem."""
    from ..safe import visible
    from .complete import values

    try:
        names = values(source, command)
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
    return match([visible(n, single_line=True) for n in dict.fromkeys(names)], incomplete, source == "columns")


def _key(source: str, path: tuple[str, ...]) -> str:
    """Values are per source; the columns are per command."""
    return f"columns:{' '.join(path)}" if source == "columns" else source


# ----------------------------------------------------------------------------------------------
# The table: read, or built from the declarations and the plan


def load() -> Table:
    """The table on disk when it matches the files it was made from; else one built now (and written)."""
    if any(os.environ.get(k) for k in ("SDPARTNER_PLAN", "SDPARTNER_HISTORY", "SDPARTNER_NO_CACHE")):
        return build()
    from ..dirs import cache_dir, read_regular, store

    path = os.path.join(cache_dir(), NAME)
    stamp = _stamp()
    data = read_regular(path, 1 << 26)  # never a link, a FIFO or a device: a Tab must not hang
    try:
        table = Table.parse(data.decode("utf-8"), stamp) if data is not None else None
    except UnicodeDecodeError:
        table = None
    if table is not None:
        return table
    table = build()
    ours = data is not None and data.startswith(MAGIC.encode())
    if ours or not os.path.lexists(path):  # what is there and is not a table of ours is left alone
        store(path, table.text(stamp).encode("utf-8"), prefix=".completion-")
    return table


def _stamp() -> str:
    """Size, modification time and inode of every file of the package and of the bundled data."""
    from ..dirs import data_dir

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    marks: list[str] = []
    for top in (here, os.path.join(data_dir(), "plans"), os.path.join(data_dir(), "history")):
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                found = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                marks.append(f"{folder}:-")
                continue
            for entry in found:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__" and top == here:
                        stack.append(entry.path)
                elif entry.name.endswith((".py", ".toml")):
                    info = entry.stat()
                    marks.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
    return "stamp " + "|".join(marks).replace("\n", "?").replace("\t", "?")


def build() -> Table:
    """The table from the command declarations and every completion source's values (printable, one line)."""
    from ..safe import visible
    from .catalog import COMMANDS
    from .complete import values

    table = Table()
    sources: set[tuple[str, tuple[str, ...]]] = set()
    for c in COMMANDS:
        flags: dict[str, tuple[str, str]] = {f: (p.kind, p.complete or "") for p in c.params if p.flags for f in p.flags}
        positionals = [p.complete or "" for p in c.params if p.positional]
        table.commands[c.path] = (flags, positionals)
        table.order.append(c.path)
        sources |= {(p.complete, c.path) for p in c.params if p.complete}
    for source, path in sorted(sources):
        key = _key(source, path)
        if key not in table.values:
            try:
                names = values(source, path)
            except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
                names = []
            table.values[key] = [visible(n, single_line=True) for n in dict.fromkeys(names)]
    return table
