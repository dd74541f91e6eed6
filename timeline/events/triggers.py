"""Trigger words of a sentence: a dictionary look-up per word (and the few multi-word forms that
start with it), the taxonomy's patterns, and the filters that keep names, participles and
ambiguous words out."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Optional

from timeline.events.taxonomy import Taxonomy, Trigger, ascii_words, load_taxonomy
from timeline.events.words import words
from timeline.text.sentences import title_case

if TYPE_CHECKING:       # only named in annotations: clauses.py imports this module
    from timeline.events.clauses import Clause

_TOKEN = re.compile(r"[\w][\w'’-]*")
# ASCII: the characters of a token, lower-cased, and a space for every other character
_TOKEN_BYTES = bytes(ord(chr(c).lower()) if c < 128 and (chr(c).isalnum() or chr(c) in "_'-") else 0x20
                     for c in range(256))


def _ascii_tokens(text: str) -> list[str]:
    """`_TOKEN.findall(text.lower())` for ASCII text, by a byte translation and a split (several
    times faster). A piece starts a token at its first word character: the regex skips a
    leading apostrophe or hyphen."""
    spaced = b" " + text.encode("ascii").translate(_TOKEN_BYTES)
    pieces = spaced.decode("ascii").split()
    if b" '" in spaced or b" -" in spaced:
        return [t for t in (p.lstrip("'-") for p in pieces) if t]
    return pieces


# the same, but for 0x01, kept: it stands for the curly apostrophe, a token character beyond ASCII
_TOKEN_BYTES_CURLY = _TOKEN_BYTES[:1] + b"\x01" + _TOKEN_BYTES[2:]


def _curly_tokens(text: str) -> list[str]:
    """`_TOKEN.findall(text.lower())` for text whose characters beyond ASCII are no word characters
    (curly quotes, dashes: most news) and which holds no \\x01, the same way: each such character
    becomes "?", a separator, but the curly apostrophe, a token character, which goes through the
    byte translation as \\x01."""
    spaced = b" " + text.replace("’", "\x01").encode("ascii", "replace").translate(_TOKEN_BYTES_CURLY)
    pieces = spaced.decode("ascii").replace("\x01", "’").split()
    if b" '" in spaced or b" -" in spaced or b" \x01" in spaced:
        return [t for t in (p.lstrip("'-’") for p in pieces) if t]
    return pieces


def find_triggers(text: str, clause: Clause, tax: Taxonomy) -> list[tuple[int, int, Trigger]]:
    """(start, end, trigger) in sentence offsets, in text order, within the clause."""
    return [t for t in sentence_triggers(text, tax.path) if clause.start <= t[0] < clause.end]


@lru_cache(maxsize=8)      # a sentence's clauses ask again; a document's other sentences do not
def sentence_triggers(text: str, taxonomy_path: str) -> tuple:
    """Every trigger of a sentence, found once: a dictionary look-up per word (and the few
    multi-word forms that start with it), then the taxonomy's patterns."""
    tax, starts, longest, stop, unlock, be, described, modified, determiners, acronyms, verb_unlike, verb_context = \
        _scan_data(taxonomy_path)
    title = None
    out = []
    # lower-casing ASCII keeps every offset and word boundary (and leaves other characters that are
    # no word characters alone): one call for the whole sentence
    simple = ascii_words(text)
    lowered_text = text.lower() if simple else None     # the same offsets
    if text.isascii():
        lowered = _ascii_tokens(text)
    elif simple:            # no word character beyond ASCII: lower-casing keeps the tokens
        lowered = _curly_tokens(text) if "\x01" not in text else _TOKEN.findall(lowered_text)
    else:
        lowered = [w.lower() for w in _TOKEN.findall(text)]
    hits = [] if starts.isdisjoint(lowered) else [k for k, w in enumerate(lowered) if w in starts]
    # offsets only where a word may trigger, up to the last word a form starting there may reach
    spans = _token_spans(text, lowered_text, lowered, hits[-1] + longest) if hits else []
    covered = 0          # a multi-word form ("news conference") covers the words inside it
    for k in hits:
        start, word_end = spans[k]
        if start < covered:
            continue
        raw = text[start:word_end]
        # most words start no multi-word form: they are their own form (every hit is in the set)
        form, end = _longest_form(text, spans, lowered, k, tax) if lowered[k] in tax.multi \
            else (lowered[k], word_end)
        if form is None:
            continue
        covered = end
        info = tax.words[form]
        prev_raw = text[spans[k - 1][0]:spans[k - 1][1]] if k else ""
        prev_word = lowered[k - 1] if k else ""
        if info.pos == "verb" and form in tax.noun_senses and (
                prev_word in determiners or _named_instance(text, lowered, k, end)):
            info = tax.noun_senses[form]        # "the storm knocked out power", "Storm Isha": the noun, not the verb
        if info.pos == "verb" and tax.noun_readings and _names_no_event(text, lowered, k, form, end, info, tax):
            continue
        if tax.senses and info.lemma in tax.senses:
            info = _in_context(info, lowered, k, tax, be)
            if info is None:        # "executed the plan": no event
                continue
        possessive = prev_word.endswith(("'s", "’s"))
        skip = (form in stop and prev_word not in unlock and not possessive
                and not _named_instance(text, lowered, k, end)) or \
            (form.endswith("ing") and (info.pos == "verb" or info.source) and
             not (prev_word in be or prev_word in unlock or possessive or prev_word in _PREPOSITIONS or
                  (opens_participle_clause(text, start) and _acts_in_participle(info, tax)) or
                  _before_finite_verb(text, end, tax))) or \
            (form.endswith("ed") and info.pos == "verb" and
             (prev_word in described or (prev_word in be and k > 1 and lowered[k - 2] in described))) or \
            (info.pos == "noun" and _next_word(text, end) in modified) or \
            (form in verb_unlike and prev_word in verb_context) or \
            (form.endswith("ing") and info.lemma in tax.cues.get("adjective_ing", ()) and
             (prev_word in determiners or prev_word in _PREPOSITIONS) and _modifies_next(text, end)
             and not any(_next_word(text, end) in cues for _, cues in tax.senses.get(info.lemma, ())))
        # "with rising demand", "the soaring cost": an adjective opening a noun phrase, no change
        # told (but "after falling ill": a cue of the verb's sense follows it)
        # a participle modifying a noun ("troops fighting under ...", also a lexicon's gerund noun:
        # "fighting" is one), but not one that opens a participle clause or is a finite verb's
        # subject
        # a word in capitals in a sentence that is not is an acronym or a name ("the AIDS virus",
        # "WHO said"), unless the taxonomy lists it as one ("an IPO")
        if not skip and len(raw) > 1 and raw.isupper() and form not in acronyms and not text.isupper():
            skip = True
        # a verb with a capital inside a sentence is a name ("traveled via Shanghai", "Rob Walker
        # said"), unless it opens a quote or what follows a colon, or the line is in title case
        if not skip and k and info.pos == "verb" and raw[0].isupper() and not _opens_part(text, start):
            title = title_case(text) if title is None else title
            skip = not title
        # a word inside a name ("Strike Force", "Popular Mobilization Forces", a sentence's first
        # "Ban Ki-moon visited") unless the whole line is in title case; a quote's or a colon's
        # first word may be capitalised for that alone
        if not skip and raw[0].isupper() and (prev_raw[:1].isupper() or
                                              (_opens_name(text, spans, lowered, k) and (not k or not _opens_part(text, start)))):
            title = title_case(text) if title is None else title
            skip = not title
        if not skip:
            out.append((start, end, info))
    run_patterns = tax.pattern_re and (tax.pattern_keys is None or not tax.pattern_keys.isdisjoint(lowered))
    for m in _pattern_matches(text, lowered_text, tax) if run_patterns else ():
        out.append((m.start(), m.end(), Trigger(tax.pattern_types[m.lastgroup], m.group(0).lower(), "pattern")))
    if len(out) < 2:        # most sentences: one trigger or none, nothing to order or cover
        return tuple(out)
    out.sort(key=lambda t: (t[0], -t[1]))
    # a pattern or longer trigger covers the words inside it: a pattern says what its words mean
    # ("members would strike" is a labour strike); a longer word form yields to a weightier one inside
    kept = []
    for t in out:
        if kept and t[0] < kept[-1][1]:
            if kept[-1][2].pos != "pattern" and \
                    tax.priority.get(t[2].type, -1) > tax.priority.get(kept[-1][2].type, -1):
                kept[-1] = t
            continue
        kept.append(t)
    return tuple(kept)


