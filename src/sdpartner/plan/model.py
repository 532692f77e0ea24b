"""The plan schema: immutable msgspec Structs, each kind of record declared once.

A kind of record is the field of ``Plan`` (or of a record that nests it) that holds it, annotated with a
``Kind``; a reference to another record is a field annotated with a ``Link``. Dates, places and amounts are
values with their own fields (``DateReading``, ``Place``, ``Amount``), never prose. Everything a plan file
holds is validated into these types at load time (``load.py``); queries and views never see raw TOML. The
JSON Schemas in ``schema/`` are generated from this module (``scripts/make_schema.py``).
"""

# No ``from __future__ import annotations`` here: msgspec would have to resolve every annotation from a
# string (typing.ForwardRef compiles each one), which costs ~20 ms of start-up on every command.
import math
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from msgspec import Meta, Struct
from msgspec.structs import force_setattr

from .declare import Kind, Link
from ..text import NonEmpty, T, Text

SCHEMA_VERSION = 2


class _Record(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """Base: immutable, unknown keys are errors (a typo in a plan file must not vanish).

    ``gc=False``: records form trees, never cycles, so the garbage collector need not track them; on a
    10 MB plan that makes decoding ~35% faster.
    """


# ----------------------------------------------------------------------------------------------
# Scalars
# ----------------------------------------------------------------------------------------------

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Meta(pattern=SLUG, max_length=80, description="lower-case ASCII id, words joined by '-'")]
Year = Annotated[int, Meta(ge=1900, le=2200)]
Paragraph = Annotated[int, Meta(ge=0, le=10_000, description="paragraph number in the primary article")]
Cites = Annotated[list[Paragraph], Meta(description="the paragraphs of the primary article a record comes from")]
Keywords = Annotated[list[Annotated[str, Meta(min_length=1, max_length=200)]],
                     Meta(description="search words and synonyms, in English and Chinese: what a reader would look for that the record is about (never a fact the record lacks)")]
Aliases = Annotated[list[Annotated[str, Meta(min_length=1, max_length=200)]],
                    Meta(description="other names the record is known by (official names, abbreviations, spellings); show and search find it by them")]
Quote = Annotated[str, Meta(min_length=1, max_length=120, description="a source's own words, kept short: the words that say it, not the sentence")]
Number = Annotated[float, Meta(ge=0, le=1e18, description="a finite number, not negative")]
IsoDay = Annotated[str, Meta(pattern=r"^\d{4}-\d{2}-\d{2}$", description="a day: YYYY-MM-DD")]
IsoDate = Annotated[str, Meta(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$",
                              description="ISO 8601 as precise as the source: 2021, 2021-07, 2021-07-15, or --06-27 for a day and month whose year no source states")]


def ref(targets: str | tuple[str, ...], code: str, words: Text, back: str, back_words: Text, key: type = str,
        close: bool = False, close_back: bool | None = None) -> object:
    """The type of a reference to a record of ``targets``, with the relation's words both ways (``close``: see ``Link``)."""
    kinds = (targets,) if isinstance(targets, str) else targets
    meta = Meta(description=f"the id of a {' or '.join(kinds)}", extra_json_schema={"x-references": list(kinds)})
    if key is int:
        return Annotated[int, meta, Link(targets, code, words, back, back_words, close, close_back)]
    return Annotated[str, Meta(pattern=SLUG, max_length=80), meta, Link(targets, code, words, back, back_words, close, close_back)]


# ----------------------------------------------------------------------------------------------
# Values: citations, dates, places, amounts
# ----------------------------------------------------------------------------------------------


class Citation(_Record, frozen=True, kw_only=True):
    """A citation of a source other than the primary article: which source, and where in it."""

    source: ref("source", "cites_source", T("来源", "cites source"), "cited_by", T("被引用", "cited by"))
    at: NonEmpty = "excerpt"


Sources = Annotated[list[Citation], Meta(description="the other sources (see the history's [[sources]]) a record comes from")]
Cited = Annotated[list[Citation], Meta(min_length=1, description="the sources this value comes from (at least one)")]

