"""Salience, key events, periods: on hand-built timelines (no extraction)."""
from __future__ import annotations

import pytest

from timeline.errors import UsageError
from timeline.key import auto_count, key_events, load_weights, parse_key, period_bound, score_salience, within
from timeline.key.select import summary
from timeline.models import Document, Event, EventDate, MergeEvidence, MergeSource, Mention, TimeExpression, Timeline


def day(d: str) -> EventDate:
    return EventDate(value=d, start=d, end=d, granularity="day", display=d)


def year(y: str) -> EventDate:
    return EventDate(value=y, start=f"{y}-01-01", end=f"{y}-12-31", granularity="year", display=y)


def mention(doc: str, sentence: str, date: EventDate | None = None, time: int | None = None) -> Mention:
    return Mention(document=doc, start=0, end=len(sentence), sentence=sentence, trigger="x", trigger_start=0,
                   trigger_end=1, date=date, time=time)


def event(i: int, when: EventDate | None, docs=("a",), type_="ATTACK", status="occurred",
          headline=None, sentences=None) -> Event:
    sentences = sentences or [f"Event {i} happened." for _ in docs]
    return Event(id=f"e{i}", type=type_, status=status, headline=headline or f"Event {i} happened",
                 date=when, mentions=[mention(d, s) for d, s in zip(docs, sentences)])


def with_source(e: Event, headline: str, type_: str = "DISASTER_ACCIDENT", document: str = "d1") -> Event:
    """The event merged with one more source, of that headline."""
    return e.model_copy(update={"merged": MergeEvidence(score=1.0, sources=[
        MergeSource(event="x", document=document, type=type_, status="occurred", headline=headline)])})


def docs(n: int, published="2020-01-01", source=None) -> list[Document]:
    return [Document(id=f"d{k}", published=published, source=source, text="...") for k in range(n)]


def story(events, documents=None, times=()) -> Timeline:
    return Timeline(title="t", documents=documents or docs(6), events=events, time_expressions=list(times))


def salience_of(tl: Timeline) -> dict[str, float]:
    return {e.id: e.salience for e in score_salience(tl).events}


def test_every_event_gets_a_salience_in_0_1_and_a_rule():
    tl = score_salience(story([event(1, day("2020-01-01"), ("d0", "d1")), event(2, None), event(3, year("2019"))]))
    for e in tl.events:
        assert 0.0 <= e.salience <= 1.0
        assert e.salience_rule and "articles" in e.salience_rule


def test_more_articles_more_salient():
    s = salience_of(story([event(1, day("2020-01-01"), ("d0", "d1", "d2")), event(2, day("2020-01-02"), ("d3",))]))
    assert s["e1"] > s["e2"]


def test_what_happened_before_what_was_only_said_or_planned():
    s = salience_of(story([event(1, day("2020-01-01")), event(2, day("2020-01-02"), status="planned"),
                           event(3, day("2020-01-03"), status="negated")]))
    assert s["e1"] > s["e2"] > s["e3"]


def test_a_precise_date_before_a_vague_one_and_undated_last():
    s = salience_of(story([event(1, day("2020-01-01")), event(2, year("2020")), event(3, None)]))
    assert s["e1"] > s["e2"] > s["e3"] == 0.0


def test_deeds_before_words():
    s = salience_of(story([event(1, day("2020-01-01")), event(2, day("2020-01-02"), type_="STATEMENT")]))
    assert s["e1"] > s["e2"]


def test_later_articles_naming_its_day_raise_it():
    documents = docs(2, "2020-01-01") + [Document(id=f"l{k}", published="2020-02-01", text="...") for k in range(3)]
    times = [TimeExpression(document=f"l{k}", text="1 January", start=0, end=9, type="DATE", value="2020-01-02",
                            rule="test") for k in range(3)]
    s = salience_of(story([event(1, day("2020-01-01"), ("d0",)), event(2, day("2020-01-02"), ("d1",))],
                          documents, times))
    assert s["e2"] > s["e1"]


def test_outlets_count_only_when_the_story_has_several():
    documents = [Document(id="d0", source="A", published="2020-01-01", text="."),
                 Document(id="d1", source="A", published="2020-01-01", text="."),
                 Document(id="d2", source="B", published="2020-01-01", text="."),
                 Document(id="d3", source="B", published="2020-01-01", text=".")]
    s = salience_of(story([event(1, day("2020-01-01"), ("d0", "d2")), event(2, day("2020-01-02"), ("d0", "d1"))],
                          documents))
    assert s["e1"] > s["e2"]
    rule = score_salience(story([event(1, day("2020-01-01"))])).events[0].salience_rule
    assert "outlets" not in rule


def test_weights_are_data():
    w = load_weights()
    assert {"articles", "outlets", "later", "mentions"} <= set(w.evidence)
    assert w.status["occurred"] > w.status["planned"] and w.precision["day"] > w.precision["year"]


