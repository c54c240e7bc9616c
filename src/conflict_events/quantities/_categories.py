"""What a count counts: its figure category, the item in singular form, and where its owner is named.

The category comes from the word that governs the counted noun: the verb it is
subject or object of ("40 POWs were killed", "lost 430,000 soldiers"), its own
modifiers ("people displaced by", "dead civilians"), or a toll noun ("placed the
death toll at 53"). Equipment nouns are ``equipment`` whatever the verb; people
under arms with no casualty word are ``personnel``; everything else is ``other``.
A count inside a prepositional phrase ("in 16 villages") is *oblique*: it
describes the setting, and the governing verb's category is not passed to it.

>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.quantities._quantity_finder import QuantityFinder
>>> doc = load_language_model()("The ministry said 40 POWs were killed and 84 others wounded.")
>>> [classify(q, doc).category for q in QuantityFinder()(doc[:])]
['killed', 'wounded']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text, tokens
from ..lexicons import lexicon
from ..rules import Example, first, rule
from ..schema._types import FigureCategory
from ._quantity_finder import Quantity
from ._quantity_lexicon import CATEGORY_LEMMAS, EQUIPMENT_NOUNS, FORCE_NOUNS, PERSON_NOUNS, VAGUE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Typing", "classify"]

_CASUALTY_ORDER: Final[tuple[FigureCategory, ...]] = (
    "killed",
    "wounded",
    "captured",
    "missing",
    "casualties",
)
_CORE: Final = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "ROOT", "npadvmod", "appos"})
_WORDS: Final = lexicon("numbers")
_LISTING_PREPS: Final = _WORDS.words("listing_prepositions")
_QUANT_HEADS: Final = _WORDS.words("quantity_heads")
_NOT_ITEM: Final = _WORDS.words("not_item")
_TOLL: Final = _WORDS.words("toll_nouns")
_COUNT_NOUNS: Final = _WORDS.words("count_nouns")
_DEATH_NOUNS: Final = _WORDS.words("death_nouns")
_BODIES_OF_MEN: Final = _WORDS.words("bodies_of_men")
_DEAD_NOUNS: Final = _WORDS.words("dead_nouns")
_LOSS_NOUNS: Final = _WORDS.words("loss_nouns")
_LIFE_TAKING: Final = _WORDS.words("life_taking_verbs")
_LIFE_NOUNS: Final = _WORDS.words("life_nouns")
_TOTAL_VERBS: Final = _WORDS.words("total_verbs")
_LIFE_SAVING: Final = _WORDS.words("life_saving_verbs")
_NOT_KILLED: Final = _WORDS.words("animal_nouns")
_PEOPLE_ONLY: Final = _WORDS.words("people_only_killing_verbs")
_CLAUSE_SLOTS: Final = frozenset({"nsubj", "nsubjpass", "dobj"})
# a walk over the parse climbs at most this many heads: a malformed parse cannot make it loop
_MAX_CLIMB: Final = 8


@dataclass(frozen=True)
class Typing:
    """A count's type: category, counted item, owner candidates and whether it is oblique.

    ``owners`` are document character ranges, best first, where the actor whose
    losses or forces these are may be named; ``also`` holds further categories for
    a zero ("no guards were injured or killed" is 0 wounded and 0 killed).
    """

    category: FigureCategory
    item: str | None
    owners: tuple[tuple[int, int], ...]
    oblique: bool
    governor: int | None
    also: tuple[FigureCategory, ...] = ()
    rule: str | None = None


@dataclass(frozen=True)
class Count:
    """One count being typed: its counted noun, the predicate it fills a slot of, the words that can type it, and
    the text of its sentence before it."""

    value: int | None
    counted: Token | None
    noun: str | None
    pred: Token | None
    oblique: bool
    lemmas: frozenset[str]
    before: str = ""  # the text just before the count (:data:`_UPDATE_REACH` characters)

    @property
    def person(self) -> bool:
        """Whether it counts people (or a pronoun, or stands alone: "the toll rose to 53")."""
        c = self.counted
        return c is None or c.pos_ == "PRON" or _is_person(c) or self.noun in _BODIES_OF_MEN

    @property
    def killed_noun(self) -> bool:
        """Whether it counts a common noun a killing or wounding verb acts on ("killed two adolescents", "three
        porters were shot dead"): no word list names every kind of person, and only people are killed, save
        animals and machines."""
        c = self.counted
        if c is None or c.pos_ != "NOUN" or self.oblique or self.noun in EQUIPMENT_NOUNS or self.noun in _NOT_KILLED:
            return False
        if self.pred is None or self.pred.pos_ != "VERB" or c.dep_ not in ("dobj", "nsubjpass"):
            return False
        return bool((self.lemmas - _PEOPLE_ONLY) & (CATEGORY_LEMMAS["killed"] | CATEGORY_LEMMAS["wounded"]))


@rule(
    "figures.category.equipment",
    decides="figure.category",
    positive=[
        Example(
            "Ukrainian forces destroyed 12 tanks near Avdiivka on Thursday, the military said.",
            {"figure.category": "equipment"},
        )
    ],
    negative=[
        Example(
            "Ukrainian forces killed 12 soldiers near Avdiivka on Thursday, the military said.",
            {"figure.category": "killed"},
        )
    ],
)
def equipment(c: Count) -> tuple[FigureCategory, ...] | None:
    """A count of weapons or vehicles is equipment, whatever happened to them."""
    t = c.counted
    if t is not None and c.noun is not None and (c.noun in EQUIPMENT_NOUNS or _compound_equipment(t)):
        return ("equipment",)
    return None


@rule(
    "figures.category.casualty_word",
    decides="figure.category",
    positive=[
        Example(
            "Gunmen killed 14 villagers in an attack near Bunia on Thursday, local officials said.",
            {"figure.category": "killed"},
        ),
        Example(
            "An air strike hit the market in Bunia on Thursday, claiming the lives of 14 traders.",
            {"figure.category": "killed", "event.fatalities.value": 14},
        ),
        Example(
            "Soldiers clashed with Al Shabaab near Jowhar on Monday. 12 Al Shabaab were killed.",
            {"figure.category": "killed", "event.fatalities.value": 12},
        ),
        Example(
            "Gunmen killed two adolescents near Bunia on Thursday, local officials said.",
            {"figure.category": "killed", "event.fatalities.value": 2},
        ),
        Example(
            "Two clans clashed over a well near Galkayo on Monday. The clash resulted in 3 fatalities.",
            {"figure.category": "killed", "event.fatalities.value": 3},
        ),
        Example(
            "Soldiers repelled an attack on their post near Djibo on Sunday and neutralized 11 terrorists.",
            {"figure.category": "killed", "event.fatalities.value": 11},
        ),
    ],
    negative=[
        Example(
            "About 300 soldiers were deployed to Bunia on Thursday after the attack, officials said.",
            {"!figure.category": "killed"},
        ),
        Example(
            "Raiders killed 40 cattle in a village near Bunia on Thursday, local officials said.",
            {"!figure.category": "killed"},
        ),
        Example(
            "Engineers neutralized four IEDs on the road near Djibo on Sunday, the army said.",
            {"!figure.category": "killed"},
        ),
    ],
)
def casualty_word(c: Count) -> tuple[FigureCategory, ...] | None:
    """A count of people with a casualty word (its own, its verb's, or a toll noun) is that casualty."""
    if not (c.person or c.killed_noun):
        return None
    cats = [k for k in _CASUALTY_ORDER if c.lemmas & CATEGORY_LEMMAS[k]]
    if c.noun in _DEAD_NOUNS:
        cats = ["killed"]
    if c.noun in _LOSS_NOUNS:
        cats = ["casualties"]
    if not cats:
        return None
    if c.value == 0 and len(cats) > 1:
        return tuple(cats)  # "no guards were injured or killed": 0 of each
    if "killed" in cats and "wounded" in cats:
        return ("casualties",)
    return (cats[0],)


_UPDATE_REACH: Final = 160  # characters before a count that a toll update ("the toll from ... rose to") spans


@lru_cache(maxsize=1)
def _toll_update() -> re.Pattern[str]:
    """A toll carried up to a new total, ending where the total is written: "the toll from the shelling rose to",
    "bringing the number of dead to" (at most ten words between the toll and its verb, four after the verb's toll)."""
    def alternation(name: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS.words(name), key=len, reverse=True))

    verb, head = alternation("toll_update_verbs"), alternation("toll_update_heads")
    word = r"[\w'’-]+,?\s+"
    return re.compile(
        rf"(?:\b(?:{head})\s+(?:{word}){{0,10}}?(?:has\s+|had\s+|have\s+)?(?:{verb})"
        rf"|\b(?:{verb})\s+the\s+(?:{head})\s+(?:{word}){{0,4}}?)"
        r"\s*to\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+)?$",
        re.IGNORECASE,
    )


@rule(
    "figures.category.toll_update",
    decides="figure.category",
    positive=[
        Example("Russian shelling of Kherson on Monday killed three people. Two more died in hospital on Tuesday, "
                "raising the death toll to five, the regional governor said.", {"figure.value": 5}),
        Example("Toll from Kherson shelling rises to nine as two wounded die", {"figure.category": "killed"}),
        Example("The death toll from Sunday's bombing of a market in Baidoa rose to 14 on Monday, police said.",
                {"figure.category": "killed"}),
    ],
    negative=[
        Example("Gunmen raised the ransom demand to 40 million naira on Tuesday.", {"!figure.category": "killed"}),
        # a tally over a period: no update of one attack's toll (the casualty words still type it)
        Example("Another attack on Monday brought the death toll this year to 300, officials said.",
                {"figure.value": 300}),
    ],
)
def toll_update(c: Count) -> tuple[FigureCategory, ...] | None:
    """A count a toll is carried up to ("rose to five", "bringing the number of dead to 12") is a count of the
    dead, read from the words before it, which a headline's broken parse does not spoil (the pattern's words hold
    no full stop, so it stays in the count's sentence); unless the words
    between the toll and its total make it a tally over a period ("the death toll this year")."""
    found = _toll_update().search(c.before)
    if found is None:
        return None
    if set(re.findall(r"[a-z]+", found.group(0).lower())) & _WORDS.words("toll_update_not_gap"):
        return None
    return ("killed",)


@rule(
    "figures.category.lives_lost",
    decides="figure.category",
    positive=[
        Example(
            "A bomb dropped on a wedding in Kafin Hausa on Sunday night led to a loss of about 25 lives,"
            " residents said.",
            {"figure.category": "killed"},
        )
    ],
    negative=[
        Example(
            "Medics at the hospital in Kafin Hausa saved 25 lives after gunmen attacked the village on Sunday.",
            {"!figure.category": "killed"},
        )
    ],
)
def lives_lost(c: Count) -> tuple[FigureCategory, ...] | None:
    """A count of lives ("a loss of 25 lives", "claimed 25 lives") is a count of the dead, unless they were saved."""
    if c.noun not in _LIFE_NOUNS or (c.pred is not None and _lemma(c.pred) in _LIFE_SAVING):
        return None
    return ("killed",)


@rule(
    "figures.category.personnel",
    decides="figure.category",
    positive=[
        Example(
            "The army deployed 300 soldiers to Bunia on Thursday after gunmen killed 14 villagers.",
            {"figure.category": "personnel"},
        )
    ],
    negative=[
        Example(
            "Gunmen killed 14 villagers near Bunia on Thursday, local officials said.",
            {"!figure.category": "personnel"},
        )
    ],
)
def personnel(c: Count) -> tuple[FigureCategory, ...] | None:
    """People under arms with no casualty or displacement word, not in a prepositional phrase, are personnel."""
    if not c.person or c.oblique or c.lemmas & CATEGORY_LEMMAS["displaced"]:
        return None
    if c.noun in FORCE_NOUNS or c.lemmas & CATEGORY_LEMMAS["personnel"]:
        return ("personnel",)
    return None


_CATEGORY_RULES: Final = (equipment, toll_update, lives_lost, casualty_word, personnel)


def classify(q: Quantity, doc: Doc) -> Typing:
    """Type one count found by :class:`~conflict_events.quantities._quantity_finder.QuantityFinder`."""
    toks = tokens(doc)
    num = toks[q.number]
    counted = toks[q.counted] if q.counted is not None else totalled(num)
    _, pred, oblique = _governor(counted or num, num)
    own = _own_lemmas(counted, num)
    orphan = first((subjectless_passive,), counted)
    if orphan is not None:
        own.add(orphan.value)
    # the count's own participle wins over the clause's verb: "12 were killed and 35 injured"
    lemmas = own if any(own & CATEGORY_LEMMAS[c] for c in _CASUALTY_ORDER) else own | _pred_lemmas(pred, oblique)
    if _lost_lives(pred):
        lemmas = lemmas | {"kill"}  # "130 staff lost their lives": deaths, not the "lose" of losses
    noun = _lemma(counted) if counted is not None else None
    # the words before the count in its line, as far as a toll update reaches (the update's words hold no full
    # stop, so a match stays in the count's sentence)
    before = doc_text(doc)[max(0, num.idx - _UPDATE_REACH): num.idx] if q.value is not None else ""
    before = before[before.rfind("\n") + 1:]
    count = Count(q.value, counted, noun, pred, oblique, frozenset(lemmas), before)
    decided = first(_CATEGORY_RULES, count)
    cats: tuple[FigureCategory, ...] = decided.value if decided is not None else ("other",)
    owners = _owners(counted, pred, oblique)
    return Typing(
        cats[0],
        _counted_item(count, cats[0]),
        owners,
        oblique,
        _index(pred),
        cats[1:],
        decided.rule if decided is not None else None,
    )


@rule(
    "figures.category.subjectless_passive",
    decides="figure.category",
    positive=[
        Example(
            "The group claimed to have killed 4 soldiers and 8 others were injured in the ambush near Jowhar.",
            {"event.fatalities.value": 4},
        )
    ],
    negative=[
        Example(
            "The group claimed to have killed 4 soldiers and 8 others in the ambush near Jowhar.",
            {"event.fatalities.value": 12},
        )
    ],
)
def subjectless_passive(counted: Token | None) -> str | None:
    """A counted noun right before "were injured" whose verb the parser left with no subject ("killed 4 soldiers
    and 8 others were injured", with "others" hung on "soldiers") is that verb's subject: its lemma is the count's
    own word."""
    if counted is None or counted.i + 2 >= len(counted.doc):
        return None
    aux = counted.nbor()
    verb = aux.head
    if aux.dep_ not in ("aux", "auxpass") or verb.i <= aux.i or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return _lemma(verb)


@rule(
    "figures.counted.totalled_noun",
    decides="figure.category",
    positive=[
        Example(
            "The casualties of the air strike on Kafin Hausa, totalling 40 according to a resident, included"
            " children.",
            {"figure.category": "casualties"},
        )
    ],
    negative=[
        Example(
            "The air strike on Kafin Hausa on Sunday killed 40 people, a resident said.",
            {"figure.category": "killed"},
        )
    ],
)
def totalled(num: Token) -> Token | None:
    """A number standing alone as the object of a totalling verb ("the casualties, totalling 40") counts the noun
    that verb describes, or its subject ("the casualties totalled 40")."""
    verb = num.head
    if num.dep_ not in ("dobj", "attr", "npadvmod") or verb.i == num.i or _lemma(verb) not in _TOTAL_VERBS:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "ADJ")), None)


