"""Incremental, order-independent clustering of events into fused events.

The clusters are defined by one pass over every event in the canonical order
(:attr:`FusionEvent.order`): an event joins the cluster, among those formed by
events before it, that it scores best with (:func:`pair_score` with any member,
at :data:`THRESHOLD` or more), provided no member *before it* vetoes the pair;
with no such cluster it starts its own and is that cluster's leader. Because the
definition depends only on the set of events, any arrival order, any batching,
and any mix of additions and removals give the same clusters.

The engine keeps that result up to date without the full pass: an event's
decision depends only on events near it (same country, dates within a day,
found through an index of days), so adding or removing an event re-decides only
the later events whose candidates or candidate clusters it touches, in canonical
order, and follows a change on only as far as it goes. Events are kept in memory
by (country, week) cells, read from the store on demand through a :class:`CellSource`.

>>> import datetime as dt
>>> from conflict_events.store._fusion_rules import PlaceKey
>>> town = PlaceKey.build(name="Kupiansk", kind="settlement", country="UA", admin1="Kharkiv")
>>> def report(pk, doc, day):
...     when = (day, day, "day", "on Sunday", day)
...     return FusionEvent.build(pk=pk, document_id=doc, event_id="e1", sub_event_type="Air/drone strike",
...                              date=when, place=town)
>>> engine = FusionEngine(MemorySource())
>>> change = engine.apply(added=[report(1, "b", dt.date(2025, 3, 9)), report(2, "a", dt.date(2025, 3, 9)),
...                              report(3, "c", dt.date(2025, 3, 14))])
>>> sorted(engine.clusters().values())
[[1, 2], [3]]
>>> engine.leader_of(1), engine.leader_of(2)
(2, 2)
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final, Protocol

from ._fusion_rules import MAX_SPAN_DAYS, THRESHOLD, FusionEvent, pair_score

__all__ = ["BUCKET_DAYS", "CellSource", "FusionChange", "FusionEngine", "MemorySource", "bucket_of"]

BUCKET_DAYS: Final = 7
# The widest window an event may have: a month-long span, or an undated report's lookback.
_WIDEST: Final = MAX_SPAN_DAYS + 4
# A decision reads candidates within a day of the event and the members of their clusters,
# which lie within one window of a candidate: keep that much of the country in memory.
_BEFORE: Final = 2 * _WIDEST + 2
_AFTER: Final = _WIDEST + 2


def bucket_of(first_day: int) -> int:
    """The index cell (week) of an event, by the first day of its window (a date ordinal)."""
    return first_day // BUCKET_DAYS


class CellSource(Protocol):
    """Where the engine reads events it does not hold: the store, or memory in tests."""

    def load(self, country: str, first_bucket: int, last_bucket: int) -> Iterable[FusionEvent]:
        """Every fusible event of ``country`` whose bucket lies in the range, with its current leader."""
        ...

    def fetch(self, pks: Iterable[int]) -> Iterable[FusionEvent]:
        """The events with these keys (those that exist)."""
        ...


@dataclass
class MemorySource:
    """A :class:`CellSource` with nothing in it (everything the engine sees is added to it)."""

    events: dict[int, FusionEvent] = field(default_factory=dict)

    def load(self, country: str, first_bucket: int, last_bucket: int) -> Iterable[FusionEvent]:
        return [e for e in self.events.values()
                if e.place.country == country and first_bucket <= bucket_of(e.lo) <= last_bucket]

    def fetch(self, pks: Iterable[int]) -> Iterable[FusionEvent]:
        return [self.events[pk] for pk in pks if pk in self.events]


@dataclass
class FusionChange:
    """What one :meth:`FusionEngine.apply` changed."""

    leaders: dict[int, int] = field(default_factory=dict)  # event pk -> its new leader
    touched: set[int] = field(default_factory=set)  # leaders whose clusters changed (or ended)
    decided: int = 0  # decisions taken (the work done)


class FusionEngine:
    """The clusters of the events near what changes, kept in memory by (country, week) cells."""

    def __init__(self, source: CellSource) -> None:
        self.source = source
        self.by_pk: dict[int, FusionEvent] = {}
        self.by_day: dict[str, dict[int, list[FusionEvent]]] = {}
        self.loaded: set[tuple[str, int]] = set()
        self.members: dict[int, set[int]] = {}

    # -- memory ---------------------------------------------------------------------------------------------

    def _hold(self, event: FusionEvent) -> None:
        self.by_pk[event.pk] = event
        days = self.by_day.setdefault(event.place.country, {})
        for day in range(event.lo, event.hi + 1):
            days.setdefault(day, []).append(event)
        if event.leader is not None:
            self.members.setdefault(event.leader, set()).add(event.pk)

    def _drop(self, event: FusionEvent) -> None:
        del self.by_pk[event.pk]
        days = self.by_day[event.place.country]
        for day in range(event.lo, event.hi + 1):
            days[day] = [e for e in days[day] if e.pk != event.pk]
        if event.leader is not None:
            self._leave(event.pk, event.leader)

    def _leave(self, pk: int, leader: int) -> None:
        group = self.members.get(leader)
        if group is not None:
            group.discard(pk)
            if not group:
                del self.members[leader]

    def _ensure(self, country: str, first_day: int, last_day: int) -> None:
        """Have in memory every event of the country whose window could touch these days' decisions."""
        wanted = [b for b in range(bucket_of(first_day - _BEFORE), bucket_of(last_day + _AFTER) + 1)
                  if (country, b) not in self.loaded]
        if not wanted:
            return
        for event in self.source.load(country, wanted[0], wanted[-1]):
            if event.pk not in self.by_pk and (country, bucket_of(event.lo)) not in self.loaded:
                self._hold(event)
        self.loaded.update((country, b) for b in range(wanted[0], wanted[-1] + 1))

    def forget(self) -> None:
        """Drop every event held (after a failed transaction, or to bound memory)."""
        self.by_pk.clear()
        self.by_day.clear()
        self.loaded.clear()
        self.members.clear()

    @property
    def held(self) -> int:
        """How many events are in memory."""
        return len(self.by_pk)

    # -- queries --------------------------------------------------------------------------------------------

    def candidates(self, x: FusionEvent) -> Iterator[FusionEvent]:
        """The events that could be one happening with ``x``: same country and province, dates within a day."""
        days = self.by_day.get(x.place.country, {})
        seen = {x.pk}
        admin1 = x.place.admin1
        for day in range(x.lo - 1, x.hi + 2):
            for y in days.get(day, ()):
                if y.pk in seen:
                    continue
                seen.add(y.pk)
                if not admin1 or not y.place.admin1 or y.place.admin1 == admin1:
                    yield y

    def leader_of(self, pk: int) -> int | None:
        """The leader of an event held in memory."""
        event = self.by_pk.get(pk)
        return None if event is None else event.leader

    def clusters(self) -> dict[int, list[int]]:
        """Leader -> sorted member keys, for every cluster held in memory."""
        return {leader: sorted(pks) for leader, pks in self.members.items() if pks}

    def members_of(self, leader: int) -> list[FusionEvent]:
        """The members held of a cluster, in canonical order."""
        return sorted((self.by_pk[pk] for pk in self.members.get(leader, ())), key=lambda e: e.order)

    # -- deciding -------------------------------------------------------------------------------------------

    def decide(self, x: FusionEvent) -> int:
        """The leader ``x`` gets: the best cluster of earlier events it may join, else itself."""
        self._ensure(x.place.country, x.lo, x.hi)
        order = x.order
        best: tuple[float, tuple[int, int, int, str, str], int] | None = None
        tried: set[int] = set()
        for y in self.candidates(x):
            leader = y.leader
            if leader is None or leader in tried or y.order >= order:
                continue
            tried.add(leader)
            score = self._cluster_score(x, leader, order)
            if score is None:
                continue
            key = self.by_pk[leader].order
            if best is None or score > best[0] or (score == best[0] and key < best[1]):
                best = (score, key, leader)
        return x.pk if best is None else best[2]

    def _cluster_score(self, x: FusionEvent, leader: int, order: tuple[int, int, int, str, str]) -> float | None:
        """The best score of ``x`` with a member before it, or None if any such member vetoes."""
        best: float | None = None
        for pk in self.members.get(leader, ()):
            m = self.by_pk[pk]
            if m.order >= order:
                continue
            score = pair_score(x, m)
            if score is None:
                return None
            if best is None or score > best:
                best = score
        return best if best is not None and best >= THRESHOLD else None

    def _affected(self, x: FusionEvent, clusters: Iterable[int | None]) -> Iterator[FusionEvent]:
        """Later events whose decision may change when ``x`` moves between these clusters."""
        order = x.order
        sources = [x]
        for leader in clusters:
            if leader is not None:
                sources += [self.by_pk[pk] for pk in self.members.get(leader, ()) if pk in self.by_pk]
        for source in sources:
            if source is not x and source.order > order:
                yield source
            self._ensure(source.place.country, source.lo, source.hi)
            for z in self.candidates(source):
                if z.order > order:
                    yield z

    def apply(self, *, added: Iterable[FusionEvent] = (), removed: Iterable[int] = ()) -> FusionChange:
        """Add and remove events, re-decide what that touches; returns the new leaders and touched clusters."""
        change = FusionChange()
        queue: list[tuple[tuple[int, int, int, str, str], int]] = []
        queued: set[int] = set()

        def push(events: Iterable[FusionEvent]) -> None:
            for z in events:
                if z.pk not in queued and z.pk in self.by_pk:
                    queued.add(z.pk)
                    heapq.heappush(queue, (z.order, z.pk))

        gone = [e for e in self.source.fetch(removed)]
        for event in gone:
            self._ensure(event.place.country, event.lo, event.hi)
            held = self.by_pk.get(event.pk, event)
            old = held.leader
            if held.pk in self.by_pk:
                self._drop(held)
            change.touched.update(x for x in (old, held.pk) if x is not None)
            push(self._affected(held, (old, held.pk)))
        fresh = [e for e in added if e.fusible]
        for event in fresh:
            # Held before any cell is read, so a cell read from the store never holds it twice.
            event.leader = None
            if event.pk in self.by_pk:
                self._drop(self.by_pk[event.pk])
            self._hold(event)
        for event in fresh:
            self._ensure(event.place.country, event.lo, event.hi)
        push(fresh)
        while queue:
            _, pk = heapq.heappop(queue)
            x = self.by_pk.get(pk)
            if x is None:
                continue
            new = self.decide(x)
            change.decided += 1
            old = x.leader
            if new == old:
                continue
            if old is not None:
                self._leave(x.pk, old)
            x.leader = new
            self.members.setdefault(new, set()).add(x.pk)
            change.leaders[x.pk] = new
            change.touched.update(v for v in (old, new, x.pk) if v is not None)
            push(self._affected(x, (old, new, x.pk)))
        return change
