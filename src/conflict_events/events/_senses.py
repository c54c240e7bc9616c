"""Senses of the polysemous triggers that are no violence and no protest.

"Struck a deal", "hit a layup", "the storm hit the coast", "a legal battle", "battled cancer",
"demonstrated its new robot", "fans gathered to celebrate": the words of an attack or a
demonstration in business, sport, weather, law, health or a show. ACLED codes none of them; a
general news feed is full of them. Each rule reads the trigger's own clause (its object, its
subject, its modifiers, its purpose) against word lists of the events lexicon
(``peaceful_objects``, ``natural_forces``, ``figurative_battles``, ``not_protest_purposes``,
``not_demonstrators``).

>>> from conflict_events.nlp import load_language_model
>>> nlp = load_language_model()
>>> other_sense(nlp("The board struck a record deal with the broadcaster.")[2])
'figurative'
>>> other_sense(nlp("Rebels struck an army base near Goma.")[1]) is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._doccache import doc_text
from .._docindex import sentence_at
from ..rules import Example, first, rule
from ._event_mentions import crowd_control_grenade, lemma, platform_of
from ._tokens import doc_words, kids
from ._trigger_lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["other_sense"]

# the triggers each rule may read; every other trigger is left alone at the cost of one set look-up
_STRIKES: Final = frozenset({"strike", "hit"})
_BATTLES: Final = frozenset({"battle", "fight", "fighting", "combat"})
_NATURE_HITS: Final = frozenset({"strike", "hit", "pound", "batter", "ravage", "devastate", "destroy"})
_GATHERINGS: Final = frozenset({"gather", "assemble", "converge", "rally", "march", "throng", "flock"})
_CRITICISMS: Final = frozenset({"attack", "slam", "blast", "lash", "hit", "assail", "savage", "pound"})
_REASONS: Final = frozenset({"for", "over", "as"})  # "attacked X for / over / as"
_RETALIATIONS: Final = frozenset({"retaliate", "strike", "hit", "respond", "retaliation", "counter"})
_OBJECTS: Final = frozenset({"dobj", "attr", "oprd"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})


def _words(tokens: list[Token]) -> set[str]:
    return {w for t in tokens for w in (lemma(t), t.lower_)}


@rule(
    "events.modality.peaceful_object_sense",
    decides="event.exists",
    positive=[Example("The football league struck a record television deal with a broadcaster in Lagos on Monday.",
                      {"events": 0})],
    negative=[Example("Gunmen struck a police post near Lagos on Monday, killing two officers.", {"events": 1})],
)
def peaceful_object_sense(trigger: Token, lex: Lexicon) -> str | None:
    """ "Struck a deal", "hit a layup", "hit the headlines": an object of business, sport or the news makes
    "strike" or "hit" no attack."""
    if lemma(trigger) not in _STRIKES:
        return None
    objects = [c for c in kids(trigger) if c.dep_ in _OBJECTS]
    if objects and _words(objects) & lex.words("peaceful_objects"):
        return "figurative"
    return None


@rule(
    "events.modality.labour_strike_sense",
    decides="event.exists",
    positive=[Example("Car workers walked off the job in Detroit on Friday. The strike is the first at all three"
                      " plants, the union said.", {"!event.event_type": "Explosions/Remote violence"}),
              # a headline the parser reads as "striking [the] march": the participle is the walkout's adjective
              Example("Police fire tear gas at striking doctors' rally in Kampala\n\nKAMPALA (AP) - Ugandan police"
                      " fired tear gas on Thursday to break up a rally by doctors who have been on strike for a month"
                      " over unpaid wages.", {"events": 1, "event.event_type": "Protests"})],
    negative=[Example("A strike on a weapons depot in Detroit killed two guards on Friday, the army said.",
                      {"event.event_type": "Explosions/Remote violence"}),
              Example("Missiles striking an army depot near Kramatorsk killed two guards on Friday, the army said.",
                      {"event.event_type": "Explosions/Remote violence"}),
              Example("Warplanes struck a poultry farm outside Saraqib on Thursday, killing two farm workers.",
                      {"event.event_type": "Explosions/Remote violence"})],
)
def labour_strike_sense(trigger: Token, lex: Lexicon) -> str | None:
    """A strike of workers ("workers strike over pay", "the strike" in a sentence of unions and walkouts) is a
    stoppage of work, not a strike from range (the stoppages ACLED codes, with a demonstration or a picket, come
    from the protest phrases: "went on strike", "a general strike")."""
    if lemma(trigger) != "strike":
        return None
    if (trigger.dep_ == "pobj" and trigger.head.lower_ == "on") or trigger.dep_ == "compound" or any(
        c.dep_ in ("amod", "compound") and c.lower_ in lex.words("stoppage_words") for c in kids(trigger)
    ):
        return None  # "went on strike", "strike action", "a general strike": the protest phrases decide
    labour = lex.words("labour_words")
    if trigger.lower_ == "striking" and _next_is_worker(trigger, labour):
        return "figurative"  # "striking doctors' march": workers on strike, whatever the parse
    if trigger.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in kids(trigger)):
        return None  # "struck a poultry farm, killing two farm workers": workers down tools, they strike nothing
    sentence = sentence_at(trigger.doc, trigger.i)  # trigger.sent walks the Doc on every call
    if any(platform_of(t, lex) for t in sentence):
        return None  # "a drone strike", "missiles strike"
    near = [c for c in kids(trigger) if c.dep_ in ("nsubj", "amod", "compound", "poss")]
    near += [p for c in kids(trigger) if c.dep_ == "prep" for p in kids(c) if p.dep_ == "pobj"]
    if _words(near) & labour or any(lemma(t) in labour for t in sentence):
        return "figurative"
    return None


def _next_is_worker(trigger: Token, labour: frozenset[str]) -> bool:
    """Whether the word after "striking" is one of work ("striking doctors", "striking workers'")."""
    doc = trigger.doc
    if trigger.i + 1 >= len(doc):
        return False
    after = doc[trigger.i + 1]
    return lemma(after) in labour or after.lower_ in labour


@rule(
    "events.modality.natural_force_sense",
    decides="event.exists",
    positive=[Example("The storm hit the coast near Beira on Monday, killing three people.",
                      {"!event.event_type": "Explosions/Remote violence"})],
    negative=[Example("Rockets hit the coast near Beira on Monday, killing three people.",
                      {"event.event_type": "Explosions/Remote violence"})],
)
def natural_force_sense(trigger: Token, lex: Lexicon) -> str | None:
    """A storm, an earthquake or a recession that "hit" or "struck" is no attack."""
    if lemma(trigger) not in _NATURE_HITS:
        return None
    subjects = [c for c in kids(trigger) if c.dep_ in _SUBJECTS]
    agents = [p for c in kids(trigger) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    if _words(subjects + agents) & lex.words("natural_forces"):
        return "figurative"
    return None


@rule(
    "events.modality.figurative_battle_sense",
    decides="event.exists",
    positive=[
        Example("The family lost a long legal battle with the hospital in London on Tuesday.", {"events": 0}),
        Example("The singer battled cancer for three years before her death in Ottawa.", {"events": 0}),
    ],
    negative=[Example("Soldiers battled rebels for three hours near Beni on Tuesday.", {"events": 1})],
)
def figurative_battle_sense(trigger: Token, lex: Lexicon) -> str | None:
    """A battle or fight of law, politics, sport or health ("a legal battle", "battled cancer", "the fight
    against the virus") is no armed clash."""
    if lemma(trigger) not in _BATTLES:
        return None
    near = [c for c in kids(trigger) if c.dep_ in ("amod", "compound", "dobj", "nmod")]
    # "battle with cancer", "fight against the virus"
    near += [p for c in kids(trigger) if c.dep_ == "prep" for p in kids(c) if p.dep_ == "pobj"]
    if _words(near) & lex.words("figurative_battles"):
        return "figurative"
    return None


@rule(
    "events.modality.showing_sense",
    decides="event.exists",
    positive=[
        Example("The company demonstrated its new robot at a trade fair in Helsinki on Tuesday.", {"events": 0}),
        Example("The minister called the summit in Helsinki a clear demonstration of unity.", {"events": 0}),
    ],
    negative=[Example("Hundreds of nurses demonstrated outside the ministry in Helsinki on Tuesday.",
                      {"event.event_type": "Protests"})],
)
def showing_sense(trigger: Token, lex: Lexicon) -> str | None:
    """ "Demonstrated its new robot", "demonstrated commitment": with an object, to demonstrate is to show."""
    if lemma(trigger) != "demonstrate" and trigger.lower_ not in ("demonstration", "demonstrations"):
        return None
    if trigger.pos_ == "NOUN":
        # "the clearest demonstration of the alliance's strength": a showing of something
        of = any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(trigger))
        return "figurative" if of else None
    return "figurative" if any(c.dep_ in ("dobj", "ccomp") for c in kids(trigger)) else None


