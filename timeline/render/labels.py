"""Labels beside the marks: the headline cut at a word, never two overlapping.

Each label starts just right of its mark (a range: at the start of its bar) and runs along its
row. Its width in pixels is estimated from its length, so whether two labels in a row collide
depends only on the zoom, in pixels per day: label b collides with label a on its left when
(x_b - x_a) * scale < width_a + gap. Each label gets the smallest scale at which it clears every
more important label of its row (more sources first, then a more precise date); a view shows the
labels whose scale it reaches. Those never overlap each other, whatever the zoom, and zooming in
only adds labels. The page's script applies the same thresholds on every zoom; exports and the
first drawing use `visible_labels` for the width they are drawn at.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from timeline.render.views import STYLE, EventView

LABELS = STYLE["labels"]
NEVER = 1e12  # the threshold of a label that always collides (same day, same row)
# the finer the date, the more a label is worth showing
PRECISION_RANK = {"minute": 9, "hour": 8, "part_of_day": 7, "day": 6, "week": 5, "month": 4,
                  "quarter": 3, "season": 3, "half": 2, "year": 1}


@dataclass(frozen=True)
class Label:
    index: int        # into the views list
    anchor: date      # where the text starts: the mark's day, or the start of a range's bar
    row: int
    text: str
    width_px: float   # estimated
    threshold: float  # pixels per day from which it shows


def short_label(headline: str, limit: int = LABELS["chars"]) -> str:
    """The headline cut at a word boundary to at most `limit` characters, with an ellipsis."""
    text = " ".join(headline.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:-\u2013\u2014 ")
    return (cut or text[:limit - 1]) + "\u2026"


def label_width(text: str, large: bool = False) -> float:
    return len(text) * LABELS["char_px_large" if large else "char_px"]


def importance(view: EventView) -> tuple:
    """More sources first, then a more precise date; ties broken by date and headline (stable)."""
    granularity = view.event.date.granularity if view.event.date else "unknown"
    return (-len(view.sources), -PRECISION_RANK.get(granularity, 0), view.start, view.event.headline)


def place_labels(views: Sequence[EventView], rows: dict[int, int], large: bool = False) -> list[Label]:
    """A label for each drawn (dated) event, with the zoom from which it shows.

    Per row, labels are taken most important first and kept sorted by anchor; a new label's
    threshold is the largest it needs to clear its already placed neighbours on either side
    (a placed label shows at least as early, so clearing it at the new label's own threshold
    is enough). Only neighbours that can still matter are visited: widths are bounded.
    """
    gap = LABELS["gap_px"]
    widest = label_width("x" * LABELS["chars"], large) + gap
    by_row: dict[int, list[int]] = {}
    for i in sorted(rows, key=lambda i: importance(views[i])):
        by_row.setdefault(rows[i], []).append(i)

    labels = []
    for row, members in by_row.items():
        days: list[int] = []          # anchors placed so far, sorted
        widths: list[float] = []      # their label widths + gap, in the same order
        for i in members:
            v = views[i]
            text = short_label(v.event.headline)
            width = label_width(text, large) + gap
            x = v.start.toordinal()
            at = bisect.bisect_left(days, x)
            need = 0.0
            for j in range(at - 1, -1, -1):           # placed labels to the left: theirs must end
                dx = x - days[j]
                if dx == 0:
                    need = NEVER
                    break
                if widest / dx <= need:
                    break
                need = max(need, widths[j] / dx)
            for j in range(at, len(days)):            # to the right: ours must end
                dx = days[j] - x
                if dx == 0:
                    need = NEVER
                    break
                if width / dx <= need:
                    break
                need = max(need, width / dx)
            days.insert(at, x)
            widths.insert(at, width)
            labels.append(Label(index=i, anchor=v.start, row=row, text=text, width_px=width - gap,
                                threshold=need))
    labels.sort(key=lambda lab: lab.threshold)
    return labels


def visible_labels(labels: Sequence[Label], first: date, last: date, width_px: float) -> list[Label]:
    """The labels shown when days first..last span `width_px` pixels."""
    scale = width_px / max((last - first).days, 1)
    return [lab for lab in labels if lab.threshold <= scale and first <= lab.anchor <= last]
