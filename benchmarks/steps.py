"""Where a start-up goes: time each step of `events --format json` and `actions list` in-process (stdlib only).

    .venv/bin/python benchmarks/steps.py            # fastest of 15 fresh processes per step
    .venv/bin/python benchmarks/steps.py --runs 31

Each step is timed with time.perf_counter inside a fresh interpreter (the steps import modules, so
they only cost anything once per process); the fastest run of each step is printed as a Markdown table.
The cache is warm, stdout not a terminal, garbage collection off as in the command.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile

PRELUDE = r"""
import gc, sys, time
gc.disable()
T = []
t0 = time.perf_counter()
def mark(name):
    global t0
    t = time.perf_counter(); T.append((name, (t - t0) * 1000)); t0 = t
"""

EVENTS_JSON = PRELUDE + r"""
import typer; mark("`import typer` (the baseline itself)")
import sdpartner.cli as cli, sdpartner.process as process; mark("import `sdpartner.cli` and `process` (with msgspec, model, errors, render, documents, terminal)")
typer.main.get_command(process.app_for(["events", "--format", "json"])); mark("Typer: build the click command (only `events`)")
from sdpartner import cache, load, query, safe, views; import sdpartner.render.json; mark("import load, cache, query, views, words, safe, render.json")
c = cache.plan_cache(); data = load.read_bytes(load.resolve_path(None)); key = c.key(data); mark("read the plan, hash it with the code")
entry = cache._read_regular(c.directory / (key + cache.SUFFIX)); assert entry[:16] == cache._digest(entry[16:]); mark("read the cache entry, check its digest")
import msgspec; from sdpartner.model import Plan; plan = msgspec.msgpack.decode(entry[16:], type=Plan); mark("decode the Structs (msgpack)")
from sdpartner.render import OutputFormat, render; from sdpartner.terminal import Terminal
render(views.event_list(plan, query.events(plan), "en"), OutputFormat.json, Terminal.detect()); mark("query, view, render JSON")
print(repr(T), file=sys.stderr)
"""

ACTIONS_TABLE = PRELUDE + r"""
import typer, rich.console, rich.table; mark("`import typer, rich.console, rich.table` (the baseline itself)")
import sdpartner.cli as cli, sdpartner.process as process; mark("import `sdpartner.cli` and `process`")
typer.main.get_command(process.app_for(["actions", "list"])); mark("Typer: build the click command (only `actions list`)")
from sdpartner import cache, load, query, views
plan = load.load_plan(None, cache=cache.plan_cache()); mark("import load, cache, query, views; read, check and decode the cached plan")
doc = views.action_list(plan, query.actions(plan), "en"); mark("query and view")
from sdpartner.render import OutputFormat, render; from sdpartner.terminal import Terminal; import sdpartner.render.table; mark("import render.table")
render(doc, OutputFormat.table, Terminal.detect()); mark("draw the table with rich's Table (10 rows, wrapped, partly Chinese)")
print(repr(T), file=sys.stderr)
"""


def fastest(code: str, env: dict[str, str], runs: int) -> dict[str, float]:
    """Fastest time of each step over ``runs`` fresh processes."""
    best: dict[str, float] = {}
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
        if proc.returncode:
            raise SystemExit(proc.stderr)
        for name, ms in ast.literal_eval(proc.stderr.strip().splitlines()[-1]):
            best[name] = min(best.get(name, float("inf")), ms)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SDPARTNER_PLAN", "SDPARTNER_NO_CACHE")}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "SDPARTNER_CACHE_DIR": tempfile.mkdtemp(prefix="sdpartner-steps-")})
    for title, args_, code in (("`sdpartner events --format json`", ["events", "--format", "json"], EVENTS_JSON),
                               ("`sdpartner actions list` (table)", ["actions", "list"], ACTIONS_TABLE)):
        subprocess.run([sys.executable, "-m", "sdpartner", *args_], env=env, stdout=subprocess.DEVNULL, check=True)  # fill the cache
        best = fastest(code, env, args.runs)
        print(f"{title}\n\n| step | time |\n| --- | ---: |")
        for name, ms in best.items():
            print(f"| {name} | {ms:.1f} ms |")
        ours = sum(ms for name, ms in best.items() if "baseline" not in name)
        print(f"| **ours in all** | **{ours:.1f} ms** |\n")


if __name__ == "__main__":
    main()
