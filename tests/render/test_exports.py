"""TimelineJS3 JSON, CSV and images."""
import csv
import html
import io
import json

import pytest
from synthetic import XSS_SCRIPT, day, event, hostile_timeline, small_timeline

from timeline.errors import ExportError
from timeline.models import EventDate, Timeline
from timeline.render import image, timelinejs, timelinejs_json, to_csv
from timeline.render.exports import image_session, neutralise

# TimelineJS3's documented JSON format: slide fields and date fields
SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
                "autolink", "unique_id"}
DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def check_date(d):
    assert set(d) <= DATE_FIELDS and isinstance(d["year"], int)
    if "day" in d:
        assert "month" in d
    assert 1 <= d.get("month", 1) <= 12 and 1 <= d.get("day", 1) <= 31


def check_timelinejs(doc):
    """Validates against TimelineJS3's documented fields (title slide optional, events required)."""
    assert set(doc) <= {"title", "events", "eras", "scale"}
    assert set(doc["title"]) <= SLIDE_FIELDS - {"start_date", "end_date"}
    for slide in doc["events"]:
        assert set(slide) <= SLIDE_FIELDS
        check_date(slide["start_date"])
        if "end_date" in slide:
            check_date(slide["end_date"])
        assert set(slide["text"]) <= {"headline", "text"} and slide["text"]["headline"]


def test_timelinejs_validates_and_keeps_each_dates_precision():
    doc = timelinejs(small_timeline())
    check_timelinejs(doc)
    by_id = {s["unique_id"]: s for s in doc["events"]}
    assert by_id["e1"]["start_date"] == {"year": 2020, "month": 1, "day": 3, "display_date": "3 January 2020"}
    assert by_id["e4"]["start_date"] == {"year": 2020, "month": 1, "display_date": "January 2020"}
    assert by_id["e5"]["start_date"] == {"year": 2021, "display_date": "end of 2021"}
    assert by_id["e5"]["display_date"] == "end of 2021" and by_id["e5"]["group"] == "PLAN_DEADLINE"
    assert "e8" not in by_id  # undated: TimelineJS needs a start_date
    decade = Timeline(title="t", events=[event(1, "x", EventDate(value="201", start="2010-01-01", end="2019-12-31",
                                                                  granularity="decade", display="the 2010s"))])
    slide = timelinejs(decade)["events"][0]
    assert slide["start_date"]["year"] == 2010 and slide["end_date"] == {"year": 2019}


def test_timelinejs_escapes_html():
    text = timelinejs_json(hostile_timeline())
    json.loads(text)
    assert XSS_SCRIPT not in text and "<img" not in text


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_neutralises_formula_cells(cell):
    assert neutralise(cell) == "'" + cell


def test_csv_has_every_event_and_neutralised_cells():
    tl = small_timeline()
    tl.events[0].headline = "=cmd|' /C calc'!A0"
    rows = list(csv.DictReader(io.StringIO(to_csv(tl))))
    assert len(rows) == 8
    assert {r["headline"] for r in rows} >= {"'=cmd|' /C calc'!A0", "Talks held in Washington"}
    assert rows[-1]["display_date"] == "undated"


def test_no_browser_is_a_clear_export_error(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chrome")
    with pytest.raises(ExportError, match="BROWSER_PATH"):
        image(small_timeline(), "png")
    monkeypatch.delenv("BROWSER_PATH")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ExportError, match="no Chrome or Chromium"):
        image(small_timeline(), "png")


def test_image_exports_through_system_chromium(monkeypatch):
    from render_browser import CHROMIUM, need_browser

    need_browser()
    monkeypatch.setenv("BROWSER_PATH", CHROMIUM)
    tl = Timeline(title="t", events=[event(1, "a", day("2021-01-02"))])
    with image_session():  # one browser for the three formats
        for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<svg"), ("pdf", b"%PDF")):
            assert magic in image(tl, fmt)[:200], fmt


def test_exports_carry_the_labels(monkeypatch):
    """An SVG export holds each event's label text (the labels are in the figure, not the page)."""
    from render_browser import CHROMIUM, need_browser

    from timeline.render.labels import short_label

    need_browser()
    monkeypatch.setenv("BROWSER_PATH", CHROMIUM)
    tl = small_timeline()
    svg = image(tl, "svg").decode("utf-8")
    for e in tl.events:
        if e.date is not None:
            assert html.escape(short_label(e.headline), quote=False) in svg, e.headline
