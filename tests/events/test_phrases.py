"""Status and type from the phrase, not the keyword (issue 14 item 5): a person put into an office,
a host awaiting a guest, plans told by an adjective, and quoted speech read for what it says."""
from __future__ import annotations

import pytest

from timeline.models import Document
from timeline.pipeline import extract_document

PUBLISHED = "2024-06-12"


def _events(text):
    return [(e.type, e.status, e.date.value if e.date else None)
            for e in extract_document(Document(id="d", text=text, published=PUBLISHED)).events]


@pytest.mark.parametrize("text, wanted", [
    # confirmed, sworn in, elected, named ... as / to an office: an appointment that occurred
    ("Parliament confirmed Ahmed Ali as prime minister on Tuesday.", ("APPOINTMENT_RESIGNATION", "occurred", "2024-06-11")),
    ("Ahmed Ali was sworn in as prime minister on Tuesday.", ("APPOINTMENT_RESIGNATION", "occurred", "2024-06-11")),
    ("Maria Lopez was elected president on Sunday.", ("APPOINTMENT_RESIGNATION", "occurred", "2024-06-09")),
    ("The board named Jane Doe chief executive on Monday.", ("APPOINTMENT_RESIGNATION", "occurred", "2024-06-10")),
    # a host awaiting a guest: a planned meeting
    ("The president looks forward to welcoming Prime Minister Kishida to the White House on July 26.",
     ("MEETING_TALKS", "planned", "2024-07-26")),
    ("The mayor will host the governor on Friday.", ("MEETING_TALKS", "planned", "2024-06-14")),
    ("The two leaders are due to meet in Geneva on June 20.", ("MEETING_TALKS", "planned", "2024-06-20")),
    ("The foreign ministers are scheduled to meet on Friday.", ("MEETING_TALKS", "planned", "2024-06-14")),
    # quoted speech is read: its words give the status
    ('He said: "We will attack the base on Friday and nobody will stop us."', ("ATTACK", "planned", "2024-06-14")),
    ('"Rebels attacked the convoy near the border on Monday," the spokesman said.', ("ATTACK", "claimed", "2024-06-10")),
    # the reporter's own statement of fact, and a report of someone's claim
    ("Rebels attacked the convoy on Monday.", ("ATTACK", "occurred", "2024-06-10")),
    ("The army claimed that rebels attacked the convoy on Monday.", ("ATTACK", "claimed", "2024-06-10")),
])
def test_status_and_type_from_the_phrase(text, wanted):
    assert wanted in _events(text), _events(text)


@pytest.mark.parametrize("text, wanted", [
    # reported speech, with or without "that", is the speaker's account
    ("Police said the gunmen killed three people on Monday.", ("ATTACK", "claimed")),
    ("Police said that the gunmen killed three people on Monday.", ("ATTACK", "claimed")),
    # a quote keeps the status of its own words: a threat's "will" is a plan
    ('"If they come, we will kill them all," the militia leader threatened on Monday.', ("DEATH_INJURY", "planned")),
    ('The commander said: "We will attack the base on Friday."', ("ATTACK", "planned")),
    # what someone threatens, vows or promises to do is still to come
    ("The militia threatened to attack the town next week.", ("ATTACK", "planned")),
    ("The rebels vowed to attack the capital next month.", ("ATTACK", "planned")),
    # ... with an adverbial between the verb and its infinitive
    ("The rebels threatened on Monday to attack the capital.", ("ATTACK", "planned")),
    # negation
    ("The army did not bomb the camp on Monday.", ("ATTACK", "negated")),
    ("No one was killed in the attack on Monday.", ("DEATH_INJURY", "negated")),
    ("Rebels never attacked the town on Monday.", ("ATTACK", "negated")),
    # a negative pronoun as the subject denies the clause
    ("Nobody was killed in the attack on Monday.", ("DEATH_INJURY", "negated")),
    ("None of the passengers was injured in the crash on Monday.", ("DEATH_INJURY", "negated")),
    # the conditional perfect tells what did not happen: no plan, though "would" is a future
    ("He would have been killed on Tuesday.", ("DEATH_INJURY", "hypothetical")),
    ("Dozens of passengers could have died on Monday.", ("DEATH_INJURY", "hypothetical")),
    # a plan announced with a date of its own stays a plan on that date
    ("The army announced on Monday that it will attack the town next week.", ("ATTACK", "planned")),
    # "May" the month is no modal
    ("Rebels attacked the town on 5 May.", ("ATTACK", "occurred")),
])
def test_status_from_the_words(text, wanted):
    assert wanted in [(t, s) for t, s, _ in _events(text)], _events(text)


