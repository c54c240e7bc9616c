"""Who acts and who is acted upon, from the dependency parse.

ACLED's actor1 is the side that acts and actor2 the side acted upon (in Violence
against civilians the victim is always actor2). The parse gives them: the subject
of an active verb, the agent of a passive ("killed by gunmen"), the possessor or
nationality adjective of a nominalisation ("Ukraine's counterattack", "a coalition
air strike"), the subject of a light verb ("launched an attack"), the "between X
and Y" of a fight; the object, the "on/against/at" target, the passive subject
and the victims of a "that killed ..." clause are acted upon. Actors come from
``draft.actors`` (their mentions); a pronoun the actors step left unresolved is
read as the latest armed actor named before it.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Gunmen raided the village.")
>>> [t.text for t in sides(doc[1]).agent_tokens], [t.text for t in sides(doc[1]).patient_tokens]
(['Gunmen'], ['village'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from ._event_mentions import lemma
from ._trigger_lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from ..draft import Draft
    from ..schema import Actor

__all__ = ["Sides", "actor_of", "sides"]

_TARGET_PREPS = frozenset({"on", "against", "at", "upon", "into", "targeting", "toward", "towards"})
_CLASH_PREPS = frozenset({"with"})
_ACCUSE = frozenset({"accuse", "blame", "suspect", "charge", "convict"})
_PRONOUNS = frozenset({"they", "them", "it", "he", "she", "we", "its", "their", "his", "her"})
_ARMED_KINDS = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}
)


@dataclass
class Sides:
    """Tokens heading the acting side, the side acted upon, and allies named with them."""

    agent_tokens: list[Token] = field(default_factory=list)
    patient_tokens: list[Token] = field(default_factory=list)
    assoc_tokens: list[Token] = field(default_factory=list)


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _subject_of(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of a verb (walking to the governing verb for xcomp/conj/acl), and passive."""
    seen = 0
    tok = verb
    while seen < 6:
        if tok.pos_ in ("NOUN", "PROPN") and tok is not verb:
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss:
                return poss, False  # "Ukraine's counteroffensive to retake ..."
        if tok.dep_ == "pcomp" and tok.head.lower_ == "of":
            holder = tok.head.head
            if holder.dep_ in ("dobj", "obj") and lemma(holder.head) in _ACCUSE:
                return [holder], False  # "accusing Russian forces of directing artillery fire"
            if lemma(holder) in _ACCUSE:
                objs = [c for c in holder.children if c.dep_ in ("dobj", "obj")]
                if objs:
                    return objs, False
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        if subjects:
            # two subjects are a misparse ("ADEN, Yemen (Reuters) - Houthi forces fired"): the one
            # nearest before the verb is the real one
            before = [c for c in subjects if c.i < tok.i]
            child = _loyal_followers(before[-1] if before else subjects[0])
            return [child], child.dep_ == "nsubjpass"
        if tok.dep_ == "advcl" and tok.i > 0:
            left = tok.doc[tok.i - 1]
            if left.pos_ in ("NOUN", "PROPN") and left.head.i != tok.i and left.dep_ == "pobj":
                return [
                    left
                ], False  # misparsed "as Moscow's forces continue to push": the noun before the verb
        tok_dep = tok.dep_
        if tok_dep == "ccomp" and tok.head.i < tok.i:
            # "Residents said the gunmen who rode motorcycles, on Tuesday, stormed the village": the
            # parse gives the content's subject to the reporting verb, after it and before the content
            late = [c for c in tok.head.children if c.dep_ == "nsubj" and tok.head.i < c.i < tok.i]
            if late:
                return [late[-1]], False
        if tok_dep in ("xcomp", "conj", "acl", "advcl", "pcomp") or tok_dep == "pobj" or tok_dep == "prep":
            tok = tok.head
            seen += 1
            continue
        if tok_dep in ("dobj",) and tok.pos_ == "NOUN":
            tok = tok.head
            seen += 1
            continue
        break
    return [], False


