"""Disambiguation, keep-or-drop and precision rules for the place mentions of one document.

Each rule reads one mention and what the document has already resolved, and returns its
decision or ``None`` when it does not apply. :mod:`._doc_places` runs them in passes; the
rule that decided each field of a place is kept in :attr:`ResolvedPlace.rules` and becomes
the location's provenance.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._docindex import NOUN, doc_index, expand
from ..lexicons._countries import country_geonames_id, country_name
from ..rules import Example, rule
from ._gazetteer_base import Place
from ._mention_rules import PlaceMention, country_of_name
from ._name_keys import name_key
from ._regions import MacroRegion

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ResolvedPlace"]


@dataclass
class ResolvedPlace:
    """A mention and what it resolved to: a gazetteer place, a macro-region, or only a country and admin1.

    ``rules`` maps a field of the location (``name``, ``gazetteer_id``, ``country``,
    ``geo_precision``, ...) to the name of the rule that decided it.
    """

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
    rules: dict[str, str] = field(default_factory=dict)
    # a point borrowed from another place: a building's from the town it stands in (places.point.facility_in_place)
    point: tuple[float, float] | None = None


def country_place(code: str, gazetteer: object = None) -> Place:
    """A country as a gazetteer place: the gazetteer's, with its point, else one with no point."""
    known = getattr(gazetteer, "country", None)
    found = known(code) if callable(known) else None
    if isinstance(found, Place):
        return found
    gid = country_geonames_id(code)
    return Place(gid, country_name(code) or code, "country", code, "", None, None, None, None, 0)


# -- precision ------------------------------------------------------------------------------------


@rule(
    "places.precision.region",
    decides="location.geo_precision",
    positive=[Example("Fighting spread across the Kursk region on Monday.", {"location.geo_precision": 3})],
    negative=[
        Example(
            "Fighting spread to the village of Sudzha on Monday.",
            {"location.geo_precision": 1, "!location.geo_precision": 3},
        )
    ],
)
def region_precision(place: Place | None, m: PlaceMention) -> int | None:
    """A first-level region or a country locates an event only to a large area: ACLED precision 3."""
    return 3 if place is not None and place.kind in ("admin1", "country", "region") else None


@rule(
    "places.precision.district",
    decides="location.geo_precision",
    positive=[
        Example(
            "Gunmen killed three farmers in Kauru district on Tuesday, officials said.",
            {"location.geo_precision": 2},
        )
    ],
    negative=[
        Example(
            "Gunmen killed three farmers in the town of Kauru on Tuesday, officials said.",
            {"location.geo_precision": 1, "!location.geo_precision": 2},
        )
    ],
)
def district_precision(place: Place | None, m: PlaceMention) -> int | None:
    """A district (admin2), or a town named as one ("X district"), is a small area: ACLED precision 2."""
    if (place is not None and place.kind == "admin2") or m.kind == "district":
        return 2
    return None


@rule(
    "places.precision.near",
    decides="location.geo_precision",
    positive=[
        Example(
            "An improvised explosive device struck a patrol near Kidal on Monday.",
            {"location.geo_precision": 2},
        )
    ],
    negative=[
        Example(
            "An improvised explosive device struck a patrol in Kidal on Monday.",
            {"location.geo_precision": 1, "!location.geo_precision": 2},
        )
    ],
)
def near_precision(place: Place | None, m: PlaceMention) -> int | None:
    """ "near X", "outskirts of X", "20 km south of X" place the event around a town: ACLED precision 2."""
    return 2 if m.near else None


@rule(
    "places.precision.named_settlement",
    decides="location.geo_precision",
    positive=[Example("Police dispersed a march in Dakar on Friday.", {"location.geo_precision": 1})],
    negative=[
        Example(
            "Police dispersed marches across Senegal on Friday.",
            {"location.geo_precision": 3, "!location.geo_precision": 1},
        )
    ],
)
def settlement_precision(place: Place | None, m: PlaceMention) -> int | None:
    """A named town, village or site where the event happened: ACLED precision 1."""
    return 1 if place is not None else None


PRECISION_RULES = (region_precision, district_precision, near_precision, settlement_precision)


# -- keep or drop ---------------------------------------------------------------------------------


