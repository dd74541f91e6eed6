"""The pipeline: read -> split -> find times -> resolve -> find events -> type -> merge -> render.

Each stage lives in its own sub-package and can be called alone; this module only chains them.
"""
from __future__ import annotations

from typing import Iterable, Optional

from timeline.events import find_events
from timeline.merge import merge_timelines
from timeline.models import Document, Timeline
from timeline.read import read_inputs
from timeline.settings import Settings
from timeline.text import split_sentences
from timeline.times import tag_document


def extract_document(document: Document, settings: Settings = Settings()) -> Timeline:
    """One document -> its own timeline (times and events, not yet merged with others)."""
    sentences = split_sentences(document.text)
    times = tag_document(document, sentences, settings.policy)
    events = find_events(document, sentences, times)
    return Timeline(title=document.title or document.id, documents=[document], events=events,
                    time_expressions=times)


def extract_documents(documents: Iterable[Document], settings: Settings = Settings()) -> Timeline:
    per_document = [extract_document(doc, settings) for doc in documents]
    return merge_timelines(per_document, title=settings.title)


def extract(inputs: Iterable[str], settings: Settings = Settings()) -> Timeline:
    """Read the inputs and return one merged timeline."""
    return extract_documents(read_inputs(inputs, settings.published), settings)
