#!/usr/bin/env python3
"""A longer fuzz run than the suite's property tests: the same hostile-input generators
(tests/hardening/strategies.py), many more examples, failures collected instead of stopping.

Every target must give a result or the tool's own TimelineError. Anything else (or an input that
takes longer than --hang seconds) is a failure, reported once per exception type and place with
the smallest input that showed it.

    python3 scripts/fuzz.py --minutes 5              # all targets, the time shared between them
    python3 scripts/fuzz.py --targets csv,merge --examples 5000
"""
from __future__ import annotations

import argparse
import io
import json
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hardening"))

from hypothesis import HealthCheck, Phase, given, settings, strategies as st  # noqa: E402

import strategies as S  # noqa: E402
from timeline import render  # noqa: E402
from timeline.errors import TimelineError  # noqa: E402
from timeline.merge import merge_files, merge_timelines  # noqa: E402
from timeline.models import Document, Timeline  # noqa: E402
from timeline.pipeline import extract_document  # noqa: E402
from timeline.read.context import ReadContext  # noqa: E402
from timeline.read.html import read_html  # noqa: E402
from timeline.read.records import read_csv, read_json, read_jsonl  # noqa: E402
from timeline.read.text import read_text  # noqa: E402
from timeline.read.timeml import parse_timeml  # noqa: E402
from timeline.times import find_times, resolve, tag_document  # noqa: E402
from timeline.times.resolve import Policy  # noqa: E402

CHUNK = 200   # examples per hypothesis run; runs repeat until the target's share of time is used


class Hang(Exception):
    pass


@dataclass
class Tally:
    tried: int = 0
    refused: int = 0          # clean TimelineErrors
    failures: dict = field(default_factory=dict)   # (type, place) -> (count, smallest input, message)

    def fail(self, error: BaseException, data) -> None:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        key = (type(error).__name__, f"{Path(frame.filename).name}:{frame.lineno}")
        count, smallest, message = self.failures.get(key, (0, None, ""))
        shown = data if isinstance(data, (str, bytes)) else repr(data)
        if smallest is None or len(shown) < len(smallest):
            smallest, message = shown, str(error)[:200]
        self.failures[key] = (count + 1, smallest, message)


def _stream(data: bytes):
    return io.BufferedReader(io.BytesIO(data))


def _read_then_extract(reader):
    def run(data: bytes):
        for article in reader(data):       # the readers give plain records, as Reader.articles
            extract_document(article.document())
    return run


def _tag(args):
    text, published, policy = args
    tag_document(Document(id="d", text=text, published=published), policy=policy)


def _resolve(args):
    text, anchor, last, tense, policy = args
    for found in find_times(text):
        resolve(found, anchor, Policy(policy, tense, last))


def _base_timeline() -> dict:
    text = (ROOT / "samples" / "iraq-militia-2021-08-02.txt").read_text(encoding="utf-8")
    return json.loads(extract_document(Document(id="seed.txt", text=text[:3000],
                                                published="2021-08-02")).model_dump_json())


def _merge_files(folder: Path):
    def run(pair):
        paths = []
        for name, content in zip(("a.json", "b.json"), pair):
            (folder / name).write_text(content, encoding="utf-8", errors="surrogatepass")
            paths.append(str(folder / name))
        merge_files(paths)
    return run


def _valid_timelines(pair):
    timelines = []
    for content in pair:
        try:
            timelines.append(Timeline.model_validate_json(content))
        except ValueError:
            return
    merged = merge_timelines(timelines)
    render.fragment(merged), render.to_csv(merged), render.timelinejs_json(merged)
    render.page(merged, plotlyjs="cdn")


def targets(folder: Path) -> dict:
    base = _base_timeline()
    saved = S.mutated_timelines(base)
    ctx = ReadContext
    return {
        "tag_document": (st.tuples(S.text, S.published, st.sampled_from(["news", "narrative"])), _tag),
        "resolve": (st.tuples(S.text, S.published, S.published,
                              st.sampled_from([None, "PAST", "PRESENT", "FUTURE"]),
                              st.sampled_from(["news", "narrative"])), _resolve),
        "txt": (st.one_of(S.txt_files(), st.binary(max_size=300)),
                _read_then_extract(lambda d: read_text(d, "f.txt", "f.txt", ctx()))),
        "html": (st.one_of(S.html_files(), st.binary(max_size=300)),
                 _read_then_extract(lambda d: read_html(d, "f.html", "f.html", ctx()))),
        "json": (st.one_of(S.json_files(), st.binary(max_size=300)),
                 _read_then_extract(lambda d: read_json(d, "f.json", "f.json", ctx()))),
        "jsonl": (st.one_of(S.jsonl_files(), st.binary(max_size=300)),
                  _read_then_extract(lambda d: read_jsonl(_stream(d), "f.jsonl", "f.jsonl", ctx()))),
        "csv": (st.one_of(S.csv_files(), st.binary(max_size=300)),
                _read_then_extract(lambda d: read_csv(_stream(d), "f.csv", "f.csv", ctx()))),
        "timeml": (st.one_of(S.timeml_files(), st.binary(max_size=300)),
                   lambda d: parse_timeml(d, "f.tml").document()),
        "merge": (st.tuples(st.one_of(saved, S.json_values.map(json.dumps)), saved), _merge_files(folder)),
        "merge+render": (st.tuples(saved, saved), _valid_timelines),
    }


def fuzz(name: str, strategy, target, seconds: float, max_examples: int, hang: int) -> Tally:
    tally = Tally()
    stop = time.monotonic() + seconds

    def _alarm(signum, frame):
        raise Hang(f"no result within {hang} s")

    signal.signal(signal.SIGALRM, _alarm)

    @settings(max_examples=CHUNK, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(data=strategy)
    def one(data):
        if time.monotonic() > stop or tally.tried >= max_examples:
            return
        tally.tried += 1
        signal.alarm(hang)
        try:
            target(data)
        except TimelineError:
            tally.refused += 1
        except Exception as e:  # noqa: BLE001 - every other exception is the finding
            tally.fail(e, data)
        finally:
            signal.alarm(0)

    while time.monotonic() < stop and tally.tried < max_examples:
        one()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0, help="total time, shared by the targets")
    parser.add_argument("--examples", type=int, default=10**9, help="at most this many inputs per target")
    parser.add_argument("--targets", help="comma-separated subset")
    parser.add_argument("--hang", type=int, default=20, help="seconds after which one input is a hang")
    parser.add_argument("--json", help="also write the report here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        table = targets(Path(folder))
        chosen = args.targets.split(",") if args.targets else list(table)
        share = args.minutes * 60 / len(chosen)
        report, failed = {}, 0
        print(f"{'target':<14}{'inputs':>9}{'refused':>9}{'failures':>10}")
        for name in chosen:
            tally = fuzz(name, *table[name], seconds=share, max_examples=args.examples, hang=args.hang)
            failed += len(tally.failures)
            print(f"{name:<14}{tally.tried:>9}{tally.refused:>9}{len(tally.failures):>10}", flush=True)
            for (kind, place), (count, smallest, message) in tally.failures.items():
                print(f"    {kind} at {place} ({count}x): {message}\n      input: {smallest[:300]!r}")
            report[name] = {"inputs": tally.tried, "refused": tally.refused,
                            "failures": [{"error": k, "place": p, "count": c, "message": m,
                                          "input": s[:2000] if isinstance(s, str) else repr(s[:2000])}
                                         for (k, p), (c, s, m) in tally.failures.items()]}
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"{sum(r['inputs'] for r in report.values())} inputs, {failed} distinct failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
