"""Many models held in little memory: what a merged corpus keeps while it is built.

A pydantic model keeps, beside its values, the set of the fields it was given: about 700 bytes
for a mention's ten fields, more than its values (measured on Timeline17 articles: the sets were
43% of a per-document timeline's 61 KB). Models given the same fields can share one set, and the
strings repeated across documents and mentions (document ids, rule names, dates, the sentences of
one wire story printed many times) can be one string, as can equal small models made only of
such values (a date, an interval). A `Compactor` does this in place; every value and so the JSON
are unchanged. Models are not changed in place after extraction (later stages copy them), which
is what makes sharing them safe.
"""
from __future__ import annotations

from pydantic import BaseModel


class Compactor:
    """One per corpus: the shared field sets and strings live as long as it does."""

    def __init__(self) -> None:
        self._field_sets: dict[tuple[type, frozenset], set] = {}
        self._strings: dict[str, str] = {}
        self._ints: dict[int, int] = {}
        self._leaves: dict[tuple, BaseModel] = {}

    def __call__(self, model: BaseModel) -> BaseModel:
        self._model(model)
        return model

    def _model(self, model: BaseModel) -> BaseModel:
        """The model compacted, or an equal one met before when it holds only plain values."""
        # nothing reads which fields were given (no exclude_unset anywhere); a model copied later
        # gets a copy of the set, so sharing it changes no model's own fields
        given = model.__pydantic_fields_set__
        key = (type(model), frozenset(given))
        shared = self._field_sets.setdefault(key, given)
        if shared is not given:
            object.__setattr__(model, "__pydantic_fields_set__", shared)
        values = model.__dict__
        leaf = True
        for name, value in values.items():
            kind = type(value)
            if kind is str:
                values[name] = self._strings.setdefault(value, value)
            elif kind is int:
                values[name] = self._ints.setdefault(value, value)
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
        # the types too: an int 1 and a float 1.0 are equal keys but print differently
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
