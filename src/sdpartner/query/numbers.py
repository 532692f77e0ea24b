"""Numbers, ordinals and years as people write them in a question, and the numbers records hold.

750 billion yuan = 7500亿元 = 7.5e11 = 750,000,000,000; 39.3亿美元 = 3.93 billion US dollars; first = 1st =
第一届 = 首届; 2024年 = 2024. ``read`` takes them out of a query and leaves the words; ``amounts`` lists the
values a record holds (a figure, the counts of an edition, a reading), each with its currency.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

import msgspec

from ..plan.model import Amount

_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
          "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12, "萬": 1e4, "億": 1e8, "萬億": 1e12}  # (萬, 億: as traditional characters and Japanese write them)
_CURRENCY = {"yuan": "CNY", "rmb": "CNY", "cny": "CNY", "renminbi": "CNY", "元": "CNY", "人民币": "CNY", "¥": "CNY", "￥": "CNY",
             "dollar": "USD", "dollars": "USD", "usd": "USD", "us$": "USD", "$": "USD", "美元": "USD", "us dollars": "USD", "us dollar": "USD"}


class QueryNumber(msgspec.Struct, frozen=True):
    """A number in a query: its value in one unit, its currency if one is written, and the text as typed."""

    value: float
    currency: str | None
    percent: bool
    text: str
    year: bool  # a bare four-digit number that may be a year


class Reading(msgspec.Struct, frozen=True):
    """A query taken apart: the words left to search, the numbers, an ordinal and the years it names."""

    words: str
    numbers: tuple[QueryNumber, ...]
    ordinal: int | None
    years: tuple[int, ...]
    units: tuple[str, ...]  # the word that follows a number ("guests", "MOUs"): narrows, never matches alone
    days: tuple[tuple[str, str], ...] = ()  # the dates it names: (ISO day or month, as typed): 19 June 2025, 2025年6月
    no_dates: tuple[str, ...] = ()  # written as a day but no day of the calendar (2025-02-30, 2025年13月), as typed


def amount_words(text: str) -> bool:
    """Whether a text is only words of amounts, the currencies and scales a number is read with (yuan, US dollars,
    billion, 亿元; not a one-letter scale, k or m, alone)."""
    low = " ".join(text.lower().split())
    if low in _CURRENCY:  # us dollars
        return True

    def of_amounts(word: str) -> bool:
        if word.isascii():
            return word in _CURRENCY or (word in _SCALE and len(word) > 1)
        for w in _CHINESE_AMOUNT_WORDS:  # 亿元: 亿 and 元
            word = word.replace(w, "")
        return not word

    return bool(low) and all(of_amounts(word) for word in low.split())


_CHINESE_AMOUNT_WORDS = sorted((w for w in (*_SCALE, *_CURRENCY) if not w.isascii()), key=len, reverse=True)  # longest first


def en_ordinal(word: str) -> int | None:
    """7th -> 7, seventh -> 7 (up to twentieth, then a ten and a unit: twenty-first, twenty first -> 21), as a query
    writes an ordinal (``ordinal_en``); None for anything else."""
    low = word.lower()
    digits = low[:-2]
    if digits.isascii() and digits.isdigit() and len(digits) <= 3 and low[-2:] in ("st", "nd", "rd", "th"):
        return int(digits)
    ten, _, unit = " ".join(low.replace("-", " ").split()).rpartition(" ")
    if ten in _EN_TENS and _ORDINAL_WORDS.get(unit, 10) < 10:
        return EN_NUMBER_WORDS[ten] + _ORDINAL_WORDS[unit]
    return _ORDINAL_WORDS.get(low)


EN_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                                                "sixteen seventeen eighteen nineteen".split())} | {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALES = ("hundred", "thousand")
_EN_DIGITS = tuple(w for w, n in EN_NUMBER_WORDS.items() if n < 10)  # zero ... nine: a decimal's digits
_EN_TENS = tuple(w for w, n in EN_NUMBER_WORDS.items() if n >= 20)  # twenty ... ninety: sixty-one is 61


def _en_value(words: list[str]) -> int | None:
    """five hundred and two -> 502, two thousand five hundred -> 2500, twenty-five -> 25; None for what no one
    writes as a number (five five, hundred twenty)."""
    total, current, last = 0, 0, ""  # last: what the previous word was (unit, ten, hundred, thousand)
    for w in words:
        n = EN_NUMBER_WORDS.get(w)
        if n is not None:
            kind = "ten" if n >= 20 else "unit"
            if last == "unit" or (last == "ten" and n >= 10):
                return None
            current, last = current + n, kind
        elif w == "hundred" and last in ("unit", "ten") and 0 < current < 100:
            current, last = current * 100, "hundred"
        elif w == "thousand" and last in ("unit", "ten", "hundred") and total == 0:
            total, current, last = current * 1000, 0, "thousand"
        else:
            return None
    return total + current


_EN_LARGE = tuple(w for w, v in _SCALE.items() if v >= 1e6 and w.isascii() and len(w) > 1)  # million, mn, billion, bn, ...


@cache
def _english_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A run of number words (with a decimal point), and a large scale's word after one."""
    number = "|".join(sorted((*EN_NUMBER_WORDS, *_EN_SCALES), key=len, reverse=True))
    run = re.compile(rf"\b(?:{number})(?:(?:[\s-]+(?:and\s+)?)(?:{number}))*(?P<point>\s+point(?:\s+(?:{'|'.join(_EN_DIGITS)}))+)?\b", re.IGNORECASE)
    return run, re.compile(rf"\s+(?:{'|'.join(sorted(_EN_LARGE, key=len, reverse=True))})\b", re.IGNORECASE)


