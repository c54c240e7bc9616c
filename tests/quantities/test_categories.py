"""What a count counts: the category from the governing word, the item, and obliques."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conflict_events.quantities import QuantityFinder, classify


@pytest.fixture(scope="module")
def finder() -> QuantityFinder:
    return QuantityFinder()


def typed(nlp: Language, finder: QuantityFinder, text: str) -> list[tuple[str, str | None, int | None]]:
    doc = nlp(text)
    out: list[tuple[str, str | None, int | None]] = []
    for q in finder(doc[:]):
        t = classify(q, doc)
        out.append((t.category, t.item, q.value))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Security forces killed five assailants in a gun battle.", [("killed", "assailant", 5)]),
        ("Eight civilians were killed by rocket fire in Tohayta.", [("killed", "civilian", 8)]),
        ("Two people died after police fired on the crowd.", [("killed", "people", 2)]),
        ("More than 20 civilians are dead.", [("killed", "civilian", 20)]),
        ("The strike wounded 14 people in Kharkiv.", [("wounded", "people", 14)]),
        ("Police arrested 16 suspects over the attack.", [("captured", "suspect", 16)]),
        ("Three aid workers remain missing.", [("missing", "aid worker", 3)]),
        ("Russia lost 430,000 soldiers in 2024.", [("casualties", "soldier", 430000)]),
        (
            "The army destroyed 273 tanks and 44 rocket launch systems.",
            [("equipment", "tank", 273), ("equipment", "rocket launch system", 44)],
        ),
        ("Air defences shot down 15 Ukrainian drones.", [("equipment", "drone", 15)]),
        ("About 70,000 are displaced by the fighting.", [("other", None, 70000)]),
        ("The government deployed 5,000 troops to the north.", [("personnel", "troop", 5000)]),
        ("Authorities placed the death toll at 53.", [("killed", None, 53)]),
        # people of other regions' notes
        ("Three dissidents were killed in the clash.", [("killed", "dissident", 3)]),
        ("Five troopers were wounded.", [("wounded", "trooper", 5)]),
        # a count "of" the dead is a toll; "of" anyone else is not
        ("The number of people killed in the raid rose to nine on Friday.", [("killed", None, 9)]),
        ("The number of displaced families rose to 3,000.", [("other", None, 3000)]),
        # the dead of an attack told by their burial
        ("Relatives said 34 people were buried in the town after the raid.", [("killed", "people", 34)]),
        (
            "The ministry said 40 POWs were killed and 84 others wounded.",
            [("killed", "pow", 40), ("wounded", None, 84)],
        ),
    ],
)
def test_category_and_item(
    nlp: Language, finder: QuantityFinder, text: str, expected: list[tuple[str, str | None, int | None]]
) -> None:
    assert typed(nlp, finder, text) == expected


def test_count_in_a_prepositional_phrase_is_oblique(nlp: Language, finder: QuantityFinder) -> None:
    doc = nlp("More than 40 people had been killed by bandits in 16 villages.")
    typings = [classify(q, doc) for q in finder(doc[:])]
    assert [(t.category, t.oblique) for t in typings] == [("killed", False), ("other", True)]


def test_owner_of_losses_is_located(nlp: Language, finder: QuantityFinder) -> None:
    doc = nlp("The ministry said its soldiers killed 340 members of the Ukrainian armed forces.")
    typing = classify(finder(doc[:])[0], doc)
    assert [doc.text[a:b] for a, b in typing.owners] == ["the Ukrainian armed forces"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The blast killed at least 50 people and wounded 120 others.",
            [("killed", "people", 50), ("wounded", None, 120)],
        ),
        ("Five children were among the dead.", [("killed", "child", 5)]),
        ("The army said it shot down 2 Su-25 jets.", [("equipment", "Su-25 jet", 2)]),
        ("Two dozen villages burned.", [("other", "village", 24)]),
        ("Several hundred protesters gathered.", [("other", "protester", 300)]),
    ],
)
def test_more_shapes(
    nlp: Language, finder: QuantityFinder, text: str, expected: list[tuple[str, str | None, int | None]]
) -> None:
    assert typed(nlp, finder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb says what happened to them, whatever noun counts them
        ("The militia said it had killed more than 90 government forces.", [("killed", "government force", 90)]),
        ("Eleven nurses lost their lives in the shelling.", [("killed", "nurse", 11)]),
        ("The raid led to the deaths of at least 64 villagers.", [("killed", "villager", 64)]),
    ],
)
def test_category_from_the_verb_or_the_death_noun(
    nlp: Language, finder: QuantityFinder, text: str, expected: list[tuple[str, str | None, int | None]]
) -> None:
    assert typed(nlp, finder, text) == expected


def test_listing_preposition_as_root_does_not_hang(nlp: Language, finder: QuantityFinder) -> None:
    # spaCy makes "along" the ROOT after the whitespace token; the climb to the verb stops there
    import signal

    def _stuck(signum: int, frame: object) -> None:
        raise TimeoutError("classify did not finish within 10 s")

    previous = signal.signal(signal.SIGALRM, _stuck)
    signal.alarm(10)
    try:
        doc = nlp("He was\n            arrested along with nine others on Friday.")
        assert doc[4].dep_ == "ROOT" and doc[4].lower_ == "along"  # the shape this test is about
        found = typed(nlp, finder, doc.text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [value for _, _, value in found] == [9]
