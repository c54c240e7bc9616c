"""The word lists of the time grammar, read from the lexicon store into one typed, frozen object.

:class:`TimeWords` gathers what the grammar, the tense rules and the governing-time rules read
from ``calendar.toml``, ``numbers.toml``, ``tense.toml``, ``time_cues.toml``,
``time_governing.toml`` and ``reporting.toml``; a user's ``lexicon_files`` extend them (the
time step passes its setting to :meth:`TimeWords.load`).

>>> words = TimeWords.load()
>>> words.month("Sept"), words.weekdays["sunday"], words.number_value("twenty-four"), words.number_value("a couple of")
(9, 6, 24, 2)
>>> words.number_value("several") is None, words.vague_numbers["several"]
(True, (3, 7))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicons import Lexicon, lexicon_with

__all__ = ["Feast", "Season", "TimeWords", "Unit"]


@dataclass(frozen=True, slots=True)
class Season:
    """A meteorological season: its first month and TimeML code."""

    first_month: int
    timex: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A calendar unit: TimeML duration letter, how many of it one unit is, how far a vague count reaches."""

    timex: str
    factor: int
    vague: int


@dataclass(frozen=True, slots=True)
class Feast:
    """A feast by its date: a fixed month and day, days after Easter Sunday, or the nth weekday of a month.

    ``nth`` counts weekdays ``weekday`` (Monday 0) from day ``day`` (default 1) of ``month``; -1 is the last.
    ``week``: the name is the calendar week holding that day ("Holy Week").
    """

    month: int = 0
    day: int = 0
    easter: int | None = None
    weekday: int | None = None
    nth: int = 1
    week: bool = False


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per set of files
class TimeWords:
    """Every word list the time rules read, as plain mappings and sets (lower-case keys)."""

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, Season]
    parts_of_day: Mapping[str, str]
    units: Mapping[str, Unit]
    ordinal_days: Mapping[str, int]
    feasts: Mapping[str, Feast]
    numbers: Mapping[str, int]
    vague_numbers: Mapping[str, tuple[int, int]]
    amount_nouns: frozenset[str]
    numbering_nouns: frozenset[str]
    may_month_words: frozenset[str]
    present: frozenset[str]
    generic_after_today: frozenset[str]
    day_verbs: frozenset[str]
    day_closers: frozenset[str]
    date_openers: frozenset[str]
    noun_phrase_openers: frozenset[str]
    naming_verbs: frozenset[str]
    comparison_words: frozenset[str]
    recurrence_words: frozenset[str]
    time_zones: frozenset[str]
    future_auxiliaries: frozenset[str]
    perfect_looks_back: frozenset[str]
    plan_verbs: frozenset[str]
    schedule_verbs: frozenset[str]
    not_schedules: frozenset[str]
    deferral_verbs: frozenset[str]
    deferral_stems: frozenset[str]
    future_phrases: frozenset[str]
    clause_breaks: frozenset[str]
    event_nouns: frozenset[str]
    concessive: frozenset[str]
    reporting_verbs: frozenset[str]
    sources: tuple[str, ...] = field(default=(), compare=False)

    @staticmethod
    def load(files: Iterable[str | Path] = ()) -> TimeWords:
        """The packaged lists, extended by the user's lexicon files (read once per set of files)."""
        return _load(tuple(str(f) for f in files))

    def month(self, name: str) -> int:
        """The number of a month name or abbreviation, any case ("Sept." -> 9)."""
        key = name.lower().rstrip(".")
        return self.months.get(key) or self.month_abbreviations[key]

    def number_value(self, word: str) -> int | None:
        """The value of a count in digits or words ("24", "twenty-four", "a"); None if vague or unknown."""
        w = " ".join(word.lower().replace("-", " ").split())
        if w.isdigit():
            return int(w)
        if w in self.numbers:
            return self.numbers[w]
        parts = w.split()
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, units = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens >= 20 and tens % 10 == 0 and units < 10:
                return tens + units
        return None


