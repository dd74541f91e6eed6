"""TempEval-3 Task A for TIMEX3: annotate TimeML with our tagger and score it against the gold.

Scoring, micro-averaged over all files:
- spans are paired one-to-one by overlap, left to right (each gold span, in text order, takes the
  first unpaired system span that overlaps it);
- relaxed P/R/F1 count the pairs, strict P/R/F1 the pairs whose spans are identical;
- type and value are compared on the pairs only: accuracy = right / pairs, and attribute
  F1 = accuracy x relaxed F1.
Offsets are compared after removing whitespace, so a system that re-spaces the text (or a span
with a trailing blank) is scored on its words; the gold and system texts must otherwise agree.

When the gold directory has several top-level parts (TBAQ-cleaned: TimeBank and AQUAINT), each
part is also scored apart, so that a change that helps one and hurts the other shows. Each pair,
miss and spurious span also falls in one class of expression (`expression_class`), so that a rule
fitted to one corpus shows as one class rising there only.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Optional

from timeline.atomic import write_atomic
from timeline.errors import InputError
from timeline.read.timeml import TimeMLDocument, read_timeml, timeml_files, write_timeml

CONTEXT = 40   # characters of text shown either side of an error


@dataclass(frozen=True)
class Span:
    start: int        # in non-whitespace characters from the start of TEXT
    end: int
    offset: int       # character offsets into the text, for display
    stop: int
    text: str
    type: str
    value: str
    mod: str

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def describe(self) -> dict:
        return {"text": self.text, "start": self.offset, "end": self.stop, "type": self.type,
                "value": self.value, "mod": self.mod or None}


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type: int = 0
    value: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


CLASSES = ("absolute date", "relative day", "weekday", "month", "year", "duration", "set",
           "time of day", "vague ref")
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_WEEK_VALUE = re.compile(r"^\d{4}-W\d{2}")
_MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}$")


def expression_class(span: "Span") -> str:
    """The kind of expression a span is, from its type, value and words (the gold's, when paired).

    absolute date: a calendar day named by its date ("March 3, 2012", "the first of May"); weekday: a day
    named by its weekday; relative day: a day or week counted from another ("yesterday", "last
    week"); month and year: those granularities (seasons, quarters and decades count as year);
    vague ref: PRESENT_REF / PAST_REF / FUTURE_REF; time of day: any TIME.
    """
    value = span.value
    if span.type == "SET":
        return "set"
    if span.type == "DURATION":
        return "duration"
    if value.endswith("_REF"):
        return "vague ref"
    if span.type == "TIME" or "T" in value[10:11]:
        return "time of day"
    day = _DAY_VALUE.match(value)
    if day and (any(ch.isdigit() for ch in span.text) or _MONTH_WORD.search(span.text)):
        return "absolute date"
    if (day or value.startswith("XXXX-WXX-")) and _WEEKDAY.search(span.text):
        return "weekday"
    if day or _WEEK_VALUE.match(value):
        return "relative day"
    if _MONTH_VALUE.match(value):
        return "month"
    return "year"


@dataclass
class FileScore:
    name: str
    counts: Counts
    errors: list[dict] = field(default_factory=list)
    classes: dict[str, Counts] = field(default_factory=dict)

    @property
    def part(self) -> str:
        """The top-level folder the file was found under ('' for a file given alone)."""
        return self.name.split("/", 1)[0] if "/" in self.name else ""


def _prf(right: int, system: int, gold: int) -> dict:
    p = right / system if system else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}


def _total(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total += c
    return total


def _metrics(c: Counts) -> dict:
    relaxed = _prf(c.relaxed, c.system, c.gold)
    strict = _prf(c.strict, c.system, c.gold)
    unrounded_f1 = (2 * c.relaxed / (c.system + c.gold)) if c.system + c.gold else 0.0

    def attribute(right: int) -> dict:
        accuracy = right / c.relaxed if c.relaxed else 0.0
        return {"accuracy": round(100 * accuracy, 2), "f1": round(100 * accuracy * unrounded_f1, 2)}

    return {"gold": c.gold, "system": c.system,
            "relaxed_matches": c.relaxed, "strict_matches": c.strict,
            "relaxed": relaxed, "strict": strict,
            "type": attribute(c.type), "value": attribute(c.value)}


@dataclass
class Report:
    files: list[FileScore]

    @property
    def counts(self) -> Counts:
        return _total(f.counts for f in self.files)

    def parts(self) -> dict[str, list[FileScore]]:
        """The files by top-level part, when there are two or more parts; else {}."""
        by_part: dict[str, list[FileScore]] = {}
        for f in self.files:
            by_part.setdefault(f.part, []).append(f)
        return by_part if len(by_part) > 1 else {}

    def metrics(self) -> dict:
        return {"files": len(self.files), **_metrics(self.counts)}

    def class_counts(self, files: Optional[list[FileScore]] = None) -> dict[str, Counts]:
        return {name: _total(f.classes[name] for f in (self.files if files is None else files)
                             if name in f.classes)
                for name in CLASSES}

    def to_json(self, errors: bool = False, by_class: bool = False) -> str:
        data = self.metrics()
        parts = self.parts()
        if parts:
            data["parts"] = {name: {"files": len(files), **_metrics(_total(f.counts for f in files))}
                             for name, files in parts.items()}
        if by_class:
            data["classes"] = {"all": {k: _metrics(c) for k, c in self.class_counts().items()}}
            for name, files in parts.items():
                data["classes"][name] = {k: _metrics(c) for k, c in self.class_counts(files).items()}
        if errors:
            data["errors"] = [e for f in self.files for e in f.errors]
        return json.dumps(data, indent=2, ensure_ascii=False)

    def table(self, errors: bool = False, by_class: bool = False) -> str:
        m = self.metrics()
        lines = _error_lines(self.files) if errors else []
        lines += [
            f"TIMEX3, TempEval-3 Task A: {m['files']} files, gold {m['gold']}, system {m['system']}",
            f"{'':9}{'P':>7}{'R':>8}{'F1':>8}",
        ]
        for name, matches in (("relaxed", m["relaxed_matches"]), ("strict", m["strict_matches"])):
            row = m[name]
            lines.append(f"{name:9}{row['precision']:7.2f}{row['recall']:8.2f}{row['f1']:8.2f}"
                         f"   ({matches} matched)")
        lines.append(f"{'':9}{'acc':>7}{'F1':>8}")
        for name in ("type", "value"):
            lines.append(f"{name:9}{m[name]['accuracy']:7.2f}{m[name]['f1']:8.2f}")
        parts = self.parts()
        if parts:
            lines += ["", f"{'part':12}{'files':>6}{'gold':>6}{'system':>7}"
                          f"{'relaxed':>9}{'strict':>8}{'type':>8}{'value':>8}   (F1)"]
            for name, files in parts.items():
                p = _metrics(_total(f.counts for f in files))
                lines.append(f"{name:12}{len(files):6}{p['gold']:6}{p['system']:7}{p['relaxed']['f1']:9.2f}"
                             f"{p['strict']['f1']:8.2f}{p['type']['f1']:8.2f}{p['value']['f1']:8.2f}")
        if by_class:
            lines += ["", *self._class_table(parts)]
        return "\n".join(lines)

    def _class_table(self, parts: dict[str, list[FileScore]]) -> list[str]:
        """Per class of expression and part: gold count, errors (wrong value, missed or spurious), value F1."""
        columns = [("all", self.class_counts())]
        columns += [(name, self.class_counts(files)) for name, files in parts.items()]
        head = f"{'class':14}" + "".join(f"{name[:22]:>24}" for name, _ in columns)
        sub = f"{'':14}" + f"{'gold':>8}{'errors':>8}{'value':>8}" * len(columns)
        lines = ["Value errors by class of expression (errors: wrong value, missed or spurious)", head, sub]
        for name in CLASSES:
            row = f"{name:14}"
            for _, counts in columns:
                c = counts[name]
                value = _metrics(c)["value"]["f1"] if c.gold or c.system else 0.0
                errors = (c.gold - c.value) + (c.system - c.relaxed)
                row += f"{c.gold:8}{errors:8}{value:8.2f}"
            lines.append(row)
        return lines


def _error_lines(files: list[FileScore]) -> list[str]:
    lines = []
    for f in files:
        if not f.errors:
            continue
        lines.append(f"== {f.name}")
        for e in f.errors:
            gold, system = e["gold"], e["system"]
            shown = "  ".join(f"{who} {_short(x)}" for who, x in (("gold", gold), ("system", system)) if x)
            lines.append(f"  {'+'.join(e['problems']):12}{shown}")
            lines.append(f"  {'':12}{e['context']}")
    return lines + ([""] if lines else [])


def _short(span: dict) -> str:
    mod = f" mod={span['mod']}" if span["mod"] else ""
    return f"\"{span['text']}\" {span['type']} {span['value']}{mod}"


def spans(doc: TimeMLDocument) -> list[Span]:
    """The document's TIMEX3 elements in text order, offsets also counted without whitespace."""
    nonspace = _nonspace_prefix(doc.text)
    found = [Span(nonspace[t.start], nonspace[t.end], t.start, t.end, doc.text[t.start:t.end],
                  t.type, t.value, t.attrs.get("mod", ""))
             for t in doc.timexes]
    return sorted((s for s in found if s.end > s.start), key=lambda s: (s.start, s.end))


def _nonspace_prefix(text: str) -> list[int]:
    """prefix[i] = number of non-whitespace characters in text[:i]."""
    return [0, *accumulate(0 if ch.isspace() else 1 for ch in text)]


def align(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs by overlap, left to right; both lists sorted by start."""
    pairs = []
    taken = [False] * len(system)
    first = 0                               # system spans before this one end before every later gold
    for g in gold:
        while first < len(system) and (taken[first] or system[first].end <= g.start):
            first += 1
        for k in range(first, len(system)):
            s = system[k]
            if s.start >= g.end:
                break
            if not taken[k] and s.overlaps(g):
                taken[k] = True
                pairs.append((g, s))
                break
    return pairs


def score_documents(name: str, gold: TimeMLDocument, system: TimeMLDocument) -> FileScore:
    if "".join(gold.text.split()) != "".join(system.text.split()):
        raise InputError(f"TEXT differs from the gold's ({gold.path})", system.path)
    gold_spans = spans(gold)
    system_spans = spans(system)
    pairs = align(gold_spans, system_spans)
    counts = Counts(gold=len(gold_spans), system=len(system_spans), relaxed=len(pairs))
    errors = []
    classes: dict[str, Counts] = {}

    def count(span: Span) -> Counts:
        return classes.setdefault(expression_class(span), Counts())

    for g, s in pairs:
        by_class = count(g)
        by_class.gold += 1
        by_class.system += 1
        by_class.relaxed += 1
        problems = []
        if (g.start, g.end) == (s.start, s.end):
            counts.strict += 1
            by_class.strict += 1
        else:
            problems.append("span")
        if g.type == s.type:
            counts.type += 1
            by_class.type += 1
        else:
            problems.append("type")
        if g.value == s.value:
            counts.value += 1
            by_class.value += 1
        else:
            problems.append("value")
        if problems:
            errors.append(_error(name, problems, gold.text, g, s))
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(s) for _, s in pairs}
    for g in gold_spans:
        if id(g) not in paired_gold:
            count(g).gold += 1
            errors.append(_error(name, ["missed"], gold.text, g, None))
    for s in system_spans:
        if id(s) not in paired_system:
            count(s).system += 1
            errors.append(_error(name, ["spurious"], system.text, None, s))
    errors.sort(key=lambda e: (e["gold"] or e["system"])["start"])
    return FileScore(name, counts, errors, classes)


def _error(name: str, problems: list[str], text: str, gold: Optional[Span], system: Optional[Span]) -> dict:
    span = gold or system
    left = text[max(0, span.offset - CONTEXT):span.offset]
    right = text[span.stop:span.stop + CONTEXT]
    context = " ".join(f"{left}[{span.text}]{right}".split())
    return {"file": name, "problems": problems, "class": expression_class(span),
            "gold": gold.describe() if gold else None,
            "system": system.describe() if system else None, "context": context}


def _pair_files(gold_path: Path, system_path: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, system file): by path relative to the directories, else by unique file name."""
    if gold_path.is_file():
        system = system_path / gold_path.name if system_path.is_dir() else system_path
        if not system.is_file():
            raise InputError("no system file for this gold file", str(gold_path))
        return [(gold_path.name, gold_path, system)]
    if not system_path.is_dir():
        raise InputError("not a directory (the gold is a directory)", str(system_path))
    by_name: dict[str, list[Path]] = {}
    for path, rel in timeml_files([str(system_path)]):
        by_name.setdefault(path.name, []).append(path)
    pairs = []
    for gold, rel in timeml_files([str(gold_path)]):
        system = system_path / rel
        if not system.is_file():
            candidates = by_name.get(gold.name, [])
            if len(candidates) != 1:
                raise InputError(f"no system file for {rel}", str(system_path))
            system = candidates[0]
        pairs.append((rel.as_posix(), gold, system))
    return pairs


def score(gold: str | Path, system: str | Path) -> Report:
    """Score every gold TimeML file (a file or a directory) against its system counterpart."""
    gold_path, system_path = Path(gold), Path(system)
    for p in (gold_path, system_path):
        if not p.exists():
            raise InputError("no such file or directory", str(p))
    return Report([score_documents(name, read_timeml(g), read_timeml(s))
                   for name, g, s in _pair_files(gold_path, system_path)])


def annotate(inputs: Iterable[str], outdir: str | Path, policy: str = "news",
             lang: Optional[str] = None) -> list[tuple[Path, int]]:
    """Tag each TimeML file's TEXT (its gold TIMEX3 removed) and write it under `outdir`, in
    the language `lang` (default: detected per file).

    Directories keep their layout below `outdir`; returns (written file, expressions) pairs.
    """
    from timeline.read.language import detect
    from timeline.text import split_sentences
    from timeline.times import tag_document

    written = []
    for path, rel in timeml_files(inputs):
        doc = read_timeml(path)
        document = doc.document()
        document = document.model_copy(update={"lang": lang or detect(document.text)})
        expressions = tag_document(document, split_sentences(document.text), policy=policy)
        target = Path(outdir) / rel
        write_atomic(target, write_timeml(doc, expressions))
        written.append((target, len(expressions)))
    return written


__all__ = ["CLASSES", "Report", "Span", "align", "annotate", "expression_class", "score", "score_documents",
           "spans"]
