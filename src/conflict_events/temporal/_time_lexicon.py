"""Words of the temporal grammar: month and weekday names, number words, units, parts of the day.

>>> MONTHS["sept"], WEEKDAYS["sunday"], number_value("twenty-four"), number_value("a couple of")
(9, 6, 24, 2)
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "PARTS_OF_DAY",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "number_value",
]

MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2,
}  # fmt: skip

# Counts that give no number: resolved to a range, never to one day.
VAGUE_NUMBERS: Final[dict[str, tuple[int, int]]] = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 7), "some": (2, 7), "many": (3, 10),
}  # fmt: skip

# TIMEX3 suffixes for parts of the day.
PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO", "dawn": "MO", "daybreak": "MO", "afternoon": "AF", "noon": "MI", "midday": "MI",
    "evening": "EV", "dusk": "EV", "night": "NI", "midnight": "NI",
}  # fmt: skip


def number_value(word: str) -> int | None:
    """The value of a count in digits or words ("24", "twenty-four", "a"); None if vague or unknown."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        tens, units = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if tens >= 20 and tens % 10 == 0 and units < 10:
            return tens + units
    return None
