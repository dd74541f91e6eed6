"""A corpus merged from a spool (timeline/merge/spool.py) prints the bytes the timelines merged in
memory print: over generated worlds, on the samples, and when the shortcut must give way."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from timeline.jsonout import write_json
from timeline.merge.spool import SpooledMerge
from timeline.models import Timeline
from timeline.pipeline import extract, extract_document, extract_spooled, merge_documents
from timeline.read import read_inputs
from timeline.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from test_properties import worlds  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_helpers import ROOT  # noqa: E402


def in_memory(timelines: list[Timeline], settings: Settings = Settings(), warnings=()) -> str:
    merged = merge_documents([tl.model_copy() for tl in timelines], settings)
    merged = merged.model_copy(update={"warnings": list(warnings) + merged.warnings})
    out = io.StringIO()
    write_json(merged, out, end="\n")
    return out.getvalue()


def spooled(timelines: list[Timeline], settings: Settings = Settings(), warnings=()) -> tuple[str, SpooledMerge]:
    spool = SpooledMerge()
    for tl in timelines:
        spool.add(tl)
    out = io.StringIO()
    try:
        spool.write(out, settings, list(warnings))
    finally:
        spool.close()
    return out.getvalue(), spool


@st.composite
def per_document(draw):
    """Each document of a world as its own timeline (as extraction gives them), in any order, its
    time expressions in any order; sometimes a document met twice (the shortcut gives way)."""
    world = draw(worlds())
    out = []
    for document, times, events in world:
        order = draw(st.permutations(range(len(times))))
        new = {old: n for n, old in enumerate(order)}
        events = [e.model_copy(update={"mentions": [
            m.model_copy(update={"time": None if m.time is None else new[m.time]}) for m in e.mentions]})
            for e in events]
        out.append(Timeline(title=draw(st.sampled_from(["A", "B"])), documents=[document],
                            events=events, time_expressions=[times[old] for old in order],
                            warnings=draw(st.lists(st.sampled_from(["w1", "w2"]), max_size=1))))
    out = draw(st.permutations(out))
    if draw(st.booleans()) and draw(st.booleans()):
        out.append(out[0])
    return out


@hsettings(max_examples=150, deadline=None)
@given(per_document())
def test_the_spool_prints_what_merging_in_memory_prints(timelines):
    text, spool = spooled(timelines, warnings=["read: a warning"])
    assert text == in_memory(timelines, warnings=["read: a warning"])
    assert spool.shortcut == (len({tl.documents[0].id for tl in timelines}) == len(timelines))


@pytest.fixture(scope="module")
def samples():
    return [extract_document(doc) for doc in read_inputs([str(ROOT / "samples")])]


@pytest.mark.parametrize("chosen", [
    {}, {"title": "Chosen"}, {"entity": "Iran"}, {"date_from": "2020-01-08"},
    {"date_from": "2020-01-01", "date_to": "2020-01-31"}])
def test_samples_spooled_as_merged(samples, chosen):
    settings = Settings(**chosen)
    text, spool = spooled(samples, settings)
    assert spool.shortcut
    assert text == in_memory(samples, settings)


def test_two_events_sharing_a_mention_stay_one(samples):
    """A mention two events of a document share holds them together (merge._same_event)."""
    tl = samples[0]
    first, second = tl.events[0], tl.events[1]
    shared = tl.model_copy(update={"events": [first, second.model_copy(update={
        "mentions": second.mentions + first.mentions[:1]}), *tl.events[2:]]})
    timelines = [shared, *samples[1:]]
    text, spool = spooled(timelines)
    assert spool.shortcut and text == in_memory(timelines)


def test_extract_spooled_writes_what_extract_returns():
    inputs = [str(ROOT / "samples")]
    expected = io.StringIO()
    write_json(extract(inputs), expected, end="\n")
    spool, warnings = extract_spooled(inputs)
    out = io.StringIO()
    try:
        tally, _ = spool.write(out, Settings(), warnings)
    finally:
        spool.close()
    assert out.getvalue() == expected.getvalue()
    assert tally.documents == 5 and tally.events == expected.getvalue().count('"salience_rule": "')


def test_one_timeline_is_merged_in_memory_not_spooled(samples):
    """One document alone (one text file) is held, not written to the spool and read back; a
    second one spools both. The bytes are those of merging in memory either way."""
    text, spool = spooled(samples[:1], warnings=["read: a warning"])
    assert len(spool._records) == 0
    assert text == in_memory(samples[:1], warnings=["read: a warning"])
    text, spool = spooled(samples[:2])
    assert len(spool._records) > 0 and spool.shortcut
    assert text == in_memory(samples[:2])
