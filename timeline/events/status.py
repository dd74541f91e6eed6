"""Step 3, status: occurred unless the words around the trigger say otherwise (an if-clause, a
claim adjective, a negation, a deadline, the future, a modal, an attribution, the progressive),
and a plan when its date is after publication. The cue lists are the taxonomy's data; a sentence
lacking a list's words skips that list's window scans.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from timeline.events.candidates import Candidate, SentenceWork, inside
from timeline.events.clauses import word_before
from timeline.events.taxonomy import WORD_BYTES, Taxonomy, load_taxonomy, word_runs
from timeline.events.triggers import find_triggers
from timeline.events.words import words
from timeline.models import Document

_STATUS_WORDS = words("status")
_PROGRESSIVE = _STATUS_WORDS["progressive_auxiliaries"]
_PROGRESSIVE_ADVERBS = _STATUS_WORDS["progressive_adverbs"]
_LONGEST_AUX = max(len(a.split()) for a in _PROGRESSIVE)
# words, with a clitic apart from its host ("they've" -> "they", "'ve")
_WORDS = re.compile(r"'\w+|\w+")

# the look-ahead lets the engine skip to an "n" instead of trying both alternatives everywhere
_NEGATION = re.compile(r"(?=[nN])(?:\b(?:not|never|no)\b|n[’']t\b)", re.I)


def assign(work: SentenceWork, tax: Taxonomy) -> None:
    for cand in work.cands:
        if cand.part_of is not None and cand.drop:
            continue        # a further trigger already told as its head's mention: no status of its own
        _status(cand, work.sentence, work.clauses, tax, work.cues)
        clause = cand.clause
        habit = cue_before(tax, "habitual", work.sentence.text, clause.start, clause.end,
                           cues_at(work.cues, work.sentence.text, clause.end))
        if habit:       # "banks usually charge", "it is often said": a habit, not one happening
            cand.generic, cand.habitual = True, habit
        if work.quotes and cand.status == "occurred" and \
                inside(cand.trigger_start - work.sentence.start, work.quotes):
            # quoted speech keeps the status its words give ("will", "could", "not": above); told
            # as a plain fact, it is the speaker's account, not the reporter's
            cand.status, cand.status_rule = "claimed", "inside a quote: the speaker's account"


def after_dating(work: SentenceWork, document: Document) -> None:
    for cand in [*work.by_clause.values(), *(c for _, c in work.further)]:
        _future_date(cand, document)


def conditions(work: SentenceWork) -> None:
    """An if-clause beside another event of its sentence is that event's condition, no event."""
    cands = work.cands
    for cand in cands:
        if cand.clause.kind == "cond" and any(c is not cand and not c.drop for c in cands):
            cand.drop = cand.drop or "if-clause: the condition of another event in its sentence"


# the cue lists scanned by window below, and what a sentence must hold for each to match in it
SCANNED_CUES = ("negation", "deadline_words", "future", "modal", "claim_words", "ongoing", "threat_words",
                 "later_phrases", "counterfactual", "habitual")


@lru_cache(maxsize=8)
def _cue_index(taxonomy_path: str):
    """A cue word's match holds each of its runs of word characters as a whole run of the
    sentence, all in a row ("is said to": "is", "said", "to"). -> (the longest run of each word
    (the rarest, likely) -> (the lists it is a whole word of, (list, all the word's runs in a row)
    for the longer words), the lists not indexed: some word not ASCII or without a word character)."""
    cues = load_taxonomy(taxonomy_path).cues
    index: dict[bytes, tuple[set, set]] = {}
    unindexed = set()
    for name in SCANNED_CUES:
        runs = [w.encode("ascii").translate(WORD_BYTES).split() if w.isascii() else [] for w in cues.get(name, ())]
        if not runs or not all(runs):
            unindexed.add(name)
            continue
        for r in runs:
            whole, longer = index.setdefault(max(r, key=len), (set(), set()))
            if len(r) == 1:
                whole.add(name)
            else:
                longer.add((name, b" " + b" ".join(r) + b" "))
    return {k: (frozenset(w), tuple(sorted(lg))) for k, (w, lg) in index.items()}, frozenset(unindexed)


