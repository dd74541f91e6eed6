"""Clean a document's text as it is read: Penn Treebank tokens back to their characters, and the
page's furniture (time stamps, reader comments, share buttons) out of the article body.

The vocabulary and patterns are data (furniture.toml), each pattern with examples that are tests.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).with_name("furniture.toml")


@dataclass(frozen=True)
class Furniture:
    name: str
    cut: str                 # "match", "line" or "rest"
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    kept: tuple[str, ...]


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# What goes with a match: the spaces after it, the line's end, nothing (the rest goes anyway).
_AFTER = {"match": r"[ \t]*", "line": r"\n?", "rest": ""}


def _load(path: Path = DATA_FILE):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    ptb = data["penn_treebank"]
    opening = re.compile(rf"(?<!\S)({_alternatives(ptb['opening'])})(?!\S)[ \t]*")
    closing = re.compile(rf"[ \t]*(?<!\S)({_alternatives(ptb['closing'])})(?!\S)")
    words = data["date_words"]
    named = _alternatives(words["months"] + words["weekdays"] + words["zones"])
    date_word = (rf"(?:\d{{1,4}}(?:st|nd|rd|th)?(?:[:.]\d\d)?|[,:–—-]|(?i:(?:{named})\b\.?)"
                 r"|(?i:[ap]\.?m\.?)(?!\w))")
    date = rf"(?:{date_word}[ \t]*)*{date_word}"
    furniture = tuple(
        Furniture(f["name"], f["cut"], re.compile(f["pattern"].replace("{date}", date) + _AFTER[f["cut"]]),
                  tuple(f.get("examples", ())), tuple(f.get("kept", ())))
        for f in data["furniture"])
    return ptb, opening, closing, furniture


PENN_TREEBANK, _OPENING, _CLOSING, FURNITURE = _load()


def detokenise(text: str) -> str:
    """'-LRB- Reuters -RRB-' -> '(Reuters)', '`` yes ''' -> '"yes"', 'A\\/B' -> 'A/B'; other text
    unchanged."""
    for escaped, character in PENN_TREEBANK["escaped"].items():
        text = text.replace(escaped, character)
    if "-" not in text and "``" not in text and "''" not in text:
        return text
    text = _OPENING.sub(lambda m: PENN_TREEBANK["opening"][m[1]], text)
    return _CLOSING.sub(lambda m: PENN_TREEBANK["closing"][m[1]], text)


def strip_furniture(text: str) -> str:
    """The text without the page's furniture (see furniture.toml)."""
    for item in FURNITURE:
        if item.cut == "rest":
            m = item.pattern.search(text)
            if m:
                text = text[:m.start()].rstrip()
        else:
            text = item.pattern.sub("", text)
    return text


def clean(text: str) -> str:
    """What the reader keeps of a document's text: detokenised, without furniture. A text that is
    all furniture is kept as it is (the reader then reads what there is)."""
    cleaned = strip_furniture(detokenise(text))
    return cleaned if cleaned.strip() else text
