"""The clustering engine: the same clusters and leaders whatever the arrival order, batching or removals."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conflict_events.store._fusion_engine import FusionEngine, MemorySource, bucket_of
from conflict_events.store._fusion_rules import THRESHOLD, FusionEvent, PlaceKey, coarse_choices, pair_link

PLACES = [
    PlaceKey.build(name="Kupiansk", kind="settlement", country="UA", admin1="Kharkiv", latitude=49.71,
                   longitude=37.61),
    PlaceKey.build(name="Izium", kind="settlement", country="UA", admin1="Kharkiv"),
    PlaceKey.build(name="Kharkiv", kind="admin1", country="UA"),
    PlaceKey.build(name="Ukraine", kind="country", country="UA"),
    PlaceKey.build(name="Kramatorsk", kind="settlement", country="UA", admin1="Donetsk"),
    PlaceKey.build(name="Goma", kind="settlement", country="CD", admin1="North Kivu"),
    PlaceKey.build(name="Kivsharivka", kind="settlement", country="UA", admin1="Kharkiv", admin2="Kupianskyi",
                   latitude=49.64, longitude=37.69),
    PlaceKey.build(name="Kupianskyi", kind="admin2", country="UA", admin1="Kharkiv"),
    PlaceKey.build(name="Petropavlivka", kind="settlement", country="UA"),
    PlaceKey(country="UA"),
]
TYPES = ["Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Armed clash", "Peaceful protest",
         "Non-state actor overtakes territory"]
ACTORS = [(), (("state_forces", "Military Forces of Russia (2000-)"),), (("civilians", "Civilians (Ukraine)"),)]
BASE = dt.date(2025, 3, 1)


NAMED = [frozenset(), frozenset({"kupiansk"}), frozenset({"izium", "kivsharivka"})]


def make(pk: int, doc: int, type_i: int, day: int, kind: int, place_i: int, actor_i: int, toll: int | None
         ) -> FusionEvent:
    start = BASE + dt.timedelta(days=day)
    date = [(start, start, "day", "on Sunday", start),
            (start, start, "range", None, start),
            (start, start + dt.timedelta(days=6), "week", "last week", start + dt.timedelta(days=6)),
            (start, start, "day", "late on Sunday", start)][kind]
    return FusionEvent.build(pk=pk, document_id=f"doc{doc}", event_id=f"e{pk}", sub_event_type=TYPES[type_i],
                             date=date, place=PLACES[place_i], actors=ACTORS[actor_i], toll=toll,
                             places_named=NAMED[doc % len(NAMED)])


events_strategy = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, len(TYPES) - 1), st.integers(0, 8), st.integers(0, 3),
              st.integers(0, len(PLACES) - 1), st.integers(0, len(ACTORS) - 1), st.sampled_from([None, 3, 12, 40])),
    min_size=1, max_size=24,
)


def build(spec: list[tuple[int, int, int, int, int, int, int | None]]) -> list[FusionEvent]:
    return [make(pk, *row) for pk, row in enumerate(spec, start=1)]


def reference(events: list[FusionEvent]) -> dict[int, int]:
    """The definition, run naively: in canonical order, join the best earlier cluster no member vetoes.

    A cluster is within reach when a member links to x; one reached by coarse links only counts
    while at most ``coarse_choices()`` such clusters exist.
    """
    leader: dict[int, int] = {}
    done: list[FusionEvent] = []
    for x in sorted(events, key=lambda e: e.order):
        links = {m.pk: pair_link(x, m) for m in done}
        specific = {leader[m.pk] for m in done if (links[m.pk][0] or 0.0) >= THRESHOLD and not links[m.pk][1]}
        coarse = {leader[m.pk] for m in done if (links[m.pk][0] or 0.0) >= THRESHOLD and links[m.pk][1]}
        reach = specific if len(coarse - specific) > coarse_choices() else specific | coarse
        best: tuple[float, tuple[int, int, int, str, str], int] | None = None
        for lead in reach:
            scores = [links[m.pk][0] for m in done if leader[m.pk] == lead]
            if any(s is None for s in scores):
                continue
            score = max(s for s in scores if s is not None)
            key = next(m.order for m in done if m.pk == lead)
            if best is None or score > best[0] or (score == best[0] and key < best[1]):
                best = (score, key, lead)
        leader[x.pk] = x.pk if best is None else best[2]
        done.append(x)
    return leader


def engine_leaders(engine: FusionEngine, pks: list[int]) -> dict[int, int]:
    return {pk: engine.leader_of(pk) or pk for pk in pks}


@settings(max_examples=150, deadline=None)
@given(events_strategy)
# a province's battle over several days and a town's attack on civilians on one of them: two readings of one act
# (close_readings), which the engine once looked for on single-day events only
@example([(0, 0, 0, 0, 0, 0, None)] * 3 + [(0, 3, 0, 1, 2, 1, None), (1, 2, 0, 0, 0, 1, None)])
def test_the_engine_computes_the_definition(spec: list[tuple[int, int, int, int, int, int, int | None]]) -> None:
    events = build(spec)
    engine = FusionEngine(MemorySource())
    engine.apply(added=events)
    assert engine_leaders(engine, [e.pk for e in events]) == reference(build(spec))


@settings(max_examples=150, deadline=None)
@given(events_strategy, st.integers(0, 2**32))
def test_any_order_batching_and_removal_gives_the_same_clusters(
        spec: list[tuple[int, int, int, int, int, int, int | None]], seed: int) -> None:
    rnd = random.Random(seed)
    expected = reference(build(spec))
    events = build(spec)
    rnd.shuffle(events)
    source = MemorySource()
    engine = FusionEngine(source)
    dropped_before: dict[str, int] = {}  # country -> the highest cutoff of any trim: weeks before it may be gone
    i = 0
    while i < len(events):
        batch = events[i: i + rnd.randint(1, 5)]
        i += len(batch)
        for e in batch:
            source.events[e.pk] = e
        engine.apply(added=batch)
        if rnd.random() < 0.3:  # remove a random event and bring it back later
            gone = rnd.choice(list(source.events.values()))
            engine.apply(removed=[gone.pk])
            del source.events[gone.pk]
            if rnd.random() < 0.5:
                engine.forget()  # a fresh process: everything read back from the store
            events.append(make(gone.pk, *spec[gone.pk - 1]))
        if rnd.random() < 0.3:  # drop the older weeks, as a long ingest does: read back when needed
            engine.trim(keep_weeks=rnd.randint(0, 1))
            for country, week in engine.cutoff.items():  # a later trim keeping more weeks lowers the cutoff
                dropped_before[country] = max(week, dropped_before.get(country, week))
    # the store's view (what a later process reads back) and the engine's agree with the definition
    assert {pk: e.leader for pk, e in source.events.items()} == expected
    assert {pk: lead for pk, lead in engine_leaders(engine, sorted(engine.by_pk)).items()} == {
        pk: expected[pk] for pk in engine.by_pk}
    # the index holds exactly the events held (trim and removals leave nothing behind)
    indexed = {id(e) for table in (*engine.by_key.values(), *engine.by_day.values())
               for days in table.values() for events in days.values() for e in events}
    assert indexed == {id(e) for e in engine.by_pk.values()}
    # and each under its document, no empty list left
    assert sorted(e.pk for docs in engine.by_doc.values() for events in docs.values() for e in events) == sorted(
        engine.by_pk)
    assert all(e.document_id == doc for docs in engine.by_doc.values() for doc, events in docs.items() for e in events)
    assert all(events for docs in engine.by_doc.values() for events in docs.values())
    # the week index (what trim drops by) too, each event under the week its window starts in, no empty week
    assert {pk: (country, week) for country, weeks in engine.weeks.items() for week, held in weeks.items()
            for pk in held} == {e.pk: (e.place.country, bucket_of(e.lo)) for e in engine.by_pk.values()}
    assert all(held for weeks in engine.weeks.values() for held in weeks.values())
    assert all(events for table in (*engine.by_key.values(), *engine.by_day.values())
               for days in table.values() for events in days.values())  # no empty day piles up
    # every cluster held has its leader as first member, and no empty or stale cluster is left; a
    # cluster's leader may be missing only when trim dropped its week (a decision reads it back first)
    for leader, members in engine.clusters().items():
        if leader not in engine.by_pk:
            first = source.events[leader]
            assert bucket_of(first.lo) < dropped_before[first.place.country]
        else:
            assert engine.leader_of(leader) == leader
        assert all(engine.leader_of(m) == leader for m in members)


def test_two_towns_named_back_are_found_by_their_names() -> None:
    """Two towns' reports that name each other's town are one place (``fusion.place.named_by_the_reports``);
    no key but the names finds the one from the other (the engine reads the towns a town's report names)."""
    day = BASE + dt.timedelta(days=3)
    when = (day, day, "day", "on Sunday", day)
    izium = FusionEvent.build(pk=1, document_id="a", event_id="e1", sub_event_type="Attack", date=when,
                              place=PLACES[1], places_named=frozenset({"kupiansk", "izium"}))
    kupiansk = FusionEvent.build(pk=2, document_id="b", event_id="e1", sub_event_type="Attack", date=when,
                                 place=PLACES[0], places_named=frozenset({"izium", "kupiansk"}))
    alone = FusionEvent.build(pk=3, document_id="c", event_id="e1", sub_event_type="Attack", date=when,
                              place=PLACES[0], places_named=frozenset({"kupiansk"}))
    assert (pair_link(izium, kupiansk)[0] or 0.0) >= THRESHOLD > (pair_link(izium, alone)[0] or 0.0)
    for order in ([izium, kupiansk, alone], [alone, kupiansk, izium]):
        engine = FusionEngine(MemorySource())
        engine.apply(added=[FusionEvent.build(pk=e.pk, document_id=e.document_id, event_id=e.event_id,
                                              sub_event_type="Attack", date=when, place=e.place,
                                              places_named=e.places_named) for e in order])
        assert engine.leader_of(1) == engine.leader_of(2)
        assert engine_leaders(engine, [1, 2, 3]) == reference([izium, kupiansk, alone])
