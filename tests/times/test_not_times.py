"""Words near the rules' forms that are no time expression, or a shorter one (each rule's own
examples say what is)."""
import pytest

from timeline.models import Document
from timeline.times import tag_document


def _times(text):
    return [(t.text, t.value) for t in tag_document(Document(id="d", published="2021-08-02", text=text))]


@pytest.mark.parametrize("text, expected", [
    ("The car reached 60 miles per hour.", []),                                  # a rate, not "every hour"
    ("It became the beginning of Year One of the calendar.", []),                # an era's name
    ("The line is staffed 24 hours a day.", [("24 hours", "PT24H")]),           # a rate, no compound duration
    ("It fell 10:35 a.m. (1935 GMT) on Friday.", [("10:35 a.m.", "2021-07-30T10:35"), ("Friday", "2021-07-30")]),
    ("The plane was flying at 1500 feet.", []),                                  # a height, not a clock time
    ("The index closed at 1050 points.", []),
    ("1918 Spanish flu killed millions.", [("1918", "1918")]),                   # one such line: a year
    ("1918 Spanish flu killed millions.\n1957 Asian flu followed.", [("1918", "1918"), ("1957", "1957")]),
    ("1917\n\nRevolts.\n\n1918\n\nWar.\n\n1919\n\nPeace.", [("1917", "1917"), ("1918", "1918"), ("1919", "1919")]),
])
def test_no_time_expression_beyond(text, expected):
    assert _times(text) == expected
