"""Every type of the bundled taxonomy shows what it covers by examples ("sentence => TYPE status
date"), and each example is run: the sentence, published on EXAMPLES_PUBLISHED, gives that event."""
from __future__ import annotations

import tomllib

import pytest

from timeline.events.taxonomy import DEFAULT
from timeline.models import Document
from timeline.pipeline import extract_document

EXAMPLES_PUBLISHED = "2024-06-12"
TYPES = tomllib.loads(DEFAULT.read_text(encoding="utf-8"))["types"]
EXAMPLES = [(kind, example) for kind, spec in TYPES.items() for example in spec.get("examples", [])]


def test_every_type_has_an_example():
    assert [kind for kind, spec in TYPES.items() if not spec.get("examples")] == []


@pytest.mark.parametrize("kind, example", EXAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EXAMPLES)])
def test_example(kind, example):
    sentence, wanted = example.rsplit(" => ", 1)
    type_, status, date = wanted.split()
    assert type_ == kind, "an example of its own type"
    events = extract_document(Document(id="d", text=sentence, published=EXAMPLES_PUBLISHED)).events
    found = [(e.type, e.status, e.date.value if e.date else "-") for e in events]
    assert (type_, status, date) in found, found
