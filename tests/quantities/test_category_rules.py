"""The rules that type a count name themselves in the figure's provenance, and read their words from data."""

from __future__ import annotations

from datetime import date

from conflict_events.lexicons import lexicon
from conflict_events.pipeline import Pipeline
from conflict_events.quantities import _categories
from conflict_events.rules import disabled
from conflict_events.schema import Document


def _figures(pipeline: Pipeline, text: str) -> list[tuple[str, int | None, tuple[str, ...]]]:
    result = pipeline(Document(id="f", text=text, date=date(2024, 3, 15)))
    out: list[tuple[str, int | None, tuple[str, ...]]] = []
    for claim in result.claims:
        out.extend((f.category, f.value, tuple(d.rule for d in f.provenance)) for f in claim.figures)
    return out


def test_the_typing_rule_is_in_the_figures_provenance(pipeline: Pipeline) -> None:
    text = "Ukrainian forces destroyed 12 tanks and killed 40 soldiers near Bakhmut, the army said."
    found = _figures(pipeline, text)
    assert ("equipment", 12, ("figures.category.equipment",)) in found
    assert ("killed", 40, ("figures.category.casualty_word",)) in found


def test_a_count_no_rule_types_is_other_without_provenance(pipeline: Pipeline) -> None:
    found = _figures(pipeline, "Officials said 40 soldiers were in the town of Bakhmut on Tuesday.")
    assert found and all(cat != "killed" for cat, _, _ in found)
    with disabled({"figures.category.personnel"}):
        found = _figures(pipeline, "Officials said the army deployed 300 soldiers to Bakhmut on Tuesday.")
    assert ("other", 300, ()) in found


def test_the_words_of_the_category_rules_are_data() -> None:
    words = lexicon("numbers")
    assert words.words("listing_prepositions") == _categories._LISTING_PREPS
    assert "along" in _categories._LISTING_PREPS
    assert words.words("dead_nouns") == _categories._DEAD_NOUNS
