"""Texts over spaCy's max_length: split at paragraph breaks, parsed, joined; every span matches the whole text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from conflict_events.nlp import parse, split_text
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document, ExtractionResult, Span

PARAGRAPHS = [
    "Russian forces shelled Kharkiv on Sunday, killing two civilians, the regional governor said.",
    "Gunmen attacked a village near Maiduguri on Saturday and abducted 12 farmers, police said.",
    "Protesters clashed with police in Nairobi on Friday; three people were wounded.",
    "Government troops recaptured the town of Bakhmut after heavy fighting, the army said on Monday.",
]


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=1, max_value=60))
def test_parts_join_back_and_keep_under_the_limit(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts) or parts == [""]
    assert len(parts) <= 2 * len(text) / limit + 1


def test_parts_end_at_paragraph_breaks_when_there_are_some() -> None:
    text = "\n\n".join(PARAGRAPHS * 3)
    parts = split_text(text, 250)
    assert all(p.endswith("\n\n") for p in parts[:-1]) and len(parts) > 3


def _spans(result: ExtractionResult) -> list[Span]:
    spans = [m for group in (result.actors, result.locations) for item in group for m in item.mentions]
    spans += [s for e in result.events for s in (e.trigger, e.sentence)]
    spans += [s for c in result.claims for s in (c.text, c.sentence)]
    return spans


def test_a_text_over_the_limit_is_extracted_with_spans_into_the_whole_text(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    places = ["Kharkiv", "Izium", "Kupiansk", "Sumy", "Kherson", "Nikopol", "Pokrovsk", "Kramatorsk"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday"]
    text = "\n\n".join(f"Russian forces shelled {place} on {day}, killing {n + 2} civilians, the governor said."
                       for n, (place, day) in enumerate(zip(places, days * 2, strict=True))) + "\n"
    text += "\n\n".join(PARAGRAPHS) + "\n"
    monkeypatch.setattr(nlp, "max_length", 400)  # small, to keep the test fast; the real one is 1,000,000
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    doc = parse(nlp, text)
    assert doc.text == text and len(doc) == sum(len(nlp(p)) for p in split_text(text, 400))
    pipeline = Pipeline(nlp=nlp)
    document = Document(id="long", text=text, date=date(2025, 3, 10))
    result = pipeline(document)
    assert [r.model_dump() for r in pipeline.pipe([document])] == [result.model_dump()]
    spans = _spans(result)
    assert len(split_text(text, 400)) >= 3
    assert max(s.start for s in spans) > len(text) - 150, "spans reach the last part"
    assert all(text[s.start : s.end] == s.text for s in spans)
    located = {e.location.name for e in result.events if e.location is not None}
    assert {"Kharkiv", "Kramatorsk", "Nairobi"} <= located, "events from the first, middle and last parts"
