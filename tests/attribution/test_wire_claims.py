"""Claims on international wire news: datelines, "no group has claimed", accusations in relative clauses."""

from __future__ import annotations

from spacy.language import Language

from conflict_events.attribution import find_attributions


def found(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    out = []
    for a in find_attributions(doc):
        speaker = doc[a.speaker_head].text if a.speaker_head is not None else None
        out.append((a.cue, speaker, doc.text[a.content[0] : a.content[1]]))
    return out


def test_content_starts_after_a_wire_dateline(nlp: Language) -> None:
    text = (
        "MOPTI, March 3 (Reuters) - Gunmen killed at least seven herders near a well in central Mali "
        "on Sunday, two local officials said on Monday."
    )
    assert found(nlp, text) == [
        ("say", "officials", "Gunmen killed at least seven herders near a well in central Mali on Sunday")
    ]
    (a,) = find_attributions(nlp(text))
    assert (a.content_rule, a.content_trim_rule) == ("claims.content.clause", "claims.content.after_dateline")


def test_dateline_on_a_later_line_is_dropped_too(nlp: Language) -> None:
    text = "Attack in Niger\nNIAMEY (AFP) — Jihadists ambushed a patrol near the border, the army said."
    contents = [c for _, _, c in found(nlp, text)]
    assert contents == ["Jihadists ambushed a patrol near the border"]


def test_capitalised_start_without_dash_is_kept(nlp: Language) -> None:
    text = "UN peacekeepers left the base at dawn, a spokesman said."
    assert found(nlp, text) == [("say", "spokesman", "UN peacekeepers left the base at dawn")]


def test_no_group_claimed_is_no_claim(nlp: Language) -> None:
    assert found(nlp, "No group has claimed responsibility for the car bomb in Mogadishu.") == []
    assert found(nlp, "Nobody has claimed the raid on the convoy.") == []
    assert found(nlp, "No one admitted carrying out the killings.") == []


def test_a_named_group_claiming_is_a_claim(nlp: Language) -> None:
    assert found(nlp, "Al Shabaab has claimed responsibility for the car bomb in Mogadishu.") == [
        ("claim", "Shabaab", "responsibility for the car bomb in Mogadishu")
    ]


def test_report_that_nobody_claimed_keeps_the_reporter(nlp: Language) -> None:
    assert found(nlp, "No group has claimed the raid, police said.") == [
        ("say", "police", "No group has claimed the raid")
    ]


def test_accusation_in_a_relative_clause_says_what_is_accused(nlp: Language) -> None:
    text = (
        "Fighters linked to al Qaeda are active in the region and have often attacked hamlets "
        "they accuse of helping the army."
    )
    assert [(cue, c) for cue, _, c in found(nlp, text)] == [("accuse", "hamlets they accuse of helping the army")]


def test_relative_clause_with_no_complement_keeps_its_antecedent(nlp: Language) -> None:
    text = "Investigators examined the abuses that the militia has admitted to."
    assert [(cue, c) for cue, _, c in found(nlp, text)] == [("admit", "the abuses")]


def test_dateline_parsed_as_the_cue_subject_still_gives_the_content(nlp: Language) -> None:
    # the parser makes "DJIBO" a second subject of "said" here: the dateline_subject content rule
    text = (
        "DJIBO, Oct 2 (Reuters) - Armed men killed at least 20 traders near a market in northern Burkina Faso "
        "on Sunday, three security sources said on Monday."
    )
    assert [(cue, c) for cue, _, c in found(nlp, text)] == [
        ("say", "Armed men killed at least 20 traders near a market in northern Burkina Faso on Sunday")
    ]


def test_no_fewer_than_is_a_number_of_speakers(nlp: Language) -> None:
    assert found(nlp, "No fewer than a dozen residents said the militia fired first.") == [
        ("say", "residents", "the militia fired first")
    ]
