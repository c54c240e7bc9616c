"""Role nouns: "Ukrainian forces", "gunmen", "the rebels", "residents said", "20 Palestinians"."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from ..lexicons._countries import country_from_demonym, country_from_name, country_name
from ..rules import Example, first, rule
from ._actor_ref import ActorRef, country_in_words, singular
from ._actor_resolve import ActorResolver
from ._canonical import country_label
from ._context_rules import CONTEXT_RULES, NOBODY, RoleNoun
from ._pass_state import ROLE, SUBJECTS, ActorMention, FinderBase, IdMemo, ids
from ._role_words import RoleWords

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["RolePasses"]

_NOUNISH: Final = ids("NOUN", "PROPN", "ADJ")
_NOUNS: Final = ids("PROPN", "NOUN")
_MODIFIERS: Final = ids("amod", "compound", "nmod", "poss")
_POLICE: Final = ids("police")
_COMPOUND: Final = get_string_id("compound")
_HYPHEN: Final = re.compile(r"\s*-\s*")
# context rules that find the actor's name inside the noun's phrase
_NAMED_INSIDE: Final = frozenset({"actors.context.named_in_phrase", "actors.context.named_in_apposition"})
_MODIFIER_DEPS: Final = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
_QUALIFIER_DEPS: Final = frozenset(
    {"amod", "compound", "poss", "nmod", "npadvmod", "case", "det", "nummod", "quantmod", "advmod", "punct"}
)


def _agent(tok: Token) -> bool:
    """The noun is the agent of a passive verb: "by" + the noun."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


_GUARD_KINDS: Final = frozenset({"border", "frontier", "coast", "national"})


class RoleHeads:
    """The head nouns of role phrases, from the role words: which tokens may head one, and as what."""

    def __init__(self, roles: RoleWords) -> None:
        r = roles
        self.roles = roles
        self.words = (
            (r.military | r.police | r.police_units | r.armed_unknown | r.rebel | r.civilian)
            | (r.crowd_protest | r.crowd_riot)
            | r.invading_forces
            | frozenset(r.speakers)
            | r.head_nouns
            | r.livelihoods
            | r.gangs
            | r.generic_heads
            | r.partner_nouns
        )
        self.singular_words = r.rebel | frozenset(r.speakers) | r.civilian | r.livelihoods | r.gangs | r.generic_heads
        # by ids of the lower-case form and the lemma: False where :meth:`head_word` is None
        self.may_head: IdMemo[bool] = IdMemo(lambda low, lemma: self._may_head(low, lemma.lower()))
        # by id of the lemma: nouns of a strike whose country word names its forces
        self.strike: IdMemo[bool] = IdMemo(lambda lemma: lemma.lower() in r.strike_nouns)

    def _may_head(self, low: str, lemma: str) -> bool:
        if low in self.roles.other_heads or low in self.roles.person_nouns or (lemma == "force" and low.endswith("s")):
            return True
        return low in self.words or lemma in self.words or singular(low) in self.singular_words

    def head_word(self, tok: Token) -> str | None:
        """The head a token gives a role phrase ("forces", "armed men", "the group"), or None."""
        phrase = self._phrase_head(tok)
        if phrase is not None:
            return phrase
        low = tok.lower_
        if low in self.words or tok.lemma_.lower() in self.words or singular(low) in self.singular_words:
            return low
        return None

    def _phrase_head(self, tok: Token) -> str | None:
        """Heads that take the words around them: "armed men", "prisoners of war", "the group".

        Tried in this order, the first that holds; each reads the words around the noun only
        when the noun itself is one of its own (most nouns are none of them).
        """
        low, r = tok.lower_, self.roles
        if low == "forces" or (low.endswith("s") and tok.lemma_.lower() == "force"):
            return "forces"
        if low == "prisoners" and self._neighbour(tok, 1) == "of":
            return "prisoners of war"
        armed = self._qualified_head(tok, low)
        if armed is not None:
            return armed
        if low == "staff" and self._neighbour(tok, -1) == "general":
            return "general staff"
        if low in ("guard", "guards") and self._neighbour(tok, -1) in _GUARD_KINDS:
            return f"{self._neighbour(tok, -1)} guard"  # "border guards", "coast guard": a state's forces
        if low in ("suspects", "suspect") and tok.pos_ == "NOUN":
            return "suspects"
        if low in r.group_nouns and [c.lower_ for c in tok.lefts] == ["the"]:
            return "the group"
        return None

    def _qualified_head(self, tok: Token, low: str) -> str | None:
        """ "armed men", "suicide bomber", "armed group", "service member", "gang member" (in that order), from the
        words before."""
        r = self.roles
        if low in r.person_nouns and {c.lower_ for c in tok.lefts} & r.armed_person_qualifiers:
            return "armed men"
        if low in ("bomber", "bombers") and "suicide" in {c.lower_ for c in tok.lefts}:
            return "suicide bomber"  # not a bomber plane
        if low in ("group", "groups"):
            rebel = any(c.lemma_.lower() in r.rebel for c in tok.lefts)
            if rebel or {c.lower_ for c in tok.lefts} & r.armed_group_qualifiers:
                return "armed group"
        if low in ("members", "member"):
            if self._neighbour(tok, -1) == "service":
                return "service member"
            if {c.lower_ for c in tok.lefts} & r.gang_qualifiers:
                return "gang member"
        return None

    @staticmethod
    def _neighbour(tok: Token, offset: int) -> str:
        """The lower-case form of the word ``offset`` places from ``tok``, "" past the document's edge."""
        i = tok.i + offset
        return tok.doc[i].lower_ if 0 <= i < len(tok.doc) else ""


