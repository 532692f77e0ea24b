"""Every record of a plan by kind and id, the names it answers to, and finding one as a person names it.

``find_record`` resolves the way a person reads: an id opens its record; an exact name opens the record of
the plan first (then the history's, then sources), with the others that share the name listed as "also
named"; a name without its bracketed parts, an alias, or a part of one name only works too. Only a true
tie between records of equal standing is an error that lists them.
"""

import re
from collections.abc import Callable, Iterable
from functools import cache, wraps
from itertools import chain
from typing import Any, TypeVar

import msgspec

from ..errors import NotFound
from ..names import fold, has_cjk, simplified, words
from ..plan import catalogue as cat
from ..plan.model import Plan
from ..text import Text


class Entry(msgspec.Struct, frozen=True):
    """A record of any kind: what ``show`` opens and ``search`` finds (the names it answers to: ``entry_names``)."""

    kind: str
    id: str
    title: Text
    record: Any
    parent: Any = None


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Text):
        return [value.en, value.zh]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return [str(value)]


@cat.per_plan
def entries(plan: Plan) -> list[Entry]:
    """Every record of the plan, in the catalogue's order, each with its kind, id and title (made once per plan)."""
    out: list[Entry] = []
    for info in cat.kinds():
        for record, parent in cat.records(plan, info):
            out.append(Entry(info.code, cat.handle(info, record), cat.title(info, record, parent, plan), record, parent))
    return out


@cat.per_plan
def entry_names(plan: Plan) -> list[tuple[str, ...]]:
    """The names each record of ``entries(plan)`` answers to, in its order: the fields its kind declares as names, and
    an edition's name as its series words it (made once per plan, and only where a name is looked for among them
    all: reading them costs more than the entries)."""
    series = {s.id: s for s in plan.series}
    declared = {info.code: info.decl.names for info in cat.kinds()}
    out: list[tuple[str, ...]] = []
    for e in entries(plan):
        record = e.record
        found = [n for f in declared[e.kind] for n in _names(getattr(record, f, None))]
        number, of = getattr(record, "edition", None), series.get(getattr(record, "series", None) or "")
        if number is not None and of is not None and of.edition_name is not None:  # the series' name for it: 第二届跨国公司领导人青岛峰会
            found += _names(of.name_of(number))
        out.append(tuple(dict.fromkeys(n for n in found if n)))
    return out


@cat.per_plan
def record_places(plan: Plan) -> dict[tuple[str, str], int]:
    """(kind, id) -> the record's place in ``entries(plan)`` (made once per plan: what the cached links refer to)."""
    return {(e.kind, e.id): i for i, e in enumerate(entries(plan))}


def entry_of(plan: Plan, kind: str, rid: str) -> Entry | None:
    """The record of a kind by its id, or None (link titles, search and the MCP server ask)."""
    place = record_places(plan).get((kind, rid))
    return None if place is None else entries(plan)[place]


def handles(plan: Plan, info: cat.KindInfo) -> dict[Any, str]:
    """A kind's keys (what references hold) -> ids people use (a group's number -> its slug)."""
    return {cat.key(info, r): cat.handle(info, r) for r, _ in cat.records(plan, info)}


@cache
def _brackets() -> re.Pattern[str]:
    return re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def bare(name: str) -> str:
    """A name without its bracketed parts: 韩国(山东)进口商品博览会 -> 韩国进口商品博览会."""
    return _brackets().sub("", name).strip()


def suggest(wanted: str, names: Iterable[str]) -> str | None:
    """The closest of ``names`` to ``wanted``, or None when nothing is close.

    A generic ratio cutoff misses one wrong character in a two-character Chinese name (ratio 0.5), so
    short Chinese names match when they differ in at most one character and have the same length."""
    key = fold(wanted[:200])
    if not key:
        return None
    by_key: dict[str, str] = {}
    for n in names:  # the first spelling of a name wins: ids come before display names
        by_key.setdefault(fold(n), n)
    if has_cjk(key) and 2 <= len(key) <= 4:  # (a single character differs from every other in one: no guess)
        for k, name in by_key.items():
            if len(k) == len(key) and has_cjk(k) and sum(a != b for a, b in zip(k, key, strict=True)) <= 1:
                return name
    import difflib  # only needed on the error path

    close = difflib.get_close_matches(key, list(by_key)[:5000], n=1, cutoff=0.7)
    return by_key[close[0]] if close else None


