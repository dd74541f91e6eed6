"""What is compared: each event as first extracted from one document (a source).

Merged events keep their sources (MergeEvidence.sources), so a saved, merged timeline still
compares source by source: two groups merge when any source of one matches any source of the
other. Decisions are made per pair of sources, which keeps merging independent of order.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from timeline.merge.dates import Span, _ordinal, date_score, gap_days, news_span, span
from timeline.merge.normalise import content_words, name_tokens, names_match, sentence_words
from timeline.merge.people import roles, surname
from timeline.merge.places import place_keys, places_named_by, places_shared
from timeline.merge.rules import load_rules
from timeline.models import Event, MergeSource, Mention


def sources_of(event: Event) -> list[MergeSource]:
    """The events first extracted that this event stands for (itself when never merged)."""
    if event.merged and event.merged.sources:
        return list(event.merged.sources)
    document = min((m.document for m in event.mentions), default="")
    # one per event of the corpus: made from the event's values, already valid, sharing its lists
    return [MergeSource.model_construct(
        event=event.id, document=document, type=event.type, status=event.status, headline=event.headline,
        date=event.date, actors=event.actors, places=event.places, confidence=event.confidence,
        mentions=sorted({m.trigger_start for m in event.mentions if m.document == document}))]


def mentions_of(event: Event, source: MergeSource) -> list[Mention]:
    """The mentions of `event` that `source` gave (all of its document's, for a source saved
    without them)."""
    given = frozenset(source.mentions)      # a list: a look-up per mention would scan it
    mentions = [m for m in event.mentions if m.document == source.document
                and (not given or m.trigger_start in given)]
    return event.mentions if len(mentions) == len(event.mentions) else mentions   # mostly all: one list


@dataclass(frozen=True, slots=True)
class Atom:
    """One source in comparable form."""
    document: str
    event: str            # the source's event id: with the document, a key no input order changes
    type: str
    block: tuple          # (type family, status group): only atoms in one block can merge
    span: Optional[Span]
    actors: tuple         # name_tokens of each actor
    words: frozenset
    # Dates its document gives other events of its block, apart from its own date: a document
    # that reports such events on two days tells two happenings apart, so an event it dates on
    # one day does not merge with another source's event on the other day.
    siblings: frozenset = frozenset()
    # The content words of the sentences telling it, sorted, each word one string for all atoms:
    # as a set, a sentence's words took a kilobyte an atom.
    context: tuple = ()
    # Its sentences say they correct an earlier report: it is linked to that report explicitly and
    # may join what the constraints would keep apart (the disagreement stays shown).
    corrects: bool = False
    published: Optional[int] = None      # its document's publication day (ordinal), when known
    # Its report gives it no date (its span, if any, is its report's news window): its words alone
    # may place it on another report's date (cluster.undated_told_as_dated).
    undated: bool = False
    where: frozenset = frozenset()       # the places it names
    # Where its document tells the happenings of its block are, at each level (places.place_keys):
    # two documents that both name places there and none in common tell two happenings.
    places: tuple = ()
    document_places: tuple = ()          # ... and the places its document names for any happening
    # Persons (surnames) its document names in its block as victims, as agents, and at all: two
    # documents that both name victims (or agents) and none of the other's tell two happenings.
    victims: frozenset = frozenset()
    agents: frozenset = frozenset()
    persons: frozenset = frozenset()
    headline: str = ""     # its source's: what a link refused to its group names (cluster.refusal)


_NOTHING = frozenset()
_ONE: dict = {}    # a block, or a day as an ordinal, met again: one object (an atom's 56 and 28 bytes)


def _day(published: Optional[str]) -> Optional[int]:
    day = _ordinal(published)
    return day if day is None else _ONE.setdefault(("day", day), day)


def _set(items) -> frozenset:
    """The items as a frozenset, the one empty set when there are none (most of an atom's sets:
    each empty one is 216 bytes)."""
    return frozenset(items) or _NOTHING


def atom(source: MergeSource, sentences: Sequence[str] = (), published: Optional[str] = None,
         mentions: Sequence[Mention] = ()) -> Atom:
    """`mentions`, the source's own, give the roles of the persons it names."""
    rules = load_rules()
    actors = tuple(sorted({t for t in map(name_tokens, source.actors) if t}))
    victims = agents = _NOTHING
    if source.type in rules.role_types:
        victims, agents = map(_set, roles(source.actors, [(m.sentence, m.trigger_start - m.start,
                                                           m.trigger_end - m.start, m.trigger) for m in mentions]))
    when = span(source.date)
    undated = when is None
    day = _ordinal(published)
    if undated and day is not None and rules.group_of(source.status) == rules.group_of("occurred"):
        when = news_span(day)     # news, undated: in the days before its report
    block = (rules.family_of(source.type), rules.group_of(source.status))
    return Atom(document=source.document, event=source.event, type=source.type,
                block=_ONE.setdefault(block, block),
                span=when, undated=undated, actors=actors, words=content_words(source.headline),
                context=sentence_words(sentences[0]) if len(sentences) == 1
                else tuple(sorted(set().union(*map(sentence_words, sentences)))),
                corrects=any(c in s for s in map(str.lower, sentences) for c in rules.corrections),
                published=_day(published), where=_set((*source.places, *filter(None, map(places_named_by, source.actors)))),
                victims=victims, agents=agents, persons=_set(filter(None, map(surname, source.actors))),
                headline=sys.intern(source.headline))


