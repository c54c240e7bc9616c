"""ACLED typing: from a trigger class and its context to an event type and sub-event type.

The rules follow spec/ACLED.md §1-2 (see docs/events.md):

- an assault on people who cannot fight back is Violence against civilians /
  Attack; on an armed side (soldiers, a base, positions) it is Battles;
- a killing by an armed actor is an Attack on civilians, or an Armed clash when
  the dead are fighters; a killing with no actor only adds to another event;
- an ambiguous bombardment ("bombarded", "struck") is an Air/drone strike when an
  aircraft or drone is named in the sentence, otherwise Shelling;
- a place taken by fighting is Government regains territory when the state's own
  forces end in control, Non-state actor overtakes territory for anyone else
  (rebels, a foreign army), an Armed clash while it is only an attempt or advance;
- "captured" people are Arrests (state) or an Abduction (non-state);
- arrests by a non-state actor are Abduction/forced disappearance.

>>> from conflict_events.schema import Actor
>>> state = Actor(id="a1", name="Military Forces of Nigeria (2015-)", kind="state_forces", country="NG")
>>> territory_sub_type(state, "NG", attempt=False)
'Government regains territory'
>>> territory_sub_type(state, "NE", attempt=False)
'Non-state actor overtakes territory'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._event_mentions import EventMention, lemma, platform_of
from ._merge import same_side
from ._trigger_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..draft import Draft
    from ..schema import Actor

__all__ = ["PLACE_NOUNS", "territory_sub_type", "type_mention"]

PLACE_NOUNS = frozenset(
    {
        "territory",
        "area",
        "city",
        "town",
        "village",
        "airport",
        "base",
        "position",
        "control",
        "ground",
        "location",
        "region",
        "district",
        "province",
        "settlement",
        "camp",
        "hill",
        "border",
        "neighbourhood",
        "neighborhood",
        "port",
        "bridge",
        "checkpoint",
        "outpost",
        "stronghold",
        "capital",
        "part",
        "oblast",
        "airbase",
        "garrison",
        "headquarters",
        "front",
        "line",
        "square",
        "street",
    }
)
_PEOPLE = frozenset(
    {
        "suspect",
        "network",
        "member",
        "militant",
        "leader",
        "commander",
        "fighter",
        "people",
        "man",
        "soldier",
        "civilian",
        "journalist",
        "activist",
        "prisoner",
        "cell",
    }
)
_ATTEMPT = frozenset(
    {
        "attempt",
        "try",
        "bid",
        "effort",
        "push",
        "drive",
        "battle",
        "fight",
        "struggle",
        "aim",
        "offensive",
        "counteroffensive",
        "operation",
        "campaign",
    }
)
_CROWD_EXTRA = frozenset(
    {
        "supporter",
        "hundred",
        "thousand",
        "dozen",
        "woman",
        "worker",
        "youth",
        "villager",
        "trader",
        "teacher",
        "farmer",
        "activist",
        "member",
        "mourner",
    }
)
_STATE_KINDS = frozenset({"state_forces", "government"})
_NONSTATE = frozenset({"rebel_group", "political_militia", "identity_militia"})
_ARMED = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces", "government"}
)


def territory_sub_type(actor: Actor | None, place_country: str | None, *, attempt: bool) -> str:
    """The Battles sub-type of a place taken by ``actor`` (who ends in control decides)."""
    if attempt or actor is None:
        return "Armed clash"
    if actor.kind in _STATE_KINDS and (place_country is None or actor.country in (None, place_country)):
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _platform_in_sentence(m: EventMention, lex: Lexicon) -> str | None:
    for tok in m.sentence:
        if platform_of(tok, lex) == "air":
            return "air"
    return None


def _weapon_in_clause(m: EventMention, lex: Lexicon) -> str | None:
    """The platform of a weapon the trigger is done "with" or "using" ("with drones and missiles")."""
    head = m.trigger.head
    # "attacked by the Ukrainian armed forces using three kamikaze drones": the agent's own "using"
    agents = [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for child in [*head.children, *(c for a in agents for c in a.children)]:
        if (child.dep_ == "prep" and child.lower_ == "with") or (
            child.dep_ in ("advcl", "xcomp", "acl") and lemma(child) == "use"
        ):
            found = [lex.platform(lemma(t)) or lex.platform(t.lower_) for t in child.subtree]
            platforms = [p for p in found if p in ("air", "ground")]
            if platforms:
                return "air" if "air" in platforms else "ground"
    return None


_WEAPON_CLASS = {"air": "air", "ground": "artillery", "explosive": "explosive", "grenade": "grenade"}


def _weapon_agent(m: EventMention, lex: Lexicon) -> str | None:
    """The platform of a weapon that is the doer itself: "killed by a Houthi missile", "a drone killed two"."""
    head = m.trigger.head
    if head.pos_ != "VERB":
        return None
    agents = [c for c in head.children if c.dep_ == "nsubj"]
    agents += [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for agent in agents:
        words = [agent, *(c for c in agent.children if c.dep_ in ("compound", "amod"))]
        for tok in words:
            platform = lex.platform(lemma(tok)) or lex.platform(tok.lower_)
            if platform in _WEAPON_CLASS and lemma(tok) != "air":
                return platform
    return None


def _ground_attack(m: EventMention, lex: Lexicon) -> bool:
    """A weapon-agnostic verb ("hit", "struck") done by attackers on foot with no heavy weapon named."""
    head = m.trigger.head
    if head.pos_ != "VERB" or not m.cls.has("weapon_agnostic", lemma(head)):
        return False
    if any(platform_of(t, lex) for t in m.sentence):
        return False  # "a drone hit", "rockets struck": a strike from range
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return any(lemma(s) in lex.words("ground_attackers") for s in subjects)


_INTERCEPTABLE = frozenset({"projectile", "munition", "warhead", "target", "shell", "round", "device", "bomb", "uav"})
_FIGHT_NOUNS = frozenset({"fight", "fighting", "resistance", "clash", "battle", "combat", "shot"})


def negated_fight(tok: Token) -> bool:
    """ "no fighting", "no reports of fighting", "without resistance": a fight noun said not to have happened."""
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("pobj", "nsubj", "dobj", "attr")  # "of fighting"
    if not nominal or (lemma(tok) not in _FIGHT_NOUNS and tok.lower_ not in _FIGHT_NOUNS):
        return False
    if any(c.lower_ == "no" for c in tok.children) or (tok.i > 0 and tok.nbor(-1).lower_ == "without"):
        return True
    # "no reports of fighting", "no sign of resistance"
    gov = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return gov is not None and gov.pos_ == "NOUN" and any(c.lower_ == "no" for c in gov.children)


def _no_fighting(m: EventMention) -> bool:
    """The capture's sentence or one of the next two says no fighting took place."""
    doc = m.sentence.doc
    tokens = list(m.sentence)
    end = m.sentence.end
    for _ in range(2):
        if end >= len(doc):
            break
        nxt = doc[end].sent
        tokens += list(nxt)
        end = nxt.end
    return any(negated_fight(t) for t in tokens)


