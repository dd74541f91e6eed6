"""Step 5, date: which date belongs to which event: the nearest date in its own clause, else a
date from a subordinate clause of its sentence ("since May 2020"), else through another event
("after X", "two days later"), found among the events told before by key. Events nothing dates
stay undated."""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from timeline.events.candidates import Candidate, SentenceWork, Told, family, inside, related
from timeline.events.clauses import word_before
from timeline.events.status import may_hold
from timeline.events.ranges import range_start
from timeline.events.words import words
from timeline.lang import pack_of
from timeline.models import EventDate, TimeExpression
from timeline.text.tense import scheduled_by

if TYPE_CHECKING:
    from timeline.events.candidates import SentenceTrace
from timeline.times.calendar import display as display_date

_RELATION_MOD = {"after": "AFTER", "before": "BEFORE", "same": None, "later": "AFTER"}
_NEXT_DAY = words("dating")["next_day"]
# a parenthesis telling when the act was reported, up to a time in it
_REPORTED_IN_PARENTHESIS = re.compile(
    r"\(\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words("dating")["parenthetical_reports"])
    + r")\b[^()]*$", re.I)
_DEFINITE = words("dating")["definite"]


def datable(t: TimeExpression) -> bool:
    """Can it date an event? Not durations, sets, present/past/future references, nor values
    with no interval."""
    return t.type in ("DATE", "TIME") and t.interval is not None and bool(t.interval.start) \
        and not t.value.endswith("_REF")


def event_date(t: TimeExpression, mod: Optional[str] = None, published: Optional[str] = None) -> Optional[EventDate]:
    """The date a time expression gives an event, at its own granularity (None if not datable).
    "Since 1955" (AFTER) reaches the publication date."""
    if not datable(t):
        return None
    iv = t.interval
    value, start, end, granularity = t.value, iv.start, iv.end, iv.granularity
    if mod == "AFTER" and not t.mod and published and end and published[:10] > end:
        end = published[:10]
    if "T" in value:                       # an hour of a day: a timeline plots the day
        value, granularity = value[:10], "day"
        start = end = value
    mod = mod if mod and not t.mod else t.mod
    display = t.display or t.text
    if mod == "AFTER" and not t.mod:
        display = f"since {display}"
    elif mod == "BEFORE" and not t.mod:
        display = f"before {display}"
    return shared_date(value, mod, start, end, granularity, display)


@lru_cache(maxsize=1024)
def shared_date(value: str, mod: Optional[str], start: Optional[str], end: Optional[str], granularity: str,
                display: str) -> EventDate:
    """One EventDate for each set of values, made once: a document's candidates share their dates
    (those of one time expression, of its publication day), and a model costs far more to build
    than to look up. Nothing changes a date once made (a candidate is given another), as
    `timeline.compact` shares equal ones."""
    return EventDate(value=value, mod=mod, start=start, end=end, granularity=granularity, display=display)


def _rank(t: TimeExpression) -> int:
    """A day's date first: "On Thursday, November 10th at 3:00 pm" is dated by the day, because a
    time of day alone gets its day from the publication date; then times, then coarser dates."""
    fine = t.interval and t.interval.granularity == "day"
    return 0 if t.type == "DATE" and fine else 1 if t.type == "TIME" else 2


def _preposition_mod(text: str, offset: int, tax) -> tuple[Optional[str], str]:
    before = text[:offset].rstrip()
    last = before.rsplit(None, 1)[-1].lower() if before else ""      # lower-cases the last word only
    if last in tax.cues.get("after", ()) and last != "following":
        return "AFTER", last
    if last in tax.cues.get("before", ()) and last != "by":
        return "BEFORE", last
    return None, last


