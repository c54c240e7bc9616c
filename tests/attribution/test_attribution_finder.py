"""Reported assertions in many sentence shapes: cue, speaker and content."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from conflict_events.attribution import Attribution, find_attributions


def found(nlp: Language, text: str) -> list[tuple[str, str | None, str, bool]]:
    doc = nlp(text)
    out = []
    for a in find_attributions(doc):
        speaker = doc[a.speaker_head].text if a.speaker_head is not None else None
        out.append((a.cue, speaker, doc.text[a.content[0] : a.content[1]], a.quote))
    return out


def only(nlp: Language, text: str) -> Attribution:
    attributions = find_attributions(nlp(text))
    assert len(attributions) == 1, attributions
    return attributions[0]


def test_said_that(nlp: Language) -> None:
    assert found(nlp, "Sudan's army said that it had repelled an attack on El Fasher.") == [
        ("say", "army", "it had repelled an attack on El Fasher", False)
    ]


def test_fronted_content_and_speaker_after(nlp: Language) -> None:
    text = "Three civilians were killed in a coalition air strike near Zabid, residents said."
    assert found(nlp, text) == [
        ("say", "residents", "Three civilians were killed in a coalition air strike near Zabid", False)
    ]


def test_according_to_after_and_before(nlp: Language) -> None:
    after = found(nlp, "Most of the vehicles were destroyed, according to the ministry.")
    before = found(nlp, "According to the United Nations, at least 500 people have died in Darfur.")
    assert after == [("according to", "ministry", "Most of the vehicles were destroyed", False)]
    assert before == [("according to", "Nations", "at least 500 people have died in Darfur", False)]


def test_quotation_with_speaker_after(nlp: Language) -> None:
    text = "“Kursk region, good news, Russia is getting what it deserves,” he wrote on Sunday."
    assert found(nlp, text) == [("write", "he", "Kursk region, good news, Russia is getting what it deserves", True)]


def test_quotation_introduced_by_participle(nlp: Language) -> None:
    text = "Another resident, Umaru Bawa, confirmed the attack, saying “the bandits shot people as they ran.”"
    result = found(nlp, text)
    assert ("say", "Bawa", "the bandits shot people as they ran", True) in result
    assert ("confirm", "Bawa", "the attack", False) in result


def test_partial_quotation_stays_indirect(nlp: Language) -> None:
    text = "Buhari said that reinforcements would be deployed “to protect local populations”."
    a = only(nlp, text)
    assert not a.quote
    assert nlp(text).text[a.content[0] : a.content[1]].startswith("reinforcements would be deployed")


def test_adding_inherits_the_speaker(nlp: Language) -> None:
    text = "Authorities in Donetsk placed the death toll at 53, adding that no prison guards were injured."
    cues = [(cue, speaker) for cue, speaker, _, _ in found(nlp, text)]
    assert cues == [("place the toll at", "Authorities"), ("add", "Authorities")]


def test_conjoined_that_clauses_are_two_assertions(nlp: Language) -> None:
    text = (
        "Ukraine claims Russia lost 430,000 soldiers in 2024, "
        "and that North Korean soldiers have taken heavy casualties."
    )
    contents = [content for _, _, content, _ in found(nlp, text)]
    assert contents == [
        "Russia lost 430,000 soldiers in 2024",
        "North Korean soldiers have taken heavy casualties",
    ]


def test_nested_attribution_gives_both_claims(nlp: Language) -> None:
    text = "Ukraine's military said Russia claimed it had shot down 15 drones overnight."
    result = found(nlp, text)
    assert [(cue, speaker) for cue, speaker, _, _ in result] == [("say", "military"), ("claim", "Russia")]
    assert result[1][2] == "it had shot down 15 drones overnight"


def test_denial_is_negated(nlp: Language) -> None:
    a = only(nlp, "The Rapid Support Forces denied the claim.")
    assert a.cue == "deny" and a.negated


def test_hedges(nlp: Language) -> None:
    assert only(nlp, "Andriy Yermak suggested the attack had been successful.").hedged
    assert only(nlp, "Pushilin claimed without evidence that the attack was deliberate.").hedged
    assert only(nlp, "Kovalenko appeared to confirm the operation in a Telegram post.").hedged
    assert not only(nlp, "The ministry confirmed that Ukrainian forces launched new attacks.").hedged


def test_passive_report_names_no_claimant(nlp: Language) -> None:
    assert found(nlp, "Fighters stormed a base, with casualties reported.") == []
    assert [cue for cue, _, _, _ in found(nlp, "Fighters stormed a base, with casualties reported by police.")] == [
        "report"
    ]


def test_reporting_inside_a_quotation_is_not_a_new_claim(nlp: Language) -> None:
    text = "“I call on all partners to condemn this crime,” Kuleba wrote on Twitter."
    assert [cue for cue, _, _, _ in found(nlp, text)] == ["write"]


def test_statement_speaks_for_its_author(nlp: Language) -> None:
    a = only(nlp, "A statement from the army said two soldiers were killed.")
    assert nlp("A statement from the army said two soldiers were killed.")[a.speaker_head or 0].text == "army"


def test_quoted_as_saying(nlp: Language) -> None:
    text = "General Syrskyi visited the front. He was quoted by the agency as saying the army had lost 30 men."
    assert [(cue, speaker, content) for cue, speaker, content, _ in found(nlp, text)] == [
        ("say", "He", "the army had lost 30 men")
    ]


def test_a_report_speaks_for_the_body_that_wrote_it(nlp: Language) -> None:
    doc = nlp("A UN report released on Monday said more than 1,000 civilians had been killed.")
    (a,) = find_attributions(doc)
    assert a.speaker_head is not None and doc[a.speaker_head].text == "UN"


def test_a_rival_claim_in_a_while_clause_is_its_own(nlp: Language) -> None:
    text = (
        "Israel's military said it struck targets in southern Lebanon, "
        "while Hezbollah said it fired dozens of rockets at a base."
    )
    assert [(speaker, content) for _, speaker, content, _ in found(nlp, text)] == [
        ("military", "it struck targets in southern Lebanon"),
        ("Hezbollah", "it fired dozens of rockets at a base"),
    ]


def test_eyewitnesses_speak(nlp: Language) -> None:
    (a,) = find_attributions(nlp("Eyewitnesses said the soldiers opened fire on the crowd."))
    assert a.cue == "say"


def test_passive_report_with_an_agent(nlp: Language) -> None:
    text = "The Taliban said its fighters had captured 14 Pakistani soldiers, a claim denied by Islamabad."
    assert [(cue, speaker, content) for cue, speaker, content, _ in found(nlp, text)] == [
        ("say", "Taliban", "its fighters had captured 14 Pakistani soldiers"),
        ("deny", "Islamabad", "a claim"),
    ]


def test_according_to_without_a_verb_ends(nlp: Language) -> None:
    # a fragment whose parse has no verb above "according" must not loop
    assert isinstance(find_attributions(nlp("more than 40 people according to witnesses,")), list)


def test_speaker_after_a_long_fronted_report(nlp: Language) -> None:
    text = (
        "At least 20 civilians have been killed and tens of thousands displaced in heavy fighting "
        "in Ethiopia's Afar region, which borders war-hit Tigray, an official told AFP on Thursday."
    )
    result = found(nlp, text)
    assert [(cue, speaker) for cue, speaker, _, _ in result] == [("tell", "official")]
    assert result[0][2].startswith("At least 20 civilians have been killed")


def test_a_fronted_date_misread_as_subject_gives_way_to_its_apposition(nlp: Language) -> None:
    # the parse a small model gives "Early Monday, FLA rebels, claimed they took Kidal."
    starts: list[bool | int | None] = [True, *([False] * 10)]
    words = ["Early", "Monday", ",", "FLA", "rebels", ",", "claimed", "they", "took", "Kidal", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 6, 1, 4, 1, 1, 6, 8, 6, 8, 6],
        deps=["amod", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        pos=["ADJ", "PROPN", "PUNCT", "PROPN", "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PROPN", "PUNCT"],
        tags=["JJ", "NNP", ",", "NNP", "NNS", ",", "VBD", "PRP", "VBD", "NNP", "."],
        lemmas=["early", "Monday", ",", "FLA", "rebel", ",", "claim", "they", "take", "Kidal", "."],
        ents=["B-DATE", "I-DATE", "O", "B-ORG", "O", "O", "O", "O", "O", "B-GPE", "O"],
        sent_starts=starts,
    )
    assert [doc[a.speaker_head].text for a in find_attributions(doc) if a.speaker_head is not None] == ["rebels"]


def test_speaker_the_parser_hung_inside_the_content(nlp: Language) -> None:
    text = (
        "Gunmen killed a district official in Baidoa on Friday and, in a separate attack, "
        "burnt a convoy outside the town, police and a spokesman for the group said."
    )
    (a,) = found(nlp, text)
    assert a[0] == "say" and a[1] == "police"
    assert a[2].endswith("burnt a convoy outside the town")


def test_second_quotation_after_the_cue_sentence_is_the_same_speaker(nlp: Language) -> None:
    text = (
        "“They burnt our market and took two trucks,” Captain Ali Warsame told Reuters news agency on Sunday. "
        "“We chased them at dawn and recovered one truck.”"
    )
    quotes = [(a[1], a[2][:9], a[2][-9:]) for a in found(nlp, text) if a[3]]
    assert quotes == [("Warsame", "They burn", "one truck")]  # one claim quoted in two pieces


def test_trailing_speaker_with_a_possessive_name(nlp: Language) -> None:
    text = "Shelling in Kadugli has killed more than 40 civilians, the Committee of Kordofan Nurses' Union said."
    (a,) = found(nlp, text)
    assert a[0] == "say" and a[1] in ("Committee", "Union")
    assert a[2] == "Shelling in Kadugli has killed more than 40 civilians"


def test_named_apposition_lets_an_unknown_role_noun_speak(nlp: Language) -> None:
    text = "A Congolese nun in Bunia town, Marie Kahindo Mumbere, said some pupils were hit by stray bullets."
    assert [(a[0], a[2]) for a in found(nlp, text)] == [("say", "some pupils were hit by stray bullets")]


def test_what_he_described_as_is_no_assertion(nlp: Language) -> None:
    text = "The spokesman accused the army of trying to hide what he described as a massacre of civilians."
    assert [a[0] for a in found(nlp, text)] == ["accuse"]


def test_people_nouns_no_list_holds_speak_through_a_conjunct(nlp: Language) -> None:
    # "critics" is in no speaker list: its ending names people, so the conjunct "warned" is theirs
    assert found(nlp, "Critics of the deal were angered and warned that the truce would fail.") == [
        ("warn", "Critics", "the truce would fail", False)
    ]
