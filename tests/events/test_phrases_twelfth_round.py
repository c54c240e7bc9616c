"""Lexicon entries of the twelfth round (events29), each on a short report of our own.

"Lynch" is a mob's killing whatever the parse gives it (the mob class's verbs), so a headline's "Man lynched in ..."
is the body's mob violence; party "activists" who fight each other are groups with no arms (`rival_groups`);
"stun grenades" and "tear gas grenades" are crowd control (`crowd_control_munitions`), not a grenade attack; an act
a court judges (`trial_words`) is no event of the report.
"""

from __future__ import annotations

import datetime as dt

from conflict_events import Document, Pipeline


def _kinds(pipeline: Pipeline, text: str, date: dt.date) -> list[tuple[str, str]]:
    result = pipeline(Document(id="w", text=text, date=date))
    return [(e.event_type, e.sub_event_type) for e in result.events]


def test_a_headline_lynching_is_the_mob_violence_of_the_body(pipeline: Pipeline) -> None:
    text = (
        "Man lynched in Bihar over theft suspicion\n\nPATNA (Reuters) - A crowd of villagers beat a 30-year-old man to"
        " death in Sasaram, a town in Rohtas district of the eastern Indian state of Bihar, on Monday after accusing"
        " him of stealing a motorcycle, police said."
    )
    assert _kinds(pipeline, text, dt.date(2025, 6, 12)) == [("Riots", "Mob violence")]


def test_a_lynching_by_villagers_is_mob_violence(pipeline: Pipeline) -> None:
    text = "Villagers lynched two men suspected of stealing goats in a village near Sasaram on Monday, police said."
    assert _kinds(pipeline, text, dt.date(2025, 6, 12)) == [("Riots", "Mob violence")]


def test_party_activists_fighting_during_a_rally_riot(pipeline: Pipeline) -> None:
    text = (
        "A man was killed and at least 20 people were injured on Monday when activists of the opposition Jatiya Party"
        " and the ruling Awami League fought with sticks and bricks during an opposition rally in the town of Sylhet,"
        " police said."
    )
    assert _kinds(pipeline, text, dt.date(2023, 11, 7)) == [("Riots", "Violent demonstration")]


def test_stun_grenades_fired_at_rioters_are_no_grenade_attack(pipeline: Pipeline) -> None:
    text = (
        "Hundreds of students blocked the highway in Quito on Monday and threw stones at police, who fired tear gas"
        " and stun grenades."
    )
    assert _kinds(pipeline, text, dt.date(2025, 6, 12)) == [("Riots", "Violent demonstration")]


def test_a_hand_grenade_is_still_a_grenade(pipeline: Pipeline) -> None:
    text = "A man threw a hand grenade at a bar in Cotabato on Friday, wounding six people."
    assert _kinds(pipeline, text, dt.date(2025, 6, 12)) == [("Explosions/Remote violence", "Grenade")]


def test_a_verdict_on_a_past_killing_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Soldier jailed over 2023 killing of student\n\nLAGOS (Reuters) - A court in Lagos on Tuesday found a soldier"
        " guilty of murder over the shooting of a student during protests against fuel prices in Abuja in October"
        " 2023. The judge said the evidence showed the soldier had fired at the student as he ran away."
    )
    assert _kinds(pipeline, text, dt.date(2025, 6, 11)) == []
