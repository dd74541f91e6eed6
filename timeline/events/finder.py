"""Find the timeline items of one document: triggers per clause, type, status, date, headline.

Every decision keeps the rule that made it (Event.type_rule, status_rule, Mention.date_rule) and
`analyse` returns a per-sentence trace for `timeline explain`.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from timeline.events import dating
from timeline.events.clauses import Clause, split_clauses
from timeline.events.describe import actors as find_actors
from timeline.events.describe import headline as make_headline
from timeline.events.finite import finite_verb
from timeline.events.taxonomy import WORD_BEYOND_ASCII, WORD_BYTES, Taxonomy, Trigger, load_taxonomy, word_runs
from timeline.events.triggers import find_triggers, sentence_triggers, title_case
from timeline.models import Document, Event, EventDate, TimeExpression

# a quote: no closing mark, '' or line break inside; the inner loop unrolled (runs of ordinary
# characters, then an apostrophe not followed by another), not a look-ahead at every character
_QUOTE = re.compile(r"(?:[“\"]|``)([^”\"'\n]*(?:'(?!')[^”\"'\n]*)*)(?:[”\"]|'')")
# the last word of a reversed window: one match from its end instead of a search from every start
_LAST_WORD_REVERSED = re.compile(r"[^\w'’.-]*([\w'’.-]+)")
# the look-ahead lets the engine skip to an "n" instead of trying both alternatives everywhere
_NEGATION = re.compile(r"(?=[nN])(?:\b(?:not|never|no)\b|n[’']t\b)", re.I)
# kinds told of one happening, as (a, b) pairs in both orders: a tuple is cheaper than a frozenset per test
_RELATED = frozenset({("ATTACK", "DEATH_INJURY"), ("DEATH_INJURY", "ATTACK")})
_LONG_QUOTE_WORDS = 5
# before a plural noun, words that leave it generic ("to report accidents", "and injuries")
_GENERIC_BEFORE = frozenset("to and or of for report reports prevent avoid against about with".split())
COMMON_SHARE = 0.25   # a word in the actors of more than this share of the sentences is common
# the words that tie a date to its clause, removed with it from a headline ("back in February,")
_LEAD_FIRST = ("back", "early", "late", "as", "of")
_LEAD_WORDS = ("in", "on", "at", "since", "by", "during", "from", "until", "around", "about", "after", "before",
               "approximately", "roughly", "nearly", "some", "for")
_TIME_LEAD = re.compile(rf"(?:\b(?:{'|'.join(_LEAD_FIRST)})\s+)?(?:\b(?:{'|'.join(_LEAD_WORDS)})\s+)*\Z", re.I)
_TIME_TRAIL = re.compile(r"\s*,|['’]s\b")     # "Friday, ...", "Thursday's vote": removed with the time
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
    headline_args: tuple = ()           # made on demand: most candidates never need their headline
    confidence: float = 0.5
    drop: Optional[str] = None          # why it is not a timeline item of its own
    same_as: Optional["Candidate"] = None
    extra: list["Candidate"] = field(default_factory=list)   # further mentions of the same event
    keywords: frozenset = frozenset()
    reference: Optional[str] = None          # why its clause's date is not its date
    generic: bool = False                    # a bare plural noun ("to report accidents")
    verb: Optional[tuple[int, int]] = None   # the clause's first verb trigger (sentence offsets): the headline's verb
    news: bool = False                       # told in the past or present tense: dated as news is written
    _headline: Optional[str] = None

    @property
    def headline(self) -> str:
        if self._headline is None:
            self._headline = make_headline(*self.headline_args) if self.headline_args else ""
        return self._headline


@dataclass
class SentenceTrace:
    index: int
    start: int
    end: int
    text: str
    times: list[int]
    clauses: list[tuple[str, str]]
    candidates: list[Candidate]
    cues: Optional[set] = None    # the cue lists that may match in it (None: any)


def find_events(document: Document, sentences, times: list[TimeExpression],
                taxonomy: Optional[str] = None) -> list[Event]:
    return analyse(document, sentences, times, taxonomy)[0]


def analyse(document: Document, sentences, times: list[TimeExpression], taxonomy: Optional[str] = None):
    """-> (events, per-sentence trace)."""
    tax = load_taxonomy(taxonomy)
    traces: list[SentenceTrace] = []
    found: list[Candidate] = []
    sentences = [piece for s in sentences for piece in _chop(s)]   # run-on text in bounded pieces
    order = sorted(range(len(times)), key=lambda i: times[i].start)
    starts = [times[i].start for i in order]
    for index, sentence in enumerate(sentences):
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        in_sentence = order[lo:hi]
        if not sentence_triggers(sentence.text, tax.path) and \
                not any(dating.datable(times[i]) for i in in_sentence):     # most sentences: nothing to cut
            traces.append(SentenceTrace(index, sentence.start, sentence.end, sentence.text, in_sentence, [], []))
            continue
        clauses = split_clauses(sentence.text, tax)
        cues = _present_cues(sentence.text, tax)
        cands = _sentence_candidates(document, index, sentence, clauses, times, in_sentence, tax, cues)
        traces.append(SentenceTrace(index, sentence.start, sentence.end, sentence.text, in_sentence,
                                    [(c.kind, sentence.text[c.start:c.end]) for c in clauses], cands, cues))
    common = _common_words(traces)
    for trace in traces:
        if not trace.candidates:        # most sentences: nothing to match or date
            continue
        for cand in trace.candidates:
            cand.keywords -= common
        _anaphora(trace.candidates, found, tax.undated)
        _relative_to_antecedent(trace.candidates)
        _refer_back(trace, found, document, times)
        _later(trace.candidates, found, trace, document, tax)
        found += trace.candidates
    groups = _group(found, tax)
    for group in groups:       # still undated once every mention is in: dated as news is written
        dating.news_window(group, document, tax)
    events = [_event(g, document) for g in groups if _keep(g, tax)]
    return events, traces


# ---------------------------------------------------------------- one sentence

_LONGEST = 1500                                 # characters: longer "sentences" are cut
_CUT = re.compile(r"[,;:]\s|\s(?:and|but|or)\s|\s")


def _chop(sentence) -> list:
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


def _sentence_candidates(document, index, sentence, clauses, times, in_sentence, tax, cues) -> list[Candidate]:
    quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(sentence.text)
              if len(m.group(1).split()) >= _LONG_QUOTE_WORDS] if _may_quote(sentence.text) else []
    cands: list[Candidate] = []
    by_clause: dict[int, Candidate] = {}
    for ci, clause in enumerate(clauses):
        triggers = find_triggers(sentence.text, clause, tax)
        if quotes:          # most sentences quote nothing long: nothing to filter
            triggers = [t for t in triggers if not _inside(t[0], quotes)]
        if not triggers:
            # no dated happening lost: a clause with a date and a finite verb is an OTHER event
            verb = _dated_clause_verb(sentence, clause, times, in_sentence, tax)
            if verb is None or _inside(verb[0], quotes):
                continue
            triggers = [verb]
        reaction, object_ = _reaction(triggers, tax, sentence.text)
        if reaction:
            # "condemned the aerial bombing": the condemnation is this clause's event and date
            referred = _choose(index, sentence, clause, [object_], tax)
            referred.reference = f"object of '{sentence.text[reaction[0]:reaction[1]]}': not dated by its clause"
            _status(referred, sentence, clauses, tax, cues)
            referred.clause = replace(clause, start=reaction[1])    # its headline starts after the verb
            triggers = [reaction]
        cand = _choose(index, sentence, clause, triggers, tax)
        _status(cand, sentence, clauses, tax, cues)
        by_clause[ci] = cand
        cands.append(cand)
        if reaction:
            cands.append(referred)
    # a date inside a long quote dates what the quote says, not the "said" around it
    datable = [i for i in in_sentence if not _inside(times[i].start - sentence.start, quotes)] if quotes \
        else in_sentence
    for ci, cand in by_clause.items():      # every candidate but those referred to (not dated by their clause)
        dating.own_date(cand, sentence, clauses, ci, times, datable, by_clause, document, tax)
        _future_date(cand, document)
        _deadline_type(cand, sentence, times, tax)
    _reports(sentence, clauses, by_clause, tax, cues)
    for cand in cands:
        if cand.clause.kind == "cond" and any(c is not cand and not c.drop for c in cands):
            cand.drop = cand.drop or "if-clause: the condition of another event in its sentence"
        _describe(cand, sentence, times, in_sentence, clauses, by_clause, tax)
    return cands


def _dated_clause_verb(sentence, clause, times, in_sentence, tax):
    """The finite verb of a clause that holds a date of its own, as an OTHER trigger (None: no
    such date or verb)."""
    for i in in_sentence:
        if clause.start <= times[i].start - sentence.start < clause.end and dating.datable(times[i]):
            return finite_verb(sentence.text, clause.start, clause.end, tax)
    return None


def _may_quote(text: str) -> bool:
    """Has the sentence what a quote opens with? Most have not: no scan for quotes."""
    return '"' in text or "“" in text or "``" in text


def _prev(text: str, pos: int) -> Optional[str]:
    """The word before `pos`, looking back a short way only (None if there is none)."""
    m = _LAST_WORD_REVERSED.match(text[max(0, pos - 40):pos][::-1])
    return m.group(1)[::-1] if m else None


def _inside(offset: int, spans) -> bool:
    return any(s <= offset < e for s, e in spans)


def _reaction(triggers, tax: Taxonomy, text: str):
    """(the reaction verb, the event it reacts to) in "X condemned the bombing of Y", else (None, None)."""
    reactions = tax.cues.get("reaction_verbs", frozenset())
    for i, (start, end, info) in enumerate(triggers):
        if info.pos == "verb" and info.lemma in reactions:
            objects = [t for t in triggers[i + 1:] if t[2].type != info.type and
                       (t[2].pos == "noun" or t[2].pos == "verb" and text[t[0]:t[1]].endswith("ing"))]
            if objects:
                return triggers[i], max(objects, key=lambda t: tax.priority.get(t[2].type, -1))
    return None, None


def _choose(index, sentence, clause, triggers, tax) -> Candidate:
    """The clause's event: the trigger of the highest-priority type; ties go to the first."""
    heads = triggers
    if len(triggers) > 1:       # one trigger is the head: most clauses read no words before it
        heads = [t for t in triggers if not _in_phrase(sentence.text, t)] or triggers
    best = max(heads, key=lambda t: (tax.priority.get(t[2].type, -1), -t[0])) if len(heads) > 1 else heads[0]
    agent = None
    if best[2].lemma in tax.cues.get("agent_verbs", ()):
        # "the quake struck", "a storm hit the coast": the one that struck says what happened
        agent = next((t for t in triggers if t[2].pos == "noun" and t[1] <= best[0]
                      and t[2].type.lower() in tax.cues.get("agent_types", ())), None)
        if agent is None and tax.agents:       # "4,000 members would strike": who strikes gives the type
            before = sentence.text[max(clause.start, best[0] - 40):best[0]].lower().split()
            kind = next((k for k, words in tax.agents.items() if not words.isdisjoint(before)), None)
            if kind:
                best = (best[0], best[1], replace(best[2], type=kind))
    elif best[2].pos == "verb" and best[2].lemma in tax.cues.get("patient_verbs", ()):
        # "talks were suspended", "the agreement collapsed": what was suspended says what happened
        agent = next((t for t in triggers if t[2].pos == "noun" and t[2].type != best[2].type), None)
    if agent:       # the verb stays the trigger (its place dates the event), the noun gives the type
        best = (best[0], best[1], replace(best[2], type=agent[2].type))
    start, end, info = best
    others = sorted({t[2].type for t in triggers} - {info.type}) if len(triggers) > 1 else ()
    verbs = [(s, e) for s, e, t in triggers if t.pos != "noun"]
    rule = f"{info.pos} '{sentence.text[start:end]}' ({info.type}" + (f", {info.source})" if info.source else ")")
    if agent:
        rule += f": its type from '{sentence.text[agent[0]:agent[1]]}'"
    elif others:
        rule += f", over {', '.join(others)} by priority"
    generic = info.pos == "noun" and sentence.text[start:end].endswith("s") and \
        (_prev(sentence.text, start) or "").lower() in _GENERIC_BEFORE
    return Candidate(sentence=index, clause=clause, start=sentence.start, generic=generic,
                     end=sentence.end, trigger_start=sentence.start + start,
                     trigger_end=sentence.start + end, trigger=sentence.text[start:end], info=info,
                     type=info.type, type_rule=rule, confidence=0.6 if info.pos != "noun" else 0.5,
                     verb=verbs[0] if verbs else None)


