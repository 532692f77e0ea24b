"""Shared fixtures: the bundled and the mini plan, the app in-process (Typer's CliRunner, and the whole run
with either path), the installed process, and an isolated environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from sdpartner.plan.load import load_plan

# In CI, property tests use a fixed seed so that a red run can be reproduced; locally they explore.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini.toml"
PLAN_2027 = FIXTURES / "plan-2027.toml"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_024f08f192f3a2e7.txt"
SOURCES = SHARED / "sources"

# Variables that change how sdpartner prints; tests start without them and set what they need.
_ENV_OUT = ("SDPARTNER_PLAN", "SDPARTNER_LANG", "SDPARTNER_HISTORY", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "SDPARTNER_TRACEBACK",
            "PYTHONIOENCODING", "_SDPARTNER_COMPLETE", "GITHUB_ACTIONS")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    for var in _ENV_OUT:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SDPARTNER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def plan() -> Any:
    """The bundled plan with its history, loaded once."""
    return load_plan(None)


@pytest.fixture(scope="session")
def mini() -> Any:
    """The small fixture plan."""
    return load_plan(MINI)


_APP: list[Any] = []


def app() -> Any:
    """The Typer app built from the command declarations (once per test session)."""
    if not _APP:
        from sdpartner.commands.typer_app import build

        _APP.append(build())
    return _APP[0]


@pytest.fixture()
def invoke() -> Callable[..., Any]:
    """Invoke the Typer app in-process; exceptions are not caught, so crashes surface as test errors."""

    def run(*args: str, env: dict[str, str] | None = None) -> Any:
        return CliRunner().invoke(app(), list(args), env=env, catch_exceptions=False)

    return run


class Ran:
    """What a whole run printed and returned."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        import json

        assert self.code == 0, self.err
        return json.loads(self.out)


@pytest.fixture()
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """Run a command line in-process the way the ``sdpartner`` process does (fast path, else Typer)."""
    from sdpartner.app import run as run_app

    def go(*args: str) -> Ran:
        capsys.readouterr()
        code = run_app(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return go


def sdpartner_exe() -> str:
    """The installed console script of the interpreter running the tests."""
    exe = Path(sys.executable).parent / "sdpartner"
    return str(exe) if exe.exists() else (shutil.which("sdpartner") or "sdpartner")


def run_process(*args: str, env: dict[str, str] | None = None, input: bytes | None = None, timeout: float = 60, cwd: Path | None = None,
                stdout: Any = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``sdpartner`` in a clean environment (plus ``env``)."""
    base = {k: v for k, v in os.environ.items() if k not in _ENV_OUT}
    base.update(env or {})
    if stdout is not None:
        return subprocess.run([sdpartner_exe(), *args], stdout=stdout, stderr=subprocess.PIPE, env=base, input=input, timeout=timeout, check=False, cwd=cwd)
    return subprocess.run([sdpartner_exe(), *args], capture_output=True, env=base, input=input, timeout=timeout, check=False, cwd=cwd)
