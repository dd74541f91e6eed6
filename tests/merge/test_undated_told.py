"""Undated sources placed by a dated one told in the same words (cluster.undated_told_as_dated):
the same pairs, in the same order, as counting every undated source's words against every dated
source; and an archive's many copies of one undated sentence are not each counted again."""
from collections import defaultdict

from hypothesis import given, settings, strategies as st

import timeline.merge.cluster as _cluster  # noqa: F401  (the package's name is the function)
import sys

from timeline.merge.dates import Span
from timeline.merge.features import Atom
from timeline.merge.rules import load_rules

cluster_module = sys.modules["timeline.merge.cluster"]
WORDS = ["quake", "haiti", "killed", "aid", "flu", "vaccine", "port", "airport"]
DAY = 737800


def reference(atoms):
    """undated_told_as_dated as it was: each undated source's words counted against every dated one."""
    min_words = load_rules().undated_min_words
    by_word = defaultdict(list)
    for j, a in enumerate(atoms):
        if not a.undated:
            for w in a.words:
                by_word[(a.block, a.type, w)].append(j)
    for i, u in enumerate(atoms):
        if not u.undated or len(u.words) < min_words:
            continue
        shared = defaultdict(int)
        for w in u.words:
            for j in by_word.get((u.block, u.type, w), ()):
                shared[j] += 1
        for j, n in sorted(shared.items()):
            if atoms[j].document != u.document and n >= min_words + cluster_module._more_words(u, atoms[j]):
                yield n, i, j


def _atom(k, document, undated, type_, words, start, length, published):
    span = None if undated and published is None else (
        Span(published - 2, published, 1, vague=True) if undated else Span(DAY + start, DAY + start + length, 0))
    return Atom(document=f"d{document}", event=f"e{k}", type=type_, block=("fam", "g"), span=span,
                actors=(), words=frozenset(words), undated=undated, published=published)


ATOM = st.tuples(st.integers(0, 5), st.booleans(), st.sampled_from(["ATTACK", "ATTACK", "AID"]),
                 st.sets(st.sampled_from(WORDS), min_size=2, max_size=6),
                 st.integers(-40, 40), st.sampled_from([0, 0, 1, 30]),
                 st.one_of(st.none(), st.integers(DAY - 40, DAY + 40)))


@settings(max_examples=300, deadline=None)
@given(st.lists(ATOM, max_size=40))
def test_the_same_pairs_in_the_same_order_as_counted_pair_by_pair(specs):
    atoms = [_atom(k, *spec) for k, spec in enumerate(specs)]
    atoms = [a for a in atoms if a.undated or a.span is not None]
    assert list(cluster_module.undated_told_as_dated(atoms)) == list(reference(atoms))


def test_copies_of_one_undated_sentence_read_only_partners_within_reach(monkeypatch):
    """300 articles a day apart each print the same undated sentence; 300 others date a sentence
    sharing three of its words, a day apart too: each copy reads the few dated ones its
    publication day can reach (two weeks before it to a day after), not all 300 (90,000 checks)."""
    words = frozenset(["quake", "haiti", "killed", "port"])
    atoms = [Atom(document=f"u{k}", event="e", type="ATTACK", block=("fam", "g"),
                  span=Span(DAY + k - 2, DAY + k, 1, vague=True), actors=(), words=words,
                  undated=True, published=DAY + k) for k in range(300)]
    atoms += [Atom(document=f"d{k}", event="e", type="ATTACK", block=("fam", "g"), span=Span(DAY + k, DAY + k, 0),
                   actors=(), words=frozenset(["quake", "haiti", "killed", "aid"])) for k in range(300)]
    checked = []
    real = cluster_module._more_words
    monkeypatch.setattr(cluster_module, "_more_words", lambda u, d: checked.append(1) or real(u, d))
    pairs = list(cluster_module.undated_told_as_dated(atoms))
    counted = len(checked)
    assert pairs == list(reference(atoms)) and 300 < len(pairs) < 20 * 300
    assert counted < 20 * 300


@settings(max_examples=200, deadline=None)
@given(st.lists(ATOM, max_size=40), st.booleans())
def test_links_come_strongest_first_as_the_sorted_tuples_give_them(specs, tied):
    """Packed 8 bytes a pair (distinct keys) or sorted as tuples (keys that tie): the order of
    (-words shared, the undated source's key, the dated one's), ties in the order counted."""
    atoms = [_atom(k, *spec) for k, spec in enumerate(specs)]
    atoms = [a for a in atoms if a.undated or a.span is not None]
    key = [(a.document, a.event if not tied else "e") for a in atoms]
    order = sorted(range(len(atoms)), key=key.__getitem__)
    rank = [0] * len(atoms)
    for r, i in enumerate(order):
        rank[i] = r
    expected = [(i, j) for _, i, j in sorted(reference(atoms), key=lambda e: (-e[0], key[e[1]], key[e[2]]))]
    assert list(cluster_module._told_strongest_first(atoms, key, order, rank)) == expected
    monkeypatch_run = cluster_module._RUN
    try:
        cluster_module._RUN = 3         # several sorted runs, merged
        assert list(cluster_module._told_strongest_first(atoms, key, order, rank)) == expected
    finally:
        cluster_module._RUN = monkeypatch_run