_PHRASE_OPENERS = frozenset("under in into for with without by through via amid".split())
_PHRASE_FILLERS = frozenset("a an the its his her their this that successful new".split())


def _in_phrase(text: str, trigger) -> bool:
    """A noun inside a prepositional phrase ("gained independence under a peace deal", "voted
    in a referendum") or an infinitive ("threatened to launch an attack", "leaving South Sudan to
    hold a referendum") is a circumstance or an aim of the clause's event, not its head."""
    start, _, info = trigger
    words = text[max(0, start - 40):start].lower().split()[-4:]
    if info.pos != "noun":
        return bool(words) and words[-1] == "to"        # "threatened to attack", "to launch an attack"
    while words and (words[-1] in _PHRASE_FILLERS or words[-1].endswith(("'s", "’s"))):
        words.pop()
    return bool(words) and (words[-1] in _PHRASE_OPENERS or len(words) > 1 and words[-2] == "to")


# the cue lists scanned by window below, and what a sentence must hold for each to match in it
_SCANNED_CUES = ("negation", "deadline_words", "future", "modal", "claim_words", "ongoing", "threat_words",
                 "later_phrases")
_MID_WORD = re.compile(r"(?<=\w)\w")


@lru_cache(maxsize=8)
def _cue_index(taxonomy_path: str):
    """A cue word's match holds each of its runs of word characters as a whole run of the
    sentence, all in a row ("is said to": "is", "said", "to"). -> (the longest run of each word
    (the rarest, likely) -> (the lists it is a whole word of, (list, all the word's runs in a row)
    for the longer words), the lists not indexed: some word not ASCII or without a word character)."""
    cues = load_taxonomy(taxonomy_path).cues
    index: dict[bytes, tuple[set, set]] = {}
    unindexed = set()
    for name in _SCANNED_CUES:
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


