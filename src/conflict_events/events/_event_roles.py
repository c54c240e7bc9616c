"""Who acts and who is acted upon, from the dependency parse: the side rules of an action's clause.

ACLED's actor1 is the side that acts and actor2 the side acted upon (in Violence
against civilians the victim is always actor2). The parse gives them: the subject
of an active verb, the agent of a passive ("killed by gunmen"), the possessor or
nationality adjective of a nominalisation ("Ukraine's counterattack", "a coalition
air strike"), the subject of a light verb ("launched an attack"), the "between X
and Y" of a fight; the object, the "on/against/at" target, the passive subject
and the victims of a "that killed ..." clause are acted upon. Each of these is a
named rule below, tried on every child of the action's head (the first rule that
applies to a child decides for it); the tokens found remember their rule
(:attr:`Sides.rules`). Actors come from the document's actors (their mentions); a
pronoun the actors step left unresolved is read as the latest armed actor named before it.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Gunmen raided the village.")
>>> found = sides(doc[1])
>>> [t.text for t in found.agent_tokens], [t.text for t in found.patient_tokens]
(['Gunmen'], ['village'])
>>> found.rules[0], found.rules[3]
('events.sides.clause_subject', 'events.sides.object_acted_upon')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._doccache import doc_text
from .._docindex import doc_index
from .._textscan import DATELINE
from ..lexicons import lexicon, lexicon_with
from ..rules import Example, first, rule
from ._event_mentions import lemma
from ._tokens import (
    conjuncts,
    kids,
    nouns_before_subjectless_root,
    root_before_modifier_verb,
    subject_read_as_head,
    subtree,
    tree,
)
from ._trigger_lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..draft import Draft
    from ..schema import Actor

__all__ = ["SideWords", "Sides", "actor_of", "side_words", "sides"]

_ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
_MAX_WALK = 6  # clauses walked up from an action to find its subject


@dataclass(frozen=True, eq=False)
class SideWords:
    """The word lists of the side rules (``lexicons/sides.toml``) and the trigger lexicon's light verbs."""

    target_prepositions: frozenset[str]
    clash_prepositions: frozenset[str]
    nominal_target_prepositions: frozenset[str]
    accuse_verbs: frozenset[str]
    pronouns: frozenset[str]
    loyal_words: frozenset[str]
    placed_device_verbs: frozenset[str]
    launch_verbs: frozenset[str]
    victim_clause_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    under_fire_verbs: frozenset[str]
    presence_verbs: frozenset[str]
    owner_verbs: frozenset[str]
    hedge_words: frozenset[str]
    target_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    reciprocal_verbs: frozenset[str]
    pact_verbs: frozenset[str]
    onset_verbs: frozenset[str]
    pact_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    surrender_verbs: frozenset[str]
    civilian_places: frozenset[str]
    state_first_battles: frozenset[str]
    light_verbs: frozenset[str]
    support_verbs: frozenset[str]
    carried_weapons: frozenset[str] = frozenset()
    firing_verbs: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    suffered_nouns: frozenset[str] = frozenset()
    reaction_verbs: frozenset[str] = frozenset()
    device_strike_verbs: frozenset[str] = frozenset()
    struck_devices: frozenset[str] = frozenset()
    brawl_words: frozenset[str] = frozenset()
    shared_object_verbs: frozenset[str] = frozenset()


_CACHE: dict[tuple[tuple[str, ...], int], tuple[Lexicon, SideWords]] = {}


def side_words(files: Sequence[str | Path] = (), lex: Lexicon | None = None) -> SideWords:
    """The side words: the packaged ``sides`` lexicon extended by the user's ``files`` (cached)."""
    lex = lex or load_lexicon()
    key = (tuple(str(f) for f in files), id(lex))
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not lex:
        if len(_CACHE) >= 16:
            _CACHE.clear()
        hit = _CACHE[key] = (lex, _side_words(key[0], lex))
    return hit[1]


def _side_words(files: tuple[str, ...], lex: Lexicon) -> SideWords:
    data = lexicon_with("sides", files)
    own = {
        name: data.words(name)
        for name in SideWords.__dataclass_fields__
        if name not in ("light_verbs", "support_verbs")
    }
    return SideWords(**own, light_verbs=lex.words("light_verbs"), support_verbs=lex.words("support"))


@dataclass
class Sides:
    """Tokens heading the acting side, the side acted upon, and allies named with them.

    ``rules`` gives, by token index, the name of the rule that found each token.
    """

    agent_tokens: list[Token] = field(default_factory=list)
    patient_tokens: list[Token] = field(default_factory=list)
    assoc_tokens: list[Token] = field(default_factory=list)
    rules: dict[int, str] = field(default_factory=dict)

    def take(self, found: Found, by: str) -> None:
        """Add what a rule found, remembering the rule."""
        front, agents, patients = _through(found.front), _through(found.agents), _through(found.patients)
        self.agent_tokens[:0] = front
        self.agent_tokens += agents
        self.patient_tokens += patients
        self.assoc_tokens += found.assoc
        for tok in (*front, *agents, *patients, *found.assoc):
            self.rules.setdefault(tok.i, by)


_PARTITIVE: Final = lexicon_with("sides", ()).words("partitive_nouns")
# "eastern Congo attack": a name after one of these is a region, not the action's owner
_DIRECTIONS: Final = lexicon("places").words("direction_adjectives")


def _through(tokens: tuple[Token, ...]) -> list[Token]:
    """The tokens, each partitive noun followed by what it counts: "a string of villages", "a group of gunmen"."""
    out: list[Token] = []
    for tok in tokens:
        out.append(tok)
        if lemma(tok) in _PARTITIVE or tok.lower_ in _PARTITIVE:
            out += [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c) if p.dep_ == "pobj"]
    return out


@dataclass(frozen=True)
class Found:
    """What one rule found: acting tokens (``front`` ones go before those found so far), tokens acted upon, allies."""

    agents: tuple[Token, ...] = ()
    patients: tuple[Token, ...] = ()
    assoc: tuple[Token, ...] = ()
    front: tuple[Token, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.agents or self.patients or self.assoc or self.front)


def _found(
    agents: Iterable[Token] = (),
    patients: Iterable[Token] = (),
    assoc: Iterable[Token] = (),
    front: Iterable[Token] = (),
) -> Found | None:
    """What a rule found, or None when it found nothing (then it does not apply)."""
    found = (tuple(agents), tuple(patients), tuple(assoc), tuple(front))
    # the frozen record is made only when something was found (most calls find nothing)
    return Found(*found) if any(found) else None


@dataclass(frozen=True)
class Subject:
    """The subject of an action's clause, whether the clause is passive, and the rule that found it."""

    tokens: tuple[Token, ...]
    passive: bool
    rule: str


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in conjuncts(tok) if c.i > tok.i]]


def _pobjs(tok: Token) -> tuple[Token, ...]:
    return tuple(c for c in kids(tok) if c.dep_ == "pobj")


def _objects(tok: Token) -> tuple[Token, ...]:
    return tuple(c for c in kids(tok) if c.dep_ in ("dobj", "obj"))


