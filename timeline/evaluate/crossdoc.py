"""Cross-document merging measured against gold clusters (ECB+/EventStoryLine style).

`evaluate_clusters(timeline, gold)` maps each gold event mention to the event whose mention
trigger overlaps it ("extracted"), then scores pairs of extracted mentions: the gold says two
mentions are one event when they share an instance id, the timeline when they sit in one event.
Only gold clusters with an extracted mention count. `evaluate_yida(folder)` runs the pipeline on
a folder laid out like `yida-bombing-2011` (articles/ + gold_ecbplus_annotations.json) and adds
what happened to the largest gold cluster: one event? with which date and how many documents?
"""
from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from timeline.errors import InputError
from timeline.models import Timeline


@dataclass
class PairScores:
    true_positive: int = 0
    system: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 3), "recall": round(self.recall, 3)}


@dataclass
class ClusterReport:
    gold_mentions: int = 0
    extracted_mentions: int = 0
    gold_clusters: int = 0
    clusters_extracted: int = 0
    split: list = field(default_factory=list)   # gold clusters whose extracted mentions are in
                                                # several events: gold descriptor, our headlines
    all_pairs: PairScores = field(default_factory=PairScores)
    cross_document_pairs: PairScores = field(default_factory=PairScores)
    main_event: dict = field(default_factory=dict)

    @property
    def clusters_split(self) -> int:
        return len(self.split)

    def as_dict(self) -> dict:
        out = asdict(self)
        out["clusters_split"] = self.clusters_split
        out["all_pairs"] = self.all_pairs.as_dict()
        out["cross_document_pairs"] = self.cross_document_pairs.as_dict()
        return out

    def table(self) -> str:
        lines = [f"gold mentions in cross-document clusters: {self.gold_mentions}, "
                 f"extracted (a trigger overlaps): {self.extracted_mentions}",
                 f"gold clusters: {self.gold_clusters}, extracted: {self.clusters_extracted}, "
                 f"split over several events: {self.clusters_split}"]
        for cluster in self.split:
            lines.append(f"  split: {cluster['gold']} -> " + " | ".join(h[:60] for h in cluster["events"]))
        for name, p in (("all pairs", self.all_pairs), ("cross-document pairs", self.cross_document_pairs)):
            lines.append(f"{name}: precision {p.precision:.3f} ({p.true_positive}/{p.system}), "
                         f"recall {p.recall:.3f} ({p.true_positive}/{p.gold})")
        if self.main_event:
            m = self.main_event
            lines.append(f"largest gold cluster ({m['gold_documents']} documents): "
                         f"{m['events']} event(s); main event dated {m['date']}, "
                         f"{m['documents']} documents among its sources, conflicts {m['conflicts']}")
        return "\n".join(lines)


def _extracted(timeline: Timeline) -> dict[str, list[tuple[int, int, str]]]:
    """document -> (trigger start, trigger end, event id) for every mention."""
    out: dict[str, list] = {}
    for e in timeline.events:
        for m in e.mentions:
            out.setdefault(m.document, []).append((m.trigger_start, m.trigger_end, e.id))
    return out


ALIGN_REACH = 2000     # characters: how far the reader's cleaning may move a gold mention


def aligned(text: str, words: str, start: int, end: int) -> tuple[int, int]:
    """A gold span (offsets into the file's body) in the document's text, which the reader
    cleaned (page furniture out, Treebank tokens back to characters): the mention's own words
    nearest the gold offset, else the offsets as they are."""
    if not words or text[start:end] == words:
        return start, end
    best, at = None, text.find(words, max(0, start - ALIGN_REACH))
    while 0 <= at <= start + ALIGN_REACH:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(words, at + 1)
    return (best, best + len(words)) if best is not None else (start, end)


def _event_at(triggers, start: int, end: int):
    hits = sorted(ev for s, e, ev in triggers if s < end and start < e)
    return hits[0] if hits else None


