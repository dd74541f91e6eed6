"""Issue 2's acceptance test: the user's own example against its gold, checked from the JSON
that `timeline extract` writes (the gold is the user's, kept in tests/fixtures)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "iraq-militia-2021-08-02.txt"
GOLD = json.loads((ROOT / "tests" / "fixtures" / "seed_gold.json").read_text())


@pytest.fixture(scope="module")
def seed_timeline(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "seed.json"
    subprocess.run([sys.executable, "-m", "timeline", "extract", str(SEED), "-o", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text())


@pytest.mark.parametrize("gold", GOLD["time_expressions"], ids=lambda g: g["text"])
def test_seed_time_expression(seed_timeline, gold):
    found = [(t["text"], t["value"], t["mod"]) for t in seed_timeline["time_expressions"]
             if gold["text"].lower() in t["text"].lower()]
    assert any(v == gold["value"] and m == gold.get("mod") for _, v, m in found), found


def test_seed_has_no_time_from_a_non_date(seed_timeline):
    texts = [t["text"] for t in seed_timeline["time_expressions"]]
    assert not [t for t in texts if re.fullmatch(r"[\d,]+", t) and "," in t]
    assert not [t for t in texts if t.strip().lower() in {"gen.", "don", "don’t", "may"}]


def test_seed_events_each_once_with_gold_date_type_and_status(seed_timeline):
    events = seed_timeline["events"]
    used, missing = set(), []
    for gold in GOLD["events"]:
        match = [i for i, e in enumerate(events) if i not in used
                 and e["date"] and e["date"]["value"] == gold["date"]
                 and (e["date"]["mod"] == gold["date_mod"] if gold.get("date_mod") else True)
                 and e["type"] in gold["types"] and e["status"] == gold["status"]]
        if match:
            used.add(match[0])
        else:
            missing.append(gold["id"])
    assert not missing, [(e["type"], e["status"], e["date"] and e["date"]["value"], e["headline"])
                         for e in events]


def test_seed_events_never_dated_from_a_non_date_or_a_wrong_year(seed_timeline):
    for e in seed_timeline["events"]:
        if e["date"]:
            assert re.match(r"^(2020|2021)", e["date"]["value"]), e
