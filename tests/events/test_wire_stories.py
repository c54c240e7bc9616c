"""Whole-chain cases in the style of international wire stories (a headline, a dateline, paragraphs): how the
events step reads a story told over several paragraphs. Our own sentences, no development-set text."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import Document, Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline: Pipeline, text: str, date: dt.date = dt.date(2025, 6, 17)) -> list[tuple[str, str | None]]:
    result = pipeline(Document(id="w", text=text, date=date))
    return [(e.sub_event_type, e.location.name if e.location else None) for e in result.events]


def test_a_place_people_fled_to_is_not_where_the_fighting_was(pipeline: Pipeline) -> None:
    text = (
        "Militias clash in eastern Congo\n\n"
        "GOMA, Congo (AP) — Fighting broke out on Monday between two militias in Masisi territory, local leaders"
        " said.\n\nThe clashes forced hundreds of families to flee toward Sake, a civil society leader said."
    )
    assert [place for sub, place in _events(pipeline, text) if sub == "Armed clash"] != ["Sake"]


def test_one_strike_told_by_the_struck_and_by_the_striker(pipeline: Pipeline) -> None:
    text = (
        "Air strikes hit northern Yemen\n\n"
        "DUBAI (Reuters) - U.S. air strikes hit the province of Saada overnight, killing four people, the"
        " Houthi-run health ministry said on Monday.\n\n"
        "The U.S. military said it had struck Houthi command sites."
    )
    assert [sub for sub, _ in _events(pipeline, text, dt.date(2025, 3, 17))] == ["Air/drone strike"]


def test_what_a_group_keeps_doing_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill two in Kaduna\n\n"
        "KADUNA, Nigeria (Reuters) - Gunmen killed two farmers in Kajuru on Sunday, police said.\n\n"
        "Armed gangs have kidnapped villagers in the region for years, and attacks on farmers have risen this year."
    )
    assert [sub for sub, _ in _events(pipeline, text)] == ["Attack"]


def test_the_toll_in_the_next_paragraph_is_the_ledes(pipeline: Pipeline) -> None:
    text = (
        "Militants attack police post in Pakistan\n\n"
        "PESHAWAR (Reuters) - Militants attacked a police post in Tank district late on Sunday, killing three"
        " policemen, officials said.\n\n"
        "Two attackers were killed when police fired back, the district police chief said."
    )
    result = pipeline(Document(id="w", text=text, date=dt.date(2025, 6, 16)))
    assert [e.fatalities.value if e.fatalities else None for e in result.events] == [5]


def test_the_town_is_the_one_named_before(pipeline: Pipeline) -> None:
    text = (
        "Rebels take town in Myanmar\n\n"
        "BANGKOK (Reuters) - Rebel fighters captured the town of Kyaukme in Shan state on Tuesday after days of"
        " fighting, a spokesman said.\n\n"
        "Residents said air force jets bombed the centre of the town on Wednesday morning."
    )
    places = {sub: place for sub, place in _events(pipeline, text, dt.date(2025, 6, 18))}
    assert places.get("Air/drone strike") == "Kyaukme"


def test_a_town_a_distance_is_measured_from_is_not_where_it_happened(pipeline: Pipeline) -> None:
    text = (
        "Army and rebels clash in northern Mali\n\n"
        "BAMAKO (Reuters) - Rebels and the Malian army fought on Sunday near the village of Tarkint, about 120 km"
        " of Timbuktu, both sides said."
    )
    places = [place for sub, place in _events(pipeline, text, dt.date(2023, 9, 18)) if sub == "Armed clash"]
    assert places == ["Tarkint"]


@pytest.mark.parametrize(
    "marker", ["including", "among them", "among whom", "of whom"],
)
def test_a_part_named_after_the_toll_is_not_added(pipeline: Pipeline, marker: str) -> None:
    text = (
        "Guided bombs hit a factory in Dnipro on Thursday. The strike killed five people, "
        f"{marker} two of the plant's guards."
    )
    result = pipeline(Document(id="w", text=text, date=dt.date(2025, 4, 11)))
    assert [e.fatalities.value if e.fatalities else None for e in result.events] == [5]


def test_a_headline_without_a_doer_is_the_storys_event(pipeline: Pipeline) -> None:
    text = (
        "Gunman kills nurse in Bambari\n\n"
        "BANGUI (Reuters) - An army sniper shot dead a nurse as she walked to the clinic in Bambari on Sunday,"
        " the hospital said."
    )
    result = pipeline(Document(id="w", text=text, date=dt.date(2025, 3, 10)))
    assert [(e.sub_event_type, e.fatalities.value if e.fatalities else None) for e in result.events] == [
        ("Attack", 1)
    ]


def test_a_reaction_on_one_day_to_an_attack_on_another(pipeline: Pipeline) -> None:
    text = (
        "Somalia condemns shelling of Baidoa\n\n"
        "MOGADISHU (AFP) - Somalia's federal government on Monday condemned the Al Shabaab shelling of a district"
        " of Baidoa on Saturday, which it said killed six children."
    )
    result = pipeline(Document(id="w", text=text, date=dt.date(2025, 3, 10)))
    assert [e.date.start for e in result.events] == [dt.date(2025, 3, 8)]


def test_what_the_detained_had_done_before_is_background(pipeline: Pipeline) -> None:
    text = (
        "Taliban detain four women in Kabul\n\n"
        "KABUL (Reuters) - Taliban intelligence officers detained four women at their homes in Kabul on Sunday,"
        " the U.N. mission said.\n\n"
        "Relatives said the women had taken part in small protests against the ban on girls' schooling."
    )
    assert "Peaceful protest" not in [sub for sub, _ in _events(pipeline, text)]


def test_a_curfew_after_the_riot_is_no_event_of_its_own(pipeline: Pipeline) -> None:
    text = (
        "Riot in central Nigerian town\n\n"
        "JOS, Nigeria (Reuters) - Youths burned shops and homes in Bukuru on Tuesday after a dispute between"
        " traders, police said.\n\n"
        "The state government imposed a 24-hour curfew on the town, a spokesman said."
    )
    assert "Change to group/activity" not in [sub for sub, _ in _events(pipeline, text)]


def test_a_headline_battle_told_again_with_another_verb(pipeline: Pipeline) -> None:
    text = (
        "Ukraine repels Russian assaults near Kupiansk\n\n"
        "KYIV (Reuters) - Ukrainian troops fought off a series of Russian assaults near Kupiansk on Tuesday, the"
        " general staff said."
    )
    assert [sub for sub, _ in _events(pipeline, text)] == ["Armed clash"]


def test_a_capture_told_with_the_other_sides_retreat_abroad_is_one_transfer(pipeline: Pipeline) -> None:
    text = (
        "KABUL (Reuters) - Taliban fighters took control of the Islam Qala crossing in Kohsan district on Monday"
        " after Afghan security forces retreated into Iran, officials said."
    )
    assert _events(pipeline, text) == [("Non-violent transfer of territory", "Kuhsan")]


# -- lead8 (2026-12-07, eighth session): classes found on the sixth held-out wire batch -------------------------


def test_the_wars_toll_since_a_year_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Cameroon troops kill three separatists\n\n"
        "YAOUNDE (Reuters) - Soldiers killed three separatist fighters in a gunfight near Ndop on Tuesday, the"
        " defence ministry said.\n\n"
        "Fighting between the army and separatist groups has killed more than 6,000 people since 2017, according"
        " to rights groups."
    )
    assert [sub for sub, _ in _events(pipeline, text, dt.date(2025, 2, 12))] == ["Armed clash"]


def test_a_country_named_as_the_far_side_of_a_border_is_not_the_place(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill 9 villagers near Mali border\n\n"
        "NIAMEY (Reuters) - Gunmen on motorbikes attacked the village of Inates in western Niger on Monday, shooting"
        " dead nine farmers, the interior ministry said on Tuesday."
    )
    assert _events(pipeline, text, dt.date(2025, 6, 24)) == [("Attack", "Inates")]


def test_a_month_long_gone_told_after_the_lede_is_history(pipeline: Pipeline) -> None:
    text = (
        "Drone strike kills 11 at Mali market\n\n"
        "BAMAKO (Reuters) - A drone strike hit a cattle market in Tenenkou on Tuesday, killing at least 11 people,"
        " a local official said.\n\n"
        "In March, a similar strike near the town of Macina killed several people, rights groups said at the time."
    )
    assert [place for _, place in _events(pipeline, text, dt.date(2025, 11, 19))] == ["Tenenkou"]


def test_an_ongoing_push_of_recent_months_is_still_news(pipeline: Pipeline) -> None:
    text = (
        "Russian forces pressed on with attacks across eastern Ukraine on Sunday, the general staff said.\n\n"
        "Advancing in recent months, they are continuing with an attempt to take the city of Kostiantynivka."
    )
    assert any(place and place.startswith("Kost") for _, place in _events(pipeline, text, dt.date(2025, 1, 5)))


def test_a_ships_flag_is_not_where_it_was_seized(pipeline: Pipeline) -> None:
    text = "Pirates hijacked a Liberia-flagged tanker on Monday, the navy said."
    assert _events(pipeline, text, dt.date(2025, 11, 10)) == [("Abduction/forced disappearance", None)]


def test_a_headline_of_two_stories_gives_each_its_own_place(pipeline: Pipeline) -> None:
    # the half after the semicolon is its own sentence: the drone attack takes neither the clash's province nor
    # its toll, and joins the drone strike its story tells two paragraphs down
    text = (
        "Clash between army and ELN rebels kills four in Colombia's Arauca; drone attack in Narino\n\n"
        "BOGOTA (Reuters) - Soldiers and fighters of the National Liberation Army (ELN) clashed in a rural area of"
        " Saravena municipality in northeastern Colombia on Saturday, leaving four people dead, the army said.\n\n"
        "The region has seen fighting between armed groups for control of smuggling routes.\n\n"
        "In the southwestern province of Narino, a drone dropped explosives on a police post in Barbacoas on Sunday,"
        " wounding three officers, police said."
    )
    events = _events(pipeline, text, dt.date(2025, 7, 21))
    assert sorted(events) == [("Air/drone strike", "Barbacoas"), ("Armed clash", "Saravena")]


def test_a_campaign_told_in_the_perfect_progressive_is_no_event(pipeline: Pipeline) -> None:
    # "has been fighting" with no date of its own: what a group keeps doing, not one clash
    text = (
        "Gunmen kill two police officers in western Mexico\n\n"
        "MORELIA, Mexico (Reuters) - Gunmen killed two police officers at a checkpoint in Apatzingan on Sunday,"
        " state officials said.\n\n"
        "Officials blamed the Sinaloa Cartel, which has been fighting rival gangs for control of the region's"
        " avocado trade and has increasingly used drones against the security forces."
    )
    assert [sub for sub, _ in _events(pipeline, text, dt.date(2025, 9, 15))] == ["Armed clash"]


def test_a_plan_dated_after_the_report_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Air strike kills nine in Sudan's Kordofan\n\n"
        "PORT SUDAN (Reuters) - An air strike hit a market in the town of Dilling on Sunday, killing nine people,"
        " medics said.\n\n"
        "Envoys of four countries are due to meet next week to push their plan for a humanitarian truce, which"
        " the army has so far rejected."
    )
    assert [sub for sub, _ in _events(pipeline, text, dt.date(2025, 12, 8))] == ["Air/drone strike"]


def test_a_court_ruling_on_an_earlier_decree_is_no_event(pipeline: Pipeline) -> None:
    text = (
        "Peru's top court sides with president on extortion crackdown\n\n"
        "LIMA (Reuters) - Peru's Constitutional Court on Tuesday upheld a state of emergency declared by the"
        " president in three northern provinces, ruling that a wave of extortion killings justified the measure."
    )
    assert _events(pipeline, text, dt.date(2025, 10, 8)) == []


def test_a_taking_headlined_as_a_capture_and_told_as_unopposed_is_one_transfer(pipeline: Pipeline) -> None:
    text = (
        "Militia takes gold town in Ituri after army pulls out\n\n"
        "BUNIA, Congo (AFP) - Fighters of a local militia took control of the mining town of Komanda in Ituri"
        " province on Saturday without a shot being fired, residents said on Sunday.\n\n"
        "The army had withdrawn its troops from the town on Friday evening, an official said."
    )
    assert _events(pipeline, text, dt.date(2025, 12, 15)) == [("Non-violent transfer of territory", "Komanda")]
