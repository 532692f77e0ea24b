"""Write the JSON Schemas of the data files from the model: schema/plan.schema.json (a year's plan file) and
schema/history.schema.json (a history file). ``--check`` exits 1 when the committed files are stale."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sdpartner.plan.schema import schemas  # noqa: E402


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for name, schema in schemas().items():
        path = ROOT / "schema" / f"{name}.schema.json"
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"stale: {', '.join(stale)}; run python scripts/make_schema.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
