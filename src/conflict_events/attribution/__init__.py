"""Who says what: reporting cues, quotations, speakers resolved through the document, and claim kinds.

:func:`~.finder.find_attributions` finds reported assertions on the parse;
:class:`~.claimants.ClaimantResolver` resolves each speaker (pronouns and
definite descriptions through :class:`~.coref.Coreference`) to an actor;
:mod:`.kinds` says what a claim asserts. The claims extractor puts them together.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("“We repelled them,” the army said.")
>>> [(a.cue, a.quote) for a in find_attributions(doc)]
[('say', True)]
"""

from ._attribution_finder import Attribution, find_attributions
from ._claimants import INTERNATIONAL, ClaimantResolver
from ._coref import Coreference
from ._kinds import claim_kind, is_aggregate
from ._quotes import Quotation, find_quotations

__all__ = [
    "INTERNATIONAL",
    "Attribution",
    "ClaimantResolver",
    "Coreference",
    "Quotation",
    "claim_kind",
    "find_attributions",
    "find_quotations",
    "is_aggregate",
]
