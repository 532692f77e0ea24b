"""Write schema/plan.schema.json from the model (run after changing src/sdpartner/model.py)."""

import json
from pathlib import Path

from sdpartner.model import json_schema

TARGET = Path(__file__).resolve().parents[1] / "schema" / "plan.schema.json"


def render() -> str:
    """The schema file's exact text."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
