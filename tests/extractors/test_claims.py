"""The claims extractor: claimants, figures, kind, flags; and the reference article's score."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from conflict_events.draft import Draft
from conflict_events.extractors.claims import ClaimExtractor
from conflict_events.extractors.figures import FigureExtractor
from conflict_events.extractors.time import TimeExtractor
from conflict_events.io.readers import read_text_file
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Claim, Document


def claims_of(nlp: Language, text: str) -> list[Claim]:
    draft = Draft(Document(id="c", text=text, date=dt.date(2018, 7, 3)))
    doc = nlp(text)
    draft = ClaimExtractor()(doc, FigureExtractor()(doc, draft))
    ids = {a.id for a in draft.actors}
    assert all(c.claimant is not None and c.claimant.id in ids for c in draft.claims)
    return draft.claims


def test_casualty_claims_with_figures_and_aggregate(nlp: Language) -> None:
    text = (
        "Three civilians were killed in a coalition air strike near Zabid, residents said. "
        "UNICEF said on Tuesday that more than 2,200 children had died in the conflict."
    )
    first, second = claims_of(nlp, text)
    assert (first.kind, first.aggregate, [f.value for f in first.figures]) == ("casualties", False, [3])
    assert (second.kind, second.aggregate, second.figures[0].low) == ("casualties", True, 2200)
    assert second.claimant is not None and second.claimant.country is None


def test_text_is_the_asserted_content_and_sentence_the_sentence(nlp: Language) -> None:
    text = "Residents blamed the rebels. Witnesses said eight civilians were killed by rocket fire in Tohayta."
    claims = claims_of(nlp, text)
    assert [c.text.text for c in claims] == [
        "the rebels",
        "eight civilians were killed by rocket fire in Tohayta",
    ]
    assert claims[1].sentence.text == "Witnesses said eight civilians were killed by rocket fire in Tohayta."
    assert [c.cue for c in claims] == ["blame", "say"]
    # the cue's own words, beside its lemma: which verb of the sentence the claim is
    assert [c.cue_span.text if c.cue_span else None for c in claims] == ["blamed", "said"]


def test_quote_negation_hedge_and_intent(nlp: Language) -> None:
    text = (
        "“We will send troops to the region,” the governor said. "
        "The rebels denied the accusations. "
        "The group reportedly said it had seized the town."
    )
    quote, denial, hedged = claims_of(nlp, text)
    assert quote.quote and quote.kind == "intent"
    assert denial.negated and not denial.quote
    assert hedged.hedged and hedged.kind == "territory"


def test_unresolvable_pronoun_leaves_the_claimant_unknown(nlp: Language) -> None:
    text = "“Two people were killed,” he said."
    draft = Draft(Document(id="c", text=text, date=dt.date(2018, 7, 3)))
    doc = nlp(text)
    draft = ClaimExtractor()(doc, FigureExtractor()(doc, draft))
    assert [(c.claimant, c.text.text) for c in draft.claims] == [(None, "Two people were killed")]
    assert [w.code for w in draft.warnings] == ["unresolved_claimant"]
    named = claims_of(nlp, "The governor arrived. “Two people were killed,” he said.")
    assert [c.claimant.name for c in named if c.claimant] == ["governor"]


def test_publication_voice_is_not_a_claim(nlp: Language) -> None:
    assert claims_of(nlp, "Five other civilians were killed in raids that hit other towns.") == []
    assert len(claims_of(nlp, "Five other civilians were killed in raids that hit other towns, police said.")) == 1


def test_every_claim_names_its_cue_source_and_content_rules(nlp: Language) -> None:
    text = "Most of the vehicles were destroyed, according to the ministry. “We held the town,” the army said."
    claims = claims_of(nlp, text)
    assert len(claims) == 2
    for c in claims:
        fields = {d.field: d.rule for d in c.provenance}
        assert {"cue", "claimant", "text", "claimant.name"} <= set(fields)
        assert all(rule.startswith("claims.") for rule in fields.values())
    assert {d.field: d.rule for d in claims[0].provenance}["cue"] == "claims.cue.according_to"
    assert {d.field: d.rule for d in claims[1].provenance}["text"] == "claims.content.quotation"


def test_an_error_of_the_time_rules_is_not_swallowed(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("time rules broke")

    monkeypatch.setattr("conflict_events.extractors.claims.governing_time", broken)
    text = "Police said two people were killed on Friday."
    doc = nlp(text)
    draft = TimeExtractor()(doc, Draft(Document(id="c", text=text, date=dt.date(2018, 7, 3))))
    assert draft.times
    with pytest.raises(RuntimeError, match="time rules broke"):
        ClaimExtractor()(doc, draft)


def test_time_rules_that_cannot_decide_leave_a_warning(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("conflict_events.extractors.claims.governing_time", lambda *a, **k: None)
    text = "Police said two people were killed on Friday."
    draft = Draft(Document(id="c", text=text, date=dt.date(2018, 7, 3)))
    doc = nlp(text)
    draft = TimeExtractor()(doc, FigureExtractor()(doc, draft))
    draft = ClaimExtractor()(doc, draft)
    assert len(draft.claims) == 1 and draft.claims[0].time is None
    assert [w.code for w in draft.warnings] == ["claim_time_undecided"]


def test_a_users_lexicon_file_adds_cue_verbs(nlp: Language, tmp_path: Path) -> None:
    extra = tmp_path / "my_reporting.toml"
    extra.write_text('[meta]\nextends = "reporting"\n\n[lists]\nverbs = ["aver"]\n', encoding="utf-8")
    text = "The governor averred that the curfew would hold."
    draft = Draft(Document(id="c", text=text, date=dt.date(2018, 7, 3)))
    doc = nlp(text)
    assert ClaimExtractor()(doc, FigureExtractor()(doc, draft)).claims == []
    draft = Draft(Document(id="c", text=text, date=dt.date(2018, 7, 3)))
    found = ClaimExtractor(lexicon_files=[extra])(doc, FigureExtractor()(doc, draft)).claims
    assert [c.cue for c in found] == ["aver"]


def test_setting_counts_are_not_claimed_figures(nlp: Language) -> None:
    text = "More than 40 people had been killed by bandits in 16 villages in the past two weeks, the police chief said."
    (claim,) = claims_of(nlp, text)
    assert [(f.category, f.low) for f in claim.figures] == [("killed", 40)]
    assert claim.aggregate


def test_reference_article_meets_the_bar(pipeline: Pipeline, shared_dir: Path, tmp_path: Path) -> None:
    document = read_text_file(shared_dir / "corpus" / "kursk-2025-01-05.txt")
    out = tmp_path / "kursk.jsonl"
    out.write_text(pipeline(document).model_dump_json() + "\n", encoding="utf-8")
    gold = shared_dir / "gold" / "kursk-2025-01-05.gold.json"
    run = subprocess.run(
        [sys.executable, str(shared_dir / "gold" / "score.py"), str(gold), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(run.stdout)
    assert scores["claims"]["f1"] >= 0.9
    assert scores["claims"]["claimant_name_acc"] >= 0.9
    assert scores["figures"]["f1"] >= 0.9


@pytest.mark.parametrize(
    "name", ["syria-idlib-2018-06-10", "ukraine-olenivka-2022-07-29", "nigeria-zamfara-2018-12-24"]
)
def test_other_articles_keep_their_claims(pipeline: Pipeline, shared_dir: Path, tmp_path: Path, name: str) -> None:
    document = read_text_file(shared_dir / "corpus" / f"{name}.txt")
    out = tmp_path / "a.jsonl"
    out.write_text(pipeline(document).model_dump_json() + "\n", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "gold" / "score.py"),
            str(shared_dir / "gold" / f"{name}.gold.json"),
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout)["claims"]["f1"] >= 0.8


FRAGMENTS = [
    "The ministry said",
    "“We held the line,” he said.",
    "according to witnesses,",
    "Residents blamed the rebels.",
    "12 soldiers were killed",
    "and two tanks destroyed.",
    "Ukraine denied it.",
    "in 2024",
    "more than 40 people",
    "‘They fired at us,’ she told AFP.",
    "Moscow promised retaliation.",
    "\n\n",
    "a monitor said.",
    "it added",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_gives_a_valid_result_with_nested_spans(nlp: Language, parts: list[str]) -> None:
    text = " ".join(parts)
    draft = Draft(Document(id="h", text=text, date=dt.date(2024, 6, 10)))
    doc = nlp(text)
    draft = ClaimExtractor()(doc, FigureExtractor()(doc, draft))
    result = draft.to_result([])  # validates every span and reference
    for c in result.claims:
        assert c.sentence.start <= c.text.start and c.text.end <= c.sentence.end
        assert all(c.text.start <= f.text.start and f.text.end <= c.text.end for f in c.figures)
        # no claimant only where nobody is named: no rule resolved a name
        assert c.claimant is not None or not any(d.field == "claimant.name" for d in c.provenance)


def _attitude(c: Claim) -> str:
    rules = [d.rule for d in c.provenance if d.field == "attitude"]
    return rules[0].rsplit(".", 1)[1] if rules else "statement"


def test_each_claim_keeps_the_attitude_of_its_cue(nlp: Language) -> None:
    text = (
        "The governor said the curfew would hold in Kaduna. "
        "The governor urged residents to stay indoors. "
        "The rebels denied that they had attacked the market. "
        "The rebels vowed to retake the town by Friday. "
        "Local officials believe the gunmen came from Zamfara."
    )
    found = {c.cue: _attitude(c) for c in claims_of(nlp, text)}
    assert found == {"say": "statement", "urge": "demand", "deny": "denial", "vow": "intention", "believe": "belief"}


def test_an_unattributed_passive_is_a_claim_with_no_claimant(nlp: Language) -> None:
    text = "The junta is expected to extend the curfew in Mandalay. The army said two soldiers died."
    draft = Draft(Document(id="c", text=text, date=dt.date(2024, 5, 1)))
    doc = nlp(text)
    claims = ClaimExtractor()(doc, FigureExtractor()(doc, draft)).claims
    assert [(c.cue, c.claimant is None) for c in claims] == [("expect", True), ("say", False)]


def test_a_stance_inside_a_report_is_not_a_claim_of_its_own(nlp: Language) -> None:
    text = "The minister said the rebels want to retake the border post."
    assert [c.cue for c in claims_of(nlp, text)] == ["say"]


def test_a_role_description_later_in_the_text_is_a_mention_of_the_claimant(nlp: Language) -> None:
    text = (
        "Ruth Imes spoke in Tulsa on Friday. She said the state needed more nurses. "
        "Later the candidate toured a clinic."
    )
    (claim,) = claims_of(nlp, text)
    assert claim.claimant is not None and claim.claimant.name == "Ruth Imes"
    assert "candidate" in [m.text for m in claim.claimant.mentions]


def test_a_quantity_speakers_mention_is_the_phrase_that_says_whom_it_counts(nlp: Language) -> None:
    text = (
        "One in three said the curfew had failed. Those who back the governor say the vote in Kano was rigged."
    )
    mentions = {m.text for c in claims_of(nlp, text) if c.claimant is not None for m in c.claimant.mentions}
    assert {"One in three", "Those who back the governor"} <= mentions


def test_the_cue_span_runs_over_the_infinitive_chain_that_shares_the_subject(nlp: Language) -> None:
    text = "The rebels would like to see the border reopened. Officials seemed to confirm that the curfew failed."
    spans = {c.cue: c.cue_span.text for c in claims_of(nlp, text) if c.cue_span is not None}
    assert spans["see"] == "like to see"
    assert spans["confirm"] == "seemed to confirm"
