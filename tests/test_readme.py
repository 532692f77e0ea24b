"""The README stays true: its example outputs match what the tool prints, and CI runs its test command."""

from __future__ import annotations

import importlib.util
import re

from .conftest import ROOT


def _module():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "scripts" / "readme_examples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_examples_match_the_tool() -> None:
    module = _module()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(module.BLOCK.findall(text)) >= 6
    assert module.update(text) == text, "README.md examples are stale: run python scripts/readme_examples.py"


def test_ci_reads_its_test_command_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- test-command:start -->\n```sh\n(.+)\n```\n<!-- test-command:end -->", readme)
    assert block and "pytest" in block.group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command:start" in ci and 'bash -euo pipefail -c "$test_cmd"' in ci
