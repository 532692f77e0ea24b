"""What a search prints: its hits as a listing, and the notes a reader should know (a spelling corrected, numbers
and dates no record holds, words the plan does not use). Apart from ``views`` and ``listings``, whose import
(the documents and listings of every other command: 1.3 ms) a search does not need; its listing is declared here."""

from __future__ import annotations

from typing import Any

from ..plan import catalogue as cat
from ..plan.model import Plan
from ..text import Lang
from ..words import FIELDS, words_for
from .documents import Listing, replace
from .fields import Ctx, Field, Spec, kind_words

SEARCH = Spec("search", "t_search", [
    Field("score", style="number", show="machine", type="number"),
    Field("type", lambda h, ctx: h.kind, style="dim", coded=kind_words, doc="the record's kind"),
    Field("id", style="id", doc="open it with `sdpartner show ID`"),
    Field("title", style="name"),
    Field("field", style="dim", show="wide", coded=lambda lang: words_for(FIELDS, lang), doc=", ".join(f"`{code}`" for code in FIELDS)),
    Field("matched", show="machine"),
])


def search_notes(result: Any, query: str, lang: Lang, kind: str | None = None) -> list[str]:
    """What a reader of a search should know, in words: a spelling corrected, numbers no record holds, words the
    plan does not use (each with the nearest words it uses); with ``kind``, that no record of that kind matches."""
    from ..safe import shown
    from ..words import message

    notes: list[str] = []
    if result.corrected is not None:
        notes.append(message("corrected", lang, {"corrected": shown(result.corrected, 80), "query": shown(query, 80)}))
    for typed in result.no_dates:  # (before its numbers' notes: why they were searched as numbers)
        notes.append(message("no_such_date", lang, {"date": shown(typed, 40)}))
    for number in result.missing_numbers:  # a record that writes the number in its words is listed: say why
        written = any(number in h.matched for h in result.hits)
        notes.append(message("number_written" if written else "number_no_match", lang, {"number": shown(number, 40)}))
    for day in result.missing_days:
        notes.append(message("date_no_match", lang, {"date": shown(day, 40)}))
    unknown = [shown(w, 40) for w in result.unknown]
    near = list(dict.fromkeys(w for word in result.unknown for w in result.suggestions.get(word, [])))
    if not result.hits and not result.missing_numbers and not result.missing_days:
        from ..query.numbers import amount_words

        if amount_words(query):  # yuan, billion: a word of amounts, which only an amount matches
            return [*notes, message("amount_words", lang, {"query": shown(query, 80)})]
        text = message("no_hits", lang, {"query": shown(query, 80)}) if kind is None else \
            message("no_hits_kind", lang, {"query": shown(query, 80), "kind": cat.kind(kind).decl.words})
        notes.append(text + (" " + message("did_you_mean", lang, {"near": ", ".join(near)}) if near else ""))
    elif unknown:  # (a spelling corrected leaves none; traditional characters converted may leave some: 鋰電 robotz)
        listed = unknown[:10] + ([f"… (+{len(unknown) - 10})"] if len(unknown) > 10 else [])
        text = message("not_mentioned", lang, {"word": listed[0]}) if len(listed) == 1 else message("not_mentioned_many", lang, {"words": ", ".join(listed)})
        notes.append(text + (" " + message("did_you_mean", lang, {"near": ", ".join(near)}) if near else ""))
    return notes


def search_listing(plan: Plan, result: Any, query: str, lang: Lang, kind: str | None = None) -> Listing:
    """Search hits, best first. With no hits, the listing's empty text says so in words."""
    shown = SEARCH.listing(result.hits, Ctx(plan, lang))
    if not result.hits:
        return replace(shown, empty=" ".join(search_notes(result, query, lang, kind)))
    return shown
