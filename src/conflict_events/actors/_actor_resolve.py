"""Canonical actors from words: the naming rules shared by the extractor and by other extractors.

:class:`ActorResolver` turns the qualifiers and head noun of a phrase ("Yemeni
government" + "forces") into an :class:`ActorRef` (canonical name, kind, country; the
role rules of :mod:`._role_rules` decide), and a free noun phrase ("the Russian Defence
Ministry") likewise.

>>> import datetime as dt
>>> r = ActorResolver(on=dt.date(2025, 1, 5), home="UA")
>>> r.role(["Ukrainian"], "forces").name
'Military Forces of Ukraine (2019-)'
>>> r.role(["North", "Korean"], "soldiers").country
'KP'
>>> r.role([], "gunmen").name
'Unidentified Armed Group (Ukraine)'
>>> r.phrase("the Russian Defence Ministry").name
'Ministry of Defence of Russia'
>>> r.phrase("Somalia's National Intelligence and Security Agency").name
'Military Forces of Somalia (2022-)'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from ..lexicons._countries import capital_government, country_from_demonym, country_from_name, country_name
from ..rules import memo_scope
from ..schema._types import ActorKind
from ._actor_ref import POSSESSIVE, ActorNamer, ActorRef, country_in_words, singular
from ._actor_table import ActorTable
from ._canonical import country_label, military_forces
from ._role_rules import RoleQuery, name_role
from ._role_words import RoleWords, role_words

__all__ = ["ActorResolver", "ministry_in", "split_country_qualifier"]


class ActorResolver(ActorNamer):
    """Naming rules for one document: its date (regime years), home country (generic actors) and role words."""

    def __init__(
        self,
        on: dt.date | None = None,
        home: str | None = None,
        table: ActorTable | None = None,
        roles: RoleWords | None = None,
    ) -> None:
        super().__init__(on, home, table)
        self.roles = roles or role_words()
        self.org_heads, self.government_heads = _heads(self.roles)

    # -- role nouns ---------------------------------------------------------------------
    def role(
        self, qualifiers: Sequence[str], head: str, *, speaker: bool = False, acting: bool = False
    ) -> ActorRef | None:
        """The actor a role noun names, given the words before it ("Ukrainian" + "forces").

        Returns None when the words name no actor this resolver can place (bare
        "soldiers" with no country word: whose soldiers is a matter of context).
        The reference carries the name of the rule that decided (:mod:`._role_rules`).
        """
        scope = memo_scope()
        if scope is None:
            return self._name_role(qualifiers, head, speaker, acting)
        # the rules read the words, the document's date, home country and place names (as identity words)
        words = tuple(qualifiers)
        places = tuple(w.lower() in self.places for w in words)
        key = (words, head, speaker, acting, self.on, self.home, places, self.crime, scope)
        memo = _role_memo(self.table, self.roles)
        if key in memo:
            return memo[key]
        if len(memo) >= _ROLE_MEMO_SIZE:
            memo.clear()
        ref = memo[key] = self._name_role(words, head, speaker, acting)
        return ref

    def _name_role(self, qualifiers: Sequence[str], head: str, speaker: bool, acting: bool) -> ActorRef | None:
        query = RoleQuery.of(list(qualifiers), head, self, speaker=speaker, acting=acting, roles=self.roles)
        return name_role(query)

    # -- free phrases --------------------------------------------------------------------
    def phrase(self, text: str) -> ActorRef | None:
        """Canonicalise a noun phrase as written ("the Russian Defence Ministry", "Kyiv", "gunmen")."""
        text = " ".join(text.replace("\u2019", "'").split()).strip(" ,.;:")
        if not text:
            return None
        words = text.split()
        while words and words[0].lower() in self.roles.determiners:
            words = words[1:]
        if not words:
            return None
        bare = " ".join(words)
        found = self.lookup(bare)
        if found:
            return found
        ministry = ministry_in(bare, self.roles)
        if ministry:
            return self.ministry(ministry[0], ministry[1] or self.home)
        # "Somalia's National Intelligence and Security Agency", "Ukrainian NSDC"
        qualifier, rest = split_country_qualifier(words, self.roles)
        if qualifier and rest:
            found = self.lookup(" ".join(rest), qualifier)
            if found:
                return found
        code = country_from_name(bare) or capital_government(bare)
        if code:
            return self.government(code)
        body = self.body(words)
        if body:
            return body
        return self.role(words[:-1], words[-1], speaker=True)

    def lookup(self, text: str, country: str | None = None) -> ActorRef | None:
        """A table name, alias or acronym, or a state's own name for its forces (see :meth:`named`)."""
        found = self.named(text, country)
        return found[0] if found is not None else None

    def body(self, words: Sequence[str]) -> ActorRef | None:
        """An institution named "<Country>'s <Body>" or "<Demonym> <Body>" -> "<Body> of <Country>"."""
        qualifier, rest = split_country_qualifier(words, self.roles)
        if not qualifier or not rest or singular(rest[-1]) not in self.org_heads:
            return None
        label = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in rest)
        lowered = label.lower()
        owned = words[0].endswith(("'s", "’s")) or _national_adjective(words[0], qualifier)
        if not owned and not lowered.endswith(("army", "forces", "police")):
            # a country name inside a proper name stays there: "Sudan Doctors Network"
            kind_: ActorKind = "government" if singular(rest[-1]) in self.government_heads else "organization"
            return ActorRef(" ".join(words), kind_, qualifier)
        if lowered.endswith(tuple(self.roles.state_branch_heads)):
            return self.state(qualifier, "Military")
        units = self.roles.state_unit_heads
        if lowered in units or lowered.endswith(tuple(units)):
            return ActorRef(f"{military_forces(qualifier, self.on, self.table)} {label}", "state_forces", qualifier)
        kind: ActorKind = (
            "state_forces"
            if lowered.endswith(("army", "forces", "police"))
            else ("government" if singular(rest[-1]) in self.government_heads else "organization")
        )
        if kind == "state_forces":
            return self.state(qualifier, "Police" if lowered.endswith("police") else "Military")
        return ActorRef(f"{label} of {country_label(qualifier)}", kind, qualifier)


