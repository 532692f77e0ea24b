"""Where a run goes: each step of a command timed in a fresh process, or its memory with tracemalloc (stdlib only).

    .venv/bin/python benchmarks/steps.py                       # start-up: events --format json, show (table), fastest of 15
    .venv/bin/python benchmarks/steps.py --runs 31
    .venv/bin/python benchmarks/steps.py --memory --mb 10      # memory of events --format json on a 10 MB plan

The steps are the functions the command runs, in its order (``app`` -> ``commands.fast`` -> ``execute`` ->
the answer -> ``output``), called one by one with a mark between them; imports are their own steps, since
they cost once per process. Time: the fastest run of each step over ``--runs`` fresh processes (the
cache warm, stdout not a terminal, the garbage collector off as in the command). Memory: tracemalloc's
current and peak size after each step, and the process's peak resident set at the end.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PRELUDE = r"""
import gc, sys, time, os
gc.disable()
MEMORY = os.environ.get("STEPS_MEMORY") == "1"
if MEMORY:
    import tracemalloc; tracemalloc.start()
T = []
t0 = time.perf_counter()
def mark(name):
    global t0
    if MEMORY:
        current, peak = tracemalloc.get_traced_memory(); tracemalloc.reset_peak()
        T.append((name, current / 2**20, peak / 2**20))
    else:
        t = time.perf_counter(); T.append((name, (t - t0) * 1000)); t0 = time.perf_counter()
"""

COMMAND = PRELUDE + r"""
ARGS = {args!r}
import sdpartner.app; mark("import `sdpartner.app` (os and sys only: --version and Tab end here)")
sdpartner.app._import_msgspec(); mark("import msgspec as sdpartner does (its own imports: typing, re, enum, uuid ...; stand-ins for decimal, datetime and four more)")
from sdpartner.commands import fast; mark("import the declarations (`commands.fast`, `catalog`, `spec`, `answers`)")
command, values, root = fast.parse(ARGS); mark("read the command line (fast path)")
from sdpartner.commands.execute import render, resolve, Request; mark("import `execute`")
lang, fmt, plan_path = resolve(command, values, root); request = Request(command, values, lang, fmt, plan_path)
from sdpartner.plan import cache, load, model; mark("import the model, `load`, `cache`")
plan = request.plan; mark("load the plan: read and hash the files, read the cache entry, check it, decode the Structs")
from sdpartner.commands.catalog import MACHINE_FORMATS
import sdpartner.present.fields, sdpartner.present.listings, sdpartner.present.views, sdpartner.query.filters; mark("import `query`, `present` (fields, listings, views, words)")
answer = request.answer(people=fmt not in MACHINE_FORMATS); mark("query and view: the document")
import sdpartner.output; from sdpartner.output import {renderer}; mark("import the renderer (`output.{renderer}`{extra})")
text = render(request, answer.document); mark("render")
from sdpartner.console import emit; emit(text); sys.stdout.flush(); mark("write")
if MEMORY:
    import resource; T.append(("peak resident set of the process", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0.0))
print(repr(T), file=sys.stderr)
os._exit(0)
"""

CASES = {
    "events": (["events", "--format", "json"], "json", ""),
    "show": (["show", "mnc-leaders-qingdao-summit-7"], "table", ", with rich"),
}


def script(name: str, extra_args: list[str] = ()) -> str:  # type: ignore[assignment]
    args, renderer, extra = CASES[name]
    return COMMAND.format(args=[*args, *extra_args], renderer=renderer, extra=extra)


def runs(code: str, env: dict[str, str], n: int) -> list[list[tuple]]:
    out = []
    for _ in range(n):
        proc = subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False)
        if proc.returncode:
            raise SystemExit(proc.stderr)
        out.append(ast.literal_eval(proc.stderr.strip().splitlines()[-1]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--memory", action="store_true", help="tracemalloc's figures for events --format json instead of times")
    parser.add_argument("--mb", type=float, default=10, help="the synthetic plan's size for --memory (make_plan.py)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sdpartner-steps-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDPARTNER_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "SDPARTNER_CACHE_DIR": str(work / "cache")})
    if args.memory:
        plan = work / "plan.toml"
        subprocess.run([sys.executable, str(HERE / "make_plan.py"), "--mb", str(args.mb), str(plan)], check=True, stdout=subprocess.DEVNULL)
        code = script("events", ["--plan", str(plan)])
        runs(code, env, 1)  # fill the cache
        (result,) = runs(code, {**env, "STEPS_MEMORY": "1"}, 1)
        print(f"`sdpartner events --format json` on a {args.mb:g} MB plan ({plan.stat().st_size:,} bytes), tracemalloc\n")
        print("| step | traced after it | traced peak during it |\n| --- | ---: | ---: |")
        for name, current, peak in result:
            print(f"| {name} | {current:.1f} MiB | {peak:.1f} MiB |" if peak else f"| {name} | {current:.1f} MiB | |")
        return
    for name in CASES:
        code = script(name)
        runs(code, env, 2)  # fill the cache, compile
        best: dict[str, float] = {}
        for result in runs(code, env, args.runs):
            for step, ms in result:
                best[step] = min(best.get(step, float("inf")), ms)
        print(f"`sdpartner {' '.join(CASES[name][0])}` (fastest of {args.runs} fresh processes; the interpreter's own start-up, ~11 ms, not included)\n")
        print("| step | time |\n| --- | ---: |")
        for step, ms in best.items():
            print(f"| {step} | {ms:.1f} ms |")
        print(f"| **in all** | **{sum(best.values()):.1f} ms** |\n")


if __name__ == "__main__":
    main()
