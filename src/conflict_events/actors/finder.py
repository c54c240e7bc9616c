"""Find every actor mention in a parsed document and resolve it to a canonical actor.

Passes, strongest first: table names and acronyms; "X-linked group" phrases;
ministries; persons (with titles and appositives); other organisations; role nouns
("Ukrainian forces", "gunmen", "residents said"); countries and capitals acting as
governments ("Moscow promised"); pronouns ("he said"). A weaker mention never
overlaps a stronger one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from ..lexicons.countries import capital_government, country_from_demonym, country_from_name
from . import roles
from .resolve import ActorRef, Resolver, country_in_words, singular
from .table import ActorEntry, ActorTable, alias_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..draft import Draft

__all__ = ["ActorFinder", "Mention"]

# Strength of each pass: a mention never overlaps a stronger one.
TABLE, AFFILIATE, MINISTRY, PERSON, ORG, ROLE, GOVERNMENT, PRONOUN = 90, 95, 80, 70, 60, 40, 30, 10

_LINKED = re.compile(
    r"(?P<parent>[A-Z][\w'’]*(?:[\s-][A-Z][\w'’]*)*?)[\s-](?:linked|affiliated|allied|aligned|backed)\s+"
    r"(?:group|militants|militia|jihadists|fighters|insurgents|rebels|extremists|faction)\b"
)
_AFFILIATE = re.compile(
    r"(?P<parent>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*?)['’]s\s+(?:(?:former|local|regional|[A-Z]\w+)\s+){0,3}"
    r"(?:affiliate|branch|offshoot|franchise|wing)\b"
)
_LED = re.compile(r"\b(?P<leader>[A-Z][\w]+(?:\s[A-Z][\w]+)?)[\s-]led\s+(?:military\s+)?coalition\b")
_MINISTRY = re.compile(
    r"(?:\b(?:the\s+)?(?P<q>(?:[A-Z][\w\-]+\s){0,2}[A-Z][\w\-]+(?:['’]s)?)\s+)?"
    r"(?:Ministry\s+of\s+(?:the\s+)?(?P<s1>[A-Z][a-z]+(?:\s+(?:Affairs|Situations))?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<c1>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
    r"|(?P<s2>[A-Za-z][a-z]+(?:\s+[Aa]ffairs)?)\s+[Mm]inistry)\b"
)
_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_BARE_MINISTRY = re.compile(r"\b(?:the|a)\s+ministry\b", re.IGNORECASE)
_TITLE_WORDS: Final = frozenset(
    {
        "president",
        "minister",
        "prime",
        "foreign",
        "defence",
        "defense",
        "interior",
        "governor",
        "general",
        "commander",
        "head",
        "chief",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "resident",
        "official",
        "mastermind",
        "suspect",
        "colonel",
        "major",
        "lieutenant",
        "captain",
        "king",
        "envoy",
        "ambassador",
        "mayor",
        "director",
        "secretary",
        "chairman",
        "witness",
        "senator",
        "lawmaker",
    }
)
_PERSON_SKIP: Final = frozenset({"twitter", "telegram", "facebook", "x", "justice", "god", "allah"})
_PLACE_PREPOSITIONS: Final = frozenset(
    {"in", "near", "at", "outside", "into", "towards", "toward", "around", "across", "inside", "to"}
)
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
_STRIKE_NOUNS: Final = frozenset(
    {
        "airstrike",
        "strike",
        "air",
        "jet",
        "warplane",
        "drone",
        "aircraft",
        "helicopter",
        "bombing",
        "bombardment",
        "shelling",
        "artillery",
        "missile",
        "rocket",
        "raid",
        "attack",
        "offensive",
        "operation",
        "counteroffensive",
        "counterattack",
        "incursion",
        "assault",
        "advance",
        "position",
        "base",
    }
)


@dataclass
class Mention:
    """One place the text names an actor."""

    start: int
    end: int
    ref: ActorRef
    strength: int
    entry: ActorEntry | None = None
    subject: bool = False  # subject of a clause (antecedent for later pronouns)


@lru_cache(maxsize=8)
def _institution_pattern(table: ActorTable) -> re.Pattern[str] | None:
    """Institutions the table knows per country by description ("intelligence agency")."""
    phrases = sorted(
        {g for e in table.entries for g in e.generic if " " in g and e.country}, key=len, reverse=True
    )
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(
        rf"(?:\b(?P<q>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)(?:['’]s)?\s+)?(?:national\s+)?(?P<p>{alternatives})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def _alias_pattern(table: ActorTable) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One regex of every name and alias (case-insensitive) and one of every acronym (exact)."""
    names = {a for a, _ in table.all_aliases()} | {a for s in table.states for a in s.aliases}
    keyed = sorted({alias_key(n) for n in names if len(n) > 2}, key=len, reverse=True)
    parts = [r"[\s\-]+".join(re.escape(w).replace("'", "['’]") for w in k.split()) for k in keyed]
    names_re = re.compile(r"(?<![\w-])(?:the\s+)?(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    acronyms = {a for e in table.entries for a in e.acronyms} | {a for s in table.states for a in s.acronyms}
    acr = sorted(acronyms, key=len, reverse=True)
    acr_re = (
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in acr) + r")(?![\w-])") if acr else None
    )
    return names_re, acr_re


