"""Lanes (by type, source, actor or status) and sub-lanes, so that no mark hides another.

Within a lane, events are stacked greedily: each takes the first sub-lane whose last mark ends
before it starts. A mark occupies its interval and its label (labels.py): the label's estimated
width at the default view's zoom, so that at that zoom the labels stand staggered side by side.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from timeline.render.labels import label_width, short_label
from timeline.render.views import STYLE, EventView, day_after

LaneBy = Literal["type", "source", "actor", "status"]
LANE_CHOICES = ("type", "source", "actor", "status")
SEVERAL_SOURCES = "several sources"
NO_ACTOR = "no actor named"


@dataclass(frozen=True)
class Lanes:
    rows: dict[int, int]                     # index into the views list -> y row
    labels: list[tuple[float, str]]          # (y at the lane's middle, lane name)
    separators: list[float]                  # y between two lanes
    n_rows: int


def lane_of(view: EventView, by: LaneBy) -> str:
    event = view.event
    if by == "type":
        return event.type
    if by == "status":
        return event.status
    if by == "actor":
        return event.actors[0] if event.actors else NO_ACTOR
    if by == "source":
        if len(view.sources) > 1:
            return SEVERAL_SOURCES
        return view.sources[0] if view.sources else "unknown source"
    raise ValueError(f"lanes by {by!r}: choose one of {', '.join(LANE_CHOICES)}")


def lane_order(names: set[str], by: LaneBy) -> list[str]:
    """Types and statuses in taxonomy order; sources and actors alphabetical."""
    known = {"type": list(STYLE["type_colors"]), "status": list(STYLE["status_symbols"])}.get(by, [])
    rank = {name: i for i, name in enumerate(known)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), n.casefold(), n))


def stack(spans: Sequence[tuple[float, float]], min_width: float, max_rows: int) -> list[int]:
    """Sub-lane for each (start, end) span, in the given order (sorted by start).

    When `max_rows` are all busy, the one that frees first is reused (overlap, drawn on top).
    """
    row_ends: list[float] = []
    rows = []
    for start, end in spans:
        end = max(end, start + min_width)
        free = next((i for i, last in enumerate(row_ends) if last <= start), None)
        if free is None and len(row_ends) < max_rows:
            row_ends.append(end)
            free = len(row_ends) - 1
        elif free is None:
            free = min(range(len(row_ends)), key=row_ends.__getitem__)
        row_ends[free] = end
        rows.append(free)
    return rows


def _span(view: EventView, days_per_px: float, large: bool) -> tuple[float, float]:
    """The days a mark and its label cover at the default zoom."""
    labels = STYLE["labels"]
    label_px = labels["offset_px"] + label_width(short_label(view.event.headline), large) + labels["gap_px"]
    start = float(view.start.toordinal())
    return start, max(float(day_after(view.end).toordinal()), start + label_px * days_per_px)


def assign_lanes(views: Sequence[EventView], by: LaneBy, large: bool = False,
                 view_days: float = 0.0) -> Lanes:
    """Rows for the dated views, for a default view `view_days` long (0: all the dates).
    Lanes are separated by one empty row."""
    chart = STYLE["chart"]
    dated = [i for i, v in enumerate(views) if v.dated]
    if not dated:
        return Lanes(rows={}, labels=[], separators=[], n_rows=0)
    if not view_days:
        view_days = (max(day_after(views[i].end) for i in dated) - min(views[i].start for i in dated)).days
    days_per_px = max(view_days, 1) / chart["plot_px"]
    max_rows = chart["max_sublanes_large" if large else "max_sublanes"]

    by_lane: dict[str, list[int]] = {}
    for i in dated:
        by_lane.setdefault(lane_of(views[i], by), []).append(i)

    rows, labels, separators, base = {}, [], [], 0
    for name in lane_order(set(by_lane), by):
        spans = {i: _span(views[i], days_per_px, large) for i in by_lane[name]}
        members = sorted(by_lane[name], key=spans.__getitem__)
        sub = stack([spans[i] for i in members], 0.0, max_rows)
        for i, r in zip(members, sub):
            rows[i] = base + r
        height = max(sub) + 1
        labels.append((base + (height - 1) / 2, name))
        base += height + 1
        separators.append(base - 1)
    return Lanes(rows=rows, labels=labels, separators=separators[:-1], n_rows=base - 1)

