"""Per-Doc tree views the event rules read many times: subtrees, ancestors and conjuncts.

spaCy's ``Token.subtree`` recurses through generators of new Tokens and ``Token.conjuncts``
rescans edges; the event rules ask both of the same tokens over and over (and a long misparsed
sentence made each walk as long as the document). Subtrees and conjuncts here are read from the
per-Doc :class:`conflict_events._docindex.Tree` (children from one pass over the head array), a
subtree listed once per token asked for; ``kids`` is :func:`conflict_events._docindex.kids`.

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

from .._doccache import CACHE_PREFIX, doc_text
from .._docindex import doc_index, kids, lemmas, lowers, tree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "ancestor_ids",
    "conjuncts",
    "doc_words",
    "in_subtree",
    "kids",
    "lower_text",
    "root_before_modifier_verb",
    "subject_read_as_head",
    "subtree",
    "tree",
]

_LOWER_KEY: Final = CACHE_PREFIX + "events.lower_text"
_WORDS_KEY: Final = CACHE_PREFIX + "events.doc_words"


# -- two misparses of short notes, read by the trigger, side and typing rules alike ----------------


def subject_read_as_head(verb: Token) -> Token | None:
    """The noun a finite verb was conjoined to, which is its subject: "Gunmen on a motorbike shot and wounded a
    trader" parsed as a noun phrase ("motorbike shot") with "wounded" a conjunct of "gunmen". None otherwise."""
    return verb.head if verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.pos_ == "NOUN" else None


_BEFORE_VERB_POS: Final = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT"})
_SUBJECT_DEPS: Final = ("nsubj", "csubj", "expl")
PHRASE_POS: Final = _BEFORE_VERB_POS | {"DET", "ADP", "NUM", "CCONJ"}


def nouns_before_subjectless_root(verb: Token, through: frozenset[str] = _BEFORE_VERB_POS) -> list[Token]:
    """The nouns, in text order, of the phrase written right before a root verb the model gave no subject ("On 1
    May, in Torreon, Coahuila, relatives of missing people marched", the subject read as a conjunct of the place;
    "presumed Katiba Macina (JNIM) abducted"): the verb's doer. Empty when the verb has a subject or is no root."""
    if verb.pos_ != "VERB" or verb.dep_ != "ROOT":
        return []
    if any(c.dep_.startswith(_SUBJECT_DEPS) for c in verb.children):
        return []
    doc, i, found = verb.doc, verb.i - 1, []
    while i >= 0 and doc[i].pos_ in through and doc[i].text not in (",", ";", ":", ".") and verb.i - i <= 8:
        if doc[i].pos_ in ("PROPN", "NOUN") and doc[i].ent_type_ != "DATE":
            found.append(doc[i])
        i -= 1
    return found[::-1]


def root_before_modifier_verb(verb: Token) -> Token | None:
    """The verbless root right before a verb read as an adjective of its object: "JNIM militants assaulted
    villagers" parsed as "militants" (the root) with "assaulted villagers" its object. The root is the verb's
    subject, the noun the verb hangs on its object. None otherwise."""
    if verb.i == 0 or verb.tag_ not in ("VBN", "VBD"):
        return None
    root = verb.head.head
    if root.i != verb.i - 1 or root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
        return None
    return root


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


def doc_words(doc: Doc) -> frozenset[str]:
    """Every ``token.lower_`` and lower-case lemma of the Doc, made once per Doc: a rule that needs a word of a list
    among the words it reads first asks whether the Doc holds any (most documents hold none of most lists).

    >>> from conflict_events.nlp import load_language_model
    >>> sorted(doc_words(load_language_model()("Rebels often attack.")))
    ['.', 'attack', 'often', 'rebel', 'rebels']
    """
    found = doc.user_data.get(_WORDS_KEY)
    if not isinstance(found, frozenset):
        found = doc.user_data[_WORDS_KEY] = frozenset(lowers(doc)).union(lemmas(doc))
    return found
