"""Regex fragments of the time grammar, built from the word lists (so a user's lexicon extends them).

Month and weekday names are matched capitalised ("May", never the modal "may"); counts,
units, ordinal days, seasons, parts of the day, feasts and words of the present come
from :class:`~conflict_events.temporal._time_words.TimeWords`.

>>> f = fragments(TimeWords.load())
>>> import re
>>> bool(re.fullmatch(f.month("m"), "Sept.")), bool(re.fullmatch(f.month("m"), "may"))
(True, False)
>>> re.fullmatch(f.num, "twenty-four") is not None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ._time_words import TimeWords

__all__ = ["Fragments", "alternation", "fragments"]

YEAR4 = r"(?:1[89]|20)\d{2}"
# "March last year", "April 15 of last year": the year said relative to the anchor's ("last year's" is not).
REL_YEAR = r"(?:\s+(?:of\s+)?(?P<yr>last|this|next|previous|that|the\s+same)\s+year\b(?!['’]))"
MOD = r"early|mid|late|the\s+(?:end|beginning|start|middle)\s+of"


def alternation(phrases: Iterable[str], *, case: str | None = None) -> str:
    r"""Phrases as a regex alternation, longest first; spaces match any white space, '-' a space too.

    An apostrophe matches a curly one too; ``case="title"`` writes each word capitalised
    ("new year's day" -> "New Year's Day").

    >>> print(alternation(["a", "a few", "an"]))
    a\s+few|an|a
    """
    out = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        words = [w[:1].upper() + w[1:] if case == "title" else w for w in p.split()]
        out.append(r"\s+".join(re.escape(w).replace("'", "['’]").replace(r"\-", r"[\s-]") for w in words))
    return "|".join(out)


@dataclass(frozen=True)
class Fragments:
    """The word-list parts of the grammar's patterns."""

    month_full: str
    month_abbr: str
    abbr_dot: str
    weekday: str
    num: str
    unit: str
    ordinal_word: str
    season: str
    season_any_case: str
    part_of_day: str
    feast: str
    present: str
    zone: str

    def month(self, group: str, *, abbreviations: bool = True) -> str:
        """A month name (or abbreviation, its full stop included) captured as ``group``."""
        if abbreviations:
            return rf"(?P<{group}>(?-i:{self.month_full}|{self.month_abbr})){self.abbr_dot}"
        return rf"(?P<{group}>(?-i:{self.month_full}))"


def _abbreviation_dot(abbreviations: Iterable[str]) -> str:
    # The full stop belongs to an abbreviation only ("Feb. 29"), never to "January." ending a sentence;
    # a lookbehind needs one width, so one per length.
    by_length: dict[int, list[str]] = {}
    for a in sorted(set(abbreviations)):
        by_length.setdefault(len(a), []).append(re.escape(a.capitalize()))
    alts = [rf"(?<={'|'.join(names)})\." for _, names in sorted(by_length.items())]
    return rf"(?:{'|'.join(alts)})?" if alts else ""


def _counts(words: TimeWords) -> str:
    tens = [w for w, v in words.numbers.items() if v >= 20 and v % 10 == 0 and v < 100 and " " not in w]
    units = [w for w, v in words.numbers.items() if 0 < v < 10 and " " not in w and len(w) > 2]
    compound = rf"(?:{'|'.join(sorted(tens))})(?:[\s-](?:{'|'.join(sorted(units))}))?" if tens and units else ""
    plain = alternation([*words.numbers, *words.vague_numbers])
    return rf"(?:\d{{1,3}}|{compound}|{plain})" if compound else rf"(?:\d{{1,3}}|{plain})"


@lru_cache(maxsize=16)
def fragments(words: TimeWords) -> Fragments:
    """The fragments for one set of word lists (built once per set)."""
    seasons = sorted(words.seasons)
    return Fragments(
        month_full=alternation(words.months, case="title"),
        month_abbr=alternation(words.month_abbreviations, case="title"),
        abbr_dot=_abbreviation_dot(words.month_abbreviations),
        weekday=rf"(?-i:{alternation(words.weekdays, case='title')})",
        num=_counts(words),
        unit=alternation(words.units),
        ordinal_word=alternation(words.ordinal_days),
        season=alternation(seasons),
        season_any_case="(?-i:" + "|".join(f"[{s[0].upper()}{s[0]}]{re.escape(s[1:])}" for s in seasons) + ")",
        part_of_day=alternation(words.parts_of_day),
        feast=rf"(?-i:{alternation(words.feasts, case='title')})",
        present=alternation(words.present),
        zone="(?-i:" + "|".join(sorted((z.upper() for z in words.time_zones), key=len, reverse=True)) + ")",
    )
