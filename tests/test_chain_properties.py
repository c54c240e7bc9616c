"""Whatever the text, the whole chain returns a valid result whose every span is its slice of the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document, ExtractionResult
from conflict_events.schema._models import _spans

WORDS = [
    "Russian",
    "Ukrainian",
    "forces",
    "troops",
    "shelled",
    "attacked",
    "killed",
    "wounded",
    "Kharkiv",
    "Kursk",
    "on",
    "Sunday",
    "last",
    "week",
    "in",
    "August",
    "since",
    "the",
    "said",
    "according",
    "to",
    "ministry",
    "governor",
    "12",
    "three",
    "dozens",
    "of",
    "civilians",
    "drone",
    "strike",
    "near",
    "village",
    ",",
    ".",
    '"',
    "'",
    "\n",
    "\n\n",
    "(",
    ")",
    "-",
    "—",
    "300,000",
    "tanks",
    "claimed",
    "reportedly",
    "Moscow",
    "Kyiv",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
@example(text="-", date=dt.date(2000, 1, 1))  # a headline mark with no word before it
@example(text=":", date=dt.date(2000, 1, 1))
def test_any_text_gives_a_valid_result(pipeline: Pipeline, text: str, date: dt.date) -> None:
    document = Document(id="prop", text=text, date=date)
    result = pipeline(document)
    again = ExtractionResult.model_validate_json(result.model_dump_json())
    assert again == result
    for where, span in _spans(result):
        assert text[span.start : span.end] == span.text, where
    for time in result.times:
        assert time.anchor == date
