"""The figures extractor: every count the text reports, typed, with whose losses it is.

Runs :class:`~conflict_events.quantities.QuantityFinder` on each sentence that
holds a digit or a number word (or a vague quantity, an article or "no" beside a
counted noun), types each count with :func:`~conflict_events.quantities.classify`,
and resolves the owner of the losses ("members of the Ukrainian armed forces",
"Russia lost ...") to an actor of the draft. See ``docs/figures.md``.

>>> from datetime import date
>>> from conflict_events.draft import Draft
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> text = "Rebels destroyed two tanks and killed at least 15 soldiers on March 14."
>>> draft = Draft(Document(id="d", text=text, date=date(2024, 3, 20)))
>>> draft = FigureExtractor()(load_language_model()(text), draft)
>>> [(f.category, f.item, f.value, f.low) for f in draft.figures]
[('equipment', 'tank', 2, None), ('killed', 'soldier', 15, 15)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .._doccache import sentences, tokens
from ..extractor import StepSettings, settings_of
from ..quantities import QuantityFinder, classify
from ..quantities._number_index import number_index, word_ids
from ..quantities._quantity_finder import Quantity
from ..schema import Decision, Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft

__all__ = ["FigureExtractor"]

_TRIGGERS: Final = word_ids(
    ("a", "an", "no", "several", "few", "dozens", "hundreds", "thousands", "tens", "scores", "millions")
)


class FigureExtractor:
    """Finds and types the figures of a document; appends them to ``draft.figures``."""

    name = "conflict_events.figures.v1"
    version = "1.0.0"
    requires = frozenset({"actors"})
    provides = frozenset({"figures"})

    Settings = StepSettings

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.finder = QuantityFinder()

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        index = number_index(doc)
        # the tokens that can start a figure, found once for the whole document
        triggers = index.find(_TRIGGERS, like_num=True)
        for sent in sentences(doc):
            if not index.within(triggers, sent.start, sent.end):
                continue
            for q in self.finder(sent):
                draft.figures.extend(self._figures(q, doc, draft))
        return draft

    def _figures(self, q: Quantity, doc: Doc, draft: Draft) -> list[Figure]:
        typing = classify(q, doc)
        toks = tokens(doc)
        end = toks[q.end - 1].idx + len(toks[q.end - 1].text)
        if q.counted is not None and q.end <= q.counted <= q.end + 6:
            end = toks[q.counted].idx + len(toks[q.counted].text)
        span = draft.span(toks[q.start].idx, end)
        subject = None
        for start, stop in typing.owners:
            actor = draft.actor_at(start, stop)
            if actor is not None:
                subject = actor.id
                break
        # the rule that typed the count ("figures.category.casualty_word"), when one did
        provenance = (Decision.of("category", typing.rule),) if typing.rule else ()
        out = []
        for category in (typing.category, *typing.also):
            item = typing.item
            out.append(
                Figure(
                    category=category,
                    item=item,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    approximate=q.approximate,
                    subject=subject,
                    text=span,
                    provenance=provenance,
                )
            )
        return out
