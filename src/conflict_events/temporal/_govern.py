"""Which time governs a span of the parse: the date of an event trigger or of a claim.

:func:`governing_time` takes the span and the time records of the document (the
time step's ``draft.times``; each range is the ``part_of`` of its bounds) and tries
the rules of :mod:`._govern_rules` in order; the first with a candidate decides:

1. ``inside``: the span lies inside a range ("since the start of the *campaign*
   in May" dates the campaign by its bound "in May");
2. ``clause``: a time within the span or attached to the span's own clause
   ("killed 340 ... *over the past day*");
3. ``relation``: "X came *a day after* Y": Y takes the expression's date, X its
   reference date;
4. ``governor``: a time of a clause that governs the span's clause, nearest first
   ("vowed revenge *on Saturday* after [rebels fired rockets]");
5. ``reporting``: the same, when that clause's verb reports (``reporting.toml``):
   "the ministry said *on Sunday* that [...]" dates the saying, and only weakly
   what was said (``reporting=False`` skips it);
6. ``sentence``: another time of the sentence, not inside a relative clause and
   not attached to another event noun ("the attack 10 days ago");
7. ``side``: when the sentence has nothing else, its one exact day even if the
   parse hangs it on a side phrase, unless an event noun stands between the two;
8. ``dateline``: the date of a dateline ("KANO, Dec 24:") dates the report
   (``reporting=False`` skips it);
9. ``context``: a day given by one of the sentences just before;
10. ``weak``: durations and "now", which only loosely fix a time;
11. ``lead``: a day or week the article's first paragraph gives its own main event;
12. ``anchor``: the document date itself, ``text`` and ``mention`` null.

:func:`explain_time` lists every candidate with its step and rule.

>>> import datetime as dt
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.temporal import find_times, timespans
>>> text = "The ministry said on Sunday that its troops repelled an attack on Saturday."
>>> doc = load_language_model()(text)
>>> times = timespans(find_times(text, dt.date(2025, 1, 5)), text)
>>> governing_time(doc[8:9], times, dt.date(2025, 1, 5)).text   # "repelled"
'on Saturday'
>>> governing(doc[8:9], times, dt.date(2025, 1, 5)).rule
'time.governs.clause'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from ..rules import Example, first, rule
from ..schema import TimeSpan
from ._govern_facts import Situation, Step
from ._govern_rules import GOVERNING_RULES, STEP_OF
from ._time_words import TimeWords

__all__ = ["TimeCandidate", "default_time", "explain_time", "governing", "governing_time", "reporting_time"]


@dataclass(frozen=True)
class TimeCandidate:
    """One time that could date a span, with the step and the rule that found it (best first)."""

    step: Step
    time: TimeSpan
    rule: str


def default_time(anchor: dt.date) -> TimeSpan:
    """No expression governs: the publication date, precision ``range`` (the text fixes no day)."""
    return TimeSpan(start=anchor, end=anchor, precision="range", text=None, anchor=anchor, mention=None)


@rule(
    "time.governs.anchor",
    decides="event.date",
    positive=[
        Example("Rebels shelled the town, residents said.", {"event.date.start": "2024-03-15", "event.date.text": None})
    ],
    negative=[Example("Rebels shelled the town on Monday, residents said.", {"event.date.start": "2024-03-11"})],
)
def anchor_date(anchor: dt.date) -> TimeSpan:
    """With no time to date it, a span takes the document date, its text fixing no day (precision 'range')."""
    return default_time(anchor)


def _situation(
    span: Span, times: Sequence[TimeSpan], words: TimeWords | None, reporting: bool, lead: bool, context: int | None
) -> Situation:
    return Situation(span, times, words or TimeWords.load(), reporting=reporting, lead=lead, context=context).classify()


def governing(
    span: Span,
    times: Sequence[TimeSpan],
    anchor: dt.date,
    *,
    reporting: bool = True,
    lead: bool = True,
    context: int | None = None,
    words: TimeWords | None = None,
) -> TimeCandidate:
    """The time that governs ``span`` with the step and rule that chose it (see :func:`governing_time`)."""
    decided = first(GOVERNING_RULES, _situation(span, times, words, reporting, lead, context))
    if decided is None:
        # the anchor rule switched off still leaves the anchor: a span always has a date
        return TimeCandidate("default", anchor_date(anchor) or default_time(anchor), anchor_date.name)
    return TimeCandidate(STEP_OF[decided.rule], min(decided.value).time, decided.rule)


def governing_time(
    span: Span,
    times: Sequence[TimeSpan],
    anchor: dt.date,
    *,
    reporting: bool = True,
    lead: bool = True,
    context: int | None = None,
    words: TimeWords | None = None,
) -> TimeSpan:
    """The time that governs ``span`` (an event trigger, a reported clause, a claim's content).

    ``times`` are the document's time records (``draft.times``), ``anchor`` its date.
    ``reporting=False`` ignores the time of a governing reporting verb ("said on
    Sunday"); ``lead=False`` skips the article's lead and the sentences before
    the span; ``context`` sets how many sentences before the span may lend their
    day (default 2, 0 when ``lead=False``); ``words`` are the word lists (default:
    the packaged lexicons). Falls back to the anchor, with ``text`` and ``mention`` null.
    """
    return governing(span, times, anchor, reporting=reporting, lead=lead, context=context, words=words).time


def explain_time(
    span: Span,
    times: Sequence[TimeSpan],
    *,
    reporting: bool = True,
    lead: bool = True,
    context: int | None = None,
    words: TimeWords | None = None,
) -> list[TimeCandidate]:
    """Every candidate time of ``span``, best first, each with the step and rule that found it."""
    s = _situation(span, times, words, reporting, lead, context)
    out: list[TimeCandidate] = []
    for r in GOVERNING_RULES:
        found = r(s)
        for c in sorted(found or ()):
            out.append(TimeCandidate(STEP_OF[r.name], c.time, r.name))
    return out


def reporting_time(span: Span, times: Sequence[TimeSpan], *, words: TimeWords | None = None) -> TimeSpan | None:
    """The time of the reporting verb or dateline that governs ``span`` ("said *on Sunday* that ..."), if any."""
    for c in explain_time(span, times, words=words):
        if c.step in ("reporting", "dateline"):
            return c.time
    return None