RECORD = Text(zh="记录", en="record")
PLACE = Text(zh="地点", en="place")


_Find = TypeVar("_Find", bound=Callable[..., Any])


def also_simplified(find: _Find) -> _Find:
    """A finder of ``(plan, name, ...)`` that, where a name in traditional characters finds nothing, looks again in
    the simplified ones the plan is written in (青島 finds 青岛, 第七屆 the 7th edition); an error that remains
    names what was typed. Only a name that finds nothing is converted."""
    @wraps(find)
    def again(plan: Any, ref: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return find(plan, ref, *args, **kwargs)
        except NotFound as missing:
            simple = simplified(ref)
            if simple == ref:
                raise
            try:
                return find(plan, simple, *args, **kwargs)
            except NotFound as also:
                if also.code == "not_found":
                    raise missing from None
                from ..safe import shown  # 第2屆: part of several names, which it lists (as typed)

                raise NotFound(also.code, **{**also.params, "name": shown(ref)}) from None

    return again  # type: ignore[return-value]


def not_found(kind: Text, wanted: str, names: Iterable[str], hint: str, **hint_values: Any) -> NotFound:
    """The error for a name that matches nothing, with the closest name as a suggestion."""
    from ..safe import shown, visible

    # the suggestion is a name from the plan: its control characters as stand-ins, like the name asked for
    return NotFound("not_found", kind=kind, name=shown(wanted), guess=visible(suggest(wanted, names) or "", single_line=True), hint=_Hint(hint, hint_values))


class _Hint:
    """A message inside a message, worded in the same language."""

    def __init__(self, code: str, values: dict[str, Any]) -> None:
        self.code, self.values = code, values

    def pick(self, lang: str) -> str:
        from ..words import message

        return message(self.code, lang, self.values)

    def __str__(self) -> str:
        return self.pick("en")


def name_part(ref: str, names: Iterable[str]) -> bool:
    """Whether ``ref`` is a part of one of ``names``: Chinese as a substring (一带一路 in 共建“一带一路”…),
    other text as whole words (so 'export-pus' is no part of 'Export Push')."""
    key = fold(ref)
    if len(key) < 2:
        return False
    if has_cjk(key):
        return any(key in fold(n) for n in names)
    wanted = words(ref)
    return any(all(w in words(n) for w in wanted) for n in names)


class Resolution(msgspec.Struct, frozen=True):
    """The record a name opens, and the others that answer to the same name ("also named")."""

    entry: Entry
    also: tuple[Entry, ...] = ()


def choice(zh: str, en: str) -> Text:
    """One of the choices an error lists, in both languages, as a message shows it (a name from a plan file: its
    control characters as visible stand-ins, on one line, shortened)."""
    from ..safe import shown

    return Text(zh=shown(zh, 60), en=shown(en, 60))


def _kinds_and_ids(entries: Iterable[Entry]) -> list[Text]:
    """Records as a choice reads them: each kind in the message's language, and the id to type."""
    return [choice(f"{w.zh} {e.id}", f"{e.kind} {e.id}") for e in entries for w in (cat.kind(e.kind).decl.words,)]


def _prior(entry: Entry) -> float:
    return cat.kind(entry.kind).decl.prior


def _choose(found: list[Entry], ref: str) -> Resolution:
    """The record of the highest standing among ``found``; a tie at the top is an error listing them."""
    from ..safe import shown

    best = max(_prior(e) for e in found)
    top = [e for e in found if _prior(e) == best]
    if len(top) == 1:
        return Resolution(top[0], tuple(e for e in found if e is not top[0]))
    raise NotFound("ambiguous", name=shown(ref), n=len(top), choices=_kinds_and_ids(top[:8]), first=top[0].id)


_NUMBERED = r"(?P<pre>第|行动|组)?(?P<n>[〇零一二两三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?P<post>项行动|项|个|组|行动)?"  # compiled on first use


def numbered(ref: str, kind: str, worded: bool = False, spelled: bool = True) -> int | None:
    """The number of the action or group (``kind``) a Chinese numeral (or digits) names: 七, 第七, 第七项, 第7项, 第七项行动,
    行动七, "action 7", "action seven" and "the seventh action" an action's, 第二组, 第2组, 组二 and "group 2" a group's, a bare numeral (or seven,
    seventh, 7th) either's (unless
    ``worded``: then only a number with its kind's word; ``spelled``: an English word alone too, where only actions or
    groups are asked for, since show ten means the words of names); None for anything else (第二组 is no action)."""
    from .numbers import EN_NUMBER_WORDS, cn_numeral, en_ordinal

    english = re.fullmatch(r"(action|group)\s*(?:no\.\s*|#\s*)?([0-9]{1,2}|[a-z]+)", ref.strip(), re.I)  # action 7, Group 2, action seven
    if english:
        n = english.group(2)
        number = int(n) if n.isdigit() else EN_NUMBER_WORDS.get(n.lower()) or en_ordinal(n)
        return number if english.group(1).lower() == kind else None
    english = re.fullmatch(r"(?:the\s+)?(\w+)\s+(action|group)", ref.strip(), re.I)  # the seventh action, 2nd group
    if english:
        return en_ordinal(english.group(1)) if english.group(2).lower() == kind else None
    if spelled and not worded and (said := en_ordinal(ref.strip()) or EN_NUMBER_WORDS.get(ref.strip().lower())):  # seventh, 7th, seven: as 七
        return said
    found = re.fullmatch(_NUMBERED, ref.strip())
    if found is None:
        return None
    named = {_SAID[w] for w in (found.group("pre"), found.group("post")) if w in _SAID}
    if worded and not (named and found.group("pre")):  # 第七项, 行动七, 组二; 七项 and 三组 are counts, not names
        return None
    return cn_numeral(found.group("n")) if named <= {kind} else None


def by_number(every: Iterable[Entry], ref: str, kinds: tuple[str, ...] | None = None, worded: bool = False, spelled: bool = True) -> list[Entry]:
    """The actions and groups (of ``kinds``) that ``ref`` names by their number (``numbered``), actions first: show 2
    opens action 2."""
    named = {code: numbered(ref, code, worded, spelled) for code in ("action", "group") if kinds is None or code in kinds}
    found = [e for e in every if named.get(e.kind) is not None and named[e.kind] == getattr(e.record, "id", None)]
    return sorted(found, key=lambda e: e.kind != "action")


_SAID = {"组": "group", "行动": "action", "项": "action", "项行动": "action"}  # the Chinese words that name a kind by number


def may_be_numbered(text: str) -> bool:
    """Whether a text holds a word that names an action or group by its number (a cheap test before ``numbered``,
    whose patterns cost 0.8 ms to compile)."""
    low = text.lower()
    return any(word in low for word in (*_SAID, "action", "group"))


def _respelled(ref: str) -> list[str]:
    """``ref`` with an edition's ordinal written the other ways Chinese writes it: 第6届 as 第六届, 首届 as 第一届 and
    第一届 as 首届 (names are matched as written)."""
    from ..text import cn_number

    digits = re.sub(r"第\s*([0-9０-９]{1,2})\s*届", lambda m: f"第{cn_number(int(m.group(1)))}届", ref)
    out: list[str] = []
    for other in (digits, digits.replace("首届", "第一届"), digits.replace("第一届", "首届")):
        if other != ref and other not in out:
            out.append(other)
    return out


@also_simplified
def find_record(plan: Plan, ref: str, kinds: tuple[str, ...] | None = None) -> Resolution:
    """A record of any kind (or of ``kinds``) by id or name, in any language or case, or a number by its Chinese
    numeral (七: action 7); NotFound lists a tie or suggests."""
    from ..safe import shown

    try:
        return _find_record(plan, ref, kinds)
    except NotFound as missing:
        for other in _respelled(ref):  # 第6届跨国公司领导人青岛峰会, 首届RCEP
            try:
                return _find_record(plan, other, kinds)
            except NotFound as also:
                if also.code != "not_found":  # 第2届: part of several names, which it lists (as typed)
                    missing = NotFound(also.code, **{**also.params, "name": shown(ref)})
        found = by_number(entries(plan), ref, kinds, spelled=kinds is not None)
        if not found:
            raise missing
        return Resolution(found[0], tuple(found[1:]))


class _Folded(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """The ids and names of a plan's records folded (``names.fold``), each -> the places of the records that answer
    to it in ``entries(plan)``, in order."""

    ids: dict[str, list[int]]
    names: dict[str, list[int]]


CODE = ("query/records.py", "names.py")  # the modules that derive the folded names (the plan's entry names the catalogue's)


@cat.per_plan
def _folded(plan: Plan) -> _Folded:
    """Folded ids and names -> records, made once per plan and kept in the cache beside the plan's entry: folding
    every name costs about 1 ms of every ``show``; reading them, a fifth of that."""
    from ..plan.cache import derived

    every = entries(plan)

    def fits(folded: _Folded) -> bool:  # every record by its id, once; names only of records this plan has
        if sorted(chain.from_iterable(folded.ids.values())) != list(range(len(every))):
            return False
        places = list(folded.names.values())
        named = list(chain.from_iterable(places))  # (one pass in C: a min and a max per list cost 0.2 ms)
        return all(places) and (not named or (min(named) >= 0 and max(named) < len(every)))

    return derived(plan, "names", CODE, _Folded, lambda: _fold_names(every, entry_names(plan)), fits)


def _fold_names(every: list[Entry], named: list[tuple[str, ...]]) -> _Folded:
    ids: dict[str, list[int]] = {}
    folded: dict[str, list[int]] = {}
    for i, (e, answers_to) in enumerate(zip(every, named, strict=True)):
        ids.setdefault(fold(e.id), []).append(i)
        for n in dict.fromkeys(fold(n) for n in answers_to):
            folded.setdefault(n, []).append(i)
    return _Folded(ids, folded)


def _find_record(plan: Plan, ref: str, kinds: tuple[str, ...] | None = None) -> Resolution:
    from ..safe import shown

    key = fold(ref)
    every, folded = entries(plan), _folded(plan)
    exact = [every[i] for i in folded.ids.get(key, ()) if kinds is None or every[i].kind in kinds]
    named = [every[i] for i in folded.names.get(key, ()) if kinds is None or every[i].kind in kinds]
    if exact:
        return Resolution(exact[0], tuple(e for e in named if e is not exact[0]))
    if named:
        return _choose(named, ref)
    pool = [(e, n) for e, n in zip(every, entry_names(plan), strict=True) if kinds is None or e.kind in kinds]
    unbracketed = [e for e, answers_to in pool if key and key in {fold(bare(n)) for n in answers_to}]
    if unbracketed:
        return _choose(unbracketed, ref)
    if len(key) >= 2 and not key.isdigit():  # a part of one name only, e.g. 一带一路 for 共建“一带一路”合作扩维行动 (a number is
        # no part of a name: show 11 is not the source whose file is 11-sdchina-….md)
        partial = [e for e, answers_to in pool if name_part(ref, answers_to)]
        if partial:
            best = max(_prior(e) for e in partial)
            top = [e for e in partial if _prior(e) == best]
            if len(top) == 1:
                return Resolution(top[0], ())
            if len(top) <= 8:
                raise NotFound("part_of_names", name=shown(ref), n=len(top), choices=_kinds_and_ids(top))
    what = cat.kind(kinds[0]).decl.words if kinds else RECORD  # events show jinan: no event named 'jinan'
    raise not_found(what, ref, [n for e, answers_to in pool for n in (e.id, *answers_to)], "hint_search")
