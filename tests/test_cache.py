"""The cache of validated plans: used when the bytes match, never stale, never fatal, and never a threat to
files it did not write."""

from __future__ import annotations

import os
import shutil
from array import array
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import msgspec

import sdpartner.plan.cache as cache_module
import sdpartner.plan.load as load
from sdpartner.errors import PlanError
from sdpartner.plan.cache import MAGIC, SUFFIX, PlanCache, cache_dir, plan_cache
from sdpartner.plan.catalogue import history_tables, plan_type
from sdpartner.plan.load import load_plan
import sdpartner.query.links as links_module
import sdpartner.query.records as records_module
from sdpartner.query.links import links
from sdpartner.query.records import find_record
from sdpartner.query.search import Digest, Index, Words

from .conftest import MINI, PLAN_2027, run_process


def _entry(directory: Path) -> Path:
    (entry,) = directory.glob(f"*{SUFFIX}")
    return entry


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PlanCache(tmp_path / "c")
    first = load_plan(MINI, cache=cache)
    assert len(list((tmp_path / "c").glob(f"*{SUFFIX}"))) == 1
    monkeypatch.setattr(load, "parse_toml", lambda *a: pytest.fail("parsed although cached"))
    assert load_plan(MINI, cache=cache) == first


def test_an_edited_plan_or_history_is_never_served_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PlanCache(tmp_path / "c")
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_plan(plan_file, cache=cache).plan.name.en == "Mini Plan"
    plan_file.write_text(MINI.read_text(encoding="utf-8").replace('en = "Mini Plan"', 'en = "Maxi Plan"'), encoding="utf-8")
    assert load_plan(plan_file, cache=cache).plan.name.en == "Maxi Plan"
    history = tmp_path / "history"
    shutil.copytree(load.data_dir() / "history", history)
    monkeypatch.setenv("SDPARTNER_HISTORY", str(history))
    before = load_plan(None, cache=cache)
    sources = history / "sources.toml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("Dazhong Daily", "Dazhong Daily (edited)", 1), encoding="utf-8")
    after = load_plan(None, cache=cache)
    assert before.sources[0].outlet.en == "Dazhong Daily" and after.sources[0].outlet.en == "Dazhong Daily (edited)"


@pytest.mark.parametrize("damage", ["garbage", "flip"])
def test_a_damaged_entry_is_detected_and_replaced(tmp_path: Path, damage: str) -> None:
    cache = PlanCache(tmp_path / "c")
    expected = load_plan(MINI, cache=cache)
    entry = _entry(tmp_path / "c")
    data = bytearray(entry.read_bytes())
    if damage == "garbage":
        data = bytearray(b"\x93garbage")
    else:
        data[data.index(b"Mini Plan")] = ord("W")  # still a well-formed payload, other text: only the digest can tell
    entry.write_bytes(bytes(data))
    assert load_plan(MINI, cache=cache) == expected
    assert entry.read_bytes() != bytes(data)


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


# a query with matches, one with an unknown word ('did you mean' reads the plan's words), one in Chinese (cut into the plan's words)
SEARCHES = [("search", "lithium battery", "-f", "json"), ("search", "robtics qzxv", "-f", "json"), ("search", "哪个城市有储能产业", "-f", "json")]


def test_search_answers_the_same_without_the_cache_with_a_cold_one_and_a_warm_one(tmp_path: Path) -> None:
    cache = tmp_path / "c"
    env = {"SDPARTNER_CACHE_DIR": str(cache)}
    without = [run_process(*args, env={"SDPARTNER_NO_CACHE": "1"}) for args in SEARCHES]
    cold = [run_process(*args, env=env) for args in SEARCHES]
    assert sorted(p.suffix for p in cache.iterdir()) == [".history", ".near", ".plan", ".search", ".words"]
    warm = [run_process(*args, env=env) for args in SEARCHES]
    for a, b, c in zip(without, cold, warm, strict=True):
        assert a.returncode == 0 and (a.stdout, a.stderr) == (b.stdout, b.stderr) == (c.stdout, c.stderr)
    assert cold[1].stderr.endswith(b"Did you mean: robotics?\n")


