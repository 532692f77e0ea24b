"""The benchmark's own logic: the plans it writes are valid and hold what its queries look for, and its
arithmetic is right. Nothing here times anything: timing belongs to benchmarks/bench.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from sdpartner.plan.load import load_plan

from .conftest import run_process

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_make_plan_writes_a_valid_plan_whose_records_the_queries_match(tmp_path: Path) -> None:
    make_plan = _script("make_plan")
    bundled = load_plan(make_plan.BUNDLED)
    path = tmp_path / "big.toml"
    path.write_text(make_plan.make(200_000), encoding="utf-8")
    assert 200_000 <= path.stat().st_size < 202_000
    plan = load_plan(path)  # validated, with the bundled history joined
    added = plan.events[len(bundled.events):]
    assert len(added) > 100 and {e.year for e in added} == {2026}
    env = {"SDPARTNER_PLAN": str(path)}
    events = json.loads(run_process("events", "--year", "2026", "--format", "json", env=env).stdout)
    assert len(events) >= len(added)
    hits = json.loads(run_process("search", "lithium battery", "--format", "json", "--limit", "50", env=env).stdout)
    assert sum(h["id"].startswith("bench-event-") for h in hits) >= 25  # the synthetic fairs are found, not only the real records
    unknown = run_process("search", "qzxv wplmk", "--format", "json", env=env)
    assert unknown.returncode == 0 and json.loads(unknown.stdout) == []


def test_every_synthetic_event_has_a_word_of_its_own() -> None:
    make_plan = _script("make_plan")
    words = [make_plan.word(i + 4096) for i in range(5000)]
    assert len(set(words)) == len(words)  # the vocabulary grows with the plan, as a real one's does


def test_the_slope_fit_and_the_interval() -> None:
    bench = _script("bench")
    assert abs(bench.fit([1.0, 10.0, 50.0], [3.0, 21.0, 101.0]) - 2.0) < 1e-9
    median, low, high = bench.interval([1.0, 1.1, 0.9, 1.05, 0.95])
    assert median == 1.0 and low <= median <= high


def test_steps_runs_a_command_to_the_end() -> None:
    # steps.py calls the command's functions one by one; when execute.py changes, this is where it would break
    import subprocess

    proc = subprocess.run([sys.executable, str(BENCHMARKS / "steps.py"), "--runs", "1"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("| **in all** |") == 2 and "| render |" in proc.stdout