@rule(
    "events.modality.criticism_sense",
    decides="event.exists",
    positive=[
        Example("The senator attacked the governor for his handling of the budget in Accra on Monday.",
                {"events": 0}),
        Example("The opposition attacked the ruling of the court in Nairobi on Monday.", {"events": 0}),
    ],
    negative=[Example("Gunmen attacked the village of Dogo for three hours on Monday, killing six.",
                      {"event.event_type": "Violence against civilians"})],
)
def criticism_sense(trigger: Token, lex: Lexicon) -> str | None:
    """Words, not blows: "attacked the governor for his handling", "slammed the ruling", "attacked the plan"."""
    if lemma(trigger) not in _CRITICISMS or trigger.pos_ != "VERB":
        return None
    objects = [c for c in kids(trigger) if c.dep_ in _OBJECTS]
    if objects and _words(objects) & lex.words("criticised_things"):
        return "figurative"
    person = any(o.ent_type_ == "PERSON" or o.lower_ in lex.words("criticised_people") for o in objects)
    reasons = [p for c in kids(trigger) if c.dep_ == "prep" and c.lower_ in _REASONS for p in kids(c)
               if p.dep_ in ("pobj", "pcomp")]
    if person and reasons and not _words(reasons) & lex.words("duration_nouns"):
        return "figurative"
    return None


