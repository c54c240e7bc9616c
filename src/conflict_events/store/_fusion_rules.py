"""When two reported events are one happening: the fusion rules, as points over five kinds of evidence.

Each event is reduced to a :class:`FusionEvent` (its type, a date window, a
place descriptor, its sides, its toll). Two events *may* be one happening only if
no rule vetoes it (a protest and a battle; dates two days apart or more; places
in different provinces or countries); if none does, the points of every kind of
evidence are added and the pair counts as the same happening at
:data:`THRESHOLD` points or more. The table (``docs/store.md`` explains each line):

========  =====================================================  ======
evidence  finding                                                points
========  =====================================================  ======
type      same sub-event type / same event type / related type   3 / 2 / 1
          (two readings of one act, a battle and an attack on
          civilians: 2)
          (a battle and a strike from afar: only with the same
          toll, 10 or more)
date      same day / overlapping short spans / overlap with a    3 / 2 / 1
          month or an undated report's older days
date      one day apart (a day's edge: 0; same report: veto)     -1
place     same place / inside a district or province / inside    3 / 2 / 1.5
          the country / two towns of one province (needs the     / 0
          same toll, 10 or more) / no place                      / -1
sides     a shared named actor / a shared generic label          1.5 / 0.5
toll      the same toll, 10 or more / under 10                   1.5 / 0.5
========  =====================================================  ======

>>> import datetime as dt
>>> def report(doc, sub_type, day, place, toll=None):
...     when = (day, day, "day", "on Sunday", day)
...     return FusionEvent.build(pk=hash(doc), document_id=doc, event_id="e1", sub_event_type=sub_type, date=when,
...                              place=place, actors=(("state_forces", "Military Forces of Russia (2000-)"),),
...                              toll=toll)
>>> town = PlaceKey.build(name="Kupiansk", kind="settlement", country="UA", admin1="Kharkiv")
>>> province = PlaceKey.build(name="Kharkiv", kind="admin1", country="UA")
>>> a = report("a", "Air/drone strike", dt.date(2025, 3, 9), town, toll=4)
>>> b = report("b", "Shelling/artillery/missile attack", dt.date(2025, 3, 9), province)
>>> explain(a, b).total, explain(a, b).same
(8.5, True)
>>> explain(a, report("c", "Air/drone strike", dt.date(2025, 3, 12), town)).veto
'date: 3 days apart'
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Final

from ..lexicons import lexicon
from ..rules import Example, memo_scope, rule
from ..schema import SUB_EVENT_TYPES, Event, Location, event_type_of

__all__ = [
    "DEFAULT_LOOKBACK_DAYS",
    "LAST_WEEKDAY_DAYS",
    "MAX_SPAN_DAYS",
    "NAMED",
    "REPORTED_LOOKBACK_DAYS",
    "REPORTING_DAY_RULE",
    "THRESHOLD",
    "TOLL_OF_NOTE",
    "ActorKey",
    "FusionEvent",
    "PairExplanation",
    "PlaceKey",
    "Stated",
    "actor_key",
    "actor_keys",
    "casualties_beside_wounded",
    "coarse_choices",
    "coarse_link",
    "credits_itself",
    "different_types",
    "explain",
    "first_stated_toll",
    "fold",
    "kind_level",
    "last_weekday",
    "link_linker",
    "may_link_across",
    "named_by_the_reports",
    "named_elsewhere",
    "no_number",
    "pair_link",
    "pair_link_by_rules",
    "pair_linker",
    "pair_score",
    "party_credit",
    "place_key",
    "related_types",
    "report_toll",
    "reported_day",
    "toll_needed_types",
]

THRESHOLD: Final = 7.5
# An undated report ("the strike killed 12") speaks of something on or shortly before its date.
DEFAULT_LOOKBACK_DAYS: Final = 3
# A date vaguer than a month says nothing about which happening it is: such events stay alone.
MAX_SPAN_DAYS: Final = 31
# Two places with coordinates this close are one place; this far apart, different places.
NEAR_KM: Final = 10.0
# A toll this large given by two reports is evidence they report one happening (small ones coincide).
TOLL_OF_NOTE: Final = 10
FAR_KM: Final = 50.0

# date kinds, most precise first
DAY, SHORT, UNDATED, MONTH = 0, 1, 2, 3
# place levels, most precise first; NOWHERE: the event names no place
SPOT, DISTRICT, PROVINCE, COUNTRY, NOWHERE = 0, 1, 2, 3, 4
_LEVEL_OF_KIND: Final = {"settlement": SPOT, "feature": SPOT, "admin2": DISTRICT, "admin1": PROVINCE,
                         "region": PROVINCE, "country": COUNTRY}


def kind_level(kind: str) -> int:
    """The level of a place of this kind (a region may be wider: :meth:`PlaceKey.build`)."""
    return _LEVEL_OF_KIND.get(kind, SPOT)


def fold(text: str) -> str:
    """A name as a key: accents, case, spaces and punctuation folded ('Pa Zi Gyi' == 'Pazigyi')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum()).lower()


@dataclass(frozen=True, slots=True)
class PlaceKey:
    """Where an event happened, as fusion compares it."""

    country: str = ""
    admin1: str = ""
    admin2: str = ""
    name: str = ""
    level: int = NOWHERE
    gazetteer_id: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @classmethod
    def build(cls, *, name: str, kind: str, country: str | None, admin1: str | None = None,
              admin2: str | None = None, gazetteer_id: str | None = None, latitude: float | None = None,
              longitude: float | None = None) -> PlaceKey:
        """A place key from a location's fields (names folded to keys)."""
        level = _LEVEL_OF_KIND.get(kind, SPOT)
        own_admin1 = admin1 or (name if kind == "admin1" else "")
        own_admin2 = admin2 or (name if kind == "admin2" else "")
        if kind == "region" and not admin1:
            level = COUNTRY  # a region not inside one province ("the north") covers the country, as far as we know
        return cls(country=country or "", admin1=fold(own_admin1), admin2=fold(own_admin2), name=fold(name),
                   level=level, gazetteer_id=gazetteer_id or "", latitude=latitude, longitude=longitude)


def place_key(location: Location | None, fallback_country: str | None = None) -> PlaceKey:
    """The place key of an event's location; with none, only the country the document is about (if known)."""
    if location is None or not location.country:
        return PlaceKey(country=fallback_country or "")
    return PlaceKey.build(name=location.name, kind=location.kind, country=location.country, admin1=location.admin1,
                          admin2=location.admin2, gazetteer_id=location.gazetteer_id, latitude=location.latitude,
                          longitude=location.longitude)


@dataclass(frozen=True, slots=True)
class ActorKey:
    """One side of an event, as fusion compares it: a folded name and what sort of label it is."""

    name: str
    generic: bool
    unidentified: bool
    armed_nonstate: bool


_REGIME_YEARS = re.compile(r"\s*\((?:\d{4})?-(?:\d{4})?\)\s*$")
_ARMED_NONSTATE = frozenset({"rebel_group", "political_militia", "identity_militia"})