def own_dates(work: SentenceWork, times: list[TimeExpression], document, tax) -> None:
    """Each clause's event dated by its own clause or sentence; a date inside a long quote dates
    what the quote says, not the "said" around it."""
    sentence = work.sentence
    outside = [i for i in work.in_sentence if not inside(times[i].start - sentence.start, work.quotes)] \
        if work.quotes else work.in_sentence
    # every candidate but those referred to (not dated by their clause), the further triggers too
    for ci, cand in [*work.by_clause.items(), *((ci, c) for ci, c in work.further if not c.reference)]:
        quoted = work.quotes and inside(cand.trigger_start - sentence.start, work.quotes)
        own_date(cand, sentence, work.clauses, ci, times, work.in_sentence if quoted else outside,
                 work.by_clause, document, tax)


def own_date(cand, sentence, clauses, ci, times, in_sentence, by_clause, document, tax) -> None:
    clause = cand.clause
    t0 = cand.trigger_start - sentence.start
    recurring = next((times[i] for i in in_sentence
                      if clause.start <= times[i].start - sentence.start < clause.end and _recurrence(times[i], tax)), None)
    if recurring is not None:
        # "broadcast on Saturdays at noon", "attack the convoys every week": a habit, on no one day
        cand.generic, cand.habitual = True, recurring.text
        return
    usable = [i for i in in_sentence
              if clause.start <= times[i].start - sentence.start < clause.end and datable(times[i])]
    if cand.times_from is not None:     # "pledged on Monday to cut taxes in 2025": the cut's is 2025
        usable = [i for i in usable if times[i].start - sentence.start >= cand.times_from]
    if cand.times_until is not None:    # "will open a factory next spring, it said on Tuesday": spring
        usable = [i for i in usable if times[i].start - sentence.start < cand.times_until]
    if "(" in sentence.text:
        usable = [i for i in usable if not _REPORTED_IN_PARENTHESIS.search(
            sentence.text, max(0, times[i].start - sentence.start - 40), times[i].start - sentence.start)]
    if usable:
        i = min(usable, key=lambda i: (_rank(times[i]), abs(times[i].start - sentence.start - t0)))
        span = _range(sentence, times, usable, i)
        if span:
            first, last = span
            cand.time, cand.date = first, _range_date(times[first], times[last])
            cand.date_rule = f"same clause: the range '{sentence.text[times[first].start - sentence.start:times[last].end - sentence.start]}'"
            return
        mod, word = _preposition_mod(sentence.text, times[i].start - sentence.start, tax)
        scheduled = _scheduled(cand, sentence, times[i], document)
        if scheduled:
            mod, word = None, scheduled     # "postponed the vote until June 3": held on June 3
        cand.time, cand.date = i, event_date(times[i], mod, document.published)
        cand.date_rule = f"same clause: '{times[i].text}'" + (f" after '{word}'" if mod else "") + \
            (f" after '{scheduled}': when it is to happen" if scheduled else "") + \
            (f" (nearest of {len(usable)})" if len(usable) > 1 else "")
        return
    if clause.opener == "when":
        # "the worst since 1934, when some 8,500 people died": the clause tells of that time
        for i in in_sentence:
            t = times[i]
            if datable(t) and _COMMA_ONLY.fullmatch(sentence.text, t.end - sentence.start, clause.start):
                cand.time, cand.date = i, event_date(t, None, document.published)
                cand.date_rule = f"when-clause of '{t.text}'"
                return
    if clause.kind not in ("main", "relative"):
        return
    # a date in a clause of the sentence that holds no event of its own ("..., since 2019")
    for cj, other in enumerate(clauses):
        if cj == ci or cj in by_clause or other.kind not in ("after", "before", "same", "main"):
            continue
        spare = [i for i in in_sentence
                 if other.start <= times[i].start - sentence.start < other.end and datable(times[i])]
        if spare:
            i = spare[0]
            scheduled = _scheduled(cand, sentence, times[i], document)
            mod = None if scheduled else _RELATION_MOD.get(other.kind)
            cand.time, cand.date = i, event_date(times[i], mod, document.published)
            cand.date_rule = f"after '{scheduled}': when it is to happen" if scheduled else \
                f"{other.kind} clause of the sentence: '{times[i].text}'"
            return


