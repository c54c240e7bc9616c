"""Find every actor mention in a parsed document and resolve it to a canonical actor.

Passes, strongest first: table names and acronyms; "X-linked group" phrases; clan militias;
ministries; persons (with titles and appositives); other organisations; role nouns
("Ukrainian forces", "gunmen", "residents said"); countries and capitals acting as
governments ("Moscow promised"); pronouns ("he said"). A weaker mention never
overlaps a stronger one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ._actor_ref import ActorRef
from ._clan_pass import ClanPass
from ._name_passes import NamePasses
from ._noun_passes import RolePasses
from ._pass_state import ActorMention
from ._person_passes import PersonPasses
from ._pronoun_pass import PronounPass

__all__ = ["ActorFinder", "ActorMention", "iter_refs"]


class ActorFinder(NamePasses, ClanPass, PersonPasses, RolePasses, PronounPass):
    """Mentions of actors in one document, resolved with one :class:`ActorResolver`.

    >>> import datetime as dt
    >>> from conflict_events.nlp import load_language_model
    >>> from conflict_events.actors._actor_table import ActorTable
    >>> doc = load_language_model()("Gunmen killed five villagers, police said.")
    >>> found = ActorFinder(doc, [], dt.date(2024, 1, 1), ActorTable.load()).run()
    >>> [(m.ref.name, m.ref.rule) for m in found]
    [('Unidentified Armed Group', 'actors.role.unidentified_armed'), ('Civilians', 'actors.role.civilians')]
    """

    # -- the passes ------------------------------------------------------------------------
    def run(self) -> list[ActorMention]:
        self.find_affiliates()
        self.find_table()
        self.find_alternatives()
        self.find_clans()
        self.find_coalitions()
        self.find_ministries()
        self.find_government_names()
        self.find_general_staffs()
        self.find_institutions()
        self.find_persons()
        self.find_orgs()
        self.find_roles()
        self.find_governments()
        self.find_pronouns()
        self.find_coalition_members()
        return sorted(self.mentions, key=lambda m: m.start)


def iter_refs(mentions: Iterable[ActorMention]) -> Iterator[ActorRef]:
    """Every distinct reference, in order of first mention."""
    seen: set[str] = set()
    for m in mentions:
        if m.ref.name not in seen:
            seen.add(m.ref.name)
            yield m.ref