def sides(head: Token, lex: Lexicon | None = None) -> Sides:
    """Agent, patient and associated tokens for a trigger head token."""
    lex = lex or load_lexicon()
    out = Sides()
    if head.pos_ in ("VERB", "AUX"):
        subj, passive = _subject_of(head)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        if lemma(head) == "come" and any(c.lower_ == "under" for c in head.children):
            out.patient_tokens += subj  # "the rebels came under fire"
        elif passive and own_subject:
            out.patient_tokens += subj
        else:
            out.agent_tokens += subj
        for child in head.children:
            dep = child.dep_
            if dep == "agent":
                out.agent_tokens += [c for c in child.children if c.dep_ == "pobj"]
            elif dep in ("dobj", "obj"):
                out.patient_tokens.append(child)
            elif dep == "prep" and (child.lower_ in _TARGET_PREPS or child.lower_ in _CLASH_PREPS):
                out.patient_tokens += [c for c in child.children if c.dep_ == "pobj"]
            elif dep == "prep" and child.lower_ == "between":
                for p in (c for c in child.children if c.dep_ == "pobj"):
                    conj = _conjuncts(p)
                    out.agent_tokens.append(conj[0])  # "fighting between the army and the militia"
                    out.patient_tokens += conj[1:]
            elif dep == "xcomp" and lemma(child) == "target":
                out.patient_tokens += [c for c in child.children if c.dep_ == "dobj"]
    else:
        for child in head.children:
            dep = child.dep_
            if dep == "poss" or (dep in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN")):
                out.agent_tokens.append(child)
            elif dep == "prep" and child.lower_ == "by":
                # "Sudan village attack by RSF": the "by" agent beats a place-like modifier
                out.agent_tokens[:0] = [c for c in child.children if c.dep_ == "pobj"]
            elif dep == "prep" and child.lower_ == "between":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                for p in pobj:
                    conj = _conjuncts(p)
                    out.agent_tokens.append(conj[0])
                    out.patient_tokens += conj[1:]
            elif dep == "prep" and (child.lower_ in _TARGET_PREPS or child.lower_ in ("of", "with")):
                out.patient_tokens += [c for c in child.children if c.dep_ == "pobj"]
            elif dep == "acl" and _carried_out_by(child, lex):
                # "a drone strike believed to have been carried out by the Malian army"
                out.agent_tokens[:0] = _carried_out_by(child, lex)
            elif dep in ("relcl", "acl") and lemma(child) in (
                "kill",
                "hit",
                "target",
                "wound",
                "injure",
            ):
                out.patient_tokens += [c for c in child.children if c.dep_ in ("dobj", "obj")]
        gov = head.head
        if head.dep_ == "pobj" and gov.lower_ == "for" and lemma(gov.head) == "responsibility":
            claimer = gov.head.head  # "Islamic State claimed responsibility for a suicide bombing"
            out.agent_tokens += [c for c in claimer.children if c.dep_ == "nsubj"]
        if head.dep_ in ("dobj", "obj", "attr") and lemma(gov) in lex.words("light_verbs") | {
            "carry",
            "launch",
        }:
            subj, _ = _subject_of(gov)
            out.agent_tokens += subj
            for child in gov.children:
                if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                    out.patient_tokens += [c for c in child.children if c.dep_ == "pobj"]
            for t in gov.subtree:
                if lemma(t) == "target" and t.pos_ == "VERB" and not out.patient_tokens:
                    out.patient_tokens += [c for c in t.children if c.dep_ in ("dobj", "obj")]
        elif head.dep_ == "nsubj" and gov.pos_ == "VERB":
            # "a drone strike believed to have been carried out by the army killed ..."
            out.agent_tokens[:0] = _carried_out_by(gov, lex)
            out.patient_tokens += [c for c in gov.children if c.dep_ in ("dobj", "obj")]
            for prep in (c for c in gov.children if c.dep_ == "prep" and c.lower_ == "between"):
                for p in (c for c in prep.children if c.dep_ == "pobj"):
                    conj = _conjuncts(p)
                    out.agent_tokens.append(conj[0])  # "fighting broke out between the army and the RSF"
                    out.patient_tokens += conj[1:]
        elif head.dep_ == "pobj" and gov.dep_ in ("prep", "agent") and gov.head.pos_ == "VERB":
            verb = gov.head
            subj, passive = _subject_of(verb)
            if passive:
                out.patient_tokens += subj  # "civilians were killed in air strikes"
            elif lemma(verb) in ("kill", "wound", "injure", "destroy", "hit"):
                out.agent_tokens += subj
                out.patient_tokens += [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    # allies: "forces backed by Saudi Arabia and the UAE", "X and allied fighters"
    for tok in list(out.agent_tokens):
        for child in tok.children:
            if child.dep_ == "acl" and lemma(child) in lex.words("support"):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for p in agent.children:
                            if p.dep_ == "pobj":
                                out.assoc_tokens += _conjuncts(p)
        out.assoc_tokens += [c for c in tok.conjuncts if c.i > tok.i and c not in out.patient_tokens]
    return out


# "carried out by", and for a device the verbs of who put it there: "landmines planted by the militants"
_PLACED_DEVICE_VERBS = frozenset({"carry", "plant", "lay", "place", "set", "fire", "launch", "drop"})


_LOYAL: Final = frozenset({"loyal", "allied", "affiliated", "linked", "close"})


def _loyal_followers(subject: Token) -> Token:
    """ "troops loyal to general Laurent Nkunda bombarded": the parse can make the leader the
    subject; the followers named before "loyal to" act, not the person."""
    first = subject.left_edge.i
    doc = subject.doc
    if first >= 3 and doc[first - 1].lower_ == "to" and doc[first - 2].lower_ in _LOYAL:
        followers = doc[first - 3]
        if followers.pos_ in ("NOUN", "PROPN"):
            return followers
    return subject


def _carried_out_by(verb: Token, lex: Lexicon) -> list[Token]:
    """The agent of a passive light verb hanging on a nominal, directly or under "believed to"."""
    for v in (verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))):
        if lemma(v) in lex.words("light_verbs") | _PLACED_DEVICE_VERBS:
            return [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return []


def _core(tok: Token) -> tuple[int, int]:
    """Character range of a noun phrase up to its head (no trailing prepositions or clauses)."""
    start = tok.left_edge.idx
    return start, tok.idx + len(tok.text)


def actor_of(tok: Token, draft: Draft, at: Callable[[int, int], Actor | None] | None = None) -> Actor | None:
    """The draft actor a token's noun phrase names; pronouns fall back to the latest armed actor.

    ``at`` stands in for ``draft.actor_at`` (the same answers, e.g. from a per-document index).
    """
    actor_at = at or draft.actor_at
    start, end = _core(tok)
    actor = actor_at(tok.idx, tok.idx + len(tok.text)) or actor_at(start, end)
    if actor is None:
        # "340 members of the Ukrainian armed forces": the group the counted people belong to
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        actor = actor_at(*_core(pobj))
    if actor is None and tok.lower_ in _PRONOUNS:
        actor = _main_subject(tok, actor_at) or _latest_armed(draft, tok.idx)
    return actor


def _main_subject(tok: Token, actor_at: Callable[[int, int], Actor | None]) -> Actor | None:
    """A pronoun subject of a subordinate or conjoined clause is the main clause's subject.

    "Rebels seized a town from the army as they continued to advance": "they" are the rebels,
    not the army named just before.
    """
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    while verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _PRONOUNS]
        if subj:
            start, end = _core(subj[0])
            return actor_at(subj[0].idx, subj[0].idx + len(subj[0].text)) or actor_at(start, end)
    return None


def _latest_armed(draft: Draft, before: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in draft.actors:
        if actor.kind not in _ARMED_KINDS:
            continue
        for m in actor.mentions:
            if m.end <= before and before - m.end < 250 and (best is None or m.start > best[0]):
                best = (m.start, actor)
    return best[1] if best else None
