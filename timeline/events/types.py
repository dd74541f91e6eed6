"""Step 2, type: each clause's event is the trigger of the highest-priority type among its
triggers (or the one an agent or patient noun names: "the quake struck", or its participants
make: "a mob lynched a thief" is a riot); a reaction verb
("condemned the bombing") makes two candidates; a plan with a deadline, a reported threat and an
anaphor ("the incident") take their type from the phrase around them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from timeline.events.candidates import Candidate, SentenceWork, Told, related
from timeline.events.clauses import word_before
from timeline.events.dating import datable
from timeline.events.status import ADVERBIAL_REACH, interrupting_adverbial, may_hold
from timeline.events.taxonomy import Taxonomy
from timeline.events.triggers import opens_participle_clause
from timeline.events.words import calendar_words, words

_WORDS = words("types")
# before a plural noun, words that leave it generic ("to report accidents", "and injuries")
_GENERIC_BEFORE = _WORDS["generic_before"]


def choose(work: SentenceWork, tax: Taxonomy, times) -> None:
    """Each clause's candidate, the event a reaction verb reacts to, and the clause's further
    triggers (`_further`)."""
    sentence = work.sentence
    for ci, triggers in work.clause_triggers:
        clause = work.clauses[ci]
        if len(triggers) > 1:       # "are scheduled to meet": the meeting
            triggers = _without_semi_modals(triggers, sentence.text, tax)
        triggers, times_from, promise = _promised(work, ci, triggers, times)
        every = triggers
        reaction, object_ = _reaction(triggers, tax, sentence.text)
        if reaction:
            # "condemned the aerial bombing": the condemnation is this clause's event and date
            referred = _choose(work.index, sentence, clause, [object_], tax)
            referred.reference = f"object of '{sentence.text[reaction[0]:reaction[1]]}': not dated by its clause"
            referred.words_from = reaction[1]       # its headline starts after the verb
            triggers = [reaction]
        cand = _choose(work.index, sentence, clause, triggers, tax)
        if times_from is not None:
            cand.times_from = times_from
            cand.type_rule += f", what '{promise}' promises, with a time of its own"
        cand.times_until = work.attributions.get(ci)
        work.by_clause[ci] = cand
        work.cands.append(cand)
        if reaction:
            work.cands.append(referred)
        if len(every) > 1:
            used = {cand.trigger_start, referred.trigger_start} if reaction else {cand.trigger_start}
            _further(work, ci, cand, [t for t in every if sentence.start + t[0] not in used], tax)


_SEMI_MODALS = _WORDS["semi_modal_participles"]
_TO = re.compile(r"\s+to\s+")


def _without_semi_modals(triggers, text: str, tax: Taxonomy):
    """The triggers but a semi-modal's participle ("are scheduled to meet": be, the participle, "to"
    and another trigger's verb), which tells when the verb happens, not a happening of its own."""
    be = tax.cues.get("be_aux", frozenset())
    starts = {t[0] for t in triggers}
    kept = [t for t in triggers if not (
        t[2].pos == "verb" and text[t[0]:t[1]].lower() in _SEMI_MODALS
        and (word_before(text, t[0]) or "").lower() in be
        and (m := _TO.match(text, t[1])) is not None and m.end() in starts)]
    return kept if kept else triggers


_PROMISES = _WORDS["promise_verbs"]
# after a verb: the words of an adverbial, "to" and the infinitive's verb
_INFINITIVE_AFTER = re.compile(rf"((?:[ \t]+[\w$.'’-]+){{0,{ADVERBIAL_REACH}}}?)[ \t]+(to)[ \t]+([a-z][a-z-]*)\b")
_ACT_END = re.compile(r"[:;\"“”]")
_NOT_VERBS = words("headline")["subject_pronouns"] | _WORDS["not_infinitives"]


