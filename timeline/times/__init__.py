"""Stages 3-4, find times and resolve them.

- `find_times(text)` (matcher): spans with a rule name and an underspecified value.
- `resolve(expression, anchor, policy)` (pure): date arithmetic against an anchor.
- `tag_document(document, sentences, policy)`: both, for one document -> [TimeExpression].
- `time_records(...)`: the same as plain dicts in the model's field order, which `timeline times`
  writes as JSON without building the models (no pydantic in that command).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import TYPE_CHECKING, Optional, Sequence

from timeline.lang import pack_of
from timeline.text import Sentence, split_sentences
from timeline.text.tense import tense_at
from timeline.times.grammar import grammar
from timeline.times.match import Found, find_times
from timeline.times.resolve import Policy, Resolved, resolve

if TYPE_CHECKING:
    from timeline.models import Document, TimeExpression
    from timeline.read import Article

_DATED = re.compile(r"(?:BC)?\d{4}")     # a value with a year: a decade or century is no anchor

__all__ = ["Found", "Policy", "Resolved", "find_times", "resolve", "tag_document", "time_records"]


def tag_document(document: Document, sentences: Optional[Sequence[Sentence]] = None,
                 policy: str = "news") -> list[TimeExpression]:
    """Every time expression of `document`, resolved under the news or narrative policy.

    news: relative times read against the publication date, bare weekdays and months by tense.
    narrative: against the last date mentioned (falling back to the publication date).
    """
    from timeline.models import TimeExpression

    # the validating constructor: pydantic's model_construct is slower (2.13: 3.6 vs 2.2 us)
    return [TimeExpression(**record) for record in time_records(document, sentences, policy)]


def time_records(document: Document | Article, sentences: Optional[Sequence[Sentence]] = None,
                 policy: str = "news") -> list[dict]:
    """`tag_document`'s expressions as dicts of TimeExpression's fields, in its order (the
    interval a dict too): what its JSON holds, made without pydantic."""
    text = document.text
    lang = pack_of(document.lang)
    links = grammar(lang).day_to_clock      # between a day and its time of day
    if sentences is None:
        sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    last: Optional[str] = None          # the last date mentioned, for narratives and "a year earlier"
    last_day: Optional[str] = None      # the last day mentioned, for a bare time of day
    out: list[dict] = []
    day_before: Optional[tuple[int, str]] = None    # where the last day told ends, and the day
    year_before: Optional[tuple[int, str]] = None   # where the last year told ends, and the year
    for found in find_times(text, lang):
        if policy not in found.policies:
            continue
        chained = found.fields.get("chain") or policy == "narrative"
        bare_clock = not chained and last_day is not None and _bare_clock(found.fields)
        tense = None
        if bare_clock or _needs_tense(found.fields):
            sentence = _sentence_of(sentences, starts, found.start)
            tense = tense_at(sentence.text, found.start - sentence.start, found.end - sentence.start, lang) \
                if sentence else None
        if found.fields.get("chain_if_past") and tense in ("past", "past-own"):
            chained = True              # "The next day, customers fled": the day after the one told
        if tense and tense in found.fields.get("unless_tense", "").split():
            continue                    # "he was soon released": "soon" after a past event is no future
        anchor = (last or document.published) if chained else document.published
        if bare_clock and _narrated_day(last_day, document.published, tense):
            anchor = last_day
        if year_before and "m" in found.fields and "y" not in found.fields \
                and _WHEN.fullmatch(text, year_before[0], found.start):
            anchor = year_before[1]     # "in 1999, when the commission resigned on March 15"
        if day_before and _bare_clock(found.fields) and links.fullmatch(text, day_before[0], found.start):
            anchor = day_before[1]      # "Feb. 12 at 7 p.m.": that day's 7 p.m., told or not
        r = resolve(found, anchor, Policy(policy, tense, last))
        if _sets_context(found, r.value, policy, last) and not _year_looked_to(found, r.value, policy, tense,
                                                                               sentences, starts, lang):
            last = r.value
            if _DAY.match(r.value):
                last_day = r.value[:10]
        day_before = (found.end, r.value[:10]) if _DAY.match(r.value) else None
        year_before = (found.end, r.value) if r.value.isdigit() and len(r.value) == 4 else None
        out.append({
            "document": document.id, "text": found.text, "start": found.start, "end": found.end,
            "type": found.type, "value": r.value, "mod": r.mod, "rule": found.rule, "anchor": r.anchor,
            "interval": r.interval._asdict() if r.interval else None, "display": r.display})
    return out


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHEN = re.compile(r", when [^.;:()\n]*")      # a year, then the clause that tells what happened in it
_DAY_FIELDS = ("wd", "m", "d", "y", "unit", "holiday", "season")
RECENT_DAYS = 7     # a day told this close before publication is the day the story narrates
DIGRESSION_YEARS = 30   # a bare year this far from a story's time is an aside, not its new time


def _bare_clock(fields: dict) -> bool:
    """"at 3 p.m.", "14:00 GMT": a time of day with nothing saying which day."""
    return "hh" in fields and not any(k in fields for k in _DAY_FIELDS)


def _narrated_day(last_day: str, published: Optional[str], tense: Optional[str]) -> bool:
    """"A camp was bombed on Thursday ... There were three further explosions at 3 p.m.": in a
    past-tense sentence a bare time of day falls on the day the story last told, when that day is
    recent (else, and in the present or future, on the publication day)."""
    return tense in ("past", "past-own") and bool(published) and \
        published >= last_day >= _days_before(published, RECENT_DAYS)


def _days_before(day: str, n: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) - timedelta(days=n)).isoformat()
    except (ValueError, OverflowError):     # not a day, or before 1 January of year 1
        return day


def _needs_tense(fields: dict) -> bool:
    """Only a weekday, or a month / season / quarter without its year, reads the tense; and a
    comparison with the period just mentioned ("the year-ago period"), which a forecast is not."""
    return "y" not in fields and (any(k in fields for k in ("wd", "m", "season", "q", "half", "holiday"))
                                  or fields.get("unit") == "weekend") \
        or "like_context" in fields or fields.get("reuse") == "quarter" or "unless_tense" in fields \
        or "chain_if_past" in fields


def _sets_context(found: Found, value: str, policy: str, last: Optional[str]) -> bool:
    """Does this time become "the last date mentioned"? In news only times that do not lean
    on it themselves ("a year earlier" must not drift from one to the next); in a story not a
    bare year a generation away from it, a digression ("the War of 1812", "documents found in
    2004" in a history of 1920)."""
    if not (_DATED.match(value) and found.type in ("DATE", "TIME")):
        return False
    if "season" in found.fields and "y" not in found.fields:
        return False                    # "the winter" read from December 1918 keeps that month
    if found.fields.get("shift") == "X":
        return False                    # "months before that" (1861-XX) blurs the day just told
    if policy == "narrative" and value.isdigit() and last and last[:4].isdigit() \
            and abs(int(value) - int(last[:4])) > DIGRESSION_YEARS:
        return False
    if policy == "narrative" and "sign" in found.fields and not found.fields.get("chain"):
        return False                    # "signed two years ago," he said: the speaker's past, not the story's
    leans = found.fields.get("like_context") or found.fields.get("reuse") or found.fields.get("chain")
    return policy == "narrative" or not leans


_SINCE = re.compile(r"\b[Ss]ince\s+\Z")


def _year_looked_to(found: Found, value: str, policy: str, tense: Optional[str],
                    sentences: Sequence[Sentence], starts: list[int], lang: str = "en") -> bool:
    """"a campaign planned for 1976" or "the first incursion since 1995", told in a story of
    2008: a year the story looks ahead or back to, not the year it has come to."""
    if policy != "narrative" or not value.isdigit():
        return False
    sentence = _sentence_of(sentences, starts, found.start)
    if sentence is None:
        return False
    offset = found.start - sentence.start
    if _SINCE.search(sentence.text, max(0, offset - 8), offset):
        return True
    return (tense or tense_at(sentence.text, offset, found.end - sentence.start, lang)) in ("future", "future-own")


def _sentence_of(sentences: Sequence[Sentence], starts: list[int], offset: int) -> Optional[Sentence]:
    i = bisect_right(starts, offset) - 1
    return sentences[i] if i >= 0 else None