class ActorFinder:
    """Mentions of actors in one document, resolved with one :class:`Resolver`."""

    def __init__(self, doc: Doc, draft: Draft, table: ActorTable) -> None:
        self.doc = doc
        self.draft = draft
        self.text = doc.text
        self.table = table
        # a place name is capitalised: a lower-case "place" ("the bush") is a gazetteer false hit
        names_re, acr_re = _alias_pattern(table)
        # every table name and acronym in the text, found once
        self.table_hits: list[tuple[int, int, str]] = [
            (m.start(), m.end(), m.group(0))
            for rx in (names_re, acr_re)
            if rx
            for m in rx.finditer(self.text)
        ]
        named = [(s, e) for s, e, _ in self.table_hits]
        # ...and a place inside a table name is part of that name ("Fano" in "Fano militia")
        self.loc_spans = [
            (m.start, m.end, loc)
            for loc in draft.locations
            for m in loc.mentions
            if m.text[:1].isupper() and not any(s < m.end and m.start < e for s, e in named)
        ]
        self.support: Counter[str] = Counter(loc.country for _, _, loc in self.loc_spans if loc.country)
        self.named_countries = {loc.country for _, _, loc in self.loc_spans if loc.kind == "country"}
        self.home = self._home_country()
        self.resolver = Resolver(draft.document.date, self.home, table)
        self.mentions: list[Mention] = []

    # -- document context -------------------------------------------------------------
    def _home_country(self) -> str | None:
        votes: Counter[str] = Counter()
        for _, _, loc in self.loc_spans:
            if loc.country:
                votes[loc.country] += 1 if loc.kind == "country" else 2
        if not votes:
            # no gazetteer places: country and capital names, then demonyms, in the text
            for ent in self.doc.ents:
                if ent.label_ == "GPE":
                    code = country_from_name(ent.text) or capital_government(ent.text)
                    votes[code or ""] += 2 if code else 0
                elif ent.label_ == "NORP":
                    code = country_from_demonym(ent.text)
                    votes[code or ""] += 1 if code else 0
            votes.pop("", None)
        return votes.most_common(1)[0][0] if votes else None

    def country_near(self, pos: int) -> str | None:
        """The country of the nearest place named in the same sentence, else the document's."""
        sent = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if sent is None:
            return self.home
        s = sent.sent
        best: tuple[int, int, str] | None = None
        for start, _, loc in self.loc_spans:
            if s.start_char <= start < s.end_char and loc.country and self._supported(loc.country):
                rank = (0 if loc.kind != "country" else 1, abs(start - pos))
                if best is None or rank < best[:2]:
                    best = (*rank, loc.country)
        return best[2] if best else self.home

    def _supported(self, country: str) -> bool:
        """A country the article is about: home, named as a country, or with more than one place mention."""
        return country == self.home or country in self.named_countries or self.support[country] > 1

    def is_location(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in self.loc_spans)

    # -- bookkeeping ---------------------------------------------------------------------
    def add(
        self, start: int, end: int, ref: ActorRef | None, strength: int, **extra: object
    ) -> Mention | None:
        if ref is None or start >= end:
            return None
        while end > start and self.text[end - 1] in " ,.;:":
            end -= 1
        # mentions start at the name, not its article: "Rapid Support Forces", "demonstrators"
        article = _ARTICLE.match(self.text, start, end)
        if article and article.end() < end:
            start = article.end()
        for m in self.mentions:
            if m.start < end and start < m.end and m.strength >= strength:
                return None
        self.mentions = [m for m in self.mentions if not (m.start < end and start < m.end)]
        mention = Mention(start, end, ref, strength, **extra)  # type: ignore[arg-type]
        self.mentions.append(mention)
        return mention

    def at(self, start: int, end: int) -> Mention | None:
        return next((m for m in self.mentions if m.start < end and start < m.end), None)

    def before(
        self,
        pos: int,
        want: Iterable[str] | None = None,
        person: bool | None = None,
        subject_only: bool = False,
    ) -> Mention | None:
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

    # -- the passes ------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        self.find_affiliates()
        self.find_table()
        self.find_coalitions()
        self.find_ministries()
        self.find_institutions()
        self.find_persons()
        self.find_orgs()
        self.find_roles()
        self.find_governments()
        self.find_pronouns()
        return sorted(self.mentions, key=lambda m: m.start)

    def _named_entries(self) -> list[Mention]:
        return [m for m in self.mentions if m.entry is not None]

    def group_for(self, word: str, pos: int, parents: Iterable[str] = ()) -> ActorEntry | None:
        """The named group a role word ("the rebels") or a parent ("Al-Qaeda-linked") stands for here."""
        noun = singular(word)
        parent_keys = {alias_key(p) for p in parents}

        def fits(entry: ActorEntry) -> bool:
            if parent_keys:
                return any(alias_key(p) in parent_keys for p in entry.affiliate_of) or any(
                    alias_key(a) in parent_keys for a in entry.aliases
                )
            return any(singular(g) == noun for g in entry.generic)

        named = [m for m in self._named_entries() if m.entry is not None and fits(m.entry)]
        earlier = [m for m in named if m.start < pos]
        if earlier:
            return max(earlier, key=lambda m: m.start).entry
        if named:
            return min(named, key=lambda m: m.start).entry
        if not parent_keys and self.home:
            for entry in self.table.entries:
                if self.home in entry.default_in and fits(entry):
                    return entry
        return None

    def find_table(self) -> None:
        for start, end, surface in sorted(self.table_hits, key=lambda f: (f[0], f[0] - f[1])):
            bare = re.sub(r"^the\s+", "", surface, flags=re.IGNORECASE)
            qualifier = country_in_words(self.text[max(0, start - 40) : start].split()[-2:])
            ref = self.resolver.lookup(bare, None)
            entries = self.table.by_alias(bare) or self.table.by_acronym(bare)
            entry = self.resolver.pick(entries, qualifier)
            if entry is not None:
                ref = self.resolver.entry(entry)
            if ref is None:
                continue
            if start > 0 and bare[:1].islower() and surface == bare and len(bare.split()) == 1:
                continue  # a one-word alias in lower case is a common word ("saba", "fano")
            if entry is not None and alias_key(bare) in {alias_key(c) for c in entry.contextual}:
                # "the Observatory", "Saba": only where the article is set, or after the full name
                full = any(
                    alias_key(re.sub(r"^the\s+", "", h[2], flags=re.IGNORECASE))
                    in {alias_key(a) for a in (entry.name, *entry.aliases)}
                    or h[2] in entry.acronyms
                    for h in self.table_hits
                )
                if not full and self.home != entry.country:
                    continue
            self.add(start, end, ref, TABLE, entry=entry, subject=self._is_subject(start, end))

    def find_affiliates(self) -> None:
        for pattern in (_LINKED, _AFFILIATE):
            for m in pattern.finditer(self.text):
                parent = re.sub(r"^the\s+", "", m.group("parent"), flags=re.IGNORECASE)
                entry = self.group_for_parent(parent, m.start())
                if entry is not None:
                    self.add(m.start(), m.end(), self.resolver.entry(entry), AFFILIATE, entry=entry)

    def group_for_parent(self, parent: str, pos: int) -> ActorEntry | None:
        # The named groups are not found yet when this pass runs: look them up in the text directly.
        keys = {alias_key(parent)}
        parent_entry = self.resolver.pick(self.table.by_alias(parent))
        if parent_entry:
            keys |= {alias_key(a) for a in (parent_entry.name, *parent_entry.aliases)}
        hits: list[tuple[int, ActorEntry]] = []
        for start, _, surface in self.table_hits:
            bare = re.sub(r"^the\s+", "", surface, flags=re.IGNORECASE)
            for entry in (*self.table.by_alias(bare), *self.table.by_acronym(bare)):
                if any(alias_key(p) in keys for p in entry.affiliate_of):
                    hits.append((start, entry))
        if not hits:
            return None
        earlier = [h for h in hits if h[0] < pos]
        return (max(earlier, key=lambda h: h[0]) if earlier else min(hits, key=lambda h: h[0]))[1]

    def find_coalitions(self) -> None:
        led = [(m.start(), m.end(), country_in_words([m.group("leader")])) for m in _LED.finditer(self.text)]
        for start, end, code in led:
            if code:
                self.add(start, end, self.resolver.state(code), TABLE)
        leaders = [code for _, _, code in led if code]
        for tok in self.doc:
            if tok.lower_ == "coalition" and leaders:
                self.add(tok.idx, tok.idx + len(tok), self.resolver.state(leaders[0]), ROLE)

    def find_institutions(self) -> None:
        """Institutions named by what they are: "Somalia's intelligence agency" -> that agency."""
        pattern = _institution_pattern(self.table)
        if pattern is None:
            return
        for m in pattern.finditer(self.text):
            phrase = " ".join(m.group("p").lower().split())
            q = m.group("q")
            country = country_in_words([q]) if q and q[:1].isupper() else None
            # without a country word the mention starts at the institution's own words
            start = m.start() if country else m.start("p")
            want = country or self.country_near(m.start())
            entry = next(
                (
                    e
                    for e in self.table.entries
                    if e.country == want and phrase in {g.lower() for g in e.generic}
                ),
                None,
            )
            if entry is not None:
                self.add(
                    start,
                    m.end(),
                    self.resolver.entry(entry),
                    MINISTRY,
                    subject=self._is_subject(start, m.end()),
                )

    def find_ministries(self) -> None:
        for m in _MINISTRY.finditer(self.text):
            subject = roles.MINISTRIES.get((m.group("s1") or m.group("s2") or "").lower())
            if subject is None:
                continue
            country = None
            if m.group("c1"):
                country = country_from_name(m.group("c1"))
            start = m.start()
            if m.group("q"):
                country = country or country_in_words([m.group("q")])
                if country is None:
                    # "the Hamas-run health ministry": the country of the group that runs it
                    runner = re.sub(r"-(run|led|controlled|backed)$", "", m.group("q").split()[-1])
                    entry = self.resolver.pick(self.table.by_alias(runner) or self.table.by_acronym(runner))
                    country = (
                        entry.country if entry is not None and runner != m.group("q").split()[-1] else None
                    )
                if country is None or (country_in_words([m.group("q")]) is None):
                    start = m.start("s1") if m.group("s1") else m.start("s2")
                    start = self.text.rfind("Ministry", 0, m.end()) if m.group("s1") else start
            if country is None:
                prior = [x for x in self.mentions if x.ref.name.startswith("Ministry of") and x.start < start]
                country = prior[-1].ref.country if prior else self.home
            self.add(
                start,
                m.end(),
                self.resolver.ministry(subject, country),
                MINISTRY,
                subject=self._is_subject(start, m.end()),
            )
        for m in _BARE_MINISTRY.finditer(self.text):
            # "the ministry": the last ministry named before it
            ministries = [
                x for x in self.mentions if x.ref.name.startswith("Ministry of") and x.start < m.start()
            ]
            if ministries:
                last = max(ministries, key=lambda x: x.start)
                self.add(m.start(), m.end(), last.ref, MINISTRY, subject=self._is_subject(m.start(), m.end()))

    # -- persons -------------------------------------------------------------------------------
    def find_persons(self) -> None:
        candidates: list[tuple[int, int]] = []
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and self._person_like(ent)):
                candidates.append((ent.start_char, ent.end_char))
        candidates += self._titled_names()
        candidates = sorted(set(candidates))
        full: dict[str, ActorRef] = {}
        singles: list[tuple[int, int, str]] = []
        for c_start, c_end in candidates:
            start, end, name = self._person_span(c_start, c_end)
            if not name or self.at(start, end) or self.is_location(start, end) or self._placed(start, end):
                continue
            if name.lower() in _PERSON_SKIP or country_in_words([name]) or self.table.by_alias(name):
                continue
            if len(name.split()) == 1:
                singles.append((start, end, name))
                continue
            ref = self._person_ref(name, start, end)
            longer = [n for n in full if n != name and f" {name} " in f" {n} "]
            if longer:
                self.add(start, end, full[longer[0]], PERSON, subject=self._is_subject(start, end))
                continue
            known = full.get(name)
            if known is None or (known.affiliation is None and ref.affiliation):
                full[name] = ref
            self.add(start, end, full[name], PERSON, subject=self._is_subject(start, end))
        # the same person later in the text, under a full name found earlier or later
        for m in self.mentions:
            if m.ref.person and m.ref.name in full:
                m.ref = full[m.ref.name]
        # one word of a full name, which the model did not tag this time ("Kuleba agreed")
        tagged = {(s, e) for s, e, _ in singles}
        for tok in self.doc:
            if (
                tok.pos_ == "PROPN"
                and (tok.idx, tok.idx + len(tok)) not in tagged
                and any(tok.text in n.split() for n in full)
            ):
                singles.append((tok.idx, tok.idx + len(tok), tok.text))
        for start, end, name in singles:
            match = [r for n, r in full.items() if name in n.split()]
            if match:
                self.add(start, end, match[0], PERSON, subject=self._is_subject(start, end))
            elif self._title_before(start) or self._speaks(start, end):
                self.add(
                    start,
                    end,
                    self._person_ref(name, start, end),
                    PERSON,
                    subject=self._is_subject(start, end),
                )

    def _speaks(self, start: int, end: int) -> bool:
        """A one-word name that is the subject of a reporting verb ("Zelensky said")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and self._is_speaker(span.root)

    def _placed(self, start: int, end: int) -> bool:
        """A name after "in", "near", "outside"...: a place the gazetteer missed ("in Khan Younis")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS

    def _person_like(self, ent: Span) -> bool:
        """An ORG entity that is really a person beside a role ("Another resident, Usmanu Abdullahi")."""
        words = ent.text.split()
        if not 2 <= len(words) <= 4 or not all(
            w[:1].isupper() and w.replace("-", "").isalpha() for w in words
        ):
            return False
        if singular(words[-1]) in {
            "agency",
            "council",
            "front",
            "movement",
            "army",
            "force",
            "group",
            "union",
        }:
            return False
        root = ent.root
        return (
            root.dep_ == "appos"
            or self._title_before(ent.start_char)
            or any(c.dep_ == "appos" for c in root.children)
        )

    def _titled_names(self) -> list[tuple[int, int]]:
        """Names the model missed after a title: "Magami resident Kasimu Bello"."""
        found = []
        for tok in self.doc:
            if tok.lower_ not in _TITLE_WORDS:
                continue
            i = tok.i + 1
            if i < len(self.doc) and self.doc[i].text == ",":
                i += 1
            run: list[Token] = []
            while (
                i < len(self.doc)
                and len(run) < 4
                and self.doc[i].pos_ == "PROPN"
                and self.doc[i].text[:1].isupper()
                and self.doc[i].text.replace("-", "").isalpha()
            ):
                run.append(self.doc[i])
                i += 1
            if len(run) >= 2 and not any(country_in_words([t.text]) for t in run):
                found.append((run[0].idx, run[-1].idx + len(run[-1])))
        return found

    def _person_span(self, start: int, end: int) -> tuple[int, int, str]:
        text = self.text[start:end]
        m = re.search(r"['’]s?$", text)
        if m:
            end -= len(m.group(0))
        while start < end and self.text[start:end].split()[0].lower() in ("the", "a", *_TITLE_WORDS):
            start += len(self.text[start:end].split()[0]) + 1
        name = " ".join(self.text[start:end].split())
        if not name[:1].isupper():
            return start, end, ""
        return start, end, name

    def _title_before(self, pos: int) -> bool:
        words = re.findall(r"[A-Za-z]+", self.text[max(0, pos - 30) : pos])
        return bool(words) and words[-1].lower() in _TITLE_WORDS

    def _window(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Character ranges of the words before a name (its titles) and of an appositive after it."""
        sent = self.doc.char_span(start, end, alignment_mode="expand")
        s_start = sent.sent.start_char if sent is not None else 0
        s_end = sent.sent.end_char if sent is not None else len(self.text)
        # the title phrase right before the name: "Russian President", "Another resident,"
        first = self.doc.char_span(start, end, alignment_mode="expand")
        i = first.start if first is not None else 0
        j = i - 1
        while j >= 0 and self.doc[j].idx >= s_start:
            t = self.doc[j]
            in_title = t.pos_ in ("PROPN", "NOUN", "ADJ") or t.tag_ == "POS" or t.text in ("-", "'s", "’s")
            if not in_title and not (t.text == "," and j > 0 and self.doc[j - 1].lower_ in _TITLE_WORDS):
                break
            j -= 1
        pre_start = self.doc[j + 1].idx if j + 1 < i else start
        post_start = post_end = end
        after = self.text[end:s_end]
        if after.startswith(",") and after[1:].lstrip()[:1] not in ('"', "“", "”", "'"):
            stop = re.search(r"[,;.]|\s(said|told|says|added|wrote|confirmed)\b", after[1:])
            post_end = end + 1 + (stop.start() if stop else len(after) - 1)
            post_start = end + 1
        return pre_start, start, post_start, post_end

    def _person_ref(self, name: str, start: int, end: int) -> ActorRef:
        pre_s, pre_e, post_s, post_e = self._window(start, end)
        affiliation, country = None, None
        for s, e in ((post_s, post_e), (pre_s, pre_e)):
            inner = [m for m in self.mentions if s <= m.start and m.end <= e and not m.ref.person]
            if inner:
                body = inner[-1] if (s, e) == (pre_s, pre_e) else inner[0]
                affiliation, country = body.ref.name, body.ref.country
                break
        window = f"{self.text[pre_s:pre_e]} {self.text[post_s:post_e]}"
        words = window.replace("’", "'").split()
        country = country or country_in_words(words)
        if affiliation is None:
            described = self.resolver.body(self._body_words(window))
            if described is not None:
                affiliation, country = described.name, described.country
        if affiliation is None:
            low = " ".join(re.findall(r"[a-z]+", window.lower()))
            title = max(
                (t for t in roles.TITLE_AFFILIATION if re.search(rf"\b{t}\b", low)), key=len, default=None
            )
            target = country or self.home
            if title and target:
                template = roles.TITLE_AFFILIATION[title]
                if template == "{military}":
                    affiliation = self.resolver.state(target).name
                elif template == "{police}":
                    affiliation = self.resolver.state(target, "Police").name
                else:
                    affiliation = (
                        self.resolver.government(target).name
                        if template.startswith("Government")
                        else template.format(c=_label(target))
                    )
        if country is None:
            places = [loc.country for s, _, loc in self.loc_spans if pre_s <= s < post_e and loc.country]
            country = places[0] if places else self.home
        return ActorRef(name, "person", country, affiliation, person=True)

    @staticmethod
    def _body_words(window: str) -> list[str]:
        m = re.search(r"([A-Z][\w\-]*(?:['’]s)?(?:\s+[a-z][\w\-]*|\s+[A-Z][\w\-]*){1,6})", window)
        if not m:
            return []
        words = m.group(1).replace("’", "'").split()
        # keep up to the institution's head noun
        for i in range(len(words) - 1, 0, -1):
            if singular(words[i]) in {
                "agency",
                "council",
                "ministry",
                "office",
                "commission",
                "service",
                "authority",
                "committee",
                "directorate",
                "department",
            }:
                return words[: i + 1]
        return []

    # -- organisations ---------------------------------------------------------------------------
    def find_orgs(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or self.at(ent.start_char, ent.end_char):
                continue
            words = [w for w in ent.text.replace("’", "'").split() if w.lower() != "the"]
            if not words or self.is_location(ent.start_char, ent.end_char):
                continue
            ref = self.resolver.body(words)
            if ref is None:
                code = country_from_name(" ".join(words))
                if code:
                    ref = (
                        self.resolver.government(code)
                        if self._is_subject(ent.start_char, ent.end_char)
                        else None
                    )
            if ref is not None:
                self.add(
                    ent.start_char,
                    ent.end_char,
                    ref,
                    ORG,
                    subject=self._is_subject(ent.start_char, ent.end_char),
                )

    # -- role nouns ---------------------------------------------------------------------------------
    def find_roles(self) -> None:
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ") and low not in ("police",):
                continue
            head_word = self._head_word(tok)
            if head_word is None:
                continue
            if self.at(tok.idx, tok.idx + len(tok)):
                continue
            if tok.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and tok.head.i != tok.i:
                if self._head_word(tok.head) is not None:
                    continue  # "government forces", "local clan militias": the head noun covers it
                if lemma in roles.REBEL or singular(tok.lower_) in roles.REBEL:
                    # "rebel positions", "jihadist attack": only when it names the document's group
                    entry = self.group_for(lemma, tok.idx)
                    if entry is not None:
                        self.add(tok.idx, tok.idx + len(tok), self.resolver.entry(entry), ROLE, entry=entry)
                continue
            self._role(tok, head_word, lemma)
        self._strike_modifiers()
        self._national_victims()

    @staticmethod
    def _head_word(tok: Token) -> str | None:
        low, lemma = tok.lower_, tok.lemma_.lower()
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if low == "forces" or (lemma in ("force",) and low.endswith("s")):
            return "forces"
        if low in ("prisoners",) and nxt == "of":
            return "prisoners of war"
        if low in ("men", "man") and any(c.lower_ == "armed" for c in tok.lefts):
            return "armed men"
        if low in ("group", "groups") and any(
            c.lemma_.lower() in roles.REBEL or c.lower_ in ("armed", "vigilante") for c in tok.lefts
        ):
            return "armed group"
        if low in ("members", "member") and tok.i > 0 and tok.nbor(-1).lower_ == "service":
            return "service member"
        if low == "staff" and tok.i > 0 and tok.nbor(-1).lower_ == "general":
            return "general staff"
        lefts = list(tok.lefts)
        if low in ("group", "movement", "militia", "organisation", "organization") and [
            c.lower_ for c in lefts
        ] == ["the"]:
            return "the group"
        for word in (low, lemma):
            if (
                word in roles.MILITARY
                or word in roles.POLICE
                or word in roles.ARMED_UNKNOWN
                or word in roles.REBEL
                or word in roles.CIVILIAN
                or word in roles.CROWD_PROTEST
                or word in roles.CROWD_RIOT
                or word in roles.SPEAKERS
                or word == "source"
                or word in ("government", "regime", "authority", "authorities", "junta", "monitor")
            ):
                return low
        if singular(low) in roles.REBEL or singular(low) in roles.SPEAKERS or singular(low) in roles.CIVILIAN:
            return low
        return None

    def _qualifiers(self, tok: Token) -> tuple[list[str], int]:
        """Words before a role noun inside its phrase, and the phrase's start offset."""
        left = [
            c
            for c in tok.lefts
            if c.dep_
            in (
                "amod",
                "compound",
                "poss",
                "nmod",
                "npadvmod",
                "case",
                "det",
                "nummod",
                "quantmod",
                "advmod",
                "punct",
            )
        ]
        if not left:
            return [], tok.idx
        first = min(c.left_edge.i for c in left)
        span = tok.doc[first : tok.i]
        words = [
            t.text
            for t in span
            if t.pos_ not in ("NUM", "PUNCT") and t.lower_ not in ("at", "least") and not _sponsor(t)
        ]
        joined = re.sub(r"\s*-\s*", "-", " ".join(t.text for t in span))
        if "pro-" in joined.lower():
            words = [*words, joined]
        start = span[0].idx
        while start < tok.idx and tok.doc[first].pos_ in ("DET", "NUM"):
            first += 1
            start = tok.doc[first].idx if first < tok.i else tok.idx
        return words, start

    def _role(self, tok: Token, head_word: str, lemma: str) -> None:
        words, start = self._qualifiers(tok)
        end = tok.idx + len(tok)
        if head_word == "prisoners of war" and tok.i + 2 < len(tok.doc):
            end = tok.doc[tok.i + 2].idx + len(tok.doc[tok.i + 2])
        if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            return  # "Magami resident Kasimu Bello": a title, the person carries it
        if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") for c in tok.children) or (
            tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON"
        ):
            return  # "Another resident, Usmanu Abdullahi": the person is the actor
        speaker = self._is_speaker(tok)
        ref: ActorRef | None = None
        # a named group among the qualifiers or after "from"/"of": "Al-Shabaab militants", "fighters from HTS"
        inner = next((m for m in self.mentions if start <= m.start < tok.idx and m.entry is not None), None)
        preps = ("from", "of", "in") if singular(head_word) in ("authority", "official") else ("from", "of")
        qualified = country_in_words(words) is not None or "pro-" in " ".join(words).lower()
        if inner is None and not qualified:
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            inner = self.at(obj.left_edge.idx, obj.idx + len(obj))
                            if inner is None:
                                code = country_in_words([t.text for t in obj.subtree])
                                if code:
                                    words = [*words, _label(code)]
        if (
            inner is not None
            and inner.ref.kind not in ("person", "media", "organization")
            and lemma not in roles.CIVILIAN
            and (singular(head_word) not in roles.SPEAKERS or inner.entry is not None)
        ):
            ref = inner.ref
        if ref is None and singular(head_word) in ("assailant", "attacker") and not words:
            # "five assailants" right after the named group's attack is that group
            recent = [
                m
                for m in self._named_entries()
                if m.entry
                and m.entry.kind in ("rebel_group", "political_militia", "identity_militia")
                and 0 <= tok.idx - m.end < 400
            ]
            if recent:
                ref = max(recent, key=lambda m: m.start).ref
        poss = next((c for c in tok.lefts if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        armed = (
            lemma in roles.REBEL
            or singular(head_word) in roles.REBEL
            or lemma in roles.ARMED_UNKNOWN
            or singular(head_word) in roles.ARMED_UNKNOWN
        )
        if ref is None and (head_word == "the group" or (poss is not None and armed)):
            # "The group said", "its fighters": the armed group named just before
            group = self._last_group(tok.idx)
            if group is None and head_word == "the group":
                return
            ref = group.ref if group is not None else None
        if ref is None and poss is not None and (lemma in roles.MILITARY or head_word == "forces"):
            prior = self.before(tok.idx, want=("government", "state_forces"))
            if prior and prior.ref.country:
                ref = self.resolver.state(prior.ref.country)
        plain = not any(w.lower() in ("unknown", "unidentified", "local", "allied") for w in words)
        qualifier = country_in_words(words)
        if ref is None and armed and plain:
            # "the rebels", "rebel fighters", "Palestinian militants": the document's named group
            for word in [lemma, *(singular(w) for w in words if singular(w) in roles.REBEL)]:
                entry = self.group_for(word, tok.idx)
                if entry is not None and qualifier in (None, entry.country):
                    ref = self.resolver.entry(entry)
                    break
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.lefts)
        if ref is None and armed and plain and qualifier is None and definite and lemma != "vigilante":
            # "the jihadists", "the militant group": the armed group named just before
            group = self._last_group(tok.idx)
            ref = group.ref if group is not None else None
        if ref is None and speaker and singular(head_word) in ("monitor", "observatory"):
            entry = self.group_for("monitor", tok.idx)
            ref = self.resolver.entry(entry) if entry else None
        if ref is None:
            home = self.country_near(tok.idx)
            resolver = self.resolver if home == self.home else Resolver(self.resolver.on, home, self.table)
            ref = resolver.role(words, head_word, speaker=speaker)
        if ref is not None:
            self.add(start, end, ref, ROLE, subject=tok.dep_ in _SUBJECTS)

    def _last_group(self, pos: int) -> Mention | None:
        """The named armed group mentioned last before ``pos``, within a few sentences."""
        kinds = ("rebel_group", "political_militia", "identity_militia", "external_forces")
        groups = [
            m for m in self._named_entries() if m.ref.kind in kinds and m.end <= pos and pos - m.end < 600
        ]
        return max(groups, key=lambda m: m.start) if groups else None

    def _strike_modifiers(self) -> None:
        """A country word on a strike or an operation names its forces: "Russian airstrikes"."""
        for tok in self.doc:
            if (
                tok.dep_ not in ("amod", "compound", "nmod", "poss")
                or tok.head.lemma_.lower() not in _STRIKE_NOUNS
            ):
                continue
            if self.at(tok.idx, tok.idx + len(tok)):
                continue
            text = tok.text
            if tok.i > 0 and tok.nbor(-1).dep_ == "compound" and tok.nbor(-1).head.i == tok.i:
                text = f"{tok.nbor(-1).text} {text}"
            code = country_from_demonym(text) or country_from_name(text)
            if code is None and tok.lower_ in ("junta", "regime"):
                code = self.country_near(tok.idx)  # "the junta's air strikes": the home state's forces
            if code:
                start = tok.idx - (len(text) - len(tok.text))
                self.add(start, tok.idx + len(tok), self.resolver.state(code), ROLE)

    def _national_victims(self) -> None:
        """Plural nationals counted or acted upon are civilians of their country: "killed 20 Palestinians"."""
        for tok in self.doc:
            if (
                tok.pos_ not in ("PROPN", "NOUN")
                or not tok.text.endswith("s")
                or self.at(tok.idx, tok.idx + len(tok))
            ):
                continue
            code = country_from_demonym(tok.text)
            if code is None or country_from_name(tok.text):
                continue
            counted = any(c.dep_ == "nummod" for c in tok.children)
            if counted or tok.dep_ in ("dobj", "nsubjpass"):
                self.add(
                    tok.idx, tok.idx + len(tok), self.resolver.generic("Civilians", "civilians", code), ROLE
                )

    # -- governments -------------------------------------------------------------------------------
    def find_governments(self) -> None:
        for tok in self.doc:
            if tok.pos_ != "PROPN" or not self._acts(tok):
                continue
            span = tok.doc[
                min(c.i for c in (tok, *[c for c in tok.lefts if c.dep_ == "compound"])) : tok.i + 1
            ]
            text = re.sub(r"^the\s+", "", span.text, flags=re.IGNORECASE)
            code = country_from_name(text) or capital_government(text)
            if code:
                self.add(
                    span.start_char,
                    span.end_char,
                    self.resolver.government(code),
                    GOVERNMENT,
                    subject=tok.dep_ in _SUBJECTS or tok.head.dep_ in _SUBJECTS,
                )

    @staticmethod
    def _acts(tok: Token) -> bool:
        if tok.dep_ in _SUBJECTS:
            return True
        if tok.dep_ == "conj" and tok.head.dep_ in _SUBJECTS:
            return True
        if tok.dep_ == "poss" and tok.head.lemma_.lower() in (
            "claim",
            "accusation",
            "statement",
            "denial",
            "account",
        ):
            return True
        return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"

    # -- pronouns ------------------------------------------------------------------------------------
    def find_pronouns(self) -> None:
        for tok in self.doc:
            if tok.dep_ not in _SUBJECTS or tok.lower_ not in ("he", "she", "it"):
                continue
            if tok.lower_ == "it":
                reporter = tok.head.head if tok.head.dep_ == "ccomp" else None
                if reporter is not None and reporter.lemma_.lower() in roles.REPORTING_VERBS:
                    # "The RSF said it had shot down a jet": "it" is the reporting verb's subject
                    subject = next((c for c in reporter.children if c.dep_ in _SUBJECTS), None)
                    said = self.at(subject.idx, subject.idx + len(subject)) if subject is not None else None
                    if said is not None and not said.ref.person:
                        self.add(tok.idx, tok.idx + len(tok), said.ref, PRONOUN, subject=True)
                    continue
                if tok.head.lemma_.lower() not in roles.REPORTING_VERBS:
                    continue
                prior = self.before(tok.idx, person=False, subject_only=True)
                if (
                    prior
                    and prior.ref.kind
                    in ("government", "state_forces", "organization", "media", "rebel_group")
                    and tok.idx - prior.end < 600
                ):
                    self.add(tok.idx, tok.idx + len(tok), prior.ref, PRONOUN, subject=True)
                continue
            prior = self.before(tok.idx, person=True, subject_only=True) or self.before(tok.idx, person=True)
            if prior and tok.idx - prior.end < 600:
                self.add(tok.idx, tok.idx + len(tok), prior.ref, PRONOUN, subject=True)

    # -- syntax helpers ------------------------------------------------------------------------------
    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return (
            root.dep_ in _SUBJECTS
            or (root.dep_ == "conj" and root.head.dep_ in _SUBJECTS)
            or (root.dep_ == "appos" and root.head.dep_ in _SUBJECTS)
            or any(c.dep_ == "appos" and c.head.dep_ in _SUBJECTS for c in span)
        )

    @staticmethod
    def _is_speaker(tok: Token) -> bool:
        head = tok
        if tok.dep_ == "conj":
            head = tok.head
        if head.dep_ in _SUBJECTS and head.head.lemma_.lower() in roles.REPORTING_VERBS:
            return True
        return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


_SPONSORED: Final = frozenset(
    {"backed", "supported", "funded", "sponsored", "allied", "aligned", "linked", "armed"}
)


def _sponsor(tok: Token) -> bool:
    """A word naming a sponsor, not an owner: "Iran" in "Iran-backed militants"."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _SPONSORED


def _label(code: str) -> str:
    from .naming import country_label

    return country_label(code)


def iter_refs(mentions: Iterable[Mention]) -> Iterator[ActorRef]:
    """Every distinct reference, in order of first mention."""
    seen: set[str] = set()
    for m in mentions:
        if m.ref.name not in seen:
            seen.add(m.ref.name)
            yield m.ref
