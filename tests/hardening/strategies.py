"""Generators of hostile input, shared by the property tests and scripts/fuzz.py.

Text is built from date-like words (so the time finder and resolver get real work) mixed with
arbitrary Unicode; files are built from near-valid structures broken in random places.
"""
from __future__ import annotations

import json

from hypothesis import strategies as st

DATE_WORDS = [
    "January", "Feb.", "February", "30", "31", "29", "0", "00", "1", "0001", "9999", "10000", "2021",
    "1999", "500", "BC", "BCE", "AD", "CE", "the", "2040s", "1990s", "'90s", "eighties", "century",
    "21st", "last", "next", "this", "ago", "earlier", "later", "years", "year", "months", "weeks",
    "days", "Monday", "Sunday", "tonight", "yesterday", "today", "tomorrow", "morning", "noon",
    "midnight", "10:30", "25:99", "a.m.", "p.m.", "Q3", "quarter", "half", "spring", "winter", "2021-08-02",
    "2021-13-45", "08/02/2021", "31/31/31", "1/2", "of", "in", "on", "by", "since", "until", "between",
    "and", "-", "–", "to", "every", "week", "each", "decade", "millennium", "early", "late", "mid",
    "end", "beginning", "two", "twenty-one", "hundred", "thousand", "first", "third", ",", ".", "\n",
    "\n\n", "said", "attack", "killed", "met", "agreed", "will", "was", "The", "forces", "Iran",
    "1e308", "-5", "+3", "%", "©", "\u200f", "\u202e", "日本", "٢٠٢١", "١٢", "ⅩⅡ", "𝟚𝟘𝟚𝟙",
]

words = st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=8))
text = st.lists(words, max_size=60).map(" ".join)
paragraph = st.lists(st.sampled_from(DATE_WORDS), min_size=30, max_size=80).map(" ".join)  # a page's body
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=20))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20)

ARTICLE_KEYS = ["text", "body", "content", "title", "published", "date", "url", "source", "id"]


@st.composite
def records(draw):
    """A JSON object that is almost an article record."""
    keys = draw(st.lists(st.one_of(st.sampled_from(ARTICLE_KEYS), st.text(max_size=6)), max_size=6))
    return {k: draw(st.one_of(text, json_values, published)) for k in keys}


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _corrupt(draw, data: str) -> str:
    """Sometimes cut, splice or leave as is."""
    how = draw(st.sampled_from(["keep", "keep", "cut", "splice"]))
    if how == "keep" or not data:
        return data
    at = draw(st.integers(0, len(data)))
    return data[:at] if how == "cut" else data[:at] + draw(st.text(max_size=10)) + data[at:]


@st.composite
def txt_files(draw) -> bytes:
    header = draw(st.lists(st.tuples(st.sampled_from(["title", "published", "date", "url", "source",
                                                      "Published", "x"]),
                                     st.one_of(published.map(str), text)), max_size=4))
    head = "".join(f"{k}: {v}\n" for k, v in header)
    body = draw(text)
    return _corrupt(draw, head + ("\n" if header else "") + body).encode(
        draw(st.sampled_from(["utf-8", "utf-16"])), "surrogatepass")


HTML_TAGS = ["p", "div", "article", "script", "style", "title", "h1", "meta", "time", "span", "a",
             "nav", "footer", "br", "!--", "table", "td"]


@st.composite
def html_files(draw) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(HTML_TAGS))
        attrs = draw(st.sampled_from(["", ' property="article:published_time" content="2021-08-02"',
                                      ' datetime="9999-99-99"', ' name="date" content="yesterday"',
                                      ' class="x"', ' content="0001-01-01T00:00:00Z"']))
        parts.append(f"<{tag}{attrs}>{draw(text)}</{tag}>" if draw(st.booleans()) else f"<{tag}{attrs}>")
    parts.insert(draw(st.integers(0, len(parts))), f"<p>{draw(paragraph)}</p>")
    doc = "<html><head>" + "".join(parts[:3]) + "</head><body>" + "".join(parts[3:]) + "</body></html>"
    return _corrupt(draw, doc).encode("utf-8", "surrogatepass")


