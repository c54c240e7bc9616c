"""Fused events out of the store: as :class:`~conflict_events.schema.FusedEvent` records, ACLED CSV or GeoJSON.

:func:`iter_fused` reads the clusters a page at a time (their summary rows in
date order, then the members' rows), so an export of any size runs in flat
memory. Each fused event is built from its members by the rules of
:mod:`conflict_events.store._consensus`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, Final, Literal
from urllib.parse import urlsplit

from sqlalchemy import Connection, Select, and_, func, or_, select

from ..io.acled import (
    ACLED_COLUMNS,
    CIVILIAN_TARGETING,
    INTER_LABELS,
    event_date_of,
    inter_code,
    interaction_code,
    interaction_text,
    iso_numeric,
)
from ..lexicons._countries import country_from_name, country_name
from ..schema import (
    DISORDER_TYPE,
    EVENT_TYPES,
    Actor,
    FatalityRule,
    FusedClaim,
    FusedEvent,
    FusedFatalities,
    FusedMember,
    Location,
    TimeSpan,
    event_type_of,
)
from ._cells import FUSION_COLUMNS, fusion_event_of_row
from ._consensus import date_span, fused_id, place_member, sub_event_type_of, tolls_by_document
from ._fusion_rules import UNDATED, FusionEvent, PlaceKey, actor_key
from ._tables import actors, claim_events, claims, documents, events, fused_events, locations

__all__ = ["EXPORT_FORMATS", "ExportFormat", "FusedFilter", "acled_row_of", "iter_fused", "select_summaries"]

ExportFormat = Literal["jsonl", "acled-csv", "geojson"]
EXPORT_FORMATS: Final[tuple[str, ...]] = ("jsonl", "acled-csv", "geojson")
_PAGE: Final = 400


@dataclass(frozen=True)
class FusedFilter:
    """Which fused events to read: every condition given must hold.

    ``country`` is an ISO code or a country name; ``admin1`` a province's name
    (any case); ``event_type`` an ACLED event type or sub-event type (any case);
    ``since``/``until`` keep events whose dates reach into that range.
    """

    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    min_reports: int = 1

    def where(self) -> list[Any]:
        """The conditions on ``fused_events``."""
        out: list[Any] = []
        if self.country:
            code = self.country.upper() if len(self.country) == 2 else country_from_name(self.country)
            out.append(fused_events.c.country == (code or self.country))
        if self.admin1:
            out.append(func.lower(fused_events.c.admin1) == self.admin1.lower())
        if self.since:
            out.append(fused_events.c.date_end >= self.since)
        if self.until:
            out.append(fused_events.c.date_start <= self.until)
        if self.event_type:
            wanted = self.event_type.lower()
            out.append(or_(func.lower(fused_events.c.event_type) == wanted,
                           func.lower(fused_events.c.sub_event_type) == wanted))
        if self.min_reports > 1:
            out.append(fused_events.c.documents >= self.min_reports)
        return out

    def check(self) -> None:
        """Raise ``ValueError`` for a filter that can match nothing because it is misspelt."""
        if self.country and len(self.country) != 2 and country_from_name(self.country) is None:
            raise ValueError(f"unknown country {self.country!r} (give an ISO code such as BF, or a name)")
        if self.event_type:
            known = {t.lower() for t in EVENT_TYPES} | {s.lower() for s in DISORDER_TYPE}
            if self.event_type.lower() not in known:
                raise ValueError(f"unknown event type {self.event_type!r} (an ACLED event or sub-event type)")


def select_summaries(filters: FusedFilter) -> Select[Any]:
    """The summary rows of the fused events ``filters`` keeps, in date order."""
    return (select(fused_events).where(*filters.where())
            .order_by(fused_events.c.date_start, fused_events.c.id))


@dataclass
class _Member:
    fusion: FusionEvent
    document_date: dt.date
    source: str | None
    url: str | None
    precision: str
    text: str | None
    anchor: dt.date
    location_pk: int | None
    actor1_pk: int | None
    actor2_pk: int | None
    notes: str


_MEMBER_COLUMNS: Final = (*FUSION_COLUMNS, documents.c.date, documents.c.source, documents.c.url,
                          events.c.date_precision, events.c.date_text, events.c.location_pk, events.c.actor1_pk,
                          events.c.actor2_pk,
                          func.substr(documents.c.text, events.c.sentence_start + 1,
                                      events.c.sentence_end - events.c.sentence_start))


def _members(conn: Connection, leaders: Sequence[int]) -> dict[int, list[_Member]]:
    query = (select(*_MEMBER_COLUMNS).join(documents, documents.c.pk == events.c.document_pk)
             .where(events.c.leader_pk.in_(leaders)))
    out: dict[int, list[_Member]] = defaultdict(list)
    n = len(FUSION_COLUMNS)
    for row in conn.execute(query):
        f = fusion_event_of_row(row[:n])
        date, source, url, precision, text, loc, a1, a2, notes = row[n:]
        out[f.leader or f.pk].append(_Member(f, date, source, url, precision, text, dt.date.fromordinal(f.anchor),
                                             loc, a1, a2, notes or ""))
    for group in out.values():
        group.sort(key=lambda m: m.fusion.order)
    return out


def _rows_by_pk(conn: Connection, table: Any, pks: set[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    wanted = sorted(pks)
    for i in range(0, len(wanted), 900):
        for row in conn.execute(select(table).where(table.c.pk.in_(wanted[i: i + 900]))):
            out[row.pk] = row
    return out


def _claims(conn: Connection, event_pks: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    query = (select(claim_events.c.event_pk, documents.c.id, claims.c.id)
             .join(claims, claims.c.pk == claim_events.c.claim_pk)
             .join(documents, documents.c.pk == claim_events.c.document_pk)
             .where(claim_events.c.event_pk.in_(event_pks)))
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for event_pk, doc_id, claim_id in conn.execute(query):
        out[event_pk].append((doc_id, claim_id))
    return out


def _location(row: Any, place: PlaceKey) -> Location:
    """A member's listed location; a village listed without a point keeps the point its event borrowed from the
    named place beside it (the listed geo precision stays: the point is that place's, not the village's)."""
    lat, lon = row.latitude, row.longitude
    if lat is None and place.latitude is not None and place.longitude is not None:
        lat, lon = place.latitude, place.longitude
    return Location(id=row.id, name=row.name, kind=row.kind, country=row.country, admin1=row.admin1,
                    admin2=row.admin2, latitude=lat, longitude=lon,
                    geo_precision=row.geo_precision, gazetteer_id=row.gazetteer_id)


def _actor(row: Any) -> Actor:
    return Actor(id=row.id, name=row.name, kind=row.kind, country=row.country, affiliation=row.affiliation)


def _choose_actor(rows: Sequence[Any], exclude: str | None) -> Any | None:
    """The actor most members name in a role; a generic label only when none names the group."""
    support: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if row.name != exclude:
            support[row.name].append(row)
    if not support:
        return None
    best = min(support, key=lambda name: (actor_key(support[name][0].kind, name).generic, -len(support[name]),
                                          name))
    return support[best][0]


def _date(members: Sequence[_Member]) -> TimeSpan:
    lo, hi = date_span([m.fusion for m in members])
    exact = [m for m in members if m.fusion.start == lo and m.fusion.end == hi and m.text is not None
             and m.fusion.kind != UNDATED]
    if exact:
        m = max(exact, key=lambda m: m.fusion.confidence)
        return TimeSpan(start=dt.date.fromordinal(lo), end=dt.date.fromordinal(hi), precision=m.precision,
                        text=m.text, anchor=m.anchor)
    days = hi - lo + 1
    precision = "day" if days == 1 else "week" if days <= 7 else "month" if days <= 31 else "range"
    return TimeSpan(start=dt.date.fromordinal(lo), end=dt.date.fromordinal(hi), precision=precision,
                    anchor=min(m.anchor for m in members))


def _fused(members: Sequence[_Member], locs: dict[int, Any], people: dict[int, Any],
           claim_links: dict[int, list[tuple[str, str]]], rule: FatalityRule) -> FusedEvent:
    fusion = [m.fusion for m in members]
    leader = fusion[0]
    sub = sub_event_type_of(fusion)
    event_type = event_type_of(sub)
    where = place_member(fusion)
    loc_row = next((locs[m.location_pk] for m in members if m.fusion is where and m.location_pk), None)
    actor1 = _choose_actor([people[m.actor1_pk] for m in members if m.actor1_pk], None)
    actor2 = _choose_actor([people[m.actor2_pk] for m in members if m.actor2_pk],
                           actor1.name if actor1 is not None else None)
    fused_claims = sorted({c for m in members for c in claim_links.get(m.fusion.pk, ())})
    sources = [m.source for m in sorted(members, key=lambda m: (m.document_date, m.fusion.document_id))
               if m.source]
    return FusedEvent(
        id=fused_id(leader.document_id, leader.event_id),
        members=tuple(FusedMember(document_id=f.document_id, event_id=f.event_id) for f in fusion),
        event_type=event_type, sub_event_type=sub, date=_date(members),
        location=_location(loc_row, where.place) if loc_row is not None and where is not None else None,
        actor1=_actor(actor1) if actor1 is not None else None,
        actor2=_actor(actor2) if actor2 is not None else None,
        fatalities=FusedFatalities.of(tolls_by_document(fusion), rule=rule),
        claims=tuple(FusedClaim(document_id=d, claim_id=c) for d, c in fused_claims),
        sources=tuple(dict.fromkeys(sources)),
        civilian_targeting=any(f.civilian for f in fusion if f.event_type == event_type),
        confidence=max(f.confidence for f in fusion),
    )


def iter_fused(conn: Connection, filters: FusedFilter = FusedFilter(), *, rule: FatalityRule = "lowest",
               with_notes: bool = False) -> Iterator[tuple[FusedEvent, list[str], str]]:
    """Each fused event ``filters`` keeps, in date order, with its members' URLs and its best note."""
    after: tuple[dt.date, str] | None = None
    base = select(fused_events.c.leader_pk, fused_events.c.date_start, fused_events.c.id).where(*filters.where())
    while True:
        query = base
        if after is not None:
            query = query.where(or_(fused_events.c.date_start > after[0],
                                    and_(fused_events.c.date_start == after[0], fused_events.c.id > after[1])))
        page = conn.execute(query.order_by(fused_events.c.date_start, fused_events.c.id).limit(_PAGE)).all()
        if not page:
            return
        after = (page[-1].date_start, page[-1].id)
        groups = _members(conn, [r.leader_pk for r in page])
        all_members = [m for g in groups.values() for m in g]
        locs = _rows_by_pk(conn, locations, {m.location_pk for m in all_members if m.location_pk})
        people = _rows_by_pk(conn, actors, {pk for m in all_members for pk in (m.actor1_pk, m.actor2_pk) if pk})
        links = _claims(conn, [m.fusion.pk for m in all_members])
        for r in page:
            members = groups[r.leader_pk]
            fused = _fused(members, locs, people, links, rule)
            urls = list(dict.fromkeys(m.url for m in members if m.url))
            notes = max(members, key=lambda m: m.fusion.confidence).notes.strip() if with_notes else ""
            yield fused, urls, notes


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _acled_place(fused: FusedEvent) -> dict[str, str]:
    location = fused.location
    if location is None:
        return {}
    return {
        "admin1": location.admin1 or "", "admin2": location.admin2 or "", "location": location.name,
        "latitude": f"{location.latitude:.4f}" if location.latitude is not None else "",
        "longitude": f"{location.longitude:.4f}" if location.longitude is not None else "",
        "geo_precision": str(location.geo_precision),
    }


