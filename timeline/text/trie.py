"""Word lists as regex tries: the engine fails on a word's first letters instead of trying every
word of a flat alternation in turn."""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable


def trie(keys: Iterable[str], abbreviations: Collection[str] = ()) -> str:
    """A regex matching any of `keys` (the longest where one is a prefix of another); a space
    matches any run of whitespace; `abbreviations` take an optional dot ("Aug.")."""
    root: dict = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = key in abbreviations
    return _emit(root) if root else "(?!)"


def _emit(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child)
                for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return r"\.?" if node[""] else ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body}|\\.?)" if node[""] else f"(?:{body})?"
