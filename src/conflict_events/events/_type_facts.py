"""What the typing rules read about one mention: the query, the verdict, and facts of the parse.

A typing rule (:mod:`._type_rules`) is a function of a :class:`TypingQuery` (the mention, the
trigger lexicon, the draft) returning a :class:`Typing` verdict or ``None`` when it does not
apply. The predicates here are the facts several rules share: a weapon that is the doer, a
weapon the trigger is done with, a fight said not to have happened, a capture that did not hold.

>>> from conflict_events.schema import Actor
>>> state = Actor(id="a1", name="Military Forces of Nigeria (2015-)", kind="state_forces", country="NG")
>>> territory_sub_type(state, "NG", attempt=False)
'Government regains territory'
>>> territory_sub_type(state, "NE", attempt=False)
'Non-state actor overtakes territory'
>>> NO_EVENT.exists, Typing("Battles", "Armed clash").exists
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from .._docindex import sentence_at
from ._event_mentions import EventMention, lemma, platform_of
from ._tokens import doc_words, kids, subtree
from ._trigger_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..draft import Draft
    from ..schema import Actor

__all__ = [
    "ARMED_KINDS",
    "CROWD_KINDS",
    "NONSTATE_KINDS",
    "NO_EVENT",
    "STATE_KINDS",
    "WEAPON_CLASS",
    "Typing",
    "TypingQuery",
    "attempted_capture",
    "ground_attack",
    "negated_fight",
    "no_fighting_near",
    "strike_governing",
    "territory_sub_type",
    "weapon_agent",
    "weapon_in_clause",
]

# Actor kinds (schema values, not words): who can fight, who is the state, who is a crowd.
STATE_KINDS: Final = frozenset({"state_forces", "government"})
NONSTATE_KINDS: Final = frozenset({"rebel_group", "political_militia", "identity_militia"})
ARMED_KINDS: Final = frozenset(
    {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces", "government"}
)
CROWD_KINDS: Final = frozenset({"protesters", "rioters"})
# The trigger class a weapon's platform names (lexicon [weapons] key -> [classes] name).
WEAPON_CLASS: Final = {"air": "air", "ground": "artillery", "explosive": "explosive", "grenade": "grenade"}


@dataclass(frozen=True)
class Typing:
    """A typing rule's verdict on one mention.

    ``event_type``/``sub_event_type`` set the ACLED labels (empty: the trigger class's hold);
    ``exists=False`` drops the mention (it reports no event); ``reclass`` names the trigger
    class the mention really is (its labels then hold), and ``again`` runs the rules once more
    on that class; ``crowd_violence`` and ``guessed`` set the mention's flags of those names.
    """

    event_type: str = ""
    sub_event_type: str = ""
    exists: bool = True
    reclass: str = ""
    again: bool = False
    crowd_violence: bool | None = None
    guessed: bool = False


NO_EVENT: Final = Typing(exists=False)


@dataclass(frozen=True)
class TypingQuery:
    """One mention to type, with the trigger lexicon and the document's draft."""

    mention: EventMention
    lex: Lexicon
    draft: Draft
    # The trigger class's name, read once: nearly every typing rule tests it first (tens of reads per
    # mention). Only type_mention changes a mention's class, between passes, each with a new query.
    cls: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cls", self.mention.cls.name)

    @property
    def head(self) -> Token:
        return self.mention.trigger.head

    @property
    def lemma(self) -> str:
        """The trigger head's lemma, lower-case."""
        return lemma(self.mention.trigger.head)

    def has(self, key: str) -> bool:
        """Whether the trigger head's lemma is in its class's extra list ``key``."""
        return self.mention.cls.has(key, self.lemma)

    def words(self, name: str) -> frozenset[str]:
        """A word list of the trigger lexicon."""
        return self.lex.words(name)

    @property
    def armed_actor1(self) -> bool:
        a1 = self.mention.actor1
        return a1 is not None and a1.kind in ARMED_KINDS

    @property
    def nonstate_actor1(self) -> bool:
        a1 = self.mention.actor1
        return a1 is not None and a1.kind in NONSTATE_KINDS

    @property
    def took_place(self) -> bool:
        """A capture's object is a place ("seized the town"), not people."""
        m = self.mention
        return m.target_place or any(p in self.words("place_nouns") for p in m.patient_lemmas)

    def platforms(self, skip: frozenset[int] = frozenset()) -> set[str]:
        """The weapon platforms the sentence names (tokens in ``skip`` aside)."""
        found = {platform_of(t, self.lex) for t in self.mention.sentence if t.i not in skip}
        found.discard(None)
        return {p for p in found if p is not None}

    def children(self, *deps: str) -> list[Token]:
        """The trigger head's children with one of ``deps``."""
        return [c for c in kids(self.head) if c.dep_ in deps]


def territory_sub_type(actor: Actor | None, place_country: str | None, *, attempt: bool) -> str:
    """The Battles sub-type of a place taken by ``actor`` (who ends in control decides)."""
    if attempt or actor is None:
        return "Armed clash"
    if actor.kind in STATE_KINDS and (place_country is None or actor.country in (None, place_country)):
        return "Government regains territory"
    return "Non-state actor overtakes territory"


# the platforms a weapon done "with" can name, strongest first: "with drones and explosives" is a drone strike
_WITH_PLATFORMS: Final = ("air", "ground", "explosive", "grenade")


def weapon_in_clause(m: EventMention, lex: Lexicon) -> str | None:
    """The platform of a weapon the trigger is done "with" or "using" ("with drones and missiles", "with
    explosives", "with grenades")."""
    head = m.trigger.head
    # "attacked by the Ukrainian armed forces using three kamikaze drones": the agent's own "using"
    agents = [p for c in kids(head) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    for child in [*kids(head), *(c for a in agents for c in kids(a))]:
        if (child.dep_ == "prep" and child.lower_ == "with") or (
            child.dep_ in ("advcl", "xcomp", "acl") and lemma(child) == "use"
        ):
            words = subtree(child)
            found = {lex.platform(lemma(t)) or lex.platform(t.lower_) for t in words}
            # "with explosives and rifle fire": a fight with guns as well, no remote blast (read up to the clause's
            # next punctuation, as the parse may hang "rifle fire" on the verb)
            guns = any(lemma(t) in lex.words("gunfire_words") or t.lower_ in lex.words("gunfire_words")
                       for t in (*words, *_to_punctuation(child)))
            for platform in _WITH_PLATFORMS:
                if platform in found and not (guns and platform in ("explosive", "grenade")):
                    return platform
    return None


def _to_punctuation(tok: Token) -> list[Token]:
    """The words after ``tok`` up to the next comma, full stop or semicolon."""
    out = []
    for t in tok.doc[tok.i + 1 : tok.i + 16]:
        if t.is_punct:
            break
        out.append(t)
    return out


def weapon_agent(m: EventMention, lex: Lexicon) -> str | None:
    """The platform of a weapon that is the doer itself: "killed by a Houthi missile", "a drone killed two"."""
    head = m.trigger.head
    if head.pos_ != "VERB":
        return None
    agents = [c for c in kids(head) if c.dep_ == "nsubj"]
    agents += [p for c in kids(head) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    for agent in agents:
        words = [agent, *(c for c in kids(agent) if c.dep_ in ("compound", "amod"))]
        for tok in words:
            platform = platform_of(tok, lex)  # two-word weapons too: "glide bombs killed three"
            if platform in WEAPON_CLASS and lemma(tok) != "air":
                return platform
    return None


def ground_attack(m: EventMention, lex: Lexicon) -> bool:
    """A weapon-agnostic verb ("hit", "struck") done by attackers on foot with no heavy weapon named."""
    head = m.trigger.head
    if head.pos_ != "VERB" or not m.cls.has("weapon_agnostic", lemma(head)):
        return False
    if any(platform_of(t, lex) for t in m.sentence):
        return False  # "a drone hit", "rockets struck": a strike from range
    subjects = [c for c in kids(head) if c.dep_ == "nsubj"]
    return any(lemma(s) in lex.words("ground_attackers") for s in subjects)


def negated_fight(tok: Token, lex: Lexicon) -> bool:
    """ "no fighting", "no reports of fighting", "without resistance": a fight noun said not to have happened."""
    fights = lex.words("fight_nouns")
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("pobj", "nsubj", "dobj", "attr")  # "of fighting"
    if not nominal or (lemma(tok) not in fights and tok.lower_ not in fights):
        return False
    if any(c.lower_ == "no" for c in kids(tok)) or (tok.i > 0 and tok.nbor(-1).lower_ == "without"):
        return True
    # "no reports of fighting", "no sign of resistance"
    gov = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return gov is not None and gov.pos_ == "NOUN" and any(c.lower_ == "no" for c in kids(gov))


def no_fighting_near(m: EventMention, lex: Lexicon) -> bool:
    """The capture's sentence or one of the next two says no fighting took place."""
    doc = m.sentence.doc
    words = doc_words(doc)
    # negated_fight needs a fight noun and a "no" or "without": most documents hold neither
    if lex.words("fight_nouns").isdisjoint(words) or ("no" not in words and "without" not in words):
        return False
    tokens = list(m.sentence)
    end = m.sentence.end
    for _ in range(2):
        if end >= len(doc):
            break
        nxt = sentence_at(doc, end)
        tokens += list(nxt)
        end = nxt.end
    return any(negated_fight(t, lex) for t in tokens)


def attempted_capture(m: EventMention, lex: Lexicon) -> bool:
    """A capture that is only an aim, an advance, or brief ("a bid to seize", "briefly took")."""
    tok = m.trigger.head
    attempt = lex.words("capture_attempt")
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if lemma(tok) in attempt:
            return True
    head = m.trigger.head
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(head)):
        return True  # "an offensive to retake": the aim, not the result
    if any(lemma(c) in lex.words("capture_brief") for c in kids(head)):
        return True  # "briefly seized the base": control did not hold (spec/ACLED.md §2, step 1)
    return lemma(head) in lex.words("capture_advance")


def _strike_of(tok: Token, lex: Lexicon) -> str | None:
    """The remote-violence class a token names: a blast verb, a strike noun, or a weapon in its phrase."""
    near = [tok, *(c for c in kids(tok) if c.dep_ in ("compound", "amod", "nsubj", "nsubjpass", "dobj"))]
    if any(lemma(t) == "suicide" for t in near):
        return "suicide"  # "a suicide bomber": not an aircraft
    for t in near:
        platform = lex.platform(lemma(t)) or lex.platform(t.lower_)
        if platform in WEAPON_CLASS and lemma(t) != "air":
            return WEAPON_CLASS[platform]
    cls = lex.verb_class(lemma(tok)) if tok.pos_ == "VERB" else lex.noun_class(lemma(tok))
    return cls.name if cls is not None and cls.name in lex.words("remote_classes") else None


def strike_governing(m: EventMention, lex: Lexicon) -> str | None:
    """The class of a strike or blast an attack verb hangs on ("an IED exploded, targeting a convoy")."""
    head = m.trigger.head
    if head.dep_ not in ("advcl", "acl", "xcomp", "relcl") or head.tag_ not in ("VBG", "VBN"):
        return None
    tok = head
    for _ in range(3):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        found = _strike_of(tok, lex)
        if found is not None:
            return found
    return None
