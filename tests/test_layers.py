"""The code's shape: each layer imports only the layers to its left, and heavy libraries stay where they belong.

model/documents/errors/... -> load, cache -> query, search -> words, views -> render -> cli, process
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sdpartner"
LAYER = {
    "__init__": 0, "errors": 0, "names": 0, "safe": 0, "terminal": 0, "documents": 0, "model": 0,
    "load": 1, "cache": 1,
    "query": 2, "search": 2,
    "words": 3, "views": 3,
    "render": 4,
    "cli": 5, "process": 5, "__main__": 5,
}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    return "render" if rel.parts[0] == "render" else rel.parts[0]


def _imports(path: Path) -> list[tuple[str, int]]:
    """(imported sdpartner module or top-level library, line) for every import in a file, lazy ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: .x, ..x, or "from . import a, b"
                base = (node.module or "").split(".")[0]
                in_render = path.parent.name == "render"
                if node.level == 1 and in_render:
                    base = "render"
                names = [base] if base else [a.name for a in node.names]
                found += [(n, node.lineno) for n in names]
            else:
                found.append((node.module.split(".")[0], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name.split(".")[0], node.lineno) for a in node.names]
    return found


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert {_module(p) for p in FILES} == set(LAYER)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_its_own_layer_or_those_left_of_it(path: Path) -> None:
    me = _module(path)
    upward = [(name, line) for name, line in _imports(path) if name in LAYER and LAYER[name] > LAYER[me]]
    assert not upward, f"{me} (layer {LAYER[me]}) imports {upward}"


@pytest.mark.parametrize(("library", "allowed"), [("rich", {"render/table.py"}), ("tomli", {"load.py"}), ("sqlite3", {"render/sqlite.py"})])
def test_heavy_libraries_are_imported_in_one_place(library: str, allowed: set[str]) -> None:
    users = {str(p.relative_to(PACKAGE)) for p in FILES if any(name == library for name, _ in _imports(p))}
    assert users <= allowed


def test_the_layer_rule_can_fail(tmp_path: Path) -> None:
    # the control: an upward import is seen
    bad = PACKAGE / "query.py"
    text = bad.read_text(encoding="utf-8") + "\nfrom .views import overview\n"
    probe = tmp_path / "query.py"
    probe.write_text(text, encoding="utf-8")
    assert ("views", text.count("\n")) in _imports(probe)
