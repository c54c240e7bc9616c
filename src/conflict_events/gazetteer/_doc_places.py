"""Resolving the place mentions of one document together, in passes, with named rules.

Pass 1: countries, macro-regions and "X region" phrases fix the document's geography.
Pass 2: every other mention is resolved by the resolver with the whole document as context
(countries and regions named in its sentence and the document, the places around it), then
names with several readings get a second look once every place around them is known, and a
small town outside the region its sentence names is a namesake.
Pass 3: names no gazetteer knows are kept, named, with the country and admin1 of the places
resolved around them (no coordinates).

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.gazetteer import PlaceResolver
>>> from conflict_events.gazetteer._place_mentions import find_mentions
>>> doc = load_language_model()("Shelling hit the Ukrainian city of Pokrovsk in the Donetsk region.")
>>> places = DocPlaces(doc, PlaceResolver()).resolve(find_mentions(doc))
>>> [(p.place.name, p.precision, p.rules["gazetteer_id"]) for p in places if not p.mention.modifier]
[('Pokrovsk', 1, 'places.resolve.in_context'), ('Donetsk', 3, 'places.resolve.region_phrase')]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from .._doccache import doc_text
from .._docindex import entity_rows, expand, sentence_at
from ..lexicons._countries import capital_government, country_from_demonym, country_from_name, country_name
from ..rules import Example, first, rule
from ._gazetteer_base import Place
from ._mention_rules import PlaceMention, country_of_name, strip_direction
from ._name_keys import name_key, strip_admin_terms
from ._nearness import reading_support
from ._place_mentions import has_place_cue
from ._place_resolve import Hints, PlaceResolver, district_key
from ._place_rules import (
    PRECISION_RULES,
    ResolvedPlace,
    country_place,
    foreign_minor,
    no_place_cue,
    people_modifier,
    region_precision,
    uncued_abroad,
    unknown_acronym,
    unknown_feature,
    unresolved_context,
)
from ._place_words import PlaceWords, default_place_words
from ._regions import RegionTable, default_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DocPlaces"]

# Evidence weights: the sentence counts fully, the document less.
_SENTENCE = 1.0
_SENTENCE_DEMONYM = 0.5
_DOCUMENT = 0.4
_COUNTRY_ENTITIES = "conflict_events.locations.country_entities"
# "the" right before a name, with at most two lower-case words between ("the warm central Atlantic")
_THE_BEFORE: Final = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+){0,2}$")
_DISTRICT_ENDINGS = (" County", " Parish", " District", " LGA")


# -- resolution rules -------------------------------------------------------------------------------


@rule(
    "places.resolve.macro_region",
    decides="location.name",
    positive=[
        Example(
            "Paramilitary fighters torched villages across Darfur last week, aid groups said.",
            {"location.name": "Darfur", "location.kind": "region"},
        ),
        Example(  # a region's name before a place's noun says where the camp is, not whose people
            "Shelling kills 11 in Darfur displacement camp\n\nPORT SUDAN (Reuters) - Shells hit a camp in Sudan on"
            " Tuesday.",
            {"location.name": "Darfur", "location.kind": "region"},
        ),
        Example(  # a sea after "the" and two lower-case words, not Atlantic, Iowa
            "Storms often form over the warm central Atlantic in August, forecasters said.",
            {"location.name": "Atlantic Ocean", "location.kind": "region"},
        ),
        Example(  # a region inside one admin1 takes that admin1's point
            "Government jets bombed towns across eastern Ghouta on Monday, monitors said.",
            {"location.name": "Ghouta", "location.admin1": "Rural Damascus", "location.latitude": 33.59621},
        ),
        Example(
            "Houthi forces struck a cargo ship in the Red Sea on Tuesday, the navy said.",
            {"location.name": "Red Sea", "location.kind": "region", "location.latitude": 22.0},
        ),
        Example(  # a part of a continent, not Mahdia in Tunisia (once called Africa)
            "Tunisia's president said smugglers had moved arms across North Africa for years.",
            {"location.name": "North Africa", "location.kind": "region", "!location.admin1": "Mahdia"},
        ),
    ],
    negative=[
        Example(
            "Paramilitary fighters torched villages around El Geneina last week, aid groups said.",
            {"location.admin1": "West Darfur"},
        ),
        Example(
            "Drones struck a fuel depot in Port Sudan, the capital of Red Sea state, on Sunday.",
            {"location.name": "Red Sea", "location.kind": "admin1"},
        ),
    ],
)
def macro_region(ctx: DocPlaces, m: PlaceMention, sentence: tuple[int, int]) -> ResolvedPlace | None:
    """A named region that is no admin unit ("Darfur", "the Donbas", "northern Gaza") is a ``region`` with
    its country and admin1 only where it lies in exactly one."""
    name, direction = m.name, None
    bare = strip_direction(name, ctx.words)
    if bare != name:
        direction, name = name[: len(name) - len(bare)].strip(), bare
    else:
        before = ctx.words.direction_before.search(ctx.text, max(0, m.start - 20), m.start)
        direction = before.group(1) if before else None
    region = ctx.regions.find(name, direction=direction)
    people = people_modifier(ctx.doc, m) and m.label != "DEMONYM" and not _before_a_place_noun(ctx.doc, m)
    if region is None or people:
        return None  # "Waziristan refugees", like "Houthi rebels", says who, not where ("South Ossetian" is whose)
    tied = {m.country} | set(ctx.sentence_countries(sentence, m))
    if tied & set(region.admin1_of):
        return None  # "Burkina Faso's Sahel region" is the admin1 of that name
    kind = m.kind if m.kind != "feature" else None  # "the Indian Ocean" by its feature's word: the sea
    if region.sea and (kind is not None or m.container or not _THE_BEFORE.search(ctx.text, 0, m.start)):
        return None  # a sea is "the Red Sea"; "Red Sea state", "(Port Sudan, Red Sea)" are Sudan's state
    if region.point is None and region.country and region.admin1:
        unit = ctx.resolver.gazetteer.admin1_place(region.country, region.admin1)
        if unit is not None and unit.latitude is not None and unit.longitude is not None:
            region = replace(region, point=(unit.latitude, unit.longitude))  # "Ghouta": Rural Damascus's point
    written = f"{direction} {region.name}" if region.directional and direction else region.name
    return ResolvedPlace(m, None, region.country, region.admin1, 3, "region", macro=region, written=written)


# heads of a noun phrase a region's name modifies as where it is: "a Darfur displacement camp", "a Donbas village"
_PLACE_NOUNS: Final = frozenset({"camp", "village", "town", "city", "market", "district", "province", "area", "border",
                                 "hospital", "school", "mosque", "church", "base", "airport", "port"})


def _before_a_place_noun(doc: Doc, m: PlaceMention) -> bool:
    """Whether the noun after a name heads a place's phrase ("Darfur displacement camp"), not people's."""
    span = expand(doc, m.start, m.end)
    if span is None or span[1] >= len(doc):
        return False
    tok = doc[span[1]]
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head  # "displacement" -> "camp"
    return tok.lemma_.lower() in _PLACE_NOUNS


@rule(
    "places.resolve.country_name",
    decides="location.gazetteer_id",
    positive=[
        Example("Thousands protested in Armenia against the new law, police said.", {"location.kind": "country"}),
        Example(  # no unit is called "US": the country whose state it is, not Us in France
            "A US state has revoked the licence of a doctor who prescribed the drug.",
            {"location.name": "United States", "!location.country": "FR"},
        ),
    ],
    negative=[
        Example(
            "Thousands protested in Tbilisi against the new law, police said.",
            {"location.name": "Tbilisi", "!location.kind": "country"},
        )
    ],
)
def country_name_rule(ctx: DocPlaces, m: PlaceMention) -> ResolvedPlace | None:
    """A country's name is the country, unless it is also a place inside it ("Gaza", "West Bank"); before a
    unit's noun that no unit of that name answers ("a US state"), the country whose unit it is."""
    if m.capital_of is not None or m.kind not in (None, "region", "district"):
        return None
    code = country_of_name(m.name)
    if code is None or ctx.place_within(m.name, code) or (m.label != "DEMONYM" and ctx.region_abroad(m.name, code)):
        return None
    if m.kind is not None:
        key = name_key(m.name)
        units = ("admin1", "admin2")
        found = ctx.resolver.gazetteer.candidates(m.name)
        if any(p.kind in units and strip_admin_terms(name_key(p.name)) == key for p in found):
            return None
        m = replace(m, kind=None, modifier=True)  # "a US state": which country's, not where
    place = country_place(code, ctx.resolver.gazetteer)
    return ResolvedPlace(m, place, code, None, 3, "country", rules={"geo_precision": region_precision.name})


@rule(
    "places.resolve.country_or_region",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Bandits killed five farmers in Mariga and in Rijau, in Niger, on Sunday.",
            {"location.admin1": "Niger", "location.kind": "admin1"},
        )
    ],
    negative=[
        Example(
            "Jihadists killed five soldiers near Tillaberi, in Niger, on Sunday.",
            {"location.name": "Niger", "location.kind": "country"},
        )
    ],
)
def country_or_region(ctx: DocPlaces, m: PlaceMention) -> ResolvedPlace | None:
    """A name that is a country and a region of another country ("Georgia", "Niger") is the region when the
    document's other places lie in the region's country more than in the country of that name (else the
    country, by ``places.resolve.country_name``)."""
    code = country_of_name(m.name)
    if code is None or m.kind is not None or m.label == "DEMONYM":
        return None
    region = ctx.region_abroad(m.name, code)
    if region is None:
        return None
    if ctx.support(region.country, m) > ctx.support(code, m):
        return ctx.as_resolved(m, region, False, 1)
    return None


