"""The Markdown briefing that ``export --format md`` writes: the views of every command, in one document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import query, views
from .base import Lang
from .render.markdown import render as markdown
from .terminal import Terminal

if TYPE_CHECKING:
    from .model import Plan


def briefing(plan: Plan, lang: Lang) -> str:
    """Overview, each action, figures, events, each city and the sector index, with the source cited."""
    term = Terminal()
    parts = [markdown(views.overview(plan, lang), term)]
    parts += [markdown(views.action_detail(plan, a, lang), term, level=3) for a in plan.actions]
    parts.append(markdown(views.figure_list(plan, plan.figures, lang), term))
    parts.append(markdown(views.event_list(plan, plan.events, lang), term))
    parts += [markdown(views.city_detail(plan, c, lang), term, level=3) for c in plan.cities]
    parts.append(markdown(views.sector_list(query.sector_index(plan), lang), term))
    src = plan.source
    authors = ", ".join(a.pick(lang) for a in src.authors)
    parts.append(f"---\n\n{src.title.pick(lang)} — {src.outlet.pick(lang)}, {authors}. {src.numbering.pick(lang)}\n")
    return "\n".join(parts)
