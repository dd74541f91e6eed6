"""No dated happening lost: a dated clause with a finite verb is an event (OTHER when no trigger
word types it); an event with no date of its own is dated as news is written."""
import pytest

from timeline.events.finite import irregular_past
from timeline.models import Document
from timeline.pipeline import extract_document


def events(text, published="2021-08-02"):
    return extract_document(Document(id="d", text=text, published=published)).events


@pytest.mark.parametrize("text, type_, status, display", [
    # published 2021-08-02: a month its own future verb governs lies ahead; an act of no type of
    # its own, planned for a date, is a scheduled event (PLAN_DEADLINE)
    ("Construction will begin in July.", "PLAN_DEADLINE", "planned", "July 2022"),
    ("Construction will begin in September.", "PLAN_DEADLINE", "planned", "September 2021"),
    # typed by its verb: a business opening its premises (senses.toml)
    ("The company will open a new factory next spring.", "BUSINESS_ECONOMY", "planned", "spring 2022"),
    ("The plant opened in 1998.", "OTHER", "occurred", "1998"),
    ("The mayor promised to review all 40 bridges by the end of the year.", "PLAN_DEADLINE", "planned", None),
])
def test_a_dated_clause_is_an_event(text, type_, status, display):
    [e] = events(text)
    assert (e.type, e.status) == (type_, status)
    assert e.date is not None
    if display:
        assert e.date.display == display


@pytest.mark.parametrize("text, wanted", [
    # "and" before a finite auxiliary: a second predicate of the same subject, with its own time
    ("Construction will begin in July and is expected to finish next year.",
     [("PLAN_DEADLINE", "planned", "July 2022", "Construction will begin"),
      ("PLAN_DEADLINE", "planned", "2022", "Construction is expected to finish")]),
    ("The company opened a plant in 1998 and will close it in 2025.",
     [("BUSINESS_ECONOMY", "occurred", "1998", "Company opens a plant"),
      ("PLAN_DEADLINE", "planned", "2025", "Company will close it")]),
    # a reported clause stays reported in its second predicate
    ("Police said the gunmen killed three people on Monday and were arrested on Tuesday.",
     [("ATTACK", "claimed", "2 August 2021", "Gunmen kill three people"),
      ("ARREST_LEGAL", "claimed", "27 July 2021", "Gunmen arrested")]),
])
def test_a_second_predicate_is_an_event_of_its_own(text, wanted):
    assert [(e.type, e.status, e.date.display, e.headline) for e in events(text)] == wanted


def test_a_clause_without_a_date_or_a_verb_is_none():
    assert events("The bridge is old.") == []
    assert events("In July, the old bridge.") == []
    # being is no happening, nor an article after a modal
    assert events("This was at 10.15 am on Monday.") == []
    assert events("They are in a much better position this year.") == []
    assert events("It would be a slightly longer period this year.") == []


@pytest.mark.parametrize("text, start, granularity, tense", [
    ("Police arrested two men near the border.", "2021-08-01", "week", "past"),
    ("Two men have been charged with the murder.", "2021-07-26", "week", "perfect"),
])
def test_news_date_window_ends_on_publication(text, start, granularity, tense):
    [e] = events(text)
    assert (e.date.start, e.date.end, e.date.granularity, e.date.mod) == (start, "2021-08-02", granularity, "ON_OR_BEFORE")
    rule = e.mentions[0].date_rule
    assert rule.startswith(f"news date ({tense} tense")
    assert e.date.start != e.date.end      # a window, never drawn as one sharp day


@pytest.mark.parametrize("text", [
    "Police had arrested two men before the vote.",       # past perfect: before the story's own time
    "Police will arrest the men.",                        # a plan
    "Police did not arrest anyone.",                      # negated
])
def test_no_news_date_where_tense_or_context_forbids(text):
    assert all(e.date is None or not (e.mentions[0].date_rule or "").startswith("news date") for e in events(text))


def test_no_publication_date_keeps_the_event_undated():
    [e] = events("Police arrested two men near the border.", published=None)
    assert e.date is None
    assert "no publication date" in e.mentions[0].date_rule


def test_a_date_the_text_gives_wins_over_a_news_date_when_merged():
    from timeline.merge.dates import choose_date
    from timeline.models import EventDate

    news = EventDate(value="2021-08-02", mod="ON_OR_BEFORE", start="2021-08-01", end="2021-08-02",
                     granularity="week", display="on or just before 2 August 2021")
    month = EventDate(value="2021-07", start="2021-07-01", end="2021-07-31", granularity="month", display="July 2021")
    assert choose_date([("a", news), ("b", month)])[0] == month


def test_irregular_past_forms():
    pasts = irregular_past()
    assert {"began", "held", "won", "fought"} <= pasts
    assert not any(p.endswith("ed") for p in pasts)
