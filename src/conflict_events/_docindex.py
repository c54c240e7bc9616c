"""The per-Doc token index every extractor reads: token attributes as plain lists, built once per Doc.

``doc[i]`` makes a new Token object on every call, each string attribute (``.lemma_``,
``.lower_``, ``.pos_``) is a StringStore lookup, and ``doc.char_span`` and ``token.sent`` walk
the Doc; the rules ask these questions of the same tokens many times. So the attributes are
read once per Doc (one ``Doc.to_array``), offsets are searched with bisect, and the index lives
in ``doc.user_data`` under the chain's cache prefix, released with the other per-Doc caches.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Shelling hit Izium. Two died.")
>>> expand(doc, 13, 16), doc.char_span(13, 16, alignment_mode="expand")
((2, 3), Izium)
>>> char_span(doc, 13, 16).text, sentence_at(doc, 5).text
('Izium', 'Two died.')
>>> lemmas(doc)[:2], lowers(doc)[1]
(['shelling', 'hit'], 'hit')
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, NamedTuple

import numpy
from spacy import symbols
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, LEMMA, LENGTH, LIKE_NUM, LOWER, ORTH, POS, SPACY
from spacy.tokens import Span

from ._doccache import CACHE_PREFIX, doc_text, entities, sentences, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "AUX",
    "NOUN",
    "PROPN",
    "VERB",
    "DocIndex",
    "EntityRow",
    "Tree",
    "char_span",
    "doc_index",
    "ends",
    "entity_rows",
    "expand",
    "kids",
    "lemmas",
    "lowers",
    "sentence_at",
    "starts",
    "token_at",
    "tree",
]

# coarse part-of-speech ids, as ``DocIndex.pos`` holds them
AUX: Final[int] = symbols.AUX
NOUN: Final[int] = symbols.NOUN
PROPN: Final[int] = symbols.PROPN
VERB: Final[int] = symbols.VERB

_INDEX_KEY: Final = CACHE_PREFIX + "doc_index.tokens"
_SENT_STARTS_KEY: Final = CACHE_PREFIX + "doc_index.sentence_starts"
_ENTITY_ROWS_KEY: Final = CACHE_PREFIX + "doc_index.entities"
_LEMMAS_KEY: Final = CACHE_PREFIX + "doc_index.lemmas"
_LOWERS_KEY: Final = CACHE_PREFIX + "doc_index.lowers"
_TREE_KEY: Final = CACHE_PREFIX + "doc_index.tree"
_ATTRS: Final = [IDX, LENGTH, POS, ENT_TYPE, SPACY, LEMMA, LOWER, DEP, IS_PUNCT, HEAD, ORTH, LIKE_NUM]
# string-store id -> word: words recur across documents, and a lookup in the store costs more
# than the dict; cleared when full, so memory stays flat over any number of documents
_MEMO_SIZE: Final = 1 << 16
_WORDS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


@dataclass(frozen=True)
class DocIndex:
    """Per token: offsets, and the ids of its attributes (compare with ``spacy.strings.get_string_id``)."""

    starts: list[int]  # first character
    ends: list[int]  # end character, trailing white space excluded
    pos: list[int]
    ent_type: list[int]
    lemma: list[int]
    lower: list[int]
    orth: list[int]  # the id of the token's text
    dep: list[int]
    punct: list[bool]
    like_num: list[bool]
    head: list[int]  # the head's token index
    length: int  # characters the tokens cover, with their white space


def doc_index(doc: Doc) -> DocIndex:
    """The Doc's token index, built once per Doc."""
    index = doc.user_data.get(_INDEX_KEY)
    if not isinstance(index, DocIndex):
        if len(doc):
            array = doc.to_array(_ATTRS)
            # every column as a list in one call (slicing and converting each costs more than the array)
            starts, lengths, pos, ent_type, spaces, lemma, lower, dep, punct, _, orth, like_num = array.T.tolist()
            # the head comes as a signed offset from the token, stored in unsigned 64 bits
            heads = array[:, 9].astype(numpy.int64) + numpy.arange(len(doc))
            index = DocIndex(
                starts=starts,
                ends=[s + n for s, n in zip(starts, lengths, strict=True)],
                pos=pos,
                ent_type=ent_type,
                lemma=lemma,
                lower=lower,
                orth=orth,
                dep=dep,
                punct=[p == 1 for p in punct],
                like_num=[n == 1 for n in like_num],
                head=heads.tolist(),
                length=starts[-1] + lengths[-1] + spaces[-1],
            )
        else:
            index = DocIndex([], [], [], [], [], [], [], [], [], [], [], 0)
        doc.user_data[_INDEX_KEY] = index
    return index


def _words(doc: Doc, ids: list[int], memo: dict[int, str], *, lower: bool) -> list[str]:
    store = doc.vocab.strings
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    for key in set(ids).difference(memo):
        memo[key] = store[key].lower() if lower else store[key]
    return [memo[key] for key in ids]


