"""Toponym resolution: pick the gazetteer entry a coder would, from the name and its context.

Each candidate is scored on a population prior, then on the evidence around the
mention: the countries and regions named in its sentence (strong) and in the
document (weaker), the word that names its kind ("the city of", "region"), and
how close it lies to the other places the document names. A fuzzy spelling
match is tried only when no exact name exists, and never replaces one.

>>> from conflict_events.gazetteer import Hints, PlaceResolver
>>> r = PlaceResolver()
>>> r.resolve("Pokrovsk").place.country          # the larger one, by population
'UA'
>>> r.resolve("Pokrovsk", Hints(countries={"RU": 3.0})).place.latitude > 60   # the one in Yakutia
True
>>> r.resolve("Kursk", Hints(kind="region")).place.kind
'admin1'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from ..lexicons import lexicon
from ..lexicons._countries import capital_government
from ..rules import Example, rule
from ._gazetteer_base import Gazetteer, Place, lookup_keys
from ._gazetteer_table import default_gazetteer
from ._name_keys import article_free, name_key, strip_admin_terms

__all__ = ["Hints", "PlaceResolver", "Resolution", "district_key"]

KindHint = Literal["region", "district", "settlement", "feature"] | None

# Score weights; a factor of ten in population is worth 1.
_SENTENCE_COUNTRY = 4.0
_ADMIN1_MATCH = 3.0
_WRONG_COUNTRY = -6.0
_NEAR_ANCHOR = 1.5
_REGION_PRIOR = 5.0  # a bare region name ranks like a town of 100,000
_DISTRICT_PRIOR = 2.5
_OWN_NAME = 1.5
_CAPITAL = 3.0
_EPONYMOUS = 1.5
_DISTRICT_MATCH = 2.5  # a town and the district it lies in, both named
_SUPPORT = 2.0  # per other name with a reading near the candidate (see _nearness)
_SUPPORT_CAP = 3.0
_MILLION = 1_000_000
_MOSTLY = 0.3  # a country's weight when three quarters of the document's places lie in it
_SMALL = 10_000
_WELL_KNOWN = 100_000  # a city this large is itself evidence enough for a near spelling ("Deir Ezzor")


@dataclass
class Hints:
    """Context for one mention: weights of countries and admin1 regions, the kind word, nearby places.

    ``countries`` and ``admin1`` map an alpha-2 code, or a ``(code, English admin1
    key)`` pair, to a weight (sentence evidence about 1, document evidence less);
    ``strict_country`` is a country the text ties to the mention itself ("the Russian
    settlement of"), which rules others out; ``area``: the name stands in brackets after a
    place ("Bosaso (Bari)"), so it names an area, not a town; ``districts``: the districts
    (``district_key``) where a reading of another name of the document lies, or that another name
    of the document can be ("Huntsville" and "Walker County" in one story are both in Texas); ``support``:
    how many of the document's other names have a reading near each candidate (GeoNames id), weighted by
    how few readings they have (see :mod:`._nearness`); ``anchors``: the points of the document's other places;
    ``wide``: the points of the countries it names (by code), which count only against a place far from all of
    them and outside them.
    """

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    kind: KindHint = None
    strict_country: str | None = None
    anchors: list[tuple[float, float]] = field(default_factory=list)
    wide: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    area: bool = False
    districts: frozenset[tuple[str, str, str]] = frozenset()
    support: Mapping[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Resolution:
    """The chosen place (None if nothing fits), its score and whether only a fuzzy spelling matched."""

    place: Place | None
    score: float = 0.0
    fuzzy: bool = False
    alternatives: int = 0


class PlaceResolver:
    """Scores gazetteer candidates for a place name in context; settings in ``__init__``, no I/O per call."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, fuzzy_cutoff: float = 88.0) -> None:
        self.gazetteer: Gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self.fuzzy_cutoff = fuzzy_cutoff

    def resolve(self, name: str, hints: Hints | None = None) -> Resolution:
        """The best place for ``name`` given ``hints``.

        >>> PlaceResolver().resolve("Berdin").place is None
        True
        """
        hints = hints or Hints()
        candidates = self._candidates(name, hints)
        fuzzy = False
        if not candidates:
            candidates = [p for p, _ in self.gazetteer.fuzzy(name, cutoff=self.fuzzy_cutoff)]
            fuzzy = bool(candidates)
        for keep in CANDIDATE_RULES:
            kept = keep(candidates, hints)
            if kept is not None:
                candidates = kept
        if not candidates:
            return Resolution(None)
        capital_of = capital_government(name)
        keys = set(lookup_keys(name))
        if not fuzzy:
            candidates = region_by_its_name(candidates, hints, keys, capital_of) or candidates
        if hints.kind in ("region", "district"):
            keys.add(strip_admin_terms(name_key(name)))
        # the capital is the largest town of its name in its country, not the small namesakes beside it
        # (Washington, D.C., not Washington, Utah)
        size = max((p.population for p in candidates if p.country == capital_of and p.kind == "settlement"), default=0)
        scored = sorted(
            ((self.score(p, hints, keys, capital_of, size), i, p) for i, p in enumerate(candidates)),
            key=lambda t: (-t[0], t[1]),
        )
        best_score, _, best = scored[0]
        if fuzzy and near_spelling_elsewhere(best, hints):
            return Resolution(None)
        if not fuzzy and village_by_other_name(best, hints, keys):
            return Resolution(None)
        return Resolution(best, best_score, fuzzy, len(candidates) - 1)

    def _candidates(self, name: str, hints: Hints) -> list[Place]:
        found = self.gazetteer.candidates(name)
        if not found:
            units = unit_before_its_noun(self.gazetteer, name)
            if units is not None:
                return units
        if hints.kind in ("region", "district"):
            seen = {p.geonames_id for p in found}
            bare = strip_admin_terms(name_key(name))
            if bare != name_key(name):
                found += [p for p in self.gazetteer.candidates(bare) if p.geonames_id not in seen]
                seen = {p.geonames_id for p in found}
            # "Hodeidah province": the region named after its capital, even when the region's own
            # names in the gazetteer are spelled otherwise ("Al Hudaydah Governorate")
            for p in list(found):
                if p.kind == "settlement" and _eponymous(p) and p.admin1:
                    region = self.gazetteer.admin1_place(p.country, p.admin1)
                    if region is not None and region.geonames_id not in seen:
                        seen.add(region.geonames_id)
                        found.append(region)
        return found

    @staticmethod
    def _capital_bonus(place: Place, capital_of: str | None, hints: Hints, size: int = 0) -> float:
        """A capital's name mostly means that capital ("Moscow said"), unless the text is all about
        another country that has a place of that name (Tripoli, Lebanon)."""
        if capital_of is None or place.country != capital_of or place.kind != "settlement" or place.population < size:
            return 0.0
        # the sentence names another country, or most of the document's places lie in one ("Paris" in a
        # story about towns of Texas is Paris, Texas)
        elsewhere = any(w >= 1.0 or w >= _MOSTLY for c, w in hints.countries.items() if c != capital_of)
        return _CAPITAL if hints.countries.get(capital_of, 0.0) > 0 or not elsewhere else 0.5

    def score(
        self,
        place: Place,
        hints: Hints,
        query_keys: set[str] | None = None,
        capital_of: str | None = None,
        capital_size: int = 0,
    ) -> float:
        """A candidate's score: population prior plus context evidence (higher is better).

        A place whose own name is the one written beats one that merely lists it
        among alternate (often former) names: Pokrovsk in Donetsk, not Engels,
        once called Pokrovsk.
        """
        capital = self._capital_bonus(place, capital_of, hints, capital_size)
        s = capital + _prior(place)
        own = bool(query_keys) and (
            place.kind in ("admin1", "admin2", "region")  # a region's English names are all its own
            or name_key(place.name) in (query_keys or ())
            or article_free(name_key(place.name)) in (query_keys or ())
        )
        if own:
            s += _OWN_NAME
        s += _KIND_EVIDENCE.get((hints.kind, place.kind), _KIND_DEFAULT.get(hints.kind, 0.0))
        weight = hints.countries.get(place.country, 0.0)
        s += _SENTENCE_COUNTRY * weight
        if hints.countries and weight <= 0 and max(hints.countries.values()) >= 1.0 and not capital:
            s += _WRONG_COUNTRY * 0.5  # a capital is named from abroad too: no penalty for it
        s += _ADMIN1_MATCH * hints.admin1.get((place.country, name_key(place.admin1 or "")), 0.0)
        if hints.districts and place.kind in ("settlement", "admin2") and district_key(place) in hints.districts:
            s += _DISTRICT_MATCH
        # "Washington" alone is the capital; a village by another of its names ("Ivanivka" for Bilozerka) gets none
        if hints.support and place.geonames_id and capital_of is None and own:
            s += _SUPPORT * min(hints.support.get(place.geonames_id, 0.0), _SUPPORT_CAP)
        return s + _anchor_evidence(place, hints.anchors, hints.wide)


def district_key(place: Place) -> tuple[str, str, str]:
    """The district a town lies in, or a district itself: (country, admin1 key, admin2 key)."""
    return (place.country, name_key(place.admin1 or ""), name_key(place.admin2 or ""))


def _prior(place: Place) -> float:
    """What a place is worth before any context: regions and countries by kind, settlements by population."""
    if place.kind == "admin1":
        return _REGION_PRIOR
    if place.kind == "admin2":
        return _DISTRICT_PRIOR
    if place.kind in ("country", "region"):
        return 7.0
    s = math.log10(place.population + 10)
    if place.kind == "feature":
        return s - 1.0
    return s + _EPONYMOUS if _eponymous(place) else s  # a bare "Kherson" is the city more often than the region


# (kind word written, kind of the candidate) -> evidence; other candidates get the default of the kind word
_KIND_EVIDENCE: dict[tuple[str | None, str], float] = {
    ("region", "admin1"): 6.0,
    ("region", "admin2"): 3.0,
    ("district", "admin2"): 6.0,
    ("district", "admin1"): 2.0,
    ("settlement", "settlement"): 2.0,
}
_KIND_DEFAULT: dict[str | None, float] = {"region": -4.0, "district": -4.0, "settlement": -6.0}


def _anchor_evidence(
    place: Place, anchors: list[tuple[float, float]], wide: Mapping[str, tuple[float, float]] | None = None
) -> float:
    """Closeness to the other places the document names: within 150 km counts for, beyond 1,500 against;
    a country named (``wide``) counts only in the second test, and a place inside it is never far.

    Distances on a flat map scaled by the latitude's cosine (within a few per cent of the great circle at
    these ranges): one multiplication per anchor, as a long document has many.
    """
    if not (anchors or wide) or place.latitude is None or place.longitude is None:
        return 0.0
    lat, lon = place.latitude, place.longitude
    scale = math.cos(math.radians(lat))
    nearest2 = math.inf
    for a, b in anchors:
        dlon = abs(lon - b)
        d2 = (lat - a) ** 2 + (min(dlon, 360.0 - dlon) * scale) ** 2
        if d2 < _NEAR_DEG2:
            return _NEAR_ANCHOR
        nearest2 = min(nearest2, d2)
    if wide and place.country in wide:
        return 0.0  # a town on the coast of a large country named is not far from it
    for a, b in (wide or {}).values():
        dlon = abs(lon - b)
        nearest2 = min(nearest2, (lat - a) ** 2 + (min(dlon, 360.0 - dlon) * scale) ** 2)
    return -_NEAR_ANCHOR if nearest2 > _FAR_DEG2 else 0.0


_NEAR_DEG2 = (150 / 111.2) ** 2  # 150 km, in squared degrees of latitude
_FAR_DEG2 = (1500 / 111.2) ** 2


def _fits_context(place: Place, hints: Hints) -> bool:
    if hints.countries.get(place.country, 0.0) > 0:
        return True
    return hints.admin1.get((place.country, name_key(place.admin1 or "")), 0.0) > 0


# -- candidate and veto rules --------------------------------------------------------------------------


@rule(
    "places.candidates.tied_country",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Shelling hit the Russian village of Tyotkino near the border on Sunday.",
            {"location.country": "RU"},
        )
    ],
    negative=[
        Example("Shelling hit Sudzha near the border on Sunday.", {"location.name": "Sudzha"}),
    ],
)
def tied_country(candidates: list[Place], hints: Hints) -> list[Place] | None:
    """A country the text ties to the mention itself ("the Russian village of", "Goma, Congo") rules out
    places of every other country."""
    if not hints.strict_country:
        return None
    return [p for p in candidates if p.country == hints.strict_country]


