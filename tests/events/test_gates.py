"""The cheap tests the event rules make before reading the parse give what the full reading gives."""

from __future__ import annotations

import pytest

from conflict_events.events import load_lexicon
from conflict_events.events._event_mentions import _platform_of, platform_of, platform_words
from conflict_events.events._tokens import doc_words
from conflict_events.nlp import load_language_model, release

SENTENCES = [
    "A roadside bomb hit a convoy near Kismayo, and a car bomb exploded at the gate on Monday.",
    "A suicide bomber and a suicide truck bomber struck the base; drones and fighter jets bombed the town.",
    "Soldiers fired into the air as police used water cannon and surveillance drones watched the crowd.",
    "Rebels shelled the market with mortars and rockets, then lobbed grenades at the checkpoint.",
    "Nobody was hurt when the booby trap went off in Goma.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_platform_of_asks_only_words_that_can_name_a_weapon(text: str) -> None:
    lex = load_lexicon()
    doc = load_language_model()(text)
    try:
        assert [platform_of(t, lex) for t in doc] == [_platform_of(t, lex) for t in doc]
        # the words left out name no platform
        words = platform_words(lex)
        assert all(_platform_of(t, lex) is None for t in doc if t.lemma_.lower() not in words and t.lower_ not in words)
    finally:
        release(doc)


def test_doc_words_holds_every_lower_case_form_and_lemma() -> None:
    doc = load_language_model()(SENTENCES[1])
    try:
        words = doc_words(doc)
        assert all(t.lower_ in words and t.lemma_.lower() in words for t in doc)
        assert doc_words(doc) is words  # once per Doc
    finally:
        release(doc)
