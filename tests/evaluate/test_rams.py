"""`timeline evaluate-events --rams`: the mapping, the detokenizer and the counts on a made-up window."""
import json
import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_helpers import refused, timeline  # noqa: E402
from timeline.cli import main  # noqa: E402
from timeline.evaluate.rams import detokenize, load_mapping, our_types, published


def test_longest_dotted_prefix_gives_the_types():
    mapping = load_mapping()
    assert our_types("conflict.attack.bombing", mapping) == ("ATTACK",)
    assert our_types("transaction.transfermoney.embargosanction", mapping) == ("SANCTION_POLICY", "PROTEST_UNREST")
    assert our_types("transaction.transfermoney.purchase", mapping) == ("BUSINESS_ECONOMY",)
    assert our_types("government.spy.spy", mapping) == ()


def test_every_mapped_type_is_one_of_ours():
    from timeline.events.taxonomy import load_taxonomy

    ours = set(load_taxonomy().priority)
    assert {t for types in load_mapping().values() for t in types} <= ours


def test_detokenize_keeps_token_offsets():
    text, spans = detokenize([["Rebels", "stormed", "the", "town", "(", "Aleppo", ")", "."], ["It", "'s", "over", "."]])
    assert text == "Rebels stormed the town (Aleppo). It's over."
    assert [text[a:b] for a, b in spans][1] == "stormed"
    assert [text[a:b] for a, b in spans][9] == "'s"


def test_published_from_url():
    assert published("http://edition.cnn.com/2016/06/12/world/x.html") == "2016-06-12"
    assert published("http://www.theguardian.com/world/2016/mar/04/north-korea") == "2016-03-04"
    assert published("http://www.huffingtonpost.com/a/b.html") is None


def test_summary_is_the_last_line(tmp_path):
    window = {"doc_key": "w1", "source_url": "http://example.com/2016/06/12/x.html",
              "sentences": [["Gunmen", "attacked", "a", "police", "station", "in", "Kabul", "on", "Saturday", "."]],
              "evt_triggers": [[1, 1, [["conflict.attack.n/a", 1.0]]]]}
    unmapped = dict(window, evt_triggers=[[1, 1, [["government.spy.spy", 1.0]]]])
    path = tmp_path / "w.jsonlines"
    path.write_text(json.dumps(window) + "\n" + json.dumps(unmapped) + "\n")
    out = CliRunner().invoke(main, ["evaluate-events", "--rams", str(path)]).output
    last = out.strip().splitlines()[-1]
    assert last.startswith("RAMS: 2 windows, 1 of a type we map")
    assert "typed 100.00% (trigger level), 100.00% (sentence level)" in last


def test_a_death_told_inside_an_attack_is_typed_by_its_own_word(tmp_path):
    # RAMS labels "killing" life.die (a type that maps to DEATH_INJURY alone): our mention of it
    # belongs to the attack, and names a death
    words = "A suicide bomber attacked a market in Kabul on Monday , killing 12 people .".split()
    window = {"doc_key": "w1", "source_url": "http://example.com/2016/06/14/x.html", "sentences": [words],
              "evt_triggers": [[11, 11, [["life.die", 1.0]]]]}
    path = tmp_path / "w.jsonlines"
    path.write_text(json.dumps(window) + "\n")
    out = json.loads(CliRunner().invoke(main, ["evaluate-events", "--rams", str(path), "--json"]).output)
    assert (out["typed_trigger"], out["typed_trigger_event_type"]) == (100.0, 0.0)


def test_not_a_rams_window_is_one_clear_line(tmp_path):
    path = tmp_path / "bad.jsonlines"
    path.write_text('{"sentences": []}\n')
    refused(timeline("evaluate-events", "--rams", path), "bad.jsonlines", "line 1: not a RAMS window")
