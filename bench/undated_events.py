"""The share of events with no date, per story, on Timeline17-style folders.

    python bench/undated_events.py ../shared/data/tls/timeline17-dev

Each `<topic>/InputDocs/<YYYY-MM-DD>/*.txt` article is extracted alone, published on its folder's
date when the article itself gives none (as `--published` would), then the story's timelines are
merged. Prints, per topic, the undated events of the articles and of the merged timeline, and
how their dates were found (a date in the text, a news date, none).
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from timeline.errors import TimelineError
from timeline.pipeline import extract_document, merge_documents
from timeline.read import Reader


def _how(event) -> str:
    if event.date is None:
        return "undated"
    rule = next((m.date_rule for m in event.mentions if m.date_rule), "") or ""
    return "news date" if rule.startswith("news date") else "text"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="a folder of topics, each with InputDocs/<date>/*.txt")
    args = parser.parse_args(argv)
    total, undated = 0, 0
    for topic in sorted(p for p in args.root.iterdir() if (p / "InputDocs").is_dir()):
        per_document = []
        for path in sorted((topic / "InputDocs").rglob("*.txt")):
            try:
                document = next(iter(Reader().documents([str(path)])))
            except (TimelineError, StopIteration):
                continue            # an empty article
            if not document.published:
                document = document.model_copy(update={"published": path.parent.name})
            per_document.append(extract_document(document))
        events = [e for tl in per_document for e in tl.events]
        merged = merge_documents(per_document).events
        how = Counter(_how(e) for e in events)
        total += len(events)
        undated += how["undated"]
        print(f"{topic.name}: {len(per_document)} articles, {how['undated']}/{len(events)} events undated "
              f"({100 * how['undated'] / max(1, len(events)):.1f}%; text dates {how['text']}, news dates "
              f"{how['news date']}); merged {sum(e.date is None for e in merged)}/{len(merged)} undated")
    print(f"all: {undated}/{total} events undated ({100 * undated / max(1, total):.1f}%)")


if __name__ == "__main__":
    main()
