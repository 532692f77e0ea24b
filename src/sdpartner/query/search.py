"""The search engine: ranked, forgiving search over every record of a plan, in English, pinyin and Chinese.

How a text becomes terms is ``terms.py``, the same for records and queries.

Ranking is BM25F (k1 = 1.2, b = 0.75) over fields weighted name 3, alias 3, keyword 2, text 1; then a
record's score is multiplied by the square of the share of the query's words it matches (any-word
matching where more words rank higher) and by 1.5 where a field holds the query as a phrase.

Why our own index rather than SQLite FTS5 (measured in the closing note of issue 11): importing sqlite3
costs more than this whole module's indexing of the bundled plan, FTS5's trigram tokenizer cannot match a
two-character Chinese word, and its unicode61 tokenizer does not split Chinese at all.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain

import msgspec

from ..names import simplified
from ..plan import catalogue as cat
from ..plan.cache import derived, packed
from ..plan.model import Plan, in_year
from ..text import Text
from .links import links
from .records import Entry, entries, entry_of
from .terms import Token, chunks, doc_terms, fold, kept, stem, tokens, unhyphened

WEIGHTS = {"name": 3.0, "alias": 3.0, "id": 2.0, "keyword": 2.0, "text": 1.0}
K1, B = 1.2, 0.75
PHRASE_BONUS = 1.5
JOIN_WEIGHT = 0.3  # "e commerce" also finds "ecommerce", below a record holding both words
RELATED_SHARE = 0.5  # a related record's score, as a share of the hit that brings it

# ----------------------------------------------------------------------------------------------
# The fields of each kind of record: from the catalogue's declarations
# ----------------------------------------------------------------------------------------------


def _texts(value: object) -> list[str]:
    """The searchable texts of a value: both languages of a Text, a string, a number as written."""
    if value is None or value == "":
        return []
    if isinstance(value, Text):
        return [value.en, value.zh]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [str(value)]
    return []


def fields(entry: Entry) -> list[tuple[str, str]]:
    """(field class, text) pairs a record is searched by: its id, its title, and what its kind declares."""
    out = [("id", entry.id), ("name", entry.title.en), ("name", entry.title.zh)]
    for path, weight in cat.kind(entry.kind).decl.search:
        for value in cat.values(entry.record, path):
            out += [(weight, t) for t in _texts(value)]
    return [(f, t) for f, t in out if t]


# ----------------------------------------------------------------------------------------------
# The index
# ----------------------------------------------------------------------------------------------


MAX_QUERY = 40_000  # characters (some 4,000 words): a question is short; a longer paste is refused, not searched
SUGGEST_AT_MOST = 5  # unknown words that get 'did you mean' suggestions (each compared with the plan's words that share its characters)
SCAN_TERMS_AT_MOST = 12  # more distinct terms than this: read the plan's vocabulary once instead of scanning per term


# the modules whose code decides what the index derives from a plan, besides those of the plan's own key
# (cache._CODE): every module that fields(), entries() and the records' titles reach (a status's title is
# worded in words.py)
CODE = ("query/search.py", "query/terms.py", "query/records.py", "words.py")


class Digest(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """What the index derives from a plan's texts before any query (kept in the cache beside the plan's entry):
    each record's texts folded for scanning, the mean length of each field class, the plan's Chinese words."""

    scans: list[str]
    avg: dict[str, float]
    vocab: list[str]


class Words(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """The plan's words for 'did you mean' (kept in the cache beside the plan's entry), packed so that reading them
    makes a handful of objects, not one per word and place (2.0 -> 0.2 ms for the bundled plan's 2,084 words):

    - ``words``: the folded words, in the plan's order, joined by NULs (a word never holds one: ``chunks``);
    - ``cased``: a word as written, where that differs from its folded form (rare);
    - ``chars``: each character a word holds, once;
    - ``places``: for each character in turn, the places (in ``words``) of the words that hold it, as unsigned
      32-bit numbers in the machine's order (``array("I")``); ``ends``: where each character's places end."""

    words: str
    cased: dict[str, str]
    chars: str
    ends: bytes
    places: bytes

    def vocabulary(self) -> list[str]:
        return self.words.split("\x00") if self.words else []

    def written(self, folded: str) -> str:
        """A word of the plan as it writes it."""
        return self.cased.get(folded, folded)

    def holding(self, chars: Iterable[str]) -> Iterable[int]:
        """The places of the words that hold any of ``chars``, each as often as it holds one of them."""
        ends = memoryview(self.ends).cast("I")
        places = memoryview(self.places).cast("I")
        found = []
        for ch in chars:
            i = self.chars.find(ch)
            if i >= 0:
                found.append(places[ends[i - 1] if i else 0:ends[i]])
        return chain.from_iterable(found)



def _fits_words(words: Words) -> bool:
    """Whether words read from the cache have the shape this code makes: words, each character once, with at least
    one place. That every place is one of the words is checked where places are read (``Index.close``), of those
    places only: over all of them, it cost more than reading the entry (0.9 ms for the bundled plan's 12,664)."""
    if not words.words or not words.chars or len(words.ends) != 4 * len(words.chars) or len(words.places) % 4:
        return False
    ends = memoryview(words.ends).cast("I").tolist()
    return len(set(words.chars)) == len(words.chars) and ends == sorted(set(ends)) and ends[0] > 0 and ends[-1] == len(words.places) // 4


def _fits(digest: Digest, size: int) -> bool:
    """Whether a digest read from the cache has the shape of one this code makes of a plan of ``size`` records (a
    file the cache did not write can only be a miss, never a wrong answer or a crash)."""
    return len(digest.scans) == size and digest.avg.keys() == WEIGHTS.keys() and all(v > 0 for v in digest.avg.values())


class Index:
    """A plan's records, ready to be searched: each field's text folded for scanning, postings made per term.

    Postings are made only for the terms a query has: a term's candidates are the fields whose folded text
    holds what every word that folds to the term holds (``terms.kept``: its first four characters, or fewer
    where the stem rewrites one, as cities -> city; e-commerce -> ecommerce once hyphens are dropped), and
    only those fields are cut into terms. A search thus reads every text once at C speed and analyses a
    small part of them, in time linear in the plan's size; lengths for BM25 are counted in characters. A long
    query first reads the plan's whole vocabulary once, so that each of its words costs a set lookup, not a
    pass over the plan."""

    def __init__(self, plan: Plan) -> None:
        self.entries = entries(plan)
        self._fields: list[list[tuple[str, str]] | None] = [None] * len(self.entries)  # per record, made when first read
        digest = derived(plan, "search", CODE, Digest, self._digest, lambda d: _fits(d, len(self.entries)))
        self.scans, self.avg, self.vocab = digest.scans, digest.avg, frozenset(digest.vocab)
        self._plan = plan
        self.size = len(self.entries)
        self._postings: dict[str, dict[int, float]] = {}
        self._terms: dict[tuple[int, int], list[str]] = {}
        self._all_terms: frozenset[str] | None = None
        self._suggestions: Words | None = None
        self._words_listed: list[str] | None = None
        self._close: dict[str, list[tuple[float, str]]] = {}
        self._parts: dict[int, list[str]] = {}  # per record, its scan form cut into its fields' parts (made when first asked)

    def fields_of(self, doc: int) -> list[tuple[str, str]]:
        """(field class, text) pairs of record ``doc`` (made once, when first read)."""
        made = self._fields[doc]
        if made is None:
            made = self._fields[doc] = fields(self.entries[doc])
        return made

    def _digest(self) -> Digest:
        """What the index reads from every record's texts, made from the plan (when the cache does not hold it)."""
        every = [self.fields_of(doc) for doc in range(len(self.entries))]
        # per record, all its texts folded for scanning in one string: one object a record keeps a large
        # plan's index small (and so fast: a 10 MB plan has some 300,000 fields)
        # (folding and dropping hyphens go character by character, so a record's texts joined fold as each alone)
        scans = [_scan_form("\x00".join(t for _, t in record_fields)) for record_fields in every]
        totals: dict[str, list[int]] = {f: [0, 0] for f in WEIGHTS}
        for record_fields in every:
            for field, text in record_fields:
                totals[field][0] += len(text)
                totals[field][1] += 1
        avg = {f: (n / k if k else 1.0) or 1.0 for f, (n, k) in totals.items()}
        # the plan's Chinese words (its keywords and short names), for cutting a query into words
        vocab = dict.fromkeys(fold(text) for record_fields in every for field, text in record_fields
                              if field in ("keyword", "name", "alias") and 2 <= len(text) <= 8 and _is_cjk(text))
        return Digest(scans, avg, list(vocab))

    def terms(self, doc: int, i: int) -> list[str]:
        """The terms of field ``i`` of record ``doc`` (made once)."""
        key = (doc, i)
        if key not in self._terms:
            field, text = self.fields_of(doc)[i]
            self._terms[key] = doc_terms(text, joins=field != "id")
        return self._terms[key]

    def holding(self, doc: int, probes: Iterable[str]) -> list[bool]:
        """For each field of record ``doc``, whether its scan form holds one of ``probes`` (each a term's
        ``_probe``): a field that holds none cannot hold their terms and need not be cut into terms (so a record
        found by a Latin word is not cut in Chinese). Each field's scan form is its part of the record's (its
        texts were joined at NULs); where a text holds a NUL of its own, every field is said to hold them."""
        record_fields = self.fields_of(doc)
        parts = self._parts.get(doc)
        if parts is None:
            parts = self._parts[doc] = self.scans[doc].split("\x00")
        if len(parts) != len(record_fields):
            return [True] * len(record_fields)
        return [any(p in part for p in probes) for part in parts]

    def read_vocabulary(self) -> None:
        """Cut every field into terms once: afterwards an unknown term costs a set lookup."""
        if self._all_terms is None:
            self._all_terms = frozenset(t for doc in range(self.size) for i in range(len(self.fields_of(doc))) for t in self.terms(doc, i))

    def posting(self, term: str) -> dict[int, float]:
        """record -> the term's weighted, length-normalised frequency in it (empty when no record has it)."""
        if term in self._postings:
            return self._postings[term]
        if term.startswith("u:"):
            out = self.single(term[2:])
        elif self._all_terms is not None and term not in self._all_terms:
            out = {}
        else:
            probe = _probe(term)
            out = {}
            for doc, scan in enumerate(self.scans):
                if probe in scan:
                    holds = self.holding(doc, (probe,))
                    for i, (field, text) in enumerate(self.fields_of(doc)):
                        if not holds[i]:
                            continue
                        count = self.terms(doc, i).count(term)
                        if count:
                            out[doc] = out.get(doc, 0.0) + count * WEIGHTS[field] / (1 - B + B * len(text) / self.avg[field])
        self._postings[term] = out
        return out

    def written(self, folded: str) -> str:
        """A word of the plan's words for 'did you mean' (made once per plan, kept in the cache, and read only when a
        word is unknown) as the plan writes it."""
        return self._word_index().written(folded)

    def _vocabulary(self) -> list[str]:
        """The plan's words for 'did you mean', folded, in the places ``Words.holding`` gives (split once)."""
        if self._words_listed is None:
            self._words_listed = self._word_index().vocabulary()
        return self._words_listed

    def _word_index(self, unsound: bool = False) -> Words:
        """The plan's words for 'did you mean'; ``unsound``: those read were found not to fit in use, make them again."""
        if self._suggestions is None or unsound:
            self._suggestions = derived(self._plan, "words", CODE, Words, self._words, _fits_words, unsound)
            self._words_listed = None
        return self._suggestions

    def _words(self) -> Words:
        """The words for suggestions, made from the plan: each term's surface form (a word as the plan writes it),
        longer than one character, folded -> as written, and the words that hold each character. A record's texts
        are folded at once (folding is per character, so texts joined fold as each alone), and each distinct word
        is cut into terms once: a large plan repeats its words far more than it has them."""
        surface: dict[str, str] = {}
        distinct = dict.fromkeys(w for doc in range(self.size) for w in chunks(fold("\x00".join(t for _, t in self.fields_of(doc)))))
        for chunk in distinct:  # distinct words, in the plan's order; each gives what tokens() gives it in a text
            if chunk[0] >= "\u3400":  # bigrams, written as the whole run
                for i in range(len(chunk) - 1):
                    surface.setdefault(chunk[i:i + 2], chunk)
            else:  # each part of a hyphenated word as itself (their joins have no written form)
                for part in chunk.split("-") if not chunk.isalnum() else (chunk,):
                    surface.setdefault(stem(part), part)
        written = {w.casefold(): w for w in surface.values() if len(w) > 1}
        holding: dict[str, list[int]] = {}
        for i, w in enumerate(written):
            for ch in dict.fromkeys(w):  # (in order: the same plan makes the same bytes)
                holding.setdefault(ch, []).append(i)
        ends = list(accumulate(map(len, holding.values())))
        return Words("\x00".join(written), {f: w for f, w in written.items() if f != w}, "".join(holding),
                     packed(ends), packed(list(chain.from_iterable(holding.values()))))

    def close(self, folded: str) -> list[tuple[float, str]]:
        """(ratio, word) for every one of the plan's words (``Words``) whose difflib ratio to ``folded`` reaches 'did you mean''s
        cutoff, best first, as ``difflib.get_close_matches`` tries and ranks them; made once per word, for both the
        suggestions and the correction (which took its own pass over the vocabulary)."""
        found = self._close.get(folded)
        if found is None:
            cutoff = 0.72 if folded.isascii() else 0.4
            words = self._word_index()
            # difflib's quick_ratio is 2M / (len(w) + len(folded)), M the characters the two share counted with
            # their repeats; M is at most the distinct characters they share plus the repeats in ``folded``. A word
            # whose bound misses the cutoff would miss it in quick_ratio too, and a word that shares no character
            # has a ratio of 0: only the words that hold one of ``folded``'s characters are counted (by the
            # characters' lists of words, in C), and only those whose bound reaches the cutoff are compared.
            shared = Counter(words.holding(set(folded)))
            repeats, n = len(folded) - len(set(folded)), len(folded)
            vocabulary = self._vocabulary() if shared else []
            if shared and max(shared) >= len(vocabulary):  # a place beyond the words: an entry this code did not write
                self._word_index(unsound=True)
                return self.close(folded)
            found = []
            matcher = None
            for i, common in shared.items():
                w = vocabulary[i]
                if 2.0 * (common + repeats) / (len(w) + n) < cutoff:
                    continue
                if matcher is None:
                    import difflib  # only once a word may be close: most unknown words have none

                    matcher = difflib.SequenceMatcher()
                    matcher.set_seq2(folded)
                matcher.set_seq1(w)
                if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff and (ratio := matcher.ratio()) >= cutoff:
                    found.append((ratio, w))
            found.sort(reverse=True)
            self._close[folded] = found
        return found

    def idf_of(self, n: int) -> float:
        """BM25's idf for a term that ``n`` records hold."""
        return math.log(1 + (self.size - n + 0.5) / (n + 0.5))

    def single(self, char: str) -> dict[int, float]:
        """Postings of one Chinese character, found by scanning the texts (a one-character query is rare;
        indexing every character of every record would double the index)."""
        out: dict[int, float] = {}
        for doc in range(self.size):
            for field, text in self.fields_of(doc):
                if char in text:
                    out[doc] = out.get(doc, 0.0) + WEIGHTS[field]
        return out


def _probe(term: str) -> str:
    """What of a term every text that holds it holds in its scan form: a Chinese term whole, else ``terms.kept``
    (its first four characters, fewer where the stem rewrites one: cities -> city holds cit)."""
    return term if _is_cjk(term[:1]) else kept(term)


def _scan_form(text: str) -> str:
    """A text as a term's candidates are looked for in it: folded, hyphens dropped."""
    return unhyphened(fold(text))


def _is_cjk(text: str) -> bool:
    return bool(text) and all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class Hit(msgspec.Struct, frozen=True):
    """One search result: what kind of record, its id and title, and where the query matched."""

    kind: str
    id: str
    title: Text
    field: str
    matched: str
    score: float


class Result(msgspec.Struct, frozen=True):
    """Hits, best first, and what a reader should know: the query's words the plan does not use (each with
    the nearest words it does use), a spelling it corrected, the numbers no record holds."""

    hits: list[Hit]
    unknown: list[str]
    suggestions: dict[str, list[str]]
    corrected: str | None = None
    missing_numbers: list[str] = []
    missing_days: list[str] = []  # the dates no record's dates hold, as typed
    no_dates: list[str] = []  # written as a day but no day of the calendar (2025-02-30), as typed


NUMBER_SCORE = 10.0  # a record whose value is the number asked for ranks above any match of words alone
DATE_ONLY = 0.1  # a record of the date asked for that holds none of the query's words: listed, below those that hold some
ORDINAL_BOOST = 4.0
YEAR_BOOST = 3.0


def search(plan: Plan, query: str, limit: int | None = None, kind: str | None = None, related: bool = True, correct: bool = True) -> Result:
    """Ranked hits across every kind of record (or one ``kind``); see the module's text for how.

    Numbers are matched by value, ordinals by edition number and years by year; a word the plan does not use
    is named; a confident spelling correction is searched as corrected (``correct=False``: as typed)."""
    query = query[:MAX_QUERY]
    index = Index(plan)
    result = _search(plan, index, query, kind, related, correct)
    if correct and any(not w.isascii() for w in result.unknown):  # 青島峰會: Chinese words the plan does not use
        simple = simplified(query)  # in the simplified characters the plan is written in, if they were traditional
        again = _search(plan, index, simple, kind, related, correct) if simple != query else None
        if again is not None and again.hits and len(again.unknown) < len(result.unknown):  # (as a spelling's correction)
            result = msgspec.structs.replace(again, corrected=again.corrected or simple)
    return msgspec.structs.replace(result, hits=result.hits[:limit] if limit else result.hits)


def _search(plan: Plan, index: "Index", query: str, kind: str | None, related: bool, correct: bool) -> Result:
    """``search`` of a query as written (a confident spelling correction searched as corrected)."""
    from .numbers import read

    # a name that matched no word is shown in the query's language (not names.has_cjk: its pattern, compiled on
    # first use, cost 3 ms of every search, measured pair by pair)
    chinese = any("\u3400" <= ch <= "\u9fff" for ch in query)
    named = _numbered(index, query, kind, chinese)
    if named is not None:  # 第七项, 第2组, action 7: the record, as show opens it (not the words 第, 项)
        return Result(_with_related(plan, index, [named], kind) if related else [named], [], {})
    reading = read(query)
    result = _rank(plan, index, reading, kind, related, chinese)
    if correct and result.unknown:
        fixed = _correction(index, reading.words, result)
        if fixed is not None:
            corrected = _replace_words(query, fixed)
            again = _rank(plan, index, read(corrected), kind, related, chinese) if corrected != query else None
            if again is not None and again.hits:
                result = msgspec.structs.replace(again, corrected=corrected)
    return result


def _replace_words(query: str, fixed: dict[str, str]) -> str:
    """The query with each corrected word replaced, however it was typed (Qindao, QINDAO)."""
    by_fold = {fold(typed): word for typed, word in fixed.items()}
    return re.sub(r"[A-Za-z][A-Za-z'-]*", lambda m: by_fold.get(fold(m.group(0)), m.group(0)), query)


def _edition_of_series(index: Index, hits: list[Hit], ordinal: int, kind: str | None, chinese: bool) -> list[Hit]:
    """An ordinal with the words of a series (2nd Korea fair: the series' keyword, not the edition's name): the
    series' edition of that number scores at least as the best hit of its series (the series, or another of its
    editions and events) with the ordinal's boost, as if it held the words."""
    series: dict[str, float] = {}  # series id -> the best score of a hit that is the series or one of its events
    for h in hits:
        record = entry_of(index._plan, h.kind, h.id).record  # type: ignore[union-attr]
        sid = h.id if h.kind == "series" else getattr(record, "series", None)
        if sid is not None and getattr(record, "edition", None) != ordinal:  # (an edition of that number has had its boost)
            series[sid] = max(series.get(sid, 0.0), h.score)
    if not series:
        return hits
    scored = {(h.kind, h.id): h for h in hits}
    for e in index.entries:
        if getattr(e.record, "edition", None) == ordinal and getattr(e.record, "series", None) in series and (kind is None or e.kind == kind):
            score = round(series[e.record.series] * ORDINAL_BOOST, 3)
            had = scored.get((e.kind, e.id))
            if had is None or had.score < score:
                title = e.title.pick("zh" if chinese else "en")
                scored[(e.kind, e.id)] = Hit(e.kind, e.id, e.title, "name" if had is None else had.field, title if had is None else had.matched, score)
    return list(scored.values())


def _correction(index: Index, words: str, result: Result) -> dict[str, str] | None:
    """typed word -> the plan's word, for every unknown Latin word with one confident correction; None when any has none."""
    from .numbers import EN_NUMBER_WORDS

    fixed: dict[str, str] = {}
    for word in result.unknown:
        if fold(word) in EN_NUMBER_WORDS:  # seven is no typo of seen
            continue
        if not word.isascii() or len(word) < 5:
            return None
        close = [(ratio, w) for ratio, w in index.close(fold(word)) if ratio >= 0.8 and len(w) > 3 and w.isascii()][:2]  # the plan's longer Latin words
        if not close:
            return None
        best, runner = close[0][0], close[1][0] if len(close) > 1 else 0.0
        if best < 0.85 or best - runner < 0.05:
            return None
        fixed[word] = index.written(close[0][1])
    return fixed or None


def _rank(plan: Plan, index: Index, reading: object, kind: str | None, related: bool, chinese: bool = False) -> Result:
    from .numbers import Reading, amount_words, amounts, dimension, equal, in_unit, unit_forms

    assert isinstance(reading, Reading)
    words = reading.words
    units = {fold(u) for u in reading.units}
    qtoks = tokens(words, query=True, vocab=index.vocab if any(_is_cjk(ch) for ch in words) else frozenset())
    if len({t.term for t in qtoks}) > SCAN_TERMS_AT_MOST:
        index.read_vocabulary()
    weight: dict[int, float] = {}  # concept -> its weight in the coverage: the idf of its rarest known term
    for t in qtoks:
        n = len(index.posting(t.term))
        if n:
            weight[t.concept] = max(weight.get(t.concept, 0.0), index.idf_of(n))
    total = sum(weight.values()) or 1.0
    scores: dict[int, float] = {}
    matched: dict[int, set[int]] = {}
    joined = {t.term for t in qtoks if not t.surface}  # two typed words read as one: an alternative, weighed less
    for term, concept in {(t.term, t.concept) for t in qtoks}:
        posting = index.posting(term)
        if not posting:
            continue
        idf = index.idf_of(len(posting)) * (JOIN_WEIGHT if term in joined else 1.0)
        for doc, tf in posting.items():
            scores[doc] = scores.get(doc, 0.0) + idf * tf * (K1 + 1) / (tf + K1)
            matched.setdefault(doc, set()).add(concept)
    concepts = sorted({t.concept for t in qtoks if t.surface})
    folded = {surface: fold(surface) for surface in dict.fromkeys(t.surface for t in qtoks)} if units else {}  # each once: see _unknown
    unit_concepts = {t.concept for t in qtoks if folded.get(t.surface) in units} if units else set()
    first = _first_tokens(qtoks)
    phrase = [first[c].term for c in concepts]
    terms = {t.term for t in qtoks}
    probes = {_probe(t) for t in terms}
    # numbers: a record whose value is the number asked for is a hit, and so is one that writes the number as a
    # word; unit words only rank among those, they never make a hit of their own
    numbers = [n for n in reading.numbers if not n.year]
    number_hits: dict[int, str] = {}
    missing: list[str] = []
    missing_days: list[str] = []
    by_date: dict[int, str] = {}  # the records found by a date asked for -> their date that holds it
    held = [(doc, a) for doc, e in enumerate(index.entries) for a in amounts(e.record)] if reading.numbers else []
    asked = unit_forms(*reading.units)  # a unit word of the plan's amounts narrows the numbers to amounts of its kind
    known: dict[str, set[str]] = {}
    for _, a in held if asked else ():
        for u in unit_forms(a.unit.en, a.unit.zh) if a.unit is not None else ():
            known.setdefault(u, set()).add(dimension(a))
    for number in dict.fromkeys([*numbers, *(n for n in reading.numbers if n.year)]):  # a number asked twice is one
        valued = [(doc, a) for doc, a in held if equal(number, a)]
        found = {doc: a.original for doc, a in valued if in_unit(asked, a, known)}
        if found:
            for doc, text in found.items():
                number_hits.setdefault(doc, text)
        elif not number.year:
            unit = (" " if number.text.isascii() else "").join(("", *reading.units)) if valued else ""  # the unit that ruled a value out
            missing.append(number.text + unit)  # 750 billion people, 7500亿人
    for iso, typed in reading.days:  # a date: the records whose dates hold that day or month (with words: those of them first)
        dated = {doc: span for doc, e in enumerate(index.entries) if (span := _dated(e.record, iso)) is not None}
        if not dated:
            missing_days.append(typed)
        for doc, span in dated.items():
            by_date.setdefault(doc, span)
            if not qtoks:
                number_hits.setdefault(doc, span)
    if number_hits:
        digits = {stem(n.text.replace(",", "")) for n in reading.numbers}
        written = {doc for t in qtoks if t.term in digits for doc in index.posting(t.term)}
    else:
        written = set()
    hits: list[Hit] = []
    candidates = set(scores) | set(number_hits) | (set(by_date) if not number_hits else set())
    for doc in sorted(candidates):  # in the plan's order, so that ties keep it (a set promises no order)
        entry = index.entries[doc]
        if kind is not None and entry.kind != kind:
            continue
        prior = cat.kind(entry.kind).decl.prior
        if doc not in scores and not number_hits:  # dated then, with none of the words: after the records that hold them
            hits.append(Hit(entry.kind, entry.id, entry.title, "date", by_date[doc], round(DATE_ONLY * prior, 3)))
            continue
        if number_hits:
            if doc in number_hits:
                words_share = sum(weight[c] for c in matched.get(doc, set())) / total if weight else 0.0
                score = (NUMBER_SCORE + scores.get(doc, 0.0) * words_share) * prior
                hits.append(Hit(entry.kind, entry.id, entry.title, "date" if doc in by_date else "number", number_hits[doc], round(score, 3)))
                continue
            if doc not in written:
                continue  # a number was asked for: words alone (yuan, guests) never make a hit
        content = matched[doc] - unit_concepts if numbers else matched[doc]
        if not content:
            continue  # only a unit word of a number that matched nothing
        coverage = sum(weight[c] for c in matched[doc]) / total
        holds = index.holding(doc, probes)  # a field that holds no term of the query is not cut into terms
        field, text, bonus = _best_field([(f, t, index.terms(doc, i) if holds[i] else []) for i, (f, t) in enumerate(index.fields_of(doc))], terms, phrase)
        score = scores[doc] * coverage * coverage * bonus * prior
        record = entry.record
        if reading.ordinal is not None and getattr(record, "edition", None) == reading.ordinal:
            score *= ORDINAL_BOOST
        if reading.years and set(reading.years) & record_years(record):
            score *= YEAR_BOOST
        if doc in by_date:  # Qingdao summit June 2025: the summit of that month
            score *= YEAR_BOOST
        hits.append(Hit(entry.kind, entry.id, entry.title, field, text, round(score, 3)))
    if not qtoks and not number_hits and (reading.ordinal is not None or reading.years):
        hits = _by_ordinal_or_year(index, reading, kind, chinese)
    elif reading.ordinal is not None and not number_hits:
        hits = _edition_of_series(index, hits, reading.ordinal, kind, chinese)
    hits.sort(key=lambda h: -h.score)  # stable: ties keep the plan's order
    if related and hits:
        hits = _with_related(plan, index, hits, kind)
    numeric = {t for n in reading.numbers for t in (n.text, n.text.replace(",", ""))}  # said of numbers apart (missing)
    unknown = [w for w in _unknown(qtoks, weight, index, words) if w not in numeric and not amount_words(w)  # yuan, billion
               and not (known and unit_forms(w) & known.keys())]  # a unit of the plan's amounts (平方米, square metres) is no unknown word
    return Result(hits, unknown, {w: nearest(index, w) for w in unknown[:SUGGEST_AT_MOST]}, None, missing, missing_days, list(reading.no_dates))


def _dated(record: object, iso: str) -> str | None:
    """The record's own date (a date reading, an as-of, a fact's or a source's date) that holds the day or month
    ``iso``, as written (2025-06-19, 2022-06-19/2022-06-21); None when none does. A date known only to the year
    holds no day or month of it; a day and month with no year (--08-18) is read in the record's year, if it has one."""
    year = getattr(record, "year", None)
    spans = [(d.start, d.end or d.start) for d in getattr(record, "dates", None) or []]
    spans += [(v, v) for name in ("as_of", "date") if isinstance(v := getattr(record, name, None), str)]
    for start, end in spans:
        written = start if start == end else f"{start}/{end}"
        if start.startswith("--"):  # a day and month with no year: in the record's year, as events reads it
            if not isinstance(year, int):
                continue
            start, end = in_year(start, year), in_year(end, year)
        n = min(len(iso), len(start), len(end))
        if n >= 7 and start[:n] <= iso[:n] <= end[:n]:
            return written
    return None


def record_years(record: object) -> set[int]:
    """The years a record belongs to: its year, and the years of its dates (an event's, a reading's, a fact's)."""
    found: set[int] = set()
    year = getattr(record, "year", None)
    if isinstance(year, int):
        found.add(year)
    for d in getattr(record, "dates", None) or []:
        if d.year is not None:
            found.add(d.year)
    for name in ("as_of", "date"):
        value = getattr(record, name, None)
        if isinstance(value, str) and value[:4].isdigit():
            found.add(int(value[:4]))
    return found


def _numbered(index: Index, query: str, kind: str | None, chinese: bool) -> Hit | None:
    """The action or group a query names by its number with its kind's word (第七项, 行动七, 第2组, action 7)."""
    from .records import by_number, may_be_numbered

    if not may_be_numbered(query):
        return None
    found = by_number(index.entries, query, None if kind is None else (kind,), worded=True)
    return Hit(found[0].kind, found[0].id, found[0].title, "name", found[0].title.pick("zh" if chinese else "en"), NUMBER_SCORE) if found else None


def _by_ordinal_or_year(index: Index, reading: object, kind: str | None, chinese: bool = False) -> list[Hit]:
    """A query of only an ordinal or a year: the editions and events it names (the name that matched, in the
    query's language: 首届 matched 首届…, first matched 1st …)."""
    out = []
    for e in index.entries:
        if e.kind not in ("event", "edition") or (kind is not None and e.kind != kind):
            continue
        if getattr(reading, "ordinal") is not None and getattr(e.record, "edition", None) == getattr(reading, "ordinal"):
            out.append(Hit(e.kind, e.id, e.title, "name", e.title.pick("zh" if chinese else "en"), ORDINAL_BOOST))
        elif set(getattr(reading, "years")) & record_years(e.record):
            out.append(Hit(e.kind, e.id, e.title, "name", e.title.pick("zh" if chinese else "en"), YEAR_BOOST))
    return out


def _unknown(qtoks: list[Token], weight: dict[int, float], index: Index, words: str) -> list[str]:
    """The query's words the plan does not use: Latin words whole; in Chinese, the runs of characters no known
    two-character term covers (半导体 in 半导体产业)."""
    out: dict[str, None] = {}  # in order, each once (a long query has thousands)
    first = _first_tokens(qtoks)
    # each surface once: the tokens of a long Chinese run share it, and reading it per token was quadratic
    cjk = {surface: _is_cjk(surface) for surface in dict.fromkeys(t.surface for t in qtoks if t.surface)}
    for c in sorted({t.concept for t in qtoks if t.surface}):
        surface = first[c].surface
        if cjk[surface]:
            continue
        if c not in weight:
            out.setdefault(surface, None)
    for run in (surface for surface, is_cjk in cjk.items() if is_cjk):
        covered = [False] * len(run)
        for i in range(len(run) - 1):
            if index.posting(run[i:i + 2]):
                covered[i] = covered[i + 1] = True
        if len(run) == 1 and index.posting("u:" + run):
            covered[0] = True
        piece = ""
        for ch, ok in zip(run, covered, strict=True):
            if not ok:
                piece += ch
            else:
                if len(piece) >= 2:
                    out.setdefault(piece, None)
                piece = ""
        if len(piece) >= 2:
            out.setdefault(piece, None)
    return list(out)


def _first_tokens(qtoks: list[Token]) -> dict[int, Token]:
    """Each concept's first token (its word as written), found in one pass."""
    first: dict[int, Token] = {}
    for t in qtoks:
        first.setdefault(t.concept, t)
    return first


def _best_field(record_fields: list[tuple[str, str, list[str]]], terms: set[str], phrase: list[str]) -> tuple[str, str, float]:
    """The field that matched best (by weight, then by share of the query), and the phrase bonus."""
    best: tuple[float, str, str] | None = None
    bonus = 1.0
    for field, text, fterms in record_fields:
        hit = len(terms.intersection(fterms))
        if not hit:
            continue
        if len(phrase) > 1 and field != "id" and _contains(fterms, phrase):
            bonus = PHRASE_BONUS
        rank = WEIGHTS[field] * hit * (0.5 if field == "id" else 1.0)  # people read a name better than an id
        if best is None or rank > best[0]:
            best = (rank, field, text)
    return (best[1], best[2], bonus) if best else ("name", "", bonus)


def _contains(seq: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(list(seq[i:i + n]) == list(part) for i in range(len(seq) - n + 1))


def _with_related(plan: Plan, index: Index, hits: list[Hit], kind: str | None) -> list[Hit]:
    """The closest neighbours of the top hits (a bank and its shareholder, a figure and what it is about), marked
    as related at a share of the hit's score; a record that is a weaker hit already is lifted to that score."""
    graph = links(plan, close_only=True)
    wanted = {(link.kind, link.id) for hit in hits[:3] for link in graph.get((hit.kind, hit.id), [])}
    by_key = {(e.kind, e.id): e for e in index.entries if (e.kind, e.id) in wanted} if wanted else {}
    current = {(h.kind, h.id): h for h in hits}
    for hit in hits[:3]:
        for link in graph.get((hit.kind, hit.id), []):
            key = (link.kind, link.id)
            if key not in by_key or (kind is not None and link.kind != kind):
                continue
            score = round(hit.score * RELATED_SHARE, 3)
            if key in current and current[key].score >= score:
                continue
            other = by_key[key]
            current[key] = Hit(other.kind, other.id, other.title, "related", f"{link.relation}: {hit.kind} {hit.id}", score)
    return sorted(current.values(), key=lambda h: -h.score)


def nearest(index: Index, word: str, n: int = 3) -> list[str]:
    """The words of the plan closest to ``word`` (for 'did you mean')."""
    from .numbers import EN_NUMBER_WORDS

    folded = fold(word)[:64]
    if folded in EN_NUMBER_WORDS:  # a number word is not a misspelt word of the plan (seven: not seen, eighty: not eight)
        return []
    return [index.written(w) for _, w in index.close(folded)[:n]]


def matches(query: str, texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` holds every word of ``query`` as a whole word (the listings' ``--search``)."""
    wanted: dict[int, set[str]] = {}
    for t in tokens(query[:MAX_QUERY], query=True):
        wanted.setdefault(t.concept, set()).add(t.term)
    if not wanted:
        return False
    for text in texts:
        have = {t.term for t in tokens(text)}
        if all(terms & have for terms in wanted.values()):
            return True
    return False
