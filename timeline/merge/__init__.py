"""Stage 7, merge: timelines -> one timeline, the same happening merged across documents.

`merge_timelines` is what the pipeline calls with one timeline per document and what
`timeline merge` calls with saved timelines. The result does not depend on the order of the
inputs, and merging a merged timeline again changes nothing.
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Iterable, Optional, Sequence

from pydantic import ValidationError

from timeline.collector import collector_paused
from timeline.errors import InputError
from timeline.merge.build import MAX_REFUSED_SHOWN, build_event
from timeline.merge.cluster import cluster, refusal
from timeline.merge.features import atom, mentions_of, sources_of, with_siblings
from timeline.models import Document, Event, MergeSource, TimeExpression, Timeline

DEFAULT_TITLE = "Timeline"


def merge_timelines(timelines: Sequence[Timeline], title: Optional[str] = None,
                    release: bool = False) -> Timeline:
    """Documents and time expressions de-duplicated, events merged, Mention.time re-based.

    With `release`, `timelines` (a list) is emptied once what the merge needs is taken from it, so
    that a caller holding a corpus only there frees each document's own events while it merges."""
    with collector_paused():      # many small objects that live until it ends: 3x faster at 20k events
        return _merge(timelines, title, release)


def _merge(timelines: Sequence[Timeline], title: Optional[str], release: bool = False) -> Timeline:
    documents = _documents(timelines)
    times, remaps = _time_expressions(timelines)
    warnings = sorted({w for tl in timelines for w in tl.warnings})
    title = title or common_title(tl.title for tl in timelines)
    events = []
    for k, remap in enumerate(remaps):
        events += [_rebase(ev, remap) for ev in timelines[k].events]
        if release:     # its mentions re-based were copies: the originals go now, room for the next's
            timelines[k] = None
    if release:
        timelines.clear()
    del remaps
    sources = [sources_of(e) for e in events]
    # each source with its own mentions: a group takes them, not the whole event it came in
    made = [(e, s, mentions_of(e, s)) for e, ss in zip(events, sources) for s in ss]
    published = {d.id: d.published for d in documents}
    atoms = with_siblings([atom(s, [m.sentence for m in ms], published.get(s.document), ms) for _, s, ms in made])
    clusters = cluster(atoms, _same_event(made), most_refused=MAX_REFUSED_SHOWN)
    merged = _sorted_events(build_event([made[i] for i in g], [atoms[i] for i in g],
                                        [_refusal(made[other][1], why) for _, _, other, why in refused])
                            for g, refused in zip(clusters.groups, clusters.refused))
    return Timeline(title=title, documents=documents,
                    events=merged, time_expressions=times, warnings=warnings)


def load_timeline(path: str) -> Timeline:
    """A saved Timeline JSON; a file that is not one is an InputError naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path) from None
    try:
        return Timeline.model_validate_json(text)
    except ValidationError as e:
        first = e.errors()[0]
        if first["type"] == "json_invalid":
            raise InputError(f"malformed JSON: {first['msg']}", path) from None
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise InputError(f"not a timeline: {where}: {first['msg']}", path) from None


def merge_files(paths: Sequence[str], title: Optional[str] = None) -> Timeline:
    return merge_timelines([load_timeline(p) for p in paths], title=title)


def _documents(timelines: Sequence[Timeline]) -> list[Document]:
    by_id: dict[str, list[Document]] = {}
    for tl in timelines:
        for doc in tl.documents:
            by_id.setdefault(doc.id, []).append(doc)
    out = []
    for doc_id in sorted(by_id):
        docs = by_id[doc_id]
        same = all(d == docs[0] for d in docs[1:])
        out.append(docs[0] if same else min(docs, key=lambda d: d.model_dump_json()))
    return out


def _time_key(t: TimeExpression) -> tuple:
    return (t.document, t.start, t.end, t.model_dump_json())


def _time_expressions(timelines: Sequence[Timeline]):
    """The distinct time expressions in a canonical order, and for each timeline old -> new index."""
    keys = [[_time_key(t) for t in tl.time_expressions] for tl in timelines]
    by_key = {k: t for tl, ks in zip(timelines, keys) for k, t in zip(ks, tl.time_expressions)}
    order = sorted(by_key)
    index = {k: i for i, k in enumerate(order)}
    return [by_key[k] for k in order], [[index[k] for k in ks] for ks in keys]


def _rebase(event: Event, remap: list[int]) -> Event:
    if all(m.time is None or 0 <= m.time < len(remap) and remap[m.time] == m.time for m in event.mentions):
        return event        # no index moves (one document's own timeline): nothing to copy
    mentions = [m.model_copy(update={"time": remap[m.time] if m.time is not None
                                     and 0 <= m.time < len(remap) else None})
                for m in event.mentions]
    return event.model_copy(update={"mentions": mentions})


def _refusal(other: MergeSource, why: str) -> str:
    return refusal(other.headline, other.document, why)


def _same_event(made) -> list[list[int]]:
    """Atom groups that must stay together: sources met twice (the same source, or sharing a
    mention). The sources of an event merged before are not held together: they are grouped again,
    as if all were merged at once, which keeps merging associative when a link can be refused.
    So a shared mention holds the source that gave it, not its whole event: held by its event's
    first source, a mention of one source of a merged event would tie the event met again alone
    to another of its sources, a link all-at-once merging may have refused or never made."""
    seen: dict[tuple, list[int]] = {}
    for i, (_, s, mentions) in enumerate(made):
        seen.setdefault(("s", s.document, s.event), []).append(i)
        for m in mentions:
            key = ("m", m.document, m.start, m.end, m.trigger_start, m.trigger_end)
            seen.setdefault(key, []).append(i)
    return [g for g in seen.values() if len(g) > 1]


def event_order(e: Event) -> tuple[bool, str, str, str]:
    """Where a merged event sorts: by date.start, undated last, then date.end (what is known to be
    over comes before what may run on: a January 2020 strike before "after January 2020"), then id."""
    start = e.date.start if e.date and e.date.start else None
    end = e.date.end if e.date and e.date.end else ""
    return (start is None, start or "", end, e.id)


def _sorted_events(events) -> list[Event]:
    """In `event_order`; exact ties by content, so input order never shows."""
    key = event_order
    out = []
    for _, tied in itertools.groupby(sorted(events, key=key), key=key):
        tied = list(tied)
        out.extend(tied if len(tied) == 1 else sorted(tied, key=lambda e: e.model_dump_json()))
    return out


def common_title(titles: Iterable[str]) -> str:
    """The inputs' common title, or the default when they differ (never order dependent)."""
    titles = set(titles)
    return titles.pop() if len(titles) == 1 else DEFAULT_TITLE
