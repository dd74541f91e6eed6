"""Language packs: one folder of data per language, named by its ISO 639-1 code (`en/`).

text/, times/ and events/ read their words, rules and cues from the pack of a document's
language; the engines are the same for every language, so adding one is adding a folder.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from timeline.cache import read_toml

PACKS = Path(__file__).parent


def pack_file(lang: str, name: str) -> Path:
    """The path of one data file of a language's pack."""
    return PACKS / lang / name


def load(lang: str, name: str) -> dict:
    """One TOML file of a language's pack, parsed."""
    return read_toml(pack_file(lang, name))


@cache
def aliases() -> dict[str, str]:
    """One name in several languages -> the form compared across articles ("irak" -> "iraq"),
    from aliases.toml beside the packs."""
    return {k.lower(): v.lower() for k, v in read_toml(PACKS / "aliases.toml").items()}


def event_taxonomy(lang: str | None) -> str | None:
    """The event triggers of a language's pack, when it has its own (else the default's)."""
    if not lang or lang == "en":
        return None
    path = pack_file(lang, "taxonomy.toml")
    return str(path) if path.is_file() else None


NEUTRAL = "und"     # ISO 639-2 "undetermined": the rules that read no words (ISO dates)


@cache
def available() -> frozenset[str]:
    """The languages that have a pack."""
    return frozenset(p.name for p in PACKS.iterdir() if (p / "words.toml").is_file() and p.name != NEUTRAL)


def pack_of(lang: str | None) -> str:
    """The pack that reads a document in `lang`: its own, English when the language is not
    known (None), and for a language without a pack the neutral one (only ISO dates)."""
    if lang is None:
        return "en"
    return lang if lang in available() else NEUTRAL
