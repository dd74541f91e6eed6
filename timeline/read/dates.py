"""Publication dates: validation of what users and headers give."""
from __future__ import annotations

import datetime as dt

from timeline.errors import UsageError


def normalise_published(value: str, where: str) -> str:
    """Accept YYYY-MM-DD (or an ISO timestamp) and return YYYY-MM-DD; anything else is an error."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else _fail(value, where)
    except ValueError:
        _fail(value, where)


def _fail(value: str, where: str):
    raise UsageError(f"not a date: {value!r} (expected YYYY-MM-DD)", where)
