"""The plan's year as it happens: the status of each event and target, from the status readings the data
records, as it stood on any day up to the review date. A status is never overwritten: a later reading is
added, and ``as_of`` reads the history back."""

from __future__ import annotations

from typing import Any

import msgspec

from ..plan.model import Event, Figure, FigureKind, Plan, Status


class Standing(msgspec.Struct, frozen=True):
    """An item of the plan's year (an event or a target) and its status on a day: the latest reading up to that
    day, or none (no report found), with every reading up to that day in order."""

    item: Any  # Event | Figure
    kind: str
    latest: Status | None
    history: tuple[Status, ...]

    @property
    def code(self) -> str:
        return self.latest.status if self.latest is not None else "no_report"


def _date(s: Status) -> str:
    return max(e.date for e in s.evidence)


def readings(plan: Plan, item_id: str, as_of: str | None = None) -> list[Status]:
    """The status readings of one item, oldest first, up to ``as_of`` (a day, month or year; default: all)."""
    found = [s for s in plan.statuses if s.item == item_id and (as_of is None or _date(s)[: len(as_of)] <= as_of)]
    return sorted(found, key=_date)


def standing(plan: Plan, item: Event | Figure, as_of: str | None = None) -> Standing:
    """The status of an event or target on ``as_of`` (default: the review date)."""
    history = readings(plan, item.id, as_of)
    return Standing(item, "event" if isinstance(item, Event) else "figure", history[-1] if history else None, tuple(history))


def items(plan: Plan, year: int | None = None) -> list[Event | Figure]:
    """The events and targets of the plan's year (default: the plan's own year)."""
    year = year or plan.plan.year
    events: list[Event | Figure] = [e for e in plan.events if e.year == year]
    targets: list[Event | Figure] = [f for f in plan.figures if f.kind == FigureKind.target and f.year == year]
    return events + targets


def year_so_far(plan: Plan, year: int | None = None, as_of: str | None = None) -> list[Standing]:
    """Every event and target of the plan's year with its status as it stood on ``as_of``."""
    return [standing(plan, item, as_of) for item in items(plan, year)]
