"""An extraction result as rows of the store's tables, with keys the store assigns.

:class:`RowBuilder` turns each :class:`~conflict_events.schema.ExtractionResult`
into plain dicts, one list per table, numbering rows from the store's next free
keys; each event also gets its :class:`~conflict_events.store._fusion_rules.FusionEvent`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..schema import Actor, Event, ExtractionResult, Figure, Location
from ._fusion_engine import bucket_of
from ._fusion_rules import FusionEvent

__all__ = ["ACTOR_SEP", "FIELD_SEP", "TABLE_ORDER", "RowBuilder"]

# Inside events.f_actors: pairs separated by RS, kind and name by US (neither occurs in names).
ACTOR_SEP = "\x1e"
FIELD_SEP = "\x1f"
# Parents before children: the order rows are inserted in (and deleted in reverse).
TABLE_ORDER = ("documents", "locations", "actors", "events", "event_actors", "claims", "claim_events", "figures")

Row = dict[str, Any]


def _document_country(result: ExtractionResult) -> str | None:
    """The country a report is mostly about: the commonest country of its places, else of its actors."""
    counts = Counter(loc.country for loc in result.locations if loc.country)
    if not counts:
        counts = Counter(a.country for a in result.actors if a.country and a.kind != "person")
    return counts.most_common(1)[0][0] if counts else None


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

    def add(self, result: ExtractionResult, digest: str) -> None:
        """Add one result's rows."""
        document = result.document
        doc_pk = self._pk("documents")
        self.rows["documents"].append({
            "pk": doc_pk, "id": document.id, "date": document.date, "title": document.title,
            "source": document.source, "url": document.url, "text": document.text,
            "schema_version": result.schema_version,
            "pipeline": "; ".join(f"{s.name} {s.version}" for s in result.pipeline),
            "warnings": len(result.warnings), "digest": digest,
        })
        places = {loc.id: self._location(doc_pk, loc) for loc in result.locations}
        people = {a.id: self._actor(doc_pk, a) for a in result.actors}
        fallback = _document_country(result)
        event_pks = {e.id: self._event(doc_pk, e, places, people, fallback) for e in result.events}
        links: set[tuple[int, int]] = set()
        for claim in result.claims:
            claim_pk = self._pk("claims")
            time = claim.time
            self.rows["claims"].append({
                "pk": claim_pk, "document_pk": doc_pk, "id": claim.id,
                "claimant_pk": people[claim.claimant.id] if claim.claimant else None, "cue": claim.cue,
                "kind": claim.kind, "text_start": claim.text.start, "text_end": claim.text.end,
                "sentence_start": claim.sentence.start, "sentence_end": claim.sentence.end, "quote": claim.quote,
                "hedged": claim.hedged, "negated": claim.negated, "aggregate": claim.aggregate,
                "time_start": time.start if time else None, "time_end": time.end if time else None,
                "time_precision": time.precision if time else None,
                "location_pk": places[claim.location.id] if claim.location else None,
            })
            links.update((claim_pk, event_pks[e]) for e in claim.event_ids)
            self._figures(doc_pk, claim.figures, "claim", claim_pk=claim_pk)
            for event in result.events:
                if claim.id in event.claim_ids:
                    links.add((claim_pk, event_pks[event.id]))
        self.rows["claim_events"].extend(
            {"document_pk": doc_pk, "claim_pk": c, "event_pk": e} for c, e in sorted(links))

    def _location(self, doc_pk: int, loc: Location) -> int:
        pk = self._pk("locations")
        self.rows["locations"].append({
            "pk": pk, "document_pk": doc_pk, "id": loc.id, "name": loc.name, "kind": loc.kind,
            "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2, "latitude": loc.latitude,
            "longitude": loc.longitude, "geo_precision": loc.geo_precision, "gazetteer_id": loc.gazetteer_id,
        })
        return pk

    def _actor(self, doc_pk: int, actor: Actor) -> int:
        pk = self._pk("actors")
        self.rows["actors"].append({
            "pk": pk, "document_pk": doc_pk, "id": actor.id, "name": actor.name, "kind": actor.kind,
            "country": actor.country, "affiliation": actor.affiliation,
        })
        return pk

    def _event(self, doc_pk: int, event: Event, places: dict[str, int], people: dict[str, int],
               fallback: str | None) -> int:
        pk = self._pk("events")
        f = FusionEvent.of_event(event, pk=pk, fallback_country=fallback)
        if not f.fusible:
            f.leader = pk  # alone for good: its own fused event
        self.fusion.append(f)
        p = f.place
        d = event.date
        self.rows["events"].append({
            "pk": pk, "document_pk": doc_pk, "id": event.id, "document_id": event.document_id,
            "event_type": event.event_type, "sub_event_type": event.sub_event_type,
            "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
            "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
            "date_start": d.start, "date_end": d.end, "date_precision": d.precision, "date_text": d.text,
            "date_anchor": d.anchor,
            "location_pk": places[event.location.id] if event.location else None,
            "actor1_pk": people[event.actor1.id] if event.actor1 else None,
            "actor2_pk": people[event.actor2.id] if event.actor2 else None,
            "fatalities": f.toll, "civilian_targeting": event.civilian_targeting,
            "confidence": event.confidence, "extractor": event.extractor,
            "fusible": f.fusible, "f_lo": f.lo, "f_hi": f.hi, "f_kind": f.kind, "f_edge": f.edge,
            "f_bucket": bucket_of(f.lo), "f_country": p.country, "f_admin1": p.admin1, "f_admin2": p.admin2,
            "f_place": p.name, "f_level": p.level, "f_gazetteer": p.gazetteer_id, "f_lat": p.latitude,
            "f_lon": p.longitude,
            "f_actors": ACTOR_SEP.join(f"{a.kind}{FIELD_SEP}{a.name}" for a in (event.actor1, event.actor2) if a),
            "place_name": f.place_name or None, "place_admin1": f.place_admin1 or None,
            "leader_pk": f.leader,
        })
        self.rows["event_actors"].extend(
            {"document_pk": doc_pk, "event_pk": pk, "actor_pk": people[a.id]} for a in event.assoc_actors)
        if event.fatalities is not None:
            self._figures(doc_pk, (event.fatalities,), "fatalities", event_pk=pk)
        self._figures(doc_pk, event.figures, "event", event_pk=pk)
        return pk

    def _figures(self, doc_pk: int, figures: Iterable[Figure], role: str, *, event_pk: int | None = None,
                 claim_pk: int | None = None) -> None:
        for fig in figures:
            self.rows["figures"].append({
                "pk": self._pk("figures"), "document_pk": doc_pk, "event_pk": event_pk, "claim_pk": claim_pk,
                "role": role, "category": fig.category, "item": fig.item, "value": fig.value, "low": fig.low,
                "high": fig.high, "approximate": fig.approximate, "subject": fig.subject,
                "text_start": fig.text.start, "text_end": fig.text.end,
            })
