"""The fusion engine's view of the store: events read back from their ``f_*`` columns, by (country, week) cell."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import Connection, select

from ._fusion_rules import ActorKey, FusionEvent, PlaceKey, actor_keys
from ._rows import ACTOR_SEP, FIELD_SEP
from ._tables import events

__all__ = ["FUSION_COLUMNS", "StoreCells", "fusion_event_of_row"]

FUSION_COLUMNS: Final = (
    events.c.pk, events.c.document_id, events.c.id, events.c.event_type, events.c.sub_event_type,
    events.c.f_lo, events.c.f_hi, events.c.f_kind, events.c.date_anchor, events.c.f_edge,
    events.c.f_country, events.c.f_admin1, events.c.f_admin2, events.c.f_place, events.c.f_level,
    events.c.f_gazetteer, events.c.f_lat, events.c.f_lon, events.c.f_actors, events.c.f_named, events.c.fatalities,
    events.c.fusible, events.c.leader_pk, events.c.date_start, events.c.date_end, events.c.confidence,
    events.c.civilian_targeting, events.c.place_name, events.c.place_admin1,
)
# SQLite's limit on bound parameters is 32766 (999 before 3.32): stay well below either.
_CHUNK: Final = 900


@lru_cache(maxsize=65536)
def _actors(packed: str) -> tuple[ActorKey, ...]:
    if not packed:
        return ()
    pairs = tuple(tuple(pair.split(FIELD_SEP, 1)) for pair in packed.split(ACTOR_SEP))
    return actor_keys(pairs)  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _named(packed: str) -> frozenset[str]:
    return frozenset(packed.split(FIELD_SEP)) if packed else frozenset()


def fusion_event_of_row(row: Sequence[Any]) -> FusionEvent:
    """A :class:`FusionEvent` from a row of :data:`FUSION_COLUMNS`."""
    (pk, document_id, event_id, event_type, sub_event_type, lo, hi, kind, anchor, edge, country, admin1, admin2,
     place, level, gazetteer, lat, lon, packed, named, toll, fusible, leader, start, end, confidence, civilian,
     place_name, place_admin1) = row
    return FusionEvent(
        pk=pk, document_id=document_id, event_id=event_id, event_type=event_type, sub_event_type=sub_event_type,
        lo=lo, hi=hi, kind=kind, anchor=anchor.toordinal(), edge=bool(edge),
        place=PlaceKey(country=country, admin1=admin1, admin2=admin2, name=place, level=level,
                       gazetteer_id=gazetteer, latitude=lat, longitude=lon),
        actors=_actors(packed), toll=toll, fusible=bool(fusible), leader=leader, start=start.toordinal(),
        end=end.toordinal(), confidence=confidence, civilian=bool(civilian), place_name=place_name or "",
        place_admin1=place_admin1 or "", places_named=_named(named or ""))


class StoreCells:
    """A :class:`~conflict_events.store._fusion_engine.CellSource` reading the connection of the batch at hand."""

    def __init__(self) -> None:
        self.connection: Connection | None = None
        self.reads = 0

    def _conn(self) -> Connection:
        if self.connection is None:
            raise RuntimeError("the fusion engine read the store outside a transaction")
        return self.connection

    def load(self, country: str, first_bucket: int, last_bucket: int) -> Iterable[FusionEvent]:
        self.reads += 1
        query = select(*FUSION_COLUMNS).where(
            events.c.f_country == country, events.c.f_bucket.between(first_bucket, last_bucket),
            events.c.fusible.is_(True))
        return [fusion_event_of_row(r) for r in self._conn().execute(query)]

    def fetch(self, pks: Iterable[int]) -> Iterable[FusionEvent]:
        wanted: Sequence[int] = sorted(set(pks))
        out: list[FusionEvent] = []
        for i in range(0, len(wanted), _CHUNK):
            query = select(*FUSION_COLUMNS).where(events.c.pk.in_(wanted[i: i + _CHUNK]),
                                                  events.c.fusible.is_(True))
            out += [fusion_event_of_row(r) for r in self._conn().execute(query)]
        return out