def _acled_sides(fused: FusedEvent, country: str | None) -> dict[str, str]:
    inter1 = inter_code(fused.actor1, country) if fused.actor1 else 0
    inter2 = inter_code(fused.actor2, country) if fused.actor2 else 0
    interaction = interaction_code(inter1, inter2) if inter1 or inter2 else 0
    return {
        "actor1": fused.actor1.name if fused.actor1 else "",
        "inter1": INTER_LABELS.get(inter1, "") if fused.actor1 else "",
        "actor2": fused.actor2.name if fused.actor2 else "",
        "inter2": INTER_LABELS.get(inter2, "") if fused.actor2 else "",
        "interaction": interaction_text(interaction) if interaction else "",
    }


def acled_row_of(fused: FusedEvent, urls: Sequence[str] = (), notes: str = "") -> dict[str, str]:
    """A fused event as an ACLED row; ``source`` lists every member's source (else its URL's host), as ACLED does."""
    country = fused.location.country if fused.location is not None else None
    if country is None:
        country = next((a.country for a in (fused.actor1, fused.actor2) if a and a.country), None)
    date = event_date_of(fused.date)
    numeric = iso_numeric(country) if country else None
    sources = list(fused.sources) or list(dict.fromkeys(_host(u) for u in urls))
    return {
        "event_id_cnty": fused.id,
        "event_date": date.isoformat(),
        "year": str(date.year),
        "time_precision": str(fused.time_precision),
        "disorder_type": DISORDER_TYPE.get(fused.sub_event_type, ""),
        "event_type": fused.event_type,
        "sub_event_type": fused.sub_event_type,
        **_acled_sides(fused, country),
        "civilian_targeting": CIVILIAN_TARGETING if fused.civilian_targeting else "",
        "iso": str(numeric) if numeric is not None else "",
        "country": (country_name(country) or "") if country else "",
        **_acled_place(fused),
        "source": "; ".join(sources),
        "notes": notes,
        "fatalities": str(fused.fatalities.best or 0),
        "tags": f"reports={len(fused.document_ids)}",
    }