@rule(
    "events.modality.unreal_adjective",
    decides="event.exists",
    positive=[Example("The president said he was committed to a possible strike against the rebels in Gao.",
                      {"events": 0})],
    negative=[Example("The president said a strike against the rebels in Gao killed ten fighters on Monday.",
                      {"events": 1})],
)
def unreal_adjective(trigger: Token, lex: Lexicon) -> str | None:
    """ "A possible strike", "the planned offensive", "an imminent attack": an action noun its adjective makes a
    possibility is no report."""
    if trigger.pos_ != "NOUN":
        return None
    adjectives = [c for c in kids(trigger) if c.dep_ == "amod"]
    return "irrealis" if adjectives and _words(adjectives) & lex.words("unreal_adjectives") else None


@rule(
    "events.modality.habit",
    decides="event.exists",
    positive=[Example("Such rockets are normally used to target airfields near Kramatorsk.", {"events": 0})],
    negative=[Example("Rockets targeted an airfield near Kramatorsk on Monday.", {"events": 1})],
)
def habit(trigger: Token, lex: Lexicon) -> str | None:
    """ "Normally used to target airfields", "militants often attack at night": a habit or a generality is no
    report of an event."""
    habits = lex.words("habit_adverbs")
    if habits.isdisjoint(doc_words(trigger.doc)):
        return None  # no habit adverb in the document: no child to read
    for tok in (trigger, trigger.head):
        if any(c.dep_ == "advmod" and c.lower_ in habits for c in kids(tok)):
            return "irrealis"
    return None


