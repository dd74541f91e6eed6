"""Every input kind through the command line: files, directories, standard input, URLs."""
import json
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "read"))
from cli_helpers import SEED, refused, timeline  # noqa: E402
from pages import NEWS_PAGE  # noqa: E402

BODY = "Officials said on Sunday that the talks would resume in March."


def documents(result):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["documents"]


def test_directory_is_read_recursively_in_every_format(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "deep" / "deeper").mkdir(parents=True)
    (corpus / "a.txt").write_text("published: 2021-08-02\n\n" + BODY)
    (corpus / "deep" / "b.html").write_text(NEWS_PAGE)
    (corpus / "deep" / "deeper" / "c.jsonl").write_text(json.dumps({"text": BODY, "date": "2020-01-03"}) + "\n")
    (corpus / "deep" / "d.csv").write_text(f'text,published\n"{BODY}",2019-05-05\n')
    (corpus / ".hidden.txt").write_text(BODY)
    (corpus / "empty.txt").write_text("")
    result = timeline("extract", corpus)
    docs = documents(result)
    assert [(d["id"], d["published"]) for d in docs] == [
        ("a.txt", "2021-08-02"), ("b.html", "2021-08-02"), ("c.jsonl:1", "2020-01-03"),
        ("d.csv:1", "2019-05-05")]
    assert "empty.txt: empty file; skipped" in result.stderr  # in a directory, bad files are skipped


def test_standard_input_text_and_json_lines():
    docs = documents(timeline("extract", "-", "--published", "2021-08-02", stdin=SEED.read_text()))
    assert [(d["id"], d["published"]) for d in docs] == [("stdin", "2021-08-02")]
    lines = "".join(json.dumps({"id": i, "text": BODY, "published": "2020-01-0%d" % i}) + "\n"
                    for i in (1, 2))
    docs = documents(timeline("extract", "-", stdin=lines))
    assert [(d["id"], d["published"]) for d in docs] == [("stdin#1", "2020-01-01"), ("stdin#2", "2020-01-02")]


def test_no_publication_date_warns_how_to_fix_it(tmp_path):
    (tmp_path / "undated.txt").write_text("A rocket hit the base on Sunday, officials said.\n")
    result = timeline("extract", tmp_path / "undated.txt")
    assert documents(result)[0]["published"] is None
    assert "undated.txt: no publication date" in result.stderr and "--published" in result.stderr


def test_warnings_are_grouped_unless_verbose(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": BODY}) + "\n" for _ in range(6)))
    result = timeline("extract", corpus)
    grouped = [line for line in result.stderr.splitlines() if "no publication date" in line]
    assert len(grouped) == 1 and "(6 times: corpus.jsonl:1, corpus.jsonl:2, corpus.jsonl:3 and 3 more)" in grouped[0]
    assert result.stderr.splitlines()[-1] == "timeline: 6 documents, 0 events (0 undated), 6 warnings" \
        or "6 documents" in result.stderr.splitlines()[-1]
    verbose = timeline("extract", corpus, "--verbose")
    assert sum("no publication date" in line for line in verbose.stderr.splitlines()) == 6
    quiet = timeline("extract", corpus, "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_summary_counts_documents_events_undated_and_warnings(tmp_path):
    result = timeline("extract", SEED, "-o", tmp_path / "t.json")
    tl = json.loads((tmp_path / "t.json").read_text())
    undated = sum(1 for e in tl["events"] if not (e.get("date") or {}).get("start"))
    assert result.stderr.strip().splitlines()[-1] == (
        f"timeline: {tmp_path / 't.json'}: 1 document, {len(tl['events'])} event"
        f"{'' if len(tl['events']) == 1 else 's'} ({undated} undated), 0 warnings")


def test_huge_jsonl_is_streamed_not_loaded(tmp_path):
    """200 MB: one article, then a 200 MB line that is skipped in bounded pieces."""
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as f:
        f.write((json.dumps({"text": BODY, "published": "2021-08-02"}) + "\n").encode())
        f.write(b"\n" * 9000)  # blank lines, so the first block looks like the text it is
        f.truncate(200 * 2**20)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) pytest process
    script = ("import atexit, re, sys; atexit.register(lambda: print('maxrss', re.search("
              "r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1], file=sys.stderr)); "
              "from timeline.cli import run; sys.argv = ['timeline'] + sys.argv[1:]; run()")
    import subprocess
    result = subprocess.run([sys.executable, "-c", script, "extract", huge, "--jsonl", "-j", "1"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert "huge.jsonl line 9002: line longer than 8 MB; skipped" in result.stderr
    maxrss_mb = int(result.stderr.split("maxrss ")[1].split()[0]) / 1024
    assert maxrss_mb < 160, f"peak memory {maxrss_mb:.0f} MB for a 200 MB file"


def test_url_is_fetched_with_fetch(tmp_path, server):
    (tmp_path / "story.html").write_text(NEWS_PAGE)
    [doc] = documents(timeline("extract", f"{server}/story.html", "--fetch", "--allow-private"))
    assert doc["id"] == f"{server}/story.html"
    assert doc["published"] == "2021-08-02" and doc["title"].startswith("Iraqi militia")


def test_url_errors(server):
    refused(timeline("extract", f"{server}/missing.html", "--fetch", "--allow-private"), "missing.html", "HTTP 404")
    refused(timeline("extract", f"{server}/story.html"), "add --fetch")
