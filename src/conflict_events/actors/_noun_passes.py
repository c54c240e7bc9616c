"""Role nouns: "Ukrainian forces", "gunmen", "the rebels", "residents said", "20 Palestinians"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from spacy.strings import get_string_id

from ..lexicons._countries import country_from_demonym, country_from_name
from . import _role_words as roles
from ._actor_resolve import ActorRef, ActorResolver, country_in_words, singular
from ._pass_state import ROLE, SUBJECTS, FinderBase, IdMemo, ids

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["RolePasses"]

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


# Third-person reporting verbs the small model reads as plural nouns: "The Russian military claims that..."
_VERBS_READ_AS_NOUNS: Final = frozenset(
    {
        "claims",
        "says",
        "reports",
        "denies",
        "warns",
        "insists",
        "states",
        "adds",
        "confirms",
        "accuses",
        "alleges",
    }
)


_NOUNISH: Final = ids("NOUN", "PROPN", "ADJ")
_NOUNS: Final = ids("PROPN", "NOUN")
_MODIFIERS: Final = ids("amod", "compound", "nmod", "poss")
_POLICE: Final = ids("police")
_COMPOUND: Final = get_string_id("compound")
_HEAD_SETS: Final = (
    roles.MILITARY,
    roles.POLICE,
    roles.ARMED_UNKNOWN,
    roles.REBEL,
    roles.CIVILIAN,
    roles.CROWD_PROTEST,
    roles.CROWD_RIOT,
    roles.SPEAKERS,
    frozenset({"source", "government", "regime", "authority", "authorities", "junta", "monitor"}),
)
_HEAD_WORDS: Final = frozenset(
    {
        "forces",
        "prisoners",
        "men",
        "man",
        "group",
        "groups",
        "members",
        "member",
        "staff",
        "suspects",
        "suspect",
        "movement",
        "militia",
        "organisation",
        "organization",
    }
)


@lru_cache(maxsize=1 << 14)
def _may_head(low: str, lemma: str) -> bool:
    """False when :meth:`RolePasses._head_word` is None for a token of this lower-case form and lemma."""
    if low in _HEAD_WORDS or (lemma == "force" and low.endswith("s")):
        return True
    if any(low in words or lemma in words for words in _HEAD_SETS):
        return True
    noun = singular(low)
    return noun in roles.REBEL or noun in roles.SPEAKERS or noun in roles.CIVILIAN


# by ids of the lower-case form and the lemma
_MAY_HEAD: Final = IdMemo(lambda low, lemma: _may_head(low, lemma.lower()))
# by id of the lemma
_STRIKE_HEAD: Final = IdMemo(lambda lemma: lemma.lower() in _STRIKE_NOUNS)


def _victims_country(text: str) -> str | None:
    """The country of a plural demonym that is no country's name ("Palestinians", not "Philippines")."""
    if not text.endswith("s"):
        return None
    code = country_from_demonym(text)
    return None if code is None or country_from_name(text) else code


# by id of the text
_VICTIMS_COUNTRY: Final = IdMemo(_victims_country)