@rule(
    "places.candidates.settlement_word",
    decides="location.kind",
    positive=[
        Example(
            "Rebels overran the town of Rutsiro before dawn, a local official said.",
            {"location.kind": "settlement", "!location.kind": "admin2"},
        )
    ],
    negative=[
        Example("Rebels overran positions in Rutsiro district before dawn.", {"location.kind": "admin2"}),
    ],
)
def settlement_word(candidates: list[Place], hints: Hints) -> list[Place] | None:
    """ "the town of Rutsiro" is a settlement, never the district or region of that name."""
    if hints.kind != "settlement":
        return None
    return [p for p in candidates if p.kind not in ("admin1", "admin2")]


@rule(
    "places.candidates.regions_of_named_countries",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Nigeria's army repelled an attack in Niger State on Sunday, a spokesman said.",
            {"location.country": "NG", "location.admin1": "Niger"},
        ),
        Example(
            "Russia said on Monday that its troops had taken two villages in the Donetsk region.",
            {"location.name": "Donetsk", "location.kind": "admin1", "location.country": "UA"},
        ),
    ],
    negative=[
        Example("Fighting in Niger State left five dead on Sunday.", {"location.admin1": "Niger"}),
    ],
)
def regions_of_named_countries(candidates: list[Place], hints: Hints) -> list[Place] | None:
    """When the sentence names a country, a region of a country the text never mentions is a namesake; but a
    name written with a region noun ("the Donetsk region") that no region of the named countries bears is the
    region of that name abroad, not a district of the named country (the country names a side)."""
    if not any(w >= 1.0 for w in hints.countries.values()):
        return None
    kept = [p for p in candidates if p.kind not in ("admin1", "admin2") or hints.countries.get(p.country, 0.0) > 0]
    if hints.kind == "region" and not any(p.kind == "admin1" for p in kept):
        return [p for p in candidates if p.kind == "admin1"] or kept
    return kept


