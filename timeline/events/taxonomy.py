"""The event taxonomy and cue words (taxonomy.toml), compiled once per file.

A user replaces it with `--taxonomy FILE` or the TIMELINE_TAXONOMY environment variable.
"""
from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from timeline.cache import cached, read_toml
from timeline.errors import InputError
from timeline.text import trie as trie_module
from timeline.text.trie import trie

DEFAULT = Path(__file__).with_name("taxonomy.toml")
ENV = "TIMELINE_TAXONOMY"
ANAPHOR = ""   # the type of a trigger that points back to an earlier event ("the incident")


@dataclass(frozen=True)
class Trigger:
    """What a trigger word means: its type, the lemma it inflects from, and verb or noun."""
    type: str
    lemma: str
    pos: str  # "verb", "noun", "pattern" or "anaphor"
    source: str = ""  # where a lexicon word comes from: "oewn:<synset id>"; "" for taxonomy.toml's own


@dataclass(frozen=True)
class Taxonomy:
    path: str
    priority: dict[str, int]
    undated: frozenset[str]          # types that stay on the timeline without a date
    words: dict[str, Trigger]        # lower-case form -> trigger
    multi: dict[str, tuple[int, ...]]  # first word -> word counts of the multi-word forms, longest first
    pattern_re: Optional[re.Pattern]   # every pattern in one alternation, one named group each
    pattern_types: dict[str, str]      # group name -> type
    pattern_keys: Optional[frozenset[str]]  # a sentence without one of these words skips the patterns
    pattern_starts: Optional[re.Pattern]    # where a pattern can start (None: anywhere)
    pattern_at: dict[str, re.Pattern]       # the letters found there -> the patterns that can start there
    cues: dict[str, frozenset[str]]  # [cues] lists, lower-cased
    cue_res: dict[str, re.Pattern]   # the same lists as word-bounded alternations
    third_person: dict[str, str]     # any verb form -> its 3rd person present ("killed" -> "kills")
    noun_senses: dict[str, Trigger]  # a verb form that is also another type's noun ("storm") -> the noun
    agents: dict[str, frozenset[str]]  # type -> words that make an agent verb after them that type
    senses: dict[str, tuple] = None    # lemma -> ((type or "NONE", cue words), ...): decided by the words after it
    subject_senses: dict[str, tuple] = None  # lemma -> ((type, cue words), ...): decided by its subject
    sense_window: int = 4              # how many words after it are read
    cue_needed: frozenset = frozenset()  # lemmas of senses.toml with `default = "NONE"`: no cue, no event
    # a verb form after a determiner -> "noun" ("the ruins": no event), "adjective" ("the
    # devastating quake": none before its noun) or "event" ("a shot": an event noun), from
    # noun_readings.tsv
    noun_readings: dict[str, str] = None
    doers: dict[str, str] = None       # a word naming who does a type's act ("rioters") -> the type
    # type -> its [participants]: (types taken over by subjects, subject words, types taken over
    # by forces, force words, object words)
    participants: dict[str, tuple] = None