def backshifted(work: SentenceWork, document, tax) -> None:
    """Reported speech shifts its tense back (Quirk et al. 14.31): "announced on Monday that it had
    been bought" tells the purchase before the announcement. An undated event of a reported
    clause in the past perfect is dated before its sentence's dated main event."""
    main = next((c for c in work.by_clause.values() if c.clause.kind == "main" and c.date is not None
                 and c.date.mod is None), None)
    if main is None:
        return
    for cand in work.cands:
        if cand.date is None and cand.clause.kind == "report" and cand.status in ("occurred", "claimed") \
                and not cand.generic and _tense(cand, document.text, tax) == "past_perfect":
            relative_to(cand, main, "before", document, phrase="reported in the past perfect")


def _recurrence(t: TimeExpression, tax) -> bool:
    """A set of times the clause's happening recurs on: days of the calendar ("on Saturdays",
    "every Monday": XXXX-...) or one opened by a word of recurrence ("every week"), not a rate
    ("100,000 meals a day", "$5 billion a year", also SETs)."""
    if t.type != "SET":
        return False
    first = (t.text.split(None, 1) or [""])[0].lower()
    return t.value.startswith("XXXX") or first in tax.cues.get("recurrence", ())


def _scheduled(cand, sentence, t: TimeExpression, document) -> Optional[str]:
    """The verb of scheduling and preposition before time `t` ("postponed the vote until"), when
    the candidate is told by them (their verb or its object, before the time): `t` is when it is
    to happen, and it is a plan (cand.scheduled)."""
    offset = t.start - sentence.start
    if cand.trigger_start - sentence.start >= offset:
        return None
    found = scheduled_by(sentence.text, offset, pack_of(document.lang))
    if not found or cand.trigger_start - sentence.start < offset - len(found) - 60:
        return None
    cand.scheduled = found
    return found


def _range(sentence, times, usable, i) -> Optional[tuple[int, int]]:
    """(first, last): the two times of a range that time i is one end of ("between 3 and 5 May",
    "from 3 to 5 May", "3-5 May"), both of one granularity and in order; None if it is none."""
    for j in usable:
        first, last = (j, i) if times[j].end <= times[i].start else (i, j)
        if first == last or times[first].end > times[last].start:
            continue
        a, b = times[first], times[last]
        if _range_unit(a) != _range_unit(b) or not a.interval.start <= b.interval.start:
            continue
        if range_start(sentence.text, a.start - sentence.start, a.end - sentence.start,
                       b.start - sentence.start) is not None:
            return first, last
    return None


# a time of day is a day on a timeline: "the night of 4-5 June" runs over days
_WITHIN_A_DAY = frozenset({"day", "part_of_day", "hour", "minute"})


def _range_unit(t: TimeExpression) -> str:
    return "day" if t.interval.granularity in _WITHIN_A_DAY else t.interval.granularity


def _range_date(a: TimeExpression, b: TimeExpression) -> EventDate:
    """The event's date over a range: told from its first day (its value) to the last."""
    unit = _range_unit(a)
    return EventDate(value=a.interval.start if unit == "day" else a.value, start=a.interval.start,
                     end=b.interval.end, granularity=unit, display=f"{a.display or a.text} to {b.display or b.text}")


_DAYS = re.compile(r"P(\d+)([DW])")
_COMMA_ONLY = re.compile(r"\s*,\s*")


