"""Benchmarks for sdpartner (standard library only): start-up against fair baselines, peers, the MCP server,
and large plans (time and memory growth).

    .venv/bin/python benchmarks/bench.py                   # every section
    .venv/bin/python benchmarks/bench.py --only startup    # the start-up rows and long queries (re-run after every change to src/)
    .venv/bin/python benchmarks/bench.py --only peers      # tomlq, jq and sqlite3 on the same question
    .venv/bin/python benchmarks/bench.py --only mcp        # the server: initialize, then a search call
    .venv/bin/python benchmarks/bench.py --only scale      # synthetic 1, 10 and 50 MB plans
    .venv/bin/python benchmarks/bench.py --markdown        # tables for BENCHMARKS.md
    .venv/bin/python benchmarks/bench.py --exe /other/build/bin/sdpartner --only startup   # another build

Start-up rows. Each row times three commands in turn, the order rotating: A (sdpartner), B (its
baseline) and the bare interpreter (``python -c 'import os; os._exit(0)'``); after a warm-up of each, ``--runs`` rounds. It reports the medians and
the median of the per-round ratios A/B and A/bare python, which hold on a noisy machine where absolute times do
not. The baselines end as the tool ends: with ``os._exit``, so that neither side pays the interpreter's
teardown. A bound is on A/B. Every process runs with stdout to /dev/null, no colour, a private warm cache.

Scale rows. ``make_plan.py`` writes plans of 1, 10 and 50 MB whose records the queries match. Each round
runs a command over the three plans back to back (order rotating: this machine's speed drifts over tens
of seconds, and within a round all three see the same speed). Per round, the slope from 10 to 50 MB over
the slope from 1 to 10 MB: 1.0 for linear work; the row gives the median and a bootstrap 90% interval,
and is over its bound (1.1) only when the whole interval is. A control row measures a plainly linear
Python script the same way, to show what linear reads as on the machine that day. Peak memory is each
run's maximum resident set (``wait4``); its growth is the fitted slope over the three sizes, in MiB per MB.

Exit status 1 while any bounded row is over its bound, or any row could not be measured (FAILED).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLAN = ROOT / "data" / "plans" / "2026.toml"
SUMMIT = "mnc-leaders-qingdao-summit-7"
NEXT_PLAN = ROOT / "tests" / "fixtures" / "plan-2027.toml"

PY = sys.executable
PASS = [PY, "-c", "import os; os._exit(0)"]  # the bare interpreter, ending as the tool ends too
# the baselines end as the tool does (os._exit after its output), so neither side pays the teardown
TYPER = [PY, "-c", "import typer, os; os._exit(0)"]
TABLE = [PY, "-c", "import typer, rich.console, rich.table, os; os._exit(0)"]
# what any answer decoded from the plan's cache must import: the floor of the machine-format rows
# (imported as the tool imports it, by its own function: app._import_msgspec hides typing_extensions, which
# msgspec only tries, and stands in for platform, which uuid imports for one call)
MSGSPEC = [PY, "-c", "import os, sdpartner.app as app; app._import_msgspec(); os._exit(0)"]


class Failed(Exception):
    """A command the benchmark runs failed: its section is one FAILED row, and the script exits 1."""


def run(cmd: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time of one run (seconds) and its peak resident memory (bytes); Failed for an exit code not in ``codes``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else b""
    if proc.stderr:
        proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in codes:
        raise Failed(f"exit {proc.returncode}: {' '.join(cmd)}\n{err.decode(errors='replace')[-500:]}")
    return elapsed, usage.ru_maxrss * 1024


class Row:
    """One line of a table: what was measured, its bound, the figures, the verdict."""

    def __init__(self, label: str, bound: float | None, a: str, b: str, ratio: float, extra: str = "", over: bool = False) -> None:
        self.label, self.bound, self.a, self.b, self.ratio, self.extra = label, bound, a, b, ratio, extra
        self.verdict = "" if bound is None else "OVER" if over else "ok"
        if extra.startswith("FAILED"):
            self.verdict = "FAILED"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def trio(a: list[str], b: list[str], env: dict[str, str], runs: int, codes: tuple[int, ...] = (0,), warmup: int = 3) -> tuple[float, float, float, float]:
    """Medians of A and B, and of the per-round ratios A/B and A/bare python (three commands, order rotating)."""
    cmds = [(a, codes), (b, (0,)), (PASS, (0,))]
    for _ in range(warmup):
        for cmd, ok in cmds:
            run(cmd, env, ok)
    times: list[list[float]] = [[], [], []]
    for i in range(runs):
        t = [0.0, 0.0, 0.0]
        for k in range(3):
            j = (i + k) % 3
            t[j] = run(cmds[j][0], env, cmds[j][1])[0]
        for j in range(3):
            times[j].append(t[j])
    ab = statistics.median(x / y for x, y in zip(times[0], times[1]))
    ap = statistics.median(x / y for x, y in zip(times[0], times[2]))
    return statistics.median(times[0]), statistics.median(times[1]), ab, ap


# ----------------------------------------------------------------------------------------------
# Start-up: every command a user runs often
# ----------------------------------------------------------------------------------------------


def startup_rows(sdp: list[str], env: dict[str, str], runs: int) -> list[Row]:
    def complete(words: str) -> tuple[list[str], list[str], dict[str, str]]:
        """What bash runs on Tab: the program with no arguments, the words in the environment."""
        cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        return [], TYPER, {**env, "_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}

    machine, table, completion, version = 0.8, 1.1, 0.35, 0.5
    q = "lithium battery"
    cases: list[tuple[str, float, list[str], list[str], dict[str, str] | None, tuple[int, ...]]] = [
        ("--version", version, ["--version"], TYPER, None, (0,)),
        ("completion of a command name (Tab after `sdpartner ev`)", completion, *complete("sdpartner ev"), (0,)),
        ("completion of a city name (Tab after `sdpartner city show q`)", completion, *complete("sdpartner city show q"), (0,)),
        ("events --format json", machine, ["events", "--format", "json"], TYPER, None, (0,)),
        ("events --format jsonl", machine, ["events", "--format", "jsonl"], TYPER, None, (0,)),
        ("events --format csv", machine, ["events", "--format", "csv"], TYPER, None, (0,)),
        ("events --format tsv", machine, ["events", "--format", "tsv"], TYPER, None, (0,)),
        (f"show {SUMMIT} --format json", machine, ["show", SUMMIT, "--format", "json"], TYPER, None, (0,)),
        (f"search '{q}' --format json (matches)", machine, ["search", q, "--format", "json"], TYPER, None, (0,)),
        ("search 'qzxv wplmk' --format json (unknown words)", machine, ["search", "qzxv wplmk", "--format", "json"], TYPER, None, (0,)),
        ("sources --format json", machine, ["sources", "--format", "json"], TYPER, None, (0,)),
        ("status --format json", machine, ["status", "--format", "json"], TYPER, None, (0,)),
        ("diff plan-2027.toml --format json", machine, ["diff", str(NEXT_PLAN), "--format", "json"], TYPER, None, (0, 1)),
        ("actions list (table)", table, ["actions", "list"], TABLE, None, (0,)),
        (f"show {SUMMIT} (table)", table, ["show", SUMMIT], TABLE, None, (0,)),
        ("sources (table)", table, ["sources"], TABLE, None, (0,)),
        (f"search '{q}' (table)", table, ["search", q], TABLE, None, (0,)),
        ("events (table)", table, ["events"], TABLE, None, (0,)),
        ("status (table)", table, ["status"], TABLE, None, (0,)),
        ("diff plan-2027.toml (table)", table, ["diff", str(NEXT_PLAN)], TABLE, None, (0, 1)),
    ]
    a, b, ab, ap = trio(MSGSPEC, TYPER, env, runs)
    rows = [Row("floor: `import msgspec` alone, as sdpartner imports it (every answer from the plan decodes it with msgspec) vs `import typer`", None, ms(a), ms(b), ab, f"{ap:.2f}")]
    for label, bound, args, base, own_env, codes in cases:
        try:
            a, b, ab, ap = trio([*sdp, *args], base, own_env or env, runs, codes)
        except Failed as exc:  # a row that cannot be measured is a failure of the run, not a row left out
            rows.append(Row(label, bound, "n/a", "n/a", float("nan"), f"FAILED: {str(exc).splitlines()[0]}"))
            continue
        base_name = "import typer" if base is TYPER else "import typer, rich.console, rich.table"
        rows.append(Row(f"{label} vs `{base_name}`", bound, ms(a), ms(b), ab, f"{ap:.2f}", ab > bound))
    return rows


def fast_path_rows(sdp_module: list[str], env: dict[str, str], runs: int) -> list[Row]:
    """The same answers through the fast path and through Typer (both end with os._exit): what the fast path saves."""
    typer_path = [PY, "-c", "import gc, sys; gc.disable(); from sdpartner.app import run_typer; from sdpartner.console import end; end(run_typer(sys.argv[1:]))"]
    rows = []
    for label, args, extra in (("events --format json", ["events", "--format", "json"], {}),
                               ("actions list (table)", ["actions", "list"], {}),
                               ("completion of a city name", [], {"_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": "sdpartner city show q", "COMP_CWORD": "3"})):
        e = {**env, **extra}
        a, b, ab, _ = trio([*sdp_module, *args], [*typer_path, *args], e, runs)
        rows.append(Row(f"{label}: fast path vs the same through Typer", None, ms(a), ms(b), ab, f"saves {ms(b - a)}"))
    return rows


def long_query_rows(sdp: list[str], env: dict[str, str], runs: int) -> list[Row]:
    """Queries of 500, 2,000 and 4,000 words the plan does not hold (4,000 is near the 40,000-character limit), on
    the bundled plan: the time, and its growth with the query's length (slope 2,000→4,000 over slope 500→2,000)."""
    def query(n: int) -> str:
        return " ".join("zq" + "".join(chr(97 + int(d)) for d in str(i)) + "xv" for i in range(n))

    sizes = (500, 2000, 4000)
    cmds = [[*sdp, "search", query(n), "--format", "json"] for n in sizes]
    for cmd in cmds:
        run(cmd, env)
    times: list[list[float]] = [[], [], []]
    for i in range(runs):
        for k in range(3):
            j = (i + k) % 3
            times[j].append(run(cmds[j], env)[0])
    ratios = [((times[2][r] - times[1][r]) / (sizes[2] - sizes[1])) / ((times[1][r] - times[0][r]) / (sizes[1] - sizes[0])) for r in range(runs)]
    median, low, high = interval(ratios)
    t = [statistics.median(x) for x in times]
    rows = [Row("search with 2,000 unknown words (bundled plan): under a second", 1.0, ms(t[1]), "1000 ms", t[1], "", t[1] > 1.0),
            Row(f"search with 500 / 2,000 / 4,000 unknown words: slope 2,000→4,000 over slope 500→2,000 ({runs} rounds; 90% interval {low:.2f}-{high:.2f})",
                1.1, " / ".join(ms(x) for x in t), f"{fit(list(map(float, sizes)), t) * 1e6:.0f} µs/word", median, "", low > 1.1)]
    # a query of the same ordinal, number or year over and over (each was quadratic: 41 s for 6,666 "first"), and one
    # Chinese run of 36,000 characters (78 s before the fifth session's fix: every token read the whole run)
    for label, words in (("6,000 ordinal words (first first ...)", "first " * 6000), ("3,000 numbers (500 500 ...)", "500 " * 3000),
                         ("3,000 Chinese years (2024年 2024年 ...)", "2024年 " * 3000),
                         ("one Chinese run of 36,000 characters (七千五百七千五百 ...)", "七千五百" * 9000)):
        cmd = [*sdp, "search", words.strip(), "--format", "json"]
        run(cmd, env)
        s = statistics.median(run(cmd, env)[0] for _ in range(5))
        rows.append(Row(f"search with {label} (bundled plan): under a second", 1.0, ms(s), "1000 ms", s, "", s > 1.0))
    return rows


