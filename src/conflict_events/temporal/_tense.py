"""Which way a temporal expression points: from the tense of the verb that governs it.

News reporting is past by default; an expression governed by a future verb
("will meet on Monday", "talks are scheduled for Friday") points forwards. With
a spaCy parse the governing verb is found through the dependency tree and the
named rules below decide; without one a short window of words before the
expression decides (:func:`text_tense`).

>>> text_tense("Leaders will meet on Monday.", 18, 27)
'future'
>>> text_tense("Troops shelled the town on Monday.", 24, 33)
'past'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal, cast

from spacy.tokens import Doc, Span, Token

from .._doccache import doc_text
from ..rules import Example, first, rule
from ._calendar import Direction
from ._lazy import lazy_property
from ._time_words import TimeWords

__all__ = ["TENSE_RULES", "Clause", "doc_tense", "tense_of", "text_tense"]

# Nouns a date can hang from and still be the verb's ("on the night of Oct. 23", "at the end of March",
# "open at 7 a.m. on Sunday").
_TIME_NOUNS: Final = frozenset(
    {"night", "morning", "evening", "afternoon", "day", "week", "weekend", "end", "beginning", "start", "middle",
     "a.m.", "p.m.", "am", "pm", "gmt", "utc", "noon", "midnight", "dawn", "dusk", "o'clock", "hours"}
)  # fmt: skip
# A date in these roles is a thing the verb acts on, not the time it happens.
_ENTITY_DEPS: Final = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
# "postponed until January", "extended to Nov. 20", "delayed through March"
_DEFERRED_TO: Final = frozenset({"until", "till", "to", "through"})
# A tense rule's decision: "open" is no direction (the nearest reading), as a value a rule can return.
Way = Literal["past", "future", "open"]
_DIRECTION: Final[dict[Way, Direction]] = {"past": "past", "future": "future", "open": None}


@dataclass(frozen=True)
class _TenseCues:
    """The tense words as patterns for text without a parse."""

    future: re.Pattern[str]
    deferral: re.Pattern[str]
    clause_break: re.Pattern[str]


@lru_cache(maxsize=16)
def _cues(words: TimeWords) -> _TenseCues:
    def alternation(phrases: frozenset[str], looks_back: frozenset[str] = frozenset()) -> str:
        def body(p: str) -> str:
            tail = r"(?!\s+have\b)" if p in looks_back else ""
            return r"\s+".join(re.escape(w) for w in p.split()) + tail

        ordered = sorted(phrases, key=len, reverse=True)
        words = "|".join(body(p) for p in ordered if p[0].isalnum())
        clitics = "|".join(body(p) for p in ordered if not p[0].isalnum())  # "'ll": no word boundary before it
        return "|".join(x for x in (rf"\b(?:{words})\b" if words else "", rf"(?:{clitics})\b" if clitics else "") if x)

    stems = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in sorted(words.deferral_stems))
    return _TenseCues(
        future=re.compile(alternation(words.future_phrases, words.perfect_looks_back), re.IGNORECASE),
        deferral=re.compile(rf"\b(?:{stems})\w*\s+(?:[\w'’-]+\s+){{0,4}}?(?:until|till)\s+$", re.IGNORECASE),
        clause_break=re.compile(rf"[.;:!?]|,\s|{alternation(words.clause_breaks)}", re.IGNORECASE),
    )


def text_tense(text: str, start: int, end: int, words: TimeWords | None = None) -> Direction:
    """The direction at ``text[start:end]`` from the words just before it in the same clause."""
    cues = _cues(words or TimeWords.load())
    window = text[max(0, start - 80) : start]
    if cues.deferral.search(window):
        return "future"
    breaks = list(cues.clause_break.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return "future" if cues.future.search(window) else "past"


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


class Clause:
    """An expression in the parse: its span, the verb that governs it and the words to judge by."""

    def __init__(self, span: Span, words: TimeWords) -> None:
        self.span = span
        self.words = words
        root = span.root
        self.head: Token = root.head if root.head != root else root
        self.verb = _governing_verb(self.head)

    @lazy_property
    def modality(self) -> Way | Literal["plan"] | None:
        """What the auxiliaries up the verb's chain of complements say: future, open, a plan, or nothing."""
        verb = self.verb
        if verb is None:
            return None
        for level in range(4):
            auxes = _auxiliaries(verb)
            perfect = any(a.lemma_ == "have" for a in auxes)  # "must have attacked" looks back
            modal = [a.lower_ for a in auxes if a.lower_ in self.words.future_auxiliaries]
            if modal and not (perfect and all(w in self.words.perfect_looks_back for w in modal)):
                return "future"
            if any(a.lower_ == "would" for a in auxes) and not perfect:
                return "open"  # "would have voted on Tuesday" looks back: the past rule reads it
            head = verb.head
            if _is_to(verb, head, auxes):
                return "plan"
            # "plans to meet" (xcomp), "expects prices to rise" (a clause with 'to': ccomp in the parse)
            infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and any(a.lower_ == "to" for a in auxes))
            if infinitive and head != verb and level < 2:
                if _planned(head, self.words):
                    return "plan"
                verb = head
                continue
            shared = _shared_verb(verb, auxes)
            if shared is not None and level < 3:
                verb = shared  # "will travel on Friday before returning on Saturday": the 'will' is both's
                continue
            break
        return None

    @property
    def direct(self) -> bool:
        """Whether the expression hangs on the verb itself, not on a noun ("the attack on Monday").

        A time noun between them keeps it direct ("was shot on the night of Oct. 23").
        """
        verb, token = self.verb, self.head
        if self.span.root.dep_ in _ENTITY_DEPS:
            return False  # "has set Nov. 10 as the deadline": the date is what is set, not when
        for _ in range(6):
            if verb is None or token == verb:
                return verb is not None
            if token.pos_ in ("ADP", "SCONJ", "ADV") or token.dep_ == "prep" or self._time_noun(token):
                token = token.head
                continue
            if _setting(token, verb):
                token = token.head  # "in a speech on Thursday, he will call for ...": the speech is when
                continue
            return False
        return False

    def _time_noun(self, token: Token) -> bool:
        """A noun a date can hang from and stay the verb's: 'night', 'a.m.', a time zone ('EST', 'local time')."""
        if token.lemma_.lower() in _TIME_NOUNS or token.lower_ in self.words.time_zones:
            return True
        return token.lower_ == "time" and any(c.lower_ == "local" for c in token.children)


