"""The figures extractor on whole documents: every count, typed, with the owner of the losses."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from conflict_events.draft import Draft
from conflict_events.extractors.figures import FigureExtractor
from conflict_events.schema import Actor, Document, Span


def run(nlp: Language, text: str, actors: list[Actor] | None = None) -> Draft:
    draft = Draft(Document(id="f", text=text, date=dt.date(2024, 6, 10)), actors=list(actors or []))
    return FigureExtractor()(nlp(text), draft)


def test_every_count_of_a_document(nlp: Language) -> None:
    text = (
        "Hospital sources said 11 civilians and 43 rebel fighters had been killed on Sunday and Monday. "
        "The army said it destroyed two tanks and a truck. The siege lasted 13 hours in 2018."
    )
    figures = run(nlp, text).figures
    assert [(f.category, f.item, f.value) for f in figures] == [
        ("killed", "civilian", 11),
        ("killed", "rebel fighter", 43),
        ("equipment", "tank", 2),
        ("equipment", "truck", 1),
    ]
    assert all(f.text.text == text[f.text.start : f.text.end] for f in figures)


def test_subject_is_the_actor_whose_losses_they_are(nlp: Language) -> None:
    text = "Ukraine has lost more than 49,000 servicemen in Kursk."
    ukraine = Actor(
        id="ua",
        name="Government of Ukraine",
        kind="government",
        country="UA",
        mentions=(Span.of(text, 0, 7),),
    )
    figure = run(nlp, text, [ukraine]).figures[0]
    assert (figure.subject, figure.low, figure.value, figure.approximate) == ("ua", 49000, 49000, True)


def test_sentences_without_numbers_cost_nothing(nlp: Language) -> None:
    assert run(nlp, "Fighting continued along the front line. Shelling was heard at night.").figures == []


def test_zero_figures_for_no_casualties(nlp: Language) -> None:
    figures = run(nlp, "The governor said no civilians were killed or wounded in the raid.").figures
    assert sorted((f.category, f.value) for f in figures) == [("killed", 0), ("wounded", 0)]
