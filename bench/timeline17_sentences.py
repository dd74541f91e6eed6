"""Hand-annotated Timeline17 sentences: a third development view for time expressions.

    # 1. draw: 200 sentences with a date cue, at random with a fixed seed (done once, before tagging)
    python bench/timeline17_sentences.py draw ../shared/data/tls/timeline17-dev > sentences.jsonl
    # 2. (by hand) add to each line its "timex": [{"text", "type", "value", ["mod"], ["nth"]}, ...]
    # 3. gold TimeML from the annotations and the articles, then tag and score as for TBAQ
    python bench/timeline17_sentences.py timeml ../shared/data/tls/timeline17-dev -o /tmp/t17/gold
    timeline timeml /tmp/t17/gold -o /tmp/t17/ours && timeline score /tmp/t17/gold /tmp/t17/ours
    python bench/heideltime_peer.py /tmp/t17/gold -o /tmp/t17/heideltime && timeline score /tmp/t17/gold /tmp/t17/heideltime

The annotations (bench/timeline17_sentences.jsonl) locate each sentence, they do not copy it:
the article (path below the data directory; its folder is its publication date, the anchor),
the sentence's character offset in it and its opening words (checked when read). Each TIMEX3 is
its text within the sentence (the nth occurrence, 1 by default), type, value and mod, annotated
by reading the sentence and the article's date, by TimeML's guidelines. Each sentence becomes one
TimeML document whose DCT is the publication date.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from html import escape
from pathlib import Path

from timeline.atomic import write_atomic

ANNOTATIONS = Path(__file__).with_name("timeline17_sentences.jsonl")
SEED = 17
SIZE = 200
OPENING = 40   # characters of the sentence kept to check it is found again

# A cue that a line speaks of a date or a time, written independently of the tagger's rules:
# month and weekday names, years, relative days, calendar units.
_CUE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|today|yesterday|tomorrow|tonight|(?:19|20)\d\d"
    r"|(?:day|week|month|year|hour|minute|decade|century|weekend|morning|afternoon|evening|night)s?)\b",
    re.I)


def fail(message: str):
    """Bad input: one line on stderr, exit 2."""
    print(f"timeline17_sentences: {message}", file=sys.stderr)
    raise SystemExit(2)


def sentences(path: Path):
    """(offset, line) for each non-blank line of an article: the corpus has one sentence a line."""
    offset = 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.rstrip("\n")
        if stripped.strip():
            yield offset, stripped
        offset += len(line)


def articles(root: Path) -> list[Path]:
    return sorted(root.glob("*/InputDocs/*/*.txt"))


def draw(root: Path, size: int = SIZE, seed: int = SEED) -> list[dict]:
    """`size` lines with a date cue, drawn uniformly from all such lines of all articles."""
    pool = []
    for path in articles(root):
        for offset, line in sentences(path):
            if 20 <= len(line) <= 400 and _CUE.search(line):
                pool.append({"file": path.relative_to(root).as_posix(), "offset": offset,
                             "opens": line[:OPENING]})
    picked = random.Random(seed).sample(pool, size)
    return sorted(picked, key=lambda s: (s["file"], s["offset"]))


def published(file: str) -> str:
    return Path(file).parent.name


def locate(root: Path, item: dict) -> str:
    """The annotated sentence's text, read from the article; exits if it is not where it was."""
    path = root / item["file"]
    if not path.is_file():
        fail(f"{path}: no such article (is DATA the timeline17-dev folder?)")
    text = path.read_text(encoding="utf-8")
    line = text[item["offset"]:].split("\n", 1)[0]
    if not line.startswith(item["opens"]):
        fail(f"{path}: no sentence opening {item['opens']!r} at {item['offset']}")
    return line


def timex_spans(sentence: str, item: dict) -> list[tuple[int, int, dict]]:
    spans = []
    for t in item.get("timex", []):
        at = -1
        for _ in range(t.get("nth", 1)):
            at = sentence.find(t["text"], at + 1)
            if at < 0:
                fail(f"{item['file']}: {t['text']!r} not in {item['opens']!r}")
        spans.append((at, at + len(t["text"]), t))
    return sorted(spans, key=lambda s: s[0])


def timeml(sentence: str, item: dict, tid: int = 1) -> str:
    """One TimeML document: the sentence as TEXT with its gold TIMEX3, the publication date as DCT."""
    body, pos = [], 0
    for start, end, t in timex_spans(sentence, item):
        attrs = f'tid="t{tid}" type="{t["type"]}" value="{t["value"]}"'
        if t.get("mod"):
            attrs += f' mod="{t["mod"]}"'
        body.append(escape(sentence[pos:start], quote=False))
        body.append(f"<TIMEX3 {attrs}>{escape(sentence[start:end], quote=False)}</TIMEX3>")
        pos, tid = end, tid + 1
    body.append(escape(sentence[pos:], quote=False))
    day = published(item["file"])
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{escape(item["file"])}:{item["offset"]}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n'
            f"<TEXT>{''.join(body)}</TEXT>\n</TimeML>\n")


def read_annotations(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="print the drawn sentences' locations as JSON lines")
    d.add_argument("data", help="the timeline17-dev folder")
    d.add_argument("--show", action="store_true", help="also print each sentence and its date, to annotate")
    t = sub.add_parser("timeml", help="write the annotated sentences as gold TimeML documents")
    t.add_argument("data", help="the timeline17-dev folder")
    t.add_argument("-o", "--output", required=True, help="directory for the gold TimeML")
    t.add_argument("--annotations", default=str(ANNOTATIONS), help="the annotations (JSON lines)")
    args = ap.parse_args(argv)

    root = Path(args.data)
    if not root.is_dir():
        fail(f"{root}: not a directory")
    if args.command == "draw":
        for item in draw(root):
            print(json.dumps(item, ensure_ascii=False))
            if args.show:
                print(f"#   {published(item['file'])}  {locate(root, item)}")
        return 0
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    items = read_annotations(Path(args.annotations))
    for number, item in enumerate(items, 1):
        sentence = locate(root, item)
        write_atomic(out / f"s{number:03d}.tml", timeml(sentence, item))
    print(f"{out}: {len(items)} sentences, {sum(len(i.get('timex', [])) for i in items)} TIMEX3",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
