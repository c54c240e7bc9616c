"""Temporal expressions (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schema import TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..draft import Draft


def governing_time(span: SpacySpan, draft: Draft) -> TimeSpan:
    """The time that governs a span of the parse (an event trigger, a reported clause); else the anchor."""
    anchor = draft.document.date
    return TimeSpan(start=anchor, end=anchor, precision="day", text=None, anchor=anchor)
