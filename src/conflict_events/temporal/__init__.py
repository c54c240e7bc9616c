"""WHEN: temporal expressions found in news text and resolved against the document date.

The anchor (``Document.date``) resolves every relative expression; the news
conventions are written down in ``docs/time.md``. :class:`TimeFinder` finds and
normalises expressions (:class:`TimeExpression`, with TIMEX3 values) by the named
rules of the grammar; :func:`timespans` turns them into the public records
(ranges as their bounds' ``part_of``); :func:`governing_time` picks the record
that dates an event trigger or a claim. The word lists are lexicons
(``calendar``, ``numbers``, ``tense``, ``time_cues``, ``time_governing``,
``reporting``), read into :class:`TimeWords`.

>>> import datetime as dt
>>> e = find_times("over the past day", dt.date(2025, 1, 5))[0]
>>> (e.text, str(e.begin), str(e.until), e.precision, e.timex)
('over the past day', '2025-01-04', '2025-01-05', 'range', 'P1D')
"""

from __future__ import annotations

from ._calendar import Direction
from ._expression import TimeExpression
from ._govern import TimeCandidate, default_time, explain_time, governing, governing_time, reporting_time
from ._records import timespans
from ._tense import doc_tense, tense_of, text_tense
from ._time_finder import TimeFinder, find_times
from ._time_words import TimeWords

__all__ = [
    "Direction",
    "TimeCandidate",
    "TimeExpression",
    "TimeFinder",
    "TimeWords",
    "default_time",
    "doc_tense",
    "explain_time",
    "find_times",
    "governing",
    "governing_time",
    "reporting_time",
    "tense_of",
    "text_tense",
    "timespans",
]
