"""What every article-reading command shares: its options, a progress bar, grouped warnings and
the closing summary, all on standard error so that standard output stays the data.
"""
from __future__ import annotations

import functools
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Optional

from timeline.settings import Settings

if TYPE_CHECKING:
    from timeline.models import Timeline

HANDFUL = 5         # the progress bar appears once more documents than this have been read
SHOWN_PLACES = 3    # a grouped warning names this many places, then "and N more"

COLUMN_FIELDS = ("text", "title", "url", "published", "source", "id")


@dataclass(frozen=True)
class InputOption:
    """One reading or reporting option, as data: click builds it for every command
    (`input_options`), argparse for the light `timeline times` (timeline/launch.py)."""
    flags: tuple[str, ...]
    key: str
    help: str
    kind: str = "text"              # text | flag | count (an integer >= 0) | choice
    choices: tuple[str, ...] = ()
    default: object = None
    metavar: Optional[str] = None


INPUT_OPTIONS = (
    InputOption(("-j", "--jobs"), "jobs", "Worker processes (default 0: one per core once the input is large "
                "enough to gain from them; 1: no pool).", kind="count", default=0),
    InputOption(("--engine",), "engine", "Extract on this machine, or on a running dask.distributed cluster.",
                kind="choice", choices=("local", "dask"), default="local"),
    InputOption(("--scheduler",), "scheduler", "The Dask scheduler to use with --engine dask (tcp://host:8786).",
                metavar="ADDRESS"),
    InputOption(("--fetch",), "fetch", "Download http(s) URLs given as INPUT.", kind="flag"),
    InputOption(("--allow-private",), "allow_private",
                "With --fetch: also download from this machine and private networks (refused by default).",
                kind="flag"),
    *[InputOption((f"--{field}-column",), f"{field}_column",
                  f"JSON key or CSV column holding the {field} (default: a usual name)"
                  + (" e.g. text, body, content." if field == "text" else "."), metavar="NAME")
      for field in COLUMN_FIELDS],
    InputOption(("--lang",), "lang", "ISO 639-1 language of every input (en, fr, es...); default: a record's "
                "lang field, the page's <html lang>, else detected.", metavar="CODE"),
    InputOption(("-q", "--quiet"), "quiet", "No progress bar, warnings or summary.", kind="flag"),
    InputOption(("-v", "--verbose"), "verbose", "List every warning instead of grouping them.", kind="flag"),
)


def _click_option(option: InputOption):
    import click

    if option.kind == "flag":
        return click.option(*option.flags, option.key, is_flag=True, help=option.help)
    if option.kind == "count":
        return click.option(*option.flags, option.key, type=click.IntRange(min=0), default=option.default,
                            help=option.help)
    if option.kind == "choice":
        return click.option(*option.flags, option.key, type=click.Choice(list(option.choices)),
                            default=option.default, show_default=True, help=option.help)
    callback = (lambda ctx, param, value: lang_option(value)) if option.key == "lang" else None
    return click.option(*option.flags, option.key, metavar=option.metavar, callback=callback, help=option.help)


_KEYS = tuple(option.key for option in INPUT_OPTIONS)


@dataclass(frozen=True)
class RunOptions:
    jobs: int
    engine: str
    scheduler: Optional[str]
    fetch: bool
    allow_private: bool
    lang: Optional[str]
    quiet: bool
    verbose: bool
    columns: tuple[tuple[str, str], ...]

    def settings(self, **fields) -> Settings:
        return Settings(jobs=self.jobs, engine=self.engine, scheduler=self.scheduler, fetch=self.fetch,
                        allow_private=self.allow_private, columns=self.columns, lang=self.lang, **fields)


def lang_option(value: Optional[str]) -> Optional[str]:
    """--lang: an ISO 639-1 code ("fr", "fr-FR"), or a usage error."""
    from timeline.errors import UsageError
    from timeline.read.language import iso639_1

    if value is None:
        return None
    code = iso639_1(value)
    if code is None:
        raise UsageError(f"{value!r} is not an ISO 639-1 language code (en, fr, es...)", "--lang")
    return code


def run_options(given: dict) -> RunOptions:
    """The values of INPUT_OPTIONS, by key, as one RunOptions."""
    named = {f: given.pop(f"{f}_column") for f in COLUMN_FIELDS}
    columns = tuple((f, name) for f, name in named.items() if name)
    return RunOptions(columns=columns, **given)


def input_options(command: Callable) -> Callable:
    """Add the reading and reporting options; the command gets them as one `run` argument."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, run=run_options({k: kwargs.pop(k) for k in _KEYS}), **kwargs)
    for option in reversed(INPUT_OPTIONS):
        wrapper = _click_option(option)(wrapper)
    return wrapper


@dataclass
class Tally:
    documents: int = 0
    events: int = 0
    undated: int = 0

    def add(self, tl: Timeline) -> None:
        self.documents += len(tl.documents)
        self.events += len(tl.events)
        from timeline.render.views import is_dated  # the page's own test, so that the counts agree
        self.undated += sum(1 for e in tl.events if not is_dated(e))


@contextmanager
def progress(run: RunOptions) -> Iterator[Callable[[Timeline], None]]:
    """A callback for each document done; a rich progress bar on a terminal past a handful."""
    if run.quiet or not sys.stderr.isatty():
        yield lambda tl: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("documents", total=None)
    done = 0

    def advance(tl: Timeline) -> None:
        nonlocal done
        done += 1
        if done == HANDFUL + 1:
            bar.start()
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        bar.stop()


def group_warnings(warnings: list[str]) -> list[str]:
    """`where: message` lines, the same message once with the places it occurs."""
    places: dict[str, list[str]] = {}
    for warning in warnings:
        where, sep, message = warning.partition(": ")
        places.setdefault(message if sep else warning, []).append(where if sep else "")
    lines = []
    for message, wheres in places.items():
        wheres = [w for w in wheres if w]
        if len(wheres) <= 1:
            lines.append(f"{wheres[0]}: {message}" if wheres else message)
            continue
        more = f" and {len(wheres) - SHOWN_PLACES} more" if len(wheres) > SHOWN_PLACES else ""
        lines.append(f"{message} ({len(wheres)} times: {', '.join(wheres[:SHOWN_PLACES])}{more})")
    return lines


def report(run: RunOptions, warnings: list[str], tally: Tally, output: Optional[str] = None) -> None:
    """Warnings (grouped unless --verbose) and the summary line, on standard error."""
    counts = ", ".join(count(n, noun) for n, noun in ((tally.documents, "document"),
                                                       (tally.events, "event")))
    summarise(run, warnings, f"{counts} ({tally.undated} undated)", output)


def summarise(run: RunOptions, warnings: list[str], counts: str, output: Optional[str] = None) -> None:
    """Warnings (grouped unless --verbose) and a summary line of what was counted, on standard error."""
    if run.quiet:
        return
    for line in (warnings if run.verbose else group_warnings(warnings)):
        print(f"timeline: warning: {line}", file=sys.stderr)
    print(f"timeline: {output + ': ' if output else ''}{counts}, {count(len(warnings), 'warning')}",
          file=sys.stderr)


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