def _present_cues(text: str, tax: Taxonomy) -> Optional[set]:
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


def _cue_before(tax: Taxonomy, name: str, text: str, start: int, end: int, cues: Optional[set]) -> Optional[str]:
    """The last match of a cue list in text[start:end]."""
    regex = tax.cue_res.get(name)
    if not regex or not _may_hold(cues, name, text, end):
        return None
    last = None
    for last in regex.finditer(text, start, end):
        pass
    return last.group(0) if last else None


def _may_hold(cues: Optional[set], name: str, text: str, end: int) -> bool:
    """Can a window ending at `end` hold the cue? Not when the sentence lacks its words, unless
    the window ends inside a word (a match cut there could be part of a longer run)."""
    return cues is None or name in cues or _MID_WORD.match(text, end) is not None


def _status(cand: Candidate, sentence, clauses, tax: Taxonomy, cues: Optional[set]) -> None:
    text, clause = sentence.text, cand.clause
    t0 = cand.trigger_start - sentence.start
    window = max(clause.start, t0 - 30)
    if clause.kind == "cond":
        cand.status, cand.status_rule = "hypothetical", f"if-clause ('{clause.opener}')"
        return
    adjective = (_prev(text, t0) or "").lower() if cand.info.pos == "noun" else ""
    if adjective in tax.cues.get("claim_adjectives", ()):
        cand.status, cand.status_rule = "claimed", f"'{adjective}' before the noun"
        return
    neg = _NEGATION.search(text, window, t0) or _cue_before(tax, "negation", text, window, t0, cues)
    if neg:
        word = neg if isinstance(neg, str) else neg.group(0)
        cand.status, cand.status_rule = "negated", f"negation '{word}' before the trigger"
        return
    deadline = _cue_before(tax, "deadline_words", text, clause.start, clause.end, cues)
    if deadline:
        cand.status, cand.status_rule = "deadline", f"deadline word '{deadline}'"
        return
    future = _cue_before(tax, "future", text, clause.start, t0, cues)
    if future:
        cand.status, cand.status_rule = "planned", f"future '{future}' before the trigger"
        return
    modal = _cue_before(tax, "modal", text, window, t0, cues)
    if modal:
        cand.status, cand.status_rule = "hypothetical", f"modal '{modal}' before the trigger"
        return
    claim = _cue_before(tax, "claim_words", text, clause.start, clause.end, cues)
    attributed = _attribution(cand, sentence, clauses, tax)
    if claim or attributed:
        cand.status = "claimed"
        cand.status_rule = f"attributed: '{claim}'" if claim else attributed
        return
    ongoing = _cue_before(tax, "ongoing", text, clause.start, clause.end, cues)
    prev = _prev(text, t0) if not ongoing and cand.trigger.lower().endswith("ing") else None
    if ongoing or (prev and prev.lower() in ("is", "are", "am")):
        cand.status, cand.status_rule = "ongoing", f"ongoing '{ongoing or prev + ' ...ing'}'"


