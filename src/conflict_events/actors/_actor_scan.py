"""Faster forms of the passes' regex scans, with the same matches.

Python's regex engine has no quick scan for the first character of a case-insensitive
pattern, nor of one that starts with a look-behind: it runs the whole pattern at every
position of the text. Two rewrites give it one:

* a case-insensitive pattern run case-sensitively over the lower-cased text finds the
  same spans, when the text has no non-ASCII letter with a case (:func:`lowered`) and
  the pattern's own letters are lower-case (:func:`folded`);
* a pattern that starts with ``(?<![\\w-])`` and a word character is found at the
  character before it (:func:`word_scout`), which the engine can scan for.

>>> names = re.compile(r"(?<![\\w-])(?:the\\s+)?(?:rapid\\s+support\\s+forces|rsf)(?![\\w-])", re.IGNORECASE)
>>> text = "The Rapid Support Forces (RSF) said; non-RSF units"
>>> fast = FastPattern.of(names)
>>> list(fast.spans(text, lowered(text))) == [m.span() for m in names.finditer(text)]
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

__all__ = ["FastPattern", "folded", "lowered", "word_scout"]

_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
# ASCII letters and the few other characters the engine folds onto them ("ſ", "K", "ı", "İ")
_ASCII_LETTER: Final = re.compile("[a-z]", re.IGNORECASE)
# escapes that may spell a letter, and inline flags: a pattern with one gets no folded form
_OPAQUE: Final = re.compile(r"\\[xuUN0-9]|\(\?[aiLmsux-]")
_WORD_START: Final = r"(?<![\w-])"


@lru_cache(maxsize=4096)  # one entry per distinct non-ASCII character seen
def _uncased(char: str) -> bool:
    """A character with no case ("’", "—"), which no search ignoring case takes for another."""
    return char.lower() == char == char.upper() and _ASCII_LETTER.fullmatch(char) is None


def lowered(text: str) -> str | None:
    """``text.lower()``, or None when the text has a non-ASCII letter with a case ("é", "ſ").

    Then a pattern of :func:`folded` matches the lowered text exactly where its original
    matches the text, ignoring case: ASCII letters lower-case to the one character the
    engine takes them for, and every other character of the text stays as it is.

    >>> lowered("Kyiv’s forces"), lowered("Bogotá") is None
    ('kyiv’s forces', True)
    """
    if not text.isascii() and not all(_uncased(c) for c in set(_NON_ASCII.findall(text))):
        return None
    return text.lower()


def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a case-insensitive pattern, for :func:`lowered` text, or None.

    Only a pattern whose letters are all lower-case (escapes aside), none of them a
    non-ASCII letter the engine takes for an ASCII one ("ſ"), has one.

    >>> bool(folded(re.compile(r"\\bthe\\s+ministry\\b", re.IGNORECASE)).flags & re.IGNORECASE)
    False
    >>> folded(re.compile(r"[A-Z]\\w+", re.IGNORECASE)) is None
    True
    """
    source = pattern.pattern
    plain = source == source.lower() and not any(_ASCII_LETTER.match(c) for c in source if not c.isascii())
    if pattern.flags != re.IGNORECASE | re.UNICODE or not plain or _OPAQUE.search(source):
        return None
    return re.compile(source)


def word_scout(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` with its leading ``(?<![\\w-])`` made a character, ``[^\\w-]``, or None without one.

    The engine scans quickly for that character. The caller vouches that every match of
    ``pattern`` starts with a word character: then each match but one at offset 0 is a
    match of the scout one character later, and the scout's next search starts no later
    than the character before the next match (which the match before cannot end on).

    >>> word_scout(re.compile(r"(?<![\\w-])rsf\\b")).pattern
    '[^\\\\w-]rsf\\\\b'
    """
    source = pattern.pattern
    if not source.startswith(_WORD_START):
        return None
    return re.compile(r"[^\w-]" + source[len(_WORD_START) :], pattern.flags)


@dataclass(frozen=True)
class FastPattern:
    """A pattern with its folded and scouting forms, for :meth:`spans`."""

    pattern: re.Pattern[str]
    folded: re.Pattern[str] | None
    scout: re.Pattern[str] | None  # of ``folded`` when there is one, else of ``pattern``
    folded_scout: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str], word_start: bool = True) -> FastPattern:
        """``word_start``: every match of ``pattern`` starts with a word character (see :func:`word_scout`)."""
        twin = folded(pattern)
        return cls(
            pattern,
            twin,
            word_scout(pattern) if word_start else None,
            word_scout(twin) if word_start and twin is not None else None,
        )

    def target(self, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
        """The pattern to search with and the text to search it in: the matches of ``pattern`` in ``text``."""
        if low is not None and self.folded is not None:
            return self.folded, low
        return self.pattern, text

    def spans(self, text: str, low: str | None) -> Iterator[tuple[int, int]]:
        """The spans of ``pattern.finditer(text)``; ``low`` is :func:`lowered` of ``text``."""
        if low is not None and self.folded is not None:
            yield from _spans(self.folded, self.folded_scout, low)
        else:
            yield from _spans(self.pattern, self.scout, text)


def _spans(pattern: re.Pattern[str], scout: re.Pattern[str] | None, text: str) -> Iterator[tuple[int, int]]:
    if scout is None:
        for m in pattern.finditer(text):
            yield m.span()
        return
    pos = 0
    first = pattern.match(text)
    if first is not None:
        yield first.span()
        pos = first.end()
    for m in scout.finditer(text, pos):
        yield m.start() + 1, m.end()
