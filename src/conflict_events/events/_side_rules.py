"""Which actors are the two sides of an event: the side rules of the events step.

The mentions of an event each carry the sides their clause gives (:mod:`._event_roles`);
:class:`SideChooser` picks the event's actor1 and actor2 among them and fills the gaps
with what the document says elsewhere (its main pair of opponents, the crowd of a
demonstration, the civilians of an attack), adding the generic actors it names
(``Civilians (Nigeria)``) to the document's actors. Each decision is a named rule below;
:attr:`SideChoice.provenance` names the rule that decided each side.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .._docindex import sentence_at
from ..actors import RoleWords, generic_name, military_forces, role_words, unnamed_perpetrator
from ..rules import Example, first, rule
from ..schema import Actor, Decision, Location
from ._event_mentions import EventMention
from ._event_roles import side_words
from ._merge import Cluster, same_side, unidentified
from ._trigger_lexicon import load_lexicon

__all__ = ["SideChoice", "SideChooser", "country_of_the_place", "sub_is_transfer"]

_ARMED = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
_CROWDS = ("protesters", "rioters")
# the side rules that name a generic side for the event's country (its place's, else the document's)
_OF_THE_EVENTS_COUNTRY: Final = frozenset({
    "events.sides.crowd", "events.sides.mob_on_civilians", "events.sides.mob_brawl", "events.sides.civilian_victims",
    "events.sides.civilian_target", "events.sides.taken_from_civilians", "events.sides.unknown_perpetrator",
})
_NEWLINE = re.compile("\n")
# a mention that speaks: "police said", "the army told AFP", "... according to the police"
_SAID_AFTER: Final = re.compile(r"\s+(?:said|says|told|stated|reported|announced|confirmed)\b")
_ACCORDING_BEFORE: Final = re.compile(r"according to\s+(?:the\s+)?\S*\s*$", re.IGNORECASE)


def sub_is_transfer(etype: str, cluster: Cluster) -> bool:
    """Whether a strategic development is a handover of a place (taken, or left by the other side)."""
    return etype == "Strategic developments" and any(
        m.cls.name == "transfer" or m.sub_event_type == "Non-violent transfer of territory" for m in cluster.mentions
    )


@dataclass
class SideChoice:
    """The two sides of one event, whether its attribution is contested, whether a side was filled in from
    the document's main pair, and the rule that decided each side."""

    actor1: Actor | None = None
    actor2: Actor | None = None
    contested: bool = False
    filled: bool = False
    rules: dict[str, str] = field(default_factory=dict)

    def set(self, side: str, actor: Actor | None, by: str) -> None:
        """Set a side (or leave it empty) by the rule ``by``."""
        setattr(self, side, actor)
        self.rules[side] = by

    @property
    def provenance(self) -> tuple[Decision, ...]:
        return tuple(Decision.of(f, r) for f, r in sorted(self.rules.items()))


@dataclass(frozen=True)
class SideQuery:
    """One event to choose sides for: its mentions, type and place, in its document."""

    chooser: SideChooser
    cluster: Cluster
    etype: str
    location: Location | None
    sub: str | None = None  # the sub-type the typing rules gave (a note's label among them)

    @property
    def country(self) -> str | None:
        """The event's country: its place's, else the document's."""
        return (self.location.country if self.location else None) or self.chooser.home

    @property
    def body(self) -> list[EventMention]:
        """The mentions that tell the event (a standfirst only when nothing else does)."""
        ms = self.cluster.mentions
        body = [m for m in ms if not m.standfirst] or ms
        if self.etype == "Battles":
            # the side that withdrew is the one that lost the place, never the taker
            body = [m for m in body if m.cls.name != "transfer"] or body
        return body


# -- demonstrations ------------------------------------------------------------------------------


