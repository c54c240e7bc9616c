"""Gazetteer (being written)."""

from __future__ import annotations

from typing import Any


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for place names."""
    return [{"label": "GPE", "pattern": "Kursk"}]
