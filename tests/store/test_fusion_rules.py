"""The fusion rules, one kind of evidence at a time, on pairs of reports written for these tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.events._build_rules import DATE_RULES
from conflict_events.rules import disabled, trace
from conflict_events.store._fusion_rules import (
    _PLACE_POINTS,
    APART,
    INSIDE_COUNTRY,
    INSIDE_PROVINCE,
    NEAR,
    REPORTING_DAY_RULE,
    SAME,
    THRESHOLD,
    UNDATED,
    WEAK,
    FusionEvent,
    PlaceKey,
    date_window,
    explain,
    link_linker,
    may_link_across,
    pair_link,
    pair_link_by_rules,
    pair_score,
    place_relation,
    reported_day,
)

D = dt.date(2025, 3, 9)  # a Sunday
KUPIANSK = PlaceKey.build(name="Kupiansk", kind="settlement", country="UA", admin1="Kharkiv", latitude=49.71,
                          longitude=37.61)
KUPIANSK_NO_COORDS = PlaceKey.build(name="Kup'iansk", kind="settlement", country="UA", admin1="Kharkiv")
IZIUM = PlaceKey.build(name="Izium", kind="settlement", country="UA", admin1="Kharkiv", latitude=49.21,
                       longitude=37.26)
VILLAGE = PlaceKey.build(name="Petropavlivka", kind="settlement", country="UA", admin1="Kharkiv")
OBLAST = PlaceKey.build(name="Kharkiv Oblast", kind="admin1", country="UA", admin1="Kharkiv")
UKRAINE = PlaceKey.build(name="Ukraine", kind="country", country="UA")
KRAMATORSK = PlaceKey.build(name="Kramatorsk", kind="settlement", country="UA", admin1="Donetsk")
RUSSIA = ("state_forces", "Military Forces of Russia (2000-)")
CIVILIANS = ("civilians", "Civilians (Ukraine)")

_pk = iter(range(1, 10_000))


def ev(doc: str, sub: str = "Shelling/artillery/missile attack", day: dt.date | None = D, *,
       when: str | None = "on Sunday", end: dt.date | None = None, precision: str = "day",
       published: dt.date = D, place: PlaceKey = KUPIANSK, actors: tuple[tuple[str, str], ...] = (RUSSIA,),
       toll: int | None = None) -> FusionEvent:
    start = day or published
    date = (start, end or start, precision if day else "range", when if day else None, published)
    return FusionEvent.build(pk=next(_pk), document_id=doc, event_id="e1", sub_event_type=sub, date=date,
                             place=place, actors=actors, toll=toll)


def same(a: FusionEvent, b: FusionEvent) -> bool:
    score = pair_score(a, b)
    assert (score is not None and score >= THRESHOLD) == explain(a, b).same
    return score is not None and score >= THRESHOLD


# -- the reports that are one happening -------------------------------------------------------------------


def test_one_strike_reported_with_different_tolls_is_one_happening() -> None:
    # "A missile struck Kupiansk on Sunday, killing 4" / "... on Sunday; the toll rose to 9"
    assert same(ev("a", toll=4), ev("b", toll=9, published=D + dt.timedelta(days=1)))


def test_an_air_strike_and_an_attack_on_one_place_and_day_can_be_one() -> None:
    # "Jets bombed Kupiansk on Sunday" / "Russian forces attacked Kupiansk on Sunday, killing 12 civilians"
    a = ev("a", "Air/drone strike", actors=(RUSSIA,))
    b = ev("b", "Attack", actors=(RUSSIA, CIVILIANS), toll=12)
    assert explain(a, b).type == 1.0
    assert same(a, b)


def test_a_town_and_its_province_are_one_place() -> None:
    # "A strike on Kupiansk on Sunday" / "Officials in Kharkiv Oblast said a strike on Sunday killed 4"
    assert place_relation(KUPIANSK, OBLAST) == INSIDE_PROVINCE
    assert same(ev("a"), ev("b", "Air/drone strike", place=OBLAST))


def test_an_undated_follow_up_report_matches_the_days_before_it() -> None:
    # "The toll from the strike on Kupiansk rose to 7" (no day), published on Monday
    follow_up = ev("b", day=None, published=D + dt.timedelta(days=1), toll=7)
    assert same(ev("a"), follow_up)
    lo, hi, _ = date_window(D, D, "range", None, D)
    assert (hi - lo) == 3  # the report's day and the three before it


def test_a_report_a_week_later_saying_last_week_still_matches() -> None:
    # "Last week a missile attack on Kupiansk killed 7 people" (published the Friday after)
    later = ev("c", day=dt.date(2025, 3, 3), end=dt.date(2025, 3, 9), when="last week", precision="week",
               published=dt.date(2025, 3, 14), actors=(), toll=7)
    assert same(ev("a", toll=4), later)


def test_a_day_off_at_night_is_tolerated_but_not_in_daylight() -> None:
    # "late on Saturday" in one report, "overnight into Sunday" in another
    late = ev("a", day=D - dt.timedelta(days=1), when="late on Saturday")
    overnight = ev("b", when="overnight into Sunday")
    assert explain(late, overnight).date == 0.0 and same(late, overnight)
    # plain weekdays a day apart: two strikes, unless the reports share the toll
    monday = ev("c", day=D + dt.timedelta(days=1), when="on Monday")
    assert explain(ev("d"), monday).date == -1.0
    assert not same(ev("d"), monday)
    assert same(ev("e", toll=15), ev("f", day=D + dt.timedelta(days=1), when="on Monday", toll=15))


def test_spellings_of_one_town_are_one_place() -> None:
    assert place_relation(KUPIANSK, KUPIANSK_NO_COORDS) == SAME
    assert place_relation(PlaceKey.build(name="Pa Zi Gyi", kind="settlement", country="MM", admin1="Sagaing"),
                          PlaceKey.build(name="Pazigyi", kind="settlement", country="MM")) == SAME


def test_a_report_with_no_place_needs_more_than_type_and_day() -> None:
    nowhere = PlaceKey(country="UA")
    assert not same(ev("a"), ev("b", place=nowhere))
    assert same(ev("a", toll=23), ev("b", place=nowhere, toll=23))


def test_a_month_long_report_matches_a_dated_one_at_the_same_place() -> None:
    # "In March, a strike on Kupiansk killed 4 civilians" (published in April)
    month = ev("c", day=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31), when="In March", precision="month",
               published=dt.date(2025, 4, 20), actors=(RUSSIA, CIVILIANS))
    assert same(ev("a", actors=(RUSSIA, CIVILIANS)), month)
    other_month = ev("d", day=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31), when="in March",
                     precision="month", published=dt.date(2025, 4, 22))
    assert explain(month, other_month).veto == "date: two month-long spans"


# -- the reports that are not --------------------------------------------------------------------------------


def test_a_second_strike_three_days_later_is_another_event() -> None:
    again = ev("b", day=D + dt.timedelta(days=3), when="on Wednesday", published=D + dt.timedelta(days=3))
    assert explain(ev("a"), again).veto == "date: 3 days apart"


def test_a_battle_told_with_and_without_its_outcome_is_one_sub_type() -> None:
    # "Gangs attacked Kupiansk on Sunday" / "Gangs seized a town of Kharkiv Oblast on Sunday, officials said"
    gangs = (("unidentified", "Unidentified Gang (Ukraine)"),)
    clash = ev("a", "Armed clash", actors=gangs)
    taken = ev("b", "Non-state actor overtakes territory", day=None, published=D + dt.timedelta(days=1),
               place=OBLAST, actors=gangs)
    assert explain(clash, taken).type == explain(taken, clash).type == 3.0
    assert same(clash, taken)
    on = pair_score(clash, taken)
    with disabled({"fusion.type.outcome_reading"}):
        assert explain(clash, taken).type == 2.0  # two sub-types of one event type
        off = pair_score(clash, taken)
    assert on is not None and off == on - 1.0 and off < THRESHOLD
    # a second battle days later is still another happening
    later = ev("c", "Non-state actor overtakes territory", day=D + dt.timedelta(days=3), when="on Wednesday",
               published=D + dt.timedelta(days=3), actors=gangs)
    assert explain(clash, later).veto == "date: 3 days apart"


def test_a_protest_and_a_battle_never_fuse() -> None:
    # "Residents protested in Kupiansk on Sunday" / "Troops clashed with fighters in Kupiansk on Sunday"
    protest = ev("a", "Peaceful protest", actors=(("protesters", "Protesters (Ukraine)"),))
    battle = ev("b", "Armed clash")
    assert pair_score(protest, battle) is None
    assert pair_score(ev("c", "Agreement"), battle) is None


def test_places_in_different_provinces_or_far_apart_are_different() -> None:
    assert place_relation(KUPIANSK, KRAMATORSK) == APART
    assert explain(ev("a"), ev("b", place=KRAMATORSK)).veto == "place: different places"
    assert place_relation(KUPIANSK, IZIUM) == APART  # about 60 km
    near = PlaceKey.build(name="Kivsharivka", kind="settlement", country="UA", admin1="Kharkiv",
                          latitude=49.64, longitude=37.69)
    assert place_relation(KUPIANSK, near) == NEAR


def test_two_towns_of_one_province_need_the_same_toll() -> None:
    assert place_relation(KUPIANSK, VILLAGE) == WEAK
    unnamed = ev("a", actors=()), ev("b", place=VILLAGE, actors=())
    assert explain(*unnamed).unlinked and pair_score(*unnamed) == 0.0  # no link, no contradiction
    # the side that fights every battle of the war tells no two of its strikes together
    assert not same(ev("c", actors=(RUSSIA,)), ev("d", place=VILLAGE, actors=(RUSSIA,)))
    assert same(ev("e", actors=(), toll=14), ev("f", place=VILLAGE, actors=(), toll=14))
    assert not same(ev("g", actors=(), toll=2), ev("h", place=VILLAGE, actors=(), toll=2))


def test_one_report_naming_two_towns_tells_two_happenings_apart() -> None:
    a, b = ev("a"), ev("a", place=VILLAGE)
    assert explain(a, b).veto == "place: two places of one province in one report"
    # but the town in one sentence and the country in another is the extraction telling one event twice
    assert place_relation(KUPIANSK, UKRAINE) == INSIDE_COUNTRY
    assert explain(a, ev("a", place=UKRAINE)).place == 3.0


def test_a_report_dated_vaguer_than_a_month_fuses_with_nothing() -> None:
    year = ev("a", day=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), when="in 2024", precision="year")
    assert not year.fusible
    assert ev("b").fusible


def test_a_link_by_containment_needs_days_in_common() -> None:
    """The engine looks up coarse candidates by containment on the event's own days only (query_keys)."""
    best_a_day_apart = 3.0 + 0.0 + _PLACE_POINTS[INSIDE_PROVINCE] + 1.5 + 0.5
    assert best_a_day_apart < THRESHOLD