# Prepositions of a phrase that sets the scene of its verb: "in a speech", "at a summit", "during a visit".
_SETTING_PREPOSITIONS: Final = frozenset({"in", "at", "during"})


def _setting(noun: Token, verb: Token | None) -> bool:
    """Whether a noun is the scene of the verb: 'in a speech', 'at a summit' hanging on the verb itself."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.pos_ == "NOUN"
        and prep.lower_ in _SETTING_PREPOSITIONS
        and prep.dep_ == "prep"
        and prep.head == verb
    )


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, with those the parse hangs on another ('will' on 'be' in 'will be closed Monday')."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return auxes + [g for a in auxes for g in a.children if g.dep_ in ("aux", "auxpass")]


# A bare verb in these roles shares its head's auxiliaries ("will fly to Amman and return on Saturday").
_SHARING_DEPS: Final = frozenset({"conj", "advcl", "pcomp"})


def _shared_verb(verb: Token, auxes: list[Token]) -> Token | None:
    """The verb whose auxiliaries a bare verb shares ('return' in 'will fly and return', 'before returning').

    Only a base form or a gerund with no auxiliary and no subject of its own shares them.
    """
    if verb.tag_ not in ("VB", "VBG") or auxes or verb.dep_ not in _SHARING_DEPS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return head if head != verb and head.pos_ in ("VERB", "AUX") else None


def _is_to(verb: Token, head: Token, auxes: list[Token]) -> bool:
    """ "is to resume trading Tuesday", "are to meet": 'be to' in the present is a plan."""
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
        and any(a.lower_ == "to" for a in auxes)
    )


def _fixed_date(clause: Clause) -> Way | None:
    """A date a verb of scheduling fixes ('has scheduled a news conference Thursday') looks ahead.

    In the simple past ('planned a march on Saturday') it may lie on either side of the anchor:
    no direction. 'set' counts only with the date as its object ('set Nov. 10 as the deadline'),
    not 'set fire to the market on Monday'.
    """
    verb, root = clause.verb, clause.span.root
    if verb is None or verb.lemma_.lower() not in clause.words.schedule_verbs:
        return None
    on_verb = root.head == verb and root.dep_ in ("dobj", "npadvmod")
    preposition = root if root.dep_ == "prep" else root.head if root.dep_ == "pobj" else None
    by_preposition = preposition is not None and preposition.head == verb and preposition.lower_ in ("on", "for")
    if not on_verb and not (by_preposition and verb.lemma_.lower() != "set"):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    simple_past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes))
    return "open" if simple_past else "future"


def _misread_past(verb: Token) -> bool:
    """A present without '-s' whose subject is one singular noun: a past the tagger took for a present ('hurt').

    Nouns joined by 'and' are plural ('if Smith and Jones sign the deal by May 2').
    """
    return verb.tag_ == "VBP" and any(
        c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") and not any(g.dep_ == "conj" for g in c.children)
        for c in verb.children
    )


def _planned(head: Token, words: TimeWords) -> bool:
    """ "plans to meet", "is scheduled to begin": a plan in the present points ahead.

    A plan said in the past ("was due to resume", "had been due to") does not.
    """
    if head.lemma_.lower() not in words.plan_verbs or head.tag_ not in ("VBZ", "VBP", "VBG", "VBN", "JJ"):
        return False
    if head.tag_ == "JJ" and head.dep_ == "acomp":
        be = head.head
        return be.tag_ != "VBD" and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in be.children)
    head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return head.tag_ != "VBN" or any(a.tag_ in ("VBZ", "VBP") for a in head_aux)


# --- the rules ------------------------------------------------------------------------------------


@rule(
    "time.tense.no_verb",
    decides="time.start",
    positive=[Example("Ceasefire deadline: March 20.", {"time.start": "2024-03-20"})],
    negative=[Example("The ceasefire expired on March 20.", {"time.start": "2023-03-20"})],
)
def no_verb(clause: Clause) -> Way | None:
    """A date with no verb above it (a dateline, a heading) has no tense: the nearest such day ('will': the next)."""
    if clause.verb is not None:
        return None
    return "future" if _cues(clause.words).future.search(clause.span.sent.text) else "open"


@rule(
    "time.tense.as_of",
    decides="time.start",
    positive=[Example("As of February, the militia controls 40% of the district.", {"time.start": "2024-02-01"})],
    negative=[Example("The militia will control the district by February.", {"time.start": "2025-02-01"})],
)
def as_of(clause: Clause) -> Way | None:
    """'as of February' dates a state of things: the nearest such date, whatever the verb's tense."""
    span = clause.span
    before = span.doc[max(0, span.start - 2) : span.start]
    return "open" if [t.lower_ for t in before] == ["as", "of"] else None


