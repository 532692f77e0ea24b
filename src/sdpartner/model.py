"""The plan schema: immutable msgspec Structs, declared once, with the bilingual text type.

Everything the tool knows is validated into these types at load time (see ``load.py``); queries and
renderers never see raw TOML dictionaries. The JSON Schema in ``schema/plan.schema.json`` is generated
from :class:`Plan`.
"""

# No ``from __future__ import annotations`` here: msgspec would have to resolve every annotation from a
# string (typing.ForwardRef compiles each one), which costs ~20 ms of start-up on every command.
import datetime as _dt
from enum import Enum
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

SCHEMA_VERSION = 1

Lang = Literal["en", "zh"]


class Comparator(str, Enum):
    """How a figure's value bounds the real quantity."""

    at_least = "at_least"
    more_than = "more_than"
    strive_to_exceed = "strive_to_exceed"
    exactly = "exactly"
    about = "about"  # 约
    nearly = "nearly"  # 近


class FigureKind(str, Enum):
    """A target the plan sets, or a status the article reports."""

    target = "target"
    status = "status"


class Attribution(str, Enum):
    """How a measure or event is tied to an action: stated by the article, inferred by us, or group only."""

    stated = "stated"
    inferred = "inferred"
    group = "group"


class OfferKind(str, Enum):
    """What a city says about a field: it seeks partners, promotes an industry, features a cluster, or claims a strength."""

    seeking = "seeking"
    industry = "industry"
    cluster = "cluster"
    strength = "strength"


Slug = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80, description="lower-case ASCII id, words joined by '-'")]
Paragraph = Annotated[int, Meta(ge=0, le=10_000, description="paragraph number in the source article")]
Cites = Annotated[list[Paragraph], Meta(description="the paragraphs of the primary article a record comes from")]
When = Annotated[str, Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}-\d{2}-\d{2})?$",
                           description="a date as precise as a source gives it: 2021, 2021-07, 2021-07-15, or a range 2022-06-19/2022-06-21")]
Keywords = Annotated[list[Annotated[str, Meta(min_length=1, max_length=200)]], Meta(description="search words and synonyms, in English and Chinese: what a reader would look for that the record is about (never a fact the record lacks)")]
NonEmpty = Annotated[str, Meta(min_length=1)]