def _names_no_event(text: str, lowered: list[str], k: int, form: str, end: int, info: Trigger,
                    tax: Taxonomy) -> bool:
    """Is this verb trigger, after a determiner or a possessive, a noun or an adjective that names
    no happening? noun_readings.tsv lists the nouns whose first senses are things ("the ruins",
    "the phone"; also after a number: "20 phones") and the -ing forms that are only adjectives,
    no happening when they modify the next word ("the devastating quake"; "the stabbing of" is
    one). A past form there is an adjective; standing for a noun, it names who or what it befell
    ("the injured were taken to hospital"), not when ("a slain soldier": his killing)."""
    prev = lowered[k - 1] if k else ""
    determined = prev in tax.cues.get("noun_determiners", ()) or prev.endswith(("'s", "’s"))
    reading = tax.noun_readings.get(form)
    if reading == "noun":       # also after a preposition, where no verb stands ("a dispute over pay")
        return determined or prev.isdigit() or prev in _BEFORE_NOUNS
    if not determined:
        return False
    if reading == "adjective":
        return _modifies_next(text, end)
    # a past form, -ed or irregular ("stricken"): no lemma, -s or -ing form, nor an event noun ("a shot")
    return reading != "event" and form != info.lemma and not form.endswith(("s", "ing")) and _heads_phrase(text, end)


