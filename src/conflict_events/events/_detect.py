"""From a parsed document and the draft to typed mentions, one per reported action.

For each sentence: lexicon triggers (:mod:`.mentions`), dropped when not reported
as having happened (:mod:`.modality`); roles from the parse (:mod:`.roles`);
a first ACLED type from the class and the context (:mod:`.classify`); a place from
the trigger's clause, else its sentence, else the paragraph before it; a time from
:func:`conflict_events.temporal.governing_time`. Effects ("were killed",
"died") fold into the action that caused them in the same sentence.

>>> import datetime as dt
>>> from conflict_events.pipeline import Pipeline
>>> from conflict_events.schema import Document
>>> text = "Gunmen raided a village in Zamfara on Saturday, killing 12 residents."
>>> result = Pipeline()(Document(id="d", text=text,
...                              date=dt.date(2018, 12, 24)))
>>> [(e.event_type, e.sub_event_type) for e in result.events]
[('Violence against civilians', 'Attack')]
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from spacy import symbols
from spacy.strings import get_string_id

from .._doccache import doc_text, sentences, tokens
from .._docindex import NOUN, PROPN, char_span, doc_index, lemmas, lowers, sentence_at
from .._spanindex import SpanIndex
from .._textscan import DATELINE
from ..gazetteer import dateline_only
from ..lexicons import lexicon
from ..rules import Example, first, rule
from ..temporal import governing_time
from ._classify import type_mention
from ._confidence import war_course
from ._event_mentions import (
    FAMILY,
    EventMention,
    Trigger,
    clause_tokens,
    find_triggers,
    find_triggers_in,
    lemma,
    platform_of,
)
from ._event_roles import actor_of, side_words, sides
from ._merge import PERIOD_DAYS, same_side, unidentified
from ._modality import status
from ._place_choice import located_countries, place_before_its_area, unsupported_abroad
from ._senses import other_sense
from ._tokens import conjuncts, doc_words, in_subtree, kids, subtree, tree
from ._trigger_lexicon import Lexicon, TriggerClass, load_lexicon
from ._type_rules import killing_without_actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..draft import Draft
    from ..schema import Actor, Location, Span, TimeSpan

__all__ = ["detect_mentions", "location_rank"]

_WORDS = lexicon("event_context")
_TOLL_HEADS = _WORDS.words("toll_heads")
_DEFINITE = _WORDS.words("definite_determiners")
_CONTESTED = _WORDS.words("contested_cues")
_NUM = symbols.NUM
_DATE_OR_TIME = frozenset({get_string_id("DATE"), get_string_id("TIME")})  # entity label ids, as doc_index holds them
_KIND_RANK = {"settlement": 0, "feature": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
_EFFECTS = frozenset({"kill", "casualty"})  # trigger classes, not words: the effects of an action
# trigger classes of forces moving: never the host of a killing in their clause, but a part of it
_MOVES = frozenset({"activity"})
_REPEL = _WORDS.words("repel_verbs")
_REPORTING_VERBS = lexicon("reporting").words("verbs")
# "the US military said": a place naming an actor, not where the event happened
_ACTOR_HEADS = _WORDS.words("actor_heads")
_PLACE_HEADS = _WORDS.words("place_heads")
_ACTION_NOUNS = _WORDS.words("action_modifier_nouns")


def _names_action(tok: Token) -> bool:
    """ "a US drone strike": a country modifying the action names who did it, not where."""
    lex = load_lexicon()
    return tok.pos_ == "NOUN" and (lex.noun_class(lemma(tok)) is not None or lemma(tok) in _ACTION_NOUNS)


def _pointless_feature(loc: Location) -> bool:
    """A street or a natural feature no gazetteer holds ("Elm Street", "the Chestnut River"): no point."""
    return loc.kind == "feature" and loc.latitude is None


def _building(loc: Location) -> bool:
    """A building named with the town it stands in ("the Central Hospital in Kakamega"), at the town's point with no
    gazetteer entry of its own: the town, a place of its own, places the event."""
    return loc.kind == "feature" and loc.gazetteer_id is None and loc.latitude is not None


def location_rank(loc: Location) -> tuple[int, int]:
    """Smaller is more specific: settlements before districts, regions, countries; a feature with no point
    after every place with one."""
    if _pointless_feature(loc):
        return len(_KIND_RANK), loc.geo_precision
    return _KIND_RANK.get(loc.kind, 5), loc.geo_precision


_LINE_START = re.compile(r"\n(?=[^\n])")  # a line break followed by text


def _paragraph_starts(text: str) -> list[int]:
    return [0, *(found.end() for found in _LINE_START.finditer(text))]


def _paragraph(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _whose(loc: Location, span: SpacySpan | None) -> bool:
    """A people's adjective ("Russian troops", "the Pakistani city of") says whose, never where; a place
    inside a facility's name ("the Quetta Police Lines") is where the facility is."""
    if not loc.modifier:
        return False
    return span is None or span.root.pos_ == "ADJ" or span.root.ent_type_ == "NORP"


def _kept_location(loc: Location, start: int, end: int, doc: Doc) -> tuple[bool, SpacySpan | None]:
    """Whether a location mention can place an event (not an origin, a neighbour or an actor), and its span."""
    before = char_span(doc, start, end)  # doc.char_span(start, end, alignment_mode="expand"), by bisection
    if _whose(loc, before) or _building(loc):
        return False, before
    if before is None:
        return True, None
    if before.start > 0 and doc[before.start - 1].lower_ == "from":
        return False, before  # "fighters from Oromia region": their origin, not the place
    if _in_dateline(doc_text(doc), start):
        return False, before  # "KYIV, Ukraine (AP) - Russian forces launched ...": where the report was filed
    root = before.root
    dep = root.dep_
    said = root.head.head
    if dep == "pobj" and root.head.dep_ == "prep" and said.pos_ == "VERB" and said.lemma_.lower() in _REPORTING_VERBS:
        return False, before  # "..., the interior ministry said in Niamey": where it was said (not "army posts in")
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "the borders with Mali and Niger": Niger stands where Mali does
    if (
        loc.kind == "country"
        and first.dep_ == "pobj"
        and first.head.lower_ in ("with", "of")
        and lemma(first.head.head) in ("border", "frontier")
    ):
        return False, before  # "near the border with Venezuela": this side of the border, not the neighbour
    if _acting_or_owning(root, first):
        return False, before  # "Russia and Ukraine accused ...": a state acting, not where it happened
    return True, before


def _acting_or_owning(root: Token, first: Token) -> bool:
    """Whether a place's head word makes it an actor or an owner ("Russia accused", "Kenyan police"), not where
    something happened; ``first`` is the head of the list it stands in."""
    dep = root.dep_
    return (
        (dep in ("amod", "compound") and lemma(root.head) in _ACTOR_HEADS)
        or (dep in ("amod", "compound", "nmod") and _names_action(root.head))
        or (dep in ("amod", "compound", "nmod") and root.head.pos_ == "NOUN" and lemma(root.head) not in _PLACE_HEADS)
        or dep in ("nsubj", "nsubjpass", "poss")
        or (dep == "conj" and first.dep_ in ("nsubj", "nsubjpass"))  # "Saudi Arabia and the United States said"
        or (dep == "pobj" and root.head.dep_ == "agent")
    )


