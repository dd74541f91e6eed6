"""Atomic output: write to a temporary file beside the target, then rename over it.

A failure (exception, SIGINT, SIGTERM, full disk) leaves any earlier file intact and no partial
file.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from timeline.errors import TimelineError


def _default_mode() -> int:
    # mkstemp creates 0600 files; outputs should get the usual 0666 & ~umask, like open() gives
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike, binary: bool = False) -> Iterator[IO]:
    """Write as it comes (streamed output); the target appears only when the block succeeds."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.fchmod(fd, _default_mode())
    except OSError as e:
        raise TimelineError(f"cannot write: {e.strerror or e}", str(target)) from None
    try:
        if binary:
            f = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with f:
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


def write_atomic(path: str | os.PathLike, data: str | bytes) -> Path:
    with open_atomic(path, binary=True) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)
