"""``sdpartner export``: the whole plan to standard output or to files (through ``export/files.py``, which never
loses a file that is there)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from .spec import Answer, Request


def export(req: Request) -> Answer:
    """Write the whole plan in the format asked: JSON, JSON Lines or Markdown to stdout or a file; SQLite (with
    Datasette's metadata beside it) or a calendar to a file."""
    from ..export.files import check_targets, write_files
    from ..words import message
    from .spec import Answer

    fmt, output, force = req.fmt, req["output"], bool(req["force"])
    if output == "":
        raise UsageError("empty_output")
    if fmt == "sqlite" and output in (None, "-"):
        raise UsageError("needs_output", fmt=fmt, example="plan.db")
    to_stdout = output in (None, "-")
    meta_path = f"{output}.metadata.json"
    if not to_stdout:
        check_targets([output, meta_path] if fmt == "sqlite" else [output], force)  # before the work, not after it
    if fmt == "sqlite":
        from ..export import sqlite

        plan = req.plan
        analysed = sqlite.analysed_text(plan)
        db_name = os.path.splitext(os.path.basename(output))[0]

        def write_meta(tmp: str) -> None:
            import json

            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(sqlite.metadata(db_name), ensure_ascii=False, indent=2) + "\n")

        write_files([(output, lambda tmp: sqlite.write(plan, tmp, analysed)), (meta_path, write_meta)], force)
        from ..safe import shown_path

        return Answer(notes=(message("wrote_sqlite", req.lang, {"files": f"{shown_path(output)}, {shown_path(meta_path)}", "db": shown_path(output), "meta": shown_path(meta_path)}),))
    if fmt == "ics":
        from ..export.ics import calendar

        text, left_out = calendar(req.plan, req.lang)
        notes = (message("calendar_left_out", req.lang, {"n": left_out}),) if left_out else ()
        if to_stdout:
            return Answer(text, notes)
        write_files([(output, _writer(text))], force)
        return Answer(notes=notes)
    from ..output import render
    from ..present.views import export as bundle
    from ..terminal import Terminal

    body = render(bundle(req.plan, req.lang), fmt, Terminal())
    if to_stdout:
        return Answer(body)
    write_files([(output, _writer(body))], force)
    return Answer()


def _writer(text: str | bytes) -> Callable[[str], None]:
    data = text.encode("utf-8") if isinstance(text, str) else text

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)

    return write
