"""Counts found in sentences from many conflicts, and the numbers that are not counts."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conflict_events.quantities import QuantityFinder, classify, parse_number


@pytest.fixture(scope="module")
def finder() -> QuantityFinder:
    return QuantityFinder()


def counts(nlp: Language, finder: QuantityFinder, text: str) -> list[tuple[int | None, int | None, int | None, bool]]:
    doc = nlp(text)
    return [(q.value, q.low, q.high, q.approximate) for s in doc.sents for q in finder(s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 17 people in Zamfara.", [(17, None, None, False)]),
        ("Fifteen civilians were killed in Idlib.", [(15, None, None, False)]),
        ("More than 49,000 servicemen were lost.", [(49000, 49000, None, True)]),
        ("At least 20 civilians have been killed.", [(20, 20, None, True)]),
        ("Up to 300 fighters were deployed.", [(300, None, 300, True)]),
        ("A war that has killed nearly 10,000 people.", [(10000, None, 10000, True)]),
        ("About 70,000 are affected.", [(70000, None, None, True)]),
        ("Between 20 and 30 soldiers were captured.", [(None, 20, 30, True)]),
        ("Tens of thousands were displaced.", [(10000, 10000, None, True)]),
        ("Hundreds of thousands face famine.", [(100000, 100000, None, True)]),
        ("Dozens of fighters were killed.", [(12, 12, None, True)]),
        ("Hundreds of people fled.", [(100, 100, None, True)]),
        ("Thousands of people were killed.", [(1000, 1000, None, True)]),
        ("Several motorcycles were seen.", [(3, 3, None, True)]),
        ("A few houses burned.", [(3, 3, None, True)]),
        ("Two hundred prisoners were freed.", [(200, None, None, False)]),
    ],
)
def test_values_and_bounds(
    nlp: Language,
    finder: QuantityFinder,
    text: str,
    expected: list[tuple[int | None, int | None, int | None, bool]],
) -> None:
    assert counts(nlp, finder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in 2024.",
        "Fighting has continued since 2015.",
        "The hotel was stormed on March 14.",
        "The attack happened 10 days ago.",
        "A 15-year-old boy was hurt.",
        "The 47th Brigade held the line.",
        "Ukraine asked for F-16 jets and ATACMS missiles.",
        "Prices rose by 30% in the city.",
        "The siege lasted 13 hours.",
        "The convoy stopped 5 km from the border.",
        "Russian T-72 tanks advanced.",
        "The UN passed Resolution 2254.",
        "Three-quarters of imports pass through the port.",
    ],
)
def test_numbers_that_are_not_counts(nlp: Language, finder: QuantityFinder, text: str) -> None:
    assert counts(nlp, finder, text) == []


def test_article_counts_one_beside_numbered_items(nlp: Language, finder: QuantityFinder) -> None:
    doc = nlp("The attack included two tanks, a barrier vehicle, and 12 armoured combat vehicles.")
    found = [(q.value, doc[q.counted].text) for q in finder(doc[:]) if q.counted is not None]
    assert found == [(2, "tanks"), (1, "vehicle"), (12, "vehicles")]


def test_article_without_a_count_beside_it_is_not_one(nlp: Language, finder: QuantityFinder) -> None:
    assert counts(nlp, finder, "A drone flew over a village near the front.") == []


def test_zero_from_no(nlp: Language, finder: QuantityFinder) -> None:
    doc = nlp("The authorities added that no prison guards were injured or killed.")
    quantities = finder(doc[:])
    assert [q.value for q in quantities] == [0]
    typing = classify(quantities[0], doc)
    assert {typing.category, *typing.also} == {"killed", "wounded"}


def test_a_datelines_day_counts_nothing(nlp: Language, finder: QuantityFinder) -> None:
    doc = nlp("Shelling in Kherson\n\nKYIV, March 3 - Two people were killed when shells hit a market in Kherson.")
    sent = list(doc.sents)[-1]
    assert [q.value for q in finder(sent)] == [2]


def test_no_one_is_nobody(nlp: Language, finder: QuantityFinder) -> None:
    doc = nlp("A shell landed near the market, but no one was killed, the mayor said.")
    quantities = finder(doc[:])
    assert [q.value for q in quantities] == [0]
    assert classify(quantities[0], doc).category == "killed"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-five", 25),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("a dozen", 12),
        ("three", 3),
        ("forty", 40),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_parse_number_refuses_ordinals_and_words() -> None:
    assert parse_number("47th") is None
    assert parse_number("tanks") is None


def test_hyphenated_number_after_a_quotation_mark_is_one_number(nlp: Language, finder: QuantityFinder) -> None:
    # the tokenizer splits “Forty-two after an opening quote; it is 42, not 40 and 2
    assert counts(nlp, finder, "“Forty-two people died in the camp,” he said.") == [(42, None, None, False)]