def _verb_forms(lemma: str, irregular: list[str]) -> set[str]:
    """kill -> kill, kills, killed, killing; doubled and e-dropping spellings are both kept. The
    -es and -d endings only where English spells them (after a sibilant or o; after e): "plan"
    made "planes" and "ban" made "band", other words with meanings of their own."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    stems = {head}
    forms = {head, head + "s", head + "ed", head + "ing", head + head[-1] + "ed", head + head[-1] + "ing"}
    if re.search(r"(?:s|x|z|ch|sh|o)$", head):
        forms.add(head + "es")
    if head.endswith("e"):
        forms |= {head + "d", head[:-1] + "ing"}
    if head.endswith("y"):
        forms |= {head[:-1] + "ied", head[:-1] + "ies"}
    return {f + tail for f in forms | stems} | set(irregular)


def third_person(lemma: str) -> str:
    head, _, rest = lemma.partition(" ")
    if re.search(r"(?:s|x|z|ch|sh)$", head):
        head += "es"
    elif re.search(r"[^aeiou]y$", head):
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {rest}" if rest else head


def first_chars(words) -> str:
    """A look-ahead for the characters the words start with: the regex engine then skips every
    other position at once instead of trying each alternative there (matches are unchanged)."""
    if not words or not all(words):
        return ""
    chars = {c for w in words for c in (w[0], w[0].lower(), w[0].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _compile(path: str) -> Taxonomy:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"cannot read taxonomy: {e.strerror or e}", path) from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"malformed taxonomy: {e}", path) from None
    types = data.get("types") or {}
    if not types:
        raise InputError("taxonomy has no [types.NAME] tables", path)
    irregular = {k.lower(): [f.lower() for f in v] for k, v in (data.get("irregular") or {}).items()}
    priority = {name: int(spec.get("priority", 0)) for name, spec in types.items()}
    words: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    third: dict[str, str] = {}
    patterns = []
    # low priority first so that a form shared by two types keeps the higher one
    for name in sorted(types, key=priority.get):
        spec = types[name]
        for lemma in spec.get("verbs", []):
            lemma = lemma.lower()
            for form in _verb_forms(lemma, irregular.get(lemma, [])):
                words[form] = Trigger(name, lemma, "verb")
                third[form] = third_person(lemma)
        for noun in spec.get("nouns", []):
            noun = noun.lower()
            for form in {noun, noun + "s"} if not noun.endswith("s") else {noun}:
                words[form] = nouns[form] = Trigger(name, noun, "noun")
        for pattern in spec.get("patterns", []):
            try:
                patterns.append((re.compile(pattern, re.I), name))
            except re.error as e:
                raise InputError(f"bad pattern for {name}: {pattern!r}: {e}", path) from None
    for lemma, forms in irregular.items():
        for form in forms:
            third.setdefault(form, third_person(lemma))
    senses, subject_senses, window, cue_needed = _senses(str(Path(path).parent / data["senses"]), path, priority) \
        if data.get("senses") else ({}, {}, 4, frozenset())
    readings = _noun_readings(str(Path(path).parent / data["noun_readings"]), path) if data.get("noun_readings") else {}
    if data.get("lexicon"):       # the broad lexicon fills in the forms the types above do not list
        for form, trigger in load_lexicon(str(Path(path).parent / data["lexicon"]), path).items():
            if form not in words:
                words[form] = trigger
                if trigger.pos == "verb":
                    third[form] = third_person(trigger.lemma)
                else:
                    nouns[form] = trigger
    cues = {k: frozenset(w.lower() for w in v) for k, v in (data.get("cues") or {}).items()}
    for word in cues.get("anaphora", ()):
        words.setdefault(word, Trigger(ANAPHOR, word, "anaphor"))
    # each list as a trie (a space matching any run of whitespace): the engine fails on a word's
    # first letters instead of trying every phrase in turn; the same matches as the phrases as a flat
    # alternation, longest first
    cue_res = {k: re.compile(rf"{first_chars(v)}(?<![\w'’])(?:{trie(v)})(?![\w-])", re.I) for k, v in cues.items() if v}
    multi: dict[str, set[int]] = {}
    for form in words:
        parts = form.split()
        if len(parts) > 1:
            multi.setdefault(parts[0], set()).add(len(parts))
    return Taxonomy(path=path, priority=priority,
                    undated=frozenset(n for n, s in types.items() if s.get("undated")),
                    words=words, multi={k: tuple(sorted(v, reverse=True)) for k, v in multi.items()},
                    pattern_re=re.compile("|".join(f"(?P<p{i}>{p.pattern})" for i, (p, _) in enumerate(patterns)), re.I)
                    if patterns else None,
                    pattern_types={f"p{i}": name for i, (_, name) in enumerate(patterns)},
                    pattern_keys=_pattern_keys(p.pattern for p, _ in patterns),
                    pattern_starts=_pattern_starts([p.pattern for p, _ in patterns]),
                    pattern_at=_patterns_at([p.pattern for p, _ in patterns]), cues=cues,
                    cue_res=cue_res, third_person=third,
                    noun_senses={f: nouns[f] for f, t in words.items()
                                 if t.pos == "verb" and f in nouns and nouns[f].type != t.type},
                    agents={name: frozenset(w.lower() for w in spec["agents"])
                            for name, spec in types.items() if spec.get("agents")},
                    senses=senses, subject_senses=subject_senses, sense_window=window, cue_needed=cue_needed,
                    noun_readings=readings,
                    doers={w.lower(): name for name, spec in types.items() for w in spec.get("doers", ())},
                    participants=_participants(types, path))


def _participants(types: dict, path: str) -> dict[str, tuple]:
    """type -> (types taken over by subjects, subject words, types taken over by forces, force
    words, object words), the type's doers among the subject and object words: see the
    taxonomy's header on `participants`."""
    found = {}
    for name, spec in types.items():
        table = spec.get("participants")
        if not table:
            continue
        unknown = [t for t in (*table.get("types", ()), *table.get("force_types", ())) if t not in types]
        if unknown:
            raise InputError(f"participants of {name}: unknown type {unknown[0]}", path)
        doers = [w.lower() for w in spec.get("doers", ())]      # who does its acts takes part in them
        words = {key: frozenset([*(w.lower() for w in table.get(key, ())), *(doers if key != "forces" else ())])
                 for key in ("subjects", "forces", "objects")}
        found[name] = (frozenset(table.get("types", ())), words["subjects"], frozenset(table.get("force_types", ())),
                       words["forces"], words["objects"])
    return found


