"""What the article-reading commands print on stderr: progress on a terminal, grouped warnings."""
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cli_helpers import env  # noqa: E402
from timeline.console import group_warnings  # noqa: E402

BODY = "Officials said on Sunday that the talks would resume in March."


def test_same_message_is_grouped_with_its_places():
    lines = group_warnings([f"c.jsonl:{i}: no publication date" for i in range(1, 6)]
                           + ["a.txt: not UTF-8", "plain message"])
    assert lines == ["no publication date (5 times: c.jsonl:1, c.jsonl:2, c.jsonl:3 and 2 more)",
                     "a.txt: not UTF-8", "plain message"]


def stderr_on_a_terminal(*args) -> str:
    """Run with stderr on a pseudo-terminal, as a user at a shell would."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "timeline", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=slave, env=env())
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_past_a_handful(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": BODY, "published": "2021-08-02"}) + "\n"
                              for _ in range(30)))
    shown = stderr_on_a_terminal("extract", corpus, "-j", "1", "-o", tmp_path / "o.json")
    assert "reading" in shown and "documents" in shown
    assert "30 documents" in shown.splitlines()[-1]
    quiet = stderr_on_a_terminal("extract", corpus, "-j", "1", "-q", "-o", tmp_path / "o.json")
    assert quiet == ""


def test_no_progress_bar_for_a_handful(tmp_path):
    one = tmp_path / "a.txt"
    one.write_text("published: 2021-08-02\n\n" + BODY)
    shown = stderr_on_a_terminal("extract", one, "-o", tmp_path / "o.json")
    assert "reading" not in shown
