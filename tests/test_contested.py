"""The contested view: claimants kept apart, UCDP-style low/best/high by the written rule."""

from __future__ import annotations

import datetime as dt

from conflict_events.contested import contested_view
from conflict_events.schema import Actor, Claim, Figure, Span, TimeSpan

TEXT = "x" * 200
RU = Actor(id="ru", name="Ministry of Defence of Russia", kind="government", country="RU")
DPR = Actor(id="dpr", name="Donetsk People's Republic", kind="rebel_group", country="UA")
UA = Actor(id="ua", name="Military Forces of Ukraine", kind="state_forces", country="UA")
UN = Actor(id="un", name="United Nations", kind="organization")


def claim(
    cid: str,
    who: Actor,
    figures: list[Figure],
    *,
    negated: bool = False,
    event: str = "e1",
    time: TimeSpan | None = None,
) -> Claim:
    span = Span.of(TEXT, 0, 5)
    return Claim(
        id=cid,
        claimant=who,
        cue="say",
        kind="casualties",
        text=span,
        sentence=span,
        figures=tuple(figures),
        negated=negated,
        event_ids=(event,),
        time=time,
    )


def killed(
    value: int | None = None, low: int | None = None, high: int | None = None, subject: str | None = None
) -> Figure:
    return Figure(
        category="killed", value=value, low=low, high=high, subject=subject, text=Span.of(TEXT, 0, 2)
    )


def test_sides_are_kept_apart_and_parties_give_a_conservative_best() -> None:
    view = contested_view([claim("a", RU, [killed(40)]), claim("b", DPR, [killed(53)])], event_id="e1")
    assert [(s.claimant.name if s.claimant else None, s.best) for s in view.sides] == [
        ("Ministry of Defence of Russia", 40),
        ("Donetsk People's Republic", 53),
    ]
    assert (view.low, view.best, view.high, view.contested) == (40, 40, 53, True)


def test_a_non_party_figure_is_best() -> None:
    claims = [claim("a", RU, [killed(40)]), claim("b", UN, [killed(low=45)]), claim("c", DPR, [killed(53)])]
    view = contested_view(claims, event_id="e1")
    assert (view.low, view.best, view.high) == (40, 45, 53)


def test_a_claimants_later_higher_count_supersedes_its_own_earlier_one() -> None:
    view = contested_view([claim("a", RU, [killed(30)]), claim("b", RU, [killed(40)])], event_id="e1")
    assert len(view.sides) == 1 and view.sides[0].best == 40 and not view.contested


def test_denial_makes_it_contested_without_numbers() -> None:
    view = contested_view([claim("a", RU, []), claim("b", UA, [], negated=True)], event_id="e1")
    assert view.contested and view.best is None


def test_subject_and_period_select_claims() -> None:
    day = TimeSpan(
        start=dt.date(2025, 1, 4), end=dt.date(2025, 1, 5), precision="range", anchor=dt.date(2025, 1, 5)
    )
    year = TimeSpan(
        start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), precision="year", anchor=dt.date(2025, 1, 5)
    )
    claims = [
        claim("a", RU, [killed(340, subject="ua")], time=day),
        claim("b", UA, [killed(430000, subject="ru")], time=year),
    ]
    view = contested_view(claims, subject="ua", period=(dt.date(2025, 1, 1), dt.date(2025, 1, 5)))
    assert [s.best for s in view.sides] == [340]


def test_other_events_are_left_out() -> None:
    claims = [claim("a", RU, [killed(5)], event="e2")]
    view = contested_view(claims, event_id="e1")
    assert view.sides == () and view.low is None
    kept = contested_view(claims, event_id="e2")  # the same claim is found for its own event
    assert len(kept.sides) == 1 and kept.low == 5
