"""Many models held in little memory: what a merged corpus keeps while it is built.

The strings repeated across documents and mentions (document ids, rule names, dates, the
sentences of one wire story printed many times) can be one string, as can equal small models made
only of such values (a date, an interval). A `Compactor` does this in place; every value and so
the JSON are unchanged. Models are not changed in place after extraction (later stages copy them),
which is what makes sharing them safe. (The set of the fields each model was given, 43% of a
per-document timeline's 61 KB on Timeline17 articles, is shared as models are made: models.py.)
"""
from __future__ import annotations

from pydantic import BaseModel


class Compactor:
    """One per corpus: the shared strings live as long as it does."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._ints: dict[int, int] = {}
        self._leaves: dict[tuple, BaseModel] = {}

    def __call__(self, model: BaseModel) -> BaseModel:
        self._model(model)
        return model

    def _model(self, model: BaseModel) -> BaseModel:
        """The model compacted, or an equal one met before when it holds only plain values."""
        values = model.__dict__
        leaf = True
        for name, value in values.items():
            kind = type(value)
            if kind is str:
                values[name] = self._strings.setdefault(value, value)
            elif kind is int:
                values[name] = self._ints.setdefault(value, value)
                leaf = False     # an offset into its document: a mention or time is seldom met twice
            elif kind is list:
                self._list(value)
                leaf = False
            elif isinstance(value, BaseModel):
                values[name] = self._model(value)
                leaf = False
            elif not (value is None or kind is float or kind is bool):
                leaf = False
        if not leaf:
            return model
        # the types too: True and 1.0 are equal keys but print differently
        return self._leaves.setdefault((type(model), *values.values(), *map(type, values.values())), model)

    def _list(self, items: list) -> None:
        for i, value in enumerate(items):
            kind = type(value)
            if kind is str:
                items[i] = self._strings.setdefault(value, value)
            elif kind is int:
                items[i] = self._ints.setdefault(value, value)
            elif isinstance(value, BaseModel):
                items[i] = self._model(value)
