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
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, NamedTuple, Protocol

from ._fusion_rules import (
    COUNTRY,
    DAY,
    DISTRICT,
    MAX_SPAN_DAYS,
    NEAR_KM,
    NOWHERE,
    PROVINCE,
    THRESHOLD,
    TOLL_OF_NOTE,
    FusionEvent,
    PlaceKey,
    coarse_choices,
    link_linker,
    may_link_across,
    pair_linker,
    related_types,
)

__all__ = ["BUCKET_DAYS", "CellSource", "FusionChange", "FusionEngine", "MemorySource", "Query", "bucket_of",
           "query_keys"]

BUCKET_DAYS: Final = 7
# The widest window an event may have: a month-long span, or an undated report's lookback.
_WIDEST: Final = MAX_SPAN_DAYS + 4
# A decision reads candidates within a day of the event and the members of their clusters,
# which lie within one window of a candidate: keep that much of the country in memory.
_BEFORE: Final = 2 * _WIDEST + 2
_AFTER: Final = _WIDEST + 2
# Weeks of each country kept in memory behind its newest event (see FusionEngine.trim): the weeks a decision
# on the newest days reads back (_BEFORE) from the first day of the widest window an event of those days can
# have (_WIDEST: a month-long report), and two more for reports that come late. With _BEFORE alone, every batch
# holding a month-long report read back from the store the weeks trim had just dropped, and trim dropped them
# again: a fifth of the CPU of a long ingest.
KEEP_WEEKS: Final = (_WIDEST + _BEFORE) // BUCKET_DAYS + 2


LinkKey = tuple[object, ...]
# The grid of link keys for places with coordinates: a cell of 0.1 degree is 11 km of latitude.
_GRID: Final = 0.1


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / _GRID), math.floor(longitude / _GRID)


def link_keys(e: FusionEvent) -> list[LinkKey]:
    """The keys an event is filed under, so that every event that can link to it finds it (:func:`query_keys`).

    Not its document: a document's events are kept in one list (``FusionEngine.by_doc``), not one per day.
    """
    p = e.place
    keys: list[LinkKey] = [("type", e.event_type)]
    if e.toll is not None and e.toll >= TOLL_OF_NOTE:
        keys.append(("toll", e.toll))
    if p.level == NOWHERE:
        return keys
    if p.level >= PROVINCE:
        keys += _named_keys(p, e.places_named)
    keys.append(("name", p.name))
    if p.gazetteer_id:
        keys.append(("id", p.gazetteer_id))
    if p.level == COUNTRY:
        keys.append(("country", e.event_type))
    elif p.level == PROVINCE:
        keys.append(("province", p.admin1, e.event_type))
    elif p.level == DISTRICT:
        keys.append(("district", p.admin2))
    elif p.admin2:
        keys.append(("in district", p.admin2))
    if p.latitude is not None and p.longitude is not None:
        keys.append(("cell", *_cell(p.latitude, p.longitude)))
    return keys


def _named_keys(p: PlaceKey, named: frozenset[str]) -> list[LinkKey]:
    """The keys of the towns a wide report (a province or a country) names (``fusion.place.named_by_the_reports``):
    a town's report finds it through them. Only wide reports are filed so: a town's report that names another
    town is found by that town's name (:meth:`FusionEngine._naming`), and filing every report under every town
    it names made those keys half the index's lists and a third of its entries."""
    return [("named", n) for n in sorted(named)]


# Keys filed per event type (the event's type is their last part): those of the long lists of a province's
# or a country's events, which FusionEngine._broad reads by type.
_TYPED: Final = frozenset({"country", "province", "type"})


@lru_cache(maxsize=64)
def _other_types(event_type: str) -> tuple[str, ...]:
    """The other event types an event of this type may be one happening with, either way round."""
    table = related_types()
    either = {*table.get(event_type, ()), *(t for t, related in table.items() if event_type in related)}
    return tuple(sorted(either - {event_type}))


class Query(NamedTuple):
    """Where the events that can link to an event are filed (see :func:`query_keys`)."""

    keys: list[LinkKey]  # specific keys: every link that is not a coarse one is found through them
    same: list[LinkKey]  # the same province or country by name: coarse, within a day of the event
    inside: list[LinkKey]  # containing or contained at the province or country level: coarse, the same days
    province: str  # a province to scan whole (the same days)
    everything: bool  # scan the whole country (the same days)


