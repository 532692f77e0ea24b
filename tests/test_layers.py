"""The code's shape: each layer imports only its own layer or those below it, no module imports one that
imports it back, and heavy libraries stay where they belong.

errors, terminal, safe, names, dirs, text, words, plan.declare -> plan -> query -> present -> output, export
-> commands (the Typer app, the fast path, the MCP server) -> app
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sdpartner"
LAYER = {
    "__init__": 0, "dirs": 0, "errors": 0, "terminal": 0, "safe": 0, "names": 0, "words": 0, "console": 0, "text": 0, "plan.declare": 0,
    "plan": 1, "query": 2, "present": 3, "output": 4, "export": 4, "commands": 5, "app": 6, "__main__": 6,
}


def _unit(module: str) -> str:
    """The layer unit of a dotted module name inside the package: plan.declare, plan, query, present ..."""
    parts = module.split(".")
    if parts[:2] == ["plan", "declare"]:
        return ".".join(parts[:2])
    return parts[0]


def _name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


@cache
def _imports(path: Path, text: str | None = None) -> list[tuple[str, int]]:
    """(imported sdpartner module or top-level library, line) for every import in a file (or in ``text`` read as
    that file), lazy ones too."""
    me = _name(path).split(".")
    package = me[:-1] if path.name != "__init__.py" else me[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8") if text is None else text)
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                if node.module:
                    found.append((".".join([*base, node.module]).strip("."), node.lineno))
                else:  # from . import a, b: modules of the package, or names the package itself holds
                    for a in node.names:
                        target = ".".join([*base, a.name]).strip(".")
                        is_module = (PACKAGE / Path(*target.split("."))).with_suffix(".py").exists() or (PACKAGE / Path(*target.split("."))).is_dir()
                        found.append((target if is_module else (".".join(base) or "__init__"), node.lineno))
            else:
                mod = node.module or ""
                found.append((mod.removeprefix("sdpartner.") if mod.startswith("sdpartner.") else "lib:" + mod.split(".")[0], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name.removeprefix("sdpartner.") if a.name.startswith("sdpartner.") else "lib:" + a.name.split(".")[0], node.lineno) for a in node.names]
    return found


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert {_unit(_name(p)) for p in FILES} <= set(LAYER)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_its_own_layer_or_those_below(path: Path) -> None:
    me = _unit(_name(path))
    upward = [(name, line) for name, line in _imports(path) if not name.startswith("lib:") and LAYER[_unit(name)] > LAYER[me]]
    # words.py is the catalogue of words every layer reads; the model titles a status with its words (a lazy import)
    upward = [(n, ln) for n, ln in upward if not (me == "plan" and n == "words")]
    assert not upward, f"{me} (layer {LAYER[me]}) imports {upward}"


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {_name(p): {n for n, _ in _imports(p) if not n.startswith("lib:")} for p in FILES}
    cycles = [(a, b) for a, deps in graph.items() for b in deps if b in graph and a in graph[b] and a < b]
    assert cycles == []


@pytest.mark.parametrize(("library", "allowed"), [("rich", {"output/table.py"}), ("tomli", {"plan/load.py"}), ("typer", {"commands/typer_app.py"}),
                                                  ("icalendar", {"export/ics.py"}), ("mcp", {"commands/mcp_server.py", "commands/answers.py"}),
                                                  ("pydantic", {"commands/mcp_server.py"}), ("sqlite3", {"export/sqlite.py", "export/files.py"})])
def test_heavy_libraries_are_imported_in_one_place(library: str, allowed: set[str]) -> None:
    users = {str(p.relative_to(PACKAGE)) for p in FILES if any(name == f"lib:{library}" for name, _ in _imports(p))}
    assert users <= allowed


def test_the_layer_rule_can_fail() -> None:
    # the control: an upward import added to a module is seen, and seen as upward
    probe = PACKAGE / "query" / "filters.py"
    text = probe.read_text(encoding="utf-8") + "\nfrom ..present.views import overview\n"
    assert "present.views" not in [n for n, _ in _imports(probe)]
    assert ("present.views", text.count("\n")) in _imports(probe, text)
    assert LAYER[_unit("present.views")] > LAYER[_unit("query.filters")]
