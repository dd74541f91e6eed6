"""Group sources into happenings: block by type family and date, score candidate pairs, then
join groups along the strongest links first, refusing a link that would put two mentions that
cannot be one happening in one group. Links are taken in an order fixed by their scores and the
sources' own keys, so the grouping is the same whatever the order or grouping of the inputs."""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from timeline.merge.dates import reach_days
from timeline.merge.features import Atom, content_key, generic_words, score, score_bound
from timeline.merge.people import people_clash
from timeline.merge.places import places_clash, place_label
from timeline.merge.rules import load_rules

_NAME_KEY = 3
_MOST_PARTNERS = 32   # earlier atoms of a block each atom is compared with (candidate_pairs)


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


def candidate_pairs(atoms: Sequence[Atom], keys: Optional[Sequence] = None,
                    most: int = _MOST_PARTNERS) -> Iterable[tuple[int, int]]:
    """Pairs that share a block and whose dates come within the gap the earlier allows: a sweep
    over date intervals per block, never all pairs (a pair sharing several blocks may repeat).

    Each atom is paired with at most `most` of the earlier atoms still in reach, those that start
    nearest to it: a block of a word every report of a story shares ("earthquake") would
    otherwise pair all its atoms, a cost growing as the square of the archive. The atoms one
    happening of such a block joins are then linked through a few of them each (and through
    their other blocks), which joins them just as well. `keys` (each atom's own, default its
    document and event) order the atoms that start and end together, so no input order shows."""
    keys = keys or [(a.document, a.event) for a in atoms]
    # a block lists its atoms' indices, each atom's place in the sweep is one tuple: an atom is in
    # a dozen blocks, and a tuple per block and atom was most of the merge's passing peak
    swept: list[Optional[tuple]] = [None] * len(atoms)
    by_block: dict[tuple, list[int]] = defaultdict(list)
    for i, a in enumerate(atoms):
        if a.span is not None:
            swept[i] = (a.span.start, a.span.end + reach_days(a.span), keys[i], i)
            for key in _block_keys(a):
                by_block[key].append(i)
    for members in by_block.values():
        if len(members) < 2:
            continue
        members.sort(key=swept.__getitem__)
        ending: list[tuple[int, int]] = []   # heap of (last day it can match, index)
        active: dict[int, None] = {}          # the atoms in reach, in the order they start
        for start, reach, _, i in map(swept.__getitem__, members):
            while ending and ending[0][0] < start:
                del active[heapq.heappop(ending)[1]]
            for j in itertools.islice(reversed(active), most):
                yield j, i
            heapq.heappush(ending, (reach, i))
            active[i] = None


@dataclass(slots=True)
class _Summary:
    """What a growing cluster holds that a constraint reads: how far apart its dates known to a
    few days are, the distinct places its sources name and the distinct persons its documents name in
    roles (corrections left out: they are linked to what they correct)."""
    first: Optional[int] = None   # the earliest end of its dates known to a few days
    last: Optional[int] = None    # ... and the latest start: two such dates are as far apart as these
    places: tuple = ()
    people: tuple = ()

    @classmethod
    def of(cls, a: Atom) -> "_Summary":
        if a.corrects:
            return cls()
        rules = load_rules()
        known = a.span is not None and a.span.end - a.span.start < rules.max_days_known
        return cls(a.span.end if known else None, a.span.start if known else None,
                   (a.places,) if a.places else (),
                   ((a.victims, a.agents, a.persons),) if a.victims or a.agents else ())

    def clash(self, other: "_Summary") -> Optional[str]:
        """Why the two clusters cannot be one happening, or None."""
        if self.first is not None and other.first is not None:
            first, last = min(self.first, other.first), max(self.last, other.last)
            if last - first > load_rules().max_days_apart:   # intervals: the widest gap of any pair
                return f"dates {_day(first)} and {_day(last)} are {last - first} days apart"
        for a in self.places:
            for b in other.places:
                level = places_clash(a, b)
                if level:
                    return f"different {level}s: {_place_names(a, level)} / {_place_names(b, level)}"
        for a in self.people:
            for b in other.people:
                why = people_clash(a, b)
                if why:
                    return f"different {why}"
        return None

    def join(self, other: "_Summary") -> None:
        if other.first is not None:
            self.first = other.first if self.first is None else min(self.first, other.first)
            self.last = other.last if self.last is None else max(self.last, other.last)
        self.places = tuple(dict.fromkeys(self.places + other.places))
        self.people = tuple(dict.fromkeys(self.people + other.people))


