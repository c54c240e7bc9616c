"""How a grammar rule is looked for: its pattern and the cheap tests that skip text it cannot match.

A :class:`ScanSpec` pairs a named reading rule with a pattern written over the
grammar's word-list fragments; :meth:`ScanSpec.build` compiles it for one set of
word lists into a :class:`Scan`.

>>> from conflict_events.temporal._grammar import grammar
>>> scans = grammar(TimeWords.load())
>>> next(s for s in scans if s.name == "time.month.named").keys[:3]
('apr', 'aug', 'dec')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..rules import Rule
from ._patterns import Fragments, fragments
from ._readings import Context, Reading
from ._time_words import TimeWords

__all__ = ["ReadingRule", "Scan", "ScanSpec", "compile_pattern", "month_keys", "month_needs"]

ReadingRule = Rule[[re.Match[str], Context], Reading]
_Words = Callable[[TimeWords], tuple[str, ...]]


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Scan:
    """A compiled rule: its pattern, reading rule and the tests that skip text it cannot match."""

    rule: ReadingRule
    pattern: re.Pattern[str]
    # Lower-case substrings one of which every match holds: a cheap test that skips the regex scan.
    keys: tuple[str, ...] = ()
    # Words one of which every match holds, as written ("May", not "may"), or, with ``needs_case`` False,
    # lower-case ASCII words the pattern matches ignoring case: a window around a key without one is skipped.
    needs: tuple[str, ...] = ()
    needs_case: bool = True
    # A cheap pattern that matches a stretch of every match: a window where it finds nothing is not scanned.
    gate: re.Pattern[str] | None = None
    # Whether the gate is first tried on the whole text (worth it where most texts lack it): it must then
    # look at nothing around what it matches (no lookaround, no ``\b``), so that a match within a window
    # is one within the text.
    gate_text: bool = False

    @property
    def name(self) -> str:
        return self.rule.name

    def read(self, m: re.Match[str], ctx: Context) -> Reading | None:
        return self.rule(m, ctx)


@dataclass(frozen=True)
class ScanSpec:
    """A rule with its pattern over the word-list fragments, before compiling."""

    rule: ReadingRule
    pattern: Callable[[Fragments], str]
    keys: tuple[str, ...] | _Words = ()
    needs: tuple[str, ...] | _Words = ()
    needs_case: bool = True
    gate: str | Callable[[Fragments], str] | None = None
    gate_text: bool = False

    def build(self, words: TimeWords) -> Scan:
        f = fragments(words)
        gate = self.gate(f) if callable(self.gate) else self.gate
        return Scan(
            rule=self.rule,
            pattern=compile_pattern(self.pattern(f)),
            keys=_words(self.keys, words),
            needs=_words(self.needs, words),
            needs_case=self.needs_case,
            gate=compile_pattern(gate) if gate else None,
            gate_text=self.gate_text,
        )


def _words(value: Any, words: TimeWords) -> tuple[str, ...]:
    return tuple(value(words)) if callable(value) else tuple(value)


def month_keys(words: TimeWords) -> tuple[str, ...]:
    """The first three letters of every month name and abbreviation, lower case."""
    return tuple(sorted({n[:3] for n in (*words.months, *words.month_abbreviations)}))


def month_needs(words: TimeWords) -> tuple[str, ...]:
    """The same, capitalised as written (every match holds one)."""
    return tuple(k.capitalize() for k in month_keys(words))