@rule(
    "places.drop.foreign_minor",
    decides="location.exists",
    positive=[
        Example(
            "Police in Nigeria arrested ten protesters in Barah on Monday.",
            {"location.name": "Barah", "!location.admin1": "North Kordofan"},
        )
    ],
    negative=[
        Example(
            "Police in Sudan arrested ten protesters in Barah on Monday.",
            {"location.name": "Barah", "location.admin1": "North Kordofan"},
        ),
        Example(
            "A teacher back from a year in Kenya spoke at the library on Friday. Snow closed two roads in Southwick "
            "on Monday.",
            {"location.name": "Southwick", "location.country": "US"},
        ),
        Example(  # someone's origin says nothing of where the town lies
            "Roe, a native of Mexico, was arrested by Danbury police on Monday and brought to New Milford.",
            {"location.name": "Danbury", "location.country": "US"},
        ),
    ],
)
def foreign_minor(
    place: Place, named: set[str], m: PlaceMention, by_name: set[str], here: set[str] | None = None
) -> bool | None:
    """A small place in a country the document never points to (by name, demonym or other places) is a
    namesake; a district is dropped when the text names countries by name (district names repeat across
    the world), a region only when tagged LOC (seas, ranges: "Red Sea"). With no country named by name,
    a mention the text marks as a place is kept wherever it lies ("pushed towards Chasiv Yar"), and so is one
    whose own sentence names no other country (``here``: "back from Kenya ... roads in Southwick")."""
    if place.kind in ("country", "region") or not named or place.country in named:
        return None
    if place.kind == "admin2" and by_name:
        return True
    if place.kind in ("admin1", "admin2"):
        return True if m.label == "LOC" else None
    if m.cued and m.label != "LOC" and not by_name:
        return None
    if here is not None and m.cued and not here - {place.country}:
        return None  # a town of a local story that names a country elsewhere ("back from Kenya") is still there
    return True if place.population < 100_000 else None


@rule(
    "places.drop.uncued_abroad",
    decides="location.exists",
    positive=[
        Example(
            "Sudan's army thanked Mombasa for the aid sent to El Fasher.",
            {"!location.name": "Mombasa", "location.name": "El Fasher"},
        )
    ],
    negative=[
        Example(
            "Sudan's army said aid from Mombasa had reached El Fasher.",
            {"location.name": "Mombasa"},
        )
    ],
)
def uncued_abroad(found: ResolvedPlace, doc_countries: Counter[str]) -> bool | None:
    """A large namesake taken with no locative cue, in a country the text never mentions, is not meant."""
    m = found.mention
    return True if not m.cued and doc_countries and found.country not in doc_countries else None


@rule(
    "places.drop.people_modifier",
    decides="location.exists",
    positive=[
        Example(
            "Nigeria's police said Tawila residents had fled on Monday.",
            {"!location.name": "Tawila", "location.name": "Nigeria"},
        )
    ],
    negative=[
        Example("Nigeria's police arrested ten protesters in Tawila on Monday.", {"location.name": "Tawila"})
    ],
)
def people_modifier(doc: Doc, m: PlaceMention) -> bool | None:
    """An unknown name before a noun ("Tuareg separatists", "Houthi rebels") names a people or a movement,
    not a place."""
    if m.strong or m.kind:
        return None
    span = expand(doc, m.start, m.end)
    if span is None or span[1] >= len(doc):
        return None
    return True if doc_index(doc).pos[span[1]] == NOUN else None


@rule(
    "places.drop.no_place_cue",
    decides="location.exists",
    positive=[
        Example(
            "The Nuba Hills remained calm on Tuesday, residents said.",
            {"!location.name": "Nuba Hills", "locations": 0},
        )
    ],
    negative=[
        Example(
            "Fighting was reported in Kadugli and in Dilling on Monday.",
            {"location.name": "Dilling"},
        )
    ],
)
def no_place_cue(m: PlaceMention, cued: bool) -> bool | None:
    """An unknown name with nothing saying it is a place (no kind word, no preposition of place, no list
    of places) is not kept ("accused Hemedti")."""
    return True if not m.strong and not m.kind and not cued else None


