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
from dataclasses import dataclass, field
from typing import Literal

from ..lexicons._countries import capital_government
from ._gazetteer_base import Gazetteer, Place, lookup_keys
from ._gazetteer_table import default_gazetteer
from ._name_keys import article_free, name_key, strip_admin_terms

__all__ = ["Hints", "PlaceResolver", "Resolution"]

KindHint = Literal["region", "district", "settlement"] | None

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
_SMALL = 10_000
_WELL_KNOWN = 100_000  # a city this large is itself evidence enough for a near spelling ("Deir Ezzor")


@dataclass
class Hints:
    """Context for one mention: weights of countries and admin1 regions, the kind word, nearby places.

    ``countries`` and ``admin1`` map an alpha-2 code, or a ``(code, English admin1
    key)`` pair, to a weight (sentence evidence about 1, document evidence less);
    ``strict_country`` is a country the text ties to the mention itself ("the Russian
    settlement of"), which rules others out.
    """

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    kind: KindHint = None
    strict_country: str | None = None
    anchors: list[tuple[float, float]] = field(default_factory=list)


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
        if hints.strict_country:
            candidates = [p for p in candidates if p.country == hints.strict_country]
        if hints.kind == "settlement":
            # "the town of Rutsiro": a settlement, never the district or region of that name elsewhere
            candidates = [p for p in candidates if p.kind not in ("admin1", "admin2")]
        if any(w >= 1.0 for w in hints.countries.values()):
            # a region of a country the text never mentions is a namesake, not the region meant
            candidates = [
                p
                for p in candidates
                if p.kind not in ("admin1", "admin2") or hints.countries.get(p.country, 0.0) > 0
            ]
        if not candidates:
            return Resolution(None)
        capital_of = capital_government(name)
        keys = set(lookup_keys(name))
        if hints.kind in ("region", "district"):
            keys.add(strip_admin_terms(name_key(name)))
        scored = sorted(
            ((self.score(p, hints, keys, capital_of), i, p) for i, p in enumerate(candidates)),
            key=lambda t: (-t[0], t[1]),
        )
        best_score, _, best = scored[0]
        if fuzzy and not self._fits_context(best, hints) and (best.population < _WELL_KNOWN or hints.countries):
            # a near spelling elsewhere in the world is a different place, not this one; a large city is
            # evidence enough only when the text names no country at all ("Yaran" in Burkina Faso is not
            # Ya'an in China)
            return Resolution(None)
        if (
            not fuzzy
            and best.kind == "settlement"
            and best.population < _SMALL
            and name_key(best.name) not in keys
            and article_free(name_key(best.name)) not in keys
            and not self._fits_context(best, hints)
        ):
            # a village known by this name only as an alternate, with nothing in the text pointing to it:
            # "Biden" is not Bearden, Arkansas
            return Resolution(None)
        return Resolution(best, best_score, fuzzy, len(candidates) - 1)

    def _candidates(self, name: str, hints: Hints) -> list[Place]:
        found = self.gazetteer.candidates(name)
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
    def _capital_bonus(place: Place, capital_of: str | None, hints: Hints) -> float:
        """A capital's name mostly means that capital ("Moscow said"), unless the text is all about
        another country that has a place of that name (Tripoli, Lebanon)."""
        if capital_of is None or place.country != capital_of or place.kind != "settlement":
            return 0.0
        elsewhere = any(w >= 1.0 for c, w in hints.countries.items() if c != capital_of)
        return _CAPITAL if hints.countries.get(capital_of, 0.0) > 0 or not elsewhere else 0.5

    @staticmethod
    def _fits_context(place: Place, hints: Hints) -> bool:
        if hints.countries.get(place.country, 0.0) > 0:
            return True
        return hints.admin1.get((place.country, name_key(place.admin1 or "")), 0.0) > 0

    def score(
        self, place: Place, hints: Hints, query_keys: set[str] | None = None, capital_of: str | None = None
    ) -> float:
        """A candidate's score: population prior plus context evidence (higher is better).

        A place whose own name is the one written beats one that merely lists it
        among alternate (often former) names: Pokrovsk in Donetsk, not Engels,
        once called Pokrovsk.
        """
        capital = self._capital_bonus(place, capital_of, hints)
        s = capital
        if place.kind == "admin1":
            s += _REGION_PRIOR
        elif place.kind == "admin2":
            s += _DISTRICT_PRIOR
        elif place.kind == "country":
            s += 7.0
        else:
            s += math.log10(place.population + 10)
            if place.kind == "feature":
                s -= 1.0
            elif _eponymous(place):
                s += _EPONYMOUS  # a bare "Kherson" is the city more often than the region it names
        if query_keys and (
            name_key(place.name) in query_keys or article_free(name_key(place.name)) in query_keys
        ):
            s += _OWN_NAME
        if hints.kind == "region":
            s += 6.0 if place.kind == "admin1" else (3.0 if place.kind == "admin2" else -4.0)
        elif hints.kind == "district":
            s += 6.0 if place.kind == "admin2" else (2.0 if place.kind == "admin1" else -4.0)
        elif hints.kind == "settlement":
            s += 2.0 if place.kind == "settlement" else -6.0
        weight = hints.countries.get(place.country, 0.0)
        s += _SENTENCE_COUNTRY * weight
        if hints.countries and weight <= 0 and max(hints.countries.values()) >= 1.0 and not capital:
            s += _WRONG_COUNTRY * 0.5  # a capital is named from abroad too: no penalty for it
        s += _ADMIN1_MATCH * hints.admin1.get((place.country, name_key(place.admin1 or "")), 0.0)
        if hints.anchors and place.latitude is not None and place.longitude is not None:
            nearest = min(_km(place.latitude, place.longitude, a, b) for a, b in hints.anchors)
            if nearest < 150:
                s += _NEAR_ANCHOR
            elif nearest > 1500:
                s -= _NEAR_ANCHOR
        return s


def _eponymous(place: Place) -> bool:
    """Whether a settlement shares its name with its admin1 region (Kherson in Kherson Oblast)."""
    if not place.admin1:
        return False
    own, region = name_key(place.name), name_key(place.admin1)
    return own == region or article_free(own) == region or own == article_free(region)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
