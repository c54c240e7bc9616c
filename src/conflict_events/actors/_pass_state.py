"""The shared state of the actor passes: the document's places, the mentions found so far, lookups."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Final, Generic, TypeVar

from spacy.strings import get_string_id

from .._doccache import doc_text, entities, sentences, tokens
from .._docindex import doc_index, expand
from .._textscan import DATELINE
from ..lexicons._countries import capital_government, country_from_demonym, country_from_name
from ._actor_ref import ActorRef, country_in_words, singular
from ._actor_resolve import ActorResolver
from ._actor_scan import FastPattern, lowered
from ._actor_table import ActorEntry, ActorTable, alias_key, table_memo
from ._clans import ClanTree, clan_tree
from ._role_words import RoleWords, crime_setting, role_words

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

    from ..schema import Location

__all__ = [
    "AFFILIATE",
    "GOVERNMENT",
    "MINISTRY",
    "ORG",
    "PERSON",
    "PRONOUN",
    "ROLE",
    "SUBJECTS",
    "TABLE",
    "ActorMention",
    "FinderBase",
    "IdMemo",
    "TablePatterns",
    "alias_pattern",
    "ids",
    "institution_hint",
    "institution_pattern",
    "table_patterns",
]

T = TypeVar("T")

# Strength of each pass: a mention never overlaps a stronger one.
TABLE, AFFILIATE, MINISTRY, PERSON, ORG, ROLE, GOVERNMENT, PRONOUN = 90, 95, 80, 70, 60, 40, 30, 10
_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
_SUBJECT_IDS: Final = frozenset(get_string_id(d) for d in SUBJECTS)
_CONJ_APPOS: Final = frozenset({get_string_id("conj"), get_string_id("appos")})


@dataclass
class ActorMention:
    """One place the text names an actor."""

    start: int
    end: int
    ref: ActorRef
    strength: int
    entry: ActorEntry | None = None
    subject: bool = False  # subject of a clause (antecedent for later pronouns)


def _institution_phrases(table: ActorTable) -> tuple[list[str], list[str]]:
    """The institution phrases, longest first, and their patterns."""
    described = [*((e.generic, e.country) for e in table.entries), *((s.generic, s.country) for s in table.states)]
    phrases = sorted(
        {g for generic, country in described for g in generic if " " in g and country}, key=len, reverse=True
    )
    return phrases, [r"\s+".join(re.escape(w) for w in p.split()) for p in phrases]


@lru_cache(maxsize=8)
def institution_pattern(table: ActorTable) -> re.Pattern[str] | None:
    """Institutions the table knows per country by description ("intelligence agency")."""
    phrases, parts = _institution_phrases(table)
    if not phrases:
        return None
    alternatives = "|".join(parts)
    return re.compile(
        rf"(?:\b(?P<q>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)(?:['’]s)?\s+)?(?:national\s+)?(?P<p>{alternatives})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def institution_hint(table: ActorTable) -> re.Pattern[str] | None:
    """The institution phrases alone: a text none of them is in has no match of :func:`institution_pattern`."""
    phrases, parts = _institution_phrases(table)
    if not phrases:
        return None
    return re.compile(f"(?:{_by_first_char(phrases, parts)})\\b", re.IGNORECASE)


def _alias_keys(table: ActorTable) -> tuple[list[str], list[str]]:
    """The keys of every name and alias, and every acronym, longest first: the alternatives of :func:`alias_pattern`."""
    names = {a for a, _ in table.all_aliases()} | {a for s in table.states for a in s.aliases}
    # a contextual alias is matched however short ("CV" in Brazil): table_name checks where the article is set
    guarded = {c for e in table.entries for c in e.contextual}
    keyed = sorted({alias_key(n) for n in names if len(n) > 2 or n in guarded}, key=len, reverse=True)
    acronyms = {a for e in table.entries for a in e.acronyms} | {a for s in table.states for a in s.acronyms}
    return keyed, sorted(acronyms, key=len, reverse=True)


@lru_cache(maxsize=8)
def alias_pattern(table: ActorTable) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One regex of every name and alias (case-insensitive) and one of every acronym (exact)."""
    keyed, acr = _alias_keys(table)
    names_re = re.compile(
        r"(?<![\w-])(?:the\s+)?(?:" + _trie([_atoms(k) for k in keyed]) + r")(?![\w-])", re.IGNORECASE
    )
    acr_re = (
        re.compile(r"(?<![\w-])(?:" + _trie([[re.escape(c) for c in a] for a in acr]) + r")(?![\w-])") if acr else None
    )
    return names_re, acr_re


