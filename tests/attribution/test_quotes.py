"""Direct quotations: curly and straight marks, paragraph-spanning quotes, scare quotes."""

from __future__ import annotations

from conflict_events.attribution import find_quotations


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotations(text)]


def test_curly_quotation() -> None:
    text = "“The heavy fighting is still continuing,” said Mohammed Hussen."
    assert inner(text) == ["The heavy fighting is still continuing,"]


def test_straight_quotations_pair_up() -> None:
    text = '"We were shelled all night," she said. "Nobody came to help us," she added.'
    assert inner(text) == ["We were shelled all night,", "Nobody came to help us,"]


def test_quotation_running_over_a_paragraph_break() -> None:
    text = "“The first paragraph of the statement.\n\n“The second paragraph ends here,” the agency said."
    assert inner(text) == ["The first paragraph of the statement.\n\n“The second paragraph ends here,"]


def test_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = "“An opening mark with no end\n\nA new paragraph that says “all of this is quoted” here."
    assert inner(text) == ["all of this is quoted"]


def test_scare_quotes_are_not_speech() -> None:
    assert inner("Zelenskyy spoke of future “peace” talks and a ‘very limited action’ in Afar.") == []


def test_british_single_quotes_but_not_apostrophes() -> None:
    text = "‘We will not surrender a single metre,’ the commander said. The soldiers’ families waited."
    assert inner(text) == ["We will not surrender a single metre,"]


def test_two_apostrophes_quote_like_a_straight_double_mark() -> None:
    text = "''The convoy was hit twice near the bridge,'' the colonel said. ''We lost two trucks.''"
    found = [text[q.inner_start : q.inner_end] for q in find_quotations(text)]
    assert found == ["The convoy was hit twice near the bridge,", "We lost two trucks."]


def test_an_apostrophe_after_a_plural_is_no_quotation_mark() -> None:
    text = "The rebels' spokesman said the soldiers' base was taken."
    assert find_quotations(text) == []


def test_a_short_quotation_opening_its_sentence_on_speech_punctuation_is_speech() -> None:
    text = "The colonel left the room. “Never,” he said. “Retreat?” he asked. They signed the “peace,” a sham."
    assert inner(text) == ["Never,", "Retreat?"]
