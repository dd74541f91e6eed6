"""Bad input: one line on stderr naming the file and the problem, exit 2, no partial output."""
import json
import sys

import pytest

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from cli_helpers import SEED, refused, timeline  # noqa: E402


@pytest.fixture
def out(tmp_path):
    return tmp_path / "out.json"


def no_output(out):
    assert not out.exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.json")]


def test_missing_file(tmp_path, out):
    refused(timeline("extract", tmp_path / "nope.txt", "-o", out), "nope.txt", "no such file")
    no_output(out)


def test_empty_file(tmp_path, out):
    (tmp_path / "empty.txt").write_text("")
    refused(timeline("extract", tmp_path / "empty.txt", "-o", out), "empty.txt", "empty file")
    no_output(out)


def test_directory_with_no_articles(tmp_path, out):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notes.log").write_text("not an article type")
    refused(timeline("extract", tmp_path / "corpus", "-o", out), "corpus", "no articles found")
    no_output(out)


def test_binary_file(tmp_path, out):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    refused(timeline("extract", tmp_path / "photo.txt", "-o", out), "photo.txt", "binary")
    no_output(out)


def test_published_not_a_date(out):
    refused(timeline("extract", SEED, "--published", "last tuesday", "-o", out),
            "--published", "not a date")
    no_output(out)


def test_page_with_no_article_text(tmp_path, out):
    (tmp_path / "index.html").write_text("<html><head><title>Home</title></head><body><nav>"
                                         "<a href='/'>Home</a></nav></body></html>")
    refused(timeline("build", tmp_path / "index.html", "-o", tmp_path / "out.html"),
            "index.html", "no article text")
    assert not (tmp_path / "out.html").exists()


def test_csv_without_the_named_column(tmp_path, out):
    (tmp_path / "news.csv").write_text("title,text\nA,Officials met on Sunday.\n")
    line = refused(timeline("extract", tmp_path / "news.csv", "--text-column", "body", "-o", out),
                   "news.csv", "no column 'body'")
    assert "title, text" in line
    no_output(out)


def test_url_without_fetch(out):
    refused(timeline("extract", "https://news.example.org/story.html", "-o", out),
            "https://news.example.org/story.html", "--fetch")
    no_output(out)


def test_url_with_another_scheme(out):
    refused(timeline("extract", "ftp://example.org/story.txt", "--fetch", "-o", out), "scheme 'ftp'")
    no_output(out)


def test_jsonl_with_only_bad_lines(tmp_path, out):
    (tmp_path / "bad.jsonl").write_text("{oops\nnot json either\n")
    result = timeline("extract", tmp_path / "bad.jsonl", "-o", out)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("bad.jsonl: no articles (2 records skipped)")
    no_output(out)


def test_huge_single_file_is_refused_with_its_limit(tmp_path, out):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 2**20)
    refused(timeline("extract", huge, "-o", out), "huge.txt", "too large (200 MB)", "50 MB", ".jsonl")
    no_output(out)


def test_not_utf8_is_read_with_a_warning(tmp_path, out):
    (tmp_path / "latin.txt").write_bytes("published: 2021-08-02\n\nThe caf\xe9 reopened on Sunday \x81.\n"
                                         .encode("latin-1"))
    result = timeline("extract", tmp_path / "latin.txt", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "latin.txt: not UTF-8 (byte 0xe9 at offset 30)" in result.stderr
    doc = json.loads(out.read_text())["documents"][0]
    assert "café reopened" in doc["text"] and "\ufffd" in doc["text"]


def test_missing_file_after_good_ones_stops_before_any_output(tmp_path, out):
    refused(timeline("extract", SEED, tmp_path / "later.txt", "--jsonl", "-o", out), "later.txt",
            "no such file")
    no_output(out)