def _is_attempt(m: EventMention) -> bool:
    tok = m.trigger.head
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if lemma(tok) in _ATTEMPT:
            return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in m.trigger.head.children):
        return True  # "an offensive to retake": the aim, not the result
    if any(lemma(c) in ("briefly", "temporarily", "momentarily") for c in m.trigger.head.children):
        return True  # "briefly seized the base": control did not hold (spec/ACLED.md §2, step 1)
    return lemma(m.trigger.head) in ("advance", "push")


def type_mention(m: EventMention, lex: Lexicon, draft: Draft) -> bool:
    """Set the mention's ACLED type from its class and context; False when it is no event."""
    name = m.cls.name
    patients = m.patient_lemmas
    armed_actor1 = m.actor1 is not None and m.actor1.kind in _ARMED
    crowd_kinds = ("protesters", "rioters")
    if name in ("clash", "assault") and m.actor1 is not None and m.actor1.kind in crowd_kinds:
        # "protesters clashed with police": the demonstrators used violence
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
        m.crowd_violence = True
        return True
    if name in ("assault", "kill"):
        weapon = _weapon_agent(m, lex)
        if weapon is not None:
            # the weapon is the doer: a strike from range or a device, not a ground attack
            m.trigger.cls = lex.classes[_WEAPON_CLASS[weapon]]
            m.event_type, m.sub_event_type = m.cls.event_type, m.cls.sub_event_type
            return type_mention(m, lex, draft)
    if name == "assault":
        if m.cls.has("vague", lemma(m.trigger.head)) and not (
            m.actor1 or m.actor2 or m.location_rank == 0 or m.anaphoric or m.target_place
        ):
            return False
        platform = _weapon_in_clause(m, lex)
        if platform is not None:
            # "targeted a destroyer with drones and missiles": the weapon names the attack (and its family)
            m.trigger.cls = lex.classes[_WEAPON_CLASS[platform]]
            m.event_type, m.sub_event_type = m.cls.event_type, m.cls.sub_event_type
        elif m.victims_civilian and not m.target_armed:
            m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
    elif name == "territory":
        if any(m.cls.has("idiom_objects", lemma(c)) for c in m.trigger.head.children if c.dep_ in ("dobj", "obj")):
            return False  # "the attack took place in Tarmiyah": an idiom, not a capture
        took_place = m.target_place or any(p in PLACE_NOUNS for p in patients)
        if not took_place and patients and any(p in _PEOPLE for p in patients):
            if m.actor1 is not None and m.actor1.kind in _NONSTATE:
                m.event_type, m.sub_event_type = (
                    "Violence against civilians",
                    "Abduction/forced disappearance",
                )
            else:
                m.event_type, m.sub_event_type = "Strategic developments", "Arrests"
            return True
        lem = lemma(m.trigger.head)
        head = m.trigger.head
        if (
            lem == "push"
            and head.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in head.children)
            and not any(c.dep_ == "prt" or c.lower_ == "back" for c in head.children)
        ):
            return False  # "pushed Yemen to the brink of famine"
        if not took_place and lem not in ("advance", "push", "offensive") and m.location_rank != 0:
            return False
        if any(
            lemma(t) in ("unopposed",)
            or (t.lower_ == "fight" and t.nbor(-1).lower_ == "a" and t.nbor(-2).lower_ == "without")
            for t in m.sentence
            if t.i >= 2
        ) or _no_fighting(m):
            m.event_type, m.sub_event_type = "Strategic developments", "Non-violent transfer of territory"
            return True
        country = m.location.country if m.location else None
        m.sub_event_type = territory_sub_type(m.actor1, country, attempt=_is_attempt(m) or not took_place)
    elif name == "clash" and negated_fight(m.trigger.head):
        return False  # "there were no reports of fighting"
    elif name == "pause":
        a1, a2 = m.actor1, m.actor2
        if a1 is not None and a2 is not None and a1.kind in _ARMED and a2.kind in _ARMED and not same_side(a1, a2):
            # "the army halted the RSF's advance": stopping the other side's push is a fight
            m.trigger.cls = lex.classes["clash"]
            m.event_type, m.sub_event_type = m.cls.event_type, m.cls.sub_event_type
    elif name == "artillery":
        head = m.trigger.head
        if lemma(head) == "hit" and any(lemma(c) in ("hard", "badly") for c in head.children):
            return False  # "hard hit by gang turf wars": figurative
        if (
            m.cls.has("weapon_agnostic", lemma(head))
            and any(c.dep_ == "nsubjpass" for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children)
            and not any(platform_of(t, lex) for t in m.sentence)
        ):
            return False  # "a passing car was also hit": an effect of a strike told elsewhere, not a new one
        if _ground_attack(m, lex):
            # "gunmen hit a market": no weapon fired from range, people on foot did it
            m.trigger.cls = lex.classes["assault"]
            m.event_type, m.sub_event_type = m.cls.event_type, m.cls.sub_event_type
            return type_mention(m, lex, draft)
        if m.cls.has("ambiguous", lemma(m.trigger.head)):
            platforms = {platform_of(t, lex) for t in m.sentence} - {None}
            if "air" in platforms:
                m.event_type, m.sub_event_type = "Explosions/Remote violence", "Air/drone strike"
            elif "explosive" in platforms and "ground" not in platforms:
                # "bombed the convoy with an explosive device": a planted device, not artillery
                m.event_type, m.sub_event_type = "Explosions/Remote violence", "Remote explosive/landmine/IED"
            elif not platforms:
                m.guessed = True  # Shelling by default; a weapon named elsewhere in the event decides
    elif name == "kill":
        if not armed_actor1:
            return False  # "a war that has killed 10,000", "were killed": only adds to another event
        if m.date is not None and m.date_source == "own" and m.date.start != m.date.end:
            return False  # "killed 340 over the past day": a tally, kept as a claim
        if any(c.aggregate and c.text.start <= m.trigger.start < c.text.end for c in draft.claims):
            return False
        if m.target_armed and not m.victims_civilian:
            m.event_type, m.sub_event_type = "Battles", "Armed clash"
    elif name == "arrest":
        if m.actor1 is not None and m.actor1.kind in _NONSTATE:
            m.event_type, m.sub_event_type = "Violence against civilians", "Abduction/forced disappearance"
    elif name == "protest" and m.cls.has("crowd_only", lemma(m.trigger.head)):
        subj = [c for c in m.trigger.head.children if c.dep_ == "nsubj"]
        words = {lemma(t) for s in subj for t in s.subtree}
        if not words & (lex.words("crowd") | _CROWD_EXTRA):
            return False  # "ministers gathered in Doha": a meeting, not a demonstration
    elif name == "riot":
        if armed_actor1:
            # "RSF fighters looted shops": an armed group destroying property, not a crowd
            m.event_type, m.sub_event_type = "Strategic developments", "Looting/property destruction"
            m.crowd_violence = False
        else:
            m.crowd_violence = True
    elif name == "disrupted":
        subject = {t.i for c in m.trigger.head.children if c.dep_ == "nsubj" for t in c.subtree}
        weapons = {platform_of(t, lex) for t in m.sentence if t.i not in subject}
        weapons.discard(None)
        head = m.trigger.head
        intercepted = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")] or head.pos_ != "VERB"
        if not weapons and m.actor1 is None and not intercepted:
            return False  # "intercepted" with nothing intercepted and no one intercepting: no event
        objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if objects and not any(
            platform_of(t, lex) or lemma(t) in _INTERCEPTABLE for o in objects for t in o.subtree
        ):
            return False  # "police intercepted two motorcyclists": a stop, not a weapon disrupted
        if any(p in m.cls.extra.get("crewed", frozenset()) for p in patients):
            m.event_type, m.sub_event_type = "Explosions/Remote violence", "Shelling/artillery/missile attack"
    elif name in ("casualty", "looting"):
        return False
    return True
