"""The cache of validated plans: used when the bytes match, never stale, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdpartner.cache import SUFFIX, PlanCache, plan_cache
from sdpartner.errors import PlanError
from sdpartner.load import load_plan

from .conftest import MINI


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PlanCache(tmp_path / "c")
    first = load_plan(MINI, cache=cache)
    assert len(list((tmp_path / "c").glob(f"*{SUFFIX}"))) == 1
    import sdpartner.load as load

    monkeypatch.setattr(load, "parse_toml", lambda *a: pytest.fail("parsed although cached"))
    assert load_plan(MINI, cache=cache) == first


def test_an_edited_file_is_never_served_stale(tmp_path: Path) -> None:
    cache = PlanCache(tmp_path / "c")
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_plan(plan_file, cache=cache).plan.name.en == "Mini Plan"
    plan_file.write_text(MINI.read_text(encoding="utf-8").replace('en = "Mini Plan"', 'en = "Maxi Plan"'), encoding="utf-8")
    assert load_plan(plan_file, cache=cache).plan.name.en == "Maxi Plan"


def test_a_corrupt_entry_is_ignored_and_replaced(tmp_path: Path) -> None:
    cache = PlanCache(tmp_path / "c")
    load_plan(MINI, cache=cache)
    (entry,) = (tmp_path / "c").glob(f"*{SUFFIX}")
    entry.write_bytes(b"\x93garbage")
    assert load_plan(MINI, cache=cache).plan.id == "mini-plan"
    assert entry.read_bytes() != b"\x93garbage"


def test_a_damaged_payload_is_detected_and_replaced(tmp_path: Path) -> None:
    cache = PlanCache(tmp_path / "c")
    expected = load_plan(MINI, cache=cache)
    (entry,) = (tmp_path / "c").glob(f"*{SUFFIX}")
    damaged = bytearray(entry.read_bytes())
    where = damaged.index(b"Mini Plan")
    damaged[where] = ord("W")  # still a well-formed payload, with other text: only the digest can tell
    entry.write_bytes(bytes(damaged))
    assert load_plan(MINI, cache=cache) == expected
    assert entry.read_bytes() != bytes(damaged)


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert load_plan(MINI, cache=PlanCache(blocker / "c")).plan.id == "mini-plan"


def test_invalid_plans_are_not_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace('id = "hill"', 'id = "harbour"'), encoding="utf-8")
    cache = PlanCache(tmp_path / "c")
    for _ in range(2):
        with pytest.raises(PlanError):
            load_plan(bad, cache=cache)
    assert not list((tmp_path / "c").glob(f"*{SUFFIX}"))


def test_no_cache_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert plan_cache() is not None
    monkeypatch.setenv("SDPARTNER_NO_CACHE", "1")
    assert plan_cache() is None

