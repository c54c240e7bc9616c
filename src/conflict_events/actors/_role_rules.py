"""What a role noun names, from the words before it: "Ukrainian" + "forces", "unknown" + "gunmen".

Each rule reads a :class:`RoleQuery` (the noun, its qualifiers, whether it reports
something, the document's home country) and returns the :class:`~._actor_ref.ActorRef`
it names, or None when it does not apply. :data:`ROLE_RULES` are tried in order; the
first that applies decides (:func:`name_role`).

>>> import datetime as dt
>>> from ._actor_ref import ActorNamer
>>> q = RoleQuery.of(["unknown"], "gunmen", ActorNamer(dt.date(2024, 3, 15), "NG"))
>>> name_role(q).name
'Unidentified Armed Group (Nigeria)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from ..lexicons._countries import country_name
from ..rules import Example, first, rule
from ._actor_ref import ActorNamer, ActorRef, country_in_words, singular
from ._role_words import RoleWords, crime_setting, role_words

__all__ = ["ROLE_RULES", "RoleQuery", "crime_gang", "identity_word", "name_role", "unnamed_perpetrator"]

_PRO = re.compile(r"\bpro\s*-?\s*(\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class RoleQuery:
    """A role noun and the words before it, in one document."""

    words: tuple[str, ...]  # the qualifiers, determiners left out
    low: tuple[str, ...]  # the same, lower case
    head: str  # the noun as written ("forces", "armed men")
    noun: str  # its singular, lower case
    country: str | None  # the country a qualifier names
    speaker: bool  # the noun is the subject of a reporting verb
    namer: ActorNamer
    roles: RoleWords
    acting: bool = False  # the noun is the subject of an active verb

    @classmethod
    def of(
        cls,
        qualifiers: list[str] | tuple[str, ...],
        head: str,
        namer: ActorNamer,
        *,
        speaker: bool = False,
        acting: bool = False,
        roles: RoleWords | None = None,
    ) -> RoleQuery:
        roles = roles or role_words()
        words = tuple(w for w in qualifiers if w.lower() not in roles.determiners)
        return cls(
            words=words,
            low=tuple(w.lower() for w in words),
            head=head,
            noun=singular(head),
            country=country_in_words(words),
            speaker=speaker,
            namer=namer,
            roles=roles,
            acting=acting,
        )

    @property
    def target(self) -> str | None:
        """The country the noun's actor belongs to: the one its words name, else the document's."""
        return self.country or self.namer.home

    def generic(self, label: str, kind: str) -> ActorRef:
        return self.namer.generic(label, kind, self.target)  # type: ignore[arg-type]

    @property
    def pro_government(self) -> bool:
        """ "pro-government", "pro-regime": the state's ally, not the state."""
        return any(m.group(1) in self.roles.pro_government for m in _PRO.finditer(" ".join(self.low)))

    @property
    def armed(self) -> bool:
        r = self.roles
        return self.noun in r.military or self.noun in r.rebel or self.noun in r.armed_unknown


def identity_word(words: tuple[str, ...], roles: RoleWords) -> str | None:
    """A capitalised identity word before the noun that is no country adjective ("Fulani"); an acronym
    ("FARC", "MNLA") names an organisation, never a community.

    >>> identity_word(("Suspected", "Fulani"), role_words()), identity_word(("Armed",), role_words())
    ('Fulani', None)
    >>> identity_word(("former", "FARC"), role_words()) is None
    True
    """
    for w in words:
        low = w.lower()
        if (
            w[:1].isupper()
            and not (len(w) > 1 and w.isupper())
            and w.isalpha()
            and not country_in_words([w])
            and low not in roles.determiners
            and low not in roles.not_identities
        ):
            return w
    return None


# -- the rules, in the order they are tried ----------------------------------------------------


