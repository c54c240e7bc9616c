"""The time extractor inside the chain: draft.times, mentions, tense from the parse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language

from conflict_events.draft import Draft
from conflict_events.extractor import Extractor
from conflict_events.extractors.time import TimeExtractor
from conflict_events.io.readers import read_text_file
from conflict_events.registry import registry
from conflict_events.schema import Document, PipelineStep


def _times(nlp: Language, text: str, anchor: dt.date, **settings: object) -> Draft:
    doc = nlp(text)
    return TimeExtractor(**settings)(doc, Draft(Document(id="t", text=text, date=anchor)))  # type: ignore[arg-type]


def test_registered_and_protocol() -> None:
    extractor = registry.create("conflict_events.time.v1")
    assert isinstance(extractor, Extractor)
    assert extractor.provides == frozenset({"times"})


def test_times_have_mentions_in_text_order(nlp: Language) -> None:
    text = (
        "Al-Shabaab fighters stormed a base on Saturday. The hotel siege began on March 14, "
        "and the group has lost ground since 2022."
    )
    draft = _times(nlp, text, dt.date(2024, 3, 24))
    assert [t.text for t in draft.times] == ["on Saturday", "on March 14", "2022"]
    for t in draft.times:
        assert t.mention is not None and text[t.mention.start : t.mention.end] == t.text
        assert t.anchor == dt.date(2024, 3, 24)
    since = draft.times[2].part_of
    assert since is not None and (since.text, since.start, since.end) == (
        "since 2022",
        dt.date(2022, 1, 1),
        dt.date(2024, 3, 24),
    )
    result = draft.to_result([PipelineStep(name="conflict_events.time.v1", version="1")])
    assert len(result.times) == 3


def test_tense_from_the_parse(nlp: Language) -> None:
    """The governing verb decides the direction, even with words between."""
    past = _times(nlp, "Houthi rebels fired missiles at the ship on Monday.", dt.date(2024, 1, 10))
    future = _times(nlp, "Houthi leaders will hold talks with the envoy on Monday.", dt.date(2024, 1, 10))
    planned = _times(nlp, "The envoy is scheduled to visit Sanaa on Monday.", dt.date(2024, 1, 10))
    assert past.times[0].start == dt.date(2024, 1, 8)
    assert future.times[0].start == dt.date(2024, 1, 15)
    assert planned.times[0].start == dt.date(2024, 1, 15)


def test_present_schedules_point_forwards(nlp: Language) -> None:
    """A date on a present-tense verb is a schedule; on a past verb or a noun it is past."""
    anchor = dt.date(2025, 1, 5)  # Sunday
    assert _times(nlp, "Peace talks resume on Monday in Geneva.", anchor).times[0].start == dt.date(2025, 1, 6)
    assert _times(nlp, "Troops are leaving the city on Friday.", anchor).times[0].start == dt.date(2025, 1, 10)
    noun = _times(nlp, "The attack on Monday is the deadliest this year.", anchor)
    assert noun.times[0].start == dt.date(2024, 12, 30)
    set_for = _times(nlp, "The next round of talks is set for March 5.", dt.date(1998, 2, 27))
    assert set_for.times[0].start == dt.date(1998, 3, 5)
    says = _times(nlp, "The army says it killed 10 militants on Monday.", anchor)
    assert says.times[0].start == dt.date(2024, 12, 30)


def test_modals(nlp: Language) -> None:
    anchor = dt.date(2025, 1, 5)  # Sunday
    assert _times(nlp, "Troops must withdraw by Friday.", anchor).times[0].start == dt.date(2025, 1, 10)
    assert _times(nlp, "Rebels must have attacked on Friday.", anchor).times[0].start == dt.date(2025, 1, 3)
    assert _times(nlp, "The envoy will have arrived by Monday.", anchor).times[0].start == dt.date(2025, 1, 6)


def test_unresolved_reference_is_warned(nlp: Language) -> None:
    draft = _times(nlp, "Two days later, the rebels withdrew.", dt.date(2025, 1, 5))
    assert [w.code for w in draft.warnings] == ["time_unresolved"]
    assert draft.times[0].precision == "range"
    resolved = _times(nlp, "Rebels attacked on Friday. Two days later, they withdrew.", dt.date(2025, 1, 5))
    assert resolved.warnings == []
    assert resolved.times[1].start == dt.date(2025, 1, 5)


def test_day_first_setting(nlp: Language) -> None:
    text = "The decree of 04/05/2023 banned the group."
    assert _times(nlp, text, dt.date(2024, 1, 1)).times[0].start == dt.date(2023, 5, 4)
    assert _times(nlp, text, dt.date(2024, 1, 1), day_first=False).times[0].start == dt.date(2023, 4, 5)


def test_corpus_articles_validate(nlp: Language, shared_dir: Path) -> None:
    """Every corpus article yields times that validate, none after the anchor unless written out."""
    for path in sorted((shared_dir / "corpus").glob("*-*.txt")):
        document = read_text_file(path)
        doc = nlp(document.text)
        draft = TimeExtractor()(doc, Draft(document))
        assert draft.times, path.name
        draft.to_result([])
        for t in draft.times:
            assert t.end <= document.date or t.precision == "day", (path.name, t)


def test_an_ongoing_inquiry_does_not_make_a_weekend_future(nlp: Language) -> None:
    text = "Officials said Monday they are investigating an air strike at the weekend in Nimroz province."
    draft = _times(nlp, text, dt.date(2021, 1, 11))  # a Monday
    weekend = next(t for t in draft.times if t.text == "at the weekend")
    assert (weekend.start, weekend.end) == (dt.date(2021, 1, 9), dt.date(2021, 1, 10))
