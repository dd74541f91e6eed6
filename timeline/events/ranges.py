"""Two times that make a range ("between 3 and 5 May", "from Monday to Wednesday", "3-5 May"): an
event dated over it runs from the first to the last (dating), and a headline drops the range with
the words that join it (describe). The words are the language pack's ([dating] range_*)."""
from __future__ import annotations

import re
from typing import Optional

from timeline.events.words import alternation, words

_DATING = words("dating")
_JOINERS = _DATING["range_joiners"]
_ALONE = _DATING["range_joiners_alone"]
_OPENER = re.compile(rf"\b(?:{alternation(_DATING['range_openers'])})\s+\Z", re.I)


def range_start(text: str, a_start: int, a_end: int, b_start: int) -> Optional[int]:
    """Where a range of two times (text[a_start:a_end], then one at b_start) starts in text: its
    opener ("between", "from") or its first time; None if the words between make no range.
    text[a_start:a_end] may hold the opener already (a headline removes "from Monday")."""
    joiner = text[a_end:b_start].strip().lower()
    if joiner not in _JOINERS:
        return None
    opener = _OPENER.search(text, max(0, a_start - 12), a_start)
    if opener:
        return opener.start()
    if joiner in _ALONE or _LEADING_OPENER.match(text, a_start, a_end):
        return a_start      # "3-5 May", or a removed span that holds its opener ("from Monday")
    return None


_LEADING_OPENER = re.compile(rf"(?:{alternation(_DATING['range_openers'])})\s", re.I)
