"""The finder's shortcuts (windows around key words, words a rule needs, gates) change nothing it finds."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.temporal import TimeFinder, TimeWords
from conflict_events.temporal._grammar import grammar
from conflict_events.temporal._time_finder import _MARGIN, _windows

PIECES = [
    " on Monday", " MONDAY", " May 5", " may", " in March 2024", " Sept. 4", " three days later", " that morning",
    " the past week", " THE PAST WEEK", " the following day", " later in the day", " Christmas Day",
    " since August", " between 2014 and 2016", " 12/03/2024", " 2024-03-12", " last night", " at 5 p.m.",
    " officials said", ".", ",", "\n", "  ", " x" * 40, "İ", "ı", "ſ", "DAY", "Tuesday's", " 05:30 GMT",
    " 1430 hrs", " at noon", " 7am", " 12.03.24", " 3/4/2024", " 2014-2016", " in 2023", " 20%", " the same day",
    " two weeks after", " the next morning", " this week", " the current year", " EARLIER IN THE DAY",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
RULES = grammar(TimeWords.load())


def _reference_windows(lower: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Each key's stretch computed on its own, then overlapping or touching stretches joined."""
    if not keys:
        return [(0, len(lower))]
    spots = sorted(m.start() for key in keys for m in re.finditer(f"(?={re.escape(key)})", lower))
    out: list[tuple[int, int]] = []
    for p in spots:
        start = lower.rfind(" ", 0, max(0, p - _MARGIN)) + 1
        space = re.compile(r"\s").search(lower, min(len(lower), p + _MARGIN))
        end = space.start() if space else len(lower)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_windows_as_computed_key_by_key(text: str) -> None:
    lower = text.lower()
    for keys in {r.keys for r in RULES}:
        assert _windows(lower, keys) == _reference_windows(lower, keys)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_needed_words_and_gates_skip_only_windows_without_a_match(text: str) -> None:
    anchor = dt.date(2024, 6, 5)
    plain = TimeFinder(scans=tuple(replace(r, needs=(), gate=None) for r in RULES))
    assert TimeFinder().timespans(text, anchor) == plain.timespans(text, anchor)


def test_since_in_any_case_still_opens_a_range() -> None:
    anchor = dt.date(2024, 6, 5)
    for text in ("Fighting has continued SINCE May.", "Since August, 300 people have died."):
        assert [e.rule for e in TimeFinder().find(text, anchor)] == ["time.range.since"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, " today", " Monthly", " mon", "’", " 1990s", " Janet"]), max_size=30))
def test_the_groups_found_in_one_scan_are_those_with_a_window(pieces: list[str]) -> None:
    """A group of rules is skipped only where none of its words is (one scan for all words, not a test each)."""
    text = "".join(pieces)
    finder = TimeFinder()
    lower = text.lower()
    with_window = {p.group for p in finder._plans if p.spots is None
                   or p.spots.windows(text if p.spots.cased else lower) is not None}  # fmt: skip
    assert finder._words.present(text, lower) == with_window
