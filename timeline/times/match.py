"""The matcher: one pass of the compiled scanner over the text, no clock and no anchor.

Each match becomes a `Found`: span, rule name, TIMEX3 type, and the fields the rule captured
(year, month, weekday, shift...). Resolution against an anchor is `resolve.resolve`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator, Optional

from timeline.times.grammar import CANONICAL, PREFIX, Grammar, Rule, grammar, normalise

_TENS = re.compile(r"(\w+)[- ](\w+)")


@dataclass
class Found:
    start: int
    end: int
    text: str
    rule: str
    type: str
    fields: dict = field(default_factory=dict)
    mod: Optional[str] = None
    policies: tuple = ("news", "narrative")


def find_times(text: str, lang: str = "en") -> list[Found]:
    """Every time expression in `text`, left to right, spans not overlapping."""
    g = grammar(lang)
    found: list[Found] = []
    for m, index in _scan(g, text, lang):
        rule = g.rules[index]
        start, end = m.start(), m.end()
        if rule.before and not rule.before.search(text, max(0, start - 40), start):
            continue
        if any(neg.drops(text, start, end) for neg in g.negatives.get(rule.name, ())):
            continue
        fields = _fields(g, rule, m, f"R{index}_")
        if "d" in fields and "pod" not in fields:
            start = _part_of_day(g, text, start, fields)
        start, mod = _modifier(g, text, start, rule.type, fields)
        after = g.aftermod.match(text, end)
        if after and rule.type in ("DATE", "DURATION") and "ref" not in fields:
            end, mod = after.end(), mod or g.tables["aftermod"][normalise(after.group("mod"))]
        mod = mod or fields.get("mod")
        found.append(Found(start, end, text[start:end], rule.name, rule.type, fields, mod,
                           rule.policies))
    return found


def _scan(g: Grammar, text: str, lang: str) -> Iterator[tuple[re.Match, int]]:
    """(match of a rule's regex, rule index), left to right: the rules are tried only at word
    starts shortly before a gate word, and only those that can start with the text there (`g`
    is `lang`'s grammar)."""
    pos, window, rules, starts = 0, g.window, g.rules, g.starts.finditer
    held: dict[str, bool] = {}      # convention rule -> whether this text follows it
    for hit in _gate_hits(g, text):
        h = hit.start()
        if h < pos:
            continue
        # every start before `pos` was tried for an earlier gate word or lies in a match: a start
        # that failed fails again, so windows that overlap are not scanned twice
        for start in starts(text, max(pos, h - window), h + 1):
            s = start.start()
            if s < pos:
                continue
            for index in _rules_for(lang, text[s:s + PREFIX]):
                m = rules[index].regex.match(text, s)
                if m and rules[index].min_matches > 1 and not _used_as_convention(rules[index], text, held):
                    continue
                if m:
                    yield m, index
                    pos = m.end()
                    break
        pos = max(pos, h + 1)


def _used_as_convention(rule, text: str, held: dict[str, bool]) -> bool:
    """Whether the text matches a rule that holds only as a page's convention (min_matches) as
    often as that: "1504 Cafod pledges" opens an entry of a live page that stamps each entry with
    its clock time, where a lone line opening "1918 Spanish flu" tells a year. Counted once, when
    the rule first matches."""
    if rule.name not in held:
        held[rule.name] = len(rule.regex.findall(text)) >= rule.min_matches
    return held[rule.name]


# the only characters whose lower case is longer or ASCII: without them lower-casing keeps every
# offset, and only ASCII letters change as FLAGS read them (the gate's words are ASCII)
_LOWER_CHANGES = ("\u0130", "\u212a")


def _gate_hits(g: Grammar, text: str) -> Iterator[re.Match]:
    """The gate's matches: on the lower-cased text where that keeps every offset (case-sensitive
    matching is a third faster in sre)."""
    if g.lower_gate is None or any(ch in text for ch in _LOWER_CHANGES):
        return g.gate.finditer(text)
    return g.lower_gate.finditer(text.lower())


@lru_cache(maxsize=4096)     # most word starts of any text begin with one of a few thousand prefixes
def _rules_for(lang: str, prefix: str) -> tuple[int, ...]:
    """`rules_at` a start whose text begins with `prefix` (its PREFIX characters, fewer at the
    text's end), in `lang`'s grammar."""
    return rules_at(grammar(lang).dispatch, prefix, 0)


def rules_at(dispatch: dict, text: str, start: int) -> tuple[int, ...]:
    """The indexes of the rules that can match at `start`: those of the longest prefix of the
    text there that `dispatch` lists (see grammar._dispatch)."""
    key = text[start:start + PREFIX].translate(CANONICAL)
    tried = dispatch[""]
    for n in range(1, len(key) + 1):
        longer = dispatch.get(key[:n])
        if longer is None:
            break
        tried = longer
    return tried


def _fields(g: Grammar, rule: Rule, m: re.Match, prefix: str) -> dict:
    fields: dict[str, Any] = {}
    for key, spec in rule.set.items():
        value = _field(g, rule, m, prefix, spec)
        if isinstance(value, list):         # [n, "chain"]: relative to the last date mentioned
            value, fields["chain"] = value[0], True
        if value is not None:
            fields[key] = value
    return fields


def _field(g: Grammar, rule: Rule, m: re.Match, prefix: str, spec: Any) -> Any:
    if not isinstance(spec, str) or "$" not in spec:
        return spec
    for alternative in spec.split("|"):           # "$last|$next": the first that matched
        negate = alternative.startswith("-")
        name = alternative.lstrip("-$")
        raw = m.group(prefix + name)
        if raw is None:
            continue
        value = _convert(g, rule.groups[name], raw)
        if negate and isinstance(value, (int, float)):
            value = -value
        elif negate and isinstance(value, list):
            value = [-value[0], *value[1:]]
        return value
    return None


_DECIMAL_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")     # every dot but one between digits


def _convert(g: Grammar, converter: str, raw: str) -> Any:
    key = normalise(raw)
    if converter in ("int", "year2"):
        return int(key.rstrip("stndrh"))
    if converter == "decade":
        return int(key[:-1])            # "1990" -> 199
    if converter == "decade2":
        return int(key[:1])             # "90" -> 9, the decade within an unknown century
    if converter == "ampm":
        return key[0] + "m"
    if converter == "count":                    # "2.5 years": a decimal point is no abbreviation's dot
        return _count(g, _DECIMAL_DOT.sub("", " ".join(raw.lower().split())) if "." in raw else key)
    if converter == "count_decimal_comma":      # "30,4 secondes": the comma is the decimal point
        return _count(g, key.replace(",", ".") if key[:1].isdigit() else key)
    if converter == "ordinal":
        return g.tables["ordinal"].get(key) or int(key.rstrip("stndrh"))
    if converter == "raw":
        if key in g.lexicon:
            return g.lexicon[key]
        parts = re.split(r"[- ]", key)                 # "ninety-six" -> 96
        if len(parts) > 1 and all(isinstance(g.lexicon.get(p), int) for p in parts):
            return sum(g.lexicon[p] for p in parts)
        return int(key) if key.isdigit() else key
    return g.tables[converter].get(key, key)


def _count(g: Grammar, key: str) -> Any:
    if key in g.tables["count"]:
        return g.tables["count"][key]
    if key.endswith("1/2"):                     # "5 1/2"
        whole = _count(g, key[:-3].rstrip(" -"))
        return whole + 0.5 if whole != "X" else "X"
    try:
        return int(key.replace(",", "")) if "." not in key else float(key)
    except ValueError:
        pass
    tens = _TENS.fullmatch(key)
    if tens:
        return g.tables["count"].get(tens.group(1), 0) + g.tables["count"].get(tens.group(2), 0)
    return "X"


def _part_of_day(g: Grammar, text: str, start: int, fields: dict) -> int:
    """Grow a day leftwards over "the night of" and note the part of the day."""
    m = g.podprefix.search(text, max(0, start - 40), start)
    if not m:
        return start
    fields["pod"] = g.tables["pod"][normalise(m.group("pod"))]
    return m.start()


def _modifier(g: Grammar, text: str, start: int, type_: str, fields: dict) -> tuple[int, Optional[str]]:
    """Grow the span leftwards over a modifier ("the end of", "more than") and return its mod."""
    counted = fields.get("n", fields.get("shift")) not in (None, "X") and ("dur" in fields or "sign" in fields)
    if type_ in ("DATE", "TIME") and "ref" not in fields and "sign" not in fields:
        regex, table = g.datemod, g.tables["datemod"]
    elif counted:
        regex, table = g.durmod, g.tables["durmod"]
    else:
        return start, None
    m = regex.search(text, max(0, start - 30), start)
    if not m:
        return start, None
    key = normalise(m.group("mod"))
    if regex is g.datemod and key in g.numeric and not any(k in fields for k in ("y", "d", "hh", "bc")):
        return start, None                  # "talked about Monday's vote"
    mod = table.get(key) or table.get(key.removeprefix("the ").strip())
    outside = key in (g.outside if regex is g.durmod else g.date_outside)  # "about [two weeks]", but "[about 1910]"
    return (start if outside else m.start()), mod
