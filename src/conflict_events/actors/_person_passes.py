"""Persons: names, with the titles and appositives that give their affiliation and country."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._doccache import entities
from . import _role_words as roles
from ._actor_resolve import ActorRef, country_in_words, singular
from ._pass_state import PERSON, FinderBase, ids

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


__all__ = ["PersonPasses"]

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
# Words before a title that are part of it, not of the name ("Senior General", "Deputy Minister").
_RANKS: Final = frozenset({"senior", "deputy", "acting", "former", "vice", "interim", "top"})
_PERSON_SKIP: Final = frozenset({"twitter", "telegram", "facebook", "x", "justice", "god", "allah"})
_TITLE_IDS: Final = ids(*_TITLE_WORDS)
_PROPN: Final = ids("PROPN")
_PROPN_ID: Final = get_string_id("PROPN")
# each title of roles.TITLE_AFFILIATION as a word pattern, compiled once
_TITLE_RES: Final = tuple((t, re.compile(rf"\b{t}\b")) for t in roles.TITLE_AFFILIATION)
_PLACE_PREPOSITIONS: Final = frozenset(
    {"in", "near", "at", "outside", "into", "towards", "toward", "around", "across", "inside", "to"}
)


class PersonPasses(FinderBase):
    """Persons, one actor per full name; shorter forms of the name join it."""

    # -- persons -------------------------------------------------------------------------------
    def find_persons(self) -> None:
        candidates: list[tuple[int, int]] = []
        for ent in entities(self.doc):
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
        full_words = {w for n in full for w in n.split()}
        for i in self.token_ids(pos=_PROPN) if full else ():
            tok = self.toks[i]
            if (tok.idx, tok.idx + len(tok)) not in tagged and tok.text in full_words:
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
        span = self.span_at(start, end)
        return span is not None and self._is_speaker(span.root)

    def _placed(self, start: int, end: int) -> bool:
        """A name after "in", "near", "outside"...: a place the gazetteer missed ("in Khan Younis")."""
        span = self.span_at(start, end)
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
        toks = self.toks
        for t in self.token_ids(lower=_TITLE_IDS):
            i = t + 1
            if i < len(toks) and toks[i].text == ",":
                i += 1
            run: list[Token] = []
            while (
                i < len(toks)
                and len(run) < 4
                and self.tok_pos[i] == _PROPN_ID
                and toks[i].text[:1].isupper()
                and toks[i].text.replace("-", "").isalpha()
            ):
                run.append(toks[i])
                i += 1
            if len(run) >= 2 and not any(country_in_words([t.text]) for t in run):
                found.append((run[0].idx, run[-1].idx + len(run[-1])))
        return found

    def _person_span(self, start: int, end: int) -> tuple[int, int, str]:
        text = self.text[start:end]
        m = re.search(r"['’]s?$", text)
        if m:
            end -= len(m.group(0))
        while start < end and self.text[start:end].split()[0].lower() in ("the", "a", *_TITLE_WORDS, *_RANKS):
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
        s_start, s_end = self.sentence_bounds(start, end) or (0, len(self.text))
        # the title phrase right before the name: "Russian President", "Another resident,"
        first = self.span_at(start, end)
        i = first.start if first is not None else 0
        j = i - 1
        toks = self.toks
        while j >= 0 and toks[j].idx >= s_start:
            t = toks[j]
            in_title = (
                t.pos_ in ("PROPN", "NOUN", "ADJ")
                or t.tag_ == "POS"
                or t.text in ("-", "'s", "’s")
                # "US Secretary of State Antony Blinken"
                or (t.lower_ == "of" and j > 0 and toks[j - 1].pos_ in ("PROPN", "NOUN"))
            )
            if not in_title and not (t.text == "," and j > 0 and toks[j - 1].lower_ in _TITLE_WORDS):
                break
            j -= 1
        pre_start = toks[j + 1].idx if j + 1 < i else start
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
        international = False
        for s, e in ((post_s, post_e), (pre_s, pre_e)):
            inner = [m for m in self.mentions if s <= m.start and m.end <= e and not m.ref.person]
            if inner:
                body = inner[-1] if (s, e) == (pre_s, pre_e) else inner[0]
                affiliation, country = body.ref.name, body.ref.country
                # a UN official belongs to no state: the article's country is no fallback for them
                international = country is None and body.ref.kind in ("organization", "external_forces")
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
            title = max((t for t, rx in _TITLE_RES if rx.search(low)), key=len, default=None)
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
        if country is None and not international:
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
            if singular(words[i]) in roles.INSTITUTION_HEADS:
                return words[: i + 1]
        return []


def _label(code: str) -> str:
    from ._canonical import country_label

    return country_label(code)