def test_derived_data_is_read_from_the_cache_not_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PlanCache(tmp_path / "c")
    made = Index(load_plan(None, cache=cache))
    made_words = made._word_index()
    cache_module._loaded.clear()  # as in a new process: the plan and what was derived from it come from the files
    monkeypatch.setattr(Index, "_digest", lambda self: pytest.fail("the index's digest made again"))
    monkeypatch.setattr(Index, "_words", lambda self: pytest.fail("the plan's words made again"))
    read = Index(load_plan(None, cache=cache))
    assert (read.scans, read.avg, read.vocab) == (made.scans, made.avg, made.vocab)
    assert read._word_index() == made_words


def _sound_entry(value: object) -> bytes:
    """An entry with the cache's header and a true digest of its payload: only its content is wrong."""
    payload = msgspec.msgpack.encode(value)
    return MAGIC + cache_module._digest(payload) + payload


def _warmed(tmp_path: Path, commands: list[tuple[str, ...]], *kinds: str) -> tuple[dict[str, str], list[Any], list[Path]]:
    """A cache warmed by ``commands``: the environment that uses it, their answers, and its one entry of each of ``kinds``."""
    cache = tmp_path / "c"
    env = {"SDPARTNER_CACHE_DIR": str(cache)}
    truth = [run_process(*args, env=env) for args in commands]
    entries = []
    for kind in kinds:
        (entry,) = cache.glob(f"*.{kind}")
        entries.append(entry)
    return env, truth, entries


@pytest.mark.parametrize("damage", ["garbage", "flip", "swapped", "no-lengths", "zero-lengths", "fewer-records", "word-beyond", "fewer-words",
                                    "no-words", "no-characters", "unordered-characters", "torn-places"])
def test_damaged_or_foreign_derived_data_is_made_again(tmp_path: Path, damage: str) -> None:
    env, truth, (index, words) = _warmed(tmp_path, SEARCHES, "search", "words")
    sound = index.read_bytes(), words.read_bytes()
    if damage == "garbage":
        index.write_bytes(b"\x93garbage")
        words.write_bytes(b"\x93garbage")
    elif damage == "flip":
        for path in (index, words):
            data = bytearray(path.read_bytes())
            data[-3] ^= 0xFF
            path.write_bytes(bytes(data))
    elif damage == "swapped":  # sound entries, each where the other belongs
        a, b = index.read_bytes(), words.read_bytes()
        index.write_bytes(b)
        words.write_bytes(a)
    elif damage in ("word-beyond", "fewer-words", "no-words", "no-characters", "unordered-characters", "torn-places"):  # 'did you mean': none, or places that do not match the words
        good_words = msgspec.msgpack.decode(words.read_bytes()[len(MAGIC) + 16:], type=Words)
        ends = array("I", good_words.ends)
        places = array("I", good_words.places)
        places[ends[good_words.chars.index("r")] - 1] = 10**6  # the last word that holds an r, which 'robtics' reads: beyond the words
        forged_words = {"word-beyond": msgspec.structs.replace(good_words, places=places.tobytes()),
                        "fewer-words": msgspec.structs.replace(good_words, words="\x00".join(good_words.words.split("\x00")[:10])),
                        "no-words": Words("", {}, "", b"", b""), "no-characters": msgspec.structs.replace(good_words, chars="", ends=b""),
                        "unordered-characters": msgspec.structs.replace(good_words, ends=array("I", [*ends[1:2], *ends[:1], *ends[2:]]).tobytes()),
                        "torn-places": msgspec.structs.replace(good_words, places=good_words.places[:-1])}[damage]
        words.write_bytes(_sound_entry(forged_words))
    else:  # sound entries of the right type whose content no plan gives
        good = msgspec.msgpack.decode(index.read_bytes()[len(MAGIC) + 16:], type=Digest)
        forged = {"no-lengths": msgspec.structs.replace(good, avg={}),
                  "zero-lengths": msgspec.structs.replace(good, avg=dict.fromkeys(good.avg, 0.0)),
                  "fewer-records": msgspec.structs.replace(good, scans=good.scans[1:])}[damage]
        index.write_bytes(_sound_entry(forged))
    again = [run_process(*args, env=env) for args in SEARCHES]
    assert [(r.returncode, r.stdout, r.stderr) for r in again] == [(r.returncode, r.stdout, r.stderr) for r in truth]
    assert (index.read_bytes(), words.read_bytes()) == sound  # replaced by sound entries, not made again on every run


