"""Gold spans point into a file's body; the reader cleans it (furniture out), which moves them."""
from timeline.evaluate.crossdoc import aligned


def test_a_gold_span_moved_by_cleaning_is_found_by_its_words():
    raw = "Sudan bombs camp\nPublished on: 11 November 2011\nA camp was bombed on Thursday."
    cleaned = "Sudan bombs camp\n\nA camp was bombed on Thursday."
    start = raw.index("bombed")
    assert cleaned[slice(*aligned(cleaned, "bombed", start, start + 6))] == "bombed"


def test_the_nearest_occurrence_wins_and_an_unmoved_span_stays():
    text = "bombed once. " + "x" * 50 + " bombed twice."
    second = text.rindex("bombed")
    assert aligned(text, "bombed", second - 3, second + 3) == (second, second + 6)
    assert aligned(text, "bombed", 0, 6) == (0, 6)
    assert aligned(text, "missing", 5, 12) == (5, 12)     # not there: the offsets as given
