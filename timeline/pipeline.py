"""The pipeline: read -> split -> find times -> resolve -> find events -> type -> merge -> key events
-> render.

Each stage lives in its own sub-package and can be called alone; this module only chains them.
The event and merge stages are imported where they are used, so that reading and tagging times
(`tag_each`, `timeline times`) costs only what those stages need.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from timeline.collector import collector_paused
from timeline.lang import available, event_taxonomy
from timeline.parallel import map_documents
from timeline.read import Article, Reader, ReadOptions
from timeline.settings import Settings
from timeline.text import split_sentences
from timeline.times import tag_document, time_records

if TYPE_CHECKING:
    from timeline.models import Document, TimeExpression, Timeline


def extract_document(document: Document, settings: Settings = Settings()) -> Timeline:
    """One document -> its own timeline (times and events, not yet merged with others)."""
    from timeline.events import find_events
    from timeline.models import Timeline

    with collector_paused():     # its sentences, times and candidates live until it ends
        sentences = split_sentences(document.text)
        times = tag_document(document, sentences, settings.policy)
        # events in the document's language (its pack's triggers); none in a language without a pack
        known = document.lang is None or document.lang in available()
        events = find_events(document, sentences, times, settings.taxonomy or event_taxonomy(document.lang)) \
            if known else []
    return Timeline(title=document.title or document.id, documents=[document], events=events,
                    time_expressions=times)


def tag_times(document: Document, settings: Settings = Settings()) -> list[TimeExpression]:
    """One document -> its time expressions, in the order and form a merged timeline lists them
    (by start, end, then content; the same expression once), without events or merging."""
    from timeline.models import TimeExpression

    return [TimeExpression.model_validate_json(line) for line in time_lines(document, settings)]


def time_lines(document: Document | Article, settings: Settings = Settings()) -> list[str]:
    """`tag_times` as the JSON lines `timeline times` writes (each its TimeExpression's
    `model_dump_json()`, byte for byte), made without pydantic."""
    keyed = {}
    for record in time_records(document, split_sentences(document.text), settings.policy):
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        keyed.setdefault((record["start"], record["end"], line), line)
    return [keyed[k] for k in sorted(keyed)]


def read_options(settings: Settings) -> ReadOptions:
    return ReadOptions(published=settings.published, fetch=settings.fetch, columns=settings.columns,
                       allow_private=settings.allow_private, lang=settings.lang)


def extract_each(inputs: Iterable[str], settings: Settings = Settings(),
                 reader: Optional[Reader] = None) -> Iterator[Timeline]:
    """Per-document timelines in input order, streamed (the engine in `settings` does the work)."""
    reader = reader or Reader(read_options(settings))
    return map_documents(reader.documents(inputs), settings)


def tag_each(inputs: Iterable[str], settings: Settings = Settings(),
             reader: Optional[Reader] = None) -> Iterator[list[str]]:
    """Per-document time expressions as JSON lines (`time_lines`) in input order, streamed: read,
    split and tag only, on plain records (no pydantic)."""
    reader = reader or Reader(read_options(settings))
    return map_documents(reader.articles(inputs), settings, task="times")


def merge_documents(per_document: list[Timeline], settings: Settings = Settings(),
                    release: bool = False) -> Timeline:
    """Per-document timelines -> one merged timeline with salience, kept to `settings.entity`, the
    period and the key events when given (with `release`, `per_document` is emptied as it merges)."""
    from timeline.events import filter_entity
    from timeline.key import key_events, score_salience, within
    from timeline.merge import merge_timelines

    merged = score_salience(merge_timelines(per_document, title=settings.title, release=release))
    kept = within(filter_entity(merged, settings.entity), settings.date_from, settings.date_to)
    return key_events(kept, settings.key)


def extract_documents(documents: Iterable[Document], settings: Settings = Settings()) -> Timeline:
    return merge_documents(list(map_documents(documents, settings)), settings)


def extract_spooled(inputs: Iterable[str], settings: Settings = Settings(),
                    on_document: Optional[Callable[[Timeline], None]] = None):
    """Read the inputs and spool their timelines, not held (`merge.spool`): returns the
    SpooledMerge, whose `write` prints the timeline `extract` returns, and the readers' warnings.
    Without --key only (choosing key events reads them all at once)."""
    from timeline.merge.spool import SpooledMerge

    reader = Reader(read_options(settings))
    spool = SpooledMerge()
    try:
        for tl in extract_each(inputs, settings, reader):
            spool.add(tl)
            if on_document:
                on_document(tl)
    except BaseException:
        spool.close()
        raise
    return spool, [f"{where}: {message}" for where, message in reader.warnings]


def extract(inputs: Iterable[str], settings: Settings = Settings(),
            on_document: Optional[Callable[[Timeline], None]] = None) -> Timeline:
    """Read the inputs and return one merged timeline, with the readers' warnings."""
    from timeline.compact import Compactor     # pydantic: only for the commands that build models

    reader = Reader(read_options(settings))
    compact = Compactor()     # a corpus is held until merged: its timelines in little memory
    per_document = []
    for tl in extract_each(inputs, settings, reader):
        # compacted once another is read: what compacting shares is repeated across documents,
        # and one document alone is written as soon as it is merged
        if per_document:
            compact(per_document[-1])
        per_document.append(tl)
        if on_document:
            on_document(tl)
    many = len(per_document) > 1
    merged = merge_documents(per_document, settings, release=True)    # held only here
    if many:
        merged = compact(merged)
    warnings = [f"{where}: {message}" for where, message in reader.warnings]
    return merged.model_copy(update={"warnings": warnings + merged.warnings})