def _promised(work: SentenceWork, ci: int, triggers, times):
    """A verb of promising and its to-infinitive with a time of its own after the "to" ("promised
    to review all 40 bridges by the end of the year"): the infinitive's act is the clause's event.
    -> (the triggers, the promise's trigger left out, or moved onto the infinitive's verb when
    that verb is no trigger (the promise's type, the act's word); the offset of the "to": only the
    times after it date the act; the promise's word), else (the triggers, None, None)."""
    text, clause = work.sentence.text, work.clauses[ci]
    for k, (start, end, info) in enumerate(triggers):
        if info.pos != "verb" or info.lemma not in _PROMISES:
            continue
        m = _INFINITIVE_AFTER.match(text, end)
        if m is None or m.end(3) > clause.end or m.group(3) in _NOT_VERBS \
                or not interrupting_adverbial(m.group(1).split()):
            continue
        to = m.start(2)
        stop = _ACT_END.search(text, m.end(3), clause.end)     # a colon or a quote opens another statement
        end_of_act = stop.start() if stop else clause.end
        own = any(datable(times[i]) and to <= times[i].start - work.sentence.start < end_of_act
                  for i in work.in_sentence)
        if not own:
            return triggers, None, None
        rest, promise = triggers[:k] + triggers[k + 1:], text[start:end]
        if any(t[0] == m.start(3) for t in rest):
            return rest, to, promise
        return sorted([*rest, (m.start(3), m.end(3), info)], key=lambda t: t[0]), to, promise
    return triggers, None, None


def _further(work: SentenceWork, ci: int, head: Candidate, triggers, tax: Taxonomy) -> None:
    """A clause tells more than its head event: "were killed in clashes", "detonated explosives
    ... in suicide bombings", "agreed to hold talks". Each further trigger is a candidate of its
    own, dated by the clause as its head is. One of its head's kind is another word for the same
    happening: a mention of the head's event. Another kind stands alone; what a demand, threat or
    plan names after its verb ("demanded the release of", "threatened an attack") and what an
    infinitive aims at ("to hold talks") has not happened."""
    sentence, clause = work.sentence, work.clauses[ci]
    weak, media = tax.cues.get("weak_reporting", frozenset()), tax.cues.get("medium_types", frozenset())
    asks, plans = tax.cues.get("asking_types", frozenset()), tax.cues.get("planning_types", frozenset())
    asked = None        # a demand told after the head: what follows it is what it asks for
    for trigger in triggers:
        start, end, info = trigger
        if info.pos == "anaphor" or info.lemma in weak:
            continue        # "said", "told": an attribution, never news by itself
        if info.pos == "verb" and head.info.pos == "verb" and start > head.trigger_start - sentence.start \
                and _participle(sentence.text, trigger):
            continue        # "lynched two men accused of theft": it describes the men
        if info.pos == "noun" and (_noun_adjunct(sentence.text, end) or info.type.lower() in media):
            continue        # "in a primary school yard": it names a kind of thing; "according to a statement"
        rule = f"{info.pos} '{sentence.text[start:end]}' ({info.type}" + \
            (f", {info.source})" if info.source else ")") + f", beside '{head.trigger}' in its clause"
        cand = _candidate(work.index, sentence, clause, trigger, rule)
        cand.part_of = head
        if related(info.type, head.type):
            cand.same_as = head
            cand.drop = f"another word for '{head.trigger}' in its clause"
        elif info.pos != "noun" and head.info.pos == "noun" and (
                start > head.trigger_start - sentence.start or info.type.lower() not in asks | media):
            # "bombs were dropped", "the talks collapsed": what the noun did; "delayed payments",
            # "held talks": the noun names what the verb did. Not "demanded the arrest", "denied the
            # attack": a demand or a statement is a happening of its own
            cand.same_as = head
            cand.drop = f"the verb of '{head.trigger}' in its clause"
        elif info.pos == "noun" and start < head.trigger_start - sentence.start:
            # "The accusations were used to justify the pending invasion": a noun before the head,
            # its subject, is a happening told before more often than a new one
            cand.drop = f"before '{head.trigger}', the head of its clause: told as its topic"
        elif head.type.lower() in asks | plans:
            cand.aim = ("planned" if head.type.lower() in plans else "hypothetical",
                        f"named after '{head.trigger}' ({head.type}): asked for or promised, not told as done")
        elif asked is not None:     # "gathered ... to demand the release of": the release is asked for
            cand.aim = ("hypothetical", f"named after '{asked[0]}' ({asked[1]}): asked for, not told as done")
        elif _infinitive(sentence.text, trigger) and not _implicative(sentence.text, start):
            cand.aim = ("planned", "the aim of an infinitive ('to ...'): not told as done")
        elif info.pos == "noun" and _preposition(sentence.text, start) not in _CIRCUMSTANCE:
            cand.reference = f"what '{head.trigger}' is about: not dated by its clause"
        work.further.append((ci, cand))
        work.cands.append(cand)
        if start > head.trigger_start - sentence.start and info.type.lower() in asks:
            asked = (sentence.text[start:end], info.type)


