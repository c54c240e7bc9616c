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

Coordinates are never invented: admin units of the bundled gazetteer carry none.

>>> from datetime import date
>>> from conflict_events.draft import Draft
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> text = "Shelling hit the Ukrainian city of Pokrovsk in the Donetsk region."
>>> draft = Draft(Document(id="d", text=text, date=date(2025, 1, 5)))
>>> draft = LocationExtractor()(load_language_model()(text), draft)
>>> [(loc.name, loc.kind, loc.country, loc.admin1, loc.geo_precision) for loc in draft.locations]
[('Pokrovsk', 'settlement', 'UA', 'Donetsk', 1), ('Donetsk', 'admin1', 'UA', 'Donetsk', 3)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field

from .._doccache import doc_text
from .._docindex import NOUN, doc_index, entity_rows, expand, sentence_at
from ..extractor import StepSettings, settings_of
from ..gazetteer import GeoNamesDumpGazetteer, Hints, Place, PlaceResolver, default_gazetteer, name_key
from ..gazetteer._gazetteer_base import Gazetteer
from ..gazetteer._place_mentions import PlaceMention, find_mentions, has_place_cue, strip_direction
from ..gazetteer._regions import MacroRegion, macro_region
from ..lexicons import _countries as countries
from ..lexicons._countries import (
    capital_government,
    country_from_demonym,
    country_from_name,
    country_geonames_id,
    country_name,
)
from ..schema import Location, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft

__all__ = ["LocationExtractor"]

# a lower-case direction word right before a name ("northern Gaza"); a capitalised one is part of the name
_DIRECTION_BEFORE = re.compile(
    r"\b((?-i:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western"
    r"|south-?eastern|south-?western|northeastern|northwestern|southeastern|southwestern))\s+$"
)
_BESIDE = re.compile(
    r"\b(?:borders?\s+with|border\s+of|borders|bordering|from|neighbouring|neighboring)\s+(?:the\s+)?$"
)
# asked of every mention's name in each pass; place names recur across documents
_country_of_name = lru_cache(maxsize=16384)(country_from_name)
# Evidence weights: the sentence counts fully, the document less.
_SENTENCE = 1.0
_SENTENCE_DEMONYM = 0.5
_DOCUMENT = 0.4


@dataclass
class _Resolved:
    mention: PlaceMention
    place: Place | None
    country: str | None
    admin1: str | None
    precision: int
    kind: str
    fuzzy: bool = False
    alternatives: int = 0
    macro: MacroRegion | None = None
    written: str | None = None


@lru_cache(maxsize=4)
def _dump_gazetteer(path: str) -> GeoNamesDumpGazetteer:
    return GeoNamesDumpGazetteer(path)


class LocationExtractor:
    """Find place mentions, resolve them against a gazetteer in context, and add ``draft.locations``.

    Settings: ``gazetteer`` (any :class:`~conflict_events.gazetteer.Gazetteer`),
    or ``geonames_dump`` (path of a GeoNames dump for village-level coverage, added
    to the bundled data); ``fuzzy_cutoff`` (0-100, spelling similarity a fuzzy
    match needs).
    """

    name = "conflict_events.locations.v1"
    version = "1.0.0"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"locations"})

    class Settings(StepSettings):
        """``gazetteer``: a Gazetteer object to use; ``geonames_dump``: a GeoNames dump file instead of the
        bundled table; ``fuzzy_cutoff``: the rapidfuzz score (0-100) a misspelt name needs."""

        gazetteer: Any = None
        geonames_dump: Path | None = None
        fuzzy_cutoff: float = Field(default=88.0, ge=0.0, le=100.0)

    def __init__(self, gazetteer: Gazetteer | None = None, **settings: Any) -> None:
        if gazetteer is not None:
            settings["gazetteer"] = gazetteer
        self.settings = settings_of(self.Settings, self.name, settings)
        gazetteer = self.settings.gazetteer
        if gazetteer is None:
            dump = self.settings.geonames_dump
            gazetteer = _dump_gazetteer(str(dump)) if dump else default_gazetteer()
        self.resolver = PlaceResolver(gazetteer, fuzzy_cutoff=self.settings.fuzzy_cutoff)
        # asked for every proper noun of every document: the same names recur
        self._known: Callable[[str], int] = lru_cache(maxsize=65536)(self._known_size)
        countries.load()  # here, once, not in the first document's __call__

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        mentions = find_mentions(doc, self._known)
        if not mentions:
            return draft
        has_sentences = doc.has_annotation("SENT_START")
        sentences = {m.start: _sentence_of(doc, m, has_sentences) for m in mentions}
        doc_countries = _document_countries(doc)
        resolved: dict[int, _Resolved] = {}
        # pass 1: countries, regions and names with one reading fix the document's geography
        for m in mentions:
            r = self._first_pass(m, doc, sentences[m.start], doc_countries)
            if r is not None:
                resolved[m.start] = r
        first_pass = set(resolved)
        admin1_doc: Counter[tuple[str, str]] = Counter()
        anchors: list[tuple[float, float]] = []
        for r in resolved.values():
            if r.place is not None and r.country and r.admin1:
                admin1_doc[(r.country, name_key(r.admin1))] += 1
            if r.place is not None and r.place.latitude is not None and r.place.longitude is not None:
                anchors.append((r.place.latitude, r.place.longitude))
        region_keys = {
            (r.country, name_key(r.place.name)): r.place
            for r in resolved.values()
            if r.place is not None
            and r.place.kind == "admin1"
            and r.mention.kind == "region"
            and not r.mention.listed
            and capital_government(r.place.name) is None
        }
        named = set(doc_countries) | {r.country for r in resolved.values() if r.country}
        by_name = {r.country for r in resolved.values() if r.kind == "country" and r.country}
        # pass 2: everything else, with the whole document as context
        unknown: list[PlaceMention] = []
        for m in mentions:
            if m.start in resolved:
                continue
            hints = self._hints(m, doc, sentences[m.start], doc_countries, admin1_doc, resolved, anchors)
            found = self._resolve(m, hints, region_keys, named, by_name)
            if found is not None and not m.cued and doc_countries and found.country not in doc_countries:
                # a large namesake taken without a locative cue, in a country the text never mentions
                continue
            if found is None:
                unknown.append(m)
            else:
                resolved[m.start] = found
        # second look at names with several readings, now that every place around them is known
        # ("Plateau state's Bokkos": Plateau of Nigeria, where Bokkos lies, not Plateau of Benin)
        for start, r in list(resolved.items()):
            if r.alternatives and r.place is not None and r.kind != "country" and not r.mention.country:
                m = r.mention
                others = {k: v for k, v in resolved.items() if k != start}
                hints = self._hints(m, doc, sentences[start], doc_countries, admin1_doc, others, anchors)
                named_by_others = set(doc_countries) | {v.country for v in others.values() if v.country}
                again = self._resolve(m, hints, region_keys, named_by_others, by_name)
                if again is not None and again.place is not None and again.place != r.place:
                    resolved[start] = again
        # a small town whose region is not the one its sentence (or the document) names is a namesake
        regions = {
            (r.country, name_key(r.admin1))
            for r in resolved.values()
            if r.place is not None and r.kind == "admin1" and r.mention.kind == "region" and r.country and r.admin1
        }
        for start, r in list(resolved.items()):
            if _outside_named_region(r, sentences[start], resolved, regions):
                del resolved[start]
                unknown.append(r.mention)
        unknown.sort(key=lambda m: m.start)
        # pass 3: names no gazetteer knows take country and region from all the places resolved around them
        # (a dateline says where the report was filed, not where things happened: it does not vote)
        for start, r in resolved.items():
            if start not in first_pass and r.place is not None and r.country and r.admin1 and not r.mention.dateline:
                admin1_doc[(r.country, name_key(r.admin1))] += 1
        place_countries = Counter(
            r.country
            for r in resolved.values()
            if (r.place is not None or r.macro is not None)
            and r.kind != "country"
            and r.country
            and not r.mention.dateline
        )
        for m in unknown:
            if not m.strong and not m.kind and _used_as_modifier(doc, m):
                continue  # "Tuareg separatists", "Houthi rebels": a people or a movement, not a place
            if not m.strong and not m.kind and not has_place_cue(doc_text(doc), m.start, m.end, mentions):
                continue  # an unknown name with nothing saying it is a place ("accused Hemedti")
            hints = self._hints(m, doc, sentences[m.start], doc_countries, admin1_doc, resolved, anchors)
            resolved[m.start] = self._unresolved(m, hints, admin1_doc, place_countries)
        self._emit(draft, [resolved[m.start] for m in mentions if m.start in resolved])
        return draft

    def _known_size(self, name: str) -> int:
        """How well the gazetteer knows an exact name: -1 not at all, else its largest namesake's size."""
        places = self.resolver.gazetteer.candidates(name)
        if not places:
            # a named region that is no admin unit ("Kordofan") is as well known as a region
            return 1_000_000 if macro_region(name) is not None else -1
        return max(1_000_000 if p.kind in ("admin1", "country") else p.population for p in places)

    # -- resolution -----------------------------------------------------------------

    def _first_pass(
        self, m: PlaceMention, doc: Doc, sentence: tuple[int, int], doc_countries: Counter[str]
    ) -> _Resolved | None:
        macro = self._macro(m, doc, sentence)
        if macro is not None:
            return macro
        if m.capital_of is None and m.kind is None:
            code = _country_of_name(m.name)
            if code is not None and not self._place_within(m.name, code):
                return _Resolved(m, _country_place(code), code, None, 3, "country")
        if m.kind == "region":
            hints = self._hints(m, doc, sentence, doc_countries, Counter(), {}, [])
            r = self.resolver.resolve(m.name, hints)
            if r.place is not None and r.place.kind == "admin1" and not r.fuzzy:
                return self._as_resolved(m, r.place, False, r.alternatives)
        return None

    @staticmethod
    def _macro(m: PlaceMention, doc: Doc, sentence: tuple[int, int]) -> _Resolved | None:
        """A named region that is no admin unit ("Darfur", "the Donbas", "northern Gaza"): a ``region``
        with its country and admin1 only where it lies in exactly one."""
        name, direction = m.name, None
        bare = strip_direction(name)
        if bare != name:
            direction, name = name[: len(name) - len(bare)].strip(), bare
        else:
            before = _DIRECTION_BEFORE.search(doc_text(doc), max(0, m.start - 20), m.start)
            direction = before.group(1) if before else None
        region = macro_region(name, direction=direction)
        if region is None or (not m.strong and not m.kind and _used_as_modifier(doc, m)):
            return None  # "Waziristan refugees", like "Houthi rebels", says who, not where
        tied = {m.country} | set(_sentence_countries(doc, sentence, m))
        if tied & set(region.admin1_of):
            return None  # "Burkina Faso's Sahel region" is the admin1 of that name
        written = f"{direction} {region.name}" if region.directional and direction else region.name
        return _Resolved(m, None, region.country, region.admin1, 3, "region", macro=region, written=written)

    def _place_within(self, name: str, code: str) -> bool:
        """Whether a name that stands for a country is also a place inside it ("Gaza", "West Bank"):
        then the gazetteer's place is meant, not the whole country."""
        if name_key(name) == name_key(country_name(code) or ""):
            return False
        return any(
            p.country == code and p.kind in ("admin1", "settlement")
            for p in self.resolver.gazetteer.candidates(name)
        )

    def _hints(
        self,
        m: PlaceMention,
        doc: Doc,
        sentence: tuple[int, int],
        doc_countries: Counter[str],
        admin1_doc: Counter[tuple[str, str]],
        resolved: dict[int, _Resolved],
        anchors: list[tuple[float, float]],
    ) -> Hints:
        countries: dict[str, float] = defaultdict(float)
        total = sum(doc_countries.values()) or 1
        for code, n in doc_countries.items():
            countries[code] += _DOCUMENT * n / total
        for code, weight in _sentence_countries(doc, sentence, m).items():
            countries[code] = max(countries[code], weight)
        admin1: dict[tuple[str, str], float] = defaultdict(float)
        total1 = sum(admin1_doc.values()) or 1
        for key, n in admin1_doc.items():
            admin1[key] += _DOCUMENT * 2 * n / total1
        for r in resolved.values():
            if (
                (r.place is not None or r.macro is not None)
                and r.admin1
                and sentence[0] <= r.mention.start < sentence[1]
                and r.country
            ):
                admin1[(r.country, name_key(r.admin1))] = max(admin1[(r.country, name_key(r.admin1))], 1.0)
        return Hints(
            countries=dict(countries),
            admin1=dict(admin1),
            kind=m.kind,
            # a name that stands for a country ("Gaza") is a place inside that country, never a namesake abroad
            strict_country=m.country or (_country_of_name(m.name) if m.kind is None else None),
            anchors=anchors,
        )

    def _resolve(
        self,
        m: PlaceMention,
        hints: Hints,
        region_keys: dict[tuple[str | None, str], Place],
        named: set[str],
        by_name: set[str],
    ) -> _Resolved | None:
        r = self.resolver.resolve(m.name, hints)
        place = r.place
        if place is None:
            return None
        if place.kind == "settlement" and m.kind is None:
            # "in Kursk" in an article about "the Kursk region" means the region
            region = region_keys.get((place.country, name_key(m.name)))
            if region is not None:
                place = region
        if _foreign_and_minor(place, named, m, by_name):
            # a small namesake in a country the text never mentions is not what the writer meant
            return None
        return self._as_resolved(m, place, r.fuzzy, r.alternatives)

    def _unresolved(
        self,
        m: PlaceMention,
        hints: Hints,
        admin1_doc: Counter[tuple[str, str]],
        place_countries: Counter[str],
    ) -> _Resolved:
        # the country tied to the mention, else one named in its sentence, else where the document's
        # resolved places lie, else the country the document names most
        in_sentence = [c for c, w in hints.countries.items() if w >= 1.0]
        # the places resolved in its own sentence ("the village of Kfarjouz near Nabatieh") say more than
        # the document's majority
        beside = {c for (c, _), w in hints.admin1.items() if w >= 1.0}
        country = m.country or (in_sentence[0] if len(in_sentence) == 1 else None)
        if country is None and len(beside) == 1:
            country = next(iter(beside))
        if country is None and place_countries:
            country = place_countries.most_common(1)[0][0]
        country = country or _best(hints.countries)
        admin1 = None
        if country is not None:
            in_country = {k: v for k, v in hints.admin1.items() if k[0] == country}
            best = _best(in_country)
            if best is not None and (in_country[best] >= 1.0 or _dominant(admin1_doc, country) == best):
                admin1 = self._admin1_display(country, best[1])
        kind = {"region": "admin1", "district": "admin2"}.get(m.kind or "", "settlement")
        return _Resolved(m, None, country, admin1, 3 if m.kind != "district" else 2, kind)

    def _admin1_display(self, country: str, key: str) -> str | None:
        place = self.resolver.gazetteer.admin1_place(country, key)
        return place.name if place is not None else None

    @staticmethod
    def _as_resolved(m: PlaceMention, place: Place, fuzzy: bool, alternatives: int = 0) -> _Resolved:
        if place.kind == "admin1" or place.kind == "country":
            precision = 3
        elif place.kind == "admin2":
            precision = 2
        else:
            precision = 2 if m.near or m.kind == "district" else 1
        return _Resolved(m, place, place.country, place.admin1, precision, place.kind, fuzzy, alternatives)

    # -- output ---------------------------------------------------------------------

    def _emit(self, draft: Draft, items: list[_Resolved]) -> None:
        groups: dict[tuple[object, ...], list[_Resolved]] = {}
        for r in items:
            if r.place is None and r.macro is None and not (
                r.mention.strong or r.mention.label == "GPE" or r.mention.kind
            ):
                continue  # an unknown LOC ("Red Sea") is a sea or range more often than a place
            ident: object = (
                r.place.gazetteer_id or r.place.name
                if r.place
                else ("macro", r.written)
                if r.macro
                else ("?", name_key(r.mention.name))
            )
            groups.setdefault((ident, r.country, r.precision, r.kind), []).append(r)
        for key, rs in groups.items():
            first = rs[0]
            spans = tuple(draft.span(r.mention.start, r.mention.end) for r in rs)
            draft.locations.append(self._location(draft, key, first, spans))
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
    def _location(draft: Draft, key: tuple[object, ...], r: _Resolved, spans: tuple[Span, ...]) -> Location:
        p = r.place
        return Location(
            id=draft.new_id("loc", *key),
            name=p.name if p is not None else r.written or r.mention.name,
            kind=r.kind,
            country=r.country,
            admin1=r.admin1,
            admin2=(p.admin2 if p is not None and p.kind in ("settlement", "feature", "admin2") else None),
            latitude=p.latitude if p is not None else None,
            longitude=p.longitude if p is not None else None,
            geo_precision=r.precision,
            gazetteer_id=p.gazetteer_id if p is not None else None,
            mentions=spans,
        )


