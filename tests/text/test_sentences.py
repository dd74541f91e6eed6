"""Sentence splitting: offsets into the text, abbreviations, headings on their own line."""
from timeline.text import split_sentences


def texts(text):
    out = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in out)
    return [s.text for s in out]


def test_abbreviations_do_not_end_a_sentence():
    assert texts("Gen. Qassem Soleimani was killed on Jan. 3 in Baghdad. The U.S. said so.") == [
        "Gen. Qassem Soleimani was killed on Jan. 3 in Baghdad.", "The U.S. said so."]


def test_a_heading_or_dateline_line_ends_before_the_next_line():
    assert texts("Published on: 11 November 2011\nA refugee camp was bombed on Thursday.") == [
        "Published on: 11 November 2011", "A refugee camp was bombed on Thursday."]


def test_a_wrapped_line_stays_in_its_sentence():
    text = ("The spokesman for the ministry of defence of the republic said on Thursday that the\n"
            "talks would resume in March.")
    assert texts(text) == [text]
