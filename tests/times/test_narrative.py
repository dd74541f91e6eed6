"""Narrative anchoring: the story's time moves with the dates it tells, not with its asides."""
from timeline.models import Document
from timeline.times import tag_document


def _values(text):
    return [(t.text, t.value) for t in tag_document(Document(id="n", text=text, published=None),
                                                     policy="narrative")]


def test_a_year_a_generation_away_is_an_aside():
    text = ("In August 1920 the cavalry was defeated at Komarow, the largest cavalry battle since "
            "1813. On 5 October the delegations met.")
    assert _values(text) == [("August 1920", "1920-08"), ("1813", "1813"), ("5 October", "1920-10-05")]


def test_a_near_year_moves_the_story():
    text = "In 1919 the front held. In 1921 the treaty was signed. On 18 March the war ended."
    assert _values(text)[-1] == ("18 March", "1921-03-18")
