"""Actors on text of regions and years the development sets do not hold (issue 14, item 3, round actors15).

Every sentence is our own, written in the style of international wire copy; each test keeps one class of
naming right: a group the text says did not claim an attack is not its author, a junta is the forces of
its own country, and the state forces and named armed groups of current conflicts come out by the names
ACLED gives them.
"""

from __future__ import annotations

import datetime as dt

from conflict_events import Document, ExtractionResult, Pipeline


def _run(text: str, on: dt.date = dt.date(2025, 6, 10)) -> ExtractionResult:
    return Pipeline()(Document(id="u", text=text, date=on))


def _names(result: ExtractionResult) -> set[str]:
    return {a.name for a in result.actors}


def _actor1(result: ExtractionResult) -> list[str]:
    return [e.actor1.name for e in result.events if e.actor1]


def test_group_that_did_not_claim_is_not_the_author() -> None:
    result = _run(
        "NIAMEY, June 9 (Reuters) - Suspected jihadists killed nine soldiers in an attack on a military post near "
        "Tera in western Niger on Sunday, the army said.\n\nIslamic State Sahel Province, which operates in the "
        "region, did not claim the attack."
    )
    assert _actor1(result) == ["Unidentified Armed Group (Niger)"]


def test_group_that_denied_is_not_the_author() -> None:
    result = _run(
        "Militants stormed a police station in Mandera county in northeastern Kenya on Monday, killing three "
        "officers. Al Shabaab denied involvement in the raid."
    )
    assert "Al Shabaab" not in _actor1(result)


def test_group_named_before_is_still_the_author() -> None:
    result = _run(
        "JNIM fighters attacked an army post near Djibo in northern Burkina Faso on Sunday. The jihadists "
        "killed 12 soldiers, security sources said."
    )
    assert "JNIM: Group for Support of Islam and Muslims" in _actor1(result)


def test_military_junta_is_the_home_state_outside_myanmar() -> None:
    result = _run(
        "BAMAKO, June 9 (AFP) - Mali's military junta dissolved all political parties on Monday, state "
        "television reported."
    )
    assert "Military Forces of Myanmar (2021-)" not in _names(result)


def test_junta_forces_are_myanmars_in_myanmar() -> None:
    result = _run("Junta forces shelled a village in Sagaing region of Myanmar on Monday, killing four civilians.")
    assert "Military Forces of Myanmar (2021-)" in _names(result)


