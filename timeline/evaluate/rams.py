"""Event types on RAMS windows (Ebner et al. 2020): recall of the one labelled trigger per window.

Each window (five tokenised sentences of news, one labelled event trigger with its AIDA type) is
run through the whole pipeline (times, then events) as one document, published on the date its
source URL carries when it carries one. For the windows whose RAMS type maps to one of ours
(rams_types.toml), three shares:
- found: some event has a mention whose trigger overlaps the labelled trigger;
- typed: the same, and that mention is of a type the RAMS type maps to: the type its own trigger
  names (Mention.trigger_type: "killed" told as part of a bombing is a death), else its event's;
- sentence: a mention of such a type has a sentence that holds the labelled trigger.
Both are also given by the event's type alone (a death told inside an attack counts as an attack).
Each window holds other events that are not labelled: this measures recall, not precision.
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from timeline.errors import InputError

MAPPING = Path(__file__).with_name("rams_types.toml")
# no space before these tokens, none after the opening ones
_ATTACH_LEFT = frozenset(",.:;!?)]}%") | {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'", "’s"}
_ATTACH_RIGHT = frozenset("([{$")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(\d\d)/")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def load_mapping(path: Optional[str] = None) -> dict[str, tuple[str, ...]]:
    source = Path(path) if path else MAPPING
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"cannot read the RAMS type mapping: {e}", str(source)) from None
    return {k: tuple(v) for k, v in (data.get("map") or {}).items()}


def our_types(rams_type: str, mapping: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The types of the longest key that is a dotted prefix of `rams_type` (() when none)."""
    parts = rams_type.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in mapping:
            return mapping[key]
    return ()


def detokenize(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """The window as text (punctuation attached, one space between words, sentences joined by a
    space) and each token's (start, end) offsets in it, in window order."""
    text, spans = [], []
    pos, glue = 0, True
    for sentence in sentences:
        for token in sentence:
            if not glue and token not in _ATTACH_LEFT:
                text.append(" ")
                pos += 1
            spans.append((pos, pos + len(token)))
            text.append(token)
            pos += len(token)
            glue = token in _ATTACH_RIGHT
    return "".join(text), spans


def published(url: str) -> Optional[str]:
    m = _URL_DATE.search(url)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _URL_MONTH.search(url.lower())
    if m:
        return f"{m.group(1)}-{_MONTHS[m.group(2)]:02d}-{m.group(3)}"
    return None


@dataclass
class RamsReport:
    windows: int = 0
    mapped: int = 0
    found: int = 0          # of the mapped windows: the labelled trigger is an event's trigger
    typed: int = 0          # ... of a mapped type
    sentence: int = 0       # an event of a mapped type in the trigger's sentence
    typed_event: int = 0    # typed, reading the event's type instead of the mention's
    sentence_event: int = 0     # sentence, likewise
    per_type: dict = field(default_factory=dict)     # RAMS type (two levels) -> [mapped, typed, sentence]
    misses: list = field(default_factory=list)       # (RAMS type, wanted, trigger, what we found there)

    def share(self, n: int) -> float:
        return round(100 * n / self.mapped, 2) if self.mapped else 0.0

    def as_dict(self) -> dict:
        return {"windows": self.windows, "mapped": self.mapped, "found": self.share(self.found),
                "typed_trigger": self.share(self.typed), "typed_sentence": self.share(self.sentence),
                "typed_trigger_event_type": self.share(self.typed_event),
                "typed_sentence_event_type": self.share(self.sentence_event),
                "counts": {"found": self.found, "typed": self.typed, "sentence": self.sentence,
                           "typed_event_type": self.typed_event, "sentence_event_type": self.sentence_event},
                "per_type": {k: dict(zip(("mapped", "typed", "sentence"), v)) for k, v in sorted(self.per_type.items())}}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def table(self) -> str:
        rows = [f"{'RAMS type':<36}{'windows':>8}{'typed':>8}{'sentence':>10}"]
        for k, (n, t, s) in sorted(self.per_type.items(), key=lambda kv: -kv[1][0]):
            rows.append(f"{k:<36}{n:>8}{100 * t / n:>7.1f}%{100 * s / n:>9.1f}%")
        rows.append(f"RAMS: {self.windows} windows, {self.mapped} of a type we map; labelled trigger found "
                    f"{self.share(self.found):.2f}%, typed {self.share(self.typed):.2f}% (trigger level), "
                    f"{self.share(self.sentence):.2f}% (sentence level); by the event's type alone "
                    f"{self.share(self.typed_event):.2f}% and {self.share(self.sentence_event):.2f}%")
        return "\n".join(rows)


def evaluate_rams(path: str, taxonomy: Optional[str] = None, mapping_path: Optional[str] = None) -> RamsReport:
    from timeline.events.finder import analyse
    from timeline.models import Document
    from timeline.text import split_sentences
    from timeline.times import tag_document

    mapping = load_mapping(mapping_path)
    report = RamsReport()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            window = json.loads(line)
            (first, last, [[rams_type, _]]), *_ = window["evt_triggers"]
            sentences = window["sentences"]
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"line {number}: not a RAMS window ({e})", path) from None
        report.windows += 1
        wanted = our_types(rams_type, mapping)
        if not wanted:
            continue
        report.mapped += 1
        text, spans = detokenize(sentences)
        gold = (spans[first][0], spans[last][1])
        document = Document(id=window.get("doc_key", f"window-{number}"), text=text,
                            published=published(window.get("source_url", "")))
        split = split_sentences(text)
        events, _ = analyse(document, split, tag_document(document, split, "news"), taxonomy)
        at_trigger = [(m.trigger_type or e.type, e.type) for e in events for m in e.mentions
                      if m.trigger_start < gold[1] and gold[0] < m.trigger_end]
        typed = any(own in wanted for own, _ in at_trigger)
        in_sentence = [(m.trigger_type or e.type, e.type) for e in events for m in e.mentions if m.start <= gold[0] < m.end]
        report.typed_event += any(kind in wanted for _, kind in at_trigger)
        report.sentence_event += any(kind in wanted for _, kind in in_sentence)
        in_sentence = any(own in wanted for own, _ in in_sentence)
        report.found += bool(at_trigger)
        report.typed += typed
        report.sentence += in_sentence
        row = report.per_type.setdefault(".".join(rams_type.split(".")[:2]), [0, 0, 0])
        row[0] += 1
        row[1] += typed
        row[2] += in_sentence
        if not typed:
            report.misses.append((rams_type, wanted[0], text[gold[0]:gold[1]], [own for own, _ in at_trigger]))
    return report