_FROM_NOW: Final = frozenset({"today", "now", "tonight"})
_NOW_TO: Final = frozenset({"to", "through", "until", "till", "and", "thru"})


@rule(
    "time.tense.from_now",
    decides="time.start",
    positive=[
        Example("The bank bought shares tendered from today through March 29.", {"time.start": "2024-03-29"}),
    ],
    negative=[Example("The bank bought shares tendered from March 1 through March 29.", {"time.start": "2023-03-29"})],
)
def from_now(clause: Clause) -> Way | None:
    """The end of a stretch that begins now ('from today through March 29', 'between now and May') lies ahead."""
    span = clause.span
    before = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
    if len(before) == 3 and before[0] in ("from", "between") and before[1] in _FROM_NOW and before[2] in _NOW_TO:
        return "future"
    return None


_EARLIEST: Final = re.compile(r"\bas\s+(?:soon|early)\s+as\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


@rule(
    "time.tense.earliest",
    decides="time.start",
    positive=[
        Example("A ruling could come as soon as Monday, lawyers said.", {"time.start": "2024-03-18"}),
        Example("The first convoy may leave as early as Tuesday.", {"time.start": "2024-03-19"}),
    ],
    negative=[Example("A ruling came on Monday, lawyers said.", {"time.start": "2024-03-11"})],
)
def earliest(clause: Clause) -> Way | None:
    """'as soon as Monday', 'as early as next week': the earliest a thing may come, so it lies ahead."""
    start = clause.span.start_char
    return "future" if _EARLIEST.search(doc_text(clause.span.doc), max(0, start - 30), start) else None


def _copula_date(clause: Clause) -> bool:
    """Whether the expression is what a present 'is'/'are' says of its subject ('the deadline is Friday').

    Directly ('is Friday', 'is on Sunday', 'is in June') or through 'due' ('is due Thursday').
    """
    root = clause.span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "in", "for"):
        root, head = head, head.head
    if head.lemma_.lower() in clause.words.plan_verbs and head.dep_ == "acomp" and root.dep_ in ("npadvmod", "prep"):
        root, head = head, head.head  # "is due Thursday", "is due on Thursday"
    if head.lemma_ != "be" or head.tag_ not in ("VBZ", "VBP") or root.dep_ not in ("attr", "prep", "acomp"):
        return False
    others = [c for c in head.children if c.dep_ in ("attr", "acomp") and c != root]
    return not others and not any(c.dep_ in ("aux", "auxpass") for c in head.children)


