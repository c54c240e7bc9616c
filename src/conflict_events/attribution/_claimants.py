"""Claimant resolution: from a speaker phrase to an :class:`~conflict_events.schema.Actor` of the draft.

In order (``docs/claims.md``):

1. a pronoun or a definite description ("he", "it", "the ministry") goes through
   :class:`~.coref.Coreference` to an earlier speaker or subject;
2. an actor the actors extractor already found at the speaker's head is used as is;
3. otherwise an actor is built from the phrase: a person (the name, with the
   body they speak for as ``affiliation``), a capital or a state named as speaker
   ("Moscow", "Ukraine claims") as that state's government, or an organisation or
   group named by the phrase ("hospital sources", "the Syrian Observatory for
   Human Rights");
4. the country comes from the phrase itself ("Ukraine's", "Syrian"; never an
   "X-based" seat), then from a place named in it, then from the body the
   person speaks for, else the document's main country; international bodies
   (the UN, UNICEF, the ICRC) have none.

Every actor used gets the speaker phrase as a mention; a new actor is appended to
``draft.actors``, so every claimant is in the result.

>>> from datetime import date
>>> from conflict_events.draft import Draft
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> text = "Kremlin aide Yuri Ushakov said talks failed. Moscow said it would respond."
>>> draft = Draft(Document(id="d", text=text, date=date(2025, 1, 5)))
>>> doc = load_language_model()(text)
>>> resolver = ClaimantResolver(doc, draft, [])
>>> resolver.resolve(doc[3], (0, 4)).name, resolver.resolve(doc[8], (8, 9)).name
('Yuri Ushakov', 'Government of Russia')
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Final

from .._doccache import entities
from .._docindex import ends, starts
from ..actors._canonical import generic_name, government_of, military_forces, police_forces, same_actor_name
from ..actors._role_words import REBEL
from ..lexicons._countries import capital_government, country_from_demonym, country_from_name
from ..schema import Actor
from ..schema._types import ActorKind
from ._coref import Coreference, is_definite, is_document
from ._cues import ANONYMOUS_SOURCES
from ._quotes import Quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..draft import Draft

__all__ = ["INTERNATIONAL", "ClaimantResolver"]

# International bodies: a claimant with no country.
INTERNATIONAL: Final = frozenset(
    {
        "un",
        "united nations",
        "unicef",
        "who",
        "world health organization",
        "icrc",
        "red cross",
        "international committee of the red cross",
        "msf",
        "doctors without borders",
        "medecins sans frontieres",
        "amnesty international",
        "amnesty",
        "human rights watch",
        "hrw",
        "nato",
        "african union",
        "au",
        "eu",
        "european union",
        "ocha",
        "unhcr",
        "wfp",
        "world food programme",
        "iom",
        "unama",
        "unmiss",
        "monusco",
        "minusma",
        "amisom",
        "atmis",
        "iaea",
        "osce",
        "icc",
        "international criminal court",
        "world bank",
        "imf",
        "save the children",
        "oxfam",
        "acled",
        "ucdp",
        "un security council",
        "security council",
        "ohchr",
        "unrwa",
        "un human rights office",
        "arab league",
        "ecowas",
        "igad",
        "asean",
        "opcw",
        "interpol",
    }
)
_GOVERNMENT_ROLES: Final = frozenset({"president", "minister", "prime", "premier", "chancellor", "king", "emir"})
_FORCE_HEADS: Final = frozenset({"military", "army", "forces", "force", "troops", "navy", "command", "staff"})
_POLICE_HEADS: Final = frozenset({"police", "gendarmerie"})
_ORG_HINTS: Final = frozenset(
    {
        "ministry",
        "agency",
        "observatory",
        "council",
        "office",
        "organisation",
        "organization",
        "committee",
        "department",
        "service",
        "commission",
        "bureau",
        "directorate",
        "authority",
        "authorities",
    }
)
_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them"})
_BODY_WORDS: Final = (
    _FORCE_HEADS
    | _POLICE_HEADS
    | _ORG_HINTS
    | frozenset(
        {
            "junta",
            "group",
            "government",
            "observatory",
            "movement",
            "militia",
            "party",
            "regime",
            "presidency",
        }
    )
)
_ROLE_WORDS: Final = frozenset(
    {
        "head",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "director",
        "member",
        "resident",
        "commander",
        "leader",
        "minister",
        "president",
        "aide",
        "adviser",
        "advisor",
        "secretary",
        "officer",
    }
)
_SPOKES_WORDS: Final = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Offices one named person holds: "the governor" can stand for the governor the article names.
_OFFICES: Final = frozenset(
    {
        "governor",
        "mayor",
        "minister",
        "president",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "prosecutor",
        "ambassador",
        "envoy",
        "prefect",
        "administrator",
        "chief",
    }
)
_POSSESSIVE: Final = re.compile(r"['\u2019]s?$")


class ClaimantResolver:
    """Resolves the speakers of one document to actors, remembering them for later references."""

    def __init__(self, doc: Doc, draft: Draft, quotes: list[Quotation]) -> None:
        self.doc = doc
        self.draft = draft
        self.coref = Coreference(doc, quotes)
        self._main_country = _main_country(doc, draft)

    def resolve(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """The actor a speaker phrase (token range ``phrase``, head ``head``) names; noted for coreference."""
        if head.lower_ == "another":
            # "Security sources said ... Another said ...": one more of the last group of speakers
            entry = self.coref.resolve_group(head)
            if entry is None or entry.actor is None:
                return None
            actor = self._with_mention(entry.actor, head.i, head.i + 1)
            self.coref.note(head, actor, kind="person")  # "He added" after it is the same source
            return actor
        body = self._spoken_for(head, phrase)
        if body is not None:
            actor = self._with_mention(body, head.i, head.i + 1)
            self.coref.note(head, actor, kind="person")
            return actor
        if head.lower_ in _PRONOUNS or is_definite(head) or is_document(head):
            entry = self.coref.resolve(head)
            if entry is None:
                if head.lower_ in _PRONOUNS or is_document(head):
                    return None
                actor = self._build(head, phrase)
            elif entry.actor is None:
                actor = self._build(self.doc[entry.head], _phrase_of(self.doc[entry.head]))
                entry.actor = actor
            else:
                actor = entry.actor
            actor = self._with_mention(actor, head.i, head.i + 1)
        else:
            existing = self._existing(head) or self._named_holder(head, phrase)
            actor = existing or self._build(head, phrase)
            if (
                existing is not None
                and existing.kind == "person"
                and (existing.affiliation is None or existing.country is None)
            ):
                actor = self._complete_person(existing, head, phrase)
            actor = self._with_mention(actor, *_name_range(head, phrase))
        self.coref.note(head, actor)
        return actor

    def _existing(self, head: Token) -> Actor | None:
        lo, hi = _name_range(head, (head.i, head.i + 1))
        found = self.draft.actor_at(self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text))
        if found is not None and found.kind == "person" and not _covers(found, head):
            found = None  # a person entity cut short ("Ashraf Al" of "Ashraf Al-Qudra") is not this name
        if found is None and head.pos_ == "NOUN" and head.tag_ == "NNS":
            # "M23 rebels": the named group in the head's compound, not the common noun
            for c in head.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "NORP"):
                    hit = self.draft.actor_at(c.idx, c.idx + len(c.text))
                    if hit is not None and hit.kind != "person":
                        return hit
        if (
            (found is None or (found.kind == "person" and found.name == head.text))
            and head.pos_ == "PROPN"
            and hi - lo == 1
        ):
            # "Maikera said" after "Ashafa Maikera": a surname alone is the person named in full before
            for a in self.draft.actors:
                if (
                    a.kind == "person"
                    and a.name.split()[-1] == head.text
                    and a.name != head.text
                    and any(m.start < head.idx for m in a.mentions)
                ):
                    return a
        return found

    def _named_holder(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """ "the regional governor said" when the article names him elsewhere ("Kharkiv regional governor
        Oleh Syniehubov"): that person, if exactly one named holder of the office fits the description.
        """
        if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in _OFFICES:
            return None
        kids = list(head.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
            return None
        # every word describing the office must be there too: "the defence minister" is no foreign minister
        described = {c.lower_ for c in kids if c.dep_ in ("amod", "compound")}
        office = head.lemma_.lower()
        holders: dict[str, Token] = {}
        for ent in entities(self.doc):
            if ent.label_ != "PERSON" or phrase[0] <= ent.start < phrase[1]:
                continue
            title = self.doc[ent.start - 1] if ent.start > 0 else None
            if title is None or title.lemma_.lower() != office:
                title = ent.root.head if ent.root.dep_ == "appos" else None  # "the governor, Oleh Syniehubov,"
            if title is None or title.lemma_.lower() != office:
                # "David Lokonga Moses, the governor of surrounding Yei River State,"
                title = next((c for c in ent.root.children if c.dep_ == "appos" and c.lemma_.lower() == office), None)
            if title is None:
                continue
            around = {t.lower_ for t in self.doc[max(title.left_edge.i, title.i - 4) : title.right_edge.i + 1]}
            if described <= around:
                holders.setdefault(ent.text, ent.root)
        if len(holders) != 1:
            return None
        person = next(iter(holders.values()))
        return self.draft.actor_at(person.idx, person.idx + len(person.text)) or self._build(person, _phrase_of(person))

    def _spoken_for(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """ "a spokesman for the local People's Defence Force", "an army spokesman": the body he speaks for.

        Only for an unnamed spokesperson: a named one is a person with that affiliation.
        """
        if head.pos_ != "NOUN" or head.lemma_.lower() not in _SPOKES_WORDS:
            return None
        doc = self.doc
        for t in doc[phrase[0] : phrase[1]]:
            if t.i == head.i or t.lower_ in _ROLE_WORDS:
                continue
            if t.dep_ in ("pobj", "poss", "compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ"):
                found = self.draft.actor_at(t.idx, t.idx + len(t.text))
                if (
                    found is not None
                    and found.kind not in ("person", "unknown")
                    and found.mentions
                    and not any(m.start <= head.idx < m.end for m in found.mentions)
                ):
                    return found
        for t in doc[phrase[0] : phrase[1]]:
            if t.i != head.i and t.dep_ in ("pobj", "compound", "amod") and t.lemma_.lower() in _BODY_WORDS:
                return self._build(t, (t.left_edge.i, t.i + 1))
        return None

    def _build(self, head: Token, phrase: tuple[int, int]) -> Actor:
        doc = self.doc
        lo, hi = _name_range(head, phrase)
        name_text = _clean(doc[lo:hi].text)
        full = doc[phrase[0] : phrase[1]]
        country = self._country(head, phrase)
        kind: ActorKind
        affiliation = None
        lower = name_text.lower()
        if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and _role_before(head)):
            kind = "person"
            affiliation = self._affiliation(head, phrase, country)
        elif lower in INTERNATIONAL or _acronym_of_international(name_text):
            kind, country = "organization", None
        elif capital_government(name_text) or country_from_name(name_text):
            code = capital_government(name_text) or country_from_name(name_text)
            kind, country = "government", code
            name_text = government_of(code) if code else name_text
        elif head.lemma_.lower() == "government" and head.pos_ == "NOUN" and country:
            kind, name_text = "government", government_of(country)  # "the government says"
        elif head.lower_ in _FORCE_HEADS and _rebel_modified(head) and country:
            # "Rebel forces in the country's civil war said": an armed group, not the state's forces
            kind, name_text = "rebel_group", generic_name("Unidentified Armed Group", country)
        elif head.lower_ in _FORCE_HEADS and not any(t.ent_type_ == "ORG" for t in full) and country:
            kind, name_text = "state_forces", military_forces(country, self.draft.document.date)
        elif head.lower_ in _POLICE_HEADS and country:
            kind, name_text = "state_forces", police_forces(country, self.draft.document.date)
        elif head.lower_ in ANONYMOUS_SOURCES:
            kind, name_text = "unknown", _clean(full.text) if len(full) <= 6 else name_text
        elif head.ent_type_ in ("ORG",) or head.lemma_.lower() in _ORG_HINTS or head.pos_ == "PROPN":
            kind, name_text = "organization", _org_name(full.text) if len(full) <= 8 else _org_name(name_text)
        else:
            kind, name_text = "unknown", _clean(full.text) if len(full) <= 8 else name_text
        return self._register(name_text or head.text, kind, country, affiliation)

    def _complete_person(self, actor: Actor, head: Token, phrase: tuple[int, int]) -> Actor:
        """Fill in the body a known person speaks for, and their country, from the speaker phrase."""
        country = actor.country or self._country(head, phrase)
        affiliation = actor.affiliation or self._affiliation(head, phrase, country)
        if (country, affiliation) == (actor.country, actor.affiliation):
            return actor
        updated = actor.model_copy(update={"country": country, "affiliation": affiliation})
        self.draft.actors[:] = [updated if a.id == actor.id else a for a in self.draft.actors]
        return updated

    def _draft_actor(self, name: str) -> Actor | None:
        """The draft's actor of a canonical name, the regime years aside: "Military Forces of Somalia"
        is the actors extractor's "Military Forces of Somalia (2022-)"."""
        return next((a for a in self.draft.actors if same_actor_name(a.name, name)), None)

    def _known_name(self, name: str) -> str:
        """The draft's own spelling of a canonical name."""
        known = self._draft_actor(name)
        return known.name if known is not None else name

    def _register(self, name: str, kind: ActorKind, country: str | None, affiliation: str | None) -> Actor:
        known = self._draft_actor(name)
        if known is not None:
            return known
        actor = Actor(
            id=self.draft.new_id("actor", "claimant", name.lower()),
            name=name,
            kind=kind,
            country=country,
            affiliation=affiliation,
        )
        self.draft.actors.append(actor)
        return actor

    def _with_mention(self, actor: Actor, lo: int, hi: int) -> Actor:
        """Add the mention to the actor in the draft (replacing it, same id)."""
        start, end = starts(self.doc)[lo], ends(self.doc)[hi - 1]
        for i, a in enumerate(self.draft.actors):
            if a.id == actor.id:
                span = self.draft.span(start, end)
                # ``span in a.mentions``, comparing whole models only where the offsets agree
                if any(m.start == start and m.end == end and m == span for m in a.mentions):
                    return a
                updated = a.model_copy(update={"mentions": tuple(sorted((*a.mentions, span), key=lambda m: m.start))})
                self.draft.actors[i] = updated
                for e in self.coref.entries:
                    if e.actor is not None and e.actor.id == actor.id:
                        e.actor = updated
                return updated
        self.draft.actors.append(actor)
        return actor

    def _country(self, head: Token, phrase: tuple[int, int]) -> str | None:
        doc = self.doc
        tokens = list(doc[phrase[0] : phrase[1]])
        if head.pos_ == "PROPN" and (
            head.ent_type_ == "PERSON" or _role_before(head) or any(c.dep_ == "appos" for c in head.children)
        ):
            # a person's own name is no place ("Abdi Farah" is not Farah province)
            lo, hi = _name_range(head, phrase)
            tokens = [t for t in tokens if not lo <= t.i < hi]
        for t in tokens:
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if (
                nxt is not None
                and nxt.text in ("-", "\u2011")
                and t.i + 2 < len(doc)
                and doc[t.i + 2].lower_ == "based"
            ):
                continue  # "Britain-based": a seat, not a nationality
            code = _country_word(t)
            if code:
                return code
        for t in tokens:
            loc = self.draft.location_at(t.idx, t.idx + len(t.text))
            if loc is not None and loc.country:
                return loc.country
        name = _clean(doc[phrase[0] : phrase[1]].text).lower()
        if name in INTERNATIONAL:
            return None
        entry_org = self._affiliated_actor(head, phrase)
        if entry_org is not None:
            return entry_org.country
        if head.pos_ == "PROPN":
            code = _country_elsewhere(head)
            if code:
                return code
        return self._main_country

    def _affiliation(self, head: Token, phrase: tuple[int, int], country: str | None) -> str | None:
        org = self._affiliated_actor(head, phrase)
        if org is not None:
            return org.name
        doc = self.doc
        for ent in entities(doc):
            if (
                ent.label_ == "ORG"
                and phrase[0] <= ent.start
                and ent.end <= phrase[1]
                and head.i not in range(ent.start, ent.end)
            ):
                return _clean(re.sub(r"^[A-Z][\w.-]*['\u2019]s\s+", "", ent.text))
        roles = {t.lemma_.lower() for t in doc[phrase[0] : phrase[1]]}
        if roles & _GOVERNMENT_ROLES and country:
            return government_of(country)
        name_lo, name_hi = _name_range(head, phrase)
        if country and not any(t.ent_type_ == "ORG" for t in doc[phrase[0] : phrase[1]]):
            # "a military officer, Captain Hussein Ali": the state's forces, by their known name if any
            for t in doc[phrase[0] : phrase[1]]:
                # only the role's own word: "its military operations spokesman" speaks for "its" owner
                own = (
                    not name_lo <= t.i < name_hi
                    and t.dep_ in ("amod", "compound")
                    and t.head.lemma_.lower() in _ROLE_WORDS | _SPOKES_WORDS
                    and not any(c.dep_ == "poss" for c in t.head.children)
                )
                if own and t.lower_ in ("military", "army"):
                    return self._known_name(military_forces(country, self.draft.document.date))
                if own and t.lower_ in _POLICE_HEADS:
                    return self._known_name(police_forces(country, self.draft.document.date))
        for t in doc[phrase[0] : phrase[1]]:
            # "police spokesman X", "a spokesman for the junta": the body, as written, when no actor names it
            if not name_lo <= t.i < name_hi and t.dep_ in ("pobj", "compound") and t.lemma_.lower() in _BODY_WORDS:
                return _clean(doc[t.left_edge.i : t.i + 1].text)
        return None

    def _affiliated_actor(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """An earlier speaker named inside this phrase ("Observatory head Rami Abdel Rahman")."""
        doc = self.doc
        words = {t.lower_ for t in doc[phrase[0] : phrase[1]] if t.pos_ in ("PROPN", "NOUN") and t.i != head.i}
        words -= _ROLE_WORDS
        if not words:
            return None
        for e in reversed(self.coref.entries):
            if e.actor is not None and e.actor.kind != "person" and e.at < head.idx:
                name = e.actor.name.lower()
                if any(w in name.split() for w in words if len(w) > 3):
                    return e.actor
        # "Their spokesman, Yahya Saree": the body a possessive pronoun in the phrase refers to
        for t in doc[phrase[0] : phrase[1]]:
            if t.dep_ == "poss" and t.lower_ in ("their", "its"):
                entry = self.coref.resolve(t)
                if entry is not None and entry.actor is not None and entry.actor.kind != "person":
                    return entry.actor
        # "a spokesman for the junta, Zaw Min Tun", "police spokesman John Mwangi": a body named in the phrase
        name_lo, name_hi = _name_range(head, phrase)
        for t in doc[phrase[0] : phrase[1]]:
            if name_lo <= t.i < name_hi or t.lower_ in _ROLE_WORDS:
                continue
            if t.dep_ in ("pobj", "poss", "compound") and t.pos_ in ("NOUN", "PROPN"):
                found = self.draft.actor_at(t.idx, t.idx + len(t.text))
                if found is not None and found.kind != "person":
                    return found
        return None


def _covers(actor: Actor, t: Token) -> bool:
    return any(m.start <= t.idx < m.end for m in actor.mentions)


def _phrase_of(t: Token) -> tuple[int, int]:
    return (t.left_edge.i, t.right_edge.i + 1)


def _name_range(head: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """The name inside a speaker phrase: a person's name, or the head with its compounds and possessor."""
    doc = head.doc
    lo = head.i
    if head.pos_ == "PROPN":
        while lo - 1 >= phrase[0] and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat"):
            if head.ent_type_ == "PERSON" and doc[lo - 1].ent_type_ != "PERSON":
                break
            lo -= 1
        while lo - 2 >= 0 and doc[lo - 1].text == "-" and not doc[lo - 2].whitespace_ and doc[lo - 2].is_alpha:
            lo -= 2  # "Ashraf Al-Qudra": a hyphenated name is one name
            while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat"):
                lo -= 1
        return (lo, head.i + 1)
    lo = max(phrase[0], head.left_edge.i)
    while lo < head.i and doc[lo].lower_ in ("the", "a", "an", "another"):
        lo += 1
    hi = head.i + 1
    for c in head.children:
        if c.i > head.i and c.dep_ == "prep" and c.lower_ in ("of", "for"):
            hi = max(hi, c.right_edge.i + 1)
    return (lo, min(hi, phrase[1]) if phrase[1] > head.i else hi)


def _rebel_modified(head: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in REBEL for c in head.children)


def _role_before(head: Token) -> bool:
    return any(c.dep_ in ("compound", "appos") and c.pos_ == "NOUN" for c in head.children)


def _clean(text: str) -> str:
    text = re.sub(r"^(the|a|an|another)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^[\w.]+-based\s+", "", text)  # "Britain-based": a seat, not part of the name
    return text.strip(" ,")


def _org_name(text: str) -> str:
    """An organisation's name without its state's possessive ("Somalia's National ... Agency")."""
    cleaned = _clean(text)
    m = re.match(r"^([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)['\u2019]s\s+(.+)$", cleaned)
    if m and (country_from_name(m.group(1)) or capital_government(m.group(1))) and m.group(2)[:1].isupper():
        return m.group(2)
    return cleaned


def _country_word(t: Token) -> str | None:
    if t.ent_type_ == "GPE" or (t.pos_ == "PROPN" and t.dep_ == "poss"):
        # "South Sudan's": the whole entity's name, not its last word alone
        name = _entity_text(t) if t.ent_type_ == "GPE" else t.text
        return country_from_name(_POSSESSIVE.sub("", name)) or capital_government(name)
    if t.ent_type_ == "NORP" or t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.text[:1].isupper()):
        # "Russian Defence Ministry", "Syrian Observatory": the nationality inside a name
        return country_from_demonym(t.text)
    return None


def _entity_text(t: Token) -> str:
    """The text of the entity ``t`` is part of (spaCy's IOB tags), without a trailing possessive."""
    doc, lo, hi = t.doc, t.i, t.i + 1
    while t.ent_iob_ == "I" and lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return doc[lo:hi].text


def _country_elsewhere(head: Token) -> str | None:
    """A name's nationality from another mention of it ("Ukrainian President Volodymyr Zelenskyy")."""
    doc = head.doc
    for t in doc:
        if t.i == head.i or t.text != head.text:
            continue
        for m in doc[t.left_edge.i : t.i]:
            code = _country_word(m)
            if code:
                return code
    return None


def _acronym_of_international(name: str) -> bool:
    return name.isupper() and name.lower() in INTERNATIONAL


def _main_country(doc: Doc, draft: Draft) -> str | None:
    """The country the document is mostly about: the most mentioned country among its places."""
    votes: Counter[str] = Counter()
    for loc in draft.locations:
        if loc.country:
            votes[loc.country] += max(1, len(loc.mentions))
    if not votes:
        for ent in entities(doc):
            code = None
            if ent.label_ == "GPE":
                code = country_from_name(ent.text) or capital_government(ent.text)
            elif ent.label_ == "NORP":
                code = country_from_demonym(ent.text)
            if code:
                votes[code] += 1
    return votes.most_common(1)[0][0] if votes else None
