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
