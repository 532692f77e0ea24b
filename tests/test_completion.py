"""Shell completion of commands, city names and action ids, through the installed process."""

from __future__ import annotations

import pytest

from .conftest import run_process


def _complete(shell: str, words: str) -> str:
    env = {"_SDPARTNER_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": words, "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = run_process(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_city_names_complete(shell: str) -> None:
    out = _complete(shell, "sdpartner city show q")
    assert "qingdao" in out and "jinan" not in out


def test_action_ids_and_slugs_complete() -> None:
    out = _complete("zsh", "sdpartner actions show b")
    assert "belt-and-road" in out and "business-environment" in out and "flagship-events" not in out


def test_option_values_complete() -> None:
    assert "taian" in _complete("bash", "sdpartner events --city t")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_are_available(shell: str) -> None:
    result = run_process("--show-completion", shell)
    assert result.returncode == 0 and b"_SDPARTNER_COMPLETE" in result.stdout
