"""Which temporal expression governs a span of the parse: the date of an event trigger or of a claim.

The search goes outwards, and :func:`explain_time` lists every candidate with
the step that found it, so the choice can be inspected:

1. ``inside``: the span lies inside an expression ("since the start of its
   *offensive* in August" dates the offensive by its inner "in August");
2. ``clause``: an expression within the span or attached to the span's own
   clause ("killed 340 ... *over the past day*");
3. ``relation``: "X came *a day after* Y": Y takes the expression's date, X its
   reference date;
4. ``governor``: an expression of a clause that governs the span's clause,
   nearest first ("promised retaliation *on Saturday* after [the military used]");
   when that clause's verb is a reporting verb the step is called ``reporting``:
   "the ministry said *on Sunday* that [...]" dates the saying, and only weakly
   what was said (``reporting=False`` skips it);
5. ``sentence``: another expression of the sentence, not inside a relative
   clause and not attached to another event noun ("the attack 10 days ago");
6. ``side``: when the sentence has no other time, its one exact day even if the
   parse hangs it on a side phrase ("people suspected of links to the group in
   Kismayo *on Friday*"), unless an event noun stands between the two;
7. ``dateline``: the date of a dateline ("KANO, Dec 24:") dates the report, so it
   comes after every time of the sentence itself (``reporting=False`` skips it);
8. ``context``: a day given by one of the sentences just before;
9. ``weak``: any of the above that only loosely fixes a time ("now", "recently");
10. ``lead``: a day or week the first sentence of the article gives for its own
    main event;
11. ``default``: the anchor itself, ``text`` and ``mention`` null.

>>> import datetime as dt
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> from conflict_events.draft import Draft
>>> from conflict_events.extractors.time import TimeExtractor
>>> nlp = load_language_model()
>>> text = "The ministry said on Sunday that its troops repelled an attack on Saturday."
>>> doc = nlp(text)
>>> draft = TimeExtractor()(doc, Draft(Document(id="d", text=text, date=dt.date(2025, 1, 5))))
>>> governing_time(doc[8:9], draft).text   # "repelled"
'on Saturday'
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, cast

from .._doccache import CACHE_PREFIX, sentences, tokens
from ..schema import TimeSpan
from ._expression import TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..draft import Draft

__all__ = ["DOC_ATTRIBUTE", "TimeCandidate", "explain_time", "governing_time", "reporting_time"]

# Where the time extractor leaves its full expressions on the spaCy Doc (``doc._.conflict_times``).
DOC_ATTRIBUTE: Final = "conflict_times"
_EXPRESSIONS_KEY: Final = CACHE_PREFIX + "govern.expressions"

Step = Literal[
    "inside",
    "clause",
    "relation",
    "governor",
    "reporting",
    "sentence",
    "side",
    "dateline",
    "weak",
    "context",
    "lead",
    "default",
]
_ORDER: Final[tuple[Step, ...]] = (
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
)

REPORTING_VERBS: Final = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "confirm",
        "announce",
        "add",
        "state",
        "write",
        "accuse",
        "deny",
        "insist",
        "warn",
        "allege",
        "suggest",
        "note",
        "post",
        "publish",
        "release",
        "show",
        "explain",
        "declare",
        "acknowledge",
        "reveal",
        "indicate",
        "estimate",
        "quote",
        "tweet",
        "blame",
        "echo",
        "describe",
        "admit",
        "assert",
        "maintain",
        "stress",
        "argue",
        "told",
        "said",
        "according",
    ]
)
# Nouns that name an event of their own: a time attached to one dates that event, not the span's.
EVENT_NOUNS: Final = frozenset(
    [
        "attack",
        "assault",
        "offensive",
        "counteroffensive",
        "counterattack",
        "strike",
        "airstrike",
        "raid",
        "bombing",
        "bombardment",
        "shelling",
        "clash",
        "clashes",
        "fighting",
        "battle",
        "siege",
        "explosion",
        "blast",
        "ambush",
        "incursion",
        "invasion",
        "massacre",
        "killing",
        "killings",
        "operation",
        "protest",
        "riot",
        "war",
        "conflict",
        "advance",
        "retreat",
        "ceasefire",
        "truce",
        "election",
        "visit",
        "meeting",
        "talks",
        "summit",
        "arrest",
        "kidnapping",
        "abduction",
        "shooting",
        "violence",
        "uprising",
        "coup",
        "incident",
        "attacks",
        "strikes",
        "raids",
        "explosions",
        "withdrawal",
        "capture",
        "takeover",
        "surrender",
    ]
)
_RELATIVE_DEPS: Final = frozenset({"relcl", "acl"})
_CONCESSIVE: Final = frozenset({"though", "although", "whereas", "while", "despite"})


@dataclass(frozen=True)
class TimeCandidate:
    """One expression that could date a span, with the step that found it (best first)."""

    step: Step
    time: TimeSpan
    expression: TimeExpression | None


def governing_time(
    span: Span, draft: Draft, *, reporting: bool = True, lead: bool = True, context: int | None = None
) -> TimeSpan:
    """The time that governs ``span`` (an event trigger, a reported clause, a claim's content).

    ``reporting=False`` ignores the time of a governing reporting verb ("said on
    Sunday"); ``lead=False`` skips the article's lead and the sentences before
    the span; ``context`` sets how many sentences before the span may lend their
    day (default 2, 0 when ``lead=False``). Falls back to the anchor, with
    ``text`` and ``mention`` null.
    """
    found = _ranked(span, draft, reporting=reporting, lead=lead, context=context)
    if not found:
        return default_time(draft.document.date)
    _, _, _, e, time = found[0]  # only the winner's record is built
    return time if time is not None else _timespan(e, draft)


def reporting_time(span: Span, draft: Draft) -> TimeSpan | None:
    """The time of the reporting verb that governs ``span`` ("said *on Sunday* that ..."), if any."""
    for c in explain_time(span, draft):
        if c.step in ("reporting", "dateline"):
            return c.time
    return None


def default_time(anchor: dt.date) -> TimeSpan:
    """No expression governs: the publication date, precision ``range`` (the text fixes no day)."""
    return TimeSpan(start=anchor, end=anchor, precision="range", text=None, anchor=anchor, mention=None)


def explain_time(
    span: Span, draft: Draft, *, reporting: bool = True, lead: bool = True, context: int | None = None
) -> list[TimeCandidate]:
    """Every candidate time of ``span``, best first, each with the step that found it."""
    return [
        TimeCandidate(step, time if time is not None else _timespan(e, draft), e)
        for _, _, step, e, time in _ranked(span, draft, reporting=reporting, lead=lead, context=context)
    ]


# (step order, rank, step, expression, its time when not the expression's own)
_Ranked = tuple[int, int, Step, TimeExpression, TimeSpan | None]


def _ranked(
    span: Span, draft: Draft, *, reporting: bool = True, lead: bool = True, context: int | None = None
) -> list[_Ranked]:
    """The candidates of :func:`explain_time`, best first, their records not built yet (a pydantic
    model each, when a trigger needs only the first)."""
    doc = span.doc
    expressions = _expressions(doc, draft)
    if not expressions:
        return []
    sent_start, sent_end = _sentence_bounds(span, draft.text)
    in_sentence = [e for e in expressions if sent_start <= e.start and e.end <= sent_end]
    found: list[_Ranked] = []
    said: list[TimeExpression] = []

    def add(step: Step, rank: int, e: TimeExpression, time: TimeSpan | None = None) -> None:
        if _is_weak(e) and step not in ("inside", "lead"):
            step, rank = "weak", _ORDER.index(step) * 10_000 + rank
        found.append((_ORDER.index(step), rank, step, e, time))

    span_verb = _clause_verb(span.root)
    governors = _governors(span_verb) if span_verb is not None else []
    for e in in_sentence:
        if e.start <= span.start_char and span.end_char <= e.end:
            innermost = _innermost(e, span)
            add("inside", -(innermost.start - innermost.end), innermost)
            continue
        if e.main is not None and span_verb is not None:
            if span.start_char >= e.end:
                add("relation", abs(span.start_char - e.end), e)
            else:
                add("relation", abs(e.start - span.end_char), e, _main_time(e, expressions, draft))
            continue
        if _is_dateline(draft.text, e):
            # "KANO, Dec 24:" dates the report, like a reporting verb's time.
            if reporting:
                add("dateline", 0, e)
            continue
        attach = _attachment(doc, e)
        if attach is None:
            continue
        inside_span = span.start_char <= e.start and e.end <= span.end_char
        verb = _clause_verb(attach)
        other_event = _other_event_noun(attach, span) or (not inside_span and _event_noun_between(doc, span, e, verb))
        if (
            inside_span
            or (verb is not None and verb == span_verb and not other_event)
            or (attach.i in _ids(span) and not other_event)
        ):
            depth = _depth(attach, span.root)
            add("clause", depth * 10 + (5 if other_event else 0) + _nested_rank(e), e)
        elif verb is not None and verb in governors:
            level = governors.index(verb)
            step: Step = "reporting" if verb.lemma_.lower() in REPORTING_VERBS else "governor"
            if step == "reporting" and not reporting:
                said.append(e)  # dates the saying: never the span's day, not even as a side phrase
                continue
            add(step, level * 10 + (5 if other_event else 0), e)
        elif not other_event and not _through_relative(verb, span_verb):
            add("sentence", abs(e.start - span.start_char), e)
    if not any(f[2] != "dateline" for f in found):
        side = _side_day(doc, draft.text, [e for e in in_sentence if e not in said], span)
        if side is not None:
            add("side", 0, side)
    if not any(f[0] < _ORDER.index("context") for f in found):
        back = context if context is not None else (2 if lead else 0)
        for rank, e in enumerate(_context_times(doc, draft.text, expressions, span, back)):
            add("context", rank, e)
    if lead and not found:
        for e in _lead_times(doc, draft.text, expressions, span):
            add("lead", e.start, e)
    found.sort(key=lambda f: (f[0], f[1]))
    return found


# --- helpers ------------------------------------------------------------------------------------


def _expressions(doc: Doc, draft: Draft) -> list[TimeExpression]:
    """The time extractor's expressions for this doc, else the draft's times seen as expressions."""
    cached = doc.user_data.get(_EXPRESSIONS_KEY)
    if isinstance(cached, list):
        return cached  # read once per Doc: ``doc._`` builds an accessor object on every access
    if doc.has_extension(DOC_ATTRIBUTE):
        stored = getattr(doc._, DOC_ATTRIBUTE)
        if stored is not None:
            found = doc.user_data[_EXPRESSIONS_KEY] = list(stored)
            return found
    out = []
    for t in draft.times:
        if t.mention is None or t.text is None:
            continue
        out.append(
            TimeExpression(
                start=t.mention.start,
                end=t.mention.end,
                text=t.text,
                begin=t.start,
                until=t.end,
                precision=t.precision,
                anchor=t.anchor,
                timex="",
            )
        )
    return out


def _timespan(e: TimeExpression, draft: Draft) -> TimeSpan:
    return e.to_timespan(draft.span(e.start, e.end))


def _main_time(e: TimeExpression, expressions: list[TimeExpression], draft: Draft) -> TimeSpan:
    """The reference date of "X came a day after Y", as the expression it came from where possible."""
    assert e.main is not None
    for ref in reversed(expressions):
        if ref.end <= e.start and ref.begin == e.main.start and ref.until == e.main.end and ref.main is None:
            return _timespan(ref, draft)
    return e.main


def _is_weak(e: TimeExpression) -> bool:
    """Durations and "now" say little about when an event happened: used only when nothing else is there."""
    return (e.timex_type == "DURATION" and e.basis == "unresolved") or e.timex == "PRESENT_REF"


def _innermost(e: TimeExpression, span: Span) -> TimeExpression:
    """Inside a range, the nested expression nearest the span ("offensive in August" -> "in August")."""
    if not e.inner:
        return e
    for inner in e.inner:
        if inner.start <= span.start_char and span.end_char <= inner.end:
            return _innermost(inner, span)
    return min(e.inner, key=lambda i: abs(i.start - span.end_char))


def _nested_rank(e: TimeExpression) -> int:
    # A range that contains others outranks them at the same depth ("since ... in August" over "in August").
    return 0 if e.inner else 1


def _ids(span: Span) -> range:
    return range(span.start, span.end)


def _attachment(doc: Doc, e: TimeExpression) -> Token | None:
    """The token an expression hangs from: the head of its root, outside it (cached on the Doc)."""
    key = ("conflict_events.time_attachment", e.start, e.end)
    cache = cast("dict[object, int]", doc.user_data)
    index = cache.get(key)
    if index is None:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            index = -1
        else:
            root = span.root
            index = root.head.i if root.head != root else root.i
        cache[key] = index
    return tokens(doc)[index] if index >= 0 else None


def _first_token(doc: Doc, e: TimeExpression) -> int:
    """The index of an expression's first token, -1 when it covers none (cached on the Doc)."""
    key = ("conflict_events.time_first_token", e.start, e.end)
    cache = cast("dict[object, int]", doc.user_data)
    index = cache.get(key)
    if index is None:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        index = cache[key] = -1 if span is None else span.start
    return index


def _clause_verb(token: Token) -> Token | None:
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head == token:
            return token if token.dep_ == "ROOT" else None
        token = token.head
    return None


def _governors(verb: Token) -> list[Token]:
    """The clause verbs above ``verb``, nearest first (conjoined verbs share their first conjunct's)."""
    out: list[Token] = []
    token = verb
    for _ in range(12):
        if token.head == token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            out.append(token)
    return out


def _depth(token: Token, root: Token) -> int:
    depth = 0
    while token != root and token.head != token and depth < 12:
        token = token.head
        depth += 1
    return depth


def _other_event_noun(attach: Token, span: Span) -> bool:
    """Whether the expression hangs from an event noun other than the span ("attack 10 days ago")."""
    token = attach
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in EVENT_NOUNS:
            # The object of the span's verb shares its time ("repelled an attack on Saturday"); a noun in a
            # prepositional phrase names another event ("arrested over an attack 10 days ago").
            return token.dep_ in ("pobj", "appos", "conj") and not (span.start <= token.i < span.end)
        if token.head == token:
            return False
        token = token.head
    return False


def _event_noun_between(doc: Doc, span: Span, e: TimeExpression, verb: Token | None) -> bool:
    """An event noun in a prepositional phrase just before the expression takes it, whatever the parser says.

    "arrested over a deadly attack on a hotel 10 days ago": the attack is 10 days ago, not the arrests.
    """
    first = _first_token(doc, e)
    if first < 0:
        return False
    start = span.end if span.end <= first else (verb.i + 1 if verb is not None else first)
    for token in tokens(doc)[start:first]:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "amod"):
            return False
        if token.lemma_.lower() in EVENT_NOUNS and token.dep_ == "pobj" and not (span.start <= token.i < span.end):
            return True
    return False


def _through_relative(verb: Token | None, span_verb: Token | None) -> bool:
    """Whether ``verb``'s clause hangs inside a relative clause ("an incursion that began in August")."""
    token = verb
    for _ in range(12):
        if token is None or token == span_verb or token.head == token:
            return False
        if token.dep_ in _RELATIVE_DEPS:
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in token.children):
            return True  # "Though he declared victory later that month, fighting has dragged on"
        token = token.head
    return False


