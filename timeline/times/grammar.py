"""Compile the rules as data (timeline/lang/<code>/*.toml) ONCE into one scanner regex plus small helpers.

Every rule becomes one alternative `(?P<R7>...)` of the scanner; its captures are renamed
`R7_name` so that one match tells which rule fired (`lastindex`) and what it captured.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import re
from re import _constants as _c, _parser
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Optional

from timeline.cache import cached, compile_regex, store
from timeline.lang import load as _pack_load, pack_file
from timeline.text import trie as trie_module
from timeline.text.trie import trie

_PLACEHOLDER = re.compile(r"\{([a-z_]\w*)(?::(\w+))?\}")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
# a time ends at a word end, whichever alternative of a rule matched (it starts at one: see the scanner)
_END = r"(?![\w])"
FLAGS = re.IGNORECASE | re.ASCII
RULE_FILES = ("words.toml", "names.toml", "rules.toml", "negatives.toml")    # what a grammar is built from


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    pattern: str            # the rule alone, with its named captures
    flags: int
    set: dict
    examples: tuple = ()
    anchor: Optional[str] = None
    before: Optional[re.Pattern] = None
    groups: dict = field(default_factory=dict)   # capture name -> converter (table or capture)
    policies: tuple = ("news", "narrative")      # the anchoring policies the rule applies under
    min_matches: int = 1        # a page's convention: a time only where the text uses it this often

    @cached_property
    def regex(self) -> re.Pattern:
        # compiled when a text first reaches the rule: an article reaches a quarter of the rules
        return compile_regex(self.pattern, self.flags)


NEGATIVE_PARTS = ("text", "before", "after", "unless_before")


@dataclass(frozen=True)
class Negative:
    name: str
    rules: frozenset
    patterns: tuple          # (part, pattern, flags) of NEGATIVE_PARTS: the text, what comes before...
    examples: tuple = ()

    @cached_property
    def regexes(self) -> dict[str, re.Pattern]:
        # compiled when one of its rules first matches: most never do in an article
        return {part: compile_regex(pattern, flags) for part, pattern, flags in self.patterns}

    def drops(self, text: str, start: int, end: int) -> bool:
        found = self.regexes
        if "text" in found and not found["text"].fullmatch(text, start, end):
            return False
        if "before" in found and not found["before"].search(text, max(0, start - 40), start):
            return False
        if "after" in found and not found["after"].match(text, end, end + 60):
            return False
        if "unless_before" in found and found["unless_before"].search(text, max(0, start - 40), start):
            return False
        return True


@dataclass(frozen=True)
class Grammar:
    tables: dict          # table name -> {normalised word: value}
    converters: dict      # capture name -> converter name ("int", "count", ..., or a table)
    lexicon: dict         # raw capture words -> value
    sets: dict            # set words -> TIMEX3 SET value
    rules: tuple          # Rule, in priority order
    dispatch: dict        # canonical first characters -> indexes of the rules that can start so
    starts: re.Pattern    # word starts where some rule can begin
    datemod: re.Pattern   # modifier words ending right before a date ("the end of")
    durmod: re.Pattern    # modifier words ending right before a duration ("more than")
    outside: frozenset    # modifiers whose mod counts but which stay out of the span ("about")
    date_outside: frozenset  # the same before a date ("vers [18 h]": French TimeML)
    numeric: frozenset    # date modifiers only before a number ("about 1910", not "about Monday")
    podprefix: re.Pattern  # "the night of" ending right before a day
    aftermod: re.Pattern   # "or so" starting right after a time
    negatives: dict       # rule name -> [Negative]
    anchor: str           # reference date of the examples
    gate: re.Pattern      # words one of which every time expression holds
    lower_gate: Optional[re.Pattern]  # the same for lower-cased text, case-sensitive (faster)
    window: int           # how far before a gate word an expression may start
    day_to_clock: re.Pattern  # what may stand between a day and its time of day ("Feb. 12 at 7 p.m.")


def normalise(words: str) -> str:
    """The lookup key of matched words: lower case, no dots, single spaces."""
    return " ".join(words.lower().replace(".", "").split())


def _spaces(pattern: str) -> str:
    """A space outside [...] means one or more whitespace characters."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch == "]":
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            out.append(r"\s+")
        elif ch == "?" and not in_class and out and out[-1] == r"\s+":
            out[-1] = r"\s*"                   # " ?" = optional space
        else:
            out.append(ch)
    return "".join(out)


