"""How a listing is declared: its fields, each once (key, how to get it, label in both languages, style,
whether it shows at 80 columns), from which rows, table columns, ``--columns``, CSV/TSV headers and
docs/json-output.md all come.

A field's ``show``: "narrow" (tables at 80 columns), "wide" (tables with ``--wide``), "machine" (machine
formats only: json, jsonl, csv, tsv). Machine formats show every field, in the declared order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from enum import Enum
from typing import Any, Literal, TypeVar

from ..plan.model import Plan
from ..text import Lang, Text
from ..words import label as label_of
from ..words import say, words_for, yes_no
from .documents import Column, Listing, Value

_T = TypeVar("_T")

Show = Literal["narrow", "wide", "machine", "chinese", "chinese_narrow"]  # chinese*: a Chinese column, not shown in tables in Chinese


# Whether listings carry the words people read (Listing.people): only tables and Markdown show them, so
# execute turns them off for the machine formats (a row of words per record saved on a large plan).
PEOPLE_WORDS: ContextVar[bool] = ContextVar("people_words", default=True)


class Ctx:
    """What a view knows while it builds rows: the plan, the language, and maps made once per view."""

    def __init__(self, plan: Plan, lang: Lang) -> None:
        self.plan, self.lang = plan, lang
        self._memo: dict[str, Any] = {}

    def memo(self, name: str, make: Callable[[], _T]) -> _T:
        """A value made once per view (a map of cities by id, the links of the plan ...)."""
        if name not in self._memo:
            self._memo[name] = make()
        made: _T = self._memo[name]
        return made


Getter = Callable[[Any, Ctx], Any]


class Field:
    """One field of a listing: its JSON key, how to get its value from an item, and how people see it."""

    __slots__ = ("key", "get", "words", "style", "show", "label", "coded", "qualifier", "missing", "type", "doc")

    def __init__(self, key: str, get: Getter | str | None = None, *, words: Callable[[Any, Ctx], str | None] | None = None, style: str = "",
                 show: Show = "narrow", label: Text | None = None, coded: tuple[str, ...] | str | Callable[[Lang], dict[str, str]] | None = None,
                 qualifier: tuple[str, dict[str, str]] | None = None, missing: str | None = None, type: str = "string", doc: str = "") -> None:
        self.key, self.style, self.show, self.label = key, style, show, label
        self.get: Getter = _attribute(get or key) if not callable(get) else get
        self.words = words
        self.coded, self.qualifier, self.missing, self.type, self.doc = coded, qualifier, missing, type, doc

    def column(self, lang: Lang) -> Column:
        """The column people and renderers see for this field in ``lang`` (the words for its codes only where people read
        them: machine formats show the codes, and a kind's words would read the whole model's declarations)."""
        labels: dict[str, str] = {}
        if not PEOPLE_WORDS.get():
            pass
        elif callable(self.coded):
            labels = self.coded(lang)
        elif isinstance(self.coded, tuple):
            labels = words_for(self.coded, lang)
        elif isinstance(self.coded, str):
            labels = _prefixed(self.coded, lang)
        elif self.type == "bool":
            labels = yes_no(lang)
        qualifier, qualifiers = ("", {})
        if self.qualifier is not None:
            qualifier = self.qualifier[0]
            qualifiers = {value: say(word, lang) for value, word in self.qualifier[1].items()}
        show = self.show
        if show in ("chinese", "chinese_narrow"):
            show = "machine" if lang == "zh" else "wide" if show == "chinese" else "narrow"
        return Column(key=self.key, header=self.label.pick(lang) if self.label else label_of(self.key, lang), style=self.style,
                      table=show != "machine", wide=show == "wide", missing=say(self.missing, lang) if self.missing else "",
                      labels=labels, qualifier=qualifier, qualifiers=qualifiers)


def kind_words(lang: Lang) -> dict[str, str]:
    """The words of every kind of record, by its code (a listing's ``type`` column)."""
    from ..plan import catalogue as cat

    return {k.code: k.decl.words.pick(lang) for k in cat.kinds()}


def _prefixed(prefix: str, lang: Lang) -> dict[str, str]:
    from ..words import WORDS

    return {k[len(prefix):]: t.pick(lang) for k, t in WORDS.items() if k.startswith(prefix)}


def _attribute(name: str) -> Getter:
    def get(item: Any, ctx: Ctx) -> Any:
        return getattr(item, name)

    return get


def value(v: Any, lang: Lang) -> Value:
    """A model value as a listing value: a Text in ``lang``, an enum as its code, a whole float as an int."""
    kind = type(v)
    if kind is str or kind is int or kind is bool or v is None:  # most values, first (a row per record of a large plan)
        return v  # type: ignore[no-any-return]
    if isinstance(v, Text):
        return v.pick(lang)
    if isinstance(v, Enum):
        return v.value  # type: ignore[no-any-return]
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        return int(v)
    if isinstance(v, list):
        return [value(x, lang) for x in v]
    return v  # type: ignore[no-any-return]


class Spec:
    """A listing declared once: the command (or section) it belongs to, its title, its fields."""

    __slots__ = ("name", "title", "fields", "doc")

    def __init__(self, name: str, title: str, fields: Sequence[Field], doc: str = "") -> None:
        self.name, self.title, self.fields, self.doc = name, title, tuple(fields), doc

    def columns(self, lang: Lang) -> tuple[Column, ...]:
        return tuple(f.column(lang) for f in self.fields)

    def rows(self, items: Sequence[Any], ctx: Ctx) -> tuple[dict[str, Value], ...]:
        return tuple({f.key: value(f.get(item, ctx), ctx.lang) for f in self.fields} for item in items)

    def people(self, items: Sequence[Any], ctx: Ctx) -> tuple[dict[str, str], ...]:
        worded = [f for f in self.fields if f.words is not None]
        if not worded:
            return ()
        out = []
        for item in items:
            row = {}
            for f in worded:
                text = f.words(item, ctx)  # type: ignore[misc]
                if text is not None:
                    row[f.key] = text
            out.append(row)
        return tuple(out)

    def listing(self, items: Sequence[Any], ctx: Ctx, title: str | None = None) -> Listing:
        """The listing of ``items``, with the language's words for its title, missing values and no rows."""
        lang = ctx.lang
        return Listing(title=title if title is not None else say(self.title, lang), columns=self.columns(lang), rows=self.rows(items, ctx),
                       missing=say("not_stated", lang), empty=say("none", lang), people=self.people(items, ctx) if PEOPLE_WORDS.get() else ())

    def keys(self) -> list[str]:
        return [f.key for f in self.fields]