def present_cues(text: str, tax: Taxonomy) -> Optional[set]:
    """The scanned cue lists that may match somewhere in the sentence (None: any may). Most
    sentences hold the words of few of them: a window scan of the others can be skipped."""
    runs = word_runs(text)
    if runs is None:
        return None
    index, unindexed = _cue_index(tax.path)
    present, in_a_row = set(unindexed), None
    for key in index.keys() & runs:
        whole, longer = index[key]
        present |= whole
        for name, needed in longer:
            if name not in present:
                in_a_row = in_a_row or b" " + b" ".join(runs) + b" "
                if needed in in_a_row:
                    present.add(name)
    return present


def cue_before(tax: Taxonomy, name: str, text: str, start: int, end: int, cues: Optional[set]) -> Optional[str]:
    """The last match of a cue list in text[start:end]; `cues` are those a window ending at `end`
    may hold (`cues_at`)."""
    # most of this function's 55,000 calls on the seed body x400 end here: the sentence lacks the
    # cue's words
    if cues is not None and name not in cues:
        return None
    regex = tax.cue_res.get(name)
    if not regex:
        return None
    last = None
    for m in regex.finditer(text, start, end):
        if not name_like(text, m.start()):
            last = m
    return last.group(0) if last else None


_WORD_OR_COMMA = re.compile(r"[\w,]\s*\Z")


def name_like(text: str, at: int) -> bool:
    """A capitalised word inside a sentence is a name or a month, not a cue: "5 May", "Will
    Smith" ("may", "will")."""
    return text[at].isupper() and _WORD_OR_COMMA.search(text, max(0, at - 3), at) is not None


def cues_at(cues: Optional[set], text: str, end: int) -> Optional[set]:
    """The cue lists a window ending at `end` may hold (None: any): the sentence's, unless the
    window ends inside a word (a match cut there could be part of a longer run). Asked once for
    an end that several lists' windows share, not once a list."""
    return None if cues is None or _mid_word(text, end) else cues


def may_hold(cues: Optional[set], name: str, text: str, end: int) -> bool:
    """Can a window ending at `end` hold the cue (see `cues_at`)?"""
    held = cues_at(cues, text, end)
    return held is None or name in held


def _mid_word(text: str, end: int) -> bool:
    """Does `end` fall inside a word: word characters (regex \\w: alphanumeric or "_") on both
    sides of it, tested on the two characters, no regex call."""
    if not 0 < end < len(text):
        return False
    before, after = text[end - 1], text[end]
    return (before.isalnum() or before == "_") and (after.isalnum() or after == "_")