def _alternation(table: dict, exact: list[str], abbreviations: list[str]) -> str:
    """A word table as one regex trie (fails on the first letter, unlike a flat alternation);
    `exact` words keep their case; `abbreviations` take an optional dot ("Aug.", not "July.")."""
    exact_keys = {normalise(w) for w in exact}
    keys = [k for k in table if k not in exact_keys]
    short = {normalise(w) for w in abbreviations}
    pattern = trie(keys, short)
    if exact:
        pattern = "|".join([f"(?-i:{re.escape(w)})" for w in exact] + [pattern])
    return pattern


def _load(name: str, lang: str) -> dict:
    return _pack_load(lang, name)


def _words(lang: str) -> dict:
    """The pack's word tables: words.toml over the generated names.toml (month and weekday
    names, units, numerals, ordinals from locale data), the hand-written words winning."""
    words = _load("words.toml", lang)
    if not pack_file(lang, "names.toml").is_file():
        return words
    for name, table in _load("names.toml", lang).items():
        mine = words.setdefault(name, {})
        if name == "gate":
            mine["words"] = table["words"] + [w for w in mine.get("words", []) if w not in table["words"]]
        else:
            mine["values"] = {**table["values"], **mine.get("values", {})}
    return words


def _flags(words: dict) -> re.RegexFlag:
    """ASCII matching (faster, and \\w is [A-Za-z0-9_]) for a language whose words are all ASCII;
    Unicode for one with accents, so that "Été" is "été" and "année" is one word."""
    ascii_only = all(str(w).isascii() for t in words.values() for key in ("values", "words")
                     for w in t.get(key, ()))
    return FLAGS if ascii_only else re.IGNORECASE


def grammar(lang: str = "en") -> Grammar:
    """The compiled grammar of a language, built once per process."""
    return _grammar(lang)


@cache
def _grammar(lang: str) -> Grammar:
    # built once per change of the rules or of this code, then read back; the rules compiled in
    # a run are kept with it at exit, so that later runs do not compile them again
    sources = [pack_file(lang, name) for name in RULE_FILES if pack_file(lang, name).is_file()] \
        + [Path(__file__), Path(trie_module.__file__)]
    built = cached(f"grammar-{lang}", sources, lambda: _build(lang))
    atexit.register(_keep_compiled, f"grammar-{lang}", sources, built, _compiled(built))
    return built


def _compiled(g: Grammar) -> int:
    return sum("regex" in vars(rule) for rule in g.rules) + \
        len({id(neg) for negs in g.negatives.values() for neg in negs if "regexes" in vars(neg)})


def _keep_compiled(name: str, sources: list[Path], g: Grammar, compiled_before: int) -> None:
    try:
        if _compiled(g) > compiled_before:
            store(name, sources, g)
    except KeyboardInterrupt:
        pass    # interrupted again while exiting: the next run compiles them again, no traceback


def _build(lang: str) -> Grammar:
    words = _words(lang)
    flags = _flags(words)
    gate, links = words.pop("gate"), words.pop("links")
    data = _load("rules.toml", lang)
    tables = {name: {normalise(k): v for k, v in t["values"].items()} for name, t in words.items()}
    alternations = {name: _alternation(t["values"], t.get("exact", []), t.get("abbreviations", []))
                    for name, t in words.items()}
    captures = {name: c["pattern"] for name, c in data["captures"].items()}
    converters = {name: c["convert"] for name, c in data["captures"].items()}
    macros = {name: _spaces(m) for name, m in data["macros"].items()}

    rules = []
    for i, spec in enumerate(data["rule"]):
        prefix = f"R{i}_"
        groups: dict[str, str] = {}

        def expand(m: re.Match) -> str:
            kind, alias = m.group(1), m.group(2) or m.group(1)
            if kind in macros:
                return macros[kind]
            if kind in captures:
                table = data["captures"][kind].get("words", kind)
                body = captures[kind].replace("{words}", alternations.get(table, "(?!)"))
                groups[alias] = converters[kind]
            elif kind in alternations:
                body = alternations[kind]
                groups[alias] = kind
            else:
                raise ValueError(f"rule {spec['name']!r}: unknown placeholder {{{kind}}}")
            return f"(?P<{prefix}{alias}>{body})"

        body = _spaces(spec["pattern"])
        for raw in _NAMED_GROUP.findall(body):
            groups.setdefault(raw, "raw")
        body = _NAMED_GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", body)
        body = _PLACEHOLDER.sub(expand, body)
        before = spec.get("before")
        rules.append(Rule(spec["name"], spec["type"], f"(?:{body}){_END}", flags, spec.get("set", {}),
                          tuple(spec.get("examples", ())), spec.get("anchor"),
                          compile_regex(_spaces(before) + r"\Z" if not before.endswith("$") else
                                        _spaces(before), flags) if before else None, groups,
                          tuple(spec.get("policies", ("news", "narrative"))), spec.get("min_matches", 1)))

    negatives: dict[str, list[Negative]] = {}
    for spec in _load("negatives.toml", lang)["negative"]:
        patterns = tuple((k, spec[k], int(flags) if k != "text" else 0) for k in NEGATIVE_PARTS if k in spec)
        neg = Negative(spec["name"], frozenset(spec["rules"]), patterns, tuple(spec["examples"]))
        for rule in spec["rules"]:
            negatives.setdefault(rule, []).append(neg)

    dispatch = _shipped_dispatch(lang, [rule.pattern for rule in rules])
    return Grammar(tables, converters, data["lexicon"], data["sets"], tuple(rules), dispatch, _starts(dispatch),
                   _modifier_regex(words["datemod"]["values"], flags),
                   _modifier_regex(words["durmod"]["values"], flags),
                   frozenset(words["durmod"].get("outside", ())),
                   frozenset(normalise(w) for w in words["datemod"].get("outside", ())),
                   frozenset(normalise(w) for w in words["datemod"].get("numeric", ())),
                   compile_regex(words["pod"]["prefix"].replace("{pod}", "(?P<pod>" + trie(words["pod"]["values"]) + ")")
                                 + r"\s+\Z", flags),
                   compile_regex(r"\s+(?P<mod>" + trie(words["aftermod"]["values"]) + r")(?!\w)",
                                 flags),
                   negatives, data["anchor"], _gate(gate["words"], flags),
                   _gate(gate["words"], re.ASCII) if all(w.isascii() and w.islower() for w in gate["words"]) else None,
                   gate["window"], compile_regex(links["day_to_clock"]))


