"""What the governing-time rules look at: the times around a span of the parse, and where each one hangs.

:class:`Situation` takes a span (an event trigger, a claim's content), the time records
the time step wrote (``draft.times``, ranges as their bounds' ``part_of``) and the word
lists, and sorts every time of the span's sentence into the step that would take it:
the span lies inside it, it hangs on the span's clause, on a clause that governs it, on
a reporting verb, elsewhere in the sentence, in a dateline. The rules of
:mod:`._govern_rules` then decide, in order, which step dates the span.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, cast

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .._doccache import CACHE_PREFIX, doc_text, sentences, tokens
from .._docindex import AUX, VERB, doc_index, tree
from ..rules import Example, rule
from ..schema import TimeSpan
from ._lazy import lazy_property
from ._time_words import TimeWords

__all__ = ["ORDER", "Candidate", "Expr", "Situation", "Step"]

Step = Literal[
    "inside",
    "clause",
    "relation",
    "governor",
    "reporting",
    "sentence",
    "side",
    "dateline",
    "context",
    "weak",
    "lead",
    "default",
]
ORDER: Final[tuple[Step, ...]] = (
    "inside", "clause", "relation", "governor", "reporting", "sentence", "side", "dateline", "context", "weak", "lead",
    "default",
)  # fmt: skip
_RELATIVE_DEPS: Final = frozenset({"relcl", "acl"})
_DATELINE = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?::|[-–—]\s)")
_INDEX_KEY: Final = CACHE_PREFIX + "govern.index"
_EXPR_STARTS_KEY: Final = CACHE_PREFIX + "govern.index_starts"
_STARTS_KEY: Final = CACHE_PREFIX + "govern.sentence_starts"


@dataclass(frozen=True, eq=False)
class Expr:
    """A time of the text as the rules see it: a record, or a range with its bounds as ``inner``."""

    time: TimeSpan
    start: int
    end: int
    inner: tuple[Expr, ...] = ()

    @property
    def weak(self) -> bool:
        """Durations and "now" say little about when an event happened: used only when nothing else is there."""
        t = self.time
        return (t.timex_type == "DURATION" and t.basis == "unresolved") or t.value == "PRESENT_REF"

    @property
    def short(self) -> bool:
        """A day, a week, or a range of at most seven days."""
        t = self.time
        return t.precision in ("day", "week") or (t.precision == "range" and (t.end - t.start).days <= 7)


@dataclass(frozen=True, order=True)
class Candidate:
    """A time that could date the span, ranked within its step (lower first)."""

    rank: int
    time: TimeSpan = field(compare=False)


def _offsets(t: TimeSpan) -> tuple[int, int]:
    assert t.mention is not None
    return t.mention.start, t.mention.end


def _index(doc: Doc, times: Sequence[TimeSpan]) -> list[Expr]:
    """The times with mentions and the ranges they bound, in text order (outer first), once per Doc and list."""
    cached = doc.user_data.get(_INDEX_KEY)
    # the draft's own list again, not grown: records are only ever appended to it (checked at its end)
    if (
        isinstance(cached, tuple)
        and cached[3] is times
        and len(cached[2]) == len(times)
        and (not times or times[-1] is cached[2][-1])
    ):
        return cast("list[Expr]", cached[1])
    # the same (frozen) records as last time: no key to build (a key per call cost the whole list per span)
    if isinstance(cached, tuple) and len(cached[2]) == len(times) and all(map(operator.is_, cached[2], times)):
        return cast("list[Expr]", cached[1])
    leaves = [t for t in times if t.mention is not None and t.text is not None]
    key = tuple((*_offsets(t), t.start, t.end) for t in leaves)
    if isinstance(cached, tuple) and cached[0] == key:
        doc.user_data[_INDEX_KEY] = (key, cached[1], tuple(times), times)
        return cast("list[Expr]", cached[1])
    ranges: dict[tuple[int, int], TimeSpan] = {}
    bounds: dict[tuple[int, int], list[TimeSpan]] = {}
    for t in leaves:
        child = t
        while child.part_of is not None and child.part_of.mention is not None:
            parent = _offsets(child.part_of)
            known = parent in ranges
            ranges.setdefault(parent, child.part_of)
            bounds.setdefault(parent, []).append(child)
            if known:
                break  # the range and those above it are registered already
            child = child.part_of
    made: dict[tuple[int, int], Expr] = {}

    def make(t: TimeSpan) -> Expr:
        where = _offsets(t)
        if where not in made:
            made[where] = Expr(t, where[0], where[1], tuple(make(b) for b in bounds.get(where, ())))
        return made[where]

    out = [make(t) for t in (*leaves, *ranges.values())]
    out = sorted({id(x): x for x in out}.values(), key=lambda e: (e.start, -e.end))
    doc.user_data[_INDEX_KEY] = (key, out, tuple(times), times)
    return out


def _between(doc: Doc, exprs: list[Expr], start: int, end: int) -> list[Expr]:
    """The expressions of ``exprs`` (in text order) that lie within ``start:end``, found by bisection."""
    cached = doc.user_data.get(_EXPR_STARTS_KEY)
    if not (isinstance(cached, tuple) and cached[0] is exprs):
        cached = (exprs, [x.start for x in exprs])  # once per index, not per span
        doc.user_data[_EXPR_STARTS_KEY] = cached
    starts = cast("list[int]", cached[1])
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
    return [x for x in exprs[lo:hi] if x.end <= end]


# --- the parse ------------------------------------------------------------------------------------


def attachment(doc: Doc, start: int, end: int) -> Token | None:
    """The token an expression hangs from: the head of its root, outside it (cached on the Doc)."""
    key = (CACHE_PREFIX + "time_attachment", start, end)
    cache = cast("dict[object, int]", doc.user_data)
    index = cache.get(key)
    if index is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            index = -1
        else:
            root = span.root
            index = root.head.i if root.head != root else root.i
        cache[key] = index
    return tokens(doc)[index] if index >= 0 else None


def first_token(doc: Doc, start: int, end: int) -> int:
    """The index of an expression's first token, -1 when it covers none (cached on the Doc)."""
    key = (CACHE_PREFIX + "time_first_token", start, end)
    cache = cast("dict[object, int]", doc.user_data)
    index = cache.get(key)
    if index is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        index = cache[key] = -1 if span is None else span.start
    return index


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token stands in."""
    # walked over the per-Doc heads and attribute ids: no Token made or read per step up
    doc = token.doc
    index, walk = doc_index(doc), tree(doc)
    pos, dep, heads = index.pos, index.dep, walk.heads
    i = token.i
    for _ in range(12):
        if pos[i] in _VERBISH and dep[i] not in _AUX_DEPS:
            return walk.tokens[i]
        if heads[i] == i:
            return walk.tokens[i] if dep[i] == _ROOT else None
        i = heads[i]
    return None


_VERBISH: Final = frozenset({VERB, AUX})
_AUX_DEPS: Final = frozenset(get_string_id(d) for d in ("aux", "auxpass"))
_ROOT: Final = get_string_id("ROOT")


@rule(
    "time.governs.since_phrase",
    decides="event.date",
    positive=[
        Example(
            "Army jets bombed a funeral in the village of Kin Ma, killing 30 people, residents said. The "
            "bombing is among the worst since the generals took power in a March 3, 2021 coup d'etat.",
            {"!event.date.start": "2021-03-03", "event.date.start": "2024-03-15"},
        )
    ],
    negative=[
        Example(
            "Fighting between soldiers and rebels in Kin Ma has continued since Monday, residents said.",
            {"event.date.start": "2024-03-11"},
        )
    ],
)
def since_phrase(attach: Token, verb: Token | None) -> bool | None:
    """A time inside a "since" phrase or clause dates what opened a period, not the event of the clause above.

    "The bombing is among the worst since the army seized power in a 2021 coup": the date is
    the coup's, however the parse hangs it (``verb``: the span's clause verb, where the walk up
    from the time stops). "since Monday" itself (the time as the phrase's object) still dates
    the clause's event, the start of what goes on.
    """
    token = attach
    for _ in range(12):
        if token == verb or token.head == token:
            return None
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children):
            return True  # "since the army seized power in 2021": a clause of its own
        if token.head.lower_ == "since":
            return True if token is not attach else None
        token = token.head
    return None


def _governors(verb: Token) -> list[Token]:
    """The clause verbs above ``verb``, nearest first (conjoined verbs share their first conjunct's)."""
    doc = verb.doc
    index, walk = doc_index(doc), tree(doc)
    pos, dep, heads = index.pos, index.dep, walk.heads
    out: list[Token] = []
    i = verb.i
    for _ in range(12):
        if heads[i] == i:
            break
        i = heads[i]
        if pos[i] in _VERBISH and dep[i] not in _AUX_DEPS:
            out.append(walk.tokens[i])
    return out


_CONTENT_DEPS: Final = frozenset({"ccomp", "parataxis"})
_THING_DEPS: Final = frozenset({"dobj", "nsubjpass"})


def reports(verb: Token, words: TimeWords) -> bool:
    """Whether a verb reports what someone says (its time is the saying's), not an event of its own.

    A reporting verb reports unless it takes a thing and no content: "fighters were observed near
    the village", "announced a ceasefire" are events; "said on Monday that ...", "told reporters
    ... that" report.
    """
    if verb.lemma_.lower() not in words.reporting_verbs:
        return False
    if verb.dep_ in _CONTENT_DEPS or any(c.dep_ in _CONTENT_DEPS for c in verb.children):
        return True
    return not any(c.dep_ in _THING_DEPS for c in verb.children)


def _depth(token: Token, root: Token) -> int:
    depth = 0
    while token != root and token.head != token and depth < 12:
        token = token.head
        depth += 1
    return depth


def other_event_noun(attach: Token, span: Span, words: TimeWords) -> bool:
    """Whether the expression hangs from an event noun other than the span ("attack 10 days ago")."""
    token = attach
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in words.event_nouns:
            # The object of the span's verb shares its time ("repelled an attack on Saturday"); a noun in a
            # prepositional phrase names another event ("arrested over an attack 10 days ago").
            return token.dep_ in ("pobj", "appos", "conj") and not (span.start <= token.i < span.end)
        if token.head == token:
            return False
        token = token.head
    return False


def event_noun_between(doc: Doc, span: Span, x: Expr, verb: Token | None, words: TimeWords) -> bool:
    """An event noun in a prepositional phrase just before the expression takes it, whatever the parser says.

    "detained over a bombing at a market 10 days ago": the bombing is 10 days ago, not the detentions.
    """
    first = first_token(doc, x.start, x.end)
    if first < 0:
        return False
    start = span.end if span.end <= first else (verb.i + 1 if verb is not None else first)
    for token in tokens(doc)[start:first]:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "amod"):
            return False
        if (
            token.lemma_.lower() in words.event_nouns
            and token.dep_ == "pobj"
            and not (span.start <= token.i < span.end)
        ):
            return True
    return False


def through_relative(verb: Token | None, span_verb: Token | None, words: TimeWords) -> bool:
    """Whether ``verb``'s clause hangs inside a relative clause ("an incursion that began in August")."""
    token = verb
    for _ in range(12):
        if token is None or token == span_verb or token.head == token:
            return False
        if token.dep_ in _RELATIVE_DEPS:
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.concessive for c in token.children):
            return True  # "Though the truce was signed later that month, raids went on"
        token = token.head
    return False


