"""The event stage's shortcuts find exactly what the plain scans find."""
from __future__ import annotations

import pytest

from timeline.events.taxonomy import WORD_BEYOND_ASCII, _pattern_starts, load_taxonomy
from timeline.events.triggers import _pattern_matches

SENTENCES = [
    "Rebels bombs hit the market and the army ended its mission in the north.",
    "He became the prime minister after the vote; she took office later.",
    "The weekend was spent sending troops; they sent 300 troops and fired rockets at the base.",
    "ANTI-WAR groups: Bombs fell, and Sudan gained independence in 2011.",
    "Nothing here ends with a pattern: depend, attend, torrent, spending.",
    "Le Président a démissionné; bombs exploded at dawn.",          # not ASCII: the plain scan
    "“Bombs hit the town,” he said — ’on strike’ since the party’s leader became president.",  # curly marks only
    "",
]


STRIKE_SENTENCES = ["Dock workers walked out; teachers' strikes and a labour strike followed, unions went on strike.",
                    "The LABOR strike: nurses struck, members would strike, a rail-strike, walkouts, walk-out.",
                    "Labour  strikes, Teachers’ strike, union strike and the general strike; walking out on strike."]


@pytest.mark.parametrize("text", SENTENCES + STRIKE_SENTENCES)
def test_pattern_matches_equal_the_full_scan(text):
    tax = load_taxonomy()
    # as sentence_triggers lowers it: when no word character is beyond ASCII (curly marks are none)
    lowered = text.lower() if text.isascii() or not WORD_BEYOND_ASCII.search(text) else None
    expected = [(m.start(), m.end(), m.lastgroup) for m in tax.pattern_re.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in _pattern_matches(text, lowered, tax)] == expected


def test_pattern_starts_only_when_every_start_is_known():
    assert _pattern_starts([r"\bbombs? hit\b", r"\b(?:took|takes) office\b"]).pattern == r"\b(?:bomb|t(?:akes|ook))"
    assert _pattern_starts([r"\bbomb|\bshell"]) is None           # an alternative at the top level
    assert _pattern_starts([r"\bbombs* hit"]) is None             # a quantifier on the first word
    assert _pattern_starts([r"(?:a|b) x"]) is None                # no first word
    assert _pattern_starts([r"\b(?:|took) office"]) is None       # an empty alternative
    assert _pattern_starts([r"\b(?:o'clock) x"]).pattern == r"\bo"     # the letters every match begins with
    assert _pattern_starts([r"\b(?:labou?r|teachers'?|unions?)\s+strikes?", r"\bwalk(?:ed|s)? out"]).pattern \
        == r"\b(?:labo|teachers|union|walk)"
    assert _pattern_starts([r"\b(?:?x) y"]) is None              # no letter to begin with
    assert _pattern_starts([r"\b(?:'til) x"]) is None            # nor here


def test_pattern_keys_only_whole_first_words():
    from timeline.events.taxonomy import _pattern_keys
    assert _pattern_keys([r"\bbombs? (?:hit|fell)\b", r"\b(?:end|ends)\s+its"]) == {"bombs", "bomb", "end", "ends"}
    assert _pattern_keys([r"\bwalk(?:ed|s)? out\b"]) is None      # "walked" holds no token "walk"
    assert _pattern_keys([r"\b(?:labou?r) strike"]) is None       # an optional letter
    assert _pattern_keys([r"\b(?:dock|rail)-strike"]) is None      # "dock-strike" is one token


def _strings(alphabet: str, count: int = 5000):
    import random
    rng = random.Random(7)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_ascii_tokens_equal_the_token_regex():
    from timeline.events.triggers import _TOKEN, _ascii_tokens
    for text in _strings("aZ0_'- \t\n.,\x1f\"") + ["'Tis the U.S.-led raid -- it's 'over'"]:
        assert _ascii_tokens(text) == _TOKEN.findall(text.lower()), repr(text)


def test_title_case_by_shape_equals_counting_initials():
    from timeline.text.sentences import title_case

    def counted(text):
        initials = [w[0] for w in text.split() if w[0].isalpha()]
        return bool(initials) and sum(map(str.isupper, initials)) >= 0.7 * len(initials)
    for text in _strings("aZ0 \t\n\x0b\x1c.,-'(") + ["The Battle Of Mosul", "the Battle of Mosul", ""]:
        assert title_case.__wrapped__(text) == counted(text), repr(text)


