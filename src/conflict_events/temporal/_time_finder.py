"""Find and resolve every temporal expression of a text against its anchor date.

The finder runs each rule of :mod:`.rules` over the text, keeps the leftmost
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
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Final

from .._textscan import occurrences
from ._calendar import Direction, latest_weekday
from ._expression import TimeExpression
from ._grammar import RULES, Context, Rule
from ._tense import text_tense

__all__ = ["TimeFinder", "find_times"]

TenseFn = Callable[[int, int], Direction]

_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–|—|or|into)\s*", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\b(?:between|from)\s+)$", re.IGNORECASE)
_SINCE = re.compile(
    r"\b(?:ever\s+)?since\s+(?:at\s+least\s+|as\s+early\s+as\s+|as\s+far\s+back\s+as\s+)?"
    r"(?:(?:the\s+)?(?:start|beginning|outbreak|launch|onset|end|middle)\s+of\s+(?:[\w'’-]+\s+){0,6}?)?$",
    re.IGNORECASE,
)
# "since the war began in April", "since fighting broke out on 15 April": a short clause whose verb starts
# something, the date hanging from it. Only verbs of beginning, so a causal "since" is not read as a range.
# "since Hamas attacked Israel on October 7": any short clause with the date on its verb, no punctuation.
_SINCE_CLAUSE = re.compile(
    r"\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,6}?(?:began|started|erupted|broke\s+out|flared|escalated|"
    r"resumed|seized\s+power|took\s+(?:power|control|over)|was\s+(?:launched|ousted|toppled|overthrown)|"
    r"were\s+launched|launched\s+(?:its|their|his|an?|the)\s+[\w'’-]+|invaded(?:\s+[\w'’-]+)?)\s+"
    r"(?:(?:in|on|at|during)\s+)?$"
    r"|\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,8}?(?:in|on|at|during)\s+$",
    re.IGNORECASE,
)
# the same clause when the expression itself begins with its preposition ("on October 7")
_SINCE_CLAUSE_BARE = re.compile(r"\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,8}?$", re.IGNORECASE)
_PREPOSITION = re.compile(r"(?:in|on|at|during)\s", re.IGNORECASE)
# Rules whose pairs make a range, and which rules may pair.
_PAIRABLE: Final = {
    "weekday": "weekday", "day_month": "day", "month_day": "day", "month": "month", "year": "year",
    "month_year": "month", "iso": "day", "numeric": "day",
}  # fmt: skip


class TimeFinder:
    """Find temporal expressions; settings fixed at construction, no state between calls.

    ``day_first`` decides numeric dates whose two first fields are both 12 or less
    (05/01/2025 is 5 January by default, 1 May with ``day_first=False``).
    """

    def __init__(self, *, day_first: bool = True, rules: tuple[Rule, ...] = RULES) -> None:
        self.day_first = day_first
        self.rules = rules

    def find(self, text: str, anchor: dt.date, tense: TenseFn | None = None) -> list[TimeExpression]:
        """Every temporal expression of ``text``, resolved against ``anchor``, in text order."""
        tense_at: TenseFn = tense or (lambda s, e: text_tense(text, s, e))
        ctx = Context(anchor=anchor, text=text, day_first=self.day_first, tense=tense_at)
        candidates: list[tuple[int, int, int, re.Match[str]]] = []
        lower = text.lower()
        windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # rules share keys (the month rules)
        needed = _Needs(text, lower)
        for index, rule in enumerate(self.rules):
            if rule.gate_text and rule.gate is not None and rule.gate.search(text) is None:
                continue  # no window can pass the gate
            if rule.needs and not needed.anywhere(rule):
                continue  # no window can hold a needed word
            if rule.keys not in windows:
                windows[rule.keys] = _windows(lower, rule.keys)
            for start, end in windows[rule.keys]:
                if rule.needs and not needed.within(rule, start, end):
                    continue
                if rule.gate is not None and rule.gate.search(text, start, end) is None:
                    continue
                for m in rule.pattern.finditer(text, start, end):
                    if m.end() > m.start():
                        candidates.append((m.start(), -(m.end() - m.start()), index, m))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        taken_until = -1
        for start, _neg, index, m in candidates:
            if start < taken_until:
                continue
            rule = self.rules[index]
            reading = rule.read(m, ctx)
            if reading is None:
                continue
            ctx.earlier.append(
                TimeExpression(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    begin=reading.begin,
                    until=reading.until,
                    precision=reading.precision,
                    anchor=anchor,
                    timex=reading.timex,
                    timex_type=reading.timex_type,
                    rule=rule.name,
                    basis=reading.basis,
                    main=reading.main,
                )
            )
            taken_until = m.end()
        return _open_ranges(text, anchor, _pairs(text, _clock_days(text, ctx.earlier)))

    def timespans(self, text: str, anchor: dt.date, tense: TenseFn | None = None) -> list[TimeExpression]:
        """Every expression including those nested in a range, outer first, in text order."""
        out: list[TimeExpression] = []
        for e in self.find(text, anchor, tense):
            out.append(e)
            out.extend(_flatten(e.inner))
        return sorted(out, key=lambda e: (e.start, -e.end))


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
    """Where in one text the words that rules need stand (:attr:`Rule.needs`)."""

    def __init__(self, text: str, lower: str) -> None:
        self.text = text
        self.lower = lower
        # without these, a word the pattern matches ignoring case is where its lower-case form is in ``lower``
        self.folds = not any(c in text for c in _ODD_CASE)
        self._spans: dict[tuple[tuple[str, ...], bool], tuple[list[int], list[int]]] = {}

    def anywhere(self, rule: Rule) -> bool:
        """Whether one of the rule's needed words is in the text (True if that is unknown)."""
        return not self._known(rule) or bool(self._where(rule)[0])

    def within(self, rule: Rule, start: int, end: int) -> bool:
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

    def _known(self, rule: Rule) -> bool:
        return rule.needs_case or self.folds

    def _where(self, rule: Rule) -> tuple[list[int], list[int]]:
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