def _reaction(triggers, tax: Taxonomy, text: str):
    """(the reaction verb, the event it reacts to) in "X condemned the bombing of Y", else (None, None)."""
    reactions = tax.cues.get("reaction_verbs", frozenset())
    reporting = tax.cues.get("reporting", frozenset())
    for i, (start, end, info) in enumerate(triggers):
        if info.pos == "verb" and info.lemma in reactions and not (
                word_before(text, start) == "to" and any(t[2].lemma not in reporting for t in triggers[:i])):
            # not "marched ... to denounce the killings": a purpose infinitive after the clause's
            # own event tells why it happened, not a reaction told as the news
            objects = [t for t in triggers[i + 1:] if t[2].type != info.type and
                       (t[2].pos == "noun" or t[2].pos == "verb" and text[t[0]:t[1]].endswith("ing"))]
            if objects:
                return triggers[i], max(objects, key=lambda t: tax.priority.get(t[2].type, -1))
    return None, None


def _choose(index, sentence, clause, triggers, tax) -> Candidate:
    """The clause's event: the trigger of the highest-priority type; ties go to the first."""
    heads = triggers
    if len(triggers) > 1:       # one trigger is the head: most clauses read no words before it
        heads = [t for i, t in enumerate(triggers)
                 if not _in_phrase(sentence.text, t) and not (i and _topic_of(sentence.text, triggers[i - 1], t, tax))] \
            or triggers
        reporting = tax.cues.get("reporting", frozenset())
        # a pattern is a verb's phrase ("found him guilty of murder", "went into administration")
        verb = next((t for t in heads if t[2].pos in ("verb", "pattern") and t[2].lemma not in reporting), None)
        if verb is not None:
            # a noun after the clause's verb is its object or a circumstance ("sentenced 12 men for
            # the bombing", "arrested over the attack"): the verb says what happened. Not after a
            # verb of saying ("said the attack killed"), nor a noun's form used as a verb ("will attack")
            # a verb's form after a determiner is its noun ("to demand the release of")
            determiners = tax.cues.get("noun_determiners", frozenset())
            heads = [t for t in heads if t[0] <= verb[0] or _used_as_verb(sentence.text, t, tax) or
                     t[2].pos != "noun" and (word_before(sentence.text, t[0]) or "").lower() not in determiners]
    best = max(heads, key=lambda t: (tax.priority.get(t[2].type, -1), -t[0])) if len(heads) > 1 else heads[0]
    agent = None
    if best[2].lemma in tax.cues.get("agent_verbs", ()):
        # "the quake struck", "a storm hit the coast": the one that struck says what happened
        agent = next((t for t in triggers if t[2].pos == "noun" and t[1] <= best[0]
                      and t[2].type.lower() in tax.cues.get("agent_types", ())), None)
        if agent is None and tax.agents:       # "4,000 members would strike": who strikes gives the type
            before = sentence.text[max(clause.start, best[0] - 40):best[0]].lower().split()
            kind = next((k for k, words in tax.agents.items() if not words.isdisjoint(before)), None)
            if kind:
                best = (best[0], best[1], replace(best[2], type=kind))
    elif best[2].pos == "verb" and best[2].lemma in tax.cues.get("patient_verbs", ()):
        # "talks were suspended", "the agreement collapsed": what was suspended says what happened
        agent = next((t for t in triggers if t[2].pos == "noun" and t[2].type != best[2].type), None)
    if agent:       # the verb stays the trigger (its place dates the event), the noun gives the type
        best = (best[0], best[1], replace(best[2], type=agent[2].type))
    elif tax.participants and best[2].pos != "noun":
        best = _by_participants(best, triggers, sentence.text, clause.start, tax)
    start, end, info = best
    others = sorted({t[2].type for t in triggers} - {info.type}) if len(triggers) > 1 else ()
    verbs = [(s, e) for s, e, t in triggers if t.pos != "noun"]
    rule = f"{info.pos} '{sentence.text[start:end]}' ({info.type}" + (f", {info.source})" if info.source else ")")
    if agent:
        rule += f": its type from '{sentence.text[agent[0]:agent[1]]}'"
    elif others:
        rule += f", over {', '.join(others)} by priority"
    return _candidate(index, sentence, clause, best, rule, verbs[0] if verbs else None)