_AFTER_HEAD_NOUN = words("types")["after_head_noun"]
# prepositions: a base or -s form after one is a noun ("to" opens an infinitive: "to pay"; "in
# ruins" tells the damage)
_BEFORE_NOUNS = frozenset("of on at by for from with without over about against amid under".split())
_NAME_LINKS = frozenset(words("names")["name_links"])
_INSTANCE_NOUNS = frozenset(words("names")["instance_nouns"])
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


def _named_instance(text: str, lowered: list[str], k: int, end: int) -> bool:
    """"Storm Isha", "Hurricane Katrina": a noun of a kind of event before the instance's name is
    that event, with no determiner."""
    return lowered[k] in _INSTANCE_NOUNS and _CAPITALISED_NEXT.match(text, end) is not None


def _opens_name(text: str, spans: list, lowered: list[str], k: int) -> bool:
    """Is the capitalised word k the first of a name: the next word capitalised, or a link word
    and then a capitalised one ("the Earthquake Relief Fund", "the Disasters and Emergency
    Committee")? Not a noun that names its happening's own name ("Hurricane Katrina")."""
    if lowered[k] in _INSTANCE_NOUNS:
        return False
    after = k + 2 if k + 1 < len(lowered) and lowered[k + 1] in _NAME_LINKS else k + 1
    return after < len(spans) and text[spans[after][0]:spans[after][0] + 1].isupper()


_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)\b")


def _modifies_next(text: str, end: int) -> bool:
    """Is the word ending at `end` followed by a lower-case word that is no closed-class word nor
    a participle or past form? Then it modifies that word."""
    m = _NEXT_LOWER.match(text, end)
    return m is not None and m.group(1) not in _AFTER_HEAD_NOUN and not m.group(1).endswith(("ed", "ing"))


_PHRASE_END = re.compile(r"\s*(?:[.;:!?)\"”]|\Z)")


def _heads_phrase(text: str, end: int) -> bool:
    """Does the word ending at `end` head its phrase: the sentence or clause ends after it, or a
    closed-class word follows ("the injured were", "the wounded to hospitals")?"""
    m = _NEXT_LOWER.match(text, end)
    return m.group(1) in _AFTER_HEAD_NOUN if m else _PHRASE_END.match(text, end) is not None


