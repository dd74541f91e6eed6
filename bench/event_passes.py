"""The event stage alone, run K times over the same tagged documents, for an instruction count
that no other process's load changes (valgrind's callgrind counts what the CPU executes):

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python bench/event_passes.py INPUT K [N]

INPUT is a text file (one document, published 2021-08-02) or what bench_times.py reads (a
TimeML folder: its first N documents). One pass costs I(K=2) - I(K=1): reading, tagging, the
imports and what a first pass builds once are in both. The cyclic collector is off during the
passes, as `extract_document` pauses it. TIMELINE_TREE names another checkout whose code to
count (main's, beside a branch's); by default this script's own. Run the package's bytecode compiled first
(`python -m compileall -q timeline`): with PYTHONDONTWRITEBYTECODE, importing compiles it.
"""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, os.environ.get("TIMELINE_TREE") or str(ROOT))

from timeline.events import finder  # noqa: E402
from timeline.lang import event_taxonomy  # noqa: E402
from timeline.models import Document  # noqa: E402
from timeline.settings import Settings  # noqa: E402
from timeline.text import split_sentences  # noqa: E402
from timeline.times import tag_document  # noqa: E402


def main() -> None:
    source, passes = sys.argv[1], int(sys.argv[2])
    if source.endswith(".txt"):
        documents = [Document(id="x", text=Path(source).read_text(encoding="utf-8"), published="2021-08-02", lang="en")]
    else:
        from bench_times import load

        documents = load([source])[:int(sys.argv[3]) if len(sys.argv) > 3 else None]
    tagged = []
    for d in documents:
        sentences = split_sentences(d.text)
        tagged.append((d, sentences, tag_document(d, sentences, Settings().policy)))
    taxonomy = event_taxonomy("en")
    gc.collect()
    gc.freeze()
    gc.disable()
    for _ in range(passes):
        for d, sentences, times in tagged:
            finder.find_events(d, sentences, times, taxonomy)


if __name__ == "__main__":
    main()
