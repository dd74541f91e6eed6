"""Cut a sentence into clauses, each with its role: the main clause, a subordinate clause that
places the main one in time ("after X", "since X"), an if-clause, what a reporting verb reports,
a relative clause. Rules on words and punctuation only: no parser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from timeline.events.taxonomy import Taxonomy, first_chars, word_runs
from timeline.events.triggers import sentence_triggers
from timeline.events.words import alternation, ordered, words
from timeline.text.trie import trie

# the last word of a reversed window: one match from its end instead of a search from every start
_LAST_WORD_REVERSED = re.compile(r"[^\w'’.-]*([\w'’.-]+)")


def word_before(text: str, pos: int) -> Optional[str]:
    """The word before `pos`, looking back a short way only (None if there is none)."""
    m = _LAST_WORD_REVERSED.match(text[max(0, pos - 40):pos][::-1])
    return m.group(1)[::-1] if m else None

# kinds: main, after, before, same (when/as/while), cond (if/unless), report (reported clause),
# relative (who/which/where)


@dataclass(slots=True)      # not frozen: a frozen dataclass sets each field through object.__setattr__
class Clause:                 # (5x the cost, 6,000 clauses on the seed x200); nothing changes a clause
    start: int               # offsets into the sentence text
    end: int
    kind: str
    head: Optional[int] = None   # for "report": index of the clause holding the reporting verb
    opener: str = ""             # the word that opened it ("after", "if", "that"...)


# the punctuation first, outside the alternatives: the regex engine then skips to a comma or a
# semicolon at once ("[,;]\s+(but|...)\b|;\s+" matched the same, trying every character)
_WORDS = words("clauses")
_COMMA_CONJ = re.compile(rf"[,;](?:\s+({alternation(_WORDS['comma_conjunctions'])})\b|(?<=;)\s+)", re.I)
_AUXILIARIES = alternation(_WORDS["auxiliaries"])
_AUX_FINITE = re.compile(rf"\b(?:{_AUXILIARIES}|\w+ed)\b", re.I)
# "ended the war and South Sudan became ...": after a lower-case word, "and", a name and a
# finite verb start a clause of their own (no comma needed); "of Sudan and South Sudan" does not
_AND_NAMED_SUBJECT = re.compile(r"\b[a-z]+\s+(and)\s+(?=(?:[A-Z][\w'’.-]*\s+){1,4}"
                                rf"(?:{alternation(_WORDS['named_subject_verbs'])}|\w+ed)\b)")
# "and" before a finite auxiliary: a second predicate of the clause before, sharing its subject
# ("will begin in July and is expected to finish next year"); a match ends before the auxiliary.
# The word boundary before "and" is a look-behind after it: opening on a literal, the pattern is
# searched for as a string (6x faster than trying a boundary at every character)
AND_PREDICATE = re.compile(rf"(and)(?<!\wand)\s+(?=(?:{alternation(_WORDS['coordinated_auxiliaries'])})\b)")
_AND_CAPITAL = re.compile(r"and\s+[A-Z]")     # what it needs, found fast (a literal first): most sentences lack it
# after a relative clause's closing comma, a verb: the interrupted clause's own ("..., said")
_RESUMES = re.compile(rf"\s+(?:{_AUXILIARIES}|[a-z]+ed|{alternation(_WORDS['resuming_verbs'])})\b")
_CLAUSE_START = re.compile(rf"\s*(?:{alternation(_WORDS['clause_subjects'])}|[A-Z][\w'’.-]*)\b")


def _relation(tax: Taxonomy, word: str) -> Optional[str]:
    word = word.lower()
    for kind in ("after", "before", "same_time"):
        if word in tax.cues.get(kind, ()):
            return "same" if kind == "same_time" else kind
    if word in tax.cues.get("condition", ()):
        return "cond"
    return None


def _opener_re(tax: Taxonomy) -> tuple[re.Pattern, Optional[frozenset[bytes]]]:
    """The openers' regex, and the words as bytes when all are letters (None otherwise): its
    every match is then a whole run of word characters of the sentence (see _may_open)."""
    words = set()
    for kind in ("after", "before", "same_time", "condition"):
        words |= {w for w in tax.cues.get(kind, ()) if " " not in w}
    regex = re.compile(first_chars(words) + r"\b(" + trie(words) + r")\b", re.I)
    letters = all(re.fullmatch("[a-z]+", w) for w in words)
    return regex, frozenset(w.encode("ascii") for w in words) if letters else None


def _may_open(text: str, words: Optional[frozenset[bytes]]) -> bool:
    """Can an opener match in the sentence? Not in one that lacks every opener as a run of word
    characters (most sentences: no scan)."""
    if words is None:
        return True
    runs = word_runs(text)
    return runs is None or not words.isdisjoint(runs)


_OPENERS: dict[str, tuple[re.Pattern, Optional[frozenset[bytes]]]] = {}


_SUB = ("after", "before", "same", "cond")
_MID_OPENERS = _WORDS["mid_openers"]


def split_clauses(text: str, tax: Taxonomy) -> list[Clause]:
    """Clauses in text order; together they cover the sentence."""
    opener_re, opener_words = _OPENERS.get(tax.path) or _OPENERS.setdefault(tax.path, _opener_re(tax))
    cuts: list[tuple[int, str, str]] = []   # (offset, kind, opener)
    for m in _COMMA_CONJ.finditer(text):
        word = (m.group(1) or ";").lower()
        if word == "and" and not _starts_clause(text, m.end()):
            continue
        kind = "relative" if word in ("where", "who", "which") else "main"
        cuts.append((m.start(1) if m.group(1) else m.end(), kind, word))
    for m in _AND_NAMED_SUBJECT.finditer(text) if _AND_CAPITAL.search(text) else ():
        cuts.append((m.start(1), "main", "and"))
    for m in AND_PREDICATE.finditer(text) if "and " in text else ():
        cuts.append((m.start(1), "coord", "and"))      # "... in July and is expected to finish ..."
    for m in opener_re.finditer(text) if _may_open(text, opener_words) else ():
        word = m.group(1).lower()
        before = text[:m.start()].rstrip()
        # sentence-initial or after a comma, any opener; mid-clause only the unambiguous ones
        previous = before.rsplit(None, 1)[-1].lower() if before else ""
        if previous in tax.cues.get("determiners", ()):      # "the following day"
            continue
        if not before or before[-1] in ",;—–(" or word in _MID_OPENERS:
            cuts.append((m.start(), _relation(tax, word), word))
    cuts += _report_cuts(text, tax)
    cuts.sort()
    # a subordinate clause ends at its comma; what follows resumes the clause it interrupted
    resolved: list[tuple[int, str, str]] = []
    outer = "main"
    for i, (offset, kind, opener) in enumerate(cuts):
        resolved.append((offset, kind, opener))
        if kind == "relative":
            comma = _comma_after(text, offset)
            following = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
            if comma != -1 and comma < following and _RESUMES.match(text, comma + 1):
                # "Doe, who took office in 2021, said ...": the clause it interrupted goes on
                resolved.append((comma + 1, outer, ""))
                continue
        if kind == "coord":
            continue        # a second predicate goes on in the clause it continues
        if kind not in _SUB:
            outer = kind
            continue
        comma = _comma_after(text, offset)
        following = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        if comma != -1 and comma < following:
            resolved.append((comma + 1, "main" if not text[:offset].strip() else outer, ""))
    clauses: list[Clause] = []
    kind, opener, head, pos = "main", "", None, 0
    for offset, new_kind, new_opener in resolved:
        if offset > pos:
            _add(clauses, text, pos, offset, kind, head, opener)
            pos = offset
        if new_kind == "report" and new_opener:
            head = len(clauses) - 1 if clauses else None
        if new_kind == "coord":         # the same kind (and head) as the clause it continues
            continue
        kind, opener = new_kind, new_opener
    _add(clauses, text, pos, len(text), kind, head, opener)
    return clauses


_CLAUSE_COMMA = re.compile(r",(?=\s)")     # not the comma inside "8,500"


def _comma_after(text: str, offset: int) -> int:
    m = _CLAUSE_COMMA.search(text, offset)
    return m.start() if m else -1


def _add(out: list[Clause], text: str, start: int, end: int, kind: str, head, opener: str) -> None:
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;":
        end -= 1
    if end > start:
        out.append(Clause(start, end, kind, head if kind == "report" else None, opener))


def _starts_clause(text: str, pos: int) -> bool:
    """After ", and": a new subject followed by a finite verb, not a list item."""
    rest = text[pos:pos + 80]
    return bool(_CLAUSE_START.match(rest)) and bool(_AUX_FINITE.search(rest[:40]))


_THAT = re.compile(r"((?:[^,.;“”\"]*?\s)?)that\s")
_FINITE_WORDS = list(ordered("clauses", "finite"))
# a trie after a look-ahead for the first letters: 2x faster than the flat alternation, same matches
_FINITE = re.compile(first_chars(_FINITE_WORDS) + r"\b(?:" + trie(_FINITE_WORDS) + r")\b", re.I)


def _report_cuts(text: str, tax: Taxonomy) -> list[tuple[int, str, str]]:
    """Where a reported clause starts: at "that" after a reporting verb, or right after the verb
    when a subject and a finite verb follow ("announced the US will end ...")."""
    cuts = []
    reporting = tax.cues.get("reporting", frozenset())
    for start, end, trig in sentence_triggers(text, tax.path):
        if trig.lemma not in reporting:
            continue
        window = text[end:end + 80]
        that = _THAT.match(window[:70])
        if that and len(that.group(1).split()) <= 8:
            cuts.append((end + that.end(), "report", "that"))
        elif _CLAUSE_START.match(window) and _FINITE.search(window[:50]):
            cuts.append((end, "report", text[start:end].lower()))
    return cuts
