"""A corpus merged without holding it: what `timeline extract CORPUS -o out.json` runs.

Each per-document timeline is written to a temporary file as it comes (its document, time
expressions and events, one JSON record each), and only what merging decides on stays in memory:
each source's atom, the keys that hold sources together, and where each record lies. Each group's
events are read back to build it; each merged event is written to a second file with its sort key
and the counts its salience needs, and the timeline is printed from the files in order.

The JSON is byte for byte what `merge_documents` and `jsonout.write_json` give the same timelines.
The shortcut needs each document in one timeline alone, as extraction makes them: one document,
every time expression and mention its own, no event merged before. When one is not so, the
timelines are read back whole and merged as `merge_documents` does. A lone timeline (one text
file) is not spooled at all: it is held until a second comes, and merged in memory when none does
(the same bytes, without writing its records and parsing them back).
"""
from __future__ import annotations

import os
import re
import tempfile
from array import array
from collections import defaultdict
from dataclasses import fields
from typing import IO, Iterator, Optional

from timeline.collector import collector_paused
from timeline.merge import _rebase, _refusal, _same_event, common_title, event_order
from timeline.merge.build import MAX_REFUSED_SHOWN, build_event
from timeline.merge.cluster import cluster
from timeline.merge.features import atom, mentions_of, sources_of, with_siblings
from timeline.models import Document, Event, TimeExpression, Timeline

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")    # salience.naming's days
_SEP = "\0"    # between the parts of a sort key in one string: below any character of a date or id


