"""What we know about the output stream: a terminal or a pipe, colour, width, encoding.

One injectable object (as httpie's Environment) so that tests can pretend to be a terminal or a pipe.
"""

import codecs
import os
import sys
from collections.abc import Mapping
from typing import TextIO

import msgspec


MAX_WIDTH = 1000  # COLUMNS=1000000000 would make a table of gigabytes: no terminal is wider than this


class Terminal(msgspec.Struct, frozen=True, kw_only=True):
    """The output stream's capabilities, decided once."""

    isatty: bool = False
    color: bool = False
    width: int = 100
    encoding: str = "utf-8"

    @property
    def unicode(self) -> bool:
        """Whether box-drawing and Chinese characters can be written as they are."""
        try:
            return codecs.lookup(self.encoding).name.startswith("utf")
        except LookupError:
            return False

    @classmethod
    def detect(cls, stream: TextIO | None = None, env: Mapping[str, str] | None = None) -> "Terminal":
        """Read the capabilities from a stream and the environment (NO_COLOR, FORCE_COLOR, TERM, COLUMNS)."""
        stream = stream if stream is not None else sys.stdout
        env = env if env is not None else os.environ
        try:
            isatty = stream.isatty()
        except (AttributeError, ValueError, OSError):
            isatty = False
        if env.get("NO_COLOR"):
            color = False
        elif env.get("FORCE_COLOR", "") not in ("", "0", "false"):
            color = True
        else:
            color = isatty and env.get("TERM", "") != "dumb"
        width = 0
        try:
            width = int(env.get("COLUMNS", ""))
        except ValueError:
            pass
        if width <= 0 and isatty:
            try:
                width = os.get_terminal_size(stream.fileno()).columns
            except (OSError, ValueError, AttributeError):
                width = 0
        width = min(max(width, 20), MAX_WIDTH) if width > 0 else 100
        encoding = getattr(stream, "encoding", None) or "utf-8"
        return cls(isatty=isatty, color=color, width=width, encoding=encoding)
