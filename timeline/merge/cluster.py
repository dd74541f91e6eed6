"""Group sources into happenings: block by type family and date, score candidate pairs, then
join groups along the strongest links first, refusing a link that would put two mentions that
cannot be one happening in one group. Links are taken in an order fixed by their scores and the
sources' own keys, so the grouping is the same whatever the order or grouping of the inputs."""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Sequence

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


def _packed(units: int, ri: int, rj: int) -> int:
    """A pair of ranks and its bound (`units` millionths) as one int: ints sort as (-bound, ri, rj) do."""
    return ((_TOP - units) << 64) | (ri << 32) | rj


def _unpacked(code: int) -> tuple[float, int, int]:
    return -(_TOP - (code >> 64)) / _UNITS, (code >> 32) & 0xFFFFFFFF, code & 0xFFFFFFFF


class _Bounds:
    """The candidate links with their bounds, 8 bytes each: a pair of ranks and its bound in
    millionths (rounded up) packed into 64 bits so that they sort as (-bound, ri, rj) do, kept in
    sorted runs of distinct codes (a pair met in several blocks is one link) and read back merged.
    A list of Python ints (`_packed`), about 48 bytes a link, was most of the merge's peak on a
    large corpus. Ranks or bounds too wide for 64 bits are kept as such ints."""

    RUN = 1 << 17     # links sorted at a time (a passing list of Python ints)

    def __init__(self, n: int) -> None:
        self._rank_bits = max(1, (n - 1).bit_length())
        self._bound_top = (1 << (64 - 2 * self._rank_bits)) - 1 if 2 * self._rank_bits < 64 else 0
        self._runs: list[array] = []
        self._fresh = array("Q")
        self._wide: Optional[list[int]] = None

    def add(self, bound: float, ri: int, rj: int) -> None:
        units = int(bound * _UNITS) + 1
        if self._wide is None and 0 <= units <= self._bound_top:
            self._fresh.append((((self._bound_top - units) << self._rank_bits) | ri) << self._rank_bits | rj)
            if len(self._fresh) >= self.RUN:
                self._runs.append(self._sorted(self._fresh))
                self._fresh = array("Q")
            return
        if self._wide is None:   # as Python ints from here on, those before too
            self._wide = [_packed(*link) for link in self._links()]
            self._runs, self._fresh = [], array("Q")
        self._wide.append(_packed(units, ri, rj))

    @staticmethod
    def _sorted(codes: array) -> array:
        return array("Q", sorted(set(codes)))

    def __iter__(self) -> Iterator[tuple[float, int, int]]:
        """(-bound, ri, rj) of each distinct link, in that order."""
        last = None
        if self._wide is not None:
            self._wide.sort()
            for code in self._wide:
                if code != last:
                    last = code
                    yield _unpacked(code)
            return
        for units, ri, rj in self._links():
            yield -units / _UNITS, ri, rj

    def _links(self) -> Iterator[tuple[int, int, int]]:
        """(bound in millionths, ri, rj) of each distinct link held packed, in order."""
        bits, top, last = self._rank_bits, self._bound_top, None
        mask = (1 << bits) - 1
        runs = self._runs + [self._sorted(self._fresh)]
        for code in (runs[0] if len(runs) == 1 else heapq.merge(*runs)):
            if code != last:
                last = code
                yield top - (code >> 2 * bits), (code >> bits) & mask, code & mask


def refusal(headline: str, document: str, why: str) -> str:
    """The reason line of a link refused to a group, naming the other side's source."""
    headline = headline if len(headline) <= 60 else headline[:57] + "..."
    return f"refused: {headline} ({document}): {why}"


@dataclass
class Clusters:
    """Groups of atom indices, and for each group the links refused to it: (score, its atom, the
    other group's atom, why), strongest first."""
    groups: list[list[int]]
    refused: list[list[tuple[float, int, int, str]]]


