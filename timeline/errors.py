"""Every user-facing error: one line naming the file and the problem, exit code 2."""
from __future__ import annotations


class TimelineError(Exception):
    """Bad input or usage. The CLI prints `timeline: <message>` and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(TimelineError):
    """A file or input that cannot be read as an article or timeline."""


class UsageError(TimelineError):
    """An option value that makes no sense (a --published that is not a date...)."""


class ExportError(TimelineError):
    """An export that cannot be made here (no browser for PNG/PDF...)."""