# ----------------------------------------------------------------------------------------------
# Peers: the same question to tools made for the format
# ----------------------------------------------------------------------------------------------


def _tomlq() -> tuple[str | None, str]:
    """The current tomlq (PyPI's yq): the one beside this Python first, else on PATH; its version."""
    for path in (Path(PY).parent / "tomlq", shutil.which("tomlq")):
        if path and Path(path).exists():
            proc = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=False)
            version = (proc.stdout or proc.stderr).strip().splitlines()[0] if (proc.stdout or proc.stderr).strip() else "?"
            if version.split()[-1].split(".")[0] in ("0", "1", "2"):  # Debian's old yq reports 0.0.0
                print(f"note: {path} is an old tomlq ({version}); install the current one: pip install yq", file=sys.stderr)
                continue
            return str(path), version
    return None, ""


def peer_rows(sdp: list[str], env: dict[str, str], runs: int, work: Path) -> list[Row]:
    rows: list[Row] = []
    question = ["events", "--year", "2026", "--format", "json"]
    jq_filter = "[.events[] | select(.year == 2026)]"
    exported = work / "export.json"
    db = work / "plan.db"
    with open(exported, "wb") as fh:
        subprocess.run([*sdp, "export", "--format", "json"], stdout=fh, env=env, check=True)
    subprocess.run([*sdp, "export", "--format", "sqlite", "--output", str(db), "--force"], env=env, check=True, stderr=subprocess.DEVNULL)
    tomlq, version = _tomlq()
    peers = [
        ("tomlq", tomlq, lambda: [tomlq or "", jq_filter, str(PLAN)], f"tomlq {version} over data/plans/2026.toml", None),
        ("jq", shutil.which("jq"), lambda: [shutil.which("jq") or "", jq_filter, str(exported)], "jq over `export --format json`", 2.0),
        ("sqlite3", shutil.which("sqlite3"), lambda: [shutil.which("sqlite3") or "", str(db), "select * from events where year = 2026"],
         "sqlite3 over `export --format sqlite`", None),
    ]
    for name, found, cmd, what, bound in peers:
        if not found:
            print(f"missing peer: {name} (not installed){'; ' + 'pip install yq' if name == 'tomlq' else ''}", file=sys.stderr)
            rows.append(Row(f"events in 2026: `{' '.join(question)}` vs {what}", None, "n/a", "n/a", float("nan"), f"{name} missing (bound {bound} not checked)" if bound else f"{name} missing"))
            continue
        a, b, ab, ap = trio([*sdp, *question], cmd(), env, runs)
        rows.append(Row(f"events in 2026: `{' '.join(question)}` vs {what}", bound, ms(a), ms(b), ab, f"{ap:.2f}", bound is not None and ab > bound))
    return rows


