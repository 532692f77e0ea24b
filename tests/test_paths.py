"""One declaration, two paths, one answer: every command line the fast path takes is answered byte for byte
as the Typer app answers it (stdout, stderr, exit code), and what it does not take goes to Typer."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import pytest

from sdpartner.app import run_typer
from sdpartner.commands import fast
from sdpartner.commands.catalog import COMMANDS

from .conftest import MINI, run_process

ARGS = {"actions show": ["7"], "events show": ["mnc-summit-3"], "city show": ["青岛"], "search": ["lithium"], "show": ["uob"], "diff": [str(MINI), str(MINI)],
        "validate": [], "export": []}
SKIP = {"mcp"}  # a server on stdin/stdout: its own tests run it
OPTIONS = {"events": [["--year", "2024"], ["--place", "Linyi"], ["--series", "mnc-summit"], ["--from", "2024-06", "--to", "2024-12"], ["--year=2026", "-w"]],
           "targets": [["--kind", "target"], ["--action", "1"], ["--year", "2025"]], "actions list": [["--group", "investment"], ["-s", "imports"]],
           "search": [["--kind", "offer"], ["--limit", "2"], ["--as-typed"]], "sectors": [["--search", "robotics"]], "status": [["--as-of", "2026-06"], ["--year", "2026"]]}


def _both(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[Any, Any]:
    capsys.readouterr()
    code = fast.answer(list(args))
    quick = (code, *capsys.readouterr())
    code = run_typer(list(args))
    slow = (code, *capsys.readouterr())
    return quick, slow


def _matrix() -> list[list[str]]:
    out: list[list[str]] = []
    for command in COMMANDS:
        if command.name in SKIP:
            continue
        base = [*command.path, *ARGS.get(command.name, [])]
        formats = [p for p in command.params if p.name == "format"]
        choices = formats[0].choices if formats else ("",)
        for fmt in choices:
            if command.name == "export" and fmt == "sqlite":
                continue
            fmt_args = ["--format", fmt] if fmt else []
            out.append([*base, *fmt_args])
        for extra in OPTIONS.get(command.name, []):
            out.append([*base, *extra, "-f", "json"])
        if any(p.name == "lang" for p in command.params):
            out.append([*base, "--lang", "zh"])
            out.append(["--lang", "zh", *base])
    return out


@pytest.mark.parametrize("args", _matrix(), ids=" ".join)
def test_the_fast_path_answers_as_typer_does(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert fast.parse(args) is not None, "the fast path should take this command line"
    quick, slow = _both(capsys, args)
    assert quick == slow
    assert quick[0] == 0, quick  # an answer, not two equal refusals


def _each_format_not_written() -> list[list[str]]:
    """Each command with a format it does not write, before its name (as `sdpartner -f ics events` was typed)."""
    out = []
    for command in COMMANDS:
        formats = [p for p in command.params if p.name == "format"]
        if command.name not in SKIP and formats:
            other = next(f for f in ("sqlite", "table", "ics") if f not in formats[0].choices)
            out.append(["-f", other, *command.path, *ARGS.get(command.name, [])])
    return out


def _formats_not_written() -> list[list[str]]:  # and a command that writes no format at all
    return [*_each_format_not_written(), ["-f", "json", "validate"]]


@pytest.mark.parametrize("args", _formats_not_written(), ids=" ".join)
def test_a_format_before_the_command_that_it_does_not_write_is_refused_on_both_paths(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert fast.parse(args) is not None
    quick, slow = _both(capsys, args)
    assert quick == slow
    assert quick[0] == 2 and quick[1] == "" and (f"not '{args[1]}'" in quick[2] if args[-1] != "validate" else "validate takes no --format" in quick[2]), quick


@pytest.mark.parametrize(("slashed", "iso"), [(["status", "--as-of", "2026/6/1"], ["status", "--as-of", "2026-06-01"]),
                                            (["events", "--from", "2024.06", "--to", "2024/12/31"], ["events", "--from", "2024-06", "--to", "2024-12-31"])])
def test_a_date_written_year_first_with_slashes_or_dots_is_that_date_on_both_paths(capsys: pytest.CaptureFixture[str], slashed: list[str], iso: list[str]) -> None:
    quick, slow = _both(capsys, [*slashed, "-f", "json"])
    assert quick == slow == _both(capsys, [*iso, "-f", "json"])[0] and quick[0] == 0


@pytest.mark.parametrize(("args", "code"), [(["city", "show", "qingdo"], 1), (["events", "--place", "Atlantis"], 1), (["search", " "], 2), (["events", "--plan", ""], 2),
                                            (["events", "--from", "2026-3"], 2), (["city", "show", "烟台", "--lang", "zh"], 1)])
def test_errors_the_fast_path_meets_are_typers_too(capsys: pytest.CaptureFixture[str], args: list[str], code: int) -> None:
    assert fast.parse(args) is not None
    quick, slow = _both(capsys, args)
    assert quick == slow and quick[0] == code


@pytest.mark.parametrize("args", [["--help"], ["events", "-h"], ["events", "--year", "abc"], ["events", "--year", "1800"], ["events", "--lang", "ZH"], ["events", "--bogus"],
                                  ["events", "--year", "2026", "--year", "2024"], ["events", "--", "x"], ["-wf", "json"], ["actions"], ["frobnicate"], ["show"],
                                  ["search", "a", "b"], ["--version", "events"], ["events", "--format"], ["events", "--year", "9" * 5000],
                                  ["search", "x", "--limit=" + "9" * 5000]])
def test_what_the_fast_path_does_not_take_goes_to_typer(args: list[str]) -> None:
    assert fast.parse(args) is None


@pytest.mark.parametrize("args", [["events", "--year", "9" * 5000], ["search", "x", "--limit=" + "9" * 5000], ["status", "--year", "1" + "0" * 30]])
def test_a_number_too_long_for_int_is_typers_usage_error(args: list[str]) -> None:
    result = run_process(*args)
    assert result.returncode == 2 and b"Invalid value" in result.stderr and b"bug" not in result.stderr


def test_the_fast_path_imports_no_typer() -> None:
    import subprocess
    import sys

    code = "import sys; from sdpartner.commands import fast; fast.answer(['events', '-f', 'json']); print('typer' in sys.modules, 'click' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()[-1]
    assert out == "False False"


@pytest.mark.parametrize("words", ["sdpartner ci", "sdpartner ", "sdpartner city show q", "sdpartner events --place L", "sdpartner search x --kind ev",
                                   "sdpartner events --columns da", "sdpartner city list --columns id,na", "sdpartner actions show b", "sdpartner show zz"])
def test_completion_answers_as_typer_does(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, words: str) -> None:
    parts = words.split(" ")
    monkeypatch.setenv("_SDPARTNER_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(parts) - 1))
    quick, slow = _both(capsys, [])
    assert quick[0] == 0, "the fast path should complete this"
    assert quick == slow


def test_every_combination_of_shared_options_before_and_after(capsys: pytest.CaptureFixture[str]) -> None:
    for before, after in itertools.product([[], ["--lang", "zh"], ["-f", "csv"]], [[], ["--lang", "en"], ["-f", "tsv"]]):
        args = [*before, "city", "list", *after]
        quick, slow = _both(capsys, args)
        assert quick == slow, args


def _tab(words: str, cache: Path, **env: str) -> tuple[int, str]:
    parts = words.split(" ")
    result = run_process(env={"_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1),
                              "SDPARTNER_CACHE_DIR": str(cache), **env})
    return result.returncode, result.stdout.decode()


def test_a_tab_reads_the_table_the_first_tab_wrote_and_answers_the_same(tmp_path: Path) -> None:
    first = _tab("sdpartner city show q", tmp_path)
    table = tmp_path / "completion.tab"
    assert first == (0, "qingdao\n") and table.exists()
    written = table.stat().st_mtime_ns
    assert _tab("sdpartner city show q", tmp_path) == first and table.stat().st_mtime_ns == written  # read, not rebuilt
    assert _tab("sdpartner ev", tmp_path) == (0, "events\n")


def test_a_damaged_table_is_rebuilt(tmp_path: Path) -> None:
    _tab("sdpartner ci", tmp_path)
    table = tmp_path / "completion.tab"
    table.write_bytes(table.read_bytes()[:200] + b"\xff\xfe garbage")
    assert _tab("sdpartner city show q", tmp_path) == (0, "qingdao\n")
    assert table.read_bytes().endswith(b"\n") and b"garbage" not in table.read_bytes()


def test_with_another_plan_the_values_come_from_it_and_no_table_is_kept(tmp_path: Path) -> None:
    code, out = _tab("sdpartner city show ", tmp_path, SDPARTNER_PLAN=str(MINI))
    assert code == 0 and out.split() == ["harbour", "hill", "港城", "山城"]
    assert not (tmp_path / "completion.tab").exists()


def test_a_tab_with_the_table_imports_neither_msgspec_nor_typer(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": "sdpartner city show q", "COMP_CWORD": "3", "SDPARTNER_CACHE_DIR": str(tmp_path)}
    env.pop("SDPARTNER_PLAN", None)
    code = "import sys; from sdpartner.commands import tab; tab.answer(); print(sorted(m for m in ('msgspec', 'typer', 'click', 're') if m in sys.modules))"
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)  # writes the table
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["qingdao", "[]"]


def test_version_imports_neither_msgspec_nor_typer() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "sdpartner", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("sdpartner ") and result.stdout.count("\n") == 1
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert not imported & {"msgspec", "typer", "click", "rich"}


def test_what_is_where_the_table_belongs_and_is_not_ours_never_hangs_a_tab_and_is_left_alone(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "completion.tab")
    assert _tab("sdpartner city show q", tmp_path) == (0, "qingdao\n")  # run_process's timeout would fail a hang
    assert (tmp_path / "completion.tab").is_fifo()
    (tmp_path / "completion.tab").unlink()
    (tmp_path / "completion.tab").write_text("my notes\n", encoding="utf-8")
    assert _tab("sdpartner city show q", tmp_path) == (0, "qingdao\n")
    assert (tmp_path / "completion.tab").read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize("spelling", ["{d}//mini.toml", "{d}/./mini.toml", "{d}/mini.toml/", "./mini.toml"])
def test_a_plan_path_spelt_loosely_is_read_as_pathlib_reads_it(spelling: str) -> None:
    # the way to an answer works on strings; a path not in pathlib's own spelling is spelt by pathlib
    result = run_process("overview", "--plan", spelling.format(d=MINI.parent), "-f", "json", cwd=MINI.parent)
    assert result.returncode == 0, result.stderr
    assert b'"plan": "Mini Plan"' in result.stdout


def test_a_loosely_spelt_plan_path_is_named_as_the_user_wrote_it() -> None:
    # the file is read as pathlib spells it; the message names it as given, even inside sdpartner's own tree
    from sdpartner.dirs import data_dir

    given = os.path.dirname(data_dir()) + "//data/./plans/"
    result = run_process("events", env={"SDPARTNER_PLAN": given})
    assert result.returncode == 1
    assert result.stderr.decode() == f"sdpartner: error: invalid plan file: {given}: is a directory, not a plan file\n"
