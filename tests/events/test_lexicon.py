"""The broad trigger lexicon (lexicon.tsv, generated from Open English WordNet by
scripts/build_lexicon.py from lexicon_roots.toml): its data, its exclusions and its examples."""
import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

from timeline.events.taxonomy import DEFAULT, load_lexicon, load_taxonomy
from timeline.models import Document
from timeline.pipeline import extract_document

EVENTS = Path(DEFAULT).parent
ROOTS = tomllib.loads((EVENTS / "lexicon_roots.toml").read_text(encoding="utf-8"))
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_lexicon.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_lexicon", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_line_has_a_type_of_ours_and_a_synset():
    types = set(load_taxonomy().priority)
    lines = [line.split("\t") for line in (EVENTS / "lexicon.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert len(lines) > 500
    for lemma, pos, type_, synset, forms in lines:
        assert pos in ("verb", "noun") and type_ in types
        assert re.fullmatch(r"\d{8}-[nv]", synset), synset
        assert lemma in forms.split("|") or pos == "verb"


def test_a_past_in_t_keeps_the_regular_past_beside_it():
    # OEWN gives "burnt down"; "burned down" is as much English
    forms = _script().verb_forms("burn down", ["burnt down"])
    assert {"burnt down", "burned down"} <= set(forms)
    assert "swore" in _script().verb_forms("swear", ["swore", "sworn"])
    assert "sweared" not in _script().verb_forms("swear", ["swore", "sworn"])


def test_roots_name_types_of_ours():
    assert set(ROOTS["types"]) <= set(load_taxonomy().priority)


def test_excluded_words_are_not_in_the_lexicon():
    lexicon = load_lexicon(str(EVENTS / "lexicon.tsv"))
    lemmas = {t.lemma for t in lexicon.values()}
    for word in ROOTS["exclusions"]["words"]:
        assert word["example"], word
        if "forms" in word:         # only these forms are left out ("lies", "lying"; "lied" stays)
            assert not any(lexicon.get(f) and lexicon[f].lemma == word["lemma"] for f in word["forms"]), word
        else:
            assert word["lemma"] not in lemmas, word


@pytest.mark.parametrize("form, type_", [
    ("torched", "ATTACK"), ("lynched", "DEATH_INJURY"), ("besieged", "ATTACK"), ("massacred", "DEATH_INJURY"),
    ("indicted", "ARREST_LEGAL"), ("imprisoned", "ARREST_LEGAL"), ("abdicated", "APPOINTMENT_RESIGNATION"),
    ("referendum", "ELECTION_VOTE"), ("capitulated", "WITHDRAWAL_CONCESSION"), ("tsunami", "DISASTER_ACCIDENT"),
    ("sacked", "APPOINTMENT_RESIGNATION"), ("embargoes", "SANCTION_POLICY"),
    ("hanged", "DEATH_INJURY"), ("lied", "STATEMENT"), ("stabbed", "ATTACK"), ("bombarded", "ATTACK"),
    ("blaze", "DISASTER_ACCIDENT"), ("collided", "DISASTER_ACCIDENT"), ("deported", "SANCTION_POLICY"),
])
def test_lexicon_words_are_triggers(form, type_):
    trigger = load_taxonomy().words[form]
    assert trigger.type == type_


@pytest.mark.parametrize("form", ["hung", "hanging", "lies", "lying", "clash"])
def test_forms_and_words_left_out_are_no_lexicon_triggers(form):
    # "hung a flag", "lies in the north": the forms of other senses; "clash" shares collide's synset
    trigger = load_taxonomy().words.get(form)
    assert trigger is None or trigger.lemma not in ("hang", "lie", "collide"), trigger


def test_a_regular_sense_leaves_its_synsets_other_words_irregular():
    # hang%2:41:00 inflects regularly ("hanged"); "string up", of the same synset, keeps "strung up"
    assert load_taxonomy().words["strung up"].lemma == "string up"


@pytest.mark.parametrize("word", ["planes", "band"])
def test_a_taxonomy_verb_makes_only_its_english_forms(word):
    # "plan" + "es", "ban" + "d": aircraft and a group, no plan and no ban
    assert word not in load_taxonomy().words


def test_taxonomy_words_keep_their_type():
    # "storm" is a lexicon verb too (take by force); taxonomy.toml's own entry is kept
    assert load_taxonomy().words["storm"].source == ""


@pytest.mark.parametrize("sentence, type_", [
    ("Rebels torched a police station in the capital on Friday.", "ATTACK"),
    ("Two men were lynched in the market on Tuesday.", "DEATH_INJURY"),
    ("Gunmen intimidated voters at a polling station on Tuesday.", "DEMAND_THREAT_ACCUSE"),
    ("A collision between two lorries closed the motorway on Tuesday.", "DISASTER_ACCIDENT"),
    ("The minister reiterated his support for the army on Tuesday.", "STATEMENT"),
    ("A magnitude 6.1 tremor strikes west of the capital on Tuesday.", "DISASTER_ACCIDENT"),
])
def test_a_lexicon_word_makes_an_event_with_its_synset(sentence, type_):
    events = extract_document(Document(id="d", text=sentence, published="2021-08-02")).events
    assert [e.type for e in events] == [type_]
    assert "oewn:" in events[0].type_rule


@pytest.mark.parametrize("sentence, types", [
    ("She noted that the AIDS virus, which has now killed 25 million people, spread for years.",
     ["DEATH_INJURY"]),     # no aid
    ("THE ARMY ATTACKED THE TOWN ON TUESDAY.", ["ATTACK"]),         # a line in capitals reads as words
    ("The company completed its IPO on Tuesday.", ["BUSINESS_ECONOMY"]),
    # a verb with a capital inside a sentence is a name
    ("A man who had traveled via Shanghai tested positive on Monday.", ["OTHER"]),
    ("Police said Rob Walker was arrested on Monday.", ["ARREST_LEGAL"]),
])
def test_capitals_mark_acronyms_and_names(sentence, types):
    events = extract_document(Document(id="d", text=sentence, published="2021-08-02")).events
    assert [e.type for e in events] == types


@pytest.mark.parametrize("sentence, types", [
    ("The president announced measures to deal with the situation on Monday.", ["STATEMENT"]),   # to cope
    ("The two sides agreed to a deal on Monday.", ["AGREEMENT"]),
])
def test_a_nouns_verb_that_tells_another_thing_is_no_trigger(sentence, types):
    events = extract_document(Document(id="d", text=sentence, published="2021-08-02")).events
    assert [e.type for e in events] == types


def test_a_gerund_noun_after_a_noun_is_a_participle():
    events = extract_document(Document(id="d", text="There are about 2,500 troops in the region fighting the rebels.",
                                       published="2021-08-02")).events
    assert events == []


@pytest.mark.parametrize("lemma, forms", [
    ("ban", {"ban", "bans", "banned", "banning"}),
    ("torch", {"torch", "torches", "torched", "torching"}),
    ("bury", {"bury", "buries", "buried", "burying"}),
    ("swear in", {"swear in", "swears in", "swore in", "sworn in", "swearing in"}),
])
def test_verb_forms(lemma, forms):
    irregular = {"swear in": ["swore", "sworn"]}.get(lemma, [])
    assert forms <= set(_script().verb_forms(lemma, irregular))


def test_noun_forms():
    script = _script()
    assert script.noun_forms("air raid", []) == ["air raid", "air raids"]
    assert script.noun_forms("crash", []) == ["crash", "crashes"]
    assert script.noun_forms("casualty", []) == ["casualties", "casualty"]
