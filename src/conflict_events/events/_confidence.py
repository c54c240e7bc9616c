"""A calibrated confidence for each event (0-1), documented in docs/events.md.

It starts from half the trigger's lexicon strength (how surely the word names a
conflict event: "air strike" 0.95, "attack" 0.8, "killed" 0.6) and adds the
evidence an ACLED coder needs, so that a fully specified, well-reported event
scores about 0.9 and a bare mention about 0.3:

====================================  ==========
base                                  0.5 x strength
actor1 known                          +0.12
actor2 known (or one-sided type)      +0.06
a place named in the trigger's clause +0.10 (sentence +0.05, context 0, none -0.05)
a date written in the text            +0.06
each further mention or claim         +0.03 (at most +0.09)
hedged report ("reportedly")          -0.10
attribution contested                 -0.10
side filled from the document's pair  -0.08
Strategic development                 -0.10 (context-dependent for ACLED)
told only after the report's lede     -0.08 (``events.confidence.after_the_lede``)
====================================  ==========

An event a note's opening label names ("Defusal: On 3 May, ...", ``events.lead.note_label``)
takes :data:`LABELLED`, the top of the scale: the note's author says it is the main story.

clamped to [0.05, 0.99] and rounded to two decimals.

The most confident event of a report is its main story (the fusion benchmark and the
ACLED scorer read it so), which is why the lede counts: a news report states its main
event in its headline and first sentence, and what it tells further down (a protest over
the killings, an agreement, an earlier attack recalled) is a follow-up or background.

>>> score(0.9, actor1=True, actor2=True, place_rank=0, dated=True, extra_mentions=2)
0.85
>>> score(0.6, actor1=False, actor2=False, place_rank=9, dated=False, extra_mentions=0, hedged=True)
0.15
>>> score(0.9, actor1=True, actor2=True, place_rank=0, dated=True, extra_mentions=2, late=True)
0.77
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text, sentences, tokens
from .._docindex import sentence_at
from ..lexicons import lexicon
from ..rules import Example, rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "LABELLED",
    "LATE_PENALTY",
    "TOLL_BONUS",
    "Lede",
    "after_the_lede",
    "another_of_its_kind",
    "lede_anaphor",
    "lede_end",
    "score",
    "war_course",
]

# What an event told only after the lede loses: more than a place or a date adds, so a
# complete follow-up does not outrank a main story short of one of them.
LATE_PENALTY: Final = 0.08
# The confidence of the event a note's label names: its author's word that it is the main story.
LABELLED: Final = 0.99
# What an event with a death toll gains: the report counts its dead, so it is the violence reported.
TOLL_BONUS: Final = 0.05
# A lede sentence ends with one of these (a headline or a dateline line has none).
_FINAL: Final = frozenset(".!?")
_QUOTES: Final = "\"'”’)»"
# A "sentence" this short ending in a full stop is an abbreviation or a byline, not the lede.
_MIN_WORDS: Final = 4
_TEASER_MARKS: Final = lexicon("event_context").words("teaser_marks")
_WAR_COURSE: Final = lexicon("event_context").words("war_course_verbs")
_WAR_AGE: Final = lexicon("event_context").words("war_age_units")
# how far after the war's noun its verb of course may stand ("the invasion of Ukraine continues")
_COURSE_REACH: Final = 6


def lede_end(doc: Doc) -> int:
    """Where a report's lede ends (a character offset): after its headline lines and its first full sentence.

    Headline, dateline and byline lines end without a full stop; the lede is everything up to
    the end of the first sentence that ends with one (the whole text when none does).
    """
    whole, toks = doc_text(doc), tokens(doc)
    for sent in sentences(doc):
        text = whole[sent.start_char : sent.end_char].rstrip().rstrip(_QUOTES)  # sent.text, without a walk
        if (
            text
            and text[-1] in _FINAL
            and _words_at_least(toks[sent.start : sent.end], _MIN_WORDS)
            and not teaser_line(_line_of(whole, sent.start_char))
        ):
            return sent.end_char
    return len(whole)


def _words_at_least(toks: list[Token], n: int) -> bool:
    """Whether at least ``n`` of the tokens are words (``is_alpha``); counts no further than ``n``."""
    count = 0
    for t in toks:
        if t.is_alpha:
            count += 1
            if count >= n:
                return True
    return False


def _line_of(text: str, offset: int) -> str:
    """The line (between line breaks) the offset is on."""
    end = text.find("\n", offset)
    return text[text.rfind("\n", 0, offset) + 1 : end if end >= 0 else len(text)]


@rule(
    "events.confidence.teaser_line",
    decides="event.confidence",
    positive=[Example("Station hit in Kharkiv\n\nTroops push north of Izium. * Talks to resume in Istanbul on Monday."
                      "\n\nA missile struck the railway station in Kharkiv on Friday, killing 12 people, the governor "
                      "said.", {"lead.sub_event_type": "Shelling/artillery/missile attack"})],
    negative=[Example("Soldiers clashed with fighters near Izium on Thursday, the army said.\n\nA missile struck the "
                      "railway station in Kharkiv on Friday, killing 12 people, the governor said.",
                      {"lead.sub_event_type": "Armed clash"})],
)
def teaser_line(line: str) -> bool | None:
    """A line of items set apart by bullets above a story ("Troops push north. * Talks resume.") is a digest of
    other news, not the report's lede: its first sentence is not where the lede ends."""
    marks = _TEASER_MARKS
    return True if any(f" {m} " in f" {line} " for m in marks) else None