# every ASCII byte that is a regex word character (\w) -> itself in lower case, every other byte ->
# a space: `split()` then gives an ASCII text's runs of word characters, lower-cased
WORD_BYTES = bytes(ord(chr(c).lower()) if c < 128 and (chr(c).isalnum() or c == 0x5F) else 0x20 for c in range(256))
WORD_BEYOND_ASCII = re.compile(r"[^\W\x00-\x7f]")      # a word character that is not ASCII


@lru_cache(maxsize=8)      # the trigger scan, then the cue index, ask of the same sentence
def ascii_words(text: str) -> bool:
    """Are the text's word characters all ASCII? Curly quotes and dashes are no word characters:
    in news they are the usual reason a sentence is not ASCII."""
    return text.isascii() or WORD_BEYOND_ASCII.search(text) is None


@lru_cache(maxsize=4)      # the clause splitter, then the cue index, ask for the same sentence
def word_runs(text: str) -> Optional[tuple[bytes, ...]]:
    """The text's runs of word characters, lower-cased ASCII bytes; None when a character beyond
    ASCII is a word character. Curly quotes and dashes are not, and as separators they read as a
    space does."""
    if text.isascii():
        return tuple(text.encode("ascii").translate(WORD_BYTES).split())
    if not ascii_words(text):
        return None
    return tuple(text.encode("ascii", "replace").translate(WORD_BYTES).split())      # "?" is a separator


_FIRST_WORDS = re.compile(r"^\\b(?:\(\?:([a-z|' -]+)\)|([a-z]+)(\?)?)")
# the same, the words allowed optional characters ("labou?r", "unions?", "teachers'?")
_FIRST_WORD_SHAPES = re.compile(r"^\\b(?:\(\?:([a-z|' ?-]+)\)|([a-z]+)(\?)?)")
_TOKEN_END = (" ", "\\s", "\\b")      # what may follow a first word that is a whole token


def _pattern_keys(patterns) -> Optional[frozenset[str]]:
    """The words a pattern must start with ("\\b(?:became|becomes) ..." -> became, becomes), so
    that the patterns run only on sentences holding one (None: some pattern has no such word, or
    its first word may run on into a longer one: "walk(?:ed|s)? out" holds no token "walk")."""
    keys: set[str] = set()
    for source in patterns:
        m = _FIRST_WORDS.match(source)
        if not m or not source.startswith(_TOKEN_END, m.end()):
            return None
        words = (m.group(1) or m.group(2)).split("|")
        keys |= {w.split()[0] for w in words}
        if m.group(3):                       # "bombs?": "bomb" too
            keys.add(m.group(2)[:-1])
    return frozenset(keys)


def _pattern_starts(patterns) -> Optional[re.Pattern]:
    """Where a pattern can match: at a word boundary before one of its first words. The letters
    every match of those words begins with ("labou?r": "labo"; "walk(?:ed)?": "walk") as a trie in
    lower case (for lower-cased ASCII text), after a word boundary: the regex engine passes over
    the same letters inside a word ("on" in "nation") itself; matching the patterns at the places
    it finds only finds what scanning every character with all of them finds. None when a
    pattern could start elsewhere (no such first word, a quantifier on it, an alternative at its
    top level) or a first word does not begin with a letter."""
    starts = [_start_letters(source) for source in patterns]
    if not starts or None in starts:
        return None
    return re.compile(r"\b" + trie(_fewest(set().union(*starts))))


def _patterns_at(patterns: list[str]) -> dict[str, re.Pattern]:
    """For each place `_pattern_starts` finds (its letters), the patterns that can begin there, in
    their order and with their group names: the only ones worth trying there ("on" is everywhere;
    only "on strike" begins with it)."""
    starts = [_start_letters(source) for source in patterns]
    if not starts or None in starts:
        return {}
    return {key: re.compile("|".join(f"(?P<p{i}>{source})" for i, (source, own) in enumerate(zip(patterns, starts))
                                     if any(k.startswith(key) for k in own)), re.I)
            for key in _fewest(set().union(*starts))}


def _start_letters(source: str) -> Optional[set[str]]:
    """The letters every match of a pattern begins with, one per first word (None: see _pattern_starts)."""
    m = _FIRST_WORD_SHAPES.match(source)
    if not m or source[m.end():m.end() + 1] in ("?", "*", "+", "{") or _top_level_bar(source):
        return None
    words = [w.split()[0] if w and not w[0].isspace() else "" for w in (m.group(1) or m.group(2)).split("|")]
    keys = {_sure_letters(w) for w in words} | ({m.group(2)[:-1]} if m.group(3) else set())
    return keys if all(re.fullmatch("[a-z]+", k) for k in keys) else None


