"""Sentence splitting with character offsets into the document text.

A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an upper-case
letter, digit or quote, or at a blank line; abbreviations ("Gen.", "Jan.", "U.S.") do not end one.
A heading, byline or dateline on its own line ends at its line break ("Published on: 11 November
2011\nA refugee camp ... was bombed on Thursday"). A sentence glued to the one before it, as
scraped pages join a heading or a caption to the text ("Haiti earthquake: Your stories It is
feared ..."), starts at its subject pronoun written with a capital after a word in lower case.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from timeline.cache import cached, read_toml
from timeline.lang import PACKS


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr sen rep gov pres st jr sr rev hon
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no vs etc inc corp co ltd dept est approx fig vol
""".split())

# `[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n` with its first character taken out in front:
# sre then skips to the next stop or line break at once instead of trying both branches everywhere
_BOUNDARY = re.compile(r"""[.!?…\n](?:(?<=[.!?…])[.!?…]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n)""")
_RUN_REVERSED = re.compile(r"[A-Za-z.]*")
_LINE_BREAK = re.compile(r"\n")
_SHORT_LINE = 60        # characters: a line this short before a capital is a heading or byline


def _is_abbreviation(text: str, end: int) -> bool:
    # look back a word's length only: searching from 0 made splitting quadratic in the text length
    word = _last_word(text, max(0, end - 40), end)
    if not word:
        return False
    word = word.rstrip(".").lower()
    # single letters and dotted initialisms ("U.S.", "J.") rarely end a sentence in news
    return word in ABBREVIATIONS or len(word) == 1 or "." in word


def _last_word(text: str, start: int, end: int) -> str:
    """What `([A-Za-z][A-Za-z.]*)$` finds in text[start:end] ("" for nothing), matched once from the
    end of the reversed window (the search tried it at every character)."""
    if end > start and text[end - 1] == "\n":
        end -= 1                # "$" matches before a closing line break too
    return _RUN_REVERSED.match(text[start:end][::-1]).group()[::-1].lstrip(".")


# ASCII bytes by shape: whitespace -> " ", capital -> "U", small letter -> "l", other -> "x"; in
# the shape, a word's initial is the byte after a space, and `count` tallies them in C
_SHAPE = bytes(0x20 if chr(c).isspace() else 0x55 if chr(c).isupper() else 0x6C if chr(c).isalpha() else 0x78
               for c in range(128)) + b"x" * 128


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8)      # asked again for the sentence at hand, not across a document
def title_case(text: str) -> bool:
    """Do capitals start at least 70% of the words that start with a letter?"""
    if text.isascii() or not any(c.isalpha() or c.isspace() for c in set(_NON_ASCII.findall(text))):
        # curly quotes and dashes (most news) neither start a word nor split one: "?" does as well
        shape = b" " + text.encode("ascii", "replace").translate(_SHAPE)
        upper = shape.count(b" U")
        letters = upper + shape.count(b" l")
    else:
        initials = [w[0] for w in text.split() if w[0].isalpha()]
        upper, letters = sum(map(str.isupper, initials)), len(initials)
    return bool(letters) and upper >= 0.7 * letters


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        _append_lines(sentences, text, start, m.end())
        start = m.end()
    _append_lines(sentences, text, start, len(text))
    glued = _glued_starts(text)
    return _split_glued(sentences, text, glued) if glued else sentences


def _append_lines(out: list[Sentence], text: str, start: int, end: int) -> None:
    """One sentence, or several when a heading line ends before a capitalised line."""
    pos = start
    if text.find("\n", start, end) < 0:        # most sentences: no line break, no scan
        _append(out, text, pos, end)
        return
    for m in _LINE_BREAK.finditer(text, start, end):
        line = text[pos:m.start()].strip()
        rest = text[m.end():end].lstrip()
        if line and (rest[:1].isupper() or rest[:1].isdigit()) and (
                line[-1] in ".!?:\"”’)" or len(line) <= _SHORT_LINE or title_case(line)):
            _append(out, text, pos, m.start())
            pos = m.end()
    _append(out, text, pos, end)


@lru_cache(maxsize=1)
def _glued_opener() -> re.Pattern:
    """One of the packs' `glued_openers` (function_words.toml) between spaces: subject pronouns,
    which running text writes with a capital only at a sentence's start. The lists are read back
    from the user's cache, not parsed in every process (the splitter runs in every command)."""
    files = sorted(PACKS.glob("*/function_words.toml"))
    openers = cached("glued-openers-" + "-".join(f.parent.name for f in files), [*files, Path(__file__)],
                     lambda: sorted({w for f in files for w in read_toml(f).get("glued_openers", ())}))
    return re.compile(rf" (?:{'|'.join(map(re.escape, openers))}) ")


def _glued_starts(text: str) -> list[int]:
    """Where a sentence glued to the one before it starts: an opener after a lower-case letter or
    a digit and before a word in lower case."""
    out = []
    for m in _glued_opener().finditer(text):
        at, end = m.start(), m.end()
        if at and (text[at - 1].islower() or text[at - 1].isdigit()) and text[end:end + 1].islower():
            out.append(at + 1)
    return out


def _split_glued(sentences: list[Sentence], text: str, starts: list[int]) -> list[Sentence]:
    out: list[Sentence] = []
    for sentence in sentences:
        start = sentence.start
        for at in starts[bisect_right(starts, sentence.start):bisect_left(starts, sentence.end)]:
            _append(out, text, start, at)
            start = at
        _append(out, text, start, sentence.end)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