def english(query: str) -> str:
    """A query with English number words written in digits where they plainly are a number: with hundred or
    thousand in them (five hundred exhibitions: 500, seven hundred and two: 702, two thousand five hundred: 2500),
    a ten and a unit (sixty-one countries, sixty one: 61) or before million, billion or trillion (seven hundred
    fifty billion yuan: 750 billion yuan). A number word alone or in a name stays a word (seven, sixty, Ten
    Partner Actions, one-stop). A decimal is read with its point (thirty-nine point three billion: 39.3 billion)."""
    low = query.lower()
    if not any(w in low for w in (*_EN_SCALES, *_EN_LARGE, *_EN_TENS)):
        return query
    run, before_large = _english_patterns()

    def digits(m: re.Match[str]) -> str:
        if _after_point(m.string, m.start()):  # point five billion: the decimals of no number
            return m.group(0)
        whole = m.group(0)[: m.start("point") - m.start()] if m.group("point") else m.group(0)
        words = [w for w in re.split(r"[\s-]+", whole.lower()) if w != "and"]
        ten_and_unit = (len(words) == 2 and words[0] in _EN_TENS and 0 < EN_NUMBER_WORDS.get(words[1], 0) < 10
                        and not re.match(r"-\w", m.string[m.end():m.end() + 2]))  # twenty one-stop services: a word's part
        if not (before_large.match(m.string, m.end()) or ten_and_unit or any(w in _EN_SCALES for w in words)):
            return m.group(0)
        value = _en_value(words)
        if value is None or (value == 0 and not m.group("point")):
            return m.group(0)
        decimals = "".join(str(EN_NUMBER_WORDS[w]) for w in m.group("point").lower().split()[1:]) if m.group("point") else ""
        return f"{value}.{decimals}" if decimals else str(value)

    return run.sub(digits, query)


def _after_point(text: str, at: int) -> bool:
    """Whether ``text`` has the word "point" and blanks just before ``at``. Only the blanks and the five letters
    before them are read (the whole text before each number, read again per number, made a long query quadratic)."""
    start = at
    while start and text[start - 1].isspace():
        start -= 1
    return start < at and _point().search(text, max(0, start - 5), at) is not None


@cache
def _point() -> re.Pattern[str]:
    return re.compile(r"\bpoint\s+$", re.IGNORECASE)