DateWhat = Literal["scheduled", "held", "opened", "closed", "reported", "during"]
YearKnown = Literal["stated", "page_date", "context", "not_stated"]


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def check_day(year: int, month: int, day: int) -> None:
    """ValueError, worded as ``datetime.date`` words it, unless ``year``-``month``-``day`` is a day of the calendar
    ``datetime.date`` knows (years 1-9999). Written out (a test checks it against ``datetime.date``): importing
    ``datetime`` costs about 2 ms of every command, and the plan's dates are checked on every load."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if not 1 <= day <= _MONTH_DAYS[month - 1] + leap:
        raise ValueError("day is out of range for month")


def _parse_iso(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ISO date as precise as written; ValueError for an impossible one."""
    if text.startswith("--"):
        month, day = int(text[2:4]), int(text[5:7])
        check_day(2000, month, day)  # a leap year: 29 February is a possible day whatever the year
        return None, month, day
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        check_day(parts[0], parts[1], parts[2])
    elif len(parts) == 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"month {parts[1]} is out of range")
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def in_year(iso: str, year: int) -> str:
    """A day and month written without a year (--08-18) in ``year`` (2023-08-18); any other date as it is."""
    return f"{year}{iso[1:]}" if iso.startswith("--") else iso


def _sort_key(text: str) -> tuple[int, int, int]:
    year, month, day = _parse_iso(text)
    return (year or 0, month or 0, day or 0)


class DateReading(_Record, frozen=True, kw_only=True):
    """When an event was (or was to be) held, as one source states it: ISO start and end as precise as the
    source, what the date is, how its year is known. ``precision`` is derived from how ``start`` is written."""

    start: IsoDate
    end: IsoDate | None = None
    what: DateWhat
    year_known: YearKnown = "stated"
    precision: Literal["day", "month", "year", ""] = ""
    note: Text | None = None
    sources: Sources = []
    cites: Cites = []

    def __post_init__(self) -> None:
        try:
            _parse_iso(self.start)
            if self.end is not None:
                _parse_iso(self.end)
        except ValueError as exc:
            raise ValueError(f"impossible date: {exc}") from None
        precision = "day" if len(self.start) in (7, 10) and self.start.count("-") in (2, 3) else "month" if len(self.start) == 7 else "year"
        if self.precision and self.precision != precision:
            raise ValueError(f"precision {self.precision!r} does not match start {self.start!r} ({precision})")
        force_setattr(self, "precision", precision)
        if self.end is not None:
            if (len(self.end) != len(self.start)) or self.end.startswith("--") != self.start.startswith("--"):
                raise ValueError(f"end {self.end!r} is not written like start {self.start!r}")
            if _sort_key(self.end) < _sort_key(self.start):
                raise ValueError(f"end {self.end} is before start {self.start}")
        if self.start.startswith("--") != (self.year_known == "not_stated"):
            raise ValueError("a date without a year (--MM-DD) has year_known = 'not_stated', and only such a date")
        if not self.sources and not self.cites:
            raise ValueError("cite the article's paragraphs or a source")

    @property
    def year(self) -> int | None:
        """The year, where one is known."""
        return None if self.start.startswith("--") else int(self.start[:4])


PlaceKnown = Literal["stated", "from_name", "inferred"]


class Place(_Record, frozen=True, kw_only=True):
    """A place as a value: its name, and how it is known (stated by a source, read from the event's name, or
    inferred by us, which a note explains)."""

    name: Text
    known: PlaceKnown = "stated"
    note: Text | None = None

    def __post_init__(self) -> None:
        if self.known == "inferred" and self.note is None:
            raise ValueError("an inferred place needs a note that says what it is inferred from")


class Qualifier(str, Enum):
    """How a number bounds the real quantity, as the source words it."""

    exact = "exact"
    about = "about"  # 约
    nearly = "nearly"  # 近
    at_least = "at_least"  # 以上
    more_than = "more_than"  # 余, 多, 超过
    up_to = "up_to"  # 最多, 不超过


