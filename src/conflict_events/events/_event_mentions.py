"""Trigger mentions: where the text names an action, found from the lexicon and the parse.

A :class:`EventMention` is one trigger in one sentence, before merging: its class, its
clause, the roles and place found for it, and flags the merging rules read
(anaphoric "the attack", distinct "similar raids", in the standfirst).
:func:`find_triggers` returns the raw matches of one sentence; modality
(negation, threats, plans, futures) is checked by :mod:`.modality`.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Rebels shelled the town and clashed with soldiers.")
>>> [(t.head.text, t.cls.name) for t in find_triggers(doc[:], load_lexicon())]
[('shelled', 'artillery'), ('clashed', 'clash')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._doccache import CACHE_PREFIX
from .._docindex import AUX, VERB, doc_index, lemmas, lowers, sentence_at
from ._tokens import ancestor_ids, kids, root_before_modifier_verb, subtree, tree
from ._trigger_lexicon import Lexicon, TriggerClass, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..schema import Actor, Location, TimeSpan

__all__ = ["EventMention", "Trigger", "clause_tokens", "find_triggers", "lemma", "platform_of"]

_GAP = 8  # words a "*" in a phrase may skip ("set a section of the secretariat on fire")
# prepositions a phrase names after a gap: a preposition token there is the phrase's own word
_PHRASE_PREPOSITIONS: Final = frozenset({"on", "with", "into"})


# lemma hash -> lower-case lemma: ``lemma_`` decodes the string from the store on every read; cleared when full
_LEMMAS: dict[int, str] = {}


def lemma(token: Token) -> str:
    """Lower-case lemma (spaCy keeps proper-noun case)."""
    key = token.lemma
    found = _LEMMAS.get(key)
    if found is None:
        if len(_LEMMAS) >= 1 << 16:
            _LEMMAS.clear()
        found = _LEMMAS[key] = token.lemma_.lower()
    return found


@dataclass
class Trigger:
    """A lexicon match: the head token that carries it, all its tokens, and its class."""

    head: Token
    tokens: list[Token]
    cls: TriggerClass

    @property
    def start(self) -> int:
        tokens = self.tokens
        if len(tokens) == 1:
            return tokens[0].idx
        return min(t.idx for t in tokens)

    @property
    def end(self) -> int:
        tokens = self.tokens
        if len(tokens) == 1:
            return tokens[0].idx + len(tokens[0].text)
        return max(t.idx + len(t.text) for t in tokens)


@dataclass
class EventMention:
    """One trigger in context, with what the role, place and time rules found for it."""

    trigger: Trigger
    sentence: SpacySpan
    paragraph: int
    event_type: str
    sub_event_type: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc: list[Actor] = field(default_factory=list)
    victims_civilian: bool = False
    target_armed: bool = False
    target_place: bool = False
    location: Location | None = None
    location_rank: int = 9  # 0 clause, 1 sentence, 2 paragraph context: lower is closer
    care_place: bool = False  # its place is named only as where the wounded were cared for (events.place.care_place)
    places: frozenset[str] = frozenset()  # every place named with it ("Fuaa and Kafraya")
    numbers: frozenset[str] = frozenset()  # counts in its sentence ("16 suspects")
    patient_lemmas: list[str] = field(default_factory=list)  # head words of the side acted upon
    date: TimeSpan | None = None
    date_source: str = "default"  # own, sentence or default
    anaphoric: bool = False
    distinct: bool = False
    standfirst: bool = False
    hedged: bool = False
    crowd_violence: bool = False
    force_on_crowd: str | None = None  # None, "intervention" or "lethal"
    force_actor: Actor | None = None  # who used it
    absorbed: list[EventMention] = field(default_factory=list)
    follow_ups: list[tuple[int, int]] = field(default_factory=list)  # later sentences that tell more of it
    contested_cue: bool = False
    guessed: bool = False  # sub-type is a default for a verb that names no weapon ("bombed", "struck")
    type_rule: str = ""  # the typing rule that decided its type (events/_type_rules.py)
    label: TriggerClass | None = None  # the class a note's opening label gives it: the note's main event
    by_crowd: bool = False  # done by "they", the demonstrators of the paragraph's demonstration told before
    per_town: bool = False  # told again for one town of a list ("rallies in A, B and C": one event at each)

    @property
    def cls(self) -> TriggerClass:
        return self.trigger.cls

    @property
    def family(self) -> str:
        """Which mentions may merge: battle, remote, vac, demo, or the SD class name."""
        event_type = self.event_type
        if event_type in ("Riots", "Protests"):
            return "demo"
        if event_type == "Strategic developments":
            return "sd:" + self.sub_event_type  # "captured the network" is an arrest, like "arrested"
        name = self.trigger.cls.name
        return FAMILY.get(name, name)


FAMILY: dict[str, str] = {
    "clash": "battle",
    "assault": "battle",
    "territory": "battle",
    "air": "remote",
    "artillery": "remote",
    "explosive": "remote",
    "suicide": "remote",
    "grenade": "remote",
    "chemical": "remote",
    "kill": "vac",
    "abduct": "vac",
    "sexual": "vac",
    "casualty": "vac",
    "protest": "demo",
    "riot": "demo",
    "mob": "demo",
}


def _match_phrase(
    tokens: list[Token], lems: list[str], lows: list[str], i: int, phrase: tuple[str, ...]
) -> list[Token] | None:
    """Tokens matching ``phrase`` from ``tokens[i]`` on (lemma or lower form; ``*`` skips up to eight)."""
    out: list[Token] = []
    n = len(tokens)
    j = i
    k = 0
    while k < len(phrase):
        word = phrase[k]
        if word == "*":
            nxt = phrase[k + 1]
            for gap in range(_GAP + 1):
                # the word after a gap is no preposition: "reached 30,000, according to" holds no accord (unless
                # the phrase asks for one: "set tires on fire", "merged its fighters with")
                if j + gap < n and (nxt == lems[j + gap] or nxt == lows[j + gap]) and (
                    tokens[j + gap].dep_ != "prep" or nxt in _PHRASE_PREPOSITIONS
                ):
                    j += gap
                    break
            else:
                return None
            k += 1
            continue
        if j >= n or (word != lems[j] and word != lows[j]):
            return None
        out.append(tokens[j])
        j += 1
        k += 1
    return out


def _one_unit(tokens: list[Token]) -> bool:
    """Whether a phrase's words can be one expression: not two pieces of the parse of which one is the object of a
    preposition outside the match. In "militants armed with heavy weapons attacked", the words of "heavy weapon attack"
    straddle the end of "with heavy weapons"; "with a prisoner exchange", "missile and drone attacks" or a
    mis-parsed "opened gunfire fire" are whole."""
    ids = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    # one piece: the phrase may be a preposition's object as a whole ("as a result of soldiers opening fire", "with
    # a prisoner exchange"); two pieces, one of them ending a prepositional phrase, are two expressions
    return len(outside) < 2 or not any(t.dep_ == "pobj" and t is not tokens[-1] for t in outside)


def _phrase_head(tokens: list[Token]) -> Token:
    """The token of a match whose syntactic head lies outside the match (verbs first)."""
    ids = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    verbs = [t for t in outside if t.pos_ in ("VERB", "AUX")] or [t for t in tokens if t.pos_ == "VERB"]
    return (verbs or outside or tokens)[-1 if not verbs else 0]


_PhraseEntry = tuple[int, TriggerClass, tuple[str, ...]]
# Keyed by id(); the lexicon is kept in the value so that its id cannot be reused by another object.
_INDEXES: dict[int, tuple[Lexicon, dict[str, list[_PhraseEntry]], dict[str, TriggerClass]]] = {}
# Per lexicon: every word that can make a one-token trigger (a verb, a noun, a one-word phrase, a weapon verb).
_SINGLE_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _indexes(lex: Lexicon) -> tuple[dict[str, list[_PhraseEntry]], dict[str, TriggerClass]]:
    """Multi-word phrases by their first word, numbered in lexicon order, and one-word phrases
    to their first class; built once per lexicon."""
    cached = _INDEXES.get(id(lex))
    if cached is None:
        index: dict[str, list[_PhraseEntry]] = {}
        single: dict[str, TriggerClass] = {}
        order = 0
        for pcls in lex.classes.values():
            for phrase in pcls.phrases:
                if len(phrase) > 1:
                    index.setdefault(phrase[0], []).append((order, pcls, phrase))
                elif len(phrase) == 1:
                    single.setdefault(phrase[0], pcls)
                order += 1
        if any(first == "*" for first in index):
            raise ValueError("an events lexicon phrase cannot start with '*'")
        cached = _INDEXES[id(lex)] = (lex, index, single)
    return cached[1], cached[2]


def _single_words(lex: Lexicon) -> frozenset[str]:
    """Words that can make a one-token trigger: any other token is skipped before its parse is read."""
    cached = _SINGLE_WORDS.get(id(lex))
    if cached is None:
        words = frozenset(
            [*lex._verb_index, *lex._noun_index, *_indexes(lex)[1], *lex.words("weapon_verbs")]
        )
        cached = _SINGLE_WORDS[id(lex)] = (lex, words)
    return cached[1]


def _phrase_index(lex: Lexicon) -> dict[str, list[_PhraseEntry]]:
    """Multi-word phrases by their first word, numbered in lexicon order; built once per lexicon."""
    return _indexes(lex)[0]


_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
_PARTICIPLE_PREV = frozenset({"ADP", "DET", "SCONJ"})
_NOT_NOUN_TRIGGER = frozenset({"DATE", "TIME", "PERSON"})


def find_triggers(sentence: SpacySpan, lex: Lexicon | None = None) -> list[Trigger]:
    """Lexicon matches in one sentence: phrases first, then single verbs and nouns, one per head."""
    tokens = list(sentence)
    return find_triggers_in(sentence, lex or load_lexicon(), *token_words(tokens))


def token_words(tokens: list[Token]) -> tuple[list[Token], list[str], list[str]]:
    """The tokens with their :func:`lemma` and lower-case forms, for :func:`find_triggers_in`."""
    return tokens, [t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens]


def find_triggers_in(
    sentence: SpacySpan, lex: Lexicon, tokens: list[Token], lems: list[str], lows: list[str]
) -> list[Trigger]:
    """:func:`find_triggers` given the sentence's tokens, lemmas and lower-case forms (from :func:`token_words`)."""
    found, covered = _phrase_triggers(lex, tokens, lems, lows)
    candidates = _single_words(lex)
    first = sentence.start
    for k, tok in enumerate(tokens):
        if first + k in covered or (lems[k] not in candidates and lows[k] not in candidates):
            continue
        pos = tok.pos_
        if pos in _VERBAL:
            cls = _verb_class(lex, tokens, k, lems[k], lows[k])
            if cls is None and pos == "AUX" and tok.tag_ == "VBG":
                # no auxiliary is a trigger word: "Houthi shelling kills three" with "shelling" tagged an
                # auxiliary is the tagger's slip on a headline's noun
                cls = _noun_class(lex, tok, lems[k], lows[k])
        elif pos in _NOMINAL:
            cls = _noun_class(lex, tok, lems[k], lows[k])
        else:
            continue
        if cls is not None:
            found.append(Trigger(tok, [tok], cls))
            covered.add(first + k)
    return sorted(found, key=lambda t: t.head.i)


