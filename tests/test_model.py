"""The model: values that refuse what cannot be (impossible dates, an end before its start, an inferred place
without its reason, money with a unit), and the JSON Schemas generated from it."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import msgspec
import pytest

from sdpartner.plan.model import Amount, DateReading, Place, Source, Text, check_day

from .conftest import ROOT


def _date(**kw: object) -> DateReading:
    return msgspec.convert({"what": "held", "sources": [{"source": "x"}], **kw}, DateReading)


@pytest.mark.parametrize("year", [-1, 0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2025, 2026, 2100, 9996, 9999, 10000])
def test_the_check_of_a_day_agrees_with_datetime(year: int) -> None:
    # check_day stands in for datetime.date (whose import costs about 2 ms of every command), words included
    for month in range(-1, 15):
        for day in range(-1, 34):
            try:
                datetime.date(year, month, day)
                expected = None
            except ValueError as exc:
                expected = str(exc)
            try:
                check_day(year, month, day)
                got = None
            except ValueError as exc:
                got = str(exc)
            assert got == expected, (year, month, day)


def test_text_picks_language() -> None:
    t = Text(zh="青岛", en="Qingdao")
    assert (t.pick("zh"), t.pick("en")) == ("青岛", "Qingdao")


@pytest.mark.parametrize(("start", "end", "precision"), [("2019-10-19", "2019-10-20", "day"), ("2021-07", None, "month"), ("2021", None, "year")])
def test_a_date_is_as_precise_as_written(start: str, end: str | None, precision: str) -> None:
    assert _date(start=start, end=end).precision == precision


def test_a_day_and_month_without_a_year_says_so() -> None:
    d = _date(start="--06-27", end="--06-29", year_known="not_stated")
    assert (d.precision, d.year) == ("day", None)
    with pytest.raises(msgspec.ValidationError, match="year_known"):
        _date(start="--06-27")


@pytest.mark.parametrize(("kw", "message"), [
    ({"start": "2026-02-30"}, "impossible date"),
    ({"start": "2026-13"}, "impossible date"),
    ({"start": "2022-06-21", "end": "2022-06-19"}, "before start"),
    ({"start": "2022-06-21", "end": "2022-07"}, "not written like start"),
    ({"start": "2022-06-21", "sources": []}, "cite"),
])
def test_impossible_dates_are_refused(kw: dict[str, object], message: str) -> None:
    with pytest.raises(msgspec.ValidationError, match=message):
        _date(**kw)


def test_an_inferred_place_says_what_from() -> None:
    with pytest.raises(msgspec.ValidationError, match="note"):
        msgspec.convert({"name": {"zh": "威海", "en": "Weihai"}, "known": "inferred"}, Place)


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -1.0])
def test_a_number_is_finite_and_not_negative(value: float) -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"value": value, "original": "x"}, Amount)


def test_money_has_a_currency_not_a_unit() -> None:
    with pytest.raises(msgspec.ValidationError, match="currency"):
        msgspec.convert({"value": 1, "currency": "CNY", "unit": {"zh": "元", "en": "yuan"}, "original": "1元"}, Amount)


def test_a_weak_source_carries_its_caveat_and_only_a_weak_one_does() -> None:
    base = {"id": "s", "outlet": {"zh": "a", "en": "a"}, "language": "zh", "file": "f", "about": {"zh": "a", "en": "a"}}
    with pytest.raises(msgspec.ValidationError, match="caveat"):
        msgspec.convert({**base, "reliability": "weak"}, Source)
    with pytest.raises(msgspec.ValidationError, match="caveat"):
        msgspec.convert({**base, "reliability": "major", "caveat": {"zh": "x", "en": "x"}}, Source)


def test_committed_json_schemas_are_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_schema.py"), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_reference_declared_on_a_field_shows_in_the_schema() -> None:
    schema = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    measure = schema["$defs"]["Measure"]["properties"]
    assert measure["events"]["items"]["x-references"] == ["event"]
    assert schema["$defs"]["Event"]["properties"]["city"]["anyOf"][0]["x-references"] == ["city"]
