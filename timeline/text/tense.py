"""Tense cues: is the clause around a time expression past, present or future?

No tagger: cue words (timeline/lang/en/tense.toml) plus -ed verbs. The cue nearest before
the expression in its sentence wins; with none before, the first cue after it ("past-own" when
that is a past verb: the time fronts its own clause).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Optional

from timeline.cache import cached, compile_regex
from timeline.lang import load, pack_file
from timeline.text import trie as trie_module
from timeline.text.trie import trie


def _cues(lang: str = "en") -> tuple[re.Pattern, dict, tuple, re.Pattern, frozenset, Optional[re.Pattern],
                                     Optional[re.Pattern]]:
    """The tense cues of a pack (tense.toml)."""
    return _compiled(lang)[0]


def _scheduling(lang: str = "en") -> Optional[tuple[re.Pattern, re.Pattern]]:
    """(the preposition alone, a verb of scheduling with up to `scheduling_reach` words of its
    object and its preposition), each ending right before a time ("postponed the vote until "):
    None if the pack lists none. Most times follow no such preposition: the first skips the second."""
    return _compiled(lang)[1]


@cache
def _compiled(lang: str) -> tuple:
    # compiled once per change of the cues or of this code, then read back (timeline/cache.py)
    return cached(f"tense-{lang}", [pack_file(lang, "tense.toml"), Path(__file__), Path(trie_module.__file__)],
                  lambda: _compile_both(load(lang, "tense.toml")))


def _compile_both(data: dict) -> tuple:
    """(the tense cues, the scheduling cues) of one pack's tense.toml, parsed once."""
    return _compile_cues(data), _compile_scheduling(data)


def _compile_cues(data: dict) -> tuple:
    kinds = {}
    for kind in ("future", "past", "present"):
        for cue in data[kind]:
            kinds.setdefault(cue.lower(), kind)
    # a trie fails on a word's first letters; a flat alternation tried every cue at every word.
    # `past_form` / `future_form`: the shape of a verb of that tense not listed (English -ed,
    # Spanish -ó, -rá); `attached`: cues that hang on the word before ("'ll"); `between`: words
    # between an auxiliary and its participle
    shapes = tuple((kind, data[f"{kind}_form"]) for kind in ("past", "future") if f"{kind}_form" in data)
    forms = "".join(f"|{shape}" for _, shape in shapes)
    attached = f"|{data['attached']}" if "attached" in data else ""
    regex = compile_regex(rf"(?<![\w'])(?:{trie(kinds)}{forms})(?![\w']){attached}", re.I)
    aux = "|".join(re.escape(w) for w in data["participle_after"])
    between = data["between"]
    participle = compile_regex(rf"(?<![\w'])(?:{aux})\s+(?:{between})?\Z", re.I)
    # `infinitive_after`: words a bare infinitive follows ("will cut", "to set"): a verb there
    # spelled like a past one ("cut", "set", "put") is no past
    modal = "|".join(re.escape(w) for w in data.get("infinitive_after", ()))
    infinitive = compile_regex(rf"(?<![\w'])(?:{modal})\s+(?:{between})?\Z", re.I) if modal else None
    not_past = (frozenset(w.lower() for w in data["not_past"]),
                tuple((kind, compile_regex(shape, re.I)) for kind, shape in shapes))
    # `clause_break`: what ends a clause between a future verb and a time ("will rise, he said in March")
    breaks = compile_regex(data["clause_break"], re.I) if "clause_break" in data else None
    return regex, kinds, not_past, participle, frozenset(w.lower() for w in data["attribution"]), breaks, infinitive


def _compile_scheduling(data: dict) -> Optional[tuple[re.Pattern, re.Pattern]]:
    if not data.get("scheduling_verbs"):
        return None
    verbs = "|".join(re.escape(v).replace("\\ ", r"\s+") for v in sorted(data["scheduling_verbs"], key=len, reverse=True))
    prepositions = "|".join(re.escape(p) for p in data["scheduling_prepositions"])
    reach = int(data.get("scheduling_reach", 5))
    return (compile_regex(rf"(?<![\w'])(?:{prepositions})\s+\Z", re.I),
            compile_regex(rf"(?<![\w'])(?:{verbs})(?:\s+[^\s,;:.!?()\"“”]+){{0,{reach}}}?\s+(?:{prepositions})\s+\Z", re.I))