class _DocIndex:
    """What the rules look up many times in one document, computed once: the location mentions
    that can place an event (and the tokens holding them), the places in a character range,
    each sentence's triggers and facts."""

    def __init__(self, doc: Doc, draft: Draft, lex: Lexicon) -> None:
        self.doc = doc
        self.draft = draft
        self.text = doc_text(doc)
        self.lex = lex
        # (start, end, location, the tokens that each hold the whole mention, or None: check by offsets)
        # every location mention, kept or not, in draft order
        self.place_spans = [(m.start, m.end) for loc in draft.locations for m in loc.mentions]
        self._place_index = SpanIndex((s, e, None) for s, e in self.place_spans)
        self.places: list[tuple[int, int, Location, frozenset[int] | None]] = []
        ix = doc_index(doc)
        located = located_countries(draft.locations, self.text)
        for loc in draft.locations:
            if unsupported_abroad(loc, draft.locations, located, self.text):
                continue  # a namesake abroad in a report whose places lie in another country's areas
            for m in loc.mentions:
                kept, span = _kept_location(loc, m.start, m.end, doc)
                if not kept:
                    continue
                holders: frozenset[int] | None = None
                if span is not None and m.start < m.end:
                    starts, ends = ix.starts, ix.ends
                    # every token the mention covers: "the Red Sea", "Debre Tabor" lie in two tokens
                    holders = frozenset(
                        k for k in range(span.start, span.end) if starts[k] < m.end and m.start < ends[k]
                    )
                self.places.append((m.start, m.end, loc, holders))
        # "in Namoungou (Fada Ngourma, Gourma)": the bracket names the areas the place lies in, not the place
        self.bracketed = {start for start, _, _, _ in self.places if _in_brackets(self.text, start)}
        # actor mentions in draft order: (start, end, size, actor), for actor_at
        self.actor_spans = SpanIndex((m.start, m.end, a) for a in draft.actors for m in a.mentions)
        self._actor_at: dict[tuple[int, int], Actor | None] = {}
        self._in_range: dict[tuple[int, int], list[Location]] = {}
        self._words: dict[int, tuple[list[Token], list[str], list[str]]] = {}
        self._triggers: dict[int, list[Trigger]] = {}
        self._facts: dict[int, tuple[bool, frozenset[str], bool]] = {}
        self._in_place: dict[int, bool] = {}
        self._in_dateline: dict[int, int] = {}  # line start -> end of its dateline (-1: none)
        self._actor_of: dict[int, Actor | None] = {}
        # the kept mentions by where they start, so a range asks only the mentions inside it: a long text naming
        # two towns in every sentence made each sentence's question a scan of the whole document's mentions
        self._kept = SpanIndex((row[0], row[1], row) for row in self.places)
        # per place (by identity; the draft holds it while the document is read): its mentions by position
        self._mentions_of: dict[int, SpanIndex[Span]] = {}
        # place_before_its_area's answer per best place and candidates: it depends on them and the text alone
        self._area_of: dict[tuple[int, ...], Location] = {}

    def mentions_in(self, loc: Location, sentence: SpacySpan) -> list[Span]:
        """The place's mentions inside the sentence, in the place's order."""
        found = self._mentions_of.get(id(loc))
        if found is None:
            found = self._mentions_of[id(loc)] = SpanIndex((m.start, m.end, m) for m in loc.mentions)
        return found.starting_in(sentence.start_char, sentence.end_char)

    def before_its_area(self, best: Location, candidates: list[Location]) -> Location:
        """The place a town named like its area qualifies ("Moura, Mopti"), else the best place itself
        (:func:`place_before_its_area`, answered once per best place and candidates)."""
        key = (id(best), *map(id, candidates))
        found = self._area_of.get(key)
        if found is None:
            decided = first((place_before_its_area,), best, candidates, self.text)
            found = self._area_of[key] = decided.value if decided is not None else best
        return found

    def in_dateline(self, text: str, offset: int) -> bool:
        """:func:`_in_dateline`, the dateline's end memoised per line (one match per line, not per offset)."""
        line_start = text.rfind("\n", 0, offset) + 1
        end = self._in_dateline.get(line_start)
        if end is None:
            end = self._in_dateline[line_start] = _dateline_end(text, line_start)
        return offset < end

    def in_place(self, offset: int) -> bool:
        """Whether a character offset lies in a location mention, kept or not (memoised)."""
        found = self._in_place.get(offset)
        if found is None:
            found = self._in_place[offset] = self._place_index.covers(offset)
        return found

    def locations_in_tokens(self, tokens: list[Token]) -> list[Location]:
        """Places whose mention lies in these tokens, most specific first."""
        if not tokens:
            return []
        ids = {t.i for t in tokens}
        ranges: list[tuple[int, int]] | None = None
        found: list[tuple[int, Location]] = []
        # a mention held by these tokens overlaps their characters
        near = self._kept.near(min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
        for start, end, loc, holders in near:
            if holders is not None:
                if ids.isdisjoint(holders):
                    continue
            else:
                if ranges is None:
                    ranges = _ranges(tokens)
                if not any(s <= start and end <= e for s, e in ranges):
                    continue
            found.append((start, loc))
        return _by_rank(found, self.bracketed)

    def actor_of(self, tok: Token) -> Actor | None:
        """:func:`actor_of` of a token, memoised: the sides of a sentence's triggers are often the same tokens."""
        i = tok.i
        if i in self._actor_of:
            return self._actor_of[i]
        found = self._actor_of[i] = actor_of(tok, self.draft, self.actor_at)
        return found

    def actor_at(self, start: int, end: int) -> Actor | None:
        """``draft.actor_at`` (the tightest overlapping mention, the first of equals), memoised."""
        key = (start, end)
        if key in self._actor_at:
            return self._actor_at[key]
        best = self.actor_spans.tightest(start, end)
        self._actor_at[key] = best
        return best

    def locations_in_range(self, lo: int, hi: int) -> list[Location]:
        """Places whose mention lies inside ``lo:hi``, most specific first (do not modify the list)."""
        key = (lo, hi)
        cached = self._in_range.get(key)
        if cached is None:
            found = [(start, loc) for start, end, loc, _ in self._kept.starting_in(lo, hi) if end <= hi]
            cached = self._in_range[key] = _by_rank(found, self.bracketed)
        return cached

    def words(self, sent: SpacySpan) -> tuple[list[Token], list[str], list[str]]:
        """A sentence's tokens, their lemmas and lower-case forms (do not modify the lists)."""
        cached = self._words.get(sent.start)
        if cached is None:
            lo, hi = sent.start, sent.end
            cached = self._words[lo] = (tokens(self.doc)[lo:hi], lemmas(self.doc)[lo:hi], lowers(self.doc)[lo:hi])
        return cached

    def triggers(self, sent: SpacySpan, lex: Lexicon) -> list[Trigger]:
        """:func:`find_triggers` of a sentence, found once per lexicon (do not modify the list)."""
        if lex is not self.lex:
            return _outside_kicker(find_triggers(sent, lex), doc_text(self.doc))
        cached = self._triggers.get(sent.start)
        if cached is None:
            found = find_triggers_in(sent, lex, *self.words(sent))
            cached = self._triggers[sent.start] = _outside_kicker(found, doc_text(self.doc))
        return cached

    def facts(self, sent: SpacySpan) -> tuple[bool, frozenset[str], bool]:
        """A sentence's contested cue, its counts, and whether it reads as a headline (no full stop)."""
        cached = self._facts.get(sent.start)
        if cached is None:
            _, lems, _ = self.words(sent)
            contested = not _CONTESTED.isdisjoint(lems)
            numbers: set[str] = set()
            ix, text = doc_index(self.doc), self.text
            for k in range(sent.start, sent.end):  # the per-Doc arrays: no Token attribute lookups
                if ix.pos[k] == _NUM:
                    word = text[ix.starts[k] : ix.ends[k]]
                    if word.isdigit() and ix.ent_type[k] not in _DATE_OR_TIME and int(word) >= 2:
                        numbers.add(word)
            unstopped = not self.text[sent.start_char : sent.end_char].rstrip().endswith((".", '"', "\u201d"))
            cached = self._facts[sent.start] = (contested, frozenset(numbers), unstopped)
        return cached


def _refinement(coarse: Location, candidates: list[Location]) -> Location | None:
    """The most specific of ``candidates`` inside a country- or province-level place, the first named
    of equals ("in the Kharkiv and Dnipropetrovsk regions": Kharkiv; one event per place is not made)."""
    if coarse.kind not in ("country", "admin1") or not coarse.country:
        return None
    inside = [
        loc
        for loc in candidates
        if location_rank(loc)[0] < location_rank(coarse)[0]
        and loc.country == coarse.country
        and (coarse.kind == "country" or loc.admin1 == coarse.admin1)
    ]
    return inside[0] if inside else None  # ranked most specific first, then in text order


def _by_rank(found: list[tuple[int, Location]], bracketed: set[int] | frozenset[int] = frozenset()) -> list[Location]:
    # a place outside the areas its bracket names was read as a namesake abroad ("Boni (Douentza, Mopti)" as
    # Bonn): the bracket's areas place the event before it
    areas = [loc for start, loc in found if start in bracketed]
    def key(p: tuple[int, Location]) -> tuple[int, int, int, int]:
        kind, precision = location_rank(p[1])
        return kind, 1 if p[0] in bracketed else 2 * _outside(p[1], areas), precision, p[0]

    found.sort(key=key)
    return [loc for _, loc in found]


def _outside(place: Location, areas: list[Location]) -> bool:
    """Whether a place lies in another country or province than every one of ``areas`` (none: no)."""
    return bool(areas) and not any(
        place.country == a.country and (not place.admin1 or not a.admin1 or place.admin1 == a.admin1) for a in areas
    )


def _in_brackets(text: str, start: int) -> bool:
    """Whether an offset lies in a bracket opened right after a word ("Namoungou (Fada Ngourma, Gourma)")."""
    before = text[max(0, start - 80) : start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or "\n" in before[opened:]:
        return False
    return before[:opened].rstrip()[-1:].isalpha()


def _ranges(tokens: list[Token]) -> list[tuple[int, int]]:
    if not tokens:
        return []
    ends = doc_index(tokens[0].doc).ends  # t.idx + len(t.text), without reading each token's text
    return [(t.idx, ends[t.i]) for t in tokens]


def _is_anaphoric(head: Token, draft: Draft, index: _DocIndex) -> bool:
    """A definite nominal ("the attack", "the fighting") with no actor or place of its own."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in kids(head) if c.dep_ in ("det", "poss")]
    if not any(d.lower_ in _DEFINITE or d.dep_ == "poss" for d in dets):
        return False
    if head.dep_ == "pobj" and head.head.lower_ in ("by", "after", "since", "following"):
        return True  # "displaced by the attacks", "after the attack": a reference back
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ in ("response", "reaction"):
        return True  # "in response to the jihadist attack"
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    definite = any(d.lower_ in ("the", "this", "that") for d in dets) and not draft.times_in(start, end)
    if any(s >= start and e <= end for s, e in index.place_spans):
        # "the attack on Jit came hours after ...": the told attack, its place named (it joins only a
        # cluster whose place holds it); "an attack on Jit" is a new one
        return definite and head.head.dep_ not in ("prep", "agent") and head.dep_ == "nsubj"
    if definite:
        return True  # "the jihadist attack": named again, its side is only a description
    own = [c for c in kids(head) if c.dep_ in ("poss", "amod", "compound", "prep")]
    return not any(index.actor_at(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in own)


def _weapon_named_again(agents: list[Token], lex: Lexicon, index: _DocIndex) -> bool:
    """ "The drone had been targeting bandits when it hit the village": a weapon named again with "the", and
    no side of its own, is the one of the strike told before."""
    return any(
        any(c.dep_ == "det" and c.lower_ == "the" for c in kids(t))
        and platform_of(t, lex) is not None
        and index.actor_of(t) is None
        for t in agents[:1]
    )


_KICKER = re.compile(r"^[A-Z][\w .'/-]{1,30}:\s", re.M)  # "Somalia: roadside bomb kills soldiers"


def _outside_kicker(triggers: list[Trigger], text: str) -> list[Trigger]:
    """The triggers outside a label that opens a line ("Looting: On 3 May, ...", "Analysis: ..."): the label
    names the story's kind, the story after it tells the action."""
    if not triggers:
        return triggers
    kept = []
    for trig in triggers:
        offset = trig.head.idx
        label = _KICKER.match(text, text.rfind("\n", 0, offset) + 1)
        if label is None or offset >= label.end():
            kept.append(trig)
    return kept


def _in_dateline(text: str, offset: int) -> bool:
    """Whether an offset lies in a dateline ("BAMAKO, Nov 10 (Reuters) -") or a headline's place
    label ("DR Congo: ..."): a place of filing or a topic, not an actor."""
    return offset < _dateline_end(text, text.rfind("\n", 0, offset) + 1)


def _dateline_end(text: str, line_start: int) -> int:
    """The end of the dateline or place label that opens the line at ``line_start``, -1 if none."""
    found = DATELINE.match(text, line_start) or _KICKER.match(text, line_start)
    return -1 if found is None else found.end()


def _first_actor(tokens: list[Token], draft: Draft, exclude: set[str], index: _DocIndex) -> Actor | None:
    for tok in tokens:
        if index.in_dateline(draft.text, tok.idx):
            continue  # "BAMAKO, Nov 10 - Suspected jihadists killed ...": the parse makes the city a subject
        actor = index.actor_of(tok)
        if actor is not None and actor.id not in exclude:
            return actor
    return None


def _noun_lemmas(tok: Token) -> set[str]:
    """The lemmas of the nouns and names in a token's subtree (per-Doc lists, no Token objects)."""
    doc = tok.doc
    lems, pos = lemmas(doc), doc_index(doc).pos
    return {lems[k] for k in tree(doc).subtree_ids(tok.i) if pos[k] == NOUN or pos[k] == PROPN}


# "a Fulani camp": where people of a community live (as written and in lower case, as lemmas may come)
_PEOPLES: Final = frozenset(w for g in lexicon("communities").words("ethnic_groups") for w in (g, g.lower()))


_SHELTERED: dict[frozenset[str], frozenset[str]] = {}


def _with_peoples(words: frozenset[str]) -> frozenset[str]:
    """``words | _PEOPLES``, made once per word list (the union of two hundred words, per mention, cost more)."""
    found = _SHELTERED.get(words)
    if found is None:
        if len(_SHELTERED) >= 64:
            _SHELTERED.clear()
        found = _SHELTERED[words] = words | _PEOPLES
    return found


def _sheltering(tok: Token, sheltered: frozenset[str]) -> bool:
    """Whether a camp or base is named for the people it shelters: its modifiers ("a displacement camp") or
    the object of its "for" ("a camp for displaced people") and that object's modifiers."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # "attacked the camp for displaced people": the parse may hang the "for" on the verb, right after the camp
    fors = [after] if after is not None and after.dep_ == "prep" and after.lower_ == "for" else []
    for c in [*kids(tok), *fors]:
        if lemma(c) in sheltered:
            return True
        if c.dep_ == "prep" and c.lower_ == "for":
            for p in kids(c):
                if lemma(p) in sheltered or any(lemma(a) in sheltered for a in kids(p)):
                    return True
    return False


def _sheltered_only(tok: Token, armed: frozenset[str], sheltered: frozenset[str]) -> bool:
    """Whether every armed word in a target's phrase is a camp or base named for the people it shelters
    ("several members of the camp for the disabled"): no armed side in it."""
    doc = tok.doc
    found = [doc[k] for k in tree(doc).subtree_ids(tok.i) if lemma(doc[k]) in armed and doc[k].pos_ == "NOUN"]
    return bool(found) and all(_sheltering(t, sheltered) for t in found)


def _out_of_service(tok: Token, lex: Lexicon) -> bool:
    """Whether the words before a target noun, inside its phrase, or a bracket after it ("a soldier (SNA)
    (off duty)") say it is off duty or out of service."""
    start = tok.left_edge.i
    if start > 0 and tok.doc[start - 1].dep_ == "prt":
        start -= 1  # "killed an off duty officer" parsed as "killed off": the particle is the phrase's first word
    singles, phrases = _word_and_phrases(lex.words("out_of_service"))
    if start < tok.i:
        before = " ".join(lowers(tok.doc)[start : tok.i]).replace(" - ", "-")
        # a single word is one of the words before; a phrase (with a space) is anywhere in them
        if not singles.isdisjoint(before.split()) or any(w in before for w in phrases):
            return True
    return any(not singles.isdisjoint(b.split()) or any(w in b for w in phrases) for b in _brackets_after(tok))


_BRACKETS_READ: Final = 3  # "a soldier (SNA) (likely off-duty)": the noun's own brackets come first
_BRACKET_WORDS: Final = 8  # a longer bracket is a clause of its own, no label of the noun


def _brackets_after(tok: Token) -> list[str]:
    """The short brackets that follow a noun, in lower case: right after it or after another bracket, or inside
    the noun's own phrase ("a soldier who was heading home (likely off-duty)"); a label the writer adds
    after the noun ("two soldiers (off-duty) on board")."""
    doc, out = tok.doc, list[str]()
    k, end = tok.i + 1, max(tok.right_edge.i, tok.i) + 1
    low = lowers(doc)
    while k < len(doc) and len(out) < _BRACKETS_READ:
        if low[k] != "(":
            if k >= end:
                break
            k += 1
            continue
        close = next((j for j in range(k + 1, min(len(doc), k + _BRACKET_WORDS + 2)) if low[j] == ")"), None)
        if close is None:
            break
        out.append(" ".join(low[k + 1 : close]).replace(" - ", "-"))
        k = close + 1
    return out


_SPLIT_LISTS: dict[frozenset[str], tuple[frozenset[str], tuple[str, ...]]] = {}


def _word_and_phrases(words: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A word list split into its single words and its phrases (with a space), once per list."""
    found = _SPLIT_LISTS.get(words)
    if found is None:
        if len(_SPLIT_LISTS) >= 64:
            _SPLIT_LISTS.clear()  # lists come from lexicons, few; bounded all the same
        found = _SPLIT_LISTS[words] = (
            frozenset(w for w in words if " " not in w), tuple(w for w in words if " " in w))
    return found


def _civilian_owner(vehicle: Token, lex: Lexicon) -> bool:
    """Whether a vehicle's phrase names unarmed people as whom it carries or belongs to ("of the Auditor-General",
    "carrying marketgoers", "belonging to a health centre")."""
    owners: list[Token] = []
    for c in kids(vehicle):
        if c.dep_ == "prep" and c.lower_ == "of":
            owners += [p for p in kids(c) if p.dep_ == "pobj"]
        elif c.dep_ == "acl" and lemma(c) in lex.words("carrying_verbs"):
            owners += [o for o in kids(c) if o.dep_ in ("dobj", "obj")]
            owners += [p for pr in kids(c) if pr.dep_ == "prep" for p in kids(pr) if p.dep_ == "pobj"]
    civil = lex.words("civilian_targets") | lex.words("civilian_titles")
    for o in owners:
        # "the Bauchi State Auditor-General": the title may be written with hyphens the model splits
        name = "".join(t.text_with_ws for t in o.doc[o.left_edge.i : o.i + 1]).lower().split()
        if lemma(o) in civil or any(w in civil for w in name):
            return True
    return False


# Trigger classes of gunmen on the ground: a vehicle they fire on or ambush is a civilian one unless marked armed
# (a strike or a blast on a vehicle says nothing of who was in it).
_GROUND_CLASSES: Final = frozenset({"assault", "kill"})
_ARMED_KINDS: Final = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia",
                                 "external_forces"})


@rule(
    "events.targets.unmarked_vehicle",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 3 March 2025, a clan militia ambushed a vehicle near Galdogob (Galdogob, Mudug).",
            {"event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "On 3 March 2025, a clan militia ambushed a vehicle carrying soldiers near Galdogob (Galdogob, Mudug).",
            {"event.sub_event_type": "Armed clash"},
        ),
        Example(
            "On 3 March 2025, militants ambushed an army vehicle near Galdogob (Galdogob, Mudug).",
            {"event.sub_event_type": "Armed clash"},
        ),
    ],
)
def unmarked_vehicle(vehicle: Token, armed: frozenset[str], index: _DocIndex) -> bool | None:
    """A vehicle gunmen fire on or ambush is a civilian target (True) unless its phrase names armed people in or
    behind it ("a vehicle carrying soldiers", "an army vehicle", "a military truck", "an SNA vehicle"): ACLED codes
    gunfire on a vehicle that names none as an attack on the people on the road."""
    doc = vehicle.doc
    for k in tree(doc).subtree_ids(vehicle.i):
        if k == vehicle.i:
            continue
        t = doc[k]
        if lemma(t) in armed or t.lower_ in armed:
            return None
        if t.pos_ in ("PROPN", "NOUN"):
            actor = index.actor_of(t)
            if actor is not None and actor.kind in _ARMED_KINDS:
                return None
    return True


def _target_flags(m: EventMention, tokens: list[Token], lex: Lexicon, index: _DocIndex) -> None:
    off_duty = False
    for tok in tokens:
        off_duty = _flag_target(m, tok, lex, index) or off_duty
        if index.in_place(tok.idx):
            m.target_place = True
    if m.actor2 is not None:
        if m.actor2.kind == "civilians":
            m.victims_civilian = True
        elif off_duty:
            pass  # the forces an off-duty soldier belongs to are not what was attacked
        elif m.actor2.kind in _ARMED_KINDS:
            m.target_armed = True


def _flag_target(m: EventMention, tok: Token, lex: Lexicon, index: _DocIndex) -> bool:
    """Mark whether one target of a mention is armed or civilian; True when it is a side's man off duty."""
    armed, civil = lex.words("armed_targets"), lex.words("civilian_targets")
    sheltered = _with_peoples(lex.words("sheltered_people"))
    vehicles, civil_marks = lex.words("vehicles"), lex.words("civilian_modifiers")
    head = lemma(tok)
    if _out_of_service(tok, lex):
        m.victims_civilian = True  # "an off-duty army corporal", "a former fighter": no longer a side's
        return True
    if head in vehicles and any(lemma(c) in civil_marks or c.lower_ in civil_marks for c in kids(tok)):
        m.victims_civilian = True  # "a passenger vehicle", "a civilian minibus": its people cannot fight back
    elif head in vehicles and _civilian_owner(tok, lex):
        m.victims_civilian = True  # "the convoy of the Auditor-General", "vehicles carrying marketgoers"
    elif head in vehicles and head not in armed and m.cls.name in _GROUND_CLASSES:
        # "opened fire on a vehicle": people on the road, unless the phrase names who fights from it
        if unmarked_vehicle(tok, armed, index):
            m.victims_civilian = True
        else:
            m.target_armed = True
    elif head in armed and not (sheltered and _sheltering(tok, sheltered)):
        m.target_armed = True
    elif head in armed:
        m.victims_civilian = True  # "a displacement camp", "a camp for refugees": people sheltered there
    else:
        # the noun lemmas of the target's phrase, read only when its head word does not decide
        words = _noun_lemmas(tok) if tok.pos_ != "PROPN" else frozenset()
        if words & armed and head not in civil and not _sheltered_only(tok, armed, sheltered):
            m.target_armed = True
        elif head in civil or words & civil:
            m.victims_civilian = True
    return False


def _mention(
    trig_sent: SpacySpan,
    trigger_head: Token,
    trig: object,
    draft: Draft,
    lex: Lexicon,
    para: int,
    standfirst: bool,
    index: _DocIndex,
) -> EventMention:
    assert isinstance(trig, Trigger)
    m = EventMention(
        trigger=trig,
        sentence=trig_sent,
        paragraph=para,
        event_type=trig.cls.event_type,
        sub_event_type=trig.cls.sub_event_type,
        standfirst=standfirst,
    )
    found = sides(trigger_head, lex)
    m.actor1 = _first_actor(found.agent_tokens, draft, set(), index)
    if (
        m.actor1 is not None
        and m.actor1.kind == "civilians"
        and trig.cls.name not in ("protest", "riot", "mob")
    ):
        m.actor1 = None  # "armed herders attacked": civilians cannot commit political violence (ACLED)
    m.actor2 = _first_actor(found.patient_tokens, draft, {m.actor1.id} if m.actor1 else set(), index)
    for tok in found.assoc_tokens:
        ally = index.actor_of(tok)
        if ally is not None and ally not in (m.actor1, m.actor2) and ally not in m.assoc:
            m.assoc.append(ally)
    _target_flags(m, found.patient_tokens, lex, index)
    m.patient_lemmas = [lemma(t) for t in found.patient_tokens]
    m.anaphoric = _is_anaphoric(trigger_head, draft, index) or _weapon_named_again(found.agent_tokens, lex, index)
    distinct = lex.words("distinct")
    # "two other protesters were wounded": other people of the crowd, not another demonstration
    m.distinct = lemma(trigger_head) not in lex.words("crowd") and any(
        lemma(c) in distinct for c in kids(trigger_head) if c.dep_ in ("amod", "det")
    )
    m.contested_cue, m.numbers, _ = index.facts(trig_sent)
    # barricades are the crowd's violence (spec/ACLED.md §1.3), also when the verb folds into "demonstrated"
    barricade = trig.cls.name == "protest" and lemma(trigger_head) in lex.words("barricade_verbs")
    m.crowd_violence = trig.cls.name == "riot" or barricade
    return m


_PLACE_LOOKBACK = 30


def _place_and_time(m: EventMention, index: _DocIndex, draft: Draft, para_sents: list[SpacySpan]) -> None:
    """Where and when a mention happened: its place and its time with where the time came from."""
    clause = clause_tokens(m.trigger.head)
    _place(m, index, clause, para_sents)
    if m.location is not None and m.location_rank < 2:
        m.care_place = care_place(m.location, m.sentence, index) is True
    _time(m, draft, clause, index.doc)


def _place(m: EventMention, index: _DocIndex, clause: list[Token], para_sents: list[SpacySpan]) -> None:
    """The trigger's clause places it (rank 0), else its sentence (1), else its paragraph before it (2)."""
    head = m.trigger.head
    locs, sent_locs = _candidate_places(m, index, clause)
    if locs:
        m.location, m.location_rank = index.before_its_area(locs[0], sent_locs), 0
        if locs[0].kind in ("country", "admin1"):
            # "In Pakistan, militants attacked a police station in Dera Ismail Khan": a town of
            # the clause's country (or province) anywhere in the action's phrase is where it
            # happened; not one of another clause ("..., the ministry said in Niamey")
            right = head.right_edge
            within = index.locations_in_range(head.left_edge.idx, right.idx + len(right.text))
            m.location = _refinement(locs[0], within) or locs[0]
    elif sent_locs and (placed := [loc for loc in sent_locs if not _only_after(_TOWARD, loc, m.sentence, index)]):
        # an action noun's own phrase places it before the rest of its sentence: "strikes inside Iran, two days
        # after Iran launched attacks on bases in Pakistan" (the attacks were in Pakistan)
        own = index.locations_in_tokens(_target_phrase(head))
        own = [loc for loc in own if loc in sent_locs]
        m.location, m.location_rank = index.before_its_area((own or placed)[0], placed), 1
    else:
        # A paragraph's earlier sentences, nearest first, at most _PLACE_LOOKBACK of them: a
        # paragraph of news is a few sentences; a transcript without places cost each mention
        # a walk back through every sentence before it.
        for prev in reversed(para_sents[-_PLACE_LOOKBACK:]):
            locs = index.locations_in_range(prev.start_char, prev.end_char)
            if locs:
                m.location, m.location_rank = index.before_its_area(locs[0], locs), 2
                break
        else:
            town = _the_town(clause, m.sentence.start_char, index)
            if town is not None:
                m.location, m.location_rank = town, 1


def _candidate_places(m: EventMention, index: _DocIndex, clause: list[Token]) -> tuple[list[Location], list[Location]]:
    """The places of the trigger's clause and of its sentence that may be where it happened (and ``m.places``, every
    place named with it)."""
    locs = index.locations_in_tokens(clause)
    sent_locs = index.locations_in_range(m.sentence.start_char, m.sentence.end_char)
    m.places = frozenset(loc.name for loc in locs or sent_locs)
    locs, sent_locs = _this_side(locs, m.sentence, index), _this_side(sent_locs, m.sentence, index)
    if len(locs) > 1:
        # "near Anefis, about 100 km south of Kidal": Kidal says how far, not where
        locs = [loc for loc in locs if not _only_after(_DISTANCE_FROM, loc, m.sentence, index)] or locs
    if locs and m.cls.name == "transfer" and m.cls.has("withdrawals", lemma(m.trigger.head)):
        # "the army had withdrawn towards Debre Birhan": where a side withdrew to is not where the place changed
        # hands (events.merge.withdrawal_in_capture says the same within a capture's sentence)
        locs = [loc for loc in locs if not _only_after(_TOWARD, loc, m.sentence, index)]
        sent_locs = [loc for loc in sent_locs if not _only_after(_TOWARD, loc, m.sentence, index)]
    if locs and _pointless_feature(locs[0]) and sent_locs and not _pointless_feature(sent_locs[0]):
        locs = []  # "marched on Elm Street in Fargo": the street no gazetteer holds yields to the town
    return locs, sent_locs


def _target_phrase(head: Token) -> list[Token]:
    """The tokens of what an action was aimed at: an action noun's whole phrase ("attacks on bases in X"), a
    verb's object and its "at"/"on"/"against" phrases ("fired shells at posts in X"), nested clauses included."""
    if head.pos_ == "NOUN":
        return list(head.subtree)
    aims = [c for c in head.children if c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ in _AIMED)]
    return [t for c in aims for t in c.subtree]


_AIMED: Final = frozenset({"at", "on", "against", "into"})
_TOWN_NOUNS: Final = load_lexicon().words("town_nouns")


def _the_town(clause: list[Token], before: int, index: _DocIndex) -> Location | None:
    """ "Jets bombed the outskirts of the town": "the town" with no name of its own, in a paragraph that names no
    place before it, is the one settlement the story named before the sentence."""
    if not any(
        t.lower_ in _TOWN_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in kids(t))
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(t))
        for t in clause
    ):
        return None
    earlier = {
        loc.name: loc
        for start, _, loc, _ in index.places
        if start < before and loc.kind == "settlement" and not dateline_only(loc)
    }
    # one town named before: "the town" is it; with several, which one is not known
    return next(iter(earlier.values())) if len(earlier) == 1 else None


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_PLACE_WORDS: Final = lexicon("places")
# where someone went: "forced families to flee toward Bukavu", "troops were sent to Gao"
_TOWARD: Final = re.compile(
    rf"\b(?:towards?|(?:{_alternation(_PLACE_WORDS.words('motion_words'))})\s+(?:back\s+)?to)\s+"
    r"(?:the\s+\w+\s+of\s+)?$",
    re.IGNORECASE,
)
# where the wounded were cared for: "had been in intensive care in a hospital in Cali", "taken to a clinic in Bunia"
_CARE_PLACE: Final = re.compile(
    rf"\b(?:{_alternation(_PLACE_WORDS.words('care_words'))})\b[^.;:]{{0,30}}?"
    rf"\b(?:{_alternation(_PLACE_WORDS.words('care_facilities'))})s?\s+(?:in|at)\s+(?:the\s+\w+\s+of\s+)?$",
    re.IGNORECASE,
)
# the point a distance is measured from: "about 100 km south of Kidal"
_DISTANCE_FROM: Final = re.compile(
    rf"\b\d[\d,.]*\s*(?:{_alternation(_PLACE_WORDS.words('distance_units'))})\s+(?:\w+\s+){{0,2}}(?:of|from)\s+$",
    re.IGNORECASE,
)