def evaluate_clusters(timeline: Timeline, gold: dict) -> ClusterReport:
    """Pairwise precision and recall of the timeline's merges over the gold's cross-document clusters."""
    by_doc = _extracted(timeline)
    texts = {d.id: d.text for d in timeline.documents}
    spans = {(d["file"], str(e["m_id"])): aligned(texts.get(d["file"], ""), e.get("text", ""), e["start"], e["end"])
             for d in gold["docs"] for e in d["events"]}
    clusters = [c for c in gold["cross_doc_instances"]
                if all((m["file"], str(m["m_id"])) in spans for m in c["mentions"])]  # events, not times
    report = ClusterReport(gold_clusters=len(clusters))
    headlines = {e.id: e.headline for e in timeline.events}
    found = []   # (instance, document, event id)
    for cluster in clusters:
        hits = []
        for m in cluster["mentions"]:
            report.gold_mentions += 1
            start, end = spans[(m["file"], str(m["m_id"]))]
            event = _event_at(by_doc.get(m["file"], ()), start, end)
            if event is not None:
                hits.append((cluster["instance_id"], m["file"], event))
        if hits:
            report.clusters_extracted += 1
            events = sorted({h[2] for h in hits})
            if len(events) > 1:
                report.split.append({"gold": cluster.get("tag_descriptor") or cluster["instance_id"],
                                     "events": [headlines[e] for e in events]})
            report.extracted_mentions += len(hits)
            found.extend(hits)
    for (gi, gd, ge), (hi, hd, he) in itertools.combinations(found, 2):
        for scores, counted in ((report.all_pairs, True), (report.cross_document_pairs, gd != hd)):
            if counted:
                scores.gold += gi == hi
                scores.system += ge == he
                scores.true_positive += gi == hi and ge == he
    report.main_event = _main_event(timeline, gold, found)
    return report


def _main_event(timeline: Timeline, gold: dict, found) -> dict:
    """Where the largest gold cluster went: how many events, and the one holding most of it."""
    largest = max(gold["cross_doc_instances"], key=lambda c: (c["n_docs"], len(c["mentions"])), default=None)
    if largest is None:
        return {}
    events = [e for i, _, e in found if i == largest["instance_id"]]
    if not events:
        return {"gold_documents": largest["n_docs"], "events": 0, "date": None, "documents": 0,
                "conflicts": []}
    main_id = max(set(events), key=lambda e: (events.count(e), e))
    main = next(e for e in timeline.events if e.id == main_id)
    return {"gold_documents": largest["n_docs"], "events": len(set(events)),
            "date": main.date.value if main.date else None,
            "documents": len({m.document for m in main.mentions}),
            "conflicts": [c.value for c in main.conflicts], "headline": main.headline}


def evaluate_yida(folder: str) -> tuple[Timeline, ClusterReport]:
    """Run the pipeline on folder/articles and score it against folder/gold_ecbplus_annotations.json."""
    from timeline.pipeline import extract

    root = Path(folder)
    gold_path = root / "gold_ecbplus_annotations.json"
    if not gold_path.is_file() or not (root / "articles").is_dir():
        raise InputError("expected articles/ and gold_ecbplus_annotations.json", folder)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read the gold: {e}", str(gold_path)) from None
    timeline = extract([str(root / "articles")])
    return timeline, evaluate_clusters(timeline, gold)


# Gun Violence Corpus: many alike incidents, each told by a few articles (gvc-val/README).

