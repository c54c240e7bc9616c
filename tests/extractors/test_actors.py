"""The actors extractor on sentences from many conflicts, checked against ACLED's naming rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from conflict_events import rules
from conflict_events.actors import ruler_patterns
from conflict_events.draft import Draft
from conflict_events.errors import LexiconError, PipelineError
from conflict_events.extractor import Extractor
from conflict_events.extractors.actors import ActorExtractor
from conflict_events.schema import Actor, Document, Location, Span

EXTRACTOR = ActorExtractor()
CATALOGUE = rules.catalogue()


def run(
    nlp: Language,
    text: str,
    date: str,
    places: dict[str, str] | None = None,
    extractor: ActorExtractor = EXTRACTOR,
) -> dict[str, Actor]:
    """Actors by name; ``places`` stand in for the locations extractor (name -> country)."""
    draft = Draft(Document(id="t", text=text, date=dt.date.fromisoformat(date)))
    for i, (place, code) in enumerate((places or {}).items()):
        start = text.index(place)
        draft.locations.append(
            Location(
                id=f"l{i}",
                name=place,
                kind="settlement",
                country=code,
                geo_precision=1,
                mentions=(Span.of(text, start, start + len(place)),),
            )
        )
    draft = extractor(nlp(text), draft)
    for actor in draft.actors:
        assert actor.mentions, actor
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
        # every actor says which named rule named it
        named = [d.rule for d in actor.provenance if d.field == "name"]
        assert len(named) == 1 and named[0] in CATALOGUE, (actor.name, actor.provenance)
        assert CATALOGUE[named[0]].decides == "actor.name"
    names = [a.name for a in draft.actors]
    assert len(names) == len(set(names)), names
    return {a.name: a for a in draft.actors}


def texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_protocol_and_registration() -> None:
    assert isinstance(EXTRACTOR, Extractor)
    assert EXTRACTOR.name == "conflict_events.actors.v1"
    assert EXTRACTOR.requires == {"locations"} and EXTRACTOR.provides == {"actors"}


def test_state_forces_from_demonyms_capitals_and_possessives(nlp: Language) -> None:
    text = (
        "The Ukrainian military launched a new offensive in the Kursk region as Moscow's forces pushed into "
        "eastern Ukraine. North Korean soldiers were seen near Sudzha. Ukraine's military denied it."
    )
    actors = run(nlp, text, "2025-01-05", {"Kursk": "RU", "Sudzha": "RU"})
    ua = actors["Military Forces of Ukraine (2019-)"]
    assert (ua.kind, ua.country) == ("state_forces", "UA")
    assert texts(ua) == ["Ukrainian military", "Ukraine's military"]
    assert texts(actors["Military Forces of Russia (2000-)"]) == ["Moscow's forces"]
    assert actors["Military Forces of North Korea"].country == "KP"


def test_regime_years_follow_the_article_date(nlp: Language) -> None:
    text = "Nigerian troops repelled an attack in Borno, the army said."
    assert "Military Forces of Nigeria (2015-2023)" in run(nlp, text, "2018-12-24", {"Borno": "NG"})
    assert "Military Forces of Nigeria (2023-)" in run(nlp, text, "2024-06-01", {"Borno": "NG"})


@pytest.mark.parametrize(
    ("text", "places", "name", "country"),
    [
        ("Suspected NPA rebels torched a logging truck in Catubig on Tuesday.", {"Catubig": "PH"},
         "NPA: New People's Army", "PH"),
        ("Soldiers killed two Lashkar-e-Taiba militants in a gunfight in Sopore.", {"Sopore": "IN"},
         "LeT: Lashkar-e-Taiba", "PK"),
        ("Gunmen of the Viv Ansanm coalition burned houses in Mirebalais.", {"Mirebalais": "HT"},
         "Viv Ansanm", "HT"),
        ("Members of the Gulf Cartel clashed with soldiers in Reynosa.", {"Reynosa": "MX"}, "Gulf Cartel", "MX"),
    ],
)
def test_armed_groups_of_other_regions_are_named(
    nlp: Language, text: str, places: dict[str, str], name: str, country: str
) -> None:
    actors = run(nlp, text, "2024-05-14", places)
    assert name in actors and actors[name].country == country


def test_communist_rebels_in_the_philippines_are_the_npa(nlp: Language) -> None:
    text = "Communist rebels ambushed an army patrol in Las Navas, the military said."
    assert "NPA: New People's Army" in run(nlp, text, "2024-05-14", {"Las Navas": "PH"})
    # elsewhere the words name no group
    assert "NPA: New People's Army" not in run(nlp, text.replace("Las Navas", "Kidal"), "2024-05-14", {"Kidal": "ML"})


def test_sudan_army_and_rsf(nlp: Language) -> None:
    text = (
        "Fighting between the Sudanese army and the Rapid Support Forces continued in Omdurman, "
        "residents said. "
        "The RSF said it had shot down a fighter jet."
    )
    actors = run(nlp, text, "2023-05-02", {"Omdurman": "SD"})
    assert "Military Forces of Sudan (2019-)" in actors
    rsf = actors["Rapid Support Forces"]
    assert rsf.country == "SD" and "RSF" in texts(rsf) and "it" in texts(rsf)
    assert actors["Residents (Sudan)"].kind == "civilians"


def test_gaza_victims_groups_and_ministries(nlp: Language) -> None:
    text = (
        "Israeli strikes killed 20 Palestinians in Rafah, the Gaza health ministry said. "
        "Hamas's armed wing, the Qassam Brigades, said its fighters destroyed a tank."
    )
    actors = run(nlp, text, "2024-01-10", {"Rafah": "PS"})
    assert actors["Civilians (Palestine)"].kind == "civilians"
    assert actors["Ministry of Health of Palestine"].country == "PS"
    hamas = actors["Hamas Movement"]
    assert {"Hamas", "Qassam Brigades"} <= set(texts(hamas))
    assert actors["Military Forces of Israel (2022-)"].country == "IL"  # "Israeli strikes"


def test_unnamed_perpetrators_and_identity_militias(nlp: Language) -> None:
    text = (
        "Unknown gunmen abducted 12 people in Kaduna, police said. Bandits later killed two residents. "
        "Separately, Fulani gunmen killed 15 farmers in Bokkos."
    )
    actors = run(nlp, text, "2019-05-12", {"Kaduna": "NG", "Bokkos": "NG"})
    uag = actors["Unidentified Armed Group (Nigeria)"]
    assert uag.kind == "political_militia" and texts(uag) == ["Unknown gunmen", "Bandits"]
    assert actors["Fulani Ethnic Militia (Nigeria)"].kind == "identity_militia"
    assert actors["Police Forces of Nigeria (2015-2023)"].kind == "state_forces"
    assert actors["Civilians (Nigeria)"].country == "NG"


def test_crowds(nlp: Language) -> None:
    text = (
        "Thousands of protesters marched in Dakar; police fired tear gas at the demonstrators. "
        "Rioters burned tyres."
    )
    actors = run(nlp, text, "2024-03-03", {"Dakar": "SN"})
    assert texts(actors["Protesters (Senegal)"]) == ["protesters", "demonstrators"]
    assert actors["Rioters (Senegal)"].kind == "rioters"
    assert "Police Forces of Senegal (2012-2024)" in actors


def test_persons_with_titles_and_appositives(nlp: Language) -> None:
    text = (
        "Russian President Vladimir Putin said the operation was going to plan. "
        "Ukraine's Foreign Minister Dmytro Kuleba called for sanctions. "
        "Andriy Kovalenko, a senior official with Ukraine's National Security and Defense Council, "
        'confirmed the attack. "They were attacked on multiple fronts," he said. Kuleba agreed.'
    )
    actors = run(nlp, text, "2022-03-01")
    putin = actors["Vladimir Putin"]
    assert (putin.kind, putin.country, putin.affiliation) == ("person", "RU", "Government of Russia")
    kuleba = actors["Dmytro Kuleba"]
    assert kuleba.affiliation == "Ministry of Foreign Affairs of Ukraine" and texts(kuleba)[-1] == "Kuleba"
    kovalenko = actors["Andriy Kovalenko"]
    assert (
        kovalenko.affiliation == "National Security and Defense Council of Ukraine"
        and kovalenko.country == "UA"
    )
    assert "he" in texts(kovalenko)


def test_generic_words_become_the_documents_named_group(nlp: Language) -> None:
    # the rebels are named only after the first mention
    text = (
        "The rebels said they attacked Afar. "
        "The Tigray People's Liberation Front (TPLF) later retook Mekele, "
        "and pro-government forces withdrew."
    )
    actors = run(nlp, text, "2021-07-22", {"Afar": "ET", "Mekele": "ET"})
    tplf = actors["TPLF: Tigray People's Liberation Front"]
    assert texts(tplf)[0] == "rebels" and "TPLF" in texts(tplf)
    assert actors["Pro-Government Militia (Ethiopia)"].country == "ET"


def test_country_defaults_for_rebels_and_coalitions(nlp: Language) -> None:
    text = (
        "Coalition jets struck rebel positions near Zabid, residents said. "
        "The rebels fired rockets at Mocha. A Saudi-led coalition intervened in 2015."
    )
    actors = run(nlp, text, "2018-07-03", {"Zabid": "YE", "Mocha": "YE"})
    houthis = actors["Houthi Movement"]
    assert houthis.country == "YE" and len(houthis.mentions) == 2
    coalition = actors["Military Forces of Saudi Arabia (2015-)"]
    assert coalition.country == "SA" and texts(coalition) == ["Coalition", "Saudi-led coalition"]


def test_affiliates_resolve_to_the_named_group(nlp: Language) -> None:
    text = (
        "Al-Shabaab militants stormed a hotel in Mogadishu. On Saturday, fighters from the "
        "Al-Qaeda-linked group also attacked a base, Somalia's intelligence agency said."
    )
    actors = run(nlp, text, "2024-03-24", {"Mogadishu": "SO"})
    shabaab = actors["Al Shabaab"]
    assert "Al-Qaeda-linked group" in " ".join(texts(shabaab))
    assert "Al Qaeda" not in actors
    # NISA, a unit of Somalia's forces: ACLED writes the unit after the years, the library names the forces
    nisa = actors["Military Forces of Somalia (2022-)"]
    assert nisa.country == "SO" and nisa.kind == "state_forces" and "intelligence agency" in " ".join(texts(nisa))


def test_regime_forces_are_the_home_state(nlp: Language) -> None:
    text = (
        "Regime forces killed 15 civilians in Taftanaz, a monitor said, citing the Syrian Observatory "
        "for Human Rights."
    )
    actors = run(nlp, text, "2018-06-10", {"Taftanaz": "SY"})
    assert actors["Military Forces of Syria (2000-2024)"].kind == "state_forces"
    sohr = actors["Syrian Observatory for Human Rights"]
    assert sohr.kind == "organization" and texts(sohr)[0] == "monitor"


def test_ministries_and_their_later_mentions_are_one_actor(nlp: Language) -> None:
    text = (
        "The Russian Ministry of Defence said its soldiers repelled an attack near Berdin. "
        "The ministry added that Russia's Defense Ministry had released footage."
    )
    actors = run(nlp, text, "2025-01-05", {"Berdin": "RU"})
    mod = actors["Ministry of Defence of Russia"]
    assert (mod.kind, mod.country) == ("government", "RU") and len(mod.mentions) == 3
    assert texts(actors["Military Forces of Russia (2000-)"]) == ["its soldiers"]


def test_capitals_and_countries_acting_are_governments(nlp: Language) -> None:
    text = "Moscow promised retaliation after strikes in Belgorod. Residents of Kyiv sheltered overnight."
    actors = run(nlp, text, "2025-01-05", {"Belgorod": "RU"})
    assert texts(actors["Government of Russia"]) == ["Moscow"]
    assert "Government of Ukraine" not in actors  # Kyiv as a place is no actor


def test_international_organisations_have_no_country(nlp: Language) -> None:
    text = (
        "The United Nations said WFP staff were killed in El Fasher. "
        "UNICEF said children were among the dead."
    )
    actors = run(nlp, text, "2024-05-20", {"El Fasher": "SD"})
    for name in ("United Nations", "UNICEF: United Nations Children's Fund", "WFP: World Food Programme"):
        assert actors[name].country is None and actors[name].kind == "organization"


def test_myanmar_and_drc(nlp: Language) -> None:
    text = (
        "M23 rebels seized Shasha as Congolese troops withdrew, local sources said. "
        "In Myanmar, the Tatmadaw bombed a village held by the Arakan Army."
    )
    actors = run(nlp, text, "2024-02-07", {"Shasha": "CD"})
    assert actors["M23: March 23 Movement"].kind == "rebel_group"
    assert actors["Military Forces of the Democratic Republic of Congo (2019-)"].country == "CD"
    assert actors["Military Forces of Myanmar (2021-)"].country == "MM"
    assert actors["ULA/AA: United League of Arakan/Arakan Army"].country == "MM"
    assert actors["Local sources (Democratic Republic of Congo)"].kind == "unknown"


def test_user_tables_extend_the_extractor(nlp: Language, tmp_path: Path) -> None:
    table = tmp_path / "actors.toml"
    table.write_text(
        '[[actor]]\nname = "FDPC: Democratic Front of the Central African People"\nkind = "rebel_group"\n'
        'country = "CF"\naliases = ["Democratic Front of the Central African People"]\nacronyms = ["FDPC"]\n',
        encoding="utf-8",
    )
    text = "FDPC fighters attacked Koui, officials said."
    with_table = run(nlp, text, "2021-02-01", {"Koui": "CF"}, ActorExtractor(extra_tables=[table]))
    assert with_table["FDPC: Democratic Front of the Central African People"].country == "CF"
    plain = run(nlp, text, "2021-02-01", {"Koui": "CF"})
    assert "Officials (Central African Republic)" in plain  # the chain still runs without the table...
    assert "FDPC: Democratic Front of the Central African People" not in plain  # ...but knows no FDPC


def test_ids_are_stable(nlp: Language) -> None:
    text = "Russian forces shelled Kharkiv, officials said."
    first = run(nlp, text, "2025-01-05", {"Kharkiv": "UA"})
    second = run(nlp, text, "2025-01-05", {"Kharkiv": "UA"})
    assert [a.id for a in first.values()] == [a.id for a in second.values()]


def test_ruler_patterns_label_named_actors_as_organisations(nlp: Language) -> None:
    patterns = ruler_patterns()
    assert {"label": "ORG", "pattern": "Rapid Support Forces", "id": "Rapid Support Forces"} in patterns
    assert all(p["label"] == "ORG" for p in patterns)
    doc = nlp("Hayat Tahrir al-Sham shelled Fuaa.")
    assert ("Hayat Tahrir al-Sham", "ORG") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Suspected jihadists killed 17 soldiers near Djibo, the army said.",
            "Unidentified Armed Group (Burkina Faso)",
        ),
        ("Armed men kidnapped three teachers in Djibo.", "Unidentified Armed Group (Burkina Faso)"),
        # security forces facing a crowd are its police (actors.context.crowd_police), as ACLED codes crowd control
        ("Security forces dispersed the crowd in Djibo.", "Police Forces of Burkina Faso (2022-)"),
        ("Security forces repelled an attack in Djibo.", "Military Forces of Burkina Faso (2022-)"),
    ],
)
def test_sahel_generic_actors(nlp: Language, sentence: str, name: str) -> None:
    assert name in run(nlp, sentence, "2023-08-14", {"Djibo": "BF"})


def test_sponsors_runners_and_places_are_not_owners(nlp: Language) -> None:
    text = (
        "Three US service members were killed in a drone attack on a base in Tanf, blamed on Iran-backed "
        "militant groups. An Israeli strike on a house in Khan Younis killed 14 people, the Hamas-run "
        "health ministry said."
    )
    actors = run(nlp, text, "2024-01-28", {"Tanf": "SY"})
    # US forces in Syria act as the Global Coalition (actors.names.coalition_member)
    assert texts(actors["Global Coalition Against Daesh"]) == ["US service members"]
    militants = next(a for a in actors.values() if "militant groups" in " ".join(texts(a)))
    assert militants.country != "IR"  # backed by Iran, not Iran's own
    assert actors["Ministry of Health of Palestine"].country == "PS"
    assert not any(a.kind == "person" for a in actors.values())  # "in Khan Younis" is a place


def test_a_name_the_text_places_elsewhere_is_no_person(nlp: Language) -> None:
    # the model tags the village's name as a person where no preposition places it
    text = (
        "Fighters shelled Umm Hajar village in Gezira on Tuesday. The committee accused the paramilitaries of "
        "looting Umm Hajar in the midst of the attacks."
    )
    draft_places = {"Umm Hajar": "SD"}
    actors = run(nlp, text, "2024-06-05", draft_places)
    assert not any(a.kind == "person" and "Umm Hajar" in a.name for a in actors.values())


def test_a_persons_title_is_the_phrase_right_before_the_name(nlp: Language) -> None:
    text = "Gunmen from the Rapid Support Forces killed West Darfur governor Khamis Abakar in El Geneina."
    actors = run(nlp, text, "2023-06-15", {"El Geneina": "SD"})
    abakar = actors["Khamis Abakar"]
    assert abakar.affiliation != "Rapid Support Forces" and abakar.country == "SD"
    assert texts(actors["Rapid Support Forces"])[0] == "Gunmen"


def test_stray_gazetteer_hits_do_not_decide_the_country(nlp: Language) -> None:
    text = (
        "Gunmen stormed Magami in Zamfara on Saturday. The bandits chased villagers into the bush, "
        "and more gunmen raided Kasuwa."
    )
    # a lower-case "place" and a lone foreign namesake, as a gazetteer may return them
    actors = run(nlp, text, "2018-12-24", {"Magami": "NG", "Zamfara": "NG", "bush": "EG", "Kasuwa": "KE"})
    assert set(actors) >= {"Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"}
    assert not any(a.country in ("EG", "KE") for a in actors.values())


def test_the_group_and_its_fighters_are_the_group_named_before(nlp: Language) -> None:
    text = (
        "Iraqi forces declared victory over Islamic State in Mosul. The group had seized the city in 2014, "
        "and its fighters still hold pockets of the Old City, Iraqi commanders said."
    )
    actors = run(nlp, text, "2017-07-10", {"Mosul": "IQ"})
    # in Iraq, the Islamic State is its Iraqi branch
    assert texts(actors["Islamic State (Iraq)"]) == ["Islamic State", "group", "its fighters"]
    assert actors["Military Forces of Iraq (2014-2018)"].country == "IQ"


def test_vigilantes_are_not_the_bandits_they_fight(nlp: Language) -> None:
    text = (
        "Villagers formed vigilante groups after bandits abducted 40 people in Zamfara. "
        "The vigilantes struck back."
    )
    actors = run(nlp, text, "2024-10-01", {"Zamfara": "NG"})
    assert texts(actors["Vigilante Militia (Nigeria)"]) == ["vigilante groups", "vigilantes"]
    assert texts(actors["Unidentified Armed Group (Nigeria)"]) == ["bandits"]


def test_names_with_a_country_inside_and_places_inside_names(nlp: Language) -> None:
    text = (
        "Armed men attacked a police station in Gondar, the Sudan Doctors Network said, "
        "while the Fano militia denied it. Zelensky said nothing."
    )
    # "Fano" is also an Italian town: inside "Fano militia" it is part of the name
    actors = run(nlp, text, "2024-04-10", {"Gondar": "ET", "Fano": "IT"})
    assert actors["Sudan Doctors Network"].kind == "organization"
    assert actors["Fano Militia"].country == "ET"
    assert "Unidentified Armed Group (Ethiopia)" in actors
    assert actors["Zelensky"].kind == "person"  # one word, but it speaks


@pytest.mark.parametrize(
    ("text", "places", "group", "mention"),
    [
        (
            "Al-Shabaab fighters overran a base in El Baraf, killing soldiers, the militant group said.",
            {"El Baraf": "SO"},
            "Al Shabaab",
            "militant group",
        ),
        (
            "Suspected ISWAP fighters killed 10 soldiers in Borno. The jihadists also burned the village.",
            {"Borno": "NG"},
            "Islamic State (West Africa)",
            "jihadists",
        ),
        (
            "Kurdish militants from the PKK attacked a base in Duhok, the defence ministry said.",
            {"Duhok": "IQ"},
            "PKK: Kurdistan Workers Party",
            "Kurdish militants",
        ),
    ],
)
def test_definite_and_partitive_references_to_a_named_group(
    nlp: Language, text: str, places: dict[str, str], group: str, mention: str
) -> None:
    actors = run(nlp, text, "2022-05-10", places)
    assert mention in texts(actors[group])
    assert not any(name.startswith("Unidentified Armed Group") for name in actors)


def test_contextual_aliases_need_the_articles_country_or_the_full_name(nlp: Language) -> None:
    sudan = run(nlp, "The Observatory said RSF fighters shelled El Fasher.", "2024-06-01", {"El Fasher": "SD"})
    assert "Rapid Support Forces" in sudan
    assert "Syrian Observatory for Human Rights" not in sudan
    syria = "Regime jets struck Ariha, the Observatory said."
    assert "Syrian Observatory for Human Rights" in run(nlp, syria, "2018-06-10", {"Ariha": "SY"})


def test_reporting_verbs_misread_as_nouns_keep_their_subject(nlp: Language) -> None:
    text = "The Russian military claims that Ukraine has lost more than 49,000 servicemen in Kursk."
    actors = run(nlp, text, "2025-01-05", {"Kursk": "RU"})
    assert texts(actors["Military Forces of Russia (2000-)"]) == ["Russian military"]


def test_arrested_suspects_belong_to_the_one_group_named(nlp: Language) -> None:
    text = (
        "Police arrested 16 suspects over the hotel attack in Mogadishu. "
        "Al-Shabaab militants had stormed the hotel on March 14."
    )
    actors = run(nlp, text, "2024-03-24", {"Mogadishu": "SO"})
    assert "suspects" in texts(actors["Al Shabaab"])
    burglary = run(
        nlp, "Police arrested two suspects after a burglary in Kano.", "2024-03-24", {"Kano": "NG"}
    )
    assert "Police Forces of Nigeria (2023-)" in burglary
    assert not any("suspects" in texts(a) for a in burglary.values())


def test_state_forces_without_regime_years_are_warned(nlp: Language) -> None:
    text = "North Korean soldiers and Russian troops attacked Sudzha."
    draft = Draft(Document(id="t", text=text, date=dt.date(2025, 1, 5)))
    draft = EXTRACTOR(nlp(text), draft)
    warned = [w for w in draft.warnings if w.code == "actors.no_regime_years"]
    assert len(warned) == 1 and "KP" in warned[0].message and warned[0].span is not None


def test_persons_of_international_bodies_and_foreign_titles(nlp: Language) -> None:
    text = (
        "UN human rights chief Volker Turk said he was appalled by the killings in Al-Sireha. "
        "US Secretary of State Antony Blinken said Washington was horrified."
    )
    actors = run(nlp, text, "2024-10-27", {"Al-Sireha": "SD"})
    turk = actors["Volker Turk"]
    assert (turk.affiliation, turk.country) == ("United Nations", None)
    assert actors["Antony Blinken"].country == "US"


def test_names_of_peoples_are_not_states(nlp: Language) -> None:
    text = (
        "The Kachin Independence Army said army jets bombed a village near Laiza, according to the "
        "Assistance Association for Political Prisoners, and the British Red Cross sent aid."
    )
    actors = run(nlp, text, "2024-04-20", {"Laiza": "MM"})
    assert actors["KIO/KIA: Kachin Independence Organization/Kachin Independence Army"].country == "MM"
    assert "Military Forces of Myanmar (2021-)" in actors  # "army jets"
    assert "Civilians (Myanmar)" not in actors  # "Political Prisoners" is part of a name
    assert not any(name.endswith("of the United Kingdom") for name in actors)


def test_a_states_operation_abroad_is_not_the_home_army(nlp: Language) -> None:
    text = "Russia's special military operation continued near Bakhmut, where the army jets struck again."
    actors = run(nlp, text, "2023-01-10", {"Bakhmut": "UA"})
    assert "military" in texts(actors["Military Forces of Russia (2000-)"])


def test_officers_and_peacekeepers_belong_to_the_force_named(nlp: Language) -> None:
    text = (
        "A strike on the consulate in Damascus killed seven IRGC officers and two army officers. "
        "South African peacekeepers were killed near Goma, and police officers sealed off the area."
    )
    actors = run(nlp, text, "2024-04-14", {"Damascus": "SY", "Goma": "CD"})
    assert actors["Military Forces of Iran (1989-)"].country == "IR"  # ACLED files the IRGC as a unit
    police = [a for a in actors.values() if a.name.startswith("Police Forces")]
    assert [texts(a) for a in police] == [["police officers"]]  # neither IRGC nor army officers
    assert actors["Military Forces of South Africa (2018-)"].country == "ZA"


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        ("Ukraine's General Staff said its troops had repelled 14 Russian assaults.", "Ukraine's General Staff"),
        ("The Russian General Staff said its forces had taken two villages.", "Russian General Staff"),
        # the table's "Armed Forces of Ukraine" keeps its own mention, of the same actor
        ("The General Staff of the Armed Forces of Ukraine said its troops held the line.", "General Staff"),
    ],
)
def test_a_general_staff_speaks_for_its_states_forces(nlp: Language, text: str, staff: str) -> None:
    """ "its troops" after a General Staff are that state's troops, not the last foreign force named."""
    actors = run(nlp, "Russian forces shelled the city overnight. " + text, "2025-03-09")
    code = "RU" if "Russian General" in text else "UA"
    forces = next(a for a in actors.values() if a.kind == "state_forces" and a.country == code)
    assert staff in texts(forces)
    pronoun = "its troops" if "its troops" in text else "its forces"
    assert pronoun in texts(forces)