@rule(
    "actors.role.sources",
    decides="actor.name",
    positive=[
        Example(
            "Four soldiers were killed in an ambush near Menaka on Thursday, security sources said.",
            {"actor.name": "Security sources (Mali)"},
        )
    ],
    negative=[
        Example(
            "Four soldiers were killed in an ambush near Menaka on Thursday, a local official said.",
            {"!actor.name": "Security sources (Mali)", "event.event_type": "Battles"},
        )
    ],
)
def sources(q: RoleQuery) -> ActorRef | None:
    """ "Security sources said": who an account comes from is a speaker of its kind, never a side."""
    if q.noun not in q.roles.source_nouns and q.head.lower() not in q.roles.source_nouns:
        return None
    for w in q.low:
        if w in q.roles.sources:
            label, kind = q.roles.sources[w]
            return q.generic(label, kind)
    return q.generic("Sources", "unknown")


@rule(
    "actors.role.unnamed_speaker",
    decides="actor.name",
    positive=[
        Example(
            "Witnesses said the gunmen set fire to several houses in Kauru on Monday.",
            {"actor.name": "Witnesses (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Gunmen set fire to several houses in Kauru on Monday, and the residents fled.",
            {"actor.name": "Civilians (Nigeria)"},
        )
    ],
)
def unnamed_speaker(q: RoleQuery) -> ActorRef | None:
    """ "Residents said", "witnesses told": people who report what they saw speak, and act in no event."""
    if not q.speaker or q.noun not in q.roles.speakers:
        return None
    label, kind = q.roles.speakers[q.noun]
    return q.generic(label, kind)


@rule(
    "actors.role.generic_group",
    decides="actor.name",
    positive=[
        Example(
            "On 2 May 2024, pirates boarded a fishing trawler off the coast of Hobyo, Somalia, and abducted its crew.",
            {"event.actor1.name": "Pirates (Somalia)"},
        ),
        Example(
            "On 2 May 2024, a private security guard shot and injured a street vendor in Lagos.",
            {"event.actor1.name": "Private Security Forces (Nigeria)"},
        ),
    ],
    negative=[
        Example(
            "On 2 May 2024, security forces shot and injured a street vendor in Lagos.",
            {"event.actor1.name": "Military Forces of Nigeria (2023-)"},
        )
    ],
)
def generic_group(q: RoleQuery) -> ActorRef | None:
    """Pirates and private guards are ACLED generic actors of their own ("Pirates (Benin)", "Private Security
    Forces (India)"), not an unidentified armed group or the state's forces: the longest phrase of
    ``[generic_roles]`` the words end in names them."""
    words = [*q.low, q.noun]
    for k in range(len(words)):
        found = q.roles.generic_roles.get(" ".join(words[k:]))
        if found is not None:
            return q.generic(*found)
    return None


@rule(
    "actors.role.army_officer",
    decides="actor.name",
    positive=[
        Example(
            "Gunmen shot dead two army officers in Maiduguri on Sunday.",
            {"actor.name": "Military Forces of Nigeria (2023-)"},
        )
    ],
    negative=[
        Example(
            "Gunmen shot dead two police officers in Maiduguri on Sunday.",
            {"actor.name": "Police Forces of Nigeria (2023-)"},
        )
    ],
)
def army_officer(q: RoleQuery) -> ActorRef | None:
    """ "Army officers", "military officers" are soldiers, not the policemen a bare "officer" would be."""
    if q.noun != "officer" or not any(w in q.roles.military_officer_words for w in q.low):
        return None
    return q.namer.state(q.target) if q.target else None


@rule(
    "actors.role.police",
    decides="actor.name",
    positive=[
        Example(
            "Police arrested 12 people after a clash between two groups of traders in Kano on Friday.",
            {"actor.name": "Police Forces of Nigeria (2023-)"},
        )
    ],
    negative=[
        Example(
            "Nigerian soldiers arrested 12 people after a clash between two groups of traders in Kano on Friday.",
            {"!actor.name": "Police Forces of Nigeria (2023-)", "actor.name": "Military Forces of Nigeria (2023-)"},
        )
    ],
)
def police(q: RoleQuery) -> ActorRef | None:
    """Police nouns name the police of the country the words or the document give."""
    if q.noun in q.roles.police or ("police" in q.low and q.noun in q.roles.police_units):
        return q.namer.state(q.target, "Police") if q.target else None
    return None


@rule(
    "actors.role.pro_government_militia",
    decides="actor.name",
    positive=[
        Example(
            "Pro-government militiamen killed three herders near Djibo on Tuesday.",
            {"actor.name": "Pro-Government Militia (Burkina Faso)"},
        )
    ],
    negative=[
        Example(
            "Government soldiers killed three militants near Djibo on Tuesday.",
            {"actor.name": "Military Forces of Burkina Faso (2022-)"},
        )
    ],
)
def pro_government_militia(q: RoleQuery) -> ActorRef | None:
    """ "Pro-government fighters" fight for the state without being its forces: a political militia."""
    if not q.pro_government or not q.armed:
        return None
    return q.generic("Pro-Government Militia", "political_militia")


@rule(
    "actors.role.pro_state_militia",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, an airstrike hit pro-Iranian fighters near Al Bukamal, Deir ez Zor, Syria.",
            {"actor.name": "Militia (Pro-Iran)"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, an airstrike hit Iranian fighters near Al Bukamal, Deir ez Zor, Syria.",
            {"!actor.name": "Militia (Pro-Iran)"},
        )
    ],
)
def pro_state_militia(q: RoleQuery) -> ActorRef | None:
    """ "Pro-Iranian forces", "pro-Russian fighters": armed men who fight for a foreign state without being its forces
    are ACLED's "Militia (Pro-<Country>)"."""
    if not (q.armed or q.head.lower() == "forces"):
        return None
    for m in _PRO.finditer(" ".join(q.words)):  # case kept: "pro-Iranian", the country word capitalised
        code = country_in_words([m.group(1)])
        if code is not None:
            return q.namer.generic(f"Militia (Pro-{country_name(code) or code})", "political_militia", None)
    return None