@dataclass
class GvcReport:
    """Pairs of documents linked by one merged event, against pairs about one gold incident."""
    documents: int = 0
    incidents: int = 0
    multi_article_incidents: int = 0     # told by two or more documents
    documents_found: int = 0             # an event mention covers one of their gold mentions
    incidents_whole: int = 0             # multi-article incidents all of whose documents share one event
    pairs: PairScores = field(default_factory=PairScores)
    wrong_links: list = field(default_factory=list)   # (event headline, incidents it joins)
    missed: list = field(default_factory=list)        # incidents split: their documents' events

    def as_dict(self) -> dict:
        return {**asdict(self), "pairs": self.pairs.as_dict()}

    def summary(self) -> str:
        p = self.pairs
        return (f"GVC pairwise precision {p.precision:.3f} ({p.true_positive}/{p.system}) "
                f"recall {p.recall:.3f} ({p.true_positive}/{p.gold}); incidents whole in one event "
                f"{self.incidents_whole}/{self.multi_article_incidents}")

    def table(self) -> str:
        lines = [f"documents: {self.documents}, an event covers a gold mention in {self.documents_found}",
                 f"incidents: {self.incidents}, told by several documents: {self.multi_article_incidents}"]
        lines += [f"  wrong link: {h[:70]} -> incidents {', '.join(i)}" for h, i in self.wrong_links]
        lines += [f"  split: incident {i}: " + " | ".join(h[:50] for h in hs) for i, hs in self.missed]
        return "\n".join(lines + [self.summary()])


def gvc_links(timeline: Timeline, gold: dict) -> dict[str, set]:
    """document -> ids of the events with a mention (its sentence span) covering a gold mention."""
    texts = {d.id: d.text for d in timeline.documents}
    wanted = {d["file"]: [aligned(texts.get(d["file"], ""), g.get("text", ""), g["start"], g["end"])
                          for g in d["mentions"]] for d in gold["documents"]}
    out: dict[str, set] = {f: set() for f in wanted}
    for e in timeline.events:
        for m in e.mentions:
            if any(m.start <= start and end <= m.end for start, end in wanted.get(m.document, ())):
                out[m.document].add(e.id)
    return out


def evaluate_gvc_clusters(timeline: Timeline, gold: dict) -> GvcReport:
    incident = {d["file"]: str(d["incident"]) for d in gold["documents"]}
    links = gvc_links(timeline, gold)
    headlines = {e.id: e.headline for e in timeline.events}
    by_incident: dict[str, list[str]] = {}
    for f in sorted(incident):
        by_incident.setdefault(incident[f], []).append(f)
    report = GvcReport(documents=len(incident), incidents=len(by_incident),
                       multi_article_incidents=sum(len(fs) > 1 for fs in by_incident.values()),
                       documents_found=sum(bool(v) for v in links.values()))
    for a, b in itertools.combinations(sorted(incident), 2):
        linked, same = bool(links[a] & links[b]), incident[a] == incident[b]
        report.pairs.system += linked
        report.pairs.gold += same
        report.pairs.true_positive += linked and same
    for event_id in sorted({e for ids in links.values() for e in ids}):
        joined = sorted({incident[f] for f, ids in links.items() if event_id in ids})
        if len(joined) > 1:
            report.wrong_links.append((headlines[event_id], joined))
    for inc, files in sorted(by_incident.items()):
        if len(files) < 2:
            continue
        if set.intersection(*(links[f] for f in files)):
            report.incidents_whole += 1
        else:
            report.missed.append((inc, sorted({headlines[e] for f in files for e in links[f]})))
    return report


def evaluate_gvc(folder: str) -> tuple[Timeline, GvcReport]:
    """Run the pipeline on folder/articles and score it against folder/gold.json."""
    from timeline.pipeline import extract

    root = Path(folder)
    gold_path = root / "gold.json"
    if not gold_path.is_file() or not (root / "articles").is_dir():
        raise InputError("expected articles/ and gold.json", folder)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["documents"][0]["mentions"]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        raise InputError(f"not a GVC gold file: {e}", str(gold_path)) from None
    timeline = extract([str(root / "articles")])
    return timeline, evaluate_gvc_clusters(timeline, gold)


# SemEval-2015 Task 4 (TimeLine): gold timelines per target entity over TimeML documents.

_SENTENCE = re.compile(r'<s id="(\d+)">(.*?)</s>', re.S)
_TAG = re.compile(r"<[^>]+>")
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)


@dataclass
class EntityScores:
    entity: str
    lines: int = 0                 # gold events (lines)
    found: int = 0                 # a mention of the line is a mention trigger of ours
    dated: int = 0                 # lines with a known gold date
    dated_right: int = 0           # ... whose event we date with that value (to the gold's precision)
    multi_document: int = 0        # lines with mentions in several documents
    merged_right: int = 0          # ... all their mentions found, in one event


