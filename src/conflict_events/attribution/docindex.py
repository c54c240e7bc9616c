"""Per-Doc lookups for the attribution rules, each built once per Doc and released with the chain's caches.

spaCy makes a new Token object on every ``doc[i]`` and looks each string attribute up
in the StringStore on every access; the rules ask the same questions of the same tokens
many times (every claim's content, every speaker phrase), so the answers are read once:
lower-case forms, lower-cased lemmas, subjects, punctuation, token and sentence offsets.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Officials Said it fell. Two died.")
>>> lemmas(doc)[:2], lowers(doc)[1], subjects(doc)
(['official', 'say'], 'said', [0, 2, 5])
>>> char_span(doc, 10, 13).text, sentence_of(doc, 6).text
('Said', 'Two died.')
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Final, NamedTuple

from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Span

from ..nlp import CACHE_PREFIX, doc_text, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "char_span",
    "descendants",
    "ends",
    "kids",
    "lemmas",
    "lowers",
    "puncts",
    "sentence_of",
    "starts",
    "subjects",
]

_COLUMNS_KEY: Final = CACHE_PREFIX + "attribution.columns"
_LEMMAS_KEY: Final = CACHE_PREFIX + "attribution.lemmas"
_LOWERS_KEY: Final = CACHE_PREFIX + "attribution.lowers"
_SENT_STARTS_KEY: Final = CACHE_PREFIX + "attribution.sent_starts"
_KIDS_KEY: Final = CACHE_PREFIX + "attribution.children"
_ATTRS: Final = [LEMMA, LOWER, DEP, IDX, LENGTH, IS_PUNCT, HEAD]
_SIGN: Final = 1 << 63  # ``to_array`` gives a head's (signed) offset as an unsigned 64-bit number
_SUBJECT_IDS: Final = frozenset(get_string_id(label) for label in ("nsubj", "nsubjpass"))
# string-store id -> word: words recur across documents, and a lookup in the store costs more
# than the dict; cleared when full, so memory stays flat over any number of documents
_MEMO_SIZE: Final = 1 << 16
_WORDS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


class _Columns(NamedTuple):
    lemma: list[int]
    lower: list[int]
    dep: list[int]
    start: list[int]
    end: list[int]
    punct: list[bool]
    head: list[int]


def _columns(doc: Doc) -> _Columns:
    """The token attributes the rules read, from one ``to_array`` call."""
    found = doc.user_data.get(_COLUMNS_KEY)
    if isinstance(found, _Columns):
        return found
    if len(doc):
        lemma, lower, dep, idx, length, punct, offset = doc.to_array(_ATTRS).T.tolist()
        end = [i + n for i, n in zip(idx, length, strict=True)]
        head = [i + (o - 2 * _SIGN if o >= _SIGN else o) for i, o in enumerate(offset)]
        found = _Columns(lemma, lower, dep, idx, end, [p == 1 for p in punct], head)
    else:
        found = _Columns([], [], [], [], [], [], [])
    doc.user_data[_COLUMNS_KEY] = found
    return found


def _words(doc: Doc, ids: list[int], memo: dict[int, str], *, lower: bool) -> list[str]:
    store = doc.vocab.strings
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    for key in set(ids).difference(memo):
        memo[key] = store[key].lower() if lower else store[key]
    return [memo[key] for key in ids]


def lemmas(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token."""
    found = doc.user_data.get(_LEMMAS_KEY)
    if not isinstance(found, list):
        found = doc.user_data[_LEMMAS_KEY] = _words(doc, _columns(doc).lemma, _LOWERED, lower=True)
    return found


def lowers(doc: Doc) -> list[str]:
    """``token.lower_`` of every token."""
    found = doc.user_data.get(_LOWERS_KEY)
    if not isinstance(found, list):
        found = doc.user_data[_LOWERS_KEY] = _words(doc, _columns(doc).lower, _WORDS, lower=False)
    return found


def subjects(doc: Doc) -> list[int]:
    """Indices of the tokens whose ``dep_`` is ``nsubj`` or ``nsubjpass``, in order."""
    return [i for i, d in enumerate(_columns(doc).dep) if d in _SUBJECT_IDS]


def puncts(doc: Doc) -> list[bool]:
    """``token.is_punct`` of every token."""
    return _columns(doc).punct


def starts(doc: Doc) -> list[int]:
    """``token.idx`` of every token."""
    return _columns(doc).start


def ends(doc: Doc) -> list[int]:
    """``token.idx + len(token)`` of every token."""
    return _columns(doc).end


def descendants(doc: Doc, root: int, among: list[int]) -> list[int]:
    """The tokens of ``among`` in ``doc[root].subtree`` (the root too), by walking up their heads."""
    head = _columns(doc).head
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


def kids(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, made once per token: the rules look at a cue's children many times."""
    user_data = token.doc.user_data
    found = user_data.get(_KIDS_KEY)
    if not isinstance(found, dict):
        found = user_data[_KIDS_KEY] = {}
    children: tuple[Token, ...] | None = found.get(token.i)
    if children is None:
        children = found[token.i] = tuple(token.children)
    return children


def _token_at(doc: Doc, char: int) -> int:
    """The token whose text or trailing space holds ``char``, -1 if none (spaCy's ``token_by_char``).

    Tokens with their trailing space tile the text, so it is the last token starting at or before it.
    """
    if char < 0 or char >= len(doc_text(doc)) or not len(doc):
        return -1
    return bisect_right(starts(doc), char) - 1


def char_span(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """``doc.char_span(start_char, end_char, alignment_mode="expand")``, found by bisection."""
    start = _token_at(doc, start_char)
    if start < 0:
        return None
    end = _token_at(doc, end_char - 1)
    if end < 0:
        return None
    # spaCy's "expand" does not count a token's trailing space as part of it
    if start_char == ends(doc)[start]:
        start += 1
    return Span(doc, start, end + 1)


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i`` (``doc[i].sent``)."""
    sent_starts = doc.user_data.get(_SENT_STARTS_KEY)
    if not isinstance(sent_starts, list):
        sent_starts = doc.user_data[_SENT_STARTS_KEY] = [s.start for s in sentences(doc)]
    return sentences(doc)[bisect_right(sent_starts, i) - 1]