# how many words before an active verb its subject is read in ("supporters of two rival candidates
# fought"), and after it its object ("used tear gas to disperse thousands of protesters", "fired
# tear gas and rubber bullets at indigenous protesters": an instrument and its target)
_SUBJECT_WORDS = 5
_OBJECT_WORDS = 9
_OBJECT_OPENERS = frozenset(_WORDS["object_openers"])
_QUANTITY_OPENERS = frozenset(_WORDS["quantity_openers"])
_NUMBER_WORDS = frozenset(words("headline")["number_words"])
# a capitalised word after the verb is a name, its object ("executed Kurdish politician Hevrin
# Khalaf"), unless it is a month's or a day's ("killed Monday")
_CALENDAR = calendar_words()
_CAPITALISED = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_OBJECT_PREPOSITIONS = frozenset(_WORDS["object_prepositions"])
_SUBJECT_BOUNDS = frozenset(_WORDS["subject_bounds"])
_BARE_PLURAL = re.compile(r"[a-z]{3,}[^s]s")
_WORD = re.compile(r"[\w'’-]+")


def _by_participants(trigger, triggers, text: str, clause_start: int, tax: Taxonomy):
    """An active verb's event of another type that its participants make one of the taxonomy's
    `participants` types: done by a crowd ("a mob lynched a thief": a riot), or by a force to
    protesters ("police opened fire on protesters": a crackdown)."""
    start, end, info = trigger
    kinds = [(kind, p) for kind, p in tax.participants.items() if info.type in p[0] or info.type in p[2]]
    if not kinds:
        return trigger
    window = max(clause_start, start - 80)
    before = _WORD.findall(text[window:start].lower())
    if not before or before[-1] in tax.cues.get("be_aux", ()):
        return trigger      # no subject read, or the passive ("protesters were killed"): a casualty
    subject = before[-_SUBJECT_WORDS:]
    if before[-1] == "and":
        # a second predicate shares its clause's subject, the first words after a fronted phrase
        # ("On 1 August, residents blocked a road and beat up an officer")
        opening = text.rfind(",", window, start) + 1 or window
        subject = _WORD.findall(text[opening:start].lower())[:_SUBJECT_WORDS]
    bound = next((i for i in range(len(subject) - 1, -1, -1) if subject[i] in _SUBJECT_BOUNDS), None)
    if bound is not None:
        subject = subject[bound + 1:]
    after = _WORD.findall(text[end:end + 90].lower())[:_OBJECT_WORDS]
    # a pattern spells out the verb's complement ("set fire to"); a verb needs an object: its
    # opening word, or a bare plural ("looted shops", "attacked opposition activists")
    acts_on = info.pos == "pattern" or bool(after) and (
        after[0] in _OBJECT_OPENERS or after[0].isdigit() or _quantity(after) or _name_after(text, end)
        or any(_BARE_PLURAL.fullmatch(w) for w in after[:2])
        and after[0] not in _OBJECT_PREPOSITIONS and not after[0].endswith("ly"))
    # who acts and on whom is the narrower reading: "police killed three protesters" is a
    # crackdown before it is an attack by the police
    for kind, (_, _, force_types, forces, objects) in kinds:
        if info.type in force_types and not forces.isdisjoint(subject) and \
                (cue := next((w for w in after if w in objects), None)):
            return start, end, replace(info, type=kind, source=_and(info.source, f"force used on '{cue}'"))
    for kind, (types, subjects, *_) in kinds:
        if info.type in types and acts_on and \
                (cue := next((w for w in reversed(subject) if w in subjects), None)):
            return start, end, replace(info, type=kind, source=_and(info.source, f"done by '{cue}'"))
    return trigger


def _name_after(text: str, end: int) -> bool:
    """Does a name (a capitalised word, no month's or day's) follow the verb ending at `end`?"""
    m = _CAPITALISED.match(text, end)
    return m is not None and m.group(1).lower() not in _CALENDAR


