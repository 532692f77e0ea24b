"""Write docs/json-output.md from the listing declarations; ``--check`` exits 1 when the committed file is stale."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sdpartner.commands.reference import markdown  # noqa: E402


def main() -> int:
    path = ROOT / "docs" / "json-output.md"
    text = markdown()
    if "--check" in sys.argv[1:]:
        if path.read_text(encoding="utf-8") != text:
            print("stale: docs/json-output.md; run python scripts/make_docs.py")
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