def _pair_in_phrase(tok: Token) -> tuple[list[Token], list[Token]]:
    """The nouns and names before a noun phrase's head, split at its first "and" (empty lists without one):
    "Al Shabaab and clan militias", "Marehan and Dir clan militia" parsed as one phrase."""
    left = list(tok.doc[tok.left_edge.i : tok.i])
    cut = next((i for i, t in enumerate(left) if t.lower_ == "and"), None)
    if cut is None:
        return [], []
    nouns = ("PROPN", "NOUN")
    return [t for t in left[:cut] if t.pos_ in nouns], [t for t in left[cut:] if t.pos_ in nouns]


def _between(prep: Token) -> tuple[list[Token], list[Token]]:
    """ "between the army and the militia": the first named acts, the others are acted upon."""
    agents: list[Token] = []
    patients: list[Token] = []
    for p in _pobjs(prep):
        conj = _conjuncts(p)
        if len(conj) == 1:
            # "between Al Shabaab and clan militias" parsed as one phrase headed by "militias"
            before, _ = _pair_in_phrase(p)
            if before:
                agents.append(before[-1])
                patients.append(p)
                continue
        agents.append(conj[0])
        patients += conj[1:]
    return agents, patients


# -- the subject of an action's clause: steps tried at each clause walked up ---------------------


