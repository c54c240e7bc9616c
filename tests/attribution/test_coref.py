"""The speakers' discourse history: the most recent fitting entry, looked for within a reach."""

from __future__ import annotations

from spacy.language import Language

from conflict_events.attribution._coref import _REACH, Coreference


def test_pronoun_takes_the_last_person_before_it(nlp: Language) -> None:
    doc = nlp("Andriy Yermak spoke first. Olena Kovalenko spoke next. She said the town was shelled.")
    coref = Coreference(doc, quotes=[])
    she = next(t for t in doc if t.lower_ == "she")
    found = coref.resolve(she)
    assert found is not None and doc[found.head].text == "Kovalenko"


def test_an_entry_beyond_the_reach_is_not_a_referent(nlp: Language) -> None:
    filler = "The weather was calm all day. " * (_REACH // 30 + 10)
    nlp.max_length = max(nlp.max_length, 2 * len(filler))
    doc = nlp("Andriy Yermak spoke. " + filler + "He said the town was shelled.")
    coref = Coreference(doc, quotes=[])
    he = next(t for t in doc if t.lower_ == "he")
    assert coref.resolve(he) is None
    near = nlp("Andriy Yermak spoke. The weather was calm. He said the town was shelled.")
    found = Coreference(near, quotes=[]).resolve(next(t for t in near if t.lower_ == "he"))
    assert found is not None and near[found.head].text == "Yermak"
