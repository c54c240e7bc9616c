"""The typing rules of one mention: from its trigger class and context to an ACLED type, or no event.

Each rule reads a :class:`~._type_facts.TypingQuery` and returns a :class:`~._type_facts.Typing`
verdict, or ``None`` when it does not apply; :data:`MENTION_RULES` is their order, and the
first that applies decides (:func:`conflict_events.rules.first`). The last rule,
:func:`trigger_class`, always applies: the class's own labels (``lexicons/events.toml``).
They follow spec/ACLED.md §1-2 (see docs/events.md, "Typing rules").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._doccache import CACHE_PREFIX, doc_text, tokens
from .._docindex import NOUN, VERB, doc_index, lemmas, lowers, sentence_at
from ..lexicons import lexicon
from ..rules import Example, Rule, rule
from ._event_mentions import lemma, platform_of, platform_words
from ._merge import same_side
from ._tokens import PHRASE_POS, conjuncts, kids, nouns_before_subjectless_root, subject_read_as_head, subtree
from ._type_facts import (
    ARMED_KINDS,
    CROWD_KINDS,
    NO_EVENT,
    STATE_KINDS,
    WEAPON_CLASS,
    Typing,
    TypingQuery,
    attempted_capture,
    ground_attack,
    negated_fight,
    no_fighting_near,
    strike_governing,
    territory_sub_type,
    weapon_agent,
    weapon_in_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ._trigger_lexicon import Lexicon

__all__ = ["MENTION_RULES", "mention_rules"]

_VAC = "Violence against civilians"
_ERV = "Explosions/Remote violence"
_SD = "Strategic developments"
# people a count can count (numbers.toml), read here as people who can do a killing
_PEOPLE: Final = lexicon("numbers").words("person_nouns")


def _goods_taken(q: TypingQuery) -> bool:
    """A capture verb whose object is neither a place nor people: goods, livestock, land, weapons."""
    m = q.mention
    if q.cls != "territory" or q.took_place or q.head.pos_ != "VERB" or q.lemma in q.words("capture_moves"):
        return False
    objects = q.children("dobj", "obj")  # "seized cattle": a common noun; "seized Kalembe" is a place
    if not objects or any(o.pos_ == "PROPN" for o in objects):
        return False
    return not any(p in q.words("captured_people") for p in m.patient_lemmas)


def _subjects(q: TypingQuery) -> list[Token]:
    """The subjects of the trigger's clause verb: "opened fire at" (head "at"), "shot and killed" (a conjunct)."""
    verbs = [q.head]
    while (verbs[-1].pos_ != "VERB" or verbs[-1].dep_ == "conj") and verbs[-1].head.i != verbs[-1].i and len(verbs) < 4:
        verbs.append(verbs[-1].head)
    verbs += [c for c in kids(q.head) if c.dep_ == "conj" and c.pos_ == "VERB"]  # "were shot and injured by"
    agents = [p for v in verbs for c in kids(v) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    before = nouns_before_subjectless_root(q.head, PHRASE_POS)[:1]  # "in Torreon, Coahuila, relatives ... marched"
    # "17 people died in the attack": the subject of a verb it climbed to that its subject suffers is a victim
    suffering = q.words("suffering_verbs")
    told_passive = q.words("headline_passive_verbs")
    subjects = [c for v in verbs if not _headline_passive(v, told_passive) for c in kids(v)
                if c.dep_ == "nsubj" and (v is q.head or lemma(v) not in suffering)]
    return subjects + agents + _listed(subject_read_as_head(q.head)) + before


def _headline_passive(verb: Token, harm: frozenset[str]) -> bool:
    """ "Seven people killed": a participle of harm with a subject and no auxiliary, object or second verb
    ("youths lynched and killed a robber") is a passive told without its "were": its subject suffers it."""
    if lemma(verb) not in harm:
        return False
    # "Seven people killed, among them a child": the model reads "killed" as a past with an object
    among = [c for t in (verb, *(o for o in kids(verb) if o.dep_ == "dobj")) for c in kids(t)
             if c.dep_ == "prep" and c.lower_ == "among"]
    if among:
        return not any(c.dep_ in ("aux", "auxpass") for c in kids(verb))
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj", "conj") for c in kids(verb))


def _crowd_doer(q: TypingQuery, extra: str = "gathering_people") -> bool:
    """The clause's subject is a crowd with no armed side named ("residents", "protesters", "rival unions")."""
    m = q.mention
    if any(a is not None and a.kind in ARMED_KINDS for a in (m.actor1, m.actor2)):
        return False
    crowd = q.words("crowd") | q.words(extra) | {"mob"}
    return m.by_crowd or any(lemma(s) in crowd for s in _of_group(_subjects(q)))


def _listed(tok: Token | None) -> list[Token]:
    return [tok] if tok is not None else []


def _of_group(subjects: list[Token]) -> list[Token]:
    """The subjects, with the people of "a number of youths", "a group of villagers" beside the number or group."""
    out = [c for s in subjects for c in (s, *conjuncts(s))]  # "Agni and Malinke ethnic people": both
    for s in subjects:
        if lemma(s) in ("number", "group", "band"):
            out += [p for c in kids(s) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c) if p.dep_ == "pobj"]
    return out


def _described_doer(q: TypingQuery) -> list[Token]:
    """The noun a trigger's clause describes, when that noun does it: "farmers blocking the road", "traders who
    marched", and "youths clashed with police" that the parser reads as a clause describing "youths" (a passive
    participle's noun is acted upon, unless the sentence has no verb but it)."""
    head = q.head
    if head.dep_ == "relcl" or (head.dep_ == "acl" and (head.tag_ != "VBN" or head.head.dep_ == "ROOT")):
        return [head.head]
    return []


def _armed_doer(q: TypingQuery) -> bool:
    """The doer is an armed side: a resolved armed actor, or an armed noun as the subject ("soldiers")."""
    if q.armed_actor1:
        return True
    armed = q.words("armed_people")
    # "soldiers looted", "an armed man shot", "an army unit destroyed"
    return any(
        lemma(s) in armed or any(lemma(c) == "armed" or (c.dep_ == "compound" and lemma(c) in armed) for c in kids(s))
        for s in _of_group(_subjects(q))
    )


# -- fights and assaults --------------------------------------------------------------------------


@rule(
    "events.type.crowd_fights_police",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Protesters clashed with police outside the parliament in Nairobi on Tuesday.",
            {"event.sub_event_type": "Violent demonstration"},
        ),
        Example(
            "Students clashed with police near the university in Abidjan on Tuesday.",
            {"event.event_type": "Riots", "event.actor1.name": "Rioters (Ivory Coast)"},
        ),
    ],
    negative=[
        Example(
            "Soldiers clashed with fighters of the group near Beni on Tuesday.",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(  # members of a gang are no gathering: their gunbattle with police is a battle
            "Gang members seized the town of Mirebalais in Haiti on Saturday after a daylong gunbattle with police.",
            {"events": 1, "event.event_type": "Battles"},
        ),
    ],
)
def crowd_fights_police(q: TypingQuery) -> Typing | None:
    """A crowd that fights or attacks is a riot, not a battle: protesters or rioters, or people of a
    gathering ("students", "youths", "traders") who clash with the state's forces (the sub-type follows
    from whether a demonstration is reported)."""
    if q.cls not in ("clash", "assault"):
        return None
    a1, a2 = q.mention.actor1, q.mention.actor2
    if (a1 is not None and a1.kind in CROWD_KINDS) or (a1 is None and q.mention.by_crowd):
        return Typing("Riots", "Violent demonstration", crowd_violence=True)
    if (a1 is None or a1.kind == "civilians") and a2 is not None and a2.kind in STATE_KINDS:
        crowd = q.words("crowd") | q.words("gathering_people")
        armed = q.words("armed_bodies")
        doers = [s for s in [*_subjects(q), *_described_doer(q)] if not _of_an_armed_body(s, armed)]
        if any(lemma(s) in crowd for s in doers):
            return Typing("Riots", "Violent demonstration", crowd_violence=True)
    return None


def _of_an_armed_body(noun: Token, armed: frozenset[str]) -> bool:
    """ "Gang members", "members of the militia": people of an armed body, no gathering."""
    for c in kids(noun):
        if c.dep_ in ("compound", "amod") and lemma(c) in armed:
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(lemma(p) in armed for p in kids(c) if p.dep_ == "pobj"):
            return True
    return False