_CLOCK_GAP = re.compile(r"[\s,()]*(?:local\s+time[\s,()]*)?$", re.IGNORECASE)


def _clock_days(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A clock time just before a day takes that day ("at 7 a.m. on Dec. 1", "5:30 am on Monday")."""
    out = list(found)
    for i in range(len(out) - 1, -1, -1):
        e = out[i]
        if e.rule != "clock" or e.basis == "explicit":
            continue
        nxt = next((f for f in out[i + 1 :] if f.rule != "clock"), None)
        if nxt is None or nxt.precision != "day" or nxt.start - e.end > 30:
            continue
        between = text[e.end : nxt.start]
        clocks_between = [f for f in out[i + 1 :] if f.rule == "clock" and f.end <= nxt.start]
        for c in clocks_between:
            between = between.replace(c.text, " ")
        if _CLOCK_GAP.match(between) is None:
            continue
        day = nxt.begin
        out[i] = replace(e, begin=day, until=day, timex=day.isoformat() + e.timex[10:], basis=nxt.basis)
    return out


def _pairs(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Join "Sunday and Monday", "2014 to 2016", "August-September" into one range."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (
            b is not None
            and a.rule in _PAIRABLE
            and _PAIRABLE.get(b.rule) == _PAIRABLE[a.rule]
            and _JOIN.fullmatch(text, a.end, b.start)
            # a night or a morning pairs too ("overnight Thursday and Friday", "the night of Thursday to Friday")
            and (a.timex_type == b.timex_type == "DATE" or (a.rule == b.rule == "weekday"))
        ):
            first = _before(a, b)
            opener = _RANGE_OPENER.search(text, max(0, a.start - 10), a.start)
            start = opener.start() if opener else a.start
            out.append(
                TimeExpression(
                    start=start,
                    end=b.end,
                    text=text[start : b.end],
                    begin=first.begin,
                    until=max(b.until, first.until),
                    precision="range",
                    anchor=a.anchor,
                    timex=first.timex,
                    rule="pair",
                    basis=b.basis,
                    inner=(first, b),
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _before(a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """The first member of a pair, moved to fall on or before the second ("Sunday and Monday")."""
    if a.begin <= b.begin:
        return a
    if a.rule == "weekday":
        day = latest_weekday(b.begin, a.begin.weekday())
        return replace(a, begin=day, until=day, timex=day.isoformat() + a.timex[10:])
    if a.rule == "month":
        year = b.begin.year if a.begin.month <= b.begin.month else b.begin.year - 1
        begin = a.begin.replace(year=year)
        until = (
            a.until.replace(year=year, day=min(a.until.day, 28)) if a.until.month == 2 else a.until.replace(year=year)
        )
        return replace(a, begin=begin, until=until, timex=f"{year:04d}{a.timex[4:]}")
    return a


def _open_ranges(text: str, anchor: dt.date, found: list[TimeExpression]) -> list[TimeExpression]:
    """ "since August" runs from August to the anchor; the month stays inside as its own expression."""
    out: list[TimeExpression] = []
    # each "since" pattern needs the word: without it in the text (in any case), none is tried
    maybe = any(c in text for c in _ODD_CASE) or "since" in text.lower()
    for e in found:
        # the clause between "since" and the date holds no other expression
        floor = max(out[-1].end if out else 0, e.start - 80)
        since = (
            (
                _SINCE.search(text, floor, e.start)
                or _SINCE_CLAUSE.search(text, floor, e.start)
                or (_SINCE_CLAUSE_BARE.search(text, floor, e.start) if _PREPOSITION.match(e.text) else None)
            )
            if maybe
            else None
        )
        if since and e.begin <= anchor and e.timex_type == "DATE" and e.basis != "unresolved":
            out.append(
                TimeExpression(
                    start=since.start(),
                    end=e.end,
                    text=text[since.start() : e.end],
                    begin=e.begin,
                    until=anchor,
                    precision="range",
                    anchor=anchor,
                    timex=e.timex,
                    rule="since",
                    basis=e.basis,
                    inner=(e,),
                )
            )
        else:
            out.append(e)
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
