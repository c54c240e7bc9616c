"""Which of a sentence's places an event happened at, when one of them only says where another lies.

Reports, and ACLED's notes above all, write a place followed by the area it lies in: "Moura, Mopti",
"Chasiv Yar, Donetsk", "Namoungou (Fada Ngourma, Gourma)". When the area is a region or district whose capital
shares its name, or a town in brackets, the gazetteer reads a settlement as specific as the place before it,
and the place before it may be a village no gazetteer knows (ranked below any located town). The event is at
the place the area qualifies, not at the area's town.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from ..gazetteer import name_key
from ..rules import Example, rule
from ..schema import Location

__all__ = ["located_countries", "place_before_its_area", "unsupported_abroad"]

_AREA_GAPS: Final = frozenset({",", "("})
_PLACES: Final = frozenset({"settlement", "feature"})


def _named_like_its_area(loc: Location) -> bool:
    """A town whose name is its region's or district's ("Mopti" in Mopti region; "Veracruz" in Veracruz de
    Ignacio de la Llave)."""
    own = name_key(loc.name)
    return any(
        area and (name_key(area) == own or name_key(area).startswith(own + " ")) for area in (loc.admin1, loc.admin2)
    )


@rule(
    "events.place.place_before_its_area",
    decides="event.location",
    positive=[
        Example(
            "Gunmen killed three herders in Moura, Mopti, on Sunday.",
            {"event.location.name": "Moura", "event.location.admin1": "Mopti"},
        ),
        Example(  # a village no gazetteer knows under the region's name ("Sumy" the town to the gazetteer)
            "On 5 June 2024, Russian artillery hit Stepok, Sumy, damaging a school.",
            {"event.location.name": "Stepok", "event.location.geo_precision": 2},
        ),
    ],
    negative=[
        Example("Gunmen killed three herders in Mopti on Sunday.", {"event.location.name": "Mopti"}),
        Example(  # a list of towns, each where it is, not a town and its area
            "Gunmen killed three herders in Djenne and Mopti on Sunday.",
            {"event.location.name": "Djenne"},
        ),
    ],
)
def place_before_its_area(best: Location, candidates: Sequence[Location], text: str) -> Location | None:
    """A town written in a bracket right after another place of its region, or a town named like its region or
    district written after one and a comma, names the area the other lies in: the event is at the other place."""
    if best.kind not in _PLACES or not best.country:
        return None
    # a bracket after a place holds the areas it lies in ("Namoungou (Fada Ngourma, Gourma)"); after a comma,
    # only a town named like its area is read as that area ("Mopti"): "Djenne, Mopti" may be a list
    gaps = {"("} if not _named_like_its_area(best) else _AREA_GAPS
    starts = sorted(b.start for b in best.mentions)
    ends = sorted(b.end for b in best.mentions)
    for other in candidates:
        if (
            other is best
            or other.kind not in _PLACES
            or other.modifier
            or other.country != best.country
            or (other.admin1 is not None and other.admin1 != best.admin1)
        ):
            continue
        if _in_bracket_after(ends, other, text):
            continue  # "Nouakchott (Tevragh Zeina, Nouakchott-Ouest)": a part listed in the town's own bracket
        for before in other.mentions:
            # only the mentions of ``best`` a gap's width after: a long text names both places many times
            near = starts[bisect_left(starts, before.end) : bisect_right(starts, before.end + _GAP_WIDTH)]
            if any(text[before.end : start].strip() in gaps for start in near):
                return other
    return None


_GAP_WIDTH: Final = 16  # characters between a place and the area after it: a comma or a bracket, and spaces
_BRACKET_WIDTH: Final = 200  # characters from a bracket's opening to a place listed in it


def _in_bracket_after(ends: list[int], other: Location, text: str) -> bool:
    """Whether a mention of ``other`` stands inside a bracket opened right after a mention of the best place
    (``ends``: where its mentions end, sorted)."""
    for o in other.mentions:
        for end in ends[bisect_left(ends, o.start - _BRACKET_WIDTH) : bisect_right(ends, o.start)]:
            between = text[end : o.start]
            if between.lstrip().startswith("(") and ")" not in between:
                return True
    return False


# between a place and the area written after it: a comma or a bracket, a kind word first ("X town (District, ...")
_AREA_AFTER: Final = re.compile(r"\s*(?:(?:town|village|city|area|locality|camp)\s*)?[,(]\s*$", re.IGNORECASE)
_AREA_NEXT: Final = re.compile(r"\s*(?:(?:town|village|city|area|locality|camp)\b\s*)?[,(]", re.IGNORECASE)
_AREAS: Final = frozenset({"admin1", "admin2"})


def located_countries(locations: Sequence[Location], text: str) -> frozenset[str]:
    """The countries of the regions and districts written after a place as the area it lies in ("X (Jamaame,
    Lower Juba)", "X, Mopti region"): where the report says its places are."""
    spans = sorted(((m.start, m.end, loc) for loc in locations for m in loc.mentions), key=lambda s: (s[0], s[1]))
    return frozenset(
        b[2].country
        for a, b in pairwise(spans)
        if b[2].kind in _AREAS and b[2].country and _AREA_AFTER.match(text, a[1], b[0])
    )


@rule(
    "events.place.unsupported_abroad",
    decides="event.location",
    positive=[
        Example(
            "On 9 March 2024, clan militias fought over a well at Dallas near Eyl town (Eyl, Nugaal).",
            {"event.location.name": "Eyl"},
        )
    ],
    negative=[
        Example(  # the place the report locates, abroad from the war it protests against
            "On 9 March 2024, a crowd marched in Nouakchott (Tevragh Zeina, Nouakchott-Ouest) against the war, and "
            "the Palestinian embassy thanked them.",
            {"event.location.name": "Nouakchott"},
        )
    ],
)
def unsupported_abroad(
    loc: Location, locations: Sequence[Location], located: frozenset[str], text: str
) -> bool | None:
    """A town or district of a country nothing else in the report names (no other place, no country, no people's
    adjective), while the report writes its places inside the areas of another country ("X (District, Region)"),
    is a namesake read into another word ("Toyota pickups", "Dallas" for a village), not where the event was;
    unless the report writes an area of its own after it ("Freetown city, a ward of the capital (...)")."""
    if not located or loc.modifier or not loc.country or loc.country in located or loc.gazetteer_id is None:
        return None
    if loc.kind not in ("settlement", "feature", "admin2"):
        return None
    if any(_own_area_after(loc, m.end, locations, text) for m in loc.mentions):
        return None
    if any(other.country == loc.country for other in locations if other.id != loc.id):
        return None
    return True


def _own_area_after(loc: Location, end: int, locations: Sequence[Location], text: str) -> bool:
    """Whether the report writes an area after a mention ending at ``end`` that is not another country's (its
    own, or one no gazetteer placed: "Freetown city, a ward of the capital (...)"; not "Karin village (Qardho,
    Bari)" for a namesake abroad)."""
    if not _AREA_NEXT.match(text, end):
        return False
    after = [(m.start, other) for other in locations for m in other.mentions if m.start >= end]
    if not after:
        return True
    start, nxt = min(after, key=lambda p: p[0])
    return not _AREA_AFTER.match(text, end, start) or nxt.country == loc.country
