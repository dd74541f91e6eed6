"""`--entity NAME`: keep the events whose actors or sentences mention NAME.

Names match on their significant words, so "al-Kadhimi", "Kadhimi" and "Mustafa al-Kadhimi"
are one person: every word of the shorter name must occur in the longer one.
"""
from __future__ import annotations

import re

from timeline.models import Event, Timeline

_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|ar|at|az|ash)-", re.I)
_WORD = re.compile(r"[\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s$")


def name_words(name: str) -> frozenset[str]:
    words = (_PARTICLE.sub("", _POSSESSIVE.sub("", w.lower())) for w in _WORD.findall(name))
    return frozenset(w for w in words if w and w not in ("the", "of", "and", "for"))


def mentions_entity(event: Event, name: str) -> bool:
    wanted = name_words(name)
    if not wanted:
        return True
    for actor in event.actors:
        words = name_words(actor)
        if wanted <= words or (words and words <= wanted):
            return True
    return any(wanted <= name_words(m.sentence) for m in event.mentions)


def filter_entity(timeline: Timeline, name: str | None) -> Timeline:
    if not name:
        return timeline
    return timeline.model_copy(update={"events": [e for e in timeline.events if mentions_entity(e, name)]})
