"""Is the action said to have happened? Negation, threats, plans, futures, support phrases.

ACLED codes what happened, as reported: "X said that rebels shelled Y" counts
(reported speech is how news reports events), but "threatened to strike",
"would send troops", "ready for talks", "failed to take", "denied attacking" do
not. A trigger under a cessation word ("pausing their push") is the pause, not
the push; a strike inside "backed by US air strikes" is support of another
operation, not an event of its own.

The walk goes from the trigger up its heads; at each step the rules below decide in order
(the first that applies ends the walk): the step's own marks (a negation, a modal, a
condition), then what the head above the trigger says of it (reporting, plans, pauses,
support), then a factual adverbial clause.

>>> from conflict_events.nlp import load_language_model
>>> nlp = load_language_model()
>>> status(nlp("The militia threatened to attack the town.")[4])
'irrealis'
>>> status(nlp("Officials said the militia attacked the town.")[4])
'real'
>>> status(nlp("The army did not shell the village.")[4])
'negated'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from .._docindex import doc_index, sentence_at
from ..lexicons import lexicon
from ..rules import Example, first, rule
from ._event_mentions import lemma
from ._tokens import doc_words, kids, tree
from ._trigger_lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["REPORTING", "status"]

_WORDS = lexicon("event_context")
# Reporting verbs end the upward walk: what they report is the content, and its
# modality is its own ("said it would" stays irrealis through "would").
REPORTING = _WORDS.words("modality_reporting")
_MODALS = _WORDS.words("modality_modals")
_CONDITIONS = _WORDS.words("modality_conditions")
# Participles that describe a noun as a fact ("farmers blocking", "soldiers killed"); "a plan to attack" (VB) is no fact
_PARTICIPLES = frozenset({"VBG", "VBN", "VBD"})
# prepositions that give a demonstration's topic: "marched against the strikes", "a protest over the killing"
_TOPIC_PREPOSITIONS = frozenset({"against", "over", "about"})
_TIMERS = _WORDS.words("modality_timers")
_FACTUAL_MARKS = _WORDS.words("modality_factual_marks")


@dataclass(frozen=True)
class Step:
    """One step of the walk: the trigger, the token reached, how far up, and the events lexicon."""

    trigger: Token
    tok: Token
    steps: int
    lex: Lexicon


# -- the step's own marks -------------------------------------------------------------------------


@rule(
    "events.modality.negated",
    decides="event.exists",
    positive=[Example("The army did not shell the village of Kabo on Tuesday, officials said.", {"events": 0}),
              Example("Police searched a farm near Kabo on Tuesday. Nobody was arrested.", {"events": 0}),
              Example("Police searched a farm near Kabo on Tuesday. No one was arrested.", {"events": 0})],
    negative=[Example("The army shelled the village of Kabo on Tuesday, officials said.", {"events": 1}),
              Example("Police arrested one man on a farm near Kabo on Tuesday.", {"events": 1}),
              Example("A drone struck a fuel depot near Kabo on Tuesday. No one was killed, officials said.",
                      {"events": 1, "event.fatalities.value": 0}),
              Example("Gunmen attacked a bus near Kabo on Tuesday. No one has claimed the attack.", {"events": 1})],
)
def negated(s: Step) -> str | None:
    """An action under a negation ("did not shell", "no attack") or done to nobody ("nobody was arrested", "no one
    was arrested"; lexicon ``negative_subjects``) did not happen."""
    for child in kids(s.tok):
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated"
        # the trigger's own subject only: "no one has claimed the attack" denies the claim, not the attack
        if s.tok is s.trigger and child.dep_ in ("nsubj", "nsubjpass") and _denied(child, s.lex):
            # "no one was hurt" is the zero toll of the attack told before, which its fold reads
            return None if lemma(s.tok) in s.lex.words("zero_toll_verbs") else "negated"
    return None


def _denied(subject: Token, lex: Lexicon) -> bool:
    """Whether a subject names nobody: "nobody", "none", "no one"."""
    if subject.lower_ in lex.words("negative_subjects"):
        return True
    return subject.lower_ == "one" and any(c.dep_ == "det" and c.lower_ == "no" for c in kids(subject))


@rule(
    "events.modality.modal",
    decides="event.exists",
    positive=[Example("Officials warned that the militia could attack Bunia again.", {"events": 0})],
    negative=[Example("Officials said that the militia attacked Bunia again on Monday.", {"events": 1})],
)
def modal(s: Step) -> str | None:
    """An action under a modal ("could attack", "will strike") is a possibility or a plan, not a report."""
    if _MODALS.isdisjoint(doc_words(s.tok.doc)):
        return None  # no modal in the document: no child to read
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids(s.tok)):
        return "irrealis"
    return None


