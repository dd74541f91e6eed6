"""News false positives (timeline/lang/<code>/negatives.toml): no time in their examples."""
import pytest

from timeline.lang import available
from timeline.models import Document
from timeline.times import tag_document
from timeline.times.grammar import grammar


def _examples():
    seen = set()
    for lang in sorted(available()):
        for negatives in grammar(lang).negatives.values():
            for neg in negatives:
                for example in neg.examples:
                    if (lang, neg.name, example) not in seen:
                        seen.add((lang, neg.name, example))
                        yield pytest.param(lang, example, id=f"{neg.name}: {example}" if lang == "en"
                                           else f"{lang}: {neg.name}: {example}")


@pytest.mark.parametrize("lang, text", list(_examples()))
def test_negative_example(lang, text):
    times = tag_document(Document(id="neg", published="2021-08-02", text=text, lang=lang))
    assert [(t.text, t.value, t.rule) for t in times] == []
