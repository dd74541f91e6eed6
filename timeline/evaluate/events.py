"""Event evaluation on TimeML (TimeBank/AQUAINT): triggers and dates against the gold annotation.

- Triggers: precision, recall and F1 of our trigger spans against the gold EVENT tags of the
  classes OCCURRENCE, I_ACTION and ASPECTUAL (a match is any overlap), at two levels: the
  timeline items we emit (mentions), every clause candidate before the newsworthiness filter, and
  every word or pattern of the taxonomy the trigger filters accept (the lexicon's reach).
- Dates: the gold events of those classes that a TLINK anchors inside a TIMEX3 (IS_INCLUDED,
  DURING, SIMULTANEOUS, BEGINS, ENDS, and the inverse links), and the share of them that we emit
  with that date (our mention points at a time expression overlapping the TIMEX3, or our date
  value equals its value). Anchors in the text and the document creation time are counted apart.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Optional

from timeline.events.clauses import split_clauses
from timeline.events.finder import analyse
from timeline.events.triggers import find_triggers
from timeline.events.taxonomy import load_taxonomy
from timeline.models import Document
from timeline.read.timeml import read_timeml, timeml_files
from timeline.text import split_sentences
from timeline.times import tag_document

TARGET_CLASSES = frozenset({"OCCURRENCE", "I_ACTION", "ASPECTUAL"})
ANCHORING = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "IDENTITY"})
_INVERSE = {"INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEGUN_BY": "BEGINS", "BEGINS": "BEGUN_BY",
            "ENDED_BY": "ENDS", "ENDS": "ENDED_BY", "DURING_INV": "DURING", "DURING": "DURING_INV",
            "BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE"}
_TAG = re.compile(r"<(MAKEINSTANCE|TLINK)\b([^>]*)/?>")
_ATTR = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")


@dataclass
class Counts:
    system: int = 0
    correct: int = 0        # system spans that overlap a target gold event
    gold: int = 0
    found: int = 0          # target gold events overlapped by a system span

    def scores(self) -> dict:
        p = self.correct / self.system if self.system else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
                **asdict(self)}


@dataclass
class DateCounts:
    anchored: int = 0       # gold target events anchored in a TIMEX3
    emitted: int = 0        # ... that we emit as a timeline item
    dated: int = 0          # ... that we date at all
    correct: int = 0        # ... with the gold TIMEX3's date

    def scores(self) -> dict:
        share = self.correct / self.anchored if self.anchored else 0.0
        among = self.correct / self.emitted if self.emitted else 0.0
        return {"share_correct": round(100 * share, 2), "correct_among_emitted": round(100 * among, 2),
                **asdict(self)}


@dataclass
class EventReport:
    documents: int = 0
    items: Counts = field(default_factory=Counts)
    candidates: Counts = field(default_factory=Counts)
    words: Counts = field(default_factory=Counts)
    dates_text: DateCounts = field(default_factory=DateCounts)
    dates_dct: DateCounts = field(default_factory=DateCounts)

    def as_dict(self) -> dict:
        return {"documents": self.documents, "triggers_items": self.items.scores(),
                "triggers_candidates": self.candidates.scores(), "triggers_words": self.words.scores(),
                "dates_timex_in_text": self.dates_text.scores(), "dates_document_time": self.dates_dct.scores()}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def table(self) -> str:
        rows = [f"{self.documents} documents; gold EVENT classes {', '.join(sorted(TARGET_CLASSES))}",
                f"{'triggers':<28}{'P':>8}{'R':>8}{'F1':>8}{'system':>9}{'gold':>8}"]
        for name, c in (("timeline items (mentions)", self.items), ("clause candidates", self.candidates),
                        ("every trigger word", self.words)):
            s = c.scores()
            rows.append(f"{name:<28}{s['precision']:>8.2f}{s['recall']:>8.2f}{s['f1']:>8.2f}{c.system:>9}{c.gold:>8}")
        rows.append(f"{'dates (TLINK-anchored)':<28}{'anchored':>9}{'emitted':>9}{'dated':>8}{'correct':>9}{'share':>8}")
        for name, d in (("TIMEX3 in the text", self.dates_text), ("document creation time", self.dates_dct)):
            s = d.scores()
            rows.append(f"{name:<28}{d.anchored:>9}{d.emitted:>9}{d.dated:>8}{d.correct:>9}{s['share_correct']:>7.2f}%")
        return "\n".join(rows)


def evaluate_events(inputs: Iterable[str], tagger: Callable = tag_document,
                    taxonomy: Optional[str] = None) -> EventReport:
    report = EventReport()
    for path, _ in timeml_files(inputs):
        _document(read_timeml(path), report, tagger, taxonomy)
    return report


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _count(counts: Counts, spans: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
    counts.system += len(spans)
    counts.correct += sum(1 for s in spans if any(_overlaps(s, g) for g in gold))
    counts.gold += len(gold)
    counts.found += sum(1 for g in gold if any(_overlaps(s, g) for s in spans))


def _document(tml, report: EventReport, tagger, taxonomy) -> None:
    document = tml.document()
    sentences = split_sentences(document.text)
    times = tagger(document, sentences, "news")
    events, traces = analyse(document, sentences, times, taxonomy)
    report.documents += 1
    gold_events = {t.attrs.get("eid"): t for t in tml.tags if t.name == "EVENT"}
    target = [(t.start, t.end) for t in gold_events.values() if t.attrs.get("class") in TARGET_CLASSES]
    mentions = [(m, e) for e in events for m in e.mentions]
    _count(report.items, [(m.trigger_start, m.trigger_end) for m, _ in mentions], target)
    _count(report.candidates, [(c.trigger_start, c.trigger_end) for t in traces for c in t.candidates],
           target)
    _count(report.words, _trigger_words(sentences, taxonomy), target)
    timexes = {t.attrs.get("tid"): t for t in tml.timexes}
    for eid, tid in _anchors(tml.raw):
        event = gold_events.get(eid)
        if event is None or event.attrs.get("class") not in TARGET_CLASSES:
            continue
        timex = timexes.get(tid)
        in_text = timex is not None
        value = timex.value if in_text else (tml.dct if tid == "t0" else None)
        if not value or (in_text and timex.type not in ("DATE", "TIME")):
            continue
        counts = report.dates_text if in_text else report.dates_dct
        counts.anchored += 1
        ours = [(m, e) for m, e in mentions if _overlaps((m.trigger_start, m.trigger_end), (event.start, event.end))]
        if not ours:
            continue
        counts.emitted += 1
        m, e = ours[0]
        date = m.date or e.date
        if date is None:
            continue
        counts.dated += 1
        span_hit = in_text and m.time is not None and _overlaps((times[m.time].start, times[m.time].end),
                                                                (timex.start, timex.end))
        if span_hit or date.value == value or date.value == value[:10]:
            counts.correct += 1


def _trigger_words(sentences, taxonomy) -> list[tuple[int, int]]:
    """Every span the taxonomy's words and patterns accept, before one is chosen per clause."""
    tax = load_taxonomy(taxonomy)
    return [(s.start + a, s.start + b) for s in sentences for clause in split_clauses(s.text, tax)
            for a, b, _ in find_triggers(s.text, clause, tax)]


