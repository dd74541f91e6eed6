"""Type accuracy on the sentences typed blind from the RAMS windows and the Timeline17 articles
(type_labels_blind.tsv; the text stays in ../shared: the test skips without it)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.events.finder import analyse
from timeline.models import Document
from timeline.read import Reader
from timeline.text import split_sentences
from timeline.times import tag_document

HERE = Path(__file__).resolve().parent
LABELS = HERE.parents[1] / "timeline" / "events" / "type_labels_blind.tsv"
SHARED = HERE.parents[1].parent / "shared" / "data"
RAMS = SHARED / "events" / "rams-dev" / "dev.jsonlines"
TIMELINE17 = SHARED / "tls" / "timeline17-dev"
# measured when the labels were written (48.75% before and after issue 14's status, headline and
# place changes): a change that loses sentences here fails
FLOOR = 0.48


def _window_text(window: dict) -> str:
    """A RAMS window's tokens as running text (no space before punctuation or a clitic)."""
    text = " ".join(" ".join(s) for s in window["sentences"])
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    return re.sub(r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1", re.sub(r"([(\[$]) ", r"\1", text))


def _labels() -> list[list[str]]:
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_labels_are_many_and_well_formed():
    from timeline.events.taxonomy import load_taxonomy
    rows = _labels()
    types = set(load_taxonomy().priority) | {"NONE"}
    assert len(rows) >= 150
    assert all(len(r) == 4 and r[0] in ("rams", "t17") and r[3] in types for r in rows)


@pytest.mark.skipif(not (RAMS.is_file() and TIMELINE17.is_dir()), reason="needs ../shared/data (RAMS, Timeline17)")
def test_blind_type_accuracy_holds():
    windows = {w["doc_key"]: w for w in map(json.loads, RAMS.read_text(encoding="utf-8").splitlines())}
    right, missing = 0, []
    rows = _labels()
    for corpus, key, opening, gold in rows:
        document = Document(id=key, text=_window_text(windows[key])) if corpus == "rams" else \
            next(iter(Reader().documents([str(TIMELINE17 / key)])))
        sentences = split_sentences(document.text)
        events, traces = analyse(document, sentences, tag_document(document, sentences, "news"))
        typed = {(m.trigger_start, m.trigger_end): e.type for e in events for m in e.mentions}
        trace = next((t for t in traces if " ".join(t.text.split()).startswith(opening)), None)
        if trace is None:
            missing.append(opening)
            continue
        ours = next((typed[(c.trigger_start, c.trigger_end)] for c in trace.candidates
                     if (c.trigger_start, c.trigger_end) in typed), "NONE")
        right += ours == gold
    assert missing == []
    assert right / len(rows) >= FLOOR, f"{right} of {len(rows)}"
