"""Sentence splitting: offsets into the text, abbreviations, headings on their own line, sentences
glued together."""
import pytest

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


@pytest.mark.parametrize("text, parts", [
    # a scraped page glues a heading or a caption to the text: the subject pronoun's capital starts it
    ("Haiti earthquake: Your stories It is feared thousands died.",
     ["Haiti earthquake: Your stories", "It is feared thousands died."]),
    ("The delivery of aid is slow They are sleeping in the streets.",
     ["The delivery of aid is slow", "They are sleeping in the streets."]),
    ("Le gouvernement a parlé Il a dit non.", ["Le gouvernement a parlé", "Il a dit non."]),
    ("Schools shut in the capital The confirmed death toll rose.",
     ["Schools shut in the capital", "The confirmed death toll rose."]),
    ("Students of grade A take the test.", ["Students of grade A take the test."]),     # "A" is no opener
    ("Troops reached An Najaf on Monday.", ["Troops reached An Najaf on Monday."]),   # a name: a capital after
    # a title in capitals, or a pronoun after a stop, splits nothing new
    ("The film It Happened One Night won an award.", ["The film It Happened One Night won an award."]),
    ("He said it was over. They left.", ["He said it was over.", "They left."]),
])
def test_a_sentence_glued_to_the_one_before_it(text, parts):
    assert texts(text) == parts
