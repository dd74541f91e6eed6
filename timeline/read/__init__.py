"""Stage 1, read: inputs (files, directories, `-`, URLs) -> Documents, one at a time.

One module per input kind (text, html, records for JSON/JSONL/CSV); `Reader` dispatches on the
suffix, settles each document's publication date and collects warnings:

    --published  >  the input's metadata  >  the page's HTML metadata  >  a dateline  >  the day
    the file's path files it under (".../2010-01-19/a.txt")  >  none  (a path's day goes before a
    dateline whose year is guessed)

With none, relative dates stay unresolved and the document gets a warning; never the file's
modification time, never today.
"""
from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, Optional

from timeline.errors import InputError
from timeline.lang import available
from timeline.read.article import Article
from timeline.read.context import SUFFIXES, ReadContext, ReadOptions
from timeline.read.dateline import find_dateline
from timeline.read.dates import date_from_path, normalise_published
from timeline.read.fetch import check_url, fetch, url_scheme
from timeline.read.furniture import clean
from timeline.read.html import read_html
from timeline.read.language import detect
from timeline.read.records import read_csv, read_json, read_jsonl
from timeline.read.text import read_text

if TYPE_CHECKING:
    from timeline.models import Document

__all__ = ["Article", "Reader", "ReadOptions", "read_inputs", "document_id"]

WHOLE: dict[str, Callable[..., Iterator[Article]]] = {
    "text": read_text, "html": read_html, "json": read_json}
STREAMED: dict[str, Callable[..., Iterator[Article]]] = {"jsonl": read_jsonl, "csv": read_csv}
NO_DATE = ("no publication date: relative dates (\"Sunday\", \"last year\") stay unresolved; "
           "give one with --published YYYY-MM-DD")


def document_id(path: Path) -> str:
    """Stable id: the file name (directories add nothing, so moving a corpus keeps its ids)."""
    return os.path.basename(path)