@dataclass
class AppleReport:
    entities: list[EntityScores] = field(default_factory=list)

    def total(self) -> EntityScores:
        out = EntityScores("all")
        for e in self.entities:
            for k in ("lines", "found", "dated", "dated_right", "multi_document", "merged_right"):
                setattr(out, k, getattr(out, k) + getattr(e, k))
        return out

    def as_dict(self) -> dict:
        return {"entities": [asdict(e) for e in self.entities], "total": asdict(self.total())}

    def table(self) -> str:
        rows = [f"{'entity':<22}{'lines':>6}{'found':>7}{'dated':>7}{'right':>7}{'multi-doc':>10}{'merged':>8}"]
        for e in self.entities + [self.total()]:
            rows.append(f"{e.entity[:21]:<22}{e.lines:>6}{e.found:>7}{e.dated:>7}{e.dated_right:>7}"
                        f"{e.multi_document:>10}{e.merged_right:>8}")
        return "\n".join(rows)


def read_semeval_documents(folder: Path):
    """TimeML files -> (Documents whose text is the sentences one a line, {(doc, sentence): offset})."""
    from timeline.models import Document
    from timeline.read.timeml import _dct

    documents, offsets = [], {}
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        doc_id = _DOCID.search(raw).group(1).strip()
        parts, pos = [], 0
        for sid, body in _SENTENCE.findall(raw):
            sentence = html.unescape(_TAG.sub("", body))
            offsets[(doc_id, sid)] = (pos, sentence)
            parts.append(sentence)
            pos += len(sentence) + 1
        documents.append(Document(id=doc_id, title=doc_id, published=_dct(raw), path=str(path),
                                  text="\n".join(parts)))
    return documents, offsets


def _gold_lines(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    entity, out = lines[0].strip(), []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) >= 3:
            out.append((cells[1], [tuple(c.split("-", 2)) for c in cells[2:] if c.count("-") >= 2]))
    return entity, out


def _date_right(gold: str, event) -> bool:
    """Our date has the gold's known parts (2008-06-09, or 2006-03 for a month)."""
    want = [p for p in gold.split("-") if "X" not in p]
    value = event.date.value if event.date else ""
    return value.split("-")[:len(want)] == want and len(value.split("-")) >= len(want)


def evaluate_apple(folder: str) -> AppleReport:
    """Per gold timeline: run the pipeline with --entity on every document and look up each line."""
    from timeline.pipeline import extract_documents
    from timeline.settings import Settings

    root = Path(folder)
    if not (root / "documents").is_dir() or not (root / "gold_timelines").is_dir():
        raise InputError("expected documents/ and gold_timelines/", folder)
    documents, offsets = read_semeval_documents(root / "documents")
    report = AppleReport()
    for gold_path in sorted((root / "gold_timelines").glob("*.txt")):
        entity, lines = _gold_lines(gold_path)
        timeline = extract_documents(documents, Settings(entity=entity))
        by_doc = _extracted(timeline)
        events = {e.id: e for e in timeline.events}
        scores = EntityScores(entity)
        for date, mentions in lines:
            hits = []
            for doc, sid, word in mentions:
                start, sentence = offsets.get((doc, sid), (None, ""))
                at = sentence.find(word) if start is not None else -1
                hits.append(_event_at(by_doc.get(doc, ()), start + at, start + at + len(word))
                            if at >= 0 else None)
            scores.lines += 1
            found = [h for h in hits if h]
            scores.found += bool(found)
            if "X" not in date.split("-")[0]:
                scores.dated += 1
                scores.dated_right += bool(found) and _date_right(date, events[found[0]])
            if len({m[0] for m in mentions}) > 1:
                scores.multi_document += 1
                scores.merged_right += len(found) == len(hits) and len(set(found)) == 1
        report.entities.append(scores)
    return report