@rule(
    "events.modality.economic_sense",
    decides="event.exists",
    positive=[Example("China retaliated on Friday against the new tariffs on its steel exports.", {"events": 0})],
    negative=[Example("The army retaliated on Friday against rebel positions near Kidal, killing six.",
                      {"event.event_type": "Battles"})],
)
def economic_sense(trigger: Token, lex: Lexicon) -> str | None:
    """A retaliation or a strike back against tariffs, sanctions or expulsions is trade or diplomacy, not war."""
    if lemma(trigger) not in _RETALIATIONS:
        return None
    near = [c for c in kids(trigger) if c.dep_ in _OBJECTS]
    near += [p for c in kids(trigger) if c.dep_ == "prep" for p in kids(c) if p.dep_ == "pobj"]
    near += [m for n in near for m in kids(n) if m.dep_ in ("compound", "amod")]
    return "figurative" if _words(near) & lex.words("economic_measures") else None


@rule(
    "events.modality.engaged_in_sense",
    decides="event.exists",
    positive=[Example("The regulator accused the chairman of engaging in a massive fraud in Lagos.", {"events": 0})],
    negative=[Example("Soldiers engaged in a fierce gunfight with bandits near Zurmi on Monday.",
                      {"event.event_type": "Battles"})],
)
def engaged_in_sense(trigger: Token, lex: Lexicon) -> str | None:
    """ "Engaged in fraud", "engaged in talks": what one engages in is the action, and only a fight is a clash."""
    if lemma(trigger) != "engage":
        return None
    held = [p for c in kids(trigger) if c.dep_ == "prep" and c.lower_ == "in" for p in kids(c) if p.dep_ == "pobj"]
    if not held:
        return None
    return None if _words(held) & lex.words("engaged_fights") else "figurative"


@rule(
    "events.modality.festive_gathering_sense",
    decides="event.exists",
    positive=[Example("Thousands of fans gathered outside the stadium in Accra on Sunday to celebrate the title.",
                      {"events": 0})],
    negative=[Example("Thousands of teachers gathered outside the ministry in Accra on Sunday to demand pay.",
                      {"event.event_type": "Protests"})],
)
def festive_gathering_sense(trigger: Token, lex: Lexicon) -> str | None:
    """A crowd of fans, shoppers or worshippers, or one that gathered to celebrate, watch or pray, holds no
    demonstration."""
    if lemma(trigger) not in _GATHERINGS or trigger.pos_ != "VERB":
        return None
    subjects = [c for c in kids(trigger) if c.dep_ in _SUBJECTS]
    # "thousands of fans": the people of the number
    subjects += [p for s in subjects for c in kids(s) if c.dep_ == "prep" for p in kids(c) if p.dep_ == "pobj"]
    if _words(subjects) & lex.words("not_demonstrators"):
        return "figurative"
    purposes = [c for c in kids(trigger) if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
    if _words(purposes) & lex.words("not_protest_purposes"):
        return "figurative"
    return None


@rule(
    "events.modality.aid_operation_sense",
    decides="event.exists",
    positive=[
        Example("Gunmen killed four traders near Beni on Monday, police said. The UN said funding for its Congo"
                " operations covers barely a third of needs.", {"events": 1, "event.sub_event_type": "Attack"}),
        Example("Soldiers clashed with rebels near Beni on Monday. Aid agencies suspended their relief operations"
                " in the area.", {"events": 1, "event.sub_event_type": "Armed clash"}),
    ],
    negative=[Example("The army said its operations against the rebels near Beni killed 12 fighters on Monday.",
                      {"event.event_type": "Battles"})],
)
def aid_operation_sense(trigger: Token, lex: Lexicon) -> str | None:
    """Operations of aid or their money ("funding for its Congo operations", "relief operations", "rescue
    operations"; lexicon ``aid_words``) are no military operation."""
    if lemma(trigger) != "operation":
        return None
    aid = lex.words("aid_words")
    near = [c for c in kids(trigger) if c.dep_ in ("amod", "compound")]
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in ("for", "of"):
        near.append(head.head)  # "funding for its operations", "the cost of the operations"
    return "figurative" if _words(near) & aid else None


@rule(
    "events.modality.crowd_control_munition",
    decides="event.exists",
    positive=[Example("Hundreds of students blocked the highway in Quito on Monday and threw stones at police, who"
                      " fired tear gas and stun grenades.", {"events": 1, "event.event_type": "Riots"}),
              Example("Police dispersed the march in Santiago with water cannon and flash-bang grenades on Friday.",
                      {"!event.sub_event_type": "Grenade"})],
    negative=[Example("A man threw a hand grenade at a bar in Cotabato on Friday, wounding six people.",
                      {"event.sub_event_type": "Grenade"})],
)
def crowd_control_munition(trigger: Token, lex: Lexicon) -> str | None:
    """ "Stun grenades", "tear gas grenades", "flash-bang grenades" (lexicon ``crowd_control_munitions``, the word
    before "grenade") are the police's means of breaking up a crowd, which the protest and riot rules tell: no
    grenade attack."""
    if lemma(trigger) != "grenade":
        return None
    return "figurative" if crowd_control_grenade(trigger, lex) else None


_SAYING: Final = frozenset({"say", "tell", "report", "recount", "describe", "confirm"})
_CROWD_NOUNS: Final = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "striker"})


