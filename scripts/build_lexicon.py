"""Build timeline/events/lexicon.tsv, the broad trigger lexicon, from Open English WordNet.

    python scripts/build_lexicon.py ../shared/data/lexicon/open-english-wordnet

Reads the root senses of each event type (timeline/events/lexicon_roots.toml), collects their
troponyms (verbs) and hyponyms (nouns) in the OEWN YAML source, keeps each word whose collected
sense is among its first senses, inflects it (OEWN's own irregular forms, else the regular
rules), and writes one line per word: lemma, part of speech, type, synset id (the provenance),
and its forms. Only that file ships; the YAML never does. Needs PyYAML (a dependency of dask).
"""
from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOTS = ROOT / "timeline" / "events" / "lexicon_roots.toml"
TAXONOMY = ROOT / "timeline" / "events" / "taxonomy.toml"
OUT = ROOT / "timeline" / "events" / "lexicon.tsv"
PAST = ROOT / "timeline" / "events" / "irregular_past.txt"
# lexicographer files whose synsets can be events (nouns of acts, events, phenomena, messages,
# states, possessions, inquiries, processes such as a fire's "blaze"; every verb file)
NOUN_FILES = ("act", "event", "phenomenon", "communication", "state", "possession", "cognition", "process")
_WORD = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}")      # lower case, at most three words


def load(oewn: Path):
    import yaml

    src = oewn / "src" / "yaml" if (oewn / "src" / "yaml").is_dir() else oewn
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    synsets: dict[str, dict] = {}
    files = sorted(src.glob("verb.*.yaml")) + [src / f"noun.{n}.yaml" for n in NOUN_FILES]
    for path in files:
        with open(path, encoding="utf-8") as f:
            synsets.update(yaml.load(f, Loader=loader))
    entries: dict[str, dict] = {}
    for path in sorted(src.glob("entries-*.yaml")):
        with open(path, encoding="utf-8") as f:
            entries.update(yaml.load(f, Loader=loader))
    if not synsets or not entries:
        sys.exit(f"build_lexicon: no OEWN YAML under {src}")
    return synsets, entries


