"""Extraction over many documents: in this process, a local process pool, or a Dask cluster.

Whatever the engine, per-document results come back in input order (so the output is byte-identical
for any --jobs) and only a bounded window of documents is in flight at a time, so memory does not
grow with the corpus: documents are read lazily and each result is handed on as soon as its turn comes.
"""
from __future__ import annotations

import os
from collections import deque
from itertools import chain, islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from timeline.errors import UsageError
from timeline.settings import Settings

if TYPE_CHECKING:
    from timeline.models import Document, Timeline
    from timeline.read import Article

BATCH = 8          # documents per task: amortises pickling and scheduling over several documents
IN_FLIGHT = 4      # batches queued per worker: keeps workers busy without holding the corpus
INLINE_UNDER = 16  # with --jobs N, fewer documents than this are not worth starting workers for
# With --jobs 0 (the default), a pool starts only once the documents read ahead hold this much
# text: less, one process is done before a pool has started (about 1 s of CPU to start the
# workers and import the pipeline in them; extraction runs at about 1 MB/s, time expressions
# alone at about 4 MB/s: see bench/bench_whole.py).
POOL_FROM_CHARS = {"extract": 2_000_000, "times": 8_000_000}


def extract_batch(documents: list[Document], settings: Settings) -> list[Timeline]:
    """The task every engine runs for `extract`: a few documents -> their own timelines."""
    from timeline.pipeline import extract_document

    return [extract_document(doc, settings) for doc in documents]


def tag_batch(documents: list[Article], settings: Settings) -> list[list[str]]:
    """The task for `times`: a few documents -> their time expressions as JSON lines."""
    from timeline.pipeline import time_lines

    return [time_lines(doc, settings) for doc in documents]


TASKS = {"extract": extract_batch, "times": tag_batch}


def map_documents(documents: Iterable[Document], settings: Settings, task: str = "extract") -> Iterator:
    """Per-document results of `task` (timelines, or time expressions), in input order, from the
    engine the settings name."""
    if settings.engine == "dask":
        return _dask(documents, settings, TASKS[task])
    if settings.engine != "local":
        raise UsageError(f"unknown engine {settings.engine!r} (local or dask)", "--engine")
    return _local(iter(documents), settings, task)


def _cores() -> int:
    """The cores this process may run on (a container's share, not the whole machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _batches(documents: Iterator[Document]) -> Iterator[list[Document]]:
    while batch := list(islice(documents, BATCH)):
        yield batch


def _ordered(submit: Callable, batches: Iterable[list[Document]], window: int) -> Iterator[Timeline]:
    """Submit batches, at most `window` pending, and yield results in submission order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _read_ahead(documents: Iterator[Document], settings: Settings, task: str) -> tuple[list[Document], int]:
    """The documents read before deciding on a pool, and how many workers to start (0: none)."""
    if settings.jobs == 1:
        return [], 0
    if settings.jobs:
        head = list(islice(documents, INLINE_UNDER))
        return head, settings.jobs if len(head) >= INLINE_UNDER else 0
    head, chars, enough = [], 0, POOL_FROM_CHARS[task]
    for doc in documents:
        head.append(doc)
        chars += len(doc.text)
        if chars >= enough:
            workers = _cores()
            return head, workers if workers > 1 and len(head) > 1 else 0
    return head, 0


def _local(documents: Iterator[Document], settings: Settings, task: str) -> Iterator:
    run = TASKS[task]
    head, workers = _read_ahead(documents, settings, task)
    if not workers:
        for batch in _batches(chain(head, documents)):
            yield from run(batch, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers fork from a clean server that imported the pipeline once, not from this
    # process and its threads (the progress bar's), which fork() would copy mid-lock.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["timeline.pipeline", "timeline.events"])
    pool = ProcessPoolExecutor(workers, mp_context=context)
    try:
        yield from _ordered(lambda b: pool.submit(run, b, settings),
                            _batches(chain(head, documents)), workers * IN_FLIGHT)
    finally:
        pool.shutdown(cancel_futures=True)


def _dask(documents: Iterable[Document], settings: Settings, run: Callable) -> Iterator:
    """Extraction on an existing dask.distributed cluster; the caller merges what comes back."""
    if not settings.scheduler:
        raise UsageError("--engine dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)",
                         "--scheduler")
    from distributed import Client

    try:
        _probe(settings.scheduler)
        client = Client(settings.scheduler, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise UsageError(f"cannot reach the Dask scheduler: {e}", settings.scheduler) from None
    try:
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        yield from _ordered(lambda b: client.submit(run, b, settings, pure=False),
                            _batches(iter(documents)), max(threads, 1) * IN_FLIGHT)
    finally:
        client.close()


def _probe(address: str) -> None:
    """Fail at once on a refused TCP connection (distributed would retry until its timeout)."""
    import socket       # here: only a Dask scheduler's address needs it

    scheme, _, rest = address.rpartition("://")
    host, _, port = rest.rpartition(":")
    if scheme in ("", "tcp", "tls") and port.isdigit():
        socket.create_connection((host.strip("[]"), int(port)), timeout=10).close()
