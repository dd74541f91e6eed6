"""The command line: each command is one library call plus option parsing.

Errors the user can fix (TimelineError) print one line `timeline: <file>: <problem>` and exit 2.
"""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from timeline.atomic import open_atomic, write_atomic
from timeline.console import Tally, input_options, lang_option, progress, report
from timeline.errors import UsageError
from timeline.launch import guarded
from timeline.settings import Settings

DEFAULT_PAGE = Path("output") / "timeline.html"


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _emit_json(tl, output: str | None) -> None:
    """The timeline's JSON and a line break, written as it is made (a corpus's JSON can be larger
    than the timeline it prints)."""
    from timeline.jsonout import write_json

    if output:
        with open_atomic(output) as f:
            write_json(tl, f, end="\n")
    else:
        write_json(tl, sys.stdout, end="\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline")
def main() -> None:
    """Build interactive timelines from news articles."""


def _page_options(command):
    """Options shared by build and render (choices repeat timeline.render's, kept light to import)."""
    options = [
        click.option("--format", "fmt", type=click.Choice(["html", "png", "svg", "pdf", "timelinejs", "csv"]),
                     default="html", show_default=True, help="What to write."),
        click.option("--fragment", is_flag=True, help="HTML: only the chart <div>, without plotly.js."),
        click.option("--template", type=click.Path(dir_okay=False),
                     help="HTML: your own jinja2 page template (may extend base.html)."),
        click.option("--plotlyjs", type=click.Choice(["inline", "cdn", "directory"]), default="inline",
                     show_default=True, help="HTML: inline plotly.js (offline), a CDN link, or plotly.min.js beside the page."),
        click.option("--lanes", type=click.Choice(["type", "source", "actor", "status"]), default="type",
                     show_default=True, help="Chart lanes by event type, source document, actor or status."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_options(command):
    """--entity, --taxonomy, --key, --from and --to, shared by build and extract."""
    command = click.option("--to", "date_to", metavar="DATE",
                           help="Keep the events dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).")(command)
    command = click.option("--from", "date_from", metavar="DATE",
                           help="Keep the events dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")(command)
    command = click.option("--key", metavar="N|auto",
                           help="Keep the N most salient events on distinct days, each with a one-line "
                           "summary and its best sentence ('auto': N from the number of articles).")(command)
    command = click.option("--taxonomy", type=click.Path(exists=True, dir_okay=False),
                           help="Event types file replacing timeline/events/taxonomy.toml "
                           "(also $TIMELINE_TAXONOMY).")(command)
    return click.option("--entity", metavar="NAME",
                        help="Keep only the events whose actors or sentences mention NAME "
                        "('Kadhimi' matches 'Mustafa al-Kadhimi').")(command)


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", default=str(DEFAULT_PAGE), show_default=True, help="HTML page to write.")
@click.option("--json", "json_path", help="Also write the Timeline JSON here.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--title", help="Page title (default: the article title, or 'Timeline').")
@_event_options
@_page_options
@input_options
def build(inputs, output, json_path, published, title, entity, taxonomy, key, date_from, date_to, fmt, fragment,
          template, plotlyjs, lanes, run):
    """Read articles, extract, merge and write one interactive HTML page.

    With no INPUT, builds the bundled samples/ into output/timeline.html.

    Example: timeline build article.txt --published 2021-08-02 -o out.html

    Example: timeline build archive/ --key auto --from 2011 --to 2011
    """
    from timeline.bundled import bundled
    from timeline.pipeline import extract
    from timeline.jsonout import write_json
    from timeline.render.output import default_output, write_rendered

    settings = run.settings(published=published, title=title, entity=entity, taxonomy=taxonomy,
                            **_key_settings(key, date_from, date_to))
    with progress(run) as advance:
        tl = extract(list(inputs) or [str(bundled("samples"))], settings, on_document=advance)
    if fmt != "html" and output == str(DEFAULT_PAGE):
        output = default_output(output, fmt)
    if json_path:
        with open_atomic(json_path) as f:
            write_json(tl, f)
    where = write_rendered(tl, output, fmt, fragment=fragment, template=template, plotlyjs=plotlyjs,
                           lanes=lanes)
    report(run, tl.warnings, _merged_tally(tl), str(where))


@main.command()
@click.argument("timeline_json")
@click.option("-o", "--output", help="File to write, '-' for standard output "
              "(default: beside TIMELINE_JSON, e.g. t.json -> t.html, t.png, t.timelinejs.json).")
@_page_options
def render(timeline_json, output, fmt, fragment, template, plotlyjs, lanes):
    """Render a saved Timeline JSON as a page, fragment, image, TimelineJS3 JSON or CSV.

    Example: timeline render timeline.json --format png -o timeline.png
    """
    from timeline.render.output import default_output, load_timeline, write_rendered

    tl = load_timeline(timeline_json)
    where = write_rendered(tl, output or default_output(timeline_json, fmt), fmt, fragment=fragment,
                           template=template, plotlyjs=plotlyjs, lanes=lanes)
    from timeline.render.views import is_dated

    undated = sum(1 for e in tl.events if not is_dated(e))  # as the page counts them
    click.echo(f"{where}: {len(tl.events)} events ({undated} undated)", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", help="JSON file to write (default: standard output).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for every input.")
@click.option("--title", help="Timeline title.")
@click.option("--jsonl", is_flag=True,
              help="Stream: one line per document (its own timeline, not merged), in input order.")
@_event_options
@input_options
def extract(inputs, output, published, title, jsonl, entity, taxonomy, key, date_from, date_to, run):
    """Extract and merge, and write the Timeline JSON.

    With --jsonl, write each document's timeline as one JSON line as soon as it is done (memory
    stays flat however large the corpus).

    Example: timeline extract article.txt -o timeline.json

    Example: timeline extract corpus.jsonl --jsonl --jobs 4 -o results.jsonl
    """
    from timeline.pipeline import extract as extract_all

    settings = run.settings(published=published, title=title, entity=entity, taxonomy=taxonomy,
                            **_key_settings(key, date_from, date_to))
    if jsonl:
        if key or date_from or date_to:
            raise UsageError("--key, --from and --to choose among merged events; --jsonl does not merge", "--jsonl")
        _extract_jsonl(inputs, output, settings, run)
        return
    if settings.key is None:     # the corpus spooled, not held: the same bytes
        _extract_spooled(inputs, output, settings, run)
        return
    with progress(run) as advance:
        tl = extract_all(list(inputs), settings, on_document=advance)
    _emit_json(tl, output)
    report(run, tl.warnings, _merged_tally(tl), output)


def _extract_spooled(inputs, output, settings, run) -> None:
    from timeline.pipeline import extract_spooled

    with progress(run) as advance:
        spool, warnings = extract_spooled(list(inputs), settings, on_document=advance)
    try:
        with open_atomic(output) if output else nullcontext(sys.stdout) as out:
            tally, warnings = spool.write(out, settings, warnings)
    finally:
        spool.close()
    report(run, warnings, tally, output)


def _key_settings(key, date_from, date_to) -> dict:
    """--key, --from and --to checked before anything is read."""
    from timeline.key import parse_key, period

    start, end = period(date_from, date_to)
    return {"key": parse_key(key), "date_from": start, "date_to": end}


def _extract_jsonl(inputs, output, settings, run) -> None:
    from timeline.pipeline import Reader, extract_each, read_options

    reader, tally = Reader(read_options(settings)), Tally()
    with progress(run) as advance, (open_atomic(output) if output else nullcontext(sys.stdout)) as out:
        for tl in extract_each(inputs, settings, reader):
            out.write(tl.model_dump_json() + "\n")
            tally.add(tl)
            advance(tl)
    report(run, [f"{where}: {message}" for where, message in reader.warnings], tally, output)


def _merged_tally(tl) -> Tally:
    tally = Tally()
    tally.add(tl)
    return tally


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD).")
@input_options
def times(inputs, published, run):
    """Print the time expressions found in the INPUTS, one JSON object a line.

    Reads, splits and tags only (no events, no merging); each document's expressions are written
    as soon as they are found, documents in input order.

    Example: timeline times article.txt --published 2021-08-02
    """
    from timeline.launch import times as run_times

    run_times(inputs, published, run)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD).")
@click.option("--taxonomy", type=click.Path(exists=True, dir_okay=False), help="Event types file to use.")
@click.option("--lang", metavar="CODE", callback=lambda ctx, param, value: lang_option(value),
              help="ISO 639-1 language of every file (default: detected).")
def explain(files, published, taxonomy, lang):
    """For each sentence of FILE: its time expressions, events, types, statuses and dates, with
    the rule behind each, and why a candidate was left out. Given several articles, then each
    merged event: its sources, why they were merged and which links were refused.

    Example: timeline explain article.txt --published 2021-08-02

    Example: timeline explain samples/al-asad-2020
    """
    from timeline.events.explain import explain_documents
    from timeline.read import Reader, ReadOptions

    settings = Settings(published=published, taxonomy=taxonomy)
    reader = Reader(ReadOptions(published=published, lang=lang))
    documents = list(reader.documents(files))
    text = explain_documents(documents, settings)
    if len(documents) > 1:
        from timeline.merge.explain import explain_merges
        from timeline.pipeline import extract_documents

        text += "\n" + explain_merges(extract_documents(documents, settings))
    _emit(text, None)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, help="Directory to write the annotated TimeML to.")
