"""Every rule's examples (timeline/lang/<code>/rules.toml, every pack) are its tests; a failure
names the language and the rule."""
import re

import pytest

from timeline.lang import NEUTRAL, available
from timeline.models import Document
from timeline.times import tag_document
from timeline.times.grammar import grammar

LANGS = sorted(available()) + [NEUTRAL]

_EXAMPLE = re.compile(r"(?P<text>.+?) => (?P<value>\S+)(?: (?P<mod>\S+))?", re.S)   # "\n": a line break


def _examples():
    for lang in LANGS:
        g = grammar(lang)
        for rule in g.rules:
            for example in rule.examples:
                yield pytest.param(lang, rule.name, rule.anchor or g.anchor, rule.policies[0], example,
                                   id=f"{lang}: {rule.name}: {example}" if lang != "en" else f"{rule.name}: {example}")


@pytest.mark.parametrize("lang, rule, anchor, policy, example", list(_examples()))
def test_rule_example(lang, rule, anchor, policy, example):
    m = _EXAMPLE.fullmatch(example)
    assert m, f"rule {rule!r}: example not of the form 'text => value [mod]': {example!r}"
    marked = m.group("text")
    span = re.search(r"\[(.+?)\]", marked)
    text = marked.replace("[", "").replace("]", "")
    want = span.group(1) if span else text
    times = tag_document(Document(id="example", published=anchor, text=text, lang=lang), policy=policy)
    got = [(t.text, t.value, t.mod, t.rule) for t in times]
    hit = [t for t in times if t.text == want]
    assert hit, f"rule {rule!r}: {want!r} not found in {text!r}; got {got}"
    assert (hit[0].value, hit[0].mod) == (m.group("value"), m.group("mod")), \
        f"rule {rule!r}: {want!r} -> {got}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_has_examples(lang):
    assert [r.name for r in grammar(lang).rules if not r.examples] == []


@pytest.mark.parametrize("lang", sorted(available() - {"en"}))
def test_a_language_has_a_hundred_examples(lang):
    """The issue's bar for a new language: 100 examples across its rules."""
    assert sum(len(r.examples) for r in grammar(lang).rules) >= 100
