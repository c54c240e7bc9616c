"""What sort of actor a speaker phrase names when no actor of the document does: the build rules.

Each rule reads the phrase (:class:`Phrase`) and returns the new actor's kind and name, or
``None``; the first that applies decides (:data:`BUILD_RULES`), else the phrase is an
``unknown`` speaker named as written.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import AttributionLexicon
>>> doc = load_language_model()("Moscow said it would respond.")
>>> p = Phrase(doc[0], doc[0:1], "Moscow", None, AttributionLexicon.load(), None)
>>> first(BUILD_RULES, p)
Decided(value=('government', 'Government of Russia', 'RU'), rule='claims.claimant_kind.state_named')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ..actors._canonical import generic_name, government_of, military_forces, police_forces
from ..actors._role_words import REBEL
from ..lexicons._countries import capital_government, country_from_name
from ..rules import Example, first, rule
from ..schema._types import ActorKind
from ._attribution_lexicon import AttributionLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["BUILD_RULES", "Built", "Phrase", "clean", "first", "org_name"]

Built = tuple[ActorKind, str, str | None]
"""A built actor: its kind, its name and its country."""


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase to build an actor from: its head, its tokens, its name text and country."""

    head: Token
    full: Span
    name: str
    country: str | None
    lex: AttributionLexicon
    date: dt.date | None


@rule(
    "claims.claimant_kind.person",
    decides="actor.kind",
    positive=[
        Example(
            "Mr. Traore lost his herd near Mopti. He said the gunmen stole forty cows.",
            {"claim.claimant.name": "Traore", "claim.claimant.kind": "person"},
        )
    ],
    negative=[
        Example(
            "UNICEF opened a clinic in Gao last year. It said more than 200 children had died in the conflict.",
            {"claim.claimant.kind": "organization"},
        )
    ],
)
def person(p: Phrase) -> Built | None:
    """A person's name, or a proper noun after a role ("Colonel Ali"), is a person."""
    head = p.head
    if head.ent_type_ == "PERSON" or (
        head.pos_ == "PROPN" and any(c.dep_ in ("compound", "appos") and c.pos_ == "NOUN" for c in head.children)
    ):
        return ("person", p.name, p.country)
    return None


@rule(
    "claims.claimant_kind.international",
    decides="actor.kind",
    positive=[
        Example(
            "UNICEF opened a clinic in Gao last year. It said more than 200 children had died in the conflict.",
            {"claim.claimant.country": None},
        )
    ],
    negative=[
        Example(
            "Ukraine lost the village on Friday. It said the troops had withdrawn in good order.",
            {"claim.claimant.country": "UA"},
        )
    ],
)
def international(p: Phrase) -> Built | None:
    """An international body (the UN, UNICEF, the ICRC) is an organisation of no country."""
    lower = p.name.lower()
    if lower in p.lex.international or (p.name.isupper() and lower in p.lex.international):
        return ("organization", p.name, None)
    return None


@rule(
    "claims.claimant_kind.state_named",
    decides="actor.kind",
    positive=[
        Example(
            "Ukraine lost the village on Friday. It said the troops had withdrawn in good order.",
            {"claim.claimant.name": "Government of Ukraine"},
        )
    ],
    negative=[
        Example(
            "The army retook the town of Gao. It said the gunmen fled north.", {"claim.claimant.kind": "state_forces"}
        )
    ],
)
def state_named(p: Phrase) -> Built | None:
    """A capital or a state named as speaker ("Moscow said", "Ukraine claims") is that state's government."""
    code = capital_government(p.name) or country_from_name(p.name)
    if not code:
        return None
    return ("government", government_of(code), code)


@rule(
    "claims.claimant_kind.the_government",
    decides="actor.kind",
    positive=[
        Example(
            "Dissident soldiers in the Democratic Republic of Congo attacked army positions, the government says.",
            {"claim.claimant.name": "Government of the Democratic Republic of Congo"},
        )
    ],
    negative=[
        Example(
            "Dissident soldiers attacked army positions in the Democratic Republic of Congo, the rebels say.",
            {"!claim.claimant.kind": "government"},
        )
    ],
)
def the_government(p: Phrase) -> Built | None:
    """ "The government says" is the government of the document's country."""
    if p.head.lemma_.lower() == "government" and p.head.pos_ == "NOUN" and p.country:
        return ("government", government_of(p.country), p.country)
    return None


