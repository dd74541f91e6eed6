"""What merges and what stays apart, on small hand-written timelines."""
from __future__ import annotations

from timeline.merge import merge_timelines
from timeline.merge.cluster import candidate_pairs
from timeline.merge.features import atom, sources_of
from timeline.merge.synthetic import before, day, event, month, news, since, timeline, timex, year


def _one(tls):
    merged = merge_timelines(tls)
    assert len(merged.events) == 1, [e.headline for e in merged.events]
    return merged.events[0]


def test_the_most_precise_date_wins_and_the_month_supports_it():
    a = timeline("a", [event("a", 1, "ATTACK", month("2020-01"), "Rebels attack the northern camp", ["rebels"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-03"), "Rebel attack on northern camp", ["Rebels"])])
    e = _one([a, b])
    assert e.date.value == "2020-01-03" and e.date.granularity == "day"
    assert not e.conflicts and not e.date_conflict
    assert {m.date.value for m in e.mentions} == {"2020-01", "2020-01-03"}
    assert {s.document for s in e.merged.sources} == {"a", "b"}


def test_adjacent_days_from_two_sources_merge_and_show_the_conflict():
    headline = "Iranian ballistic missiles hit al-Asad air base"
    tls = [timeline("dod", [event("dod", 1, "ATTACK", day("2020-01-07", "January 7"),
                                  "Iran launched ballistic missiles at Al-Asad base", ["Iran"], "launched")])]
    tls += [timeline(d, [event(d, 1, "ATTACK", day("2020-01-08", "Jan. 8"), headline, ["Iranian forces"],
                               "hit")]) for d in ("centcom", "news1", "news2")]
    e = _one(tls)
    assert e.date.value == "2020-01-08"          # three documents against one
    assert [c.value for c in e.conflicts] == ["2020-01-07"] and e.date_conflict
    assert len({m.document for m in e.mentions}) == 4
    assert any("conflict: 2020-01-07 in dod" in r for r in e.merged.reasons)


def test_one_document_giving_two_days_means_two_happenings():
    tl = timeline("a", [event("a", 1, "ATTACK", day("2020-01-07"), "Rockets hit the base", ["militia"]),
                        event("a", 2, "ATTACK", day("2020-01-08"), "Rockets hit the base", ["militia"])])
    assert len(merge_timelines([tl]).events) == 2


def test_day_precise_dates_a_week_apart_never_merge_and_the_refusal_is_shown():
    headline = "Sudanese Antonov bombs Yida refugee camp near Jau border village"
    a = timeline("a", [event("a", 1, "ATTACK", day("2011-11-03"), headline, ["Sudan", "SAF"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2011-11-10"), headline, ["Sudan", "SAF"])])
    merged = merge_timelines([a, b])
    assert len(merged.events) == 2
    for e in merged.events:
        assert any(r.startswith("refused: ") and "7 days apart" in r for r in e.merged.reasons), e.merged.reasons


def test_a_correction_joins_what_the_dates_would_part_and_shows_the_conflict():
    headline = "Sudanese Antonov bombs Yida refugee camp near Jau border village"
    a = timeline("a", [event("a", 1, "ATTACK", day("2011-11-10"), headline, ["Sudan", "SAF"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2011-11-03"),
                             headline + ", earlier reported as 10 November", ["Sudan", "SAF"])])
    e = _one([a, b])
    assert e.date_conflict and len(e.conflicts) == 1


def test_attack_and_its_casualties_merge_but_not_unrelated_types():
    a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Missile strike on the base", ["Iran"])])
    b = timeline("b", [event("b", 1, "DEATH_INJURY", day("2020-01-08"), "Missile strike injured 34 at the base",
                             ["Iran"], "injured")])
    c = timeline("c", [event("c", 1, "MEETING_TALKS", day("2020-01-08"), "Iran talks at the base", ["Iran"], "talks")])
    merged = merge_timelines([a, b, c])
    assert sorted(len(e.mentions) for e in merged.events) == [1, 2]
    attack = next(e for e in merged.events if len(e.mentions) == 2)
    assert attack.type == "ATTACK"


def test_denied_and_reported_stay_apart():
    a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Sudan bombed the camp", ["Sudan"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"), "Sudan bombed the camp", ["Sudan"],
                             status="negated")])
    assert len(merge_timelines([a, b]).events) == 2


def test_names_match_across_spellings():
    pairs = [("U.S.", "US"), ("al-Shabaab", "Shabaab"), ("Marines", "Marine"), ("Iran", "Iranian forces")]
    for x, y in pairs:
        a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Raid on the harbour", [x])])
        b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"), "Gunfire near a village", [y])])
        assert len(merge_timelines([a, b]).events) == 1, (x, y)
    a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Raid on the harbour", ["Iraq"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"), "Gunfire near a village", ["Iran"])])
    assert len(merge_timelines([a, b]).events) == 2


def test_undated_events_merge_only_when_told_in_the_same_words():
    # no publication date: nothing but their words can place them
    a = timeline("a", [event("a", 1, "ATTACK", None, "Sudan bombed the camp", ["Sudan"])], published=None)
    b = timeline("b", [event("b", 1, "ATTACK", None, "Sudan bombs a camp", ["Sudan"])], published=None)
    c = timeline("c", [event("c", 1, "ATTACK", None, "Sudan bombed the refugee camp", ["Sudan"])], published=None)
    assert len(merge_timelines([a, b]).events) == 1          # same content words
    assert len(merge_timelines([a, c]).events) == 2          # nothing else can place them
    d = timeline("d", [event("d", 1, "ATTACK", None, "Bombed camp", ["Sudan"])], published=None)
    e = timeline("e", [event("e", 1, "ATTACK", None, "Bombed camp", ["Sudan"])], published=None)
    assert len(merge_timelines([d, e]).events) == 2          # too few words to tell


def test_undated_news_is_dated_by_its_report_and_joins_on_telling_words_only():
    # published: news of the days before publication, so reports a week apart can join...
    a = timeline("a", [event("a", 1, "ATTACK", None, "Sudan bombed the camp", ["Sudan"])], published="2020-01-08")
    c = timeline("c", [event("c", 1, "ATTACK", None, "Sudan bombed the refugee camp", ["Sudan"])],
                 published="2020-01-12")
    assert len(merge_timelines([a, c]).events) == 1
    # ... not reports months apart, and not on words every report of an archive shares
    late = timeline("late", [event("late", 1, "ATTACK", None, "Sudan bombed the refugee camp", ["Sudan"])],
                    published="2020-04-12")
    assert len(merge_timelines([a, late]).events) == 2
    shootings = [timeline(f"d{k}", [event(f"d{k}", 1, "ATTACK", None, f"Man shot in the street in town {k}")],
                          published="2020-01-08") for k in range(5)]
    assert len(merge_timelines(shootings).events) == 5


def test_mention_time_indices_are_rebased():
    a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Missile strike on the base", ["Iran"], time=1)],
                 times=[timex("a", 0, "2020-01-07"), timex("a", 20, "2020-01-08")])
    b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"), "Missile strike on the base", ["Iran"], time=0)],
                 times=[timex("b", 5, "2020-01-08")])
    merged = merge_timelines([b, a])
    (e,) = merged.events
    for m in e.mentions:
        t = merged.time_expressions[m.time]
        assert t.document == m.document and t.value == "2020-01-08"