def _attribution(cand, sentence, clauses, tax) -> Optional[str]:
    """What a claim verb reports is unconfirmed: 'South Sudan accused Sudan of bombing ...'."""
    claims = tax.cues.get("claim_verbs", frozenset())
    clause = cand.clause
    if clause.kind == "report" and clause.head is not None:
        head = clauses[clause.head]
        for _, _, info in find_triggers(sentence.text, head, tax):
            if info.lemma in claims:
                return f"reported by '{info.lemma}' (unconfirmed)"
    for start, _, info in find_triggers(sentence.text, clause, tax):
        if start < cand.trigger_start - sentence.start and info.lemma in claims and info.lemma != "say":
            return f"attributed by '{info.lemma}' before the trigger"
    return None


def _future_date(cand: Candidate, document: Document) -> None:
    """A past-tense sentence about a date after publication is still a plan."""
    if cand.status == "occurred" and cand.date and cand.date.start and document.published \
            and cand.date.start > document.published:
        cand.status, cand.status_rule = "planned", f"dated after publication ({document.published})"


def _deadline_type(cand: Candidate, sentence, times, tax: Taxonomy) -> None:
    """"will end ... by the end of 2021": a plan with a deadline is a PLAN_DEADLINE."""
    if cand.status not in ("planned", "deadline") or cand.time is None:
        return
    t = times[cand.time]
    before = sentence.text[:t.start - sentence.start].rstrip().lower()
    if before.endswith((" by", " before", " until")) or cand.status == "deadline":
        was = cand.type
        cand.type = "PLAN_DEADLINE" if "PLAN_DEADLINE" in tax.priority else cand.type
        cand.type_rule = f"{cand.status} with 'by {t.text}' (was {was}: {cand.type_rule})"