def test_key_keeps_n_events_on_distinct_days_in_timeline_order():
    events = [event(1, day("2020-01-01"), ("d0", "d1", "d2")), event(2, day("2020-01-01"), ("d3", "d4")),
              event(3, day("2020-01-02"), ("d5",)), event(4, day("2020-01-03"), ("d0", "d1")),
              event(5, day("2020-01-04"), ("d2",), status="hypothetical")]
    kept = key_events(score_salience(story(events)), 2).events
    assert [e.id for e in kept] == ["e1", "e4"]
    assert all(e.summary and e.evidence for e in kept)


def test_key_auto_grows_with_the_archive():
    assert 5 <= auto_count(story([], docs(3))) < auto_count(story([], docs(300))) <= load_weights().key["max"]


@pytest.mark.parametrize("own, source, type_", [
    # a reporting frame around a cut clause
    ("It said that the quake", "Earthquake strikes Haiti near the capital", "DISASTER_ACCIDENT"),
    # a relative clause leans on a noun the reader has not seen
    ("Where the boy died after his flight", "boy with swine flu dies in Texas", "DEATH_INJURY"),
    # a one-letter word other than 'A' or 'I' is a word cut off
    ("S earthquake was 7.0 in magnitude", "earthquake of magnitude 7.0 strikes Haiti", "DISASTER_ACCIDENT"),
    # a label over a section of a page ("Haiti earthquake: Your stories") tells no happening
    ("Haiti earthquake: Your stories", "Rescuers pull survivors from the rubble", "DISASTER_ACCIDENT"),
])
def test_summary_is_the_clearest_headline_among_the_sources(own, source, type_):
    e = event(1, day("2020-01-01"), headline=own)
    e = with_source(e, source, type_=type_)
    assert summary(e) == source


def test_summary_opens_on_a_subject_not_a_preposition():
    e = event(1, day("2020-01-01"), headline="Of a boy who visited Texas")
    e = with_source(e, "A boy visiting from Mexico dies of swine flu in Texas", type_="DEATH_INJURY")
    assert summary(e) == "A boy visiting from Mexico dies of swine flu in Texas"


def test_between_clear_headlines_the_one_saying_what_the_sentences_say():
    """A merged event gathers sources that do not all tell its story: the shorter headline loses to
    the one its sentences bear out."""
    e = event(1, day("2020-01-01"), ("d0", "d1", "d2"), headline="Radio station holds a phone-in", sentences=[
        "The World Health Organization raised its pandemic alert to level four on Monday .",
        "The WHO raised the pandemic alert level , a step towards declaring a pandemic .",
        "Listeners called a radio phone-in about the outbreak ."])
    e = with_source(e, "World Health Organization raises its pandemic alert level")
    assert summary(e) == "World Health Organization raises its pandemic alert level"


def test_summary_keeps_a_headline_opening_on_a():
    assert summary(event(2, day("2020-01-01"), headline="A strong earthquake strikes Haiti")) == \
        "A strong earthquake strikes Haiti"


def test_evidence_is_a_readable_sentence_saying_what_most_sources_say():
    e = event(1, day("2020-01-12"), ("d0", "d1", "d2", "d3"), sentences=[
        "It was terrible , he said .",
        "The minister , speaking in a long interview with reporters , praised the volunteers and donors .",
        "A strong earthquake struck Haiti on Tuesday near the capital , officials said .",
        "The earthquake that struck Haiti on Tuesday flattened much of the capital Port-au-Prince ."])
    kept = key_events(score_salience(story([e])), 1).events[0]
    assert kept.evidence.document in ("d2", "d3") and "earthquake" in kept.evidence.sentence


def test_a_summary_leaning_on_a_pronoun_gives_way_to_the_evidence_sentence():
    e = event(1, day("2009-04-27"), ("d0", "d1"), headline="He dies", sentences=[
        "A 23-month-old Mexican child has died of swine flu in Texas , officials said on Monday .",
        "A Mexican child has died of swine flu in Texas , the first death outside Mexico ."])
    kept = key_events(score_salience(story([e])), 1).events[0]
    assert kept.summary.startswith("A ") and "child" in kept.summary


def test_a_clear_summary_stays():
    e = event(1, day("2009-04-27"), ("d0",), headline="Mexican child dies of swine flu in Texas",
              sentences=["A Mexican child has died of swine flu in Texas , officials said on Monday ."])
    assert key_events(score_salience(story([e])), 1).events[0].summary == "Mexican child dies of swine flu in Texas"


@pytest.mark.parametrize("value,end,expected", [
    ("2011", False, "2011-01-01"), ("2011", True, "2011-12-31"), ("2012-02", True, "2012-02-29"),
    ("2011-03-04", True, "2011-03-04")])
def test_period_bounds(value, end, expected):
    assert period_bound(value, end, "--to") == expected


@pytest.mark.parametrize("value", ["2011-13", "2011-02-30", "yesterday", ""])
def test_period_bound_refuses_what_is_not_a_date(value):
    with pytest.raises(UsageError):
        period_bound(value, False, "--from")


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_key_refuses_what_is_not_a_count(value):
    with pytest.raises(UsageError):
        parse_key(value)


