"""The plotly figure: one mark per dated event on a date axis, in lanes.

A day-precise event is a marker (shape = status, colour = type). A date known only to a month,
year or "end of 2021" is a translucent bar over the days it allows, labelled with its display
text, never a point on a made-up day. Dates that other sources give are dotted lines to ticks. Each mark has a label, its headline cut
at a word (labels.py: never two overlapping; the page's script shows more as the reader zooms in).
The default view covers where most events are; "3 earlier events" at an edge names what lies
beyond it. Every string from the articles is HTML-escaped: plotly renders hover and label text as
markup; the detail card's record (customdata column CARD_COLUMN) is plain text for textContent.
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
from timeline.render.labels import LABELS, Label, place_labels, visible_labels
from timeline.render.lanes import LaneBy, Lanes, assign_lanes
from timeline.render.views import (STYLE, EventView, day_after, event_views, parse_day, precision_of,
                                   shifted, type_label)

CHART = STYLE["chart"]
DAY_MS = 86_400_000
CONFLICT_COLOR = "#b03a2e"
# customdata columns: 0 headline, 1 display date, 2 type, 3 status, 4 evidence, 5 sources, 6 url,
# 7 conflict and merge notes, 8 who and where (all escaped, for the hover box), 9 the detail card's
# record (plain text, read by the page's click script).
HOVER = ("<b>%{customdata[0]}</b><br>%{customdata[1]} \u00b7 %{customdata[2]} \u00b7 %{customdata[3]}"
         "%{customdata[7]}%{customdata[8]}<br>%{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>")
URL_COLUMN = 6
CARD_COLUMN = 9
DAY0 = date(1970, 1, 1).toordinal()  # the page's script counts days from plotly's epoch


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
    shared = [r for r in merged.reasons if r.startswith(("actors in", "places in", "words in"))]
    refused = [r for r in merged.reasons if r.startswith("refused:")]
    why = [r for r in merged.reasons[:1] if not r.startswith("refused:")] + shared
    lines = ([f"Merged: {'; '.join(why)}"] if why and len(merged.sources) > 1 else []) + refused[:1]
    return "".join("<br>" + _wrapped(line, CHART["evidence_chars"]) for line in lines)


def card(view: EventView) -> dict:
    """What the detail card shows, as plain strings (the script sets them as text, never HTML)."""
    e = view.event
    record = {"headline": e.headline, "date": view.display, "precision": precision_of(e.date),
              "type": type_label(e.type), "status": STYLE["status_labels"].get(e.status, e.status),
              "evidence": view.evidence,
              "sources": [[name, url or "", lang or ""] for name, url, lang in view.links],
              "also": [display for _, _, display in view.conflicts]}
    places = getattr(e, "places", None)  # Event.places, when the events stage gives them
    if places:
        record["places"] = [getattr(p, "name", None) or str(p) for p in places]
    return record


def customdata(view: EventView) -> list:
    e = view.event
    status = STYLE["status_labels"].get(e.status, e.status)
    return [_wrapped(e.headline), esc(view.display), esc(type_label(e.type)), esc(status),
            _wrapped(view.evidence, CHART["evidence_chars"]),
            _wrapped(view.sources_and_languages, CHART["evidence_chars"]) or "no source", view.url or "",
            _conflict_note(view) + _merge_note(view), _who_where(e), card(view)]


def _who_where(event) -> str:
    """"Who: Iran; where: Al Asad Air Base" (nothing when neither is known)."""
    parts = ([f"who: {', '.join(event.actors[:4])}"] if event.actors else []) + \
        ([f"where: {', '.join(event.places[:3])}"] if event.places else [])
    line = "; ".join(parts)
    return "<br>" + _wrapped(line[:1].upper() + line[1:]) if parts else ""


def lane_text(name: str, by: LaneBy) -> str:
    """A lane's name for the y axis: the type's human label; wrapped on at most two short lines."""
    text = type_label(name) if by == "type" else name
    limit = LABELS["lane_chars"]
    lines = textwrap.wrap(text, limit, break_long_words=True) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][:limit - 1].rstrip() + "\u2026"]
    return "<br>".join(esc(line) for line in lines)


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


def _ranges(name: str, views: Sequence[EventView], rows: Sequence[int]) -> dict:
    """Translucent bars over the days a month/year/"end of" date allows; pattern = status."""
    color = type_color(name)
    return dict(
        type="bar", base=[v.start.isoformat() for v in views],
        x=[(day_after(v.end) - v.start).days * DAY_MS for v in views], y=list(rows),
        orientation="h", width=CHART["range_thickness"], name=esc(name), legendgroup=name,
        showlegend=False, textposition="none", cliponaxis=True,
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
    return dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(type_label(name)),
                legendgroup=name, hoverinfo="skip", marker={"symbol": "circle", "size": 10, "color": type_color(name)})


def status_key(views: Sequence[EventView]) -> list[tuple[str, str]]:
    """(marker symbol, meaning) for every kind of mark drawn, in the order the legend lists them."""
    dated = [v for v in views if v.dated]
    present = {v.event.status for v in dated if not v.is_range and not v.open_before}
    key = [(symbol, STYLE["status_labels"][s]) for s, symbol in STYLE["status_symbols"].items() if s in present]
    if any(v.open_before for v in dated):
        key.append((STYLE["open_before_symbol"], "before a date (no start known)"))
    if any(v.is_range for v in dated):
        key.append(("square", "date known only roughly (bar: month, year...)"))
    return key


def _status_key(views: Sequence[EventView]) -> list[dict]:
    """A second legend explaining the marks (entries only, nothing drawn in the plot)."""
    return [dict(type="scatter", x=[None], y=[None], mode="markers", name=esc(meaning), legend="legend2",
                 hoverinfo="skip", marker={"symbol": symbol, "size": 10, "color": "#444",
                                           "opacity": CHART["range_opacity"] + 0.2 if symbol == "square" else 1})
            for symbol, meaning in status_key(views)]


def _extent(views: Sequence[EventView]) -> tuple[date, date]:
    dated = [v for v in views if v.dated]
    return min(v.start for v in dated), max(day_after(v.end) for v in dated)


def default_view(views: Sequence[EventView]) -> Optional[tuple[date, date]]:
    """The days the chart opens on: every date, except outliers far beyond where most events are
    (more than `iqr_factor` interquartile ranges outside the quartiles of the events' days)."""
    dated = [v for v in views if v.dated]
    if not dated:
        return None
    first, last = _extent(dated)
    rules = STYLE["outliers"]
    if len(dated) >= rules["min_events"]:
        days = sorted(v.start.toordinal() for v in dated)
        q1, q3 = days[len(days) // 4], days[(3 * len(days)) // 4]
        reach = rules["iqr_factor"] * max(q3 - q1, rules["min_iqr_days"])
        core = [v for v in dated if q1 - reach <= v.start.toordinal() <= q3 + reach]
        first, last = _extent(core)
    return first, last


def _x_range(view: tuple[date, date]) -> list[str]:
    first, last = view
    pad = max((last - first) / 25, timedelta(days=15))
    return [shifted(first, -pad).isoformat(), shifted(last, pad).isoformat()]


def _room_for_labels(x_range: list[str], labels: Sequence[Label], width_px: float) -> list[str]:
    """The range widened on the right so that the labels shown at its zoom end inside the plot."""
    first, last = parse_day(x_range[0]), parse_day(x_range[1])
    days = max((last - first).days, 1)
    scale = width_px / days
    reach = max((lab.anchor.toordinal() + (LABELS["offset_px"] + lab.width_px) / scale
                 for lab in labels if lab.threshold <= scale and first <= lab.anchor <= last), default=0)
    extra = reach - last.toordinal()
    if extra <= 0:
        return x_range
    # the wider range shrinks the labels' share of it: widen by what they need at the new zoom
    extra = extra * days / max(days - extra, days / 2)
    return [x_range[0], shifted(last, timedelta(days=int(extra) + 1)).isoformat()]


def beyond(views: Sequence[EventView], first: date, last: date) -> tuple[int, int]:
    """How many dated events end before `first`, and how many start after `last`."""
    dated = [v for v in views if v.dated]
    return sum(v.end < first for v in dated), sum(v.start > last for v in dated)


def edge_text(count: int, side: str) -> str:
    word = "event" if count == 1 else "events"
    return f"\u25c0 {count} earlier {word}" if side == "earlier" else f"{count} later {word} \u25b6"


def _edges(views: Sequence[EventView], x_range: Optional[list[str]]) -> list[dict]:
    """The "3 earlier events" / "2 later events" markers at the plot's edges (the page's script
    keeps them up to date as the reader zooms; a click shows every date)."""
    earlier, later = beyond(views, parse_day(x_range[0]), parse_day(x_range[1])) if x_range else (0, 0)
    # in the empty row kept below the lanes (they never cover a mark)
    base = {"xref": "paper", "yref": "paper", "y": 0, "yanchor": "bottom", "showarrow": False,
            "font": {"size": 11, "color": "#1b2631"}, "bgcolor": "#fdf2e9", "bordercolor": "#b9770e",
            "borderpad": 3, "captureevents": True}
    return [dict(base, name="earlier", x=0, xanchor="left", text=edge_text(earlier, "earlier"),
                 visible=earlier > 0),
            dict(base, name="later", x=1, xanchor="right", text=edge_text(later, "later"), visible=later > 0)]


def _label_trace(shown: Sequence[Label], views: Sequence[EventView], large: bool) -> dict:
    """The labels drawn now: text right of an invisible marker the size of the real ones (so the
    text starts beside the mark), not hoverable (the mark under it keeps its hover and click).
    On a hidden x axis matching the real one, so that the range slider does not draw them."""
    size = CHART["marker_size_large" if large else "marker_size"]
    return dict(type="scatter", name="labels", uid="labels", mode="markers+text", showlegend=False,
                hoverinfo="skip", xaxis="x2",
                x=[lab.anchor.isoformat() for lab in shown], y=[lab.row for lab in shown],
                text=[esc(lab.text) for lab in shown], textposition="middle right", cliponaxis=True,
                textfont={"size": LABELS["font_px_large" if large else "font_px"], "color": "#1b2631"},
                marker={"size": size, "opacity": 0}, meta="labels")


def _label_data(labels: Sequence[Label], views: Sequence[EventView]) -> dict:
    """Every label with the zoom it shows from, for the page's script (sorted by that zoom)."""
    return {"day": [lab.anchor.toordinal() - DAY0 for lab in labels],
            "type": [views[lab.index].event.type for lab in labels],
            "x": [lab.anchor.isoformat() for lab in labels], "y": [lab.row for lab in labels],
            "text": [esc(lab.text) for lab in labels],
            "threshold": [round(lab.threshold, 4) for lab in labels]}


@cache
def _template() -> dict:
    """plotly_white as a dict: unvalidated figures are not given a template by name."""
    return pio.templates["plotly_white"].to_plotly_json()


def _layout(timeline: Timeline, views: Sequence[EventView], lanes: Lanes, lanes_by: LaneBy,
            x_range: Optional[list[str]], title: Optional[str], large: bool) -> dict:
    buttons = [{"label": b["label"], "count": b["count"], "step": b["step"], "stepmode": "backward"}
               for b in STYLE["buttons"]] + [{"label": "all", "step": "all"}]
    row_px = CHART["row_px_large" if large else "row_px"]
    height = min(CHART["max_height"], max(CHART["min_height"], 170 + (lanes.n_rows + 1) * row_px))
    layout = {
        "template": _template(), "height": height, "hovermode": "closest",
        "margin": {"l": 10, "r": 10, "t": 60 if title else 40, "b": 10},
        "xaxis": {"type": "date", "range": x_range, "rangeslider": {"visible": True, "thickness": 0.07},
                  "rangeselector": {"buttons": buttons, "x": 0, "y": 1.02, "yanchor": "bottom"},
                  "showgrid": True},
        "xaxis2": {"type": "date", "matches": "x", "overlaying": "x", "visible": False},
        "yaxis": {"tickmode": "array", "tickvals": [y for y, _ in lanes.labels],
                  "ticktext": [lane_text(name, lanes_by) for _, name in lanes.labels], "fixedrange": True,
                  "range": [lanes.n_rows + 0.6, -0.6], "showgrid": False, "zeroline": False,
                  "automargin": True, "tickfont": {"size": 11}},
        "legend": {"title": {"text": "Type (click to hide/show)"}, "tracegroupgap": 2},
        "legend2": {"title": {"text": "Marks"}, "itemclick": False, "itemdoubleclick": False, "y": 0},
        "barmode": "overlay",
        "hoverlabel": {"align": "left", "bgcolor": "white", "namelength": -1},
        "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
                    "line": {"color": "#d5d8dc", "width": 1}, "layer": "below"} for y in lanes.separators],
        "annotations": _edges(views, x_range),
    }
    if title:
        layout["title"] = {"text": esc(title), "x": 0.01}
    published = [p for p in (parse_day(d.published) for d in timeline.documents) if p]
    if published and views and any(v.dated for v in views):
        day = max(published).isoformat()
        layout["shapes"].append({"type": "line", "xref": "x", "x0": day, "x1": day, "yref": "paper",
                                 "y0": 0, "y1": 1, "line": {"color": "#909497", "width": 1, "dash": "dash"}})
        layout["annotations"].append({"x": day, "y": 1, "xref": "x", "yref": "paper", "showarrow": False,
                                      "text": "published", "font": {"size": 10, "color": "#707b7c"},
                                      "yanchor": "bottom"})
    return layout


