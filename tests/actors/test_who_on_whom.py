"""Who acted on whom (issue 14, item 3, round actors16).

Every sentence is our own, in the style of ACLED's notes or wire copy; each test keeps one class of the
seventh round right: the side whose vehicle struck a device is its target, two crowds that fight are
rioters on both sides, a note labelled a looting takes from civilians, armed men from an area held by one
people are its militia, Myanmar's local defence forces are the unidentified anti-coup group, and Israeli
settlers who seize land are `Settlers (Israel)` while their riots stay `Rioters (Israel)`.
"""

from __future__ import annotations

import datetime as dt

from conflict_events import Document, Event, ExtractionResult, Pipeline


def _run(text: str, on: dt.date = dt.date(2024, 5, 10)) -> ExtractionResult:
    return Pipeline()(Document(id="w", text=text, date=on))


def _lead(result: ExtractionResult) -> Event:
    return max(result.events, key=lambda e: e.confidence)


def _sides(event: Event) -> tuple[str | None, str | None]:
    return (event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None)


def test_vehicle_that_struck_a_device_is_the_target() -> None:
    event = _lead(
        _run(
            "On 6 April 2021, a Burkinabe army vehicle hit an IED near Kantchari (Tapoa). Three soldiers were "
            "killed. The device was likely planted by JNIM militants.",
            dt.date(2021, 4, 12),
        )
    )
    jnim, army = "JNIM: Group for Support of Islam and Muslims", "Military Forces of Burkina Faso (2015-2022)"
    assert _sides(event) == (jnim, army)


def test_force_named_vehicle_is_no_civilians() -> None:
    event = _lead(
        _run(
            "On 2 February 2021, a French Barkhane force vehicle struck a landmine near Gossi. No casualties were "
            "reported. The device was likely planted by JNIM militants.",
            dt.date(2021, 2, 8),
        )
    )
    assert _sides(event) == ("JNIM: Group for Support of Islam and Muslims", "Military Forces of France (2017-)")


def test_two_crowds_that_fight_are_rioters_on_both_sides() -> None:
    event = _lead(
        _run(
            "On 14 March 2021, supporters of two rival candidates clashed with sticks and stones in Daloa. Several "
            "people were injured.",
            dt.date(2021, 3, 20),
        )
    )
    assert (event.sub_event_type, *_sides(event)) == ("Mob violence", "Rioters (Ivory Coast)", "Rioters (Ivory Coast)")


def test_mob_on_a_victim_is_not_a_brawl() -> None:
    event = _lead(_run("On 14 March 2021, a mob beat two men accused of theft in Daloa.", dt.date(2021, 3, 20)))
    assert _sides(event) == ("Rioters (Ivory Coast)", "Civilians (Ivory Coast)")


def test_labelled_looting_takes_from_civilians() -> None:
    event = _lead(
        _run("Looting: On 3 May 2024, presumed JNIM militants seized three motorbikes near Djibo (Soum).")
    )
    assert _sides(event) == ("JNIM: Group for Support of Islam and Muslims", "Civilians (Burkina Faso)")


def test_attackers_from_a_peoples_area_are_its_militia() -> None:
    event = _lead(
        _run(
            "JUBA, May 9 - Armed raiders from the Greater Pibor Administrative Area attacked cattle camps near Bor "
            "in Jonglei state on Wednesday, killing eight herders and taking hundreds of cattle, officials said."
        )
    )
    assert event.actor1 is not None and event.actor1.name == "Murle Ethnic Militia (South Sudan)"


def test_attackers_in_the_area_stay_unidentified() -> None:
    result = _run(
        "JUBA, May 9 - Armed raiders attacked cattle camps in the Greater Pibor Administrative Area on Wednesday, "
        "killing eight herders, officials said."
    )
    assert "Murle Ethnic Militia (South Sudan)" not in {a.name for a in result.actors}


def test_local_defence_force_is_the_unidentified_anti_coup_group() -> None:
    event = _lead(
        _run(
            "On 2 May 2024, a local people's defense force ambushed a Myanmar military column near Kani town "
            "(Kani township, Sagaing region). Casualties unknown."
        )
    )
    assert event.actor1 is not None and event.actor1.name == "Unidentified Anti-Coup Armed Group"


def test_settlers_who_seize_land_and_settlers_who_riot() -> None:
    seizure = _lead(
        _run(
            "Land seizure: On 2 May 2024, Israeli settlers fenced off 40 dunams of Palestinian-owned land near "
            "Turmus Ayya (Ramallah, West Bank)."
        )
    )
    riot = _lead(
        _run(
            "On 2 May 2024, Israeli settlers attacked Palestinian farmers with stones and clubs in Burin (Nablus, "
            "West Bank), injuring three."
        )
    )
    assert seizure.actor1 is not None and seizure.actor1.name == "Settlers (Israel)"
    assert _sides(riot) == ("Rioters (Israel)", "Civilians (Palestine)")


