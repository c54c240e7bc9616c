"""WHERE: every place mention becomes a gazetteer-resolved :class:`~conflict_events.schema.Location`.

How a mention is represented (what the events extractor can rely on):

* one ``Location`` per distinct place *and* precision, carrying all its mentions
  (spans of the place phrase: "Kursk region", "Pokrovsk", "the Somali capital");
* a settlement named as the place of action: ``kind="settlement"``, ``geo_precision=1``;
* "near X", "outskirts of X", "south of X", "20 km from X": the same settlement
  with ``geo_precision=2`` (a separate Location from the precision-1 one);
* a district ("X district", admin2): ``kind="admin2"``, ``geo_precision=2``;
* a region ("X region/province/oblast/state", or a bare name that is a region):
  ``kind="admin1"``, ``geo_precision=3``, ``admin1`` = its own English name;
  a bare city name that the document also uses as a region's name ("in Kursk" in
  an article about "the Kursk region") is read as the region;
* a country: ``kind="country"``, ``geo_precision=3``;
* a place no gazetteer knows (a village under 500 people): kept with its name,
  country and admin1 from context, null coordinates, ``gazetteer_id=None``,
  ``geo_precision=3`` if only its region is known, and an ``unresolved_place``
  warning in the result.

Coordinates are never invented: a place no gazetteer knows has none.

Each location's ``provenance`` names the rules that found its mention (``name``), resolved it
(``gazetteer_id``) and set its precision (``geo_precision``).

>>> from datetime import date
>>> from conflict_events.draft import Draft
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> text = "Shelling hit the Ukrainian city of Pokrovsk in the Donetsk region."
>>> draft = Draft(Document(id="d", text=text, date=date(2025, 1, 5)))
>>> draft = LocationExtractor()(load_language_model()(text), draft)
>>> [(loc.name, loc.kind, loc.country, loc.admin1, loc.geo_precision) for loc in draft.locations if not loc.modifier]
[('Pokrovsk', 'settlement', 'UA', 'Donetsk', 1), ('Donetsk', 'admin1', 'UA', 'Donetsk', 3)]
>>> [loc.name for loc in draft.locations if loc.modifier]  # "the Ukrainian city": a people's adjective
['Ukraine']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from ..extractor import StepSettings, settings_of
from ..gazetteer import GeoNamesDumpGazetteer, PlaceResolver, default_gazetteer, name_key
from ..gazetteer._doc_places import DocPlaces
from ..gazetteer._facilities import with_facilities
from ..gazetteer._gazetteer_base import Gazetteer, Place
from ..gazetteer._place_mentions import find_mentions
from ..gazetteer._place_rules import ResolvedPlace
from ..gazetteer._place_words import PlaceWords
from ..gazetteer._regions import RegionTable
from ..gazetteer._seats import district_seat
from ..lexicons import _countries as countries
from ..lexicons import lexicon_with
from ..lexicons._countries import country_name
from ..schema import Decision, Location, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft

__all__ = ["LocationExtractor"]


@lru_cache(maxsize=4)
def _dump_gazetteer(path: str) -> GeoNamesDumpGazetteer:
    return GeoNamesDumpGazetteer(path)


class LocationExtractor:
    """Find place mentions, resolve them against a gazetteer in context, and add ``draft.locations``.

    Settings: ``gazetteer`` (any :class:`~conflict_events.gazetteer.Gazetteer`),
    or ``geonames_dump`` (path of a GeoNames dump for village-level coverage, added
    to the bundled data); ``fuzzy_cutoff`` (0-100, spelling similarity a fuzzy
    match needs); ``lexicon_files`` extend the ``places``, ``place_regions`` and
    ``admin1_abbreviations`` lexicons.
    """

    name = "conflict_events.locations.v1"
    version = "1.0.0"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"locations"})

    class Settings(StepSettings):
        """``gazetteer``: a Gazetteer object to use; ``geonames_dump``: a GeoNames dump file instead of the
        bundled table; ``fuzzy_cutoff``: the rapidfuzz score (0-100) a misspelt name needs;
        ``people_adjectives``: also read a people's adjective ("Russian troops") or a country's name
        that begins an organisation's ("US Special Forces") as a modifier mention of the country, as
        geoparsing corpora annotate them (on by default; a modifier says whose, not where, so the
        events step never places an event by one)."""

        gazetteer: Any = None
        geonames_dump: Path | None = None
        fuzzy_cutoff: float = Field(default=88.0, ge=0.0, le=100.0)
        people_adjectives: bool = True

    def __init__(self, gazetteer: Gazetteer | None = None, **settings: Any) -> None:
        if gazetteer is not None:
            settings["gazetteer"] = gazetteer
        self.settings = settings_of(self.Settings, self.name, settings)
        gazetteer = self.settings.gazetteer
        if gazetteer is None:
            dump = self.settings.geonames_dump
            gazetteer = _dump_gazetteer(str(dump)) if dump else default_gazetteer()
        self.resolver = PlaceResolver(gazetteer, fuzzy_cutoff=self.settings.fuzzy_cutoff)
        files = self.settings.lexicon_files
        self.words = PlaceWords(
            lexicon_with("places", files),
            lexicon_with("admin1_abbreviations", files),
            people_adjectives=self.settings.people_adjectives,
        )
        self.regions = RegionTable(lexicon_with("place_regions", files))
        # asked for every proper noun of every document: the same names recur
        self._known = lru_cache(maxsize=65536)(self._known_size)
        countries.load()  # here, once, not in the first document's __call__

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        mentions = find_mentions(doc, self._known, self.words)
        places = DocPlaces(doc, self.resolver, self.words, self.regions).resolve(mentions)
        places = with_facilities(doc, places, self.words)
        self._emit(draft, places)
        return draft

    def _known_size(self, name: str) -> int:
        """How well the gazetteer knows an exact name: -1 not at all, else its largest namesake's size."""
        places = self.resolver.gazetteer.candidates(name)
        if not places:
            # a named region that is no admin unit ("Kordofan") is as well known as a region
            found = self.regions.find(name)
            return 1_000_000 if found is not None else -1
        return max(1_000_000 if p.kind in ("admin1", "country") else p.population for p in places)

    # -- output ---------------------------------------------------------------------

    def _emit(self, draft: Draft, items: list[ResolvedPlace]) -> None:
        groups: dict[tuple[object, ...], list[ResolvedPlace]] = {}
        for r in items:
            ident: object = (
                r.place.gazetteer_id or r.place.name
                if r.place
                else ("macro", r.written)
                if r.macro
                else ("?", name_key(r.mention.name))
            )
            key = (ident, r.country, r.precision, r.kind) + (("modifier",) if r.mention.modifier else ())
            key += ("people",) if r.mention.people else ()
            groups.setdefault(key, []).append(r)
        for key, rs in groups.items():
            first = rs[0]
            spans = tuple(draft.span(r.mention.start, r.mention.end) for r in rs)
            seat = district_seat(self.resolver.gazetteer, first.place) if first.place is not None else None
            draft.locations.append(self._location(draft, key, first, spans, seat))
            if first.place is None and first.macro is None:
                where = (
                    ", ".join(x for x in (first.admin1, country_name(first.country or "")) if x) or "unknown"
                )
                draft.warn(
                    "unresolved_place",
                    f"{first.mention.name!r} is not in the gazetteer; kept without coordinates ({where})",
                    extractor=self.name,
                    span=spans[0],
                )
            elif first.fuzzy and first.place is not None:
                draft.warn(
                    "fuzzy_place",
                    f"{first.mention.name!r} matched {first.place.name!r} by spelling only",
                    extractor=self.name,
                    span=spans[0],
                )

    @staticmethod
    def _location(
        draft: Draft, key: tuple[object, ...], r: ResolvedPlace, spans: tuple[Span, ...], seat: Place | None
    ) -> Location:
        # "the Russians": a people names its country, but no point of it
        p = r.place if not r.mention.people else None
        # a named region's representative point ("the Red Sea", "Darfur"), not its people's ("South Ossetians");
        # a district with no point of its own, its main town's (places.point.district_seat)
        point = r.macro.point if p is None and r.macro is not None and not r.mention.people else r.point
        if p is not None and seat is not None and seat.latitude is not None and seat.longitude is not None:
            point = (seat.latitude, seat.longitude)
        return Location(
            id=draft.new_id("loc", *key),
            name=p.name if p is not None else r.written or r.mention.name,
            kind=r.kind,
            country=r.country,
            admin1=r.admin1,
            admin2=(p.admin2 if p is not None and p.kind in ("settlement", "feature", "admin2") else None),
            latitude=point[0] if point else p.latitude if p is not None else None,
            longitude=point[1] if point else p.longitude if p is not None else None,
            geo_precision=r.precision,
            gazetteer_id=p.gazetteer_id if p is not None else None,
            mentions=spans,
            provenance=_provenance(r) + ((Decision(field="latitude", rule=district_seat.name),) if seat else ()),
            modifier=r.mention.modifier,
        )


def _provenance(r: ResolvedPlace) -> tuple[Decision, ...]:
    """The rules that decided the location: the one that found its mention, then those that resolved it."""
    decided = {"name": r.mention.rule} if r.mention.rule else {}
    decided.update(r.rules)
    return tuple(Decision.of(f, name) for f, name in decided.items() if name)
