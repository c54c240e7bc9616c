"""ACLED inter codes (actor types 1-8) of an actor in a given event's country.

A state's forces acting outside their own country are external forces (8), so
the code depends on where the event happens, not only on the actor.

>>> from conflict_events.schema import Actor
>>> ru = Actor(id="a1", name="Military Forces of Russia (2000-)", kind="state_forces", country="RU")
>>> acled_inter_code(ru, "UA"), acled_inter_code(ru, "RU")
(8, 1)
>>> acled_inter_code(Actor(id="a2", name="Civilians (Ukraine)", kind="civilians", country="UA"), "UA")
7
"""

from __future__ import annotations

from typing import Final

from ..schema import Actor

__all__ = ["INTER_CODES", "acled_inter_code", "interaction_code"]

INTER_CODES: Final[dict[str, int]] = {
    "state_forces": 1,
    "government": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
}


def acled_inter_code(actor: Actor, event_country: str | None) -> int:
    """ACLED's inter code (1-8) of ``actor`` in an event located in ``event_country``; 0 if no ACLED type.

    Speakers (organisations, media, persons, unknown sources) have no ACLED actor
    type and get 0; callers should not put them in an event's actor columns.
    """
    code = INTER_CODES.get(actor.kind, 0)
    if code == 1 and actor.country and event_country and actor.country != event_country:
        return 8
    return code


def interaction_code(first: int, second: int | None) -> int:
    """ACLED's interaction code: the two inter codes, smaller digit first; one-sided is the code times ten.

    >>> interaction_code(8, 1), interaction_code(1, 2), interaction_code(8, None)
    (18, 12, 80)
    """
    if not second:
        return first * 10
    low, high = sorted((first, second))
    return low * 10 + high
