"""Tense decides the year of a bare month in news: a past verb of the time's own clause keeps it
behind the publication date; a reporting verb before it still allows the months just ahead."""
import pytest

from timeline.lang import load
from timeline.models import Document
from timeline.times import tag_document


@pytest.mark.parametrize("text, published, value", [
    ("In January, the South Sudanese voted almost unanimously to secede.", "2011-11-10", "2011-01"),
    ("The official said the accession was planned for early March.", "1999-02-10", "1999-03"),
    ("The Biden administration targeted the militia in airstrikes back in February.", "2021-08-02", "2021-02"),
    ("In January, voters will choose a new parliament.", "2011-11-10", "2012-01"),
])
def test_bare_month_year_follows_the_clause_tense(text, published, value, value_of):
    assert value_of(text, published) == value


@pytest.mark.parametrize("text, published, value", [
    # a quarter told in the past tense is over or under way, never the next one
    ("Earnings soared 33% to a record in the fiscal first quarter.", "1989-11-01", "1989-Q1"),
    # told in the future tense it may be the one just ended (results not out yet)
    ("The company expects third-quarter earnings to fall.", "1989-10-05", "1989-Q3"),
])
def test_bare_quarter_year_follows_the_clause_tense(text, published, value, value_of):
    assert value_of(text, published) == value


def test_a_weekday_before_its_own_past_verb_is_past():
    [_, found] = tag_document(Document(id="d", published="2000-06-01", text=(
        "Elian will remain in the United States for at least two more weeks even after a federal "
        "appeals court Thursday refused to order a hearing.")))[-2:]
    assert (found.text, found.value) == ("Thursday", "2000-06-01")


@pytest.mark.parametrize("text, published, value", [
    # a day named by its event ("Wednesday's ruling") is known, past, whatever the clause says
    ("The relatives said they would look for ways to get around Wednesday's ruling.", "2000-01-07", "2000-01-05"),
    ("The notes carry a 24% premium over Thursday's closing price.", "1989-10-30", "1989-10-26"),
    # with a typographic apostrophe, and as tokenised corpora write it
    ("The relatives said they would look for ways to get around Wednesday’s ruling.", "2000-01-07", "2000-01-05"),
    ("Tuesday 's earthquake has left as many as 45,000 people dead.", "2010-01-16", "2010-01-12"),
    # unless it lies ahead
    ("Troops were deployed ahead of Sunday's election.", "2013-03-14", "2013-03-17"),
])
def test_a_possessive_weekday(text, published, value, value_of):
    assert value_of(text, published) == value


@pytest.mark.parametrize("text, published, value", [
    # a plan told in the past is of a day ahead; a postponement points ahead
    ("Protesters planned a large demonstration in Little Havana on Saturday.", "2000-01-07", "2000-01-08"),
    ("Officials postponed until Tuesday morning any action on the boy's permit.", "2000-03-30", "2000-04-04TMO"),
    # unless the plan was carried out
    ("Bush let the offensive begin as previously planned Saturday night.", "1991-02-25", "1991-02-23TNI"),
])
def test_a_plan_points_ahead(text, published, value, value_of):
    assert value_of(text, published) == value


@pytest.mark.parametrize("text, published, value", [
    # what is due, slated or about to happen lies ahead (a dictionary's senses of "due": expected
    # at a time; "slated": scheduled)
    ("Elections are due in March.", "2021-08-02", "2022-03"),
    ("The court is due to rule in April.", "2021-08-02", "2022-04"),
    ("The plant is slated to open in January.", "2021-08-02", "2022-01"),
    ("Parliament is about to vote on Thursday.", "2021-08-02", "2021-08-05"),
    ("The vote, to take place in March, is key.", "2021-08-02", "2022-03"),
    # the same words in the past tell of the past
    ("Elections were due in March.", "2021-08-02", "2021-03"),
])
def test_due_and_slated_point_ahead(text, published, value, value_of):
    assert value_of(text, published) == value


def test_a_fronted_month_reads_its_clause_verb_past_a_long_aside():
    found = tag_document(Document(id="d", published="1998-10-25", text=(
        "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision, "
        "a clinic bombing in Birmingham, Ala., killed a security guard.")))[0]
    assert (found.text, found.value) == ("January", "1998-01")


def test_a_plan_in_the_past_perfect_is_past(value_of):
    assert value_of("The offer previously had been scheduled to expire at midnight Friday.",
                    "1989-10-30") == "1989-10-27T24:00"