CUE_SENTENCES = [
    "Officials said the rebels did n't attack, and no later than Friday they will not be said to retreat.",
    "He is said to have fled; it is believed to be over. The army continued to fight, reportedly.",
    "Will-power: the anti-war group is still 'planning' to march -- according to police; can't, won't.",
    "The talks, which are ongoing, may collapse; retaliation would follow the following day.",
    "Nothing of the kind here at all.",
]


@pytest.mark.parametrize("text", CUE_SENTENCES)
def test_cue_windows_skipped_only_when_nothing_matches(text):
    from timeline.events.status import SCANNED_CUES as _SCANNED_CUES, cue_before as _cue_before, cues_at as _cues_at, \
        present_cues as _present_cues
    tax = load_taxonomy()
    present = _present_cues(text, tax)
    for name in _SCANNED_CUES:
        for start in range(0, len(text), 3):
            for end in range(start, len(text) + 1):
                assert _cue_before(tax, name, text, start, end, _cues_at(present, text, end)) == \
                    _cue_before(tax, name, text, start, end, None), (name, start, end)


LEAD_SENTENCES = ["The army attacked back in early May, on Tuesday, in 2010 and, as of\tnow, since in on at x.",
                  "AS OF  In\x1c2010 (as on x, within 9in _in on some  BACK in",
                  "Officials (in on) said_in on 9in on: “It began” in ``late'' on Monday.", "in on", "",
                  "declared it over at about 4 pm, back in at nearly some x; as of around roughly y"]


@pytest.mark.parametrize("text", LEAD_SENTENCES)
def test_lead_read_backwards_equals_the_regex(text):
    from timeline.events.describe import _TIME_LEAD, _lead_start
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert _TIME_LEAD.search(text, start, end).start() == _lead_start(text, start, end), (start, end)


@pytest.mark.parametrize("text", LEAD_SENTENCES + CUE_SENTENCES)
def test_opener_and_quote_checks_never_hide_a_match(text):
    from timeline.events.clauses import _may_open, _opener_re
    from timeline.events.candidates import _QUOTE, _may_quote
    regex, words = _opener_re(load_taxonomy())
    assert _may_open(text, words) or not regex.search(text)
    assert _may_quote(text) or not _QUOTE.search(text)


def test_unrolled_quote_regex_equals_the_tempered_one():
    import re

    from timeline.events.candidates import _QUOTE
    plain = re.compile(r"(?:[“\"]|``)((?:(?!''|[”\"]).)*)(?:[”\"]|'')")      # a look-ahead at every character
    for text in _strings("a “”\"'`\n", 20000) + ["He said: “We will not leave,” and ``it's over''.", "'' ``''"]:
        assert [(m.span(), m.span(1)) for m in _QUOTE.finditer(text)] == \
            [(m.span(), m.span(1)) for m in plain.finditer(text)], repr(text)



def test_strip_times_blanks_what_a_list_slice_would():
    import random

    from timeline.events.describe import _strip_times
    rng = random.Random(5)

    def plain(text, removals):
        chars = list(text)
        for s, e in removals:
            chars[s:e] = " " * len(chars[s:e])
        return "".join(chars)
    for text in _strings("ab, “”\n", 3000):
        removals = [(rng.randint(-3, 17), rng.randint(-3, 17)) for _ in range(rng.randint(0, 3))]
        assert _strip_times(text, removals) == plain(text, removals), (text, removals)


def test_curly_tokens_equal_the_token_regex():
    from timeline.events.taxonomy import WORD_BEYOND_ASCII
    from timeline.events.triggers import _TOKEN, _curly_tokens
    texts = _strings("aZ0_'-’ “”‘—–\xa0…?\x1f", 20000) + ["’Tis Iraq’s ‘raid’ — it’s “over” -’x ’-y", "’’", "a’"]
    for text in texts:
        if WORD_BEYOND_ASCII.search(text):
            continue
        assert _curly_tokens(text) == _TOKEN.findall(text.lower()), repr(text)


def _flat(words) -> str:
    """The plain alternation the tries replace: longest phrase first, a space as any whitespace."""
    import re
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _phrase_texts(words, count=400):
    """Texts of the words themselves, in any case, glued to letters, apostrophes and hyphens or apart."""
    import random
    rng = random.Random(len(words))
    glue = [" ", "  ", "\n", "-", "'", "’", "x", "", ", ", "K"]
    pieces = sorted(words) + [w.upper() for w in words] + [w.title() for w in words] + ["not", "s", "to"]
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(0, 8))) for _ in range(count)]