# a country named as the far side of a border: "near the Mali border", "along the border with Niger"
_BORDER_BEFORE: Final = re.compile(r"\bborders?\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_AFTER: Final = re.compile(r"(?:['’]s)?[\s-]+border|-(?:flagged|registered)\b", re.IGNORECASE)


def _this_side(locs: list[Location], sentence: SpacySpan, index: _DocIndex) -> list[Location]:
    """The places without the countries the sentence names only across a border (:func:`_border_only`)."""
    if not any(loc.kind == "country" for loc in locs):
        return locs
    return [loc for loc in locs if not _border_only(loc, sentence, index)]


def _border_only(loc: Location, sentence: SpacySpan, index: _DocIndex) -> bool:
    """Whether a country is named in the sentence only as the other side of a border ("gunmen killed 12 villagers
    near the Mali border") or as a ship's flag ("hijacked a Malta-flagged tanker"): the event is not in it."""
    if loc.kind != "country":
        return False
    inside, text = index.mentions_in(loc, sentence), index.text
    return bool(inside) and all(
        _BORDER_BEFORE.search(text, max(0, m.start - 30), m.start) or _BORDER_AFTER.match(text, m.end)
        for m in inside
    )


@rule(
    "events.place.care_place",
    decides="event.location",
    positive=[
        Example(
            "A police officer wounded when rebels attacked a police station in Cauca on Thursday died on Sunday. "
            "He had been treated in a hospital in Cali since the attack, police said.",
            {"event.location.name": "Cauca", "!event.location.name": "Cali"},
        ),
    ],
    negative=[
        Example(
            "A drone struck a hospital in Kharkiv on Sunday, killing two patients, officials said.",
            {"event.location.name": "Kharkiv"},
        ),
    ],
)
def care_place(loc: Location, sentence: SpacySpan, index: _DocIndex) -> bool | None:
    """A place named only as where the wounded were cared for ("treated at a hospital in Cali", "in intensive care
    in a clinic in Bunia") is not where the event happened (True): the event takes a place another of its mentions
    gives, if any; a hospital struck is where it happened."""
    return True if _only_after(_CARE_PLACE, loc, sentence, index) else None


def _only_after(pattern: re.Pattern[str], loc: Location, sentence: SpacySpan, index: _DocIndex) -> bool:
    """Whether every mention of a place in the sentence comes right after ``pattern`` (a destination, or the point
    a distance is measured from): the action in the sentence happened elsewhere."""
    inside, text = index.mentions_in(loc, sentence), index.text
    return bool(inside) and all(pattern.search(text, max(0, m.start - 50), m.start) for m in inside)


def _time(m: EventMention, draft: Draft, clause: list[Token], doc: Doc) -> None:
    """The time that governs the trigger, or the one inside its own noun phrase ("the raid on 3 May")."""
    head = m.trigger.head
    ts = governing_time(doc[head.i : head.i + 1], draft.times, draft.document.date)
    if ts is not None and first((clock_without_a_day,), ts, draft.times) is not None:
        # "the drones struck shortly before noon": the hour gives no day; the story's day governs
        ts = governing_time(doc[head.i : head.i + 1], [t for t in draft.times if t is not ts], draft.document.date)
    superlative = any(c.tag_ == "JJS" for c in kids(head))  # "the fiercest attack in three years"
    nominal = head.pos_ in ("NOUN", "PROPN") and not superlative
    if nominal:
        # "the incursion that began in August": a time inside the noun's own phrase dates it
        lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        inner = [t for t in draft.times_in(lo, hi) if not _phase_time(head, t) and not _time_of_another_noun(head, t)]
        if inner:
            ts = inner[0]
            if (ts.anchor - ts.end).days > 28:
                m.anaphoric = False  # "their incursion that began in August": a background event of its own
    in_sentence = draft.times_in(m.sentence.start_char, m.sentence.end_char)
    later = object_day(head, in_sentence, ts)
    if later is None:
        when = first((when_of_a_time,), head, in_sentence)  # "since January 9, when a shell hit ..."
        later = when.value if when is not None else None
    if later is not None:
        m.date, m.date_source = later, "own"
        return
    if ts is not None and first((headline_present_ahead,), m, ts, draft.document.date) is not None:
        m.date, m.date_source = None, "default"  # the body's day dates the story the headline tells
        return
    m.date = ts
    m.date_source = _date_source(m, ts, clause, nominal)


@rule(
    "events.date.headline_present_ahead",
    decides="event.date",
    positive=[
        Example(
            "Suicide bomber strikes Herat mosque during Friday prayers\n\nKABUL (AFP) - A suicide bomber blew himself"
            " up at a mosque in Herat during Friday prayers, killing four worshippers, police said on Sunday.",
            {"events": 1, "event.date.start": "2025-11-07"},
            date=dt.date(2025, 11, 9),
        ),
    ],
    negative=[
        Example(
            "Gunmen kill six in Zamfara village\n\nGUSAU, Nigeria (Reuters) - Gunmen killed six villagers in Tsafe on"
            " Friday, police said on Sunday.",
            {"events": 1, "event.date.start": "2025-11-07"},
            date=dt.date(2025, 11, 9),
        ),
    ],
)
def headline_present_ahead(m: EventMention, ts: TimeSpan, report: dt.date) -> bool | None:
    """A headline tells past news in the present ("Suicide bomber strikes mosque during Friday prayers"): a day
    its present tense puts after the report's date is the past one the body tells, so the headline takes no date
    of its own and joins the body's story."""
    return True if m.standfirst and ts.start > report and m.trigger.head.tag_ in ("VBZ", "VBP", "NN", "NNS") else None


@rule(
    "events.date.clock_without_a_day",
    decides="event.date",
    positive=[
        Example(
            "A drone strike hit a market in El Obeid on Sunday, killing 19 people, the health ministry said on"
            " Monday. Witnesses said two drones struck the cattle market shortly before noon.",
            {"events": 1, "event.date.start": "2026-02-08"},
            date=dt.date(2026, 2, 9),
        ),
    ],
    negative=[
        Example(
            "Two drones struck the cattle market in El Obeid shortly before noon, killing 19 people, the health"
            " ministry said.",
            {"events": 1, "event.date.start": "2026-02-09"},
            date=dt.date(2026, 2, 9),
        ),
    ],
)
def clock_without_a_day(ts: TimeSpan, times: list[TimeSpan]) -> bool | None:
    """A time of day that names no day ("shortly before noon", "at about 11pm"), which the time step puts on the
    last day the text named (a reporting verb's, "said on Monday") or the report's own, does not date an event:
    the time that governs without it does (the story's day told in an earlier sentence, else the report's)."""
    if ts.timex_type != "TIME" or ts.mention is None or any(d.rule != "time.clock.time_of_day" for d in ts.provenance):
        return None
    start = ts.mention.start
    # only where a day was told before it: alone in the text, the hour falls on the report's day either way
    return True if any(t.timex_type == "DATE" and t.mention is not None and t.mention.start < start
                       for t in times) else None


@rule(
    "events.date.when_of_a_time",
    decides="event.date",
    positive=[
        Example(
            "Rockets hit a market in Taiz on Saturday, killing four people, the health office said on Sunday. It was"
            " the deadliest attack in the city since January 9, when a shell hit a bus station and killed three"
            " people.",
            {"events": 1, "event.date.start": "2026-02-14"},
            date=dt.date(2026, 2, 15),
        ),
        Example(
            "Rockets hit a market in Taiz on Saturday, killing four people, the health office said on Sunday. Tension"
            " has been high in the city since March last year, when fighters overran an army post on its edge.",
            {"events": 1, "event.date.start": "2026-02-14"},
            date=dt.date(2026, 2, 15),
        ),
        Example(  # the clause hung on the superlative, not on the time
            "Rockets hit a market in Taiz on Saturday, killing four people, the health office said on Sunday. The"
            " attack was the deadliest in the city since July 2025, when gunmen stormed a wedding in Mawiyah,"
            " killing 12 guests.",
            {"events": 1, "event.date.start": "2026-02-14"},
            date=dt.date(2026, 2, 15),
        ),
    ],
    negative=[
        Example(
            "Rockets hit a market in Taiz on Saturday, killing four people, the health office said on Sunday.",
            {"events": 1, "event.date.start": "2026-02-14"},
            date=dt.date(2026, 2, 15),
        )
    ],
)
def when_of_a_time(head: Token, times: list[TimeSpan]) -> TimeSpan | None:
    """An action in a "when" clause of a time ("since January 9, when a shell hit a bus station") happened at
    that time, not over the span "since" opens up to the report: dated so, it is the story's history when it
    lies weeks back (events.detect.long_before_the_story)."""
    verb = head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "when a shell hit a station and killed three"
    when = next((c for c in kids(verb) if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None or verb.dep_ not in ("relcl", "advcl"):
        return None
    if verb.dep_ == "relcl":
        noun = verb.head
        own = next(
            (t for t in times if t.mention is not None and t.timex_type == "DATE"
             and t.mention.start <= noun.idx < t.mention.end),
            None,
        )
        if own is not None:
            return own
    # "since March last year, when the militia overran a garrison": the parser hangs the clause on the main verb
    # or on another noun ("the deadliest since July, when ..."); the time it tells of is the one written right
    # before ", when"
    text = doc_text(verb.doc)
    return next(
        (t for t in times if t.mention is not None and t.timex_type == "DATE"
         and t.mention.end <= when.idx and text[t.mention.end: when.idx].strip() == ","),
        None,
    )


@rule(
    "events.date.object_day",
    decides="event.date",
    positive=[
        Example(
            "Nigeria's government on Thursday condemned the bombing of a market in Maiduguri on Tuesday, which"
            " killed five traders.",
            {"event.date.start": "2024-03-12"},
        )
    ],
    negative=[
        Example(
            "The governor condemned on Thursday the bombing of a market in Maiduguri, which killed five traders.",
            {"event.date.start": "2024-03-14"},
        )
    ],
)
def object_day(head: Token, times: list[TimeSpan], ts: TimeSpan | None) -> TimeSpan | None:
    """A sentence with two days, one before the verb's object and one after it ("on Thursday condemned the
    bombing of a market on Tuesday"): the later day, which the parser hung on the verb, is the object's. The
    verb has its day already; it rarely takes two."""
    if ts is None or ts.mention is None or head.dep_ not in ("dobj", "obj", "nsubjpass"):
        return None
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX") or not (ts.mention.end <= head.idx):
        return None
    after = [
        t
        for t in times
        if t.mention is not None and t.mention.start > head.idx and t.precision == "day" and _hung_on(verb, t)
    ]
    return after[0] if len(after) == 1 and ts.precision == "day" else None


def _hung_on(verb: Token, ts: TimeSpan) -> bool:
    """Whether a time expression's words hang on ``verb`` ("on Monday" as its prepositional phrase)."""
    if ts.mention is None:
        return False
    span = char_span(verb.doc, ts.mention.start, ts.mention.end)
    if span is None:
        return False
    root = span.root
    return root.head.i == verb.i or (root.head.dep_ == "prep" and root.head.head.i == verb.i)


_PHASE_VERBS: Final = load_lexicon().words("phase_verbs")


def _time_of_another_noun(head: Token, ts: TimeSpan) -> bool:
    """Whether a time inside a noun's phrase modifies another noun in it ("the rally, called ... ahead of January's
    election": the election's month, not the rally's)."""
    if ts.mention is None:
        return False
    span = char_span(head.doc, ts.mention.start, ts.mention.end)
    node = span.root if span is not None else None
    return (node is not None and node.dep_ in ("poss", "compound", "nmod") and node.head.i != head.i
            and node.head.pos_ in ("NOUN", "PROPN"))


def _phase_time(head: Token, ts: TimeSpan) -> bool:
    """Whether a time inside a noun's phrase tells when the thing it names starts or ends ("a ceasefire starting
    on Monday", "a truce that expires on Friday"), not when the action was done: the agreement was reached
    before it."""
    if ts.mention is None:
        return False
    tok = char_span(head.doc, ts.mention.start, ts.mention.end)
    node = tok.root if tok is not None else None
    steps = 0
    while node is not None and node.i != head.i and steps < 6:
        if node.dep_ in ("acl", "relcl") and lemma(node) in _PHASE_VERBS:
            return True
        node, steps = node.head, steps + 1
    return False


def _date_source(m: EventMention, ts: TimeSpan, clause: list[Token], nominal: bool) -> str:
    """``own`` (the action's noun phrase or clause), ``sentence``, ``context`` (an earlier sentence) or ``default``."""
    if ts.text is None or ts.mention is None:
        return "default"
    head = m.trigger.head
    if nominal and head.left_edge.idx <= ts.mention.start and ts.mention.end <= head.right_edge.idx + len(
        head.right_edge.text
    ):
        return "own"
    if not (m.sentence.start_char <= ts.mention.start < m.sentence.end_char):
        return "context"  # carried over from an earlier sentence: usable, but no evidence for merging
    if head.dep_ == "pobj" and head.head.head.lower_ in _TOLL_HEADS:
        return "sentence"  # "the toll from the attack rose on Tuesday": the count's day only bounds the attack
    if any(s <= ts.mention.start and ts.mention.end <= e for s, e in _merge_ranges(_ranges(clause))):
        return "own"
    if when_clause(head, ts):
        return "own"
    return "sentence"


_WHEN_MARKERS: Final = _WORDS.words("when_markers")


@rule(
    "events.date.when_clause",
    decides="event.date",
    positive=[
        Example(
            "A sniper of the militia shot dead a herder as he watered his goats near Bambari on Tuesday, residents"
            " said.",
            {"event.date.start": "2024-03-12"},
        )
    ],
    negative=[
        Example(
            "Gunmen shot dead a herder near Bambari on Tuesday after he refused to pay them, residents said.",
            {"event.date.start": "2024-03-12"},
        )
    ],
)
def when_clause(head: Token, ts: TimeSpan) -> bool | None:
    """A time in a clause that says what the victim was doing when it happened ("shot dead a woman as she fetched
    water on Sunday") dates the action itself: the two happened together."""
    if ts.mention is None:
        return None
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    for child in kids(verb):
        if child.dep_ != "advcl" or not any(k.dep_ == "mark" and k.lower_ in _WHEN_MARKERS for k in kids(child)):
            continue
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        if lo <= ts.mention.start and ts.mention.end <= hi:
            return True
    return None


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not ranges:
        return []
    return [(min(s for s, _ in ranges), max(e for _, e in ranges))]


@dataclass(frozen=True)
class Fold:
    """A mention folded into another of its sentence: the host, whether the host keeps it (for its
    claims and figures), and whether the host takes its target."""

    host: EventMention
    absorb: bool = True
    share_target: bool = False


@rule(
    "events.fold.launch_of_interception",
    decides="event.exists",
    positive=[
        Example(
            "Israel said its air defences intercepted a rocket fired from Gaza on Friday.",
            {"!event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
        Example(
            "Air defences shot down 40 of 45 drones launched at Kyiv overnight, the air force said.",
            {"event.sub_event_type": "Disrupted weapons use", "events": 1},
        ),
    ],
    negative=[
        Example(
            "Russian forces fired missiles at Odesa on Tuesday, the Ukrainian air force said.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def launch_of_interception(m: EventMention, mentions: list[EventMention]) -> Fold | None:
    """A launch described by an interception ("intercepted a rocket fired from Gaza") is part of the interception."""
    head = m.trigger.head
    if head.dep_ not in ("acl", "relcl"):
        return None
    weapon = head.head
    if weapon.dep_ == "pobj" and weapon.head.lower_ == "of":
        weapon = weapon.head.head  # "shot down 40 of 45 drones launched overnight"
    host = next(
        (o for o in mentions if o is not m and o.cls.name == "disrupted" and weapon.head.i == o.trigger.head.i),
        None,
    )
    return Fold(host, absorb=False) if host is not None else None


@rule(
    "events.fold.raid_of_arrest",
    decides="event.exists",
    positive=[
        Example(
            "Police detained 25 people during a raid on a market in Kano on Friday.",
            {"event.sub_event_type": "Arrests", "events": 1},
        )
    ],
    negative=[
        Example(
            "Nigerian soldiers arrested sixteen suspects in Kano on Monday, a resident said.",
            {"event.sub_event_type": "Arrests"},
        )
    ],
)
def raid_of_arrest(m: EventMention, mentions: list[EventMention]) -> Fold | None:
    """A raid with no side of its own that an arrest was made "during" is how the arrest was made."""
    head = m.trigger.head
    if not (head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "during" and m.actor1 is None):
        return None
    owner = next((o for o in mentions if o is not m and o.trigger.head.i == head.head.head.i), None)
    return Fold(owner) if owner is not None else None


@rule(
    "events.fold.describing_verb",
    decides="event.exists",
    positive=[
        Example(
            "Israeli air strikes targeted Hamas militants in Rafah on Tuesday, the army said.",
            {"event.sub_event_type": "Air/drone strike", "events": 1},
        ),
        Example(
            "On 4 May 2024, US forces conducted an airstrike targeting Al Shabaab fighters near Jilib.",
            {"event.sub_event_type": "Air/drone strike", "events": 1},
        ),
        Example(
            "A roadside bomb that targeted a police vehicle near Quetta on Monday wounded two officers.",
            {"event.sub_event_type": "Remote explosive/landmine/IED", "events": 1},
        ),
        Example(
            "Jets bombed a market in Saraqib on Thursday, residents said. The raid set fire to a barn.",
            {"event.sub_event_type": "Air/drone strike", "events": 1},
        ),
    ],
    negative=[
        Example(
            "Israeli aircraft bombed a house in Rafah on Tuesday, the army said.",
            {"event.sub_event_type": "Air/drone strike"},
        )
    ],
)
def describing_verb(m: EventMention, mentions: list[EventMention]) -> Fold | None:
    """A violent verb whose subject is another action ("the strikes targeted militants"), or that modifies one
    ("an airstrike targeting militants"), describes that action."""
    head = m.trigger.head
    if head.pos_ != "VERB" or m.cls.name not in ("assault", "artillery", "kill", "casualty", "riot", "looting"):
        return None  # ("the raid set fire to two sheds": the fire is the raid's, no crowd's)
    # "an airstrike targeting Al Shabaab": the participle tells what the strike did
    # (a noun the parser hung on a verb as a "compound" is its subject misread: "Thursday's raid set fire")
    subjects = (c for c in kids(head) if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "compound" and c.i < head.i))
    # ("a bombing that targeted a vehicle": a relative clause tells what the action it hangs on did)
    owner: Token | None = head.head if head.dep_ in ("acl", "relcl") else next(subjects, None)
    if owner is None:
        return None
    host = next((o for o in mentions if o is not m and o.trigger.head.i == owner.i), None)
    if host is not None and m.cls.name in ("riot", "looting") and host.family == "demo":
        return None  # "the demonstrations turned violent": the crowd's own violence, a riot of its own
    return Fold(host, share_target=True) if host is not None else None


_ATTACKS: Final = frozenset({"battle", "vac", "remote"})


@rule(
    "events.fold.target_of_attack",
    decides="event.exists",
    positive=[
        Example(
            "Dissidents ambushed a military patrol near Argelia on Sunday, killing four soldiers.",
            {"events": 1, "event.event_type": "Battles"},
        )
    ],
    negative=[
        Example(
            "Soldiers conducted a military patrol near Argelia on Sunday.",
            {"event.sub_event_type": "Change to group/activity"},
        )
    ],
)
def target_of_attack(m: EventMention, mentions: list[EventMention]) -> Fold | None:
    """A movement of forces that is the object of an attack ("ambushed a military patrol") is its
    target."""
    if m.cls.name != "activity":
        return None
    inside = {t.i for t in m.trigger.tokens}
    head = next((t for t in m.trigger.tokens if t.head.i not in inside), m.trigger.head)  # "military patrol": patrol
    target = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "on" else head.head
    if head.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return None
    host = next(
        (o for o in mentions if o is not m and o.family in _ATTACKS and o.trigger.head.i == target.i),
        None,
    )
    return Fold(host, absorb=False) if host is not None else None


_FOLDS = (launch_of_interception, raid_of_arrest, describing_verb)


def _describing_verbs(mentions: list[EventMention]) -> list[EventMention]:
    """Mentions that describe or are part of another mention of their sentence fold into it (:data:`_FOLDS`)."""
    keep: list[EventMention] = []
    for m in mentions:
        decided = first(_FOLDS, m, mentions)
        if decided is None:
            keep.append(m)
            continue
        fold = decided.value
        host = fold.host
        if fold.share_target:
            if host.actor2 is None and m.actor2 is not None:
                host.actor2 = m.actor2
            host.target_armed |= m.target_armed
            host.victims_civilian |= m.victims_civilian
        if fold.absorb:
            host.absorbed.append(m)
    return keep


@rule(
    "events.detect.arrest_as_grievance",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 3 May 2024, traders demonstrated in Kaolack against the arrest of their union leader.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(
            "On 3 May 2024, residents protested in Hargeisa, demanding the release of people arrested in last"
            " week's protest.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(
            "On 3 May 2024, residents marched to the police station in Bo after the police arrested the manager of"
            " a local bank.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, traders demonstrated in Kaolack and police arrested their union leader.",
            {"event.sub_event_type": "Protest with intervention"},
        )
    ],
)
def arrest_as_grievance(tok: Token, lex: Lexicon) -> bool | None:
    """An arrest the crowd protests ("against the arrest of their leader", "demanding the release of people
    arrested last month", "after the police arrested the manager") is the demonstration's grievance, not force used
    on it: only an arrest told as an act of the day's clause is an intervention."""
    if lemma(tok) not in lex.words("grievance_cues"):
        return None
    preps, marks = lex.words("grievance_prepositions"), _WORDS.words("cause_marks")
    purposes = lex.words("protest_purposes")
    node = tok
    for _ in range(_MAX_GRIEVANCE_CLIMB):
        if node.dep_ in ("acl", "relcl"):
            return True  # "people arrested last month": a description of whom the crowd speaks for
        if node.dep_ == "pobj" and node.head.lower_ in preps:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in kids(node)):
            return True
        if node.head.i == node.i or (node.dep_ == "conj" and node.pos_ == "VERB"):
            return None  # a verb joined to the demonstration's ("marched and police arrested ..."): the day's act
        below, node = node.dep_, node.head
        if below in ("dobj", "ccomp") and node.pos_ == "VERB" and lemma(node) in purposes:  # "denounced the arrest"
            return True
    return None


_MAX_GRIEVANCE_CLIMB: Final = 6


def _crowd_intervention(
    mentions: list[EventMention], sent: SpacySpan, lex: Lexicon, draft: Draft, index: _DocIndex
) -> bool:
    """ "Police fired tear gas to disperse the protesters": force that breaks up a demonstration."""
    demos = [m for m in mentions if m.family == "demo" and not m.crowd_violence]
    if not demos:
        return False
    found = _intervention_cue(sent, lex, index)
    if found is None:
        return False
    for m in demos:
        if m.force_on_crowd is None:
            m.force_on_crowd = "intervention"
        m.force_actor = m.force_actor or found[0]
    return True


def _intervention_cue(sent: SpacySpan, lex: Lexicon, index: _DocIndex) -> tuple[Actor | None] | None:
    """(who used it,) when the sentence tells force that breaks up a crowd ("fired tear gas to disperse them"),
    else None."""
    cues = lex.words("intervention")
    _, lems, lows = index.words(sent)
    if cues.isdisjoint(lems) and cues.isdisjoint(lows):
        return None  # most sentences: two set tests, no Token read
    for tok in sent:
        if (lemma(tok) in cues or tok.lower_ in cues) and first((arrest_as_grievance,), tok, lex) is None:
            verb = tok if tok.pos_ == "VERB" else tok.head
            while verb.pos_ != "VERB" and verb.head.i != verb.i:
                verb = verb.head
            subj = next((c for c in subtree(verb) if c.dep_ == "nsubj"), None) or next(
                (c for c in kids(verb.head) if c.dep_ == "nsubj"), None
            )
            return (index.actor_of(subj) if subj is not None else None,)
    return None


@rule(
    "events.detect.intervention_told_after",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 3 May 2024, traders demonstrated in Kindia against new market fees. Police fired tear gas to disperse"
            " them.",
            {"events": 1, "event.sub_event_type": "Protest with intervention"},
        ),
        Example(
            "On 3 May 2024, nurses staged a demonstration in Ilorin over unpaid wages. Police arrested six nurses.",
            {"events": 1, "event.sub_event_type": "Protest with intervention"},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, traders demonstrated in Kindia against new market fees. The protest ended peacefully.",
            {"events": 1, "event.sub_event_type": "Peaceful protest"},
        ),
        Example(
            "Thousands march in Serbia's Nis; police detain activists in Belgrade\n\nBELGRADE (Reuters) - Thousands"
            " of people marched peacefully through the city of Nis on Sunday to demand early elections.",
            {"lead.sub_event_type": "Peaceful protest"},
            date=dt.date(2026, 1, 26),
        ),
    ],
)
def intervention_told_after(
    sent: SpacySpan, mentions: list[EventMention], told: list[EventMention], para: int, lex: Lexicon,
    index: _DocIndex,
) -> EventMention | None:
    """Force told in the sentence after a peaceful demonstration, in its paragraph, with no demonstration of its
    own ("Residents demonstrated ... Police fired tear gas to disperse them.") broke up that demonstration: the
    demonstration told last, which the sentence's arrests are part of."""
    if not told or any(m.family == "demo" for m in mentions):
        return None
    demo = told[-1]
    if demo.event_type != "Protests" or demo.crowd_violence or demo.paragraph != para:
        return None
    if demo.standfirst:
        return None  # a headline's second half ("...; police detain activists in Belgrade") is another story
    if any(o.per_town and o.sentence.start == demo.sentence.start for o in told):
        return None  # force told after rallies in several towns broke up no one of them
    if any(m.family != "demo" and m.cls.name != "arrest" for m in mentions):
        return None  # "Gunmen later attacked the market": another event, not the crowd's dispersal
    found = _intervention_cue(sent, lex, index)
    if found is None:
        return None
    if demo.force_on_crowd is None:
        demo.force_on_crowd = "intervention"
    demo.force_actor = demo.force_actor or found[0]
    return demo


def _share_targets(mentions: list[EventMention]) -> None:
    """ "X shelled Fuaa and Kafraya and clashed with local fighters": the place's defenders are the target."""
    for m in mentions:
        if m.actor2 is not None or m.victims_civilian:
            continue
        for o in mentions:
            h, oh = m.trigger.head, o.trigger.head
            coordinated = (oh.dep_ == "conj" and oh.head.i == h.i) or (h.dep_ == "conj" and h.head.i == oh.i)
            if o is not m and coordinated and o.family == "battle":
                m.target_armed = True  # the place is defended: its fighters are the target
            if o is not m and coordinated and o.actor2 is not None and o.actor2 is not m.actor1:
                m.actor2 = o.actor2
                m.target_armed = m.target_armed or o.target_armed
                break


_ONGOING = _WORDS.words("ongoing_modifiers")
_ONSET = _WORDS.words("onset_verbs")
# Verbs that change the rate of a plural action: "intensified attacks", "stepped up raids"
_TREND_VERBS = _WORDS.words("trend_verbs")


def _ongoing(head: Token, *, headline: bool = False) -> bool:
    """A war-long trend, not one event.

    "fighting has ravaged the country since a coup in 2021", "amid ongoing exchanges of fire",
    "have been fighting since April 2023", "armed groups carry out attacks" (a present-tense habit,
    outside the headline, which uses the present for past news).
    """
    if head.pos_ in ("NOUN", "PROPN") and war_course(head):
        return True  # "as the invasion continues into its 44th day"
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    if verb.lower_ == "under" and head.dep_ == "pobj":
        # "have lived under siege since the autumn": a condition, its "since" on the clause's verb
        verb = verb.head
        if _state_for_a_while(verb):
            return True  # "a city that has been under siege for a year": a condition, not an act
    if "since" in doc_words(head.doc):  # most texts have none: no child to look at
        for tok in (head, verb):
            for c in kids(tok):
                if c.dep_ == "prep" and c.lower_ == "since":
                    return True
    if head.tag_ == "VBG" and _perfect_progressive(head):
        return True  # "the cartel, which has been fighting local gangs for control of the trade": a campaign
    if head.pos_ in ("NOUN", "PROPN"):
        if head.tag_ == "NNS" and head.dep_ in ("dobj", "obj") and lemma(verb) in _TREND_VERBS:
            return True  # "bandits have intensified attacks on communities": a trend, not one event
        if not headline and head.tag_ == "NNS" and head.dep_ in ("dobj", "obj") and verb.tag_ in ("VBP", "VBZ"):
            # "armed groups ... carry out attacks in both countries": a habit in the present tense
            return not any(c.dep_ in ("aux", "auxpass") for c in kids(verb))
        return any(lemma(c) in _ONGOING for c in kids(head) if c.dep_ == "amod")
    return False


def _state_for_a_while(verb: Token) -> bool:
    """ "has been under siege", "had lived under siege for months": a perfect or a duration ("for a year"; lexicon
    ``duration_nouns``) on the verb of an "under ..." condition."""
    auxes = {c.lower_ for c in kids(verb) if c.dep_ == "aux"}
    if auxes & {"has", "have", "had", "'s", "'ve"}:
        return True
    durations = _TRIGGER_WORDS.words("duration_nouns")
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(lemma(o) in durations for o in kids(c))
               for c in kids(verb))


def _perfect_progressive(verb: Token) -> bool:
    """ "has been fighting", "had been attacking" with no date in its clause: an activity that goes on."""
    auxes = [c.lower_ for c in kids(verb) if c.dep_ == "aux"]
    if "been" not in auxes or not {"has", "have", "had", "'s", "'ve"} & set(auxes):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _generic(m: EventMention, index: _DocIndex) -> bool:
    """A bare nominal with no side, place or determiner: a habit or a trend ("kidnapping for ransom")."""
    head = m.trigger.head
    # a headline has no full stop and tells past news in the present ("Security forces kill protesters")
    headline = m.standfirst or index.facts(m.sentence)[2]
    if _ongoing(head, headline=headline):
        return True
    if _activity(head):
        return True
    if _earlier_ones(m) or _toll_since(m) or first(_BACKGROUND_RULES, m) is not None:
        return True
    if head.pos_ not in ("NOUN", "PROPN") or m.anaphoric or m.actor1 or m.actor2 or m.location_rank == 0:
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in kids(head)):
        return False
    if head.dep_ == "conj":
        return True  # "wracked by cattle rustling and kidnapping"
    if head.dep_ in ("nsubj", "nsubjpass") and not head.tag_.endswith("S") and m.location_rank != 0:
        # "fighting has dragged on": a trend with no side and no place; "fighting broke out" started
        # once
        return lemma(head.head) not in _ONSET
    if head.dep_ == "pobj":
        prep = head.head
        return prep.head.pos_ in ("NOUN", "PROPN") or prep.lower_ == "by"  # "a lull in attacks"
    return False


_ACTIVITY_FRAMES: Final = load_lexicon().words("activity_frames")
_EARLIER_ONES: Final = load_lexicon().words("earlier_ones")
_TRIGGER_WORDS: Final = load_lexicon()


def _toll_since(m: EventMention) -> bool:
    """ "More than 100 people have been killed in clashes since early May": fighting told as the toll of a period
    up to the report (a nominal, "since" its start, no side named) is the story's background, not an event."""
    ts = m.date
    head = m.trigger.head
    if ts is None or m.date_source not in ("own", "sentence") or (head.pos_ != "NOUN" and head.tag_ != "VBG"):
        return False  # ("Fighting between the army and ... has killed": a gerund the tagger may make a verb)
    since = (ts.text or "").lower().startswith("since") or _after_since(ts, doc_text(m.sentence.doc))
    # with sides named, only a long period: "fighting between the army and the separatists has killed 6,000
    # people since 2017" is the war's toll; "fighting between rebels and the army since Monday" may be news
    return since and (ts.end - ts.start).days > (PERIOD_DAYS if m.actor1 is None else _LONG_PERIOD_DAYS)


_LONG_PERIOD_DAYS: Final = 28


def _after_since(ts: TimeSpan, text: str) -> bool:
    """ "has killed 6,000 people since 2017": the time tagger may leave "since" out of the expression."""
    if ts.mention is None:
        return False
    return text[max(0, ts.mention.start - 6) : ts.mention.start].lower().rstrip() == "since"


_MONTH_DAYS: Final = 31


@rule(
    "events.detect.period_only",
    decides="event.exists",
    positive=[
        Example(
            "Rebels attacked an army post in Rutshuru on Monday. The rebels seized the town of Kiwanja earlier this"
            " year.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
        ),
        Example(
            "Gunmen killed three farmers near Gusau on Sunday. Attacks on farmers in the state have risen this year.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
        Example(
            "Rebels shelled Kafr Nabl on Saturday. The town came under siege in 2015, when rebels ousted regime"
            " forces from most of the province.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        ),
    ],
    negative=[
        Example(
            "In March 2024, rebels seized the town of Kiwanja after clashes with the army.",
            {"event.sub_event_type": "Non-state actor overtakes territory"},
        )
    ],
)
def period_only(m: EventMention) -> bool | None:
    """An action dated only by a period longer than a month ("earlier this year", "this year", "last year"), in its
    clause or its sentence ("came under siege in 2015, when rebels ousted ..."), is the story's background or a
    trend, not an event; a month ("in March 2024") still dates one."""
    ts = m.date
    if ts is None or (ts.end - ts.start).days <= _MONTH_DAYS:
        return None
    # in the sentence, only a year written as such: "the past" ("had been taken") may still be this week's news
    return True if m.date_source == "own" or (m.date_source == "sentence" and ts.precision == "year") else None


@rule(
    "events.detect.habit_in_perfect",
    decides="event.exists",
    positive=[
        Example(
            "Militants shelled a base near Hodeidah on Monday, the coalition said. The militants have attacked"
            " shipping in the Red Sea for months.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
    negative=[
        Example(
            "Gunmen have killed 12 villagers in an attack on Gidan Kara, police said on Monday.",
            {"events": 1, "event.sub_event_type": "Attack"},
        )
    ],
)
def habit_in_perfect(m: EventMention) -> bool | None:
    """ "The group has attacked shipping", "rebels have raided villages": a present perfect whose object is bare
    (no article, number or name) and with no day of its own tells what a side does, not one event."""
    verb = m.trigger.head
    if verb.tag_ != "VBN" or m.standfirst or m.date_source in ("own", "sentence"):
        return None
    if not any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") and c.lower_ in ("have", "has", "'ve") for c in kids(verb)):
        return None
    objects = [c for c in kids(verb) if c.dep_ in ("dobj", "obj")]
    if len(objects) != 1 or objects[0].pos_ != "NOUN":
        return None
    bare = not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in kids(objects[0]))
    return True if bare else None


@rule(
    "events.detect.part_in_past_perfect",
    decides="event.exists",
    positive=[
        Example(
            "Militants detained three students in Herat on Sunday, the UN said. Their families said the students had"
            " joined small rallies against the closure of the university.",
            {"events": 1, "!event.event_type": "Protests"},
        ),
        Example(
            "Police arrested two teachers in Mandalay on Friday. Colleagues said the teachers had taken part in strikes"
            " and marches against the junta.",
            {"events": 1, "!event.event_type": "Protests"},
        ),
    ],
    negative=[
        Example(
            "Police said on Monday that hundreds of students had taken part in a protest in Herat.",
            {"event.event_type": "Protests"},
        ),
        Example(
            "Police said on Monday that students had taken part in protests in Herat.",
            {"event.event_type": "Protests"},
        ),
    ],
)
def part_in_past_perfect(m: EventMention) -> bool | None:
    """ "The women had taken part in small protests": a bare plural (no article, number or name) told in the past
    perfect and with no day in its sentence is what people did before, the background to the story's event."""
    head = m.trigger.head
    if head.tag_ != "NNS" or m.standfirst or m.date_source in ("own", "sentence") or m.actor2 is not None:
        return None
    if any(c.dep_ in ("det", "poss", "nummod", "compound") for c in kids(head)):
        return None
    verb = head
    while verb.dep_ in ("pobj", "prep", "dobj", "obj", "conj") and verb.head is not verb:
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    if verb.tag_ != "VBN":
        return None
    return True if any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(verb)) else None


def _clause_verbs(head: Token) -> list[Token]:
    """The trigger and, for a noun, the verb it hangs on: where an adverb or a frequency of the action is told."""
    return [head, head.head] if head.pos_ in ("NOUN", "PROPN") else [head]


@rule(
    "events.detect.habit_adverb",
    decides="event.exists",
    positive=[
        Example(
            "Paramilitary fighters killed 12 villagers in Wad Ashar on Wednesday, activists said. The paramilitary"
            " has repeatedly laid siege to the town of Kadugli, residents said.",
            {"events": 1, "event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Gunmen repeatedly stabbed a trader in the market of Kano on Sunday, police said.",
            {"events": 1, "event.sub_event_type": "Attack"},
        )
    ],
)
def habit_adverb(m: EventMention) -> bool | None:
    """ "Has repeatedly laid siege to the town", "routinely shell villages": an action told with an adverb of habit
    (lexicon ``repetition_adverbs``, ``habit_adverbs``) and no day of its own is what a side does, not one event."""
    if m.standfirst or m.date_source == "own":
        return None
    verbs = _clause_verbs(m.trigger.head)
    habit = _TRIGGER_WORDS.words("repetition_adverbs") | _TRIGGER_WORDS.words("habit_adverbs")
    return True if any(c.dep_ == "advmod" and c.lower_ in habit for v in verbs for c in kids(v)) else None


@rule(
    "events.detect.frequency",
    decides="event.exists",
    positive=[
        Example(
            "Unexploded ordnance kills or maims a child almost every day in Afghanistan, the UN said on Wednesday.",
            {"events": 0},
        ),
        Example("Militants shell the town of Kafr Nabl every night, a resident said on Monday.", {"events": 0}),
    ],
    negative=[
        Example(
            "Militants shelled the town of Kafr Nabl on Sunday night, a resident said on Monday.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def frequency(m: EventMention) -> bool | None:
    """An action told with a frequency ("almost every day", "each week", "nightly"; lexicon ``frequency_units``,
    ``frequency_adverbs``) is a habit or a trend, not one event (TimeML: a SET, not a DATE)."""
    units, adverbs = _TRIGGER_WORDS.words("frequency_units"), _TRIGGER_WORDS.words("frequency_adverbs")
    words = doc_words(m.trigger.head.doc)
    if units.isdisjoint(words) and adverbs.isdisjoint(words):
        return None  # no frequency word in the document: no child to read
    verbs = _clause_verbs(m.trigger.head)
    verbs += [c for v in verbs for c in kids(v) if c.dep_ == "conj"]  # "kills or maims a child every day"
    for v in verbs:
        for c in kids(v):
            if c.dep_ == "advmod" and c.lower_ in adverbs:
                return True
            if c.dep_ == "npadvmod" and c.lower_ in units and any(d.lower_ in ("every", "each") for d in kids(c)):
                return True
    return None


@rule(
    "events.detect.told_as_a_reference",
    decides="event.exists",
    positive=[
        Example(
            "Israeli drone strike kills one in south Lebanon despite ceasefire\n\nAn Israeli drone strike on a car in"
            " the town of Bint Jbeil killed one person on Sunday, the health ministry said.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        ),
        Example(
            "Kenyan police tear-gas protesters in Nairobi on anniversary of parliament storming\n\nKenyan police fired"
            " tear gas to disperse hundreds of protesters in central Nairobi on Thursday.",
            {"events": 1, "event.sub_event_type": "Protest with intervention"},
        ),
        Example(
            "Mediators were pressing both sides to return to talks on a ceasefire in Kidal, diplomats said on Sunday.",
            {"events": 0},
        ),
        Example(
            "The army accused the rebels of violating the truce in Kidal on Sunday.",
            {"!event.sub_event_type": "Agreement"},
        ),
    ],
    negative=[
        Example(
            "The army and the rebels agreed to a ceasefire in Kidal on Sunday, the mediators said.",
            {"event.sub_event_type": "Agreement"},
        ),
        Example(
            "The army and the rebels signed a truce in Kidal on Sunday, the mediators said.",
            {"event.sub_event_type": "Agreement"},
        ),
    ],
)
def told_as_a_reference(m: EventMention) -> bool | None:
    """A deal named as the state things are in ("despite the ceasefire", "under the truce", "violating the
    ceasefire") or as one pursued ("talks on a ceasefire", "negotiate a truce"), or an event named by its anniversary
    ("marking the anniversary of the storming of parliament"), is a reference, not an event."""
    head = m.trigger.head
    if m.cls.name == "agreement" and head.dep_ == "dobj" and lemma(head.head) in _TRIGGER_WORDS.words(
            "deal_object_verbs"):
        return True
    if head.dep_ not in ("pobj", "pcomp"):  # ("anniversary of parliament storming": a gerund the parser hangs as pcomp)
        return None
    prep = head.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _TRIGGER_WORDS.words("remembrance_nouns"):
        return True
    if m.cls.name != "agreement":
        return None
    pursued = prep.lower_ in ("on", "for", "about", "toward", "towards") and lemma(prep.head) in _TRIGGER_WORDS.words(
        "deal_pursuit_nouns")
    return True if pursued or prep.lower_ in _TRIGGER_WORDS.words("deal_in_force") else None


@rule(
    "events.detect.conduct_alleged",
    decides="event.exists",
    positive=[
        Example(
            "Drones struck a market in Kabkabiya on Monday, killing nine people, the local authority said. The RSF has"
            " accused the army of killing civilians in air strikes across Darfur.",
            {"events": 1, "event.location.name": "Kabkabiyah"},
        ),
    ],
    negative=[
        Example(
            "The RSF accused the army of killing nine civilians in an air strike on a market in Kabkabiya on Monday.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        ),
    ],
)
def conduct_alleged(m: EventMention) -> bool | None:
    """Acts a side is accused of as a kind, in a bare plural with no day of their own ("accused the army of
    killing civilians in air strikes", "blamed the rebels for attacks on aid convoys"), are a pattern alleged,
    not one event: the accusation's verb lies a few heads above (lexicon ``accusation_verbs``)."""
    head = m.trigger.head
    if head.tag_ != "NNS" or m.date_source == "own" or any(
            c.dep_ in ("det", "poss", "nummod") for c in kids(head)):
        return None
    tok = head
    for _ in range(5):  # bounded: a malformed parse cannot make it loop
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if lemma(tok) in _TRIGGER_WORDS.words("accusation_verbs"):
            return True
    return None


@rule(
    "events.detect.gathered_for_something_else",
    decides="event.exists",
    positive=[
        Example(
            "Witnesses said the crowd had gathered before dawn on the coastal road in Gaza City hoping to collect"
            " food parcels.",
            {"events": 0},
        ),
        Example("Hundreds of people gathered outside a bakery in Khartoum on Monday to buy bread.", {"events": 0}),
    ],
    negative=[
        Example(
            "Hundreds of traders gathered in front of the governor's office in Kano on Monday to demand compensation.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(
            "Hundreds of residents gathered outside the police station in Kano on Friday hoping to receive news of the"
            " detained youths and demanding their release.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
    ],
)
def gathered_for_something_else(m: EventMention) -> bool | None:
    """People who gathered to do something other than demonstrate ("hoping to collect food parcels", "to buy
    bread"; lexicon ``gathering_purposes``) are no protest: the purpose is an infinitive in the gathering's clause."""
    g = m.trigger.head
    if m.family != "demo" or lemma(g) not in _TRIGGER_WORDS.words("struck_gatherings"):
        return None
    purposes, voiced = _TRIGGER_WORDS.words("gathering_purposes"), _TRIGGER_WORDS.words("gathering_voiced")
    after = [t for t in g.subtree if t.i > g.i]
    if any(lemma(t) in voiced for t in after):
        return None
    return True if any(lemma(t) in purposes and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t))
                       for t in after) else None


@rule(
    "events.detect.crime_named_by_a_charge",
    decides="event.exists",
    positive=[
        Example("The former commander, who denies the charges, is on trial in Juba on treason and murder charges.",
                {"events": 0}),
        Example("Two police officers went on trial in Kano on Monday on kidnapping and murder charges.",
                {"events": 0}),
    ],
    negative=[
        Example("Gunmen murdered two police officers in Kano on Monday, a spokesman said.", {"events": 1}),
    ],
)
def crime_named_by_a_charge(m: EventMention) -> bool | None:
    """A crime named as the kind of a charge, a trial or a case ("murder charges", "the murder trial", "treason and
    murder charges") tells of a legal proceeding, not that the crime happened then."""
    tok = m.trigger.head
    if tok.dep_ == "conj":  # "treason and murder charges": the second crime hangs on the first
        tok = tok.head
    word = tok.head if tok.dep_ in ("compound", "amod", "nmod") else None
    return True if word is not None and lemma(word) in _TRIGGER_WORDS.words("legal_nouns") else None


@rule(
    "events.detect.series_of_them",
    decides="event.exists",
    positive=[
        Example(
            "Students march in Belgrade\n\nBELGRADE (Reuters) - Thousands of students marched through central"
            " Belgrade on Saturday to demand early elections, police said.\n\nThe roof collapse in Novi Sad set"
            " off the largest wave of protests in Serbia in decades.",
            {"events": 1, "event.location.name": "Belgrade"},
            date=dt.date(2026, 1, 26),
        ),
    ],
    negative=[
        Example(
            "Militants carried out a series of attacks on army posts near Diffa on Monday, the army said.",
            {"events": 1, "event.event_type": "Battles"},
        )
    ],
)
def series_of_them(m: EventMention) -> bool | None:
    """Actions counted by a run of them ("the largest wave of protests in decades", "a string of arrests of
    critics") with no day of their own are a trend, not one event; a dated series ("a series of attacks on
    Monday") is the day's event."""
    head = m.trigger.head
    if head.tag_ != "NNS" or head.dep_ != "pobj" or m.date_source in ("own", "sentence"):
        return None
    prep = head.head
    return True if prep.lower_ == "of" and lemma(prep.head) in _TRIGGER_WORDS.words("series_nouns") else None


@rule(
    "events.detect.counted_by_a_report",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed four farmers near Bamenda on Sunday, police said. A rights group said it had documented"
            " 150 killings of civilians and 60 kidnappings for ransom in the region.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2026, 3, 11),
        ),
    ],
    negative=[
        Example(
            "Gunmen killed four farmers near Bamenda on Sunday, police said. Police recorded two more kidnappings"
            " in the town on Monday.",
            {"events": 2},
            date=dt.date(2026, 3, 11),
        ),
    ],
)
def counted_by_a_report(m: EventMention) -> bool | None:
    """Actions a report counts ("documented 97 kidnappings", "recorded 163 killings"; lexicon ``tally_verbs``),
    numbered and with no day of their own, are its tally, not one event."""
    head = m.trigger.head
    if head.tag_ != "NNS" or m.date_source == "own" or not any(c.dep_ == "nummod" for c in kids(head)):
        return None
    verb = head.head
    while head.dep_ == "conj" and verb.pos_ != "VERB":
        head, verb = verb, verb.head  # "documented 163 killings ... and 97 kidnappings"
    if head.dep_ not in ("dobj", "conj"):
        return None
    return True if lemma(verb) in _TRIGGER_WORDS.words("tally_verbs") else None


@rule(
    "events.detect.months_counted",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed four farmers near Bamenda on Sunday, police said. Fighting between the army and"
            " separatists killed at least 300 people in the 12 months to the end of February, a rights group said.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2026, 3, 11),
        ),
    ],
    negative=[
        Example(
            "Gunmen killed four farmers near Bamenda on Sunday, the first attack on the town in six months, police"
            " said.",
            {"events": 1, "event.sub_event_type": "Attack"},
            date=dt.date(2026, 3, 11),
        ),
    ],
)
def months_counted(m: EventMention) -> bool | None:
    """An action told "in the 12 months to the end of September", "over the past two years" (a preposition of
    time before a count of months or years, lexicon ``period_units``) is a tally of the period, unless its clause
    gives it a day of its own; "the first attack in six months" is no such phrase (the count follows a noun)."""
    ts = m.date
    if m.date_source == "own" and ts is not None and ts.precision == "day":
        return None
    units = _TRIGGER_WORDS.words("period_units")
    head = m.trigger.head
    if units.isdisjoint(doc_words(head.doc)):
        return None  # no month or year counted in the document
    for tok in sentence_at(head.doc, head.i):  # head.sent walks the Doc on every call
        if lemma(tok) not in units or tok.dep_ != "pobj" or tok.head.lower_ not in _PERIOD_PREPOSITIONS:
            continue
        if tok.head.head.pos_ == "NOUN":
            continue  # "the first attack in six months": how long since, said of the event
        if any(c.dep_ == "nummod" or c.lower_ in ("past", "last", "previous") for c in kids(tok)):
            return True
    return None


_PERIOD_PREPOSITIONS: Final = frozenset({"in", "over", "during"})


@rule(
    "events.detect.participle_describes",
    decides="event.exists",
    positive=[
        Example(
            "Drones dropped explosives on houses in Aguililla on Wednesday, wounding two people. Residents blamed"
            " one of the cartels fighting over the valleys.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        ),
        Example(
            "On 3 March 2024, several thousand farmers, mobilised by the national farmers' union, marched in"
            " Nairobi against a new seed law.",
            {"events": 1, "event.sub_event_type": "Peaceful protest"},
        ),
    ],
    negative=[
        Example(
            "Two cartels fought over the valleys near Aguililla on Wednesday, killing four gunmen.",
            {"events": 1, "event.sub_event_type": "Armed clash"},
        ),
        Example(  # the fighters so described do nothing the lexicon names: the move is the event
            "On 3 March 2024, 500 Al Shabaab fighters, comprising new recruits and units redeployed from Lower Juba,"
            " reached the town of Jilib.",
            {"events": 1, "event.sub_event_type": "Change to group/activity"},
        ),
    ],
)
def participle_describes(m: EventMention) -> bool | None:
    """A participle of fighting or of a move of forces that describes a noun ("the cartels fighting over the
    valleys", "farmers, mobilised by the union, marched") says who they are or how they came: no event of its
    own. (Participles of a demonstration, "farmers blocking the road demanded ...", stay: they tell the protest.)"""
    head = m.trigger.head
    if head.dep_ != "acl" or head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if m.cls.name == "clash" and head.tag_ == "VBG":
        return True
    if m.cls.name != "activity" or head.tag_ != "VBN":
        return None
    # the crowd or the force so described does something the report tells ("farmers, mobilised by the union,
    # marched"); "2,000 fighters, with contingents redeployed from the south, reached the town" is the move itself
    noun = head.head
    if noun.dep_ != "nsubj":
        return None
    cls = _TRIGGER_WORDS.verb_class(lemma(noun.head))
    return True if cls is not None and cls.name != "activity" else None


@rule(
    "events.detect.people_of_a_told_act",
    decides="event.exists",
    positive=[
        Example(
            "Police detained 40 protesters in Tbilisi on Saturday night. The EU urged the government to release those"
            " detained for exercising their right to assembly.",
            {"events": 1},
        ),
        Example(
            "Militants abducted five traders near Djibo on Sunday. Those abducted were released on Tuesday.",
            {"events": 1, "event.sub_event_type": "Abduction/forced disappearance"},
        ),
    ],
    negative=[
        Example(
            "Police detained 40 people in Tbilisi on Saturday night. The EU urged the government to release them.",
            {"events": 1, "event.sub_event_type": "Arrests"},
        ),
    ],
)
def people_of_a_told_act(m: EventMention) -> bool | None:
    """ "Those detained", "anyone arrested": a participle naming people by what was done to them refers to the
    act the report tells, it is no act of its own (lexicon ``reference_pronouns``)."""
    head = m.trigger.head
    if head.dep_ != "acl" or head.tag_ != "VBN":
        return None
    return True if head.head.lower_ in _TRIGGER_WORDS.words("reference_pronouns") else None


@rule(
    "events.detect.goes_on_in_perfect",
    decides="event.exists",
    positive=[
        Example(
            "Rebels attacked the village of Kalunguta on Sunday, killing 12 civilians. The rebels' advance has"
            " continued despite a peace agreement signed in Doha in June.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "The rebels' advance on Kalunguta continued on Sunday, with fighters capturing two villages.",
            {"event.event_type": "Battles"},
        ),
    ],
)
def goes_on_in_perfect(m: EventMention) -> bool | None:
    """An action named as going on in the perfect, with no day ("its advance has continued", "the offensive
    has persisted"; lexicon ``continuation_verbs``), is a campaign the report sums up, not one event."""
    head = m.trigger.head
    if head.pos_ != "NOUN" or head.dep_ != "nsubj" or m.date_source == "own":
        return None
    verb = head.head
    if lemma(verb) not in _TRIGGER_WORDS.words("continuation_verbs"):
        return None
    return True if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in kids(verb)) else None


@rule(
    "events.detect.kind_as_a_trend",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen abducted 20 bus passengers near Fiche on Saturday, officials said. Abductions for ransom have"
            " become frequent on roads north of the capital.",
            {"events": 1, "event.sub_event_type": "Abduction/forced disappearance"},
        ),
        Example(
            "Gunmen shot dead five people in a bar in Chilpancingo on Tuesday, prosecutors said. The rivalry of two"
            " gangs has brought kidnappings and extortion to the city.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "Gunmen abducted 20 bus passengers near Fiche on Saturday, officials said.",
            {"events": 1, "event.sub_event_type": "Abduction/forced disappearance"},
        ),
    ],
)
def kind_as_a_trend(m: EventMention) -> bool | None:
    """A bare plural with no day of its own told as a trend, the subject of "have become frequent", "have risen"
    or the object of "has brought", "has fuelled" (lexicon ``trend_predicates``, ``trend_adjectives``,
    ``trend_causes``), is a kind of act the report sums up, not one event."""
    head = m.trigger.head
    if head.tag_ != "NNS" or m.date_source == "own" or any(c.dep_ in ("det", "poss", "nummod") for c in kids(head)):
        return None
    noun = head.head if head.dep_ == "conj" and head.head.tag_ == "NNS" else head
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and lemma(verb) in _TRIGGER_WORDS.words("trend_predicates"):
        adjectives = _TRIGGER_WORDS.words("trend_adjectives")
        told = lemma(verb) != "become" and lemma(verb) != "remain"
        return True if told or any(c.dep_ == "acomp" and c.lower_ in adjectives for c in kids(verb)) else None
    if noun.dep_ in ("dobj", "obj") and lemma(verb) in _TRIGGER_WORDS.words("trend_causes"):
        return True if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in kids(verb)) else None
    return None


@rule(
    "events.detect.since_reference",
    decides="event.exists",
    positive=[
        Example(
            "No shooting has been reported on the border since the two leaders signed a peace agreement in"
            " Washington in August 2025, officials said on Monday.",
            {"events": 0},
            date=dt.date(2026, 9, 21),
        ),
    ],
    negative=[
        Example(
            "Calm has returned to Tajoura since the two militias signed a ceasefire on Sunday, residents said on"
            " Monday.",
            {"event.sub_event_type": "Agreement"},
            date=dt.date(2026, 9, 21),
        ),
    ],
)
def since_reference(m: EventMention) -> bool | None:
    """An act in a "since" clause ("no shooting has been reported since the leaders signed a peace agreement in
    August 2025") is the point a state of things is counted from: news only when it lies within the weeks of
    the story, else the report's history."""
    ts = m.date
    if ts is None or ts.text is None or (ts.anchor - ts.end).days <= _SINCE_REFERENCE_DAYS:
        return None
    for verb in _clause_verbs(m.trigger.head):
        if lemma(verb) in _TRIGGER_WORDS.words("since_starts"):
            return None  # "since their offensive began in April": a campaign still going on, counted from its start
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in kids(verb)):
            return True
    return None


_SINCE_REFERENCE_DAYS: Final = 28


@rule(
    "events.detect.since_the_act",
    decides="event.exists",
    positive=[
        Example(
            "A military jet bombed a monastery in Tabayin on Monday, killing seven people, a resistance group said."
            " A rights group says more than 3,000 civilians have been killed by security forces since the takeover.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
            date=dt.date(2023, 5, 9),
        ),
    ],
    negative=[
        Example(
            "Rebels took over the town of Kalehe on Monday. Since the takeover on Monday, hundreds of families have"
            " fled the area, aid workers said.",
            {"events": 1},
            date=dt.date(2025, 5, 9),
        ),
    ],
)
def since_the_act(m: EventMention) -> bool | None:
    """An act named as what "since" counts from ("killed ... since the takeover", "since the coup") is the start of
    a period the report sums up, not news, unless a day of its own in the weeks of the story says it is."""
    head = m.trigger.head
    if head.dep_ != "pobj" or head.head.lower_ != "since" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    ts = m.date
    if m.date_source == "own" and ts is not None and (ts.anchor - ts.end).days <= _SINCE_REFERENCE_DAYS:
        return None
    return True


@rule(
    "events.detect.record_since_when",
    decides="event.exists",
    positive=[
        Example(
            "Rockets hit a market in Taiz on Saturday, killing four people, the health office said on Sunday. The"
            " attack was the deadliest on the city since May 16, when a shell hit a bus station and killed three"
            " people.",
            {"events": 1, "event.date.start": "2025-06-07", "event.fatalities.value": 4},
            date=dt.date(2025, 6, 8),
        ),
    ],
    negative=[
        Example(
            "Rockets hit a market in Taiz on Saturday, killing four people, the health office said on Sunday. On"
            " May 16, a shell hit a bus station in the city and killed three people, residents said.",
            {"events": 2},
            date=dt.date(2025, 6, 8),
        ),
    ],
)
def record_since_when(m: EventMention) -> bool | None:
    """An act in the "when" clause of the time a record is counted from ("the deadliest since May 16, when a shell
    hit a bus station") is the yardstick the story is measured by, told to compare: the report's history however
    near its day (events.date.when_of_a_time dates it)."""
    ts = m.date
    if m.date_source != "own" or ts is None or ts.mention is None:
        return None
    verb = m.trigger.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "when a shell hit a station and killed three"
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in kids(verb)):
        return None
    before = doc_text(verb.doc)[max(0, ts.mention.start - 12): ts.mention.start].lower().split()
    return True if before and before[-1] == "since" else None


_RECALLING_VERBS: Final = _WORDS.words("modality_reporting")


@rule(
    "events.detect.said_at_the_time",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed six traders near Gusau on Tuesday, police said. A drone strike on a market in Tsafe on"
            " June 2 killed four people, local officials said at the time.",
            {"events": 1, "event.sub_event_type": "Attack", "event.fatalities.value": 6},
            date=dt.date(2025, 6, 12),
        ),
    ],
    negative=[
        Example(
            "Gunmen killed six traders near Gusau on Tuesday, police said. A drone strike on a market in Tsafe on"
            " June 2 killed four people, local officials said.",
            {"events": 2},
            date=dt.date(2025, 6, 12),
        ),
        Example(
            "Gunmen killed six traders near Gusau on Tuesday, police said at the time of the attack.",
            {"events": 1},
            date=dt.date(2025, 6, 12),
        ),
    ],
)
def said_at_the_time(m: EventMention) -> bool | None:
    """A sentence whose source "said at the time" quotes what was said when an earlier act was news: the report
    recalls it, as its history (the "time" is bare: "at the time of the attack" dates the story's own act)."""
    for tok in m.sentence:
        if tok.lower_ != "time" or tok.dep_ != "pobj" or tok.head.lower_ != "at":
            continue
        if [c.lower_ for c in kids(tok)] == ["the"] and lemma(tok.head.head) in _RECALLING_VERBS:
            return True
    return None


