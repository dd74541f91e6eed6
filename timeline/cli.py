"""The command line: each command is one library call plus option parsing.

Errors the user can fix (TimelineError) print one line `timeline: <file>: <problem>` and exit 2.
"""
from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from timeline.atomic import write_atomic
from timeline.errors import TimelineError
from timeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DEFAULT_PAGE = Path("output") / "timeline.html"


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline")
def main() -> None:
    """Build interactive timelines from news articles."""


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", default=str(DEFAULT_PAGE), show_default=True, help="HTML page to write.")
@click.option("--json", "json_path", help="Also write the Timeline JSON here.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--title", help="Page title (default: the article title, or 'Timeline').")
def build(inputs, output, json_path, published, title):
    """Read articles, extract, merge and write one interactive HTML page.

    With no INPUT, builds the bundled samples/ into output/timeline.html.

    Example: timeline build article.txt --published 2021-08-02 -o out.html
    """
    from timeline.pipeline import extract
    from timeline.render import page

    settings = Settings(published=published, title=title)
    tl = extract(list(inputs) or [str(SAMPLES)], settings)
    html = page(tl)
    if json_path:
        write_atomic(json_path, tl.model_dump_json(indent=2))
    write_atomic(output, html)
    click.echo(f"{output}: {len(tl.documents)} documents, {len(tl.events)} events", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", help="JSON file to write (default: standard output).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--title", help="Timeline title.")
def extract(inputs, output, published, title):
    """Extract and merge, and write the Timeline JSON.

    Example: timeline extract article.txt -o timeline.json
    """
    from timeline.pipeline import extract as run

    tl = run(list(inputs), Settings(published=published, title=title))
    _emit(tl.model_dump_json(indent=2) + "\n", output)


@main.command()
@click.argument("file")
@click.option("--published", help="Publication date (YYYY-MM-DD).")
def times(file, published):
    """Print the time expressions found in FILE, one JSON object a line.

    Example: timeline times article.txt --published 2021-08-02
    """
    from timeline.pipeline import extract as run

    tl = run([file], Settings(published=published, merge=False))
    for t in tl.time_expressions:
        click.echo(t.model_dump_json())


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, help="Directory to write the annotated TimeML to.")
@click.option("--policy", type=click.Choice(["news", "narrative"]), default="news", show_default=True,
              help="Anchor relative dates to the DCT (news) or to the last date mentioned (narrative).")
def timeml(inputs, outdir, policy):
    """Re-annotate TimeML files: drop the TIMEX3 tags in TEXT, insert ours (directories recurse).

    Example: timeline timeml ../shared/data/timeml/TBAQ-cleaned -o output/tbaq
    """
    from timeline.evaluate import annotate

    written = annotate(inputs, outdir, policy)
    click.echo(f"{outdir}: {len(written)} files, {sum(n for _, n in written)} time expressions", err=True)


@main.command()
@click.argument("gold")
@click.argument("system")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="Also list every span, type and value error, file by file.")
def score(gold, system, as_json, errors):
    """TempEval-3 Task A scores of SYSTEM's TIMEX3 against GOLD's (TimeML files or directories).

    Example: timeline score ../shared/data/timeml/TBAQ-cleaned output/tbaq --errors
    """
    from timeline.evaluate import score as run

    report = run(gold, system)
    click.echo(report.to_json(errors) if as_json else report.table(errors))


@main.command()
def schema():
    """Print the JSON Schema of the Timeline JSON.

    Example: timeline schema > timeline.schema.json
    """
    import json

    from timeline.models import json_schema

    click.echo(json.dumps(json_schema(), indent=2, sort_keys=True))


def _terminate(signum, frame):
    # SIGTERM unwinds like Ctrl-C, so atomic writes remove their temporary file
    raise KeyboardInterrupt


def run() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    try:
        main.main(standalone_mode=False)
    except TimelineError as e:
        click.echo(f"timeline: {e}", err=True)
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(2 if isinstance(e, click.UsageError) else e.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("timeline: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    run()
