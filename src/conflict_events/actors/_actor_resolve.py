"""Canonical actors from words: the naming rules shared by the extractor and by other extractors.

:class:`ActorResolver` turns the qualifiers and head noun of a phrase ("Yemeni
government" + "forces") into an :class:`ActorRef` (canonical name, kind, country);
:func:`resolve_actor_phrase` does the same for a free noun phrase against a draft.

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
'National Intelligence and Security Agency'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from ..lexicons._countries import capital_government, country_from_demonym, country_from_name, country_name
from ..schema import Actor
from ..schema._types import ActorKind
from . import _role_words as roles
from ._actor_table import ActorEntry, ActorTable, StateAlias, alias_key
from ._canonical import country_label, generic_name, government_of, military_forces, police_forces

if TYPE_CHECKING:
    from ..draft import Draft

__all__ = ["ActorRef", "ActorResolver", "country_in_words", "resolve_actor_phrase", "singular"]

_POSSESSIVE = re.compile(r"['’]s?$")
_DETERMINERS: Final = frozenset(
    {"the", "a", "an", "some", "several", "many", "other", "another", "its", "their"}
)
_ORG_HEADS: Final = roles.INSTITUTION_HEADS | frozenset(
    {
        "parliament",
        "cabinet",
        "presidency",
        "guard",
        "command",
        "staff",
        "administration",
        "bureau",
        "court",
        "front",
        "movement",
        "party",
        "army",
        "organization",
        "organisation",
        "observatory",
        "union",
        "fund",
        "programme",
        "program",
        "network",
        "brigade",
        "brigades",
        "group",
        "forces",
        "force",
        "police",
        "coalition",
        "mission",
        "institute",
        "centre",
        "center",
    }
)
# Heads of a state's civilian institutions (others are organisations: "network", "observatory").
_GOVERNMENT_HEADS: Final = roles.INSTITUTION_HEADS | frozenset(
    {"parliament", "cabinet", "presidency", "administration", "bureau", "court"}
)
# Capitalised at a sentence start, these are no identity ("Armed men", "Suspected gunmen").
_NOT_IDENTITIES: Final = frozenset(
    {
        "armed",
        "unknown",
        "unidentified",
        "suspected",
        "alleged",
        "masked",
        "heavily",
        "local",
        "other",
        "several",
        "some",
        "many",
        "two",
        "three",
        "dozens",
        "hundreds",
        "more",
        "rival",
        "clan",
        "ethnic",
        "communal",
        "tribal",
    }
)
_STATE_UNIT_HEADS: Final = frozenset(
    {"guard", "navy", "air force", "border guard", "marines", "special forces"}
)


@lru_cache(maxsize=1 << 14)  # called for every candidate noun: the same words recur in every document
def singular(word: str) -> str:
    """A plain singular of an English noun, lower-cased ("militias" -> "militia", "men" kept).

    >>> singular("Civilians"), singular("militias"), singular("gunmen"), singular("witnesses")
    ('civilian', 'militia', 'gunman', 'witness')
    """
    w = word.lower()
    if w.endswith("men") and len(w) > 3:
        return w[:-3] + "man"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def country_in_words(words: Sequence[str]) -> str | None:
    """The country named by a demonym, a country or capital name among ``words`` (two-word names first).

    >>> country_in_words(["the", "North", "Korean"]), country_in_words(["Moscow’s"])
    ('KP', 'RU')
    >>> country_in_words(["new"]) is None
    True
    """
    return _country_in_words(tuple(words))


@lru_cache(maxsize=1 << 14)  # the same few qualifier words ("the", "Russian") recur in every document
def _country_in_words(words: tuple[str, ...]) -> str | None:
    clean = [_POSSESSIVE.sub("", w) for w in words]
    for size in (3, 2, 1):
        for i in range(len(clean) - size + 1):
            chunk = " ".join(clean[i : i + size])
            if not chunk or not chunk[0].isupper():
                continue
            code = country_from_demonym(chunk) or country_from_name(chunk) or capital_government(chunk)
            if code:
                return code
    return None


@dataclass(frozen=True)
class ActorRef:
    """What a mention resolves to: the fields of the Actor it belongs to."""

    name: str
    kind: ActorKind
    country: str | None = None
    affiliation: str | None = None
    person: bool = False


class ActorResolver:
    """Naming rules for one document: its date (regime years) and home country (generic actors)."""

    def __init__(
        self, on: dt.date | None = None, home: str | None = None, table: ActorTable | None = None
    ) -> None:
        self.on = on
        self.home = home
        self.table = table or ActorTable.load()

    # -- names of known kinds ---------------------------------------------------------
    def state(self, country: str, branch: str = "Military") -> ActorRef:
        """A state's military or police forces."""
        build = police_forces if branch == "Police" else military_forces
        return ActorRef(build(country, self.on, self.table), "state_forces", country)

    def government(self, country: str) -> ActorRef:
        """A state's civilian government."""
        return ActorRef(government_of(country, self.on, self.table), "government", country)

    def ministry(self, subject: str, country: str | None) -> ActorRef:
        """``Ministry of <Subject> of <Country>``."""
        name = f"Ministry of {subject}" + (f" of {country_label(country)}" if country else "")
        return ActorRef(name, "government", country)

    def entry(self, entry: ActorEntry) -> ActorRef:
        """A table entry as a reference."""
        return ActorRef(entry.name, entry.kind, entry.country)

    def state_alias(self, alias: StateAlias) -> ActorRef:
        """A state's forces named by their own name ("IDF", "Tatmadaw")."""
        return self.state(alias.country, alias.branch)

    def generic(self, label: str, kind: ActorKind, country: str | None) -> ActorRef:
        """ACLED's ``Label (Country)`` actors."""
        return ActorRef(generic_name(label, country), kind, country)

    def pick(self, entries: Sequence[ActorEntry], country: str | None = None) -> ActorEntry | None:
        """Of entries sharing an alias, the one of the given (or the home) country, else the first."""
        if not entries:
            return None
        for want in (country, self.home):
            for e in entries:
                if want and e.country == want:
                    return e
        return entries[0]

    # -- role nouns ---------------------------------------------------------------------
    def role(self, qualifiers: Sequence[str], head: str, *, speaker: bool = False) -> ActorRef | None:
        """The actor a role noun names, given the words before it ("Ukrainian" + "forces").

        Returns None when the words name no actor this resolver can place (bare
        "soldiers" with no country word: whose soldiers is a matter of context).
        """
        words = [w for w in qualifiers if w.lower() not in _DETERMINERS]
        low = [w.lower() for w in words]
        joined = " ".join(low)
        noun = singular(head)
        country = country_in_words(words)
        pro_gov = bool(re.search(r"\bpro\s*-?\s*(government|regime|junta)", joined))
        gov_word = any(w in roles.GOVERNMENT_WORDS for w in low)
        unknown = any(w in ("unknown", "unidentified") for w in low)

        if noun == "source" or head.lower() == "sources":
            for w in low:
                if w in roles.SOURCE_KINDS:
                    label, kind = roles.SOURCE_KINDS[w]
                    return self.generic(label, kind, country or self.home)  # type: ignore[arg-type]
            return self.generic("Sources", "unknown", country or self.home)
        if speaker and noun in roles.SPEAKERS:
            label, kind = roles.SPEAKERS[noun]
            return self.generic(label, kind, country or self.home)  # type: ignore[arg-type]
        if noun == "officer" and any(w in ("army", "military", "intelligence", "navy") for w in low):
            target = country or self.home
            return self.state(target) if target else None  # "army officers" are no policemen
        if noun in roles.POLICE or ("police" in low and noun in ("officer", "force", "unit")):
            target = country or self.home
            return self.state(target, "Police") if target else None
        if pro_gov and (noun in roles.MILITARY or noun in roles.REBEL or noun in roles.ARMED_UNKNOWN):
            return self.generic("Pro-Government Militia", "political_militia", country or self.home)
        if noun in roles.MILITARY or head.lower() in ("forces", "armed forces"):
            if country:
                return self.state(country)
            bare = noun in roles.MILITARY_BARE or f"{low[-1] if low else ''} {noun}".strip() in (
                "security force",
                "armed force",
                "security forces",
                "armed forces",
            )
            if (gov_word or (bare and noun not in ("troop", "soldier"))) and self.home:
                return self.state(self.home)
            return None
        if noun in roles.CROWD_PROTEST:
            return self.generic("Protesters", "protesters", country or self.home)
        if noun in roles.CROWD_RIOT:
            return self.generic("Rioters", "rioters", country or self.home)
        if "vigilante" in low or noun == "vigilante":
            return self.generic("Vigilante Militia", "political_militia", country or self.home)
        if noun == "militia" or noun == "militiamen":
            return self._militia(words, country or self.home)
        if (
            noun in roles.ARMED_UNKNOWN
            or head.lower() in roles.ARMED_UNKNOWN
            or (unknown and noun in roles.REBEL)
        ):
            ident = self._identity(words)
            if ident and not unknown:
                return self.generic(f"{ident} Ethnic Militia", "identity_militia", country or self.home)
            return self.generic("Unidentified Armed Group", "political_militia", country or self.home)
        if noun in roles.REBEL:
            return self.generic("Unidentified Armed Group", "political_militia", country or self.home)
        if noun in roles.CIVILIAN or head.lower() in (
            "prisoners of war",
            "pows",
            "people",
            "children",
            "women",
        ):
            return self.generic("Civilians", "civilians", country or self.home)
        if noun == "junta":
            target = country or self.home
            return self.state(target) if target else None
        if noun in ("government", "regime", "authority", "administration"):
            target = country or self.home
            return self.government(target) if target else None
        return None

    def _identity(self, words: Sequence[str]) -> str | None:
        """A capitalised identity word before the noun that is no country adjective ("Fulani")."""
        for w in words:
            if (
                w[:1].isupper()
                and w.isalpha()
                and not country_in_words([w])
                and w.lower() not in _DETERMINERS
                and w.lower() not in _NOT_IDENTITIES
            ):
                return w
        return None

    def _militia(self, words: Sequence[str], country: str | None) -> ActorRef:
        low = [w.lower() for w in words]
        for kind_word, label in (
            ("clan", "Clan"),
            ("communal", "Communal"),
            ("tribal", "Tribal"),
            ("ethnic", "Ethnic"),
        ):
            if kind_word in low:
                ident = self._identity(words)
                name = f"{ident} {label} Militia" if ident else f"{label} Militia"
                return self.generic(name, "identity_militia", country)
        ident = self._identity(words)
        if ident:
            return self.generic(f"{ident} Ethnic Militia", "identity_militia", country)
        if "vigilante" in low:
            return self.generic("Vigilante Militia", "political_militia", country)
        return self.generic("Unidentified Armed Group", "political_militia", country)

    # -- free phrases --------------------------------------------------------------------
    def phrase(self, text: str) -> ActorRef | None:
        """Canonicalise a noun phrase as written ("the Russian Defence Ministry", "Kyiv", "gunmen")."""
        text = " ".join(text.replace("\u2019", "'").split()).strip(" ,.;:")
        if not text:
            return None
        words = text.split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if not words:
            return None
        bare = " ".join(words)
        found = self.lookup(bare)
        if found:
            return found
        ministry = ministry_in(bare)
        if ministry:
            return self.ministry(ministry[0], ministry[1] or self.home)
        # "Somalia's National Intelligence and Security Agency", "Ukrainian NSDC"
        qualifier, rest = split_country_qualifier(words)
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
        """A table name, alias or acronym, or a state's own name for its forces."""
        entry = self.pick(self.table.by_alias(text), country) or self.pick(
            self.table.by_acronym(text), country
        )
        if entry and (country is None or entry.country in (None, country)):
            return self.entry(entry)
        key = alias_key(text)
        for state in self.table.states:
            named = key in {alias_key(a) for a in state.aliases} or text in state.acronyms
            if named and (country is None or state.country == country):
                return self.state_alias(state)
        return None

    def body(self, words: Sequence[str]) -> ActorRef | None:
        """An institution named "<Country>'s <Body>" or "<Demonym> <Body>" -> "<Body> of <Country>"."""
        qualifier, rest = split_country_qualifier(words)
        if not qualifier or not rest or singular(rest[-1]) not in {singular(h) for h in _ORG_HEADS}:
            return None
        label = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in rest)
        lowered = label.lower()
        owned = words[0].endswith(("'s", "’s")) or _national_adjective(words[0], qualifier)
        if not owned and not lowered.endswith(("army", "forces", "police")):
            # a country name inside a proper name stays there: "Sudan Doctors Network"
            kind_: ActorKind = "government" if singular(rest[-1]) in _GOVERNMENT_HEADS else "organization"
            return ActorRef(" ".join(words), kind_, qualifier)
        if lowered in _STATE_UNIT_HEADS or lowered.endswith(tuple(_STATE_UNIT_HEADS)):
            return ActorRef(
                f"{military_forces(qualifier, self.on, self.table)} {label}", "state_forces", qualifier
            )
        kind: ActorKind = (
            "state_forces"
            if lowered.endswith(("army", "forces", "police"))
            else ("government" if singular(rest[-1]) in _GOVERNMENT_HEADS else "organization")
        )
        if kind == "state_forces":
            return self.state(qualifier, "Police" if lowered.endswith("police") else "Military")
        return ActorRef(f"{label} of {country_label(qualifier)}", kind, qualifier)


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


