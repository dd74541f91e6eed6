"""Pathological text finishes within a bound proportional to its size and gives sensible output.

Each case runs in a child process with a generous CPU-time limit (about 10x the CPU time it takes
here), so a regex backtracking blow-up fails the test instead of hanging the suite. Limits are per
MB and in CPU seconds (a busy machine does not fail them): no assertion beyond "did not blow up".
"""
from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from timeline import render
from timeline.models import Document
from timeline.pipeline import extract_document
from timeline.times import tag_document

SECONDS_PER_MB = 100  # dense dates take 10-30 CPU seconds per MB here; a blow-up takes hours
FLOOR = 30            # interpreter start-up and rule compilation


def limit(size: int) -> float:
    return FLOOR + SECONDS_PER_MB * size / 2**20


CHILD = textwrap.dedent("""
    import json, sys
    from timeline.models import Document
    from timeline.pipeline import extract_document
    text = eval(sys.stdin.read())   # a short Python expression building the text
    tl = extract_document(Document(id="d", text=text, published="2021-08-02"))
    print(json.dumps({"size": len(text), "times": [t.value for t in tl.time_expressions][:50],
                      "n_times": len(tl.time_expressions), "events": len(tl.events)}))
""")


def run_limited(argv: list[str], size: int, **kwargs) -> subprocess.CompletedProcess:
    """Run a child with a CPU-time limit proportional to `size` (CPU time, so a loaded machine
    does not fail the test; the wall-clock timeout only catches a child that never runs)."""
    cpu = int(limit(size))

    def cap():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))

    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20 * cpu, preexec_fn=cap,
                              **kwargs)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv[-1][:60]}: no result within {20 * cpu} s of wall time ({size} characters)")
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"{argv[-1][:60]}: more than {cpu} s of CPU time ({size} characters)")
    return done


def pipeline_on(expression: str, size: int) -> dict:
    """Run the whole per-document pipeline on the text `expression` builds, within the limit."""
    done = run_limited([sys.executable, "-c", CHILD], size, input=expression)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    assert out["size"] == size
    return out


# name -> a Python expression building the text (the child evaluates it: no 10 MB argument)
CASES = {
    "10 MB of digits": '"7" * 10_000_000',
    "a million commas": '"," * 1_000_000',
    "numbers and spaces": '" ".join(str(i) for i in range(50_000))',
    "a 1 MB line of clauses without full stops":
        '"The attack happened on Monday and officials said talks would follow " * 16_000',
    "dense dates": '"On 12 March 2021 and 2021-03-12, 3/12/2021 " * 5_000',
    "deep brackets": '"(" * 100_000 + "Monday" + ")" * 100_000',
    "deeply nested HTML-like text": '"<div>" * 50_000 + "Talks on Monday." + "</div>" * 50_000',
    "every Unicode code point": '"".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)',
    "right-to-left text": ('"\u0642\u0627\u0644 \u0627\u0644\u0645\u0633\u0624\u0648\u0644\u0648\u0646 '
                           '\u202bMonday\u202c \u200f2021 " * 2_000'),
}
NO_EVENTS = ("10 MB of digits", "a million commas", "deep brackets")


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_text_finishes(name):
    expression = CASES[name]
    out = pipeline_on(expression, len(eval(expression)))
    if name in NO_EVENTS:
        assert out["events"] == 0
    if name == "deep brackets":
        assert out["n_times"] == 1


def test_long_clause_is_linear():
    """A clause with thousands of dates used to rescan the clause for each (quadratic)."""
    small = pipeline_on('"The attack happened on Monday and officials said talks would follow " * 2_000',
                        68 * 2000)
    assert small["n_times"] == 2000


def values(text: str, published: str = "2021-08-02") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_document(Document(id="d", text=text, published=published))]


def test_edge_years_are_never_replaced_by_the_publication_year():
    """Years outside 1000-2099 are not read; a day before one is then left out, not dated to the
    publication year (negatives.toml: "a day whose year we cannot read")."""
    found = dict(values("The treaty of January 1, 0001 and the deadline of December 31, 9999 were "
                        "cited on March 3, 2020."))
    assert found == {"March 3, 2020": "2020-03-03"}