def figure_dict(timeline: Timeline, lanes_by: LaneBy = "type", webgl: Optional[bool] = None,
                title: Optional[str] = None, views: Optional[list[EventView]] = None,
                width_px: Optional[float] = None, legend: bool = True) -> dict:
    """The figure as a plain plotly dict: writing it with validate=False skips plotly's
    per-element validation, the bulk of the build time for thousands of events.
    `views`: event_views(timeline) when the caller has them already. `width_px`: the plot's width
    that picks the labels drawn (the page's script picks them again for the real width).
    `legend` False: no plotly legend (the page draws its own below the chart)."""
    views = views if views is not None else event_views(timeline)
    large = webgl if webgl is not None else len(views) > CHART["webgl_threshold"]
    view = default_view(views)
    lanes = assign_lanes(views, lanes_by, large=large, view_days=(view[1] - view[0]).days if view else 0)
    x_range = _x_range(view) if view else None

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
                traces.append(_ranges(name, members, rows))
            else:
                traces.append(_points(name, members, rows, large))
    conflicts = _conflicts(views, lanes.rows, large)
    if conflicts is not None:
        traces.append(conflicts)
    labels = place_labels(views, lanes.rows, large)
    width_px = width_px or CHART["plot_px"]
    if x_range:
        x_range = _room_for_labels(x_range, labels, width_px)
    shown = visible_labels(labels, parse_day(x_range[0]), parse_day(x_range[1]), width_px) if x_range else []
    label_trace = len(traces)
    traces.append(_label_trace(shown, views, large))
    traces += _status_key(views)
    layout = _layout(timeline, views, lanes, lanes_by, x_range, title, large)
    layout["showlegend"] = legend
    dated = [v for v in views if v.dated]
    layout["meta"] = {"timeline": {
        "labels": _label_data(labels, views), "label_trace": label_trace,
        "starts": [v.start.toordinal() - DAY0 for v in dated],
        "ends": [day_after(v.end).toordinal() - DAY0 for v in dated],
        "all": _x_range(_extent(dated)) if dated else None}}
    return {"data": traces, "layout": layout}


def build_figure(timeline: Timeline, lanes_by: LaneBy = "type", webgl: Optional[bool] = None,
                 title: Optional[str] = None, width_px: Optional[float] = None) -> go.Figure:
    return go.Figure(figure_dict(timeline, lanes_by, webgl, title, width_px=width_px))
