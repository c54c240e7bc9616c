"""The actor alias table: named actors, states' own forces and regime years, read from TOML.

The built-in table is ``lexicons/actors.toml``; users add their own files (same
format), read after it. Tables are parsed once per process per path.

>>> table = ActorTable.load()
>>> table.entry("Al Shabaab").country
'SO'
>>> [e.name for e in table.by_alias("al-shabab")]  # the second only in Mozambique (a contextual alias)
['Al Shabaab', 'Islamic State (Mozambique)']
>>> table.regime_years("RU", __import__("datetime").date(2025, 1, 5))
'2000-'
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, get_args

from ..errors import ConflictEventsError
from ..schema._types import ActorKind

__all__ = [
    "ActorEntry",
    "ActorTable",
    "ActorTableError",
    "Regime",
    "Renaming",
    "StateAlias",
    "alias_key",
    "ruler_patterns",
    "table_memo",
]

BUILTIN: Final = "actors.toml"
_KINDS: Final = frozenset(get_args(ActorKind))
_BRANCHES: Final = frozenset({"Military", "Police"})


class ActorTableError(ConflictEventsError):
    """An actor table file cannot be read or has a malformed entry; ``source`` is the file."""


def alias_key(text: str) -> str:
    """The form aliases are compared in: lower case, straight apostrophes, hyphens as spaces.

    >>> alias_key("Al-Shabaab’s ") == alias_key("al shabaab's")
    True
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("-", " ").replace("\u2010", " ")
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Renaming:
    """A name an actor had for a while: from ``start`` (inclusive) to ``until`` (exclusive), either open."""

    name: str
    start: dt.date | None = None
    until: dt.date | None = None
    kind: ActorKind | None = None  # the kind it had then, when it changed ("Taliban" as Afghanistan's forces)
    country: str | None = None  # whose it was then, when that changed (the DPR's militia as Russia's forces)

    def holds(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.until is None or on < self.until)


@dataclass(frozen=True)
class ActorEntry:
    """One named actor of the table."""

    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    default_in: tuple[str, ...] = ()
    affiliate_of: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()
    branch_in: tuple[str, ...] = ()
    renamed: tuple[Renaming, ...] = ()
    # a coalition or operation whose members' forces ACLED names after it in its theatres ("US forces" in Syria)
    members: tuple[str, ...] = ()
    theatres: tuple[str, ...] = ()

    def name_on(self, on: dt.date | None) -> str:
        """The name the actor has on a date (its ``renamed`` periods), else :attr:`name`."""
        period = self._period(on)
        return period.name if period is not None else self.name

    def kind_on(self, on: dt.date | None) -> ActorKind:
        """The kind the actor has on a date."""
        period = self._period(on)
        return period.kind if period is not None and period.kind is not None else self.kind

    def country_on(self, on: dt.date | None) -> str | None:
        """The country the actor belongs to on a date."""
        period = self._period(on)
        return period.country if period is not None and period.country is not None else self.country

    def _period(self, on: dt.date | None) -> Renaming | None:
        return next((r for r in self.renamed if r.holds(on)), None) if on is not None else None


@dataclass(frozen=True)
class StateAlias:
    """Names of one state's own forces ("IDF", "Tatmadaw"), or of one of their units ("NISA").

    ``unit`` is written after the regime years ("Military Forces of Somalia (2022-) National
    Intelligence and Security Agency"); ``label`` names a de facto state that is no country
    of its own ("Somaliland", inside Somalia); ``demonyms`` are the words that name that
    state's forces or people in role phrases ("Somaliland police"); ``generic`` are
    descriptions that name the unit in its country ("intelligence agency").
    """

    country: str
    branch: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    unit: str | None = None
    label: str | None = None
    demonyms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regime:
    """Regime years of a state actor name, valid from ``start`` (inclusive) to ``until`` (exclusive)."""

    country: str
    start: dt.date
    years: str
    until: dt.date | None = None


