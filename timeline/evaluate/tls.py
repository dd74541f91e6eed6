"""Timeline summarisation scored on the Timeline17 layout (Tran et al. 2013; news-tls / tilse).

A topic is a folder with `InputDocs/<YYYY-MM-DD>/<file>` (one article each, published on the
folder's day) and `timelines.jsonl` (journalists' timelines, one a line: `[[date, [sentence...]]...]`).
For each topic and gold timeline we choose as many days as the gold timeline has distinct dates
(the papers' protocol) in two ways:

- whole input: from all the articles, any date;
- within the gold span: only the articles published within the gold timeline's first and last date,
  and only dates within it (the protocol of Gholipour Ghalandari & Ifrim 2020, Table 4).

and score Date-F1 (exact day), beside two baselines made from the same articles: days ranked by
how many articles were published on them, and by how many time expressions name them. ROUGE-1/2 F
(rouge-score, Porter stemming) compares the key events' evidence sentences, concatenated, with
the gold timeline's sentences, concatenated.

Every article is extracted once; the whole input and the span are merged from those results.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from timeline.errors import InputError, UsageError
from timeline.key import key_events, score_salience
from timeline.key.salience import event_day
from timeline.key.select import auto_count, choose
from timeline.merge import merge_timelines
from timeline.models import Document, Timeline
from timeline.parallel import map_documents
from timeline.read.furniture import clean
from timeline.settings import Settings

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
METHODS = ("key", "publications", "time_expressions")
# Gholipour Ghalandari & Ifrim 2020 (ACL), Table 4, Timeline17, dates within the gold span
PUBLISHED = {"date_f1": {"news-tls DATEWISE / TILSE (Martschat & Markert 2018)": 0.544,
                         "publication count": 0.481, "time-expression count": 0.528},
             # a different ROUGE: tilse's alignment-based align+ m:1 (summaries matched date to date),
             # not the concatenated ROUGE reported here, which is TILSE's "concat" variant
             "alignment_rouge1_f": {"news-tls DATEWISE": 0.120}}


@dataclass
class Run:
    """One way of choosing days on one input (whole, or within the gold span)."""
    f1: dict = field(default_factory=dict)       # method -> Date-F1
    rouge1: float = 0.0
    rouge2: float = 0.0
    articles: int = 0
    events: int = 0
    auto_days: int = 0      # --key auto: days chosen from the articles alone, not from the gold
    auto_f1: float = 0.0
    reachable_f1: float = 0.0   # the best any choice among the days holding a dated event could score


@dataclass
class StoryScore:
    topic: str
    timeline: int               # which line of timelines.jsonl
    gold_dates: int
    span: tuple[str, str]
    whole: Run
    within: Run
    key_days: list = field(default_factory=list)   # (day, summary) of the whole-input key events


@dataclass
class Report:
    stories: list[StoryScore]
    seconds: float

    def mean(self, part: str, what: str, method: str = "key") -> float:
        runs = [getattr(s, part) for s in self.stories]
        values = [r.f1[method] if what == "f1" else getattr(r, what) for r in runs]
        return sum(values) / len(values) if values else 0.0

    def as_dict(self) -> dict:
        return {"stories": [asdict(s) for s in self.stories], "seconds": round(self.seconds, 1),
                "mean": {part: {**{f"f1_{m}": round(self.mean(part, 'f1', m), 3) for m in METHODS},
                                "f1_key_auto": round(self.mean(part, "auto_f1"), 3),
                                "f1_reachable": round(self.mean(part, "reachable_f1"), 3),
                                "rouge1": round(self.mean(part, "rouge1"), 3),
                                "rouge2": round(self.mean(part, "rouge2"), 3)}
                         for part in ("whole", "within")},
                "published": PUBLISHED}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)

    def table(self) -> str:
        head = (f"{'story':<22} {'arts':>4} {'evts':>5} {'gold':>4} | whole input: {'key':>5} {'pubs':>5} "
                f"{'timex':>5} {'R1':>5} {'R2':>5} {'auto':>8} | gold span: {'key':>5} {'pubs':>5} {'timex':>5} "
                f"{'R1':>5} {'R2':>5} {'auto':>8}")
        lines = [head, "-" * len(head)]

        def cells(r: Run) -> str:
            return (f"{r.f1['key']:5.3f} {r.f1['publications']:5.3f} {r.f1['time_expressions']:5.3f} "
                    f"{r.rouge1:5.3f} {r.rouge2:5.3f} {r.auto_f1:5.3f}/{r.auto_days:<2}")

        for s in self.stories:
            name = s.topic + (f"#{s.timeline}" if s.timeline else "")
            lines.append(f"{name:<22} {s.whole.articles:>4} {s.whole.events:>5} {s.gold_dates:>4} | "
                         f"{'':13}{cells(s.whole)} | {'':11}{cells(s.within)}")
        if self.stories:
            def means(part: str) -> str:
                return " ".join(f"{self.mean(part, w, m):5.3f}" for w, m in
                                (("f1", "key"), ("f1", "publications"), ("f1", "time_expressions"),
                                 ("rouge1", "key"), ("rouge2", "key"))) + f" {self.mean(part, 'auto_f1'):5.3f}   "
            lines.append(f"{'mean':<22} {'':>4} {'':>5} {'':>4} | {'':13}{means('whole')} | {'':11}{means('within')}")
        lines.append("")
        lines.append("Date-F1 on as many days as the gold timeline has distinct dates; key = timeline's key "
                     "events, pubs = days by articles published, timex = days by time expressions naming them; "
                     "auto = Date-F1/days of --key auto, the number of days chosen from the articles, not the gold.")
        lines.append("Published (Timeline17, within the gold span, Gholipour Ghalandari & Ifrim 2020, Table 4): "
                     + "; ".join(f"{k} {v}" for k, v in PUBLISHED["date_f1"].items())
                     + "; alignment ROUGE-1 F (align+ m:1, not comparable with the concatenated R1 above): "
                     + "; ".join(f"{k} {v}" for k, v in PUBLISHED["alignment_rouge1_f"].items()))
        if self.stories:
            lines.append("Reachable by key (the best choice among the days that hold a dated event): whole input "
                         + ", ".join(f"{s.topic} {s.whole.reachable_f1:.3f}" for s in self.stories)
                         + f" (mean {self.mean('whole', 'reachable_f1'):.3f}); gold span "
                         + ", ".join(f"{s.topic} {s.within.reachable_f1:.3f}" for s in self.stories)
                         + f" (mean {self.mean('within', 'reachable_f1'):.3f})")
        lines.append(f"{len(self.stories)} timelines in {self.seconds:.0f} s")
        return "\n".join(lines)


def topics(root: str) -> list[Path]:
    """ROOT itself when it is a topic, else its sub-folders that are."""
    base = Path(root)
    if (base / "InputDocs").is_dir():
        return [base]
    found = sorted(p for p in base.iterdir() if (p / "InputDocs").is_dir()) if base.is_dir() else []
    if not found:
        raise InputError("no Timeline17 topic here (a folder with InputDocs/ and timelines.jsonl)", root)
    return found


def read_articles(topic: Path) -> list[Document]:
    docs = []
    for folder in sorted(p for p in (topic / "InputDocs").iterdir() if p.is_dir()):
        if not _DAY.fullmatch(folder.name):
            continue
        for f in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
            text = f.read_text(encoding="utf-8", errors="replace")
            if text.strip():
                docs.append(Document(id=f"{topic.name}/{folder.name}/{f.name}", published=folder.name,
                                     path=str(f), text=clean(text)))  # as the reader reads them
    if not docs:
        raise InputError("no articles in InputDocs/<YYYY-MM-DD>/", str(topic))
    return docs


def read_gold(topic: Path) -> list[dict[str, list[str]]]:
    """Each gold timeline as day -> its sentences (a day listed twice is one day)."""
    path = topic / "timelines.jsonl"
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out = []
        for line in lines:
            days: dict[str, list[str]] = {}
            for day, sentences in json.loads(line):
                days.setdefault(day[:10], []).extend(" ".join(s.split()) for s in sentences)
            out.append(days)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", str(path)) from None
    except (ValueError, TypeError):
        raise InputError("not a timelines.jsonl of [[date, [sentence, ...]], ...] lines", str(path)) from None
    if not out:
        raise InputError("no timeline", str(path))
    return out


def date_f1(chosen: Sequence[str], gold: Sequence[str]) -> float:
    hit = len(set(chosen) & set(gold))
    if not hit:
        return 0.0
    p, r = hit / len(set(chosen)), hit / len(set(gold))
    return 2 * p * r / (p + r)


def _top_days(counts: Counter, n: int, lo: Optional[str], hi: Optional[str]) -> list[str]:
    days = [d for d in counts if (not lo or d >= lo) and (not hi or d <= hi)]
    return sorted(days, key=lambda d: (-counts[d], d))[:n]


def _run(per_document: list[Timeline], n: int, gold: dict[str, list[str]], lo: Optional[str],
         hi: Optional[str], scorer) -> tuple[Run, list]:
    docs = [tl for tl in per_document
            if (not lo or (tl.documents[0].published or "") >= lo) and (not hi or (tl.documents[0].published or "") <= hi)]
    run = Run(articles=len(docs))
    if not docs:
        run.f1 = {m: 0.0 for m in METHODS}
        return run, []
    merged = score_salience(merge_timelines(docs))
    run.events = len(merged.events)
    if lo or hi:
        merged = merged.model_copy(update={"events": [e for e in merged.events if event_day(e)
                                                      and lo <= event_day(e) <= hi]})
    key = key_events(merged, n).events
    days = [event_day(e) for e in key if event_day(e)]
    publications = Counter(tl.documents[0].published for tl in docs if tl.documents[0].published)
    named = Counter(t.value[:10] for tl in docs for t in tl.time_expressions
                    if t.type in ("DATE", "TIME") and _DAY.match(t.value) and not t.mod)
    run.auto_days = auto_count(merged)
    run.auto_f1 = date_f1([event_day(e) for e in choose(merged, run.auto_days) if event_day(e)], gold)
    held = {event_day(e) for e in merged.events if event_day(e) and (e.salience or 0) > 0}
    hits = [d for d in gold if d in held]
    run.reachable_f1 = date_f1(hits[:n] + sorted(held - set(gold))[:max(0, n - len(hits))], gold)
    run.f1 = {"key": date_f1(days, gold),
              "publications": date_f1(_top_days(publications, n, lo, hi), gold),
              "time_expressions": date_f1(_top_days(named, n, lo, hi), gold)}
    system = "\n".join(e.evidence.sentence for e in key if e.evidence)
    reference = "\n".join(s for day in sorted(gold) for s in gold[day])
    scores = scorer.score(reference, system)
    run.rouge1, run.rouge2 = scores["rouge1"].fmeasure, scores["rouge2"].fmeasure
    return run, [(event_day(e) or (e.date.value if e.date else ""), e.summary) for e in key]


def evaluate_tls(root: str, jobs: int = 0) -> Report:
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise UsageError("evaluate-tls needs the rouge-score package: pip install 'timeline[tls]'") from None
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    started = time.perf_counter()
    stories = []
    settings = Settings(jobs=jobs)
    for topic in topics(root):
        golds = read_gold(topic)
        per_document = list(map_documents(read_articles(topic), settings))
        for k, gold in enumerate(golds):
            n, lo, hi = len(gold), min(gold), max(gold)
            whole, key_days = _run(per_document, n, gold, None, None, scorer)
            within, _ = _run(per_document, n, gold, lo, hi, scorer)
            stories.append(StoryScore(topic=topic.name, timeline=k, gold_dates=n, span=(lo, hi),
                                      whole=whole, within=within, key_days=key_days))
    return Report(stories, time.perf_counter() - started)