_SEPARATOR: Final = r"[\s\-]+"  # between the words of a name: "Al-Shabaab", "Al Shabaab"
_APOSTROPHE: Final = "['’]"


def _atoms(key: str) -> list[str]:
    """A name's pattern as its atoms: each character (an apostrophe either way), the separators between words."""
    atoms: list[str] = []
    for k, word in enumerate(key.split()):
        if k:
            atoms.append(_SEPARATOR)
        atoms.extend(_APOSTROPHE if c == "'" else re.escape(c) for c in word)
    return atoms


def _samples(atom: str) -> tuple[str, ...]:
    """Characters an atom matches: all of them for a character, one of each kind for the others."""
    if atom == _SEPARATOR:
        return (" ", "-")
    if atom == _APOSTROPHE:
        return ("'", "’")
    return (atom[1:] if atom.startswith("\\") else atom,)


def _exclusive(a: str, b: str) -> bool:
    """Whether no text character matches both atoms (ignoring case)."""
    return not any(re.fullmatch(b, c, re.IGNORECASE) for c in _samples(a)) and not any(
        re.fullmatch(a, c, re.IGNORECASE) for c in _samples(b)
    )


def _trie(names: list[list[str]]) -> str:
    """``"|".join`` of the names' patterns (lists of atoms), as a tree of shared beginnings: the same matches.

    The engine tries the alternatives of an alternation in order at every position; nested under
    their shared atoms, only the branches whose first atom matches are tried further. Regrouping
    changes the order of alternatives, so a level is regrouped only where the first atoms of its
    groups match no common character (and no name ends there beside others, which could match
    where a longer one does); elsewhere it stays in the given order. A separator matches only up
    to the next word's first character, so a shared beginning matches one way at a position.
    """
    groups: list[tuple[str | None, list[list[str]]]] = []  # (first atom or None at a name's end, the rests)
    for atoms in names:
        head = atoms[0] if atoms else None
        for first, rests in groups:
            if first == head:
                rests.append(atoms[1:])
                break
        else:
            groups.append((head, [atoms[1:]]))
    heads = [first for first, _ in groups]
    separable = len(heads) == 1 or (
        None not in heads and all(_exclusive(a, b) for k, a in enumerate(heads) for b in heads[k + 1 :])  # type: ignore[arg-type]
    )
    if not separable:
        return "|".join("".join(atoms) for atoms in names)
    branches = []
    for first, rests in groups:
        if first is None:
            branches.append("")
        elif len(rests) == 1:
            branches.append(first + "".join(rests[0]))
        else:
            branches.append(f"{first}(?:{_trie(rests)})")
    return "|".join(branches)


def _by_first_char(keys: list[str], parts: list[str]) -> str:
    """``"|".join(parts)`` regrouped by first character, for speed: the same matches.

    The engine tries every alternative of a flat alternation at every position; grouped
    under their first character (in their order), only the group that can match is tried.
    Alternatives whose first characters can match the same text character (case-insensitively)
    share one group, so their order stays as it was.
    """
    groups: list[tuple[str, str, list[str]]] = []  # (first char, its pattern, the rests)
    for key, part in zip(keys, parts, strict=True):
        first = key[0]
        atom = "['’]" if first == "'" else re.escape(first)
        if not part.startswith(atom):
            return "|".join(parts)
        for char, group_atom, rests in groups:
            if re.fullmatch(atom, char, re.IGNORECASE) or re.fullmatch(group_atom, first, re.IGNORECASE):
                if group_atom != atom:
                    return "|".join(parts)  # equivalent but different first characters: keep it flat
                rests.append(part[len(atom) :])
                break
        else:
            groups.append((first, atom, [part[len(atom) :]]))
    return "|".join(f"{atom}(?:{'|'.join(rests)})" for _, atom, rests in groups)


