"""Search quality over the question corpora: precision at 3, success at 3, MRR, for each half.

    .venv/bin/python scripts/search_eval.py                         # this checkout, in-process
    .venv/bin/python scripts/search_eval.py --exe OTHER/sdpartner   # another build, through its command (before/after)
    .venv/bin/python scripts/search_eval.py --failures              # list the tuned corpus's failures (never the held-out's)

tests/search_corpus.toml is the corpus the engine is tuned against (issue 11's 90 questions and issue 22's dev
half); tests/search_heldout.toml is the held-out half, written before the engine changed and never tuned
against; tests/search_traditional.toml is every Chinese question of both in traditional characters, held out
too. Precision at 3: of the top 3 hits, the share that are records the question must find. Success at 3:
the share of questions whose every must-find record is in the top 3 (and whose "never" records do not
appear). MRR: the mean of 1/rank of the first must-find record.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"tuned": ROOT / "tests" / "search_corpus.toml", "held-out": ROOT / "tests" / "search_heldout.toml",
           "traditional": ROOT / "tests" / "search_traditional.toml"}
OLD_KINDS = {"city field": "offer"}


def questions(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["q"]


def hits_in_process(query: str) -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from sdpartner.plan.load import load_plan
    from sdpartner.query.search import search

    global _PLAN
    if _PLAN is None:
        _PLAN = load_plan(None)
    return [f"{h.kind}:{h.id}" for h in search(_PLAN, query).hits]


_PLAN = None


def hits_of(exe: str, query: str) -> list[str]:
    out = subprocess.run([exe, "search", query, "--format", "json"], capture_output=True, check=False).stdout
    rows = json.loads(out or b"[]")
    return [f"{OLD_KINDS.get(r.get('type') or r['kind'], r.get('type') or r['kind'])}:{r['id']}" for r in rows]


def evaluate(qs: list[dict], get) -> dict:  # noqa: ANN001
    precision, success, reciprocal, failures = [], [], [], []
    for q in qs:
        hits = get(q["query"])
        want, never = q.get("top3", []), q.get("never", [])
        top = hits[:3]
        ok = all(w in top for w in want) and not any(n in hits for n in never)
        success.append(ok)
        if want:
            precision.append(sum(1 for h in top if h in want) / 3)
            ranks = [hits.index(w) + 1 for w in want if w in hits]
            reciprocal.append(1 / min(ranks) if ranks else 0.0)
        if not ok:
            failures.append((q["query"], top))
    return {"questions": len(qs), "precision_at_3": sum(precision) / len(precision), "success_at_3": sum(success) / len(success),
            "mrr": sum(reciprocal) / len(reciprocal), "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", help="an sdpartner command to evaluate instead of this checkout")
    parser.add_argument("--failures", action="store_true", help="list the tuned corpus's failing questions")
    args = parser.parse_args()
    get = (lambda q: hits_of(args.exe, q)) if args.exe else hits_in_process
    for name, path in CORPORA.items():
        r = evaluate(questions(path), get)
        print(f"{name:11} {r['questions']:3} questions: precision@3 {r['precision_at_3']:.3f}, success@3 {r['success_at_3']:.3f}, MRR {r['mrr']:.3f}")
        if args.failures and name == "tuned":
            for query, top in r["failures"]:
                print(f"  {query!r}: {top}")


if __name__ == "__main__":
    sys.exit(main())