@rule(
    "events.sides.action_possessor",
    decides="event.actor1",
    positive=[
        Example(
            "Ukraine's counteroffensive to retake Robotyne killed dozens of Russian soldiers on Monday.",
            {"event.actor1.name": "Military Forces of Ukraine (2019-)"},
        )
    ],
    negative=[
        Example(
            "Russian forces fired missiles at Kharkiv.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        ),
        Example(
            "The mayor's murder in Uruapan on Saturday shocked the region.",
            {"!event.actor1.kind": "person"},
        ),
    ],
)
def action_possessor(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "Ukraine's counteroffensive to retake ...": the owner of the action noun the clause hangs on acts."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok is verb:
        return None
    poss = tuple(c for c in kids(tok) if c.dep_ == "poss")
    if not poss:
        return None
    # "Rabin's murder", "the journalist's abduction": the owner of these suffers them
    return Subject(poss, lemma(tok) in w.suffered_nouns, "events.sides.action_possessor")


@rule(
    "events.sides.accused_of",
    decides="event.actor1",
    positive=[
        Example(
            "Kyiv accused Russian forces of shelling a school in Kherson on Tuesday.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "Russian forces shelled a school in Kherson on Tuesday, officials said.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def accused_of(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "accusing Russian forces of shelling": the accused is the side that acted."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "of":
        return None
    holder = tok.head.head
    if holder.dep_ in ("dobj", "obj") and lemma(holder.head) in w.accuse_verbs:
        return Subject((holder,), False, "events.sides.accused_of")
    if lemma(holder) in w.accuse_verbs:
        objs = _objects(holder)
        return Subject(objs, False, "events.sides.accused_of") if objs else None
    return None


@rule(
    "events.sides.loyal_followers",
    decides="event.actor1",
    positive=[
        Example(
            "The army said troops loyal to dissident general Bosco Ntaganda bombarded the town of Rutshuru.",
            {"!event.actor1.name": "Bosco Ntaganda", "event.event_type": "Explosions/Remote violence"},
        )
    ],
    negative=[
        Example(
            "The army said its troops shelled rebel positions near Rutshuru.",
            {"event.actor1.name": "Military Forces of the Democratic Republic of Congo (2019-)"},
        )
    ],
)
def loyal_followers(subject: Token, w: SideWords) -> Token | None:
    """ "Troops loyal to general Laurent Nkunda bombarded": when the parse makes the leader the subject,
    the followers named before "loyal to" act, not the person."""
    first_i = subject.left_edge.i
    doc = subject.doc
    if first_i >= 3 and doc[first_i - 1].lower_ == "to" and doc[first_i - 2].lower_ in w.loyal_words:
        followers = doc[first_i - 3]
        if followers.pos_ in ("NOUN", "PROPN"):
            return followers
    return None


@rule(
    "events.sides.clause_subject",
    decides="event.actor1",
    positive=[
        Example(
            "Gunmen raided a village near Zurmi on Tuesday and killed four farmers.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "An attack on a village near Zurmi left four farmers dead.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
)
def clause_subject(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """The subject of the action's clause (of the verb it depends on, walking up) is its side."""
    subjects = [c for c in kids(tok) if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
    if not subjects:
        return None
    # two subjects are a misparse ("ADEN, Yemen (Reuters) - Houthi forces fired"): the one nearest
    # before the verb is the real one
    before = [c for c in subjects if c.i < tok.i]
    child = before[-1] if before else subjects[0]
    if len(before) > 1 and any(t.dep_ == "cc" for t in tok.doc[before[-2].i : before[-1].i]):
        # "the army (SNA), the police and AUSSOM troops clashed": a list the model cut in two, the first named first
        return Subject(tuple(before[-2:]), False, "events.sides.clause_subject")
    followers = loyal_followers(child, w)
    if followers is not None:
        return Subject((followers,), False, "events.sides.loyal_followers")
    return Subject((child,), child.dep_ == "nsubjpass", "events.sides.clause_subject")


@rule(
    "events.sides.noun_before_clause",
    decides="event.actor1",
    positive=[
        Example(
            "Civilians fled as Russia's troops continued to advance on the town.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "Russian troops advanced on the town of Kupiansk.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def noun_before_clause(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "as Moscow's forces continue to push": a clause the model cut from its subject takes the noun before it."""
    if tok.dep_ != "advcl" or tok.i == 0:
        return None
    left = tok.doc[tok.i - 1]
    if left.pos_ in ("NOUN", "PROPN") and left.head.i != tok.i and left.dep_ == "pobj":
        return Subject((left,), False, "events.sides.noun_before_clause")
    return None


@rule(
    "events.sides.reported_content_subject",
    decides="event.actor1",
    positive=[
        Example(
            "Residents, who confirmed the raid, said the gunmen who rode motorcycles, on Monday morning, stormed "
            "the village in Kaduna State, killing five.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "The bandits stormed Kauru on Monday morning, killing five, residents said.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
)
def reported_content_subject(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "Residents said the gunmen ... stormed the village": the content's subject, which the parse gives
    the reporting verb (after it and before the content)."""
    if tok.dep_ != "ccomp" or tok.head.i >= tok.i:
        return None
    late = [c for c in kids(tok.head) if c.dep_ == "nsubj" and tok.head.i < c.i < tok.i]
    return Subject((late[-1],), False, "events.sides.reported_content_subject") if late else None


@rule(
    "events.sides.names_before_verb",
    decides="event.actor1",
    positive=[
        Example(
            "On 22 December 2025, Darod-Majeerteen-Ali Saleban sub-clan clashed with Islamic State Somalia Province "
            "near Qandala.",
            {"event.actor1.name": "Darod-Majeerteen-Ali Saleban Sub-Clan Militia (Somalia)"},
        )
    ],
    negative=[
        Example(
            "On 22 December 2025, Darod-Majeerteen-Ali Saleban sub-clan militia clashed with Islamic State Somalia "
            "Province near Qandala.",
            {"event.actor1.name": "Darod-Majeerteen-Ali Saleban Sub-Clan Militia (Somalia)"},
        )
    ],
)
def names_before_verb(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """A verb the model gave no subject, with names hung on it from the left, is done by the first of them."""
    if (
        tok is not verb
        or tok.pos_ != "VERB"
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in kids(tok))
    ):
        return None
    names = [
        c
        for c in tok.lefts
        if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ != "DATE"
    ]
    return Subject((names[0],), False, "events.sides.names_before_verb") if names else None




@rule(
    "events.sides.phrase_before_verb",
    decides="event.actor1",
    positive=[
        Example(
            "On 3 May 2021, presumed Katiba Macina (JNIM) abducted a trader near Djibo.",
            {"event.actor1.name": "Katiba Macina"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2021, Katiba Macina militants abducted a trader near Djibo.",
            {"event.actor1.name": "Katiba Macina"},
        )
    ],
)
def phrase_before_verb(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """A verb the model gave no subject at all ("presumed Katiba Macina (JNIM) abducted", misread as a phrase
    hung elsewhere) is done by the noun phrase written right before it, its first name first."""
    if tok is not verb:
        return None  # a clause hung on a noun ("a convoy conducting") has that noun as its subject
    nouns = nouns_before_subjectless_root(tok)
    return Subject((nouns[0],), False, "events.sides.phrase_before_verb") if nouns else None


@rule(
    "events.sides.verb_joined_to_noun",
    decides="event.actor1",
    positive=[
        Example(
            "Unknown gunmen on a motorbike shot and wounded a trader in Gao on Friday.",
            {"event.actor1.name": "Unidentified Armed Group (Mali)"},
        )
    ],
    negative=[
        Example(
            "Unknown gunmen wounded a trader in Gao on Friday.",
            {"event.actor1.name": "Unidentified Armed Group (Mali)"},
        )
    ],
)
def verb_joined_to_noun(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "Gunmen on a motorbike shot and wounded a trader", read as a noun phrase ("motorbike shot") with the
    finite verb conjoined to its first noun: that noun is the verb's subject. "JNIM militants assaulted
    villagers", read as "militants" (the root) with "assaulted villagers" as its object: the root is."""
    noun = subject_read_as_head(tok) or (root_before_modifier_verb(tok) if tok.dep_ == "amod" else None)
    return Subject((noun,), False, "events.sides.verb_joined_to_noun") if noun is not None else None


@rule(
    "events.sides.after_a_hedge",
    decides="event.actor1",
    positive=[
        Example(
            "On 8 March 2024, suspected ISGS militants seized goats in the village of Zongo near Kaya.",
            {"event.actor1.name": "Islamic State (Sahel)"},
        )
    ],
    negative=[
        Example(
            "On 8 March 2024, ISGS militants seized goats in the village of Zongo near Kaya.",
            {"event.actor1.name": "Islamic State (Sahel)"},
        )
    ],
)
def after_a_hedge(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "Suspected ISGS militants seized goats", parsed with "suspected" as the root verb and the rest its
    clause: the words between the hedge and the action are the action's subject."""
    root = tok.head
    if tok is not verb or tok.dep_ != "ccomp" or root.dep_ != "ROOT" or lemma(root) not in w.hedge_words:
        return None
    if not root.i < tok.i - 1 or any(c.dep_ in ("nsubj", "nsubjpass") and c.i > root.i for c in kids(root)):
        return None
    between = [t for t in tok.doc[root.i + 1 : tok.i] if t.is_alpha]
    return Subject(tuple(between), False, "events.sides.after_a_hedge") if between else None


@rule(
    "events.sides.verbless_root",
    decides="event.actor1",
    positive=[
        Example(
            "On 3 May 2024, an unidentified man armed with an AK-47 rifle shot and killed a civilian in Afgooye.",
            {"event.actor1.name": "Unidentified Armed Group (Somalia)", "event.sub_event_type": "Attack"},
        ),
        Example(  # the pistols the parser made the subject of "shot" are passed over (carried_weapons)
            "On 20 April 2024, unidentified gunmen armed with pistols shot and killed a civilian businessman at"
            " the market junction in Mogadishu.",
            {"event.actor1.name": "Unidentified Armed Group (Somalia)"},
        ),
    ],
    negative=[
        Example(
            "Two soldiers killed in an ambush near Afgooye on Monday.",
            {"!event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def verbless_root(tok: Token, verb: Token, w: SideWords) -> Subject | None:
    """ "An unidentified man armed with a rifle shot and killed a trader", parsed as a sentence with no verb
    ("man" the root, "shot" a clause of "rifle"): the root noun does what a finite verb below it tells, or a
    participle the parser buried in the phrase ("soldiers armed with rifles opened gunfire on")."""
    if tok is verb or tok.dep_ != "ROOT" or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.tag_ != "VBD" and (verb.tag_ != "VBN" or verb.head.i == tok.i):
        return None  # "Two soldiers killed in an ambush": a participle on the root describes it
    return Subject((tok,), False, "events.sides.verbless_root")


_SUBJECT_STEPS: Final = (
    action_possessor,
    accused_of,
    clause_subject,
    noun_before_clause,
    verb_joined_to_noun,
    after_a_hedge,
    reported_content_subject,
    names_before_verb,
    phrase_before_verb,
    verbless_root,
)


def _walks_up(tok: Token) -> bool:
    """Whether a clause, phrase or object noun takes its subject from its head."""
    if tok.dep_ in ("xcomp", "conj", "acl", "advcl", "pcomp", "pobj", "prep"):
        return True
    return tok.dep_ == "dobj" and tok.pos_ == "NOUN"


@rule(
    "events.sides.reaction_is_no_side",
    decides="event.actor1",
    positive=[
        Example(
            "Somalia's federal government on Monday condemned the Al Shabaab shelling of a district of Kismayo on"
            " Saturday, which it said killed six children.",
            {"!event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
    negative=[
        Example(
            "Somali troops on Monday shelled Al Shabaab positions near Kismayo, the army said.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def reaction_is_no_side(tok: Token, w: SideWords) -> bool | None:
    """Who reacts to an action named as the object of a reaction verb ("the government condemned the shelling")
    did not do it: the walk up to a subject stops there. The verbs are data (``reaction_verbs``)."""
    return True if lemma(tok.head) in w.reaction_verbs and tok.head.i != tok.i else None


def _subject_of(verb: Token, w: SideWords) -> Subject | None:
    """The subject of a verb's clause, by the first step that finds it, walking up from xcomp, conj, acl..."""
    tok = verb
    for _ in range(_MAX_WALK):
        found = first(_SUBJECT_STEPS, tok, verb, w)
        if found is not None and not all(lemma(t) in w.carried_weapons for t in found.value.tokens):
            return found.value  # "gunmen armed with pistols shot": the pistols are not who shot
        if not _walks_up(tok):
            return None
        if reaction_is_no_side(tok, w):
            return None
        tok = tok.head
    return None


# -- a verb's sides ----------------------------------------------------------------------------


@rule(
    "events.sides.came_under_fire",
    decides="event.actor2",
    positive=[
        Example(
            "An army convoy came under fire near Tillaberi.",
            {"!event.actor1.name": "Military Forces of Niger (2023-)"},
        ),
        Example(
            "Soldiers came under fire from gunmen during a patrol near Culiacan on Monday, the army said.",
            {"event.actor1.name": "Unidentified Armed Group (Mexico)", "event.event_type": "Battles"},
        ),
    ],
    negative=[
        Example(
            "Nigerien soldiers clashed with militants near Tillaberi.",
            {"event.actor1.name": "Military Forces of Niger (2023-)"},
        )
    ],
)
def came_under_fire(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "The rebels came under fire": the subject of "come under" is acted upon; whoever the fire came "from"
    ("came under fire from gunmen") acts."""
    unders = [c for c in kids(verb) if c.lower_ == "under"]
    if lemma(verb) not in w.under_fire_verbs or not unders:
        return None
    heads = [verb, *unders, *(p for u in unders for p in _pobjs(u))]
    agents = [p for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ == "from" for p in _pobjs(c)]
    return _found(agents=agents, patients=subject.tokens)


@rule(
    "events.sides.struck_device",
    decides="event.actor2",
    positive=[
        Example(
            "A Malian army vehicle struck an IED near Douentza on Monday. Two soldiers were killed. The device was"
            " likely planted by JNIM militants.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims",
             "event.actor2.name": "Military Forces of Mali (2020-)"},
            date=dt.date(2021, 3, 1),
        ),
    ],
    negative=[
        Example(
            "JNIM militants planted an IED near Douentza on Monday. Two soldiers were killed.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims"},
            date=dt.date(2021, 3, 1),
        )
    ],
)
def struck_device(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "An army vehicle struck an IED", "a patrol stepped on a landmine": the subject is the side the device hit,
    not its doer (whoever planted it is, when the report names them)."""
    if lemma(verb) not in w.device_strike_verbs:
        return None
    objects = [c for c in kids(verb) if c.dep_ in ("dobj", "obj")]
    preps = [c for c in kids(verb) if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "over", "into")]
    objects += [p for c in preps for p in _pobjs(c)]
    if not any(o.lower_ in w.struck_devices or lemma(o) in w.struck_devices for o in objects):
        return None
    return _found(patients=subject.tokens)


@rule(
    "events.sides.seen_present",
    decides="event.actor1",
    positive=[
        Example(
            "About 40 Al Shabaab fighters were seen near Jilib town on Tuesday.",
            {"event.actor1.name": "Al Shabaab", "event.sub_event_type": "Change to group/activity"},
        )
    ],
    negative=[
        Example(
            "Al Shabaab fighters attacked an army base near Jilib town on Tuesday.",
            {"event.actor1.name": "Al Shabaab", "event.event_type": "Battles"},
        )
    ],
)
def seen_present(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "Fighters were seen near X", "troops were deployed to Y": the passive's subject is the one present or
    moving, the actor of the activity, not a side acted upon."""
    return _found(agents=subject.tokens) if subject.passive and lemma(verb) in w.presence_verbs else None


@rule(
    "events.sides.passive_subject",
    decides="event.actor2",
    positive=[
        Example(
            "Four farmers were killed by gunmen near Zurmi on Tuesday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Gunmen killed four farmers near Zurmi on Tuesday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
)
def passive_subject(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """The subject of a passive verb of its own ("farmers were killed") is acted upon."""
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb))
    return _found(patients=subject.tokens) if own and subject.passive else None


@rule(
    "events.sides.passive_agent",
    decides="event.actor1",
    positive=[
        Example(
            "Four farmers were killed by gunmen near Zurmi on Tuesday.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Gunmen killed four farmers near Zurmi on Tuesday.",
            {"event.actor1.name": "Unidentified Armed Group (Nigeria)"},
        )
    ],
)
def passive_agent(child: Token, w: SideWords) -> Found | None:
    """ "Killed by gunmen": the agent of a passive acts."""
    return _found(agents=_pobjs(child)) if child.dep_ == "agent" else None


@rule(
    "events.sides.target_owner",
    decides="event.actor2",
    positive=[
        Example(
            "Police seized weapons belonging to Al Shabaab in Beledweyne on Monday.",
            {"event.actor2.name": "Al Shabaab"},
        ),
        Example(
            "Somali soldiers defused an IED planted by Al Shabaab near Jowhar on Monday.",
            {"event.actor2.name": "Al Shabaab"},
        ),
    ],
    negative=[
        Example(
            "Police seized weapons in Beledweyne on Monday.",
            {"!event.actor2.name": "Al Shabaab"},
        )
    ],
)
def target_owner(child: Token, w: SideWords) -> Found | None:
    """ "Seized weapons belonging to X", "struck a site used by X", "defused an IED planted by X": the side an
    action's object belongs to is the side acted upon."""
    if child.dep_ not in ("dobj", "obj"):
        return None
    for t in kids(child):
        if t.dep_ not in ("acl", "relcl") or lemma(t) not in w.owner_verbs:
            continue
        owners = [p for c in kids(t) if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "to") for p in _pobjs(c)]
        if owners:
            return _found(patients=(*owners, child))
    return None


@rule(
    "events.sides.object_acted_upon",
    decides="event.actor2",
    positive=[
        Example(
            "Soldiers ambushed JNIM fighters near Djenne on Wednesday.",
            {"event.actor2.name": "JNIM: Group for Support of Islam and Muslims"},
        )
    ],
    negative=[
        Example(
            "JNIM fighters clashed with soldiers near Djenne on Wednesday.",
            {"event.actor1.name": "JNIM: Group for Support of Islam and Muslims"},
        )
    ],
)
def object_acted_upon(child: Token, w: SideWords) -> Found | None:
    """The object of an action verb is acted upon: "ambushed the fighters"."""
    return _found(patients=(child,)) if child.dep_ in ("dobj", "obj") else None


@rule(
    "events.sides.target_preposition",
    decides="event.actor2",
    positive=[
        Example(
            "JNIM fighters clashed with Malian soldiers near Djenne on Wednesday.",
            {"event.actor2.name": "Military Forces of Mali (2020-)"},
        )
    ],
    negative=[
        Example(
            "JNIM fighters ambushed Malian soldiers near Djenne.",
            {"event.actor2.name": "Military Forces of Mali (2020-)"},
        )
    ],
)
def target_preposition(child: Token, w: SideWords) -> Found | None:
    """ "Fired on", "clashed with", "attacks against": the preposition's object is acted upon."""
    word = child.lower_
    if child.dep_ != "prep" or (word not in w.target_prepositions and word not in w.clash_prepositions):
        return None
    return _found(patients=_pobjs(child))


@rule(
    "events.sides.counted_range",
    decides="event.actor2",
    positive=[
        Example(
            "Suspected Allied Democratic Forces (ADF) rebels killed between 12 and 20 villagers in an attack on Mamove"
            " in eastern Democratic Republic of Congo on Sunday, a local leader said.",
            {"event.actor2.name": "Civilians (Democratic Republic of Congo)", "event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Clashes between the army and the RSF killed 12 people in El Fasher on Sunday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)"},
        )
    ],
)
def counted_range(child: Token, w: SideWords) -> Found | None:
    """ "Killed between 12 and 20 villagers": "between" with a counted noun gives the range of a count, and the
    noun is acted upon; it names no two sides of a fight (:func:`fight_between`)."""
    if child.dep_ != "prep" or child.lower_ != "between":
        return None
    counted = [p for p in _pobjs(child) if any(c.dep_ == "nummod" for c in kids(p))]
    return _found(patients=counted) if counted else None


@rule(
    "events.sides.fight_between",
    decides="event.actor1",
    positive=[
        Example(
            "Clashes between the army and the RSF killed 12 people in El Fasher on Sunday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)", "event.actor2.name": "Rapid Support Forces"},
        )
    ],
    negative=[
        Example(
            "The army fought the RSF in El Fasher on Sunday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)"},
        )
    ],
)
def fight_between(child: Token, w: SideWords) -> Found | None:
    """ "Clashes between the army and the militia": the first named acts, the other is acted upon."""
    if child.dep_ != "prep" or child.lower_ != "between":
        return None
    agents, patients = _between(child)
    return _found(agents=agents, patients=patients)


@rule(
    "events.sides.targeting_clause",
    decides="event.actor2",
    positive=[
        Example(
            "Drones attacked targeting the army base in Beledweyne.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        )
    ],
    negative=[
        Example(
            "Drones attacked the army base in Beledweyne.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def targeting_clause(child: Token, w: SideWords) -> Found | None:
    """ "fired rockets targeting the base": the object of "targeting" is acted upon."""
    if child.dep_ != "xcomp" or lemma(child) not in w.target_verbs:
        return None
    return _found(patients=(c for c in kids(child) if c.dep_ == "dobj"))


_VERB_CHILD_RULES: Final = (
    passive_agent,
    target_owner,
    object_acted_upon,
    target_preposition,
    counted_range,
    fight_between,
    targeting_clause,
)
# what each of them tests first: a child with none of these labels is decided by none of them
_VERB_CHILD_DEPS: Final = frozenset(get_string_id(d) for d in ("agent", "dobj", "obj", "prep", "xcomp"))


@rule(
    "events.sides.reciprocal_pair",
    decides="event.actor2",
    positive=[
        Example(
            "Marehan and Dir clan militias clashed near Cabudwaaq on Friday over grazing land.",
            {"event.actor2.name": "Dir Clan Militia (Somalia)"},
        )
    ],
    negative=[
        Example(
            "Marehan clan militia clashed with Dir clan militia near Cabudwaaq on Friday over grazing land.",
            {"event.actor2.name": "Dir Clan Militia (Somalia)"},
        )
    ],
)
def reciprocal_pair(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "X and Y clashed": with a verb of fighting each other and no other side named, the second of the
    subject's pair is acted upon (not an ally)."""
    if lemma(verb) not in w.reciprocal_verbs or subject.passive:
        return None
    if any(c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ in w.clash_prepositions) for c in kids(verb)):
        return None
    for tok in subject.tokens:
        others = [c for c in conjuncts(tok) if c.i > tok.i]
        if not others:
            # "A and B sub-clan militia": the pair inside one noun phrase, after its "and"
            others = _pair_in_phrase(tok)[1][:1]
        if others:
            return _found(patients=others[:1])
    return None


@rule(
    "events.sides.surrendered_to",
    decides="event.actor1",
    positive=[
        Example(
            "Five Al-Shabaab fighters surrendered to Somali troops in Baidoa on Monday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)", "event.actor2.name": "Al Shabaab"},
        )
    ],
    negative=[
        Example(
            "Somali troops captured five Al-Shabaab fighters in Baidoa on Monday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def surrendered_to(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "Militants surrendered to the army": who receives a surrender or a defection is actor1, who gives up actor2."""
    if lemma(verb) not in w.surrender_verbs:
        return None
    to = [p for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "to" for p in _pobjs(c)]
    return _found(front=to[:1], patients=subject.tokens) if to else None


@rule(
    "events.sides.device_placed_by",
    decides="event.actor1",
    positive=[
        Example(
            "A roadside bomb planted by Al-Shabaab exploded near Afgoye on Monday, killing two soldiers.",
            {"event.actor1.name": "Al Shabaab"},
        )
    ],
    negative=[
        Example(
            "A roadside bomb exploded near Afgoye on Monday, killing two Somali soldiers.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def device_placed_by(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "A bomb planted by the militants exploded": who placed or fired the device that is the subject acted."""
    placed = [p for t in subject.tokens for c in kids(t) if c.dep_ == "acl" for p in _carried_out_by(c, w)]
    return _found(front=placed) if placed else None


def _parties(verb: Token, subject: Subject, deal: Token | None, w: SideWords) -> Found | None:
    """The two parties of a deal: the subject's first, and the other one ("with" it, or its "and")."""
    if subject.passive or not subject.tokens:
        return None
    holders = (verb,) if deal is None else (verb, deal)
    others = [p for h in holders for c in kids(h) if c.dep_ == "prep" and c.lower_ in w.clash_prepositions
              for p in _pobjs(c)]
    first_party = subject.tokens[0]
    others += [c for c in conjuncts(first_party) if c.i > first_party.i]
    return _found(agents=(first_party,), patients=others[:1])


@rule(
    "events.sides.pact_pair",
    decides="event.actor2",
    positive=[
        Example(
            "The Sudanese army and the RSF signed a truce in Jeddah on Friday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)", "event.actor2.name": "Rapid Support Forces"},
        )
    ],
    negative=[
        Example(
            "The Sudanese army and the RSF clashed in El Fasher on Friday.",
            {"event.sub_event_type": "Armed clash", "event.actor2.name": "Rapid Support Forces"},
        )
    ],
)
def pact_pair(verb: Token, subject: Subject, w: SideWords) -> Found | None:
    """ "X and Y signed a truce", "X signed a deal with Y": both are parties (actor1 and actor2), not allies."""
    if lemma(verb) not in w.pact_verbs:
        return None
    deals = [c for c in kids(verb) if c.dep_ in ("dobj", "obj") and lemma(c) in w.pact_nouns]
    deals += [p for c in kids(verb) if c.dep_ == "prep" and c.lower_ in ("to", "on") for p in _pobjs(c)
              if lemma(p) in w.pact_nouns]
    return _parties(verb, subject, deals[0], w) if deals else None


@rule(
    "events.sides.object_read_as_head",
    decides="event.actor2",
    positive=[
        Example(
            "JNIM militants assaulted villagers in Arbinda on Monday.",
            {"event.actor2.name": "Civilians (Burkina Faso)"},
        )
    ],
    negative=[
        Example(
            "JNIM militants attacked villagers in Arbinda on Monday.",
            {"event.actor2.name": "Civilians (Burkina Faso)"},
        )
    ],
)
def object_read_as_head(verb: Token, w: SideWords) -> Found | None:
    """ "JNIM militants assaulted villagers" parsed with no verb ("assaulted" an adjective of "villagers", the
    object of the root "militants"): the noun the verb hangs on is the one acted upon."""
    if verb.dep_ == "amod" and root_before_modifier_verb(verb) is not None:
        return _found(patients=(verb.head,))
    return None


@rule(
    "events.sides.shared_object",
    decides="event.actor2",
    positive=[
        Example(
            "On 8 May 2021, gunmen attacked and assaulted three farmers near Offa (Offa LGA, Kwara).",
            {"event.sub_event_type": "Attack", "event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "On 8 May 2021, gunmen attacked the police post near Offa (Offa LGA, Kwara) and farmers fled.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def shared_object(verb: Token, w: SideWords) -> Found | None:
    """ "Gunmen attacked and assaulted three farmers": a verb with no object of its own, joined by a bare "and"
    to the next verb, which has an object and no subject of its own, acts on that object too (the parse hangs
    the shared object on the second verb only)."""
    doc = verb.doc
    if lemma(verb) not in w.shared_object_verbs:
        return None  # "gathered and commanded fighters", "captured and beat a man": no one assaulted by the first
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ not in ("and", "&"):
        return None
    nxt = doc[verb.i + 2]
    if nxt.dep_ != "conj" or nxt.head.i != verb.i or nxt.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(nxt)):
        return None
    return _found(patients=_objects(nxt))


def _verb_sides(head: Token, w: SideWords, out: Sides) -> None:
    subject = _subject_of(head, w)
    if subject is not None:
        decided = first(
            (
                came_under_fire,
                struck_device,
                seen_present,
                passive_subject,
                surrendered_to,
                device_placed_by,
                pact_pair,
            ),
            head,
            subject,
            w,
        )
        if decided is not None:
            out.take(decided.value, decided.rule)
        else:
            out.take(Found(agents=subject.tokens), subject.rule)
            pair = reciprocal_pair(head, subject, w)
            if pair is not None:
                out.take(pair, reciprocal_pair.name)
    misread = object_read_as_head(head, w)
    if misread is not None:
        out.take(misread, object_read_as_head.name)
    _children(head, _VERB_CHILD_RULES, w, out, _VERB_CHILD_DEPS)
    # ("On 8 May" read as a target is a date, no object)
    if all(t.ent_type_ in ("DATE", "TIME") for t in out.patient_tokens):
        shared = shared_object(head, w)
        if shared is not None:
            out.take(shared, shared_object.name)


def _children(
    head: Token,
    rules: Iterable[Callable[[Token, SideWords], Found | None]],
    w: SideWords,
    out: Sides,
    deps: frozenset[int],
) -> None:
    """Each child of the head, by the first rule that applies to it (in the children's order).

    ``deps``: the dependency labels (ids) a child needs for one of the rules to apply; other children
    are not offered to the rules (read from the per-Doc ids, no Token attribute per child)."""
    doc = head.doc
    walk, dep = tree(doc), doc_index(doc).dep
    for k in walk.kid_ids(head.i):
        if dep[k] in deps:
            decided = first(rules, walk.tokens[k], w)
            if decided is not None:
                out.take(decided.value, decided.rule)


# -- an action noun's sides ------------------------------------------------------------------


@rule(
    "events.sides.action_owner",
    decides="event.actor1",
    positive=[
        Example(
            "A Russian missile strike hit Kharkiv on Monday, killing three civilians.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "Russian forces fired missiles at Kharkiv.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        ),
        Example(  # the country after a direction word is where; the rebels act
            "ADF rebels kill 14 in eastern Congo attack; residents block roads in Butembo\n\nGOMA, Democratic"
            " Republic of Congo (Reuters) - Fighters of the Allied Democratic Forces (ADF) attacked the village of"
            " Mangina in eastern Congo's North Kivu province on Sunday night, killing 14 civilians, the army said.",
            {"lead.actor1.name": "ADF: Allied Democratic Forces"},
        ),
    ],
)
def action_owner(child: Token, w: SideWords) -> Found | None:
    """ "Ukraine's counterattack", "a Russian strike", "a coalition air raid": the owner of an action noun acts.

    A name after a direction word ("in eastern Congo attack", "a northern Mali raid") is a region: where,
    not who."""
    if child.dep_ == "poss":
        return _found(agents=(child,))
    if child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN"):
        before = child.doc[child.i - 1].lower_ if child.i > 0 else ""
        if child.lower_ in _DIRECTIONS or (child.pos_ == "PROPN" and before in _DIRECTIONS):
            return None
        return _found(agents=(child,))
    return None


@rule(
    "events.sides.action_by",
    decides="event.actor1",
    positive=[
        Example(
            "A missile strike by Russian forces hit Kharkiv on Monday, killing three civilians.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
    negative=[
        Example(
            "A Russian missile strike hit Kharkiv on Monday, killing three civilians.",
            {"event.actor1.name": "Military Forces of Russia (2000-)"},
        )
    ],
)
def action_by(child: Token, w: SideWords) -> Found | None:
    """ "An attack by the RSF": the "by" agent acts, before a place-like modifier ("Sudan village attack by RSF")."""
    return _found(front=_pobjs(child)) if child.dep_ == "prep" and child.lower_ == "by" else None


@rule(
    "events.sides.action_blamed_on",
    decides="event.actor1",
    positive=[
        Example(
            "Four soldiers were killed on Tuesday in an attack blamed on jihadists near Djibo. Militants also"
            " burned a school in Niger.",
            {"lead.actor1.name": "Unidentified Armed Group (Burkina Faso)"},
        )
    ],
    negative=[
        Example(
            "Four soldiers were killed on Tuesday in an attack by jihadists near Djibo.",
            {"event.actor1.name": "Unidentified Armed Group (Burkina Faso)"},
        )
    ],
)
def action_blamed_on(child: Token, w: SideWords) -> Found | None:
    """ "An attack blamed on jihadists", "a bombing attributed to Al Shabaab": whom it is put on acted."""
    if child.dep_ != "acl" or lemma(child) not in ("blame", "attribute"):
        return None
    preps = [c for c in kids(child) if c.dep_ == "prep" and c.lower_ in ("on", "to")]
    return _found(front=[p for c in preps for p in _pobjs(c)]) if preps else None


@rule(
    "events.sides.action_target",
    decides="event.actor2",
    positive=[
        Example(
            "An attack on an army base near Djibo killed ten soldiers on Friday.",
            {"event.actor2.name": "Military Forces of Burkina Faso (2022-)"},
        )
    ],
    negative=[
        Example(
            "Burkinabe soldiers repelled jihadists near Djibo.",
            {"event.actor1.name": "Military Forces of Burkina Faso (2022-)"},
        )
    ],
)
def action_target(child: Token, w: SideWords) -> Found | None:
    """ "An attack on the base", "the killing of villagers", "clashes with the militia": the object is acted upon."""
    if child.dep_ != "prep":
        return None
    if child.lower_ in w.target_prepositions or child.lower_ in w.nominal_target_prepositions:
        return _found(patients=_pobjs(child))
    return None


def _carried_out_by(verb: Token, w: SideWords) -> tuple[Token, ...]:
    """The agent of a passive light verb hanging on a nominal, directly or under "believed to"."""
    for v in (verb, *(c for c in kids(verb) if c.dep_ in ("xcomp", "ccomp"))):
        word = lemma(v)
        if word in w.light_verbs or word in w.placed_device_verbs:
            return tuple(p for a in kids(v) if a.dep_ == "agent" for p in kids(a) if p.dep_ == "pobj")
    return ()


@rule(
    "events.sides.carried_out_by",
    decides="event.actor1",
    positive=[
        Example(
            "Eight people died in a drone strike carried out by the Malian army near Kidal.",
            {"event.actor1.name": "Military Forces of Mali (2020-)"},
        )
    ],
    negative=[
        Example(
            "A drone strike killed eight people near Kidal on Sunday.",
            {"event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def carried_out_by(child: Token, w: SideWords) -> Found | None:
    """ "A strike carried out by the army", "landmines planted by the militants": that agent acts."""
    return _found(front=_carried_out_by(child, w)) if child.dep_ == "acl" else None


@rule(
    "events.sides.action_victims",
    decides="event.actor2",
    positive=[
        Example(
            "Gunmen carried out an attack that killed five worshippers near Mubi on Friday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
    negative=[
        Example(
            "Gunmen killed five worshippers near Mubi on Friday.",
            {"event.actor2.name": "Civilians (Nigeria)"},
        )
    ],
)
def action_victims(child: Token, w: SideWords) -> Found | None:
    """ "An attack that killed five", "a strike wounding ten": the victims of the clause are acted upon."""
    if child.dep_ not in ("relcl", "acl") or lemma(child) not in w.victim_clause_verbs:
        return None
    return _found(patients=_objects(child))


_NOMINAL_CHILD_RULES: Final = (
    action_owner,
    action_by,
    action_blamed_on,
    fight_between,
    action_target,
    carried_out_by,
    action_victims,
)
# what each of them tests first (see _VERB_CHILD_DEPS)
_NOMINAL_CHILD_DEPS: Final = frozenset(
    get_string_id(d) for d in ("poss", "amod", "compound", "nmod", "prep", "acl", "relcl")
)


@rule(
    "events.sides.claimed_responsibility",
    decides="event.actor1",
    positive=[
        Example(
            "Islamic State claimed responsibility for a suicide bombing in Kabul on Friday that killed six people.",
            {"event.actor1.name": "Islamic State (Afghanistan)"},
        )
    ],
    negative=[
        Example(
            "A suicide bombing in Kabul killed six people on Friday.",
            {"event.sub_event_type": "Suicide bomb"},
        )
    ],
)
def claimed_responsibility(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "Islamic State claimed responsibility for a suicide bombing": the claimer acted."""
    gov = head.head
    if head.dep_ != "pobj" or gov.lower_ != "for" or lemma(gov.head) not in w.responsibility_nouns:
        return None
    claimer = gov.head.head
    return _found(agents=(c for c in kids(claimer) if c.dep_ == "nsubj"))


@rule(
    "events.sides.light_verb_subject",
    decides="event.actor1",
    positive=[
        Example(
            "Al-Shabaab launched an attack on a military base in Beledweyne on Monday.",
            {"event.actor1.name": "Al Shabaab"},
        ),
        Example(
            "Gunmen stormed a village near Kabalo on Monday, killing six people. The attack was carried out by"
            " Twa militiamen, the governor said.",
            {"event.actor1.name": "Twa Ethnic Militia (Democratic Republic of Congo)"},
        ),
    ],
    negative=[
        Example(
            "An attack on a military base in Beledweyne killed three soldiers.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def light_verb_subject(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "X launched an attack on Y": the light verb's subject acts, its "on" object is acted upon."""
    return _governed(head, w.light_verbs | w.launch_verbs, w, taken)


@rule(
    "events.sides.claimed_action",
    decides="event.actor1",
    positive=[
        Example(
            "Al-Shabaab claimed an IED attack against Somali troops near Afgoye on Monday.",
            {"event.actor1.name": "Al Shabaab"},
        )
    ],
    negative=[
        Example(
            "An IED attack against Somali troops near Afgoye killed three soldiers on Monday.",
            {"event.actor2.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def claimed_action(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "ISWAP claimed an attack on troops": who claims the action as its own did it."""
    return _governed(head, w.claim_verbs, w, taken)


def _governed(head: Token, verbs: frozenset[str], w: SideWords, taken: Sequence[Token]) -> Found | None:
    """The sides of an action noun that is the object of one of ``verbs``: the verb's subject and targets."""
    gov = head.head
    if head.dep_ == "nsubjpass" and lemma(gov) in verbs:
        # "the attack was carried out by X", "the bombing was claimed by X": the passive's agent did it
        agents = tuple(p for a in kids(gov) if a.dep_ == "agent" for p in _pobjs(a))
        return _found(agents=agents) if agents else None
    if head.dep_ not in ("dobj", "obj", "attr") or lemma(gov) not in verbs:
        return None
    subject = _subject_of(gov, w)
    patients = [p for c in kids(gov) if c.dep_ == "prep" and c.lower_ in w.target_prepositions for p in _pobjs(c)]
    for t in subtree(gov):
        if lemma(t) in w.target_verbs and t.pos_ == "VERB" and not patients and not taken:
            patients += _objects(t)
    return _found(agents=subject.tokens if subject else (), patients=patients)


@rule(
    "events.sides.action_as_subject",
    decides="event.actor2",
    positive=[
        Example(
            "A drone strike killed four fighters of the group near Sirte on Tuesday.",
            {"event.event_type": "Explosions/Remote violence"},
        )
    ],
    negative=[
        Example(
            "Four fighters died in a drone strike near Sirte on Tuesday.",
            {"event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def action_as_subject(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "A drone strike killed four fighters": the verb's object is acted upon; "believed to have been carried
    out by the army" gives who acted; "fighting broke out between X and Y" the two sides."""
    gov = head.head
    if head.dep_ != "nsubj" or gov.pos_ != "VERB":
        return None
    between = [_between(c) for c in kids(gov) if c.dep_ == "prep" and c.lower_ == "between"]
    agents = [t for b in between for t in b[0]]
    patients = [*_objects(gov), *(t for b in between for t in b[1])]
    return _found(front=_carried_out_by(gov, w), agents=agents, patients=patients)


@rule(
    "events.sides.action_in_clause",
    decides="event.actor2",
    positive=[
        Example(
            "Six civilians were killed in air strikes on Idlib on Tuesday.",
            {"event.actor2.name": "Civilians (Syria)"},
        )
    ],
    negative=[
        Example(
            "Air strikes on Idlib killed six civilians on Tuesday.",
            {"event.actor2.name": "Civilians (Syria)"},
        )
    ],
)
def action_in_clause(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "Civilians were killed in air strikes": the passive subject is acted upon; "the army killed ten in a
    raid": the subject of a harming verb acts, its object is acted upon."""
    gov = head.head
    if head.dep_ != "pobj" or gov.dep_ not in ("prep", "agent") or gov.head.pos_ != "VERB":
        return None
    verb = gov.head
    subject = _subject_of(verb, w)
    if subject is not None and subject.passive:
        return _found(patients=subject.tokens)
    if lemma(verb) in w.harm_verbs:
        return _found(agents=subject.tokens if subject else (), patients=_objects(verb))
    return None


@rule(
    "events.sides.pact_parties",
    decides="event.actor1",
    positive=[
        Example(
            "The Sudanese army signed a ceasefire with the RSF in Jeddah on Friday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)", "event.actor2.name": "Rapid Support Forces"},
        )
    ],
    negative=[
        Example(
            "A ceasefire between the Sudanese army and the RSF began in Jeddah on Friday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)", "event.actor2.name": "Rapid Support Forces"},
        )
    ],
)
def pact_parties(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "X signed a ceasefire with Y", "X and Y agreed to a truce": the deal's parties are its two sides."""
    if lemma(head) not in w.pact_nouns:
        return None
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ in ("to", "on"):
        gov = gov.head
    elif head.dep_ not in ("dobj", "obj"):
        return None
    if lemma(gov) not in w.pact_verbs:
        return None
    subject = _subject_of(gov, w)
    return _parties(gov, subject, head, w) if subject is not None else None


@rule(
    "events.sides.broke_out_between",
    decides="event.actor1",
    positive=[
        Example(
            "Fighting broke out between the army and the RSF in El Obeid on Sunday.",
            {"event.actor1.name": "Military Forces of Sudan (2019-)", "event.actor2.name": "Rapid Support Forces"},
        )
    ],
    negative=[
        Example(
            "Fighting broke out in El Obeid on Sunday, residents said.",
            {"event.sub_event_type": "Armed clash"},
        )
    ],
)
def broke_out_between(head: Token, w: SideWords, taken: Sequence[Token]) -> Found | None:
    """ "Fighting broke out between X and Y", "clashes erupted between": the verb's "between" names the sides."""
    gov = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or lemma(gov) not in w.onset_verbs:
        return None
    for c in kids(gov):
        if c.dep_ == "prep" and c.lower_ == "between":
            agents, patients = _between(c)
            return _found(agents=agents, patients=patients)
    return None


_GOVERNOR_RULES: Final = (
    broke_out_between,
    pact_parties,
    light_verb_subject,
    claimed_action,
    action_as_subject,
    action_in_clause,
)


def _nominal_sides(head: Token, w: SideWords, out: Sides) -> None:
    _children(head, _NOMINAL_CHILD_RULES, w, out, _NOMINAL_CHILD_DEPS)
    claimed = claimed_responsibility(head, w, out.patient_tokens)
    if claimed is not None:
        out.take(claimed, claimed_responsibility.name)
    decided = first(_GOVERNOR_RULES, head, w, out.patient_tokens)
    if decided is not None:
        out.take(decided.value, decided.rule)


# -- allies ---------------------------------------------------------------------------------


@rule(
    "events.sides.allies",
    decides="event.assoc_actors",
    positive=[
        Example(
            "Somali troops backed by Turkish drones attacked Al-Shabaab positions near Jilib on Monday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
    negative=[
        Example(
            "Somali troops attacked Al-Shabaab positions near Jilib on Monday.",
            {"event.actor1.name": "Military Forces of Somalia (2022-)"},
        )
    ],
)
def allies(agent: Token, patients: tuple[Token, ...], w: SideWords) -> Found | None:
    """ "Forces backed by Saudi Arabia and the UAE", "X and allied fighters": allies of the acting side."""
    found: list[Token] = []
    for child in kids(agent):
        if child.dep_ == "acl" and lemma(child) in w.support_verbs:
            for a in (c for c in kids(child) if c.dep_ == "agent"):
                for p in _pobjs(a):
                    found += _conjuncts(p)
    found += [c for c in conjuncts(agent) if c.i > agent.i and c not in patients]
    return _found(assoc=found)


_EITHER_BOKO_HARAM: Final = (
    "Islamic State (West Africa) and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
)


@rule(
    "events.sides.device_of_action",
    decides="event.actor1",
    positive=[
        Example(
            "The explosion of a device planted by Boko Haram near Mainok injured two engineers on Monday.",
            {"event.actor1.name": _EITHER_BOKO_HARAM},
        )
    ],
    negative=[
        Example(
            "The explosion of a device near Mainok injured two engineers on Monday.",
            {"event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def device_of_action(patients: Sequence[Token], w: SideWords) -> Found | None:
    """ "Struck an IED planted by the militants", "the explosion of a device planted by X": who planted the
    device the action is about acted."""
    placed = [p for t in patients for c in kids(t) if c.dep_ == "acl" for p in _carried_out_by(c, w)]
    return _found(front=placed[:1]) if placed else None


def sides(head: Token, lex: Lexicon | None = None, words: SideWords | None = None) -> Sides:
    """Agent, patient and associated tokens for a trigger head token, each with the rule that found it."""
    w = words or side_words(lex=lex)
    out = Sides()
    if head.pos_ in ("VERB", "AUX"):
        _verb_sides(head, w, out)
    else:
        _nominal_sides(head, w, out)
    patients = tuple(out.patient_tokens)
    if not out.agent_tokens:
        placed = device_of_action(patients, w)
        if placed is not None:
            out.take(placed, device_of_action.name)
    for tok in list(out.agent_tokens):
        found = allies(tok, patients, w)
        if found is not None:
            out.take(found, allies.name)
    return out


def _core(tok: Token) -> tuple[int, int]:
    """Character range of a noun phrase up to its head (no trailing prepositions or clauses)."""
    start = tok.left_edge.idx
    return start, tok.idx + len(tok.text)


def actor_of(tok: Token, draft: Draft, at: Callable[[int, int], Actor | None] | None = None) -> Actor | None:
    """The draft actor a token's noun phrase names; pronouns fall back to the latest armed actor.

    ``at`` stands in for ``draft.actor_at`` (the same answers, e.g. from a per-document index).
    """
    actor_at = at or draft.actor_at
    actor = actor_at(tok.idx, tok.idx + len(tok.text)) or _leftmost(tok, actor_at)
    if actor is None:
        # "340 members of the Ukrainian armed forces": the group the counted people belong to
        for prep in kids(tok):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in kids(prep):
                    if pobj.dep_ == "pobj":
                        actor = actor_at(*_core(pobj))
    if actor is None and tok.lower_ in side_words().pronouns:
        subject = _main_subject(tok)
        if subject is not None:
            start, end = _core(subject)
            actor = actor_at(subject.idx, subject.idx + len(subject.text)) or actor_at(start, end)
            if actor is None and tok.lower_ == "it" and subject.tag_ == "NN":
                return None  # "the drone had been targeting bandits when it hit the village": "it" is the drone
        actor = actor or _latest_armed(draft, tok.idx)
    return actor


def _leftmost(tok: Token, actor_at: Callable[[int, int], Actor | None]) -> Actor | None:
    """The first actor named before a noun phrase's head: "Katiba Macina (JNIM) militants" are Katiba Macina's."""
    index = doc_index(tok.doc)  # offsets from the per-Doc arrays: no Span, no Token per word
    starts, ends = index.starts, index.ends
    first = tok.left_edge.i
    if first < tok.i:
        # "JEDDAH (Reuters) - Sudan's army and ...": the parse hangs the dateline on the subject; its agency is no side
        text = doc_text(tok.doc)
        dateline = DATELINE.match(text, text.rfind("\n", 0, starts[first]) + 1)
        while dateline is not None and first < tok.i and starts[first] < dateline.end():
            first += 1
    for k in range(first, tok.i):
        actor = actor_at(starts[k], ends[k])
        if actor is not None:
            return actor
    return None


def _main_subject(tok: Token) -> Token | None:
    """A pronoun subject of a subordinate or conjoined clause is the main clause's subject.

    "Rebels seized a town from the army as they continued to advance": "they" are the rebels,
    not the army named just before.
    """
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    pronouns = side_words().pronouns
    verb = tok.head
    while verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
        subj = [c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in pronouns]
        if subj:
            return subj[0]
    return None


def _latest_armed(draft: Draft, before: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in draft.actors:
        if actor.kind not in _ARMED_KINDS:
            continue
        for m in actor.mentions:
            if m.end <= before and before - m.end < 250 and (best is None or m.start > best[0]):
                best = (m.start, actor)
    return best[1] if best else None
