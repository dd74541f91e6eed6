"""Each event flattened once into what every output shows: chart, table, CSV, TimelineJS.

Strings here are plain (unescaped); each output escapes for its own medium.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import quote

from timeline.models import Document, Event, EventDate, Timeline

STYLE = tomllib.loads((Path(__file__).with_name("style.toml")).read_text(encoding="utf-8"))
# granularities finer than a day are still drawn as a point on a day axis
POINT_GRANULARITIES = frozenset({"day", "hour", "minute", "part_of_day"})
URL_SAFE = ":/?#[]@!$&()*+,;=%~'"  # RFC 3986 reserved characters and '%' stay as they are


@dataclass(frozen=True)
class EventView:
    event: Event
    start: Optional[date]          # None: undated
    end: Optional[date]            # inclusive last day the date allows
    display: str
    evidence: str
    sources: tuple[str, ...]       # readable names of the documents that mention the event
    url: Optional[str]             # first http(s) link among those documents
    conflicts: tuple[tuple[date, date, str], ...]  # other dates sources give: start, end, display
    is_range: bool  # the text gives only a month, a year, "end of 2021"...: drawn as an interval
    open_before: bool = False   # "before July 2011": no start; drawn at its last day, pointing back
    links: tuple[tuple[str, Optional[str], Optional[str]], ...] = ()  # every source: name, web link, language
    languages: tuple[str, ...] = ()  # ISO 639-1 codes of the documents that tell it ("en", "fr")
    first_sources: tuple[str, ...] = ()  # the sources by publication date, first published first

    @property
    def sources_and_languages(self) -> str:
        """ "Reuters; Le Monde (en, fr)": who tells the event (short names), in which languages."""
        sources = "; ".join(short_source(s) for s in self.sources)
        return f"{sources} ({', '.join(self.languages)})" if self.languages else sources

    @property
    def dated(self) -> bool:
        return self.start is not None


def story_sources(view: EventView, shown: int = STYLE["story"]["sources_shown"]) -> str:
    """A line's sources, short: all of a few, else their count, the first published and how many
    more ("250 sources: a; b; c +247 more"). The card and the JSON keep every source."""
    names = [short_source(s) for s in (view.first_sources or view.sources)]
    if len(names) <= shown + 1:
        return "; ".join(names)
    return f"{len(names)} sources: {'; '.join(names[:shown])} +{len(names) - shown} more"


def parse_day(value: Optional[str]) -> Optional[date]:
    """YYYY-MM-DD (a longer ISO value is cut to its day); None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def interval(d: Optional[EventDate]) -> tuple[Optional[date], Optional[date]]:
    if d is None:
        return None, None
    start = parse_day(d.start)
    end = parse_day(d.end) or start
    if start and end and end < start:
        start, end = end, start
    return start, end


def display_of(d: Optional[EventDate], start: Optional[date]) -> str:
    if d is not None and d.display:
        return d.display
    if start is None:
        return "undated"
    return f"{start.day} {start:%B %Y}"


def source_name(doc: Document) -> str:
    return doc.source or doc.title or doc.id


