"""Typed errors and exit codes: raised low with a message code and its values, worded in the user's language
once, where the command ends (``messages`` in ``words.py``)."""

from enum import IntEnum
from typing import Any

import msgspec

from .words import message as _message


class ExitCode(IntEnum):
    """Process exit codes (documented in the README)."""

    OK = 0
    FAILURE = 1  # not found, invalid plan file, output that cannot be written, an environment that refuses
    USAGE = 2  # bad command line (click's own code for usage errors)
    BUG = 70  # EX_SOFTWARE: an unexpected exception, i.e. a bug in sdpartner


class SdpartnerError(Exception):
    """Base of every error a user can act on: a message code and its values; ``message(lang)`` is the one line."""

    exit_code: int = ExitCode.FAILURE

    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(code)

    def message(self, lang: str = "en") -> str:
        """The one line the user reads, in ``lang``."""
        return _message(self.code, lang, self.params)

    def __str__(self) -> str:
        return self.message("en")


class Problem(msgspec.Struct, frozen=True):
    """One problem in a plan file: where (``file:line:col`` or ``file: field.path``) and what."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"

    def pick(self, lang: str) -> str:
        """The problem in ``lang`` (a message's values are picked so)."""
        from .words import problem

        return f"{self.where}: {problem(self.what, lang)}"


class PlanError(SdpartnerError):
    """A plan file that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("invalid_plan", first=problems[0], more=len(problems) - 1)


class NotFound(SdpartnerError):
    """A name or id that matches nothing; the message may suggest a close match."""


class UsageError(SdpartnerError):
    """A command line that makes no sense (beyond what Typer checks itself)."""

    exit_code = ExitCode.USAGE


class OutputError(SdpartnerError):
    """The output cannot be written (disk full, closed stdout, a file in the way): the environment's fault, not a bug."""
