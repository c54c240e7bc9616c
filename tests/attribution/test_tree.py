"""The subtree test of attribution's tree index: equal to spaCy's ``subtree``, in the order asked."""

from __future__ import annotations

from spacy.language import Language

from conflict_events.attribution._tree import descendants


def test_descendants_match_spacy_subtrees(nlp: Language) -> None:
    doc = nlp(
        "The army said the rebels, who had said they would withdraw, attacked the town on Monday. "
        "Officials said two people died, while the group said it fired only at soldiers."
    )
    everyone = list(range(len(doc)))
    for token in doc:
        assert descendants(doc, token.i, everyone) == [t.i for t in token.subtree]
    assert descendants(doc, 2, [30, 5, 1]) == [i for i in (30, 5, 1) if i in {t.i for t in doc[2].subtree}]


def test_descendants_on_a_deep_chain(nlp: Language) -> None:
    # each reporting verb nests the next: walking up from every cue was quadratic per clause
    nlp.max_length = max(nlp.max_length, 100_000)
    doc = nlp("the army said the police said " * 400)
    everyone = list(range(len(doc)))
    roots = [t.i for t in doc if t.lemma_ == "say"]
    found = [descendants(doc, r, everyone) for r in roots[:50]]
    assert all(r in f for r, f in zip(roots, found, strict=False))