@rule(
    "events.modality.condition",
    decides="event.exists",
    positive=[Example("The governor said troops were ready if bandits attacked Gusau.", {"events": 0})],
    negative=[Example("The governor said residents fled after bandits attacked Gusau on Monday.",
                      {"events": 1})],
)
def condition(s: Step) -> str | None:
    """An action in an "if" or "unless" clause is a condition, not a report."""
    if _CONDITIONS.isdisjoint(doc_words(s.tok.doc)):
        return None  # no "if" or "unless" in the document: no child to read
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in kids(s.tok)):
        return "irrealis"
    return None


# -- what a head above the trigger says of it -----------------------------------------------------


@rule(
    "events.modality.reported_content",
    decides="event.exists",
    positive=[Example("Police said gunmen killed two traders in Maiduguri on Sunday.",
                      {"event.sub_event_type": "Attack"})],
    negative=[Example("Gunmen killed two traders in Maiduguri on Sunday.", {"event.sub_event_type": "Attack"})],
)
def reported_content(s: Step) -> str | None:
    """What a reporting verb reports is content with its own modality: the walk ends, the action is real."""
    if s.tok is not s.trigger and lemma(s.tok) in REPORTING:
        return "real"
    return None


@rule(
    "events.modality.unreal_frame",
    decides="event.exists",
    positive=[Example("Al Shabaab threatened to attack Baidoa in a statement on Thursday.", {"events": 0})],
    negative=[Example("Al Shabaab attacked a base in Baidoa on Thursday.", {"events": 1})],
)
def unreal_frame(s: Step) -> str | None:
    """An action under a verb of intent, threat or failure ("threatened to attack", "failed to take") did not happen."""
    if s.tok is s.trigger:
        return None
    irrealis = s.lex.words("irrealis")
    if lemma(s.tok) in irrealis or s.tok.lower_ in irrealis:
        return "irrealis"
    return None


@rule(
    "events.modality.attempt_under_way",
    decides="event.exists",
    positive=[Example("Police said they had identified the attackers and were trying to arrest them.",
                      {"events": 0}),
              # the attempted rape did not happen; the beating the parser hangs on the attempt is told as done
              Example("On 3 March 2024, residents captured a man who was attempting to rape a young girl and beat him"
                      " to death in Kankan town.", {"events": 1, "event.fatalities.value": 1})],
    negative=[Example("Gunmen tried to abduct a trader near Kabo on Tuesday but villagers fought them off.",
                      {"events": 1})],
)
def attempt_under_way(s: Step) -> str | None:
    """An action a side "is trying" or "was attempting" to do (lexicon ``attempt_verbs`` in the progressive) has not
    happened yet. A past attempt ("gunmen tried to abduct a trader") is told as an act and stays."""
    tok = s.tok
    if tok is s.trigger or s.steps > 2 or tok.tag_ != "VBG" or lemma(tok) not in s.lex.words("attempt_verbs"):
        return None
    if _coordinated(s):
        return None  # "a man who was attempting to rape a girl and beat him to death": the parser's conjunct
    return "irrealis" if any(c.dep_ == "aux" and lemma(c) == "be" for c in kids(tok)) else None