class _Record(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """Base: immutable, unknown keys are errors (a typo in a plan file must not vanish).

    ``gc=False``: records form trees, never cycles, so the garbage collector need not track them; on a
    10 MB plan that makes decoding ~35% faster.
    """


class Ref(_Record, kw_only=True):
    """A citation of a source other than the primary article: which source, and where in it."""

    source: Slug
    at: NonEmpty = "excerpt"


Refs = Annotated[list[Ref], Meta(description="the other sources (see [[sources]]) a record comes from")]
Reliability = Literal["official", "major", "minor", "repost"]


class Text(_Record, kw_only=True):
    """A text in Chinese (as in the source) and English (our translation)."""

    zh: NonEmpty
    en: NonEmpty

    def pick(self, lang: Lang) -> str:
        """The text in ``lang``: the one way code chooses a language."""
        return self.zh if lang == "zh" else self.en


class Source(_Record, kw_only=True):
    """The one article every fact comes from, and how its paragraphs are numbered."""

    title: Text
    outlet: Text
    authors: list[Text]
    file: NonEmpty
    paragraphs: Annotated[int, Meta(ge=1, le=10_000)]
    numbering: Text
    sections: list[Text] = []
    cites: Cites = []


class PlanInfo(_Record, kw_only=True):
    """The plan as a whole."""

    id: Slug
    name: Text
    short_name: Text
    year: Annotated[int, Meta(ge=1900, le=2200)]
    released_at: Slug
    presented_by: Slug
    summary: Text
    invitation: Text | None = None
    directions: list[Text] = []
    directions_note: Text | None = None
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class Presentation(_Record, kw_only=True):
    """Who presented what at the dialogue; ``presenter`` is a person, city or organisation id."""

    presenter: Slug
    subject: Text
    document: Slug | None = None
    cites: Cites = []


class Dialogue(_Record, kw_only=True):
    """The dialogue at which the plan was released."""

    event: Slug
    theme: Text
    ambassador_countries: list[Text] = []
    attendees: list[Text] = []
    figures: list[Slug] = []
    agenda: Text | None = None
    standing: Text | None = None
    presentations: list[Presentation] = []
    sources: Refs = []
    cites: Cites = []


class Document(_Record, kw_only=True):
    """A document released at the dialogue."""

    id: Slug
    name: Text
    presented_by: Slug | None = None
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class Role(_Record, kw_only=True):
    """A person's title at an organisation."""

    title: Text
    organisation: Slug


class Person(_Record, kw_only=True):
    """A named person."""

    id: Slug
    name: Text
    roles: list[Role] = []
    cites: Cites = []


class Organisation(_Record, kw_only=True):
    """A government body, bank or other organisation the article names."""

    id: Slug
    name: Text
    kind: Text
    shareholder: Slug | None = None
    facts: list[Text] = []
    figures: list[Slug] = []
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class Group(_Record, kw_only=True):
    """One of the four groups of actions."""

    id: Annotated[int, Meta(ge=1, le=100)]
    slug: Slug
    name: Text
    summary: Text
    keywords: Keywords = []
    cites: Cites = []


class Action(_Record, kw_only=True):
    """One of the ten actions."""

    id: Annotated[int, Meta(ge=1, le=1000)]
    slug: Slug
    group: int
    name: Text
    summary: Text
    keywords: Keywords = []
    cites: Cites = []


class Measure(_Record, kw_only=True):
    """A concrete measure, attached to a group and, where the text allows, to an action."""

    id: Slug
    group: int
    action: int | None = None
    attribution: Attribution
    text: Text
    programmes: list[Slug] = []
    figures: list[Slug] = []
    events: list[Slug] = []
    cities: list[Slug] = []
    keywords: Keywords = []
    cites: Cites = []


class Programme(_Record, kw_only=True):
    """A named programme, brand, campaign, mechanism or platform."""

    id: Slug
    name: Text
    kind: Text
    summary: Text
    keywords: Keywords = []
    cites: Cites = []


class Figure(_Record, kw_only=True):
    """A number: a target the plan sets or a status the article reports."""

    id: Slug
    label: Text
    value: Annotated[float, Meta(ge=0)]
    unit: Text
    comparator: Comparator
    year: Annotated[int, Meta(ge=1900, le=2200)] | None = None
    time: Text | None = None
    kind: FigureKind
    scope: Text
    original: NonEmpty
    ordinal: bool = False  # the value is a place in a ranking: shown as "2nd" / "第2位"
    subject: Slug | None = None
    note: Text | None = None
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class Event(_Record, kw_only=True):
    """An event: date, city and place only where the article gives them."""

    id: Slug
    name: Text
    kind: Text
    year: Annotated[int, Meta(ge=1900, le=2200)] | None = None
    year_from_plan: bool = False  # the year is the plan's year, not one the source gives for the event
    date: _dt.date | None = None
    edition: Annotated[int, Meta(ge=1, le=10_000)] | None = None
    city: Slug | None = None
    place: Text | None = None
    place_from_name: bool = False
    series: Text | None = None
    group: int | None = None
    action: int | None = None
    attribution: Attribution | None = None
    note: Text | None = None
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class Sector(_Record, kw_only=True):
    """A field in our own cross-city index (not a fact of the article: a way to find the cities' wording)."""

    id: Slug
    name: Text
    keywords: Keywords = []


class Offer(_Record, kw_only=True):
    """A field a city presented, in the city's own framing, linked to sectors of the index."""

    id: Slug
    name: Text
    kind: OfferKind
    sectors: list[Slug] = []
    keywords: Keywords = []


class City(_Record, kw_only=True):
    """A city that presented its 2026 priority investment fields."""

    id: Slug
    name: Text
    aliases: list[NonEmpty] = []
    framing: Text
    highlights: list[Text] = []
    offers: list[Offer] = []
    cites: Cites = []


class Statement(_Record, kw_only=True):
    """Something else the article says, in our words."""

    id: Slug
    topic: Text
    text: Text
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class SourceDoc(_Record, kw_only=True):
    """A public page other than the primary article that records cite (``[[sources]]``)."""

    id: Slug
    url: NonEmpty
    outlet: Text
    author: str | None = None
    date: When | None = None
    date_note: Text | None = None
    language: NonEmpty
    reliability: Reliability
    file: NonEmpty
    about: Text
    keywords: Keywords = []


class Count(_Record, kw_only=True):
    """A headline number of an edition (companies, guests, exhibitors, deals ...), as one source gives it."""

    label: Text
    value: Annotated[float, Meta(ge=0)]
    unit: Text | None = None  # money and areas have one; a count of companies or guests says what it counts in its label
    comparator: Comparator = Comparator.exactly
    original: NonEmpty
    scope: Text | None = None
    note: Text | None = None
    sources: Annotated[list[Ref], Meta(min_length=1)]


class Dates(_Record, kw_only=True):
    """When an edition was (or was to be) held, as one source states it."""

    when: When
    status: Literal["held", "scheduled", "opened", "closed", "planned", "reported"]
    year_from_context: bool = False  # the source gives day and month; the year comes from its date or sequence
    note: Text | None = None
    sources: Annotated[list[Ref], Meta(min_length=1)]


class Series(_Record, kw_only=True):
    """A recurring event the plan names; its editions are ``[[editions]]``."""

    id: Slug
    name: Text
    events: list[Slug] = []
    organisers: list[Text] = []
    note: Text | None = None
    keywords: Keywords = []
    sources: Refs = []
    cites: Cites = []


class Edition(_Record, kw_only=True):
    """An earlier (or planned) edition of a series, with what the sources say of it, every value cited."""

    id: Slug
    series: Slug
    edition: Annotated[int, Meta(ge=1, le=1000)] | None = None
    name: Text
    year: Annotated[int, Meta(ge=1900, le=2200)] | None = None
    year_note: Text | None = None
    dates: list[Dates] = []
    city: Text | None = None
    venue: Text | None = None
    organisers: list[Text] = []
    counts: list[Count] = []
    note: Text | None = None
    keywords: Keywords = []
    sources: Annotated[list[Ref], Meta(min_length=1)]


class Observation(_Record, kw_only=True):
    """One earlier reading of a figure of the plan (the sister-city count in 2023, say), as a source gives it."""

    id: Slug
    figure: Slug
    when: When
    value: Annotated[float, Meta(ge=0)] | None = None
    original: NonEmpty
    note: Text | None = None
    sources: Annotated[list[Ref], Meta(min_length=1)]


class Plan(_Record, kw_only=True):
    """A whole plan file."""

    schema_version: Annotated[int, Meta(ge=1, le=SCHEMA_VERSION)]
    source: Source
    plan: PlanInfo
    dialogue: Dialogue
    documents: list[Document] = []
    people: list[Person] = []
    organisations: list[Organisation] = []
    groups: list[Group] = []
    actions: list[Action] = []
    measures: list[Measure] = []
    programmes: list[Programme] = []
    figures: list[Figure] = []
    events: list[Event] = []
    sectors: list[Sector] = []
    cities: list[City] = []
    statements: list[Statement] = []
    sources: list[SourceDoc] = []
    series: list[Series] = []
    editions: list[Edition] = []
    observations: list[Observation] = []


def json_schema() -> dict[str, object]:
    """The JSON Schema of a plan file, for editors with TOML schema support."""
    schema = msgspec.json.schema(Plan)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "sdpartner plan file"
    return schema
