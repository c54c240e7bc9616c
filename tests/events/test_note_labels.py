"""A label opening a note names its main event (events.lead.note_label): our own notes in the style of
event notes whose strategic developments open with the codebook's category."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import Document, Pipeline
from conflict_events.events._confidence import LABELLED
from conflict_events.events._trigger_lexicon import load_lexicon


@pytest.mark.parametrize(
    ("label", "sub_event_type"),
    [
        ("Defusal", "Disrupted weapons use"),
        ("weapons  Seizure", "Disrupted weapons use"),
        ("Movement of forces", "Change to group/activity"),
        ("Looting/property destruction", "Looting/property destruction"),
        ("Non-violent activity", "Other"),
        ("Arrests", "Arrests"),
    ],
)
def test_label_names_a_class(label: str, sub_event_type: str) -> None:
    found = load_lexicon().label_class(label)
    assert found is not None and found.sub_event_type == sub_event_type


@pytest.mark.parametrize("label", ["Somalia", "Analysis", "Breaking news", ""])
def test_other_labels_name_none(label: str) -> None:
    assert load_lexicon().label_class(label) is None


def _lead(text: str) -> dict[str, object]:
    result = Pipeline()(Document(id="n", date=dt.date(2024, 5, 31), text=text))
    assert result.events, text
    lead = max(result.events, key=lambda e: e.confidence)
    return {
        "sub": lead.sub_event_type,
        "actor1": lead.actor1.name if lead.actor1 else None,
        "confidence": lead.confidence,
        "rules": {d.rule for d in lead.provenance},
        "events": len(result.events),
    }


def test_labelled_event_leads_and_cites_the_rule() -> None:
    lead = _lead(
        "Property destruction: On 3 May 2024, government forces clashed with Al Shabaab near Jilib. The soldiers"
        " destroyed several hideouts of the militants after the fighting."
    )
    assert lead["sub"] == "Looting/property destruction"
    assert lead["confidence"] == LABELLED
    assert "events.lead.note_label" in lead["rules"]  # type: ignore[operator]
    assert lead["events"] == 2  # the clash stays an event of its own


def test_label_with_no_action_word_reads_the_first_sentence() -> None:
    lead = _lead("Non-violent activity: On 3 May 2024, Al Shabaab held a meeting with elders in Kunyo Barrow.")
    assert (lead["sub"], lead["actor1"]) == ("Other", "Al Shabaab")


def test_label_alone_makes_no_event() -> None:
    result = Pipeline()(Document(id="n", date=dt.date(2024, 5, 31), text="Defusal: "))
    assert result.events == ()