def test_cue_tries_match_as_the_flat_alternations():
    import re

    from timeline.events.taxonomy import first_chars
    tax = load_taxonomy()
    for name, words in tax.cues.items():
        if not words:
            continue
        plain = re.compile(rf"{first_chars(words)}(?<![\w'’])(?:{_flat(words)})(?![\w-])", re.I)
        for text in _phrase_texts(words) + SENTENCES + CUE_SENTENCES:
            assert [m.span() for m in tax.cue_res[name].finditer(text)] == \
                [m.span() for m in plain.finditer(text)], (name, text)


def test_opener_and_finite_tries_match_as_the_flat_alternations():
    import re

    from timeline.events.clauses import _FINITE, _FINITE_WORDS, _opener_re
    from timeline.events.taxonomy import first_chars
    regex, words = _opener_re(load_taxonomy())
    openers = [w.decode() for w in words]
    cases = [(regex, re.compile(first_chars(openers) + r"\b(" + _flat(openers) + r")\b", re.I), openers),
             (_FINITE, re.compile(r"\b(?:" + _flat(_FINITE_WORDS) + r")\b", re.I), _FINITE_WORDS)]
    for fast, plain, vocabulary in cases:
        for text in _phrase_texts(vocabulary, 2000) + SENTENCES + CUE_SENTENCES:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_pattern_matches_equal_the_full_scan_on_generated_text():
    import random
    rng = random.Random(9)
    tax = load_taxonomy()
    vocabulary = ("dock rail labour labor teachers teachers' unions union workers members walk walked walks "
                  "walking out on strike strikes struck went bombs bomb fell hit became prime minister ended its "
                  "mission sent troops filed for bankruptcy rate cut gained independence the a x").split()
    glue = [" ", "  ", ", ", "-", "'", "\n", ""]
    for _ in range(3000):
        words = [w.upper() if rng.random() < 0.2 else w for w in rng.choices(vocabulary, k=rng.randint(0, 12))]
        text = "".join(w + rng.choice(glue) for w in words)
        expected = [(m.start(), m.end(), m.lastgroup) for m in tax.pattern_re.finditer(text)]
        assert [(m.start(), m.end(), m.lastgroup) for m in _pattern_matches(text, text.lower(), tax)] == expected, text


def test_the_bundled_patterns_have_known_starts():
    """Without starts every sentence is scanned at every character by the whole pattern alternation:
    the events stage took twice as long (fed6bb4). A pattern should begin with \\b and a word (or a
    group of words) whose first letters are fixed."""
    assert load_taxonomy().pattern_starts is not None


def test_the_bundled_patterns_have_first_words_a_sentence_must_hold():
    """Without them the patterns run on every sentence (10% more instructions over the whole
    extraction of the seed at b32ce01): a pattern should begin with \\b and whole words
    ("\\b(?:pass|passed) ..."), not a word that may run on ("\\bpass(?:ed)?", "\\bruled(?=")."""
    assert load_taxonomy().pattern_keys is not None


def test_patterns_at_a_start_are_those_that_can_begin_there():
    from timeline.events.taxonomy import _patterns_at
    at = _patterns_at([r"\bon strike\b", r"\b(?:only|one) x", r"\bbombs? hit"])
    assert sorted(at) == ["bomb", "on"]                   # "only" and "one" begin with "on"
    assert set(at["on"].groupindex) == {"p0", "p1"} and set(at["bomb"].groupindex) == {"p2"}
    assert _patterns_at([r"\bbomb|\bshell"]) == {}         # no known starts: the whole alternation everywhere


def test_the_shipped_patterns_keep_their_prefilters():
    """A pattern whose first words cannot be listed ("(?:bombs?|rockets?)") turns off both the
    sentence filter and the start trie for every sentence: write its words out in full."""
    tax = load_taxonomy()
    assert tax.pattern_keys is not None and tax.pattern_starts is not None


