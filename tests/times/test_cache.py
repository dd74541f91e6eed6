"""The compiled grammar kept between runs: read back it is the grammar built afresh, it is rebuilt
when a rule file changes, and an unusable cache directory only means building again."""
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import cache

grammar_module = importlib.import_module("timeline.times.grammar")    # timeline.times.grammar is also a function


def patterns(value):
    """Every compiled regex inside a grammar, in a stable order."""
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for k in value:
            yield from patterns(value[k])
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from patterns(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in sorted(vars(value)):     # with a rule's regex once it is compiled
            yield from patterns(vars(value)[name])


def test_grammar_read_back_is_the_grammar_built(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    built = grammar_module._build("en")
    for rule in built.rules:
        rule.regex
    first = cache.cached("g", [Path(grammar_module.__file__)], lambda: built)
    stored = list(tmp_path.glob("g-*.pickle"))
    assert first is built and len(stored) == 1
    read = cache.cached("g", [Path(grammar_module.__file__)], lambda: pytest.fail("not read back"))
    assert read is not built
    ours, theirs = list(patterns(built)), list(patterns(read))
    assert len(ours) > 150
    # Pattern equality compares the pattern, the flags and the engine's compiled code
    assert ours == theirs
    assert read.dispatch == built.dispatch and read.rules[5].name == built.rules[5].name


def test_rules_compiled_in_a_run_are_kept_for_the_next(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    sources = [Path(grammar_module.__file__)]
    built = cache.cached("g", sources, lambda: grammar_module._build("en"))
    assert grammar_module._compiled(built) == 0       # a rule is compiled when a text reaches it
    built.rules[3].regex, built.rules[7].regex
    grammar_module._keep_compiled("g", sources, built, 0)
    read = cache.cached("g", sources, lambda: pytest.fail("not read back"))
    assert [i for i, r in enumerate(read.rules) if "regex" in vars(r)] == [3, 7]
    assert read.rules[3].regex == built.rules[3].regex


def test_a_changed_rule_file_is_a_new_entry(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    rules = tmp_path / "rules.toml"
    rules.write_text("a = 1\n")
    assert cache.cached("x", [rules], lambda: "one") == "one"
    assert cache.cached("x", [rules], lambda: "two") == "one"
    rules.write_text("a = 2\n")
    assert cache.cached("x", [rules], lambda: "two") == "two"


def test_a_damaged_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    source = tmp_path / "rules.toml"
    source.write_text("a = 1\n")
    cache.cached("x", [source], lambda: "one")
    (entry,) = tmp_path.glob("x-*.pickle")
    entry.write_bytes(entry.read_bytes()[:5])
    assert cache.cached("x", [source], lambda: "again") == "again"
    assert cache.cached("x", [source], lambda: "not read") == "again"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_an_unwritable_cache_directory_only_means_building_again(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv(cache.CACHE_ENV, str(locked / "timeline"))
    _assert_built_each_time(tmp_path)


def test_a_cache_path_that_is_a_file_only_means_building_again(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "timeline"))
    _assert_built_each_time(tmp_path)


def _assert_built_each_time(tmp_path):
    """Nothing was stored: a second call builds again (a stored value would answer "one")."""
    source = tmp_path / "rules.toml"
    source.write_text("a = 1\n")
    assert cache.cached("x", [source], lambda: "one") == "one"
    assert cache.cached("x", [source], lambda: "two") == "two"


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "")
    source = tmp_path / "rules.toml"
    source.write_text("a = 1\n")
    assert cache.cached("x", [source], lambda: "one") == "one"
    assert cache.cached("x", [source], lambda: "two") == "two"


def test_processes_started_together_tag_alike(tmp_path):
    """Four processes on an empty cache: each writes the entry whole (rename) or reads it whole."""
    article = tmp_path / "a.txt"
    article.write_text("published: 2021-08-02\n\nOn Monday, three weeks after March 3, rockets hit.\n")
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache")}
    runs = [subprocess.Popen([sys.executable, "-m", "timeline", "times", str(article)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert all(r.returncode == 0 for r in runs), outputs
    assert len({out for out, _ in outputs}) == 1 and outputs[0][0].count(b"\n") == 3
    # no half-written temporary file left (py3langid's model is there too: ".bin")
    assert [p.name for p in (tmp_path / "cache").iterdir() if not p.name.endswith((".pickle", ".bin"))] == []
    again = subprocess.run([sys.executable, "-m", "timeline", "times", str(article)], env=env,
                           capture_output=True, timeout=300)
    assert again.stdout == outputs[0][0]


def test_only_the_newest_entries_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "rules.toml"
    for n in range(cache.KEEP + 3):
        source.write_text(f"a = {n}\n")
        cache.cached("x", [source], lambda: n)
    assert len(list((tmp_path / "cache").glob("x-*.pickle"))) == cache.KEEP
    assert cache.cached("x", [source], lambda: "rebuilt") == cache.KEEP + 2


def test_regexes_compiled_in_a_run_are_read_back_by_the_next(tmp_path):
    """`warm_regexes` (what the command runs first) puts the regexes an earlier run compiled into
    re's own cache, made from their stored engine code: the same pattern, flags and code as
    compiling it; a pattern not yet stored is compiled as re does, and stored at exit."""
    code = ("import re, sys; from timeline.cache import warm_regexes, _ENGINE_ARGS; warm_regexes(); "
            "p = re.compile(sys.argv[1], re.I); print(p in _ENGINE_ARGS, p == re._compiler.compile(sys.argv[1], re.I))")
    pattern = r"(?<![\w’'-])[A-Z]\w+ (?:of|in) (?P<year>\d{4})"
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code, pattern], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs == [["False", "True"], ["True", "True"]]
    assert len(list(tmp_path.glob("regexes-*.pickle"))) == 1
    off = {**os.environ, cache.CACHE_ENV: ""}       # no cache: compiled as re does, nothing stored
    assert subprocess.run([sys.executable, "-c", code, pattern], env=off, capture_output=True, text=True,
                          check=True).stdout.split() == ["False", "True"]
