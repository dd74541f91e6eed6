"""`timeline explain`, `--entity` and a replaced taxonomy."""
from __future__ import annotations

from click.testing import CliRunner
from handmade import SEED, doc, hand_times, seed

import timeline.events.explain as explain_module
from timeline.cli import main
from timeline.events import filter_entity, find_events
from timeline.models import Timeline
from timeline.text import split_sentences


def test_explain_names_the_rules(monkeypatch):
    monkeypatch.setattr(explain_module, "tag_document", lambda d, s, p: hand_times(d))
    result = CliRunner().invoke(main, ["explain", str(SEED)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "time  'Sunday' -> DATE 2021-08-01" in out
    assert "EVENT" in out and "DEMAND_THREAT_ACCUSE occurred 2021-08-01" in out
    assert "reported threat" in out and "same clause: 'Sunday'" in out
    assert "refers back to" in out                      # why "were killed" is no event of its own
    assert "nothing: no time expression, no trigger word" in out


def _seed_timeline():
    document, sentences, times = seed()
    return Timeline(title="t", documents=[document], events=find_events(document, sentences, times),
                    time_expressions=times)


def test_entity_matches_aliases():
    tl = _seed_timeline()
    kadhimi = filter_entity(tl, "al-Kadhimi").events
    assert {e.type for e in kadhimi} >= {"APPOINTMENT_RESIGNATION", "STATEMENT"}
    assert [e.id for e in filter_entity(tl, "Kadhimi").events] == [e.id for e in kadhimi]
    assert len(filter_entity(tl, "Soleimani").events) == 2      # the strike, the vote after it
    assert filter_entity(tl, "Nobody Anywhere").events == []
    assert filter_entity(tl, None) is tl


def test_taxonomy_is_replaceable(tmp_path, monkeypatch):
    custom = tmp_path / "types.toml"
    custom.write_text('[types.HARVEST]\npriority = 1\nverbs = ["harvest"]\nnouns = []\nundated = true\n'
                      '[cues]\nreporting = ["say"]\n', encoding="utf-8")
    d = doc("Farmers harvested the wheat. Rebels attacked the town.")
    found = find_events(d, split_sentences(d.text), [], str(custom))
    assert [e.type for e in found] == ["HARVEST"]
    monkeypatch.setenv("TIMELINE_TAXONOMY", str(custom))
    assert [e.type for e in find_events(d, split_sentences(d.text), [])] == ["HARVEST"]


def test_bad_taxonomy_is_a_one_line_error(tmp_path):
    from timeline.errors import InputError
    bad = tmp_path / "bad.toml"
    bad.write_text("[types\n", encoding="utf-8")
    d = doc("Rebels attacked the town.")
    try:
        find_events(d, split_sentences(d.text), [], str(bad))
    except InputError as e:
        assert "malformed taxonomy" in str(e)
    else:
        raise AssertionError("no error")


def test_extract_keeps_only_the_entity(tmp_path):
    import json
    out = tmp_path / "t.json"
    result = CliRunner().invoke(main, ["extract", str(SEED), "--entity", "Kadhimi", "-j", "1", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert events and all("Kadhimi" in " ".join(e["actors"]) + " ".join(m["sentence"] for m in e["mentions"])
                          for e in events)
