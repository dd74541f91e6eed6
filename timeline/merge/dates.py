"""Dates as day intervals: when two are compatible, which is most precise, which disagree."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from timeline.merge.rules import load_rules
from timeline.models import EventDate


@dataclass(frozen=True, slots=True)
class Span:
    """A date's interval in proleptic ordinal days, inclusive, and its precision level."""
    start: int
    end: int
    level: int
    unit: int = 0       # days in one unit of a coarse precision the date is (a month): 0 when open
    # Told by no date of its own: open ("before July 2011"), or only "by" a report's publication
    # (news undated): it joins another report only on words that tell happenings apart.
    vague: bool = False


def _ordinal(day: Optional[str]) -> Optional[int]:
    if not day:
        return None
    try:
        return dt.date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


def span(date: Optional[EventDate]) -> Optional[Span]:
    """The interval a date allows, or None when it names no day range (undated, PAST_REF...)."""
    if date is None:
        return None
    levels = load_rules().levels
    level = levels.get(date.granularity, max(levels.values()))
    start = _ordinal(date.start)
    end = _ordinal(date.end) if date.end else start
    if start is None and end is not None and date.mod == "BEFORE":
        # "before July 2011": open towards the past, and vaguer than July 2011 itself
        return Span(1, end, level + 1, vague=True)
    if start is None or end is None or end < start:
        return None
    if date.mod == "AFTER":        # "since 1955": from then on, vaguer than 1955 itself
        return Span(start, end, level + 1, vague=True)
    if date.mod == "ON_OR_BEFORE":   # dated only as news by its report: vague
        return Span(start, end, level, vague=True)
    return Span(start, end, level, load_rules().coarse_unit_days.get(date.granularity, 0))


def news_span(published: int) -> Span:
    """An undated report of what happened, in a document published that day: news, so in the days
    before (`undated_recent_days`), vaguely."""
    rules = load_rules()
    return Span(published - rules.undated_recent_days, published, rules.levels["week"], vague=True)


def gap_days(a: Span, b: Span) -> int:
    """Days between two intervals; 0 when they overlap."""
    return max(0, b.start - a.end, a.start - b.end)


def date_score(a: Span, b: Span, same_document: bool) -> Optional[float]:
    """How strongly two dates say "same happening"; None when they cannot be one."""
    rules = load_rules()
    if abs(a.level - b.level) > rules.max_granularity_steps:
        return None
    gap = gap_days(a, b)
    if gap == 0:
        exact = a.level == b.level == 0 and a.start == b.start
        return rules.same_day if exact else rules.nested - rules.per_step * abs(a.level - b.level)
    # One article giving two different dates means two happenings; sources may disagree.
    if same_document:
        return None
    if max(a.level, b.level) > 0:
        units = coarse_units_apart(a, b)
        return None if units is None else -rules.per_coarse_unit * units
    if gap > rules.max_gap_days:
        return None
    return rules.adjacent - rules.per_extra_day * (gap - 1)


def coarse_units_apart(a: Span, b: Span) -> Optional[int]:
    """How many units apart two disjoint dates of one coarse precision are (May and July: 2),
    when within `max_coarse_units`; else None."""
    if not a.unit or a.unit != b.unit:
        return None
    units = round(abs((a.start + a.end) - (b.start + b.end)) / 2 / a.unit)   # from mid to mid
    return units if units <= load_rules().max_coarse_units else None


def reach_days(s: Span) -> int:
    """How many days past its end another date may start and still be this one's happening."""
    rules = load_rules()
    return max(rules.max_gap_days, s.unit * rules.max_coarse_units)


def _date_key(date: EventDate) -> tuple:
    return (date.value, date.mod or "", date.start or "", date.end or "", date.granularity)


def _canonical(dates: list[EventDate]) -> list[EventDate]:
    """One EventDate per distinct date; the most frequent display (ties: the shortest, then A-Z)."""
    groups: dict[tuple, Counter] = {}
    for d in dates:
        groups.setdefault(_date_key(d), Counter())[d.display] += 1
    out = []
    for key, displays in sorted(groups.items()):
        display = min(displays, key=lambda s: (-displays[s], len(s), s))
        value, mod, start, end, granularity = key
        out.append(EventDate(value=value, mod=mod or None, start=start or None, end=end or None,
                             granularity=granularity, display=display))
    return out


def choose_date(dated: Iterable[tuple[str, EventDate]]) -> tuple[Optional[EventDate], list[EventDate]]:
    """(document, date) pairs -> the winning date and the dates that disagree with it.

    A date a text gives wins over one that only says "by" a day (ON_OR_BEFORE: an event dated as
    news is written, on or before its publication); then the most precise date wins; among
    equally precise ones, the one most documents support, then the earliest. Coarser dates that
    contain the winner are support, not conflicts.
    """
    pairs = [(doc, d) for doc, d in dated if span(d) is not None]
    if not pairs:
        return None, []
    dates = _canonical([d for _, d in pairs])
    spans = {_date_key(d): span(d) for d in dates}
    docs: dict[tuple, set] = {}
    for doc, d in pairs:
        docs.setdefault(_date_key(d), set()).add(doc)

    def rank(d: EventDate) -> tuple:
        return d.mod == "ON_OR_BEFORE", spans[_date_key(d)].level

    # only the dates of the best rank can win: their support alone is counted
    best = min(map(rank, dates))
    candidates = [_date_key(d) for d in dates if rank(d) == best]
    support = _support(candidates, spans, docs)
    winner = min((d for d in dates if rank(d) == best),
                 key=lambda d: (-support[_date_key(d)], spans[_date_key(d)].start, _date_key(d)))
    won = spans[_date_key(winner)]
    conflicts = [d for d in dates if gap_days(spans[_date_key(d)], won) > 0]
    return winner, conflicts


def _support(candidates: list[tuple], spans: dict[tuple, Span], docs: dict[tuple, set]) -> dict[tuple, int]:
    """For each candidate date, how many documents give a date overlapping it.

    A wire story's group holds a date per outlet ("Monday" told on many days): counted pair by
    pair, that is the group's dates times its documents. Candidates sorted by start whose ends
    are in order too (dates of one precision, which do not nest) overlap a date as one run of
    them: each document adds one to the runs its dates overlap, and a running sum counts."""
    order = sorted(candidates, key=lambda k: (spans[k].start, spans[k].end))
    starts = [spans[k].start for k in order]
    ends = [spans[k].end for k in order]
    if any(a > b for a, b in zip(ends, ends[1:])):     # nested: pair by pair
        return {key: len({doc for k, ds in docs.items() if gap_days(spans[k], spans[key]) == 0 for doc in ds})
                for key in candidates}
    runs: dict = {}      # document -> the runs [lo, hi) of candidates its dates overlap
    for k, ds in docs.items():
        s = spans[k]
        lo, hi = bisect_left(ends, s.start), bisect_right(starts, s.end)   # end >= its start, start <= its end
        if lo < hi:
            for doc in ds:
                runs.setdefault(doc, []).append((lo, hi))
    added = [0] * (len(order) + 1)
    for doc_runs in runs.values():
        doc_runs.sort()
        lo, hi = doc_runs[0]
        for a, b in doc_runs[1:]:
            if a > hi:
                added[lo] += 1
                added[hi] -= 1
                lo, hi = a, b
            else:
                hi = max(hi, b)
        added[lo] += 1
        added[hi] -= 1
    support, running = {}, 0
    for i, key in enumerate(order):
        running += added[i]
        support[key] = running
    return support
