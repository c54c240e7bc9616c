"""The gazetteer interface, its place record, and the sorted name index both implementations share.

>>> from conflict_events.gazetteer import default_gazetteer
>>> kyiv = default_gazetteer().candidates("Kiev")[0]
>>> kyiv.name, kyiv.country, kyiv.admin1, kyiv.kind
('Kyiv', 'UA', 'Kyiv', 'settlement')
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Final, Literal, Protocol, runtime_checkable

from ._name_keys import article_free, name_key

__all__ = ["Gazetteer", "NameIndex", "Place", "PlaceKind"]

PlaceKind = Literal["settlement", "admin1", "admin2", "country", "region", "feature"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a settlement, an administrative unit or another named feature.

    ``admin1`` and ``admin2`` are English names ("Kursk", "Donetsk", "Aleppo"); an
    admin1 entry has its own name as ``admin1``. Coordinates are the place's own for a
    settlement and a representative point for an area (see ``build.py``); None where the
    source gives none.
    """

    geonames_id: int | None
    name: str
    kind: PlaceKind
    country: str
    admin1_code: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int
    feature_code: str = ""

    @property
    def gazetteer_id(self) -> str | None:
        """``geonames:<id>``, the form :class:`~conflict_events.schema.Location` carries."""
        return f"geonames:{self.geonames_id}" if self.geonames_id else None


@runtime_checkable
class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer: exact and fuzzy name lookups, and admin1 names."""

    def candidates(self, name: str) -> list[Place]:
        """Every place with ``name`` as its name or an alternate name (marks folded), most populous first."""
        ...

    def fuzzy(self, name: str, *, limit: int = 5, cutoff: float = 88.0) -> list[tuple[Place, float]]:
        """Places whose names are near ``name`` in spelling, with scores 0-100, best first."""
        ...

    def admin1_name(self, country: str, code: str) -> str | None:
        """The English name of a country's first-level region from its GeoNames admin1 code."""
        ...

    def admin1_place(self, country: str, name: str) -> Place | None:
        """The first-level region of ``country`` called ``name`` ("Kursk", "Donetsk Oblast"), if any."""
        ...


class NameIndex:
    """Sorted ``key<TAB>row,row`` lines searched by bisection: no per-name Python objects to build at load.

    >>> index = NameIndex(["goma\\t0,2", "kyiv\\t1"])
    >>> index.rows("goma"), index.rows("gom")
    ([0, 2], [])
    """

    __slots__ = ("_lines", "_near_length", "_prefixed")

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._prefixed: dict[tuple[str, int], tuple[str, ...]] = {}
        self._near_length: dict[tuple[str, int, bool], tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def rows(self, key: str) -> list[int]:
        """Row numbers filed under exactly ``key``."""
        probe = key + "\t"
        i = bisect_left(self._lines, probe)
        if i < len(self._lines) and self._lines[i].startswith(probe):
            return [int(r) for r in self._lines[i][len(probe) :].split(",")]
        return []

    def keys_with_prefix(self, prefix: str, limit: int = 4000) -> list[str]:
        """Up to ``limit`` keys starting with ``prefix`` (for fuzzy matching within one initial)."""
        return list(self._prefix_keys(prefix, limit))

    def _prefix_keys(self, prefix: str, limit: int) -> tuple[str, ...]:
        cached = self._prefixed.get((prefix, limit))
        if cached is None:  # few distinct prefixes (initials), each costly to collect: keep them
            lines = self._lines
            i = bisect_left(lines, prefix)
            # the lines starting with the prefix are one run from i: its end found by bisection
            end = bisect_left(lines, True, i, key=lambda line: not line.startswith(prefix))
            cached = self._prefixed[(prefix, limit)] = tuple(
                line.partition("\t")[0] for line in lines[i : min(end, i + limit)])
        return cached

    def keys_near_length(self, prefix: str, length: int, *, whole: bool = False) -> tuple[str, ...]:
        """The keys of :meth:`keys_with_prefix` whose length is within 2 of ``length``, in the same order;
        ``whole``: among every key of the prefix, not only its first 4,000 ("ba" has about 14,000: a name late in
        the alphabet, "Baydhaba", is out of reach without it).

        >>> NameIndex(["goma\\t0", "gomaland\\t1", "gombe\\t2"]).keys_near_length("go", 4)
        ('goma', 'gombe')
        """
        key = (prefix, length, whole)
        cached = self._near_length.get(key)
        if cached is None:  # a fuzzy search filtered the thousands of keys of an initial every time
            cached = self._near_length[key] = tuple(
                k for k in self._prefix_keys(prefix, _ALL_KEYS if whole else 4000) if -2 <= len(k) - length <= 2)
        return cached


_ALL_KEYS: Final = 1_000_000


def lookup_keys(name: str) -> list[str]:
    """The keys a query name is looked up under: its own, then without an Arabic article.

    >>> lookup_keys("Al-Fashir")
    ['al fashir', 'fashir']
    """
    key = name_key(name)
    bare = article_free(key)
    return [key, bare] if bare else [key]