@rule(
    "time.tense.copula",
    decides="time.start",
    positive=[
        Example("The deadline for the fighters to hand in their weapons is Monday.", {"time.start": "2024-03-18"}),
        Example("The council's report on the clashes is due Thursday.", {"time.start": "2024-03-21"}),
    ],
    negative=[
        Example("The deadline for the fighters to hand in their weapons was Monday.", {"time.start": "2024-03-11"})
    ],
)
def copula(clause: Clause) -> Way | None:
    """A date a present 'is' gives its subject ('the deadline is Friday', 'the vote is on Sunday') is to come."""
    return "future" if _copula_date(clause) else None


@rule(
    "time.tense.future_auxiliary",
    decides="time.start",
    positive=[
        Example("Rebel leaders will meet the mediators in Doha on Monday.", {"time.start": "2024-03-18"}),
        # a bare verb shares the 'will' of the verb it is joined to
        Example("The envoy will fly to Doha on Sunday and return to Kabul on Tuesday.", {"time.start": "2024-03-19"}),
        Example("The envoy will fly to Doha before returning to Kabul on Tuesday.", {"time.start": "2024-03-19"}),
    ],
    negative=[
        Example("Rebel leaders met the mediators in Doha on Monday.", {"time.start": "2024-03-11"}),
        Example("The envoy flew to Doha before returning to Kabul on Tuesday.", {"time.start": "2024-03-12"}),
    ],
)
def future_auxiliary(clause: Clause) -> Way | None:
    """A verb with 'will', 'shall', 'must', 'should', 'may' or 'might' points ahead ('may have attacked' looks back)."""
    return "future" if clause.modality == "future" else None


@rule(
    "time.tense.conditional",
    decides="time.start",
    positive=[
        Example("The ministry said the convoy would leave the city on 20 March.", {"time.start": "2024-03-20"}),
        # a weekday under 'would' is the future of the saying (time.day.weekday)
        Example("The central bank said the banks would reopen on Tuesday.", {"time.start": "2024-03-19"}),
        Example("The army said on Monday that the convoy would leave on Wednesday.", {"time.start": "2024-03-13"}),
    ],
    negative=[
        Example("The ministry said the convoy left the city on 10 March.", {"time.start": "2024-03-10"}),
        Example("He said the convoy would have left on Tuesday without the storm.", {"time.start": "2024-03-12"}),
    ],
)
def conditional(clause: Clause) -> Way | None:
    """'would' gives no direction: the reported future of a past statement, or a condition.

    A weekday under it is the first such day after the saying (a day named before it in the
    sentence, else on or after the anchor); 'would have' looks back.
    """
    return "open" if clause.modality == "open" else None


