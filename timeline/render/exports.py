"""Exports: static images through Kaleido and the system Chromium, TimelineJS3 JSON, CSV."""
from __future__ import annotations

import csv
import html
import io
import json
import os
import shutil
import warnings
from contextlib import contextmanager

import plotly.graph_objects as go

from timeline.errors import ExportError
from timeline.models import Timeline
from timeline.render.views import EventView, event_views

IMAGE_FORMATS = ("png", "svg", "pdf")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# spreadsheet programs run cells starting with these as formulas
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("id", "start", "end", "display_date", "granularity", "type", "status", "headline",
               "actors", "sources", "url", "evidence", "other_dates", "confidence", "languages")
# which TimelineJS date fields an event's granularity supports
TIMELINEJS_PARTS = {"day": 3, "hour": 3, "minute": 3, "part_of_day": 3, "week": 3, "month": 2,
                    "quarter": 2, "season": 2, "half": 2, "year": 1, "decade": 1, "century": 1}


def find_browser() -> str:
    """The Chrome/Chromium Kaleido will drive: $BROWSER_PATH, else one on PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        if os.access(configured, os.X_OK):
            return configured
        raise ExportError(f"BROWSER_PATH={configured} is not an executable browser")
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise ExportError("no Chrome or Chromium found for image export: install chromium "
                      "(apt-get install chromium) or set BROWSER_PATH")


def image(fig: go.Figure, fmt: str, width: int = 1200) -> bytes:
    """PNG, SVG or PDF bytes of the figure."""
    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"unknown image format {fmt!r}: choose one of {', '.join(IMAGE_FORMATS)}")
    os.environ["BROWSER_PATH"] = find_browser()  # Kaleido reads it; never downloads a Chrome
    fig = go.Figure(fig).update_layout(  # a picture has no slider, buttons or clickable legend
        xaxis={"rangeslider": {"visible": False}, "rangeselector": {"visible": False}},
        legend={"title": {"text": "Type"}})
    try:
        import plotly.io as pio
        with warnings.catch_warnings():  # "kopts ignored" when an image_session is open
            warnings.simplefilter("ignore", UserWarning)
            return pio.to_image(fig, format=fmt, width=width, height=fig.layout.height or 500)
    except ImportError:
        raise ExportError("image export needs kaleido: pip install 'kaleido>=1'") from None
    except RuntimeError as e:
        first = next((line for line in str(e).splitlines() if line.strip()), "browser failed")
        raise ExportError(f"image export failed: {first}") from None


@contextmanager
def image_session():
    """Keep one Kaleido browser open for several images (the first costs seconds, the rest
    a fraction): `with image_session(): image(a, "png"); image(b, "pdf")`."""
    os.environ["BROWSER_PATH"] = find_browser()
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    try:
        yield
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


def _date_parts(d, parts: int) -> dict:
    fields = {"year": d.year}
    if parts >= 2:
        fields["month"] = d.month
    if parts >= 3:
        fields["day"] = d.day
    return fields


def _timelinejs_event(view: EventView) -> dict:
    e = view.event
    granularity = e.date.granularity if e.date else "unknown"
    parts = TIMELINEJS_PARTS.get(granularity, 3)
    start = _date_parts(view.start, parts)
    shown = html.escape(view.display)  # TimelineJS inserts these as HTML too
    start["display_date"] = shown
    slide = {"start_date": start, "display_date": shown, "group": html.escape(e.type),
             "unique_id": e.id, "text": {"headline": html.escape(e.headline), "text": _slide_text(view)}}
    if view.is_range and _date_parts(view.end, parts) != _date_parts(view.start, parts):
        slide["end_date"] = _date_parts(view.end, parts)
    return slide


def _slide_text(view: EventView) -> str:
    """TimelineJS shows text as HTML: everything from the articles is escaped."""
    body = f"<p>{html.escape(view.evidence)}</p>" if view.evidence else ""
    sources = html.escape(view.sources_and_languages)
    if view.url:
        sources = f'<a href="{html.escape(view.url)}">{sources or "source"}</a>'
    return body + (f"<p><small>{sources}</small></p>" if sources else "")


def timelinejs(timeline: Timeline) -> dict:
    """TimelineJS3 JSON: dated events only (TimelineJS requires a start_date)."""
    slides = [_timelinejs_event(v) for v in event_views(timeline) if v.dated]
    return {"title": {"text": {"headline": html.escape(timeline.title), "text": ""}}, "events": slides}


def timelinejs_json(timeline: Timeline) -> str:
    return json.dumps(timelinejs(timeline), indent=2, ensure_ascii=False) + "\n"


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from running an article's text as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _csv_row(view: EventView) -> list[str]:
    e = view.event
    others = "; ".join(display for _, _, display in view.conflicts)
    start = view.start.isoformat() if view.start and not view.open_before else ""
    cells = [e.id, start, view.end.isoformat() if view.end else "",
             view.display, e.date.granularity if e.date else "", e.type, e.status, e.headline,
             "; ".join(e.actors), "; ".join(view.sources), view.url or "", view.evidence, others,
             f"{e.confidence:.2f}", ", ".join(view.languages)]
    return [neutralise(c) for c in cells]


def to_csv(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(v) for v in event_views(timeline))
    return out.getvalue()
