"""The merge rules (rules.toml), read and compiled once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.lang import aliases

RULES_FILE = Path(__file__).with_name("rules.toml")


@dataclass(frozen=True)
class Rules:
    threshold: float
    max_days_apart: int
    max_days_known: int
    town_km_apart: float
    local_forces: tuple
    role_types: frozenset
    victim_subject_triggers: frozenset
    passive_aux: frozenset
    role_max_words: int
    person_titles: frozenset
    not_person_words: frozenset
    corrections: tuple
    max_gap_days: int
    max_granularity_steps: int
    same_day: float
    nested: float
    per_step: float
    adjacent: float
    same_day_types: frozenset
    per_extra_day: float
    max_coarse_units: int
    per_coarse_unit: float
    coarse_unit_days: dict  # granularity -> days in one unit
    levels: dict
    same_type: float
    compatible_type: float
    family: dict          # type -> family name (a type outside every family is its own family)
    type_rank: dict       # type -> rank for ties (lower wins)
    status_group: dict    # status -> group index
    status_rank: dict
    actor_first: float
    actor_each_more: float
    actor_max: float
    actor_min_ratio: float
    max_words_around_one: int
    word_each: float
    place_same: float
    word_max: float
    undated_min_words: int
    undated_recent_days: int
    undated_older_words: int
    generic_share: float
    generic_min_documents: int
    context_min_words: int
    context: float
    replace: dict
    replace_re: re.Pattern
    prefixes: tuple
    min_stem: int
    max_suffix: int
    suffixes: tuple
    min_word: int
    stopwords: frozenset

    def family_of(self, type_: str) -> str:
        return self.family.get(type_, type_)

    def group_of(self, status: str) -> int:
        return self.status_group.get(status, -1)


def _replace_pattern(pairs: dict) -> re.Pattern:
    alternatives = sorted(pairs, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


@lru_cache(maxsize=None)
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    d, t, s, a, w, n = (data[k] for k in ("dates", "types", "status", "actors", "words", "normalise"))
    family = {ty: "+".join(group) for group in t["families"] for ty in group}
    # names in other languages (timeline/lang/aliases.toml: "irak" -> "iraq"), then our own spellings
    replace = {**aliases(), **{old: new for old, new in n["replace"]}}
    return Rules(
        threshold=data["threshold"],
        max_days_apart=data["constraints"]["max_days_apart"],
        max_days_known=data["constraints"]["max_days_known"],
        town_km_apart=data["constraints"]["town_km_apart"],
        local_forces=tuple(sorted(data["constraints"]["local_forces"], key=len, reverse=True)),
        role_types=frozenset(data["people"]["role_types"]),
        victim_subject_triggers=frozenset(data["people"]["victim_subject_triggers"]),
        passive_aux=frozenset(data["people"]["passive_aux"]), role_max_words=data["people"]["role_max_words"],
        person_titles=frozenset(data["people"]["person_titles"]),
        not_person_words=frozenset(data["people"]["not_person_words"]),
        corrections=tuple(c.lower() for c in data["constraints"]["corrections"]),
        max_gap_days=d["max_gap_days"], max_granularity_steps=d["max_granularity_steps"],
        same_day=d["same_day"], nested=d["nested"], per_step=d["per_step"], adjacent=d["adjacent"],
        same_day_types=frozenset(d["same_day_types"]),
        per_extra_day=d["per_extra_day"], levels=dict(d["levels"]),
        max_coarse_units=d["max_coarse_units"], per_coarse_unit=d["per_coarse_unit"],
        coarse_unit_days=dict(d["coarse_unit_days"]),
        same_type=t["same"], compatible_type=t["compatible"], family=family,
        type_rank={ty: i for i, ty in enumerate(t["priority"])},
        status_group={st: i for i, group in enumerate(s["groups"]) for st in group},
        status_rank={st: i for i, st in enumerate(s["priority"])},
        actor_first=a["first"], actor_each_more=a["each_more"], actor_max=a["max"],
        actor_min_ratio=a["min_ratio"], max_words_around_one=a["max_words_around_one"], word_each=w["each"], place_same=data["places"]["same"], word_max=w["max"],
        undated_min_words=w["undated_min_words"], undated_recent_days=w["undated_recent_days"],
        undated_older_words=w["undated_older_words"], generic_share=w["generic_share"],
        generic_min_documents=w["generic_min_documents"], context_min_words=w["context_min_words"],
        context=w["context"],
        replace=replace, replace_re=_replace_pattern(replace),
        prefixes=tuple(sorted(n["prefixes"], key=len, reverse=True)),
        min_stem=n["min_stem"], max_suffix=n["max_suffix"],
        suffixes=tuple(sorted(n["suffixes"], key=len, reverse=True)), min_word=n["min_word"],
        stopwords=frozenset(n["stopwords"]),
    )