def _used_as_modifier(doc: Doc, m: PlaceMention) -> bool:
    span = expand(doc, m.start, m.end)
    if span is None or span[1] >= len(doc):
        return False
    return doc_index(doc).pos[span[1]] == NOUN


def _foreign_and_minor(place: Place, named: set[str], m: PlaceMention, by_name: set[str]) -> bool:
    """A small place in a country the document never points to (by name, demonym or other places).

    When the text names no country by name, a mention it marks as a place (a GPE
    entity, "towards X") is kept wherever it lies: "Russian troops pushed towards
    Chasiv Yar" names no Ukraine. A district is dropped when the text names countries by
    name (district names repeat across the world); a region only when tagged LOC (seas,
    ranges: "Red Sea").
    """
    if place.kind == "country" or not named or place.country in named:
        return False
    if place.kind == "admin2" and by_name:
        return True  # "Bor County" in a South Sudan report is not Bor district of Turkey
    if place.kind in ("admin1", "admin2"):
        return m.label == "LOC"
    if m.cued and m.label != "LOC" and not by_name:
        return False  # only demonyms in the text: they say who acts, not where
    return place.population < 100_000


def _outside_named_region(
    r: _Resolved, sentence: tuple[int, int], resolved: dict[int, _Resolved], regions: set[tuple[str, str]]
) -> bool:
    """A small town in another admin1 of the same country than the one its sentence names through an admin
    unit ("the village of Sabaneta, Guachené municipality, northern Cauca"), or, when the sentence names
    none, than the one region the document names (a village under 10,000 found by an alternate name): a
    namesake, not the place.
    A place listed among others is left alone (lists cross regions)."""
    place = r.place
    if place is None or place.kind != "settlement" or r.mention.listed or not place.admin1 or r.mention.country:
        return False
    if place.population >= 100_000:
        return False
    units = [
        o
        for o in resolved.values()
        if o is not r and o.country and o.admin1 and o.kind in ("admin1", "admin2")
        and sentence[0] <= o.mention.start < sentence[1]
    ]
    if units and place.country not in {o.country for o in units}:
        return True  # "at Chai, in Macomia district" (Mozambique) is not Cey in Turkey
    here = {(o.country, name_key(o.admin1 or "")) for o in units if o.country == place.country}
    if not here:
        # the document's one region is weaker evidence: only against a village found by another of its names
        # (GeoNames' "Nyaung Gon" for the written "Nyaung Kone"); "the village of Verbove" in a report that
        # also names the Donetsk region keeps its own Zaporizhzhia
        if place.population >= 10_000 or name_key(place.name) == name_key(r.mention.name):
            return False
        here = {key for key in regions if key[0] == place.country}
    return len(here) == 1 and (place.country, name_key(place.admin1)) not in here


