"""Property tests: any text, any anchor -> no exception, valid TIMEX3 values, sane spans/intervals."""
import re
from datetime import date

from hypothesis import given, settings, strategies as st

from timeline.models import Document
from timeline.times import tag_document

VALUE = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF|(?:BC)?\d{2,3}|"
    r"(?:BC\d{4}|\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W(?:\d\d|XX)(?:-(?:WE|\d))?|-Q[1-4X]|"
    r"-H[12]|-(?:SP|SU|FA|WI))?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?|"
    r"P(?:[\dX.]+(?:Y|Q|M|WE|W|D))+(?:T(?:[\dX.]+[HMS])+)?|PT(?:[\dX.]+[HMS])+|XXXX-WXX-\d|XXXX-\d\d")

WORDS = ("the end of", "last", "next", "early", "mid-", "about", "more than", "two", "a", "years",
         "ago", "later", "week", "month", "year", "Monday", "Sunday", "May", "February", "1998",
         "2021", "Aug.", "2,", "15", "3 p.m.", "quarter", "third", "the", "1990s", "19th century",
         "now", "currently", "formerly", "spring", "night", "every", "daily", "Jan.", "'98",
         "BC", "480", "of", "in", "will", "said", "back", "this", ",", ".", "\n\n", "-", "/", "each",
         "per", "weekday", "hourly", "FY")
_WORD_CHAR = re.compile(r"\w", re.ASCII)


def _check(text, published, policy):
    doc = Document(id="p", published=published, text=text)
    for t in tag_document(doc, policy=policy):
        assert t.text == text[t.start:t.end]
        assert 0 <= t.start < t.end <= len(text)
        # whichever alternative of a rule matched, a time ends where a word does ("every weekday"
        # holds no "every week")
        assert not (_WORD_CHAR.match(text, t.end - 1) and _WORD_CHAR.match(text, t.end)), t.text
        assert VALUE.fullmatch(t.value), t.value
        if t.interval is not None:
            assert t.interval.start <= t.interval.end


anchors = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)).map(str))


@settings(max_examples=300, deadline=None)
@given(st.text(), anchors, st.sampled_from(["news", "narrative"]))
def test_any_text_any_anchor(text, published, policy):
    _check(text, published, policy)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join), anchors,
       st.sampled_from(["news", "narrative"]))
def test_time_like_text_any_anchor(text, published, policy):
    _check(text, published, policy)


def test_calendar_edges():
    text = ("last Sunday, yesterday, last week, next week, tomorrow, the 1990s, two years ago, "
            "in May, the third quarter, a decade later, next year, the end of 2021, Monday night")
    for published in ("0001-01-01", "0001-01-03", "9999-12-31", "9999-12-25", None):
        for policy in ("news", "narrative"):
            _check(text, published, policy)