@rule(
    "events.modality.gathered_speakers",
    decides="event.exists",
    positive=[Example("Gunmen killed four traders in Kaduna on Sunday, police said. Families gathered outside the"
                      " hospital on Monday said they had not been told where the bodies were.",
                      {"events": 1, "event.sub_event_type": "Attack"}),
              Example("Gunmen killed four traders in Kaduna on Sunday, police said. Mourners gathered at the cemetery"
                      " told reporters the victims were farmers.", {"events": 1, "event.sub_event_type": "Attack"})],
    negative=[Example("Hundreds of relatives gathered outside the ministry in Kaduna on Monday to demand news of the"
                      " abducted pupils, witnesses said.", {"event.event_type": "Protests"})],
)
def gathered_speakers(trigger: Token, lex: Lexicon) -> str | None:
    """ "Families gathered outside the hospital said ...": a gathering in a reduced relative clause says where
    the speakers were (the parser hangs the reporting verb on it, or it on a reporting verb with no subject of its
    own), not that they demonstrated. Demonstrators named so ("protesters gathered ... said") keep their protest."""
    if lemma(trigger) not in _GATHERINGS or trigger.pos_ != "VERB":
        return None
    subjects = [c for c in kids(trigger) if c.dep_ in _SUBJECTS]
    if not subjects or _words(subjects) & _CROWD_NOUNS:
        return None

    def subjectless_saying(verb: Token) -> bool:
        return lemma(verb) in _SAYING and not any(c.dep_ in _SUBJECTS for c in kids(verb))

    doc = trigger.doc
    for c in kids(trigger):
        if c.i < trigger.i or not subjectless_saying(c):
            continue
        # "gathered at the cemetery told reporters": a conjunct with no "and" or comma before it is the same misparse
        joined = c.dep_ == "conj" and not any(t.dep_ == "cc" or t.lower_ == "," for t in doc[trigger.i : c.i])
        if c.dep_ == "dep" or joined:
            return "figurative"
    head = trigger.head
    if trigger.dep_ == "ccomp" and head.i > trigger.i and subjectless_saying(head):
        return "figurative"
    return None


@rule(
    "events.modality.crowd_pushed_back",
    decides="event.exists",
    positive=[Example("Protesters threw stones at police in central Tbilisi on Saturday night. Police used water"
                      " cannon and tear gas to push back groups of young men who tried to reach parliament.",
                      {"events": 1, "event.event_type": "Riots"})],
    negative=[Example("Ukrainian troops pushed back Russian forces near Kupiansk on Saturday, the army said.",
                      {"event.event_type": "Battles"})],
)
def crowd_pushed_back(trigger: Token, lex: Lexicon) -> str | None:
    """People of a crowd "pushed back" ("to push back groups of young men", "pushed back the protesters";
    lexicon ``pushed_crowds``) are held off by police: crowd control, which the protest and riot rules tell, not
    a battle and not a capture."""
    if lemma(trigger) != "push" or not any(c.lower_ == "back" for c in kids(trigger)):
        return None
    objects = [c for c in kids(trigger) if c.dep_ in ("dobj", "obj")]
    # "groups of young men": the people of the group
    objects += [p for o in objects if lemma(o) in ("group", "hundred", "dozen", "thousand")
                for c in kids(o) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c) if p.dep_ == "pobj"]
    return "figurative" if _words(objects) & lex.words("pushed_crowds") else None