def _phrase_triggers(
    lex: Lexicon, tokens: list[Token], lems: list[str], lows: list[str]
) -> tuple[list[Trigger], set[int]]:
    """The multi-word phrase matches of a sentence and the token indexes they cover."""
    found: list[Trigger] = []
    covered: set[int] = set()
    index = _indexes(lex)[0]
    for i, lem in enumerate(lems):
        # Only the phrases that can start here, in lexicon order (the order decides overlaps).
        low = lows[i]
        starts = index.get(lem, [])
        if low != lem and low in index:
            starts = [*starts, *index[low]]
        if not starts:
            continue  # most words start no phrase
        for _, pcls, phrase in sorted(starts, key=lambda entry: entry[0]):
            match = _match_phrase(tokens, lems, lows, i, phrase)
            if match and not any(t.i in covered for t in match) and _one_unit(match):
                found.append(Trigger(_phrase_head(match), match, pcls))
                covered.update(t.i for t in match)
    return found, covered


def _verb_class(lex: Lexicon, tokens: list[Token], k: int, lem: str, low: str) -> TriggerClass | None:
    """The class of a one-word verb trigger; none for a participle that names a state."""
    tok = tokens[k]
    participle = k > 0 and tok.tag_ in _PARTICIPLE_TAGS and tokens[k - 1].pos_ in _PARTICIPLE_PREV
    if (tok.dep_ == "amod" or participle) and root_before_modifier_verb(tok) is None:
        return None  # "occupied Olenivka", "the besieged plant": a state, not an action
    verbs = lex._verb_index
    cls = verbs.get(lem) or verbs.get(low) or _indexes(lex)[1].get(lem)
    if cls is None and lem in lex.words("weapon_verbs"):
        cls = _weapon_object_class(tok, lex)
    return cls


