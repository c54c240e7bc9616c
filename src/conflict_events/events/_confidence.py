"""A calibrated confidence for each event (0-1), documented in docs/events.md.

It starts from half the trigger's lexicon strength (how surely the word names a
conflict event: "air strike" 0.95, "attack" 0.8, "killed" 0.6) and adds the
evidence an ACLED coder needs, so that a fully specified, well-reported event
scores about 0.9 and a bare mention about 0.3:

====================================  ==========
base                                  0.5 x strength
actor1 known                          +0.12
actor2 known (or one-sided type)      +0.06
a place named in the trigger's clause +0.10 (sentence +0.05, context 0, none -0.05)
a date written in the text            +0.06
each further mention or claim         +0.03 (at most +0.09)
hedged report ("reportedly")          -0.10
attribution contested                 -0.10
side filled from the document's pair  -0.08
Strategic development                 -0.10 (context-dependent for ACLED)
====================================  ==========

clamped to [0.05, 0.99] and rounded to two decimals.

>>> score(0.9, actor1=True, actor2=True, place_rank=0, dated=True, extra_mentions=2)
0.85
>>> score(0.6, actor1=False, actor2=False, place_rank=9, dated=False, extra_mentions=0, hedged=True)
0.15
"""

from __future__ import annotations

__all__ = ["score"]


def score(
    strength: float,
    *,
    actor1: bool,
    actor2: bool,
    place_rank: int,
    dated: bool,
    extra_mentions: int,
    hedged: bool = False,
    contested: bool = False,
    filled: bool = False,
    strategic: bool = False,
) -> float:
    """The event's confidence from its trigger strength and the completeness of its record."""
    value = 0.5 * strength
    value += 0.12 if actor1 else 0.0
    value += 0.06 if actor2 else 0.0
    value += {0: 0.10, 1: 0.05, 2: 0.0}.get(place_rank, -0.05)
    value += 0.06 if dated else 0.0
    value += min(extra_mentions, 3) * 0.03
    value -= 0.10 if hedged else 0.0
    value -= 0.10 if contested else 0.0
    value -= 0.08 if filled else 0.0
    value -= 0.10 if strategic else 0.0
    return round(min(0.99, max(0.05, value)), 2)
