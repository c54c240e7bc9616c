"""Scanning a text for a name pattern only where it can match: the same matches, in the same order.

The phrase patterns of :mod:`.mentions` ("the town of X", "X region") try a match at every character
of a text. But each of their matches holds a kind word ("town", "region") and lies within a stretch of
words, white space, apostrophes and hyphens. So only the stretches that hold a kind word, found with
``str.find`` and standing as the pattern wants it (a whole word, "of" after it), are scanned.

>>> import re
>>> pattern = re.compile(r"[A-Z]\\w*\\s+(?i:region)\\b")
>>> text = "Shelling hit the Kursk Region, and Kharkiv region (Ukraine); regional Sumy"
>>> anchor = Anchor("region", r"(?<=\\s)(?i:region)\\b", ignore_case=True)
>>> [m.group(0) for m in Stretches(text).finditer(pattern, anchor)]
['Kursk Region', 'Kharkiv region']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from .._textscan import occurrences

__all__ = ["Anchor", "Scouted", "Stretches", "first_chars"]

# What no match of a name pattern holds: anything but word characters, apostrophes, hyphens, white space.
_BREAK: Final = re.compile(r"[^\w'’\s-]")
# Characters that ``re.IGNORECASE`` matches to an ASCII letter that their ``str.lower()`` is not.
_ODD_CASE: Final = ("İ", "ı", "ſ")


class Anchor:
    """The kind words one of which every match of a pattern holds, and what the pattern wants around it.

    ``alternatives`` is the pattern's alternation of literal words (lower-case ASCII if ``ignore_case``);
    ``around`` is the part of the pattern that starts with the word, with what must come before it as a
    lookbehind: it is tried where a word stands, and only stretches where it matches are scanned.

    >>> Anchor("city|port city|town", r"(?:city|port city|town) of ").offsets
    {'city': (0, 5), 'town': (0,)}
    """

    def __init__(self, alternatives: str, around: str, *, ignore_case: bool = False) -> None:
        words = alternatives.split("|")
        # a word that holds another is found through it: "port city" where "city" is, five characters back
        self.offsets: dict[str, tuple[int, ...]] = {
            w: tuple(sorted({o.index(w) for o in words if w in o}))
            for w in words
            if not any(o != w and o in w for o in words)
        }
        self.around = re.compile(around)
        self.ignore_case = ignore_case


class Stretches:
    """One text's stretches between break characters, for :meth:`finditer`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None
        self._lower: str | None = None

    def finditer(self, pattern: re.Pattern[str], anchor: Anchor) -> list[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, scanning only the stretches where ``anchor`` is.

        Only for a pattern each match of which holds one of the anchor's words where ``anchor.around``
        matches, holds no break character, and looks past its end through ``\\b`` only. Then a scan from a
        stretch's start meets what the scan of the whole text meets there (no match runs into the stretch),
        and the stretch's end is a word boundary exactly when the break character after it makes one.
        """
        text = self.text
        if anchor.ignore_case:
            if any(c in text for c in _ODD_CASE):
                return list(pattern.finditer(text))
            if self._lower is None:
                self._lower = text.lower()  # one character for one: no "İ" in the text
            haystack = self._lower
        else:
            haystack = text
        around = anchor.around
        # most of the anchor's words are not in a given text: one ``find`` says so before listing occurrences
        spots = sorted(
            i - back
            for word, offsets in anchor.offsets.items()
            if word in haystack
            for i in occurrences(haystack, word)
            for back in offsets
            if i >= back and around.match(text, i - back)
        )
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


class Scouted:
    """A pattern searched only where a quick scout says a match may start: the matches of ``finditer``.

    Python's regex engine runs a pattern that starts with a look-behind (or with an alternation it
    cannot scan for) at every character of a text. ``scout`` is a pattern it scans quickly, a match of
    which starts at every place where a match of ``pattern`` can start, none of them running over
    another such place. Then ``pattern``
    tried at those places alone, left to right and each from the end of the match before, meets the
    matches that ``pattern.finditer`` meets. ``pattern`` must never match the empty string.

    >>> code = re.compile(r"(?<![\\w.])(?:NSW|KP)(?!\\w)")
    >>> scouted = Scouted(code, re.compile(first_chars(["NSW", "KP"])))
    >>> text = "Rain in NSW, not in KPK; KP and NSW."
    >>> [m.span() for m in scouted.finditer(text)] == [m.span() for m in code.finditer(text)]
    True
    """

    def __init__(self, pattern: re.Pattern[str], scout: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scout = scout

    def finditer(self, text: str) -> list[re.Match[str]]:
        """``list(pattern.finditer(text))``."""
        match = self.pattern.match
        out: list[re.Match[str]] = []
        end = 0  # where the last match ended: the next one starts there or later
        for s in self.scout.finditer(text):
            at = s.start()
            if at < end:
                continue
            m = match(text, at)
            if m is not None:
                out.append(m)
                end = m.end()
        return out


def first_chars(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A character class of the first characters of ``words`` (for a scout of their alternation).

    >>> first_chars(["Ont.", "B.C.", "NSW"])
    '[BNO]'
    """
    return "[" + "".join(re.escape(c) for c in sorted({w[:1] for w in words if w})) + "]"