@rule(
    "places.candidates.container_is_an_area",
    decides="location.kind",
    positive=[
        Example(
            "Gunmen killed a trader in Bosaso (Bari) on Monday, police said.",
            {"location.kind": "admin1", "location.admin1": "Bari", "location.country": "SO"},
        )
    ],
    negative=[
        Example("Gunmen killed a trader in Afgooye on Monday, police said.", {"location.kind": "settlement"}),
    ],
)
def container_is_an_area(candidates: list[Place], hints: Hints) -> list[Place] | None:
    """A name in brackets right after a place ("Bosaso (Bari)") names the area it lies in: a district,
    a region or a country, not a town of that name elsewhere."""
    if not hints.area:
        return None
    areas = [p for p in candidates if p.kind in ("admin1", "admin2", "country", "region")]
    return areas or None


CANDIDATE_RULES = (tied_country, settlement_word, regions_of_named_countries, container_is_an_area)


@rule(
    "places.candidates.region_by_its_name",
    decides="location.kind",
    positive=[
        Example(
            "Wildfires forced evacuations across Ontario on Monday, officials said.",
            {"location.kind": "admin1", "location.country": "CA"},
        )
    ],
    negative=[
        Example(
            "Shelling hit Kupyansk on Monday, officials said.",
            {"location.kind": "settlement", "location.name": "Kupyansk"},
        )
    ],
)
def region_by_its_name(
    candidates: list[Place], hints: Hints, keys: set[str], capital_of: str | None
) -> list[Place] | None:
    """A first-level region's own name written alone is that region, not a town or district named after
    it elsewhere ("Ontario" is not Ontario, California); a town of the region's name inside it ("Kherson"),
    a national capital ("Washington"), a city of a million and a town in a country the text points to
    while it does not point to the region's ("Santander (Cantabria)") stay candidates."""
    if hints.kind == "settlement":
        return None
    named = [p for p in candidates if p.kind == "admin1" and name_key(p.name) in keys]
    if not named:
        return None
    regions = {name_key(p.name) for p in named}
    # "Santander (Cantabria)": a town in a country the text points to, when the region's is not, stays
    pointed = any(hints.countries.get(p.country, 0.0) > 0 for p in named)
    kept = [
        p
        for p in candidates
        if p.kind not in ("settlement", "admin2")
        or p.population >= _MILLION
        or name_key(p.admin1 or "") in regions
        or p.country == capital_of
        or (not pointed and hints.countries.get(p.country, 0.0) > 0)
    ]
    return kept if len(kept) < len(candidates) else None


