"""Hand-built timelines for render tests: no extraction involved."""
from __future__ import annotations

import calendar
import random
from datetime import date, timedelta

from timeline.models import Document, Event, EventDate, Mention, Timeline

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
TYPES = ("ATTACK", "STATEMENT", "MEETING_TALKS", "AGREEMENT", "PLAN_DEADLINE", "DEATH_INJURY")
STATUSES = ("occurred", "ongoing", "planned", "deadline", "claimed")


def day(d: str, display: str = "") -> EventDate:
    parsed = date.fromisoformat(d)
    return EventDate(value=d, start=d, end=d, granularity="day",
                     display=display or f"{parsed.day} {parsed:%B %Y}")


def month(y: int, m: int) -> EventDate:
    last = calendar.monthrange(y, m)[1]
    return EventDate(value=f"{y}-{m:02d}", start=f"{y}-{m:02d}-01", end=f"{y}-{m:02d}-{last}",
                     granularity="month", display=f"{calendar.month_name[m]} {y}")


def year_end(y: int) -> EventDate:
    return EventDate(value=str(y), mod="END", start=f"{y}-10-01", end=f"{y}-12-31",
                     granularity="year", display=f"end of {y}")


def mention(doc: str, sentence: str, trigger: str = "x") -> Mention:
    return Mention(document=doc, start=0, end=len(sentence), sentence=sentence, trigger=trigger,
                   trigger_start=0, trigger_end=len(trigger))


def event(i: int, headline: str, when: EventDate | None, type_: str = "ATTACK",
          status: str = "occurred", doc: str = "d1", sentence: str | None = None, **kw) -> Event:
    return Event(id=f"e{i}", type=type_, status=status, headline=headline, date=when,
                 mentions=[mention(doc, sentence or headline + ".")], **kw)


def documents() -> list[Document]:
    return [
        Document(id="d1", title="Militia attacks base", url="https://news.example/a1",
                 source="Example News", published="2021-08-02", text="..."),
        Document(id="d2", title="Officials respond", url="https://wire.example/b2",
                 source="Example Wire", published="2021-08-03", text="..."),
    ]


def small_timeline() -> Timeline:
    """Day events, month and year-end ranges, a planned deadline, a conflict, an undated event,
    two events on the same day in one lane (must not hide each other)."""
    events = [
        event(1, "US forces killed militia leader", day("2020-01-03"), "ATTACK"),
        event(2, "Rockets hit the base", day("2021-07-07"), "ATTACK", doc="d2",
              conflicts=[day("2021-07-08")]),
        event(3, "Drone strike near the airport", day("2021-07-07"), "ATTACK"),
        event(4, "Parliament voted to expel US troops", month(2020, 1), "ELECTION_VOTE"),
        event(5, "Combat mission to end", year_end(2021), "PLAN_DEADLINE", status="deadline"),
        event(6, "Talks held in Washington", day("2021-07-26"), "MEETING_TALKS", status="occurred"),
        event(7, "New talks planned", day("2021-09-15"), "MEETING_TALKS", status="planned"),
        event(8, "Group denied responsibility", None, "STATEMENT"),
    ]
    return Timeline(title="Iraq militia timeline", documents=documents(), events=events)


def hostile_timeline() -> Timeline:
    """Every user-visible string carries script and attribute-breaking payloads."""
    bad = f"Attack {XSS_SCRIPT} {XSS_IMG}"
    docs = [Document(id="d1", title=bad, url="javascript:alert(1)", source=XSS_IMG,
                     published="2021-08-02", text=bad),
            Document(id="d2", title=XSS_SCRIPT, url=f"https://evil.example/{XSS_IMG}</script>{XSS_SCRIPT}",
                     source=XSS_SCRIPT, published="2021-08-02", text=bad)]
    events = [
        event(1, bad, day("2021-07-07", display=XSS_IMG), "ATTACK", sentence=bad,
              actors=[XSS_SCRIPT], conflicts=[day("2021-07-09", display=XSS_SCRIPT)]),
        event(2, XSS_SCRIPT, month(2021, 5), "STATEMENT", sentence=XSS_IMG, doc="d2"),
        event(3, XSS_IMG, None, XSS_SCRIPT, sentence=XSS_SCRIPT),
    ]
    return Timeline(title=bad, documents=docs, events=events)


def random_timeline(n: int, seed: int = 7) -> Timeline:
    """n events over two years, a fifth of them known only to the month."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    events = []
    for i in range(n):
        d = start + timedelta(days=rng.randrange(730))
        when = month(d.year, d.month) if i % 5 == 0 else day(d.isoformat())
        events.append(event(i, f"Event number {i} happened", when, rng.choice(TYPES),
                            rng.choice(STATUSES), doc=rng.choice(("d1", "d2"))))
    return Timeline(title=f"{n} events", documents=documents(), events=events)
