"""The exception tree: every error the library raises on purpose derives from BriefingError."""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error `briefing` raises on purpose.

    The CLI turns these into one ``Error: ...`` line and exit status 1; anything
    else is a bug and keeps its traceback.
    """


class ConfigurationError(BriefingError):
    """Raised when settings or options are missing or inconsistent (no API key, bad option)."""


class SourceError(BriefingError):
    """Raised when a report cannot be read: missing, a directory, empty, binary or undecodable."""


class OutputError(BriefingError):
    """Raised when a result cannot be written: a target that is not a regular file or is an
    input, a missing or read-only folder, a full disk, a closed standard output."""


class TemplateError(BriefingError):
    """Raised when a template is missing, fails to parse, or breaks the sandbox while rendering."""


class BriefFormatError(BriefingError):
    """Raised when a file that should hold a brief (JSON) does not validate against the schema."""


class TransportError(BriefingError):
    """Raised when the model server cannot be reached or keeps failing after all retries.

    ``__cause__`` holds the original exception from the client. ``unreachable`` is true when
    the server gave no answer at all (refused, unreachable, silent past every deadline), so
    work still queued for it can fail at once with the same error.
    """

    def __init__(self, message: str, *, server: str | None = None, status: int | None = None,
                 attempts: int = 0, unreachable: bool = False) -> None:
        super().__init__(message)
        self.server = server
        self.status = status
        self.attempts = attempts
        self.unreachable = unreachable


class ModelOutputError(BriefingError):
    """Raised when the model's answer is still invalid after the bounded re-asks.

    Carries the number of attempts and the last raw output so a user can see what came back.
    """

    def __init__(self, message: str, *, attempts: int = 0, last_output: str | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output


class BudgetExceededError(BriefingError):
    """Raised before a request that would take token usage past ``--max-tokens-total``."""


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when SIGTERM arrives, so a run unwinds (and cleans up) as it
    does on Ctrl-C; the command then exits with status 143 instead of 130."""


class BriefingWarning(UserWarning):
    """Warned (not raised) when an input is read with a guess or a conversion the user should
    know about: an assumed encoding, a title that was not text. The CLI prints these on stderr
    as ``Warning: ...`` lines."""
