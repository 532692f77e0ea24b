"""The schema: the bilingual text type and the committed JSON Schema."""

from __future__ import annotations

import importlib.util

import msgspec
import pytest

from sdpartner.model import Plan, Text, json_schema

from .conftest import ROOT


def test_text_picks_language() -> None:
    t = Text(zh="青岛", en="Qingdao")
    assert (t.pick("zh"), t.pick("en")) == ("青岛", "Qingdao")


def test_records_are_immutable(plan: Plan) -> None:
    with pytest.raises(AttributeError):
        plan.actions[0].slug = "x"  # type: ignore[misc]


def test_unknown_field_is_an_error() -> None:
    # forbid_unknown_fields is our choice: a typo in a plan file must not vanish
    with pytest.raises(msgspec.ValidationError, match="unknown field `fr`"):
        msgspec.convert({"zh": "a", "en": "b", "fr": "c"}, Text)


def test_committed_json_schema_is_current() -> None:
    spec = importlib.util.spec_from_file_location("make_schema", ROOT / "scripts" / "make_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == module.render(), "schema/plan.schema.json is stale: run python scripts/make_schema.py"


def test_schema_describes_plan_fields() -> None:
    schema = json_schema()
    plan_def = schema["$defs"]["Plan"]
    assert {"actions", "cities", "events", "figures"} <= set(plan_def["properties"])
    assert plan_def["additionalProperties"] is False
