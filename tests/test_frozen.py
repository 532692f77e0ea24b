"""The frozen records that queries read: the same plan as the validated Structs, read-only, typed values."""

from __future__ import annotations

import copy
import datetime as dt

import msgspec
import pytest

from sdpartner import model
from sdpartner.base import Comparator, FigureKind
from sdpartner.frozen import Frozen, Text, freeze, thaw, to_builtins
from sdpartner.load import bundled_plan_path, validated

from .conftest import MINI


@pytest.fixture(scope="module", params=["bundled", "mini"])
def structs(request: pytest.FixtureRequest):
    path = bundled_plan_path() if request.param == "bundled" else MINI
    return validated(path.read_text(encoding="utf-8"), str(path))


def test_records_hold_exactly_what_the_structs_hold(structs) -> None:
    records = thaw(freeze(structs))
    assert to_builtins(records) == msgspec.to_builtins(structs)


def test_records_read_like_the_structs(structs) -> None:
    records = thaw(freeze(structs))
    for kind in ("actions", "figures", "events", "cities"):
        for struct, record in zip(getattr(structs, kind), getattr(records, kind), strict=True):
            assert type(record).__name__ == type(struct).__name__
            for field in struct.__struct_fields__:
                assert to_builtins(getattr(record, field)) == msgspec.to_builtins(getattr(struct, field)), (kind, field)
    figure = records.figures[0]
    assert isinstance(figure.kind, FigureKind) and isinstance(figure.comparator, Comparator)
    assert records.plan.name.pick("zh") == structs.plan.name.zh and records.plan.name.pick("en") == structs.plan.name.en


def test_dates_come_back_as_dates(structs) -> None:
    dated = [(s, r) for s, r in zip(structs.events, thaw(freeze(structs)).events, strict=True) if s.date is not None]
    assert dated, "the plans under test have a dated event"
    for struct, record in dated:
        assert type(record.date) is dt.date and record.date == struct.date


def test_records_are_read_only_and_copyable(structs) -> None:
    records = thaw(freeze(structs))
    with pytest.raises(AttributeError):
        records.actions[0].slug = "x"  # type: ignore[misc]
    assert copy.deepcopy(records) == records
    assert repr(records.actions[0].name).startswith("Text(zh=")


def test_text_built_by_code_is_the_same_record_as_a_thawed_one() -> None:
    text = Text(zh="青岛", en="Qingdao")
    assert (text.zh, text.en, text.pick("zh"), text.pick("en")) == ("青岛", "Qingdao", "青岛", "Qingdao")
    assert isinstance(text, Frozen) and to_builtins(text) == {"zh": "青岛", "en": "Qingdao"}


@pytest.mark.parametrize("payload", [b"", b"garbage", b"\xff" * 40, freeze(model.Text(zh="a", en="b"))[:-3], b"\xda" + freeze(model.Text(zh="a", en="b"))[1:]])
def test_anything_but_a_payload_is_a_value_error(payload: bytes) -> None:
    with pytest.raises(ValueError):
        thaw(payload)


def test_freeze_refuses_values_the_schema_cannot_hold() -> None:
    with pytest.raises(TypeError, match="dict"):
        freeze({"a": 1})


def test_equal_texts_are_one_record() -> None:
    text = MINI.read_text(encoding="utf-8").replace('kind = { zh = "博览会", en = "expo" }', 'kind = { zh = "会议", en = "meeting" }')
    records = thaw(freeze(validated(text, "mini")))
    thawed = [e.kind for e in records.events]
    by_value = {tuple(t): t for t in thawed}
    assert len(by_value) < len(thawed), "two events share a kind"
    assert all(t is by_value[tuple(t)] for t in thawed)  # a repeated text is one object, not copies
