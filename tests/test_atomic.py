"""Atomic output: an interrupted or failing write never leaves a partial file or destroys an
earlier one."""
import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from timeline.atomic import write_atomic
from timeline.errors import TimelineError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "iraq-militia-2021-08-02.txt"


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


SLOW_WRITE = textwrap.dedent("""
    import os, sys, time
    real_fsync = os.fsync
    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
        real_fsync(fd)
    os.fsync = slow_fsync
    from timeline.cli import run
    sys.argv = ["timeline"] + sys.argv[1:]
    run()
""")


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 130)])
def test_interrupted_build_keeps_earlier_output(tmp_path, sig, code):
    target = tmp_path / "timeline.json"
    target.write_text("earlier")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, "extract", str(SEED), "-o", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert "Traceback" not in err
    assert err.strip() == "timeline: interrupted"
    assert target.read_text() == "earlier"
    assert leftovers(tmp_path, "timeline.json") == []


def test_output_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "page.html", "<p>x</p>")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