Currency = Literal["CNY", "USD"]


class Amount(_Record, frozen=True, kw_only=True):
    """A number as a value: how much, of what (``unit``, or ``currency`` for money, in one unit: yuan, dollars),
    qualified as the source qualifies it, with the source's own wording (``original``) and its scope."""

    value: Number
    qualifier: Qualifier = Qualifier.exact
    unit: Text | None = None
    currency: Currency | None = None
    ordinal: bool = False  # a place in a ranking: "2nd" / "第2位"
    aim: bool = False  # the source words it as an aim (力争): "aim to exceed"
    original: Quote
    scope: Text | None = None

    def __post_init__(self) -> None:
        if self.value is not None and not math.isfinite(self.value):
            raise ValueError(f"expected a finite number, got {self.value}")
        if self.currency is not None and self.unit is not None:
            raise ValueError("money has a currency and no unit")


class Count(Amount, frozen=True, kw_only=True):
    """A headline number of an edition or event (companies, guests, exhibitors, deals ...), as one source gives it."""

    label: Text
    note: Text | None = None
    sources: Cited


# ----------------------------------------------------------------------------------------------
# The primary article, the plan, the dialogue
# ----------------------------------------------------------------------------------------------


class Article(_Record, frozen=True, kw_only=True):
    """The one article the plan's facts come from, and how its paragraphs are numbered."""

    id: Slug = "article"
    title: Text
    outlet: Text
    url: NonEmpty | None = None
    date: IsoDate | None = None
    authors: list[Text]
    file: NonEmpty
    paragraphs: Annotated[int, Meta(ge=1, le=10_000)]
    numbering: Text
    sections: list[Text] = []
    cites: Cites = []


class PlanInfo(_Record, frozen=True, kw_only=True):
    """The plan as a whole."""

    id: Slug
    name: Text
    short_name: Text
    year: Year
    released_at: ref("event", "released_at", T("发布于", "released at"), "releases", T("发布", "releases"))
    presented_by: ref("person", "presented_by", T("发布人", "presented by"), "presents", T("发布", "presents"))
    summary: Text
    reviewed: IsoDay | None = None  # the day the plan's year was last checked for reports (status)
    invitation: Text | None = None
    directions: list[Text] = []
    directions_note: Text | None = None
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []


class Presentation(_Record, frozen=True, kw_only=True):
    """Who presented what at the dialogue."""

    presenter: ref(("person", "city", "organisation"), "presented", T("发布/推介", "presented"), "presenter_at", T("对话会上发布", "presented at the dialogue"))
    subject: Text
    document: ref("document", "presents_document", T("发布文件", "presents document"), "presented_in", T("发布于对话会", "presented at the dialogue")) | None = None
    sources: Sources = []
    cites: Cites = []


class Dialogue(_Record, frozen=True, kw_only=True):
    """The dialogue at which the plan was released."""

    event: ref("event", "dialogue_of", T("对话会", "dialogue"), "is_dialogue", T("发布计划的对话会", "the dialogue itself"))
    theme: Text
    ambassador_countries: list[Text] = []
    attendees: list[Text] = []
    figures: list[ref("figure", "attendance", T("出席数字", "attendance figure"), "attendance_of", T("对话会出席", "attendance at the dialogue"))] = []
    agenda: Text | None = None
    standing: Text | None = None
    presentations: list[Presentation] = []
    sources: Sources = []
    cites: Cites = []


# ----------------------------------------------------------------------------------------------
# Records of the plan
# ----------------------------------------------------------------------------------------------

if TYPE_CHECKING:  # a type checker sees the numbers that the references are
    GroupKey: TypeAlias = int
    ActionKey: TypeAlias = int
else:
    GroupKey = ref("group", "in_group", T("属于行动组", "in group"), "group_member", T("本组内容", "in this group"), int)
    ActionKey = ref("action", "of_action", T("属于行动", "of action"), "action_member", T("本行动内容", "in this action"), int)


