"""SpanIndex answers exactly what a scan of every span answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conflict_events._spanindex import SpanIndex
from conflict_events.draft import tightest

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=30)


@given(spans, st.integers(0, 70), st.integers(0, 10))
def test_tightest_and_covers_agree_with_a_scan(ranges: list[tuple[int, int]], start: int, width: int) -> None:
    items = [(s, e, k) for k, (s, e) in enumerate(ranges)]
    index = SpanIndex(items)
    assert index.tightest(start, start + width) == tightest(items, start, start + width)
    assert index.covers(start) == any(s <= start < e for s, e, _ in items)