def content_key(a: Atom) -> tuple:
    """What makes two atoms the same report, whoever printed it."""
    return (a.type, a.block, a.span, a.undated, a.actors, a.words, a.context, a.siblings, a.corrects, a.where, a.places, a.document_places,
            a.victims, a.agents, a.persons)


def with_siblings(atoms: list[Atom], one: Optional[dict] = None) -> list[Atom]:
    """Each atom with the dates its document gives the other events of its block, the places it
    names for them, and the persons it names there as victims and agents, and anywhere at all.
    What it reads is its document's: the atoms of each document may be given apart (`one`, a dict
    kept across the calls, then makes equal values one object across them too)."""
    # gathered in sets and frozen once per document and block (a union per atom made a set each)
    spans: dict[tuple, set] = defaultdict(set)
    victims: dict[tuple, set] = defaultdict(set)
    agents: dict[tuple, set] = defaultdict(set)
    where: dict[tuple, set] = defaultdict(set)
    persons: dict[str, set] = defaultdict(set)
    for a in atoms:
        key = (a.document, a.block)
        if a.span is not None and not a.undated:     # a news window is no date it gives
            spans[key].add(a.span)
        victims[key].update(a.victims)
        agents[key].update(a.agents)
        where[key].update(a.where)
        persons[a.document].update(a.persons, a.victims, a.agents)
    places = {k: place_keys(tuple(sorted(names))) for k, names in where.items()}
    in_document: dict[str, set] = defaultdict(set)
    for (document, _), names in where.items():
        in_document[document].update(names)
    document_places = {d: place_keys(tuple(sorted(names))) for d, names in in_document.items()}
    # equal values are one object: most of these sets are empty, and dates and a story's copies repeat
    one = {} if one is None else one

    def shared(value):
        return one.setdefault(value, value)

    victims = {k: shared(frozenset(v)) for k, v in victims.items()}
    agents = {k: shared(frozenset(g)) for k, g in agents.items()}
    persons = {d: shared(frozenset(p)) for d, p in persons.items()}
    out = []
    for a in atoms:
        key = (a.document, a.block)
        siblings = frozenset(s for s in spans.get(key, ()) if gap_days(s, a.span) > 0) if a.span else a.siblings
        out.append(replace(a, siblings=shared(siblings), victims=victims[key], agents=agents[key],
                           persons=persons[a.document], span=shared(a.span), where=shared(a.where),
                           context=shared(a.context), places=places[key], document_places=document_places[a.document]))
    return out


def _told_apart(a: Atom, b: Atom) -> bool:
    # a sibling far more precise than b ("10 November" against "since 1955") says nothing of b
    steps = load_rules().max_granularity_steps
    return a.document != b.document and any(gap_days(s, b.span) == 0 and b.span.level - s.level <= steps
                                             for s in a.siblings)