@lru_cache(maxsize=16)
def _load(files: tuple[str, ...]) -> TimeWords:
    cal = lexicon_with("calendar", files)
    num = lexicon_with("numbers", files)
    tense = lexicon_with("tense", files)
    cues = lexicon_with("time_cues", files)
    gov = lexicon_with("time_governing", files)
    rep = lexicon_with("reporting", files)
    return TimeWords(
        months=_ints(cal, "months"),
        month_abbreviations=_ints(cal, "month_abbreviations"),
        weekdays=_ints(cal, "weekdays"),
        seasons={k.lower(): Season(int(v["first_month"]), str(v["timex"])) for k, v in _rows(cal, "seasons")},
        parts_of_day={k.lower(): str(v) for k, v in cal.table("parts_of_day").items()},
        units={k.lower(): Unit(str(v["timex"]), int(v["factor"]), int(v["vague"])) for k, v in _rows(cal, "units")},
        ordinal_days=_ints(cal, "ordinal_days"),
        feasts={k.lower(): _feast(cal, k, v, _ints(cal, "weekdays")) for k, v in _rows(cal, "feasts")},
        numbers=_ints(num, "values"),
        vague_numbers={k.lower(): _pair(num, k, v) for k, v in num.table("vague_ranges").items()},
        amount_nouns=cues.words("amount_nouns"),
        numbering_nouns=cues.words("numbering_nouns"),
        may_month_words=cues.words("may_month_words"),
        present=cues.words("present"),
        generic_after_today=cues.words("generic_after_today"),
        day_verbs=cues.words("day_verbs"),
        day_closers=cues.words("day_closers"),
        date_openers=cues.words("date_openers"),
        noun_phrase_openers=cues.words("noun_phrase_openers"),
        naming_verbs=cues.words("naming_verbs"),
        comparison_words=cues.words("comparison_words"),
        recurrence_words=cues.words("recurrence_words"),
        time_zones=cues.words("time_zones"),
        future_auxiliaries=tense.words("future_auxiliaries"),
        perfect_looks_back=tense.words("perfect_looks_back"),
        plan_verbs=tense.words("plan_verbs"),
        schedule_verbs=tense.words("schedule_verbs"),
        not_schedules=tense.words("not_schedules"),
        deferral_verbs=tense.words("deferral_verbs"),
        deferral_stems=tense.words("deferral_stems"),
        future_phrases=tense.words("future_phrases"),
        clause_breaks=tense.words("clause_breaks"),
        event_nouns=gov.words("event_nouns"),
        concessive=gov.words("concessive"),
        reporting_verbs=rep.words("verbs"),
        sources=(*cal.sources, *num.sources, *tense.sources, *cues.sources, *gov.sources, *rep.sources),
    )


def _ints(lex: Lexicon, table: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, value in lex.table(table).items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise LexiconError(f"[{table}] {key!r} must be a whole number, not {value!r}", source=lex.name)
        out[key.lower()] = value
    return out


def _rows(lex: Lexicon, table: str) -> list[tuple[str, Mapping[str, Any]]]:
    rows = []
    for key, value in lex.table(table).items():
        if not isinstance(value, Mapping):
            raise LexiconError(f"[{table}] {key!r} must be a table, not {value!r}", source=lex.name)
        rows.append((key, value))
    return rows


def _pair(lex: Lexicon, key: str, value: object) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise LexiconError(f"[vague_ranges] {key!r} must be [lowest, highest], not {value!r}", source=lex.name)
    return int(value[0]), int(value[1])


def _feast(lex: Lexicon, key: str, value: Mapping[str, Any], weekdays: Mapping[str, int]) -> Feast:
    if "easter" in value:
        return Feast(easter=int(value["easter"]), week=bool(value.get("week", False)))
    if "month" in value and "weekday" in value and str(value["weekday"]).lower() in weekdays:
        day = int(value.get("from_day", 1))
        return Feast(
            month=int(value["month"]),
            day=day,
            weekday=weekdays[str(value["weekday"]).lower()],
            nth=int(value.get("nth", 1)),
        )
    if "month" in value and "day" in value:
        return Feast(month=int(value["month"]), day=int(value["day"]))
    raise LexiconError(
        f"[feasts] {key!r} needs month and day, easter (days after Easter Sunday), or month, weekday and nth",
        source=lex.name,
    )