def test_the_reported_day_rule_names_the_events_rule_it_reads() -> None:
    assert REPORTING_DAY_RULE in {r.name for r in DATE_RULES}
    day = dt.date(2025, 3, 12).toordinal()
    assert reported_day(REPORTING_DAY_RULE, (day, day, 0)) == (day - 1, day, UNDATED)
    assert reported_day("events.date.action_clause", (day, day, 0)) is None


def test_a_day_that_bounds_the_event_reaches_the_day_before_only() -> None:
    wednesday = D + dt.timedelta(days=3)
    bounded = FusionEvent.build(pk=next(_pk), document_id="said", event_id="e1",
                                sub_event_type="Shelling/artillery/missile attack",
                                date=(wednesday, wednesday, "day", "on Wednesday", wednesday + dt.timedelta(days=1)),
                                place=KUPIANSK, actors=(RUSSIA,), date_rule=REPORTING_DAY_RULE)
    assert explain(bounded, ev("tuesday", day=wednesday - dt.timedelta(days=1))).date == 2.0
    assert explain(bounded, ev("monday", day=wednesday - dt.timedelta(days=2))).date == -1.0
    # a second strike on the same town three days before the day the report was made stays apart
    assert explain(bounded, ev("sunday", day=D)).veto == "date: 2 days apart"


