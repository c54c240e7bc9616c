"""Where a Doc's numbers and quantity words are: token indices found once per Doc.

spaCy makes a new Token object on every ``doc[i]`` and looks each string
attribute up in the string store, so scanning every token of every sentence
for numbers was most of the cost of finding counts. :func:`number_index` reads
the lower-case forms and ``like_num`` flags of all tokens in one ``to_array``
call, and :meth:`NumberIndex.find` lists the tokens of interest once per Doc;
a sentence then looks only at its own slice of them.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Two tanks were hit. Several died.")
>>> index = number_index(doc)
>>> index.find(word_ids(["several"]), like_num=True)
[0, 5]
>>> index.within(index.find(word_ids(["several"]), like_num=True), 5, 8)
[5]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._doccache import CACHE_PREFIX, tokens
from .._docindex import doc_index as shared_index

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["NumberIndex", "number_index", "word_ids"]

_KEY: Final = CACHE_PREFIX + "quantities.index"


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The string-store ids of lower-case words, as ``to_array(LOWER)`` gives them."""
    return frozenset(get_string_id(w) for w in words)


class NumberIndex:
    """Per-token lower-case ids, ``like_num`` flags and character offsets of one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = tokens(doc)
        shared = shared_index(doc)  # one to_array per Doc for every step
        self.lower, self.like_num, self.starts = shared.lower, shared.like_num, shared.starts
        self._found: dict[tuple[frozenset[int], bool], list[int]] = {}

    def find(self, lower: frozenset[int], like_num: bool = False) -> list[int]:
        """Indices of the tokens whose lower-case form is in ``lower`` (or that look like a number)."""
        key = (lower, like_num)
        found = self._found.get(key)
        if found is None:
            if like_num:
                found = [i for i, (w, n) in enumerate(zip(self.lower, self.like_num, strict=True)) if n or w in lower]
            else:
                found = [i for i, w in enumerate(self.lower) if w in lower]
            self._found[key] = found
        return found

    @staticmethod
    def within(found: list[int], start: int, end: int) -> list[int]:
        """The part of a sorted index list that falls in tokens ``start:end`` (a sentence)."""
        return found[bisect_left(found, start) : bisect_left(found, end)]

    def token_at(self, char: int) -> int:
        """The index of the token that holds character ``char`` (or the last one starting before it)."""
        return bisect_left(self.starts, char + 1) - 1


def number_index(doc: Doc) -> NumberIndex:
    """The :class:`NumberIndex` of ``doc``, built once and kept in ``doc.user_data`` until released."""
    index = doc.user_data.get(_KEY)
    if not isinstance(index, NumberIndex):
        index = doc.user_data[_KEY] = NumberIndex(doc)
    return index
