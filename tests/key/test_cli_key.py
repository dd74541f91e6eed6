"""--key, --from, --to as users run them."""
import json

from tests.cli_helpers import SEED, refused, timeline


def test_extract_key_and_period(tmp_path):
    out = tmp_path / "t.json"
    r = timeline("extract", SEED, "--key", "2", "-o", out, "-q")
    assert r.returncode == 0, r.stderr
    events = json.loads(out.read_text())["events"]
    assert 0 < len(events) <= 2
    assert len({e["date"]["start"] for e in events}) == len(events)
    assert all(e["summary"] and e["evidence"]["sentence"] and 0 <= e["salience"] <= 1 for e in events)
    r = timeline("extract", SEED, "--from", "2021", "--to", "2021", "-o", out, "-q")
    assert r.returncode == 0, r.stderr
    events = json.loads(out.read_text())["events"]
    assert events and all(e["date"]["start"] >= "2021-01-01" and e["date"]["end"] <= "2021-12-31" for e in events)


def test_bad_key_and_period_are_refused(tmp_path):
    refused(timeline("extract", SEED, "--key", "none"), "--key")
    refused(timeline("build", SEED, "--from", "2021-13-01", "-o", tmp_path / "x.html"), "--from", "not a date")
    refused(timeline("extract", SEED, "--jsonl", "--key", "3"), "--jsonl")
    refused(timeline("build", SEED, "--from", "2021-06", "--to", "2021-05-31", "-o", tmp_path / "x.html"),
            "--to", "ends before it starts")
    assert not (tmp_path / "x.html").exists()