@rule(
    "actors.role.unidentified_military",
    decides="actor.name",
    positive=[
        Example(
            "International forces conducted an airstrike on an Al-Shabaab position near Jilib on Monday.",
            {"event.actor1.name": "Unidentified Military Forces"},
        ),
        Example(
            "On 3 May 2025, international security partners conducted an airstrike on an Al Shabaab camp near"
            " Jilib (Jilib, Middle Juba). Casualties unknown.",
            {"event.actor1.name": "Unidentified Military Forces"},
        ),
    ],
    negative=[
        Example(
            "US forces conducted an airstrike on an Al-Shabaab position near Jilib on Monday.",
            {"event.actor1.name": "Military Forces of the United States (2021-2025)"},
        ),
        Example(
            "On 3 May 2025, Somalia's partners pledged more drones for the fight against Al Shabaab.",
            {"!actor.name": "Unidentified Military Forces"},
        ),
    ],
)
def unidentified_military(q: RoleQuery) -> ActorRef | None:
    """ "International forces", "foreign troops", "unidentified forces", "international allies": a state's forces
    (or a state's partners) nobody names are ACLED's Unidentified Military Forces, of no country."""
    forces = q.noun in q.roles.military or q.head.lower() == "forces" or q.noun in q.roles.partner_nouns
    if not forces or q.country is not None or not any(w in q.roles.foreign_qualifiers for w in q.low):
        return None
    return q.namer.generic("Unidentified Military Forces", "state_forces", None)


