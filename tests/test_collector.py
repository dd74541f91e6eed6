import gc

from timeline.collector import collector_paused


def test_what_a_paused_stage_made_is_not_traversed_again_as_young():
    """Left young, what a stage made would be traversed by the next collections of the young and
    middle generations; it goes straight to the oldest."""
    gc.collect()        # the counts start from nothing: the next collection is a young one
    with collector_paused():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]       # containers: tracked by the collector
    enabled = gc.isenabled()
    gc.disable()        # no collection while the generations are read
    try:
        young = {id(o) for g in (0, 1) for o in gc.get_objects(generation=g)}
        oldest = {id(o) for o in gc.get_objects(generation=2)}
    finally:
        gc.enable()
    assert enabled
    assert all(id(o) not in young and id(o) in oldest for o in made)
