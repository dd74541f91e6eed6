"""The cyclic garbage collector paused over a stage that makes many small objects which live
until the stage ends and form (almost) no cycles: each collection would scan them again, and the
scans grow with the stage's input (a 1 MB document's event stage: a third of its time)."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """What the stage leaves in cycles is collected by the collector's next full collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # what the stage made goes straight to the oldest generation (frozen, then thawed
            # there): left young, the next young and middle collections would each traverse all
            # of it (a 1 MB document: 70 collections, 40 ms, after its extraction)
            gc.freeze()
            gc.unfreeze()
            gc.enable()