# the role nouns' decisions, per table and role words (by identity, each entry holding both): the same
# few phrases ("gunmen", "Somali forces") recur in every document; bounded, it starts over when full
_ROLE_MEMO_SIZE: Final = 1 << 14
_ROLE_MEMOS: dict[tuple[int, int], tuple[ActorTable, RoleWords, dict[tuple[object, ...], ActorRef | None]]] = {}


def _role_memo(table: ActorTable, roles: RoleWords) -> dict[tuple[object, ...], ActorRef | None]:
    hit = _ROLE_MEMOS.get((id(table), id(roles)))
    if hit is not None and hit[0] is table and hit[1] is roles:
        return hit[2]
    if len(_ROLE_MEMOS) >= 8:
        _ROLE_MEMOS.clear()
    memo: dict[tuple[object, ...], ActorRef | None] = {}
    _ROLE_MEMOS[(id(table), id(roles))] = (table, roles, memo)
    return memo


@lru_cache(maxsize=16)  # one resolver per document (and per place in it): the heads are the role words'
def _heads(roles: RoleWords) -> tuple[frozenset[str], frozenset[str]]:
    """The singular heads of organisations and institutions, and the heads of government bodies."""
    org = frozenset(singular(h) for h in roles.institution_heads | roles.organisation_heads)
    return org, roles.institution_heads | roles.government_heads


_MINISTRY_OF = re.compile(
    r"\bMinistry\s+of\s+(?:the\s+)?(?P<subject>[A-Z][a-z]+(?:\s+(?:Affairs|Situations))?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
)
_X_MINISTRY = re.compile(r"\b(?P<subject>[A-Z][a-z]+(?:\s+Affairs)?)\s+Ministry\b")


def _national_adjective(word: str, code: str) -> bool:
    """Whether a demonym names the state itself ("Ukrainian"), not a people within it ("Karen", "Tigrayan").

    >>> _national_adjective("Ukrainian", "UA"), _national_adjective("Karen", "MM")
    (True, False)
    """
    name = (country_name(code) or "").lower()
    return country_from_demonym(word) == code and name[:4] == word.lower()[:4]


def ministry_in(text: str, roles: RoleWords | None = None) -> tuple[str, str | None] | None:
    """(canonical subject, country) of a ministry named in ``text``, or None.

    >>> ministry_in("Russia's Defense Ministry"), ministry_in("the Ministry of Foreign Affairs of Ukraine")
    (('Defence', 'RU'), ('Foreign Affairs', 'UA'))
    """
    ministries = (roles or role_words()).ministries
    text = text.replace("\u2019", "'")
    for pattern in (_MINISTRY_OF, _X_MINISTRY):
        m = pattern.search(text)
        if not m:
            continue
        subject = ministries.get(m.group("subject").lower())
        if subject is None:
            continue
        country = None
        named = m.groupdict().get("country")
        if named:
            country = country_from_name(named)
        if country is None:
            country = country_in_words(text[: m.start()].split()[-3:])
        return subject, country
    return None


def split_country_qualifier(words: Sequence[str], roles: RoleWords | None = None) -> tuple[str | None, list[str]]:
    """Split a leading "<Country>'s" or demonym off a phrase: (code, rest).

    >>> split_country_qualifier(["Ukraine's", "National", "Security", "Council"])
    ('UA', ['National', 'Security', 'Council'])
    """
    determiners = (roles or role_words()).determiners
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        head = [POSSESSIVE.sub("", w) for w in words[:size]]
        code = country_in_words([" ".join(head)]) if head[0][:1].isupper() else None
        if code:
            rest = list(words[size:])
            while rest and rest[0].lower() in determiners:
                rest = rest[1:]
            return code, rest
    return None, list(words)
