"""Corpus benchmark: articles per second and peak memory when extracting a large .jsonl corpus.

    python3 bench/bench_corpus.py [SOURCE ...] [--articles 10000] [--small 1000] [--no-dask]
    python3 bench/bench_corpus.py ../shared/data/tls/timeline17-dev --merged --small 1000 --articles 10000

Generates N articles by recombining the paragraphs of the SOURCE articles (files or directories,
default samples/; deterministic; a Timeline17 article is published on its folder's date), writes
them to one .jsonl, and runs `timeline extract CORPUS --jsonl` (with --merged: `timeline extract
CORPUS`, one merged timeline) with --jobs 1, --jobs 2 and --engine dask on a two-worker
LocalCluster, at the small size and at N (--engines picks among them). Peak memory is the largest
resident set of the command's process tree (sampled every 50 ms), so it includes pool workers; the
Dask workers live in this process's cluster and are reported apart and with the command
(`tree_peak_rss_mb`, sampled together). Each output's SHA-256 is kept and, per size, whether every
engine wrote the same bytes. Prints one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from timeline.read import read_inputs  # noqa: E402


def paragraphs(text: str) -> list[str]:
    """Blank-line paragraphs, or three lines at a time where a text has no blank line
    (Timeline17's articles: a recombined article is then about as long as theirs, 5 KB)."""
    if "\n\n" in text.strip():
        return text.split("\n\n")
    lines = text.split("\n")
    return ["\n".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]


def published_on(doc) -> str | None:
    """The document's publication date, or the folder's for Timeline17 (<topic>/InputDocs/<date>/)."""
    if doc.published or not doc.path:
        return doc.published
    folder = Path(doc.path).parent
    try:
        return dt.date.fromisoformat(folder.name).isoformat() if folder.parent.name == "InputDocs" else None
    except ValueError:
        return None


def generate(sources: list[str], count: int, path: Path) -> None:
    """`count` articles: a base article's opening, then paragraphs drawn from the whole pool; each
    pass over the sources is published 30 days after the one before (a story that goes on, not
    the same day's news again)."""
    docs = [d.model_copy(update={"published": published_on(d)}) for d in read_inputs(sources)]
    pool = [p for d in docs for p in paragraphs(d.text) if len(p.split()) > 8]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            base = docs[i % len(docs)]
            opening = paragraphs(base.text)[:3]
            body = opening + rng.sample(pool, k=min(len(pool), rng.randint(3, 8)))
            published = base.published and (dt.date.fromisoformat(base.published)
                                            + dt.timedelta(days=30 * (i // len(docs)))).isoformat()
            f.write(json.dumps({"id": f"a{i:05d}", "title": base.title, "source": base.source,
                                "published": published, "text": "\n\n".join(body)}) + "\n")


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def tree_cpu(proc: psutil.Process, seen: dict) -> None:
    """Each process of the tree's own CPU seconds so far, by pid, in `seen`: a pool's workers fork
    from a forkserver that nobody waits for, so the command's rusage never counts them."""
    for p in [proc, *proc.children(recursive=True)]:
        try:
            times = p.cpu_times()
            seen[p.pid] = times.user + times.system
        except psutil.Error:
            pass


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


def run(corpus: Path, args: list[str], count: int, merged: bool = False,
        workers: list[psutil.Process] = ()) -> dict:
    out = corpus.with_suffix(".out.json" if merged else ".out.jsonl")
    cmd = [sys.executable, "-m", "timeline", "extract", str(corpus), *([] if merged else ["--jsonl"]),
           "-q", "-o", str(out), *args]
    load_before = os.getloadavg()[0]
    own_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = sum(sum(w.cpu_times()[:2]) for w in workers)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    watched = psutil.Process(proc.pid)
    peak = worker_peak = tree_peak = 0
    sampled: dict[int, float] = {}
    while proc.poll() is None:
        tree_cpu(watched, sampled)
        own = tree_rss(watched)
        theirs = sum(w.memory_info().rss for w in workers)
        peak, worker_peak, tree_peak = max(peak, own), max(worker_peak, theirs), max(tree_peak, own + theirs)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the command and the children it waited for (exact), or the tree's processes sampled every
    # 50 ms (pool workers), whichever is more
    cpu = max((after.ru_utime - own_cpu.ru_utime) + (after.ru_stime - own_cpu.ru_stime), sum(sampled.values()))
    workers_cpu = sum(sum(w.cpu_times()[:2]) for w in workers) - workers_cpu
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()}")
    if not merged:
        lines = sum(1 for _ in out.open())
        assert lines == count, f"{lines} results for {count} articles"
    result = {"args": " ".join(args), "articles": count, "merged": merged, "seconds": round(seconds, 1),
              "articles_per_s": round(count / seconds, 1), "cpu_s": round(cpu + workers_cpu, 1),
              "articles_per_cpu_s": round(count / (cpu + workers_cpu), 1),
              "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
              "peak_rss_mb": round(peak / 2**20),
              "output_mb": round(out.stat().st_size / 1e6, 1), "sha256": digest(out)}
    if workers:
        result["dask_workers_cpu_s"] = round(workers_cpu, 1)
        result["dask_workers_peak_rss_mb"] = round(worker_peak / 2**20)
        result["tree_peak_rss_mb"] = round(tree_peak / 2**20)
    out.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", default=[str(ROOT / "samples")])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--merged", action="store_true", help="one merged timeline, not --jsonl")
    parser.add_argument("--engines", nargs="+", default=["1", "2", "dask"], choices=["1", "2", "dask"],
                        help="--jobs 1, --jobs 2, Dask")
    parser.add_argument("--no-dask", action="store_true")
    opts = parser.parse_args()
    engines = [e for e in opts.engines if not (opts.no_dask and e == "dask")]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {}
        for n in (opts.small, opts.articles):
            corpora[n] = Path(tmp) / f"corpus-{n}.jsonl"
            generate(opts.sources, n, corpora[n])
        for n, corpus in corpora.items():
            for jobs in (e for e in engines if e != "dask"):
                results.append(run(corpus, ["--jobs", jobs], n, opts.merged))
                print(json.dumps(results[-1]), file=sys.stderr)
        if "dask" in engines:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster:
                workers = [psutil.Process(p.process.pid) for p in cluster.workers.values()]
                for n, corpus in corpora.items():
                    results.append(run(corpus, ["--engine", "dask", "--scheduler", cluster.scheduler_address],
                                       n, opts.merged, workers))
                    print(json.dumps(results[-1]), file=sys.stderr)
    identical = {n: len({r["sha256"] for r in results if r["articles"] == n}) == 1 for n in corpora}
    for n, same in identical.items():
        engines_run = [r["args"] for r in results if r["articles"] == n]
        print(f"{n} articles: {'the same bytes' if same else 'DIFFERENT outputs'} from {len(engines_run)} "
              f"engine(s): {', '.join(engines_run)}", file=sys.stderr)
    print(json.dumps({"sources": opts.sources, "results": results, "identical_outputs": identical}, indent=2))


if __name__ == "__main__":
    main()
