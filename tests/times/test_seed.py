"""The user's example article (paraphrased excerpt): its eight times, values and mods."""
from timeline.models import Document
from timeline.times import tag_document

TEXT = """A spokesman for an Iraqi Shia militia said in an interview with Rudaw Sunday that there will be an “appropriate response” if all US troops don’t leave Iraq. At the end of July, President Biden and Iraqi Prime Minister Mustafa al-Kadhimi announced the US will end its “combat” mission in Iraq by the end of 2021, but troops are expected to stay.

There are currently about 2,500 US troops in Iraq. The Biden administration specifically targeted Kataib Sayyid al-Shuhada in airstrikes in Syria back in February. In January 2020, the Trump administration killed PMF leader Abu Mahdi al-Muhandis alongside Iranian Gen. Qassem Soleimani with a drone strike in Baghdad.

Since Kadhimi became Iraq’s prime minister in May 2020, he has been under intense domestic pressure. Considering how small of a threat ISIS is now, keeping troops in the country does little but risk further escalation. Changing clothes is not a withdrawal. Don’t."""

GOLD = [("Sunday", "DATE", "2021-08-01", None), ("the end of July", "DATE", "2021-07", "END"),
        ("the end of 2021", "DATE", "2021", "END"), ("currently", "DATE", "PRESENT_REF", None),
        ("February", "DATE", "2021-02", None), ("January 2020", "DATE", "2020-01", None),
        ("May 2020", "DATE", "2020-05", None), ("now", "DATE", "PRESENT_REF", None)]


def test_seed_times():
    doc = Document(id="seed", published="2021-08-02", text=TEXT)
    times = tag_document(doc)
    assert [(t.text, t.type, t.value, t.mod) for t in times] == GOLD
    for t in times:
        assert t.text == TEXT[t.start:t.end]
        assert t.rule


def test_intervals_and_display():
    doc = Document(id="seed", published="2021-08-02", text=TEXT)
    by_text = {t.text: t for t in tag_document(doc)}
    end_2021 = by_text["the end of 2021"]
    assert (end_2021.interval.start, end_2021.interval.end, end_2021.interval.granularity) == \
        ("2021-09-01", "2021-12-31", "year")
    assert end_2021.display == "end of 2021"
    jan = by_text["January 2020"]
    assert (jan.interval.start, jan.interval.end, jan.interval.granularity) == \
        ("2020-01-01", "2020-01-31", "month")
    assert jan.display == "January 2020"
    assert by_text["Sunday"].display == "1 August 2021"
    assert by_text["now"].display == "now"
    assert by_text["now"].interval.start == "2021-08-02"


def test_no_publication_date_stays_underspecified():
    times = tag_document(Document(id="x", published=None, text="He left back in February."))
    assert [(t.text, t.value) for t in times] == [("February", "XXXX-02")]


def test_resolve_is_pure_and_takes_a_policy():
    from timeline.times import Policy, find_times, resolve
    (feb,) = find_times("He left back in February.")
    assert resolve(feb, "2021-08-02", Policy("news", "past")).value == "2021-02"
    assert resolve(feb, "2021-08-02", Policy("news", "future")).value == "2022-02"
    assert resolve(feb, None, "news").value == "XXXX-02"
    (sunday,) = find_times("Sunday")
    assert resolve(sunday, "2021-08-02", Policy("news", "past")).value == "2021-08-01"
    assert resolve(sunday, "2021-08-02", Policy("news", "future")).value == "2021-08-08"
