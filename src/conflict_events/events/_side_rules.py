"""Which actors are the two sides of an event: the side rules of the events step.

The mentions of an event each carry the sides their clause gives (:mod:`._event_roles`);
:class:`SideChooser` picks the event's actor1 and actor2 among them and fills the gaps
with what the document says elsewhere (its main pair of opponents, the crowd of a
demonstration, the civilians of an attack), adding the generic actors it names
(``Civilians (Nigeria)``) to the document's actors.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence

from ..actors import generic_name, military_forces
from ..actors._role_words import MILITARY_BARE, SOURCE_KINDS
from ..schema import Actor, Location
from ._merge import Cluster, same_side

__all__ = ["SideChooser", "sub_is_transfer"]

_ARMED = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
# "Security sources", "military sources": who speaks, never a side of the fight
_SOURCES = frozenset(label for label, _ in SOURCE_KINDS.values())


def sub_is_transfer(etype: str, cluster: Cluster) -> bool:
    """Whether a strategic development is a handover of a place (taken, or left by the other side)."""
    return etype == "Strategic developments" and any(
        m.cls.name == "transfer" or m.sub_event_type == "Non-violent transfer of territory" for m in cluster.mentions
    )


class SideChooser:
    """The sides of each event of one document.

    ``actors`` is the document's list of actors: generic actors the rules name are
    appended to it (the same list object). ``new_id`` makes a stable id for them.
    """

    def __init__(
        self,
        actors: list[Actor],
        locations: Sequence[Location],
        text: str,
        on: dt.date,
        new_id: Callable[..., str],
    ) -> None:
        self.actors = actors
        self.locations = locations
        self.text = text
        self.on = on
        self.new_id = new_id
        self.pair = self._main_pair()
        self.home = self._home_country()

    def _main_pair(self) -> list[Actor]:
        counts: Counter[str] = Counter()
        by_id: dict[str, Actor] = {}
        for a in self.actors:
            if a.kind in _ARMED and a.name.split(" (")[0] not in _SOURCES:
                counts[a.id] += len(a.mentions)
                by_id[a.id] = a
        out: list[Actor] = []
        for aid, _ in counts.most_common():
            a = by_id[aid]
            if out and not same_side(a, out[0]) and self._meet(a, out[0]):
                return [out[0], a]
            if not out:
                out.append(a)
        return out

    def _meet(self, a: Actor, b: Actor) -> bool:
        """Whether two actors are sides of one fight, not two items of a digest ("Israeli strikes on
        Lebanon ..." and, lines later, "Haitian gangs attacked Mirebalais"): a paragraph names both, or
        names one of two foreign foes with a place in the other's country ("Russian forces struck Kharkiv").
        """
        text = self.text

        def paragraph(offset: int) -> int:
            return text.count("\n", 0, offset)

        def paragraphs(actor: Actor) -> set[int]:
            return {paragraph(m.start) for m in actor.mentions}

        if not paragraphs(a).isdisjoint(paragraphs(b)):
            return True
        if not a.country or not b.country or a.country == b.country:
            return False
        places: dict[str, set[int]] = {}
        for loc in self.locations:
            if loc.country:
                places.setdefault(loc.country, set()).update(paragraph(m.start) for m in loc.mentions)
        return bool(paragraphs(a) & places.get(b.country, set()) or paragraphs(b) & places.get(a.country, set()))

    def _home_country(self) -> str | None:
        counts: Counter[str] = Counter()
        for loc in self.locations:
            if loc.country:
                counts[loc.country] += len(loc.mentions)
        return counts.most_common(1)[0][0] if counts else None

    def opponent(self, actor: Actor) -> Actor | None:
        """The other side of the document's main pair."""
        if len(self.pair) == 2 and any(same_side(actor, p) for p in self.pair):
            return next(p for p in self.pair if not same_side(actor, p))
        return None

    def state_forces(self, country: str) -> Actor:
        """``Military Forces of <country> (<regime years>)``, reused or added to the actors."""
        return self._named(military_forces(country, self.on), "state_forces", country, None)

    def generic(self, label: str, kind: str, country: str | None, like: Actor | None = None) -> Actor:
        """A generic ACLED actor (``Civilians (Nigeria)``), reused or added to the actors."""
        return self._named(generic_name(label, country) if country else label, kind, country, like)

    def _named(self, name: str, kind: str, country: str | None, like: Actor | None) -> Actor:
        """The draft's actor of this name, else a new one (with ``like``'s mentions) added to them."""
        for a in self.actors:
            if a.name == name:
                return a
        actor = Actor(
            id=self.new_id("actor", name),
            name=name,
            kind=kind,
            country=country,
            mentions=like.mentions if like else (),
        )
        self.actors.append(actor)
        return actor

    def choose(
        self, cluster: Cluster, etype: str, location: Location | None
    ) -> tuple[Actor | None, Actor | None, bool, bool]:
        ms = cluster.mentions
        country = (location.country if location else None) or self.home
        if etype in ("Riots", "Protests"):
            crowd = next(
                (m.actor1 for m in ms if m.actor1 is not None and m.actor1.kind in ("protesters", "rioters")),
                None,
            )
            label, kind = ("Rioters", "rioters") if etype == "Riots" else ("Protesters", "protesters")
            a1 = self.generic(label, kind, country, crowd)
            force = next((m.force_actor for m in ms if m.force_actor is not None), None) or next(
                (m.actor1 for m in ms if m.force_on_crowd and m.actor1 is not None and m.family != "demo"),
                None,
            )
            if force is None:
                # a mob's victims ("lynched a man accused of theft") are acted upon
                force = next(
                    (m.actor2 for m in ms if m.actor2 is not None and m.actor2.kind not in ("protesters", "rioters")),
                    None,
                )
            if force is not None and force.name == a1.name:
                force = None
            return a1, force, False, False
        body = [m for m in ms if not m.standfirst] or ms
        if sub_is_transfer(etype, cluster):
            # ACLED's actor1 of a transfer is the side that gains the place, not the one that left
            taker = next((m.actor1 for m in ms if m.cls.name == "territory" and m.actor1 is not None), None)
            leaver = next((m.actor1 for m in ms if m.cls.name == "transfer" and m.actor1 is not None), None)
            if taker is None and leaver is not None:
                taker = self.opponent(leaver)
            if taker is not None:
                other = leaver if leaver is not None and not same_side(leaver, taker) else None
                return taker, other, False, False
        if etype == "Battles":
            # the side that withdrew is the one that lost the place, never the taker
            body = [m for m in body if m.cls.name != "transfer"] or body
        counts: Counter[str] = Counter()
        first: dict[str, Actor] = {}
        for m in body:
            if m.actor1 is not None:
                key = next((k for k, a in first.items() if same_side(a, m.actor1)), m.actor1.id)
                first.setdefault(key, m.actor1)
                counts[key] += 1
        if not counts:
            for m in ms:
                if m.actor1 is not None:
                    first.setdefault(m.actor1.id, m.actor1)
                    counts[m.actor1.id] += 1
        contested = False
        actor1: Actor | None = None
        if counts:
            actor1 = first[counts.most_common(1)[0][0]]
            if len(counts) > 1 and cluster.family in ("remote", "vac") and any(m.contested_cue for m in ms):
                contested = True
                actor1 = None
        actor2: Actor | None = None
        for m in ms:
            for cand in (m.actor2, m.actor1):
                if etype == "Battles" and cand is not None and cand.kind == "civilians":
                    continue  # civilians are never a side of a battle (ACLED)
                if (
                    cand is not None
                    and (actor1 is None or not same_side(cand, actor1))
                    and (not contested or cand is m.actor2)
                ):
                    actor2 = cand
                    break
            if actor2 is not None:
                break
        if (
            actor2 is None
            and etype == "Battles"
            and location is not None
            and location.country
            and any(MILITARY_BARE & set(m.patient_lemmas) for m in ms)
        ):
            # "killed at least 20 soldiers in ... northern Burkina Faso": soldiers with no country
            # word are the forces of the country where it happened
            actor2 = self.state_forces(location.country)
            if actor1 is not None and same_side(actor1, actor2):
                actor2 = None
        civilian_victims = any(m.victims_civilian for m in ms)
        if etype == "Violence against civilians" and (actor2 is None or actor2.kind != "civilians"):
            actor2 = self.generic("Civilians", "civilians", country, None)
        if contested and actor2 is None and civilian_victims:
            actor2 = self.generic("Civilians", "civilians", country, None)
        filled = False
        if not contested:
            if actor1 is None and actor2 is not None and etype in ("Battles", "Explosions/Remote violence"):
                opp = self.opponent(actor2)
                if opp is not None:
                    actor1, filled = opp, True
            if actor2 is None and actor1 is not None and (etype == "Battles" or any(m.target_armed for m in ms)):
                opp = self.opponent(actor1)
                if opp is not None:
                    actor2, filled = opp, True
        if actor1 is not None and actor2 is not None and same_side(actor1, actor2):
            actor2 = None
        return actor1, actor2, contested, filled
