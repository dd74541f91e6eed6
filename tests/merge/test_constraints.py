"""Cluster-level constraints: what can never be one happening stays apart, however the links chain;
and merging stays near-linear when one story is printed by hundreds of outlets."""
from __future__ import annotations

import timeline.merge.build as build
from timeline.merge import merge_timelines
from timeline.merge.synthetic import day, event, month, timeline


def _week(value: str, first: str, last: str):
    from timeline.models import EventDate
    return EventDate(value=value, start=first, end=last, granularity="week", display="last week")


def _shooting(doc, date, headline, actors=(), published="2016-10-25"):
    return timeline(doc, [event(doc, 1, "DEATH_INJURY", date, headline, actors, "shot")], published=published)


def test_a_weak_chain_does_not_join_two_happenings_days_apart():
    # b links to a (a day apart) and to c (a day apart): a and c, two days apart, never meet
    a = _shooting("a", day("2016-10-20"), "Man shot dead outside a bar downtown", ["Police"])
    b = _shooting("b", day("2016-10-21"), "Man shot dead outside a bar downtown", ["Police"])
    c = _shooting("c", day("2016-10-22"), "Man shot dead outside a bar downtown", ["Police"])
    merged = merge_timelines([a, b, c])
    groups = sorted(sorted({m.document for m in e.mentions}) for e in merged.events)
    assert len(groups) == 2 and ["a", "c"] not in groups and not any(len(g) == 3 for g in groups)
    assert any(r.startswith("refused: ") and "2 days apart" in r for e in merged.events for r in e.merged.reasons)


def test_the_grouping_does_not_depend_on_the_order_of_a_chain():
    tls = [_shooting(d, day(f"2016-10-2{k}"), "Man shot dead outside a bar downtown", ["Police"])
           for k, d in enumerate("abcd")]
    first = merge_timelines(tls)
    assert merge_timelines(tls[::-1]) == first
    assert merge_timelines([merge_timelines(tls[2:]), merge_timelines(tls[:2])]) == first


def test_a_report_of_last_week_joins_the_day_it_contains_and_the_day_is_kept():
    a = _shooting("a", _week("2016-W42", "2016-10-17", "2016-10-23"), "Dan Caron shot dead in his driveway",
                  ["Dan Caron"])
    b = _shooting("b", day("2016-10-21"), "Dan Caron shot dead in his driveway", ["Dan Caron"])
    e = merge_timelines([a, b]).events
    assert len(e) == 1 and e[0].date.value == "2016-10-21" and not e[0].conflicts


def test_an_undated_report_never_takes_a_date_after_its_publication():
    dated = _shooting("a", day("2016-10-21"), "Father of four shot dead in the driveway of his home")
    before = _shooting("b", None, "Father of four shot dead in the driveway", published="2016-10-23")
    after = _shooting("c", None, "Father of four shot dead in the driveway", published="2016-10-10")
    assert len(merge_timelines([dated, before]).events) == 1
    assert len(merge_timelines([dated, after]).events) == 2


def test_one_story_printed_by_many_outlets_is_one_event_scored_once(monkeypatch):
    calls = []
    real = build.score
    monkeypatch.setattr(build, "score", lambda *a, **k: calls.append(1) or real(*a, **k))
    copies = [timeline(f"outlet{k:03d}", [
        event(f"outlet{k:03d}", 1, "ATTACK", day("2020-01-08"), "Iran fires missiles at Al Asad air base", ["Iran"]),
        event(f"outlet{k:03d}", 2, "STATEMENT", month("2020-01"), "Pentagon says no one was killed", ["Pentagon"],
              "says")]) for k in range(400)]
    merged = merge_timelines(copies)
    assert sorted(len(e.merged.sources) for e in merged.events) == [400, 400]
    assert len(calls) <= 10        # each distinct report once, not 400 x 399 / 2 pairs


def _placed(doc, date, headline, places=(), actors=(), sentence=None, trigger="shot", published="2016-11-06"):
    ev = event(doc, 1, "ATTACK", date, headline, actors, trigger)
    if sentence:
        t = sentence.find(trigger)
        m = ev.mentions[0].model_copy(update={"sentence": sentence, "end": 100 + len(sentence),
                                              "trigger_start": 100 + t, "trigger_end": 100 + t + len(trigger)})
        ev = ev.model_copy(update={"mentions": [m]})
    return timeline(doc, [ev.model_copy(update={"places": list(places)})], published=published)


def test_two_towns_far_apart_refuse_a_merge_and_the_refusal_names_them():
    gary = _placed("a", day("2016-11-05"), "Man found shot to death in the street", ["Gary"])
    waterbury = _placed("b", day("2016-11-05"), "Man found shot to death in the street", ["Waterbury"])
    merged = merge_timelines([gary, waterbury])
    assert len(merged.events) == 2
    reasons = [r for e in merged.events for r in e.merged.reasons if r.startswith("refused:")]
    assert reasons and "Gary" in reasons[0] and "Waterbury" in reasons[0]


