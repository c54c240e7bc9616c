"""The events extractor: one ACLED-style record per event, linked to the claims that report it.

It runs last (it reads actors, locations, times, figures and claims) and:

1. finds trigger mentions from the lexicon and the parse, drops negated, threatened,
   planned and future actions, and types each mention (:mod:`conflict_events.events`);
2. merges mentions of the same action, sides, place and day into one cluster;
3. builds one :class:`~conflict_events.schema.Event` per cluster (type by ACLED's
   hierarchy, actors, place, date, fatalities, confidence) and sets each claim's
   ``event_ids``. Generic actors it needs (``Civilians (Nigeria)``, ``Rioters (Nigeria)``)
   are added to ``draft.actors``.

>>> import datetime as dt
>>> from conflict_events.pipeline import Pipeline
>>> from conflict_events.schema import Document
>>> doc = Document(id="d", text="Rebels shelled the market in Goma on Monday.", date=dt.date(2024, 2, 6))
>>> [e.sub_event_type for e in Pipeline()(doc).events]
['Shelling/artillery/missile attack']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from .._doccache import sentences
from ..events import EventBuilder, cluster_mentions, detect_mentions, load_lexicon, with_lead_attack_toll
from ..extractor import StepSettings, settings_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft
    from ..schema import Event

__all__ = ["EventExtractor"]


class EventExtractor:
    """Detect, type, merge and link events (registered as ``conflict_events.events.v1``).

    Settings: ``min_confidence`` (default 0.0) drops events below it;
    ``strategic`` (default True) keeps Strategic developments.
    """

    name = "conflict_events.events.v1"
    version = "1.0.0"
    requires = frozenset({"actors", "locations", "times", "figures", "claims"})
    provides = frozenset({"events", "actors", "claims"})  # generic sides it names; claims get event_ids

    class Settings(StepSettings):
        """``min_confidence`` drops events below it; ``strategic`` keeps Strategic developments."""

        min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
        strategic: bool = True

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.min_confidence = self.settings.min_confidence
        self.strategic = self.settings.strategic
        self.lexicon = load_lexicon(tuple(str(f) for f in self.settings.lexicon_files))

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        mentions = detect_mentions(doc, draft, self.lexicon)
        clusters = cluster_mentions(mentions)
        builder = EventBuilder(draft, self.name, [(s.start_char, s.end_char) for s in sentences(doc)])
        events: list[Event] = []
        for cluster in sorted(clusters, key=lambda c: c.mentions[0].sentence.start):
            event = builder.build(cluster, events)
            if event is None or event.confidence < self.min_confidence:
                continue
            if not self.strategic and event.event_type == "Strategic developments":
                continue
            if any(e.id == event.id for e in events):
                continue
            events.append(event)
        self._link_claims(draft, events)
        draft.events.extend(with_lead_attack_toll(draft, events, builder.figures() if events else None))
        return draft

    @staticmethod
    def _link_claims(draft: Draft, events: list[Event]) -> None:
        links: dict[str, list[str]] = {}
        for e in events:
            for cid in e.claim_ids:
                links.setdefault(cid, []).append(e.id)
        draft.claims = [
            c.model_copy(update={"event_ids": tuple(dict.fromkeys([*c.event_ids, *links[c.id]]))})
            if c.id in links
            else c
            for c in draft.claims
        ]