def cn_numeral(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十一 -> 21, 7 -> 7; None for what is not a numeral (or too long to be an edition)."""
    if text.isdigit():
        return int(text) if text.isdecimal() and len(text) <= 9 else None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    return _CN_DIGITS.get(text) if len(text) == 1 else None


_CN_NUMERAL = frozenset("〇零一二两三四五六七八九十百千")
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _cn_value(run: str) -> int | None:
    """A numeral written with 十, 百, 千 (七千五百 7500, 三十九 39, 一百零五 105, 十二 12); None for anything that is
    not one whole (十四五 is a name, not a number; 七千五 is left to the reader)."""
    total, digit, last, zero = 0, None, 10_000, False
    for ch in run:
        if ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last or (digit is None and not (ch == "十" and total == 0)):
                return None
            total, digit, last, zero = total + (1 if digit is None else digit) * unit, None, unit, False
        elif ch in "〇零":
            if digit is not None or zero:
                return None
            zero = True
        else:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
    if digit is not None:
        if last != 10 and not zero and last != 10_000:
            return None
        total += digit
    return total if last != 10_000 else None


# what may follow a Chinese numeral that writes a number: an amount's scale or currency, a date's parts, or a
# measure word of a count (五百场, 1120名); not 国, 届, 行, 大 ... (二十国集团, 二十届, 三百六十行, 二十大 are words)
_AREA = ("平方", "平米")  # an area's words (平方米, 平米): after a numeral or after digits
_CN_NUMBER_AFTER = ("亿", "万", "元", "美元", "人民币", "年", "月", "日", *_AREA, *"场个家人项对位名座件条强多余次市段")


def arabic(query: str) -> str:
    """A query with the Chinese numerals that write numbers in digits: 二〇二六年 2026年, 七千五百亿元 7500亿元,
    三十九点三亿 39.3亿, 五百场 500场, 两万人 2万人, 一万二千人 12000人, 百分之四点五 4.5%. Only a year's four digits (19xx or 20xx,
    before 年 or written with 〇) and numerals before an amount's, a date's or a count's word (or a numeral that is
    the whole query: 五百, 两万) are read, and of those only a numeral of two characters or more with 十, 百 or
    千 (or a scale inside it), or one with a scale (万, 亿) that such a word follows: 一 in 一带一路, 十 in
    十大伙伴行动, 十四五, 二十大, 二十国集团, 三百六十行 and 十万火急 stay as they are."""
    if not any(c in _CN_NUMERAL for c in query):
        return query
    if "百分之" in query:  # a share in words: 百分之四点五 4.5%, 百分之十 10%
        query = re.sub("百分之([〇零一二两三四五六七八九十百]+)(?:点([〇零一二三四五六七八九]+))?", _percent, query)

    def positional(m: re.Match[str]) -> str:
        run = m.group(0)
        year = "".join(str(_CN_DIGITS[c]) for c in run)
        if year[:2] not in ("19", "20") or ("〇" not in run and not m.string[m.end():].lstrip().startswith("年")):
            return run
        return year

    def counted(m: re.Match[str]) -> str:
        run, fraction, after = m.group(1), m.group(2), m.string[m.end():].lstrip()
        body = run if fraction is not None else run.rstrip("万亿")
        scale = m.group(3) or "" if fraction is not None else run[len(body):]  # the scale at the end stays, as amounts are written
        several = "万" in body or "亿" in body  # a scale inside: read whole, in digits (两亿一千五百万 215000000)
        if scale not in ("", "万", "亿", "万亿") or (several and fraction is not None):
            return m.group(0)
        whole = _whole(run) if several else _section(body)
        written = several or len(body) > 1 and any(c in _CN_UNITS for c in body)
        if whole is None or (whole == 0 and fraction is None):
            return m.group(0)
        # the whole query is a numeral of a hundred or more (五百, 两万): a number; 十一 alone stays a word (National Day)
        alone = not after and not m.string[:m.start()].strip() and any(c in "百千万亿" for c in run)
        if not (written and (scale or after).startswith(_CN_NUMBER_AFTER) or scale and after.startswith(_CN_NUMBER_AFTER)
                or alone and (written or scale)):
            return m.group(0)
        if several:
            return str(whole)
        return str(whole) + ("." + "".join(str(_CN_DIGITS[c]) for c in fraction) if fraction else "") + scale

    digits = "〇零一二三四五六七八九"
    query = re.sub(f"(?<![{digits}十百千两])[{digits}]{{4}}(?![{digits}十百千两])", positional, query)
    numeral, part = f"[{digits}十百千两]", f"[{digits}十百千两万亿]"  # a numeral starts with a digit or a unit, never with its scale
    return re.sub(f"(?<![0-9０-９{digits}十百千两])({numeral}{part}*)(?:点([{digits}]+)([万亿]*))?(?!{part})", counted, query)


def _percent(m: re.Match[str]) -> str:
    whole = _section(m.group(1))
    if whole is None:
        return m.group(0)
    return str(whole) + ("." + "".join(str(_CN_DIGITS[c]) for c in m.group(2)) if m.group(2) else "") + "%"


def _section(numeral: str) -> int | None:
    """A numeral without 万 or 亿: a digit, 十, or a whole numeral with 十, 百 or 千 (None for any other)."""
    return _cn_value(numeral) if len(numeral) > 1 else 10 if numeral == "十" else _CN_DIGITS.get(numeral)


def _whole(numeral: str) -> int | None:
    """A numeral with 万 or 亿 inside as one number: 一万二千 12000, 两亿零五万 200050000, 一亿两千万 120000000; None
    where it is not one (两亿亿, 一万二 as a colloquial 12,000, 九十万零)."""
    total, rest = 0, numeral
    for mark, size in (("亿", 10 ** 8), ("万", 10 ** 4)):
        if mark in rest:
            head, _, rest = rest.partition(mark)
            if total and head[:1] in ("零", "〇"):  # 两亿零五万
                head = head[1:]
            value = _section(head) if "万" not in head else None
            if not value or mark in rest:
                return None
            total += value * size
    if rest:  # below the last scale: a whole numeral (一万二千, 一万零五), not a bare digit (一万二)
        tail = rest[1:] if rest[0] in ("零", "〇") else rest
        value = _section(tail) if len(tail) > 1 or tail != rest else None
        if value is None:
            return None
        total += value
    return total


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    scale = r"(?P<scale>thousand|trillion|billion|million|bn|tn|mn|k|m|b)\b"
    currency_after = r"(?P<cur>us\s*dollars?|dollars?|usd|yuan|rmb|cny|renminbi)\b"
    return {
        "ordinal_cn": re.compile(r"首届|首次|第\s*([0-9一二三四五六七八九十两]+)\s*(?:届|次|回|个)?"),
        "ordinal_en": re.compile(r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(?:" + "|".join(_EN_TENS) + r")[\s-]+(?:" + "|".join(w for w, n in _ORDINAL_WORDS.items() if n < 10)
                                 + ")|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.I),  # 7th, twenty-first, seventh
        "year_cn": re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年"),
        "sci": re.compile(r"(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)e([+-]?\d{1,2})(?![\w.])", re.I),
        "zh_amount": re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万亿|萬億|亿|億|万|萬|千)?\s*(元人民币|人民币|元|美元)?(?=[^\d]|$)"),
        # hundreds or thousands of a scale, in digits: 9千万 (9000万), 5百万 (500万)
        "under_scale": re.compile(r"(?<![\d.,])(\d+)([千百])(?=[万萬亿億])"),
        # digits with two scales, as one number: 2亿1500万 (215,000,000), 1万1000 (11,000), 3万5千 (35,000)
        "compound": re.compile(r"(?<![\d.,])(\d+)([亿億])(\d{1,4})([万萬])(\d{1,4})?(?![\d.,])|(?<![\d.,])(\d+)([万萬])(?:(\d{3,4})(?![\d.,万萬亿億千])|(\d)千)"),
        # the space after a prefix only with the prefix: a bare \s* would let every blank start a match that runs to the
        # end of a blank stretch before failing, quadratic in a query whose words were cut out (first first first ...)
        "en_amount": re.compile(r"(?:(?P<pre>us\$|\$|rmb|¥|￥)\s*)?(?<![A-Za-z0-9_.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]*\d)\s*"
                                r"(?:(?P<pct>%|percent\b|per cent\b)|" + scale + r")?\s*(?:" + currency_after + r")?", re.I),
        # a unit's word; up to four Chinese characters are taken after it by hand (a class of the Chinese block
        # costs 1-4 ms to compile)
        "unit": re.compile(r"\s*([a-z][a-z'-]*)?", re.I),
    }


_MEASURE_WORDS = "个家人场项对位名届次国座件条亿万元"


def _counted(text: str, end: int) -> bool:
    """Whether a bare number counts something: a word or a Chinese measure word follows it (48 MOUs, 1120名)."""
    rest = text[end:].lstrip()
    if not rest:
        return False
    if "\u3400" <= rest[0] <= "\u9fff":
        return rest[0] in _MEASURE_WORDS or rest.startswith(_AREA)
    word = re.match(r"[A-Za-z][A-Za-z'-]*", rest)
    return word is not None and word.group(0).lower() not in _STOP_UNIT


_STOP_UNIT = frozenset("a an the of in on at to for and or with from by which what who where when how is are was were".split())


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")  # as a Chinese input method may type digits: 第７届, ５００ (not ，: a comma between clauses)


_MONTHS = {m: i + 1 for i, m in enumerate("january february march april may june july august september october november december".split())}
_MONTH = "(" + "|".join(sorted({*_MONTHS, *(m[:3] for m in _MONTHS), "sept"}, key=len, reverse=True)) + r")\.?"


def _month(word: str) -> int:
    low = word.lower()
    return _MONTHS.get(low) or next(n for m, n in _MONTHS.items() if m.startswith(low[:3]))


@cache
def _date_patterns() -> list[tuple[re.Pattern[str], tuple[str, str, str]]]:
    """Dates as people write them, each with where its (year, month, day) are: 2025-06-19, 19 June 2025, June 19,
    2025, June 2025, 2025年6月19日, 2025年6月 (Chinese numerals are digits by then)."""
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    cn = "[0-9一二三四五六七八九十]{1,3}"  # a month or day in digits or Chinese numerals (二〇二五年六月十九日)
    return [(re.compile(p, re.I), where) for p, where in [
        (r"(?<![\d.,/-])(\d{4})([-/])(\d{1,2})(?:\2(\d{1,2}))?(?![\d/-])", ("1", "3", "4")),
        (rf"\b{day}\s+(?:of\s+)?{_MONTH}\s*,?\s*(\d{{4}})\b", ("3", "2", "1")),
        (rf"\b{_MONTH}\s+{day}\s*,?\s*(\d{{4}})\b", ("3", "1", "2")),
        (rf"\b{_MONTH}\s*,?\s*(\d{{4}})\b", ("2", "1", "")),
        (rf"(?<!\d)(\d{{4}})\s*年\s*({cn})\s*月(?:\s*({cn})\s*[日号])?", ("1", "2", "3")),
    ]]


def _dates(text: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """The text with the dates it names cut out, those dates as (ISO day or month, as typed), and what is written as
    a day (or as Chinese writes a month) but cannot be one, as typed: such a date (2025-13-01) stays words."""
    from ..plan.model import check_day

    found: list[tuple[int, str, str]] = []
    impossible: list[str] = []

    def take(m: re.Match[str], where: tuple[str, str, str]) -> str:
        y, mo, d = (m.group(int(i)) if i else None for i in where)
        try:
            month = (int(mo) if mo.isdigit() else cn_numeral(mo) or _month(mo)) if mo else 0
            dd = (int(d) if d.isdigit() else cn_numeral(d) or 0) if d else None
            check_day(int(y or 0), month, 1 if dd is None else dd)  # day 0 (2025-06-00) cannot be either
        except (ValueError, StopIteration):
            if d or "年" in m.group(0):  # (2024/25 is no date, and may be no date meant: a season)
                impossible.append(m.group(0).strip())
            return m.group(0)
        found.append((m.start(), f"{int(y or 0):04d}-{month:02d}" + (f"-{dd:02d}" if dd else ""), m.group(0).strip()))
        return " " * (m.end() - m.start())

    for pattern, where in _date_patterns():
        text = pattern.sub(lambda m, w=where: take(m, w), text)  # type: ignore[misc]
    return text, list(dict.fromkeys((iso, typed) for _, iso, typed in sorted(found))), list(dict.fromkeys(impossible))  # typed twice: once


def read(query: str) -> Reading:
    """The numbers, ordinal and years of a query, and the words that are left once they are taken out (Chinese
    numerals read as digits first: ``arabic``)."""
    query = arabic(english(query.translate(_FULL_WIDTH)))
    low = query.lower()
    if not any(c.isdigit() for c in query) and "首" not in query and "第" not in query and not any(w in low for w in _ORDINAL_WORDS):
        return Reading(" ".join(query.split()), (), None, (), ())  # nothing the patterns could take (compiling them costs ~4 ms)
    p = _patterns()
    text, days, no_dates = _dates(query) if re.search(r"\d{4}", query) else (query, [], [])  # a date names a day or month, not numbers
    ordinal: int | None = None
    years: list[int] = [int(iso[:4]) for iso, _ in days]
    numbers: list[QueryNumber] = []
    units: list[str] = []

    def cut(m: re.Match[str]) -> str:
        return " " * (m.end() - m.start())

    def ordinal_cn(m: re.Match[str]) -> str:
        nonlocal ordinal
        n = 1 if m.group(0).startswith("首") else cn_numeral(m.group(1))
        if n is not None and ordinal is None:
            ordinal = n
        return cut(m)

    def ordinal_en(m: re.Match[str]) -> str:
        nonlocal ordinal
        if re.match(r"\s+times?\b", m.string[m.end():], re.IGNORECASE):  # for the first time: no edition's number
            return m.group(0)
        n = en_ordinal(m.group(0))
        if ordinal is None:
            ordinal = n
        return cut(m)

    text = p["ordinal_cn"].sub(ordinal_cn, text)
    text = p["ordinal_en"].sub(ordinal_en, text)

    def year_cn(m: re.Match[str]) -> str:
        years.append(int(m.group(1)))
        return m.group(1) + " " * (m.end() - m.start() - len(m.group(1)))  # the year stays a word: 2024年 = 2024

    text = p["year_cn"].sub(year_cn, text)

    def unit_after(end: int) -> None:
        m = p["unit"].match(text, end)
        assert m is not None  # (every part of the pattern is optional)
        word = m.group(1)
        if word is None:
            start = stop = m.end()
            while stop < len(text) and stop - start < 4 and "\u3400" <= text[stop] <= "\u9fff":
                stop += 1
            word = text[start:stop] or None
        if word and word.lower() not in _STOP_UNIT:
            units.append(word)

    def sci(m: re.Match[str]) -> str:
        numbers.append(QueryNumber(float(m.group(1)) * 10 ** int(m.group(2)), None, False, m.group(0), False))
        return cut(m)

    text = p["sci"].sub(sci, text)

    def zh(m: re.Match[str]) -> str:
        if not (m.group(2) or m.group(3)):
            return m.group(0)  # a bare number: the English pattern reads it
        value = float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1)
        numbers.append(QueryNumber(value, _CURRENCY.get(m.group(3).replace("元人民币", "元")) if m.group(3) else None, False, m.group(0).strip(), False))
        if not m.group(3):
            unit_after(m.end())  # 2万人: people
        return cut(m)

    def compound(m: re.Match[str]) -> str:
        if m.group(1):
            whole = int(m.group(1)) * 10 ** 8 + int(m.group(3)) * 10 ** 4 + int(m.group(5) or 0)
        else:
            whole = int(m.group(6)) * 10 ** 4 + (int(m.group(8)) if m.group(8) else int(m.group(9)) * 1000)
        return str(whole)

    text = p["under_scale"].sub(lambda m: str(int(m.group(1)) * (1000 if m.group(2) == "千" else 100)), text)
    text = p["compound"].sub(compound, text)
    text = p["zh_amount"].sub(zh, text)
    found: list[tuple[int, int, QueryNumber, bool]] = []
    # once, not once a number (and not by a pattern: a class of the Chinese block costs 2 ms to compile)
    letters = [i for i, c in enumerate(text) if ("a" <= c <= "z" or "A" <= c <= "Z" or "\u3400" <= c <= "\u9fff")]
    for m in p["en_amount"].finditer(text):
        raw = m.group("num")
        if raw is None:
            continue
        value = float(raw.replace(",", ""))
        scale = (m.group("scale") or "").lower()
        value *= _SCALE.get(scale, 1)
        pre, cur = (m.group("pre") or "").lower(), (m.group("cur") or "").lower()
        currency = _CURRENCY.get(pre) or _CURRENCY.get(re.sub(r"\s+", " ", cur)) or (_CURRENCY["dollars"] if "dollar" in cur else None)
        bare = not (scale or pre or cur or m.group("pct")) and "," not in raw and "." not in raw
        is_year = bare and len(raw) == 4 and 1900 <= int(raw) <= 2100
        alone = not letters or (letters[0] >= m.start() and letters[-1] < m.end())  # no letter outside the number
        if bare and not is_year and not alone and not _counted(text, m.end()):
            continue  # a number inside a name (Fortune Global 500, 世界500强): a word, not a value
        found.append((m.start(), m.end(), QueryNumber(value, currency, bool(m.group("pct")), m.group(0).strip(), is_year), bare))
    for start, end, number, bare in reversed(found):
        if number.year:
            years.append(int(number.value))
        numbers.append(number)
        if not number.currency and not number.percent and not number.year:
            unit_after(end)
        if not bare:  # a bare number stays a word too (a record may write it so); an amount is only a value
            text = text[:start] + " " * (end - start) + text[end:]
    numbers.sort(key=lambda n: query.find(n.text))
    return Reading(" ".join(text.split()), tuple(numbers), ordinal, tuple(dict.fromkeys(years)), tuple(units), tuple(days), tuple(no_dates))


def amounts(record: Any) -> list[Amount]:
    """The numbers a record holds as values: itself (a figure, a reading) and its counts."""
    out: list[Amount] = [record] if isinstance(record, Amount) and record.value is not None else []
    out += [c for c in getattr(record, "counts", None) or [] if isinstance(c, Amount)]
    return out


def unit_forms(*words: str) -> set[str]:
    """Unit words as they are compared: folded, a Latin word as its term (metres -> metre), a Chinese unit whole."""
    from .terms import fold, stem

    out: set[str] = set()
    for word in words:
        folded = fold(word).strip()
        folded = _SAID_FOR.get(folded, folded)
        out |= {stem(w) for w in folded.split()} if folded.isascii() else {folded} if folded else set()
    return out


_SAID_FOR = {"平米": "平方米"}  # a unit's short form -> the plan's word for it (25300平米 is 25,300 平方米)


def dimension(amount: Amount) -> str:
    """What an amount measures: money, a share (%), an area, or a count (people, events, countries ...)."""
    unit = amount.unit
    if amount.currency is not None:
        return "money"
    if _share(amount):
        return "share"
    if unit is not None and (any(w in unit.zh for w in _AREA) or "square" in unit.en.lower()):
        return "area"
    return "count"


def _share(amount: Amount) -> bool:
    """Whether an amount is a share (its unit is %)."""
    return amount.unit is not None and "%" in amount.unit.en


def _same(asked: str, unit: str) -> bool:
    """A unit asked for is a unit of the plan: the same word, or for Chinese the start of the other (个国家 个国家和地区)."""
    return asked == unit or (not asked.isascii() and (unit.startswith(asked) or asked.startswith(unit)))


def in_unit(asked: set[str], amount: Amount, known: dict[str, set[str]]) -> bool:
    """Whether an amount measures what the query's unit words do (``known``: each unit word of the plan's amounts ->
    what those amounts measure). A word that is no unit of the plan narrows nothing (435 guests, 750 billion
    credit); one that is narrows to amounts of its kind: 两万人 is no area (2万平方米), 7500亿人 no money. Counts are
    not told apart by their words (一万一千项 finds 11,000 projects, 个)."""
    wanted = {d for a in asked for unit, dims in known.items() if _same(a, unit) for d in dims}
    return not wanted or dimension(amount) in wanted


def equal(number: QueryNumber, amount: Amount) -> bool:
    """Whether a query's number is a record's value: the same number at the record's precision, and the same
    currency when the query names one (39.3亿美元 is 3.93 billion US dollars, not 3.93 billion yuan)."""
    value = amount.value
    if not math.isfinite(number.value):  # digits beyond a float's range (9 x 400): no record's value, not every one
        return False
    if number.currency is not None and amount.currency != number.currency:
        return False
    if number.percent and not _share(amount):
        return False
    return abs(number.value - value) <= 1e-9 * max(abs(number.value), abs(value), 1.0)
