"""GitHub-flavoured Markdown: a heading, then a table per listing; fit for a report or an issue."""

from __future__ import annotations

from ..present.documents import Bundle, Detail, Document, Listing
from ..safe import visible
from ..terminal import Terminal
from . import cell


def escape(text: str) -> str:
    """Make text inert inside a GFM table cell: pipes, HTML and its entities, emphasis, strikethrough and newlines."""
    text = visible(text, single_line=False)
    for ch in "\\`*_[]<>|#~&":  # each ASCII punctuation GFM acts on; a backslash makes it literal (CommonMark 2.4)
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "<br>")


def table(listing: Listing) -> str:
    """A listing as a GFM table (only the columns meant for people)."""
    cols = [c for c in listing.columns if c.shown]
    if not listing.rows:
        return f"_{escape(listing.empty)}_\n" + (f"\n_{escape(listing.caption)}_\n" if listing.caption else "")
    head = "| " + " | ".join(escape(c.header) for c in cols) + " |"
    rule = "| " + " | ".join("---:" if c.style in ("number", "bar") else "---" for c in cols) + " |"
    body = ["| " + " | ".join(escape(cell(c.display(row, listing.words(i)), c.missing or listing.missing)) for c in cols) + " |" for i, row in enumerate(listing.rows)]
    caption = [f"\n_{escape(listing.caption)}_"] if listing.caption else []
    return "\n".join([head, rule, *body, *caption]) + "\n"


def render(document: Document, terminal: Terminal, level: int = 2) -> str:
    """Render a document as Markdown."""
    if isinstance(document, Bundle):
        parts = [render(part, terminal, part_level) for part_level, part in document.parts]
        return "\n".join([*parts, f"---\n\n{escape(document.footer)}\n"] if document.footer else parts)
    if isinstance(document, Listing):
        return f"{'#' * level} {escape(document.title)}\n\n{table(document)}"
    assert isinstance(document, Detail)
    out = [f"{'#' * (level - 1)} {escape(document.title)}\n"]
    for c, v in (f for f in document.fields if f[0].shown):
        out.append(f"- **{escape(c.header)}:** {escape(cell(c.display({c.key: v}, document.people), document.missing))}")
    out.append("")
    for _, listing in document.sections:
        out.append(f"{'#' * level} {escape(listing.title)}\n\n{table(listing)}")
    return "\n".join(out)
