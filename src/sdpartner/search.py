"""The search engine: ranked, forgiving search over every record of a plan, in English, pinyin and Chinese.

How a text becomes terms (``terms``), the same for records and queries:
- Latin text is folded (case, width, diacritics: Türkiye = turkiye), split into whole words, US spellings
  mapped to the British ones the plan uses (center = centre, -ize = -ise), demonyms to their country
  (korean = korea) and plurals to the singular (ports = port); a hyphenated or spaced compound also
  yields its parts joined (e-commerce = e commerce = ecommerce).
- Chinese is matched by character bigrams (储能 finds 储能之都; 锂电 finds 锂电池), a single character
  by itself.
- A query also drops punctuation, English stop and question words and Chinese question words, so a
  question typed as a sentence works.

Ranking is BM25F (k1 = 1.2, b = 0.75) over fields weighted name 3, alias 3, keyword 2, text 1; then a
record's score is multiplied by the square of the share of the query's words it matches (any-word
matching where more words rank higher) and by 1.5 where a field holds the query as a phrase.

Why our own index rather than SQLite FTS5 (measured in the closing note of issue 11): importing sqlite3
costs more than this whole module's indexing of the bundled plan, FTS5's trigram tokenizer cannot match a
two-character Chinese word, and its unicode61 tokenizer does not split Chinese at all.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

import msgspec

from .model import Plan, Text
from .query import Entry, entries, links

WEIGHTS = {"name": 3.0, "alias": 3.0, "id": 2.0, "keyword": 2.0, "text": 1.0}
# the plan's own records before the history and the sources behind them, when they match alike
KIND_PRIOR = {"edition": 0.8, "observation": 0.8, "series": 0.9, "source": 0.6}
CLOSE = frozenset({"shareholder", "holds_share_in", "about", "has_figure", "reports", "reported_by"})  # links that bring a related hit
K1, B = 1.2, 0.75
PHRASE_BONUS = 1.5
JOIN_WEIGHT = 0.3  # "e commerce" also finds "ecommerce", below a record holding both words
RELATED_SHARE = 0.5  # a related record's score, as a share of the hit that brings it

_STOP = frozenset(
    "a an the of in on at to for from by with and or is are was were be been being does do did which what who whom whose where "
    "when why how that this these those there it its any some me my i you your we our they their about into can could would "
    "should will shall has have had not no please tell show find list give get want wants wanted wanting looking look need needs "
    "more most much many s anything something ever there's what's who's city cities".split()
)
_ZH_QUESTION = ("有没有", "是不是", "请问", "哪个城市", "哪些城市", "哪座城市", "哪个", "哪些", "哪里", "哪儿", "什么", "怎么", "如何", "是否", "多少", "吗", "呢", "吧", "的", "了", "哪", "有", "是", "在", "想", "找")
_SPELLING = {
    "center": "centre", "centers": "centres", "program": "programme", "programs": "programmes", "harbor": "harbour", "harbors": "harbours",
    "labor": "labour", "color": "colour", "catalog": "catalogue", "defense": "defence", "fiber": "fibre", "theater": "theatre",
    "neighbor": "neighbour", "favor": "favour", "behavior": "behaviour", "jewelry": "jewellery", "aluminum": "aluminium",
    "traveling": "travelling", "modeling": "modelling", "fulfill": "fulfil", "enroll": "enrol", "kilometer": "kilometre",
}
_DEMONYM = {"korean": "korea", "koreans": "korea", "singaporean": "singapore", "british": "britain", "turkish": "turkey", "japanese": "japan",
            "jordanian": "jordan", "european": "europe", "asian": "asia", "african": "africa", "american": "america", "russian": "russia"}
_IZE = re.compile(r"(?<=\w{3})iz(e|es|ed|ing|ation|ations|er|ers)$")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = re.compile(r"[a-z0-9]+(?:[-‐‑–][a-z0-9]+)*|[\u3400-\u9fff\uf900-\ufaff]+")
    zh_question = re.compile("|".join(_ZH_QUESTION))
    return words, zh_question


@cache
def _marks() -> re.Pattern[str]:
    return re.compile("[\u0300-\u036f'’]")


def _fold(text: str) -> str:
    """Case, width and accents folded (Türkiye -> turkiye), apostrophes dropped."""
    if text.isascii():
        return text.lower().replace("'", "")
    return _marks().sub("", unicodedata.normalize("NFKD", text.casefold()))


@cache
def stem(word: str) -> str:
    """One Latin word as a term: US spelling to British, demonym to country, plural to singular."""
    word = _SPELLING.get(word, word)
    word = _DEMONYM.get(word, word)
    word = _IZE.sub(lambda m: "is" + m.group(1), word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ic"):  # robotic(s) -> robot
        word = word[:-2]
    return word


class Token(msgspec.Struct, frozen=True):
    """A term, the query word it belongs to (its concept), and the word as written."""

    term: str
    concept: int
    surface: str


def tokens(text: str, query: bool = False, vocab: frozenset[str] = frozenset()) -> list[Token]:
    """The terms of a text. In a query, stop and question words are dropped (unless nothing else is left),
    Chinese is cut into the plan's own words (``vocab``) before bigrams are taken, and each Latin word and
    each Chinese bigram is one concept; a join of two words has no surface."""
    if query:
        kept = _tokens(text, True, vocab)
        return kept if kept else _tokens(text, False, vocab)
    return _tokens(text, False, vocab)


def segment(run: str, vocab: frozenset[str]) -> list[str]:
    """A run of Chinese cut into words: the longest word of ``vocab`` at each place, else two characters.

    A query's bigrams that straddle two words (能产 in 储能产业) would match unrelated records (智能产业);
    cutting first keeps only the bigrams inside words."""
    out, i = [], 0
    while i < len(run):
        for size in range(min(8, len(run) - i), 1, -1):
            if run[i:i + size] in vocab:
                out.append(run[i:i + size])
                i += size
                break
        else:
            piece = run[i:i + 2]
            if len(piece) == 1 and out:  # a last odd character joins the word before it: 锂电池 -> 锂电, 电池
                out.append(out[-1][-1] + piece)
            else:
                out.append(piece)
            i += 2
    return out


def doc_terms(text: str, joins: bool = True) -> list[str]:
    """The terms of a record's text (the fast path of ``tokens`` for indexing: no concepts, no surfaces).
    ``joins=False`` for ids, whose hyphens join words that are no compound (rcep-expos is not "rcepexpos")."""
    words_re = _patterns()[0]
    out: list[str] = []
    for chunk in words_re.findall(_fold(text)):
        if chunk[0] >= "\u3400":
            out += [chunk[i:i + 2] for i in range(len(chunk) - 1)]
        elif chunk.isalnum():
            out.append(stem(chunk))
        else:
            parts = re.split(r"[-‐‑–]", chunk)
            out += [stem(p) for p in parts]
            if joins:
                out += [stem(a + b) for a, b in zip(parts, parts[1:])]  # e-commerce also as ecommerce
    return out


def _tokens(text: str, query: bool, vocab: frozenset[str] = frozenset()) -> list[Token]:
    words_re, zh_question = _patterns()
    out: list[Token] = []
    concept = 0
    latin: list[tuple[str, int]] = []  # the Latin words in order, for joins across spaces
    for match in words_re.finditer(_fold(text)):
        chunk = match.group()
        if "\u3400" <= chunk[0]:
            runs = [r for r in zh_question.split(chunk) if r] if query else [chunk]
            for run in runs:
                if len(run) == 1:
                    out.append(Token("u:" + run, concept, run))
                    concept += 1
                    continue
                words = segment(run, vocab) if query else [run]
                for word in words:
                    if len(word) == 1:
                        out.append(Token("u:" + word, concept, run))
                        concept += 1
                    for i in range(len(word) - 1):
                        out.append(Token(word[i:i + 2], concept, run))
                        concept += 1
            latin = []
            continue
        parts = re.split(r"[-‐‑–]", chunk)
        for p in parts:
            if query and p in _STOP:
                continue
            out.append(Token(stem(p), concept, p))
            latin.append((p, concept))
            concept += 1
        if len(parts) > 1 and not query:  # e-commerce also as ecommerce
            out += [Token(stem(a + b), concept - 1, "") for a, b in zip(parts, parts[1:])]
    if query:  # words typed apart may be one word in the plan: "e commerce", "cross border"
        out += [Token(stem(a + b), ca, "") for (a, ca), (b, _) in zip(latin, latin[1:])]
    return out


# ----------------------------------------------------------------------------------------------
# The fields of each kind of record
# ----------------------------------------------------------------------------------------------


def _both(field: str, t: Text | None) -> list[tuple[str, str]]:
    return [(field, t.en), (field, t.zh)] if t is not None else []


def _keywords(ks: Iterable[str]) -> list[tuple[str, str]]:
    return [("keyword", k) for k in ks]


def fields(entry: Entry) -> list[tuple[str, str]]:
    """(field, text) pairs a record is searched by."""
    r = entry.record
    kind = entry.kind
    out = [("id", entry.id), *_both("name", entry.title)]
    if kind == "plan":
        out += _both("name", r.short_name) + _keywords(r.keywords) + _both("text", r.summary) + [x for d in r.directions for x in _both("text", d)]
    elif kind in ("group", "action"):
        out += [("name", r.slug)] + _keywords(r.keywords) + _both("text", r.summary)
    elif kind == "measure":
        out += _keywords(r.keywords)
    elif kind == "programme":
        out += _keywords(r.keywords) + _both("text", r.summary) + _both("text", r.kind)
    elif kind == "figure":
        out += [("name", r.original)] + _keywords(r.keywords) + _both("text", r.scope) + _both("text", r.note) + _both("text", r.time)
    elif kind == "event":
        out += _keywords(r.keywords) + _both("text", r.kind) + _both("text", r.place) + _both("text", r.series) + [("text", str(r.year or ""))]
    elif kind == "city":
        out += [("alias", a) for a in r.aliases] + [x for h in r.highlights for x in _both("text", h)] + _both("text", r.framing)
    elif kind == "offer":
        out += _both("name", r.name) + _keywords(r.keywords)
    elif kind == "sector":
        out += _keywords(r.keywords)
    elif kind == "organisation":
        out += _keywords(r.keywords) + _both("text", r.kind) + [x for f in r.facts for x in _both("text", f)]
    elif kind == "document":
        out += _keywords(r.keywords)
    elif kind == "statement":
        out += _keywords(r.keywords) + _both("text", r.text)
    elif kind == "series":
        out += _keywords(r.keywords) + _both("text", r.note) + [x for o in r.organisers for x in _both("text", o)]
    elif kind == "edition":
        out += [("keyword", str(r.year or "")), *_keywords(r.keywords), *_both("keyword", r.city), *_both("text", r.venue), *_both("text", r.note),
                *[x for o in r.organisers for x in _both("text", o)], *[("text", d.when.replace("/", " ")) for d in r.dates],
                *[x for c in r.counts for x in _both("text", c.label)]]
    elif kind == "observation":
        out += [("keyword", r.when.replace("-", " ")), ("text", r.original), *_both("text", r.note)]
    elif kind == "source":
        out += [*_both("name", r.outlet), *_both("text", r.about), ("text", r.author or ""), ("text", r.date or ""), *_keywords(r.keywords)]
    return [(f, t) for f, t in out if t]


# ----------------------------------------------------------------------------------------------
# The index
# ----------------------------------------------------------------------------------------------


class Index:
    """A plan's records, ready to be searched: each field's text folded for scanning, postings made per term.

    Postings are made only for the terms a query has: a term's candidates are the fields whose folded text
    holds its first four characters (every way a word folds to a term keeps them: batteries -> battery,
    center -> centre, e-commerce -> ecommerce once hyphens are dropped), and only those fields are cut
    into terms. A search thus reads every text once at C speed and analyses a small part of them, in time
    linear in the plan's size; lengths for BM25 are counted in characters."""

    def __init__(self, plan: Plan) -> None:
        self.entries = entries(plan)
        self.fields: list[list[tuple[str, str]]] = [fields(e) for e in self.entries]  # per record: (field, text)
        # per record, all its texts folded for scanning in one string: one object a record keeps a large
        # plan's index small (and so fast: a 10 MB plan has some 300,000 fields)
        self.scans = ["\x00".join(_scan_form(t) for _, t in record_fields) for record_fields in self.fields]
        totals: dict[str, list[int]] = {f: [0, 0] for f in WEIGHTS}
        for record_fields in self.fields:
            for field, text in record_fields:
                totals[field][0] += len(text)
                totals[field][1] += 1
        self.avg = {f: (n / k if k else 1.0) or 1.0 for f, (n, k) in totals.items()}
        self.size = len(self.entries)
        self._postings: dict[str, dict[int, float]] = {}
        self._terms: dict[tuple[int, int], list[str]] = {}

    def terms(self, doc: int, i: int) -> list[str]:
        """The terms of field ``i`` of record ``doc`` (made once)."""
        key = (doc, i)
        if key not in self._terms:
            field, text = self.fields[doc][i]
            self._terms[key] = doc_terms(text, joins=field != "id")
        return self._terms[key]

    def posting(self, term: str) -> dict[int, float]:
        """record -> the term's weighted, length-normalised frequency in it (empty when no record has it)."""
        if term in self._postings:
            return self._postings[term]
        if term.startswith("u:"):
            out = self.single(term[2:])
        else:
            probe = term if _is_cjk(term[:1]) else term[:4]
            out = {}
            for doc, scan in enumerate(self.scans):
                if probe in scan:
                    for i, (field, text) in enumerate(self.fields[doc]):
                        count = self.terms(doc, i).count(term)
                        if count:
                            out[doc] = out.get(doc, 0.0) + count * WEIGHTS[field] / (1 - B + B * len(text) / self.avg[field])
        self._postings[term] = out
        return out

    @property
    def vocab(self) -> frozenset[str]:
        """The plan's Chinese words (its keywords and short names), for cutting a query into words."""
        return frozenset(_fold(text) for record_fields in self.fields for field, text in record_fields
                         if field in ("keyword", "name", "alias") and 2 <= len(text) <= 8 and _is_cjk(text))

    @property
    def surface(self) -> dict[str, str]:
        """term -> a word as the plan writes it (for suggestions; built only when a word is unknown)."""
        out: dict[str, str] = {}
        for record_fields in self.fields:
            for _, text in record_fields:
                for tok in tokens(text):
                    if tok.surface and not tok.term.startswith("u:"):
                        out.setdefault(tok.term, tok.surface)
        return out

    def idf(self, term: str) -> float:
        return self.idf_of(len(self.posting(term)))

    def idf_of(self, n: int) -> float:
        """BM25's idf for a term that ``n`` records hold."""
        return math.log(1 + (self.size - n + 0.5) / (n + 0.5))

    def single(self, char: str) -> dict[int, float]:
        """Postings of one Chinese character, found by scanning the texts (a one-character query is rare;
        indexing every character of every record would double the index)."""
        out: dict[int, float] = {}
        for doc, record_fields in enumerate(self.fields):
            for field, text in record_fields:
                if char in text:
                    out[doc] = out.get(doc, 0.0) + WEIGHTS[field]
        return out