_TRIAL_WORDS: Final = _TRIGGER_WORDS.words("trial_words")


@rule(
    "events.detect.act_on_trial",
    decides="event.exists",
    positive=[
        Example(
            "A court in Lagos on Tuesday found a soldier guilty of murder over the shooting of a student during"
            " protests against fuel prices in Abuja in October 2023.",
            {"events": 0},
            date=dt.date(2025, 6, 10),
        ),
        Example(
            "Gunmen killed six traders near Gusau on Tuesday, police said. In a separate case, a judge in Kano on"
            " Monday sentenced a bandit leader to 30 years in prison for a 2021 bomb attack on a market in Kaduna"
            " that killed five traders.",
            {"events": 1, "event.fatalities.value": 6},
            date=dt.date(2025, 6, 12),
        ),
        Example(
            "A court in Lagos on Tuesday jailed a police officer for life. The judge said the evidence showed the"
            " officer had fired at the student as he ran away.",
            {"events": 0},
            date=dt.date(2025, 6, 10),
        ),
    ],
    negative=[
        Example(
            "Witnesses said the video showed soldiers had fired at the crowd in Kano on Monday, killing two men.",
            {"events": 1},
            date=dt.date(2025, 6, 10),
        ),
        Example(
            "Police in Kano arrested two men on Monday over the bombing of a market in Kaduna on Sunday that killed"
            " five traders.",
            {"events": 2},
            date=dt.date(2025, 6, 10),
        ),
    ],
)
def act_on_trial(m: EventMention) -> bool | None:
    """An act named as the ground of a legal proceeding ("sentenced ... for a 2021 bomb attack", "guilty of murder
    over the shooting of a student during protests"; lexicon ``trial_words``) is what a court judges, told
    through the noun phrases and prepositions that lead up to the verdict: the proceeding is the news."""
    tok = m.trigger.head
    if _shown_in_court(tok):
        return True
    for _ in range(12):  # a noun phrase's chain of prepositions is short; bounded all the same
        head = tok.head
        if head.i == tok.i:
            return None
        if lemma(head) in _TRIAL_WORDS:
            return True
        noun_chain = tok.dep_ in ("pobj", "prep", "compound", "nmod", "dobj", "conj", "appos") or (
            tok.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"))
        if not noun_chain or head.pos_ not in ("NOUN", "PROPN", "ADP", "ADJ", "VERB"):
            return None
        if head.pos_ in ("VERB", "ADJ"):
            return None  # the chain reached a verb or an adjective that is no proceeding
        tok = head
    return None


_PROVING_VERBS: Final = frozenset({"show", "prove", "establish", "demonstrate"})


def _shown_in_court(tok: Token) -> bool:
    """ "The evidence showed the officer had fired at the man": the act is the content of what the evidence of a
    trial showed (lexicon ``trial_evidence``)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    while verb is not None and verb.dep_ == "ccomp" and verb.head.i != verb.i:
        head = verb.head
        if lemma(head) in _PROVING_VERBS:
            subjects = [c for c in kids(head) if c.dep_ in ("nsubj", "nsubjpass")]
            return any(lemma(c) in _TRIGGER_WORDS.words("trial_evidence") for c in subjects)
        verb = head
    return False


@rule(
    "events.detect.perfect_over_a_span",
    decides="event.exists",
    positive=[
        Example(
            "A suicide bomber killed four worshippers at a mosque in Herat on Friday, police said. The group has"
            " attacked mosques across the country since the Taliban returned to power in August 2021, and the"
            " authorities say they have killed or captured most of its leaders.",
            {"events": 1, "event.sub_event_type": "Suicide bomb"},
            date=dt.date(2025, 11, 9),
        ),
    ],
    negative=[
        Example(
            "Soldiers have killed six militants in an ambush near Herat, the army said on Sunday.",
            {"events": 1, "event.fatalities.value": 6},
            date=dt.date(2025, 11, 9),
        ),
    ],
)
def perfect_over_a_span(m: EventMention) -> bool | None:
    """An act in the present perfect dated only by a span of months or years up to the report ("since the Taliban
    returned to power in August 2021, ... they have killed or captured most of its leaders") sums up a campaign,
    not one event."""
    head, ts = m.trigger.head, m.date
    if ts is None or m.date_source == "own" or (ts.end - ts.start).days <= _SINCE_REFERENCE_DAYS:
        return None
    verb = head.head if head.dep_ == "conj" and head.head.pos_ == "VERB" else head
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in kids(verb)):
        return None
    return True


# acts the report recalls or a court judges: no event, and their deaths no toll of the action told before them
_RECALLED_RULES: Final = (record_since_when, said_at_the_time, act_on_trial)


@rule(
    "events.detect.move_as_a_purpose",
    decides="event.exists",
    positive=[
        Example(
            "Insurgents entered the town of Mucojo on Saturday, days after government troops withdrew. The soldiers"
            " had been pulled back to reinforce positions further south, a security source said.",
            {"!event.sub_event_type": "Change to group/activity"},
        ),
    ],
    negative=[
        Example(
            "The army deployed 500 soldiers to Mucojo on Saturday, a security source said.",
            {"event.sub_event_type": "Change to group/activity"},
        ),
    ],
)
def move_as_a_purpose(m: EventMention) -> bool | None:
    """A move told as an infinitive of purpose ("pulled back to reinforce positions", "sent to secure the road")
    is what another act was for, not a move that happened."""
    head = m.trigger.head
    if m.cls.name not in _MOVES or head.tag_ != "VB" or head.dep_ not in ("advcl", "xcomp"):
        return None
    return True if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(head)) else None


_BACKGROUND_RULES: Final = (
    period_only, habit_in_perfect, part_in_past_perfect, habit_adverb, frequency, told_as_a_reference,
    series_of_them, counted_by_a_report, months_counted, participle_describes, people_of_a_told_act,
    goes_on_in_perfect, crime_named_by_a_charge, gathered_for_something_else, conduct_alleged, kind_as_a_trend,
    since_reference, since_the_act, move_as_a_purpose, perfect_over_a_span, *_RECALLED_RULES,
)


def _earlier_ones(m: EventMention) -> bool:
    """ "Previous truces have been violated", "frequent attacks": earlier ones of a kind, told together with no
    day of their own and no number, are the story's background, not one event."""
    head = m.trigger.head
    if head.tag_ != "NNS" or m.date_source == "own":
        return False
    kids_ = kids(head)
    if any(c.dep_ in ("det", "poss", "nummod") for c in kids_):
        return False
    return any(c.dep_ == "amod" and c.lower_ in _EARLIER_ONES for c in kids_)


def _activity(head: Token) -> bool:
    """ "Bandits have plagued the region, engaging in looting and kidnapping": a bare noun (or its conjunct)
    after "engaging in" or "involved in" names what a side does, not an act it did."""
    # (a conjunct "-ing" word may be tagged a verb: "looting and kidnapping")
    # an object makes the "-ing" word an act ("engaged in looting shops in the market")
    if head.tag_ not in ("NN", "NNS", "VBG") or any(c.dep_ in ("det", "poss", "nummod", "dobj") for c in kids(head)):
        return False
    noun = head.head if head.dep_ == "conj" else head
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return False
    return lemma(noun.head.head) in _ACTIVITY_FRAMES


@rule(
    "events.fold.killing_during_an_operation",
    decides="event.mentions",
    positive=[
        Example(
            "Police officers shot and killed a suspected drug dealer during an anti-drug operation in Tondo on Monday.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "Five civilians were killed during a military operation near Bama on Monday, residents said.",
            {"events": 1, "event.fatalities.value": 5},
        ),
    ],
)
def killing_during_an_operation(m: EventMention, mentions: list[EventMention]) -> EventMention | None:
    """A killing told with its doers "during" a security operation ("police shot dead a suspect during an
    anti-drug operation"; lexicon ``frame_operations``) is the act; the operation, when it was done, folds into it
    (the killing's victims, not the operation's word, type the event). A killing with no doer ("five civilians
    were killed during an operation") stays the operation's toll."""
    head = m.trigger.head
    verb = head.head if head.dep_ == "conj" and head.head.pos_ == "VERB" else head  # "shot and killed"
    if not any(c.dep_ == "nsubj" for c in kids(verb)):
        return None
    frames = _TRIGGER_WORDS.words("frame_operations")
    for o in mentions:
        oh = o.trigger.head
        if o is m or o.cls.name != "assault" or lemma(oh) not in frames or oh.dep_ != "pobj":
            continue
        if oh.head.lower_ == "during" and oh.head.head.i in (head.i, verb.i):
            return o
    return None


def _fold_frame(m: EventMention, op: EventMention) -> EventMention:
    """Fold the operation a killing was done during into the killing, which takes its day and its doer when it
    tells none ("during an operation on Monday")."""
    if (m.date is None or m.date.text is None) and op.date is not None and op.date.text is not None:
        m.date, m.date_source = op.date, op.date_source
    m.actor1 = m.actor1 or op.actor1
    m.absorbed.append(op)
    return op


def _absorb_effects(mentions: list[EventMention]) -> list[EventMention]:
    """Fold "were killed in air strikes" into the strike: victims become its actor2."""
    keep: list[EventMention] = []
    moves: list[EventMention] = []
    for m in mentions:
        if m.cls.name not in _EFFECTS:
            keep.append(m)
            continue
        frame = first((killing_during_an_operation,), m, mentions)
        if frame is not None:
            moves.append(_fold_frame(m, frame.value))  # (dropped like a coming before the attack)
            keep.append(m)
            continue
        host = _host_of(m, mentions)
        if host is None or host.cls.name in _UNDER_VIOLENCE:
            keep.append(m)  # "arrested and killed": the killing is the event (events.fold.violence_over_strategic)
            continue
        if host.cls.name in _MOVES:
            # "the attackers arrived in the village and opened fire": the coming is part of the attack
            m.absorbed.append(host)
            moves.append(host)
            keep.append(m)
            continue
        if host.family == "demo":
            if not _into_demonstration(m, host):
                keep.append(m)  # "protested after gunmen killed a rider": the killing is why they marched
            continue
        if host.actor1 is None and m.actor1 is not None and m.actor1 is not host.actor2:
            host.actor1 = m.actor1
        if host.actor2 is None and m.actor2 is not None and m.actor2 is not host.actor1:
            host.actor2 = m.actor2
        host.victims_civilian = host.victims_civilian or m.victims_civilian
        host.target_armed = host.target_armed or (m.target_armed and not m.victims_civilian)
        host.absorbed.append(m)
    return [k for k in keep if k not in moves] if moves else keep


def _into_demonstration(m: EventMention, host: EventMention) -> bool:
    """Fold a death or injury into the demonstration of its sentence (False: it stays an event of its own)."""
    if _cause_of(m.trigger.head, host.trigger.head) or first((death_as_grievance,), m.trigger.head, host.trigger.head):
        return False
    if _by_the_crowd(m, host):
        host.crowd_violence = True  # "the demonstrators burned the house of a deputy": the crowd's violence
    else:
        # "security forces shot dead five protesters": lethal force on the crowd, not a new event
        if m.cls.name == "kill" or (m.cls.name == "casualty" and lemma(m.trigger.head) == "die"):
            host.force_on_crowd = "lethal"
        host.force_actor = host.force_actor or m.actor1
    host.absorbed.append(m)
    return True


_VIOLENT_FAMILIES = frozenset({"battle", "remote", "vac"})


def _circumstantial_moves(mentions: list[EventMention]) -> list[EventMention]:
    """ "Soldiers patrolling near Mopti were killed by an IED": a patrol or deployment told by a participle,
    in a sentence whose action is violence, is where the violence found its victims, not a second event."""
    violent = [m for m in mentions if FAMILY.get(m.cls.name) in _VIOLENT_FAMILIES]
    if not violent:
        return mentions
    keep: list[EventMention] = []
    for m in mentions:
        head = m.trigger.head
        participle = head.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in kids(head))
        if m.cls.name in _MOVES and participle:
            violent[0].absorbed.append(m)
            continue
        host = next((v for v in violent if first((coming_before_the_attack,), m, v) is not None), None)
        if host is not None:
            host.absorbed.append(m)
            continue
        keep.append(m)
    return keep


@rule(
    "events.fold.coming_before_the_attack",
    decides="event.mentions",
    positive=[
        Example(
            "Gunmen arrived on motorbikes in Banibangou on Friday, rounded up men near a well and opened fire,"
            " killing 12, an official said.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
    ],
    negative=[
        Example(
            "Troops arrived in Banibangou on Friday. Gunmen opened fire on a market in Tillia on Saturday, killing 12.",
            {"events": 2},
        ),
    ],
)
def coming_before_the_attack(move: EventMention, attack: EventMention) -> bool | None:
    """A coming or move told in one breath with the violence its doers then did ("arrived ..., rounded up men and
    opened fire": the verbs are conjuncts of one subject) is how the attack began, not a deployment."""
    if move.cls.name not in _MOVES:
        return None
    b = attack.trigger.head
    return True if any(c.i == b.i for c in conjuncts(move.trigger.head)) else None


@rule(
    "events.fold.fire_set_by_the_harm",
    decides="event.mentions",
    positive=[
        Example(
            "A drone struck an oil depot near Erbil on Monday, setting two fuel tanks on fire, the ministry said.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        ),
    ],
    negative=[
        Example(
            "Protesters stormed the governor's office in Erbil on Monday, setting two cars on fire.",
            {"event.event_type": "Riots"},
        ),
    ],
)
def fire_set_by_the_harm(effect: EventMention, host: EventMention) -> bool | None:
    """Crowd-violence words told as a participle with no subject of their own ("setting a storage tank on fire")
    hung on a strike, attack or fight are what that act did, not a crowd's riot."""
    head = effect.trigger.head
    if effect.cls.name not in ("riot", "mob") or head.tag_ != "VBG" or head.dep_ not in ("advcl", "xcomp"):
        return None
    if FAMILY.get(host.cls.name) not in _VIOLENT_FAMILIES or head.head.i != host.trigger.head.i:
        return None
    crowd = _TRIGGER_WORDS.words("crowd")
    if (host.actor1 is not None and host.actor1.kind in ("protesters", "rioters")) or any(
            c.dep_ == "nsubj" and lemma(c) in crowd for c in kids(host.trigger.head)):
        return None  # "protesters stormed the office, setting cars on fire": the crowd's doing
    return True if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(head)) else None


def _harm_effects(mentions: list[EventMention]) -> list[EventMention]:
    """Drop the crowd-violence participles that tell what a strike or attack did (events.fold.fire_set_by_the_harm)."""
    hosts = {m.trigger.head.i: m for m in mentions if FAMILY.get(m.cls.name) in _VIOLENT_FAMILIES}
    if not hosts:
        return mentions
    keep: list[EventMention] = []
    for m in mentions:
        host = hosts.get(m.trigger.head.head.i)
        if host is not None and host is not m and first((fire_set_by_the_harm,), m, host) is not None:
            host.absorbed.append(m)
            continue
        keep.append(m)
    return keep




@rule(
    "events.detect.gathering_struck",
    decides="event.exists",
    positive=[
        Example(
            "A drone strike hit a funeral in El Obeid on Sunday, killing 12 people. Mourners had gathered outside"
            " a family home when the blast tore through the tent.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        ),
        Example(
            "An air strike killed 30 villagers in Tudun Biri on Sunday night. The bomb struck as villagers gathered"
            " for a religious festival.",
            {"events": 1, "!event.event_type": "Protests"},
        ),
    ],
    negative=[
        Example(
            "Hundreds of traders gathered in front of the governor's office in Kano on Monday to demand compensation.",
            {"event.sub_event_type": "Peaceful protest"},
        )
    ],
)
def gathering_struck(demo: EventMention, violent: EventMention) -> bool | None:
    """People who had gathered when a blast or an attack struck them ("the bomb struck as villagers gathered",
    "mourners had gathered when the blast tore through the tent") are its victims, not a demonstration."""
    g, v = demo.trigger.head, violent.trigger.head
    if lemma(g) not in _TRIGGER_WORDS.words("struck_gatherings"):
        return None
    if v.pos_ in ("NOUN", "PROPN") and v.dep_ in ("nsubj", "nsubjpass"):
        v = v.head  # "when the blast tore through the tent": the blast's verb
    linked = (g.dep_ == "advcl" and g.head.i == v.i and any(c.lower_ in _WHEN_MARKERS for c in kids(g))) or (
        v.dep_ == "advcl" and v.head.i == g.i and any(c.lower_ in _WHEN_MARKERS for c in kids(v))
    )
    return True if linked else None


def _gatherings_struck(mentions: list[EventMention]) -> list[EventMention]:
    """Drop the gatherings a violent act of the same sentence struck (:func:`gathering_struck`)."""
    violent = [m for m in mentions if m.family in _VIOLENT_FAMILIES]
    if not violent:
        return mentions
    return [
        m
        for m in mentions
        if m.family != "demo" or not any(first((gathering_struck,), m, v) is not None for v in violent)
    ]


_CROWD_DOERS: Final = _WORDS.words("demonstrating_crowd")


def _by_the_crowd(effect: EventMention, host: EventMention) -> bool:
    """Whether the crowd of a demonstration did the harm itself: the same actor, or a crowd noun as its subject."""
    if effect.actor1 is not None and effect.actor1 is host.actor1 and effect.actor1.kind in ("protesters", "rioters"):
        return True
    head = effect.trigger.head
    verb = head.head if head.dep_ == "conj" else head
    if effect.cls.name == "kill" and _told_passive(verb):
        return False  # a headline's "Protester shot dead as police fire on march": a passive without its "was"
    return any(c.dep_ == "nsubj" and lemma(c) in _CROWD_DOERS for c in kids(verb))


def _told_passive(verb: Token) -> bool:
    """Whether a verb of killing is a headline's passive without its "was" ("Protester shot dead as police
    fire"): "dead" after it and no one it is done to, neither its own object nor one of a verb joined to it."""
    verbs = [verb, *(c for c in kids(verb) if c.dep_ == "conj")]
    if any(c.dep_ in ("dobj", "obj") for v in verbs for c in kids(v)):
        return False
    return any(c.dep_ == "acomp" and c.lower_ == "dead" for c in kids(verb))


_CAUSE_MARKS: Final = _WORDS.words("cause_marks")


_PURPOSES: Final = load_lexicon().words("protest_purposes")
_FOR_WHOM: Final = frozenset({"for", "of", "against", "over"})


@rule(
    "events.fold.death_as_grievance",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 23 November 2025, residents protested in Garowe, demanding justice for a young man who was killed by"
            " a soldier.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
        Example(
            "On 14 January 2024, motorcycle taxi drivers staged a demonstration in Ibadan to protest the death of a"
            " colleague shot by police.",
            {"event.sub_event_type": "Peaceful protest"},
        ),
    ],
    negative=[
        Example(
            "Police shot dead two protesters during a demonstration in Kisumu on Tuesday.",
            {"event.sub_event_type": "Excessive force against protesters"},
        )
    ],
)
def death_as_grievance(effect: Token, host: Token) -> bool | None:
    """A death told in what a crowd demands or denounces ("demanding justice for a man who was killed", "to protest
    the death of a colleague shot by police", "the families of two men who were killed"): a clause describing
    someone the crowd speaks for, or the object of its demand, is its grievance, not force used on it."""
    tok = effect
    while tok.i != host.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in _FOR_WHOM:
            return True
        if tok.dep_ in ("dobj", "xcomp", "ccomp") and tok.head.pos_ == "VERB" and lemma(tok.head) in _PURPOSES:
            return True
        tok = tok.head
    return None


def _cause_of(effect: Token, host: Token) -> bool:
    """Whether ``effect`` sits in a clause or phrase that gives the host's cause: "after police killed a trader",
    "over the killing of a student", "because a rider was shot"."""
    tok = effect
    while tok.i != host.i and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CAUSE_MARKS for c in kids(tok)):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in _CAUSE_MARKS:
            return True
        tok = tok.head
    return False


def _host_of(effect: EventMention, mentions: list[EventMention]) -> EventMention | None:
    head = effect.trigger.head
    # "Gunmen killed five people ..., the deadliest attack since March": a killing with its own doer is the action,
    # and a noun below it (an apposition the model hangs as a second object) describes it, not hosts it
    active = any(c.dep_ == "nsubj" for c in kids(head))
    best: EventMention | None = None
    for other in mentions:
        if other is effect or other.cls.name in _EFFECTS:
            continue
        oh = other.trigger.head
        if active and _set_off_after(oh, head):
            continue
        related = (
            (oh.i != head.i and in_subtree(oh, head))
            or in_subtree(head, oh)
            or oh.head.i == head.i
            or head.head.i == oh.i
            or (head.dep_ in ("relcl", "acl") and head.head.i == oh.i)
            # "claimed an IED attack on a patrol, killing four soldiers": the participle tells the attack's toll
            or (head.dep_ == "advcl" and head.tag_ == "VBG" and oh.head.i == head.head.i and oh.i < head.i)
        )
        if related and (best is None or abs(oh.i - head.i) < abs(best.trigger.head.i - head.i)):
            best = other
    return best


def _set_off_after(noun: Token, verb: Token) -> bool:
    """Whether a noun below ``verb`` opens a phrase set off by a comma after it ("killed five people ..., the
    deadliest attack since March"): an apposition that describes the clause."""
    if noun.i <= verb.i or not in_subtree(noun, verb):
        return False
    start = noun.left_edge.i
    return start > 0 and noun.doc[start - 1].text == ","


_ATTEMPT_WORDS = _WORDS.words("attempt_words")


def _combine_same_clause(mentions: list[EventMention]) -> list[EventMention]:
    """One mention per action: "strikes had hit", "launched new attacks" name one strike, one attack."""
    out: list[EventMention] = []
    for m in mentions:
        twin = next(
            (o for o in out if o.family == m.family and _linked(o.trigger.head, m.trigger.head)), None
        )
        if twin is None:
            out.append(m)
            continue
        stronger, weaker = (twin, m) if twin.cls.strength >= m.cls.strength else (m, twin)
        if twin.cls.name == m.cls.name == "territory" and lemma(twin.trigger.head) in _ATTEMPT_WORDS:
            stronger, weaker = m, twin  # "advanced ... and had taken control of": the capture is the outcome
        elif _doers_of(weaker, stronger):
            stronger, weaker = weaker, stronger  # "the demonstrators barricaded": the verb tells what they did
        if (
            lemma(stronger.trigger.head) in _REPEL
            and weaker.actor1 is not None
            and weaker.actor1 is not stronger.actor1
        ):
            # "the army repelled an attack by ISWAP": the attackers started it
            stronger.actor2, stronger.actor1 = stronger.actor1, weaker.actor1
        for attr in ("actor1", "actor2", "location", "date"):
            if getattr(stronger, attr) is None and getattr(weaker, attr) is not None:
                setattr(stronger, attr, getattr(weaker, attr))
        stronger.victims_civilian |= weaker.victims_civilian
        stronger.target_armed |= weaker.target_armed
        stronger.crowd_violence |= weaker.crowd_violence
        stronger.absorbed.append(weaker)
        if stronger is m:
            out[out.index(twin)] = m
    return out


def _doers_of(verb: EventMention, noun: EventMention) -> bool:
    """Whether a noun trigger is the subject of a verb trigger of its class ("the demonstrators barricaded")."""
    v, n = verb.trigger.head, noun.trigger.head
    return v.pos_ == "VERB" and n.dep_ == "nsubj" and n.head.i == v.i and verb.cls.name == noun.cls.name


def _linked(a: Token, b: Token) -> bool:
    return (
        a.head.i == b.i
        or b.head.i == a.i
        or (
            a.head.i == b.head.i
            and a.dep_ != "conj"
            and b.dep_ != "conj"
            and a.dep_ in ("nsubj", "dobj")
            and b.dep_ in ("nsubj", "dobj")
        )
    )


_BLAME = _WORDS.words("blame_verbs")


def _blamed(sent: SpacySpan, draft: Draft, index: _DocIndex) -> Actor | None:
    """ "Residents blamed the rebels": the actor a sentence blames."""
    tokens, lems, _ = index.words(sent)
    if _BLAME.isdisjoint(lems):
        return None
    for tok, lem in zip(tokens, lems, strict=True):
        if lem in _BLAME:
            for child in kids(tok):
                if child.dep_ in ("dobj", "obj"):
                    return index.actor_of(child)
    return None


def detect_mentions(doc: Doc, draft: Draft, lex: Lexicon) -> list[EventMention]:
    """Every reported action in the document, typed and placed, in text order."""
    text = draft.text
    para_starts = _paragraph_starts(text)
    # the first line of a text of several: a one-paragraph note that ends with a newline has no standfirst
    body = text.rstrip()
    standfirst_end = body.find("\n") if "\n" in body else -1
    sents = list(sentences(doc))
    index = _DocIndex(doc, draft, lex)
    words = side_words(lex=lex)
    claims = (words.responsibility_verbs, words.responsibility_nouns)
    by_para: dict[int, list[SpacySpan]] = {}
    out: list[EventMention] = []
    unclaimed: list[EventMention] = []  # killings told with no doer (events.type.killing_without_actor)
    for si, sent in enumerate(sents):
        para = _paragraph(para_starts, sent.start_char)
        opens = para not in by_para  # the paragraph's first sentence: it may go on with the paragraph before
        standfirst = standfirst_end > 0 and sent.start_char < standfirst_end
        triggers = index.triggers(sent, lex)
        mentions = [
            _mention(sent, trig.head, trig, draft, lex, para, standfirst, index)
            for trig in _reported(triggers, lex)
        ]
        mentions = _after_a_demonstration(mentions, sent, out, para, lex, index)
        if not triggers:
            told = first((follow_up_sentence,), out, para)
            if told is not None:
                told.value.follow_ups.append((sent.start_char, sent.end_char))
        for m in _sentence_actions(mentions, sent, lex, draft, index):
            found = _typed(m, index, draft, lex, by_para.get(para, []))
            toll = _toll_told(m, found, out, opens)
            if toll is not None:
                _fold_toll(*toll)
            elif found is not None and first((response_to_violence,), found, out) is None:
                split = first((demonstrations_per_town,), found, index)
                out.extend(split.value if split is not None else (found,))
            elif m.type_rule == killing_without_actor.name:
                unclaimed.append(m)
        by_para.setdefault(para, []).append(sent)
        _blame(out, _blamed(sent, draft, index), sents[si - 1].start if si else 0)
        claimer = first((claimed_without_object,), sent, index, claims)
        # "The Taliban claimed responsibility." a paragraph after the attack: the nearest actions told with no
        # named doer, in the sentence before, else in the three before it
        if claimer is not None and not _claimed(out, claimer.value, sents[si - 1].start if si else 0):
            _claimed(out, claimer.value, sents[max(0, si - _CLAIM_REACH)].start)
    # "the attack" that only refers back ("motivation of the attack are unknown") tells no event of its own
    telling = [o for o in out if not (o.anaphoric and o.actor1 is None and o.actor2 is None)]
    lone = first((lone_deliberate_killing,), unclaimed, lex) if not telling else None
    if lone is not None:
        out.append(lone.value)
    label = first((note_label,), text, lex)
    if label is not None:
        _lead_by_label(out, label.value, sents, _Story(draft, lex, index, para_starts))
    return _without_launches_stopped(_without_answers(out), lex)


@rule(
    "events.detect.launch_then_intercepted",
    decides="event.exists",
    positive=[
        Example(
            "Houthi forces fired a ballistic missile at Israel on Tuesday. The missile was intercepted by air"
            " defences, the Israeli military said.",
            {"events": 1, "event.sub_event_type": "Disrupted weapons use"},
        )
    ],
    negative=[
        Example(
            "Houthi forces fired a ballistic missile at Eilat on Tuesday. A drone was intercepted over the Red Sea"
            " on Wednesday, the Israeli military said.",
            {"event.sub_event_type": "Shelling/artillery/missile attack"},
        )
    ],
)
def launch_then_intercepted(m: EventMention, told: list[EventMention], lex: Lexicon) -> EventMention | None:
    """A weapon launched and, later in the paragraph, named again with "the" as what was intercepted or shot down
    ("fired a missile at Israel. The missile was intercepted") never struck: the interception is the event
    (ACLED's Disrupted weapons use), the launch is its story. A launch that harmed someone keeps its event."""
    if m.family != "remote" or m.absorbed or lemma(m.trigger.head) not in lex.words("weapon_verbs"):
        return None
    weapons = {lemma(c) for c in kids(m.trigger.head) if c.dep_ in ("dobj", "obj")}
    if not weapons:
        return None
    for host in told:
        if host.family != _INTERCEPTED or host.paragraph != m.paragraph or host.sentence.start <= m.sentence.start:
            continue
        named = [c for c in kids(host.trigger.head) if c.dep_ in ("nsubjpass", "dobj", "obj")]
        if any(lemma(c) in weapons and any(d.lower_ == "the" for d in kids(c)) for c in named):
            return host
    return None


def _without_launches_stopped(out: list[EventMention], lex: Lexicon) -> list[EventMention]:
    kept = []
    for m in out:
        host = first((launch_then_intercepted,), m, out, lex)
        if host is None:
            kept.append(m)
        elif host.value.actor2 is None:
            host.value.actor2 = m.actor1  # the side whose weapon was stopped is the one acted upon
    return kept


def _after_a_demonstration(
    mentions: list[EventMention], sent: SpacySpan, out: list[EventMention], para: int, lex: Lexicon,
    index: _DocIndex,
) -> list[EventMention]:
    """The sentence's mentions, read after the demonstration told before: "they" are its crowd, and force used on
    it is part of it (the sentence's arrests then tell no event of their own)."""
    for m in mentions:
        m.by_crowd = first((crowd_named_again,), m, out) is not None
        if m.by_crowd:
            m.actor1 = None  # the crowd, named by the demonstration's rules
    if first((intervention_told_after,), sent, mentions, out, para, lex, index) is not None:
        return []  # the arrests of the crowd are part of its demonstration
    return mentions


def _toll_told(
    m: EventMention, found: EventMention | None, out: list[EventMention], opens: bool
) -> tuple[EventMention, EventMention] | None:
    """(the action told before, the deaths to fold into it) when the mention tells that action's toll: itself, or
    the deaths a no-event action beside them held ("One person was killed and cattle seized")."""
    if found is None and first(_RECALLED_RULES, m) is not None:
        return None  # "sentenced ... for a 2021 attack that killed five": no toll of the story's act
    toll = first((toll_of_previous_action,), m, out, found is m, opens) if found in (m, None) else None
    if toll is not None:
        return toll.value, m
    if found is not None:
        return None
    beside = first((toll_beside_no_event,), m)
    toll = first((toll_of_previous_action,), beside.value, out, False, opens) if beside is not None else None
    return (toll.value, beside.value) if toll is not None and beside is not None else None


def _body_found(m: EventMention, lex: Lexicon) -> bool:
    """Whether the killing's sentence tells of a body found ("his body was found with his hands tied")."""
    lemmas = {lemma(t) for t in m.sentence}
    return bool(lemmas & lex.words("body_nouns")) and bool(lemmas & lex.words("body_found_verbs"))


@rule(
    "events.lead.lone_deliberate_killing",
    decides="event.exists",
    positive=[
        Example(
            "On 3 December 2023, in Manaus - West Zone (Amazonas), an armed individual shot and killed a man in the"
            " Compensa neighborhood.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "Around 2 December 2023 (as reported), in Zamora, Michoacan, a woman was killed and her body was found in"
            " a ravine. 1 fatality.",
            {"event.sub_event_type": "Attack"},
        ),
        Example(
            "On 3 December 2023, in Recife (Pernambuco), a gunman who came with an accomplice shot and killed a man"
            " in the Boa Vista neighborhood. The motive of the attack is unknown. 1 fatality.",
            {"event.sub_event_type": "Attack", "event.fatalities.value": 1},
        ),
    ],
    negative=[
        Example("On 1 December 2023, the flooding in Caruaru (Pernambuco) killed three people.", {"events": 0}),
    ],
)
def lone_deliberate_killing(unclaimed: list[EventMention], lex: Lexicon) -> EventMention | None:
    """A report that tells no event but a shooting, a stabbing or a murder with no doer named ("a man was shot and
    killed") reports that killing: violence against a civilian by someone unknown (ACLED's Attack)."""
    deliberate = lex.words("deliberate_killing")
    for m in unclaimed:
        # the killing's verb or the word it is joined to tells how ("shot and killed": "shot" may be read as a noun)
        head = m.trigger.head
        near = [head, head.head, *(c for t in (head, head.head) for c in kids(t) if c.dep_ == "conj"),
                *head.doc[max(0, head.i - 3) : head.i]]  # "shot and killed" however the model hangs it
        if any(lemma(t) in deliberate or t.lower_ in deliberate for t in near) or _body_found(m, lex):
            m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
            m.type_rule = lone_deliberate_killing.name
            return m
    return None


@rule(
    "events.lead.note_label",
    decides="event.sub_event_type",
    positive=[
        Example(
            "Property destruction: On 3 May 2024, Al Shabaab militants burned several houses in Mubaarak village.",
            {"lead.sub_event_type": "Looting/property destruction", "lead.actor1.name": "Al Shabaab"},
        ),
        Example(
            "Movement of forces: On 3 May 2024, army troops withdrew from two bases near Bulo Burde.",
            {"lead.sub_event_type": "Change to group/activity"},
        ),
        Example(
            "Non-violent activity: On 3 May 2024, Al Shabaab closed the only water well of Buurane village.",
            {"lead.event_type": "Strategic developments", "lead.sub_event_type": "Other"},
        ),
        Example(
            "Security measures: On 3 May 2024, police set up checkpoints on every road into Baidoa ahead of the"
            " vote.",
            {"lead.sub_event_type": "Change to group/activity"},
        ),
    ],
    negative=[
        Example(
            "Somalia: On 3 May 2024, Al Shabaab militants attacked an army base in Bulo Burde.",
            {"lead.sub_event_type": "Armed clash"},
        ),
    ],
)
def note_label(text: str, lex: Lexicon) -> TriggerClass | None:
    """A label that opens a note and names a kind of development ("Defusal:", "Movement of forces:",
    "Property destruction:") names the note's main event: notes coded the way ACLED codes open their
    strategic developments with the codebook's category (a place label, "Somalia:", names no kind)."""
    found = _KICKER.match(text)
    return None if found is None else lex.label_class(found.group(0).strip().rstrip(":"))


def _story_head(sent: SpacySpan, end: int) -> Token:
    """The verb that tells a labelled note's action: the sentence's root, or when the parser took the label for
    the root ("activity" in "Non-violent activity: On 5 June, ... patrolled"), the highest verb after it."""
    if sent.root.idx >= end:
        return sent.root
    verbs = [t for t in sent if t.idx >= end and t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return next(t for t in sent if t.idx >= end)
    return min(verbs, key=lambda t: sum(1 for _ in t.ancestors))


@dataclass(frozen=True)
class _Story:
    """What making a mention needs besides its sentence."""

    draft: Draft
    lex: Lexicon
    index: _DocIndex
    para_starts: list[int]


def _lead_by_label(out: list[EventMention], label: TriggerClass, sents: list[SpacySpan], story: _Story) -> None:
    """Mark the note's labelled event: the first mention of the label's sub-type, else the action its first
    sentence after the label tells (its root), read as the label's kind."""
    same = next((m for m in out if m.sub_event_type == label.sub_event_type), None)
    if same is not None:
        # its own event: what else the note tells (the clash before a destruction) stays an event too
        same.label, same.type_rule, same.distinct = label, note_label.name, True
        return
    found = _KICKER.match(story.draft.text)
    end = found.end() if found is not None else 0
    sent = next((s for s in sents if s.end_char > end and any(t.idx >= end for t in s)), None)
    if sent is None:
        return
    head = _story_head(sent, end)
    trig = Trigger(head=head, tokens=[head], cls=label)
    para = _paragraph(story.para_starts, sent.start_char)
    m = _mention(sent, head, trig, story.draft, story.lex, para, False, story.index)
    _place_and_time(m, story.index, story.draft, [])
    m.label, m.type_rule, m.distinct = label, note_label.name, True
    at = next((i for i, o in enumerate(out) if o.sentence.start >= sent.start), len(out))
    out.insert(at, m)


@rule(
    "events.sides.crowd_named_again",
    decides="event.actor1",
    positive=[
        Example(
            "On 5 March 2024, students demonstrated in Dano against exam reforms. They barricaded the main road.",
            {"lead.sub_event_type": "Violent demonstration", "lead.actor1.name": "Rioters (Burkina Faso)"},
        ),
        Example(
            "On 5 March 2024, residents demonstrated in Faranah against power cuts. They clashed with gendarmes who"
            " fired tear gas.",
            {"lead.event_type": "Riots"},
        ),
        Example(
            "On 5 March 2024, residents demonstrated in Kindia after police beat a trader to death. They burned"
            " tires on the roads.",
            {"lead.sub_event_type": "Violent demonstration"},
        ),
    ],
    negative=[
        Example(
            "On 5 March 2024, gunmen attacked a village near Dano. They burned several houses.",
            {"lead.sub_event_type": "Attack"},
        ),
    ],
)
def crowd_named_again(m: EventMention, told: list[EventMention]) -> bool | None:
    """ "They" doing an action in the sentence after a demonstration of its paragraph are its demonstrators
    ("Residents demonstrated in X. They burned tires."): what they do tells how the demonstration went."""
    if not told:
        return None
    head = m.trigger.head
    verbs = [head, head.head] if head.dep_ == "conj" else [head]
    if not any(c.dep_ == "nsubj" and c.lower_ == "they" for v in verbs for c in kids(v)):
        return None
    # "they" may have been read as the last side named (the police of the grievance); a side the sentence names stays
    sent = m.sentence
    if m.actor1 is not None and any(sent.start_char <= x.start < sent.end_char for x in m.actor1.mentions):
        return None
    # the demonstration told last; actions told in its own sentence ("after police killed a trader") are why they
    # marched, and leave it the crowd's
    host = next((o for o in reversed(told) if o.family == "demo"), None)
    if host is None or host.paragraph != m.paragraph or host.sentence.start >= m.sentence.start:
        return None
    if any(o.sentence.start > host.sentence.start and o.family != "demo" for o in told):
        return None
    return True


_TOLL_HOSTS = frozenset({"battle", "remote", "vac"})
_INTERCEPTION: Final = "Disrupted weapons use"
_FINE = frozenset({"settlement", "feature", "admin2"})


@rule(
    "events.fold.toll_of_previous_action",
    decides="event.exists",
    positive=[
        Example(
            "On 3 May 2024, Al Shabaab militants attacked an army base in Bulo Burde. Four soldiers were killed.",
            {"events": 1, "event.fatalities.value": 4},
        ),
        Example(
            "On 3 May 2024, Al Shabaab fired mortar shells at an army base in Bulo Burde. The group claimed to have"
            " killed six soldiers.",
            {"events": 1, "event.sub_event_type": "Shelling/artillery/missile attack", "event.fatalities.value": 6},
        ),
        Example(
            "Gunmen attacked a police post in Lakki Marwat on Sunday, killing three policemen, officials said.\n\n"
            "Two of the attackers were killed when officers fired back, a police official said.",
            {"events": 1, "event.fatalities.value": 5},
        ),
        Example(
            "Soldiers and rebels of the Mai-Mai group clashed near the town of Lubero on Sunday, officials said.\n\n"
            "Six civilians were killed in the crossfire, a local official said.",
            {"events": 1, "event.sub_event_type": "Armed clash", "event.fatalities.value": 6},
        ),
        Example(
            "On 6 March 2024, opposition supporters demonstrated in Kolda against the new law. They burned the"
            " gendarmerie post and clashed with gendarmes. One person was killed and five others injured.",
            {"lead.sub_event_type": "Violent demonstration", "lead.fatalities.value": 1},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, Al Shabaab militants attacked an army base in Bulo Burde, killing four soldiers.",
            {"events": 1, "event.fatalities.value": 4},
        )
    ],
)
def toll_of_previous_action(
    m: EventMention, told: list[EventMention], typed: bool, opens: bool = False
) -> EventMention | None:
    """Deaths told after a violent action with no other cause named ("Four soldiers were killed.") are its toll;
    after a strike from afar, also deaths its own side claims ("the group claimed to have killed six soldiers").
    ``opens``: the deaths open a paragraph, which then goes on with the action that ended the paragraph before."""
    if m.cls.name not in _EFFECTS or m.trigger.head.pos_ != "VERB" or not told:
        return None
    host = told[-1]
    if not _goes_on(host, m, typed, opens) or not _takes_tolls(host) or host.sentence.start >= m.sentence.start:
        return None
    if typed and host.family != "remote":
        return None  # an armed actor's killing after an attack tells how it went: the merging step joins them
    if not _sides_of_the_toll(m, host):
        return None
    if m.date_source == "own" and m.date is not None and host.date is not None and m.date.start != host.date.start:
        return None  # "Two others died of their wounds on 3 June": a later day is not this action's toll
    if _other_town(m, host):
        return None  # "Separately, two people were killed in Kidal"
    return host


def _takes_tolls(host: EventMention) -> bool:
    """Whether deaths told after the action can be its toll: violence, and also the harm falling debris did after an
    interception ("Air defences shot down the missile. Debris injured three people.") and the deaths after a riot
    ("They burned the post and clashed with gendarmes. One person was killed.")."""
    interception = host.sub_event_type == _INTERCEPTION and host.cls.name == "disrupted"  # not a seizure of arms
    return host.family in _TOLL_HOSTS or interception or host.event_type == "Riots"


def _sides_of_the_toll(m: EventMention, host: EventMention) -> bool:
    """Whether the dead and their killers told are the action's sides, or people with no side of their own."""
    sides = [a for a in (host.actor1, host.actor2) if a is not None]
    # a victim the action names no one for fills its actor2 ("attacked the village. Two volunteer fighters were
    # killed."); any other side the action does not have is another action's
    free = m.actor2 if host.actor2 is None and m.actor1 is None else None
    # civilians killed with no doer named after a fight ("Nine civilians were killed in the crossfire") are its
    # bystanders: its toll (ACLED counts everyone a battle killed), not a side
    fight = host.family == "battle" or host.event_type == "Riots"
    bystanders = m.actor2 if fight and m.actor1 is None and m.victims_civilian else None
    return not any(
        a is not None and a is not free and a is not bystanders and not any(same_side(a, b) for b in sides)
        for a in (m.actor1, m.actor2)
    )


@rule(
    "events.fold.toll_beside_no_event",
    decides="event.fatalities",
    positive=[
        Example(
            "On 3 May 2024, militants attacked the village of Tilwa. One person was killed and cattle seized.",
            {"events": 1, "event.fatalities.value": 1},
        ),
        Example(
            "On 3 May 2024, soldiers raided a militant camp near Gandi. Two militants were killed and motorcycles"
            " seized.",
            {"events": 1, "event.fatalities.value": 2},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, militants attacked the village of Tilwa. Cattle were seized.",
            {"events": 1, "event.fatalities": None},
        )
    ],
)
def toll_beside_no_event(m: EventMention) -> EventMention | None:
    """Deaths told beside an action that is no event of its own ("One person was killed and cattle seized":
    the seizing of goods takes no place) are still a toll: the death that action had folded in, to be read
    as the toll of the action told before."""
    return next((a for a in m.absorbed if a.cls.name in _EFFECTS and a.trigger.head.pos_ == "VERB"), None)


_LIST_GLUE: Final = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)\s*")


@rule(
    "events.detect.demonstrations_per_town",
    decides="event.location",
    positive=[
        Example(
            "Teachers marched in Kumasi on Monday. Rallies also took place in Tamale, Ho and Cape Coast.",
            {"events": 4},
        )
    ],
    negative=[
        Example(
            "Hundreds of teachers marched from Kumasi to Ejisu on Monday to demand unpaid wages.",
            {"events": 1},
        )
    ],
)
def demonstrations_per_town(m: EventMention, index: _DocIndex) -> list[EventMention] | None:
    """Demonstrations told in a list of towns ("rallies also took place in Mombasa, Kisumu and Nakuru") are one
    event per town, as ACLED codes a demonstration at each place: the mention is told again at each."""
    if m.family != "demo" or m.location is None or m.location.kind != "settlement":
        return None
    towns = [
        loc for loc in index.locations_in_tokens(clause_tokens(m.trigger.head))
        if loc.kind == "settlement" and not loc.modifier and loc.country == m.location.country
    ]
    spans = sorted(
        ((mention.start, mention.end, loc) for loc in towns for mention in loc.mentions
         if m.sentence.start_char <= mention.start < m.sentence.end_char),
        key=lambda span: span[0],
    )
    listed: dict[str, Location] = {}  # the towns of the list that opens with the first, by name, in order
    end = -1
    for start, stop, loc in spans:
        if end >= 0 and not _LIST_GLUE.fullmatch(index.text[end:start]):
            break
        listed.setdefault(loc.name, loc)
        end = stop
    if len(listed) < 2:
        return None
    return [
        replace(
            m, location=loc, location_rank=0, places=frozenset({loc.name}), per_town=True,
            # each told again with lists of its own: a later sentence adds to one town's event
            assoc=list(m.assoc), absorbed=list(m.absorbed), follow_ups=list(m.follow_ups),
            patient_lemmas=list(m.patient_lemmas),
        )
        for loc in listed.values()
    ]


_INTERCEPTED: Final = "sd:Disrupted weapons use"


@rule(
    "events.detect.launch_told_by_interception",
    decides="event.exists",
    positive=[
        Example(
            "Russia launched 60 drones at Ukraine overnight, of which air defences shot down 48, the air force said"
            " on Tuesday.",
            {"events": 1, "event.sub_event_type": "Disrupted weapons use"},
        )
    ],
    negative=[
        Example(
            "Russia launched drones at Odesa overnight, killing two people, the governor said on Tuesday.",
            {"events": 1, "event.sub_event_type": "Air/drone strike"},
        )
    ],
)
def launch_told_by_interception(told: list[EventMention], lex: Lexicon, index: _DocIndex) -> list[EventMention] | None:
    """Weapons "launched" at a country in the sentence that tells how many were shot down are the interceptions'
    story: the disruption is the event there, and the strikes that got through are told where they hit."""
    if not any(x.family == _INTERCEPTED for x in told):
        return None
    launches = [
        x for x in told
        if x.family == "remote" and lemma(x.trigger.head) in lex.words("weapon_verbs") and _at_a_country(x, index)
    ]
    return launches or None


def _at_a_country(m: EventMention, index: _DocIndex) -> bool:
    """Whether a launch is aimed at a whole country ("launched 60 drones at Ukraine"), not at a town."""
    for prep in kids(m.trigger.head):
        if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "toward", "towards", "against"):
            for obj in kids(prep):
                if obj.dep_ == "pobj":
                    right = obj.right_edge
                    found = index.locations_in_range(obj.left_edge.idx, right.idx + len(right.text))
                    return bool(found) and all(loc.kind == "country" for loc in found)
    return False


