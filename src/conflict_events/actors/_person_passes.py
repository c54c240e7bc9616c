"""Persons: names, with the titles and appositives that give their affiliation and country."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from .._doccache import entities
from ..lexicons import lexicon
from ..rules import Example, rule
from ._actor_ref import ActorRef, country_in_words, singular
from ._canonical import country_label
from ._pass_state import PERSON, FinderBase, ids
from ._role_words import RoleWords

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


__all__ = ["PersonPasses"]

_PROPN: Final = ids("PROPN")
_PROPN_ID: Final = get_string_id("PROPN")
_POSSESSIVE_END: Final = re.compile(r"['’]s?$")
_BODY_WORDS: Final = re.compile(r"([A-Z][\w\-]*(?:['’]s)?(?:\s+[a-z][\w\-]*|\s+[A-Z][\w\-]*){1,6})")
_LOWER_WORDS: Final = re.compile(r"[a-z]+")
_WORDS: Final = re.compile(r"[A-Za-z]+")
_SPEECH_STOP: Final = re.compile(r"[,;.]|\s(said|told|says|added|wrote|confirmed)\b")
# "Central Mali", "Northern Nigeria": a part of a country the model may tag as a person
_AREA_WORDS: Final = lexicon("places").words("english_qualifiers") | lexicon("places").words("direction_adjectives")


@lru_cache(maxsize=16)
def _title_patterns(roles: RoleWords) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each title of the title table as a word pattern, compiled once."""
    return tuple((t, re.compile(rf"\b{t}\b")) for t in roles.title_affiliations)


@lru_cache(maxsize=16)
def _title_ids(roles: RoleWords) -> frozenset[int]:
    return ids(*roles.titles)


# -- the rules ----------------------------------------------------------------------------------


@rule(
    "actors.persons.named",
    decides="actor.name",
    positive=[
        Example(
            "Army spokesman Souleymane Dembele said troops killed 14 militants near Mopti on Monday.",
            {"actor.name": "Souleymane Dembele"},
        )
    ],
    negative=[
        Example(
            "An army spokesman said troops killed 14 militants near Mopti on Monday.",
            {"actor.name": "Spokespersons (Mali)"},
        ),
        Example(
            "The Jenin Brigade, an armed group linked to Islamic Jihad, said its fighters clashed with Israeli"
            " troops in the camp on Wednesday.",
            {"event.event_type": "Battles"},
        ),
        Example(
            "IMPHAL, India, May 27 (Reuters) - Suspected Kuki militants killed three Meitei villagers in Bishnupur"
            " district of India's Manipur state on Sunday, police said.",
            {"!actor.name": "Suspected Kuki"},
        ),
    ],
)
def person(f: PersonPasses, name: str, start: int, end: int) -> ActorRef | None:
    """A name the model tags as a person, or capitalised words after a title, is a person (titles left out)."""
    return f.person_ref(name, start, end)


@rule(
    "actors.persons.affiliation_from_body",
    decides="actor.affiliation",
    positive=[
        Example(
            "Andriy Kovalenko, an official of Ukraine's National Security and Defense Council, said Russian "
            "drones struck Odesa overnight.",
            {"actor.affiliation": "National Security and Defense Council of Ukraine"},
        )
    ],
    negative=[
        Example(
            "Governor Oleh Kiper said Russian drones struck Odesa overnight.",
            {"actor.affiliation": "Government of Ukraine"},
        )
    ],
)
def body_affiliation(f: PersonPasses, window: tuple[int, int, int, int]) -> tuple[str, str | None, bool] | None:
    """A body named before the name or in its appositive is what the person speaks for.

    Returns (the body, its country, whether it is international).
    """
    pre_s, pre_e, post_s, post_e = window
    for s, e in ((post_s, post_e), (pre_s, pre_e)):
        inner = [m for m in f.mentions if s <= m.start and m.end <= e and not m.ref.person]
        if inner:
            body = inner[-1] if (s, e) == (pre_s, pre_e) else inner[0]
            # a UN official belongs to no state: the article's country is no fallback for them
            international = body.ref.country is None and body.ref.kind in ("organization", "external_forces")
            return body.ref.name, body.ref.country, international
    described = f.resolver.body(f.body_words(f"{f.text[pre_s:pre_e]} {f.text[post_s:post_e]}"))
    return (described.name, described.country, False) if described is not None else None