@lru_cache(maxsize=16)
def _heads(roles: RoleWords) -> RoleHeads:
    return RoleHeads(roles)


def _victims_country(text: str) -> str | None:
    """The country of a plural demonym that is no country's name ("Palestinians", not "Philippines")."""
    if not text.endswith("s"):
        return None
    code = country_from_demonym(text)
    return None if code is None or country_from_name(text) else code


# by id of the text
_VICTIMS_COUNTRY: Final = IdMemo(_victims_country)


# -- the rules ----------------------------------------------------------------------------------


@rule(
    "actors.roles.strike_owner",
    decides="actor.name",
    positive=[
        Example(
            "Russian airstrikes hit a hospital in Idlib on Monday, killing four people.",
            {"actor.name": "Military Forces of Russia (2000-)"},
        ),
        Example(
            "A regime jet fighter bombed the village of Kyaukse in Sagaing Region on Tuesday, killing 12 people.",
            {"event.actor1.name": "Military Forces of Myanmar (2021-)"},
        ),
    ],
    negative=[
        Example(
            "Airstrikes hit a hospital in Idlib on Monday, killing four people.",
            {"!actor.name": "Military Forces of Russia (2000-)", "actor.name": "Civilians (Syria)"},
        )
    ],
)
def strike_owner(f: RolePasses, tok: Token, text: str) -> ActorRef | None:
    """A country word on a strike or an operation names its forces: "Russian airstrikes", "the junta's air strikes"."""
    code = country_from_demonym(text) or country_from_name(text)
    toks = tok.doc
    if code is not None and tok.i >= 2 and toks[tok.i - 1].text == "-" and toks[tok.i - 2].lower_ == "pro":
        # "pro-Iranian positions": a foreign state's allies, not its forces (actors.role.pro_state_militia)
        return f.resolver.generic(f"Militia (Pro-{country_name(code) or code})", "political_militia", None)
    if code is None and tok.lower_ in f.roles.state_owners:
        # the home state's forces, unless the phrase names another state ("Russia's special military operation")
        owner = country_in_words([c.text for c in tok.head.lefts if c.i != tok.i])
        code = owner or f.country_near(tok.idx)
    return f.resolver.state(code) if code else None


@rule(
    "actors.roles.civilian_vehicle",
    decides="actor.name",
    positive=[
        Example(
            "On 3 May 2024, Israeli settlers hurled stones at Palestinian vehicles near Huwara, Nablus.",
            {"actor.name": "Civilians (Palestine)"},
        )
    ],
    negative=[
        Example(
            "On 3 May 2024, militants detonated an explosive device targeting Israeli military vehicles near Jenin.",
            {"actor.name": "Military Forces of Israel (2022-)"},
        )
    ],
)
def civilian_vehicle(f: RolePasses, tok: Token, text: str) -> ActorRef | None:
    """A country word on a car, a bus or a truck that no military word qualifies names its civilians ("stones at
    Palestinian vehicles"), not its forces."""
    head, r = tok.head, f.roles
    if head.lemma_.lower() not in r.vehicle_nouns or any(c.lower_ in r.military_vehicle_words for c in head.lefts):
        return None
    code = country_from_demonym(text) or country_from_name(text)
    return f.resolver.generic("Civilians", "civilians", code) if code else None


