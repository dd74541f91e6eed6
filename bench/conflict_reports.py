"""Type and date of one-paragraph conflict reports (ACLED style: each opens with its own day).

    python bench/conflict_reports.py tests/events/conflict_reports.jsonl

Each line of the file is a JSON object: text, published (YYYY-MM-DD), type (the report's event
type in the taxonomy) and date (YYYY-MM-DD, the day it happened). A report scores
- type: the events stage finds an event of that type;
- date: the first such event is dated on that day (a range starting on it counts);
- narrative: the share of all its events, in every sentence, dated on that day (the report's
  day carries to the sentences after it).
Prints one line per report, then the three shares.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timeline.models import Document
from timeline.pipeline import extract_document


def on_day(event, day: str) -> bool:
    d = event.date
    return d is not None and (d.value == day or d.start == day)


def score(reports: list[dict]) -> dict:
    typed = dated = events = narrated = 0
    lines = []
    for r in reports:
        found = extract_document(Document(id=r["id"], text=r["text"], published=r["published"])).events
        first = next((e for e in found if e.type == r["type"]), None)
        typed += first is not None
        dated += first is not None and on_day(first, r["date"])
        events += len(found)
        narrated += sum(on_day(e, r["date"]) for e in found)
        got = f"{first.type} {first.date.value if first.date else '-'}" if first else \
            ", ".join(f"{e.type} {e.date.value if e.date else '-'}" for e in found) or "no event"
        ok = "ok  " if first is not None and on_day(first, r["date"]) else "MISS"
        lines.append(f"{ok} {r['id']}: want {r['type']} {r['date']}; got {got}")
    n = len(reports)
    return {"reports": n, "type": typed / n if n else 0.0, "date": dated / n if n else 0.0,
            "narrative": narrated / events if events else 0.0, "events": events, "lines": lines,
            "counts": (typed, dated, narrated)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="JSON lines: text, published, type, date")
    args = parser.parse_args(argv)
    try:
        reports = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as e:
        print(f"{args.file}: cannot read the reports: {e}", file=sys.stderr)
        return 2
    result = score(reports)
    print("\n".join(result["lines"]))
    typed, dated, narrated = result["counts"]
    n = result["reports"]
    print(f"{n} reports: type {result['type']:.1%} ({typed}/{n}), date {result['date']:.1%} ({dated}/{n}); "
          f"events on the report's day {result['narrative']:.1%} ({narrated}/{result['events']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
