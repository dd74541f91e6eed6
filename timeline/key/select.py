"""Key events: the N most salient events on distinct days, each with one line and its best sentence;
and the events dated within a period."""
from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from typing import Optional

from timeline.errors import UsageError
from timeline.key.salience import event_day, load_weights, naming, scaled
from timeline.models import Event, Evidence, Timeline

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A line that opens on one of these leans on a sentence the reader has not seen: a pronoun, a
# linking adverb or conjunction, or a relative word (a relative clause needs its head noun).
_LEANING = {"it", "he", "she", "they", "this", "that", "these", "those", "we", "i", "you", "his", "her",
            "its", "their", "there", "but", "and", "also", "meanwhile", "where", "which", "who", "whom", "whose"}
_DANGLING = {"and", "or", "with", "of", "the", "to", "a", "an", "in", "on", "for", "by", "at", "as", "that"}
# A headline opening on one of these is a phrase cut from its clause, not a subject and its verb
_PREPOSITIONS = {"about", "after", "as", "at", "before", "by", "during", "for", "from", "in", "into", "of", "on",
                 "over", "since", "than", "through", "to", "under", "until", "with", "without"}
_NOISE = ("-LRB-", "-RRB-", "``", "''", '"', "(", ")", "|", "http")
_SUMMARY_CHARS = 140
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def auto_count(tl: Timeline) -> int:
    """--key auto: a few more key events for each doubling of the archive."""
    k = load_weights().key
    n = round(k["per_doubling"] * math.log2(1 + len(tl.documents)))
    return max(k["min"], min(k["max"], n))


def parse_key(value: Optional[str]) -> Optional[str]:
    """Check --key: a positive count or 'auto'."""
    if value is None or value == "auto" or (value.isdigit() and int(value) > 0):
        return value
    raise UsageError(f"--key takes a positive number or 'auto', not {value!r}", "--key")


def period_bound(value: Optional[str], end: bool, option: str) -> Optional[str]:
    """--from/--to: YYYY, YYYY-MM or YYYY-MM-DD -> the first (or, for --to, last) day it allows."""
    if value is None:
        return None
    m = _PERIOD.fullmatch(value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
        last = calendar.monthrange(year, month)[1]
        day = int(day) if day else (last if end else 1)
        if not 1 <= day <= last:
            raise ValueError
    except ValueError:
        raise UsageError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}", option) from None
    return f"{year:04d}-{month:02d}-{day:02d}"


