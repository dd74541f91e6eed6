"""Time and memory of merging synthetic news timelines: 1k, 10k and 100k events by default.

    python bench/bench_merge.py                      # 1000 10000 100000 events
    python bench/bench_merge.py --sizes 1000 5000 --json

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
import time
import tracemalloc

from timeline.merge import merge_timelines
from timeline.merge.cluster import candidate_pairs
from timeline.merge.features import atom, sources_of
from timeline.merge.synthetic import news


def measure(n: int, runs: int, memory: bool) -> dict:
    timelines = news(n, seed=n)
    events = sum(len(tl.events) for tl in timelines)
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        merged = merge_timelines(timelines)
        best = min(best, time.perf_counter() - t0)
    atoms = [atom(s) for tl in timelines for e in tl.events for s in sources_of(e)]
    pairs = sum(1 for _ in candidate_pairs(atoms))
    row = {"events": events, "documents": len(timelines), "merged_events": len(merged.events),
           "seconds": round(best, 3), "events_per_second": round(events / best),
           "pairs_scored": pairs, "all_pairs": events * (events - 1) // 2}
    if memory:
        del merged
        gc.collect()
        tracemalloc.start()
        merge_timelines(timelines)
        row["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-memory", action="store_true", help="Skip the tracemalloc pass.")
    parser.add_argument("--json", action="store_true", help="Print the rows as JSON.")
    args = parser.parse_args()
    merge_timelines(news(200))   # warm up: rules compiled, caches filled
    rows = [measure(n, args.runs, not args.no_memory) for n in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'events':>8} {'docs':>6} {'merged':>7} {'seconds':>8} {'events/s':>9} "
          f"{'pairs scored':>13} {'all pairs':>14} {'peak MB':>8}")
    for r in rows:
        print(f"{r['events']:>8} {r['documents']:>6} {r['merged_events']:>7} {r['seconds']:>8} "
              f"{r['events_per_second']:>9} {r['pairs_scored']:>13} {r['all_pairs']:>14} "
              f"{r.get('peak_mb', '-'):>8}")


if __name__ == "__main__":
    main()
