"""Never lose or replace what is not ours: every file a command writes is whole or absent, an existing file is
kept without --force, --force replaces only regular files (a link as a link), and an interruption, a full
disk or a companion that cannot be written leaves nothing behind."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from sdpartner.errors import OutputError
from sdpartner.export.files import write_files

from .conftest import run_process


def _writer(text: str):  # noqa: ANN202
    def write(tmp: str) -> None:
        Path(tmp).write_text(text, encoding="utf-8")

    return write


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".sdpartner-"))


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="exists; add --force"):
        write_files([(str(target), _writer("new"))], force=False)
    assert target.read_text(encoding="utf-8") == "mine" and _leftovers(tmp_path) == []


def test_force_governs_every_file_a_command_writes(tmp_path: Path) -> None:
    db, meta = tmp_path / "plan.db", tmp_path / "plan.db.metadata.json"
    meta.write_text('{"mine": true}', encoding="utf-8")
    result = run_process("export", "--format", "sqlite", "--output", str(db))
    assert result.returncode == 1 and b"plan.db.metadata.json exists; add --force" in result.stderr
    assert not db.exists() and meta.read_text(encoding="utf-8") == '{"mine": true}'
    assert run_process("export", "--format", "sqlite", "--output", str(db), "--force").returncode == 0
    assert db.exists() and '"databases"' in meta.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_a_file_that_is_there_is_refused_before_any_work(tmp_path: Path, fmt: str) -> None:
    # the plan named is not even valid: the refusal comes first, not after a large plan was read and written
    out, broken = tmp_path / "out", tmp_path / "broken.toml"
    out.write_text("mine", encoding="utf-8")
    broken.write_text("schema_version = 2\n[plan\n", encoding="utf-8")
    result = run_process("export", "--format", fmt, "--output", str(out), "--plan", str(broken))
    assert result.returncode == 1 and result.stderr.decode().strip().endswith("out exists; add --force to overwrite it")
    assert out.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_force_never_replaces_what_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out.json"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    else:
        target = Path("/dev/null")
    result = run_process("export", "--output", str(target), "--force", timeout=20)
    assert result.returncode == 1 and result.stderr.count(b"\n") == 1, result.stderr
    if kind == "fifo":
        assert target.is_fifo()
    elif kind == "directory":
        assert target.is_dir()
    else:
        assert target.is_char_device()
    assert _leftovers(target.parent) == []  # for the device, /dev


def test_force_replaces_a_link_as_a_link_and_never_its_target(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(precious)
    assert run_process("export", "--output", str(link), "--force").returncode == 0
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("force", [False, True])
def test_a_link_to_a_device_is_refused_and_never_told_to_use_force(tmp_path: Path, force: bool) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/dev/null")  # as /dev/stdout leads to a terminal or a pipe
    result = run_process("export", "--output", str(link), *(["--force"] if force else []), timeout=20)
    err = result.stderr.decode()
    assert result.returncode == 1 and "is a character device, not a regular file" in err and "add --force" not in err
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes in a read-only directory")
def test_an_output_through_a_link_and_dotdot_is_written_where_the_system_puts_it(tmp_path: Path) -> None:
    (tmp_path / "rw" / "sub").mkdir(parents=True)
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "l").symlink_to(tmp_path / "rw" / "sub")
    ro.chmod(0o555)  # the temporary file must go where l/.. really is, not beside the link
    try:
        result = run_process("export", "--output", "l/../out.json", cwd=ro)
    finally:
        ro.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "rw" / "out.json").read_text(encoding="utf-8").startswith("{") and _leftovers(tmp_path / "rw") == []


def test_a_file_that_appears_during_the_work_survives(tmp_path: Path) -> None:
    target = tmp_path / "out.md"

    def slow(tmp: str) -> None:
        Path(tmp).write_text("ours", encoding="utf-8")
        target.write_text("someone else's", encoding="utf-8")  # appears while the export runs

    with pytest.raises(OutputError, match="appeared"):
        write_files([(str(target), slow)], force=False)
    assert target.read_text(encoding="utf-8") == "someone else's" and _leftovers(tmp_path) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_the_work_leaves_nothing_behind(tmp_path: Path, signum: int) -> None:
    main, companion = tmp_path / "a.db", tmp_path / "a.db.metadata.json"

    def interrupted(tmp: str) -> None:
        Path(tmp).write_text("half", encoding="utf-8")
        os.kill(os.getpid(), signum)

    with pytest.raises(OutputError, match="interrupted"):
        write_files([(str(main), _writer("whole")), (str(companion), interrupted)], force=False)
    assert not main.exists() and not companion.exists() and _leftovers(tmp_path) == []


def test_a_companion_that_cannot_be_written_takes_the_main_output_with_it(tmp_path: Path) -> None:
    main = tmp_path / "a.db"
    main.write_text("the old one", encoding="utf-8")
    elsewhere = tmp_path / "no-such-dir" / "a.db.metadata.json"
    with pytest.raises(OutputError, match="cannot create a file in"):
        write_files([(str(main), _writer("new")), (str(elsewhere), _writer("{}"))], force=True)
    assert main.read_text(encoding="utf-8") == "the old one" and _leftovers(tmp_path) == []


def test_a_failed_move_puts_back_what_was_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("old one", encoding="utf-8")
    second.write_text("old two", encoding="utf-8")
    real = os.replace

    def failing(src: str, dst: str) -> None:
        if str(dst) == str(second) and ".sdpartner-" in str(src) and str(src).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError, match="No space left on device"):
        write_files([(str(first), _writer("new one")), (str(second), _writer("new two"))], force=True)
    assert first.read_text(encoding="utf-8") == "old one" and second.read_text(encoding="utf-8") == "old two"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_while_writing_sqlite_is_one_line_not_a_bug(tmp_path: Path) -> None:
    def full(tmp: str) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(OutputError, match="database or disk is full"):
        write_files([(str(tmp_path / "x.db"), full)], force=False)
    assert _leftovers(tmp_path) == []


def test_a_name_that_is_not_text_is_written_or_refused_in_one_line(tmp_path: Path) -> None:
    import subprocess

    from .conftest import sdpartner_exe

    name = os.fsencode(tmp_path) + b"/bad\xff.db"  # not UTF-8: Python reads it with surrogates
    result = subprocess.run([os.fsencode(sdpartner_exe()), b"export", b"--format", b"sqlite", b"--output", name], capture_output=True, check=False, timeout=60)
    err = result.stderr.decode("utf-8")
    # the database could take the name, but Datasette's metadata (JSON) cannot hold it: neither is written
    assert result.returncode == 1 and err.count("\n") == 1 and "bad\\xff.db.metadata.json: the name cannot be encoded" in err, err
    assert not os.path.exists(name) and _leftovers(tmp_path) == []
    with pytest.raises(OutputError, match="cannot be encoded"):
        write_files([(str(tmp_path / "lone\ud800.txt"), _writer("x"))], force=False)


def test_a_full_device_is_one_line_not_a_bug(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    for args in (["export"], ["--help"], ["--version"], ["events", "-f", "json"]):
        with open("/dev/full", "wb") as full:
            result = run_process(*args, stdout=full)
        err = result.stderr.decode()
        assert result.returncode == 1 and err.count("\n") == 1 and "bug" not in err, (args, err)


def test_an_output_has_the_permissions_a_new_file_gets_or_those_of_the_file_it_replaces(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new, kept = tmp_path / "plan.ics", tmp_path / "mine.json"
        assert run_process("export", "--format", "ics", "--output", str(new)).returncode == 0
        assert new.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
        kept.write_text("{}", encoding="utf-8")
        kept.chmod(0o640)
        assert run_process("export", "--format", "json", "--output", str(kept), "--force").returncode == 0
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text(encoding="utf-8").startswith("{\n")
    finally:
        os.umask(old)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a Linux /proc, where no file can be created")
def test_a_directory_that_takes_no_new_file_is_named_as_such() -> None:
    result = run_process("export", "--output", "/proc/sdpartner-test.json")  # it said "cannot write to /proc: No such file or directory"
    assert result.returncode == 1 and result.stderr.decode() == "sdpartner: error: cannot create a file in /proc: No such file or directory\n"
