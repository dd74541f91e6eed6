"""senses.toml: a trigger word whose type the words after it decide; its examples run here."""
import tomllib

import pytest

from timeline.events.finite import SOURCE as FINITE_SOURCE
from timeline.events.taxonomy import DEFAULT, load_taxonomy
from timeline.models import Document
from timeline.pipeline import extract_document

SENSES = tomllib.loads(DEFAULT.with_name("senses.toml").read_text(encoding="utf-8"))
EXAMPLES = [(word, *example.split(" => ")) for word, spec in SENSES["words"].items() for example in spec["examples"]]


def _of_word(trigger: str, word: str) -> bool:
    """Is the trigger a form of the word ("fought" of "fight")?"""
    info = load_taxonomy().words.get(trigger.lower())
    return trigger.lower().startswith(word[:4]) or info is not None and info.lemma == word


@pytest.mark.parametrize("word, sentence, wanted", EXAMPLES)
def test_sense_examples(word, sentence, wanted):
    events = extract_document(Document(id="d", text=sentence, published="2021-08-02")).events
    # NONE: no trigger there; a clause with none may still be a happening by its finite verb
    at_word = [e.type for e in events for m in e.mentions if _of_word(m.trigger, word)
               and FINITE_SOURCE not in e.type_rule]
    assert at_word == ([] if wanted == "NONE" else [wanted]), (sentence, [(e.type, e.type_rule) for e in events])