def _counted_item(c: Count, category: FigureCategory) -> str | None:
    """The counted item, but no pronoun and no "others" for a count of people."""
    t = c.counted
    if category == "equipment" or not c.person:
        return _item(t)
    return _item(t) if t is not None and t.pos_ != "PRON" and c.noun != "other" else None


def _lost_lives(pred: Token | None) -> bool:
    """ "130 staff lost their lives", "claiming the lives of 30 people": a verb that takes lives (``numbers.toml``)."""
    return (
        pred is not None
        and _lemma(pred) in _LIFE_TAKING
        and any(c.dep_ == "dobj" and _lemma(c) in ("life", "lives") for c in pred.children)
    )


def _index(t: Token | None) -> int | None:
    return t.i if t is not None else None


def _lemma(t: Token) -> str:
    return t.lemma_.lower() if t.lemma_ else t.lower_


def _governor(base: Token, num: Token) -> tuple[Token, Token | None, bool]:
    """Climb from the counted noun to the word it fills a slot of: (top noun, predicate, oblique)."""
    g = base
    oblique = False
    for _ in range(_MAX_CLIMB):
        head = g.head
        if g.dep_ in ("conj", "appos") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and head.i != g.i:
            g = head
            continue
        if g.dep_ == "pobj":
            prep = head
            if prep.lower_ == "of" and (
                prep.head.i == num.i
                or prep.head.lower_ in _QUANT_HEADS
                or prep.head.lower_ in VAGUE
                or prep.head.like_num
            ):
                g = prep.head
                continue
            if prep.lower_ == "of" and _lemma(prep.head) in _DEATH_NOUNS:
                # "resulted in the deaths of 8,525 people": the noun says what happened to them
                return g, prep.head, False
            if prep.lower_ in _LISTING_PREPS or prep.head.lower_ in _LISTING_PREPS:
                g = prep.head
                # bounded, and stopping at the root: a listing preposition can be its sentence's root
                for _ in range(_MAX_CLIMB):
                    if not (g.dep_ == "prep" or g.lower_ in _LISTING_PREPS) or g.head.i == g.i:
                        break
                    g = g.head
                if g.pos_ in ("VERB", "AUX", "ADJ"):
                    return g, g, False
                continue
            oblique = True
            return g, _verb_above(prep), True
        break
    if g.dep_ in _CORE or g.dep_ == "conj":
        pred = g.head if g.dep_ != "ROOT" else g
        return g, pred, oblique
    if g.dep_ in ("nummod", "compound", "amod"):
        return g, g.head, oblique
    return g, g.head, True