@rule(
    "events.type.weapon_is_the_doer",
    decides="event.sub_event_type",
    positive=[
        Example(
            "A drone killed three fighters of the group near Marib on Tuesday.",
            {"event.sub_event_type": "Air/drone strike"},
        ),
        Example(
            "Ukrainian drones destroyed a Russian tank near Kurakhove on Tuesday.",
            {"event.sub_event_type": "Air/drone strike"},
        ),
    ],
    negative=[
        Example(
            "Gunmen killed three farmers near Marib on Tuesday.",
            {"event.sub_event_type": "Attack"},
        )
    ],
)
def weapon_is_the_doer(q: TypingQuery) -> Typing | None:
    """A weapon that attacks, kills or destroys ("a drone killed", "killed by a missile", "drones destroyed a
    tank") is a strike of that weapon."""
    if q.cls not in ("assault", "kill", "looting"):
        return None
    weapon = weapon_agent(q.mention, q.lex)
    return None if weapon is None else Typing(reclass=WEAPON_CLASS[weapon], again=True)


@rule(
    "events.type.strike_target",
    decides="event.sub_event_type",
    positive=[
        Example(
            "A roadside bomb exploded near Afgooye on Monday, targeting an army convoy.",
            {"event.sub_event_type": "Remote explosive/landmine/IED"},
        )
    ],
    negative=[
        Example(
            "Al Shabaab fighters attacked an army convoy near Afgooye on Monday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def strike_target(q: TypingQuery) -> Typing | None:
    """An attack verb hanging on a strike or a blast ("an IED exploded, targeting a convoy") names the
    strike's target: the event is that strike, not a ground assault (ACLED types by the weapon)."""
    if q.cls != "assault":
        return None
    strike = strike_governing(q.mention, q.lex)
    return None if strike is None else Typing(reclass=strike)


@rule(
    "events.type.vague_attack_noun",
    decides="event.exists",
    positive=[
        Example(
            "An attack was feared, the ministry said.\nPolice arrested two men in Garissa on Monday.",
            {"!event.sub_event_type": "Armed clash", "event.sub_event_type": "Arrests"},
        )
    ],
    negative=[
        Example(
            "Al Shabaab fighters launched an attack on an army base in Garissa on Monday.",
            {"event.sub_event_type": "Armed clash"},
        ),
        # its target is named ("an attack on a market"): a happening, even with no side and no known place
        Example(
            "The government declared three days of mourning on Friday after an attack on a market in Tokalan on"
            " Tuesday.",
            {"events": 1},
        ),
    ],
)
def vague_attack_noun(q: TypingQuery) -> Typing | None:
    """A vague attack noun ("the operation") with no side, no place, no target and no antecedent names no
    event."""
    m = q.mention
    if q.cls != "assault" or not q.has("vague") or q.head.pos_ == "VERB":
        return None
    if m.actor1 or m.actor2 or m.location_rank == 0 or m.anaphoric or m.target_place:
        return None
    if m.victims_civilian or m.target_armed:
        return None
    return NO_EVENT


@rule(
    "events.type.attack_with_weapon",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Houthi forces targeted a cargo ship in the Red Sea with drones on Tuesday.",
            {"event.sub_event_type": "Air/drone strike"},
        )
    ],
    negative=[
        Example(
            "Houthi forces attacked a government position near Taiz on Tuesday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def attack_with_weapon(q: TypingQuery) -> Typing | None:
    """An attack done "with" or "using" drones or missiles is a strike of that weapon."""
    if q.cls != "assault":
        return None
    platform = weapon_in_clause(q.mention, q.lex)
    return None if platform is None else Typing(reclass=WEAPON_CLASS[platform])


@rule(
    "events.type.attack_on_civilian_vehicle",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Clan militiamen attacked a commercial truck near Burao on Tuesday.",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Clan militiamen attacked a police truck near Burao on Tuesday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def attack_on_civilian_vehicle(q: TypingQuery) -> Typing | None:
    """An attack on a passenger, commercial or aid vehicle is an attack on civilians, not a battle."""
    if q.cls != "assault":
        return None
    objects = q.children("dobj", "obj")
    objects += [p for c in q.children("prep") if c.lower_ in ("on", "at") for p in kids(c) if p.dep_ == "pobj"]
    civil = q.words("civilian_modifiers")
    for o in objects:
        if lemma(o) in q.words("vehicles") and any(lemma(c) in civil or c.lower_ in civil for c in kids(o)):
            return Typing(_VAC, "Attack")
    return None


@rule(
    "events.type.communal_militia_attack",
    decides="event.sub_event_type",
    positive=[
        Example(
            "A Fulani ethnic militia attacked the village of Kutaru in Kaduna on Tuesday.",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "A Fulani ethnic militia attacked an army post near Kutaru in Kaduna on Tuesday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def communal_militia_attack(q: TypingQuery) -> Typing | None:
    """A communal or ethnic militia that attacks a village or people, with no armed target, attacks civilians."""
    a1 = q.mention.actor1
    if q.cls == "assault" and a1 is not None and a1.kind == "identity_militia" and not q.mention.target_armed:
        return Typing(_VAC, "Attack")
    return None


@rule(
    "events.type.attack_on_civilians",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Gunmen attacked villagers in Zurmi on Tuesday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(  # a vehicle whose owner is unarmed (events/_detect.py, _civilian_owner)
            "Unknown gunmen attacked the convoy of the state commissioner near Bauchi on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "Gunmen attacked a police checkpoint in Zurmi on Tuesday.",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(  # a crowd with no arms: mob violence
            "On 21 March 2024, residents attacked and beat a man in Osisioma for allegedly stealing a goat.",
            {"event.sub_event_type": "Mob violence"},
        ),
    ],
)
def attack_on_civilians(q: TypingQuery) -> Typing | None:
    """An assault on people who cannot fight back is violence against civilians (ACLED: Attack)."""
    m = q.mention
    if q.cls == "assault" and m.victims_civilian and not m.target_armed:
        if _crowd_doer(q) and not _armed_doer(q):
            return None  # "residents attacked and beat a man": a crowd's violence (events.type.crowd_beating)
        return Typing(_VAC, "Attack")
    return None


@rule(
    "events.type.attack_on_the_unarmed",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Unknown gunmen assaulted a Moroccan diplomat in Ouagadougou on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "Gunmen attacked a fuel tanker on the road near Parakou on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "Unknown gunmen attacked the Bauchi State Commissioner for Works near Bauchi on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "Unknown gunmen attacked a gendarmerie post in Ouagadougou on Monday.",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(
            "Unknown gunmen attacked the convoy of the army commander near Bauchi on Monday.",
            {"event.sub_event_type": "Armed clash"},
        ),
    ],
)
def attack_on_the_unarmed(q: TypingQuery) -> Typing | None:
    """An armed side's assault on someone or something neither armed nor a place ("attacked a tanker",
    "assaulted the ambassador"): nobody there could fight back, so it is violence against civilians."""
    m = q.mention
    if q.cls != "assault" or m.target_armed or m.victims_civilian or m.target_place or m.actor2 is not None:
        return None
    if q.head.pos_ != "VERB" or not _armed_doer(q):
        return None
    # "attacked and shot the brother of ...": the object may hang on the verb joined to the attack
    verbs = [q.head, *(c for c in kids(q.head) if c.dep_ == "conj" and c.pos_ == "VERB")]
    objects = [c for v in verbs for c in kids(v) if c.dep_ in ("dobj", "obj")]
    titles = q.words("civilian_titles")
    # an office holder the model writes as a name ("the Ondo State Commissioner") is still someone unarmed
    if not objects or any((o.pos_ != "NOUN" or o.ent_type_) and o.lower_ not in titles for o in objects):
        return None  # no object, a pronoun, or a name the model types (a place, a group)
    return Typing(_VAC, "Attack")


@rule(
    "events.type.gunfire_exchanged",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 8 February 2024, students of two rival camps exchanged gunfire on the campus in Bamako.",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(
            "On 8 February 2024, villagers armed with rifles clashed with herders near Kouri.",
            {"event.sub_event_type": "Armed clash"},
        ),
    ],
    negative=[
        Example(
            "On 8 February 2024, students of two rival camps clashed on the campus in Bamako.",
            {"event.sub_event_type": "Mob violence"},
        )
    ],
)
def gunfire_exchanged(q: TypingQuery) -> Typing | None:
    """A fight in which the sides exchange fire or carry firearms ("exchanged gunfire", "a firefight", "armed with
    rifles") is an armed clash whoever fights: firearms, not the sides' trade, make it a battle (ACLED §1.1); a fight
    of sticks and fists stays mob violence."""
    if q.cls != "clash":
        return None
    sentence = q.mention.sentence
    text = doc_text(sentence.doc)[sentence.start_char : sentence.end_char].lower()  # Span.text joins its tokens
    if any(cue in text for cue in q.words("gunfire_cues")):
        return Typing("Battles", "Armed clash")
    return None


@rule(
    "events.type.rival_groups_fight",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Two rival transport unions clashed at a bus station in Onitsha on Tuesday.",
            {"event.sub_event_type": "Mob violence"},
        ),
        Example(  # the subject's conjuncts are its people too
            "Agni and Malinke ethnic people clashed in Abongoua town on Monday over a market.",
            {"event.sub_event_type": "Mob violence"},
        ),
    ],
    negative=[
        Example(
            "Soldiers clashed with gunmen at a bus station in Onitsha on Tuesday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def rival_groups_fight(q: TypingQuery) -> Typing | None:
    """Groups with no arms that fight each other (rival unions, factions, supporters) are a mob, not a battle."""
    if q.cls == "clash" and _crowd_doer(q, "rival_groups"):
        return Typing("Riots", "Mob violence", crowd_violence=True)
    return None


@rule(
    "events.type.unarmed_fight",
    decides="event.sub_event_type",
    positive=[
        Example(  # the model makes "groups" the root: no subject for "engaged"
            "On 9 May 2021, two groups of residents engaged in fist fight in Kolaboui village, over a land dispute.",
            {"event.sub_event_type": "Mob violence"},
        ),
    ],
    negative=[
        Example(
            "On 16 April 2021, soldiers engaged in a firefight with bandits near Kouroussa.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def unarmed_fight(q: TypingQuery) -> Typing | None:
    """A fight with fists ("engaged in a fist fight", "brawled", "a scuffle") between sides with no arms named is
    mob violence (ACLED: Riots), whatever the parse makes of its subject."""
    if q.cls != "clash" or q.armed_actor1 or (q.mention.actor2 is not None and q.mention.actor2.kind in ARMED_KINDS):
        return None
    fights = q.words("unarmed_fights")
    if q.lemma in fights or q.head.lower_ in fights or any(t.lower_ in fights for t in q.mention.sentence):
        return Typing("Riots", "Mob violence", crowd_violence=True)
    return None


@rule(
    "events.type.no_fighting_reported",
    decides="event.exists",
    positive=[
        Example(
            "Police arrested four men in Mopti on Monday without clashes.",
            {"!event.sub_event_type": "Armed clash", "event.sub_event_type": "Arrests"},
        )
    ],
    negative=[
        Example(
            "Heavy fighting between the army and the rebels was reported near Mopti on Monday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def no_fighting_reported(q: TypingQuery) -> Typing | None:
    """A fight noun said not to have happened ("no reports of fighting") names no event."""
    return NO_EVENT if q.cls == "clash" and negated_fight(q.head, q.lex) else None


@rule(
    "events.type.halted_advance",
    decides="event.sub_event_type",
    positive=[
        Example(
            "The Sudanese army halted the RSF's advance on El Fasher on Monday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
    negative=[
        Example(
            "The RSF halted its attacks on El Fasher on Monday.",
            {"event.sub_event_type": "Change to group/activity"},
        )
    ],
)
def halted_advance(q: TypingQuery) -> Typing | None:
    """Stopping the other armed side's push ("halted the RSF's advance") is a fight, not a pause."""
    a1, a2 = q.mention.actor1, q.mention.actor2
    if q.cls != "pause" or a1 is None or a2 is None:
        return None
    if a1.kind in ARMED_KINDS and a2.kind in ARMED_KINDS and not same_side(a1, a2):
        return Typing(reclass="clash")
    return None


# -- places taken ---------------------------------------------------------------------------------


@rule(
    "events.type.crowd_occupies",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 3 March 2024, thousands of people occupied the main square in Colombo for a third day, demanding the"
            " president's resignation.",
            {"events": 1, "event.event_type": "Protests"},
        ),
    ],
    negative=[
        Example(
            "On 3 March 2024, rebels occupied the town of Kalehe after clashes with the army.",
            {"event.event_type": "Battles"},
        ),
        Example(  # an idiom first (events.type.take_idiom): people who took refuge took nothing
            "A military airstrike hit a monastery in Sagaing on Sunday, killing 23 people. About 150 people"
            " displaced by fighting had taken refuge in the monastery, a witness said.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        ),
    ],
)
def crowd_occupies(q: TypingQuery) -> Typing | None:
    """A crowd that occupies or takes over a square, a road or a building ("thousands of people occupied the
    seafront, demanding ...") is a sit-in: a demonstration, not a battle for territory."""
    if q.cls != "territory" or q.head.pos_ != "VERB" or q.lemma not in q.words("crowd_occupations"):
        return None
    if any(p in q.words("captured_people") for p in q.mention.patient_lemmas):
        return None  # "residents captured a thief": people, not a square
    crowd = q.words("crowd")
    for subject in q.children("nsubj"):
        # "thousands of people": the crowd is what the number counts
        counted = [p for c in kids(subject) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c)]
        if lemma(subject) in crowd or any(lemma(p) in crowd for p in counted):
            return Typing(reclass="protest", again=True)
    return None


@rule(
    "events.type.surrender_of_the_unarmed",
    decides="event.exists",
    positive=[
        Example(
            "On 3 March 2024, police officers shot dead two men inside their home in Tondo. Relatives said the"
            " victims had surrendered and were unarmed.",
            {"events": 1, "event.event_type": "Violence against civilians"},
        ),
    ],
    negative=[
        Example(
            "On 3 March 2024, eight NPA rebels surrendered to the army in Kabankalan, handing over five rifles.",
            {"event.sub_event_type": "Agreement"},
        ),
    ],
)
def surrender_of_the_unarmed(q: TypingQuery) -> Typing | None:
    """Victims, hostages or civilians who "surrendered" gave themselves up to the violence told (lexicon
    ``unarmed_surrenderers``): no side laid down its arms, no Agreement."""
    if q.cls != "agreement" or q.lemma != "surrender":
        return None
    subjects = q.children("nsubj", "nsubjpass")
    return NO_EVENT if any(lemma(c) in q.words("unarmed_surrenderers") for c in subjects) else None


@rule(
    "events.type.take_idiom",
    decides="event.exists",
    positive=[
        Example(
            "The attack took place in Kidal on Sunday, when gunmen killed two traders.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
        Example(
            "Gunmen shot dead two traders in Kidal on Sunday, police said. Four others were wounded and taken to"
            " hospital in Gao.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
        Example(
            "Soldiers clashed with rebels near Kidal on Sunday before pulling back and taking up new positions to"
            " the north, the army said.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
        ),
    ],
    negative=[
        Example(
            "Rebels took control of Kidal on Sunday.",
            {"event.sub_event_type": "Non-state actor overtakes territory"},
        )
    ],
)
def take_idiom(q: TypingQuery) -> Typing | None:
    """ "took place", "took part", "took refuge", "took power" are idioms, not captures (lexicon ``idiom_objects``);
    people "taken to hospital" are carried, not captured (``care_destinations``); a side that "took up" positions
    or arms moved or armed itself, it took nothing."""
    if q.cls != "territory":
        return None
    if any(q.mention.cls.has("idiom_objects", lemma(c)) for c in q.children("dobj", "obj")):
        return NO_EVENT
    if lemma(q.mention.trigger.head) == "take" and any(c.lower_ == "up" for c in q.children("prt")):
        return NO_EVENT
    if any(
        q.mention.cls.has("care_destinations", lemma(p))
        for to in q.children("prep")
        if to.lower_ == "to"
        for p in kids(to)
        if p.dep_ == "pobj"
    ):
        return NO_EVENT  # "the wounded were taken to hospital"
    return None


def _people_taken(q: TypingQuery) -> bool:
    m = q.mention
    return q.cls == "territory" and not q.took_place and any(p in q.words("captured_people") for p in m.patient_lemmas)


@rule(
    "events.type.people_seized_by_armed_group",
    decides="event.sub_event_type",
    positive=[
        Example(
            "JNIM militants captured two journalists near Gao on Sunday.",
            {"event.sub_event_type": "Abduction/forced disappearance"},
        )
    ],
    negative=[
        Example(
            "Malian soldiers captured two militants near Gao on Sunday.",
            {"event.sub_event_type": "Arrests"},
        )
    ],
)
def people_seized_by_armed_group(q: TypingQuery) -> Typing | None:
    """People "captured" by a rebel group or militia are abducted (ACLED: Abduction/forced disappearance)."""
    if _people_taken(q) and q.nonstate_actor1:
        return Typing(_VAC, "Abduction/forced disappearance")
    return None


@rule(
    "events.type.people_taken_by_no_one_named",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Armed men abducted more than 40 people from the village of Dan Sadau late on Tuesday, residents said."
            " A police spokesman confirmed the attack but said 26 people had been taken.",
            {"events": 1, "event.sub_event_type": "Abduction/forced disappearance"},
        )
    ],
    negative=[
        Example(
            "Police said on Tuesday that 26 suspects had been captured in a raid in Kano.",
            {"event.sub_event_type": "Arrests"},
        )
    ],
)
def people_taken_by_no_one_named(q: TypingQuery) -> Typing | None:
    """People (not suspects or fighters) "taken" or "seized" with no doer named are abducted: arrests name the
    police or the army that made them, and a reporting body is no captor."""
    m = q.mention
    if not _people_taken(q) or m.actor1 is not None or q.children("agent"):
        return None
    if any(p in q.words("arrested_kinds") for p in m.patient_lemmas):
        return None
    return Typing(_VAC, "Abduction/forced disappearance")


@rule(
    "events.type.people_captured_by_state",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Malian soldiers captured two militants near Gao on Sunday.",
            {"event.sub_event_type": "Arrests"},
        )
    ],
    negative=[
        Example(
            "Malian soldiers captured the town of Anefis on Sunday.",
            {"event.sub_event_type": "Government regains territory"},
        )
    ],
)
def people_captured_by_state(q: TypingQuery) -> Typing | None:
    """People "captured" by anyone but a non-state armed group are arrested (ACLED: Arrests)."""
    return Typing(_SD, "Arrests") if _people_taken(q) else None


@rule(
    "events.type.looting_during_attack",
    decides="event.exists",
    positive=[
        Example(
            "Ansaroul Islam fighters killed two herders and seized their goats near Arbinda on Monday.",
            {"events": 1, "event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Ansaroul Islam fighters seized dozens of goats near Arbinda on Monday.",
            {"event.sub_event_type": "Looting/property destruction"},
        )
    ],
)
def looting_during_attack(q: TypingQuery) -> Typing | None:
    """Goods seized or looted in the same clause as a killing or an attack are part of that attack, not an event."""
    if not (_goods_taken(q) or q.cls in ("riot", "theft")):
        return None
    head = q.head
    linked = [head.head] if head.dep_ == "conj" else []
    linked += [c for c in kids(head) if c.dep_ == "conj"]
    weapons = any(p in q.words("seized_weapons") for p in q.mention.patient_lemmas) and not _violent_verb(head, q.lex)
    for t in linked:
        cls = q.lex.verb_class(lemma(t)) if t.pos_ == "VERB" else None
        if weapons and lemma(t) in q.words("search_raids"):
            continue  # "raided a warehouse and seized rifles": the seizure is what the raid did (raid_for_weapons)
        if cls is not None and cls.name in ("kill", "assault", "clash"):
            return NO_EVENT
    return None


def _violent_verb(head: Token, lex: Lexicon) -> bool:
    """Whether the sentence tells a killing or a fight by a verb ("raided a hideout, killing two suspects")."""
    for t in sentence_at(head.doc, head.i):  # head.sent walks the Doc on every call
        cls = lex.verb_class(lemma(t)) if t.pos_ == "VERB" else None
        if cls is not None and cls.name in ("kill", "clash"):
            return True
    return False


@rule(
    "events.type.weapons_seized",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Nigerien soldiers seized a cache of weapons and ammunition near Tillaberi on Monday.",
            {"event.sub_event_type": "Disrupted weapons use"},
        )
    ],
    negative=[
        Example(
            "Nigerien soldiers seized the village of Tillia on Monday.",
            {"!event.sub_event_type": "Disrupted weapons use"},
        )
    ],
)
def weapons_seized(q: TypingQuery) -> Typing | None:
    """Weapons, explosives or ammunition seized by an armed side are weapons kept from use (Disrupted weapons use)."""
    if not _goods_taken(q) or not _armed_doer(q):
        return None
    if any(p in q.words("seized_weapons") for p in q.mention.patient_lemmas):
        return Typing(_SD, "Disrupted weapons use")
    return None


@rule(
    "events.type.goods_seized",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Ansaroul Islam fighters seized dozens of goats near Arbinda on Monday.",
            {"event.sub_event_type": "Looting/property destruction"},
        )
    ],
    negative=[
        Example(
            "Ansaroul Islam fighters seized the town of Arbinda on Monday.",
            {"event.sub_event_type": "Non-state actor overtakes territory"},
        )
    ],
)
def goods_seized(q: TypingQuery) -> Typing | None:
    """Goods, livestock, vehicles or land seized by an armed side are looted (Looting/property destruction)."""
    if _goods_taken(q) and _armed_doer(q):
        return Typing(_SD, "Looting/property destruction")
    return None


@rule(
    "events.type.figurative_push",
    decides="event.exists",
    positive=[
        Example(
            "The blockade has pushed the region to the brink of famine, the agency said on Friday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "The army pushed back the rebels from Tine on Friday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def figurative_push(q: TypingQuery) -> Typing | None:
    """ "pushed the country to the brink" moves an object, not a front: no event ("pushed back" is one)."""
    head = q.head
    if q.cls != "territory" or q.lemma != "push" or head.pos_ != "VERB" or not q.children("dobj"):
        return None
    if any(c.dep_ == "prt" or c.lower_ == "back" for c in kids(head)):
        return None
    return NO_EVENT


@rule(
    "events.type.nothing_taken",
    decides="event.exists",
    positive=[
        Example(
            "Customs officers seized a shipment of cannabis on Friday, the agency said.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Bandits seized the village of Kuriga on Friday.",
            {"event.sub_event_type": "Non-state actor overtakes territory"},
        )
    ],
)
def nothing_taken(q: TypingQuery) -> Typing | None:
    """A capture verb with no place taken, no push and no place in its clause is no capture ("seized drugs")."""
    m = q.mention
    if q.cls != "territory" or q.took_place or q.lemma in q.words("capture_moves") or m.location_rank == 0:
        return None
    return NO_EVENT


@rule(
    "events.type.taken_unopposed",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Rebels entered and took control of Kalembe on Sunday. There was no fighting.",
            {"event.sub_event_type": "Non-violent transfer of territory"},
        ),
        Example(
            "A militia took control of the gold-mining town of Nizi on Saturday without a shot being fired,"
            " residents said.",
            {"event.sub_event_type": "Non-violent transfer of territory"},
        ),
    ],
    negative=[
        Example(
            "Rebels took control of Kalembe on Sunday after heavy fighting.",
            {"!event.sub_event_type": "Non-violent transfer of territory"},
        )
    ],
)
def taken_unopposed(q: TypingQuery) -> Typing | None:
    """A place taken "unopposed", "without a fight", "without a shot being fired" or with no fighting reported
    changes hands peacefully."""
    if q.cls != "territory":
        return None
    unopposed, after_without = q.words("unopposed"), q.words("unopposed_after_without")
    sentence = q.mention.sentence
    said = any(
        lemma(t) in unopposed
        or (t.lower_ == "without" and any(lemma(n) in after_without for n in sentence.doc[t.i + 1 : t.i + 4]))
        for t in sentence
    )
    if said or no_fighting_near(q.mention, q.lex):
        return Typing(_SD, "Non-violent transfer of territory")
    return None


@rule(
    "events.type.capture_not_held",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Rebels advanced on Sake on Sunday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
    negative=[
        Example(
            "Rebels captured the town of Sake on Sunday.",
            {"event.sub_event_type": "Non-state actor overtakes territory"},
        )
    ],
)
def capture_not_held(q: TypingQuery) -> Typing | None:
    """An advance, a bid or a brief capture, or one by no named side, is a fight: control did not change."""
    m = q.mention
    if q.cls != "territory":
        return None
    if m.actor1 is None or not q.took_place or attempted_capture(m, q.lex):
        return Typing("Battles", "Armed clash")
    return None


@rule(
    "events.type.territory_control",
    decides="event.sub_event_type",
    positive=[
        Example(
            "The Nigerian army recaptured the town of Malam Fatori on Sunday.",
            {"event.sub_event_type": "Government regains territory"},
        )
    ],
    negative=[
        Example(
            "The Nigerian army fought its way towards Malam Fatori on Sunday.",
            {"!event.sub_event_type": "Government regains territory"},
        )
    ],
)
def territory_control(q: TypingQuery) -> Typing | None:
    """A place taken by fighting: Government regains territory when the state's forces end in control,
    Non-state actor overtakes territory for anyone else (rebels, militias, a foreign army)."""
    if q.cls != "territory":
        return None
    m = q.mention
    country = m.location.country if m.location else None
    return Typing("Battles", territory_sub_type(m.actor1, country, attempt=False))


# -- strikes --------------------------------------------------------------------------------------


@rule(
    "events.type.device_disposed",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Kenyan soldiers defused and detonated a roadside bomb near Mandera on Tuesday.",
            {"event.sub_event_type": "Disrupted weapons use"},
        )
    ],
    negative=[
        Example(
            "A roadside bomb detonated near Mandera on Tuesday, wounding two soldiers.",
            {"event.sub_event_type": "Remote explosive/landmine/IED"},
        )
    ],
)
def device_disposed(q: TypingQuery) -> Typing | None:
    """A device an armed side defused, then detonated, is disposed of (Disrupted weapons use), not a blast."""
    if q.cls != "explosive" or q.head.pos_ != "VERB":
        return None
    head = q.head
    linked = ([head.head] if head.dep_ == "conj" else []) + [c for c in kids(head) if c.dep_ == "conj"]
    if any(lemma(t) in q.words("disposal_verbs") for t in linked):
        return Typing(_SD, "Disrupted weapons use")
    return None


@rule(
    "events.type.figurative_hit",
    decides="event.exists",
    positive=[
        Example(
            "Traders in Cite Soleil have been hard hit by the gang blockade, residents said on Friday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "A rocket hit a school in Kharkiv on Friday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def figurative_hit(q: TypingQuery) -> Typing | None:
    """ "hard hit", "badly hit" by a crisis is figurative: no strike."""
    if q.cls != "artillery" or q.lemma != "hit":
        return None
    return NO_EVENT if any(lemma(c) in q.words("figurative_hit") for c in kids(q.head)) else None


@rule(
    "events.type.struck_as_effect",
    decides="event.exists",
    positive=[
        Example(
            "Russian forces shelled Kherson on Friday. A bus was also hit.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "A bus was hit by a Russian shell in Kherson on Friday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def struck_as_effect(q: TypingQuery) -> Typing | None:
    """A passive "was hit" with no agent and no weapon is an effect of a strike told elsewhere, not a new one."""
    if q.cls != "artillery" or not q.has("weapon_agnostic") or not q.children("nsubjpass"):
        return None
    if q.children("agent") or q.platforms():
        return None
    return NO_EVENT


@rule(
    "events.type.ground_attack",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Gunmen struck a market in Zurmi on Tuesday, killing four traders.",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Rockets struck a market in Zurmi on Tuesday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def ground_attack_rule(q: TypingQuery) -> Typing | None:
    """Attackers on foot who "hit" or "struck" with no heavy weapon named made a ground attack, not a strike."""
    if q.cls == "artillery" and ground_attack(q.mention, q.lex):
        return Typing(reclass="assault", again=True)
    return None


def _ambiguous_platforms(q: TypingQuery) -> set[str] | None:
    """The sentence's weapon platforms for a verb that names none ("bombed", "struck"); None for others."""
    if q.cls != "artillery" or not q.has("ambiguous"):
        return None
    return q.platforms()


@rule(
    "events.type.strike_from_the_air",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Military aircraft bombed a market in Kutkai on Tuesday.",
            {"event.sub_event_type": "Air/drone strike"},
        )
    ],
    negative=[
        Example(
            "Artillery pounded the outskirts of Kutkai on Tuesday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def strike_from_the_air(q: TypingQuery) -> Typing | None:
    """A verb that names no weapon ("bombed", "struck") is an air or drone strike when an aircraft is named."""
    platforms = _ambiguous_platforms(q)
    return Typing(_ERV, "Air/drone strike") if platforms and "air" in platforms else None


@rule(
    "events.type.bombed_with_device",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Militants bombed an army convoy with an explosive device near Bara on Tuesday.",
            {"event.sub_event_type": "Remote explosive/landmine/IED"},
        )
    ],
    negative=[
        Example(
            "Militants bombed an army convoy with mortars near Bara on Tuesday.",
            {"!event.sub_event_type": "Remote explosive/landmine/IED"},
        )
    ],
)
def bombed_with_device(q: TypingQuery) -> Typing | None:
    """ "bombed" with only a planted device named (no artillery) is a remote explosive, not shelling."""
    platforms = _ambiguous_platforms(q)
    if platforms and "explosive" in platforms and "ground" not in platforms and "air" not in platforms:
        return Typing(_ERV, "Remote explosive/landmine/IED")
    return None


def _report_platforms(q: TypingQuery) -> frozenset[str]:
    """The weapon platforms the whole report names (once per document and lexicon)."""
    doc = q.head.doc
    key = f"{CACHE_PREFIX}report_platforms.{id(q.lex)}"
    found = doc.user_data.get(key)
    if not isinstance(found, frozenset):
        # only the words that can name one are asked (platform_of gives None for every other word)
        words, toks = platform_words(q.lex), tokens(doc)
        candidates = [toks[k] for k, (lem, low) in enumerate(zip(lemmas(doc), lowers(doc), strict=True))
                      if lem in words or low in words]
        found = doc.user_data[key] = frozenset(p for t in candidates if (p := platform_of(t, q.lex)) is not None)
    return found


@rule(
    "events.type.aircraft_of_the_report",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Worshippers bombed at a festival in Kafin Hausa\n\nA bomb dropped by an air force jet hit a crowd"
            " celebrating a festival in Kafin Hausa on Sunday night, residents said.",
            {"event.sub_event_type": "Air/drone strike", "!event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "Villagers bombed in Kafin Hausa\n\nArtillery fired from a nearby base hit the village of Kafin Hausa"
            " on Sunday night, residents said.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def aircraft_of_the_report(q: TypingQuery) -> Typing | None:
    """A strike whose sentence names no weapon ("Villagers bombed") is an air or drone strike when the report
    names aircraft (a jet, a drone) and no ground weapon: the bombing it tells elsewhere came from the air."""
    platforms = _ambiguous_platforms(q)
    if platforms is None or platforms:
        return None
    return Typing(_ERV, "Air/drone strike") if _report_platforms(q) == {"air"} else None


@rule(
    "events.type.strike_weapon_unnamed",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Russian forces struck Kharkiv on Tuesday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "Russian forces struck Kharkiv with missiles on Tuesday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def strike_weapon_unnamed(q: TypingQuery) -> Typing | None:
    """A strike with no weapon named is Shelling by default, a guess that a weapon named elsewhere overrides."""
    platforms = _ambiguous_platforms(q)
    return Typing(guessed=True) if platforms is not None and not platforms else None


# -- killings -------------------------------------------------------------------------------------


@rule(
    "events.type.crowd_beating",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Residents beat a suspected thief to death in a market in Kindia on Monday.",
            {"event.sub_event_type": "Mob violence"},
        ),
        Example(
            "Villagers assaulted a suspected thief in Banfora on Monday.",
            {"event.sub_event_type": "Mob violence"},
        ),
        Example(
            "A number of youths killed a woman accused of witchcraft in Materi on Monday.",
            {"event.sub_event_type": "Mob violence"},
        ),
    ],
    negative=[
        Example(
            "Soldiers beat two traders in a market in Kindia on Monday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "Residents said 12 people died in the attack on the market in Kindia on Monday.",
            {"!event.sub_event_type": "Mob violence"},
        ),
        Example(
            "Seven people killed in the market of Kindia on Monday, among them two children.",
            {"!event.sub_event_type": "Mob violence"},
        ),
        Example(
            "\"Five people killed, among them one child of two years,\" the governor of Kindia said on Monday.",
            {"!event.sub_event_type": "Mob violence"},
        ),
    ],
)
def crowd_beating(q: TypingQuery) -> Typing | None:
    """A crowd that beats, stabs, lynches or kills someone, or assaults them, with no armed side, is mob
    violence (spec/ACLED.md §1.3)."""
    beating = q.cls == "kill" and q.lemma in q.words("beating_verbs")
    assault = q.cls == "assault" and q.lemma in ("assault", "attack") and not q.mention.target_armed
    if (beating or assault) and _crowd_doer(q):
        return Typing("Riots", "Mob violence", crowd_violence=True)
    # a crowd of no trade or community ("villagers", "a number of youths") that kills someone
    if q.cls == "kill" and q.lemma == "kill" and not q.armed_actor1 and _crowd_doer(q, extra="lynch_mob"):
        return Typing("Riots", "Mob violence", crowd_violence=True)
    return None


def _other_violence(q: TypingQuery) -> bool:
    """Whether the text names violence besides this killing (a trigger of a class that reports some)."""
    lex, head = q.lex, q.head
    quiet = q.words("no_violence_classes")
    doc = head.doc
    # the per-Doc arrays: no Token object and no attribute lookup per word of the document
    pos, lems = doc_index(doc).pos, lemmas(doc)
    for k, p in enumerate(pos):
        if k == head.i or (p != VERB and p != NOUN):
            continue  # "March" (a month) names no march
        cls = lex.verb_class(lems[k]) if p == VERB else lex.noun_class(lems[k])
        if cls is not None and not cls.weak and cls.name not in quiet:
            return True
    return False


@rule(
    "events.type.lone_killing",
    decides="event.sub_event_type",
    positive=[
        Example(
            "A man was shot dead in the Boa Vista neighborhood of Recife on Monday.",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked a bus near Recife on Monday. A man was shot dead.",
            {"events": 1},
        )
    ],
)
def lone_killing(q: TypingQuery) -> Typing | None:
    """A killing with no doer named, in a text that reports no other violence it could belong to, is an
    attack by an unidentified armed group (ACLED codes a lone killing as an Attack)."""
    m = q.mention
    if q.cls != "kill" or _armed_doer(q) or q.head.pos_ != "VERB" or not q.children("nsubjpass"):
        return None
    if m.date is not None and m.date_source == "own" and m.date.start != m.date.end:
        return None  # "killed over the past week": a tally
    return None if _other_violence(q) else Typing(_VAC, "Attack")


@rule(
    "events.type.killing_by_people",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 2 March, a group of herders killed three farmers near Kandi (Kandi, Alibori).",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "The war has killed thousands of people in Sudan, the agency said on Tuesday.",
            {"events": 0},
        )
    ],
)
def killing_by_people(q: TypingQuery) -> Typing | None:
    """People who kill unarmed victims ("farmers killed two herders", "a man killed his neighbour") commit an
    attack even when no armed side is named: ACLED codes communal and individual killings so."""
    if q.cls != "kill" or q.head.pos_ != "VERB" or q.mention.target_armed:
        return None
    people = _PEOPLE
    if q.children("nsubjpass", "auxpass"):
        return None  # "were killed": the victims, not the doers
    # the trigger verb's own subject, or the first verb's in "shot and killed" (never a conjunct's: in "40
    # were killed and 84 others wounded" the others are victims)
    verb = q.head.head if q.head.dep_ == "conj" else q.head
    doers = [c for c in kids(verb) if c.dep_ == "nsubj"]
    # "a group of farmers", "dozens of youths": the people the collective noun holds
    doers += [o for s in doers for p in kids(s) if p.lower_ == "of" for o in kids(p) if o.dep_ == "pobj"]
    if any(lemma(s) in people or s.ent_type_ in ("NORP", "PERSON") for s in doers):
        return Typing(_VAC, "Attack")
    return None


@rule(
    "events.type.killing_without_actor",
    decides="event.exists",
    positive=[
        Example(
            "The war has killed thousands of people in Sudan, the agency said on Tuesday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Al Shabaab militants killed two people in Mogadishu on Tuesday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "A shooting at a wedding in Celaya killed seven people on Saturday night, police said.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
)
def killing_without_actor(q: TypingQuery) -> Typing | None:
    """A killing with no armed doer ("were killed", "a war that has killed") only adds to another event; one
    act named by its noun ("a shooting at a party killed ten", "the massacre in Yelwata") had its doer, unnamed."""
    if q.cls != "kill" or _armed_doer(q):
        return None
    head = q.head
    if head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in q.words("perpetrated_killings"):
        return None
    return NO_EVENT


@rule(
    "events.type.killing_tally",
    decides="event.exists",
    positive=[
        Example(
            "Russian forces killed 40 civilians in Donetsk over the past week, the regional governor said.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Russian forces killed four civilians in Donetsk on Monday, the regional governor said.",
            {"event.sub_event_type": "Attack"},
        )
    ],
)
def killing_tally(q: TypingQuery) -> Typing | None:
    """Killings counted over a period ("killed 340 over the past day") are a tally, kept as a claim."""
    m = q.mention
    if q.cls == "kill" and m.date is not None and m.date_source == "own" and m.date.start != m.date.end:
        return NO_EVENT
    return None


@rule(
    "events.type.killing_in_aggregate_claim",
    decides="event.exists",
    positive=[
        Example(
            "Nigerian troops killed 300 militants in total across Borno, the army said.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "The army said it had killed 30 militants near Bama on Sunday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def killing_in_aggregate_claim(q: TypingQuery) -> Typing | None:
    """A killing inside an aggregate claim (a running total of a campaign) is no event."""
    if q.cls != "kill":
        return None
    start = q.mention.trigger.start
    if any(c.aggregate and c.text.start <= start < c.text.end for c in q.draft.claims):
        return NO_EVENT
    return None


@rule(
    "events.type.fighters_killed",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Nigerian troops killed six militants near Bama on Sunday.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
    negative=[
        Example(
            "Militants killed six villagers near Bama on Sunday.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(  # a vehicle is a target that fights back only when nothing makes it civilian
            "A clan militia opened fire on a passenger vehicle near Burao on Tuesday.",
            {"event.sub_event_type": "Attack"},
        ),
    ],
)
def fighters_killed(q: TypingQuery) -> Typing | None:
    """A killing whose dead are fighters of an armed side is a battle (Armed clash)."""
    m = q.mention
    if q.cls == "kill" and m.target_armed and not m.victims_civilian:
        return Typing("Battles", "Armed clash")
    return None


# -- arrests, crowds, interceptions -------------------------------------------------------------------


@rule(
    "events.type.arrest_by_armed_group",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Al Shabaab militants detained three elders in Jilib on Monday.",
            {"event.sub_event_type": "Abduction/forced disappearance"},
        )
    ],
    negative=[
        Example(
            "Somali police detained three men in Jilib on Monday.",
            {"event.sub_event_type": "Arrests"},
        )
    ],
)
def arrest_by_armed_group(q: TypingQuery) -> Typing | None:
    """An "arrest" by a rebel group or militia is an abduction (only the state arrests)."""
    if q.cls == "arrest" and q.nonstate_actor1:
        return Typing(_VAC, "Abduction/forced disappearance")
    return None


@rule(
    "events.type.armed_group_gathers",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Dozens of Al Shabaab fighters gathered near Dinsoor on Tuesday.",
            {"event.sub_event_type": "Change to group/activity"},
        )
    ],
    negative=[
        Example(
            "Dozens of traders gathered near the market in Dinsoor on Tuesday to protest new taxes.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def armed_group_gathers(q: TypingQuery) -> Typing | None:
    """An armed group that gathers or assembles is a movement of forces, not a demonstration."""
    if q.cls != "protest" or not q.has("crowd_only") or q.head.pos_ != "VERB" or q.lemma in q.words("barricade_verbs"):
        return None
    if not q.nonstate_actor1 and not any(lemma(s) in q.words("armed_people") for s in _subjects(q)):
        return None
    return Typing(_SD, "Change to group/activity")


@rule(
    "events.type.gathering_without_crowd",
    decides="event.exists",
    positive=[
        Example(
            "Foreign ministers gathered in Doha on Monday to discuss the war.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Hundreds of supporters gathered outside the court in Dakar on Monday.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(
            "On Monday, farmers blocking the highway near Sicuani demanded cheaper fertiliser.",
            {"event.event_type": "Protests"},
        ),
        Example(  # the parser hangs the crowd on the place as a conjunct: the phrase before the verb is its doer
            "On 2 March 2024, in Torreon, Coahuila, around 300 teachers from the union marched to demand higher pay.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(  # the crowd is the subject of the verb "picketed" is joined to
            "On 4 March 2024, nurses from the health union held a press conference and picketed in front of the"
            " ministry in Seoul.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(  # the purpose makes the gathering a demonstration
            "On 4 March 2024, savers of a failed bank gathered in front of the parliament in Nouakchott to demand"
            " their money.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
    ],
)
def gathering_without_crowd(q: TypingQuery) -> Typing | None:
    """ "gathered", "marched" are a demonstration only when a crowd does them ("ministers gathered" is a meeting)."""
    if q.cls != "protest" or not q.has("crowd_only") or q.head.pos_ != "VERB":
        return None  # the noun ("held a rally") names a demonstration whoever holds it
    if q.mention.by_crowd:
        return None  # "They barricaded the road" after a demonstration: its demonstrators
    # "held a press conference and picketed": the subject of the verb it is joined to
    words = {lemma(t) for s in (*q.children("nsubj"), *_subjects(q)) for t in subtree(s)}
    words |= {lemma(t) for t in (*_described_doer(q), *nouns_before_subjectless_root(q.head, PHRASE_POS))}
    if words & (q.words("crowd") | q.words("gathering_people")):
        return None
    # "gathered in front of the palace to demand compensation": the purpose makes it a demonstration
    purposes = [c for c in q.children("xcomp", "advcl") if c.pos_ == "VERB"]
    if any(lemma(c) in q.words("protest_purposes") for c in purposes):
        return None
    return NO_EVENT


@rule(
    "events.type.crowd_barricades",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Students barricaded the main road in Conakry on Monday to protest the closure of their school.",
            {"event.sub_event_type": "Violent demonstration"},
        ),
        Example(  # the subject names the crowd, the verb what it did
            "On 5 March 2024, youths demonstrated in Dano. The demonstrators barricaded the main roads.",
            {"lead.sub_event_type": "Violent demonstration"},
        ),
    ],
    negative=[
        Example(
            "Students marched along the main road in Conakry on Monday to protest the closure of their school.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def crowd_barricades(q: TypingQuery) -> Typing | None:
    """Demonstrators who barricade a road are violent (spec/ACLED.md §1.3: road blocks with barricades)."""
    if q.cls == "protest" and q.lemma in q.words("barricade_verbs") and q.head.pos_ == "VERB":
        return Typing("Riots", "Violent demonstration", crowd_violence=True)
    return None


@rule(
    "events.type.armed_group_loots",
    decides="event.sub_event_type",
    positive=[
        Example(
            "RSF fighters looted shops in the market of Sennar on Monday.",
            {"event.sub_event_type": "Looting/property destruction"},
        )
    ],
    negative=[
        Example(
            "Rioters looted shops in the market of Sennar on Monday.",
            {"!event.sub_event_type": "Looting/property destruction"},
        )
    ],
)
def armed_group_loots(q: TypingQuery) -> Typing | None:
    """Looting or burning by an armed group (or by soldiers, settlers, militants) destroys property; it is no
    crowd violence."""
    if q.cls == "riot" and _armed_doer(q):
        return Typing(_SD, "Looting/property destruction", crowd_violence=False)
    return None


@rule(
    "events.type.theft_without_armed_side",
    decides="event.exists",
    positive=[
        Example(
            "Thieves stole two motorcycles from a shop in Kano on Monday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Bandits stole dozens of cattle from herders near Zurmi on Monday.",
            {"event.sub_event_type": "Looting/property destruction"},
        )
    ],
)
def theft_without_armed_side(q: TypingQuery) -> Typing | None:
    """Goods stolen by no armed side are a crime, not a conflict event."""
    return NO_EVENT if q.cls == "theft" and not _armed_doer(q) else None


@rule(
    "events.type.rule_without_armed_group",
    decides="event.exists",
    positive=[
        Example(
            "The government imposed a new tax on fuel imports in Nairobi on Monday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Al Shabaab imposed heavy taxes on traders in Jilib on Monday.",
            {"event.sub_event_type": "Other", "event.actor1.name": "Al Shabaab"},
        )
    ],
)
def rule_without_armed_group(q: TypingQuery) -> Typing | None:
    """Taxes or evacuation orders are news of the conflict when an armed group rules by them; a state's taxes are
    policy, not an event."""
    if q.cls != "armed_rule":
        return None
    return None if q.nonstate_actor1 else NO_EVENT


@rule(
    "events.type.sighting_without_armed_side",
    decides="event.exists",
    positive=[
        Example(
            "A bright light was seen over Kismayo on Tuesday, residents said.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "A column of Al Shabaab fighters was seen heading towards Bardere on Tuesday.",
            {"event.sub_event_type": "Change to group/activity"},
        )
    ],
)
def sighting_without_armed_side(q: TypingQuery) -> Typing | None:
    """Something "seen" or "observed" is a movement of forces only when an armed side is what was seen."""
    if q.cls != "activity" or q.lemma not in q.words("sighting_verbs"):
        return None
    seen = q.children("nsubjpass", "nsubj")
    armed = q.words("armed_people")
    m = q.mention
    if any(a is not None and a.kind in ARMED_KINDS for a in (m.actor1, m.actor2)):
        return None
    return None if any(lemma(s) in armed for s in seen) else NO_EVENT


@rule(
    "events.type.crowd_violence",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Youths burned tyres and stoned vehicles in Kano on Monday.",
            {"event.event_type": "Riots"},
        )
    ],
    negative=[
        Example(
            "Protesters marched to a police station in Kano on Monday.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def crowd_violence(q: TypingQuery) -> Typing | None:
    """Rioting, stoning or arson by a crowd makes its demonstration violent (Riots)."""
    return Typing(crowd_violence=True) if q.cls == "riot" else None


def _intercepted(q: TypingQuery) -> list[str] | None:
    """The lemmas of what an interception stopped, ``None`` for no interception."""
    if q.cls != "disrupted":
        return None
    return [lemma(t) for o in q.children("dobj", "obj", "nsubjpass") for t in subtree(o)]


@rule(
    "events.type.interception_of_nothing",
    decides="event.exists",
    positive=[
        Example(
            "Officials said air defences had intercepted near Odesa on Monday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Air defences intercepted two drones over Odesa on Monday.",
            {"event.sub_event_type": "Disrupted weapons use"},
        )
    ],
)
def interception_of_nothing(q: TypingQuery) -> Typing | None:
    """ "intercepted" with no weapon, nothing intercepted and no one intercepting is no event."""
    if _intercepted(q) is None or q.head.pos_ != "VERB" or q.children("dobj", "obj", "nsubjpass"):
        return None
    subject = frozenset(t.i for c in q.children("nsubj") for t in subtree(c))
    return NO_EVENT if not q.platforms(skip=subject) and q.mention.actor1 is None else None


@rule(
    "events.type.stop_not_interception",
    decides="event.exists",
    positive=[
        Example(
            "Police intercepted two motorcyclists near Garissa on Monday.",
            {"events": 0},
        )
    ],
    negative=[
        Example(
            "Kenyan troops intercepted two rockets near Garissa on Monday.",
            {"event.sub_event_type": "Disrupted weapons use"},
        )
    ],
)
def stop_not_interception(q: TypingQuery) -> Typing | None:
    """An interception of people or vehicles ("intercepted two motorcyclists") is a stop, not a weapon disrupted."""
    objects = _intercepted(q)
    if not objects:
        return None
    interceptable = q.words("interceptable")
    kept = [t for o in q.children("dobj", "obj", "nsubjpass") for t in subtree(o) if platform_of(t, q.lex)]
    if kept or any(w in interceptable for w in objects):
        return None
    # "launched 60 drones, of which air defences shot down 48": a bare count stands for the weapons named before it
    counted = all(t.pos_ == "NUM" for o in q.children("dobj", "obj", "nsubjpass") for t in subtree(o))
    before = [t for t in q.mention.sentence if t.i < q.mention.trigger.head.i]
    if counted and any(lemma(t) in interceptable or platform_of(t, q.lex) for t in before):
        return None
    return NO_EVENT


@rule(
    "events.type.crewed_aircraft_downed",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Rebels shot down a military helicopter near Lashio on Monday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "Air defences shot down three drones over Lashio on Monday.",
            {"event.sub_event_type": "Disrupted weapons use"},
        )
    ],
)
def crewed_aircraft_downed(q: TypingQuery) -> Typing | None:
    """A crewed aircraft shot down is a strike on its crew (Shelling/artillery/missile attack), not a disruption."""
    crewed = q.mention.cls.extra.get("crewed", frozenset())
    if q.cls == "disrupted" and any(p in crewed for p in q.mention.patient_lemmas):
        return Typing(_ERV, "Shelling/artillery/missile attack")
    return None


@rule(
    "events.type.armed_side_destroys",
    decides="event.sub_event_type",
    positive=[
        Example(
            "ISWAP fighters destroyed a bridge and a water tower near Monguno on Tuesday.",
            {"event.sub_event_type": "Looting/property destruction"},
        )
    ],
    negative=[
        Example(
            "ISWAP fighters attacked Monguno on Tuesday. Dozens of houses were destroyed.",
            {"!event.sub_event_type": "Looting/property destruction"},
        )
    ],
)
def armed_side_destroys(q: TypingQuery) -> Typing | None:
    """Property an armed side destroys or demolishes, with no other violence in the clause, is Looting/property
    destruction (weapons destroyed are kept from use: Disrupted weapons use)."""
    if q.cls != "looting" or q.head.pos_ != "VERB" or not q.children("dobj") or not _armed_doer(q):
        return None
    if any(p in q.words("seized_weapons") for p in q.mention.patient_lemmas):
        return Typing(_SD, "Disrupted weapons use")
    return Typing(_SD, "Looting/property destruction")


@rule(
    "events.type.armed_wounding",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 5 April, soldiers wounded a herder in the village of Tobo (Djibo, Soum).",
            {"event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Rebels shelled Kalehe on Monday. Dozens of houses were destroyed.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def armed_wounding(q: TypingQuery) -> Typing | None:
    """An armed side that wounds someone ("militants wounded a woman") acts: an attack on civilians, or a
    clash when those wounded are armed, not only the effect of another event."""
    own_subject = q.children("nsubj") or subject_read_as_head(q.head) is not None
    if q.cls != "casualty" or q.lemma not in ("wound", "injure") or not own_subject:
        return None
    if not _armed_doer(q):
        return None
    return Typing("Battles", "Armed clash") if q.mention.target_armed else Typing(_VAC, "Attack")


@rule(
    "events.type.effect_only",
    decides="event.exists",
    positive=[
        Example(
            "Rebels shelled Kalehe on Monday. Dozens of houses were destroyed.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "Rebels shelled Kalehe on Monday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def effect_only(q: TypingQuery) -> Typing | None:
    """Deaths, injuries or destruction with no action named only add to the event that caused them."""
    return NO_EVENT if q.cls in ("casualty", "looting") else None


@rule(
    "events.type.trigger_class",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Rebels shelled Kalehe on Monday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "Gunmen attacked villagers in Kalehe on Monday.",
            {"event.sub_event_type": "Attack"},
        )
    ],
)
def trigger_class(q: TypingQuery) -> Typing | None:
    """When no context rule applies, the type the trigger's class gave the mention holds (``lexicons/events.toml``)."""
    return Typing(q.mention.event_type, q.mention.sub_event_type)


@rule(
    "events.type.property_burned",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Junta troops burned down more than 100 houses in a village near Monywa on Tuesday.",
            {"event.sub_event_type": "Looting/property destruction"},
        )
    ],
    negative=[
        Example(
            "Junta troops burned two villagers alive in a village near Monywa on Tuesday.",
            {"event.sub_event_type": "Attack"},
        )
    ],
)
def property_burned(q: TypingQuery) -> Typing | None:
    """Houses, shops or vehicles an armed side burns, with no one harmed in the clause, are Looting/property
    destruction (spec/ACLED.md), not an attack on people."""
    if q.cls != "kill" or q.head.pos_ != "VERB" or lemma(q.head) not in q.words("arson_verbs"):
        return None
    objects = q.children("dobj")
    if not objects or any(lemma(o) not in q.words("property_nouns") for o in objects):
        return None
    return Typing(_SD, "Looting/property destruction") if _armed_doer(q) else None


MENTION_RULES: Final = (
    crowd_fights_police,
    weapon_is_the_doer,
    strike_target,
    vague_attack_noun,
    attack_with_weapon,
    attack_on_civilian_vehicle,
    communal_militia_attack,
    attack_on_civilians,
    attack_on_the_unarmed,
    gunfire_exchanged,
    rival_groups_fight,
    unarmed_fight,
    no_fighting_reported,
    halted_advance,
    surrender_of_the_unarmed,
    take_idiom,
    crowd_occupies,
    people_seized_by_armed_group,
    people_taken_by_no_one_named,
    people_captured_by_state,
    looting_during_attack,
    weapons_seized,
    goods_seized,
    figurative_push,
    nothing_taken,
    taken_unopposed,
    capture_not_held,
    territory_control,
    device_disposed,
    figurative_hit,
    struck_as_effect,
    ground_attack_rule,
    strike_from_the_air,
    bombed_with_device,
    aircraft_of_the_report,
    strike_weapon_unnamed,
    property_burned,
    crowd_beating,
    lone_killing,
    killing_by_people,
    killing_without_actor,
    killing_tally,
    killing_in_aggregate_claim,
    fighters_killed,
    arrest_by_armed_group,
    armed_group_gathers,
    gathering_without_crowd,
    crowd_barricades,
    armed_group_loots,
    theft_without_armed_side,
    rule_without_armed_group,
    sighting_without_armed_side,
    crowd_violence,
    interception_of_nothing,
    stop_not_interception,
    crewed_aircraft_downed,
    armed_side_destroys,
    armed_wounding,
    effect_only,
    trigger_class,
)
"""The typing rules of a mention in order: the first that applies decides."""


# The trigger classes for which each rule can decide: the class test it opens with (directly or through the helper
# it opens with). A rule not listed may decide for any class. ``mention_rules`` keeps, for one class, the rules that
# can decide for it, in the order of MENTION_RULES: a rule left out returns None for that class, so the first rule
# that decides is the same, and a mention passes over some 40 rules it cannot meet.
_CLASSES_OF: Final[dict[str, frozenset[str]]] = {
    crowd_fights_police.name: frozenset({"clash", "assault"}),
    weapon_is_the_doer.name: frozenset({"assault", "kill", "looting"}),
    strike_target.name: frozenset({"assault"}),
    vague_attack_noun.name: frozenset({"assault"}),
    attack_with_weapon.name: frozenset({"assault"}),
    attack_on_civilian_vehicle.name: frozenset({"assault"}),
    communal_militia_attack.name: frozenset({"assault"}),
    attack_on_civilians.name: frozenset({"assault"}),
    attack_on_the_unarmed.name: frozenset({"assault"}),
    gunfire_exchanged.name: frozenset({"clash"}),
    rival_groups_fight.name: frozenset({"clash"}),
    unarmed_fight.name: frozenset({"clash"}),
    no_fighting_reported.name: frozenset({"clash"}),
    halted_advance.name: frozenset({"pause"}),
    surrender_of_the_unarmed.name: frozenset({"agreement"}),
    take_idiom.name: frozenset({"territory"}),
    crowd_occupies.name: frozenset({"territory"}),
    people_seized_by_armed_group.name: frozenset({"territory"}),  # _people_taken
    people_taken_by_no_one_named.name: frozenset({"territory"}),  # _people_taken
    people_captured_by_state.name: frozenset({"territory"}),  # _people_taken
    looting_during_attack.name: frozenset({"territory", "riot", "theft"}),  # _goods_taken or a riot or theft
    weapons_seized.name: frozenset({"territory"}),  # _goods_taken
    goods_seized.name: frozenset({"territory"}),  # _goods_taken
    figurative_push.name: frozenset({"territory"}),
    nothing_taken.name: frozenset({"territory"}),
    taken_unopposed.name: frozenset({"territory"}),
    capture_not_held.name: frozenset({"territory"}),
    territory_control.name: frozenset({"territory"}),
    device_disposed.name: frozenset({"explosive"}),
    figurative_hit.name: frozenset({"artillery"}),
    struck_as_effect.name: frozenset({"artillery"}),
    ground_attack_rule.name: frozenset({"artillery"}),
    strike_from_the_air.name: frozenset({"artillery"}),  # _ambiguous_platforms
    bombed_with_device.name: frozenset({"artillery"}),  # _ambiguous_platforms
    aircraft_of_the_report.name: frozenset({"artillery"}),  # _ambiguous_platforms
    strike_weapon_unnamed.name: frozenset({"artillery"}),  # _ambiguous_platforms
    property_burned.name: frozenset({"kill"}),
    crowd_beating.name: frozenset({"kill", "assault"}),
    lone_killing.name: frozenset({"kill"}),
    killing_by_people.name: frozenset({"kill"}),
    killing_without_actor.name: frozenset({"kill"}),
    killing_tally.name: frozenset({"kill"}),
    killing_in_aggregate_claim.name: frozenset({"kill"}),
    fighters_killed.name: frozenset({"kill"}),
    arrest_by_armed_group.name: frozenset({"arrest"}),
    armed_group_gathers.name: frozenset({"protest"}),
    gathering_without_crowd.name: frozenset({"protest"}),
    crowd_barricades.name: frozenset({"protest"}),
    armed_group_loots.name: frozenset({"riot"}),
    theft_without_armed_side.name: frozenset({"theft"}),
    rule_without_armed_group.name: frozenset({"armed_rule"}),
    sighting_without_armed_side.name: frozenset({"activity"}),
    crowd_violence.name: frozenset({"riot"}),
    interception_of_nothing.name: frozenset({"disrupted"}),  # _intercepted
    stop_not_interception.name: frozenset({"disrupted"}),  # _intercepted
    crewed_aircraft_downed.name: frozenset({"disrupted"}),
    armed_side_destroys.name: frozenset({"looting"}),
    armed_wounding.name: frozenset({"casualty"}),
    effect_only.name: frozenset({"casualty", "looting"}),
}
_FOR_CLASS: dict[str, tuple[Rule[[TypingQuery], Typing], ...]] = {}


def mention_rules(cls: str) -> tuple[Rule[[TypingQuery], Typing], ...]:
    """The rules of :data:`MENTION_RULES` that can decide for a mention of trigger class ``cls``, in their order.

    >>> [r.name for r in mention_rules("pause")]
    ['events.type.halted_advance', 'events.type.trigger_class']
    """
    found = _FOR_CLASS.get(cls)
    if found is None:
        if len(_FOR_CLASS) >= 256:
            _FOR_CLASS.clear()  # classes come from lexicons, few; bounded all the same
        found = _FOR_CLASS[cls] = tuple(
            r for r in MENTION_RULES if r.name not in _CLASSES_OF or cls in _CLASSES_OF[r.name]
        )
    return found
