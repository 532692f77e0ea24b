"""Typed errors and exit codes: raised low with a location, mapped to an exit code once, in the CLI."""

from enum import IntEnum

import msgspec


class ExitCode(IntEnum):
    """Process exit codes (documented in the README)."""

    OK = 0
    FAILURE = 1  # not found, invalid plan file, output that cannot be written
    USAGE = 2  # bad command line (click's own code for usage errors)
    BUG = 70  # EX_SOFTWARE: an unexpected exception, i.e. a bug in sdpartner


class SdpartnerError(Exception):
    """Base of every error a user can act on; its ``str`` is the one line the user sees."""

    exit_code: int = ExitCode.FAILURE


class Problem(msgspec.Struct, frozen=True):
    """One problem in a plan file: where (``file:line:col`` or ``file: field.path``) and what."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class PlanError(SdpartnerError):
    """A plan file that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0])
        more = f" (and {len(problems) - 1} more problem(s); run 'sdpartner validate' on the file to list them)" if len(problems) > 1 else ""
        super().__init__(f"invalid plan file: {first}{more}")


class NotFound(SdpartnerError):
    """A name or id that matches nothing; the message may suggest a close match."""


class UsageError(SdpartnerError):
    """A command line that makes no sense (beyond what Typer checks itself)."""

    exit_code = ExitCode.USAGE


class OutputError(SdpartnerError):
    """The output cannot be written (disk full, closed stdout): the environment's fault, not a bug."""