@rule(
    "time.tense.plan",
    decides="time.start",
    positive=[
        Example("The envoy is scheduled to visit the capital on Tuesday.", {"time.start": "2024-03-19"}),
        Example("The vote was planned for early May, officials said.", {"time.start": "2024-05-01"}),
        Example("The prosecutor has scheduled a news conference Tuesday.", {"time.start": "2024-03-19"}),
        Example("The court is to rule on the appeal on Tuesday.", {"time.start": "2024-03-19"}),
        Example("Diplomats expect the two sides to resume talks in October.", {"time.start": "2024-10-01"}),
        Example("The electoral board has set 20 April as the deadline for candidates.", {"time.start": "2024-04-20"}),
    ],
    negative=[
        Example("The envoy was scheduled to visit the capital on Tuesday but cancelled.", {"time.start": "2024-03-12"}),
        Example("The talks had been due to resume on Tuesday.", {"time.start": "2024-03-12"}),
    ],
)
def plan(clause: Clause) -> Way | None:
    """A plan in the present ('plans to meet', 'is scheduled to begin', 'is to resume') points ahead.

    So does a date a verb of scheduling fixes ('has scheduled talks Thursday'; in the simple
    past, 'planned a march on Saturday', no direction).

    So does the date a plan is made for, whatever its tense ('was planned for early March',
    'has been set for Sunday'), unless the clause says it is past.
    """
    if clause.modality == "plan":
        return "future"
    verb, span = clause.verb, clause.span
    if verb is None or span.start == 0 or verb.dep_ in ("acl", "relcl", "amod"):
        return None  # "a service planned for Saturday was cancelled": the clause that matters is another
    fixed = _fixed_date(clause)
    if fixed is not None:
        return fixed
    if verb.lemma_.lower() not in clause.words.plan_verbs:
        return None
    return "future" if span.doc[span.start - 1].lower_ == "for" and span.root.head.head == verb else None


@rule(
    "time.tense.scheduled_present",
    decides="time.start",
    positive=[
        Example("The envoy arrives in Geneva on Monday for talks with both sides.", {"time.start": "2024-03-18"}),
        Example("Polls open at 7 a.m. on Sunday in the first round.", {"time.start": "2024-03-17"}),
        # a time zone between them keeps the day the verb's
        Example("Polls close at 8 p.m. local time Sunday in the first round.", {"time.start": "2024-03-17"}),
        # a date on the scene of the verb ('at a news conference on Tuesday') is the verb's
        Example("At a news conference on Tuesday, the minister presents the budget.", {"time.start": "2024-03-19"}),
    ],
    negative=[Example("Police say gunmen attacked the convoy on Monday.", {"time.start": "2024-03-11"})],
)
def scheduled_present(clause: Clause) -> Way | None:
    """A date on a present-tense verb is a schedule ('talks resume on Monday', 'are leaving on Friday')."""
    verb = clause.verb
    if verb is None or not clause.direct or verb.lemma_.lower() in clause.words.not_schedules:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present_be = any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)
    scheduled = (
        (verb.tag_ in ("VBZ", "VBP") and not auxes and not _misread_past(verb))
        # "talks are scheduled for March 5", "the vote is set for Sunday"
        or (verb.tag_ == "VBN" and present_be and verb.lemma_.lower() in clause.words.plan_verbs)
        or (verb.tag_ == "VBG" and present_be)
    )
    return "future" if scheduled else None