def _in_context(info: Trigger, lowered: list[str], k: int, tax: Taxonomy, be: frozenset) -> Optional[Trigger]:
    """The sense the next words give a word of senses.toml: its type, None for NONE (no trigger),
    or the word's own when no cue word follows. In the passive what the verb acts on is its subject,
    before the auxiliary ("shots were fired", "the coach was fired"): those words are read first."""
    noun = info.pos == "noun"
    passive = not noun and k >= 2 and lowered[k - 1] in be
    before = lowered[max(0, k - 3):k - 1][::-1] if passive else []
    after = lowered[k + 1:k + 1 + tax.sense_window]
    found = _nearest_cue(info, [*before, *after], len(before), noun, tax)
    if found is not None and found.type == "NONE":
        return None         # "executed the plan": no event
    by_subject = tax.subject_senses.get(info.lemma) if tax.subject_senses else None
    # who does it, before what it acts on ("protesters clashed with police": a riot): the active
    # verb's subject, the words before it, when an object or a "with" follows (not the headline's
    # passive "two soldiers killed in an ambush"); a noun's are its modifiers ("a gas explosion").
    # A subject that makes it no event does so with or without an object ("the row exploded on")
    if by_subject and not passive:
        acts_on = noun or k + 1 == len(lowered) or lowered[k + 1] not in _NOT_OBJECT
        for cue in lowered[max(0, k - (_MODIFIER_REACH if noun else _SUBJECT_REACH)):k][::-1]:
            for kind, cues in by_subject:
                if cue in cues and (kind == "NONE" or acts_on):
                    return None if kind == "NONE" else \
                        replace(info, type=kind, source=f"'{cue}' " + ("before it" if noun else "its subject"))
    return found or (None if info.lemma in tax.cue_needed else info)


def _nearest_cue(info: Trigger, words: list[str], before: int, noun: bool, tax: Taxonomy) -> Optional[Trigger]:
    """The sense the nearest cue word among `words` gives (the first `before` of them the passive's
    subject), type "NONE" for no event; None when none is a cue."""
    for n, cue in enumerate(words):
        if noun and cue in _AFTER_HEAD_NOUN:
            continue        # "a fire at the flats": after a noun a preposition tells where, not what it acts on
        for kind, cues in tax.senses[info.lemma]:
            if cue in cues:
                where = "its subject in the passive" if n < before else "after it"
                return replace(info, type=kind, source=f"'{cue}' {where}")
    return None


# how many words before an active verb its subject is looked for in ("gunmen on motorbikes killed")
_SUBJECT_REACH = 3
_MODIFIER_REACH = 2        # "a gas explosion", "a huge gas explosion"


def _pattern_matches(text: str, lowered_text: Optional[str], tax: Taxonomy):
    """What `tax.pattern_re.finditer(text)` finds, trying the patterns only where one can start
    (`lowered_text`: the text lower-cased when it is ASCII, same offsets)."""
    if tax.pattern_starts is None or lowered_text is None:
        yield from tax.pattern_re.finditer(text)
        return
    pos = 0
    for start in tax.pattern_starts.finditer(lowered_text):
        p = start.start()
        if p < pos:         # inside a match
            continue
        m = tax.pattern_at[start.group()].match(text, p)      # the patterns that can begin with those letters
        if m:
            yield m
            pos = m.end()


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def _mark_before(text: str, start: int) -> str:
    """The character just before the word at `start`, spaces skipped ("" at the text's start)."""
    return text[max(0, start - 8):start].rstrip()[-1:]


def _opens_part(text: str, start: int) -> bool:
    """Whether the word at `start` opens the text, a quote, a bracket or what follows a colon or
    a dash."""
    mark = _mark_before(text, start)
    return not mark or mark in "\"“‘'(:—–-"


