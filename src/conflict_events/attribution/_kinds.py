"""What a claim asserts (its kind) and whether it is a tally over a period or an area.

Kind, first rule that fits (``docs/claims.md``):

1. ``casualties``: a figure of killed, wounded, missing or casualties, or a
   casualty word with no number ("heavy casualties", "the bodies");
2. ``losses``: an equipment figure, or equipment destroyed;
3. ``threat``: a threatening cue ("threatened", "warned") or "retaliation/revenge";
4. ``intent``: a promise or a future clause ("would send troops", "is ready to");
5. ``territory``: taking, holding or losing ground ("had taken multiple locations");
6. ``event``: a conflict action in the content ("launched attacks", "fired rockets",
   "were arrested");
7. ``statement``: anything else (opinions, descriptions).

A claim is ``aggregate`` when it counts over a period or an area rather than one
event: "over the past day", "since August", "in 2024", "so far", "in the
conflict", "in 16 villages", "on Sunday and Monday", "recently".

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Russia lost 430,000 soldiers in 2024.")
>>> claim_kind(doc[:], ["casualties"], "claim"), is_aggregate(doc[:])
('casualties', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final

from .. import _docindex as docindex
from .._doccache import doc_text
from ..schema._types import ClaimKind
from ._cues import INTENT_VERBS, THREAT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["claim_kind", "is_aggregate"]

_CASUALTY_WORDS: Final = frozenset(
    {
        "casualty",
        "death",
        "dead",
        "body",
        "corpse",
        "fatality",
        "injury",
        "toll",
        "kill",
        "die",
        "wound",
        "injure",
    }
)
_EQUIPMENT_LOSS: Final = frozenset(
    {
        "destroy",
        "down",
        "shoot",
        "disable",
        "wreck",
        "lose",
        "take",
        "capture",
        "seize",
        "damage",
        "hit",
        "strike",
        "neutralise",
        "neutralize",
        "eliminate",
        "burn",
        "intercept",
    }
)
_THREAT_WORDS: Final = frozenset({"retaliation", "revenge", "retribution", "response", "punish", "avenge"})
_TERRITORY_VERBS: Final = frozenset(
    {
        "take",
        "capture",
        "seize",
        "retake",
        "recapture",
        "control",
        "hold",
        "liberate",
        "overrun",
        "withdraw",
        "advance",
        "occupy",
        "lose",
        "cede",
        "encircle",
    }
)
_PLACE_NOUNS: Final = frozenset(
    {
        "territory",
        "location",
        "village",
        "town",
        "city",
        "area",
        "position",
        "ground",
        "region",
        "district",
        "settlement",
        "base",
        "airport",
        "port",
        "bridgehead",
        "hill",
        "checkpoint",
    }
)
_EVENT_WORDS: Final = frozenset(
    {
        "attack",
        "strike",
        "shell",
        "fire",
        "launch",
        "clash",
        "bomb",
        "hit",
        "raid",
        "storm",
        "kill",
        "fight",
        "shoot",
        "ambush",
        "assault",
        "bombard",
        "target",
        "destroy",
        "arrest",
        "capture",
        "abduct",
        "kidnap",
        "detain",
        "explode",
        "detonate",
        "invade",
        "offensive",
        "operation",
        "incursion",
        "counterattack",
        "protest",
        "riot",
        "burn",
        "loot",
        "torture",
        "execute",
        "massacre",
        "commit",
        "enter",
        "pursue",
        "displace",
        "die",
        "wound",
        "injure",
        "push",
        "repel",
        "intercept",
        "down",
        "set",
        "flee",
        "collect",
    }
)
_FUTURE: Final = frozenset({"will", "would", "shall", "'ll", "plan", "intend", "ready", "prepare", "aim", "vow"})
_AGGREGATE: Final = re.compile(
    r"\b(over|in|during|for|within) the (past|last|previous) \w+"
    r"|\bsince\b|\bso far\b|\bto date\b|\bin total\b|\bin all\b|\baltogether\b|\boverall\b|\bcumulative"
    r"|\b(in|during|throughout) (19|20)\d\d\b|\bthis year\b|\blast year\b"
    r"|\brecent (weeks|months|days|years)\b"
    r"|\brecently\b|\bin the (conflict|war|fighting)\b|\bsince the (start|beginning)\b|\bdragged on\b"
    r"|\b(mon|tues|wednes|thurs|fri|satur|sun)day and (mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\bin (\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens of) (villages|towns|districts"
    r"|provinces|regions|states|cities|attacks|incidents|raids)\b|\bacross\b|\ba war that\b",
    re.IGNORECASE,
)


def claim_kind(content: Span, categories: Sequence[str], cue: str) -> ClaimKind:
    """The kind of a claim from its content, the categories of its figures, and its cue lemma."""
    words = docindex.lemmas(content.doc)[content.start : content.end]  # the Doc's list: no Token objects
    lemmas = set(words)
    cats = set(categories)
    if cats & {"killed", "wounded", "missing", "casualties"} or lemmas & {
        "casualty",
        "body",
        "corpse",
        "fatality",
    }:
        return "casualties"
    if _equipment_loss(content, words):
        return "losses"
    if cue in THREAT_VERBS or (lemmas & _THREAT_WORDS and cue in INTENT_VERBS):
        return "threat"
    if cue in INTENT_VERBS or _future(content):
        return "intent"
    if _territory(content, words):
        return "territory"
    if lemmas & _EVENT_WORDS or cats & {"captured"}:
        return "event"
    if lemmas & _CASUALTY_WORDS:
        return "casualties"
    return "statement"


def is_aggregate(content: Span) -> bool:
    """Whether the content counts over a period or an area rather than one event."""
    text = doc_text(content.doc)[content.start_char : content.end_char] if len(content) else ""
    return bool(_AGGREGATE.search(text))


def _matching(content: Span, words: list[str], wanted: frozenset[str]) -> Iterator[Token]:
    """The content's tokens whose lemma is one of ``wanted``, in order."""
    doc = content.doc
    return (doc[content.start + k] for k, w in enumerate(words) if w in wanted)


def _equipment_loss(content: Span, words: list[str]) -> bool:
    from ..quantities._quantity_lexicon import EQUIPMENT_NOUNS

    def objects(t: Token) -> list[Token]:
        direct = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        return direct + [k for c in direct for k in c.conjuncts]

    return any(
        any(o.lemma_.lower() in EQUIPMENT_NOUNS for o in objects(t)) for t in _matching(content, words, _EQUIPMENT_LOSS)
    )


def _future(content: Span) -> bool:
    root = content.root
    kids = {c.lower_ for c in root.children if c.dep_ in ("aux", "acomp", "xcomp")} | {root.lemma_.lower()}
    return bool(kids & _FUTURE)


def _territory(content: Span, words: list[str]) -> bool:
    from ..quantities._quantity_lexicon import PERSON_NOUNS

    for t in _matching(content, words, _TERRITORY_VERBS):
        if t.pos_ == "VERB":
            objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lemma_.lower() in _PLACE_NOUNS or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs) and not any(
                o.lemma_.lower() in PERSON_NOUNS for o in objs
            ):
                return True
    return False
