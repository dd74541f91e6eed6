"""Objects built from data files (the compiled time grammar), kept between runs in the user's
cache directory and rebuilt whenever the files they are built from change.

The key is a hash of those files, of the code that builds from them and of the Python version,
so an edited rule file or an upgraded Python never meets a stale entry. A compiled regex is
stored as the code the regex engine runs (what `re.compile` spends its time making) and rebuilt
from it without parsing. Writing is atomic (a temporary file renamed into place), so processes
running at once each read a whole entry or none; an unwritable or unusable cache directory only
means building again. `TIMELINE_CACHE_DIR` names another directory, or, empty, turns the cache off.
"""
from __future__ import annotations

import atexit
import hashlib
import io
import os
import pickle
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar

import _sre
from re import _compiler, _parser

T = TypeVar("T")
CACHE_ENV = "TIMELINE_CACHE_DIR"


def cache_dir() -> Optional[Path]:
    given = os.environ.get(CACHE_ENV)
    if given is not None:
        return Path(given) if given else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("timeline", appauthor=False))


def fingerprint(sources: Iterable[Path]) -> str:
    """A hash of the files' names and bytes, the Python version and the regex engine's."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag} {sys.version} {_sre.MAGIC}".encode())
    for path in sources:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or what an earlier run stored for the same source files."""
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        path = directory / f"{name}-{fingerprint(sources)}.pickle"
    except OSError:     # a source that cannot be read: building says what is wrong with it
        return build()
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:   # absent, unreadable, truncated by a full disk, or from an incompatible build
        pass
    value = build()
    _store(path, value)
    _prune(path, name)
    return value


def read_toml(path: Path) -> dict:
    """A TOML file, parsed (tomllib imported only when a file is)."""
    import tomllib

    with open(path, "rb") as f:
        return tomllib.load(f)


def cached_toml(path: Path) -> dict:
    """A TOML file read at import, parsed once per change of it, then read back."""
    return cached(path.stem, [path], lambda: read_toml(path))


def store(name: str, sources: Iterable[Path], value) -> None:
    """Replace what `cached` keeps for these sources by `value` (one since filled in further)."""
    directory = cache_dir()
    if directory is not None:
        try:
            _store(directory / f"{name}-{fingerprint(sources)}.pickle", value)
        except OSError:
            pass


KEEP = 4    # entries kept per name: a few checkouts or versions side by side each find theirs


def _prune(kept: Path, name: str) -> None:
    """Remove all but `kept` and the KEEP - 1 newest other entries of `name` (entries of rules
    since changed)."""
    try:
        others = sorted((p for p in kept.parent.glob(f"{name}-*.pickle") if p != kept),
                        key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in others[KEEP - 1:]:
            old.unlink()
    except OSError:
        pass    # another process pruned first, or the directory is not ours to change


def _store(path: Path, value) -> None:
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    except Exception:   # unpicklable: the next run builds again
        return
    try:
        write_entry(path, [buffer.getvalue()])
    except OSError:     # no place to write: the next run builds again
        pass


def write_entry(path: Path, chunks: Iterable[bytes]) -> None:
    """Write a cache entry whole or not at all: into a temporary file beside it, renamed into
    place, so that processes running at once each read a whole entry or none. No fsync: an entry
    lost to a crash is only built again (timeline.atomic is for the user's outputs)."""
    import tempfile     # here: a run that only reads the cache does not need it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# a pattern -> what the regex engine was given to make it: storing the pattern then costs no parse
_ENGINE_ARGS: dict[re.Pattern, tuple] = {}


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, remembering the engine's code for storing it later."""
    return _pattern(*_engine_args(pattern, flags))


def _engine_args(pattern: str, flags: int) -> tuple:
    """What `re.compile` hands the engine (re._compiler.compile, without its debug output)."""
    flags = int(flags)
    parsed = _parser.parse(pattern, flags)
    indexgroup = [None] * parsed.state.groups
    for k, i in parsed.state.groupdict.items():
        indexgroup[i] = k
    code = [int(op) for op in _compiler._code(parsed, flags)]    # opcodes are int subclasses
    return (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1,
            dict(parsed.state.groupdict), tuple(indexgroup))


def _pattern(pattern, flags: int, code: list, groups: int, groupindex: dict, indexgroup: tuple) -> re.Pattern:
    compiled = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    _ENGINE_ARGS[compiled] = (pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is not re.Pattern:
            return NotImplemented
        args = _ENGINE_ARGS.get(obj)
        if args is None:
            args = _engine_args(obj.pattern, obj.flags)
            if _sre.compile(*args) != obj:  # compares flags and engine code too: stored only if the same
                return NotImplemented
        return _pattern, args


# ----- the regexes a run compiles, read back by the next

REGEX_LIMIT = 400     # entries kept: below the size of re's own cache (512), so none put there is dropped


def warm_regexes() -> None:
    """Put the regexes an earlier run compiled into the re module's own cache, made from their
    engine code read back from one entry (no parse, no compile: 164 patterns, 1.5% of extracting
    a 1 MB document), so that each module's `re.compile(...)` finds its pattern made; at exit,
    store the table again when this run compiled patterns it lacked (an edited rule, another
    command). Keyed like every entry by the Python version and the regex engine's; whatever
    fails only means compiling as re does."""
    directory = cache_dir()
    made = getattr(re, "_cache", None)
    if directory is None or type(made) is not dict:
        return
    path = directory / f"regexes-{fingerprint([])}.pickle"
    try:
        with open(path, "rb") as f:
            table = pickle.load(f)
        for (pattern, flags), args in table.items():
            made.setdefault((str, pattern, flags), _pattern(*args))
    except Exception:   # none yet, or unusable: compiled as re does, and stored at exit
        table = {}
    atexit.register(_store_regexes, path, table)


def _store_regexes(path: Path, known: dict) -> None:
    try:
        made = [(key[1], key[2], compiled) for key, compiled in list(re._cache.items())
                if key[0] is str and isinstance(key[2], int) and not key[2] & re.DEBUG]
        new = {}
        for pattern, flags, compiled in made:
            if (pattern, flags) not in known:
                args = _ENGINE_ARGS.get(compiled) or _engine_args(pattern, flags)
                if _sre.compile(*args) == compiled:     # the same flags and engine code
                    new[pattern, flags] = args
        if not new:
            return
        table = {**known, **new}
        if len(table) > REGEX_LIMIT:    # rules edited over time: keep what this run used
            table = {(p, f): table[p, f] for p, f, _ in made if (p, f) in table}
        buffer = io.BytesIO()
        pickle.dump(table, buffer, pickle.HIGHEST_PROTOCOL)
        write_entry(path, [buffer.getvalue()])
    except Exception:   # no place to write, or a pattern that cannot be stored: compiled again next time
        pass
