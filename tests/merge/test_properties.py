"""Merging is order independent, idempotent and loses nothing: properties over generated timelines.

A generated world has a few documents, each with its time expressions and events drawn from a
small pool of types, dates, actors and words (so that many pairs merge); timelines hold whole
documents, their time expressions listed in any order.
"""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from timeline.merge import merge_timelines
from timeline.merge.synthetic import day, month
from timeline.models import Document, Event, Mention, TimeExpression, Timeline

TYPES = ["ATTACK", "ATTACK", "DEATH_INJURY", "MEETING_TALKS", "AGREEMENT"]
STATUSES = ["occurred", "occurred", "claimed", "negated"]
ACTORS = ["Iran", "Iranian forces", "U.S.", "US", "al-Shabaab", "Shabaab", "Marines", "Marine"]
WORDS = ["missile", "missiles", "attack", "camp", "base", "bombing", "bombed",
         "correction"]                                   # a correction joins what dates would part
DATES = [day("2020-01-07"), day("2020-01-08"), day("2020-01-08", "Jan. 8"), day("2020-01-09"),
         day("2020-01-15"), month("2020-01"), None]


@st.composite
def documents(draw, doc_id: str):
    """One document: its text, time expressions and events (mentions pointing at the times)."""
    n_times = draw(st.integers(0, 3))
    times = [TimeExpression(document=doc_id, text="Jan", start=10 * i, end=10 * i + 3, type="DATE",
                            value=f"2020-01-0{i + 1}", rule="t") for i in range(n_times)]
    events = []
    for n in range(draw(st.integers(0, 4))):
        start = 100 + 50 * n
        date = draw(st.sampled_from(DATES))
        time = draw(st.one_of(st.none(), st.integers(0, n_times - 1))) if n_times else None
        words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4))
        mention = Mention(document=doc_id, start=start, end=start + 40, sentence=" ".join(words),
                          trigger=words[0], trigger_start=start, trigger_end=start + len(words[0]),
                          time=time, date=date)
        events.append(Event(
            id=f"{doc_id}-e{n}", type=draw(st.sampled_from(TYPES)),
            status=draw(st.sampled_from(STATUSES)), headline=" ".join(words), date=date,
            mentions=[mention], actors=draw(st.lists(st.sampled_from(ACTORS), min_size=1, max_size=2, unique=True)),
            confidence=draw(st.sampled_from([0.3, 0.5, 0.9]))))
    document = Document(id=doc_id, title=doc_id, published="2020-01-10", text="x" * 400)
    return document, times, events


@st.composite
def worlds(draw):
    return [draw(documents(f"d{i}")) for i in range(draw(st.integers(1, 4)))]


@st.composite
def timelines_of(draw, world):
    """A timeline holding some of the world's documents, its time expressions in any order."""
    chosen = draw(st.lists(st.sampled_from(range(len(world))), min_size=1, max_size=len(world),
                           unique=True))
    times, events, docs = [], [], []
    for k in chosen:
        document, doc_times, doc_events = world[k]
        offset = len(times)
        times.extend(doc_times)
        docs.append(document)
        for e in doc_events:
            mentions = [m.model_copy(update={"time": None if m.time is None else m.time + offset})
                        for m in e.mentions]
            events.append(e.model_copy(update={"mentions": mentions}))
    order = draw(st.permutations(range(len(times))))
    new_index = {old: new for new, old in enumerate(order)}
    times = [times[old] for old in order]
    events = [e.model_copy(update={"mentions": [
        m.model_copy(update={"time": None if m.time is None else new_index[m.time]})
        for m in e.mentions]}) for e in draw(st.permutations(events))]
    title = draw(st.sampled_from(["A", "B"]))
    return Timeline(title=title, documents=docs, events=events, time_expressions=times)


@st.composite
def three_timelines(draw):
    world = draw(worlds())
    return [draw(timelines_of(world)) for _ in range(3)]


def _attack(doc_id: str, n: int, date: str, actors: list[str]) -> Event:
    start = 100 + 50 * n
    mention = Mention(document=doc_id, start=start, end=start + 40, sentence="missile missile",
                      trigger="missile", trigger_start=start, trigger_end=start + 7, date=day(date))
    return Event(id=f"{doc_id}-e{n}", type="ATTACK", status="occurred", headline="missile missile",
                 date=day(date), mentions=[mention], actors=actors, confidence=0.3)