def _gate(words: list[str], flags: re.RegexFlag) -> re.Pattern:
    # a digit may follow a gate word: "FY2024", "Q3"
    return compile_regex(r"(?<![\w$£€])(?:(?:" + trie(words) + r")(?:s|'s)?(?![^\W\d])|\d|')", flags)


def _starts(dispatch: dict[str, tuple[int, ...]]) -> re.Pattern:
    """Word starts where some rule can begin: the first characters the dispatch lists, in every
    spelling their canonical form stands for (any character when a rule can begin anywhere)."""
    if dispatch[""]:
        return compile_regex(r"(?<![\w$£€])\S")
    chars = {c for p in dispatch if len(p) == 1 for c in _SPELLINGS.get(p, p + p.upper())}
    return compile_regex(r"(?<![\w$£€])[" + re.escape("".join(sorted(chars))) + "]")


PREFIX = 6      # characters at a word start that choose the rules tried there
# what those characters are compared on: ASCII letters in lower case, digits as 0, whitespace as a
# space (FLAGS: only ASCII letters match either case, and \s only ASCII whitespace)
# (and, for the languages matched in Unicode, accented capitals in lower case and no-break spaces
# as spaces: under ASCII matching no rule can match either, so the English dispatch is unchanged)
CANONICAL = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, **dict.fromkeys("0123456789", "0"),
                           **dict.fromkeys(" \t\n\r\f\v\xa0\u202f", " "),
                           **{c: c.lower() for c in "ÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÚÙÛÜŒÆ"}})
_SPELLINGS = {"0": "0123456789", " ": " \t\n\r\f\v"}     # canonical character -> what it stands for
_MAX_PREFIXES = 4000    # past this a rule is tried at every start


DISPATCH_FILE = "dispatch.json"    # in each pack: written by scripts/build_dispatch.py


def dispatch_key(patterns: list[str]) -> str:
    """What a dispatch table is computed from: the rules' patterns, in order, and PREFIX."""
    return hashlib.sha256("\0".join([str(PREFIX), *patterns]).encode()).hexdigest()[:32]


def dispatch_data(patterns: list[str]) -> dict:
    """The dispatch table as the pack ships it: each distinct tuple of rules listed once."""
    table = _dispatch(patterns)
    tuples = sorted(set(table.values()))
    index = {t: i for i, t in enumerate(tuples)}
    return {"key": dispatch_key(patterns), "rules": tuples,
            "prefixes": {p: index[table[p]] for p in sorted(table)}}


def _shipped_dispatch(lang: str, patterns: list[str]) -> dict[str, tuple[int, ...]]:
    """The pack's dispatch table when it was computed from these very patterns, else computed
    now: reading every rule's parse takes most of the time a grammar's first build takes, which a
    user pays on the first run after installing (or on every run without a cache directory)."""
    try:
        with open(pack_file(lang, DISPATCH_FILE), encoding="utf-8") as f:
            shipped = json.load(f)
    except (OSError, ValueError):
        shipped = {}
    if shipped.get("key") != dispatch_key(patterns):
        return _dispatch(patterns)
    tuples = [tuple(t) for t in shipped["rules"]]
    return {p: tuples[i] for p, i in shipped["prefixes"].items()}


