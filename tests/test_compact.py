"""Holding a corpus in little memory (timeline/compact.py) and writing its JSON piece by piece
(timeline/jsonout.py): neither may change a byte of the JSON."""
import io
import sys
from pathlib import Path

import pytest

from timeline.compact import Compactor
from timeline.jsonout import write_json
from timeline.models import EventDate, Mention, Timeline
from timeline.pipeline import extract, extract_document
from timeline.read import read_inputs
from timeline.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from cli_helpers import ROOT  # noqa: E402


@pytest.fixture(scope="module")
def samples():
    return [extract_document(doc) for doc in read_inputs([str(ROOT / "samples")])]


def test_compacting_changes_no_byte_of_the_json(samples):
    before = [tl.model_dump_json() for tl in samples]
    compact = Compactor()
    assert [compact(tl).model_dump_json() for tl in samples] == before


def test_models_made_or_copied_with_the_same_fields_share_one_set():
    made = [Mention(document="d", start=i, end=i + 5, sentence="s", trigger="x", trigger_start=i,
                    trigger_end=i + 1) for i in range(2)]
    made.append(Mention.model_validate_json(made[0].model_dump_json(exclude={"date", "date_rule", "time",
                                                                             "trigger_type"})))
    made.append(made[0].model_copy(update={"start": 7}))
    assert len({id(m.__pydantic_fields_set__) for m in made}) == 1
    timed = [m.model_copy(update={"time": 1}) for m in made]
    assert len({id(m.__pydantic_fields_set__) for m in timed}) == 1
    assert "time" in timed[0].model_fields_set and "time" not in made[0].model_fields_set


def test_equal_dates_are_one():
    date = dict(value="2021-08-02", start="2021-08-02", end="2021-08-02", granularity="day", display="2 August")
    made = [Mention(document="d" + "1", start=i, end=i + 5, sentence="One sentence.", trigger="x",
                    trigger_start=i, trigger_end=i + 1, date=EventDate(**date)) for i in range(3)]
    compact = Compactor()
    mentions = [compact(m) for m in made]
    assert len({id(m.date) for m in mentions}) == 1
    assert len({id(m.document) for m in mentions}) == 1
    # a date that prints differently (an int where a float was) is not taken for another
    assert Compactor()(Mention(**{**made[0].model_dump(), "time": 1})).time == 1


def test_a_copy_of_a_compacted_model_has_its_own_field_set():
    compact = Compactor()
    first, second = (compact(Mention(document="d", start=0, end=1, sentence="s", trigger="s",
                                     trigger_start=0, trigger_end=1)) for _ in range(2))
    copied = first.model_copy(update={"time": 3})
    assert "time" in copied.model_fields_set and "time" not in second.model_fields_set


@pytest.mark.parametrize("inputs", [["samples"], ["samples/iraq-militia-2021-08-02.txt"]])
def test_json_written_in_pieces_is_model_dump_json(inputs):
    tl = extract([str(ROOT / i) for i in inputs], Settings(jobs=1))
    out = io.StringIO()
    write_json(tl, out)
    assert out.getvalue() == tl.model_dump_json(indent=2)


def test_json_in_pieces_escapes_as_pydantic_does():
    tl = Timeline(title='line\nbreak "quoted" \u2028 \x01 é', warnings=["a\tb"])
    out = io.StringIO()
    write_json(tl, out)
    assert out.getvalue() == tl.model_dump_json(indent=2)
