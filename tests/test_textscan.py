"""occurrences: every start of a word, overlapping ones included, as a regex look-ahead finds them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events._textscan import DATELINE, occurrences


@given(st.text(alphabet="ab ", max_size=40), st.text(alphabet="ab", min_size=1, max_size=3))
def test_occurrences_match_a_lookahead_search(text: str, word: str) -> None:
    assert occurrences(text, word) == [m.start() for m in re.finditer(f"(?={re.escape(word)})", text)]



@pytest.mark.parametrize(
    ("text", "name", "through"),
    [
        ("BAMAKO, Nov 10 (Reuters) - Gunmen", "BAMAKO", "(Reuters) - "),
        ("KYIV, Ukraine (AP) — Russian forces", "KYIV", "(AP) — "),
        ("MEXICO CITY (AP) — Authorities", "MEXICO CITY", "(AP) — "),
        ("OUAGADOUGOU - Armed men", "OUAGADOUGOU", "- "),
        ("BEIRUT: The ministry", "BEIRUT", ": "),
    ],
)
def test_a_dateline_gives_its_place_and_runs_to_the_dash(text: str, name: str, through: str) -> None:
    found = DATELINE.match(text)
    assert found is not None and found.group("name") == name and text[: found.end()].endswith(through)


@pytest.mark.parametrize("text", ["US and British warships intercepted drones.", "Gunmen - armed with rifles"])
def test_ordinary_sentences_are_no_datelines(text: str) -> None:
    assert DATELINE.match(text) is None