@dataclass(frozen=True)
class ActorTable:
    """Every entry of one or more table files, with lookups by alias."""

    entries: tuple[ActorEntry, ...] = ()
    states: tuple[StateAlias, ...] = ()
    regimes: tuple[Regime, ...] = ()
    _alias: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict, compare=False, repr=False)
    _acronym: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict, compare=False, repr=False)
    _state_names: dict[str, tuple[StateAlias, ...]] = field(default_factory=dict, compare=False, repr=False)
    _branches: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Later tables (user files) come last; their entries are put first so they win.
        for entry in reversed(self.entries):
            for alias in (entry.name, *entry.aliases, *entry.contextual):
                key = alias_key(alias)
                if entry not in self._alias.get(key, ()):
                    self._alias[key] = (*self._alias.get(key, ()), entry)
            for acronym in entry.acronyms:
                if entry not in self._acronym.get(acronym, ()):
                    self._acronym[acronym] = (*self._acronym.get(acronym, ()), entry)
            if entry.branch_in:
                for parent in entry.affiliate_of:
                    key = alias_key(parent)
                    self._branches[key] = (*self._branches.get(key, ()), entry)
        for state in reversed(self.states):
            for name in (*(alias_key(a) for a in state.aliases), *state.acronyms):
                if state not in self._state_names.get(name, ()):
                    self._state_names[name] = (*self._state_names.get(name, ()), state)

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorTable:
        """The built-in table plus the user's files, in order (cached per list of paths)."""
        return _load_tables(tuple(str(p) for p in extra))

    def entry(self, name: str) -> ActorEntry | None:
        """The entry with this canonical name (or alias), if any."""
        found = self.by_alias(name)
        return found[0] if found else None

    def by_alias(self, text: str) -> tuple[ActorEntry, ...]:
        """Entries one of whose names or aliases is ``text`` (case-insensitive)."""
        return self._alias.get(alias_key(text), ())

    def by_acronym(self, text: str) -> tuple[ActorEntry, ...]:
        """Entries with this acronym, matched case-sensitively."""
        return self._acronym.get(text.replace(".", "") if text.count(".") > 1 else text, ())

    def regime_years(self, country: str, on: dt.date) -> str | None:
        """The regime years (e.g. ``"2019-"``) of a state on a date, or None if the table has none."""
        for regime in self.regimes:
            if regime.country == country and regime.start <= on and (regime.until is None or on < regime.until):
                return regime.years
        return None

    def active_in(self, name: str) -> frozenset[str]:
        """The countries a named actor fights in: its own and those of its local branches (``branch_in``).

        >>> sorted(ActorTable.load().active_in("Islamic State (Sahel)"))
        ['BF', 'ML', 'NE']
        """
        entry = self.entry(name)
        if entry is None:
            return frozenset()
        return frozenset(c for c in (entry.country, *entry.branch_in) if c)

    def acting_as(self, state: str, place: str | None) -> ActorEntry | None:
        """The coalition a state's forces act as in a country, as ACLED names them there (its ``members`` and
        ``theatres``), or None.

        >>> ActorTable.load().acting_as("SA", "YE").name
        'Operation Restoring Hope'
        >>> ActorTable.load().acting_as("SA", "SA") is None
        True
        """
        if place is None:
            return None
        return next((e for e in self.entries if state in e.members and place in e.theatres), None)

    def branches(self, parent: ActorEntry) -> tuple[ActorEntry, ...]:
        """The local branches of a parent entry: entries whose ``affiliate_of`` names it and that have ``branch_in``."""
        return self._branches.get(alias_key(parent.name), ())

    def states_named(self, text: str, home: str | None = None) -> tuple[StateAlias, ...]:
        """The states' forces (or units) with this alias (case-insensitive) or acronym (exact).

        An alias a row marks ``contextual`` names it only in documents set in its country (``home``).
        """
        key = alias_key(text)
        named = self._state_names.get(key, ()) + tuple(s for s in self._state_names.get(text, ()) if text in s.acronyms)
        return tuple(s for s in named if s.country == home or key not in {alias_key(c) for c in s.contextual})

    def de_facto(self, word: str) -> StateAlias | None:
        """The de facto state (its main forces) a demonym names ("Somaliland"), or None."""
        key = alias_key(word)
        for state in self.states:
            if state.label and state.unit is None and key in {alias_key(d) for d in state.demonyms}:
                return state
        return None

    def all_aliases(self) -> Iterable[tuple[str, ActorEntry]]:
        """Every (name or alias, entry) pair, the user's entries first."""
        for entry in reversed(self.entries):
            for alias in (entry.name, *entry.aliases, *entry.contextual):
                yield alias, entry


@lru_cache(maxsize=16)
def _load_tables(extra: tuple[str, ...]) -> ActorTable:
    builtin = resources.files("conflict_events.lexicons").joinpath(BUILTIN).read_text(encoding="utf-8")
    parts = [_parse(tomllib.loads(builtin), BUILTIN)]
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ActorTableError(f"cannot read actor table: {err}", source=path) from err
        parts.append(_parse(data, path))
    return ActorTable(
        entries=tuple(e for p in parts for e in p[0]),
        states=tuple(s for p in parts for s in p[1]),
        # user regimes first, so they override ours for the same dates
        regimes=tuple(r for p in reversed(parts) for r in p[2]),
    )


