"""Running `python -m timeline` in a subprocess, as users do (stderr lines, exit codes)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "iraq-militia-2021-08-02.txt"


def env() -> dict:
    """The test's environment without proxies (the HTTP tests talk to 127.0.0.1)."""
    return {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


def timeline(*args, cwd=None, stdin=None, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=timeout, env=env())


def refused(result: subprocess.CompletedProcess, *words: str) -> str:
    """Assert a clean refusal: exit 2, one stderr line that says the words, no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]