def test_a_period_may_be_one_month_but_not_end_before_it_starts():
    from timeline.key import period
    assert period("2021-05", "2021-05") == ("2021-05-01", "2021-05-31")
    assert period(None, "2011") == (None, "2011-12-31")
    with pytest.raises(UsageError, match="ends before it starts"):
        period("2012", "2011")


def test_within_keeps_events_wholly_inside_the_period():
    tl = story([event(1, day("2011-05-01")), event(2, year("2011")), event(3, day("2012-01-01")), event(4, None)])
    assert [e.id for e in within(tl, "2011-01-01", "2011-12-31").events] == ["e1", "e2"]
    assert [e.id for e in within(tl, "2011-06-01", None).events] == ["e3"]


def test_a_plan_that_later_articles_come_back_to_weighs_as_occurred():
    documents = docs(2, "2020-01-01") + [Document(id="l0", published="2020-03-01", text="...")]
    times = [TimeExpression(document="l0", text="2 February", start=0, end=10, type="DATE", value="2020-02-02",
                            rule="test")]
    tl = story([event(1, day("2020-02-01"), ("d0",), status="planned"),
                event(2, day("2020-02-02"), ("d1",), status="planned")], documents, times)
    s = salience_of(tl)
    assert s["e2"] > s["e1"]
    assert "planned 1" in score_salience(tl).events[1].salience_rule


def test_only_the_articles_giving_its_date_vouch_for_its_day():
    e = event(1, day("2020-01-01"), ("d0", "d1", "d2"))
    e.mentions[0] = e.mentions[0].model_copy(update={"date": day("2020-01-01")})
    rule = score_salience(story([e])).events[0].salience_rule
    assert rule.startswith("1 articles")


def named(doc: str, value: str) -> TimeExpression:
    return TimeExpression(document=doc, text=value, start=0, end=len(value), type="DATE", value=value, rule="test")


def key_ids(tl: Timeline, n: int) -> list[str]:
    return [e.id for e in key_events(score_salience(tl), n).events]


def test_a_day_the_story_comes_back_to_on_many_later_days_is_key():
    # two days with alike events; day 3 is named by articles of three later days, day 2 by three
    # articles of one later day (a burst, not a memory)
    documents = (docs(2, "2020-01-01") + [Document(id=f"b{k}", published="2020-01-10", text=".") for k in range(3)]
                 + [Document(id=f"r{k}", published=f"2020-01-1{k + 1}", text=".") for k in range(3)])
    times = [named(f"b{k}", "2020-01-02") for k in range(3)] + [named(f"r{k}", "2020-01-03") for k in range(3)]
    tl = story([event(1, day("2020-01-02"), ("d0",)), event(2, day("2020-01-03"), ("d1",))], documents, times)
    assert key_ids(tl, 1) == ["e2"]
    kept = key_events(score_salience(tl), 1).events[0]
    assert "key day" in kept.salience_rule and "3 later days name it" in kept.salience_rule


def test_a_day_much_is_published_on_is_key():
    documents = docs(1, "2020-01-01") + [Document(id=f"p{k}", published="2020-01-03", text=".") for k in range(4)]
    tl = story([event(1, day("2020-01-02"), ("d0",)), event(2, day("2020-01-03"), ("p0",))], documents)
    assert key_ids(tl, 1) == ["e2"]


def test_the_days_best_event_stands_for_it_and_coarse_dates_come_after_days():
    tl = story([event(1, year("2020"), ("d0", "d1", "d2", "d3")), event(2, day("2020-01-05"), ("d0", "d1", "d2")),
                event(3, day("2020-01-05"), ("d3",)), event(4, day("2019-07-01"), ("d4",)), event(5, year("2018"))])
    assert key_ids(tl, 2) == ["e2", "e4"]
    # then the coarse dates, but not the year 2020, which holds the chosen 5 January 2020
    assert key_ids(tl, 4) == ["e2", "e4", "e5"]


def test_a_clear_headline_about_something_else_does_not_speak_for_the_event():
    """A merged event can hold a source about another matter: a clear, short headline of it loses
    to a longer one that says what the event's sentences say."""
    e = event(1, day("2010-01-13"), ("d0", "d1", "d2", "d3", "d4"),
              headline="Thousands of Haitians spent a second night in the open , too scared to sleep inside "
                       "buildings damaged by the earthquake",
              sentences=["Thousands of Haitians spent a second night in the open after the earthquake .",
                         "The earthquake destroyed homes across Port-au-Prince , leaving thousands in the open .",
                         "Haitians too scared to sleep inside spent the night in the streets after the earthquake .",
                         "A second night in the open for thousands of Haitians after the earthquake .",
                         "Randi Zuckerberg manages non-profit initiatives for Facebook ."])
    e = with_source(e, "Randi Zuckerberg manages non-profit initiatives for Facebook", document="d2")
    assert "Haitians" in summary(e)
