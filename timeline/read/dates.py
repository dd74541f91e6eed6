"""Publication dates: strict for what users type, lenient for what inputs' metadata say."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from timeline.errors import UsageError

# Metadata formats seen in news exports besides ISO 8601 and RFC 2822 (RSS).
_FORMATS = ("%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y%m%d")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def normalise_published(value: str, where: str) -> str:
    """Accept YYYY-MM-DD (or an ISO timestamp) and return YYYY-MM-DD; anything else is an error."""
    parsed = parse_date(value) if _ISO_DAY.match(value.strip()) else None
    if parsed is None:
        raise UsageError(f"not a date: {value!r} (expected YYYY-MM-DD)", where)
    return parsed


def parse_date(value: object) -> Optional[str]:
    """A metadata date (ISO, RFC 2822, a few common layouts) -> YYYY-MM-DD, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import email.utils      # here: importing it (and socket, urllib with it) costs every run ~7 ms

    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return _parse_with_dateparser(text)


def _parse_with_dateparser(text: str) -> Optional[str]:
    """Last resort for other layouts and languages ("2. August 2021", "2 août 2021"): dateparser's
    locale data. A full day is required, so nothing is filled in from today's date."""
    import dateparser  # imported here: loading its locale data costs ~0.3 s, needed rarely

    if len(text) > 64:
        return None
    parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                              "PARSERS": ["absolute-time"],  # never "yesterday"
                                              "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


# An archive filed by day: ".../2010-01-19/article.txt", ".../2010/01/19/article.txt",
# ".../20100119/article.txt", or "2010-01-19-article.txt"
_DAY_FOLDER = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_DAY_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?=[_\W])")


def date_from_path(path: Optional[str]) -> Optional[str]:
    """The day a file's path files it under (its folder, its folders year/month/day, or the start
    of its name), YYYY-MM-DD; None for a path that names no valid day."""
    if not path or "://" in path:
        return None
    parts = path.replace("\\", "/").split("/")
    days = []       # (year, month, day) as written, in the order they are tried
    if len(parts) >= 2 and (m := _DAY_FOLDER.fullmatch(parts[-2])):
        days.append(m.groups())
    year, month, day = parts[-4:-1] if len(parts) >= 4 else ("", "", "")
    if len(year) == 4 and len(month) <= 2 and len(day) <= 2 and (year + month + day).isdigit() and month and day:
        days.append((year, month, day))
    if m := _DAY_PREFIX.match(parts[-1]):
        days.append(m.groups())
    for y, mo, d in days:
        try:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    return None