def test_merged_id_is_stable_and_order_independent():
    a = timeline("a", [event("a", 1, "ATTACK", day("2020-01-08"), "Missile strike on the base", ["Iran"])])
    b = timeline("b", [event("b", 1, "ATTACK", day("2020-01-08"), "Missile strike on the base", ["Iran"])])
    assert merge_timelines([a, b]).events[0].id == merge_timelines([b, a]).events[0].id
    single = merge_timelines([a]).events[0]
    assert single.id == "a-e1" and single.merged is None      # nothing to merge: unchanged


def test_title_is_the_common_one_or_the_default():
    a, b = timeline("a", []), timeline("b", [])
    assert merge_timelines([a, a]).title == "a"
    assert merge_timelines([a, b]).title == "Timeline"
    assert merge_timelines([a, b], title="Week").title == "Week"


def test_blocking_compares_far_fewer_pairs_than_all():
    tls = news(3000, seed=1)
    atoms = [atom(s) for tl in tls for e in tl.events for s in sources_of(e)]
    pairs = set(candidate_pairs(atoms))
    assert len(pairs) < len(atoms) * (len(atoms) - 1) / 2 / 20


def test_a_before_date_keeps_its_place_and_loses_to_a_precise_date():
    headline = "South Sudan votes for independence in a referendum"

    def vote(doc, date):
        return timeline(doc, [event(doc, 1, "ELECTION_VOTE", date, headline, ["South Sudan"])])

    a = vote("a", before(month("2011-07")))
    assert merge_timelines([a]).events[0].date.display == "before July 2011"
    e = _one([a, vote("b", month("2011-01"))])
    assert e.date.value == "2011-01" and not e.conflicts
    assert len(merge_timelines([a, vote("c", month("2011-08"))]).events) == 2


