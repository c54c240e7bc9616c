"""The per-Doc caches in ``conflict_events.nlp``: built once, equal to spaCy's own, and released."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from conflict_events.nlp import TEXT_KEY, doc_text, entities, release, sentences, tokens
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document

TEXT = "Russian forces shelled Kharkiv on Sunday. Two people died in Izium, officials said."


def test_caches_match_spacy_and_are_built_once(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert [t.text for t in tokens(doc)] == [t.text for t in doc]
    assert sentences(doc) is sentences(doc)
    assert entities(doc) is entities(doc)
    assert tokens(doc) is tokens(doc)
    assert doc_text(doc) == TEXT


def test_release_drops_every_cache(nlp: Language) -> None:
    doc = nlp(TEXT)
    before = set(doc.user_data)
    sentences(doc), entities(doc), tokens(doc), doc_text(doc)
    assert set(doc.user_data) > before
    release(doc)
    assert set(doc.user_data) == before


def test_pipeline_leaves_no_cache_on_the_doc(nlp: Language) -> None:
    pipeline = Pipeline(nlp=nlp)
    doc = nlp(TEXT)
    pipeline.run(doc, Document(id="d", text=TEXT, date=date(2025, 3, 10)))
    assert TEXT_KEY not in doc.user_data
    assert not any(str(k).startswith("conflict_events.") for k in doc.user_data)


def test_a_text_without_breaks_is_cut_into_bounded_sentences(nlp: Language) -> None:
    from conflict_events.nlp import SENTENCE_CAP

    doc = nlp("1, " * 1500)
    assert max(len(s) for s in doc.sents) <= SENTENCE_CAP + 32
    ordinary = nlp(TEXT)  # ordinary sentences are left to the parser
    assert [s.text for s in ordinary.sents] == [
        "Russian forces shelled Kharkiv on Sunday.",
        "Two people died in Izium, officials said.",
    ]