_MOVEMENT: Final = "sd:Change to group/activity"


@rule(
    "events.detect.response_to_violence",
    decides="event.exists",
    positive=[
        Example(
            "Gunmen killed nine villagers in an attack on Dogon Daji on Sunday. Army reinforcements arrived in the"
            " village on Monday.",
            {"events": 1, "event.sub_event_type": "Attack"},
        )
    ],
    negative=[
        Example(
            "Ugandan troops arrived in Bunia on Thursday to reinforce the army.",
            {"event.sub_event_type": "Change to group/activity"},
        )
    ],
)
def response_to_violence(m: EventMention, told: list[EventMention]) -> EventMention | None:
    """Forces sent or arriving after an attack the story told, at its place or at none named ("police
    reinforcements arrived on Friday"), are the response reported with it, not a movement ACLED codes apart."""
    if m.family != _MOVEMENT:
        return None
    for host in reversed(told):
        if host.family not in _TOLL_HOSTS or host.sentence.start >= m.sentence.start:
            continue
        if _where_it_answers(m, host):
            return host
    return None


@rule(
    "events.detect.measure_after_unrest",
    decides="event.exists",
    positive=[
        Example(
            "Authorities imposed a 24-hour curfew on the town of Kafanchan on Friday after a riot in which youths"
            " torched shops and a mosque.",
            {"events": 1, "event.event_type": "Riots"},
        ),
        Example(
            "Rioters set fire to shops and cars in Kafanchan on Friday. The state government imposed a dusk-to-dawn"
            " curfew on the town, a spokesman said.",
            {"events": 1, "event.event_type": "Riots"},
        ),
    ],
    negative=[
        Example(
            "The state government imposed a dusk-to-dawn curfew on Kafanchan on Friday, a spokesman said.",
            {"event.sub_event_type": "Change to group/activity"},
        ),
        Example(
            "Rioters set fire to shops in Kafanchan on Friday. The state government imposed a curfew on Zaria, a"
            " spokesman said.",
            {"events": 2},
        ),
    ],
)
def measure_after_unrest(m: EventMention, told: list[EventMention]) -> EventMention | None:
    """A curfew or forces sent in answer to a riot the story tells, after it or in its sentence by another side
    ("imposed a curfew after a riot"), at its place or at none named, is the authorities' response reported
    with it: ACLED codes the riot, and the measure is no event of its own."""
    if m.family != _MOVEMENT:
        return None
    return next((host for host in told if host is not m and _answers(m, host) and _where_it_answers(m, host)), None)


