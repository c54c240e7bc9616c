"""Offline gazetteer and toponym resolution (GeoNames data, CC BY 4.0).

* :class:`Gazetteer`: the interface (exact and fuzzy name lookups, admin1 names);
* :class:`BundledGazetteer` (via :func:`default_gazetteer`): GeoNames cities500 plus
  admin1/admin2 units, shipped in ``data/``;
* :class:`GeoNamesDumpGazetteer`: a user's GeoNames dump (``allCountries.txt`` or a
  country file) for village-level coverage, on top of the bundled one;
* :class:`PlaceResolver` and :class:`Hints`: choosing among same-named places from context;
* :func:`ruler_patterns`: entity-ruler patterns so the language model tags known
  places as places;
* :func:`country_shapes` and :func:`country_outlines`: countries' land (Natural Earth,
  public domain) to tell which country a point is in, how far from one it is, and to draw maps.

>>> place = PlaceResolver().resolve("Kharkov").place
>>> place.name, place.admin1, place.gazetteer_id
('Kharkiv', 'Kharkiv', 'geonames:706483')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ._gazetteer_base import Gazetteer, NameIndex, Place, PlaceKind
from ._gazetteer_table import DATA_DIR, BundledGazetteer, GeoNamesDumpGazetteer, TableGazetteer, default_gazetteer
from ._name_keys import name_key, strip_admin_terms
from ._place_resolve import Hints, PlaceResolver, Resolution
from ._shapes import CountryShapes, country_outlines, country_shapes
from ._stand_in import dateline_only, nearby_named_place, region_point

__all__ = [
    "BundledGazetteer",
    "CountryShapes",
    "Gazetteer",
    "GeoNamesDumpGazetteer",
    "Hints",
    "NameIndex",
    "Place",
    "PlaceKind",
    "PlaceResolver",
    "Resolution",
    "TableGazetteer",
    "country_outlines",
    "country_shapes",
    "dateline_only",
    "default_gazetteer",
    "name_key",
    "nearby_named_place",
    "region_point",
    "ruler_patterns",
    "strip_admin_terms",
]


@lru_cache(maxsize=1)
def _ruler_names() -> tuple[str, ...]:
    path = DATA_DIR / "ruler_names.txt"
    return tuple(line for line in path.read_text(encoding="utf-8").splitlines() if line)


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns (label ``GPE``) for regions and large cities the model misreads.

    The list is chosen when the data is built (see ``build.py``): admin1 regions
    and cities of 50,000 or more, less common English words, personal names,
    countries and demonyms, and less the names the model already tags as places.
    Phrase patterns (a trie over exact token text) cost almost nothing per parsed
    word; thousands of one-token Matcher patterns had cut parse speed by half.

    >>> patterns = ruler_patterns()
    >>> {"label": "GPE", "pattern": "Kursk"} in patterns
    True
    >>> {"label": "GPE", "pattern": "Reading"} in patterns
    False
    """
    return [{"label": "GPE", "pattern": name} for name in _ruler_names()]
