"""Who acted on whom, in notes and wire copy of regions nobody tuned for (issue 14, actors16).

Each sentence is written for the test in the style of ACLED's notes or of wire copy; each keeps one class of
error fixed: a group's canonical ACLED name, a state's force known by its own short name or by a common word in
its own country, a coalition's member acting as the coalition, a mission's national contingent, a named group
after "militants of", a tally of both sides that is no actor, and a claimant phrase around a known name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import Document, ExtractionResult, Pipeline


def _run(text: str, on: dt.date = dt.date(2024, 3, 10)) -> ExtractionResult:
    return Pipeline()(Document(id="s", text=text, date=on))


def _names(result: ExtractionResult) -> set[str]:
    return {a.name for a in result.actors}


def _actor1(result: ExtractionResult) -> list[str | None]:
    return [e.actor1.name if e.actor1 else None for e in result.events]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On 3 March 2024, CODECO militiamen attacked a displacement site near Fataki (Djugu, Ituri), killing"
            " six civilians.",
            "CODECO: Cooperative for Development of Congo",
        ),
        (
            "On 3 March 2024, UPC fighters looted shops and burned houses in Zemio (Haut-Mbomou).",
            "UPC: Unity for Peace in Central Africa",
        ),
        (
            "On 3 March 2024, FACA soldiers clashed with CPC rebels near Kaga-Bandoro (Nana-Grebizi).",
            "Military Forces of the Central African Republic (2016-)",
        ),
        (
            "On 3 March 2024, the 5 Segonn and Chen Mechan gangs fought over the Delmas 32 area of"
            " Port-au-Prince (Ouest).",
            "Chen Mechan Gang",
        ),
    ],
)
def test_canonical_names_of_groups_and_forces(text: str, name: str) -> None:
    assert name in _names(_run(text))


def test_rangers_are_thailands_forces_only_in_thailand() -> None:
    thai = _run(
        "On 3 March 2024, suspected insurgents opened fire on rangers guarding a school in Bacho district"
        " (Narathiwat). Two rangers were wounded."
    )
    assert "Military Forces of Thailand (2023-)" in _names(thai)
    kenyan = _run("On 3 March 2024, poachers shot dead two rangers in Tsavo East National Park (Taita Taveta), Kenya.")
    assert not any(n.startswith("Military Forces of") for n in _names(kenyan))


def test_saudi_forces_in_yemen_are_the_coalition_and_at_home_their_own() -> None:
    yemen = _run(
        "On 3 March 2024, Saudi forces fired artillery shells at Shada (Shada, Saada), Yemen, wounding three"
        " farmers."
    )
    assert _actor1(yemen) == ["Operation Restoring Hope"]
    home = _run("On 3 March 2024, Saudi forces intercepted a drone over Jizan, Saudi Arabia, the ministry said.")
    assert "Operation Restoring Hope" not in _names(home)


def test_a_negated_mission_in_brackets_leaves_the_forces_named() -> None:
    result = _run(
        "On 3 March 2025, Al Shabaab fired mortar shells at Ethiopian forces (non-AUSSOM) at a base in Luuq town"
        " (Luuq, Gedo). No casualties were reported.",
        dt.date(2025, 3, 6),
    )
    assert "Military Forces of Ethiopia (2018-)" in _names(result)


def test_a_missions_national_contingent() -> None:
    result = _run(
        "On 3 March 2025, Al Shabaab attacked AUSSOM ENDF troops at a base in Waajid town (Waajid, Bakool). Two"
        " soldiers were wounded.",
        dt.date(2025, 3, 6),
    )
    names = _names(result)
    assert "AUSSOM: Africa Union Support and Stabilisation Mission in Somalia (Ethiopia)" in names
    assert "Military Forces of Ethiopia (2018-)" not in names


def test_militants_of_a_named_group() -> None:
    result = _run(
        "On 3 March 2024, Israeli forces stormed Nur Shams camp (Tulkarm, West Bank) and exchanged fire with"
        " Palestinian militants of the Al-Quds Brigades. One militant was killed."
    )
    assert "PIJ: Palestinian Islamic Jihad" in _names(result)
    assert "Hamas Movement" not in _names(result)


def test_fighters_from_both_sides_are_no_actor() -> None:
    result = _run(
        "On 3 March 2024, Houthi forces attacked government positions near Harib (Marib). Eleven fighters from"
        " both sides were killed."
    )
    assert "Unidentified Armed Group (Yemen)" not in _names(result)


def test_a_claimant_phrase_around_a_named_group() -> None:
    result = _run(
        "MOGADISHU (Reuters) - Mortar shells hit a market near the port of Mogadishu on Sunday, killing three"
        " traders, police said.\nThe Al Qaeda-allied al Shabaab group claimed the attack on its radio station."
    )
    assert not any("group" in n for n in _names(result))
    assert "Al Shabaab" in _actor1(result)


def test_an_air_force_is_the_military_itself() -> None:
    result = _run(
        "On 3 March 2024, the Nigerian Air Force bombed a bandit camp in the Kamuku forest (Birnin Gwari, Kaduna),"
        " killing several bandits."
    )
    assert _actor1(result) == ["Military Forces of Nigeria (2023-)"]


def test_a_states_own_drones_in_what_it_reports() -> None:
    result = _run(
        "KYIV (Reuters) - Ukraine said on Saturday its drones had hit an ammunition depot near Toropets in Russia's"
        " Tver region, setting off explosions."
    )
    assert "Military Forces of Ukraine (2019-)" in _actor1(result)
