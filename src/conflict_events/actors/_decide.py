"""The first rule that applies, as :func:`conflict_events.rules.first` decides, with less bookkeeping.

A role noun is put to a dozen rules; through :class:`~conflict_events.rules.Rule`'s wrapper each
call also reads the switched-off rules and the trace. Outside a trace, :func:`decide` reads the
switched-off rules once and calls the rules' functions directly: the same decisions. While a
trace records, it goes through the wrappers, so that every firing is recorded.

>>> from conflict_events.actors._role_rules import ROLE_RULES, RoleQuery
>>> from conflict_events.actors._actor_ref import ActorNamer
>>> import datetime as dt
>>> decide(ROLE_RULES, RoleQuery.of(["unknown"], "gunmen", ActorNamer(dt.date(2024, 3, 15), "NG"))).rule
'actors.role.unidentified_armed'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from ..rules import Decided, Rule, first, memo_scope

__all__ = ["decide"]

T = TypeVar("T")


def decide(rules: Sequence[Rule[..., T]], *args: Any) -> Decided[T] | None:
    """The decision of the first rule that applies, with its name; ``None`` when none does."""
    off = memo_scope()
    if off is None:
        return first(rules, *args)
    for r in rules:
        if r.name in off:
            continue
        out = r.fn(*args)
        if out is not None and out is not False:
            return Decided(out, r.name)
    return None
