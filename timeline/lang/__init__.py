"""Language packs: one folder of data per language, named by its ISO 639-1 code (`en/`).

text/, times/ and events/ read their words, rules and cues from the pack of a document's
language; the engines are the same for every language, so adding one is adding a folder.
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

PACKS = Path(__file__).parent


def pack_file(lang: str, name: str) -> Path:
    """The path of one data file of a language's pack."""
    return PACKS / lang / name


def load(lang: str, name: str) -> dict:
    """One TOML file of a language's pack, parsed."""
    with open(pack_file(lang, name), "rb") as f:
        return tomllib.load(f)


@cache
def available() -> frozenset[str]:
    """The languages that have a pack."""
    return frozenset(p.name for p in PACKS.iterdir() if (p / "words.toml").is_file())
