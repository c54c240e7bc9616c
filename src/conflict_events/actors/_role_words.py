"""Role words: the word lists of the actors rules, read from the lexicons as one typed object.

The words are data (``lexicons/actor_roles.toml``; the reporting verbs are
``lexicons/reporting.toml``'s, shared with the other concerns). :func:`role_words` reads
them once per list of user lexicon files, which extend or replace ours (see
:mod:`conflict_events.lexicons`).

>>> words = role_words()
>>> "gunman" in words.armed_unknown, "say" in words.reporting_verbs
(True, True)
>>> words.speakers["resident"]
('Residents', 'civilians')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final, cast, get_args

from ..errors import LexiconError
from ..lexicons import Lexicon, lexicon_with
from ..schema._types import ActorKind

__all__ = ["REBEL", "RoleWords", "crime_setting", "role_words"]

_KINDS: Final = frozenset(get_args(ActorKind))


@dataclass(frozen=True, eq=False)
class RoleWords:
    """Every word list the actors rules read (see ``lexicons/actor_roles.toml`` for what each holds)."""

    military: frozenset[str]
    military_bare: frozenset[str]
    military_qualifiers: frozenset[str]
    bare_forces: frozenset[str]
    police: frozenset[str]
    police_units: frozenset[str]
    military_officer_words: frozenset[str]
    armed_unknown: frozenset[str]
    rebel: frozenset[str]
    civilian: frozenset[str]
    civilian_phrases: frozenset[str]
    crowd_protest: frozenset[str]
    crowd_riot: frozenset[str]
    vigilante: frozenset[str]
    militia: frozenset[str]
    government_words: frozenset[str]
    pro_government: frozenset[str]
    government_nouns: frozenset[str]
    junta: frozenset[str]
    unknown_words: frozenset[str]
    foreign_qualifiers: frozenset[str]
    partner_nouns: frozenset[str]
    unnamed_qualifiers: frozenset[str]
    source_nouns: frozenset[str]
    other_heads: frozenset[str]
    head_nouns: frozenset[str]
    group_nouns: frozenset[str]
    armed_group_qualifiers: frozenset[str]
    armed_person_qualifiers: frozenset[str]
    community_nouns: frozenset[str]
    person_nouns: frozenset[str]
    generic_heads: frozenset[str]
    gangs: frozenset[str]
    gang_countries: frozenset[str]
    police_militia_countries: frozenset[str]
    local_qualifiers: frozenset[str]
    local_militia_countries: frozenset[str]
    district_suffixes: frozenset[str]
    crowd_control_forces: frozenset[str]
    crowd_cues: frozenset[str]
    crime_words: frozenset[str]
    crime_signatures: frozenset[str]
    gang_qualifiers: frozenset[str]
    assailants: frozenset[str]
    monitors: frozenset[str]
    officials: frozenset[str]
    possessive_pronouns: frozenset[str]
    definite: frozenset[str]
    determiners: frozenset[str]
    not_identities: frozenset[str]
    institution_heads: frozenset[str]
    government_heads: frozenset[str]
    organisation_heads: frozenset[str]
    state_unit_heads: frozenset[str]
    state_branch_heads: frozenset[str]
    not_person_heads: frozenset[str]
    titles: frozenset[str]
    ranks: frozenset[str]
    not_persons: frozenset[str]
    place_prepositions: frozenset[str]
    strike_nouns: frozenset[str]
    vehicle_nouns: frozenset[str]
    military_vehicle_words: frozenset[str]
    invading_forces: frozenset[str]
    machine_compounds: frozenset[str]
    machine_heads: frozenset[str]
    state_owners: frozenset[str]
    verbs_read_as_nouns: frozenset[str]
    sponsor_words: frozenset[str]
    membership_words: frozenset[str]
    claim_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    disclaim_verbs: frozenset[str]
    linked_words: frozenset[str]
    linked_nouns: frozenset[str]
    affiliate_nouns: frozenset[str]
    affiliate_qualifiers: frozenset[str]
    runner_words: frozenset[str]
    pronouns: frozenset[str]
    organisation_pronoun_kinds: frozenset[str]
    armed_kinds: frozenset[str]
    group_kinds: frozenset[str]
    reporting_verbs: frozenset[str]
    speakers: Mapping[str, tuple[str, ActorKind]]
    sources: Mapping[str, tuple[str, ActorKind]]
    generic_roles: Mapping[str, tuple[str, ActorKind]]
    ministries: Mapping[str, str]
    title_affiliations: Mapping[str, str]
    signature_gangs: Mapping[str, str]
    local_militias: Mapping[str, str]
    militia_kinds: tuple[tuple[str, str], ...]
    ethnic_groups: frozenset[str]
    livelihoods: frozenset[str]
    clan_countries: frozenset[str]
    communal_groups: frozenset[str]
    communal_names: Mapping[str, str]
    mutual_fight_verbs: frozenset[str]
    area_communities: Mapping[str, tuple[str, str]]

    @classmethod
    def of(cls, roles: Lexicon, reporting: Lexicon, communities: Lexicon) -> RoleWords:
        """The role words of three lexicons: ``actor_roles``, ``reporting`` (its ``verbs``) and ``communities``."""
        tables = {
            "speakers",
            "sources",
            "generic_roles",
            "ministries",
            "title_affiliations",
            "signature_gangs",
            "local_militias",
            "militia_kinds",
            "reporting_verbs",
            "ethnic_groups",
            "livelihoods",
            "clan_countries",
            "communal_groups",
            "communal_names",
            "area_communities",
        }
        lists = {name: roles.words(name) for name in cls.__dataclass_fields__ if name not in tables}
        return cls(
            **lists,
            reporting_verbs=reporting.words("verbs"),
            speakers=_labels(roles, "speakers"),
            sources=_labels(roles, "sources"),
            generic_roles=_labels(roles, "generic_roles"),
            ministries=_strings(roles, "ministries"),
            title_affiliations=_strings(roles, "title_affiliations"),
            signature_gangs=_strings(roles, "signature_gangs"),
            local_militias=_strings(roles, "local_militias"),
            militia_kinds=tuple(_strings(roles, "militia_kinds").items()),
            ethnic_groups=communities.words("ethnic_groups"),
            livelihoods=communities.words("livelihoods"),
            clan_countries=communities.words("clan_countries"),
            communal_groups=communities.words("communal_groups"),
            communal_names=_strings(communities, "communal_names"),
            area_communities=_areas(communities),
        )


def _strings(lex: Lexicon, name: str) -> dict[str, str]:
    table = lex.table(name)
    if not all(isinstance(v, str) for v in table.values()):
        raise LexiconError(f"[{name}] must map words to strings", source=", ".join(lex.sources))
    return {str(k): str(v) for k, v in table.items()}


def _areas(lex: Lexicon) -> dict[str, tuple[str, str]]:
    """``[area_communities]``: an area's name (lower case) to its people and their country."""
    out: dict[str, tuple[str, str]] = {}
    for area, value in _strings(lex, "area_communities").items():
        people, _, country = value.partition("/")
        if not people or len(country) != 2:
            raise LexiconError(
                f"[area_communities] {area!r} must be '<people>/<CC>', not {value!r}", source=", ".join(lex.sources)
            )
        out[area.lower()] = (people, country.upper())
    return out