def _reports(sentence, clauses, by_clause, tax: Taxonomy, cues: Optional[set]) -> None:
    """A reporting verb and what it reports: a threat makes the report the event; a weak verb
    ("said") gives way to the event it reports."""
    threat_re = tax.cue_res.get("threat_words")
    weak = tax.cues.get("weak_reporting", frozenset())
    for ci, clause in enumerate(clauses):
        if clause.kind != "report" or clause.head is None or clause.head not in by_clause:
            continue
        head = by_clause[clause.head]
        if head.info.lemma not in tax.cues.get("reporting", ()):
            continue
        reported = [clause] + [c for c in clauses[ci + 1:] if c.kind in ("cond", "report")]
        span_end = reported[-1].end
        threat = threat_re.search(sentence.text, clause.start, span_end) \
            if threat_re and _may_hold(cues, "threat_words", sentence.text, span_end) else None
        inner = [by_clause[i] for i in range(ci, len(clauses)) if i in by_clause
                 and clauses[i].start < span_end]
        if threat and "DEMAND_THREAT_ACCUSE" in tax.priority:
            head.type = "DEMAND_THREAT_ACCUSE"
            head.type_rule = f"reported threat: '{head.trigger}' ... '{threat.group(0)}'"
            head.confidence = 0.7
            for c in inner:
                if c.date is None or c.time == head.time:
                    c.drop = "part of the reported threat"
        elif inner and head.info.lemma in weak and any(c.clause.kind == "report" for c in inner):
            head.drop = f"reporting verb '{head.trigger}': what it reports is the news"


def _describe(cand, sentence, times, in_sentence, clauses, by_clause, tax) -> None:
    clause = cand.clause
    text = sentence.text[clause.start:clause.end]
    end = clause.end
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
        if clause.start <= s and e <= end:
            # a bounded window: searching from the clause start is quadratic on long clauses
            trail = _TIME_TRAIL.match(sentence.text, e, end)
            # "from Saturday's earthquake": a possessive time leaves its preposition to the noun
            possessive = trail is not None and trail.group(0)[-1] == "s"
            s2 = s if possessive else _lead_start(sentence.text, max(clause.start, s - LEAD_WINDOW), s)
            comma = _COMMA_BEFORE.search(sentence.text, clause.start, s2) if trail and not possessive else None
            if comma:
                s2 = comma.start()      # "The strike, in 1989, lasted": both commas go
            removals.append((s2 - clause.start, (trail.end() if trail else e) - clause.start))
    form = None
    verb = cand.verb or (cand.trigger_start - sentence.start, cand.trigger_end - sentence.start)
    if cand.verb:
        word = sentence.text[verb[0]:verb[1]].split()[0].lower()
        tensed = not word.endswith("ing") and cand.status in ("occurred", "claimed", "ongoing")
        prev = _prev(sentence.text, verb[0]) if tensed else None      # the word before, only when it matters
        aux = prev and prev.lower() in tax.cues.get("be_aux", ())
        adjective = prev and prev.lower() in tax.cues.get("determiners", ())   # "the reported bombing": no verb
        # "The truce, agreed on Nov. 24, had been extended": a participle, not the clause's verb
        appositive = _APPOSITIVE.search(sentence.text, max(0, verb[0] - 30), verb[0])
        form = tax.third_person.get(word) if tensed and not (aux or adjective or appositive) else None
        if form:
            form += sentence.text[verb[0]:verb[1]][len(word):]
    cand.headline_args = (text, (verb[0] - clause.start, verb[1] - clause.start), removals, tax, form,
                          _antecedent(sentence.text, clause, clauses))
    if title_case(sentence.text):
        cand.actors = []
    else:
        cand.actors = find_actors(_strip_times(text, removals), tax) or \
            _controlling_subject(cand, sentence, clauses, by_clause, tax)
    # the names joined by a space, which no keyword holds: one scan, the same words
    keywords = {w.lower().removeprefix("al-") for w in _KEYWORD.findall(" ".join(cand.actors)) if len(w) > 2} \
        if cand.actors else set()
    keywords.add(cand.info.lemma)
    cand.keywords = frozenset(keywords)


