"""A model's JSON, `model.model_dump_json(indent=2)` byte for byte, made one list item at a time.

A merged corpus's JSON is larger than the timeline it prints (22 MB for 1,000 articles): made
whole, the text and its encoded copy would double the peak memory of `timeline extract`. Each
item is printed by pydantic itself and indented as its list's item; a JSON string never holds a
raw line break, so indenting line by line is exact.
"""
from __future__ import annotations

from typing import IO, Iterable, Iterator

from pydantic import BaseModel
from pydantic_core import to_json


def _indented(text: str, by: str) -> str:
    return text.replace("\n", "\n" + by)


def json_chunks(model: BaseModel) -> Iterator[str]:
    """The pieces of `model.model_dump_json(indent=2)`: a top-level list of models item by item."""
    names = list(type(model).model_fields)
    if not names:
        yield "{}"
        return

    def field(value):
        if type(value) is list and value and all(isinstance(v, BaseModel) for v in value):
            return item_chunks(v.model_dump_json(indent=2) for v in value)
        return value

    yield from fields_chunks([(name, field(getattr(model, name))) for name in names])


def write_json(model: BaseModel, out: IO[str], end: str = "") -> None:
    for chunk in json_chunks(model):
        out.write(chunk)
    out.write(end)


def item_chunks(items: Iterable[str]) -> Iterator[str]:
    """A top-level list as `json_chunks` prints it, from its items' own `model_dump_json(indent=2)`
    texts given one at a time (a list with none prints as `[]`)."""
    first = True
    for text in items:
        yield "[\n    " if first else ",\n    "
        yield _indented(text, "    ")
        first = False
    yield "[]" if first else "\n  ]"


def fields_chunks(fields: list[tuple[str, object]]) -> Iterator[str]:
    """`json_chunks` of a model given as its (name, value) fields in order, where a value may be
    an iterator of chunks (`item_chunks`): what is printed need not be held."""
    yield "{\n"
    for n, (name, value) in enumerate(fields):
        yield f"  {to_json(name).decode()}: "
        if isinstance(value, Iterator):
            yield from value
        else:
            yield _indented(to_json(value, indent=2).decode(), "  ")
        yield ",\n" if n + 1 < len(fields) else "\n"
    yield "}"
