"""The plotly figure: one mark per dated event on a date axis, in lanes.

A day-precise event is a marker (shape = status, colour = type). A date known only to a month,
year or "end of 2021" is a translucent bar over the days it allows, labelled with its display
text, never a point on a made-up day. Dates that other sources give are dotted lines to ticks.
Every string from the articles is HTML-escaped: plotly renders hover and bar text as markup.
"""
from __future__ import annotations

import html
import textwrap
from collections import defaultdict
from datetime import date, timedelta
from functools import cache
from typing import Optional, Sequence

import plotly.graph_objects as go
import plotly.io as pio

from timeline.models import Timeline
from timeline.render.lanes import LaneBy, Lanes, assign_lanes
from timeline.render.views import STYLE, EventView, day_after, event_views, parse_day, shifted

CHART = STYLE["chart"]
DAY_MS = 86_400_000
CONFLICT_COLOR = "#b03a2e"
# customdata columns: 0 headline, 1 display date, 2 type, 3 status, 4 evidence, 5 sources, 6 url,
# 7 conflict and merge notes, 8 who and where. The page's click script reads column 6.
HOVER = ("<b>%{customdata[0]}</b><br>%{customdata[1]} \u00b7 %{customdata[2]} \u00b7 %{customdata[3]}"
         "%{customdata[7]}%{customdata[8]}<br>%{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>")
URL_COLUMN = 6


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _wrapped(text: str, limit: Optional[int] = None) -> str:
    """Escaped, cut and wrapped for the hover box (plotly does not wrap)."""
    if limit and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " \u2026"
    return "<br>".join(esc(line) for line in textwrap.wrap(text, CHART["wrap_chars"]))


def _conflict_note(view: EventView) -> str:
    if not view.conflicts:
        return ""
    others = ", ".join(display for _, _, display in view.conflicts)
    return "<br>" + _wrapped(f"Sources disagree: also {others}")


def _merge_note(view: EventView) -> str:
    """Why the sources were merged (what they share), and the strongest link refused."""
    merged = view.event.merged
    if merged is None:
        return ""
    shared = [r for r in merged.reasons if r.startswith(("actors in", "words in"))]
    refused = [r for r in merged.reasons if r.startswith("refused:")]
    why = [r for r in merged.reasons[:1] if not r.startswith("refused:")] + shared
    lines = ([f"Merged: {'; '.join(why)}"] if why and len(merged.sources) > 1 else []) + refused[:1]
    return "".join("<br>" + _wrapped(line, CHART["evidence_chars"]) for line in lines)


def customdata(view: EventView) -> list[str]:
    e = view.event
    status = STYLE["status_labels"].get(e.status, e.status)
    return [_wrapped(e.headline), esc(view.display), esc(e.type), esc(status),
            _wrapped(view.evidence, CHART["evidence_chars"]),
            esc(view.sources_and_languages) or "no source", view.url or "",
            _conflict_note(view) + _merge_note(view), _who_where(e)]


def _who_where(event) -> str:
    """"Who: Iran; where: Al Asad Air Base" (nothing when neither is known)."""
    parts = ([f"who: {', '.join(event.actors[:4])}"] if event.actors else []) + \
        ([f"where: {', '.join(event.places[:3])}"] if event.places else [])
    line = "; ".join(parts)
    return "<br>" + _wrapped(line[:1].upper() + line[1:]) if parts else ""


def type_color(event_type: str) -> str:
    return STYLE["type_colors"].get(event_type, STYLE["type_colors"]["fallback"])


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _midpoint(view: EventView) -> date:
    return view.start + (day_after(view.end) - view.start) / 2


def _points(name: str, views: Sequence[EventView], rows: Sequence[int],
            large: bool) -> dict:
    """Markers; in WebGL mode a range is a dash at its middle, over its drawn extent."""
    symbols = [("line-ew-open" if v.is_range else STYLE["open_before_symbol"] if v.open_before
                else STYLE["status_symbols"].get(v.event.status, "circle")) for v in views]
    return dict(
        type="scattergl" if large else "scatter", x=[(_midpoint(v) if v.is_range else v.start).isoformat() for v in views], y=list(rows),
        mode="markers", name=esc(name), legendgroup=name, showlegend=False,
        marker={"symbol": symbols, "size": CHART["marker_size_large" if large else "marker_size"],
                "color": type_color(name), "line": {"width": 1 if large else 2, "color": type_color(name)}},
        customdata=[customdata(v) for v in views], hovertemplate=HOVER)


