"""The time extractor: every temporal expression of the document, resolved against its date.

It fills ``draft.times`` (one :class:`~conflict_events.schema.TimeSpan` per
expression, nested ones included, each with its ``mention``) and leaves the full
:class:`~conflict_events.temporal.TimeExpression` list on the spaCy Doc
(``doc._.conflict_times``) for :func:`~conflict_events.temporal.governing_time`.

>>> import datetime as dt
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.draft import Draft
>>> from conflict_events.schema import Document
>>> text = "Gunmen killed 17 people at the weekend, police said on Monday."
>>> draft = Draft(Document(id="d", text=text, date=dt.date(2018, 12, 24)))
>>> draft = TimeExtractor()(load_language_model()(text), draft)
>>> [(t.text, str(t.start), str(t.end)) for t in draft.times]
[('at the weekend', '2018-12-22', '2018-12-23'), ('on Monday', '2018-12-24', '2018-12-24')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from ..extractor import StepSettings, settings_of
from ..temporal import DOC_ATTRIBUTE, TimeFinder, doc_tense

if TYPE_CHECKING:
    from ..draft import Draft

__all__ = ["TimeExtractor"]

if not Doc.has_extension(DOC_ATTRIBUTE):
    Doc.set_extension(DOC_ATTRIBUTE, default=None)


class TimeExtractor:
    """Find temporal expressions (own grammar, tense from the parse) and list them in ``draft.times``.

    Settings: ``day_first`` (default True) reads 05/01/2025 as 5 January.
    """

    name = "conflict_events.time.v1"
    version = "1.0.0"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"times"})

    class Settings(StepSettings):
        """``day_first``: read 05/01/2025 as 5 January (True) or May 5 (False)."""

        day_first: bool = True

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.finder = TimeFinder(day_first=self.settings.day_first)

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        anchor = draft.document.date
        expressions = self.finder.timespans(draft.text, anchor, tense=lambda s, e: doc_tense(doc, s, e))
        setattr(doc._, DOC_ATTRIBUTE, expressions)
        seen = {(t.mention.start, t.mention.end) for t in draft.times if t.mention}
        for e in expressions:
            if (e.start, e.end) in seen:
                continue
            seen.add((e.start, e.end))
            mention = draft.span(e.start, e.end)
            draft.times.append(e.to_timespan(mention))
            if e.basis == "unresolved" and e.timex_type != "DURATION":
                draft.warn(
                    "time_unresolved",
                    f"{e.text!r} counts from a date not given before it: kept as the week to the anchor",
                    extractor=self.name,
                    span=mention,
                )
        return draft
