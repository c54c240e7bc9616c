"""Which way a temporal expression points: from the tense of the verb that governs it.

News reporting is past by default; an expression governed by a future verb
("will meet on Monday", "talks are scheduled for Friday") points forwards. With
a spaCy parse the governing verb is found through the dependency tree; without
one a short window of words before the expression decides.

>>> text_tense("Leaders will meet on Monday.", 18, 27)
'future'
>>> text_tense("Troops shelled the town on Monday.", 24, 33)
'past'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from ._calendar import Direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["doc_tense", "text_tense"]

# Auxiliaries that point ahead ("will meet", "must withdraw by Friday", "should arrive on Monday").
_FUTURE_AUX: Final = frozenset({"will", "'ll", "’ll", "shall", "wo", "must", "should"})
_PLAN_HEADS: Final = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "set",
        "due",
        "intend",
        "aim",
        "prepare",
        "go",
        "hope",
        "want",
        "seek",
        "vow",
    }
)
# Present-tense verbs that report or describe rather than schedule.
_NOT_SCHEDULES: Final = frozenset(
    {
        "be",
        "have",
        "say",
        "claim",
        "report",
        "tell",
        "accuse",
        "deny",
        "show",
        "remain",
        "continue",
        "seem",
        # ongoing inquiry or reaction about something past ("are investigating an air strike at the weekend")
        "investigate",
        "probe",
        "examine",
        "review",
        "assess",
        "mourn",
        "search",
        "verify",
        "condemn",
        "count",
    }
)
_DEFERRALS: Final = frozenset({"postpone", "delay", "defer", "adjourn", "extend", "suspend", "push", "reschedule"})
_DEFERRAL_WORDS = re.compile(
    r"\b(?:postpon|delay|defer|adjourn|extend|suspend|pushed\s+back|reschedul)\w*\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:until|till)\s+$",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|(?:must|should)(?!\s+have\b)|won[’']t|going\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|planned)|"
    r"plans?\s+to|planning\s+to|intends?\s+to)\b|[’']ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?]|,\s|\b(?:said|says|after|when|that|which|who|while|because)\b", re.IGNORECASE)


def text_tense(text: str, start: int, end: int) -> Direction:
    """The direction at ``text[start:end]`` from the words just before it in the same clause."""
    window = text[max(0, start - 80) : start]
    if _DEFERRAL_WORDS.search(window):
        return "future"
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return "future" if _FUTURE_WORDS.search(window) else "past"


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _is_future(verb: Token) -> Direction:
    for level in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        perfect = any(a.lemma_ == "have" for a in auxes)  # "must have attacked" looks back
        modal = [a.lower_ for a in auxes if a.lower_ in _FUTURE_AUX]
        if modal and not (perfect and all(w in ("must", "should") for w in modal)):
            return "future"
        if any(a.lower_ == "would" for a in auxes):
            return None
        head = verb.head
        # "plans to meet on Monday", "is scheduled to begin on Friday": a plan in the present points ahead.
        if verb.dep_ == "xcomp" and head != verb and level < 2:
            if head.lemma_.lower() in _PLAN_HEADS and head.tag_ in ("VBZ", "VBP", "VBG", "VBN", "JJ"):
                head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
                if head.tag_ != "VBN" or any(a.tag_ in ("VBZ", "VBP") for a in head_aux):
                    return "future"
            verb = head
            continue
        break
    return "past"


def doc_tense(doc: Doc, start: int, end: int) -> Direction:
    """The direction at characters ``start:end`` of a parsed document, from its governing verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return text_tense(doc_text(doc), start, end)
    root = span.root
    head = root.head if root.head != root else root
    verb = _governing_verb(head)
    if verb is None:
        # No verb (a dateline, a heading): no tense to go by.
        return None if not _FUTURE_WORDS.search(span.sent.text) else "future"
    direction = _is_future(verb)
    direct = verb == head or (head.pos_ == "ADP" and head.head == verb)  # on the verb, not on a noun
    if direction == "past" and direct and _scheduled_present(verb):
        return "future"
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if direction == "past" and "until" in (root.lower_, before) and verb.lemma_.lower() in _DEFERRALS:
        return "future"  # "postponed until January": a deferral points past the anchor
    return direction


def _scheduled_present(verb: Token) -> bool:
    """A date on a present-tense verb is a schedule ("talks resume on Monday", "are leaving on Friday")."""
    if verb.lemma_.lower() in _NOT_SCHEDULES:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        return True
    present_be = any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)
    if verb.tag_ == "VBN" and present_be and verb.lemma_.lower() in _PLAN_HEADS:
        return True  # "talks are scheduled for March 5", "the vote is set for Sunday"
    return verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)