def _quantity(words: list[str]) -> bool:
    """Do the words open with a quantity before a number ("at least 43", "more than 130")?"""
    for n in (1, 2, 3):
        if " ".join(words[:n]) in _QUANTITY_OPENERS and len(words) > n:
            return words[n].isdigit() or words[n] in _NUMBER_WORDS
    return False


def _and(source: str, reason: str) -> str:
    return f"{source}, {reason}" if source else reason


def _used_as_verb(text: str, trigger, tax: Taxonomy) -> bool:
    """A noun trigger whose word is also a verb, after a modal, an auxiliary or "to" ("will attack",
    "to protest"; not "to death")."""
    start, end, _ = trigger
    return text[start:end].lower() in tax.third_person and \
        (word_before(text, start) or "").lower() in _VERB_BEFORE


def _candidate(index, sentence, clause, trigger, rule: str, verb=None) -> Candidate:
    start, end, info = trigger
    generic = info.pos == "noun" and sentence.text[start:end].endswith("s") and \
        (word_before(sentence.text, start) or "").lower() in _GENERIC_BEFORE
    return Candidate(sentence=index, clause=clause, start=sentence.start, generic=generic,
                     end=sentence.end, trigger_start=sentence.start + start,
                     trigger_end=sentence.start + end, trigger=sentence.text[start:end], info=info,
                     type=info.type, type_rule=rule, confidence=0.6 if info.pos != "noun" else 0.5,
                     verb=verb)


_PHRASE_OPENERS = _WORDS["phrase_openers"]
# before a word, these make it a verb ("will attack", "to protest")
_VERB_BEFORE = frozenset(words("clauses")["auxiliaries"]) | {"to"}
_PHRASE_FILLERS = _WORDS["phrase_fillers"]


def _in_phrase(text: str, trigger) -> bool:
    """A noun inside a prepositional phrase ("gained independence under a peace deal", "voted
    in a referendum") or an infinitive ("threatened to launch an attack", "leaving South Sudan to
    hold a referendum") is a circumstance or an aim of the clause's event, not its head; so is
    the -ing verb of a participle clause ("a tornado tore through the town, destroying homes")."""
    start, end, info = trigger
    words = text[max(0, start - 40):start].lower().split()[-4:]
    if info.pos != "noun":
        # "threatened to attack", "to launch an attack"
        return bool(words) and words[-1] == "to" or \
            text[start:end].lower().endswith("ing") and opens_participle_clause(text, start)
    while words and (words[-1] in _PHRASE_FILLERS or words[-1].endswith(("'s", "’s"))):
        words.pop()
    return bool(words) and (words[-1] in _PHRASE_OPENERS or len(words) > 1 and words[-2] == "to")


_TOPIC_PREPOSITIONS = _WORDS["topic_prepositions"]
# the types whose nouns tell what they are about as their content: a medium, a demand, a plan
_CONTENT_TYPES = ("medium_types", "asking_types", "planning_types")


def _topic_of(text: str, noun, trigger, tax: Taxonomy) -> bool:
    """Is `trigger` a noun that the event noun before it is about ("a deal on the release", "protests
    over the killing")? A verb's form after a determiner is its noun ("the release"). Not after a
    medium ("a news conference on the attack": the attack is told), nor after a demand, threat or
    promise, whose content is read as their aim ("promises of aid", "the threat of a strike")."""
    kind = noun[2].type.lower()
    if noun[2].pos != "noun" or any(kind in tax.cues.get(c, ()) for c in _CONTENT_TYPES):
        return False
    between = text[noun[1]:trigger[0]].lower().split()
    determined = False
    while between and between[-1] in _PHRASE_FILLERS:
        determined = True
        between.pop()
    return len(between) == 1 and between[0] in _TOPIC_PREPOSITIONS and (trigger[2].pos == "noun" or determined)


_AFTER_HEAD_NOUN = _WORDS["after_head_noun"]
_NEXT = re.compile(r"[ \t]+([a-z]+)\b")


def _noun_adjunct(text: str, end: int) -> bool:
    """Is the noun ending at `end` followed by a lower-case word that is no closed-class word
    nor a participle or past form? Then it modifies that word ("war crimes")."""
    m = _NEXT.match(text, end)
    return m is not None and m.group(1) not in _AFTER_HEAD_NOUN and not m.group(1).endswith(("ed", "ing"))


