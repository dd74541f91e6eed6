"""Time and memory of merging synthetic news timelines: 1k, 10k and 100k events by default.

    python bench/bench_merge.py                      # 1000 10000 100000 events
    python bench/bench_merge.py --sizes 1000 5000 --json
    python bench/bench_merge.py --wire 100 400 1000  # N copies of one article, whole `timeline extract`

Each table ends with the least-squares exponent of time against size (log-log slope): 1 is linear.

The events come from `timeline.merge.synthetic.news`: happenings reported by 1-6 outlets, 30
events a day, one report in ten a day off or only month-precise, ten events per document. Each
size is generated first (not timed), merged once to warm up at the smallest size, then timed
(best of --runs). Peak Python memory (tracemalloc) is taken in a separate pass so it does not
slow the timing. "pairs scored" counts candidate pairs from blocking, against all n(n-1)/2.
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from timeline.merge import merge_timelines
from timeline.merge.cluster import candidate_pairs
from timeline.merge.features import atom, sources_of
from timeline.merge.synthetic import news


def measure(n: int, runs: int, memory: bool) -> dict:
    timelines = news(n, seed=n)
    events = sum(len(tl.events) for tl in timelines)
    best = cpu = float("inf")
    for _ in range(runs):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        merged = merge_timelines(timelines)
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    atoms = [atom(s) for tl in timelines for e in tl.events for s in sources_of(e)]
    pairs = sum(1 for _ in candidate_pairs(atoms))
    row = {"events": events, "documents": len(timelines), "merged_events": len(merged.events),
           "seconds": round(best, 3), "cpu_seconds": round(cpu, 3), "events_per_second": round(events / best),
           "pairs_scored": pairs, "all_pairs": events * (events - 1) // 2}
    if memory:
        del merged
        gc.collect()
        tracemalloc.start()
        merge_timelines(timelines)
        row["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    return row


def exponent(sizes, seconds) -> float:
    """The least-squares slope of log(seconds) against log(size)."""
    xs, ys = [math.log(x) for x in sizes], [math.log(max(y, 1e-6)) for y in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


WIRE_ARTICLE = Path(__file__).resolve().parents[1] / "samples" / "iraq-militia-2021-08-02.txt"


def wire(copies: list[int], article: Path) -> list[dict]:
    """N copies of one article as N files (one wire story printed by N outlets), each size
    extracted and merged by one whole `timeline extract` process."""
    rows = []
    text = article.read_text(encoding="utf-8")
    for n in copies:
        folder = Path(tempfile.mkdtemp(prefix="bench-wire-"))
        try:
            for k in range(n):
                (folder / f"outlet{k:05d}.txt").write_text(text, encoding="utf-8")
            out = folder / "out.json"
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "timeline", "extract", str(folder), "-o", str(out),
                            "--published", "2021-08-02", "--jobs", "1"],
                           check=True, capture_output=True)
            seconds = time.perf_counter() - t0
            merged = json.loads(out.read_text(encoding="utf-8"))
            rows.append({"copies": n, "seconds": round(seconds, 2),
                         "events": len(merged["events"]),
                         "most_sources": max((len(e["merged"]["sources"]) for e in merged["events"]
                                              if e.get("merged")), default=1)})
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-memory", action="store_true", help="Skip the tracemalloc pass.")
    parser.add_argument("--json", action="store_true", help="Print the rows as JSON.")
    parser.add_argument("--wire", type=int, nargs="+",
                        help="Instead: N copies of one article, each N a whole `timeline extract`.")
    parser.add_argument("--article", type=Path, default=WIRE_ARTICLE, help="The article copied (--wire).")
    args = parser.parse_args()
    if args.wire:
        rows = wire(args.wire, args.article)
        if args.json:
            print(json.dumps(rows, indent=2))
            return
        print(f"{'copies':>7} {'seconds':>8} {'events':>7} {'most sources':>13}")
        for r in rows:
            print(f"{r['copies']:>7} {r['seconds']:>8} {r['events']:>7} {r['most_sources']:>13}")
        if len(rows) > 1:
            print(f"exponent (least squares, seconds ~ copies^k): "
                  f"{exponent([r['copies'] for r in rows], [r['seconds'] for r in rows]):.2f}")
        return
    merge_timelines(news(200))   # warm up: rules compiled, caches filled
    rows = [measure(n, args.runs, not args.no_memory) for n in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'events':>8} {'docs':>6} {'merged':>7} {'seconds':>8} {'cpu s':>8} {'events/s':>9} "
          f"{'pairs scored':>13} {'all pairs':>14} {'peak MB':>8}")
    for r in rows:
        print(f"{r['events']:>8} {r['documents']:>6} {r['merged_events']:>7} {r['seconds']:>8} {r['cpu_seconds']:>8} "
              f"{r['events_per_second']:>9} {r['pairs_scored']:>13} {r['all_pairs']:>14} "
              f"{r.get('peak_mb', '-'):>8}")
    if len(rows) > 1:
        sizes = [r["events"] for r in rows]
        print(f"exponent (least squares, seconds ~ events^k): wall "
              f"{exponent(sizes, [r['seconds'] for r in rows]):.2f}, CPU "
              f"{exponent(sizes, [r['cpu_seconds'] for r in rows]):.2f} (CPU time: less noisy on a shared machine)")


if __name__ == "__main__":
    main()
