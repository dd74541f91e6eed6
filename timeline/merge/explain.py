"""Why events were merged: for `timeline explain` on several articles."""
from __future__ import annotations

from timeline.models import Timeline


def explain_merges(timeline: Timeline) -> str:
    """Each event holding several sources, or refused a link: its sources with their dates, what
    they share, the dates they disagree on and the links refused (strongest first)."""
    lines = []
    for e in timeline.events:
        if e.merged is None:
            continue
        date = e.date.value if e.date else "undated"
        lines += ["", f"MERGED {e.id} {e.type} {date}: {e.headline}"]
        for s in e.merged.sources:
            lines.append(f"    source  {s.document} {s.event} {s.date.value if s.date else 'undated'}: {s.headline}")
        lines += [f"    {'refused' if r.startswith('refused:') else 'why':<7} {r.removeprefix('refused: ')}"
                  for r in e.merged.reasons]
    if not lines:
        return ""
    return f"# merging: {sum(1 for e in timeline.events if e.merged)} events with merge evidence" + "\n".join(lines) + "\n"
