"""Fusion on the development reports: pairwise and B-cubed F1, distractors merged, every report's toll kept.

    python benchmarks/bench_fusion.py                      # extract ../shared/dev/fusion, store, score
    python benchmarks/bench_fusion.py --results out.jsonl  # score results extracted before
    python benchmarks/bench_fusion.py --set own            # the repository's own reports (benchmarks/fusion_reports)
    python benchmarks/bench_fusion.py --set own2 --json    # the second batch (benchmarks/fusion_reports_2)
    python benchmarks/bench_fusion.py --set own3 --json    # the third batch (benchmarks/fusion_reports_3)
    python benchmarks/bench_fusion.py --set own4 --json    # the fourth batch, held out (benchmarks/fusion_reports_4)
    python benchmarks/bench_fusion.py --set own5 --json    # the fifth batch (benchmarks/fusion_reports_5)
    python benchmarks/bench_fusion.py --set own6 --json    # the sixth batch (benchmarks/fusion_reports_6)
    python benchmarks/bench_fusion.py --set own7 --json    # the seventh batch (benchmarks/fusion_reports_7)
    python benchmarks/bench_fusion.py --set own8 --json    # the eighth batch, held out (benchmarks/fusion_reports_8)
    python benchmarks/bench_fusion.py --set own9 --json    # the ninth batch, held out (benchmarks/fusion_reports_9)
    python benchmarks/bench_fusion.py --set own10 --json   # the tenth batch, held out (benchmarks/fusion_reports_10)

Extracts the reports of ``../shared/dev/fusion`` (31 real reports of 8 events and 6 distractors;
their text stays outside the repository), ingests the results into a fresh SQLite store,
exports the fused events and scores them as ``../shared/dev/run fusion`` does: each report is
labelled with the fused event of its most confident event, and the labels are compared with
the gold clusters (pairwise and B-cubed F1; a distractor joined to anything counts against).
It also checks the goal on tolls: for each gold event, does the fused event of each report hold
that report's toll in ``fatalities.by_document``? Then it lists the wrong and missed links with
the points of each kind of evidence, and for each report whether its most confident event has
the gold type, day and province, which tells an extraction error from a fusion error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

from conflict_events.schema import Document, ExtractionResult, FusedEvent
from conflict_events.store import EventStore, explain
from conflict_events.store._fusion_rules import FusionEvent
from conflict_events.store._records import read_record
from conflict_events.store._rows import TABLE_ORDER, RowBuilder

HERE = Path(__file__).resolve().parent
FUSION = HERE.parent.parent / "shared" / "dev" / "fusion"
# Reports written for the project in the same design (events told 2-4 times, distractors close by): a check
# that fusion generalises beyond the development reports it was tuned on.
OWN = HERE / "fusion_reports"
# A second batch of other events, written before any run and kept out of tuning: the held-out figure.
OWN2 = HERE / "fusion_reports_2"
OWN3 = HERE / "fusion_reports_3"
OWN4 = HERE / "fusion_reports_4"
OWN5 = HERE / "fusion_reports_5"
OWN6 = HERE / "fusion_reports_6"
OWN7 = HERE / "fusion_reports_7"
OWN8 = HERE / "fusion_reports_8"
OWN9 = HERE / "fusion_reports_9"
OWN10 = HERE / "fusion_reports_10"
SETS = {"dev": FUSION, "own": OWN, "own2": OWN2, "own3": OWN3, "own4": OWN4, "own5": OWN5, "own6": OWN6, "own7": OWN7,
        "own8": OWN8, "own9": OWN9, "own10": OWN10}


def extract(docs_path: Path) -> list[ExtractionResult]:
    from conflict_events.pipeline import Pipeline

    docs = [json.loads(line) for line in docs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [Document(id=d["id"], text=d["text"], date=dt.date.fromisoformat(d["date"])) for d in docs]
    return list(Pipeline().pipe(documents))


def top_event(result: ExtractionResult) -> Any:
    return max(result.events, key=lambda e: e.confidence) if result.events else None


def features(results: list[ExtractionResult]) -> dict[tuple[str, str], FusionEvent]:
    """The fusion features of every event, as the store builds them on ingest (its toll, window, places named)."""
    builder = RowBuilder(next_pk=dict.fromkeys(TABLE_ORDER, 1))
    for r in results:
        builder.add(read_record(r.model_dump_json()), digest="")
    return {(f.document_id, f.event_id): f for f in builder.fusion}


def toll_held(fused: FusedEvent | None, document_id: str) -> int | None:
    """The toll a report's fused event holds for it (None: none, or no fused event)."""
    return fused.fatalities.by_document.get(document_id) if fused is not None else None