@lru_cache(maxsize=8)
def _scan_data(taxonomy_path: str) -> tuple:
    """What the scan of every sentence reads from the taxonomy, gathered once (one cached call
    per sentence, not eight look-ups): the taxonomy; the words a trigger form can start with (one
    set to test each word against); the most words a form has (1 when none has several); the cue
    sets the filters read."""
    tax = load_taxonomy(taxonomy_path)
    longest = max((n for counts in tax.multi.values() for n in counts), default=1)
    stop, unlock, be, described, modified, determiners, acronyms, verb_unlike, verb_context = [
        tax.cues.get(name, frozenset())
        for name in ("stop_triggers", "unlock_before", "be_aux", "participle_after", "modified_nouns", "determiners",
                     "acronym_triggers", "verb_unlike_noun", "verb_context")]
    # an -ing form after "be" or after a verb of aspect ("began bombing") is the clause's verb
    be = be | tax.cues.get("aspect_verbs", frozenset())
    return (tax, frozenset(tax.words) | frozenset(tax.multi), longest, stop, unlock, be, described, modified,
            determiners, acronyms, verb_unlike, verb_context)


def _token_spans(text: str, lowered_text: Optional[str], lowered: list[str], count: int) -> list[tuple[int, int]]:
    """(start, end) of the first `count` tokens. With the text lower-cased at the same offsets,
    each token is found after the one before (what lies between holds no word character, and a
    token starts with one), not matched again by the regex."""
    if lowered_text is None:
        return [m.span() for m in islice(_TOKEN.finditer(text), count)]
    spans, end, find = [], 0, lowered_text.find
    for word in lowered[:count]:
        start = find(word, end)
        end = start + len(word)
        spans.append((start, end))
    return spans


def _longest_form(text: str, spans, lowered, k: int, tax: Taxonomy):
    """The longest trigger form starting at token k: (form, end offset) or (None, None)."""
    first = lowered[k]
    for n in tax.multi.get(first, ()):           # word counts of the multi-word forms, longest first
        if k + n <= len(lowered):
            form = " ".join(lowered[k:k + n])
            if form in tax.words and _only_spaces(text, spans, k, n):
                return form, spans[k + n - 1][1]
    if first in tax.words:
        return first, spans[k][1]
    return None, None


def _only_spaces(text: str, spans, k: int, n: int) -> bool:
    return all(text[spans[i][1]:spans[i + 1][0]].isspace() for i in range(k, k + n - 1))


_PREPOSITIONS = frozenset("of in after before since by for from with without on upon while".split())
# after a past form, these make it a participle rather than a verb with its object ("killed in an
# ambush", "killed by a bomb"); "clashed with police" is the verb's own
_NOT_OBJECT = _PREPOSITIONS - {"with"}
_CLAUSE_MARKS = frozenset(",;:—–")


def _before_finite_verb(text: str, end: int, tax: Taxonomy) -> bool:
    """Is the word after `end` a finite verb (an auxiliary, a modal, a past form)? Then the -ing
    form before it is its subject, a gerund, and names a happening ("heavy fighting broke out",
    "early voting began", "renewed looting was reported"), not a participle modifying a noun."""
    word = _next_word(text, end)
    return word in _finite_words(tax.path) or (word.endswith("ed") and len(word) > 4)


@lru_cache(maxsize=8)
def _finite_words(taxonomy_path: str) -> frozenset:
    # imported here: finite.py imports status.py, which imports this module
    from timeline.events.finite import irregular_past

    cues = load_taxonomy(taxonomy_path).cues
    return frozenset(irregular_past()) | cues.get("be_aux", frozenset()) | cues.get("modal", frozenset()) | \
        frozenset(w for w in cues.get("perfect_aux", ()) | cues.get("past_perfect_aux", ()) if " " not in w)


def opens_participle_clause(text: str, start: int) -> bool:
    """Does the word at `start` follow a comma, semicolon, colon or dash? An -ing form there opens a
    participle clause ("hit a hospital, killing 20 people", "posted a letter, urging ..."): it
    modifies no noun, and tells what came with or of the clause's event."""
    return _mark_before(text, start) in _CLAUSE_MARKS


def _acts_in_participle(info: Trigger, tax: Taxonomy) -> bool:
    """Does a participle clause of this verb tell an act? Not a reporting verb's (", saying",
    ", accusing", ", warning that": it attributes what follows), but a promise's (", vowing to":
    the speaker's own commitment, a plan)."""
    return info.lemma not in tax.cues.get("reporting", ()) or \
        info.type.lower() in tax.cues.get("planning_types", ())


