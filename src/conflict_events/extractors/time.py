"""The time extractor: every temporal expression of the document, resolved against its date.

It fills ``draft.times``: one :class:`~conflict_events.schema.TimeSpan` per TIMEX3
(its ``mention``, ``timex_type``, TimeML ``value``, ``basis`` and the ``provenance``
naming the rules that read and resolved it); the bounds of a range ("since August",
"between 2014 and 2016") each carry the range as ``part_of``. Later steps read only
these records (:func:`~conflict_events.temporal.governing_time`).

>>> import datetime as dt
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.draft import Draft
>>> from conflict_events.schema import Document
>>> text = "Gunmen killed 17 people at the weekend, police said on Monday."
>>> draft = Draft(Document(id="d", text=text, date=dt.date(2018, 12, 24)))
>>> draft = TimeExtractor()(load_language_model()(text), draft)
>>> [(t.text, str(t.start), str(t.end), t.value) for t in draft.times]
[('at the weekend', '2018-12-22', '2018-12-23', '2018-W51-WE'), ('on Monday', '2018-12-24', '2018-12-24', '2018-12-24')]
>>> draft.times[1].provenance[0].rule
'time.day.weekday'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from ..extractor import StepSettings, settings_of
from ..temporal import TimeFinder, TimeWords, tense_of, timespans

if TYPE_CHECKING:
    from ..draft import Draft

__all__ = ["TimeExtractor"]


class TimeExtractor:
    """Find temporal expressions (own grammar, tense from the parse) and list them in ``draft.times``.

    Settings: ``day_first`` (default True) reads 05/01/2025 as 5 January; ``lexicon_files``
    extend the word lists (``calendar``, ``numbers``, ``tense``, ``time_cues``, ...).
    """

    name = "conflict_events.time.v1"
    version = "1.1.0"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"times"})

    class Settings(StepSettings):
        """``day_first``: read 05/01/2025 as 5 January (True) or May 5 (False)."""

        day_first: bool = True

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.words = TimeWords.load(self.settings.lexicon_files)
        self.finder = TimeFinder(day_first=self.settings.day_first, words=self.words)

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        found = self.finder.find(draft.text, draft.document.date, tense=lambda s, e: tense_of(doc, s, e, self.words))
        seen = {(t.mention.start, t.mention.end) for t in draft.times if t.mention}
        for t in timespans(found, draft.text):
            assert t.mention is not None
            if (t.mention.start, t.mention.end) in seen:
                continue
            seen.add((t.mention.start, t.mention.end))
            draft.times.append(t)
            if t.basis == "unresolved" and t.timex_type != "DURATION":
                draft.warn(
                    "time_unresolved",
                    f"{t.text!r} counts from a date not given before it: kept as the week to the anchor",
                    extractor=self.name,
                    span=t.mention,
                )
        return draft
