"""What a mention resolves to (:class:`ActorRef`) and the names of known kinds of actor (:class:`ActorNamer`).

>>> import datetime as dt
>>> namer = ActorNamer(on=dt.date(2025, 1, 5), home="UA")
>>> namer.state("UA").name, namer.generic("Civilians", "civilians", "UA").name
('Military Forces of Ukraine (2019-)', 'Civilians (Ukraine)')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from ..lexicons._countries import capital_government, country_from_demonym, country_from_name
from ..schema._types import ActorKind
from ._actor_table import ActorEntry, ActorTable, StateAlias, alias_key, table_memo
from ._canonical import country_label, generic_name, government_of, military_forces, police_forces

__all__ = ["POSSESSIVE", "ActorNamer", "ActorRef", "country_in_words", "singular"]

POSSESSIVE: Final = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class ActorRef:
    """What a mention resolves to: the fields of the Actor it belongs to, and the rule that named it."""

    name: str
    kind: ActorKind
    country: str | None = None
    affiliation: str | None = None
    person: bool = False
    rule: str = ""  # the rule that named it
    affiliation_rule: str = ""  # the rule that gave its affiliation


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
    clean = [POSSESSIVE.sub("", w) for w in words]
    for size in (3, 2, 1):
        for i in range(len(clean) - size + 1):
            chunk = " ".join(clean[i : i + size])
            if not chunk or not chunk[0].isupper():
                continue
            code = country_from_demonym(chunk) or country_from_name(chunk) or capital_government(chunk)
            if code:
                return code
    return None


class ActorNamer:
    """Names of known kinds for one document: its date (regime years) and home country (generic actors)."""

    def __init__(self, on: dt.date | None = None, home: str | None = None, table: ActorTable | None = None) -> None:
        self.on = on
        self.home = home
        self.table = table or ActorTable.load()
        self.places: frozenset[str] = frozenset()  # the document's place names, lower case
        self.context: tuple[str, ...] = ()  # countries of the actors the document names unambiguously
        self.crime: str | None = None  # the document is set in organised crime: "words" or "signature"

    def state(self, country: str, branch: str = "Military", *, label: str | None = None) -> ActorRef:
        """A state's military or police forces (of a de facto state ``label`` inside ``country``; or one ``unit``)."""
        build = police_forces if branch == "Police" else military_forces
        return ActorRef(build(label or country, self.on, self.table), "state_forces", country)

    def government(self, country: str) -> ActorRef:
        """A state's civilian government."""
        return ActorRef(government_of(country, self.on, self.table), "government", country)

    def ministry(self, subject: str, country: str | None) -> ActorRef:
        """``Ministry of <Subject> of <Country>``."""
        name = f"Ministry of {subject}" + (f" of {country_label(country)}" if country else "")
        return ActorRef(name, "government", country)

    def entry(self, entry: ActorEntry) -> ActorRef:
        """A table entry as a reference, under the name (and kind) it has on the document's date."""
        return ActorRef(entry.name_on(self.on), entry.kind_on(self.on), entry.country_on(self.on))

    def state_alias(self, alias: StateAlias) -> ActorRef:
        """A state's forces named by their own name ("IDF", "Tatmadaw") or one of their units' ("NISA"): the
        state's military or police (the unit is not part of the name, see ``lexicons/actors.toml``)."""
        return self.state(alias.country, alias.branch, label=alias.label)

    def local(self, entry: ActorEntry, country: str | None = None) -> ActorEntry:
        """The entry's local branch in ``country`` (or the home country), if it has one: "Islamic State" in Somalia."""
        for want in (country, self.home):
            branch = next((b for b in self.table.branches(entry) if want and want in b.branch_in), None)
            if branch is not None:
                return branch
        return entry

    def named(self, text: str, country: str | None = None) -> tuple[ActorRef, ActorEntry | None] | None:
        """The actor a catalogue name, alias or acronym stands for, with its entry (None for a state's forces).

        Among actors sharing the name, the one of ``country`` (a qualifier's), else of the
        home country, else one of no country, else the first; a qualifier's country that
        none of them has names nothing. A parent's name is its local branch's where it has one.
        """
        # the same names recur in every document: memoised by all the answer depends on
        memo = table_memo(self.table, "named")
        key = (text, country, self.home, self.context, self.on)
        if key in memo:
            return memo[key]  # type: ignore[return-value]
        found = memo[key] = self._named(text, country)
        return found

    def _named(self, text: str, country: str | None) -> tuple[ActorRef, ActorEntry | None] | None:
        entries = (*self.table.by_alias(text), *self.table.by_acronym(text))
        states = self.table.states_named(text, country or self.home)
        for want in (country, self.home, *self.context):
            if not want:
                continue
            entry = next((e for e in entries if e.country == want), None)
            if entry is not None:
                return self._entry_ref(entry, country)
            state = next((s for s in states if s.country == want), None)
            if state is not None:
                return self.state_alias(state), None
        if country is not None:
            entry = next((e for e in entries if e.country is None), None)
            return self._entry_ref(entry, country) if entry is not None else None
        if entries:
            key = alias_key(text)
            plain = [e for e in entries if key not in {alias_key(c) for c in e.contextual}] or list(entries)
            return self._entry_ref(next((e for e in plain if e.country is None), plain[0]), country)
        return (self.state_alias(states[0]), None) if states else None

    def _entry_ref(self, entry: ActorEntry, country: str | None) -> tuple[ActorRef, ActorEntry]:
        local = self.local(entry, country)
        return self.entry(local), local

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