@lru_cache(maxsize=65536)
def actor_key(kind: str, name: str) -> ActorKey:
    """The key of one actor: its name without regime years, folded; whether it is a generic label."""
    base = _REGIME_YEARS.sub("", name).strip()
    label = base.split(" (", 1)[0].strip().lower()
    words = lexicon("fusion")
    generic = label in words.words("generic_actors") or kind in {"civilians", "protesters", "rioters"}
    unidentified = label in words.words("unidentified_actors")
    return ActorKey(name=fold(base), generic=generic, unidentified=unidentified,
                    armed_nonstate=kind in _ARMED_NONSTATE and not generic)


def actor_keys(actors: tuple[tuple[str, str], ...]) -> tuple[ActorKey, ...]:
    """Keys of ``(kind, name)`` pairs, unique, in order.

    >>> [k.name for k in actor_keys((("state_forces", "Military Forces of Sudan (2019-)"),
    ...                              ("civilians", "Civilians (Sudan)")))]
    ['militaryforcesofsudan', 'civilianssudan']
    """
    keys = [actor_key(kind, name) for kind, name in actors]
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=4096)
def _at_day_edge(text: str) -> bool:
    words = set(re.findall(r"[a-z-]+", text.lower()))
    return bool(words & lexicon("fusion").words("boundary_time_words"))


DateSpec = tuple[dt.date, dt.date, str, str | None, dt.date]


def date_window(start: dt.date, end: dt.date, precision: str, text: str | None, anchor: dt.date
                ) -> tuple[int, int, int] | None:
    """``(first day, last day, kind)`` of the days an event may lie on (ordinals); None when vaguer than a month.

    An undated event (no expression: the anchor default) may lie up to
    :data:`DEFAULT_LOOKBACK_DAYS` before the report's date.

    >>> d = dt.date(2025, 1, 5)
    >>> date_window(d, d, "range", None, d)[2] == UNDATED, date_window(d, d, "day", "Sunday", d)[2] == DAY
    (True, True)
    """
    lo, hi = start.toordinal(), end.toordinal()
    if text is None:
        return min(lo, anchor.toordinal()) - DEFAULT_LOOKBACK_DAYS, max(hi, lo), UNDATED
    days = hi - lo + 1
    if days > MAX_SPAN_DAYS:
        return None
    kind = DAY if days == 1 else SHORT if days <= 7 and precision != "month" else MONTH
    return lo, hi, kind


# The events rule that dates an event by a day of its sentence, not its clause ("police said on Wednesday that ...").
REPORTING_DAY_RULE: Final = "events.date.reporting_day_bounds"
# Such a day bounds the event: a report that does not date what it tells tells what is a day old at most (a
# wider reach would let a report of a second strike in the same town days later join the first).
REPORTED_LOOKBACK_DAYS: Final = 1


