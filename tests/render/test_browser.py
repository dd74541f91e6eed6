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
# the labels are one trace (uid "labels", so its <g> has class "tracelabels") of invisible markers
MARKS = (".cartesianlayer .scatterlayer .trace:not(.tracelabels) path.point, "
         ".cartesianlayer .barlayer path")
LABELS = ".cartesianlayer .tracelabels text"
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


def test_click_opens_the_card_with_every_source_link(small_opened):
    p = small_opened
    attack = next(i for i in range(p.marks().count()) if "Rockets hit the base" in p.hover_text(i))
    box = p.marks().nth(attack).bounding_box()
    p.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    card = p.page.locator(".timeline-card")
    card.wait_for(state="visible", timeout=5000)
    assert "Rockets hit the base" in card.locator("h3").inner_text()
    text = card.inner_text()
    assert "7 July 2021" in text and "to the day" in text and "Attack" in text and "happened" in text
    assert "Rockets hit the base." in card.locator("blockquote").inner_text()
    links = card.locator("a")
    assert links.count() >= 1 and links.first.get_attribute("href").startswith("https://")
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    p.page.keyboard.press("Escape")
    card.wait_for(state="hidden", timeout=5000)
    assert p.errors == [] and len(p.requests) == 1


def test_page_legend_hides_and_shows_a_whole_type_with_its_labels(small_opened):
    p = small_opened
    labels = p.page.locator(LABELS)
    before = labels.count()
    toggle = p.page.locator('.legend-type[data-type="ATTACK"]')
    assert toggle.inner_text().strip() == "Attack"
    toggle.click()
    p.page.wait_for_function(f"document.querySelectorAll({MARKS!r}).length == 4")  # 3 attacks hidden
    p.page.wait_for_function(f"document.querySelectorAll({LABELS!r}).length == {before - 3}")
    toggle.click()
    p.page.wait_for_function(f"document.querySelectorAll({MARKS!r}).length == 7")
    p.page.wait_for_function(f"document.querySelectorAll({LABELS!r}).length == {before}")


def _overlapping(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]]


def _label_boxes(p):
    return p.page.evaluate(f"""Array.from(document.querySelectorAll({LABELS!r}))
        .filter(t => t.textContent).map(t => {{ const r = t.getBoundingClientRect();
        return {{text: t.textContent, x: r.x, y: r.y, width: r.width, height: r.height}}; }})""")


@pytest.fixture(scope="module")
def samples_built(tmp_path_factory):
    """`timeline build` on the bundled samples: the page, its Timeline JSON and what it printed."""
    where = tmp_path_factory.mktemp("samples")
    r = subprocess.run([sys.executable, "-m", "timeline", "build", "-o", "samples.html", "--json", "samples.json"],
                       cwd=where, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return where / "samples.html", json.loads((where / "samples.json").read_text()), r.stderr


def test_sample_page_labels_each_event_and_no_two_labels_overlap(open_page, samples_built):
    path, tl, _ = samples_built
    p = open_page(path)
    boxes = _label_boxes(p)
    headlines = [e["headline"] for e in tl["events"] if e.get("date")]
    assert len(boxes) == len(headlines) == p.marks().count()
    for box in boxes:  # each label is the start of its event's headline, cut at a word
        stem = box["text"].rstrip("\u2026")
        assert any(h.startswith(stem) for h in headlines), box["text"]
    assert _overlapping(boxes) == []
    assert p.errors == []


def test_zooming_out_hides_labels_that_would_overlap_and_zooming_in_brings_them_back(open_page, tmp_path):
    """A dense timeline: at every zoom the labels drawn never overlap, and zooming in shows more."""
    from synthetic import random_timeline

    path = tmp_path / "dense.html"
    path.write_text(page(random_timeline(300)), encoding="utf-8")
    p = open_page(path)
    counts = []
    for zoom in (None, ["2020-03-01", "2020-05-01"], ["2020-03-20", "2020-04-10"]):
        if zoom:
            p.page.evaluate("r => Plotly.relayout('timeline-chart', {'xaxis.range': r})", zoom)
            p.page.evaluate("() => document.getElementById('timeline-chart').timelineLabels")
            p.page.wait_for_timeout(300)
        boxes = _label_boxes(p)
        assert _overlapping(boxes) == [], zoom
        counts.append(len(boxes))
    assert 0 < counts[0] < 300 and counts[1] > 0 and counts[2] > 0
    assert p.errors == []


def test_narrow_screen_has_no_horizontal_scroll_and_the_legend_below_the_plot(browser, samples_built):
    path, _, _ = samples_built
    pg = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        pg.goto(path.as_uri())
        pg.wait_for_selector(".cartesianlayer", state="attached")
        pg.wait_for_timeout(300)
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 375
        chart, legend = pg.locator("#timeline-chart").bounding_box(), pg.locator("#legend").bounding_box()
        assert legend["y"] >= chart["y"] + chart["height"] - 1 and legend["x"] + legend["width"] <= 375
        assert pg.locator("#events tbody tr").first.bounding_box()["width"] <= 375
        ticks = pg.evaluate("Array.from(document.querySelectorAll('.ytick text')).map(t => t.getBoundingClientRect().left)")
        assert ticks and min(ticks) >= 0, "lane names cut at the left edge"
    finally:
        pg.close()


def test_undated_count_on_the_page_equals_the_command_line(open_page, tmp_path):
    """`timeline render` prints "N events (K undated)"; the page says the same and lists them."""
    import re

    (tmp_path / "t.json").write_text(small_timeline().model_dump_json(), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "timeline", "render", "t.json", "-o", "t.html"],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    total, undated = map(int, re.search(r"(\d+) events? \((\d+) undated\)", r.stderr).groups())
    assert undated >= 1
    p = open_page(tmp_path / "t.html")
    assert int(p.page.inner_text("#event-total")) == total
    assert int(p.page.inner_text("#undated-count")) == undated
    assert p.page.locator("#undated li").count() == undated
    assert p.page.locator("#events tbody tr.undated").count() == undated
    assert p.marks().count() == total - undated


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
