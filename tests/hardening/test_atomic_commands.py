"""Every command that writes files writes them atomically: interrupted (SIGINT, SIGTERM) or out of
disk space at the moment of writing, it leaves the earlier output as it was and no stray file.

tests/test_atomic.py covers `extract -o`; this covers the rest. A child process runs the CLI with
os.fsync patched: the Nth fsync (the Nth file written) announces itself and waits to be killed,
or fails as a full disk does.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "iraq-militia-2021-08-02.txt"
AL_ASAD = ROOT / "samples" / "al-asad-2020"
GOLD_TML = ROOT / "tests" / "evaluate" / "fixtures" / "gold.tml"

CHILD = textwrap.dedent("""
    import errno, os, signal, sys, time
    # Ctrl-C as in a terminal: a suite started in the background inherits SIGINT ignored
    signal.signal(signal.SIGINT, signal.default_int_handler)
    at, mode = int(os.environ["FSYNC_AT"]), os.environ["FSYNC_MODE"]
    real_fsync, calls = os.fsync, []
    def fsync(fd):
        calls.append(fd)
        if len(calls) == at:
            if mode == "full":
                raise OSError(errno.ENOSPC, "No space left on device")
            print("writing", flush=True)
            time.sleep(120)
        real_fsync(fd)
    os.fsync = fsync
    from timeline.cli import run
    sys.argv = ["timeline"] + sys.argv[1:]
    run()
""")


def env(at: int, mode: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**clean, "FSYNC_AT": str(at), "FSYNC_MODE": mode}


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> Path:
    """Two saved timelines (for render and merge)."""
    folder = tmp_path_factory.mktemp("saved")
    for name, source in (("a.json", SEED), ("b.json", AL_ASAD)):
        subprocess.run([sys.executable, "-m", "timeline", "extract", str(source), "-q", "--jobs", "1",
                        "-o", str(folder / name)], check=True, env=env(0, "none"))
    return folder


# command (paths relative to the work folder; {a} {b} are saved timelines), the files it writes
# in order, and which write to interrupt
COMMANDS = {
    "extract": (["extract", str(SEED), "-q", "--jobs", "1", "-o", "tl.json"], ["tl.json"], 1),
    "extract --jsonl": (["extract", str(AL_ASAD), "--jsonl", "-q", "--jobs", "1", "-o", "out.jsonl"],
                        ["out.jsonl"], 1),
    "build page": (["build", str(SEED), "-q", "--jobs", "1", "-o", "page.html", "--json", "tl.json"],
                   ["tl.json", "page.html"], 2),
    "build json": (["build", str(SEED), "-q", "--jobs", "1", "-o", "page.html", "--json", "tl.json"],
                   ["tl.json", "page.html"], 1),
    "build csv": (["build", str(SEED), "-q", "--jobs", "1", "--format", "csv", "-o", "t.csv"], ["t.csv"], 1),
    "render html": (["render", "{a}", "-o", "page.html"], ["page.html"], 1),
    "render fragment": (["render", "{a}", "--fragment", "-o", "frag.html"], ["frag.html"], 1),
    "render plotly.js beside": (["render", "{a}", "--plotlyjs", "directory", "-o", "page.html"],
                                ["page.html", "plotly.min.js"], 2),
    "render csv": (["render", "{a}", "--format", "csv", "-o", "t.csv"], ["t.csv"], 1),
    "render timelinejs": (["render", "{a}", "--format", "timelinejs", "-o", "t.json"], ["t.json"], 1),
    "merge": (["merge", "{a}", "{b}", "-o", "merged.json"], ["merged.json"], 1),
    "timeml": (["timeml", str(GOLD_TML), "-o", "tbaq"], ["tbaq/gold.tml"], 1),
}


def prepare(work: Path, written: list[str]) -> dict[str, str]:
    """Earlier output in every file the command writes; returns what each holds."""
    earlier = {}
    for name in written:
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(f"earlier {name}")
        earlier[name] = f"earlier {name}"
    return earlier


def files(work: Path) -> list[str]:
    return sorted(str(p.relative_to(work)) for p in work.rglob("*"))


def argv(args: list[str], saved: Path) -> list[str]:
    return [a.format(a=saved / "a.json", b=saved / "b.json") for a in args]


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_write_keeps_earlier_output(tmp_path, saved, name, sig):
    args, written, at = COMMANDS[name]
    earlier = prepare(tmp_path, written)
    before = files(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, *argv(args, saved)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(at, "sleep"))
    try:
        assert proc.stdout.readline().strip() == "writing", proc.stderr.read()
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130 and err.strip().endswith("timeline: interrupted"), err
    assert "Traceback" not in err
    interrupted = written[at - 1]
    assert (tmp_path / interrupted).read_text() == earlier[interrupted]
    for later in written[at:]:
        assert (tmp_path / later).read_text() == earlier[later]
    assert files(tmp_path) == before


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_full_disk_keeps_earlier_output(tmp_path, saved, name):
    args, written, at = COMMANDS[name]
    earlier = prepare(tmp_path, written)
    before = files(tmp_path)
    done = subprocess.run([sys.executable, "-c", CHILD, *argv(args, saved)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env=env(at, "full"))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("timeline: ") and "cannot write: No space left on device" in last, last
    assert written[at - 1] in last
    for name_ in written[at - 1:]:
        assert (tmp_path / name_).read_text() == earlier[name_]
    assert files(tmp_path) == before
