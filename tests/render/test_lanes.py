"""Lanes and sub-lanes: dense events never share a spot."""
from synthetic import day, event, month, random_timeline, small_timeline

from timeline.render.lanes import assign_lanes, lane_of, stack
from timeline.render.views import event_views


def test_stack_puts_overlapping_spans_on_new_rows_and_reuses_free_ones():
    assert stack([(0, 1), (0, 1), (0.5, 2), (3, 4)], min_width=0, max_rows=5) == [0, 1, 2, 0]


def test_stack_gives_points_a_minimum_width():
    assert stack([(0, 0), (0.5, 0.5), (2, 2)], min_width=1, max_rows=5) == [0, 1, 0]


def test_stack_reuses_the_row_that_frees_first_when_capped():
    assert stack([(0, 5), (0, 3), (1, 2)], min_width=0, max_rows=2) == [0, 1, 1]


def test_same_day_events_in_one_lane_get_different_rows():
    views = event_views(small_timeline())
    lanes = assign_lanes(views, "type")
    same_day = [lanes.rows[i] for i, v in enumerate(views) if v.start and v.start.isoformat() == "2021-07-07"]
    assert len(same_day) == 2 and len(set(same_day)) == 2


def test_no_two_marks_overlap_in_a_dense_timeline():
    views = event_views(random_timeline(300))
    lanes = assign_lanes(views, "type")
    taken = {}
    for i, row in lanes.rows.items():
        v = views[i]
        for other in taken.get(row, []):
            assert v.end < other.start or other.end < v.start, (v.event.id, other.event.id)
        taken.setdefault(row, []).append(v)


def test_lanes_are_separated_and_labelled_in_taxonomy_order():
    lanes = assign_lanes(event_views(small_timeline()), "type")
    assert [name for _, name in lanes.labels] == ["ATTACK", "ELECTION_VOTE", "MEETING_TALKS", "PLAN_DEADLINE"]
    assert len(lanes.separators) == 3


def test_lane_keys_by_source_actor_and_status():
    tl = small_timeline()
    tl.events[0].mentions.append(tl.events[1].mentions[0])  # now in two sources
    tl.events[0].actors = ["Kataib Hezbollah"]
    views = {v.event.id: v for v in event_views(tl)}
    assert lane_of(views["e1"], "source") == "several sources"
    assert lane_of(views["e3"], "source") == "Example News"
    assert lane_of(views["e1"], "actor") == "Kataib Hezbollah"
    assert lane_of(views["e3"], "actor") == "no actor named"
    assert lane_of(views["e5"], "status") == "deadline"


def test_undated_events_get_no_row():
    tl = small_timeline()
    views = event_views(tl)
    lanes = assign_lanes(views, "type")
    assert len(lanes.rows) == sum(1 for v in views if v.dated) == 7


def test_month_event_spans_its_month():
    v = event_views(small_timeline().model_copy(update={"events": [event(1, "x", month(2020, 2))]}))[0]
    assert (v.start.isoformat(), v.end.isoformat(), v.is_range) == ("2020-02-01", "2020-02-29", True)
    w = event_views(small_timeline().model_copy(update={"events": [event(1, "x", day("2020-02-03"))]}))[0]
    assert not w.is_range
