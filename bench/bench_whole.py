"""Whole-process benchmark: `timeline times` and `timeline extract` as a user runs them, beside
the same work in this process and beside dateparser's `search_dates` as a process of its own, in
the same run; with the exponent of time against size for each kind of input.

    python bench/bench_whole.py [--seed samples/iraq-militia-2021-08-02.txt]
        [--copies 400 1600 6400] [--articles 1000 10000 100000] [--wire 1000]
        [--tls ../shared/data/tls/timeline17-dev] [--first-run] [--json]

The inputs, made in a temporary directory from the seed article's body (its header dropped):
- one document: the body repeated --copies times (400: 1.07 MB, the issue's bar; 1600: 4.3 MB;
  6400: 17 MB), published 2021-08-02;
- many articles: the body as N articles of a .jsonl, article i published i days after 2021-08-02
  (each its own story: the dates its relative times resolve to differ);
- wire story: --wire copies of the body, all published the same day by different outlets
  (one happening told N times: what merging must collapse);
- Timeline17: every article of --tls (the folder of each is its publication date), one .jsonl.

Each command runs as a process (`python -m timeline ... -q`, default --jobs, merging on for
extract) and is timed by the wall clock and by its CPU time (its own and its workers': from
wait4, or the process tree's sampled every 50 ms when more, as a pool's workers fork from a
forkserver that nobody waits for), with its peak resident memory: the larger of its process tree's (sampled every 50 ms) and
of its largest process's own (ru_maxrss, taken by a small launcher process so that the bench's
memory is not carried into it). One-document rows
also time the same stage in this process (`tag_times`, `extract_document`, after a warm-up).
dateparser runs as a process too, on the first --dateparser-mb of each input (whole paragraphs of
one document; whole articles of a .jsonl, each against its own publication date), in the same run
as the rows it is the peer of: vs_dateparser is their MB/s over its. The exponent is the least-squares slope of log(seconds) against
log(MB) over the rows of one kind; start-up counts in the time, as it does for a user (the
package's bytecode compiled first, as installing it does). With --first-run each command also
runs with an empty cache directory (TIMELINE_CACHE_DIR): the first run after installing the
package or changing its rules, which builds what later runs read back.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import tree_cpu, tree_rss  # noqa: E402  (the same measures of a process and its workers)

PUBLISHED = dt.date(2021, 8, 2)
DATEPARSER = """
import datetime, json, sys
from dateparser.search import search_dates
path = sys.argv[1]
if path.endswith(".jsonl"):    # each article against its own publication date
    for line in open(path, encoding="utf-8"):
        article = json.loads(line)
        base = datetime.datetime.fromisoformat(article["published"] or "2021-08-02")
        search_dates(article["text"], languages=["en"], settings={"RELATIVE_BASE": base})
else:
    text = open(path, encoding="utf-8").read()
    search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime.datetime(2021, 8, 2)})
"""


def seed_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1] if text.split("\n", 1)[0].count(":") else text


def one_document(body: str, copies: int, path: Path) -> Path:
    path.write_text(f"published: {PUBLISHED}\n\n" + "\n\n".join([body] * copies), encoding="utf-8")
    return path


def articles(body: str, count: int, path: Path, same_day: bool) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            day = PUBLISHED if same_day else PUBLISHED + dt.timedelta(days=i)
            f.write(json.dumps({"id": f"a{i:06d}", "source": f"outlet{i}", "published": day.isoformat(),
                                "text": body}) + "\n")
    return path


def timeline17(folder: Path, path: Path) -> Path:
    """Every article of the Timeline17 topics, dated by its folder (<topic>/InputDocs/<date>/)."""
    with path.open("w", encoding="utf-8") as f:
        for article in sorted(folder.glob("*/InputDocs/*/*.txt")):
            f.write(json.dumps({"id": f"{article.parts[-4]}/{article.parent.name}/{article.name}",
                                "published": article.parent.name,
                                "text": article.read_text(encoding="utf-8", errors="replace")}) + "\n")
    return path


def text_mb(path: Path) -> float:
    """The MB of article text an input holds (a .jsonl's JSON syntax not counted)."""
    if path.suffix == ".jsonl":
        return sum(len(json.loads(line)["text"].encode()) for line in path.open(encoding="utf-8")) / 1e6
    return path.stat().st_size / 1e6


# Runs one command and reports its wall and CPU seconds and its peak resident memory (wait4's
# ru_maxrss: the largest of the process and the workers it waited for). It is a fresh, small
# process: Linux carries the spawning process's memory into a child's ru_maxrss (the high-water
# mark of the memory it forked from), so a command spawned from this bench, grown by the
# in-process rows, reported the bench's peak instead of its own.
LAUNCHER = """
import json, os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    json.dump({"seconds": time.perf_counter() - start, "cpu_s": usage.ru_utime + usage.ru_stime,
               "maxrss": usage.ru_maxrss * 1024}, f)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_process(cmd: list[str], stdout, env: dict | None = None) -> dict:
    """Wall seconds, CPU seconds (the process and the children it waited for) and peak memory:
    the most of the tree's resident memory sampled every 50 ms (workers at once) and of the
    largest single process's own peak."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, report.name, *cmd],
                                stdout=stdout, stderr=subprocess.PIPE, env=env)
        launcher, peak, sampled = psutil.Process(proc.pid), 0, {}
        while proc.poll() is None:
            try:
                for child in launcher.children():
                    tree_cpu(child, sampled)
                peak = max([peak, *(tree_rss(child) for child in launcher.children())])
            except psutil.Error:
                pass
            time.sleep(0.05)
        if proc.returncode:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
        measured = json.loads(Path(report.name).read_text())
    # wait4 counts the command and the children it waited for; a pool's workers fork from a
    # forkserver nobody waits for: their CPU seconds are sampled (every 50 ms) with the tree's
    cpu = max(measured["cpu_s"], sum(sampled.values()))
    return {"seconds": round(measured["seconds"], 3), "cpu_s": round(cpu, 3),
            "peak_mb": round(max(peak, measured["maxrss"]) / 2**20)}


