"""The benchmark's own logic: the plans it writes are valid, and the growth row's arithmetic is right.

Nothing here times anything (timing belongs to benchmarks/bench.py); these tests keep the scripts honest.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sdpartner.load import load_plan

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_make_plan_writes_a_valid_plan_of_about_the_size_asked(tmp_path: Path) -> None:
    make_plan = _script("make_plan")
    bundled = load_plan(make_plan.BUNDLED)
    path = tmp_path / "big.toml"
    path.write_text(make_plan.make(200_000), encoding="utf-8")
    size = path.stat().st_size
    assert 200_000 <= size < 201_000
    plan = load_plan(path)  # validates: ids unique, cities and actions exist, dates in their year
    assert len(plan.events) > len(bundled.events) + 100
    assert plan.actions == bundled.actions and plan.cities == bundled.cities
    assert {e.year for e in plan.events[len(bundled.events):]} == {2025, 2026, 2027}


def _rounds(cost: object, n: int = 9) -> list[tuple[float, float]]:
    # rounds as growth_rounds returns them, for plans of 1 and 10.55 units beyond the bundled plan; the
    # machine's speed differs from round to round (the same factor on both runs of a round)
    return [(cost(1.0) * (1 + 0.1 * i), cost(10.55) * (1 + 0.1 * i)) for i in range(n)]  # type: ignore[operator]


@pytest.mark.parametrize(("cost", "expected"), [(lambda s: 0.05 * s, 1.0), (lambda s: 0.05 * s * s, 10.55), (lambda s: 0.05 * s**0.5, 10.55**-0.5)])
def test_growth_is_the_per_unit_ratio_of_the_extra_times(cost: object, expected: float) -> None:
    bench = _script("bench")
    growth, low, high = bench.growth_estimate(_rounds(cost), 10.55)
    assert growth == pytest.approx(expected)
    assert low <= growth <= high


def test_the_growth_interval_narrows_with_agreeing_rounds_and_is_reproducible() -> None:
    bench = _script("bench")
    noisy = [(0.05 * (1 + 0.2 * (-1) ** i), 0.05 * 10.55) for i in range(21)]
    steady = [(0.05, 0.05 * 10.55)] * 21
    _, low_noisy, high_noisy = bench.growth_estimate(noisy, 10.55)
    assert bench.growth_estimate(steady, 10.55) == (1.0, 1.0, 1.0)
    assert high_noisy - low_noisy > 0.1
    assert bench.growth_estimate(noisy, 10.55) == bench.growth_estimate(noisy, 10.55)  # fixed seed


def test_steps_script_times_every_step_of_both_commands() -> None:
    # the script reaches into the code's modules by name: this keeps it working as they change
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "steps.py"), "--runs", "1"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("| **ours in all** |") == 2
    assert "| decode the Structs (msgpack) |" in proc.stdout and "| draw the table with rich's Table (10 rows, wrapped, partly Chinese) |" in proc.stdout


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed")
def test_instruction_counts_are_the_same_on_every_run() -> None:
    bench = _script("bench")
    env = dict(os.environ)
    first = bench.instructions(["true"], env)
    assert first > 1000 and bench.instructions(["true"], env) == first
    assert bench.instructions([sys.executable, "-c", "sum(range(100000))"], env) > first