def _where_it_answers(m: EventMention, host: EventMention) -> bool:
    """Whether a response ``m`` is placed where ``host`` happened, or either is placed nowhere in particular."""
    if m.location is None or m.location_rank > 1 or host.location is None:
        return True
    return m.location.id == host.location.id or m.location.name == host.location.name


def _answers(m: EventMention, host: EventMention) -> bool:
    """Whether ``m`` can be the answer to a riot ``host``: told after it, or in its sentence by a named side, the
    riot told after the measure ("imposed a curfew after a riot"). Forces sent after fighting or an attack are
    events.detect.response_to_violence's; an armed group that "regrouped after army operations" moves on its own."""
    if host.event_type != "Riots":
        return False
    if host.sentence.start < m.sentence.start:
        return True
    if host.sentence.start > m.sentence.start or m.actor1 is None or host.trigger.head.i < m.trigger.head.i:
        return False
    return host.actor1 is None or not same_side(m.actor1, host.actor1)


def _without_answers(out: list[EventMention]) -> list[EventMention]:
    return [m for m in out if first((measure_after_unrest,), m, out) is None]


def _goes_on(host: EventMention, m: EventMention, typed: bool, opens: bool) -> bool:
    """Whether ``m`` can tell more of ``host``: in its paragraph; or deaths with no doer opening the next paragraph
    ("Two attackers were killed when police returned fire"); one with a doer of its own there is another action."""
    return host.paragraph == m.paragraph or (opens and not typed and host.paragraph == m.paragraph - 1)