def _sentence_starts(doc: Doc) -> list[tuple[int, int, int]]:
    """(first token, start character, end character) of every sentence, cached on the Doc."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [(s.start, s.start_char, s.end_char) for s in sentences(doc)]
    return cast("list[tuple[int, int, int]]", starts)


def _sentence_bounds(span: Span, text: str) -> tuple[int, int]:
    """The span's sentence, cut at paragraph breaks (a standfirst without a full stop is its own sentence)."""
    starts = _sentence_starts(span.doc)
    i = bisect.bisect_right(starts, span.start, key=lambda s: s[0]) - 1
    start, end = starts[i][1], starts[i][2]
    before = text.rfind("\n", start, span.start_char)
    after = text.find("\n", span.end_char, end)
    return (before + 1 if before >= 0 else start), (after if after >= 0 else end)


def is_dateline(text: str, x: Expr) -> bool:
    """An expression at the head of the article followed by ':' or a dash ("Kano, Dec 24: ...")."""
    line_start = text.rfind("\n", 0, x.start) + 1
    return x.start - line_start <= 40 and _DATELINE.match(text, x.end) is not None


def _innermost(x: Expr, span: Span) -> Expr:
    """Inside a range, the bound nearest the span ("offensive in August" -> "in August")."""
    if not x.inner:
        return x
    for inner in x.inner:
        if inner.start <= span.start_char and span.end_char <= inner.end:
            return _innermost(inner, span)
    return min(x.inner, key=lambda i: abs(i.start - span.end_char))


