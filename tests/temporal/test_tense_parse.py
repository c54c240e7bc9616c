"""Directions the parse decides: auxiliaries the parse hangs elsewhere, modals of possibility,
'as soon as', dates a present 'is' gives its subject; and the calendar names read with them.

Sentences written for these tests in the style of wire reports (anchor: Wednesday 2013-03-20).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from conflict_events.temporal import TimeFinder, TimeWords, tense_of

WED = dt.date(2013, 3, 20)


def _found(nlp: Language, text: str, anchor: dt.date = WED) -> dict[str, tuple[str, str, str]]:
    doc = nlp(text)
    words = TimeWords.load()
    finder = TimeFinder()
    found = finder.find(text, anchor, tense=lambda s, e: tense_of(doc, s, e, words))
    flat = [x for e in found for x in (e, *e.inner)]  # a range's bounds too ("since year-end")
    return {e.text: (str(e.begin), str(e.until), e.timex) for e in flat}


@pytest.mark.parametrize(
    ("text", "written", "start"),
    [
        # 'will' hung on 'be' by the parse still makes the passive future
        ("Banks will be closed Monday for the holiday, the central bank said.", "Monday", "2013-03-25"),
        ("The results of the vote will be announced Thursday.", "Thursday", "2013-03-21"),
        # 'may' and 'might' look ahead; with 'have' they look back
        ("Rebels may attack the town on Sunday, officials warned.", "on Sunday", "2013-03-24"),
        ("The central bank might cut rates in April, analysts said.", "in April", "2013-04-01"),
        ("Rebels may have attacked the town on Sunday, officials said.", "on Sunday", "2013-03-17"),
        # 'as soon as', 'as early as': the earliest a thing may come
        ("A verdict could come as soon as Friday, lawyers said.", "Friday", "2013-03-22"),
        ("The first aid convoy could leave as early as Saturday.", "Saturday", "2013-03-23"),
        ("A verdict came on Friday, lawyers said.", "on Friday", "2013-03-15"),
        # a date a present 'is' gives its subject is to come; with 'was' it is past
        ("The deadline for the militias to disarm is Friday.", "Friday", "2013-03-22"),
        ("The deadline for the militias to disarm was Friday.", "Friday", "2013-03-15"),
        ("The second round of the election is on Sunday.", "on Sunday", "2013-03-24"),
        ("The panel's report on the killings is due Thursday.", "Thursday", "2013-03-21"),
        ("The deadline is Wednesday.", "Wednesday", "2013-03-20"),
        # a plan in the present over a clause with 'to' ("expect X to rise"), not only over an infinitive
        ("Economists expect the central bank to raise rates in October.", "in October", "2013-10-01"),
        ("Mediators want the two sides to meet again on Monday.", "on Monday", "2013-03-25"),
        ("Mediators wanted the two sides to meet again in October.", "in October", "2012-10-01"),
        # a date a vote is moved or brought to lies ahead; moving troops to a place on a date does not
        ("The electoral board moved the vote up to Sept. 8.", "Sept. 8", "2013-09-08"),
        ("The runoff was brought forward to Sept. 8.", "Sept. 8", "2013-09-08"),
        ("The army moved troops to the border on Sept. 8.", "on Sept. 8", "2012-09-08"),
    ],
)
def test_direction_from_the_parse(nlp: Language, text: str, written: str, start: str) -> None:
    assert _found(nlp, text)[written][0] == start


def test_year_end_as_a_noun_is_the_end_of_the_year(nlp: Language) -> None:
    found = _found(nlp, "The ministry expects to finish the pipeline by year's end.")
    assert found["by year's end"] == ("2013-09-01", "2013-12-31", "2013")
    found = _found(nlp, "The army wants the road open by year end.")
    assert found["by year end"] == ("2013-09-01", "2013-12-31", "2013")
    found = _found(nlp, "Exports have risen 4 percent since year-end.")
    assert found["year-end"] == ("2012-12-31", "2012-12-31", "2012-12-31")


def test_hundreds_are_centuries_but_the_2000s_a_decade(nlp: Language) -> None:
    assert _found(nlp, "The fort was built by traders in the 1800s.")["in the 1800s"] == (
        "1800-01-01",
        "1899-12-31",
        "18",
    )
    assert _found(nlp, "The port grew quickly in the early 1900s.")["in the early 1900s"][2] == "19"
    assert _found(nlp, "The economy boomed in the 2000s.")["in the 2000s"] == ("2000-01-01", "2009-12-31", "200")
    assert _found(nlp, "Coups were common in the 1970s.")["in the 1970s"][2] == "197"
