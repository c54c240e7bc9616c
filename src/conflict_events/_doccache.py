"""Per-Doc caches every step reads: the text, sentences, entities and tokens, built once per Doc.

spaCy rebuilds ``doc.text``, ``doc.sents`` and ``doc.ents`` on every access; the chain asks for
them thousands of times per document. The caches live in ``doc.user_data`` under keys in the
``conflict_events.`` namespace and :func:`release` drops them once the chain is done with a Doc.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span, Token

__all__ = ["CACHE_PREFIX", "TEXT_KEY", "doc_text", "entities", "release", "sentences", "tokens"]

TEXT_KEY: Final = "conflict_events.text"
# Per-Doc caches live in ``doc.user_data`` under keys in this namespace (a string, or a tuple
# whose first item is one); ``release`` removes them all once the chain is done with the Doc.
CACHE_PREFIX: Final = "conflict_events."
_SENTS_KEY: Final = CACHE_PREFIX + "sents"
_ENTS_KEY: Final = CACHE_PREFIX + "ents"
_TOKENS_KEY: Final = CACHE_PREFIX + "tokens"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from every token on each access.

    >>> from conflict_events.nlp import load_language_model
    >>> doc = load_language_model()("Shelling hit Izium.")
    >>> doc_text(doc) is doc_text(doc)
    True
    """
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def sentences(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents`` as a tuple built once per Doc: spaCy walks every token on each access.

    >>> from conflict_events.nlp import load_language_model
    >>> doc = load_language_model()("Shelling hit Izium. Two died.")
    >>> [s.text for s in sentences(doc)]
    ['Shelling hit Izium.', 'Two died.']
    """
    sents = doc.user_data.get(_SENTS_KEY)
    if not isinstance(sents, tuple):
        sents = doc.user_data[_SENTS_KEY] = tuple(doc.sents)
    return sents


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy makes new Spans from every token on each access).

    >>> from conflict_events.nlp import load_language_model
    >>> doc = load_language_model()("Shelling hit Izium.")
    >>> [e.text for e in entities(doc)]
    ['Izium']
    """
    ents = doc.user_data.get(_ENTS_KEY)
    if not isinstance(ents, tuple):
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list built once: ``doc[i]`` makes a new Token object on every call.

    >>> from conflict_events.nlp import load_language_model
    >>> doc = load_language_model()("Shelling hit Izium.")
    >>> tokens(doc)[2].text
    'Izium'
    """
    toks = doc.user_data.get(_TOKENS_KEY)
    if not isinstance(toks, list):
        toks = doc.user_data[_TOKENS_KEY] = list(doc)
    return toks


def _cache_key(key: object) -> bool:
    head = key[0] if isinstance(key, tuple) and key else key
    return isinstance(head, str) and head.startswith(CACHE_PREFIX)


def release(doc: Doc) -> None:
    """Drop every per-Doc cache of the chain, so that no Span or Token keeps its Doc alive.

    >>> from conflict_events.nlp import load_language_model
    >>> doc = load_language_model()("Shelling hit Izium.")
    >>> _ = sentences(doc), doc_text(doc)
    >>> release(doc)
    >>> [k for k in doc.user_data if _cache_key(k)]
    []
    """
    data = doc.user_data
    # _cache_key inlined: a long document holds hundreds of keys
    prefix = CACHE_PREFIX
    for key in [
        k
        for k in data
        if (k.startswith(prefix) if isinstance(k, str) else isinstance(k, tuple) and _cache_key(k))
    ]:
        del data[key]