def _verb_above(t: Token) -> Token | None:
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _own_lemmas(counted: Token | None, num: Token) -> set[str]:
    """Lemmas of the count's own words that can say what it is: the counted noun, the number, their modifiers."""
    out: set[str] = set()
    for t in (counted, num):
        if t is None:
            continue
        out.add(_lemma(t))
        for c in t.children:
            if c.dep_ in ("amod", "acl", "relcl", "compound") or (c.dep_ == "prep" and c.lower_ == "in"):
                out.add(_lemma(c))
                out.update(_lemma(k) for k in c.children if k.dep_ == "conj")
    return out


def _pred_lemmas(pred: Token | None, oblique: bool) -> set[str]:
    """Lemmas of the predicate that can say what the count is (not for an oblique count), and "toll"."""
    if pred is None:
        return set()
    kids = list(pred.children)  # read once: spaCy makes new Tokens on every walk
    out = {"toll"} if any(_names_toll(c) for c in kids) else set()
    if oblique:
        return out
    lemma = _lemma(pred)
    out.add(lemma)
    for c in kids:
        out.update(_child_lemmas(c, lemma))
    after = pred.nbor() if pred.i + 1 < len(pred.doc) else None
    if after is not None and after.lower_ == "dead":
        out.add(f"{lemma}_dead")  # "were shot dead outside": the parser hangs "dead" on the next noun
    if pred.dep_ == "conj" and pred.pos_ == "VERB" and pred.head.pos_ == "VERB" and not _has_slot(kids):
        out.add(_lemma(pred.head))  # "were attacked and killed": the first verb's word counts too
    return out


