"""Which language a document is in: given (--lang, a `lang` field of a JSON/CSV record, the
page's <html lang>) or detected: first by the function words of each pack (a news sentence holds
several of its own language's and none of the others'), then, when those do not tell, by py3langid
(trafilatura's own choice; it ships its model, so nothing is downloaded), consulted only for a
sample the function words leave open, from an uncompressed copy of its model in the cache
(language_model.py: unpacking the shipped one and importing NumPy cost about 1 s a run). The result is an ISO
639-1 code, the name of a pack in timeline/lang/.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Optional

from timeline.cache import cached
from timeline.lang import NEUTRAL, PACKS, load

SAMPLE = 120            # characters read to detect: a news article's first sentence says it
MIN_CONFIDENCE = 0.5    # below this the sample is too short or mixed to tell
# a pack's function words decide when at least this many of its own are in the sample and the
# runner-up has at most a third as many, or when two are and no other language's is (a short line)
MIN_FUNCTION_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*")


def iso639_1(tag: Optional[str]) -> Optional[str]:
    """"fr-FR", "FR", "es_ES" -> "fr", "fr", "es"; None for what is no language tag."""
    m = _TAG.fullmatch(tag or "")
    return m.group(1).lower() if m and len(m.group(1)) == 2 else None


@cache
def _function_words() -> dict[str, str]:
    """Each pack's function words (function_words.toml) -> the pack's language."""
    files = sorted(PACKS.glob("*/function_words.toml"))
    # the packs' names are in the entry's name: the files' own names are all alike
    return cached("function-words-" + "-".join(f.parent.name for f in files), [*files, Path(__file__)],
                  _read_function_words)


def _read_function_words() -> dict[str, str]:
    return {word: pack.name for pack in sorted(PACKS.iterdir()) if (pack / "function_words.toml").is_file()
            for word in load(pack.name, "function_words.toml")["words"]}


def _by_function_words(sample: str) -> Optional[str]:
    """The language whose function words the sample holds, when they tell clearly."""
    owner = _function_words()
    counts: dict[str, int] = {}
    for word in _WORD.findall(sample.lower()):
        lang = owner.get(word)
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    ranked = sorted(counts.values(), reverse=True) + [0]
    lang = max(counts, key=counts.get) if counts else None
    # the neutral pack's words are those of languages without a pack: they leave the sample open
    if lang != NEUTRAL and (ranked[0] >= MIN_FUNCTION_WORDS and ranked[0] >= 3 * ranked[1] or
                            ranked[0] == 2 and ranked[1] == 0):
        return lang
    return None


@cache
def _identifier():
    """py3langid's model from the cache (language_model.py), else py3langid itself."""
    from timeline.read import language_model

    model = language_model.load()
    if model is not None:
        return model
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Optional[str]:
    """The language of `text` from its first characters, or None when unsure."""
    sample = text.lstrip()[:SAMPLE]
    if len(sample.split()) < 3:
        return None
    told = _by_function_words(sample)
    if told:
        return told
    lang, probability = _identifier().classify(sample)
    return lang if probability >= MIN_CONFIDENCE else None