def _other_town(m: EventMention, host: EventMention) -> bool:
    a, b = m.location, host.location
    if a is None or b is None or m.location_rank != 0:
        return False
    return a.kind in _FINE and b.kind in _FINE and a.name != b.name


def _fold_toll(host: EventMention, m: EventMention) -> None:
    """The toll's victims are the action's: its sentence's figures and claims count for the action."""
    if host.actor2 is None and m.actor2 is not None and m.actor2 is not host.actor1:
        host.actor2 = m.actor2
    host.victims_civilian |= m.victims_civilian
    host.target_armed |= m.target_armed and not m.victims_civilian
    host.absorbed.append(m)


@rule(
    "events.fold.follow_up_sentence",
    decides="event.fatalities",
    positive=[
        Example(
            "On 3 May 2024, Al Shabaab militants attacked an army base in Bulo Burde. Nine people were reported dead.",
            {"events": 1, "event.fatalities.value": 9},
        ),
        Example(  # a riot's toll told after it
            "On 3 May 2024, rival cult groups clashed with machetes in Nsukka (Nsukka LGA, Enugu). Two reported"
            " fatalities.",
            {"event.event_type": "Riots", "event.fatalities.value": 2},
        ),
        Example(  # arrests told in between are no host of the toll
            "On 3 May 2024, police clashed with gunmen in Nsukka (Nsukka LGA, Enugu). Four suspects were arrested."
            " Three reported fatalities.",
            {"event.sub_event_type": "Armed clash", "event.fatalities.value": 3},
        ),
    ],
    negative=[
        Example(
            "On 3 May 2024, Al Shabaab militants attacked an army base in Bulo Burde, killing nine soldiers.",
            {"events": 1, "event.fatalities.value": 9},
        )
    ],
)
def follow_up_sentence(told: list[EventMention], para: int) -> EventMention | None:
    """A sentence with no action of its own after a violent action of its paragraph ("Nine people were reported dead.")
    tells more of that action: its counts are the action's. A riot takes its toll so too ("Two reported
    fatalities."); arrests told in between are passed over ("Four suspects were arrested. Three reported
    fatalities.": the dead are the fight's, an arrest kills no one)."""
    for host in reversed(told):
        if host.paragraph != para:
            return None
        if host.cls.name == "arrest":
            continue
        return host if host.family in _TOLL_HOSTS or host.event_type == "Riots" else None
    return None


