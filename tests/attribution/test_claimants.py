"""Claimants resolved through the document: pronouns, definite descriptions, capitals, persons."""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language

from conflict_events import extract
from conflict_events.attribution import ClaimantResolver, find_attributions, find_quotations
from conflict_events.draft import Draft
from conflict_events.schema import Actor, Document, Span


def claimants(nlp: Language, text: str, actors: list[Actor] | None = None) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    draft = Draft(Document(id="t", text=text, date=dt.date(2024, 6, 10)), actors=list(actors or []))
    quotes = find_quotations(text)
    resolver = ClaimantResolver(doc, draft.document, draft.actors, draft.locations, quotes, new_id=draft.new_id)
    out = []
    resolved: list[Actor] = []
    for a in sorted(find_attributions(doc, quotes), key=lambda a: a.cue_span):
        assert a.speaker_head is not None and a.speaker is not None
        actor = resolver.resolve(doc[a.speaker_head], a.speaker)
        out.append((actor.name, actor.country, actor.affiliation) if actor else ("?", None, None))
        if actor is not None:
            resolved.append(actor)
    ids = {x.id for x in draft.actors}
    missing = [x.name for x in resolved if x.id not in ids]
    assert not missing, f"claimants not in the draft's actors: {missing}"  # every claimant is in the draft
    return out


def test_he_is_the_last_speaking_person_not_a_person_named_inside_a_phrase(nlp: Language) -> None:
    text = (
        "Andriy Yermak, the head of Ukrainian President Volodymyr Zelenskyy's office, "
        "suggested the attack worked. "
        "“Russia is getting what it deserves,” he wrote on Sunday."
    )
    names = [name for name, _, _ in claimants(nlp, text)]
    assert names == ["Andriy Yermak", "Andriy Yermak"]


