"""``sdpartner mcp`` with a real client: the MCP SDK's stdio client starts the server as a process, lists its tools
and resources, calls every tool, and finds the CLI's answers with their citations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import MINI, run_process, sdpartner_exe

mcp = pytest.importorskip("mcp", reason="the mcp extra is not installed (the README's test command installs it)")


def _session(calls: Any, args: list[str] | None = None) -> Any:
    import anyio
    from mcp import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    async def main() -> Any:
        params = StdioServerParameters(command=sdpartner_exe(), args=["mcp", *(args or [])])
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            return await calls(session)

    return anyio.run(main)


def _cli(*args: str) -> Any:
    return json.loads(run_process(*args, "-f", "json").stdout)


TOOLS = {"search": {"query": "750 billion yuan"}, "show": {"id": "mnc-summit-3"}, "list_actions": {"group": "investment"},
         "list_events": {"year": 2024, "from": "2024-06"}, "list_targets": {"kind": "target"}, "show_city": {"name": "青岛", "lang": "zh"},
         "list_sources": {}, "plan_status": {"as_of": "2026-06-01"}, "list_cities": {}, "list_sectors": {"search": "robotics"}}


def test_tools_are_read_only_named_described_and_take_the_commands_options() -> None:
    async def calls(session: Any) -> Any:
        return (await session.list_tools()).tools

    tools = {t.name: t for t in _session(calls)}
    assert set(tools) == set(TOOLS)  # a new tool is called by the test below
    for name, tool in tools.items():
        assert name.isascii() and name == name.lower() and len(name) <= 64
        assert tool.annotations.read_only_hint is True and tool.annotations.open_world_hint is False
        assert tool.output_schema is not None and tool.description and "Example" not in tool.description  # the help without its command lines
        assert " --" not in tool.description and "sdpartner " not in tool.description, tool.description  # it speaks to a client, not a shell
        for prop in tool.input_schema.get("properties", {}).values():
            assert prop.get("description") and "SDPARTNER_" not in prop["description"], (name, prop)
    # the arguments are the command's options as typed, without those for the terminal (--format, --columns, --wide) or --plan
    events = tools["list_events"].input_schema
    assert list(events["properties"]) == ["year", "place", "action", "series", "from", "to", "lang"] and "required" not in events
    assert events["properties"]["year"]["anyOf"][0] == {"type": "integer", "minimum": 1900, "maximum": 2200}
    search = tools["search"].input_schema
    assert list(search["properties"]) == ["query", "kind", "limit", "as_typed", "lang"] and search["required"] == ["query"]
    assert search["properties"]["limit"]["default"] == 20 and search["properties"]["as_typed"]["default"] is False
    assert tools["show"].input_schema["required"] == ["id"]
    assert tools["plan_status"].input_schema["properties"]["lang"]["anyOf"][0] == {"enum": ["en", "zh"], "type": "string"}


def test_the_readme_lists_each_tool_with_its_arguments_and_its_command() -> None:
    import re

    from sdpartner.commands.catalog import COMMANDS

    async def calls(session: Any) -> Any:
        return (await session.list_tools()).tools

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)\(([^)]*)\)` \| `([a-z ]+)` \|$", readme, re.M)
    listed = {name: ([a.split(" = ")[0] for a in args.split(", ") if a], command) for name, args, command in rows}
    served = {t.name: (list(t.input_schema["properties"]), next(c.name for c in COMMANDS if c.tool and c.tool.name == t.name)) for t in _session(calls)}
    assert listed == served


def test_every_tool_answers_as_the_cli_does_with_citations() -> None:
    async def calls(session: Any) -> dict[str, Any]:
        out = {}
        for name, args in TOOLS.items():
            result = await session.call_tool(name, args)
            assert not result.is_error, (name, result.content)
            out[name] = result.structured_content
        return out

    got = _session(calls)
    assert [h["id"] for h in got["search"]["hits"]] == [r["id"] for r in _cli("search", "750 billion yuan")]
    credit = got["search"]["hits"][0]["citations"]
    outlet = 'Dazhong News · Jingji Daobao ("Economic Herald"; our rendering, as no source gives an English name)'
    assert credit == [{"source": "article", "outlet": outlet, "outlet_zh": "大众新闻·经济导报", "url": "sdenews.com/html/2026/1/381407.shtml",
                       "paragraphs": [21], "reliability": "primary"}]
    shown = got["show"]
    assert {k: v for k, v in shown.items() if k != "citations"} == _cli("show", "mnc-summit-3")
    assert {c["source"] for c in shown["citations"]} == {"xinhua-cinic-2022-mnc-summit-3-closing", "chinadaily-2022-mnc-summit-3", "chinanews-2022-mnc-summit-3-preview"}
    assert all(c["url"].startswith("http") and c["outlet"] for c in shown["citations"])
    assert [a["id"] for a in got["list_actions"]["actions"]] == [4, 5]
    assert [e["id"] for e in got["list_events"]["events"]] == [r["id"] for r in _cli("events", "--year", "2024", "--from", "2024-06")]
    weak = next(e for e in _cli("events", "--year", "2024") if e["id"] == "singapore-week-2024")
    singapore = next(e for e in got["list_events"]["events"] if e["id"] == weak["id"])
    assert singapore["citations"][0]["weak"] is True and "company" in singapore["citations"][0]["caveat"]
    assert [f["id"] for f in got["list_targets"]["figures"]] == [r["id"] for r in _cli("targets", "--kind", "target")]
    assert got["show_city"]["name"] == "青岛" and got["show_city"]["citations"]
    assert [s["id"] for s in got["list_sources"]["sources"]] == [r["id"] for r in _cli("sources")]
    status = {i["id"]: i["status"] for i in got["plan_status"]["items"]}
    assert status["mnc-leaders-qingdao-summit-7"] == "scheduled" and got["plan_status"]["note"].startswith("Shown as it stood on 2026-06-01. As of 2026-11-30, the day the sources were last reviewed.")
    assert [c["id"] for c in got["list_cities"]["cities"]] == [r["id"] for r in _cli("city", "list")]
    assert [(r["id"], r["city"]) for r in got["list_sectors"]["sectors"]] == [(r["id"], r["city"]) for r in _cli("sectors", "--search", "robotics")]
    assert got["list_sectors"]["sectors"][0]["citations"]


def test_a_record_shown_by_its_number_carries_its_citations() -> None:
    async def calls(session: Any) -> Any:
        return [(await session.call_tool("show", {"id": ref})).structured_content for ref in ("trade", "7")]

    group, action = _session(calls)
    assert (group["type"], group["id"], action["type"], action["id"]) == ("group", 1, "action", 7)
    assert [(c["source"], c["paragraphs"]) for c in group["citations"]] == [("article", [7])]
    assert action["citations"][0]["source"] == "article"


def test_citations_of_a_status_a_source_and_a_weak_source_in_chinese() -> None:
    weak = "policydb-2026-shandong-commerce-work-points"

    async def calls(session: Any) -> Any:
        status = (await session.call_tool("plan_status", {})).structured_content
        source = (await session.call_tool("show", {"id": weak, "lang": "zh"})).structured_content
        by_number = (await session.call_tool("show", {"id": 7})).structured_content
        typed = await session.call_tool("search", {"query": "qingdoa", "as_typed": None})
        kind = await session.call_tool("search", {"query": "qingdao", "kind": "bogus"})
        return status, source, by_number, typed, kind

    status, source, by_number, typed, kind = _session(calls)
    week = next(i for i in status["items"] if i["id"] == "hk-macao-shandong-week")
    evidence = next(c for c in week["citations"] if c["source"] == week["source"] == weak)  # what the status stands on
    assert evidence["weak"] is True and evidence["caveat"] == "a third party's summary of an official document"
    assert [(c["source"], c["caveat"]) for c in source["citations"]] == [(weak, "第三方对官方文件的概括")]  # a source cites itself
    assert source["citations"][0]["outlet"] == source["citations"][0]["outlet_zh"] != evidence["outlet"]  # in the answer's language
    assert by_number["type"] == "action" and by_number["id"] == 7  # an id given as a number, as rows give it
    assert not typed.is_error and typed.structured_content["hits"][0]["id"] == "qingdao"  # null: the default, corrected as the command is
    assert kind.is_error and "kind must be one of" in kind.content[0].text and "--kind" not in kind.content[0].text


def test_the_tools_defaults_and_the_notes_the_command_line_writes_to_stderr() -> None:
    async def calls(session: Any) -> Any:
        many = await session.call_tool("search", {"query": "qingdao"})
        null = await session.call_tool("search", {"query": "qingdao", "limit": None})
        nothing = await session.call_tool("search", {"query": "qzxv"})
        no_row = await session.call_tool("list_sectors", {"search": "qzxv"})
        return many.structured_content, null.structured_content, nothing.structured_content, no_row.structured_content

    many, null, nothing, no_row = _session(calls)
    assert len(_cli("search", "qingdao")) > 20 and len(many["hits"]) == 20 and null == many
    assert nothing["hits"] == [] and nothing["notes"] == [line.removeprefix("sdpartner: note: ") for line in run_process("search", "qzxv", "-f", "json").stderr.decode().splitlines()]
    # a listing's --search that matches no row says where to look instead (the tool's result said nothing)
    said = run_process("sectors", "--search", "qzxv", "-f", "json").stderr.decode()
    assert said.startswith("sdpartner: note: No row holds every word of 'qzxv'") and no_row["notes"] == [said.removeprefix("sdpartner: note: ").rstrip("\n")]


def test_resources_and_the_template() -> None:
    async def calls(session: Any) -> Any:
        resources = (await session.list_resources()).resources
        templates = (await session.list_resource_templates()).resource_templates
        record = await session.read_resource("sdpartner://record/uob")
        plan = await session.read_resource("sdpartner://plan")
        return resources, templates, record, plan

    resources, templates, record, plan = _session(calls)
    assert "sdpartner://plan" in [str(r.uri) for r in resources]
    assert [t.uri_template for t in templates] == ["sdpartner://record/{record_id}"]
    uob = json.loads(record.contents[0].text)
    assert uob["id"] == "uob" and uob["citations"][0]["paragraphs"] == [20]
    assert "Ten Partner Actions" in json.loads(plan.contents[0].text)["plan"]


def test_errors_are_answers_and_the_server_keeps_serving() -> None:
    async def calls(session: Any) -> Any:
        missing = await session.call_tool("show", {"id": "qingdoo"})
        bad = await session.call_tool("list_events", {"year": "soon"})
        date = await session.call_tool("list_events", {"from": "June", "lang": "zh"})
        empty = await session.call_tool("list_events", {"place": ""})
        after = await session.call_tool("show_city", {"name": "qingdao"})
        return missing, bad, date, empty, after

    missing, bad, date, empty, after = _session(calls)
    # the command line's message, naming the tool's argument where the command line names its option
    cli_line = run_process("events", "--from", "June", "--lang", "zh").stderr.decode().splitlines()[0].split("错误:", 1)[1].strip()
    assert cli_line.startswith("--from 应为日期")
    assert date.is_error and date.content[0].text == "Error executing tool list_events: " + cli_line.replace("--from", "from", 1)
    assert empty.is_error and empty.content[0].text == "Error executing tool list_events: place is empty; give it a value"
    text = missing.content[0].text
    assert missing.is_error and "no record named 'qingdoo'; did you mean 'qingdao'?" in text
    cli = run_process("show", "qingdoo").stderr.decode().removeprefix("sdpartner: error: ").strip()
    assert cli in text
    assert bad.is_error and "year" in bad.content[0].text
    assert not after.is_error and after.structured_content["id"] == "qingdao"


def test_the_servers_defaults_come_from_its_options() -> None:
    async def calls(session: Any) -> Any:
        return (await session.call_tool("list_actions", {})).structured_content

    got = _session(calls, ["--plan", str(MINI), "--lang", "zh"])
    assert [a["name"] for a in got["actions"]] == ["出口行动", "进口行动", "规则行动"]


def test_only_protocol_messages_on_stdout_and_a_clean_exit() -> None:
    request = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "0"}}})
    proc = subprocess.run([sdpartner_exe(), "mcp"], input=(request + "\n").encode(), capture_output=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    replies = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [(r["jsonrpc"], r["id"], "result" in r) for r in replies] == [("2.0", 1, True)]


@pytest.mark.parametrize(("redirect", "said"), [("<&-", "standard input is closed"), (">&- </dev/null", "standard output is closed")])
def test_without_stdin_or_stdout_it_says_so_in_one_line(redirect: str, said: str) -> None:
    result = subprocess.run(["bash", "-c", f"'{sdpartner_exe()}' mcp {redirect}"], capture_output=True, timeout=60, check=False)
    assert result.returncode == 1 and result.stderr.decode().count("\n") == 1 and said in result.stderr.decode(), result.stderr


def test_without_the_extra_it_says_how_to_install_it(tmp_path: Path) -> None:
    blocker = tmp_path / "mcp"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    code = f"import sys; sys.path.insert(0, {str(tmp_path)!r}); from sdpartner.app import run; sys.exit(run(['mcp']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1 and result.stderr == "sdpartner: error: sdpartner mcp needs the optional extra: pip install 'sdpartner[mcp]' (in a checkout: pip install '.[mcp]')\n"
