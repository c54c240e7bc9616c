"""WHAT HAPPENED: event detection, ACLED typing, roles, merging, fatalities, confidence.

The pieces, one concern per module:

- :mod:`.lexicon`: the documented trigger lexicon (``lexicons/events.toml``);
- :mod:`.mentions`: trigger matches in a sentence; :mod:`.modality`: negated,
  threatened, planned or future actions; :mod:`.roles`: actor1/actor2 from the parse;
- :mod:`.classify`: ACLED type and sub-type of one mention; :mod:`.detect`: all mentions
  of a document, placed and dated;
- :mod:`.merge`: one cluster per (action, pair, place, day); :mod:`.build`: one Event per
  cluster, with :mod:`.fatalities` and :mod:`.confidence`.

The extractor that runs them is :class:`conflict_events.extractors.events.EventExtractor`.

>>> load_lexicon().classes["protest"].event_type
'Protests'
"""

from ._classify import territory_sub_type, type_mention
from ._confidence import score as confidence_score
from ._detect import detect_mentions
from ._event_build import EventBuilder, hierarchy_rank
from ._event_mentions import EventMention, Trigger, find_triggers
from ._fatalities import belligerent_cap, conservative, event_fatalities, with_lead_attack_toll
from ._merge import Cluster, cluster_mentions, same_side
from ._modality import status
from ._trigger_lexicon import Lexicon, LexiconError, TriggerClass, load_lexicon

__all__ = [
    "Cluster",
    "EventBuilder",
    "EventMention",
    "Lexicon",
    "LexiconError",
    "Trigger",
    "TriggerClass",
    "belligerent_cap",
    "cluster_mentions",
    "confidence_score",
    "conservative",
    "detect_mentions",
    "event_fatalities",
    "find_triggers",
    "hierarchy_rank",
    "load_lexicon",
    "same_side",
    "status",
    "territory_sub_type",
    "type_mention",
    "with_lead_attack_toll",
]