_SENSES: Final = (
    crowd_pushed_back,
    gathered_speakers,
    crowd_control_munition,
    aid_operation_sense,
    peaceful_object_sense,
    labour_strike_sense,
    natural_force_sense,
    figurative_battle_sense,
    showing_sense,
    criticism_sense,
    economic_sense,
    engaged_in_sense,
    festive_gathering_sense,
)
_GATE: Final = (
    _STRIKES | _BATTLES | _NATURE_HITS | _GATHERINGS | _CRITICISMS | _RETALIATIONS
    | {"demonstrate", "demonstration", "engage", "operation", "grenade", "push"}
)
# the rules any trigger may meet: an adjective of possibility, an adverb of habit
@rule(
    "events.modality.present_habit",
    decides="event.exists",
    positive=[Example("Gunmen killed 15 people in a bar in Celaya on Saturday.\n\nThe state has been violent for years"
                      " as"
                      " two cartels fight for control of fuel theft.", {"events": 1})],
    negative=[Example("Gunmen kill 15 in bar in Mexico\n\nGunmen killed 15 people in a bar in Celaya on Saturday.",
                      {"events": 1, "event.fatalities.value": 15})],
)
def present_habit(trigger: Token, lex: Lexicon) -> str | None:
    """A verb in the simple present in the body of a report ("as two cartels fight for control") tells what goes
    on, not an event; headlines, which tell past events in the present ("Gunmen kill 15"), are left alone."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBZ", "VBP"):
        return None
    word = trigger.lower_
    if word != lemma(trigger) and not (trigger.tag_ == "VBZ" and word.endswith("s")):
        return None  # "retook" tagged VBP: the form says past
    if any(c.dep_ in ("aux", "auxpass") for c in kids(trigger)):
        return None
    sent = sentence_at(trigger.doc, trigger.i)
    text = doc_text(trigger.doc)
    headline = sent.start_char == 0 or "\n" in text[sent.start_char : sent.end_char].strip()
    if headline or not text[sent.start_char : sent.end_char].rstrip().endswith((".", '"', "'")):
        return None
    if any(t.tag_ == "VBD" for t in sent):
        return None  # "the war took a turn when fighters retook Mekele": a past sentence ("retook" mistagged)
    return "irrealis"


@rule(
    "events.modality.move_to_the_scene",
    decides="event.exists",
    positive=[Example("Settlers set fire to homes in Burin on Thursday. Soldiers arrived at the scene and dispersed"
                      " them.", {"!event.sub_event_type": "Change to group/activity"})],
    negative=[Example("Ugandan troops arrived in Bunia on Thursday to reinforce the army.",
                      {"event.sub_event_type": "Change to group/activity"}),
              Example("Gunmen abducted two miners at a gold mining site near Kollo on Monday.",
                      {"event.sub_event_type": "Abduction/forced disappearance"})],
)
def move_to_the_scene(trigger: Token, lex: Lexicon) -> str | None:
    """Forces that "arrived at the scene" answer the event told, a part of its report, not a movement of forces."""
    if trigger.pos_ != "VERB" or lemma(trigger) not in lex.words("scene_moves"):
        return None
    scenes = lex.words("scene_nouns")
    for prep in kids(trigger):
        if prep.dep_ == "prep" and any(o.dep_ == "pobj" and lemma(o) in scenes for o in kids(prep)):
            return "support"
    return None


_ANY: Final = (unreal_adjective, habit, present_habit, move_to_the_scene)


def other_sense(trigger: Token, lex: Lexicon | None = None) -> str | None:
    """``"figurative"`` when the trigger's clause gives it a sense that is no violence and no protest,
    ``"irrealis"`` when it is a possibility or a habit, else None."""
    lex = lex or load_lexicon()
    found = first(_SENSES, trigger, lex) if lemma(trigger) in _GATE else None
    found = found or first(_ANY, trigger, lex)
    return found.value if found is not None else None
