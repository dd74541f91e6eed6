"""Stage 8, render: the plotly figure, the jinja2 page, fragments and exports."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import plotly.graph_objects as go
from jinja2 import Environment, FileSystemLoader, select_autoescape
from plotly.offline import get_plotlyjs

from timeline.models import Timeline

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
PLOTLY_CONFIG = {"showSendToCloud": False, "displaylogo": False, "responsive": True}


def figure(timeline: Timeline) -> go.Figure:
    """The timeline as a plotly figure (for notebooks, Dash, Streamlit)."""
    dated = [e for e in timeline.events if e.date and e.date.start]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[e.date.start for e in dated], y=[e.type for e in dated], mode="markers",
        customdata=[[e.headline, e.date.display] for e in dated],
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        marker={"size": 12},
    ))
    fig.update_layout(xaxis={"type": "date"}, margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return fig


def fragment(timeline: Timeline) -> str:
    """The chart as an HTML <div> without plotly.js (load plotly.js once per page yourself)."""
    return figure(timeline).to_html(full_html=False, include_plotlyjs=False, config=PLOTLY_CONFIG,
                                    div_id="timeline-chart")  # fixed id: same input, same bytes


def _environment(template_dir: Optional[Path] = None) -> Environment:
    dirs = [str(template_dir)] if template_dir else []
    return Environment(loader=FileSystemLoader(dirs + [str(TEMPLATES)]),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def page(timeline: Timeline, template: Optional[str] = None) -> str:
    """A self-contained HTML page: plotly.js inlined, no network request."""
    env = _environment(Path(template).parent if template else None)
    tpl = env.get_template(Path(template).name if template else "page.html")
    return tpl.render(timeline=timeline, chart=fragment(timeline), plotlyjs=get_plotlyjs())