def _label_positions(views: Sequence[EventView], span_days: int) -> list[str]:
    """Display text inside bars wide enough to hold it at full zoom-out; the others keep it for
    hover (plotly's uniformtext would hide every label once the range slider is on)."""
    wide = span_days * CHART["label_min_share"]
    return ["inside" if (day_after(v.end) - v.start).days >= wide else "none" for v in views]


def _ranges(name: str, views: Sequence[EventView], rows: Sequence[int], span_days: int) -> dict:
    """Translucent bars over the days a month/year/"end of" date allows; pattern = status."""
    color = type_color(name)
    return dict(
        type="bar", base=[v.start.isoformat() for v in views],
        x=[(day_after(v.end) - v.start).days * DAY_MS for v in views], y=list(rows),
        orientation="h", width=CHART["range_thickness"], name=esc(name), legendgroup=name,
        showlegend=False, text=[esc(v.display) for v in views],
        textposition=_label_positions(views, span_days), insidetextanchor="start",
        insidetextfont={"color": "#1b2631", "size": 11}, constraintext="inside", cliponaxis=True,
        marker={"color": _rgba(color, CHART["range_opacity"]), "line": {"color": color, "width": 1.5},
                "pattern": {"shape": [STYLE["status_patterns"].get(v.event.status, "")
                                      for v in views], "fgcolor": color, "size": 6}},
        customdata=[customdata(v) for v in views], hovertemplate=HOVER)


def _segments(name: str, views: Sequence[EventView], rows: Sequence[int]) -> dict:
    """WebGL mode: the extent of each range as one thick translucent line (no hover)."""
    xs, ys = [], []
    for v, y in zip(views, rows):
        xs += [v.start.isoformat(), day_after(v.end).isoformat(), None]
        ys += [y, y, None]
    return dict(type="scattergl", x=xs, y=ys, mode="lines", legendgroup=name, showlegend=False,
                        hoverinfo="skip", line={"width": 4, "color": _rgba(type_color(name), 0.35)})


def _conflicts(views: Sequence[EventView], rows: dict[int, int], large: bool):
    """Dotted line from each event to every other date a source gives, ending in ticks.

    No hover of its own (it would steal the event's): the event's hover names the other dates.
    """
    xs, ys = [], []
    for i, v in enumerate(views):
        if i not in rows:
            continue
        y = rows[i]
        for start, end, _ in v.conflicts:
            xs += [v.start.isoformat(), start.isoformat(), None]
            ys += [y, y, None]
            for edge in [start] if end == start else [start, day_after(end)]:
                xs += [edge.isoformat(), edge.isoformat(), None]
                ys += [y - 0.3, y + 0.3, None]
    if not xs:
        return None
    return dict(type="scattergl" if large else "scatter", x=xs, y=ys, mode="lines", name="dates sources disagree on", hoverinfo="skip",
               line={"color": CONFLICT_COLOR, "width": 1.5, "dash": "dot"})


def _legend_entry(name: str) -> dict:
    """The type's legend item: a plain dot (a real trace would show its first point's shape);
    clicking it toggles every trace of the type's legend group."""
    return dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(name), legendgroup=name,
                      hoverinfo="skip", marker={"symbol": "circle", "size": 10, "color": type_color(name)})


def _status_key(views: Sequence[EventView]) -> list[dict]:
    """A second legend explaining marker shapes (entries only, nothing drawn in the plot)."""
    present = {v.event.status for v in views if v.dated}
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(STYLE["status_labels"][s]),
                       legend="legend2", hoverinfo="skip",
                       marker={"symbol": symbol, "size": 10, "color": "#444"})
            for s, symbol in STYLE["status_symbols"].items() if s in present]


def _x_range(views: Sequence[EventView]) -> Optional[list[str]]:
    dated = [v for v in views if v.dated]
    if not dated:
        return None
    first, last = min(v.start for v in dated), max(day_after(v.end) for v in dated)
    pad = max((last - first) / 25, timedelta(days=15))
    return [shifted(first, -pad).isoformat(), shifted(last, pad).isoformat()]


@cache
def _template() -> dict:
    """plotly_white as a dict: unvalidated figures are not given a template by name."""
    return pio.templates["plotly_white"].to_plotly_json()


