"""One merged event from a group: every mention and source kept, the most precise date, the
disagreeing dates as conflicts, and why the group holds together."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from timeline.merge.dates import choose_date
from timeline.merge.features import Atom, atom, content_key, max_score, score
from timeline.merge.normalise import content_words, name_tokens, names_match
from timeline.merge.rules import load_rules
from timeline.models import Event, MergeEvidence, MergeSource, Mention

MERGE_RULE = "merge"   # type_rule/status_rule of a merged event: chosen from its sources
_MAX_WORDS_SHOWN = 6
MAX_REFUSED_SHOWN = 3
_EVIDENCE_PEERS = 16   # distinct atoms of a group each of its atoms is compared with (_evidence)


def _unique(items, sort_key) -> list:
    by_json = {item.model_dump_json(): item for item in items}
    return [by_json[k] for k in sorted(by_json, key=lambda k: (sort_key(by_json[k]), k))]


def merged_id(sources: Sequence[MergeSource]) -> str:
    """Stable and order independent: derived from the sorted ids of the events it merges."""
    keys = sorted({f"{s.document}\t{s.event}" for s in sources})
    return "ev-" + hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:12]


def build_event(made: Sequence[tuple[Event, MergeSource, list[Mention]]], atoms: Sequence[Atom] = (),
                refused: Sequence[str] = ()) -> Event:
    """One event from a group of sources, each given with the event it came in and its own
    mentions; `atoms` are the sources in comparable form (made when not given); `refused` tells
    the links the clustering refused the group, strongest first."""
    event = made[0][0]
    if event.merged is None and not refused and all(e == event for e, _, _ in made[1:]):
        return event          # one event as first extracted, never merged
    rules = load_rules()
    atoms = atoms or [atom(s, [m.sentence for m in ms]) for _, s, ms in made]
    atom_of = {s.model_dump_json(): a for (_, s, _), a in zip(made, atoms)}
    sources = _unique((s for _, s, _ in made), lambda s: (s.document, s.event))
    atoms = [atom_of[s.model_dump_json()] for s in sources]
    mentions = _unique((m for _, _, ms in made for m in ms),
                       lambda m: (m.document, m.start, m.trigger_start, m.end, m.trigger_end))
    dated = [(s.document, s.date) for s in sources if s.date] + \
            [(m.document, m.date) for m in mentions if m.date]
    date, conflicts = choose_date(dated)
    types = Counter(s.type for s in sources)
    type_ = min(types, key=lambda t: (-types[t], rules.type_rank.get(t, len(rules.type_rank)), t))
    status = min((s.status for s in sources), key=lambda st: (rules.status_rank.get(st, 99), st))
    lead = _lead(sources, atoms, type_, date)
    evidence_score, reasons = _evidence(sources, mentions, date, conflicts, atoms)
    reasons += list(dict.fromkeys(refused))[:MAX_REFUSED_SHOWN]
    return Event(
        id=merged_id(sources), type=type_, status=status, headline=lead.headline, date=date,
        mentions=mentions, actors=_actors([s.actors for s in sources]),
        places=_places([s.places for s in sources]),
        confidence=_confidence(sources), type_rule=MERGE_RULE, status_rule=MERGE_RULE,
        conflicts=conflicts, date_conflict=bool(conflicts),
        merged=MergeEvidence(score=evidence_score, reasons=reasons, sources=sources),
    )


def _lead(sources: Sequence[MergeSource], atoms: Sequence[Atom], type_: str, date) -> MergeSource:
    """The source whose headline speaks for the event: of the winning type and date, whose words
    the other documents share most (as a share of its words), then the most confident."""
    words_of: dict[str, set] = defaultdict(set)
    for a in atoms:
        words_of[a.document] |= a.words
    documents_with = Counter(w for words in words_of.values() for w in words)   # one pass, not pairs

    def shared(i: int) -> float:
        words = atoms[i].words
        own = words_of[atoms[i].document]
        found = sum(documents_with[w] - (w in own) for w in words)
        return found / len(words) if words else 0.0

    best = min(range(len(sources)), key=lambda i: (
        sources[i].type != type_, not _same_date(sources[i].date, date), -shared(i),
        -sources[i].confidence, sources[i].document, sources[i].event))
    return sources[best]


def _same_date(a, b) -> bool:
    return a is not None and b is not None and (a.value, a.start, a.end) == (b.value, b.start, b.end)


def _actors(named: list[list[str]]) -> list[str]:
    """The names the sources give, one spelling per name ("U.S." and "US" are one: the shortest,
    then A-Z), the names most sources give first (a name only one of many outlets gives is the
    least sure; the page's hover and actor lanes read the first), then A-Z."""
    by_key: dict[tuple, str] = {}
    told: Counter = Counter()
    for names in named:
        keys = set()
        for name in names:
            key = name_tokens(name) or (name,)
            keys.add(key)
            if key not in by_key or (len(name), name) < (len(by_key[key]), by_key[key]):
                by_key[key] = name
        told.update(keys)
    return [by_key[k] for k in sorted(by_key, key=lambda k: (-told[k], by_key[k].casefold(), by_key[k]))]


def _places(named: list[list[str]]) -> list[str]:
    """As `_actors`, and a spelling that names a place already listed goes ("Al Asad Airbase",
    "Al Assad Air Base" after "Al Asad Air Base"): a place is where, one name is enough."""
    kept: list[str] = []
    for name in _actors(named):
        tokens = name_tokens(name)
        if not any(names_match(tokens, name_tokens(k)) for k in kept):
            kept.append(name)
    return kept


def _confidence(sources: Sequence[MergeSource]) -> float:
    """Independent documents reporting the same happening make it more certain (noisy-or)."""
    best: dict[str, float] = {}
    for s in sources:
        best[s.document] = max(best.get(s.document, 0.0), s.confidence)
    doubt = 1.0
    for doc in sorted(best):
        doubt *= 1.0 - best[doc]
    return round(1.0 - doubt, 3)


def _evidence(sources: Sequence[MergeSource], mentions: Sequence[Mention], date, conflicts, atoms):
    """The score (each document's best link to another document, the weakest of these; within
    one document, each source's best link) and readable reasons.

    Identical atoms (one text printed by many outlets) are scored once: each distinct atom's best
    link to a distinct atom of another part, so 400 copies of a story cost no more than one.
    Each distinct atom is compared with the first `_EVIDENCE_PEERS` of them only (and with
    itself, printed by several parts): the cost of a group grows with its size, not its square,
    and a group of up to one more than that many is scored over all its pairs."""
    docs = sorted({s.document for s in sources} | {m.document for m in mentions})
    by_document = len({a.document for a in atoms}) > 1
    parts: dict[tuple, set] = defaultdict(set)    # distinct atom (its content) -> its parts
    rep: dict[tuple, Atom] = {}                   # ... and the first atom standing for it
    for i, a in enumerate(atoms):
        key = content_key(a)
        parts[key].add(a.document if by_document else i)
        if key not in rep or (a.document, a.event) < (rep[key].document, rep[key].event):
            rep[key] = a
    distinct = sorted(parts, key=lambda k: (rep[k].document, rep[k].event))
    # each distinct atom's best link, then each part's best over the atoms it printed: the same
    # as each link giving its score to the parts of both its atoms, without going over the first
    # atoms' parts (all of a wire story's outlets) again for every other atom
    top: dict = {}
    for k, b in enumerate(distinct):
        for a in distinct[:min(k, _EVIDENCE_PEERS)] + [b]:
            if len(parts[a]) == 1 == len(parts[b]) and parts[a] == parts[b]:
                continue     # no pair across parts
            other = rep[b] if b is not a else replace(rep[b], document=rep[b].document + "\0")
            s = score(rep[a], other, exact=True) or 0.0
            top[a] = max(top.get(a, 0.0), s)
            top[b] = max(top.get(b, 0.0), s)
    best: dict = {}
    for a, s in top.items():
        for part in parts[a]:
            best[part] = max(best.get(part, 0.0), s)
    weakest = min(best.values(), default=0.0)
    return round(min(1.0, weakest / max_score()), 3), _reasons(sources, mentions, docs, date, conflicts)


def _reasons(sources, mentions, docs, date, conflicts) -> list[str]:
    reasons = [f"{len(sources)} reports in {len(docs)} documents"]
    if date is not None:
        agree = sorted({s.document for s in sources if _same_date(s.date, date)} |
                       {m.document for m in mentions if _same_date(m.date, date)})
        reasons.append(f"date {date.value} given by {len(agree)} of {len(docs)} documents")
    for c in conflicts:
        says = sorted({s.document for s in sources if _same_date(s.date, c)} |
                      {m.document for m in mentions if _same_date(m.date, c)})
        reasons.append(f"conflict: {c.value} in {', '.join(says)}")
    types = sorted({s.type for s in sources})
    if len(types) > 1:
        reasons.append(f"compatible types: {', '.join(types)}")
    actors: dict[str, set] = {d: set() for d in docs}     # one pass over sources and mentions
    places: dict[str, set] = {d: set() for d in docs}
    words: dict[str, set] = {d: set() for d in docs}
    for s in sources:
        actors[s.document].update(s.actors)
        places[s.document].update(s.places)
        words[s.document] |= content_words(s.headline)
    for m in mentions:
        words[m.document] |= content_words(m.trigger)
    reasons.extend(_shared("actors", actors, key=name_tokens))
    reasons.extend(_shared("places", places, key=name_tokens))
    reasons.extend(_shared("words", words, key=lambda w: w))
    return reasons


def _shared(label: str, per_doc: dict[str, set], key) -> list[str]:
    """What several documents have in common, most widely shared first."""
    count: Counter = Counter()
    shown: dict = {}
    for items in per_doc.values():
        keys = {}
        for item in sorted(items):     # a set's order changes with the hash seed: the first A-Z
            keys.setdefault(key(item), item)
        for k, item in keys.items():
            count[k] += 1
            shown[k] = min(shown.get(k, item), item)
    common = sorted((k for k in count if count[k] > 1 and k), key=lambda k: (-count[k], str(shown[k])))
    if not common:
        return []
    items = ", ".join(f"{shown[k]} ({count[k]})" for k in common[:_MAX_WORDS_SHOWN])
    return [f"{label} in several documents: {items}"]
