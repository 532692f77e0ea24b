"""Hostile files, arguments, data, environments and terminals, through the installed ``sdpartner`` process with
a timeout. Every case ends with its documented exit code, one clear line (a usage error: Typer's Usage / Try /
Error lines) and no traceback; nothing a plan file holds reaches a terminal as something it acts on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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
        "utf16.toml": "schema_version = 2\n".encode("utf-16"),
        "syntax.toml": "schema_version = 2\n[article\n",
        "deep.toml": "x = " + "[" * 50_000 + "]" * 50_000 + "\n",
        "deep-tables.toml": "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
        "wrong-type.toml": _mini('year = 2030\nreleased_at', 'year = "soon"\nreleased_at'),
        "missing-field.toml": _mini('framing = { zh = "港口城市", en = "A port city" }\n', ""),
        "unknown-field.toml": _mini('slug = "rules"', 'slug = "rules"\ncolour = "red"'),
        "escape-field.toml": _mini('slug = "rules"', 'slug = "rules"\n"\\u001b[31mred\\u001b]8;;http://evil\\u0007" = "x"'),
        "escape-top.toml": "\"\\u001b[2J\" = 1\n" + MINI_TEXT,
        "duplicate-id.toml": _mini('id = "hill"', 'id = "harbour"'),
        "dangling.toml": _mini('events = ["expo"]', 'events = ["nowhere"]'),
        "cite-range.toml": _mini("cites = [3]\n\n[[programmes]]", "cites = [3000]\n\n[[programmes]]"),
        "bad-date.toml": _mini('start = "2030-01-02"', 'start = "2030-02-31"'),
        "end-before-start.toml": _mini('end = "2029-05-03"', 'end = "2029-04-03"'),
        "infinite-reading.toml": _mini("value = 80\n", "value = inf\n"),
        "nan-count.toml": _mini("value = 120, qualifier", "value = nan, qualifier"),
        "status-no-evidence.toml": _mini('evidence = [{ source = "harbour-news", date = "2030-03-01", wording = "博览会将于6月举办" }]', "evidence = []"),
        "status-after-review.toml": _mini('date = "2030-06-10"', 'date = "2031-01-01"'),
        "shared-id.toml": _mini('id = "prog"', 'id = "ann"').replace('programmes = ["prog"]', 'programmes = ["ann"]'),
        "escape-city.toml": _mini('zh = "港城", en = "Harbour City" }\naliases', 'zh = "港城", en = "Harbour\\u001b]52;c;aGk=\\u0007City" }\naliases'),
        "bom.toml": "\ufeff" + MINI_TEXT,
        "escape-alias.toml": _mini('aliases = ["Port Town"]', 'aliases = ["Port\\u001b]0;pwn\\u0007Town"]'),
        "not-a-table.toml": "schema_version = 2\narticle = 5\n",
        "array-root.toml": "[[x]]\na = 1\n",
        "history-value.toml": MINI_TEXT.replace('history = "none"', 'history = "somewhere"'),
    }
    for name, body in content.items():
        (d / name).write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    os.mkfifo(d / "fifo.toml")
    (d / "version-1.toml").write_text(MINI_TEXT.replace("schema_version = 2", "schema_version = 1"), encoding="utf-8")
    with open(d / "huge.toml", "w", encoding="utf-8") as fh:  # 20 MB of valid TOML comments, then a bad line
        line = "# " + "x" * 98 + "\n"
        fh.write(line * 200_000)
        fh.write("this is not toml\n")
    return d


# (id, args, env, exit code, text that must be in stderr); "{d}" is the fixture directory
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
    ("syntax", ["events", "--plan", "{d}/syntax.toml"], {}, 1, "syntax.toml:2:9: TOML syntax error"),
    ("deep-arrays", ["events", "--plan", "{d}/deep.toml"], {}, 1, "nesting is too deep"),
    ("deep-tables", ["events", "--plan", "{d}/deep-tables.toml"], {}, 1, "nesting is too deep"),
    ("huge-20MB", ["events", "--plan", "{d}/huge.toml"], {}, 1, "huge.toml:200001:6: TOML syntax error"),
    ("wrong-type", ["events", "--plan", "{d}/wrong-type.toml"], {}, 1, "plan.year: expected `int`, got `str`"),
    ("missing-field", ["events", "--plan", "{d}/missing-field.toml"], {}, 1, "cities[0]: object missing required field `framing`"),
    ("unknown-field", ["events", "--plan", "{d}/unknown-field.toml"], {}, 1, "actions[2]: object contains unknown field `colour`"),
    ("unknown-field-escapes", ["validate", "{d}/escape-field.toml"], {}, 1, "object contains unknown field `␛[31mred␛]8;;http://evil␇`"),
    ("unknown-top-escapes", ["events", "--plan", "{d}/escape-top.toml"], {}, 1, "escape-top.toml: ␛[2J: unknown field"),
    ("duplicate-id", ["events", "--plan", "{d}/duplicate-id.toml"], {}, 1, "cities[1].id: duplicate id 'harbour'"),
    ("dangling-ref", ["events", "--plan", "{d}/dangling.toml"], {}, 1, "measures[0].events: 'nowhere' is not a known event id"),
    ("cite-range", ["events", "--plan", "{d}/cite-range.toml"], {}, 1, "paragraph 3000 is out of range"),
    ("bad-date", ["events", "--plan", "{d}/bad-date.toml"], {}, 1, "events[0].dates[0]: impossible date"),
    ("end-before-start", ["validate", "{d}/end-before-start.toml"], {}, 1, "end 2029-04-03 is before start 2029-05-01"),
    ("infinite-reading", ["validate", "{d}/infinite-reading.toml"], {}, 1, "observations[0].value"),
    ("nan-count", ["show", "harbour-expo-1", "--plan", "{d}/nan-count.toml"], {}, 1, "editions[0].counts[0].value"),
    ("status-no-evidence", ["status", "--plan", "{d}/status-no-evidence.toml"], {}, 1, "statuses[0].evidence"),
    ("status-after-review", ["validate", "{d}/status-after-review.toml"], {}, 1, "evidence of 2031-01-01 is after the review date 2030-06-30"),
    ("shared-id", ["validate", "{d}/shared-id.toml"], {}, 1, "'ann' is also the id of person"),
    ("not-a-table", ["events", "--plan", "{d}/not-a-table.toml"], {}, 1, "article: expected `object`, got `int`"),
    ("array-root", ["validate", "{d}/array-root.toml"], {}, 1, "x: unknown field"),
    ("history-value", ["validate", "{d}/history-value.toml"], {}, 1, "history: expected 'bundled'"),
    ("env-plan-missing", ["events"], {"SDPARTNER_PLAN": "{d}/gone.toml"}, 1, "gone.toml: no such file"),
    ("env-history-device", ["events"], {"SDPARTNER_HISTORY": "/dev/zero"}, 1, "/dev/zero: is a character device, not a regular file"),
    ("env-history-missing", ["events"], {"SDPARTNER_HISTORY": "{d}/gone"}, 1, "/gone, which does not exist"),
    ("env-history-empty", ["validate"], {"SDPARTNER_HISTORY": "{d}/a-directory"}, 1, "a directory with no history files (*.toml) in it"),
    ("validate-lists-all", ["validate", "{d}/dangling.toml"], {}, 1, "1 problem(s) found"),
    ("version-1", ["events", "--plan", "{d}/version-1.toml"], {}, 1, "this sdpartner reads data format 2; the file is format 1"),
    ("empty-value-in-chinese", ["search", ""], {"SDPARTNER_LANG": "zh"}, 2, "QUERY 为空"),
    # bad arguments: Typer's usage errors, ours in one line
    ("unknown-command", ["frobnicate"], {}, 2, "No such command 'frobnicate'"),
    ("unknown-option", ["events", "--colour"], {}, 2, "No such option: --colour"),
    ("year-not-number", ["events", "--year", "abc"], {}, 2, "'abc' is not a valid int"),
    ("year-absurd", ["events", "--year", "99999"], {}, 2, "99999 is not in the range 1900<=x<=2200"),
    ("year-negative", ["targets", "--year", "-5"], {}, 2, "-5 is not in the range"),
    ("format-unknown", ["events", "--format", "xml"], {}, 2, "'xml' is not one of"),
    ("export-table", ["export", "--format", "table"], {}, 2, "'table' is not one of"),
    ("lang-unknown", ["events", "--lang", "fr"], {}, 2, "'fr' is not one of 'en', 'zh'"),
    ("lang-env-unknown", ["events"], {"SDPARTNER_LANG": "klingon"}, 2, "SDPARTNER_LANG must be one of en, zh, not 'klingon'"),
    ("plan-without-value", ["events", "--plan"], {}, 2, "requires an argument"),
    ("limit-zero", ["search", "x", "--limit", "0"], {}, 2, "0 is not in the range x>=1"),
    ("show-without-id", ["actions", "show"], {}, 2, "Missing argument 'ACTION'"),
    ("as-of-bad", ["status", "--as-of", "June"], {}, 2, "--as-of must be a date"),
    ("from-full-width-letters", ["events", "--from", "２０２６-ＯＮＥ"], {}, 2, "--from must be a date"),
    ("github-actions-usage", ["events", "--year", "abc"], {"GITHUB_ACTIONS": "true", "FORCE_COLOR": "1"}, 2, "is not a valid int"),
    # not found: one line, with a suggestion where one is close
    ("action-zero", ["actions", "show", "0"], {}, 1, "no action named '0'"),
    ("action-huge", ["actions", "show", "9" * 400], {}, 1, "no action named"),
    ("city-unknown", ["city", "show", "qingdo"], {}, 1, "did you mean 'qingdao'?"),
    ("city-unknown-zh", ["city", "show", "qingdo", "--lang", "zh"], {}, 1, "是不是“qingdao”?"),
    ("events-place-unknown", ["events", "--city", "Atlantis"], {}, 1, "no place named 'Atlantis'"),
    ("group-unknown", ["actions", "list", "--group", "9"], {}, 1, "no group named '9'"),
    ("status-year-unknown", ["status", "--year", "2031"], {}, 2, "there is no bundled plan for 2031"),
    # empty strings: one rule, a usage error naming what was empty
    ("search-empty", ["search", ""], {}, 2, "sdpartner: error: QUERY is empty"),
    ("city-empty", ["city", "show", ""], {}, 2, "sdpartner: error: NAME is empty"),
    ("sectors-search-empty", ["sectors", "-s", ""], {}, 2, "sdpartner: error: --search is empty"),
    ("plan-empty", ["events", "--plan", ""], {}, 2, "sdpartner: error: --plan is empty"),
    ("plan-empty-equals", ["events", "--plan="], {}, 2, "sdpartner: error: --plan is empty"),
    ("validate-empty", ["validate", ""], {}, 2, "sdpartner: error: [PATH] is empty"),
    # files that are not files: refused at once, whatever size they claim
    ("plan-dev-zero", ["overview", "--plan", "/dev/zero"], {}, 1, "/dev/zero: is a character device, not a regular file"),
    ("plan-fifo", ["events", "--plan", "{d}/fifo.toml"], {}, 1, "is a FIFO (named pipe), not a regular file"),
    ("plan-newline-name", ["events", "--plan", "{d}/new\nline.toml"], {}, 1, "new␊line.toml: no such file"),
    # echoed input is shortened and made visible
    ("city-100k", ["city", "show", "x" * 100_000], {}, 1, "no city named '" + "x" * 79 + "…'"),
    ("city-escapes", ["city", "show", "\x1b[2J\x1b]0;pwned\x07"], {}, 1, "no city named '␛[2J␛]0;pwned␇'"),
    ("columns-unknown", ["events", "--columns", "id,nosuch"], {}, 2, "--columns: no column named 'nosuch'"),
    ("export-exists", ["export", "--output", "{d}/empty.toml"], {}, 1, "empty.toml exists; add --force to overwrite it"),
    ("export-force-fifo", ["export", "--output", "{d}/fifo.toml", "--force"], {}, 1, "is a FIFO (named pipe), not a regular file; --force replaces only regular files"),
    ("export-force-directory", ["export", "--output", "{d}/a-directory", "--force"], {}, 1, "is a directory; give a file name"),
    ("export-sqlite-stdout", ["export", "--format", "sqlite"], {}, 2, "--format sqlite writes a file"),
    ("install-completion-bad-home", ["--install-completion", "bash"], {"HOME": "{d}/a-file"}, 1, "File exists"),
    ("suggest-escaped-alias", ["city", "show", "Portx0;pwnTown", "--plan", "{d}/escape-alias.toml"], {}, 1, "did you mean 'Port␛]0;pwn␇Town'?"),
    ("typer-bidi-option", ["events", "--\u202e"], {}, 2, "No such option: --<U+202E>"),
    ("typer-huge-year", ["events", "--year", "9" * 5000], {}, 2, "Invalid value for '--year' / '-y': '" + "9" * 200),
    ("tab-without-words", [], {"_SDPARTNER_COMPLETE": "complete_bash"}, 1, "a completion request needs COMP_WORDS and a number in COMP_CWORD"),
    ("tab-huge-cword", [], {"_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": "sdpartner city show", "COMP_CWORD": "9" * 5000}, 1, "needs COMP_WORDS"),
    ("tab-superscript-cword", [], {"_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": "sdpartner ev", "COMP_CWORD": "\u00b9"}, 1, "needs COMP_WORDS"),
    ("tab-zsh-cword", [], {"_SDPARTNER_COMPLETE": "complete_zsh", "COMP_WORDS": "sdpartner ev", "COMP_CWORD": "x", "SDPARTNER_LANG": "zh"}, 1, "补全请求需要"),
]


@pytest.mark.parametrize(("args", "env", "code", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_case(files: Path, args: list[str], env: dict[str, str], code: int, message: str) -> None:
    args = [a.replace("{d}", str(files)) for a in args]
    env = {k: v.replace("{d}", str(files)) for k, v in env.items()}
    result = run_process(*args, env=env, timeout=60)
    err = result.stderr.decode("utf-8")
    assert result.returncode == code, err
    assert message in err
    assert "Traceback" not in err and "bug" not in err and result.stdout == b""
    assert not any(ch in err for ch in "\x1b\x07\x9b\u202e"), err  # nothing a terminal acts on
    if code == 1 and args[:1] != ["validate"]:  # validate lists every problem, a line each
        assert err.count("\n") == 1, err
    if code == 2 and "requires an argument" not in message:  # a usage error: what is wrong, and where help is (click omits it for a missing value)
        assert ("查看帮助" if env.get("SDPARTNER_LANG") == "zh" else "Try 'sdpartner") in err, err
    assert max(len(line) for line in err.splitlines()) < 500, err


def test_bom_file_is_accepted(files: Path) -> None:
    assert run_process("validate", str(files / "bom.toml")).returncode == 0


def test_a_hostile_name_in_a_plan_never_reaches_a_terminal(files: Path) -> None:
    plan = str(files / "escape-city.toml")
    for args in (["city", "list"], ["city", "list", "-f", "csv"], ["city", "list", "-f", "md"], ["show", "harbour"]):
        out = run_process(*args, "--plan", plan, env={"FORCE_COLOR": "1"}).stdout.decode()
        assert "\x1b]52" not in out and "\x07" not in out and "Harbour" in out, args
    err = run_process("events", "--place", "nowhere", "--plan", plan).stderr.decode()  # the names an error lists
    assert "\x1b" not in err and "\x07" not in err and "Harbour\u241b]52" in err and len(err.splitlines()) == 1, err
    env = {"_SDPARTNER_COMPLETE": "complete_bash", "COMP_WORDS": "sdpartner city show H", "COMP_CWORD": "3", "SDPARTNER_PLAN": plan}
    completion = subprocess.run([sdpartner_exe()], capture_output=True, env={**os.environ, **env}, timeout=30, check=False).stdout.decode()
    assert "harbour" in completion and "\x1b" not in completion


def test_a_hostile_event_name_reaches_the_calendar_inert(tmp_path: Path) -> None:
    import icalendar

    bundled = (Path(__file__).resolve().parents[1] / "data" / "plans" / "2026.toml").read_text(encoding="utf-8")
    at = bundled.index('en = "', bundled.index('id = "dialogue-2026"')) + len('en = "')
    plan = tmp_path / "plan.toml"
    plan.write_text(bundled[:at] + "Dialogue\\u001b]0;pwn\\u0007\\u001b[31mRED\\u009b2J\\u202eevil" + bundled[bundled.index('"', at):], encoding="utf-8")
    out = run_process("export", "-f", "ics", "--plan", str(plan)).stdout.decode()
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out
    summaries = [str(e["summary"]) for e in icalendar.Calendar.from_ical(out).walk("VEVENT")]
    assert "Dialogue␛]0;pwn␇␛[31mRED<U+009B>2J<U+202E>evil" in summaries


def test_a_terminal_width_above_any_screen_is_clamped() -> None:
    result = run_process("city", "list", env={"COLUMNS": "1000000000"}, timeout=30)
    assert result.returncode == 0 and max(len(line) for line in result.stdout.decode().splitlines()) <= 1000


def test_a_closed_or_broken_stderr_never_costs_the_answer(tmp_path: Path) -> None:
    closed = subprocess.run(["bash", "-c", f"'{sdpartner_exe()}' events --year 1999 -f json 2>&-"], capture_output=True, timeout=30, check=False)
    assert closed.returncode == 0 and closed.stdout == b"[]\n"  # its note had nowhere to go
    full = subprocess.run(["bash", "-c", f"'{sdpartner_exe()}' search zqxv -f json 2>/dev/full"], capture_output=True, timeout=30, check=False)
    assert full.returncode == 0 and full.stdout == b"[]\n"


@pytest.mark.parametrize("args", [["--version"], ["events"], ["--help"]])
def test_a_closed_stdout_is_one_line_and_exit_1(args: list[str]) -> None:
    result = subprocess.run(["bash", "-c", " ".join([f"'{sdpartner_exe()}'", *args, ">&-"])], capture_output=True, timeout=30, check=False)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "bug" not in err, err


def test_huge_queries_are_answered_or_refused_in_one_line() -> None:
    result = run_process("search", "lithium " * 4_000, "-f", "json", timeout=30)  # 32 KB: every word is "lithium"
    assert result.returncode == 0 and json.loads(result.stdout)[0]["id"] == "taian-lithium-valley"
    refused = run_process("search", "zq" * 50_000, "-f", "json", timeout=30)
    assert refused.returncode == 2 and b"the search query is too long" in refused.stderr


def test_stdout_closed_early_ends_quietly() -> None:
    proc = subprocess.Popen([sdpartner_exe(), "export", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout and proc.stderr
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=30) == 0 and err == ""


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_encoding_without_chinese_does_not_crash(encoding: str) -> None:
    result = run_process("city", "show", "qingdao", env={"PYTHONIOENCODING": encoding})
    err = result.stderr.decode()
    assert result.returncode == 0 and "PYTHONIOENCODING=utf-8" in err and "Traceback" not in err
    assert b"\\u9752\\u5c9b" in result.stdout  # 青岛, escaped, nothing lost


@pytest.mark.parametrize("env", [{"COLUMNS": "20"}, {"COLUMNS": "abc"}, {"COLUMNS": "-3"}, {"TERM": "dumb"}])
def test_odd_terminals_render(env: dict[str, str]) -> None:
    result = run_process("city", "show", "taian", env=env)
    out = result.stdout.decode()
    assert result.returncode == 0 and "Lithium" in out and "\x1b[" not in out


def test_colour_rules() -> None:
    assert b"\x1b[" not in run_process("city", "list").stdout
    assert b"\x1b[" in run_process("city", "list", env={"FORCE_COLOR": "1"}).stdout
    assert b"\x1b[" not in run_process("city", "list", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert b"\x1b[" not in run_process("city", "list", "-f", "json", env={"FORCE_COLOR": "1"}).stdout


def test_an_unexpected_exception_is_a_one_line_bug_report_exit_70() -> None:
    code = ("import sys\nfrom sdpartner.commands import answers\n"
            "def boom(req):\n    raise RuntimeError('kaput')\nanswers.overview.__code__ = boom.__code__\n"
            "from sdpartner.app import run\nsys.exit(run(['overview']))\n")
    env = {k: v for k, v in os.environ.items() if k != "SDPARTNER_TRACEBACK"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=False)
    err = result.stderr.decode()
    assert result.returncode == 70 and "Traceback" not in err and err.count("\n") == 1
    assert "RuntimeError: kaput" in err and "SDPARTNER_TRACEBACK=1" in err
    loud = subprocess.run([sys.executable, "-c", code], capture_output=True, env={**env, "SDPARTNER_TRACEBACK": "1"}, check=False)
    assert b"Traceback" in loud.stderr


# ---------------------------------------------------------------------------------------------
# Hostile data and random arguments (in-process)
# ---------------------------------------------------------------------------------------------

_pieces = st.sampled_from(list("ab [/]=#\\") + ["[bold]", "[/]", "[link=http://x]", "\x1b[31m", "\x1b]8;;http://e\x07", "\x07", "\x00", "\x9b", "\u202e", "\u2066", "\r",
                                                 ":smile:", "青", "=cmd|", "+1", "@A1"])
_nasty = st.lists(_pieces, min_size=1, max_size=12).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(_nasty, st.sampled_from(["table", "json", "csv", "tsv", "md"]))
def test_injected_markup_and_controls_come_out_inert(tmp_path_factory: pytest.TempPathFactory, nasty: str, fmt: str) -> None:
    from typer.testing import CliRunner

    from .conftest import app

    toml_str = json.dumps(nasty)  # a JSON string literal is a valid TOML basic string
    path = tmp_path_factory.mktemp("nasty") / "plan.toml"
    path.write_text(_mini('en = "Export Push"', f"en = {toml_str}"), encoding="utf-8")
    result = CliRunner().invoke(app(), ["actions", "list", "--plan", str(path), "--format", fmt], env={"FORCE_COLOR": "1", "COLUMNS": "2000"}, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for raw in ("\x1b]", "\x1b[31m", "\x07", "\x00", "\x9b", "\u202e", "\u2066"):
        assert raw not in out
    if fmt == "json":
        assert json.loads(out)[0]["name"] == nasty
    elif fmt == "csv":
        import csv
        import io

        cell = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))[1][4]
        assert not cell.startswith(("=", "+", "-", "@"))


_words = st.sampled_from(["overview", "actions", "list", "show", "city", "targets", "events", "sectors", "search", "export", "validate", "status", "diff",
                          "--year", "--format", "--lang", "--plan", "--city", "--action", "--group", "--kind", "--search", "--limit", "--as-of", "--columns",
                          "json", "md", "csv", "2026", "-1", "7", "qingdao", "青岛", "", "--", "-h", "zh", "x" * 30, "help"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_words, max_size=6))
def test_random_argument_lists_never_crash(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    from sdpartner.app import run

    if "export" in args and "--output" in args:
        return
    code = run(list(args))
    err = capsys.readouterr().err
    assert code in (0, 1, 2), (args, err)
    assert "Traceback" not in err and "internal error" not in err, (args, err)