def _rebel_modified(head: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in REBEL for c in head.children)


@rule(
    "claims.claimant_kind.rebel_forces",
    decides="actor.kind",
    positive=[
        Example(
            "Rebel forces in South Sudan's civil war said the death count was higher.",
            {"claim.claimant.name": "Unidentified Armed Group (South Sudan)"},
        )
    ],
    negative=[
        Example(
            "Government forces in South Sudan said the death count was higher.",
            {"!claim.claimant.name": "Unidentified Armed Group (South Sudan)"},
        )
    ],
)
def rebel_forces(p: Phrase) -> Built | None:
    """ "Rebel forces said": an armed group of the country, not the state's forces."""
    if p.head.lower_ in p.lex.force_heads and _rebel_modified(p.head) and p.country:
        return ("rebel_group", generic_name("Unidentified Armed Group", p.country), p.country)
    return None


@rule(
    "claims.claimant_kind.state_forces",
    decides="actor.kind",
    positive=[
        Example(
            "Gunmen raided a post near Garissa in Kenya on Friday, the army said.",
            {"claim.claimant.kind": "state_forces"},
        )
    ],
    negative=[
        Example(
            "Gunmen raided a post near Garissa in Kenya on Friday, residents said.",
            {"!claim.claimant.kind": "state_forces"},
        )
    ],
)
def state_forces(p: Phrase) -> Built | None:
    """ "The army said", "the military said", police: the state's forces, as the actors step names them."""
    head = p.head.lower_
    if not p.country or p.date is None:
        return None
    if head in p.lex.force_heads and not any(t.ent_type_ == "ORG" for t in p.full):
        return ("state_forces", military_forces(p.country, p.date), p.country)
    if head in p.lex.police_heads:
        return ("state_forces", police_forces(p.country, p.date), p.country)
    return None


@rule(
    "claims.claimant_kind.anonymous",
    decides="actor.kind",
    positive=[
        Example(
            "Residents fled Gao on Friday. They said the gunmen fired at random.", {"claim.claimant.kind": "unknown"}
        )
    ],
    negative=[
        Example(
            "The army retook the town of Gao. It said the gunmen fled north.", {"claim.claimant.kind": "state_forces"}
        )
    ],
)
def anonymous(p: Phrase) -> Built | None:
    """Unnamed sources (witnesses, residents, officials) keep their phrase and are of unknown kind."""
    if p.head.lower_ in p.lex.anonymous:
        return ("unknown", clean(p.full.text) if len(p.full) <= 6 else p.name, p.country)
    return None


@rule(
    "claims.claimant_kind.organisation",
    decides="actor.kind",
    positive=[
        Example(
            "The Mopti Herders Union said the gunmen stole forty cows.", {"claim.claimant.name": "Mopti Herders Union"}
        )
    ],
    negative=[
        Example("Herders in the Mopti region said the gunmen stole forty cows.", {"claim.claimant.kind": "civilians"})
    ],
)
def organisation(p: Phrase) -> Built | None:
    """A named organisation, or a body word (ministry, agency, council), is an organisation named without its state."""
    head = p.head
    if head.ent_type_ == "ORG" or head.lemma_.lower() in p.lex.organisation_hints or head.pos_ == "PROPN":
        return ("organization", org_name(p.full.text) if len(p.full) <= 8 else org_name(p.name), p.country)
    return None


BUILD_RULES: Final = (
    person,
    international,
    state_named,
    the_government,
    rebel_forces,
    state_forces,
    anonymous,
    organisation,
)
"""How a speaker phrase becomes a new actor, in order: the first rule that applies decides."""


def clean(text: str) -> str:
    """A name without its article or an "X-based" seat."""
    text = re.sub(r"^(the|a|an|another)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^[\w.]+-based\s+", "", text)  # "Britain-based": a seat, not part of the name
    return text.strip(" ,:")  # "SMITH:" opening a transcript line is Smith


def org_name(text: str) -> str:
    """An organisation's name without its state's possessive ("Somalia's National ... Agency")."""
    cleaned = clean(text)
    m = _POSSESSED.match(cleaned)
    if m and (country_from_name(m.group(1)) or capital_government(m.group(1))) and m.group(2)[:1].isupper():
        return m.group(2)
    return cleaned


_POSSESSED: Final = re.compile(r"^([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)['\u2019]s\s+(.+)$")
