"""The `timeline` command's entry point.

`timeline --version` and `timeline times` run here without importing click (nor pydantic, which
the times stage does not use): for a small input their start-up was most of the run. Every other
command, `--help`, and any arguments the light parser does not take as they are go to the click
CLI (timeline/cli.py), which parses them again and says what is wrong.
"""
from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
from typing import TYPE_CHECKING, Callable, Optional, TypeVar

from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.console import RunOptions

T = TypeVar("T")


def times(inputs: list[str], published: Optional[str], run: RunOptions) -> None:
    """`timeline times`: each document's time expressions as JSON lines, as soon as they are found."""
    from timeline.console import count, summarise
    from timeline.pipeline import Reader, read_options, tag_each

    settings = run.settings(published=published)
    reader, documents, found = Reader(read_options(settings)), 0, 0
    for lines in tag_each(inputs, settings, reader):
        sys.stdout.write("".join(line + "\n" for line in lines))
        sys.stdout.flush()
        documents, found = documents + 1, found + len(lines)
    summarise(run, [f"{where}: {message}" for where, message in reader.warnings],
              f"{count(documents, 'document')}, {count(found, 'time expression')}")


class _NotLight(Exception):
    """Arguments the light parser leaves to click (help, an error to report)."""


def _count(text: str) -> int:
    n = int(text)
    if n < 0:
        raise ValueError(text)
    return n


def times_arguments(argv: list[str]) -> Optional[dict]:
    """`timeline times` arguments as the command takes them, or None for click to handle."""
    import argparse

    from timeline.console import INPUT_OPTIONS, lang_option, run_options

    class Parser(argparse.ArgumentParser):
        def error(self, message):
            raise _NotLight(message)

    parser = Parser(prog="timeline times", add_help=False, allow_abbrev=False)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--published")
    for option in INPUT_OPTIONS:
        if option.kind == "flag":
            parser.add_argument(*option.flags, dest=option.key, action="store_true")
        elif option.kind == "count":
            parser.add_argument(*option.flags, dest=option.key, type=_count, default=option.default)
        elif option.kind == "choice":
            parser.add_argument(*option.flags, dest=option.key, choices=option.choices, default=option.default)
        else:
            parser.add_argument(*option.flags, dest=option.key)
    try:
        given = vars(parser.parse_args(argv))
    except _NotLight:
        return None
    inputs, published = given.pop("inputs"), given.pop("published")
    given["lang"] = lang_option(given["lang"])
    return {"inputs": inputs, "published": published, "run": run_options(given)}


def _program_name() -> str:
    """The name click's --version prints: the script's, or `python -m timeline`."""
    package = getattr(sys.modules["__main__"], "__package__", None)
    if not package:
        return os.path.basename(sys.argv[0])
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    return f"python -m {package if name == '__main__' else f'{package}.{name}'}"


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so atomic writes remove their temporary file
    raise KeyboardInterrupt


def guarded(call: Callable[[], T]) -> T:
    """Run a command: a TimelineError is one line and its exit code, never a traceback."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        return call()
    except TimelineError as e:
        print(f"timeline: {e}", file=sys.stderr)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


def run() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from importlib.metadata import version

        print(f"{_program_name()}, version {version('timeline')}")
        return
    # at exit (after every other exit handler: they run last registered first), what the run made
    # goes to the collector's permanent generation: the interpreter's shut-down collections then
    # pass over none of it (a 1 MB document's extract: 106M instructions). The commands close
    # their files, spools and pools themselves: no cycle is left whose finaliser has work to do
    atexit.register(gc.freeze)
    from timeline.cache import warm_regexes

    warm_regexes()      # before the commands' modules compile their regexes at import
    if argv[:1] == ["times"]:
        parsed = guarded(lambda: times_arguments(argv[1:]))     # --lang is checked here
        if parsed is not None:
            guarded(lambda: times(**parsed))
            return
    from timeline.cli import run as run_click

    run_click()
