"""TimeML in and out, and the TempEval-3 Task A scorer, on hand-written fixtures."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.evaluate import annotate, score
from timeline.evaluate.timeml import CLASSES, Span, align, expression_class
from timeline.models import TimeExpression
from timeline.read.timeml import parse_timeml, read_timeml, write_timeml

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "gold.tml"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "timeml"


def expr(doc, phrase, type_, value, mod=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    return TimeExpression(document="d1", text=phrase, start=start, end=start + len(phrase), type=type_,
                          value=value, mod=mod, rule="test")


def system_dir(tmp_path, expressions_of):
    doc = read_timeml(GOLD)
    out = tmp_path / "system"
    out.mkdir()
    (out / GOLD.name).write_text(write_timeml(doc, expressions_of(doc)))
    return out


def cli(*args):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], capture_output=True, text=True)


# reading

def test_reads_dct_text_and_gold_offsets_into_the_tag_stripped_text():
    doc = read_timeml(GOLD)
    assert doc.dct == "1998-01-08" and doc.docid == "d1"
    assert doc.text == "\nOn Monday the bank said profits rose for three years, & shares fell now. It reports weekly.\n"
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("Monday", "DATE", "1998-01-05"), ("three years", "DURATION", "P3Y"),
        ("now", "DATE", "PRESENT_REF"), ("weekly", "SET", "P1W")]
    assert doc.document().published == "1998-01-08"


@pytest.mark.parametrize("bad", [
    "<TimeML><TEXT>On <TIMEX3>Monday</TEXT></TimeML>",
    "<TimeML><DCT></DCT></TimeML>",
    "not xml at all",
])
def test_malformed_timeml_is_an_input_error_naming_the_file(bad):
    with pytest.raises(InputError, match="^bad.tml: malformed TimeML"):
        parse_timeml(bad, "bad.tml")


# writing

def test_writing_nothing_strips_gold_timex3_and_keeps_everything_else():
    doc = read_timeml(GOLD)
    out = write_timeml(doc, [])
    raw = GOLD.read_text()
    assert out.count("<TIMEX3") == 1                      # the DCT's
    assert '<EVENT eid="e1" class="REPORTING">said</EVENT>' in out and "&amp; shares" in out
    assert out[:out.index("<TEXT>")] == raw[:raw.index("<TEXT>")]
    assert out[out.index("</TEXT>"):] == raw[raw.index("</TEXT>"):]
    assert read_timeml(GOLD).text == parse_timeml(out).text


def test_written_timex3_carry_tid_type_value_mod_and_avoid_the_dct_tid():
    doc = read_timeml(GOLD)
    out = write_timeml(doc, [expr(doc, "Monday", "DATE", "1998-01-05"),
                             expr(doc, "now", "DATE", "PRESENT_REF", mod="APPROX")])
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3>' in out
    assert '<TIMEX3 tid="t2" type="DATE" value="PRESENT_REF" mod="APPROX">now</TIMEX3>' in out


def test_a_span_crossing_an_event_drops_that_event_tag_and_stays_well_formed():
    doc = read_timeml(GOLD)
    out = write_timeml(doc, [expr(doc, "profits rose", "DATE", "XXXX"),      # crosses <EVENT>rose for</EVENT>
                             expr(doc, "bank said", "DATE", "XXXX"),         # contains <EVENT>said</EVENT>
                             expr(doc, "fell", "DATE", "XXXX")])             # same span as <SIGNAL>
    ET.fromstring(out)
    again = parse_timeml(out)
    assert again.text == doc.text
    assert 'eid="e2"' not in out and ">profits rose</TIMEX3> for three" in out
    assert '>bank <EVENT eid="e1" class="REPORTING">said</EVENT></TIMEX3>' in out
    assert '<SIGNAL sid="s1"><TIMEX3 tid="t3" type="DATE" value="XXXX">fell</TIMEX3></SIGNAL>' in out


def test_overlapping_expressions_keep_the_first():
    doc = read_timeml(GOLD)
    out = write_timeml(doc, [expr(doc, "three years", "DURATION", "P3Y"), expr(doc, "years", "DURATION", "P1Y")])
    assert [(t.value) for t in parse_timeml(out).timexes] == ["P3Y"]


# scoring

def test_gold_against_itself_scores_100():
    m = score(GOLD, GOLD).metrics()
    assert (m["gold"], m["system"], m["relaxed_matches"], m["strict_matches"]) == (4, 4, 4, 4)
    for key in ("relaxed", "strict"):
        assert m[key] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    assert m["type"] == m["value"] == {"accuracy": 100.0, "f1": 100.0}


def damaged(doc):
    return [
        expr(doc, "Monday", "DATE", "1998-01-12"),     # strict, type right, value wrong
        expr(doc, "profits", "DATE", "XXXX"),          # spurious
        expr(doc, "three", "DURATION", "P3M"),         # relaxed only (pairs with "three years"), value wrong
        expr(doc, "years", "DURATION", "P2Y"),         # overlaps the same gold: one-to-one, so spurious
        expr(doc, "now", "TIME", "PRESENT_REF"),       # strict, type wrong, value right
    ]                                                  # "weekly" missed


def test_every_number_on_a_damaged_system(tmp_path):
    m = score(FIXTURES, system_dir(tmp_path, damaged)).metrics()
    # gold 4, system 5; pairs: Monday, three~three years, now; identical spans: Monday, now
    assert (m["gold"], m["system"], m["relaxed_matches"], m["strict_matches"]) == (4, 5, 3, 2)
    assert m["relaxed"] == {"precision": 60.0, "recall": 75.0, "f1": 66.67}     # 2*.6*.75/1.35
    assert m["strict"] == {"precision": 40.0, "recall": 50.0, "f1": 44.44}      # 2*.4*.5/.9
    assert m["type"] == {"accuracy": 66.67, "f1": 44.44}                        # 2/3 x 2/3
    assert m["value"] == {"accuracy": 33.33, "f1": 22.22}                       # 1/3 x 2/3


def test_errors_list_each_problem_in_text_order(tmp_path):
    report = score(FIXTURES, system_dir(tmp_path, damaged))
    errors = json.loads(report.to_json(errors=True))["errors"]
    assert [(e["problems"], (e["gold"] or e["system"])["text"]) for e in errors] == [
        (["value"], "Monday"), (["spurious"], "profits"), (["span", "value"], "three years"),
        (["spurious"], "years"), (["type"], "now"), (["missed"], "weekly")]
    assert errors[0]["system"]["value"] == "1998-01-12" and errors[0]["gold"]["value"] == "1998-01-05"
    assert "[weekly]" in errors[-1]["context"] and errors[-1]["file"] == "gold.tml"


def test_pairs_are_one_to_one_left_to_right():
    def span(start, end):
        return Span(start, end, start, end, "", "DATE", "", "")
    gold = [span(0, 5), span(6, 10)]
    system = [span(3, 8)]
    assert align(gold, system) == [(gold[0], system[0])]
    assert align([span(0, 10)], [span(0, 2), span(4, 6)]) == [(span(0, 10), span(0, 2))]


def test_spans_are_compared_without_whitespace(tmp_path):
    respaced = GOLD.read_text().replace("the bank", "the   bank").replace(">Monday<", "> Monday <")
    (tmp_path / "gold.tml").write_text(respaced)
    m = score(GOLD, tmp_path / "gold.tml").metrics()
    assert m["strict"]["f1"] == 100.0


def test_a_system_with_other_text_or_no_file_is_an_error(tmp_path):
    (tmp_path / "gold.tml").write_text(GOLD.read_text().replace("profits", "losses"))
    with pytest.raises(InputError, match="TEXT differs"):
        score(GOLD, tmp_path / "gold.tml")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "other.tml").write_text(GOLD.read_text())
    with pytest.raises(InputError, match="no system file for gold.tml"):
        score(FIXTURES, tmp_path / "other")


# commands

def test_annotate_tags_the_plain_text_with_the_dct_as_publication_date(tmp_path, monkeypatch):
    seen = {}

    def fake_tagger(document, sentences=None, policy="news"):
        seen.update(published=document.published, policy=policy)
        return [expr(document, "weekly", "SET", "P1W")]

    monkeypatch.setattr("timeline.times.tag_document", fake_tagger)
    written = annotate([str(FIXTURES)], tmp_path / "out", policy="narrative")
    assert written == [(tmp_path / "out" / "gold.tml", 1)]
    assert seen == {"published": "1998-01-08", "policy": "narrative"}
    assert [t.value for t in read_timeml(tmp_path / "out" / "gold.tml").timexes] == ["P1W"]


def test_cli_timeml_then_score(tmp_path):
    run = cli("timeml", GOLD, "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "gold.tml").exists()
    run = cli("score", FIXTURES, FIXTURES, "--json")
    assert run.returncode == 0 and json.loads(run.stdout)["value"]["f1"] == 100.0
    table = cli("score", GOLD, GOLD).stdout
    assert "relaxed   100.00  100.00  100.00" in table and "value     100.00  100.00" in table


def test_cli_malformed_timeml_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed</TimeML>")
    run = cli("timeml", bad, "-o", tmp_path / "out")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and str(bad) in run.stderr and "Traceback" not in run.stderr


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data/timeml")
def test_tbaq_gold_scores_100_against_itself():
    m = score(SHARED / "TBAQ-cleaned", SHARED / "TBAQ-cleaned").metrics()
    assert m["gold"] == 1822 and m["value"]["f1"] == 100.0


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data/timeml")
def test_tbaq_gold_written_back_as_a_system_scores_100(tmp_path):
    from timeline.read.timeml import timeml_files

    root = SHARED / "TBAQ-cleaned"
    for path, rel in timeml_files([str(root)]):
        doc = read_timeml(path)
        gold = [TimeExpression(document=rel.name, text=doc.text[t.start:t.end], start=t.start, end=t.end,
                               type=t.type, value=t.value, mod=t.attrs.get("mod"), rule="gold")
                for t in doc.timexes]
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(write_timeml(doc, gold))
    m = score(root, tmp_path).metrics()
    assert m["strict"]["f1"] == m["value"]["f1"] == m["type"]["f1"] == 100.0


# parts and classes

def two_parts(tmp_path, damage_b):
    """Gold with parts A and B (the fixture in each); the system right on A, damaged on B."""
    doc = read_timeml(GOLD)
    for side in ("gold", "system"):
        for part in ("A", "B"):
            (tmp_path / side / part).mkdir(parents=True)
            text = GOLD.read_text() if side == "gold" or part == "A" else write_timeml(doc, damage_b(doc))
            (tmp_path / side / part / GOLD.name).write_text(text)
    return score(tmp_path / "gold", tmp_path / "system")


def test_each_top_level_part_is_scored_apart(tmp_path):
    report = two_parts(tmp_path, damaged)
    data = json.loads(report.to_json())
    assert data["parts"]["A"]["value"]["f1"] == 100.0
    assert data["parts"]["B"]["value"] == {"accuracy": 33.33, "f1": 22.22}
    assert data["gold"] == 8 and data["parts"]["B"]["gold"] == 4
    table = report.table()
    assert "AQUAINT" not in table and any(line.startswith("B ") and line.endswith("22.22")
                                          for line in table.splitlines())


def test_one_folder_has_no_parts():
    assert "parts" not in json.loads(score(FIXTURES, FIXTURES).to_json())


@pytest.mark.parametrize("text, type_, value, kind", [
    ("March 3, 2012", "DATE", "2012-03-03", "absolute date"),
    ("3 March", "DATE", "2012-03-03", "absolute date"),
    ("the first of May", "DATE", "2012-05-01", "absolute date"),
    ("yesterday", "DATE", "2012-03-02", "relative day"),
    ("last week", "DATE", "2012-W09", "relative day"),
    ("Monday", "DATE", "2012-02-27", "weekday"),
    ("Friday afternoon", "DATE", "XXXX-WXX-5", "weekday"),
    ("last month", "DATE", "2012-02", "month"),
    ("May", "DATE", "XXXX-05", "month"),
    ("1998", "DATE", "1998", "year"),
    ("last fall", "DATE", "2011-FA", "year"),
    ("the third quarter", "DATE", "2011-Q3", "year"),
    ("three years", "DURATION", "P3Y", "duration"),
    ("every week", "SET", "P1W", "set"),
    ("9:30 GMT Monday", "TIME", "2012-02-27T09:30", "time of day"),
    ("now", "DATE", "PRESENT_REF", "vague ref"),
])
def test_expression_classes(text, type_, value, kind):
    assert expression_class(Span(0, 1, 0, 1, text, type_, value, "")) == kind


def test_by_class_counts_value_errors_misses_and_spurious_per_class(tmp_path):
    report = two_parts(tmp_path, damaged)
    classes = json.loads(report.to_json(by_class=True))["classes"]
    b = classes["B"]
    assert b["weekday"]["gold"] == 1 and b["weekday"]["value"]["accuracy"] == 0.0   # Monday, wrong day
    assert b["set"]["gold"] == 1 and b["set"]["relaxed_matches"] == 0               # weekly, missed
    assert b["year"]["system"] == 1 and b["year"]["gold"] == 0                       # "profits", spurious XXXX
    assert classes["A"]["weekday"]["value"]["f1"] == 100.0
    assert set(classes["all"]) == set(CLASSES)
    assert "Value errors by class" in report.table(by_class=True)


def test_cli_score_by_class(tmp_path):
    two_parts(tmp_path, damaged)
    done = cli("score", tmp_path / "gold", tmp_path / "system", "--by-class")
    assert done.returncode == 0, done.stderr
    weekday = next(line for line in done.stdout.splitlines() if line.startswith("weekday"))
    assert weekday.split()[1:] == ["2", "1", "50.00", "1", "0", "100.00", "1", "1", "0.00"]