def scheduled_by(sentence: str, offset: int, lang: str = "en") -> Optional[str]:
    """The verb of scheduling and its preposition right before the time at `offset` ("postponed
    the vote until"): the time is when the scheduled event is to happen. None if there is none."""
    scheduling = _scheduling(lang)
    if scheduling is None or not scheduling[0].search(sentence, max(0, offset - 8), offset):
        return None
    m = scheduling[1].search(sentence, max(0, offset - 80), offset)
    return m.group(0).strip() if m else None


WINDOW = 120    # characters looked at before the expression
_ONE_WORD = re.compile(r"[A-Za-z]+ ")   # a one-word time and the space after it
_POSSESSIVE = re.compile(r"[A-Za-z]+ ?['’]s ")   # typographic apostrophe; tokenised text: "Tuesday 's"
_HAD = re.compile(r"(?<![\w'])had\s+(?:been\s+)?(?:\w+ly\s+)?\Z", re.I)
_ATTRIBUTED = re.compile(r",\s+(?:[\w.'’-]+\s+){1,4}\Z")     # ", the council said", ", officials told Reuters"
_AHEAD = re.compile(r"\b(?:ahead of|in advance of|upcoming|coming)\s+\Z", re.I)


def tense_at(sentence: str, offset: int, end: Optional[int] = None, lang: str = "en") -> Optional[str]:
    """"past", "past-own", "present", "future", "future-own" or None for the time expression at `offset` in `sentence`
    (ending at `end`: its own words, "the next day", are no cue for the clause after it), read
    with the tense cues of the language `lang`."""
    regex, kinds, not_past, participle, attributions, breaks, infinitive = _cues(lang)
    word = _ONE_WORD.match(sentence, offset)
    own = word and regex.match(sentence, word.end())
    if own and _kind(own.group(0), kinds, not_past) == "past":
        return "past-own"       # "a federal court Thursday refused": the time's own verb
    if _POSSESSIVE.match(sentence, offset):
        # "get around Wednesday's ruling": a day named by its event, known, so past whatever
        # the clause says, unless it lies ahead ("ahead of Sunday's vote")
        return "future" if _AHEAD.search(sentence, max(0, offset - 20), offset) else "past-own"
    if scheduled_by(sentence, offset, lang):
        return "future-own"     # "postponed the vote until June": when the vote is to be held
    before, cue_end = None, offset
    for m in regex.finditer(sentence, max(0, offset - WINDOW), offset):
        kind = _kind(m.group(0), kinds, not_past)
        if kind == "past" and participle.search(sentence, max(0, m.start() - 30), m.start()):
            continue            # "would be paid", "has extended": the auxiliary tells the tense
        if kind == "past" and infinitive and m.group(0).lower() in kinds \
                and infinitive.search(sentence, max(0, m.start() - 30), m.start()):
            continue            # "will cut", "to set": a bare infinitive, the word before tells the tense
        if kind == "future" and _HAD.search(sentence, max(0, m.start() - 30), m.start()):
            kind = "past"       # "had been scheduled to expire Friday": a plan already past
        if kind:
            before, cue_end = kind, m.end()
    if before == "future" and breaks and not breaks.search(sentence, cue_end, offset):
        return "future-own"     # "will fall by June": the future verb governs the time's own clause
    if before:
        return before
    for m in regex.finditer(sentence, end or offset + 1):      # its clause's verb, past any aside
        after = _kind(m.group(0), kinds, not_past)
        if after and m.group(0).lower() in attributions and _ATTRIBUTED.search(sentence, max(0, m.start() - 40),
                                                                              m.start()):
            continue            # "by Dec. 31, the council said": who said it tells no tense of it
        if after:
            # "In January, the South Sudanese voted": the time fronts its own past clause, so it
            # cannot lie ahead (a past cue before it may be a reporting verb: "said ... in March")
            if after == "future" and m.group(0).lower().split()[0].endswith("ed"):
                return "past-own"   # "On Friday, the government planned to pay": the plan was made then
            return "past-own" if after == "past" else after
    return None


def _kind(cue: str, kinds: dict, not_past: tuple) -> Optional[str]:
    """The tense a cue tells: listed, or by its shape (an -ed verb), unless listed as no verb."""
    word = " ".join(cue.lower().split())
    kind = kinds.get(word)
    words, shapes = not_past
    if kind is None and word not in words:
        kind = next((k for k, shape in shapes if shape.fullmatch(cue)), "past")
    return kind
