"""One record per event: merge mentions of the same action by the same sides, place and day.

ACLED's unit is one action type, one pair of sides, one named place, one day
(spec/ACLED.md §0, §2). A mention joins the latest earlier cluster that it is
compatible with:

- *kind*: the same family (battle, remote violence, violence against civilians,
  demonstration, or one strategic-development class); a battle and an attack on
  civilians may join (the hierarchy then keeps Battles); force against a crowd
  joins the demonstration it broke up;
- *sides*: together they name at most two sides (a side left unnamed fits any;
  an unidentified armed group fits any named non-state group); a one-sided
  strike blamed on another side joins only when the text says the sides accuse
  each other (contested attribution);
- *place*: two different towns never merge; a region holds its towns;
- *day*: explicit dates must overlap; a date taken from the reporting verb ("said
  on Tuesday") is an upper bound a few days wide; an undated mention fits any.

Definite anaphors with nothing of their own ("the attack", "the fighting")
join the latest cluster of a violent family; mentions marked distinct
("similar raids", "another attack") always open a new cluster.

>>> same_day_or_open(None, None)
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ._event_mentions import EventMention, lemma

if TYPE_CHECKING:
    from ..schema import Actor, Location, TimeSpan

__all__ = ["Cluster", "cluster_mentions", "same_day_or_open", "same_side"]

_VIOLENT = frozenset({"battle", "remote", "vac", "demo"})
_STATEISH = frozenset({"state_forces", "government", "external_forces"})
_NONSTATE = frozenset({"rebel_group", "political_militia", "identity_militia", "unknown"})
_FINE = frozenset({"settlement", "feature", "admin2"})
_DISRUPTED = "sd:Disrupted weapons use"
_DEVICE = frozenset({"explosive", "suicide", "grenade"})  # set off on the spot, unlike strikes from range
_REPORT_WINDOW = dt.timedelta(days=3)
_PARAGRAPH_WINDOW = 2
_BACKGROUND_DAYS = 28  # an event dated further back than this is background, not the news
# A mention is compared with the latest _REACH clusters, and a cluster takes at most _FULL
# mentions: far more than a news article has, and each mention's cost stays bounded in a book.
_REACH = 200
_FULL = 64


@dataclass
class Cluster:
    """Mentions of one event, in text order."""

    mentions: list[EventMention] = field(default_factory=list)

    @property
    def family(self) -> str:
        fams = {m.family for m in self.mentions if not m.anaphoric} or {m.family for m in self.mentions}
        for f in ("demo", "battle", "remote", "vac"):
            if f in fams:
                return f
        return self.mentions[0].family

    @property
    def last(self) -> int:
        return max(m.trigger.head.i for m in self.mentions)

    def sides(self) -> list[Actor]:
        out: list[Actor] = []
        for m in self.mentions:
            for a in (m.actor1, m.actor2):
                if a is not None and not any(same_side(a, b) for b in out):
                    out.append(a)
        return out

    def actor1s(self) -> list[Actor]:
        out: list[Actor] = []
        for m in self.mentions:
            if m.actor1 is not None and not any(same_side(m.actor1, b) for b in out):
                out.append(m.actor1)
        return out


@lru_cache(maxsize=4096)  # same_side runs for every pair of actors tried in a merge
def _key(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip().lower()


def same_side(a: Actor, b: Actor) -> bool:
    """Whether two actors can be the same side of one event."""
    if a.id == b.id or _key(a.name) == _key(b.name):
        return True
    if a.country and a.country == b.country and a.kind in _STATEISH and b.kind in _STATEISH:
        return True
    if a.country and b.country and a.country != b.country:
        return False  # "Unidentified Armed Group (Haiti)" is not Hezbollah
    # an unidentified armed group may be any named non-state group; unidentified military forces are no such group
    unidentified = (
        "unidentified" in a.name.lower() and a.kind in _NONSTATE,
        "unidentified" in b.name.lower() and b.kind in _NONSTATE,
    )
    return (unidentified[0] and b.kind in _NONSTATE) or (unidentified[1] and a.kind in _NONSTATE)


def same_day_or_open(a: EventMention | None, b: EventMention | None) -> bool:
    """Whether two mentions' dates allow one event (an undated mention fits any day)."""
    if a is None or b is None or a.date is None or b.date is None:
        return True
    if _carried_over(a, b) or _carried_over(b, a):
        return True  # "On 17 April, militants attacked X. The militants killed 19 people.": the told day goes on
    if {"default", "context"} & {a.date_source, b.date_source}:
        # undated means recent news: it never joins a background event dated weeks before
        return not any(
            _background(t)
            for t, src in ((a.date, a.date_source), (b.date, b.date_source))
            if src in ("own", "sentence")
        )
    return _dates_fit(a.date, a.date_source, b.date, b.date_source)