def test_an_accusation_and_the_statement_making_it_merge():
    a = timeline("a", [event("a", 1, "DEMAND_THREAT_ACCUSE", day("2011-11-10"),
                             "Kiir calls the accusations from Khartoum smoke screens", ["Kiir"], "accusations")])
    b = timeline("b", [event("b", 1, "STATEMENT", day("2011-11-10"),
                             "Kiir denies the claims in a statement calling them smoke screens", ["Kiir"], "statement")])
    assert len(_one([a, b]).mentions) == 2


def test_an_undated_source_told_in_the_same_words_takes_the_dated_event():
    dated = timeline("a", [event("a", 1, "AGREEMENT", day("2005-01-09"),
                                 "A 2005 peace deal ended decades of war between north and south", ["Sudan"], "deal")])
    undated = timeline("b", [event("b", 1, "AGREEMENT", None, "A peace deal ended the war", [], "deal")])
    e = _one([dated, undated])
    assert e.date.value == "2005-01-09" and {m.document for m in e.mentions} == {"a", "b"}
    too_few = timeline("c", [event("c", 1, "AGREEMENT", None, "A peace deal was signed", [], "deal")])
    assert len(merge_timelines([dated, too_few]).events) == 2
    other_type = timeline("d", [event("d", 1, "MEETING_TALKS", None, "Peace deal war ended talks", [], "talks")])
    assert len(merge_timelines([dated, other_type]).events) == 2


def test_sentences_telling_the_same_story_are_evidence():
    def told_in(doc, date, headline, sentence):
        e = event(doc, 1, "ELECTION_VOTE", date, headline, [], "referendum")
        e.mentions[0].sentence = sentence
        return timeline(doc, [e])

    a_sentence = ("A peace deal ended the war and South Sudan became its own country in July after a "
                  "successful independence referendum.")
    b_sentence = ("South Sudan split off into a separate country in July after voting overwhelmingly for "
                  "secession in a January referendum, the culmination of a peace deal that ended the war.")
    a = told_in("a", before(month("2011-07")), "Successful independence referendum", a_sentence)
    b = told_in("b", month("2011-01"), "Voting overwhelmingly for secession in a referendum", b_sentence)
    assert _one([a, b]).date.value == "2011-01"
    elsewhere = told_in("c", month("2011-01"), "Voting overwhelmingly for secession in a referendum",
                        "Voters in the north of the island backed secession in a referendum.")
    assert len(merge_timelines([a, elsewhere]).events) == 2


def test_statements_on_different_days_are_different_statements():
    a = timeline("a", [event("a", 1, "DEMAND_THREAT_ACCUSE", day("2011-11-10"),
                             "Sudan accused of bombing the refugee camp", ["Sudan"], "accused")])
    b = timeline("b", [event("b", 1, "DEMAND_THREAT_ACCUSE", day("2011-11-11"),
                             "Agency condemns the bombing of the refugee camp in Sudan", ["Sudan"], "condemns")])
    assert len(merge_timelines([a, b]).events) == 2
    same_day = timeline("c", [event("c", 1, "DEMAND_THREAT_ACCUSE", day("2011-11-10"),
                                    "Sudan accused of bombing the refugee camp", ["Sudan"], "accused")])
    assert len(_one([a, same_day]).mentions) == 2