@rule(
    "actors.roles.national_victims",
    decides="actor.name",
    positive=[
        Example(
            "Israeli strikes killed 20 Palestinians in Khan Younis on Tuesday.",
            {"actor.name": "Civilians (Palestine)"},
        )
    ],
    negative=[
        Example(
            "Palestinian militants fired rockets at Sderot on Tuesday.",
            {"!actor.name": "Civilians (Palestine)", "event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def national_victims(f: RolePasses, tok: Token, code: str) -> ActorRef | None:
    """Plural nationals counted or acted upon are civilians of their country: "killed 20 Palestinians"."""
    counted = any(c.dep_ == "nummod" for c in tok.children)
    if counted or tok.dep_ in ("dobj", "nsubjpass"):
        return f.resolver.generic("Civilians", "civilians", code)
    return None


@rule(
    "actors.roles.named_group_modifier",
    decides="actor.name",
    positive=[
        Example(
            "M23 seized Rubaya on Tuesday after days of fighting. Rebel positions near Sake were shelled on Wednesday.",
            {"actor.name": "M23: March 23 Movement"},
        )
    ],
    negative=[
        Example(
            "Rebel positions near Sake were shelled on Wednesday.",
            {"!actor.name": "M23: March 23 Movement", "event.event_type": "Explosions/Remote violence"},
        )
    ],
)
def named_group_modifier(f: RolePasses, tok: Token, lemma: str) -> ActorRef | None:
    """ "Rebel positions", "a jihadist attack": a rebel word modifying a noun names the document's group, if any."""
    if lemma not in f.roles.rebel and singular(tok.lower_) not in f.roles.rebel:
        return None
    entry = f.group_for(lemma, tok.idx)
    return f.resolver.entry(entry) if entry is not None else None


class RolePasses(FinderBase):
    """Actors named by what they are, resolved with the words around the noun."""

    @property
    def heads(self) -> RoleHeads:
        return _heads(self.roles)

    # -- role nouns ---------------------------------------------------------------------------------
    def find_roles(self) -> None:
        strings = self.doc.vocab.strings
        heads = self.heads
        for i in self.token_ids(pos=_NOUNISH, lower=_POLICE):
            if not heads.may_head(strings, self.tok_lower[i], self.tok_lemma[i]):
                continue  # head_word would say None
            tok = self.toks[i]
            head_word = heads.head_word(tok)
            if head_word is None or self.at(tok.idx, tok.idx + len(tok)) or self._machine(tok):
                continue
            named = tok.ent_type_ == "ORG" and tok.text[:1].isupper() and not tok.is_sent_start
            if named and not self._named_role(tok):
                continue  # a capitalised word inside a name: "Association for Political Prisoners"
            lemma = strings[self.tok_lemma[i]].lower()
            # a possessive is a whole phrase of its own ("gunmen's attack", "the militants' camp"), no modifier
            if (tok.dep_ in _MODIFIER_DEPS and tok.dep_ != "poss" and tok.head.i != tok.i
                    and not self._misparsed(tok)):
                if heads.head_word(tok.head) is None:  # "government forces": the head noun covers it
                    self._modifier(tok, lemma)
                continue
            self._role(tok, head_word, lemma)
        self._strike_modifiers()
        self._national_victims()

    def _named_role(self, tok: Token) -> bool:
        """A capitalised role noun that names its actor all the same: "a Kaduna Communal Militia", "the Vitelhomme
        Gang", "Nigerian Airforce" (a state's forces with their country's word)."""
        low, r = tok.lower_, self.roles
        if low in r.militia or low in r.gangs:
            return True
        military = low in r.military or singular(low) in r.military
        return military and country_in_words([c.text for c in tok.lefts]) is not None

    def _machine(self, tok: Token) -> bool:
        """ "A regime jet fighter bombed": a person noun after an aircraft word is the aircraft, not a fighter."""
        r = self.roles
        return tok.lower_ in r.machine_heads and any(
            c.dep_ == "compound" and c.lower_ in r.machine_compounds for c in tok.lefts
        )

    def _strike_head(self, h: int) -> bool:
        """A strike noun heads the phrase: "airstrikes", "a junta fighter jet" (through its compound), "a regime
        jet fighter" (an aircraft)."""
        strings = self.doc.vocab.strings
        strike = self.heads.strike
        if strike(strings, self.tok_lemma[h]):
            return True
        if self.tok_dep[h] == _COMPOUND and strike(strings, self.tok_lemma[self.tok_head[h]]):
            return True
        return self._machine(self.toks[h])

    def _misparsed(self, tok: Token) -> bool:
        """ "The Russian military claims": a reporting verb the model reads as the noun's head."""
        return tok.head.i == tok.i + 1 and tok.head.lower_ in self.roles.verbs_read_as_nouns

    def _modifier(self, tok: Token, lemma: str) -> None:
        ref = named_group_modifier(self, tok, lemma)
        if ref is not None:
            entry = self.group_for(lemma, tok.idx)
            self.add(tok.idx, tok.idx + len(tok), replace(ref, rule=named_group_modifier.name), ROLE, entry=entry)

    def _qualifiers(self, tok: Token) -> tuple[list[str], int]:
        """Words before a role noun inside its phrase, and the phrase's start offset."""
        # "The Russian military claims": the model hangs "Russian" on "claims", not on "military"
        children = [c for c in tok.head.lefts if c.i < tok.i] if self._misparsed(tok) else list(tok.lefts)
        left = [c for c in children if c.dep_ in _QUALIFIER_DEPS]
        if not left:
            return [], self._name_just_before(tok)
        first_i = min(c.left_edge.i for c in left)
        toks = self.toks
        # "Al Shabaab and clan militias" parsed as one phrase: the words before "and" name the other side
        # (not "Russian and Ukrainian forces", adjectives of one noun)
        cut = max(
            (k for k in range(first_i + 1, tok.i) if toks[k].dep_ == "cc" and toks[k - 1].pos_ in ("PROPN", "NOUN")),
            default=None,
        )
        if cut is not None:
            first_i = cut + 1
            if first_i >= tok.i:
                return [], tok.idx
        span = toks[first_i : tok.i]
        words = [
            t.text
            for t in span
            if t.pos_ not in ("NUM", "PUNCT") and t.lower_ not in ("at", "least") and not self._sponsor(t)
        ]
        joined = _HYPHEN.sub("-", " ".join(t.text for t in span))
        if "pro-" in joined.lower():
            words = [*words, joined]
        start = span[0].idx
        while start < tok.idx and toks[first_i].pos_ in ("DET", "NUM", "PUNCT"):
            first_i += 1
            start = toks[first_i].idx if first_i < tok.i else tok.idx
        return words, start

    def _name_just_before(self, tok: Token) -> int:
        """Where a catalogue name written right before the noun starts, or the noun's start.

        "IS militants": the small model reads "IS" as a verb, so the name is no child of the noun;
        written next to it in one sentence it is the noun's qualifier all the same.
        """
        if tok.i == 0 or tok.is_sent_start:
            return tok.idx
        prev = self.toks[tok.i - 1]
        if not prev.whitespace_ or prev.is_punct:
            return tok.idx
        named = self.at(prev.idx, prev.idx + len(prev))
        if named is None or named.entry is None or named.end != prev.idx + len(prev):
            return tok.idx
        return named.start

    def _sponsor(self, tok: Token) -> bool:
        """A word naming a sponsor, not an owner: "Iran" in "Iran-backed militants"."""
        toks, i = self.toks, tok.i
        return i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].lower_ in self.roles.sponsor_words

    def _inner(self, tok: Token, head_word: str, words: list[str], start: int) -> ActorMention | None:
        """A named actor in the phrase ("Al-Shabaab militants") or after "from"/"of" ("fighters from HTS").

        A country named after the preposition ("officials from Mali") joins ``words``.
        """
        inner = self.named_from(start, tok.idx)
        if inner is not None:
            return inner
        # "Palestinian militants of the Al Aqsa Martyrs Brigades": with a country word only a named group after
        # the preposition is the noun's actor ("Somali officials from the ministry" stay Somalia's)
        qualified = country_in_words(words) is not None or "pro-" in " ".join(words).lower()
        preps = ("from", "of", "in") if singular(head_word) in self.roles.officials else ("from", "of")
        for child in tok.rights:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                found = self.at(obj.left_edge.idx, obj.idx + len(obj))
                if found is None and not qualified:
                    code = country_in_words([t.text for t in obj.subtree])
                    if code:
                        words.append(country_label(code))
                elif found is not None and (not qualified or self._named_group(found)):
                    inner = found
        if inner is not None:
            return inner
        member = self._member_of(tok)
        return member if not qualified or (member is not None and self._named_group(member)) else None

    def _named_group(self, found: ActorMention) -> bool:
        """Whether a mention names a group of the catalogue (not a state, a person or a role)."""
        return found.entry is not None and found.ref.kind in self.roles.group_kinds

    def _member_of(self, tok: Token) -> ActorMention | None:
        """The group armed men are said to belong to: "gunmen suspected of belonging to the CJNG"."""
        for clause in (c for c in tok.rights if c.dep_ in ("acl", "relcl")):
            for word in clause.subtree:
                if word.lower_ not in self.roles.membership_words:
                    continue
                for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        found = self.at(obj.left_edge.idx, obj.idx + len(obj))
                        if found is not None and found.ref.kind in self.roles.group_kinds:
                            return found
        return None

    def _community_after(self, tok: Token) -> list[str]:
        """The community a role noun's "from the X community" names ("armed youths from the Murle community"):
        written after the noun, it qualifies it as "Murle youths" does."""
        r = self.roles
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in r.community_nouns):
                names = [c.text for c in obj.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()]
                if names and (names[-1] in r.ethnic_groups or names[-1] in r.communal_groups):
                    return names
        return []

    def _role(self, tok: Token, head_word: str, lemma: str) -> None:
        words, start = self._qualifiers(tok)
        r = self.roles
        low = tok.lower_
        armed = head_word == "armed men" or low in r.armed_unknown or low in r.rebel or low in r.militia
        if armed and not any(w[:1].isupper() for w in words):
            words = [*words, *self._community_after(tok)]
        end = tok.idx + len(tok)
        if head_word == "prisoners of war" and tok.i + 2 < len(self.toks):
            end = self.toks[tok.i + 2].idx + len(self.toks[tok.i + 2])
        speaker = self._is_speaker(tok)
        inner = self._inner(tok, head_word, words, start)
        noun = RoleNoun(self, tok, head_word, lemma, tuple(words), start, inner, speaker)
        decided = first(CONTEXT_RULES, noun)
        if decided is not None:
            ref: ActorRef | None = replace(decided.value, rule=decided.rule)
            if decided.rule in _NAMED_INSIDE and self.at(start, tok.idx) is not None:
                start = tok.idx  # the name before the noun keeps its mention; the noun is one more of that actor
        else:
            # the doer: a subject, a passive's agent ("killed by Fulani herders")
            acting = (
                tok.dep_ == "nsubj"
                or (tok.dep_ == "conj" and tok.head.dep_ == "nsubj")
                or _agent(tok)
                or self._fought_with(tok)  # "clashed with Fulani pastoralists": they fought back
            )
            ref = self._resolver_near(tok.idx).role(words, head_word, speaker=speaker, acting=acting)
        if ref is not None and ref is not NOBODY and ref.name:
            pair = self._two_countries(tok, ref, words, head_word)
            if pair is not None:  # "Russian and Ukrainian forces clashed": one mention for each state's forces
                # the noun itself is left to neither: the first named is read as the doer (ACLED's actor1)
                (first_end, _), (second_start, second_end, other) = pair
                self.add(start, first_end, ref, ROLE, subject=tok.dep_ in SUBJECTS)
                self.add(second_start, second_end, other, ROLE, subject=tok.dep_ in SUBJECTS)
                return
            self.add(start, end, ref, ROLE, subject=tok.dep_ in SUBJECTS)
            before = self._demonym_before(tok, ref, words, head_word)
            if before is not None:  # "Kyrgyz and Tajik border guards" parsed with "Kyrgyz" the subject
                self.add(before[0], before[1], before[2], ROLE, subject=self.toks[before[3]].dep_ in SUBJECTS)

    def _demonym_before(
        self, tok: Token, ref: ActorRef, words: list[str], head_word: str
    ) -> tuple[int, int, ActorRef, int] | None:
        """A bare demonym of another country joined by "and" to a state's force noun ("Kyrgyz and Tajik border
        guards", the parse making "Kyrgyz" the phrase's head and the guards its conjunct): that country's same
        forces, as its own mention (start, end, forces, token index)."""
        first = tok.head
        if ref.kind != "state_forces" or not ref.country or tok.dep_ != "conj" or first.i >= tok.i:
            return None
        if not any(c.dep_ == "cc" for c in first.children) or first.pos_ not in ("PROPN", "ADJ", "NOUN"):
            return None
        code = country_from_demonym(first.text)
        if not code or code == ref.country or any(c.dep_ in ("amod", "compound", "det") for c in first.children):
            return None
        own = {t.text for t in tok.lefts if country_from_demonym(t.text) == ref.country}
        other = self.resolver.role([first.text, *(w for w in words if w not in own)], head_word)
        if other is None or other.kind != "state_forces" or other.country != code:
            return None
        return first.idx, first.idx + len(first.text), other, first.i

    def _two_countries(
        self, tok: Token, ref: ActorRef, words: list[str], head_word: str
    ) -> tuple[tuple[int, ActorRef], tuple[int, int, ActorRef]] | None:
        """Two countries' words joined before one force noun that fought each other ("Russian and Ukrainian
        military clashed"): where the first one's word ends, with its forces, and the second's word, with its
        forces. Allies who fought someone else ("Malian and French forces clashed with JNIM") stay one side."""
        if ref.kind != "state_forces" or not ref.country or not self._fought_each_other(tok):
            return None
        for left in tok.lefts:
            if left.dep_ not in ("amod", "compound", "nmod") or country_from_demonym(left.text) != ref.country:
                continue
            for other in (c for c in left.children if c.dep_ == "conj"):
                code = country_from_demonym(other.text)
                if not code or code == ref.country:
                    continue
                rest = [w for w in words if w not in (left.text, other.text, "and")]
                second = self.resolver.role([other.text, *rest], head_word)
                if second is not None and second.kind == "state_forces" and second.country == code:
                    return (left.idx + len(left.text), ref), (other.idx, other.idx + len(other.text), second)
        return None

    def _fought_with(self, tok: Token) -> bool:
        """The noun is the opponent of a fight: "clashed with X", "exchanged fire with X"."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("with", "against"):
            return False
        verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head  # "exchanged fire with": fire's head
        return verb.lemma_.lower() in self.roles.mutual_fight_verbs

    def _fought_each_other(self, tok: Token) -> bool:
        """The noun is the subject of a fight with no opponent after it: "X and Y forces clashed near Z"."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_.lower() not in self.roles.mutual_fight_verbs:
            return False
        opponent = [c for c in verb.children if c.dep_ in ("prep", "dobj")]  # "with X", "exchanged fire with X"
        opponent += [g for c in opponent if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
        return not any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in opponent)

    def _resolver_near(self, pos: int) -> ActorResolver:
        """The document's resolver, or one whose home is the country of the places named near ``pos``."""
        home = self.country_near(pos)
        if home == self.home:
            return self.resolver
        resolver = ActorResolver(self.resolver.on, home, self.table, self.roles)
        resolver.places = self.resolver.places
        resolver.crime = self.resolver.crime
        return resolver

    def _strike_modifiers(self) -> None:
        """A country word on a strike or an operation names its forces: "Russian airstrikes"."""
        for i in self.token_ids(dep=_MODIFIERS):
            if not self._strike_head(self.tok_head[i]):
                continue
            tok = self.toks[i]
            if self.at(tok.idx, tok.idx + len(tok)):
                continue
            text = tok.text
            if i > 0 and self.tok_dep[i - 1] == _COMPOUND and self.tok_head[i - 1] == i:
                text = f"{self.toks[i - 1].text} {text}"
            decided = first((civilian_vehicle, strike_owner), self, tok, text)
            if decided is not None:
                start = tok.idx - (len(text) - len(tok.text))
                self.add(start, tok.idx + len(tok), replace(decided.value, rule=decided.rule), ROLE)

    def _national_victims(self) -> None:
        """Plural nationals counted or acted upon are civilians of their country: "killed 20 Palestinians"."""
        strings = self.doc.vocab.strings
        for i in self.token_ids(pos=_NOUNS):
            code = _VICTIMS_COUNTRY(strings, self.tok_orth[i])
            if code is None:
                continue
            tok = self.toks[i]
            if self.at(tok.idx, tok.idx + len(tok)):
                continue
            ref = national_victims(self, tok, code)
            if ref is not None:
                self.add(tok.idx, tok.idx + len(tok), replace(ref, rule=national_victims.name), ROLE)
