"""Make the README's pictures from sdpartner's own output (rich exports the terminal as SVG).

    python scripts/make_screenshots.py            # writes docs/img/*.svg
    python scripts/make_screenshots.py OUT_DIR    # somewhere else

Each command runs in-process as on a 100-column colour terminal; its ANSI output is replayed into a
recording rich console and exported, so the picture is exactly what a user sees.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

SHOTS = {
    "overview.svg": "sdpartner overview",
    "city-qingdao.svg": "sdpartner city show qingdao",
    "sectors-energy.svg": "sdpartner sectors --search energy",
}
WIDTH = 100


def shoot(command: str) -> str:
    """SVG of one command's output on a colour terminal."""
    from rich.console import Console
    from rich.text import Text
    from typer.testing import CliRunner

    from sdpartner.commands.typer_app import build

    app = build()

    env = {"FORCE_COLOR": "1", "COLUMNS": str(WIDTH), "NO_COLOR": None, "SDPARTNER_LANG": None, "SDPARTNER_PLAN": None, "TERM": "xterm-256color"}
    result = CliRunner().invoke(app, shlex.split(command)[1:], env=env)
    if result.exit_code != 0:
        raise SystemExit(f"{command} failed: {result.stderr}")
    console = Console(record=True, width=WIDTH, force_terminal=True, color_system="truecolor", file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(Text(f"$ {command}", style="bold green"))
    console.print(Text.from_ansi(result.stdout), end="")
    return console.export_svg(title=command)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    for name, command in SHOTS.items():
        (out / name).write_text(shoot(command), encoding="utf-8")
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
