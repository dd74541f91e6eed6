"""timeline: news articles -> typed, dated events -> an interactive timeline.

The public API: `extract`, `extract_document`, `merge_timelines`, `figure`, `page`, `fragment`,
and the models.

Every name is imported when first used (PEP 562), so `import timeline` and a command that needs
only part of the pipeline (`timeline times`) do not pay for pydantic, the event finder or merging.
"""
from timeline.lazy import lazy_attributes

_HOMES = {
    "Document": "timeline.models", "Event": "timeline.models", "EventDate": "timeline.models",
    "Mention": "timeline.models", "TimeExpression": "timeline.models", "Timeline": "timeline.models",
    "extract": "timeline.pipeline", "extract_document": "timeline.pipeline",
    "extract_documents": "timeline.pipeline", "merge_timelines": "timeline.merge",
    "Settings": "timeline.settings",
}


__getattr__, __dir__ = lazy_attributes(__name__, _HOMES, globals())


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
