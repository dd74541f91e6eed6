"""Where a source says its happening was, at each level (country, state, county, town), from the
gazetteer places.tsv (built from GeoNames by scripts/build_places.py): two sources that name
different places at one level ("in Gary" / "in Waterbury") tell different happenings."""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from timeline.cache import cached
from timeline.merge.rules import load_rules

PLACES_FILE = Path(__file__).with_name("places.tsv")
LEVELS = ("country", "state", "county", "town")
# Levels at which two names part happenings: not countries, which international news names
# loosely ("fled Sudan", "in South Sudan" for one bombing)
CONSTRAINED = ("town", "county", "state")


@lru_cache(maxsize=None)
def _lines() -> dict[str, str]:
    """lower-case name -> its places.tsv lines after the name, unparsed: read in one pass, once
    per change of the gazetteer (kept in the user's cache: reading it back takes a third of the
    time, and every merge with a place in it reads it)."""
    return cached("places", [PLACES_FILE, Path(__file__)], _read_lines)


def _read_lines() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in PLACES_FILE.read_text(encoding="utf-8").splitlines():
        name, _, rest = line.partition("\t")
        out[name] = out[name] + "\n" + rest if name in out else rest
    return out


@lru_cache(maxsize=65536)
def _places(name: str) -> tuple:
    """The places a lower-case name is: (level, key, state key, country code, latitude, longitude)."""
    found = _lines().get(name)
    if not found or name.startswith("#"):
        return ()
    out = []
    for row in found.split("\n"):
        level, key, state, country, lat, lon = row.split("\t")
        out.append((level, key, state, country, float(lat) if lat else None, float(lon) if lon else None))
    return tuple(out)


def _candidates(name: str) -> list[tuple]:
    """The places a name may be: the whole name, else a town followed by its state or country
    ("Waterbury Connecticut", "Gary, Indiana")."""
    text = " ".join(name.replace(",", " ").split()).lower().removesuffix("'s").removesuffix("’s")
    found = _places(text)
    if found:
        return found
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        towns = [p for p in _places(" ".join(words[:cut])) if p[0] == "town"]
        holders = _places(" ".join(words[cut:]))
        if towns and holders:
            held = [t for t in towns if any(h[1] in (t[2], t[3]) for h in holders)]
            return held
    return []


@lru_cache(maxsize=4096)
def place_keys(names: tuple) -> tuple:
    """For each level named, the places the names can be there: ((level, frozenset of keys), ...),
    a town also naming its state and country (a place the names allow at each level). Towns carry
    their coordinates (key, latitude, longitude)."""
    by_level: dict[str, set] = {}
    for name in names:
        for level, key, state, country, lat, lon in _candidates(name):
            by_level.setdefault(level, set()).add((key, lat, lon) if level == "town" else key)
            if state and level in ("county", "town"):
                by_level.setdefault("state", set()).add(state)
            if country and level != "country":
                by_level.setdefault("country", set()).add(country)
    return tuple((level, frozenset(by_level[level])) for level in LEVELS if level in by_level)


def places_shared(a: tuple, b: tuple, generic: frozenset = frozenset()) -> Optional[str]:
    """The finest level at which two sources name one place (a town, or towns closer than
    `town_km_apart`; a county) that is not `generic`, or None. States are too wide to tell a
    happening."""
    ours, other = dict(a), dict(b)
    for level in ("town", "county"):
        keys, theirs = ours.get(level, frozenset()) - generic, other.get(level, frozenset()) - generic
        if not keys or not theirs:
            continue
        if keys & theirs or (level == "town" and any(_km(x, y) < load_rules().town_km_apart
                                                     for x in keys for y in theirs)):
            return level
    return None


def _km(a: tuple, b: tuple) -> float:
    (_, lat1, lon1), (_, lat2, lon2) = a, b
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def places_clash(a: tuple, b: tuple) -> Optional[str]:
    """The level at which two sources' places cannot be one ("town"), or None. Towns closer than
    `town_km_apart` are one place in the news (a city and its neighbourhoods)."""
    ours, other = dict(a), dict(b)
    for level in CONSTRAINED:        # the finest first: the refusal names the towns
        keys, theirs = ours.get(level), other.get(level)
        if not keys:
            continue
        if not theirs or keys & theirs:
            continue
        if level == "town":
            km = load_rules().town_km_apart
            if any(_km(x, y) < km for x in keys for y in theirs):
                continue
        return level
    return None


def named_as_place(name: str) -> bool:
    """A name that can only be a place, even when named as who acted: a state or county ("Indiana",
    "Howard County"), a town with its state ("Waterbury Connecticut"). Not a bare town's name
    (many are surnames: Wilson, Davis, Murphy), nor a country's (countries act: "Iran attacked")."""
    found = _candidates(name)
    if not found:
        return False
    if all(p[0] in ("state", "county") for p in found):
        return True
    return len(name.replace(",", " ").split()) > 1 and not _places(" ".join(name.split()).lower())


def places_named_by(actor: str) -> Optional[str]:
    """The place an actor names: itself when it can only be a place (`named_as_place`), or the
    place a local force is named after ("Toledo police", "Riviera Beach Police Department")."""
    if named_as_place(actor):
        return actor
    lower = " ".join(actor.split()).lower().replace("’", "'")
    for force in load_rules().local_forces:
        if lower.endswith(" " + force):
            place = actor.strip()[:len(lower) - len(force) - 1].strip()
            return place if _candidates(place) and not any(p[0] == "country" for p in _candidates(place)) else None
    return None


def place_names(names: Iterable[str]) -> tuple:
    """The names the gazetteer knows, sorted: what an atom keeps."""
    return tuple(sorted({n for n in names if _candidates(n)}))


@lru_cache(maxsize=None)
def _names_by_key() -> dict[str, str]:
    # read off the lines, not through _places: parsing every row would fill its cache with the
    # whole gazetteer (about 20 MB) to label one clash
    out: dict[str, str] = {}
    for name, rows in _lines().items():
        if not name.startswith("#"):
            for row in rows.split("\n"):
                out.setdefault(row.split("\t", 2)[1], name.title())
    return out


def place_label(keys: frozenset, level: str) -> str:
    """The places a key set stands for, by name ("Gary or Garyville")."""
    names = _names_by_key()
    shown = sorted({names.get(k[0] if level == "town" else k, k[0] if level == "town" else k) for k in keys})
    return " or ".join(shown[:3]) + (" ..." if len(shown) > 3 else "")
