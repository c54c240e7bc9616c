"""Claimant resolution: from a speaker phrase to an :class:`~conflict_events.schema.Actor` of the document.

The resolution rules, in order (:data:`RESOLVE_RULES`, ``docs/claims.md``):

1. "Another said" is one more of the last group of speakers;
2. an unnamed spokesperson speaks for the body named in the phrase;
3. a pronoun or a definite description ("he", "it", "the ministry") goes through
   :class:`~.coref.Coreference` to an earlier speaker or subject;
4. an actor the actors extractor already found at the speaker's name (or, for a surname
   alone, the person named in full before) is used as is;
5. an office with no name ("the governor") is the one person the article names with it;
6. otherwise an actor is built from the phrase (:mod:`._claimant_kinds`): a person (the
   name, with the body they speak for as ``affiliation``), a capital or a state named as
   speaker as that state's government, the state's forces, an organisation, ...

The country comes from the phrase itself ("Ukraine's", "Syrian"; never an "X-based" seat),
then from a place named in it, then from the body the person speaks for, else the
document's main country; international bodies (the UN, UNICEF, the ICRC) have none.

Every actor used gets the speaker phrase as a mention; a new actor is appended to the
``actors`` list the resolver was given, so every claimant is in the result.

>>> from datetime import date
>>> from conflict_events.draft import Draft
>>> from conflict_events.nlp import load_language_model
>>> from conflict_events.schema import Document
>>> text = "Kremlin aide Yuri Ushakov said talks failed. Moscow said it would respond."
>>> draft = Draft(Document(id="d", text=text, date=date(2025, 1, 5)))
>>> doc = load_language_model()(text)
>>> resolver = ClaimantResolver(doc, draft.document, draft.actors, draft.locations, [], new_id=draft.new_id)
>>> resolver.resolve(doc[3], (0, 4)).name, resolver.resolve(doc[8], (8, 9)).name
('Yuri Ushakov', 'Government of Russia')
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Final, TypeVar

from .._doccache import entities
from .._docindex import doc_index, ends, kids, starts
from ..actors._canonical import government_of, military_forces, police_forces, same_actor_name
from ..lexicons._countries import capital_government, country_from_demonym, country_from_name
from ..rules import Decided, Example, first, rule
from ..schema import Actor, Document, Location, Span
from ..schema._types import ACLED_ACTOR_KINDS, ActorKind
from ._attribution_lexicon import AttributionLexicon
from ._claimant_kinds import BUILD_RULES, Phrase, clean
from ._coref import Coreference, Entry, coordinated, is_definite, is_document
from ._quotes import Quotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TextSpan

__all__ = ["RESOLVE_RULES", "ClaimantResolver"]

# the sides of a conflict (ACLED's actor types and governments): their claims are compared, so a coordination of
# them names one claimant each (``each_conjunct``)
_SIDE_KINDS: Final = frozenset((*ACLED_ACTOR_KINDS, "government"))
_POSSESSIVE: Final = re.compile(r"['\u2019]s?$")
_T = TypeVar("_T", Actor, Location)


def _at(records: Iterable[_T], start: int, end: int) -> _T | None:
    """The record with a mention overlapping ``start:end``; the tightest such mention wins."""
    best: tuple[int, _T] | None = None
    for r in records:
        for m in r.mentions:
            if m.start < end and start < m.end and (best is None or m.end - m.start < best[0]):
                best = (m.end - m.start, r)
    return best[1] if best else None


class ClaimantResolver:
    """Resolves the speakers of one document to actors, remembering them for later references.

    ``actors`` is the document's list of actors: the resolver reads it, completes the actors it
    uses and appends the ones it builds. ``new_id`` makes a stable id from parts (the draft's).
    """

    def __init__(
        self,
        doc: Doc,
        document: Document,
        actors: list[Actor],
        locations: Sequence[Location],
        quotes: list[Quotation],
        *,
        new_id: Callable[..., str],
        lexicon: AttributionLexicon | None = None,
    ) -> None:
        self.doc = doc
        self.document = document
        self.actors = actors
        self.locations = locations
        self.new_id = new_id
        self.lex = lexicon or AttributionLexicon.load()
        self.coref = Coreference(doc, quotes, self.lex)
        self._main_country = _main_country(doc, locations)
        # per actor id: the mentions last measured and how far back a mention covering an offset may start
        # (the longest mention; -1 when the mentions are not sorted by start)
        self._reach: dict[str, tuple[tuple[Span, ...], int]] = {}

    def covers(self, actor: Actor, t: Token) -> bool:
        """Whether one of the actor's mentions covers the token: only the mentions that start within the
        longest mention's length before it are read (a speaker the text names thousands of times made each
        claim a scan of all of them)."""
        mentions = actor.mentions
        if len(mentions) < 32:
            return _covers(actor, t)
        got = self._reach.get(actor.id)
        if got is None or got[0] is not mentions:
            got = self._reach[actor.id] = (mentions, _reach(mentions))
        reach, idx = got[1], t.idx
        if reach < 0:
            return _covers(actor, t)
        lo = bisect_left(mentions, idx - reach, key=_start)
        hi = bisect_right(mentions, idx, key=_start)
        return any(idx < m.end for m in mentions[lo:hi])

    def resolve(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """The actor a speaker phrase (token range ``phrase``, head ``head``) names; noted for coreference."""
        found = self.decide(head, phrase)
        return found.value if found is not None else None

    def decide(self, head: Token, phrase: tuple[int, int]) -> Decided[Actor] | None:
        """The actor a speaker phrase names and the rule that decided it; ``None`` when nobody is named."""
        found = first(RESOLVE_RULES, self, head, phrase)
        if found is None or not isinstance(found.value, Actor):
            return None  # a reference to nobody: no claimant (the rule that said so is in the trace)
        return Decided(found.value, found.rule)

    def decide_each(self, head: Token, phrase: tuple[int, int]) -> tuple[list[Decided[Actor]], str | None]:
        """The claimants a speaker phrase names, each with the rule that decided it: one for each speaker of a
        coordination (``each_conjunct``, whose name comes second), else the one :meth:`decide` gives."""
        parts = each_conjunct(self, head, phrase)
        if not parts:
            found = self.decide(head, phrase)
            return ([found] if found is not None else []), None
        out: list[Decided[Actor]] = []
        for t, own in parts:
            found = self.decide(t, own)
            if found is not None and all(d.value.id != found.value.id for d in out):
                out.append(found)
        return out, each_conjunct.name if len(out) > 1 else None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The document's actor with a mention overlapping ``start:end`` (the tightest)."""
        return _at(self.actors, start, end)

    def existing(self, head: Token) -> Actor | None:
        """An actor of the document at the speaker's name, or a group named in its compound ("M23 rebels")."""
        lo, hi = name_range(head, (head.i, head.i + 1))
        found = self.actor_at(self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text))
        if found is not None and found.kind == "person" and not self.covers(found, head):
            found = None  # a person entity cut short ("Ashraf Al" of "Ashraf Al-Qudra") is not this name
        if (
            found is not None
            and found.kind == "person"
            and _other_person(found, self.doc[head.left_edge.i : hi], self.lex)
        ):
            found = None  # "Muhammad Ijaz Khan" is not the "Zafar Khan" the text names with the same surname
        if found is None and head.pos_ == "NOUN" and (head.tag_ == "NNS" or head.lemma_.lower() in self.lex.body_words):
            # "M23 rebels", "the al Qaeda-linked al Shabaab group": the named group in the head's compound, not the
            # common noun
            for c in head.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "NORP"):
                    hit = self.actor_at(c.idx, c.idx + len(c.text))
                    if hit is not None and hit.kind != "person":
                        return hit
        return found

    def named_holder(self, head: Token, phrase: tuple[int, int], *, build: bool = True) -> Actor | None:
        """The one person the article names with the office a description names ("the regional governor")."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in self.lex.offices:
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
            title = _title_of(ent.root, ent.start, office)
            if title is None:
                continue
            around = {t.lower_ for t in self.doc[max(title.left_edge.i, title.i - 4) : title.right_edge.i + 1]}
            if described <= around:
                holders.setdefault(ent.text, ent.root)
        if not holders:
            return None
        if len(holders) > 1:
            # several hold the office ("the candidate" in a race): the one named last before the description
            named = [t for t in holders.values() if t.i < head.i]
            if not named:
                return None
            holders = {"": max(named, key=lambda t: t.i)}
        person = next(iter(holders.values()))
        found = self.actor_at(person.idx, person.idx + len(person.text))
        return found if found is not None or not build else self.build(person, phrase_of(person)).value

    def link_descriptions(self) -> None:
        """Each definite role description among the subjects ("the Vermont senator toured ...") becomes a
        mention of the person it refers to (``_holder_of``'s reading, with no actor built for it): a later
        "he" whose antecedent is the description names that person too."""
        lex = self.lex
        for e in list(self.coref.entries):
            t = self.doc[e.head]
            if e.speaker or t.pos_ != "NOUN" or t.tag_ != "NN" or t.lemma_.lower() not in lex.offices:
                continue
            office = t.lemma_.lower()
            kids = list(t.children)
            if office in lex.spokespersons or not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
                continue
            if any(c.dep_ in ("poss", "appos") or c.ent_type_ == "PERSON" for c in kids):
                continue
            if self.actor_at(t.idx, t.idx + len(t.text)) is not None:
                continue
            actor = self.named_holder(t, phrase_of(t), build=False)
            if actor is None:
                entry = self.coref.role_holder(t, partial(_fits_role, office=office))
                ref = self.doc[entry.head] if entry is not None else None
                actor = None if entry is None or ref is None else entry.actor or self.actor_at(ref.idx, ref.idx + 1)
            if actor is not None and actor.kind == "person":
                self.with_mention(actor, *name_range(t, phrase_of(t)))

    def spoken_for(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """The body an unnamed spokesperson speaks for: an actor or a body word named in the phrase."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in self.lex.spokespersons:
            return None
        doc = self.doc
        for t in doc[phrase[0] : phrase[1]]:
            if t.i == head.i or t.lower_ in self.lex.roles:
                continue
            if t.dep_ in ("pobj", "poss", "compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ"):
                found = self.actor_at(t.idx, t.idx + len(t.text))
                if (
                    found is not None
                    and found.kind not in ("person", "unknown")
                    and found.mentions
                    and not any(m.start <= head.idx < m.end for m in found.mentions)
                ):
                    return found
        for t in doc[phrase[0] : phrase[1]]:
            if t.i != head.i and t.dep_ in ("pobj", "compound", "amod") and t.lemma_.lower() in self.lex.body_words:
                return self.build(t, (t.left_edge.i, t.i + 1)).value
        return None

    def build(self, head: Token, phrase: tuple[int, int]) -> Decided[Actor]:
        """A new actor (or the document's actor of the same canonical name) from a speaker phrase."""
        doc = self.doc
        lo, hi = name_range(head, phrase)
        name = clean(doc[lo:hi].text)
        full = doc[phrase[0] : phrase[1]]
        country = self._country(head, phrase)
        found = first(BUILD_RULES, Phrase(head, full, name, country, self.lex, self.document.date))
        kind: ActorKind
        if found is None:
            kind, built, rule_name = (
                "unknown",
                clean(full.text) if len(full) <= 8 else name,
                "claims.claimant_kind.unknown",
            )
        else:
            (kind, built, country), rule_name = found.value, found.rule
        affiliation = self._affiliation(head, phrase, country) if kind == "person" else None
        return Decided(self._register(built or head.text, kind, country, affiliation), rule_name)

    def complete_person(self, actor: Actor, head: Token, phrase: tuple[int, int]) -> Actor:
        """Fill in the body a known person speaks for, and their country, from the speaker phrase."""
        if actor.kind != "person" or (actor.affiliation is not None and actor.country is not None):
            return actor
        country = actor.country or self._country(head, phrase)
        affiliation = actor.affiliation or self._affiliation(head, phrase, country)
        if (country, affiliation) == (actor.country, actor.affiliation):
            return actor
        updated = actor.model_copy(update={"country": country, "affiliation": affiliation})
        self.actors[:] = [updated if a.id == actor.id else a for a in self.actors]
        return updated

    def _draft_actor(self, name: str) -> Actor | None:
        """The document's actor of a canonical name, the regime years aside: "Military Forces of Somalia"
        is the actors extractor's "Military Forces of Somalia (2022-)"."""
        return next((a for a in self.actors if same_actor_name(a.name, name)), None)

    def _known_name(self, name: str) -> str:
        """The document's own spelling of a canonical name."""
        known = self._draft_actor(name)
        return known.name if known is not None else name

    def people(self, head: Token) -> Actor:
        """The group of the people a coordination of names names ("Mike Crapo and Jim Risch")."""
        last = max((c for c in head.children if c.dep_ == "conj"), key=lambda c: c.i)
        lo, hi = name_range(head, phrase_of(head))[0], name_range(last, phrase_of(last))[1]
        return self._register(clean(self.doc[lo:hi].text), "unknown", self._country(head, (lo, hi)), None)

    def group_of(self, name: str) -> Actor:
        """The group of people ``name`` names ("Amina Bello and her aides")."""
        return self._register(name, "unknown", None, None)

    def _register(self, name: str, kind: ActorKind, country: str | None, affiliation: str | None) -> Actor:
        known = self._draft_actor(name)
        if known is not None:
            return known
        actor = Actor(
            id=self.new_id("actor", "claimant", name.lower()),
            name=name,
            kind=kind,
            country=country,
            affiliation=affiliation,
        )
        self.actors.append(actor)
        return actor

    def with_mention(self, actor: Actor, lo: int, hi: int) -> Actor:
        """Add the mention to the actor in the document's list (replacing it, same id)."""
        start, end = starts(self.doc)[lo], ends(self.doc)[hi - 1]
        for i, a in enumerate(self.actors):
            if a.id == actor.id:
                span = Span.of(self.document.text, start, end)
                # ``span in a.mentions``, comparing whole models only where the offsets agree
                # the mentions are sorted by start: only those starting here can be the same (bisection, not a scan)
                at = bisect_left(a.mentions, start, key=lambda m: m.start)
                same = itertools.takewhile(lambda m: m.start == start, a.mentions[at:])
                if any(m.end == end and m == span for m in same):
                    return a
                after = bisect_right(a.mentions, start, key=lambda m: m.start)  # where sorted() put it
                updated = a.model_copy(update={"mentions": (*a.mentions[:after], span, *a.mentions[after:])})
                self.actors[i] = updated
                known = self._reach.get(a.id)
                if known is not None and known[0] is a.mentions and known[1] >= 0:
                    # inserted in order: the new mentions stay sorted, the reach grows with the new one
                    self._reach[a.id] = (updated.mentions, max(known[1], end - start))
                self.coref.renamed(a, updated, span.text)
                return updated
        self.actors.append(actor)
        return actor

    def _country(self, head: Token, phrase: tuple[int, int]) -> str | None:
        doc = self.doc
        tokens = list(doc[phrase[0] : phrase[1]])
        if head.pos_ == "PROPN" and (
            head.ent_type_ == "PERSON" or _role_before(head) or any(c.dep_ == "appos" for c in head.children)
        ):
            # a person's own name is no place ("Abdi Farah" is not Farah province)
            lo, hi = name_range(head, phrase)
            tokens = [t for t in tokens if not lo <= t.i < hi]
        code = _country_in(tokens)
        if code:
            return code
        for t in tokens:
            loc = _at(self.locations, t.idx, t.idx + len(t.text))
            if loc is not None and loc.country:
                return loc.country
        if clean(doc[phrase[0] : phrase[1]].text).lower() in self.lex.international:
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
        """The body a person speaks for: an actor or organisation named in the phrase, else their role's body."""
        org = self._affiliated_actor(head, phrase)
        if org is not None:
            return org.name
        doc = self.doc
        for ent in entities(doc):
            if (
                ent.label_ == "ORG"
                and phrase[0] <= ent.start
                and ent.end <= phrase[1]
                and not ent.start <= head.i < ent.end
            ):
                return clean(re.sub(r"^[A-Z][\w.-]*['\u2019]s\s+", "", ent.text))
        roles = {t.lemma_.lower() for t in doc[phrase[0] : phrase[1]]}
        if roles & self.lex.government_roles and country:
            return government_of(country)
        return self._role_body(head, phrase, country)

    def _role_body(self, head: Token, phrase: tuple[int, int], country: str | None) -> str | None:
        """The body the role itself names: the state's forces for its "military" or "police", else the body word."""
        doc = self.doc
        name_lo, name_hi = name_range(head, phrase)
        if country and not any(t.ent_type_ == "ORG" for t in doc[phrase[0] : phrase[1]]):
            # "a military officer, Captain Hussein Ali": the state's forces, by their known name if any
            for t in doc[phrase[0] : phrase[1]]:
                # only the role's own word: "its military operations spokesman" speaks for "its" owner
                own = (
                    not name_lo <= t.i < name_hi
                    and t.dep_ in ("amod", "compound")
                    and t.head.lemma_.lower() in self.lex.roles | self.lex.spokespersons
                    and not any(c.dep_ == "poss" for c in t.head.children)
                )
                if own and t.lower_ in ("military", "army"):
                    return self._known_name(military_forces(country, self.document.date))
                if own and t.lower_ in self.lex.police_heads:
                    return self._known_name(police_forces(country, self.document.date))
        for t in doc[phrase[0] : phrase[1]]:
            # "police spokesman X", "a spokesman for the junta": the body, as written, when no actor names it
            if (
                not name_lo <= t.i < name_hi
                and t.dep_ in ("pobj", "compound")
                and t.lemma_.lower() in self.lex.body_words
            ):
                return clean(doc[t.left_edge.i : t.i + 1].text)
        return None

    def _affiliated_actor(self, head: Token, phrase: tuple[int, int]) -> Actor | None:
        """An earlier speaker named inside this phrase ("Observatory head Rami Abdel Rahman")."""
        doc = self.doc
        words = {t.lower_ for t in doc[phrase[0] : phrase[1]] if t.pos_ in ("PROPN", "NOUN") and t.i != head.i}
        words -= self.lex.roles
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
        name_lo, name_hi = name_range(head, phrase)
        for t in doc[phrase[0] : phrase[1]]:
            if name_lo <= t.i < name_hi or t.lower_ in self.lex.roles:
                continue
            if t.dep_ in ("pobj", "poss", "compound") and t.pos_ in ("NOUN", "PROPN"):
                found = self.actor_at(t.idx, t.idx + len(t.text))
                if found is not None and found.kind != "person":
                    return found
        return None


@rule(
    "claims.claimant.another",
    decides="claim.claimant.name",
    positive=[
        Example(
            "Six soldiers were killed in an ambush, security sources said. Another said the army chased the attackers.",
            {"claims": 2},
        )
    ],
    negative=[
        Example(
            "Six soldiers were killed in an ambush, security sources said. A resident said the army "
            "chased the attackers.",
            {"claims": 2},
        )
    ],
)
def another(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """ "Another said", after a group of speakers, is one more of that group."""
    if head.lower_ != "another":
        return None
    entry = r.coref.resolve_group(head)
    if entry is None or entry.actor is None:
        return None
    actor = r.with_mention(entry.actor, head.i, head.i + 1)
    r.coref.note(head, actor, kind="person")  # "He added" after it is the same source
    return actor


@rule(
    "claims.claimant.spokesperson_body",
    decides="claim.claimant.name",
    positive=[
        Example(
            "Fighters overran a camp in Magway on Sunday, a spokeswoman for the junta said.",
            {"claim.claimant.kind": "state_forces"},
        )
    ],
    negative=[
        Example(
            "Fighters overran a camp in Magway on Sunday, the junta's leader said.",
            {"claim.claimant.name": "junta's leader"},
        )
    ],
)
def spokesperson_body(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """An unnamed spokesperson speaks for the body named in the phrase ("a spokesman for the army")."""
    body = r.spoken_for(head, phrase)
    if body is None:
        return None
    actor = r.with_mention(body, head.i, head.i + 1)
    r.coref.note(head, actor, kind="person")
    return actor


@rule(
    "claims.claimant.coreference",
    decides="claim.claimant.name",
    positive=[
        Example(
            "The Russian Defence Ministry said a counterattack began on Sunday. "
            "The ministry said its soldiers killed 340 Ukrainian troops.",
            {"claims": 2},
        ),
        Example(
            "The debate turned to the curfew.\n\nOKAFOR: Well, I think the curfew has worked in the north.",
            {"claim.cue": "think", "claim.claimant.name": "OKAFOR"},
        ),
        Example(
            # "she" passes over a man by his given name (``male_names``/``female_names`` in speakers.toml)
            "Denis Okafor met Wendy Bello on Monday. “We are ready,” she said.",
            {"claim.claimant.name": "Wendy Bello"},
        ),
        Example(
            "Former governor Musa Bello spoke in Kano on Monday. Bello is panning the plan in a column. "
            "He says the curfew has failed.",
            {"claim.cue": "say", "claim.claimant.name": "Musa Bello"},
        ),
        Example(
            "Governor Amina Bello visited the camp on Monday. She and her aides said the curfew would stay.",
            {"claims": 1, "claim.claimant.name": "Amina Bello and her aides"},
        ),
        Example(
            "The Kalehe Youth Committee said gunmen burned a school on Monday. The youth committee said three "
            "pupils were missing.",
            {"claims": 2, "!claim.claimant.name": "youth committee"},
        ),
        Example(
            "Doctors Without Borders said its clinic in Bunia was looted on Sunday. The aid group said no "
            "patients were hurt.",
            {"claims": 2, "!claim.claimant.name": "aid group"},
        ),
        Example(
            "“We condemn the attack on the convoy,” a State Department spokesperson said in a statement. "
            "“The truce must hold,” the spokesperson added.",
            {"claims": 2, "claim.claimant.name": "State Department", "!claim.claimant.name": "spokesperson"},
        ),
        Example(
            "Lady Mercy Hospital spokesperson Musa Bello said 40 bodies had been brought in. He said most of the "
            "injured were out of danger.",
            {"claims": 2, "claim.claimant.name": "Musa Bello", "!claim.claimant": None},
        ),
    ],
    negative=[
        Example(
            "The youth committee said three pupils were missing in Kalehe.", {"claim.claimant.name": "youth committee"}
        ),
        Example(
            "The Russian Defence Ministry said a counterattack began on Sunday and that its "
            "soldiers killed 340 Ukrainian troops.",
            {"claims": 1},
        ),
    ],
)
def coreference(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """A pronoun or a definite description ("he", "it", "the ministry") is the speaker it refers back to;
    "I" or "we" in a line a name and a colon open ("OKAFOR: I think ...") is that name."""
    lex = r.lex
    pronoun = head.lower_ in lex.pronouns or head.lower_ in lex.object_pronouns
    if not (pronoun or is_definite(head, lex) or is_document(head, lex)):
        return None
    entry = _referent(r, head)
    if entry is None or entry.actor is None:
        return None
    actor = entry.actor
    referent = r.doc[entry.head]
    if referent.pos_ != "PRON" and not r.covers(actor, referent):
        # the antecedent is a mention of the same actor ("the Florida senator ... He said": the senator's
        # words name the person too), recorded once where the reference is resolved
        actor = r.with_mention(actor, *name_range(referent, phrase_of(referent)))
    actor = r.with_mention(actor, head.i, head.i + 1)
    r.coref.note(head, actor)
    together = [c for c in kids(head) if c.dep_ == "conj"] if head.lower_ in ("he", "she") else []
    if together and actor.kind == "person":
        # "She and her aides have vowed ...": the person and those named with her speak together
        hi = name_range(together[-1], phrase_of(together[-1]))[1]
        rest = clean(r.doc[head.i + 1 : hi].text)
        return r.with_mention(r.group_of(actor.name + " " + rest), head.i, hi)
    return actor


def _referent(r: ClaimantResolver, head: Token) -> Entry | None:
    """The entry ``head`` refers to, with its actor; "she" passes over a surname the text names in full
    as a man ("Clinton" that is "Bill Clinton"), and "he" over a woman, up to three times."""
    want = r.coref.pronoun_gender(head)
    skip: frozenset[int] = frozenset()
    first_found: Entry | None = None
    for _ in range(3):
        entry = r.coref.resolve(head, skip)
        if entry is None:
            break
        if entry.actor is None and entry.kind == "group" and coordinated(r.doc[entry.head]):
            entry.actor = r.people(r.doc[entry.head])
        if entry.actor is None:
            referent = r.doc[entry.head]
            # "the GOP candidate took to Twitter ... he tweeted": the person that description names
            # "Bush is panning the plan ... He says": the person named in full before, not a new "Bush"
            named = _named_actor(r, referent)
            if named is not None and (
                named.kind != "person"
                or referent.text not in named.name.split()
                or (_shared_surname(r, referent) and _given_gender(named, r.lex) not in (None, want))
            ):
                # an actor whose longer mention holds the name ("Bello's aide John Roe"), or the wrong one
                # of two people with that surname ("he" and "Bello" of Amina Bello), is not known to be it
                named = None
            entry.actor = _holder_of(r, referent) or named or r.build(referent, phrase_of(referent)).value
        first_found = first_found or entry
        if want is None or _given_gender(entry.actor, r.lex) in (None, want):
            return entry
        skip = skip | {entry.head}
    if first_found is not None and want is not None:
        return _bearer(r, first_found, want) or first_found
    return first_found


def _bearer(r: ClaimantResolver, entry: Entry, want: str) -> Entry | None:
    """ "Mrs. Clinton ... she" where the name was linked to Bill Clinton: the one bearer of the surname whose
    given name fits the pronoun, an actor or else the full name the text writes before, for this reference
    only (the entry keeps its actor)."""
    surname = r.doc[entry.head].text
    fitting = [
        a for a in r.actors if a.kind == "person" and a.name.split()[-1] == surname and _given_gender(a, r.lex) == want
    ]
    if not fitting:
        named = [
            e
            for e in entities(r.doc)
            if e.label_ == "PERSON"
            and len(e) > 1
            and e.root.text == surname
            and e.start < entry.head
            and _name_gender(e.text, r.lex) == want
        ]
        fitting = [r.build(named[-1].root, (named[-1].start, named[-1].end)).value] if named else []
    return replace(entry, known=fitting[0]) if len(fitting) == 1 else None


def _given_gender(actor: Actor | None, lex: AttributionLexicon) -> str | None:
    """A person's gender by the given name that opens the actor's name ("Hillary Clinton": "f"), else None."""
    if actor is None or actor.kind != "person":
        return None
    return _name_gender(actor.name, lex)


def _name_gender(name: str, lex: AttributionLexicon) -> str | None:
    """A name's gender by the given name that opens it, else None."""
    if not name.split():
        return None
    given = name.split()[0].lower()
    return "f" if given in lex.female_names else "m" if given in lex.male_names else None


@rule(
    "claims.claimant.unresolved_reference",
    decides="claim.claimant.name",
    positive=[Example("“Two people were killed,” he said.", {"claims": 1, "claim.claimant": None})],
    negative=[Example("“Two people were killed,” the governor said.", {"claims": 1, "!claim.claimant": None})],
)
def unresolved_reference(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> bool | None:
    """A pronoun, "another" or "the statement" that refers to nobody named earns no claimant.

    A pronoun is never a claimant's name: the claim stands with its claimant unknown.
    """
    lex = r.lex
    lower = head.lower_
    if lower in lex.pronouns or lower in lex.object_pronouns or lower == "another" or is_document(head, lex):
        return True
    return None


@rule(
    "claims.claimant.new_description",
    decides="claim.claimant.name",
    positive=[
        Example("Gunmen raided a village in Zamfara on Friday, the ministry said.", {"claim.claimant.name": "ministry"})
    ],
    negative=[
        Example(
            "Gunmen raided a village in Zamfara on Friday, Nigeria's defence ministry said.",
            {"!claim.claimant.name": "ministry"},
        )
    ],
)
def new_description(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """A definite description no earlier speaker fits ("the ministry said", first in the text) names a new actor."""
    if not is_definite(head, r.lex, described=False):
        return None
    actor = r.with_mention(r.build(head, phrase).value, head.i, head.i + 1)
    r.coref.note(head, actor)
    return actor


@rule(
    "claims.claimant.known_actor",
    decides="claim.claimant.name",
    positive=[
        Example("Al Shabaab said its fighters attacked the base at Balidogle.", {"claim.claimant.name": "Al Shabaab"}),
        Example(
            "Quetta Police officer Muhammad Idris Khan told local media that between 200 and 300 police officers "
            "were present in the area.\nLocal police officer Yusuf Khan said several of the wounded were in "
            "critical condition.",
            {"claim.claimant.name": "Muhammad Idris Khan"},
        ),
    ],
    negative=[
        Example(
            "Moussa Traore, a farmer, lost his herd near Mopti. He said the gunmen stole forty cows.",
            {"claim.claimant.name": "Moussa Traore"},
        )
    ],
)
def known_actor(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """An actor the actors step found at the speaker's name is the claimant, as that step named it.

    A surname alone ("Garba said") is the person named in full before ("Ibrahim Garba").
    """
    found = _named_actor(r, head)
    if found is None:
        return None
    return _noted(r, r.complete_person(found, head, phrase), head, phrase)


def _shared_surname(r: ClaimantResolver, head: Token) -> bool:
    """Whether two people of the text have the surname ``head`` ("Clinton": Hillary and Bill)."""
    return sum(a.kind == "person" and a.name.split()[-1] == head.text != a.name for a in r.actors) > 1


def _named_actor(r: ClaimantResolver, head: Token) -> Actor | None:
    """The document's actor at a name, a surname alone being the person named in full before."""
    found = r.existing(head)
    lo, hi = name_range(head, (head.i, head.i + 1))
    if (
        (found is None or (found.kind == "person" and found.name == head.text))
        and head.pos_ == "PROPN"
        and hi - lo == 1
    ):
        found = _named_in_full(r, head) or found
    return found


def _named_in_full(r: ClaimantResolver, head: Token) -> Actor | None:
    """The person named in full before a surname alone ("Maikera said" after "Ashafa Maikera")."""
    for a in r.actors:
        if (
            a.kind == "person"
            and a.name.split()[-1] == head.text
            and a.name != head.text
            and any(m.start < head.idx for m in a.mentions)
        ):
            return a
    return None


@rule(
    "claims.claimant.office_holder",
    decides="claim.claimant.name",
    positive=[
        Example(
            "Three people were killed in shelling overnight, the regional governor said.\n\n"
            "Regional governor Serhiy Lysak said on Telegram that a school was hit.",
            {"claim.claimant.name": "Serhiy Lysak"},
        )
    ],
    negative=[
        Example(
            "Two soldiers were killed in the clash, the defence minister said.\n\n"
            "Foreign minister Ali Sabry said the talks would go on.",
            {"claim.claimant.name": "Ali Sabry"},
        )
    ],
)
def office_holder(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """An office with no name ("the regional governor") is the one person the article names with that office."""
    found = r.named_holder(head, phrase)
    return _noted(r, r.complete_person(found, head, phrase), head, phrase) if found is not None else None


@rule(
    "claims.claimant.role_reference",
    decides="claim.claimant.name",
    positive=[
        Example(
            "Ruth Imes toured a clinic in Tulsa on Friday. The candidate said the state needed more nurses.",
            {"claim.claimant.name": "Ruth Imes"},
        ),
        Example(
            # a standing description of a person, not an office: "the billionaire", "the retired neurosurgeon"
            "Dana Whitfield toured a steel plant in Ohio on Friday. The billionaire said the plant would reopen.",
            {"claim.claimant.name": "Dana Whitfield"},
        ),
    ],
    negative=[
        Example(
            "Ruth Imes, a nurse, toured a clinic in Tulsa on Friday. The governor said the state needed more nurses.",
            {"claim.claimant.name": "governor"},
        )
    ],
)
def role_reference(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """ "the candidate said", no one named with that office: the person last named before it, unless
    the text gives that person another role ("Ruth Imes, a nurse" is not "the governor")."""
    actor = _holder_of(r, head)
    return _noted(r, actor, head, phrase) if actor is not None else None


def _holder_of(r: ClaimantResolver, head: Token) -> Actor | None:
    """The person a definite role description ("the candidate") refers to: the one named with that office,
    else the person last named before it whom the text gives no other role."""
    lex = r.lex
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in lex.offices:
        return None
    kids = list(head.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
        c.dep_ in ("poss", "appos") or (c.dep_ == "compound" and c.ent_type_ == "PERSON") for c in kids
    ):
        return None
    named = r.named_holder(head, phrase_of(head))
    office = head.lemma_.lower()
    if named is not None or office in lex.spokespersons:
        return named  # an unnamed spokesman is no one named before: he speaks for a body (spoken_for)
    entry = r.coref.role_holder(head, lambda name: _role_of(name) in (None, office))
    if entry is None:
        return None
    referent = r.doc[entry.head]
    return entry.actor or r.build(referent, phrase_of(referent)).value


def _fits_role(name: Token, office: str) -> bool:
    """Whether the text gives the person named ``name`` no role but ``office``."""
    return _role_of(name) in (None, office)


def _role_of(name: Token) -> str | None:
    """The role word a person's name stands with: the noun before it ("Governor X", "nurse X"), the
    noun it is the apposition of, or its apposition ("X, a nurse,")."""
    doc = name.doc
    before = doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    words = [name.head] if name.dep_ == "appos" else []
    words += [c for c in name.children if c.dep_ == "appos"]
    words += [c for c in name.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if before is not None and before.pos_ == "NOUN":
        words.append(before)
    return next((w.lemma_.lower() for w in words if w.pos_ == "NOUN"), None)


@rule(
    "claims.claimant.built",
    decides="claim.claimant.name",
    positive=[
        Example(
            "The Mopti Herders Union said the gunmen stole forty cows.", {"claim.claimant.name": "Mopti Herders Union"}
        )
    ],
    negative=[Example("“Two people were killed,” he said.", {"claims": 1, "claim.claimant": None})],
)
def built(r: ClaimantResolver, head: Token, phrase: tuple[int, int]) -> Actor | None:
    """A speaker no actor of the document names becomes a new actor, built from the phrase."""
    if head.lower_ in r.lex.pronouns or head.lower_ in r.lex.object_pronouns:
        return None
    actor = r.build(head, phrase).value
    return _noted(r, actor, head, phrase)


@rule(
    "claims.claimant.each_conjunct",
    decides="claim.claimant",
    positive=[
        Example(
            "BAMAKO (Reuters) - Tuareg-led rebels and the Malian army said on Monday that 12 soldiers were killed.",
            {"claims": 2, "claim.claimant.kind": "state_forces", "!claim.claimant.name": "Malian army"},
        ),
        Example(
            "Police and protesters said three people were wounded in Nairobi.",
            {"claims": 2, "claim.claimant.kind": "protesters", "!claim.claimant.name": "Police and protesters"},
        ),
    ],
    negative=[
        Example("Bosnia and Herzegovina said the talks in Sarajevo had failed.", {"claims": 1}),
        Example(
            "Musa Bello, the mayor, and Ali Umar, the police chief, said the curfew would end on Friday.",
            {"claims": 1},
        ),
        Example(
            "Governor Amina Bello visited the camp on Monday. She and her aides said the curfew would stay.",
            {"claims": 1, "claim.claimant.name": "Amina Bello and her aides"},
        ),
    ],
)
def each_conjunct(
    r: ClaimantResolver, head: Token, phrase: tuple[int, int]
) -> list[tuple[Token, tuple[int, int]]] | None:
    """A coordination of the sides of a conflict ("the rebels and the army said", "A, B and C said") names one
    claimant each, every conjunct with its own phrase: the schema's claim has one claimant, and a combined actor
    ("rebels and army") is no side an event or the contested view can compare. Only where the actors step knows
    every conjunct as a side; people and bodies that speak together stay one group speaker, as PolNeAR annotates
    them ("Bello and Umar said"; ``coreference``'s "she and her aides"); not one name with "and" in it ("Bosnia
    and Herzegovina"), not "or"."""
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in r.lex.pronouns:
        return None
    conj = _conjuncts(head)
    joints = [
        c.lower_
        for t in (head, *conj, *([head.head] if head.dep_ == "appos" else []))
        for c in kids(t)
        if c.dep_ == "cc"
    ]
    if not conj or "and" not in joints or "or" in joints or "nor" in joints:
        return None
    last = conj[-1]
    if head.ent_type_ and any(e.start <= head.i and last.i < e.end for e in entities(r.doc)):
        return None  # one name: "Bosnia and Herzegovina", "Doctors and Nurses Union"
    one = r.actor_at(head.idx, last.idx + len(last.text))
    if one is not None and any(m.start <= head.idx and last.idx < m.end for m in one.mentions):
        return None  # an actor the actors step found under the whole coordination
    if not all((found := r.existing(t)) is not None and found.kind in _SIDE_KINDS for t in (head, *conj)):
        return None  # people or bodies that speak together stay one group ("Bello and Umar said")
    return [(t, _own_phrase(t, phrase if t is head else phrase_of(t))) for t in (head, *conj)]


def _conjuncts(head: Token) -> list[Token]:
    """The nouns coordinated with ``head``, in text order (the parser chains "A, B and C" either way); for an
    apposition, those the parser hung on the word it describes ("BAMAKO - Tuareg-led rebels and the army said",
    "The minister, Ali Umar, and his deputy said")."""
    out: list[Token] = []
    todo = [head]
    if head.dep_ == "appos":
        for c in kids(head.head):
            if c.dep_ == "conj" and c.i > head.i and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() != "other":
                out.append(c)
                todo.append(c)
    while todo:
        t = todo.pop()
        for c in kids(t):
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() != "other":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _own_phrase(t: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """``t``'s part of a coordination: its phrase up to the first conjunction or conjunct after it, without
    the commas around it ("Musa Bello, the mayor, and ..." is "Musa Bello, the mayor")."""
    doc = t.doc
    stops = [c.left_edge.i for c in kids(t) if c.dep_ in ("cc", "conj") and c.i > t.i]
    hi = min([phrase[1], *stops])
    while hi > t.i + 1 and doc[hi - 1].is_punct:
        hi -= 1
    lo = max(phrase[0], t.left_edge.i)
    while lo < t.i and (doc[lo].dep_ in ("cc", "preconj") or doc[lo].is_punct):
        lo += 1
    return (lo, hi)


RESOLVE_RULES: Final = (
    another,
    spokesperson_body,
    coreference,
    unresolved_reference,
    new_description,
    known_actor,
    office_holder,
    role_reference,
    built,
)
"""How a speaker phrase becomes a claimant, in order: the first rule that applies decides."""


def _noted(r: ClaimantResolver, actor: Actor, head: Token, phrase: tuple[int, int]) -> Actor:
    """Add the speaker's name as a mention and note the speaker for later references.

    A quantity names nobody by its word alone ("those", "one", "43"): its mention is the phrase that says
    whom it counts ("those who back the governor", "One in three", "those surveyed"), as PolNeAR marks sources.
    """
    if head.pos_ != "PROPN" and (head.lower_ in r.lex.quantifier_speakers or head.like_num):
        # the phrase with the relative clause the speaker phrase leaves out: "those who back her"
        actor = r.with_mention(actor, min(phrase[0], head.left_edge.i), max(phrase[1], head.right_edge.i + 1))
    else:
        actor = r.with_mention(actor, *name_range(head, phrase))
    r.coref.note(head, actor)
    return actor


def _title_of(root: Token, start: int, office: str) -> Token | None:
    """The office word a person's name stands with: before it, its head, or its apposition."""
    doc = root.doc
    title = doc[start - 1] if start > 0 else None
    if title is not None and title.lemma_.lower() == office:
        return title
    title = root.head if root.dep_ == "appos" else None  # "the governor, Oleh Syniehubov,"
    if title is not None and title.lemma_.lower() == office:
        return title
    # "David Lokonga Moses, the governor of surrounding Yei River State,"
    return next((c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() == office), None)


def _other_person(actor: Actor, name: TextSpan, lex: AttributionLexicon) -> bool:
    """Whether a name written in full (two words or more, titles aside) names someone else than person
    ``actor``: the actor's given name is not among its words, nor its whole name in it."""
    doc, i = name.doc, name.end - 1
    if doc[i].ent_type_ != "PERSON":
        return False
    while i > name.start and (doc[i - 1].ent_type_ == "PERSON" or doc[i - 1].text == "-"):
        i -= 1
    titles = lex.female_words | lex.male_words
    words = [w for w in doc[i : name.end].text.split() if not w.endswith(".") and w.lower() not in titles]
    return len(words) >= 2 and actor.name not in name.text and actor.name.split()[0] not in words


def _covers(actor: Actor, t: Token) -> bool:
    return any(m.start <= t.idx < m.end for m in actor.mentions)


def _start(m: Span) -> int:
    return m.start


def _reach(mentions: tuple[Span, ...]) -> int:
    """The longest mention's length, or -1 when the mentions are not sorted by start."""
    longest, last = 0, -1
    for m in mentions:
        if m.start < last:
            return -1
        last = m.start
        longest = max(longest, m.end - m.start)
    return longest


_DASHES: Final = frozenset({"-", "--", "\u2013", "\u2014"})


def phrase_of(t: Token) -> tuple[int, int]:
    """The token range of ``t``'s subtree, from after a spaced dash before ``t`` (a dateline the parser hung on
    the subject: "BAMAKO (Reuters) - Tuareg-led rebels and the army said" is said by the rebels and the army)."""
    doc, lo = t.doc, t.left_edge.i
    for k in range(t.i - 1, lo, -1):
        if doc[k].text in _DASHES and doc[k].whitespace_ and doc[k - 1].whitespace_:
            lo = k + 1
            break
    return (lo, t.right_edge.i + 1)


def name_range(head: Token, phrase: tuple[int, int]) -> tuple[int, int]:
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


def _role_before(head: Token) -> bool:
    return any(c.dep_ in ("compound", "appos") and c.pos_ == "NOUN" for c in head.children)


def _country_in(tokens: list[Token]) -> str | None:
    """The first nationality or state a phrase names, skipping an "X-based" seat."""
    for t in tokens:
        doc = t.doc
        if t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "\u2011") and doc[t.i + 2].lower_ == "based":
            continue  # "Britain-based": a seat, not a nationality
        code = _country_word(t)
        if code:
            return code
    return None


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
    orth = doc_index(doc).orth
    # the other tokens of the same text, found on the token index: no Token is made for the rest
    for i in [i for i, o in enumerate(orth) if o == head.orth and i != head.i]:
        t = doc[i]
        for m in doc[t.left_edge.i : t.i]:
            code = _country_word(m)
            if code:
                return code
    return None


def _main_country(doc: Doc, locations: Sequence[Location]) -> str | None:
    """The country the document is mostly about: the most mentioned country among its places."""
    votes: Counter[str] = Counter()
    for loc in locations:
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
