"""Step 6, group: within one document the same happening is told several times: one event with
every mention. A mention finds its event by key (its date, its words), never by a scan of every
event so far. Then what stays a timeline item, and the Event records.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict, deque
from typing import Optional

from timeline.events.candidates import HAPPENED, Candidate, SentenceTrace, family, recent, related
from timeline.events.taxonomy import Taxonomy
from timeline.models import Document, Event

COMMON_SHARE = 0.25   # a word in the actors of more than this share of the sentences is common


def common_words(traces: list[SentenceTrace]) -> frozenset:
    """Words in the actors of many sentences ("Sudan" in a story about Sudan) tell no two events
    apart: they do not count when matching mentions."""
    counts: dict[str, int] = {}
    for trace in traces:
        for word in {w for c in trace.candidates for w in c.keywords - {c.info.lemma}}:
            counts[word] = counts.get(word, 0) + 1
    busy = sum(1 for t in traces if t.candidates)
    return frozenset(w for w, n in counts.items() if n >= 3 and n > COMMON_SHARE * busy)


def group(found: list[Candidate], tax: Taxonomy) -> list[Candidate]:
    """Within one document the same happening is told several times: keep one event, with every
    mention. Dated mentions first; an undated one joins a dated event it shares words with."""
    weak = tax.cues.get("weak_reporting", frozenset())
    groups: list[Candidate] = []
    index = _Groups(tax.undated)
    live = [c for c in found if not c.drop]
    for cand in [c for c in live if c.date] + [c for c in live if not c.date]:
        lone_quote = not cand.date and cand.type == "STATEMENT" and cand.info.lemma in weak
        target = None if lone_quote else index.same_group(cand)
        if target is None:
            index.add(cand, len(groups))
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


class _Groups:
    """The groups so far, by what a mention must share with its group: the date (a dated mention,
    looked for while every group is dated) or a keyword (an undated one); and per family of
    kinds the first dated group told. Each key keeps the last WINDOW groups."""

    def __init__(self, undated: frozenset):
        self.undated = undated
        self.by_date: defaultdict[tuple, deque] = defaultdict(recent)
        self.by_word: defaultdict[str, deque] = defaultdict(recent)
        self.first_dated: dict[str, Candidate] = {}

    def add(self, g: Candidate, order: int) -> None:
        if g.date:
            self.by_date[g.date.value, g.date.mod].append((order, g))
            first = self.first_dated.get(family(g.type))
            if first is None or g.trigger_start < first.trigger_start:
                self.first_dated[family(g.type)] = g
        for word in g.keywords:
            self.by_word[word].append((order, g))

    def same_group(self, cand: Candidate) -> Optional[Candidate]:
        if cand.date:       # only dated groups exist yet: those of its date
            pool = dict(self.by_date.get((cand.date.value, cand.date.mod), ()))
        else:               # a score needs a shared word
            pool = {}
            for word in cand.keywords:
                pool.update(self.by_word.get(word, ()))
        best, best_score = None, 0
        for order in sorted(pool):
            g = pool[order]
            if not (related(g.type, cand.type) or g.info.lemma == cand.info.lemma):
                continue
            if (g.status == "negated") != (cand.status == "negated"):
                continue    # "no casualties" is not a mention of deaths told elsewhere
            if not cand.date and (g.status in HAPPENED) != (cand.status in HAPPENED):
                continue    # nor is "the pending invasion" a mention of an attack that happened
            if not cand.date and (g.status == "ongoing") != (cand.status == "ongoing"):
                continue    # nor "heard a large explosion" (one happening) of "have been fighting
                #             since June" (going on over a span: a background, not a happening)
            shared = len((g.keywords & cand.keywords))
            if cand.date and g.date:
                score = 1 + shared if g.type == cand.type else shared
            else:
                score = shared
            if score > best_score:
                best, best_score = g, score
        if best is None and not cand.date and cand.type in self.undated and cand.status in HAPPENED:
            # nothing in common but the kind of happening: in a news story an undated "the bombing"
            # (or "reported deaths") is the story's main event of that kind, the first dated one of
            # it or a related kind (the lead tells it), not an older one told later
            best = self.first_dated.get(family(cand.type))
        return best


def keep(cand: Candidate, tax: Taxonomy) -> bool:
    if cand.type == "STATEMENT" and cand.info.lemma in tax.cues.get("weak_reporting", ()):
        cand.drop = f"'{cand.trigger}' alone: a quote or report, not news by itself"
        return False
    if cand.part_of is not None and cand.reference and not cand.extra:
        cand.drop = f"'{cand.trigger}' is what '{cand.part_of.trigger}' is about, told nowhere else"
        return False
    if cand.date is not None or cand.news:
        return True
    if cand.type in tax.undated and cand.status in ("occurred", "ongoing", "claimed") and not cand.generic:
        return True
    if cand.habitual and cand.status in HAPPENED:
        # what is so as a rule ("banks usually charge 2 percent") is told, but on no one day
        cand.date_rule = f"undated: '{cand.habitual}' makes it a habit, not one happening"
        return True
    if cand.generic:
        cand.drop = f"'{cand.trigger}' without a determiner or date: a kind of event, not one event"
        return False
    cand.drop = f"undated {cand.status} {cand.type}: not a timeline item without a date"
    return False


def _mention(c: Candidate, document: Document, kind: str) -> dict:
    """A Mention's fields: the Event validates them with its own (one validation call, not two).
    A mention keeps the type its own word names when that is another kind of the event's family
    ("killed" in a bombing: a death told as part of an attack); a verb that only tells what the
    event's noun did ("bombs were dropped") names nothing of its own."""
    own = c.type if c.type != kind and related(c.type, kind) else None
    return {"document": document.id, "start": c.start, "end": c.end, "sentence": document.text[c.start:c.end],
            "trigger": c.trigger, "trigger_start": c.trigger_start, "trigger_end": c.trigger_end,
            "time": c.time, "date": c.date, "date_rule": c.date_rule, "trigger_type": own}


def event(c: Candidate, document: Document) -> Event:
    digest = hashlib.sha1(f"{document.id}:{c.trigger_start}:{c.trigger_end}".encode()).hexdigest()[:12]
    told = [c] + sorted(c.extra, key=lambda x: x.trigger_start)
    mentions = [_mention(x, document, c.type) for x in told]
    confidence = min(0.95, c.confidence + (0.2 if c.time is not None else 0.1 if c.date else 0)
                     + 0.05 * min(len(c.extra), 2))
    actors = list(dict.fromkeys(c.actors + [a for x in c.extra for a in x.actors]))
    places = list(dict.fromkeys(c.places + [a for x in c.extra for a in x.places]))
    # "when the incident occurred on Thursday" dates the event; another mention names it
    named = [x for x in told if x.info.pos != "anaphor"]
    headline = named[0].headline if named else c.headline
    return Event(id=f"ev-{digest}", type=c.type, status=c.status, headline=headline, date=c.date,
                 mentions=mentions, actors=actors, places=places, confidence=round(confidence, 2),
                 type_rule=c.type_rule, status_rule=c.status_rule,
                 conflicts=[])      # given: pydantic deep-copies a mutable default for every instance
