"""The JSON Schemas of the data files, from the model: a plan file, and a history file (for editors with
TOML schema support; ``scripts/make_schema.py`` writes them, a test fails while they are stale)."""

from __future__ import annotations

import typing
from typing import Any, Literal

import msgspec

from . import catalogue as cat


def schemas() -> dict[str, dict[str, Any]]:
    """{'plan': the schema of a plan file, 'history': the schema of a history file}."""
    plan = cat.plan_type()
    notes = typing.get_type_hints(plan, include_extras=True)
    history = set(cat.history_tables())
    fields = msgspec.structs.fields(plan)
    plan_fields: list[Any] = [("history", Literal["bundled", "none"], "bundled")]
    history_fields: list[Any] = [("schema_version", notes["schema_version"])]
    for f in fields:
        entry = (f.name, notes[f.name]) if f.required else (f.name, notes[f.name], f.default)
        plan_fields.append(entry)
        if f.name in history:
            history_fields.append(entry)
    out = {}
    for name, spec, title in (("plan", plan_fields, "sdpartner plan file (one year's plan)"), ("history", history_fields, "sdpartner history file (shared by every year's plan)")):
        struct = msgspec.defstruct(f"{name.title()}File", spec, kw_only=True, forbid_unknown_fields=True)
        schema = msgspec.json.schema(struct)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        out[name] = schema
    return out
