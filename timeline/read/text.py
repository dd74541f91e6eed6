"""Plain-text articles, optionally starting with a header block of `key: value` lines.

    title: ...
    published: 2021-08-02
    source: ...
    <blank line>
    body...
"""
from __future__ import annotations

import re
from typing import Iterator

from timeline.errors import InputError
from timeline.read.article import Article
from timeline.read.context import ReadContext
from timeline.read.dates import normalise_published

HEADER_KEYS = ("title", "url", "published", "source", "date")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")
_BOMS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def check_text(data: bytes, where: str) -> None:
    """Refuse what is no article at all: nothing, or bytes that are not text."""
    if not data.strip():
        raise InputError("empty file", where)
    if b"\x00" in data[:8192] and not data.startswith(tuple(b for b, _ in _BOMS)):
        raise InputError("binary file, not text", where)


def decode(data: bytes, where: str, ctx: ReadContext | None = None) -> str:
    """UTF-8 (or UTF-16 with a BOM); otherwise decode with replacement and say so."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        text = data.decode("cp1252", errors="replace")
        if ctx:
            replaced = text.count("\ufffd")
            ctx.warn(where, f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}): read as "
                            f"Windows-1252, {replaced} undecodable bytes replaced")
        return text


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return (header fields, body). No header when the first line is not a known `key: value`."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "\n".join(lines[i + 1:])
            break
        m = _HEADER_LINE.match(line.rstrip("\r"))
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        header[m.group(1).lower()] = m.group(2).strip()
    return {}, text


def parse_article(text: str, doc_id: str, path: str) -> Article:
    header, body = split_header(text.replace("\r\n", "\n"))
    published = header.get("published") or header.get("date")
    if not body.strip():
        raise InputError("no article text", path)
    return Article(
        id=doc_id,
        title=header.get("title") or None,
        url=header.get("url") or None,
        source=header.get("source") or None,
        published=normalise_published(published, path) if published else None,
        published_from="header" if published else None,
        path=path,
        text=body,
    )


def read_text(data: bytes, name: str, doc_id: str, ctx: ReadContext) -> Iterator[Article]:
    check_text(data, name)
    yield parse_article(decode(data, name, ctx), doc_id, name)