def period(date_from: Optional[str], date_to: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """--from and --to as the first and last day they allow; a period that ends before it starts
    would silently keep nothing, so it is refused."""
    start, end = period_bound(date_from, False, "--from"), period_bound(date_to, True, "--to")
    if start and end and start > end:
        raise UsageError(f"the period ends before it starts: --from {date_from} is after --to {date_to}", "--to")
    return start, end


def within(tl: Timeline, start: Optional[str], end: Optional[str]) -> Timeline:
    """The events whose whole date lies in [start, end] (either may be open); undated ones drop."""
    if not start and not end:
        return tl

    def inside(e: Event) -> bool:
        d = e.date
        return bool(d and d.start and d.end and (not start or d.start >= start) and (not end or d.end <= end))

    return tl.model_copy(update={"events": [e for e in tl.events if inside(e)]})


def key_day(e: Event) -> Optional[str]:
    """What 'distinct days' compares: the day, or the coarser date's value."""
    return event_day(e) or (e.date.value if e.date and e.date.start else None)


def choose(tl: Timeline, n: int) -> list[Event]:
    """The n key days' events, one a day, in timeline order: the days ranked by `day_scores`, each
    represented by its most salient event. The day's score is added to that event's salience_rule."""
    days = day_scores(tl)
    # days first (a timeline of key events is a list of days); a coarser date only when they run
    # out, and only one that overlaps no date chosen
    order = sorted(days, key=lambda d: (not event_day(days[d][1]), -days[d][0], -(days[d][1].salience or 0), d))
    ranked: list[str] = []
    spans: list[tuple[str, str]] = []
    for d in order:
        if len(ranked) == n:
            break
        start, end = days[d][1].date.start, days[d][1].date.end or days[d][1].date.start
        if not any(start <= e and s <= end for s, e in spans):
            spans.append((start, end))
            ranked.append(d)
    chosen = {days[d][1].id: f"; key day {days[d][0]:.2f}: {days[d][2]}" for d in ranked}
    return [e.model_copy(update={"salience_rule": (e.salience_rule or "") + chosen[e.id]})
            for e in tl.events if e.id in chosen]


def day_scores(tl: Timeline) -> dict[str, tuple[float, Event, str]]:
    """Every day holding a salient event -> (score 0-1, its most salient event, why), from the
    [day] weights: the best event, the articles published on the day, and the distinct later days
    whose articles name it (see salience.toml)."""
    best: dict[str, Event] = {}
    for e in tl.events:
        day = key_day(e)
        if day and (e.salience or 0) > 0 and (day not in best or (e.salience, best[day].id) > (best[day].salience, e.id)):
            best[day] = e
    if not best:
        return {}
    w = load_weights().day
    published_on = {d.id: (d.published or "")[:10] for d in tl.documents}
    published = Counter(day for day in published_on.values() if day)
    recalled = {day: len({p for p in (published_on.get(doc, "") for doc in docs) if p > day})
                for day, docs in naming(tl).items()}
    largest = {"event": max(e.salience or 0 for e in best.values()), "published": max(published.values(), default=0),
               "recalled": max(recalled.values(), default=0)}
    w = {k: w.get(k, 0.0) for k in largest}
    total = sum(w.values()) or 1.0
    out = {}
    for day, e in best.items():
        counts = {"event": e.salience or 0, "published": published.get(day, 0), "recalled": recalled.get(day, 0)}
        score = sum(w[k] * scaled(counts[k], largest[k]) for k in w) / total
        why = (f"best event {counts['event']:.2f}, {counts['published']} articles published that day, "
               f"{counts['recalled']} later days name it")
        out[day] = (score, e, why)
    return out


def key_events(tl: Timeline, n: Optional[str | int]) -> Timeline:
    """Keep the key events (n a count or 'auto'), each with its summary and evidence sentence."""
    if n is None:
        return tl
    count = auto_count(tl) if n == "auto" else int(n)
    published = {d.id: d.published or "" for d in tl.documents}
    events = [summarise(e, published) for e in choose(tl, count)]
    return tl.model_copy(update={"events": events})


def summarise(e: Event, published: dict[str, str]) -> Event:
    line, best = summary(e), evidence(e, published)
    if best is not None and _leans(line) and not _leans(best.sentence):
        line = _one_line(best.sentence)     # "He dies": the sentence says who
    return e.model_copy(update={"summary": line, "evidence": best})


def _leans(line: str) -> bool:
    """Does the line open on a word that leans on one before it (a pronoun, a connective)?"""
    words = line.split(None, 1)
    return bool(words) and words[0].lower().strip(",.") in _LEANING


def summary(e: Event) -> str:
    """The clearest headline among the event's sources, on one line; between headlines as clear,
    the one nearest what its sentences say (a merged event's sources do not all tell its story)."""
    lines = [e.headline] + [s.headline for s in (e.merged.sources if e.merged else []) if s.headline]
    w = load_weights().sentence
    stop = frozenset(w["stopwords"])
    centroid = sum((_bag(m.sentence, stop) for m in e.mentions), Counter())
    near = {h: round(_cosine(_bag(h, stop), centroid), 6)
            for h in dict.fromkeys(" ".join(h.split()) for h in lines if h.strip())} or {"": 0.0}
    # only a line that says much of what the sources say may speak for them: a merged event can
    # hold a source about something else ("Randi Zuckerberg manages non-profit initiatives")
    floor = w.get("summary_relevance", 0.0) * max(near.values())
    best = min((h for h, c in near.items() if c >= floor),
               key=lambda h: (-_clarity(h, 4, 16, headline=True), -near[h], len(h), h))
    return _one_line(best)


def _bag(text: str, stop: frozenset) -> Counter:
    """Content words, lower-cased: what a sentence is about."""
    return Counter(t for t in (x.lower() for x in _WORD.findall(text)) if t not in stop)


def evidence(e: Event, published: dict[str, str]) -> Optional[Evidence]:
    """The sentence that best reports the event: of its mentions of a readable length, the one
    closest to their centroid (what most of its sources say); ties go to the clearer sentence,
    then the first article to report it."""
    if not e.mentions:
        return None
    w = load_weights().sentence
    stop = frozenset(w["stopwords"])
    readable = [m for m in e.mentions if w["shortest"] <= len(m.sentence.split()) <= w["longest"]] or e.mentions
    bags = [_bag(m.sentence, stop) for m in readable]
    centroid = sum(bags, Counter())

    def rank(i: int):
        m = readable[i]
        return (-round(_cosine(bags[i], centroid), 6), -_clarity(m.sentence, 8, 40),
                published.get(m.document, ""), m.document, m.start)

    best = readable[min(range(len(readable)), key=rank)]
    return Evidence(document=best.document, start=best.start, end=best.end, sentence=" ".join(best.sentence.split()))


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(v * b[k] for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _clarity(text: str, shortest: int, longest: int, headline: bool = False) -> float:
    """How well a line reads alone: a sensible length, no markup or quotes, no pronoun to resolve,
    not cut off mid-phrase or mid-word, a statement rather than a question; a headline opens on
    its subject, not on a preposition (what does "Of a boy visiting Texas" report?)."""
    words = text.split()
    if not words:
        return -99.0
    n = len(words)
    score = -max(0, shortest - n, n - longest) * 0.5
    score -= 2.0 * any(mark in text for mark in _NOISE)
    score -= 1.5 * _leans(text)
    score -= 1.5 * (headline and words[0].lower() in _PREPOSITIONS)
    score -= 1.5 * text.rstrip().endswith("?")
    score -= 1.0 * (headline and ":" in text)      # "Haiti earthquake: Your stories": a label over a section
    score -= 1.0 * (words[-1].lower().strip(",.") in _DANGLING)
    # English has two one-letter words: any other opening letter is a cut word ("S earthquake", of
    # "Haiti's earthquake")
    score -= 1.5 * (len(words[0]) == 1 and words[0].isalpha() and words[0] not in ("A", "I", "a"))
    score -= 0.5 * (not words[0][:1].isupper())
    return score


def _one_line(text: str) -> str:
    if len(text) <= _SUMMARY_CHARS:
        return text
    cut = text[:_SUMMARY_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