_COORDINATORS = _WORDS["coordinators"]
# before a past form, these make it a finite verb of its own, not a participle
_BEFORE_FINITE = _COORDINATORS | _WORDS["personal_subjects"]
_CIRCUMSTANCE = _WORDS["circumstance_prepositions"]


def _preposition(text: str, start: int) -> str:
    """The word that opens the noun phrase ending at `start` (its determiners and possessives
    skipped): "in" for "killed in the clashes"."""
    words = text[max(0, start - 40):start].lower().split()[-4:]
    while words and (words[-1] in _PHRASE_FILLERS or words[-1].endswith(("'s", "’s"))):
        words.pop()
    return words[-1] if words else ""


def _participle(text: str, trigger) -> bool:
    """A past form in -ed not joined to the clause's first verb by a coordinator nor told of a
    personal pronoun."""
    start, end, _ = trigger
    return text[start:end].lower().endswith("ed") and \
        (word_before(text, start) or "").lower() not in _BEFORE_FINITE


def _infinitive(text: str, trigger) -> bool:
    """"to attack", "to hold talks", "to launch an attack": what an infinitive aims at."""
    start, _, info = trigger
    words = text[max(0, start - 40):start].lower().split()[-4:]
    if info.pos != "noun":
        return bool(words) and words[-1] == "to"
    while words and (words[-1] in _PHRASE_FILLERS or words[-1].endswith(("'s", "’s"))):
        words.pop()
    return len(words) > 1 and words[-2] == "to"


_IMPLICATIVE = _WORDS["implicative_forms"]
_IMPLICATIVE_REACH = _WORDS["implicative_reach"]


def _implicative(text: str, start: int) -> bool:
    """Does an implicative verb govern the infinitive before `start` ("forcing France to
    capitulate", "managed to flee")? Then it happened: no aim."""
    words = text[max(0, start - 60):start].lower().split()
    if "to" not in words:
        return False
    to = len(words) - 1 - words[::-1].index("to")
    return not _IMPLICATIVE.isdisjoint(words[max(0, to - _IMPLICATIVE_REACH):to])


def aims(work: SentenceWork) -> None:
    """After the status step: a further trigger that names an aim keeps the status of an aim
    unless its own words say more (a negation, a condition). The clause's date is its head's
    ("voted on Monday to expel"): an aim is no timeline item of its own."""
    for _, cand in work.further:
        if cand.aim:
            if cand.status in ("occurred", "claimed", "ongoing"):
                cand.status, cand.status_rule = cand.aim
            cand.drop = cand.drop or f"{cand.status} aim of '{cand.part_of.trigger}' in its clause"


def deadlines(work: SentenceWork, times, tax: Taxonomy) -> None:
    for cand in work.by_clause.values():
        _deadline_type(cand, work.sentence, times, tax)


def _deadline_type(cand: Candidate, sentence, times, tax: Taxonomy) -> None:
    """"will end ... by the end of 2021": a plan with a deadline is a PLAN_DEADLINE."""
    if cand.status not in ("planned", "deadline") or cand.time is None or cand.scheduled:
        return      # "postponed until June 3": when it is to happen, no deadline
    t = times[cand.time]
    before = sentence.text[:t.start - sentence.start].rstrip().lower()
    if cand.type == "OTHER" and cand.status == "planned" and "PLAN_DEADLINE" in tax.priority:
        # "construction will begin in July": an act of no type of its own, with a date ahead of
        # it, is the taxonomy's scheduled or expected event
        cand.type = "PLAN_DEADLINE"
        cand.type_rule = f"planned with a date of its own, '{t.text}' ({cand.type_rule})"
    elif before.endswith((" by", " before", " until")) or cand.status == "deadline":
        was = cand.type
        cand.type = "PLAN_DEADLINE" if "PLAN_DEADLINE" in tax.priority else cand.type
        cand.type_rule = f"{cand.status} with 'by {t.text}' (was {was}: {cand.type_rule})"