def _noun_class(lex: Lexicon, tok: Token, lem: str, low: str) -> TriggerClass | None:
    """The class of a one-word noun trigger; none for a modifier, a date, a name."""
    nouns = lex._noun_index
    if lem not in nouns and low not in nouns:
        return None
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return None  # "armoured combat vehicles", "attack helicopters": a modifier, not an action
    if tok.ent_type_ in _NOT_NOUN_TRIGGER:
        return None
    acronym = tok.text.isupper() and len(tok.text) > 1  # "a roadside IED": the model may tag it a name
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not acronym and tok.i != sentence_at(tok.doc, tok.i).start:
        return None  # a capitalised name inside a sentence ("Operation Storm"), not an action
    return nouns.get(lem) or nouns.get(low)


def _single_phrase(lex: Lexicon, lem: str, *, verbal: bool) -> TriggerClass | None:
    """One-word phrases ("take", "push"): verbs whose class the typing rules check further."""
    return _indexes(lex)[1].get(lem)


_PLATFORM_CLASS = {
    "air": "air",
    "ground": "artillery",
    "explosive": "explosive",
    "grenade": "grenade",
    "chemical": "chemical",
}


_PLATFORMS_KEY: Final = CACHE_PREFIX + "events.platforms"


def platform_of(tok: Token, lex: Lexicon) -> str | None:
    """The weapon platform a token names; "air" in "fired in(to) the air" (warning shots) names none.

    Memoised per Doc and lexicon: the typing rules ask it of every word of a sentence, several rules of the
    same sentence, and the report's platforms of every word of the Doc."""
    data = tok.doc.user_data
    memo = data.get(_PLATFORMS_KEY)
    if not isinstance(memo, tuple) or memo[0] is not lex:
        memo = data[_PLATFORMS_KEY] = (lex, {})
    found: dict[int, str | None] = memo[1]
    i = tok.i
    if i in found:
        return found[i]
    doc = tok.doc
    words = platform_words(lex)
    # a word that is no weapon and no last word of a two-word weapon names none: no attribute to read
    if lemmas(doc)[i] in words or lowers(doc)[i] in words:
        platform = found[i] = _platform_of(tok, lex)
    else:
        platform = found[i] = None
    return platform


