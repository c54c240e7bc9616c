"""Unit tests of the events package: lexicon, modality, roles, typing helpers, fatalities, confidence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conflict_events.events import (
    belligerent_cap,
    confidence_score,
    conservative,
    find_triggers,
    hierarchy_rank,
    load_lexicon,
    status,
    territory_sub_type,
)
from conflict_events.events._event_roles import sides
from conflict_events.schema import Actor
from conflict_events.schema._taxonomy import SUB_EVENT_TYPES


def _tok(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def test_every_lexicon_class_points_to_a_real_acled_label() -> None:
    lex = load_lexicon()
    for cls in lex.classes.values():
        assert cls.sub_event_type in SUB_EVENT_TYPES[cls.event_type]
    covered = {(c.event_type) for c in lex.classes.values()}
    assert covered == set(SUB_EVENT_TYPES)  # all six event types have triggers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government warplanes carried out an air strike on the market in Maarat.", "air"),
        ("Artillery shelled the outskirts of Kharkiv overnight.", "artillery"),
        ("A roadside bomb struck an army patrol near Gao.", "explosive"),
        ("Hundreds of teachers staged a protest outside the ministry in Nairobi.", "protest"),
        ("Gunmen kidnapped 30 students from a school in Kaduna.", "abduct"),
        ("The two sides signed a ceasefire in Doha.", "agreement"),
        ("Air defences shot down three drones over Odesa.", "disrupted"),
        ("A powerful bomb went off near a mosque in Bannu on Monday.", "explosive"),
        ("A long-range missile slammed into the railway station of Sumy on Friday.", "artillery"),
    ],
)
def test_trigger_classes(nlp: Language, text: str, expected: str) -> None:
    names = [t.cls.name for t in find_triggers(nlp(text)[:])]
    assert expected in names


def test_an_alarm_going_off_is_no_explosion(nlp: Language) -> None:
    names = [t.cls.name for t in find_triggers(nlp("The alarm went off at the base in Bannu on Monday.")[:])]
    assert "explosive" not in names


def test_a_car_slamming_into_a_crowd_is_no_strike(nlp: Language) -> None:
    names = [t.cls.name for t in find_triggers(nlp("A car slammed into a crowd in Sumy on Friday.")[:])]
    assert "artillery" not in names


def test_a_gap_phrase_ends_on_its_noun_not_on_an_ing_form(nlp: Language) -> None:
    # "reach * accord" must not match "reached 4,000, according to"
    toll = "The toll in the region has reached at least 4,000, according to the ministry."
    assert "agreement" not in [t.cls.name for t in find_triggers(nlp(toll)[:])]
    deal = "The two militias reached a local accord in Beledweyne on Monday."
    assert "agreement" in [t.cls.name for t in find_triggers(nlp(deal)[:])]


def test_drones_of_a_search_are_no_weapon(nlp: Language) -> None:
    search = "The search for the ferry using underwater drones resumed near Mwanza on Monday."
    assert "air" not in [t.cls.name for t in find_triggers(nlp(search)[:])]
    attack = "Rebels used drones to bomb an army base near Goma on Monday."
    assert "air" in [t.cls.name for t in find_triggers(nlp(attack)[:])]


def test_modifier_nouns_are_not_triggers(nlp: Language) -> None:
    names = [t.cls.name for t in find_triggers(nlp("The column included 12 armoured combat vehicles.")[:])]
    assert "clash" not in names


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The militia threatened to attack Bunia.", "attack", "irrealis"),
        ("Officials said the rebels would send troops to Goma.", "send", "irrealis"),
        ("The army did not shell the camp.", "shell", "negated"),
        ("Police said gunmen attacked the convoy near Mandera.", "attacked", "real"),
        ("Moscow promised retaliation after Ukraine used missiles on Belgorod.", "used", "real"),
        ("Forces backed by US air strikes retook the town.", "strikes", "support"),
        ("The coalition announced a pause in its advance on the port.", "advance", "cessation"),
    ],
)
def test_modality(nlp: Language, text: str, word: str, expected: str) -> None:
    assert status(_tok(nlp, text, word)) == expected


def test_roles_active_passive_and_nominal(nlp: Language) -> None:
    active = sides(_tok(nlp, "Gunmen raided the village of Kadisau.", "raided"))
    assert [t.text for t in active.agent_tokens] == ["Gunmen"]
    assert [t.text for t in active.patient_tokens] == ["village"]
    passive = sides(_tok(nlp, "Five soldiers were ambushed by militants near Kidal.", "ambushed"))
    assert [t.text for t in passive.agent_tokens] == ["militants"]
    assert [t.text for t in passive.patient_tokens] == ["soldiers"]
    between = sides(_tok(nlp, "Heavy fighting between rebels and the army erupted in Rutshuru.", "fighting"))
    assert "rebels" in [t.text for t in between.agent_tokens]
    assert "army" in [t.text for t in between.patient_tokens]


def test_territory_subtype_follows_who_ends_in_control() -> None:
    army = Actor(id="a", name="Military Forces of Mali (2020-)", kind="state_forces", country="ML")
    rebels = Actor(id="b", name="JNIM", kind="rebel_group", country="ML")
    russia = Actor(id="c", name="Military Forces of Russia (2000-)", kind="state_forces", country="RU")
    assert territory_sub_type(army, "ML", attempt=False) == "Government regains territory"
    assert territory_sub_type(rebels, "ML", attempt=False) == "Non-state actor overtakes territory"
    assert territory_sub_type(russia, "UA", attempt=False) == "Non-state actor overtakes territory"
    assert territory_sub_type(rebels, "ML", attempt=True) == "Armed clash"


def test_hierarchy_orders_types_and_subtypes() -> None:
    assert hierarchy_rank("Battles", "Armed clash") < hierarchy_rank("Violence against civilians", "Attack")
    assert hierarchy_rank("Explosions/Remote violence", "Air/drone strike") < hierarchy_rank(
        "Explosions/Remote violence", "Shelling/artillery/missile attack"
    )


def test_fatality_rules() -> None:
    assert conservative([53, 40]) == 40
    assert conservative([]) is None
    assert belligerent_cap(300) == 10
    assert belligerent_cap(4) == 4


def test_confidence_rises_with_evidence_and_falls_with_hedging() -> None:
    full = confidence_score(0.8, actor1=True, actor2=True, place_rank=0, dated=True, extra_mentions=1)
    bare = confidence_score(0.8, actor1=False, actor2=False, place_rank=9, dated=False, extra_mentions=0)
    hedged = confidence_score(
        0.8, actor1=True, actor2=True, place_rank=0, dated=True, extra_mentions=1, hedged=True
    )
    assert 0.0 <= bare < hedged < full <= 1.0


def test_same_side_rules() -> None:
    from conflict_events.events import same_side

    army = Actor(id="a", name="Military Forces of Syria (2000-2024)", kind="state_forces", country="SY")
    gov = Actor(id="b", name="Government of Syria", kind="government", country="SY")
    hts = Actor(id="c", name="Hayat Tahrir al-Sham", kind="rebel_group", country="SY")
    uag = Actor(id="d", name="Unidentified Armed Group (Syria)", kind="political_militia", country="SY")
    civ = Actor(id="e", name="Civilians (Syria)", kind="civilians", country="SY")
    assert same_side(army, gov)  # the state, whatever body speaks for it
    assert same_side(uag, hts)  # unidentified gunmen may be the named group
    assert not same_side(army, hts)
    assert not same_side(civ, army)