def _place_names(places: tuple, level: str) -> str:
    return place_label(dict(places)[level], level)


def _day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


_UNITS = 1_000_000       # a bound in millionths, rounded up: it stays a bound
_TOP = 1 << 40


def _packed(bound: float, ri: int, rj: int) -> int:
    """A pair of ranks and its bound as one int: ints sort as (-bound, ri, rj) do."""
    return ((_TOP - int(bound * _UNITS) - 1) << 64) | (ri << 32) | rj


def _unpacked(code: int) -> tuple[float, int, int]:
    return -(_TOP - (code >> 64)) / _UNITS, (code >> 32) & 0xFFFFFFFF, code & 0xFFFFFFFF


@dataclass
class Clusters:
    """Groups of atom indices, and for each group the links refused to it: (score, its atom, the
    other group's atom, why), strongest first."""
    groups: list[list[int]]
    refused: list[list[tuple[float, int, int, str]]]


def cluster(atoms: Sequence[Atom], forced: Iterable[Sequence[int]] = ()) -> Clusters:
    """Indices of `atoms` grouped into happenings: agglomerative, strongest link first, where a
    link that would put two mentions that cannot be one happening together is refused. Each
    `forced` group stays together (one event met twice).

    Identical atoms (one wire story printed by many outlets) are one representative first. The
    links are sorted by score, then by the atoms' (document, event) keys, so neither the order of
    the inputs nor how they were merged before changes the result."""
    rules = load_rules()
    threshold = rules.threshold
    by_content: dict[tuple, int] = {}
    # an undated atom is one with another only when told in the same sentence (a copy): else only
    # its words can place it ("killing himself" in two articles)
    rep_of = [by_content.setdefault(content_key(a), len(by_content))
              if not a.undated or len(a.context) >= rules.context_min_words else -1 for a in atoms]
    reps: list[Atom] = [None] * len(by_content)
    key = [None] * len(by_content)
    for i, a in enumerate(atoms):
        r = rep_of[i]
        if r < 0:
            r = rep_of[i] = len(reps)
            reps.append(a)
            key.append(None)
        if key[r] is None or (a.document, a.event) < key[r]:
            reps[r], key[r] = a, (a.document, a.event)
    uf = UnionFind(len(reps))
    summary = [_Summary.of(a) for a in reps]
    refused: list[tuple[float, tuple, tuple, int, int, str]] = []

    def link(i: int, j: int, s: float, check: bool = True) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return
        why = summary[ri].clash(summary[rj]) if check else None
        if why:
            refused.append((s, min(key[i], key[j]), max(key[i], key[j]), i, j, why))
            return
        uf.union(ri, rj)
        root = uf.find(ri)
        summary[root].join(summary[rj if root == ri else ri])

    for group in forced:
        for i in group[1:]:
            link(rep_of[group[0]], rep_of[i], 0.0, check=False)
    # The links, strongest first: each candidate pair enters with a bound of its score found
    # without matching names, and is scored only when it comes first and its atoms are not yet in
    # one group (most pairs of a story told by many never are). The bounds are packed one int a
    # pair (`_packed`), a few dozen bytes, sorted once; the pairs scored wait in a heap.
    generic = generic_words(atoms)
    order = sorted(range(len(reps)), key=key.__getitem__)
    rank = [0] * len(reps)
    for r, i in enumerate(order):
        rank[i] = r
    bounded = []
    for i, j in candidate_pairs(reps, key):
        ri, rj = (rank[i], rank[j]) if rank[i] < rank[j] else (rank[j], rank[i])
        b = score_bound(reps[order[ri]], reps[order[rj]], generic)
        if b is not None and b >= threshold:
            bounded.append(_packed(b, ri, rj))
    bounded.sort()
    scored: list[tuple[float, int, int]] = []    # heap of (-score, rank, rank)
    k, last = 0, None
    while k < len(bounded) or scored:
        if scored and (k == len(bounded) or scored[0] <= _unpacked(bounded[k])):
            s, ri, rj = heapq.heappop(scored)
            link(order[ri], order[rj], -s)
            continue
        code, k = bounded[k], k + 1
        if code == last:
            continue        # the pair again, from another block
        last = code
        _, ri, rj = _unpacked(code)
        i, j = order[ri], order[rj]
        if uf.find(i) != uf.find(j):
            s = score(reps[i], reps[j], generic=generic)
            if s is not None and s >= threshold:
                heapq.heappush(scored, (-s, ri, rj))
    del bounded
    for group in same_undated(reps):
        group.sort(key=lambda r: key[r])
        for i in group[1:]:
            link(group[0], i, threshold)
    for n, i, j in sorted(undated_told_as_dated(reps), key=lambda e: (-e[0], key[e[1]], key[e[2]])):
        link(i, j, threshold)
    return _grouped(atoms, rep_of, uf, refused)


