"""Properties of the finder over generated anchors and expressions (hypothesis)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.temporal import TimeFinder, find_times

ANCHORS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31))

# Expressions counted back from the anchor; in a past-tense sentence none may point after it.
ANCHORED = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
    "late Saturday", "on Sunday morning", "yesterday", "today", "tonight", "last night", "overnight",
    "two days ago", "10 days ago", "three weeks ago", "two months ago", "a year ago", "a few days ago",
    "over the past day", "in the past 24 hours", "the past two weeks", "last week", "this week",
    "at the weekend", "last weekend", "this month", "earlier this month", "last month", "in recent months",
    "recently", "late last year", "last November", "this year", "earlier this year", "in August", "in May",
    "in December", "on 3 January", "on March 14", "on Dec 24", "in early January", "in the winter",
    "last summer", "since August", "since Monday", "since last week", "on Sunday and Monday",
    "in the fourth quarter",
]  # fmt: skip
SENTENCE = "Troops attacked the town {}, officials said."


@settings(max_examples=300, deadline=None)
@given(anchor=ANCHORS, expression=st.sampled_from(ANCHORED))
def test_past_reporting_never_points_after_the_anchor(anchor: dt.date, expression: str) -> None:
    found = find_times(SENTENCE.format(expression), anchor)
    assert found, expression
    for e in found:
        assert e.begin <= e.until
        # a quarter or season stays whole (its TIMEX3 value's dates): it begins by the anchor
        whole_unit = e.precision == "range" and e.rule in ("time.year.quarter", "time.year.season")
        assert (e.begin if whole_unit else e.until) <= anchor, (expression, anchor, e)


@settings(max_examples=200, deadline=None)
@given(anchor=ANCHORS, expression=st.sampled_from(ANCHORED))
def test_same_input_same_output(anchor: dt.date, expression: str) -> None:
    text = SENTENCE.format(expression)
    assert find_times(text, anchor) == TimeFinder().find(text, anchor)


WORDS = st.sampled_from(
    [
        "on", "Sunday", "Monday", "in", "August", "May", "2024", "1999", "since", "last", "next", "week",
        "month", "year", "days", "ago", "the", "past", "two", "10", "later", "that", "day", "after", "before",
        "early", "late", "mid-", "weekend", "tonight", "yesterday", "and", "to", "between", "3", "January",
        "14", "March", ",", ".", "will", "for", "recent", "months", "overnight", "Q3", "winter", "1/2/2024",
        "2025-01-05", "quarter", "first", "half", "of", "following", "previous", "same", "dozen", "a", "few",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(anchor=ANCHORS, words=st.lists(WORDS, min_size=1, max_size=12))
def test_any_word_salad_gives_valid_spans(anchor: dt.date, words: list[str]) -> None:
    text = " ".join(words)
    found = find_times(text, anchor)
    for e in found:
        assert e.begin <= e.until
        assert text[e.start : e.end] == e.text
        assert e.precision in ("day", "week", "month", "year", "range")
        e.to_timespan(None)  # validates as the public record
    starts = [e.start for e in found]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start, "outer expressions never overlap"