def _anchors(raw: str) -> list[tuple[str, str]]:
    """(event id, timex id) for every TLINK that places an event instance inside a time."""
    instance = {}
    links = []
    for m in _TAG.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(2)))
        if m.group(1) == "MAKEINSTANCE":
            instance[attrs.get("eiid")] = attrs.get("eventID")
        else:
            links.append(attrs)
    out = []
    for a in links:
        rel = a.get("relType", "")
        if a.get("eventInstanceID") and a.get("relatedToTime"):
            ei, tid = a["eventInstanceID"], a["relatedToTime"]
        elif a.get("timeID") and a.get("relatedToEventInstance"):
            ei, tid, rel = a["relatedToEventInstance"], a["timeID"], _INVERSE.get(rel, rel)
        else:
            continue
        if rel in ANCHORING and instance.get(ei):
            out.append((instance[ei], tid))
    return list(dict.fromkeys(out))


@dataclass
class TypeReport:
    """Type accuracy on hand-typed sentences: each sentence's gold type (NONE: no timeline item)
    against the type of the event we take from it."""
    confusion: dict = field(default_factory=dict)     # (gold, ours) -> count
    missing: list = field(default_factory=list)       # labelled sentences not found in the inputs

    @property
    def total(self) -> int:
        return sum(self.confusion.values())

    @property
    def correct(self) -> int:
        return sum(n for (g, o), n in self.confusion.items() if g == o)

    def as_dict(self) -> dict:
        typed = {k: v for k, v in self.confusion.items() if k[0] != "NONE" and k[1] != "NONE"}
        typed_ok = sum(n for (g, o), n in typed.items() if g == o)
        return {"sentences": self.total, "accuracy": round(100 * self.correct / self.total, 2) if self.total else 0,
                "type_accuracy_when_both_found": round(100 * typed_ok / sum(typed.values()), 2) if typed else 0,
                "confusion": {f"{g} -> {o}": n for (g, o), n in sorted(self.confusion.items())},
                "missing": self.missing}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def table(self) -> str:
        d = self.as_dict()
        rows = [f"{d['sentences']} sentences; accuracy {d['accuracy']:.2f}% (NONE counts as a type); "
                f"type accuracy where both gold and we have an item {d['type_accuracy_when_both_found']:.2f}%",
                "confusions (gold -> ours: count), errors only:"]
        rows += [f"  {g} -> {o}: {n}" for (g, o), n in sorted(self.confusion.items(), key=lambda x: -x[1]) if g != o]
        if self.missing:
            rows.append(f"not found: {len(self.missing)} labelled sentences")
        return "\n".join(rows)