@rule(
    "actors.persons.affiliation_from_title",
    decides="actor.affiliation",
    positive=[
        Example(
            "Governor Oleh Kiper said Russian drones struck Odesa overnight.",
            {"actor.affiliation": "Government of Ukraine"},
        )
    ],
    negative=[
        Example(
            "Resident Olena Petrenko said Russian drones struck Odesa overnight.",
            {"actor.name": "Olena Petrenko", "!actor.affiliation": "Government of Ukraine"},
        )
    ],
)
def title_affiliation(f: PersonPasses, window: str, country: str | None) -> str | None:
    """A title gives the body a person speaks for: a president their government, a general their forces."""
    low = " ".join(_LOWER_WORDS.findall(window.lower()))
    title = max((t for t, rx in _title_patterns(f.roles) if rx.search(low)), key=len, default=None)
    if title is None or country is None:
        return None
    template = f.roles.title_affiliations[title]
    if template == "{military}":
        return f.resolver.state(country).name
    if template == "{police}":
        return f.resolver.state(country, "Police").name
    if template.startswith("Government"):
        return f.resolver.government(country).name
    return template.format(c=country_label(country))


class PersonPasses(FinderBase):
    """Persons, one actor per full name; shorter forms of the name join it."""

    # -- persons -------------------------------------------------------------------------------
    def find_persons(self) -> None:
        candidates = {(e.start_char, e.end_char) for e in entities(self.doc) if self._person_entity(e)}
        candidates.update(self._titled_names())
        full: dict[str, ActorRef] = {}
        singles: list[tuple[int, int, str]] = []
        for c_start, c_end in sorted(candidates):
            start, end, name = self._person_span(c_start, c_end)
            if not self._may_be_person(start, end, name):
                continue
            if len(name.split()) == 1:
                singles.append((start, end, name))
            else:
                self._full_name(full, start, end, name)
        # the same person later in the text, under a full name found earlier or later
        for m in self.mentions:
            if m.ref.person and m.ref.name in full:
                m.ref = full[m.ref.name]
        self._short_names(full, singles)

    def _person_entity(self, ent: Span) -> bool:
        return ent.label_ == "PERSON" or (ent.label_ == "ORG" and self._person_like(ent))

    def _may_be_person(self, start: int, end: int, name: str) -> bool:
        if not name or self.at(start, end) or self.is_location(start, end) or self._placed(start, end):
            return False
        if singular(name.split()[-1].lower()) in self.roles.not_person_heads:
            return False  # "the Jenin Brigade": a body, whatever the model tags it
        low = name.lower()
        if self._community_name(end, name):
            return False  # "Albu Ziyada tribal militants": a tribe, not a person
        if " " in name and low in self.resolver.places:
            return False  # "Wad al-Noura": a name of several words the document names as a place elsewhere
        first, _, rest = low.partition(" ")
        if rest and first in _AREA_WORDS and (country_in_words(rest.split()) or rest in self.resolver.places):
            return False  # "Central Mali has been a stronghold": a part of a country, not a person named Mali
        return not (low in self.roles.not_persons or country_in_words([name]) or self.table.by_alias(name))

    def _community_name(self, end: int, name: str) -> bool:
        """The name is followed by a kind of community ("tribal", "communal"), or is a known community before
        armed men ("Suspected Kuki militants"): it names a community, it is no person. An unknown name before
        armed men ("Katibat Tulkarm militants") stays: the group it names is kept under that name."""
        after = self.text[end : end + 14].split(maxsplit=1)
        if not after:
            return False
        word = after[0].lower().strip(".,;:")
        r = self.roles
        if word in self._kind_words:
            return True
        community = name.split()[-1] in r.ethnic_groups or name.split()[-1] in r.communal_groups
        return community and (singular(word) in r.rebel or singular(word) in r.armed_unknown)

    @property
    def _kind_words(self) -> frozenset[str]:
        return frozenset(word for word, _ in self.roles.militia_kinds)

    def _full_name(self, full: dict[str, ActorRef], start: int, end: int, name: str) -> None:
        """A name of two words or more: a person of its own, or a longer name's (already found) shorter form."""
        subject = self._is_subject(start, end)
        longer = [n for n in full if n != name and f" {name} " in f" {n} "]
        if longer:
            self.add(start, end, full[longer[0]], PERSON, subject=subject)
            return
        ref = person(self, name, start, end)
        if ref is None:
            return
        known = full.get(name)
        if known is None or (known.affiliation is None and ref.affiliation):
            full[name] = replace(ref, rule=person.name)
        self.add(start, end, full[name], PERSON, subject=subject)

    def _short_names(self, full: dict[str, ActorRef], singles: list[tuple[int, int, str]]) -> None:
        """One word of a full name ("Kuleba agreed"), tagged or not, is that person; another one-word
        name is a person when a title precedes it or it speaks."""
        tagged = {(s, e) for s, e, _ in singles}
        full_words = {w for n in full for w in n.split()}
        for i in self.token_ids(pos=_PROPN) if full else ():
            tok = self.toks[i]
            if (tok.idx, tok.idx + len(tok)) not in tagged and tok.text in full_words:
                singles.append((tok.idx, tok.idx + len(tok), tok.text))
        # each word of a full name -> the first full name that has it (one lookup per name, not a scan of all)
        first_with: dict[str, ActorRef] = {}
        for n, r in full.items():
            for w in n.split():
                first_with.setdefault(w, r)
        for start, end, name in singles:
            match = first_with.get(name)
            subject = self._is_subject(start, end)
            if match is not None:
                self.add(start, end, match, PERSON, subject=subject)
            elif self._title_before(start) or self._speaks(start, end):
                ref = person(self, name, start, end)
                if ref is not None:
                    self.add(start, end, replace(ref, rule=person.name), PERSON, subject=subject)

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
        return root.dep_ == "pobj" and root.head.lower_ in self.roles.place_prepositions

    def _person_like(self, ent: Span) -> bool:
        """An ORG entity that is really a person beside a role ("Another resident, Usmanu Abdullahi")."""
        words = ent.text.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            return False
        if singular(words[-1]) in self.roles.not_person_heads:
            return False
        root = ent.root
        return (
            root.dep_ == "appos" or self._title_before(ent.start_char) or any(c.dep_ == "appos" for c in root.children)
        )

    def _titled_names(self) -> list[tuple[int, int]]:
        """Names the model missed after a title: "Magami resident Kasimu Bello"."""
        found = []
        toks = self.toks
        for t in self.token_ids(lower=_title_ids(self.roles)):
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
        m = _POSSESSIVE_END.search(self.text[start:end])
        if m:
            end -= len(m.group(0))
        skip = {"the", "a", *self.roles.titles, *self.roles.ranks}
        while start < end and self.text[start:end].split()[0].lower() in skip:
            start += len(self.text[start:end].split()[0]) + 1
        name = " ".join(self.text[start:end].split())
        if not name[:1].isupper():
            return start, end, ""
        return start, end, name

    def _title_before(self, pos: int) -> bool:
        words = _WORDS.findall(self.text[max(0, pos - 30) : pos])
        return bool(words) and words[-1].lower() in self.roles.titles

    def _in_title(self, j: int) -> bool:
        """Whether token ``j`` belongs to the title phrase before a name ("US Secretary of State")."""
        toks = self.toks
        t = toks[j]
        if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.tag_ == "POS" or t.text in ("-", "'s", "’s"):
            return True
        if t.lower_ == "of" and j > 0 and toks[j - 1].pos_ in ("PROPN", "NOUN"):
            return True
        return t.text == "," and j > 0 and toks[j - 1].lower_ in self.roles.titles

    def _window(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Character ranges of the words before a name (its titles) and of an appositive after it."""
        s_start, s_end = self.sentence_bounds(start, end) or (0, len(self.text))
        # the title phrase right before the name: "Russian President", "Another resident,"
        first = self.span_at(start, end)
        i = first.start if first is not None else 0
        j = i - 1
        while j >= 0 and self.toks[j].idx >= s_start and self._in_title(j):
            j -= 1
        pre_start = self.toks[j + 1].idx if j + 1 < i else start
        post_start = post_end = end
        after = self.text[end:s_end]
        if after.startswith(",") and after[1:].lstrip()[:1] not in ('"', "“", "”", "'"):
            stop = _SPEECH_STOP.search(after[1:])
            post_end = end + 1 + (stop.start() if stop else len(after) - 1)
            post_start = end + 1
        return pre_start, start, post_start, post_end

    def person_ref(self, name: str, start: int, end: int) -> ActorRef:
        """The person named ``name`` at ``start:end``, with the body they speak for and their country."""
        window = self._window(start, end)
        pre_s, pre_e, post_s, post_e = window
        words = f"{self.text[pre_s:pre_e]} {self.text[post_s:post_e]}"
        affiliation, country, international, by = None, None, False, ""
        found = body_affiliation(self, window)
        if found is not None:
            (affiliation, country, international), by = found, body_affiliation.name
        country = country or country_in_words(words.replace("’", "'").split())
        if affiliation is None:
            affiliation = title_affiliation(self, words, country or self.home)
            by = title_affiliation.name if affiliation else ""
        if country is None and not international:
            places = [c for k in self.places_within(pre_s, post_e) if (c := self.loc_spans[k][2].country)]
            country = places[0] if places else self.home
        return ActorRef(name, "person", country, affiliation, person=True, affiliation_rule=by)

    def body_words(self, window: str) -> list[str]:
        """The words of an institution named in a title or appositive, up to its head noun."""
        m = _BODY_WORDS.search(window)
        if not m:
            return []
        words = m.group(1).replace("’", "'").split()
        for i in range(len(words) - 1, 0, -1):
            if singular(words[i]) in self.roles.institution_heads:
                return words[: i + 1]
        return []
