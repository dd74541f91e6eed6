"""Which language a document is in: given (--lang, a `lang` field of a JSON/CSV record, the
page's <html lang>) or detected with py3langid (trafilatura's own choice; it ships its model, so
nothing is downloaded). The result is an ISO 639-1 code, the name of a pack in timeline/lang/.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Optional

SAMPLE = 120            # characters read to detect: a news article's first sentence says it
MIN_CONFIDENCE = 0.5    # below this the sample is too short or mixed to tell
_TAG = re.compile(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*")


def iso639_1(tag: Optional[str]) -> Optional[str]:
    """"fr-FR", "FR", "es_ES" -> "fr", "fr", "es"; None for what is no language tag."""
    m = _TAG.fullmatch(tag or "")
    return m.group(1).lower() if m and len(m.group(1)) == 2 else None


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Optional[str]:
    """The language of `text` from its first characters, or None when unsure."""
    sample = text.lstrip()[:SAMPLE]
    if len(sample.split()) < 3:
        return None
    lang, probability = _identifier().classify(sample)
    return lang if probability >= MIN_CONFIDENCE else None
