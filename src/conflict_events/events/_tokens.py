"""Per-Doc tree views the event rules read many times: children and subtrees, built once per Doc.

spaCy's ``Token.children`` walks every token between the token's edges and makes new Token
objects on each call, ``Token.subtree`` recurses through generators of new Tokens; the event
rules ask both of the same tokens over and over (and a long misparsed sentence made each walk
as long as the document). Here the children of every token come from one pass over the head
array of the per-Doc index (:func:`conflict_events._docindex.doc_index`), as the Doc's cached
Token objects (:func:`conflict_events._doccache.tokens`), in spaCy's order; a subtree is
listed once per token asked for. Both live in ``doc.user_data`` under the chain's cache prefix
and are released with the other per-Doc caches.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Gunmen raided the village and killed two farmers.")
>>> [t.text for t in kids(doc[1])] == [t.text for t in doc[1].children]
True
>>> [t.text for t in subtree(doc[7])], in_subtree(doc[7], doc[1]), in_subtree(doc[1], doc[7])
(['two', 'farmers'], True, False)
>>> [t.text for t in conjuncts(doc[1])], [t.text for t in conjuncts(doc[5])]
(['killed'], ['raided'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from spacy.symbols import conj

from .._doccache import CACHE_PREFIX, doc_text, tokens
from .._docindex import doc_index

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ancestor_ids", "conjuncts", "in_subtree", "kids", "lower_text", "subtree", "tree"]

_TREE_KEY: Final = CACHE_PREFIX + "events.tree"
_LOWER_KEY: Final = CACHE_PREFIX + "events.lower_text"


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
    """``list(tok.children)``, from the per-Doc tree."""
    doc = tok.doc
    found = doc.user_data.get(_TREE_KEY)  # tree(doc), inlined: the rules ask this tens of times per action
    if not isinstance(found, Tree):
        found = tree(doc)
    i, offsets = tok.i, found.offsets
    return found.child_tokens[offsets[i] : offsets[i + 1]]


def subtree(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.subtree)``, listed once per token."""
    return tree(tok.doc).subtree(tok.i)


def ancestor_ids(tok: Token) -> list[int]:
    """The indexes of ``tok.ancestors``, nearest first."""
    heads = tree(tok.doc).heads
    out: list[int] = []
    i = tok.i
    while heads[i] != i:
        i = heads[i]
        out.append(i)
    return out


def in_subtree(tok: Token, root: Token) -> bool:
    """``tok in root.subtree``: ``root`` is the token or one of its ancestors."""
    heads = tree(tok.doc).heads
    i, top = tok.i, root.i
    for _ in range(len(heads)):  # bounded, as spaCy's walk up is
        if i == top:
            return True
        if heads[i] == i:
            return False
        i = heads[i]
    return i == top


def conjuncts(tok: Token) -> tuple[Token, ...]:
    """``tok.conjuncts``, walked over the per-Doc heads and children (spaCy's own walk rescans edges)."""
    doc = tok.doc
    t, dep = tree(doc), doc_index(doc).dep
    heads = t.heads
    start = tok.i
    while heads[start] != start and dep[start] == conj:
        start = heads[start]  # the first conjunct of the list
    found = [start]
    for word in found:  # grows while read: each conjunct's own conjuncts follow
        found.extend(k for k in t.kid_ids(word) if k > word and dep[k] == conj)
    return tuple(t.tokens[k] for k in found if k != tok.i)


def lower_text(doc: Doc) -> str:
    """``doc.text.lower()``, made once per Doc (from the text the chain caches, which is ``doc.text``)."""
    found = doc.user_data.get(_LOWER_KEY)
    if not isinstance(found, str):
        found = doc.user_data[_LOWER_KEY] = doc_text(doc).lower()
    return found
