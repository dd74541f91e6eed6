"""Every rule's examples (timeline/lang/en/rules.toml) are its tests; a failure names the rule."""
import re

import pytest

from timeline.models import Document
from timeline.times import tag_document
from timeline.times.grammar import grammar

_EXAMPLE = re.compile(r"(?P<text>.+?) => (?P<value>\S+)(?: (?P<mod>\S+))?", re.S)   # "\n": a line break


def _examples():
    g = grammar()
    for rule in g.rules:
        for example in rule.examples:
            yield pytest.param(rule.name, rule.anchor or g.anchor, rule.policies[0], example,
                               id=f"{rule.name}: {example}")


@pytest.mark.parametrize("rule, anchor, policy, example", list(_examples()))
def test_rule_example(rule, anchor, policy, example):
    m = _EXAMPLE.fullmatch(example)
    assert m, f"rule {rule!r}: example not of the form 'text => value [mod]': {example!r}"
    marked = m.group("text")
    span = re.search(r"\[(.+?)\]", marked)
    text = marked.replace("[", "").replace("]", "")
    want = span.group(1) if span else text
    times = tag_document(Document(id="example", published=anchor, text=text), policy=policy)
    got = [(t.text, t.value, t.mod, t.rule) for t in times]
    hit = [t for t in times if t.text == want]
    assert hit, f"rule {rule!r}: {want!r} not found in {text!r}; got {got}"
    assert (hit[0].value, hit[0].mod) == (m.group("value"), m.group("mod")), \
        f"rule {rule!r}: {want!r} -> {got}"


def test_every_rule_has_examples():
    assert [r.name for r in grammar().rules if not r.examples] == []
