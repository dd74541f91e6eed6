"""The benchmark scripts keep working: a tiny run of bench_times, HeidelTime's span mapping."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parent / "fixtures" / "gold.tml"


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_times_reports_every_stage_as_json(capsys):
    bench = load_script("bench_times")
    assert bench.main([str(GOLD), "--copies", "3", "--runs", "1", "--dateparser-mb", "0.001", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 3 and result["distinct"] == 1
    assert [s["stage"] for s in result["stages"]] == [
        "split_sentences", "times: tag_document", "whole: extract_document", "detect language",
        "dateparser search_dates"]
    assert result["detection_share_of_whole"] > 0
    assert all(s["mb_per_s"] > 0 and s["peak_mb"] >= 0 for s in result["stages"])


def test_heideltime_output_maps_back_to_our_text_by_non_blank_characters():
    peer = load_script("heideltime_peer")
    text = "\nOn Monday,  AT&T said\nprofits rose for three years.\n"
    output = ('<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
              'On <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3>, AT&T said profits rose '
              'for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.\n\n</TimeML>\n')
    found = peer.expressions(output, text, "d")
    assert [(e.text, e.type, e.value) for e in found] == [("Monday", "DATE", "1998-01-05"),
                                                          ("three years", "DURATION", "P3Y")]
    assert all(text[e.start:e.end] == e.text for e in found)


def fake_timeline17(root):
    """Two articles in the Timeline17 layout, one sentence a line."""
    for day, lines in (("2010-01-13", ["A quake struck on Tuesday .", "No cue here at all , none .",
                                       "Aid will arrive next week , officials said ."]),
                       ("2010-01-20", ["The toll rose in January & February ."])):
        folder = root / "topic" / "InputDocs" / day
        folder.mkdir(parents=True)
        (folder / "1.htm.txt").write_text("\n".join(lines) + "\n")


def test_timeline17_draw_is_fixed_by_its_seed_and_keeps_lines_with_a_cue(tmp_path):
    t17 = load_script("timeline17_sentences")
    fake_timeline17(tmp_path)
    first = t17.draw(tmp_path, size=3)
    assert first == t17.draw(tmp_path, size=3)
    assert [s["opens"][:10] for s in first] == ["A quake st", "Aid will a", "The toll r"]
    assert first[1]["offset"] == len("A quake struck on Tuesday .\nNo cue here at all , none .\n")


def test_timeline17_annotations_become_gold_timeml_read_from_the_article(tmp_path, capsys):
    t17 = load_script("timeline17_sentences")
    fake_timeline17(tmp_path)
    item = {"file": "topic/InputDocs/2010-01-20/1.htm.txt", "offset": 0, "opens": "The toll",
            "timex": [{"text": "February", "type": "DATE", "value": "2010-02"},
                      {"text": "January", "type": "DATE", "value": "2010-01", "mod": "END"}]}
    from timeline.read.timeml import parse_timeml
    doc = parse_timeml(t17.timeml(t17.locate(tmp_path, item), item))
    assert doc.dct == "2010-01-20" and doc.text == "The toll rose in January & February ."
    assert [(doc.text[t.start:t.end], t.value, t.attrs.get("mod")) for t in doc.timexes] == [
        ("January", "2010-01", "END"), ("February", "2010-02", None)]
    moved = dict(item, offset=3)
    try:
        t17.locate(tmp_path, moved)
    except SystemExit as stop:
        assert stop.code == 2 and "no sentence opening 'The toll'" in capsys.readouterr().err
    else:
        raise AssertionError("a sentence not found where annotated must stop the script")


def test_timeline17_annotations_locate_their_sentences():
    t17 = load_script("timeline17_sentences")
    items = t17.read_annotations(t17.ANNOTATIONS)
    assert len(items) == t17.SIZE and len({(i["file"], i["offset"]) for i in items}) == t17.SIZE
    for item in items:
        assert item["opens"] and item["file"].count("/") == 3
        for t in item["timex"]:
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["value"]


def test_heideltime_batch_splits_one_run_back_to_each_document(tmp_path, monkeypatch):
    peer = load_script("heideltime_peer")
    doc = '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT><TEXT>{}</TEXT></TimeML>'
    files = []
    for name, text in (("a.tml", "On Monday it fell."), ("b.tml", "It rose for three years.")):
        (tmp_path / name).write_text(doc.format(text))
        files.append((tmp_path / name, Path(name)))
    seen = []

    def fake_run(text, dct, doc_type, workdir, language="english"):
        seen.append((text, dct))
        return ('<TimeML>\nOn <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3> it fell.\n\n'
                'It rose for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.</TimeML>')

    monkeypatch.setattr(peer, "run_heideltime", fake_run)
    out = tmp_path / "out"
    assert peer.tag_batch(files, out, "news", tmp_path) == [(18, 1), (24, 1)]
    assert seen == [("On Monday it fell.\n\nIt rose for three years.", "1998-01-08")]
    from timeline.read.timeml import read_timeml
    b = read_timeml(out / "b.tml")
    assert [(b.text[t.start:t.end], t.value) for t in b.timexes] == [("three years", "P3Y")]


def test_undated_events_counts_news_dates_and_undated(tmp_path, capsys):
    day = tmp_path / "story" / "InputDocs" / "2021-08-02"
    day.mkdir(parents=True)
    (day / "1.txt").write_text("Police arrested two men near the border.\n\nThe talks had failed.\n")
    (day / "2.txt").write_text("")        # an empty article is skipped
    load_script("undated_events").main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "story: 1 articles, 0/1 events undated" in out and "news dates 1" in out
