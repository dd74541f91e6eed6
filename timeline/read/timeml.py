"""TimeML in and out: the DCT, the TEXT as plain text, its inline tags with plain-text offsets.

Every offset points into `TimeMLDocument.text`, the TEXT element's content with all tags removed
and entities decoded. Writing replaces the TIMEX3 tags inside TEXT with ours and leaves everything
else as it was; a tag of the original that one of our spans would cross loses its tags (keeps its
text), so the output always nests correctly.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from timeline.errors import InputError
from timeline.models import Document, TimeExpression

SUFFIXES = (".tml", ".xml", ".timeml")

_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
_DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.S)
_DCT_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>")
_DOCID = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID\s*>", re.S)
# A tag, comment or processing instruction inside TEXT; everything between them is text.
_MARKUP = re.compile(r"<!--.*?-->|<\?.*?\?>|<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
                     re.S)
_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_TID = re.compile(r"\btid\s*=\s*[\"']t(\d+)[\"']")


@dataclass(frozen=True)
class Tag:
    """One inline element of TEXT: [start, end) in plain-text offsets and its raw tags."""
    name: str
    start: int
    end: int
    attrs: dict = field(default_factory=dict, compare=False)
    open: str = ""
    close: str = ""  # "" for an empty element (<X/>), a comment or a processing instruction

    @property
    def value(self) -> str:
        return self.attrs.get("value", "")

    @property
    def type(self) -> str:
        return self.attrs.get("type", "")


@dataclass(frozen=True)
class TimeMLDocument:
    path: str
    raw: str
    docid: Optional[str]
    dct: Optional[str]            # YYYY-MM-DD, from <DCT><TIMEX3 value=...>
    text: str                     # TEXT with every tag removed and entities decoded
    tags: tuple[Tag, ...]         # every element inside TEXT, in document order
    text_span: tuple[int, int]    # where TEXT's content sits in `raw`

    @property
    def timexes(self) -> list[Tag]:
        return [t for t in self.tags if t.name == "TIMEX3"]

    def document(self) -> Document:
        """The TEXT as a Document dated by the DCT, ready for the tagger."""
        return Document(id=Path(self.path).name, title=self.docid, published=self.dct,
                        published_from="metadata" if self.dct else None, path=self.path,
                        text=self.text)


def timeml_files(inputs: Iterable[str]) -> list[tuple[Path, Path]]:
    """(file, path relative to its input) for every TimeML file; directories are read recursively."""
    found = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                raise InputError("no TimeML files (.tml) in this directory", raw)
            found += [(p, p.relative_to(path)) for p in files]
        elif path.is_file():
            found.append((path, Path(path.name)))
        else:
            raise InputError("no such file or directory", raw)
    return found


def read_timeml(path: str | Path) -> TimeMLDocument:
    path = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path) from None
    return parse_timeml(data, path)


def parse_timeml(data: bytes | str, path: str = "<timeml>") -> TimeMLDocument:
    raw = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    try:
        ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as e:
        raise InputError(f"malformed TimeML: {e}", path) from None
    m = _TEXT.search(raw)
    if not m:
        raise InputError("malformed TimeML: no <TEXT> element", path)
    text, tags = _parse_inline(m.group(1), path)
    docid = _DOCID.search(raw)
    return TimeMLDocument(path=path, raw=raw, docid=docid.group(1).strip() if docid else None,
                          dct=_dct(raw), text=text, tags=tuple(tags), text_span=m.span(1))


def _dct(raw: str) -> Optional[str]:
    m = _DCT.search(raw)
    timex = _DCT_TIMEX.search(m.group(1)) if m else None
    value = _attrs(timex.group(1)).get("value", "") if timex else ""
    day = _ISO_DAY.match(value) or (_ISO_DAY.match(html.unescape(re.sub(r"<[^>]*>", "", m.group(1)).strip()))
                                    if m else None)
    return f"{day.group(1)}-{day.group(2)}-{day.group(3)}" if day else None


def _attrs(text: str) -> dict:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(text)}


def _parse_inline(content: str, path: str) -> tuple[str, list[Tag]]:
    """Split TEXT's content into plain text and its elements (offsets into the plain text)."""
    parts: list[str] = []
    size = 0
    tags: list[Tag] = []
    stack: list[tuple[int, str, int, dict, str]] = []   # (index in tags, name, start, attrs, open)
    pos = 0
    for m in _MARKUP.finditer(content):
        if m.start() > pos:
            piece = html.unescape(content[pos:m.start()])
            parts.append(piece)
            size += len(piece)
        pos = m.end()
        closing, name, attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if name is None or empty:            # comment, PI or <X/>: zero width, kept in place
            tags.append(Tag(name or "", size, size, _attrs(attrs or ""), m.group(0)))
        elif not closing:
            stack.append((len(tags), name, size, _attrs(attrs), m.group(0)))
            tags.append(None)                # placeholder keeps document order
        else:
            if not stack or stack[-1][1] != name:
                raise InputError(f"malformed TimeML: unexpected </{name}> in TEXT", path)
            index, _, start, attr, opening = stack.pop()
            tags[index] = Tag(name, start, size, attr, opening, m.group(0))
    if stack:
        raise InputError(f"malformed TimeML: <{stack[-1][1]}> not closed in TEXT", path)
    tail = html.unescape(content[pos:])
    parts.append(tail)
    return "".join(parts), tags


