"""The scanner tries at a word start only the rules that the text there can begin (grammar's
dispatch on the first characters): every rule whose regex matches at a start must be among them,
or a time would be lost. Checked on every rule's examples and on generated text."""
from hypothesis import given, settings, strategies as st

from timeline.times.grammar import PREFIX, grammar
from timeline.times.match import _gate_hits, _rules_for, rules_at


def _missed(text: str) -> list[tuple[int, str]]:
    g = grammar()
    missed = []
    for start in g.starts.finditer(text):
        s = start.start()
        tried = set(rules_at(g.dispatch, text, s))
        assert set(_rules_for("en", text[s:s + PREFIX])) == tried, (text, s)     # the scanner's cached look-up
        missed += [(s, r.name) for i, r in enumerate(g.rules) if i not in tried and r.regex.match(text, s)]
    return missed


def test_every_example_reaches_its_rules():
    for rule in grammar().rules:
        for example in rule.examples:
            text = example.split(" => ")[0].replace("[", "").replace("]", "")
            for variant in (text, text.upper(), f"On {text.lower()},\tit"):
                assert _missed(variant) == [], f"rule {rule.name!r}: {variant!r}"


_WORDS = ["the", "The", "last", "next", "early", "mid-", "late", "January", "Jan.", "MAY", "spring",
          "Monday", "weekend", "day", "days", "two", "twenty-one", "1990s", "'90s", "2021", "08/02/2021",
          "2021-08-02", "3", "3:15", "p.m.", "a.m.", "ago", "later", "year", "years", "this", "that",
          "quarter", "fiscal", "century", "decade", "now", "currently", "every", "weekly", "about",
          "more", "than", "of", "in", "on", "at", "since", "night", "Christmas", "BC", "’s", "'s",
          ",", ".", "-", "—", "\u00a0", "İ", "\u212a"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "  ", "\n", "\t", "-", ""]), min_size=12, max_size=12))
def test_generated_text_reaches_every_matching_rule(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    assert _missed(text) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + ["DAY", "Quarter", "ſ", "É", "ß", "Ⅻ", "K", "İ", "Ǆ"]), min_size=1,
                max_size=12))
def test_the_lower_case_gate_finds_what_the_gate_finds(words):
    text = " ".join(words)
    g = grammar()
    assert [m.span() for m in _gate_hits(g, text)] == [m.span() for m in g.gate.finditer(text)]


def test_each_pack_ships_the_dispatch_of_its_rules():
    """The table shipped in a pack (read instead of parsing every rule on a grammar's first build)
    is the one its rules give; when not, run `python scripts/build_dispatch.py`."""
    import importlib
    import json

    from timeline.lang import PACKS

    module = importlib.import_module("timeline.times.grammar")
    for pack in sorted(p for p in PACKS.iterdir() if (p / "rules.toml").is_file()):
        patterns = [rule.pattern for rule in module._build(pack.name).rules]
        shipped = json.loads((pack / module.DISPATCH_FILE).read_text(encoding="utf-8"))
        fresh = json.loads(json.dumps(module.dispatch_data(patterns)))
        assert shipped == fresh, f"{pack.name}: stale {module.DISPATCH_FILE}; run python scripts/build_dispatch.py"


def test_a_missing_or_stale_table_is_computed_alike(tmp_path, monkeypatch):
    import importlib
    import json

    module = importlib.import_module("timeline.times.grammar")
    patterns = [rule.pattern for rule in module._build("en").rules]
    shipped = module._shipped_dispatch("en", patterns)
    stale = tmp_path / module.DISPATCH_FILE
    stale.write_text(json.dumps({**module.dispatch_data(patterns), "key": "other rules"}), encoding="utf-8")
    for path in (stale, tmp_path / "missing.json"):
        monkeypatch.setattr(module, "pack_file", lambda lang, name, path=path: path)
        assert module._shipped_dispatch("en", patterns) == shipped == module._dispatch(patterns)