def _strings(raw: dict[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActorTableError(
            f"{key!r} of {raw.get('name') or raw.get('country')!r} must be a list of strings", source=source
        )
    return tuple(value)


def _parse(data: dict[str, Any], source: str) -> tuple[list[ActorEntry], list[StateAlias], list[Regime]]:
    entries: list[ActorEntry] = []
    for raw in data.get("actor", []):
        name, kind = raw.get("name"), raw.get("kind")
        if not isinstance(name, str) or not name:
            raise ActorTableError(f"an [[actor]] entry has no name: {raw!r}", source=source)
        if kind not in _KINDS:
            raise ActorTableError(f"actor {name!r} has unknown kind {kind!r}", source=source)
        entries.append(
            ActorEntry(
                name=name,
                kind=kind,
                country=raw.get("country"),
                aliases=_strings(raw, "aliases", source),
                acronyms=_strings(raw, "acronyms", source),
                generic=_strings(raw, "generic", source),
                default_in=_strings(raw, "default_in", source),
                affiliate_of=_strings(raw, "affiliate_of", source),
                contextual=_strings(raw, "contextual", source),
                branch_in=_strings(raw, "branch_in", source),
                renamed=_renamings(raw, source),
                members=_strings(raw, "members", source),
                theatres=_strings(raw, "theatres", source),
            )
        )
    states: list[StateAlias] = []
    for raw in data.get("state", []):
        if raw.get("branch") not in _BRANCHES or not isinstance(raw.get("country"), str):
            raise ActorTableError(
                f"a [[state]] entry needs a country and a branch in {sorted(_BRANCHES)}: {raw!r}",
                source=source,
            )
        states.append(
            StateAlias(
                country=raw["country"],
                branch=raw["branch"],
                aliases=_strings(raw, "aliases", source),
                acronyms=_strings(raw, "acronyms", source),
                unit=_optional(raw, "unit", source),
                label=_optional(raw, "label", source),
                demonyms=_strings(raw, "demonyms", source),
                generic=_strings(raw, "generic", source),
                contextual=_strings(raw, "contextual", source),
            )
        )
    regimes: list[Regime] = []
    for raw in data.get("regime", []):
        try:
            regimes.append(
                Regime(
                    country=raw["country"],
                    start=_date(raw["from"]),
                    years=raw["years"],
                    until=_date(raw["until"]) if "until" in raw else None,
                )
            )
        except (KeyError, ValueError, TypeError) as err:
            raise ActorTableError(f"bad [[regime]] entry {raw!r}: {err}", source=source) from err
    return entries, states, regimes


def _optional(raw: dict[str, Any], key: str, source: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ActorTableError(f"{key!r} of {raw.get('country')!r} must be a string", source=source)
    return value


def _renamings(raw: dict[str, Any], source: str) -> tuple[Renaming, ...]:
    out = []
    for item in raw.get("renamed", []):
        try:
            kind = item.get("kind")
            if kind is not None and kind not in _KINDS:
                raise ValueError(f"unknown kind {kind!r}")
            out.append(
                Renaming(
                    name=str(item["name"]),
                    start=_date(item["from"]) if "from" in item else None,
                    until=_date(item["until"]) if "until" in item else None,
                    kind=kind,
                    country=str(item["country"]) if "country" in item else None,
                )
            )
        except (KeyError, ValueError, TypeError) as err:
            raise ActorTableError(f"bad [[actor.renamed]] of {raw.get('name')!r}: {err}", source=source) from err
    return tuple(out)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns (ORG) for the table's named actors, so the small model labels them right.

    >>> any(p["pattern"] == "Hayat Tahrir al-Sham" for p in ruler_patterns())
    True
    """
    table = ActorTable.load()
    patterns: list[dict[str, Any]] = []
    seen: set[str] = set()
    for alias, entry in table.all_aliases():
        for form in {alias, alias.replace("'", "’")}:
            if form in seen or (len(form.split()) == 1 and form.islower()) or ":" in form:
                continue
            seen.add(form)
            patterns.append({"label": "ORG", "pattern": form, "id": entry.name})
            if form[:1].islower():
                patterns.append({"label": "ORG", "pattern": form[:1].upper() + form[1:], "id": entry.name})
    for entry in table.entries:
        for acronym in entry.acronyms:
            if acronym not in seen and len(acronym) > 2:
                seen.add(acronym)
                patterns.append({"label": "ORG", "pattern": acronym, "id": entry.name})
    return patterns


_MEMO_SIZE: Final = 1 << 14
_TABLE_MEMOS: dict[tuple[int, str], tuple[ActorTable, dict[object, object]]] = {}


def table_memo(table: ActorTable, name: str) -> dict[object, object]:
    """A memo of one function of the table, by the table's identity (a table hashes all its rows).

    The memo holds the table, so its id names no other table while the memo lives; bounded, it starts over
    when full.
    """
    hit = _TABLE_MEMOS.get((id(table), name))
    if hit is None or hit[0] is not table:
        if len(_TABLE_MEMOS) >= 32:
            _TABLE_MEMOS.clear()
        hit = _TABLE_MEMOS[(id(table), name)] = (table, {})
    elif len(hit[1]) >= _MEMO_SIZE:
        hit[1].clear()
    return hit[1]
