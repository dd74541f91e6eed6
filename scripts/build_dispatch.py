"""Write each language pack's dispatch.json: for every text prefix, the time rules that can
match there (timeline/times/grammar.py `_dispatch`), read off the parse of every rule.

    python scripts/build_dispatch.py

The grammar computes the same table when the file is missing or was made from other rules, so a
stale file costs only time; tests/times/test_dispatch.py says when it is stale.
"""
from __future__ import annotations

import importlib
import json

from timeline.atomic import write_atomic
from timeline.lang import PACKS

grammar = importlib.import_module("timeline.times.grammar")    # the module, not its function


def main() -> None:
    for pack in sorted(p for p in PACKS.iterdir() if (p / "rules.toml").is_file()):
        patterns = [rule.pattern for rule in grammar._build(pack.name).rules]
        table = json.dumps(grammar.dispatch_data(patterns), separators=(",", ":"))
        write_atomic(pack / grammar.DISPATCH_FILE, table + "\n")
        print(f"{pack / grammar.DISPATCH_FILE}: {len(patterns)} rules")


if __name__ == "__main__":
    main()
