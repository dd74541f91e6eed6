"""News false positives (timeline/lang/en/negatives.toml): no time in their examples."""
import pytest

from timeline.models import Document
from timeline.times import tag_document
from timeline.times.grammar import grammar


def _examples():
    seen = set()
    for negatives in grammar().negatives.values():
        for neg in negatives:
            for example in neg.examples:
                if (neg.name, example) not in seen:
                    seen.add((neg.name, example))
                    yield pytest.param(example, id=f"{neg.name}: {example}")


@pytest.mark.parametrize("text", list(_examples()))
def test_negative_example(text):
    times = tag_document(Document(id="neg", published="2021-08-02", text=text))
    assert [(t.text, t.value, t.rule) for t in times] == []
