"""Resolution: a matched time + an anchor + a policy -> TIMEX3 value, interval and display.

Pure date arithmetic: no clock. Without an anchor, relative times stay underspecified (XXXX-02).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from typing import Optional, Union

from timeline.times.calendar import Interval, display, interval
from timeline.times.grammar import grammar
from timeline.times.match import Found

UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
              "Q": "quarter", "WE": "weekend", "H": "hour", "MIN": "minute", "S": "second"}
UNIT_LETTERS = {word: letter for letter, word in UNIT_WORDS.items()}
SMALLER = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}
IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
CLOCK_UNITS = ("H", "MIN", "S")
_QUARTER = re.compile(r"(\d{4})-([QH][1-4])")
_ANCHOR = re.compile(r"(BC)?(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q(\d))?")
_WEEK_ANCHOR = re.compile(r"(\d{4})-W(\d\d)$")
# A BC anchor (a history's "480 BC") is read as year BC_OFFSET + 1 - 480, a multiple of 400
# years on (same calendar), so that "two years later" is plain arithmetic; values map back.
BC_OFFSET = 8000
_YEAR_FIRST = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Policy:
    kind: str = "news"              # news: anchor = publication date; narrative: last date
    tense: Optional[str] = None     # past | past-own | present | future | future-own (timeline/text/tense.py)
    context: Optional[str] = None   # the last date mentioned before ("a year earlier" than it)


@dataclass(frozen=True)
class Resolved:
    value: str
    mod: Optional[str]
    anchor: Optional[str]           # the anchor used, when the value depends on it
    interval: Optional[Interval]
    display: str


@dataclass(frozen=True)
class Anchor:
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    bc: bool = False
    quarter: bool = False           # a quarter's first month stands for the quarter

    @classmethod
    @lru_cache(maxsize=256)
    def parse(cls, value: Union[str, date, None]) -> "Anchor":
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        week = _WEEK_ANCHOR.match(value or "")
        if week:                    # a week told ("last week ... that week"): its Thursday, which
            day = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)   # ISO dates it by
            return cls(day.year, day.month, day.day)
        m = _ANCHOR.match(value or "")
        if not m:
            return cls()
        bc, y = bool(m.group(1)), int(m.group(2))
        if bc:
            y = BC_OFFSET + 1 - y
        if m.group(5):
            return cls(y, int(m.group(5)) * 3 - 2, bc=bc, quarter=True)
        return cls(y, *(int(g) if g else None for g in m.groups()[2:4]), bc=bc)

    @property
    def day(self) -> Optional[date]:
        if self.d is None:
            return None
        try:
            return date(self.y, self.m, self.d)
        except ValueError:
            return None

    def text(self) -> Optional[str]:
        if self.y is None:
            return None
        text = "-".join(f"{v:02d}" if i else f"{v:04d}"
                        for i, v in enumerate((self.y, self.m, self.d)) if v is not None)
        return _from_bc(text) if self.bc else text


def _from_bc(value: str) -> str:
    """A value computed from a BC anchor, with its year back in TIMEX3 form (7521-09 -> BC0480-09)."""
    if not _YEAR_FIRST.match(value):
        return value
    y = int(value[:4]) - BC_OFFSET
    return (f"BC{1 - y:04d}" if y <= 0 else f"{y:04d}") + value[4:]


def resolve(found: Found, anchor: Union[str, date, None] = None,
            policy: Union[Policy, str] = Policy()) -> Resolved:
    """The TIMEX3 value of `found` read against `anchor` under `policy` ("news", "narrative" or
    a Policy that also gives the sentence's tense and the last date mentioned)."""
    if isinstance(policy, str):
        policy = Policy(policy)
    a = Anchor.parse(anchor)
    try:
        value, relative = _value(found, found.fields, a, policy)
    except (OverflowError, ValueError):             # beyond the calendar (year 1 minus a week)
        value, relative = "XXXX", True
    if a.bc and relative:
        value = _from_bc(value)
    if not _VALID.fullmatch(value):
        value = "XXXX"
    used = a.text() if relative else None
    return Resolved(value, found.mod, used, interval(value, found.mod, None if a.bc else a.day),
                    display(value, found.mod, found.text))


def _value(found: Found, f: dict, a: Anchor, policy: Policy) -> tuple[str, bool]:
    if "ref" in f:
        return f["ref"], f["ref"] == "PRESENT_REF"
    if "set" in f:
        return grammar().sets.get(f["set"], "P1D"), False
    if "set_m" in f:
        return f"XXXX-{f['set_m']:02d}", False
    if "set_season" in f:                           # "every spring"
        return f"XXXX-{f['set_season']}", False
    if "set_pod" in f:                              # "every morning", "each Sunday evening"
        day = f"XXXX-WXX-{f['set_wd']}" if "set_wd" in f else "XXXX-XX-XX"
        return f"{day}T{f['set_pod']}", False
    if "set_wd" in f:
        return f"XXXX-WXX-{f['set_wd']}", False
    if "dur_s" in f:                                # a race time, "2:58:12"
        return clock_duration(f.get("dur_h"), f["dur_mi"], f["dur_s"], f.get("dur_frac")), False
    if "dur2" in f:                                 # "two hours, 15 minutes and 8 seconds"
        return compound_duration([(f.get("n", 1), f["dur"]), (f.get("n2", 1), f["dur2"]),
                                  *([(f.get("n3", 1), f["dur3"])] if "dur3" in f else [])]), False
    if "dur" in f:
        n = f.get("n", 1)
        if f.get("plus_half") and n != "X":
            n += 0.5
        return duration(n, UNIT_LETTERS.get(f["dur"], f["dur"])), False
    if "ends" in f:                                 # "the quarter ended July 31": its middle month's
        f = {**f, "q": (f["ends"] - 2) % 12 // 3 + 1}
    if "bc" in f:                                   # "April 480 BC" -> BC0480-04
        value, _ = _calendar({**f, "y": int(f["bc"])}, a, policy)
        return "BC" + value, False
    if "unit" in f and "shift" in f and not any(k in f for k in ("hh", "m", "q", "half")):
        if f["unit"] == "weekend" and f["shift"] == 0 and policy.tense in ("past", "past-own") and a.day \
                and a.day.isoweekday() < 6:         # "over the weekend", said on a Monday
            f = {**f, "shift": -1}
        return _shifted_like_context(f, a, _compared_context(policy, a)), True
    if f.get("reuse") == "quarter" and "y" in f:
        quarter = _year_quarter(f, a, _compared_context(policy, a))
        if quarter:
            return quarter, True
    return _calendar(f, a, policy)


def _compared_context(policy: Policy, a: Anchor) -> Optional[str]:
    """The quarter or half a past-tense comparison ("in the year-ago period, it earned") is
    measured against: the one just mentioned, unless that one has not begun yet (a forecast
    for "the third quarter of 1990" is not the period being reported)."""
    m = _QUARTER.fullmatch(policy.context or "")
    if m and policy.tense in ("past", "past-own") and a.y and a.m:
        first_month = {"Q": 3, "H": 6}[m.group(2)[0]] * (int(m.group(2)[1]) - 1) + 1
        if (int(m.group(1)), first_month) > (a.y, a.m):
            return None
    return policy.context


def _year_quarter(f: dict, a: Anchor, context: Optional[str]) -> Optional[str]:
    """"the 1988 quarter": the quarter just mentioned ("the third quarter") or else the one a
    report is about (the last before the anchor), in that year."""
    m = _QUARTER.fullmatch(context or "")
    if m and m.group(2)[0] == "Q":
        return f"{f['y']:04d}-{m.group(2)}"
    if f.get("grain") == "quarter" and a.m:
        return f"{f['y']:04d}-" + _shifted({"unit": "quarter", "shift": -1}, a)[5:]
    return None


def duration(n, unit: str) -> str:
    """P3Y, PT24H; a fraction carries into smaller units as ISO 8601 does (2.5 years -> P2Y6M,
    5.5 hours -> PT5H30M); decades, centuries, millennia and fortnights count in years / weeks."""
    if unit in IN_YEARS:
        n, unit = (n if n == "X" else n * IN_YEARS[unit]), "Y"
    elif unit == "FN":
        n, unit = (n if n == "X" else n * 2), "W"
    elif unit == "Q" and n != "X" and n != int(n):
        n, unit = n * 3, "M"
    parts = []
    while n != "X" and n != int(n) and unit in SMALLER:
        whole = int(n)
        if whole:
            parts.append((f"{whole}", unit))
        factor, unit = SMALLER[unit]
        n = round((n - whole) * factor, 6)
    parts.append(("X" if n == "X" else f"{n:g}", unit))
    date = "".join(amount + u for amount, u in parts if u not in CLOCK_UNITS)
    clock = "".join(amount + u[0] for amount, u in parts if u in CLOCK_UNITS)
    return "P" + date + (f"T{clock}" if clock else "")


def clock_duration(hours, minutes, seconds, fraction=None) -> str:
    """PT2H58M12S from the readings of a clock (hours may be None, fraction the digits after the dot)."""
    second = f"{seconds}.{fraction}" if fraction else f"{seconds}"
    parts = [(hours, "H"), (minutes, "M")]
    return "PT" + "".join(f"{n}{u}" for n, u in parts if n) + f"{second}S"


def compound_duration(parts: list) -> str:
    """One duration of several counted units, largest first ("a year and two months" -> P1Y2M):
    the calendar parts, then the clock parts, each in the order told."""
    values = [duration(n, UNIT_LETTERS.get(unit.rstrip("s"), unit)) for n, unit in parts]
    date = "".join(v[1:].split("T")[0] for v in values)
    clock = "".join(v.split("T")[1] for v in values if "T" in v)
    return "P" + date + (f"T{clock}" if clock else "")


# ------------------------------------------------------------------ shifts from the anchor

def _shifted_like_context(f: dict, a: Anchor, context: Optional[str]) -> str:
    """Years back from a quarter or half just mentioned keep its grain: after "the third
    quarter" (1989-Q3), "a year earlier" is 1988-Q3."""
    m = _QUARTER.fullmatch(context or "")
    if m and f.get("reuse") == "quarter" and m.group(2)[0] == "Q":
        return context
    value = _shifted(f, a)
    if f.get("like_context") and m and UNIT_WORDS.get(f["unit"], f["unit"]) == "year" and value.isdigit():
        return f"{int(value) - a.y + int(m.group(1)):04d}-{m.group(2)}"
    if f.get("grain") == "quarter" and value.isdigit() and a.m:
        return _shifted({"unit": "quarter", "shift": 4 * f["shift"] - 1}, a)
    return value


def _shifted(f: dict, a: Anchor) -> str:
    unit = UNIT_WORDS.get(f["unit"], f["unit"])
    n = f["shift"]
    sign = f.get("sign", 1)
    if n == "X":
        some = _some_units_from(unit, a) if f.get("chain") else None
        return some or ("PAST_REF" if sign < 0 else "FUTURE_REF")
    n = n * sign
    if n != int(n):
        return "PAST_REF" if n < 0 else "FUTURE_REF"
    n = int(n)
    day = a.day
    if unit in ("day", "hour", "minute", "second"):
        if unit != "day":
            n = 0 if abs(n) < 24 or unit != "hour" else n // 24
        if day is None:
            return _day_of(a, n) + (f"T{f['pod']}" if "pod" in f else "")
        value = (day + timedelta(days=n)).isoformat()
        return value + (f"T{f['pod']}" if "pod" in f else "")
    if unit in ("week", "weekend"):
        if day is None:
            return ("XXXX" if a.y is None else f"{a.y:04d}") + "-WXX" + ("-WE" if unit == "weekend" else "")
        y, w, _ = (day + timedelta(weeks=n)).isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "weekend" else "")
    if a.y is None:
        return {"month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")
    if unit == "month":
        if a.m is None:
            return f"{a.y + (n // 12 if n < 0 else 0):04d}-XX"
        index = a.y * 12 + a.m - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "quarter":
        if a.m is None:
            return f"{a.y:04d}-QX"
        index = a.y * 4 + (a.m - 1) // 3 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit in ("decade", "century"):
        if "sign" in f:                             # "a decade ago": a year, not a decade
            return f"{a.y + n * (10 if unit == 'decade' else 100):04d}"
        if a.bc:
            return _bc_decade_or_century(unit, BC_OFFSET + 1 - a.y, n)
        number = a.y // 10 + n if unit == "decade" else a.y // 100 + n
        if not 0 <= number < (1000 if unit == "decade" else 100):   # "1000" would read as a year
            raise OverflowError("beyond the calendar")
        return f"{number:03d}" if unit == "decade" else f"{number:02d}"
    return f"{a.y + n:04d}"


def _some_units_from(unit: str, a: Anchor) -> Optional[str]:
    """"Days later", "a few weeks earlier" than a day told: its month or year with the day or
    week unknown (TimeML's 1918-09-XX); hours later, that same day. None when that says nothing
    (years later; or no day told)."""
    if a.day is None:
        return None
    if unit in ("hour", "minute", "second"):
        return a.day.isoformat()
    return {"day": f"{a.y:04d}-{a.m:02d}-XX", "week": f"{a.y:04d}-WXX", "month": f"{a.y:04d}-XX"}.get(unit)


def _day_of(a: Anchor, n: int) -> str:
    """A day counted from an anchor without one: the year (and month, for that same day) stay
    known ("three days later" than 1980 -> 1980-XX-XX; "that same day" in June -> 1980-06-XX)."""
    if a.y is None:
        return "XXXX-XX-XX"
    month = f"{a.m:02d}" if a.m is not None and n == 0 and not a.quarter else "XX"
    return f"{a.y:04d}-{month}-XX"


def _bc_decade_or_century(unit: str, year_bc: int, n: int) -> str:
    """BC decades count down (the 490s BC = BC049, the next decade BC048); centuries too
    (490 BC is in the 5th century BC = BC04)."""
    number = (year_bc // 10 if unit == "decade" else (year_bc - 1) // 100) - n
    if number < 0:
        raise OverflowError("into the Christian era")
    return f"BC{number:03d}" if unit == "decade" else f"BC{number:02d}"


# ------------------------------------------------------------------ calendar dates

def _calendar(f: dict, a: Anchor, policy: Policy) -> tuple[str, bool]:
    if "decade" in f:
        return f"{f['decade']:03d}", False
    if "decade_bc" in f:                           # "the 470s BC"
        return f"BC{f['decade_bc'] // 10:03d}", False
    if "decade2" in f:
        return _decade(f["decade2"], a), True
    if "century" in f:
        return ("BC" if f.get("bc_era") else "") + f"{f['century'] - 1:02d}", False
    y, relative = f.get("y"), False
    if "spelled_century" in f:                      # "nineteen ninety-six"
        y = f["spelled_century"] * 100 + f.get("spelled_year", 0)
    if f.get("unit") == "year":                     # "June last year"
        y, relative = (a.y + f["shift"] if a.y is not None else None), True
    if y is None and "yy" in f:
        y, relative = _two_digit_year(f["yy"], a, policy.kind == "news"), False
    m, d = f.get("m"), f.get("d")
    if f.get("same_month"):                         # "7" closing "April 6-7": the anchor's month
        y, m, relative = (y if y is not None else a.y), a.m, True
        if m is None:
            return "XXXX-XX-" + f"{d:02d}", True
    movable = _MOVABLE.get(f.get("holiday", ""))
    if "holiday" in f and not movable:
        m, d = (int(x) for x in f["holiday"].split("-"))
    if movable:
        typical = movable(2021)                     # a typical day, until the year is known
        m, d = typical.month, typical.day
    date_part = None
    if "wd" in f and m is None:
        date_part, relative = _weekday(f["wd"], f.get("dir"), a, policy), True
    elif m is not None:
        if y is None and not relative:
            y, relative = _year_of((m, d or 0), (a.m, a.d or 0) if a.m else None, a, f, policy), True
        if movable and y is not None:
            m, d = movable(y).month, movable(y).day
        date_part = _ymd(y, m, d)
        if f.get("week"):                           # "Easter week": the ISO week of the day
            date_part = "XXXX-WXX" if y is None else "{:04d}-W{:02d}".format(*date(y, m, d).isocalendar()[:2])
    elif "season" in f or "q" in f or "half" in f:
        position, now = _position(f, a)
        if y is None:
            y, relative = _year_of(position, now, a, f, policy), True
        suffix = f"Q{f['q']}" if "q" in f else f"H{f['half']}" if "half" in f else f["season"]
        date_part = f"{y:04d}-{suffix}" if y is not None else f"XXXX-{suffix}"
    elif y is not None:
        date_part = f"{y:04d}"
    if f.get("unit") == "day":                      # "yesterday morning"
        date_part, relative = _shifted({k: v for k, v in f.items() if k != "pod"}, a), True
    if "hh" in f or "pod" in f:
        if date_part is None:
            date_part, relative = (a.day.isoformat() if a.day else "XXXX-XX-XX"), True
        return date_part + _clock(f), relative
    return date_part or "XXXX", relative


def _ymd(y: Optional[int], m: int, d: Optional[int]) -> str:
    year = f"{y:04d}" if y is not None else "XXXX"
    return f"{year}-{m:02d}" + (f"-{d:02d}" if d else "")


def _clock(f: dict) -> str:
    if "pod" in f:
        return f"T{f['pod']}"
    hh, mi = f["hh"], f.get("mi") or 0
    if f.get("ampm") == "pm" and hh < 12:
        hh += 12
    elif f.get("ampm") == "am" and hh == 12:
        hh = 0
    return f"T{hh:02d}:{mi:02d}"


def _two_digit_year(yy: int, a: Anchor, news: bool) -> int:
    """The year ending in `yy`: read against a publication date, within the hundred years ending
    ten after it, as a year named by two digits in the news is most often one gone by ("the '57
    pandemic" in 2009 is 1957); against a narrative's last date, the nearest ("1990-94")."""
    base = a.y if a.y is not None else 1950
    if news:
        return base + 10 - (base + 10 - yy) % 100
    candidates = (base // 100 * 100 - 100 + yy, base // 100 * 100 + yy, base // 100 * 100 + 100 + yy)
    return min(candidates, key=lambda y: (abs(y - base), -y))


def _decade(d: int, a: Anchor) -> str:
    if a.y is None:
        return f"19{d}"
    decade = a.y // 100 * 10 + d
    return f"{decade - 10 if decade * 10 > a.y else decade:03d}"


def _position(f: dict, a: Anchor) -> tuple[tuple, Optional[tuple]]:
    """Where a season / quarter / half falls in its year, and where the anchor falls."""
    if "q" in f:
        return (f["q"],), ((a.m - 1) // 3 + 1,) if a.m else None
    if "half" in f:
        return (f["half"],), ((a.m - 1) // 6 + 1,) if a.m else None
    order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
    return (order[f["season"]],), (a.m // 3 if a.m != 12 else 4,) if a.m else None   # December: next winter


def _year_of(position: tuple, now: Optional[tuple], a: Anchor, f: dict, policy: Policy) -> Optional[int]:
    """The year of a month / season / quarter given without one: the year that puts it nearest
    the anchor, unless "last"/"next" or the sentence's tense rules that out. A tense rules out
    only a clear miss (the past tense allows "by Jan. 14" a week ahead; see TOLERANCE)."""
    if a.y is None:
        return None
    if now is None:                                 # the anchor is a bare year
        return a.y + (f.get("dir") or 0)
    span = 12 if len(position) == 2 else 4          # (month, day) positions, else 4 per year
    here = _index(now, span)
    candidates = {y: _index(position, span) + (y - a.y) * span * _STEP[span] - here
                  for y in (a.y - 1, a.y, a.y + 1, a.y + 2)}
    direction, tolerance = f.get("dir"), TOLERANCE[span]
    if direction is None and policy.kind == "narrative":
        if f.get("season") == "WI" and a.m is not None and a.m >= 9:
            return a.y + 1                          # the winter ahead of an autumn
        return a.y                                  # a story stays in the year it tells
    if direction == 0:                              # "this summer": the nearest, whatever the tense
        allowed = candidates
    elif direction == -1:
        allowed = {y: d for y, d in candidates.items() if d < 0}
    elif direction == 1:
        allowed = {y: d for y, d in candidates.items() if d > 0}
    elif policy.tense == "past" and policy.kind == "news":
        allowed = {y: d for y, d in candidates.items() if d <= PAST_AHEAD[span]}
    elif policy.tense == "past-own" and policy.kind == "news":
        allowed = {y: d for y, d in candidates.items() if d <= OWN_PAST_TOLERANCE[span]}
    elif policy.tense == "future-own" and policy.kind == "news" and span == 12 and not position[1]:
        allowed = {y: d for y, d in candidates.items() if d >= -OWN_FUTURE_BEHIND}
    elif policy.tense in ("future", "future-own") and policy.kind == "news":
        allowed = {y: d for y, d in candidates.items() if d >= -tolerance}
    else:
        allowed = candidates
    return min(allowed.items(), key=lambda item: (abs(item[1]), item[0]))[0]


_STEP = {12: 31, 4: 1}                  # month-day positions are counted in (rough) days
TOLERANCE = {12: 75, 4: 1}              # days for months and dates (~2.5 months); quarters
OWN_PAST_TOLERANCE = {12: 31, 4: 0}     # the same, when the past verb is the time's own clause
# a month its own clause's future verb governs ("will fall by June") is this month or ahead: a
# month is counted from its middle, so the current one lies at most 16 days behind
OWN_FUTURE_BEHIND = 16
# ahead of the anchor in the past tense: a month may be ("said ... by Jan. 14"), but a quarter
# told in the past is over or under way ("earned $5 million in the fiscal first quarter")
PAST_AHEAD = {12: TOLERANCE[12], 4: 0}


def _index(position: tuple, span: int) -> int:
    if span == 12:
        m, d = position
        return (m - 1) * 31 + (d or 15)
    return position[0]


def _weekday(wd: int, direction: Optional[int], a: Anchor, policy: Policy) -> str:
    """A bare weekday: the nearest such day, before the anchor in the past tense, after it with
    "next", before it with "last"; in the future tense that day or after it ("trading resumes
    at 09:30 GMT Monday", told on a Monday: that Monday; news names a day within the week by
    its weekday)."""
    day = a.day
    if day is None:
        return f"XXXX-WXX-{wd}"
    back = -((day.isoweekday() - wd) % 7)           # -6..0
    ahead = back + 7                                # 1..7
    if direction is None:
        tense = policy.tense if policy.kind == "news" else None
        tense = {"past-own": "past", "future-own": "future"}.get(tense, tense)
        direction = {"past": 0, "future": 1}.get(tense or "")
        if direction == 1 and back == 0:
            direction = 0
    if direction == -1:
        delta = back or -7
    elif direction == 0:
        delta = back
    elif direction == 1:
        delta = ahead
    else:
        delta = back if -back <= ahead else ahead
    return (day + timedelta(days=delta)).isoformat()


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(month: int, weekday: int, n: int):
    """The n-th (-1: last) ISO weekday of a month, as a function of the year."""
    def day(y: int) -> date:
        if n > 0:
            first = date(y, month, 1)
            return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        last = date(y, month + 1, 1) - timedelta(days=1) if month < 12 else date(y, 12, 31)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    return day


_THANKSGIVING = _nth_weekday(11, 4, 4)
_FIRST_MONDAY_OF_NOVEMBER = _nth_weekday(11, 1, 1)
_MOVABLE = {"thanksgiving": _THANKSGIVING, "black friday": lambda y: _THANKSGIVING(y) + timedelta(days=1),
            # US Election Day: the Tuesday after the first Monday of November
            "election": lambda y: _FIRST_MONDAY_OF_NOVEMBER(y) + timedelta(days=1), "easter": _easter,
            "easter sunday": _easter, "good friday": lambda y: _easter(y) - timedelta(days=2),
            "easter monday": lambda y: _easter(y) + timedelta(days=1),
            "martin luther king day": _nth_weekday(1, 1, 3), "martin luther king jr day": _nth_weekday(1, 1, 3),
            "presidents day": _nth_weekday(2, 1, 3), "presidents' day": _nth_weekday(2, 1, 3),
            "memorial day": _nth_weekday(5, 1, -1), "labor day": _nth_weekday(9, 1, 1),
            "columbus day": _nth_weekday(10, 1, 2)}


# TIMEX3 values we emit; anything else becomes XXXX rather than an invalid value
_VALID = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF|(?:BC)?\d{2,3}|"
    r"(?:BC\d{4}|\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W(?:\d\d|XX)(?:-(?:WE|\d))?|-Q[1-4X]|-H[12]|"
    r"-(?:SP|SU|FA|WI))?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?|"
    r"P(?:[\dX.]+(?:Y|Q|M|WE|W|D))+(?:T(?:[\dX.]+[HMS])+)?|PT(?:[\dX.]+[HMS])+|XXXX-WXX-\d")