def ministry_in(text: str) -> tuple[str, str | None] | None:
    """(canonical subject, country) of a ministry named in ``text``, or None.

    >>> ministry_in("Russia's Defense Ministry"), ministry_in("the Ministry of Foreign Affairs of Ukraine")
    (('Defence', 'RU'), ('Foreign Affairs', 'UA'))
    """
    text = text.replace("\u2019", "'")
    for pattern in (_MINISTRY_OF, _X_MINISTRY):
        m = pattern.search(text)
        if not m:
            continue
        subject = roles.MINISTRIES.get(m.group("subject").lower())
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


def split_country_qualifier(words: Sequence[str]) -> tuple[str | None, list[str]]:
    """Split a leading "<Country>'s" or demonym off a phrase: (code, rest).

    >>> split_country_qualifier(["Ukraine's", "National", "Security", "Council"])
    ('UA', ['National', 'Security', 'Council'])
    """
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        head = [_POSSESSIVE.sub("", w) for w in words[:size]]
        code = country_in_words([" ".join(head)]) if head[0][:1].isupper() else None
        if code:
            rest = list(words[size:])
            while rest and rest[0].lower() in _DETERMINERS:
                rest = rest[1:]
            return code, rest
    return None, list(words)


def resolve_actor_phrase(text: str, draft: Draft, table: ActorTable | None = None) -> Actor | None:
    """The draft's actor a noun phrase names, or a new (unlisted) Actor for it, or None.

    An actor already in ``draft.actors`` with a mention reading ``text``, or with the
    canonical name the phrase resolves to, is returned as is (same id). Otherwise a
    new Actor with no mentions is returned; it is not added to the draft.

    >>> import datetime as dt
    >>> from conflict_events.draft import Draft
    >>> from conflict_events.schema import Document
    >>> d = Draft(Document(id="x", text="Gunmen attacked.", date=dt.date(2024, 3, 24)))
    >>> resolve_actor_phrase("Somalia's National Intelligence and Security Agency", d).country
    'SO'
    >>> resolve_actor_phrase("Ukraine's Foreign Minister", d) is None
    True
    """
    wanted = " ".join(text.split()).lower()
    for actor in draft.actors:
        if any(" ".join(m.text.split()).lower() == wanted for m in actor.mentions):
            return actor
    countries = [loc.country for loc in draft.locations if loc.country]
    home = max(set(countries), key=countries.count) if countries else None
    ref = ActorResolver(draft.document.date, home, table).phrase(text)
    if ref is None:
        return None
    for actor in draft.actors:
        if actor.name == ref.name:
            return actor
    return Actor(
        id=draft.new_id("actor", ref.name),
        name=ref.name,
        kind=ref.kind,
        country=ref.country,
        affiliation=ref.affiliation,
    )