class RolePasses(FinderBase):
    """Actors named by what they are, resolved with the words around the noun."""

    # -- role nouns ---------------------------------------------------------------------------------
    def find_roles(self) -> None:
        strings = self.doc.vocab.strings
        for i in self.token_ids(pos=_NOUNISH, lower=_POLICE):
            if not _MAY_HEAD(strings, self.tok_lower[i], self.tok_lemma[i]):
                continue  # _head_word would say None
            lemma = strings[self.tok_lemma[i]].lower()
            tok = self.toks[i]
            head_word = self._head_word(tok)
            if head_word is None:
                continue
            if self.at(tok.idx, tok.idx + len(tok)):
                continue
            if tok.ent_type_ == "ORG" and tok.text[:1].isupper() and not tok.is_sent_start:
                continue  # a capitalised word inside a name: "Association for Political Prisoners"
            misparsed = tok.head.i == tok.i + 1 and tok.head.lower_ in _VERBS_READ_AS_NOUNS
            if (
                tok.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")
                and tok.head.i != tok.i
                and not misparsed
            ):
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
        if low in ("suspects", "suspect") and tok.pos_ == "NOUN":
            return "suspects"
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
        misparsed = tok.head.i == tok.i + 1 and tok.head.lower_ in _VERBS_READ_AS_NOUNS
        # "The Russian military claims": the model hangs "Russian" on "claims", not on "military"
        children = [c for c in tok.head.lefts if c.i < tok.i] if misparsed else list(tok.lefts)
        left = [
            c
            for c in children
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
        toks = self.toks
        span = toks[first : tok.i]
        words = [
            t.text
            for t in span
            if t.pos_ not in ("NUM", "PUNCT") and t.lower_ not in ("at", "least") and not _sponsor(t, toks)
        ]
        joined = re.sub(r"\s*-\s*", "-", " ".join(t.text for t in span))
        if "pro-" in joined.lower():
            words = [*words, joined]
        start = span[0].idx
        while start < tok.idx and toks[first].pos_ in ("DET", "NUM", "PUNCT"):
            first += 1
            start = toks[first].idx if first < tok.i else tok.idx
        return words, start

    def _role(self, tok: Token, head_word: str, lemma: str) -> None:
        words, start = self._qualifiers(tok)
        end = tok.idx + len(tok)
        if head_word == "prisoners of war" and tok.i + 2 < len(self.toks):
            end = self.toks[tok.i + 2].idx + len(self.toks[tok.i + 2])
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
        if head_word == "suspects":
            # arrested suspects belong to the one armed group the article names, if it names one
            groups = {
                m.ref.name: m.ref
                for m in self._named_entries()
                if m.ref.kind in ("rebel_group", "political_militia", "identity_militia")
            }
            if ref is None and len(groups) == 1 and not words:
                ref = next(iter(groups.values()))
            if ref is None:
                return
        if ref is None and speaker and singular(head_word) in ("monitor", "observatory"):
            entry = self.group_for("monitor", tok.idx)
            ref = self.resolver.entry(entry) if entry else None
        if ref is None:
            home = self.country_near(tok.idx)
            resolver = self.resolver if home == self.home else ActorResolver(self.resolver.on, home, self.table)
            ref = resolver.role(words, head_word, speaker=speaker)
        if ref is not None:
            self.add(start, end, ref, ROLE, subject=tok.dep_ in SUBJECTS)

    def _strike_modifiers(self) -> None:
        """A country word on a strike or an operation names its forces: "Russian airstrikes"."""
        strings = self.doc.vocab.strings
        for i in self.token_ids(dep=_MODIFIERS):
            if not _STRIKE_HEAD(strings, self.tok_lemma[self.tok_head[i]]):
                continue
            tok = self.toks[i]
            if self.at(tok.idx, tok.idx + len(tok)):
                continue
            text = tok.text
            if i > 0 and self.tok_dep[i - 1] == _COMPOUND and self.tok_head[i - 1] == i:
                text = f"{self.toks[i - 1].text} {text}"
            code = country_from_demonym(text) or country_from_name(text)
            if code is None and tok.lower_ in ("junta", "regime", "army", "military", "government"):
                # "the junta's air strikes": the home state's forces, unless the phrase names
                # another state ("Russia's special military operation")
                owner = country_in_words([c.text for c in tok.head.lefts if c.i != tok.i])
                code = owner or self.country_near(tok.idx)
            if code:
                start = tok.idx - (len(text) - len(tok.text))
                self.add(start, tok.idx + len(tok), self.resolver.state(code), ROLE)

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
            counted = any(c.dep_ == "nummod" for c in tok.children)
            if counted or tok.dep_ in ("dobj", "nsubjpass"):
                self.add(
                    tok.idx, tok.idx + len(tok), self.resolver.generic("Civilians", "civilians", code), ROLE
                )


_SPONSORED: Final = frozenset(
    {"backed", "supported", "funded", "sponsored", "allied", "aligned", "linked", "armed"}
)


def _sponsor(tok: Token, toks: list[Token]) -> bool:
    """A word naming a sponsor, not an owner: "Iran" in "Iran-backed militants"."""
    i = tok.i
    return i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].lower_ in _SPONSORED


def _label(code: str) -> str:
    from ._canonical import country_label

    return country_label(code)
