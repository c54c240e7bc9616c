"""WHEN: temporal expressions found in news text and resolved against the document date.

The anchor (``Document.date``) resolves every relative expression; the news
conventions are written down in ``docs/time.md``. :class:`TimeFinder` finds and
normalises expressions (:class:`TimeExpression`, with TIMEX3 values);
:func:`governing_time` picks the one that dates an event trigger or a claim.

>>> import datetime as dt
>>> e = find_times("over the past day", dt.date(2025, 1, 5))[0]
>>> (e.text, str(e.begin), str(e.until), e.precision)
('over the past day', '2025-01-04', '2025-01-05', 'range')
"""

from __future__ import annotations

from ._calendar import Direction
from ._expression import TimeExpression
from ._govern import DOC_ATTRIBUTE, TimeCandidate, default_time, explain_time, governing_time, reporting_time
from ._tense import doc_tense, text_tense
from ._time_finder import TimeFinder, find_times

__all__ = [
    "DOC_ATTRIBUTE",
    "Direction",
    "TimeCandidate",
    "TimeExpression",
    "TimeFinder",
    "default_time",
    "doc_tense",
    "explain_time",
    "find_times",
    "governing_time",
    "reporting_time",
    "text_tense",
]
