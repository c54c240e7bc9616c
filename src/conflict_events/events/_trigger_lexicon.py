"""The documented trigger lexicon (``lexicons/events.toml``, read through the lexicon store), loaded once.

A :class:`TriggerClass` is one kind of action ("artillery", "protest", ...) with the
ACLED type it points to before context rules run; :class:`Lexicon` holds the
classes plus the word lists the rules use (weapons by platform, light verbs,
irrealis governors, target nouns).

>>> lex = load_lexicon()
>>> lex.classes["air"].sub_event_type
'Air/drone strike'
>>> lex.verb_class("shell").name
'artillery'
>>> lex.platform("drone")
'air'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from ..errors import LexiconError
from ..lexicons import lexicon_with
from ..schema._taxonomy import SUB_EVENT_TYPES

__all__ = ["Lexicon", "LexiconError", "TriggerClass", "load_lexicon"]

_O = TypeVar("_O")


@dataclass(frozen=True)
class TriggerClass:
    """One kind of action and the words that name it."""

    name: str
    event_type: str
    sub_event_type: str
    strength: float
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    weak: bool = False
    extra: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, key: str, lemma: str) -> bool:
        """Whether ``lemma`` is in the class's extra list ``key`` (``ambiguous``, ``vague``, ``regain``)."""
        return lemma in self.extra.get(key, frozenset())


@dataclass(frozen=True)
class Lexicon:
    """Trigger classes and the word lists the typing and role rules use."""

    classes: dict[str, TriggerClass]
    weapons: dict[str, frozenset[str]]
    lists: dict[str, frozenset[str]]

    def verb_class(self, lemma: str) -> TriggerClass | None:
        """The first class whose verbs include ``lemma``."""
        return self._verb_index.get(lemma)

    def noun_class(self, lemma: str) -> TriggerClass | None:
        """The first class whose nouns include ``lemma``."""
        return self._noun_index.get(lemma)

    def label_class(self, label: str) -> TriggerClass | None:
        """The class whose ``labels`` include a note's opening label ("Defusal", "Movement of forces")."""
        return self._label_index.get(" ".join(label.lower().split()))

    def platform(self, lemma: str) -> str | None:
        """``air``, ``ground``, ``explosive``, ``grenade`` or ``chemical`` for a weapon word."""
        return self._platform_index.get(lemma)

    # Word -> first owner, built once per lexicon (the lookups above run for every token).
    @cached_property
    def _verb_index(self) -> dict[str, TriggerClass]:
        return _first_owner((c, c.verbs) for c in self.classes.values())

    @cached_property
    def _noun_index(self) -> dict[str, TriggerClass]:
        return _first_owner((c, c.nouns) for c in self.classes.values())

    @cached_property
    def _label_index(self) -> dict[str, TriggerClass]:
        return _first_owner((c, c.extra.get("labels", frozenset())) for c in self.classes.values())

    @cached_property
    def _platform_index(self) -> dict[str, str]:
        return _first_owner(self.weapons.items())

    def words(self, name: str) -> frozenset[str]:
        """A named word list (``light_verbs``, ``irrealis``, ``armed_targets`` ...)."""
        return self.lists.get(name, frozenset())


def _first_owner(pairs: Iterable[tuple[_O, frozenset[str]]]) -> dict[str, _O]:
    """Each word to the first owner whose words include it."""
    index: dict[str, _O] = {}
    for owner, words in pairs:
        for word in words:
            index.setdefault(word, owner)
    return index


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _parse(data: Mapping[str, Any]) -> Lexicon:
    classes: dict[str, TriggerClass] = {}
    for name, table in data.get("classes", {}).items():
        etype, sub = table.get("event_type"), table.get("sub_event_type")
        if etype not in SUB_EVENT_TYPES or sub not in SUB_EVENT_TYPES[etype]:
            raise LexiconError(f"class {name!r} points to an unknown ACLED label {etype!r} / {sub!r}")
        known = {"about", "event_type", "sub_event_type", "strength", "verbs", "nouns", "phrases", "weak"}
        classes[name] = TriggerClass(
            name=name,
            event_type=etype,
            sub_event_type=sub,
            strength=float(table.get("strength", 0.5)),
            verbs=_words(table.get("verbs")),
            nouns=_words(table.get("nouns")),
            phrases=tuple(tuple(p.lower().split()) for p in table.get("phrases", ())),
            weak=bool(table.get("weak", False)),
            extra={k: _words(v) for k, v in table.items() if k not in known and isinstance(v, list)},
        )
    if not classes:
        raise LexiconError("the events lexicon has no [classes.*] tables")
    weapons = {k: _words(v) for k, v in data.get("weapons", {}).items()}
    lists = {k: _words(v) for k, v in data.get("lists", {}).items()}
    return Lexicon(classes=classes, weapons=weapons, lists=lists)


@lru_cache(maxsize=16)
def load_lexicon(files: tuple[str, ...] = ()) -> Lexicon:
    """The trigger lexicon: ``events`` from the lexicon store, extended by the user's lexicon files
    that extend it (a step's ``lexicon_files``); checked, and cached per set of files."""
    store = lexicon_with("events", files)
    return _parse({"classes": store.table("classes"), "weapons": store.table("weapons"), "lists": store.lists})
