"""Type accuracy on the sentences typed blind from the RAMS windows and the Timeline17 articles
(type_labels_blind.tsv; the text stays in ../shared: the test skips without it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluate.events import evaluate_types

HERE = Path(__file__).resolve().parent
LABELS = HERE.parents[1] / "timeline" / "events" / "type_labels_blind.tsv"
SHARED = HERE.parents[1].parent / "shared" / "data"
RAMS = SHARED / "events" / "rams-dev" / "dev.jsonlines"
TIMELINE17 = SHARED / "tls" / "timeline17-dev"
# measured when the labels were written (48.75% before and after issue 14's status, headline and
# place changes): a change that loses sentences here fails
FLOOR = 0.48


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
    report = evaluate_types(str(LABELS), [str(RAMS), str(TIMELINE17)])
    assert report.missing == []
    assert report.correct / report.total >= FLOOR, f"{report.correct} of {report.total}"
