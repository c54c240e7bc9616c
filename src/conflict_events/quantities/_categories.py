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

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from .._doccache import tokens
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
_LISTING_PREPS: Final = frozenset({"including", "with", "along", "plus", "besides", "among", "excluding", "as"})
_QUANT_HEADS: Final = frozenset({"most", "some", "all", "many", "none", "half", "dozens", "hundreds", "thousands"})
_NOT_ITEM: Final = frozenset(
    {"other", "more", "additional", "further", "several", "many", "few", "some", "old", "year", "years"}
)
_TOLL: Final = frozenset({"toll", "death"})
_DEATH_NOUNS: Final = frozenset({"death", "killing", "murder", "massacre"})
# "killed more than 170 enemy forces": a body of fighters counted like its members
_BODIES_OF_MEN: Final = frozenset({"force", "forces", "element", "elements"})


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


def classify(q: Quantity, doc: Doc) -> Typing:
    """Type one count found by :class:`~conflict_events.quantities._quantity_finder.QuantityFinder`."""
    toks = tokens(doc)
    num = toks[q.number]
    counted = toks[q.counted] if q.counted is not None else None
    _, pred, oblique = _governor(counted or num, num)
    own = _own_lemmas(counted, num)
    # the count's own participle wins over the clause's verb: "12 were killed and 35 injured"
    lemmas = own if any(own & CATEGORY_LEMMAS[c] for c in _CASUALTY_ORDER) else own | _pred_lemmas(pred, oblique)
    noun = _lemma(counted) if counted is not None else None
    owners = _owners(counted, pred, oblique)
    if counted is not None and noun is not None and (noun in EQUIPMENT_NOUNS or _compound_equipment(counted)):
        return Typing("equipment", _item(counted), owners, oblique, _index(pred))
    person = counted is None or counted.pos_ == "PRON" or _is_person(counted) or noun in _BODIES_OF_MEN
    if person:
        if (
            pred is not None
            and _lemma(pred) == "lose"
            and any(c.dep_ == "dobj" and _lemma(c) in ("life", "lives") for c in pred.children)
        ):
            lemmas = lemmas | {"kill"}  # "130 staff lost their lives": deaths, not the "lose" of losses
        cats = [c for c in _CASUALTY_ORDER if lemmas & CATEGORY_LEMMAS[c]]
        if noun in ("body", "corpse"):
            cats = ["killed"]
        if noun in ("casualty", "loss"):
            cats = ["casualties"]
        item = _item(counted) if counted is not None and counted.pos_ != "PRON" and noun != "other" else None
        if cats:
            if q.value == 0 and len(cats) > 1:
                return Typing(cats[0], item, owners, oblique, _index(pred), tuple(cats[1:]))
            if "killed" in cats and "wounded" in cats:
                return Typing("casualties", item, owners, oblique, _index(pred))
            return Typing(cats[0], item, owners, oblique, _index(pred))
        if lemmas & CATEGORY_LEMMAS["displaced"]:
            return Typing("other", item, owners, oblique, _index(pred))
        if (noun in FORCE_NOUNS or lemmas & CATEGORY_LEMMAS["personnel"]) and not oblique:
            return Typing("personnel", item, owners, oblique, _index(pred))
        return Typing("other", item, owners, oblique, _index(pred))
    return Typing("other", _item(counted), owners, oblique, _index(pred))


def _index(t: Token | None) -> int | None:
    return t.i if t is not None else None


def _lemma(t: Token) -> str:
    return t.lemma_.lower() if t.lemma_ else t.lower_


def _governor(base: Token, num: Token) -> tuple[Token, Token | None, bool]:
    """Climb from the counted noun to the word it fills a slot of: (top noun, predicate, oblique)."""
    g = base
    oblique = False
    for _ in range(8):
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
                for _ in range(8):
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
    out: set[str] = set()
    if pred is not None:
        kids = list(pred.children)  # read once: spaCy makes new Tokens on every walk
        toll = [
            c
            for c in kids
            if (c.dep_ in ("dobj", "nsubj", "nsubjpass") and _lemma(c) in _TOLL)
            or any(_lemma(k) in _TOLL for k in c.children if k.dep_ == "compound")
        ]
        if toll:
            out.add("toll")
        if not oblique:
            lemma = _lemma(pred)
            out.add(lemma)
            # "five children were among the dead"
            for c in kids:
                if c.dep_ == "prep" and c.lower_ == "among":
                    out.update(_lemma(k) for k in c.children if k.dep_ == "pobj")
            for c in kids:
                if c.dep_ == "prt":
                    out.add(f"{lemma}_{_lemma(c)}")
                if (
                    (c.dep_ == "conj" and not any(k.dep_ in ("nsubj", "nsubjpass", "dobj") for k in c.children))
                    or c.dep_ in ("acomp", "oprd", "xcomp")
                    or (c.dep_ == "ccomp" and c.pos_ == "ADJ")
                ):
                    out.add(_lemma(c))
            if (
                pred.dep_ == "conj"
                and pred.pos_ == "VERB"
                and pred.head.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in kids)
            ):
                out.add(_lemma(pred.head))
    return out


def _is_person(t: Token) -> bool:
    lemma = _lemma(t)
    if lemma in PERSON_NOUNS or t.lower_ in PERSON_NOUNS:
        return True
    if t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS"):
        return True
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
