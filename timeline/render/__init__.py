"""Stage 8, render: the plotly figure, the jinja2 page, fragments, reports and exports.

Every piece of HTML (page, fragment, report, plotlyjs_tag) is a markupsafe.Markup: jinja2 inserts
it unescaped, and Markup + Markup stays HTML (Markup + plain str escapes the str).

Library calls (the CLI's `render` and `build` are thin wrappers over these):
    figure(tl)            plotly Figure, for notebooks, Dash, Streamlit
    figure_json(tl)       the same figure as plotly JSON
    fragment(tl)          <div> + script, no plotly.js; put plotlyjs_tag() once in the page
    page(tl)              the self-contained HTML page (plotly.js inlined, no network request)
    report(template, ...) a jinja2 report with {{ plotlyjs() }} once and {{ chart(tl) }} per chart
    image(tl, "png")      PNG/SVG/PDF bytes through Kaleido and the system Chromium
    timelinejs(tl), to_csv(tl)
"""
from __future__ import annotations

from timeline.lazy import lazy_attributes
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    import plotly.graph_objects as go
    from markupsafe import Markup

    from timeline.models import Timeline
    from timeline.render.lanes import LaneBy
    from timeline.render.pages import PlotlyJS

# imported when first used (PEP 562): a command that only counts dated events (timeline.render.views)
# does not pay for plotly and jinja2
_HOMES = {"LANE_CHOICES": "timeline.render.lanes", "PLOTLY_CONFIG": "timeline.render.pages",
          "PLOTLYJS_CHOICES": "timeline.render.pages", "plotlyjs_tag": "timeline.render.pages",
          "write_plotlyjs": "timeline.render.pages", "timelinejs": "timeline.render.exports",
          "timelinejs_json": "timeline.render.exports", "to_csv": "timeline.render.exports"}


__getattr__, __dir__ = lazy_attributes(__name__, _HOMES, globals())

__all__ = ["figure", "figure_json", "fragment", "notebook_bundle", "page", "report", "image", "timelinejs",
           "timelinejs_json", "to_csv", "plotlyjs_tag", "write_plotlyjs", "PLOTLY_CONFIG",
           "LANE_CHOICES", "PLOTLYJS_CHOICES"]


def figure(timeline: Timeline, lanes: LaneBy = "type", webgl: Optional[bool] = None,
           title: Optional[str] = None) -> go.Figure:
    """The timeline as a plotly figure. `webgl` None = automatic above 2,000 events."""
    from timeline.render.chart import build_figure

    return build_figure(timeline, lanes, webgl, title)


def figure_json(timeline: Timeline, lanes: LaneBy = "type") -> str:
    import plotly.io as pio

    return pio.to_json(figure(timeline, lanes), engine="json")


def fragment(timeline: Timeline, div_id: Optional[str] = None, lanes: LaneBy = "type") -> Markup:
    """The chart as an HTML <div> without plotly.js (load it once per page with plotlyjs_tag())."""
    from timeline.render.pages import chart_fragment

    return chart_fragment(timeline, div_id=div_id, lanes=lanes)


def notebook_bundle(timeline: Timeline, include=None, exclude=None, **kwargs) -> dict:
    """What Jupyter shows for a Timeline: plotly's own mime bundle for the current renderer."""
    return figure(timeline)._repr_mimebundle_(include, exclude, **kwargs)


def page(timeline: Timeline, template: Optional[str] = None, plotlyjs: PlotlyJS = "inline",
         lanes: LaneBy = "type") -> Markup:
    """A self-contained HTML page: plotly.js inlined (by default), no network request."""
    from timeline.render.pages import render_page

    return render_page(timeline, template=template, plotlyjs=plotlyjs, lanes=lanes)


def report(template: str, plotlyjs: PlotlyJS = "inline", **context) -> Markup:
    from timeline.render.pages import render_report

    return render_report(template, plotlyjs=plotlyjs, **context)


def image(timeline: Timeline, fmt: str = "png", lanes: LaneBy = "type") -> bytes:
    from timeline.render import exports

    return exports.image(figure(timeline, lanes, webgl=False, title=timeline.title), fmt)

