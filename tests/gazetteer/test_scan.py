"""Shortcuts of the mention finder find exactly what the full searches find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.gazetteer._place_mentions import (
    _CAPITALISED,
    _CAPITALISED_SCAN,
    _COUNTRY_NAME,
    _COUNTRY_NAME_SCAN,
    _INLINE_SCAN,
    INLINE_DATELINE,
)
from conflict_events.gazetteer._place_scan import Anchor, Stretches
from conflict_events.gazetteer._place_words import default_place_words

WORDS = default_place_words()
PATTERNS = [
    (WORDS.kind_of_phrase, WORDS.kind_of_anchor),
    (WORDS.name_kind_phrase, WORDS.name_kind_anchor),
    (WORDS.name_village, WORDS.name_village_anchor),
]
PIECES = [
    "the town of ", "the Russian-held village of Berdin", "Kursk region", " REGION", "Zamfara State", " State",
    "Regional", "Sadr City, a district of Baghdad", "al-Fashir", "Maradun LGA", "Lga", " of ", "-", "’", "'",
    ",", ".", "\n", " ", "İ", "ı", "ſ", "x", "In Ituri province", "Konjak village", "(Kharkiv district)",
    "the port city of Hodeidah", "townships of ",
    "border town of", "statement", "Township", "cities of", "LGAs", "villages", "s", "es",
]  # fmt: skip


def _same(text: str) -> None:
    stretches = Stretches(text)
    for pattern, anchor in PATTERNS:
        whole = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        scanned = [(m.span(), m.groupdict()) for m in stretches.finditer(pattern, anchor)]
        assert scanned == whole


@pytest.mark.parametrize(
    "text",
    [
        "Troops advanced near the Ukrainian city of Pokrovsk in the Donetsk region.",
        "Russia's Kursk region; In Ituri province, the Shujaiya neighbourhood of Gaza City.",
        "the Kharkiv and Dnipropetrovsk regions (ISLAMIC STATE Sahel Province), Maradun LGA",
        "in nearby Bunari village, the district of Regİon, Kherson regıon and Sumy oblaſt",
        "",
    ],
)
def test_same_matches_as_the_whole_text(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_same_matches_on_any_text(pieces: list[str]) -> None:
    _same("".join(pieces))


def test_a_word_holding_another_is_found_through_it() -> None:
    anchor = Anchor("city|town|port city|border town|township", r"(?:city|town|port city|border town|township)")
    assert anchor.offsets == {"city": (0, 5), "town": (0, 7)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aeiorsntl NEARBYOUTSIDEKMWİıſ0123456789.,-", max_size=60), st.sampled_from(PIECES))
def test_near_words_only_skip_what_cannot_match(before: str, piece: str) -> None:
    for text in (before, before + piece, piece + before, before + " near the ", before + " 20 km north of "):
        assert WORDS.near_before(text) == bool(WORDS.near.search(text))


# Patterns searched only where a scout says a match may begin (``Scouted``) against the whole search.
SCOUTED = [
    (WORDS.abbreviation, WORDS.abbreviation_scan),
    (WORDS.codes_alone, WORDS.codes_scan),
    (INLINE_DATELINE, _INLINE_SCAN),
    (_COUNTRY_NAME, _COUNTRY_NAME_SCAN),
    (_CAPITALISED, _CAPITALISED_SCAN),
]
DATELINE_PIECES = [
    "Paris", ", ", "Tenn.", " (", "Ont.)", "D-", "S.C.", "NSW", "BC", " KP", "KPK", ". ", "TORONTO", " -- ", ": ",
    "The", " ", "  ", "2019 ", "% ", "\u2014", "LAKEVIEW", ", Ohio", " (AP)", "W. Va.", "R-", "I-", "x", "\n", "’",
    "'", "FCT", "KZN", "B.C.", "Calif.", "said", '"', "”", "! ", "? ", "300 BC", "BC-3", "KP&T", "U.S.", "UAE",
    "South Sudan", "Trinidad and Tobago", "St. Lucia", "Kenya's", "Kenyans", "Mali’", "-Niger", "DRC", "the ",
]  # fmt: skip


def _same_scouted(text: str) -> None:
    for pattern, scouted in SCOUTED:
        assert scouted is not None
        whole = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in scouted.finditer(text)] == whole


@pytest.mark.parametrize(
    "text",
    [
        "Police said a man from Lakeview, Tenn. was held; the NSW police and D-S.C. lawmakers agreed.",
        "Talks ended. HARBOURTON, Ont. (Wire) — The mayor of Sudbury (Ont.) said FCT and KP officials met.",
        "Prices rose 4% LAKEVIEW: Farmers in BC and KZN protested, not in 300 BC or at BC-3.",
    ],
)
def test_scouted_patterns_find_what_the_whole_search_finds(text: str) -> None:
    _same_scouted(text)
    assert any(list(pattern.finditer(text)) for pattern, _ in SCOUTED)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATELINE_PIECES), max_size=30))
def test_scouted_patterns_on_any_text(pieces: list[str]) -> None:
    _same_scouted("".join(pieces))