def _names_toll(c: Token) -> bool:
    """A child of the predicate that is a toll ("placed the death toll at 53", "the number of people killed rose
    to four")."""
    if c.dep_ in _CLAUSE_SLOTS and _lemma(c) in _TOLL:
        return True
    if c.dep_ in _CLAUSE_SLOTS and _lemma(c) in _COUNT_NOUNS and _counts_the_dead(c):
        return True
    return any(_lemma(k) in _TOLL for k in c.children if k.dep_ == "compound")


def _counts_the_dead(noun: Token) -> bool:
    """Whether "the number of ..." counts the dead: "of the dead", "of people killed"."""
    killed = CATEGORY_LEMMAS.get("killed", frozenset())
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (
                _lemma(obj) in killed or any(k.dep_ in ("acl", "amod") and _lemma(k) in killed for k in obj.children)
            ):
                return True
    return False


def _has_slot(kids: list[Token]) -> bool:
    return any(k.dep_ in _CLAUSE_SLOTS for k in kids)


def _child_lemmas(c: Token, pred_lemma: str) -> set[str]:
    """The words a child of the predicate adds: "among the dead", a particle, a bare conjunct or complement."""
    out: set[str] = set()
    if c.dep_ == "prep" and c.lower_ == "among":
        out.update(_lemma(k) for k in c.children if k.dep_ == "pobj")  # "five children were among the dead"
    if c.dep_ == "prt":
        out.add(f"{pred_lemma}_{_lemma(c)}")
    if (
        (c.dep_ == "conj" and not _has_slot(list(c.children)))
        or c.dep_ in ("acomp", "oprd", "xcomp")
        or (c.dep_ == "ccomp" and c.pos_ == "ADJ")
    ):
        out.add(_lemma(c))
    return out