@click.option("--policy", type=click.Choice(["news", "narrative"]), default="news", show_default=True,
              help="Anchor relative dates to the DCT (news) or to the last date mentioned (narrative).")
@click.option("--lang", metavar="CODE", callback=lambda ctx, param, value: lang_option(value),
              help="ISO 639-1 language of every file (default: detected per file).")
def timeml(inputs, outdir, policy, lang):
    """Re-annotate TimeML files: drop the TIMEX3 tags in TEXT, insert ours (directories recurse).

    Example: timeline timeml ../shared/data/timeml/TBAQ-cleaned -o output/tbaq
    """
    from timeline.evaluate import annotate

    written = annotate(inputs, outdir, policy, lang)
    click.echo(f"{outdir}: {len(written)} files, {sum(n for _, n in written)} time expressions", err=True)


@main.command()
@click.argument("gold")
@click.argument("system")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="Also list every span, type and value error, file by file.")
@click.option("--by-class", "by_class", is_flag=True,
              help="Also count value errors by class of expression (absolute date, weekday, duration...), per part.")
def score(gold, system, as_json, errors, by_class):
    """TempEval-3 Task A scores of SYSTEM's TIMEX3 against GOLD's (TimeML files or directories).
    A GOLD directory with several top-level folders (TBAQ: TimeBank, AQUAINT) is also scored per folder.

    Example: timeline score ../shared/data/timeml/TBAQ-cleaned output/tbaq --errors
    """
    from timeline.evaluate import score as run

    report = run(gold, system)
    click.echo(report.to_json(errors, by_class) if as_json else report.table(errors, by_class))