_FIRST_SET, _WORD_SET = frozenset(_LEAD_FIRST), frozenset(_LEAD_WORDS)
_APPOSITIVE = re.compile(r"\w,\s+(?:(?:first|later|originally|newly|\w+ly)\s+)?\Z")


def _lead_start(text: str, start: int, end: int) -> int:
    """Where _TIME_LEAD's match in text[start:end] starts, read backwards from the time: words of
    _LEAD_WORDS, each followed by spaces, then perhaps one of _LEAD_FIRST (the longest such
    lead is the leftmost match). For word characters that are all ASCII (curly quotes and dashes
    are none: most news), from the character before the window on; other text goes to the regex."""
    if not text.isascii() and WORD_BEYOND_ASCII.search(text, max(0, start - 1), end):
        return _TIME_LEAD.search(text, start, end).start()
    lead = end
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
        if word in _WORD_SET:
            lead = word_start
        elif word in _FIRST_SET:
            return word_start
        else:
            return lead


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_GERUND_OPENING = re.compile(r"\s*\w+\s+(?:\w+ly\s+)?\w+ing\b")
_LEADING_NAMES = re.compile(r"\s*(?:(?:the|The)\s+)?(?:[A-Z][\w'’.-]*\s+)+")


def _controlling_subject(cand, sentence, clauses, by_clause, tax) -> list[str]:
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
    return find_actors(subject, tax) if subject else []


def _antecedent(text: str, clause: Clause, clauses: list[Clause]) -> Optional[str]:
    """Who acted, for a clause that does not say: "Mayor Jane Doe, who took office in 2021" (the
    short clause a "who" clause follows), "The deal, which ..., was approved" (the clause a
    relative clause interrupted). A headline then reads "Mayor Jane Doe took office"."""
    if not clause.start or clause.opener not in ("", "who"):
        return None                     # most clauses: the sentence's first, or opened by another word
    before = [c for c in clauses if c.end <= clause.start]
    if clause.kind == "relative" and clause.opener == "who" and before:
        subject = before[-1]
    elif clause.kind == "main" and not clause.opener and len(before) >= 2 and before[-1].kind == "relative" \
            and before[-2].kind == "main":
        subject = before[-2]
    else:
        return None
    words = text[subject.start:subject.end].split()
    return " ".join(words) if len(words) <= MAX_ANTECEDENT_WORDS else None


MAX_ANTECEDENT_WORDS = 6


def _strip_times(text: str, removals) -> str:
    """Blank the removed spans (a clause has two at most: a list of its characters cost more)."""
    for s, e in removals:
        s, e, _ = slice(s, e).indices(len(text))      # the span a list slice would blank
        if e > s:
            text = text[:s] + " " * (e - s) + text[e:]
    return text


# ---------------------------------------------------------------- across sentences

def _common_words(traces: list[SentenceTrace]) -> frozenset:
    """Words in the actors of many sentences ("Sudan" in a story about Sudan) tell no two events
    apart: they do not count when matching mentions."""
    counts: dict[str, int] = {}
    for trace in traces:
        for word in {w for c in trace.candidates for w in c.keywords - {c.info.lemma}}:
            counts[word] = counts.get(word, 0) + 1
    busy = sum(1 for t in traces if t.candidates)
    return frozenset(w for w, n in counts.items() if n >= 3 and n > COMMON_SHARE * busy)