def _timeline(events: list[Event]) -> Timeline:
    ids = sorted({e.mentions[0].document for e in events})
    return Timeline(title="A", events=events, documents=[
        Document(id=d, title=d, published="2020-01-10", text="x" * 400) for d in ids])


# Issue 15's counterexample, shrunk: b + c alone merge d2's two attacks through d3's (which names
# both actors); all at once, d2's al-Shabaab attack goes with d1's instead. Merging a into (b + c)
# met d2-e3 again and held its mention by the merged event's first source, d2-e2, so it could not
# leave it: one event where merging all at once gives two.
_D2 = [_attack("d2", 2, "2020-01-08", ["Iran"]), _attack("d2", 3, "2020-01-08", ["al-Shabaab"])]
MET_AGAIN = [_timeline([_attack("d1", 0, "2020-01-09", ["al-Shabaab"]), *_D2]),
             _timeline([_attack("d3", 1, "2020-01-07", ["Iran", "al-Shabaab"])]),
             _timeline(_D2)]


PROPERTY = settings(max_examples=150, deadline=None)


@PROPERTY
@given(three_timelines())
def test_merge_is_commutative(tls):
    a, b, _ = tls
    assert merge_timelines([a, b]) == merge_timelines([b, a])


@PROPERTY
@given(three_timelines())
@example(MET_AGAIN)
def test_merge_is_associative(tls):
    a, b, c = tls
    all_at_once = merge_timelines([a, b, c])
    assert merge_timelines([merge_timelines([a, b]), c]) == all_at_once
    assert merge_timelines([a, merge_timelines([b, c])]) == all_at_once
    assert merge_timelines([merge_timelines([c, a]), b]) == all_at_once


@PROPERTY
@given(three_timelines())
def test_merge_is_idempotent(tls):
    a = tls[0]
    merged = merge_timelines([a])
    assert merge_timelines([merged]) == merged
    assert merge_timelines([merged, merged]) == merged
    assert merge_timelines([a, a]) == merged
    again = Timeline.model_validate_json(merged.model_dump_json())   # a saved timeline
    assert merge_timelines([again, a]) == merged


def _mentions(tl: Timeline) -> set:
    """Every mention with the time expression it points to (not its index)."""
    out = set()
    for e in tl.events:
        for m in e.mentions:
            time = tl.time_expressions[m.time].model_dump_json() if m.time is not None else None
            out.add((m.model_dump_json(exclude={"time"}), time))
    return out


def _sources(tl: Timeline) -> set:
    return {(s.document, s.event) for e in tl.events
            for s in (e.merged.sources if e.merged else [])} | \
           {(min(m.document for m in e.mentions), e.id) for e in tl.events if not e.merged}


@PROPERTY
@given(three_timelines())
def test_no_source_is_lost(tls):
    merged = merge_timelines(tls)
    for tl in tls:
        assert {d.id for d in tl.documents} <= {d.id for d in merged.documents}
        assert {t.model_dump_json() for t in tl.time_expressions} <= \
               {t.model_dump_json() for t in merged.time_expressions}
        assert _mentions(tl) <= _mentions(merged)
        assert _sources(tl) <= _sources(merged)
    assert len({t.model_dump_json() for t in merged.time_expressions}) == len(merged.time_expressions)
    assert len({d.id for d in merged.documents}) == len(merged.documents)


@PROPERTY
@given(three_timelines())
def test_merged_events_are_sorted_and_explained(tls):
    merged = merge_timelines(tls)
    starts = [(e.date is None or e.date.start is None, e.date.start if e.date else None)
              for e in merged.events]
    assert starts == sorted(starts, key=lambda k: (k[0], k[1] or ""))
    for e in merged.events:
        if e.merged:
            assert e.merged.reasons and 0.0 <= e.merged.score <= 1.0
            assert e.date_conflict == bool(e.conflicts)
        assert len({e.id for e in merged.events}) == len(merged.events)