class IdMemo(Generic[T]):
    """A function of token strings (forms, lemmas), memoised by their string ids.

    The same words recur in every document: a hit saves the string-store look-ups and
    the work. Bounded: the memo starts over when it is full.
    """

    def __init__(self, function: Callable[..., T], size: int = 1 << 16) -> None:
        self._function = function
        self._size = size
        self._memo: dict[tuple[int, ...], T] = {}

    def __call__(self, strings: StringStore, *ids: int) -> T:
        try:
            return self._memo[ids]
        except KeyError:
            if len(self._memo) >= self._size:
                self._memo.clear()
            value = self._memo[ids] = self._function(*(strings[i] for i in ids))
            return value


def ids(*names: str) -> frozenset[int]:
    """The string-store ids of names (pos tags, dependency labels, lower-case words) as ``to_array`` gives them."""
    return frozenset(get_string_id(n) for n in names)


@dataclass(frozen=True)
class TablePatterns:
    """The regexes of one table, in their fast forms (see :mod:`.scan`)."""

    names: FastPattern  # :func:`alias_pattern`
    acronyms: FastPattern | None
    institution: re.Pattern[str] | None  # :func:`institution_pattern`
    hint: FastPattern | None  # :func:`institution_hint`


_BY_TABLE: dict[int, tuple[ActorTable, TablePatterns]] = {}


def _word_start(keys: Iterable[str]) -> bool:
    return all(re.match(r"\w", k) for k in keys)


def table_patterns(table: ActorTable) -> TablePatterns:
    """:func:`alias_pattern`, :func:`institution_pattern` and :func:`institution_hint` of a table.

    Looked up by the table's identity: the ``lru_cache`` of those functions hashes the
    whole (frozen) table on every call.
    """
    hit = _BY_TABLE.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    names_re, acr_re = alias_pattern(table)
    keyed, _ = _alias_keys(table)
    hint = institution_hint(table)
    patterns = TablePatterns(
        FastPattern.of(names_re, word_start=_word_start(["the", *keyed])),
        # case-sensitive, the acronyms' pattern is quick as it is: a scout only slows it down
        FastPattern.of(acr_re, word_start=False) if acr_re else None,
        institution_pattern(table),
        FastPattern.of(hint, word_start=False) if hint else None,
    )
    if len(_BY_TABLE) >= 8:
        _BY_TABLE.clear()
    _BY_TABLE[id(table)] = (table, patterns)
    return patterns


_LEADING_THE: Final = re.compile(r"^the\s+", re.IGNORECASE)


def _default_group(table: ActorTable, home: str, noun: str) -> ActorEntry | None:
    """The first entry of the table that a role noun (singular) stands for by default in a country."""
    memo = table_memo(table, "default_group")
    if (home, noun) not in memo:
        memo[(home, noun)] = next(
            (e for e in table.entries if home in e.default_in and any(singular(g) == noun for g in e.generic)), None
        )
    return memo[(home, noun)]  # type: ignore[return-value]


def _sole_country(table: ActorTable, surface: str) -> str | None:
    """The one country of the actors a table name or acronym found in the text stands for, if just one."""
    memo = table_memo(table, "sole_country")
    if surface in memo:
        return memo[surface]  # type: ignore[return-value]
    bare = _LEADING_THE.sub("", surface)
    key = alias_key(bare)
    # a contextual reading ("Al Shabaab" in Mozambique) is no vote: the name stays Somalia's elsewhere
    plain = [e for e in table.by_alias(bare) if key not in {alias_key(c) for c in e.contextual}]
    found = {e.country for e in (*plain, *table.by_acronym(bare))}
    found |= {s.country for s in table.states_named(bare)}
    code = memo[surface] = next(iter(found)) if len(found) == 1 else None
    return code


@lru_cache(maxsize=4096)
def _nationality(text: str) -> bool:
    """A demonym that is no country's name ("Russian", "Somali"; not "Myanmar")."""
    return country_from_demonym(text) is not None and country_from_name(text) is None