def _sentence_of(doc: Doc, token_index: int) -> tuple[int, int]:
    """Character bounds of the sentence holding a token (sentence starts cached on the Doc)."""
    key = "conflict_events.govern.sentence_starts"
    starts = doc.user_data.get(key)
    if starts is None:
        starts = [(s.start, s.start_char, s.end_char) for s in sentences(doc)]
        doc.user_data[key] = starts
    i = bisect.bisect_right(starts, token_index, key=lambda s: s[0]) - 1
    return starts[i][1], starts[i][2]


def _sentence_bounds(span: Span, text: str) -> tuple[int, int]:
    """The span's sentence, cut at paragraph breaks (a standfirst without a full stop is its own sentence)."""
    start, end = _sentence_of(span.doc, span.start)
    before = text.rfind("\n", start, span.start_char)
    after = text.find("\n", span.end_char, end)
    return (before + 1 if before >= 0 else start), (after if after >= 0 else end)


_DATELINE = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?::|[-–—]\s)")


def _side_day(doc: Doc, text: str, in_sentence: list[TimeExpression], span: Span) -> TimeExpression | None:
    """The sentence's only exact day, when no event noun between it and ``span`` claims it.

    The parser often ties a sentence's one date to a side phrase ("people suspected of links
    to the group in Kismayo on Friday"); a day written in the sentence still beats one carried
    over from the context or the dateline.
    """
    days = [e for e in in_sentence if e.precision == "day" and not _is_weak(e) and not _is_dateline(text, e)]
    if len(days) != 1:
        return None
    day = days[0]
    first = _first_token(doc, day)
    if first < 0:
        return None
    lo, hi = sorted((span.start, first))
    for token in tokens(doc)[lo:hi]:
        # "arrested over an attack on a hotel 10 days ago": the attack owns the time
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.lemma_.lower() in EVENT_NOUNS
            and not (span.start <= token.i < span.end)
        ):
            return None
    return day


