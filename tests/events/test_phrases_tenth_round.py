"""Lexicon entries of the tenth round (events22), each on a note or a short report of our own.

A "climate strike" or a "school strike" is a demonstration (protest phrases; `stoppage_words`); a "recruitment
drive" is a change to an armed group's activity; a withdrawal named by "pulled out of" is how a place changed hands
(the transfer class's `withdrawals`); "striking doctors" are workers on strike, whatever the parse of a headline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from conflict_events import Document, Pipeline

_PEACEFUL = ("Protests", "Peaceful protest")
_CHANGE = ("Strategic developments", "Change to group/activity")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On 2 May 2024, a climate strike organised by student groups brought thousands of pupils onto the streets of"
         " Lyon, demanding faster cuts in emissions.", _PEACEFUL),
        ("On 2 May 2024, a school strike against the new exam rules brought hundreds of pupils to the town hall of"
         " Graz.", _PEACEFUL),
        ("Around 2 May 2024, the MPC armed group began a recruitment drive in Bocaranga town (Bocaranga"
         " sub-prefecture, Ouham-Pende prefecture), paying new recruits. No violence was reported.", _CHANGE),
        ("On 2 May 2024, thousands of people occupied the main square of Colombo for a third day, demanding the"
         " resignation of the government.", _PEACEFUL),
    ],
)
def test_phrase_gives_its_event(one_event: Callable[..., None], text: str, kind: tuple[str, str]) -> None:
    one_event(text, kind[0], kind[1], None, None)


def test_a_mob_that_beats_a_man_has_its_victim(pipeline: Pipeline) -> None:
    # "beat up and injured a man": the object of the joined verb is the mob's victim (no headline passive)
    text = "On 2 May 2024, a mob beat up and injured a man accused of stealing a phone in Hodan (Mogadishu, Banadir)."
    result = pipeline(Document(id="n", text=text, date=dt.date(2024, 6, 5)))
    [event] = result.events
    assert event.sub_event_type == "Mob violence"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Somalia)"


def test_the_losing_side_pulling_out_is_part_of_the_capture(pipeline: Pipeline) -> None:
    text = (
        "Gangs seize Haitian town after gunfight with police\n\nPORT-AU-PRINCE (Reuters) - Armed gangs took control"
        " of the town of Mirebalais in central Haiti on Friday after a gunfight with police, officials said.\n\n"
        "Police said they had pulled out of the town after running out of ammunition."
    )
    result = pipeline(Document(id="w", text=text, date=dt.date(2025, 4, 14)))
    assert [(e.event_type, e.sub_event_type) for e in result.events] == [
        ("Battles", "Non-state actor overtakes territory")
    ]
