"""The event evaluation on a hand-written TimeML document (and on TBAQ when ../shared is here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluate.events import _anchors, evaluate_events
from timeline.models import Interval, TimeExpression

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2011-11-11" temporalFunction="false" functionInDocument="CREATION_TIME">2011-11-11</TIMEX3></DCT>
<TEXT>
Sudan <EVENT eid="e1" class="OCCURRENCE">bombed</EVENT> the camp on <TIMEX3 tid="t1" type="DATE" value="2011-11-10">Thursday</TIMEX3>. Officials <EVENT eid="e2" class="REPORTING">said</EVENT> the town <EVENT eid="e3" class="STATE">was</EVENT> calm. Rebels <EVENT eid="e4" class="OCCURRENCE">fled</EVENT>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei1" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei4" relatedToTime="t0" />
</TimeML>
"""


def _tagger(document, sentences, policy):
    start = document.text.index("Thursday")
    return [TimeExpression(document=document.id, text="Thursday", start=start, end=start + 8, type="DATE",
                           value="2011-11-10", rule="stub",
                           interval=Interval(start="2011-11-10", end="2011-11-10", granularity="day"))]


def test_anchors_read_both_directions():
    assert _anchors(TML) == [("e1", "t1"), ("e4", "t0")]


def test_triggers_and_dates_on_a_small_document(tmp_path):
    (tmp_path / "t1.tml").write_text(TML, encoding="utf-8")
    report = evaluate_events([str(tmp_path)], tagger=_tagger).as_dict()
    items = report["triggers_items"]
    assert items["gold"] == 2 and items["system"] == 1 and items["correct"] == 1
    assert items["precision"] == 100.0 and items["recall"] == 50.0
    dates = report["dates_timex_in_text"]
    assert dates["anchored"] == 1 and dates["correct"] == 1 and dates["share_correct"] == 100.0
    assert report["dates_document_time"]["anchored"] == 1


TBAQ = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "timeml" / "TBAQ-cleaned"


@pytest.mark.skipif(not TBAQ.is_dir(), reason="needs ../shared/data/timeml/TBAQ-cleaned")
def test_tbaq_runs_and_items_are_precise():
    report = evaluate_events([str(TBAQ / "TimeBank")]).as_dict()
    assert report["documents"] > 100
    assert report["triggers_items"]["precision"] > 50


def test_type_accuracy_on_labelled_sentences(tmp_path):
    from timeline.evaluate.events import evaluate_types
    (tmp_path / "a.txt").write_text("published: 2021-08-02\n\nRebels attacked the town. The weather was fine.\n",
                                    encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("# file\topening\ttype\na.txt\tRebels attacked\tATTACK\na.txt\tThe weather\tNONE\n"
                      "b.txt\tNowhere\tNONE\n", encoding="utf-8")
    report = evaluate_types(str(labels), [str(tmp_path)], tagger=lambda d, s, p: [])
    assert report.total == 2 and report.correct == 2 and len(report.missing) == 1


def test_type_labels_of_rams_windows_and_corpus_paths(tmp_path):
    """Rows of four columns: a RAMS window by its key, an article by its path under an input folder;
    an opening written from tokenised text ("Rebels ' raid") finds its sentence."""
    import json

    from timeline.evaluate.events import evaluate_types
    windows = tmp_path / "dev.jsonlines"
    windows.write_text(json.dumps({"doc_key": "w1", "sentences": [["Rebels", "'", "raid", "began", "."]]}) + "\n",
                       encoding="utf-8")
    (tmp_path / "story" / "2021-08-02").mkdir(parents=True)
    (tmp_path / "story" / "2021-08-02" / "a.txt").write_text("Troops attacked the town.\n", encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("rams\tw1\tRebels ' raid\tNONE\nt17\t2021-08-02/a.txt\tTroops attacked\tNONE\n",
                      encoding="utf-8")
    report = evaluate_types(str(labels), [str(windows), str(tmp_path / "story")], tagger=lambda d, s, p: [])
    assert report.missing == [] and report.total == 2
    assert json.loads(report.to_json())["sentences"] == 2


def test_type_labels_with_a_bad_row_name_the_file_and_line(tmp_path):
    from tests.cli_helpers import refused, timeline
    labels = tmp_path / "labels.tsv"
    labels.write_text("# comment\na.txt\tonly two\n", encoding="utf-8")
    refused(timeline("evaluate-events", "--types", labels, tmp_path), "labels.tsv", "line 2")


SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "crossdoc" / "yida-bombing-2011"
LABELS = Path(__file__).resolve().parents[2] / "timeline" / "events" / "type_labels.tsv"


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data/crossdoc")
def test_type_accuracy_on_the_hand_typed_set():
    from timeline.evaluate.events import evaluate_types
    samples = Path(__file__).resolve().parents[2] / "samples"
    report = evaluate_types(str(LABELS), [str(SHARED), str(samples)])
    assert report.total >= 150 and not report.missing
    assert report.correct / report.total >= 0.6
