"""Attribution's own questions of the shared per-Doc index (:mod:`conflict_events._docindex`), and spans.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Officials Said it fell. Two died.")
>>> subjects(doc), descendants(doc, 1, [0, 1, 2, 3])
([0, 2, 5], [0, 1, 2, 3])
>>> doc.text[slice(*trim(doc, 1, 4))]
'Said it fell'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._doccache import CACHE_PREFIX, doc_text
from .._docindex import doc_index, ends, lowers, starts

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PUNCT_TRIM", "descendants", "subjects", "token_text", "trim", "trim_chars"]

_ORDER_KEY: Final = CACHE_PREFIX + "attribution.tree_order"
_SUBJECT_IDS: Final = frozenset(get_string_id(label) for label in ("nsubj", "nsubjpass"))
PUNCT_TRIM: Final = " ,;:.\u2014\u2013-\"'\u201c\u201d\u2018\u2019\n"


def subjects(doc: Doc) -> list[int]:
    """Indices of the tokens whose ``dep_`` is ``nsubj`` or ``nsubjpass``, in order."""
    return [i for i, d in enumerate(doc_index(doc).dep) if d in _SUBJECT_IDS]


def descendants(doc: Doc, root: int, among: list[int]) -> list[int]:
    """The tokens of ``among`` (in ascending order) in ``doc[root].subtree`` (the root too), in that order."""
    enter, leave = _tree_order(doc)
    lo, hi = enter[root], leave[root]
    # a subtree lies between its left and right edges: only that stretch of ``among`` is looked at,
    # not every token of the document for each root
    t = doc[root]
    among = among[bisect_left(among, t.left_edge.i) : bisect_right(among, t.right_edge.i)]
    return [i for i in among if lo <= enter[i] < hi]


def _tree_order(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's entry and exit number in a depth-first walk of the parse, made once per Doc:
    ``j`` is under ``i`` exactly when ``enter[i] <= enter[j] < leave[i]``. (Walking up the heads
    from every candidate cost the depth of the tree each time: quadratic on one long sentence.)"""
    found = doc.user_data.get(_ORDER_KEY)
    if isinstance(found, tuple):
        return found
    head = doc_index(doc).head
    n = len(head)
    children: list[list[int]] = [[] for _ in range(n)]
    roots = []
    for i, h in enumerate(head):
        if h == i or not 0 <= h < n:
            roots.append(i)
        else:
            children[h].append(i)
    enter = [-1] * n
    leave = [0] * n
    clock = 0
    for r in roots:
        stack = [(r, False)]
        while stack:
            i, done = stack.pop()
            if done:
                leave[i] = clock
                continue
            if enter[i] >= 0:
                continue  # a broken parse with a cycle: each token is walked once
            enter[i] = clock
            clock += 1
            stack.append((i, True))
            stack.extend((c, False) for c in reversed(children[i]))
    for i in range(n):  # tokens only a cycle reaches: alone
        if enter[i] < 0:
            enter[i], leave[i], clock = clock, clock + 1, clock + 1
    doc.user_data[_ORDER_KEY] = (enter, leave)
    return enter, leave


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of tokens start..end (inclusive), without edge punctuation or a leading "that"."""
    punct, lower = doc_index(doc).punct, lowers(doc)
    while start <= end and (lower[start] in ("that", ",", "and") or punct[start]):
        start += 1
    while end >= start and (punct[end] or lower[end] in ("and", "but", "or")):
        end -= 1
    if end < start:
        at = starts(doc)[start] if start < len(doc) else len(doc_text(doc))
        return (at, at)
    return trim_chars(doc_text(doc), starts(doc)[start], ends(doc)[end])


def trim_chars(text: str, a: int, b: int) -> tuple[int, int]:
    """``a:b`` without surrounding spaces, punctuation and quotation marks."""
    while b > a and text[b - 1] in PUNCT_TRIM:
        b -= 1
    while a < b and text[a] in PUNCT_TRIM:
        a += 1
    return (a, b)


def token_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text."""
    return doc_text(doc)[starts(doc)[start] : ends(doc)[end - 1]] if end > start else ""
