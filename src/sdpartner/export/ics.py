"""``export --format ics``: every event and edition with a day-precision date as an iCalendar (RFC 5545) event.

All-day events (``DTSTART;VALUE=DATE`` and an exclusive ``DTEND``: the days of the reading that says the event
took place, or of a schedule that holds its one day), a UID per record that is the same on every run, SUMMARY
in the chosen language, LOCATION when known, a DESCRIPTION with the date's status and its sources, and
STATUS:CONFIRMED only for a date reported as held by a source that is not weak (TENTATIVE
otherwise). Text from the plan has its control and bidi-override characters shown as stand-ins, as in the
other text formats (RFC 5545 TEXT allows no control characters). Built with the icalendar library, imported
only here.
"""

from __future__ import annotations

import datetime as dt

from ..plan.model import DateReading, Edition, Event, Plan
from ..text import Lang
from ..present import values as v
from ..present.listings import main_reading
from ..safe import visible
from ..words import say


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _has_day(reading: DateReading) -> bool:
    """Whether a reading names a day of a known year (what a calendar entry needs)."""
    return reading.precision == "day" and reading.year is not None


def _best(item: Event | Edition) -> DateReading | None:
    """The reading to put in a calendar: the main one if it has a day, else any reading with a day."""
    main = main_reading(item)
    if main is not None and _has_day(main):
        return main
    return next((d for d in item.dates if _has_day(d)), None)


def _schedule(item: Event | Edition, reading: DateReading) -> DateReading | None:
    """A scheduled span of days that holds ``reading``'s one day where it would fall (opened 5 August, the first of
    a schedule of 5-7 August; closed on its last day), whose days the entry then spans; None when ``reading`` has
    its own end or no schedule holds it."""
    if reading.end is not None or reading.what == "scheduled":
        return None
    return next((d for d in item.dates if d.what == "scheduled" and d.end is not None and _has_day(d)
                 and d.start <= reading.start <= d.end  # opened on the first day, closed on the last, held or reported on any
                 and (reading.what != "opened" or reading.start == d.start) and (reading.what != "closed" or reading.start == d.end)), None)


def calendar(plan: Plan, lang: Lang) -> tuple[str, int]:
    """The calendar as text, and how many events and editions were left out for want of a day."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//sdpartner//Shandong Ten Partner Actions//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", visible(plan.plan.short_name.pick(lang), single_line=True))
    stamp = dt.datetime.fromisoformat((plan.plan.reviewed or "2026-01-01") + "T00:00:00+00:00")
    sources = v.sources_by_id(plan)
    left_out = 0
    items: list[Event | Edition] = [*plan.events, *plan.editions]
    for item in items:
        reading = _best(item)
        if reading is None:
            left_out += 1
            continue
        schedule = _schedule(item, reading)
        span = schedule or reading
        start = _day(span.start)
        end = _day(span.end) if span.end else start
        event = icalendar.Event()
        kind = "event" if isinstance(item, Event) else "edition"
        event.add("uid", f"{kind}-{item.id}@sdpartner")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        event.add("summary", visible(item.name.pick(lang), single_line=True))
        place = ", ".join(p.name.pick(lang) for p in (item.venue, item.place) if p is not None)
        if place:
            event.add("location", visible(place, single_line=True))
        shown = [reading] if schedule is None else [reading, schedule]
        cited = [[sources[c.source] for c in r.sources if c.source in sources] for r in shown]  # the reading's, then the schedule's
        lines = [v.date_text(plan, r, lang) for r in shown]
        outlets = [f"{s.outlet.pick(lang)}{' ' + s.url if s.url else ''}" for of in cited for s in of]
        if reading.cites:
            outlets.append(f"{plan.article.outlet.pick(lang)} ¶{', '.join(map(str, reading.cites))}")
        if outlets:
            lines.append(f"{say('t_sources', lang)}: " + "; ".join(dict.fromkeys(outlets)))
        event.add("description", "\n".join(visible(line, single_line=True) for line in lines))
        weak = bool(cited[0]) and all(s.reliability == "weak" for s in cited[0])
        event.add("status", "CONFIRMED" if reading.what in ("held", "opened", "closed") and not weak else "TENTATIVE")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8"), left_out