@main.command("evaluate-events")
@click.argument("inputs", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--taxonomy", type=click.Path(exists=True, dir_okay=False), help="Event types file to use.")
@click.option("--types", "labels", type=click.Path(exists=True, dir_okay=False),
              help="Instead: type accuracy on hand-typed sentences (TSV: file, sentence opening, type; "
              "or rams|t17, key, opening, type for RAMS windows of a .jsonlines input and articles by "
              "path under an input folder) of the articles in INPUTS.")
@click.option("--rams", "rams", type=click.Path(exists=True, dir_okay=False),
              help="Instead: recall of the labelled trigger of each RAMS window (a .jsonlines file), "
              "with its type mapped to ours; the last line is the summary.")
@click.option("--rams-types", type=click.Path(exists=True, dir_okay=False),
              help="RAMS type -> our types mapping (TOML; default: the bundled rams_types.toml).")
def evaluate_events(inputs, as_json, taxonomy, labels, rams, rams_types):
    """Event triggers (P/R/F1 against gold EVENTs of classes OCCURRENCE, I_ACTION, ASPECTUAL) and
    dates (share of TLINK-anchored gold events we date right) on TimeML files or directories.

    Example: timeline evaluate-events ../shared/data/timeml/TBAQ-cleaned

    Example: timeline evaluate-events --types timeline/events/type_labels.tsv samples ../shared/data/crossdoc

    Example: timeline evaluate-events --types timeline/events/type_labels_blind.tsv
    ../shared/data/events/rams-dev/dev.jsonlines ../shared/data/tls/timeline17-dev

    Example: timeline evaluate-events --rams ../shared/data/events/rams-dev/dev.jsonlines
    """
    from timeline.evaluate.events import evaluate_events as run
    from timeline.evaluate.events import evaluate_types

    if rams:
        from timeline.evaluate.rams import evaluate_rams

        report = evaluate_rams(rams, taxonomy=taxonomy, mapping_path=rams_types)
    elif not inputs:
        raise click.UsageError("give INPUTS (TimeML files or directories, or articles with --types), or --rams FILE")
    else:
        report = evaluate_types(labels, inputs, taxonomy=taxonomy) if labels else run(list(inputs), taxonomy=taxonomy)
    click.echo(report.to_json() if as_json else report.table())


@main.command("evaluate-crossdoc")
@click.option("--yida", "yida", type=click.Path(exists=True, file_okay=False),
              help="A folder with articles/ and gold_ecbplus_annotations.json (ECB+ clusters).")
@click.option("--apple", "apple", type=click.Path(exists=True, file_okay=False),
              help="A SemEval-2015 Task 4 folder: documents/*.tml and gold_timelines/*.txt.")
@click.option("--gvc", "gvc", type=click.Path(exists=True, file_okay=False),
              help="A Gun Violence Corpus folder: articles/ and gold.json (incident per document).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_crossdoc(yida, apple, gvc, as_json):
    """Cross-document merging against gold: pairwise precision/recall over ECB+ clusters (--yida),
    gold timeline lines found, dated and merged per target entity (--apple), pairs of documents
    merged about one incident (--gvc: the last line is the pairwise precision and recall).

    Example: timeline evaluate-crossdoc --gvc ../shared/data/crossdoc/gvc-val

    Example: timeline evaluate-crossdoc --yida ../shared/data/crossdoc/yida-bombing-2011

    Example: timeline evaluate-crossdoc --apple ../shared/data/crossdoc/semeval2015-trial-apple --json
    """
    import json

    from timeline.evaluate import crossdoc

    if not (yida or apple or gvc):
        raise click.UsageError("give --yida DIR, --apple DIR and/or --gvc DIR")
    reports = {}
    if yida:
        reports["yida"] = crossdoc.evaluate_yida(yida)[1]
    if apple:
        reports["apple"] = crossdoc.evaluate_apple(apple)
    if gvc:   # last: its last line is the one-line summary
        reports["gvc"] = crossdoc.evaluate_gvc(gvc)[1]
    if as_json:
        click.echo(json.dumps({k: r.as_dict() for k, r in reports.items()}, indent=2))
    else:
        click.echo("\n\n".join(f"{k}:\n{r.table()}" for k, r in reports.items()))


@main.command("evaluate-tls")
@click.argument("root", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("-j", "--jobs", type=int, default=0, show_default=True,
              help="Worker processes for extraction (0: one per core).")
def evaluate_tls(root, as_json, jobs):
    """Key dates and summaries against journalists' timelines (Timeline17 layout: one folder per
    story with InputDocs/<YYYY-MM-DD>/* and timelines.jsonl): Date-F1 over the whole input and within
    the gold span, ROUGE-1/2 F, and two baselines (days by articles published, by time expressions).

    Example: timeline evaluate-tls ../shared/data/tls/timeline17-dev
    """
    from timeline.evaluate.tls import evaluate_tls as run

    report = run(root, jobs=jobs)
    click.echo(report.to_json() if as_json else report.table())


@main.command()
@click.argument("timelines", nargs=-1, required=True)
@click.option("-o", "--output", help="JSON file to write (default: standard output).")
@click.option("--title", help="Title of the merged timeline.")
def merge(timelines, output, title):
    """Merge saved Timeline JSON files into one: the same happening becomes one event.

    The result does not depend on the order of the files; merging it again changes nothing.

    Example: timeline merge monday.json tuesday.json -o week.json
    """
    from timeline.key import score_salience
    from timeline.merge import merge_files

    tl = score_salience(merge_files(list(timelines), title=title))
    _emit_json(tl, output)
    merged = sum(1 for e in tl.events if e.merged)
    click.echo(f"{output or 'stdout'}: {len(tl.documents)} documents, {len(tl.events)} events "
               f"({merged} merged)", err=True)


@main.command()
def schema():
    """Print the JSON Schema of the Timeline JSON.

    Example: timeline schema > timeline.schema.json
    """
    import json

    from timeline.models import json_schema

    click.echo(json.dumps(json_schema(), indent=2, sort_keys=True))


def _click_main() -> None:
    try:
        main.main(standalone_mode=False)
    except click.ClickException as e:
        e.show()
        sys.exit(2 if isinstance(e, click.UsageError) else e.exit_code)
    except click.exceptions.Abort:
        raise KeyboardInterrupt from None


def run() -> None:
    """The click CLI (timeline.launch.run, the entry point, runs the light commands itself)."""
    guarded(_click_main)


if __name__ == "__main__":
    run()
