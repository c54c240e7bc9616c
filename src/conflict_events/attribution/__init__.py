"""Who says what: reporting cues, quotations, speakers resolved through the document, and claim kinds.

:func:`find_attributions` finds reported assertions on the parse with named cue, source
and content rules; :class:`ClaimantResolver` resolves each speaker (pronouns and
definite descriptions through :class:`Coreference`) to an actor; :func:`claim_kind`
says what a claim asserts. Every word list comes from :class:`AttributionLexicon`
(``lexicons/reporting.toml``, ``speakers.toml``, ``claim_kinds.toml``). The claims
extractor puts them together.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("“We repelled them,” the army said.")
>>> [(a.cue, a.quote) for a in find_attributions(doc)]
[('say', True)]
"""

from ._attribution_finder import find_attributions
from ._attribution_lexicon import AttributionLexicon, Frame
from ._attribution_record import Attribution
from ._claimants import ClaimantResolver
from ._coref import Coreference
from ._kinds import attitude_of, claim_kind, is_aggregate, kind_of, tally
from ._quotes import Quotation, find_quotations

__all__ = [
    "Attribution",
    "AttributionLexicon",
    "ClaimantResolver",
    "Coreference",
    "Frame",
    "Quotation",
    "attitude_of",
    "claim_kind",
    "find_attributions",
    "find_quotations",
    "is_aggregate",
    "kind_of",
    "tally",
]
