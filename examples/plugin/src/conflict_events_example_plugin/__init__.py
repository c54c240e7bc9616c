"""An example plugin for conflict_events: a keyword tagger for sieges and blockades.

Registered in this package's ``pyproject.toml`` as ``example.sieges.v1`` under the
``conflict_events.extractors`` entry-point group; once installed, a pipeline uses it
by name::

    from conflict_events import DEFAULT_STEPS, Pipeline
    pipeline = Pipeline([*DEFAULT_STEPS, "example.sieges.v1"])

For every sentence that mentions a siege, blockade or encirclement it adds a
warning (code ``siege``) pointing at the words, for an analyst to review; with
``as_events=True`` it also records an ACLED *Strategic developments / Other*
event dated by the document (precision ``day`` is not claimed: the default is
the week before the publication date).

>>> import datetime as dt
>>> from conflict_events.draft import Draft
>>> from conflict_events.schema import Document
>>> draft = Draft(Document(id="d", text="The town has been under siege since May.", date=dt.date(2024, 7, 1)))
>>> draft = SiegeTagger()(None, draft)
>>> [(w.code, w.span.text) for w in draft.warnings]
[('siege', 'under siege')]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from conflict_events.draft import Draft
from conflict_events.schema import Event, TimeSpan

__all__ = ["SiegeTagger"]
__version__ = "0.1.0"

PATTERN: Final = re.compile(
    r"\b(?:under siege|besieg(?:e|ed|ing)|siege of|blockad(?:e|ed|ing)|encircl(?:ed|ement|ing))\b",
    re.IGNORECASE,
)
# A sentence ends at . ! or ? followed by space; good enough for a keyword tagger.
SENTENCE_END: Final = re.compile(r"[.!?](?=\s|$)")


class SiegeTagger:
    """Tag mentions of sieges, blockades and encirclements (settings: ``as_events``)."""

    name = "example.sieges.v1"
    version = __version__
    requires: frozenset[str] = frozenset()

    def __init__(self, as_events: bool = False) -> None:
        self.as_events = as_events
        self.provides = frozenset({"warnings", "events"} if as_events else {"warnings"})

    def __call__(self, doc: Any, draft: Draft) -> Draft:
        text = draft.text
        for match in PATTERN.finditer(text):
            span = draft.span(match.start(), match.end())
            draft.warn("siege", f"mentions a siege or blockade: {span.text!r}", extractor=self.name,
                       span=span)
            if self.as_events:
                draft.events.append(self._event(draft, match.start(), match.end()))
        return draft

    def _event(self, draft: Draft, start: int, end: int) -> Event:
        text = draft.text
        sent_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
        while sent_start < start and text[sent_start].isspace():
            sent_start += 1
        after = SENTENCE_END.search(text, end)
        sent_end = after.end() if after else len(text)
        anchor = draft.document.date
        return Event(
            id=draft.new_id("siege", start, end),
            document_id=draft.document.id,
            event_type="Strategic developments",
            sub_event_type="Other",
            trigger=draft.span(start, end),
            sentence=draft.span(sent_start, sent_end),
            date=TimeSpan(start=anchor - dt.timedelta(days=6), end=anchor, precision="week", anchor=anchor),
            confidence=0.3,
            extractor=self.name,
        )
