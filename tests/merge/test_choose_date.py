"""A merged event's date (dates.choose_date) is the one of the pair-by-pair count of support, and
it is counted without pairing every date with every document (a wire story told on many days)."""
import datetime as dt

from hypothesis import given, settings, strategies as st

import timeline.merge.dates as dates
from timeline.merge.dates import _canonical, _date_key, choose_date, gap_days, span
from timeline.models import EventDate

DAY0 = dt.date(2021, 8, 1)


def reference(dated):
    """choose_date as it was, every date's support counted against every date."""
    pairs = [(doc, d) for doc, d in dated if span(d) is not None]
    if not pairs:
        return None, []
    found = _canonical([d for _, d in pairs])
    spans = {_date_key(d): span(d) for d in found}
    docs = {}
    for doc, d in pairs:
        docs.setdefault(_date_key(d), set()).add(doc)
    support = {key: len({doc for k, ds in docs.items() if gap_days(spans[k], s) == 0 for doc in ds})
               for key, s in spans.items()}
    winner = min(found, key=lambda d: (d.mod == "ON_OR_BEFORE", spans[_date_key(d)].level,
                                       -support[_date_key(d)], spans[_date_key(d)].start, _date_key(d)))
    won = spans[_date_key(winner)]
    return winner, [d for d in found if gap_days(spans[_date_key(d)], won) > 0]


def _date(first: int, length: int, granularity: str, mod, display: str) -> EventDate:
    start, end = DAY0 + dt.timedelta(days=first), DAY0 + dt.timedelta(days=first + length)
    return EventDate(value=f"{start}/{end}", mod=mod, start=start.isoformat(), end=end.isoformat(),
                     granularity=granularity, display=display)


DATES = st.builds(_date, st.integers(0, 40), st.sampled_from([0, 0, 0, 1, 6, 30]),
                  st.sampled_from(["day", "day", "week", "month"]),
                  st.sampled_from([None, None, None, "ON_OR_BEFORE", "AFTER", "BEFORE"]),
                  st.sampled_from(["a", "bb", "c"]))
DATED = st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3", "d4", "d5", "d6"]), DATES), max_size=30)


@settings(max_examples=400, deadline=None)
@given(DATED)
def test_the_same_winner_and_conflicts_as_counted_pair_by_pair(dated):
    assert choose_date(dated) == reference(dated)


def test_many_days_of_one_precision_are_not_paired_with_each_other(monkeypatch):
    """2,000 outlets, each its own day (and a month holding them): support counted per document,
    not date by date (4 million comparisons)."""
    calls = []
    real = dates.gap_days
    monkeypatch.setattr(dates, "gap_days", lambda a, b: calls.append(1) or real(a, b))
    dated = [(f"outlet{i}", _date(i % 1500, 0, "day", None, "Monday")) for i in range(2000)]
    dated += [(f"outlet{i}", _date(0, 30, "month", None, "August")) for i in range(0, 2000, 7)]
    chosen = choose_date(dated)
    counted = len(calls)
    assert chosen == reference(dated) and len(chosen[1]) > 1000
    assert counted < 10 * len(dated)