@pytest.mark.parametrize("text, headline", [
    ('The commander said: "We will attack the base on Friday."', "We will attack the base"),
    ('"We attacked the convoy on Monday," the commander said.', "We attack the convoy"),
    # a quote inside the reporter's sentence stays in it
    ('The spokesman said the group "carried out the attack on the convoy on Monday".', "Spokesman says the group"),
])
def test_a_quoted_event_is_told_in_its_own_words(text, headline):
    events = extract_document(Document(id="d", text=text, published=PUBLISHED)).events
    assert any(e.headline.startswith(headline) for e in events), [e.headline for e in events]


@pytest.mark.parametrize("text, kind", [
    # a participle after a preposition is an adjective: the destruction is the quake's, told before
    ("Pictures taken on Wednesday showed the rubble of destroyed buildings.", "ATTACK"),
    ("Rescuers on Monday searched streets with damaged houses.", "ATTACK"),
    # figures released are published, in the passive too; prisoners released are freed
    ("The figures were released on Tuesday.", "ARREST_LEGAL"),
    # an event noun in capitals opening a name is the name's, no event
    ("Donations to the Disasters Emergency Committee rose on Monday.", "DISASTER_ACCIDENT"),
    ("Kirsty Young presented an appeal for the Disasters and Emergency Committee on Monday.", "DISASTER_ACCIDENT"),
    ("UN chief Ban Ki-moon said on Monday that aid was coming.", "SANCTION_POLICY"),
])
def test_a_word_describing_or_naming_is_no_event(text, kind):
    assert kind not in [t for t, _, _ in _events(text)], _events(text)


def test_prisoners_released_in_the_passive_are_still_freed():
    assert ("ARREST_LEGAL", "occurred") in [(t, s) for t, s, _ in _events("Ten prisoners were released on Tuesday.")]


def test_a_pending_event_is_no_mention_of_one_that_happened():
    """"the pending invasion" is still to come: not the attack told before, and no item undated."""
    events = _events("Jets bombed the camp on Monday. Officials said the raids were cover for a pending invasion.")
    assert events == [("ATTACK", "occurred", "2024-06-10")], events


@pytest.mark.parametrize("text", [
    "The foreign ministers are scheduled to meet on Friday.",
    "The foreign ministers are due to meet on Friday.",
    "The foreign ministers are set to meet on Friday.",
])
def test_a_semi_modal_is_no_happening_of_its_own(text):
    # "are scheduled to", "are due to", "are set to" tell when the meeting happens: one event
    assert _events(text) == [("MEETING_TALKS", "planned", "2024-06-14")]


@pytest.mark.parametrize("text, trigger", [
    ("The mayor promised to review all 40 bridges by the end of the year.", "review"),
    ("The minister vowed to rebuild the school next spring.", "rebuild"),
    ("The minister promised on Monday to resign by Friday.", "resign"),
    # no time of the act's own: the promise is the news, dated as news is written
    ("The mayor promised to repair the bridge.", "promised"),
])
def test_a_promise_with_a_time_of_its_own_is_told_by_its_infinitive(text, trigger):
    # "promised to review ... by the end of the year": the event is the review, the promise how it is told
    [event] = extract_document(Document(id="d", text=text, published=PUBLISHED)).events
    assert event.mentions[0].trigger == trigger, (event.type, event.type_rule)


@pytest.mark.parametrize("text", [
    "The island is regularly hit by hurricanes.",
    "Rebels usually attack convoys at night.",
    "The president has always denied the allegations.",
    # a time the happening recurs on ("every week", "on Saturdays")
    "Rebels attack the convoys every week.",
    "The programme was repeated on Sundays at 9 pm.",
])
def test_a_habit_is_told_undated_not_as_the_days_news(text):
    events = _events(text)
    assert events and all(date is None for _, _, date in events), events


def test_a_rate_is_no_habit():
    # "a day" is a SET of times too, but it measures the meals, not a recurring happening
    assert _events("The UN distributed 10 million meals on Monday, reaching 100,000 people a day.")[0][2] == "2024-06-10"


def test_one_happening_told_without_a_date_is_the_days_news():
    assert [date for _, _, date in _events("The island was hit by a hurricane.")] == [PUBLISHED]


def test_a_named_storm_is_its_event():
    assert ("DISASTER_ACCIDENT", "occurred") in [(t, s) for t, s, _ in _events("Hurricane Katrina struck New Orleans on Monday.")]


@pytest.mark.parametrize("text", [
    # a thing named after (or for) someone: no one put into an office
    "The council named the new bridge after its first engineer on Tuesday.",
    "The school was named for its first headteacher in 1921.",
    # the one police name as the suspect holds no office
    "Police named the chief suspect on Tuesday.",
])
def test_a_name_given_is_no_appointment(text):
    assert "APPOINTMENT_RESIGNATION" not in [t for t, _, _ in _events(text)], _events(text)
