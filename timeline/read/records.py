"""Exports from news databases: many articles a file, one per JSON object or CSV row.

Each object or row gives the text and, when present, title, url, published, source and id
(formats.toml lists the keys tried; --text-column and friends name others).
A record that cannot be read is skipped with a warning naming its line; the file goes on.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import BinaryIO, Iterable, Iterator, Optional

from timeline.errors import InputError
from timeline.read.article import Article
from timeline.read.context import FIELDS, ReadContext
from timeline.read.dates import parse_date
from timeline.read.language import iso639_1
from timeline.read.text import check_text, decode

_ARTICLE_FIELDS = ("title", "url", "published", "source", "lang")


def _pick(keys: Iterable[str], field: str, ctx: ReadContext) -> Optional[str]:
    """The key holding `field`: the one an option names, else the first default present."""
    lower = {k.lower(): k for k in keys if isinstance(k, str)}
    named = ctx.options.column(field)
    if named:
        return named if named in lower.values() else lower.get(named.lower())
    return next((lower[c] for c in FIELDS[field] if c in lower), None)


def _string(value) -> Optional[str]:
    if isinstance(value, dict):  # {"source": {"name": "Reuters"}}
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, (list, dict)):
        return None
    return str(value).strip() or None


def _document(record: dict, base: str, number: int, where: str, name: str,
              ctx: ReadContext) -> Optional[Article]:
    """One record -> Article, or None (with a warning) when it has no text."""
    keys = list(record)
    text_key = _pick(keys, "text", ctx)
    text = record.get(text_key) if text_key else None
    if not isinstance(text, str) or not text.strip():
        ctx.warn(where, f"no article text (no non-empty {text_key or _text_keys(ctx)!r} field)")
        return None
    fields = {f: _string(record.get(k)) if (k := _pick(keys, f, ctx)) else None
              for f in (*_ARTICLE_FIELDS, "id")}
    published = parse_date(fields["published"])
    if fields["published"] and not published:
        ctx.warn(where, f"publication date {fields['published']!r} is not a date; ignored")
    return Article(
        id=f"{base}#{fields['id']}" if fields["id"] else f"{base}:{number}",
        title=fields["title"], url=fields["url"], source=fields["source"],
        published=published, published_from="metadata" if published else None,
        path=name, lang=iso639_1(fields["lang"]), text=text.replace("\r\n", "\n"),
    )


def _text_keys(ctx: ReadContext) -> str:
    return ctx.options.column("text") or "/".join(FIELDS["text"][:3])


def _no_articles(name: str, skipped: int) -> InputError:
    return InputError(f"no articles ({skipped} records skipped)" if skipped else "no articles", name)


def _count_skipped(ctx: ReadContext, name: str, found: int, skipped: int, unit: str) -> None:
    """One warning for the records skipped; an error when nothing was left."""
    if skipped:
        ctx.warn(name, f"{skipped} of {found + skipped} {unit} skipped")
    if not found:
        raise _no_articles(name, skipped)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, Optional[bytes]]]:
    """(line number, bytes) for each line; None for a line longer than `limit`, never held whole."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(2**20)  # drop the rest of the line a megabyte at a time
            yield number, None
        else:
            yield number, line


def check_stream(stream: BinaryIO, name: str) -> None:
    """The streamed formats' version of check_text, on the first block only."""
    head = stream.peek(8192)[:8192]
    if not head.strip():
        raise InputError("empty file", name)
    if b"\x00" in head:
        raise InputError("binary file, not text", name)


