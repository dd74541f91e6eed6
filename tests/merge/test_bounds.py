"""The candidate links of clustering held 8 bytes each (cluster._Bounds) come back in the order
the sorted (-bound, rank, rank) tuples give, each once, whether packed in runs or kept wide."""
from hypothesis import given, settings, strategies as st

from timeline.merge.cluster import _UNITS, _Bounds

LINKS = st.lists(st.tuples(st.floats(0.0, 12.0), st.integers(0, 40), st.integers(0, 40)), max_size=60)


def expected(links):
    return sorted({(-(int(b * _UNITS) + 1) / _UNITS, i, j) for b, i, j in links})


@settings(max_examples=200, deadline=None)
@given(LINKS, st.sampled_from([1, 3, 1 << 17]), st.booleans())
def test_links_come_back_strongest_first_each_once(links, run, wide_late):
    bounds = _Bounds(41)
    bounds.RUN = run
    for b, i, j in links:
        bounds.add(b, i, j)
    if wide_late:      # a bound too wide for 64 bits turns all into Python ints
        bounds.add(1e13, 0, 1)
        assert list(bounds) == expected(links + [(1e13, 0, 1)])
    else:
        assert list(bounds) == expected(links)


def test_many_ranks_leave_room_for_the_bound():
    bounds = _Bounds(1 << 20)
    bounds.add(9.5, (1 << 20) - 1, 3)
    assert bounds._wide is None and list(bounds) == [(-9500001 / _UNITS, (1 << 20) - 1, 3)]
