"""An extraction result as rows of the store's tables, with keys the store assigns.

:class:`RowBuilder` turns each checked result record (:mod:`._records`) into
tuples, one list per table, in the order of the table's columns
(:data:`COLUMNS`), numbering rows from the store's next free keys; each event
also gets its :class:`~conflict_events.store._fusion_rules.FusionEvent`. Tuples,
not dicts, because the rows go to the driver's ``executemany`` as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from ._fusion_engine import bucket_of
from ._fusion_rules import (
    PROVINCE,
    FusionEvent,
    PlaceKey,
    Stated,
    credits_itself,
    fold,
    kind_level,
    report_toll,
    vague_wording,
)
from ._records import EventPlaceRecord, EventRecord, FigureRecord, LocationRecord, ResultRecord
from ._tables import metadata

__all__ = ["ACTOR_SEP", "COLUMNS", "FIELD_SEP", "TABLE_ORDER", "RowBuilder", "fusion_event_of_record", "places_named"]

# Inside events.f_actors: pairs separated by RS, kind and name by US (neither occurs in names).
ACTOR_SEP: Final = "\x1e"
FIELD_SEP: Final = "\x1f"
# Parents before children: the order rows are inserted in (and deleted in reverse).
TABLE_ORDER: Final = ("documents", "locations", "actors", "events", "event_actors", "claims", "claim_events",
                      "figures")
COLUMNS: Final = {name: tuple(c.name for c in metadata.tables[name].c) for name in TABLE_ORDER}

Row = tuple[Any, ...]


def _document_country(record: ResultRecord) -> str | None:
    """The country a report is mostly about: the commonest country of its places, else of its actors."""
    counts = Counter(loc.get("country") for loc in record.get("locations", ()) if loc.get("country"))
    if not counts:
        counts = Counter(a.get("country") for a in record.get("actors", ())
                         if a.get("country") and a["kind"] != "person")
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=65536)
def _place(name: str, kind: str, country: str | None, admin1: str | None, admin2: str | None,
           gazetteer_id: str | None, latitude: float | None, longitude: float | None) -> PlaceKey:
    return PlaceKey.build(name=name, kind=kind, country=country, admin1=admin1, admin2=admin2,
                          gazetteer_id=gazetteer_id, latitude=latitude, longitude=longitude)


def _place_of(loc: LocationRecord | None, fallback: str | None) -> PlaceKey:
    if loc is None or not loc.get("country"):
        return PlaceKey(country=fallback or "")
    return _place(loc["name"], loc["kind"], loc.get("country"), loc.get("admin1"), loc.get("admin2"),
                  loc.get("gazetteer_id"), loc.get("latitude"), loc.get("longitude"))


def _toll(figure: FigureRecord | None) -> int | None:
    if figure is None:
        return None
    for number in (figure.get("value"), figure.get("low"), figure.get("high")):
        if number is not None:
            return number
    return None


_folded: Final = lru_cache(maxsize=65536)(fold)


def places_named(record: ResultRecord) -> frozenset[str]:
    """The places finer than a province a report names (folded): what ``fusion.place.named_by_the_reports`` reads.

    A place's level follows from its kind alone (:meth:`PlaceKey.build`), so no place key is built here.
    """
    names = (_folded(loc["name"]) for loc in record.get("locations", ()) if kind_level(loc["kind"]) < PROVINCE)
    return frozenset(name for name in names if name)


def _stated(figure: FigureRecord, number: int, text: str) -> Stated:
    span = figure["text"]
    return span["start"], number, vague_wording(text[span["start"]: span["end"]])


def _stated_tolls(record: ResultRecord) -> tuple[dict[str, list[Stated]], list[Stated], str | None, frozenset[int]]:
    """The killed figures of the claims tied to each event, those of claims tied to none, the lead event's id,
    and where the counts stand that an armed party credits itself with (:func:`credits_itself`).

    The lead event is the report's most confident one (the first of equals): the story it is about.
    """
    events = record.get("events", ())
    text = record["document"]["text"]
    tied_claims: dict[str, set[str]] = {e["id"]: set(e.get("claim_ids", ())) for e in events}
    refs = {a["id"]: a for a in record.get("actors", ())}
    killed: dict[str, list[Stated]] = {}
    loose: list[Stated] = []
    credited: set[int] = set()
    for claim in record.get("claims", ()):
        if claim.get("negated"):
            continue
        counts = [(f, n) for f in claim.get("figures", ()) if f["category"] == "killed" and (n := _toll(f)) is not None]
        figures = [_stated(f, n, text) for f, n in counts]
        ref = claim.get("claimant")
        claimant = refs.get(ref["id"]) if ref is not None else None
        if claimant is not None:
            start = claim["text"]["start"]
            credited.update(f["text"]["start"] for f, _ in counts
                            if credits_itself(claimant["kind"], text[start:f["text"]["start"]]))
        killed[claim["id"]] = figures
        for event_id in claim.get("event_ids", ()):
            tied_claims.setdefault(event_id, set()).add(claim["id"])
    tied_ids = set().union(*tied_claims.values()) if tied_claims else set()
    for claim_id, figures in killed.items():
        if claim_id not in tied_ids:
            loose += figures
    by_event = {event_id: [f for c in sorted(ids) for f in killed.get(c, ())] for event_id, ids in tied_claims.items()}
    lead = max(events, key=lambda e: e["confidence"])["id"] if events else None
    return by_event, loose, lead, frozenset(credited)


def _lead_casualties(record: ResultRecord, lead: str | None) -> tuple[list[Stated], bool]:
    """The casualties counts the lead event and the claims about it (or about no event) state, and whether
    they count the wounded apart: what :func:`casualties_beside_wounded` reads."""
    event = next((e for e in record.get("events", ()) if e["id"] == lead), None)
    if event is None:
        return [], False
    text = record["document"]["text"]
    figures = [*event.get("figures", ()),
               *(f for c in record.get("claims", ()) if not c.get("negated")
                 and (not c.get("event_ids") or lead in c["event_ids"]) for f in c.get("figures", ()))]
    casualties = [_stated(f, n, text) for f in figures if f["category"] == "casualties" and (n := _toll(f)) is not None]
    return casualties, any(f["category"] == "wounded" for f in figures)


def fusion_event_of_record(event: EventRecord, *, pk: int, location: LocationRecord | None,
                           actors: Iterable[tuple[str, str]], fallback_country: str | None,
                           stated: tuple[list[Stated], list[Stated]] = ([], []), text: str = "",
                           places_named: frozenset[str] = frozenset(),
                           casualties: tuple[list[Stated], bool] = ([], False),
                           credited: frozenset[int] = frozenset()) -> FusionEvent:
    """The fusion features of an event record (its location and sides looked up in its result).

    ``stated``: the killed figures of the claims tied to the event, and of those tied to no event
    when this is the report's lead event (:func:`report_toll` picks the report's toll, reading the
    event's own killed figures too); ``credited``: where the counts stand that an armed party credits
    itself with.
    """
    d = event["date"]
    own = event.get("fatalities")
    toll = _toll(own)
    killed = [_stated(f, n, text) for f in event.get("figures", ()) if f["category"] == "killed"
              and (n := _toll(f)) is not None]
    tied, loose = stated
    reported = report_toll(None if own is None or toll is None else _stated(own, toll, text), [*killed, *tied], loose,
                           *casualties, credited=credited)
    out = FusionEvent.build(pk=pk, document_id=event["document_id"], event_id=event["id"],
                            sub_event_type=event["sub_event_type"],
                            date=(d["start"], d["end"], d["precision"], d.get("text"), d["anchor"]),
                            place=_place_of(location, fallback_country), actors=tuple(actors),
                            toll=reported, places_named=places_named,
                            date_rule=next((p["rule"] for p in event.get("provenance", ()) if p["field"] == "date"),
                                           None))
    out.confidence, out.civilian = event["confidence"], event.get("civilian_targeting", False)
    if location is not None:
        out.place_name, out.place_admin1 = location["name"], location.get("admin1") or ""
    return out


class _Refs:
    """A result's places and actors by id, with their row keys; unknown ids are errors naming the record."""

    def __init__(self, kind: str, items: dict[str, tuple[int, Any]]) -> None:
        self.kind = kind
        self.items = items

    def pk(self, owner: str, owner_id: str, ref: Mapping[str, Any] | None) -> int | None:
        """The row key of the record ``ref`` names, for the ``owner`` (``"event"`` or ``"claim"``) of that id."""
        if ref is None:
            return None
        try:
            return self.items[ref["id"]][0]
        except KeyError:  # (the message is made here only: most records name what they should)
            raise ValueError(f"{owner} {owner_id} refers to {self.kind} id {ref['id']!r}, which is not in the "
                             "result") from None

    def record(self, ref: Mapping[str, Any] | None) -> Any:
        return None if ref is None else self.items[ref["id"]][1]


