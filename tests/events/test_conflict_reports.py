"""One-paragraph conflict reports (ACLED style), written for these tests: each opens with its own
day ("On 5 March 2020", "On Monday", "Between 3 and 5 May", a wire dateline), and every event of
the paragraph happened on it. bench/conflict_reports.py scores the same file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.models import Document
from timeline.pipeline import extract_document

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
REPORTS = [json.loads(line) for line in (HERE / "conflict_reports.jsonl").read_text(encoding="utf-8").splitlines()
           if line.strip()]


def _events(text, published="2024-06-12"):
    return extract_document(Document(id="d", text=text, published=published)).events


def _on(event, day):
    return event.date is not None and day in (event.date.value, event.date.start)


@pytest.mark.parametrize("report", REPORTS, ids=[r["id"] for r in REPORTS])
def test_every_event_of_a_report_is_on_its_day(report):
    events = _events(report["text"], report["published"])
    assert any(e.type == report["type"] for e in events), [(e.type, e.headline) for e in events]
    assert all(_on(e, report["date"]) for e in events), \
        [(e.headline, e.date and e.date.value, e.mentions[0].date_rule) for e in events]


def test_a_parenthesis_telling_when_it_was_reported_dates_no_event():
    events = _events("On 6 March 2021 (reported on 8 March), militants attacked a police post in Kaya.")
    assert [e.date.value for e in events] == ["2021-03-06"], [(e.headline, e.mentions[0].date_rule) for e in events]


def test_the_narrative_date_carries_to_an_event_a_pattern_tells():
    # the pattern's own words say it is in the simple past ("went off", "planted")
    events = _events("On Monday, protesters marched through the capital. An explosive device went off near the market.")
    assert [e.date.value for e in events] == ["2024-06-10", "2024-06-10"], \
        [(e.headline, e.mentions[0].date_rule) for e in events]


def test_the_narrative_date_carries_with_its_rule():
    events = _events("On Monday, protesters marched through the capital. Police fired tear gas at the crowd.")
    fired = next(e for e in events if "tear gas" in e.headline)
    assert fired.date.value == "2024-06-10"
    assert fired.mentions[0].date_rule.startswith("narrative date: 10 June 2024")


@pytest.mark.parametrize("text", [
    # a new paragraph: a narrative of its own
    "On Monday, protesters marched through the capital.\nPolice fired tear gas at the crowd.",
    # the present perfect is told from now, the past perfect before the narrative's time
    "On Monday, protesters marched through the capital. Police have fired tear gas at crowds.",
    "On Monday, protesters marched through the capital. Police had fired tear gas at crowds.",
    # a plan's day is no narrative time
    "Protesters will march through the capital on Friday. Police fired tear gas at the crowd.",
])
def test_the_narrative_date_stops(text):
    fired = [e for e in _events(text) if "tear gas" in e.headline]
    assert all(not (e.mentions[0].date_rule or "").startswith("narrative date") for e in fired), \
        [(e.headline, e.mentions[0].date_rule) for e in fired]


@pytest.mark.parametrize("text, start, end", [
    ("Between 3 and 5 June, clashes between two armed groups displaced hundreds of families.", "2024-06-03", "2024-06-05"),
    ("Rebels attacked the town from Monday to Wednesday.", "2024-06-10", "2024-06-12"),
    ("On the night of 4-5 June, gunmen attacked the village, killing at least 130 people.", "2024-06-04", "2024-06-05"),
])
def test_a_range_dates_the_event_from_its_first_day(text, start, end):
    (event,) = _events(text)
    assert (event.date.value, event.date.start, event.date.end) == (start, start, end)
    assert not event.headline.lower().startswith(("between", "and")), event.headline
    assert event.status == "occurred"       # "5 June" ... "May": a month, no modal


def test_the_bench_scores_the_reports():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "conflict_reports.py"), str(HERE / "conflict_reports.jsonl")],
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1].startswith(f"{len(REPORTS)} reports: type ")


def test_the_bench_names_an_unreadable_file(tmp_path):
    bad = tmp_path / "reports.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "conflict_reports.py"), str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 2 and str(bad) in run.stderr and "Traceback" not in run.stderr