def test_a_report_bounded_by_its_day_stays_apart_from_a_strike_three_days_before() -> None:
    monday = FusionEvent.build(pk=next(_pk), document_id="monday", event_id="e1",
                               sub_event_type="Shelling/artillery/missile attack",
                               date=(D + dt.timedelta(days=1), D + dt.timedelta(days=1), "day", "on Monday",
                                     D + dt.timedelta(days=1)), place=KUPIANSK, actors=(RUSSIA,), toll=12)
    thursday = D + dt.timedelta(days=4)
    said = FusionEvent.build(pk=next(_pk), document_id="said", event_id="e1",
                             sub_event_type="Shelling/artillery/missile attack",
                             date=(thursday, thursday, "day", "on Thursday", thursday), place=KUPIANSK,
                             actors=(RUSSIA,), toll=7, date_rule=REPORTING_DAY_RULE)
    assert not same(monday, said)


# -- pair_link is the rules of pair_link_by_rules in one function: both must agree on every pair ----------

_NAMES = ["Kupiansk", "Izium", "Kharkiv", "Kramatorsk", "Kupianskyi"]
_KINDS = ["settlement", "feature", "admin2", "admin1", "region", "country"]
_SUB_TYPES = ["Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Armed clash", "Peaceful protest",
              "Mob violence", "Abduction/forced disappearance", "Non-state actor overtakes territory"]
_SIDES = [(), (RUSSIA,), (CIVILIANS,), (("rebel_group", "Wagner Group"),),
          (("unidentified", "Unidentified Armed Group"),)]
_DATES = ["day", "undated", "week", "month", "edge"]