def _status(cand: Candidate, sentence, clauses, tax: Taxonomy, cues: Optional[set]) -> None:
    text, clause = sentence.text, cand.clause
    t0 = cand.trigger_start - sentence.start
    window = max(clause.start, t0 - 30)
    if clause.kind == "cond":
        cand.status, cand.status_rule = "hypothetical", f"if-clause ('{clause.opener}')"
        return
    question = polar_question(text, t0)
    if question:
        cand.status, cand.status_rule = "hypothetical", f"a question ('{question} ...?'): it asserts nothing"
        cand.question = True
        return
    adjective = (word_before(text, t0) or "").lower() if cand.info.pos == "noun" else ""
    if adjective in tax.cues.get("claim_adjectives", ()):
        cand.status, cand.status_rule = "claimed", f"'{adjective}' before the noun"
        return
    if adjective in tax.cues.get("plan_adjectives", ()):
        cand.status, cand.status_rule = "planned", f"'{adjective}' before the noun"
        return
    # the cue lists the windows ending at the trigger, and those ending at the clause's end, may hold
    at_trigger, at_end = cues_at(cues, text, t0), cues_at(cues, text, clause.end)
    counterfactual = cue_before(tax, "counterfactual", text, window, t0, at_trigger)
    if counterfactual:
        cand.status, cand.status_rule = "hypothetical", f"counterfactual '{counterfactual}': it did not happen"
        return
    neg = _NEGATION.search(text, window, t0) or cue_before(tax, "negation", text, window, t0, at_trigger)
    if neg:
        word = neg if isinstance(neg, str) else neg.group(0)
        cand.status, cand.status_rule = "negated", f"negation '{word}' before the trigger"
        return
    deadline = cue_before(tax, "deadline_words", text, clause.start, clause.end, at_end)
    if deadline:
        cand.status, cand.status_rule = "deadline", f"deadline word '{deadline}'"
        return
    future = cue_before(tax, "future", text, clause.start, t0, at_trigger) or _future_across(text, clause.start, t0, tax)
    if future:
        cand.status, cand.status_rule = "planned", f"future '{future}' before the trigger"
        return
    modal = cue_before(tax, "modal", text, window, t0, at_trigger)
    if modal:
        cand.status, cand.status_rule = "hypothetical", f"modal '{modal}' before the trigger"
        return
    claim = cue_before(tax, "claim_words", text, clause.start, clause.end, at_end)
    attributed = _attribution(cand, sentence, clauses, tax)
    if claim or attributed:
        cand.status = "claimed"
        cand.status_rule = f"attributed: '{claim}'" if claim else attributed
        return
    ongoing = cue_before(tax, "ongoing", text, clause.start, clause.end, at_end)
    progressive = None if ongoing or not cand.trigger.lower().endswith("ing") else \
        progressive_auxiliary(text[max(clause.start, t0 - 40):t0])
    if ongoing or progressive:
        cand.status, cand.status_rule = "ongoing", f"ongoing '{ongoing or progressive + ' ...ing'}'"


_QUESTION_OPENERS = _STATUS_WORDS["question_openers"]
_QUESTION_LEADS = _STATUS_WORDS["question_leads"]
# where a question may start inside a sentence: a colon or semicolon, an opening quote before a capital
_QUESTION_START = re.compile(r"[:;]|[\"“‘](?=[A-Z])")
_QUESTION_END = re.compile(r"[?!;:]")


def polar_question(text: str, at: int) -> Optional[str]:
    """The auxiliary that opens the yes/no question holding text[at] ("Did the army shell the
    town?"), None if no such question holds it (a statement, a wh-question)."""
    if "?" not in text:
        return None
    end = _QUESTION_END.search(text, at)
    if end is None or end.group(0) != "?":
        return None
    start = 0
    for m in _QUESTION_START.finditer(text, 0, at):
        start = m.end()
    words = _WORDS.findall(text[start:end.start()].lower().replace("’", "'"))[:4]
    while words and words[0] in _QUESTION_LEADS:
        words.pop(0)
    if len(words) > 1 and words[1] == "'t":
        words[0] += words.pop(1)            # "didn't", found as "didn" and "'t"
    opener = words[0] if words else ""
    if opener in _QUESTION_OPENERS:
        return opener
    two = " ".join(words[:2])
    return two if two in _QUESTION_OPENERS else None


def _future_across(text: str, start: int, t0: int, tax: Taxonomy) -> Optional[str]:
    """A future cue ending in "to" with an adverbial between its verb and the infinitive:
    "threatened on Monday to attack", "vowed again to attack" read as "threatened to attack"."""
    regex = tax.cue_res.get("future")
    words = text[max(start, t0 - 60):t0].split()
    if not regex or len(words) < 3 or words[-1].lower() != "to":
        return None
    for k in range(1, min(ADVERBIAL_REACH, len(words) - 2) + 1):
        if interrupting_adverbial(words[-1 - k:-1]):
            joined = " ".join(words[:-1 - k] + ["to"])
            found = [m for m in regex.finditer(joined) if m.end() == len(joined)]
            if found:
                return f"{found[-1].group(0)[:-3]} ... to"
    return None