def query_keys(x: FusionEvent) -> Query:
    """Where the events that can link to ``x`` are filed.

    Follows from the points (``_fusion_rules``): a different town of the province, a report with
    no place reach the threshold only with the same toll (of :data:`TOLL_OF_NOTE` or more, its
    own key); another report of the same document, only through its own key; a province-level
    report may be any town of its province, a country-level one any event of a related type.
    Every link that is not a coarse one (:func:`coarse_link`) is found through the specific keys.
    A coarse link by containment needs days in common (a day apart it scores at most 3 + 0 + 2 +
    1.5 + 0.5 = 7, under the threshold: ``tests/store/test_fusion_rules.py`` checks it), so those
    candidates are looked up on the event's own days only.
    """
    p = x.place
    keys: list[LinkKey] = []  # (and the events of its document: FusionEngine.by_doc)
    if x.toll is not None and x.toll >= TOLL_OF_NOTE:
        keys.append(("toll", x.toll))
    if p.level == NOWHERE:
        return Query(keys, [], [], "", False)
    # reports naming each other's place, or a wide report naming this town (named_by_the_reports; a town's report
    # that names this town is looked up by the towns this report names, see FusionEngine._naming)
    if p.level < PROVINCE:
        keys.append(("named", p.name))
    else:
        keys += [("name", n) for n in sorted(x.places_named)]
    # the same province or country by name is a coarse link (only the toll or the report tell more)
    same: list[LinkKey] = []
    own = keys if p.level < PROVINCE else same
    own.append(("name", p.name))
    if p.gazetteer_id:
        own.append(("id", p.gazetteer_id))
    if p.level == COUNTRY:
        # inside the country (1.5 points) any type the rules relate to its own may reach the threshold
        same.append(("country",))
        return Query(keys, same, [("type",)], "", False)
    inside: list[LinkKey] = [("country",)]
    if p.level == PROVINCE:
        return Query(keys, same, inside, p.admin1, not p.admin1)
    inside.append(("province", p.admin1))
    if p.level == DISTRICT:
        keys += [("in district", p.admin2), ("district", p.admin2)]
    elif p.admin2:
        keys.append(("district", p.admin2))
    if p.latitude is not None and p.longitude is not None:
        keys += _cells_around(p.latitude, p.longitude)
    return Query(keys, same, inside, "", False)


@lru_cache(maxsize=4096)  # (some 12 keys a place: a few MB at most)
def _cells_around(latitude: float, longitude: float) -> tuple[LinkKey, ...]:
    """The grid cells a place's reports within NEAR_KM are filed under (a town's every decision asks them)."""
    row, col = _cell(latitude, longitude)
    # enough cells around to reach NEAR_KM at this latitude, where longitude degrees shrink
    reach = math.ceil(NEAR_KM / (111.32 * max(0.05, math.cos(math.radians(latitude)))) / _GRID)
    return tuple(("cell", row + dr, col + dc) for dr in (-1, 0, 1) for dc in range(-reach, reach + 1))


# The candidates of an event just decided, for _affected_by_arrival (see FusionEngine.parts)
_Parts = tuple[int, list[FusionEvent], list[list[FusionEvent]], set[int], list[FusionEvent] | None]
# An index of the engine: a province or link key -> day -> the events filed there
_Table = dict[Any, dict[int, list[FusionEvent]]]


def _remove(days: dict[int, list[FusionEvent]], day: int, pk: int) -> None:
    """Take an event off one day's list, and the day off when nothing is left (no empty lists pile up)."""
    kept = [e for e in days[day] if e.pk != pk]
    if kept:
        days[day] = kept
    else:
        del days[day]


