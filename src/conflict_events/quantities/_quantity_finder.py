"""Finding counts in a parsed sentence: numbers, number words, vague quantities, articles and "no".

A :class:`Quantity` is a count before it is typed: its token range (bound words
included), its value and bounds, and the token of the thing counted. Dates,
durations, ages, ordinals, measures and model names ("F-16", "T-72") are never
counts. :mod:`.categories` then says what is counted.

>>> from conflict_events.nlp import load_language_model
>>> doc = load_language_model()("Since 2015, more than 49,000 servicemen and hundreds of vehicles were lost.")
>>> [(q.value, q.low, q.approximate, doc[q.counted].text) for q in QuantityFinder()(doc[:])]
[(49000, 49000, True, 'servicemen'), (100, 100, True, 'vehicles')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from .._doccache import doc_text, tokens
from .._textscan import dateline_end
from ..lexicons import lexicon
from ..rules import Example, rule
from ..rules import first as first_rule
from ._number_index import NumberIndex, number_index, word_ids
from ._numbers import MeasuredSpan, NumberReader, parse_number
from ._quantity_lexicon import (
    BOUND_BEFORE,
    DATE_WORDS,
    EQUIPMENT_NOUNS,
    NUMBER_WORDS,
    PERSON_NOUNS,
    SCALES,
    UNIT_WORDS,
    VAGUE,
    VAGUE_COMPOUND,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Quantity", "QuantityFinder", "has_number"]

_YEAR: Final = re.compile(r"^(1[89]|20)\d\d$")
_ALNUM: Final = re.compile(r"[A-Za-z]")
_BOUNDS_BY_LENGTH: Final = sorted(BOUND_BEFORE, key=len, reverse=True)
_NUMBERISH: Final = frozenset(NUMBER_WORDS) | frozenset(VAGUE) | {"dozen", "hundred", "thousand", "million"}
_DIGIT: Final = re.compile(r"\d")
# The only tokens each pass can act on, found once per Doc (see :mod:`.index`).
_NUMBER_IDS: Final = word_ids(NUMBER_WORDS)  # with the tokens that look like a number
_VAGUE_IDS: Final = word_ids(VAGUE)
_ARTICLE_IDS: Final = word_ids(("a", "an", "no"))
_WORDS: Final = lexicon("numbers")
_BEFORE_A_MEASURE: Final = _WORDS.words("before_a_measure")
_AFTER_A_MEASURE: Final = _WORDS.words("after_a_measure")
_FRACTIONS: Final = _WORDS.words("fractions")
_ORDINAL_WORDS: Final = _WORDS.words("ordinal_words")
_HYPHENS: Final = ("-", "\u2011")
_ZERO_NOUNS: Final = _WORDS.words("zero_nouns")
_COUNTING_UNITS: Final = _WORDS.words("counting_units")
_SHORT_WORDS: Final = _WORDS.words("short_words_after_a_number")
_ARTICLE_VERBS: Final = _WORDS.words("article_verbs")


@dataclass(frozen=True)
class Quantity:
    """A count found in the text, not yet typed.

    ``start``/``end`` are document token indices (bound words included), ``number``
    the index of the number's own head token, ``counted`` the index of the counted
    noun (None when the number stands alone: "the toll rose to 53").
    """

    start: int
    end: int
    number: int
    value: int | None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    counted: int | None = None
    vague: bool = False
    article: bool = False


def has_number(sent: Span) -> bool:
    """Whether a sentence holds a digit or a number word (the gate before quantulum3).

    >>> from conflict_events.nlp import load_language_model
    >>> nlp = load_language_model()
    >>> has_number(nlp("Two tanks were hit.")[:]), has_number(nlp("Tanks were hit.")[:])
    (True, False)
    """
    return any(t.is_digit or t.like_num or t.lower_ in _NUMBERISH for t in sent)


class QuantityFinder:
    """Finds the counts in a sentence; quantulum3 runs only where a number is written."""

    def __init__(self, reader: NumberReader | None = None) -> None:
        self.reader = reader or NumberReader()

    def __call__(self, sent: Span) -> list[Quantity]:
        """The counts in ``sent``, in text order."""
        found: list[Quantity] = []
        taken: set[int] = set()
        index = number_index(sent.doc)
        measured = _LazyMeasure(self, sent, index)
        for q in self._vague(sent, index):
            found.append(q)
            taken.update(range(q.start, q.end))
        dateline = dateline_end(doc_text(sent.doc), sent.start_char)
        for i in index.within(index.find(_NUMBER_IDS, like_num=True), sent.start, sent.end):
            t = index.tokens[i]
            if i in taken or not _is_number_token(t) or t.idx < dateline:
                continue  # (a dateline's day, "KYIV, Feb 12 - Four people were killed", counts nothing)
            if t.lower_ == "one" and i > sent.start and index.tokens[i - 1].lower_ == "no":
                # "no one was hurt": nobody, a count of zero people
                found.append(Quantity(i - 1, i + 1, i, 0, None, None, False, None))
                taken.update((i - 1, i))
                continue
            group = _number_group(t, sent)
            if any(i in taken for i in group):
                continue
            taken.update(group)
            number = self._number(sent, group, measured)
            if number is not None:
                found.append(number)
                taken.update(range(number.start, number.end))
        found.extend(_articles_and_zeros(sent, found, index))
        return sorted(found, key=lambda q: q.start)

    def _measured(self, sent: Span, index: NumberIndex) -> list[MeasuredSpan]:
        """quantulum3's reading of the sentence, only where a written number needs it."""
        text = doc_text(sent.doc)
        digits = {index.token_at(m.start()) for m in _DIGIT.finditer(text, sent.start_char, sent.end_char)}
        if not any(_needs_measure(index.tokens[i], sent) for i in digits):
            return []
        return self.reader.measure(sent.text, sent.start_char)

    def _number(self, sent: Span, group: list[int], measured: _LazyMeasure) -> Quantity | None:
        toks = tokens(sent.doc)
        first, last = toks[group[0]], toks[group[-1]]
        text = _text(toks, group[0], group[-1] + 1)
        if _not_a_count(first, last, sent):
            return None
        outside = [toks[i] for i in group if not group[0] <= toks[i].head.i <= group[-1]]
        head = outside[0] if outside else last
        counted = _counted(head, group[-1] + 1, sent)
        known = counted is not None and _known_noun(toks[counted])
        for m in measured():
            # quantulum3 reads "2 Su-25 jets" as siemens; a known counted noun outweighs its unit
            if m.start <= first.idx < m.end and m.unit not in _COUNTING_UNITS and not known:
                return None
        value = parse_number(text)
        if value is None:
            value = next(
                (int(m.value) for m in measured() if m.start <= first.idx < m.end and m.value == int(m.value)),
                None,
            )
        if value is None:
            return None
        start, low, high, approximate = _bounded(sent, first.i, value)
        # "between 10 and 15", "10 to 15": a range with both bounds.
        rng = _range_end(sent, last)
        end = last.i + 1
        if rng is not None:
            end, upper = rng
            low, high, approximate = value, upper, True
            if first.i > sent.start and toks[first.i - 1].lower_ in ("between", "from"):
                start = first.i - 1
            value_out: int | None = None
        else:
            value_out = value
        return Quantity(start, end, head.i, value_out, low, high, approximate, _counted(head, end, sent))

    def _vague(self, sent: Span, index: NumberIndex) -> list[Quantity]:
        out: list[Quantity] = []
        skip: set[int] = set()
        for i in index.within(index.find(_VAGUE_IDS), sent.start, sent.end):
            t = index.tokens[i]
            word = t.lower_
            if i in skip or word not in VAGUE or (word == "few" and not _after_article(t)):
                continue
            start, end = t.i, t.i + 1
            value = VAGUE[word]
            if word == "few":
                start -= 1
            nxt = _next(t, sent, 2)
            if word in ("several", "few") and nxt and nxt[0].lower_ in SCALES:
                # "several hundred" is three hundred, "a few thousand" three thousand
                value = VAGUE[word] * SCALES[nxt[0].lower_]
                end = nxt[0].i + 1
                skip.add(nxt[0].i)
            elif len(nxt) == 2 and nxt[0].lower_ == "of" and (word, nxt[1].lower_) in VAGUE_COMPOUND:
                value = VAGUE_COMPOUND[(word, nxt[1].lower_)]
                end = nxt[1].i + 1
                skip.add(nxt[1].i)
            head = index.tokens[end - 1]
            counted = _counted(head, end, sent)
            if counted is None and word in ("several", "few") and t.head.pos_ in ("NOUN", "PROPN"):
                counted = t.head.i
            if counted is None and t.dep_ in ("amod", "det", "nummod") and t.head.pos_ not in ("NOUN", "PROPN"):
                continue
            out.append(Quantity(start, end, head.i, value, value, None, True, counted, vague=True))
        return out


