"""Hostile files, arguments, data and terminals, through the installed ``sdpartner`` process.

Every case must end with the expected exit code, a clear message and no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import MINI, run_process, sdpartner_exe

MINI_TEXT = MINI.read_text(encoding="utf-8")


def _mini(old: str, new: str) -> str:
    assert old in MINI_TEXT, old
    return MINI_TEXT.replace(old, new, 1)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / "a-directory").mkdir()
    (d / "a-file").write_text("x", encoding="utf-8")
    content: dict[str, str | bytes] = {
        "empty.toml": b"",
        "blank.toml": b"  \n\t\n",
        "binary.toml": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "latin1.toml": "title = \"caf\u00e9\"\n".encode("latin-1"),
        "utf16.toml": "schema_version = 1\n".encode("utf-16"),
        "syntax.toml": "schema_version = 1\n[source\n",
        "deep.toml": "x = " + "[" * 50_000 + "]" * 50_000 + "\n",
        "deep-tables.toml": "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
        "wrong-type.toml": _mini('year = 2030\nreleased_at', 'year = "soon"\nreleased_at'),
        "missing-field.toml": _mini('framing = { zh = "港口城市", en = "A port city" }\n', ""),
        "unknown-field.toml": _mini('slug = "rules"', 'slug = "rules"\ncolour = "red"'),
        "duplicate-id.toml": _mini('id = "hill"', 'id = "harbour"'),
        "dangling.toml": _mini('events = ["expo"]', 'events = ["nowhere"]'),
        "cite-range.toml": _mini("cites = [3]\n\n[[programmes]]", "cites = [3000]\n\n[[programmes]]"),
        "bad-date.toml": _mini('date = "2030-01-02"', 'date = "2030-02-31"'),
        "bom.toml": "\ufeff" + MINI_TEXT,
        "not-a-table.toml": "schema_version = 1\nsource = 5\n",
        "array-root.toml": "[[x]]\na = 1\n",
    }
    for name, body in content.items():
        (d / name).write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    os.mkfifo(d / "fifo.toml")
    (d / "version-2.toml").write_text(MINI.read_text(encoding="utf-8").replace("schema_version = 1", "schema_version = 2"), encoding="utf-8")
    with open(d / "huge.toml", "w", encoding="utf-8") as fh:  # 20 MB of valid TOML comments, then a bad line
        line = "# " + "x" * 98 + "\n"
        fh.write(line * 200_000)
        fh.write("this is not toml\n")
    return d


# (id, args, env, exit code, text that must be in stderr) ; "{d}" is the fixture directory
CASES: list[tuple[str, list[str], dict[str, str], int, str]] = [
    # bad plan files
    ("missing", ["events", "--plan", "{d}/nope.toml"], {}, 1, "nope.toml: no such file"),
    ("directory", ["events", "--plan", "{d}/a-directory"], {}, 1, "is a directory"),
    ("under-a-file", ["events", "--plan", "{d}/a-file/plan.toml"], {}, 1, "cannot be read"),
    ("empty", ["events", "--plan", "{d}/empty.toml"], {}, 1, "file is empty"),
    ("blank", ["events", "--plan", "{d}/blank.toml"], {}, 1, "file is empty"),
    ("binary", ["events", "--plan", "{d}/binary.toml"], {}, 1, "binary"),
    ("latin1", ["events", "--plan", "{d}/latin1.toml"], {}, 1, "latin1.toml:1:13: not valid UTF-8"),
    ("utf16", ["events", "--plan", "{d}/utf16.toml"], {}, 1, "binary"),
    ("syntax", ["events", "--plan", "{d}/syntax.toml"], {}, 1, "syntax.toml:2:8: TOML syntax error"),
    ("deep-arrays", ["events", "--plan", "{d}/deep.toml"], {}, 1, "nesting is too deep"),
    ("deep-tables", ["events", "--plan", "{d}/deep-tables.toml"], {}, 1, "nesting is too deep"),
    ("huge-20MB", ["events", "--plan", "{d}/huge.toml"], {}, 1, "huge.toml:200001:6: TOML syntax error"),
    ("wrong-type", ["events", "--plan", "{d}/wrong-type.toml"], {}, 1, "plan.year: expected `int`, got `str`"),
    ("missing-field", ["events", "--plan", "{d}/missing-field.toml"], {}, 1, "cities[0]: object missing required field `framing`"),
    ("unknown-field", ["events", "--plan", "{d}/unknown-field.toml"], {}, 1, "actions[2]: object contains unknown field `colour`"),
    ("duplicate-id", ["events", "--plan", "{d}/duplicate-id.toml"], {}, 1, "cities[1].id: duplicate id 'harbour'"),
    ("dangling-ref", ["events", "--plan", "{d}/dangling.toml"], {}, 1, "measures[0].events[0]: 'nowhere' is not a known event id"),
    ("cite-range", ["events", "--plan", "{d}/cite-range.toml"], {}, 1, "paragraph 3000 is out of range"),
    ("bad-date", ["events", "--plan", "{d}/bad-date.toml"], {}, 1, "events[0].date"),
    ("not-a-table", ["events", "--plan", "{d}/not-a-table.toml"], {}, 1, "source: expected `object`, got `int`"),
    ("array-root", ["validate", "{d}/array-root.toml"], {}, 1, "x: unknown field"),
    ("env-plan-missing", ["events"], {"SDPARTNER_PLAN": "{d}/gone.toml"}, 1, "gone.toml: no such file"),
    ("validate-lists-all", ["validate", "{d}/dangling.toml"], {}, 1, "1 problem(s) found"),
    # bad arguments
    ("unknown-command", ["frobnicate"], {}, 2, "sdpartner: error: no such command 'frobnicate'"),
    ("unknown-option", ["events", "--colour"], {}, 2, "sdpartner: error: no such option: --colour"),
    ("year-not-number", ["events", "--year", "abc"], {}, 2, "sdpartner: error: --year must be a whole number between 1900 and 2200, not 'abc'"),
    ("year-absurd", ["events", "--year", "99999"], {}, 2, "--year must be a whole number between 1900 and 2200, not '99999'"),
    ("year-negative", ["targets", "--year", "-5"], {}, 2, "--year must be a whole number between 1900 and 2200, not '-5'"),
    ("action-zero", ["actions", "show", "0"], {}, 1, "no action named '0'"),
    ("action-eleven", ["actions", "show", "11"], {}, 1, "use a number (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"),
    ("action-huge", ["actions", "show", "9" * 400], {}, 1, "no action named"),
    ("targets-action-unknown", ["targets", "--action", "42"], {}, 1, "no action named '42'"),
    ("city-unknown", ["city", "show", "qingdo"], {}, 1, "did you mean 'qingdao'?"),
    ("events-city-unknown", ["events", "--city", "Atlantis"], {}, 1, "no place named 'Atlantis'"),
    ("group-unknown", ["actions", "list", "--group", "9"], {}, 1, "no group named '9'"),
    ("format-unknown", ["events", "--format", "xml"], {}, 2, "--format must be one of table, json, jsonl, csv, tsv, md, not 'xml'"),
    ("export-table", ["export", "--format", "table"], {}, 2, "--format must be one of json, jsonl, md, sqlite, not 'table'"),
    ("lang-unknown", ["events", "--lang", "fr"], {}, 2, "--lang must be one of en, zh, not 'fr'"),
    ("lang-env-unknown", ["events"], {"SDPARTNER_LANG": "klingon"}, 2, "--lang must be one of en, zh, not 'klingon'"),
    ("kind-unknown", ["targets", "--kind", "wish"], {}, 2, "--kind must be one of target, status, not 'wish'"),
    ("plan-without-value", ["events", "--plan"], {}, 2, "requires an argument"),
    ("limit-zero", ["search", "x", "--limit", "0"], {}, 2, "--limit must be a whole number of at least 1, not '0'"),
    ("show-without-id", ["actions", "show"], {}, 2, "missing argument"),
    ("github-actions-usage", ["events", "--year", "abc"], {"GITHUB_ACTIONS": "true", "FORCE_COLOR": "1"}, 2, "--year must be a whole number"),
    # empty strings: one rule, a usage error naming what was empty
    ("search-empty", ["search", ""], {}, 2, "sdpartner: error: QUERY is empty"),
    ("city-empty", ["city", "show", ""], {}, 2, "sdpartner: error: NAME is empty"),
    ("sectors-search-empty", ["sectors", "-s", ""], {}, 2, "sdpartner: error: -s is empty"),
    ("actions-search-empty", ["actions", "list", "--search", ""], {}, 2, "sdpartner: error: --search is empty"),
    ("plan-empty", ["events", "--plan", ""], {}, 2, "sdpartner: error: --plan is empty"),
    ("plan-empty-equals", ["events", "--plan="], {}, 2, "sdpartner: error: --plan is empty"),
    ("validate-empty", ["validate", ""], {}, 2, "sdpartner: error: PATH is empty"),
    ("events-city-empty", ["events", "--city", ""], {}, 2, "sdpartner: error: --city is empty"),
    # files that are not files: refused at once, whatever size they claim
    ("plan-dev-zero", ["overview", "--plan", "/dev/zero"], {}, 1, "/dev/zero: is a character device, not a regular file"),
    ("plan-env-dev-zero", ["overview"], {"SDPARTNER_PLAN": "/dev/zero"}, 1, "is a character device, not a regular file"),
    ("plan-fifo", ["events", "--plan", "{d}/fifo.toml"], {}, 1, "is a FIFO (named pipe), not a regular file"),
    ("plan-newline-name", ["events", "--plan", "{d}/new\nline.toml"], {}, 1, "new␊line.toml: no such file"),
    ("schema-version-2", ["events", "--plan", "{d}/version-2.toml"], {}, 1, "this sdpartner reads plan format 1; the file is format 2"),
    # echoed input is shortened
    ("city-100k", ["city", "show", "x" * 100_000], {}, 1, "no city named '" + "x" * 79 + "…'"),
    ("columns-unknown", ["events", "--columns", "id,nosuch"], {}, 2, "--columns: no column named 'nosuch'"),
    ("columns-help", ["city", "list", "--columns", "help"], {}, 2, "--columns takes comma-separated names of: id, name"),
    ("export-exists", ["export", "--output", "{d}/empty.toml"], {}, 1, "empty.toml exists; add --force to overwrite it"),
    ("export-sqlite-stdout", ["export", "--format", "sqlite"], {}, 2, "--format sqlite writes a database file"),
    ("completion-unknown-shell", ["--show-completion", "tcsh"], {}, 2, "--show-completion takes a shell"),
]


@pytest.mark.parametrize(("args", "env", "code", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_case(files: Path, args: list[str], env: dict[str, str], code: int, message: str) -> None:
    args = [a.replace("{d}", str(files)) for a in args]
    env = {k: v.replace("{d}", str(files)) for k, v in env.items()}
    result = run_process(*args, env=env)
    err = result.stderr.decode("utf-8")
    assert result.returncode == code, err
    assert message in err
    assert "Traceback" not in err and result.stdout == b""
    if code == 1 and args[0] != "validate":  # validate lists every problem, a line each
        assert err.count("\n") == 1, err
    if code == 2:  # a usage error: what is wrong, then where help is
        assert err.count("\n") == 2 and err.splitlines()[1].startswith("Try 'sdpartner"), err
    assert max(len(line) for line in err.splitlines()) < 400, err


def test_bom_file_is_accepted(files: Path) -> None:
    assert run_process("validate", str(files / "bom.toml")).returncode == 0


def test_huge_query_is_answered(files: Path) -> None:
    result = run_process("search", "lithium " * 12_500, "-f", "json")  # 100 KB: every word is "lithium"
    assert result.returncode == 0 and json.loads(result.stdout)[0]["id"] == "taian-lithium-valley"
    nothing = run_process("search", "zq" * 50_000, "-f", "json")
    assert nothing.returncode == 0 and json.loads(nothing.stdout) == []


# ---------------------------------------------------------------------------------------------
# Hostile terminals
# ---------------------------------------------------------------------------------------------


def test_stdout_closed_early_ends_quietly() -> None:
    proc = subprocess.Popen([sdpartner_exe(), "export", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout and proc.stderr
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=30) == 0 and err == ""


def test_head_on_a_table_ends_quietly() -> None:
    result = subprocess.run(f"'{sdpartner_exe()}' overview | head -n 1", shell=True, capture_output=True, check=False)
    assert result.stderr == b"" and result.stdout.count(b"\n") == 1


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_encoding_without_chinese_does_not_crash(encoding: str) -> None:
    result = run_process("city", "show", "qingdao", env={"PYTHONIOENCODING": encoding})
    err = result.stderr.decode()
    assert result.returncode == 0 and "PYTHONIOENCODING=utf-8" in err and "Traceback" not in err
    assert b"\\u9752\\u5c9b" in result.stdout  # 青岛, escaped, nothing lost
    js = run_process("city", "show", "qingdao", "-f", "json", env={"PYTHONIOENCODING": encoding})
    assert json.loads(js.stdout)["name_zh"] == "青岛"  # escapes keep JSON valid


@pytest.mark.parametrize("env", [{"COLUMNS": "20"}, {"COLUMNS": "abc"}, {"COLUMNS": "-3"}, {"TERM": "dumb"}, {"COLUMNS": "1000"}])
def test_odd_terminals_render(env: dict[str, str]) -> None:
    result = run_process("city", "show", "taian", env=env)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "Lithium" in out and "Valley" in out
    assert "\x1b[" not in out


def test_narrow_terminal_never_cuts_words() -> None:
    out = run_process("city", "list", env={"COLUMNS": "20"}).stdout.decode()
    for name in ("Jinan", "Qingdao", "Weifang", "Tai'an", "Dezhou", "advantages", "clusters"):
        assert name in out
    assert max(len(line) for line in out.splitlines()) <= 20


def test_colour_rules() -> None:
    assert b"\x1b[" not in run_process("city", "list").stdout  # a pipe: no colour
    assert b"\x1b[" in run_process("city", "list", env={"FORCE_COLOR": "1"}).stdout
    assert b"\x1b[" not in run_process("city", "list", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert b"\x1b[" not in run_process("city", "list", "-f", "json", env={"FORCE_COLOR": "1"}).stdout


def test_github_actions_does_not_change_output() -> None:
    plain = run_process("city", "list", "-f", "csv").stdout
    assert run_process("city", "list", "-f", "csv", env={"GITHUB_ACTIONS": "true"}).stdout == plain


def test_unexpected_exception_is_a_one_line_bug_report_exit_70() -> None:
    code = "import sys, sdpartner.cli as c, sdpartner.process as p\n@c.app.command('boom')\ndef boom() -> None:\n    raise RuntimeError('kaput')\nsys.argv = ['sdpartner', 'boom']\np.main()\n"
    env = {k: v for k, v in os.environ.items() if k != "SDPARTNER_TRACEBACK"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=False)
    err = result.stderr.decode()
    assert result.returncode == 70 and "Traceback" not in err and err.count("\n") == 1
    assert "RuntimeError: kaput" in err and "SDPARTNER_TRACEBACK=1" in err
    loud = subprocess.run([sys.executable, "-c", code], capture_output=True, env={**env, "SDPARTNER_TRACEBACK": "1"}, check=False)
    assert b"Traceback" in loud.stderr


# ---------------------------------------------------------------------------------------------
# Hostile data and random arguments (in-process, through CliRunner)
# ---------------------------------------------------------------------------------------------

_pieces = st.sampled_from(list("ab [/]=#\\") + ["[bold]", "[/]", "[link=http://x]", "\x1b[31m", "\x1b]8;;http://e\x07", "\x07", "\x00", "\x9b", "\u202e", "\u2066", "\r", ":smile:", "青"])
_nasty = st.lists(_pieces, min_size=1, max_size=12).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(_nasty, st.sampled_from(["table", "json", "csv", "tsv", "md"]))
def test_injected_markup_and_controls_come_out_inert(tmp_path_factory: pytest.TempPathFactory, nasty: str, fmt: str) -> None:
    from typer.testing import CliRunner

    from sdpartner.cli import app

    toml_str = json.dumps(nasty)  # a JSON string literal is a valid TOML basic string
    path = tmp_path_factory.mktemp("nasty") / "plan.toml"
    path.write_text(_mini('en = "Export Push"', f"en = {toml_str}"), encoding="utf-8")
    result = CliRunner().invoke(app, ["actions", "list", "--plan", str(path), "--format", fmt], env={"FORCE_COLOR": "1", "COLUMNS": "2000"}, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for raw in ("\x1b]", "\x1b[31m", "\x07", "\x00", "\x9b", "\u202e", "\u2066"):
        assert raw not in out
    if fmt == "json":
        assert json.loads(out)[0]["name"] == nasty
    else:
        for token in ("[bold]", "[link=http://x]", ":smile:"):
            if token in nasty:
                assert token in out.replace("\\", "")


_words = st.sampled_from(["overview", "actions", "list", "show", "city", "targets", "events", "sectors", "search", "export", "validate",
                          "--year", "--format", "--lang", "--plan", "--city", "--action", "--group", "--kind", "--search", "--limit",
                          "json", "md", "csv", "2026", "-1", "7", "qingdao", "青岛", "", "--", "-h", "zh", "x" * 30])


@settings(max_examples=150, deadline=None)
@given(st.lists(_words, max_size=6))
def test_random_argument_lists_never_crash(args: list[str]) -> None:
    from typer.testing import CliRunner

    from sdpartner.cli import app

    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.exception)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