class Attribution(str, Enum):
    """How a measure or event is tied to an action: stated by the article, inferred by us, or group only."""

    stated = "stated"
    inferred = "inferred"
    group = "group"


class FigureKind(str, Enum):
    """A target the plan sets, or a status the article reports."""

    target = "target"
    status = "status"


class OfferKind(str, Enum):
    """What a city says about a field: it seeks partners, promotes an industry, features a cluster, or claims a strength."""

    seeking = "seeking"
    industry = "industry"
    cluster = "cluster"
    strength = "strength"


class Document(_Record, frozen=True, kw_only=True):
    """A document released at the dialogue."""

    id: Slug
    name: Text
    presented_by: ref("person", "presented_by", T("发布人", "presented by"), "presents", T("发布", "presents"), close=True) | None = None
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []


class Role(_Record, frozen=True, kw_only=True):
    """A person's title at an organisation."""

    title: Text
    organisation: ref("organisation", "role_at", T("任职于", "works at"), "has_person", T("人员", "person")) | None = None
    sources: Sources = []
    cites: Cites = []


class Person(_Record, frozen=True, kw_only=True):
    """A named person."""

    id: Slug
    name: Text
    roles: list[Role] = []
    sources: Sources = []
    cites: Cites = []


class Organisation(_Record, frozen=True, kw_only=True):
    """A government body, bank or other organisation the sources name."""

    id: Slug
    name: Text
    kind: Text
    shareholder: ref("organisation", "shareholder", T("股东", "shareholder"), "holds_share_in", T("持股", "holds a share in"), close=True) | None = None
    facts: list[Text] = []
    figures: list[ref("figure", "reports", T("数字", "reports figure"), "reported_by", T("数字来自", "reported by"), close=True)] = []
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []


class Group(_Record, frozen=True, kw_only=True):
    """One of the four groups of actions."""

    id: Annotated[int, Meta(ge=1, le=100)]
    slug: Slug
    name: Text
    summary: Text
    keywords: Keywords = []
    cites: Cites = []


class Action(_Record, frozen=True, kw_only=True):
    """One of the ten actions."""

    id: Annotated[int, Meta(ge=1, le=1000)]
    slug: Slug
    group: GroupKey
    name: Text
    summary: Text
    summary_note: Text | None = None  # where the summary is our reading of a short wording, it says so
    keywords: Keywords = []
    cites: Cites = []


class Measure(_Record, frozen=True, kw_only=True):
    """A concrete measure, attached to a group and, where the text allows, to an action."""

    id: Slug
    group: GroupKey
    action: ActionKey | None = None
    attribution: Attribution
    text: Text
    programmes: list[ref("programme", "names_programme", T("涉及项目", "names programme"), "named_in", T("见于举措", "named in measure"))] = []
    figures: list[ref("figure", "names_figure", T("涉及数字", "names figure"), "measured_in", T("见于举措", "named in measure"))] = []
    events: list[ref("event", "names_event", T("涉及活动", "names event"), "held_under", T("见于举措", "named in measure"))] = []
    cities: list[ref("city", "names_city", T("涉及城市", "names city"), "named_in", T("见于举措", "named in measure"))] = []
    keywords: Keywords = []
    cites: Cites = []


class Programme(_Record, frozen=True, kw_only=True):
    """A named programme, brand, campaign, mechanism or platform."""

    id: Slug
    name: Text
    kind: Text
    summary: Text
    aliases: Aliases = []
    keywords: Keywords = []
    cites: Cites = []


class Figure(Amount, frozen=True, kw_only=True):
    """A number the plan sets (a target) or the article reports (a status)."""

    id: Slug
    label: Text
    year: Year | None = None
    time: Text | None = None
    kind: FigureKind
    subject: ref(("organisation", "city"), "about", T("关于", "about"), "has_figure", T("相关数字", "figure about it"), close=True) | None = None
    note: Text | None = None
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []


class Occurrence(_Record, frozen=True, kw_only=True):
    """What an event or an edition of a series has once sources report on it: dates, places, counts."""

    dates: list[DateReading] = []
    place: Place | None = None
    venue: Place | None = None
    theme: Text | None = None
    organisers: list[Text] = []
    counts: list[Count] = []
    note: Text | None = None


UNNAMED = Text(zh="", en="")  # an event of a series that takes its name from the series


class Event(Occurrence, frozen=True, kw_only=True):
    """An event the plan names. One that belongs to a series names the series and its edition number and takes
    its name from the series (``name`` only where the plan words it otherwise)."""

    id: Slug
    name: Text = UNNAMED  # derived from the series when not given (check.py)
    kind: Text
    year: Year | None = None
    year_from_plan: bool = False  # the year is the plan's year, not one the source gives for the event
    series: ref("series", "in_series", T("属于系列", "in series"), "has_plan_event", T("计划中的活动", "event of a plan")) | None = None
    edition: Annotated[int, Meta(ge=1, le=10_000)] | None = None
    city: ref("city", "in_city", T("所在城市", "in city"), "has_event", T("相关活动", "event")) | None = None
    group: GroupKey | None = None
    action: ActionKey | None = None
    attribution: Attribution | None = None
    aliases: Aliases = []
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []


class Sector(_Record, frozen=True, kw_only=True):
    """A field in our own cross-city index (not a fact of the article: a way to find the cities' wording)."""

    id: Slug
    name: Text
    keywords: Keywords = []


class Offer(_Record, frozen=True, kw_only=True):
    """A field a city presented, in the city's own framing, linked to sectors of the index."""

    id: Slug
    name: Text
    kind: OfferKind
    sectors: list[ref("sector", "in_sector", T("所属行业", "in sector"), "has_offer", T("城市推介条目", "city offer"))] = []
    keywords: Keywords = []


def _offer_title(offer: Offer, city: "City", _plan: object) -> Text:
    return T(f"{city.name.zh}:{offer.name.zh}", f"{city.name.en}: {offer.name.en}")


class City(_Record, frozen=True, kw_only=True):
    """A city that presented its 2026 priority investment fields."""

    id: Slug
    name: Text
    aliases: Aliases = []
    framing: Text
    highlights: list[Text] = []
    offers: Annotated[list[Offer], Kind(
        "offer", T("城市推介条目", "city offer"), T("城市推介条目", "city offers"), T("各市推介的领域、集群与优势,按城市自己的表述", "What each city presented, in its own wording"),
        title=_offer_title, names=("id", "name"), search=(("name", "name"), ("keywords", "keyword")), compared=True,
        parent=Link("city", "offered_by", T("推介城市", "offered by city"), "offers", T("推介条目", "offers")))] = []
    sources: Sources = []
    cites: Cites = []


class Statement(_Record, frozen=True, kw_only=True):
    """Something else the article says, in our words."""

    id: Slug
    topic: Text
    text: Text
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []


# ----------------------------------------------------------------------------------------------
# History: shared by every year's plan
# ----------------------------------------------------------------------------------------------

Reliability = Literal["official", "major", "minor", "release", "repost", "weak"]


class Source(_Record, frozen=True, kw_only=True):
    """A public page other than the primary article that records cite. ``reliability`` rates it by who issued
    it; a weak source says in ``caveat`` how a reader should take it (shown wherever its facts appear)."""

    id: Slug
    url: NonEmpty | None = None
    outlet: Text
    issuer: Text | None = None
    author: str | None = None
    date: IsoDate | None = None
    date_note: Text | None = None
    language: NonEmpty
    reliability: Reliability
    caveat: Text | None = None
    file: NonEmpty
    about: Text
    keywords: Keywords = []

    def __post_init__(self) -> None:
        if (self.reliability == "weak") != (self.caveat is not None):
            raise ValueError("a weak source has a caveat (e.g. 'an exhibitor's account'), and only a weak one")