_PLATFORM_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def platform_words(lex: Lexicon) -> frozenset[str]:
    """The words a token's lemma or lower-case form must be for :func:`platform_of` to find a platform: the
    lexicon's one-word weapons and the last words of its longer ones ("roadside bomb"), once per lexicon."""
    held = _PLATFORM_WORDS.get(id(lex))
    if held is None or held[0] is not lex:
        if len(_PLATFORM_WORDS) >= 16:
            _PLATFORM_WORDS.clear()  # lexicons are few; bounded all the same
        words = frozenset(key.split()[-1] if " " in key else key for key in lex._platform_index)
        held = _PLATFORM_WORDS[id(lex)] = (lex, words)
    return held[1]


def _platform_of(tok: Token, lex: Lexicon) -> str | None:
    if tok.lower_ == "air" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into"):
        return None
    if _person_bomber(tok, lex):
        return None  # "a suicide truck bomber": a person, not an aircraft
    found = lex.platform(lemma(tok)) or lex.platform(tok.lower_)
    if found is not None and any(c.lower_ in lex.words("unarmed_platforms") for c in tok.lefts):
        return None  # "water cannon", "surveillance drones": no weapon in use
    if found is None and tok.i > 0:
        # two-word weapons of the lexicon ("roadside bomb", "car bomb", "booby trap"): the word before and this one
        before = tok.doc[tok.i - 1]
        if before.head.i == tok.i:
            found = lex.platform(f"{before.lower_} {lemma(tok)}")
    return found