def _layout(timeline: Timeline, views: Sequence[EventView], lanes: Lanes, x_range: Optional[list[str]],
            title: Optional[str], large: bool) -> dict:
    buttons = [{"label": b["label"], "count": b["count"], "step": b["step"], "stepmode": "backward"}
               for b in STYLE["buttons"]] + [{"label": "all", "step": "all"}]
    row_px = CHART["row_px_large" if large else "row_px"]
    height = min(CHART["max_height"], max(CHART["min_height"], 170 + lanes.n_rows * row_px))
    layout = {
        "template": _template(), "height": height, "hovermode": "closest",
        "margin": {"l": 10, "r": 10, "t": 60 if title else 40, "b": 10},
        "xaxis": {"type": "date", "range": x_range, "rangeslider": {"visible": True, "thickness": 0.07},
                  "rangeselector": {"buttons": buttons, "x": 0, "y": 1.02, "yanchor": "bottom"},
                  "showgrid": True},
        "yaxis": {"tickmode": "array", "tickvals": [y for y, _ in lanes.labels],
                  "ticktext": [esc(name) for _, name in lanes.labels], "fixedrange": True,
                  "range": [lanes.n_rows - 0.4, -0.6], "showgrid": False, "zeroline": False,
                  "automargin": True},
        "legend": {"title": {"text": "Type (click to hide/show)"}, "tracegroupgap": 2},
        "legend2": {"title": {"text": "Status"}, "itemclick": False, "itemdoubleclick": False, "y": 0},
        "barmode": "overlay",
        "hoverlabel": {"align": "left", "bgcolor": "white"},
        "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
                    "line": {"color": "#d5d8dc", "width": 1}, "layer": "below"} for y in lanes.separators],
    }
    if title:
        layout["title"] = {"text": esc(title), "x": 0.01}
    published = [p for p in (parse_day(d.published) for d in timeline.documents) if p]
    if published and views and any(v.dated for v in views):
        day = max(published).isoformat()
        layout["shapes"].append({"type": "line", "xref": "x", "x0": day, "x1": day, "yref": "paper",
                                 "y0": 0, "y1": 1, "line": {"color": "#909497", "width": 1, "dash": "dash"}})
        layout["annotations"] = [{"x": day, "y": 1, "xref": "x", "yref": "paper", "showarrow": False,
                                  "text": "published", "font": {"size": 10, "color": "#707b7c"},
                                  "yanchor": "bottom"}]
    return layout


def figure_dict(timeline: Timeline, lanes_by: LaneBy = "type", webgl: Optional[bool] = None,
                title: Optional[str] = None, views: Optional[list[EventView]] = None) -> dict:
    """The figure as a plain plotly dict: writing it with validate=False skips plotly's
    per-element validation, the bulk of the build time for thousands of events.
    `views`: event_views(timeline) when the caller has them already."""
    views = views if views is not None else event_views(timeline)
    large = webgl if webgl is not None else len(views) > CHART["webgl_threshold"]
    lanes = assign_lanes(views, lanes_by, large=large)
    x_range = _x_range(views)
    span_days = (parse_day(x_range[1]) - parse_day(x_range[0])).days if x_range else 1

    groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"points": [], "ranges": []})
    for i, v in enumerate(views):
        if i in lanes.rows:
            groups[v.event.type]["ranges" if v.is_range and not large else "points"].append(i)

    traces = []
    for name in sorted(groups, key=lambda t: (list(STYLE["type_colors"]).index(t)
                                              if t in STYLE["type_colors"] else 99, t)):
        kinds = groups[name]
        traces.append(_legend_entry(name))
        for kind in ("points", "ranges"):
            idx = kinds[kind]
            if not idx:
                continue
            members, rows = [views[i] for i in idx], [lanes.rows[i] for i in idx]
            if kind == "points" and large and any(v.is_range for v in members):
                ranged = [(v, r) for v, r in zip(members, rows) if v.is_range]
                traces.append(_segments(name, [v for v, _ in ranged], [r for _, r in ranged]))
            if kind == "ranges":
                traces.append(_ranges(name, members, rows, span_days))
            else:
                traces.append(_points(name, members, rows, large))
    conflicts = _conflicts(views, lanes.rows, large)
    if conflicts is not None:
        traces.append(conflicts)
    traces += _status_key(views)
    return {"data": traces, "layout": _layout(timeline, views, lanes, x_range, title, large)}


def build_figure(timeline: Timeline, lanes_by: LaneBy = "type", webgl: Optional[bool] = None,
                 title: Optional[str] = None) -> go.Figure:
    return go.Figure(figure_dict(timeline, lanes_by, webgl, title))