def _labels(lex: Lexicon, name: str) -> dict[str, tuple[str, ActorKind]]:
    out: dict[str, tuple[str, ActorKind]] = {}
    for key, value in lex.table(name).items():
        if not (isinstance(value, list) and len(value) == 2 and value[1] in _KINDS):
            raise LexiconError(
                f"[{name}] {key!r} must be [label, kind] with kind one of {sorted(_KINDS)}, not {value!r}",
                source=", ".join(lex.sources),
            )
        out[str(key)] = (str(value[0]), cast("ActorKind", value[1]))
    return out


def role_words(files: Sequence[str | Path] = ()) -> RoleWords:
    """The role words, the packaged lexicons extended by the user's ``files`` (cached per list of files)."""
    return _role_words(tuple(str(f) for f in files))


@lru_cache(maxsize=16)
def _role_words(files: tuple[str, ...]) -> RoleWords:
    return RoleWords.of(
        lexicon_with("actor_roles", files), lexicon_with("reporting", files), lexicon_with("communities", files)
    )


@lru_cache(maxsize=16)
def _crime_patterns(roles: RoleWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def words(phrases: frozenset[str]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    return words(roles.crime_words), words(roles.crime_signatures)


def crime_setting(text: str, roles: RoleWords | None = None) -> str | None:
    """Whether a report is set in organised crime: ``"words"`` when it says so ("drug trafficking", "a
    cartel"), ``"signature"`` when only the marks of a gang killing show (a body with its hands tied, a
    drive-by), None otherwise.

    >>> crime_setting("Police believe the killing was linked to drug trafficking."), crime_setting("A man was shot.")
    ('words', None)
    >>> crime_setting("His body was found with signs of torture.")
    'signature'
    """
    roles = roles or role_words()
    low = text.lower()
    named, marked = _crime_patterns(roles)
    # a pattern can match only where one of its phrases stands: most texts hold none (a look for each is
    # quicker than the pattern, which the engine tries at every character)
    if any(p in low for p in roles.crime_words) and named.search(low):
        return "words"
    return "signature" if any(p in low for p in roles.crime_signatures) and marked.search(low) else None


# The attribution step's claimants read this list; it is the packaged lexicon's.
REBEL: Final = role_words().rebel
