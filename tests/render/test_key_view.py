"""A long timeline's page opens on its key events: chart, switch to all, the story so far."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from synthetic import TYPES, day, mention

from timeline.models import Document, Event, Timeline
from timeline.render import page

EVENTS = 200


def long_timeline() -> Timeline:
    """200 events on 200 days, reported by 1 to 7 of 20 articles each."""
    docs = [Document(id=f"d{k}", source=f"Outlet {k % 4}", published="2021-12-31", text="...") for k in range(20)]
    events = []
    for i in range(EVENTS):
        d = (date(2021, 1, 1) + timedelta(days=i)).isoformat()
        reporters = [f"d{(i + k) % 20}" for k in range(i % 7 + 1)]
        events.append(Event(id=f"e{i:03d}", type=TYPES[i % len(TYPES)], status="occurred",
                            headline=f"Happening number {i} in the story", date=day(d),
                            mentions=[mention(r, f"Happening number {i} took place .") for r in reporters]))
    return Timeline(title="A long story", documents=docs, events=events)


@pytest.fixture(scope="module")
def long_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("key") / "long.html"
    path.write_text(page(long_timeline()), encoding="utf-8")
    return path


def test_short_timelines_have_no_key_view(tmp_path):
    from synthetic import small_timeline
    html = page(small_timeline())
    assert 'id="show-all"' not in html and 'id="story-list"' not in html


class Loaded:
    def __init__(self, browser, path):
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("#key-view .cartesianlayer", state="attached")


@pytest.fixture
def loaded(browser, long_page):
    p = Loaded(browser, long_page)
    yield p
    p.page.close()


def test_long_page_opens_on_key_events_and_switches_to_all(loaded, long_page):
    p = loaded
    key_marks = p.page.locator("#key-view .cartesianlayer .scatterlayer .trace:not(.tracelabels) path.point")
    all_marks = p.page.locator("#all-view .cartesianlayer .scatterlayer .trace:not(.tracelabels) path.point")
    assert p.page.locator("#key-view").is_visible() and not p.page.locator("#all-view").is_visible()
    story = p.page.locator("#story-list li")
    n = story.count()
    assert 5 <= n < EVENTS
    assert key_marks.count() == n
    # the story list and the key chart show the same events, in date order
    charted = p.page.evaluate("""() => document.getElementById('timeline-key-chart').data
        .flatMap(t => (t.customdata || []).map(c => c[1]))""")
    listed = [t.strip() for t in story.locator(".story-date").all_text_contents()]
    assert sorted(charted) == sorted(listed)
    ids = p.page.evaluate("() => Array.from(document.querySelectorAll('#story-list li')).map(li => li.dataset.event)")
    assert ids == sorted(ids)   # ids follow the days here: the list is in timeline order
    # the most reported events (7 articles: i % 7 == 6) are the key ones
    assert all(int(i[1:]) % 7 == 6 for i in ids)
    p.page.click("#show-all")
    assert p.page.locator("#all-view").is_visible() and not p.page.locator("#key-view").is_visible()
    assert all_marks.count() == EVENTS
    assert p.page.get_attribute("#show-all", "aria-pressed") == "true"
    p.page.click("#show-key")
    assert p.page.locator("#key-view").is_visible()
    assert p.errors == [] and p.requests == [long_page.as_uri()]


def test_story_list_names_a_few_sources_first_published_first_escaped():
    """A line reported by many articles shows their count and the first three published, not every
    source (a real story's line had ~250); names are escaped."""
    import re
    timeline = long_timeline()
    docs = [d.model_copy(update={"source": f"<b>Outlet {d.id}</b>", "published": f"2021-12-{31 - k:02d}"})
            for k, d in enumerate(timeline.documents)]
    html = page(timeline.model_copy(update={"documents": docs}))
    lines = re.findall(r'<li data-event="e(\d+)">.*?<span class="story-sources">\((.*?)\)</span></li>', html)
    assert lines and "<b>" not in html.split('id="story-list"')[1].split("</ol>")[0]
    for number, sources in lines:
        reporters = [(int(number) + k) % 20 for k in range(int(number) % 7 + 1)]
        first = sorted(reporters, reverse=True)[:3]   # a later document id was published earlier
        names = "; ".join(f"&lt;b&gt;Outlet d{k}&lt;/b&gt;" for k in first)
        assert sources == f"{len(reporters)} sources: {names} +{len(reporters) - 3} more"
