"""Word lists for reading counts: number words, vague quantities, bounds and counted nouns.

The lists are data in ``lexicons/numbers.toml`` (read once through the lexicon store); this
module gives them the typed shapes the figures rules read. Vague quantities take ACLED's
conservative reading (``spec/SCHEMA.md``): "a few" and "several" 3, "tens" 10, "dozens" 12,
"hundreds" 100, "thousands" 1000, as the low bound; "tens of thousands" 10000 and
"hundreds of thousands" 100000.

>>> NUMBER_WORDS["twelve"], VAGUE["dozens"], BOUND_BEFORE["at least"]
(12, 12, 'low')
>>> "a" in NUMBER_WORDS  # "a soldier" is no count, though time reads "a week ago" as one week
False
"""

from __future__ import annotations

from typing import Final, Literal, cast

from ..errors import LexiconError
from ..lexicons import lexicon

__all__ = [
    "BOUND_BEFORE",
    "CATEGORY_LEMMAS",
    "DATE_WORDS",
    "EQUIPMENT_NOUNS",
    "FORCE_NOUNS",
    "NUMBER_WORDS",
    "PERSON_NOUNS",
    "SCALES",
    "UNIT_WORDS",
    "VAGUE",
    "VAGUE_COMPOUND",
    "Bound",
]

Bound = Literal["low", "high", "approx"]
_BOUNDS: Final = ("low", "high", "approx")

_NUMBERS: Final = lexicon("numbers")


def _ints(table: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in _NUMBERS.table(table).items()}


def _bounds() -> dict[str, Bound]:
    out: dict[str, Bound] = {}
    for phrase, kind in _NUMBERS.table("bounds_before").items():
        if kind not in _BOUNDS:
            raise LexiconError(f"numbers.toml [bounds_before] {phrase!r}: {kind!r} is not one of {_BOUNDS}")
        out[str(phrase)] = cast(Bound, kind)
    return out


# one list of number words for every concern: time's [values] less the words that are never a
# count on their own ("a", "a couple"), plus the count-only ones
_NEVER_A_COUNT: Final = _NUMBERS.words("not_a_count_value")
NUMBER_WORDS: Final[dict[str, int]] = {
    **{k: v for k, v in _ints("values").items() if k not in _NEVER_A_COUNT},
    **_ints("count_values"),
}
SCALES: Final[dict[str, int]] = _ints("scales")
VAGUE: Final[dict[str, int]] = _ints("vague_counts")
VAGUE_COMPOUND: Final[dict[tuple[str, str], int]] = {
    cast(tuple[str, str], tuple(k.split(" ", 1))): v for k, v in _ints("vague_compounds").items()
}
# Phrases just before a number that bound it; longest first when matched.
BOUND_BEFORE: Final[dict[str, Bound]] = _bounds()
DATE_WORDS: Final[frozenset[str]] = _NUMBERS.words("date_words")
UNIT_WORDS: Final[frozenset[str]] = _NUMBERS.words("unit_words")
# singular lemmas; plural "-ers"/"-ians"/"-ists" are caught by rule too
PERSON_NOUNS: Final[frozenset[str]] = _NUMBERS.words("person_nouns")
# people under arms: counted without a casualty verb they are ``personnel``
FORCE_NOUNS: Final[frozenset[str]] = _NUMBERS.words("force_nouns")
EQUIPMENT_NOUNS: Final[frozenset[str]] = _NUMBERS.words("equipment_nouns")
CATEGORY_LEMMAS: Final[dict[str, frozenset[str]]] = {
    str(k): frozenset(v) for k, v in _NUMBERS.table("category_lemmas").items()
}