def _carried_over(a: EventMention, b: EventMention) -> bool:
    """Whether ``b``'s date is one carried from an earlier sentence that ``a`` itself writes (the same day)."""
    if a.date is None or b.date is None or b.date_source != "context" or a.date_source not in ("own", "sentence"):
        return False
    return a.date.start == b.date.start and a.date.end == b.date.end


def _background(t: TimeSpan) -> bool:
    """Dated further back than a few weeks before the anchor: background, not the news."""
    return (t.anchor - t.end).days > _BACKGROUND_DAYS


def _dates_fit(x: TimeSpan, xs: str, y: TimeSpan, ys: str) -> bool:
    if x.start <= y.end and y.start <= x.end:
        return True
    for report, other, src in ((x, y, xs), (y, x, ys)):
        if src == "sentence" and other.end <= report.end and report.start - other.end <= _REPORT_WINDOW:
            return True
    return False


def _places_fit(
    a: Location | None, b: Location | None, *together: frozenset[str]
) -> bool:
    """Whether two places can be one event's: the same, nested, or named together in one mention."""
    if a is None or b is None or a.id == b.id:
        return True
    if any(a.name in names and b.name in names for names in together):
        return True  # "Fuaa and Kafraya" in one sentence: one place for ACLED's purpose
    if a.country and b.country and a.country != b.country:
        return False
    if a.kind in _FINE and b.kind in _FINE:
        return a.name == b.name
    return not (a.admin1 and b.admin1 and a.admin1 != b.admin1)


def _families_fit(cluster: Cluster, m: EventMention) -> bool:
    # an anaphor ("the attack") takes its cluster's kind; it does not widen it
    fams = {x.family for x in cluster.mentions if not x.anaphoric} or {x.family for x in cluster.mentions}
    family = m.family
    if family == _DISRUPTED and any(
        x.family == "remote" and x.sentence.start == m.sentence.start for x in cluster.mentions
    ):
        return True  # "three missiles were intercepted but a fourth struck the warehouses": one strike
    transfer = "sd:Non-violent transfer of territory"
    if (family == "battle" and transfer in fams) or (family == transfer and "battle" in fams):
        # "withdrew its troops from the town" and "took full control of the town" after fighting:
        # one takeover by fighting (Battles), unless the text says it went without a fight
        return _withdrawal_only(m) if family == transfer else all(
            _withdrawal_only(x) for x in cluster.mentions if x.family == transfer
        )
    if family in ("battle", "vac") and fams & {"battle", "vac"}:
        # one action type per event (spec/ACLED.md §2.2): a fight with an armed side does not join
        # an attack on civilians ("killed 30 villagers ... soldiers later clashed with the militants")
        on_civilians = any(x.victims_civilian and x.family == "vac" for x in cluster.mentions) and not any(
            x.target_armed or x.cls.name == "clash" for x in cluster.mentions
        )
        return not (on_civilians and (m.cls.name == "clash" or m.target_armed))
    if family in fams:
        return True
    if family == "sd:Looting/property destruction" and fams & {"battle", "vac", "remote"}:
        return True  # houses burned during the attack are part of it
    return bool(family == "vac" and m.cls.name == "kill" and fams & _VIOLENT)


