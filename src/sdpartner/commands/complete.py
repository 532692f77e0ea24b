"""What shell completion offers for a parameter's values, by the source its declaration names.

``tab.py`` offers them, to Typer's completion in every shell and, through its table, to bash's Tab. They
come from the plan (``SDPARTNER_PLAN`` or the bundled one, through the cache); ``tab.py`` makes them
printable, and any problem gives no candidates rather than a traceback in the shell.
"""

from __future__ import annotations

from typing import Any


def _plan() -> Any:
    from ..plan.cache import plan_cache
    from ..plan.load import load_plan

    return load_plan(None, cache=plan_cache())


def values(source: str, command: tuple[str, ...]) -> list[str]:
    """Every value a parameter completed from ``source`` may take (the columns: of ``command``'s listing)."""
    if source == "kind":
        from ..plan.catalogue import codes

        return list(codes())
    if source == "columns":
        from .catalog import find

        cmd = find(command)
        if cmd is None or cmd.listing is None:
            return []
        from ..present.listings import by_name

        return by_name(cmd.listing).keys()
    plan = _plan()
    if source == "city":
        return [c.id for c in plan.cities] + [c.name.zh for c in plan.cities]
    if source == "place":
        from ..query.filters import place_names

        return place_names(plan)
    if source == "action":
        return [str(a.id) for a in plan.actions] + [a.slug for a in plan.actions]
    if source == "group":
        return [str(g.id) for g in plan.groups] + [g.slug for g in plan.groups]
    if source == "series":
        return [s.id for s in plan.series]
    if source == "event":
        return [e.id for e in plan.events] + [e.id for e in plan.editions]
    if source == "record":
        from ..query.records import entries

        return [e.id for e in entries(plan)]
    return []
