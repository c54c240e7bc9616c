"""Export the pipeline's results (JSONL from ``conflict-events extract``) as ACLED CSV and GeoJSON.

    conflict-events extract ../shared/corpus/ -o results.jsonl
    python examples/datasets/export_results.py results.jsonl events.csv events.geojson [--complete-only]

Both outputs stream: one result is read, written and dropped at a time. The
ACLED file is then checked with the same validator as real exports; rows
without an actor or a located place are reported (or, with
``--complete-only``, left out).
"""

from __future__ import annotations

import argparse
import sys

from conflict_events.io.acled import validate_acled, write_acled
from conflict_events.io.geojson import write_geojson
from conflict_events.io.writers import read_results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="JSONL written by conflict-events extract")
    parser.add_argument("acled_csv")
    parser.add_argument("geojson")
    parser.add_argument(
        "--complete-only", action="store_true", help="leave out events ACLED could not record"
    )
    args = parser.parse_args(argv)

    rows = write_acled(read_results(args.results), args.acled_csv, complete_only=args.complete_only)
    features = write_geojson(read_results(args.results), args.geojson)
    print(f"wrote {rows} ACLED rows to {args.acled_csv} and {features} located events to {args.geojson}")
    report = validate_acled(args.acled_csv)
    print(report.to_text())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