def test_the_present_perfect_tells_of_the_past(value_of):
    assert value_of("Investigators have been searching for Kopp since shortly after the Oct. 23 slaying.",
                    "1999-05-06") == "1998-10-23"


@pytest.mark.parametrize("text, published, value", [
    # a passive participle is no past verb: the auxiliary before it tells the tense
    ("Collins will be named commander of the shuttle for a mission in December.", "1998-03-04", "1998-12"),
    ("He added that a ceremonial accession would still be held at the summit on April 24.",
     "1999-02-10", "1999-04-24"),
    # nor is an adjective after an article ("an unspecified date")
    ("The split, which is subject to approval, would be paid on a still unspecified date in January.",
     "1989-10-26", "1990-01"),
])
def test_a_participle_does_not_make_the_clause_past(text, published, value, value_of):
    assert value_of(text, published) == value


@pytest.mark.parametrize("text, published, value", [
    # the story narrates Thursday: its bare times of day fall on Thursday in the past tense
    ("A camp was bombed on Thursday. Witnesses said there were three more explosions at 3 p.m.",
     "2011-11-11", "2011-11-10T15:00"),
    # present or future: the publication day
    ("A camp was bombed on Thursday. The curfew starts at 6 p.m.", "2011-11-11", "2011-11-11T18:00"),
    # a day told long before publication is background, not the day narrated
    ("The war began on March 3, 2003. Explosions were heard at 3 p.m.", "2011-11-11", "2011-11-11T15:00"),
    # nothing told before: the publication day
    ("Explosions were heard at 3 p.m.", "2011-11-11", "2011-11-11T15:00"),
])
def test_a_bare_time_of_day_falls_on_the_day_the_story_narrates(text, published, value, last_value_of):
    assert last_value_of(text, published) == value


@pytest.mark.parametrize("text, value", [
    # an event named as reported or alleged happened: its weekday lies behind, whatever the modal
    ("Kiir said his country would not retaliate for the reported bombing of Guffa on Tuesday.", "2011-11-08"),
    ("Police would not comment on the alleged attack on Tuesday.", "2011-11-08"),
    ("Kiir said his country would retaliate on Tuesday.", "2011-11-15"),
])
def test_a_reported_event_is_past_whatever_the_modal(text, value, value_of):
    assert value_of(text, "2011-11-10") == value


@pytest.mark.parametrize("text, value", [
    # a time fronting its clause with a plan in the past form: the plan was made then
    ("On Friday, the Kenyan government planned to pay the families.", "1998-09-25"),
    ("On Friday, the Kenyan government plans to pay the families.", "1998-10-02"),
])
def test_a_fronted_time_before_a_past_plan_is_past(text, value, value_of):
    assert value_of(text, "1998-09-30") == value


@pytest.mark.parametrize("text, times", [
    # before its own past verb "soon" orders two past events: no future, no time expression
    ("He was soon released and appeared in court.", []),
    ("A trickle of cash from Miami soon became a flood.", []),
    # a modal after a reporting verb still looks ahead
    ("Prosecutors have told him that they may soon seek an indictment.", ["FUTURE_REF"]),
    ("The budget will soon move into surplus.", ["FUTURE_REF"]),
])
def test_soon_after_a_past_event_is_no_future(text, times):
    found = tag_document(Document(id="d", published="2000-02-24", text=text))
    assert [t.value for t in found] == times


@pytest.mark.parametrize("text, value", [
    ("The next hearing is set for Feb. 12 at 7 p.m.", "2024-02-12T19:00"),
    ("Polls close on Tuesday, Nov. 14, at 8 p.m.", "2023-11-14T20:00"),
    ("The hearing is set for Feb. 12; doors open at 7 p.m.", "2023-11-10T19:00"),
])
def test_a_time_of_day_right_after_a_day_is_on_that_day(text, value, last_value_of):
    assert last_value_of(text, "2023-11-10") == value


def test_to_come_looks_ahead(value_of):
    # published on a Tuesday: "warned" alone would make it the weekend just past
    assert value_of("Forecasters warned of more rain to come this weekend.", "2024-02-06") == "2024-W06-WE"


@pytest.mark.parametrize("text, value", [
    ("The century ended with a crisis in 1999, when the commission resigned on March 15.", "1999-03-15"),
    # without "when" the day is not told as part of the year
    ("Under a program approved in 1987 that set no amount, it had bought shares through Sept. 29.", "2023-09-29"),
])
def test_a_when_clause_after_a_year_is_in_that_year(text, value, last_value_of):
    assert last_value_of(text, "2023-11-10") == value