@rule(
    "events.modality.cessation",
    decides="event.exists",
    positive=[Example("The rebels announced they were pausing their offensive on Goma on Monday.",
                      {"!event.sub_event_type": "Armed clash"})],
    negative=[Example("The rebels resumed their offensive on Goma on Monday, clashing with the army.",
                      {"event.sub_event_type": "Armed clash"}),
              Example("On 5 March 2023, several thousand students rallied in the central square of Patras to"
                      " demand accountability for a deadly train collision. The rally ended peacefully.",
                      {"events": 1, "event.sub_event_type": "Peaceful protest"}),
              Example("Armed men stopped a bus on the road outside Kumbo on Monday and took away the seven"
                      " passengers, residents said.",
                      {"event.sub_event_type": "Abduction/forced disappearance"})],
)
def cessation(s: Step) -> str | None:
    """An action close under a pause ("pausing their push") is the pause, not the action."""
    if s.tok is not s.trigger and s.steps <= 3 and lemma(s.tok) in s.lex.words("cessation"):
        if s.steps == 1 and s.trigger.dep_ == "nsubj" and lemma(s.tok) == "end":
            return None  # "the rally ended without incident": it was held, and then it ended
        return None if _coordinated(s) else "cessation"
    return None


def _coordinated(s: Step) -> bool:
    """Whether the walk reached ``s.tok`` through a conjunct: "stopped a bus and took away the passengers" tells two
    acts, and the first is no pause of the second."""
    tok = s.trigger
    for _ in range(s.steps):
        if tok.dep_ == "conj":
            return True
        tok = tok.head
    return False


@rule(
    "events.modality.support",
    decides="event.exists",
    positive=[
        Example("Government troops backed by air strikes clashed with rebels near Kidal on Monday.",
                {"!event.sub_event_type": "Air/drone strike"}),
        Example("On 9 March 2021, French forces conducted a combined air-ground operation involving airstrikes near"
                " Boni, killing ten militants.", {"event.sub_event_type": "Armed clash"}),
    ],
    negative=[Example("Government jets carried out air strikes near Kidal on Monday.",
                      {"event.sub_event_type": "Air/drone strike"})],
)
def support(s: Step) -> str | None:
    """A strike inside "backed by air strikes" or "an operation involving airstrikes" supports another operation:
    not an event of its own."""
    if s.tok is s.trigger or s.steps > 3:
        return None
    if s.tok.tag_ == "VBN" and lemma(s.tok) in s.lex.words("support"):
        return "support"
    # "a combined air-ground operation involving airstrikes": the strikes are part of the operation
    if s.tok.tag_ == "VBG" and s.tok.dep_ == "acl" and lemma(s.tok) in s.lex.words("part_of_operation"):
        return "support"
    return None


@rule(
    "events.modality.factual_clause",
    decides="event.exists",
    positive=[Example("The rebels vowed revenge after the army shelled their positions near Kidal on Monday.",
                      {"event.sub_event_type": "Shelling/artillery/missile attack"})],
    negative=[Example("The rebels vowed to shell army positions near Kidal.", {"events": 0})],
)
def factual_clause(s: Step) -> str | None:
    """An action in an adverbial clause of time or cause ("after the army used missiles") happened."""
    tok = s.tok
    if tok.dep_ != "advcl":
        return None
    if lemma(tok.head) in _TIMERS or any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in kids(tok)):
        return "real"
    return None


@rule(
    "events.modality.noun_modifier_clause",
    decides="event.exists",
    positive=[Example("Farmers blocking the highway near Sicuani on Monday demanded cheaper fertiliser.",
                      {"event.event_type": "Protests"})],
    negative=[Example("The farmers threatened to block the highway near Sicuani on Monday.", {"events": 0})],
)
def noun_modifier_clause(s: Step) -> str | None:
    """A participle or relative clause describing a noun ("farmers blocking the road", "gunmen who attacked")
    is told as fact: what governs the noun above ("demanded", "threatened") does not govern the clause."""
    tok = s.tok
    if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in _PARTICIPLES):
        return "real"
    # the parser also reads "farmers blocking the road demanded ..." as a clausal subject with its own subject
    if tok.dep_ == "csubj" and tok.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in kids(tok)):
        return "real"
    return None


