"""Step 1, candidates: each sentence cut into clauses and the trigger words of each clause, those
inside a quote too (its spans are kept: `quotes`, for the status and date of what it tells). Also the candidate record the later steps fill in, the
per-sentence trace `timeline explain` prints, and `Told`: what the document told before, looked up
by key, so that no step scans every earlier candidate (the event stage stays linear).
"""
from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from functools import partial
from typing import Optional

from timeline.events.clauses import Clause, split_clauses
from timeline.events.describe import candidate_headline
from timeline.events.taxonomy import Taxonomy, Trigger
from timeline.events.triggers import find_triggers
from timeline.models import EventDate

# a quote: no closing mark, '' or line break inside; the inner loop unrolled (runs of ordinary
# characters, then an apostrophe not followed by another), not a look-ahead at every character
_QUOTE = re.compile(r"(?:[“\"]|``)([^”\"'\n]*(?:'(?!')[^”\"'\n]*)*)(?:[”\"]|'')")
_LONG_QUOTE_WORDS = 5


@dataclass(eq=False, slots=True)        # a candidate is itself: compared by identity
class Candidate:
    sentence: int
    clause: Clause
    start: int                  # sentence offsets in the document: the mention's evidence
    end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    info: Trigger
    type: str
    type_rule: str
    status: str = "occurred"
    status_rule: str = "default: a plain statement of fact"
    time: Optional[int] = None
    date: Optional[EventDate] = None
    date_rule: Optional[str] = None
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    headline_args: tuple = ()           # made on demand: most candidates never need their headline
    confidence: float = 0.5
    drop: Optional[str] = None          # why it is not a timeline item of its own
    same_as: Optional["Candidate"] = None
    extra: list["Candidate"] = field(default_factory=list)   # further mentions of the same event
    keywords: frozenset = frozenset()
    reference: Optional[str] = None          # why its clause's date is not its date
    generic: bool = False                    # a bare plural noun ("to report accidents"), or a habit
    habitual: Optional[str] = None           # the word that makes its clause a habit ("usually")
    verb: Optional[tuple[int, int]] = None   # the clause's first verb trigger (sentence offsets): the headline's verb
    words_from: Optional[int] = None         # its headline's words start here, not at its clause's start
    news: bool = False                       # told in the past or present tense: dated as news is written
    part_of: Optional["Candidate"] = None    # a further trigger of a clause: the clause's head event
    aim: Optional[tuple[str, str]] = None    # (status, rule) of what a demand, plan or infinitive aims at
    scheduled: Optional[str] = None          # dated by a verb of scheduling's time ("postponed ... until"): planned
    times_from: Optional[int] = None         # sentence offset: only the times after it date it (a promised act)
    times_until: Optional[int] = None        # sentence offset: only the times before it date it (a trailing attribution's are its own)
    question: bool = False                   # told in a yes/no question: hypothetical, its headline asks it
    _headline: Optional[str] = None

    @property
    def headline(self) -> str:
        if self._headline is None:
            self._headline = candidate_headline(*self.headline_args) if self.headline_args else ""
        return self._headline


@dataclass(slots=True)
class SentenceTrace:
    index: int
    start: int
    end: int
    text: str
    times: list[int]
    clauses: list[tuple[str, str]]
    candidates: list[Candidate]
    cues: Optional[set] = None    # the cue lists that may match in it (None: any)



@dataclass(slots=True)
class SentenceWork:
    """One sentence while its candidates are made: what the per-sentence steps read and fill in."""
    index: int
    sentence: object                    # .start, .end, .text
    clauses: list[Clause]
    cues: Optional[set]                 # the cue lists that may match in it (None: any)
    in_sentence: list[int]              # its time expressions (indices into the document's list)
    quotes: list[tuple[int, int]]       # long quotes, sentence offsets
    clause_triggers: list[tuple[int, list]] = field(default_factory=list)    # (clause index, its triggers)
    cands: list[Candidate] = field(default_factory=list)
    by_clause: dict[int, Candidate] = field(default_factory=dict)   # the clause's own event (not one referred to)
    further: list[tuple[int, Candidate]] = field(default_factory=list)   # (clause index, a further trigger's candidate)
    attributions: dict[int, int] = field(default_factory=dict)   # clause index -> where its trailing attribution starts


