"""Group sources into happenings: block by type family and date, score candidate pairs, take
connected groups. Every decision is about one pair of sources, so the grouping is the same
whatever the order or grouping of the inputs."""
from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Iterable, Sequence

from timeline.merge.dates import reach_days
from timeline.merge.features import Atom, score
from timeline.merge.rules import load_rules

_NAME_KEY = 3


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _block_keys(a: Atom) -> set[tuple]:
    """An atom's blocks: its type family and status group, with each word and the first letters
    of each name token (a pair below the threshold shares neither; near-spellings of a name
    share their first letters)."""
    keys = {(a.block, "w", w) for w in a.words}
    keys.update((a.block, "a", t[:_NAME_KEY]) for name in a.actors for t in name)
    return keys


def candidate_pairs(atoms: Sequence[Atom]) -> Iterable[tuple[int, int]]:
    """Pairs that share a block and whose dates come within the gap the earlier allows: a sweep
    over date intervals per block, never all pairs (a pair sharing several blocks may repeat)."""
    by_block: dict[tuple, list[tuple[int, int, int]]] = defaultdict(list)
    for i, a in enumerate(atoms):
        if a.span is not None:
            reach = a.span.end + reach_days(a.span)
            for key in _block_keys(a):
                by_block[key].append((a.span.start, reach, i))
    for entries in by_block.values():
        if len(entries) < 2:
            continue
        entries.sort()
        active: list[tuple[int, int]] = []   # heap of (last day it can match, index)
        for start, reach, i in entries:
            while active and active[0][0] < start:
                heapq.heappop(active)
            for _, j in active:
                yield j, i
            heapq.heappush(active, (reach, i))


def cluster(atoms: Sequence[Atom], forced: Iterable[Sequence[int]] = ()) -> list[list[int]]:
    """Indices of `atoms` grouped into happenings; each `forced` group stays together (the
    sources of one event, or one event met twice)."""
    threshold = load_rules().threshold
    uf = UnionFind(len(atoms))
    for group in forced:
        for i in group[1:]:
            uf.union(group[0], i)
    for i, j in candidate_pairs(atoms):
        if uf.find(i) == uf.find(j):
            continue
        s = score(atoms[i], atoms[j])
        if s is not None and s >= threshold:
            uf.union(i, j)
    for group in same_undated(atoms):
        for i in group[1:]:
            uf.union(group[0], i)
    for i, j in undated_told_as_dated(atoms):
        uf.union(i, j)
    return uf.groups()


def undated_told_as_dated(atoms: Sequence[Atom]) -> Iterable[tuple[int, int]]:
    """An undated source and a dated one of the same type from another document told in the same
    words ("a peace deal ended the war" / "a 2005 peace deal that ended decades of war"): the
    date the other document gives places it. A decision per pair, as for dated sources."""
    min_words = load_rules().undated_min_words
    by_word: dict[tuple, list[int]] = defaultdict(list)
    for j, a in enumerate(atoms):
        if a.span is not None:
            for w in a.words:
                by_word[(a.block, a.type, w)].append(j)
    for i, u in enumerate(atoms):
        if u.span is not None or len(u.words) < min_words:
            continue
        shared: dict[int, int] = defaultdict(int)
        for w in u.words:
            for j in by_word.get((u.block, u.type, w), ()):
                shared[j] += 1
        for j, n in sorted(shared.items()):
            if n >= min_words and atoms[j].document != u.document:
                yield i, j


def same_undated(atoms: Sequence[Atom]) -> list[list[int]]:
    """Undated sources of one type told in the same words ("successful independence referendum")
    by several documents: nothing else can place them, so only their words can join them."""
    min_words = load_rules().undated_min_words
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, a in enumerate(atoms):
        if a.span is None and len(a.words) >= min_words:
            groups[(a.block, a.type, a.words)].append(i)
    return [g for g in groups.values() if len({atoms[i].document for i in g}) > 1]
