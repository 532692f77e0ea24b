"""What the schema (``model.py``) and the records the queries read (``frozen.py``) share: the coded values and
the one method of the bilingual text.

This module imports nothing heavy: the query path uses it without importing msgspec (see ``frozen.py``).
"""

from enum import Enum
from typing import Literal

Lang = Literal["en", "zh"]


class TextMethods:
    """The methods of a bilingual text; mixed into ``model.Text`` and into the frozen record ``Text``."""

    __slots__ = ()
    zh: str
    en: str

    def pick(self, lang: Lang) -> str:
        """The text in ``lang``: the one way code chooses a language."""
        return self.zh if lang == "zh" else self.en


class Comparator(str, Enum):
    """How a figure's value bounds the real quantity."""

    at_least = "at_least"
    more_than = "more_than"
    strive_to_exceed = "strive_to_exceed"
    exactly = "exactly"


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


# name -> class, for the frozen records: every coded value a model field may hold
ENUMS: dict[str, type[Enum]] = {e.__name__: e for e in (Comparator, FigureKind, Attribution, OfferKind)}
