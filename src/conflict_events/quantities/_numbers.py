"""Reading the value of a number as written: digits, number words, scales, and quantulum3 for the rest.

quantulum3 is the fallback reader for what plain rules do not parse (mixed forms
such as "2.5 million" or "twenty-five thousand") and the judge of units ("13 hours",
"5 km", "30%" are measures, not counts). It costs a few milliseconds per sentence,
so :class:`NumberReader` calls it only for sentences that hold a digit or a number
word, and only once per sentence.

>>> parse_number("49,000"), parse_number("twelve"), parse_number("two hundred"), parse_number("2.5 million")
(49000, 12, 200, 2500000)
>>> parse_number("47th") is None
True
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from ._quantity_lexicon import NUMBER_WORDS, SCALES

__all__ = ["MeasuredSpan", "NumberReader", "parse_number"]

_DIGITS: Final = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DECIMAL: Final = re.compile(r"^\d+(?:\.\d+)?$")
_ORDINAL: Final = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The integer a number written in digits or words stands for, or None.

    >>> parse_number("twenty-five"), parse_number("1,200"), parse_number("a dozen")
    (25, 1200, 12)
    """
    words = text.lower().replace("-", " ").replace("\u2011", " ").split()
    if not words or _ORDINAL.match(text.strip()):
        return None
    if " ".join(words) in NUMBER_WORDS:
        return NUMBER_WORDS[" ".join(words)]
    total = 0
    current: float = 0
    seen = False
    for word in words:
        if word in ("and", "a"):
            continue
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
        elif _DECIMAL.match(word):
            current += float(word)
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += int(current)
                current = 0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            return None
        seen = True
    value = total + current
    if not seen or value != int(value):
        return None
    return int(value)


@dataclass(frozen=True)
class MeasuredSpan:
    """A number quantulum3 found: character offsets in the document, value, and unit name."""

    start: int
    end: int
    value: float
    unit: str


@lru_cache(maxsize=1)
def _quantulum_parser() -> Any:
    """Import quantulum3 once per process and warm its lazily built tables."""
    with warnings.catch_warnings():
        # quantulum3 warns that its optional classifier is absent; rules disambiguate here.
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("12 tanks and 5 km")
    return parser


class NumberReader:
    """Reads measured numbers in a piece of text with quantulum3 (loaded once per process).

    >>> reader = NumberReader()
    >>> [(m.value, m.unit) for m in reader.measure("a siege of 13 hours and 12 tanks")]
    [(13.0, 'hour'), (12.0, 'dimensionless')]
    """

    def __init__(self) -> None:
        self._parser = _quantulum_parser()

    def measure(self, text: str, offset: int = 0) -> list[MeasuredSpan]:
        """Every quantity quantulum3 reads in ``text``; offsets shifted by ``offset``."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = self._parser.parse(text)
            except Exception:
                return []
        return [
            MeasuredSpan(offset + q.span[0], offset + q.span[1], float(q.value), str(q.unit.name))
            for q in found
        ]
