"""Atomic output: write to a temporary file beside the target, then rename over it.

A failure (exception, SIGINT, full disk) leaves any earlier file intact and no partial file.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator, TextIO

from timeline.errors import TimelineError


def write_atomic(path: str | os.PathLike, data: str | bytes) -> Path:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise TimelineError(f"cannot write: {e.strerror or e}", str(target)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise TimelineError(f"cannot write: {e.strerror or e}", str(target)) from None
        raise
    return target


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike) -> Iterator[TextIO]:
    """Write text as it comes (streamed output), with the same all-or-nothing guarantee."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise TimelineError(f"cannot write: {e.strerror or e}", str(target)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise TimelineError(f"cannot write: {e.strerror or e}", str(target)) from None
        raise