def test_a_time_of_day_told_at_the_first_day_of_the_calendar():
    # the narrated-day window reaches before 1 January of year 1: no error
    found = tag_document(Document(id="d", published="0001-01-01", text="Today the army attacked. At 3 p.m. it fled."))
    assert [t.value for t in found] == ["0001-01-01", "0001-01-01T15:00"]


def test_an_attribution_after_a_date_tells_no_tense(value_of):
    # ", the council said" is who said it; the deadline still lies ahead
    assert value_of("The government must withdraw its troops by Dec. 31, the council said.", "2023-10-10") \
        == "2023-12-31"
    # a past verb of the time's own clause still makes it past
    assert value_of("In December, the council said, the troops left.", "2023-10-10") == "2022-12"


@pytest.mark.parametrize("text, published, value", [
    # a month its own clause's future verb governs is this month or one ahead (a grammar of
    # tense: "will" + a time places the event after the moment of speaking)
    ("Inflation will fall by June, the bank said.", "2021-08-02", "2022-06"),
    ("The central bank will cut rates in July.", "2021-08-20", "2022-07"),
    ("The minister would visit in June.", "2021-08-02", "2022-06"),
    ("Talks are expected to resume in August.", "2021-08-20", "2021-08"),
    # a bare infinitive spelled like a past verb ("cut", "set") tells no past
    ("The bank plans to cut rates in March.", "2021-08-02", "2022-03"),
    # across a clause break the future verb may not govern the month: months just behind stay
    ("Prices will rise, he said in June.", "2021-08-02", "2021-06"),
    ("Sales will fall, according to a report that was published in July.", "2021-08-02", "2021-07"),
])
def test_a_month_in_its_own_future_clause_lies_ahead(text, published, value, value_of):
    assert value_of(text, published) == value


@pytest.mark.parametrize("text, published, value", [
    # a threat, vow, promise or intent names an act still ahead (Quirk et al. 16.38)
    ("The union threatened to strike on Monday.", "2012-03-07", "2012-03-12"),
    ("The rebels promised to release the hostages on Saturday.", "2012-03-07", "2012-03-10"),
    ("The minister pledged to visit the town on Friday.", "2012-03-07", "2012-03-09"),
    # the act told is done by the telling, or the day is the refusal's
    ("Delegates voted to support the republic Friday.", "2012-03-07", "2012-03-02"),
    ("Officials declined to comment on Friday.", "2012-03-07", "2012-03-02"),
    # a threat already past when told
    ("He had vowed to return on Sunday.", "2012-03-07", "2012-03-04"),
    # the present simple of a timetable tells what is scheduled (Swan, Practical English Usage)
    ("Voting begins Tuesday.", "2012-03-07", "2012-03-13"),
    ("The offer expires Friday.", "2012-03-07", "2012-03-09"),
    ("The new law takes effect in January.", "2012-03-07", "2013-01"),
    # a day named on itself in the future is that day; "next" is a week on
    ("Trading resumes at 9 a.m. Wednesday.", "2012-03-07", "2012-03-07T09:00"),
    ("The talks will resume next Wednesday.", "2012-03-07", "2012-03-14"),
    # told in the past, the same verbs tell a day gone
    ("Trading resumed Tuesday.", "2012-03-07", "2012-03-06"),
    # a modal with a plain infinitive looks from now on; with "have", back
    ("Talks can resume Friday.", "2012-03-10", "2012-03-16"),
    ("Parliament must vote by Friday.", "2012-03-10", "2012-03-16"),
    ("He must have left on Friday.", "2012-03-10", "2012-03-09"),
    ("He would have turned 80 on Friday.", "2012-03-10", "2012-03-09"),
])
def test_an_intended_scheduled_or_possible_act_lies_ahead(text, published, value, value_of):
    assert value_of(text, published) == value


SCHEDULING = load("en", "tense.toml")["scheduling_examples"]


@pytest.mark.parametrize("example", SCHEDULING)
def test_a_scheduling_verb_points_its_time_ahead(example, last_value_of):
    # "postponed the vote until June": when the vote is to be held, ahead of the postponing
    text, value = example.rsplit(" => ", 1)
    assert last_value_of(text, "2024-05-01") == value