def _withdrawal_only(m: EventMention) -> bool:
    """A transfer named only by a withdrawal ("pulled out of the town"), not by "without a fight"."""
    from ._trigger_lexicon import load_lexicon

    return m.cls.name == "transfer" and lemma(m.trigger.head) in load_lexicon().classes["transfer"].verbs


def _crowd_force(m: EventMention) -> bool:
    from ._trigger_lexicon import load_lexicon

    crowd = load_lexicon().words("crowd")
    forceful = m.family in ("vac", "battle") or m.cls.name == "arrest"
    return forceful and any(p in crowd for p in m.patient_lemmas)


def _sides_fit(cluster: Cluster, m: EventMention) -> bool:
    # civilians caught in a fight are not a side of it (ACLED adds their deaths to the battle)
    fighting = m.family in ("battle", "vac")
    sides = [s for s in cluster.sides() if not (fighting and s.kind == "civilians")]
    new = [
        a
        for a in (m.actor1, m.actor2)
        if a is not None
        and not (fighting and a.kind == "civilians")
        and not any(same_side(a, s) for s in sides)
    ]
    if m.cls.name == "territory" and m.actor1 is not None:
        # the side that withdrew is the loser, not an attacker ("withdrew ... after weeks of fighting")
        actor1s = [x.actor1 for x in cluster.mentions if x.actor1 is not None and not _withdrawal_only(x)]
        if actor1s and not any(same_side(m.actor1, a) for a in actor1s):
            return False  # a takeover by X belongs with X's own attack, not with the other side's
        named = [
            x.location.name
            for x in cluster.mentions
            if x.location is not None and x.location_rank <= 1 and x.location.kind != "country"
        ]
        if m.location is not None and m.location_rank <= 1 and named and m.location.name not in named:
            return False  # a capture is tied to its place
    if not new:
        return True
    if all(x.standfirst for x in cluster.mentions) and not m.standfirst:
        return True  # the standfirst summarises the body; the body's attribution will win
    if m.family == "remote" and m.actor1 is not None and m.actor1 in new:
        # a strike blamed on another side: one event only when the sides accuse each other
        actor1s = cluster.actor1s()
        if actor1s:
            contested = m.contested_cue or any(x.contested_cue for x in cluster.mentions)
            same_place = any(
                x.location is not None
                and m.location is not None
                and x.location.name == m.location.name
                and x.location.kind in _FINE
                for x in cluster.mentions
            )
            return contested and same_place
    return len(sides) + len(new) <= 2


def _linked(cluster: Cluster, m: EventMention) -> bool:
    """Something positive ties a mention to a cluster: nearness, a shared place, or a shared written date."""
    if m.paragraph - max(x.paragraph for x in cluster.mentions) <= 1:
        return True
    if m.location is not None and any(
        x.location is not None and x.location.name == m.location.name for x in cluster.mentions
    ):
        return True
    if m.numbers and any(m.numbers & x.numbers for x in cluster.mentions):
        return True  # "16 suspects had been arrested" ... "arresting 16 suspects"
    if (
        m.cls.name == "territory"
        and m.actor1 is not None
        and m.paragraph - max(x.paragraph for x in cluster.mentions) <= _PARAGRAPH_WINDOW
        and any(
            x.cls.name == "territory"
            and x.actor1 is not None
            and same_side(x.actor1, m.actor1)
            and (x.location is None or x.location.kind == "country")
            for x in cluster.mentions
        )
    ):
        return True  # "rebels seized a town" ... "the rebels took control of Kitshanga": the same capture
    explicit = ("own", "sentence")
    return m.date_source in explicit and any(
        x.date_source in explicit
        and x.date is not None
        and m.date is not None
        and x.date.start <= m.date.end
        and m.date.start <= x.date.end
        for x in cluster.mentions
    )


