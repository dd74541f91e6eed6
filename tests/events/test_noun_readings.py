"""A verb trigger after a determiner is a noun or an adjective (noun_readings.tsv, generated from
Open English WordNet by scripts/build_noun_readings.py, and a past form's rule in triggers.py):
it names a happening only when its noun does."""
import re
from pathlib import Path

import pytest

from timeline.events.taxonomy import DEFAULT, load_taxonomy
from timeline.events import triggers
from timeline.events.triggers import sentence_triggers

READINGS = Path(DEFAULT).with_name("noun_readings.tsv")


def _triggers(sentence: str) -> set[str]:
    return {sentence[start:end].lower() for start, end, _ in sentence_triggers(sentence, load_taxonomy().path)}


def test_every_line_is_a_verb_form_with_its_senses():
    words = load_taxonomy().words
    lines = [line.split("\t") for line in READINGS.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert len(lines) > 100
    for form, reading, senses in lines:
        assert words[form].pos == "verb" and reading in ("noun", "adjective", "event"), form
        assert all(re.fullmatch(r"[a-z_'-]+%[1-5]:\d\d:\d\d:[\w-]*:[\w-]*", s) for s in senses.split()), senses


@pytest.mark.parametrize("sentence, word", [
    # a noun whose first senses are things, not acts or events
    ("He was pulled from the ruins of a hotel on Monday.", "ruins"),
    ("She was on the phone to a friend on Monday.", "phone"),
    ("Security is also an issue in the camps.", "issue"),
    ("The host country decides when the search ends.", "host"),
    ("People hugged as the list of victims was read out on Monday.", "list"),
    ("He bought 20 phones on Monday.", "phones"),
    # a past form is an adjective; standing for a noun, it names who it befell
    ("The injured were taken to hospital on Monday.", "injured"),
    ("Helicopters ferried the wounded to hospitals on Monday.", "wounded"),
    ("The country's stricken were left without aid.", "stricken"),
    # an -ing form that is only an adjective, before the word it modifies
    ("The devastating earthquake hit Haiti on Tuesday.", "devastating"),
    ("The invading army crossed the river on Monday.", "invading"),
])
def test_a_noun_or_adjective_that_names_no_happening_is_no_trigger(sentence, word):
    assert word not in _triggers(sentence)


@pytest.mark.parametrize("sentence, word", [
    # its noun names an act or event (among its first senses, or derived from the trigger's sense)
    ("He was killed in the collapse of the building on Monday.", "collapse"),
    ("The damage was severe.", "damage"),
    ("The surrender of the town was announced on Monday.", "surrender"),
    ("The torture of prisoners was reported in May.", "torture"),
    ("A shot was fired at the car on Monday.", "shot"),
    # a past form before its noun tells what befell it
    ("She survived in a collapsed building for four days.", "collapsed"),
    ("The family of a slain soldier spoke on Monday.", "slain"),
    # a gerund names its verb's act; a past form elsewhere is a verb
    ("The stabbing of a teenager shocked the town on Monday.", "stabbing"),
    ("The rioting spread to three cities on Monday.", "rioting"),
    ("Buildings that collapsed were poorly built.", "collapsed"),
    ("Almost 100 were rescued from flattened buildings so far.", "rescued"),
    ("Rebels ruined the harvest on Monday.", "ruined"),
    ("The city ruins its reputation.", "ruins"),
])
def test_a_verb_or_an_event_noun_stays_a_trigger(sentence, word):
    tax = load_taxonomy()
    lowered = [w.lower() for w in re.findall(r"[\w][\w'’-]*", sentence)]
    end = sentence.lower().index(word) + len(word)
    k = lowered.index(word)
    assert not triggers._names_no_event(sentence, lowered, k, word, end, tax.words[word], tax)
    assert word in _triggers(sentence)
