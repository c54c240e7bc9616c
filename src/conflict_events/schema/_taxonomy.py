"""ACLED's event taxonomy: the six event types and their 25 sub-event types.

Labels are ACLED's, exactly (codebook 2023-24). The order inside each type is
ACLED's hierarchy order, highest first; :data:`EVENT_TYPES` is in the order of
the type hierarchy (a higher type wins when tactics are combined).

>>> SUB_EVENT_TYPES["Battles"][0]
'Government regains territory'
>>> event_type_of("Air/drone strike")
'Explosions/Remote violence'
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "DISORDER_TYPE",
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "EventTypeName",
    "event_type_of",
]

EventTypeName = Literal[
    "Battles",
    "Protests",
    "Riots",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
]

SUB_EVENT_TYPES: Final[dict[str, tuple[str, ...]]] = {
    "Battles": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ),
    "Protests": (
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPES: Final[tuple[str, ...]] = tuple(SUB_EVENT_TYPES)

_PARENT: Final[dict[str, str]] = {sub: parent for parent, subs in SUB_EVENT_TYPES.items() for sub in subs}

# ACLED derives the disorder type from the sub-event type (codebook).
DISORDER_TYPE: Final[dict[str, str]] = {
    **{sub: "Political violence" for sub in SUB_EVENT_TYPES["Battles"]},
    **{sub: "Political violence" for sub in SUB_EVENT_TYPES["Explosions/Remote violence"]},
    **{sub: "Political violence" for sub in SUB_EVENT_TYPES["Violence against civilians"]},
    "Mob violence": "Political violence",
    "Violent demonstration": "Demonstrations",
    "Peaceful protest": "Demonstrations",
    "Protest with intervention": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
    **{sub: "Strategic developments" for sub in SUB_EVENT_TYPES["Strategic developments"]},
}


def event_type_of(sub_event_type: str) -> str:
    """Return the event type a sub-event type belongs to; ``KeyError`` if unknown."""
    return _PARENT[sub_event_type]