def short_source(name: str, limit: int = 40) -> str:
    """A source name short enough for a table cell or a hover box: the name before its
    parenthesised details ("DOD News (U.S. Department of Defense)" -> "DOD News"), cut at a word."""
    head = name.split(" (", 1)[0].strip() or name
    if len(head) <= limit:
        return head
    return head[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def precision_of(d: Optional[EventDate]) -> str:
    """How precisely the articles give the date, in words."""
    if d is None:
        return "no date"
    if d.mod == "BEFORE":
        return "only an upper bound"
    return STYLE["precision_labels"].get(d.granularity, "precision unknown")


@lru_cache(maxsize=8)
def _taxonomy_labels(path: str) -> dict[str, str]:
    try:
        types = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("types", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {name: spec["label"] for name, spec in types.items() if isinstance(spec, dict) and spec.get("label")}


def type_label(event_type: str) -> str:
    """The type's human name from the taxonomy's `label` ($TIMELINE_TAXONOMY or the bundled one),
    else made from its name: APPOINTMENT_RESIGNATION -> "Appointment / resignation"."""
    path = os.environ.get("TIMELINE_TAXONOMY") or str(Path(__file__).parent.parent / "events" / "taxonomy.toml")
    known = _taxonomy_labels(path)
    if event_type in known:
        return known[event_type]
    words = [w for w in re.split(r"_+", event_type.strip()) if w]
    return " / ".join(words).capitalize() if words else "Other"


def safe_url(url: Optional[str]) -> Optional[str]:
    """Only web links are clickable: never javascript:, data: or file: from untrusted input;
    characters a URL may not hold (quotes, <, >, spaces) are percent-encoded."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return quote(url.strip(), safe=URL_SAFE)
    return None


def _conflict_label(event: Event, other: EventDate, start: date, documents: dict[str, Document]) -> str:
    """ "8 July 2021 (Example Wire)": the other date and, when the merge kept it, who gives it."""
    merged = event.merged.sources if event.merged else []
    givers = dict.fromkeys(short_source(source_name(documents[s.document])) for s in merged
                           if s.date and s.date.value == other.value and s.document in documents)
    label = display_of(other, start)
    return f"{label} ({'; '.join(givers)})" if givers else label


def is_dated(event: Event) -> bool:
    """Drawn on the chart: a start day, or "before <date>" (drawn at its last day). The command
    line's "(N undated)" counts the others, as the page does."""
    start, end = interval(event.date)
    return start is not None or (end is not None and event.date.mod == "BEFORE")


def event_view(event: Event, documents: dict[str, Document]) -> EventView:
    start, end = interval(event.date)
    open_before = start is None and end is not None and event.date.mod == "BEFORE"
    if open_before:
        start = end
    docs = [documents[m.document] for m in event.mentions if m.document in documents]
    unique_docs = list(dict.fromkeys(d.id for d in docs))
    sources = tuple(dict.fromkeys(source_name(documents[i]) for i in unique_docs))
    links = tuple(dict.fromkeys((source_name(documents[i]), safe_url(documents[i].url),
                                 getattr(documents[i], "lang", None)) for i in unique_docs))
    url = next((u for u in (safe_url(documents[i].url) for i in unique_docs) if u), None)
    languages = tuple(dict.fromkeys(documents[i].lang for i in unique_docs if documents[i].lang))
    by_date = sorted(unique_docs, key=lambda i: (documents[i].published is None, documents[i].published or ""))
    first_sources = tuple(dict.fromkeys(source_name(documents[i]) for i in by_date))
    conflicts = []
    for other in event.conflicts:
        o_start, o_end = interval(other)
        if o_start:
            conflicts.append((o_start, o_end, _conflict_label(event, other, o_start, documents)))
    evidence = event.mentions[0].sentence.strip() if event.mentions else ""
    granularity = event.date.granularity if event.date else "unknown"
    is_range = start is not None and not open_before and (end != start or granularity not in POINT_GRANULARITIES)
    return EventView(event=event, start=start, end=end, display=display_of(event.date, start),
                     evidence=evidence, sources=sources, url=url, conflicts=tuple(conflicts),
                     is_range=is_range, open_before=open_before, links=links, languages=languages,
                     first_sources=first_sources)


def event_views(timeline: Timeline) -> list[EventView]:
    """Every event, dated first in date order (stable), undated last."""
    documents = {d.id: d for d in timeline.documents}
    views = [event_view(e, documents) for e in timeline.events]
    return sorted(views, key=lambda v: (v.start is None, v.start or date.min, v.end or date.min))


def day_after(d: date) -> date:
    return shifted(d, timedelta(days=1))


def shifted(d: date, delta: timedelta) -> date:
    """d + delta kept within the calendar (dates in year 1 or 9999 must not crash the page)."""
    try:
        return d + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min
