"""Page size, build time and zoom responsiveness for 100, 1,000 and 10,000 events.

    python3 bench/bench_page.py [--sizes 100 1000 10000] [--browser /usr/bin/chromium] [--no-browser]

For each size: a synthetic timeline (seeded, a fifth of the dates known only to the month,
six types, five statuses), `timeline.render.page()` timed (best of --repeat), the page's size,
and in headless Chromium the time until the chart is drawn and the time of an x-axis zoom
(Plotly.relayout, median of five). Above 2,000 events the chart uses WebGL markers.
"""
from __future__ import annotations

import argparse
import calendar
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from timeline.models import Document, Event, EventDate, Mention, Timeline
from timeline.render import page
from timeline.render.views import STYLE

TYPES = ("ATTACK", "STATEMENT", "MEETING_TALKS", "AGREEMENT", "PLAN_DEADLINE", "DEATH_INJURY")
STATUSES = ("occurred", "ongoing", "planned", "deadline", "claimed")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ZOOMS = [["2020-03-01", "2020-05-01"], ["2020-01-01", "2021-12-31"], ["2021-06-01", "2021-06-15"],
         ["2020-06-01", "2021-06-01"], ["2019-12-01", "2022-01-31"]]


def synthetic(n: int, seed: int = 7) -> Timeline:
    rng = random.Random(seed)
    docs = [Document(id=f"d{i}", title=f"Article {i}", url=f"https://news.example/{i}",
                     source=f"Outlet {i % 4}", published="2022-01-01", text="...") for i in range(20)]
    events = []
    for i in range(n):
        d = date(2020, 1, 1) + timedelta(days=rng.randrange(730))
        if i % 5 == 0:
            last = calendar.monthrange(d.year, d.month)[1]
            when = EventDate(value=f"{d:%Y-%m}", start=f"{d:%Y-%m}-01", end=f"{d:%Y-%m}-{last}",
                             granularity="month", display=f"{d:%B %Y}")
        else:
            when = EventDate(value=d.isoformat(), start=d.isoformat(), end=d.isoformat(),
                             granularity="day", display=f"{d.day} {d:%B %Y}")
        sentence = f"Event {i} happened in the city, officials said, according to several reports."
        events.append(Event(id=f"e{i}", type=rng.choice(TYPES), status=rng.choice(STATUSES),
                            headline=f"Event {i} happened", date=when,
                            mentions=[Mention(document=rng.choice(docs).id, start=0, end=len(sentence),
                                              sentence=sentence, trigger="happened", trigger_start=0,
                                              trigger_end=8)]))
    return Timeline(title=f"{n} events", documents=docs, events=events)


def build(tl: Timeline, repeat: int) -> tuple[str, float]:
    best, html = float("inf"), ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        html = page(tl)
        best = min(best, time.perf_counter() - t0)
    return html, best


def in_browser(browser, path: Path) -> tuple[float, float, float]:
    """(seconds until drawn, median zoom seconds, max zoom seconds, labels drawn after each zoom).
    A zoom counts until the page's script has put the labels for the new range on the chart."""
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    t0 = time.perf_counter()
    pg.goto(path.as_uri(), timeout=300_000)
    pg.wait_for_selector(".cartesianlayer", state="attached", timeout=300_000)
    loaded = time.perf_counter() - t0
    zooms = pg.evaluate("""async (ranges) => {
        const gd = document.getElementById('timeline-chart'), out = [];
        for (const r of ranges) {
            const t = performance.now();
            await Plotly.relayout(gd, {'xaxis.range': r});
            await gd.timelineLabels;
            await new Promise(requestAnimationFrame);
            out.push([(performance.now() - t) / 1000,
                      document.querySelectorAll('.cartesianlayer .tracelabels text').length]);
        }
        return out;
    }""", ZOOMS)
    pg.close()
    seconds = [s for s, _ in zooms]
    return loaded, statistics.median(seconds), max(seconds), [n for _, n in zooms]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    browser, pw = None, None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright
        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=args.browser, args=CHROMIUM_ARGS)
    load = os.getloadavg()[0]
    print(f"webgl above {STYLE['chart']['webgl_threshold']} events; {os.cpu_count()} cores, "
          f"load average {load:.1f} (browser times grow with it)")
    print(f"{'events':>7} {'build s':>8} {'page MB':>8} {'w/o plotly.js KB':>17} {'drawn s':>8} "
          f"{'zoom med s':>10} {'zoom max s':>10}  labels after each zoom")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            html, seconds = build(synthetic(n), args.repeat)
            path = Path(tmp) / f"page-{n}.html"
            path.write_text(html, encoding="utf-8")
            size = len(html.encode("utf-8"))
            own = size - len(page(Timeline(title="x")).encode("utf-8"))
            row = f"{n:>7} {seconds:>8.2f} {size / 1e6:>8.2f} {own / 1e3:>17.0f}"
            if browser:
                loaded, zoom_median, zoom_max, labels = in_browser(browser, path)
                row += f" {loaded:>8.2f} {zoom_median:>10.3f} {zoom_max:>10.3f}  {' '.join(map(str, labels))}"
            print(row, flush=True)
    if browser:
        browser.close()
        pw.stop()


if __name__ == "__main__":
    main()
