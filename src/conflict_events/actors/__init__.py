"""Who: ACLED-style actors, from an alias table, naming rules and regime years.

The pieces other extractors use:

- :class:`ActorResolver` canonicalises a noun phrase or a role noun for one document
  (its date and home country); :class:`ActorFinder` finds every actor of a parsed document;
- :func:`acled_inter_code` gives ACLED's inter code of an actor in an event's country;
- :class:`ActorTable` is the alias table (``lexicons/actors.toml`` plus user files);
- :func:`military_forces`, :func:`police_forces`, :func:`government_of`, :func:`generic_name`
  build canonical names; :func:`strip_years`/:func:`same_actor_name` compare them.

>>> import datetime as dt
>>> military_forces("SY", dt.date(2018, 6, 10))
'Military Forces of Syria (2000-2024)'
"""

from ._actor_finder import ActorFinder, ActorMention
from ._actor_ref import ActorRef, country_in_words
from ._actor_resolve import ActorResolver
from ._actor_table import ActorEntry, ActorTable, ActorTableError, ruler_patterns
from ._canonical import generic_name, government_of, military_forces, police_forces, same_actor_name, strip_years
from ._inter import INTER_CODES, acled_inter_code, interaction_code
from ._role_rules import unnamed_perpetrator
from ._role_words import RoleWords, role_words

__all__ = [
    "INTER_CODES",
    "ActorEntry",
    "ActorFinder",
    "ActorMention",
    "ActorRef",
    "ActorResolver",
    "ActorTable",
    "ActorTableError",
    "RoleWords",
    "acled_inter_code",
    "country_in_words",
    "generic_name",
    "government_of",
    "interaction_code",
    "military_forces",
    "police_forces",
    "role_words",
    "ruler_patterns",
    "same_actor_name",
    "strip_years",
    "unnamed_perpetrator",
]
