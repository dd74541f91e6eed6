"""From a TIMEX3 value (and mod) to the days it allows and to how a reader writes it."""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta
from typing import NamedTuple, Optional


class Interval(NamedTuple):
    """The days a date allows, inclusive, and how precisely the text gives it: the fields of
    `timeline.models.Interval` as plain data (this stage builds no models)."""
    start: str
    end: str
    granularity: str

MONTHS = ("January February March April May June July August September October November "
          "December").split()
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# Months of a season of year Y; winter Y is the one its January and February are in (month 0 =
# December of Y-1): "the winter of 1994" when oil fell to $13 was early 1994.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (0, 2)}
MOD_WORDS = {"START": "start of {}", "MID": "mid-{}", "END": "end of {}", "APPROX": "about {}",
             "BEFORE": "before {}", "AFTER": "after {}", "ON_OR_BEFORE": "by {}",
             "ON_OR_AFTER": "{} or later"}
REF_WORDS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)(-WE)?|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?"
                   r"(?:T(\d\d:\d\d|MO|AF|EV|NI))?")
_DECADE = re.compile(r"\d{3}")        # "199": the 1990s
_CENTURY = re.compile(r"\d{2}")       # "19": the 20th century
_UNKNOWN_TAIL = re.compile(r"(\d{4}(?:-\d\d)?)(?:-XX|-WXX|-QX)+")   # the part after it unknown


def interval(value: str, mod: Optional[str] = None, today: Optional[date] = None) -> Optional[Interval]:
    """The inclusive days `value` allows; START/MID/END keep the matching third of them."""
    try:
        return _interval(value, mod, today)
    except (OverflowError, ValueError):             # beyond the calendar
        return None


def _interval(value: str, mod: Optional[str], today: Optional[date]) -> Optional[Interval]:
    if value == "PRESENT_REF":
        return Interval(start=today.isoformat(), end=today.isoformat(), granularity="day") if today else None
    span = _span(value)
    if span is None:
        return None
    first, last, granularity = span
    if mod in ("START", "MID", "END") and last > first:
        first, last = _third(first, last, mod)
    return Interval(start=first.isoformat(), end=last.isoformat(), granularity=granularity)


def _third(first: date, last: date, mod: str) -> tuple[date, date]:
    """The first, middle or last third: in whole months when the span is whole months."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if first.day == 1 and last == _month_end(last.year, last.month) and months % 3 == 0:
        step = months // 3
        index = first.year * 12 + first.month - 1 + {"START": 0, "MID": step, "END": 2 * step}[mod]
        lo = date(index // 12, index % 12 + 1, 1)
        index += step - 1
        return lo, _month_end(index // 12, index % 12 + 1)
    third = ((last - first).days + 1) // 3
    if mod == "START":
        return first, first + timedelta(days=third - 1)
    if mod == "END":
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def _span(value: str) -> Optional[tuple[date, date, str]]:
    known = _UNKNOWN_TAIL.fullmatch(value)
    if known:                                       # "1916-11-XX": some day of November 1916
        value = known.group(1)
    if _DECADE.fullmatch(value):
        y = int(value) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), "decade"
    if _CENTURY.fullmatch(value):
        y = int(value) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    m = _DATE.fullmatch(value)
    if not m:
        return None
    y = int(m.group(1))
    if y == 0:
        return None
    month, day, week, weekend, quarter, half, season, clock = m.groups()[1:]
    if day:
        try:
            d = date(y, int(month), int(day))
        except ValueError:
            return None
        granularity = "day" if not clock else "part_of_day" if clock.isalpha() else "minute"
        return d, d, granularity
    if month:
        if not 1 <= int(month) <= 12:
            return None
        return date(y, int(month), 1), _month_end(y, int(month)), "month"
    if week:
        try:
            monday = date.fromisocalendar(y, int(week), 1)
        except ValueError:
            return None
        if weekend:
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        return monday, monday + timedelta(days=6), "week"
    if quarter:
        q = int(quarter)
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
    if half:
        h = int(half)
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half"
    if season:
        lo, hi = SEASON_MONTHS[season]
        start_y, start_m = (y - 1, 12) if lo == 0 else (y, lo)
        return date(start_y, start_m, 1), _month_end(y, hi), "season"
    return date(y, 1, 1), date(y, 12, 31), "year"


def _month_end(y: int, m: int) -> date:
    return date(y, m, _cal.monthrange(y, m)[1])


def display(value: str, mod: Optional[str], text: str) -> str:
    """How a reader writes the time: "January 2020", "end of 2021", "1 August 2021", "now"."""
    if value in REF_WORDS:
        return REF_WORDS[value]
    words = _words(value)
    if words is None:
        return " ".join(text.split())
    return MOD_WORDS.get(mod or "", "{}").format(words)


def _words(value: str) -> Optional[str]:
    if _DECADE.fullmatch(value):
        return f"{value}0s"
    if _CENTURY.fullmatch(value):
        n = int(value) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    m = _DATE.fullmatch(value)
    if not m:
        return None
    y = int(m.group(1))
    month, day, week, weekend, quarter, half, season, clock = m.groups()[1:]
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        words = f"{int(day)} {MONTHS[int(month) - 1]} {y}"
        if clock:
            words += {"MO": " morning", "AF": " afternoon", "EV": " evening", "NI": " night"}.get(
                clock, f" {clock}")
        return words
    if month:
        return f"{MONTHS[int(month) - 1]} {y}"
    if week:
        return f"{'weekend' if weekend else 'week'} {int(week)} of {y}"
    if quarter:
        return f"Q{quarter} {y}"
    if half:
        return f"{'first' if half == '1' else 'second'} half of {y}"
    if season:
        return f"{SEASON_NAMES[season]} {y}"
    return str(y)
