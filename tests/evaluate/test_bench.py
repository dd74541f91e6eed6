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
