"""The VDP as Burkinabe reports call it: "volunteer fighters", only in a report set in Burkina Faso."""

from __future__ import annotations

import datetime as dt

from conflict_events import Document, Pipeline


def _actors(text: str) -> set[str]:
    result = Pipeline(steps=["conflict_events.locations.v1", "conflict_events.actors.v1"])(
        Document(id="v", text=text, date=dt.date(2024, 6, 5))
    )
    return {a.name for a in result.actors}


def test_volunteer_fighters_in_burkina_faso_are_the_vdp() -> None:
    assert "VDP: Volunteer for Defense of Homeland" in _actors(
        "Volunteer fighters repelled an attack on the town of Djibo, in northern Burkina Faso, on Monday."
    )


def test_volunteer_fighters_elsewhere_are_not() -> None:
    assert "VDP: Volunteer for Defense of Homeland" not in _actors(
        "Volunteer fighters repelled an attack on the town of Menaka, in eastern Mali, on Monday."
    )