def _affinity(cluster: Cluster, m: EventMention) -> int:
    """How strongly a mention belongs to a cluster: same actor, same place, same written day, nearness."""
    score = 0
    if m.actor1 is not None and any(same_side(m.actor1, a) for a in cluster.actor1s()):
        score += 2
    if m.location is not None and any(
        x.location is not None and x.location.name == m.location.name for x in cluster.mentions
    ):
        score += 2
    if m.date_source in ("own", "sentence") and any(
        x.date_source in ("own", "sentence")
        and x.date is not None
        and m.date is not None
        and x.date.start <= m.date.end
        and m.date.start <= x.date.end
        for x in cluster.mentions
    ):
        score += 2
    if m.paragraph - max(x.paragraph for x in cluster.mentions) <= 1:
        score += 1
    return score


def _recent(cluster: Cluster) -> bool:
    """Whether a cluster is news rather than background (no written date ending weeks before the anchor)."""
    for x in cluster.mentions:
        if x.date is not None and x.date_source in ("own", "sentence") and not x.anaphoric:
            return not _background(x.date)
    return True


def _fits(cluster: Cluster, m: EventMention) -> bool:
    if not _families_fit(cluster, m):
        return False
    if not _linked(cluster, m):
        return False  # far apart and nothing shared: another event of the same kind
    if (
        not all(
            _places_fit(x.location, m.location, x.places, m.places)
            for x in cluster.mentions
            if x.location_rank <= 1
        )
        and m.location_rank <= 1
    ):
        return False
    if not all(same_day_or_open(x, m) for x in cluster.mentions):
        return False
    return _sides_fit(cluster, m)


def _open_clusters(clusters: list[Cluster]) -> list[Cluster]:
    """The latest clusters that can still take a mention (bounded, so a book costs linear time)."""
    return [c for c in clusters[-_REACH:] if len(c.mentions) < _FULL]


def cluster_mentions(mentions: list[EventMention]) -> list[Cluster]:
    """Group mentions into events, in text order."""
    clusters: list[Cluster] = []
    # within a sentence, demonstrations and ground fighting open first: an explosion or the force
    # used in the same sentence then joins them ("a car bomb exploded at the gate before fighters stormed it")
    rank = {"demo": 0, "battle": 1, _DISRUPTED: 3}
    order = sorted(mentions, key=lambda m: (m.sentence.start, rank.get(m.family, 2), m.trigger.head.i))
    for m in order:
        target: Cluster | None = None
        candidates = _open_clusters(clusters)
        if m.family == "remote" and m.cls.name in _DEVICE:
            # an explosion inside a ground assault is part of the Battle (spec/ACLED.md §1.4)
            target = next(
                (
                    c
                    for c in reversed(candidates)
                    if any(x.family == "battle" and x.sentence.start == m.sentence.start for x in c.mentions)
                ),
                None,
            )
        if _crowd_force(m):
            target = next(
                (
                    c
                    for c in reversed(candidates)
                    if c.family == "demo" and abs(c.mentions[-1].paragraph - m.paragraph) <= 2
                ),
                None,
            )
            if target is not None:
                m.force_on_crowd = "lethal" if m.cls.name == "kill" else "intervention"
                m.force_actor = m.actor1
        if target is None and m.anaphoric:
            same = [
                c
                for c in candidates
                if m.family in {x.family for x in c.mentions}
                and _places_fit(c.mentions[0].location, m.location, c.mentions[0].places, m.places)
            ]
            violent = [c for c in candidates if c.family in _VIOLENT]
            pool = same or (violent if m.family in _VIOLENT else [])
            pool = [c for c in pool if _recent(c)] or pool  # "the attack" is the news, not the background
            target = max(pool, key=lambda c: c.last) if pool else None
            if target is None and m.actor1 is None and m.actor2 is None and m.location_rank > 0:
                continue  # "the attack" with nothing to refer to
        if target is None and not m.distinct:
            # clusters opened as "similar"/"other" events come last: the main story is preferred
            fitting = [c for c in candidates if _fits(c, m)]
            target = max(
                fitting, key=lambda c: (not c.mentions[0].distinct, _affinity(c, m), c.last), default=None
            )
        if target is None:
            clusters.append(Cluster([m]))
        else:
            target.mentions.append(m)
    return clusters
