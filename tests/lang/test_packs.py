"""Language packs (timeline/lang/<code>/): every pack has the files the engines read."""
import pytest

from timeline.lang import available, pack_file
from timeline.times.grammar import grammar

_FILES = ("words.toml", "rules.toml", "negatives.toml", "tense.toml")


def test_english_has_a_pack():
    assert "en" in available()


@pytest.mark.parametrize("lang", sorted(available()))
def test_pack_is_complete(lang):
    assert [name for name in _FILES if not pack_file(lang, name).is_file()] == []
    assert grammar(lang).rules


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_generated_names_are_what_the_script_makes_from_the_locale_data(lang):
    """names.toml is generated (scripts/lang_names.py), not typed: regenerating gives the same tables."""
    pytest.importorskip("num2words")
    import importlib.util
    import tomllib
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "lang_names.py"
    spec = importlib.util.spec_from_file_location("lang_names", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with open(pack_file(lang, "names.toml"), "rb") as f:
        shipped = tomllib.load(f)
    assert {name: t["values"] for name, t in shipped.items() if name != "gate"} == module.names(lang)
