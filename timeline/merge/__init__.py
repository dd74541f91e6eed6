"""Stage 7, merge: per-document timelines -> one timeline, the same happening merged."""
from __future__ import annotations

from typing import Optional, Sequence

from timeline.models import Timeline


def _sort_key(event):
    d = event.date
    return (d is None or d.start is None, (d.start or "") if d else "", event.id)


def merge_timelines(timelines: Sequence[Timeline], title: Optional[str] = None) -> Timeline:
    """Concatenate documents, time expressions and events (re-basing Mention.time indices)."""
    documents, times, events, warnings = [], [], [], []
    seen_docs = set()
    for tl in timelines:
        offset = len(times)
        for doc in tl.documents:
            if doc.id not in seen_docs:
                seen_docs.add(doc.id)
                documents.append(doc)
        times.extend(tl.time_expressions)
        for ev in tl.events:
            mentions = [m.model_copy(update={"time": None if m.time is None else m.time + offset})
                        for m in ev.mentions]
            events.append(ev.model_copy(update={"mentions": mentions}))
        warnings.extend(tl.warnings)
    events.sort(key=_sort_key)
    if title is None:
        title = documents[0].title if len(documents) == 1 and documents[0].title else "Timeline"
    return Timeline(title=title, documents=documents, events=events, time_expressions=times,
                    warnings=warnings)
