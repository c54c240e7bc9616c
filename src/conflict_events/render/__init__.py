"""Views for people: one self-contained HTML page per extraction result, or one for a whole file.

>>> import datetime as dt
>>> from conflict_events.schema import Document, ExtractionResult
>>> doc = Document(id="d1", text="Calm day.", date=dt.date(2025, 1, 5))
>>> render_html(ExtractionResult(document=doc)).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

from ._html import collect_marks, document_title, mark_text, render_html, render_results
from ._svgmap import MapPoint, map_svg

__all__ = ["MapPoint", "collect_marks", "document_title", "map_svg", "mark_text", "render_html", "render_results"]
