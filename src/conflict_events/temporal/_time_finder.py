"""Find and resolve every temporal expression of a text against its anchor date.

The finder runs each rule of the grammar (:mod:`._grammar`) over the text, keeps the leftmost
longest match at each place, resolves the matches in text order (so "later that
month" can count from the date before it), then joins pairs ("on Sunday and
Monday", "between 2014 and 2016") and open ranges ("since August") into ranges.

>>> import datetime as dt
>>> finder = TimeFinder()
>>> [(e.text, e.begin.isoformat(), e.until.isoformat(), e.precision)
...  for e in finder.find("Troops attacked on Saturday, the ministry said on Sunday.", dt.date(2025, 1, 5))]
[('on Saturday', '2025-01-04', '2025-01-04', 'day'), ('on Sunday', '2025-01-05', '2025-01-05', 'day')]
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import Final

from .._textscan import occurrences
from ..schema import Decision
from ._expression import TimeExpression
from ._grammar import grammar
from ._range_rules import CLOCK, clock_on_day, pair, since
from ._readings import Context, Reading, TenseFn
from ._scan import Scan
from ._time_words import TimeWords

__all__ = ["TimeFinder", "find_times"]


class TimeFinder:
    """Find temporal expressions; settings fixed at construction, no state between calls.

    ``day_first`` decides numeric dates whose two first fields are both 12 or less
    (05/01/2025 is 5 January by default, 1 May with ``day_first=False``); ``words`` are
    the word lists (default: the packaged lexicons), ``scans`` the compiled grammar
    (default: every rule, compiled for ``words``).
    """

    def __init__(
        self, *, day_first: bool = True, words: TimeWords | None = None, scans: tuple[Scan, ...] | None = None
    ) -> None:
        self.day_first = day_first
        self.words = words or TimeWords.load()
        self.scans: tuple[Scan, ...] = scans if scans is not None else grammar(self.words)

    def find(self, text: str, anchor: dt.date, tense: TenseFn | None = None) -> list[TimeExpression]:
        """Every temporal expression of ``text``, resolved against ``anchor``, in text order.

        ``tense`` gives the direction at a stretch of the text and the rule that decided it
        (default: the words before the stretch).
        """
        ctx = Context(anchor=anchor, text=text, words=self.words, day_first=self.day_first)
        ctx.tense_fn = tense or ctx.text_tense
        taken_until = -1
        for start, _neg, index, m in self._candidates(text):
            if start < taken_until:
                continue
            scan = self.scans[index]
            ctx.tense_rules.clear()
            reading = scan.read(m, ctx)
            if reading is None:
                continue
            tense_rules = tuple(Decision(field="start", rule=r) for r in dict.fromkeys(ctx.tense_rules))
            inner = tuple(_expression(text, s, e, r, anchor, scan.name, tense_rules) for s, e, r in reading.parts)
            whole = _expression(text, m.start(), m.end(), reading, anchor, scan.name, tense_rules)
            ctx.earlier.append(replace(whole, inner=inner, timex="") if inner else whole)
            taken_until = m.end()
        return _open_ranges(text, _pairs(text, _clock_days(text, ctx.earlier)))

    def _candidates(self, text: str) -> list[tuple[int, int, int, re.Match[str]]]:
        """Every match of every rule, leftmost first, then longest, then in rule order."""
        candidates: list[tuple[int, int, int, re.Match[str]]] = []
        lower = text.lower()
        windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # rules share keys (the month rules)
        needed = _Needs(text, lower)
        for index, scan in enumerate(self.scans):
            if scan.gate_text and scan.gate is not None and scan.gate.search(text) is None:
                continue  # no window can pass the gate
            if scan.needs and not needed.anywhere(scan):
                continue  # no window can hold a needed word
            # words as written ("Dec", "Sun") are rarer than their lower-case keys ("decision", "sunni"): the
            # stretches around them are fewer and smaller, and every match holds one all the same
            spots = scan.needs if scan.needs and scan.needs_case else scan.keys
            if spots not in windows:
                windows[spots] = _windows(text if spots is scan.needs else lower, spots)
            for start, end in windows[spots]:
                if scan.needs and not needed.within(scan, start, end):
                    continue
                if scan.gate is not None and scan.gate.search(text, start, end) is None:
                    continue
                for m in scan.pattern.finditer(text, start, end):
                    if m.end() > m.start():
                        candidates.append((m.start(), -(m.end() - m.start()), index, m))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        return candidates

    def timespans(self, text: str, anchor: dt.date, tense: TenseFn | None = None) -> list[TimeExpression]:
        """Every expression including those nested in a range, outer first, in text order."""
        out: list[TimeExpression] = []
        for e in self.find(text, anchor, tense):
            out.append(e)
            out.extend(_flatten(e.inner))
        return sorted(out, key=lambda e: (e.start, -e.end))


def _expression(
    text: str, start: int, end: int, r: Reading, anchor: dt.date, rule: str, provenance: tuple[Decision, ...]
) -> TimeExpression:
    return TimeExpression(
        start=start, end=end, text=text[start:end], begin=r.begin, until=r.until, precision=r.precision, anchor=anchor,
        timex=r.timex, timex_type=r.timex_type, rule=rule, basis=r.basis, main=r.main, provenance=provenance, mod=r.mod,
    )  # fmt: skip


_MARGIN: Final = 64
_SPACE = re.compile(r"\s")


def _windows(lower: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of text around the rule's key words, cut at white space: only they are scanned.

    Each key word's stretch runs from the white space before it by more than the margin to the white
    space after it by the margin or more; overlapping or touching stretches are joined.
    """
    if not keys:
        return [(0, len(lower))]
    spots: list[int] = []
    for key in keys:
        i = lower.find(key)
        while i >= 0:
            spots.append(i)
            i = lower.find(key, i + 1)
    spots.sort()
    out: list[tuple[int, int]] = []
    end = -1  # where the last stretch ends
    for p in spots:
        # a stretch starts at most a margin before its key word: one that far from the last one's end joins it
        if out and p - _MARGIN <= end:
            if p + _MARGIN > end:  # its end lies beyond the last end, which is white space after a closer spot
                end = max(end, _end_after(lower, p))
                out[-1] = (out[-1][0], end)
            continue
        start = lower.rfind(" ", 0, max(0, p - _MARGIN)) + 1
        if out and start <= end:
            end = max(end, _end_after(lower, p))
            out[-1] = (out[-1][0], end)
        else:
            end = _end_after(lower, p)
            out.append((start, end))
    return out


