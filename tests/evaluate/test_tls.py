"""evaluate-tls on a made-up story in the Timeline17 layout, and on the dev stories when present."""
import json
from pathlib import Path

import pytest

from tests.cli_helpers import ROOT, refused, timeline
from timeline.evaluate.tls import date_f1

pytest.importorskip("rouge_score")

ARTICLES = {
    "2020-03-01": ["A dam burst near Riverton on Sunday , flooding the valley . Rescuers searched for survivors ."],
    "2020-03-02": ["The dam burst on Sunday killed 12 people , officials said on Monday .",
                   "Officials said the dam burst on 1 March killed 12 . The governor visited the valley on Monday ."],
    "2020-03-05": ["Engineers had warned about the dam in 2019 . The governor resigned on Thursday ."],
}
GOLD = [["2020-03-01", ["A dam burst near Riverton , flooding the valley ."]],
        ["2020-03-05", ["The governor resigned ."]]]


def make_story(root: Path) -> Path:
    topic = root / "dam"
    for day, texts in ARTICLES.items():
        folder = topic / "InputDocs" / day
        folder.mkdir(parents=True)
        for k, text in enumerate(texts):
            (folder / f"{k}.htm.txt").write_text(text, encoding="utf-8")
    (topic / "timelines.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    return topic


def test_date_f1():
    assert date_f1(["2020-01-01", "2020-01-02"], ["2020-01-02", "2020-01-03"]) == pytest.approx(0.5)
    assert date_f1([], ["2020-01-01"]) == 0.0


def test_evaluate_tls_reports_each_story_with_baselines(tmp_path):
    make_story(tmp_path)
    r = timeline("evaluate-tls", tmp_path, "--json", "-j", "1")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    (story,) = report["stories"]
    assert story["topic"] == "dam" and story["gold_dates"] == 2 and story["whole"]["articles"] == 4
    assert story["within"]["articles"] == 4 and story["span"] == ["2020-03-01", "2020-03-05"]
    for part in ("whole", "within"):
        assert set(story[part]["f1"]) == {"key", "publications", "time_expressions"}
        assert all(0.0 <= v <= 1.0 for v in story[part]["f1"].values())
        assert 0.0 <= story[part]["rouge1"] <= 1.0 and 0.0 <= story[part]["rouge2"] <= 1.0
        # --key auto: the number of days from the articles (at least the configured minimum)
        assert story[part]["auto_days"] >= 5 and 0.0 <= story[part]["auto_f1"] <= 1.0
        # no choice among the days holding a dated event beats the best one
        assert story[part]["f1"]["key"] <= story[part]["reachable_f1"] <= 1.0
    # the most-published day is 2020-03-02, not in the gold: the baseline cannot be perfect
    assert story["whole"]["f1"]["publications"] < 1.0
    table = timeline("evaluate-tls", tmp_path / "dam", "-j", "1")
    assert table.returncode == 0 and "dam" in table.stdout and "mean" in table.stdout


def test_evaluate_tls_refuses_a_folder_without_stories(tmp_path):
    refused(timeline("evaluate-tls", tmp_path), "no Timeline17 topic")


DEV = ROOT.parent / "shared" / "data" / "tls" / "timeline17-dev"


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/data/tls/timeline17-dev")
def test_dev_stories_score_in_range():
    r = timeline("evaluate-tls", DEV / "H1N1_guardian", "--json", timeout=900)
    assert r.returncode == 0, r.stderr
    (story,) = json.loads(r.stdout)["stories"]
    # 76 files, one of them empty (2009-04-30/476.htm.txt): an empty article is skipped
    assert story["gold_dates"] == 12 and story["whole"]["articles"] == 75
    assert 0.0 < story["whole"]["f1"]["key"] <= story["whole"]["reachable_f1"] <= 1.0
    assert story["within"]["f1"]["key"] <= story["within"]["reachable_f1"]