def relative_to(cand, anchor, relation: str, document, phrase: Optional[str] = None,
                gap: Optional[TimeExpression] = None) -> None:
    """Date `cand` through the event `anchor`: on or after it, before it, or at the same time;
    `gap` days or weeks after or before it when a duration says so ("two days after X")."""
    d = anchor.date
    mod = _RELATION_MOD.get(relation)
    days = _DAYS.fullmatch(gap.value) if gap is not None and mod and d.granularity == "day" and d.start else None
    if days:
        n = int(days.group(1)) * (7 if days.group(2) == "W" else 1)
        side = "after" if mod == "AFTER" else "before"
        day = _on_day(cand, d.start, n if mod == "AFTER" else -n,
                      f"'{gap.text}' {side} the event '{anchor.headline}' ({d.display})")
        if cand.status == "occurred" and document.published and day > document.published[:10]:
            cand.status, cand.status_rule = "planned", f"dated after publication ({document.published})"
        return
    start, end = d.start, d.end
    if phrase and phrase.lower() in _NEXT_DAY and d.granularity == "day" and d.start:
        _on_day(cand, d.start, 1, f"'{phrase}': the day after '{anchor.headline}' ({d.display})")
        return
    if mod == "AFTER":
        end = document.published if document.published and d.start and document.published >= d.start else None
        display = f"after {d.display}"
    elif mod == "BEFORE":
        start, end = None, _day_before(d.start)
        display = f"before {d.display}"
    else:
        display = d.display
    cand.date = shared_date(d.value, mod, start, end, d.granularity, display)
    cand.time = None
    said = f"'{phrase}'" if phrase else f"{relation}-clause"
    cand.date_rule = f"{said}: {display_rel(mod)} the event '{anchor.headline}' ({d.display})"


def _on_day(cand, anchor_day: str, n: int, rule: str) -> str:
    """Date `cand` on the day n days from `anchor_day` (by `rule`); that day."""
    day = (date.fromisoformat(anchor_day) + timedelta(days=n)).isoformat()
    cand.date = EventDate(value=day, start=day, end=day, granularity="day", display=display_date(day, None, day))
    cand.time, cand.date_rule = None, rule
    return day


def display_rel(mod: Optional[str]) -> str:
    return {"AFTER": "on or after", "BEFORE": "before"}.get(mod, "at the time of")


def _day_before(day: Optional[str]) -> Optional[str]:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat() if day else None


# ---------------------------------------------------------------- through events told before

def relative_to_antecedent(cands: list[Candidate]) -> None:
    """"the bombing of Guffa on Tuesday, which he said killed seven": an undated event in a
    relative clause, of a kind related to the event just before it, tells more of that event."""
    for cand in cands:
        if cand.clause.kind != "relative" or cand.date is not None or cand.drop:
            continue
        antecedent = next((c for c in reversed(cands) if c.trigger_start < cand.trigger_start
                           and c.clause.kind != "relative" and not c.drop), None)
        if antecedent is not None and related(antecedent.type, cand.type):
            cand.same_as = antecedent
            cand.drop = f"tells more of '{antecedent.headline}'"
            cand.date_rule = "a relative clause of an earlier event"


def refer_back(trace: SentenceTrace, told: Told, document, times: list[TimeExpression]) -> None:
    """"After Soleimani and al-Muhandis were killed, parliament voted": the killing is an event
    told before; the vote is dated on or after it ("two days after": that many days after)."""
    cands = trace.candidates
    for cand in cands:
        if cand.clause.kind not in ("after", "before", "same") or cand.drop:
            continue
        match = None
        gap = _gap_before(trace, cand.clause.start, times)
        if cand.date is None:
            options = told.sharing(cand)
            match = max(options, key=lambda e: (e.date is not None, len(cand.keywords & e.keywords)),
                        default=None)
            if match is None and gap is not None and _definite(trace, cand):
                match = told.last_dated_of.get(family(cand.type))
        if match:
            cand.same_as = match
            cand.drop = f"refers back to '{match.headline}'"
            cand.date_rule = "the same event as an earlier mention"
        anchor = match or cand
        if anchor.date is None:
            _date_from_main(cand, cands, told, document, gap)
            continue
        for main in cands:
            if main is cand or main.date is not None or main.clause.kind in ("after", "before", "same", "cond"):
                continue
            relative_to(main, anchor, cand.clause.kind, document, gap=gap)


def _definite(trace: SentenceTrace, cand) -> bool:
    """"after the quake": an event noun after a definite determiner."""
    return cand.info.pos == "noun" and \
        (word_before(trace.text, cand.trigger_start - trace.start) or "").lower() in _DEFINITE


def _gap_before(trace: SentenceTrace, offset: int, times: list[TimeExpression]) -> Optional[TimeExpression]:
    """The duration right before a clause's opener: "[two days] after negotiators reached a deal"."""
    for i in trace.times:
        t = times[i]
        end = t.end - trace.start
        if t.type == "DURATION" and not t.mod and end <= offset and not trace.text[end:offset].strip():
            return t
    return None


