"""Every named rule's examples, run through the default chain: one test per example.

A positive example passes when the rule fires on it and the result holds what the example
expects; a negative one when the rule does not fire and the result holds what the example
says happens instead (every negative example must say it, so an empty result fails). With
a rule switched off, its positive examples fail: no rule is untested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from conflict_events.pipeline import DEFAULT_STEPS, Pipeline
from conflict_events.registry import registry
from conflict_events.rules import Example, Rule, catalogue, trace
from conflict_events.schema import Document, ExtractionResult

for _name in DEFAULT_STEPS:  # importing the built-in steps registers their rules
    registry.get(_name)

RULES = catalogue()
CASES = [
    pytest.param(r, sign, ex, id=f"{name}-{sign}{i}")
    for name, r in RULES.items()
    for sign, examples in (("+", r.positive), ("-", r.negative))
    for i, ex in enumerate(examples)
]
_PLURAL = {"events": "event", "claims": "claim", "actors": "actor", "locations": "location", "times": "time",
           "figures": "figure"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def records(result: ExtractionResult, kind: str) -> list[Any]:
    """The records of one kind in a result (figures: every event's and claim's)."""
    if kind == "figure":
        out: list[Any] = []
        for e in result.events:
            out.extend([*e.figures, *([e.fatalities] if e.fatalities else [])])
        for c in result.claims:
            out.extend(c.figures)
        return out
    return list(getattr(result, kind + "s"))


def _value(record: Any, path: str) -> Any:
    value = record
    for part in path.split("."):
        value = getattr(value, part, None) if value is not None else None
    return value


def _norm(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def holds(result: ExtractionResult, key: str, want: Any) -> bool:
    """Whether the result holds one expectation of an example (see :class:`~conflict_events.rules.Example`)."""
    if key in _PLURAL:
        return len(records(result, _PLURAL[key])) == want
    negate = key.startswith("!")
    kind, _, path = key.lstrip("!").partition(".")
    if kind == "lead":  # the report's main event: its most confident (the first of equals)
        lead = max(result.events, key=lambda e: e.confidence) if result.events else None
        found = lead is not None and _norm(_value(lead, path)) == _norm(want)
        return not found if negate else found
    found = any(_norm(_value(r, path)) == _norm(want) for r in records(result, kind))
    return not found if negate else found


def run(pipeline: Pipeline, example: Example) -> tuple[ExtractionResult, set[str]]:
    document = Document(id="example", text=example.text, date=example.date)
    with trace() as fired:
        result = pipeline(document)
    return result, {f.rule for f in fired}


def describe(result: ExtractionResult) -> Iterator[str]:
    for e in result.events:
        yield f"event {e.event_type}/{e.sub_event_type} a1={e.actor1 and e.actor1.name} a2={e.actor2 and e.actor2.name}"
    for c in result.claims:
        yield f"claim cue={c.cue} claimant={c.claimant and c.claimant.name} kind={c.kind}"
    for t in result.times:
        yield f"time {t.text!r} {t.start}..{t.end} {t.precision}"
    for loc in result.locations:
        yield f"location {loc.name} ({loc.kind}, {loc.admin1}, {loc.country})"


@pytest.mark.parametrize(("rule", "sign", "example"), CASES)
def test_rule_example(pipeline: Pipeline, rule: Rule[..., Any], sign: str, example: Example) -> None:
    result, fired = run(pipeline, example)
    seen = "; ".join(describe(result)) or "nothing"
    if sign == "+":
        assert rule.name in fired, f"{rule.name} did not fire on {example.text!r} (result: {seen})"
    else:
        assert rule.name not in fired, f"{rule.name} fired on its negative example {example.text!r}"
    for key, want in example.expect.items():
        assert holds(result, key, want), f"{example.text!r}: expected {key} = {want!r}; got {seen}"


def test_the_harness_reads_expectations() -> None:
    doc = Document(id="d", text="x", date=dt.date(2024, 1, 1))
    empty = ExtractionResult(document=doc)
    assert holds(empty, "events", 0)
    assert not holds(empty, "event.sub_event_type", "Armed clash")
    assert holds(empty, "!event.sub_event_type", "Armed clash")
