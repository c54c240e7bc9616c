"""Pronouns: "he said" for the last person named, "it said" for the organisation that speaks."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..rules import Example, rule
from ._actor_ref import ActorRef
from ._pass_state import PRONOUN, SUBJECTS, FinderBase, ids
from ._role_words import RoleWords

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PronounPass"]

_WINDOW = 600  # characters: a pronoun points back a few sentences at most


@rule(
    "actors.pronouns.reported_it",
    decides="actor.name",
    positive=[
        Example(
            "The RSF said it had shot down an army drone over Nyala on Sunday.",
            {"actor.name": "Rapid Support Forces"},
        )
    ],
    negative=[
        Example(
            "The RSF shot down an army drone over Nyala on Sunday.",
            {"actor.name": "Rapid Support Forces"},
        )
    ],
)
def reported_it(f: PronounPass, tok: Token) -> ActorRef | None:
    """ "The RSF said it had shot down a jet": "it" in what a reporting verb reports is that verb's subject."""
    reporter = tok.head.head if tok.head.dep_ == "ccomp" else None
    if reporter is None or reporter.lemma_.lower() not in f.roles.reporting_verbs:
        return None
    subject = next((c for c in reporter.children if c.dep_ in SUBJECTS), None)
    said = f.at(subject.idx, subject.idx + len(subject)) if subject is not None else None
    return said.ref if said is not None and not said.ref.person else None


@rule(
    "actors.pronouns.it_said",
    decides="actor.name",
    positive=[
        Example(
            "Somalia's intelligence agency announced the arrest of six Al-Shabaab members in Baidoa on "
            "Monday. It said they had planned attacks.",
            {"actor.name": "Military Forces of Somalia (2022-)"},
        )
    ],
    negative=[
        Example(
            "Somalia's intelligence agency announced the arrest of six Al-Shabaab members in Baidoa on "
            "Monday. They had planned attacks.",
            {"actor.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def it_said(f: PronounPass, tok: Token) -> ActorRef | None:
    """ "It said": the organisation, government or armed group last named as a subject."""
    if tok.head.lemma_.lower() not in f.roles.reporting_verbs:
        return None
    prior = f.before(tok.idx, person=False, subject_only=True)
    if prior and prior.ref.kind in f.roles.organisation_pronoun_kinds and tok.idx - prior.end < _WINDOW:
        return prior.ref
    return None


@rule(
    "actors.pronouns.person",
    decides="actor.name",
    positive=[
        Example(
            "Governor Babagana Zulum visited Gajiram on Monday after the attack. He said 12 farmers were killed.",
            {"actor.name": "Babagana Zulum"},
        )
    ],
    negative=[
        Example(
            "Governor Babagana Zulum visited Gajiram on Monday after the attack, where 12 farmers were killed.",
            {"actor.name": "Babagana Zulum"},
        )
    ],
)
def person_pronoun(f: PronounPass, tok: Token) -> ActorRef | None:
    """ "He said", "she added": the person last named as a subject, else the last person named."""
    prior = f.before(tok.idx, person=True, subject_only=True) or f.before(tok.idx, person=True)
    return prior.ref if prior and tok.idx - prior.end < _WINDOW else None


@rule(
    "actors.pronouns.reported_its",
    decides="actor.name",
    positive=[
        Example(
            "KYIV (Reuters) - Ukraine said on Sunday its long-range drones had struck an oil depot in Russia's"
            " Bryansk region, causing a large fire.",
            {"event.actor1.name": "Military Forces of Ukraine (2019-)"},
        ),
        Example(
            "The Nigerian Air Force said its jets had struck a bandit camp in the Dansadau forest on Monday.",
            {"event.actor1.name": "Military Forces of Nigeria (2023-)"},
        ),
    ],
    negative=[
        Example(
            "Al Shabaab said on Sunday its fighters had shelled an army base near Baidoa, killing two soldiers.",
            {"event.actor1.name": "Al Shabaab"},
        )
    ],
)
def reported_its(f: PronounPass, tok: Token) -> ActorRef | None:
    """ "Ukraine said its drones had struck a refinery": the strike or weapon owned by "its" in what a state's
    government or forces report is that state's forces' (``strike_nouns``)."""
    noun = tok.head
    if tok.dep_ != "poss" or noun.lemma_.lower() not in f.roles.strike_nouns:
        return None
    verb = noun.head
    reporter = verb.head if verb.dep_ == "ccomp" and noun.dep_ in SUBJECTS else None
    if reporter is None or reporter.lemma_.lower() not in f.roles.reporting_verbs:
        return None
    subject = next((c for c in reporter.children if c.dep_ in SUBJECTS), None)
    said = f.at(subject.idx, subject.idx + len(subject)) if subject is not None else None
    if said is None or said.ref.kind not in ("government", "state_forces") or said.ref.country is None:
        return None
    return f.resolver.state(said.ref.country)


@lru_cache(maxsize=16)
def _possessive_ids(roles: RoleWords) -> frozenset[int]:
    """The string ids of "its" and "their"."""
    return ids(*roles.possessive_pronouns)


@lru_cache(maxsize=16)
def _pronoun_ids(roles: RoleWords) -> frozenset[int]:
    """The string ids of the pronouns, made once per role words, not per document."""
    return ids(*roles.pronouns)


class PronounPass(FinderBase):
    """Subject pronouns resolved to the actor they stand for, where it is safe."""

    def find_pronouns(self) -> None:
        for i in self.token_ids(lower=_pronoun_ids(self.roles)):
            tok = self.toks[i]
            if tok.dep_ not in SUBJECTS or tok.lower_ not in self.roles.pronouns:
                continue
            if tok.lower_ == "it":
                ref, by = reported_it(self, tok), reported_it.name
                if ref is None and not self._reports(tok):
                    ref, by = it_said(self, tok), it_said.name
            else:
                ref, by = person_pronoun(self, tok), person_pronoun.name
            if ref is not None:
                self.add(tok.idx, tok.idx + len(tok), replace(ref, rule=by), PRONOUN, subject=True)
        for i in self.token_ids(lower=_possessive_ids(self.roles)):
            tok = self.toks[i]
            if self.at(tok.idx, tok.idx + len(tok)) is not None:
                continue
            ref = reported_its(self, tok)
            if ref is not None:
                self.add(tok.idx, tok.idx + len(tok), replace(ref, rule=reported_its.name), PRONOUN, subject=True)

    def _reports(self, tok: Token) -> bool:
        """ "it" inside what a reporting verb reports: only :func:`reported_it` may read it."""
        reporter = tok.head.head if tok.head.dep_ == "ccomp" else None
        return reporter is not None and reporter.lemma_.lower() in self.roles.reporting_verbs