# show by id, by a name that others share ("also named"), by an alias, by part of a name, the article (the records that cite it), in Chinese
SHOWS = [("show", "mnc-leaders-qingdao-summit-7", "-f", "json"), ("show", "Singapore Shandong Week", "-f", "json"), ("show", "RCEP expo"),
         ("show", "一带一路", "-f", "json"), ("show", "article"), ("--lang", "zh", "show", "青岛")]


def test_show_answers_the_same_without_the_cache_with_a_cold_one_and_a_warm_one(tmp_path: Path) -> None:
    cache = tmp_path / "c"
    env = {"SDPARTNER_CACHE_DIR": str(cache)}
    without = [run_process(*args, env={"SDPARTNER_NO_CACHE": "1"}) for args in SHOWS]
    cold = [run_process(*args, env=env) for args in SHOWS]
    assert sorted(p.suffix for p in cache.iterdir()) == [".history", ".links", ".names", ".plan"]
    warm = [run_process(*args, env=env) for args in SHOWS]
    for a, b, c in zip(without, cold, warm, strict=True):
        assert a.returncode == 0 and (a.stdout, a.stderr) == (b.stdout, b.stderr) == (c.stdout, c.stderr)
    assert b"also_named" in without[1].stdout  # the name is shared: the others are listed


def test_links_and_folded_names_are_read_from_the_cache_not_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PlanCache(tmp_path / "c")
    plan = load_plan(None, cache=cache)
    made = links(plan), links(plan, close_only=True), find_record(plan, "青岛")
    cache_module._loaded.clear()  # as in a new process: the plan and what was derived from it come from the files
    monkeypatch.setattr(links_module, "_links", lambda *a: pytest.fail("the links made again"))
    monkeypatch.setattr(records_module, "_fold_names", lambda *a: pytest.fail("the names folded again"))
    plan = load_plan(None, cache=cache)
    assert (links(plan), links(plan, close_only=True), find_record(plan, "青岛")) == made


@pytest.mark.parametrize("damage", ["place-beyond", "negative-place", "no-places", "no-names", "an-id-left-out", "links-cut", "link-to-no-record",
                                    "links-unordered", "links-code-beyond", "links-listed-twice", "links-torn"])
