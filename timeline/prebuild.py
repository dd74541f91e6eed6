"""Build what a run reads back from the cache (timeline/cache.py) into a directory: each pack's
time grammar with every rule compiled, its tense cues, the reading patterns and formats. setup.py
runs it when the package is built, into the package's `_prebuilt/`, as installing compiles the
bytecode: the first run after installing then reads them instead of building them. Only the
standard library is needed (a build runs without the package's dependencies).

    python -m timeline.prebuild DIR
"""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from timeline.cache import CACHE_ENV


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    target = Path(argv[0])
    for stale in target.glob("*.pickle"):      # an editable install's, from rules since changed
        stale.unlink()
    os.environ[CACHE_ENV] = str(target)
    # importing these stores what they read at import: the page furniture, formats, datelines
    from timeline.lang import PACKS
    from timeline.read import language
    from timeline.text import tense

    grammar = importlib.import_module("timeline.times.grammar")    # the module, not its function
    language._function_words()
    for pack in sorted(p for p in PACKS.iterdir() if p.is_dir()):
        if (pack / "rules.toml").is_file():
            grammar.prebuild(pack.name)
        if (pack / "tense.toml").is_file():
            tense._cues(pack.name)
            tense._scheduling(pack.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