def scores(system: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    ids = sorted(gold)
    pairs = list(combinations(ids, 2))
    tp = sum(1 for a, b in pairs if system[a] == system[b] and gold[a] == gold[b])
    predicted = sum(1 for a, b in pairs if system[a] == system[b])
    wanted = sum(1 for a, b in pairs if gold[a] == gold[b])
    p, r = (tp / predicted if predicted else 0.0), (tp / wanted if wanted else 0.0)
    same_s = {d: {e for e in ids if system[e] == system[d]} for d in ids}
    same_g = {d: {e for e in ids if gold[e] == gold[d]} for d in ids}
    bp = sum(len(same_s[d] & same_g[d]) / len(same_s[d]) for d in ids) / len(ids)
    br = sum(len(same_s[d] & same_g[d]) / len(same_g[d]) for d in ids) / len(ids)
    return {"pairwise_p": p, "pairwise_r": r, "pairwise_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": 2 * bp * br / (bp + br) if bp + br else 0.0}


def diagnose(result: ExtractionResult, event: dict[str, Any]) -> str:
    """Where the report's most confident event departs from the gold event (extraction's errors)."""
    top = top_event(result)
    if top is None:
        return "no event"
    day = dt.date.fromisoformat(event["date"])
    notes = []
    if top.sub_event_type != event["acled_sub_type"]:
        notes.append(f"type {top.sub_event_type}")
    if not top.date.start - dt.timedelta(days=1) <= day <= top.date.end + dt.timedelta(days=1):
        notes.append(f"date {top.date.start}..{top.date.end}")
    place = top.location
    if place is None:
        notes.append("no place")
    elif place.country != event["country"]:
        notes.append(f"place {place.name} ({place.country})")
    elif place.admin1 and place.admin1.lower() != event["admin1"].lower():
        notes.append(f"place {place.name} ({place.admin1})")
    return ", ".join(notes) or "agrees with gold"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="dev",
                    help="dev: ../shared/dev/fusion (default); own: benchmarks/fusion_reports; "
                         "own2, own3, own4: benchmarks/fusion_reports_2 to _4 (own4 held out)")
    ap.add_argument("--docs", type=Path, help="reports, one JSON a line (default: the set's docs.jsonl)")
    ap.add_argument("--gold", type=Path, help="gold clusters (default: the set's gold.json)")
    ap.add_argument("--results", type=Path, help="results of extract on the docs (default: extract them now)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON only")
    a = ap.parse_args()
    a.docs = a.docs or SETS[a.set] / "docs.jsonl"
    a.gold = a.gold or SETS[a.set] / "gold.json"
    if not a.gold.is_file():
        print(f"bench_fusion: no gold at {a.gold} (../shared beside the checkout)", file=sys.stderr)
        return 2
    results = ([ExtractionResult.model_validate_json(line) for line in a.results.read_text().splitlines() if line]
               if a.results else extract(a.docs))
    gold_events = json.loads(a.gold.read_text(encoding="utf-8"))["events"]
    gold = {art: e["event"] for e in gold_events for art in e["articles"]}
    distractors = {e["event"] for e in gold_events if e.get("distractor")}
    by_id = {r.document.id: r for r in results}

    with tempfile.TemporaryDirectory() as tmp, EventStore(Path(tmp) / "fusion.sqlite") as store:
        store.ingest(results)
        out = io.StringIO()
        store.export(out)
    fused = [FusedEvent.model_validate_json(line) for line in out.getvalue().splitlines()]
    of_member = {(m.document_id, m.event_id): f for f in fused for m in f.members}
    system: dict[str, str] = {}
    fused_of: dict[str, FusedEvent | None] = {}
    for art in gold:
        top = top_event(by_id[art]) if art in by_id else None
        f = of_member.get((art, top.id)) if top is not None else None
        fused_of[art] = f
        system[art] = f.id if f is not None else "alone:" + art
    figures: dict[str, Any] = scores(system, gold)
    same_s = {d: {e for e in gold if system[e] == system[d]} for d in gold}
    figures["distractors_merged"] = sum(1 for d in gold if gold[d] in distractors
                                        and any(gold[e] != gold[d] for e in same_s[d]))
    toll_ok, toll_misses = 0, []
    for e in gold_events:
        if e.get("distractor"):
            continue
        held = {art: toll_held(fused_of[art], art) for art in e["fatalities_by_article"]}
        misses = [(art, want, held[art]) for art, want in e["fatalities_by_article"].items() if held[art] != want]
        toll_ok += not misses
        toll_misses += [(e["event"], *m) for m in misses]
    figures["events_with_every_toll"] = toll_ok
    figures["multi_report_events"] = sum(1 for e in gold_events if not e.get("distractor"))
    if a.json:
        print(json.dumps(figures))
        return 0
    print(f"pairwise F1 {figures['pairwise_f1']:.3f} (P {figures['pairwise_p']:.3f} R {figures['pairwise_r']:.3f}), "
          f"B-cubed F1 {figures['bcubed_f1']:.3f} (P {figures['bcubed_p']:.3f} R {figures['bcubed_r']:.3f}), "
          f"distractors merged {figures['distractors_merged']}, every report's toll held for "
          f"{toll_ok} of {figures['multi_report_events']} events")
    built = features(results)
    of_report = {art: built[(art, top_event(r).id)] for art, r in by_id.items() if top_event(r) is not None}
    print("\nlinks (gold event: report, report -> points type/date/place/sides/toll, or the veto):")
    for x, y in combinations(sorted(gold), 2):
        linked, wanted = system[x] == system[y], gold[x] == gold[y]
        if linked == wanted:
            continue
        why = "no event"
        if x in of_report and y in of_report:
            e = explain(of_report[x], of_report[y])
            why = e.veto or e.unlinked or f"{e.type}/{e.date}/{e.place}/{e.sides}/{e.toll} = {e.total}"
        print(f"  {'WRONG' if linked else 'missed'}  {gold[x]}: {x}, {y} -> {why}")
    print("\ntolls not held (gold event, report, gold toll, by_document):")
    for miss in toll_misses:
        print(f"  {miss[0]}: {miss[1]} {miss[2]} {miss[3]}")
    print("\neach report's most confident event against gold:")
    for e in gold_events:
        for art in e["articles"]:
            print(f"  {e['event']:<45} {art}  {diagnose(by_id[art], e) if art in by_id else 'not extracted'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
