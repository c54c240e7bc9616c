"""Shared ``Annotated`` types and vocabularies used by every model.

>>> from pydantic import TypeAdapter
>>> TypeAdapter(CountryCode).validate_python("UA")
'UA'
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints

__all__ = [
    "ACLED_ACTOR_KINDS",
    "ACTOR_KINDS",
    "ActorKind",
    "ClaimKind",
    "Confidence",
    "CountryCode",
    "FigureCategory",
    "GeoPrecision",
    "Id",
    "Latitude",
    "LocationKind",
    "Longitude",
    "NonNegativeInt",
    "Offset",
    "Precision",
    "Text",
    "TimeBasis",
    "TimexType",
]

Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(min_length=1)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Latitude = Annotated[float, Field(ge=-90.0, le=90.0)]
Longitude = Annotated[float, Field(ge=-180.0, le=180.0)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
NonNegativeInt = Annotated[int, Field(ge=0)]
Offset = Annotated[int, Field(ge=0)]

Precision = Literal["day", "week", "month", "year", "range"]
GeoPrecision = Literal[1, 2, 3]
# TimeML's TIMEX3 types: a DATE or TIME has a calendar value; a DURATION or SET is typed only.
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# What a time's dates rest on: the anchor, a date written out, another expression, or nothing said.
TimeBasis = Literal["anchor", "explicit", "reference", "unresolved"]
LocationKind = Literal["settlement", "admin2", "admin1", "country", "region", "feature"]
FigureCategory = Literal["killed", "wounded", "captured", "missing", "casualties", "personnel", "equipment", "other"]
ClaimKind = Literal["event", "casualties", "losses", "territory", "threat", "intent", "statement"]
ActorKind = Literal[
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
    "government",
    "organization",
    "person",
    "media",
    "unknown",
]

# ACLED's eight actor types, in inter-code order (1..8).
ACLED_ACTOR_KINDS: Final[tuple[str, ...]] = (
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
)
ACTOR_KINDS: Final[tuple[str, ...]] = (*ACLED_ACTOR_KINDS, "government", "organization", "person", "media", "unknown")