def _scan_form(text: str) -> str:
    """A text as a term's candidates are looked for in it: folded, hyphens dropped."""
    return re.sub(r"[-‐‑–]", "", _fold(text))


def _is_cjk(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class Hit(msgspec.Struct, frozen=True):
    """One search result: what kind of record, its id and title, and where the query matched."""

    kind: str
    id: str
    title: Text
    field: str
    matched: str
    score: float


class Result(msgspec.Struct, frozen=True):
    """Hits, best first; the query's words the plan does not use, each with the nearest words it does use."""

    hits: list[Hit]
    unknown: list[str]
    suggestions: dict[str, list[str]]


def search(plan: Plan, query: str, limit: int | None = None, kind: str | None = None, related: bool = True) -> Result:
    """Ranked hits across every kind of record (or one ``kind``); see the module's text for how."""
    index = Index(plan)
    qtoks = tokens(query, query=True, vocab=index.vocab if any(_is_cjk(ch) for ch in query) else frozenset())
    weight: dict[int, float] = {}  # concept -> its weight in the coverage: the idf of its rarest known term
    for t in qtoks:
        n = len(index.posting(t.term))
        if n:
            weight[t.concept] = max(weight.get(t.concept, 0.0), index.idf_of(n))
    total = sum(weight.values())
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
    phrase = [next(t.term for t in qtoks if t.concept == c) for c in concepts]
    terms = {t.term for t in qtoks}
    hits: list[Hit] = []
    for doc, score in scores.items():
        entry = index.entries[doc]
        if kind is not None and entry.kind != kind:
            continue
        coverage = sum(weight[c] for c in matched[doc]) / total
        field, text, bonus = _best_field([(f, t, index.terms(doc, i)) for i, (f, t) in enumerate(index.fields[doc])], terms, phrase)
        prior = KIND_PRIOR.get(entry.kind, 1.0)
        hits.append(Hit(entry.kind, entry.id, entry.title, field, text, round(score * coverage * coverage * bonus * prior, 3)))
    hits.sort(key=lambda h: -h.score)  # stable: ties keep the plan's order
    if related and hits:
        hits = _with_related(plan, index, hits, kind)
    unknown: list[str] = []
    for c in concepts:
        surface = next(t.surface for t in qtoks if t.concept == c)
        if c not in weight and surface not in unknown and not any(w in weight for w in _same_surface(qtoks, surface)):
            unknown.append(surface)
    return Result(hits[:limit] if limit else hits, unknown, {w: nearest(index, w) for w in unknown})


def _same_surface(qtoks: list[Token], surface: str) -> set[int]:
    """The concepts of one written word (a Chinese run is several bigram concepts)."""
    return {t.concept for t in qtoks if t.surface == surface}


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
    wanted = {(link.kind, link.id) for hit in hits[:3] for link in graph.get((hit.kind, hit.id), []) if link.relation in CLOSE}
    by_key = {(e.kind, e.id): e for e in index.entries if (e.kind, e.id) in wanted} if wanted else {}
    current = {(h.kind, h.id): h for h in hits}
    for hit in hits[:3]:
        for link in graph.get((hit.kind, hit.id), []):
            key = (link.kind, link.id)
            if link.relation not in CLOSE or key not in by_key or (kind is not None and link.kind != kind):
                continue
            score = round(hit.score * RELATED_SHARE, 3)
            if key in current and current[key].score >= score:
                continue
            other = by_key[key]
            current[key] = Hit(other.kind, other.id, other.title, "related", f"{link.relation}: {hit.kind} {hit.id}", score)
    return sorted(current.values(), key=lambda h: -h.score)


def nearest(index: Index, word: str, n: int = 3) -> list[str]:
    """The words of the plan closest to ``word`` (for 'did you mean')."""
    import difflib

    folded = _fold(word)
    vocab = {w.casefold(): w for w in index.surface.values() if len(w) > 1}
    close = difflib.get_close_matches(folded, list(vocab), n=n, cutoff=0.72 if folded.isascii() else 0.4)
    return [vocab[c] for c in close]


def matches(query: str, texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` holds every word of ``query`` as a whole word (the listings' ``--search``)."""
    wanted: dict[int, set[str]] = {}
    for t in tokens(query, query=True):
        wanted.setdefault(t.concept, set()).add(t.term)
    if not wanted:
        return False
    for text in texts:
        have = {t.term for t in tokens(text)}
        if all(terms & have for terms in wanted.values()):
            return True
    return False

