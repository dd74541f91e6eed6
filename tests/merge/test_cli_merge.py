"""`timeline merge A.json B.json... [-o merged.json]`."""
from __future__ import annotations

import subprocess
import sys

from timeline.models import Timeline
from timeline.merge.synthetic import day, event, timeline


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "timeline", "merge", *args], cwd=cwd,
                          capture_output=True, text=True)


def _write(path, tl):
    path.write_text(tl.model_dump_json(indent=2), encoding="utf-8")
    return str(path)


def test_merge_files_and_merge_again_changes_nothing(tmp_path):
    a = _write(tmp_path / "a.json", timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"),
                                                          "Missile strike on the base", ["Iran"])]))
    b = _write(tmp_path / "b.json", timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"),
                                                          "Missile strike on al-Asad base", ["Iran"])]))
    out = tmp_path / "ab.json"
    r = _run(a, b, "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    merged = Timeline.model_validate_json(out.read_text())
    assert len(merged.events) == 1 and len(merged.documents) == 2
    again = _run(str(out), str(out), b, cwd=tmp_path)
    assert again.returncode == 0 and Timeline.model_validate_json(again.stdout) == merged


def test_bad_files_give_one_line_naming_the_file(tmp_path):
    good = _write(tmp_path / "good.json", timeline("a", []))
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"rows": []}', encoding="utf-8")
    for name, problem in [("broken.json", "malformed JSON"), ("other.json", "not a timeline"),
                          ("missing.json", "cannot read")]:
        r = _run(good, str(tmp_path / name), cwd=tmp_path)
        assert r.returncode == 2
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0] and problem in lines[0], r.stderr
        assert "Traceback" not in r.stderr


def test_evaluate_crossdoc_needs_a_data_folder(tmp_path):
    r = subprocess.run([sys.executable, "-m", "timeline", "evaluate-crossdoc"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert r.returncode == 2 and "--yida" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "timeline", "evaluate-crossdoc", "--yida", str(tmp_path)],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 2 and str(tmp_path) in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_explain_on_several_articles_tells_why_events_merged_and_what_was_refused(tmp_path):
    stories = {"a.txt": "2016-10-21", "b.txt": "2016-10-21", "c.txt": "2016-10-23"}
    for name, published in stories.items():
        (tmp_path / name).write_text(f"published: {published}\n\nA gunman shot and killed Dan Caron, 63, "
                                     f"outside a bar in Bristol on {published}, police said.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "timeline", "explain", "a.txt", "b.txt", "c.txt"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    merges = r.stdout.split("# merging", 1)[1]
    assert "source  a.txt" in merges and "source  b.txt" in merges
    assert "refused" in merges and "days apart" in merges