_INVERSE = {"after": "before", "before": "after", "same": "same"}


def _date_from_main(cand, cands, told: Told, document, gap: Optional[TimeExpression] = None) -> None:
    """"became its own country in July after a referendum": an undated event in an after-clause
    comes before the main clause's date (and one in a before-clause after it). Not when the story
    told such an event before: "examined following the attack" is that attack."""
    if family(cand.type) in told.families:
        return
    main = next((c for c in cands if c is not cand and c.clause.kind == "main" and c.date is not None
                 and c.date.mod is None and not c.drop), None)
    if main is not None:        # "detained him four days before a runoff": the runoff four days after
        relative_to(cand, main, _INVERSE[cand.clause.kind], document, gap=gap)


def later(sentence: SentenceTrace, told: Told, document, tax) -> None:
    """"Two days later, ..." / "the following week": after the last dated event told before."""
    regex = tax.cue_res.get("later_phrases")
    if not regex:
        return
    previous = told.last_dated
    if previous is None:
        return
    for cand in sentence.candidates:
        if cand.date is not None or cand.drop:
            continue
        m = regex.search(sentence.text, cand.clause.start, cand.clause.end) \
            if may_hold(sentence.cues, "later_phrases", sentence.text, cand.clause.end) else None
        if m:
            relative_to(cand, previous, "later", document, phrase=m.group(0))


# ---------------------------------------------------------------- the narrative date

class Narrative:
    """The narrative's own dates, in text order: a report that opens with its day ("On 5 March,
    militants attacked ...") tells the sentences after it on that day ("Two soldiers were
    killed."). In a narrative in the simple past, a sentence with no time of its own stays at the
    time told before it (its reference time), until another time is told; the narrative ends with
    its paragraph. Anchors: the events the text itself dates at one time (not "since June", not a
    plan), looked up by position."""

    def __init__(self, told: list[Candidate], document):
        published = (document.published or "")[:10]
        self.anchors = [c for c in sorted(told, key=lambda c: c.trigger_start)
                        if c.date is not None and c.date.mod is None and c.status in _NARRATED
                        and not (published and c.date.start and c.date.start > published)]
        self.starts = [c.trigger_start for c in self.anchors]
        self.text = document.text

    def before(self, cand: Candidate) -> Optional[Candidate]:
        """The last anchor told before `cand` in its paragraph (None: none)."""
        i = bisect_left(self.starts, cand.trigger_start)
        if not i:
            return None
        anchor = self.anchors[i - 1]
        return None if "\n" in self.text[anchor.trigger_start:cand.trigger_start] else anchor


_NARRATED = ("occurred", "claimed")


def narrative_date(cand, narrative: Narrative, document, tax) -> None:
    """An event told in the simple past with no date of its own, none from another event, takes
    the date of the narrative it is told in (Narrative): not a perfect ("has been": now), a past
    perfect (before that time), a plan, a condition, a negation or a generic plural."""
    if cand.date is not None or cand.generic or cand.status not in _NARRATED or cand.clause.kind == "cond" \
            or cand.reference or (cand.info.pos == "noun" and cand.clause.kind in ("after", "before", "same")):
        return
    anchor = narrative.before(cand)
    if anchor is None or _tense(cand, document.text, tax) != "past" or not _simple_past(cand, document.text):
        return
    d = anchor.date
    cand.date = d
    cand.time = None
    cand.date_rule = f"narrative date: {d.display}, told before it in its paragraph ('{anchor.headline}')"


_FORM = re.compile(r"[A-Za-z][a-z'’-]*")


