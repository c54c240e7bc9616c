"""Scanning a text for a name pattern only where it can match: the same matches, in the same order.

The phrase patterns of :mod:`.mentions` ("the town of X", "X region") try a match at every character
of a text. But each of their matches holds a kind word ("town", "region") and lies within a stretch of
words, white space, apostrophes and hyphens. So only the stretches that hold a kind word, found with
``str.find``, are scanned.

>>> import re
>>> pattern = re.compile(r"[A-Z]\\w*\\s+(?i:region)\\b")
>>> text = "Shelling hit the Kursk Region, and Kharkiv region (Ukraine); regional Sumy"
>>> [m.group(0) for m in Stretches(text).finditer(pattern, ("region",), ignore_case=True)]
['Kursk Region', 'Kharkiv region']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Final

__all__ = ["Stretches", "anchor_words"]

# What no match of a name pattern holds: anything but word characters, apostrophes, hyphens, white space.
_BREAK: Final = re.compile(r"[^\w'’\s-]")
# Characters that ``re.IGNORECASE`` matches to an ASCII letter that their ``str.lower()`` is not.
_ODD_CASE: Final = ("İ", "ı", "ſ")


def anchor_words(alternatives: str) -> tuple[str, ...]:
    """The literal words of a regex alternation, less those that hold another ("port city" holds "city").

    >>> anchor_words("city|town|port city|township")
    ('city', 'town')
    """
    words = alternatives.split("|")
    return tuple(w for w in words if not any(o != w and o in w for o in words))


class Stretches:
    """One text's stretches between break characters, for :meth:`finditer`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None
        self._lower: str | None = None

    def finditer(
        self, pattern: re.Pattern[str], words: Iterable[str], *, ignore_case: bool = False
    ) -> list[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, scanning only the stretches that hold one of ``words``.

        Only for a pattern each match of which holds one of ``words`` (literal; ASCII when
        ``ignore_case``, as in ``(?i:...)``), holds no break character, and looks past its end through
        ``\\b`` only. Then a scan from a stretch's start meets what the scan of the whole text meets there
        (no match runs into the stretch), and the stretch's end is a word boundary exactly when the break
        character after it makes one.
        """
        text = self.text
        if ignore_case:
            if any(c in text for c in _ODD_CASE):
                return list(pattern.finditer(text))
            if self._lower is None:
                self._lower = text.lower()  # one character for one: no "İ" in the text
            haystack = self._lower
        else:
            haystack = text
        spots = sorted(i for w in words for i in _occurrences(haystack, w))
        if not spots:
            return []
        breaks = self._break_offsets()
        out: list[re.Match[str]] = []
        scanned = -1  # where the last stretch scanned ends
        for spot in spots:
            if spot < scanned:
                continue
            i = bisect_right(breaks, spot)
            start = breaks[i - 1] + 1 if i else 0
            scanned = breaks[i] if i < len(breaks) else len(text)
            out.extend(pattern.finditer(text, start, scanned))
        return out

    def _break_offsets(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK.finditer(self.text)]
        return self._breaks


def _occurrences(text: str, word: str) -> list[int]:
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out