def s_form(word: str) -> str:
    """The -s form, a verb's third person or a noun's plural: "watches", "carries", "bans"."""
    if re.search(r"(?:s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(lemma: str, irregular: list[str]) -> list[str]:
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    third = s_form(head)
    if re.search(r"[eoy]e$", head):            # "flee": fleeing, "agree": agreeing
        past, ing = head + "d", head + "ing"
    elif head.endswith("ie"):                   # "lie": lying, "tie": tying
        past, ing = head + "d", head[:-2] + "ying"
    elif head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", head):
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    forms = {head, third, ing}
    doubles = re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$", head) and len(head) <= 6
    if doubles:
        forms.add(head + head[-1] + "ing")      # "ban": banning; "visit" keeps both spellings
    if irregular:                               # OEWN's own past forms: "swore", "sworn"
        forms |= {f.split()[0] for f in irregular}
        if any(_t_past(f.split()[0], head) for f in irregular):
            forms.add(past)     # "burnt" and "burned", "spilt" and "spilled": both are English
    else:
        forms |= {past, head + head[-1] + "ed"} if doubles else {past}
    return sorted(f + tail for f in forms)


def _t_past(form: str, head: str) -> bool:
    """A past in -t that may stand beside the regular -ed ("burnt", "spelt", "knelt", "leapt"):
    the lemma's letters (one of a double letter or of "ee" dropped) and a t. It also takes "dealt"
    and "felt", whose regular forms no text holds, so they match nothing."""
    stem = form[:-1]
    return form.endswith("t") and (stem == head or stem == head[:-1] and head[-1] == head[-2]
                                   or stem == head.replace("ee", "e", 1))


def noun_forms(lemma: str, irregular: list[str]) -> list[str]:
    head, _, rest = lemma.rpartition(" ")
    lead = f"{head} " if head else ""
    return sorted({lemma, lead + s_form(rest)} | set(irregular))


def build(oewn: Path, roots_path: Path = ROOTS, taxonomy_path: Path = TAXONOMY) -> tuple[list[str], list[str]]:
    spec = tomllib.loads(roots_path.read_text(encoding="utf-8"))
    priority = {k: v.get("priority", 0) for k, v in
                tomllib.loads(taxonomy_path.read_text(encoding="utf-8"))["types"].items()}
    defaults = spec.get("defaults", {})
    # a whole lemma, or only some of its forms ("lie", "lies", "lying": the verb of place; "lied" stays)
    exclusions = spec.get("exclusions", {}).get("words", [])
    excluded = {e["lemma"] for e in exclusions if "forms" not in e}
    excluded_forms = {e["lemma"]: set(e["forms"]) for e in exclusions if "forms" in e}
    synsets, entries = load(oewn)
    sense_synset, ranks, forms = {}, {}, {}
    for lemma, by_pos in entries.items():
        for pos, entry in by_pos.items():
            p = "v" if pos == "v" else "n" if pos == "n" else None
            if p is None:
                continue
            for i, sense in enumerate(entry.get("sense", [])):
                sense_synset[sense["id"]] = sense["synset"]
                ranks.setdefault((lemma, p), {})[sense["synset"]] = i
            if entry.get("form"):
                forms[(lemma, p)] = [f.lower() for f in entry["form"]]
    children: dict[str, list[str]] = {}
    for sid, s in synsets.items():
        for h in s.get("hypernym", []):
            children.setdefault(h, []).append(sid)
    best: dict[tuple[str, str], tuple] = {}        # (lemma, pos) -> (rank, -priority, type, synset)
    regular: set[tuple[str, str]] = set()          # (lemma, pos) inflected by the regular rules only
    for type_, table in spec["types"].items():
        if type_ not in priority:
            sys.exit(f"build_lexicon: {type_} is not a type of {taxonomy_path}")
        for root in table["roots"]:
            root = {"sense": root} if isinstance(root, str) else root
            key = root["sense"]
            if key not in sense_synset:
                sys.exit(f"build_lexicon: no sense {key} in OEWN (type {type_})")
            depth, max_rank = root.get("depth", defaults.get("depth", 3)), root.get("rank", defaults.get("rank", 2))
            below_rank = root.get("rank_below", defaults.get("rank_below", 1))
            only = set(root.get("lemmas", ()))      # the root's synset shares other words' senses
            if root.get("regular"):
                regular |= {(m, sense_synset[key][-1]) for m in only or synsets[sense_synset[key]]["members"]}
            if sense_synset[key] not in synsets:
                sys.exit(f"build_lexicon: {key} is in a lexicographer file not read (type {type_})")
            todo, seen = [(sense_synset[key], 0)], set()
            while todo:
                sid, d = todo.pop()
                if sid in seen or sid not in synsets:
                    continue
                seen.add(sid)
                pos = sid[-1]
                for lemma in synsets[sid].get("members", []):
                    if not _WORD.fullmatch(lemma) or lemma in excluded or (only and lemma not in only):
                        continue
                    rank = ranks.get((lemma, pos), {}).get(sid)
                    if rank is None or rank >= (max_rank if d == 0 else below_rank):
                        continue
                    option = (rank, -priority[type_], type_, sid)
                    if option < best.get((lemma, pos), (99,)):
                        best[(lemma, pos)] = option
                if d < depth:
                    todo += [(c, d + 1) for c in children.get(sid, [])]
    lines = []
    for (lemma, pos), (_, _, type_, sid) in sorted(best.items()):
        inflect = verb_forms if pos == "v" else noun_forms
        # a phrasal verb inflects its head: "swear in" -> "sworn in"; a sense inflected regularly
        # whatever the word's others do ("hanged", "lied") takes none of OEWN's irregular forms
        made = inflect(lemma, [] if (lemma, pos) in regular else
                       forms.get((lemma, pos)) or forms.get((lemma.split()[0], pos), []) if pos == "v"
                       else forms.get((lemma, pos), []))
        made = [f for f in made if f not in excluded_forms.get(lemma, ())]
        if not made:
            continue
        lines.append("\t".join((lemma, "verb" if pos == "v" else "noun", type_, sid, "|".join(made))))
    copula = tomllib.loads(taxonomy_path.read_text(encoding="utf-8"))["cues"]["be_aux"]
    return lines, irregular_past(entries, frozenset(copula))


def irregular_past(entries, copula: frozenset = frozenset()) -> list[str]:
    """The past forms of English verbs that do not end in -ed ("began", "held", "won"), from
    OEWN's own inflections: a clause's finite verb when no trigger word names its event. Not the
    forms of "be" (`copula`: "am", "are" are no past, and being tells no happening)."""
    out = set()
    for lemma, by_pos in entries.items():
        verb = by_pos.get("v") or {}
        if " " in lemma or not lemma.islower():
            continue
        for form in verb.get("form", []):
            form = form.lower()
            if form != lemma and re.fullmatch("[a-z]+", form) and not form.endswith(("ed", "ing", "s")) \
                    and form not in copula:
                out.add(form)
    return sorted(out)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("oewn", type=Path, help="the Open English WordNet folder (with src/yaml)")
    parser.add_argument("--roots", type=Path, default=ROOTS)
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lines, pasts = build(args.oewn, args.roots)
    header = ["# Generated by scripts/build_lexicon.py from Open English WordNet (CC BY 4.0,",
              "# https://en-word.net) and timeline/events/lexicon_roots.toml: do not edit; edit the roots.",
              "# lemma\tpart of speech\ttype\tOEWN synset (provenance)\tforms"]
    args.output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    past_file = args.output.with_name(PAST.name)
    past_file.write_text("\n".join(["# Generated by scripts/build_lexicon.py from Open English WordNet (CC BY 4.0):",
                                     "# past forms of verbs that do not end in -ed"] + pasts) + "\n", encoding="utf-8")
    print(f"{len(lines)} words -> {args.output}; {len(pasts)} irregular past forms -> {past_file}")


if __name__ == "__main__":
    main()
