"""What the members of a fused event agree on: its type, date, place, sides and every report's toll.

- **Type**: the sub-event type with the most support (the sum of its members'
  confidences); among those with at least half the best support, one that names
  the weapon or method (an air strike over "an attack": ACLED codes an air
  strike on a village as an air strike).
- **Date**: the tightest span consistent with the members' dates: the days
  every dated member allows (undated reports constrain nothing); when two
  reports a day apart leave none, the days between them.
- **Place**: the place most members agree with (a member naming the place, or
  a larger place containing it), the most precise among equals.
- **Sides**: for each role, the actor most members name in it; a generic label
  ("Unidentified Armed Group") only when no member names the group.
- **Toll**: each document's figure (its most confident member's that has one).

>>> import datetime as dt
>>> from conflict_events.store._fusion_rules import FusionEvent, PlaceKey
>>> town = PlaceKey.build(name="Kupiansk", kind="settlement", country="UA", admin1="Kharkiv")
>>> def member(doc, sub, day, text, toll, place=town):
...     d = dt.date(2025, 3, day)
...     e = FusionEvent.build(pk=day, document_id=doc, event_id="e1", sub_event_type=sub,
...                           date=(d, d, "day", text, d), place=place, toll=toll)
...     e.confidence = 0.8
...     return e
>>> members = [member("a", "Attack", 9, "on Sunday", 4), member("b", "Air/drone strike", 9, "on Sunday", 6),
...            member("c", "Attack", 10, None, None, PlaceKey.build(name="Ukraine", kind="country", country="UA"))]
>>> sub_event_type_of(members), [dt.date.fromordinal(d).isoformat() for d in date_span(members)]
('Air/drone strike', ['2025-03-09', '2025-03-09'])
>>> place_member(members).place.name, tolls_by_document(members)
('kupiansk', {'a': 4, 'b': 6, 'c': None})
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from typing import Final

from ..lexicons import lexicon
from ..schema import FatalityRule, event_type_of
from ._fusion_rules import (
    INSIDE_COUNTRY,
    INSIDE_DISTRICT,
    INSIDE_PROVINCE,
    NOWHERE,
    SAME,
    UNDATED,
    FusionEvent,
    place_relation,
)

__all__ = [
    "SUMMARY_COLUMNS",
    "date_span",
    "fused_id",
    "place_member",
    "sub_event_type_of",
    "summary_row",
    "summary_values",
    "tolls_by_document",
]

_INSIDE: Final = (INSIDE_COUNTRY, INSIDE_PROVINCE, INSIDE_DISTRICT)


def fused_id(document_id: str, event_id: str) -> str:
    """A fused event's id, from its leader's ids: stable while the leader stays the cluster's first member.

    >>> fused_id("kharkiv-2025-03-09", "e1")
    'fe-4339241f66fc0299'
    """
    digest = hashlib.sha256(f"{document_id}\x1f{event_id}".encode()).hexdigest()
    return "fe-" + digest[:16]


def sub_event_type_of(members: Sequence[FusionEvent]) -> str:
    """The sub-event type the members' evidence supports best (see the module docstring)."""
    support: dict[str, float] = defaultdict(float)
    for m in members:
        support[m.sub_event_type] += max(m.confidence, 0.01)
    best = max(support.values())
    specific = lexicon("fusion").words("specific_sub_types")
    return min(support, key=lambda s: (not (s in specific and support[s] >= best / 2), -support[s], s))


def date_span(members: Sequence[FusionEvent]) -> tuple[int, int]:
    """The tightest days (ordinals) consistent with the members' own dates."""
    dated = [m for m in members if m.kind != UNDATED] or list(members)
    lo, hi = max(m.start for m in dated), min(m.end for m in dated)
    if lo > hi:  # reports a day apart: the days between them
        lo, hi = hi, lo
    return lo, hi


def _contains(outer: FusionEvent, inner: FusionEvent) -> bool:
    relation = place_relation(outer.place, inner.place)
    return relation == SAME or (relation in _INSIDE and outer.place.level > inner.place.level)


def place_member(members: Sequence[FusionEvent]) -> FusionEvent | None:
    """The member whose place the fused event takes (None when no member names one)."""
    placed = [m for m in members if m.place.level != NOWHERE]
    if not placed:
        return None

    def key(m: FusionEvent) -> tuple[int, int, bool, float, str]:
        support = sum(1 for other in placed if _contains(other, m))
        return (-support, m.place.level, m.place.latitude is None, -m.confidence, m.place.name)

    return min(placed, key=key)


def tolls_by_document(members: Sequence[FusionEvent]) -> dict[str, int | None]:
    """Each member document's toll: that of its most confident member giving one (None: it gives none)."""
    out: dict[str, int | None] = {}
    for m in sorted(members, key=lambda m: -m.confidence):
        if out.get(m.document_id) is None:
            out[m.document_id] = m.toll
    return out


def toll_bounds(by_document: dict[str, int | None], rule: FatalityRule = "lowest"
                ) -> tuple[int | None, int | None, int | None]:
    """Low, best and high of the reports' tolls, as :meth:`~conflict_events.schema.FusedFatalities.of` gives
    them, without building the model (ingest summarises every cluster a batch touches).

    >>> toll_bounds({"a": 30, "b": None, "c": 50, "d": 39}, rule="median")
    (30, 39, 50)
    """
    given = sorted(v for v in by_document.values() if v is not None)
    if not given:
        return None, None, None
    best = {"lowest": given[0], "highest": given[-1], "median": given[(len(given) - 1) // 2]}[rule]
    return given[0], best, given[-1]


# The columns of a fused_events row, in the table's order (summary_values gives its values so).
SUMMARY_COLUMNS: Final = ("leader_pk", "id", "event_type", "sub_event_type", "date_start", "date_end", "country",
                          "admin1", "location", "fatalities_low", "fatalities_best", "fatalities_high", "members",
                          "documents")


def summary_row(members: Sequence[FusionEvent], *, rule: FatalityRule = "lowest") -> dict[str, object]:
    """The ``fused_events`` row of a cluster (members in canonical order, the leader first)."""
    return dict(zip(SUMMARY_COLUMNS, summary_values(members, rule=rule), strict=True))


def summary_values(members: Sequence[FusionEvent], *, rule: FatalityRule = "lowest") -> tuple[object, ...]:
    """:func:`summary_row`'s values in :data:`SUMMARY_COLUMNS` order: the tuple ingest hands to the driver."""
    leader = members[0]
    if len(members) == 1:  # most clusters: what each step below finds for one member, directly
        sub, (lo, hi) = leader.sub_event_type, sorted((leader.start, leader.end))
        where = leader if leader.place.level != NOWHERE else None
        low = best = high = leader.toll
        documents = 1
    else:
        sub = sub_event_type_of(members)
        lo, hi = date_span(members)
        where = place_member(members)
        low, best, high = toll_bounds(tolls_by_document(members), rule)
        documents = len({m.document_id for m in members})
    return (leader.pk, fused_id(leader.document_id, leader.event_id), event_type_of(sub), sub,
            dt.date.fromordinal(lo), dt.date.fromordinal(hi),
            (where.place.country if where else leader.place.country) or None,
            (where.place_admin1 or None) if where else None, (where.place_name or None) if where else None,
            low, best, high, len(members), documents)
