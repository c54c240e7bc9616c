"""The claims extractor: who says what, with the figures they claim.

For each reported assertion found by :func:`~conflict_events.attribution.find_attributions`
it resolves the claimant to an actor (:class:`~conflict_events.attribution.ClaimantResolver`),
takes the figures of ``draft.figures`` that stand inside the asserted content
(not a count of the setting, such as "in 16 villages"), codes the claim's kind,
hedging, negation, whether it is an aggregate tally, the period it covers (via
:func:`conflict_events.temporal.governing_time`, only when an expression governs it)
and the place named in it. The publication's own voice is not a claim. Each claim's
``provenance`` names the rules that decided its cue, source, content and claimant. See
``docs/claims.md``.

>>> from datetime import date
>>> from conflict_events.draft import Draft
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> from conflict_events.extractors.figures import FigureExtractor
>>> text = "The army said its troops destroyed three tanks. Residents denied it, saying “no tanks came.”"
>>> draft = Draft(Document(id="d", text=text, date=date(2024, 5, 1)))
>>> doc = load_language_model()(text)
>>> draft = ClaimExtractor()(doc, FigureExtractor()(doc, draft))
>>> [(c.claimant.name, c.cue, c.kind, c.quote, c.negated, [f.value for f in c.figures]) for c in draft.claims]
[('army', 'say', 'losses', False, False, [3]), ('Residents', 'deny', 'statement', False, True, []), \
('Residents', 'say', 'statement', True, True, [])]
>>> [(d.field, d.rule) for d in draft.claims[0].provenance][:3]
[('cue', 'claims.cue.reporting_verb'), ('claimant', 'claims.source.subject'), ('text', 'claims.content.clause')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._docindex import char_span
from ..attribution import (
    Attribution,
    AttributionLexicon,
    ClaimantResolver,
    attitude_of,
    find_attributions,
    find_quotations,
    kind_of,
    tally,
)
from ..extractor import StepSettings, settings_of
from ..quantities import is_oblique
from ..schema import Actor, Claim, Decision, Figure, Location, TimeSpan
from ..temporal import governing_time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..draft import Draft

__all__ = ["ClaimExtractor"]


class ClaimExtractor:
    """Finds attributed claims into ``draft.claims``; new claimants go to ``draft.actors``."""

    name = "conflict_events.claims.v1"
    version = "1.0.0"
    requires = frozenset({"actors", "figures", "times", "locations"})
    provides = frozenset({"claims", "actors"})  # claimants the actors step did not find

    Settings = StepSettings

    def __init__(self, **settings: Any) -> None:
        self.settings = settings_of(self.Settings, self.name, settings)
        self.lexicon = AttributionLexicon.load(self.settings.lexicon_files)

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        quotes = find_quotations(draft.text)
        found = find_attributions(doc, quotes, self.lexicon)
        if not found:
            return draft  # nothing reported: no speaker to resolve (most short notes)
        resolver = ClaimantResolver(
            doc, draft.document, draft.actors, draft.locations, quotes, new_id=draft.new_id, lexicon=self.lexicon
        )
        seen: set[tuple[int, int, str]] = set()
        for a in sorted(found, key=lambda a: (a.cue_span[0], a.content[0])):
            if a.speaker is None:
                # "X is expected to ...": the text names no source; a claim with no claimant
                if (a.content[0], a.content[1], "") not in seen:
                    seen.add((a.content[0], a.content[1], ""))
                    draft.claims.append(self._claim(a, doc, draft, None, None))
                continue
            decided, each = (
                resolver.decide_each(doc[a.speaker_head], a.speaker) if a.speaker_head is not None else ([], None)
            )
            if not decided:
                # "he said" with no "he" named before: the assertion stands, its claimant unknown
                # (a pronoun is never a claimant's name)
                draft.warn(
                    "unresolved_claimant",
                    "a reported assertion whose speaker could not be resolved",
                    extractor=self.name,
                    span=draft.span(*a.cue_span),
                )
                if (a.content[0], a.content[1], "") not in seen:
                    seen.add((a.content[0], a.content[1], ""))
                    draft.claims.append(self._claim(a, doc, draft, None, None))
                continue
            for n, d in enumerate(decided):
                # "the rebels and the army said": one claim for each claimant (the first keeps the plain id)
                key = (a.content[0], a.content[1], d.value.id)
                if key in seen:
                    continue
                seen.add(key)
                draft.claims.append(self._claim(a, doc, draft, d.value, d.rule, each=each, n=n))
        resolver.link_descriptions()
        _refresh_claimants(draft)
        return draft

    def _claim(
        self,
        a: Attribution,
        doc: Doc,
        draft: Draft,
        claimant: Actor | None,
        claimant_rule: str | None,
        *,
        each: str | None = None,
        n: int = 0,
    ) -> Claim:
        content = char_span(doc, *a.content)
        assert content is not None
        figures = _figures_in(draft, doc, a.content)
        kind = kind_of(content, [f.category for f in figures], a.cue, self.lexicon)
        # a tally needs something counted: a figure, or a casualty or loss claim
        counted = bool(figures) or (kind is not None and kind.value in ("casualties", "losses"))
        aggregate = tally(content, self.lexicon) if counted else None
        attitude = attitude_of(a.cue, self.lexicon)
        decisions = [
            ("cue", a.cue_rule),
            ("claimant", a.source_rule),
            ("text", a.content_rule),
            ("text", a.content_trim_rule),
            ("claimant", each),
            ("claimant.name", claimant_rule),
            ("kind", kind.rule if kind is not None else None),
            ("hedged", a.hedge_rule),
            ("negated", a.negation_rule),
            ("aggregate", tally.name if aggregate else None),
            ("attitude", attitude.rule if attitude is not None else None),
        ]
        return Claim(
            id=draft.new_id(
                "claim", a.cue_span[0], a.content[0], a.content[1], *([claimant.id] if n and claimant else [])
            ),
            claimant=draft.actor(claimant.id) if claimant is not None else None,
            cue=a.cue,
            kind=kind.value if kind is not None else "statement",
            text=draft.span(*a.content),
            sentence=draft.span(*a.sentence),
            quote=a.quote,
            hedged=a.hedged,
            negated=a.negated,
            aggregate=bool(aggregate),
            figures=tuple(figures),
            time=self._time(content, draft, a),
            location=_location_in(draft, a.content),
            provenance=tuple(Decision.of(f, r) for f, r in decisions if r),
            cue_span=draft.span(*a.cue_span) if a.cue_span[1] > a.cue_span[0] else None,
        )

    def _time(self, content: Span, draft: Draft, a: Attribution) -> TimeSpan | None:
        """The period the claim covers: the time expression that governs its content, if any does."""
        if not draft.times_in(*a.sentence):
            return None  # only an expression in the claim's own sentence(s) can govern it (no lead, no cue time)
        found: TimeSpan | None = governing_time(content, draft.times, draft.document.date, reporting=False, lead=False)
        if found is None:
            draft.warn(
                "claim_time_undecided",
                "the time rules could not decide which expression governs the claim",
                extractor=self.name,
                span=draft.span(*a.content),
            )
            return None
        return found if found.mention is not None else None


def _figures_in(draft: Draft, doc: Doc, content: tuple[int, int]) -> list[Figure]:
    """Figures inside the content, less counts of the setting ("in 16 villages", "fired on hundreds")."""
    out = []
    for f in draft.figures:
        if not (content[0] <= f.text.start and f.text.end <= content[1]):
            continue
        if f.category == "other" and is_oblique(doc, f.text.start, f.text.end):
            continue
        out.append(f)
    return out


def _location_in(draft: Draft, content: tuple[int, int]) -> Location | None:
    """The most precise place named inside the content."""
    found = [
        (loc.geo_precision, m.start, loc)
        for loc in draft.locations
        for m in loc.mentions
        if content[0] <= m.start and m.end <= content[1]
    ]
    return min(found, key=lambda x: (x[0], x[1]))[2] if found else None


def _refresh_claimants(draft: Draft) -> None:
    """Claims hold the final version of each claimant (mentions were added as later claims resolved)."""
    by_id = {a.id: a for a in draft.actors}
    draft.claims[:] = [
        c.model_copy(update={"claimant": by_id.get(c.claimant.id, c.claimant)})
        if c.claimant is not None and by_id.get(c.claimant.id, c.claimant) is not c.claimant
        else c  # a claimant that did not change needs no copy
        for c in draft.claims
    ]
