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
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Final

from .._textscan import occurrences
from ..schema import Decision
from ._expression import TimeExpression, decision
from ._grammar import grammar
from ._offset_rules import from_date
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
        self._plans = _plans(self.scans)
        self._words = _WordGroups(self._plans)

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
            tense_rules = tuple(decision("start", r) for r in dict.fromkeys(ctx.tense_rules))
            inner = tuple(_expression(text, s, e, r, anchor, scan.name, tense_rules) for s, e, r in reading.parts)
            whole = _expression(text, m.start(), m.end(), reading, anchor, scan.name, tense_rules)
            ctx.earlier.append(replace(whole, inner=inner, timex="") if inner else whole)
            taken_until = m.end()
        found = _offsets_from_dates(text, _clock_days(text, ctx.earlier))
        return _open_ranges(text, _pairs(text, found))

    def _candidates(self, text: str) -> list[tuple[int, int, int, re.Match[str]]]:
        """Every match of every rule, leftmost first, then longest, then in rule order."""
        candidates: list[tuple[int, int, int, re.Match[str]]] = []
        lower = text.lower()
        # without these, a word the pattern matches ignoring case is where its lower-case form is in ``lower``
        folds = not any(c in text for c in _ODD_CASE)
        needed = _Needs(text, lower, folds)
        windows: dict[int, list[tuple[int, int]] | None] = {}  # by spot group (the month rules share theirs)
        # a short note holds the words of 3 to 7 of the 38 groups: the rules of the others cannot match; a
        # longer text holds most of them, and the scan for them would cost more than it skips
        present = self._words.present(text, lower) if len(text) <= _SHORT_TEXT else None
        for plan in self._plans:
            if present is not None and plan.group not in present:
                continue
            scan = plan.scan
            # a gate written in lower case runs over the lower-case text without folding case: far quicker
            gate, gated = (plan.lower_gate, lower) if folds and plan.lower_gate is not None else (scan.gate, text)
            if scan.gate_text and gate is not None and gate.search(gated) is None:
                continue  # no window can pass the gate
            # rules whose windows are cut around their needed words hold one in every window
            check_needs = bool(scan.needs) and not plan.own_needs
            if check_needs and not needed.anywhere(scan):
                continue  # no window can hold a needed word
            if plan.spots is None:
                stretches: list[tuple[int, int]] | None = [(0, len(text))]
            elif plan.group in windows:
                stretches = windows[plan.group]
            else:
                stretches = windows[plan.group] = plan.spots.windows(text if plan.spots.cased else lower)
            if stretches is None:
                continue  # none of the words its windows are cut around is in the text
            pattern, index = scan.pattern, plan.index
            for start, end in stretches:
                if check_needs and not needed.within(scan, start, end):
                    continue
                if gate is not None and gate.search(gated, start, end) is None:
                    continue
                for m in pattern.finditer(text, start, end):
                    if m.end() > m.start():
                        candidates.append((m.start(), m.start() - m.end(), index, m))
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
# Up to this many characters (an ACLED note is 150 to 400), the rule groups without a word in the text are found
# first (:class:`_WordGroups`) and skipped; over 1,500 characters that scan cost 250 us a text and skipped little.
_SHORT_TEXT: Final = 600
_SPACE = re.compile(r"\s")


def _spots(scan: Scan) -> tuple[str, ...]:
    """The words a rule's windows are cut around.

    Words as written ("Dec", "Sun") are rarer than their lower-case keys ("decision", "sunni"): the
    stretches around them are fewer and smaller, and every match holds one all the same.
    """
    return scan.needs if scan.needs and scan.needs_case else scan.keys


def _spots_cased(scan: Scan) -> bool:
    """Whether :func:`_spots` are looked for as written (else in the lower-case text)."""
    return bool(scan.needs) and scan.needs_case


