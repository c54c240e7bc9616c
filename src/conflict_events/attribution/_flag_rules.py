"""Whether a claim is hedged or negated: small rules over the cue, its sentence and its content.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import AttributionLexicon
>>> lex = AttributionLexicon.load()
>>> doc = load_language_model()("Kovalenko appeared to confirm the operation.")
>>> hedged_by(doc[3], doc[:], lex.frame("confirm"), [], lex)
Decided(value=True, rule='claims.hedged.appears_to')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._docindex import char_span, kids, lowers
from ..rules import Decided, Example, first, rule
from ._attribution_lexicon import AttributionLexicon, Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["HEDGE_RULES", "NEGATION_RULES", "content_negated", "hedged_by", "negated_by"]

_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
Contents = Sequence[tuple[int, int]]


@rule(
    "claims.hedged.hedging_cue",
    decides="claim.hedged",
    positive=[Example("Andriy Yermak suggested the strike on the depot had been a success.", {"claim.hedged": True})],
    negative=[Example("Andriy Yermak said the strike on the depot had been a success.", {"claim.hedged": False})],
)
def hedging_cue(v: Token, sent: Span, frame: Frame, contents: Contents, lex: AttributionLexicon) -> bool | None:
    """A cue that distances the reporter ("suggested", "alleged", "speculated") hedges the claim."""
    return True if frame.hedges else None


@rule(
    "claims.hedged.appears_to",
    decides="claim.hedged",
    positive=[Example("Kovalenko appeared to confirm the operation in a Telegram post.", {"claim.hedged": True})],
    negative=[Example("Kovalenko confirmed the operation in a Telegram post.", {"claim.hedged": False})],
)
def appears_to(v: Token, sent: Span, frame: Frame, contents: Contents, lex: AttributionLexicon) -> bool | None:
    """A cue under "appeared to" or "seemed to" is hedged."""
    return True if v.dep_ == "xcomp" and v.head.lemma_.lower() in lex.hedge_governors else None


@rule(
    "claims.hedged.cue_adverb",
    decides="claim.hedged",
    positive=[Example("The group reportedly said it had seized the town of Bama.", {"claim.hedged": True})],
    negative=[Example("The group said it had seized the town of Bama.", {"claim.hedged": False})],
)
def cue_adverb(v: Token, sent: Span, frame: Frame, contents: Contents, lex: AttributionLexicon) -> bool | None:
    """A hedging adverb on the cue ("reportedly said") hedges the claim."""
    return True if any(c.lower_ in lex.hedge_adverbs for c in kids(v)) else None


@rule(
    "claims.hedged.distancing",
    decides="claim.hedged",
    positive=[
        Example("The militia said without evidence that the army had shelled the market.", {"claim.hedged": True})
    ],
    negative=[Example("The militia said that the army had shelled the market.", {"claim.hedged": False})],
)
def distancing(v: Token, sent: Span, frame: Frame, contents: Contents, lex: AttributionLexicon) -> bool | None:
    """The report distancing itself after the cue ("without evidence", "could not be verified") hedges it."""
    after = doc_text(sent.doc)[v.idx : sent.end_char].lower()[:200]
    return True if any(p in after for p in lex.distancing) else None


@rule(
    "claims.hedged.content_adverb",
    decides="claim.hedged",
    positive=[
        Example("The ministry said the fighters were reportedly captured near Tal Afar.", {"claim.hedged": True})
    ],
    negative=[Example("The ministry said the fighters were captured near Tal Afar.", {"claim.hedged": False})],
)
def content_adverb(v: Token, sent: Span, frame: Frame, contents: Contents, lex: AttributionLexicon) -> bool | None:
    """A hedging adverb inside the content ("were reportedly captured") hedges the claim."""
    text = doc_text(v.doc)
    return True if any(_has_hedge(text, c, lex) for c in contents) else None


def _has_hedge(text: str, content: tuple[int, int], lex: AttributionLexicon) -> bool:
    return any(word in lex.hedge_adverbs for word in text[content[0] : content[1]].lower().split())


HEDGE_RULES: Final = (hedging_cue, appears_to, cue_adverb, distancing, content_adverb)


def hedged_by(v: Token, sent: Span, frame: Frame, contents: Contents, lex: AttributionLexicon) -> Decided[bool] | None:
    """Whether the claim at cue ``v`` is hedged, and the rule that says so."""
    return first(HEDGE_RULES, v, sent, frame, contents, lex)


@rule(
    "claims.negated.denying_cue",
    decides="claim.negated",
    positive=[Example("The Rapid Support Forces denied the claim.", {"claim.negated": True})],
    negative=[Example("The Rapid Support Forces confirmed the claim.", {"claim.negated": False})],
)
def denying_cue(v: Token, frame: Frame, content: tuple[int, int] | None) -> bool | None:
    """A denying cue (deny, reject, dispute, dismiss, refute) negates what it reports."""
    return True if frame.negates else None


@rule(
    "claims.negated.negated_cue",
    decides="claim.negated",
    positive=[Example("The army did not confirm that the base had fallen.", {"claim.negated": True})],
    negative=[Example("The army confirmed that the base had fallen.", {"claim.negated": False})],
)
def negated_cue(v: Token, frame: Frame, content: tuple[int, int] | None) -> bool | None:
    """A negated cue ("did not confirm") negates the claim."""
    return True if any(c.dep_ == "neg" for c in kids(v)) else None


@rule(
    "claims.negated.content",
    decides="claim.negated",
    positive=[Example("The army said no civilians were harmed in the strike.", {"claim.negated": True})],
    negative=[Example("The army said two civilians were harmed in the strike.", {"claim.negated": False})],
)
def negated_content(v: Token, frame: Frame, content: tuple[int, int] | None) -> bool | None:
    """A content whose own verb is negated, or whose subject is "no ...", is a negative claim."""
    return True if content is not None and content_negated(v.doc, content) else None


NEGATION_RULES: Final = (denying_cue, negated_cue, negated_content)


def negated_by(v: Token, frame: Frame, content: tuple[int, int] | None) -> Decided[bool] | None:
    """Whether the claim at cue ``v`` with ``content`` is negated, and the rule that says so."""
    return first(NEGATION_RULES, v, frame, content)


def content_negated(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether the content's root is negated or its subject is "no ..." ("no civilians were harmed")."""
    span = char_span(doc, *content)
    if span is None or len(span) == 0:
        return False
    root = span.root
    if any(c.dep_ == "neg" for c in kids(root)):
        return True
    lower = lowers(doc)
    return any(
        c.dep_ == "det" and c.head.dep_ in _SUBJECTS and c.head.head == root
        for c in (doc[i] for i in range(span.start, span.end) if lower[i] == "no")
    )
