"""Named rules: each decision of the rule layer as a small object with its reason and examples.

A rule is a plain function wrapped by :func:`rule`: it returns its decision, or ``None``
(or ``False``) when it does not apply, so an ordered list of rules reads as "the first rule that applies
decides" (:func:`first`). Each rule carries

- a dotted ``name`` (``concern.area.what``) that results cite in their ``provenance``;
- the record kind and field it ``decides``;
- its reason (the first line of the docstring);
- positive examples (sentences on which it fires) and negative ones (near misses on which
  it must not fire), each with what the result should then hold. The test suite turns every
  example into a test, so switching a rule off fails a test.

>>> import datetime as dt
>>> @rule("demo.size.big", decides="event.size",
...       positive=[Example("A huge crowd gathered.", {"events": 0})],
...       negative=[Example("A small crowd gathered.", {"events": 0})], register=False)
... def big(word: str) -> str | None:
...     '''A word of size names a big thing.'''
...     return "big" if word in {"huge", "vast"} else None
>>> big("huge"), big("small"), big.reason
('big', None, 'A word of size names a big thing.')
>>> with disabled({"demo.size.big"}):
...     big("huge") is None
True
>>> with trace() as fired:
...     _ = big("vast")
>>> [f.rule for f in fired]
['demo.size.big']
>>> first([big], "huge")
Decided(value='big', rule='demo.size.big')

Rules are switched off for a step with its ``disabled_rules`` setting, or in code with
:func:`disabled`; :func:`trace` records which rules fired while a block runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Final, Generic, Literal, ParamSpec, TypeVar

from .errors import RuleError

__all__ = [
    "EXAMPLE_DATE",
    "RECORD_KINDS",
    "Decided",
    "Example",
    "Firing",
    "RecordKind",
    "Rule",
    "RuleError",
    "catalogue",
    "disabled",
    "first",
    "memo_scope",
    "rule",
    "trace",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

RecordKind = Literal["event", "claim", "actor", "location", "time", "figure"]
RECORD_KINDS: Final[tuple[str, ...]] = ("event", "claim", "actor", "location", "time", "figure")

EXAMPLE_DATE: Final = dt.date(2024, 3, 15)
"""The document date of an example that gives none (a Friday)."""


@dataclass(frozen=True)
class Example:
    """A sentence a rule is written for, dated, with what the extraction of it should hold.

    ``expect`` maps keys to values: ``"event.sub_event_type": "Armed clash"`` holds when some
    event has that value (dotted paths reach inside: ``"event.actor1.name"``), a leading ``!``
    when none has, a plural kind (``"events": 0``) counts the records of that kind, and
    ``"lead.sub_event_type"`` reads the report's most confident event (its main story).
    """

    text: str
    expect: Mapping[str, Any] = field(default_factory=dict)
    date: dt.date = EXAMPLE_DATE


@dataclass(frozen=True)
class Firing:
    """One time a rule decided something."""

    rule: str
    decides: str


@dataclass(frozen=True)
class Decided(Generic[T]):
    """A decision and the name of the rule that made it."""

    value: T
    rule: str


@dataclass(frozen=True)
class _Scope:
    """The rules switched off and the list of firings being recorded, in the current context."""

    disabled: frozenset[str] = frozenset()
    fired: list[Firing] | None = None


# None while no rule is switched off and nothing is traced, so that a rule call then costs one look-up
_SCOPE: ContextVar[_Scope | None] = ContextVar("conflict_events_rule_scope", default=None)
_CATALOGUE: dict[str, Rule[..., Any]] = {}


class Rule(Generic[P, R]):
    """A named decision: call it like the function it wraps; ``None`` means it does not apply."""

    def __init__(
        self,
        fn: Callable[P, R | None],
        *,
        name: str,
        decides: str,
        positive: Sequence[Example],
        negative: Sequence[Example],
    ) -> None:
        kind = decides.split(".", 1)[0]
        if kind not in RECORD_KINDS or "." not in decides:
            raise RuleError(f"rule {name}: decides must be KIND.FIELD with KIND one of {RECORD_KINDS}, not {decides!r}")
        if not positive or not negative:
            raise RuleError(f"rule {name}: give at least one positive and one negative example")
        for ex in negative:
            if not ex.expect:
                raise RuleError(f"rule {name}: the negative example {ex.text!r} must say what the result holds instead")
        self.fn = fn
        self.name = name
        self.decides = decides
        self.record: str = kind
        self.field: str = decides.split(".", 1)[1]
        self.positive = tuple(positive)
        self.negative = tuple(negative)
        self.__doc__ = fn.__doc__
        self.__name__ = getattr(fn, "__name__", name)
        self.__module__ = fn.__module__
        self.__wrapped__ = fn

    @property
    def reason(self) -> str:
        """Why the rule decides as it does: the first line of its docstring."""
        doc = (self.fn.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R | None:
        scope = _SCOPE.get()
        if scope is None:
            return self.fn(*args, **kwargs)
        if self.name in scope.disabled:
            return None
        out = self.fn(*args, **kwargs)
        if scope.fired is not None and out is not None and out is not False:
            scope.fired.append(Firing(self.name, self.decides))
        return out

    def __repr__(self) -> str:
        return f"<Rule {self.name} decides {self.decides}>"


def rule(
    name: str,
    *,
    decides: str,
    positive: Sequence[Example],
    negative: Sequence[Example],
    register: bool = True,
) -> Callable[[Callable[P, R | None]], Rule[P, R]]:
    """Make a function a named :class:`Rule` (and list it in the :func:`catalogue`)."""

    def wrap(fn: Callable[P, R | None]) -> Rule[P, R]:
        made = Rule(fn, name=name, decides=decides, positive=positive, negative=negative)
        if register:
            old = _CATALOGUE.get(name)
            if old is not None and old.fn.__qualname__ != fn.__qualname__:
                raise RuleError(f"two rules are named {name!r}: {old.fn.__qualname__} and {fn.__qualname__}")
            _CATALOGUE[name] = made
        return made

    return wrap


def catalogue() -> dict[str, Rule[..., Any]]:
    """Every registered rule by name (rules register when their module is imported)."""
    return dict(sorted(_CATALOGUE.items()))


def first(rules: Iterable[Callable[..., T | None]], *args: Any, **kwargs: Any) -> Decided[T] | None:
    """The decision of the first rule that applies, with its name; ``None`` when none does."""
    scope = _SCOPE.get()
    if scope is None and not kwargs:
        # nothing switched off, nothing traced, positional arguments (the chain's every call): the
        # loop below without its per-rule checks
        for r in rules:
            out = r.fn(*args) if type(r) is Rule else r(*args)
            if out is not None and out is not False:
                return _decided(out, r)
        return None
    for r in rules:
        if type(r) is Rule:
            # Rule.__call__ inlined (the same checks, the scope read once for the list): the chain
            # calls rule lists tens of thousands of times per batch of documents
            if scope is not None and r.name in scope.disabled:
                continue
            out = r.fn(*args, **kwargs) if kwargs else r.fn(*args)
            # None and False both say "this rule does not apply"; every other value is a decision.
            if out is None or out is False:
                continue
            if scope is not None and scope.fired is not None:
                scope.fired.append(Firing(r.name, r.decides))
            return Decided(out, r.name)
        out = r(*args, **kwargs)
        if out is not None and out is not False:
            return Decided(out, getattr(r, "name", getattr(r, "__name__", "?")))
    return None


def _decided(value: T, r: Callable[..., T | None]) -> Decided[T]:
    """``Decided(value, name of r)``, made without the frozen dataclass's ``__init__`` (``object.__setattr__``
    per field): ``first`` returns one for each decision, thousands per batch of documents."""
    made: Decided[T] = _new(Decided)
    fields = made.__dict__
    fields["value"] = value
    fields["rule"] = r.name if type(r) is Rule else getattr(r, "name", getattr(r, "__name__", "?"))
    return made


_new: Final = object.__new__


def memo_scope() -> frozenset[str] | None:
    """What a memo of rule decisions keys on: the rules switched off here, or None while a :func:`trace`
    records (then nothing is read from a memo, so that every firing is recorded).

    >>> memo_scope()
    frozenset()
    >>> with trace():
    ...     memo_scope() is None
    True
    """
    scope = _SCOPE.get()
    if scope is None:
        return frozenset()
    return None if scope.fired is not None else scope.disabled


@contextmanager
def disabled(names: Iterable[str]) -> Iterator[None]:
    """Switch rules off (by name) for the block: they return ``None`` as if they did not apply."""
    scope = _SCOPE.get() or _Scope()
    off = scope.disabled | frozenset(names)
    if off == scope.disabled:  # nothing more is switched off (the pipeline's steps mostly): no new scope
        yield
        return
    token = _SCOPE.set(_Scope(off, scope.fired))
    try:
        yield
    finally:
        _SCOPE.reset(token)


@contextmanager
def trace() -> Iterator[list[Firing]]:
    """Record every rule that fires while the block runs, in order."""
    fired: list[Firing] = []
    token = _SCOPE.set(_Scope((_SCOPE.get() or _Scope()).disabled, fired))
    try:
        yield fired
    finally:
        _SCOPE.reset(token)