def _simple_past(cand, text: str) -> bool:
    """Is the event told in the simple past: its verb a past form ("killed", "fled"), or the past
    of "be" before it ("were killed"); a pattern by any of its words ("planted a bomb", "a device
    went off"); a noun by the verb after it ("the blast left 5 dead")? Not the present ("says",
    "are fighting")."""
    from timeline.events.finite import irregular_past      # finite reads `datable` from here
    pasts = irregular_past()
    clause_start, clause_end = cand.start + cand.clause.start, cand.start + cand.clause.end
    if cand.info.pos in ("verb", "pattern"):
        forms = [w.lower() for w in cand.trigger.split()] if cand.info.pos == "pattern" \
            else [cand.trigger.split()[0].lower()]
        forms += [w.lower() for w in _FORM.findall(text, max(clause_start, cand.trigger_start - 25),
                                                    cand.trigger_start)][-2:]
    else:
        forms = [w.lower() for w in _FORM.findall(text, cand.trigger_end, min(clause_end, cand.trigger_end + 30))][:2]
    return any(f in _PAST_BE or f in pasts or (f.endswith("ed") and len(f) > 3) for f in forms)


_PAST_BE = words("dating")["past_be"]


# how far before publication a news date reaches, by tense: (days before, granularity, display)
_NEWS_WINDOW = {"past": (1, "week", "on or just before {}"), "perfect": (7, "week", "in the week to {}")}
_STATUSES_DATED_AS_NEWS = ("occurred", "ongoing", "claimed")


def news_window(cand, document, tax) -> None:
    """An event with no date of its own, none from another event, told in the past or present
    tense, happened as news is written: on the publication day or the day before ("happened"),
    in the week before it ("has been"). Not in the past perfect ("had fled": before the story's own
    time), not a plan, a condition, a negation or a generic plural. Without a publication date
    it stays undated, but it is news all the same (`cand.news`)."""
    if cand.date is not None or cand.generic or cand.status not in _STATUSES_DATED_AS_NEWS \
            or cand.clause.kind == "cond":
        return
    if cand.reference or (cand.info.pos == "noun" and cand.clause.kind in ("after", "before", "same")):
        return          # "accused Sudan of bombing", "before the vote": placed against another event
    tense = _tense(cand, document.text, tax)
    if tense not in _NEWS_WINDOW:
        return
    cand.news = True
    if not document.published:
        cand.date_rule = f"told as news ({tense} tense) but undated: the document has no publication date"
        return
    published = document.published[:10]
    start, granularity, shown = _news_window_of(published, tense)
    cand.date = shared_date(published, "ON_OR_BEFORE", start, published, granularity, shown)
    cand.time = None
    cand.confidence = max(0.1, cand.confidence - 0.15)
    cand.date_rule = f"news date ({tense} tense, no date of its own): {shown} (published {published})"


@lru_cache(maxsize=64)     # a document's news-dated events share its publication day
def _news_window_of(published: str, tense: str) -> tuple[str, str, str]:
    """(first day, granularity, display) of the news window before a publication day, by tense."""
    days, granularity, display = _NEWS_WINDOW[tense]
    start = (date.fromisoformat(published) - timedelta(days=days)).isoformat()
    return start, granularity, display.format(display_date(published, None, published))


def _tense(cand, text: str, tax) -> Optional[str]:
    """past, perfect or past_perfect from the auxiliaries before the trigger in its clause (None:
    no tense to read)."""
    sentence_start = cand.start
    clause_start = sentence_start + cand.clause.start
    before = text[max(clause_start, cand.trigger_start - 40):cand.trigger_start].lower().split()[-3:]
    if cand.info.pos == "verb" and cand.trigger.lower().endswith("ing") and \
            not (before and before[-1] in tax.cues.get("be_aux", frozenset())):
        return None         # a gerund or participle ("after bombing the camp") has no tense of its own
    if cand.info.pos == "noun":        # "the talks had failed": a noun's verb follows it
        clause_end = sentence_start + cand.clause.end
        before += text[cand.trigger_end:min(clause_end, cand.trigger_end + 30)].lower().split()[:2]
    words = set(before) | {" ".join(before[i:i + 2]) for i in range(len(before) - 1)}
    if words & tax.cues.get("past_perfect_aux", frozenset()):
        return "past_perfect"
    if words & tax.cues.get("perfect_aux", frozenset()):
        return "perfect"
    return "past"
