"""The plotly figure, checked as an object (not pixels)."""
import json

from synthetic import XSS_SCRIPT, hostile_timeline, random_timeline, small_timeline

from timeline.render import figure, figure_json, fragment
from timeline.render.chart import CARD_COLUMN, URL_COLUMN
from timeline.render.views import STYLE

DAY_MS = 86_400_000


def marks(fig):
    """(trace, point index) for every event mark: markers and range bars, not helper traces."""
    out = []
    for t in fig.data:
        if t.type == "bar" or t.mode == "markers":
            out += [(t, i) for i, y in enumerate(t.y) if y is not None]  # legend-only entries: None
    return out


def test_date_axis_with_range_slider_and_buttons():
    fig = figure(small_timeline())
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.xaxis.rangeslider.visible
    labels = [b.label for b in fig.layout.xaxis.rangeselector.buttons]
    assert labels[-1] == "all" and "1y" in labels


def test_one_mark_per_dated_event():
    tl = small_timeline()
    assert len(marks(figure(tl))) == sum(1 for e in tl.events if e.date) == 7


def test_month_and_year_end_dates_are_ranges_with_their_display_text():
    bars = [t for t in figure(small_timeline()).data if t.type == "bar"]
    by_text = {row[1]: (base, width) for t in bars for row, base, width in zip(t.customdata, t.base, t.x)}
    assert by_text["January 2020"] == ("2020-01-01", 31 * DAY_MS)
    assert by_text["end of 2021"] == ("2021-10-01", 92 * DAY_MS)
    points = [x for t in figure(small_timeline()).data if t.type == "scatter" and t.mode == "markers"
              for x in (t.x or []) if x]
    assert not any(x.startswith("2020-01-01") or x.startswith("2021-10") for x in points), \
        "a month or year date must not also be drawn as a precise day"


def test_legend_toggles_whole_type_and_shapes_follow_status():
    fig = figure(small_timeline())
    meeting = [t for t in fig.data if t.legendgroup == "MEETING_TALKS"]
    assert sum(t.showlegend is not False for t in meeting) == 1
    points = next(t for t in meeting if t.customdata)
    by_status = {row[3]: s for row, s in zip(points.customdata, points.marker.symbol)}
    assert by_status["happened"] != by_status["planned"]
    assert len(set(STYLE["status_symbols"].values())) == len(STYLE["status_symbols"])
    patterns = [t.marker.pattern.shape for t in fig.data if t.type == "bar" and t.legendgroup == "PLAN_DEADLINE"]
    assert patterns == [("x",)]


def test_hover_holds_headline_date_type_status_evidence_and_sources():
    fig = figure(small_timeline())
    attack = next(t for t in fig.data if t.legendgroup == "ATTACK" and t.type == "scatter" and t.customdata)
    row = next(r for r in attack.customdata if r[0] == "Rockets hit the base")
    assert row[1] == "7 July 2021" and row[2] == "Attack" and row[3] == "happened"
    assert row[4] == "Rockets hit the base." and row[5] == "Example Wire"
    assert row[URL_COLUMN] == "https://wire.example/b2"
    assert "8 July 2021" in row[7]
    for i in range(6):
        assert f"customdata[{i}]" in attack.hovertemplate


def test_conflicting_dates_are_drawn():
    fig = figure(small_timeline())
    conflict = next(t for t in fig.data if t.name == "dates sources disagree on")
    assert "2021-07-08" in conflict.x and conflict.line.dash == "dot"


def test_untrusted_text_is_escaped_in_hover_bar_text_labels_and_customdata():
    """Everything plotly renders as markup is escaped; the card's record (CARD_COLUMN) stays plain
    text, which the page's script only ever sets as textContent."""
    fig = figure(hostile_timeline(), lanes="actor").to_plotly_json()
    cards = [row[CARD_COLUMN] for t in fig["data"] for row in t.get("customdata", [])]
    for t in fig["data"]:
        t["customdata"] = [row[:CARD_COLUMN] for row in t.get("customdata", [])]
    fig["layout"].pop("meta")
    dumped = json.dumps(fig, default=str)
    assert XSS_SCRIPT not in dumped and "<img" not in dumped
    assert "&lt;script&gt;" in dumped
    html = fragment(hostile_timeline(), lanes="actor")
    assert XSS_SCRIPT not in html and "<img" not in html
    urls = [r[URL_COLUMN] for t in fig["data"] for r in t["customdata"]]
    urls += [source[1] for card in cards for source in card["sources"]]
    assert "" in urls and all(u == "" or u.startswith("https://") for u in urls), \
        "a javascript: URL must never become clickable"


def test_large_timelines_switch_to_webgl():
    fig = figure(random_timeline(2500))
    kinds = {t.type for t in fig.data if t.legend != "legend2"}
    assert "scattergl" in kinds and "bar" not in kinds
    assert len(marks(fig)) == 2500
    assert figure(random_timeline(50)).data[0].type == "scatter"


def test_lanes_by_status_and_figure_json():
    fig = figure(small_timeline(), lanes="status")
    assert "planned" in fig.layout.yaxis.ticktext
    data = json.loads(figure_json(small_timeline()))
    assert data["layout"]["xaxis"]["type"] == "date"