class Reader:
    """Reads inputs lazily (memory does not grow with the corpus) and keeps the warnings."""

    def __init__(self, options: ReadOptions = ReadOptions()):
        if options.published:
            options = ReadOptions(**{**options.__dict__,
                                     "published": normalise_published(options.published, "--published")})
        self.context = ReadContext(options)
        self._ids: set[str] = set()

    @property
    def options(self) -> ReadOptions:
        return self.context.options

    @property
    def warnings(self) -> list[tuple[str, str]]:
        return self.context.warnings

    def documents(self, inputs: Iterable[str]) -> Iterator[Document]:
        """One Document per article, in input order (directories sorted)."""
        return (article.document() for article in self.articles(inputs))

    def articles(self, inputs: Iterable[str]) -> Iterator[Article]:
        """`documents` as plain records (no pydantic: what `timeline times` reads)."""
        inputs = list(inputs)
        self._check(inputs)
        for raw in inputs:
            for doc in self._input(raw):
                yield self._finish(doc)

    def _check(self, inputs: list[str]) -> None:
        """Refuse a missing file or an unfetchable URL before any work is done."""
        for raw in inputs:
            if url_scheme(raw):
                check_url(raw, self.options.fetch)
            elif raw != "-" and not Path(raw).exists():
                raise InputError("no such file or directory", raw)

    def _input(self, raw: str) -> Iterator[Article]:
        if raw == "-":
            yield from self._stdin()
        elif url_scheme(raw):
            yield from self._url(raw)
        else:
            path = Path(raw)
            if path.is_dir():
                yield from self._directory(path)
            elif path.exists():
                yield from self._file(path, SUFFIXES.get(path.suffix.lower(), "text"))
            else:
                raise InputError("no such file or directory", raw)

    def _directory(self, root: Path) -> Iterator[Article]:
        """Known suffixes, recursively, sorted; a bad file is skipped with a warning."""
        found, skipped = 0, []
        for path in sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(root).parts)):
            try:
                for doc in self._file(path, SUFFIXES[path.suffix.lower()]):
                    found += 1
                    yield doc
            except InputError as e:
                reason = str(e).removeprefix(f"{path}: ")
                skipped.append(f"{path.relative_to(root)}: {reason}")
                self.context.warn(str(path), f"{reason}; skipped")
        if not found:
            why = f" ({len(skipped)} skipped, first {skipped[0]})" if skipped else ""
            raise InputError(f"no articles found in this directory{why}", str(root))

    def _file(self, path: Path, kind: str) -> Iterator[Article]:
        name, base = str(path), document_id(path)
        try:
            if kind in STREAMED:
                with path.open("rb") as stream:
                    yield from STREAMED[kind](stream, name, base, self.context)
                return
            size = path.stat().st_size
            if size > self.options.max_bytes:
                raise InputError(self._too_large(size), name)
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}", name) from None
        yield from WHOLE[kind](data, name, base, self.context)

    def _too_large(self, size: int) -> str:
        return (f"too large ({size / 2**20:.0f} MB): files read whole are limited to "
                f"{self.options.max_bytes // 2**20} MB; give large corpora as .jsonl or .csv, which are streamed")

    def _stdin(self) -> Iterator[Article]:
        """Standard input: JSON lines are streamed; text, HTML and JSON are read whole."""
        stream: BinaryIO = sys.stdin.buffer
        first = stream.readline(self.options.max_bytes + 1)
        if _is_object_line(first):
            yield from read_jsonl(_Prepend(first, stream), "-", "stdin", self.context)
            return
        data = first + stream.read(self.options.max_bytes + 1 - len(first))
        if len(data) > self.options.max_bytes:
            raise InputError(self._too_large(len(data)), "-")
        yield from WHOLE[_sniff(data)](data, "-", "stdin", self.context)

    def _url(self, url: str) -> Iterator[Article]:
        check_url(url, self.options.fetch)
        data, kind, final = fetch(url, self.options.max_bytes, self.options.allow_private)
        kind = kind or SUFFIXES.get(Path(url.split("?")[0]).suffix.lower()) or _sniff(data)
        if kind in STREAMED:
            yield from STREAMED[kind](io.BufferedReader(io.BytesIO(data)), url, url, self.context)
        elif kind == "html":
            yield from read_html(data, url, url, self.context, url=final)
        else:
            yield from WHOLE[kind](data, url, url, self.context)

    def _finish(self, doc: Article) -> Article:
        """Clean the text (furniture.py), settle the publication date and the language, and make
        the id unique."""
        text = clean(doc.text)
        if text != doc.text:
            doc = replace(doc, text=text)
        update: dict = self._language(doc)
        if self.options.published:
            update |= {"published": self.options.published, "published_from": "option"}
        elif not doc.published:
            dateline = find_dateline(doc.text)
            filed = date_from_path(doc.path)
            if filed and (not dateline or dateline.year_guessed):
                # an archive filed by day: the day it was filed under, a date the text gives no better
                update |= {"published": filed, "published_from": "path"}
            elif dateline:
                update |= {"published": dateline.date, "published_from": "dateline"}
                if dateline.year_guessed:
                    self.context.warn(doc.id, f"publication date {dateline.date} from the dateline "
                                              f"{dateline.text!r}, its year guessed from the text: "
                                              "check it or give --published YYYY-MM-DD")
            else:
                self.context.warn(doc.id, NO_DATE)
        if doc.id in self._ids:
            unique = next(f"{doc.id}~{n}" for n in range(2, len(self._ids) + 2)
                          if f"{doc.id}~{n}" not in self._ids)
            self.context.warn(doc.id, f"the same document id twice; this one is {unique}")
            update["id"] = unique
        self._ids.add(update.get("id", doc.id))
        return replace(doc, **update) if update else doc


    def _language(self, doc: Article) -> dict:
        """--lang > the input's own (a record's field, <html lang>) > detected; a language with
        no pack is read for ISO dates only, with a warning."""
        lang = self.options.lang or doc.lang or detect(doc.text)
        if lang and lang not in available():
            self.context.warn(doc.id, f"language {lang!r} has no language pack (timeline/lang/; packs: "
                                      f"{', '.join(sorted(available()))}): only its ISO dates are read")
        return {"lang": lang} if lang != doc.lang else {}


class _Prepend:
    """A binary stream whose first line was already read (to sniff standard input)."""

    def __init__(self, first: bytes, rest: BinaryIO):
        self._first, self._rest = first, rest

    def peek(self, n: int = 1) -> bytes:
        return self._first or self._rest.peek(n)

    def readline(self, limit: int = -1) -> bytes:
        if self._first:
            line, self._first = self._first, b""
            return line
        return self._rest.readline(limit)


def _sniff(data: bytes) -> str:
    """What standard input or an untyped download holds, from its first bytes."""
    head = data.lstrip()[:1]
    return "json" if head in (b"{", b"[") else "html" if head == b"<" else "text"


def _is_object_line(line: bytes) -> bool:
    """A first line that is a whole JSON object: standard input holds JSON lines."""
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_inputs(inputs: Iterable[str], published: Optional[str] = None) -> Iterator[Document]:
    """Documents from inputs, without the warnings (use Reader for those)."""
    return Reader(ReadOptions(published=published)).documents(inputs)
