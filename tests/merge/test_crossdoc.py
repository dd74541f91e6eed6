"""Cross-document evaluation (hand-made gold) and the acceptance cases on real articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluate.crossdoc import evaluate_apple, evaluate_clusters, read_semeval_documents
from timeline.merge.synthetic import day, event, timeline
from timeline.merge import merge_timelines

ROOT = Path(__file__).resolve().parents[2]
YIDA = ROOT.parent / "shared" / "data" / "crossdoc" / "yida-bombing-2011"


def _gold(mentions):
    """Gold with one cross-document cluster per instance: mentions are (instance, file, start, end)."""
    docs: dict = {}
    clusters: dict = {}
    for n, (instance, file, start, end) in enumerate(mentions):
        docs.setdefault(file, []).append({"m_id": str(n), "start": start, "end": end})
        clusters.setdefault(instance, []).append({"file": file, "m_id": str(n)})
    return {"docs": [{"file": f, "events": evs} for f, evs in docs.items()],
            "cross_doc_instances": [{"instance_id": i, "n_docs": len({m["file"] for m in ms}),
                                     "mentions": ms} for i, ms in clusters.items()]}


def test_pairwise_precision_and_recall_over_gold_clusters():
    a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Missile attack on the base", ["Iran"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"), "Missile attack on the base", ["Iran"])])
    c = timeline("c", [event("c", 1, "ATTACK", day("2020-03-01"), "Missile attack on the base", ["Iran"])])
    merged = merge_timelines([a, b, c])
    trig = [(e.mentions[0].document, e.mentions[0].trigger_start, e.mentions[0].trigger_end)
            for tl in (a, b, c) for e in tl.events]
    gold = _gold([("X", *trig[0]), ("X", *trig[1]), ("X", *trig[2]), ("Y", "a", 0, 5)])
    report = evaluate_clusters(merged, gold)
    assert report.clusters_extracted == 1 and report.clusters_split == 1
    assert (report.all_pairs.true_positive, report.all_pairs.system, report.all_pairs.gold) == (1, 1, 3)
    assert report.main_event["documents"] == 2 and report.main_event["date"] == "2020-01-08"


def test_semeval_documents_keep_sentences_and_offsets(tmp_path):
    (tmp_path / "1.tml").write_text(
        '<TimeML><DOCID>1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2008-06-09">x</TIMEX3></DCT>'
        '<TEXT><s id="0">Apple <EVENT eid="e1">launched</EVENT> the phone .</s><s id="1">It sold .</s>'
        '</TEXT></TimeML>', encoding="utf-8")
    (docs, offsets) = read_semeval_documents(tmp_path)
    assert docs[0].id == "1" and docs[0].published == "2008-06-09"
    start, sentence = offsets[("1", "1")]
    assert docs[0].text[start:start + len(sentence)] == "It sold ."


def test_apple_layout_is_required(tmp_path):
    from timeline.errors import InputError
    with pytest.raises(InputError):
        evaluate_apple(str(tmp_path))


def test_al_asad_attack_is_one_event_with_four_sources():
    from timeline.pipeline import extract

    tl = extract([str(ROOT / "samples")])
    asad = [e for e in tl.events if {m.document[:2] for m in e.mentions} >= {"51", "52", "53", "54"}]
    assert len(asad) == 1
    (e,) = asad
    assert e.date.value == "2020-01-08" and [c.value for c in e.conflicts] == ["2020-01-07"]
    assert e.date_conflict


@pytest.mark.skipif(not YIDA.is_dir(), reason="needs the shared Yida articles")
def test_yida_bombing_is_one_event_from_all_eleven_articles():
    from timeline.evaluate.crossdoc import evaluate_yida

    tl, report = evaluate_yida(str(YIDA))
    main = report.main_event
    assert main["events"] == 1 and main["documents"] == 11 and main["date"] == "2011-11-10"


@pytest.mark.skipif(not YIDA.is_dir(), reason="needs the shared Yida articles")
def test_no_other_yida_gold_cluster_is_split():
    from timeline.evaluate.crossdoc import evaluate_yida

    _, report = evaluate_yida(str(YIDA))
    assert report.clusters_split == 0, report.split


def test_gvc_pairs_of_documents_linked_by_one_event_against_gold_incidents():
    from timeline.evaluate.crossdoc import evaluate_gvc_clusters

    def shooting(doc, date, headline):
        return timeline(doc, [event(doc, 1, "DEATH_INJURY", day(date), headline, ["Dan Caron"], "shot")])

    merged = merge_timelines([shooting("a", "2016-10-21", "Dan Caron shot dead in his driveway"),
                              shooting("b", "2016-10-21", "Dan Caron shot dead in his driveway"),
                              shooting("c", "2016-10-21", "Dan Caron shot dead in his driveway"),
                              shooting("d", "2016-03-07", "Woman shot in Roundup")])
    mention = {m.document: m for e in merged.events for m in e.mentions}
    gold = {"documents": [{"file": f, "incident": inc, "mentions": [
        {"start": mention[f].start, "end": mention[f].start + 4, "text": "x", "kind": "death"}]}
        for f, inc in (("a", "1"), ("b", "1"), ("c", "2"), ("d", "3"))]}
    report = evaluate_gvc_clusters(merged, gold)
    # a, b, c linked: 3 pairs, 1 right (a-b); gold pairs: a-b only
    assert (report.pairs.true_positive, report.pairs.system, report.pairs.gold) == (1, 3, 1)
    assert report.multi_article_incidents == 1 and report.incidents_whole == 1
    assert report.summary().startswith("GVC pairwise precision 0.333 (1/3) recall 1.000 (1/1)")
    assert report.table().splitlines()[-1] == report.summary()


def test_gvc_layout_is_required(tmp_path):
    from timeline.errors import InputError
    from timeline.evaluate.crossdoc import evaluate_gvc
    with pytest.raises(InputError):
        evaluate_gvc(str(tmp_path))


def test_evaluate_crossdoc_gvc_ends_with_the_one_line_summary(tmp_path):
    import json
    import subprocess
    import sys

    body = "A gunman shot and killed Dan Caron, 63, outside a bar in Bristol on Friday, police said.\n"
    (tmp_path / "articles").mkdir()
    docs = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / "articles" / name).write_text(f"title: Shooting\npublished: 2016-10-23\n\n{body}",
                                                  encoding="utf-8")
        start = body.index("killed")
        docs.append({"file": name, "incident": "1", "published": "2016-10-23", "title": "Shooting",
                     "mentions": [{"start": start, "end": start + 6, "text": "killed", "kind": "death"}]})
    (tmp_path / "gold.json").write_text(json.dumps({"split": "test", "documents": docs}), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "timeline", "evaluate-crossdoc", "--gvc", str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith("GVC pairwise precision 1.000 (1/1) recall 1.000 (1/1)")
