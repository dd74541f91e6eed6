"""Names and words in a comparable form: "U.S."/"US", "al-Asad"/"Asad", "strikes"/"strike"."""
from __future__ import annotations

import re
import sys
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Prefix

from timeline.merge.rules import load_rules

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_TOKEN_RATIO = 88   # two name tokens of 4+ letters within this rapidfuzz ratio are one ("Asad"/"Assad")


def _token(raw: str) -> str:
    rules = load_rules()
    for prefix in rules.prefixes:
        if raw.startswith(prefix) and len(raw) > len(prefix) + 1:
            raw = raw[len(prefix):]
            break
    return stem(raw.replace("-", ""))


def stem(word: str) -> str:
    rules = load_rules()
    for suffix in rules.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= rules.min_word:
            return word[: -len(suffix)]
    return word


def _spelling(text: str) -> str:
    rules = load_rules()
    lower = text.lower().replace("\u2019", "'")
    return rules.replace_re.sub(lambda m: rules.replace[m.group(0)], lower)


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name as sorted, de-duplicated comparable tokens ("the U.S. Marines" -> ("marin", "us"))."""
    stop = load_rules().stopwords
    tokens = {_token(t) for t in _TOKEN.findall(_spelling(name)) if t not in stop}
    return tuple(sorted(t for t in tokens if t))


@lru_cache(maxsize=200_000)
def content_words(text: str) -> frozenset[str]:
    """The words of a headline or trigger worth comparing: no stop words, light stemming (each
    word one string wherever it is met)."""
    return frozenset(map(sys.intern, _words(text)))


@lru_cache(maxsize=100_000)
def sentence_words(sentence: str) -> tuple[str, ...]:
    """`content_words` of a sentence, sorted, each word one string wherever it is met: as a tuple,
    a fifth of a set's memory (a story's copies repeat their sentences: the same tuple)."""
    return tuple(sorted(map(sys.intern, _words(sentence))))


def _words(text: str) -> set[str]:
    rules = load_rules()
    return {_token(raw) for raw in _TOKEN.findall(_spelling(text))
            if raw not in rules.stopwords and (len(raw) >= rules.min_word or raw.isdigit())}


def _same_token(a: str, b: str) -> bool:
    if a == b:
        return True
    rules = load_rules()
    if min(len(a), len(b)) < rules.min_stem:
        return False
    common = Prefix.similarity(a, b)
    if common >= rules.min_stem and max(len(a), len(b)) - common <= rules.max_suffix:
        return True
    return fuzz.ratio(a, b) >= _TOKEN_RATIO


@lru_cache(maxsize=200_000)
def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names (as name_tokens) are one: tokens unified pairwise, then rapidfuzz token_set_ratio."""
    if not a or not b:
        return False
    if a == b:
        return True
    if b < a:   # one answer whatever the order of the pair
        a, b = b, a
    if min(len(a), len(b)) == 1 and max(len(a), len(b)) > load_rules().max_words_around_one:
        return False
    unified = tuple(next((x for x in a if _same_token(x, y)), y) for y in b)
    return fuzz.token_set_ratio(" ".join(a), " ".join(unified)) >= load_rules().actor_min_ratio

