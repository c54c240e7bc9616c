"""The fast scans find exactly what the plain regex scans find (hypothesis over table names and odd characters)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.actors._actor_scan import FastPattern, folded, lowered
from conflict_events.actors._actor_table import ActorTable
from conflict_events.actors._pass_state import table_patterns

TABLE = ActorTable.load()
PATTERNS = table_patterns(TABLE)
FAST = [p for p in (PATTERNS.names, PATTERNS.acronyms, PATTERNS.hint) if p is not None]
NAMES = sorted({a for a, _ in TABLE.all_aliases()} | {a for e in TABLE.entries for a in e.acronyms})
EXAMPLES = sorted(Path(__file__).parents[2].glob("examples/articles/*.txt"))

# Pieces of text: table names, words, separators, and characters that case-fold oddly.
PIECES = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(["the ", "The ", "THE ", "-", " ", "  ", "\n", ", ", ".", "'s", "’s", "(", ")"]),
    st.sampled_from(["ſ", "K", "ı", "İ", "é", "É", "’", "“", "—", "ß", "µ", "Σ", "ς", "ﬀ", "_", "3"]),
    st.sampled_from(["intelligence agency", "Security Service", "war monitor", "rebel fighters", "ministry"]),
    st.text(alphabet="abcXYZ -", max_size=4),
)
TEXTS = st.lists(PIECES, max_size=20).map("".join)


def plain_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_fast_spans_are_the_plain_spans(text: str) -> None:
    low = lowered(text)
    for fast in FAST:
        assert list(fast.spans(text, low)) == plain_spans(fast.pattern, text)
        pattern, target = fast.target(text, low)
        assert plain_spans(pattern, target) == plain_spans(fast.pattern, text)


def assert_same_spans(paths: list[Path]) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for fast in FAST:
            assert list(fast.spans(text, lowered(text))) == plain_spans(fast.pattern, text), path.name


def test_fast_spans_on_the_example_articles() -> None:
    assert EXAMPLES
    assert_same_spans(EXAMPLES)


def test_fast_spans_on_the_corpus(shared_dir: Path) -> None:
    assert_same_spans(sorted((shared_dir / "corpus").glob("*.txt")))


def test_the_table_patterns_have_fast_forms() -> None:
    assert PATTERNS.names.folded_scout is not None
    assert PATTERNS.acronyms is not None
    assert PATTERNS.hint is not None and PATTERNS.hint.folded is not None


def test_no_fast_form_where_it_could_differ() -> None:
    assert lowered("Touadéra said") is None and lowered("ſ") is None
    assert folded(re.compile(r"[A-Z]+", re.IGNORECASE)) is None
    assert folded(re.compile(r"(?-i:a)b", re.IGNORECASE)) is None
    assert folded(re.compile(r"\x41", re.IGNORECASE)) is None
    assert folded(re.compile(r"abc")) is None
    assert FastPattern.of(re.compile(r"\babc", re.IGNORECASE)).scout is None
