"""A clause may tell more than its head event (types.py `_further`): each further trigger is a
candidate of its own, a mention of the head's event when it is of the head's kind or the verb of a
head noun, an event of its own otherwise, and no timeline item when it names an aim."""
from __future__ import annotations

from timeline.models import Document
from timeline.pipeline import extract_document

PUBLISHED = "2024-06-12"


def _events(text: str):
    return extract_document(Document(id="d", text=text, published=PUBLISHED)).events


def _triggers(event) -> list[str]:
    return [m.trigger for m in event.mentions]


def test_a_noun_of_the_heads_kind_is_a_mention_of_its_event():
    events = _events("Three soldiers were killed in clashes with rebels on Monday.")
    assert len(events) == 1
    assert _triggers(events[0]) == ["killed", "clashes"]


def test_the_verb_of_a_head_noun_is_a_mention_of_its_event():
    events = _events("Four bombs were dropped on the camp on Monday.")
    assert [e.type for e in events] == ["ATTACK"]
    assert "dropped" in _triggers(events[0])


def test_a_noun_of_another_kind_is_an_event_of_its_own_on_the_clauses_date():
    events = _events("Police arrested 40 people at a demonstration on Monday.")
    found = {(e.type, e.date.value if e.date else None) for e in events}
    assert found == {("ARREST_LEGAL", "2024-06-10"), ("PROTEST_UNREST", "2024-06-10")}
    protest = next(e for e in events if e.type == "PROTEST_UNREST")
    assert protest.mentions[0].trigger == "demonstration" and "beside 'arrested'" in protest.type_rule


def test_an_infinitives_aim_is_no_timeline_item():
    events = _events("Parliament voted on Monday to expel the troops.")
    assert [e.type for e in events] == ["ELECTION_VOTE"]


def test_a_verb_before_a_head_noun_is_an_event_of_its_own():
    events = _events("Protesters demanded on Monday the arrest of the minister.")
    assert "DEMAND_THREAT_ACCUSE" in [e.type for e in events]


def test_a_subject_before_the_head_is_its_topic_not_a_new_event():
    events = _events("The accusations were used on Monday to justify the pending invasion of the South.")
    assert "DEMAND_THREAT_ACCUSE" not in [e.type for e in events]


def test_explain_names_why_a_further_trigger_is_no_event():
    from timeline.events.finder import analyse
    from timeline.text import split_sentences
    from timeline.times import tag_document

    document = Document(id="d", text="Parliament voted on Monday to expel the troops.", published=PUBLISHED)
    sentences = split_sentences(document.text)
    _, traces = analyse(document, sentences, tag_document(document, sentences, "news"))
    expel = next(c for t in traces for c in t.candidates if c.trigger == "expel")
    assert expel.status == "planned" and "aim of 'voted'" in expel.drop


def test_a_past_form_after_the_first_verb_describes_a_noun_unless_joined_to_it():
    described = _events("A mob lynched two men accused of theft on Tuesday.")
    assert [e.type for e in described] == ["PROTEST_UNREST"]      # a mob's killing: a riot
    joined = _events("Police arrested the suspect on Tuesday and accused him of fraud.")
    assert {e.type for e in joined} == {"ARREST_LEGAL", "DEMAND_THREAT_ACCUSE"}


def test_what_the_head_is_about_is_no_event_of_its_clauses_date():
    events = _events("Two men were charged with the murder on Monday.")
    assert [(e.type, e.date.value) for e in events] == [("ARREST_LEGAL", "2024-06-10")]


def test_what_the_head_is_about_joins_the_event_told_before():
    events = _events("A man was murdered in Leeds on Friday. Two men were charged with the murder on Monday.")
    murder = next(e for e in events if e.type == "DEATH_INJURY")
    assert [m.trigger for m in murder.mentions] == ["murdered", "murder"]
    assert murder.date.value == "2024-06-07"


def test_a_mention_keeps_the_kind_its_own_word_names():
    # "killing" tells the attack's deaths: a mention of the attack that names a death of its own;
    # the attack's own words name nothing else (trigger_type null: the event's type)
    [attack] = _events("A suicide bomber attacked a market in Kabul on Monday, killing 12 people.")
    assert attack.type == "ATTACK"
    assert [(m.trigger, m.trigger_type) for m in attack.mentions] == [("attacked", None), ("killing", "DEATH_INJURY")]


def test_what_an_implicative_verb_governs_happened():
    # "forcing the minister to resign": he resigned (an event of its own, at the clause's time);
    # "trying to", "wanting to" name an aim
    events = _events("The protesters stormed the building on Monday, forcing the minister to resign.")
    assert ("APPOINTMENT_RESIGNATION", "occurred", "2024-06-10") in [(e.type, e.status, e.date.value) for e in events]
    aimed = _events("The protesters stormed the building on Monday, urging the minister to resign.")
    assert ("APPOINTMENT_RESIGNATION", "occurred") not in [(e.type, e.status) for e in aimed]