def _grouped(atoms, rep_of, uf: UnionFind, refused) -> Clusters:
    members: dict[int, list[int]] = defaultdict(list)
    first: dict[int, int] = {}     # representative -> the first of its atoms by key
    for i in range(len(atoms)):
        members[uf.find(rep_of[i])].append(i)
        r = rep_of[i]
        if r not in first or (atoms[i].document, atoms[i].event) < (atoms[first[r]].document, atoms[first[r]].event):
            first[r] = i
    roots = sorted(members, key=lambda r: members[r][0])
    index = {r: k for k, r in enumerate(roots)}
    out: list[list] = [[] for _ in roots]
    for s, _, _, i, j, why in sorted(refused, key=lambda r: (-r[0], r[1], r[2])):
        out[index[uf.find(i)]].append((s, first[i], first[j], why))
        out[index[uf.find(j)]].append((s, first[j], first[i], why))
    return Clusters([members[r] for r in roots], out)


def undated_told_as_dated(atoms: Sequence[Atom]) -> Iterable[tuple[int, int, int]]:
    """An undated source and a dated one of the same type from another document told in the same
    words ("a peace deal ended the war" / "a 2005 peace deal that ended decades of war"): the
    date the other document gives places it. A decision per pair, as for dated sources."""
    min_words = load_rules().undated_min_words
    by_word: dict[tuple, list[int]] = defaultdict(list)
    for j, a in enumerate(atoms):
        if not a.undated:
            for w in a.words:
                by_word[(a.block, a.type, w)].append(j)
    for i, u in enumerate(atoms):
        if not u.undated or len(u.words) < min_words:
            continue
        shared: dict[int, int] = defaultdict(int)
        for w in u.words:
            for j in by_word.get((u.block, u.type, w), ()):
                shared[j] += 1
        for j, n in sorted(shared.items()):
            if atoms[j].document != u.document and n >= min_words + _more_words(u, atoms[j]):
                yield n, i, j


def _more_words(undated: Atom, dated: Atom) -> float:
    """How many more words than `undated_min_words` an undated report must share with a dated
    one: none when the date is news at its publication; more when it is older (news dates what is
    not the news of the day); a report never tells of a happening after it was published."""
    rules = load_rules()
    if undated.published is None:
        return 0
    if dated.span.end - undated.published > rules.max_days_apart:
        return float("inf")
    return 0 if undated.published - dated.span.start <= rules.undated_recent_days else rules.undated_older_words


def same_undated(atoms: Sequence[Atom]) -> list[list[int]]:
    """Undated sources of one type told in the same words ("successful independence referendum")
    by several documents: nothing else can place them, so only their words can join them."""
    min_words = load_rules().undated_min_words
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, a in enumerate(atoms):
        if a.undated and len(a.words) >= min_words:
            groups[(a.block, a.type, a.words)].append(i)
    return [g for g in groups.values() if len({atoms[i].document for i in g}) > 1]
