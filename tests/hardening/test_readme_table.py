"""The README's "Bad input" table is kept true: every row with a command is run here on small
hand-made files, and its message and exit code checked."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = b"published: 2021-08-02\n\nRockets struck the base on Sunday, officials said.\n"

# the files the table's examples name
FILES = {
    "article.txt": ARTICLE,
    "empty.txt": b"",
    "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "latin.txt": "published: 2021-08-02\n\nThe caf\xe9 reopened on Sunday.\n".encode("latin-1"),
    "notes/readme.log": b"not an article type",
    "index.html": b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    "broken.json": b'{"text": "Rockets',
    "mixed.jsonl": b'{"text": "Rockets struck on Sunday.", "published": "2021-08-02"}\n{oops\n',
    "bad.jsonl": b"{oops\nnot json\n",
    "news.csv": b"title,text\nA,Officials met on Sunday.\n",
    "undated.txt": b"Rockets struck the base on Sunday, officials said.\n",
    "a/story.txt": ARTICLE,
    "b/story.txt": ARTICLE,
    "notatimeline.json": b'{"events": []}',
    "broken.tml": b'<TimeML><TEXT>On <TIMEX3 tid="t1">Monday</TEXT></TimeML>',
}
# rows without a command: the tests that cover them
COVERED = {
    "timeline: interrupted": "test_atomic_commands.py::test_interrupted_write_keeps_earlier_output",
    "timeline: out.json: cannot write: No space left on device":
        "test_atomic_commands.py::test_full_disk_keeps_earlier_output",
}


def table() -> list[tuple[str, str, str, int]]:
    """(bad input, example, message, exit code) for each row of the README's Bad input table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Bad input\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("Bad input", "---"):
            continue
        rows.append((cells[0], cells[1].strip("`"), cells[2].strip("`"), int(cells[3])))
    return rows


def test_the_table_is_there():
    rows = table()
    assert len(rows) >= 20
    assert {m for _, example, m, _ in rows if not example.startswith("timeline ")} == set(COVERED)


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad-input")
    for name, data in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as f:   # sparse: 200 MB on paper
        f.truncate(200 * 2**20)
    return folder


def says(stderr: str, message: str) -> bool:
    """One stderr line holding the message, `…` standing for anything."""
    pattern = re.compile(".*?".join(re.escape(part) for part in message.split("…")))
    return any(pattern.search(line) for line in stderr.splitlines())


@pytest.mark.parametrize("row", [r for r in table() if r[1].startswith("timeline ")], ids=lambda r: r[0])
def test_row(work, row):
    _, example, message, code = row
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    args = shlex.split(example)[1:]
    done = subprocess.run([sys.executable, "-m", "timeline", *args], cwd=work, capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert says(done.stderr, message), done.stderr
