"""Who was hurt and who did it, by name, from the clause that tells an attack or a death: the
subject of an active attack verb is its agent ("Yashkus shot Thompson"); its object ("killed
Thompson", "the shooting of Javon Wilson"), the subject of a passive ("Wilson was shot") or of a
verb the subject undergoes ("Wilson died") is its victim; "shot by X" names the agent.
Two reports that name different victims (or different agents) tell different happenings."""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from timeline.merge.places import place_names
from timeline.merge.rules import load_rules

_PART = re.compile(r"[^\W\d_][^\W\d_.’']*(?:-[^\W\d_]+)*")   # a name's word: letters, hyphens


def surname(name: str) -> Optional[str]:
    """A person's last name in lower case, when `name` reads as a person's (two or more
    capitalised words, none a word of organisations or places, not a known place); else None."""
    rules = load_rules()
    words = [w.rstrip(".,") for w in name.split()]
    words = [w for w in words if w.lower() not in rules.person_titles]
    if words and words[-1].endswith(("'s", "’s", "'", "’")):
        words[-1] = words[-1].rstrip("'’s") if words[-1].endswith(("'", "’")) else words[-1][:-2]
    if len(words) < 2 or len(words) > 4 or not all(w[:1].isupper() and _PART.fullmatch(w) for w in words):
        return None     # a possessive inside is an organisation's name ("Samaritan's Purse")
    parts = {p.lower() for w in words for p in w.split("-")}
    if parts & rules.not_person_words or place_names([" ".join(words)]):
        return None
    return words[-1].lower()


def roles(actors: Sequence[str], mentions: Iterable[tuple[str, int, int, str]]) -> tuple[frozenset, frozenset]:
    """(victims, agents): the surnames of the persons among `actors` each mention's clause puts
    in a role; a mention is (sentence, trigger start, trigger end, trigger) in the sentence."""
    rules = load_rules()
    people = [(n, s) for n in actors if (s := surname(n))]
    victims, agents = set(), set()
    for sentence, t_start, t_end, trigger in mentions:
        undergoes = trigger.lower() in rules.victim_subject_triggers
        for name, last in people:
            at = sentence.find(name)
            if at < 0:
                continue
            if at + len(name) <= t_start:
                between = sentence[at + len(name):t_start].lower().split()
                if len(between) > rules.role_max_words:
                    continue
                passive = any(w in rules.passive_aux for w in between[-3:])
                (victims if undergoes or passive else agents).add(last)
            elif at >= t_end:
                between = sentence[t_end:at].lower().split()
                if len(between) > rules.role_max_words or any(w.strip(",;") != w for w in between):
                    continue
                (agents if between[-1:] == ["by"] else victims).add(last)
    return frozenset(victims), frozenset(agents)


def people_clash(a: tuple, b: tuple) -> Optional[str]:
    """Why two documents' (victims, agents, persons named) cannot tell one happening: both name
    victims (or agents) and neither names any of the other's at all. None when they can."""
    (va, aa, pa), (vb, ab, pb) = a, b
    if va and vb and not (va & pb) and not (vb & pa):
        return f"victims {', '.join(sorted(va))} / {', '.join(sorted(vb))}"
    if aa and ab and not (aa & pb) and not (ab & pa):
        return f"agents {', '.join(sorted(aa))} / {', '.join(sorted(ab))}"
    return None
