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
from typing import TYPE_CHECKING, Final, Literal

from .._doccache import doc_text
from .._docindex import sentence_at
from .._textscan import headline_end
from ..actors import ActorTable
from ..lexicons import lexicon
from ..quantities._quantity_lexicon import NUMBER_WORDS
from ..rules import Example, first, rule
from ._confidence import lede_anaphor
from ._event_mentions import EventMention, lemma
from ._modality import REPORTING
from ._tokens import kids
from ._trigger_lexicon import load_lexicon

if TYPE_CHECKING:
    from ..schema import Actor, Location, TimeSpan

__all__ = ["Cluster", "cluster_mentions", "same_day_or_open", "same_side", "unidentified"]

_VIOLENT = frozenset({"battle", "remote", "vac", "demo"})
_STATEISH = frozenset({"state_forces", "government", "external_forces"})
_NONSTATE = frozenset({"rebel_group", "political_militia", "identity_militia", "unknown"})
_FINE = frozenset({"settlement", "feature", "admin2"})
_DISRUPTED = "sd:Disrupted weapons use"
_TRANSFER = "sd:Non-violent transfer of territory"
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
    if a.country and b.country and a.country != b.country and not _fights_in(a, b) and not _fights_in(b, a):
        return False  # "Unidentified Armed Group (Haiti)" is not Hezbollah
    # an unidentified armed group may be any named non-state group; unidentified military forces are no such group
    unknown = (unidentified(a) and a.kind in _NONSTATE, unidentified(b) and b.kind in _NONSTATE)
    # ...but an unidentified clan or communal militia is a community's, never a named rebel group
    return (unknown[0] and b.kind in _NONSTATE and _militia_fits(a, b)) or (
        unknown[1] and a.kind in _NONSTATE and _militia_fits(b, a)
    )


def _fights_in(unknown: Actor, named: Actor) -> bool:
    """Whether an unidentified group of one country may be a named group that has a branch there.

    "Islamic State (Sahel)" is filed under Mali but fights in Niger: Niger's unidentified attackers may be it.
    """
    return unidentified(unknown) and unknown.country in ActorTable.load().active_in(named.name)


def unidentified(actor: Actor) -> bool:
    """Whether an actor is one of ACLED's unidentified ones ("Unidentified Armed Group (Mali)"): a side whose
    name a report does not give."""
    return "unidentified" in actor.name.lower()


def _militia_fits(unknown: Actor, other: Actor) -> bool:
    if unknown.kind == "identity_militia":
        return other.kind == "identity_militia"
    # unknown armed men may be an ethnic militia named later ("militia" in a headline, "Fano fighters" below), not
    # a place's communal militia: "local militiamen" (Kutigi Communal Militia) and the bandits they fight are two
    return "communal militia" not in other.name.lower()


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


PERIOD_DAYS = 7  # a mention dated over more than a week tells a period ("since early May"), not a day's event


def _dates_fit(x: TimeSpan, xs: str, y: TimeSpan, ys: str) -> bool:
    if xs == ys == "own" and ((x.end - x.start).days > PERIOD_DAYS) != ((y.end - y.start).days > PERIOD_DAYS):
        return False  # "more than 100 killed in clashes since early May" is the toll of a period, not Tuesday's
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


@rule(
    "events.merge.headline_area",
    decides="event.mentions",
    positive=[
        Example(
            "Police fire tear gas at protesting dock workers near Lagos\n\nRiot officers fired tear gas on Monday at"
            " dock workers who blocked the main road in Ikeja, demanding unpaid wages.",
            {"events": 1, "event.location.name": "Ikeja"},
        )
    ],
    negative=[
        Example(
            "Police fire tear gas at protesting dock workers near Lagos\n\nRiot officers fired tear gas on Monday at"
            " dock workers who blocked the main road in Ibadan, demanding unpaid wages.",
            {"events": 2},
        )
    ],
)
def headline_area(x: EventMention, m: EventMention) -> bool | None:
    """A headline names the best-known town near the event its story places more closely: a headline's place
    and the body's of the same province (admin1) can be one event's."""
    if x.standfirst == m.standfirst or x.location is None or m.location is None:
        return None
    a, b = x.location, m.location
    return True if a.country == b.country and a.admin1 and a.admin1 == b.admin1 else None


@rule(
    "events.merge.withdrawal_in_capture",
    decides="event.mentions",
    positive=[
        Example(
            "KABUL (Reuters) - Taliban fighters took control of the Islam Qala crossing in Kohsan district on Monday"
            " after Afghan security forces retreated into Iran, officials said.",
            {"events": 1, "event.sub_event_type": "Non-violent transfer of territory", "event.location.name": "Kuhsan"},
        )
    ],
    negative=[
        Example(
            "KABUL (Reuters) - Taliban fighters took control of the Islam Qala crossing in Kohsan district on Monday."
            " On Wednesday Afghan security forces retreated into Iran, officials said.",
            {"events": 2},
        )
    ],
)
def withdrawal_in_capture(x: EventMention, m: EventMention) -> bool | None:
    """ "Took control of the crossing after government forces retreated into Iran": a withdrawal told in the
    sentence of a capture is how the place changed hands; where the side withdrew to is not another event's place."""
    if x.sentence.start != m.sentence.start:
        return None
    pair = {x.cls.name, m.cls.name}
    if pair != {"territory", "transfer"} or not any(_withdrawal_only(y) for y in (x, m)):
        return None
    return True


Fit = Literal["join", "apart"]
"""A merging rule's decision: the mention joins the cluster, or it stays apart."""


# -- kind: which families may share one event ----------------------------------------------------


def _cluster_families(cluster: Cluster) -> set[str]:
    # an anaphor ("the attack") takes its cluster's kind; it does not widen it
    return {x.family for x in cluster.mentions if not x.anaphoric} or {x.family for x in cluster.mentions}


