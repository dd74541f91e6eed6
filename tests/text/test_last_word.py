"""The sentence splitter reads the word before a full stop backwards (`_last_word`): it must find
what the regex it replaces finds, line breaks and stray dots included."""
import re

from hypothesis import given, strategies as st

from timeline.text.sentences import _last_word

_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@given(st.text(alphabet="aZ.\n x'’é-", max_size=60), st.data())
def test_last_word_is_what_the_regex_finds(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    m = _LAST_WORD.search(text, start, end)
    assert _last_word(text, start, end) == (m.group(1) if m else "")
