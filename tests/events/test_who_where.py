"""Who acted (actors) and where (places), from the clause's names and the words around them."""
from __future__ import annotations

import pytest

from timeline.events.describe import who_and_where
from timeline.events.taxonomy import load_taxonomy

CASES = [
    # clause, actors it must hold, places it must hold
    ("Trump administration kills PMF leader Abu Mahdi al-Muhandis with a drone strike in Baghdad",
     ["Trump administration", "Abu Mahdi al-Muhandis"], ["Baghdad"]),
    ("Missile attack by Iran on Al Asad Air Base", ["Iran"], ["Al Asad Air Base"]),
    ("Fire destroyed a house on Elm Street", [], ["Elm Street"]),
    ("Militants attacked the village of Guffa in Helmand province", [], ["Guffa", "Helmand province"]),
    ("Syrian President Bashar Al - Assad met officials at the United Nations",
     ["Syrian President Bashar Al-Assad", "United Nations"], []),
    ("Al-Shabaab fighters stormed a hotel in Mogadishu", ["Al-Shabaab fighters"], ["Mogadishu"]),
    ("ask its members -LRB- the Govt 's - not NGOs -RRB- to donate", ["the government", "NGOs"], []),
    ("the government said it would act", ["the government"], []),
    ("Iran attacked US bases in Iraq", ["Iran", "US"], ["Iraq"]),
    # an initialism keeps its full stop
    ("Iran launched missiles against U.S. military and coalition forces in Iraq",
     ["Iran", "U.S. military"], ["Iraq"]),
    ("Talks between the U.N. and Sudan", ["U.N.", "Sudan"], []),
    # names joined by "and" or a comma after a preposition of place are all places
    ("missiles targeted two bases at Al-Assad and Irbil", [], ["Al-Assad", "Irbil"]),
    ("Protests broke out in Basra, Najaf and Karbala", [], ["Basra", "Najaf", "Karbala"]),
    ("The shooting happened in an apartment on 58th Avenue, and Bladensburg police said",
     ["Bladensburg police"], []),
    # a numeral is no name: "Thousands of Christians fled" names the Christians
    ("Thousands of Christians fled the town", ["Christians"], []),
    ("Twenty died in the attack", [], []),
    # an event's word opening the sentence is no name
    ("Statement from the Secretary of Defense Jonathan Hoffman", ["Secretary of Defense Jonathan Hoffman"], []),
    # "to" inside a title that takes it; after any other name it ends the name
    ("Statement from Assistant to the Secretary of Defense Jonathan Hoffman",
     ["Assistant to the Secretary of Defense Jonathan Hoffman"], []),
    ("Ambassador to the United Nations Nikki Haley said", ["Ambassador to the United Nations Nikki Haley"], []),
    ("Trump to meet Putin", ["Trump", "Putin"], []),
    # an adjective of a state stands for the state, and is no place even after "in"
    ("no service members were killed in the Iranian attack on Al Asad Air base", ["Iran"],
     ["Al Asad Air base"]),
    ("in response to Iranian threats", ["Iran"], []),
    # one of a people keeps its word
    ("Kurdish fighters took the town", ["Kurdish fighters"], []),
]


@pytest.mark.parametrize("clause, actors, places", CASES)
def test_actors_and_places(clause, actors, places):
    found, where = who_and_where(clause, load_taxonomy())
    assert [a for a in actors if a not in found] == [], found
    assert [p for p in places if p not in where] == [], where
    assert not set(found) & set(where), (found, where)      # a name is one or the other
    fragments = {"Al", "Govt", "LRB-", "RRB-", "Assad", "U.S", "U.N", "Iranian", "Statement", "Twenty", "Thousands"} - set(actors)
    assert not fragments & set(found + where), (found, where)


def test_a_name_starts_at_a_word_start():
    # no "Phone" out of "iPhone": a brand's camel case is the name's own capital
    found, where = who_and_where("Apple unveiled the iPhone and the iTunes Music Store", load_taxonomy())
    assert found == ["Apple", "iPhone", "iTunes Music Store"], found


# a capitalised word opening a sentence, and what the document's own spelling says of it
CASING = [
    ("Symptoms include a fever. Most symptoms are mild.", "Symptoms", True),
    ("Here the schools closed. They may reopen here.", "Here", True),
    ("Steve Jobs spoke. Jobs said the jobs were safe.", "Jobs", False),     # capitalised within a sentence
    ("Officials said so. The officials left.", "Officials", False),          # an actor noun
    ("WHO said so. Who knows.", "WHO", False),                               # an acronym
    ("Mexico closed schools. The schools reopened.", "Mexico", False),        # never in lower case
]


@pytest.mark.parametrize("text, name, common", CASING)
def test_casing_tells_a_common_word_from_a_name(text, name, common):
    from timeline.events.describe import Casing

    assert Casing(text, frozenset({"officials"})).common(name) is common


def test_a_common_word_opening_the_clause_is_no_actor():
    from timeline.events.describe import Casing

    text = "Here the government closed all schools. They reopen here next week."
    found, _ = who_and_where("Here the government closed all schools", load_taxonomy(), Casing(text))
    assert found == ["the government"], found


def test_a_gerund_clause_takes_its_main_subject_only_when_that_is_a_name():
    # "after voting" has no subject of its own: the main clause's, which here opens the sentence
    # in capitals the document writes in lower case elsewhere: a common word, as in any clause
    from timeline.models import Document
    from timeline.pipeline import extract_document

    text = "Regions split off after voting for secession in January. Some regions stayed."
    vote = next(e for e in extract_document(Document(id="d", text=text, published="2024-06-12")).events
                if e.type == "ELECTION_VOTE")
    assert vote.actors == [], vote.actors


@pytest.mark.parametrize("clause, word", [
    ("Another game at the famous Azteca Stadium will be played", "Another"),
    ("Up to 10,000 US troops will be deployed", "Up"),
    ("Every hour counts for the survivors", "Every"),
    ("Even Mexico closed its schools", "Even Mexico"),
])
def test_a_closed_class_word_opening_the_sentence_is_no_actor(clause, word):
    assert word not in who_and_where(clause, load_taxonomy())[0]
