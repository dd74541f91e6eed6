"""Penn Treebank tokens read back as characters; page furniture is not article body.
The furniture examples are the data's own (timeline/read/furniture.toml)."""

import pytest

from timeline.read import Reader
from timeline.read.furniture import FURNITURE, clean, detokenise, needed, strip_furniture

EXAMPLES = [(f.name, *ex.split(" => ")) for f in FURNITURE for ex in f.examples]
KEPT = [(f.name, text) for f in FURNITURE for text in f.kept]


@pytest.mark.parametrize("name, text, kept", EXAMPLES)
def test_furniture_goes(name, text, kept):
    assert strip_furniture(text) == kept


@pytest.mark.parametrize("name, text", KEPT)
def test_article_text_stays(name, text):
    assert strip_furniture(text) == text


def test_every_pattern_has_examples():
    assert all(f.examples and f.kept for f in FURNITURE)


@pytest.mark.parametrize("text, read", [
    ("MEXICO CITY , May 1 -LRB- Reuters -RRB- - Schools shut", "MEXICO CITY, May 1 (Reuters) - Schools shut"),
    # a text that splits its commas splits its clitics and other marks too
    ("Haiti , where Tuesday 's quake left 45,000-50 ,000 dead , did n't wait : 10 % .",
     "Haiti, where Tuesday's quake left 45,000-50,000 dead, didn't wait: 10%."),
    ("Tuesday 's quake : 10 % .", "Tuesday 's quake : 10 % ."),     # no " , ": not a tokenised text
    ("He said `` we will rebuild '' on Friday", 'He said "we will rebuild" on Friday'),
    ("the lists -LSB- 1 -RSB- and sets -LCB- a -RCB-", "the lists [1] and sets {a}"),
    ("-LRB- ie one sentence -RRB- .", "(ie one sentence) ."),
    (r"Photograph : Tim Ireland\/PA \* Airline stocks", "Photograph : Tim Ireland/PA * Airline stocks"),
    ("A well-known -LRB-x-RRB-y word stays", "A well-known -LRB-x-RRB-y word stays"),  # not a token of its own
    ("Plain text (as written) is unchanged.", "Plain text (as written) is unchanged."),
])
def test_detokenise(text, read):
    assert detokenise(text) == read


def test_all_furniture_keeps_the_text():
    assert clean("Share this") == "Share this"


def test_reader_reads_clean_text(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("published: 2009-05-01\n\nMEXICO CITY -LRB- Reuters -RRB- - Schools shut on "
                       "Friday .\nAt 9:46 pm on 05 May 2009 , kenromford wrote : what a mess\n", encoding="utf-8")
    doc = next(iter(Reader().documents([str(article)])))
    assert doc.text == "MEXICO CITY (Reuters) - Schools shut on Friday."


@pytest.mark.parametrize("pattern, needs", [
    (r"a?bc[de]", {"bc"}),
    (r"(?:ab|cd)+x?", {"ab", "cd"}),
    (r"[(\[]?[ \t]*an error", {"an error"}),
    (r"x(?:Photograph|Photo|Picture):", {"hoto", "hotograph", "icture"}),   # the parser keeps "P" apart
    (r"(?:ab|)c?", None),        # a branch may match nothing
    (r"(?i)abc", None),          # case ignored: no string as written
    (r"\d+", None),
])
def test_needed_strings(pattern, needs):
    assert needed(pattern) == (frozenset(needs) if needs is not None else None)


def test_every_match_holds_what_its_pattern_needs():
    for f in FURNITURE:
        for example in f.examples:
            match = f.pattern.regex.search(example.split(" => ")[0])
            assert f.pattern.needs is None or any(n in match.group(0) for n in f.pattern.needs), (f.name, example)
