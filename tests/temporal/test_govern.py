"""governing_time: which time record dates an event trigger or a claim, over the parse."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from conflict_events.draft import Draft
from conflict_events.extractors.time import TimeExtractor
from conflict_events.rules import disabled
from conflict_events.schema import Document, TimeSpan
from conflict_events.temporal import explain_time, governing, governing_time, reporting_time


def _run(nlp: Language, text: str, anchor: dt.date) -> tuple[Doc, Draft]:
    doc = nlp(text)
    draft = TimeExtractor()(doc, Draft(Document(id="t", text=text, date=anchor)))
    return doc, draft


def _span(doc: Doc, words: str) -> Span:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return span


def _dates(t: TimeSpan) -> tuple[str, str]:
    return t.start.isoformat(), t.end.isoformat()


SUN = dt.date(2025, 1, 5)
MON = dt.date(2018, 12, 24)

# (text, anchor, words of the span, expected start, expected end)
CASES = [
    # the trigger's own clause
    ("The army said its jets killed 60 militants over the past day.", SUN,
     "its jets killed 60 militants over the past day", "2025-01-04", "2025-01-05"),
    ("The ministry claims the rebels lost 2,000 fighters in 2024.", SUN, "lost", "2024-01-01", "2024-12-31"),
    ("Armed men on horseback raided Tungan village on Saturday, firing at farmers.", MON, "raided", "2018-12-22",
     "2018-12-22"),
    ("Late Saturday, militia fighters shelled the camp and clashed with guards.", dt.date(2018, 6, 10), "clashed",
     "2018-06-09", "2018-06-09"),
    # inside a range: the bound dates the event the range names
    ("The army has lost 3,000 soldiers since the start of its campaign in August.", SUN, "campaign", "2024-08-01",
     "2024-08-31"),
    ("The army has lost 3,000 soldiers since the start of its campaign in August.", SUN, "lost", "2024-08-01",
     "2025-01-05"),
    # a reporting verb's date as the weaker fallback
    ("The governor said in a radio address on Sunday that militants ambushed a patrol near a camp that opened in "
     "August.", SUN, "ambushed", "2025-01-05", "2025-01-05"),
    ("On Sunday, the militia said they carried out a raid in the hills.", dt.date(2021, 7, 22), "carried out",
     "2021-07-18", "2021-07-18"),
    # the reported clause's own time beats the reporting verb's
    ("The navy said on Tuesday that its ships shelled rebel positions on Sunday.", dt.date(2018, 7, 3), "shelled",
     "2018-07-01", "2018-07-01"),
    # a sentence's own weekday beats a neighbour's; a "since <clause>" range dates what lasts since then
    ("Gunmen raided a market early on Saturday. Police detained 20 men in Baidoa on Friday.", dt.date(2023, 8, 27),
     "detained", "2023-08-25", "2023-08-25"),
    ("More than a million people have fled their homes since the conflict began in April last year.",
     dt.date(2024, 5, 12), "fled", "2023-04-01", "2024-05-12"),
    ("More than a million people have fled their homes since the conflict began in April last year.",
     dt.date(2024, 5, 12), "began", "2023-04-01", "2023-04-30"),
    # a governing clause ("vowed ... after X fired")
    ("The government vowed revenge on Saturday after rebels fired rockets at the airport.", SUN, "fired",
     "2025-01-04", "2025-01-04"),
    # a subordinate time clause
    ("Two guards died after gunmen stormed the prison on March 14.", dt.date(2024, 3, 24), "died", "2024-03-14",
     "2024-03-14"),
    # "X came a day after Y": Y the day before the reference
    ("Airstrikes killed nine people on Sunday. The strikes came a day after rebels launched an assault.",
     dt.date(2018, 6, 10), "launched", "2018-06-09", "2018-06-09"),
    # past-tense night in a statement: the night just past
    ("\u201cThe rebels shelled the town tonight,\u201d the army said.", dt.date(2022, 7, 29), "shelled", "2022-07-28",
     "2022-07-29"),
    # nothing in the sentence: the lead's event day
    ("Bandits killed nine herders at the weekend in Katsina state, police said.\nThe bandits fled on motorcycles.",
     MON, "fled", "2018-12-22", "2018-12-23"),
    # a time after an event noun in a prepositional phrase dates that event, not the trigger
    ("Police said 12 suspects had been detained over a bombing at a market 10 days ago.", dt.date(2024, 3, 24),
     "detained", "2024-03-24", "2024-03-24"),
    ("Police said 12 suspects had been detained over a bombing at a market 10 days ago.", dt.date(2024, 3, 24),
     "bombing", "2024-03-14", "2024-03-14"),
    # an undated sentence continues the one before, if that one dates its own event
    ("Rebels overran the post on Saturday. They looted the armoury, residents said.", MON, "looted", "2018-12-22",
     "2018-12-22"),
    ("The army said its offensive began on Sunday morning.\nThe army said its jets killed 60 militants over the "
     "past day.", SUN, "killed", "2025-01-04", "2025-01-05"),
    ("The minister said on Monday that talks had failed. Troops shelled the town.", SUN, "shelled", "2025-01-05",
     "2025-01-05"),
    # a time inside a relative clause dates that clause, not the trigger: fall back to the anchor
    ("Troops pushed back fighters who had entered the town in August.", SUN, "pushed", "2025-01-05", "2025-01-05"),
    # a reporting verb that takes a thing and no content is an event of its own: its day is the event's
    ("On 16 June 2025, fighters were observed near the village. They were fleeing the offensive.",
     dt.date(2025, 7, 31), "offensive", "2025-06-16", "2025-06-16"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "words", "start", "end"), CASES)
def test_governing_time(nlp: Language, text: str, anchor: dt.date, words: str, start: str, end: str) -> None:
    doc, draft = _run(nlp, text, anchor)
    assert _dates(governing_time(_span(doc, words), draft.times, anchor)) == (start, end)


def test_default_is_the_anchor_without_text(nlp: Language) -> None:
    doc, draft = _run(nlp, "Rebels shelled the town.", dt.date(2020, 5, 1))
    chosen = governing(_span(doc, "shelled"), draft.times, draft.document.date)
    t = chosen.time
    assert (t.start, t.end, t.text, t.mention) == (dt.date(2020, 5, 1), dt.date(2020, 5, 1), None, None)
    assert t.precision != "day"
    assert (chosen.step, chosen.rule) == ("default", "time.governs.anchor")


def test_the_deciding_rule_is_named(nlp: Language) -> None:
    doc, draft = _run(nlp, "The ministry said on Sunday that troops repelled an attack on Saturday.", SUN)
    chosen = governing(_span(doc, "repelled"), draft.times, SUN)
    assert (chosen.rule, chosen.time.text) == ("time.governs.clause", "on Saturday")
    with disabled({"time.governs.clause"}):
        fallback = governing(_span(doc, "repelled"), draft.times, SUN)
    assert (fallback.rule, fallback.time.text) == ("time.governs.reporting", "on Sunday")


def test_mention_points_into_the_text(nlp: Language) -> None:
    text = "Police fired on protesters on Monday, locals said."
    doc, draft = _run(nlp, text, MON)
    t = governing_time(_span(doc, "fired"), draft.times, MON)
    assert t.mention is not None and text[t.mention.start : t.mention.end] == t.text == "on Monday"


def test_reporting_keyword_and_inspection(nlp: Language) -> None:
    text = "The ministry said on Sunday that troops repelled the attackers."
    doc, draft = _run(nlp, text, SUN)
    span = _span(doc, "repelled")
    assert [(c.step, c.rule) for c in explain_time(span, draft.times)] == [("reporting", "time.governs.reporting")]
    assert governing_time(span, draft.times, SUN, reporting=False).text is None
    said = reporting_time(span, draft.times)
    assert said is not None and said.text == "on Sunday"


def test_durations_and_now_are_weak(nlp: Language) -> None:
    """A duration or "now" in the clause yields to a real date elsewhere in the sentence."""
    text = "On Saturday, the ministry said troops have now fought for three days near the town."
    doc, draft = _run(nlp, text, SUN)
    steps = [c.step for c in explain_time(_span(doc, "fought"), draft.times)]
    assert steps[0] == "reporting" and steps[1:] == ["weak", "weak"]
    assert governing_time(_span(doc, "fought"), draft.times, SUN).text == "On Saturday"


def test_dateline_is_not_the_event_date(nlp: Language) -> None:
    text = "Maiduguri, Dec 24: Bandits at the weekend killed nine herders, police said Monday."
    doc, draft = _run(nlp, text, MON)
    assert _dates(governing_time(_span(doc, "killed"), draft.times, MON)) == ("2018-12-22", "2018-12-23")


def test_works_on_a_fresh_parse(nlp: Language) -> None:
    """The records alone suffice: nothing travels on the Doc the time step parsed."""
    text = "Troops shelled the village on Saturday."
    _, draft = _run(nlp, text, SUN)
    fresh = nlp(text)
    assert _dates(governing_time(_span(fresh, "shelled"), draft.times, SUN)) == ("2025-01-04", "2025-01-04")


def test_a_range_is_found_through_its_bounds(nlp: Language) -> None:
    text = "Attacks on the road have continued since the army withdrew in March."
    doc, draft = _run(nlp, text, dt.date(2024, 6, 3))
    assert [t.text for t in draft.times] == ["in March"]
    t = governing_time(_span(doc, "continued"), draft.times, dt.date(2024, 6, 3))
    assert (t.text, _dates(t)) == ("since the army withdrew in March", ("2024-03-01", "2024-06-03"))


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 20 men suspected of ties to the militia in Baidoa on Tuesday.",
        "BAIDOA, March 14 - Police detained 20 men suspected of ties to the militia in Baidoa on Tuesday.",
    ],
)
def test_the_sentences_only_day_on_a_side_phrase(nlp: Language, text: str) -> None:
    """The parse hangs "on Tuesday" on a side phrase; it still beats the dateline and the anchor."""
    anchor = dt.date(2024, 3, 15)
    doc, draft = _run(nlp, text, anchor)
    candidates = explain_time(_span(doc, "detained"), draft.times)
    assert candidates[0].step == "side"
    assert _dates(governing_time(_span(doc, "detained"), draft.times, anchor)) == ("2024-03-12", "2024-03-12")
    assert [c.step for c in candidates[1:]] == (["dateline"] if text.startswith("BAIDOA") else [])


def test_a_side_day_claimed_by_an_event_noun_is_not_taken(nlp: Language) -> None:
    text = "Troops detained five men over the bombing of a bus on Friday."
    doc, draft = _run(nlp, text, dt.date(2024, 3, 24))
    assert draft.times, "the day must be found for the test to mean anything"
    assert governing_time(_span(doc, "detained"), draft.times, dt.date(2024, 3, 24)).text is None


def test_a_skipped_reporting_day_is_no_side_day(nlp: Language) -> None:
    """With ``reporting=False`` the saying's day is left out, not taken up as a side phrase."""
    text = "The ministry said on Sunday that troops repelled the attackers."
    doc, draft = _run(nlp, text, SUN)
    assert explain_time(_span(doc, "repelled"), draft.times) != []
    assert explain_time(_span(doc, "repelled"), draft.times, reporting=False) == []


def test_a_dateline_is_reporting_time(nlp: Language) -> None:
    text = "MAIDUGURI, Dec 24: Bandits killed nine herders."
    doc, draft = _run(nlp, text, MON)
    said = reporting_time(_span(doc, "killed"), draft.times)
    assert said is not None and said.text == "Dec 24"