def _person_bomber(tok: Token, lex: Lexicon) -> bool:
    """Whether "bomber" is a person: "suicide" or a vehicle among the two words before it ("a suicide
    bomber", "a suicide truck bomber", "a car bomber")."""
    if tok.lower_ not in ("bomber", "bombers"):
        return False
    before = {t.lower_ for t in tok.doc[max(0, tok.i - 2) : tok.i]}
    return bool(before & ({"suicide"} | lex.words("vehicles")))


def _weapon_object_class(verb: Token, lex: Lexicon) -> TriggerClass | None:
    """ "used ATACMS missiles", "fired rockets": the weapon object names the attack."""
    if verb.dep_ == "acl":
        platform = lex.platform(lemma(verb.head)) or lex.platform(verb.head.lower_)
        if platform:
            return lex.classes[_PLATFORM_CLASS[platform]]  # "mortar shells fired by rebels"
    unarmed = lex.words("unarmed_platforms")
    for child in kids(verb):
        if child.dep_ in ("dobj", "obj", "nsubjpass", "prep", "dative"):
            for t in subtree(child):
                platform = platform_of(t, lex)
                # "using underwater drones", "deployed surveillance drones": no weapon in use (also in platform_of)
                if platform and not any(c.lower_ in unarmed for c in t.lefts):
                    return lex.classes[_PLATFORM_CLASS[platform]]
    return None


_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "relcl", "xcomp", "csubj"})
_CLAUSE_DEP_IDS = frozenset(get_string_id(d) for d in _CLAUSE_DEPS)
_CONJ_ID = get_string_id("conj")
_VERBISH = frozenset({VERB, AUX})


def clause_tokens(head: Token) -> list[Token]:
    """The trigger's own clause: its verb's subtree without nested clauses or conjoined verbs."""
    # walked over the per-Doc heads, children and attribute ids: no Token object made per step
    doc = head.doc
    index, walk = doc_index(doc), tree(doc)
    pos, dep, heads = index.pos, index.dep, walk.heads
    verb = head.i
    while pos[verb] not in _VERBISH and heads[verb] != verb and dep[verb] not in _CLAUSE_DEP_IDS:
        verb = heads[verb]
    # a child's subtree holds the trigger exactly when the child is the trigger or one of its heads
    holds_head = {head.i, *ancestor_ids(head)}
    out: list[int] = []
    stack = [verb]
    while stack:
        i = stack.pop()
        out.append(i)
        for child in walk.kid_ids(i):
            d = dep[child]
            if d in _CLAUSE_DEP_IDS and child not in holds_head:
                continue
            if d == _CONJ_ID and pos[child] in _VERBISH and child not in holds_head:
                continue
            stack.append(child)
    toks = walk.tokens
    return [toks[i] for i in sorted(out)]
