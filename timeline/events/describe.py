"""Step 4, describe: each candidate's headline (its clause with the dates, dateline and lead
words removed, the verb in the present) and actors (from capitalisation, titles and the clause's
word order), and the keywords that tell its mentions apart.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Optional

from timeline.events.clauses import AND_PREDICATE, Clause, word_before
from timeline.events.ranges import range_start
from timeline.events.taxonomy import WORD_BEYOND_ASCII, Taxonomy, load_taxonomy
from timeline.events.triggers import title_case
from timeline.events.words import alternation as _alternation
from timeline.events.words import LANG, ordered, words
from timeline.lang import pack_file

if TYPE_CHECKING:       # named in annotations only: candidates.py imports this module
    from timeline.events.candidates import SentenceWork

_HEADLINE, _NAMES = words("headline"), words("names")


# A run of capitalised words, with the particles names carry ("al-", "bin", "of the"), starting
# at a word's start; a brand's camel case is a capital too ("iPhone", "eBay", "iTunes Store").
_JOINERS = _alternation(ordered("names", "joiners"))
# "to" joins a name only after a title that takes it (one fixed-width look-behind per title, tried
# once "to" is read: not after every word of every name)
_TITLE_TO = "|".join(f"(?<={re.escape(title)}\\sto)" for title in ordered("names", "titles_before_to"))
_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*|[a-z][A-Z][\w’'.-]*|al-[\w-]+|el-[\w-]+)"
                   rf"(?:\s+(?:(?:{_JOINERS}|to(?:{_TITLE_TO}))\s+(?:the\s+)?)?"
                   r"(?:[A-Z][\w’'.-]*|[a-z][A-Z][\w’'.-]*|al-[\w-]+))*")
# the names that open with a capital: _NAME's first alternative, its look-behind after the capital,
# so that the regex engine skips to the next capital (most sentences' every name); a name opening
# in lower case ("iPhone", "al-Sadr") is looked for by _NAME itself, where the text may hold one
_NAME_UPPER = re.compile(r"[A-Z](?<![\w’'-].)[\w’'.-]*" + _NAME.pattern.split(r"al-[\w-]+|el-[\w-]+)", 1)[1])
# ASCII lower-case letters -> "a", capitals -> "A", every other byte a space: b"aA" is a camel case
_CASES = bytes(0x61 if 0x61 <= c <= 0x7A else 0x41 if 0x41 <= c <= 0x5A else 0x20 for c in range(256))


def _names(text: str):
    """`_NAME.finditer(text)`: the same matches."""
    if "l-" in text or b"aA" in text.encode("ascii", "replace").translate(_CASES):
        return _NAME.finditer(text)
    return _NAME_UPPER.finditer(text)


_POSSESSIVE = ("’s", "'s")
_ADVERB = re.compile(r"^\w+ly$")
# stripped from a headline's start and end (a closing apostrophe stays at the end); its spaces
# are single by then
_LEAD_EDGE = " ,;:“”\"'‘’(—–-"
_TRAIL_EDGE = " ,;:“”\"‘(—–-"
MAX_WORDS = 20
_BY_WITH = re.compile(rf"\s*(?:{_alternation(_HEADLINE['participle_followers'])})\b")


def _plural_word(word: str) -> str:
    """The word as an alternative, not after the start of a name it ends ("(?<!united )states")."""
    ahead = [n[:-len(word)] for n in _HEADLINE["singular_names"] if n.endswith(" " + word)]
    return "".join(f"(?<!{re.escape(a)})" for a in ahead) + re.escape(word)


_NUMBER_WORDS = frozenset(_HEADLINE["number_words"])
# a plural word or a number ("two soldiers", "2 million") makes the subject plural
_PLURAL_WORD = re.compile(
    rf"\b(?:{'|'.join(_plural_word(w) for w in sorted(_HEADLINE['plural_words'] | _NUMBER_WORDS, key=lambda w: (-len(w), w)))})\b")
# "some 2 million died", not "7.8", "18-year-old" or a year before a name ("the 1968 Hong Kong
# outbreak"): read in the text as written, for its capitals
_COUNT = re.compile(r"(?<![\d.,])\b(?!(?:1[89]|20)\d\d\s+[A-Z])(?:[2-9]|\d{2,})\b(?![.,]\d|-)")
_ES_PLURAL = re.compile(r"(?:ss|x|zz|ch|sh)es$")     # "buzzes" -> "buzz", but "seizes" -> "seize"
_WHO = re.compile(rf"(?:{_alternation(_HEADLINE['relative_pronouns'])})\s+", re.I)
_FIRST_VERB = re.compile(rf"\b(?:{_alternation(words('clauses')['auxiliaries'])}|[a-z]+ed)\b")
_SAID = ordered("headline", "attribution_verbs")
_ATTRIBUTION = re.compile(
    rf",?\s+(?:(?:{_alternation(_HEADLINE['attribution_modifiers'])}|[A-Z][a-z]+)\s+){{0,2}}"
    rf"(?:{_alternation(_HEADLINE['attribution_sources'])})\s+"
    rf"(?:{_alternation(_SAID)})[\s.,;]*$")
_SINGULAR_ENDINGS = tuple(_HEADLINE["singular_endings"])
_SINGULAR_IN_S = _HEADLINE["singular_in_s"]


def who_and_where(text: str, tax: Taxonomy, casing: Optional[Casing] = None) -> tuple[list[str], list[str]]:
    """(actors, places) named in the clause. Names are capitalised runs, titles kept with their
    person; a lower-case actor noun heading the subject keeps its determiner ("the government").
    A name is a place when it ends in a place noun ("Elm Street", "Helmand province", "Al Asad Air
    Base"), follows one ("the village of Guffa"), or follows a preposition of place ("in Baghdad",
    "near Kabul") without being an organisation ("at the United Nations"): countries acting or acted
    on stay actors ("Iran attacked", "sanctions on Iran"); "in Iran" is where. With the document's
    `casing`, a capitalised common word opening the clause is no name ("Here the government")."""
    not_actors, actor_nouns, place_nouns, particles, organisation_heads, place_prepositions = _name_cues(tax.path)
    pertainyms = _pertainyms()
    found: list[str] = []
    places: list[str] = []
    joined_to = place_end = 0
    for m in _names(text):
        start, end = m.span()
        if start < joined_to:
            continue            # the part a particle joined to the name before
        name = m.group(0)
        if name[-1] == ".":
            name = _without_full_stop(name)
        words = name.split()
        while words and words[0].lower().strip("’'") in not_actors and not _acronym(words[0]):
            start += len(words[0]) + 1
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        after = text[end:end + 30].split(None, 1)      # the first word only: no need to split the rest
        head = after[0].lower().strip(",.") if after else ""
        of_name, acts = None, head in actor_nouns
        if acts:
            name = f"{name} {after[0].strip(',.')}"     # "Iraq's parliament", "Trump administration"
        elif head in place_nouns:
            name = f"{name} {after[0].strip(',.')}"     # "Helmand province", "Elm street"
        elif name.endswith(_POSSESSIVE):
            name = name[:-2]
        else:
            of_name = pertainyms.get(name)
        last = name.rsplit(None, 1)[-1].lower()         # the name's last word: a particle, a place noun
        joined_to = end
        if last in particles:
            name, joined_to = _joined_particle(name, text, end)
            last = name.rsplit(None, 1)[-1].lower()
        lowered = name.lower()
        if lowered in not_actors and not _acronym(name) or len(name) <= 1 or \
                casing and casing.common(name):
            continue
        if lowered in tax.words and not text[:start].strip(_OPENING_MARKS):
            continue    # "Statement from the minister": an event's word, capitalised as the first
        abbreviation = _ABBREVIATIONS.get(lowered)
        if abbreviation:        # "the Govt 's": the government
            name = abbreviation
            last = name.rsplit(None, 1)[-1].lower()
        if of_name is not None:
            # "the Iranian attack": an adjective, no place even after "in"; a state's acts
            name = of_name or name
        elif _is_place(last, text, start, place_nouns, organisation_heads, place_prepositions) or \
                not acts and text[place_end:start] in _PLACE_COORDINATION:
            # "at Al-Assad and Irbil": the preposition governs both names ("…, and Bladensburg
            # police said": a new subject)
            if name not in places:
                places.append(name)
            place_end = end
            continue
        if name not in found:
            found.append(name)
    if not found:
        words = text.split()[:6]
        for i, word in enumerate(words):
            if word.lower().strip(",.") in actor_nouns:
                noun = word.strip(",.")
                before = words[i - 1].lower() if i else ""
                found.append(f"{before} {noun}" if before in ("the", "its", "their") else noun)
                break
    return found, places


class Casing:
    """What a document's own spelling tells of a capitalised word that opens a sentence or a
    quote, where capitals say nothing: a common word when the document also writes it in lower
    case and never capitalises it within a sentence ("Symptoms include", "Good news", "Swine
    flu"); a name when it does ("Steve Jobs ... Jobs said"). Mikheev 1999, "A knowledge-free
    method for capitalized word disambiguation"."""

    def __init__(self, text: str, keep: frozenset = frozenset()):
        self._text, self._keep = text, keep
        self._told: dict[str, bool] = {}

    def common(self, name: str) -> bool:
        """A one-word name that is a common word (the lower-case words of `keep` never are)."""
        told = self._told.get(name)     # a document names the same few again and again
        if told is None:    # the text searched for this word only: a long document has few to ask of
            told = self._told[name] = not (" " in name or not name[:1].isupper() or name.isupper() or
                                           name.lower() in self._keep) and \
                self._written(name.lower()) and not self._written(name, within_sentence=True)
        return told

    def _written(self, word: str, within_sentence: bool = False) -> bool:
        """`word` stands in the text as a word of its own (`within_sentence`: after a lower-case
        word, a number or a comma and a space, where capitals are a name's, not a sentence's)."""
        text, at = self._text, self._text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _in_word(text[at - 1])) and (end == len(text) or not _in_word(text[end])) \
                    and (not within_sentence or _after_a_word(text, at)):
                return True
            at = text.find(word, at + 1)
        return False


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


