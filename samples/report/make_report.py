"""Build the example report: two timelines from the bundled samples and a paragraph of text.

    python3 samples/report/make_report.py [-o output/report.html]

The template beside this script loads plotly.js once ({{ plotlyjs() }}) and embeds each chart
with {{ chart(timeline) }}; see the README section "Embedding and reports".
"""
from __future__ import annotations

import argparse
from pathlib import Path

from timeline.atomic import write_atomic
from timeline.pipeline import extract
from timeline.render import report
from timeline.settings import Settings

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
INTRO = ("Two views of the same conflict: a militia's campaign against US forces in Iraq as one "
         "newspaper told it in 2021, and the January 2020 missile attack on Al Asad air base as the "
         "Pentagon's own statements reported it, lane by lane for each source.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="output/report.html")
    args = parser.parse_args()
    first = extract([str(SAMPLES / "iraq-militia-2021-08-02.txt")],
                    Settings(title="Iraq's militias and US forces"))
    second = extract([str(SAMPLES / "al-asad-2020")], Settings(title="The Al Asad missile attack, January 2020"))
    html = report(str(HERE / "report.html.j2"), title="Timelines in a report", intro=INTRO,
                  first=first, second=second)
    write_atomic(args.output, html)
    print(f"{args.output}: {len(first.events)} + {len(second.events)} events")


if __name__ == "__main__":
    main()