# Characters that ``re.IGNORECASE`` matches to an ASCII letter that their ``str.lower()`` is not.
_ODD_CASE: Final = ("İ", "ı", "ſ")


class _Needs:
    """Where in one text the words that rules need stand (:attr:`Scan.needs`)."""

    def __init__(self, text: str, lower: str) -> None:
        self.text = text
        self.lower = lower
        # without these, a word the pattern matches ignoring case is where its lower-case form is in ``lower``
        self.folds = not any(c in text for c in _ODD_CASE)
        self._spans: dict[tuple[tuple[str, ...], bool], tuple[list[int], list[int]]] = {}

    def anywhere(self, rule: Scan) -> bool:
        """Whether one of the rule's needed words is in the text (True if that is unknown)."""
        return not self._known(rule) or bool(self._where(rule)[0])

    def within(self, rule: Scan, start: int, end: int) -> bool:
        """Whether one of the rule's needed words lies within ``text[start:end]`` (True if that is unknown)."""
        if not self._known(rule):
            return True
        starts, ends = self._where(rule)
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False

    def _known(self, rule: Scan) -> bool:
        return rule.needs_case or self.folds

    def _where(self, rule: Scan) -> tuple[list[int], list[int]]:
        """Starts and ends of the needed words, in text order."""
        key = (rule.needs, rule.needs_case)
        if key not in self._spans:
            haystack = self.text if rule.needs_case else self.lower
            spans = sorted((i, i + len(w)) for w in rule.needs for i in occurrences(haystack, w))
            self._spans[key] = ([a for a, _ in spans], [b for _, b in spans])
        return self._spans[key]


def _end_after(lower: str, p: int) -> int:
    space = _SPACE.search(lower, min(len(lower), p + _MARGIN))
    return space.start() if space else len(lower)


def _flatten(inner: tuple[TimeExpression, ...]) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for e in inner:
        out.append(e)
        out.extend(_flatten(e.inner))
    return out


def _clock_days(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Clock times just before a day take that day (:func:`~._range_rules.clock_on_day`)."""
    out = list(found)
    for i in range(len(out) - 1, -1, -1):
        if out[i].rule == CLOCK:
            moved = clock_on_day(text, out[i], out[i + 1 :])
            if moved is not None:
                out[i] = moved
    return out


def _pairs(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Consecutive expressions joined into ranges (:func:`~._range_rules.pair`)."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        joined = pair(text, found[i], found[i + 1]) if i + 1 < len(found) else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(found[i])
            i += 1
    return out


def _open_ranges(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """ "since August" runs from August to the anchor (:func:`~._range_rules.since`)."""
    # each "since" pattern needs the word: without it in the text (in any case), none is tried
    if not (any(c in text for c in _ODD_CASE) or "since" in text.lower()):
        return found
    out: list[TimeExpression] = []
    for e in found:
        # the clause between "since" and the date holds no other expression
        floor = max(out[-1].end if out else 0, e.start - 80)
        out.append(since(text, e, floor) or e)
    return out


@lru_cache(maxsize=2)
def _default_finder(day_first: bool) -> TimeFinder:
    return TimeFinder(day_first=day_first)


def find_times(text: str, anchor: dt.date, *, day_first: bool = True) -> list[TimeExpression]:
    """Every temporal expression of ``text`` resolved against ``anchor`` (tense read from the words).

    >>> [e.timex for e in find_times("He was freed in August, two days ago.", dt.date(2025, 1, 5))]
    ['2024-08', '2025-01-03']
    """
    return _default_finder(day_first).find(text, anchor)
