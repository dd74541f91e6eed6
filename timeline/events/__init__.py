"""Stages 5-6, find events and type them: triggers, type, status, date, headline, actors.

- `find_events(document, sentences, times)` -> [Event] for one document.
- `analyse(...)` -> (events, per-sentence trace), what `timeline explain` prints.
- `filter_entity(timeline, name)` keeps the events that mention an actor.
"""
from timeline.events.entity import filter_entity, mentions_entity
from timeline.events.finder import analyse, find_events
from timeline.events.taxonomy import load_taxonomy

__all__ = ["analyse", "filter_entity", "find_events", "load_taxonomy", "mentions_entity"]