def _is_dateline(text: str, e: TimeExpression) -> bool:
    """An expression at the head of the article followed by ':' or a dash ("Kano, Dec 24: ...")."""
    line_start = text.rfind("\n", 0, e.start) + 1
    return e.start - line_start <= 40 and _DATELINE.match(text, e.end) is not None


def _event_time_of_clause(doc: Doc, text: str, e: TimeExpression) -> bool:
    """Whether an expression dates its clause's own event: a day or week, on a non-reporting verb."""
    short = e.precision in ("day", "week") or (e.precision == "range" and (e.until - e.begin).days <= 7)
    if not short or _is_weak(e) or _is_dateline(text, e) or e.basis == "unresolved":
        return False
    attach = _attachment(doc, e)
    verb = _clause_verb(attach) if attach is not None else None
    if verb is None or attach is None or verb.lemma_.lower() in REPORTING_VERBS:
        return False
    if _through_relative(verb, None) or _other_event_noun(attach, doc[verb.i : verb.i + 1]):
        return False
    return not _event_noun_between(doc, doc[verb.i : verb.i + 1], e, verb)


def _context_times(
    doc: Doc, text: str, expressions: list[TimeExpression], span: Span, back: int
) -> list[TimeExpression]:
    """The day of the nearest of the ``back`` sentences before the span that dates its own event.

    An undated sentence usually continues the one before ("Gunmen stormed the village on Saturday.
    [...] The gunmen entered on motorcycles."); a sentence with a date of its own that dates something
    else (a reporting verb, a month, a relative clause) ends the search.
    """
    if back <= 0:
        return []
    key = "conflict_events.govern.sentence_starts"
    _sentence_of(doc, span.start)
    starts: list[tuple[int, int, int]] = doc.user_data[key]
    index = bisect.bisect_right(starts, span.start, key=lambda s: s[0]) - 1
    for _, sent_start, sent_end in reversed(starts[max(0, index - back) : index]):
        inside = [e for e in expressions if sent_start <= e.start and e.end <= sent_end and not _is_weak(e)]
        if not inside:
            continue
        dated = [e for e in inside if _event_time_of_clause(doc, text, e)]
        return dated[:1]
    return []


def _lead_times(doc: Doc, text: str, expressions: list[TimeExpression], span: Span) -> list[TimeExpression]:
    """Days or weeks that the article's first paragraph gives for its own (non-reporting) main event."""
    lead_start = len(text) - len(text.lstrip())
    lead_end = text.find("\n", lead_start)
    lead_end = len(text) if lead_end < 0 else lead_end
    if span.start_char < lead_end:
        return []
    out = []
    for e in expressions:
        if not (lead_start <= e.start and e.end <= lead_end) or e.precision not in ("day", "week"):
            continue
        if _is_dateline(text, e):
            continue
        attach = _attachment(doc, e)
        verb = _clause_verb(attach) if attach is not None else None
        if (
            verb is not None
            and attach is not None
            and verb.lemma_.lower() not in REPORTING_VERBS
            and not _event_noun_between(doc, doc[verb.i : verb.i + 1], e, verb)
        ):
            out.append(e)
    return out