class Series(_Record, frozen=True, kw_only=True):
    """A recurring event; its editions are history ``[[editions]]`` and the plans' events that name it.
    ``edition_name`` words one edition's name from its number: ``{nth}`` (1st) and ``{cn}`` (一)."""

    id: Slug
    name: Text
    aliases: Aliases = []
    edition_name: Text | None = None
    organisers: list[Text] = []
    note: Text | None = None
    keywords: Keywords = []
    sources: Sources = []
    cites: Cites = []

    def __post_init__(self) -> None:
        if self.edition_name is not None:
            for text in (self.edition_name.zh, self.edition_name.en):
                _check_template(text)

    def name_of(self, number: int | None) -> Text:
        """The name of its edition ``number``: from ``edition_name`` when there is a number, else the series' name."""
        if number is None or self.edition_name is None:
            return self.name
        from ..text import cn_number, nth

        words = {"nth": nth(number), "cn": cn_number(number), "n": number}
        return Text(zh=self.edition_name.zh.format(**words), en=self.edition_name.en.format(**words))


EDITION_PLACEHOLDERS = ("nth", "cn", "n")


def _check_template(text: str) -> None:
    """ValueError unless ``text`` is literal text with {nth}, {cn} or {n} (and {{ }} for braces) only."""
    # what str.format reads a template with (string.Formatter's parser, without importing string: 0.5 ms a run)
    from _string import formatter_parser  # type: ignore[import-not-found]

    try:
        fields = [(name, spec, conv) for _, name, spec, conv in formatter_parser(text) if name is not None]
    except ValueError as exc:
        raise ValueError(f"edition_name {text!r}: {exc} (write {{{{ and }}}} for a brace)") from None
    for name, spec, conv in fields:
        if name not in EDITION_PLACEHOLDERS or spec or conv:
            raise ValueError(f"edition_name {text!r}: unknown placeholder {{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}};"
                             " use {nth} (1st), {cn} (一) or {n} (1)")


class Edition(Occurrence, frozen=True, kw_only=True):
    """An earlier edition of a series, with what the sources say of it, every value cited."""

    id: Slug
    series: ref("series", "edition_of", T("属于系列", "edition of"), "has_edition", T("往届", "edition"))
    edition: Annotated[int, Meta(ge=1, le=1000)] | None = None
    name: Text
    aliases: Aliases = []
    year: Year | None = None
    year_note: Text | None = None
    same_as: Slug | None = None  # the id of the plan event this edition was in its year's plan: that plan shows its own record
    keywords: Keywords = []
    sources: Cited


class Observation(Amount, frozen=True, kw_only=True):
    """An earlier (or later) reading of a figure of the plan (the sister-city count in 2023, say), as a source gives it."""

    id: Slug
    figure: ref("figure", "reading_of", T("数字读数", "reading of"), "has_reading", T("历年读数", "reading"))
    as_of: IsoDate
    value: Number | None = None  # type: ignore[assignment]
    note: Text | None = None
    sources: Cited


class Fact(_Record, frozen=True, kw_only=True):
    """Something a source states about records of the plan or its history that is not one of their own fields
    (a guest city, a cumulative total, a goal, an initiative released), in our words, with its numbers as values."""

    id: Slug
    about: list[ref(("event", "edition", "series", "figure", "person", "organisation", "document", "city"), "fact_about", T("关于", "about"),
                    "has_fact", T("相关事实", "fact"), close=True, close_back=False)]
    date: IsoDate | None = None
    text: Text
    original: Quote | None = None
    counts: list[Count] = []
    note: Text | None = None
    sources: Cited


# ----------------------------------------------------------------------------------------------
# The plan's year as it happens
# ----------------------------------------------------------------------------------------------

StatusCode = Literal["scheduled", "opened", "held", "closed", "met", "partly_met", "missed"]


class Evidence(_Record, frozen=True, kw_only=True):
    """What a status rests on: a source, the date of the evidence, and the source's own words that say so (short)."""

    source: ref("source", "cites_source", T("来源", "cites source"), "cited_by", T("被引用", "cited by"))
    date: IsoDay
    wording: Quote


