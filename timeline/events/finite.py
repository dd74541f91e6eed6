"""A clause's finite verb, for the clauses no trigger word types: a clause with a finite verb and
a date of its own is a happening all the same ("construction will begin in July", "the plant
opened in 1998"); its event is of the generic type OTHER, typed by nothing but its verb.

Finite: a verb after a future or modal cue ("will begin", "is expected to finish"), a past form
in -ed after a word that is no determiner ("opened", not "the planned road"), or an irregular
past form (irregular_past.txt, generated from Open English WordNet). The taxonomy's cue
`not_events` lists the verbs that tell no happening (auxiliaries, "seemed").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from timeline.events.dating import datable
from timeline.events.status import name_like
from timeline.events.taxonomy import Taxonomy, Trigger, load_taxonomy

PAST_FILE = Path(__file__).with_name("irregular_past.txt")
OTHER = "OTHER"
SOURCE = "finite verb with a date of its own"
_WORD = re.compile(r"[A-Za-z][a-z'’-]*")


@lru_cache(maxsize=1)
def irregular_past() -> frozenset[str]:
    return frozenset(line.strip() for line in PAST_FILE.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=8)
def _future_re(taxonomy_path: str) -> Optional[re.Pattern]:
    """A future or modal cue and the verb it governs (None: the taxonomy lists neither)."""
    tax = load_taxonomy(taxonomy_path)
    cues = sorted(tax.cues.get("future", ()) | tax.cues.get("modal", ()))
    if not cues:
        return None
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    # "will begin", "is expected to finish", "will be completed", "will not open", "will also host"
    return re.compile(rf"\b(?:{words})\s+(?:not\s+|also\s+|\w+ly\s+)?(?:be\s+|have\s+)?([a-z]+)\b", re.I)


def finite_verb(text: str, start: int, end: int, tax: Taxonomy) -> Optional[tuple[int, int, Trigger]]:
    """(start, end, trigger) of the first finite verb in text[start:end] that tells a happening,
    as an OTHER trigger; None when there is none."""
    if OTHER not in tax.priority:
        return None
    skip = tax.cues.get("not_events", frozenset())
    determiners = tax.cues.get("determiners", frozenset())
    future = _future_re(tax.path)
    m = future.search(text, start, end) if future else None
    # "4 May in the town": a month, no modal; "would be a longer period": no verb after it
    while m and (name_like(text, m.start()) or m.group(1).lower() in determiners):
        m = future.search(text, m.end(), end)
    if m and m.group(1).lower() not in skip:
        return m.start(1), m.end(1), Trigger(OTHER, m.group(1).lower(), "verb", SOURCE)
    pasts = irregular_past()
    prev = ""
    for w in _WORD.finditer(text, start, end):
        word = w.group(0)
        lower = word.lower()
        if word[0].islower() and lower not in skip and prev not in determiners and \
                (lower in pasts or (lower.endswith("ed") and len(lower) > 4)):
            return w.start(), w.end(), Trigger(OTHER, lower, "verb", SOURCE)
        prev = lower
    return None


def _done_by(verb, before: str, tax: Taxonomy):
    """An untyped verb whose subject names who does one type's acts ("rioters burned tyres",
    "gunmen entered the church") is an act of that type; the nearest such word decides."""
    for word in reversed(_WORD.findall(before)[-_DOER_REACH:]):
        kind = tax.doers.get(word.lower())
        if kind:
            start, end, info = verb
            return start, end, Trigger(kind, info.lemma, "verb", f"{SOURCE}, done by '{word}'")
    return verb


# how many words before the verb its subject is looked for in ("gunmen on two motorbikes opened")
_DOER_REACH = 5


# before a trailing attribution's verb: a comma (a closing quote) and its few words of subject
# ("..., it said", "..., the council confirmed", "..., it was confirmed")
_ATTRIBUTION_OPENS = re.compile(r"[,\"”’]\s+(?:[\w.'’-]+\s+){0,6}$")
# and after it, at most a time or a name ("it said on Tuesday", "said the minister")
_ATTRIBUTION_TAIL = 4


def trailing_attributions(work, tax: Taxonomy) -> None:
    """Step 1a: a clause that ends in an attribution ("..., it said", "..., the council confirmed
    on Monday"): its verbs of saying tell who reports the clause, no happening of their own, and
    its times date the telling, not what is told. Where the attribution starts is kept
    (work.attributions); the verbs leave the clause's triggers when others are left to tell it."""
    text = work.sentence.text
    reporting = tax.cues.get("reporting", frozenset())
    for ci, triggers in work.clause_triggers:
        j = len(triggers)
        # verbs of saying that only tell who said it (a threat or an accusation is news itself)
        while j and triggers[j - 1][2].pos == "verb" and triggers[j - 1][2].lemma in reporting \
                and triggers[j - 1][2].type == "STATEMENT":
            j -= 1
        if j == len(triggers):
            continue
        start, end, _ = triggers[j]
        clause = work.clauses[ci]
        if text[start:end].endswith("ing") or len(text[end:clause.end].split()) > _ATTRIBUTION_TAIL \
                or ci + 1 < len(work.clauses):
            continue        # ", vowing to ...": a participle clause; ", officials confirmed the toll";
            # "In a statement, the UN said [that ...]": the verb reports what follows it; "..., it
            # said on Friday, a day after ...": the clause after it tells when the saying was
        m = _ATTRIBUTION_OPENS.search(text, clause.start, start)
        if m is not None:
            work.attributions[ci] = m.start()
            if j:
                del triggers[j:]


def dated_clauses(work, times, tax: Taxonomy) -> None:
    """Step 1b: no dated happening lost. A clause with no trigger word but a date of its own and a
    finite verb gets the verb as an OTHER trigger (none inside a long quote). So does a clause
    whose only trigger words are its trailing attribution's ("The carmaker will open a factory
    next spring, it said"), in place of them: what is told is the happening."""
    if not work.in_sentence:
        return
    text, base = work.sentence.text, work.sentence.start
    reporting = tax.cues.get("reporting", frozenset())
    said = {ci: triggers for ci, triggers in work.clause_triggers
            if ci in work.attributions and all(t[2].lemma in reporting for t in triggers)}
    have = {ci for ci, _ in work.clause_triggers} - said.keys()
    added = False
    for ci, clause in enumerate(work.clauses):
        end = work.attributions.get(ci, clause.end)     # a date of the act's own, not the attribution's
        if ci in have or not any(clause.start <= times[i].start - base < end and datable(times[i])
                                 for i in work.in_sentence):
            continue
        verb = finite_verb(text, clause.start, end, tax)
        if verb is not None and tax.doers:
            verb = _done_by(verb, text[clause.start:verb[0]], tax)
        if verb is None or any(s <= verb[0] < e for s, e in work.quotes):
            continue
        if ci in said:
            said[ci][:] = [verb]
        else:
            work.clause_triggers.append((ci, [verb]))
            added = True
    if added:
        work.clause_triggers.sort(key=lambda pair: pair[0])
