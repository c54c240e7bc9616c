"""Lexicons the extractors and the entity ruler share, loaded once per process.

Each concern keeps its own data file beside this module; this package only
gathers the entity-ruler patterns that the language model needs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["entity_patterns"]


@lru_cache(maxsize=1)
def entity_patterns() -> tuple[dict[str, Any], ...]:
    """Entity-ruler patterns for forces, institutions and places, loaded once."""
    from ..extractors.actors import ruler_patterns as actor_patterns
    from ..gazetteer import ruler_patterns as place_patterns

    return (*actor_patterns(), *place_patterns())
