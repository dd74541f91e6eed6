"""Any input gives a result or the tool's own TimelineError, never another exception.

Modest example counts keep the suite fast; scripts/fuzz.py runs the same properties much longer.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import strategies as S
from timeline.errors import TimelineError
from timeline.merge import merge_files, merge_timelines
from timeline.models import Document, Timeline
from timeline.pipeline import extract_document
from timeline.read.article import Article
from timeline.read.context import ReadContext
from timeline.read.html import read_html
from timeline.read.records import read_csv, read_json, read_jsonl
from timeline.read.text import read_text
from timeline.read.timeml import parse_timeml
from timeline.times import find_times, resolve, tag_document
from timeline.times.resolve import Policy

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "iraq-militia-2021-08-02.txt"


def _stream(data: bytes):
    return io.BufferedReader(io.BytesIO(data))


READERS = {
    "txt": (S.txt_files(), lambda d: list(read_text(d, "f.txt", "f.txt", ReadContext()))),
    "html": (S.html_files(), lambda d: list(read_html(d, "f.html", "f.html", ReadContext()))),
    "json": (S.json_files(), lambda d: list(read_json(d, "f.json", "f.json", ReadContext()))),
    "jsonl": (S.jsonl_files(), lambda d: list(read_jsonl(_stream(d), "f.jsonl", "f.jsonl", ReadContext()))),
    "csv": (S.csv_files(), lambda d: list(read_csv(_stream(d), "f.csv", "f.csv", ReadContext()))),
    "timeml": (S.timeml_files(), lambda d: [parse_timeml(d, "f.tml")]),
}


def only_clear_errors(call, *args):
    """The call's result, or None when it refused with a TimelineError (one line, names the input)."""
    try:
        return call(*args)
    except TimelineError as e:
        assert str(e) and "\n" not in str(e), repr(e)
        return None


@FAST
@given(text=S.text, published=S.published, policy=st.sampled_from(["news", "narrative"]))
def test_tag_document_gives_well_formed_times(text, published, policy):
    doc = Document(id="d", text=text, published=published)
    for t in tag_document(doc, policy=policy):
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text
        assert t.value


@FAST
@given(text=S.text, anchor=S.published, last=S.published,
       tense=st.sampled_from([None, "PAST", "PRESENT", "FUTURE"]),
       policy=st.sampled_from(["news", "narrative"]))
def test_resolve_any_found_time_against_any_anchor(text, anchor, last, tense, policy):
    for found in find_times(text):
        r = resolve(found, anchor, Policy(policy, tense, last))
        assert isinstance(r.value, str) and r.value


@FAST
@given(text=S.text, anchor=st.sampled_from(["0001-01-01", "9999-12-31", "0001-01-31", "9999-01-01"]))
def test_resolve_at_the_calendar_edges(text, anchor):
    doc = Document(id="d", text=text, published=anchor)
    for policy in ("news", "narrative"):
        tag_document(doc, policy=policy)


@pytest.mark.parametrize("kind", sorted(READERS))
def test_reader_takes_any_bytes(kind):
    strategy, read = READERS[kind]

    @FAST
    @given(data=st.one_of(strategy, st.binary(max_size=200)))
    def check(data):
        docs = only_clear_errors(read, data)
        for doc in docs or []:
            if isinstance(doc, Article):  # the article readers: the whole pipeline must cope
                extract_document(doc.document())

    check()


@pytest.fixture(scope="module")
def saved_timeline() -> dict:
    text = SEED.read_text(encoding="utf-8")
    tl = extract_document(Document(id="seed.txt", text=text[:3000], published="2021-08-02"))
    return json.loads(tl.model_dump_json())


def test_merge_takes_any_saved_json(tmp_path, saved_timeline):
    @FAST
    @given(first=st.one_of(S.mutated_timelines(saved_timeline), S.json_values.map(json.dumps)),
           second=S.mutated_timelines(saved_timeline))
    def check(first, second):
        a, b = tmp_path / "a.json", tmp_path / "b.json"
        a.write_text(first, encoding="utf-8", errors="surrogatepass")
        b.write_text(second, encoding="utf-8", errors="surrogatepass")
        only_clear_errors(merge_files, [str(a), str(b)])

    check()


def test_merge_of_valid_but_odd_timelines(saved_timeline):
    """Values the schema lets through (any string as a date, any index) must not crash merging."""
    @FAST
    @given(first=S.mutated_timelines(saved_timeline), second=S.mutated_timelines(saved_timeline))
    def check(first, second):
        try:
            timelines = [Timeline.model_validate_json(first), Timeline.model_validate_json(second)]
        except ValueError:
            return
        only_clear_errors(merge_timelines, timelines)

    check()
