"""Direct quotations take the speaker of the cue beside them; the quotation becomes the content.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import find_attributions
>>> doc = load_language_model()("“We repelled them at dawn,” the army said.")
>>> [(a.cue, a.quote, a.content_rule) for a in find_attributions(doc)]
[('say', True, 'claims.content.quotation')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._docindex import char_span, sentence_at
from ..rules import Example, rule
from ._attribution_record import Attribution
from ._quotes import Quotation
from ._tree import token_text, trim_chars

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["attach_quotations"]

_CLOSING: Final = (",", "?", "!", "\u2014", "-")


def _beside(doc: Doc, q: Quotation, a: Attribution) -> int | None:
    """How far the cue of ``a`` stands from quotation ``q``, when it qualifies as its cue."""
    cue_at = a.cue_span[0]
    empty = a.content[0] == a.content[1]
    inside = q.inner_start <= a.content[0] and a.content[1] <= q.inner_end + 1
    if not (empty or inside):
        return None  # a cue whose content is already outside the quotation keeps it
    if q.end <= cue_at and _only_speaker_between(doc, q, cue_at, a):
        return cue_at - q.end
    if cue_at < q.start and _only_intro_between(doc, a.cue_span[1], q.start):
        return q.start - a.cue_span[1]
    if inside and not empty:
        return abs(cue_at - q.end)
    return None


@rule(
    "claims.content.quotation",
    decides="claim.text",
    positive=[Example("“We repelled them at dawn and held the bridge,” the army said.", {"claim.quote": True})],
    negative=[Example("The army said it repelled them at dawn and held the bridge.", {"claim.quote": False})],
)
def quotation_cue(doc: Doc, q: Quotation, found: list[Attribution]) -> int | None:
    """A direct quotation is the claim of the nearest cue right after it, right before it, or inside it.

    Right after: "“...,” he said" (only the speaker between); right before: "X said: “...”",
    "saying “...”"; inside: the cue's parsed content lies in the quotation.
    """
    candidates = [(d, k) for k, a in enumerate(found) if (d := _beside(doc, q, a)) is not None]
    return min(candidates)[1] if candidates else None


@rule(
    "claims.content.quotation_continued",
    decides="claim.text",
    positive=[
        Example(
            "“They burnt our market,” Captain Ali Warsame told Reuters on Sunday. "
            "“We chased them at dawn and recovered one truck.”",
            {
                "claim.text.text": "They burnt our market,” Captain Ali Warsame told Reuters on Sunday. "
                "“We chased them at dawn and recovered one truck",
                "claims": 1,
            },
        )
    ],
    negative=[
        Example(
            "“They burnt our market,” Captain Ali Warsame told Reuters on Sunday.",
            {"claim.text.text": "They burnt our market"},
        ),
        Example(
            "“They burnt our market,” Ali Warsame said, and his brother Yusuf nodded. “We chased them at dawn.”",
            {"claim.text.text": "They burnt our market", "claims": 1},
        ),
    ],
)
def continuation(doc: Doc, last: tuple[Quotation, Attribution] | None, q: Quotation) -> tuple[int, int] | None:
    """A quotation with no cue of its own, right after an attributed one, continues the same claim.

    Only the earlier quotation's cue (or nothing) may stand between them: "“A,” he said. “B.”"
    is one claim whose text runs from A to B.
    """
    if last is None:
        return None
    prev, a = last
    text = doc_text(doc)
    gap = text[prev.end : q.start]
    if len(gap) > 80 or gap.count("\n") > 2:
        return None
    rest = gap
    if prev.end <= a.cue_span[0] < q.start:
        rest = text[a.cue_span[1] : q.start]
        if a.speaker is not None:
            rest = rest.replace(token_text(doc, *a.speaker), "")
        cue_end = _sentence_end(doc, a.cue_span[1])
        if cue_end <= q.start and not text[cue_end : q.start].strip():
            # "“A,” X told Reuters news agency on Saturday. “B.”": the cue's sentence ends, B opens;
            # unless another clause follows the cue there ("“A,” X said, and her husband cut in. “B.”")
            rest = "" if not _new_clause(doc, a.cue_span[1], cue_end) else rest
    if len(rest.strip(" ,.;:\n").split()) > 4:
        return None
    return trim_chars(text, q.inner_start, q.inner_end)


def attach_quotations(doc: Doc, found: list[Attribution], quotes: list[Quotation]) -> list[Attribution]:
    """Give each direct quotation the speaker of the cue beside it; the quotation becomes the content.

    The nearest qualifying cue wins; its other content pieces are folded into the quotation.
    A quotation with no cue right after an attributed one continues it; one split by its cue
    ("“A,” he said, “and B.”") is one claim.
    """
    pool = _Pool(found)
    text = doc_text(doc)
    last: tuple[Quotation, Attribution] | None = None
    for q in quotes:
        near = pool.near(q)
        k = quotation_cue(doc, q, [a for _, a in near])
        if k is None:
            last = _continue(doc, pool, last, q, text)
            continue
        a = near[k][1]
        sentence = (min(a.sentence[0], _sentence_start(doc, q.start)), max(a.sentence[1], _sentence_end(doc, q.end)))
        merged = replace(
            a,
            content=trim_chars(text, q.inner_start, q.inner_end),
            sentence=sentence,
            quote=True,
            content_rule=quotation_cue.name,
        )
        pool.drop(a.cue_token, q)
        pool.add(merged)
        last = (q, merged)
    return [a for a in pool.ordered() if a.content[1] > a.content[0]]


class _Pool:
    """The attributions while quotations are attached, in the order they were added, indexed by position.

    A quotation can take only a cue at most 120 characters after it, one just before it, or one whose
    content lies inside it (see :func:`_beside`): :meth:`near` reads those from two sorted indexes, so
    each quotation costs its neighbourhood, not every attribution of the document (quadratic on a long
    interview). The order of :meth:`near` and :meth:`ordered` is the order of a list kept by appending.
    """

    def __init__(self, found: list[Attribution]) -> None:
        self.alive: dict[int, Attribution] = {}  # by seq: the place in the order
        self.seq_of: dict[int, int] = {}  # id of an alive attribution -> its seq
        self.by_cue: list[tuple[int, int]] = []  # (cue start, seq), sorted; stale entries are skipped
        self.by_content: list[tuple[int, int]] = []  # (content start, seq), sorted
        self.by_token: dict[int, set[int]] = {}  # cue token -> seqs
        self.cue_length = 0
        self._next = 0
        for a in found:
            self.add(a)

    def add(self, a: Attribution, seq: int | None = None) -> None:
        """Append ``a`` (or put it at ``seq``)."""
        if seq is None:
            seq, self._next = self._next, self._next + 1
        self.alive[seq] = a
        self.seq_of[id(a)] = seq
        insort(self.by_cue, (a.cue_span[0], seq))
        insort(self.by_content, (a.content[0], seq))
        self.by_token.setdefault(a.cue_token, set()).add(seq)
        self.cue_length = max(self.cue_length, a.cue_span[1] - a.cue_span[0])

    def _remove(self, seq: int) -> None:
        a = self.alive.pop(seq)
        del self.seq_of[id(a)]

    def near(self, q: Quotation) -> list[tuple[int, Attribution]]:
        """The attributions that may be the cue of ``q`` (see :func:`_beside`), in order."""
        seqs = set(self._within(self.by_cue, q.start - 40 - self.cue_length, q.end + 120, lambda a: a.cue_span[0]))
        seqs.update(self._within(self.by_content, q.inner_start, q.inner_end + 1, lambda a: a.content[0]))
        return [(k, self.alive[k]) for k in sorted(seqs)]

    def _within(self, index: list[tuple[int, int]], lo: int, hi: int, key: Callable[[Attribution], int]) -> list[int]:
        out = []
        for at, seq in index[bisect_left(index, (lo, -1)) : bisect_right(index, (hi, self._next))]:
            a = self.alive.get(seq)
            if a is not None and key(a) == at:  # an entry of a dropped or replaced attribution is stale
                out.append(seq)
        return out

    def drop(self, cue_token: int, q: Quotation) -> None:
        """Drop the pieces of the cue at ``cue_token`` that quotation ``q`` holds, or that are empty."""
        seqs = self.by_token.get(cue_token, set())
        for seq in sorted(seqs):
            a = self.alive.get(seq)
            if a is None or a.cue_token != cue_token:
                seqs.discard(seq)
            elif _within(a.content, q):
                self._remove(seq)
                seqs.discard(seq)

    def replace(self, old: Attribution, new: Attribution) -> None:
        """Put ``new`` in the place of ``old`` (nothing when ``old`` is gone)."""
        seq = self.seq_of.get(id(old))
        if seq is not None:
            self._remove(seq)
            self.add(new, seq)

    def ordered(self) -> list[Attribution]:
        """The attributions in the order they were added."""
        return [self.alive[k] for k in sorted(self.alive)]


def _continue(
    doc: Doc, pool: _Pool, last: tuple[Quotation, Attribution] | None, q: Quotation, text: str
) -> tuple[Quotation, Attribution] | None:
    """A quotation with no cue of its own: the same speaker's as the last one, or nobody's."""
    inner = continuation(doc, last, q)
    if inner is None or last is None:
        return last
    prev = last[1]
    # one statement quoted in pieces is one claim: "“This war will end,” he said, “and not
    # before.”" (split by its cue), "“A,” he said. “B.”" (continued); its text runs from the
    # first piece to the last (PolNeAR's convention: one attribution in several fragments)
    joined = replace(
        prev,
        content=(prev.content[0], inner[1]),
        sentence=(prev.sentence[0], _sentence_end(doc, q.end)),
        quote=True,
        content_rule=prev.content_rule if text[inner[0] : inner[0] + 1].islower() else continuation.name,
    )
    pool.replace(prev, joined)
    return (q, joined)


def _new_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether a verb with a subject of its own stands between characters ``start`` and ``end``."""
    span = char_span(doc, start, end)
    if span is None:
        return False
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in span)