# ----------------------------------------------------------------------------------------------
# The MCP server
# ----------------------------------------------------------------------------------------------


def mcp_rows(sdp: list[str], env: dict[str, str], runs: int) -> list[Row]:
    """From start to the answer of ``initialize``; then a ``search`` call: newline-delimited JSON-RPC on stdio."""
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "0"}}}
    inited = {"jsonrpc": "2.0", "method": "notifications/initialized"}
    starts, calls = [], []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        proc = subprocess.Popen([*sdp, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert proc.stdin and proc.stdout
        proc.stdin.write((json.dumps(init) + "\n").encode())
        proc.stdin.flush()
        reply = json.loads(proc.stdout.readline())
        t1 = time.perf_counter()
        if "result" not in reply:
            raise Failed(f"initialize: {reply}")
        proc.stdin.write((json.dumps(inited) + "\n").encode())
        call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "search", "arguments": {"query": "lithium battery Qingdao"}}}
        t2 = time.perf_counter()
        proc.stdin.write((json.dumps(call) + "\n").encode())
        proc.stdin.flush()
        answer = json.loads(proc.stdout.readline())
        t3 = time.perf_counter()
        if answer.get("result", {}).get("isError", True):
            raise Failed(f"search: {answer}")
        proc.stdin.close()
        proc.wait()
        if i:  # the first run warms the cache and the disk
            starts.append(t1 - t0)
            calls.append(t3 - t2)
    s, c = statistics.median(starts), statistics.median(calls)
    return [Row("MCP: start to the answer of `initialize`", 1.0, ms(s), "1000 ms", s / 1.0, f"max {ms(max(starts))}", s > 1.0),
            Row("MCP: a `search` call after start (the first, so it loads the plan)", 1.0, ms(c), "50 ms", c / 0.05, f"max {ms(max(calls))}", c > 0.05)]


