"""Salience: every merged event scored 0-1 from the evidence in salience.toml, with the reason."""
from __future__ import annotations

import math
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from timeline.models import Event, Timeline

WEIGHTS_FILE = Path(__file__).with_name("salience.toml")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Weights:
    evidence: dict      # count name -> weight
    precision: dict     # granularity (or "undated") -> factor
    status: dict
    type: dict          # type -> factor, "default" for the rest
    key: dict           # --key auto and the page's threshold
    day: dict           # choosing the key days: the day's best event, articles published, later days naming it
    sentence: dict      # choosing a key event's evidence sentence
    passed: frozenset   # statuses weighed as occurred once later articles come back to the event


@lru_cache(maxsize=4)
def load_weights(path: Optional[str] = None) -> Weights:
    data = tomllib.loads(Path(path or WEIGHTS_FILE).read_text(encoding="utf-8"))
    return Weights(**{k: dict(data[k]) for k in ("evidence", "precision", "status", "type", "key", "day", "sentence")},
                   passed=frozenset(data["passed"]["statuses"]))


def event_day(event: Event) -> Optional[str]:
    """The day the event is dated to, when its date is one day (or a time within one)."""
    d = event.date
    if d is None or not d.start or d.start != d.end:
        return None
    return d.start


@dataclass
class Counts:
    articles: int
    outlets: int
    later: int
    day: int
    mentions: int


def _documents_of(event: Event) -> set[str]:
    docs = {m.document for m in event.mentions}
    if event.merged:
        docs.update(s.document for s in event.merged.sources)
    return docs


def naming(tl: Timeline) -> dict[str, set[str]]:
    """Day -> the documents that name it in a time expression of one day (one pass over them)."""
    out: dict[str, set[str]] = defaultdict(set)
    for t in tl.time_expressions:
        if t.type in ("DATE", "TIME") and _DAY.match(t.value) and not t.mod:
            out[t.value[:10]].add(t.document)
    return out


def _counts(tl: Timeline) -> list[Counts]:
    published = {d.id: d.published for d in tl.documents}
    source = {d.id: d.source for d in tl.documents}
    named_by = naming(tl)
    return [counts_of(e, published, source, named_by) for e in tl.events]


def counts_of(e: Event, published: dict, source: dict, named_by: dict) -> Counts:
    """One event's counts: `published` and `source` by document id, `named_by` as `naming` gives."""
    # the articles that give it this date vouch for its day; the others merged into it do not
    docs = (_dating(e) if e.date else set()) or _documents_of(e)
    end = e.date.end if e.date and e.date.end else None
    later = {d for d in docs if end and (published.get(d) or "") > end}
    day = event_day(e)
    named = named_by.get(day, set()) if day else set()
    later |= {d for d in named if (published.get(d) or "") > day}
    outlets = {source[d] for d in docs if source.get(d)}
    return Counts(len(docs), len(outlets), len(later), len(named), len(e.mentions))


def score_salience(tl: Timeline, weights_path: Optional[str] = None) -> Timeline:
    """The timeline with `salience` and `salience_rule` set on every event."""
    if not tl.events:
        return tl
    counts = _counts(tl)
    weigh = Weighing(counts, {d.source for d in tl.documents if d.source}, weights_path)
    return tl.model_copy(update={"events": [weigh(e, c) for e, c in zip(tl.events, counts)]})


class Weighing:
    """Each event's salience from its counts, given every event's (the largest of each count
    scales them) and the outlets of the timeline's documents."""

    def __init__(self, counts: list[Counts], outlets: set, weights_path: Optional[str] = None,
                 largest: Optional[dict] = None):
        """`largest`, when given, is each count's largest over the events, for `counts`."""
        self.w = w = load_weights(weights_path)
        self.active = dict(w.evidence)
        if len(outlets) < 2:
            self.active.pop("outlets", None)   # one outlet or none known: the count says nothing
        self.largest = {k: largest[k] if largest is not None else max(getattr(c, k) for c in counts)
                        for k in self.active}
        self.total = sum(self.active.values()) or 1.0

    def __call__(self, e: Event, c: Counts) -> Event:
        w, active, largest = self.w, self.active, self.largest
        evidence = sum(v * scaled(getattr(c, k), largest[k]) for k, v in active.items()) / self.total
        granularity = e.date.granularity if e.date else "undated"
        precision = w.precision.get(granularity, w.precision.get("unknown", 0.0))
        status = w.status.get(e.status, 1.0)
        if e.status in w.passed and c.later:   # its day has come and articles come back to it
            status = 1.0
        kind = w.type.get(e.type, w.type.get("default", 1.0))
        value = round(evidence * precision * status * kind, 4)
        rule = (f"{c.articles} articles, " + (f"{c.outlets} outlets, " if "outlets" in active else "")
                + f"{c.later} later articles, {c.day} articles on its day, {c.mentions} mentions (evidence {evidence:.2f})"
                f" x {granularity} date {precision:g} x {e.status} {status:g} x {e.type} {kind:g}")
        return e.model_copy(update={"salience": value, "salience_rule": rule})


def _dating(e: Event) -> set[str]:
    """The documents that give the event its date."""
    when = (e.date.start, e.date.end)
    docs = {m.document for m in e.mentions if m.date is not None and (m.date.start, m.date.end) == when}
    if e.merged:
        docs.update(s.document for s in e.merged.sources if s.date and (s.date.start, s.date.end) == when)
    return docs


def scaled(count: float, largest: float) -> float:
    return math.log1p(count) / math.log1p(largest) if largest > 0 else 0.0