def _fewest(keys: set[str]) -> list[str]:
    """The keys but those that start with a shorter one (which adds no place to look)."""
    return sorted(k for k in keys if not any(k != o and k.startswith(o) for o in keys))


def _sure_letters(word: str) -> str:
    """The letters every match of a first word begins with: its leading letters, less the last one
    when a quantifier may drop it ("labou?r" -> "labo", "teachers'?" -> "teachers")."""
    letters = re.match("[a-z]*", word).group()
    return letters[:-1] if word[len(letters):len(letters) + 1] in ("?", "*", "{") else letters


def _top_level_bar(source: str) -> bool:
    """Does the regex source hold a '|' outside every group and character class?"""
    depth, i, n = 0, 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 1
        elif c == "[":
            i += 2 if source[i + 1:i + 2] == "^" else 1      # a leading ']' is a literal
            i += 1 if source[i:i + 1] == "]" else 0
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _senses(path: str, taxonomy_path: str, types) -> tuple[dict, dict, int, frozenset]:
    """lemma -> ((type or "NONE", cue words), ...) in the file's order, the same for subjects, the
    window, and the lemmas that need a cue (see senses.toml)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"cannot read the senses file {path}: {e}", taxonomy_path) from None
    senses, subjects, needed = {}, {}, set()
    for lemma, spec in (data.get("words") or {}).items():
        kinds = [(k, frozenset(w.lower() for w in v)) for k, v in spec.items()
                 if k not in ("examples", "subject", "default")]
        by_subject = [(k, frozenset(w.lower() for w in v)) for k, v in (spec.get("subject") or {}).items()]
        unknown = [k for k, _ in kinds + by_subject if k != "NONE" and k not in types]
        if unknown:
            raise InputError(f"senses of '{lemma}': unknown type {unknown[0]}", path)
        senses[lemma.lower()] = tuple(kinds)
        if by_subject:
            subjects[lemma.lower()] = tuple(by_subject)
        if spec.get("default") == "NONE":
            needed.add(lemma.lower())
        elif spec.get("default") is not None:
            raise InputError(f"senses of '{lemma}': default is \"NONE\" or absent", path)
    return senses, subjects, int(data.get("window", 4)), frozenset(needed)


@lru_cache(maxsize=4)
def _noun_readings(path: str, taxonomy_path: str) -> dict[str, str]:
    """form -> reading from a file scripts/build_noun_readings.py writes: per line a form, its
    reading ("noun", "adjective" or "event") and the OEWN senses it comes from."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read the noun readings {path}: {e.strerror or e}", taxonomy_path) from None
    return {fields[0]: fields[1] for fields in (line.split("\t") for line in lines if line and not line.startswith("#"))}


def load_lexicon(path: str, taxonomy_path: str = "") -> dict[str, Trigger]:
    """form -> trigger from a lexicon file (scripts/build_lexicon.py writes it): per line a lemma,
    its part of speech, type and OEWN synset, and its forms joined by '|'."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read the lexicon {path}: {e.strerror or e}", taxonomy_path or path) from None
    out: dict[str, Trigger] = {}
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        try:
            lemma, pos, type_, synset, forms = line.split("\t")
        except ValueError:
            raise InputError(f"line {number}: not 'lemma, pos, type, synset, forms'", path) from None
        trigger = Trigger(type_, lemma, pos, f"oewn:{synset}")
        for form in forms.split("|"):
            out.setdefault(form, trigger)
    return out


@lru_cache(maxsize=8)
def _load(path: str) -> Taxonomy:
    """Compiled once a process, and kept between runs in the user's cache (timeline/cache.py),
    rebuilt when the taxonomy, the files it names or this code change: compiling the lexicon's
    forms and the cue tries was about 470M instructions of every extraction, reading it back ~60M."""
    key = hashlib.sha256(os.path.abspath(path).encode()).hexdigest()[:12]
    try:    # the files it names, from the file as parsed before (parsing it took ~15 ms of every run)
        data = cached(f"taxonomy-source-{key}", [Path(path)], lambda: read_toml(Path(path)))
    except (OSError, tomllib.TOMLDecodeError):
        return _compile(path)       # which says what is wrong with the file
    here = Path(path).parent
    named = [here / data[name] for name in ("senses", "lexicon", "noun_readings") if isinstance(data.get(name), str)]
    sources = [Path(path), *named, Path(__file__), Path(trie_module.__file__)]
    return cached(f"taxonomy-{key}", sources, lambda: _compile(path))


def load_taxonomy(path: Optional[str] = None) -> Taxonomy:
    """The taxonomy at `path`, else $TIMELINE_TAXONOMY, else the bundled one; compiled once."""
    return _load(str(path or os.environ.get(ENV) or DEFAULT))