@rule(
    "places.drop.unknown_feature",
    decides="location.exists",
    positive=[
        Example(  # a river by its name alone ("the Sinjar Mountains" has a feature's word: a feature)
            "Troops were deployed to the Euphrates on Tuesday.",
            {"!location.name": "Euphrates", "locations": 0},
        )
    ],
    negative=[
        Example("Houthi forces fired missiles at ships off Hodeidah on Tuesday.", {"location.name": "Al Hudaydah"}),
        # one word after "in", with no article: a village, not a river or a range
        Example("Gunmen attacked a market in Kokorou on Tuesday, killing six people.", {"location.name": "Kokorou"}),
    ],
)
def unknown_feature(found: ResolvedPlace, text: str = "") -> bool | None:
    """An unknown LOC entity ("the Euphrates", "the Hindu Kush") is a river or a range more often than a place
    (no point of it is known): a name no gazetteer knows is kept only when a phrase, the model's GPE tag or a kind
    word says place (a feature's word, "the Sinjar Mountains", is one: ``places.mention.named_feature``), or when
    it is one word right after a preposition of place, with no article ("a market in Kokorou": rivers and ranges
    take "the")."""
    m = found.mention
    if found.place is not None or found.macro is not None or m.strong or m.label == "GPE" or m.kind:
        return None
    if " " not in m.name and "-" not in m.name and _AT_PLACE.search(text, max(0, m.start - 8), m.start):
        return None
    return True


_AT_PLACE = re.compile(r"\b(?:in|at|near)\s+$")


@rule(
    "places.drop.unknown_acronym",
    decides="location.exists",
    positive=[
        Example(
            "Fighters of the SDF withdrew from positions in Manbij and in DDR on Friday.",
            {"!location.name": "DDR", "location.name": "Manbij"},
        )
    ],
    negative=[
        Example("Fighters of the SDF withdrew from positions in Manbij on Friday.", {"location.name": "Manbij"}),
    ],
)
def unknown_acronym(found: ResolvedPlace) -> bool | None:
    """An acronym no gazetteer knows ("PP", "NIMC") is a party, an agency or a unit, not a place."""
    m = found.mention
    if found.place is not None or found.macro is not None or m.kind or not m.name.replace(".", "").isupper():
        return None
    return True if len(m.name.replace(".", "")) <= 6 else None


# -- unresolved names -----------------------------------------------------------------------------


@rule(
    "places.unresolved.context",
    decides="location.country",
    positive=[
        Example(
            "Gunmen attacked the village of Kukawa-Gana in Borno State on Sunday, killing six.",
            {"location.name": "Kukawa-Gana", "location.country": "NG"},
        ),
        # nothing but the dateline says which country: the report was filed from it
        Example(
            "MAROUA, Cameroon (AFP) - Eleven people were killed in a raid on the village of Mbele-Gana, near the"
            " border with Nigeria, a local chief said on Friday.",
            {"location.name": "Mbele-Gana", "location.country": "CM"},
        ),
        # the dateline's province is where the report was filed, not the unknown village's
        Example(
            "BAMAKO, March 4 - Jihadist fighters attacked the army camp in the village of Dinangourou-Sud in central"
            " Mali overnight, killing 12 soldiers, sources said.",
            {"location.name": "Dinangourou-Sud", "!event.location.admin1": "Bamako"},
        ),
    ],
    negative=[
        Example(
            "Gunmen attacked the village of Gajiram in Borno State on Sunday, killing six.",
            {"location.name": "Gajiram"},
        )
    ],
)
def unresolved_context(m: PlaceMention, in_sentence: list[str], beside: set[str], majority: str | None,
                       best: str | None) -> str | None:
    """A place no gazetteer knows is kept, named, in the country its own words tie it to, else the one its
    sentence names, else the one of the places beside it, else where the document's places lie (else the
    dateline's country, which the caller passes as ``best`` when no other country is hinted)."""
    if m.country:
        return m.country
    if len(in_sentence) == 1:
        return in_sentence[0]
    if len(beside) == 1:
        return next(iter(beside))
    return majority or best


def name_stands_for_country(name: str) -> str | None:
    """The country a written name stands for ("Gaza" stands for Palestine), if any."""
    return country_of_name(name)


def admin1_key(place: Place | None, admin1: str | None) -> str:
    """The index key of an admin1 name."""
    return name_key(admin1 or (place.admin1 if place is not None else "") or "")
