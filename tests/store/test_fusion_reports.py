"""The repository's own fusion reports (``benchmarks/fusion_reports``): a well-formed gold, fusion's promise on them.

The reports were written for the project (none comes from a development set) in the design of the
development set: events told by 2 to 4 reports with tolls that disagree, and distractors close in
place and time. ``benchmarks/bench_fusion.py --set own`` scores them in full and lists the errors.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from itertools import combinations
from pathlib import Path
from typing import Any

from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document, FusedEvent
from conflict_events.store import EventStore

REPORTS = Path(__file__).resolve().parents[2] / "benchmarks" / "fusion_reports"


def _docs() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (REPORTS / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _gold() -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = json.loads((REPORTS / "gold.json").read_text(encoding="utf-8"))["events"]
    return events


def test_every_report_is_in_one_gold_event() -> None:
    ids = [d["id"] for d in _docs()]
    members = [a for e in _gold() for a in e["articles"]]
    assert len(ids) == len(set(ids))
    assert sorted(members) == sorted(ids)


def test_gold_events_are_multi_report_events_or_distractors_near_one() -> None:
    events = _gold()
    names = {e["event"] for e in events if not e["distractor"]}
    for e in events:
        assert set(e["fatalities_by_article"]) == set(e["articles"])
        if e["distractor"]:
            assert len(e["articles"]) == 1 and e["near"] in names
        else:
            assert 2 <= len(e["articles"]) <= 4


def test_fusion_links_no_reports_of_different_events(tmp_path: Path) -> None:
    """No wrong link and no distractor merged; most links found (pairwise recall 0.70 when written)."""
    docs = _docs()
    gold = {a: e["event"] for e in _gold() for a in e["articles"]}
    results = list(Pipeline().pipe(Document(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"]))
                                   for d in docs))
    with EventStore(tmp_path / "own.sqlite") as store:
        store.ingest(results)
        out = io.StringIO()
        store.export(out)
    of_member = {(m.document_id, m.event_id): f.id for line in out.getvalue().splitlines()
                 for f in [FusedEvent.model_validate_json(line)] for m in f.members}
    system = {}
    for r in results:
        top = max(r.events, key=lambda e: e.confidence) if r.events else None
        system[r.document.id] = of_member[(r.document.id, top.id)] if top is not None else "alone:" + r.document.id
    pairs = list(combinations(sorted(gold), 2))
    wrong = [(a, b) for a, b in pairs if system[a] == system[b] and gold[a] != gold[b]]
    found = sum(1 for a, b in pairs if system[a] == system[b] and gold[a] == gold[b])
    wanted = sum(1 for a, b in pairs if gold[a] == gold[b])
    assert wrong == []
    assert found / wanted >= 0.6
