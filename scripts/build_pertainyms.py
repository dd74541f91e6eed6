"""Build timeline/lang/en/pertainyms.tsv, the adjectives of a named place or people ("Iranian",
"Iraqi", "British"), from Open English WordNet.

    python scripts/build_pertainyms.py ../shared/data/lexicon/open-english-wordnet

Reads the pertainyms (adj.pert.yaml): each capitalised one-word adjective whose definition is
"of or relating to NAME ..." with NAME capitalised, and writes one line per adjective: the
adjective, NAME, the synset id (the provenance), and NAME's level when the gazetteer
(timeline/merge/places.tsv) knows it as a country or a state: a state can act ("Iranian threats"
are Iran's), a people or a faith is not one. An adjective defined by several names keeps its
first sense's. Only that file ships; the YAML never does. Needs PyYAML (a dependency of dask).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "timeline" / "lang" / "en" / "pertainyms.tsv"
PLACES = ROOT / "timeline" / "merge" / "places.tsv"
# "of or relating to Iran or its people", "relating to the Philippines": the name is a run of
# capitalised words after the opening words and an optional article
_DEFINITION = re.compile(r"^(?:of|relating to|pertaining to|of or relating to|of or pertaining to)"
                         r"(?: or characteristic of)? (?:the )?([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)")
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


def pertainyms(oewn: Path) -> dict[str, tuple[str, str]]:
    import yaml

    src = oewn / "src" / "yaml" if (oewn / "src" / "yaml").is_dir() else oewn
    path = src / "adj.pert.yaml"
    if not path.is_file():
        sys.exit(f"build_pertainyms: no {path}")
    with open(path, encoding="utf-8") as f:
        synsets = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found: dict[str, tuple[str, str]] = {}
    for synset_id in sorted(synsets):
        synset = synsets[synset_id]
        m = _DEFINITION.match((synset.get("definition") or [""])[0])
        if not m:
            continue
        for member in synset.get("members", []):
            if _ADJECTIVE.fullmatch(member) and member != m.group(1):
                found.setdefault(member, (m.group(1), synset_id))
    return found


def state_levels() -> dict[str, str]:
    """lower-case name -> "country" or "state", from the gazetteer."""
    levels: dict[str, str] = {}
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        name, level = line.split("\t")[:2]
        if level in ("country", "state"):
            levels.setdefault(name, level)
    return levels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("oewn", type=Path, help="the Open English WordNet folder")
    found = pertainyms(parser.parse_args().oewn)
    levels = state_levels()
    header = ("# adjective\tname it relates to\tsynset\tthe name's level (built by "
              "scripts/build_pertainyms.py from Open English WordNet, CC BY 4.0)\n")
    OUT.write_text(header + "".join(f"{a}\t{n}\t{s}\t{levels.get(n.lower(), '')}\n"
                                    for a, (n, s) in sorted(found.items())), encoding="utf-8")
    print(f"{len(found)} adjectives -> {OUT}")


if __name__ == "__main__":
    main()
