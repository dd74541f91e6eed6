"""Earnings reports compare a quarter with the same quarter a year back, however they name it."""
import pytest

from timeline.models import Document
from timeline.times import tag_document


def _times(text: str, published: str = "1989-11-01") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_document(Document(id="d", text=text, published=published))]


@pytest.mark.parametrize("text, expected", [
    ("It lost $8.1 million for the third quarter ended Sept. 30, against a profit of $1.8 million "
     "for the corresponding period last year.",
     [("the third quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"), ("the corresponding period last year", "1988-Q3")]),
    ("U.K. sales for last year's quarter were about $3 million.", [("last year's quarter", "1988-Q3")]),
    ("For the quarter a year ago, Columbia reported earnings of $16.3 million.",
     [("the quarter a year ago", "1988-Q3")]),
    ("Kirschner earned $376,000 on revenue of $14.5 million in the 1988 quarter.", [("the 1988 quarter", "1988-Q3")]),
    ("Profit rose in the second quarter. In the 1988 period, the company earned $20.6 million.",
     [("the second quarter", "1989-Q2"), ("the 1988 period", "1988-Q2")]),
    # a bare year period names no quarter without one just told
    ("In the 1988 period, the company earned $20.6 million.", [("the 1988 period", "1988")]),
])
def test_a_quarter_a_year_back(text, expected):
    assert _times(text) == expected


def test_quarter_to_quarter_is_no_time():
    assert _times("The quarter-to-quarter comparison was also enhanced by charges.") == []


@pytest.mark.parametrize("text, value", [
    ("In the quarter ended July 31, Jayark had 5.6 million shares outstanding.", "1989-Q2"),
    ("For the quarter ended Sept. 30, Delta posted net income of $133.1 million.", "1989-Q3"),
])
def test_a_quarter_ended_on_a_day_is_the_calendar_quarter_holding_most_of_it(text, value):
    assert _times(text, "1989-10-30")[0] == ("the quarter", value)
