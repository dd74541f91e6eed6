"""Synthetic timelines for the merge tests and benchmark: builders and a seeded news generator."""
from __future__ import annotations

import calendar
import datetime as dt
import random

from timeline.models import Document, Event, EventDate, Mention, TimeExpression, Timeline


def day(value: str, display: str | None = None) -> EventDate:
    return EventDate(value=value, start=value, end=value, granularity="day", display=display or value)


def month(value: str) -> EventDate:
    y, m = map(int, value.split("-"))
    last = calendar.monthrange(y, m)[1]
    return EventDate(value=value, start=f"{value}-01", end=f"{value}-{last:02d}",
                     granularity="month", display=dt.date(y, m, 1).strftime("%B %Y"))


def year(value: str) -> EventDate:
    return EventDate(value=value, start=f"{value}-01-01", end=f"{value}-12-31", granularity="year", display=value)


def before(date: EventDate) -> EventDate:
    """"before July 2011": open towards the past, ending the day before `date` starts."""
    last = (dt.date.fromisoformat(date.start) - dt.timedelta(days=1)).isoformat()
    return EventDate(value=date.value, mod="BEFORE", start=None, end=last, granularity=date.granularity,
                     display=f"before {date.display}")


def since(date: EventDate, until: str) -> EventDate:
    """"since 1955", told on `until`: from the date's start to that day."""
    return EventDate(value=date.value, mod="AFTER", start=date.start, end=until, granularity=date.granularity,
                     display=f"since {date.display}")


def event(doc: str, n: int, type_: str, date: EventDate | None, headline: str,
          actors=(), trigger: str = "attack", status: str = "occurred", time: int | None = None,
          confidence: float = 0.6) -> Event:
    start = 100 * n
    sentence = headline + "."
    t = headline.lower().find(trigger.lower())
    t = max(t, 0)
    mention = Mention(document=doc, start=start, end=start + len(sentence), sentence=sentence,
                      trigger=trigger, trigger_start=start + t, trigger_end=start + t + len(trigger),
                      time=time, date=date)
    return Event(id=f"{doc}-e{n}", type=type_, status=status, headline=headline, date=date,
                 mentions=[mention], actors=list(actors), confidence=confidence)


def timeline(doc: str, events, published: str = "2020-01-08", times=()) -> Timeline:
    return Timeline(title=doc, documents=[Document(id=doc, title=doc, published=published,
                                                   text="x" * 2000)],
                    events=list(events), time_expressions=list(times))


def timex(doc: str, start: int, value: str) -> TimeExpression:
    return TimeExpression(document=doc, text=value, start=start, end=start + len(value),
                          type="DATE", value=value, rule="test")


_TYPES = ["ATTACK", "DEATH_INJURY", "PROTEST_UNREST", "ARREST_LEGAL", "ELECTION_VOTE",
          "MEETING_TALKS", "AGREEMENT", "BUSINESS_ECONOMY", "DISASTER_ACCIDENT", "STATEMENT"]


def _vocabulary(rng: random.Random, size: int, length: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(length)).capitalize() for _ in range(size)]


def news(n_events: int, seed: int = 0, per_day: int = 30, documents: int | None = None) -> list[Timeline]:
    """About `n_events` per-document events in the shape of a news corpus: happenings reported by
    1-6 outlets, `per_day` events a day, some a day apart or only month-precise."""
    rng = random.Random(seed)
    actors_pool = _vocabulary(rng, 2000, 7)
    words_pool = _vocabulary(rng, 5000, 6)
    documents = documents or max(1, n_events // 10)
    first = dt.date(2000, 1, 1).toordinal()
    days = max(1, n_events // per_day)
    per_doc: dict[str, list[Event]] = {}
    made = 0
    while made < n_events:
        when = dt.date.fromordinal(first + rng.randrange(days))
        type_ = rng.choice(_TYPES)
        actors = rng.sample(actors_pool, 2)
        words = " ".join(rng.sample(words_pool, 3)).lower()
        for _ in range(min(rng.randint(1, 6), n_events - made)):
            doc = f"doc{rng.randrange(documents):06d}"
            shift = 1 if rng.random() < 0.1 else 0
            date = (month(when.strftime("%Y-%m")) if rng.random() < 0.1
                    else day((when + dt.timedelta(days=shift)).isoformat()))
            evs = per_doc.setdefault(doc, [])
            evs.append(event(doc, len(evs) + 1, type_, date, f"{actors[0]} {words}",
                             actors=[rng.choice(actors)], trigger=words.split()[0]))
            made += 1
    return [timeline(doc, evs) for doc, evs in sorted(per_doc.items())]
