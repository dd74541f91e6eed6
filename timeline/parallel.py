"""Extraction over many documents: in this process, a local process pool, or a Dask cluster.

Whatever the engine, per-document results come back in input order (so the output is byte-identical
for any --jobs) and only a bounded window of documents is in flight at a time, so memory does not
grow with the corpus: documents are read lazily and each result is handed on as soon as its turn comes.
"""
from __future__ import annotations

import multiprocessing
import os
import socket
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from timeline.errors import UsageError
from timeline.models import Document, Timeline
from timeline.settings import Settings

BATCH = 8          # documents per task: amortises pickling and scheduling over several documents
IN_FLIGHT = 4      # batches queued per worker: keeps workers busy without holding the corpus
INLINE_UNDER = 16  # fewer documents than this are not worth starting worker processes for


def extract_batch(documents: list[Document], settings: Settings) -> list[Timeline]:
    """The task every engine runs: a few documents -> their own timelines."""
    from timeline.pipeline import extract_document

    return [extract_document(doc, settings) for doc in documents]


def map_documents(documents: Iterable[Document], settings: Settings) -> Iterator[Timeline]:
    """Per-document timelines, in input order, from the engine the settings name."""
    if settings.engine == "dask":
        return _dask(documents, settings)
    if settings.engine != "local":
        raise UsageError(f"unknown engine {settings.engine!r} (local or dask)", "--engine")
    jobs = settings.jobs or _cores()
    return _local(iter(documents), settings, jobs)


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


def _local(documents: Iterator[Document], settings: Settings, jobs: int) -> Iterator[Timeline]:
    head = list(islice(documents, INLINE_UNDER))
    if jobs <= 1 or len(head) < INLINE_UNDER:
        for batch in _batches(chain(head, documents)):
            yield from extract_batch(batch, settings)
        return
    # forkserver: workers fork from a clean server that imported the pipeline once, not from this
    # process and its threads (the progress bar's), which fork() would copy mid-lock.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["timeline.pipeline"])
    pool = ProcessPoolExecutor(jobs, mp_context=context)
    try:
        yield from _ordered(lambda b: pool.submit(extract_batch, b, settings),
                            _batches(chain(head, documents)), jobs * IN_FLIGHT)
    finally:
        pool.shutdown(cancel_futures=True)


def _dask(documents: Iterable[Document], settings: Settings) -> Iterator[Timeline]:
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
        yield from _ordered(lambda b: client.submit(extract_batch, b, settings, pure=False),
                            _batches(iter(documents)), max(threads, 1) * IN_FLIGHT)
    finally:
        client.close()


def _probe(address: str) -> None:
    """Fail at once on a refused TCP connection (distributed would retry until its timeout)."""
    scheme, _, rest = address.rpartition("://")
    host, _, port = rest.rpartition(":")
    if scheme in ("", "tcp", "tls") and port.isdigit():
        socket.create_connection((host.strip("[]"), int(port)), timeout=10).close()