@rule(
    "places.resolve.within_next",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Residents of Cairo, Illinois, protested on Friday against an Egyptian film.",
            {"location.name": "Cairo", "location.admin1": "Illinois"},
        ),
        Example(  # the district of the name lies in another region: the town of the name inside this one
            "On 12 January 2026, Al Shabaab clashed with soldiers in Tuulo village (Baardheere, Gedo).",
            {"location.name": "Baardheere", "location.kind": "settlement", "location.admin1": "Gedo"},
        ),
    ],
    negative=[
        Example("Residents of Cairo protested on Friday.", {"location.country": "EG"}),
    ],
)
def within_next(ctx: DocPlaces, m: PlaceMention, area: ResolvedPlace) -> ResolvedPlace | None:
    """A place followed by a comma or a bracket and the region or country it lies in ("Birmingham,
    Alabama", "Dossi (Boni, Tuy)") is the namesake inside that area."""
    if area.place is None or area.kind not in ("admin1", "admin2", "country") or not area.country:
        return None
    current = ctx.resolved.get(m.start)
    if (
        current is not None
        and current.country == area.country
        and (area.kind == "country" or name_key(current.admin1 or "") == name_key(area.admin1 or ""))
    ):
        return None  # already inside
    hints = ctx.hints(m, ctx.sentences[m.start], ctx.admin1_doc, ctx.resolved, {})
    hints.strict_country = area.country
    if area.admin1:
        hints.admin1[(area.country, name_key(area.admin1))] = 3.0
    r = ctx.resolver.resolve(m.name, hints)
    if r.place is None or r.place.kind == "country":
        return None
    if area.kind != "country" and name_key(r.place.admin1 or "") != name_key(area.admin1 or ""):
        # "(Baardheere, Gedo)": the district of the name lies in another region, its town in this one
        inside = [
            p
            for p in ctx.resolver.gazetteer.candidates(m.name)
            if p.kind in ("settlement", "admin2") and p.country == area.country
            and name_key(p.admin1 or "") == name_key(area.admin1 or "") and p.latitude is not None
        ]  # fmt: skip
        return ctx.as_resolved(m, max(inside, key=lambda p: p.population), False) if inside else None
    return ctx.as_resolved(m, r.place, r.fuzzy, r.alternatives)


@rule(
    "places.resolve.district_before_its_region",
    decides="location.gazetteer_id",
    positive=[
        Example(  # the department named after the region's capital, then the region
            "On 3 March 2021, gunmen abducted two herders in the village of Kolori (Diffa, Diffa).",
            {"location.name": "Diffa", "location.kind": "settlement", "event.location.geo_precision": 2},
        ),
        Example(  # no district of the name in the gazetteer: the town that is its seat
            "On 9 May 2021, about forty people marched in Socoura (Mopti, Mopti) against the curfew.",
            {"location.name": "Mopti", "location.kind": "settlement"},
        ),
    ],
    negative=[
        Example(
            "On 9 May 2021, about forty people marched in Socoura (Djenne, Mopti) against the curfew.",
            {"location.name": "Mopti", "location.kind": "admin1"},
        )
    ],
)
def district_before_its_region(ctx: DocPlaces, m: PlaceMention, region: PlaceMention) -> ResolvedPlace | None:
    """The first name of the areas written after a place, followed by the same name ("Zarwaram (Diffa, Diffa)",
    ACLED's "(district, region)"), is the district named after the region's capital, not the region twice: the
    district of that name in the region, or where the gazetteer has none, the town of that name there (the seat
    of the district), whose point places a village the gazetteer lacks."""
    if name_key(m.name) != name_key(region.name) or not ctx.text[: m.start].rstrip().endswith("("):
        return None
    area = ctx.resolved.get(region.start)
    if area is None or area.place is None or area.kind != "admin1" or not area.country or not area.admin1:
        return None
    inside = [
        p
        for p in ctx.resolver.gazetteer.candidates(m.name)
        if p.country == area.country and name_key(p.admin1 or "") == name_key(area.admin1)
    ]
    # a district with a point, else the town of its name (the seat), else a district with none
    ranked = sorted(
        (p for p in inside if p.kind in ("admin2", "settlement")),
        key=lambda p: (p.latitude is None, p.kind != "admin2", -p.population),
    )
    return ctx.as_resolved(m, ranked[0], False) if ranked else None


@rule(
    "places.resolve.area_of_place_before",
    decides="location.gazetteer_id",
    positive=[
        Example(  # the capital and its neighbour first: the second "Washington" holds Tacoma
            "Lawmakers in Washington and Baltimore debated the bill. A bakery in Tacoma, Washington shares tips.",
            {"location.name": "Washington", "location.kind": "admin1", "location.admin1": "Washington"},
        )
    ],
    negative=[
        Example(
            "Protesters marched in Washington, the capital, on Sunday.",
            {"location.name": "Washington", "location.admin1": "District of Columbia"},
        )
    ],
)
def area_of_place_before(ctx: DocPlaces, m: PlaceMention, area: ResolvedPlace) -> ResolvedPlace | None:
    """The area named after a place and a comma ("Tacoma, Washington") is the reading of its name that holds a
    place of the name before it, when the reading chosen (a region, a country or a town) holds none (the largest
    such place decides)."""
    if area.place is None or area.kind not in ("admin1", "country", "settlement") or area.mention.kind is not None:
        return None  # (read as a town, "Washington" may be the capital: the state holds Tacoma)
    readings = [p for p in ctx.resolver.gazetteer.candidates(m.name) if p.kind in ("settlement", "admin2")]
    if not readings or any(_lies_in(p, area.place) for p in readings):
        return None
    holding = {
        a: max(p.population for p in readings if _lies_in(p, a))
        for a in _areas(ctx, area.mention.name)
        if any(_lies_in(p, a) for p in readings)
    }
    if not holding:
        return None
    best = max(holding, key=lambda a: holding[a])
    return ctx.as_resolved(area.mention, best, False, len(holding))


@rule(
    "places.resolve.region_phrase",
    decides="location.gazetteer_id",
    positive=[Example("Drones struck an airfield in the Kursk region overnight.", {"location.kind": "admin1"})],
    negative=[
        Example(
            "Drones struck an airfield outside Kursk overnight.",
            {"location.name": "Kursk", "!location.kind": "admin1"},
        )
    ],
)
def region_phrase(ctx: DocPlaces, m: PlaceMention, sentence: tuple[int, int]) -> ResolvedPlace | None:
    """A name with a region noun ("Kursk region", "Zamfara State") is the first-level region of that name."""
    if m.kind != "region":
        return None
    r = ctx.resolver.resolve(m.name, ctx.hints(m, sentence, Counter(), _Resolved(), {}))
    if r.place is None or r.place.kind != "admin1" or r.fuzzy:
        return None
    return ctx.as_resolved(m, r.place, False, r.alternatives)


@rule(
    "places.resolve.in_context",
    decides="location.gazetteer_id",
    positive=[Example("Police fired tear gas at protesters in Lagos on Monday.", {"location.country": "NG"})],
    negative=[
        Example(
            "Police fired tear gas at protesters across Nigeria on Monday.",
            {"location.kind": "country", "!location.kind": "settlement"},
        )
    ],
)
def in_context(
    ctx: DocPlaces, m: PlaceMention, hints: Hints, named: set[str], by_name: set[str]
) -> ResolvedPlace | None:
    """The gazetteer entry that best fits the name and its context: population, the countries and regions
    named around it, the kind word, the places near it (the resolver's score). A street's or a feature's name
    ("Elm Street") is taken only when no gazetteer knows it whole: no spelling of it is a town."""
    if m.kind == "feature":
        return None
    r = ctx.resolver.resolve(m.name, hints)
    place = r.place
    if place is None:
        return None
    region = region_named_before(ctx, m, place) if place.kind == "settlement" and m.kind is None else None
    if region is not None:
        place = region
    here = {c for c, w in hints.countries.items() if w >= 1.0}
    if foreign_minor(place, named, m, by_name, here):
        ctx.set_aside.add(m.start)  # looked at again once the document's other places are read
        return None
    out = ctx.as_resolved(m, place, r.fuzzy, r.alternatives)
    if region is not None:
        out.rules["kind"] = region_named_before.name
    return out


@rule(
    "places.resolve.region_named_before",
    decides="location.kind",
    positive=[
        Example(
            "Ukrainian troops pushed deeper into the Kursk region. Fighting in Kursk went on all week.",
            {"location.kind": "admin1", "!location.kind": "settlement"},
        )
    ],
    negative=[
        Example(
            "Ukrainian troops pushed deeper into Russia. Fighting in Kursk went on all week.",
            {"location.kind": "settlement"},
        )
    ],
)
def region_named_before(ctx: DocPlaces, m: PlaceMention, place: Place) -> Place | None:
    """A bare city name in an article about the region of that name ("in Kursk" after "the Kursk region")
    means the region."""
    return ctx.region_keys.get((place.country, name_key(m.name)))