def reports(work: SentenceWork, tax: Taxonomy) -> None:
    """A reporting verb and what it reports: a threat makes the report the event; a weak verb
    ("said") gives way to the event it reports."""
    sentence, clauses, by_clause = work.sentence, work.clauses, work.by_clause
    threat_re = tax.cue_res.get("threat_words")
    weak = tax.cues.get("weak_reporting", frozenset())
    # a statement that makes known a plan of another type takes the plan's type
    media, plans = tax.cues.get("medium_types", frozenset()), tax.cues.get("planning_types", frozenset())
    for ci, clause in enumerate(clauses):
        if clause.kind != "report" or clause.head is None or clause.head not in by_clause:
            continue
        head = by_clause[clause.head]
        if head.info.lemma not in tax.cues.get("reporting", ()):
            continue
        reported = [clause] + [c for c in clauses[ci + 1:] if c.kind in ("cond", "report")]
        span_end = reported[-1].end
        threat = threat_re.search(sentence.text, clause.start, span_end) \
            if threat_re and may_hold(work.cues, "threat_words", sentence.text, span_end) else None
        inner = [by_clause[i] for i in range(ci, len(clauses)) if i in by_clause
                 and clauses[i].start < span_end]
        if threat and "DEMAND_THREAT_ACCUSE" in tax.priority:
            head.type = "DEMAND_THREAT_ACCUSE"
            head.type_rule = f"reported threat: '{head.trigger}' ... '{threat.group(0)}'"
            head.confidence = 0.7
            for c in inner:
                if c.date is None or c.time == head.time:
                    c.drop = "part of the reported threat"
        elif inner and head.info.lemma in weak and any(c.clause.kind == "report" for c in inner):
            head.drop = f"reporting verb '{head.trigger}': what it reports is the news"
        elif head.type.lower() in media and head.info.lemma in tax.cues.get("announcing", ()) and \
                (plan := by_clause.get(ci)) is not None and plan.info.pos != "noun" and \
                plan.status == "planned" and plan.date is None and not plan.drop and \
                plan.type.lower() not in media | plans:
            # the reported clause's own verb is the plan ("that it will close its plant"), not a
            # noun in it ("was cutting short a trip because of the earthquake")
            head.type = plan.type
            head.type_rule = f"'{head.trigger}' makes known a plan: '{plan.trigger}' ({plan.type})"
            plan.same_as = head
            plan.drop = f"announced by '{head.trigger}': its news"


def anaphora(cands: list[Candidate], told: Told) -> None:
    """"when the incident occurred on Thursday": the last strong event told before (of a type
    that stands without a date: an attack, a death, a disaster...)."""
    for cand in cands:
        if cand.info.pos != "anaphor":
            continue
        before = told.last_strong
        if before is None:
            cand.drop = f"'{cand.trigger}' points back to no event told before"
            continue
        cand.type = before.type
        cand.type_rule = f"'{cand.trigger}' points back to the {before.type} '{before.headline}'"
        cand.keywords |= before.keywords


class Causes:
    """The kinds of happening that damage is done by ([cues] effect_causes) each sentence tells
    by a word of its own (not a damage word), and how many sentences tell each: read by `effects`."""

    def __init__(self, tax: Taxonomy):
        self.effect_words = tax.cues.get("effect_words", frozenset())
        self.kinds = frozenset(k.upper() for k in tax.cues.get("effect_causes", ()))     # cues are lower case
        self.in_sentence: dict[int, frozenset] = {}
        self.sentences = Counter()

    def note(self, index: int, triggers) -> None:
        kinds = frozenset(info.type for _, _, info in triggers
                          if info.type in self.kinds and info.lemma not in self.effect_words)
        if kinds:
            self.in_sentence[index] = kinds
            self.sentences.update(kinds)

    def of_document(self):
        """The kind most sentences tell, None on a tie or none."""
        top = self.sentences.most_common(2)
        return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def effects(traces, causes: Causes) -> None:
    """"Buildings were destroyed" in a story of an earthquake: the quake's damage, a disaster, not
    an attack. A damage word takes the kind of happening its sentence tells, else its document's."""
    document_kind = None
    for trace in traces:
        for cand in trace.candidates:
            if cand.info.lemma not in causes.effect_words or cand.type not in causes.kinds:
                continue
            here = causes.in_sentence.get(trace.index, frozenset())
            if len(here) == 1:
                kind, where = next(iter(here)), "its sentence"
            elif not here:
                document_kind = document_kind or causes.of_document()
                kind, where = document_kind, "most of its document"
            else:
                continue
            if kind is not None and kind != cand.type:
                cand.type = kind
                cand.info = replace(cand.info, type=kind)
                cand.type_rule += f"; damage done by the {kind} that {where} tells of"
