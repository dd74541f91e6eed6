"""JSON, JSON lines and CSV exports: one article per object or row."""
import json

import pytest

from timeline.errors import InputError
from timeline.read import Reader, ReadOptions

BODY = "Officials said on Sunday that the talks would resume in March."


def read(path, **options):
    reader = Reader(ReadOptions(**options))
    return list(reader.documents([str(path)])), reader.warnings


def test_jsonl_bad_line_is_skipped_with_its_line_number(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join([
        json.dumps({"title": "One", "published": "2021-08-02T10:00:00Z", "text": BODY, "url": "u1"}),
        "{not json",
        json.dumps({"headline": "Three", "date": "Mon, 02 Aug 2021 10:00:00 GMT", "body": BODY,
                    "source": {"name": "Wire"}}),
        json.dumps({"title": "No text"}),
    ]) + "\n", encoding="utf-8")
    docs, warnings = read(path)
    assert [d.id for d in docs] == ["corpus.jsonl:1", "corpus.jsonl:3"]
    assert [d.title for d in docs] == ["One", "Three"]
    assert [d.published for d in docs] == ["2021-08-02", "2021-08-02"]
    assert docs[1].source == "Wire" and docs[0].url == "u1"
    wheres = dict(warnings)
    assert "not JSON" in wheres[f"{path} line 2"]
    assert "no article text" in wheres[f"{path} line 4"]
    assert wheres[str(path)] == "2 of 4 lines skipped"


def test_object_ids_make_document_ids(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": 17, "text": BODY}, {"id": "b", "content": BODY}]))
    docs, _ = read(path)
    assert [d.id for d in docs] == ["export.json#17", "export.json#b"]
    assert read(path)[0] == docs  # same input, same ids


def test_single_object_json_is_one_article(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "T", "text": BODY, "published": "2020-01-03"}))
    [doc], _ = read(path)
    assert (doc.id, doc.published, doc.published_from) == ("one.json", "2020-01-03", "metadata")


def test_option_overrides_metadata(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": BODY, "published": "2020-01-03"}))
    [doc], _ = read(path, published="2021-08-02")
    assert (doc.published, doc.published_from) == ("2021-08-02", "option")


def test_csv_default_and_named_columns(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('headline,story,pubdate\nA,"' + BODY + '",2021-08-02\nB,"' + BODY + '",\n')
    docs, warnings = read(path)
    assert [(d.id, d.title, d.published) for d in docs] == [
        ("news.csv:1", "A", "2021-08-02"), ("news.csv:2", "B", None)]
    assert warnings == [("news.csv:2", "no publication date: relative dates (\"Sunday\", \"last year\") "
                                       "stay unresolved; give one with --published YYYY-MM-DD")]
    docs, _ = read(path, columns=(("text", "story"), ("title", "pubdate")))
    assert docs[0].title == "2021-08-02"


def test_csv_without_the_named_column_is_an_error(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("title,text\nA,x\n")
    with pytest.raises(InputError, match=r"news.csv: no column 'body' \(columns: title, text\)"):
        read(path, columns=(("text", "body"),))


def test_csv_without_any_text_column_says_which_option(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="--text-column"):
        read(path)


def test_jsonl_is_streamed_line_by_line(tmp_path):
    """A long line is skipped without being held whole; the rest of the file is read."""
    path = tmp_path / "big.jsonl"
    with path.open("w") as f:
        f.write(json.dumps({"text": "x" * 5000}) + "\n")
        f.write(json.dumps({"text": BODY}) + "\n")
    docs, warnings = read(path, max_record_bytes=1000)
    assert [d.id for d in docs] == ["big.jsonl:2"]
    assert "longer than" in dict(warnings)[f"{path} line 1"]


def test_an_error_naming_a_header_with_a_line_break_stays_on_one_line(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('title,"first\nsecond"\nA,B\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert "\n" not in str(caught.value) and "first\\nsecond" in str(caught.value)