def collect(index: int, sentence, in_sentence: list[int], tax: Taxonomy, cues: Optional[set]) -> SentenceWork:
    """The sentence's clauses and the triggers of each."""
    clauses = split_clauses(sentence.text, tax)
    quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(sentence.text)
              if len(m.group(1).split()) >= _LONG_QUOTE_WORDS] if _may_quote(sentence.text) else []
    work = SentenceWork(index, sentence, clauses, cues, in_sentence, quotes)
    for ci, clause in enumerate(clauses):
        triggers = find_triggers(sentence.text, clause, tax)
        if triggers:
            work.clause_triggers.append((ci, triggers))
    return work


# ---------------------------------------------------------------- one sentence

_LONGEST = 1500                                 # characters: longer "sentences" are cut
_CUT = re.compile(r"[,;:]\s|\s(?:and|but|or)\s|\s")


def chop(sentence) -> list:
    """A run-on text with no sentence ends (a list, a table, a transcript) in pieces of at most
    _LONGEST characters, cut at a comma or conjunction where there is one: keeps the work per
    sentence bounded."""
    if len(sentence.text) <= _LONGEST:
        return [sentence]
    pieces, pos = [], 0
    while len(sentence.text) - pos > _LONGEST:
        cuts = [m.end() for m in _CUT.finditer(sentence.text, pos + _LONGEST // 2, pos + _LONGEST)]
        end = cuts[-1] if cuts else pos + _LONGEST
        pieces.append(_piece(sentence, pos, end))
        pos = end
    pieces.append(_piece(sentence, pos, len(sentence.text)))
    return pieces


def _piece(sentence, start: int, end: int):
    text = sentence.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return type(sentence)(sentence.start + start + lead, sentence.start + start + lead + len(text), text)



def _may_quote(text: str) -> bool:
    """Has the sentence what a quote opens with? Most have not: no scan for quotes."""
    return '"' in text or "“" in text or "``" in text



def inside(offset: int, spans) -> bool:
    return any(s <= offset < e for s, e in spans)



# the statuses of something that happened (by someone's account, or still going on)
HAPPENED = frozenset({"occurred", "claimed", "ongoing"})
# kinds told of one happening ("the bombing, which killed seven"): a kind -> its family's name
_FAMILY = {"DEATH_INJURY": "ATTACK"}
# earlier candidates kept per key: a document's references reach back over a few mentions of
# the same words, not over an archive; a bound keeps the look-up constant per candidate
WINDOW = 32


# a key's last WINDOW items (a partial: made in C, for every new key)
recent = partial(deque, maxlen=WINDOW)


def family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


def related(a: str, b: str) -> bool:
    return a == b or family(a) == family(b)


class Told:
    """The candidates of the sentences before, in order, with what the steps across sentences
    look up in them, each kept up to date as a sentence is added: no step scans them all."""

    def __init__(self, undated: frozenset):
        self.undated = undated
        self.all: list[Candidate] = []
        self.last_dated: Optional[Candidate] = None    # the last dated one not left out ("two days later")
        self.last_strong: Optional[Candidate] = None   # the last an anaphor may point to ("the incident")
        self.families: set[str] = set()                # the families of those not left out
        self.last_dated_of: dict[str, Candidate] = {}  # family -> its last dated one standing for itself
        # (family, keyword) -> the last WINDOW of those standing for themselves (not left out, not
        # referring to another), with their order of telling
        self.by_word: defaultdict[tuple[str, str], deque] = defaultdict(recent)

    def add(self, cands: list[Candidate]) -> None:
        for c in cands:
            order = len(self.all)
            self.all.append(c)
            if c.info.pos != "anaphor" and c.type in self.undated and c.status in HAPPENED \
                    and not (c.drop and c.same_as is None):
                self.last_strong = c        # "the incident" points back to what happened, not "no casualties"
            if c.drop:
                continue
            kind = family(c.type)
            self.families.add(kind)
            if c.date is not None:
                self.last_dated = c
            if c.same_as is None:
                if c.date is not None:
                    self.last_dated_of[kind] = c
                for word in c.keywords:
                    self.by_word[kind, word].append((order, c))

    def sharing(self, cand: Candidate) -> list[Candidate]:
        """Those of a related kind, standing for themselves, that share a word other than its
        trigger's lemma with `cand`, in the order told."""
        kind, found = family(cand.type), {}
        for word in cand.keywords - {cand.info.lemma}:
            for order, c in self.by_word.get((kind, word), ()):
                found[order] = c
        return [found[k] for k in sorted(found)]