@rule(
    "events.modality.disrupted_weapon",
    decides="event.exists",
    positive=[Example("Soldiers defused an IED planted near a school in Baidoa on Sunday.",
                      {"event.sub_event_type": "Disrupted weapons use"})],
    negative=[Example("An IED planted near a school in Baidoa exploded on Sunday.",
                      {"event.sub_event_type": "Remote explosive/landmine/IED"})],
)
def disrupted_weapon(s: Step) -> str | None:
    """A weapon that is the object of a disruption ("defused an IED", "intercepted a missile") never struck:
    the disruption is the event, not an attack with the weapon."""
    if s.steps != 1 or s.trigger.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = s.tok
    return "disrupted" if verb.pos_ == "VERB" and _disrupts(verb, s.lex) else None


def _disrupts(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is one of the disruption class: its verbs, or a two-word phrase of it ("shot down")."""
    cls = lex.verb_class(lemma(verb))
    if cls is not None and cls.name == "disrupted":
        return True
    disrupted = lex.classes.get("disrupted")
    if disrupted is None:
        return False
    word = lemma(verb)
    return any(
        len(p) == 2 and p[0] == word and any(c.lower_ == p[1] for c in kids(verb)) for p in disrupted.phrases
    )


@rule(
    "events.modality.protest_topic",
    decides="event.exists",
    positive=[Example("Kurdish residents rallied in Qamishli on Friday against Turkish air strikes.",
                      {"events": 1, "event.event_type": "Protests"})],
    negative=[Example("Turkish air strikes hit Qamishli on Friday, residents said.",
                      {"event.sub_event_type": "Air/drone strike"})],
)
def protest_topic(s: Step) -> str | None:
    """What a demonstration is against ("rallied against air strikes", "a protest over the killing") is its topic,
    not an event told in the note."""
    if s.steps != 2 or s.trigger.dep_ != "pobj" or s.trigger.head.lower_ not in _TOPIC_PREPOSITIONS:
        return None
    word = lemma(s.tok)
    cls = s.lex.verb_class(word) if s.tok.pos_ == "VERB" else s.lex.noun_class(word)
    return "topic" if cls is not None and cls.name == "protest" else None


@rule(
    "events.modality.cause_of_flight",
    decides="event.exists",
    positive=[
        Example("About 300 families displaced by fighting have taken refuge in a school in Kalehe, aid workers"
                " said on Monday.", {"events": 0}),
        Example("More than 8,000 people have fled their homes in Upper Nile since Sunday because of fighting between"
                " the army and a local militia, the UN said on Friday.", {"events": 0}),
        Example("Thousands of families have fled fighting between two clans near Galkayo, aid agencies said on"
                " Monday.", {"events": 0}),
        Example("Aid agencies say fighting has displaced half a million people in Upper Nile this year.",
                {"events": 0}),
        Example("Soldiers raped three women near Yei on Saturday, a county official said. Fighting between the army"
                " and the National Salvation Front (NAS) rebel group has displaced thousands of people in Central"
                " Equatoria.", {"events": 1, "event.sub_event_type": "Sexual violence"}),
    ],
    negative=[Example("Fighting between the army and militiamen displaced about 300 families in Kalehe on Monday.",
                      {"event.event_type": "Battles"})],
)
def cause_of_flight(s: Step) -> str | None:
    """A bare fight noun that people fled or were displaced by ("displaced by fighting", "fled their homes because
    of fighting between the army and a militia", "fleeing violence") is the cause of their flight, told in passing:
    not an event."""
    trig = s.trigger
    if s.tok.pos_ != "VERB" or lemma(s.tok) not in s.lex.words("flight_verbs"):
        return None  # ("accusing US forces of targeting": the noun "forces" is no flight)
    if trig.dep_ == "dobj" and s.steps == 1:
        pass  # "fled fighting"
    elif s.steps == 1 and (
        trig.dep_ == "nsubj" or (trig.dep_ in ("advcl", "csubj") and trig.i == sentence_at(trig.doc, trig.i).start)
    ):
        # "fighting has displaced 2 million": a tally of the flight in the perfect, not a day's fight (a sentence's
        # first "Fighting between the army and X rebel group has displaced" the parser may hang as a clause)
        if not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in kids(s.tok)):
            return None
    elif trig.dep_ not in ("pobj", "pcomp"):
        return None
    else:
        # the words between the noun and the verb give a cause: "by", "from", "because of", "due to", "amid"
        causes = s.lex.words("flight_causes")
        tok = trig.head
        for _ in range(s.steps - 1):
            if tok.lower_ not in causes:
                return None
            tok = tok.head
    if any(c.dep_ in ("det", "poss", "compound", "nummod") for c in kids(trig)):
        return None  # "displaced by the fighting in Kalehe on Monday": a reference to a told event
    return "topic"


@rule(
    "events.modality.purpose_clause",
    decides="event.exists",
    positive=[Example("Kenya sent 400 police officers to Haiti last year to help the national police fight the"
                      " gangs.", {"events": 0})],
    negative=[Example("Police intervened to disperse a march by traders in Kisumu on Tuesday.",
                      {"event.event_type": "Protests"})],
)
def purpose_clause(s: Step) -> str | None:
    """An action under a purpose infinitive of aid ("deployed to help the army fight the insurgency", "arrived to
    join the opposition in fighting"; lexicon ``purpose_verbs``) is what the move is for, not a fight that
    happened. Other infinitives tell what was done: "police intervened to disperse a march"."""
    tok = s.tok
    if tok is s.trigger or tok.dep_ != "advcl" or tok.tag_ != "VB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)):
        return None
    return "irrealis" if lemma(tok) in s.lex.words("purpose_verbs") else None


_OWN_MARKS = (negated, modal, condition)
_MARK_DEPS = frozenset(get_string_id(d) for d in ("neg", "det", "aux", "mark", "nsubj", "nsubjpass"))  # status()
_FRAMES = (
    reported_content,
    unreal_frame,
    attempt_under_way,
    cessation,
    support,
    disrupted_weapon,
    protest_topic,
    cause_of_flight,
    purpose_clause,
)
_FACTUAL = (factual_clause, noun_modifier_clause)


def status(token: Token, lex: Lexicon | None = None) -> str:
    """``real``, ``negated``, ``irrealis``, ``cessation``, ``support``, ``disrupted`` or ``topic`` for a trigger."""
    lex = lex or load_lexicon()
    walk = tree(token.doc)  # heads and Tokens by index: no new Token object per step up
    deps = doc_index(token.doc).dep
    tok = token
    steps = 0
    while True:
        step = Step(token, tok, steps, lex)
        # Cheap tests first, each what every rule of a list needs before it can apply: the own marks
        # read a child that is a negation, determiner, auxiliary, marker or subject; the frames, a head above
        # the trigger (all but two test ``tok is not trigger``, and those two want steps 1 or 2).
        marked = any(deps[k] in _MARK_DEPS for k in walk.kid_ids(tok.i))
        decided = (first(_OWN_MARKS, step) if marked else None) or (first(_FRAMES, step) if steps else None)
        if decided is not None:
            return decided.value
        head = walk.heads[tok.i]
        if head == tok.i or steps > 8:
            return "real"
        decided = first(_FACTUAL, step)
        if decided is not None:
            return decided.value
        tok = walk.tokens[head]
        steps += 1
