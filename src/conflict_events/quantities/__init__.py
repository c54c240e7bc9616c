"""Numbers in conflict reporting: counts, their bounds, what they count and whose they are.

:class:`~.finder.QuantityFinder` finds counts in a parsed sentence (quantulum3 reads
written numbers, rules add number words, articles, vague quantities and bounds,
and keep dates, ages, measures and model names out); :func:`~.categories.classify`
types each count.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Residents said a few houses and 12 tanks were destroyed.")
>>> [(q.value, classify(q, doc).category) for q in QuantityFinder()(doc[:])]
[(3, 'other'), (12, 'equipment')]
"""

from ._categories import Typing, classify, is_oblique, toll_update
from ._numbers import NumberReader, parse_number
from ._quantity_finder import Quantity, QuantityFinder, has_number

__all__ = [
    "NumberReader",
    "Quantity",
    "QuantityFinder",
    "Typing",
    "classify",
    "has_number",
    "is_oblique",
    "parse_number",
    "toll_update",
]
