"""A dateline at the top of a story gives its publication date when nothing else does.

    BAGHDAD, Aug. 2 (Reuters) - ...          month and day; the year comes from the text
    WASHINGTON, Jan. 3, 2020 (AP) — ...      a full date
    Jan. 3, 2020 - ...
    Talks resume Friday                      a full date alone on a line, under a title
    March 3, 2012
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from timeline.cache import cached_toml

_DATA = cached_toml(Path(__file__).with_name("dateline.toml"))
_MONTH = {name: int(number) for number, names in _DATA["months"].items() for name in names}
_FIRST_CHARS = _DATA["search"]["first_chars"]

_MONTHS = "|".join(sorted(_MONTH, key=len, reverse=True))
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[ \t]+[A-Z][A-Za-z.' -]*)?,[ \t]+)?"  # BAGHDAD, / WASHINGTON, D.C.,
    rf"(?P<month>(?i:{_MONTHS}))\.?[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—]",                                   # (Reuters) -
    re.MULTILINE,
)
_WEEKDAYS = "|".join(sorted(_DATA["weekdays"]["names"], key=len, reverse=True))
# a line that is only a date: "March 3, 2012", "Saturday 3 March 2012", "Sat, Mar. 3, 2012"
_DATE_LINE = re.compile(
    rf"(?:(?i:{_WEEKDAYS})\.?,?[ \t]+)?"
    rf"(?:(?P<month>(?i:{_MONTHS}))\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month2>(?i:{_MONTHS}))\.?,?)"
    r"[ \t]+(?P<year>(?:19|20)\d\d)")
_DATE_LINE_WITHIN = _DATA["search"]["date_line_within"]
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Dateline:
    date: str           # YYYY-MM-DD
    text: str           # the dateline as written
    year_guessed: bool  # the dateline had no year: it is the latest year the story mentions


def find_dateline(text: str) -> Optional[Dateline]:
    m = _DATELINE.search(text[:_FIRST_CHARS])
    if not m:
        return _date_line(text)
    year, guessed = m["year"], False
    if not year:
        years = _YEAR.findall(text)
        if not years:
            return None
        year, guessed = max(years), True
    try:
        day = dt.date(int(year), _MONTH[m["month"].lower()], int(m["day"]))
    except ValueError:
        return None
    return Dateline(day.isoformat(), m.group(0).strip(), guessed)


def _date_line(text: str) -> Optional[Dateline]:
    """A full date alone on one of the story's first lines (under its title)."""
    lines = [line for line in text[:_FIRST_CHARS].split("\n") if line.strip()][:_DATE_LINE_WITHIN]
    for line in lines:
        m = _DATE_LINE.fullmatch(line.strip())
        if m:
            try:
                day = dt.date(int(m["year"]), _MONTH[(m["month"] or m["month2"]).lower()], int(m["day"] or m["day2"]))
            except ValueError:
                return None
            return Dateline(day.isoformat(), line.strip(), False)
    return None
