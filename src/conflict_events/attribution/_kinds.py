"""What a claim asserts (its kind) and whether it is a tally over a period or an area.

Kind, the first rule that applies (:data:`KIND_RULES`, ``docs/claims.md``):

1. ``casualties``: a figure of killed, wounded, missing or casualties, or a
   casualty noun with no number ("heavy casualties", "the bodies");
2. ``losses``: equipment destroyed, downed or taken;
3. ``threat``: a threatening cue ("threatened", "warned") or a vow of retaliation;
4. ``intent``: a promise or a future clause ("would send troops", "is ready to");
5. ``territory``: taking, holding or losing ground ("had taken multiple locations");
6. ``event``: a conflict action in the content ("launched attacks", "were arrested");
7. ``casualties`` again for other words of death ("the death toll");
8. ``statement``: anything else (opinions, descriptions).

A claim is ``aggregate`` when it counts over a period or an area rather than one
event: "over the past day", "since August", "in 2024", "so far", "in the
conflict", "in 16 villages", "on Sunday and Monday", "recently".

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Russia lost 430,000 soldiers in 2024.")
>>> claim_kind(doc[:], ["casualties"], "claim"), is_aggregate(doc[:])
('casualties', True)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, cast

from .. import _docindex as docindex
from .._doccache import doc_text
from ..quantities._quantity_lexicon import EQUIPMENT_NOUNS, PERSON_NOUNS
from ..rules import Decided, Example, first, rule
from ..schema._types import ClaimKind
from ._attribution_lexicon import AttributionLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ATTITUDE_RULES", "KIND_RULES", "KindInput", "attitude_of", "claim_kind", "is_aggregate", "kind_of", "tally"]

_CASUALTY_CATEGORIES: Final = frozenset({"killed", "wounded", "missing", "casualties"})


@dataclass(frozen=True)
class KindInput:
    """What the kind rules read: the content, its lemmas, the categories of its figures and the cue."""

    content: Span
    words: list[str]
    categories: frozenset[str]
    cue: str
    lex: AttributionLexicon

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(self.words)


@rule(
    "claims.kind.casualties",
    decides="claim.kind",
    positive=[Example("The army said its troops killed 40 fighters near Gao.", {"claim.kind": "casualties"})],
    negative=[Example("The army said its troops destroyed three tanks near Gao.", {"claim.kind": "losses"})],
)
def casualties(k: KindInput) -> ClaimKind | None:
    """A figure of killed, wounded or missing, or a casualty noun ("heavy casualties"), makes a casualty claim."""
    if k.categories & _CASUALTY_CATEGORIES or k.lemmas & k.lex.casualty_nouns:
        return "casualties"
    return None


@rule(
    "claims.kind.losses",
    decides="claim.kind",
    positive=[Example("The ministry said air defences destroyed 15 drones overnight.", {"claim.kind": "losses"})],
    negative=[Example("The ministry said three tanks crossed the river at dawn.", {"!claim.kind": "losses"})],
)
def losses(k: KindInput) -> ClaimKind | None:
    """Equipment destroyed, downed, lost or taken makes a claim of losses."""

    def objects(t: Token) -> list[Token]:
        direct = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        return direct + [n for c in direct for n in c.conjuncts]

    found = any(
        any(o.lemma_.lower() in EQUIPMENT_NOUNS for o in objects(t))
        for t in _matching(k.content, k.words, k.lex.equipment_loss)
    )
    return "losses" if found else None


@rule(
    "claims.kind.threat",
    decides="claim.kind",
    positive=[Example("The militia threatened to attack the convoy on the road to Bunia.", {"claim.kind": "threat"})],
    negative=[Example("The militia promised to open the road to Bunia.", {"claim.kind": "intent"})],
)
def threat(k: KindInput) -> ClaimKind | None:
    """A threatening cue ("threatened", "warned"), or a vow of retaliation, makes a threat."""
    if k.cue in k.lex.threat_verbs or (k.lemmas & k.lex.threat_words and k.cue in k.lex.intent_verbs):
        return "threat"
    return None


@rule(
    "claims.kind.intent",
    decides="claim.kind",
    positive=[Example("“We will send troops to the region,” the governor said.", {"claim.kind": "intent"})],
    negative=[Example("“We sent troops to the region,” the governor said.", {"!claim.kind": "intent"})],
)
def intent(k: KindInput) -> ClaimKind | None:
    """A promising cue, or a future clause ("would send troops", "is ready to"), makes an intent."""
    root = k.content.root
    words = {c.lower_ for c in root.children if c.dep_ in ("aux", "acomp", "xcomp")} | {root.lemma_.lower()}
    return "intent" if k.cue in k.lex.intent_verbs or words & k.lex.future else None


@rule(
    "claims.kind.territory",
    decides="claim.kind",
    positive=[Example("The group said it had taken several villages near Palma.", {"claim.kind": "territory"})],
    negative=[
        Example("The group said it had taken several soldiers prisoner near Palma.", {"!claim.kind": "territory"})
    ],
)
def territory(k: KindInput) -> ClaimKind | None:
    """Taking, holding or losing a place ("had taken multiple locations") makes a territory claim."""
    for t in _matching(k.content, k.words, k.lex.territory_verbs):
        if t.pos_ != "VERB":
            continue
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(o.lemma_.lower() in k.lex.place_nouns or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs) and not any(
            o.lemma_.lower() in PERSON_NOUNS for o in objs
        ):
            return "territory"
    return None


@rule(
    "claims.kind.event",
    decides="claim.kind",
    positive=[
        Example("The ministry confirmed that rebel forces launched new attacks on Sunday.", {"claim.kind": "event"})
    ],
    negative=[Example("The ministry said the situation in the north was catastrophic.", {"claim.kind": "statement"})],
)
def event(k: KindInput) -> ClaimKind | None:
    """A conflict action in the content (attack, shell, arrest, ...) makes an event claim."""
    return "event" if k.lemmas & k.lex.event_words or "captured" in k.categories else None


@rule(
    "claims.kind.death_words",
    decides="claim.kind",
    positive=[Example("Hospital officials said the death toll was rising.", {"claim.kind": "casualties"})],
    negative=[Example("Hospital officials said the wards were full.", {"claim.kind": "statement"})],
)
def death_words(k: KindInput) -> ClaimKind | None:
    """Words of death or injury with nothing else to go by ("the death toll") make a casualty claim."""
    return "casualties" if k.lemmas & k.lex.casualty_words else None


KIND_RULES: Final = (casualties, losses, threat, intent, territory, event, death_words)
"""The kind rules in order: the first that applies decides; none gives ``statement``."""


def kind_of(content: Span, categories: Sequence[str], cue: str, lex: AttributionLexicon) -> Decided[ClaimKind] | None:
    """The kind of a claim and the rule that decided it (``None``: a plain statement)."""
    words = docindex.lemmas(content.doc)[content.start : content.end]  # the Doc's list: no Token objects
    found = first(KIND_RULES, KindInput(content, words, frozenset(categories), cue, lex))
    return Decided(cast(ClaimKind, found.value), found.rule) if found is not None else None


def claim_kind(
    content: Span, categories: Sequence[str], cue: str, lexicon: AttributionLexicon | None = None
) -> ClaimKind:
    """The kind of a claim from its content, the categories of its figures, and its cue lemma."""
    found = kind_of(content, categories, cue, lexicon or AttributionLexicon.load())
    return found.value if found is not None else "statement"


@rule(
    "claims.aggregate.period_or_area",
    decides="claim.aggregate",
    positive=[Example("UNICEF said more than 2,200 children had died in the conflict.", {"claim.aggregate": True})],
    negative=[
        Example("Residents said three civilians were killed in their car near Zabid.", {"claim.aggregate": False})
    ],
)
def tally(content: Span, lex: AttributionLexicon) -> bool | None:
    """A count over a period or an area ("over the past day", "since August", "in 16 villages") is a tally."""
    text = doc_text(content.doc)[content.start_char : content.end_char] if len(content) else ""
    return True if lex.aggregate.search(text) else None


def is_aggregate(content: Span, lexicon: AttributionLexicon | None = None) -> bool:
    """Whether the content counts over a period or an area rather than one event."""
    return tally(content, lexicon or AttributionLexicon.load()) is not None


def _matching(content: Span, words: list[str], wanted: frozenset[str]) -> Iterator[Token]:
    """The content's tokens whose lemma is one of ``wanted``, in order."""
    doc = content.doc
    return (doc[content.start + k] for k, w in enumerate(words) if w in wanted)


