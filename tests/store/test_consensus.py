"""A fused event's summary row: its shortcuts give what the general steps and the schema's model give."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.schema import FusedFatalities
from conflict_events.store._consensus import (
    SUMMARY_COLUMNS,
    date_span,
    place_member,
    sub_event_type_of,
    summary_row,
    summary_values,
    toll_bounds,
)
from conflict_events.store._fusion_rules import FusionEvent, PlaceKey
from conflict_events.store._tables import fused_events

PLACES = [PlaceKey.build(name="Kupiansk", kind="settlement", country="UA", admin1="Kharkiv", latitude=49.71,
                         longitude=37.61),
          PlaceKey.build(name="Kharkiv", kind="admin1", country="UA"), PlaceKey(country="UA"), PlaceKey()]
TYPES = ["Air/drone strike", "Attack", "Peaceful protest"]
BASE = dt.date(2025, 3, 1)


def make(type_i: int, day: int, kind: int, place_i: int, toll: int | None) -> FusionEvent:
    start = BASE + dt.timedelta(days=day)
    date = [(start, start, "day", "on Sunday", start), (start, start, "range", None, start),
            (start, start + dt.timedelta(days=6), "week", "last week", start + dt.timedelta(days=6))][kind]
    event = FusionEvent.build(pk=1, document_id="doc1", event_id="e1", sub_event_type=TYPES[type_i], date=date,
                              place=PLACES[place_i], toll=toll)
    event.place_name = "Kupiansk" if place_i == 0 else ""
    return event

TOLLS = st.dictionaries(st.sampled_from("abcdef"), st.one_of(st.none(), st.integers(0, 500)), min_size=1)


@settings(max_examples=300, deadline=None)
@given(TOLLS, st.sampled_from(["lowest", "highest", "median"]))
def test_toll_bounds_are_those_of_the_fatalities_model(tolls: dict[str, int | None], rule: str) -> None:
    model = FusedFatalities.of(tolls, rule=rule)  # type: ignore[arg-type]
    assert toll_bounds(tolls, rule) == (model.low, model.best, model.high)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(TYPES) - 1), st.integers(0, 3), st.integers(0, 2), st.integers(0, len(PLACES) - 1),
       st.one_of(st.none(), st.integers(0, 40)))
def test_a_single_report_is_summarised_as_the_general_steps_summarise_it(
        type_i: int, day: int, kind: int, place_i: int, toll: int | None) -> None:
    event = make(type_i, day, kind, place_i, toll)
    row = summary_row([event])
    where = place_member([event])
    lo, hi = date_span([event])
    low, best, high = toll_bounds({event.document_id: event.toll})
    start, end = row["date_start"], row["date_end"]
    assert isinstance(start, dt.date) and isinstance(end, dt.date)
    assert (row["sub_event_type"], start.toordinal(), end.toordinal()) == (sub_event_type_of([event]), lo, hi)
    assert (row["fatalities_low"], row["fatalities_best"], row["fatalities_high"]) == (low, best, high)
    assert row["location"] == ((where.place_name or None) if where else None)
    assert row["country"] == ((where.place.country if where else event.place.country) or None)


def test_the_summary_values_are_the_fused_events_columns_in_order() -> None:
    # ingest hands summary_values to the driver as they are, in SUMMARY_COLUMNS order
    assert tuple(c.name for c in fused_events.c) == SUMMARY_COLUMNS
    event = make(0, 1, 0, 0, 12)
    assert summary_values([event]) == tuple(summary_row([event]).values())