def write_timeml(doc: TimeMLDocument, expressions: Iterable[TimeExpression]) -> str:
    """The document with its TEXT's TIMEX3 tags replaced by `expressions`, all else unchanged."""
    ours = _timex_tags(expressions, _first_free_tid(doc), len(doc.text))
    kept = [t for t in doc.tags if t.name != "TIMEX3" and not any(_crosses(t, o) for o in ours)]
    body = _serialise(doc.text, kept + ours)
    start, end = doc.text_span
    return doc.raw[:start] + body + doc.raw[end:]


def _first_free_tid(doc: TimeMLDocument) -> int:
    """Our tids start after any tid used outside TEXT (the DCT's t0), so none collides."""
    outside = doc.raw[:doc.text_span[0]]
    return max((int(n) for n in _TID.findall(outside)), default=0) + 1


def _timex_tags(expressions: Iterable[TimeExpression], first_tid: int, size: int) -> list[Tag]:
    """Our expressions as TIMEX3 tags, left to right; TIMEX3 cannot nest, so overlaps keep the first."""
    tags: list[Tag] = []
    for e in sorted(expressions, key=lambda e: (e.start, -e.end)):
        if not 0 <= e.start < e.end <= size or (tags and e.start < tags[-1].end):
            continue
        attrs = {"tid": f"t{first_tid + len(tags)}", "type": e.type, "value": e.value}
        if e.mod:
            attrs["mod"] = e.mod
        opening = "<TIMEX3 " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">"
        tags.append(Tag("TIMEX3", e.start, e.end, attrs, opening, "</TIMEX3>"))
    return tags


def _crosses(a: Tag, b: Tag) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _serialise(text: str, tags: list[Tag]) -> str:
    """Plain text plus properly nested tags -> XML content (outer tags open first, close last)."""
    out: list[str] = []
    stack: list[Tag] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            tag = stack.pop()
            out.append(_escape(text[pos:tag.end]))
            out.append(tag.close)
            pos = tag.end

    # equal spans: the original's tag outside ours; zero-width marks after tags that close there
    for tag in sorted(tags, key=lambda t: (t.start, -t.end, t.name == "TIMEX3")):
        close_until(tag.start)
        out.append(_escape(text[pos:tag.start]))
        pos = tag.start
        out.append(tag.open)
        if tag.close and tag.end > tag.start:
            stack.append(tag)
        else:
            out.append(tag.close)
    close_until(len(text))
    out.append(_escape(text[pos:]))
    return "".join(out)