def _windows(lower: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of text around the rule's key words, cut at white space: only they are scanned.

    Each key word's stretch runs from the white space before it by more than the margin to the white
    space after it by the margin or more; overlapping or touching stretches are joined.
    """
    return _windows_at(lower, sorted(i for key in keys for i in occurrences(lower, key)), not keys)


def _windows_at(lower: str, spots: list[int], whole: bool) -> list[tuple[int, int]]:
    """The stretches of :func:`_windows` around key words found at ``spots`` (sorted); all of it if ``whole``."""
    size = len(lower)
    if whole:
        return [(0, size)]
    out: list[tuple[int, int]] = []
    search = _SPACE.search
    first = end = -1  # the stretch being built (none while ``end`` is -1)
    for p in spots:
        # a stretch starts at most a margin before its key word: one that far from the last one's end joins it
        if end >= 0 and p - _MARGIN <= end:
            if p + _MARGIN > end:  # its end lies beyond the last end, which is white space after a closer spot
                space = search(lower, min(size, p + _MARGIN))
                end = max(end, space.start() if space else size)
            continue
        start = lower.rfind(" ", 0, max(0, p - _MARGIN)) + 1
        space = search(lower, min(size, p + _MARGIN))
        after = space.start() if space else size
        if end >= 0 and start <= end:
            end = max(end, after)
        else:
            if end >= 0:
                out.append((first, end))
            first, end = start, after
    if end >= 0:
        out.append((first, end))
    return out


@dataclass(frozen=True)
class _Plan:
    """How one rule is looked for in a text, worked out once per finder."""

    index: int
    scan: Scan
    # the words its windows are cut around, shared by the rules of one ``group`` (-1 and None: no words,
    # the whole text is one window)
    group: int
    spots: _Spots | None
    # whether the windows are cut around the words the rule needs, so that every window holds one
    own_needs: bool
    # the gate for the lower-case text, matched without folding case (None: the gate is not all lower case)
    lower_gate: re.Pattern[str] | None


def _plans(scans: tuple[Scan, ...]) -> tuple[_Plan, ...]:
    groups: dict[tuple[tuple[str, ...], bool], tuple[int, _Spots]] = {}
    out: list[_Plan] = []
    for index, scan in enumerate(scans):
        words, cased = _spots(scan), _spots_cased(scan)
        group, spots = groups.setdefault((words, cased), (len(groups), _Spots(words, cased))) if words else (-1, None)
        out.append(_Plan(index, scan, group, spots, own_needs=cased, lower_gate=_lower_gate(scan.gate)))
    return tuple(out)


def _lower_gate(gate: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The gate compiled to match case-sensitively over lower-case text, if it is written in lower case.

    Over a text without the characters of ``_ODD_CASE``, a lower-case pattern that ignores case matches the
    text where, taken as written, it matches the lower-case text (same length, same places).
    """
    if gate is None or gate.pattern != gate.pattern.lower() or "(?-i" in gate.pattern:
        return None
    return re.compile(gate.pattern)


class _Spots:
    """The words a group of rules cuts its windows around (:func:`_spots`), and how to find them quickly."""

    def __init__(self, words: tuple[str, ...], cased: bool) -> None:
        self.words = words
        self.cased = cased
        # Where the words share their first character, or all begin with a capital, one pattern over them
        # finds them quicker than looking for each word in turn: the regex engine skips to the characters
        # they can begin with.
        firsts = {w[:1] for w in words}
        self.pattern = (
            re.compile("|".join(re.escape(w) for w in sorted(words, key=len)))
            if words and (len(firsts) == 1 or all(c.isupper() for c in firsts))
            else None
        )

    def windows(self, haystack: str) -> list[tuple[int, int]] | None:
        """The stretches of :func:`_windows` around the words in ``haystack``; None when none is there."""
        if self.pattern is not None:
            m = self.pattern.search(haystack)
            if m is None:
                return None
            # every place where one of the words begins: several words at one place cut the same stretch
            spots = []
            while m is not None:
                spots.append(m.start())
                m = self.pattern.search(haystack, m.start() + 1)
        else:
            firsts = [haystack.find(w) for w in self.words]
            if max(firsts) < 0:
                return None
            spots = sorted(i for w, i in zip(self.words, firsts, strict=True) if i >= 0 for i in _from(haystack, w, i))
        return _windows_at(haystack, spots, False)


class _WordGroups:
    """Which spot groups (:class:`_Spots`) have one of their words in a text, found in one scan per case.

    A group with none of its words in the text has no window (:meth:`_Spots.windows` is None), so its
    rules are skipped before their gates and needed words are looked at. The words of all groups (about
    180) are looked for at once, by a pattern written as a tree of their letters: at each place it finds
    the longest word that starts there, and every word that starts there is a beginning of that one. A
    test per word (``w in text``) cost three times more.
    """

    def __init__(self, plans: tuple[_Plan, ...]) -> None:
        groups: dict[bool, dict[str, set[int]]] = {True: {}, False: {}}
        self.always = frozenset(plan.group for plan in plans if plan.spots is None)  # the whole text is a window
        for plan in plans:
            if plan.spots is not None:
                for w in plan.spots.words:
                    groups[plan.spots.cased].setdefault(w, set()).add(plan.group)
        self.cased = _WordScan(groups[True])
        self.lower = _WordScan(groups[False])

    def present(self, text: str, lower: str) -> set[int]:
        """The groups with a word in the text (cased words as written, the others in ``lower``)."""
        out = set(self.always)
        self.cased.groups_in(text, out)
        self.lower.groups_in(lower, out)
        return out


class _WordScan:
    """Words and the groups that cut windows around them; :meth:`groups_in` finds the groups of a text's words."""

    def __init__(self, groups: dict[str, set[int]]) -> None:
        # a word found stands for every word it begins with ("month" for "mon" too)
        self.closure = {w: frozenset(g for u, gs in groups.items() if w.startswith(u) for g in gs) for w in groups}
        self.pattern = re.compile(_trie(sorted(groups))) if groups else None

    def groups_in(self, haystack: str, out: set[int]) -> None:
        if self.pattern is None:
            return
        search, closure = self.pattern.search, self.closure
        m = search(haystack)
        while m is not None:
            out |= closure[m.group()]
            m = search(haystack, m.start() + 1)  # words overlap ("today" holds "day")


def _trie(words: list[str]) -> str:
    """A pattern of ``words`` as a tree of their characters; at one place it matches the longest word there."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # a word ends here: what follows is optional, and greedy, so the longest word wins
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


def _from(haystack: str, word: str, first: int) -> list[int]:
    """Every start of ``word`` in ``haystack``, the first being ``first``, overlapping ones included."""
    out = [first]
    i = haystack.find(word, first + 1)
    while i >= 0:
        out.append(i)
        i = haystack.find(word, i + 1)
    return out


# Characters that ``re.IGNORECASE`` matches to an ASCII letter that their ``str.lower()`` is not.
_ODD_CASE: Final = ("İ", "ı", "ſ")


class _Needs:
    """Whether the words that rules need (:attr:`Scan.needs`) stand in one text, or in a stretch of it."""

    def __init__(self, text: str, lower: str, folds: bool) -> None:
        self.text = text
        self.lower = lower
        self.folds = folds

    def anywhere(self, rule: Scan) -> bool:
        """Whether one of the rule's needed words is in the text (True if that is unknown)."""
        if not self._known(rule):
            return True
        haystack = self.text if rule.needs_case else self.lower
        return any(w in haystack for w in rule.needs)

    def within(self, rule: Scan, start: int, end: int) -> bool:
        """Whether one of the rule's needed words lies within ``text[start:end]`` (True if that is unknown)."""
        if not self._known(rule):
            return True
        haystack = self.text if rule.needs_case else self.lower
        return any(haystack.find(w, start, end) >= 0 for w in rule.needs)

    def _known(self, rule: Scan) -> bool:
        return rule.needs_case or self.folds


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


def _offsets_from_dates(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """ "the day before" just before a day counts from it (:func:`~._offset_rules.from_date`): the two make one."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        joined = from_date(text, found[i], found[i + 1]) if i + 1 < len(found) else None
        out.append(joined or found[i])
        i += 2 if joined is not None else 1
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
