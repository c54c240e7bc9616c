"""ACLED typing of one mention: the first typing rule that applies decides (:mod:`._type_rules`).

The rules follow spec/ACLED.md §1-2 (see docs/events.md, "Typing rules"): an assault on
people who cannot fight back is an Attack, on an armed side a battle; a killing needs an
armed actor; a verb that names no weapon takes the platform the sentence names; a place taken
is typed by who ends in control; "captured" people are arrested or abducted. The deciding
rule's name is kept on the mention (``type_rule``) for the event's provenance.

>>> from conflict_events.schema import Actor
>>> rebels = Actor(id="a1", name="M23: March 23 Movement", kind="rebel_group", country="CD")
>>> territory_sub_type(rebels, "CD", attempt=False)
'Non-state actor overtakes territory'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..rules import first
from ._type_facts import TypingQuery, negated_fight, territory_sub_type
from ._type_rules import mention_rules, trigger_class

if TYPE_CHECKING:
    from ..draft import Draft
    from ._event_mentions import EventMention
    from ._trigger_lexicon import Lexicon

__all__ = ["negated_fight", "territory_sub_type", "type_mention"]

_PASSES: Final = 3  # a mention re-classed by one rule ("a drone killed": kill -> air) is typed again, once


def type_mention(m: EventMention, lex: Lexicon, draft: Draft) -> bool:
    """Set the mention's ACLED type from its class and context; False when it reports no event."""
    cited = ""
    for _ in range(_PASSES):
        q = TypingQuery(m, lex, draft)
        decided = first(mention_rules(q.cls), q)  # the rules that can decide for the mention's class, in order
        if decided is None:  # only when the catch-all rule is switched off: the class's type holds
            return True
        verdict = decided.value
        # a rule that re-classed the mention is the reason for its type, unless a later one decides more
        if not (cited and decided.rule == trigger_class.name):
            cited = decided.rule
        m.type_rule = cited
        if not verdict.exists:
            return False
        if verdict.reclass:
            m.trigger.cls = lex.classes[verdict.reclass]
            m.event_type, m.sub_event_type = m.cls.event_type, m.cls.sub_event_type
            if verdict.again:
                continue
            return True
        if verdict.event_type:
            m.event_type, m.sub_event_type = verdict.event_type, verdict.sub_event_type
        if verdict.crowd_violence is not None:
            m.crowd_violence = verdict.crowd_violence
        if verdict.guessed:
            m.guessed = True
        return True
    return True