# ----------------------------------------------------------------------------------------------
# Large plans
# ----------------------------------------------------------------------------------------------

LINEAR_CONTROL = (  # reads every line, keeps nothing: linear in time, flat in memory
    "import os, sys; n = sum(len(line.split()) for line in open(sys.argv[1], encoding='utf-8')); print(n); sys.stdout.flush(); os._exit(0)"
)


def fit(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys over xs."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def interval(values: list[float]) -> tuple[float, float, float]:
    """Median and bootstrap 90% interval of the median (fixed seed: the same rounds give the same interval)."""
    rng = random.Random(0)
    medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(2000))
    return statistics.median(values), medians[100], medians[1899]


def growth(command: Callable[[Path], list[str]], plans: list[Path], env: dict[str, str], rounds: int, codes: tuple[int, ...] = (0,)) -> dict[str, object]:
    """Times and peak memories over the plans, ``rounds`` rounds of all three (order rotating), after a warm-up."""
    for p in plans:
        run(command(p), env, codes)  # fill the cache for this plan
    times: list[list[float]] = [[] for _ in plans]
    peaks: list[list[int]] = [[] for _ in plans]
    for i in range(rounds):
        for k in range(len(plans)):
            j = (i + k) % len(plans)
            t, m = run(command(plans[j]), env, codes)
            times[j].append(t)
            peaks[j].append(m)
    mb = [p.stat().st_size / 1e6 for p in plans]
    ratios = [((times[2][r] - times[1][r]) / (mb[2] - mb[1])) / ((times[1][r] - times[0][r]) / (mb[1] - mb[0])) for r in range(rounds)]
    median, low, high = interval(ratios)
    med_t = [statistics.median(t) for t in times]
    med_m = [statistics.median(m) / 2**20 for m in peaks]
    return {"times": med_t, "peaks": med_m, "ratio": median, "low": low, "high": high, "ms_per_mb": fit(mb, med_t) * 1000, "mib_per_mb": fit(mb, med_m)}