def _anaphora(cands: list[Candidate], earlier: list[Candidate], undated: frozenset) -> None:
    """"when the incident occurred on Thursday": the last strong event told before (of a type
    that stands without a date: an attack, a death, a disaster...)."""
    for cand in cands:
        if cand.info.pos != "anaphor":
            continue
        before = next((e for e in reversed(earlier) if e.info.pos != "anaphor" and e.type in undated and
                       not (e.drop and e.same_as is None)), None)
        if before is None:
            cand.drop = f"'{cand.trigger}' points back to no event told before"
            continue
        cand.type = before.type
        cand.type_rule = f"'{cand.trigger}' points back to the {before.type} '{before.headline}'"
        cand.keywords |= before.keywords


def _related(a: str, b: str) -> bool:
    return a == b or (a, b) in _RELATED


def _relative_to_antecedent(cands: list[Candidate]) -> None:
    """"the bombing of Guffa on Tuesday, which he said killed seven": an undated event in a
    relative clause, of a kind related to the event just before it, tells more of that event."""
    for cand in cands:
        if cand.clause.kind != "relative" or cand.date is not None or cand.drop:
            continue
        antecedent = next((c for c in reversed(cands) if c.trigger_start < cand.trigger_start
                           and c.clause.kind != "relative" and not c.drop), None)
        if antecedent is not None and _related(antecedent.type, cand.type):
            cand.same_as = antecedent
            cand.drop = f"tells more of '{antecedent.headline}'"
            cand.date_rule = "a relative clause of an earlier event"


def _refer_back(trace: SentenceTrace, earlier: list[Candidate], document, times: list[TimeExpression]) -> None:
    """"After Soleimani and al-Muhandis were killed, parliament voted": the killing is an event
    told before; the vote is dated on or after it ("two days after": that many days after)."""
    cands = trace.candidates
    for cand in cands:
        if cand.clause.kind not in ("after", "before", "same") or cand.drop:
            continue
        match = None
        if cand.date is None:
            options = [e for e in earlier if not e.drop and e.same_as is None and _related(e.type, cand.type)
                       and (cand.keywords - {cand.info.lemma}) & e.keywords]
            match = max(options, key=lambda e: (e.date is not None, len(cand.keywords & e.keywords)),
                        default=None)
        if match:
            cand.same_as = match
            cand.drop = f"refers back to '{match.headline}'"
            cand.date_rule = "the same event as an earlier mention"
        anchor = match or cand
        gap = _gap_before(trace, cand.clause.start, times)
        if anchor.date is None:
            _date_from_main(cand, cands, earlier, document, gap)
            continue
        for main in cands:
            if main is cand or main.date is not None or main.clause.kind in ("after", "before", "same", "cond"):
                continue
            dating.relative_to(main, anchor, cand.clause.kind, document, gap=gap)


def _gap_before(trace: SentenceTrace, offset: int, times: list[TimeExpression]) -> Optional[TimeExpression]:
    """The duration right before a clause's opener: "[two days] after negotiators reached a deal"."""
    for i in trace.times:
        t = times[i]
        end = t.end - trace.start
        if t.type == "DURATION" and not t.mod and end <= offset and not trace.text[end:offset].strip():
            return t
    return None


_INVERSE = {"after": "before", "before": "after", "same": "same"}


def _date_from_main(cand, cands, earlier, document, gap: Optional[TimeExpression] = None) -> None:
    """"became its own country in July after a referendum": an undated event in an after-clause
    comes before the main clause's date (and one in a before-clause after it). Not when the story
    told such an event before: "examined following the attack" is that attack."""
    if any(not e.drop and _related(e.type, cand.type) for e in earlier):
        return
    main = next((c for c in cands if c is not cand and c.clause.kind == "main" and c.date is not None
                 and c.date.mod is None and not c.drop), None)
    if main is not None:        # "detained him four days before a runoff": the runoff four days after
        dating.relative_to(cand, main, _INVERSE[cand.clause.kind], document, gap=gap)


def _later(cands, earlier, sentence: SentenceTrace, document, tax) -> None:
    """"Two days later, ..." / "the following week": after the last dated event told before."""
    regex = tax.cue_res.get("later_phrases")
    if not regex:
        return
    previous = next((e for e in reversed(earlier) if e.date is not None and not e.drop), None)
    if previous is None:
        return
    for cand in cands:
        if cand.date is not None or cand.drop:
            continue
        m = regex.search(sentence.text, cand.clause.start, cand.clause.end) \
            if _may_hold(sentence.cues, "later_phrases", sentence.text, cand.clause.end) else None
        if m:
            dating.relative_to(cand, previous, "later", document, phrase=m.group(0))


