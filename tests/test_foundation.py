"""The model layer, the reader and the pipeline's shape."""
import json
from pathlib import Path

from timeline.models import Timeline, json_schema
from timeline.read.text import split_header

ROOT = Path(__file__).resolve().parent.parent


def test_published_schema_matches_models():
    on_disk = json.loads((ROOT / "schema" / "timeline.schema.json").read_text())
    assert on_disk == json_schema(), "run: timeline schema > schema/timeline.schema.json"


def test_header_block_is_split_from_body():
    header, body = split_header("title: A\npublished: 2021-08-02\n\nBody text.\n")
    assert header == {"title": "A", "published": "2021-08-02"}
    assert body == "Body text.\n"


def test_plain_text_without_header_keeps_everything():
    text = "Sunday: the day it happened.\n\nMore."
    assert split_header(text) == ({}, text)


def test_timeline_json_round_trip():
    from timeline.pipeline import extract

    tl = extract([str(ROOT / "samples" / "iraq-militia-2021-08-02.txt")])
    again = Timeline.model_validate_json(tl.model_dump_json())
    assert again == tl
