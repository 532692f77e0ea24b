"""The installed ``sdpartner`` as a user runs it, and the start-up discipline (what is never imported)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import run_process


def test_installed_command_answers() -> None:
    result = run_process("events", "--year", "2026", "--format", "json")
    assert result.returncode == 0 and result.stderr == b""
    names = [e["name"] for e in json.loads(result.stdout)]
    assert "7th Multinational Corporation Leaders Qingdao Summit" in names


def test_python_dash_m_shows_sdpartner_as_program_name() -> None:
    result = subprocess.run([sys.executable, "-m", "sdpartner", "--help"], capture_output=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith(b"Usage: sdpartner ")


def test_city_show_chinese_name_through_the_process() -> None:
    result = run_process("city", "show", "青岛", "--lang", "zh")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0 and "深耕蓝色海洋" in out


_PROBE = """
import os, sys
sys.argv = ["sdpartner", *{args!r}]
from sdpartner.process import main
end = os._exit  # main() ends the process with os._exit: report what was imported just before
def report(code):
    sys.stderr.write("\\nLOADED:" + ",".join(sorted(m for m in ("rich", "tomli", "msgspec", "typer") if m in sys.modules)) + "\\n")
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


@pytest.mark.parametrize("args", [["events", "--format", "json"], ["export", "--format", "json"], ["actions", "list", "-f", "tsv"], ["city", "show", "qingdao", "-f", "csv"], ["targets", "-f", "md"], ["--version"], ["validate"]])
def test_machine_formats_never_import_rich(args: list[str]) -> None:
    loaded = _loaded(*args)
    assert "typer" in loaded and "rich" not in loaded


def test_tables_do_import_rich() -> None:
    # the control for the test above: the probe does see rich when a table is drawn
    assert "rich" in _loaded("actions", "list")


def test_usage_errors_do_not_import_rich() -> None:
    assert "rich" not in _loaded("events", "--year", "abc")


@pytest.mark.parametrize("args", [["events", "--format", "json"], ["actions", "list"], ["city", "show", "qingdao", "-f", "csv"], ["export", "--format", "json"], ["search", "lithium"]])
def test_a_cached_plan_is_read_without_parsing_toml(args: list[str], tmp_path) -> None:
    cache = {"SDPARTNER_CACHE_DIR": str(tmp_path)}
    assert "tomli" in _loaded(*args, extra=cache)  # the first run parses and validates (and fills the cache)
    assert "tomli" not in _loaded(*args, extra=cache)


def test_validate_and_no_cache_always_parse_and_validate(tmp_path) -> None:
    cache = {"SDPARTNER_CACHE_DIR": str(tmp_path)}
    _loaded("events", extra=cache)
    assert {"msgspec", "tomli"} <= _loaded("validate", extra=cache)
    assert {"msgspec", "tomli"} <= _loaded("events", extra={**cache, "SDPARTNER_NO_CACHE": "1"})


def test_the_process_ends_after_all_of_its_output(invoke) -> None:
    # main() ends with os._exit: everything written must have been flushed first, stdout and stderr
    big = run_process("export", "--format", "json")
    assert big.returncode == 0 and big.stdout.decode("utf-8") == invoke("export", "--format", "json").stdout
    failed = run_process("city", "show", "atlantis")
    assert failed.returncode == 1 and failed.stderr.decode().startswith("sdpartner: error: no city named 'atlantis'")
