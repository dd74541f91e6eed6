"""Actors and headline of an event, from capitalisation, titles and the clause's word order."""
from __future__ import annotations

import re

from timeline.events.taxonomy import Taxonomy

# A run of capitalised words, with the particles names carry ("al-", "bin", "of the").
_NAME = re.compile(r"(?:[A-Z][\w’'.-]*|al-[\w-]+|el-[\w-]+)"
                   r"(?:\s+(?:(?:of|al|bin|ibn|de|del|da|van|von|for)\s+(?:the\s+)?)?(?:[A-Z][\w’'.-]*|al-[\w-]+))*")
_POSSESSIVE = ("’s", "'s")
_ADVERB = re.compile(r"^\w+ly$")
# stripped from a headline's start and end (a closing apostrophe stays at the end); its spaces
# are single by then
_LEAD_EDGE = " ,;:“”\"'‘’(—–-"
_TRAIL_EDGE = " ,;:“”\"‘(—–-"
MAX_WORDS = 20
_BY_WITH = re.compile(r"\s*(?:by|with)\b")
_PLURAL_NOUN = re.compile(r"\b(?:troops|forces|officials|militias|rebels|they|we|police|"
                          r"people|residents|refugees|(?<!united )states|countries|"
                          r"dozens|hundreds|thousands|millions|million|thousand|several|many|both)\b"
                          r"|(?<![\d.,])\b(?:[2-9]|\d{2,})\b(?![.,]\d)")     # "some 2 million died", not "7.8"
_ES_PLURAL = re.compile(r"(?:ss|x|z|ch|sh)es$")
_WHO = re.compile(r"who\s+", re.I)
_SAID = ("said", "says", "reported", "added", "told reporters")
_ATTRIBUTION = re.compile(
    r",?\s+(?:(?:the|a|an|some|local|senior|state|federal|government|military|police|health|u\.s\.|[A-Z][a-z]+)\s+){0,2}"
    r"(?:officials?|police|spokes(?:man|woman|person)|sources|authorities|ministry|he|she|they|it|witnesses|"
    r"residents|analysts|experts|diplomats|companies|company|government|party)\s+"
    rf"(?:{'|'.join(_SAID)})[\s.,;]*$")
_SINGULAR_ENDINGS = ("ss", "us", "is", "'s", "’s")
_SINGULAR_IN_S = frozenset("news series species means politics economics physics this its his".split())


def actors(text: str, tax: Taxonomy) -> list[str]:
    """Names in the clause (capitalised runs, titles kept with their person), and the lower-case
    actor noun heading the subject ("Iraq's parliament")."""
    not_actors = tax.cues.get("not_actors", frozenset())
    actor_nouns = tax.cues.get("actor_nouns", frozenset())
    found: list[str] = []
    for m in _NAME.finditer(text):
        name = m.group(0).rstrip(".")
        words = name.split()
        while words and words[0].lower().strip("’'") in not_actors:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        after = text[m.end():m.end() + 30].split(None, 1)      # the first word only: no need to split the rest
        if after and after[0].lower().strip(",.") in actor_nouns:
            name = f"{name} {after[0].strip(',.')}"     # "Iraq's parliament", "Trump administration"
        elif name.endswith(_POSSESSIVE):
            name = name[:-2]
        if name.lower() not in not_actors and name not in found and len(name) > 1:
            found.append(name)
    if not found:
        for word in text.split()[:6]:
            if word.lower().strip(",.") in actor_nouns:
                found.append(word.strip(",."))
                break
    return found


