"""`timeline explain FILE`: sentence by sentence, the time expressions and events found, with the
rule behind every type, status and date, and why a candidate was left out."""
from __future__ import annotations

from typing import Iterable, Optional

from timeline.events.finder import analyse
from timeline.models import Document, Event
from timeline.settings import Settings
from timeline.text import split_sentences
from timeline.times import tag_document

WIDTH = 100


def explain_documents(documents: Iterable[Document], settings: Settings = Settings()) -> str:
    return "\n".join(explain_document(doc, settings) for doc in documents)


def explain_document(document: Document, settings: Settings = Settings()) -> str:
    sentences = split_sentences(document.text)
    times = tag_document(document, sentences, settings.policy)
    events, traces = analyse(document, sentences, times, settings.taxonomy)
    by_trigger = {(m.trigger_start, m.trigger_end): e for e in events for m in e.mentions}
    lines = [f"# {document.id}  published {document.published or 'unknown'}  "
             f"({len(sentences)} sentences, {len(times)} time expressions, {len(events)} events)"]
    for trace in traces:
        lines.append("")
        lines.append(f"[{trace.index + 1}] {_clip(trace.text)}")
        if len(trace.clauses) > 1:
            lines.append("    clauses: " + " | ".join(f"{kind}: {_clip(text, 40)}" for kind, text in trace.clauses))
        for i in trace.times:
            t = times[i]
            mod = f" {t.mod}" if t.mod else ""
            lines.append(f"    time  '{t.text}' -> {t.type} {t.value}{mod}  (rule {t.rule})")
        for cand in trace.candidates:
            event = by_trigger.get((cand.trigger_start, cand.trigger_end))
            lines += _candidate(cand, event)
        if not trace.times and not trace.candidates:
            lines.append("    nothing: no time expression, no trigger word")
    return "\n".join(lines) + "\n"


def _candidate(cand, event: Optional[Event]) -> list[str]:
    where = f"'{cand.trigger}' ({cand.type})"
    if event is None or cand.drop and event.mentions[0].trigger_start != cand.trigger_start:
        reason = cand.drop or "left out"
        return [f"    -     {where}: {reason}"]
    date = event.date
    when = f"{date.value}{' ' + date.mod if date.mod else ''} ({date.display})" if date else "undated"
    out = [f"    EVENT {event.id} {event.type} {event.status} {when}",
           f"          headline: {event.headline}",
           f"          type:     {event.type_rule}",
           f"          status:   {event.status_rule}",
           f"          date:     {cand.date_rule or 'no date in its clause or sentence, none through another event'}"]
    if event.actors:
        out.append(f"          actors:   {', '.join(event.actors)}")
    if event.places:
        out.append(f"          places:   {', '.join(event.places)}")
    if len(event.mentions) > 1:
        out.append(f"          mentions: {len(event.mentions)} in this document")
    return out


def _clip(text: str, width: int = WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