# The attitude a cue gives its source (``reporting.toml``'s ``*_cues`` lists): recorded in the
# claim's provenance as field ``attitude``, so users who want only statements can filter on it.
# A plain statement ("said", "according to") has no attitude decision.


@rule(
    "claims.attitude.denial",
    decides="claim.attitude",
    positive=[Example("The rebels denied that they had shelled the camp near Goma.", {"claim.cue": "deny"})],
    negative=[Example("The rebels said they had shelled the camp near Goma.", {"claim.cue": "say"})],
)
def denial(cue: str, lex: AttributionLexicon) -> bool | None:
    """The source denies, rejects or refuses the content ("denied that", "declined to")."""
    return lex.attitude(cue) == "denial" or None


@rule(
    "claims.attitude.demand",
    decides="claim.attitude",
    positive=[Example("The UN envoy urged both sides to respect the truce in Hodeidah.", {"claim.cue": "urge"})],
    negative=[Example("The UN envoy said both sides respected the truce in Hodeidah.", {"claim.cue": "say"})],
)
def demand(cue: str, lex: AttributionLexicon) -> bool | None:
    """The source asks or demands that the content be done ("urged X to", "demanded")."""
    return lex.attitude(cue) == "demand" or None


@rule(
    "claims.attitude.intention",
    decides="claim.attitude",
    positive=[Example("The junta vowed to retake the town of Lashio within weeks.", {"claim.cue": "vow"})],
    negative=[Example("The junta said it had retaken the town of Lashio.", {"claim.cue": "say"})],
)
def intention(cue: str, lex: AttributionLexicon) -> bool | None:
    """The source means or wants to do the content, or backs it ("vowed to", "plans to", "supports")."""
    return lex.attitude(cue) == "intention" or None


@rule(
    "claims.attitude.belief",
    decides="claim.attitude",
    positive=[
        Example("Local officials believe the militants crossed the border from Niger.", {"claim.cue": "believe"})
    ],
    negative=[Example("Local officials said the militants crossed the border from Niger.", {"claim.cue": "say"})],
)
def belief(cue: str, lex: AttributionLexicon) -> bool | None:
    """The source believes, knows or expects the content ("believe", "fear", "expect")."""
    return lex.attitude(cue) == "belief" or None


ATTITUDE_RULES: Final = (denial, demand, intention, belief)
"""The attitude rules; a cue none of them names is a plain statement."""


def attitude_of(cue: str, lex: AttributionLexicon) -> Decided[bool] | None:
    """The attitude rule that names the cue's attitude, if any (the cue's name's first word: "put the toll at")."""
    return first(ATTITUDE_RULES, cue.split()[0] if cue else cue, lex)