def _actor_score(a: Atom, b: Atom) -> float:
    rules = load_rules()
    # counted from both sides, the smaller: the score must not depend on the order of the pair
    shared = min(sum(1 for x in a.actors if any(names_match(x, y) for y in b.actors)),
                 sum(1 for y in b.actors if any(names_match(x, y) for x in a.actors)))
    if not shared:
        return 0.0
    return min(rules.actor_max, rules.actor_first + rules.actor_each_more * (shared - 1))


def _telling_actor(a: Atom, b: Atom, generic: frozenset) -> bool:
    """An actor in common whose name is not only generic words ("police" in an archive of crime),
    as either of the two names it: the same answer whatever the order of the pair."""
    return any(not set(x) <= generic and not set(y) <= generic and names_match(x, y)
               for x in a.actors for y in b.actors)


def max_score() -> float:
    rules = load_rules()
    return rules.same_day + rules.same_type + rules.actor_max + rules.word_max + rules.context + rules.place_same


def generic_words(atoms: Sequence[Atom]) -> frozenset:
    """Words too common among the documents merged to tell their happenings apart ("shooting" in
    an archive of shootings): in `generic_share` of them, and at least `generic_min_documents`.
    So are towns and counties (their places.tsv keys): "Mexico City" in a story of the flu."""
    rules = load_rules()
    documents: dict[str, set] = {}
    for a in atoms:
        named = documents.setdefault(a.document, set())
        named.update(a.words)
        for level, keys in a.document_places:
            if level in ("town", "county"):
                named.update(keys)
    count: dict[str, int] = {}
    for words in documents.values():
        for w in words:
            count[w] = count.get(w, 0) + 1
    least = max(rules.generic_min_documents, rules.generic_share * len(documents))
    return frozenset(w for w, n in count.items() if n >= least)


def _unnamed_score(a: Atom, b: Atom, generic: frozenset) -> Optional[tuple[float, frozenset, bool]]:
    """The evidence apart from names: (date + type + words + place + context, the words shared,
    whether a place is shared), or None when dates or types rule the pair out."""
    if a.block != b.block or a.span is None or b.span is None:
        return None
    date_s = date_score(a.span, b.span, a.document == b.document)
    if date_s is None:
        return None
    rules = load_rules()
    if (a.type in rules.same_day_types or b.type in rules.same_day_types) and gap_days(a.span, b.span) > 0:
        return None
    total = date_s + (rules.same_type if a.type == b.type else rules.compatible_type)
    words = a.words & b.words
    total += min(rules.word_max, rules.word_each * len(words))
    place = places_shared(a.document_places, b.document_places, generic)
    if place:
        total += rules.place_same
    if len(set(a.context).intersection(b.context)) >= rules.context_min_words:
        total += rules.context
    return total, words, place


def score_bound(a: Atom, b: Atom, generic: frozenset = frozenset()) -> Optional[float]:
    """At least `score(a, b, generic=generic)`, found without matching names (the costly part):
    None when the pair is ruled out whatever the names."""
    found = _unnamed_score(a, b, generic)
    if found is None:
        return None
    total, rules = found[0], load_rules()
    return total + rules.actor_max if total < rules.threshold and a.actors and b.actors else total


def score(a: Atom, b: Atom, exact: bool = False, generic: frozenset = frozenset()) -> Optional[float]:
    """The evidence that a and b report one happening, or None when dates or types rule it out.
    A vague date (open, or only a report's news window) joins another document's only with a
    name, a place or a word in common that is not `generic`: never on generic words only.

    Unless `exact`, a score that cannot reach the threshold may be returned low.
    """
    found = _unnamed_score(a, b, generic)
    if found is None:
        return None
    total, words, place = found
    rules = load_rules()
    if (a.span.vague or b.span.vague) and a.document != b.document and not words - generic \
            and not _telling_actor(a, b, generic) and not place:
        return None
    if not exact and total + rules.actor_max < rules.threshold:
        return total   # decided without the fuzzy name matching
    if exact or total < rules.threshold:
        total += _actor_score(a, b)
    if (exact or total >= rules.threshold) and (_told_apart(a, b) or _told_apart(b, a)):
        return None
    return total
