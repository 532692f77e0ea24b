"""How a text becomes terms, the same for a record's texts and a query (the search engine's words).

- Latin text is folded (case, width, diacritics: Türkiye = turkiye), split into whole words, US spellings
  mapped to the British ones the plan uses (center = centre, -ize = -ise), demonyms to their country
  (korean = korea) and plurals to the singular (ports = port); a hyphenated or spaced compound also
  yields its parts joined (e-commerce = e commerce = ecommerce).
- Chinese is matched by character bigrams (储能 finds 储能之都; 锂电 finds 锂电池), a single character
  by itself; a query's Chinese is first cut into the plan's own words.
- A query also drops punctuation, English stop and question words and Chinese question words, so a
  question typed as a sentence works.
"""

from __future__ import annotations

import re
from functools import cache

import msgspec

_STOP = frozenset(
    "a an the of in on at to for from by with and or is are was were be been being does do did which what who whom whose where "
    "when why how that this these those there it its any some me my i you your we our they their about into can could would "
    "should will shall has have had not no please tell show find list give get want wants wanted wanting looking look need needs "
    "more most much many s anything something ever there's what's who's city cities".split()
)
_ZH_QUESTION = ("有没有", "是不是", "请问", "哪个城市", "哪些城市", "哪座城市", "哪个", "哪些", "哪里", "哪儿", "什么", "怎么", "如何", "是否", "多少", "吗", "呢", "吧", "的", "了", "哪", "有", "是", "在", "想", "找")
_SPELLING = {
    "center": "centre", "program": "programme", "harbor": "harbour",
    "labor": "labour", "color": "colour", "catalog": "catalogue", "defense": "defence", "fiber": "fibre", "theater": "theatre",
    "neighbor": "neighbour", "favor": "favour", "behavior": "behaviour", "jewelry": "jewellery", "aluminum": "aluminium",
    "traveling": "travelling", "modeling": "modelling", "fulfill": "fulfil", "enroll": "enrol", "kilometer": "kilometre", "meter": "metre",
}
_DEMONYM = {"korean": "korea", "koreans": "korea", "singaporean": "singapore", "british": "britain", "turkish": "turkey", "japanese": "japan",
            "jordanian": "jordan", "european": "europe", "asian": "asia", "african": "africa", "american": "america", "russian": "russia"}


@cache
def _ize() -> re.Pattern[str]:  # compiled for the first word with "iz" in it (0.2 ms)
    return re.compile(r"(?<=\w{3})iz(e|es|ed|ing|ation|ations|er|ers)$")


_HYPHENS = "\u2010\u2011\u2013"  # read as the ASCII one
_LATIN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a Latin word, its hyphenated parts together


@cache
def _words() -> re.Pattern[str]:
    """A Latin word or a run of Chinese characters. Compiled only for a text that is not all ASCII: a class of the
    Chinese blocks costs 1.2-1.6 ms to compile (``re`` sets a map of 65,536 entries one code point at a time)."""
    return re.compile(_LATIN.pattern + r"|[\u3400-\u9fff\uf900-\ufaff]+")


@cache
def _marks() -> re.Pattern[str]:
    return re.compile("[\u0300-\u036f'’]")


def chunks(folded: str) -> list[str]:
    """The words of a folded text: each Latin word with its hyphenated parts (joined by ``-``, whichever of the
    four hyphens was typed), and each run of Chinese characters (the blocks U+3400-U+9FFF and U+F900-U+FAFF)."""
    if folded.isascii():
        return _LATIN.findall(folded)
    for hyphen in _HYPHENS:
        if hyphen in folded:
            folded = folded.replace(hyphen, "-")
    return _words().findall(folded)


@cache
def _zh_question() -> re.Pattern[str]:  # compiled only for a query in Chinese (~0.7 ms)
    return re.compile("|".join(_ZH_QUESTION))


def unhyphened(text: str) -> str:
    """A text without its hyphens (any of the four)."""
    for hyphen in "-" + _HYPHENS:
        if hyphen in text:
            text = text.replace(hyphen, "")
    return text


def fold(text: str) -> str:
    """Case, width and accents folded (Türkiye -> turkiye), apostrophes dropped."""
    if text.isascii():
        return text.lower().replace("'", "")
    import unicodedata  # a shared library: loaded by the first text that is not all ASCII, not by every search

    return _marks().sub("", unicodedata.normalize("NFKD", text.casefold()))


@cache
def stem(word: str) -> str:
    """One Latin word as a term: US spelling to British, demonym to country, plural to singular."""
    word = _DEMONYM.get(word, word)
    if "iz" in word:  # (what _ize needs; most words have none)
        word = _ize().sub(lambda m: "is" + m.group(1), word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ic"):  # robotic(s) -> robot
        word = word[:-2]
    return _SPELLING.get(word, word)  # a plural of a US spelling: fibers -> fiber -> fibre


def kept(term: str) -> str:
    """What every word that ``stem`` makes ``term`` of holds in its folded form (hyphens dropped): the term's first
    four characters, fewer where ``stem`` rewrites one of them (the y of cities -> city; fiber -> fibre). A text
    without it cannot hold the term, so search cuts only the texts that hold it into terms."""
    n = min(4, _rewritten().get(term, 4))
    if term.endswith("y") and len(term) >= 3:  # -ies -> -y (from a word of five letters or more): the y is not in the word
        n = min(n, len(term) - 1)
    return term[:n]


@cache
def _rewritten() -> dict[str, int]:
    """term -> how many of its first characters every word mapped to it keeps (US spellings, demonyms)."""
    out: dict[str, int] = {}
    for word, mapped in (*_SPELLING.items(), *_DEMONYM.items()):
        same = next((i for i, (a, b) in enumerate(zip(word, mapped)) if a != b), min(len(word), len(mapped)))
        term = stem(mapped)
        out[term] = min(out.get(term, same), same)
    return out


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
    out: list[str] = []
    for chunk in chunks(fold(text)):
        if chunk[0] >= "\u3400":
            out += [chunk[i:i + 2] for i in range(len(chunk) - 1)]
        elif chunk.isalnum():
            out.append(stem(chunk))
        else:
            parts = chunk.split("-")
            out += [stem(p) for p in parts]
            if joins:
                out += [stem(a + b) for a, b in zip(parts, parts[1:])]  # e-commerce also as ecommerce
    return out


def _tokens(text: str, query: bool, vocab: frozenset[str] = frozenset()) -> list[Token]:
    out: list[Token] = []
    concept = 0
    latin: list[tuple[str, int]] = []  # the Latin words in order, for joins across spaces
    for chunk in chunks(fold(text)):
        if "\u3400" <= chunk[0]:
            runs = [r for r in _zh_question().split(chunk) if r] if query else [chunk]
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
        parts = chunk.split("-")
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