_place_strategy = st.one_of(
    st.just(PlaceKey()), st.just(PlaceKey(country="UA")),
    st.builds(lambda name, kind, country, admin1, admin2, gid, coords: PlaceKey.build(
        name=name, kind=kind, country=country, admin1=admin1, admin2=admin2, gazetteer_id=gid,
        latitude=None if coords is None else 49.0 + coords[0], longitude=None if coords is None else 37.0 + coords[1]),
        st.sampled_from(_NAMES), st.sampled_from(_KINDS), st.sampled_from(["UA", "UA", "RU"]),
        st.sampled_from([None, "Kharkiv", "Donetsk"]), st.sampled_from([None, "Kupianskyi", "Iziumskyi"]),
        st.sampled_from([None, "g1", "g2"]),
        st.one_of(st.none(), st.tuples(st.floats(0, 0.8), st.floats(0, 0.8)))))


def _generated(pk: int, doc: str, sub_type: str, day: int, date_kind: str, place: PlaceKey,
               sides: tuple[tuple[str, str], ...], toll: int | None, named: frozenset[str],
               reported: bool) -> FusionEvent:
    start = D + dt.timedelta(days=day)
    date = {"day": (start, start, "day", "on Sunday", start), "undated": (start, start, "range", None, start),
            "week": (start, start + dt.timedelta(days=6), "week", "last week", start + dt.timedelta(days=6)),
            "month": (start, start + dt.timedelta(days=27), "month", "in March", start + dt.timedelta(days=27)),
            "edge": (start, start, "day", "late on Sunday", start)}[date_kind]
    return FusionEvent.build(pk=pk, document_id=doc, event_id=f"e{pk}", sub_event_type=sub_type, date=date,
                             place=place, actors=sides, toll=toll, places_named=named,
                             date_rule=REPORTING_DAY_RULE if reported else None)


_event_strategy = st.builds(
    _generated, st.integers(1, 10**6), st.sampled_from(["a", "b"]), st.sampled_from(_SUB_TYPES), st.integers(0, 3),
    st.sampled_from(_DATES), _place_strategy, st.sampled_from(_SIDES), st.sampled_from([None, 0, 3, 12]),
    st.frozensets(st.sampled_from(["kupiansk", "izium", "kharkiv", "kramatorsk"]), max_size=2), st.booleans())


@settings(max_examples=3000, deadline=None)
@given(_event_strategy, _event_strategy)
def test_pair_link_is_the_rules_in_one_function(a: FusionEvent, b: FusionEvent) -> None:
    assert pair_link(a, b) == pair_link_by_rules(a, b)
    assert pair_link(b, a) == pair_link_by_rules(b, a)


def test_pair_link_calls_the_rules_while_one_is_switched_off() -> None:
    town = FusionEvent.build(pk=1, document_id="a", event_id="e1", sub_event_type="Air/drone strike",
                             date=(D, D, "day", "on Sunday", D), place=KUPIANSK, actors=(RUSSIA,))
    oblast = FusionEvent.build(pk=2, document_id="b", event_id="e1", sub_event_type="Air/drone strike",
                               date=(D, D, "day", "on Sunday", D), place=OBLAST, actors=(RUSSIA,))
    assert pair_link(town, oblast) == (9.5, True)
    with disabled({"fusion.place.coarse_link"}):
        assert pair_link(town, oblast) == (9.5, False)
    with trace() as fired:
        pair_link(town, oblast)
    assert [f.rule for f in fired] == ["fusion.place.coarse_link"]


@settings(max_examples=3000, deadline=None)
@given(_event_strategy, _event_strategy)
def test_link_linker_gives_the_links_of_pair_link(a: FusionEvent, b: FusionEvent) -> None:
    links = link_linker()
    for x, y in ((a, b), (b, a)):
        score, loose = pair_link(x, y)
        assert links(x, y) == (None if score is None or score < THRESHOLD else (score, loose))


# pairs near enough to link often: one country, a day or two, places that contain or name each other
_near_strategy = st.builds(
    _generated, st.integers(1, 10**6), st.sampled_from(["a", "b"]), st.sampled_from(_SUB_TYPES), st.integers(0, 1),
    st.sampled_from(["day", "day", "edge", "undated", "week"]),
    st.sampled_from([KUPIANSK, KUPIANSK_NO_COORDS, IZIUM, OBLAST, UKRAINE]),
    st.sampled_from([(), (RUSSIA,), (RUSSIA,)]),
    st.sampled_from([None, 3, 12]), st.frozensets(st.sampled_from(["kupiansk", "izium"]), max_size=2),
    st.sampled_from([False, False, True]))


@settings(max_examples=3000, deadline=None)
@given(_near_strategy, _near_strategy)
def test_two_event_types_link_only_where_may_link_across_says(a: FusionEvent, b: FusionEvent) -> None:
    """The engine scores a pair of two event types only when may_link_across allows it: it must hold for every
    pair that links, both ways round, under the rules as written too."""
    if a.event_type == b.event_type:
        return
    for x, y in ((a, b), (b, a)):
        for score in (pair_link(x, y)[0], pair_link_by_rules(x, y)[0]):
            if score is not None and score >= THRESHOLD:
                assert may_link_across(x, y)