def test_timeline_shows_itself_in_jupyter(monkeypatch):
    html = small_timeline()._repr_html_()
    assert "plotly-graph-div" in html and "plotly.js v" not in html
    import plotly.io as pio

    monkeypatch.setattr(pio.renderers, "default", "plotly_mimetype")  # what JupyterLab uses
    bundle = small_timeline()._repr_mimebundle_()
    assert bundle["application/vnd.plotly.v1+json"]["layout"]["xaxis"]["type"] == "date"


def test_conflict_note_names_the_source_that_gives_the_other_date():
    from timeline.models import MergeEvidence, MergeSource
    from synthetic import day

    tl = small_timeline()
    rockets = tl.events[1]
    rockets.merged = MergeEvidence(score=0.9, sources=[
        MergeSource(event="a", document="d2", type="ATTACK", status="occurred", date=rockets.date),
        MergeSource(event="b", document="d1", type="ATTACK", status="occurred", date=day("2021-07-08"))])
    attack = next(t for t in figure(tl).data if t.legendgroup == "ATTACK" and t.type == "scatter" and t.customdata)
    row = next(r for r in attack.customdata if r[0] == "Rockets hit the base")
    assert "8 July 2021 (Example News)" in row[7]


def test_a_before_date_is_drawn_at_its_last_day_pointing_back():
    from synthetic import documents, event

    from timeline.models import EventDate, Timeline
    from timeline.render.exports import to_csv
    before = EventDate(value="2011-07", mod="BEFORE", start=None, end="2011-06-30", granularity="month",
                       display="before July 2011")
    tl = Timeline(title="t", documents=documents(), events=[
        event(1, "Referendum held", before, "ELECTION_VOTE"), event(2, "Camp bombed", None)])
    [(trace, i)] = marks(figure(tl))
    assert trace.x[i] == "2011-06-30" and trace.marker.symbol[i] == STYLE["open_before_symbol"]
    assert "before July 2011" in json.dumps(trace.customdata[i])
    row = next(line for line in to_csv(tl).splitlines() if line.startswith("e1,"))
    assert row.startswith("e1,,2011-06-30,before July 2011,")


def test_legends_list_every_type_and_kind_of_mark_drawn_and_nothing_else():
    """The plotly legend (exports, fragments) and the page's legend name exactly what is drawn,
    in human words, including the "before a date" mark and the rough-date bar."""
    from synthetic import documents, event

    from timeline.models import EventDate, Timeline
    from timeline.render.pages import legend_items
    from timeline.render.views import event_views

    before = EventDate(value="2011-07", mod="BEFORE", start=None, end="2011-06-30", granularity="month",
                       display="before July 2011")
    tl = small_timeline()
    tl.events.append(event(99, "Referendum held", before, "APPOINTMENT_RESIGNATION"))
    fig = figure(tl)
    drawn_types = {t.legendgroup for t, _ in marks(fig)}
    type_entries = [t for t in fig.data if t.showlegend is not False and t.legend != "legend2"
                    and t.legendgroup in drawn_types]
    assert {t.legendgroup for t in type_entries} == drawn_types
    assert "Appointment / resignation" in {t.name for t in type_entries}
    mark_entries = {t.marker.symbol: t.name for t in fig.data if t.legend == "legend2"}
    drawn_symbols = {s for t, i in marks(fig) if t.type != "bar"
                     for s in [t.marker.symbol[i] if isinstance(t.marker.symbol, tuple) else t.marker.symbol]}
    assert drawn_symbols <= set(mark_entries) and STYLE["open_before_symbol"] in mark_entries
    assert "square" in mark_entries  # the bars
    page_legend = legend_items(event_views(tl))
    assert {t for t, _, _ in page_legend["types"]} == drawn_types
    assert [m for _, m in page_legend["marks"]] == list(mark_entries.values())


def test_hover_names_who_and_where_escaped():
    from timeline.models import Event
    from timeline.render.chart import _who_where
    event = Event(id="e", type="ATTACK", status="occurred", headline="h", actors=["<Iran>"], places=["Al Asad Air Base"])
    line = _who_where(event)
    assert "Who: &lt;Iran&gt;; where: Al Asad Air Base" in line
    assert _who_where(Event(id="e", type="ATTACK", status="occurred", headline="h", places=["Kabul"])) == "<br>Where: Kabul"
    assert _who_where(Event(id="e", type="ATTACK", status="occurred", headline="h")) == ""


def test_hover_tells_why_sources_were_merged_and_what_was_refused():
    from timeline.models import MergeEvidence, MergeSource

    tl = small_timeline()
    rockets = tl.events[1]
    rockets.merged = MergeEvidence(score=0.9, reasons=[
        "2 reports in 2 documents", "words in several documents: rocket (2), base (2)",
        "refused: Rockets <b>hit</b> a camp (d3): dates 2021-07-01 and 2021-07-08 are 7 days apart"], sources=[
        MergeSource(event="a", document="d2", type="ATTACK", status="occurred", date=rockets.date),
        MergeSource(event="b", document="d1", type="ATTACK", status="occurred", date=rockets.date)])
    attack = next(t for t in figure(tl).data if t.legendgroup == "ATTACK" and t.type == "scatter" and t.customdata)
    row = next(r for r in attack.customdata if r[0] == "Rockets hit the base")
    note = row[7].replace("<br>", " ")    # wrapped for the hover box
    assert "Merged: 2 reports in 2 documents; words in several documents: rocket (2)" in note
    assert "refused: Rockets &lt;b&gt;hit&lt;/b&gt; a camp" in note