def _is_person(t: Token) -> bool:
    lemma = _lemma(t)
    if lemma in PERSON_NOUNS or t.lower_ in PERSON_NOUNS:
        return True
    if t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS"):
        return True
    if t.ent_type_ == "ORG" and lemma not in EQUIPMENT_NOUNS:
        return True  # "24 Al Shabaab were killed", "killed 10 ISWAP": a count of a named group is of its members
    return t.tag_ == "NNS" and t.lower_.endswith(("ers", "ians", "ists", "ees", "ors")) and lemma not in EQUIPMENT_NOUNS


def _compound_equipment(t: Token) -> bool:
    return _lemma(t) in ("unit", "piece", "system", "launcher", "battery") and any(
        c.dep_ == "compound" and _lemma(c) in EQUIPMENT_NOUNS and c.lower_ not in ("rocket",) for c in t.children
    )


def _item(t: Token | None) -> str | None:
    """The counted noun phrase in singular form, without numbers, nationalities or "other"."""
    if t is None or t.pos_ == "PRON":
        return None
    toks = tokens(t.doc)
    start = t.i
    i = t.i - 1
    while i >= 0:
        w = toks[i]
        if not (t.i >= w.head.i > i and w.dep_ in ("compound", "amod", "npadvmod", "punct", "nmod")):
            break
        if w.ent_type_ in ("NORP", "GPE") or w.lower_ in _NOT_ITEM or w.lower_ in VAGUE or w.like_num:
            break
        if w.dep_ == "punct" and w.text not in ("-", "\u2011"):
            break
        start = i
        i -= 1
    while start < t.i and toks[start].text in ("-", "\u2011"):
        start += 1
    head = _lemma(t) if not t.text.isupper() else t.text.rstrip("s")
    words = t.doc[start : t.i].text
    return f"{words}{toks[t.i - 1].whitespace_ if start < t.i else ''}{head}".strip() or None


def _owners(counted: Token | None, pred: Token | None, oblique: bool) -> tuple[tuple[int, int], ...]:
    """Where the owner of the counted losses may be named, best first."""
    out: list[tuple[int, int]] = []

    def span_of(t: Token) -> tuple[int, int]:
        return (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))

    if counted is not None:
        for c in counted.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                out.extend(span_of(p) for p in c.children if p.dep_ == "pobj")
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
                out.append((c.idx, c.idx + len(c.text)))
    if pred is not None and not oblique and _lemma(pred) == "lose":
        out.extend(span_of(c) for c in pred.children if c.dep_ == "nsubj")
    return tuple(out)


def is_oblique(doc: Doc, char_start: int, char_end: int) -> bool:
    """Whether the count written at ``char_start:char_end`` sits in a prepositional phrase ("in 16 villages").

    Cheap (no quantulum3): it walks the parse from the span's last token.
    """
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    _, _, oblique = _governor(last, span[0])
    return oblique
