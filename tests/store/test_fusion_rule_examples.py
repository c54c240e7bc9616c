"""The fusion rules' own examples, run end to end: each report extracted, the results ingested, the store read.

A fusion rule's example is several short reports, separated by a line ``---``, dated the
example's date. It expects ``fused_events``: how many fused events the reports' main events
(each report's most confident event, as the fusion benchmark labels reports) end up in, and
``tolls``: each report's toll in its fused event's ``fatalities.by_document``. A positive
example must make the rule fire, a negative one must not.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from conflict_events.pipeline import Pipeline
from conflict_events.rules import Example, Rule, trace
from conflict_events.schema import Document, FusedEvent
from conflict_events.store import EventStore
from conflict_events.store._fusion_rules import (
    casualties_beside_wounded,
    coarse_link,
    different_types,
    first_stated_toll,
    last_weekday,
    named_by_the_reports,
    named_elsewhere,
    no_number,
    outcome_reading,
    part_of_the_total,
    party_credit,
    reported_day,
)

RULES: list[Rule[..., Any]] = [casualties_beside_wounded, coarse_link, different_types, first_stated_toll,
                               last_weekday, named_by_the_reports, named_elsewhere, no_number, outcome_reading,
                               part_of_the_total, party_credit, reported_day]
CASES = [pytest.param(r, sign, ex, id=f"{r.name}-{sign}{i}")
         for r in RULES for sign, examples in (("+", r.positive), ("-", r.negative))
         for i, ex in enumerate(examples)]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def outcome(pipeline: Pipeline, example: Example, db: Path) -> tuple[dict[str, Any], set[str]]:
    """What the store makes of the example's reports, and the rules that fired on the way."""
    documents = [Document(id=f"report-{i}", text=text.strip(), date=example.date)
                 for i, text in enumerate(example.text.split("\n---\n"), start=1)]
    with trace() as fired:
        results = list(pipeline.pipe(documents))
        with EventStore(db) as store:
            store.ingest(results)
            out = io.StringIO()
            store.export(out)
    fused = [FusedEvent.model_validate_json(line) for line in out.getvalue().splitlines()]
    of_member = {(m.document_id, m.event_id): f for f in fused for m in f.members}
    main = [(r.document.id, max(r.events, key=lambda e: e.confidence)) for r in results if r.events]
    found = [(doc, of_member[(doc, e.id)]) for doc, e in main]
    got = {"fused_events": len({f.id for _, f in found}) if len(main) == len(documents) else None,
           "tolls": [f.fatalities.by_document.get(doc) for doc, f in found]}
    return got, {f.rule for f in fired}


@pytest.mark.parametrize(("rule", "sign", "example"), CASES)
def test_fusion_rule_example(pipeline: Pipeline, tmp_path: Path, rule: Rule[..., Any], sign: str,
                             example: Example) -> None:
    got, fired = outcome(pipeline, example, tmp_path / "store.sqlite")
    assert (rule.name in fired) == (sign == "+"), f"{rule.name} {'did not fire' if sign == '+' else 'fired'}: {got}"
    for key, want in example.expect.items():
        assert got[key] == want, f"{example.text!r}: expected {key} = {want!r}, got {got}"