def read_jsonl(stream: BinaryIO, name: str, base: str, ctx: ReadContext) -> Iterator[Article]:
    """One JSON object a line, streamed: memory does not grow with the file."""
    check_stream(stream, name)
    found = skipped = not_utf8 = 0
    limit = ctx.options.max_record_bytes
    for number, line in _lines(stream, limit):
        where = f"{name} line {number}"
        if line is None:
            ctx.warn(where, f"line longer than {limit / 2**20:g} MB; skipped")
            skipped += 1
            continue
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, not_utf8 = decode(line, where), not_utf8 + 1
        try:
            record = json.loads(text)
        except json.JSONDecodeError as e:
            ctx.warn(where, f"not JSON ({e.msg}); skipped")
            skipped += 1
            continue
        if not isinstance(record, dict):
            ctx.warn(where, "not a JSON object; skipped")
            skipped += 1
            continue
        doc = _document(record, base, number, where, name, ctx)
        if doc is None:
            skipped += 1
            continue
        found += 1
        yield doc
    if not_utf8:
        ctx.warn(name, f"{not_utf8} lines not UTF-8: read as Windows-1252, undecodable bytes replaced")
    _count_skipped(ctx, name, found, skipped, "lines")


def read_json(data: bytes, name: str, base: str, ctx: ReadContext) -> Iterator[Article]:
    """One article (an object) or many (an array of objects); JSON lines in a .json file too."""
    check_text(data, name)
    try:
        value = json.loads(decode(data, name, ctx))
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several objects, one a line: JSON lines named .json
            yield from read_jsonl(io.BufferedReader(io.BytesIO(data)), name, base, ctx)
            return
        raise InputError(f"not JSON ({e.msg}, line {e.lineno})", name) from None
    if isinstance(value, dict):
        doc = _document(value, base, 1, name, name, ctx)
        if doc is None:
            raise _no_articles(name, 1)
        yield replace(doc, id=base) if doc.id == f"{base}:1" else doc
        return
    if not isinstance(value, list):
        raise InputError("expected a JSON object or an array of objects", name)
    found = 0
    for number, record in enumerate(value, 1):
        where = f"{name} item {number}"
        doc = _document(record, base, number, where, name, ctx) if isinstance(record, dict) else None
        if doc is not None:
            found += 1
            yield doc
    if len(value) > found:
        ctx.warn(name, f"{len(value) - found} of {len(value)} items skipped")
    if not found:
        raise _no_articles(name, len(value))


def _csv_columns(header: list[str], name: str, ctx: ReadContext) -> dict[str, Optional[str]]:
    """Field -> column; a column named by an option that is not there is an error."""
    columns = {}
    for field in ("text", *_ARTICLE_FIELDS, "id"):
        named, column = ctx.options.column(field), _pick(header, field, ctx)
        if named and column is None:
            raise InputError(f"no column {named!r} (columns: {', '.join(header)})", name)
        columns[field] = column
    if columns["text"] is None:
        raise InputError(f"no text column; name it with --text-column (columns: {', '.join(header)})",
                         name)
    return columns


def read_csv(stream: BinaryIO, name: str, base: str, ctx: ReadContext) -> Iterator[Article]:
    """A header row, then one article a row, streamed."""
    check_stream(stream, name)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    csv.field_size_limit(ctx.options.max_record_bytes)
    rows = csv.reader(text)
    try:
        header = next(rows, None)
        if not header or not any(h.strip() for h in header):
            raise InputError("empty file", name)
        columns = _csv_columns([h.strip() for h in header], name, ctx)
        index = {f: [h.strip() for h in header].index(c) for f, c in columns.items() if c}
        found = skipped = replaced = 0
        for number, row in enumerate(rows, 1):
            record = {columns[f]: row[i] for f, i in index.items() if i < len(row)}
            replaced += sum(v.count("\ufffd") for v in record.values())
            doc = _document(record, base, number, f"{name} row {number}", name, ctx)
            if doc is None:
                skipped += 1
                continue
            found += 1
            yield doc
    except csv.Error as e:
        raise InputError(f"not valid CSV at line {rows.line_num}: {e}", name) from None
    finally:
        text.detach()
    if replaced:
        ctx.warn(name, f"not UTF-8: {replaced} undecodable bytes replaced")
    _count_skipped(ctx, name, found, skipped, "rows")
