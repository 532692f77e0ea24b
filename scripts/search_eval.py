"""Search quality over the question corpus (tests/search_corpus.toml): precision at 3, success at 3, MRR.

    .venv/bin/python scripts/search_eval.py                       # this checkout, in-process
    .venv/bin/python scripts/search_eval.py --exe OTHER/sdpartner   # another build, through its command

Precision at 3: of the top 3 hits, the share that are records the question must find (over questions that
name some; most name one, so 0.33 is the most such a question can give). Recall at 3: the share of the
must-find records that are in the top 3. Success at 3: the share of questions whose every must-find record is in the top 3 (and, for
questions with none, that nothing in "never" appears). MRR: the mean of 1/rank of the first must-find record.
A question with a "never" list fails when any of those appears anywhere in the hits.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "search_corpus.toml"
OLD_KINDS = {"city field": "offer"}  # kinds as builds before the search engine named them
OLD_GROUPS = {"1": "trade", "2": "investment", "3": "cooperation", "4": "institutions"}


def questions() -> list[dict]:
    return tomllib.loads(CORPUS.read_text(encoding="utf-8"))["q"]


def hits_in_process(query: str) -> list[str]:
    from sdpartner.load import load_plan
    from sdpartner.search import search

    plan = load_plan(None)
    return [f"{h.kind}:{h.id}" for h in search(plan, query).hits]


def hits_of(exe: str, query: str) -> list[str]:
    out = subprocess.run([exe, "search", query, "--format", "json"], capture_output=True, check=False).stdout
    rows = json.loads(out or b"[]")
    keys = []
    for r in rows:
        kind = OLD_KINDS.get(r["kind"], r["kind"])
        rid = OLD_GROUPS.get(r["id"], r["id"]) if kind == "group" else r["id"]
        keys.append(f"{kind}:{rid}")
    return keys


def evaluate(get) -> dict:  # noqa: ANN001
    precision, recall, success, reciprocal, failures = [], [], [], [], []
    for q in questions():
        hits = get(q["query"])
        want, never = q.get("top3", []), q.get("never", [])
        top = hits[:3]
        ok = all(w in top for w in want) and not any(n in hits for n in never)
        success.append(ok)
        if want:
            precision.append(sum(1 for h in top if h in want) / 3)
            recall.append(sum(1 for w in want if w in top) / len(want))
            ranks = [hits.index(w) + 1 for w in want if w in hits]
            reciprocal.append(1 / min(ranks) if ranks else 0.0)
        if not ok:
            failures.append((q["query"], top))
    n = len(precision)
    return {"questions": len(success), "precision_at_3": sum(precision) / n, "recall_at_3": sum(recall) / n, "success_at_3": sum(success) / len(success),
            "mrr": sum(reciprocal) / n, "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", help="an sdpartner command to evaluate instead of this checkout")
    parser.add_argument("--failures", action="store_true", help="list the questions that fail")
    args = parser.parse_args()
    result = evaluate((lambda q: hits_of(args.exe, q)) if args.exe else hits_in_process)
    print(f"questions {result['questions']}: precision@3 {result['precision_at_3']:.3f}, recall@3 {result['recall_at_3']:.3f}, success@3 {result['success_at_3']:.3f}, MRR {result['mrr']:.3f}")
    if args.failures:
        for query, top in result["failures"]:
            print(f"  {query!r}: {top}")


if __name__ == "__main__":
    sys.exit(main())