class Spool:
    """Text records appended to a temporary file, then read back by number."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._at = array("q", [0])     # record i is bytes _at[i] to _at[i + 1]
        self._flushed = True

    def __len__(self) -> int:
        return len(self._at) - 1

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self._file.write(data)
        self._at.append(self._at[-1] + len(data))
        self._flushed = False
        return len(self._at) - 2

    def read(self, i: int) -> str:
        if not self._flushed:
            self._file.flush()
            self._flushed = True
        start = self._at[i]
        return os.pread(self._file.fileno(), self._at[i + 1] - start, start).decode("utf-8")

    def close(self) -> None:
        self._file.close()


class SpooledMerge:
    """`add` each per-document timeline as it is extracted, then `write` the merged timeline."""

    def __init__(self) -> None:
        self._records = Spool()      # per timeline: its documents, time expressions, events
        # per timeline: (title, warnings, first record, documents, time expressions, events,
        # its document's id, where its time expressions' places start in _places, how many distinct)
        self._timelines: list[tuple] = []
        self._places = array("i")    # each time expression's place among its document's distinct ones
        self._event_record = array("q")   # each source (one per event): its event's record ...
        self._event_timeline = array("i")  # ... and its timeline
        self._atoms: list = []
        self._forced: list[list[int]] = []
        self._timeline_of: dict[str, int] = {}       # document id -> its timeline
        self._published: dict[str, Optional[str]] = {}
        self._source: dict[str, Optional[str]] = {}
        self._named_by: dict[str, set] = defaultdict(set)
        self._one: dict = {}
        self._strings: dict[str, str] = {}
        self.shortcut = True
        # the first timeline is held, not spooled, until a second comes: one document alone (one
        # text file) is merged in memory, what the spool would print, without writing and reading back
        self._held: Optional[Timeline] = None

    def _str(self, s):
        return self._strings.setdefault(s, s) if s is not None else None

    # ----- adding -----------------------------------------------------------------------------

    def _alone(self, tl: Timeline) -> bool:
        """One document, not met before, that every time expression and mention of the timeline
        is of, and no event merged before."""
        if len(tl.documents) != 1:
            return False
        doc = tl.documents[0].id
        return (doc != "" and doc not in self._timeline_of
                and all(t.document == doc for t in tl.time_expressions)
                and all(e.merged is None and e.mentions and all(m.document == doc for m in e.mentions)
                        for e in tl.events))

    def add(self, tl: Timeline) -> None:
        if self._held is None and not self._timelines:
            self._held = tl
            return
        if self._held is not None:
            held, self._held = self._held, None
            self._add(held)
        self._add(tl)

    def _add(self, tl: Timeline) -> None:
        records = self._records
        first = len(records)
        for d in tl.documents:
            records.write(d.model_dump_json(indent=2))
        for t in tl.time_expressions:
            records.write(t.model_dump_json(indent=2))
        events_from = len(records)
        for e in tl.events:
            records.write(e.model_dump_json())
        k = len(self._timelines)
        shape = (self._str(tl.title), tuple(tl.warnings), first, len(tl.documents), len(tl.time_expressions),
                 len(tl.events))
        if self.shortcut and not self._alone(tl):
            self._give_up()
        if not self.shortcut:
            self._timelines.append(shape + (None, 0, 0))
            return
        doc = tl.documents[0]
        doc_id = self._str(doc.id)
        self._timeline_of[doc_id] = k
        self._published[doc_id] = self._str(doc.published)
        self._source[doc_id] = self._str(doc.source)
        # the distinct time expressions of the document in the merged timeline's order
        keys = [(t.start, t.end, t.model_dump_json()) for t in tl.time_expressions]
        place = {key: n for n, key in enumerate(sorted(set(keys)))}
        places_from = len(self._places)
        self._places.extend(place[key] for key in keys)
        for t in tl.time_expressions:
            if t.type in ("DATE", "TIME") and _DAY.match(t.value) and not t.mod:
                self._named_by[self._str(t.value[:10])].add(doc_id)
        self._timelines.append(shape + (doc_id, places_from, len(place)))
        # each event its one source and atom, as merge_timelines makes them
        base = len(self._atoms)
        made = []
        for e in tl.events:
            source = sources_of(e)[0]
            made.append((e, source, mentions_of(e, source)))
        self._atoms.extend(with_siblings([atom(s, [m.sentence for m in ms], doc.published, ms)
                                          for _, s, ms in made], self._one))
        self._forced.extend([base + i for i in group] for group in _same_event(made))
        self._event_record.extend(range(events_from, events_from + len(tl.events)))
        self._event_timeline.extend([k] * len(tl.events))

    def _give_up(self) -> None:
        self.shortcut = False
        self._atoms, self._forced, self._one = [], [], {}

    # ----- reading back -----------------------------------------------------------------------

    def timelines(self) -> Iterator[Timeline]:
        """The timelines as they were added."""
        if self._held is not None:
            yield self._held
        read = self._records.read
        for title, warnings, first, docs, times, events, *_ in self._timelines:
            at = first + docs
            yield Timeline(
                title=title, warnings=list(warnings),
                documents=[Document.model_validate_json(read(first + i)) for i in range(docs)],
                time_expressions=[TimeExpression.model_validate_json(read(at + i)) for i in range(times)],
                events=[Event.model_validate_json(read(at + times + i)) for i in range(events)])

    def _made(self, i: int, base: dict[str, int]) -> tuple:
        """Source i as merge_timelines makes it: (its event re-based, the source, its mentions)."""
        event = Event.model_validate_json(self._records.read(self._event_record[i]))
        timeline = self._timelines[self._event_timeline[i]]
        doc_id, places_from, times = timeline[6], timeline[7], timeline[4]
        at = base[doc_id]
        event = _rebase(event, [at + p for p in self._places[places_from:places_from + times]])
        source = sources_of(event)[0]
        return event, source, mentions_of(event, source)

    # ----- merging and writing ----------------------------------------------------------------

    def write(self, out: IO[str], settings, warnings: list[str]):
        """The merged timeline's JSON and a line break written to `out`, with the readers'
        `warnings` first among its warnings; returns the console's Tally of what was written and
        the timeline's warnings."""
        from timeline.console import Tally
        from timeline.jsonout import fields_chunks, write_json

        tally = Tally()
        if not self.shortcut or not self._timelines:
            from timeline.pipeline import merge_documents
            timelines = [self._held] if self._held is not None else list(self.timelines())
            self._held = None
            merged = merge_documents(timelines, settings, release=True)
            merged = merged.model_copy(update={"warnings": warnings + merged.warnings})
            tally.add(merged)
            write_json(merged, out, end="\n")
            return tally, merged.warnings
        title = settings.title or common_title(t[0] for t in self._timelines)
        warnings = warnings + sorted({w for t in self._timelines for w in t[1]})
        order = sorted(self._timeline_of)
        base, at = {}, 0
        for doc_id in order:
            base[doc_id] = at
            at += self._timelines[self._timeline_of[doc_id]][8]
        merged = self._merged(base)
        try:
            fields = [("title", title), ("documents", self._documents(order)),
                      ("events", self._events(merged, settings, tally)),
                      ("time_expressions", self._time_expressions(order)), ("warnings", warnings)]
            for chunk in fields_chunks(fields):
                out.write(chunk)
            out.write("\n")
        finally:
            merged.close()
        tally.documents = len(order)
        return tally, warnings

    def _merged(self, base: dict[str, int]) -> "_MergedEvents":
        """The groups built, each merged event spooled with its sort key and salience counts."""
        from timeline.key.salience import counts_of

        merged = _MergedEvents()
        with collector_paused():
            atoms, self._atoms = self._atoms, []
            clusters = cluster(atoms, self._forced, most_refused=MAX_REFUSED_SHOWN)
            self._forced, self._one = [], {}
            source_of = {}

            def source(i: int):
                if i not in source_of:
                    source_of[i] = self._made(i, base)[1]
                return source_of[i]

            for group, refused in zip(clusters.groups, clusters.refused):
                made = [self._made(i, base) for i in group]
                event = build_event(made, [atoms[i] for i in group],
                                    [_refusal(source(other), why) for _, _, other, why in refused])
                for i in group:
                    atoms[i] = None
                merged.add(event, counts_of(event, self._published, self._source, self._named_by))
        return merged

    def _documents(self, order: list[str]) -> Iterator[str]:
        from timeline.jsonout import item_chunks

        return item_chunks(self._records.read(self._timelines[self._timeline_of[d]][2]) for d in order)

    def _time_expressions(self, order: list[str]) -> Iterator[str]:
        from timeline.jsonout import item_chunks

        def texts():
            for doc_id in order:
                _, _, first, docs, times, _, _, places_from, _ = self._timelines[self._timeline_of[doc_id]]
                record = {}      # place -> the first of its time expressions (equal ones print alike)
                for n, p in enumerate(self._places[places_from:places_from + times]):
                    record.setdefault(p, first + docs + n)
                for p in range(len(record)):
                    yield self._records.read(record[p])
        return item_chunks(texts())

    def _events(self, merged: "_MergedEvents", settings, tally) -> Iterator[str]:
        """Sorted as merge_timelines sorts them, with their salience, kept to the entity and period."""
        from timeline.events import filter_entity
        from timeline.jsonout import item_chunks
        from timeline.key import within
        from timeline.key.salience import Weighing
        from timeline.render.views import is_dated

        def texts():
            if not len(merged):
                return
            weigh = Weighing([], {s for s in self._source.values() if s}, largest=merged.largest())
            kept = settings.entity or settings.date_from or settings.date_to
            for i in merged.order():
                event = weigh(Event.model_validate_json(merged.text(i)), merged.count(i))
                if kept:     # what merge_documents keeps: filter_entity, then within, on each event
                    shown = Timeline(title="", events=[event])
                    if not within(filter_entity(shown, settings.entity), settings.date_from, settings.date_to).events:
                        continue
                tally.events += 1
                tally.undated += not is_dated(event)
                yield event.model_dump_json(indent=2)
        return item_chunks(texts())

    def close(self) -> None:
        self._records.close()


