"""What shell completion offers for a parameter's values, by the source its declaration names.

Used by the Typer app (``autocompletion=``) and by the fast path alike. Candidates come from the plan
(``SDPARTNER_PLAN`` or the bundled one, through the cache) and are made printable; any problem gives no
candidates rather than a traceback in the shell.
"""

from __future__ import annotations

from typing import Any


def _plan() -> Any:
    from ..plan.cache import plan_cache
    from ..plan.load import load_plan

    return load_plan(None, cache=plan_cache())


def _values(source: str, command: tuple[str, ...]) -> list[str]:
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


def candidates(source: str, incomplete: str, command: tuple[str, ...] = ()) -> list[str]:
    """The values of ``source`` that begin with ``incomplete`` (any case), made printable; none on any problem."""
    from ..safe import visible

    try:
        names = _values(source, command)
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return []
    if source == "columns":
        done, _, last = incomplete.rpartition(",")
        return [visible(f"{done},{k}" if done else k, single_line=True) for k in names if k.startswith(last)]
    folded = incomplete.casefold()
    return [visible(n, single_line=True) for n in dict.fromkeys(names) if n.casefold().startswith(folded)]
