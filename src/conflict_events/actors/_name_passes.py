"""Passes over names: table names and acronyms, affiliates, coalitions, institutions, ministries,
organisations, and countries or capitals acting as governments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from spacy.strings import get_string_id

from .._doccache import entities
from ..lexicons._countries import capital_government, country_from_name
from . import _role_words as roles
from ._actor_resolve import country_in_words
from ._actor_scan import FastPattern
from ._actor_table import ActorEntry, alias_key
from ._pass_state import (
    AFFILIATE,
    GOVERNMENT,
    MINISTRY,
    ORG,
    ROLE,
    SUBJECTS,
    TABLE,
    FinderBase,
    IdMemo,
    ids,
)

__all__ = ["NamePasses"]

_LINKED = re.compile(
    r"(?P<parent>[A-Z][\w'’]*(?:[\s-][A-Z][\w'’]*)*?)[\s-](?:linked|affiliated|allied|aligned|backed)\s+"
    r"(?:group|militants|militia|jihadists|fighters|insurgents|rebels|extremists|faction)\b"
)
_AFFILIATE = re.compile(
    r"(?P<parent>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*?)['’]s\s+(?:(?:former|local|regional|[A-Z]\w+)\s+){0,3}"
    r"(?:affiliate|branch|offshoot|franchise|wing)\b"
)
_LINKED_WORDS: Final = ("linked", "affiliated", "allied", "aligned", "backed")
_AFFILIATE_WORDS: Final = ("affiliate", "branch", "offshoot", "franchise", "wing")
_LED = re.compile(r"\b(?P<leader>[A-Z][\w]+(?:\s[A-Z][\w]+)?)[\s-]led\s+(?:military\s+)?coalition\b")
_MINISTRY = re.compile(
    r"(?:\b(?:the\s+)?(?P<q>(?:[A-Z][\w\-]+\s){0,2}[A-Z][\w\-]+(?:['’]s)?)\s+)?"
    r"(?:Ministry\s+of\s+(?:the\s+)?(?P<s1>[A-Z][a-z]+(?:\s+(?:Affairs|Situations))?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<c1>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
    r"|(?P<s2>[A-Za-z][a-z]+(?:\s+[Aa]ffairs)?)\s+[Mm]inistry)\b"
)
# every match of _MINISTRY holds one (the pattern is case-sensitive)
_MINISTRY_HINT = re.compile("[Mm]inistry")
# "Ukraine's General Staff", "the Russian General Staff", "the General Staff of the Armed Forces of
# Ukraine": a state's military command, which speaks for (and as) its forces.
_GENERAL_STAFF = re.compile(
    r"(?:\b(?P<q>[A-Z][\w\-]+)(?:['’]s)?\s+)?General\s+Staff\b"
    r"(?:\s+of\s+(?:the\s+)?(?:Armed\s+Forces\s+of\s+(?:the\s+)?)?(?P<c>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))?"
)
_BARE_MINISTRY = FastPattern.of(re.compile(r"\b(?:the|a)\s+ministry\b", re.IGNORECASE), word_start=False)


_COALITION: Final = ids("coalition")
_PROPN: Final = ids("PROPN")
_SUBJECT_IDS: Final = ids(*SUBJECTS)
_CONJ: Final = get_string_id("conj")
_POSS: Final = get_string_id("poss")
_POBJ: Final = get_string_id("pobj")
_TO: Final = get_string_id("to")
_ACCORDING: Final = get_string_id("according")
# by id of the lemma: the nouns whose owner speaks ("Moscow's claim")
_CLAIM_LEMMA: Final = IdMemo(lambda lemma: lemma.lower() in ("claim", "accusation", "statement", "denial", "account"))


def _near_hints(
    pattern: re.Pattern[str], hint: re.Pattern[str], text: str, words: int = 4, hint_text: str | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, searching only near the hints (found in ``hint_text``, at the offsets of ``text``).

    Every match of ``pattern`` holds a match of ``hint`` that starts at most ``words``
    whitespace-separated words (counting the hint's own) after the match's start:
    the scan starts that many words before the next hint. (Institutions: two
    words of the qualifier and "national" before the phrase; ministries: "the",
    three of the qualifier, the subject and "affairs" before "Ministry".)
    """
    pos = 0
    while True:
        h = hint.search(text if hint_text is None else hint_text, pos)
        if h is None:
            return
        i = h.start()
        for _ in range(words):
            while i > pos and text[i - 1].isspace():
                i -= 1
            while i > pos and not text[i - 1].isspace():
                i -= 1
        m = pattern.search(text, i)
        if m is None:
            return
        yield m
        pos = m.end()


