"""The confidence of an event: the lede of a report and its toll decide which event is its main story."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events.events._confidence import LATE_PENALTY, after_the_lede, lede_end, score
from conflict_events.nlp import load_language_model, parse
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_the_lede_is_the_headline_lines_and_the_first_full_sentence() -> None:
    nlp = load_language_model()
    text = ("Drone strike kills nine at a wedding in the north\n\nKANO\n\nA drone struck a wedding party in the "
            "village of Bakin Kogi on Saturday, killing nine guests. Residents protested on Sunday.")
    end = lede_end(parse(nlp, text))
    assert text[:end].endswith("killing nine guests.")
    plain = "Gunmen killed four farmers in Kauru on Tuesday. Police arrived the next day."
    assert plain[:lede_end(parse(nlp, plain))] == "Gunmen killed four farmers in Kauru on Tuesday."
    assert lede_end(parse(nlp, "Strike on a market in the north")) == len("Strike on a market in the north")


def test_only_an_event_told_after_the_lede_loses() -> None:
    assert after_the_lede([120, 40], 80) is None
    assert after_the_lede([120, 300], 80) == LATE_PENALTY
    full = dict(actor1=True, actor2=True, place_rank=0, dated=True, extra_mentions=0)
    assert score(0.8, **full, late=True) == round(score(0.8, **full) - LATE_PENALTY, 2)
    assert score(0.6, **full, toll=True) > score(0.6, **full)


def test_a_follow_up_protest_does_not_outrank_the_killings_it_answers(pipeline: Pipeline) -> None:
    text = ("Gunmen shot dead 11 traders on the road to Gidan Bature on Monday, police said.\n\n"
            "On Tuesday about two hundred residents marched peacefully through the town of Gusau to demand "
            "that the state government protect the road.")
    result = pipeline(Document(id="d", text=text, date=dt.date(2024, 3, 15)))
    lead = max(result.events, key=lambda e: e.confidence)
    assert lead.event_type != "Protests"
    protest = [e for e in result.events if e.event_type == "Protests"]
    assert protest and any(d.rule == after_the_lede.name for d in protest[0].provenance)
