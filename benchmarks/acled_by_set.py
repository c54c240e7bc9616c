"""The ACLED event figures of a kept run, per development set and per country.

    python benchmarks/acled_by_set.py DIR [--data ../.devdata/acled] [--shared ../shared] [--countries 10]

DIR is what ``../shared/dev/run acled --keep DIR`` kept (its ``acled-events.pred.jsonl``). For each
set the data directory holds (``global-2023``, ``west-africa-2021``, ...), prints the share of notes
whose most confident event has ACLED's event type, sub-type, actor1 and actor2 (actor names folded as
the shared scorer folds them), then the countries of the most notes. Figures from ACLED's data
(acleddata.com); nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("event_type", "sub_event_type", "actor1", "actor2")


def _lead(result: dict[str, Any]) -> dict[str, Any]:
    events = result.get("events") or []
    return max(events, key=lambda e: e.get("confidence", 0)) if events else {}


def _name(event: dict[str, Any], field: str) -> str | None:
    actor = event.get(field)
    return actor.get("name") if isinstance(actor, dict) else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kept", type=Path, help="the directory of a kept ACLED run")
    ap.add_argument("--data", type=Path, default=ROOT.parent / ".devdata" / "acled")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--countries", type=int, default=10, help="countries shown per set (default 10)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.shared / "dev" / "acled"))
    from score import actor_key  # the shared scorer's folding of actor names

    pred_path = args.kept / "acled-events.pred.jsonl"
    if not pred_path.is_file():
        print(f"{pred_path}: no such file (run ../shared/dev/run acled --keep {args.kept})", file=sys.stderr)
        return 2
    with pred_path.open(encoding="utf-8") as fh:
        leads = {r["document"]["id"]: _lead(r) for r in map(json.loads, fh)}
    for gold_path in sorted(args.data.glob("*/gold.jsonl")):
        by_country: defaultdict[str, Counter[str]] = defaultdict(Counter)
        with gold_path.open(encoding="utf-8") as fh:
            for gold in map(json.loads, fh):
                if gold["id"] not in leads:
                    continue
                lead, tally = leads[gold["id"]], by_country[gold.get("country") or "?"]
                tally["notes"] += 1
                for field in FIELDS:
                    if field.startswith("actor"):
                        tally[field] += actor_key(_name(lead, field)) == actor_key(gold.get(field))
                    else:
                        tally[field] += lead.get(field) == gold.get(field)
        total: Counter[str] = Counter()
        for tally in by_country.values():
            total.update(tally)
        if not total["notes"]:
            continue
        print(f"{gold_path.parent.name}: {_line(total)}")
        for country, tally in sorted(by_country.items(), key=lambda kv: -kv[1]["notes"])[: args.countries]:
            print(f"  {country:30s} {_line(tally)}")
    print("(figures from ACLED's data, acleddata.com)")
    return 0


def _line(tally: Counter[str]) -> str:
    n = tally["notes"]
    shares = ", ".join(f"{field.replace('_event_type', '').replace('event_type', 'type')} {tally[field] / n:.3f}"
                       for field in FIELDS)
    return f"{n:5d} notes: {shares}"


if __name__ == "__main__":
    sys.exit(main())
