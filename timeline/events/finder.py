"""Find the timeline items of one document, in steps, each a module of its own:

1. candidates: clauses, and the trigger words of each clause (finite: the verb of a dated clause
   that has none);
2. types: each clause's event and its type;
3. status: occurred, planned, deadline, claimed, negated, hypothetical, ongoing;
4. dating: a date from the event's clause or sentence, then through the events told before, and
   at last as news is written (on or before publication);
5. describe: headline, actors, keywords;
6. group: the mentions of one happening as one event; what stays a timeline item.

Every decision keeps the rule that made it (Event.type_rule, status_rule, Mention.date_rule) and
`analyse` returns a per-sentence trace for `timeline explain`. Steps across sentences look the
events told before up by key (`Told`): the stage is linear in the document's length.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from timeline.events import dating, describe, finite, group, status, types
from timeline.events.candidates import SentenceTrace, Told, chop, collect
from timeline.events.taxonomy import load_taxonomy
from timeline.events.triggers import sentence_triggers
from timeline.models import Document, Event, TimeExpression


def find_events(document: Document, sentences, times: list[TimeExpression],
                taxonomy: Optional[str] = None) -> list[Event]:
    events, traces = analyse(document, sentences, times, taxonomy)
    # the candidates' links to each other are cycles, which only the cyclic collector frees (a
    # pass over every object the document made): cut, they go with the traces at once
    for trace in traces:
        for cand in trace.candidates:
            cand.same_as = cand.part_of = None
            cand.extra = []
    return events


def analyse(document: Document, sentences, times: list[TimeExpression], taxonomy: Optional[str] = None):
    """-> (events, per-sentence trace)."""
    tax = load_taxonomy(taxonomy)
    traces: list[SentenceTrace] = []
    sentences = [piece for s in sentences for piece in chop(s)]   # run-on text in bounded pieces
    # "Officials said": a capitalised actor noun stays an actor
    casing = describe.Casing(document.text, tax.cues.get("actor_nouns", frozenset()))
    order = sorted(range(len(times)), key=lambda i: times[i].start)
    starts = [times[i].start for i in order]
    causes = types.Causes(tax)
    for index, sentence in enumerate(sentences):
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        in_sentence = order[lo:hi]
        triggers = sentence_triggers(sentence.text, tax.path)
        if triggers:
            causes.note(index, triggers)
        if not triggers and not any(dating.datable(times[i]) for i in in_sentence):     # most sentences: nothing to cut
            traces.append(SentenceTrace(index, sentence.start, sentence.end, sentence.text, in_sentence, [], []))
            continue
        cues = status.present_cues(sentence.text, tax)
        work = collect(index, sentence, in_sentence, tax, cues)
        finite.trailing_attributions(work, tax)
        finite.dated_clauses(work, times, tax)
        types.choose(work, tax, times)
        status.assign(work, tax)
        types.aims(work)
        dating.own_dates(work, times, document, tax)
        status.after_dating(work, document)
        types.deadlines(work, times, tax)
        types.reports(work, tax)
        status.conditions(work)
        describe.describe(work, times, tax, casing)
        dating.backshifted(work, document, tax)     # after describe: its rule names the main event's headline
        traces.append(SentenceTrace(index, sentence.start, sentence.end, sentence.text, in_sentence,
                                    [(c.kind, sentence.text[c.start:c.end]) for c in work.clauses], work.cands, cues))
    types.effects(traces, causes)
    common = group.common_words(traces)
    told = Told(tax.undated)
    for trace in traces:
        if not trace.candidates:        # most sentences: nothing to match or date
            continue
        for cand in trace.candidates:
            cand.keywords -= common
        types.anaphora(trace.candidates, told)
        dating.relative_to_antecedent(trace.candidates)
        dating.refer_back(trace, told, document, times)
        dating.later(trace, told, document, tax)
        told.add(trace.candidates)
    groups = group.group(told.all, tax)
    narrative = dating.Narrative(told.all, document)
    for g in groups:        # still undated once every mention is in: by the narrative, else as news is written
        dating.narrative_date(g, narrative, document, tax)
        dating.news_window(g, document, tax)
    events = [group.event(g, document) for g in groups if group.keep(g, tax)]
    return events, traces
