"""The installed ``sdpartner`` as a user runs it, and the start-up discipline: what each command imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import PLAN_2027, run_process, sdpartner_exe


def test_installed_command_answers() -> None:
    result = run_process("events", "--year", "2026", "--format", "json")
    assert result.returncode == 0 and result.stderr == b""
    assert "7th Qingdao Multinationals Summit" in [e["name"] for e in json.loads(result.stdout)]


def test_python_dash_m_shows_sdpartner_as_program_name() -> None:
    result = subprocess.run([sys.executable, "-m", "sdpartner", "--help"], capture_output=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith(b"Usage: sdpartner ")


def test_the_bare_program_prints_help_to_stdout() -> None:
    result = run_process()
    assert result.returncode == 0 and result.stdout.startswith(b"Usage: sdpartner") and result.stderr == b""


_PROBE = """
import os, sys
sys.argv = ["sdpartner", *{args!r}]
from sdpartner.app import main
end = os._exit  # main() ends the process with os._exit: report what was imported just before
def report(code):
    sys.stderr.write("\\nLOADED:" + ",".join(sorted(m for m in ("rich", "tomli", "msgspec", "typer", "click", "icalendar", "mcp", "sqlite3", "typing_extensions", "pathlib", "decimal", "datetime", "sdpartner.present.views") if m in sys.modules)) + "\\n")
    sys.stderr.flush()
    end(code)