def lemmas(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token (do not modify the list)."""
    found = doc.user_data.get(_LEMMAS_KEY)
    if not isinstance(found, list):
        found = doc.user_data[_LEMMAS_KEY] = _words(doc, doc_index(doc).lemma, _LOWERED, lower=True)
    return found


def lowers(doc: Doc) -> list[str]:
    """``token.lower_`` of every token (do not modify the list)."""
    found = doc.user_data.get(_LOWERS_KEY)
    if not isinstance(found, list):
        found = doc.user_data[_LOWERS_KEY] = _words(doc, doc_index(doc).lower, _WORDS, lower=False)
    return found


def starts(doc: Doc) -> list[int]:
    """``token.idx`` of every token."""
    return doc_index(doc).starts


def ends(doc: Doc) -> list[int]:
    """``token.idx + len(token)`` of every token."""
    return doc_index(doc).ends


class Tree:
    """A Doc's heads, children (as indexes and as Tokens) and the subtrees listed so far.

    The children of all tokens sit in two flat lists, token ``i``'s at ``offsets[i]:offsets[i + 1]``:
    a list per token would add as many objects for the garbage collector to walk as the Doc has tokens.
    """

    __slots__ = ("child_ids", "child_tokens", "heads", "offsets", "subtree_idx", "subtrees", "tokens")

    def __init__(self, doc: Doc) -> None:
        toks = tokens(doc)
        heads = doc_index(doc).head
        offsets = [0] * (len(heads) + 1)
        for i, h in enumerate(heads):
            if h != i:
                offsets[h + 1] += 1
        for i in range(len(heads)):
            offsets[i + 1] += offsets[i]
        free = offsets[:-1]
        child_ids = [0] * offsets[-1]
        for i, h in enumerate(heads):
            if h != i:
                child_ids[free[h]] = i  # ascending: spaCy's lefts, then rights, each in text order
                free[h] += 1
        self.tokens = toks
        self.heads = heads
        self.offsets = offsets
        self.child_ids = child_ids
        self.child_tokens = [toks[k] for k in child_ids]
        self.subtree_idx: dict[int, list[int]] = {}
        self.subtrees: dict[int, tuple[Token, ...]] = {}

    def kid_ids(self, i: int) -> list[int]:
        """The indexes of ``doc[i].children``."""
        return self.child_ids[self.offsets[i] : self.offsets[i + 1]]

    def kids(self, i: int) -> list[Token]:
        """``list(doc[i].children)``."""
        return self.child_tokens[self.offsets[i] : self.offsets[i + 1]]

    def subtree_ids(self, i: int) -> list[int]:
        """The indexes of ``doc[i].subtree``: each left child's subtree, the token, each right child's."""
        found = self.subtree_idx.get(i)
        if found is None:
            found = self.subtree_idx[i] = []
            stack: list[tuple[int, bool]] = [(i, True)]
            while stack:  # no recursion: a misparsed sentence can nest thousands deep
                node, expand = stack.pop()
                if not expand:
                    found.append(node)
                    continue
                ks = self.kid_ids(node)
                stack.extend((k, True) for k in reversed(ks) if k > node)
                stack.append((node, False))
                stack.extend((k, True) for k in reversed(ks) if k < node)
        return found

    def subtree(self, i: int) -> tuple[Token, ...]:
        """``tuple(doc[i].subtree)``, in spaCy's order."""
        found = self.subtrees.get(i)
        if found is None:
            toks = self.tokens
            found = self.subtrees[i] = tuple(toks[k] for k in self.subtree_ids(i))
        return found


def tree(doc: Doc) -> Tree:
    """The Doc's :class:`Tree`, built once per Doc."""
    found = doc.user_data.get(_TREE_KEY)
    if not isinstance(found, Tree):
        found = doc.user_data[_TREE_KEY] = Tree(doc)
    return found


def kids(tok: Token) -> list[Token]:
    """``list(tok.children)``, from the per-Doc :class:`Tree`: rules look at a word's children many times."""
    doc = tok.doc
    found = doc.user_data.get(_TREE_KEY)  # tree(doc), inlined: rules ask this tens of times per word
    if not isinstance(found, Tree):
        found = tree(doc)
    i, offsets = tok.i, found.offsets
    return found.child_tokens[offsets[i] : offsets[i + 1]]


def token_at(index: DocIndex, char: int) -> int:
    """The token whose text or trailing white space holds ``char``, -1 if none (spaCy's ``token_by_char``).

    Tokens with their white space tile the text, so it is the last token starting at or before ``char``.
    """
    if char < 0 or char >= index.length:
        return -1
    return bisect_right(index.starts, char) - 1


def expand(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token bounds of ``doc.char_span(start, end, alignment_mode="expand")``, None where it is None."""
    index = doc_index(doc)
    first = token_at(index, start)
    last = token_at(index, end - 1)
    if first < 0 or last < 0:
        return None
    if start == index.ends[first]:
        first += 1  # in the token's trailing white space: the span starts with the next token
    return first, last + 1


def char_span(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """``doc.char_span(start_char, end_char, alignment_mode="expand")``, found by bisection."""
    bounds = expand(doc, start_char, end_char)
    return None if bounds is None else Span(doc, *bounds)


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i`` (``doc[i].sent``); the Doc must have sentence boundaries."""
    starts = doc.user_data.get(_SENT_STARTS_KEY)
    if not isinstance(starts, list):
        starts = doc.user_data[_SENT_STARTS_KEY] = [s.start for s in sentences(doc)]
    return sentences(doc)[bisect_right(starts, i) - 1]


class EntityRow(NamedTuple):
    """One entity as plain values: ``Span.label_``, ``.text`` and the offsets cost a lookup on each access."""

    start: int  # first character
    end: int  # end character
    label: str
    text: str
    ent_id: str  # the entity ruler's pattern id, "" if none


def entity_rows(doc: Doc) -> list[EntityRow]:
    """The Doc's entities (``doc.ents``) as :class:`EntityRow`, built once per Doc.

    >>> from conflict_events.nlp import load_language_model
    >>> entity_rows(load_language_model()("Shelling hit Izium."))
    [EntityRow(start=13, end=18, label='GPE', text='Izium', ent_id='')]
    """
    rows = doc.user_data.get(_ENTITY_ROWS_KEY)
    if not isinstance(rows, list):
        text = doc_text(doc)
        rows = doc.user_data[_ENTITY_ROWS_KEY] = [
            EntityRow(e.start_char, e.end_char, e.label_, text[e.start_char : e.end_char], e.ent_id_)
            for e in entities(doc)
        ]
    return rows
