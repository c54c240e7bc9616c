"""The record of one reported assertion as the finder sees it, before its claimant is resolved.

>>> a = Attribution("say", 2, (0, 2), 1, (10, 30), (0, 31), cue_rule="claims.cue.reporting_verb")
>>> a.quote, a.cue_rule
(False, 'claims.cue.reporting_verb')
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Attribution"]


@dataclass(frozen=True)
class Attribution:
    """One reported assertion as found in the text, before its claimant is resolved.

    ``speaker`` is a document token range (None when the text names nobody),
    ``speaker_head`` its head token; ``content`` and ``sentence`` are character ranges.
    ``cue_rule``, ``source_rule`` and ``content_rule`` name the rules that decided them;
    ``hedge_rule`` and ``negation_rule`` the rules that made it hedged or negated;
    ``content_trim_rule`` the rule that moved the content's start or end, if one did.
    """

    cue: str
    cue_token: int
    speaker: tuple[int, int] | None
    speaker_head: int | None
    content: tuple[int, int]
    sentence: tuple[int, int]
    quote: bool = False
    hedged: bool = False
    negated: bool = False
    cue_span: tuple[int, int] = field(default=(0, 0))
    cue_rule: str = ""
    source_rule: str = ""
    content_rule: str = ""
    hedge_rule: str | None = None
    negation_rule: str | None = None
    # a rule that moved the content's start or end after the content rule found it (a wire dateline cut
    # off, a content run on over a stance the parser cut off)
    content_trim_rule: str | None = None