def progressive_auxiliary(before: str) -> Optional[str]:
    """The auxiliary of the progressive aspect ending `before` (the text right before a verb in
    -ing), adverbs inside the verb group left out ("have long been" -> "have been"); None if the
    verb is not told as going on."""
    found = _WORDS.findall(before.lower().replace("’", "'"))[-(_LONGEST_AUX + 2):]
    group = [w for w in found if w not in _PROGRESSIVE_ADVERBS]
    for n in range(min(_LONGEST_AUX, len(group)), 0, -1):
        aux = " ".join(group[-n:])
        if aux in _PROGRESSIVE:
            return aux
    return None


def _attribution(cand, sentence, clauses, tax) -> Optional[str]:
    """What a claim verb reports is unconfirmed: 'South Sudan accused Sudan of bombing ...'."""
    claims = tax.cues.get("claim_verbs", frozenset())
    clause = cand.clause
    if clause.kind == "report" and clause.head is not None:
        head = clauses[clause.head]
        for _, _, info in find_triggers(sentence.text, head, tax):
            if info.lemma in claims:
                return f"reported by '{info.lemma}' (unconfirmed)"
    t0 = cand.trigger_start - sentence.start
    for start, end, info in find_triggers(sentence.text, clause, tax):
        if info.lemma not in claims:
            continue
        if start < t0:
            return f"attributed by '{info.lemma}' before the trigger"
        if _reporting_after(sentence.text, t0, start, end):
            return f"attributed by '{info.lemma}' after it (', ... {sentence.text[start:end]}')"
    return None


_INTERRUPTING = _STATUS_WORDS["interrupting_openers"]
ADVERBIAL_REACH = _STATUS_WORDS["adverbial_reach"]


def interrupting_adverbial(words: list[str]) -> bool:
    """Are the words between a verb and the "to" of its infinitive nothing, or an adverbial that
    may stand there: at most ADVERBIAL_REACH words, opening on one of the language's interrupting
    words (a time preposition, an adverb: "on Monday", "again")?"""
    return not words or (len(words) <= ADVERBIAL_REACH and words[0].lower() in _INTERRUPTING)


_ATTRIBUTION_BLOCKERS = _STATUS_WORDS["attribution_blockers"]
_ATTRIBUTION_FINITE = _STATUS_WORDS["attribution_finite"]
_ATTRIBUTION_SUBJECT_WORDS = _STATUS_WORDS["attribution_subject_words"]


def _reporting_after(text: str, t0: int, start: int, end: int) -> bool:
    """Is the reporting verb at text[start:end], after the trigger at t0, the verb of a reporting
    clause that follows what it reports: after a comma, a short subject or none before it (",
    officials said", ", said the minister"), no subordinator or coordinator opening it, no finite
    verb after it (its own object clause) up to the next comma or the end?"""
    comma = text.rfind(",", t0, start)
    if comma < 0:
        return False
    subject = _WORDS.findall(text[comma + 1:start].lower())
    if len(subject) > _ATTRIBUTION_SUBJECT_WORDS or not _ATTRIBUTION_BLOCKERS.isdisjoint(subject):
        return False
    stop = text.find(",", end)
    rest = _WORDS.findall(text[end:stop if stop >= 0 else len(text)].lower())
    return _ATTRIBUTION_FINITE.isdisjoint(rest) and _ATTRIBUTION_BLOCKERS.isdisjoint(rest)


def _future_date(cand: Candidate, document: Document) -> None:
    """A past-tense sentence about a date after publication is still a plan, by the reporter's
    account or someone else's ("talks are due to start in 2025, officials said"); so is what a
    verb of scheduling sets for a time not over at publication ("the court set the trial for
    May", published in May). One set for a time before it is told as history ("a dispute delayed
    payments until March 2019"): it keeps its status."""
    if cand.scheduled and cand.status in ("occurred", "claimed") and cand.date and cand.date.end \
            and document.published and cand.date.end >= document.published:
        cand.status, cand.status_rule = "planned", f"scheduled: '{cand.scheduled}' a time not over at publication"
        return
    if cand.status in ("occurred", "claimed") and cand.date and cand.date.start and document.published \
            and cand.date.start > document.published:
        cand.status, cand.status_rule = "planned", f"dated after publication ({document.published})"

