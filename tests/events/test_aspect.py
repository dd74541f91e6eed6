"""The progressive aspect and a reporting clause after what it reports, as data
(timeline/lang/en/events.toml [status]): each example sentence, published on 2024-06-12, gives one
event of the status written after it."""
from __future__ import annotations

import pytest

from timeline.events.status import progressive_auxiliary
from timeline.lang import load
from timeline.models import Document
from timeline.pipeline import extract_document

PUBLISHED = "2024-06-12"
EXAMPLES = load("en", "events.toml")["status"]["progressive_examples"]
ATTRIBUTIONS = load("en", "events.toml")["status"]["attribution_examples"]
QUESTIONS = load("en", "events.toml")["status"]["question_examples"]


@pytest.mark.parametrize("example", EXAMPLES)
def test_progressive_example(example):
    sentence, status = example.rsplit(" => ", 1)
    events = extract_document(Document(id="d", text=sentence, published=PUBLISHED)).events
    assert [e.status for e in events] == [status], [(e.headline, e.status, e.status_rule) for e in events]


@pytest.mark.parametrize("example", ATTRIBUTIONS)
def test_attribution_example(example):
    # a reporting clause after what it reports ("..., officials said") makes it the speaker's account
    sentence, status = example.rsplit(" => ", 1)
    events = extract_document(Document(id="d", text=sentence, published=PUBLISHED)).events
    assert [e.status for e in events] == [status], [(e.headline, e.status, e.status_rule) for e in events]


@pytest.mark.parametrize("example", QUESTIONS)
def test_question_example(example):
    # a yes/no question asserts nothing; a wh-question presupposes what it asks about
    sentence, status = example.rsplit(" => ", 1)
    events = extract_document(Document(id="d", text=sentence, published=PUBLISHED)).events
    assert [e.status for e in events] == [status], [(e.headline, e.status, e.status_rule) for e in events]


def test_a_question_headline_asks_it():
    # told as the question it is, not as "Army shells the town"
    [event] = extract_document(Document(id="d", text="Did the army shell the town on Tuesday?", published=PUBLISHED)).events
    assert event.headline == "Did the army shell the town?"


@pytest.mark.parametrize("before, aux", [
    ("Rebels have been ", "have been"),
    ("They've been ", "'ve been"),
    ("The army has reportedly been ", "has been"),
    ("Protesters are still ", "are"),
    ("Rebels were ", None),          # the past progressive: under way at a moment now over
    ("Rebels have ", None),
    ("after ", None),
])
def test_progressive_auxiliary_skips_adverbs_inside_the_verb_group(before, aux):
    assert progressive_auxiliary(before) == aux
