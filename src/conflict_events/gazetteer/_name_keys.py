"""Name keys shared by the gazetteer's index and its queries.

A key is the lower-case ASCII form of a name with accents, apostrophes and
hyphens folded, so spellings that differ only in transliteration marks meet:
"Kupyans'k", "Kup’yansk" and "Kupyansk" share one key; "Al-Fashir" and
"Al Fashir" too. Arabic articles ("Al", "El", "At"...) are dropped in a second
key, so "At Tuhayta" and "Tuhayta" meet.

>>> name_key("Kup’yans’k"), name_key("Chasiv-Yar"), name_key("Ḩalab")
('kupyansk', 'chasiv yar', 'halab')
>>> article_free("al fashir"), article_free("alep")
('fashir', None)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from ..lexicons import lexicon

__all__ = [
    "ENGLISH_ADMIN_TERMS",
    "article_free",
    "is_latin",
    "name_key",
    "plain_name",
    "strip_admin_terms",
    "transliteration_variants",
]

# Letters NFKD does not decompose into ASCII.
_SPECIAL: Final = str.maketrans({
    "ə": "a", "Ə": "A", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
})  # fmt: skip
_DROP: Final = re.compile(r"['’‘`´ʻʼʿʾ\"”“]")
_SEPARATORS: Final = re.compile(r"[-‐‑–—_/.,;:()\[\]]+")
_ARTICLE: Final = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh|ed|es|et|ez|d|l)\s+(?=\S{3})")

# English words for administrative units, stripped to reach a region's bare name ("Idlib Governorate").
_PLACE_WORDS: Final = lexicon("places")
ENGLISH_ADMIN_TERMS: Final = tuple(sorted(_PLACE_WORDS.words("admin_terms"), key=lambda t: (-len(t), t)))
_TERMS_RE: Final = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(t) for t in sorted(_PLACE_WORDS.words("admin_prefixes"), key=len, reverse=True))
    + r")\s+)|\s+(?:"
    + "|".join(re.escape(t) for t in ENGLISH_ADMIN_TERMS)
    + r")$",
)


@lru_cache(maxsize=65536)  # every candidate name of every document passes here, often the same ones
def name_key(name: str) -> str:
    """The index key of a name: lower-case ASCII letters, digits and single spaces.

    >>> name_key("  Bayt al-Faqīh "), name_key("Sudža")
    ('bayt al faqih', 'sudza')
    """
    # lower-case first, so one table of special letters serves both cases ("Þ" as "þ")
    text = _DROP.sub("", name.lower().translate(_SPECIAL))
    # a compatibility letter may decompose to a special one ("ᶞ" to "ð"): translated again
    text = unicodedata.normalize("NFKD", text).translate(_SPECIAL)
    text = _DROP.sub("", "".join(c for c in text if not unicodedata.combining(c)))  # "｀" folds to "`"
    return " ".join(_SEPARATORS.sub(" ", text).lower().split())


def is_latin(key: str) -> bool:
    """Whether a key is plain Latin script (the only script the index keeps).

    >>> is_latin("kyiv"), is_latin("киев")
    (True, False)
    """
    return key.isascii() and any(c.isalpha() for c in key)


@lru_cache(maxsize=65536)  # asked for every candidate place name while scoring, often the same ones
def article_free(key: str) -> str | None:
    """The key without a leading Arabic article, or None if it has none.

    >>> article_free("at tuhayta"), article_free("kursk")
    ('tuhayta', None)
    """
    stripped = _ARTICLE.sub("", key)
    return stripped if stripped != key else None


@lru_cache(maxsize=16384)
def strip_admin_terms(key: str) -> str:
    """A region key without its administrative term ("idlib governorate" -> "idlib").

    >>> strip_admin_terms("donetsk oblast"), strip_admin_terms("the state of tigray")
    ('donetsk', 'tigray')
    >>> strip_admin_terms("shan")
    'shan'
    """
    previous = None
    while previous != key:
        previous = key
        key = _TERMS_RE.sub("", key).strip()
    return key or previous


def plain_name(name: str) -> str:
    """A display name in plain letters, as ACLED writes places ("Khān Yūnis" -> "Khan Yunis").

    >>> plain_name("Khān Yūnis"), plain_name("Al Ḩudaydah"), plain_name("Mek'ele")
    ('Khan Yunis', 'Al Hudaydah', "Mek'ele")
    """
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[ʻʼʿʾ‘]", "", text).replace("’", "'")


# Letter groups that English, French and German transliterations of Arabic, Pashto and Persian names swap.
_SWAPS: Final = (("kh", "k"), ("ch", "sh"), ("q", "k"), ("ou", "u"), ("ee", "i"), ("dj", "j"), ("gh", "g"))


def transliteration_variants(key: str) -> list[str]:
    """Other spellings of a name key, one letter group swapped at the start (where a spelling match
    cannot reach: it keeps the first two letters), for the fuzzy step only.

    >>> transliteration_variants("kost")
    ['khost', 'qost']
    >>> transliteration_variants("chouf")
    ['shouf', 'chuf']
    """
    out: list[str] = []
    for a, b in _SWAPS:
        for old, new in ((a, b), (b, a)):
            if key.startswith(old) and not key.startswith(new):
                out.append(new + key[len(old) :])
    for a, b in _SWAPS[3:5]:  # vowels: anywhere
        if a in key:
            out.append(key.replace(a, b))
    return [v for i, v in enumerate(out) if v != key and v not in out[:i]]