def _once(lists: list[list[FusionEvent]], seen: set[int]) -> Iterator[FusionEvent]:
    """The events of these lists that ``seen`` lacks, once each (into ``seen``)."""
    for listed in lists:
        for e in listed:
            if e.pk not in seen:
                seen.add(e.pk)
                yield e


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
        # country -> province key ('' for events placed no finer than the country) -> day -> events
        # (each event type apart: an event of another type is read on its day only, see FusionEngine._broad)
        self.by_day: dict[str, dict[tuple[str, str], dict[int, list[FusionEvent]]]] = {}
        # country -> link key (see link_keys) -> day -> events: where the events that can link to one are
        self.by_key: dict[str, dict[LinkKey, dict[int, list[FusionEvent]]]] = {}
        # country -> document id -> its events: one short list, not one per day of each event's window (an index
        # of long-lived small lists grows the allocator's memory as weeks are dropped and filled)
        self.by_doc: dict[str, dict[str, list[FusionEvent]]] = {}
        self.loaded: set[tuple[str, int]] = set()
        # (country, first week, last week) ranges known to be loaded whole; emptied when weeks are dropped
        self.covered: set[tuple[str, int, int]] = set()
        # country -> week (bucket_of its first day) -> the events held whose window starts in it: what trim drops
        self.weeks: dict[str, dict[int, dict[int, FusionEvent]]] = {}
        self.members: dict[int, set[int]] = {}
        # country -> the newest week an added event lies in: trim keeps the weeks just before it
        self.newest: dict[str, int] = {}
        self.cutoff: dict[str, int] = {}
        # events whose last decision found more clusters by coarse links than coarse_choices (so ignored them)
        self.overflowed: set[int] = set()
        # the pair scoring of this apply (pair_linker: the folded rules, unless a rule is switched off)
        self.link = pair_linker()
        self.links = link_linker()  # the same, for pairs that link only
        # the candidates of the event decided last (its pk, the specific ones, the broad day lists, their keys,
        # and the later events of the broad lists, once each, when its decision walked them all)
        self.parts: _Parts | None = None
        # the events queued in this apply (decided or waiting): queued once, so never pushed again, and the later
        # events an arrival or a move may change skip them before any pair is scored (see apply)
        self.queued: set[int] = set()
        # (z, m) -> whether m links to z by a specific link, for this apply (_links_specifically): each arrival in a
        # cluster asks it of the cluster's members again, and two in five of the asks repeat a pair
        self.specific: dict[tuple[int, int], bool] = {}

    # -- memory ---------------------------------------------------------------------------------------------

    def _hold(self, event: FusionEvent) -> None:
        self.parts = None
        self.by_pk[event.pk] = event
        country = event.place.country
        self.weeks.setdefault(country, {}).setdefault(bucket_of(event.lo), {})[event.pk] = event
        self.by_doc.setdefault(country, {}).setdefault(event.document_id, []).append(event)
        keyed = self.by_key.setdefault(country, {})
        for days in (self.by_day.setdefault(country, {}).setdefault((event.place.admin1, event.event_type), {}),
                     *(keyed.setdefault(key, {}) for key in link_keys(event))):
            for day in range(event.lo, event.hi + 1):
                listed = days.get(day)
                if listed is None:
                    days[day] = [event]  # sized for one (most days of a key hold one or two), no empty list made
                else:
                    listed.append(event)
        if event.leader is not None:
            self.members.setdefault(event.leader, set()).add(event.pk)

    def _drop(self, event: FusionEvent) -> None:
        self.parts = None
        del self.by_pk[event.pk]
        self.overflowed.discard(event.pk)
        country = event.place.country
        weeks = self.weeks[country]
        week = bucket_of(event.lo)
        del weeks[week][event.pk]
        if not weeks[week]:
            del weeks[week]
        self._unfile(event)
        for days in (self.by_day[country][event.place.admin1, event.event_type],
                     *(self.by_key[country][k] for k in link_keys(event))):
            for day in range(event.lo, event.hi + 1):
                _remove(days, day, event.pk)
        if event.leader is not None:
            self._leave(event.pk, event.leader)

    def _unfile(self, event: FusionEvent) -> None:
        """Take an event off its document's list, and the list off when nothing is left."""
        docs = self.by_doc[event.place.country]
        kept = [e for e in docs[event.document_id] if e.pk != event.pk]
        if kept:
            docs[event.document_id] = kept
        else:
            del docs[event.document_id]

    def _leave(self, pk: int, leader: int) -> None:
        group = self.members.get(leader)
        if group is not None:
            group.discard(pk)
            if not group:
                del self.members[leader]

    def _ensure(self, country: str, first_day: int, last_day: int) -> None:
        """Have in memory every event of the country whose window could touch these days' decisions."""
        first, last = bucket_of(first_day - _BEFORE), bucket_of(last_day + _AFTER)
        if (country, first, last) in self.covered:
            return  # every decision asks this: most ask for the same weeks as the one before
        wanted = [b for b in range(first, last + 1) if (country, b) not in self.loaded]
        if wanted:
            for event in self.source.load(country, wanted[0], wanted[-1]):
                if event.pk not in self.by_pk and (country, bucket_of(event.lo)) not in self.loaded:
                    self._hold(event)
            self.loaded.update((country, b) for b in range(wanted[0], wanted[-1] + 1))
        self.covered.add((country, first, last))

    def trim(self, keep_weeks: int = KEEP_WEEKS) -> int:
        """Drop the weeks more than ``keep_weeks`` behind each country's newest added event; how many
        events went.

        A stream in date order then holds a steady number of events however long it runs (flat
        memory), and never reads back what it dropped; a late report reads its weeks again
        (:meth:`_ensure`). A week goes whole, with every event whose window starts in it, so the
        weeks held stay complete.
        """
        cutoff = {country: week - keep_weeks for country, week in self.newest.items()}
        if cutoff == self.cutoff:
            return 0  # no week to drop since the last trim: no need to look
        self.cutoff = cutoff
        # by the week index: looking at every event held to find the few weeks to drop cost as much as dropping them
        old: list[FusionEvent] = []
        for country, weeks in self.weeks.items():
            first = cutoff.get(country, 0)
            for week in [w for w in weeks if w < first]:
                old += weeks.pop(week).values()
        later: dict[tuple[int, Any], tuple[_Table, Any, set[int]]] = {}
        for event in old:
            self._evict(event, cutoff[event.place.country] * BUCKET_DAYS, later)
        gone = {e.pk for e in old}
        for table, key, wanted in later.values():
            days = table.get(key)
            if days is None:
                continue
            for day in wanted:
                listed = days.get(day)
                if listed is not None:
                    kept = [e for e in listed if e.pk not in gone]
                    if kept:
                        days[day] = kept
                    else:
                        del days[day]
            if not days:
                del table[key]
        self.loaded = {(country, week) for country, week in self.loaded if week >= cutoff.get(country, 0)}
        self.covered.clear()
        return len(old)

    def _evict(self, event: FusionEvent, first_kept: int, later: dict[tuple[int, Any], tuple[_Table, Any, set[int]]]
               ) -> None:
        """Drop an event of a week being dropped: every day before ``first_kept`` goes whole (only events
        of dropped weeks lie there); the later days of its window, where events still held lie too,
        are noted in ``later`` (table -> its keys and days), each list filtered once for all the events
        dropped (taking them out one by one rebuilt a busy day's list once per event)."""
        self.parts = None
        del self.by_pk[event.pk]
        self._unfile(event)
        country = event.place.country
        keyed = self.by_key[country]
        areas = self.by_day[country]
        filed: list[tuple[_Table, Any]] = [(areas, (event.place.admin1, event.event_type)),
                                           *((keyed, k) for k in link_keys(event))]
        last_dropped = min(event.hi, first_kept - 1)
        for table, key in filed:
            days = table.get(key)
            if days is None:
                continue
            for day in range(event.lo, last_dropped + 1):
                days.pop(day, None)
            if event.hi >= first_kept:
                entry = later.get((id(table), key))
                if entry is None:
                    later[(id(table), key)] = entry = (table, key, set())
                entry[2].update(range(max(event.lo, first_kept), event.hi + 1))
            elif not days:
                del table[key]
        self.overflowed.discard(event.pk)
        if event.leader is not None:
            self._leave(event.pk, event.leader)

    def forget(self) -> None:
        """Drop every event held (after a failed transaction, or to bound memory)."""
        self.parts = None
        self.newest.clear()
        self.cutoff.clear()
        self.overflowed.clear()
        self.by_pk.clear()
        self.weeks.clear()
        self.by_day.clear()
        self.by_key.clear()
        self.by_doc.clear()
        self.loaded.clear()
        self.covered.clear()
        self.members.clear()

    @property
    def held(self) -> int:
        """How many events are in memory."""
        return len(self.by_pk)

    # -- queries --------------------------------------------------------------------------------------------

    def candidates(self, x: FusionEvent) -> list[FusionEvent]:
        """The events that can link to ``x`` (score at the threshold or more), and some that cannot, once each."""
        seen = {x.pk}
        specific, broad = self.candidate_parts(x, seen)
        for day in broad:
            for y in day:
                if y.pk not in seen:
                    seen.add(y.pk)
                    specific.append(y)
        return specific

    def candidate_parts(self, x: FusionEvent, seen: set[int]) -> tuple[list[FusionEvent], list[list[FusionEvent]]]:
        """The candidates of ``x`` through its specific keys (those not in ``seen``, once each, added to it),
        then the day lists of its broad keys and scans (which may repeat events, and hold what ``seen`` has).

        Looked up by the keys of :func:`query_keys`, not by scanning the province: in a busy
        province a day holds hundreds of events, of which a handful can be the same happening.
        Lists, not generators: a decision reads a few hundred entries, and each step of a
        generator costs more than reading one.
        """
        q = query_keys(x)
        keyed = self.by_key.get(x.place.country, {})
        specific = self._same_document(x, seen)
        if x.place.level >= PROVINCE:
            return specific + self._gather(x, keyed, q.keys, seen), self._broad(x, keyed, q)
        named = ("named", x.place.name)
        specific += self._gather(x, keyed, [k for k in q.keys if k != named], seen)
        return specific + self._naming(x, keyed, seen), self._broad(x, keyed, q)

    def _same_document(self, x: FusionEvent, seen: set[int]) -> list[FusionEvent]:
        """The events of the report of ``x`` within a day of it (what :func:`_gather` gives for a key)."""
        out: list[FusionEvent] = []
        listed = self.by_doc.get(x.place.country, {}).get(x.document_id)
        if listed:
            own, lo, hi = x.event_type, x.lo, x.hi
            for y in listed:
                if y.pk not in seen and y.lo <= hi + 1 and lo - 1 <= y.hi:
                    seen.add(y.pk)
                    if y.event_type == own or (y.lo <= hi and lo <= y.hi and may_link_across(x, y)):
                        out.append(y)
        return out

    @staticmethod
    def _naming(x: FusionEvent, keyed: dict[LinkKey, dict[int, list[FusionEvent]]], seen: set[int]
                ) -> list[FusionEvent]:
        """The reports naming the town of ``x`` (what :func:`_gather` gives), read after its other keys: a wide one
        may be one happening with it by the name (``fusion.place.named_by_the_reports``, filed under the towns
        it names), another town's only when ``x``'s report names that town back (found by that town's name).
        Any other town's report that can link to ``x`` does so through another key (its document, its toll,
        the same name, district or cell), so it is left for them and not taken into ``seen``: in a busy
        province most reports naming a town are of other towns."""
        out: list[FusionEvent] = []
        own, lo, hi, town = x.event_type, x.lo, x.hi, x.place.name
        wide = keyed.get(("named", town))
        # (the town's own name is one of the specific keys: all its reports are in seen already)
        # (in any order: whether a town named back keeps a report depends on the report alone, not on the town)
        towns = [keyed.get(("name", n)) for n in x.places_named if n != town]
        for days, back in ((wide, False), *((named, True) for named in towns)):
            if not days:
                continue
            for day in range(lo - 1, hi + 2):
                listed = days.get(day)
                if listed:
                    for y in listed:
                        # a town named back must name this town in turn: the wide ones are filed only so
                        if y.pk not in seen and (not back or (y.place.level < PROVINCE and town in y.places_named)):
                            seen.add(y.pk)
                            if y.event_type == own or (y.lo <= hi and lo <= y.hi and may_link_across(x, y)):
                                out.append(y)
        return out

    @staticmethod
    def _gather(x: FusionEvent, keyed: dict[LinkKey, dict[int, list[FusionEvent]]], keys: list[LinkKey],
                seen: set[int]) -> list[FusionEvent]:
        """The events filed under these keys within a day of ``x`` that ``seen`` lacks, once each (into ``seen``),
        but those of another event type that cannot link to it (:func:`may_link_across`: most of them).

        A list built in one loop: the same town's events come through its name, its id, its district
        and its cell, and a decision reads a hundred entries to find a few dozen events.
        """
        out: list[FusionEvent] = []
        own, lo, hi = x.event_type, x.lo, x.hi
        for key in keys:
            days = keyed.get(key)
            if days:
                for day in range(lo - 1, hi + 2):
                    listed = days.get(day)
                    if listed:
                        for y in listed:
                            if y.pk not in seen:
                                seen.add(y.pk)
                                # another type a day apart never links: tested here, not called
                                if y.event_type == own or (y.lo <= hi and lo <= y.hi and may_link_across(x, y)):
                                    out.append(y)
        return out

    @staticmethod
    def _days(out: list[list[FusionEvent]], table: dict[Any, dict[int, list[FusionEvent]]], keys: Iterable[Any],
              first: int, last: int) -> None:
        """Add the non-empty day lists of these keys of a table, days ``first``..``last``."""
        for key in keys:
            days = table.get(key)
            if days:
                out += [listed for day in range(first, last + 1) if (listed := days.get(day))]

    def _broad(self, x: FusionEvent, keyed: dict[LinkKey, dict[int, list[FusionEvent]]], q: Query
               ) -> list[list[FusionEvent]]:
        """The day lists of the broad keys: the same province or country by name (within a day), then the
        province or the country scanned and the containing places (on the event's own days).

        These are long lists (a busy province's or country's events of a day), so the scans and the
        containing places are kept by event type: another type's events are read on the event's day
        only, when it has one (:func:`~._fusion_rules.may_link_across`: only then can a pair of two types
        placed by containment link), and the rest of them are never walked. A type the event's may be
        another reading of (``close_readings``) is read as its own.
        """
        out: list[list[FusionEvent]] = []
        own, others = x.event_type, _other_types(x.event_type)
        # two readings of one act (``close_readings``) link as one type does, on any day of the event and a
        # day apart (``may_link_across``): their lists are read as the event's own
        near = (own, *(t for t in others if t in x.close))
        others = tuple(t for t in others if t not in x.close)
        if q.same:  # (a town's report has none: its own name and id are specific keys)
            typed = [k for k in q.same if k[0] in _TYPED]
            self._days(out, keyed, [k for k in q.same if k[0] not in _TYPED] + [(*k, t) for t in near for k in typed],
                       x.lo - 1, x.hi + 1)
            self._days(out, keyed, [(*k, t) for t in others for k in typed], x.lo, x.hi)  # a day apart: never
        areas = self.by_day.get(x.place.country) if q.everything or q.province else None
        lo = x.lo
        for t in (*near, *others) if x.kind == DAY else near:
            last = x.hi if t in near else lo
            if areas:  # (only a province's or a country's report scans the areas)
                self._days(out, areas, [a for a in areas if a[1] == t] if q.everything else [(q.province, t)],
                           lo, last)
            # the containing places (_days inlined: a town's report asks this for each related type, mostly
            # for one day)
            for k in q.inside:
                days = keyed.get((*k, t))
                if days:
                    if last == lo:
                        listed = days.get(lo)
                        if listed:
                            out.append(listed)
                    else:
                        out += [listed for day in range(lo, last + 1) if (listed := days.get(day))]
        return out

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
        """The leader ``x`` gets: the best cluster of earlier events it may join, else itself.

        Only a cluster with a member that links to x (at the threshold) can take it: find those
        first, then look for a veto among the members of those clusters only. Clusters reached
        only by coarse links (:func:`coarse_link`) count while there are at most
        :func:`coarse_choices` of them; past that the scan stops, as more cannot change it.
        """
        self._ensure(x.place.country, x.lo, x.hi)
        order = x.order
        scores: dict[int, float | None] = {}
        reachable = self._reachable(x, scores)
        best: tuple[float, tuple[int, int, int, str, str], int] | None = None
        for leader in reachable:
            score = self._cluster_score(x, leader, order, scores)
            if score is None:
                continue
            key = self.by_pk[leader].order
            if best is None or score > best[0] or (score == best[0] and key < best[1]):
                best = (score, key, leader)
        return x.pk if best is None else best[2]

    def _reachable(self, x: FusionEvent, scores: dict[int, float | None]) -> set[int]:
        """The clusters of earlier events that ``x`` links to, by the coarse-choices rule; notes each score."""
        order = x.order
        specific: set[int] = set()
        coarse: set[int] = set()
        limit = coarse_choices()
        link = self.links
        # pair_link's type veto, tested here first: a fifth of the candidates are of unrelated types
        related, own = x.related, x.event_type
        seen = {x.pk}
        keyed, broad = self.candidate_parts(x, seen)
        self.parts = (x.pk, keyed, broad, set(seen), None)  # what _affected_by_arrival reads next, unchanged
        for y in keyed:
            if y.leader is not None and y.order < order and y.event_type in related:
                linked = link(x, y)
                if linked is not None:
                    scores[y.pk] = linked[0]
                    (coarse if linked[1] else specific).add(y.leader)
        later: list[FusionEvent] = []  # the rest, for _affected_by_arrival: walking the lists again cost as much
        for day in broad:
            for y in day:
                if y.pk in seen:
                    continue
                seen.add(y.pk)
                if y.leader is None or (y.event_type != own and not may_link_across(x, y)):
                    continue
                if y.order >= order:
                    later.append(y)
                elif y.leader not in specific and y.event_type in related:
                    linked = link(x, y)
                    if linked is not None:
                        scores[y.pk] = linked[0]
                        coarse.add(y.leader)
                        if len(coarse - specific) > limit:
                            self.overflowed.add(x.pk)
                            return specific  # more cannot change it: the coarse links choose nothing
        self.parts = (*self.parts[:4], later)
        if len(coarse - specific) > limit:
            self.overflowed.add(x.pk)
            return specific
        self.overflowed.discard(x.pk)
        return specific | coarse

    def _cluster_score(self, x: FusionEvent, leader: int, order: tuple[int, int, int, str, str],
                       known: dict[int, float | None]) -> float | None:
        """The best score of ``x`` with a member before it, or None if any such member vetoes."""
        best: float | None = None
        for pk in self.members.get(leader, ()):
            m = self.by_pk[pk]
            if m.order >= order:
                continue
            score = known[pk] if pk in known else self.link(x, m)[0]
            if score is None:
                return None
            if best is None or score > best:
                best = score
        return best if best is not None and best >= THRESHOLD else None

    def _affected_by_arrival(self, x: FusionEvent, leader: int) -> Iterator[FusionEvent]:
        """Later events a newly decided event may change: those it links to, and members it vetoes.

        A later event z can only move because x now sits in cluster L: L may now be z's best
        choice (then x links to z and z is not in L already), or z is in L and x now vetoes it.
        Nothing else changed. A coarse link does not move z when z's decision already ignored its
        coarse links (more clusters than :func:`coarse_choices`: one more changes nothing) unless
        another member of L links to z by a specific one (then x may raise L's score).
        (``x.event_type in z.related`` is the type veto of :func:`pair_link`, tested first because
        it is cheap.)
        """
        order = x.order
        later: list[FusionEvent] | None = None
        if self.parts is not None and self.parts[0] == x.pk:
            # x's decision just read them: nothing moved in the index since
            _, specific, broad, seen, later = self.parts
        else:
            seen = {x.pk}
            specific, broad = self.candidate_parts(x, seen)
        self.parts = None
        links = self.links
        queued = self.queued
        for z in specific:
            # A later member of L stays: L only gained a member linked to it (its score for L can only
            # rise, and no other cluster changed); whether x vetoes it is the second loop's question.
            if (z.order > order and z.pk not in queued and z.leader is not None and z.leader != leader
                    and x.event_type in z.related):
                linked = links(z, x)
                if linked is not None and not (linked[1] and self._ignores_coarse(z, leader, x)):
                    yield z
        # Found only by the broad keys, z links to x by a coarse link if at all: no need to score the
        # pair when x is alone in its cluster and z ignores its coarse links.
        alone = leader == x.pk
        overflowed = self.overflowed
        for z in _once(broad, seen) if later is None else later:
            if (z.order > order and z.pk not in queued and z.leader is not None and z.leader != leader
                    and x.event_type in z.related and not (alone and z.pk in overflowed) and links(z, x) is not None
                    and not self._ignores_coarse(z, leader, x)):
                yield z
        yield from self._vetoed_by_arrival(x, leader)

    def _vetoed_by_arrival(self, x: FusionEvent, leader: int) -> Iterator[FusionEvent]:
        """The later members of cluster ``leader`` that ``x``, new in it, vetoes (not queued already)."""
        order, queued = x.order, self.queued
        for pk in self.members.get(leader, ()):
            z = self.by_pk[pk]
            if z.order > order and pk not in queued and self.link(z, x)[0] is None:
                yield z

    def _ignores_coarse(self, z: FusionEvent, leader: int, x: FusionEvent) -> bool:
        """Whether a coarse link from ``x`` (new in cluster ``leader``) to ``z`` leaves z's decision as it is:
        z's last decision ignored its coarse links, and no other member of the cluster links to z by a
        specific one."""
        return z.pk in self.overflowed and (leader == x.pk or not self._links_specifically(z, leader, x))

    def _links_specifically(self, z: FusionEvent, leader: int, x: FusionEvent) -> bool:
        """Whether a member of the cluster before ``z``, other than ``x``, links to ``z`` by a specific link."""
        order, known = z.order, self.specific
        for pk in self.members.get(leader, ()):
            m = self.by_pk[pk]
            if m is not x and m.order < order:
                # (a pair's link depends on the two events only, and an event's features do not change in an apply)
                pair = (z.pk, pk)
                specific = known.get(pair)
                if specific is None:
                    linked = self.links(z, m)
                    known[pair] = specific = linked is not None and not linked[1]
                if specific:
                    return True
        return False

    def _affected(self, x: FusionEvent, clusters: Iterable[int | None]) -> Iterator[FusionEvent]:
        """Later events whose decision may change when ``x`` moves between these clusters.

        The later members of these clusters, and the later events that link to ``x`` or to a
        member (at the threshold): a later event's decision reads only the clusters its links
        reach, so one that links to none of these events keeps its choices, their scores and
        their vetoes (a member that vetoes it sits in a cluster it reaches through another
        member, a source too). Each is found among the candidates of the event it links to.
        """
        order = x.order
        # x is a member of its new cluster too: each source once, keyed by pk
        sources = {x.pk: x}
        for leader in clusters:
            if leader is not None:
                sources.update((pk, self.by_pk[pk]) for pk in self.members.get(leader, ()) if pk in self.by_pk)
        self._ensure(x.place.country, min(s.lo for s in sources.values()), max(s.hi for s in sources.values()))
        # the members' candidates overlap: each later event is yielded (and scored) once; one queued already (push
        # drops it) is not scored
        found: set[int] = set()
        queued = self.queued
        for source in sources.values():
            if source is not x and source.order > order:
                yield source
            for z in self.candidates(source):
                if (z.order > order and z.pk not in found and z.pk not in queued and z.leader is not None
                        and source.event_type in z.related and self.links(z, source) is not None):
                    found.add(z.pk)
                    yield z

    def apply(self, *, added: Iterable[FusionEvent] = (), removed: Iterable[int] = ()) -> FusionChange:
        """Add and remove events, re-decide what that touches; returns the new leaders and touched clusters."""
        change = FusionChange()
        self.link = pair_linker()
        self.links = link_linker()  # the same, for pairs that link only
        queue: list[tuple[tuple[int, int, int, str, str], int]] = []
        # An event is queued once in an apply: the queue runs in canonical order and what a decision may change
        # lies after it, so nothing decided is pushed again. The generators below read this set to skip the
        # events push would drop, before scoring their pairs.
        self.queued = queued = set()
        self.specific = {}

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
            week = bucket_of(event.lo)
            if week > self.newest.get(event.place.country, week - 1):
                self.newest[event.place.country] = week
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
            # A first decision takes x into one cluster only: the cheap rule; a move needs the wide one.
            push(self._affected_by_arrival(x, new) if old is None else self._affected(x, (old, new, x.pk)))
        return change