@st.composite
def json_files(draw) -> bytes:
    value = draw(st.one_of(records(), st.lists(records(), max_size=4), json_values))
    return _corrupt(draw, _dumps(value)).encode("utf-8", "surrogatepass")


@st.composite
def jsonl_files(draw) -> bytes:
    lines = draw(st.lists(st.one_of(records().map(_dumps), json_values.map(_dumps), st.text(max_size=20)),
                          max_size=5))
    return _corrupt(draw, "\n".join(lines)).encode("utf-8", "surrogatepass")


@st.composite
def csv_files(draw) -> bytes:
    cols = draw(st.lists(st.one_of(st.sampled_from(ARTICLE_KEYS), st.text(max_size=5)), max_size=5))
    cell = st.one_of(text, published.map(str), st.sampled_from(['"', '""', ",", "\r", "\n", "\x00"]))
    rows = [",".join(cols)] + [",".join(draw(st.lists(cell, max_size=len(cols) + 1)))
                               for _ in range(draw(st.integers(0, 4)))]
    return _corrupt(draw, "\n".join(rows)).encode("utf-8", "surrogatepass")


TIMEML_TAGS = ["TIMEX3", "EVENT", "SIGNAL", "TLINK", "MAKEINSTANCE", "TEXT", "DCT", "s"]


@st.composite
def timeml_files(draw) -> bytes:
    inner = []
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(st.sampled_from(TIMEML_TAGS))
        attrs = draw(st.sampled_from(['', ' tid="t1" type="DATE" value="2021-08-02"', ' tid="t0"',
                                      ' value="XXXX"', " eid='e1'", ' a="<>"']))
        body = draw(text).replace("<", "&lt;") if draw(st.booleans()) else draw(text)
        inner.append(f"<{tag}{attrs}>{body}</{tag}>" if draw(st.booleans()) else f"<{tag}{attrs}/>")
    dct = draw(st.sampled_from(['<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" '
                                'functionInDocument="CREATION_TIME">1998-02-06</TIMEX3></DCT>', "",
                                '<DCT><TIMEX3 value="garbage"/></DCT>']))
    doc = (f'<?xml version="1.0" ?>\n<TimeML><DOCID>x</DOCID>{dct}<TEXT>{draw(text)}'
           + "".join(inner) + "</TEXT></TimeML>")
    return _corrupt(draw, doc).encode("utf-8", "surrogatepass")


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


DATE_STRINGS = ["2021-08-02", "2021-02-30", "0001-01-01", "9999-12-31", "10000-01-01", "-0500",
                "2021-W99", "XXXX-XX-XX", "PAST_REF", "", "2021-13", "garbage", "2021-08-02T25:00",
                "P3D", "1e9"]


@st.composite
def mutated_timelines(draw, base: dict) -> str:
    """A saved timeline with a few values replaced by arbitrary (or date-like) JSON, or cut short."""
    value = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(value) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        holder = value
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = draw(_like(holder[path[-1]]) if draw(st.integers(0, 3)) else json_values)
    return _corrupt(draw, _dumps(value)) if draw(st.integers(0, 3)) == 0 else _dumps(value)


def _like(old) -> st.SearchStrategy:
    """A value of the same JSON type (so the schema accepts it and the merger must cope)."""
    if isinstance(old, bool) or old is None:
        return st.one_of(st.booleans(), st.none())
    if isinstance(old, int):
        return st.one_of(st.integers(-3, 10_000), st.sampled_from([0, 1, -1, 2**31]))
    if isinstance(old, float):
        return st.floats(0, 1)
    if isinstance(old, str):
        return st.one_of(st.sampled_from(DATE_STRINGS), st.sampled_from(["occurred", "planned", "ATTACK",
                                                                         "day", "month", "unknown"]),
                         st.text(max_size=12))
    if isinstance(old, list):
        return st.lists(st.sampled_from(old), max_size=len(old) + 2) if old else st.just([])
    return st.just(old)
