"""Byte-identical output whatever varies that should not matter: the run, the hash seed, the number
of processes, the order of the inputs, how documents were grouped into saved timelines before
merging. (tests/test_determinism.py and tests/test_cli_jobs.py cover extract's JSON across runs
and --jobs; this covers the pages, the exports, the order and the grouping.)
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "iraq-militia-2021-08-02.txt"
AL_ASAD = sorted((ROOT / "samples" / "al-asad-2020").glob("*.txt"))
ARTICLES = [*AL_ASAD, SEED]


def timeline(*args, cwd: Path, hash_seed: str = "0") -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env={**env, "PYTHONHASHSEED": hash_seed}, timeout=300)
    assert done.returncode == 0, done.stderr


def read(path: Path) -> bytes:
    return path.read_bytes()


def test_page_and_json_across_hash_seeds_and_jobs(tmp_path):
    timeline("build", *ARTICLES, "-q", "--jobs", "1", "-o", "a.html", "--json", "a.json", cwd=tmp_path,
             hash_seed="1")
    timeline("build", *ARTICLES, "-q", "--jobs", "2", "-o", "b.html", "--json", "b.json", cwd=tmp_path,
             hash_seed="2")
    assert read(tmp_path / "a.json") == read(tmp_path / "b.json")
    assert read(tmp_path / "a.html") == read(tmp_path / "b.html")


@pytest.mark.parametrize("order", [[4, 3, 1, 0, 2], [2, 0, 4, 1, 3]])
def test_input_order_does_not_matter(tmp_path, order):
    timeline("build", *ARTICLES, "-q", "--jobs", "1", "-o", "a.html", "--json", "a.json", cwd=tmp_path)
    timeline("build", *[ARTICLES[i] for i in order], "-q", "--jobs", "1", "-o", "b.html", "--json", "b.json",
             cwd=tmp_path)
    assert read(tmp_path / "a.json") == read(tmp_path / "b.json")
    assert read(tmp_path / "a.html") == read(tmp_path / "b.html")


def test_merging_saved_timelines_in_any_order_and_grouping(tmp_path):
    """Merging per-group saved timelines gives the timeline of extracting everything at once."""
    timeline("extract", *ARTICLES, "-q", "--jobs", "1", "-o", "all.json", cwd=tmp_path)
    groups = {"g1.json": ARTICLES[:2], "g2.json": ARTICLES[2:], "s1.json": ARTICLES[:1],
              "s2.json": ARTICLES[1:4], "s3.json": ARTICLES[4:]}
    for name, articles in groups.items():
        timeline("extract", *articles, "-q", "--jobs", "1", "-o", name, cwd=tmp_path)
    timeline("merge", "g1.json", "g2.json", "-o", "m1.json", cwd=tmp_path)
    timeline("merge", "g2.json", "g1.json", "-o", "m2.json", cwd=tmp_path)
    timeline("merge", "s3.json", "s1.json", "s2.json", "-o", "m3.json", cwd=tmp_path)
    whole = read(tmp_path / "all.json")
    assert read(tmp_path / "m1.json") == whole
    assert read(tmp_path / "m2.json") == whole
    assert read(tmp_path / "m3.json") == whole


@pytest.mark.parametrize("fmt", ["html", "csv", "timelinejs"])
def test_render_exports_are_byte_identical(tmp_path, fmt):
    timeline("extract", *ARTICLES, "-q", "--jobs", "1", "-o", "t.json", cwd=tmp_path)
    timeline("render", "t.json", "--format", fmt, "-o", "a.out", cwd=tmp_path, hash_seed="1")
    timeline("render", "t.json", "--format", fmt, "-o", "b.out", cwd=tmp_path, hash_seed="2")
    assert read(tmp_path / "a.out") == read(tmp_path / "b.out")
    if fmt == "html":
        timeline("render", "t.json", "--fragment", "-o", "a.frag", cwd=tmp_path, hash_seed="3")
        timeline("render", "t.json", "--fragment", "-o", "b.frag", cwd=tmp_path, hash_seed="4")
        assert read(tmp_path / "a.frag") == read(tmp_path / "b.frag")
