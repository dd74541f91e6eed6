"""The jinja2 page, fragments and reports, as HTML text."""
import re
from pathlib import Path

import pytest
from synthetic import XSS_IMG, XSS_SCRIPT, hostile_timeline, small_timeline

from timeline.errors import InputError
from timeline.render import fragment, page, plotlyjs_tag, report, write_plotlyjs

ROOT = Path(__file__).resolve().parents[2]
PLOTLYJS_BANNER = "plotly.js v"


def test_default_page_is_self_contained_and_offline():
    html = page(small_timeline())
    assert html.count(PLOTLYJS_BANNER) == 1
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html)
    assert '"showSendToCloud": false' in html


def test_page_has_title_chart_table_undated_sources_and_howto():
    html = page(small_timeline())
    assert "<h1>Iraq militia timeline</h1>" in html
    assert 'id="timeline-chart"' in html and 'id="events"' in html and 'id="event-search"' in html
    assert html.count("<tr") == 1 + 8  # header + every event, undated included
    assert "1 event without a date" in html and "Group denied responsibility" in html
    assert '8</span> events (<span id="undated-count">1</span> undated)' in html
    assert "Militia attacks base" in html and "How to read this" in html


def test_untrusted_text_is_escaped_everywhere_in_the_page():
    html = page(hostile_timeline())
    assert XSS_SCRIPT not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_plotlyjs_cdn_and_directory_modes(tmp_path):
    cdn = page(small_timeline(), plotlyjs="cdn")
    assert PLOTLYJS_BANNER not in cdn and 'src="https://cdn.plot.ly/plotly-' in cdn
    local = page(small_timeline(), plotlyjs="directory")
    assert 'src="plotly.min.js"' in local and PLOTLYJS_BANNER not in local
    assert PLOTLYJS_BANNER in write_plotlyjs(tmp_path).read_text()


def test_fragment_has_no_plotlyjs_and_a_stable_id():
    a, b = fragment(small_timeline()), fragment(small_timeline())
    assert a == b and PLOTLYJS_BANNER not in a and "plotly_click" in a


def test_user_template_overrides_and_extends_base(tmp_path):
    custom = tmp_path / "mine.html"
    custom.write_text('{% extends "base.html" %}{% block content %}<h1>Mine: {{ timeline.title }}</h1>'
                      '{{ chart }}{% endblock %}')
    html = page(hostile_timeline(), template=str(custom))
    assert "<h1>Mine: Attack &lt;script&gt;" in html and "plotly-graph-div" in html
    with pytest.raises(InputError):
        page(small_timeline(), template=str(tmp_path / "missing.html"))


def test_report_example_embeds_two_charts_with_plotlyjs_once():
    html = report(str(ROOT / "samples" / "report" / "report.html.j2"), title="R", intro=XSS_IMG,
                  first=small_timeline(), second=hostile_timeline())
    assert html.count(PLOTLYJS_BANNER) == 1
    assert 'id="timeline-chart-1"' in html and 'id="timeline-chart-2"' in html
    assert "<img src=x" not in html


def test_plotlyjs_tag_rejects_unknown_mode():
    with pytest.raises(InputError.__mro__[1]):
        plotlyjs_tag("somewhere")


def test_html_pieces_are_markup_and_concatenate_into_a_page():
    """plotlyjs_tag(), fragment(), page() and report() are all Markup: `+` keeps them HTML (a plain
    str among them would be escaped, or would escape them, so the chart would never draw)."""
    from markupsafe import Markup

    tl = small_timeline()
    pieces = [plotlyjs_tag(), plotlyjs_tag("cdn"), fragment(tl), page(tl),
              report(str(ROOT / "samples" / "report" / "report.html.j2"), title="R", first=tl, second=tl)]
    assert all(type(p) is Markup for p in pieces)
    joined = Markup("<!doctype html><html><head>") + plotlyjs_tag() + Markup("</head><body>") + fragment(tl)
    assert str(fragment(tl)) in joined and "&lt;div" not in joined
    assert joined.count("<script") == 1 + fragment(tl).count("<script")