os._exit = report
main()
"""


def _loaded(*args: str, extra: dict[str, str] | None = None) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SDPARTNER_PLAN", "FORCE_COLOR")}
    env.update(extra or {})
    result = subprocess.run([sys.executable, "-c", _PROBE.format(args=list(args))], capture_output=True, env=env, check=False)
    line = result.stderr.decode().rsplit("LOADED:", 1)[1].strip()
    return set(line.split(",")) if line else set()


@pytest.mark.parametrize("args", [["events", "--format", "json"], ["export", "--format", "json"], ["actions", "list", "-f", "tsv"], ["city", "show", "qingdao", "-f", "csv"],
                                  ["targets", "-f", "md"], ["--version"], ["validate"], ["status", "-f", "json"], ["search", "lithium", "-f", "json"]])
def test_machine_formats_import_neither_rich_nor_typer(args: list[str]) -> None:
    # nor typing_extensions (msgspec only tries it; with inspect it costs ~13 ms) nor pathlib (~4 ms) nor decimal
    # (~1.5 ms) nor datetime (~2 ms: msgspec gets the C module's objects) once the plan is cached (tomli imports it)
    _loaded(*args)
    loaded = _loaded(*args)
    parsed = {"datetime"} if args == ["validate"] else set()  # validate parses the file itself, and tomli imports datetime
    assert not loaded & ({"rich", "typer", "click", "icalendar", "mcp", "sqlite3", "typing_extensions", "pathlib", "decimal", "datetime"} - parsed), loaded


@pytest.mark.parametrize("args", [["events", "--format", "json"], ["show", "qingdao", "-f", "json"], ["search", "lithium", "-f", "json"],
                                  ["search", "qzxv", "-f", "json"], ["diff", str(PLAN_2027), "-f", "csv"], ["sources", "-f", "tsv"]])
def test_machine_formats_compile_no_source_text(args: list[str]) -> None:
    # a process's first compile() builds the interpreter's AST types (about 1 ms): no annotation the fast path
    # reads is a string, and msgspec's import-time probe of typing.ForwardRef is answered without compiling.
    # (namedtuple's eval of its lambda is no compile() call and does not build them)
    # (a module compiled from its source, where no .pyc is written, is not counted: an installed one has it)
    hook = ('compiled = []\nsys.addaudithook(lambda event, a: event == "compile" and a[1] == "<string>" and isinstance(a[0], (str, bytes)) '
            'and not (a[0] if isinstance(a[0], str) else a[0].decode()).startswith("lambda _cls") and compiled.append(a[0]))\n')
    probe = _PROBE.replace("from sdpartner.app import main", hook + "from sdpartner.app import main").replace(
        'sys.stderr.write("\\nLOADED:"', 'sys.stderr.write("\\nCOMPILED:" + repr(compiled)); sys.stderr.write("\\nLOADED:"')
    env = {k: v for k, v in os.environ.items() if k not in ("SDPARTNER_PLAN", "FORCE_COLOR")}
    subprocess.run([sys.executable, "-c", probe.format(args=list(args))], capture_output=True, env=env, check=False)  # the cache, written
    result = subprocess.run([sys.executable, "-c", probe.format(args=list(args))], capture_output=True, env=env, check=False)
    assert result.returncode in (0, 1) and result.stdout, result.stderr  # (diff: 1, the plans differ)
    assert result.stderr.decode().split("COMPILED:", 1)[1].split("\n", 1)[0] == "[]", result.stderr


def test_search_and_diff_do_not_import_every_other_commands_views() -> None:
    # their documents are in present/hits.py and present/changes.py (views.py's import: about 0.7 ms)
    assert "sdpartner.present.views" not in _loaded("search", "lithium", "-f", "json") | _loaded("diff", str(PLAN_2027), "-f", "json")
    assert "sdpartner.present.views" in _loaded("show", "qingdao", "-f", "json")  # (the control: show builds a view)


def test_tables_import_rich_and_help_imports_typer() -> None:
    # the controls for the test above: the probe does see rich when a table is drawn, and Typer when it runs
    assert "rich" in _loaded("actions", "list")
    assert {"typer", "pathlib"} <= _loaded("events", "--help")
    assert "icalendar" in _loaded("export", "--format", "ics")


def test_typing_extensions_stays_importable_after_msgspec_is_imported_without_it() -> None:
    # main() imports msgspec with typing_extensions hidden (BENCHMARKS.md); the marker must not outlive it
    probe = _PROBE.replace('sys.stderr.write("\\nLOADED:"', 'import typing_extensions; sys.stderr.write("\\nLOADED:"')
    env = {k: v for k, v in os.environ.items() if k not in ("SDPARTNER_PLAN", "FORCE_COLOR")}
    result = subprocess.run([sys.executable, "-c", probe.format(args=["events", "--format", "json"])], capture_output=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert {"msgspec", "typing_extensions"} <= set(result.stderr.decode().rsplit("LOADED:", 1)[1].strip().split(","))


def test_the_modules_msgspec_is_imported_without_are_the_real_ones_afterwards() -> None:
    # main() imports msgspec with stand-ins for platform (uuid asks it one question), textwrap, msgspec.inspect,
    # decimal (msgspec's core asks it for its type only) and datetime (the C module's objects): each must give the
    # real answers afterwards and must not outlive the import
    check = ("import platform, uuid, textwrap, decimal, datetime, msgspec, msgspec.inspect, msgspec.toml; "
             "assert datetime is sys.modules['datetime'] and datetime.__file__.endswith('datetime.py') and datetime.MINYEAR == 1; "
             "d = datetime.datetime(2026, 1, 20, 9, 30, tzinfo=datetime.timezone.utc); "
             "assert msgspec.json.decode(msgspec.json.encode(d), type=datetime.datetime) == d; "
             "assert msgspec.toml.decode(b'a = 2026-01-20', type=dict)['a'] == datetime.date(2026, 1, 20); "
             "assert 'python_implementation' in vars(platform) and 'dedent' in vars(textwrap) and 'type_info' in vars(msgspec.inspect); "
             "assert decimal.Decimal('1.5') + 1 == decimal.Decimal('2.5') and decimal is sys.modules['decimal']; "
             "assert msgspec.json.encode(1.5) == b'1.5'; "
             "assert msgspec.inspect is sys.modules['msgspec.inspect']; "
             "assert uuid._LINUX == (os.uname().sysname == 'Linux'); "
             "u = uuid.UUID(int=7); assert msgspec.json.decode(msgspec.json.encode(u), type=uuid.UUID) == u; "
             "assert msgspec.json.schema(int) == dict(type='integer'); "
             "import typing; assert 'compile' not in vars(typing); "
             "S = msgspec.defstruct('S', [('x', 'list[int]')], array_like=True); assert msgspec.json.decode(b'[[[1]]]', type=list[S]) == [S([1])]; ")
    probe = _PROBE.replace('sys.stderr.write("\\nLOADED:"', check + 'sys.stderr.write("\\nLOADED:"')
    assert probe != _PROBE
    env = {k: v for k, v in os.environ.items() if k not in ("SDPARTNER_PLAN", "FORCE_COLOR")}
    result = subprocess.run([sys.executable, "-c", probe.format(args=["events", "--format", "json"])], capture_output=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "msgspec" in result.stderr.decode().rsplit("LOADED:", 1)[1]


def test_usage_errors_do_not_import_rich() -> None:
    assert "rich" not in _loaded("events", "--year", "abc")


@pytest.mark.parametrize("args", [["events", "--format", "json"], ["actions", "list"], ["search", "lithium"]])
def test_a_cached_plan_is_read_without_parsing_toml(args: list[str], tmp_path: Path) -> None:
    cache = {"SDPARTNER_CACHE_DIR": str(tmp_path)}
    assert "tomli" in _loaded(*args, extra=cache)  # the first run parses and validates (and fills the cache)
    assert "tomli" not in _loaded(*args, extra=cache)


def test_validate_and_no_cache_always_parse_and_validate(tmp_path: Path) -> None:
    cache = {"SDPARTNER_CACHE_DIR": str(tmp_path)}
    _loaded("events", extra=cache)
    assert {"msgspec", "tomli"} <= _loaded("validate", extra=cache)
    assert {"msgspec", "tomli"} <= _loaded("events", extra={**cache, "SDPARTNER_NO_CACHE": "1"})


def test_the_process_ends_after_all_of_its_output(run: Any) -> None:
    # main() ends with os._exit: everything written must have been flushed first, stdout and stderr
    big = run_process("export", "--format", "json")
    assert big.returncode == 0 and big.stdout.decode("utf-8") == run("export", "--format", "json").out
    failed = run_process("city", "show", "atlantis")
    assert failed.returncode == 1 and failed.stderr.decode().startswith("sdpartner: error: no city named 'atlantis'")


@pytest.mark.parametrize(("words", "expected"), [("sdpartner events --columns da", "date"), ("sdpartner city list --columns id,na", "id,name"),
                                                 ("sdpartner events --city qing", "qingdao"), ("sdpartner search x --kind edi", "edition"), ("sdpartner ev", "events")])
def test_completion_offers_commands_columns_places_and_kinds(words: str, expected: str) -> None:
    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1), "_SDPARTNER_COMPLETE": "complete_bash"}
    out = subprocess.run([sdpartner_exe()], capture_output=True, env=env, timeout=30, check=False).stdout.decode()
    assert expected in out.split(), out


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_runs_in_its_shell(shell: str, tmp_path: Path) -> None:
    import shutil

    exe = shutil.which(shell)
    if exe is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it)")
    env = {"SHELL": exe}
    result = subprocess.run([exe, "-c", f"'{sdpartner_exe()}' --show-completion"], capture_output=True, env={**os.environ, **env}, timeout=30,
                            check=False)
    script = tmp_path / f"completion.{shell}"
    script.write_bytes(result.stdout)
    assert result.returncode == 0 and result.stdout, result.stderr
    check = {"bash": [exe, "-n", str(script)], "zsh": [exe, "-n", str(script)], "fish": [exe, "--no-execute", str(script)]}[shell]
    assert subprocess.run(check, capture_output=True, timeout=30, check=False).returncode == 0


def test_an_installation_without_its_data_says_so_in_one_line(tmp_path: Path) -> None:
    # the environment's fault (a package copied without its data), not a bug: one line, exit 1, no traceback
    import shutil

    import sdpartner

    package = tmp_path / "pkg" / "sdpartner"
    shutil.copytree(Path(sdpartner.__file__).parent, package, ignore=shutil.ignore_patterns("data", "__pycache__"))
    env = {k: v for k, v in os.environ.items() if k not in ("SDPARTNER_PLAN", "FORCE_COLOR")}
    env.update(PYTHONPATH=str(package.parent), SDPARTNER_NO_CACHE="1")
    for lang, said in (("en", "no bundled plan in "), ("zh", "中没有内置的计划")):
        result = subprocess.run([sys.executable, "-m", "sdpartner", "--lang", lang, "events", "-f", "json"], capture_output=True, env=env, check=False)
        err = result.stderr.decode()
        assert (result.returncode, result.stdout) == (1, b"") and said in err and err.count("\n") == 1 and "Traceback" not in err, err
    mini = Path(__file__).parent / "fixtures" / "mini.toml"
    named = subprocess.run([sys.executable, "-m", "sdpartner", "events", "--plan", str(mini), "-f", "json"], capture_output=True, env=env, check=False)
    assert named.returncode == 0 and json.loads(named.stdout), named.stderr