@rule(
    "events.exists.lede_anaphor",
    decides="event.exists",
    positive=[Example("The death toll from the bombing of the central market rose to 40 on Tuesday, officials in "
                      "Maiduguri said.", {"events": 1})],
    negative=[Example("Traders reopened the central market in Maiduguri on Tuesday. Many said the bombing had left "
                      "them afraid.", {"events": 0})],
)
def lede_anaphor(sentence_start: int, doc: Doc) -> bool | None:
    """A definite mention in a report's lede ("the death toll from the bombing rose") introduces its story.

    Further down, "the attack" with nothing before it to refer to is no event of its own; in
    the headline or first sentence nothing comes before it: the report assumes its readers
    know the news and tells what is new about it (a toll revised, an inquiry, a funeral).
    """
    return True if sentence_start < lede_end(doc) else None


@rule(
    "events.exists.war_course",
    decides="event.exists",
    positive=[Example("Missiles struck a market in Sumy on Monday, killing 20 people, as the Russian offensive "
                      "continues into its 90th day, the governor said.",
                      {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"})],
    negative=[Example("The offensive on Sumy continued on Monday into the evening, with soldiers and fighters "
                      "clashing in the suburbs, the army said.", {"event.sub_event_type": "Armed clash"})],
)
def war_course(head: Token) -> bool | None:
    """A war told by its course ("as the invasion continues into its 44th day") is background, not an event.

    The noun is followed, within its clause, by a verb of a war's course whose phrase gives the
    war's age with "its" ("enters its third year"); a war going on somewhere on a day ("the
    offensive continued on Monday") is still reported fighting.
    """
    sent = sentence_at(head.doc, head.i)  # head.sent walks the Doc on every call
    for tok in head.doc[head.i + 1 : min(head.i + 1 + _COURSE_REACH, sent.end)]:
        if tok.is_punct:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _WAR_COURSE:
            aged = any(t.lemma_.lower() in _WAR_AGE and any(c.lower_ == "its" for c in t.children)
                       for t in tok.subtree)
            return True if aged else None
    return None


@rule(
    "events.confidence.after_the_lede",
    decides="event.confidence",
    positive=[Example("Soldiers killed 14 fighters of the group in an ambush near Beni on Tuesday, the army said. "
                      "On Wednesday hundreds of residents marched in Beni to demand better protection.",
                      {"lead.sub_event_type": "Armed clash"})],
    negative=[Example("Hundreds of residents marched in Beni on Wednesday to demand better protection, "
                      "a day after soldiers killed 14 fighters in an ambush near the town.",
                      {"event.event_type": "Protests"})],
)
def after_the_lede(sentence_starts: Iterable[int], lede: int) -> float | None:
    """An event a report tells only after its lede (headline and first sentence) is not its main story.

    ACLED's practice: a report is coded for the event it leads with; a protest over the
    killings, an agreement or an earlier attack told further down are follow-ups or background.
    ``sentence_starts``: where the sentences of the event's mentions start; ``lede``: :func:`lede_end`.
    The value is what the event's confidence loses.
    """
    return LATE_PENALTY if min(sentence_starts, default=0) >= lede else None


@rule(
    "events.confidence.another_of_its_kind",
    decides="event.confidence",
    positive=[Example("On 3 May 2025, an IED planted by Al Shabaab (likely, given similar attacks by the group)"
                      " hit an army truck near Afgooye.",
                      {"lead.sub_event_type": "Remote explosive/landmine/IED"})],
    negative=[Example("On 3 May 2025, Al Shabaab attacked an army base near Afgooye.",
                      {"lead.sub_event_type": "Armed clash"})],
)
def another_of_its_kind(distinct: Iterable[bool]) -> float | None:
    """An event told only as others of its kind ("similar attacks by the group", "previous raids") is context for
    the report's event, not its story: it ranks like an event told after the lede."""
    flags = list(distinct)
    return LATE_PENALTY if flags and all(flags) else None


class Lede:
    """A report's lede and the most confident event told in it, while its events are built in text order.

    An event told only after the lede loses :data:`LATE_PENALTY` and ranks below every event of
    the lede (``events.confidence.after_the_lede``): position decides the main story, and the
    completeness of a record only among events of the same part of the report.
    """

    __slots__ = ("best", "end")

    def __init__(self, end: int) -> None:
        self.end = end
        self.best: float | None = None

    def rank(self, confidence: float, late: bool) -> float:
        """The event's confidence once its place in the report is taken into account."""
        if not late:
            self.best = confidence if self.best is None else max(self.best, confidence)
            return confidence
        if self.best is None:
            return confidence
        return round(max(0.05, min(confidence, self.best - 0.01)), 2)


def score(
    strength: float,
    *,
    actor1: bool,
    actor2: bool,
    place_rank: int,
    dated: bool,
    extra_mentions: int,
    hedged: bool = False,
    contested: bool = False,
    filled: bool = False,
    strategic: bool = False,
    late: bool = False,
    toll: bool = False,
) -> float:
    """The event's confidence from its trigger strength and the completeness of its record."""
    value = 0.5 * strength
    value += 0.12 if actor1 else 0.0
    value += 0.06 if actor2 else 0.0
    value += {0: 0.10, 1: 0.05, 2: 0.0}.get(place_rank, -0.05)
    value += 0.06 if dated else 0.0
    value += min(extra_mentions, 3) * 0.03
    value -= 0.10 if hedged else 0.0
    value -= 0.10 if contested else 0.0
    value -= 0.08 if filled else 0.0
    value -= 0.10 if strategic else 0.0
    value -= LATE_PENALTY if late else 0.0
    value += TOLL_BONUS if toll else 0.0
    return round(min(0.99, max(0.05, value)), 2)