@rule(
    "places.resolve.near_spelling_elsewhere",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Tuareg separatists said they had taken an army camp near Anefis on Sunday.",
            {"location.name": "Anefis", "location.geo_precision": 3},
        )
    ],
    negative=[Example("Troops shelled the outskirts of Kupyansk on Monday.", {"location.name": "Kupyansk"})],
)
def near_spelling_elsewhere(best: Place, hints: Hints) -> bool | None:
    """A near spelling of a place elsewhere in the world is a different place; a large city is evidence
    enough only when the text names no country at all ("Yaran" in Burkina Faso is not Ya'an in China)."""
    if _fits_context(best, hints) or (best.population >= _WELL_KNOWN and not hints.countries):
        return None
    return True


@rule(
    "places.resolve.village_by_other_name",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Paramilitary fighters torched villages around Tawila last week, aid groups said.",
            {"location.name": "Tawila", "location.geo_precision": 3},
        )
    ],
    negative=[Example("Biden met Zelensky in Kyiv on Thursday.", {"location.name": "Kyiv"})],
)
def village_by_other_name(best: Place, hints: Hints, keys: set[str]) -> bool | None:
    """A village known by this name only as an alternate, with nothing in the text pointing to it, is not
    meant ("Biden" is not Bearden, Arkansas)."""
    if best.kind != "settlement" or best.population >= _SMALL:
        return None
    if name_key(best.name) in keys or article_free(name_key(best.name)) in keys or _fits_context(best, hints):
        return None
    return True