@rule(
    "fusion.date.reported_day",
    decides="event.date",
    positive=[Example("Police said on Wednesday that gunmen had killed 14 people in the village of Kalma.\n---\n"
                      "Gunmen killed 14 people in the village of Kalma on Tuesday, residents said.",
                      {"fused_events": 1})],
    negative=[Example("Gunmen killed 14 people in the village of Kalma on Wednesday.\n---\n"
                      "Gunmen killed 14 people in the village of Kalma on Monday, residents said.",
                      {"fused_events": 2})],
    register=False,
)
def reported_day(date_rule: str | None, window: tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    """A day of the event's sentence but not of its clause bounds the event: it lies on it or a few days before.

    The extraction dates an event its own clause leaves undated by a short span of its sentence,
    often the reporting verb's day ("police said on Wednesday that gunmen had killed ...") and
    sometimes the day of the sentence's other clause ("hundreds were killed on Saturday after
    gunmen opened fire"). For fusion that day is the latest the event can lie on: the event lies
    on it or the day before (:data:`REPORTED_LOOKBACK_DAYS`), scored as an undated report's days.
    """
    if date_rule != REPORTING_DAY_RULE or window is None or window[2] != DAY:
        return None
    return window[0] - REPORTED_LOOKBACK_DAYS, window[1], UNDATED


_LAST_WEEKDAY: Final = re.compile(rf"\blast (?:{'|'.join(lexicon('calendar').table('weekdays'))})\b", re.I)
# "last Sunday" read as the day before its report may mean the Sunday a week before it: days back that are ambiguous
LAST_WEEKDAY_DAYS: Final = 2


@rule(
    "fusion.date.last_weekday",
    decides="event.date",
    positive=[Example("Gunmen killed 14 people in the village of Kalma on January 5, residents said.\n---\n"
                      "The toll from last Sunday's attack on the village of Kalma has risen to 16, officials said.",
                      {"fused_events": 1}, date=dt.date(2025, 1, 13))],
    negative=[Example("Gunmen killed 14 people in the village of Kalma on January 5, residents said.\n---\n"
                      "Gunmen killed 16 people in the village of Kalma on Sunday, officials said.",
                      {"fused_events": 2}, date=dt.date(2025, 1, 13))],
    register=False,
)
def last_weekday(window: tuple[int, int, int] | None, text: str | None, anchor: dt.date
                 ) -> tuple[int, int, int] | None:
    """"Last Sunday" written on a Monday is yesterday to TimeML and to the extraction, and the Sunday a week
    before to many writers ("the toll from last Sunday's raid has risen", a week on). For fusion the event may
    lie on either: the window runs from the earlier Sunday to the later one, scored as a span of days."""
    if window is None or window[2] != DAY or not text or not _LAST_WEEKDAY.search(text):
        return None
    if not 1 <= anchor.toordinal() - window[1] <= LAST_WEEKDAY_DAYS:
        return None
    return window[0] - 7, window[1], SHORT


# Day ordinals as shared int objects (FusionEvent.__post_init__): bounded by the days of the stream.
_DAY_OBJECTS: Final[dict[int, int]] = {}


@dataclass(slots=True)
class FusionEvent:
    """An event reduced to what fusion compares, with its place in the canonical order and its cluster."""

    pk: int
    document_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    lo: int
    hi: int
    kind: int
    anchor: int
    edge: bool
    place: PlaceKey
    actors: tuple[ActorKey, ...]
    toll: int | None
    fusible: bool
    leader: int | None = None
    # what a fused event's summary shows, not compared: the date as reported, ...
    start: int = 0
    end: int = 0
    confidence: float = 0.0
    civilian: bool = False
    place_name: str = ""
    place_admin1: str = ""
    # the towns and other places finer than a province the event's report names (folded)
    places_named: frozenset[str] = frozenset()
    # precomputed for pair scoring, which runs millions of times on a large ingest
    related: frozenset[str] = field(init=False, repr=False, compare=False)
    # the other event types a report of it scores 2 points with (two readings of one act: _related_points)
    close: frozenset[str] = field(init=False, repr=False, compare=False)
    type_points: dict[str, float | None] = field(init=False, repr=False, compare=False)
    names: frozenset[str] = field(init=False, repr=False, compare=False)
    named: frozenset[str] = field(init=False, repr=False, compare=False)
    unidentified: bool = field(init=False, repr=False, compare=False)
    armed: bool = field(init=False, repr=False, compare=False)
    toll_points: float = field(init=False, repr=False, compare=False)  # what the same toll gives (_toll_points)

    @classmethod
    def build(cls, *, pk: int, document_id: str, event_id: str, sub_event_type: str, date: DateSpec,
              place: PlaceKey, actors: tuple[tuple[str, str], ...] = (), toll: int | None = None,
              places_named: frozenset[str] = frozenset(), date_rule: str | None = None) -> FusionEvent:
        """Features from plain values; ``date`` is ``(start, end, precision, text, anchor)``, ``date_rule``
        the rule that dated the event (:func:`reported_day`)."""
        window = date_window(*date)
        window = reported_day(date_rule, window) or last_weekday(window, date[3], date[4]) or window
        lo, hi, kind = window if window is not None else (date[0].toordinal(), date[1].toordinal(), MONTH)
        return cls(pk=pk, document_id=document_id, event_id=event_id, event_type=event_type_of(sub_event_type),
                   sub_event_type=sub_event_type, lo=lo, hi=hi, kind=kind, anchor=date[4].toordinal(),
                   edge=bool(date[3]) and _at_day_edge(date[3] or ""), place=place, actors=actor_keys(actors),
                   toll=toll, fusible=window is not None and bool(place.country), start=date[0].toordinal(),
                   end=date[1].toordinal(), places_named=places_named)

    @classmethod
    def of_event(cls, event: Event, *, pk: int, fallback_country: str | None = None,
                 places_named: frozenset[str] = frozenset()) -> FusionEvent:
        """Features of an extracted event (``fallback_country``: the country its document is about;
        ``places_named``: the places finer than a province its report names, folded)."""
        actors = tuple((a.kind, a.name) for a in (event.actor1, event.actor2) if a is not None)
        toll = None
        if event.fatalities is not None:
            toll = event.fatalities.value if event.fatalities.value is not None else event.fatalities.low
        d = event.date
        out = cls.build(pk=pk, document_id=event.document_id, event_id=event.id,
                        sub_event_type=event.sub_event_type, date=(d.start, d.end, d.precision, d.text, d.anchor),
                        place=place_key(event.location, fallback_country), actors=actors, toll=toll,
                        places_named=places_named,
                        date_rule=next((p.rule for p in event.provenance if p.field == "date"), None))
        out.confidence, out.civilian = event.confidence, event.civilian_targeting
        if event.location is not None:
            out.place_name, out.place_admin1 = event.location.name, event.location.admin1 or ""
        return out

    order: tuple[int, int, int, str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One int object per day for every event held (a few thousand days, not five ints an event): the engine
        # holds some 100,000 events, and fewer long-lived small objects fragment the allocator less.
        days = _DAY_OBJECTS
        self.lo, self.hi = days.setdefault(self.lo, self.lo), days.setdefault(self.hi, self.hi)
        self.anchor = days.setdefault(self.anchor, self.anchor)
        self.start, self.end = days.setdefault(self.start, self.start), days.setdefault(self.end, self.end)
        # The canonical order: by last possible day, the more precise first, then by ids. A cluster's
        # first event in this order is its leader and names it; the order depends only on the event,
        # so any arrival order gives the same clusters.
        self.order = (self.hi, self.kind + self.place.level, self.lo, self.document_id, self.event_id)
        self.related = _compatible_types(self.event_type)
        self.close = _close_types(self.event_type)
        self.type_points = _type_table(self.sub_event_type)
        self.names, self.named, self.unidentified, self.armed = _sides(self.actors)
        toll = self.toll
        self.toll_points = 0.0 if toll is None or toll < 1 else 1.5 if toll >= TOLL_OF_NOTE else 0.5


@lru_cache(maxsize=64)
def _type_table(sub_event_type: str) -> dict[str, float | None]:
    """The type points of an event of this sub-event type with one of each sub-event type of the taxonomy (None:
    a veto), as :func:`_type_points` gives them; looked up by the fast pair scoring."""
    own, related = event_type_of(sub_event_type), _compatible_types(event_type_of(sub_event_type))
    outcome = outcome_readings(sub_event_type)
    return {sub: 3.0 if sub == sub_event_type or sub in outcome else 2.0 if kind == own else _related_points(own, kind)
            if kind in related else None
            for kind, subs in SUB_EVENT_TYPES.items() for sub in subs}


@lru_cache(maxsize=64)
def outcome_readings(sub_event_type: str) -> frozenset[str]:
    """The sub-event types a battle of ``sub_event_type`` is also told as, with or without its outcome
    (``outcome_readings`` in ``fusion.toml``)."""
    return frozenset(lexicon("fusion").table("outcome_readings").get(sub_event_type, ()))


@rule(
    "fusion.type.outcome_reading",
    decides="event.fused_event",
    positive=[Example("Gangs seized a town in Haiti's Centre department on Saturday, burning its police "
                      "station, a rights group said.\n---\n"
                      "Gangs fought police in the town of Mirebalais, a local official said on Sunday.",
                      {"fused_events": 1})],
    negative=[Example("Gangs seized a town in Haiti's Centre department on Saturday, burning its police "
                      "station, a rights group said.\n---\n"
                      "Gangs fought police in the town of Mirebalais on Wednesday, a local official said.",
                      {"fused_events": 2})],
    register=False,
)
def outcome_reading(a: FusionEvent, b: FusionEvent) -> bool | None:
    """A battle told with its outcome (a town overrun, ground retaken) and one told without it are one sub-event type.

    Early reports of an assault on a town tell the fighting ("gangs attacked the town"); later
    ones its outcome ("gangs seized the town"), which ACLED codes as the territory's change of
    hands. Two battles of one town on one day are rare, and a second one days later is kept apart
    by the date. The pairs are data (``outcome_readings`` in ``fusion.toml``).
    """
    return True if b.sub_event_type in outcome_readings(a.sub_event_type) else None


@lru_cache(maxsize=64)
def _related_points(event_type: str, other: str) -> float:
    """The type points of two related event types: 2 for two readings of one act (``fusion.toml``
    ``close_readings``: a raid told as clashes and as an attack on civilians), else 1."""
    close = lexicon("fusion").table("close_readings").get(event_type, ())
    return 2.0 if other in close else 1.0


@lru_cache(maxsize=64)
def _close_types(event_type: str) -> frozenset[str]:
    """The event types whose :func:`_related_points` with this one are 2 (read once per event, not per pair)."""
    return frozenset(t for t in SUB_EVENT_TYPES if _related_points(event_type, t) >= 2.0)


@lru_cache(maxsize=64)
def _compatible_types(event_type: str) -> frozenset[str]:
    return related_types().get(event_type, frozenset()) | {event_type}


@lru_cache(maxsize=65536)
def _sides(actors: tuple[ActorKey, ...]) -> tuple[frozenset[str], frozenset[str], bool, bool]:
    """The names of the sides, those not generic, whether one is unidentified, whether one is armed non-state."""
    return (frozenset(k.name for k in actors), frozenset(k.name for k in actors if not k.generic),
            any(k.unidentified for k in actors), any(k.armed_nonstate for k in actors))


# -- a report's toll for an event ------------------------------------------------------------------------

Stated = tuple[int, int, bool]  # (where in the text, the number, whether it is worded vaguely)


def vague_wording(text: str) -> bool:
    """Whether a toll is worded as a vague quantity ("hundreds of people", "dozens"), not a number.

    >>> vague_wording("hundreds of people"), vague_wording("at least 120 people"), vague_wording("fifty people")
    (True, False, False)
    """
    if any(ch.isdigit() for ch in text):
        return False
    return _has_word_of(text, "vague_quantities")


def _has_word_of(text: str, words: str) -> bool:
    """Whether ``text`` holds a word of the fusion lexicon's list ``words``."""
    return bool(set(re.findall(r"[a-z]+", text.lower())) & lexicon("fusion").words(words))


@rule(
    "fusion.toll.first_stated",
    decides="event.fatalities",
    positive=[Example("Hundreds of people were killed when gunmen attacked the village of Kalma on Saturday. "
                      "At least 210 bodies had been buried by Monday, the mayor said.", {"tolls": [210]}),
              Example("Gunmen kill 41 in raid on Kalma village\n\nGunmen killed at least 38 people in the village "
                      "of Kalma on Saturday, the mayor said.", {"tolls": [41]})],
    negative=[Example("Gunmen killed 35 people in the village of Kalma on Saturday, the mayor said.",
                      {"tolls": [35]}),
              # the parts of one toll, added up by the event, are not a first number of their own
              Example("Seven militants and one soldier were killed in a clash near the village of Kalma on Sunday, "
                      "the army said.", {"tolls": [8]})],
    register=False,
)
def first_stated_toll(own: Stated | None, tied: Sequence[Stated], lead: Sequence[Stated]) -> int | None:
    """A report's toll for an event is the first number it states for it: the lead's, not a later revision.

    ``own`` is the event's fatalities figure, ``tied`` the killed figures of the event and of the
    claims tied to it (a headline's "41 killed" before the body's "at least 38", which ACLED's
    lowest-figure practice makes the event's fatalities), ``lead`` those of claims tied to no
    event when the event is the one the report leads with (a report's unattached tolls are its
    main story's). A vague wording ("hundreds") counts only when the report gives no number.
    None: the event's own figure stands. Reports revise tolls further down; the figure an
    outlet leads with is the one other outlets repeat.
    """
    # the event's own figure first: where a part of its toll stands at the same place ("seven militants and one
    # soldier": 7 where the event's figure is the 8 they add up to), the event's figure is the one stated there
    stated = [*([own] if own is not None else []), *tied, *lead]
    if not stated:
        return None
    first = min(stated, key=lambda f: (f[2], f[0]))
    if first == own or first[2] or (own is not None and part_of_the_total(first, own, stated)):
        return None
    return first[1]


@rule(
    "fusion.toll.part_of_the_total",
    decides="event.fatalities",
    positive=[Example("Nine soldiers killed in convoy bombing\n\nNine soldiers were killed when a car bomb exploded "
                      "beside their convoy near Bannu on Tuesday, the army said, and hospital officials said two "
                      "passers-by also died.", {"tolls": [11]})],
    negative=[Example("Nine soldiers killed in convoy bombing\n\nSeven soldiers were killed when a car bomb exploded "
                      "beside their convoy near Bannu on Tuesday, the army said, and hospital officials said two "
                      "passers-by also died.", {"tolls": [9]})],
    register=False,
)
def part_of_the_total(first: Stated, own: Stated, stated: Sequence[Stated]) -> bool | None:
    """A first number that, with counts the report states after it, adds up to the event's toll is a part of it.

    A headline counts the soldiers ("nine soldiers killed"); the body adds the passers-by who also
    died, and the event's toll is their sum (``events.fatalities.part_told_alone``): the headline
    told a part, not a rival count of the same dead, and the report's toll is the event's. (A
    headline's "41 killed" before the body's "at least 38" is a rival count: no later count
    makes up the difference.) True: the event's own figure is the report's toll.
    """
    missing = own[1] - first[1]
    if missing <= 0:
        return None
    later = sorted({f for f in stated if f[0] > first[0] and not f[2] and 0 < f[1] <= missing and f != own})
    values = [f[1] for f in later][:8]  # a few counts: a report's parts of one toll
    fits = any(sum(c) == missing for k in range(1, min(3, len(values)) + 1) for c in combinations(values, k))
    return True if fits else None


@rule(
    "fusion.toll.no_number",
    decides="event.fatalities",
    positive=[Example("Gunmen killed several people in a raid on the village of Kalma on Saturday, "
                      "the mayor said.", {"tolls": [None]})],
    negative=[Example("Gunmen killed several people in a raid on the village of Kalma on Saturday. "
                      "At least 12 bodies were found, the mayor said.", {"tolls": [12]})],
    register=False,
)
def no_number(own: Stated | None, tied: Sequence[Stated], lead: Sequence[Stated]) -> bool | None:
    """A report that words its toll only vaguely ("several people", "dozens") states no toll for fusion.

    The event keeps the figure ACLED codes for such wording (3 for "several"); what a fused
    event's ``by_document`` holds is the report's own number, and it has none.
    """
    stated = [*tied, *lead, *([own] if own is not None else [])]
    return True if stated and all(f[2] for f in stated) else None


@rule(
    "fusion.toll.casualties_beside_wounded",
    decides="event.fatalities",
    positive=[Example("A drone strike hit a festival in the village of Kafin Hausa on Sunday night, residents said. "
                      "More than 50 people were injured in the strike. The casualties, totalling 70 according to "
                      "a village elder, included women and children.", {"tolls": [70]}),
              Example("Shells fell on a crowded bus station in the town of Gwoza on Friday, killing several people, "
                      "officials said. Some 40 people were wounded. The casualties, totalling 55 according to a "
                      "nurse, included children.", {"tolls": [55]})],
    negative=[Example("A drone strike hit a festival in the village of Kafin Hausa on Sunday night, residents said. "
                      "The casualties, totalling 70 according to a village elder, included women and children.",
                      {"tolls": [None]})],
    register=False,
)
def casualties_beside_wounded(casualties: Sequence[Stated], wounded: bool) -> int | None:
    """A report that counts no dead but gives a number of casualties beside a separate count of the wounded states
    its toll as that number ("over 50 injured ... the casualties, totalling 70"): set against the injured,
    its casualties are the dead. The first such number counts; alone, "casualties" mixes dead and wounded
    and states no toll. The event's fatalities stay unset (ACLED codes no toll from casualties)."""
    numbered = sorted(f for f in casualties if not f[2])
    return numbered[0][1] if wounded and numbered else None


def credits_itself(claimant_kind: str, content: str) -> bool:
    """Whether an armed party's claim names itself before the dead it counts: ``content`` is the claim's
    content up to the count.

    >>> credits_itself("rebel_group", "its fighters killed "), credits_itself("government", "its fighters killed ")
    (True, False)
    >>> credits_itself("state_forces", "the rebels killed ")
    False
    """
    return claimant_kind in lexicon("fusion").words("armed_kinds") and _has_word_of(content, "self_references")


@rule(
    "fusion.toll.party_credit",
    decides="event.fatalities",
    positive=[Example("Islamic State has claimed an attack on a village near Mucojo on Thursday, saying that its "
                      "fighters killed 25 Christians. Local officials put the number of dead at 9.", {"tolls": [9]}),
              Example("Al-Shabaab said on Monday that its fighters killed 30 soldiers in an attack on a base near "
                      "Jowhar. A military officer told reporters that 4 soldiers died in the attack.", {"tolls": [4]})],
    negative=[Example("Islamic State has claimed an attack on a village near Mucojo on Thursday, saying that its "
                      "fighters killed 25 Christians.", {"tolls": [25]}),
              Example("Gunmen killed 25 people in an attack on a village near Mucojo on Thursday. Local officials "
                      "put the number of dead at 9.", {"tolls": [25]})],
    register=False,
)
def party_credit(stated: Sequence[Stated], credited: frozenset[int]) -> list[Stated] | None:
    """A count an armed party credits itself with ("its fighters killed 25") is not the report's toll when the
    report also gives a number of its own or another source's: the figures left (ACLED's conservative
    reading of a belligerent's claim, spec §5 rule 6). None: nothing credited, or nothing else numbered."""
    rest = [f for f in stated if f[0] not in credited]
    return rest if len(rest) < len(stated) and any(not f[2] for f in rest) else None


def report_toll(own: Stated | None, tied: Sequence[Stated], lead: Sequence[Stated],
                casualties: Sequence[Stated] = (), wounded: bool = False,
                credited: frozenset[int] = frozenset()) -> int | None:
    """The toll a report states for an event (:func:`party_credit`, :func:`no_number`, then
    :func:`first_stated_toll`; else its own; with no count of the dead, or only a vague one,
    :func:`casualties_beside_wounded`). ``credited``: where the counts stand an armed party credits itself with."""
    if credited:
        stated = [*([own] if own is not None else []), *tied, *lead]
        kept = party_credit(stated, credited)
        if kept is not None:
            own = own if own in kept else None
            tied, lead = [f for f in tied if f in kept], [f for f in lead if f in kept]
    if no_number(own, tied, lead):
        # "numerous fatalities ... the casualties, totalling 85, ... over 60 injured": the vague wording
        # of the dead does not hide the number the report gives beside its count of the wounded
        return casualties_beside_wounded(casualties, wounded) if casualties else None
    first = first_stated_toll(own, tied, lead)
    if first is not None:
        return first
    if own is not None:
        return own[1]
    return casualties_beside_wounded(casualties, wounded) if casualties else None


# -- the five kinds of evidence: points, or None for a veto -------------------------------------------------


def _type_points(a: FusionEvent, b: FusionEvent) -> float | None:
    if a.sub_event_type == b.sub_event_type or (a.event_type == b.event_type and outcome_reading(a, b)):
        return 3.0
    if a.event_type == b.event_type:
        return 2.0
    return _related_points(a.event_type, b.event_type) if b.event_type in a.related else None


@lru_cache(maxsize=1)
def coarse_choices() -> int:
    """How many happenings a link by a coarse place may choose among and still tell which one (``fusion.toml``)."""
    return int(lexicon("fusion").table("limits").get("coarse_choices", 3))


@lru_cache(maxsize=1)
def related_types() -> dict[str, frozenset[str]]:
    """Event type -> the other event types a report of it may be another report's reading of."""
    return {k: frozenset(v) for k, v in lexicon("fusion").table("related_types").items()}


def _date_points(a: FusionEvent, b: FusionEvent) -> float | None:
    gap = max(a.lo, b.lo) - min(a.hi, b.hi)
    if gap > 1 or (gap == 1 and a.document_id == b.document_id):
        return None
    if gap == 1:
        return 0.0 if a.edge or b.edge else -1.0
    worst = max(a.kind, b.kind)
    if worst == DAY:
        return 3.0
    if worst == UNDATED:
        # The last two days an undated event may lie on (its report's date or the day that bounds
        # it, and the day before) are likelier than the older ones.
        recent = all(e.kind != UNDATED or min(a.hi, b.hi) >= e.hi - 1 for e in (a, b))
        return 2.0 if recent and MONTH not in (a.kind, b.kind) else 1.0
    return 2.0 if worst == SHORT else 1.0


def _km(p: PlaceKey, q: PlaceKey) -> float | None:
    if p.latitude is None or q.latitude is None or p.longitude is None or q.longitude is None:
        return None
    lat1, lat2 = math.radians(p.latitude), math.radians(q.latitude)
    dlat, dlon = lat2 - lat1, math.radians(q.longitude - p.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


# Place relations
SAME, INSIDE_DISTRICT, INSIDE_PROVINCE, INSIDE_COUNTRY, NEAR, WEAK, UNKNOWN, APART, NAMED = range(9)
_PLACE_POINTS: Final = {SAME: 3.0, NEAR: 2.0, NAMED: 2.0, INSIDE_DISTRICT: 2.0, INSIDE_PROVINCE: 2.0,
                        INSIDE_COUNTRY: 1.5, WEAK: 0.0, UNKNOWN: -1.0}


def place_relation(p: PlaceKey, q: PlaceKey) -> int:
    """How two places relate: the same, one inside the other, near, two towns of one province, or apart."""
    if p is q:
        return SAME if p.level != NOWHERE else UNKNOWN
    if p.level == NOWHERE or q.level == NOWHERE:
        return UNKNOWN if not p.country or not q.country or p.country == q.country else APART
    if p.country != q.country:
        return APART
    if (p.gazetteer_id and p.gazetteer_id == q.gazetteer_id) or (
            p.name == q.name and p.level == q.level and (not p.admin1 or not q.admin1 or p.admin1 == q.admin1)):
        return SAME
    return _inside_or_apart(p, q)


def _inside_or_apart(p: PlaceKey, q: PlaceKey) -> int:
    """The rest of :func:`place_relation`: two places of one country, not the same. The wider contains the
    finer (a country, its province, its district), else they are near, apart, or two towns of one province."""
    outer, inner = (p, q) if p.level >= q.level else (q, p)
    level = outer.level
    if level == COUNTRY:
        return INSIDE_COUNTRY
    if level == PROVINCE and outer.admin1 and outer.admin1 == inner.admin1:
        return INSIDE_PROVINCE
    if level == DISTRICT and outer.admin2 and outer.admin2 == inner.admin2 and inner.level < DISTRICT:
        return INSIDE_DISTRICT
    if p.admin1 and q.admin1 and p.admin1 != q.admin1:
        return APART
    km = _km(p, q)
    return WEAK if km is None else NEAR if km <= NEAR_KM else APART if km > FAR_KM else WEAK


_WIDE: Final = frozenset({WEAK, INSIDE_PROVINCE, INSIDE_COUNTRY})


def _relation(a: FusionEvent, b: FusionEvent) -> int:
    relation = place_relation(a.place, b.place)
    if relation == APART and (a.place.name in b.places_named or b.place.name in a.places_named):
        return WEAK if named_elsewhere(a, b) else APART
    # the rule needs one report to name the other's place: a cheap test first, as most pairs fail it
    if (relation in _WIDE and (a.place.name in b.places_named or b.place.name in a.places_named)
            and a.document_id != b.document_id and named_by_the_reports(a, b, relation)):
        return NAMED
    return relation


@rule(
    "fusion.place.named_by_the_reports",
    decides="event.fused_event",
    positive=[Example("Gunmen attacked Djibo in Sahel region on Tuesday, killing 40 people in the village of "
                      "Gaskinde nearby, residents said.\n---\nDJIBO, Burkina Faso (Reuters) - The attack on the "
                      "village of Gaskinde in Sahel region on Tuesday killed 60 people, survivors said.",
                      {"fused_events": 1})],
    negative=[Example("Gunmen attacked Djibo in Sahel region on Tuesday, killing 40 people, residents said.\n---\n"
                      "The attack on the village of Gaskinde in Sahel region on Tuesday killed 60 people.",
                      {"fused_events": 2})],
    register=False,
)
def named_by_the_reports(a: FusionEvent, b: FusionEvent, relation: int) -> bool | None:
    """Reports that name each other's place (or a wide one that names the other's town) tell one place apart.

    Two towns of one province are one happening's place when each report names the other's
    town too (the village struck and the township it lies in); a report placed only in a
    province or a country that names the other report's town says which town it means.
    """
    if relation == WEAK:
        mutual = a.place.name in b.places_named and b.place.name in a.places_named
        return True if mutual else None
    wide, fine = (a, b) if a.place.level > b.place.level else (b, a)
    return True if fine.place.level < PROVINCE and fine.place.name in wide.places_named else None


@rule(
    "fusion.place.named_elsewhere",
    decides="event.fused_event",
    positive=[Example("Gunmen killed 23 people in an attack on a market on Saturday, police said. After the attack, "
                      "soldiers based in Kaya were sent to Djibo.\n---\n"
                      "Gunmen killed 23 people at a market in Djibo on Saturday, residents said.",
                      {"fused_events": 1})],
    negative=[Example("Gunmen killed 23 people in an attack on a market in Kaya on Saturday, police said.\n---\n"
                      "Gunmen killed 23 people at a market in Djibo on Saturday, residents said.",
                      {"fused_events": 2})],
    register=False,
)
def named_elsewhere(a: FusionEvent, b: FusionEvent) -> bool | None:
    """A report placed in another province that names the other report's town is two towns of one happening.

    A report's place can be another clause's ("troops based in the capital were sent to the
    town after the attack"); when it also names the other report's town, the two places
    contradict each other no more than two towns of one province do: the pair needs the same
    toll of note to link (:func:`_corroborated`), and one report naming two towns in two
    provinces still tells two happenings apart.
    """
    if a.document_id == b.document_id or a.place.country != b.place.country:
        return None
    return True if max(a.place.level, b.place.level) < PROVINCE else None


def _shared_actors(a: FusionEvent, b: FusionEvent) -> float:
    if not a.names.isdisjoint(b.names):
        # a.named holds the sides of a.names that are not generic: a shared one of them is a named side
        return 1.5 if not a.named.isdisjoint(b.names) else 0.5
    # A report that does not know who the gunmen were is compatible with one that names the group.
    return 0.5 if (a.unidentified and b.armed) or (b.unidentified and a.armed) else 0.0


def _toll_points(a: FusionEvent, b: FusionEvent) -> float:
    if a.toll is None or a.toll != b.toll or a.toll < 1:
        return 0.0
    return 1.5 if a.toll >= TOLL_OF_NOTE else 0.5


def _place_points(a: FusionEvent, b: FusionEvent, relation: int) -> float | None:
    same_report = a.document_id == b.document_id
    if relation == APART or (relation == WEAK and same_report):
        # One report naming two towns has told two happenings apart.
        return None
    if same_report and relation in (INSIDE_COUNTRY, INSIDE_PROVINCE, INSIDE_DISTRICT):
        # One report naming the town in one sentence and the province in another: the same place.
        return 3.0
    return _PLACE_POINTS[relation]


def _corroborated(relation: int, toll: float) -> bool:
    """Two towns of one province link reports only when they give the same toll, of 10 or more.

    A named side is no such evidence: one that takes part in every event of a conflict says
    nothing about which event. Without the toll the pair is no link, but no contradiction
    either: each may still join a cluster through a member it does match.
    """
    return relation != WEAK or toll >= 1.5


@rule(
    "fusion.type.different_types",
    decides="event.fused_event",
    positive=[Example("A military jet bombed the market in Lashio on Saturday, killing 15 people, people said.\n---\n"
                      "Rebels clashed with army troops at an outpost outside Lashio on Saturday, residents said.",
                      {"fused_events": 2})],
    negative=[Example("A military jet bombed the market in Lashio on Saturday, killing 15 people, people said.\n---\n"
                      "Rebels clashed with army troops in Lashio on Saturday, killing 15 people, residents said.",
                      {"fused_events": 1})],
    register=False,
)
def different_types(a: FusionEvent, b: FusionEvent, toll: float) -> bool | None:
    """Reports of a battle and of a strike from afar are one happening only when they give the same toll of note.

    The types are related (shelling is often told as fighting), but then the place, the day and
    the sides say only where, when and who, and two such happenings of one town on one day (jets
    bomb its market while troops fight rebels at its edge) share those by design. The same toll
    of note says which happening; without it the pair is no link, but no contradiction either:
    each may still join a cluster through a member of its own type. The pairs of types are data
    (``toll_needed_types`` in ``fusion.toml``). True: the link is withheld.
    """
    if toll >= 1.5 or a.document_id == b.document_id:
        return None
    return True if b.event_type in toll_needed_types(a.event_type) else None


@lru_cache(maxsize=64)
def toll_needed_types(event_type: str) -> frozenset[str]:
    """The related event types a report of ``event_type`` links to only with the same toll of note (``fusion.toml``)."""
    return frozenset(lexicon("fusion").table("toll_needed_types").get(event_type, ()))


def pair_score(a: FusionEvent, b: FusionEvent) -> float | None:
    """The points for ``a`` and ``b`` being one happening, or None when a rule vetoes it.

    0.0 means no link without a contradiction (see :func:`_corroborated`).
    """
    return pair_link(a, b)[0]


def pair_link(a: FusionEvent, b: FusionEvent) -> tuple[float | None, bool]:
    """:func:`pair_score`, and whether a link (at the threshold) rests on a coarse place only (:func:`coarse_link`).

    The rules of :func:`pair_link_by_rules` folded into a few functions (:func:`pair_linker`): a
    large ingest scores tens of millions of pairs, and the calls between the rules cost more than
    the rules. While a rule is switched off or a trace records, the rules are called one by one
    (``tests/store/test_fusion_rules.py`` checks that both give the same on generated pairs).
    """
    return pair_linker()(a, b)


def pair_linker() -> Callable[[FusionEvent, FusionEvent], tuple[float | None, bool]]:
    """The function :func:`pair_link` runs here: the folded rules, or the rules one by one while one is
    switched off or a trace records (read once for many pairs by the fusion engine)."""
    return _fast_link if memo_scope() == _NO_RULE_OFF else pair_link_by_rules


_VETO: Final = (None, False)
_UNLINKED: Final = (0.0, False)
_NO_RULE_OFF: Final = frozenset[str]()
_INSIDE: Final = frozenset({INSIDE_COUNTRY, INSIDE_PROVINCE, INSIDE_DISTRICT})
_UNKNOWN_TYPE: Final = -1.0


def _fast_link(a: FusionEvent, b: FusionEvent) -> tuple[float | None, bool]:
    a_lo, a_hi, b_lo, b_hi = a.lo, a.hi, b.lo, b.hi
    gap = (a_lo if a_lo > b_lo else b_lo) - (a_hi if a_hi < b_hi else b_hi)
    if gap > 1:
        return _VETO  # the commonest veto first: the engine's candidates span three days
    points = a.type_points.get(b.sub_event_type, _UNKNOWN_TYPE)
    if points == _UNKNOWN_TYPE:
        points = _type_points(a, b)  # a sub-event type outside the taxonomy
    if points is None:
        return _VETO
    same_report = a.document_id == b.document_id
    date = _fast_date(a, b, gap, same_report)
    if date is None:
        return _VETO
    relation = _fast_relation(a, b, same_report)
    if relation == APART or (relation == WEAK and same_report):
        return _VETO
    toll = a.toll
    toll_points = 0.0 if toll is None or toll != b.toll or toll < 1 else 1.5 if toll >= TOLL_OF_NOTE else 0.5
    if toll_points < 1.5 and (relation == WEAK or _battle_and_strike(a, b, points, same_report)):
        return _UNLINKED  # two towns of one province, or a battle and a strike (different_types), need the same toll
    points += date + toll_points + (3.0 if same_report and relation in _INSIDE else _PLACE_POINTS[relation])
    points += _shared_actors(a, b)
    if points < THRESHOLD or toll_points >= 1.5 or same_report:
        return points, False
    return points, relation in _COARSE_RELATIONS or (relation == SAME and max(a.place.level, b.place.level) >= PROVINCE)


def link_linker() -> Callable[[FusionEvent, FusionEvent], tuple[float, bool] | None]:
    """A function that gives :func:`pair_link` for a pair that links (at the threshold), else None (a veto, or
    too few points): for the fusion engine's search of links, where only links count. It skips the
    place of a pair whose other points fall short of the threshold whatever the place."""
    if memo_scope() == _NO_RULE_OFF:
        return _fast_link_only
    return _link_only_by_rules


def _link_only_by_rules(a: FusionEvent, b: FusionEvent) -> tuple[float, bool] | None:
    score, loose = pair_link_by_rules(a, b)
    return None if score is None or score < THRESHOLD else (score, loose)


def _fast_link_only(a: FusionEvent, b: FusionEvent) -> tuple[float, bool] | None:
    # The cheap tests first: the engine calls this for every candidate, and most pairs fall short of the
    # threshold before their sides and places are compared (:func:`_placed_link` compares the places). The
    # date's and the sides' points are computed here, not called: the calls cost more than their tests.
    a_lo, a_hi, b_lo, b_hi = a.lo, a.hi, b.lo, b.hi
    gap = (a_lo if a_lo > b_lo else b_lo) - (a_hi if a_hi < b_hi else b_hi)
    if gap > 1:
        return None
    same_report = a.document_id == b.document_id
    points = a.type_points.get(b.sub_event_type, _UNKNOWN_TYPE)
    if points is None or points < 2.0:  # two event types, or a sub-event type outside the taxonomy
        points = _linkable_type_points(a, b, same_report)
        if points is None:
            return None
    a_kind, b_kind = a.kind, b.kind
    if gap == 1 or a_kind or b_kind:
        date = _fast_date(a, b, gap, same_report)
        if date is None:
            return None
    else:
        date = 3.0  # both dated to the same day
    toll_points = a.toll_points if a.toll == b.toll else 0.0
    # the most the place can give: the same place (3) needs one name and level or one gazetteer id, or one
    # report (a province holding the other's town); otherwise a place inside the other's, near it, or named
    # by the other report (2)
    p, q = a.place, b.place
    best_place = 3.0 if same_report or (p.name == q.name and p.level == q.level) or (
        p.gazetteer_id and p.gazetteer_id == q.gazetteer_id) else 2.0
    points += date + toll_points + best_place
    if points + 1.5 < THRESHOLD:
        return None  # short even with a named side in common (the most the sides give)
    # the sides (_shared_actors)
    if not a.names.isdisjoint(b.names):
        points += 1.5 if not a.named.isdisjoint(b.names) else 0.5
    elif (a.unidentified and b.armed) or (b.unidentified and a.armed):
        points += 0.5
    if points < THRESHOLD:
        return None
    return _placed_link(a, b, points - best_place, toll_points, same_report)


def _battle_and_strike(a: FusionEvent, b: FusionEvent, type_points: float, same_report: bool) -> bool:
    """Whether :func:`different_types` asks this pair for the same toll of note (its fast form)."""
    return type_points < 2.0 and not same_report and b.event_type in toll_needed_types(a.event_type)


def _linkable_type_points(a: FusionEvent, b: FusionEvent, same_report: bool) -> float | None:
    """The type points of a pair of two event types (or a type outside the taxonomy) for :func:`_fast_link_only`:
    None when the types veto the pair, or when a battle and a strike lack the same toll of note."""
    points = _type_points(a, b)
    if points is None or not _battle_and_strike(a, b, points, same_report):
        return points
    return points if a.toll == b.toll and a.toll_points >= 1.5 else None


def may_link_across(a: FusionEvent, b: FusionEvent) -> bool:
    """Whether two events of different event types can link at all (the bound of :func:`_fast_link_only`).

    Their type gives 1 point, so they need 6.5 of the 9 the rest can give: never a day apart (at most
    0 + 3 + 1.5 + 1.5); on common days, both dated to that day (3 for the date), or else the same place
    (3: one name and level, one gazetteer id, or one report) or the same toll of note (1.5). The fusion
    engine asks this before scoring a pair of two types: most such candidates fail it. Two readings of one act
    (``close_readings``) score as one event type and are not bounded so.
    """
    if b.event_type in a.close:  # (_related_points >= 2)
        return True
    if a.hi < b.lo or b.hi < a.lo:
        return False
    if a.kind == DAY and b.kind == DAY:
        return True
    p, q = a.place, b.place
    return (a.document_id == b.document_id or (p.name == q.name and p.level == q.level)
            or bool(p.gazetteer_id and p.gazetteer_id == q.gazetteer_id) or (a.toll == b.toll and a.toll_points >= 1.5))


def _placed_link(a: FusionEvent, b: FusionEvent, points: float, toll_points: float, same_report: bool
                 ) -> tuple[float, bool] | None:
    """The rest of :func:`_fast_link_only`: the places' points added to the others', if the pair still links."""
    relation = _fast_relation(a, b, same_report)
    if relation == APART or (relation == WEAK and (same_report or toll_points < 1.5)):
        return None
    points += 3.0 if same_report and relation in _INSIDE else _PLACE_POINTS[relation]
    if points < THRESHOLD:
        return None
    if toll_points >= 1.5 or same_report:
        return points, False
    p, q = a.place, b.place
    return points, relation in _COARSE_RELATIONS or (relation == SAME and max(p.level, q.level) >= PROVINCE)


def _fast_date(a: FusionEvent, b: FusionEvent, gap: int, same_report: bool) -> float | None:
    """:func:`_date_points` and the veto of two month-long spans, for :func:`_fast_link`."""
    a_kind, b_kind = a.kind, b.kind
    if a_kind == MONTH and b_kind == MONTH and not same_report:
        return None
    if gap == 1:
        return None if same_report else 0.0 if a.edge or b.edge else -1.0
    worst = a_kind if a_kind > b_kind else b_kind
    if worst == DAY:
        return 3.0
    if worst == UNDATED:
        last = a.hi if a.hi < b.hi else b.hi
        recent = (a_kind != UNDATED or last >= a.hi - 1) and (b_kind != UNDATED or last >= b.hi - 1)
        return 2.0 if recent else 1.0
    return 2.0 if worst == SHORT else 1.0


def _fast_relation(a: FusionEvent, b: FusionEvent, same_report: bool) -> int:
    """:func:`_relation` for :func:`_fast_link`: :func:`named_elsewhere` and :func:`named_by_the_reports` inlined."""
    p, q = a.place, b.place
    relation = place_relation(p, q)
    if relation == APART:
        if p.name in b.places_named or q.name in a.places_named:
            return WEAK if not same_report and p.country == q.country and max(p.level, q.level) < PROVINCE else APART
        return APART
    if relation in _WIDE and not same_report and (p.name in b.places_named or q.name in a.places_named):
        if relation == WEAK:
            return NAMED if p.name in b.places_named and q.name in a.places_named else WEAK
        fine, wide_named = (q, a.places_named) if p.level > q.level else (p, b.places_named)
        return NAMED if fine.level < PROVINCE and fine.name in wide_named else relation
    return relation


def pair_link_by_rules(a: FusionEvent, b: FusionEvent) -> tuple[float | None, bool]:
    """:func:`pair_link` composed of the rules as written (each called, so a :func:`~conflict_events.rules.trace`
    records them and :func:`~conflict_events.rules.disabled` switches them off)."""
    if max(a.lo, b.lo) - min(a.hi, b.hi) > 1:
        return None, False  # the commonest veto first: the engine's candidates span three days
    if a.kind == MONTH and b.kind == MONTH and a.document_id != b.document_id:
        return None, False  # two month-long spans agree on nothing but the month
    if a.sub_event_type == b.sub_event_type:
        type_points = 3.0
    elif a.event_type == b.event_type:
        type_points = 3.0 if outcome_reading(a, b) else 2.0
    elif b.event_type in a.related:
        type_points = _related_points(a.event_type, b.event_type)
    else:
        return None, False
    date_points = _date_points(a, b)
    if date_points is None:
        return None, False
    relation = _relation(a, b)
    place_points = _place_points(a, b, relation)
    if place_points is None:
        return None, False
    toll = _toll_points(a, b)
    if not _corroborated(relation, toll) or (type_points < 2.0 and different_types(a, b, toll)):
        return 0.0, False
    score = type_points + date_points + place_points + _shared_actors(a, b) + toll
    return score, score >= THRESHOLD and coarse_link(a, b, relation, toll) is True


_COARSE_RELATIONS: Final = frozenset({INSIDE_PROVINCE, INSIDE_COUNTRY})


@rule(
    "fusion.place.coarse_link",
    decides="event.fused_event",
    positive=[Example("Shelling hit Kupiansk on Sunday, killing four people.\n---\n"
                      "Shelling hit Kharkiv region on Sunday, officials said.", {"fused_events": 1})],
    negative=[Example("Shelling hit Kupiansk on Sunday, killing four people.\n---\n"
                      "Shelling hit Kupiansk on Sunday, killing four people, officials said.", {"fused_events": 1})],
    register=False,
)
def coarse_link(a: FusionEvent, b: FusionEvent, relation: int, toll: float) -> bool | None:
    """A link that rests on a province or a country (one report's place contains or is the other's) says only where.

    Such a link tells which happening only while few happenings of the area can be meant
    (:data:`COARSE_CHOICES`, applied by the fusion engine); the same toll of note, the same
    report, a town, a district or places a few kilometres apart say which one.
    """
    if toll >= 1.5 or a.document_id == b.document_id:
        return None
    if relation in _COARSE_RELATIONS or (relation == SAME and max(a.place.level, b.place.level) >= PROVINCE):
        return True
    return None


@dataclass(frozen=True)
class PairExplanation:
    """The points of each kind of evidence for one pair (``veto`` names the rule that forbids it)."""

    type: float | None
    date: float | None
    place: float | None
    sides: float
    toll: float
    veto: str | None
    unlinked: str | None = None

    @property
    def total(self) -> float:
        """The sum of the points (0 when vetoed or unlinked)."""
        if self.veto or self.unlinked:
            return 0.0
        return sum(p for p in (self.type, self.date, self.place, self.sides, self.toll) if p is not None)

    @property
    def same(self) -> bool:
        """Whether the pair counts as one happening."""
        return self.veto is None and self.unlinked is None and self.total >= THRESHOLD


_RELATION_NAMES: Final = {SAME: "the same place", NAMED: "a place the other report names too",
                          INSIDE_DISTRICT: "inside the district",
                          INSIDE_PROVINCE: "inside the province", INSIDE_COUNTRY: "inside the country",
                          NEAR: "near", WEAK: "two places of one province", UNKNOWN: "no place",
                          APART: "different places"}


def explain(a: FusionEvent, b: FusionEvent) -> PairExplanation:
    """:func:`pair_score`, broken down by kind of evidence, with the veto's reason."""
    type_points, date_points = _type_points(a, b), _date_points(a, b)
    actors, toll = _shared_actors(a, b), _toll_points(a, b)
    relation = _relation(a, b)
    place_points = _place_points(a, b, relation)
    veto = None
    if type_points is None:
        veto = f"type: {a.sub_event_type} and {b.sub_event_type} are unrelated"
    elif a.kind == MONTH and b.kind == MONTH and a.document_id != b.document_id:
        veto = "date: two month-long spans"
    elif date_points is None:
        gap = max(a.lo, b.lo) - min(a.hi, b.hi)
        veto = f"date: {gap} days apart" if gap > 1 else "date: a day apart in one report"
    elif place_points is None:
        veto = f"place: {_RELATION_NAMES[relation]}" + ("" if relation == APART else " in one report")
    unlinked = None
    if veto is None and not _corroborated(relation, toll):
        unlinked = f"place: {_RELATION_NAMES[relation]} without the same toll"
    elif veto is None and type_points is not None and type_points < 2.0 and different_types(a, b, toll):
        unlinked = f"type: {a.event_type} and {b.event_type} without the same toll"
    return PairExplanation(type=type_points, date=date_points, place=place_points, sides=actors, toll=toll,
                           veto=veto, unlinked=unlinked)
