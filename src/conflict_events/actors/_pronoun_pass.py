"""Pronouns: "he said" for the last person named, "it said" for the organisation that speaks."""

from __future__ import annotations

from typing import Final

from . import _role_words as roles
from ._pass_state import PRONOUN, SUBJECTS, FinderBase, ids

__all__ = ["PronounPass"]

_PRONOUNS: Final = ids("he", "she", "it")


class PronounPass(FinderBase):
    """Subject pronouns resolved to the actor they stand for, where it is safe."""

    # -- pronouns ------------------------------------------------------------------------------------
    def find_pronouns(self) -> None:
        for i in self.token_ids(lower=_PRONOUNS):
            tok = self.toks[i]
            if tok.dep_ not in SUBJECTS or tok.lower_ not in ("he", "she", "it"):
                continue
            if tok.lower_ == "it":
                reporter = tok.head.head if tok.head.dep_ == "ccomp" else None
                if reporter is not None and reporter.lemma_.lower() in roles.REPORTING_VERBS:
                    # "The RSF said it had shot down a jet": "it" is the reporting verb's subject
                    subject = next((c for c in reporter.children if c.dep_ in SUBJECTS), None)
                    said = self.at(subject.idx, subject.idx + len(subject)) if subject is not None else None
                    if said is not None and not said.ref.person:
                        self.add(tok.idx, tok.idx + len(tok), said.ref, PRONOUN, subject=True)
                    continue
                if tok.head.lemma_.lower() not in roles.REPORTING_VERBS:
                    continue
                prior = self.before(tok.idx, person=False, subject_only=True)
                if (
                    prior
                    and prior.ref.kind
                    in ("government", "state_forces", "organization", "media", "rebel_group")
                    and tok.idx - prior.end < 600
                ):
                    self.add(tok.idx, tok.idx + len(tok), prior.ref, PRONOUN, subject=True)
                continue
            prior = self.before(tok.idx, person=True, subject_only=True) or self.before(tok.idx, person=True)
            if prior and tok.idx - prior.end < 600:
                self.add(tok.idx, tok.idx + len(tok), prior.ref, PRONOUN, subject=True)