# One sentence per region of current conflicts, in wire style, with the name ACLED gives the force or
# group it names (state forces by their unit's state and branch; groups by their catalogue name).
REGIONS = [
    (
        "sudan",
        "Minni Minawi's forces repelled an RSF assault on El Fasher in North Darfur on Sunday, a spokesman said.",
        "SLM/A-MM: Sudan Liberation Movement/Army-Minni Minawi",
    ),
    (
        "myanmar",
        "The Arakan Army said on Monday it had captured a battalion headquarters in Rakhine State's Buthidaung.",
        "ULA/AA: United League of Arakan/Arakan Army",
    ),
    (
        "myanmar-wa",
        "Fighters of the United Wa State Army deployed near Tangyan in Myanmar's Shan State on Friday.",
        "UWSA: United Wa State Army",
    ),
    (
        "myanmar-rohingya",
        "ARSA fighters clashed with the Arakan Army near Maungdaw in western Myanmar on Tuesday.",
        "ARSA: Arakan Rohingya Salvation Army",
    ),
    (
        "drc",
        "Mobondo militiamen attacked a village in Kwamouth territory of western Congo on Saturday, killing six.",
        "Mobondo Militia",
    ),
    (
        "burundi",
        "Members of the Imbonerakure beat two opposition activists in Burundi's Cibitoke province on Sunday.",
        "Imbonerakure",
    ),
    (
        "mozambique",
        "SADC troops killed 12 insurgents near Macomia in Mozambique's Cabo Delgado province on Monday.",
        "SAMIM: Southern African Development Community Mission in Mozambique",
    ),
    (
        "nigeria",
        "Troops of Operation Hadin Kai killed 15 insurgents near Bama in Nigeria's Borno State, the army said.",
        "Military Forces of Nigeria (2023-)",
    ),
    (
        "cameroon",
        "Soldiers of the Rapid Intervention Battalion killed four separatists near Bamenda in Cameroon on Friday.",
        "Military Forces of Cameroon (1982-)",
    ),
    (
        "kenya",
        "General Service Unit officers fired tear gas at protesters in Nairobi, Kenya on Tuesday.",
        "Police Forces of Kenya (2022-)",
    ),
    (
        "yemen",
        "Giants Brigades fighters clashed with the Houthis near Harib in Yemen's Marib province on Sunday.",
        "Military Forces of Yemen (2022-)",
    ),
    (
        "syria",
        "General Security forces arrested three men in Homs, Syria on Monday, the interior ministry said.",
        "Police Forces of Syria (2024-)",
    ),
    (
        "iraq",
        "Kurdish Peshmerga forces repelled an Islamic State attack near Makhmour in northern Iraq on Monday.",
        "Military Forces of Iraq (2022-)",
    ),
    (
        "iran",
        "The Islamic Revolutionary Guard Corps said it had struck militants in Iraq's Kurdistan region.",
        "Military Forces of Iran (1989-)",
    ),
    (
        "lebanon",
        "Amal Movement fighters exchanged fire with Israeli troops near the border town of Khiam in Lebanon.",
        "Amal Movement",
    ),
    (
        "turkey",
        "Turkish intelligence killed a senior PKK commander in a drone strike in Iraq's Sulaimaniyah province.",
        "Police Forces of Turkey (2016-)",
    ),
    (
        "ukraine",
        "The National Guard of Ukraine said its drones destroyed a Russian tank near Pokrovsk on Monday.",
        "Military Forces of Ukraine (2019-)",
    ),
    (
        "russia",
        "Fighters of the Russian Volunteer Corps crossed into Russia's Belgorod region on Tuesday.",
        "RDK: Russian Volunteer Corps",
    ),
    (
        "pakistan",
        "Frontier Corps soldiers killed five militants in a raid in Pakistan's Balochistan province on Sunday.",
        "Military Forces of Pakistan (2024-)",
    ),
    (
        "pakistan-ttp",
        "Security forces killed eight militants of Fitna al-Khawarij in North Waziristan, Pakistan's army said.",
        "TTP: Tehreek-i-Taliban Pakistan",
    ),
    (
        "india",
        "Border Security Force troops shot dead a smuggler on the border with Bangladesh in West Bengal, India.",
        "Military Forces of India (2014-)",
    ),
    (
        "india-manipur",
        "Members of the Arambai Tenggol torched houses in a village in Manipur, India on Sunday.",
        "Arambai Tenggol",
    ),
    (
        "bangladesh",
        "The Rapid Action Battalion arrested three men in Dhaka, Bangladesh on Friday.",
        "Police Forces of Bangladesh (2024-)",
    ),
    (
        "venezuela-intelligence",
        "Agents of SEBIN detained a student leader at his home in Maracaibo, Venezuela on Monday night.",
        "Police Forces of Venezuela (1999-)",
    ),
    (
        "philippines",
        "Soldiers of the Armed Forces of the Philippines clashed with Dawlah Islamiyah militants in Lanao del Sur.",
        "Dawlah Islamiyah - Maute Group",
    ),
    (
        "indonesia",
        "The West Papua National Liberation Army said it shot dead two soldiers in Intan Jaya, Papua.",
        "TPNPB: West Papua National Liberation Army",
    ),
    (
        "colombia",
        "Fighters of the Comandos de la Frontera clashed with FARC dissidents in Putumayo, Colombia on Monday.",
        "Comandos de la Frontera",
    ),
    (
        "mexico",
        "Gunmen of Los Chapitos ambushed a convoy of the rival faction in Culiacan, Mexico on Sunday.",
        "Sinaloa Cartel",
    ),
    (
        "haiti",
        "The Kraze Barye gang attacked police officers in Port-au-Prince, Haiti on Wednesday.",
        "Vitelhomme Gang",
    ),
    (
        "ecuador",
        "Members of Los Tiguerones killed two prison guards in Guayaquil, Ecuador on Sunday.",
        "Los Tiguerones Gang",
    ),
    (
        "palestine",
        "AAMB gunmen opened fire on an Israeli army post near Tulkarm in the occupied West Bank on Monday.",
        "Al Aqsa Martyrs Brigade",
    ),
    (
        "ethiopia",
        "The Oromo Liberation Army said its fighters killed 12 soldiers in western Oromia on Sunday.",
        "OLF: Oromo Liberation Front (Shane Splinter Faction)",
    ),
    (
        "syria-north",
        "Turkish-backed Syrian National Army factions shelled villages near Manbij in northern Syria.",
        "JWS: Syrian National Army",
    ),
    (
        "libya",
        "Fighters of the 444th Brigade clashed with the Special Deterrence Force in Tripoli, Libya overnight.",
        "Military Forces of Libya (2014-)",
    ),
]


def test_region_names_come_out() -> None:
    missing = [(region, want) for region, text, want in REGIONS if want not in _names(_run(text))]
    assert missing == []


def test_local_militiamen_are_their_places_and_not_the_bandits() -> None:
    result = _run(
        "On 3 May 2025, bandits attacked Kutigi in Lavun LGA, Niger State, but were repelled by local militiamen."
    )
    sides = [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in result.events]
    assert sides == [("Unidentified Armed Group (Nigeria)", "Kutigi Communal Militia (Nigeria)")]


def test_named_communal_militia_and_bandits_are_two_sides() -> None:
    result = _run("A Niger communal militia clashed with bandits near Kutigi in Nigeria's Niger State on Friday.")
    sides = [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in result.events]
    assert sides == [("Niger Communal Militia (Nigeria)", "Unidentified Armed Group (Nigeria)")]


def test_al_shabaab_in_cabo_delgado_is_mozambiques_insurgency() -> None:
    result = _run(
        "Islamist insurgents, known locally as al-Shabaab, attacked Macomia in Mozambique's Cabo Delgado "
        "province on Sunday, killing four soldiers."
    )
    names = _names(result)
    assert "Islamic State (Mozambique)" in names
    assert "Al Shabaab" not in names


def test_al_shabaab_elsewhere_stays_somalias() -> None:
    for text in (
        "al-Shabaab fighters attacked a military base near Afgoye on Monday, and SNA troops repelled them.",
        "Al Shabaab militants killed three police officers in Mandera county, Kenya on Sunday.",
    ):
        names = _names(_run(text))
        assert "Al Shabaab" in names
        assert "Islamic State (Mozambique)" not in names
    assert "Military Forces of Somalia (2022-)" in _names(_run("Al-Shabaab fighters and SNA troops clashed."))


def test_local_militiamen_in_borno_are_the_civilian_jtf() -> None:
    result = _run(
        "On 12 May 2025, ISWAP fighters clashed with local militiamen at Gur (Biu LGA, Borno), killing four militiamen."
    )
    sides = [(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in result.events]
    assert sides == [("Islamic State (West Africa)", "Civilian JTF: Civilian Joint Task Force")]