class Status(_Record, frozen=True, kw_only=True):
    """One status reading of an event or target of the plan's year. Readings are a history: a later one is
    added, never written over an earlier one."""

    id: Slug
    item: ref(("event", "figure"), "status_of", T("状态所属", "status of"), "has_status", T("进展", "status"))
    status: StatusCode
    evidence: Annotated[list[Evidence], Meta(min_length=1)]
    note: Text | None = None


# ----------------------------------------------------------------------------------------------
# The whole plan: a plan file joined with the history files
# ----------------------------------------------------------------------------------------------


def _reading_title(o: Observation, _parent: object, plan: object) -> Text:
    figure = next((f for f in getattr(plan, "figures", []) if f.id == o.figure), None)
    if figure is None:
        return T(f"历年读数({o.as_of}):{o.original}", f"Reading of {o.as_of}: {o.original}")
    return T(f"{figure.label.zh}({o.as_of}):{o.original}", f"{figure.label.en} ({o.as_of}): {o.original}")


def _source_title(s: Source, _parent: object, _plan: object) -> Text:
    return T(f"{s.outlet.zh}:{s.about.zh}", f"{s.outlet.en}: {s.about.en}")


def _status_title(s: Status, _parent: object, _plan: object) -> Text:
    from ..words import WORDS

    words = WORDS[f"st_{s.status}"]
    return T(f"进展:{words.zh}({s.evidence[-1].date})", f"Status: {words.en} ({s.evidence[-1].date})")


_NAME = (("name", "name"), ("aliases", "alias"), ("keywords", "keyword"))


