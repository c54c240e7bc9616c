"""A building or an institution named with the town it stands in: a place of its own at that town's point.

"The envoy spoke at the Palais des Nations in Geneva", "a professor at Loyola University in Los Angeles",
"the Farmers Service Centre, in Goodlands": no gazetteer of towns holds the building, but the text says
where it is. The name becomes a place of kind ``feature`` with the town's point at ACLED precision 2 (a
point near it, as a village borrows its district town's); the town stays a place of its own, which the
events step prefers (a settlement at precision 1 ranks before a feature at 2).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._docindex import EntityRow, entity_rows
from ..rules import Example, rule
from ._mention_rules import PlaceMention
from ._place_rules import ResolvedPlace

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ._place_words import PlaceWords

__all__ = ["with_facilities"]

# what joins the building to its town: "X in Y", "X, Y", "X, in Y"
_TO_TOWN: Final = re.compile(r",\s*(?:in\s+)?|\s+in\s+(?:the\s+)?")
_THE: Final = re.compile(r"(?:[Tt]he)\s+")
_WORD: Final = re.compile(r"[A-Z][\w'’]*")
# the kinds of place a building can borrow a point from: a town or a district, not a province or a country
_TOWNS: Final = frozenset({"settlement", "admin2"})
RULE: Final = "places.point.facility_in_place"


@rule(
    RULE,
    decides="location.latitude",
    positive=[
        Example(
            "The envoy spoke to reporters at the Palais des Nations in Geneva on Monday.",
            {"location.name": "Palais des Nations", "location.kind": "feature", "location.country": "CH"},
        ),
        Example(
            "The wounded were taken to the Central Referral Hospital in Kakamega, police said.",
            {"location.name": "Central Referral Hospital", "location.geo_precision": 2, "location.country": "KE"},
        ),
    ],
    negative=[
        Example(  # a province after the building is too wide to lend it a point
            "The wounded were taken to the Central Referral Hospital in Kenya, police said.",
            {"!location.name": "Central Referral Hospital", "location.name": "Kenya"},
        ),
    ],
)
def facility_in_place(mention: PlaceMention, town: ResolvedPlace) -> ResolvedPlace | None:
    """A building's or an institution's name right before "in" or a comma and a town with a point lies at that
    town: the town's point, country and admin1, at precision 2."""
    p = town.place
    if town.kind not in _TOWNS or town.mention.modifier or town.mention.people or p is None:
        return None
    if p.latitude is None or p.longitude is None:
        return None
    return ResolvedPlace(
        mention=replace(mention, rule=RULE),
        place=None,
        country=town.country,
        admin1=town.admin1,
        precision=2,
        kind="feature",
        written=mention.name,
        point=(p.latitude, p.longitude),
        rules={"latitude": RULE},
    )


def with_facilities(doc: Doc, resolved: list[ResolvedPlace], words: PlaceWords) -> list[ResolvedPlace]:
    """The resolved places, with the buildings named before a town's name added (or given the town's point when
    they were found already and have none), in text order."""
    text = doc_text(doc)
    if not resolved or not any(w in text for w in words.facility_words):
        return resolved
    by_start = {r.mention.start: r for r in resolved}
    spans = sorted((r.mention.start, r.mention.end) for r in resolved)
    out = list(resolved)
    changed = False
    for i, r in enumerate(resolved):
        # a building already read as a place no gazetteer knows ("the University of California, Los Angeles")
        if r.place is None and r.macro is None and _is_facility(r.mention.name, words):
            town = _town_after(text, r.mention.end, by_start)
            found = facility_in_place(r.mention, town) if town is not None else None
            if found is not None:
                out[i], changed = found, True
    for ent in entity_rows(doc):
        mention = _facility_mention(ent, words)
        if mention is None or any(a < mention.end and mention.start < b for a, b in spans):
            continue
        town = _town_after(text, mention.end, by_start)
        found = facility_in_place(mention, town) if town is not None else None
        if found is not None:
            out.append(found)
            changed = True
    return sorted(out, key=lambda x: x.mention.start) if changed else resolved


def _facility_mention(ent: EntityRow, words: PlaceWords) -> PlaceMention | None:
    """An organisation's or a facility's entity of the model that names a building ("the Colony Theatre")."""
    if ent.label not in ("ORG", "FAC") or ent.ent_id:
        return None  # an actor the actor lexicon named is a side
    lead = _THE.match(ent.text)
    offset = lead.end() if lead else 0
    name = ent.text[offset:]
    if not _is_facility(name, words):
        return None
    return PlaceMention(ent.start + offset, ent.end, name, "feature", strong=True, label="FACILITY")


def _is_facility(name: str, words: PlaceWords) -> bool:
    return " " in name and any(w.group() in words.facility_words for w in _WORD.finditer(name))


def _town_after(text: str, end: int, by_start: dict[int, ResolvedPlace]) -> ResolvedPlace | None:
    joint = _TO_TOWN.match(text, end)
    return by_start.get(joint.end()) if joint else None