def test_a_city_and_its_neighbourhood_are_one_place_and_a_state_holds_its_town():
    chicago = _placed("a", day("2016-11-18"), "Teen shot dead inside his home", ["Chicago"])
    englewood = _placed("b", day("2016-11-18"), "Teen shot dead inside his home", ["Englewood"])
    assert len(merge_timelines([chicago, englewood]).events) == 1
    town = _placed("c", day("2016-11-05"), "Man found shot to death in the street", ["Waterbury"])
    state = _placed("d", day("2016-11-05"), "Man found shot to death in the street", ["Connecticut"])
    other = _placed("e", day("2016-11-05"), "Man found shot to death in the street", ["Indiana"])
    assert len(merge_timelines([town, state]).events) == 1
    assert len(merge_timelines([town, other]).events) == 2


def test_a_town_named_with_its_state_as_who_acted_is_a_place_a_surname_is_not():
    dateline = _placed("a", day("2016-11-05"), "Man found shot to death in the street",
                       actors=["Waterbury Connecticut"])
    gary = _placed("b", day("2016-11-05"), "Man found shot to death in the street", ["Gary"])
    assert len(merge_timelines([dateline, gary]).events) == 2
    surname = _placed("c", day("2016-11-05"), "Man found shot to death in the street", actors=["Wilson"])
    assert len(merge_timelines([surname, gary]).events) == 1


def test_different_named_victims_refuse_a_merge_the_same_victim_joins():
    wilson = _placed("a", day("2016-11-18"), "Teenager shot dead in a home invasion", actors=["Javon Wilson"],
                     sentence="Javon Wilson was shot dead in a home invasion.")
    thompson = _placed("b", day("2016-11-18"), "Teenager shot dead in a home invasion",
                       actors=["Zackary Yashkus", "Sharae Thompson"],
                       sentence="Zackary Yashkus shot Sharae Thompson in a home invasion.")
    merged = merge_timelines([wilson, thompson])
    assert len(merged.events) == 2
    assert any("victims" in r for e in merged.events for r in e.merged.reasons)
    again = _placed("c", day("2016-11-18"), "Teenager shot dead in a home invasion", actors=["Jovan Wilson"],
                    sentence="Two teens shot Jovan Wilson in a home invasion.")
    assert len(merge_timelines([wilson, again]).events) == 1


def test_roles_from_the_clause():
    from timeline.merge.people import roles, surname

    def of(sentence, trigger, actors):
        t = sentence.find(trigger)
        return roles(actors, [(sentence, t, t + len(trigger), trigger)])

    assert of("Zackary Yashkus, 23, shot and killed Sharae Thompson in the driveway.", "shot",
              ["Zackary Yashkus", "Sharae Thompson"]) == ({"thompson"}, {"yashkus"})
    assert of("Javon Wilson, 15, was fatally shot inside his home.", "shot", ["Javon Wilson"]) == ({"wilson"}, set())
    assert of("Jovan Wilson died at the scene.", "died", ["Jovan Wilson"]) == ({"wilson"}, set())
    assert of("The boy was shot by Kenneth Murphy on Monday.", "shot", ["Kenneth Murphy"]) == (set(), {"murphy"})
    assert surname("Samaritan's Purse") is None and surname("Chicago Police") is None
    assert surname("Mountain View") is None and surname("U.S. Rep. Danny Davis") == "davis"


def test_explain_and_hover_show_the_places_shared_and_the_refusal():
    from timeline.merge.explain import explain_merges
    from timeline.render import figure

    a = _placed("a", day("2016-11-05"), "Man found shot to death in the street", ["Gary"])
    b = _placed("b", day("2016-11-05"), "Man found shot to death in the street", ["Gary"])
    c = _placed("c", day("2016-11-05"), "Man found shot to death in the street", ["Waterbury"])
    merged = merge_timelines([a, b, c])
    text = explain_merges(merged)
    assert "places in several documents: Gary (2)" in text
    assert "refused" in text and "different towns: Gary / Waterbury" in text
    hover = " ".join(str(row[7]).replace("<br>", " ") for t in figure(merged).data
                     if t.type == "scatter" and t.customdata for row in t.customdata)
    assert "places in several documents: Gary (2)" in hover and "different towns: Gary / Waterbury" in hover


def test_a_town_every_report_names_is_no_evidence_one_few_name_is():
    from timeline.merge.features import atom, generic_words, sources_of, with_siblings
    from timeline.merge.places import places_shared

    tls = [_placed(f"d{k}", day("2016-11-05"), f"Story {k}", ["Chicago"] + (["Gary"] if k < 2 else []))
           for k in range(8)]
    atoms = with_siblings([atom(s, published="2016-11-06") for tl in tls for e in tl.events for s in sources_of(e)])
    generic = generic_words(atoms)
    assert places_shared(atoms[0].document_places, atoms[1].document_places, generic) == "town"   # Gary
    assert places_shared(atoms[2].document_places, atoms[3].document_places, generic) is None     # Chicago only
    assert places_shared(atoms[2].document_places, atoms[3].document_places) == "town"
