"""A command costs only what it uses: lazy imports, `timeline times` without events or merging,
and no worker pool for inputs one process finishes sooner."""
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cli_helpers import ROOT, SEED, env, timeline  # noqa: E402
from timeline import parallel  # noqa: E402
from timeline.models import Document  # noqa: E402
from timeline.settings import Settings  # noqa: E402


def modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, env=env(), cwd=ROOT, check=True).stdout
    return set(out.split())


def test_importing_the_package_imports_no_stage():
    loaded = modules_after("import timeline")
    assert not {"pydantic", "timeline.models", "timeline.pipeline", "timeline.events"} & loaded


def test_the_public_names_still_resolve():
    import timeline

    assert timeline.Timeline.__name__ == "Timeline" and callable(timeline.extract)
    assert set(timeline.__all__) <= set(dir(timeline))


def test_version_and_times_import_neither_click_nor_pydantic(tmp_path):
    """The entry point runs `--version` and `times` itself: their start-up was mostly click,
    pydantic and building the models."""
    run = "from timeline.launch import run\ntry:\n run()\nexcept SystemExit:\n pass"
    version = modules_after("import sys; sys.argv = ['timeline', '--version']\n" + run)
    assert not {"click", "pydantic", "timeline.models"} & version
    article = tmp_path / "a.txt"
    article.write_text("published: 2021-08-02\n\nRockets struck on Sunday.\n")
    times = modules_after(f"import sys; sys.argv = ['timeline', 'times', {str(article)!r}, '-q']\n" + run)
    assert "timeline.times" in times
    assert not {"click", "pydantic", "timeline.models", "timeline.events", "timeline.merge", "rapidfuzz",
                "multiprocessing"} & times


def test_version_is_what_click_prints():
    assert timeline("--version").stdout == subprocess.run(
        [sys.executable, "-m", "timeline.cli", "--version"], capture_output=True, text=True, env=env(),
        cwd=ROOT).stdout.replace("timeline.cli", "timeline")


def test_the_light_times_parser_takes_the_click_commands_options():
    """`timeline times` is parsed by argparse (timeline.launch) and, for --help and errors, by
    click (timeline.cli): both are built from console.INPUT_OPTIONS, plus --published."""
    from timeline.cli import main
    from timeline.launch import times_arguments

    click_flags = {flag for p in main.commands["times"].params for flag in p.opts if flag.startswith("-")}
    light = times_arguments(["a.txt", "--published", "2021-08-02", "-j", "2", "--engine", "dask",
                             "--scheduler", "tcp://h:1", "--fetch", "--allow-private", "--text-column", "body",
                             "--lang", "fr-FR", "-q", "-v"])
    run = light["run"]
    assert (light["inputs"], light["published"], run.jobs, run.engine, run.scheduler, run.lang) == \
        (["a.txt"], "2021-08-02", 2, "dask", "tcp://h:1", "fr")
    assert run.fetch and run.allow_private and run.quiet and run.verbose and run.columns == (("text", "body"),)
    from timeline.console import INPUT_OPTIONS

    assert click_flags == {f for o in INPUT_OPTIONS for f in o.flags} | {"--published"}
    for left_to_click in (["a.txt", "--help"], [], ["a.txt", "-j", "-1"], ["a.txt", "--engine", "x"],
                          ["a.txt", "--no-such-option"], ["a.txt", "--pub", "2021-08-02"]):
        assert times_arguments(left_to_click) is None, left_to_click


def test_times_lines_are_the_models_json(tmp_path):
    """`timeline times` writes JSON it makes itself: byte for byte the models' JSON, whatever the
    characters (quotes, backslashes, control characters, non-ASCII, line separators)."""
    from timeline.models import Document
    from timeline.pipeline import time_lines
    from timeline.times import tag_document

    odd = 'a "quoted" \\ id \x01\x1f\u2028 \u00e9\U0001F600'
    doc = Document(id=odd, published="2021-08-02", lang="en",
                   text="On Sunday\u2028 \u00e9t\u00e9 \"3 March 2022\", \tnext week; \x0bin 2011.")
    expected = sorted({(t.start, t.end, t.model_dump_json()) for t in tag_document(doc)})
    assert time_lines(doc) == [line for _, _, line in expected] and len(expected) >= 3


def test_times_prints_what_extract_lists_for_one_document(tmp_path):
    out = tmp_path / "seed.json"
    assert timeline("extract", SEED, "-o", out).returncode == 0
    expected = [json.dumps(t, ensure_ascii=False, separators=(",", ":"))
                for t in json.loads(out.read_text())["time_expressions"]]
    result = timeline("times", SEED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == expected and len(expected) > 3
    assert result.stderr.strip() == f"timeline: 1 document, {len(expected)} time expressions, 0 warnings"


def test_times_writes_documents_in_input_order(tmp_path):
    corpus = tmp_path / "c.jsonl"
    texts = ["Rockets struck on Sunday.", "Talks open on 3 March 2022.", "Nothing dated.",
             "Troops left in 2011 and came back a year later."]
    with corpus.open("w") as f:
        for i, text in zip("zyxw", texts):
            f.write(json.dumps({"id": i, "published": "2021-08-02", "text": text}) + "\n")
    result = timeline("times", corpus, "-q")
    documents = [json.loads(line)["document"] for line in result.stdout.splitlines()]
    assert list(dict.fromkeys(documents)) == ["c.jsonl#z", "c.jsonl#y", "c.jsonl#w"]
    assert timeline("times", corpus, "-q", "--jobs", "2").stdout == result.stdout


def documents(n: int, size: int) -> list[Document]:
    return [Document(id=str(i), text="x" * size) for i in range(n)]


def test_no_pool_for_input_one_process_finishes_sooner(monkeypatch):
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    small = documents(400, 1000)        # 0.4 MB: less than a pool costs to start
    head, workers = parallel._read_ahead(iter(small), Settings(jobs=0), "extract")
    assert workers == 0 and len(head) == 400
    large = documents(400, 10_000)      # 4 MB: a pool, decided after reading only what it takes
    head, workers = parallel._read_ahead(iter(large), Settings(jobs=0), "extract")
    assert workers == 2 and len(head) == parallel.POOL_FROM_CHARS["extract"] // 10_000
    head, workers = parallel._read_ahead(iter(large), Settings(jobs=0), "times")
    assert workers == 0, "time expressions alone are fast enough for one process at 4 MB"
    assert parallel._read_ahead(iter(large), Settings(jobs=1), "extract")[1] == 0
    assert parallel._read_ahead(iter(small), Settings(jobs=3), "extract")[1] == 3


def test_one_core_starts_no_pool(monkeypatch):
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert parallel._read_ahead(iter(documents(400, 10_000)), Settings(jobs=0), "extract")[1] == 0
