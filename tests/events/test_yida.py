"""The eleven Yida articles (../shared): each yields the bombing as an ATTACK dated 2011-11-10."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.events import find_events
from timeline.read import Reader
from timeline.text import split_sentences
from timeline.times import tag_document

ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "crossdoc" / "yida-bombing-2011" / "articles"
FILES = sorted(ARTICLES.glob("*.txt")) if ARTICLES.is_dir() else []


@pytest.mark.skipif(not FILES, reason="needs ../shared/data/crossdoc/yida-bombing-2011")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:2])
def test_each_article_yields_the_bombing_on_10_november(path):
    document = next(iter(Reader().documents([str(path)])))
    sentences = split_sentences(document.text)
    times = tag_document(document, sentences)
    attacks = [e for e in find_events(document, sentences, times) if e.type == "ATTACK"]
    # "one bomb ... did not explode": a negated event, not a second bombing
    on_the_day = [e for e in attacks if e.date and e.date.value == "2011-11-10" and e.status != "negated"]
    assert len(on_the_day) == 1, [(e.date and e.date.value, e.headline) for e in attacks]