def test_he_after_a_quotation_in_the_next_paragraph(nlp: Language) -> None:
    text = (
        "“The protest turned violent,” said Lawwali Umeh, a resident in the area.\n\n"
        "“The police fired at the crowd. Two people were killed,” he said."
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["Lawwali Umeh", "Lawwali Umeh"]


def test_it_is_the_last_organisation(nlp: Language) -> None:
    text = (
        "Somalia's National Intelligence and Security Agency said 16 suspects had been arrested. "
        "“Justice will be served in court for all involved,” it added."
    )
    result = claimants(nlp, text)
    assert result[0] == result[1]
    assert result[0][0] == "National Intelligence and Security Agency" and result[0][1] == "SO"


def test_the_ministry_is_the_ministry_named_earlier(nlp: Language) -> None:
    text = (
        "The Russian Defence Ministry said a counterattack began on Sunday. "
        "The ministry said its soldiers killed 340 members of the Ukrainian armed forces."
    )
    first, second = claimants(nlp, text)
    assert first == second and first[1] == "RU"


def test_capitals_and_states_speak_as_governments(nlp: Language) -> None:
    text = (
        "Moscow promised retaliation on Saturday. Kyiv denied the claim. Ukraine claims Russia lost 430,000 soldiers."
    )
    assert [(name, country) for name, country, _ in claimants(nlp, text)] == [
        ("Government of Russia", "RU"),
        ("Government of Ukraine", "UA"),
        ("Government of Ukraine", "UA"),
    ]


def test_person_speaks_for_the_body_named_with_them(nlp: Language) -> None:
    text = (
        "Observatory head Rami Abdel Rahman said strikes hit a hospital, "
        "according to the Syrian Observatory for Human Rights."
    )
    # the observatory is named after the person here, so the organisation word is the affiliation as written
    name, _, affiliation = claimants(nlp, text)[0]
    assert name == "Rami Abdel Rahman"
    assert affiliation is not None and "Observatory" in affiliation


def test_seat_is_not_nationality_and_international_bodies_have_no_country(nlp: Language) -> None:
    text = (
        "Ten civilians were killed, said the Britain-based Syrian Observatory for Human Rights. "
        "UNICEF said on Tuesday that more than 2,200 children had died in the conflict."
    )
    assert [(name, country) for name, country, _ in claimants(nlp, text)] == [
        ("Syrian Observatory for Human Rights", "SY"),
        ("UNICEF", None),
    ]


def test_known_actor_is_reused(nlp: Language) -> None:
    text = "The Rapid Support Forces denied the claim."
    rsf = Actor(id="rsf", name="Rapid Support Forces", kind="rebel_group", country="SD")
    doc_text_start = text.index("Rapid")
    from conflict_events.schema import Span

    rsf = rsf.model_copy(update={"mentions": (Span.of(text, doc_text_start, doc_text_start + 21),)})
    assert claimants(nlp, text, [rsf]) == [("Rapid Support Forces", "SD", None)]


def test_the_statement_is_the_last_speaking_body(nlp: Language) -> None:
    text = "The Nigerian army said troops killed 20 bandits in Katsina. The statement said two soldiers were wounded."
    first, second = claimants(nlp, text)
    assert first == second and first[1] == "NG"


def test_quotation_continued_by_the_same_speaker(nlp: Language) -> None:
    text = (
        "“We were attacked from three sides,” said Colonel Ali Hassan, a spokesman for the army. "
        "“Our men held the line until morning.”"
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["Ali Hassan"]  # one claim in two pieces


def test_he_can_be_a_person_named_by_role(nlp: Language) -> None:
    text = "The president spoke briefly. “This war will end on our terms,” he said."
    assert [name for name, _, _ in claimants(nlp, text)] == ["president"]


def test_unnamed_spokesperson_speaks_for_the_body_named_in_the_phrase(nlp: Language) -> None:
    pdf = Actor(
        id="actor-pdf",
        name="Local Defence Force",
        kind="rebel_group",
        country="MM",
        mentions=(),
    )
    text = "Fighters overran a camp in Magway on Sunday, a spokeswoman for the Local Defence Force said."
    start = text.index("Local Defence Force")
    draft_actor = pdf.model_copy(
        update={"mentions": (Draft(Document(id="x", text=text, date=dt.date(2024, 6, 10))).span(start, start + 19),)}
    )
    assert [name for name, _, _ in claimants(nlp, text, [draft_actor])] == ["Local Defence Force"]


def test_title_in_apposition_folds_into_the_person_with_the_state_forces(nlp: Language) -> None:
    army = Actor(id="actor-army", name="Military Forces of Kenya (2013-)", kind="state_forces", country="KE")
    text = (
        "Gunmen raided a post near Garissa in Kenya. "
        "A military officer, Major Peter Otieno, told reporters the raid lasted an hour."
    )
    assert claimants(nlp, text, [army]) == [("Peter Otieno", "KE", "Military Forces of Kenya (2013-)")]


def test_a_surname_alone_is_the_person_named_in_full_before(nlp: Language) -> None:
    text = (
        "Village head Ibrahim Garba said the attackers came at night. Garba said that nine bodies had been recovered."
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["Ibrahim Garba", "Ibrahim Garba"]


def test_one_of_the_sources_and_another_are_the_sources_named_before(nlp: Language) -> None:
    text = (
        "Six soldiers were killed in an ambush in the north of Niger, security sources said. "
        "The attackers came on motorbikes, one of the sources told AFP. "
        "Another said the army chased them. He added that two vehicles were burnt."
    )
    names = {name for name, _, _ in claimants(nlp, text)}
    assert len(names) == 1 and "?" not in names


def test_a_military_word_of_another_noun_is_no_state_affiliation(nlp: Language) -> None:
    army = Actor(id="actor-army", name="Military Forces of Kenya (2013-)", kind="state_forces", country="KE")
    text = (
        "Gunmen raided a post near Garissa in Kenya. "
        "Sheikh Omar Hassan, the militants' military operations spokesman, said they held the post."
    )
    assert claimants(nlp, text, [army])[0][2] != "Military Forces of Kenya (2013-)"


def test_an_office_in_the_lead_is_the_person_named_later_with_it(nlp: Language) -> None:
    text = (
        "Three people were killed in shelling overnight, the regional governor said.\n\n"
        "Dnipropetrovsk regional governor Serhiy Lysak said on Telegram that a school was hit."
    )
    names = [name for name, _, _ in claimants(nlp, text)]
    assert names == ["Serhiy Lysak", "Serhiy Lysak"]


def test_an_office_described_otherwise_is_not_that_person(nlp: Language) -> None:
    """ "the defence minister" is not the foreign minister the article names."""
    text = (
        "Two soldiers were killed in the clash, the defence minister said.\n\n"
        "Foreign minister Ali Sabry said the talks would go on."
    )
    names = [name for name, _, _ in claimants(nlp, text)]
    assert names[0] != "Ali Sabry"


def test_a_trailing_speaker_parsed_as_an_apposition_of_the_content(nlp: Language) -> None:
    """ "... killed at least five soldiers, India's defense minister said": the minister speaks."""
    text = (
        "A militant attack on an Indian Army convoy in the Himalayan territory of Jammu and Kashmir killed "
        "at least five soldiers, India's defense minister said on Tuesday, the latest in a spate of strikes "
        "that has roiled the region."
    )
    doc = nlp(text)
    found = find_attributions(doc, find_quotations(text))
    assert len(found) == 1 and found[0].speaker is not None
    assert doc[found[0].speaker[0] : found[0].speaker[1]].text == "India's defense minister"
    assert text[found[0].content[0] : found[0].content[1]].endswith("killed at least five soldiers")


def test_an_office_named_in_apposition_after_the_person(nlp: Language) -> None:
    text = (
        "Rebels attacked the town of Yei on Tuesday, killing four soldiers, the state governor said.\n"
        '"The rebels are destroying the town," David Lokonga Moses, the governor of Yei River State, '
        "told Reuters."
    )
    names = [name for name, _, _ in claimants(nlp, text)]
    assert names[0] == "David Lokonga Moses"


def test_rebel_forces_speak_as_an_armed_group_not_the_state(nlp: Language) -> None:
    text = "Rebel forces in South Sudan's civil war said the death count was higher."
    ((name, country, _),) = claimants(nlp, text)
    assert name == "Unidentified Armed Group (South Sudan)" and country == "SS"


def test_the_government_is_the_government_of_the_country(nlp: Language) -> None:
    """Named as the actors extractor names it: "Government of the Democratic Republic of Congo"."""
    text = "Dissident soldiers in the Democratic Republic of Congo have attacked army positions, the government says."
    ((name, country, _),) = claimants(nlp, text)
    assert (name, country) == ("Government of the Democratic Republic of Congo", "CD")


def test_a_pronouns_antecedent_is_a_mention_of_its_person(nlp: Language) -> None:
    # the description the pronoun refers back to names the same person: both are the actor's mentions
    text = (
        "Senator Amina Bello spoke in Kano on Monday. The Kano senator toured the burnt market. "
        "“We will rebuild every stall,” she said."
    )
    doc = nlp(text)
    draft = Draft(Document(id="t", text=text, date=dt.date(2024, 6, 10)))
    quotes = find_quotations(text)
    resolver = ClaimantResolver(doc, draft.document, draft.actors, draft.locations, quotes, new_id=draft.new_id)
    (a,) = find_attributions(doc, quotes)
    assert a.speaker_head is not None and a.speaker is not None
    actor = resolver.resolve(doc[a.speaker_head], a.speaker)
    assert actor is not None and actor.name == "Amina Bello"
    assert {m.text for m in actor.mentions} >= {"Kano senator", "she"}


def test_a_surname_the_model_took_for_a_place_is_the_person_a_given_name_opened(nlp: Language) -> None:
    # "Carson" alone is tagged a place; "Ben Carson" makes it a person, so "he" may refer to it
    text = (
        "Ben Carson spoke to George Stephanopoulos on Sunday.\n\n"
        "Asked by Stephanopoulos to respond to the criticism, Carson said, “What does it say about people "
        "who jump on the bandwagon?”\n\n"
        "“Well, let me put it this way,” he continued. “I would not be anxious to have a leader like that.”"
    )
    names = [name for name, _, _ in claimants(nlp, text)]
    assert names[-1] == "Carson" and names[0] == "Stephanopoulos"


def test_they_after_two_people_named_together_is_both(nlp: Language) -> None:
    text = "Mike Crapo and Jim Risch met the judge on Monday. They said the court needed two more judges."
    assert [name for name, _, _ in claimants(nlp, text)] == ["Mike Crapo and Jim Risch"]


def test_the_author_of_a_noun_of_saying_is_not_the_next_he(nlp: Language) -> None:
    # Bello's plan is a claim of his own, but he speaks from inside the phrase: "He added" is still Sani
    text = (
        "Musa Sani spoke in Kano on Monday. “The road must stay open,” he said of Governor Ali Bello's plan to "
        "close it. He added that traders would suffer."
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["Musa Sani", "Ali Bello", "Musa Sani"]


def test_she_is_the_woman_of_a_shared_surname_though_the_name_was_linked_to_the_man(nlp: Language) -> None:
    # the actors step may give every bare "Clinton" to one person; "she" is the Clinton the text names as a woman
    text = (
        "For Hillary Clinton, the vote was a warning. Bill Clinton spoke in Iowa. "
        "Mrs. Clinton said the plan was sound. She added that it would pass."
    )
    bare = [m.start() for m in re.finditer(r"(?<!Hillary )Clinton", text)]
    bill = Actor(id="a1", name="Bill Clinton", kind="person", mentions=tuple(Span.of(text, b, b + 7) for b in bare))
    names = [name for name, _, _ in claimants(nlp, text, [bill])]
    assert names[-1] == "Hillary Clinton"


def test_what_a_speaker_releases_speaks_for_the_sender(nlp: Language) -> None:
    text = "The Kaduna Youth Council released a video on Monday that accuses the police of killing two protesters."
    assert [name for name, _, _ in claimants(nlp, text)] == ["Kaduna Youth Council"]


def test_a_video_recovered_by_police_is_not_the_police_speaking(nlp: Language) -> None:
    text = "Police recovered a video that shows the gunmen entering the church in Owo."
    assert [name for name, _, _ in claimants(nlp, text)] == ["video"]


def test_she_and_her_aides_speak_together(nlp: Language) -> None:
    text = (
        "Governor Amina Bello visited the camp in Maiduguri on Monday. "
        "She and her aides said the curfew would stay in place. "
        "She added that schools would reopen."
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["Amina Bello and her aides", "Amina Bello"]


def test_a_role_with_a_name_beside_it_is_the_person_a_pronoun_refers_to(nlp: Language) -> None:
    text = (
        "The French envoy to the talks, Jean Dupont, spoke to reporters in Geneva on Monday. "
        "“We hope for a truce,” he said."
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["Jean Dupont"]


def test_shares_and_numbers_of_people_speak(nlp: Language) -> None:
    text = (
        "Large majorities of traders in Kano said the curfew had hurt their business. "
        "About 4 in 10 say the army should withdraw. "
        "Forty percent were certain the talks would fail."
    )
    assert [name for name, _, _ in claimants(nlp, text)] == ["traders in Kano", "About 4 in 10", "Forty percent"]


def test_a_dateline_the_parser_hung_on_the_speaker_is_no_part_of_its_name() -> None:
    text = (
        "Clashes near Gao\n\nBAMAKO (Reuters) - Arab-led militias and the Malian army fought heavy battles on Sunday"
        " near the town of Ber, about 60 km east of Timbuktu, both sides said, each claiming to have inflicted heavy"
        " losses.\n\nThe militias said they had killed 12 soldiers, while the army said it had killed around 15"
        " fighters."
    )
    result = extract(text, date=dt.date(2023, 9, 18))
    assert not any("Reuters)" in a.name for a in result.actors)
