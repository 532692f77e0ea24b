"""Values in words: amounts with their qualifier and unit, dates with what they are and how their year is
known, places with how they are known, and the caveat of a weak source, in the chosen language.

Machine formats carry the values' fields (``start``, ``precision``, ``qualifier``, ``currency`` ...); these
functions are what tables and Markdown show instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..plan import catalogue as cat
from ..plan.model import Amount, Citation, DateReading, Place, Plan, Source
from ..text import Lang, Text, nth
from ..words import SCALES, say


def plain(v: float) -> str:
    """A number as written in a table: 1,120; 4.5; 113.89."""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.10g}"


def number(v: float | None) -> int | float | None:
    """A number for machine formats: an int where it is whole."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() and abs(v) < 1e18 else v


def unit_text(a: Amount, lang: Lang) -> str:
    """What an amount counts or measures, in words: its unit, or its currency."""
    if a.currency is not None:
        return say(a.currency, lang)
    return a.unit.pick(lang) if a.unit is not None else ""


def scaled(value: float, unit: str, lang: Lang) -> str:
    """A number with its unit, large amounts in words at the precision given: 1.6 trillion yuan / 1.6万亿元; 113.89 billion."""
    for size, scale in SCALES[lang]:
        if value >= size and value >= 1e6:
            return say("amount_scaled", lang, n=f"{value / size:.10g}", scale=scale, unit=unit).strip()
    return say("amount_plain", lang, n=plain(value), unit=unit).strip()


def amount_text(a: Amount, lang: Lang) -> str:
    """An amount as a person reads it: 'at least 500 events', 'aim to exceed 750 billion yuan', '2nd', '约60亿元'."""
    if a.ordinal:
        return say("ordinal", lang, n=int(a.value), nth=nth(int(a.value)), unit=unit_text(a, lang))
    base = scaled(a.value, unit_text(a, lang), lang)
    if a.aim and f"aim_{a.qualifier.value}" in _AIMS:
        return say(f"aim_{a.qualifier.value}", lang, amount=base)
    return say(f"q_{a.qualifier.value}", lang, amount=base)


_AIMS = {"aim_more_than", "aim_at_least", "aim_exact"}


def iso_words(start: str, end: str | None, lang: Lang) -> str:
    """A date as precise as its source: 2021-07-15, 2021-07, a range 2022-06-19 – 21, or 27–29 June without a year."""
    if start.startswith("--"):
        md = start[2:] if end is None else f"{start[2:]} – {end[5:] if end[2:4] == start[2:4] else end[2:]}"
        return say("yearless", lang, md=md)
    if end is None:
        return start
    same = 8 if start[:8] == end[:8] else 5 if start[:5] == end[:5] else 0
    return f"{start} – {end[same:]}"


def caveat(plan: Plan, cited: Iterable[Citation | str], lang: Lang) -> str | None:
    """The caveat of the sources behind a value, when every one of them is weak (and so is the value)."""
    by_id = sources_by_id(plan)
    ids = [c if isinstance(c, str) else c.source for c in cited]
    found = [by_id[i] for i in ids if i in by_id]
    if not found or any(s.reliability != "weak" for s in found):
        return None
    return "; ".join(dict.fromkeys(s.caveat.pick(lang) for s in found if s.caveat is not None))


@cat.per_plan
def sources_by_id(plan: Plan) -> dict[str, Source]:
    """The plan's sources by id (kept for the plan last asked about)."""
    return {s.id: s for s in plan.sources}


def weak(plan: Plan, cited: Iterable[Citation | str]) -> bool:
    """Whether a value rests on weak sources only."""
    return caveat(plan, cited, "en") is not None


def date_text(plan: Plan, d: DateReading, lang: Lang) -> str:
    """One date reading in words: '2022-06-19 – 21 (held; year from context)', '2026-06-16 (opened; an exhibitor's account)'."""
    parts = [say(f"what_{d.what}", lang)]
    if d.year_known in ("page_date", "context"):
        parts.append(say(f"year_{d.year_known}", lang))
    warn = caveat(plan, d.sources, lang) if d.sources else None
    if warn:
        parts.append(warn)
    sep = ";" if lang == "zh" else "; "
    return say("dated", lang, when=iso_words(d.start, d.end, lang), what=sep.join(parts))


def dates_text(plan: Plan, dates: list[DateReading], lang: Lang) -> str | None:
    """Every date reading of an event or edition, each with what it is: '2022-06-20 – 21 (scheduled); 2022-06-19 – 21 (held)'."""
    return "; ".join(dict.fromkeys(date_text(plan, d, lang) for d in dates)) or None


def place_text(place: Place | None, lang: Lang) -> str | None:
    """A place as people read it, with how it is known when not stated: 'Qingdao (from its name)'."""
    if place is None:
        return None
    name = place.name.pick(lang)
    if place.known == "stated":
        return name
    return say("place_known", lang, place=name, known=say(f"known_{place.known}", lang))


def with_caveat(plan: Plan, text: str, cited: Iterable[Citation | str], lang: Lang) -> str:
    """A value's words, with the caveat of its weak sources."""
    warn = caveat(plan, cited, lang)
    return say("weak_label", lang, text=text, caveat=warn) if warn else text
