"""Character offsets of a parsed Doc mapped to its tokens and sentences, indexed once per Doc.

``doc.char_span`` and ``token.sent`` walk the Doc and make new Token objects on every call, and
``token.pos_`` looks a string up; the chain asks them for every place and time mention. So the
token offsets, parts of speech and entity types are read once per Doc (``Doc.to_array``) and
searched with bisect. The index lives in ``doc.user_data`` under the chain's cache prefix and is
released with the other per-Doc caches.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Shelling hit Izium. Two died.")
>>> expand(doc, 13, 16), doc.char_span(13, 16, alignment_mode="expand")
((2, 3), Izium)
>>> sentence_at(doc, 5).text
'Two died.'
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, NamedTuple

from spacy import symbols
from spacy.attrs import ENT_TYPE, IDX, LENGTH, POS, SPACY

from ..nlp import CACHE_PREFIX, doc_text, entities, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "AUX",
    "NOUN",
    "PROPN",
    "VERB",
    "DocIndex",
    "EntityRow",
    "doc_index",
    "entity_rows",
    "expand",
    "sentence_at",
    "token_at",
]

# coarse part-of-speech ids, as ``DocIndex.pos`` holds them
AUX: Final[int] = symbols.AUX
NOUN: Final[int] = symbols.NOUN
PROPN: Final[int] = symbols.PROPN
VERB: Final[int] = symbols.VERB

_INDEX_KEY: Final = CACHE_PREFIX + "doc_index.tokens"
_SENT_STARTS_KEY: Final = CACHE_PREFIX + "doc_index.sentence_starts"
_ENTITY_ROWS_KEY: Final = CACHE_PREFIX + "doc_index.entities"


@dataclass(frozen=True)
class DocIndex:
    """Per token: first character, end character (trailing white space excluded), POS and entity type ids."""

    starts: list[int]
    ends: list[int]
    pos: list[int]
    ent_type: list[int]
    length: int  # characters the tokens cover, with their white space


def doc_index(doc: Doc) -> DocIndex:
    """The Doc's token index, built once per Doc."""
    index = doc.user_data.get(_INDEX_KEY)
    if not isinstance(index, DocIndex):
        if len(doc):
            array = doc.to_array([IDX, LENGTH, POS, ENT_TYPE, SPACY])
            starts, lengths, spaces = array[:, 0], array[:, 1], array[:, 4]
            index = DocIndex(
                starts=starts.tolist(),
                ends=(starts + lengths).tolist(),
                pos=array[:, 2].tolist(),
                ent_type=array[:, 3].tolist(),
                length=int(starts[-1] + lengths[-1] + spaces[-1]),
            )
        else:
            index = DocIndex([], [], [], [], 0)
        doc.user_data[_INDEX_KEY] = index
    return index


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