def geojson_feature(fused: FusedEvent, urls: Sequence[str] = ()) -> dict[str, Any] | None:
    """A Point Feature with flat properties for a located fused event (None without coordinates)."""
    location = fused.location
    if location is None or location.latitude is None or location.longitude is None:
        return None
    f = fused.fatalities
    properties = {
        "id": fused.id, "event_date": event_date_of(fused.date).isoformat(),
        "date_start": fused.date.start.isoformat(), "date_end": fused.date.end.isoformat(),
        "time_precision": fused.time_precision, "event_type": fused.event_type,
        "sub_event_type": fused.sub_event_type,
        "actor1": fused.actor1.name if fused.actor1 else None, "actor2": fused.actor2.name if fused.actor2 else None,
        "country_code": location.country, "admin1": location.admin1, "location": location.name,
        "geo_precision": location.geo_precision, "fatalities": f.best, "fatalities_low": f.low,
        "fatalities_high": f.high, "reports": len(fused.document_ids),
        "documents": "; ".join(fused.document_ids), "sources": "; ".join(fused.sources) or None,
        "urls": "; ".join(urls) or None,
    }
    return {"type": "Feature", "id": fused.id,
            "geometry": {"type": "Point", "coordinates": [location.longitude, location.latitude]},
            "properties": properties}


def write_export(conn: Connection, handle: IO[str], fmt: ExportFormat, filters: FusedFilter,
                 rule: FatalityRule) -> int:
    """Write the fused events ``filters`` keeps to an open text file; returns how many were written."""
    count = 0
    if fmt == "jsonl":
        for fused, _, _ in iter_fused(conn, filters, rule=rule):
            handle.write(fused.model_dump_json() + "\n")
            count += 1
    elif fmt == "acled-csv":
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for fused, urls, notes in iter_fused(conn, filters, rule=rule, with_notes=True):
            row = acled_row_of(fused, urls, notes)
            writer.writerow({c: row.get(c, "") for c in ACLED_COLUMNS})
            count += 1
    else:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for fused, urls, _ in iter_fused(conn, filters, rule=rule):
            feature = geojson_feature(fused, urls)
            if feature is not None:
                handle.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
                count += 1
        handle.write("\n]}\n")
    return count