@rule(
    "places.resolve.second_look",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Herders attacked Bokkos on Sunday, and Plateau state's governor condemned the killings.",
            {"location.admin1": "Plateau", "location.country": "NG"},
        )
    ],
    negative=[
        Example("Herders attacked Bokkos in Plateau on Sunday.", {"location.name": "Bokkos"}),
    ],
)
def second_look(
    ctx: DocPlaces,
    start: int,
    r: ResolvedPlace,
    anchors: dict[int, tuple[float, float]],
    regions: Mapping[tuple[str, str], float] | None = None,
) -> ResolvedPlace | None:
    """A name with several readings is resolved again once every place around it is known, with the regions
    and the points of all of them as context ("Plateau state's Bokkos": Plateau of Nigeria, where Bokkos
    lies, not Plateau of Benin; a Paris in a story about towns of Tennessee is Paris, Tennessee)."""
    if not r.alternatives or r.place is None or r.kind == "country" or r.mention.country:
        return None
    m = r.mention
    votes: dict[tuple[str, str], float] = dict(ctx.admin1_doc if regions is None else regions)
    own = (r.country or "", name_key(r.admin1 or ""))
    if own in votes:
        votes[own] -= 1 if r.alternatives == 0 else 0.5  # not its own vote
    hints = ctx.hints(
        m, ctx.sentences[start], {k: v for k, v in votes.items() if v > 0}, ctx.resolved, anchors, without=start
    )
    named_by_others = set(ctx.doc_countries) | ctx.resolved.countries_without(start)
    again = in_context(ctx, m, hints, named_by_others, ctx.by_name)
    if again is None or again.place is None or again.place == r.place:
        return None
    return again


@rule(
    "places.resolve.outside_named_region",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Gunmen attacked the village of Sabaneta, Guachene municipality, northern Cauca, on Friday.",
            {"location.name": "Sabaneta", "location.admin1": "Cauca"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked the town of Santander de Quilichao in Cauca on Friday.",
            {"location.admin1": "Cauca"},
        ),
        Example(  # the region is named for someone else, in another clause
            "Survivors include a son, John Roe of Southlake; and two daughters, both of California.",
            {"location.name": "Southlake", "location.admin1": "Texas"},
        ),
        Example(  # the town and its district (another spelling of its name) agree against the region after them
            "On 3 May 2025, two clan militias clashed in Saylac town (Zeylac, Bari).",
            {"location.name": "Saylac", "location.admin1": "Awdal"},
        ),
    ],
)
def outside_named_region(
    ctx: DocPlaces, r: ResolvedPlace, sentence: tuple[int, int], regions: set[tuple[str, str]]
) -> bool | None:
    """A small town in another admin1 of the same country than the one its sentence names through an admin
    unit, or, when the sentence names none, than the one region the document names (for a village found by
    another of its names), is a namesake: the name is kept unresolved, in that region."""
    place = r.place
    if place is None or r.mention.dateline or not _small_lone_town(r):
        return None  # a dateline says where the report was filed, not where its sentence's events are
    units = _qualifying_units(ctx, r, sentence)
    if _district_agrees(ctx, r):
        return None  # "Saylac town (Zeylac, Bari)": the town and its district agree; the region is a slip
    if units and place.country not in {o.country for o in units}:
        return True  # "at Chai, in Macomia district" (Mozambique) is not Cey in Turkey
    here = {(o.country, name_key(o.admin1 or "")) for o in units if o.country == place.country}
    if not here:
        if place.population >= 10_000 or name_key(place.name) == name_key(r.mention.name):
            return None
        here = {key for key in regions if key[0] == place.country}
    return True if len(here) == 1 and (place.country, name_key(place.admin1 or "")) not in here else None


def _qualifying_units(ctx: DocPlaces, r: ResolvedPlace, sentence: tuple[int, int]) -> list[ResolvedPlace]:
    """The admin units that qualify a town: after it in its clause ("Sabaneta, Guachene municipality, northern
    Cauca"), not a region named further on for someone else ("... of Colleyville; daughters, both of California")."""
    return [
        o
        for o in ctx.resolved.values()
        if o is not r and o.country and o.admin1 and o.kind in ("admin1", "admin2")
        and sentence[0] <= o.mention.start < sentence[1] and _qualifies(ctx.text, r.mention, o.mention)
    ]  # fmt: skip


def _district_agrees(ctx: DocPlaces, r: ResolvedPlace) -> bool:
    """Whether the place is a town and the first name of the bracket after it (or the place before the bracket
    it opens) is read as the same town or a unit of the town's own region: "Jilib town (Jilib, Middle Shabelle)",
    "Saylac town (Zeylac, Bari)". Two names read alike outweigh a region written after them that holds neither."""
    for o in ctx.resolved.values():
        if o is r or o.place is None or o.kind not in ("settlement", "admin2") or o.country != r.country:
            continue
        if not o.admin1 or name_key(o.admin1) != name_key(r.admin1 or ""):
            continue
        first, second = (r.mention, o.mention) if r.mention.start < o.mention.start else (o.mention, r.mention)
        if _BRACKET_OPEN.match(ctx.text[first.end : second.start]):
            return True
    return False


_COMMA: Final = re.compile(r"\s*,\s*")
# a town and the first name of the bracket after it: "Jilib town (Jilib, ..."
_BRACKET_OPEN: Final = re.compile(r"\s*(?:(?:town|village|city|area|locality|camp|hamlet)\s*)?\(\s*$", re.IGNORECASE)


def _qualifies(text: str, town: PlaceMention, unit: PlaceMention) -> bool:
    """Whether an admin unit is named right after a town, in the same clause (within 80 characters, no ";")."""
    gap = text[town.end : unit.start]
    return 0 <= len(gap) <= _CLAUSE and ";" not in gap


_CLAUSE: Final = 80


@rule(
    "places.drop.namesake_before_area",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Gunmen killed three herders in Moura, Mopti, on Sunday, a local official said.",
            {"location.name": "Moura", "location.country": "ML", "location.latitude": None},
        ),
        Example(  # "X town in Y" says where X lies as a comma does
            "On 1 May 2024, regime forces shelled Shinan town in Idleb countryside with artillery.",
            {"!location.country": "SA", "location.admin1": "Idleb"},
        ),
        Example(  # the areas in brackets hold the village, whatever the size of its namesake abroad
            "On 2 March 2024, an airstrike hit a militant camp in Basra village (Wanla Weyn, Lower Shabelle).",
            {"!location.country": "IQ", "location.name": "Basra", "location.admin1": "Lower Shabelle"},
        ),
        Example(  # a namesake in another region of the same country ("village, region")
            "On 5 June 2024, Russian artillery hit Stepok, Sumy, damaging a school.",
            {"!location.admin1": "Zhytomyr", "location.name": "Stepok", "location.admin1": "Sumy"},
        ),
    ],
    negative=[
        Example(
            "Residents of Cairo, Illinois, protested on Friday against an Egyptian film.",
            {"location.name": "Cairo", "location.admin1": "Illinois"},
        ),
        Example(  # the town and the district of its name agree: the region written after them is a slip
            "On 9 June 2025, Al Shabaab fighters looted shops in Jilib town (Jilib, Middle Shabelle).",
            {"location.kind": "admin2", "location.admin1": "Middle Juba"},
        ),
    ],
)
def namesake_before_area(
    ctx: DocPlaces, m: PlaceMention, area_mention: PlaceMention, area: ResolvedPlace
) -> bool | None:
    """A small place followed by a comma and a place of another country ("X, Mopti") that has no namesake
    there is a place the gazetteer lacks, in the area named after it, not its namesake abroad (unless the two
    are items of a longer list). So is a place of any size before areas in brackets ("Basra village (Wanla Weyn,
    Lower Shabelle)"), and a small place of another region of the same country than the region named after it
    ("Stepok, Sumy": the region, or its namesake capital)."""
    r = ctx.resolved.get(m.start)
    if r is None or r.place is None or not area.country or m.country or area.kind == "region":
        return None
    if r.country == area.country and not _other_region(r, area):
        return None
    between = ctx.text[m.end : area_mention.start].strip()
    bracketed = area_mention.container and _BRACKET_AFTER.match(between) is not None
    abroad = r.country != area.country
    if r.kind not in ("settlement", "admin2") or (r.place.population >= 100_000 and not (bracketed and abroad)):
        return None
    if bracketed and _bracket_holds(ctx, m, area_mention, r):
        return None  # a later area of the bracket holds it (the first, cut from a longer name, lies abroad)
    if not abroad and _district_agrees(ctx, r):
        return None  # "Jilib town (Jilib, Middle Shabelle)": the town and its district agree against the region
    if not bracketed and (
        _LIST_BEFORE.search(ctx.text, max(0, m.start - 40), m.start) or _LIST_AFTER.match(ctx.text, area_mention.end)
    ):
        return None  # "Sudzha, Sumy and Kharkiv": a list of places, each where it is (brackets list the areas)
    return True