def _group(found: list[Candidate], tax: Taxonomy) -> list[Candidate]:
    """Within one document the same happening is told several times: keep one event, with every
    mention. Dated mentions first; an undated one joins a dated event it shares words with."""
    weak = tax.cues.get("weak_reporting", frozenset())
    groups: list[Candidate] = []
    live = [c for c in found if not c.drop]
    for cand in [c for c in live if c.date] + [c for c in live if not c.date]:
        lone_quote = not cand.date and cand.type == "STATEMENT" and cand.info.lemma in weak
        target = None if lone_quote else _same_group(cand, groups, tax.undated)
        if target is None:
            groups.append(cand)
        else:
            target.extra.append(cand)
            cand.drop = f"same event as '{target.headline}'"
            cand.same_as = target
    # mentions that referred back to a kept event before the grouping ("After X was killed")
    kept = {id(g) for g in groups}
    listed = {id(x) for g in groups for x in g.extra}
    for c in found:
        target = c.same_as
        while target is not None and id(target) not in kept and target.same_as not in (None, target):
            target = target.same_as        # it referred to a mention the grouping folded in
        if target is not None and id(target) in kept and id(c) not in listed and target is not c:
            target.extra.append(c)
    groups.sort(key=lambda c: c.trigger_start)
    return groups


def _same_group(cand: Candidate, groups: list[Candidate], undated: frozenset) -> Optional[Candidate]:
    best, best_score = None, 0
    for g in groups:
        if not (_related(g.type, cand.type) or g.info.lemma == cand.info.lemma):
            continue
        if (g.status == "negated") != (cand.status == "negated"):
            continue    # "no casualties" is not a mention of deaths told elsewhere
        shared = len((g.keywords & cand.keywords))
        if cand.date and g.date:
            if (cand.date.value, cand.date.mod) != (g.date.value, g.date.mod):
                continue
            score = 1 + shared if g.type == cand.type else shared
        else:
            score = shared
        if score > best_score:
            best, best_score = g, score
    if best is None and not cand.date and cand.type in undated and cand.status != "negated":
        # nothing in common but the kind of happening: in a news story an undated "the bombing"
        # (or "reported deaths") is the story's main event of that kind, the first dated one of
        # it or a related kind (the lead tells it), not an older one told later
        best = min((g for g in groups if g.date and _related(g.type, cand.type)),
                   key=lambda g: g.trigger_start, default=None)
    return best


def _keep(cand: Candidate, tax: Taxonomy) -> bool:
    if cand.type == "STATEMENT" and cand.info.lemma in tax.cues.get("weak_reporting", ()):
        cand.drop = f"'{cand.trigger}' alone: a quote or report, not news by itself"
        return False
    if cand.date is not None or cand.news:
        return True
    if cand.type in tax.undated and cand.status in ("occurred", "ongoing", "claimed") and not cand.generic:
        return True
    if cand.generic:
        cand.drop = f"'{cand.trigger}' without a determiner or date: a kind of event, not one event"
        return False
    cand.drop = f"undated {cand.status} {cand.type}: not a timeline item without a date"
    return False


def _mention(c: Candidate, document: Document) -> dict:
    """A Mention's fields: the Event validates them with its own (one validation call, not two)."""
    return {"document": document.id, "start": c.start, "end": c.end, "sentence": document.text[c.start:c.end],
            "trigger": c.trigger, "trigger_start": c.trigger_start, "trigger_end": c.trigger_end,
            "time": c.time, "date": c.date, "date_rule": c.date_rule}


def _event(c: Candidate, document: Document) -> Event:
    digest = hashlib.sha1(f"{document.id}:{c.trigger_start}:{c.trigger_end}".encode()).hexdigest()[:12]
    told = [c] + sorted(c.extra, key=lambda x: x.trigger_start)
    mentions = [_mention(x, document) for x in told]
    confidence = min(0.95, c.confidence + (0.2 if c.time is not None else 0.1 if c.date else 0)
                     + 0.05 * min(len(c.extra), 2))
    actors = list(dict.fromkeys(c.actors + [a for x in c.extra for a in x.actors]))
    # "when the incident occurred on Thursday" dates the event; another mention names it
    named = [x for x in told if x.info.pos != "anaphor"]
    headline = named[0].headline if named else c.headline
    return Event(id=f"ev-{digest}", type=c.type, status=c.status, headline=headline, date=c.date,
                 mentions=mentions, actors=actors, confidence=round(confidence, 2),
                 type_rule=c.type_rule, status_rule=c.status_rule,
                 conflicts=[])      # given: pydantic deep-copies a mutable default for every instance
