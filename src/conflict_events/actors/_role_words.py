"""Role words: the common nouns that name an actor by what it is ("troops", "gunmen", "residents").

Kept as data, separate from the rules that use them. Each set holds lower-case
lemmas (singular) as spaCy gives them.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ARMED_UNKNOWN",
    "CIVILIAN",
    "CROWD_PROTEST",
    "CROWD_RIOT",
    "GOVERNMENT_WORDS",
    "MILITARY",
    "MINISTRIES",
    "POLICE",
    "REBEL",
    "REPORTING_VERBS",
    "SOURCE_KINDS",
    "SPEAKERS",
    "TITLE_AFFILIATION",
]

# Nouns for a state's armed forces ("Ukrainian forces", "the army").
MILITARY: Final = frozenset(
    {
        "force",
        "forces",
        "military",
        "army",
        "troop",
        "troops",
        "soldier",
        "serviceman",
        "servicemen",
        "service member",
        "general staff",
        "servicemember",
        "armed forces",
        "navy",
        "sailor",
        "marine",
        "paratrooper",
        "peacekeeper",
        "commando",
        "gendarme",
        "gendarmerie",
        "airforce",
        "battalion",
        "brigade",
        "regiment",
        "division",
    }
)
# Of these, the ones that name the forces on their own ("the army"), without a country word.
MILITARY_BARE: Final = frozenset({"army", "military", "security forces", "armed forces", "troop", "soldier"})
POLICE: Final = frozenset(
    {"police", "policeman", "policemen", "police officer", "officer", "cop", "riot police"}
)

# Armed people nobody is named for: Unidentified Armed Group unless the text ties them to a group.
ARMED_UNKNOWN: Final = frozenset(
    {
        "gunman",
        "gunmen",
        "bandit",
        "assailant",
        "attacker",
        "kidnapper",
        "abductor",
        "raider",
        "armed man",
        "armed men",
        "militiaman",
        "militia",
        "armed group",
        "gang",
        "vigilante",
    }
)
# Words for a rebel or jihadist side: the document's named group when there is one.
REBEL: Final = frozenset(
    {
        "rebel",
        "insurgent",
        "militant",
        "jihadist",
        "islamist",
        "fighter",
        "extremist",
        "terrorist",
        "paramilitary",
        "separatist",
        "guerrilla",
        "guerilla",
    }
)
CIVILIAN: Final = frozenset(
    {
        "civilian",
        "people",
        "resident",
        "villager",
        "inhabitant",
        "child",
        "woman",
        "prisoner",
        "prisoners of war",
        "pow",
        "detainee",
        "refugee",
        "passenger",
        "worshipper",
        "student",
        "farmer",
        "herder",
        "family",
        "patient",
        "pilgrim",
        "girl",
        "boy",
        "teenager",
        "baby",
        "infant",
        "fisherman",
        "displaced",
        "idp",
        "bystander",
        "local",
    }
)
CROWD_PROTEST: Final = frozenset({"protester", "protestor", "demonstrator", "marcher", "crowd"})
CROWD_RIOT: Final = frozenset({"rioter", "mob", "looter"})

# Speakers who are not named: their label becomes "Label (Country)" with this kind.
SPEAKERS: Final[dict[str, tuple[str, str]]] = {
    "witness": ("Witnesses", "unknown"),
    "eyewitness": ("Witnesses", "unknown"),
    "resident": ("Residents", "civilians"),
    "local": ("Locals", "civilians"),
    "villager": ("Residents", "civilians"),
    "official": ("Officials", "government"),
    "authority": ("Authorities", "government"),
    "medic": ("Medics", "organization"),
    "doctor": ("Medics", "organization"),
    "rescuer": ("Rescuers", "organization"),
    "activist": ("Activists", "unknown"),
    "spokesman": ("Spokespersons", "government"),
    "spokesperson": ("Spokespersons", "government"),
    "spokeswoman": ("Spokespersons", "government"),
    "survivor": ("Survivors", "civilians"),
    "relative": ("Relatives", "civilians"),
}
# "X sources": the first qualifying word decides the label and kind.
SOURCE_KINDS: Final[dict[str, tuple[str, str]]] = {
    "hospital": ("Hospital sources", "organization"),
    "medical": ("Medical sources", "organization"),
    "health": ("Medical sources", "organization"),
    "government": ("Government sources", "government"),
    "official": ("Official sources", "government"),
    "military": ("Military sources", "state_forces"),
    "security": ("Security sources", "state_forces"),
    "police": ("Police sources", "state_forces"),
    "local": ("Local sources", "unknown"),
    "tribal": ("Tribal sources", "unknown"),
    "rebel": ("Rebel sources", "rebel_group"),
    "diplomatic": ("Diplomatic sources", "government"),
    "humanitarian": ("Humanitarian sources", "organization"),
}

REPORTING_VERBS: Final = frozenset(
    {
        "say",
        "tell",
        "report",
        "confirm",
        "claim",
        "add",
        "accuse",
        "blame",
        "deny",
        "state",
        "announce",
        "allege",
        "describe",
        "recount",
        "explain",
        "warn",
        "insist",
        "suggest",
        "write",
        "post",
        "estimate",
        "put",
        "note",
        "declare",
        "decry",
        "condemn",
        "echo",
        "place",
        "quote",
        "cite",
    }
)

# Qualifiers meaning "the state's own": "government forces", "regime forces".
GOVERNMENT_WORDS: Final = frozenset(
    {"government", "regime", "state", "federal", "national", "junta", "loyalist"}
)

# Ministries: the word(s) in text -> the canonical "Ministry of <X>" part.
MINISTRIES: Final[dict[str, str]] = {
    "defence": "Defence",
    "defense": "Defence",
    "foreign": "Foreign Affairs",
    "foreign affairs": "Foreign Affairs",
    "interior": "Interior",
    "home affairs": "Interior",
    "health": "Health",
    "information": "Information",
    "justice": "Justice",
    "emergency situations": "Emergency Situations",
    "emergencies": "Emergency Situations",
    "internal affairs": "Internal Affairs",
}

# Titles before or beside a person's name -> what the person speaks for (format with the country).
TITLE_AFFILIATION: Final[dict[str, str]] = {
    "president": "Government of {c}",
    "prime minister": "Government of {c}",
    "premier": "Government of {c}",
    "chancellor": "Government of {c}",
    "king": "Government of {c}",
    "governor": "Government of {c}",
    "minister": "Government of {c}",
    "deputy minister": "Government of {c}",
    "foreign minister": "Ministry of Foreign Affairs of {c}",
    "foreign secretary": "Ministry of Foreign Affairs of {c}",
    "secretary of state": "Government of {c}",
    "senior general": "{military}",
    "defence minister": "Ministry of Defence of {c}",
    "defense minister": "Ministry of Defence of {c}",
    "interior minister": "Ministry of Interior of {c}",
    "health minister": "Ministry of Health of {c}",
    "general": "{military}",
    "commander": "{military}",
    "army chief": "{military}",
    "army spokesman": "{military}",
    "military spokesman": "{military}",
    "police chief": "{police}",
    "police spokesman": "{police}",
    "police commissioner": "{police}",
}

# Head nouns of a state's civilian institutions ("Ukraine's National Security and Defense Council").
INSTITUTION_HEADS: Final = frozenset(
    {
        "agency",
        "council",
        "ministry",
        "office",
        "commission",
        "service",
        "authority",
        "committee",
        "directorate",
        "department",
    }
)
