"""The grammar of temporal expressions: every rule with its pattern, in the order that breaks ties.

:func:`grammar` compiles the rules for one set of word lists (the packaged lexicons, or
those extended by a user's ``lexicon_files``); at one place of the text the longest
match wins, and of equally long ones the rule listed first. The rules and their
conventions are in ``docs/time.md``.

>>> import datetime as dt
>>> scans = grammar(TimeWords.load())
>>> [s.name for s in scans][:3]
['time.date.iso', 'time.date.numeric', 'time.date.day_and_month']
>>> ctx = Context(anchor=dt.date(2025, 1, 5), text="in August")
>>> scan = next(s for s in scans if s.name == "time.month.named")
>>> r = scan.read(scan.pattern.search(ctx.text), ctx)
>>> (r.begin.isoformat(), r.until.isoformat(), r.precision, r.timex)
('2024-08-01', '2024-08-31', 'month', '2024-08')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from . import _date_rules, _offset_rules, _period_rules, _relative_rules
from ._readings import Context
from ._scan import Scan, ScanSpec
from ._time_words import TimeWords

__all__ = ["SPECS", "Context", "grammar"]

SPECS: Final[tuple[ScanSpec, ...]] = (
    *_date_rules.SPECS,
    *_period_rules.SPECS,
    *_relative_rules.SPECS,
    *_offset_rules.SPECS,
    *_date_rules.LATE_SPECS,
    *_relative_rules.LATE_SPECS,
)


@lru_cache(maxsize=16)
def grammar(words: TimeWords) -> tuple[Scan, ...]:
    """Every rule compiled for these word lists, in tie-breaking order (built once per set of lists)."""
    return tuple(spec.build(words) for spec in SPECS)
