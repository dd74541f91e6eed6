"""Clean a document's text as it is read: Penn Treebank tokens back to their characters, and the
page's furniture (time stamps, reader comments, share buttons) out of the article body.

The vocabulary and patterns are data (furniture.toml), each pattern with examples that are tests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from re import _constants, _parser
from typing import Optional

from timeline.cache import cached, compile_regex, read_toml

DATA_FILE = Path(__file__).with_name("furniture.toml")


@dataclass(frozen=True)
class Needing:
    """A pattern, compiled only for a text that holds one of the strings every match holds
    (`needs`, read from the parsed pattern; None: not known): most documents hold no furniture,
    and a pattern opening with an optional part is tried at every character."""
    source: str
    needs: Optional[frozenset[str]]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return compile_regex(self.source)

    def holds(self, text: str) -> bool:
        return self.needs is None or any(n in text for n in self.needs)


@dataclass(frozen=True)
class Furniture:
    name: str
    cut: str                 # "match", "line" or "rest"
    pattern: Needing
    examples: tuple[str, ...]
    kept: tuple[str, ...]


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def needing(source: str) -> Needing:
    return Needing(source, needed(source))


def needed(source: str) -> Optional[frozenset[str]]:
    """Strings one of which every match of the pattern holds, as written (read from the parsed
    pattern). None when the pattern ignores case or names no such strings."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _needed(parsed)


def _needed(items) -> Optional[frozenset[str]]:
    """The best set of a sequence of parsed items: the one whose shortest string is longest."""
    best: Optional[frozenset[str]] = None
    run = ""            # a run of literal characters: one string every match holds

    def better(found):
        if found is None or "" in found:
            return best
        return found if best is None or min(map(len, found)) > min(map(len, best)) else best

    for op, av in items:
        if op is _constants.LITERAL:
            run += chr(av)
            continue
        best, run = better(frozenset({run}) if run else None), ""
        if op is _constants.SUBPATTERN:
            _, add_flags, _, sub = av
            best = better(None if add_flags & re.IGNORECASE else _needed(sub))
        elif op is _constants.BRANCH:
            each = [_needed(branch) for branch in av[1]]
            best = better(None if None in each else frozenset().union(*each))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            best = better(_needed(av[2]))
    return better(frozenset({run}) if run else None)


# What goes with a match: the spaces after it, the line's end, nothing (the rest goes anyway).
_AFTER = {"match": r"[ \t]*", "line": r"\n?", "rest": ""}


def _load(path: Path = DATA_FILE):
    data = read_toml(path)
    ptb = data["penn_treebank"]
    opening = needing(rf"(?<!\S)({_alternatives(ptb['opening'])})(?!\S)[ \t]*")
    closing = needing(rf"[ \t]*(?<!\S)({_alternatives(ptb['closing'])})(?!\S)")
    tokens = _alternatives(ptb["attached"]["tokens"])
    attached = re.compile(rf"(?<=\S)[ \t]+(?=(?:{tokens})(?!\S))|(?<=\d) (?=,\d{{3}}(?!\d))")
    words = data["date_words"]
    named = _alternatives(words["months"] + words["weekdays"] + words["zones"])
    date_word = (rf"(?:\d{{1,4}}(?:st|nd|rd|th)?(?:[:.]\d\d)?|[,:–—-]|(?i:(?:{named})\b\.?)"
                 r"|(?i:[ap]\.?m\.?)(?!\w))")
    date = rf"(?:{date_word}[ \t]*)*{date_word}"
    furniture = []
    for f in data["furniture"]:
        pattern = needing(f["pattern"].replace("{date}", date) + _AFTER[f["cut"]])
        furniture.append(Furniture(f["name"], f["cut"], pattern, tuple(f.get("examples", ())),
                                   tuple(f.get("kept", ()))))
    return ptb, opening, closing, attached, tuple(furniture)


# built once per change of the data or of this code, then read back (timeline/cache.py)
PENN_TREEBANK, _OPENING, _CLOSING, _ATTACHED, FURNITURE = cached("furniture", [DATA_FILE, Path(__file__)], _load)


def detokenise(text: str) -> str:
    """'-LRB- Reuters -RRB-' -> '(Reuters)', '`` yes ''' -> '"yes"', 'A\\/B' -> 'A/B', "Haiti 's coast ,
    she said" -> "Haiti's coast, she said"; other text unchanged."""
    for escaped, character in PENN_TREEBANK["escaped"].items():
        text = text.replace(escaped, character)
    if _OPENING.holds(text):
        text = _OPENING.regex.sub(lambda m: PENN_TREEBANK["opening"][m[1]], text)
    if _CLOSING.holds(text):
        text = _CLOSING.regex.sub(lambda m: PENN_TREEBANK["closing"][m[1]], text)
    if PENN_TREEBANK["attached"]["written_so"] in text:
        text = _ATTACHED.sub("", text)
    return text


def strip_furniture(text: str) -> str:
    """The text without the page's furniture (see furniture.toml)."""
    for item in FURNITURE:
        if not item.pattern.holds(text):
            continue
        if item.cut == "rest":
            m = item.pattern.regex.search(text)
            if m:
                text = text[:m.start()].rstrip()
        else:
            text = item.pattern.regex.sub("", text)
    return text


def clean(text: str) -> str:
    """What the reader keeps of a document's text: detokenised, without furniture. A text that is
    all furniture is kept as it is (the reader then reads what there is)."""
    cleaned = strip_furniture(detokenise(text))
    return cleaned if cleaned.strip() else text
