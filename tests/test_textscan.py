"""occurrences: every start of a word, overlapping ones included, as a regex look-ahead finds them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from conflict_events.textscan import occurrences


@given(st.text(alphabet="ab ", max_size=40), st.text(alphabet="ab", min_size=1, max_size=3))
def test_occurrences_match_a_lookahead_search(text: str, word: str) -> None:
    assert occurrences(text, word) == [m.start() for m in re.finditer(f"(?={re.escape(word)})", text)]