def compile_bytecode() -> None:
    """The package's bytecode written beside it, as installing it writes it: an editable install
    run with PYTHONDONTWRITEBYTECODE never writes any, and each command would then compile the
    package's source again at start-up, which a user's installed copy does not."""
    import compileall

    import timeline

    compileall.compile_dir(str(Path(timeline.__file__).parent), quiet=1)


def timeline_row(command: str, kind: str, path: Path, tmp: Path, label: str, first_run: bool = False) -> dict:
    """One command on one input; `first_run`: with an empty cache directory, as the first run after
    installing the package or changing its rules is."""
    mb = text_mb(path)
    out = tmp / f"{path.stem}.{command}.out"
    cmd = [sys.executable, "-m", "timeline", command, str(path), "-q"]
    with tempfile.TemporaryDirectory(dir=tmp) if first_run else contextlib.nullcontext() as empty:
        env = {**os.environ, "TIMELINE_CACHE_DIR": empty} if first_run else None
        if command == "extract":
            result = run_process(cmd + ["-o", str(out)], subprocess.DEVNULL, env)
        else:
            with out.open("wb") as f:
                result = run_process(cmd, f, env)
    documents = sum(1 for _ in path.open()) if path.suffix == ".jsonl" else 1
    row = {"command": f"timeline {command}" + (" (first run)" if first_run else ""), "kind": kind,
           "input": label, "documents": documents,
           "mb": round(mb, 3), **result, "mb_per_s": round(mb / result["seconds"], 3),
           "cpu_mb_per_s": round(mb / max(result["cpu_s"], 1e-9), 3)}
    if documents > 1:
        row["articles_per_s"] = round(documents / result["seconds"], 1)
    return row


def dateparser_row(path: Path, tmp: Path, limit_mb: float) -> dict:
    """dateparser on the first `limit_mb` of the input's text: whole paragraphs of one document,
    or whole articles of a .jsonl."""
    sample = tmp / f"dateparser-{path.name}"
    if path.suffix == ".jsonl":
        kept, size = [], 0
        for line in path.open(encoding="utf-8"):
            size += len(json.loads(line)["text"].encode())
            if kept and size > limit_mb * 1e6:
                break
            kept.append(line)
        sample.write_text("".join(kept), encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        if len(text.encode()) > limit_mb * 1e6:
            text = text[: int(limit_mb * 1e6)]
            text = text[: text.rfind("\n\n")] if "\n\n" in text else text
        sample.write_text(text, encoding="utf-8")
    mb = text_mb(sample)
    result = run_process([sys.executable, "-c", DATEPARSER, str(sample)], subprocess.DEVNULL)
    return {"command": "dateparser search_dates (process)", "kind": "peer", "input": path.name,
            "mb": round(mb, 3), **result, "mb_per_s": round(mb / result["seconds"], 3)}


def in_process_rows(path: Path, label: str) -> list[dict]:
    """The same stages on the same document in this process (no start-up, no reading, no output)."""
    from timeline.pipeline import extract_document, tag_times
    from timeline.read import read_inputs

    (document,) = read_inputs([str(path)])
    mb = len(document.text.encode()) / 1e6
    rows = []
    for name, stage in (("tag_times", tag_times), ("extract_document", extract_document)):
        stage(document.model_copy(update={"text": document.text[:5000]}))     # warm-up: grammar, taxonomy
        t0, c0 = time.perf_counter(), time.process_time()
        stage(document)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows.append({"command": f"in process: {name}", "kind": "one document", "input": label,
                     "documents": 1, "mb": round(mb, 3), "seconds": round(wall, 3), "cpu_s": round(cpu, 3),
                     "mb_per_s": round(mb / wall, 3), "cpu_mb_per_s": round(mb / max(cpu, 1e-9), 3)})
    return rows


def exponent(rows: list[dict], field: str = "seconds") -> float | None:
    """Least-squares slope of log(field) against log(mb)."""
    points = [(math.log(r["mb"]), math.log(r[field])) for r in rows if r["mb"] > 0 and r[field] > 0]
    if len({x for x, _ in points}) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    return round(sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points), 3)


