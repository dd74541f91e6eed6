"""The page in headless Chromium: marks, hover, click, table, offline, no script injection.

One browser per session (conftest); each test opens its own page. Marks are counted inside
`.cartesianlayer` only: the range slider draws every trace a second time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from synthetic import hostile_timeline, small_timeline

from timeline.render import page, report

ROOT = Path(__file__).resolve().parents[2]
MARKS = ".cartesianlayer .scatterlayer path.point, .cartesianlayer .barlayer path"
RECORD_OPEN = "window.__opened = []; window.open = function (u) { window.__opened.push(u); return null; };"


class Opened:
    """A loaded page with what it logged, requested and popped up."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.add_init_script(RECORD_OPEN)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector(".cartesianlayer", state="attached")

    def marks(self):
        return self.page.locator(MARKS)

    def hover_text(self, index: int) -> str:
        self.page.mouse.move(1, 1)  # leave the plot, so the next label is a new one
        self.page.wait_for_selector(".hoverlayer .hovertext", state="detached", timeout=3000)
        box = self.marks().nth(index).bounding_box()
        self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        self.page.wait_for_selector(".hoverlayer .hovertext", timeout=3000)
        return self.page.locator(".hoverlayer").text_content()  # SVG: no inner_text

    def close(self):
        self.page.close()


def build(*args, cwd):
    r = subprocess.run([sys.executable, "-m", "timeline", "build", *args], cwd=cwd, capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr


@pytest.fixture
def open_page(browser):
    pages = []

    def opener(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield opener
    for p in pages:
        p.close()


@pytest.fixture(scope="module")
def small_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "timeline.html"
    path.write_text(page(small_timeline()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_opened(browser, small_page):
    """One loaded page shared by the tests that only look, hover and click (loading costs seconds)."""
    opened = Opened(browser, small_page)
    yield opened
    opened.close()


def test_one_mark_per_event_offline_and_no_console_error(small_opened, small_page):
    p = small_opened
    assert p.marks().count() == 7  # 8 events, one undated
    assert p.errors == []
    assert p.requests == [small_page.as_uri()]


def test_hover_shows_headline_and_display_date(small_opened):
    p = small_opened
    texts = [p.hover_text(i) for i in range(p.marks().count())]
    assert any("Talks held in Washington" in t and "26 July 2021" in t for t in texts)
    assert any("Combat mission to end" in t and "end of 2021" in t for t in texts)


def test_click_opens_the_source_url(small_opened):
    p = small_opened
    box = p.marks().first.bounding_box()
    p.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    opened = p.page.evaluate("window.__opened")
    assert opened and opened[-1].startswith("https://news.example/")
    assert p.errors == [] and len(p.requests) == 1


def test_legend_hides_and_shows_a_whole_type(small_opened):
    p = small_opened
    toggle = p.page.locator(".legend .traces", has_text="ATTACK").locator(".legendtoggle")
    toggle.click(force=True)
    p.page.wait_for_function(f"document.querySelectorAll({MARKS!r}).length == 4")  # 3 attacks hidden
    toggle.click(force=True)
    p.page.wait_for_function(f"document.querySelectorAll({MARKS!r}).length == 7")


def test_table_filters_and_sorts(open_page, small_page):
    p = open_page(small_page)
    rows = p.page.locator("#events tbody tr:visible")
    assert rows.count() == 8
    for line in ("#events thead th", "#events tbody tr:first-child td"):  # laid out as a table
        boxes = [p.page.locator(line).nth(i).bounding_box() for i in range(5)]
        assert len({round(b["y"]) for b in boxes}) == 1 and all(b["width"] > 20 for b in boxes)
    p.page.fill("#event-search", "washington")
    assert rows.count() == 1 and "Talks held in Washington" in rows.first.inner_text()
    assert p.page.inner_text("#event-count") == "1 of 8 shown"
    p.page.fill("#event-search", "")
    p.page.click("#events thead button:text('Headline')")
    assert rows.first.inner_text().split("\t")[3].startswith("Combat mission")


def test_untrusted_text_never_runs(open_page, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(page(hostile_timeline()), encoding="utf-8")
    p = open_page(path)
    for i in range(p.marks().count()):
        p.hover_text(i)
    p.page.fill("#event-search", "script")
    assert p.dialogs == [] and p.errors == []
    assert p.page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert "<script>alert(1)</script>" in p.page.inner_text("h1")  # shown as text


def test_report_renders_both_charts_with_plotlyjs_once(open_page, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(report(str(ROOT / "samples" / "report" / "report.html.j2"), title="Report",
                           intro="Two charts.", first=small_timeline(), second=hostile_timeline()))
    p = open_page(path)
    p.page.wait_for_function("document.querySelectorAll('.cartesianlayer').length == 2")
    loaders = p.page.evaluate("Array.from(document.scripts).filter(s => s.text.includes('plotly.js v')).length")
    assert loaders == 1 and p.dialogs == [] and p.errors == []
    assert p.requests == [path.as_uri()]
    assert p.marks().count() == 7 + 2


def test_build_on_the_seed_draws_each_event_hovers_and_stays_offline(open_page, tmp_path):
    """Issue 2: `timeline build` on the seed article, in a real browser."""
    seed = ROOT / "samples" / "iraq-militia-2021-08-02.txt"
    build(str(seed), "-o", "seed.html", "--json", "seed.json", cwd=tmp_path)
    events = json.loads((tmp_path / "seed.json").read_text())["events"]
    dated = [e for e in events if e.get("date") and e["date"].get("start")]
    p = open_page(tmp_path / "seed.html")
    assert p.marks().count() == len(dated)
    assert p.errors == [] and p.requests == [(tmp_path / "seed.html").as_uri()]
    if dated:
        texts = " ".join(p.hover_text(i) for i in range(len(dated)))
        assert dated[0]["headline"][:30] in texts.replace("\n", " ")


def test_sample_page_screenshot(open_page, tmp_path):
    """The README's picture. Set UPDATE_SCREENSHOT=1 to write it to docs/screenshot.png."""
    build("-o", "samples.html", cwd=tmp_path)
    p = open_page(tmp_path / "samples.html")
    assert p.errors == []
    assert p.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "page wider than the window"
    shot = p.page.screenshot(full_page=False)
    assert len(shot) > 10_000
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs" / "screenshot.png").write_bytes(shot)


def test_concatenated_pieces_draw_the_chart(open_page, tmp_path):
    """The library's HTML pieces joined with `+` (all Markup) make a page whose chart draws."""
    from markupsafe import Markup

    from timeline.render import fragment, plotlyjs_tag

    path = tmp_path / "joined.html"
    path.write_text(Markup("<!doctype html><html><head>") + plotlyjs_tag() + Markup("</head><body>")
                    + fragment(small_timeline()) + Markup("</body></html>"), encoding="utf-8")
    p = open_page(path)
    assert p.marks().count() == 7 and p.errors == []