def headline(text: str, trigger: tuple[int, int], removals: list[tuple[int, int]], tax: Taxonomy,
             lemma_form: str | None, antecedent: str | None = None) -> str:
    """The clause as a reader's headline: dates and the leading connective removed, adverbs before
    the verb dropped, a past-tense verb put in the present ("killed" -> "kills"); a "who" clause
    takes the `antecedent` it tells of ("Jane Doe takes office"), and so does a clause resumed
    after one ("The deal, which ..., was approved": "Deal was approved")."""
    if antecedent:
        who = _WHO.match(text)
        if who or text[:1].islower():
            prefix = antecedent + " "
            shift = len(prefix) - (who.end() if who else 0)
            text = prefix + text[who.end() if who else 0:]
            trigger = (trigger[0] + shift, trigger[1] + shift)
            removals = [(start + shift, end + shift) for start, end in removals]
    removals = _merged(removals)        # a dateline holds its own date: spans may overlap
    pieces, pos = [], 0
    for start, end in removals:
        pieces.append(text[pos:start])
        pos = end
    head = "".join(pieces) + text[pos:]
    t_start = _shift(trigger[0], removals)
    t_end = _shift(trigger[1], removals)
    before, verb, after = head[:t_start], head[t_start:t_end], head[t_end:]
    before_words = before.split()
    while before_words and (_ADVERB.match(before_words[-1]) or before_words[-1].lower() in _AUX):
        before_words.pop()      # "was bombed" -> "bombed", "has targeted" -> "targets"
    participle = _BY_WITH.match(after)     # "members injured with ...": no verb of its own
    if lemma_form and not participle and not (before_words and before_words[-1].lower() in _NO_TENSE_CHANGE):
        subject = before.rsplit(",", 1)[-1].split()
        while subject and subject[0].lower() in _LEADING:     # "and South Sudan became": one subject
            subject.pop(0)
        verb = _plural(lemma_form) if _plural_subject(subject) else lemma_form
    while before_words and before_words[0].lower().strip(",") in _LEADING:
        before_words.pop(0)
    line = " ".join((" ".join(before_words + [verb]) + " " + after).split())     # single spaces
    line = line.replace(" ,", ",").replace(" .", ".").lstrip(_LEAD_EDGE).rstrip(_TRAIL_EDGE)
    if line.rstrip(" .,;").endswith(_SAID):        # most headlines: no attribution to look for
        line = _ATTRIBUTION.sub("", line)   # "rose to 2,300, officials said": who told it is no news
    words = line.split()[:MAX_WORDS]
    while len(words) > 1 and words[-1].lower().strip(",;:.!?\"“”‘’'") in _DANGLING:
        words.pop()             # "delays payments for [six weeks]": the time removed left its word
    line = " ".join(words).rstrip(",;:.!? ")
    return line[:1].upper() + line[1:]


# after these the verb keeps its form ("willingness to settle", "shootings that injured")
_NO_TENSE_CHANGE = frozenset("to and or that which who whom".split())
_AUX = frozenset("has have had did was were is are been being".split())
# words that cannot end a headline; particles of phrasal verbs ("take over", "give in") can
_DANGLING = frozenset("for of at by from since until till during within than about around only just nearly "
                      "almost some the a an and or but after before into onto between toward towards via per "
                      "despite amid that which who".split())
_LEADING = frozenset("the a an and but so then also after before since when while as if unless "
                     "following once until during amid".split())


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _shift(offset: int, removals: list[tuple[int, int]]) -> int:
    removed = sum(min(end, offset) - start for start, end in removals if start < offset)
    return offset - removed


def _plural_subject(words: list[str]) -> bool:
    text = " ".join(words).lower()
    if " and " in f" {text} " or _PLURAL_NOUN.search(text):
        return True
    head = words[-1] if words else ""
    # "ticket sales fell": a lower-case head noun in -s ("the United States", "the news", "a crisis" are not)
    return head.islower() and head.endswith("s") and not head.endswith(_SINGULAR_ENDINGS) \
        and head not in _SINGULAR_IN_S


def _plural(third_person: str) -> str:
    """kills -> kill, announces -> announce, targets -> target (plural subjects)."""
    head, _, rest = third_person.partition(" ")
    if head.endswith("ies") and len(head) > 4:     # "carries" -> "carry", but "dies" -> "die"
        head = head[:-3] + "y"
    elif _ES_PLURAL.search(head):
        head = head[:-2]
    elif head.endswith("s"):
        head = head[:-1]
    return f"{head} {rest}" if rest else head
