"""The events stage's words from the language pack (timeline/lang/<code>/events.toml): the engine
modules read their lists here and hold none of their own."""
from __future__ import annotations

import re
from functools import cache

from timeline.cache import cached, read_toml
from timeline.lang import pack_file

LANG = "en"


@cache
def words(section: str, lang: str = LANG) -> dict:
    """One [section] of the pack's events.toml: name -> a frozenset of lower-case words (tables
    as they are)."""
    return {name: frozenset(v) if isinstance(v, list) else v
            for name, v in _events(lang).get(section, {}).items()}


@cache
def calendar_words(lang: str = LANG) -> frozenset[str]:
    """The pack's names of months and weekdays, lower case (its words.toml, the times stage's)."""
    path = pack_file(lang, "words.toml")
    return cached(f"calendar-{lang}", [path], lambda: frozenset(
        w for table in ("month", "weekday") for w in read_toml(path)[table]["values"]))


@cache
def ordered(section: str, name: str, lang: str = LANG) -> tuple:
    """One list in the order the pack writes it (for regex alternations)."""
    return tuple(_events(lang)[section][name])


@cache
def _events(lang: str) -> dict:
    """The pack's events.toml, parsed once per change of it and read back from the user's cache
    (the modules ask for a dozen sections and lists)."""
    path = pack_file(lang, "events.toml")
    return cached(f"events-{lang}", [path], lambda: read_toml(path))


def alternation(words_) -> str:
    """The words as a regex alternation, longest first (a space: any run of spaces)."""
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(words_, key=lambda w: (-len(w), w)))