def _reported(triggers: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """The triggers said to have happened (:func:`status`); a pause only when it pauses another action."""
    statuses = {t.head.i: other_sense(t.head, lex) or status(t.head, lex) for t in triggers}
    out: list[Trigger] = []
    for trig in triggers:
        st = statuses[trig.head.i]
        if st in ("negated", "irrealis", "support", "disrupted", "topic", "figurative"):
            continue
        pause = trig.cls.name == "pause"
        if st == "cessation" and not pause:
            continue
        if pause and not any(statuses[o.head.i] == "cessation" for o in triggers if o is not trig):
            continue  # a pause of nothing violent is not news for ACLED
        out.append(trig)
    return out


def _sentence_actions(
    mentions: list[EventMention], sent: SpacySpan, lex: Lexicon, draft: Draft, index: _DocIndex
) -> list[EventMention]:
    """One mention per action of a sentence: effects, descriptions and twins fold into their action."""
    # a patrol that was ambushed is the ambush's target, before any effect takes it as its host
    mentions = [m for m in mentions if first((target_of_attack,), m, mentions) is None]
    mentions = _absorb_effects(mentions)
    mentions = _harm_effects(_circumstantial_moves(mentions))
    mentions = _gatherings_struck(mentions)
    mentions = _describing_verbs(mentions)
    launches = first((launch_told_by_interception,), mentions, lex, index) if len(mentions) > 1 else None
    if launches is not None:
        mentions = [m for m in mentions if m not in launches.value]
    if _crowd_intervention(mentions, sent, lex, draft, index):
        mentions = [m for m in mentions if m.cls.name != "arrest"]  # arrests of the demonstrators
    elif any(m.family == "demo" for m in mentions):
        # "demonstrated against the arrest of their leader": the arrest is what they protest, told in passing
        mentions = [m for m in mentions if m.cls.name != "arrest" or first((arrest_as_grievance,), m.trigger.head,
                                                                            lex) is None]
    _share_targets(mentions)
    return _violence_over_strategic(_combine_same_clause(mentions))


# strategic actions that violence told in the same sentence by the same doer outranks (ACLED codes the violence)
_UNDER_VIOLENCE: Final = frozenset({"arrest", "looting", "armed_rule"})


@rule(
    "events.fold.violence_over_strategic",
    decides="event.sub_event_type",
    positive=[
        Example(
            "On 8 January 2021, soldiers arrested and killed five herders in Bore.",
            {"events": 1, "event.sub_event_type": "Attack"},
        ),
        Example(
            "On 19 April 2021, militants closed down a school in Sanguela and shot a teacher.",
            {"events": 1, "event.event_type": "Violence against civilians"},
        ),
    ],
    negative=[
        Example(
            "On 8 January 2021, police arrested two suspects in Bore after gunmen killed a trader.",
            {"events": 2},
        ),
        Example(
            "Police arrested 12 people after clashes between rival fans outside a stadium in Rosario on Sunday.",
            {"events": 2},
        ),
    ],
)
def violence_over_strategic(m: EventMention, violent: list[EventMention]) -> EventMention | None:
    """An arrest, a looting or a closure told in one sentence with violence by the same doer ("arrested and
    killed", "shot a teacher and closed the school") is part of that violent event, which ACLED codes."""
    if m.cls.name not in _UNDER_VIOLENCE:
        return None
    for v in violent:
        if _cause_of(v.trigger.head, m.trigger.head):
            continue  # "police arrested 12 after clashes": the violence is why they arrested, not their act
        if v.actor1 is None or m.actor1 is None or same_side(v.actor1, m.actor1):
            return v
    return None


def _violence_over_strategic(mentions: list[EventMention]) -> list[EventMention]:
    violent = [m for m in mentions if FAMILY.get(m.cls.name) in _VIOLENT_FAMILIES and m.cls.name != "casualty"]
    if not violent or len(mentions) < 2:
        return mentions
    keep: list[EventMention] = []
    for m in mentions:
        host = first((violence_over_strategic,), m, violent)
        if host is None:
            keep.append(m)
            continue
        v = host.value
        if v.actor1 is None:
            v.actor1 = m.actor1
        if v.actor2 is None and m.actor2 is not None and m.actor2 is not v.actor1:
            v.actor2 = m.actor2
        v.absorbed.append(m)
    return keep


def _typed(
    m: EventMention, index: _DocIndex, draft: Draft, lex: Lexicon, para_sents: list[SpacySpan]
) -> EventMention | None:
    """The mention placed, dated and typed, or the first action it absorbed that is an event; None for a trend."""
    _place_and_time(m, index, draft, para_sents)
    if _generic(m, index):
        return None
    if type_mention(m, lex, draft):
        return m
    # the combined mention is no event ("occupied it": no place taken); the action it
    # absorbed may still be one ("gunmen stormed in and occupied it": the assault)
    for weaker in m.absorbed:
        _place_and_time(weaker, index, draft, para_sents)
        if not _generic(weaker, index) and type_mention(weaker, lex, draft):
            return weaker
    return None


@rule(
    "events.sides.claimed_without_object",
    decides="event.actor1",
    positive=[
        Example(
            "A suicide bomber struck a police post in Kunduz on Tuesday, killing five policemen. The Taliban"
            " claimed responsibility.",
            {"lead.actor1.name": "Taliban"},
            date=dt.date(2019, 4, 3),
        ),
        Example(
            "Militants attacked a checkpoint in Kunduz on Tuesday, killing five policemen, officials said.\n\n"
            "Two other policemen were wounded, a police spokesman said. It was the third attack this month.\n\n"
            "The Taliban claimed responsibility in a statement.",
            {"lead.actor1.name": "Taliban"},
            date=dt.date(2019, 4, 3),
        ),
    ],
    negative=[
        Example(
            "A suicide bomber struck a police post in Kunduz on Tuesday, killing five policemen. No group claimed"
            " responsibility.",
            {"lead.actor1.name": "Unidentified Armed Group (Afghanistan)"},
            date=dt.date(2019, 4, 3),
        )
    ],
)
def claimed_without_object(
    sent: SpacySpan, index: _DocIndex, words: tuple[frozenset[str], frozenset[str]]
) -> Actor | None:
    """ "The Taliban claimed responsibility." with nothing said to be claimed: the claimer did what the sentence
    before tells (its unidentified or missing doer). ``words``: the responsibility verbs and nouns."""
    verbs, nouns = words
    tokens, lems, _ = index.words(sent)
    if nouns.isdisjoint(lems):
        return None  # most sentences: one set look-up
    for tok, lem in zip(tokens, lems, strict=True):
        if lem not in nouns or tok.dep_ not in ("dobj", "obj"):
            continue
        verb = tok.head
        if verb.lemma_ not in verbs or any(c.dep_ == "neg" for c in kids(verb)):
            return None
        if any(c.dep_ == "prep" and c.lower_ in ("for", "of") for c in (*kids(tok), *kids(verb))):
            return None  # "claimed responsibility for the attack": the noun's own rule reads it
        subject = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
        return index.actor_of(subject) if subject is not None else None
    return None



_CLAIM_REACH = 3


def _claimed(out: list[EventMention], claimer: Actor, since: int) -> bool:
    """The claimer is the doer of the actions told since ``since`` that name none or an unidentified one
    (whether there was one)."""
    found = False
    for m in reversed(out):
        if m.sentence.start < since:
            break
        if claimer is not m.actor2 and (m.actor1 is None or unidentified(m.actor1)):
            m.actor1 = claimer
            found = True
    return found


def _blame(out: list[EventMention], blamed: Actor | None, since: int) -> None:
    """ "Residents blamed the rebels": the blamed side acts in this and the previous sentence's actions."""
    if blamed is None:
        return
    for m in reversed(out):  # in sentence order: the recent ones are last
        if m.sentence.start < since:
            break
        if m.actor1 is None and blamed is not m.actor2:
            m.actor1 = blamed