def _within(content: tuple[int, int], q: Quotation) -> bool:
    return content[0] == content[1] or (q.inner_start <= content[0] and content[1] <= q.inner_end + 1)


def _only_speaker_between(doc: Doc, q: Quotation, cue_at: int, a: Attribution) -> bool:
    """Between a closing quote and its cue stand only punctuation and the speaker ("...,” he said")."""
    text = doc_text(doc)
    gap = text[q.end : cue_at]
    if len(gap) > 120 or "\n" in gap:
        return False
    closing = text[q.inner_start : q.inner_end].rstrip()[-1:]
    if closing not in _CLOSING and not gap.lstrip().startswith(","):
        return False
    if a.speaker is None:
        return len(gap.strip(" ,")) == 0
    rest = gap.replace(token_text(doc, *a.speaker), "").strip(' ,\u201d"')
    return len(rest.split()) <= 3


def _only_intro_between(doc: Doc, start: int, end: int) -> bool:
    """Between a cue and an opening quote: at most a short phrase and a colon or comma ("said:", "saying")."""
    gap = doc_text(doc)[start:end]
    return len(gap) <= 40 and "\n" not in gap and "." not in gap


def _sentence_start(doc: Doc, char: int) -> int:
    span = char_span(doc, char, min(char + 1, len(doc_text(doc))))
    return sentence_at(doc, span.start).start_char if span is not None and len(span) else char


def _sentence_end(doc: Doc, char: int) -> int:
    span = char_span(doc, max(char - 1, 0), char)
    return sentence_at(doc, span.end - 1).end_char if span is not None and len(span) else char