def _eponymous(place: Place) -> bool:
    """Whether a settlement shares its name with its admin1 region (Kherson in Kherson Oblast)."""
    if not place.admin1:
        return False
    own, region = name_key(place.name), name_key(place.admin1)
    return own == region or article_free(own) == region or own == article_free(region)



_UNIT_SUFFIXES: Final = tuple(sorted(lexicon("places").words("unit_suffixes"), key=len, reverse=True))


@rule(
    "places.candidates.unit_before_its_noun",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "On 2 January 2021, unidentified gunmen attacked and killed three people at Idere "
            "(Ibarapa Central LGA, Oyo).",
            {"location.name": "Ibarapa Central", "location.kind": "admin2", "event.location.geo_precision": 2},
        )
    ],
    negative=[
        Example("On 2 January 2021, gunmen killed three farmers in Marte LGA, Borno.", {"location.name": "Marte"})
    ],
)
def unit_before_its_noun(gazetteer: Gazetteer, name: str) -> list[Place] | None:
    """A name no gazetteer knows whole that ends on a noun only units' names end on ("Ibarapa Central LGA",
    "Dera Bugti tehsil", kept whole when the model's run did not stop before the noun) is the district of the
    name before it; None when the name has no such noun or the gazetteer no such district."""
    key = name_key(name)
    for suffix in _UNIT_SUFFIXES:
        if key.endswith(" " + suffix) and (bare := key[: -len(suffix) - 1].strip()):
            return [p for p in gazetteer.candidates(bare) if p.kind == "admin2"] or None
    return None
