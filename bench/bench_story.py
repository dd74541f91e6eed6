"""A story of N articles built with its key view, stage by stage (extract, merge, key events, page).

The articles come from Timeline17-layout folders (given as arguments, never copied into the
repository); when they are fewer than N, they are used again a year later (new ids and dates), so
the copies are new happenings rather than duplicates. The peer in the same run is the page without
its key view: what the key events cost beside the rest of the build.

    python bench/bench_story.py ../shared/data/tls/timeline17-dev/* --articles 1000
    python bench/bench_story.py ../shared/data/tls/timeline17-dev/* --articles 1000 --jobs 1   # + extraction's CPU

Wall seconds grow with the machine's load; `cpu_seconds` (this process's CPU per stage) do not.
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import date


def _later(day: str, years: int) -> str:
    d = date.fromisoformat(day)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:   # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


def story(folders: list[str], n: int):
    from timeline.evaluate.tls import read_articles
    from timeline.models import Document

    base = [doc for folder in folders for doc in read_articles(__import__("pathlib").Path(folder))]
    out, copy = [], 0
    while len(out) < n:
        for doc in base[: n - len(out)]:
            out.append(doc if not copy else Document(id=f"{copy}/{doc.id}", published=_later(doc.published, copy),
                                                     text=doc.text))
        copy += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="Timeline17 story folders (InputDocs/<date>/*)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="extraction workers (0: one per core)")
    args = parser.parse_args()

    import timeline.render.pages as pages
    from timeline.key import key_events, score_salience
    from timeline.merge import merge_timelines
    from timeline.parallel import map_documents
    from timeline.settings import Settings

    docs = story(args.folders, args.articles)
    t0, c0 = time.perf_counter(), time.process_time()
    per_document = list(map_documents(docs, Settings(jobs=args.jobs)))
    t1, c1 = time.perf_counter(), time.process_time()
    merged = merge_timelines(per_document)
    t2, c2 = time.perf_counter(), time.process_time()
    scored = score_salience(merged)
    key = key_events(scored, "auto")
    t3, c3 = time.perf_counter(), time.process_time()
    with_key, without, with_key_cpu, without_cpu = [], [], [], []
    for _ in range(2):   # alternate, best of two: the first render also loads templates and plotly
        start, cpu = time.perf_counter(), time.process_time()
        html = pages.render_page(scored)
        with_key.append(time.perf_counter() - start)
        with_key_cpu.append(time.process_time() - cpu)
        keep, pages._key_view = pages._key_view, lambda tl, lanes, webgl: ([], pages.Markup(""))
        try:
            start, cpu = time.perf_counter(), time.process_time()
            plain = pages.render_page(scored)
            without.append(time.perf_counter() - start)
            without_cpu.append(time.process_time() - cpu)
        finally:
            pages._key_view = keep
    t4 = t3 + min(with_key)
    # CPU seconds do not grow with the machine's load as wall seconds do. Extraction's workers fork
    # from a server, not from this process, so their CPU is counted only with --jobs 1 (in-process)
    cpu = {"extract": (c1 - c0) if args.jobs == 1 else None, "merge": c2 - c1, "salience_and_key": c3 - c2,
           "page_with_key_view": min(with_key_cpu)}
    print(json.dumps({
        "articles": len(docs), "events": len(merged.events), "key_events": len(key.events),
        "seconds": {"extract": round(t1 - t0, 2), "merge": round(t2 - t1, 2),
                    "salience_and_key": round(t3 - t2, 2), "page_with_key_view": round(t4 - t3, 2),
                    "total_with_key_view": round(t4 - t0, 2), "peer_page_without_key_view": round(min(without), 2)},
        "cpu_seconds": {**{k: v if v is None else round(v, 2) for k, v in cpu.items()},
                        "total_with_key_view": round(sum(v for v in cpu.values() if v is not None), 2),
                        "peer_page_without_key_view": round(min(without_cpu), 2)},
        "load_average": round(__import__("os").getloadavg()[0], 1),
        "page_mb": {"with_key_view": round(len(html) / 1e6, 2), "without": round(len(plain) / 1e6, 2)},
    }, indent=2))


if __name__ == "__main__":
    main()
