"""Attribution's own questions of the shared per-Doc index (:mod:`conflict_events._docindex`).

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Officials Said it fell. Two died.")
>>> subjects(doc), descendants(doc, 1, [0, 1, 2, 3])
([0, 2, 5], [0, 1, 2, 3])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._docindex import doc_index

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["descendants", "subjects"]

_SUBJECT_IDS: Final = frozenset(get_string_id(label) for label in ("nsubj", "nsubjpass"))


def subjects(doc: Doc) -> list[int]:
    """Indices of the tokens whose ``dep_`` is ``nsubj`` or ``nsubjpass``, in order."""
    return [i for i, d in enumerate(doc_index(doc).dep) if d in _SUBJECT_IDS]


def descendants(doc: Doc, root: int, among: list[int]) -> list[int]:
    """The tokens of ``among`` in ``doc[root].subtree`` (the root too), by walking up their heads."""
    head = doc_index(doc).head
    out = []
    for i in among:
        j = i
        for _ in range(len(head)):  # a parse is a tree; the bound only guards against a broken one
            if j == root:
                out.append(i)
                break
            if head[j] == j:
                break
            j = head[j]
    return out