@rule(
    "places.unresolved.area_written_after",
    decides="location.country",
    positive=[
        Example(  # the areas in brackets, not the country the sentence names elsewhere
            "On 2 February 2024, elders met in Dhabad Yare village (Dhuusamarreeb, Galgaduud) to discuss Israel's "
            "talks with Somaliland.",
            {"location.name": "Dhabad Yare", "location.admin1": "Galgaduud"},
        )
    ],
    negative=[
        Example(
            "On 31 May 2025, residents of Zorkoum protested against Israel's decision in Kaya, Centre-Nord.",
            {"event.location.name": "Kaya"},
        )
    ],
)
def area_written_after(ctx: DocPlaces, m: PlaceMention) -> ResolvedPlace | None:
    """A place no gazetteer knows, followed by a comma or a bracket and the area it lies in ("X (District,
    Region)", "X, Region"), lies in that area's country and region, whatever else its sentence names."""
    for start in sorted(s for s in ctx.resolved if m.end <= s <= m.end + 16):
        area = ctx.resolved[start]
        if not _AREA_AFTER.match(ctx.text, m.end, start):
            continue
        if area.place is not None and area.country and area.kind in ("admin1", "admin2", "country", "settlement"):
            return area
    return None


def _bracket_holds(ctx: DocPlaces, m: PlaceMention, area_mention: PlaceMention, r: ResolvedPlace) -> bool:
    """Whether an area named in the bracket after ``m`` (that holds ``area_mention``) holds the place's reading."""
    close = ctx.text.find(")", area_mention.start)
    if close < 0:
        return False
    return any(
        m.end <= start < close
        and other.place is not None
        and other.country == r.country
        and (other.kind == "country" or name_key(other.admin1 or "") == name_key(r.admin1 or ""))
        for start, other in ctx.resolved.items()
    )


def _other_region(r: ResolvedPlace, area: ResolvedPlace) -> bool:
    """Whether an area of the place's country is a region (or the town that shares its region's name: "Sumy")
    other than the place's own."""
    if area.place is None or not area.admin1 or not r.admin1 or name_key(r.admin1) == name_key(area.admin1):
        return False
    return area.kind == "admin1" or (area.kind == "settlement" and name_key(area.place.name) == name_key(area.admin1))


# a place said to lie in an area: "Shinan town in Idleb", "a village in the Mopti region" (the kind word may stand
# between the two names when the mention does not take it)
_IN_AREA: Final = re.compile(
    r"^(?:(?:town|village|city|area|district|neighbou?rhood|camp|locality)\s+)?in(?:\s+the)?$", re.IGNORECASE
)
# a bracket of areas after a place, a kind word first: "X (District, Region)", "X village (District, Region)"
_BRACKET_AFTER: Final = re.compile(r"(?:(?:town|village|city|area|locality|camp|hamlet)\s*)?\(", re.IGNORECASE)
# between a place and the area written after it: a comma or a bracket, a kind word first ("X town (District, ...")
_AREA_AFTER: Final = re.compile(r"\s*(?:(?:town|village|city|area|locality|camp|hamlet)\s*)?[,(]\s*$", re.IGNORECASE)
# a list goes on before the first name or after the second ("A, B and C", "A, B, C")
_LIST_BEFORE: Final = re.compile(r"[A-Z][\w'’-]+,\s*$")
_LIST_AFTER: Final = re.compile(r"(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z]")


@rule(
    "places.resolve.country_name_as_town",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "Lebanon will hold its spring clean-up in April, the mayor said. The Boone County waste district "
            "will collect old paint at the fairgrounds.",
            {"location.name": "Lebanon", "location.admin1": "Indiana"},
        )
    ],
    negative=[
        Example(
            "Lebanon will hold talks with Syria in April, the ministry said. The Boone County waste district "
            "will collect old paint at the fairgrounds.",
            {"location.name": "Lebanon", "location.kind": "country"},
        )
    ],
)
def country_name_as_town(ctx: DocPlaces, r: ResolvedPlace, region: tuple[str, str] | None) -> ResolvedPlace | None:
    """A country's name that is also a town in a district the document names ("Lebanon" and "Boone County":
    Lebanon, Indiana) or in the region most of the document's places lie in, while nothing else in the document
    points to that country (no other name of it, no people's adjective, no place of it), is the town."""
    m = r.mention
    if r.kind != "country" or m.modifier or m.label == "DEMONYM" or m.kind is not None:
        return None
    if not r.country or ctx.support(r.country, m) > 0:
        return None
    abroad = ctx.by_name - {r.country}  # another country named: a story about the world, not a town
    key = name_key(m.name)
    towns = [
        p
        for p in ctx.resolver.gazetteer.candidates(m.name)
        if p.kind == "settlement" and p.country != r.country and name_key(p.name) == key and not abroad - {p.country}
    ]
    districts = ctx.district_hint(m.start) if ctx.districts else frozenset()
    town = next((p for p in towns if district_key(p) in districts), None) or next(
        (p for p in towns if region is not None and (p.country, name_key(p.admin1 or "")) == region), None
    )
    return ctx.as_resolved(m, town, False, 1) if town is not None else None


@rule(
    "places.resolve.known_head",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "A Lexington County Sheriff's Department news release said two men were charged on Monday.",
            {"location.name": "Lexington County", "location.modifier": True},
        ),
        Example(  # a country's name at the head of a list that lost its comma, not Greece, New York
            "Youth unemployment stays high in countries such as Cyprus, Greece Italy or Spain.",
            {"location.name": "Greece", "location.kind": "country"},
        ),
    ],
    negative=[
        Example(
            "Residents of Kpanduk Ward said gunmen came at night.",
            {"!location.name": "Kpanduk"},
        )
    ],
)
def known_head(ctx: DocPlaces, m: PlaceMention, hints: Hints) -> ResolvedPlace | None:
    """A name of several words no gazetteer knows that begins with a known place or a people's adjective
    ("Boise Fire", "Maiduguri Borno", "Nigerian Army") names that place: the rest is an institution of it (a
    modifier mention: "Boise Fire", "Nigerian Army") or the area it lies in."""
    words = m.name.split()
    if len(words) < 2 or m.people or m.dateline or (m.strong and m.kind == "settlement"):
        return None  # "the village of Kpanduk Ward": the text says the whole is the place
    hints = replace(hints, kind=None)  # "Boise Fire Department": the kind word was the institution's
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        areas = _head_areas(ctx, words, n)
        if areas is None:
            continue
        if m.label == "FAC" and not areas:
            return None  # "the Niger Delta Development Commission": a building, where things happen, not a place
        code = country_from_demonym(head) if n == 1 and not country_from_name(head) else None
        if code is not None:
            short = replace(
                m, end=m.start + len(head), name=country_name(code) or head, kind=None, country=code, modifier=True
            )
            return ctx.as_resolved(short, country_place(code, ctx.resolver.gazetteer), False)
        code = _bare_country(ctx, head)
        if code is not None:
            # "Greece Italy or Spain" (a list that lost its comma), "Kenya Airways": the country, not a town
            # named after it; an owner unless the rest is another country
            listed = country_from_name(" ".join(words[n:])) is not None
            short = replace(m, end=m.start + len(head), name=head, kind=None, country=code, modifier=not listed)
            return ctx.as_resolved(short, country_place(code, ctx.resolver.gazetteer), False)
        r = ctx.resolver.resolve(head, hints)
        inside = not areas or (r.place is not None and any(_lies_in(r.place, a) for a in areas))
        if r.place is not None and not r.fuzzy and inside:
            # the whole is an institution or a work of the place unless the rest names the area it lies in
            short = replace(m, end=m.start + len(head), name=head, kind=None, modifier=m.modifier or not areas)
            return ctx.as_resolved(short, r.place, False, r.alternatives)
    return None


def _bare_country(ctx: DocPlaces, head: str) -> str | None:
    """The country a name is, when no region abroad shares it ("Greece", not "Georgia") and it is no place
    inside its own country ("Gaza")."""
    code = country_from_name(head)
    if code is None or ctx.region_abroad(head, code) is not None or ctx.place_within(head, code):
        return None
    return code


def _head_areas(ctx: DocPlaces, words: list[str], n: int) -> list[Place] | None:
    """Whether the first ``n`` words can be the known head of the name: None if not, else the regions and
    countries the rest can be (empty when the rest is an institution's word or the head is a unit or a people)."""
    head, rest = " ".join(words[:n]), words[n]
    if len(head) < 3 or head.lower() in ctx.words.generic_words or not head[:1].isupper():
        return None
    if head in ctx.words.first_name_countries:
        return None  # "Chad Foster"
    owner = rest in ctx.words.institution_words and rest not in _SITE_WORDS
    areas = [] if owner else _areas(ctx, " ".join(words[n:]))
    # "Boise Fire", "Maiduguri Borno", "Madison County Health"; not "Berry Lane", "Flint Hills", "Chesapeake Bay"
    known = owner or areas or head.endswith(_DISTRICT_ENDINGS) or country_from_name(head)
    if not known and not (n == 1 and country_from_demonym(head)):
        return None
    return areas


# a work or a water named after a town is no institution of it: geoparsing corpora give them no point of the town's
_SITE_WORDS: Final = frozenset(
    {
        "Bay",
        "Harbor",
        "Harbour",
        "River",
        "Airport",
        "International",
        "Township",
        "Town",
        "Village",
        "Area",
        "City",
        "Community",
    }
)