def _country_place(code: str) -> Place:
    gid = country_geonames_id(code)
    return Place(gid, country_name(code) or code, "country", code, "", None, None, None, None, 0)


def _sentence_of(doc: Doc, m: PlaceMention, has_sentences: bool) -> tuple[int, int]:
    span = expand(doc, m.start, m.end)
    if span is None or not has_sentences:
        return (0, len(doc_text(doc)))
    sent = sentence_at(doc, span[0])  # a mention never starts in white space: its span is never empty
    return (sent.start_char, sent.end_char)


def _document_countries(doc: Doc) -> Counter[str]:
    """Countries the document names, by name (twice) or by demonym (once)."""
    counts: Counter[str] = Counter()
    for _, _, by_name, by_demonym in _country_entities(doc):
        if by_name:
            counts[by_name] += 2
        elif by_demonym:
            counts[by_demonym] += 1
    return counts


_COUNTRY_ENTITIES = "conflict_events.locations.country_entities"


def _country_entities(doc: Doc) -> list[tuple[int, int, str | None, str | None]]:
    """Each entity that may name a country: (start, end, country by name, country by demonym); once per Doc.

    Read for every place mention, so it is built once: ``doc.ents`` makes new Span objects on each access.
    """
    cached = doc.user_data.get(_COUNTRY_ENTITIES)
    if cached is None:
        cached = []
        text = doc_text(doc)
        for ent in entity_rows(doc):
            if _compound(text, ent.end) or _beside(text[max(0, ent.start - 30) : ent.start]):
                continue  # "near the border with Egypt": a neighbour, not where the place is
            by_name, by_demonym = _entity_countries(ent.text, ent.label)
            if by_name or by_demonym:
                cached.append((ent.start, ent.end, by_name, by_demonym))
        doc.user_data[_COUNTRY_ENTITIES] = cached
    return cached


