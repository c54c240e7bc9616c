"""Clustering stays bounded on a text that repeats one event many times."""

from __future__ import annotations

from datetime import date

from conflict_events.events._merge import _FULL
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document


def test_a_repeated_event_fills_clusters_of_bounded_size(pipeline: Pipeline) -> None:
    sentence = "Militants attacked a police post in Kano on Monday, killing three officers. "
    few = pipeline(Document(id="few", text=sentence * 3, date=date(2024, 3, 10)))
    assert len(few.events) == 1  # the same event told three times is one event
    many = pipeline(Document(id="many", text=sentence * (_FULL + 10), date=date(2024, 3, 10)))
    assert len(many.events) == 2  # a cluster takes at most _FULL mentions; the rest open another
