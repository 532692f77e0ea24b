"""The two markers a declaration carries: ``Kind`` on the plan field that holds a kind of record, ``Link`` on a
field that refers to records of other kinds.

Everything else is derived from them (``catalogue.py``): reference checks, ``show``'s links both ways, search
fields and the relations search follows to related hits, the kinds ``diff`` compares, which records must cite,
the counts ``validate`` prints, the SQLite tables and foreign keys, the JSON Schema's references, the words
people read for a kind. Declaring a new kind of record is one annotated field on ``Plan`` (or on the
record that nests it) plus its struct.
"""

from collections.abc import Callable
from typing import Any

from ..text import Text


DECLARED: list["Link"] = []  # every relation declared, in the order of declaration (the words of its codes: links.relation_words)


class Link:
    """A reference to records of one or more kinds, with the relation's code and words read both ways.

    ``close``: search brings the record at the other end of the relation as a related hit (a bank's shareholder,
    what a figure is about); ``close_back``: likewise read backwards (by default as ``close``)."""

    __slots__ = ("targets", "code", "words", "back_code", "back_words", "close", "close_back")

    def __init__(self, targets: str | tuple[str, ...], code: str, words: Text, back_code: str, back_words: Text,
                 close: bool = False, close_back: bool | None = None) -> None:
        self.targets = (targets,) if isinstance(targets, str) else targets
        self.code, self.words, self.back_code, self.back_words = code, words, back_code, back_words
        self.close, self.close_back = close, close if close_back is None else close_back
        DECLARED.append(self)

    def __repr__(self) -> str:
        return f"Link({self.targets}, {self.code!r})"


Title = Callable[[Any, Any, Any], Text]  # (record, parent record or None, the plan) -> its title


class Kind:
    """A kind of record: its code, its words in both languages, how it is titled, named and searched.

    ``title``: the field whose Text titles a record, or a function of (record, parent, plan). ``names``: the fields a
    record answers to in ``show`` (texts in both languages, strings, lists of them). ``search``: (field path,
    weight class) pairs; a path may step into lists and nested values (``counts.label``). ``handle``: the field
    that is the record's id for people (a slug where the key is a number). ``history``: the kind lives in the
    history files shared by every year's plan. ``parent``: the relation of a nested kind to its parent.
    ``compared``: ``diff`` compares its records between plans. ``cited``: a record must cite the article or a
    source, where its kind has the fields to.
    """

    __slots__ = ("code", "words", "plural", "about", "title", "names", "search", "history", "key", "handle", "parent", "prior", "compared", "cited")

    def __init__(self, code: str, words: Text, plural: Text, about: Text, *, title: str | Title = "name",
                 names: tuple[str, ...] = ("id", "name", "aliases"), search: tuple[tuple[str, str], ...] = (),
                 history: bool = False, key: str = "id", handle: str = "id", parent: Link | None = None, prior: float = 1.0,
                 compared: bool = False, cited: bool = True) -> None:
        self.code, self.words, self.plural, self.about = code, words, plural, about
        self.title, self.names, self.search, self.history = title, names, search, history
        self.key, self.handle, self.parent, self.prior = key, handle, parent, prior
        self.compared, self.cited = compared, cited

    def __repr__(self) -> str:
        return f"Kind({self.code!r})"
