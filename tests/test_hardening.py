"""Hardening, round 2 (issue 14), through the installed process with timeouts: output that cannot be written,
a cache that lies, the XDG rules, completion for the shell named, the bare program, the SQLite export."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdpartner.cache import SUFFIX, PlanCache, cache_dir
from sdpartner.load import load_plan

from .conftest import MINI, run_process, sdpartner_exe


def _shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, **(env or {})}
    full.pop("SDPARTNER_PLAN", None)
    return subprocess.run(["bash", "-c", command], capture_output=True, env=full, timeout=30, check=False)


def test_a_full_disk_is_one_line_not_a_bug() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    result = _shell(f"'{sdpartner_exe()}' export > /dev/full")
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1, err
    assert "cannot write the output" in err and "bug" not in err


def test_a_closed_stdout_is_one_line_not_a_bug() -> None:
    result = _shell(f"'{sdpartner_exe()}' events >&-")
    err = result.stderr.decode()
    assert result.returncode == 1 and err == "sdpartner: error: standard output is closed, so there is nowhere to write the answer\n"


def test_a_reader_that_leaves_is_not_an_error() -> None:
    result = _shell(f"'{sdpartner_exe()}' export --format json | head -n 1")
    assert result.returncode == 0 and result.stderr == b""


def test_the_bare_program_prints_help_to_stdout() -> None:
    result = run_process()
    assert result.returncode == 0 and result.stdout.startswith(b"Usage: sdpartner") and result.stderr == b""


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o default -F"), ("zsh", "#compdef sdpartner"), ("fish", "complete --command sdpartner"),
                                               ("powershell", "Register-ArgumentCompleter")])
def test_completion_script_for_the_shell_named(shell: str, marker: str) -> None:
    for args in (["--show-completion", shell], [f"--show-completion={shell}"]):
        result = run_process(*args)
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout.decode(), (shell, result.stdout[:200])


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script_runs_in_its_shell(shell: str, tmp_path: Path) -> None:
    exe = shutil.which(shell)
    if exe is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it)")
    script = tmp_path / f"completion.{shell}"
    script.write_bytes(run_process("--show-completion", shell).stdout)
    check = {"bash": [exe, "-n", str(script)], "zsh": [exe, "-n", str(script)], "fish": [exe, "--no-execute", str(script)]}[shell]
    assert subprocess.run(check, capture_output=True, timeout=30, check=False).returncode == 0
    if shell == "bash":  # and it completes: the words bash would offer after 'sdpartner ev'
        env = {**os.environ, "COMP_WORDS": "sdpartner ev", "COMP_CWORD": "1", "_SDPARTNER_COMPLETE": "complete_bash"}
        out = subprocess.run([sdpartner_exe()], capture_output=True, env=env, timeout=30, check=False).stdout.decode()
        assert "events" in out.split()


@pytest.mark.parametrize(("words", "expected"), [("sdpartner events --columns da", "date"), ("sdpartner city list --columns id,na", "id,name"),
                                                 ("sdpartner events --city qing", "qingdao"), ("sdpartner search x --kind edi", "edition")])
def test_completion_offers_columns_places_and_kinds(words: str, expected: str) -> None:
    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1), "_SDPARTNER_COMPLETE": "complete_bash"}
    out = subprocess.run([sdpartner_exe()], capture_output=True, env=env, timeout=30, check=False).stdout.decode()
    assert expected in out.split(), out


def test_xdg_rules(tmp_path: Path) -> None:
    home = os.path.join(os.path.expanduser("~"), ".cache", "sdpartner")
    assert cache_dir({"XDG_CACHE_HOME": "relative/path"}) == Path(home)
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "sdpartner"
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path), "SDPARTNER_CACHE_DIR": "/elsewhere"}) == Path("/elsewhere")
    result = run_process("events", env={"XDG_CACHE_HOME": "relative/path", "HOME": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 0 and not (tmp_path / "relative").exists()


def _entry(directory: Path) -> Path:
    (entry,) = directory.glob(f"*{SUFFIX}")
    return entry


@pytest.mark.parametrize("kind", ["fifo", "device-link", "directory", "empty-directory", "truncated", "foreign"])
def test_a_lying_cache_entry_is_a_miss(tmp_path: Path, kind: str) -> None:
    cache = tmp_path / "c"
    env = {"SDPARTNER_CACHE_DIR": str(cache)}
    first = run_process("events", "-f", "json", env=env, timeout=20)
    entry = _entry(cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "device-link":
        entry.symlink_to("/dev/zero")
    elif kind == "directory":
        entry.mkdir()
        (entry / "x").write_text("x")
    elif kind == "empty-directory":
        entry.mkdir()
    elif kind == "truncated":
        entry.write_bytes(b"\x00" * 10)
    else:
        entry.write_bytes(os.urandom(4096))
    for _ in range(2):
        again = run_process("events", "-f", "json", env=env, timeout=20)
        assert again.returncode == 0 and again.stdout == first.stdout and again.stderr == b""
    assert not list(cache.glob("*.tmp"))  # no pile of temporary files


def test_old_entries_are_trimmed(tmp_path: Path) -> None:
    cache = PlanCache(tmp_path / "c")
    text = MINI.read_text(encoding="utf-8")
    for i in range(20):
        plan_file = tmp_path / f"p{i}.toml"
        plan_file.write_text(text.replace('en = "Mini Plan"', f'en = "Mini Plan {i}"'), encoding="utf-8")
        load_plan(plan_file, cache=cache)
    assert len(list((tmp_path / "c").glob(f"*{SUFFIX}"))) == 16


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=st.one_of(st.binary(max_size=300), st.integers(0, 400).map(lambda n: ("truncate", n)), st.integers(16, 2000).map(lambda n: ("flip", n))))
def test_any_damage_to_the_cache_gives_the_answer_without_it(tmp_path: Path, damage: object) -> None:
    directory = tmp_path / "prop"
    shutil.rmtree(directory, ignore_errors=True)
    cache = PlanCache(directory)
    truth = load_plan(MINI)
    load_plan(MINI, cache=cache)
    entry = _entry(directory)
    data = entry.read_bytes()
    if isinstance(damage, bytes):
        entry.write_bytes(damage)
    elif damage[0] == "truncate":
        entry.write_bytes(data[: damage[1]])
    else:
        i = damage[1] % len(data)
        entry.write_bytes(data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:])
    assert load_plan(MINI, cache=cache) == truth


def test_sqlite_export(tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    result = run_process("export", "--format", "sqlite", "--output", str(db))
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"actions", "measures", "events", "cities", "offers", "measures_events", "editions", "counts", "sources", "sources_cited", "search"} <= tables
    assert con.execute("SELECT a.name_zh FROM measures m JOIN actions a ON a.id = m.action_id WHERE m.id = 'm-four-events'").fetchone() == ("重大招商活动创新行动",)
    assert ("offer", "taian-energy-storage") in con.execute("SELECT kind, record_id FROM search WHERE search MATCH '储能'").fetchall()
    assert ("offer", "taian-lithium-valley") in con.execute("SELECT kind, record_id FROM search WHERE search MATCH 'lithium'").fetchall()
    meta = json.loads((tmp_path / "plan.db.metadata.json").read_text(encoding="utf-8"))
    assert "actions" in meta["databases"]["plan"]["tables"]
    refused = run_process("export", "--format", "sqlite", "--output", str(db))
    assert refused.returncode == 1 and b"exists; add --force" in refused.stderr
    assert run_process("export", "--format", "sqlite", "--output", str(db), "--force").returncode == 0


def test_export_output_file_and_dash(tmp_path: Path) -> None:
    out = tmp_path / "briefing.md"
    assert run_process("export", "--format", "md", "--output", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == run_process("export", "--format", "md", "--output", "-").stdout.decode("utf-8")