EDGE_TEXT = "Yesterday, last year and next month the bombing on Monday killed ten people, police said."


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_edge_years_as_publication_dates(published):
    """Relative dates that would leave years 1-9999 stay unresolved; intervals stay real days."""
    tl = extract_document(Document(id="d", text=EDGE_TEXT, published=published))
    assert tl.time_expressions and tl.events
    for t in tl.time_expressions:
        if t.interval and t.interval.start:
            date.fromisoformat(t.interval.start), date.fromisoformat(t.interval.end)
    render.to_csv(tl), render.timelinejs_json(tl)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_edge_years_on_the_page(published):
    render.page(extract_document(Document(id="d", text=EDGE_TEXT, published=published)), plotlyjs="cdn")


def test_february_30_is_not_a_day():
    """An impossible day must not become another real day (no March 2) nor an interval."""
    doc = Document(id="d", text="The meeting was set for February 30, 2021, officials said.",
                   published="2021-08-02")
    for t in tag_document(doc):
        assert not t.value.startswith("2021-03"), t
        if t.interval and t.interval.start:
            date.fromisoformat(t.interval.start), date.fromisoformat(t.interval.end)


def test_a_future_decade():
    found = values("By the 2040s the coastline will have moved inland.")
    assert ("the 2040s", "204") in found or any(v == "204" for _, v in found), found


@pytest.mark.parametrize("text", ["The city was founded in 500 BC and sacked in 410 AD.",
                                  "Rome fell, historians say, around 476 CE after 500 BCE wars."])
def test_bce_years_never_become_common_era_dates(text):
    """500 BC is not the year 0500 (nor today's anything): left out or kept BC."""
    for span, value in values(text):
        if "BC" in span or "BCE" in span:
            assert value.startswith(("-", "BC")), (span, value)
        assert not value.startswith("0500"), (span, value)


BODY = "The attack on Monday killed five people, officials said on Tuesday in Baghdad. " * 5


@pytest.mark.parametrize("depth, readable", [(200, True), (100_000, False)])
def test_deeply_nested_html(tmp_path, depth, readable):
    """The HTML reader copes with any depth: text found, or (past the parser's depth limit)
    the clear refusal; never a crash or a hang."""
    page = tmp_path / "nested.html"
    page.write_text("<html><head><title>T</title></head><body>" + "<div>" * depth + f"<p>{BODY}</p>"
                    + "</div>" * depth + "</body></html>")
    done = run_limited([sys.executable, "-m", "timeline", "extract", str(page), "-q", "--jobs", "1",
                        "--published", "2021-08-02", "-o", str(tmp_path / "out.json")], page.stat().st_size)
    assert "Traceback" not in done.stderr
    if readable:
        assert done.returncode == 0, done.stderr
        assert json.loads((tmp_path / "out.json").read_text())["events"]
    else:
        assert done.returncode in (0, 2), done.stderr
        assert done.returncode == 0 or "no article text" in done.stderr


def test_relative_dates_past_9999_do_not_wrap():
    for text, value in values("Next decade and the next century were promised.", "9999-12-31"):
        assert not value[:1].isdigit() or value >= "9999"[:len(value)], (text, value)


TIMES_CHILD = textwrap.dedent("""
    import sys
    from timeline.models import Document
    from timeline.times import tag_document
    text = eval(sys.stdin.read())
    print(len(tag_document(Document(id="d", text=text, published="2021-08-02"))))
""")


def test_finder_is_linear_on_a_long_line_of_the():
    """Every "the" looked ahead to the end of a punctuation-free run for "-quarter" (quadratic:
    ~2 minutes of CPU for this 2 MB line, now ~4 s)."""
    expression = '"The attack happened on Monday and officials said talks would follow " * 32_000'
    size = 68 * 32_000
    done = run_limited([sys.executable, "-c", TIMES_CHILD], size // 4, input=expression)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) == 32_000