def _dispatch(bodies: list[str]) -> dict[str, tuple[int, ...]]:
    """Canonical text prefix (1 to PREFIX characters) -> the rules that can match where the text
    starts with it, in priority order: the rules tried at a start are those of its longest prefix
    listed. Trying each in turn finds what one alternation of them all finds (sre too tries every
    branch in order), and most starts have none or one to try (on TBAQ 20x fewer rules tried than
    by first character). A rule's prefixes are read off its parsed regex, look-arounds skipped: a
    superset of the text it can match."""
    prefixes = [_prefixes(body) for body in bodies]
    anywhere = {i for i, p in enumerate(prefixes) if p is None or "" in p}
    by_prefix: dict[str, set[int]] = {}
    for i, listed in enumerate(prefixes):
        for p in listed or ():
            by_prefix.setdefault(p, set()).add(i)
    closed = {p[:n] for p in by_prefix for n in range(1, len(p) + 1)}
    return {p: tuple(sorted(anywhere.union(*(by_prefix.get(p[:n], ()) for n in range(1, len(p) + 1)))))
            for p in closed} | {"": tuple(sorted(anywhere))}


class _TooMany(Exception):
    pass


def _prefixes(body: str) -> Optional[set[str]]:
    """The canonical strings of up to PREFIX characters that every match of `body` starts with
    one of (a shorter one: anything may follow), or None when there are too many to list."""
    try:
        states, done = _walk(_parser.parse(body, FLAGS), {""})
    except _TooMany:
        return None
    return states | done


def _walk(items, states: set[str]) -> tuple[set[str], set[str]]:
    """(prefixes still growing, prefixes complete or open) after the regex items."""
    done: set[str] = set()
    for op, arg in items:
        if not states:
            break
        states, more = _step(op, arg, states)
        done |= more
    return states, done


def _step(op, arg, states: set[str]) -> tuple[set[str], set[str]]:
    if op is _c.LITERAL:
        return _grow(states, {chr(arg).translate(CANONICAL)})
    if op is _c.IN:
        chars = _canonical_set(arg)
        return (set(), states) if chars is None else _grow(states, chars)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return states, set()                            # zero width
    if op is _c.SUBPATTERN:
        return _walk(arg[-1], states)
    if op is _c.ATOMIC_GROUP:
        return _walk(arg, states)
    if op is _c.BRANCH:
        grown: set[str] = set()
        done: set[str] = set()
        for branch in arg[1]:
            more, finished = _walk(branch, states)
            grown |= more
            done |= finished
        return grown, done
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, item = arg
        result = set(states) if low == 0 else set()
        current, done, n = states, set(), 0
        while current and n < high:
            current, finished = _walk(item, current)
            done |= finished
            n += 1
            if n >= low:
                if current <= result:
                    break                               # nothing new from more repeats
                result |= current
        return result, done
    return set(), states                                # any character: open from here


def _grow(states: set[str], chars: set[str]) -> tuple[set[str], set[str]]:
    grown = {s + c for s in states for c in chars}
    if len(grown) > _MAX_PREFIXES:
        raise _TooMany
    full = {s for s in grown if len(s) == PREFIX}
    return grown - full, full


def _canonical_set(items) -> Optional[set[str]]:
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            chars.add(chr(arg).translate(CANONICAL))
        elif op is _c.RANGE and arg[1] - arg[0] < 100:
            chars.update(chr(c).translate(CANONICAL) for c in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            chars.add("0")
        elif op is _c.CATEGORY and arg is _c.CATEGORY_SPACE:
            chars.add(" ")
        elif op is _c.CATEGORY and arg is _c.CATEGORY_WORD:
            chars.update("abcdefghijklmnopqrstuvwxyz0_àâäáçéèêëíîïñóôöúùûüœæ")
        else:
            return None
    return chars


def _modifier_regex(table: dict[str, Any], flags: re.RegexFlag) -> re.Pattern:
    """Modifier words that end exactly where a time starts: `search(text, lo, start)`."""
    alts = []
    for key in sorted(table, key=len, reverse=True):
        word = re.escape(key).replace(r"\ ", r"\s+")
        alts.append(word if key.endswith(("-", "'", "’")) else word + r"\s+")     # "mi-juillet", "fin d'année"
    return compile_regex(r"(?<![\w-])(?:the\s+)?(?P<mod>" + "|".join(alts) + r")\Z", flags)
