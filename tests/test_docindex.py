"""The shared per-Doc index answers exactly what spaCy's own attributes and look-ups answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from conflict_events._docindex import (
    char_span,
    doc_index,
    ends,
    expand,
    kids,
    lemmas,
    lowers,
    sentence_at,
    starts,
)

TEXT = (
    "KYIV, Ukraine (AP) — Russian forces shelled Kharkiv overnight, killing two.  "
    "Officials said the strike hit a school.\n\nTroops repelled 14 assaults near Kupiansk."
)


def test_token_attributes_match_spacy(nlp: Language) -> None:
    doc = nlp(TEXT)
    index = doc_index(doc)
    assert lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert lowers(doc) == [t.lower_ for t in doc]
    assert starts(doc) == [t.idx for t in doc]
    assert ends(doc) == [t.idx + len(t) for t in doc]
    assert index.head == [t.head.i for t in doc]
    assert index.punct == [t.is_punct for t in doc]
    assert index.length == len(doc.text)
    assert all(kids(t) == list(t.children) for t in doc)
    assert all(sentence_at(doc, t.i) == t.sent for t in doc)


@settings(max_examples=300, deadline=None)
@given(st.integers(-2, len(TEXT) + 2), st.integers(0, 40))
def test_char_span_is_spacys_expand(nlp: Language, start: int, width: int) -> None:
    doc = nlp(TEXT)
    end = start + width
    theirs = doc.char_span(start, end, alignment_mode="expand") if 0 <= start <= end <= len(TEXT) else None
    if theirs is None and 0 <= start <= end <= len(TEXT):
        assert char_span(doc, start, end) is None or width == 0
        return
    if theirs is not None:
        ours = char_span(doc, start, end)
        assert ours is not None and (ours.start, ours.end) == (theirs.start, theirs.end)
        assert expand(doc, start, end) == (theirs.start, theirs.end)


def test_an_empty_doc(nlp: Language) -> None:
    doc = nlp("")
    assert lemmas(doc) == [] and doc_index(doc).length == 0 and char_span(doc, 0, 1) is None