def _areas(ctx: DocPlaces, name: str) -> list[Place]:
    """The first-level regions and countries a name can be."""
    return [p for p in ctx.resolver.gazetteer.candidates(name) if p.kind in ("admin1", "country")]


def _lies_in(place: Place, area: Place) -> bool:
    """Whether a place lies in a region or country ("Maiduguri" in "Borno")."""
    if place.country != area.country:
        return False
    return area.kind == "country" or name_key(place.admin1 or "") == name_key(area.admin1 or area.name)


def _small_lone_town(r: ResolvedPlace) -> bool:
    """A town under 100,000, not listed among others, with its own admin1 and no country tied to it."""
    place, m = r.place, r.mention
    return (
        place is not None and place.kind == "settlement" and not m.listed and bool(place.admin1)
        and not m.country and place.population < 100_000
    )  # fmt: skip


# -- the document -------------------------------------------------------------------------------------


class DocPlaces:
    """The place mentions of one document, resolved together (see the module's docstring)."""

    def __init__(
        self,
        doc: Doc,
        resolver: PlaceResolver,
        words: PlaceWords | None = None,
        regions: RegionTable | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.resolver = resolver
        self.words = words or default_place_words()
        self.regions = regions or default_regions()
        self.resolved = _Resolved()
        self.sentences: dict[int, tuple[int, int]] = {}
        self.in_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
        self._points: tuple[dict[int, tuple[float, float]], dict[tuple[float, float], set[str]]] | None = None
        self.doc_countries: Counter[str] = Counter()
        self.name_spans: list[tuple[int, int]] = []
        self.admin1_doc: Counter[tuple[str, str]] = Counter()
        self.region_keys: dict[tuple[str | None, str], Place] = {}
        self.by_name: set[str] = set()
        self.as_region: set[int] = set()
        self.undecided: set[int] = set()  # names of a country and of a region abroad, not yet read ("Georgia")
        self.set_aside: set[int] = set()  # small places abroad as far as the places read before them show
        self.districts: dict[tuple[str, str, str], set[int]] = {}
        self.near_readings: dict[int, float] = {}
        self.abroad: set[int] = set()  # namesakes abroad before an area of another country
        self.wide: dict[str, tuple[float, float]] = {}  # the points of the countries named

    def resolve(self, mentions: list[PlaceMention]) -> list[ResolvedPlace]:
        """Every kept mention, resolved, in text order."""
        if not mentions:
            return []
        has_sentences = self.doc.has_annotation("SENT_START")
        self.sentences = {m.start: self._sentence_of(m, has_sentences) for m in mentions}
        for start, sentence in self.sentences.items():
            self.in_sentence[sentence].append(start)
        self.name_spans = [(m.start, m.end) for m in mentions]
        self.doc_countries = _document_countries(self.doc, self.words, names=self.name_spans)
        self.districts = self._district_pairs(mentions)
        self.near_readings = reading_support(
            self.resolver.gazetteer,
            # a region's name ("Middle East") is no evidence for the villages called so (Middle East, Maryland)
            [
                m.name
                for m in mentions
                if not m.people
                and not m.dateline
                and country_of_name(m.name) is None
                and self.regions.find(m.name) is None
            ],
        )
        first_pass = self._first_pass(mentions)
        anchors = self._geography()
        unknown = self._second_pass(mentions, anchors)
        unknown += self._namesakes()
        unknown.sort(key=lambda m: m.start)
        self._third_pass(mentions, unknown, first_pass, anchors)
        return [self.resolved[m.start] for m in mentions if m.start in self.resolved]

    def _district_pairs(self, mentions: list[PlaceMention]) -> dict[tuple[str, str, str], set[int]]:
        """The districts that one name of the document can be and another's town can lie in, with the
        mentions that read so ("Huntsville" and "Walker County": Walker County, Texas)."""
        if not any(
            m.kind in ("district", "region") or m.container or m.name.endswith(_DISTRICT_ENDINGS) for m in mentions
        ):
            return {}
        towns: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        units: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        gazetteer = self.resolver.gazetteer
        for m in mentions:
            if m.country is not None or m.modifier:
                continue
            for p in gazetteer.candidates(m.name):
                if p.admin2 and p.kind in ("settlement", "admin2"):
                    (towns if p.kind == "settlement" else units)[district_key(p)].add(m.start)
        return {key: towns[key] | starts for key, starts in units.items() if key in towns and towns[key] - starts}

    def district_hint(self, start: int) -> frozenset[tuple[str, str, str]]:
        """The districts of :meth:`_district_pairs` that another mention than this one reads."""
        return frozenset(key for key, starts in self.districts.items() if starts - {start})

    # -- passes ---------------------------------------------------------------------------------------

    def _first_pass(self, mentions: list[PlaceMention]) -> set[int]:
        for m in mentions:
            sentence = self.sentences[m.start]
            decided = first([macro_region], self, m, sentence) or first([country_name_rule], self, m)
            decided = decided or first([region_phrase], self, m, sentence)
            if decided is not None:
                self.resolved[m.start] = self._decided(decided.value, decided.rule)
        return set(self.resolved)

    def _geography(self) -> dict[int, tuple[float, float]]:
        """What the first pass fixed: the document's admin1 regions, its points, its region names."""
        anchors: dict[int, tuple[float, float]] = {}
        for r in self.resolved.values():
            if r.place is not None and r.country and r.admin1 and r.mention.votes:
                self.admin1_doc[(r.country, name_key(r.admin1))] += 1
            # a country's point is a representative one, not a place of the story: a town near the middle of
            # the United States is no likelier for it ("Washington" is not the Kansas town)
            if r.place is not None and r.place.latitude is not None and r.place.longitude is not None:
                point = (r.place.latitude, r.place.longitude)
                if r.kind != "country" and r.mention.votes:
                    anchors[r.mention.start] = point
                elif r.country:
                    self.wide[r.country] = point  # but it does say which part of the world the story is in
        regions = [
            r
            for r in self.resolved.values()
            if r.place is not None
            and r.place.kind == "admin1"
            and r.mention.kind == "region"
            and not r.mention.listed
            and capital_government(r.place.name) is None
        ]
        # by its name and by the name the text gave it ("Idlib province" is ACLED's Idleb)
        self.region_keys = {
            (r.country, key): r.place
            for r in regions
            if r.place is not None
            for key in (name_key(r.place.name), strip_admin_terms(name_key(r.mention.name)))
        }
        self.by_name = {
            r.country for r in self.resolved.values() if r.kind == "country" and r.country and not r.mention.modifier
        }
        return anchors

    def _second_pass(self, mentions: list[PlaceMention], anchors: dict[int, tuple[float, float]]) -> list[PlaceMention]:
        if self.districts:
            self._country_towns()  # "Lebanon" and "Boone County": the town, before the county is read as abroad
        named = set(self.doc_countries) | {r.country for r in self.resolved.values() if r.country}
        unknown: list[PlaceMention] = []
        dual = [m for m in mentions if m.start not in self.resolved and self._dual_name(m)]
        self.undecided = {m.start for m in dual}
        for m in mentions:
            if m.start in self.resolved or m.start in self.undecided:
                continue  # a dual name is decided once the places around it are known
            hints = self.hints(m, self.sentences[m.start], self.admin1_doc, self.resolved, anchors)
            found = in_context(self, m, hints, named, self.by_name)
            if found is not None and uncued_abroad(found, self.doc_countries):
                continue
            if found is None:
                unknown.append(m)
            else:
                self.resolved[m.start] = self._decided(found, in_context.name)
        unknown = self._again_abroad(unknown, named, anchors)
        self.undecided = set()
        for m in dual:
            found = country_or_region(self, m)
            if found is not None:
                self.resolved[m.start] = self._decided(found, country_or_region.name)
                self.as_region.add(m.start)  # "Niger" the state: no vote for the country Niger any more
                self.doc_countries = _document_countries(self.doc, self.words, self.as_region, self.name_spans)
            else:
                code = country_of_name(m.name) or ""
                place = country_place(code, self.resolver.gazetteer)
                rules = {"geo_precision": region_precision.name}
                country = ResolvedPlace(m, place, code, None, 3, "country", rules=rules)
                self.resolved[m.start] = self._decided(country, country_name_rule.name)
        self._bracket_countries(mentions, named, anchors)
        regions, points = self._consensus(anchors)
        for start, r in list(self.resolved.items()):
            again = second_look(self, start, r, points, regions)
            if again is not None:
                self.resolved[start] = self._decided(again, second_look.name)
        self._within_next(mentions)
        self._country_towns()
        return [m for m in unknown if m.start not in self.resolved]

    def _bracket_countries(
        self, mentions: list[PlaceMention], named: set[str], anchors: dict[int, tuple[float, float]]
    ) -> None:
        """A place and the areas in the bracket after it ("Dossi (Boni, Tuy)") lie in one country: a name of the
        chain read in another country is read again in the chain's, or kept unresolved there (``bracket_country``)."""
        for chain in _bracket_chains(self.text, mentions):
            code = bracket_country(self, chain)
            if code is None:
                continue
            for m in chain:
                r = self.resolved.get(m.start)
                if r is None or not r.country or r.country == code:
                    continue
                hints = self.hints(m, self.sentences[m.start], self.admin1_doc, self.resolved, anchors)
                hints = replace(hints, strict_country=code)
                found = in_context(self, replace(m, country=code), hints, named | {code}, self.by_name)
                if found is not None and found.country == code and not found.fuzzy:
                    found.rules["country"] = bracket_country.name
                    self.resolved[m.start] = self._decided(found, in_context.name)
                else:
                    self.abroad.add(m.start)  # kept unresolved, in the chain's country (see _namesakes)

    def _again_abroad(
        self, unknown: list[PlaceMention], named: set[str], anchors: dict[int, tuple[float, float]]
    ) -> list[PlaceMention]:
        """The places set aside as abroad, read again with the countries of every place read since ("Orange
        County" before "California" in a story that names Greece): those still abroad stay unknown."""
        more = {r.country for r in self.resolved.values() if r.country and _votes(r)} - named
        if not more or not self.set_aside:
            return unknown
        named = named | more
        out: list[PlaceMention] = []
        for m in unknown:
            found = None
            if m.start in self.set_aside:
                hints = self.hints(m, self.sentences[m.start], self.admin1_doc, self.resolved, anchors)
                found = in_context(self, m, hints, named, self.by_name)
            if found is None or uncued_abroad(found, self.doc_countries):
                out.append(m)
            else:
                self.resolved[m.start] = self._decided(found, in_context.name)
        return out

    def _country_towns(self) -> None:
        """A country's name read as a town of the document's own region (``country_name_as_town``)."""
        counts: Counter[tuple[str, str]] = Counter(
            (r.country, name_key(r.admin1))
            for r in self.resolved.values()
            if r.place is not None and r.kind in ("settlement", "admin2") and r.country and r.admin1 and _votes(r)
        )
        region = None
        if sum(counts.values()) >= 3:
            ((best, n),) = counts.most_common(1)
            region = best if n * 5 >= sum(counts.values()) * 3 else None  # three fifths of its towns lie there
        if region is None and not self.districts:
            return
        changed = False
        for start, r in list(self.resolved.items()):
            found = country_name_as_town(self, r, region)
            if found is not None:
                self.resolved[start] = self._decided(found, country_name_as_town.name)
                self.as_region.add(start)  # no vote for the country any more
                changed = True
        if changed:
            self.doc_countries = _document_countries(self.doc, self.words, self.as_region, self.name_spans)
            self.by_name = {
                r.country
                for r in self.resolved.values()
                if r.kind == "country" and r.country and not r.mention.modifier
            }

    def _consensus(
        self, anchors: dict[int, tuple[float, float]]
    ) -> tuple[dict[tuple[str, str], float], dict[int, tuple[float, float]]]:
        """The regions and points of every place resolved so far (a name with one reading counts fully, one
        with several half), for the second look."""
        regions: dict[tuple[str, str], float] = dict(self.admin1_doc)
        points = dict(anchors)
        voted: set[tuple[str, str, str]] = set()
        for start, r in self.resolved.items():
            if r.place is None or r.kind not in ("settlement", "admin2", "admin1") or r.mention.dateline:
                continue
            if not r.mention.votes:
                continue
            # a name said six times votes once: "Springfield" read in Missouri does not outvote "Ohio"
            said = (r.country or "", name_key(r.admin1 or ""), name_key(r.mention.name))
            if r.country and r.admin1 and start not in anchors and said not in voted:
                voted.add(said)
                key = (r.country, name_key(r.admin1))
                regions[key] = regions.get(key, 0.0) + (1 if r.alternatives == 0 else 0.5)
            if r.place.latitude is not None and r.place.longitude is not None:
                points[start] = (r.place.latitude, r.place.longitude)
        return regions, points

    def _within_next(self, mentions: list[PlaceMention]) -> None:
        """ "Birmingham, Alabama", "Dossi (Boni, Tuy)": a place followed by the area it lies in."""
        for i, m in enumerate(mentions):
            if i + 1 < len(mentions) and _COMMA.fullmatch(self.text[m.end : mentions[i + 1].start]):
                district = district_before_its_region(self, m, mentions[i + 1])
                if district is not None:
                    self.resolved[m.start] = self._decided(district, district_before_its_region.name)
                    continue
            for area_mention in mentions[i + 1 : i + 3]:
                if area_mention.modifier or area_mention.people:
                    break  # "In the Donetsk region, Russian forces ...": a people's adjective holds no place
                between = self.text[m.end : area_mention.start].strip()
                inside = _IN_AREA.match(between) is not None  # "Shinan town in Idleb countryside"
                bracket = area_mention.container and _BRACKET_AFTER.match(between) is not None
                if between not in (",", "(") and not inside and not bracket:
                    break
                if bracket and area_mention is mentions[i + 1] and name_key(area_mention.name) == name_key(m.name):
                    continue  # "Cadaado town (Cadaado, Galgaduud)": the district of the town's name says nothing more
                area = self.resolved.get(area_mention.start)
                other = area_of_place_before(self, m, area) if area is not None and between == "," else None
                if other is not None:  # "Tacoma, Washington": the state, not the capital's district
                    area = self.resolved[area_mention.start] = self._decided(other, area_of_place_before.name)
                found = within_next(self, m, area) if area is not None else None
                if found is not None:
                    self.resolved[m.start] = self._decided(found, within_next.name)
                    break
                named_area = between == "," or inside or bracket
                if area is not None and named_area and namesake_before_area(self, m, area_mention, area):
                    self.abroad.add(m.start)  # kept unresolved, in the area's country (see _namesakes)
                    break

    def _namesakes(self) -> list[PlaceMention]:
        """Small towns outside the region their sentence (or the document) names: unresolved namesakes."""
        regions = {
            (r.country, name_key(r.admin1))
            for r in self.resolved.values()
            if r.place is not None and r.kind == "admin1" and r.mention.kind == "region" and r.country and r.admin1
        }
        out: list[PlaceMention] = []
        for start, r in list(self.resolved.items()):
            if (
                start in self.abroad
                or outside_named_region(self, r, self.sentences[start], regions)
                or (lone_spelling_abroad(self, r))
            ):
                del self.resolved[start]
                # a name followed by the area it lies in is a place for sure, whatever the model tagged it
                out.append(replace(r.mention, strong=True) if start in self.abroad else r.mention)
        return out

    def _third_pass(
        self,
        mentions: list[PlaceMention],
        unknown: list[PlaceMention],
        first_pass: set[int],
        anchors: dict[int, tuple[float, float]],
    ) -> None:
        # a dateline says where the report was filed, not where things happened: it does not vote
        for start, r in self.resolved.items():
            if (
                start not in first_pass
                and r.place is not None
                and r.country
                and r.admin1
                and not r.mention.dateline
                and r.mention.votes
            ):
                self.admin1_doc[(r.country, name_key(r.admin1))] += 1
        place_countries = Counter(
            r.country
            for r in self.resolved.values()
            if (r.place is not None or r.macro is not None) and r.kind != "country" and r.country
            and not r.mention.dateline
        )  # fmt: skip
        for m in unknown:
            if people_modifier(self.doc, m):
                continue
            if no_place_cue(m, has_place_cue(self.text, m.start, m.end, mentions, self.words)):
                continue
            hints = self.hints(m, self.sentences[m.start], self.admin1_doc, self.resolved, anchors)
            head = known_head(self, m, hints) if m.kind != "feature" else None
            if head is not None:
                self.resolved[m.start] = self._decided(head, known_head.name)
                continue
            found = self._unresolved(m, hints, place_countries)
            if not unknown_feature(found, self.text) and not unknown_acronym(found):
                self.resolved[m.start] = found

    def _unresolved(self, m: PlaceMention, hints: Hints, place_countries: Counter[str]) -> ResolvedPlace:
        # (an area in a bracket takes the region of the areas beside it, below: "(Ward, District, Region)")
        area = None if m.country or m.container else area_written_after(self, m)
        if area is not None:
            kind = {"region": "admin1", "district": "admin2"}.get(m.kind or "", "settlement")
            found = ResolvedPlace(m, None, area.country, area.admin1, 3 if m.kind != "district" else 2, kind)
            found.rules["country"] = area_written_after.name
            return found
        in_sentence = [c for c, w in hints.countries.items() if w >= 1.0]
        # the places resolved in its own sentence ("the village of Kfarjouz near Nabatieh") say more than
        # the document's majority
        beside = {c for (c, _), w in hints.admin1.items() if w >= 1.0}
        majority = place_countries.most_common(1)[0][0] if place_countries else None
        filed = self._dateline_places()
        country = unresolved_context(m, in_sentence, beside, majority, _best(hints.countries) or filed[0])
        admin1 = None
        if country is not None:
            # the dateline's province is where the report was filed: it says nothing of an unknown village's
            in_country = {k: v for k, v in hints.admin1.items() if k[0] == country and k not in filed[1]}
            best = _best(in_country)
            if best is not None and (in_country[best] >= 1.0 or _dominant(self.admin1_doc, country) == best):
                region = self.resolver.gazetteer.admin1_place(country, best[1])
                admin1 = region.name if region is not None else None
        kind = {"region": "admin1", "district": "admin2", "feature": "feature"}.get(m.kind or "", "settlement")
        found = ResolvedPlace(m, None, country, admin1, 3 if m.kind != "district" else 2, kind)
        if country is not None:
            found.rules["country"] = unresolved_context.name
        return found

    # -- helpers --------------------------------------------------------------------------------------

    def _dateline_places(self) -> tuple[str | None, set[tuple[str, str]]]:
        """The country of the dateline and the provinces only the dateline names ((country, admin1 key))."""
        dateline = [r for r in self.resolved.values() if r.mention.dateline and r.country]
        named = {(r.country or "", name_key(r.admin1)) for r in self.resolved.values()
                 if not r.mention.dateline and r.country and r.admin1}
        only = {(r.country or "", name_key(r.admin1)) for r in dateline if r.admin1} - named
        return (dateline[0].country if dateline else None), only

    def _decided(self, found: ResolvedPlace, rule_name: str) -> ResolvedPlace:
        field_name = "name" if found.macro is not None else "gazetteer_id"
        found.rules.setdefault(field_name, rule_name)
        return found

    def as_resolved(self, m: PlaceMention, place: Place, fuzzy: bool, alternatives: int = 0) -> ResolvedPlace:
        """A mention resolved to a gazetteer place, with the precision the precision rules give."""
        decided = first(PRECISION_RULES, place, m)
        precision = decided.value if decided is not None else 1
        country = place.country or None  # a continent lies in no one country
        out = ResolvedPlace(m, place, country, place.admin1, precision, place.kind, fuzzy, alternatives)
        if decided is not None:
            out.rules["geo_precision"] = decided.rule
        return out

    def _dual_name(self, m: PlaceMention) -> bool:
        code = country_of_name(m.name)
        if code is None or m.kind is not None or m.label == "DEMONYM" or self.place_within(m.name, code):
            return False  # "Gaza" is a place inside the country it stands for
        return self.region_abroad(m.name, code) is not None

    def region_abroad(self, name: str, code: str) -> Place | None:
        """A first-level region of another country by this exact name ("Georgia" in the US, "Niger" in
        Nigeria), if any."""
        key = name_key(name)
        return next(
            (
                p
                for p in self.resolver.gazetteer.candidates(name)
                if p.kind == "admin1" and p.country != code and name_key(p.name) == key
            ),
            None,
        )

    def support(self, code: str | None, m: PlaceMention) -> float:
        """How much the document points to a country, the mention itself aside: its other names of the
        country (by name 2, by people's adjective 1) and its places resolved there (1 each)."""
        if not code:
            return 0.0
        key = name_key(m.name)
        named = sum(
            2.0 if by_name == code else 1.0
            for start, end, by_name, by_demonym in _country_entities(self.doc, self.words)
            if code in (by_name, by_demonym) and name_key(self.text[start:end]) != key
        )
        places = sum(
            1.0
            for r in self.resolved.values()
            if r.country == code and r.kind != "country" and r.mention.start != m.start and not r.mention.dateline
        )
        return named + places

    def place_within(self, name: str, code: str) -> bool:
        """Whether a name that stands for a country is also a place inside it ("Gaza", "West Bank"):
        then the gazetteer's place is meant, not the whole country."""
        if name_key(name) == name_key(country_name(code) or ""):
            return False
        return any(
            p.country == code and p.kind in ("admin1", "settlement") for p in self.resolver.gazetteer.candidates(name)
        )

    def hints(
        self,
        m: PlaceMention,
        sentence: tuple[int, int],
        admin1_doc: Mapping[tuple[str, str], float],
        resolved: _Resolved,
        anchors: dict[int, tuple[float, float]],
        without: int | None = None,
    ) -> Hints:
        """The context of one mention: countries and regions of its sentence and document, nearby points.

        ``without`` is a resolved place left out (the mention's own, when it is looked at again). Only the
        places of the mention's sentence are walked; the document's are tallied as they are resolved.
        """
        countries: dict[str, float] = defaultdict(float)
        total = sum(self.doc_countries.values()) or 1
        for code, n in self.doc_countries.items():
            countries[code] += _DOCUMENT * n / total
        for code, weight in self.sentence_countries(sentence, m).items():
            countries[code] = max(countries[code], weight)
        admin1: dict[tuple[str, str], float] = defaultdict(float)
        total1 = sum(admin1_doc.values()) or 1.0
        for key, votes in admin1_doc.items():
            admin1[key] += _DOCUMENT * 2 * votes / total1
        own = name_key(m.name)  # the name's own other mentions are no evidence for its reading
        here = [(s, r) for s, r in self._resolved_in(sentence, resolved) if name_key(r.mention.name) != own]
        for start, r in here:
            if (
                start != without
                and (r.place is not None or r.macro is not None)
                and r.admin1
                and r.country
                and r.mention.votes  # "Mississippi State's guard" says nothing of where towns lie
            ):
                key = (r.country, name_key(r.admin1))
                admin1[key] = max(admin1[key], 1.0)
        self._place_countries(m, here, resolved, countries)
        strict = m.country or (country_of_name(m.name) if m.kind is None else None)
        if m.within is not None:
            strict = strict or m.within[0]
            admin1[(m.within[0], name_key(m.within[1]))] = 3.0
        return Hints(
            countries=dict(countries),
            admin1=dict(admin1),
            kind=m.kind,
            # a name that stands for a country ("Gaza") is a place inside that country, never a namesake abroad
            strict_country=strict,
            area=m.container,
            anchors=self._other_points(anchors, m),  # not its own points
            wide=self.wide,
            districts=self.district_hint(m.start) if self.districts else frozenset(),
            support=self.near_readings,
        )

    def _resolved_in(self, sentence: tuple[int, int], resolved: _Resolved) -> list[tuple[int, ResolvedPlace]]:
        """The places of a sentence resolved so far, in the order they were resolved."""
        starts = sorted((resolved.seq[s], s) for s in self.in_sentence.get(sentence, ()) if s in resolved)
        return [(s, resolved[s]) for _, s in starts]

    def _other_points(self, anchors: dict[int, tuple[float, float]], m: PlaceMention) -> list[tuple[float, float]]:
        """The distinct points of ``anchors`` but those of the mention's own name: "Paris" said three times is
        no evidence that Paris is near Paris (unless another name shares the point)."""
        if self._points is None or self._points[0] is not anchors:
            names: dict[tuple[float, float], set[str]] = defaultdict(set)
            for start, point in anchors.items():  # gathered once per set of anchors, not per mention
                r = self.resolved.get(start)
                names[point].add(name_key(r.mention.name) if r is not None else "")
            self._points = (anchors, names)
        own = name_key(m.name)
        return [p for p, keys in self._points[1].items() if keys != {own}]

    @staticmethod
    def _place_countries(
        m: PlaceMention, here: list[tuple[int, ResolvedPlace]], resolved: _Resolved, countries: dict[str, float]
    ) -> None:
        """The countries of the places already resolved (towns and regions): those of its sentence count like
        a people's adjective (0.5), the document's by their share (up to 0.4); a dateline does not vote."""
        for start, r in here:
            if start != m.start and r.country and _votes(r):
                countries[r.country] = max(countries.get(r.country, 0.0), _SENTENCE_DEMONYM)
        # a name said three times would vote for its own reading three times: its mentions are no evidence
        key = name_key(m.name)
        votes = {code: n - resolved.named.get((key, code), 0) for code, n in resolved.votes.items()}
        total = sum(votes.values())
        for code, n in votes.items():
            if n > 0:
                countries[code] = max(countries.get(code, 0.0), _DOCUMENT * n / total)

    def sentence_countries(self, sentence: tuple[int, int], m: PlaceMention) -> dict[str, float]:
        """Countries named in a mention's sentence (by name 1.0, by demonym 0.5), the mention itself aside."""
        out: dict[str, float] = {}
        for start, end, by_name, by_demonym in _country_entities(self.doc, self.words):
            if not (sentence[0] <= start < sentence[1]) or (start < m.end and m.start < end):
                continue
            if start in self.as_region:
                continue
            if by_name and start in self.undecided:
                # "a Georgia jail" may be the US state: no more than a people's adjective till it is read
                out[by_name] = max(out.get(by_name, 0.0), _SENTENCE_DEMONYM)
            elif by_name:
                out[by_name] = max(out.get(by_name, 0.0), _SENTENCE)
            elif by_demonym:
                out[by_demonym] = max(out.get(by_demonym, 0.0), _SENTENCE_DEMONYM)
        return out

    def _sentence_of(self, m: PlaceMention, has_sentences: bool) -> tuple[int, int]:
        span = expand(self.doc, m.start, m.end)
        if span is None or not has_sentences:
            return (0, len(self.text))
        sent = sentence_at(self.doc, span[0])  # a mention never starts in white space: its span is never empty
        return (sent.start_char, sent.end_char)


# a place and the bracket of areas after it: "X (A, B)", "X village (A, B)", "X township (A district, B state)",
# "X - Neighbourhood (A)"
_CHAIN_OPEN: Final = re.compile(r"(?:-\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}\s*)?(?:[a-z]+\s*)?\(")


def _bracket_chains(text: str, mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Each place followed by a bracket of the areas it lies in, with those areas, in text order."""
    ms = sorted(mentions, key=lambda m: m.start)
    chains: list[list[PlaceMention]] = []
    for i in range(len(ms) - 1):
        m, first_area = ms[i], ms[i + 1]
        between = text[m.end : first_area.start]
        if not first_area.container or between.startswith("-") or not _CHAIN_OPEN.fullmatch(between.strip()):
            continue  # "Salvador - Valeria (Bahia)", not "Porto-Novo (Porto-Novo, Oueme)" read from "Porto"
        close = text.find(")", first_area.end)
        if close < 0:
            continue
        chain = [m, first_area]
        for other in ms[i + 2 :]:
            if other.start > close or text[chain[-1].end : other.start].strip() != ",":
                break
            chain.append(other)
        chains.append(chain)
    return chains


@rule(
    "places.resolve.bracket_country",
    decides="location.country",
    positive=[
        Example(
            "On 3 March 2021, gunmen attacked the village of Kaya Peulh (Pensa, Sanmatenga), killing two herders.",
            {"location.name": "Sanmatenga", "!location.country": "RU"},
        )
    ],
    negative=[
        Example(
            "On 3 March 2021, gunmen attacked the village of Barsalogho (Sanmatenga), killing two herders.",
            {"location.name": "Barsalogho", "location.country": "BF"},
        )
    ],
)
def bracket_country(ctx: DocPlaces, chain: list[PlaceMention]) -> str | None:
    """The one country a place and the areas bracketed after it lie in: the country two or more of the
    bracket's names can be in, else the country of the last area read as an admin unit where the place can lie
    ("Pensa, Sanmatenga": Burkina Faso, not Penza in Russia); an area that repeats the place's name says
    nothing ("Saint Louis (Rao, Saint Louis)"), nor does a name read as a town ("Arizona (Ayton)": a person).
    None when every name of the chain is already read there, or nothing decides."""
    own = name_key(chain[0].name)
    areas = [m for m in chain[1:] if name_key(m.name) != own]
    counts = _area_countries(ctx, areas)
    if not counts:
        return None
    top = max(counts.values())
    best = [c for c, n in counts.items() if n == top]
    if top < 2 or len(best) > 1:
        code = _last_unit_country(ctx, chain[0], areas[-1], counts)
        best = [code] if code else []
    if len(best) != 1:
        return None
    read = [ctx.resolved[m.start].country for m in chain if m.start in ctx.resolved]
    return best[0] if any(c and c != best[0] for c in read) else None


def _area_countries(ctx: DocPlaces, areas: list[PlaceMention]) -> Counter[str]:
    """For each country, how many of the areas can be in it: what a name was read as (a near spelling too)
    does not vote, the names it can be do."""
    gazetteer = ctx.resolver.gazetteer
    counts: Counter[str] = Counter()
    for m in areas:
        codes = {p.country for p in gazetteer.candidates(m.name) if p.country}
        if m.kind in ("region", "district"):
            codes |= {p.country for p in gazetteer.candidates(strip_admin_terms(m.name)) if p.country}
        code = country_of_name(m.name)
        counts.update(codes | ({code} if code else set()))
    return counts


def _last_unit_country(ctx: DocPlaces, place: PlaceMention, last: PlaceMention, counts: Counter[str]) -> str | None:
    """The country of the last area when it is read as an admin unit and the place can lie there."""
    r = ctx.resolved.get(last.start)
    if r is None or r.kind not in ("admin1", "admin2", "country") or not r.country or r.country not in counts:
        return None
    where = {p.country for p in ctx.resolver.gazetteer.candidates(place.name)}
    return r.country if not where or r.country in where else None


def _votes(r: ResolvedPlace) -> bool:
    # countries vote through the names the text gives them (neighbours and "US-backed" aside)
    return bool(r.country) and not r.mention.dateline and not r.mention.modifier and r.kind != "country"


class _Resolved(dict[int, ResolvedPlace]):
    """The places resolved so far by mention start, with the document-wide tallies every mention's hints read.

    The tallies are kept as places are set or dropped, so that a mention's hints cost its sentence rather
    than the whole document (a long list of places cost quadratic time); ``seq`` keeps the order in which
    each start was first resolved, the order the hints read its sentence's places in.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seq: dict[int, int] = {}
        self.votes: Counter[str] = Counter()  # countries of resolved towns and regions that vote
        self.named: Counter[tuple[str, str]] = Counter()  # the same votes by (name key, country)
        self.countries: Counter[str] = Counter()  # countries of every resolved place
        self._next = 0

    def __setitem__(self, start: int, r: ResolvedPlace) -> None:
        old = self.get(start)
        if old is None:
            self.seq[start] = self._next
            self._next += 1
        else:
            self._tally(old, -1)
        super().__setitem__(start, r)
        self._tally(r, 1)

    def __delitem__(self, start: int) -> None:
        self._tally(self[start], -1)
        del self.seq[start]
        super().__delitem__(start)

    def _tally(self, r: ResolvedPlace, n: int) -> None:
        if r.country:
            self.countries[r.country] += n
            if _votes(r):
                self.votes[r.country] += n
                self.named[(name_key(r.mention.name), r.country)] += n

    def countries_without(self, start: int) -> set[str]:
        """The countries of the resolved places but the one at ``start``."""
        own = self.get(start)
        mine = own.country if own is not None else None
        return {c for c, n in self.countries.items() if n - (c == mine) > 0}


def _document_countries(doc: Doc, words: PlaceWords, regions: set[int] | None = None,
                        names: Sequence[tuple[int, int]] = ()) -> Counter[str]:
    """Countries the document names, by name (twice) or by demonym (once); ``regions`` are the starts of
    names read as a region instead ("Niger" the Nigerian state); ``names`` are the spans of the place names,
    and a country word inside a longer one ("Datu Saudi Ampatuan") names no country."""
    counts: Counter[str] = Counter()
    for start, end, by_name, by_demonym in _country_entities(doc, words):
        if regions and start in regions:
            continue
        if any(s <= start and end <= e and e - s > end - start for s, e in names):
            continue
        if by_name:
            counts[by_name] += 2
        elif by_demonym:
            counts[by_demonym] += 1
    return counts


def _country_entities(doc: Doc, words: PlaceWords) -> list[tuple[int, int, str | None, str | None]]:
    """Each entity that may name a country: (start, end, country by name, country by demonym); once per Doc."""
    cached = doc.user_data.get(_COUNTRY_ENTITIES)
    if cached is None:
        cached = []
        text = doc_text(doc)
        for ent in entity_rows(doc):
            if _compound(text, ent.end) or _beside(text[max(0, ent.start - 30) : ent.start], words):
                continue  # "near the border with Egypt": a neighbour, not where the place is
            if words.side_after.match(text, ent.end):
                continue  # "US forces struck": a side, not where it struck
            by_name, by_demonym = _entity_countries(ent.text, ent.label, words)
            if by_name or by_demonym:
                cached.append((ent.start, ent.end, by_name, by_demonym))
        doc.user_data[_COUNTRY_ENTITIES] = cached
    return cached


@lru_cache(maxsize=16384)
def _entity_countries(text: str, label: str, words: PlaceWords) -> tuple[str | None, str | None]:
    """The country an entity names by name (a GPE or LOC) and by demonym (a NORP or GPE); memoised."""
    bare = strip_direction(text.removesuffix("’s").removesuffix("'s").strip(), words)
    by_name = country_from_name(bare) if label in ("GPE", "LOC") else None
    by_demonym = country_from_demonym(bare) if label in ("NORP", "GPE") else None
    return by_name, by_demonym


def _beside(before: str, words: PlaceWords) -> bool:
    """Whether the words before an entity make it a neighbour or an origin ("the border with", "a native of")."""
    return any(w in before for w in words.beside_words) and bool(words.beside.search(before))


def _compound(text: str, end: int) -> bool:
    """Whether an entity begins a compound modifier ("US-backed", "Saudi-led"): who, not where."""
    return text[end : end + 1] in ("-", "‐", "‑")


def _best(weights: dict[Any, float]) -> Any:
    return max(weights, key=lambda k: weights[k]) if weights else None


def _dominant(counts: Counter[tuple[str, str]], country: str) -> tuple[str, str] | None:
    """The admin1 of ``country`` named in most of the document's resolved places, if it has most of them."""
    within = {k: n for k, n in counts.items() if k[0] == country}
    if not within:
        return None
    best = max(within, key=lambda k: within[k])
    return best if within[best] * 2 > sum(within.values()) else None


@rule(
    "places.drop.lone_spelling_abroad",
    decides="location.gazetteer_id",
    positive=[
        Example(
            "On 2 March 2021, presumed militants attacked the village of Tibga near Gayeri, Komondjari, killing two "
            "herders.",
            {"!location.country": "JP", "location.name": "Gayeri"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked the outskirts of Kupyansk and Kharkiv on Monday.",
            {"location.name": "Kupyansk"},
        )
    ],
)
def lone_spelling_abroad(ctx: DocPlaces, r: ResolvedPlace) -> bool | None:
    """A name matched only by a near spelling, in a country nothing else in the document points to while its
    other places lie elsewhere ("Tibga (Gayeri, Komondjari)" is not Chiba, Japan), is a place the gazetteer
    lacks: kept unresolved, with the country of its neighbours."""
    if not r.fuzzy or r.place is None or not r.country or r.country in ctx.doc_countries:
        return None
    others = {
        o.country
        for o in ctx.resolved.values()
        if o is not r
        and o.country
        and o.place is not None
        and not o.fuzzy
        and not o.mention.modifier
        and o.kind != "country"  # towns and regions say where; a country may be a sponsor ("US-backed")
    }
    return True if others and r.country not in others else None