class NamePasses(FinderBase):
    """Actors named by a proper name, an institution or a state."""

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
        for pattern, words in ((_LINKED, _LINKED_WORDS), (_AFFILIATE, _AFFILIATE_WORDS)):
            if not any(w in self.text for w in words):
                continue  # every match holds one of the words: most texts have none
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
        # every match of _LED holds "coalition": most texts have none to search for
        found = _LED.finditer(self.text) if "coalition" in self.text else ()
        led = [(m.start(), m.end(), country_in_words([m.group("leader")])) for m in found]
        for start, end, code in led:
            if code:
                self.add(start, end, self.resolver.state(code), TABLE)
        leaders = [code for _, _, code in led if code]
        for i in self.token_ids(lower=_COALITION) if leaders else ():
            tok = self.doc[i]
            self.add(tok.idx, tok.idx + len(tok), self.resolver.state(leaders[0]), ROLE)

    def find_institutions(self) -> None:
        """Institutions named by what they are: "Somalia's intelligence agency" -> that agency."""
        pattern = self.institution_re
        if pattern is None:
            return
        hint = self.institution_hint
        if hint is None:
            matches = pattern.finditer(self.text)
        else:
            hint_re, hint_text = hint.target(self.text, self.lowered)
            matches = _near_hints(pattern, hint_re, self.text, hint_text=hint_text)
        for m in matches:
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
        for m in _near_hints(_MINISTRY, _MINISTRY_HINT, self.text, words=8):
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
        for start, end in _BARE_MINISTRY.spans(self.text, self.lowered):
            # "the ministry": the last ministry named before it
            ministries = [x for x in self.mentions if x.ref.name.startswith("Ministry of") and x.start < start]
            if ministries:
                last = max(ministries, key=lambda x: x.start)
                self.add(start, end, last.ref, MINISTRY, subject=self._is_subject(start, end))

    def find_general_staffs(self) -> None:
        if "General Staff" not in self.text:
            return
        for m in _GENERAL_STAFF.finditer(self.text):
            country = country_from_name(m.group("c") or "") or country_in_words([m.group("q") or ""])
            start = m.start("q") if country and m.group("q") else m.start()
            if country is None:
                start = self.text.index("General", m.start())
                country = self.country_near(start)
            if country is None:
                continue
            self.add(start, m.end(), self.resolver.state(country), MINISTRY,
                     subject=self._is_subject(start, m.end()))

    # -- organisations ---------------------------------------------------------------------------
    def find_orgs(self) -> None:
        for ent in entities(self.doc):
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

    # -- governments -------------------------------------------------------------------------------
    def find_governments(self) -> None:
        for i in self.token_ids(pos=_PROPN):
            if not self._acts(i):
                continue
            tok = self.toks[i]
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
                    subject=tok.dep_ in SUBJECTS or tok.head.dep_ in SUBJECTS,
                )

    def _acts(self, i: int) -> bool:
        """Whether token ``i`` is a subject, a claim's owner or a source ("according to Kyiv")."""
        dep, head = self.tok_dep[i], self.tok_head[i]
        if dep in _SUBJECT_IDS:
            return True
        if dep == _CONJ and self.tok_dep[head] in _SUBJECT_IDS:
            return True
        if dep == _POSS and _CLAIM_LEMMA(self.doc.vocab.strings, self.tok_lemma[head]):
            return True
        return dep == _POBJ and self.tok_lower[head] == _TO and self.tok_lower[self.tok_head[head]] == _ACCORDING
