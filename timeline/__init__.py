"""timeline: news articles -> typed, dated events -> an interactive timeline.

The public API: `extract`, `extract_document`, `merge_timelines`, `figure`, `page`, `fragment`,
and the models.
"""
from timeline.models import Document, Event, EventDate, Mention, TimeExpression, Timeline
from timeline.pipeline import extract, extract_document, extract_documents
from timeline.merge import merge_timelines
from timeline.settings import Settings


def figure(timeline):
    from timeline.render import figure as _figure
    return _figure(timeline)


def page(timeline, **options):
    from timeline.render import page as _page
    return _page(timeline, **options)


def fragment(timeline, **options):
    from timeline.render import fragment as _fragment
    return _fragment(timeline, **options)


__all__ = ["Document", "Event", "EventDate", "Mention", "TimeExpression", "Timeline", "Settings",
           "extract", "extract_document", "extract_documents", "merge_timelines",
           "figure", "page", "fragment"]
