"""The seed article's eight time expressions, built by hand at their offsets, so that the event
tests do not depend on the time tagger."""
from __future__ import annotations

from pathlib import Path

from timeline.models import Interval, TimeExpression
from timeline.read import read_inputs
from timeline.text import split_sentences

SEED = Path(__file__).resolve().parents[2] / "samples" / "iraq-militia-2021-08-02.txt"

# (text, value, mod, start, end, granularity, display, occurrence of the text)
SEED_TIMES = [
    ("Sunday", "2021-08-01", None, "2021-08-01", "2021-08-01", "day", "1 August 2021", 0),
    ("the end of July", "2021-07", "END", "2021-07-21", "2021-07-31", "month", "end of July 2021", 0),
    ("the end of 2021", "2021", "END", "2021-09-01", "2021-12-31", "year", "end of 2021", 0),
    ("currently", "PRESENT_REF", None, "2021-08-02", "2021-08-02", "day", "now", 0),
    ("February", "2021-02", None, "2021-02-01", "2021-02-28", "month", "February 2021", 0),
    ("January 2020", "2020-01", None, "2020-01-01", "2020-01-31", "month", "January 2020", 0),
    ("May 2020", "2020-05", None, "2020-05-01", "2020-05-31", "month", "May 2020", 0),
    ("now", "PRESENT_REF", None, "2021-08-02", "2021-08-02", "day", "now", 0),
]


def hand_times(document, specs=SEED_TIMES) -> list[TimeExpression]:
    out = []
    for text, value, mod, start, end, gran, display, nth in specs:
        pos = -1
        for _ in range(nth + 1):
            pos = _find_word(document.text, text, pos + 1)
        out.append(TimeExpression(document=document.id, text=text, start=pos, end=pos + len(text),
                                  type="DATE", value=value, mod=mod, rule="hand", display=display,
                                  interval=Interval(start=start, end=end, granularity=gran)))
    return sorted(out, key=lambda t: t.start)


def _find_word(text: str, word: str, start: int) -> int:
    import re
    m = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)").search(text, start)
    assert m, word
    return m.start()


def seed():
    document = next(iter(read_inputs([str(SEED)])))
    return document, split_sentences(document.text), hand_times(document)


def timex(document, text, value, start_day, end_day, granularity, nth=0, mod=None, type="DATE"):
    """One hand-built time expression at the nth occurrence of `text`."""
    return hand_times(document, [(text, value, mod, start_day, end_day, granularity, text, nth)])[0].model_copy(
        update={"type": type})


def doc(text, published="2021-08-02", id="t.txt"):
    from timeline.models import Document
    return Document(id=id, published=published, text=text)
