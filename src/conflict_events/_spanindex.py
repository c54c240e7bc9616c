"""Overlap look-ups among character spans by bisection, instead of a scan of every span.

>>> index = SpanIndex([(0, 12, "Yemen's army"), (0, 5, "Yemen"), (20, 26, "Houthi")])
>>> index.tightest(2, 4), index.tightest(21, 30), index.tightest(13, 19)
('Yemen', 'Houthi', None)
>>> index.covers(21), index.covers(15)
(True, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["SpanIndex"]

_T = TypeVar("_T")


class SpanIndex(Generic[_T]):
    """Items with ``(start, end)`` character ranges, sorted by start; the longest range bounds each search."""

    def __init__(self, items: Iterable[tuple[int, int, _T]]) -> None:
        rows = sorted(((s, e, k, item) for k, (s, e, item) in enumerate(items)), key=lambda r: (r[0], r[2]))
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._longest = max((e - s for s, e, _, _ in rows), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int, int, _T]]:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return self._rows[lo:hi]

    def near(self, start: int, end: int) -> list[_T]:
        """The items whose range may overlap ``start:end`` (those starting from the longest range's length before
        ``start`` up to ``end``), in the order given; the caller checks each.

        >>> SpanIndex([(20, 26, "Houthi"), (0, 5, "Yemen")]).near(3, 30)
        ['Houthi', 'Yemen']
        """
        return [item for _, _, _, item in sorted(self._near(start, end), key=_given)]

    def starting_in(self, lo: int, hi: int) -> list[_T]:
        """The items whose range starts in ``lo:hi``, in the order given.

        >>> SpanIndex([(20, 26, "Houthi"), (0, 5, "Yemen"), (8, 12, "Aden")]).starting_in(0, 20)
        ['Yemen', 'Aden']
        """
        rows = self._rows[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        return [item for _, _, _, item in sorted(rows, key=_given)]

    def tightest(self, start: int, end: int) -> _T | None:
        """The item overlapping ``start:end`` with the shortest range; of equals, the first given
        (``conflict_events.draft.tightest`` over the same items, in the same order)."""
        best: tuple[int, int, _T] | None = None
        for s, e, k, item in self._near(start, end):
            if s < end and start < e and (best is None or (e - s, k) < best[:2]):
                best = (e - s, k, item)
        return best[2] if best else None

    def covers(self, offset: int) -> bool:
        """Whether some range holds ``offset`` (``start <= offset < end``)."""
        lo = bisect_left(self._starts, offset - self._longest)
        hi = bisect_right(self._starts, offset)
        return any(s <= offset < e for s, e, _, _ in self._rows[lo:hi])


def _given(row: tuple[int, int, int, object]) -> int:
    return row[2]