def _after_a_word(text: str, at: int) -> bool:
    return at >= 2 and text[at - 1] == " " and (text[at - 2] in ",;" or text[at - 2].isdigit() or
                                                 "a" <= text[at - 2] <= "z")


_OPENING_MARKS = " \"“‘'(—–-"
# between two places, what makes the second a place too: "in Baghdad and Basra", "Kabul, Herat"
_PLACE_COORDINATION = frozenset({" and ", " or ", ", ", ", and ", ", or "})
# the full stop of an initialism is part of it ("U.S.", "D.C."); another ends the sentence
_INITIALISM_END = re.compile(r"(?:^|[.\s])[A-Z]\.$")


def _without_full_stop(name: str) -> str:
    if not name.endswith("."):      # most names: nothing to strip, no regex to run
        return name
    return name if _INITIALISM_END.search(name) else name.rstrip(".")


@cache
def _pertainyms() -> dict[str, str]:
    """Adjectives of a named place or people (lang/en/pertainyms.tsv, from Open English WordNet)
    -> the state they stand for as an actor ("Iranian" -> "Iran"), or "" (a people, a faith)."""
    out = {}
    for line in pack_file(LANG, "pertainyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            adjective, name, _, level = line.split("\t")
            out[adjective] = name if level else ""
    return out


@lru_cache(maxsize=8)
def _name_cues(taxonomy_path: str) -> tuple:
    """The cue lists who_and_where reads, gathered once (one cached call a clause, not six
    look-ups): the words that open a clause but name nobody (the taxonomy's and the narrative
    adverbs), actor nouns, place nouns, name particles, organisation heads, place prepositions."""
    cues = load_taxonomy(taxonomy_path).cues
    return (cues.get("not_actors", frozenset()) | _NARRATIVE_ADVERBS, cues.get("actor_nouns", frozenset()),
            cues.get("place_nouns", frozenset()), cues.get("name_particles", ()), cues.get("organisation_heads", ()),
            cues.get("place_prepositions", ()))


# abbreviations a name cannot be left as: the word they stand for
_ABBREVIATIONS = _NAMES["abbreviations"]
_SPACED_HYPHEN = re.compile(r"\s*-\s*([A-Z][\w’'.-]*)")


def _joined_particle(name: str, text: str, end: int) -> tuple[str, int]:
    """"Bashar Al - Assad", "Al-Shabaab" written token by token: a name ending in a particle
    ("al", "el", "bin", "abu") goes on to the name joined to it by a hyphen. -> (the name, where
    it ends in the text)."""
    m = _SPACED_HYPHEN.match(text, end)
    return (f"{name}-{m.group(1)}", m.end()) if m else (name, end)


def _is_place(last: str, text: str, start: int, place_nouns, organisation_heads, place_prepositions) -> bool:
    """Is the name at `start` whose last word is `last` (lower case) a place?"""
    if last in place_nouns:
        return True
    if last in organisation_heads:
        return False
    before = text[max(0, start - 40):start].lower().rsplit(None, 3)[-3:]     # the last three words
    if before and before[-1] in ("the", "a"):
        before.pop()
    if not before:
        return False
    if before[-1] == "of" and len(before) > 1 and before[-2] in place_nouns:
        return True     # "the village of Guffa"
    return before[-1] in place_prepositions


def headline(text: str, trigger: tuple[int, int], removals: list[tuple[int, int]], tax: Taxonomy,
             lemma_form: str | None, antecedent: str | None = None, question: bool = False,
             event_word: Optional[int] = None, casing: Optional[Casing] = None) -> str:
    """The clause as a reader's headline: dates and the leading connective removed, adverbs before
    the verb dropped, a past-tense verb put in the present ("killed" -> "kills"); a "who" clause
    takes the `antecedent` it tells of ("Jane Doe takes office"), and so does a clause resumed
    after one ("The deal, which ..., was approved": "Deal was approved"). `event_word`: where the
    event's own word starts, when the clause's verb is another's (an aside holding it stays);
    `casing`: the document's, which tells a sentence's capitalised first word from a name."""
    if antecedent:
        who = _WHO.match(text) or AND_PREDICATE.match(text)
        if who or text[:1].islower():
            prefix = antecedent + " "
            shift = len(prefix) - (who.end() if who else 0)
            text = prefix + text[who.end() if who else 0:]
            trigger = (trigger[0] + shift, trigger[1] + shift)
            removals = [(start + shift, end + shift) for start, end in removals]
            event_word = None if event_word is None else event_word + shift
    removals = _merged(removals)        # a dateline holds its own date: spans may overlap
    pieces, pos = [], 0
    for start, end in removals:
        pieces.append(text[pos:start])
        pos = end
    head = "".join(pieces) + text[pos:]
    t_start = _shift(trigger[0], removals)
    t_end = _shift(trigger[1], removals)
    before, verb, after = head[:t_start], head[t_start:t_end], head[t_end:]
    if " -" in before or " -" in after or "–" in head or "—" in head:
        held = _shift(event_word, removals) if event_word is not None else -1

        def without_asides(part: str, at: int) -> str:
            return _DASH_ASIDE.sub(lambda m: m[0] if at + m.start() <= held < at + m.end() else "", part)
        before, after = without_asides(before, 0), without_asides(after, t_end)
    second = _SECOND_PREDICATE.search(after)
    if second:      # "have been advised to stay at home [and have been instructed ...]": one predicate
        after = after[:second.start()]
    before_words = before.split()
    # "members injured with ...", "soldiers killed in the attack were buried": no verb of its own
    participle = _BY_WITH.match(after) or _verb_later(after)
    group = len(before_words)       # the verb group before the verb: auxiliaries and adverbs
    while group and (_ADVERB.match(before_words[group - 1]) or before_words[group - 1].lower() in _AUX
                     or before_words[group - 1].lower() in _GROUP_ADVERBS):
        group -= 1
    # the word before the group, lower case; a name in capitals keeps its case, so that it is
    # no word of the lists it is looked up in ("the WHO also urged": no relative pronoun)
    ahead = before_words[group - 1] if group else ""
    ahead = ahead if _acronym(ahead) else ahead.lower()
    present = lemma_form and not participle and ahead not in _NO_TENSE_CHANGE
    if _drops_auxiliaries([w.lower() for w in before_words[group:]], ahead, present):
        # "was bombed" -> "bombed", "has targeted" -> "targets"; "had never attacked" -> "never attacks"
        before_words[group:] = [w for w in before_words[group:] if w.lower() in _GROUP_ADVERBS]
    if present:
        # the words before the verb group ("The army [has] bombed": not the auxiliary)
        subject = _head_phrase(" ".join(before_words[:group]).rsplit(",", 1)[-1].split())
        while subject and subject[0].lower() in _LEADING:     # "and South Sudan became": one subject
            subject.pop(0)
        if ahead in _SUBJECT_PRONOUNS:      # "a facemask that I bought": the pronoun is the subject
            plural = ahead in _PLAIN_FORM_PRONOUNS
        else:
            plural = _plural_subject(subject, tax.cues.get("actor_nouns", frozenset()), casing)
        verb = _plural(lemma_form) if plural else lemma_form
    while before_words and _leading(before_words[0]):
        before_words.pop(0)
    line = " ".join((" ".join(before_words + [verb]) + " " + after).split())     # single spaces
    line = line.replace(" ,", ",").replace(" .", ".").lstrip(_LEAD_EDGE).rstrip(_TRAIL_EDGE)
    if " 's" in line or " ’s" in line:      # tokenised text: "Haiti 's coast"
        line = _SPACED_POSSESSIVE.sub(r"\1", line)
    if "(" in line:
        line = _ASIDE.sub("", line).strip() or line
    if line.rstrip(" .,;").endswith(_SAID):        # most headlines: no attribution to look for
        # "rose to 2,300, officials said", "strikes Port Allen, the National Weather Service said":
        # who told it is no news
        # the longest form first: a determiner after a comma opens all of "the head of the World
        # Health Organization said", of which "Organization said" would match a name alone
        line = _DETERMINED_ATTRIBUTION.sub("", line) if len(line.split()) > 5 else line
        line = _ATTRIBUTION.sub("", line)
        line = _NAMED_ATTRIBUTION.sub("", line) if len(line.split()) > 4 else line
    according = _ACCORDING.search(line)
    if according:
        line = line[:according.start()]     # "killed 2,800 people, according to rights groups"
    words = line.split()
    if len(words) > MAX_WORDS:
        # a long clause: cut after a comma, colon or semicolon, else before a word opening a phrase
        # of its own ("to ...", "that ...", "and ..."; in lower case: "Take That" is a name), else
        # after MAX_WORDS words
        near = range(MAX_WORDS, MIN_WORDS - 1, -1)
        cut = next((i for i in near if words[i - 1][-1:] in ",;:"), None) or \
            next((i for i in near if words[i] in _PHRASE_OPENERS), MAX_WORDS)
        words = words[:cut]
    while len(words) > 1 and words[-1].lower().strip(",;:.!?\"“”‘’'`-—–") in _DANGLING:
        words.pop()             # "delays payments for [six weeks]": the time removed left its word
    line = " ".join(words).rstrip(",;:.!? ") + ("?" if question else "")    # a question stays one
    told = _NOUN_THEN_RELATIVE.match(line)
    present = told and tax.third_person.get(told[2].lower())
    if present and not _FIRST_VERB.search(told[1].lower()) and not _FIRST_VERB.search(line, told.end(2)):
        # "the earthquake which killed tens of thousands": the noun is the subject of the news
        # (not "the man who shot his wife was arrested": the clause has a verb of its own)
        line = f"{told[1]} {present}{line[told.end(2):]}"
    return line[:1].upper() + line[1:]


MIN_WORDS = 6
# a noun phrase of a few words (no mark, no verb), a relative pronoun and its verb opening a headline
_NOUN_THEN_RELATIVE = re.compile(
    rf"((?:\w[\w.-]* ){{0,3}}?\w[\w.-]*) (?:{_alternation(_HEADLINE['relative_pronouns'])}) ([a-z]+)\b", re.I)
# a headline holds no aside in brackets: a time restated "(2153 GMT)", a sum converted "(£354m)";
# nor between dashes, before its subject is read: "The quake - Haiti's worst in two centuries -
# struck" is "Quake strikes"
_ASIDE = re.compile(r"\s*\([^()\n]{1,60}\)")
_DASH_ASIDE = re.compile(r"\s+(?:--?|[–—])\s+[^-–—\n]{1,60}?\s+(?:--?|[–—])(?=\s)")
_SPACED_POSSESSIVE = re.compile(r"(?<=\w) (['’]s)\b")
_PHRASE_OPENERS = _HEADLINE["phrase_openers"]
# "..., the National Weather Service said": a name (or "the" and a name) before the verb of saying
_NAMED_ATTRIBUTION = re.compile(rf",?\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{1,5}}"
                                rf"(?:{_alternation([v for v in _SAID if v not in _HEADLINE['passive_after_names']])})[\s.,;]*$")
_DETERMINED_ATTRIBUTION = re.compile(
    rf"[,\"”]+\s+(?:{_alternation(_HEADLINE['attribution_determiners'])})\s+(?:[\w.'’-]+\s+){{0,7}}"
    rf"(?:{_alternation(_SAID)})[\s.,;]*$", re.I)
_ACCORDING = re.compile(rf",?\s+(?:{_alternation(_HEADLINE['attribution_tails'])})\b.*$", re.I)


# after these the verb keeps its form ("willingness to settle", "shootings that injured")
_NO_TENSE_CHANGE = _HEADLINE["no_tense_change"]
_PAST_AS_BASE = frozenset(_HEADLINE["past_as_base"])
_AUX = _HEADLINE["auxiliaries"]
_PASSIVE_AUX = _HEADLINE["passive_auxiliaries"]
# "and" before a finite auxiliary opens a second predicate of the same subject
_SECOND_PREDICATE = re.compile(rf"\s+and\s+(?:{_alternation(words('clauses')['auxiliaries'])})\b")
_AUX_KEPT_AFTER = _HEADLINE["auxiliaries_kept_after"]
# words that cannot end a headline: prepositions, determiners, conjunctions, and verbs that need
# what follows them (auxiliaries, modals, "to"); particles of phrasal verbs ("take over", "give in") can
_DANGLING = _HEADLINE["dangling"] | {""}      # "": a lone mark ("said :")
# a headline opens on none of these; a name on no narrative adverb either (who_and_where)
_NARRATIVE_ADVERBS = _HEADLINE["narrative_adverbs"]
_LEADING = _HEADLINE["leading"] | _NARRATIVE_ADVERBS
_LEADING_OR_MARK = _LEADING | {""}        # "": a lone mark ('" While our party')


_FINITE_AFTER_PARTICIPLE = _HEADLINE["finite_after_participle"]
_CLAUSE_BOUNDS = words("types")["subject_bounds"] | _HEADLINE["clause_openers"]
_PARTICIPLE_PHRASE = words("types")["object_prepositions"]
_QUANTITY_OPENERS = words("types")["quantity_openers"]
_PARTICIPLE_OPENERS = _PARTICIPLE_PHRASE | _FINITE_AFTER_PARTICIPLE


def _verb_later(after: str) -> bool:
    """Is the verb a participle in its subject, the clause's own verb ("were", "has") following
    after a phrase it opens ("killed in the attack were buried"), before a comma or another clause?
    A noun right after it is a complement clause's subject ("said progress was made")."""
    first = after.split(None, 1)
    if not first or first[0].lower() not in _PARTICIPLE_OPENERS:
        return False        # most verbs: an object or nothing follows
    words_after = after.lower().split()
    if words_after[0] in _QUANTITY_OPENERS or " ".join(words_after[:2]) in _QUANTITY_OPENERS:
        return False        # "said about 60 people had died", "confirmed at least some": an object
    for word in words_after:
        if word in _FINITE_AFTER_PARTICIPLE:
            return True
        if word in _CLAUSE_BOUNDS or word[-1] in ",;:":
            return False
    return False


def _leading(word: str) -> bool:
    """A connective, article or lone mark a headline does not open on."""
    bare = word.strip(_LEAD_EDGE)
    return bare.lower() in _LEADING_OR_MARK and not _acronym(bare)


def _acronym(word: str) -> bool:
    """A word in capitals is a name ("the WHO warned", "IT firms"), not the word it spells."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _drops_auxiliaries(verb_group: list[str], ahead: str, present: bool) -> bool:
    """Can a headline drop the auxiliaries of the verb group before its verb (the group: its
    words, lower case; `ahead`: the word before it; `present`: the verb will take the present)?"""
    if not ahead or not any(w in _AUX for w in verb_group):
        return True             # adverbs only ("quickly collapsed"), or nothing before them
    if ahead in _AUX_KEPT_AFTER:
        return False            # "should have given"
    if present:
        return True             # "has targeted" -> "targets"
    return any(w in _PASSIVE_AUX for w in verb_group) and ahead not in _SUBJECT_PRONOUNS


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _shift(offset: int, removals: list[tuple[int, int]]) -> int:
    removed = sum(min(end, offset) - start for start, end in removals if start < offset)
    return offset - removed


_POSTMODIFIERS = frozenset(_HEADLINE["subject_postmodifiers"])
_GROUP_ADVERBS = frozenset(_HEADLINE["verb_group_adverbs"])
_QUANTITY_HEADS = frozenset(_HEADLINE["quantity_heads"])


def _head_phrase(words: list[str]) -> list[str]:
    """The subject up to the phrase that follows its head ("the number [of cases in the UK]"),
    the whole of it after a quantity ("a number of people")."""
    for i in range(1, len(words)):
        if words[i].lower() in _POSTMODIFIERS and " ".join(words[max(0, i - 2):i]).lower() not in _QUANTITY_HEADS:
            return words[:i]
    return words


def _plural_subject(words: list[str], actor_nouns: frozenset, casing: Optional[Casing] = None) -> bool:
    written = " ".join(words)
    text = written.lower()
    if " and " in f" {text} " or _PLURAL_WORD.search(text) or _COUNT.search(written):
        return True
    head = words[-1] if words else ""
    if len(words) == 1 and head[:1].isupper() and (head.lower() in actor_nouns or casing is not None and casing.common(head)):
        # "Regulators fined", "Shares fell": capitalised only as the sentence's first word (an
        # actor noun, or a word the document writes in lower case elsewhere)
        head = head.lower()
    if head[:1].isupper() and head.endswith("s") and head[:-1] in _pertainyms():
        return True     # "Haitians donate": a people, an adjective of a place made a plural noun
    # "ticket sales fell": a lower-case head noun in -s ("the United States", "the news", "a crisis" are not)
    return head.islower() and head.endswith("s") and not head.endswith(_SINGULAR_ENDINGS) \
        and head not in _SINGULAR_IN_S


def _plural(third_person: str) -> str:
    """kills -> kill, announces -> announce, targets -> target (plural subjects)."""
    head, _, rest = third_person.partition(" ")
    if head.endswith("ies") and len(head) > 4:     # "carries" -> "carry", but "dies" -> "die"
        head = head[:-3] + "y"
    elif _ES_PLURAL.search(head):
        head = head[:-2]
    elif head.endswith("s"):
        head = head[:-1]
    return f"{head} {rest}" if rest else head


# ---------------------------------------------------------------- the step

# the words that tie a date to its clause, removed with it from a headline ("back in February,")
_LEAD_FIRST = ordered("headline", "time_lead_first")
_LEAD_WORDS = ordered("headline", "time_lead_words")
_APPROXIMATORS = ordered("headline", "time_approximators")
_TIME_LEAD = re.compile(rf"(?:\b(?:{'|'.join(_LEAD_FIRST)})\s+)?(?:\b(?:{'|'.join(_LEAD_WORDS)})\s+)?"
                        rf"(?:\b(?:{'|'.join(_APPROXIMATORS)})\s+)*\Z", re.I)
# "Friday, ...", "Thursday's vote" (tokenised text: "Thursday 's vote"): removed with the time
_TIME_TRAIL = re.compile(r"\s*,|\s?['’]s\b")
_KEYWORD = re.compile(r"[\w-]+")
_COMMA_BEFORE = re.compile(r",\s*\Z")
LEAD_WINDOW = 120   # longest lead before a time ("back early in ..."), in characters
# A wire dateline opening a sentence: where the story was filed (and when, by whom), no actor
# and no words of the headline. "BRUSSELS, March 14 (Reuters) - ", "GENEVA (AP) — ", "KHARTOUM,
# Sudan -- "; a place in ordinary case needs the agency: "Washington (CNN) — ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,[^()\n—–]{1,40}?)?\s*(?:\([\w .&/'-]{1,30}\))?"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,[^()\n—–]{1,40}?)?\s*\([\w .&/'-]{1,30}\))"
    r"\s*(?:—|–|--|-)\s+")




# a quote that is a sentence of its own opens the sentence or follows a colon or comma; one after a
# word is part of the reporter's sentence ('said the group "carried out the attack"')
_QUOTED_SENTENCE = re.compile(r"(?:^|[:,])\s*(?:[“\"]|``)\Z")


def describe(work: SentenceWork, times, tax: Taxonomy, casing: Casing) -> None:
    for cand in work.cands:
        if cand.part_of is not None and cand.drop:
            continue        # a further trigger that is no event of its own: its head tells it
        if cand.words_from is not None:     # "condemned the bombing": the bombing's words follow the verb
            cand.clause = replace(cand.clause, start=cand.words_from)
        if work.quotes:     # told in a quote: the headline is the quote's words ('He said: "We will attack"')
            t0 = cand.trigger_start - work.sentence.start
            quote = next(((s, e) for s, e in work.quotes if s <= t0 < e and _QUOTED_SENTENCE.search(
                work.sentence.text, 0, s)), None)
            if quote and (quote[0] > cand.clause.start or quote[1] < cand.clause.end):
                cand.clause = replace(cand.clause, start=max(quote[0], cand.clause.start),
                                      end=min(quote[1], cand.clause.end))
                if cand.verb and not cand.clause.start <= cand.verb[0] < cand.clause.end:
                    cand.verb = None        # the verb that reports the quote
        if "|" in work.sentence.text:
            _within_bars(cand, work.sentence.text, cand.trigger_start - work.sentence.start)
        _describe(cand, work.sentence, times, work.in_sentence, work.clauses, work.by_clause, tax, casing)


def _within_bars(cand, text: str, t0: int) -> None:
    """A vertical bar sets apart a byline, a label or a site's name ("William Crawley | 22:29 His
    body was found", "Quake kills thousands | World news"): the headline is the part holding the
    trigger (`t0`: the trigger's offset in the sentence)."""
    start = text.rfind(" | ", cand.clause.start, t0)
    end = text.find(" | ", t0, cand.clause.end)
    if start != -1 or end != -1:
        cand.clause = replace(cand.clause, start=start + 3 if start != -1 else cand.clause.start,
                              end=end if end != -1 else cand.clause.end)


# the times a headline leaves out: the chart shows them; a duration stays ("could take three weeks")
_DATES = ("DATE", "TIME")


def _describe(cand, sentence, times, in_sentence, clauses, by_clause, tax, casing) -> None:
    clause = cand.clause
    text = sentence.text[clause.start:clause.end]
    end = clause.end
    told = _told_by_relative(cand, sentence.text, clause, clauses, tax)
    if told is not None:
        # "The attack, which killed 20 people, was claimed ...": the noun alone says nothing; the
        # relative clause tells what it did ("Attack kills 20 people"). The comma goes, its place
        # kept as a space, so that offsets into the text hold
        gap = clause.start + len(sentence.text[clause.start:told.start].rstrip(" ,"))
        text = sentence.text[clause.start:gap] + " " * (told.start - gap) + sentence.text[told.start:told.end]
        end = told.end
    reporting = cand.info.lemma in tax.cues.get("reporting", ())
    if cand.type == "DEMAND_THREAT_ACCUSE" and reporting:
        # the threat's words belong in its headline
        later = [c for c in clauses if c.start >= clause.end and c.kind in ("report", "cond")]
        if later:
            end = later[-1].end
            text = sentence.text[clause.start:end]
    removals = []
    report = next((c for c in clauses if c.kind == "report" and c.head is not None
                   and clauses[c.head] is clause), None) if reporting and cand.verb else None
    if report:
        # "said in an interview with Rudaw Sunday that X": the headline keeps "says X"
        end = max(end, report.end)
        text = sentence.text[clause.start:end]
        removals.append((cand.verb[1] - clause.start, report.start - clause.start))
    # a dateline opens with a place in capitals or holds an agency in brackets: most sentences neither
    dateline = _DATELINE.match(text) if clause.start == 0 and (text[:2].isupper() or "(" in text[:60]) else None
    if dateline:
        removals.append((0, dateline.end()))
    for i in in_sentence:
        t = times[i]
        s, e = t.start - sentence.start, t.end - sentence.start
        if clause.start <= s and e <= end and t.type in _DATES:
            # a bounded window: searching from the clause start is quadratic on long clauses
            trail = _TIME_TRAIL.match(sentence.text, e, end)
            # "from Saturday's earthquake": a possessive time leaves its preposition to the noun
            possessive = trail is not None and trail.group(0)[-1] == "s"
            s2 = s if possessive else _lead_start(sentence.text, max(clause.start, s - LEAD_WINDOW), s)
            comma = _COMMA_BEFORE.search(sentence.text, clause.start, s2) if trail and not possessive else None
            if comma:
                s2 = comma.start()      # "The strike, in 1989, lasted": both commas go
            cut = trail.end() if trail else e
            if trail and cand.times_until is not None and e <= cand.times_until < cut:
                cut = cand.times_until      # "in January, the operator announced": the comma opens the attribution
            removals.append((s2 - clause.start, cut - clause.start))
    if len(removals) > 1:
        removals = _ranges_joined(text, sorted(removals))
    verb = cand.verb or (cand.trigger_start - sentence.start, cand.trigger_end - sentence.start)
    # the verb's present form and the antecedent are read when the headline is asked for (most
    # candidates never need it), from the status the candidate has now
    cand.headline_args = (sentence.text, clause, clauses, text, verb, removals, tax,
                          cand.status if cand.verb else None, cand.question, cand.trigger_start - sentence.start,
                          casing)
    if title_case(sentence.text):
        cand.actors, cand.places = [], []
    else:
        cand.actors, cand.places = who_and_where(_strip_times(text, removals), tax, casing)
        cand.actors = cand.actors or _controlling_subject(cand, sentence, clauses, by_clause, tax, casing)
    # the names joined by a space, which no keyword holds: one scan, the same words
    names = cand.actors + cand.places
    determiners = tax.cues.get("determiners", ())      # "the government": its noun tells it apart
    keywords = {lowered.removeprefix("al-") for w in _KEYWORD.findall(" ".join(names))
                if len(w) > 2 and (lowered := w.lower()) not in determiners} if names else set()
    keywords.add(cand.info.lemma)
    cand.keywords = frozenset(keywords)


def candidate_headline(sentence: str, clause: Clause, clauses: list[Clause], text: str, verb: tuple[int, int],
                       removals: list[tuple[int, int]], tax: Taxonomy, status: Optional[str], question: bool,
                       trigger: int, casing: Optional[Casing] = None) -> str:
    """The headline of a candidate as `_describe` left it: `text` is its clause's words, `verb`
    and `trigger` are sentence offsets, `status` is its status then when `verb` is the clause's
    own verb (None: the trigger stands for it)."""
    form = _present_form(sentence, verb, status, tax) if status is not None else None
    return headline(text, (verb[0] - clause.start, verb[1] - clause.start), removals, tax, form,
                    _antecedent(sentence, clause, clauses, tax), question, trigger - clause.start, casing)


def _present_form(sentence: str, verb: tuple[int, int], status: str, tax: Taxonomy) -> Optional[str]:
    """The clause verb's present form for the headline ("killed" -> "kills"), None when it keeps
    its own."""
    word = sentence[verb[0]:verb[1]].split()[0].lower()
    if word.endswith("ing") or status not in ("occurred", "claimed", "ongoing"):
        return None
    prev = word_before(sentence, verb[0])
    # a participle after "was" or "got" ("Somebody's child got shot"), not the clause's own form
    aux = prev and (prev.lower() in tax.cues.get("be_aux", ()) or prev.lower() in _PASSIVE_AUX)
    if prev and _ADVERB.match(prev):        # "Obama's newly confirmed health secretary": past the adverb
        prev = word_before(sentence, sentence.rfind(prev, 0, verb[0])) or prev
    adjective = prev and _describes_noun(prev, sentence, verb[1], tax)   # "the reported bombing": no verb
    # "The truce, agreed on Nov. 24, had been extended": a participle, not the clause's verb
    appositive = _APPOSITIVE.search(sentence, max(0, verb[0] - 30), verb[0])
    form = tax.third_person.get(word) if not (aux or adjective or appositive) else None
    if form and word in (form, _plural(form)) and word not in _PAST_AS_BASE:
        return None         # already in the present, or a noun ("a major issue")
    return form + sentence[verb[0]:verb[1]][len(word):] if form else None


_PARTICIPLE_AFTER = frozenset(_HEADLINE["participle_after"])
_NUMERAL = re.compile(r"\d[\d,.]*")
_PLURAL_NEXT = re.compile(r"\s+[a-z]+s\b")
_AUXILIARY_NEXT = re.compile(rf"\s+(?:{_alternation(_HEADLINE['auxiliaries'])})\b")


def _describes_noun(prev: str, text: str, verb_end: int, tax: Taxonomy) -> bool:
    """Is the past form after `prev` a participle describing a noun, not a finite verb? After a
    determiner ("the reported bombing"), a preposition or "of" ("the number of confirmed cases"); after a
    number when a plural noun follows ("two confirmed cases"; "two died" is a verb)."""
    word = prev.lower()
    if word in tax.cues.get("determiners", ()) or word in _PREPOSITIONS or word in _PARTICIPLE_AFTER:
        return True
    if word.endswith(_POSSESSIVE) and word[:-2] not in _SUBJECT_PRONOUNS:
        return True     # "Obama's confirmed health secretary" ("he's confirmed": he has)
    if _AUXILIARY_NEXT.match(text, verb_end):
        return True     # "two new cases confirmed were adults": the clause's verb comes after
    return (word in _NUMBER_WORDS or bool(_NUMERAL.fullmatch(word))) and bool(_PLURAL_NEXT.match(text, verb_end))


def _ranges_joined(text: str, removals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two times removed from a headline that make a range go with the words joining them
    ("between 3 and 5 May", "from Monday to Wednesday")."""
    out = [removals[0]]
    for start, end in removals[1:]:
        begin = range_start(text, out[-1][0], out[-1][1], start)
        if begin is not None:
            out[-1] = (min(begin, out[-1][0]), end)
        else:
            out.append((start, end))
    return out


_FIRST_SET, _WORD_SET, _APPROXIMATOR_SET = frozenset(_LEAD_FIRST), frozenset(_LEAD_WORDS), frozenset(_APPROXIMATORS)
_APPOSITIVE = re.compile(rf"\w,\s+(?:(?:{'|'.join(ordered('headline', 'appositive_adverbs'))}|\w+ly)\s+)?\Z")


def _lead_start(text: str, start: int, end: int) -> int:
    """Where _TIME_LEAD's match in text[start:end] starts, read backwards from the time:
    approximators, then perhaps one preposition of _LEAD_WORDS, then perhaps one of _LEAD_FIRST,
    each followed by spaces (the longest such lead is the leftmost match). For word characters
    that are all ASCII (curly quotes and dashes are none: most news), from the character before
    the window on; other text goes to the regex."""
    if not text.isascii() and WORD_BEYOND_ASCII.search(text, max(0, start - 1), end):
        return _TIME_LEAD.search(text, start, end).start()
    lead, preposition = end, False
    while True:
        word_end = lead
        while word_end > start and text[word_end - 1].isspace():
            word_end -= 1
        word_start = word_end
        while word_start > start and text[word_start - 1].isalpha():
            word_start -= 1
        if word_end == lead or word_start == word_end or word_start and _is_word(text[word_start - 1]):
            return lead         # no spaces, no word, or no word boundary before it
        word = text[word_start:word_end].lower()
        if not preposition and word in _APPROXIMATOR_SET:
            lead = word_start
        elif not preposition and word in _WORD_SET:
            lead, preposition = word_start, True
        elif word in _FIRST_SET:
            return word_start
        else:
            return lead


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_GERUND_OPENING = re.compile(r"\s*\w+\s+(?:\w+ly\s+)?\w+ing\b")
_LEADING_NAMES = re.compile(r"\s*(?:(?:the|The)\s+)?(?:[A-Z][\w'’.-]*\s+)+")


def _controlling_subject(cand, sentence, clauses, by_clause, tax, casing) -> list[str]:
    """"South Sudan split off after voting for secession": a clause opened by a connective and a
    gerund has no subject of its own; its actors are the subject of the main clause."""
    clause = cand.clause
    if clause.kind not in ("after", "before", "same") or not _GERUND_OPENING.match(
            sentence.text, clause.start, clause.end):
        return []
    main = next((i for i, c in enumerate(clauses) if c.kind == "main"), None)
    if main is None:
        return []
    verb = by_clause[main].verb if main in by_clause else None
    if verb is not None:
        subject = sentence.text[clauses[main].start:verb[0]]
    else:       # no trigger in the main clause: the names it opens with
        lead = _LEADING_NAMES.match(sentence.text, clauses[main].start, clauses[main].end)
        subject = lead.group(0) if lead else ""
    return who_and_where(subject, tax, casing)[0] if subject else []


def _antecedent(text: str, clause: Clause, clauses: list[Clause], tax: Taxonomy) -> Optional[str]:
    """Who acted, for a clause that does not say: "Mayor Jane Doe, who took office in 2021" (the
    noun phrase a "who" clause follows), "the bridge, which collapsed" ("which" and "that" when
    they are the subject: the verb follows them), "The deal, which ..., was approved" (the clause
    a relative clause interrupted), "Construction will begin in July and is expected to finish" (a
    second predicate shares the subject of the clause before). A headline then reads "Mayor Jane Doe
    took office", "Construction is expected to finish"."""
    if not clause.start:
        return None                     # most clauses: the sentence's first
    before = [c for c in clauses if c.end <= clause.start]
    if before and AND_PREDICATE.match(text, clause.start):
        # "Construction will begin in July and is expected to finish": the subject before the
        # clause before's first verb
        previous = before[-1]
        verb = _FIRST_VERB.search(text, previous.start, previous.end)
        words = text[previous.start:verb.start()].rsplit(",", 1)[-1].split() if verb else []
        return " ".join(words) if 0 < len(words) <= MAX_ANTECEDENT_WORDS else None
    if clause.opener not in ("", "who", "which", "that"):
        return None                     # opened by another word
    if clause.kind == "relative" and clause.opener and before:
        if clause.opener != "who" and not _pronoun_is_subject(text, clause, tax):
            return None                 # "which the army took": the clause names its own subject
        subject = before[-1]
    elif clause.kind == "main" and not clause.opener and len(before) >= 2 and before[-1].kind != "main" \
            and before[-2].kind == "main" and (before[-1].kind == "relative" or _VERB_GROUP_OPENS.match(text, clause.start)):
        # "The deal, which ..., was approved", "The talks, after they stalled in May, resumed": the
        # clause a relative clause interrupted, or another aside when the clause goes on with its verb
        subject = before[-2]
    else:
        return None
    words = text[subject.start:subject.end].split()
    if clause.kind == "main":
        # the clause the relative one interrupted: its subject follows any fronted phrase and its
        # comma ("At the same time, economists in the US, where ..., have pointed")
        words = text[subject.start:subject.end].rsplit(",", 1)[-1].split()
    if len(words) <= MAX_ANTECEDENT_WORDS:
        return " ".join(words)
    if clause.kind != "relative":
        return None
    # a longer clause: the noun phrase it ends on ("..., the Battle of Midway, which ..."), before
    # an acronym in brackets ("the Influenza Resistance Information Study (IRIS), which ...")
    end = subject.end
    tail = text[subject.start:end].rstrip(" ,")
    if tail.endswith(")") and "(" in tail:
        end = subject.start + tail.rindex("(")
    m = _TRAILING_NAME.search(text, subject.start, end) or _trailing_phrase(tax.path).search(text, subject.start, end)
    return " ".join(m.group(1).split()) if m else None


# a clause going on with its verb group: its first word the first verb of _FIRST_VERB
_VERB_GROUP_OPENS = re.compile(r"\s*" + _FIRST_VERB.pattern)
_TRAILING_NAME = re.compile(rf"((?:\b[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+(?:(?:{_JOINERS})\s+(?:the\s+)?)?){{0,4}}"
                            r"[A-Z][\w'’.-]*)[\s,]*\Z")


@lru_cache(maxsize=8)
def _trailing_phrase(taxonomy_path: str) -> re.Pattern:
    """A determiner (or a name's possessive, which stands for one) and at most four more words,
    none a verb of being or saying nor a preposition but "of", at the end of a clause: "the camp",
    "a small village", "Rousseff's trial"."""
    tax = load_taxonomy(taxonomy_path)
    reporting = tax.cues.get("reporting", frozenset())
    stop = sorted(tax.cues.get("be_aux", frozenset()) | _PREPOSITIONS |
                  {form for form, t in tax.words.items() if t.lemma in reporting and " " not in form},
                  key=len, reverse=True)
    determiners = "|".join(sorted(tax.cues.get("determiners", ()), key=len, reverse=True))
    word = rf"(?!(?:{'|'.join(map(re.escape, stop))})\b)[\w'’-]+"
    possessive = r"(?-i:[A-Z])[\w.-]*['’]s"
    return re.compile(rf"\b((?:{determiners}|{possessive})\s+(?:{word}\s+){{0,3}}{word})[\s,]*\Z", re.I)


_PREPOSITIONS = _HEADLINE["phrase_prepositions"]


def _told_by_relative(cand, text: str, clause: Clause, clauses: list[Clause], tax: Taxonomy) -> Optional[Clause]:
    """The relative clause that tells what an event noun did, when the noun is all its clause holds
    before the aside and the pronoun is the subject of a verb ("The attack, which killed 20
    people, was claimed"; not "The vote, which was due in May"): None otherwise."""
    if cand.info.pos != "noun" or clause.kind != "main" or clause.opener:
        return None
    after = next((c for c in clauses if c.start >= clause.end), None)
    if after is None or after.kind != "relative" or after.opener not in ("which", "that") or \
            text[clause.end:after.start].strip(" ,") or \
            len(text[clause.start:clause.end].split()) > MAX_FRAGMENT_WORDS:
        return None         # most noun candidates: no relative clause after theirs, nothing split
    verb = text[after.start:after.end].split(None, 2)[1:2]
    # its verb right after the pronoun, a verb of the lexicon the headline can put in the present
    return after if verb and verb[0].lower() in tax.third_person else None


def _pronoun_is_subject(text: str, clause: Clause, tax: Taxonomy) -> bool:
    """"which [quickly] collapsed", "which has not met": the verb phrase follows the pronoun, which
    is the subject; "which Omar Mateen carried out", "which he denies", "which the army took": a
    subject follows (a name, a pronoun, a determiner, a number), the pronoun is the object."""
    words = text[clause.start:clause.end].split(None, 2)
    if len(words) < 2:
        return False
    nxt = words[1]
    return not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt.lower() in _SUBJECT_PRONOUNS
                or nxt.lower() in tax.cues.get("determiners", ()))


_SUBJECT_PRONOUNS = _HEADLINE["subject_pronouns"]
_PLAIN_FORM_PRONOUNS = _HEADLINE["plain_form_pronouns"]


MAX_ANTECEDENT_WORDS = 6
MAX_FRAGMENT_WORDS = 5      # "The deadly attack on the market": a noun phrase, not a clause of its own


def _strip_times(text: str, removals) -> str:
    """Blank the removed spans (a clause has two at most: a list of its characters cost more)."""
    for s, e in removals:
        s, e, _ = slice(s, e).indices(len(text))      # the span a list slice would blank
        if e > s:
            text = text[:s] + " " * (e - s) + text[e:]
    return text