class _LazyMeasure:
    """quantulum3's reading of a sentence, made on first use: most sentences never need it.

    A count rejected before its unit matters ("in 2014 but") then costs no parse.
    """

    def __init__(self, finder: QuantityFinder, sent: Span, index: NumberIndex) -> None:
        self._finder, self._sent, self._index = finder, sent, index
        self._spans: list[MeasuredSpan] | None = None

    def __call__(self) -> list[MeasuredSpan]:
        if self._spans is None:
            self._spans = self._finder._measured(self._sent, self._index)
        return self._spans


def _text(toks: list[Token], start: int, end: int) -> str:
    """``doc[start:end].text`` without building the Span: a slice of the document's text."""
    last = toks[end - 1]
    return doc_text(last.doc)[toks[start].idx : last.idx + len(last.text)]


def _known_noun(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in EQUIPMENT_NOUNS or t.lower_ in PERSON_NOUNS


def _needs_measure(t: Token, sent: Span) -> bool:
    """A digit the rules cannot settle alone: an unreadable form, or a possible unit ("12mm", "40 kt").

    A number followed by a plain word ("12 tanks", "13 hours", "5 km") or by
    punctuation is settled by the word lists; quantulum3 (milliseconds per
    sentence) is kept for the rest.
    """
    if not any(ch.isdigit() for ch in t.text):
        return False
    if parse_number(t.text) is None and not _ALNUM.search(t.text):
        return True
    nxt = tokens(t.doc)[t.i + 1] if t.i + 1 < sent.end else None
    if nxt is None or nxt.is_punct or nxt.lower_ in UNIT_WORDS or nxt.lower_ in DATE_WORDS:
        return False
    if nxt.pos_ in ("AUX", "VERB") and nxt.is_lower:
        return False  # "70,000 are affected": a verb, not the area unit quantulum3 would read
    if nxt.is_alpha and (len(nxt.text) > 3 or nxt.lower_ in NUMBER_WORDS or nxt.lower_ in _SHORT_WORDS):
        return False
    return not nxt.like_num




def _is_number_token(t: Token) -> bool:
    if t.lower_ in ("one",) and t.i + 1 < len(t.doc) and tokens(t.doc)[t.i + 1].lower_ in ("another", "day", "of"):
        return False
    return (t.like_num and not _ALNUM.search(t.text.replace(",", ""))) or t.lower_ in NUMBER_WORDS


def _number_group(t: Token, sent: Span) -> list[int]:
    """A number and the number words or scales right after it ("two hundred", "2.5 million")."""
    group = [t.i]
    j = t.i + 1
    toks = tokens(sent.doc)
    if (
        j + 1 < sent.end
        and toks[j].text in ("-", "\u2011")
        and toks[j + 1].lower_ in NUMBER_WORDS
        and parse_number(_text(toks, t.i, j + 2)) is not None
    ):
        # "Thirty-five" split by the tokenizer after a quotation mark: one number, not 30 and 5
        group += [j, j + 1]
        j += 2
    while j < sent.end and (toks[j].lower_ in NUMBER_WORDS or toks[j].lower_ in ("million", "billion")):
        if toks[j].lower_ in ("one",) or parse_number(_text(toks, t.i, j + 1)) is None:
            break
        group.append(j)
        j += 1
    return group


@dataclass(frozen=True)
class Written:
    """A written number and the tokens around it, as the no-count rules read them."""

    first: Token
    last: Token
    prev: Token | None
    nxt: Token | None
    nxt2: Token | None
    before_prev: Token | None

    @classmethod
    def of(cls, first: Token, last: Token, sent: Span) -> Written:
        toks = tokens(sent.doc)

        def at(i: int) -> Token | None:
            return toks[i] if sent.start <= i < sent.end else None

        return cls(first, last, at(first.i - 1), at(last.i + 1), at(last.i + 2), at(first.i - 2))


@rule(
    "figures.count.date_or_time",
    decides="figure.value",
    positive=[
        Example(
            "Gunmen killed 14 villagers near Bunia on 12 March 2024, local officials said.",
            {"figure.value": 14, "!figure.value": 2024},
        )
    ],
    negative=[
        Example(
            "Gunmen killed 14 villagers near Bunia on Tuesday, local officials said.",
            {"figure.value": 14},
        )
    ],
)
def date_or_time(w: Written) -> bool:
    """A year, a clock time, a date or a duration is no count."""
    first, nxt, nxt2 = w.first, w.nxt, w.nxt2
    if _YEAR.match(first.text) and (nxt is None or nxt.pos_ != "NOUN" or nxt.tag_ != "NNS"):
        return True
    if ":" in first.text or "/" in first.text:
        return True
    if (w.prev is not None and w.prev.lower_ in DATE_WORDS) or (nxt is not None and nxt.lower_ in DATE_WORDS):
        return True
    if nxt is not None and nxt.text == "-" and nxt2 is not None and nxt2.lower_ in DATE_WORDS:
        return True
    return first.ent_type_ == "TIME"


@rule(
    "figures.count.measure_or_rank",
    decides="figure.value",
    positive=[
        Example(
            "Soldiers shot dead a man aged 35 at a checkpoint near Bunia on Tuesday, residents said.",
            {"!figure.value": 35},
        )
    ],
    negative=[
        Example(
            "Soldiers shot dead 35 men at a checkpoint near Bunia on Tuesday, residents said.",
            {"figure.value": 35},
        )
    ],
)
def measure_or_rank(w: Written) -> bool:
    """An age, an amount, a share, a distance, a fraction or a rank is no count."""
    first, prev, nxt, nxt2 = w.first, w.prev, w.nxt, w.nxt2
    if prev is not None and prev.lower_ in _BEFORE_A_MEASURE:
        return True
    if nxt is not None and (nxt.lower_ in UNIT_WORDS or nxt.text in _AFTER_A_MEASURE):
        return True
    if (
        nxt is not None
        and nxt.text in _HYPHENS
        and nxt2 is not None
        and (nxt2.is_digit or nxt2.lower_.rstrip("s") in _FRACTIONS)
    ):
        return True
    return first.ent_type_ in ("ORDINAL", "PERCENT", "MONEY") or first.lower_ in _ORDINAL_WORDS


@rule(
    "figures.count.code_or_name",
    decides="figure.value",
    positive=[
        Example(
            "Soldiers of Brigade 47 killed 12 fighters near Avdiivka on Thursday, the military said.",
            {"figure.value": 12, "!figure.value": 47},
        )
    ],
    negative=[
        Example(
            "Soldiers killed 12 fighters near Avdiivka on Thursday, the military said.",
            {"figure.value": 12},
        )
    ],
)
def code_or_name(w: Written) -> bool:
    """A number that is part of a code or a name ("F-16", "T-72", "Brigade 47") is no count."""
    first, prev, left = w.first, w.prev, w.before_prev
    if prev is not None and prev.whitespace_ == "":
        hyphened = prev.text in _HYPHENS and left is not None and left.whitespace_ == ""
        if hyphened and left is not None and (_ALNUM.search(left.text) or left.is_digit):
            return True
        if _ALNUM.search(prev.text) and prev.text != "(":
            return True
    # "Resolution 2254", "Brigade 47": a number after the proper noun it names.
    return first.dep_ in ("nummod", "appos", "npadvmod") and first.head.pos_ == "PROPN" and first.head.i < first.i


_NO_COUNT_RULES: Final = (date_or_time, measure_or_rank, code_or_name)


def _not_a_count(first: Token, last: Token, sent: Span) -> bool:
    """Dates, durations, ages, ordinals, measures, model names and years are not counts."""
    return first_rule(_NO_COUNT_RULES, Written.of(first, last, sent)) is not None


def _bounded(sent: Span, i: int, value: int) -> tuple[int, int | None, int | None, bool]:
    """(start token, low, high, approximate) from bound words just before token ``i``."""
    # the text from the sentence start to token ``i``, as ``doc[sent.start : i].text`` after rstrip()
    before = doc_text(sent.doc)[sent.start_char : tokens(sent.doc)[i].idx].lower().rstrip()
    for phrase in _BOUNDS_BY_LENGTH:
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            kind = BOUND_BEFORE[phrase]
            start = i - len(phrase.split())
            if kind == "low":
                return start, value, None, True
            if kind == "high":
                return start, None, value, True
            return start, None, None, True
    return i, None, None, False


def _range_end(sent: Span, last: Token) -> tuple[int, int] | None:
    """For "10 and 15" after "between", or "10 to 15": (end token, upper value)."""
    toks = tokens(sent.doc)
    j = last.i + 1
    if j + 1 >= sent.end:
        return None
    joiner = toks[j].lower_
    prev = toks[last.i - 1].lower_ if last.i > sent.start else ""
    ok = (joiner == "and" and prev == "between") or (joiner in ("to", "-", "\u2013") and toks[j + 1].like_num)
    if not ok or not _is_number_token(toks[j + 1]):
        return None
    upper = parse_number(toks[j + 1].text)
    low = parse_number(last.text)
    if upper is None or low is None or upper <= low:
        return None
    return j + 2, upper


def _counted(head: Token, end: int, sent: Span) -> int | None:
    """The noun a number counts: its head noun, the object of "of", or the next noun."""
    modifier = head.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "det")
    if modifier and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
        return head.head.i
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return pobj[0].i
    # "17… bodies": punctuation between the number and its noun leaves the parse unsure.
    toks = tokens(sent.doc)
    j = end
    while j < sent.end and toks[j].is_punct and toks[j].text not in (",", ".", ";", ":"):
        j += 1
    if j < sent.end and j > end and toks[j].pos_ == "NOUN":
        return j
    if end < sent.end and toks[end].lower_ == "of":
        nxt = _next(toks[end], sent, 3)
        nouns = [t for t in nxt if t.pos_ in ("NOUN", "PRON", "PROPN")]
        if nouns:
            return nouns[0].i
    return None