def scale_rows(sdp: list[str], env: dict[str, str], rounds: int, sizes: list[float], work: Path) -> tuple[list[Row], list[Row]]:
    plans = []
    for size in sizes:
        path = work / f"plan-{size:g}mb.toml"
        subprocess.run([PY, str(HERE / "make_plan.py"), "--mb", str(size), str(path)], check=True, stdout=subprocess.DEVNULL)
        plans.append(path)
    names = " / ".join(f"{s:g} MB" for s in sizes)
    db = work / "out.db"

    def sqlite_export(p: Path) -> list[str]:
        for suffix in ("", ".metadata.json"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return [*sdp, "export", "--format", "sqlite", "--output", str(db), "--plan", str(p)]

    measures: list[tuple[str, Callable[[Path], list[str]], tuple[int, ...], int, bool]] = [
        ("a plainly linear Python script (control: the words of every line counted)", lambda p: [PY, "-c", LINEAR_CONTROL, str(p)], (0,), rounds, False),
        ("events --year 2026 --format json", lambda p: [*sdp, "events", "--year", "2026", "--format", "json", "--plan", str(p)], (0,), rounds, True),
        ("search 'lithium battery' --format json (matches)", lambda p: [*sdp, "search", "lithium battery", "--format", "json", "--plan", str(p)], (0,), rounds, True),
        ("search 'qzxv wplmk' --format json (unknown words)", lambda p: [*sdp, "search", "qzxv wplmk", "--format", "json", "--plan", str(p)], (0,), rounds, True),
        ("export --format sqlite", sqlite_export, (0,), max(3, rounds // 2), False),
    ]
    time_rows, memory_rows = [], []
    for label, command, codes, n, memory_bound in measures:
        g = growth(command, plans, env, n, codes)
        t, m = g["times"], g["peaks"]
        assert isinstance(t, list) and isinstance(m, list)
        ratio, low, high = float(g["ratio"]), float(g["low"]), float(g["high"])  # type: ignore[arg-type]
        bounded = not label.startswith("a plainly")
        time_rows.append(Row(f"{label}: {names} ({n} rounds; 90% interval {low:.2f}-{high:.2f})", 1.1 if bounded else None,
                             " / ".join(ms(x) for x in t), f"{g['ms_per_mb']:.0f} ms/MB", ratio, "", bounded and low > 1.1))
        mib = float(g["mib_per_mb"])  # type: ignore[arg-type]
        memory_rows.append(Row(f"{label}: peak memory at {names}", 10.0 if memory_bound else None,
                               " / ".join(f"{x:.0f} MiB" for x in m), f"{mib:.1f} MiB/MB", mib, "", memory_bound and mib > 10.0))
    for suffix in ("", ".metadata.json"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return time_rows, memory_rows


# ----------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21, help="rounds per start-up row (default 21)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds per scale row (default 7; the SQLite export half as many)")
    parser.add_argument("--sizes", default="1,10,50", help="plan sizes in MB for the scale rows (three)")
    parser.add_argument("--only", choices=["startup", "peers", "mcp", "scale"], action="append", help="only these sections (repeatable)")
    parser.add_argument("--exe", help="the sdpartner to measure (default: the one beside this Python)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args()
    sections = args.only or ["startup", "peers", "mcp", "scale"]

    exe = args.exe or str(Path(PY).parent / "sdpartner")
    sdp = [exe]
    work = Path(tempfile.mkdtemp(prefix="sdpartner-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SDPARTNER_", "_SDPARTNER")) and k not in ("PYTHONDONTWRITEBYTECODE", "FORCE_COLOR")}
    env.update({"NO_COLOR": "1", "SDPARTNER_CACHE_DIR": str(work / "cache"), "COLUMNS": "100"})
    # every run imports the same compiled code: where PYTHONDONTWRITEBYTECODE is set (as on this project's
    # machines), a module changed since its .pyc was written would be compiled again on every run
    exe_python = Path(exe).resolve().parent / "python"
    subprocess.run([str(exe_python if exe_python.exists() else PY), "-c",
                    "import compileall, os, sdpartner; compileall.compile_dir(os.path.dirname(sdpartner.__file__), quiet=2)"], check=True)

    versions = subprocess.run([PY, "-c", "import typer, rich, msgspec, importlib.metadata as m; print(typer.__version__, m.version('rich'), msgspec.__version__)"],
                              capture_output=True, text=True, check=False).stdout.split()
    print(f"# {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}, typer {versions[0] if versions else '?'}, rich {versions[1] if len(versions) > 1 else '?'}, "
          f"msgspec {versions[2] if len(versions) > 2 else '?'}; sdpartner: {exe}")
    tables: list[tuple[str, list[Row], tuple[str, str, str, str]]] = []
    if "startup" in sections:
        tables.append(("Start-up", startup_rows(sdp, env, args.runs), ("A median", "baseline median", "A / baseline", "A / bare `python`")))
        if not args.exe:
            tables.append(("The fast path", measured(lambda: fast_path_rows([PY, "-m", "sdpartner"], env, args.runs)), ("fast path", "through Typer", "ratio", "")))
        tables.append(("Long queries", measured(lambda: long_query_rows(sdp, env, args.runs)), ("median times", "bound or slope", "ratio", "")))
    if "peers" in sections:
        tables.append(("Peers", measured(lambda: peer_rows(sdp, env, args.runs, work)), ("sdpartner", "peer", "sdpartner / peer", "sdpartner / bare `python`")))
    if "mcp" in sections:
        tables.append(("MCP server", measured(lambda: mcp_rows(sdp, env, max(5, args.runs // 2)), "; is the mcp extra installed?"),
                       ("median", "bound", "median / bound", "")))
    if "scale" in sections:
        sizes = [float(s) for s in args.sizes.split(",")]
        scaled: list[list[Row]] = []  # time rows, memory rows
        time_rows = measured(lambda: scaled.extend(scale_rows(sdp, env, args.rounds, sizes, work)) or scaled[0])
        memory_rows = scaled[1] if len(scaled) == 2 else time_rows  # a failure is the FAILED row in both tables
        tables.append(("Large plans: time", time_rows, ("median times", "fitted slope", "slope 10→50 / slope 1→10", "")))
        tables.append(("Large plans: peak memory", memory_rows, ("median peaks", "fitted slope", "MiB per MB", "")))
    _print(tables, args.markdown)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if any(r.verdict in ("OVER", "FAILED") for _, rows, _ in tables for r in rows) else 0


def measured(make: Callable[[], list[Row]], hint: str = "") -> list[Row]:
    """A section's rows, or one FAILED row where a command it runs failed (the script then exits 1)."""
    try:
        return make()
    except (Failed, json.JSONDecodeError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return [Row("a command of this section failed", 1.0, "n/a", "n/a", float("nan"), f"FAILED: {why}{hint}")]


def _print(tables: list[tuple[str, list[Row], tuple[str, str, str, str]]], markdown: bool) -> None:
    for title, rows, heads in tables:
        if markdown:
            print(f"\n### {title}\n\n| measure | bound | {heads[0]} | {heads[1]} | {heads[2]} | {heads[3]} | |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |")
            for r in rows:
                bound = "" if r.bound is None else f"≤ {r.bound:g}"
                print(f"| {r.label} | {bound} | {r.a} | {r.b} | {r.ratio:.2f} | {r.extra} | {r.verdict} |")
        else:
            print(f"\n{title}")
            for r in rows:
                bound = "" if r.bound is None else f"<= {r.bound:g}"
                print(f"{r.ratio:6.2f} {bound:8s} {r.verdict:4s}  {r.a:>22s}  {r.b:>14s}  {r.extra:>10s}  {r.label}")


if __name__ == "__main__":
    sys.exit(main())