def read_type_labels(path: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(corpus, document) -> [(sentence opening, type)] from a TSV of hand-typed sentences: rows of
    file name, opening, type (articles found by name in the inputs), or of corpus, key, opening,
    type, where corpus "rams" keys a window of a RAMS .jsonlines input and "t17" is a path
    relative to an input folder."""
    from timeline.errors import InputError

    labels: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.strip() and not line.startswith("#"):
            row = line.rstrip("\n").split("\t")
            if len(row) == 3:
                row = ["file", *row]
            if len(row) != 4 or row[0] not in ("file", "rams", "t17"):
                raise InputError(f"{path}: line {number}: expected 'file, opening, type' or "
                                 f"'rams|t17, key, opening, type' separated by tabs")
            corpus, key, opening, type_ = row
            labels.setdefault((corpus, key), []).append((opening, type_))
    return labels


def _labelled_documents(labels, inputs: list[str]) -> dict[tuple[str, str], Document]:
    """The document of each (corpus, key) of the labels that the inputs hold."""
    from pathlib import Path

    from timeline.evaluate.rams import detokenize
    from timeline.read import Reader

    paths = [Path(raw) for raw in inputs]
    files = {p.name: p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))}
    wanted_windows = {key for corpus, key in labels if corpus == "rams"}
    windows = {}
    for path in paths:
        if wanted_windows and path.is_file() and path.suffix == ".jsonlines":
            for line in path.open(encoding="utf-8"):
                window = json.loads(line)
                if window["doc_key"] in wanted_windows:
                    windows[window["doc_key"]] = window
    found = {}
    for corpus, key in labels:
        if corpus == "rams":
            if key in windows:
                found[(corpus, key)] = Document(id=key, text=detokenize(windows[key]["sentences"])[0])
            continue
        path = files.get(key) if corpus == "file" else \
            next((p / key for p in paths if p.is_dir() and (p / key).is_file()), None)
        if path is not None:
            found[(corpus, key)] = next(iter(Reader().documents([str(path)])))
    return found


def evaluate_types(labels_path: str, inputs: Iterable[str], tagger: Callable = tag_document,
                   taxonomy: Optional[str] = None) -> TypeReport:
    labels = read_type_labels(labels_path)
    documents = _labelled_documents(labels, list(inputs))
    report = TypeReport()
    for (corpus, key), wanted in labels.items():
        document = documents.get((corpus, key))
        if document is None:
            report.missing += [f"{key}: {opening}" for opening, _ in wanted]
            continue
        sentences = split_sentences(document.text)
        events, traces = analyse(document, sentences, tagger(document, sentences, "news"), taxonomy)
        typed = {(m.trigger_start, m.trigger_end): e.type for e in events for m in e.mentions}
        for opening, gold in wanted:
            # spaces apart: a label written from tokenised text ("Obama 's") finds its sentence
            opening = "".join(opening.split())
            trace = next((t for t in traces if "".join(t.text.split()).startswith(opening)), None)
            if trace is None:
                report.missing.append(f"{key}: {opening}")
                continue
            ours = next((typed[(c.trigger_start, c.trigger_end)] for c in trace.candidates
                         if (c.trigger_start, c.trigger_end) in typed), "NONE")
            report.confusion[(gold, ours)] = report.confusion.get((gold, ours), 0) + 1
    return report