def _after_article(t: Token) -> bool:
    return t.i > 0 and tokens(t.doc)[t.i - 1].lower_ == "a"


def _next(t: Token, sent: Span, n: int) -> list[Token]:
    return tokens(sent.doc)[t.i + 1 : min(t.i + 1 + n, sent.end)]


def _articles_and_zeros(sent: Span, found: list[Quantity], index: NumberIndex) -> list[Quantity]:
    """ "a barrier vehicle" beside counted items is 1; "no guards were hurt" is 0."""
    out: list[Quantity] = []
    counted = {q.counted for q in found if q.counted is not None}
    for i in index.within(index.find(_ARTICLE_IDS), sent.start, sent.end):
        t = index.tokens[i]
        if t.dep_ != "det" or t.lower_ not in ("a", "an", "no") or t.head.pos_ != "NOUN":
            continue
        noun = t.head
        lemma = noun.lemma_.lower()
        if t.lower_ == "no":
            if lemma in PERSON_NOUNS or lemma in _ZERO_NOUNS:
                out.append(Quantity(t.i, t.i + 1, t.i, 0, None, None, False, noun.i))
            continue
        if lemma not in EQUIPMENT_NOUNS and lemma not in PERSON_NOUNS:
            continue
        siblings = {c.i for c in noun.children if c.dep_ == "conj"}
        if noun.dep_ == "conj":
            siblings.add(noun.head.i)
            siblings.update(c.i for c in noun.head.children if c.dep_ == "conj")
        listed = bool(siblings & counted)
        struck = noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _ARTICLE_VERBS
        if listed or struck:
            out.append(Quantity(t.i, t.i + 1, t.i, 1, None, None, False, noun.i, article=True))
    return out

