"""governing_time: which expression dates an event trigger or a claim, over the parse."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from conflict_events.draft import Draft
from conflict_events.extractors.time import TimeExtractor
from conflict_events.schema import Document, TimeSpan
from conflict_events.temporal import explain_time, governing_time, reporting_time


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


# (text, anchor, words of the span, expected start, expected end)
CASES = [
    # the trigger's own clause
    ("The ministry said its soldiers killed 340 fighters over the past day.", dt.date(2025, 1, 5),
     "its soldiers killed 340 fighters over the past day", "2025-01-04", "2025-01-05"),
    ("Ukraine claims Russia lost 430,000 soldiers in 2024.", dt.date(2025, 1, 5), "lost", "2024-01-01",
     "2024-12-31"),
    ("Gunmen on motorcycles stormed Magami village on Saturday, shooting residents.", dt.date(2018, 12, 24),
     "stormed", "2018-12-22", "2018-12-22"),
    ("Late Saturday, HTS fighters shelled Fuaa and clashed with local fighters.", dt.date(2018, 6, 10),
     "clashed", "2018-06-09", "2018-06-09"),
    # inside a range: the nested expression dates the event it names
    ("Ukraine has lost 49,000 servicemen since the start of its offensive in August.", dt.date(2025, 1, 5),
     "offensive", "2024-08-01", "2024-08-31"),
    ("Ukraine has lost 49,000 servicemen since the start of its offensive in August.", dt.date(2025, 1, 5),
     "lost", "2024-08-01", "2025-01-05"),
    # a reporting verb's date as the weaker fallback
    ("The ministry confirmed in a statement on Sunday that Ukrainian forces launched new attacks amid an "
     "incursion that began in August.", dt.date(2025, 1, 5), "launched", "2025-01-05", "2025-01-05"),
    ("On Sunday, the rebels said they carried out a limited action in Afar.", dt.date(2021, 7, 22),
     "carried out", "2021-07-18", "2021-07-18"),
    # the reported clause's own time beats the reporting verb's
    ("The army said on Tuesday that its jets struck rebel camps on Sunday.", dt.date(2018, 7, 3), "struck",
     "2018-07-01", "2018-07-01"),
    # a sentence's own weekday beats a neighbour's; a "since <clause>" range dates what lasts since then
    ("Fighters stormed a base early on Saturday. Police arrested 20 people in Mogadishu on Friday.",
     dt.date(2023, 8, 27), "arrested", "2023-08-25", "2023-08-25"),
    ("More than 8 million people have been displaced since the war began in April last year.",
     dt.date(2024, 5, 12), "displaced", "2023-04-01", "2024-05-12"),
    ("More than 8 million people have been displaced since the war began in April last year.",
     dt.date(2024, 5, 12), "began", "2023-04-01", "2023-04-30"),
    # a governing clause ("promised ... after X used")
    ("Moscow promised retaliation on Saturday after the Ukrainian military used more ATACMS missiles.",
     dt.date(2025, 1, 5), "used", "2025-01-04", "2025-01-04"),
    # a subordinate time clause
    ("Three people were killed after jihadists stormed the hotel on March 14.", dt.date(2024, 3, 24),
     "killed", "2024-03-14", "2024-03-14"),
    # "X came a day after Y": Y the day before the reference
    ("Strikes killed 15 civilians on Sunday. The strikes came a day after jihadists launched an attack.",
     dt.date(2018, 6, 10), "launched", "2018-06-09", "2018-06-09"),
    # past-tense night in a statement: the night just past
    ("\u201cSecurity forces fired rockets at the prison tonight,\u201d the ministry said.",
     dt.date(2022, 7, 29), "fired", "2022-07-28", "2022-07-29"),
    # nothing in the sentence: the lead's event day
    ("Gunmen at the weekend killed 17 people in Zamfara state, police said.\nThe gunmen entered the village "
     "on motorcycles.", dt.date(2018, 12, 24), "entered", "2018-12-22", "2018-12-23"),
    # a time after an event noun in a prepositional phrase dates that event, not the trigger
    ("The agency said 16 suspects had been arrested over a deadly attack on a hotel 10 days ago.",
     dt.date(2024, 3, 24), "arrested", "2024-03-24", "2024-03-24"),
    ("The agency said 16 suspects had been arrested over a deadly attack on a hotel 10 days ago.",
     dt.date(2024, 3, 24), "attack", "2024-03-14", "2024-03-14"),
    # an undated sentence continues the one before, if that one dates its own event
    ("Gunmen stormed the village on Saturday. They burned 40 homes, residents said.", dt.date(2018, 12, 24),
     "burned", "2018-12-22", "2018-12-22"),
    ("The army said its offensive began on Sunday morning.\nThe ministry said its soldiers killed 340 "
     "fighters over the past day.", dt.date(2025, 1, 5), "killed", "2025-01-04", "2025-01-05"),
    ("The minister said on Monday that talks had failed. Troops shelled the town.", dt.date(2025, 1, 5),
     "shelled", "2025-01-05", "2025-01-05"),
    # a time inside a relative clause dates that clause, not the trigger: fall back to the anchor
    ("Troops pushed back fighters who had entered the town in August.", dt.date(2025, 1, 5), "pushed",
     "2025-01-05", "2025-01-05"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "words", "start", "end"), CASES)
def test_governing_time(nlp: Language, text: str, anchor: dt.date, words: str, start: str, end: str) -> None:
    doc, draft = _run(nlp, text, anchor)
    assert _dates(governing_time(_span(doc, words), draft)) == (start, end)


def test_default_is_the_anchor_without_text(nlp: Language) -> None:
    doc, draft = _run(nlp, "Rebels shelled the town.", dt.date(2020, 5, 1))
    t = governing_time(_span(doc, "shelled"), draft)
    assert (t.start, t.end, t.text, t.mention) == (dt.date(2020, 5, 1), dt.date(2020, 5, 1), None, None)
    assert t.precision != "day"


def test_mention_points_into_the_text(nlp: Language) -> None:
    text = "Police fired on protesters on Monday, locals said."
    doc, draft = _run(nlp, text, dt.date(2018, 12, 24))
    t = governing_time(_span(doc, "fired"), draft)
    assert t.mention is not None and text[t.mention.start : t.mention.end] == t.text == "on Monday"


def test_reporting_keyword_and_inspection(nlp: Language) -> None:
    text = "The ministry said on Sunday that troops repelled the attackers."
    doc, draft = _run(nlp, text, dt.date(2025, 1, 5))
    span = _span(doc, "repelled")
    assert [c.step for c in explain_time(span, draft)] == ["reporting"]
    assert governing_time(span, draft, reporting=False).text is None
    said = reporting_time(span, draft)
    assert said is not None and said.text == "on Sunday"


def test_durations_and_now_are_weak(nlp: Language) -> None:
    """A duration or "now" in the clause yields to a real date elsewhere in the sentence."""
    text = "On Saturday, the ministry said troops have now fought for three days near the town."
    doc, draft = _run(nlp, text, dt.date(2025, 1, 5))
    steps = [c.step for c in explain_time(_span(doc, "fought"), draft)]
    assert steps[0] == "reporting" and steps[1:] == ["weak", "weak"]
    assert governing_time(_span(doc, "fought"), draft).text == "On Saturday"


def test_dateline_is_not_the_event_date(nlp: Language) -> None:
    text = "Kano, Dec 24: Gunmen at the weekend killed 17 people, police said Monday."
    doc, draft = _run(nlp, text, dt.date(2018, 12, 24))
    assert _dates(governing_time(_span(doc, "killed"), draft)) == ("2018-12-22", "2018-12-23")


def test_works_from_draft_times_alone(nlp: Language) -> None:
    """Without the extractor's Doc attribute, the draft's times are used."""
    text = "Troops shelled the village on Saturday."
    _, draft = _run(nlp, text, dt.date(2025, 1, 5))
    fresh = nlp(text)
    assert _dates(governing_time(_span(fresh, "shelled"), draft)) == ("2025-01-04", "2025-01-04")


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 16 people suspected of links to the group in Kismayo on Friday.",
        "MOGADISHU, March 24 - Police arrested 16 people suspected of links to the group in Kismayo on Friday.",
    ],
)
def test_the_sentences_only_day_on_a_side_phrase(nlp: Language, text: str) -> None:
    """The parse hangs "on Friday" on a side phrase; it still beats the dateline and the anchor."""
    doc, draft = _run(nlp, text, dt.date(2024, 3, 24))
    candidates = explain_time(_span(doc, "arrested"), draft)
    assert candidates[0].step == "side"
    assert _dates(governing_time(_span(doc, "arrested"), draft)) == ("2024-03-22", "2024-03-22")
    assert [c.step for c in candidates[1:]] == (["dateline"] if text.startswith("MOGADISHU") else [])


def test_a_side_day_claimed_by_an_event_noun_is_not_taken(nlp: Language) -> None:
    text = "Troops arrested five men over the attack on a hotel on Friday."
    doc, draft = _run(nlp, text, dt.date(2024, 3, 24))
    assert governing_time(_span(doc, "arrested"), draft).text is None


def test_a_skipped_reporting_day_is_no_side_day(nlp: Language) -> None:
    """With ``reporting=False`` the saying's day is left out, not taken up as a side phrase."""
    text = "The ministry said on Sunday that troops repelled the attackers."
    doc, draft = _run(nlp, text, dt.date(2025, 1, 5))
    assert explain_time(_span(doc, "repelled"), draft, reporting=False) == []


def test_a_dateline_is_reporting_time(nlp: Language) -> None:
    text = "KANO, Dec 24: Gunmen killed 17 people."
    doc, draft = _run(nlp, text, dt.date(2018, 12, 24))
    said = reporting_time(_span(doc, "killed"), draft)
    assert said is not None and said.text == "Dec 24"