@rule(
    "time.tense.deferral",
    decides="time.start",
    positive=[
        Example("The electoral commission postponed the vote until May.", {"time.start": "2024-05-01"}),
        Example("The central bank said banks would stay shut until Tuesday.", {"time.start": "2024-03-19"}),
        Example("The court granted the bank until April 5 to respond.", {"time.start": "2024-04-05"}),
        Example("Officials said the talks could continue through the weekend.", {"time.start": "2024-03-16"}),
    ],
    negative=[Example("The electoral commission postponed the vote in February.", {"time.start": "2024-02-01"})],
)
def deferral(clause: Clause) -> Way | None:
    """'postponed until January', 'extended to Nov. 20', 'remain closed until Friday' point past the anchor.

    So does 'would stay shut until Tuesday': the reported future runs on to its end.
    """
    verb, span = clause.verb, clause.span
    if verb is None:
        return None
    before = {span.root.lower_, span.doc[span.start - 1].lower_ if span.start > 0 else ""}
    # "until 10 a.m. Thursday": the preposition may govern the time of day the day hangs on
    before |= {a.lower_ for a in list(span.root.ancestors)[:3] if a.dep_ == "prep"}
    if verb.lemma_.lower() in clause.words.deferral_verbs:
        return "future" if before & _DEFERRED_TO else None
    # "markets remain closed until Friday": 'until' on a verb not in the past looks ahead; so do
    # 'through' and 'into' on a present or a modal ("talks could continue through the weekend"),
    # not on a bare infinitive ("made it hard to meet demand well into the summer")
    if before & {"until", "till"} and verb.tag_ in ("VB", "VBZ", "VBP", "VBG"):
        return "future"
    modal = any(a.tag_ == "MD" for a in _auxiliaries(verb))
    return "future" if before & {"through", "into"} and (verb.tag_ in ("VBZ", "VBP") or modal) else None


@rule(
    "time.tense.past",
    decides="time.start",
    positive=[
        Example("Rebels attacked the town on 20 March, residents said.", {"time.start": "2023-03-20"}),
        Example("A slump in small mining stocks hurt the index on Monday.", {"time.start": "2024-03-11"}),
    ],
    negative=[Example("The new council holds its first session on 20 March.", {"time.start": "2024-03-20"})],
)
def past(clause: Clause) -> Way | None:
    """A date on a verb in the past ('attacked', 'has attacked', 'was attacked', 'were fighting') points back.

    So does a verb whose past is its present ('hit', 'hurt', 'cut') tagged as a present that
    cannot agree with its singular subject ('A slump in mining stocks hurt the index').
    """
    verb = clause.verb
    if verb is None or not clause.direct:
        return None
    if verb.tag_ == "VBD" or _misread_past(verb):
        return "past"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBN", "VBG") and any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxes):
        return "past"
    # a participle after its noun ("the year ended March 31", "a record reached on Aug. 6"), not a plan
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not auxes:
        return None if verb.lemma_.lower() in clause.words.plan_verbs else "past"
    return None


@rule(
    "time.tense.on_a_noun",
    decides="time.start",
    positive=[Example("The attack on Monday was the deadliest this year.", {"time.start": "2024-03-11"})],
    negative=[Example("Gunmen attacked the village on Monday.", {"time.start": "2024-03-11"})],
)
def on_a_noun(clause: Clause) -> Way | None:
    """A date on a noun ('the attack on Monday', 'the Jan. 14 deadline') takes no tense from the clause.

    It is read as the nearest such date; a weekday as the latest past one (news reports what happened).
    """
    return "open" if clause.verb is not None and not clause.direct else None


TENSE_RULES: Final = (
    no_verb, as_of, from_now, earliest, future_auxiliary, deferral, conditional, plan, copula, scheduled_present, past,
    on_a_noun,
)  # fmt: skip


def tense_of(doc: Doc, start: int, end: int, words: TimeWords) -> tuple[Direction, str]:
    """The direction at characters ``start:end`` of a parsed document, and the rule that decided it.

    The rule is ``""`` when none applied (no direction: the nearest reading) or the
    expression could not be found in the parse (the words before it decided).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return text_tense(doc_text(doc), start, end, words), ""
    decided = first(TENSE_RULES, Clause(span, words))
    if decided is None:
        return None, ""
    return _DIRECTION[cast(Way, decided.value)], decided.rule


def doc_tense(doc: Doc, start: int, end: int, words: TimeWords | None = None) -> Direction:
    """The direction at characters ``start:end`` of a parsed document, from its governing verb."""
    return tense_of(doc, start, end, words or TimeWords.load())[0]
