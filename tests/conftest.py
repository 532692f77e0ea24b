"""Shared fixtures: the bundled and the mini plan, a CliRunner, and an isolated environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from sdpartner.load import bundled_plan_path, load_plan

# In CI, property tests use a fixed seed so that a red run can be reproduced; locally they explore.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini.toml"
SEED = ROOT.parent / "shared" / "seeds" / "000_024f08f192f3a2e7.txt"

# Variables that change how sdpartner prints; tests start without them and set what they need.
_ENV_OUT = ("SDPARTNER_PLAN", "SDPARTNER_LANG", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "SDPARTNER_TRACEBACK", "PYTHONIOENCODING")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    for var in _ENV_OUT:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SDPARTNER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def plan():
    """The bundled plan, loaded once."""
    return load_plan(None)


@pytest.fixture(scope="session")
def mini():
    """The small fixture plan."""
    return load_plan(MINI)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def invoke(runner: CliRunner):
    """Invoke the app in-process; exceptions are not caught, so crashes surface as test errors."""
    from sdpartner.cli import app

    def run(*args: str, env: dict[str, str] | None = None):
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return result

    return run


def sdpartner_exe() -> str:
    """The installed console script of the interpreter running the tests."""
    exe = Path(sys.executable).parent / "sdpartner"
    return str(exe) if exe.exists() else (shutil.which("sdpartner") or "sdpartner")


def run_process(*args: str, env: dict[str, str] | None = None, input: bytes | None = None, timeout: float = 60, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``sdpartner`` in a clean environment (plus ``env``)."""
    base = {k: v for k, v in os.environ.items() if k not in _ENV_OUT}
    base.update(env or {})
    return subprocess.run([sdpartner_exe(), *args], capture_output=True, env=base, input=input, timeout=timeout, check=False, cwd=cwd)


__all__ = ["MINI", "ROOT", "SEED", "bundled_plan_path", "run_process", "sdpartner_exe"]