@rule(
    "events.sides.crowd",
    decides="event.actor1",
    positive=[
        Example(
            "Hundreds of teachers marched through Accra on Tuesday to demand unpaid wages.",
            {"event.actor1.name": "Protesters (Ghana)"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked a bus near Accra on Tuesday, wounding three passengers.",
            {"event.actor1.name": "Unidentified Armed Group (Ghana)"},
        )
    ],
)
def crowd(q: SideQuery) -> Actor | None:
    """A demonstration's actor1 is its crowd, Protesters or Rioters of the event's country (ACLED's generic actors)."""
    if q.etype not in ("Riots", "Protests"):
        return None
    ms = q.cluster.mentions
    named = next((m.actor1 for m in ms if m.actor1 is not None and m.actor1.kind in _CROWDS), None)
    label, kind = ("Rioters", "rioters") if q.etype == "Riots" else ("Protesters", "protesters")
    if named is not None and named.kind == kind and named.name.startswith(f"{label} (") and _catalogued(named):
        return named  # a crowd the catalogue names with its own country
    # a catalogued crowd keeps its country ("Israeli settlers" riot in the West Bank: Rioters (Israel))
    country = named.country if named is not None and _catalogued(named) and named.country else q.country
    return q.chooser.generic(label, kind, country, named, by="events.sides.crowd")


def _catalogued(actor: Actor) -> bool:
    """Whether the actor is an entry of the actor catalogue (not a generic name a role word made)."""
    return any(d.field == "name" and d.rule == "actors.names.table" for d in actor.provenance)


@rule(
    "events.sides.force_on_crowd",
    decides="event.actor2",
    positive=[
        Example(
            "Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday.",
            {"event.actor2.name": "Police Forces of Kenya (2022-)"},
        )
    ],
    negative=[
        Example(
            "Hundreds of protesters marched peacefully through Nairobi on Tuesday.",
            {"event.actor1.name": "Protesters (Kenya)"},
        )
    ],
)
def force_on_crowd(q: SideQuery) -> Actor | None:
    """Whoever broke up or fired on a demonstration is its actor2."""
    ms = q.cluster.mentions
    force = next((m.force_actor for m in ms if m.force_actor is not None), None)
    return force or next(
        (m.actor1 for m in ms if m.force_on_crowd and m.actor1 is not None and m.family != "demo"), None
    )


@rule(
    "events.sides.mob_victims",
    decides="event.actor2",
    positive=[
        Example(
            "A mob attacked two farmers accused of witchcraft in Kano on Friday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "A mob set fire to a police station in Kano on Friday.",
            {"event.actor1.name": "Rioters (Nigeria)"},
        )
    ],
)
def mob_victims(q: SideQuery) -> Actor | None:
    """A mob's victims ("lynched a man accused of theft") are acted upon (a peaceful protest acts upon no one)."""
    if q.etype != "Riots":
        return None
    return next((m.actor2 for m in q.cluster.mentions if m.actor2 is not None and m.actor2.kind not in _CROWDS), None)


@rule(
    "events.sides.mob_brawl",
    decides="event.actor2",
    positive=[
        Example(
            "Supporters of two rival candidates clashed with sticks and stones in Parakou on Sunday. Several people"
            " were injured.",
            {"event.actor1.name": "Rioters (Benin)", "event.actor2.name": "Rioters (Benin)"},
        )
    ],
    negative=[
        Example(
            "A mob beat two men accused of theft in Parakou on Sunday.",
            {"event.actor2.name": "Civilians (Benin)"},
        )
    ],
)
def mob_brawl(q: SideQuery) -> Actor | None:
    """Mob violence told as a fight between two crowds (families, villages, rival supporters or students who
    clash) has rioters on both sides, as ACLED codes it; the crowd is its own actor2."""
    if q.etype != "Riots" or any(m.cls.name == "protest" for m in q.cluster.mentions):
        return None
    words = q.chooser.sides.brawl_words
    if not any(_brawl(t, words) for m in q.cluster.mentions for t in m.sentence):
        return None
    return crowd(q)


_HARMED: Final = frozenset({"kill", "die", "injure", "wound", "hurt", "shoot"})


def _brawl(tok: Token, words: frozenset[str]) -> bool:
    """A word of a fight between crowds, not the cause of an earlier harm ("killed in a fight the day before")."""
    if tok.lower_ not in words and tok.lemma_.lower() not in words:
        return False
    return not (tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _HARMED)


@rule(
    "events.sides.mob_on_civilians",
    decides="event.actor2",
    positive=[
        Example(
            "A mob set fire to three buses in Kano on Friday after one of them ran over a child.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Protesters burned tyres and blocked the main road in Kano on Friday over a rise in school fees.",
            {"event.actor1.name": "Rioters (Nigeria)"},
        )
    ],
)
def mob_on_civilians(q: SideQuery) -> Actor | None:
    """Mob violence with no other side named falls on civilians of the event's country (people, their vehicles,
    their homes); a violent demonstration with no side named has no actor2."""
    if q.etype != "Riots":
        return None
    if any(m.cls.name == "protest" for m in q.cluster.mentions):
        return None  # demonstrators who turn violent: a violent demonstration (the events step's typing)
    return q.chooser.generic("Civilians", "civilians", q.country, None, by="events.sides.mob_on_civilians")


def _demonstration(q: SideQuery, choice: SideChoice) -> None:
    crowd_actor = crowd(q)
    assert crowd_actor is not None
    choice.set("actor1", crowd_actor, crowd.name)
    decided = first((force_on_crowd, mob_victims, mob_brawl, mob_on_civilians), q)
    if decided is not None and decided.rule == mob_victims.name and decided.value.kind == "civilians":
        # "supporters of two candidates clashed ... 8 people were injured": the injured are the brawl's own
        brawl = first((mob_brawl,), q)
        decided = brawl or decided
    if decided is not None and (decided.value.name != crowd_actor.name or decided.rule == mob_brawl.name):
        choice.set("actor2", decided.value, decided.rule)


# -- transfers ------------------------------------------------------------------------------------


@rule(
    "events.sides.territory_taker",
    decides="event.actor1",
    positive=[
        Example(
            "M23 rebels took control of Rubaya after the army withdrew from the town on Tuesday.",
            {"event.actor1.name": "M23: March 23 Movement"},
        ),
        Example(  # the side it was taken from, with no withdrawal told: actor2 all the same
            "On 18 May 2025, Puntland Dervish Force took control of the hideouts near Buqo in Qandala (Qandala, Bari)"
            " from Islamic State Somalia Province. No clash was reported.",
            {"event.actor2.name": "Islamic State Somalia Province"},
            date=dt.date(2025, 5, 20),
        ),
    ],
    negative=[
        Example(
            "M23 rebels attacked an army post near Rubaya on Tuesday.",
            {"event.actor1.name": "M23: March 23 Movement"},
        )
    ],
)
def territory_taker(q: SideQuery) -> tuple[Actor, Actor | None] | None:
    """A handover's actor1 is the side that gains the place, not the one that left (which is actor2)."""
    if not sub_is_transfer(q.etype, q.cluster):
        return None
    ms = q.cluster.mentions
    taker = next((m.actor1 for m in ms if m.cls.name == "territory" and m.actor1 is not None), None)
    leaver = next((m.actor1 for m in ms if m.cls.name == "transfer" and m.actor1 is not None), None)
    if taker is None and leaver is not None:
        taker = q.chooser.opponent(leaver)
    if taker is None:
        return None
    if leaver is None:
        # "took control of the hideouts from ISSP": the side the place was taken from, else the taker's opponent
        leaver = next((m.actor2 for m in ms if m.cls.name == "territory" and m.actor2 is not None), None)
        leaver = leaver or q.chooser.opponent(taker)
    return taker, (leaver if leaver is not None and not same_side(leaver, taker) else None)


# -- actor1 ---------------------------------------------------------------------------------------


@rule(
    "events.sides.most_named_agent",
    decides="event.actor1",
    positive=[
        Example(
            "Gunmen killed four farmers near Zurmi on Tuesday.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        ),
        Example(  # the side an unidentified doer is found to be: the group that claimed the attack
            "A suicide truck bomber struck an army checkpoint in Khost on Sunday, killing six soldiers. The Taliban"
            " claimed responsibility for the attack.",
            {"lead.actor1.name": "Taliban", "lead.sub_event_type": "Suicide bomb"},
            date=dt.date(2019, 3, 4),
        ),
    ],
    negative=[
        Example(
            "Two soldiers were killed in an ambush near Zurmi on Tuesday.",
            {"event.actor2.name": "Military Forces of Nigeria (2023-)"},
        )
    ],
)
def most_named_agent(q: SideQuery) -> Actor | None:
    """Actor1 is the side the event's mentions most often give as acting (each side counted once per mention)."""
    counts, firsts = _agents(q.body)
    if not counts:
        counts, firsts = _agents(q.cluster.mentions, by_side=False)
    return firsts[counts.most_common(1)[0][0]] if counts else None


def _agents(mentions: Sequence[EventMention], by_side: bool = True) -> tuple[Counter[str], dict[str, Actor]]:
    """Each acting side of the mentions, counted once per mention, with its first actor."""
    counts: Counter[str] = Counter()
    firsts: dict[str, Actor] = {}
    for m in mentions:
        actor = m.actor1
        if actor is None:
            continue
        key = actor.id
        if by_side:
            key = next((k for k, a in firsts.items() if same_side(a, actor)), actor.id)
        first_named = firsts.setdefault(key, actor)
        if unidentified(first_named) and not unidentified(actor):
            firsts[key] = actor  # "a suicide bomber ... The Taliban claimed the attack": the side is named
        counts[key] += 1
    return counts, firsts



@rule(
    "events.sides.contested_attribution",
    decides="event.actor1",
    positive=[
        Example(
            "Both sides accused each other over the shelling of a market in Horlivka on Monday.\n"
            '"Ukrainian forces fired rockets at the market in Horlivka," the Russian defence ministry said.\n'
            "Ukraine's military denied it, accusing Russian forces of shelling the market in Horlivka.",
            {"!event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "Russian forces shelled a market in Kherson on Monday, Ukraine's military said.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def contested_attribution(q: SideQuery) -> bool | None:
    """A strike each side blames on the other has no actor1: the attribution stays open (ACLED.md §5.8)."""
    if q.cluster.family not in ("remote", "vac") or not any(m.contested_cue for m in q.cluster.mentions):
        return None
    counts, _ = _agents(q.body)
    if not counts:
        counts, _ = _agents(q.cluster.mentions, by_side=False)
    return True if len(counts) > 1 else None


# -- actor2 ---------------------------------------------------------------------------------------


@rule(
    "events.sides.first_other_side",
    decides="event.actor2",
    positive=[
        Example(
            "Gunmen killed four farmers near Zurmi on Tuesday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Russian forces shelled Kharkiv overnight.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def first_other_side(q: SideQuery, choice: SideChoice) -> Actor | None:
    """Actor2 is the first side acted upon (else the first other acting side) that is not actor1's side;
    civilians are never a side of a battle, and a contested strike keeps only the side acted upon."""
    for m in q.cluster.mentions:
        for cand in (m.actor2, m.actor1):
            if cand is None or (q.etype == "Battles" and cand.kind == "civilians"):
                continue
            a1 = choice.actor1
            if a1 is not None and same_side(cand, a1) and not branches_clash(q, a1, cand):
                continue
            if not choice.contested or cand is m.actor2:
                return cand
    return None


@rule(
    "events.sides.soldiers_of_the_place",
    decides="event.actor2",
    positive=[
        Example(
            "Jihadists coming from Mali killed 20 soldiers in an attack in northern Burkina Faso on Monday.",
            {"event.actor2.name": "Military Forces of Burkina Faso (2022-)"},
        )
    ],
    negative=[
        Example(
            "Jihadists killed 20 Burkinabe soldiers in an attack on Monday.",
            {"event.actor2.name": "Military Forces of Burkina Faso (2022-)"},
        )
    ],
)
def soldiers_of_the_place(q: SideQuery, choice: SideChoice) -> Actor | None:
    """In a battle, "soldiers" with no country word are the forces of the country where it happened."""
    if q.etype != "Battles" or q.location is None or not q.location.country:
        return None
    bare = q.chooser.roles.military_bare
    if not any(bare & set(m.patient_lemmas) for m in q.cluster.mentions):
        return None
    forces = q.chooser.state_forces(q.location.country, by="events.sides.soldiers_of_the_place")
    return None if choice.actor1 is not None and same_side(choice.actor1, forces) else forces


@rule(
    "events.sides.civilian_victims",
    decides="event.actor2",
    positive=[
        Example(
            "Gunmen abducted a village chief near Kaduna on Monday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Gunmen abducted 20 passengers near Kaduna on Monday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
)
def civilian_victims(q: SideQuery, choice: SideChoice) -> Actor | None:
    """The victims of violence against civilians are Civilians of the event's country (ACLED: always actor2);
    so are those of a contested strike that killed civilians."""
    victims = any(m.victims_civilian for m in q.cluster.mentions)
    contested_civilians = choice.contested and choice.actor2 is None and victims
    attack = q.etype == "Violence against civilians" and (choice.actor2 is None or choice.actor2.kind != "civilians")
    if not attack and not contested_civilians:
        return None
    return q.chooser.generic("Civilians", "civilians", q.country, None, by="events.sides.civilian_victims")


@rule(
    "events.sides.opponent_acts",
    decides="event.actor1",
    positive=[
        Example(
            "Russian and Ukrainian forces have fought around Bakhmut since May.\n"
            "On Tuesday, two Ukrainian soldiers were killed in an ambush north of Bakhmut.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "On Tuesday, two Ukrainian soldiers were killed in an ambush north of Bakhmut.",
            {"event.actor2.name": "Military Forces of Ukraine (2019-)"},
        )
    ],
)
def opponent_acts(q: SideQuery, choice: SideChoice) -> Actor | None:
    """In a battle or a strike with only the side hit named, the other side of the document's fight acted."""
    if choice.contested or choice.actor1 is not None or choice.actor2 is None:
        return None
    if q.etype not in ("Battles", "Explosions/Remote violence"):
        return None
    return q.chooser.opponent(choice.actor2)


@rule(
    "events.sides.opponent_targeted",
    decides="event.actor2",
    positive=[
        Example(
            "Russian forces have fought Ukrainian troops around Bakhmut since May.\n"
            "On Tuesday, Russian troops advanced north of Bakhmut.",
            {"event.actor2.name": "Military Forces of Ukraine (2019-)"},
        )
    ],
    negative=[
        Example(
            "On Tuesday, Russian troops advanced north of Bakhmut.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def opponent_targeted(q: SideQuery, choice: SideChoice) -> Actor | None:
    """In a battle (or an attack on an armed target) with only the attacker named, the other side of the
    document's fight was attacked."""
    if choice.contested or choice.actor2 is not None or choice.actor1 is None:
        return None
    if q.etype != "Battles" and not any(m.target_armed for m in q.cluster.mentions):
        return None
    return q.chooser.opponent(choice.actor1)


def _actor1(q: SideQuery, choice: SideChoice) -> None:
    agent = most_named_agent(q)
    if agent is not None:
        choice.set("actor1", agent, most_named_agent.name)
        if contested_attribution(q):
            choice.contested = True
            choice.set("actor1", None, contested_attribution.name)


@rule(
    "events.sides.civilians_hit",
    decides="event.actor2",
    positive=[
        Example(
            "Al-Shabaab shelled the airport in Mogadishu on Monday. Two civilians were taken to hospital.",
            {"event.actor2.name": "Civilians (Somalia)"},
        )
    ],
    negative=[
        Example(
            "Al-Shabaab shelled an army base in Mogadishu on Monday. Two soldiers were injured.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def civilians_hit(q: SideQuery, choice: SideChoice) -> Actor | None:
    """A strike with no armed target whose report, in its sentence or the next, tells of civilians hurt has
    the civilians as actor2."""
    if q.etype != "Explosions/Remote violence" or choice.actor2 is not None:
        return None
    ms = q.cluster.mentions
    if any(m.target_armed for m in ms):
        return None
    start = min(m.sentence.start_char for m in ms)
    end = _next_sentence_end(max(ms, key=lambda m: m.sentence.end_char).sentence)
    for actor in q.chooser.actors:
        if actor.kind == "civilians" and any(start <= m.start < end for m in actor.mentions):
            return actor
    return None


@rule(
    "events.sides.civilian_target",
    decides="event.actor2",
    positive=[
        Example(
            "Israeli warplanes struck a residential area in Beit Lahiya on Friday.",
            {"event.actor2.name": "Civilians (Palestine)"},
        )
    ],
    negative=[
        Example(
            "Israeli warplanes struck a Hamas position in Beit Lahiya on Friday.",
            {"event.actor2.name": "Hamas Movement"},
        )
    ],
)
def civilian_target(q: SideQuery, choice: SideChoice) -> Actor | None:
    """A strike on homes, markets or other civilian places, with no armed target, has Civilians as actor2."""
    if q.etype != "Explosions/Remote violence" or choice.actor2 is not None:
        return None
    ms = q.cluster.mentions
    if any(m.target_armed for m in ms):
        return None
    places = q.chooser.sides.civilian_places
    named = any(t.lemma_.lower() in places or t.lower_ in places for m in ms for t in m.sentence)
    if any(m.victims_civilian for m in ms) or named:
        return q.chooser.generic("Civilians", "civilians", q.country, None, by="events.sides.civilian_target")
    return None


@rule(
    "events.sides.taken_from_civilians",
    decides="event.actor2",
    positive=[
        Example(
            "JNIM militants looted shops in a village near Djibo on Monday.",
            {"event.actor2.name": "Civilians (Burkina Faso)"},
        ),
        Example(  # the sub-type from the note's label, the clause telling no taking of its own
            "Looting: On 3 May 2024, suspected JNIM militants seized two motorbikes near Djibo.",
            {"event.actor2.name": "Civilians (Burkina Faso)"},
        ),
        Example(  # a vehicle, armed target or property: with no military word, its owner's
            "Looting: On 3 May 2024, presumed ISGS militants seized a vehicle between Gorom-Gorom and Markoye.",
            {"event.actor2.name": "Civilians (Burkina Faso)"},
        ),
    ],
    negative=[
        Example(
            "JNIM militants looted an army depot near Djibo on Monday.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims"},
        )
    ],
)
def taken_from_civilians(q: SideQuery, choice: SideChoice) -> Actor | None:
    """Looting or destruction by an armed side with no one else named takes from civilians; an arrest with no
    one else named is of civilians (ACLED's actor2 of both)."""
    if choice.actor2 is not None or choice.actor1 is None or q.etype != "Strategic developments":
        return None
    taking = ("Looting/property destruction", "Arrests")
    if q.sub not in taking and not any(m.sub_event_type in taking for m in q.cluster.mentions):
        return None
    if any(m.target_armed and not _property_only(m) for m in q.cluster.mentions):
        return None  # an army depot looted; not "seized a vehicle", a car taken from its owner
    return q.chooser.generic("Civilians", "civilians", q.country, None, by="events.sides.taken_from_civilians")


def _property_only(m: EventMention) -> bool:
    """Whether the armed target of a taking is property only ("seized a vehicle", "burned two trucks"): every
    word of ``armed_targets`` among what was taken is also one of ``property_nouns`` (the events lexicon)."""
    lex = load_lexicon()
    armed = set(m.patient_lemmas) & lex.words("armed_targets")
    return bool(armed) and armed <= lex.words("property_nouns")


def _next_sentence_end(sentence: SpacySpan, count: int = 1) -> int:
    """The end of the ``count``-th sentence after ``sentence`` (or of the last one there is)."""
    doc = sentence.doc
    for _ in range(count):
        if sentence.end >= len(doc):
            break
        sentence = sentence_at(doc, sentence.end)
    return sentence.end_char


def _actor2(q: SideQuery, choice: SideChoice) -> None:
    for side_rule in (first_other_side, soldiers_of_the_place, civilians_hit, civilian_target, taken_from_civilians):
        if choice.actor2 is None:
            found = side_rule(q, choice)
            if found is not None:
                choice.set("actor2", found, side_rule.name)
    victims = civilian_victims(q, choice)
    if victims is not None:
        choice.set("actor2", victims, civilian_victims.name)


_GROUPS_OF: Final = re.compile(r"\b(?:two|2|rival|several)\s+(?:groups|factions|units|sections)\s+of\b", re.IGNORECASE)
# "2 government soldiers (SNA) clashed", "two clan militias fought": a pair that fights itself, no "with" after
_PAIR_FIGHT: Final = re.compile(
    r"\b(?:two|2|rival)\s+(?:(?!(?:were|was|when|after|as|and|while|killed|with)\b)[^\s.;]+\s+){1,6}?"
    r"(?:clashed|fought|exchanged\s+(?:gun)?fire)\b(?!\s+with\b)",
    re.IGNORECASE,
)
# "unknown gunmen clashed in X", "shooters exchanged fire in Y": a fight with no opponent named after it
_AMONG_THEMSELVES: Final = re.compile(
    r"\b(?:clashed|exchanged\s+(?:gun)?fire|exchanged\s+shots|fought)\b(?!\s+(?:with|against|each)\b)"
    r"(?![^.;]*\b(?:with|against)\s+(?:the\s+)?(?:police|army|troops|soldiers|forces|military)\b)",
    re.IGNORECASE,
)
# "shot another soldier", "killed a fellow officer": one side's members fight each other
_FELLOW: Final = re.compile(
    r"\b(?:fellow|another)\s+(?:soldier|officer|policem[ae]n|police\s+officer|fighter|militant|militiam[ae]n|guard)s?\b",
    re.IGNORECASE,
)


@rule(
    "events.sides.infighting",
    decides="event.actor2",
    positive=[
        Example(
            "Two groups of Somali soldiers clashed at a checkpoint in Mogadishu on Monday over unpaid salaries.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        ),
        Example(
            "Two Somali soldiers clashed at a checkpoint in Afgooye on Monday after a quarrel over a vehicle.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        ),
        Example(
            "A Somali policeman shot and killed a fellow officer at a checkpoint in Kismayo on Monday.",
            {"event.actor2.name": "Police Forces of Somalia (2022-)"},
        ),
        Example(
            "On 2 May 2024, unknown gunmen exchanged fire in the Penha neighborhood of Rio de Janeiro. Casualties"
            " unknown.",
            {"event.actor2.name": "Unidentified Armed Group (Brazil)"},
        ),
        Example(
            "On 2 May 2024, unknown tribal militants clashed in the Khafaja area of Hilla, Babil. Police intervened to"
            " stop the clash.",
            {"event.actor2.name": "Unidentified Tribal Militia (Iraq)"},
        ),
    ],
    negative=[
        Example(
            "Somali soldiers clashed with Al-Shabaab fighters at a checkpoint in Mogadishu on Monday.",
            {"event.actor2.name": "Al Shabaab"},
        )
    ],
)
def infighting(q: SideQuery, choice: SideChoice) -> Actor | None:
    """Fighting within one side ("two groups of soldiers clashed", "police clashed with police") has that side on
    both sides, as ACLED codes infighting."""
    if q.etype != "Battles" or choice.actor1 is None:
        return None
    a1 = choice.actor1
    text = q.chooser.text
    if choice.actor2 is not None:
        return _clashed_among_themselves(q, a1, choice.actor2)
    for m in q.cluster.mentions:
        sent = m.sentence
        if a1.kind in _ARMED and _FELLOW.search(text, sent.start_char, sent.end_char):
            return a1
        if m.cls.name != "clash":
            continue
        if _GROUPS_OF.search(text, sent.start_char, sent.end_char) or _PAIR_FIGHT.search(
            text, sent.start_char, sent.end_char
        ):
            return a1
        if unidentified(a1) and _AMONG_THEMSELVES.search(text, sent.start_char, sent.end_char):
            return a1  # "unknown shooters exchanged fire", "unknown tribal militants clashed": no one else
        same = {
            (x.start, x.end)
            for a in q.chooser.actors
            if same_side(a, a1)
            for x in a.mentions
            if sent.start_char <= x.start < sent.end_char
        }
        if len(same) > 1 and any(x[0] > m.trigger.start for x in same):
            return a1  # named again after the clash: "SNA clashed with Jubaland soldiers"
    return None


def _clashed_among_themselves(q: SideQuery, a1: Actor, a2: Actor) -> Actor | None:
    """ "Unknown gunmen clashed in X. Police intervened to stop the clash": the unidentified side fought itself;
    the forces named only in other sentences stepped in and are no side of the clash (ACLED codes it so)."""
    if not unidentified(a1) or a2.kind != "state_forces":
        return None
    text = q.chooser.text
    clashes = [m.sentence for m in q.cluster.mentions if m.cls.name == "clash"]
    if not any(_AMONG_THEMSELVES.search(text, s.start_char, s.end_char) for s in clashes):
        return None
    if any(s.start_char <= x.start < s.end_char for s in clashes for x in a2.mentions):
        return None
    return a1


_ARMED_KINDS_ALL: Final = _ARMED | {"government"}
_GROUP_KINDS: Final = frozenset({"rebel_group", "political_militia", "identity_militia"})
_BY_AGENT: Final = re.compile(
    r"\b(?:planted|placed|laid|set|carried\s+out|perpetrated|conducted|fired|launched|detonated|claimed)\s+by\s+"
    r"(?:(?:the|likely|suspected|presumed|probably|possibly)\s+)*$",
    re.IGNORECASE,
)
_AGENT_PLANTED: Final = re.compile(
    r"[\w\s()\-]{0,40}?\b(?:likely|probably|reportedly|allegedly|possibly)?\s*"
    r"(?:planted|placed|laid|carried\s+out|perpetrated)\b",
    re.IGNORECASE,
)


_BACK_REFERENCE: Final = re.compile(r"\s+(?:the|this|that|these|those|it|them)\b", re.IGNORECASE)


def _planted_it(text: str, start: int, end: int) -> bool:
    """ "JNIM militants likely planted the device", "... carried out the attack": the actor did the told event
    (not "Russian warplanes carried out airstrikes on Idlib", a new action of its own)."""
    found = _AGENT_PLANTED.match(text, start, end)
    return found is not None and _BACK_REFERENCE.match(text, found.end(), end) is not None


@rule(
    "events.sides.blamed_later",
    decides="event.actor1",
    positive=[
        Example(
            "A cart struck a roadside bomb near Djibo on Monday, killing two women. The device was likely planted "
            "by JNIM militants.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims"},
        )
    ],
    negative=[
        Example(
            "A cart struck a roadside bomb near Djibo on Monday, killing two women.",
            {"event.actor2.name": "Civilians (Burkina Faso)"},
        )
    ],
)
def blamed_later(q: SideQuery, choice: SideChoice) -> Actor | None:
    """An event told without its doer, whose report names in its next sentences who planted or carried it out
    ("The device was likely planted by JNIM militants"), has that actor as actor1."""
    if choice.actor1 is not None or choice.contested:
        return None
    return _named_as_doer(q)


@rule(
    "events.sides.disrupted_launcher",
    decides="event.actor2",
    positive=[
        Example(
            "Interception: On 2 May 2024, Israeli forces intercepted a drone over Kiryat Shmona. The drone was"
            " likely launched by Hezbollah.",
            {"event.actor1.name": "Military Forces of Israel (2022-)", "event.actor2.name": "Hezbollah"},
        ),
    ],
    negative=[
        Example(
            "Interception: On 2 May 2024, Israeli forces intercepted a drone over Kiryat Shmona.",
            {"event.actor1.name": "Military Forces of Israel (2022-)"},
        )
    ],
)
def disrupted_launcher(q: SideQuery, choice: SideChoice) -> Actor | None:
    """A disrupted weapon (intercepted, defused, seized) whose report names who launched, planted or owned it
    ("likely launched by Hezbollah", "planted by an unknown group (likely Al Shabaab)") has that side as actor2,
    the disrupter being actor1."""
    if q.sub != "Disrupted weapons use" or choice.actor1 is None or choice.actor2 is not None:
        return None
    found = _named_as_doer(q)
    if found is not None and not same_side(found, choice.actor1):
        return found
    # "an IED planted by an unknown group (likely Al Shabaab)", "weapons belonging to ISWAP": the armed group the
    # event's sentences name besides the disrupter is whose weapon it was
    a1, text = choice.actor1, q.chooser.text
    spans = [(m.sentence.start_char, m.sentence.end_char) for m in q.cluster.mentions]
    groups = [
        (x.start, a)
        for a in q.chooser.actors
        if a.kind in _GROUP_KINDS and not same_side(a, a1) and not unidentified(a)
        for x in a.mentions
        if any(lo <= x.start < hi for lo, hi in spans) and text[x.start : x.end]
    ]
    return min(groups, key=lambda g: g[0])[1] if groups else None


def _named_as_doer(q: SideQuery) -> Actor | None:
    """The armed actor the event's sentences, or the two after them, name as who planted, launched or carried
    it out ("The device was likely planted by JNIM militants"), the first so named."""
    ms = q.cluster.mentions
    start = min(m.sentence.start_char for m in ms)
    end = _next_sentence_end(max(ms, key=lambda m: m.sentence.end_char).sentence, 2)
    text = q.chooser.text
    found = [
        (m.start, a)
        for a in q.chooser.actors
        if a.kind in _ARMED_KINDS_ALL
        for m in a.mentions
        if start <= m.start < end
        and (_BY_AGENT.search(text, max(start, m.start - 60), m.start) or _planted_it(text, m.end, end))
    ]
    return min(found, key=lambda f: f[0])[1] if found else None


def _fill(q: SideQuery, choice: SideChoice) -> None:
    """Gaps filled from the document's main pair of opponents."""
    for side, fill in (("actor1", opponent_acts), ("actor2", opponent_targeted)):
        found = fill(q, choice)
        if found is not None:
            choice.set(side, found, fill.name)
            choice.filled = True


@rule(
    "events.sides.branches_clash",
    decides="event.actor2",
    positive=[
        Example(
            "On 21 April 2025, police officers and government soldiers (NISA) clashed at the livestock market in"
            " Mogadishu - Heliwa (Banadir) over tax payments.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
            date=dt.date(2025, 4, 25),
        )
    ],
    negative=[
        Example(
            "On 21 April 2025, police officers and government soldiers (NISA) clashed with Al Shabaab militants in"
            " Mogadishu - Heliwa (Banadir).",
            {"event.actor2.name": "Al Shabaab"},
            date=dt.date(2025, 4, 25),
        )
    ],
)
def branches_clash(q: SideQuery, a1: Actor | None, a2: Actor | None) -> bool:
    """A state's police and its military that fight each other ("police officers and soldiers clashed") are two
    sides, as ACLED codes them, though both are the state's forces: in a battle, with both named in one
    sentence of the clash."""
    if q.etype != "Battles" or a1 is None or a2 is None or a1.kind != "state_forces" or a2.kind != "state_forces":
        return False
    if a1.name.split(" ")[0] == a2.name.split(" ")[0]:
        return False  # the same branch ("Military Forces of ..." twice): one side
    for m in q.cluster.mentions:
        if m.cls.name != "clash":
            continue
        lo, hi = m.sentence.start_char, m.sentence.end_char
        if all(any(lo <= x.start < hi for x in a.mentions) for a in (a1, a2)):
            return True
    return False


@rule(
    "events.sides.state_first",
    decides="event.actor1",
    positive=[
        Example(
            "Two Somali soldiers surrendered to Al-Shabaab fighters in Baidoa on Monday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)", "event.actor2.name": "Al Shabaab"},
        ),
        Example(
            "Boko Haram fighters attacked a military base in Gwoza on Monday but were repelled by Nigerian troops.",
            {"event.actor1.name": "Military Forces of Nigeria (2023-)"},
        ),
    ],
    negative=[
        Example(
            "Al-Shabaab fighters attacked a military base near Baidoa on Monday, killing two Somali soldiers.",
            {"event.actor1.name": "Al Shabaab"},
        )
    ],
)
def state_first(q: SideQuery, choice: SideChoice) -> bool | None:
    """A state's forces are actor1 of a strategic development with a non-state side (soldiers who surrender or
    defect, an agreement), and of a battle in a country whose coding lists them first whichever side attacked
    (``state_first_battles`` in ``lexicons/sides.toml``)."""
    a1, a2 = choice.actor1, choice.actor2
    if a1 is None or a2 is None or a1.kind == "state_forces" or a2.kind != "state_forces":
        return None
    if q.etype == "Strategic developments":
        return True
    return True if q.etype == "Battles" and q.country in q.chooser.sides.state_first_battles else None


# ACLED's violence against civilians and its hand-placed explosives always have a doer: unknown, an
# unidentified armed group of the country (spec/ACLED.md §3.4, "unnamed perpetrators")
_DOER_ALWAYS: Final = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})


@rule(
    "events.sides.soldiers_who_acted",
    decides="event.actor1",
    positive=[
        Example(
            "On 17 May 2024, soldiers shot and killed a civilian at a checkpoint in the village of Kohogo (Komin-Yanga,"
            " Koulpelogo).",
            {"event.actor1.name": "Military Forces of Burkina Faso (2022-)"},
        )
    ],
    negative=[
        Example(
            "On 17 May 2024, gunmen shot and killed a civilian at a checkpoint in the village of Kohogo (Komin-Yanga,"
            " Koulpelogo).",
            {"event.actor1.name": "Unidentified Armed Group (Burkina Faso)"},
        )
    ],
)
def soldiers_who_acted(q: SideQuery, choice: SideChoice) -> Actor | None:
    """Violence against civilians by "soldiers" or "troops" with no country word ("suspected soldiers abducted a
    trader") is by the forces of the country where it happened, as ACLED codes it; not an unknown group."""
    if choice.actor1 is not None or not q.country or q.etype != "Violence against civilians":
        return None
    bare = q.chooser.roles.military_bare
    for m in q.body:
        # the verb's subject, or its head's ("soldiers shot and killed": "killed" is a conjunct of "shot")
        subjects = [c for v in (m.trigger.head, m.trigger.head.head) for c in v.children if c.dep_ == "nsubj"]
        # "Malian soldiers" name their own country (the actors step's); "Wagner soldiers" a group's
        if any(t.lemma_.lower() in bare and not any(c.dep_ in ("compound", "poss", "amod") and c.lower_ != "suspected"
                                                    for c in t.children) for t in subjects):
            return q.chooser.state_forces(q.country, by=soldiers_who_acted.name)
    return None


@rule(
    "events.sides.unknown_perpetrator",
    decides="event.actor1",
    positive=[
        Example(
            "On 30 May 2024, a man was shot dead and his body was found near Culiacan, Sinaloa.",
            {"event.actor1.name": "Unidentified Armed Group (Mexico)"},
        ),
        Example(
            "On 30 May 2024, a roadside bomb exploded under a minibus near Afgooye, killing four passengers.",
            {"event.actor1.name": "Unidentified Armed Group (Somalia)"},
        ),
        Example(
            "On 30 May 2024, a man was killed and his body was found with his hands tied near Culiacan, Sinaloa.",
            {"event.actor1.name": "Unidentified Gang (Mexico)"},
        ),
    ],
    negative=[
        Example(
            "On 30 May 2024, Al Shabaab militants shot dead a trader near Afgooye.",
            {"event.actor1.name": "Al Shabaab"},
        ),
    ],
)
def unknown_perpetrator(q: SideQuery, choice: SideChoice) -> Actor | None:
    """Violence against civilians or a planted or thrown explosive whose doer the report does not name was done
    by someone unknown: ACLED codes an unidentified armed group of the country, never no one."""
    if choice.actor1 is not None or not q.country:
        return None
    placed = any(m.sub_event_type in _DOER_ALWAYS for m in q.cluster.mentions)
    if q.etype != "Violence against civilians" and not (q.etype == "Explosions/Remote violence" and placed):
        return None
    label, country = unnamed_perpetrator(q.chooser.text, q.country, q.chooser.roles)  # a gang's in Latin America
    return q.chooser.generic(label, "political_militia", country, None, by=unknown_perpetrator.name)


_ARMED_TYPES: Final = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@rule(
    "events.sides.state_in_arms",
    decides="event.actor1",
    positive=[
        Example(
            "Russia struck the railway station in Kramatorsk on Friday, killing 50 people.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "Russia and Ukraine agreed to a prisoner exchange in Istanbul on Friday.",
            {"!event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def state_in_arms(q: SideQuery, actor: Actor | None) -> Actor | None:
    """A state named as the doer or target of a strike, a battle or an attack ("Russia struck Kramatorsk", "the
    regime shelled Idlib") acts through its forces: ACLED names them, not its government."""
    if q.etype not in _ARMED_TYPES or actor is None or actor.kind != "government" or not actor.country:
        return None
    return q.chooser.state_forces(actor.country, by=state_in_arms.name)


@rule(
    "events.sides.speaker_no_side",
    decides="event.actor2",
    positive=[
        Example(
            "Seven killed in Kharkiv as result of enemy shelling \u2013 Kiper\n\nOn Friday, Russian invaders fired on"
            " a residential area of Kharkiv, Governor Oleh Kiper has said.",
            {"!event.actor2.name": "Oleh Kiper"},
        )
    ],
    negative=[
        Example(
            "Gunmen shot dead Governor Oleh Kiper in Kharkiv on Friday, police said.",
            {"event.actor1.name": "Unidentified Armed Group (Ukraine)"},
        )
    ],
)
def speaker_no_side(q: SideQuery, actor: Actor | None) -> bool | None:
    """A person who speaks in the report's claims ("X has said", "... \u2013 X" under a headline) reports the
    event and is never one of its sides (issue 14: people who report an event are never a side)."""
    return True if actor is not None and actor.id in q.chooser.speakers else None


@rule(
    "events.sides.civilians_by_acled_name",
    decides="event.actor2",
    positive=[
        Example(
            "An army drone strike hit a religious gathering in Kaduna State on Sunday night, residents said.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        ),
        Example(
            "Israeli tanks fired on a crowd waiting for aid trucks in Gaza City on Thursday.",
            {"event.actor2.name": "Civilians (Palestine)"},
        ),
    ],
    negative=[
        Example(
            "Gunmen killed four farmers near Zurmi on Tuesday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
)
def civilians_by_acled_name(q: SideQuery, actor: Actor | None) -> Actor | None:
    """Unarmed people who are a side ("residents", "locals", named so as the report's sources; a crowd that tanks
    fired on) are ACLED's Civilians of their country, whatever word the report used."""
    if actor is None or actor.name.startswith("Civilians"):
        return None
    # a crowd a strike or a shooting hit, in an event no demonstration is told of, is civilians too
    crowd = actor.kind == "protesters" and q.etype in _ARMED_TYPES
    if actor.kind != "civilians" and not crowd:
        return None
    country = actor.country or q.country
    return q.chooser.generic("Civilians", "civilians", country, None, by=civilians_by_acled_name.name)


@rule(
    "events.sides.person_acted_upon",
    decides="event.actor2",
    positive=[
        Example(
            "On 3 May 2023, police arrested opposition leader Amadou Diallo in Conakry (Kaloum, Conakry).",
            {"event.actor2.name": "Civilians (Guinea)"},
            date=dt.date(2023, 5, 10),
        )
    ],
    negative=[
        Example(
            "On 3 May 2023, police arrested an opposition leader in Conakry (Kaloum, Conakry).",
            {"event.actor2.name": "Civilians (Guinea)"},
            date=dt.date(2023, 5, 10),
        )
    ],
)
def person_acted_upon(q: SideQuery, actor: Actor | None) -> Actor | None:
    """A person an attack, a strike or an arrest fell on ("shot Musa Danladi"; a village the parser took for a
    person's name) is no ACLED actor: the side hit is the Civilians of the event's country."""
    if actor is None or actor.kind != "person" or not q.country or actor.id in q.chooser.speakers:
        return None  # a person who reports the event is no side at all (speaker_no_side)
    if q.etype not in ("Violence against civilians", "Explosions/Remote violence") and q.sub != "Arrests":
        return None
    return q.chooser.generic("Civilians", "civilians", q.country, None, by=person_acted_upon.name)


@rule(
    "events.sides.country_of_the_place",
    decides="event.actor2",
    positive=[
        Example(
            "Hamas gunmen attacked Israeli towns in October. On Thursday, Israeli forces opened fire on crowds"
            " waiting for aid trucks, killing more than 100 people.\n\nThe shooting happened near Gaza City.",
            {"event.actor2.name": "Civilians (Palestine)"},
        )
    ],
    negative=[
        Example(
            "Israeli forces opened fire on crowds waiting for aid trucks in Gaza City on Thursday, killing more than"
            " 100 people.",
            {"event.actor2.name": "Civilians (Palestine)"},
        )
    ],
)
def country_of_the_place(chooser: SideChooser, actor: Actor, location: Location) -> Actor | None:
    """A generic side (civilians, a crowd, an unidentified armed group) named for the document's home country
    before the event was placed belongs to the country where the event happened once it is placed elsewhere."""
    country = location.country
    if not country or actor.country == country or actor.country != chooser.home:
        return None
    label = actor.name.split(" (", 1)[0]
    by = next((d.rule for d in actor.provenance if d.field == "name"), country_of_the_place.name)
    return chooser.generic(label, actor.kind, country, None, by=by)


_DISRUPTED: Final = "Disrupted weapons use"
_DOER_DEPS: Final = frozenset({"nsubj", "agent"})


@rule(
    "events.sides.unnamed_disrupter",
    decides="event.actor1",
    positive=[
        Example(
            "A roadside bomb planted by Al Shabaab fighters was defused near Baidoa on Monday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)", "event.actor2.name": "Al Shabaab"},
        ),
        Example(
            "Interception: On 1 May 2024, Hezbollah fired rockets toward Kiryat Shmona. No hits were reported.",
            {"lead.actor1.name": "Military Forces of Israel (2022-)", "lead.actor2.name": "Hezbollah"},
        ),
    ],
    negative=[
        Example(
            "Police defused a roadside bomb near a market in Garissa on Monday.",
            {"event.actor1.name": "Police Forces of Kenya (2022-)"},
        ),
    ],
)
def unnamed_disrupter(q: SideQuery, choice: SideChoice) -> tuple[Actor, Actor | None] | None:
    """A weapon intercepted or defused with no one named as doing it was stopped by the forces of the country
    where it happened, whom ACLED codes actor1; whoever fired or planted it is actor2."""
    if q.etype != "Strategic developments" or not q.country:
        return None
    firing = q.chooser.sides.firing_verbs
    told = [m for m in q.cluster.mentions if m.sub_event_type == _DISRUPTED and _names_disruption(m)]
    # "Interception: militants fired rockets at X": the label's event read on the launch, whose subject fired
    launched = [m for m in q.cluster.mentions if m.label is not None and m.trigger.head.lemma_ in firing]
    if not (told or launched) or any(_doer_named(m) for m in told):
        return None  # "Detonation: an IED went off as militants planted it" names no disruption: the planter's
    forces = q.chooser.state_forces(q.country, by=unnamed_disrupter.name)
    owner = next((a for a in (choice.actor1, choice.actor2) if a is not None and not same_side(a, forces)), None)
    return forces, owner


def _names_disruption(m: EventMention) -> bool:
    """Whether the mention's own words name a disruption ("intercepted", "shot down"), not an action a note's
    label reads as one ("Interception: militants fired rockets", whose subject fired them)."""
    head = m.trigger.head
    return len(m.trigger.tokens) > 1 or head.lemma_ in m.cls.verbs or head.lemma_ in m.cls.nouns


def _doer_named(m: EventMention) -> bool:
    """Whether the disrupting verb has a subject or a "by" agent ("troops defused", "was intercepted by air
    defences"); "found and defused" has its first verb's."""
    head = m.trigger.head
    verbs = [head, head.head] if head.dep_ == "conj" else [head]
    return any(c.dep_ in _DOER_DEPS for v in verbs for c in v.children)


@rule(
    "events.sides.labelled_note_doer",
    decides="event.actor1",
    positive=[
        Example(
            "Movement of forces: On 7 April 2024, around 60 Al Shabaab fighters who relocated from Harboole have"
            " reached Biibi village.",
            {"lead.actor1.name": "Al Shabaab"},
        ),
    ],
    negative=[
        Example(
            "Movement of forces: On 7 April 2024, a convoy was seen near Biibi village.",
            {"lead.actor1": None},
        ),
    ],
)
def labelled_note_doer(q: SideQuery, choice: SideChoice) -> Actor | None:
    """A labelled note's development with no doer found in its parse is the first armed side the note names up to
    its sentence (a note names who acts first: "around 60 Al Shabaab fighters who left X have reached Y")."""
    if choice.actor1 is not None:
        return None
    told = next((m for m in q.cluster.mentions if m.label is not None), None)
    if told is None:
        return None
    start, end = 0, told.sentence.end_char  # the note up to the labelled sentence ("... The forces destroyed")
    named = [
        (min(x.start for x in a.mentions if start <= x.start < end), a)
        for a in q.chooser.actors
        if a.kind in _ARMED_KINDS_ALL
        and a.name.split(" (")[0] not in q.chooser.sources
        and any(start <= x.start < end for x in a.mentions)
    ]
    first_named = min(named, key=lambda pair: pair[0], default=None)
    if first_named is None or (choice.actor2 is not None and same_side(first_named[1], choice.actor2)):
        return None
    return first_named[1]


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
        roles: RoleWords | None = None,
        speakers: frozenset[str] = frozenset(),
    ) -> None:
        self.roles = roles or role_words()
        # ids of the persons who speak in the document's claims: who reports an event is never its side
        self.speakers = speakers
        self.sides = side_words()
        # "Security sources", "military sources": who speaks, never a side of the fight
        self.sources = frozenset(label for label, _ in self.roles.sources.values())
        self.actors = actors
        self.locations = locations
        self.text = text
        self.on = on
        self.new_id = new_id
        self._breaks: list[int] | None = None
        self.pair = self._main_pair()
        self.home = self._home_country()

    def _main_pair(self) -> list[Actor]:
        counts: Counter[str] = Counter()
        by_id: dict[str, Actor] = {}
        for a in self.actors:
            if a.kind in _ARMED and a.name.split(" (")[0] not in self.sources and not self._only_speaks(a):
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

    def _only_speaks(self, actor: Actor) -> bool:
        """Whether every mention of an actor says something ("..., police said", "according to the army"):
        who reports an event is no side of the document's fight."""
        text = self.text
        return bool(actor.mentions) and all(
            _SAID_AFTER.match(text, m.end) or _ACCORDING_BEFORE.search(text, max(0, m.start - 30), m.start)
            for m in actor.mentions
        )

    def _line_breaks(self) -> list[int]:
        """The offsets of the text's newlines, found once per document."""
        if self._breaks is None:
            text = self.text
            self._breaks = [found.start() for found in _NEWLINE.finditer(text)]
        return self._breaks

    def _meet(self, a: Actor, b: Actor) -> bool:
        """Whether two actors are sides of one fight, not two items of a digest ("Israeli strikes on
        Lebanon ..." and, lines later, "Haitian gangs attacked Mirebalais"): a paragraph names both, or
        names one of two foreign foes with a place in the other's country ("Russian forces struck Kharkiv").
        """
        breaks = self._line_breaks()

        def paragraph(offset: int) -> int:
            return bisect_left(breaks, offset)  # the newlines before it, without counting them each time

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
            # (same_side is no equivalence: an actor may be the same side as both of the pair)
            return next((p for p in self.pair if not same_side(actor, p)), None)
        return None

    def state_forces(self, country: str, *, by: str) -> Actor:
        """``Military Forces of <country> (<regime years>)``, reused or added to the actors (named by rule ``by``)."""
        return self._named(military_forces(country, self.on), "state_forces", country, None, by)

    def generic(self, label: str, kind: str, country: str | None, like: Actor | None = None, *, by: str) -> Actor:
        """A generic ACLED actor (``Civilians (Nigeria)``), reused or added to the actors (named by rule ``by``)."""
        return self._named(generic_name(label, country) if country else label, kind, country, like, by)

    def _named(self, name: str, kind: str, country: str | None, like: Actor | None, by: str) -> Actor:
        """The actor of this name, else a new one (with ``like``'s mentions) added to the actors."""
        for a in self.actors:
            if a.name == name:
                return a
        actor = Actor(
            id=self.new_id("actor", name),
            name=name,
            kind=kind,
            country=country,
            mentions=like.mentions if like else (),
            provenance=(Decision.of("name", by),),
        )
        self.actors.append(actor)
        return actor

    def placed(self, actor: Actor | None, by: str | None, location: Location | None) -> Actor | None:
        """``actor`` as a generic side of ``location``'s country when a side rule made it for the document's home
        before the event had a place (:func:`country_of_the_place`); None when it stays as it is."""
        if actor is None or by not in _OF_THE_EVENTS_COUNTRY or location is None:
            return None
        return country_of_the_place(self, actor, location)

    def choose(self, cluster: Cluster, etype: str, location: Location | None, sub: str | None = None) -> SideChoice:
        """The sides of the event ``cluster`` tells, typed ``etype`` (sub-type ``sub``) and placed at ``location``."""
        q = SideQuery(self, cluster, etype, location, sub)
        choice = SideChoice()
        if etype in ("Riots", "Protests"):
            _demonstration(q, choice)
            return choice
        taken = territory_taker(q)
        if taken is not None:
            choice.set("actor1", taken[0], territory_taker.name)
            choice.set("actor2", taken[1], territory_taker.name)
            return choice
        _actor1(q, choice)
        doer = labelled_note_doer(q, choice)
        if doer is not None:
            choice.set("actor1", doer, labelled_note_doer.name)
        _actor2(q, choice)
        blamed = blamed_later(q, choice)
        if blamed is not None:
            choice.set("actor1", blamed, blamed_later.name)
        launcher = disrupted_launcher(q, choice)
        if launcher is not None:
            choice.set("actor2", launcher, disrupted_launcher.name)
        for side in ("actor1", "actor2"):
            actor = getattr(choice, side)
            side_rules = (state_in_arms, civilians_by_acled_name) + ((person_acted_upon,) if side == "actor2" else ())
            renamed = first(side_rules, q, actor)
            if renamed is not None:
                choice.set(side, renamed.value, renamed.rule)
            elif speaker_no_side(q, actor):
                choice.set(side, None, speaker_no_side.name)
        _fill(q, choice)
        if (
            choice.actor1 is not None
            and choice.actor2 is not None
            and same_side(choice.actor1, choice.actor2)
            and not branches_clash(q, choice.actor1, choice.actor2)
        ):
            choice.actor2 = None  # one side named twice is no second side
            choice.rules.pop("actor2", None)
        both = infighting(q, choice)
        if both is not None:
            choice.set("actor2", both, infighting.name)
        if state_first(q, choice):
            first_side, second_side = choice.actor2, choice.actor1
            choice.set("actor1", first_side, state_first.name)
            choice.set("actor2", second_side, state_first.name)
        soldiers = soldiers_who_acted(q, choice)
        if soldiers is not None:
            choice.set("actor1", soldiers, soldiers_who_acted.name)
        unknown = unknown_perpetrator(q, choice)
        if unknown is not None:
            choice.set("actor1", unknown, unknown_perpetrator.name)
        disrupted = unnamed_disrupter(q, choice)
        if disrupted is not None:
            choice.set("actor1", disrupted[0], unnamed_disrupter.name)
            choice.set("actor2", disrupted[1], unnamed_disrupter.name)
        return choice
