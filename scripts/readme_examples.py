"""Keep the README's examples true: each ```console block's command is run and its output (stdout, then stderr)
compared.

    python scripts/readme_examples.py          # rewrite the outputs in README.md
    python scripts/readme_examples.py --check  # exit 1 when any output is stale (the tests do this)

A block is a line '$ sdpartner ...' followed by the output, up to the closing fence. Commands run
in-process with COLUMNS=80 (the width the tables are made to fit; a block may set another) and no colour, so the
output is the same on every machine.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(```console\n\$ (?P<cmd>(?:COLUMNS=\d+ )?sdpartner[^\n]*)\n)(?P<out>.*?)(```)", re.S)
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "SDPARTNER_LANG": None, "SDPARTNER_PLAN": None, "FORCE_COLOR": None}


def run(command: str) -> str:
    """What one README command prints (stdout, and stderr when it fails; pipes to head are honoured)."""
    from typer.testing import CliRunner

    from sdpartner.commands.typer_app import build

    cmd, _, pipe = command.partition(" | ")
    words = shlex.split(cmd)
    env = dict(ENV)
    while "=" in words[0]:  # an environment prefix, e.g. COLUMNS=80
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    args = words[1:]
    result = CliRunner().invoke(build(), args, env=env)
    out = result.stdout + result.stderr  # notes and errors on stderr, after the answer, as a terminal shows them
    if pipe.startswith("head -n "):
        out = "".join(out.splitlines(keepends=True)[: int(pipe.split()[-1])])
    return out


def update(text: str) -> str:
    """README text with every example's output regenerated."""
    return BLOCK.sub(lambda m: m.group(1) + run(m.group("cmd")) + m.group(4), text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = update(text)
    if "--check" in sys.argv:
        if new != text:
            print("README.md examples are stale: run python scripts/readme_examples.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.environ.pop("FORCE_COLOR", None)
    sys.exit(main())
