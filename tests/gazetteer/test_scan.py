"""Scanning only the stretches that hold a kind word finds exactly what a scan of the whole text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.gazetteer import mentions
from conflict_events.gazetteer.scan import Stretches, anchor_words

PATTERNS = [
    (mentions._KIND_OF, mentions._KIND_OF_WORDS, False),
    (mentions._NAME_KIND, mentions._NAME_KIND_WORDS, True),
    (mentions._NAME_VILLAGE, mentions._NAME_VILLAGE_WORDS, False),
]
PIECES = [
    "the town of ", "the Russian-held village of Berdin", "Kursk region", " REGION", "Zamfara State", " State",
    "Regional", "Sadr City, a district of Baghdad", "al-Fashir", "Maradun LGA", "Lga", " of ", "-", "’", "'",
    ",", ".", "\n", " ", "İ", "ı", "ſ", "x", "In Ituri province", "Konjak village", "(Kharkiv district)",
]  # fmt: skip


def _same(text: str) -> None:
    stretches = Stretches(text)
    for pattern, words, ignore_case in PATTERNS:
        whole = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        scanned = [(m.span(), m.groupdict()) for m in stretches.finditer(pattern, words, ignore_case=ignore_case)]
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


def test_anchor_words_drop_words_holding_another() -> None:
    assert anchor_words("city|town|port city|border town|township") == ("city", "town")
    assert re.fullmatch("|".join(anchor_words("region|state")), "state")
