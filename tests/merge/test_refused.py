"""Clustering that keeps only the refused links a merged event shows (cluster(most_refused=...))
gives each group the reason lines that keeping them all gives, on generated worlds and on the
samples."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from timeline.merge import _same_event
from timeline.merge.build import MAX_REFUSED_SHOWN
from timeline.merge.cluster import cluster, refusal
from timeline.merge.features import atom, mentions_of, sources_of, with_siblings
from timeline.pipeline import extract_document
from timeline.read import read_inputs

sys.path.insert(0, str(Path(__file__).parent))
from test_properties import worlds  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_helpers import ROOT  # noqa: E402


def atoms_of(per_document):
    """(atoms, forced) as merge_timelines makes them, from (document, events) pairs."""
    made = [(e, s, mentions_of(e, s)) for document, events in per_document for e in events
            for s in sources_of(e)]
    published = {document.id: document.published for document, _ in per_document}
    atoms = with_siblings([atom(s, [m.sentence for m in ms], published.get(s.document), ms) for _, s, ms in made])
    return atoms, _same_event(made)


def shown(atoms, clusters) -> list[tuple[list[int], list[str]]]:
    lines = [[refusal(atoms[other].headline, atoms[other].document, why) for _, _, other, why in refused]
             for refused in clusters.refused]
    return [(g, list(dict.fromkeys(ls))[:MAX_REFUSED_SHOWN]) for g, ls in zip(clusters.groups, lines)]


def check(atoms, forced) -> int:
    whole = cluster(atoms, forced)
    kept = cluster(atoms, forced, most_refused=MAX_REFUSED_SHOWN)
    assert shown(atoms, kept) == shown(atoms, whole)
    assert all(len(r) <= MAX_REFUSED_SHOWN for r in kept.refused)
    return sum(map(len, whole.refused))


@settings(max_examples=200, deadline=None)
@given(worlds(), st.integers(1, 4))
def test_the_lines_shown_are_those_of_all_refused_links(world, copies):
    # copies of a world's documents under other names: the same reports refused again and again
    check(*atoms_of([(d.model_copy(update={"id": f"{d.id}-{c}"}), [e.model_copy(update={"mentions": [
        m.model_copy(update={"document": f"{d.id}-{c}"}) for m in e.mentions]}) for e in events])
        for c in range(copies) for d, _, events in world]))


DEV = ROOT.parent / "shared" / "data" / "tls" / "timeline17-dev" / "H1N1_bbc" / "InputDocs"


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/data/tls/timeline17-dev")
def test_a_story_refuses_many_links_and_shows_the_same_lines():
    timelines = [extract_document(doc) for doc in read_inputs([str(DEV)])]
    refused = check(*atoms_of([(tl.documents[0], tl.events) for tl in timelines]))
    assert refused > 10 * MAX_REFUSED_SHOWN