@rule(
    "events.merge.intercepted_with_strike",
    decides="event.mentions",
    positive=[
        Example(
            "Air defences shot down two drones over Odesa on Tuesday, but a third drone struck a port warehouse.",
            {"events": 1},
        )
    ],
    negative=[
        Example(
            "Air defences shot down two drones over Odesa on Tuesday, officials said.",
            {"event.sub_event_type": "Disrupted weapons use"},
        )
    ],
)
def intercepted_with_strike(cluster: Cluster, m: EventMention) -> Fit | None:
    """Weapons intercepted in the sentence of a strike that got through are part of that strike."""
    if m.family == _DISRUPTED and any(
        x.family == "remote" and x.sentence.start == m.sentence.start for x in cluster.mentions
    ):
        return "join"
    return None


@rule(
    "events.merge.takeover_after_fighting",
    decides="event.mentions",
    positive=[
        Example(
            "Rebels clashed with soldiers in Kitshanga on Monday before the army withdrew from the town.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
        ),
        Example(  # the losing side's pull-out told after the taking
            "Armed gangs took control of the town of Mirebalais on Friday after a gunfight with police. Police said"
            " they had pulled out of the town after running out of ammunition.",
            {"events": 1, "event.sub_event_type": "Non-state actor overtakes territory"},
        ),
        Example(  # where they withdrew to is no place of the withdrawal
            "Rebels captured the town of Kitshanga on Monday after hours of fighting with the army, residents said."
            " A local official confirmed that the soldiers had withdrawn towards Goma.",
            {"events": 1, "event.sub_event_type": "Non-state actor overtakes territory"},
        ),
    ],
    negative=[
        Example(
            "Rebels clashed with soldiers in Kitshanga on Monday, leaving four fighters dead.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def takeover_after_fighting(cluster: Cluster, m: EventMention) -> Fit | None:
    """A takeover after fighting over the place is one Battle, unless it is only a withdrawal. A capture told
    with no fighting ("militia takes gold town") and the same taking told as unopposed ("took control of the
    town without a shot being fired") are one event, the transfer the text tells in detail."""
    fams = _cluster_families(cluster)
    family = m.family
    if family == _TRANSFER and "battle" in fams:
        captures = all(x.cls.name == "territory" for x in cluster.mentions if x.family == "battle")
        return "join" if _withdrawal_only(m) or (captures and m.cls.name == "territory") else "apart"
    if family == "battle" and _TRANSFER in fams:
        withdrawn = all(_withdrawal_only(x) for x in cluster.mentions if x.family == _TRANSFER)
        return "join" if withdrawn or m.cls.name == "territory" else "apart"
    return None


@rule(
    "events.merge.one_action_type",
    decides="event.mentions",
    positive=[
        Example(
            "Gunmen killed 30 villagers in Tora on Sunday. Soldiers later clashed with the gunmen near Tora.",
            {"events": 2},
        )
    ],
    negative=[
        Example(
            "Hundreds of teachers marched through Accra on Tuesday to demand unpaid wages.",
            {"events": 1},
        )
    ],
)
def one_action_type(cluster: Cluster, m: EventMention) -> Fit | None:
    """A fight with an armed side does not join an attack on civilians: one action type per event."""
    if m.family not in ("battle", "vac") or not _cluster_families(cluster) & {"battle", "vac"}:
        return None
    on_civilians = any(x.victims_civilian and x.family == "vac" for x in cluster.mentions) and not any(
        x.target_armed or x.cls.name == "clash" for x in cluster.mentions
    )
    return "apart" if on_civilians and (m.cls.name == "clash" or m.target_armed) else "join"


@rule(
    "events.merge.destruction_in_attack",
    decides="event.mentions",
    positive=[
        Example(
            "Hundreds of students protested in Lagos on Monday. Police opened fire on the demonstrators, killing two.",
            {"events": 1, "event.sub_event_type": "Excessive force against protesters"},
        )
    ],
    negative=[
        Example(
            "Rioters burned dozens of shops in Kuru on Sunday.",
            {"events": 1},
        )
    ],
)
def destruction_in_attack(cluster: Cluster, m: EventMention) -> Fit | None:
    """Property looted or burned during an attack, or a killing during violence or a demonstration, is part of it."""
    fams = _cluster_families(cluster)
    if m.family == "sd:Looting/property destruction" and fams & {"battle", "vac", "remote"}:
        return "join"
    if m.family == "vac" and m.cls.name == "kill" and fams & _VIOLENT:
        return "join"
    return None


@rule(
    "events.merge.sideless_clash",
    decides="event.mentions",
    positive=[
        Example(
            "Police arrest 12 after clashes at football match\n\nRival fans clashed outside a stadium in Rosario on"
            " Sunday, throwing stones and bottles, police said.",
            {"events": 2, "event.event_type": "Riots"},
        )
    ],
    negative=[
        Example(
            "Clashes erupted near Bunia on Sunday. Hundreds of students marched through Bunia on Monday.",
            {"events": 2},
        )
    ],
)
def sideless_clash(cluster: Cluster, m: EventMention) -> Fit | None:
    """Clashes told with no side at all ("arrested 12 after clashes") and a crowd's clash or riot on the same
    day are one event: the crowd's."""

    def sideless(ms: list[EventMention]) -> bool:
        return all(x.cls.name == "clash" and x.actor1 is None and x.actor2 is None for x in ms)

    crowd = {"clash", "riot", "mob"}
    if m.family == "demo" and m.cls.name in crowd and sideless(cluster.mentions):
        return "join"
    if sideless([m]) and m.family == "battle" and all(x.family == "demo" for x in cluster.mentions):
        return "join" if any(x.cls.name in crowd for x in cluster.mentions) else None
    return None


GENERIC_ATTACK: Final = load_lexicon().words("generic_attack")


@rule(
    "events.merge.attack_by_strike",
    decides="event.mentions",
    positive=[
        Example(
            "Colombian rebels attack army base in Arauca\n\nRebel fighters fired mortar rounds at an army post in"
            " Saravena on Friday, wounding four soldiers, the army said.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
        Example(
            "Mortar shells hit a police station in Marka on Sunday. The group said it had targeted the station.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
        Example(
            "Shells hit a market in Kadugli on Tuesday, killing six people, in the latest attack on a city that has"
            " been under siege for a year.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
    ],
    negative=[
        Example(
            "Militants attacked an army post in Saravena on Friday. Air force jets later bombed the militants'"
            " positions near Saravena.",
            {"events": 2},
        )
    ],
)
def attack_by_strike(cluster: Cluster, m: EventMention) -> Fit | None:
    """An attack told with a generic word ("attack", "targeted") and a strike from afar by the same side are one
    event, the strike: the word says what was done, the strike how. A headline's attack, or one told in someone's
    words, joins the story's strike whoever it names."""
    pair = _strike_and_attack(cluster.mentions, [m]) or _strike_and_attack([m], cluster.mentions)
    if pair is None:
        return None
    strikes, attacks = pair
    if any(x.distinct for x in (*strikes, *attacks)):
        return None  # "similar attacks by the group": others of its kind, not this one
    for a in attacks:
        if a.standfirst or _in_words(a) or _summary_noun_beside(a, strikes):
            continue  # the headline's summary, or someone's words for the strike ("said it had targeted")
        if a.actor1 is None or not any(x.actor1 is not None and same_side(a.actor1, x.actor1) for x in strikes):
            return None
    return "join"


def _summary_noun_beside(a: EventMention, strikes: list[EventMention]) -> bool:
    """ "Shells hit a market on Tuesday, in the latest attack on the city": an attack noun with no side of its
    own, in the strike's own sentence, names the strike (events.merge.attack_by_strike)."""
    head = a.trigger.head
    if head.pos_ not in ("NOUN", "PROPN") or a.actor1 is not None:
        return False
    if any(c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in ("NORP", "ORG", "GPE") for c in kids(head)):
        return False  # "a rebel attack", "Russia's attack": a side of its own
    return any(x.sentence.start_char == a.sentence.start_char for x in strikes)


def _in_words(m: EventMention) -> bool:
    """Whether an action is told in someone's words: under a verb of saying or accusing ("accused the group of
    targeting", "said it had targeted")."""
    tok = m.trigger.head
    for _ in range(8):  # parses are shallow; bounded all the same
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if lemma(tok) in REPORTING:
            return True
    return False


def _strike_and_attack(
    strikes: list[EventMention], attacks: list[EventMention]
) -> tuple[list[EventMention], list[EventMention]] | None:
    told = [x for x in strikes if not x.anaphoric] or strikes
    if not told or any(x.family != "remote" for x in told):
        return None
    if any(x.family != "battle" or lemma(x.trigger.head) not in GENERIC_ATTACK for x in attacks):
        return None
    return told, attacks


def _same_family(cluster: Cluster, m: EventMention) -> Fit | None:
    return "join" if m.family in _cluster_families(cluster) else None


_FAMILY_RULES: Final = (
    sideless_clash,
    intercepted_with_strike,
    attack_by_strike,
    takeover_after_fighting,
    one_action_type,
    _same_family,
    destruction_in_attack,
)


def _families_fit(cluster: Cluster, m: EventMention) -> bool:
    decided = first(_FAMILY_RULES, cluster, m)
    return decided is not None and decided.value == "join"


def _withdrawal_only(m: EventMention) -> bool:
    """A transfer named only by a withdrawal ("withdrew from the town", "pulled out of the town"; the transfer
    class's ``withdrawals``), not by "without a fight"."""
    return m.cls.name == "transfer" and m.cls.has("withdrawals", lemma(m.trigger.head))


def _crowd_force(m: EventMention) -> bool:
    crowd = load_lexicon().words("crowd")
    forceful = m.family in ("vac", "battle") or m.cls.name == "arrest"
    return forceful and any(p in crowd for p in m.patient_lemmas)


# -- sides: at most two, and a capture stays with its taker and its place ------------------------


@rule(
    "events.merge.capture_keeps_its_taker",
    decides="event.mentions",
    positive=[
        Example(
            "Al Shabaab fighters attacked an army base in Afgoye on Monday. "
            "Somali soldiers later seized the town of Afgoye.",
            {"events": 2, "event.sub_event_type": "Government regains territory"},
        )
    ],
    negative=[
        Example(
            "Al Shabaab fighters attacked an army base in Afgoye on Monday and seized the town.",
            {"events": 1},
        ),
        Example(
            "Militia seizes town in Amhara\n\nFano fighters took control of the town of Debre Tabor in Amhara on"
            " Monday, residents said.",
            {"events": 1},
        ),
    ],
)
def capture_keeps_its_taker(cluster: Cluster, m: EventMention) -> Fit | None:
    """A takeover belongs with its taker's own attack, and with its own place, not the other side's."""
    if m.cls.name != "territory" or m.actor1 is None:
        return None
    # the side that withdrew is the loser, not an attacker ("withdrew ... after weeks of fighting")
    actor1s = [x.actor1 for x in cluster.mentions if x.actor1 is not None and not _withdrawal_only(x)]
    if actor1s and not any(same_side(m.actor1, a) for a in actor1s):
        return "apart"
    named = [
        x.location
        for x in cluster.mentions
        if x.location is not None and x.location_rank <= 1 and x.location.kind != "country"
        and headline_area(x, m) is None  # a headline's best-known town of the province
    ]
    place = m.location
    if place is not None and m.location_rank <= 1 and named and not any(_same_or_within(place, n) for n in named):
        return "apart"
    return None


def _same_or_within(a: Location, b: Location) -> bool:
    """The same place, or one inside the other's province ("seizes town in Amhara" ... "took Debre Tabor")."""
    if a.name == b.name:
        return True
    inside = a.country == b.country and a.admin1 is not None and a.admin1 == b.admin1
    return inside and "admin1" in (a.kind, b.kind)


def _new_sides(cluster: Cluster, m: EventMention) -> tuple[list[Actor], list[Actor]]:
    """The cluster's sides and the mention's sides not among them (civilians caught in a fight are no side)."""
    fighting = m.family in ("battle", "vac")
    # the people force was used on at a demonstration are its crowd: civilians there are no side of their own;
    # and a strike by the same side told by both ends ("killed six people", "struck the group's depots") hit
    # one target, whoever each says it was
    crowd = m.family == "demo" or (
        m.family == "remote" and m.actor1 is not None and any(same_side(m.actor1, a) for a in cluster.actor1s())
    )
    sides = [s for s in cluster.sides() if not ((fighting or crowd) and s.kind == "civilians")]
    # the demonstrators of the day are one crowd however the parts name them ("people", "the demonstrators")
    same_crowd = m.family == "demo" and m.actor1 is not None and one_crowd(m.actor1, cluster.actor1s())
    new = [
        a
        for a in (m.actor1, m.actor2)
        if a is not None and not (fighting and a.kind == "civilians") and not (same_crowd and a is m.actor1)
        and not any(same_side(a, s) for s in sides)
    ]
    return sides, new


_CROWDS: Final = frozenset({"protesters", "rioters"})


@rule(
    "events.merge.one_crowd",
    decides="event.mentions",
    positive=[
        Example(
            "On 6 April 2024, hundreds of people demonstrated against the new constitution in Save. The"
            " demonstrators barricaded roads and beat a motorcyclist.",
            {"events": 1, "event.sub_event_type": "Violent demonstration"},
        )
    ],
    negative=[
        Example(
            "On 6 April 2024, hundreds of people demonstrated against the new constitution in Save. Gunmen shot a"
            " motorcyclist in Save.",
            {"events": 2, "event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def one_crowd(a: Actor, crowd: list[Actor]) -> bool | None:
    """The crowd of a demonstration ("hundreds of people", protesters) and the demonstrators or rioters told doing
    something next are one crowd, one side: what they did tells how the demonstration went, not a second event."""
    if a.kind not in _CROWDS:
        return None
    kinds = _CROWDS | {"civilians"}
    if any(b.kind in kinds and b.id != a.id and (b.country or "") == (a.country or "") for b in crowd):
        return True
    return None


def _standfirst_summary(cluster: Cluster, m: EventMention) -> Fit | None:
    # the standfirst summarises the body; the body's attribution will win
    return "join" if all(x.standfirst for x in cluster.mentions) and not m.standfirst else None


@rule(
    "events.merge.contested_strike",
    decides="event.mentions",
    positive=[
        Example(
            "Shelling hit the market in Horlivka on Tuesday. Russian forces blamed Ukrainian forces for the "
            "shelling of Horlivka, while Ukraine accused Russian forces of shelling the market in Horlivka.",
            {"events": 1},
        )
    ],
    negative=[
        Example(
            "Russian forces shelled the market in Horlivka on Tuesday, killing three people.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def contested_strike(cluster: Cluster, m: EventMention) -> Fit | None:
    """A strike blamed on another side joins only when the sides accuse each other over one place."""
    actor = m.actor1
    if m.family != "remote" or actor is None or not cluster.actor1s():
        return None
    if any(same_side(actor, s) for s in cluster.sides()):
        return None
    contested = m.contested_cue or any(x.contested_cue for x in cluster.mentions)
    same_place = any(
        x.location is not None
        and m.location is not None
        and x.location.name == m.location.name
        and x.location.kind in _FINE
        for x in cluster.mentions
    )
    return "join" if contested and same_place else "apart"


@rule(
    "events.merge.another_perpetrator",
    decides="event.mentions",
    positive=[
        Example(
            "Israeli settlers stormed a village in the West Bank on Thursday, setting fire to homes. A Palestinian"
            " gunman killed two Israelis at a petrol station in Eli on Thursday.",
            {"events": 2},
        )
    ],
    negative=[
        Example(
            "Gunmen stormed the village of Bulo Burde in Somalia on Thursday. Al Shabaab said its fighters killed"
            " two villagers in Bulo Burde.",
            {"events": 1},
        )
    ],
)
def another_perpetrator(cluster: Cluster, m: EventMention) -> Fit | None:
    """One-sided violence by another perpetrator than the event's, on no side of the event, is another event:
    a killing by a gunman is not the riot of the settlers told before it."""
    if m.family != "vac" or m.actor1 is None or m.actor1.kind == "civilians":
        return None
    if cluster.family == "demo" and m.actor1.kind in _STATEISH:
        return None  # "police opened fire on the protesters, killing two": force on the crowd is its event
    actors = cluster.actor1s()
    if not actors or any(same_side(m.actor1, a) for a in actors):
        return None
    targets = [x.actor2 for x in cluster.mentions if x.actor2 is not None]
    if any(same_side(m.actor1, t) for t in targets):
        return None  # the side attacked before hits back: a fight, told from the other side
    if m.actor2 is not None and any(same_side(m.actor2, a) for a in actors):
        return None  # "security forces killed all four attackers": the responders fight the event's attackers
    return "apart"


@rule(
    "events.merge.headline_unnamed_doer",
    decides="event.mentions",
    positive=[
        Example(
            "Gunman kills aid worker in Bossangoa\n\nBANGUI (Reuters) - A soldier shot dead an aid worker at a"
            " checkpoint in Bossangoa on Monday, the charity said.",
            {"events": 1},
        )
    ],
    negative=[
        Example(
            "Al Shabaab kills aid worker in Baidoa\n\nMOGADISHU (Reuters) - A soldier shot dead an aid worker at a"
            " checkpoint in Baidoa on Monday, the charity said.",
            {"event.actor1.name": "Al Shabaab"},
        )
    ],
)
def headline_unnamed_doer(cluster: Cluster, m: EventMention) -> Fit | None:
    """A headline that does not name who did it ("Gunman kills aid worker") tells the story's event, whoever the
    body names as the doer: the headline's unidentified side is no other perpetrator."""
    if m.standfirst or not all(x.standfirst for x in cluster.mentions):
        return None
    doers = cluster.actor1s()
    return "join" if doers and all(unidentified(a) for a in doers) else None


@rule(
    "events.merge.claimed_target",
    decides="event.mentions",
    positive=[
        Example(
            "Mortar shells landed near the presidential palace in Mogadishu on Monday, killing two civilians, police"
            " said. Al Shabaab claimed responsibility, saying it had targeted the government's headquarters.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
    ],
    negative=[
        Example(
            "Mortar shells landed near the presidential palace in Mogadishu on Monday, killing two civilians, police"
            " said. Separately, soldiers said they had targeted Al Shabaab positions near Afgoye.",
            {"events": 2},
        ),
    ],
)
def claimed_target(cluster: Cluster, m: EventMention) -> bool | None:
    """A doer's own words for its attack ("claimed responsibility, saying it had targeted the government's
    headquarters") name the target it meant, not a third side: the generic attack word joins the doer's event, or an
    event no doer is told for, whatever target it names (the place and the day still have to fit)."""
    if lemma(m.trigger.head) not in GENERIC_ATTACK or not _in_words(m):
        return None
    doers = cluster.actor1s()
    if m.actor1 is None:
        # "saying it had targeted ...": the pronoun is the claimant, whom the sides rules name later
        return True if any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in kids(m.trigger.head)) else None
    # no doer told yet ("mortar shells landed"): the claimant names it
    return True if not doers or any(same_side(m.actor1, a) for a in doers) else None


def _sides_fit(cluster: Cluster, m: EventMention) -> bool:
    if capture_keeps_its_taker(cluster, m) == "apart":
        return False
    if claimed_target(cluster, m):
        return True
    if headline_unnamed_doer(cluster, m) == "join":
        return True
    if another_perpetrator(cluster, m) == "apart":
        return False
    sides, new = _new_sides(cluster, m)
    if not new:
        return True
    if _standfirst_summary(cluster, m):
        return True
    strike = contested_strike(cluster, m)
    if strike is not None:
        return strike == "join"
    if m.family == "remote" and all(a.kind == "civilians" for a in new) and m.actor1 is None:
        return True  # "strikes on militant hideouts ... the strikes killed nine people": civilians hit by them
    if len(sides) + len(new) == 3 and len(new) == 1 and allied_in_one_phrase(sides, new[0], m):
        return True
    return len(sides) + len(new) <= 2


_STATE_NOUNS: Final = lexicon("event_context").words("state_dead")
_ALLY_CLIMB: Final = 4  # from the ally's name up to the phrase it is coordinated in ("members of the VDP")


@rule(
    "events.merge.allied_in_one_phrase",
    decides="event.mentions",
    positive=[
        Example(
            "Fighters of the al Qaeda-linked group JNIM attacked an army post in the town of Seytenga in Burkina"
            " Faso's Sahel region on Monday,"
            " sparking hours of fighting in which at least 20 soldiers and members of the VDP civilian defence"
            " militia were killed, two security sources said.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
            date=dt.date(2025, 5, 14),
        )
    ],
    negative=[
        Example(
            "Jihadists attacked an army post in Djibo on Monday. On Tuesday, the VDP militia fought bandits in Titao,"
            " security sources said.",
            {"events": 2},
            date=dt.date(2025, 5, 14),
        )
    ],
)
def allied_in_one_phrase(sides: list[Actor], new: Actor, m: EventMention) -> bool | None:
    """A militia named in one phrase with the state's forces ("20 soldiers and members of the VDP militia were
    killed") fights beside them: their ally, not a third side of another event."""
    if not any(a.kind == "state_forces" and a.country == new.country for a in sides):
        return None
    sent = m.sentence
    for y in new.mentions:
        if not sent.start_char <= y.start < sent.end_char:
            continue
        span = sent.doc.char_span(y.start, y.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        for step in range(_ALLY_CLIMB):
            if tok is None:
                break
            # "soldiers and members of the VDP": the state's noun a conjunct, or the phrase the name hangs in
            if any(lemma(c) in _STATE_NOUNS for c in tok.conjuncts) or (step and lemma(tok) in _STATE_NOUNS):
                return True
            tok = tok.head if tok.head.i != tok.i else None
    return None


# -- links: something positive ties a far mention to a cluster -----------------------------------


def _near(cluster: Cluster, m: EventMention, reach: int = 1) -> bool:
    return m.paragraph - max(x.paragraph for x in cluster.mentions) <= reach


def _same_place_name(cluster: Cluster, m: EventMention) -> bool:
    return m.location is not None and any(
        x.location is not None and x.location.name == m.location.name for x in cluster.mentions
    )


def _same_written_day(cluster: Cluster, m: EventMention) -> bool:
    explicit = ("own", "sentence")
    return m.date_source in explicit and any(
        x.date_source in explicit
        and x.date is not None
        and m.date is not None
        and x.date.start <= m.date.end
        and m.date.start <= x.date.end
        for x in cluster.mentions
    )


def _shared_number(cluster: Cluster, m: EventMention) -> bool:
    # "16 suspects had been arrested" ... "arresting 16 suspects"
    return bool(m.numbers) and any(m.numbers & x.numbers for x in cluster.mentions)


def _same_capture(cluster: Cluster, m: EventMention) -> bool:
    # "rebels seized a town" ... "the rebels took control of Kitshanga": the same capture
    actor = m.actor1
    return (
        m.cls.name == "territory"
        and actor is not None
        and _near(cluster, m, _PARAGRAPH_WINDOW)
        and any(
            x.cls.name == "territory"
            and x.actor1 is not None
            and same_side(x.actor1, actor)
            and (x.location is None or x.location.kind == "country")
            for x in cluster.mentions
        )
    )


@rule(
    "events.merge.headline_story",
    decides="event.mentions",
    positive=[
        Example(  # the headline's pull-out is the capture told from the loser's side
            "Russian drones hit Kharkiv, killing two; Ukraine pulls out of Donetsk village\n\nKYIV (Reuters) - Russian"
            " drones struck a residential building in Kharkiv overnight, killing two people, the regional governor"
            " said on Tuesday.\n\nRussia's defence ministry said on Monday that its forces had captured the village"
            " of Novoselivka in Donetsk region after weeks of fighting.",
            {"events": 2, "event.sub_event_type": "Non-state actor overtakes territory"},
            date=dt.date(2026, 2, 17),
        ),
        Example(
            "Gunmen kill six in Nigeria's Zamfara; roadside bomb hits army truck in Borno\n\nGUSAU, Nigeria (Reuters)"
            " - Gunmen killed six villagers in Tsafe on Sunday, police said.\n\nResidents said the attackers came on"
            " motorbikes and fired at people in the market.\n\nIn a separate incident on Sunday, a roadside bomb"
            " hit an army truck near Bama in Borno state, killing two soldiers, military sources said.",
            {"events": 2, "!event.location.name": "Zamfara"},
            date=dt.date(2025, 9, 8),
        )
    ],
    negative=[
        Example(
            "Gunmen kill six in Nigeria's Zamfara; roadside bomb hits army truck in Borno\n\nGUSAU, Nigeria (Reuters)"
            " - Gunmen killed six villagers in Tsafe on Sunday, police said.\n\nResidents said the attackers came on"
            " motorbikes and fired at people in the market.\n\nIn a separate incident on Sunday, gunmen"
            " ambushed an army truck near Bama in Borno state, killing two soldiers, military sources said.",
            {"events": 3},
            date=dt.date(2025, 9, 8),
        )
    ],
)
def headline_story(cluster: Cluster, m: EventMention) -> bool:
    """A headline's second story ("...; roadside bomb hits army truck") is told paragraphs below its lede: the
    body's first mention of the same sub-event type, in a place that fits, is that story however far down."""
    return (
        not m.standfirst
        and all(x.standfirst and _headline_half(x) for x in cluster.mentions)
        and any(x.sub_event_type == m.sub_event_type or _loss_of_the_capture(x, m) for x in cluster.mentions)
    )


def _loss_of_the_capture(x: EventMention, m: EventMention) -> bool:
    """ "...; Ukraine pulls out of Donetsk village": a headline's withdrawal is the body's capture told from the
    side that lost the place."""
    return _withdrawal_only(x) and m.cls.name == "territory"


def _headline_half(x: EventMention) -> bool:
    """Whether a mention's sentence is one half of a headline (a first line with no full stop, cut at its
    semicolon: two stories); a first paragraph of full sentences is a lede, not a headline."""
    sent = x.sentence
    line_end = headline_end(doc_text(sent.doc))
    if sent.start_char >= line_end:
        return False
    return sent.start_char > 0 or sent.end_char < line_end


_LINKS: Final = (_near, _same_place_name, _shared_number, _same_capture, _same_written_day, headline_story)


@rule(
    "events.merge.headline_halves",
    decides="event.mentions",
    positive=[
        Example(
            "Villagers lynch two suspected cattle thieves; relatives march in Migori\n\nMIGORI, Kenya (Reuters) - A"
            " mob beat two men suspected of stealing cattle to death in Awendo on Saturday, police said.\n\n"
            "On Sunday, dozens of relatives of the dead men marched peacefully through Migori town.",
            {"events": 2, "!lead.sub_event_type": "Violent demonstration"},
            date=dt.date(2025, 9, 8),
        )
    ],
    negative=[
        Example(
            "Villagers lynch two suspected cattle thieves in Kenya\n\nMIGORI, Kenya (Reuters) - A mob beat two men"
            " suspected of stealing cattle to death in Awendo on Saturday, police said.",
            {"events": 1, "event.sub_event_type": "Mob violence"},
            date=dt.date(2025, 9, 8),
        ),
        Example(  # two halves of one kind: one story
            "Gunmen kill 9 in attack on Kaduna village; attackers shot worshippers leaving church\n\nKADUNA, Nigeria"
            " (Reuters) - Gunmen attacked the village of Kauru in Kaduna state on Sunday, shooting dead nine"
            " worshippers as they left a church service, police said.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2025, 6, 9),
        ),
        Example(  # a first paragraph of full sentences is a lede, not a headline of two stories
            "Soldiers clashed with ADF rebels near Oicha on Monday. Four soldiers were killed in clashes with the"
            " rebels near Oicha, the army said.\n\nResidents fled towards Beni.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
            date=dt.date(2025, 6, 10),
        ),
    ],
)
def headline_halves(cluster: Cluster, m: EventMention) -> bool | None:
    """The two halves of a headline ("mob kills two robbers; relatives march") tell two stories: a mention of
    one half does not join an event of another kind told in the other."""
    if not m.standfirst or not _headline_half(m):
        return None
    start = m.sentence.start
    other = [x for x in cluster.mentions if _headline_half(x) and x.sentence.start != start]
    # halves of one kind may tell one story ("Gunmen kill 9 in attack on village; attackers shot worshippers"):
    # the place and the sides decide, as for any two mentions
    return True if other and all(x.sub_event_type != m.sub_event_type for x in other) else None


def _linked(cluster: Cluster, m: EventMention) -> bool:
    """Something positive ties a mention to a cluster: nearness, a shared place, or a shared written date."""
    return any(link(cluster, m) for link in _LINKS)


def _affinity(cluster: Cluster, m: EventMention) -> int:
    """How strongly a mention belongs to a cluster: same actor, same place, same written day, nearness."""
    actor = m.actor1 is not None and any(same_side(m.actor1, a) for a in cluster.actor1s())
    # of a two-story headline's halves, the one that names the mention's kind of event
    own_half = headline_story.fn(cluster, m) is True  # a preference, not the link it records
    return (2 * actor + 2 * _same_place_name(cluster, m) + 2 * _same_written_day(cluster, m) + _near(cluster, m)
            + own_half)


def _recent(cluster: Cluster) -> bool:
    """Whether a cluster is news rather than background (no written date ending weeks before the anchor)."""
    for x in cluster.mentions:
        if x.date is not None and x.date_source in ("own", "sentence") and not x.anaphoric:
            return not _background(x.date)
    return True


def _fits(cluster: Cluster, m: EventMention) -> bool:
    if not _families_fit(cluster, m) or headline_halves(cluster, m):
        return False
    if not _linked(cluster, m):
        return False  # far apart and nothing shared: another event of the same kind
    if (
        not all(
            _places_fit(x.location, m.location, x.places, m.places)
            or first((headline_area, withdrawal_in_capture), x, m) is not None
            for x in cluster.mentions
            if x.location_rank <= 1
        )
        and m.location_rank <= 1
    ):
        return False
    if not all(same_day_or_open(x, m) for x in cluster.mentions) and not withdrawal_before_taking(cluster, m):
        return False
    return _sides_fit(cluster, m)


@rule(
    "events.merge.withdrawal_before_taking",
    decides="event.mentions",
    positive=[
        Example(
            "Militia fighters took control of the mining town of Komanda in Ituri on Saturday without a shot being"
            " fired, residents said. The army had withdrawn its troops from Komanda on Friday evening, an official"
            " said.",
            {"events": 1, "event.sub_event_type": "Non-violent transfer of territory",
             "event.date.start": "2025-12-13"},
            date=dt.date(2025, 12, 15),
        ),
        Example(  # told in the taking's sentence, whatever day the parser gives the pull-out
            "Further north, rebels entered the town of Nyanzale on Monday without a fight after the army and allied"
            " militias withdrew overnight, residents said.",
            {"events": 1, "event.sub_event_type": "Non-violent transfer of territory"},
        ),
    ],
    negative=[
        Example(
            "Militia fighters took control of the mining town of Komanda in Ituri on Saturday without a shot being"
            " fired, residents said. The army withdrew from Fataki on Friday evening, an official said.",
            {"events": 2},
        )
    ],
)
def withdrawal_before_taking(cluster: Cluster, m: EventMention) -> bool | None:
    """The other side's withdrawal from the place a day or two before it was taken ("the army had withdrawn its
    troops from the town on Friday evening") is how it changed hands: part of the taking, not an event of its own."""
    if not _withdrawal_only(m) or m.date is None or m.location is None:
        return None
    for x in cluster.mentions:
        if x.cls.name not in ("territory", "transfer") or x.date is None or x.location is None:
            continue
        if x.sentence.start == m.sentence.start and not _withdrawal_only(x):
            return True  # "entered the town after the army withdrew overnight": one sentence, one change of hands
        if x.location.id == m.location.id and 0 <= (x.date.start - m.date.end).days <= _WITHDRAWAL_DAYS:
            return True
    return None


_WITHDRAWAL_DAYS: Final = 2  # a pull-out this shortly before a taking is its start


def _withdrawn_before(target: Cluster, m: EventMention) -> bool:
    """Whether the mention joins the cluster only as the withdrawal days before its taking."""
    return not all(same_day_or_open(x, m) for x in target.mentions) and withdrawal_before_taking.fn(target, m) is True


def _open_clusters(clusters: list[Cluster]) -> list[Cluster]:
    """The latest clusters that can still take a mention (bounded, so a book costs linear time)."""
    return [c for c in clusters[-_REACH:] if len(c.mentions) < _FULL]


# -- where a mention goes: the rules tried before the general fit -------------------------------


@rule(
    "events.merge.device_in_assault",
    decides="event.mentions",
    positive=[
        Example(
            "Fighters stormed an army base near Mopti on Sunday after a car bomb exploded at its gate.",
            {"events": 1, "event.event_type": "Battles"},
        )
    ],
    negative=[
        Example(
            "A car bomb exploded at the gate of an army base near Mopti on Sunday.",
            {"event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def device_in_assault(candidates: list[Cluster], m: EventMention) -> Cluster | None:
    """An explosion inside a ground assault, in the same sentence, is part of the Battle."""
    if m.family != "remote" or m.cls.name not in _DEVICE:
        return None
    return next(
        (
            c
            for c in reversed(candidates)
            if any(x.family == "battle" and x.sentence.start == m.sentence.start for x in c.mentions)
        ),
        None,
    )


@rule(
    "events.merge.force_on_crowd",
    decides="event.mentions",
    positive=[
        Example(
            "Hundreds of students protested in Lagos on Monday. Police attacked the protesters.",
            {"events": 1, "event.actor2.name": "Police Forces of Nigeria (2023-)"},
        ),
    ],
    negative=[
        Example(
            "Police beat three traders with batons at a market in Lagos on Monday.",
            {"!event.event_type": "Protests"},
        ),
        Example(  # the march is the headline's second story: the attackers' fire is the first story's
            "Gunmen kill 12 in Nigeria's Plateau state; youths march in Jos\n\nJOS, Nigeria (Reuters) - Gunmen"
            " attacked the village of Bokkos late on Friday, killing 12 people, police said.\n\nSurvivors said the"
            " attackers fired on residents as they fled.\n\nOn Saturday, hundreds of youths marched peacefully"
            " through Jos to demand protection.",
            {"events": 2, "!event.sub_event_type": "Excessive force against protesters"},
            date=dt.date(2025, 6, 29),
        ),
    ],
)
def force_on_crowd(candidates: list[Cluster], m: EventMention) -> Cluster | None:
    """Force used against a crowd joins the demonstration it broke up (at most two paragraphs on)."""
    if not _crowd_force(m):
        return None
    para = m.paragraph
    near = (
        c
        for c in reversed(candidates)
        if c.family == "demo" and abs(c.mentions[-1].paragraph - para) <= 2 and not _untold_half(c)
    )
    return next(near, None)


def _untold_half(c: Cluster) -> bool:
    # the second story of a two-story headline ("...; protesters march in Makurdi") whose body is still to come:
    # force told before it is the first story's ("attackers fired on residents as they ran")
    return all(x.standfirst and _headline_half(x) for x in c.mentions)


@rule(
    "events.merge.counted_killing_at_demonstration",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 13 August 2022, police fired live ammunition at demonstrators protesting bread prices in Makeni,"
            " killing 4.",
            {"events": 1, "event.sub_event_type": "Excessive force against protesters", "event.fatalities.value": 4},
        ),
    ],
    negative=[
        Example(
            "On 14 January 2024, motorcycle taxi drivers staged a demonstration in Ibadan to protest the death of a"
            " colleague shot by police.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def counted_killing_at_demonstration(target: Cluster, m: EventMention) -> bool | None:
    """A killing by state forces that names only a count ("police fired at the demonstrators ..., killing 4"),
    joined to a demonstration told in its own sentence, is lethal force on the crowd."""
    if m.cls.name != "kill" or not m.patient_lemmas or m.actor1 is None or m.actor1.kind != "state_forces":
        return None
    if not all(p in NUMBER_WORDS or p.replace(",", "").isdigit() for p in m.patient_lemmas):
        return None
    if target.family != "demo" or not any(x.sentence.start == m.sentence.start for x in target.mentions):
        return None
    return True


@rule(
    "events.merge.anaphor",
    decides="event.mentions",
    positive=[
        Example(
            "Gunmen attacked a police post in Kano on Monday, killing three officers. "
            "No group has claimed the attack.",
            {"events": 1},
        ),
        Example(
            "Rival militias in Zawiya agreed on Wednesday to a ceasefire brokered by tribal elders, the council said."
            " The government in Tripoli welcomed the truce.",
            {"events": 1, "event.location.name": "Zawiya"},
        ),
    ],
    negative=[
        Example(
            "Gunmen attacked a police post in Kano on Monday, killing three officers.",
            {"events": 1},
        ),
        Example(
            "Warplanes struck a poultry farm outside Saraqib on Thursday, killing two workers. Tuesday's strike on the"
            " town's market killed at least nine people.",
            {"events": 2},
        ),
    ],
)
def anaphor(candidates: list[Cluster], m: EventMention) -> Cluster | None:
    """A definite anaphor ("the attack") joins the latest recent cluster of its family, else of violence."""
    if not m.anaphoric:
        return None
    own = _own_place(m)
    same = [
        c
        for c in candidates
        if m.family in {x.family for x in c.mentions}
        and _places_fit(c.mentions[0].location, own, c.mentions[0].places, m.places)
    ]
    violent = [c for c in candidates if c.family in _VIOLENT]
    pool = same or (violent if m.family in _VIOLENT else [])
    if _dated_phrase(m):
        # "Tuesday's strike" after Thursday's: an anaphor dated by its own words names the event of that day
        pool = [c for c in pool if _day_told_in(c, m)]
    pool = [c for c in pool if _recent(c)] or pool  # "the attack" is the news, not the background
    return max(pool, key=lambda c: c.last) if pool else None


def _day_told_in(cluster: Cluster, m: EventMention) -> bool:
    """Whether a cluster tells of the day an anaphor names: one of its dated mentions fits it, or none is dated."""
    dated = [x for x in cluster.mentions if x.date is not None and x.date_source in ("own", "sentence")]
    return not dated or any(same_day_or_open(x, m) for x in dated)


def _dated_phrase(m: EventMention) -> bool:
    """Whether the anaphor's own phrase holds its date ("Tuesday's strike", "the raid on Friday"); a day of its
    clause ("claimed the ambush on Saturday") dates the claim, not the ambush."""
    if m.date is None or m.date.mention is None or m.date_source != "own":
        return False
    head = m.trigger.head
    at = next((t for t in sentence_at(head.doc, head.i) if t.idx <= m.date.mention.start < t.idx + len(t.text)), None)
    # up from the date to the trigger, through no clause of its own ("the fighting, which continued on Sunday")
    while at is not None and at.i != head.i:
        if at.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj") or at.head.i == at.i:
            return False
        at = at.head
    return at is not None


def _own_place(m: EventMention) -> Location | None:
    """An anaphor's place when its own phrase names it ("the attack on Jit"); a place elsewhere in its clause
    ("the government in Tripoli welcomed the truce") says where someone is, not where the event was."""
    loc = m.location
    if loc is None:
        return None
    head = m.trigger.head
    right = head.right_edge
    phrase = doc_text(head.doc)[head.left_edge.idx : right.idx + len(right.text)]
    return loc if any(mention.text in phrase for mention in loc.mentions) else None


_TARGET_RULES: Final = (device_in_assault, force_on_crowd, anaphor)


def _best_fit(candidates: list[Cluster], m: EventMention) -> Cluster | None:
    """The fitting cluster a mention belongs to most; clusters opened as "similar"/"other" events come last."""
    if m.distinct:
        return None
    fitting = [c for c in candidates if _fits(c, m)]
    return max(fitting, key=lambda c: (not c.mentions[0].distinct, _affinity(c, m), c.last), default=None)


def _other_of_its_kind(c: Cluster) -> bool:
    """Whether the cluster was opened by an event told as another of its kind ("similar attacks"), not a label."""
    first_mention = c.mentions[0]
    return first_mention.distinct and first_mention.label is None


def cluster_mentions(mentions: list[EventMention]) -> list[Cluster]:
    """Group mentions into events, in text order."""
    clusters: list[Cluster] = []
    # within a sentence, demonstrations and ground fighting open first: an explosion or the force
    # used in the same sentence then joins them ("a car bomb exploded at the gate before fighters stormed it")
    rank = {"demo": 0, "battle": 1, _DISRUPTED: 3}
    order = sorted(mentions, key=lambda m: (m.sentence.start, rank.get(m.family, 2), m.trigger.head.i))
    for m in order:
        candidates = _open_clusters(clusters)
        # "(likely Al Shabaab due to similar attacks)": events told as others of their kind are no host
        decided = first(_TARGET_RULES, [c for c in candidates if not _other_of_its_kind(c)], m)
        target = decided.value if decided is not None else None
        if decided is not None and decided.rule == force_on_crowd.name:
            m.force_on_crowd = "lethal" if m.cls.name == "kill" else "intervention"
            m.force_actor = m.actor1
        if (target is None and m.anaphoric and m.actor1 is None and m.actor2 is None and m.location_rank > 0
                and not lede_anaphor(m.sentence.start_char, m.sentence.doc)):
            continue  # "the attack" with nothing to refer to
        target = target or _best_fit(candidates, m)
        if target is None:
            clusters.append(Cluster([m]))
        elif decided is None and _withdrawn_before(target, m):
            # a withdrawal the day before the taking (events.merge.withdrawal_before_taking): folded into the
            # taking, whose day stays the event's
            next(x for x in target.mentions if x.cls.name in ("territory", "transfer")).absorbed.append(m)
        else:
            if m.force_on_crowd is None and counted_killing_at_demonstration(target, m):
                m.force_on_crowd, m.force_actor = "lethal", m.actor1
            target.mentions.append(m)
    return clusters