class Plan(_Record, frozen=True, kw_only=True):
    """A plan: one year's plan file joined with the history shared by every year."""

    schema_version: Annotated[int, Meta(ge=1, le=SCHEMA_VERSION)]
    article: Annotated[Article, Kind("article", T("主要文章", "article"), T("主要文章", "articles"), T("计划的主要来源:发布计划的文章", "The plan's primary source: the article that reports it"),
                                     title="title", names=("id", "title"), prior=0.7, search=(("outlet", "name"), ("authors", "text")))]
    plan: Annotated[PlanInfo, Kind("plan", T("计划", "plan"), T("计划", "plans"), T("计划整体(一行)", "The plan as a whole (one row)"),
                                   names=("id", "name", "short_name"), search=(("short_name", "name"), ("keywords", "keyword"), ("summary", "text"), ("directions", "text")))]
    dialogue: Dialogue
    documents: Annotated[list[Document], Kind("document", T("文件", "document"), T("文件", "documents"), T("对话会上发布的文件", "Documents released at the dialogue"),
                                              search=(("keywords", "keyword"),))] = []
    people: Annotated[list[Person], Kind("person", T("人物", "person"), T("人物", "people"), T("来源提到的人物", "People the sources name"),
                                         search=(("roles.title", "text"),))] = []
    organisations: Annotated[list[Organisation], Kind("organisation", T("机构", "organisation"), T("机构", "organisations"), T("来源提到的机构", "Organisations the sources name"),
                                                      search=(("keywords", "keyword"), ("kind", "text"), ("facts", "text")))] = []
    groups: Annotated[list[Group], Kind("group", T("行动组", "group"), T("行动组", "groups"), T("四组行动", "The groups of actions"),
                                        names=("slug", "name"), handle="slug", search=(("slug", "name"), ("keywords", "keyword"), ("summary", "text")))] = []
    actions: Annotated[list[Action], Kind("action", T("行动", "action"), T("行动", "actions"), T("十项行动", "The actions"),
                                          names=("id", "slug", "name"), search=(("slug", "name"), ("keywords", "keyword"), ("summary", "text")), compared=True)] = []
    measures: Annotated[list[Measure], Kind("measure", T("举措", "measure"), T("举措", "measures"), T("具体举措,归于一组,文意允许时归于一项行动(见attribution)", "Concrete measures, tied to a group and, where the article allows, an action (see attribution)"),
                                            title="text", names=("id",), search=(("keywords", "keyword"),), compared=True)] = []
    programmes: Annotated[list[Programme], Kind("programme", T("项目/品牌", "programme"), T("项目与品牌", "programmes"), T("具名的项目、品牌与机制", "Named programmes, brands and mechanisms"),
                                                search=(*_NAME, ("summary", "text"), ("kind", "text")))] = []
    figures: Annotated[list[Figure], Kind("figure", T("数字", "figure"), T("数字", "figures"), T("目标与现状数字;金额以元或美元计,original为来源原文", "Targets and status figures; money in yuan or US dollars, original is the source's wording"),
                                          title="label", names=("id", "label"), search=(("original", "name"), ("keywords", "keyword"), ("scope", "text"), ("note", "text"), ("time", "text")),
                                          compared=True)] = []
    events: Annotated[list[Event], Kind("event", T("活动", "event"), T("活动", "events"), T("计划提到的活动", "Events the plan names"),
                                        search=(*_NAME, ("kind", "text"), ("place.name", "text"), ("venue.name", "text"), ("theme", "text"), ("counts.label", "text"), ("note", "text")),
                                        compared=True)] = []
    sectors: Annotated[list[Sector], Kind("sector", T("行业", "sector"), T("行业", "sectors"), T("我们自建的跨城市行业索引(并非来源事实)", "Our own cross-city index of sectors (not a fact of the sources)"),
                                          search=(("keywords", "keyword"),))] = []
    cities: Annotated[list[City], Kind("city", T("城市", "city"), T("城市", "cities"), T("推介城市", "The presenting cities"),
                                       search=(("aliases", "alias"), ("highlights", "text"), ("framing", "text")), compared=True)] = []
    statements: Annotated[list[Statement], Kind("statement", T("表述", "statement"), T("表述", "statements"), T("文章的其他表述,用我们的话", "Other statements of the article, in our words"),
                                                title="topic", names=("id", "topic"), search=(("keywords", "keyword"), ("text", "text")))] = []
    statuses: Annotated[list[Status], Kind("status", T("进展", "status"), T("进展", "statuses"), T("计划年度内活动与目标的进展,每条都有证据", "The status of the plan year's events and targets, each with its evidence"),
                                           title=_status_title, names=("id",), search=(("evidence.wording", "text"), ("note", "text")))] = []
    sources: Annotated[list[Source], Kind("source", T("来源", "source"), T("来源", "sources"), T("主要文章以外的来源", "Sources other than the primary article"),
                                          title=_source_title, names=("id", "file"), history=True, prior=0.6,
                                          search=(("outlet", "name"), ("about", "text"), ("author", "text"), ("date", "text"), ("keywords", "keyword")))] = []
    series: Annotated[list[Series], Kind("series", T("活动系列", "series"), T("活动系列", "series"), T("计划提到的系列活动", "Recurring events the plan names"),
                                         history=True, prior=0.9, search=(*_NAME, ("note", "text"), ("organisers", "text")), cited=False)] = []
    editions: Annotated[list[Edition], Kind("edition", T("往届活动", "edition"), T("往届活动", "editions"), T("系列活动的往届", "Earlier editions of the series"),
                                            history=True, prior=0.8,
                                            search=(*_NAME, ("year", "keyword"), ("place.name", "keyword"), ("venue.name", "text"), ("theme", "text"), ("note", "text"),
                                                    ("organisers", "text"), ("dates.start", "text"), ("counts.label", "text")))] = []
    facts: Annotated[list[Fact], Kind("fact", T("事实", "fact"), T("事实", "facts"), T("来源陈述的其他事实,附数字与出处", "Other facts the sources state, with their numbers and sources"),
                                      title="text", names=("id",), history=True, prior=0.8, search=(("text", "text"), ("counts.label", "text"), ("note", "text")))] = []
    observations: Annotated[list[Observation], Kind("observation", T("历年数字", "reading"), T("历年数字", "readings"), T("计划中数字的历年读数", "Other readings of the plan's figures"),
                                                    title=_reading_title, names=("id",), history=True, prior=0.8,
                                                    search=(("as_of", "keyword"), ("original", "text"), ("note", "text")))] = []