@lru_cache(maxsize=16384)
def _entity_countries(text: str, label: str) -> tuple[str | None, str | None]:
    """The country an entity names by name (a GPE or LOC) and by demonym (a NORP or GPE); memoised, as
    entity texts recur across documents."""
    by_name = country_from_name(_bare(text)) if label in ("GPE", "LOC") else None
    by_demonym = country_from_demonym(_bare(text)) if label in ("NORP", "GPE") else None
    return by_name, by_demonym


def _sentence_countries(doc: Doc, sentence: tuple[int, int], m: PlaceMention) -> dict[str, float]:
    out: dict[str, float] = {}
    for start, end, by_name, by_demonym in _country_entities(doc):
        if not (sentence[0] <= start < sentence[1]) or (start < m.end and m.start < end):
            continue
        if by_name:
            out[by_name] = max(out.get(by_name, 0.0), _SENTENCE)
        elif by_demonym:
            out[by_demonym] = max(out.get(by_demonym, 0.0), _SENTENCE_DEMONYM)
    return out


def _beside(before: str) -> bool:
    """Whether the words before an entity make it a neighbour ("the border with"); each case of _BESIDE holds
    one of these words, as written."""
    return ("border" in before or "from" in before or "neighbo" in before) and bool(_BESIDE.search(before))


def _compound(text: str, end: int) -> bool:
    """Whether an entity begins a compound modifier ("US-backed", "Saudi-led"): who, not where."""
    return text[end : end + 1] in ("-", "‐", "‑")


def _bare(text: str) -> str:
    return strip_direction(text.removesuffix("’s").removesuffix("'s").strip())


def _best(weights: dict[Any, float]) -> Any:
    return max(weights, key=lambda k: weights[k]) if weights else None


def _dominant(counts: Counter[tuple[str, str]], country: str) -> tuple[str, str] | None:
    """The admin1 of ``country`` named in most of the document's resolved places, if it has most of them."""
    within = {k: n for k, n in counts.items() if k[0] == country}
    if not within:
        return None
    best = max(within, key=lambda k: within[k])
    return best if within[best] * 2 > sum(within.values()) else None