class _MergedEvents:
    """Merged events spooled with their sort keys (one string each) and salience counts."""

    def __init__(self) -> None:
        from timeline.key.salience import Counts

        self._spool = Spool()
        self._keys: list[str] = []
        self._counts = {f.name: array("i") for f in fields(Counts)}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, event: Event, counts) -> None:
        undated, start, end, id_ = event_order(event)      # as merge._sorted_events sorts, one string
        self._keys.append(_SEP.join(("1" if undated else "0", start, end, id_)))
        for name, values in self._counts.items():
            values.append(getattr(counts, name))
        self._spool.write(event.model_dump_json())

    def text(self, i: int) -> str:
        return self._spool.read(i)

    def count(self, i: int):
        from timeline.key.salience import Counts
        return Counts(**{name: values[i] for name, values in self._counts.items()})

    def largest(self) -> dict[str, int]:
        """Each count's largest over the events."""
        return {name: max(counts) for name, counts in self._counts.items()}

    def order(self) -> Iterator[int]:
        """By key; exact ties by content (the event's JSON), so input order never shows."""
        keys = self._keys
        order = sorted(range(len(keys)), key=keys.__getitem__)
        k = 0
        while k < len(order):
            j = k + 1
            while j < len(order) and keys[order[j]] == keys[order[k]]:
                j += 1
            yield from (order[k:j] if j == k + 1 else sorted(order[k:j], key=self.text))
            k = j

    def close(self) -> None:
        self._spool.close()