def test_forged_links_or_names_are_made_again(tmp_path: Path, damage: str) -> None:
    env, truth, (names, table) = _warmed(tmp_path, SHOWS, "names", "links")
    sound = names.read_bytes(), table.read_bytes()
    if damage.startswith("link"):  # a link table whose places do not fit the plan's records, its codes or each other
        good = msgspec.msgpack.decode(table.read_bytes()[len(MAGIC) + 16:], type=links_module._Table)
        starts, targets, relations, order = (array("I", b) for b in (good.starts, good.targets, good.relations, good.order))
        if damage == "links-cut":  # the last record's start left out
            starts = starts[:-1]
        elif damage == "link-to-no-record":
            targets[0] = len(starts) + 5
        elif damage == "links-unordered":  # a record's links said to begin after the last ends
            starts[len(starts) // 2] = starts[-1] + 1
        elif damage == "links-code-beyond":
            relations[0] = len(good.codes)
        elif damage == "links-listed-twice":  # a record that has links in place of another
            order[1] = order[0]
        forged = msgspec.structs.replace(good, starts=starts.tobytes(), targets=targets.tobytes(), relations=relations.tobytes(), order=order.tobytes())
        if damage == "links-torn":
            forged = msgspec.structs.replace(good, targets=good.targets[:-1])
        table.write_bytes(_sound_entry(forged))
    else:  # names that point at no record of this plan, or leave records out
        good = msgspec.msgpack.decode(names.read_bytes()[len(MAGIC) + 16:], type=records_module._Folded)
        if damage == "no-names":
            forged_names = records_module._Folded({}, {})
        elif damage == "an-id-left-out":
            forged_names = msgspec.structs.replace(good, ids={k: v for k, v in good.ids.items() if k != "singaporeshandongweek"})
        else:
            places = {"place-beyond": [10**6], "negative-place": [-1], "no-places": []}[damage]
            forged_names = msgspec.structs.replace(good, names={**good.names, "青岛": places})
        names.write_bytes(_sound_entry(forged_names))
    again = [run_process(*args, env=env) for args in SHOWS]
    assert [(r.returncode, r.stdout, r.stderr) for r in again] == [(r.returncode, r.stdout, r.stderr) for r in truth]
    assert (names.read_bytes(), table.read_bytes()) == sound  # replaced by sound entries


DIFFS = [("diff", str(PLAN_2027), "-f", "json"), ("diff", str(PLAN_2027)), ("--lang", "zh", "diff", str(PLAN_2027), "-f", "csv")]


def test_diff_answers_the_same_without_the_cache_with_a_cold_one_and_a_warm_one(tmp_path: Path) -> None:
    cache = tmp_path / "c"
    env = {"SDPARTNER_CACHE_DIR": str(cache)}
    without = [run_process(*args, env={"SDPARTNER_NO_CACHE": "1"}) for args in DIFFS]
    cold = [run_process(*args, env=env) for args in DIFFS]
    assert sorted(p.suffix for p in cache.iterdir()) == [".history", ".plan", ".plan"]  # the two plans share one history
    warm = [run_process(*args, env=env) for args in DIFFS]
    for a, b, c in zip(without, cold, warm, strict=True):
        assert a.returncode == 1 and b"changed" in a.stdout and (a.stdout, a.stderr) == (b.stdout, b.stderr) == (c.stdout, c.stderr)


def test_two_plans_that_join_one_history_read_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PlanCache(tmp_path / "c")
    made = load_plan(None, cache=cache), load_plan(PLAN_2027, cache=cache)
    cache_module._history.clear()  # as in a new process
    decoded: list[type] = []
    real = cache_module._decoded
    monkeypatch.setattr(cache_module, "_decoded", lambda payload, kind: decoded.append(kind) or real(payload, kind))
    read = load_plan(None, cache=cache), load_plan(PLAN_2027, cache=cache)
    assert read == made and read[0].sources is read[1].sources and read[0].editions is read[1].editions
    assert decoded == [plan_type(), cache_module._history_type(plan_type()), plan_type()]


@pytest.mark.parametrize("damage", ["gone", "garbage", "flip", "another-history", "not-a-history"])
def test_a_missing_damaged_or_foreign_history_entry_is_a_miss(tmp_path: Path, damage: str) -> None:
    env, truth, (history, plan) = _warmed(tmp_path, [("events", "-f", "json"), ("show", "mnc-summit", "-f", "json")], "history", "plan")
    sound = history.read_bytes()
    if damage == "gone":
        history.unlink()
    elif damage == "garbage":
        history.write_bytes(b"\x93garbage")
    elif damage == "flip":
        data = bytearray(history.read_bytes())
        data[-3] ^= 0xFF
        history.write_bytes(bytes(data))
    elif damage == "another-history":  # a sound history entry, but not the one the plan's entry names
        good = msgspec.msgpack.decode(history.read_bytes()[len(MAGIC) + 16:], type=cache_module._history_type(plan_type()))
        at = history_tables().index("series")
        history.write_bytes(_sound_entry((*good[:at], [s for s in good[at] if s.id != "mnc-summit"], *good[at + 1:])))
    else:  # a sound entry of another kind under the history's name
        history.write_bytes(plan.read_bytes())
    again = [run_process(*args, env=env) for args in (("events", "-f", "json"), ("show", "mnc-summit", "-f", "json"))]
    assert [(r.returncode, r.stdout, r.stderr) for r in again] == [(r.returncode, r.stdout, r.stderr) for r in truth]
    assert history.read_bytes() == sound  # replaced by the sound entry


def test_trimming_keeps_sixteen_and_removes_only_its_own_entries(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    directory.mkdir()
    # the last: the cache's own header under a name that only looks like an entry's (it ends in a newline)
    theirs = {"notes.plan": b"my notes", "a" * 40 + ".plan": b"not a cache entry", "c" * 40 + ".search": b"nor this", "photo.jpg": b"\xff\xd8",
              "b" * 40 + ".plan\n": MAGIC + b"x"}
    for name, body in theirs.items():
        (directory / name).write_bytes(body)
        os.utime(directory / name, (0, 0))  # older than anything the cache writes
    earlier = directory / ("d" * 40 + ".plan")  # an entry of an earlier format: the cache's own, trimmed like the others
    earlier.write_bytes(b"sdpartner-plan-cache-2\0" + b"\x00" * 40)
    os.utime(earlier, (0, 0))
    cache = PlanCache(directory)
    text = MINI.read_text(encoding="utf-8")
    for i in range(20):
        plan_file = tmp_path / f"p{i}.toml"
        plan_file.write_text(text.replace('en = "Mini Plan"', f'en = "Mini Plan {i}"'), encoding="utf-8")
        load_plan(plan_file, cache=cache)
    ours = [p for p in directory.glob(f"*{SUFFIX}") if p.name not in theirs]
    assert len(ours) == 16 and not earlier.exists()
    for i in range(20):  # what search derives from each plan is trimmed on its own: the plans' entries stay
        load_plan(tmp_path / f"p{i}.toml", cache=cache)
        Index(load_plan(tmp_path / f"p{i}.toml", cache=cache))
    assert len([p for p in directory.glob("*.search") if p.name not in theirs]) == 16
    assert len([p for p in directory.glob(f"*{SUFFIX}") if p.name not in theirs]) == 16
    assert {name: (directory / name).read_bytes() for name in theirs} == theirs


@pytest.mark.parametrize("kind", ["fifo", "device-link", "directory", "truncated", "foreign"])
def test_a_lying_cache_entry_is_a_miss(tmp_path: Path, kind: str) -> None:
    cache = tmp_path / "c"
    env = {"SDPARTNER_CACHE_DIR": str(cache)}
    first = run_process("events", "-f", "json", env=env, timeout=20)
    entry = _entry(cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "device-link":
        entry.symlink_to("/dev/zero")
    elif kind == "directory":
        entry.mkdir()
        (entry / "x").write_text("x")
    elif kind == "truncated":
        entry.write_bytes(b"\x00" * 10)
    else:
        entry.write_bytes(os.urandom(4096))
    again = run_process("events", "-f", "json", env=env, timeout=20)
    assert again.returncode == 0 and again.stdout == first.stdout and again.stderr == b""
    assert not list(cache.glob("*.tmp"))  # no pile of temporary files


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=st.one_of(st.binary(max_size=300), st.integers(0, 400).map(lambda n: ("truncate", n)), st.integers(16, 2000).map(lambda n: ("flip", n))))
def test_any_damage_to_the_cache_gives_the_answer_without_it(tmp_path: Path, damage: object) -> None:
    directory = tmp_path / "prop"
    shutil.rmtree(directory, ignore_errors=True)
    cache = PlanCache(directory)
    truth = load_plan(MINI)
    load_plan(MINI, cache=cache)
    entry = _entry(directory)
    data = entry.read_bytes()
    if isinstance(damage, bytes):
        entry.write_bytes(damage)
    elif damage[0] == "truncate":  # type: ignore[index]
        entry.write_bytes(data[: damage[1]])  # type: ignore[index]
    else:
        i = damage[1] % len(data)  # type: ignore[index]
        entry.write_bytes(data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:])
    assert load_plan(MINI, cache=cache) == truth


def test_xdg_rules(tmp_path: Path) -> None:
    home = os.path.join(os.path.expanduser("~"), ".cache", "sdpartner")
    assert cache_dir({"XDG_CACHE_HOME": "relative/path"}) == Path(home)
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "sdpartner"
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path), "SDPARTNER_CACHE_DIR": "/elsewhere"}) == Path("/elsewhere")
