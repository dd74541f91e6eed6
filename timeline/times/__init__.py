"""Stages 3-4, find times and resolve them.

- `find_times(text)` (matcher): spans with a rule name and an underspecified value.
- `resolve(expression, anchor, policy)` (pure): date arithmetic against an anchor.
- `tag_document(document, sentences, policy)`: both, for one document -> [TimeExpression].
"""
from __future__ import annotations

from timeline.models import Document, TimeExpression


def tag_document(document: Document, sentences=None, policy: str = "news") -> list[TimeExpression]:
    return []
