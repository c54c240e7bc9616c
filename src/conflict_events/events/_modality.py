"""Is the action said to have happened? Negation, threats, plans, futures, support phrases.

ACLED codes what happened, as reported: "X said that rebels shelled Y" counts
(reported speech is how news reports events), but "threatened to strike",
"would send troops", "ready for talks", "failed to take", "denied attacking" do
not. A trigger under a cessation word ("pausing their push") is the pause, not
the push; a strike inside "backed by US air strikes" is support of another
operation, not an event of its own.

>>> from conflict_events.nlp import load_language_model
>>> nlp = load_language_model()
>>> status(nlp("The militia threatened to attack the town.")[4])
'irrealis'
>>> status(nlp("Officials said the militia attacked the town.")[4])
'real'
>>> status(nlp("The army did not shell the village.")[4])
'negated'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._event_mentions import lemma
from ._trigger_lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["REPORTING", "status"]

# Reporting verbs end the upward walk: what they report is the content, and its
# modality is its own ("said it would" stays irrealis through "would").
REPORTING = frozenset(
    {
        "say",
        "claim",
        "report",
        "confirm",
        "tell",
        "add",
        "write",
        "state",
        "announce",
        "accuse",
        "allege",
        "blame",
        "suggest",
        "insist",
        "note",
        "post",
        "show",
        "estimate",
        "reveal",
        "acknowledge",
        "admit",
    }
)
_MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "should", "can", "'ll", "wo", "ca"})
_TIMERS = frozenset({"come", "follow", "precede"})
_FACTUAL_MARKS = frozenset({"after", "before", "when", "as", "since", "while", "once", "because"})


def status(token: Token, lex: Lexicon | None = None) -> str:
    """``real``, ``negated``, ``irrealis``, ``cessation`` or ``support`` for a trigger token."""
    lex = lex or load_lexicon()
    irrealis = lex.words("irrealis")
    cessation = lex.words("cessation")
    support = lex.words("support")
    tok = token
    steps = 0
    while True:
        for child in tok.children:
            dep = child.dep_
            if dep == "neg" or (dep == "det" and child.lower_ == "no"):
                return "negated"
            if dep == "aux" and child.lower_ in _MODALS:
                return "irrealis"
            if dep == "mark" and child.lower_ in ("if", "unless"):
                return "irrealis"
        lem = lemma(tok)
        if tok is not token:
            if lem in REPORTING:
                return "real"
            if lem in irrealis or tok.lower_ in irrealis:
                return "irrealis"
            if lem in cessation and steps <= 3:
                return "cessation"
            if lem in support and tok.tag_ == "VBN" and steps <= 3:
                return "support"
        if tok.head.i == tok.i or steps > 8:
            return "real"
        if tok.dep_ == "advcl" and (
            lemma(tok.head) in _TIMERS
            or any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in tok.children)
        ):
            return "real"  # "promised retaliation after the army used missiles": the use happened
        tok = tok.head
        steps += 1
