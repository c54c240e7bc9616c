"""Actors on text of regions and years the development sets do not hold (issue 14, item 3, round actors15).

Every sentence is our own, written in the style of international wire copy; each test keeps one class of
naming right: a group the text says did not claim an attack is not its author, a junta is the forces of
its own country, and the state forces and named armed groups of current conflicts come out by the names
ACLED gives them.
"""

from __future__ import annotations

import datetime as dt

from conflict_events import Document, ExtractionResult, Pipeline


def _run(text: str, on: dt.date = dt.date(2025, 6, 10)) -> ExtractionResult:
    return Pipeline()(Document(id="u", text=text, date=on))


def _names(result: ExtractionResult) -> set[str]:
    return {a.name for a in result.actors}


def _actor1(result: ExtractionResult) -> list[str]:
    return [e.actor1.name for e in result.events if e.actor1]


def test_group_that_did_not_claim_is_not_the_author() -> None:
    result = _run(
        "NIAMEY, June 9 (Reuters) - Suspected jihadists killed nine soldiers in an attack on a military post near "
        "Tera in western Niger on Sunday, the army said.\n\nIslamic State Sahel Province, which operates in the "
        "region, did not claim the attack."
    )
    assert _actor1(result) == ["Unidentified Armed Group (Niger)"]


def test_group_that_denied_is_not_the_author() -> None:
    result = _run(
        "Militants stormed a police station in Mandera county in northeastern Kenya on Monday, killing three "
        "officers. Al Shabaab denied involvement in the raid."
    )
    assert "Al Shabaab" not in _actor1(result)


def test_group_named_before_is_still_the_author() -> None:
    result = _run(
        "JNIM fighters attacked an army post near Djibo in northern Burkina Faso on Sunday. The jihadists "
        "killed 12 soldiers, security sources said."
    )
    assert "JNIM: Group for Support of Islam and Muslims" in _actor1(result)


def test_military_junta_is_the_home_state_outside_myanmar() -> None:
    result = _run(
        "BAMAKO, June 9 (AFP) - Mali's military junta dissolved all political parties on Monday, state "
        "television reported."
    )
    assert "Military Forces of Myanmar (2021-)" not in _names(result)


def test_junta_forces_are_myanmars_in_myanmar() -> None:
    result = _run("Junta forces shelled a village in Sagaing region of Myanmar on Monday, killing four civilians.")
    assert "Military Forces of Myanmar (2021-)" in _names(result)