def table(rows: list[dict]) -> str:
    lines = ["| command | input | documents | MB | wall s | CPU s | MB/s (wall) | MB/s (CPU) | peak MB | vs dateparser |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['command']} | {r['input']} | {r.get('documents', '')} | {r['mb']} | {r['seconds']} | "
                     f"{r['cpu_s']} | {r['mb_per_s']} | {r.get('cpu_mb_per_s', '')} | {r.get('peak_mb', '')} | "
                     f"{str(r['vs_dateparser']) + 'x' if 'vs_dateparser' in r else ''} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=Path, default=ROOT / "samples" / "iraq-militia-2021-08-02.txt")
    parser.add_argument("--copies", type=int, nargs="*", default=[400, 1600, 6400])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--wire", type=int, default=1000, help="copies of one article, one day (0: none)")
    parser.add_argument("--tls", type=Path, help="the Timeline17 development folder (…/timeline17-dev)")
    parser.add_argument("--commands", nargs="*", default=["times", "extract"], choices=["times", "extract"])
    parser.add_argument("--dateparser-mb", type=float, default=1.1,
                        help="dateparser reads this much of each one-document input (0: no peer)")
    parser.add_argument("--first-run", action="store_true",
                        help="each command also with an empty cache directory (the first run after installing)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    opts = parser.parse_args(argv)
    body = seed_body(opts.seed)
    compile_bytecode()
    rows: list[dict] = []
    say = (lambda row: print(json.dumps(row), file=sys.stderr)) if not opts.json else (lambda row: None)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)

        def beside_dateparser(path: Path, kind: str, label: str) -> None:
            """Each command's row on one input, and dateparser's row on it in the same run."""
            peer = dateparser_row(path, tmp, opts.dateparser_mb) if opts.dateparser_mb else None
            for command in opts.commands:
                for first_run in (True, False) if opts.first_run else (False,):
                    rows.append(timeline_row(command, kind, path, tmp, label, first_run))
                    if peer:
                        rows[-1]["vs_dateparser"] = round(rows[-1]["mb_per_s"] / peer["mb_per_s"], 1)
                    say(rows[-1])
            if peer:
                rows.append(peer)
                say(peer)

        for copies in opts.copies:
            path = one_document(body, copies, tmp / f"seed-x{copies}.txt")
            label = f"seed body x{copies}"
            beside_dateparser(path, "one document", label)
            rows.extend(in_process_rows(path, label))
            say(rows[-1])
            path.unlink()
        many = [(articles(body, count, tmp / f"articles-{count}.jsonl", same_day=False), "many articles",
                 f"seed body as {count:,} articles") for count in opts.articles]
        if opts.wire:
            many.append((articles(body, opts.wire, tmp / f"wire-{opts.wire}.jsonl", same_day=True), "wire story",
                         f"{opts.wire:,} copies of one article"))
        if opts.tls:
            many.append((timeline17(opts.tls, tmp / "timeline17-dev.jsonl"), "Timeline17", "Timeline17 dev articles"))
        for path, kind, label in many:
            beside_dateparser(path, kind, label)
            path.unlink()
    exponents = []
    for kind in ("one document", "many articles"):
        for command in [f"timeline {c}" for c in opts.commands] + ["in process: tag_times",
                                                                    "in process: extract_document"]:
            same = [r for r in rows if r["kind"] == kind and r["command"] == command]
            if len(same) >= 2:
                exponents.append({"command": command, "kind": kind, "sizes_mb": [r["mb"] for r in same],
                                  "exponent_wall": exponent(same), "exponent_cpu": exponent(same, "cpu_s")})
    if opts.json:
        print(json.dumps({"seed": str(opts.seed), "rows": rows, "exponents": exponents}, indent=2))
    else:
        print(table(rows))
        print()
        for e in exponents:
            print(f"exponent of time against size, {e['command']}, {e['kind']} ({', '.join(map(str, e['sizes_mb']))} MB): "
                  f"wall {e['exponent_wall']}, CPU {e['exponent_cpu']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
