"""Narrative anchoring: the story's time moves with the dates it tells, not with its asides."""
import pytest

from timeline.models import Document
from timeline.times import tag_document


def _values(text):
    return [(t.text, t.value) for t in tag_document(Document(id="n", text=text, published=None),
                                                     policy="narrative")]


def test_a_year_a_generation_away_is_an_aside():
    text = ("In August 1920 the cavalry was defeated at Komarow, the largest cavalry battle since "
            "1813. On 5 October the delegations met.")
    assert _values(text) == [("August 1920", "1920-08"), ("1813", "1813"), ("5 October", "1920-10-05")]


@pytest.mark.parametrize("text, last", [
    # a near year moves the story
    ("In 1919 the front held. In 1921 the treaty was signed. On 18 March the war ended.", ("18 March", "1921-03-18")),
    # a year a plan looks ahead to, or one looked back to with "since", does not
    ("On 10 March 1975 the offensive began, exposing the coast for a campaign planned for 1976. "
     "The town fell on 11 March.", ("11 March", "1975-03-11")),
    ("On February 21, 2008 Turkey launched a ground attack, the first incursion since 1995. "
     "Turkish troops withdrew on February 29.", ("February 29", "2008-02-29")),
])
def test_the_story_moves_with_the_years_it_tells_not_those_it_looks_to(text, last):
    assert _values(text)[-1] == last


def test_some_units_from_a_day_do_not_blur_the_day_told():
    # "months before that" is some month of 1861; "the next day" still follows 12 April
    text = ("The fort was fired on on 12 April 1861. For months before that, governors had readied "
            "their militias; they began to move forces the next day.")
    assert _values(text) == [("12 April 1861", "1861-04-12"), ("months before that", "1861-XX"),
                             ("the next day", "1861-04-13")]


def test_some_units_later_keep_the_known_part_of_the_day_told():
    from timeline.times.calendar import interval
    [told, later] = tag_document(Document(id="n", text="The camp was bombed on 10 November 2011. Days later, "
                                          "the refugees left.", published="2011-11-20"))
    assert (later.text, later.value) == ("Days later", "2011-11-XX")
    # an unknown day of a known month is somewhere in that month, an unknown week in that year
    assert (later.interval.start, later.interval.end, later.interval.granularity) == \
        ("2011-11-01", "2011-11-30", "month")
    assert interval("1792-WXX").granularity == "year"
    assert interval("XXXX-XX") is None


def test_a_speakers_years_ago_does_not_move_the_story():
    text = ("On 21 April 1975 Thieu resigned, saying the United States had forced him into signing the "
            "agreement two years ago. He left for Taiwan on 25 April.")
    assert _values(text) == [("21 April 1975", "1975-04-21"), ("two years ago", "1973"),
                             ("25 April", "1975-04-25")]