class FinderBase:
    """Document context and the mention board that every pass reads and writes."""

    def __init__(
        self,
        doc: Doc,
        locations: Sequence[Location],
        on: dt.date,
        table: ActorTable,
        roles: RoleWords | None = None,
        clans: ClanTree | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.table = table
        self.roles = roles or role_words()
        self.clans = clans or clan_tree()
        # the text lower-cased, for case-insensitive searches (None where that would change them)
        self.lowered = lowered(self.text)
        patterns = table_patterns(table)
        self.institution_re, self.institution_hint = patterns.institution, patterns.hint
        # every table name and acronym in the text, found once
        self.table_hits: list[tuple[int, int, str]] = [
            (s, e, self.text[s:e])
            for rx in (patterns.names, patterns.acronyms)
            if rx
            for s, e in rx.spans(self.text, self.lowered)
        ]
        named = [(s, e) for s, e, _ in self.table_hits]
        # ...and a place inside a table name is part of that name ("Fano" in "Fano militia")
        covered = bytearray(len(self.text))
        for s, e in named:
            covered[s:e] = b"\x01" * (e - s)

        def in_name(start: int, end: int) -> bool:
            if 0 <= start < end:
                return covered.find(1, start, end) != -1
            return any(s < end and start < e for s, e in named)

        # a place name is capitalised: a lower-case "place" ("the bush") is a gazetteer false hit
        # ...and a nationality word ("Russian air strikes") says whose, not where: no place for actors
        self.loc_spans = [
            (m.start, m.end, loc)
            for loc in locations
            for m in loc.mentions
            if m.text[:1].isupper() and not in_name(m.start, m.end) and not _nationality(m.text)
        ]
        self.support: Counter[str] = Counter(loc.country for _, _, loc in self.loc_spans if loc.country)
        self.named_countries = {loc.country for _, _, loc in self.loc_spans if loc.kind == "country"}
        self.home = self._home_country()
        self.resolver = ActorResolver(on, self.home, table, self.roles)
        self.resolver.places = frozenset(m.text.lower() for loc in locations for m in loc.mentions)
        self.resolver.context = self._actor_countries()
        self.resolver.crime = crime_setting(self.text, self.roles)
        if self.home is None and self.resolver.context:
            # no place to go by: the country of the actors the text names ("Al Shabaab" -> Somalia)
            self.home = self.resolver.home = self.resolver.context[0]
        self.mentions: list[ActorMention] = []
        # the mentions by start, for ``add``: they never overlap, so those overlapping a span are one stretch
        self._by_start: tuple[list[ActorMention], list[ActorMention]] = (self.mentions, [])
        self._made: dict[int, int] = {}  # id of a mention -> when it was made
        self._named: tuple[list[ActorMention], list[ActorMention]] = (self.mentions, [])
        self._spans: dict[tuple[int, int], Span | None] = {}
        # per sentence (its offsets): its supported places as (country rank, start, country), for country_near
        self._sentence_places: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self.toks = tokens(doc)
        # per-token attributes, read once for every pass (the shared per-Doc index): ids of pos_,
        # dep_, lower_, lemma_, the head's index, the character offset and the id of the text
        index = doc_index(doc)
        self.tok_pos, self.tok_dep, self.tok_lower, self.tok_lemma = index.pos, index.dep, index.lower, index.lemma
        self.tok_head, self.tok_idx, self.tok_orth = index.head, index.starts, index.orth

    def token_ids(self, pos: Container[int] = (), dep: Container[int] = (), lower: Container[int] = ()) -> list[int]:
        """Indices of the tokens whose pos, dep or lower-case form id is among the given ones."""
        if not dep and not lower:
            return [i for i, p in enumerate(self.tok_pos) if p in pos]
        if not pos and not dep:
            return [i for i, low in enumerate(self.tok_lower) if low in lower]
        if not pos and not lower:
            return [i for i, d in enumerate(self.tok_dep) if d in dep]
        return [
            i
            for i, (p, d, low) in enumerate(zip(self.tok_pos, self.tok_dep, self.tok_lower, strict=True))
            if p in pos or d in dep or low in lower
        ]

    def span_at(self, start: int, end: int) -> Span | None:
        """``doc.char_span(start, end, alignment_mode="expand")``, made once per document and offsets."""
        key = (start, end)
        if key in self._spans:
            return self._spans[key]
        span = self._spans[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return span

    # -- document context -------------------------------------------------------------
    def _actor_countries(self) -> tuple[str, ...]:
        """Countries of the catalogue's actors the text names unambiguously, most named first ("Al Shabaab": SO)."""
        votes: Counter[str] = Counter()
        for _, _, surface in self.table_hits:
            code = _sole_country(self.table, surface)
            if code:
                votes[code] += 1
        return tuple(code for code, _ in votes.most_common())

    def _home_country(self) -> str | None:
        votes: Counter[str] = Counter()
        for _, _, loc in self.loc_spans:
            if loc.country:
                votes[loc.country] += 1 if loc.kind == "country" else 2
        if not votes:
            # no gazetteer places: country and capital names, then demonyms, in the text
            for ent in entities(self.doc):
                if ent.label_ == "GPE":
                    code = country_from_name(ent.text) or capital_government(ent.text)
                    votes[code or ""] += 2 if code else 0
                elif ent.label_ == "NORP":
                    code = country_from_demonym(ent.text)
                    votes[code or ""] += 1 if code else 0
            votes.pop("", None)
        return votes.most_common(1)[0][0] if votes else None

    @cached_property
    def countries_named(self) -> frozenset[str]:
        """Every country the document names: its places' countries and the countries a capitalised word, or
        two, names ("Kenyan", "Burkina Faso"). Made once, for the rules that ask whether another is named."""
        codes = {loc.country for _, _, loc in self.loc_spans if loc.country}
        doc = self.doc
        for tok in doc:
            if tok.is_title or tok.is_upper:
                words = [tok.text, doc[tok.i + 1].text] if tok.i + 1 < len(doc) else [tok.text]
                code = country_in_words(words)
                if code is not None:
                    codes.add(code)
        return frozenset(codes)

    @cached_property
    def _sentence_chars(self) -> tuple[list[int], list[int]]:
        """The start and end offsets of the sentences, in order."""
        sents = sentences(self.doc)
        return [s.start_char for s in sents], [s.end_char for s in sents]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int] | None:
        """The offsets of the sentence of ``span_at(start, end)``, or None where it is None."""
        k = bisect_left(self.tok_idx, start)  # the offsets of the tokens' starts are sorted
        if k < len(self.tok_idx) and self.tok_idx[k] == start and start < end:
            # a span that starts at a token starts at that token, in that token's sentence
            starts, ends = self._sentence_chars
            k = bisect_right(starts, start) - 1
            return starts[k], ends[k]
        span = self.span_at(start, end)
        return (span.sent.start_char, span.sent.end_char) if span is not None else None

    def country_near(self, pos: int) -> str | None:
        """The country of the nearest place named in the same sentence, else the document's."""
        bounds = self.sentence_bounds(pos, pos + 1)
        if bounds is None:
            return self.home
        places = self._sentence_places.get(bounds)
        if places is None:
            # only the places of the sentence, in the order of loc_spans (ties go to the first, as in a scan)
            places = self._sentence_places[bounds] = [
                (0 if loc.kind != "country" else 1, start, loc.country)
                for start, _, loc in (self.loc_spans[k] for k in self.places_within(*bounds))
                if loc.country and self._supported(loc.country)
            ]
        if len({country for _, _, country in places}) < 2:
            return places[0][2] if places else self.home  # one country (or none): wherever ``pos`` is
        best: tuple[int, int, str] | None = None
        for kind, start, country in places:
            rank = (kind, abs(start - pos))
            if best is None or rank < best[:2]:
                best = (*rank, country)
        return best[2] if best else self.home

    @cached_property
    def _places_by_start(self) -> tuple[list[int], list[int]]:
        """The starts of ``loc_spans`` sorted, and the index of each in ``loc_spans``."""
        order = sorted(range(len(self.loc_spans)), key=lambda k: self.loc_spans[k][0])
        return [self.loc_spans[k][0] for k in order], order

    def _supported(self, country: str) -> bool:
        """A country the article is about: home, named as a country, or with more than one place mention."""
        return country == self.home or country in self.named_countries or self.support[country] > 1

    @cached_property
    def _place_reach(self) -> list[int]:
        """For each k, the largest end among the first k + 1 places in order of start."""
        ends = [self.loc_spans[k][1] for k in self._places_by_start[1]]
        return list(accumulate(ends, max))

    def is_location(self, start: int, end: int) -> bool:
        """Whether a place overlaps ``start:end``: of the places starting before ``end``, one ends after ``start``."""
        k = bisect_left(self._places_by_start[0], end)
        return k > 0 and self._place_reach[k - 1] > start

    def places_within(self, start: int, end: int) -> list[int]:
        """Indices in ``loc_spans`` of the places starting within ``start:end``, in the order of ``loc_spans``."""
        starts, order = self._places_by_start
        return sorted(order[bisect_left(starts, start) : bisect_left(starts, end)])

    # -- bookkeeping ---------------------------------------------------------------------
    def add(self, start: int, end: int, ref: ActorRef | None, strength: int, **extra: object) -> ActorMention | None:
        if ref is None or start >= end:
            return None
        while end > start and self.text[end - 1] in " ,.;:":
            end -= 1
        # mentions start at the name, not its article: "Rapid Support Forces", "demonstrators"
        article = _ARTICLE.match(self.text, start, end)
        if article and article.end() < end:
            start = article.end()
        ordered = self._ordered()
        lo = bisect_right(ordered, start, key=lambda m: m.end)  # the first that ends after ``start``
        hi = bisect_left(ordered, end, lo=lo, key=lambda m: m.start)  # the first that starts at ``end`` or later
        overlapping = ordered[lo:hi]
        if any(m.strength >= strength for m in overlapping):
            return None
        named = self._named_now()  # before the list may be replaced below
        if overlapping:
            gone = {id(m) for m in overlapping}
            self.mentions = [m for m in self.mentions if id(m) not in gone]
            del ordered[lo:hi]
            self._by_start = (self.mentions, ordered)
            named = [m for m in named if id(m) not in gone]
        mention = ActorMention(start, end, ref, strength, **extra)  # type: ignore[arg-type]
        self.mentions.append(mention)
        ordered.insert(lo, mention)
        self._made[id(mention)] = len(self._made)  # the list keeps the mentions in the order they were made
        if mention.entry is not None:
            named.append(mention)
        self._named = (self.mentions, named)
        return mention

    def _first_made(self, found: Iterable[ActorMention]) -> ActorMention | None:
        """The mention of ``found`` that comes first in ``mentions`` (made first)."""
        return min(found, key=lambda m: self._made[id(m)], default=None)

    def named_from(self, start: int, end: int) -> ActorMention | None:
        """The first mention (in ``mentions``) with an entry that starts within ``start:end``."""
        ordered = self._ordered()
        lo = bisect_left(ordered, start, key=lambda m: m.start)
        hi = bisect_left(ordered, end, lo=lo, key=lambda m: m.start)
        return self._first_made(m for m in ordered[lo:hi] if m.entry is not None)

    def _ordered(self) -> list[ActorMention]:
        """``mentions`` sorted by start (made again only when a pass replaced the list)."""
        of, ordered = self._by_start
        if of is not self.mentions or len(ordered) != len(self.mentions):
            ordered = sorted(self.mentions, key=lambda m: m.start)
            self._by_start = (self.mentions, ordered)
        return ordered

    def at(self, start: int, end: int) -> ActorMention | None:
        """The first mention (in ``mentions``) that overlaps ``start:end``."""
        if start >= end:
            return next((m for m in self.mentions if m.start < end and start < m.end), None)
        ordered = self._ordered()
        lo = bisect_right(ordered, start, key=lambda m: m.end)
        hi = bisect_left(ordered, end, lo=lo, key=lambda m: m.start)
        return self._first_made(ordered[lo:hi])

    def before(
        self,
        pos: int,
        want: Iterable[str] | None = None,
        person: bool | None = None,
        subject_only: bool = False,
    ) -> ActorMention | None:
        kinds = set(want) if want else None
        best = None
        for m in self.mentions:
            if m.end > pos:
                continue
            if (kinds and m.ref.kind not in kinds) or (person is not None and m.ref.person != person):
                continue
            if subject_only and not m.subject:
                continue
            if best is None or m.start > best.start:
                best = m
        return best

    def named_entries(self) -> list[ActorMention]:
        """The mentions with an entry of the table, in the order of ``mentions`` (kept as mentions are made)."""
        return list(self._named_now())

    def _named_now(self) -> list[ActorMention]:
        of, named = self._named
        if of is not self.mentions:  # a pass replaced the list
            named = [m for m in self.mentions if m.entry is not None]
            self._named = (self.mentions, named)
        return named

    def group_for(
        self, word: str, pos: int, parents: Iterable[str] = (), *, by_default: bool = True
    ) -> ActorEntry | None:
        """The named group a role word ("the rebels") or a parent ("Al-Qaeda-linked") stands for here; with
        ``by_default``, the group whose ``default_in`` holds the home country when the document names none."""
        noun = singular(word)
        parent_keys = {alias_key(p) for p in parents}

        def fits(entry: ActorEntry) -> bool:
            if parent_keys:
                return any(alias_key(p) in parent_keys for p in entry.affiliate_of) or any(
                    alias_key(a) in parent_keys for a in entry.aliases
                )
            return any(singular(g) == noun for g in entry.generic)

        named = [m for m in self.named_entries() if m.entry is not None and fits(m.entry)]
        # a group the text says did not claim the attack is not its author, wherever else it is named
        disowned = {m.entry.name for m in named if m.entry is not None and self._disclaims(m)}
        named = [m for m in named if m.entry is not None and m.entry.name not in disowned]
        earlier = [m for m in named if m.start < pos]
        if earlier:
            return max(earlier, key=lambda m: m.start).entry
        if named:
            return min(named, key=lambda m: m.start).entry
        if not parent_keys and self.home and by_default:
            return _default_group(self.table, self.home, noun)
        return None

    def _disclaims(self, m: ActorMention) -> bool:
        """Whether a named group is the subject of a denial or of a claim it did not make ("Islamic State did not
        claim the attack", "Al Shabaab denied involvement"): named as not the author, it is no antecedent of "the
        jihadists" (ACLED keeps an unclaimed attack's authors unidentified)."""
        span = self.span_at(m.start, m.end)
        if span is None:
            return False
        tok = span.root
        while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok:
            tok = tok.head
        if tok.dep_ not in SUBJECTS:
            return False
        verb = tok.head
        lemma = verb.lemma_.lower()
        if lemma in self.roles.disclaim_verbs:
            return True
        return lemma in self.roles.claim_verbs and any(c.dep_ == "neg" for c in verb.children)

    def _in_dateline(self, start: int) -> bool:
        """Whether ``start`` opens a wire dateline ("BEIRUT, Jan 5 (Reuters) -"): where the report was filed,
        not a capital that acts."""
        line = self.text.rfind("\n", 0, start) + 1
        m = DATELINE.match(self.text, line)
        return m is not None and m.start("name") <= start < m.end("name")

    def last_group(self, pos: int) -> ActorMention | None:
        """The named armed group mentioned last before ``pos``, within a few sentences."""
        kinds = self.roles.armed_kinds
        groups = [m for m in self.named_entries() if m.ref.kind in kinds and m.end <= pos and pos - m.end < 600]
        return max(groups, key=lambda m: m.start) if groups else None

    # -- syntax helpers ------------------------------------------------------------------------------
    def _is_subject(self, start: int, end: int) -> bool:
        bounds = expand(self.doc, start, end)
        if bounds is not None and bounds[1] - bounds[0] == 1:
            # one word is its own root: read from the token index, no Span made (most mentions are one word)
            i = bounds[0]
            dep = self.tok_dep[i]
            return dep in _SUBJECT_IDS or (dep in _CONJ_APPOS and self.tok_dep[self.tok_head[i]] in _SUBJECT_IDS)
        span = self.span_at(start, end)
        if span is None:
            return False
        root = span.root
        return (
            root.dep_ in SUBJECTS
            or (root.dep_ == "conj" and root.head.dep_ in SUBJECTS)
            or (root.dep_ == "appos" and root.head.dep_ in SUBJECTS)
            or any(c.dep_ == "appos" and c.head.dep_ in SUBJECTS for c in span)
        )

    def _is_speaker(self, tok: Token) -> bool:
        head = tok
        if tok.dep_ == "conj":
            head = tok.head
        if head.dep_ in SUBJECTS and head.head.lemma_.lower() in self.roles.reporting_verbs:
            return True
        return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
