"""The documents stay true: docs/json-output.md is generated from the listing declarations and matches what
the commands print; the README's examples are what the tool prints."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from typing import Any

import pytest

from sdpartner.commands.catalog import COMMANDS
from sdpartner.present.listings import by_name

from .conftest import ROOT

ARGS = {"search": ["lithium"], "status": [], "diff": []}


def test_the_json_reference_is_generated_and_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_docs.py"), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.listing], ids=lambda c: c.name)
def test_every_listing_prints_exactly_the_declared_keys(run: Any, command: Any) -> None:
    rows = run(*command.path, *ARGS.get(command.name, []), "-f", "json").json()
    assert rows, command.name
    assert [list(r) for r in rows][0] == by_name(command.listing).keys()
    tsv = run(*command.path, *ARGS.get(command.name, []), "-f", "tsv").out
    assert tsv.splitlines()[0].split("\t") == by_name(command.listing).keys()


def test_every_command_is_documented_with_an_example(invoke: Any) -> None:
    for command in COMMANDS:
        for flag in ("-h", "--help"):
            result = invoke(*command.path, flag)
            assert result.exit_code == 0 and "Example" in result.stdout and "sdpartner" in result.stdout, command.name


def test_readme_examples_match_the_tool() -> None:
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(module.BLOCK.findall(text)) >= 8
    assert module.update(text) == text, "README.md examples are stale: run python scripts/readme_examples.py"