def _event_place(places: _Refs, ref: EventPlaceRecord | None) -> LocationRecord | None:
    """The listed location an event names, with the point the event borrowed from the named place beside it
    (geo precision 2, ACLED's "near X") when the listed one has none. A region's point (precision 3) is left
    out: it lies far from the village, and fusion would measure distances from it."""
    listed: LocationRecord | None = places.record(ref)
    if ref is None or listed is None or listed.get("latitude") is not None or ref.get("latitude") is None:
        return listed
    if ref.get("geo_precision") != 2:
        return listed
    return {**listed, "latitude": ref.get("latitude"), "longitude": ref.get("longitude"), "geo_precision": 2}


@dataclass
class RowBuilder:
    """Rows of many results; ``next_pk`` holds each table's next free key and advances as rows are made."""

    next_pk: dict[str, int]
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLE_ORDER})
    fusion: list[FusionEvent] = field(default_factory=list)

    def _pk(self, table: str) -> int:
        pk = self.next_pk[table]
        self.next_pk[table] = pk + 1
        return pk

    def add(self, record: ResultRecord, digest: str) -> None:
        """Add one result's rows; ``ValueError`` for an id that names nothing in the result."""
        document = record["document"]
        doc_pk = self._pk("documents")
        pipeline = "; ".join(f"{s['name']} {s['version']}" for s in record.get("pipeline", ()))
        self.rows["documents"].append((
            doc_pk, document["id"], document["date"], document.get("title"), document.get("source"),
            document.get("url"), document["text"], record.get("schema_version", "1.0"), pipeline,
            len(record.get("warnings", ())), digest))
        places = _Refs("location", self._locations(doc_pk, record.get("locations", ())))
        people = _Refs("actor", self._actors(doc_pk, record.get("actors", ())))
        fallback = _document_country(record)
        tied, loose, lead, credited = _stated_tolls(record)
        named = places_named(record)
        lead_casualties = _lead_casualties(record, lead)
        event_pks = {e["id"]: self._event(doc_pk, e, places, people, fallback,
                                          (tied.get(e["id"], []), loose if e["id"] == lead else []),
                                          document["text"], named, lead_casualties if e["id"] == lead else ([], False),
                                          credited)
                     for e in record.get("events", ())}
        claims_of: dict[str, list[int]] = {}
        for event in record.get("events", ()):
            for claim_id in event.get("claim_ids", ()):
                claims_of.setdefault(claim_id, []).append(event_pks[event["id"]])
        links: set[tuple[int, int]] = set()
        for claim in record.get("claims", ()):
            claim_pk = self._claim(doc_pk, claim, places, people)
            for event_id in claim.get("event_ids", ()):
                if event_id not in event_pks:
                    raise ValueError(f"claim {claim['id']} refers to event id {event_id!r}, which is not in the "
                                     "result")
                links.add((claim_pk, event_pks[event_id]))
            links.update((claim_pk, e) for e in claims_of.pop(claim["id"], ()))
        if claims_of:
            raise ValueError(f"an event refers to claim id {next(iter(claims_of))!r}, which is not in the result")
        self.rows["claim_events"].extend((doc_pk, c, e) for c, e in sorted(links))

    def _locations(self, doc_pk: int, locations: Iterable[LocationRecord]) -> dict[str, tuple[int, Any]]:
        """A result's places as rows; their ids -> (row key, record). (One loop with the key counter at hand: a
        method call per place cost more than its row.)"""
        rows, out, pk = self.rows["locations"], {}, self.next_pk["locations"]
        for loc in locations:
            rows.append((pk, doc_pk, loc["id"], loc["name"], loc["kind"], loc.get("country"), loc.get("admin1"),
                         loc.get("admin2"), loc.get("latitude"), loc.get("longitude"), loc["geo_precision"],
                         loc.get("gazetteer_id")))
            out[loc["id"]] = (pk, loc)
            pk += 1
        self.next_pk["locations"] = pk
        return out

    def _actors(self, doc_pk: int, actors: Iterable[Mapping[str, Any]]) -> dict[str, tuple[int, Any]]:
        """A result's actors as rows; their ids -> (row key, record)."""
        rows, out, pk = self.rows["actors"], {}, self.next_pk["actors"]
        for actor in actors:
            rows.append((pk, doc_pk, actor["id"], actor["name"], actor["kind"], actor.get("country"),
                         actor.get("affiliation")))
            out[actor["id"]] = (pk, actor)
            pk += 1
        self.next_pk["actors"] = pk
        return out

    def _event(self, doc_pk: int, event: EventRecord, places: _Refs, people: _Refs, fallback: str | None,
               stated: tuple[list[Stated], list[Stated]], text: str, named: frozenset[str],
               casualties: tuple[list[Stated], bool] = ([], False), credited: frozenset[int] = frozenset()) -> int:
        pk = self._pk("events")
        event_id = event["id"]
        location_pk = places.pk("event", event_id, event.get("location"))
        refs = (event.get("actor1"), event.get("actor2"))
        actor_pks = [people.pk("event", event_id, ref) for ref in refs]  # (first: an unknown id is an error here)
        sides = [people.record(ref) for ref in refs]
        pairs = [(a["kind"], a["name"]) for a in sides if a is not None]
        f = fusion_event_of_record(event, pk=pk, location=_event_place(places, event.get("location")), actors=pairs,
                                   fallback_country=fallback, stated=stated, text=text,
                                   places_named=named, casualties=casualties, credited=credited)
        if not f.fusible:
            f.leader = pk  # alone for good: its own fused event
        self.fusion.append(f)
        p, d = f.place, event["date"]
        self.rows["events"].append((
            pk, doc_pk, event["id"], event["document_id"], event["event_type"], event["sub_event_type"],
            event["trigger"]["start"], event["trigger"]["end"], event["sentence"]["start"], event["sentence"]["end"],
            d["start"], d["end"], d["precision"], d.get("text"), d["anchor"], location_pk, actor_pks[0],
            actor_pks[1], f.toll, event.get("civilian_targeting", False), event["confidence"], event["extractor"],
            f.fusible, f.lo, f.hi, f.kind, f.edge, bucket_of(f.lo), p.country, p.admin1, p.admin2, p.name, p.level,
            p.gazetteer_id, p.latitude, p.longitude, ACTOR_SEP.join([k + FIELD_SEP + n for k, n in pairs]),
            FIELD_SEP.join(sorted(f.places_named)), f.place_name or None, f.place_admin1 or None, f.leader))
        for assoc in event.get("assoc_actors", ()):
            self.rows["event_actors"].append((doc_pk, pk, people.pk("event", event_id, assoc)))
        fatalities = event.get("fatalities")
        if fatalities is not None:
            self._figures(doc_pk, (fatalities,), "fatalities", event_pk=pk)
        figures = event.get("figures")
        if figures:
            self._figures(doc_pk, figures, "event", event_pk=pk)
        return pk

    def _claim(self, doc_pk: int, claim: Any, places: _Refs, people: _Refs) -> int:
        pk = self._pk("claims")
        claim_id = claim["id"]
        time = claim.get("time")
        text, sentence = claim["text"], claim["sentence"]
        self.rows["claims"].append((
            pk, doc_pk, claim_id, people.pk("claim", claim_id, claim.get("claimant")), claim["cue"], claim["kind"],
            text["start"], text["end"], sentence["start"], sentence["end"],
            claim.get("quote", False), claim.get("hedged", False), claim.get("negated", False),
            claim.get("aggregate", False), time["start"] if time else None, time["end"] if time else None,
            time["precision"] if time else None, places.pk("claim", claim_id, claim.get("location"))))
        figures = claim.get("figures")
        if figures:
            self._figures(doc_pk, figures, "claim", claim_pk=pk)
        return pk

    def _figures(self, doc_pk: int, figures: Iterable[FigureRecord], role: str, *, event_pk: int | None = None,
                 claim_pk: int | None = None) -> None:
        for fig in figures:
            self.rows["figures"].append((
                self._pk("figures"), doc_pk, event_pk, claim_pk, role, fig["category"], fig.get("item"),
                fig.get("value"), fig.get("low"), fig.get("high"), fig.get("approximate", False),
                fig.get("subject"), fig["text"]["start"], fig["text"]["end"]))
