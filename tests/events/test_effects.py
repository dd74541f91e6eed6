"""Damage and destruction take the kind of happening that did them (taxonomy.toml [cues]
effect_words, effect_causes): the one their sentence tells, else the one their document tells most."""
from __future__ import annotations

import pytest

from timeline.models import Document
from timeline.pipeline import extract_document


def _type_of(text: str, trigger: str) -> str:
    events = extract_document(Document(id="d", text=text, published="2024-06-12")).events
    return next(e.type for e in events for m in e.mentions if m.trigger.lower() == trigger)


@pytest.mark.parametrize("text, trigger, kind", [
    # the cause in the sentence
    ("Buildings were destroyed by the earthquake on Monday.", "destroyed", "DISASTER_ACCIDENT"),
    # none in the sentence: the document's
    ("A strong earthquake shook the region on Monday. Thousands of homes were destroyed on Tuesday.",
     "destroyed", "DISASTER_ACCIDENT"),
    ("Rebels shelled the town on Monday. Thousands of homes were destroyed on Tuesday.", "destroyed", "ATTACK"),
])
def test_damage_is_of_the_kind_that_did_it(text, trigger, kind):
    assert _type_of(text, trigger) == kind


def test_damage_told_of_no_cause_keeps_its_own_type():
    assert _type_of("Thousands of homes were destroyed on Tuesday.", "destroyed") == "ATTACK"
