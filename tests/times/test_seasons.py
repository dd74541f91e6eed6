"""Winter Y is the winter its January is in (Dec Y-1 to Feb Y), in values, intervals and anchoring."""
import pytest

from timeline.models import Document
from timeline.times import tag_document
from timeline.times.calendar import interval


def _values(text, published, policy="news"):
    return [(t.text, t.value) for t in tag_document(Document(id="s", text=text, published=published),
                                                     policy=policy)]


def test_winter_interval_is_december_to_february():
    got = interval("1994-WI")
    assert (got.start, got.end) == ("1993-12-01", "1994-02-28")


@pytest.mark.parametrize("published, this, last, following", [
    ("2021-12-10", "2022-WI", "2021-WI", "2023-WI"),
    ("2021-02-10", "2021-WI", "2020-WI", "2022-WI"),
])
def test_shifted_winter_in_news(published, this, last, following):
    assert _values("this winter, last winter, next winter", published) == [
        ("this winter", this), ("last winter", last), ("next winter", following)]


def test_winter_ahead_of_an_autumn_in_a_narrative():
    text = "In December 1918 the line held. Over the winter they waited. On 20 December they attacked."
    assert _values(text, None, "narrative") == [
        ("December 1918", "1918-12"), ("the winter", "1919-WI"), ("20 December", "1918-12-20")]


def test_this_season_is_this_years_whatever_the_tense():
    assert _values("Police said the march was banned this summer.", "1998-03-22") == [("this summer", "1998-SU")]
