"""The contested view: the claims about one event, or one subject and period, side by side by claimant.

Claims are never blended: each claimant keeps its own claims and its own range.
Where the claims give numbers of the asked category, a UCDP-style summary
(low / best / high) is added, by the rule written in ``docs/claims.md``:

* each figure has a *floor* (its ``low``, else its ``value``) and a *ceiling*
  (its ``high``, else its ``value``; open-ended "more than 40" has none);
* a claimant's own figure is its largest floor (tolls are revised upwards, and a
  claimant's later, higher count supersedes its earlier one);
* ``low`` is the smallest claimant figure, ``high`` the largest ceiling or floor;
* ``best`` is the smallest figure given by a claimant that is not a party to the
  fighting (a monitor, a hospital, witnesses, a UN agency); when only parties
  give numbers, ``best`` is ``low``, ACLED's conservative reading;
* the matter is ``contested`` when two claimants give different figures, or one
  claimant denies what another asserts.

>>> from conflict_events.schema import Actor, Claim, Figure, Span
>>> text = "Russia said 40 were killed. The DPR put the toll at 53."
>>> ru = Actor(id="ru", name="Ministry of Defence of Russia", kind="government", country="RU")
>>> dpr = Actor(id="dpr", name="Donetsk People's Republic", kind="rebel_group", country="UA")
>>> def claim(i, who, a, b, n):
...     f = Figure(category="killed", value=n, text=Span.of(text, a, b))
...     return Claim(id=i, claimant=who, cue="say", kind="casualties", text=Span.of(text, a, b),
...                  sentence=Span.of(text, a, b), figures=(f,), event_ids=("e1",))
>>> view = contested_view([claim("c1", ru, 12, 14, 40), claim("c2", dpr, 51, 53, 53)], event_id="e1")
>>> [(s.claimant.name, s.best) for s in view.sides], (view.low, view.best, view.high), view.contested
([('Ministry of Defence of Russia', 40), ("Donetsk People's Republic", 53)], (40, 40, 53), True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from .schema import Actor, Claim, ExtractionResult, Figure

__all__ = ["ClaimantSide", "ContestedView", "contested_view"]

# Actor kinds that take part in the fighting; their numbers are a party's numbers.
PARTY_KINDS: Final = frozenset(
    {
        "state_forces",
        "rebel_group",
        "political_militia",
        "identity_militia",
        "external_forces",
        "government",
    }
)
CASUALTY_GROUPS: Final[dict[str, frozenset[str]]] = {
    "killed": frozenset({"killed"}),
    "wounded": frozenset({"wounded"}),
    "casualties": frozenset({"casualties", "killed", "wounded"}),
}


@dataclass(frozen=True)
class ClaimantSide:
    """One claimant's claims on the matter, and its own figures and range, never merged with others'."""

    claimant: Actor | None
    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    low: int | None
    best: int | None
    high: int | None
    denies: bool

    @property
    def party(self) -> bool:
        """Whether the claimant takes part in the fighting (its figures are a party's)."""
        return self.claimant is not None and (
            self.claimant.kind in PARTY_KINDS or _speaks_for_party(self.claimant)
        )


@dataclass(frozen=True)
class ContestedView:
    """The claims side by side, with a UCDP-style low/best/high where the claims allow one."""

    sides: tuple[ClaimantSide, ...]
    category: str
    low: int | None
    best: int | None
    high: int | None
    contested: bool


def contested_view(
    result: ExtractionResult | Iterable[Claim],
    *,
    event_id: str | None = None,
    subject: str | None = None,
    period: tuple[dt.date, dt.date] | None = None,
    category: str = "killed",
) -> ContestedView:
    """The claims about an event (``event_id``), or a subject's losses (``subject`` actor id) in a ``period``.

    ``result`` is an extraction result or any iterable of claims (several documents' claims together).

    ``category`` picks the figures summarised (``killed``, ``wounded``, ``casualties``,
    ``equipment``, ...); ``casualties`` also takes killed and wounded figures.
    """
    pool = result.claims if isinstance(result, ExtractionResult) else tuple(result)
    claims = [c for c in pool if _selected(c, event_id, subject, period)]
    wanted = CASUALTY_GROUPS.get(category, frozenset({category}))
    order: list[str] = []
    grouped: dict[str, list[Claim]] = {}
    for c in claims:
        key = c.claimant.id if c.claimant is not None else ""
        if key not in grouped:
            order.append(key)
            grouped[key] = []
        grouped[key].append(c)
    sides = tuple(_side(grouped[k], wanted, subject) for k in order)
    floors = [s.best for s in sides if s.best is not None]
    if not floors:
        return ContestedView(sides, category, None, None, None, _disagree(sides))
    low = min(floors)
    ceilings = [v for s in sides for v in (s.high, s.best) if v is not None]
    neutral = [s.best for s in sides if s.best is not None and not s.party]
    best = min(neutral) if neutral else low
    return ContestedView(sides, category, low, best, max(ceilings), _disagree(sides))


def _selected(
    c: Claim, event_id: str | None, subject: str | None, period: tuple[dt.date, dt.date] | None
) -> bool:
    if event_id is not None and event_id not in c.event_ids:
        return False
    if subject is not None and not any(f.subject == subject for f in c.figures):
        return False
    return period is None or (c.time is not None and c.time.end >= period[0] and c.time.start <= period[1])


def _side(claims: list[Claim], wanted: frozenset[str], subject: str | None) -> ClaimantSide:
    figures = tuple(
        f
        for c in claims
        for f in c.figures
        if f.category in wanted and (subject is None or f.subject == subject)
    )
    floors = [_floor(f) for f in figures if _floor(f) is not None]
    ceilings = [_ceiling(f) for f in figures if _ceiling(f) is not None]
    best = max(v for v in floors if v is not None) if floors else None
    low = min(v for v in floors if v is not None) if floors else None
    high = max(v for v in ceilings if v is not None) if ceilings else None
    return ClaimantSide(
        claims[0].claimant, tuple(claims), figures, low, best, high, any(c.negated for c in claims)
    )


def _floor(f: Figure) -> int | None:
    return f.low if f.low is not None else f.value


def _ceiling(f: Figure) -> int | None:
    return f.high if f.high is not None else f.value


def _disagree(sides: Iterable[ClaimantSide]) -> bool:
    listed = list(sides)
    values = {s.best for s in listed if s.best is not None}
    return len(values) > 1 or (len(listed) > 1 and any(s.denies for s in listed))


def _speaks_for_party(actor: Actor) -> bool:
    """A person speaking for a government, an army or an armed group is a party's voice."""
    if actor.kind != "person" or not actor.affiliation:
        return False
    words = actor.affiliation.lower()
    return any(
        w in words
        for w in (
            "government",
            "ministry",
            "military",
            "army",
            "forces",
            "council",
            "office",
            "president",
            "police",
            "front",
            "movement",
            "junta",
        )
    )