def test_interception_names_the_launcher_as_actor2() -> None:
    event = _lead(
        _run(
            "Interception: On 2 May 2024, the Iron Dome intercepted a rocket over the area of Metula (Zefat, "
            "HaZafon). The rocket was likely fired by Hezbollah."
        )
    )
    assert _sides(event) == ("Military Forces of Israel (2022-)", "Hezbollah")


def test_unknown_men_who_clashed_among_themselves_are_both_sides() -> None:
    event = _lead(
        _run(
            "On 2 May 2024, unknown gunmen clashed in the Hayaniya area of Basra city, Basrah. Local police "
            "intervened and arrested two of them. There were no fatalities."
        )
    )
    assert _sides(event) == ("Unidentified Armed Group (Iraq)", "Unidentified Armed Group (Iraq)")


def test_a_brawl_with_its_injured_is_rioters_on_both_sides() -> None:
    event = _lead(
        _run(
            "On 2 May 2024, supporters of two rival union council candidates clashed in Sreenagar upazila "
            "(Munshiganj, Dhaka) over the control of a local market. At least 12 people were injured."
        )
    )
    assert _sides(event) == ("Rioters (Bangladesh)", "Rioters (Bangladesh)")


def test_soldiers_who_harm_civilians_are_the_state_forces() -> None:
    event = _lead(
        _run(
            "On 2 May 2024, soldiers shot and killed a civilian who failed to stop at a checkpoint in the town of "
            "Kaya (Kaya, Sanmatenga)."
        )
    )
    assert _sides(event) == ("Military Forces of Burkina Faso (2022-)", "Civilians (Burkina Faso)")


def test_two_states_striking_each_other_keep_their_own_sides() -> None:
    result = _run(
        "India says it hit militant camps in Pakistan\n\n"
        "NEW DELHI (Reuters) - India's army said on Wednesday it had carried out strikes on militant camps inside "
        "Pakistan, a day after Pakistan fired artillery shells at army posts in India.\n\n"
        "Pakistan's foreign ministry condemned the strikes, which it said killed seven people, including two "
        "children, in a village near the town of Kotli.",
        dt.date(2025, 5, 7),
    )
    by_actor = {e.actor1.name: e for e in result.events if e.actor1 is not None}
    india = by_actor.get("Military Forces of India (2014-)")
    pakistan = by_actor.get("Military Forces of Pakistan (2024-)")
    assert india is not None and india.location is not None and india.location.name == "Kotli"
    assert india.fatalities is not None and india.fatalities.value == 7
    assert pakistan is not None and pakistan.location is not None and pakistan.location.country == "IN"


def test_donetsk_militia_is_no_side_of_ukraine() -> None:
    event = _lead(
        _run("On 3 May 2024, Ukrainian military forces shelled DPR's forces in Horlivka, Donetsk. Casualties unknown.")
    )
    dpr = "Military Forces of Russia (2000-) Donetsk People's Militia"
    assert _sides(event) == ("Military Forces of Ukraine (2019-)", dpr)


def test_two_countries_forces_that_clashed_are_both_sides() -> None:
    clash = _lead(_run("On 3 May 2024, Russian and Ukrainian military forces clashed near Robotyne, Zaporizhia."))
    allies = _lead(
        _run("On 3 May 2021, Malian and French forces clashed with JNIM militants near Boni.", dt.date(2021, 5, 8))
    )
    assert _sides(clash) == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")
    assert _sides(allies) == ("Military Forces of Mali (2020-)", "JNIM: Group for Support of Islam and Muslims")


def test_police_operatives_are_the_police() -> None:
    text = "On 8 April 2021, gunmen clashed with police operatives in Mbieri (Mbaitoli LGA, Imo)."
    result = _run(text, dt.date(2021, 4, 9))
    assert "Police Forces of Nigeria (2015-2023)" in {a.name for a in result.actors}


def test_herders_who_fought_back_are_their_militia() -> None:
    text = "On 9 February 2021, Amotekun Corps operatives clashed with Fulani pastoralists at Irese (Owo, Ondo)."
    assert _sides(_lead(_run(text, dt.date(2021, 2, 12)))) == ("Amotekun Corps", "Fulani Ethnic Militia (Nigeria)")


def test_a_possessive_role_noun_is_the_side_that_acted() -> None:
    # "gunmen's attack": the possessive is a whole phrase of its own, not a modifier of another role noun
    result = _run("Villagers in central Nigeria mourned 14 people killed in the gunmen's raid on Kwall on Sunday.",
                  dt.date(2025, 10, 21))
    names = {a.name for a in result.actors}
    assert "Unidentified Armed Group (Nigeria)" in names
    assert any(m.text == "gunmen" for a in result.actors for m in a.mentions)


def test_armed_men_from_a_named_community_are_its_militia() -> None:
    # "from the Murle community" after the noun qualifies it as "Murle youths" before it does
    event = _lead(_run("On 19 February 2022, armed youths from the Murle community raided Pibor (Jonglei state) and "
                       "abducted four children.", dt.date(2022, 2, 21)))
    assert event.actor1 is not None and event.actor1.name == "Murle Ethnic Militia (South Sudan)"
