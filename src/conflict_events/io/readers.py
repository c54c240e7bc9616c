"""Readers (being written)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from ..schema import Document


def document_from_text(text: str, *, date: dt.date, id: str | None = None, **fields: Any) -> Document:
    """A document from plain text and a caller-given date; the id is a stable hash when not given."""
    doc_id = id or "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Document(id=doc_id, text=text, date=date, **fields)
