"""Direct quotations take the speaker of the cue beside them; the quotation becomes the content.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.attribution import find_attributions
>>> doc = load_language_model()("“We repelled them at dawn,” the army said.")
>>> [(a.cue, a.quote, a.content_rule) for a in find_attributions(doc)]
[('say', True, 'claims.content.quotation')]
"""

from __future__ import annotations

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
        )
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
            # "“A,” X told Reuters news agency on Saturday. “B.”": the cue's sentence ends, B opens
            rest = ""
    if len(rest.strip(" ,.;:\n").split()) > 4:
        return None
    return trim_chars(text, q.inner_start, q.inner_end)


def attach_quotations(doc: Doc, found: list[Attribution], quotes: list[Quotation]) -> list[Attribution]:
    """Give each direct quotation the speaker of the cue beside it; the quotation becomes the content.

    The nearest qualifying cue wins; its other content pieces are folded into the quotation.
    A quotation with no cue right after an attributed one continues it; one split by its cue
    ("“A,” he said, “and B.”") is one claim.
    """
    out = list(found)
    text = doc_text(doc)
    last: tuple[Quotation, Attribution] | None = None
    for q in quotes:
        k = quotation_cue(doc, q, out)
        if k is None:
            out, last = _continue(doc, out, last, q, text)
            continue
        a = out[k]
        sentence = (min(a.sentence[0], _sentence_start(doc, q.start)), max(a.sentence[1], _sentence_end(doc, q.end)))
        merged = replace(
            a,
            content=trim_chars(text, q.inner_start, q.inner_end),
            sentence=sentence,
            quote=True,
            content_rule=quotation_cue.name,
        )
        out = [b for b in out if b.cue_token != a.cue_token or not _within(b.content, q)] + [merged]
        last = (q, merged)
    return [a for a in out if a.content[1] > a.content[0]]


def _continue(
    doc: Doc, out: list[Attribution], last: tuple[Quotation, Attribution] | None, q: Quotation, text: str
) -> tuple[list[Attribution], tuple[Quotation, Attribution] | None]:
    """A quotation with no cue of its own: the same speaker's as the last one, or nobody's."""
    inner = continuation(doc, last, q)
    if inner is None or last is None:
        return out, last
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
    return [joined if b is prev else b for b in out], (q, joined)


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