@rule(
    "actors.role.national_forces",
    decides="actor.name",
    positive=[
        Example(
            "Malian soldiers killed four militants near Gao on Wednesday.",
            {"actor.name": "Military Forces of Mali (2020-)"},
        ),
        Example(
            "Russian invaders shelled a residential area of Kharkiv on Friday, killing three people.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        ),
    ],
    negative=[
        Example(
            "Militants killed four herders near Gao on Wednesday.",
            {"!actor.name": "Military Forces of Mali (2020-)", "event.event_type": "Violence against civilians"},
        )
    ],
)
def national_forces(q: RoleQuery) -> ActorRef | None:
    """A country word on a military noun names that state's forces: "Malian soldiers", "Russian troops"."""
    r = q.roles
    forces = q.noun in r.military or q.head.lower() in r.bare_forces or q.head.lower() == "forces"
    if not (forces or q.noun in r.invading_forces) or q.country is None:
        return None
    return q.namer.state(q.country)


@rule(
    "actors.role.home_forces",
    decides="actor.name",
    positive=[
        Example(
            "The army repelled an attack on its base in Diffa on Saturday.",
            {"actor.name": "Military Forces of Niger (2023-)"},
        ),
        Example(
            "An army unit destroyed a weapons cache near Diffa on Saturday.",
            {"actor.name": "Military Forces of Niger (2023-)", "event.sub_event_type": "Disrupted weapons use"},
        ),
        Example(
            "Protesters burned tyres in Kolda on Friday and clashed with the gendarmerie forces.",
            {"actor.name": "Military Forces of Senegal (2012-2024)"},
        ),
    ],
    negative=[
        Example(
            "Troops repelled an attack on a base in Diffa on Saturday.",
            {"!actor.name": "Military Forces of Niger (2023-)", "event.event_type": "Battles"},
        )
    ],
)
def home_forces(q: RoleQuery) -> ActorRef | None:
    """ "The army", "security forces", "government troops": with no country word, the forces of the
    document's country; bare "troops" or "soldiers" are anybody's until the context says whose."""
    r = q.roles
    forces = q.noun in r.military or q.head.lower() in r.bare_forces or q.head.lower() == "forces"
    if not forces or q.country is not None or not q.namer.home:
        return None
    phrase = f"{q.low[-1] if q.low else ''} {q.noun}".strip()
    # "an army unit", "army troops": a unit of the army is the army's whoever its noun
    qualified = bool(q.low and q.low[-1] in r.military_qualifiers)
    bare = q.noun in r.military_bare or phrase in r.bare_forces or qualified
    government = any(w in r.government_words for w in q.low)
    if government or (bare and (q.noun not in ("troop", "soldier") or qualified)):
        return q.namer.state(q.namer.home)
    return None


@rule(
    "actors.role.protesters",
    decides="actor.name",
    positive=[
        Example(
            "Hundreds of protesters marched through Conakry on Thursday to demand lower fuel prices.",
            {"actor.name": "Protesters (Guinea)"},
        )
    ],
    negative=[
        Example(
            "A mob beat a suspected thief to death in Conakry on Thursday.",
            {"!actor.name": "Protesters (Guinea)", "actor.name": "Rioters (Guinea)"},
        )
    ],
)
def protesters(q: RoleQuery) -> ActorRef | None:
    """Demonstrators are Protesters of their country."""
    return q.generic("Protesters", "protesters") if q.noun in q.roles.crowd_protest else None


@rule(
    "actors.role.rioters",
    decides="actor.name",
    positive=[
        Example(
            "Rioters torched a police station in Kisumu on Tuesday.",
            {"actor.name": "Rioters (Kenya)"},
        )
    ],
    negative=[
        Example(
            "Demonstrators marched to a police station in Kisumu on Tuesday.",
            {"!actor.name": "Rioters (Kenya)", "actor.name": "Protesters (Kenya)"},
        )
    ],
)
def rioters(q: RoleQuery) -> ActorRef | None:
    """A violent crowd ("rioters", "a mob", "looters") is Rioters of its country."""
    return q.generic("Rioters", "rioters") if q.noun in q.roles.crowd_riot else None


@rule(
    "actors.role.vigilantes",
    decides="actor.name",
    positive=[
        Example(
            "Vigilantes killed two suspected kidnappers in Birnin Gwari on Sunday.",
            {"actor.name": "Vigilante Militia (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Gunmen killed two farmers in Birnin Gwari on Sunday.",
            {"actor.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
)
def vigilantes(q: RoleQuery) -> ActorRef | None:
    """Vigilantes are a militia of their own, not the unknown gunmen they hunt."""
    if q.noun in q.roles.vigilante or any(w in q.roles.vigilante for w in q.low):
        return q.generic("Vigilante Militia", "political_militia")
    return None


@rule(
    "actors.role.militia",
    decides="actor.name",
    positive=[
        Example(
            "A Kaduna communal militia attacked Kauru on Monday, killing four residents.",
            {"actor.name": "Kaduna Communal Militia (Nigeria)"},
        ),
        Example(
            "A Niger communal militia clashed with bandits near Kutigi in Nigeria's Niger State on Friday.",
            {"actor.name": "Niger Communal Militia (Nigeria)"},
        ),
        Example(
            "An unidentified clan militia shot dead a herder near Beledweyne on Monday.",
            {"actor.name": "Unidentified Clan Militia (Somalia)"},
        ),
        Example(
            "On 3 May 2024, Albu Hamad tribal gunmen clashed with police in Nasiriyah, Dhi Qar. One was killed.",
            {"event.actor1.name": "Albu Hamad Tribal Militia (Iraq)"},
        ),
        Example(
            "On 3 May 2024, unknown tribal militants clashed in the Khafaja area of Al Kifl district, Babil.",
            {"event.actor1.name": "Unidentified Tribal Militia (Iraq)"},
        ),
        Example(
            "On 3 May 2024, in Nova Iguacu (Rio de Janeiro), military police exchanged fire with members of the"
            " Ecko militia.",
            {"actor.name": "Ecko Police Militia"},
        ),
    ],
    negative=[
        Example(
            "Gunmen attacked a settlement near Beledweyne on Monday, killing four.",
            {"actor.name": "Unidentified Armed Group (Somalia)"},
        )
    ],
)
def militia(q: RoleQuery) -> ActorRef | None:
    """A militia is named by its kind (clan, communal, tribal, ethnic) and its identity, as ACLED names identity
    militias: "Kaduna Communal Militia", "Unidentified Clan Militia"; a community named without a kind is an
    ethnic militia, a place a communal one; with neither, an unidentified armed group."""
    label = next((label for word, label in q.roles.militia_kinds if word in q.low), None)
    # "tribal militants", "communal gunmen": armed men of a kind of community are its militia (clans: own pass)
    kinded = label not in (None, "Clan") and (q.noun in q.roles.rebel or q.noun in q.roles.armed_unknown)
    if q.noun not in q.roles.militia and not kinded:
        return None
    if label is not None:
        ident = _community(q) if label in ("Communal", "Tribal") else identity_word(q.words, q.roles)
        if ident is not None and q.country is not None and q.country == country_in_words(ident.split()):
            # "a Niger communal militia" in Nigeria's Niger State: the community's name is no nationality
            return q.namer.generic(f"{ident} {label} Militia", "identity_militia", q.namer.home or q.target)
        return q.generic(f"{ident or 'Unidentified'} {label} Militia", "identity_militia")
    # "a Niger militia" in Nigeria: a place of the document (a state that shares a country's name) is its community
    ident = identity_word(q.words, q.roles) or next((w for w in q.words if w.lower() in q.namer.places), None)
    if ident and q.target in q.roles.police_militia_countries:  # Brazil's militias are policemen's
        return q.namer.generic(f"{_community(q) or ident} Police Militia", "political_militia", None)
    return community_militia(q, ident) if ident else q.generic("Unidentified Armed Group", "political_militia")


def _community(q: RoleQuery) -> str | None:
    """The community a communal militia is named after: its capitalised words, a place's name included ("Niger")."""
    words = [
        w
        for w in q.words
        if w[:1].isupper()
        and w.replace("'", "").replace("-", "").isalpha()  # "Al Qar'an"
        and w.lower() not in q.roles.determiners
        and w.lower() not in q.roles.not_identities
    ]
    return " ".join(words) or None


@rule(
    "actors.role.gang",
    decides="actor.name",
    positive=[
        Example(
            "Gang members shot dead two men in a market in Port-au-Prince on Tuesday.",
            {"event.actor1.name": "Unidentified Gang (Haiti)"},
        ),
        Example(
            "The Village de Dieu gang attacked a police station in Port-au-Prince on Tuesday.",
            {"event.actor1.name": "Village de Dieu Gang"},
        ),
        Example(  # a dateline's capitals before the gang are no name
            "PORT-AU-PRINCE (AP) - Gang members seized the town of Mirebalais on Saturday, a police union said.",
            {"event.actor1.name": "Unidentified Gang (Haiti)"},
        ),
        Example(  # suspects a gang word qualifies are no arrested suspects of a group the text names
            "On 1 May 2024, drug trafficking suspects exchanged fire with police in Vitoria, Espirito Santo.",
            {"event.actor1.name": "Unidentified Gang (Brazil)"},
        ),
    ],
    negative=[
        Example(
            "Gunmen shot dead two men in a market in Port-au-Prince on Tuesday.",
            {"event.actor1.name": "Unidentified Armed Group (Haiti)"},
        )
    ],
)
def gang(q: RoleQuery) -> ActorRef | None:
    """A criminal gang is named by its name ("the Vitelhomme gang"), else it is an Unidentified Gang of its country."""
    r = q.roles
    members = q.noun in ("member", "suspect") and any(w in r.gang_qualifiers for w in q.low)
    if q.noun not in r.gangs and q.head.lower() not in r.gangs and not members:
        return None
    plain = r.not_identities | r.gangs | r.gang_qualifiers
    named = [
        i for i, w in enumerate(q.words) if w[:1].isupper() and w.lower() not in plain and not country_in_words([w])
    ]
    # the name runs from its first capitalised word to its last, particles between kept ("Village de Dieu")
    name = " ".join(q.words[named[0] : named[-1] + 1]) if named else ""
    if name.isupper() and " " in name:
        name = ""  # "PORT-AU-PRINCE (AP) - Gang members": a dateline's capitals, no gang's name
    if name and not members:
        return q.namer.generic(f"{name} Gang", "political_militia", None)
    return q.generic("Unidentified Gang", "political_militia")


@rule(
    "actors.role.crime_gunmen",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, in Leon, Guanajuato, two armed men shot and killed a shopkeeper. Police believe the"
            " attack was linked to a dispute between drug trafficking groups. 1 fatality.",
            {"event.actor1.name": "Unidentified Gang (Mexico)"},
        ),
        Example(
            "On 3 May 2024, in Fortaleza (Ceara), armed individuals on a motorcycle shot and killed a man in a"
            " drive-by shooting. 1 fatality.",
            {"event.actor1.name": "Unidentified Gang and/or Police Militia"},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, in Leon, Guanajuato, two armed men shot and killed a shopkeeper. The motive is unknown.",
            {"event.actor1.name": "Unidentified Armed Group (Mexico)"},
        ),
        Example(
            "On 3 May 2024, gunmen shot and killed a trader in a drive-by shooting in Kano. Police said the motive"
            " was a dispute between drug dealers.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        ),
    ],
)
def crime_gunmen(q: RoleQuery) -> ActorRef | None:
    """In Latin America and the Caribbean, the unnamed armed men of a report set in organised crime (drug
    trafficking, a cartel; or the marks of a gang killing: bound or tortured bodies, a drive-by execution) are a
    gang's, as ACLED codes them: an Unidentified Gang of the country (in Brazil, where police militias kill
    alike, a killing with only the marks is "Unidentified Gang and/or Police Militia")."""
    r = q.roles
    armed = q.noun in r.armed_unknown or q.head.lower() in r.armed_unknown
    if not armed or any(w in r.vigilante for w in q.low):
        return None
    gang = crime_gang(q.namer.crime, q.target, r)
    return q.namer.generic(gang[0], "political_militia", gang[1]) if gang else None


def crime_gang(crime: str | None, country: str | None, roles: RoleWords) -> tuple[str, str | None] | None:
    """The gang actor (label, country) ACLED names for unnamed killers in a report set in organised crime
    (``crime``, see :func:`crime_setting`) in ``country``; None outside Latin America and the Caribbean."""
    if crime is None or country is None or country not in roles.gang_countries:
        return None
    if crime == "signature" and country in roles.signature_gangs:
        return roles.signature_gangs[country], None
    return "Unidentified Gang", country


def unnamed_perpetrator(text: str, country: str, roles: RoleWords | None = None) -> tuple[str, str | None]:
    """The actor (label, country) of a report's unnamed perpetrator: an Unidentified Armed Group of the country,
    or a gang's in a report of organised crime in Latin America (``actors.role.crime_gunmen``).

    >>> unnamed_perpetrator("A man was found dead with his hands tied and signs of torture.", "MX")
    ('Unidentified Gang', 'MX')
    >>> unnamed_perpetrator("A man was found dead with his hands tied.", "NG")
    ('Unidentified Armed Group', 'NG')
    """
    roles = roles or role_words()
    return crime_gang(crime_setting(text, roles), country, roles) or ("Unidentified Armed Group", country)


@rule(
    "actors.role.identity_gunmen",
    decides="actor.name",
    positive=[
        Example(
            "Fulani gunmen killed seven villagers in Bokkos on Sunday night.",
            {"actor.name": "Fulani Ethnic Militia (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Unknown gunmen killed seven villagers in Bokkos on Sunday night.",
            {"actor.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
)
def identity_gunmen(q: RoleQuery) -> ActorRef | None:
    """ "Fulani gunmen": an identity before unnamed armed men makes them that community's militia."""
    r = q.roles
    if q.noun not in r.armed_unknown and q.head.lower() not in r.armed_unknown:
        return None
    if any(w in r.unknown_words for w in q.low):
        return None
    ident = identity_word(q.words, r)
    return community_militia(q, ident) if ident else None


def community_militia(q: RoleQuery, ident: str) -> ActorRef:
    """A community's militia: "Dozo Communal Militia" for a communal group or a place, else "<X> Ethnic Militia"."""
    r = q.roles
    if ident in r.communal_groups:
        return q.generic(f"{r.communal_names.get(ident, ident)} Communal Militia", "identity_militia")
    if ident.lower() in q.namer.places and ident not in r.ethnic_groups:
        return q.namer.generic(f"{ident} Communal Militia", "identity_militia", q.namer.home or q.target)
    return q.generic(f"{ident} Ethnic Militia", "identity_militia")


@rule(
    "actors.role.unidentified_armed",
    decides="actor.name",
    positive=[
        Example(
            "Bandits abducted 20 passengers near Kaduna on Monday.",
            {"actor.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Soldiers freed 20 passengers near Kaduna on Monday.",
            {"!actor.name": "Unidentified Armed Group (Nigeria)", "actor.name": "Civilians (Nigeria)"},
        )
    ],
)
def unidentified_armed(q: RoleQuery) -> ActorRef | None:
    """Gunmen, bandits, unknown assailants and unnamed rebels are an Unidentified Armed Group of their country."""
    r = q.roles
    if q.noun in r.armed_unknown or q.head.lower() in r.armed_unknown or q.noun in r.rebel:
        return q.generic("Unidentified Armed Group", "political_militia")
    return None


@rule(
    "actors.role.armed_community",
    decides="actor.name",
    positive=[
        Example(
            "Suspected Fulani herders attacked a village near Makurdi on Monday, killing four farmers.",
            {"event.actor1.name": "Fulani Ethnic Militia (Nigeria)"},
        ),
        Example(
            "On 3 May 2024, four farmers were killed by Fulani herders near Makurdi, Benue.",
            {"event.actor1.name": "Fulani Ethnic Militia (Nigeria)"},
        ),
    ],
    negative=[
        Example(
            "Gunmen attacked Fulani herders near Makurdi on Monday, killing four.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
)
def armed_community(q: RoleQuery) -> ActorRef | None:
    """ "Fulani pastoralists attacked": people named by their community and their work who attack are that
    community's militia; attacked, they stay civilians."""
    if (q.noun not in q.roles.livelihoods and q.head.lower() not in q.roles.livelihoods) or not q.acting:
        return None
    r = q.roles
    ident = next((w for w in q.words if w in r.communal_groups or w in r.ethnic_groups), None)
    return community_militia(q, ident) if ident else None


@rule(
    "actors.role.civilians",
    decides="actor.name",
    positive=[
        Example(
            "An air strike hit a market in Tarhuna on Friday, killing six civilians.",
            {"actor.name": "Civilians (Libya)"},
        )
    ],
    negative=[
        Example(
            "An air strike hit a militia convoy near Tarhuna on Friday, killing six fighters.",
            {"!actor.name": "Civilians (Libya)", "event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def civilians(q: RoleQuery) -> ActorRef | None:
    """Unarmed people (villagers, passengers, children, prisoners of war) are Civilians of their country."""
    if q.noun in q.roles.civilian or q.head.lower() in q.roles.civilian_phrases or q.noun in q.roles.livelihoods:
        return q.generic("Civilians", "civilians")
    return None


@rule(
    "actors.role.junta",
    decides="actor.name",
    positive=[
        Example(
            "The junta detained a journalist in Niamey on Monday.",
            {"actor.name": "Military Forces of Niger (2023-)"},
        )
    ],
    negative=[
        Example(
            "The government detained a journalist in Niamey on Monday.",
            {"actor.name": "Government of Niger"},
        )
    ],
)
def junta(q: RoleQuery) -> ActorRef | None:
    """A junta is the state's military in power: its forces, not a civilian government."""
    if q.noun not in q.roles.junta:
        return None
    return q.namer.state(q.target) if q.target else None


@rule(
    "actors.role.government",
    decides="actor.name",
    positive=[
        Example(
            "The government said on Monday that gunmen had killed 12 farmers in Benue State.",
            {"actor.name": "Government of Nigeria"},
        )
    ],
    negative=[
        Example(
            "Police said on Monday that gunmen had killed 12 farmers in Benue State.",
            {"!actor.name": "Government of Nigeria", "actor.name": "Police Forces of Nigeria (2023-)"},
        )
    ],
)
def government(q: RoleQuery) -> ActorRef | None:
    """ "The government", "the authorities", "the regime" are the civilian government of their country."""
    if q.noun not in q.roles.government_nouns:
        return None
    return q.namer.government(q.target) if q.target else None


ROLE_RULES: Final = (
    sources,
    unnamed_speaker,
    generic_group,
    army_officer,
    police,
    pro_government_militia,
    pro_state_militia,
    unidentified_military,
    national_forces,
    home_forces,
    protesters,
    rioters,
    vigilantes,
    militia,
    gang,
    crime_gunmen,
    identity_gunmen,
    unidentified_armed,
    armed_community,
    civilians,
    junta,
    government,
)


def name_role(q: RoleQuery) -> ActorRef | None:
    """The actor the first rule that applies names, carrying that rule's name; None when none applies."""
    decided = first(ROLE_RULES, q)
    return replace(decided.value, rule=decided.rule) if decided is not None else None
