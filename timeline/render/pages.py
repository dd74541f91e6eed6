"""Jinja2 pages (autoescape on everywhere), chart fragments and reports with plotly.js once."""
from __future__ import annotations

import hashlib
import itertools
from pathlib import Path
from typing import Literal, Optional

import plotly.graph_objects as go
import plotly.io as pio
from jinja2 import Environment, FileSystemLoader, Template, TemplateError, select_autoescape
from markupsafe import Markup
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from timeline.atomic import write_atomic
from timeline.bundled import bundled
from timeline.errors import InputError, UsageError
from timeline.models import Timeline
from timeline.render.chart import figure_dict, status_key, type_color
from timeline.render.lanes import LaneBy
from timeline.render.views import (STYLE, EventView, event_views, safe_url, short_source, story_sources,
                                   type_label)

TEMPLATES = bundled("templates")
PLOTLY_CONFIG = {"showSendToCloud": False, "displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"]}
PlotlyJS = Literal["inline", "cdn", "directory"]
PLOTLYJS_CHOICES = ("inline", "cdn", "directory")
PLOTLYJS_FILE = "plotly.min.js"
# labels for the zoom, the "N earlier events" edges and the detail card a click opens
CHART_SCRIPT = (TEMPLATES / "partials" / "chart.js").read_text(encoding="utf-8")


def plotlyjs_tag(mode: PlotlyJS = "inline") -> Markup:
    """The <script> that loads plotly.js: put it once in a page, before any chart."""
    if mode == "inline":
        return Markup(f'<script charset="utf-8">{get_plotlyjs()}</script>')
    if mode == "cdn":
        return Markup(f'<script charset="utf-8" src="https://cdn.plot.ly/plotly-'
                      f'{get_plotlyjs_version()}.min.js"></script>')
    if mode == "directory":
        return Markup(f'<script charset="utf-8" src="{PLOTLYJS_FILE}"></script>')
    raise UsageError(f"--plotlyjs {mode!r}: choose one of {', '.join(PLOTLYJS_CHOICES)}")


def write_plotlyjs(directory: str | Path) -> Path:
    """Write plotly.min.js into `directory`, for pages rendered with plotlyjs='directory'."""
    return write_atomic(Path(directory) / PLOTLYJS_FILE, get_plotlyjs())


def default_div_id(timeline: Timeline) -> str:
    """Stable per content (same input, same bytes), distinct for different timelines."""
    digest = hashlib.sha1(timeline.title.encode("utf-8"))
    for e in timeline.events:
        digest.update(e.id.encode("utf-8"))
    return "timeline-" + digest.hexdigest()[:10]


def figure_fragment(fig: go.Figure | dict, div_id: str) -> Markup:
    """<div> + script for a figure (a dict is written unvalidated: ours are built valid)."""
    return Markup(pio.to_html(fig, full_html=False, include_plotlyjs=False, config=PLOTLY_CONFIG,
                              div_id=div_id, post_script=CHART_SCRIPT, validate=False))


def chart_fragment(timeline: Timeline, div_id: Optional[str] = None, lanes: LaneBy = "type",
                   webgl: Optional[bool] = None, views: Optional[list[EventView]] = None,
                   legend: bool = True) -> Markup:
    """The chart as an HTML <div> and its script, without plotly.js."""
    fig = figure_dict(timeline, lanes, webgl, views=views, legend=legend)
    return figure_fragment(fig, div_id or default_div_id(timeline))


def environment(template_dir: Optional[Path] = None) -> Environment:
    """Templates from `template_dir` first (users override ours), then templates/."""
    dirs = [str(template_dir)] if template_dir else []
    env = Environment(loader=FileSystemLoader(dirs + [str(TEMPLATES)]),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(colors=type_color, safe_url=safe_url, type_label=type_label, story_sources=story_sources,
                       status_label=lambda s: STYLE["status_labels"].get(s, s))
    env.filters["short_source"] = short_source
    return env


def _status_key() -> str:
    return ", ".join(f"{STYLE['symbol_names'].get(symbol, symbol)} = {STYLE['status_labels'][status]}"
                     for status, symbol in STYLE["status_symbols"].items())


def legend_items(views: list[EventView]) -> dict:
    """The page's legend: the types drawn (colour, human label) and every kind of mark drawn."""
    drawn = dict.fromkeys(v.event.type for v in views if v.dated)
    order = list(STYLE["type_colors"])
    types = sorted(drawn, key=lambda t: (order.index(t) if t in order else len(order), t))
    return {"types": [(t, type_label(t), type_color(t)) for t in types],
            "marks": [(STYLE["symbol_glyphs"].get(symbol, "\u25cf"), meaning) for symbol, meaning in status_key(views)]}


def _template(path: Optional[str], default: Optional[str]) -> Template:
    """The user's template (its folder searched before ours) or our default."""
    if path is None:
        return environment().get_template(default)
    if not Path(path).is_file():
        raise InputError("template not found", path)
    try:
        return environment(Path(path).parent).get_template(Path(path).name)
    except TemplateError as e:
        raise InputError(f"bad template: {e}", path) from None


def render_page(timeline: Timeline, template: Optional[str] = None, plotlyjs: PlotlyJS = "inline",
                lanes: LaneBy = "type", webgl: Optional[bool] = None) -> Markup:
    """The whole page: title, chart, events table, undated events, sources."""
    tpl = _template(template, "page.html")
    views = event_views(timeline)
    chart = chart_fragment(timeline, div_id="timeline-chart", lanes=lanes, webgl=webgl, views=views,
                           legend=False)
    story, key_chart = _key_view(timeline, lanes, webgl)
    if not key_chart and all(e.summary for e in timeline.events):
        story = [v for v in views if v.dated]   # already cut to its key events (--key N)
    return Markup(tpl.render(timeline=timeline, views=views, dated=[v for v in views if v.dated],
                             legend=legend_items(views),
                             undated=[v for v in views if not v.dated], chart=chart,
                             plotlyjs=plotlyjs_tag(plotlyjs), lanes_by=lanes, status_key=_status_key(),
                             story=story, key_chart=key_chart or None))


def _key_view(timeline: Timeline, lanes: LaneBy, webgl: Optional[bool]) -> tuple[list[EventView], Markup]:
    """A long timeline opens on its key events: their views and chart ([] and "" when short)."""
    from timeline.key import key_events, load_weights, score_salience

    if len(timeline.events) <= load_weights().key["page_over"]:
        return [], Markup("")
    if any(e.salience is None for e in timeline.events):   # a timeline saved before salience
        timeline = score_salience(timeline)
    key = key_events(timeline, "auto")
    views = [v for v in event_views(key) if v.dated]
    return views, chart_fragment(key, div_id="timeline-key-chart", lanes=lanes, webgl=webgl, views=views,
                                 legend=False)


def render_report(template: str, plotlyjs: PlotlyJS = "inline", **context) -> Markup:
    """Render a user's jinja2 report. In it, `{{ plotlyjs() }}` loads plotly.js (once) and
    `{{ chart(timeline) }}` embeds a timeline chart; any other context is passed through."""
    tpl = _template(template, None)
    counter = itertools.count(1)

    def chart(timeline: Timeline, lanes: LaneBy = "type") -> Markup:
        return chart_fragment(timeline, div_id=f"timeline-chart-{next(counter)}", lanes=lanes)

    return Markup(tpl.render(chart=chart, plotlyjs=lambda: plotlyjs_tag(plotlyjs), **context))