def test_mid_word_equals_the_look_behind_regex():
    import re

    from timeline.events.status import _mid_word

    mid_word = re.compile(r"(?<=\w)\w")       # what it replaced

    # ASCII, letters, digits and marks of other scripts, combining marks, an underscore, spaces
    chars = "aZ9_ -’'.,éß²٣\u0301\u00a0\u2009中"
    for a in chars:
        for b in chars:
            text = a + b
            for end in range(len(text) + 1):
                assert _mid_word(text, end) == (mid_word.match(text, end) is not None), (text, end)


def test_and_predicate_matches_as_a_word_boundary_before_and():
    import re

    from timeline.events.clauses import AND_PREDICATE

    plain = re.compile(AND_PREDICATE.pattern.replace(r"(and)(?<!\wand)", r"\b(and)", 1))
    assert plain.pattern != AND_PREDICATE.pattern
    texts = ["It will begin in July and is expected to finish.", "sand is wet and was dry", "band and has",
             "and is", "x_and is", "2and is", "café and is", "Brand and has been", "and and is", "Sudan and was"]
    for text in texts:
        assert [m.span(1) for m in AND_PREDICATE.finditer(text)] == [m.span(1) for m in plain.finditer(text)], text
        for pos in range(len(text)):
            assert (AND_PREDICATE.match(text, pos) is None) == (plain.match(text, pos) is None), (text, pos)


def test_equal_dates_are_one_object():
    from timeline.events.dating import event_date
    from timeline.models import Interval, TimeExpression

    def expression(start):
        return TimeExpression(document="d", text="Monday", start=start, end=start + 6, type="DATE",
                              value="2021-08-02", rule="weekday", interval=Interval(start="2021-08-02",
                                                                                     end="2021-08-02", granularity="day"))
    first, second = event_date(expression(0), None, "2021-08-03"), event_date(expression(40), None, "2021-08-03")
    assert first is second      # made once: candidates dated by the same day share it
    assert first.model_dump_json() == '{"value":"2021-08-02","mod":null,"start":"2021-08-02","end":"2021-08-02",' \
        '"granularity":"day","display":"Monday"}'
    assert event_date(expression(0), "AFTER", "2021-08-03") is not first      # other values, another date


def test_name_titles_looked_behind_after_to():
    """describe._NAME reads "to" before asking which title it follows (one look-behind per title,
    tried only there): the same names as the look-behinds tried after every word of a name."""
    import re
    from timeline.events.describe import _JOINERS, _NAME
    from timeline.events.words import ordered
    titles = "|".join(f"(?<={re.escape(t)}\\s)" for t in ordered("names", "titles_before_to"))
    assert "|to(?:(?<=" in _NAME.pattern        # "to" first (fails on the form it replaced)
    head, tail = _NAME.pattern.split(r"(?:\s+", 1)
    plain = re.compile(head + rf"(?:\s+(?:(?:{_JOINERS}|(?:{titles})to)\s+(?:the\s+)?)?"
                       r"(?:[A-Z][\w’'.-]*|[a-z][A-Z][\w’'.-]*|al-[\w-]+))*")
    texts = SENTENCES + ["The Assistant to the Secretary met Envoy to Iraq, Special Envoy  to Syria.",
                         "Mr Assistant to Bob; xAssistant to Bob; Representative\nto Bob al-Sadr bin Laden of the UN",
                         "Ambassador to the United Nations Linda Thomas-Greenfield went to Paris."]
    texts += _strings("aeAEl-’'. \nto AssistantEnvoy Attaché ofbin the", 20000)
    for text in texts:
        assert [m.span() for m in _NAME.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_names_by_capital_equal_the_name_regex():
    """describe._names looks for capitalised names by a regex the engine can skip to capitals
    with, and falls back on _NAME where a name may open in lower case: the same matches."""
    from timeline.events.describe import _NAME, _names
    texts = SENTENCES + STRIKE_SENTENCES + [
        "iPhone maker Apple and eBay met al-Sadr, el-Sisi and Osama bin Laden in al-Anbar.",
        "A full-scale war; an all-out attack by the U.S. Army, Ambassador to the UN Linda Thomas-Greenfield.",
        "Émile Zola’s ’Quote’ ‘Iraq’ and O'Brien met McDonald's CEO in St. Louis, Mo."]
    texts += _strings("aeAEl-’'. \nxZ1é_ofbinthe toAssistant", 20000)
    for text in texts:
        assert [(m.span(), m.group(0)) for m in _names(text)] == \
            [(m.span(), m.group(0)) for m in _NAME.finditer(text)], text