def test_since_a_year_joins_a_year_it_covers_even_beside_a_precise_sibling():
    since_1955 = since(year("1955"), "2011-11-10")
    a = timeline("a", [event("a", 1, "DEATH_INJURY", since_1955, "Some 2 million people died in the civil war", [], "died")])
    b = timeline("b", [event("b", 1, "DEATH_INJURY", year("1983"), "Some 2 million died in the latest war", [], "died"),
                       event("b", 2, "ATTACK", day("2011-11-10"), "Jets bombed the refugee camp", ["Sudan"], "bombed")])
    merged = merge_timelines([a, b])
    deaths = [e for e in merged.events if e.type == "DEATH_INJURY"]
    assert len(deaths) == 1 and deaths[0].date.value == "1983" and not deaths[0].conflicts


def test_months_apart_merge_as_a_conflict_only_on_strong_evidence():
    # "gained independence 6 months ago" (May) against "gained independence in July"
    headline = "South Sudan gained independence from Sudan"
    may = timeline("a", [event("a", 1, "OTHER", month("2011-05"), headline, ["South Sudan"], "gained")])
    july = [timeline(d, [event(d, 1, "OTHER", month("2011-07"), headline, ["South Sudan"], "gained")])
            for d in ("b", "c")]
    e = _one([may] + july)
    assert e.date.value == "2011-07" and [c.value for c in e.conflicts] == ["2011-05"]
    weak = timeline("a", [event("a", 1, "OTHER", month("2011-05"), "Sudan talks end", ["Sudan"], "end")])
    weak_july = timeline("b", [event("b", 1, "OTHER", month("2011-07"), "Sudan talks end", ["Sudan"], "end")])
    assert len(merge_timelines([weak, weak_july]).events) == 2
    far = timeline("a", [event("a", 1, "OTHER", month("2011-03"), headline, ["South Sudan"], "gained")])
    assert len(merge_timelines([far] + july).events) == 2        # three months apart: other happenings
    one_doc = timeline("b", [event("b", 1, "OTHER", month("2011-05"), headline, ["South Sudan"], "gained"),
                             event("b", 2, "OTHER", month("2011-07"), headline, ["South Sudan"], "gained")])
    assert len(merge_timelines([one_doc]).events) == 2


def test_an_open_date_is_no_unit_of_its_precision():
    # "since May 2011" runs to publication: it never disagrees with March as a coarse date would
    headline = "South Sudan gained independence from Sudan"
    a = timeline("a", [event("a", 1, "OTHER", since(month("2011-05"), "2011-11-10"), headline, ["South Sudan"])])
    b = timeline("b", [event("b", 1, "OTHER", month("2011-03"), headline, ["South Sudan"])])
    assert len(merge_timelines([a, b]).events) == 2


def test_the_name_shown_for_several_spellings_does_not_hang_on_their_order():
    # a set's order changes with the hash seed: two spellings of one name in one document
    from timeline.merge.build import _shared
    from timeline.merge.normalise import name_tokens

    one = _shared("actors", {"a": ["H1N1", "A. H1N1"], "b": ["H1N1"]}, key=name_tokens)
    other = _shared("actors", {"a": ["A. H1N1", "H1N1"], "b": ["H1N1"]}, key=name_tokens)
    assert one == other


def test_the_names_most_sources_give_come_first():
    # the hover's "who" and the actor lanes read the first names
    tls = [timeline(d, [event(d, 1, "ATTACK", day("2020-01-08"), "Missile attack on the air base", names)])
           for d, names in (("a", ["Al Asad", "Iran"]), ("b", ["Iran", "Zaid"]), ("c", ["Iran", "Abel"]))]
    merged = _one(tls)
    assert merged.actors[0] == "Iran", merged.actors
    assert merged.actors[1:] == ["Abel", "Al Asad", "Zaid"], merged.actors     # then A-Z


def test_a_place_is_listed_once_whatever_its_spellings():
    from timeline.merge.build import _places

    named = [["Al Asad Air Base", "Iraq"], ["Al Assad Air Base"], ["Al Asad Airbase", "Germany"], ["Al Asad Air Base"]]
    assert _places(named) == ["Al Asad Air Base", "Germany", "Iraq"]
