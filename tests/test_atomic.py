"""Atomic output: a failing write never leaves a partial file or destroys an earlier one.
Interrupted commands (SIGINT, SIGTERM) are in tests/hardening/test_atomic_commands.py."""
import errno
import os
from pathlib import Path

import pytest

from timeline.atomic import write_atomic
from timeline.errors import TimelineError


def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_write_replaces_content(tmp_path):
    target = tmp_path / "out.json"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"
    assert leftovers(tmp_path, "out.json") == []


def test_full_disk_keeps_earlier_file(tmp_path, monkeypatch):
    target = tmp_path / "out.html"
    target.write_text("earlier")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(TimelineError, match="No space left"):
        write_atomic(target, "x" * 100_000)
    assert target.read_text() == "earlier"
    assert leftovers(tmp_path, "out.html") == []


def test_output_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "page.html", "<p>x</p>")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