def cluster(atoms: Sequence[Atom], forced: Iterable[Sequence[int]] = (),
            most_refused: Optional[int] = None) -> Clusters:
    """Indices of `atoms` grouped into happenings: agglomerative, strongest link first, where a
    link that would put two mentions that cannot be one happening together is refused. Each
    `forced` group stays together (one event met twice).

    With `most_refused`, a group keeps only the refused links a merged event shows: the first of
    them in order whose reason lines (`refusal`, from the atoms' headlines) are that many distinct
    lines, and none whose line is one before it. What a group so drops, a group it joins never
    shows either (the lines before are still before), so the events built are the same; a large
    corpus refuses a few links an atom, each a tuple and a reason held to the end.

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
    del by_content      # a tuple of fifteen an atom: not held while the links are made
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
    first = _firsts(atoms, rep_of)
    refused: list[tuple[float, tuple, tuple, int, int, str]] = []
    kept: dict[int, list] = {}      # with most_refused: root -> its refused links shown, in order
    seen = itertools.count()

    def link(i: int, j: int, s: float, check: bool = True) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return
        why = summary[ri].clash(summary[rj]) if check else None
        if why:
            low, high = min(key[i], key[j]), max(key[i], key[j])
            if most_refused is None:
                refused.append((s, low, high, i, j, why))
                return
            n = next(seen)    # as _grouped sorts them, then as they came, i's side before j's
            for side, (root, own, other) in enumerate(((ri, i, j), (rj, j, i))):
                a = atoms[first[other]]
                kept[root] = _shown(kept.get(root, []) + [((-s, low, high, n, side), refusal(a.headline, a.document, why),
                                                           (s, first[own], first[other], why))], most_refused)
            return
        uf.union(ri, rj)
        root = uf.find(ri)
        joined = rj if root == ri else ri
        summary[root].join(summary[joined])
        if joined in kept:
            kept[root] = _shown(kept.get(root, []) + kept.pop(joined), most_refused)

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
    bounded = _Bounds(len(reps))
    for i, j in candidate_pairs(reps, key):
        ri, rj = (rank[i], rank[j]) if rank[i] < rank[j] else (rank[j], rank[i])
        b = score_bound(reps[order[ri]], reps[order[rj]], generic)
        if b is not None and b >= threshold:
            bounded.add(b, ri, rj)
    scored: list[tuple[float, int, int]] = []    # heap of (-score, rank, rank)
    links = iter(bounded)
    following = next(links, None)       # (-bound, rank, rank) of the next link, strongest first
    while following is not None or scored:
        if scored and (following is None or scored[0] <= following):
            s, ri, rj = heapq.heappop(scored)
            link(order[ri], order[rj], -s)
            continue
        (_, ri, rj), following = following, next(links, None)
        i, j = order[ri], order[rj]
        if uf.find(i) != uf.find(j):
            s = score(reps[i], reps[j], generic=generic)
            if s is not None and s >= threshold:
                heapq.heappush(scored, (-s, ri, rj))
    del bounded, links
    for group in same_undated(reps):
        group.sort(key=lambda r: key[r])
        for i in group[1:]:
            link(group[0], i, threshold)
    for i, j in _told_strongest_first(reps, key, order, rank):
        link(i, j, threshold)
    return _grouped(atoms, rep_of, uf, refused, first, kept if most_refused is not None else None)


def _firsts(atoms, rep_of) -> dict[int, int]:
    """Representative -> the first of its atoms by key."""
    first: dict[int, int] = {}
    for i in range(len(atoms)):
        r = rep_of[i]
        if r not in first or (atoms[i].document, atoms[i].event) < (atoms[first[r]].document, atoms[first[r]].event):
            first[r] = i
    return first


def _shown(entries: list, most: int) -> list:
    """(order, reason line, refused link) entries in order, none whose line is one before it,
    up to `most` lines."""
    out, lines = [], set()
    for entry in sorted(entries, key=lambda e: e[0]):
        if len(lines) == most:
            break
        if entry[1] not in lines:
            lines.add(entry[1])
            out.append(entry)
    return out


def _grouped(atoms, rep_of, uf: UnionFind, refused, first, kept=None) -> Clusters:
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(atoms)):
        members[uf.find(rep_of[i])].append(i)
    roots = sorted(members, key=lambda r: members[r][0])
    index = {r: k for k, r in enumerate(roots)}
    if kept is not None:
        return Clusters([members[r] for r in roots], [[e[2] for e in kept.get(r, ())] for r in roots])
    out: list[list] = [[] for _ in roots]
    for s, _, _, i, j, why in sorted(refused, key=lambda r: (-r[0], r[1], r[2])):
        out[index[uf.find(i)]].append((s, first[i], first[j], why))
        out[index[uf.find(j)]].append((s, first[j], first[i], why))
    return Clusters([members[r] for r in roots], out)


def undated_told_as_dated(atoms: Sequence[Atom]) -> Iterable[tuple[int, int, int]]:
    """An undated source and a dated one of the same type from another document told in the same
    words ("a peace deal ended the war" / "a 2005 peace deal that ended decades of war"): the
    date the other document gives places it. A decision per pair, as for dated sources."""
    # Undated sources told in the same words (a story's sentence in many of an archive's
    # articles) share their dated partners: found once for them all, and each source then reads
    # only those its publication day lets through. Counted pair by pair, an archive of N articles
    # went over N dated sources for each of N undated ones.
    found = dict(_undated_partners(atoms))      # undated source -> its (partner, words shared)
    for i in sorted(found):     # as they were counted: undated source, then partner, in order
        pairs = found.pop(i)
        pairs.sort()
        for j, n in pairs:
            yield n, i, j


def _undated_partners(atoms: Sequence[Atom]) -> Iterator[tuple[int, list]]:
    """Each undated source with its (partner, words shared) as `undated_told_as_dated` keeps
    them, in no set order."""
    rules = load_rules()
    min_words = rules.undated_min_words
    by_word: dict[tuple, list[int]] = defaultdict(list)
    for j, a in enumerate(atoms):
        if not a.undated:
            for w in a.words:
                by_word[(a.block, a.type, w)].append(j)
    told: dict[tuple, list[int]] = defaultdict(list)
    for i, u in enumerate(atoms):
        if u.undated and len(u.words) >= min_words:
            told[(u.block, u.type, u.words)].append(i)
    for (block, type_, words), undated in told.items():
        partners = _sharing(words, [by_word.get((block, type_, w), ()) for w in words], atoms, min_words)
        for i in undated:
            u = atoms[i]
            yield i, [(j, n) for j, n in _within_reach(u, partners, rules)
                      if atoms[j].document != u.document and n >= min_words + _more_words(u, atoms[j])]


_RUN = 1 << 17      # links sorted at a time (_told_strongest_first)


def _told_strongest_first(atoms: Sequence[Atom], key: Sequence, order: Sequence[int],
                          rank: Sequence[int], packed: bool = True) -> Iterator[tuple[int, int]]:
    """(undated, dated) of `undated_told_as_dated`'s pairs in the order of (-words shared, the
    undated source's key, the dated one's): as sorted tuples they were a few hundred bytes a pair
    while sorting, and an archive holds millions of them (the same sentence in every outlet's
    copy). With distinct keys (ranks then order as the keys do) each pair is 8 bytes, words shared
    and ranks packed in sorted runs, read back merged."""
    bits = max(1, (len(atoms) - 1).bit_length())
    if not packed or 2 * bits > 48 or len(set(key)) < len(key):
        for n, i, j in sorted(undated_told_as_dated(atoms), key=lambda e: (-e[0], key[e[1]], key[e[2]])):
            yield i, j
        return
    top, mask = (1 << (64 - 2 * bits)) - 1, (1 << bits) - 1
    runs: list[array] = []
    fresh = array("Q")
    for i, pairs in _undated_partners(atoms):
        ri = rank[i]
        for j, n in pairs:
            if n > top:      # more words shared than the field holds: as tuples after all
                yield from _told_strongest_first(atoms, key, order, rank, packed=False)
                return
            fresh.append((((top - n) << bits) | ri) << bits | rank[j])
            if len(fresh) >= _RUN:
                runs.append(array("Q", sorted(fresh)))
                fresh = array("Q")
    runs.append(array("Q", sorted(fresh)))
    del fresh
    for code in (runs[0] if len(runs) == 1 else heapq.merge(*runs)):
        yield order[(code >> bits) & mask], order[code & mask]


class _Partners:
    """The dated sources sharing at least `min_words` words with some undated words, (index,
    words shared), ordered so that those an undated source's publication day cannot reach are
    left unread: with more words, by the end of their date; with fewer, by its start."""

    def __init__(self, found: list[tuple[int, int]], atoms: Sequence[Atom], strong: int) -> None:
        self.undated_span = [(j, n) for j, n in found if atoms[j].span is None]   # read always
        dated = [(j, n) for j, n in found if atoms[j].span is not None]
        self.strong = sorted(((atoms[j].span.end, j, n) for j, n in dated if n >= strong))
        self.strong_ends = [e for e, _, _ in self.strong]
        self.weak = sorted(((atoms[j].span.start, j, n) for j, n in dated if n < strong))
        self.weak_starts = [s for s, _, _ in self.weak]
        self.all = found


def _sharing(words: frozenset, postings: list, atoms: Sequence[Atom], min_words: int) -> "_Partners":
    """The dated sources sharing at least `min_words` of `words`: each holds one of its
    len(words) - min_words + 1 rarest words, so only those words' sources are counted."""
    postings.sort(key=len)
    candidates = set().union(*postings[:len(postings) - min_words + 1])
    found = []
    for j in sorted(candidates):
        n = len(words & atoms[j].words)
        if n >= min_words:
            found.append((j, n))
    return _Partners(found, atoms, min_words + load_rules().undated_older_words)


def _within_reach(undated: Atom, partners: "_Partners", rules) -> Iterable[tuple[int, int]]:
    """The partners `_more_words` may let through for this undated source: all when it has no
    publication day; else those whose date ends within `max_days_apart` after it and, sharing
    fewer words than an older date needs, starts within `undated_recent_days` before it."""
    if undated.published is None:
        return partners.all
    latest_end = undated.published + rules.max_days_apart
    out = list(partners.undated_span)
    out.extend((j, n) for _, j, n in partners.strong[:bisect_right(partners.strong_ends, latest_end)])
    for start, j, n in partners.weak[bisect_left(partners.weak_starts, undated.published - rules.undated_recent_days):]:
        if start > latest_end:
            break
        out.append((j, n))
    return out


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
