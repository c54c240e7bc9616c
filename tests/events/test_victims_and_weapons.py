"""Whole-chain cases of the eighth session (events20): who the victims are and what an attack was made with.

Our own sentences, in the style of event notes and wire reports; no development-set text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from conflict_events import Document, Pipeline

CASES = [
    # a soldier said to be off duty in a bracket after the noun is a civilian target
    ("Al Shabaab gunmen shot dead a government soldier (off duty) outside his home in Afgooye on Monday.",
     "Violence against civilians", "Attack", "Al Shabaab", "Civilians (Somalia)"),
    ("Al Shabaab gunmen shot dead a soldier who was walking home (likely off-duty) in Afgooye on Monday.",
     "Violence against civilians", "Attack", "Al Shabaab", "Civilians (Somalia)"),
    # ... and before it, when the attack and the killing are two verbs
    ("Unknown gunmen attacked and killed an off duty police officer in Enugu on Monday.",
     "Violence against civilians", "Attack", None, "Civilians (Nigeria)"),
    # the object of the second of two assault verbs is the first one's too
    ("Gunmen attacked and assaulted two teachers in Mandera on Monday.",
     "Violence against civilians", "Attack", None, "Civilians (Kenya)"),
    # a vehicle fired on is people on the road unless its phrase names armed men
    ("A clan militia opened fire on a vehicle near Galkayo on Monday.",
     "Violence against civilians", "Attack", None, "Civilians (Somalia)"),
    ("A clan militia opened fire on a vehicle carrying soldiers near Galkayo on Monday.",
     "Battles", "Armed clash", None, None),
    # an attack made with explosives is a remote explosive
    ("ELN rebels attacked a police station with explosives in Tame on Monday.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "ELN: National Liberation Army", None),
    # ... but explosives used with gunfire are a fight
    ("Dissidents attacked an army patrol with explosives and rifle fire near Argelia on Sunday.",
     "Battles", "Armed clash", None, None),
    # a camp "for displaced people" with the "for" hung on the verb is a shelter of civilians
    ("CODECO militiamen attacked a camp for displaced people near Bunia on Sunday.",
     "Violence against civilians", "Attack", None, None),
    # "set * on fire": the phrase's own "on" follows the gap, though the parse makes it a preposition
    ("Residents set tires on fire in Hargeisa on Monday to protest the killing of two traders.",
     "Riots", "Violent demonstration", None, None),
    # two countries' demonyms before one force noun, the first read as the subject: both states' forces
    ("Kyrgyz and Tajik border guards exchanged fire near the village of Dostuk on Monday.",
     "Battles", "Armed clash", "Military Forces of Kyrgyzstan (2021-)", "Military Forces of Tajikistan (1994-)"),
]


@pytest.mark.parametrize(("text", "etype", "sub", "actor1", "actor2"), CASES)
def test_note(
    one_event: Callable[..., None], text: str, etype: str, sub: str, actor1: str | None, actor2: str | None
) -> None:
    one_event(text, etype, sub, actor1, actor2)


def test_gathering_shares_no_object(pipeline: Pipeline) -> None:
    """ "Gathered and commanded fighters": the fighters are the group's own, no side acted upon."""
    text = "Al Shabaab gathered and commanded fighters near Ceel Buur on Monday."
    result = pipeline(Document(id="n", text=text, date=dt.date(2024, 6, 5)))
    assert [e.actor2 for e in result.events] == [None]
