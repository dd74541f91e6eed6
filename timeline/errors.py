"""Every user-facing error: one line naming the file and the problem, exit code 2."""
from __future__ import annotations

import re

# line breaks and other control characters, which a file's own text (a CSV header, a file
# name) could bring into a message that must stay on one line
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], text)


class TimelineError(Exception):
    """Bad input or usage. The CLI prints `timeline: <message>` and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(one_line(f"{path}: {message}" if path else message))


class InputError(TimelineError):
    """A file or input that cannot be read as an article or timeline."""


class UsageError(TimelineError):
    """An option value that makes no sense (a --published that is not a date...)."""


class ExportError(TimelineError):
    """An export that cannot be made here (no browser for PNG/PDF...)."""
