"""Shared checks of the events tests: one note, one event, its type and, where given, its sides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from conflict_events import Document, Pipeline

OneEvent = Callable[..., None]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default chain, built once for the events tests (a module may define its own)."""
    return Pipeline()


@pytest.fixture
def one_event(pipeline: Pipeline) -> OneEvent:
    """A check that a note gives exactly one event of a type and sub-type, with the sides given (None: any)."""

    def check(text: str, etype: str, sub: str, actor1: str | None, actor2: str | None) -> None:
        result = pipeline(Document(id="n", text=text, date=dt.date(2024, 6, 5)))
        assert len(result.events) == 1, [(e.event_type, e.sub_event_type) for e in result.events]
        event = result.events[0]
        assert (event.event_type, event.sub_event_type) == (etype, sub)
        if actor1 is not None:
            assert event.actor1 is not None and event.actor1.name == actor1
        if actor2 is not None:
            assert event.actor2 is not None and event.actor2.name == actor2

    return check
