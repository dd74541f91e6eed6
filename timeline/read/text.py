"""Plain-text articles, optionally starting with a header block of `key: value` lines.

    title: ...
    published: 2021-08-02
    source: ...
    <blank line>
    body...
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from timeline.errors import InputError
from timeline.models import Document
from timeline.read.dates import normalise_published

HEADER_KEYS = ("title", "url", "published", "source", "date")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError("empty file", path)
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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


def parse_article(text: str, doc_id: str, path: str) -> Document:
    header, body = split_header(text.replace("\r\n", "\n"))
    published = header.get("published") or header.get("date")
    if not body.strip():
        raise InputError("no article text", path)
    return Document(
        id=doc_id,
        title=header.get("title") or None,
        url=header.get("url") or None,
        source=header.get("source") or None,
        published=normalise_published(published, path) if published else None,
        published_from="header" if published else None,
        path=path,
        text=body,
    )


def read_text(path: Path) -> Iterator[Document]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", str(path)) from None
    yield parse_article(decode(data, str(path)), path.name, str(path))