# --- the situation --------------------------------------------------------------------------------


class Situation:
    """The times around one span, sorted into the steps that would take them (computed once per call)."""

    def __init__(
        self,
        span: Span,
        times: Sequence[TimeSpan],
        words: TimeWords,
        *,
        reporting: bool = True,
        lead: bool = True,
        context: int | None = None,
    ) -> None:
        self.span = span
        self.doc = span.doc
        self.text = doc_text(self.doc)
        self.words = words
        self.reporting = reporting
        self.lead = lead
        self.context = context if context is not None else (2 if lead else 0)
        self.exprs = _index(self.doc, times)
        self.span_verb = clause_verb(span.root)
        self.governors = _governors(self.span_verb) if self.span_verb is not None else []
        self.found: dict[Step, list[Candidate]] = {}
        self.said: list[Expr] = []  # a governing reporting verb's times, skipped with reporting=False
        self.opened: list[Expr] = []  # times of what opened a period ("since the 2021 coup"): never the span's

    @lazy_property
    def in_sentence(self) -> list[Expr]:
        start, end = _sentence_bounds(self.span, self.text)
        return _between(self.doc, self.exprs, start, end)

    def classify(self) -> Situation:
        """Sort every time of the span's sentence into the step that takes it."""
        for x in self.in_sentence:
            self._classify(x)
        return self

    def add(self, step: Step, rank: int, x: Expr, time: TimeSpan | None = None) -> None:
        if x.weak and step not in ("inside", "lead"):
            step, rank = "weak", ORDER.index(step) * 10_000 + rank
        self.found.setdefault(step, []).append(Candidate(rank, time if time is not None else x.time))

    def any_found(self, *, but: frozenset[Step] = frozenset()) -> bool:
        return any(cands for step, cands in self.found.items() if step not in but)

    def _classify(self, x: Expr) -> None:
        span = self.span
        if x.start <= span.start_char and span.end_char <= x.end:
            innermost = _innermost(x, span)
            self.add("inside", innermost.end - innermost.start, innermost)  # the tightest first
        elif x.time.main_time is not None and self.span_verb is not None:
            if span.start_char >= x.end:
                self.add("relation", abs(span.start_char - x.end), x)
            else:
                self.add("relation", abs(x.start - span.end_char), x, x.time.main_time)
        elif is_dateline(self.text, x):
            if self.reporting:
                self.add("dateline", 0, x)  # "KANO, Dec 24:" dates the report, like a reporting verb's time
        else:
            self._classify_attached(x)

    def _classify_attached(self, x: Expr) -> None:
        doc, span = self.doc, self.span
        attach = attachment(doc, x.start, x.end)
        if attach is None:
            return
        inside_span = span.start_char <= x.start and x.end <= span.end_char
        verb = clause_verb(attach)
        if not inside_span and not (span.start <= attach.i < span.end) and since_phrase(attach, self.span_verb):
            self.opened.append(x)
            return
        other_event = other_event_noun(attach, span, self.words) or (
            not inside_span and event_noun_between(doc, span, x, verb, self.words)
        )
        penalty = 5 if other_event else 0
        if inside_span or (
            not other_event
            and ((verb == self.span_verb and verb is not None) or attach.i in range(span.start, span.end))
        ):
            nested = 0 if x.inner else 1  # a range outranks its bounds at the same depth
            self.add("clause", _depth(attach, span.root) * 10 + penalty + nested, x)
        elif verb is not None and verb in self.governors:
            level = self.governors.index(verb) * 10 + penalty
            if not reports(verb, self.words):
                self.add("governor", level, x)
            elif self.reporting:
                self.add("reporting", level, x)
            else:
                self.said.append(x)  # dates the saying: never the span's day, not even as a side phrase
        elif not other_event and not through_relative(verb, self.span_verb, self.words):
            # a date opening the sentence frames all of it ("On 9 March, ..."), before a nearer one in brackets
            self.add("sentence", -1 if self._opens_sentence(x) else abs(x.start - span.start_char), x)

    def _opens_sentence(self, x: Expr) -> bool:
        """Whether an expression stands first in its sentence, at most one word before it ("Around 3 June, ...")."""
        start, _ = _sentence_bounds(self.span, self.text)
        return len(self.text[start : x.start].split()) <= 1

    # --- the steps found only when the sentence gives nothing better ------------------------------

    @lazy_property
    def side(self) -> list[Candidate]:
        """The sentence's only exact day, when nothing else (but a dateline) is found and no event noun claims it.

        The parser often ties a sentence's one date to a side phrase ("men suspected of ties to
        the militia in Baidoa on Tuesday"); a day written in the sentence still beats one carried
        over from the context or the dateline.
        """
        if self.any_found(but=frozenset({"dateline"})):
            return []
        days = [
            x for x in self.in_sentence
            if x.time.precision == "day" and not x.weak and not is_dateline(self.text, x) and x not in self.said
            and x not in self.opened
        ]  # fmt: skip
        if len(days) != 1:
            return []
        day = days[0]
        first = first_token(self.doc, day.start, day.end)
        if first < 0:
            return []
        lo, hi = sorted((self.span.start, first))
        for token in tokens(self.doc)[lo:hi]:
            # "arrested over an attack on a hotel 10 days ago": the attack owns the time
            if (
                token.pos_ in ("NOUN", "PROPN")
                and token.lemma_.lower() in self.words.event_nouns
                and not (self.span.start <= token.i < self.span.end)
            ):
                return []
        return [Candidate(0, day.time)]

    def _dates_own_event(self, x: Expr) -> bool:
        """Whether an expression dates its clause's own event: a day or week, on a non-reporting verb."""
        if not x.short or x.weak or is_dateline(self.text, x) or x.time.basis == "unresolved":
            return False
        attach = attachment(self.doc, x.start, x.end)
        verb = clause_verb(attach) if attach is not None else None
        if verb is None or attach is None or reports(verb, self.words):
            return False
        own = self.doc[verb.i : verb.i + 1]
        if through_relative(verb, None, self.words) or other_event_noun(attach, own, self.words):
            return False
        return not event_noun_between(self.doc, own, x, verb, self.words)

    @lazy_property
    def context_times(self) -> list[Candidate]:
        """The day of the nearest of the sentences before the span that dates its own event.

        An undated sentence usually continues the one before ("Gunmen stormed the village on Saturday.
        [...] The gunmen entered on motorcycles."); a sentence with a date of its own that dates something
        else (a reporting verb, a month, a relative clause) ends the search.
        """
        if self.context <= 0 or self.any_found(but=frozenset({"weak"})) or self.side:
            return []
        starts = _sentence_starts(self.doc)
        index = bisect.bisect_right(starts, self.span.start, key=lambda s: s[0]) - 1
        for _, sent_start, sent_end in reversed(starts[max(0, index - self.context) : index]):
            inside = [x for x in _between(self.doc, self.exprs, sent_start, sent_end) if not x.weak]
            if inside:
                return [Candidate(rank, x.time) for rank, x in enumerate(inside) if self._dates_own_event(x)][:1]
        return []

    @lazy_property
    def lead_times(self) -> list[Candidate]:
        """Days or weeks that the article's first sentence gives for its own (non-reporting) main event."""
        if not self.lead or self.any_found() or self.side or self.context_times:
            return []
        text = self.text
        lead_start = len(text) - len(text.lstrip())
        starts = _sentence_starts(self.doc)
        lead_end = starts[1][1] if len(starts) > 1 else len(text)
        paragraph = text.find("\n", lead_start)
        lead_end = min(lead_end, paragraph) if paragraph >= 0 else lead_end
        if self.span.start_char < lead_end:
            return []
        out = []
        for x in _between(self.doc, self.exprs, lead_start, lead_end):
            if x.time.precision not in ("day", "week"):
                continue
            if is_dateline(text, x):
                continue
            attach = attachment(self.doc, x.start, x.end)
            verb = clause_verb(attach) if attach is not None else None
            if (
                verb is not None
                and not reports(verb, self.words)
                and not event_noun_between(self.doc, self.doc[verb.i : verb.i + 1], x, verb, self.words)
            ):
                out.append(Candidate(x.start, x.time))
        return out