def test_building_the_extractor_loads_what_documents_need() -> None:
    """No loading in ``__call__``: the country tables and the table's patterns exist once it is built."""
    from conflict_events.actors._pass_state import _BY_TABLE
    from conflict_events.lexicons import _countries as countries

    countries._tables.cache_clear()
    extractor = ActorExtractor()
    assert countries._tables.cache_info().currsize == 1
    assert _BY_TABLE[id(extractor.table)][0] is extractor.table


def test_provenance_names_the_rule_of_each_actor_and_affiliation(nlp: Language) -> None:
    text = "Governor Babagana Zulum said gunmen killed 12 farmers near Gajiram."
    actors = run(nlp, text, "2024-03-15", {"Gajiram": "NG"})
    rules_of = {name: {d.field: d.rule for d in a.provenance} for name, a in actors.items()}
    assert rules_of["Unidentified Armed Group (Nigeria)"] == {"name": "actors.role.unidentified_armed"}
    assert rules_of["Civilians (Nigeria)"] == {"name": "actors.role.civilians"}
    assert rules_of["Babagana Zulum"] == {
        "name": "actors.persons.named",
        "affiliation": "actors.persons.affiliation_from_title",
    }


def test_a_rule_switched_off_names_nothing(nlp: Language) -> None:
    text = "Gunmen killed 12 farmers near Gajiram."
    assert "Unidentified Armed Group (Nigeria)" in run(nlp, text, "2024-03-15", {"Gajiram": "NG"})
    with rules.disabled({"actors.role.unidentified_armed"}):
        actors = run(nlp, text, "2024-03-15", {"Gajiram": "NG"})
    assert "Civilians (Nigeria)" in actors
    assert "Unidentified Armed Group (Nigeria)" not in actors


def test_lexicon_files_extend_the_role_words(nlp: Language, tmp_path: Path) -> None:
    text = "Marauders killed 12 farmers near Gajiram."
    assert "Unidentified Armed Group (Nigeria)" not in run(nlp, text, "2024-03-15", {"Gajiram": "NG"})
    mine = tmp_path / "my_roles.toml"
    mine.write_text('[meta]\nextends = "actor_roles"\n\n[lists]\narmed_unknown = ["marauder"]\n', encoding="utf-8")
    extended = ActorExtractor(lexicon_files=[mine])
    actors = run(nlp, text, "2024-03-15", {"Gajiram": "NG"}, extended)
    assert texts(actors["Unidentified Armed Group (Nigeria)"]) == ["Marauders"]


def test_a_bad_role_table_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "actor_roles.toml"
    bad.write_text('[speakers]\nmedic = ["Medics", "doctors"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="kind one of") as err:
        ActorExtractor(lexicon_files=[bad])
    assert str(bad) in str(err.value)


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(PipelineError, match="extra_table"):
        ActorExtractor(extra_table=["x.toml"])
